"""Who came from another state to where something happened: a meeting or a statement at a
place abroad makes its people visitors of that place ("Macron ha incontrato a Berlino il
cancelliere tedesco", "ha detto Luxon in conferenza stampa a Sydney"). A base of
kg.relations.communication.CommunicationRules."""
from __future__ import annotations

from typing import Iterable, Optional

from kg.records import Word
from kg.relations.circumstances import SentenceContext
from kg.relations.confidence import VISIT_BY_PLACE
from kg.relations.facts import ArticleFacts
from kg.relations.words import IN_CASES, TO_CASES
from kg.relations.writer import FactWriter


class VisitorRules(FactWriter):
    """Visits read from where people act: the place of a meeting, a statement or an arrival,
    its state against the one each person comes from."""

    def _present_abroad(self, ctx: SentenceContext, verb: Word, out: ArticleFacts) -> None:
        """"ha detto Luxon nel corso di una conferenza stampa a Sydney", "in un discorso nella
        capitale della Georgia, Tbilisi, il primo ministro armeno ha annunciato", "Meloni ha
        partecipato a Bruxelles al Consiglio europeo": whoever speaks or acts at a place of another
        state than their own is there, as at a meeting (_visitors); not what one sends or supports
        there (the caller leaves those frames out)."""
        v, frontier, place = ctx.view, ctx.view.kids(verb, "obl"), None
        # "permettendo a Mosca di usare": an "a" phrase beside an infinitive with "di" is whom it is for
        cases = IN_CASES if any((m.lemma or m.text).lower() == "di" for c in v.kids(verb, "xcomp", "ccomp", "advcl")
                                for m in v.kids(c, "mark")) else IN_CASES | TO_CASES
        for _ in range(3):      # through "nel corso di una conferenza stampa", not into an event noun's own phrase
            frontier = [w for w in frontier if self.lex.trigger(w.lemma, w.upos) is None]
            place = next((k for w in frontier if v.case_of(w) in cases
                          for k in ctx.entities(w, demonyms=False) if ctx.type_of(k) == "Place"), None)
            if place is not None:
                break
            frontier = [n for w in frontier for n in v.kids(w, "nmod")]
        if place is not None:
            self._visitors(ctx, verb, ctx.agents(verb), out, place=place)

    def _visitors(self, ctx: SentenceContext, t: Word, people: list[str], out: ArticleFacts,
                  guests: Iterable[str] = (), place: Optional[str] = None) -> None:
        """"Macron ha incontrato a Berlino il cancelliere tedesco": whoever the article makes
        the official of another state than the one whose capital (or other place the
        gazetteer locates: "a New York") they met in visited it."""
        place = place or ctx.place_of(t)
        from_dateline = place is None and bool(guests)
        if from_dateline:
            place = ctx.dateline_place()  # "PECHINO – ... è stato accolto dal presidente cinese"
        # the gazetteer's state of the place or of the place it is in ("al palazzo presidenziale
        # di Ankara"), else the state the text writes it in ("a Bali, in Indonesia")
        host = (self.res.state_of_place(place) or dict(self.written_places(ctx)).get(place)) if place else None
        if host is None and place is not None and not from_dateline:
            # "MADRID – ... ricevuto al Palazzo della Moncloa": a building the gazetteer does not
            # locate is in the dateline's state
            dateline = ctx.dateline_place()
            host = self.res.state_of_place(dateline) if dateline else None
        if from_dateline and not any(ctx.home_state(p) == host for p in people if p not in guests):
            return  # the dateline is only where the host is at home: "ROMA – Xi ha ricevuto ..." is not
        if host is None and place is not None and guests:
            # "Biden ha ricevuto Kishida presso la residenza di Camp David": one receives at
            # home, so a place no one locates is in the receivers' one state
            homes = {ctx.origin_state(p) for p in people if p not in guests and ctx.type_of(p) == "Person"}
            host = homes.pop() if len(homes) == 1 and None not in homes else None
        if host is None:
            return
        visitors = [p for p in people if ctx.type_of(p) == "Person" and ctx.origin_state(p) not in (None, host)]
        # someone received there ("è stato ricevuto a Pechino dal premier cinese") came, unless
        # the article makes them an official of that state: the president of the European Council too
        visitors += [p for p in guests if ctx.type_of(p) == "Person" and ctx.home_state(p) != host and p not in visitors]
        self._add(ctx, out, visitors, "visited", [place], t, event="visit", keep_place=True, confidence=VISIT_BY_PLACE)
