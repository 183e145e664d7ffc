"""Organisation names from Wikipedia, read after the NER: a listed name is an organisation.

The NER types a company, a party or a team it never saw by the shape of its name, and the shape
misleads: "Trenord" and "Lenovo" look like places, "ThyssenKrupp" and "Hooverphonic" like
surnames. KIND ships a list of organisation names taken from Italian Wikipedia
(``gazetteer-ORG-wikipedia.txt``). The ``org_names`` training step
(:mod:`kg.models.word_lists`) keeps its capitalised names, less those that KIND's training
files tag as a person or a place at least as often as an organisation ("Ferrari", "Stasi",
"Gabriele Sandri"). Even before that filter, a mention in KIND's news training set that is a
listed name is an organisation 1,265 times in 1,295 (97.7 %). At run time a mention whose words
are a listed name becomes an organisation, and an untagged occurrence of a listed name of two
words or more is tagged one. An untagged one-word name is left alone: many are also common
words or brands KIND leaves untagged ("Interno", "Iveco").
"""
from __future__ import annotations

from collections import defaultdict
from pathlib import Path
from typing import Iterable, Sequence

from kg.ner.name_consistency import Span
from kg.resources import read_lines

class OrgNames:
    """A set of organisation names (as token tuples) and the rule that applies them."""

    def __init__(self, names: Iterable[Sequence[str]] = ()):
        self.names = frozenset(tuple(name) for name in names)
        lengths: dict[str, set[int]] = defaultdict(set)
        for name in self.names:
            lengths[name[0]].add(len(name))
        #: first word -> lengths of the listed names of two words or more it starts, longest first
        self._longer = {word: tuple(sorted((n for n in ns if n > 1), reverse=True))
                        for word, ns in lengths.items()}

    @classmethod
    def read(cls, path: Path) -> "OrgNames":
        """The list's names (:func:`kg.models.word_lists.collect_org_names` makes it)."""
        if not Path(path).is_file():
            raise FileNotFoundError(f"{path}: no such organisation name list")
        return cls(line.split() for line in read_lines(Path(path)))

    def mark(self, words: Sequence[str], spans: Sequence[Span]) -> list[Span]:
        """``spans`` with each mention of a listed name made ORG, plus ORG mentions for the
        untagged occurrences of listed names of two words or more (longest first, never
        overlapping a mention)."""
        out = [(start, end, "ORG" if tuple(words[start:end]) in self.names else kind)
               for start, end, kind in spans]
        taken = {k for start, end, _ in out for k in range(start, end)}
        i = 0
        while i < len(words):
            for size in self._longer.get(words[i], ()):
                if i + size <= len(words) and tuple(words[i:i + size]) in self.names \
                        and not taken & set(range(i, i + size)):
                    out.append((i, i + size, "ORG"))
                    taken.update(range(i, i + size))
                    i += size - 1
                    break
            i += 1
        return sorted(out)
