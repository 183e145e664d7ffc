"""A tagger with no model, for tests of the plumbing around the Stanza stage (cache,
--update, workers, Dask): sentences split after '.', words on spaces and punctuation.

``whitespace_sentences`` is a plain module function, so it pickles by reference and runs in
spawned worker processes and on Dask workers like kg.nlp.StanzaTagger does. ``outputs`` and
``quiet`` are the helpers those tests share: the graph files to compare, and a silent log.
"""
from __future__ import annotations

import re
from pathlib import Path
from typing import Optional

from kg.build import OUTPUT_FILES
from kg.nlp import Annotator
from kg.records import Sentence, Word

VERSION = "stub-tagger"
#: The graph files a plumbing test compares byte for byte (the reports carry timings).
OUTPUTS = tuple(name for name in OUTPUT_FILES if name.startswith("graph."))


def quiet(_message: str) -> None:
    """A build log that says nothing."""


def outputs(out: Path) -> dict[str, bytes]:
    """The graph files of a build folder, by name."""
    return {name: (out / name).read_bytes() for name in OUTPUTS}


def whitespace_sentences(text: str) -> list[Sentence]:
    if "CRASH" in text:
        raise RuntimeError("simulated tagger crash")
    sentences = []
    for match in re.finditer(r"[^.\n]+\.?", text):
        start, end = match.span()
        while start < end and text[start].isspace():
            start += 1
        if start >= end:
            continue
        words = [Word(id=i + 1, text=m.group(), start_char=start + m.start(), end_char=start + m.end())
                 for i, m in enumerate(re.finditer(r"\w+(?:-\w+)*|[^\w\s]", text[start:end]))]
        sentences.append(Sentence(index=len(sentences), text=text[start:end], start_char=start,
                                  end_char=end, words=words))
    return sentences


def whitespace_batch(texts: list[str]) -> list[list[Sentence]]:
    return [whitespace_sentences(text) for text in texts]


def _no_pipeline():
    raise AssertionError("the stub annotator never loads a pipeline")


class StubAnnotator(Annotator):
    """kg.nlp.Annotator (cache and all) with the stub tagger in place of Stanza; ``tagged``
    lists every text it tagged in this process."""

    def __init__(self, cache_dir: Optional[Path] = None):
        super().__init__(_no_pipeline, VERSION, cache_dir, remote=whitespace_batch)
        self.tagged: list[str] = []

    def _tag_many(self, texts: list[str]) -> list[list[Sentence]]:
        self.tagged.extend(texts)
        return whitespace_batch(texts)
