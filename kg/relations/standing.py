"""Standing facts, not events: offices from role descriptions (leaderOf, holdsPosition: "il
presidente russo Putin") and places in states from a demonym in the place's name
(locatedIn: "la regione russa di Kursk")."""
from __future__ import annotations

from kg.mentions import ArticleMentions
from kg.records import Fact
from kg.relations.circumstances import SentenceContext
from kg.relations.confidence import DEMONYM_LOCATION, DESCRIBED_ROLE, NAMED_ROLE
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
