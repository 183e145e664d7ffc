"""`kg models eval-relations`: kg end to end on annotated KIND Wikinews sentences.

The sentence-level gold (bench/realnews/kind_sentences.jsonl) names each sentence by KIND file
and index and its mentions by token span; KIND's text is read from the data folder, never
copied. Each sentence of the chosen split is built as an article of its own, with kg's own
NER and parse (no gold mentions), and scored per sentence by kg.article_eval, so a fact counts
only when kg finds it in that sentence. Relations marked `cross_sentence` need text the
sentence does not hold and are left out of the gold here (their number is reported).
"""
from __future__ import annotations

import json
import tempfile
from dataclasses import dataclass
from pathlib import Path
from typing import Callable, Optional

NO_SPACE_BEFORE = {",", ".", ";", ":", "!", "?", ")", "]", "»", "%", "”", "..."}
NO_SPACE_AFTER = {"(", "[", "«", "“"}


def read_kind(path: Path) -> list[list[str]]:
    """KIND's tokens, one list a sentence (blank-line separated blocks, as CoNLL-U)."""
    from kg.models.corpora import read_conllu_sentences

    return [[line.split("\t")[0] for line in block] for block in read_conllu_sentences(path)]


def detokenize(tokens: list[str]) -> tuple[str, list[tuple[int, int]]]:
    """Readable text from KIND's tokens ("L' Onu ," -> "L'Onu,"), with each token's offsets."""
    text, spans = "", []
    for i, tok in enumerate(tokens):
        glue = i == 0 or tok in NO_SPACE_BEFORE or tokens[i - 1] in NO_SPACE_AFTER \
            or tokens[i - 1].endswith(("'", "’"))
        if not glue:
            text += " "
        spans.append((len(text), len(text) + len(tok)))
        text += tok
    return text, spans


@dataclass
class SentenceSet:
    articles: list[dict]      # kg build input records (id, text)
    gold: list[dict]          # document-level gold records, one per sentence
    cross_sentence: int       # relations left out because they need another sentence


def sentence_set(records: list[dict], kind_dir: Path, split: str = "test") -> SentenceSet:
    """The sentences of ``split`` as articles, and their gold as document-level records."""
    tokens: dict[str, list[list[str]]] = {}
    articles, gold, skipped = [], [], 0
    for rec in records:
        if rec.get("split") != split:
            continue
        name = rec["file"]
        if name not in tokens:
            tokens[name] = read_kind(kind_dir / name)
        text, spans = detokenize(tokens[name][rec["sentence"]])
        aid = f"{Path(name).stem}-{rec['sentence']}"
        entities: dict[str, dict] = {}
        for e in rec["entities"]:
            form = text[spans[e["start"]][0]:spans[e["end"] - 1][1]]
            form = "~" + form if e.get("indirect") else form
            ent = entities.setdefault(e["key"], {"key": e["key"], "name": e.get("name") or form.lstrip("~"),
                                                 "type": e["type"], "forms": []})
            if form not in ent["forms"]:
                ent["forms"].append(form)
        relations = []
        for r in rec["relations"]:
            if r.get("cross_sentence"):
                skipped += 1
                continue
            s, o = rec["entities"][r["s"]]["key"], rec["entities"][r["o"]]["key"]
            if s != o:
                relations.append({"s": s, "p": r["p"], "o": o,
                                  **{k: r[k] for k in ("kind", "date", "role") if r.get(k)}})
        articles.append({"id": aid, "text": text})
        gold.append({"id": aid, "entities": list(entities.values()), "relations": relations})
    return SentenceSet(articles, gold, skipped)


def evaluate_sentences(gold_path: Path, kind_dir: Path, split: str = "test", workdir: Optional[Path] = None,
                       build_kwargs: Optional[dict] = None, log: Callable[[str], None] = print):
    """Build the split's sentences with kg and score them per sentence (kg.article_eval)."""
    from kg.article_eval import score_articles
    from kg.build import build

    records = [json.loads(line) for line in Path(gold_path).read_text(encoding="utf-8").splitlines() if line.strip()]
    data = sentence_set(records, Path(kind_dir), split)
    if not data.articles:
        raise ValueError(f"{gold_path}: no sentence of split {split!r}")
    with tempfile.TemporaryDirectory() as tmp:
        work = Path(workdir) if workdir else Path(tmp)
        work.mkdir(parents=True, exist_ok=True)
        inputs, gold_file = work / "sentences.jsonl", work / "sentences_gold.jsonl"
        inputs.write_text("".join(json.dumps(a, ensure_ascii=False) + "\n" for a in data.articles), encoding="utf-8")
        gold_file.write_text("".join(json.dumps(g, ensure_ascii=False) + "\n" for g in data.gold), encoding="utf-8")
        log(f"{len(data.articles)} {split} sentences; {data.cross_sentence} cross-sentence relation(s) left out")
        result = build([inputs], work / "out", log=lambda m: None, **(build_kwargs or {}))
        return score_articles(gold_file, result.graph, str(work / "out" / "graph.ttl")), data
