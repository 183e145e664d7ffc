"""Facts and events out of a trigger's arguments: subjects and objects fitted to the
predicate's domain and range (a leader acting where only a state can is the state), the
event with its participants, factuality, date and place, and the rule's confidence."""
from __future__ import annotations

from typing import Iterable, Optional

from kg.lexicon import Lexicon
from kg.linking import Resolution
from kg.records import Event, Fact, Word
from kg.relations.circumstances import SentenceContext
from kg.relations.confidence import DEFAULT, REPORTED_FACTOR
from kg.relations.facts import EVENT_CLASS, ArticleFacts, evidence_of, reported_date, unique
from kg.vocab import predicate_signatures


#: Predicates that say nothing between a person and their own state ("Kim ... la Corea del
#: Nord" is no meeting, the president at home no visit).
SELF_EMPTY = {"communicatedWith", "visited"}


class FactWriter:
    """The base of the frame families (kg.relations.communication, transfers, evaluation,
    treaties, standing): RelationExtractor combines them, so a family may call another's
    helpers through ``self``."""

    def __init__(self, lexicon: Lexicon, resolution: Resolution):
        self.lex = lexicon
        self.res = resolution

    def _at_home(self, ctx: SentenceContext, person: str, place: str) -> bool:
        """A place in the visitor's own state is no visit ("Trump alla Casa Bianca"): the real-news
        gold has none among the visits of people whose office state the gazetteer knows."""
        state = self.res.state_of_place(place)
        return state is not None and ctx.type_of(person) == "Person" and state == ctx.origin_state(person)

    def _add(self, ctx: SentenceContext, out: ArticleFacts, subjects: Iterable[str], predicate: str,
             objects: Iterable[str], trigger: Word, kind: Optional[str] = None,
             event: Optional[str] = None, quantity: Optional[str] = None, keep_place: bool = False,
             confidence: float = DEFAULT) -> None:
        domain, range_ = predicate_signatures()[predicate]
        subjects = unique(ctx.actor(s) for s in subjects)
        # "Kim ha inviato truppe": a head of state acting where only a state can -> the state
        subjects = unique(s if ctx.type_of(s) in domain else
                           (ctx.led_state(s) if ctx.type_of(s) == "Person" and "State" in domain else None)
                           for s in subjects)
        objects = unique(o if keep_place or predicate in ("sentTroopsTo", "locatedIn") else ctx.actor(o)
                          for o in objects)
        objects = [o for o in objects if ctx.type_of(o) in range_]
        if predicate == "visited":
            # "è atterrato all'aeroporto del Cairo": whoever reached a place reached the place it is in
            objects = unique(objects + [self.res.place_parts[o] for o in objects if o in self.res.place_parts])
        pairs = [(s, o) for s in subjects for o in objects if s != o
                 and not (predicate in SELF_EMPTY and ctx.type_of(s) == "Person" and o == ctx.origin_state(s))
                 # and the other way: "l'Ucraina ... con Zelensky" is no meeting of the state with its leader
                 and not (predicate in SELF_EMPTY and ctx.type_of(o) == "Person" and s == ctx.origin_state(o))
                 and not (predicate == "visited" and self._at_home(ctx, s, o))]
        if not pairs:
            return
        status, source = ctx.factuality(trigger)
        date = reported_date(predicate, status, ctx.date_near(trigger, ahead=status == "planned"), ctx.article_date)
        evidence = evidence_of(ctx.am, ctx.sentence)
        event_index = None
        if event:
            participants: dict[str, list[str]] = {"agent": list(subjects), "recipient": list(objects)}
            if predicate == "signed":
                participants = {"agent": list(subjects), "treaty": list(objects)}
            place = None if predicate == "visited" else ctx.place_of(trigger)
            out.events.append(Event(EVENT_CLASS[event], participants, evidence, date, place, quantity,
                                    trigger.text, status, source))
            event_index = len(out.events) - 1
        for s, o in pairs:
            out.facts.append(Fact(s, predicate, o, evidence, round(confidence * (REPORTED_FACTOR if status == "reported" else 1), 2),
                                  kind=kind, date=date, status=status, source=source, event=event_index))
