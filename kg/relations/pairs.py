"""Article pairs: what the scorer decides on. One ordered pair of an article's entities, with
every sentence that names both, and what the article as a whole says about the two.

A reader decides "Meloni visited Algeria" from the whole article, not from one sentence: the
headline, how often each is named, whether one is the article's main person, what the hand
rules read in any sentence, and what is known of the person's offices. Gold is written per
article too, so a pair's label is exact where a sentence's is only a guess. The pair's
features are the union of its sentences' candidate features (kg.relations.features, each
prefixed ``s:``) and the article-level ones below; candidates come from co-occurrence in a
sentence and, for offices, from the gazetteer's record of the person (an office held for a
state the article names, "la premier" with Italy two sentences later).
"""
from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from typing import Optional

from kg.gazetteer import Gazetteer
from kg.lexicon import Lexicon
from kg.linking import Resolution
from kg.mentions import ArticleMentions
from kg.records import Fact
from kg.relations.candidates import Candidate, candidates, entity_type, fitting
from kg.relations.features import candidate_features


@dataclass
class Pair:
    """An ordered pair of an article's entities and the sentences that name both."""

    s_key: str
    o_key: str
    predicates: tuple[str, ...]
    #: (sentence index, that sentence's candidate features), in text order
    sentences: list[tuple[int, list[str]]] = field(default_factory=list)
    features: list[str] = field(default_factory=list)
    first_sentence: Optional[int] = None   # where the subject is first named (evidence without co-occurrence)


def _bucket(n: int) -> str:
    return str(n) if n < 3 else "3+"


def _ranks(counts: Counter, types: dict[str, str]) -> dict[str, int]:
    """Each entity's rank among the article's entities of its type, by mentions (1, 2, 3 = more)."""
    out = {}
    for t in set(types.values()):
        ranked = sorted((k for k in counts if types[k] == t), key=lambda k: (-counts[k], k))
        out.update({k: min(i + 1, 3) for i, k in enumerate(ranked)})
    return out


def _year(date: Optional[str]) -> Optional[int]:
    return int(date[:4]) if date and date[:4].isdigit() else None


def office_features(gaz: Gazetteer, s_key: str, o_key: str, year: Optional[int]) -> list[str]:
    """The gazetteer's offices of person ``s_key`` for ``o_key``, and whether in force that year."""
    entry = gaz.get(s_key)
    out = []
    for office in entry.positions if entry else ():
        if office.state != o_key:
            continue
        out.append(f"office={office.position}")
        if year is None or ((office.since is None or office.since <= year)
                            and (office.until is None or office.until >= year)):
            out.append(f"office_now={office.position}")
    return sorted(set(out))


def article_pairs(am: ArticleMentions, res: Resolution, lex: Lexicon, gaz: Gazetteer,
                  rule_facts: list[Fact]) -> list[Pair]:
    """The article's pairs with their features, in a deterministic order."""
    aid = am.annotated.article.id
    counts: Counter = Counter()
    first: dict[str, int] = {}
    types: dict[str, str] = {}
    for i, m in enumerate(am.mentions):
        key = res.key_of(aid, i)
        if key:
            counts[key] += 1
            first.setdefault(key, m.sentence)
            types.setdefault(key, entity_type(res, key, m.type))
    ranks = _ranks(counts, types)
    votes = {(f.evidence.sentence, f.subject, f.predicate, f.object) for f in rule_facts}
    ruled: dict[tuple[str, str], set[str]] = {}
    for f in rule_facts:
        ruled.setdefault((f.subject, f.object), set()).add(f.predicate)
    sentences = {s.index: s for s in am.annotated.sentences}
    by_pair: dict[tuple[str, str], list[Candidate]] = {}
    for cand in candidates(am, res):
        by_pair.setdefault((cand.s_key, cand.o_key), []).append(cand)
    year = _year(am.annotated.article.date)
    for person in sorted(k for k in counts if types[k] == "Person"):   # offices: pairs with no shared sentence
        for holder in (o for o in office_states(gaz, person) if o in counts and o != person):
            by_pair.setdefault((person, holder), [])
    title = 0 if am.annotated.article.title else None
    pairs = []
    for (s, o), cands in sorted(by_pair.items()):
        preds = fitting(types[s], types[o])
        if not preds:
            continue
        pair = Pair(s, o, preds, [(c.sentence, candidate_features(am, c, sentences[c.sentence], lex, votes))
                                  for c in cands], first_sentence=first[s])
        f = [f"nsent={_bucket(len(cands))}", f"types={types[s]}>{types[o]}", f"srank={ranks[s]}",
             f"orank={ranks[o]}", f"ranks={ranks[s]}|{ranks[o]}", f"smentions={_bucket(counts[s])}",
             f"omentions={_bucket(counts[o])}"]
        shared = {c.sentence for c in cands}
        if not cands:
            f.append("nocooc")
        if title is not None and title in shared:
            f.append("cooc_head")
        if (1 if title is not None else 0) in shared:
            f.append("cooc_first")
        f += [f"rule_art={p}" for p in sorted(ruled.get((s, o), ()))]
        f += [f"rule_art_rev={p}" for p in sorted(ruled.get((o, s), ()))]
        f += office_features(gaz, s, o, year)
        f += home_or_abroad(gaz, res, s, o)
        for _, feats in pair.sentences:
            f += ["s:" + x for x in feats]
        pair.features = list(dict.fromkeys(f))
        pairs.append(pair)
    return pairs


def home_or_abroad(gaz: Gazetteer, res: Resolution, person: str, where: str) -> list[str]:
    """Whether a place or state is the person's own country (the states the gazetteer records
    them holding office for) or abroad: a leader at a place abroad is likely visiting it."""
    states = office_states(gaz, person)
    where_state = where if entity_type(res, where, "") == "State" else res.place_states.get(where)
    if not states or where_state is None:
        return []
    return ["home"] if where_state in states else ["abroad"]


def office_states(gaz: Gazetteer, person: str) -> list[str]:
    """The states and bodies the gazetteer records ``person`` holding an office for."""
    entry = gaz.get(person)
    return sorted({o.state for o in entry.positions}) if entry else []
