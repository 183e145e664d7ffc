"""Standing facts, not events: offices from role descriptions (leaderOf, holdsPosition: "il
presidente russo Putin") and places in states (locatedIn) from a demonym in the place's name
("la regione russa di Kursk") or from the state the gazetteer puts a place in, where the parse
joins the two ("Asunción, capitale del Paraguay")."""
from __future__ import annotations

from kg.mentions import ArticleMentions
from kg.records import Fact, Word
from kg.relations.circumstances import SentenceContext
from kg.relations.confidence import DEMONYM_LOCATION, DESCRIBED_ROLE, NAMED_ROLE, PLACE_IN_STATE
from kg.relations.facts import ArticleFacts, evidence_of
from kg.relations.writer import FactWriter


class StandingFacts(FactWriter):
    """Offices held and places located."""

    def _roles(self, am: ArticleMentions, out: ArticleFacts) -> None:
        """leaderOf or holdsPosition for each role description resolved to a person."""
        aid = am.annotated.article.id
        for r_index, role in enumerate(am.roles):
            person = self.res.role_persons.get((aid, r_index))
            holder = self.res.holder_of(aid, r_index, role)
            if not person or not holder or holder not in self.res.entities:
                continue  # a state the gazetteer names but no article mentions is not in the graph
            predicate = role.predicate if self.res.entities[holder].type == "State" else "holdsPosition"
            sentence = am.annotated.sentences[role.sentence]
            out.facts.append(Fact(person, predicate, holder, evidence_of(am, sentence),
                                  NAMED_ROLE if role.person is not None else DESCRIBED_ROLE,
                                  role=role.phrase if predicate == "holdsPosition" else None))

    def _locations(self, ctx: SentenceContext, out: ArticleFacts) -> None:
        """A demonym inside a place's name gives locatedIn ("la regione russa di Kursk")."""
        v = ctx.view
        for w in ctx.sentence.words:
            if w.deprel != "amod":
                continue
            states = [e for e in ctx.entities(w, demonyms=True) if ctx.type_of(e) == "State"] \
                or ctx.demonym_at(w)
            head = v.head(w)
            if not states or head is None:
                continue
            # only a demonym inside the place's own name: "l'occupazione sovietica della Corea"
            # says nothing about where Korea is
            places = [e for e in ctx.entities(head) if ctx.type_of(e) == "Place"]
            self._add(ctx, out, places, "locatedIn", states, w, confidence=DEMONYM_LOCATION)

    def _places_in_states(self, ctx: SentenceContext, out: ArticleFacts) -> None:
        """A place the gazetteer puts in a state, and that state, joined by at most two nominal
        links of the parse: "Asunción, capitale del Paraguay", "nella capitale della Georgia,
        Tbilisi", "Riad, in Arabia Saudita". The text links them (the guidelines' condition),
        the gazetteer says the link is where the place lies; a verb or a coordination between
        them ("da Cuba al Venezuela", "Mosca e Pyongyang") says nothing of the kind. Where the
        parse misses the apposition, the words of one phrase on either side count too."""
        for w in ctx.sentence.words:
            place = ctx._entity_at(w, demonyms=False)
            state = self.res.place_states.get(place) if place and ctx.type_of(place) == "Place" else None
            if not state or ctx.type_of(state) != "State":
                continue
            near = _nominal_neighbourhood(ctx, w, place) + _phrase_neighbours(ctx, w)
            if any(ctx._entity_at(y, demonyms=False) == state for y in near):
                # a standing fact, not an event: no date, and the place stays a place (a capital
                # is not read as its state here)
                out.facts.append(Fact(place, "locatedIn", state, evidence_of(ctx.am, ctx.sentence), PLACE_IN_STATE))


NOMINAL_LINKS = {"appos", "nmod", "amod", "flat", "compound"}


def _nominal_neighbourhood(ctx: SentenceContext, word: Word, own: str, steps: int = 2) -> list[Word]:
    """The words at most ``steps`` nominal dependency links away from ``word``, through common
    nouns only ("capitale", "città"): a link through another name ("Rubio a Washington" under
    "il segretario di Stato Usa") joins that name, not the place."""
    v, seen, frontier, out = ctx.view, {word.id}, [word], []
    for _ in range(steps):
        nxt = []
        for x in frontier:
            if x is not word and ctx._entity_at(x, demonyms=True) not in (None, own):
                continue
            head = v.head(x)
            linked = ([head] if head is not None and (x.deprel or "").split(":")[0] in NOMINAL_LINKS else []) \
                + v.kids(x, *NOMINAL_LINKS)
            for y in linked:
                if y.id not in seen:
                    seen.add(y.id)
                    nxt.append(y)
        out += nxt
        frontier = nxt
    return out


PHRASE_WORDS = 4
PHRASE_PUNCTUATION = {",", "(", ")"}


def _phrase_neighbours(ctx: SentenceContext, word: Word) -> list[Word]:
    """The words up to PHRASE_WORDS away on either side, past a comma or a bracket next to the
    place, with no verb, no conjunction and no other punctuation in between: the place's
    apposition ("Asunción, capitale del Paraguay"; "della Georgia, Tbilisi"); or the word
    after a preposition and an article alone ("in Arabia Saudita a Riad"). A
    word after the place counts only where its phrase ends there ("Almaty, in Kazakistan."),
    not where it opens the next clause ("a Hanoi, Vietnam e Giappone hanno firmato")."""
    words = ctx.sentence.words
    own = ctx._entity_at(word, demonyms=False)
    first = last = next(i for i, w in enumerate(words) if w.id == word.id)
    while first > 0 and own is not None and ctx._entity_at(words[first - 1], demonyms=False) == own:
        first -= 1      # the place's own words, this mention of it only
    while last + 1 < len(words) and own is not None and ctx._entity_at(words[last + 1], demonyms=False) == own:
        last += 1
    out = []
    for step, at in ((1, last), (-1, first)):
        i = at + step
        if not (0 <= i < len(words)):
            continue
        if words[i].text not in PHRASE_PUNCTUATION:
            # no apposition: only a preposition and an article between ("in Arabia Saudita a Riad")
            j = i
            while 0 <= j < len(words) and abs(j - at) <= 3 and words[j].upos in ("ADP", "DET"):
                j += step
            if 0 <= j < len(words) and abs(j - at) > 1 and (step == -1 or _phrase_ends_after(ctx, words, j)):
                out.append(words[j])
            continue   # an apposition opens with a comma or a bracket next to the place
        while 0 <= i < len(words) and abs(i - at) <= PHRASE_WORDS + 1:
            w = words[i]
            if w.upos in ("VERB", "AUX", "CCONJ", "SCONJ") or (w.upos == "PUNCT" and w.text not in PHRASE_PUNCTUATION):
                break
            if step == -1 or _phrase_ends_after(ctx, words, i):
                out.append(w)
            i += step
    return out


def _phrase_ends_after(ctx: SentenceContext, words: list[Word], i: int) -> bool:
    """Whether the mention at ``words[i]`` is followed by punctuation or the sentence's end."""
    key = ctx._entity_at(words[i], demonyms=False)
    j = i + 1
    while j < len(words) and key is not None and ctx._entity_at(words[j], demonyms=False) == key:
        j += 1
    return j >= len(words) or words[j].upos == "PUNCT"
