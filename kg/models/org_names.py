"""Organisation names from Wikipedia, read after the NER: a listed name is an organisation.

The NER types a company, a party or a team it never saw by the shape of its name, and the
shape misleads: "Trenord" and "Lenovo" look like places, "ThyssenKrupp" and "Hooverphonic"
like surnames. KIND ships a list of organisation names taken from Italian Wikipedia
(``gazetteer-ORG-wikipedia.txt``). The ``org_names`` training step keeps its capitalised
names, less those that KIND's training files tag as a person or a place at least as often as
an organisation ("Ferrari", "Stasi", "Gabriele Sandri"). Even before that filter, a mention
in KIND's news training set that is a listed name is an organisation 1,265 times in 1,295
(97.7 %). At run time a mention whose words are a listed name becomes an organisation, and an
untagged occurrence of a listed name of two words or more is tagged one. An untagged one-word
name is left alone: many are also common words or brands KIND leaves untagged ("Interno",
"Iveco").
"""
from __future__ import annotations

from collections import Counter, defaultdict
from pathlib import Path
from typing import Iterable, Sequence

from kg.models.corpora import CorpusError, read_kind
from kg.models.name_consistency import Span, tag_spans

HEADER = ("# kg: organisation names (KIND's gazetteer-ORG-wikipedia.txt, capitalised names, less those KIND's\n"
          "# training files tag otherwise as often as ORG); kg.models.org_names. One name a line, words\n"
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
    out.write_text(HEADER + "".join(name + "\n" for name in names), encoding="utf-8")
    return len(names)


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
        with open(path, encoding="utf-8") as handle:
            return cls(line.split() for line in handle if line.strip() and not line.startswith("#"))

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
