"""Decoding: from scored candidates and the hand rules' facts to the article's facts.

Each ordered pair keeps at most one predicate, its most probable; a candidate becomes a fact
when its calibrated probability reaches the threshold (the scorer's own, chosen by
cross-validation for precision >= 0.80, or the user's --min-confidence). The hand rules' facts
stay, with the confidence their predicate earns on the training items (how often a rule's
fact of that predicate is right there): the scorer's probability, fitted over every candidate,
under-rates the facts the rules pick out.
A learned fact takes kind, date and role from a rule fact or event over the same pair where
there is one; negated, modal and conditional clauses stay non-asserted.
"""
from __future__ import annotations

from dataclasses import replace
from typing import Optional

from kg.lexicon import Lexicon
from kg.linking import Resolution
from kg.mentions import ArticleMentions
from kg.records import Evidence, Fact
from kg.relations.candidates import Candidate, candidates
from kg.relations.features import candidate_features
from kg.relations.rules import ArticleFacts
from kg.relations.scorer import RelationScorer

SYMMETRIC = {"alliedWith"}
NOT_ASSERTED = {"negated": "negated", "conditional": "hypothetical", "modal": "hypothetical",
                "future": "planned"}
KIND_FRAMES = {"letter", "message", "phone_call", "meeting", "statement"}


def scored_candidates(am: ArticleMentions, res: Resolution, lex: Lexicon, rules: ArticleFacts,
                      scorer: RelationScorer) -> list[tuple[Candidate, list[str], dict[str, float]]]:
    """Every candidate with its features and the probability of each predicate that fits it."""
    votes = {(f.evidence.sentence, f.subject, f.predicate, f.object) for f in rules.facts}
    sentences = {s.index: s for s in am.annotated.sentences}
    out = []
    for cand in candidates(am, res):
        feats = candidate_features(am, cand, sentences[cand.sentence], lex, votes)
        out.append((cand, feats, scorer.probabilities(feats, cand.predicates)))
    return out


def decode(am: ArticleMentions, res: Resolution, lex: Lexicon, rules: ArticleFacts, scorer: RelationScorer,
           min_confidence: Optional[float] = None, keep_rules: bool = True) -> ArticleFacts:
    """The article's facts: the scorer's, and the rules' where the scorer has no say."""
    threshold = scorer.threshold if min_confidence is None else min_confidence
    scored = scored_candidates(am, res, lex, rules, scorer)
    covered: dict[tuple[int, str, str, str], float] = {}
    best: dict[tuple[int, str, str], tuple[str, float, Candidate, list[str]]] = {}
    for cand, feats, probs in scored:
        for p, prob in probs.items():
            covered[(cand.sentence, cand.s_key, p, cand.o_key)] = prob
        if probs:
            p, prob = max(probs.items(), key=lambda kv: (kv[1], kv[0]))
            best[(cand.sentence, cand.s_key, cand.o_key)] = (p, prob, cand, feats)
    facts: list[Fact] = []
    ruled: set[tuple[int, str, str, str]] = set()
    for f in rules.facts:
        slot = (f.evidence.sentence, f.subject, f.predicate, f.object)
        if f.predicate in scorer.rule_confidence:
            f = replace(f, confidence=scorer.rule_confidence[f.predicate])
        elif slot in covered:
            f = replace(f, confidence=covered[slot])
        if (min_confidence is not None and f.confidence < min_confidence) or \
                (not keep_rules and covered.get(slot, 0.0) < threshold):
            continue
        ruled.add(slot)
        facts.append(f)
    sentences = {s.index: s for s in am.annotated.sentences}
    for (sentence, s_key, o_key), (p, prob, cand, feats) in sorted(best.items()):
        if prob < threshold or (sentence, s_key, p, o_key) in ruled:
            continue
        if (sentence, o_key, p, s_key) in ruled and p in SYMMETRIC | {"communicatedWith"}:
            continue  # the rules read this pair the other way round, with its event: theirs stands
        if p in SYMMETRIC and (sentence, o_key, p, s_key) in {(x.evidence.sentence, x.subject, x.predicate, x.object)
                                                               for x in facts}:
            continue
        s = sentences[sentence]
        status = next((NOT_ASSERTED[f] for f in feats if f in NOT_ASSERTED), "asserted")
        kind = _kind(feats) if p == "communicatedWith" else None
        if p == "communicatedWith" and kind is None:
            kind = "statement"
        role = _role(am, cand, lex) if p == "holdsPosition" else None
        facts.append(Fact(s_key, p, o_key, Evidence(am.annotated.article.id, s.index, s.start_char, s.end_char,
                                                    s.text), prob, kind=kind, role=role, status=status))
    return ArticleFacts(facts, rules.events)


def _kind(feats: list[str]) -> Optional[str]:
    for prefix in ("lca_frame=", "pframe=", "bframe="):
        for f in feats:
            if f.startswith(prefix) and f[len(prefix):] in KIND_FRAMES:
                return f[len(prefix):]
    return None


def _role(am: ArticleMentions, cand: Candidate, lex: Lexicon) -> Optional[str]:
    """The lexicon's role phrase nearest before the object, in English ("Foreign Minister")."""
    ma, mb = am.mentions[cand.a], am.mentions[cand.b]
    lo, hi = min(ma.start_char, mb.start_char), max(ma.end_char, mb.end_char)
    text = am.annotated.article.text[max(0, lo - 60):hi].lower()
    found = [(text.rfind(phrase), len(phrase), role) for phrase, role in lex.roles.items() if phrase in text]
    if not found:
        return None
    return max(found, key=lambda x: (x[0], x[1]))[2].role_en
