"""Turn the public corpora (KIND, UD Italian) into the files Stanza's trainers read.

The data directory layout is the one described in the model card: ``kind/`` holds the
KIND NERMuD 2023 TSV files, ``ud-italian/`` the UD Italian CoNLL-U files. Nothing here
downloads anything: a user fetches the corpora once and points ``kg models train`` at them.
"""
from __future__ import annotations

import json
import re
from dataclasses import dataclass
from pathlib import Path
from typing import Iterable, Iterator

#: KIND files used for NER training (train) and model selection (dev).
NER_TRAIN = ("WN_train.tsv", "FIC_train.tsv", "ADG_train.tsv")
NER_NEWS = ("WN_train.tsv",)
NER_DEV = ("WN_dev.tsv",)
NER_TEST = "WN_test.tsv"
#: KIND's list of organisation names from Italian Wikipedia (kg.ner.org_names).
ORG_GAZETTEER = "gazetteer-ORG-wikipedia.txt"

#: UD files per role. it_isdt-ud-test is test-only: it is never read for training.
UD_TEST = "it_isdt-ud-test.conllu"
UD_TOKENIZE_TRAIN = (
    "it_partut-ud-train.conllu", "it_vit-ud-dev.conllu", "it_vit-ud-test.conllu",
    "it_pud-ud-test.conllu", "it_isdt-ud-dev.conllu",
)
UD_TOKENIZE_DEV = ("it_partut-ud-dev.conllu", "it_partut-ud-test.conllu")
UD_TAGGER_TRAIN = UD_TOKENIZE_TRAIN + ("it_postwita-ud-dev.conllu", "it_postwita-ud-test.conllu")
UD_TAGGER_DEV = UD_TOKENIZE_DEV
#: Treebanks whose XPOS column is another tagset than the others' (PUD's are Penn-style: NN, IN,
#: VBC): the tagger reads them with XPOS blanked, so its XPOS head learns one tagset, ISDT's.
UD_OTHER_XPOS = ("it_pud-ud-test.conllu",)
#: How many times an epoch of the tagger and the lemmatizer sees a training file (others: once).
#: ISDT dev is the only ISDT-annotated training data, and ISDT is the scheme kg is scored on.
UD_TAGGER_WEIGHTS = {"it_isdt-ud-dev.conllu": 3}

#: Files whose text trains the word vectors: every split that is not test-only.
VECTOR_SOURCES_KIND = (
    "WN_train.tsv", "WN_dev.tsv", "FIC_train.tsv", "FIC_dev.tsv",
    "ADG_train.tsv", "ADG_dev.tsv", "AM_silver_train.tsv",
)


class CorpusError(Exception):
    """A corpus file is missing or malformed; the message names the file."""


@dataclass(frozen=True)
class DataDir:
    """Where the corpora live; checks the files before hours of training start."""

    root: Path

    @property
    def kind(self) -> Path:
        return self.root / "kind"

    @property
    def ud(self) -> Path:
        return self.root / "ud-italian"

    def kind_file(self, name: str) -> Path:
        return self._existing(self.kind / name)

    def ud_file(self, name: str) -> Path:
        return self._existing(self.ud / name)

    def _existing(self, path: Path) -> Path:
        if not path.is_file():
            raise CorpusError(
                f"{path}: missing. See kg/models/shipped/MODEL_CARD.md for where to get the corpora "
                f"and how to lay out the data directory.")
        return path


# ---------------------------------------------------------------- KIND (NER)

def read_kind(path: Path) -> list[list[tuple[str, str]]]:
    """Sentences of (token, tag) from a KIND TSV file; IO tags become BIO."""
    sentences: list[list[tuple[str, str]]] = []
    current: list[tuple[str, str]] = []
    with open(path, encoding="utf-8") as handle:
        for lineno, line in enumerate(handle, 1):
            line = line.rstrip("\n")
            if not line.strip():
                if current:
                    sentences.append(_io_to_bio(current))
                    current = []
                continue
            parts = line.split("\t")
            if len(parts) < 2:
                raise CorpusError(f"{path}:{lineno}: expected 'token<TAB>tag', got {line!r}")
            current.append((parts[0], parts[-1].strip()))
    if current:
        sentences.append(_io_to_bio(current))
    return sentences


def _io_to_bio(sentence: list[tuple[str, str]]) -> list[tuple[str, str]]:
    """KIND's silver set uses bare PER/LOC/ORG tags; give each run a B- start."""
    out = []
    previous = "O"
    for token, tag in sentence:
        if tag != "O" and not tag.startswith(("B-", "I-")):
            tag = ("I-" if previous.endswith(tag) and previous != "O" else "B-") + tag
        out.append((token, tag))
        previous = tag
    return out


def write_ner_json(sentences: Iterable[list[tuple[str, str]]], out: Path) -> int:
    """Write Stanza's NER JSON (a list of sentences of {text, ner}); returns the count."""
    doc = [[{"text": t, "ner": tag} for t, tag in sent] for sent in sentences]
    out.write_text(json.dumps(doc, ensure_ascii=False), encoding="utf-8")
    return len(doc)


# ---------------------------------------------------------------- UD

def read_conllu_sentences(path: Path) -> list[list[str]]:
    """Raw CoNLL-U sentences as lists of lines (comments included)."""
    sentences, current = [], []
    with open(path, encoding="utf-8") as handle:
        for line in handle:
            line = line.rstrip("\n")
            if line.strip():
                current.append(line)
            elif current:
                sentences.append(current)
                current = []
    if current:
        sentences.append(current)
    return sentences


def concat_conllu(paths: Iterable[Path], out: Path, paragraph_every: int = 0) -> int:
    """Concatenate CoNLL-U files; optionally mark a paragraph every N sentences.

    Converted UD text otherwise has no paragraph breaks, so the tokenizer would never see
    a text end; synthetic breaks at sentence boundaries teach it that they are boundaries.
    """
    count = 0
    with open(out, "w", encoding="utf-8") as handle:
        for path in paths:
            for i, sent in enumerate(read_conllu_sentences(path)):
                lines = [l for l in sent if not re.match(r"#\s*new(par|doc)", l)]
                if paragraph_every and i % paragraph_every == 0:
                    lines.insert(0, "# newpar")
                handle.write("\n".join(lines) + "\n\n")
                count += 1
    return count


def write_conllu_without_xpos(path: Path, out: Path) -> int:
    """Copy a CoNLL-U file with its XPOS column blanked (``_``); returns the sentence count."""
    count = 0
    with open(out, "w", encoding="utf-8") as handle:
        for sent in read_conllu_sentences(path):
            lines = []
            for line in sent:
                cols = line.split("\t")
                if not line.startswith("#") and len(cols) == 10:
                    cols[4] = "_"
                    line = "\t".join(cols)
                lines.append(line)
            handle.write("\n".join(lines) + "\n\n")
            count += 1
    return count


def conllu_words(path: Path) -> Iterator[str]:
    """Surface word forms of a CoNLL-U file (syntactic words, not multiword tokens)."""
    with open(path, encoding="utf-8") as handle:
        for line in handle:
            if not line.strip() or line.startswith("#"):
                continue
            cols = line.split("\t")
            if "-" in cols[0] or "." in cols[0]:
                continue
            yield cols[1]


def vector_sentences(data: DataDir) -> Iterator[list[str]]:
    """Lower-cased token sentences from every non-test split, for word2vec."""
    for sent in text_sentences(data):
        yield [t.lower() for t in sent]


def text_sentences(data: DataDir, skip: tuple[str, ...] = (), surface: bool = False) -> Iterator[list[str]]:
    """Token sentences, as written, from every split that is not test-only (less ``skip``);
    UD sentences as syntactic words ("di il"), or with ``surface`` as written ("del")."""
    for name in VECTOR_SOURCES_KIND:
        if name in skip:
            continue
        for sent in read_kind(data.kind_file(name)):
            yield [t for t, _ in sent]
    for path in sorted(data.ud.glob("*.conllu")):
        if path.name == UD_TEST or path.name.endswith("-test.conllu") and "isdt" in path.name:
            continue
        if path.name in skip:
            continue
        yield from _conllu_sentence_words(path, surface)


#: held out of the character language models' training text to pick their checkpoints
CHARLM_DEV = "it_isdt-ud-dev.conllu"


def charlm_text(data: DataDir) -> tuple[list[str], list[str]]:
    """(training lines, dev lines) for the character language models: one sentence a line,
    its tokens joined by single spaces, the way Stanza's NER feeds words to a charLM."""
    train = [" ".join(sent) for sent in text_sentences(data, skip=(CHARLM_DEV,), surface=True)]
    dev = [" ".join(sent) for sent in _conllu_sentence_words(data.ud_file(CHARLM_DEV), surface=True)]
    return train, dev


def _conllu_sentence_words(path: Path, surface: bool = False) -> list[list[str]]:
    """Each sentence's syntactic words, or with ``surface`` its tokens (a multiword token's
    form in place of its words)."""
    out = []
    for sent in read_conllu_sentences(path):
        words, covered = [], 0
        for line in sent:
            if line.startswith("#"):
                continue
            cols = line.split("\t")
            if "." in cols[0]:
                continue
            if "-" in cols[0]:
                if surface:
                    words.append(cols[1])
                    covered = int(cols[0].split("-")[1])
                continue
            if surface and int(cols[0]) <= covered:
                continue
            words.append(cols[1])
        if words:
            out.append(words)
    return out
