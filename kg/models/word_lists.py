"""The two word lists the NER fixes read (:mod:`kg.ner`), made by the training steps
``plain_words`` and ``org_names`` of :mod:`kg.models.training`: the forms the tokenizer keeps
whole (:mod:`kg.ner.plain_words`) and the organisation names marked after the NER
(:mod:`kg.ner.org_names`). Their module docstrings say why and how each list is made.
"""
from __future__ import annotations

from collections import Counter, defaultdict
from pathlib import Path
from typing import Iterable

from kg.models.corpora import CorpusError, read_kind
from kg.ner.name_consistency import tag_spans

#: A multi-word token's last letters that a listed form must share with some multi-word token
SUFFIX_LENGTH = 2
#: Shorter forms are left to the tokenizer ("col", "sul" are often written either way)
MIN_LENGTH = 4

PLAIN_WORDS_HEADER = ("# kg: forms the UD training files write only as one word, never as a multi-word token;\n"
                      "# the tokenizer's MWT flag on them is cleared (kg.ner.plain_words). One lower-cased form a line.\n")


def collect_plain_words(conllu_files: Iterable[Path]) -> list[str]:
    """Lower-cased forms written only as single words in ``conllu_files``, ending as one of
    their multi-word tokens ends, sorted."""
    single: set[str] = set()
    multi: set[str] = set()
    for path in conllu_files:
        covered = 0  # last word id inside the current multi-word token
        with open(path, encoding="utf-8") as handle:
            for line in handle:
                if not line.strip() or line.startswith("#"):
                    continue
                cols = line.split("\t")
                if "-" in cols[0]:
                    multi.add(cols[1].lower())
                    covered = int(cols[0].split("-")[1])
                elif "." not in cols[0]:
                    if int(cols[0]) > covered:
                        single.add(cols[1].lower())
                    elif int(cols[0]) == covered:
                        covered = 0
    endings = {form[-SUFFIX_LENGTH:] for form in multi}
    return sorted(w for w in single - multi
                  if len(w) >= MIN_LENGTH and w[-SUFFIX_LENGTH:] in endings and w.isalpha())


def write_plain_words(words: Iterable[str], out: Path) -> int:
    words = list(words)
    out.write_text(PLAIN_WORDS_HEADER + "".join(w + "\n" for w in words), encoding="utf-8")
    return len(words)



ORG_NAMES_HEADER = ("# kg: organisation names (KIND's gazetteer-ORG-wikipedia.txt, capitalised names, less those KIND's\n"
                    "# training files tag otherwise as often as ORG); kg.ner.org_names. One name a line, words\n"
                    "# separated by one space as the tokenizer splits them.\n")


def read_gazetteer(path: Path) -> set[tuple[str, ...]]:
    """The names of KIND's ORG gazetteer ("ORG<whitespace>name" lines; the name's tokens
    separated by spaces)."""
    names: set[tuple[str, ...]] = set()
    with open(path, encoding="utf-8") as handle:
        for lineno, line in enumerate(handle, 1):
            if not line.strip():
                continue
            kind, *words = line.split()
            if kind != "ORG" or not words:
                raise CorpusError(f"{path}:{lineno}: expected 'ORG name', got {line.rstrip()!r}")
            names.add(tuple(words))
    return names


def collect_org_names(gazetteer: Path, train_files: Iterable[Path]) -> list[str]:
    """The gazetteer's capitalised names less those ``train_files`` (KIND TSV) tag as PER or
    LOC at least as often as ORG, sorted, one string per name."""
    names = {name for name in read_gazetteer(gazetteer) if name[0][:1].isupper()}
    tagged: dict[tuple[str, ...], Counter[str]] = defaultdict(Counter)
    for path in train_files:
        for sentence in read_kind(path):
            words = [word for word, _ in sentence]
            for start, end, kind in tag_spans([tag for _, tag in sentence]):
                if tuple(words[start:end]) in names:
                    tagged[tuple(words[start:end])][kind] += 1
    names -= {name for name, counts in tagged.items() if 2 * counts["ORG"] <= sum(counts.values())}
    return sorted(" ".join(name) for name in names)


def write_org_names(names: Iterable[str], out: Path) -> int:
    names = list(names)
    out.write_text(ORG_NAMES_HEADER + "".join(name + "\n" for name in names), encoding="utf-8")
    return len(names)
