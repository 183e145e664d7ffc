"""The evaluation frames: support (supports), praise and criticism (praised, criticized) by a
verb, a noun, a manner ("accogliere con favore"), a harsh reaction or an evaluative word said
of someone; whom praising or criticising a thing is about."""
from __future__ import annotations

from typing import Optional

from kg.records import Word
from kg.relations.circumstances import SentenceContext
from kg.relations.confidence import EVALUATION
from kg.relations.facts import ArticleFacts
from kg.relations.facts import EVENT_CLASS, unique
from kg.relations.frames import NounArguments, VerbArguments
from kg.relations.sentence import SentenceView
from kg.relations.words import (ADDRESSING_VERBS, IN_CASES, POSSESSIVES, REASON_PREPOSITIONS, TO_CASES,
                                WITH_CASES)
from kg.relations.writer import FactWriter


class EvaluationRules(FactWriter):
    """Handlers of the support, praise, criticize, react and characterise frames."""

    def _verb_support(self, ctx: SentenceContext, t: Word, frame: str, args: VerbArguments, out: ArticleFacts) -> None:
        """"ha sostenuto X": the states among the objects."""
        agents, objs, to = args.agents, args.objs, args.to
        self._add(ctx, out, agents, "supports", ctx.states_among(objs + to), t)

    def _verb_praise(self, ctx: SentenceContext, t: Word, frame: str, args: VerbArguments, out: ArticleFacts) -> None:
        """"ha elogiato X", or the owner of what was praised."""
        agents, objs, to, objects = args.agents, args.objs, args.to, args.objects
        # "ha reso omaggio al presidente" is to someone; "hanno celebrato a Rio de Janeiro" is where
        to = [x for x in to if ctx.type_of(x) != "Place"]
        self._add(ctx, out, agents, "praised", objs + to or self._owners_of(ctx, objects, agents, out), t)

    def _verb_criticize(self, ctx: SentenceContext, t: Word, frame: str, args: VerbArguments, out: ArticleFacts) -> None:
        """"ha criticato X", or the owner of what was criticised."""
        agents, objs, objects = args.agents, args.objs, args.objects
        self._add(ctx, out, agents, "criticized", objs or self._owners_of(ctx, objects, agents, out), t)

    def _verb_react(self, ctx: SentenceContext, t: Word, frame: str, args: VerbArguments, out: ArticleFacts) -> None:
        """"ha reagito con durezza a X": a harsh reaction criticises."""
        agents = args.agents
        window = ctx.clause_after(t)
        if any(w.text.lower() in self.lex.harsh_manner for w in window):
            targets = [k for w in window for k in [ctx._role_person_at(w) or ctx._entity_at(w, False)]
                       if k and ctx.type_of(k) != "Place"]
            self._add(ctx, out, agents, "criticized", targets, t, confidence=0.7)

    def _verb_characterise(self, ctx: SentenceContext, t: Word, frame: str, args: VerbArguments, out: ArticleFacts) -> None:
        """"ha definito 'imprudente' X"."""
        agents = args.agents
        self._characterise(ctx, t, agents, out)

    def _noun_support(self, ctx: SentenceContext, t: Word, frame: str, args: NounArguments, out: ArticleFacts) -> None:
        """"il sostegno di Roma a Kiev": the states supported."""
        v, head = ctx.view, args.head
        agents, to = args.agents, args.to
        if ctx.preposition_before(t) in REASON_PREPOSITIONS and not ctx.possessors(t):
            # "ha ringraziato la Germania per il sostegno all'Ucraina": the support is the
            # thanked one's, not the thanker's
            thanked = [f.object for f in out.facts if f.predicate == "praised" and f.subject in agents
                       and f.evidence.sentence == ctx.sentence.index]
            agents = unique(thanked) or agents
        if not to and ctx.possessors(t):
            # "il sostegno di Roma al piano egiziano": backing a thing backs its owner
            words = [c for c in v.kids(t, "nmod") if v.case_of(c) in TO_CASES]
            if head is not None and t.deprel == "obj":
                words += [c for c in v.kids(head, "obl") if v.case_of(c) in TO_CASES]
            to = [e for w in words if w.upos == "NOUN" for e in ctx.possessors(w) if e not in agents]
        self._add(ctx, out, agents, "supports", ctx.states_among(to), t)

    def _noun_evaluation(self, ctx: SentenceContext, t: Word, frame: str, args: NounArguments, out: ArticleFacts) -> None:
        """"l'apprezzamento di X per Y", "la condanna di X contro Y"."""
        head = args.head
        agents, to = args.agents, args.to
        targets = to + (ctx.nmod(t, {"contro", "verso"}) if frame == "criticize" else [])
        if not targets and ctx.next_word_is(t, REASON_PREPOSITIONS):
            # "apprezzamento per il coraggio mostrato dai soldati dell'Esercito popolare"
            window = ctx.clause_after(t)
            stop = next((i for i, w in enumerate(window) if w.text.lower() in IN_CASES | {"durante", "contro"}),
                        len(window))  # "... dei militari nordcoreani | nelle operazioni russe"
            targets = [k for w in window[:stop] for k in [ctx._entity_at(w, True)]
                       if k and ctx.type_of(k) != "Place"]
        self._add(ctx, out, agents, "praised" if frame == "praise" else "criticized", targets, t)
        if to and ((head is not None and (head.lemma or "") in ADDRESSING_VERBS)
                   or ctx.previous_lemma(t) in ADDRESSING_VERBS):
            # "ha espresso gratitudine a Kim": said to Kim
            self._add(ctx, out, agents, "communicatedWith", to, t, kind="statement", event="statement")


    def _evaluative_report(self, ctx: SentenceContext, verb: Word, out: ArticleFacts) -> None:
        """"Kallas ha detto che «l'Iran è complice dell'aggressione russa»": saying that someone
        is an evaluative word (evaluations.tsv) criticises or praises them, and whoever an
        evaluated noun in the predicate names ("aggressione russa")."""
        v = ctx.view
        polarity = lambda w: self.lex.evaluations.get((w.lemma or "").lower()) or self.lex.evaluations.get(w.text.lower())
        for c in v.kids(verb, "ccomp", "parataxis"):
            if not v.kids(c, "cop") or polarity(c) is None:
                continue
            targets = [e for n in v.kids(c, "nsubj") for e in ctx.entities(n)]
            targets += [k for x in v.kids(c, "obl", "nmod") if polarity(x) == "negative"
                        for a in v.kids(x, "amod") for k in ctx.demonym_at(a)]
            agents = ctx.agents(verb)
            predicate = "criticized" if polarity(c) == "negative" else "praised"
            self._add(ctx, out, agents, predicate, [t for t in targets if ctx.type_of(t) != "Place"], c,
                      confidence=EVALUATION)

    def _manner_frame(self, view: SentenceView, verb: Word) -> Optional[str]:
        """"ha accolto con favore l'intesa": the frame a "con" phrase gives the verb
        (manner_frames.tsv), or None."""
        if verb.upos != "VERB":
            return None
        for c in view.kids(verb, "obl"):
            if view.case_of(c) in WITH_CASES:
                frame = self.lex.manner_frames.get(((verb.lemma or "").lower(), (c.lemma or "").lower()))
                if frame:
                    return frame
        return None

    def _owners_of(self, ctx: SentenceContext, objects: list[Word], agents: list[str],
                   out: ArticleFacts) -> list[str]:
        """Whom praising or criticising a thing is about: its owner ("ha elogiato il coraggio
        di Vučić", "ha criticato la decisione di Teheran"), never the speaker's own state
        ("Kim ... elogiando la solidarietà di Pyongyang"); or whoever did the event it names."""
        own = set(agents) | {s for a in agents for s in (ctx.home_state(a), ctx.actor(a)) if s}
        # "la fermezza del governo di Tbilisi": a body with no name of its own belongs to the next owner
        owner_words = [w for o in objects if o.upos == "NOUN" for w in ctx.possessor_words(o)]
        owner_words += [d for w in owner_words if not ctx.entities(w) for d in ctx.possessor_words(w)]
        owners = [e for w in owner_words for e in ctx.entities(w)
                  if ctx.type_of(ctx.actor(e)) != "Place" and ctx.actor(e) not in own]
        return owners or self._doers_of(ctx, objects, out)

    def _doers_of(self, ctx: SentenceContext, words: list[Word], out: ArticleFacts) -> list[str]:
        """"Pashinyan ha condannato la fornitura": a noun for an event the article told before
        (event_nouns.tsv) stands for whoever did it, the agents of the latest such event."""
        for w in words:
            kind = self.lex.event_nouns.get((w.lemma or "").lower()) if w.upos == "NOUN" else None
            if kind is None or ctx.view.kids(w, "nmod"):
                continue  # "la fornitura di droni alla Russia" names its own parties
            told = [e for e in out.events if e.type == EVENT_CLASS[kind] and e.status in ("asserted", "reported")
                    and e.evidence.sentence < ctx.sentence.index]
            if told:
                return list(told[-1].participants.get("agent", []))
        return []

    def _characterise(self, ctx: SentenceContext, t: Word, agents: list[str], out: ArticleFacts) -> None:
        """"X ha definito 'imprudente' la partecipazione nordcoreana": calling something by an
        evaluative word (evaluations.tsv) criticises or praises whoever the clause names."""
        window = ctx.clause_after(t)
        polarities = {self.lex.evaluations.get((w.lemma or "").lower()) or self.lex.evaluations.get(w.text.lower())
                      for w in window} - {None}
        if len(polarities) != 1:
            return  # no evaluation, or a mixed one
        targets: list[str] = []
        for w in window:
            if w.upos == "DET" and (w.lemma or "").lower() in POSSESSIVES:
                targets += ctx.recent_person(t, exclude=agents)
            elif ctx.preposition_before(w) not in IN_CASES:  # "combattere in Ucraina": where, not whom
                keys = [k for k in [ctx._role_person_at(w) or ctx._entity_at(w, True)] if k] + ctx.names_within(w)
                targets += [k for k in keys if ctx.type_of(k) != "Place"]
        predicate = "criticized" if polarities == {"negative"} else "praised"
        targets = targets or self._doers_of(ctx, window, out)
        self._add(ctx, out, agents, predicate, targets, t, confidence=EVALUATION)
