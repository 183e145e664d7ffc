"""The facts and events one article yields, and the clean-ups every extractor's output gets:
one fact per triple, sentence and status (dedupe), and keys merged after extraction
(remap_facts)."""
from __future__ import annotations

from dataclasses import dataclass, field, replace
from typing import Iterable, Optional

from kg.mentions import ArticleMentions
from kg.records import Event, Evidence, Fact, Sentence

#: The ontology's event class for each kind of event the rules find.
EVENT_CLASS = {"letter": "Letter", "message": "Message", "phone_call": "PhoneCall", "meeting": "Meeting",
               "statement": "Statement", "visit": "Visit", "sign": "Signing", "troops": "TroopDeployment",
               "arms": "ArmsTransfer", "support": "Support", "praise": "Praise", "criticize": "Criticism",
               "alliance": "Alliance"}
SYMMETRIC_KINDS = {"phone_call", "meeting"}
#: Acts a news article reports as they happen: one the text does not date took place when the
#: article is dated, at the precision the article has ("2025-01" for a month's excerpt). The
#: real-news gold dates so 226 of 431 meetings and calls and 247 of 455 visits of the train
#: articles; standing facts (offices, memberships, alliances) and deployments stay undated.
DATED_BY_ARTICLE = frozenset({"communicatedWith", "visited", "signed", "criticized", "praised", "supports",
                              "suppliedArmsTo"})
#: Whose undated acts take the article's date: what happened, or what someone says happened;
#: not what is planned, hoped for, denied or hypothetical.
DATED_STATUSES = frozenset({"asserted", "reported"})


def reported_date(predicate: str, status: str, own: Optional[str], article_date: Optional[str]) -> Optional[str]:
    """A fact's date: its own time expression's, else the article's for an act it reports."""
    if own or predicate not in DATED_BY_ARTICLE or status not in DATED_STATUSES:
        return own
    return article_date


@dataclass
class ArticleFacts:
    """The facts and events the relation stage found in one article."""

    facts: list[Fact] = field(default_factory=list)
    events: list[Event] = field(default_factory=list)

    def to_dict(self) -> dict:
        return {"facts": [f.to_dict() for f in self.facts], "events": [e.to_dict() for e in self.events]}

    @classmethod
    def from_dict(cls, data: dict) -> "ArticleFacts":
        return cls(facts=[Fact.from_dict(f) for f in data["facts"]],
                   events=[Event.from_dict(e) for e in data["events"]])


def evidence_of(am: ArticleMentions, sentence: Sentence) -> Evidence:
    return Evidence(am.annotated.article.id, sentence.index, sentence.start_char, sentence.end_char,
                    sentence.text)


def unique(items: Iterable[str]) -> list[str]:
    seen: list[str] = []
    for item in items:
        if item and item not in seen:
            seen.append(item)
    return seen


def dedupe(out: ArticleFacts) -> ArticleFacts:
    """One fact per (s, p, o, sentence, status); the most confident wins. A meeting or a call
    keeps the direction the article first gave it, so that "Xi ha accolto Lukashenko" and "i due
    hanno firmato" (Lukashenko's meeting with Xi) are one triple with two pieces of evidence."""
    best: dict[tuple, Fact] = {}
    first_direction: dict[frozenset, tuple[str, str]] = {}
    for i, fact in enumerate(out.facts):
        if fact.predicate == "communicatedWith" and fact.kind in SYMMETRIC_KINDS:
            pair = frozenset((fact.subject, fact.object))
            direction = first_direction.setdefault(pair, (fact.subject, fact.object))
            if direction != (fact.subject, fact.object):
                out.facts[i] = fact = replace(fact, subject=direction[0], object=direction[1])
    def rank(f: Fact) -> tuple:  # the most confident; at equal confidence, the one that says more
        return (f.confidence, f.event is not None, f.date is not None, f.kind is not None, f.role is not None)

    for fact in out.facts:
        key = (fact.subject, fact.predicate, fact.object, fact.evidence.sentence, fact.status)
        if key not in best or rank(fact) > rank(best[key]):
            best[key] = fact
    out.facts = sorted(best.values(), key=lambda f: (f.evidence.sentence, f.predicate, f.subject, f.object))
    return out


def remap_facts(out: ArticleFacts, remap: dict[str, str]) -> ArticleFacts:
    """Entity keys merged after extraction (one treaty named two ways) replaced everywhere."""
    if not remap:
        return out
    for fact in out.facts:
        fact.subject = remap.get(fact.subject, fact.subject)
        fact.object = remap.get(fact.object, fact.object)
    for event in out.events:
        event.participants = {r: unique(remap.get(k, k) for k in ks) for r, ks in event.participants.items()}
        event.place = remap.get(event.place, event.place) if event.place else None
    return dedupe(out)
