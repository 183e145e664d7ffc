"""A benchmark corpus from KIND's Wikinews sentences: token lines back into plausible articles.

KIND's WN files (train, dev, test) hold ~15,600 news sentences, one token a line, a blank
line between sentences and no document boundaries. ``wikinews_articles`` keeps their order
and cuts them into ``n`` articles of consecutive sentences (about 15-16 each for 1,000), four
sentences a paragraph, with the tokens detokenised: no space before , . ; : ) ? ! and closing
quotes, none after ( and opening quotes, none after an elided article or preposition ("l'",
"dell'"). Every article keeps its KIND token count, for tokens-per-second figures.
"""
from __future__ import annotations

import json
from pathlib import Path
from typing import Iterator

KIND_WN = ("WN_train.tsv", "WN_dev.tsv", "WN_test.tsv")
NO_SPACE_BEFORE = frozenset(",.;:)]}?!%…»") | {"...", "''"}
NO_SPACE_AFTER = frozenset("([{«")
SENTENCES_PER_PARAGRAPH = 4


def kind_sentences(kind_dir: Path) -> Iterator[list[str]]:
    """The tokens of every sentence in KIND's Wikinews files, in file order."""
    for name in KIND_WN:
        tokens: list[str] = []
        for line in (kind_dir / name).read_text(encoding="utf-8").splitlines():
            if not line.strip():
                if tokens:
                    yield tokens
                tokens = []
                continue
            tokens.append(line.split("\t")[0])
        if tokens:
            yield tokens


def detokenise(tokens: list[str]) -> str:
    out: list[str] = []
    glue = True          # no space before the next token
    quote_open = False   # straight double quotes alternate open / close
    for tok in tokens:
        if tok == '"':
            if quote_open:   # closing: attach to the previous token
                out.append(tok)
                glue = False
            else:            # opening: space before, none after
                out.append(("" if glue else " ") + tok)
                glue = True
            quote_open = not quote_open
            continue
        if tok in NO_SPACE_BEFORE:
            out.append(tok)
        else:
            out.append(("" if glue else " ") + tok)
        glue = tok in NO_SPACE_AFTER or (tok.endswith(("'", "’")) and len(tok) > 1 and tok[:-1].isalpha())
    return "".join(out).strip()


def wikinews_articles(kind_dir: Path, n: int = 1000) -> list[dict]:
    """``n`` articles (JSONL records with id, text and the KIND token count), in corpus order."""
    sentences = list(kind_sentences(kind_dir))
    n = min(n, len(sentences))
    articles = []
    for i in range(n):
        group = sentences[len(sentences) * i // n: len(sentences) * (i + 1) // n]
        articles.append({"id": f"wn-{i + 1:04d}", "text": paragraphs([detokenise(s) for s in group]),
                         "tokens": sum(len(s) for s in group), "sentences": len(group)})
    return articles


def paragraphs(sentences: list[str]) -> str:
    """Sentences joined into paragraphs of four; a sentence with no final punctuation (a
    headline, a list item) stands on its own line, as a heading would."""
    out: list[str] = []
    current: list[str] = []
    for sentence in sentences:
        if not sentence.endswith((".", "!", "?", ":", ";", '"', "»", ")")):
            if current:
                out.append(" ".join(current))
            out.append(sentence)
            current = []
            continue
        current.append(sentence)
        if len(current) == SENTENCES_PER_PARAGRAPH:
            out.append(" ".join(current))
            current = []
    if current:
        out.append(" ".join(current))
    return "\n\n".join(out)


def write_jsonl(records: list[dict], path: Path) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text("".join(json.dumps({k: r[k] for k in ("id", "text")}, ensure_ascii=False) + "\n"
                            for r in records), encoding="utf-8")
    return path
