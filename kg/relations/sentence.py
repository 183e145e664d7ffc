"""Dependency helpers over one parsed sentence: a word's children by relation, its head, its
case marker, its conjuncts, its negation."""
from __future__ import annotations

from typing import Optional

from kg.italian import FOCUS_ADVERBS
from kg.records import Sentence, Word


class SentenceView:
    """Dependency helpers over one parsed sentence."""

    def __init__(self, sentence: Sentence):
        self.sentence = sentence
        self.words = {w.id: w for w in sentence.words}
        self.index = {w.id: i for i, w in enumerate(sentence.words)}
        self.children: dict[int, list[Word]] = {}
        for w in sentence.words:
            if w.head is not None:
                self.children.setdefault(w.head, []).append(w)

    def position(self, word: Word) -> int:
        """The index of ``word`` among the sentence's words."""
        return self.index[word.id]

    def kids(self, word: Word, *rels: str) -> list[Word]:
        out = self.children.get(word.id, [])
        return [c for c in out if not rels or (c.deprel or "").split(":")[0] in rels or c.deprel in rels]

    def head(self, word: Word) -> Optional[Word]:
        return self.words.get(word.head) if word.head else None

    def case_of(self, word: Word) -> str:
        cases = [c.text.lower() for c in self.kids(word, "case")]
        while len(cases) > 1 and cases[0] in FOCUS_ADVERBS:
            cases.pop(0)    # "prima in Austria, poi in Germania": the adverb the parser took for a case
        return " ".join(cases)

    def conjuncts(self, word: Word) -> list[Word]:
        """``word`` and the words coordinated with it, also where the parse chains them ("Egitto,
        Israele, Qatar e Stati Uniti" with "Stati Uniti" hung on "Qatar")."""
        out = [word]
        for w in out:
            out += [c for c in self.kids(w, "conj") if c not in out]
        return out

    def subtree(self, word: Word) -> list[Word]:
        """``word`` and every word below it."""
        out = [word]
        for w in out:
            out += self.children.get(w.id, [])
        return out

    def negated(self, word: Word) -> bool:
        for w in [word] + ([self.head(word)] if word.deprel in ("xcomp", "ccomp") and self.head(word) else []):
            if any(c.lemma == "non" or c.text.lower() == "non" for c in self.kids(w, "advmod")):
                return True
        return False
