"""Shared pieces of mention finding: the article's mentions, tokens, word lists."""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Optional

from kg import italian
from kg.lexicon import mention_words   # the open-class lists: kg/data/lexicon/mention_words.tsv
from kg.records import AnnotatedArticle, Mention, RoleMention, Sentence

NER_TYPES = {"PER": "Person", "ORG": "Organization", "LOC": "Place"}

EDGE_PUNCT = set("“”\"«»‘’'.,;:!?()[]—–-")

AUXILIARIES = set(italian.AUXILIARIES)

DEFINITE_ARTICLES = set(italian.DEFINITE_ARTICLES)

ARTICLE_WORDS = set(italian.ARTICLES)

AT_WORDS = {"presso", "al", "alla", "all'", "all’", "allo"}   # "professore all'Università di ..."

MINISTERS = set(mention_words()["ministers"])

COUNTERPART = "counterpart"   # roles.tsv position of "omologo": the office of the role before it

LINK_WORDS = set(italian.OF_FAMILY | italian.ELIDED_OF)   # "di", elided and articled

#: Generational suffixes after a surname ("Ferdinand Marcos Jr."): the name goes on without them.
NAME_SUFFIXES = mention_words()["name_suffixes"]

#: lower-case particles inside personal names: "Tamim bin Hamad Al Thani", "Ursula von der Leyen"
NAME_PARTICLES = set(mention_words()["name_particles"])

_OF = {w for w in italian.OF_FAMILY | {"d'"} if "’" not in w}   # looked up with "’" made "'"

_WORD_AT = re.compile(r"[^\s,;:!?()\[\]\"“”«»]+")


@dataclass
class ArticleMentions:
    """The mentions and role descriptions of one article, in text order."""

    annotated: AnnotatedArticle
    mentions: list[Mention] = field(default_factory=list)
    roles: list[RoleMention] = field(default_factory=list)

    def to_dict(self) -> dict:
        return {"annotated": self.annotated.to_dict(), "mentions": [m.to_dict() for m in self.mentions],
                "roles": [r.to_dict() for r in self.roles]}

    @classmethod
    def from_dict(cls, data: dict) -> "ArticleMentions":
        return cls(annotated=AnnotatedArticle.from_dict(data["annotated"]),
                   mentions=[Mention.from_dict(m) for m in data["mentions"]],
                   roles=[RoleMention.from_dict(r) for r in data["roles"]])

    def at(self, sentence: int, start: int, end: int) -> Optional[int]:
        """Index of the mention covering [start, end) in a sentence, the longest first.

        Mentions are looked up among their sentence's only (an index rebuilt when mentions are
        added), so the relation stage's many look-ups stay linear in the article's length."""
        index = self.__dict__.get("_by_sentence")
        if index is None or index[0] != id(self.mentions) or index[1] > len(self.mentions):
            index = self.__dict__["_by_sentence"] = [id(self.mentions), 0, {}]
        for i in range(index[1], len(self.mentions)):   # mentions added since: index them too
            index[2].setdefault(self.mentions[i].sentence, []).append(i)
        index[1] = len(self.mentions)
        best = None
        for i in index[2].get(sentence, ()):
            m = self.mentions[i]
            if m.sentence == sentence and m.start_char <= start and end <= m.end_char:
                if best is None or (m.end_char - m.start_char) > (self.mentions[best].end_char
                                                                   - self.mentions[best].start_char):
                    best = i
        return best


def tokens(sentence: Sentence) -> list[tuple[int, int]]:
    """Surface token offsets (multiword tokens once) of a sentence."""
    seen: list[tuple[int, int]] = []
    for w in sentence.words:
        span = (w.start_char, w.end_char)
        if not seen or seen[-1] != span:
            seen.append(span)
    return seen


def overlaps(a: tuple[int, int], b: tuple[int, int]) -> bool:
    return a[0] < b[1] and b[0] < a[1]


def phrase(toks: list[tuple[int, int]], text: str) -> str:
    """Tokens as one lower-case phrase, an elided article joined to its noun as written
    ("capo dell'esercito", not "capo dell' esercito")."""
    return " ".join(text[s:e].lower() for s, e in toks).replace("’", "'").replace("' ", "'")


def trim(text: str, start: int, end: int) -> tuple[int, int]:
    """Drop quotes and punctuation that a span picked up at its edges ("“eroici", "Kiev.")."""
    while start < end and text[start] in EDGE_PUNCT:
        start += 1
    while start < end and text[end - 1] in EDGE_PUNCT:
        if text[end - 1] == "." and text[start:end - 1].count(".") > 0:
            break  # an abbreviation: "U.S.A."
        end -= 1
    return start, end


def name_core(words: list[str]) -> list[str]:
    """A person's name words without a generational suffix: "Marcos Jr." is "Marcos"."""
    return words[:-1] if len(words) > 1 and words[-1].lower() in NAME_SUFFIXES else words


def token_index(toks: list[tuple[int, int]], char: int) -> Optional[int]:
    """Index of the first token starting at or after ``char``."""
    for i, (s, _) in enumerate(toks):
        if s >= char:
            return i
    return None
