"""Decoding: from scored article pairs and the hand rules' facts to the article's facts.

Each ordered pair (kg.relations.pairs) keeps at most one predicate, its most probable; it
becomes a fact when its calibrated probability reaches the threshold (the scorer's own, chosen
by cross-validation for precision >= 0.80, or the user's --min-confidence) and the rules have
not stated it already. The hand rules' facts stay, with the confidence their predicate earns on
the training items (how often a rule's fact of that predicate is right there). A learned fact's
evidence is the sentence that says most for it; a negated, modal or conditional evidence
clause keeps it non-asserted; a learned communicatedWith takes its kind from the trigger frame;
a learned act takes the one date its sentence gives, else the article's (kg.relations.facts).
"""
from __future__ import annotations

from dataclasses import replace
from typing import Optional

from kg.gazetteer import Gazetteer, load_gazetteer
from kg.lexicon import Lexicon
from kg.linking import Resolution
from kg.mentions import ArticleMentions
from kg.records import Evidence, Fact, Sentence
from kg.relations.facts import reported_date
from kg.relations.lookup import office_state
from kg.relations.pairs import Pair, article_pairs
from kg.relations.rule_precision import confidence_key
from kg.relations.rules import ArticleFacts
from kg.relations.scorer import RelationScorer
from kg.relations.standing import party_membership
from kg.relations.writer import SELF_EMPTY
from kg.timex import find_times

SYMMETRIC = {"alliedWith"}
NOT_ASSERTED = {"negated": "negated", "conditional": "hypothetical", "modal": "hypothetical",
                "future": "planned"}
KIND_FRAMES = {"letter", "message", "phone_call", "meeting", "statement"}


def with_rule_confidence(facts: ArticleFacts, scorer: RelationScorer, sentences: Optional[int] = None) -> ArticleFacts:
    """The rules' facts, each with its predicate's measured precision as confidence: in a
    document of ``sentences`` sentences, a one-sentence document's own where the table has it
    (kg.relations.rule_precision.confidence_key)."""
    table = scorer.rule_confidence
    return ArticleFacts([replace(f, confidence=table.get(confidence_key(f.predicate, sentences),
                                                         table.get(f.predicate, f.confidence)))
                         for f in facts.facts], facts.events)


def scored_pairs(am: ArticleMentions, res: Resolution, lex: Lexicon, rules: ArticleFacts,
                 scorer: RelationScorer, gaz: Optional[Gazetteer] = None) -> list[tuple[Pair, dict[str, float]]]:
    """Every article pair with the calibrated probability of each predicate that fits it."""
    gaz = gaz or load_gazetteer()
    return [(pair, scorer.probabilities(pair.features, pair.predicates))
            for pair in article_pairs(am, res, lex, gaz, rules.facts)]


def evidence_sentence(pair: Pair, predicate: str, scorer: RelationScorer) -> tuple[int, list[str]]:
    """The sentence that says most for the fact: the one whose own features, with the
    article's, score highest; the subject's first sentence when the two never meet."""
    if not pair.sentences:
        return pair.first_sentence or 0, []
    article = [f for f in pair.features if not f.startswith("s:")]
    model = scorer.predicates[predicate]
    return max(pair.sentences, key=lambda sf: (model.raw(article + ["s:" + x for x in sf[1]]), -sf[0]))


def decode(am: ArticleMentions, res: Resolution, lex: Lexicon, rules: ArticleFacts, scorer: RelationScorer,
           min_confidence: Optional[float] = None, keep_rules: bool = True) -> ArticleFacts:
    """The article's facts: the rules' (unless ``keep_rules`` is off), and the scorer's."""
    threshold = scorer.threshold if min_confidence is None else min_confidence
    facts: list[Fact] = []
    ruled: set[tuple[str, str, str]] = set()
    for f in with_rule_confidence(rules, scorer, len(am.annotated.sentences)).facts if keep_rules else ():
        if min_confidence is not None and f.confidence < min_confidence:
            continue
        ruled.add((f.subject, f.predicate, f.object))
        facts.append(f)
    sentences = {s.index: s for s in am.annotated.sentences}
    chosen: set[tuple[str, str, str]] = set()
    # a person and the state the rules say they lead or serve: no meeting, no visit between them
    own = {pair for f in rules.facts if f.predicate in ("leaderOf", "holdsPosition")
           for pair in ((f.subject, f.object), (f.object, f.subject))}
    article_date = am.annotated.article.date
    for pair, probs in scored_pairs(am, res, lex, rules if keep_rules else ArticleFacts([], rules.events), scorer):
        if not probs:
            continue
        p, prob = max(probs.items(), key=lambda kv: (kv[1], kv[0]))
        s_key, o_key = pair.s_key, pair.o_key
        if prob < threshold or (s_key, p, o_key) in ruled or (p in SELF_EMPTY and (
                (s_key, o_key) in own or o_key == office_state(s_key, article_date)
                or s_key == office_state(o_key, article_date))):
            continue    # a person and the state they lead or serve, by the article or the gazetteer
        if p == "visited" and (place_state := res.state_of_place(o_key)) is not None and (
                (s_key, place_state) in own or place_state == office_state(s_key, article_date)):
            continue  # a place in their own state ("Trump alla Casa Bianca") is no visit
        if p in SYMMETRIC | {"communicatedWith"} and ((o_key, p, s_key) in ruled or (o_key, p, s_key) in chosen):
            continue  # the other direction is read already (the rules' with its event)
        index, feats = evidence_sentence(pair, p, scorer)
        s = sentences[index]
        status = next((NOT_ASSERTED[f] for f in feats if f in NOT_ASSERTED), "asserted")
        kind = (_kind(feats) or "statement") if p == "communicatedWith" else None
        role = _role(am, pair, lex) if p == "holdsPosition" else None
        chosen.add((s_key, p, o_key))
        date = reported_date(p, status, _sentence_date(am, s), article_date)
        fact = Fact(s_key, p, o_key, Evidence(am.annotated.article.id, s.index, s.start_char, s.end_char, s.text),
                    prob, kind=kind, role=role, status=status, date=date)
        facts += [fact] + [m for m in party_membership(fact, res) if (m.subject, m.predicate, m.object) not in ruled]
    return ArticleFacts(facts, rules.events)


def _sentence_date(am: ArticleMentions, sentence: Sentence) -> Optional[str]:
    """The date the evidence sentence gives, when it gives one and only one."""
    times = find_times(am.annotated.article.text[sentence.start_char:sentence.end_char], am.annotated.article.date)
    return times[0].value if len({t.value for t in times}) == 1 else None


def _kind(feats: list[str]) -> Optional[str]:
    for prefix in ("lca_frame=", "pframe=", "bframe="):
        for f in feats:
            if f.startswith(prefix) and f[len(prefix):] in KIND_FRAMES:
                return f[len(prefix):]
    return None


def _role(am: ArticleMentions, pair: Pair, lex: Lexicon) -> Optional[str]:
    """The lexicon's role phrase in the sentences that name both, in English ("Foreign Minister")."""
    text = " ".join(s.text for s in am.annotated.sentences if s.index in {i for i, _ in pair.sentences}).lower()
    found = [(text.find(phrase), -len(phrase), role) for phrase, role in lex.roles.items() if phrase in text]
    if not found:
        return None
    return min(found, key=lambda x: (x[0], x[1]))[2].role_en
