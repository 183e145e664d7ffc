"""Candidate pairs: every two mentions of a sentence whose types fit some predicate.

The ontology's domain and range (kg.vocab.predicate_signatures) decide which ordered pairs
can carry which predicates, so the scorer never proposes a fact the SHACL shapes would
reject. Two mentions of the same pair of entities in one sentence give one candidate: the
closest two, whose words say most about them.
"""
from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from typing import Optional

from kg.linking import Resolution
from kg.mentions import ArticleMentions
from kg.vocab import predicate_signatures


@dataclass(frozen=True)
class Candidate:
    """An ordered pair of mentions in one sentence: ``a`` the subject side, ``b`` the object."""

    sentence: int
    a: int                  # index into ArticleMentions.mentions
    b: int
    s_key: str
    o_key: str
    s_type: str
    o_type: str
    predicates: tuple[str, ...]   # the predicates whose domain and range fit (s_type, o_type)


@lru_cache(maxsize=1)
def signatures() -> dict[str, tuple[frozenset[str], frozenset[str]]]:
    return predicate_signatures()


def fitting(s_type: str, o_type: str) -> tuple[str, ...]:
    return tuple(sorted(p for p, (dom, rng) in signatures().items() if s_type in dom and o_type in rng))


def entity_type(res: Resolution, key: Optional[str], fallback: str) -> str:
    entity = res.entities.get(key) if key else None
    return entity.type if entity else fallback


def candidates(am: ArticleMentions, res: Resolution) -> list[Candidate]:
    """The article's candidates, in text order (deterministic)."""
    aid = am.annotated.article.id
    by_sentence: dict[int, list[tuple[int, str, str]]] = {}
    for i, m in enumerate(am.mentions):
        key = res.key_of(aid, i)
        if key is None:
            continue
        by_sentence.setdefault(m.sentence, []).append((i, key, entity_type(res, key, m.type)))
    best: dict[tuple[int, str, str], tuple[int, Candidate]] = {}
    for sentence, items in sorted(by_sentence.items()):
        for i, s_key, s_type in items:
            for j, o_key, o_type in items:
                if i == j or s_key == o_key:
                    continue
                preds = fitting(s_type, o_type)
                if not preds:
                    continue
                gap = abs(am.mentions[i].start_char - am.mentions[j].start_char)
                cand = Candidate(sentence, i, j, s_key, o_key, s_type, o_type, preds)
                slot = (sentence, s_key, o_key)
                if slot not in best or gap < best[slot][0]:
                    best[slot] = (gap, cand)
    return [c for _, c in sorted(best.values(), key=lambda x: (x[1].sentence, x[1].a, x[1].b))]
