"""The communication frames: letters, messages, statements and appeals (communicatedWith,
kind letter/message/statement), calls and meetings (kind phone_call/meeting), visits
(visited); who came from abroad to a meeting is kg.relations.visitors'."""
from __future__ import annotations

from typing import Optional

from kg import italian
from kg.records import Word
from kg.relations.circumstances import SentenceContext
from kg.relations.confidence import TOGETHER, VISIT_BY_PLACE
from kg.relations.facts import ArticleFacts, unique
from kg.relations.frames import NounArguments, VerbArguments
from kg.relations.words import (BETWEEN_CASES, BY_CASES, CLAUSE_BREAKS, CLITIC_OBJECTS, IN_CASES, LIGHT_VERBS,
                                OF_CASES, PLACE_OBJECT_VERBS, RECEIVING_VERBS, REPLY_VERBS, TO_CASES, WITH_CASES)
from kg.relations.visitors import VisitorRules

#: Where a person is found: "è a Pechino", "si trovava in Kenya" (not "da", "per", "verso").
PRESENCE_CASES = set(italian.TO_FAMILY | italian.IN_FAMILY) | {"ad"}


class CommunicationRules(VisitorRules):
    """Handlers of the letter, message, statement, appeal, phone_call, meeting and visit frames."""

    def _verb_message(self, ctx: SentenceContext, t: Word, frame: str, args: VerbArguments, out: ArticleFacts) -> None:
        """A letter, message or statement "a X"; a reply with no addressee answers the last one who wrote."""
        agents, to = args.agents, args.to
        if not to and (t.lemma or "").lower() in REPLY_VERBS:
            to, frame = self._replied(ctx, t, agents, out), self._reply_means(ctx, t) or frame
        self._add(ctx, out, agents, "communicatedWith", to, t, kind=frame, event=frame)

    def _verb_appeal(self, ctx: SentenceContext, t: Word, frame: str, args: VerbArguments, out: ArticleFacts) -> None:
        """An appeal: whom one urges is its addressee, a place where to is not."""
        agents, objs, to = args.agents, args.objs, args.to
        # "ha invitato la Cina a frenare": the addressee is the object; "ha invitato il
        # presidente a Nuova Delhi": where to is no addressee
        to = [x for x in to if ctx.type_of(x) != "Place"]
        self._add(ctx, out, agents, "communicatedWith", objs + to, t, kind="statement", event="statement")

    def _verb_meeting(self, ctx: SentenceContext, t: Word, frame: str, args: VerbArguments, out: ArticleFacts) -> None:
        """A call or a meeting with the object, "con X" or (a call) "a X"; a meeting abroad is a visit."""
        v = ctx.view
        agents, objs, with_ = args.agents, args.objs, args.with_
        if frame == "meeting" and (t.lemma or "").lower() in RECEIVING_VERBS:
            # "la Bielorussia ha ospitato truppe e armi russe": no meeting; the troops'
            # state sent them there
            words = ctx.sentence.words
            after = words[next(i for i, w in enumerate(words) if w.id == t.id) + 1:]
            window = after[:next((i for i, w in enumerate(after) if w.text in CLAUSE_BREAKS), len(after))]
            if any("troops" in self._word_classes(w) for w in window if w.upos in ("NOUN", "ADJ")):
                senders = [k for w in window for k in ctx.demonym_at(w)]
                self._add(ctx, out, senders, "sentTroopsTo", [a for a in agents if ctx.type_of(a) == "State"],
                          t, event="troops")
                return
        # "è arrivato a Villa Pamphili, accolto dalla presidente del Consiglio", "Ospitato a Tokyo dal
        # primo ministro, Rutte ha ...": a participle with no subject of its own receives its clause's
        participle = "VerbForm=Part" in (t.feats or "") and t.deprel in ("advcl", "acl") \
            and not v.kids(t, "aux", "aux:pass", "nsubj", "nsubj:pass", "obj")
        if v.kids(t, "aux:pass") or participle:
            # "Costa è stato ricevuto a Pechino dal premier Li Qiang": whom the "da"
            # phrase received, wherever the parse hangs it
            received = [e for c in v.kids(t, "nsubj:pass") for e in ctx.entities(c)]
            by = ctx.obl(t, BY_CASES) or ctx.right_entities(t, BY_CASES)
            above = ctx.governing_verb(t)
            if participle and by and (head := v.head(t)) is not None:
                received = [e for e in (ctx.agents(head) if t.deprel == "advcl" else ctx.entities(head))
                            if e not in by]
            if not received and by and above is not None:
                # "è arrivata a Addis Abeba, dove è stata accolta dal premier": the clause above's subject
                received = [e for e in ctx.agents(above) if e not in by]
            if not received and by and any((k.lemma or "").lower() == "dove" for k in v.kids(t, "nsubj:pass", "advmod", "obl")):
                # "l'arrivo di Putin in Corea del Nord, dove è stato accolto da Kim": whoever this
                # sentence has visiting the place the clause is about
                received = unique(f.subject for f in out.facts if f.predicate == "visited"
                                  and f.evidence.sentence == ctx.sentence.index and f.subject not in by)
            if received and by:
                agents, objs = by, received
        # "ha telefonato al presidente": whom one calls is "a X" too
        callee = ctx.obl(t, TO_CASES) if frame == "phone_call" else []
        clitic = next((o for o in v.kids(t, "obj") if o.upos == "PRON" and o.text.lower() in CLITIC_OBJECTS), None)
        if frame == "meeting" and clitic is not None and not objs + with_:
            # "Xi lo ha accolto con una parata", "Mattarella che lo ha accolto": the person named
            # last before the clitic's clause subject ("il premier e sua moglie lo hanno accolto"),
            # other than the ones meeting
            subject = min(v.kids(t, "nsubj") + [clitic], key=lambda w: w.start_char)
            objs = ctx.recent_person(subject, exclude=agents, roles=True)
        if not objs + with_ + callee and len(agents) >= 2 and (not v.kids(t, "obj") or _reciprocal(v, t)):
            # "Macron e Scholz si sono incontrati", "si sono sentiti": each other
            self._each_pair(ctx, out, agents, t, frame)
        else:
            self._add(ctx, out, agents, "communicatedWith", objs + with_ + callee, t, kind=frame, event=frame)
        if frame == "meeting":
            received = objs if (t.lemma or "").lower() in RECEIVING_VERBS else []
            self._visitors(ctx, t, agents + objs + with_, out, guests=received)

    def _verb_visit(self, ctx: SentenceContext, t: Word, frame: str, args: VerbArguments, out: ArticleFacts) -> None:
        """"ha visitato Pechino", "è arrivato a Pechino": the people visited the place or state."""
        agents, objs, where = args.agents, args.objs, args.where
        targets = objs if (t.lemma or "") in PLACE_OBJECT_VERBS else where
        people = [a for a in agents if ctx.type_of(a) == "Person"]
        targets = [x for x in targets if ctx.type_of(x) in ("Place", "State")]
        if people and targets:
            # whoever travels with them, unless at home there ("insieme al ministro turco", in Istanbul)
            people += [c for c in _companions(ctx, t)
                       if c not in people and not all(self._at_home(ctx, c, x) for x in targets)]
        self._add(ctx, out, people, "visited", targets, t, event="visit", keep_place=True)

    def _noun_message(self, ctx: SentenceContext, t: Word, frame: str, args: NounArguments, out: ArticleFacts) -> None:
        """"la lettera di Putin a Kim"."""
        agents, to = args.agents, args.to
        self._add(ctx, out, agents, "communicatedWith", to, t, kind=frame, event=frame)

    def _noun_meeting(self, ctx: SentenceContext, t: Word, frame: str, args: NounArguments, out: ArticleFacts) -> None:
        """"l'incontro tra X e Y", "la telefonata di X con Y"."""
        agents, to, with_, between = args.agents, args.to, args.with_, args.between
        if len(between) >= 3 and not agents:
            # "il vertice tra Macron, Scholz e Sánchez": everyone met everyone, each pair once
            self._each_pair(ctx, out, between, t, frame)
            return
        if len(between) >= 2:
            # "l'incontro tra X e Y": the two met, whoever the clause around the noun is about
            # ("Pechino ha revocato ... durante l'incontro tra Wang Yi e il suo omologo")
            agents, with_ = between[:1], unique(between[1:] + with_)
        # "un incontro a Berlino": a place is where they met, not whom (its state neither)
        to = [x for x in to if ctx.type_of(x) != "Place"]
        partner_phrases = [c for c in ctx.view.kids(t, "nmod") if ctx.view.case_of(c) in WITH_CASES | BETWEEN_CASES]
        if not with_ + to and not partner_phrases and len(agents) >= 2:
            # "Macron e Scholz hanno avuto un incontro": the light verb's subjects met each other
            self._each_pair(ctx, out, agents, t, frame)
        else:
            self._add(ctx, out, agents, "communicatedWith", with_ + to, t, kind=frame, event=frame)
        place = self._noun_place(ctx, t) if frame == "meeting" else None
        if place is not None:
            # "l'incontro tra Macron e Scholz a Berlino": whoever came from another state visited
            self._visitors(ctx, t, agents + with_ + to, out, place=place)

    def _presence(self, ctx: SentenceContext, w: Word, out: ArticleFacts) -> None:
        """"Scholz è a Pechino", "Cornell si trovava a Detroit", "Sono a Palermo Tusk e
        Mogherini": a person found at a place went there. The place is the copula's
        predicate ("è" "a Pechino") or the locative of a reflexive "trovarsi"; a place in the
        person's own state is no visit (kg.relations.writer)."""
        v = ctx.view
        if (w.lemma or "").lower() == "trovare" and w.upos == "VERB" \
                and any((k.text or "").lower() == "si" for k in v.kids(w, "expl")):
            people = [e for s in v.kids(w, "nsubj") for e in ctx.entities(s)]
            places = [e for c in v.kids(w, "obl") if v.case_of(c) in PRESENCE_CASES for e in ctx.entities(c, False)]
            trigger = w
        else:
            cop = next((c for c in v.kids(w, "cop") if (c.lemma or "").lower() == "essere"), None)
            if cop is None or v.case_of(w) not in PRESENCE_CASES:
                return
            people = [e for s in v.kids(w, "nsubj") for e in ctx.entities(s)]
            places = ctx.entities(w, False)
            trigger = cop
        people = [p for p in people if ctx.type_of(p) == "Person"]
        places = [x for x in places if ctx.type_of(x) in ("Place", "State")]
        if people and places:
            self._add(ctx, out, people, "visited", places, trigger, event="visit", keep_place=True,
                      confidence=VISIT_BY_PLACE)

    def _each_pair(self, ctx: SentenceContext, out: ArticleFacts, parties: list[str], t: Word, frame: str) -> None:
        """Everyone of ``parties`` met (or called) everyone else, each pair once."""
        for k in range(len(parties) - 1):
            self._add(ctx, out, parties[k:k + 1], "communicatedWith", parties[k + 1:], t, kind=frame, event=frame)

    def _noun_visit(self, ctx: SentenceContext, t: Word, frame: str, args: NounArguments, out: ArticleFacts) -> None:
        """"la visita di X a Pechino"; "X, in visita a Pechino": the name before the comma."""
        agents, to = args.agents, args.to
        people = [a for a in agents if ctx.type_of(a) == "Person"] or self._visiting_apposition(ctx, t) \
            or [e for e in ctx.nmod(t, {"per"}) if ctx.type_of(e) == "Person"]   # "missione in Libia per la premier"
        if people:  # "la visita a Kiev del premier Draghi, del presidente Macron e del cancelliere Scholz"
            people = unique(people + ctx.of_list(t))
        hosts = [x for x in to if ctx.type_of(x) == "Person"]
        if hosts:   # "la visita di Meloni al presidente algerino Tebboune": visiting someone is meeting them
            self._add(ctx, out, people, "communicatedWith", hosts, t, kind="meeting", event="meeting")
        where = to + ctx.nmod(t, IN_CASES)
        head = ctx.view.head(t)
        if not where and head is not None and t.deprel == "obj" and (head.lemma or "").lower() in LIGHT_VERBS:
            where = ctx.obl(head, IN_CASES | TO_CASES)   # "ha compiuto una visita in Iraq": the verb's phrase
        if not where and any(not ctx.entities(c) and c.upos == "NOUN" and ctx.view.case_of(c) in TO_CASES
                             for c in ctx.view.kids(t, "nmod")):
            return      # the noun's own destination is no place ("l'arrivo di Trump al potere")
        possessors = ctx.possessor_words(t)
        where = where or self._possessor_place(ctx, possessors) or ctx.right_entities(t, IN_CASES, adjacent=True)
        if not where and possessors:
            # "l'arrivo del presidente russo Vladimir Putin in Corea del Nord", the place hung on
            # the verb: the "in" phrase right after the visitor's phrase
            last = max((w for p in possessors for w in ctx.view.subtree(p)), key=lambda w: w.id)
            where = ctx.right_entities(last, IN_CASES, adjacent=True)[:1]
        self._add(ctx, out, people, "visited", [x for x in where if ctx.type_of(x) in ("Place", "State")],
                  t, event="visit", keep_place=True)

    def _possessor_place(self, ctx: SentenceContext, possessors: list[Word]) -> list[str]:
        """"la visita ufficiale del presidente della Repubblica Mattarella in Giappone", "la visita
        di due giorni di Meloni in Etiopia": the parse hangs the place on the visitor's phrase;
        an "in" or "a" phrase inside the visit noun's "di" phrases is where the visit went."""
        v = ctx.view
        found: list[str] = []
        for p in possessors:
            nominals, seen = [p], 0
            while nominals and seen < 6:
                w = nominals.pop(0)
                seen += 1
                kids = v.kids(w, "nmod")
                found += [e for c in kids if v.case_of(c) in IN_CASES | TO_CASES
                          for e in ctx.entities(c) if ctx.type_of(e) in ("Place", "State")]
                nominals += [c for c in kids if v.case_of(c) in OF_CASES] + v.kids(w, "flat:name", "appos")
        return found

    def _visiting_apposition(self, ctx: SentenceContext, t: Word) -> list[str]:
        """"il presidente francese Emmanuel Macron, in visita a Roma": the person named right
        before the comma that opens "in visita", whatever phrase holds the name."""
        words = ctx.sentence.words
        i = ctx.view.position(t)
        if i < 2 or words[i - 1].text.lower() not in italian.IN_FAMILY or words[i - 2].text != ",":
            return []
        return [k for k in ctx.antecedent(words[i - 1]) if ctx.type_of(k) == "Person"]

    def _together(self, ctx: SentenceContext, verb: Word, out: ArticleFacts) -> None:
        """"è arrivata a Sofia per partecipare alla cerimonia insieme al primo ministro bulgaro":
        people who do something together ("insieme a", "insieme con") met; "insieme" may be
        parsed as the phrase's case marker or as its adverb, and the phrase may hang on the
        verb's own phrase ("ha assistito alla cerimonia insieme al presidente")."""
        v = ctx.view
        phrases = v.kids(verb, "obl")
        phrases += [n for c in phrases for n in v.kids(c, "nmod")]  # hung on "alla cerimonia"
        partners = [e for c in phrases
                    if any(k.text.lower() == "insieme" for k in v.kids(c, "case", "advmod", "fixed"))
                    for e in ctx.entities(c) if ctx.type_of(e) == "Person"]
        if not partners:
            return
        people = [a for a in (ctx.agents(verb) or ctx.left_actor(verb)) if ctx.type_of(a) == "Person"]
        self._add(ctx, out, people, "communicatedWith", partners, verb, kind="meeting", event="meeting",
                  confidence=TOGETHER)

    def _welcoming_party(self, ctx: SentenceContext, verb: Word, out: ArticleFacts) -> None:
        """"Ad accoglierlo c'era il ministro degli Esteri X", "ad accogliere Francesco il
        vicepremier Y": a receiving verb's infinitive after "a" whose welcomers stand as the
        clause's subject (with no verb above, as the names after the guest) met the guest: the
        named object, or for a clitic ("accoglierlo") the person named last before it."""
        v = ctx.view
        if (verb.lemma or "").lower() not in RECEIVING_VERBS or "VerbForm=Inf" not in (verb.feats or "") \
                or not any(k.text.lower() in ("a", "ad") for k in v.kids(verb, "mark")):
            return
        objs = v.kids(verb, "obj")
        clitics = [o for o in objs if o.upos == "PRON" and o.text.lower() in CLITIC_OBJECTS]
        named = [o for o in objs if o not in clitics]
        head = v.head(verb)
        if head is not None:
            hosts = [e for w in v.kids(head, "nsubj") for e in ctx.entities(w)]
        else:
            # no verb above: the guest is the clitic or the first object, the welcomers the rest
            hosted = named[:0] if clitics else named[:1]
            hosts = [e for w in v.kids(verb, "nsubj") + [o for o in named if o not in hosted] for e in ctx.entities(w)]
            named = hosted
        hosts = [e for e in hosts if ctx.type_of(e) == "Person"]
        if clitics and not named:
            guests = ctx.recent_person(verb, exclude=hosts)
        else:
            guests = [e for w in named for e in ctx.entities(w) if ctx.type_of(e) == "Person" and e not in hosts]
        self._add(ctx, out, hosts, "communicatedWith", guests, verb, kind="meeting", event="meeting")

    def _replied(self, ctx: SentenceContext, t: Word, agents: list[str], out: ArticleFacts) -> list[str]:
        """Whom a reply with no addressee answers: the last one the article has writing,
        calling or speaking to the one who replies."""
        actors = {ctx.actor(a) for a in agents} | set(agents)
        last = next((f for f in reversed(out.facts) if f.predicate == "communicatedWith" and f.object in actors), None)
        return [last.subject] if last is not None else []

    def _reply_means(self, ctx: SentenceContext, t: Word) -> Optional[str]:
        """"ha risposto con una telefonata / con una lettera": the kind the reply took."""
        v = ctx.view
        for c in v.kids(t, "obl"):
            found = self.lex.trigger(c.lemma, c.upos) if v.case_of(c) in WITH_CASES else None
            if found and found[0] in ("letter", "message", "phone_call", "meeting"):
                return found[0]
        return None

    def _noun_place(self, ctx: SentenceContext, t: Word) -> Optional[str]:
        """The place a meeting noun's own phrase gives ("l'incontro a Palazzo Chigi", "il vertice
        in Alaska"), not the sentence verb's."""
        own = next((k for k in ctx.nmod(t, IN_CASES | TO_CASES) if ctx.type_of(k) == "Place"), None)
        partners = [c for c in ctx.view.kids(t, "nmod") if ctx.view.case_of(c) in WITH_CASES | BETWEEN_CASES]
        return own or ctx.partner_place(partners)


def _companions(ctx: SentenceContext, verb: Word) -> list[str]:
    """People who travel with the subject: "è arrivata a Tripoli con i ministri Tajani e
    Piantedosi", "ha visitato Nairobi insieme alla figlia" (the caller drops those at home there)."""
    v = ctx.view
    phrases = [c for c in v.kids(verb, "obl") if v.case_of(c) in WITH_CASES
               or any(k.text.lower() == "insieme" for k in v.kids(c, "case", "advmod", "fixed"))]
    # "con i ministri Antonio Tajani e Matteo Piantedosi": the names the parse hangs on the role noun
    words = phrases + [n for c in phrases for n in v.kids(c, "nmod") if not v.case_of(n)]
    return [e for w in words for e in ctx.entities(w) if ctx.type_of(e) == "Person"]


def _reciprocal(v, verb: Word) -> bool:
    """"si sono incontrati", "ci siamo sentiti": the verb's clitic makes its subjects each other's partners."""
    return any((k.text or "").lower() in ("si", "ci", "vi") for k in v.kids(verb, "expl", "obj", "iobj"))
