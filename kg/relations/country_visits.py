"""Whoever visited a city visited its country, when the article names the country: the
guidelines' "both the city and the country when the text gives both" (visited). The gazetteer
says which state a place lies in (kg.linking.Resolution.state_of_place); the country must be a
node of the article, so kg adds no state the text does not give."""
from __future__ import annotations

from dataclasses import replace
from typing import Optional

from kg.linking import Resolution
from kg.mentions import ArticleMentions
from kg.records import Fact
from kg.relations.facts import ArticleFacts
from kg.relations.lookup import office_state

#: The rule precision table's key for these visits (kg.relations.rule_precision).
COUNTRY_VISIT = "visited:country"

#: The predicates that make a state a person's own: no visit there.
OWN = ("leaderOf", "holdsPosition", "memberOf")


def with_country_visits(am: ArticleMentions, res: Resolution, facts: ArticleFacts,
                        precision: Optional[float] = None, min_confidence: Optional[float] = None) -> ArticleFacts:
    """``facts`` and, for each visit of a place whose state the article names, the visit of the
    state (same evidence, status and date), unless it is the visitor's own state or read already.
    Its confidence is the city visit's, at most ``precision``: how often such visits are right on
    the training articles (the rule precision table's COUNTRY_VISIT); below ``min_confidence``
    it is left out."""
    aid = am.annotated.article.id
    named = {res.key_of(aid, i) for i in range(len(am.mentions))}
    have = {(f.subject, f.predicate, f.object) for f in facts.facts}
    own = {(f.subject, f.object) for f in facts.facts if f.predicate in OWN}
    derived: list[Fact] = []
    for f in facts.facts:
        if f.predicate != "visited":
            continue
        state = res.state_of_place(f.object)
        if (state is None or state == f.object or state not in named or (f.subject, "visited", state) in have
                or (f.subject, state) in own or state == office_state(f.subject, am.annotated.article.date)):
            continue
        have.add((f.subject, "visited", state))
        confidence = min(f.confidence, precision) if precision is not None else f.confidence
        if min_confidence is not None and confidence < min_confidence:
            continue
        derived.append(replace(f, object=state, confidence=confidence, event=None))
    return ArticleFacts(facts.facts + derived, facts.events) if derived else facts
