"""Relations and events from the dependency parse and the trigger lexicons.

A trigger (a verb such as "inviare", "firmare", or a noun such as "lettera", "sostegno") is
found by lemma; its arguments come from its dependents: the subject (nsubj, or "da X" in a
passive), the object, and prepositional attachments ("a X", "con X", "in X"), or for nouns
the possessor ("la lettera di Putin a Kim"). Arguments map to entities through the mentions
that cover them; capitals standing as actors map to their state. Role descriptions give
leaderOf/holdsPosition; a demonym inside a place name gives locatedIn. Nothing here knows
any article's wording: only the lexicons in kg/data/lexicon.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field, replace
from typing import Iterable, Optional

from kg.lexicon import Lexicon, relation_words
from kg.linking import Resolution
from kg.mentions import ArticleMentions
from kg.records import Event, Evidence, Fact, Mention, Sentence, Word
from kg import italian, timex
from kg.quantities import MULTIPLIERS
from kg.vocab import predicate_signatures

#: The word lists of kg/data/lexicon/relation_words.tsv (open classes; the closed ones are kg.italian's).
_WORDS = relation_words()

TO_CASES = set(italian.TO_FAMILY | {"ad", "verso"})
IN_CASES = set(italian.IN_FAMILY)
WITH_CASES = set(italian.WITH_FAMILY)
BETWEEN_CASES = set(italian.BETWEEN)
BY_CASES = set(italian.FROM_FAMILY)
OF_CASES = set(italian.OF_FAMILY | {"da"})
LIGHT_VERBS = set(_WORDS["light_verbs"])
REPORT_VERBS = set(_WORDS["report_verbs"])
PLANNED_MODIFIERS = set(_WORDS["planned_modifiers"])
EVENT_CLASS = {"letter": "Letter", "message": "Message", "phone_call": "PhoneCall", "meeting": "Meeting",
               "statement": "Statement", "visit": "Visit", "sign": "Signing", "troops": "TroopDeployment",
               "arms": "ArmsTransfer", "support": "Support", "praise": "Praise", "criticize": "Criticism",
               "alliance": "Alliance"}
SYMMETRIC_KINDS = {"phone_call", "meeting"}
#: Prepositions whose phrase modifies the clause, so a trigger noun inside it ("dopo la
#: firma", "in una lettera") belongs to the clause's actor; "" is no preposition at all.
ADJUNCT_PREPOSITIONS = {"", "dopo", "durante", "in", "nel", "nella", "con", "per", "attraverso", "tramite"}
CLAUSE_BREAKS = {".", ";", ":", "?", "!", "(", ")", "—", "–"}
LEADING_VERBS = set(_WORDS["leading_verbs"])
OPENING_QUOTES = {"“", "«"}
CLOSING_QUOTES = {"”", "»"}
#: Words that open a new clause: a shallow argument never crosses them.
CLAUSE_WORDS = set(italian.CLAUSE_WORDS)
REASON_PREPOSITIONS = {"per", "verso"}
#: Words after a number that make it an age, not a count of dead ("una donna di 88 anni").
AGE_UNITS = set(_WORDS["age_units"])
#: Verbs that address what they carry to someone: "esprimere gratitudine a X" speaks to X.
ADDRESSING_VERBS = set(_WORDS["addressing_verbs"])
COPULAS = set(_WORDS["copulas"])
#: Words a parser may take for a subject that never act: "Washington, dove ha incontrato".
ADVERBIAL_RELATIVES = set(italian.ADVERBIAL_RELATIVES)
RELATIVE_PRONOUNS = set(italian.RELATIVE_PRONOUNS)
POSSESSIVES = {"suo", "sua", "suoi", "sue"}
#: verbs whose object or complement has not happened yet: "ha promesso nuovi aiuti all'Ucraina",
#: "ha invitato Xi a visitare la Corea del Sud", "ha chiesto il sostegno di Pechino"
UNREALISED_VERBS = set(_WORDS["unrealised_verbs"])
#: meeting verbs whose object is a guest: "ha ricevuto al Quirinale il re di Giordania"
RECEIVING_VERBS = set(_WORDS["receiving_verbs"])
CLITIC_OBJECTS = set(italian.CLITIC_OBJECTS)  # "per ringraziarlo": him
REPLY_VERBS = set(_WORDS["reply_verbs"])    # "Meloni ha risposto con una telefonata": to the one who wrote
DENOUNCING_VERBS = set(_WORDS["denouncing_verbs"])    # ", ha denunciato il ministro": a speaker after the verb
#: nouns whose infinitive has not happened: "la decisione di inviare nuovi aiuti all'Ucraina"
UNREALISED_NOUNS = set(_WORDS["unrealised_nouns"])
#: verbs of saying whose complement can carry an evaluation: "ha detto che l'Iran è complice"
SAYING_VERBS = REPORT_VERBS | set(_WORDS["saying_verbs"])
TIME_UNITS = set(_WORDS["time_units"])
PAIR_WORDS = set(_WORDS["pair_words"])    # "i due (leader) hanno firmato"
STATE_NOUNS = set(_WORDS["state_nouns"])    # "i due Paesi": states, not their leaders
ARTICLES = set(italian.ARTICLES | italian.POSSESSIVES)
PREPOSITIONS = TO_CASES | IN_CASES | WITH_CASES | BETWEEN_CASES | OF_CASES | {
    "per", "su", "sul", "sulla", "contro", "verso", "dopo", "durante", "presso", "senza", "tra", "secondo"}


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


class SentenceView:
    """Dependency helpers over one parsed sentence."""

    def __init__(self, sentence: Sentence):
        self.sentence = sentence
        self.words = {w.id: w for w in sentence.words}
        self.children: dict[int, list[Word]] = {}
        for w in sentence.words:
            if w.head is not None:
                self.children.setdefault(w.head, []).append(w)

    def kids(self, word: Word, *rels: str) -> list[Word]:
        out = self.children.get(word.id, [])
        return [c for c in out if not rels or (c.deprel or "").split(":")[0] in rels or c.deprel in rels]

    def head(self, word: Word) -> Optional[Word]:
        return self.words.get(word.head) if word.head else None

    def case_of(self, word: Word) -> str:
        cases = [c.text.lower() for c in self.kids(word, "case")]
        return " ".join(cases)

    def conjuncts(self, word: Word) -> list[Word]:
        return [word] + [c for c in self.kids(word, "conj")]

    def negated(self, word: Word) -> bool:
        for w in [word] + ([self.head(word)] if word.deprel in ("xcomp", "ccomp") and self.head(word) else []):
            if any(c.lemma == "non" or c.text.lower() == "non" for c in self.kids(w, "advmod")):
                return True
        return False


class RelationExtractor:
    def __init__(self, lexicon: Lexicon, resolution: Resolution):
        self.lex = lexicon
        self.res = resolution

    # ------------------------------------------------------------ entry point
    def extract(self, am: ArticleMentions) -> ArticleFacts:
        out = ArticleFacts()
        article = am.annotated.article
        for sentence in am.annotated.sentences:
            if not any(w.deprel for w in sentence.words):
                continue
            view = SentenceView(sentence)
            ctx = _Context(am, sentence, view, self.res, article.date, self.lex)
            for word in sentence.words:
                found = self.lex.trigger(word.lemma, word.upos)
                manner = self._manner_frame(view, word)
                if manner:
                    found = (manner, "VERB")
                if found:
                    self._trigger(ctx, word, found[0], out, verb=found[1] == "VERB")
                if word.upos == "VERB" and (word.lemma or "").lower() in SAYING_VERBS:
                    self._evaluative_report(ctx, word, out)
                if word.upos == "VERB":
                    self._together(ctx, word, out)
                if word.text.lower() in self.lex.casualty_words or (word.lemma or "").lower() in self.lex.casualty_words:
                    self._casualties(ctx, word, out)
                if (word.upos == "NOUN" and (word.lemma or "").lower() in self.lex.objects
                        and self.lex.objects[(word.lemma or "").lower()] in ("troops", "arms")):
                    self._flow_noun(ctx, word, self.lex.objects[(word.lemma or "").lower()], out)
            self._locations(ctx, out)
        self._roles(am, out)
        self._allies_by_treaty(am, out)
        self._troops_to_states(out)
        return _dedupe(out)

    def _troops_to_states(self, out: ArticleFacts) -> None:
        """Troops sent to a place went to the state it lies in, when another than the sender's
        ("schierati nella regione russa di Belgorod": to Russia), as the article or the
        gazetteer locates it."""
        located = {f.subject: f.object for f in out.facts if f.predicate == "locatedIn"}
        for f in list(out.facts):
            if f.predicate != "sentTroopsTo" or self.res.entities.get(f.object) is None \
                    or self.res.entities[f.object].type != "Place":
                continue
            state = located.get(f.object) or self.res.place_states.get(f.object)
            if state and state != f.subject and state in self.res.entities:
                out.facts.append(replace(f, object=state, confidence=round(f.confidence * 0.9, 2)))

    def _together(self, ctx: "_Context", verb: Word, out: ArticleFacts) -> None:
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
                  confidence=0.6)

    def _evaluative_report(self, ctx: "_Context", verb: Word, out: ArticleFacts) -> None:
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
                      confidence=0.7)

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

    def _allies_by_treaty(self, am: ArticleMentions, out: ArticleFacts) -> None:
        """States that sign a mutual-defence treaty together are allied (alliedWith: "a
        mutual-defence obligation"); a leader signs for the state the article says they lead."""
        if not am.annotated.sentences:
            return
        ctx = _Context(am, am.annotated.sentences[0], SentenceView(am.annotated.sentences[0]), self.res,
                       am.annotated.article.date, self.lex)
        parties: dict[str, dict[str, Fact]] = {}
        for f in out.facts:
            if f.predicate != "signed" or f.status not in ("asserted", "reported"):
                continue
            treaty = self.res.entities.get(f.object)
            if treaty is None or not any(self.lex.is_alliance_treaty(n) for n in [treaty.label, *treaty.alt_labels]):
                continue
            state = f.subject if ctx.type_of(f.subject) == "State" else ctx.led_state(f.subject)
            if state:
                parties.setdefault(f.object, {}).setdefault(state, f)
        for treaty, signers in sorted(parties.items()):
            states = sorted(signers)
            for i, a in enumerate(states):
                for b in states[i + 1:]:
                    first = min(signers[a], signers[b], key=lambda f: f.evidence.sentence)
                    status = "reported" if "reported" in (signers[a].status, signers[b].status) else "asserted"
                    out.facts.append(Fact(a, "alliedWith", b, first.evidence, 0.7, status=status,
                                          source=first.source, event=first.event))

    # ------------------------------------------------------------ triggers
    def _trigger(self, ctx: "_Context", t: Word, frame: str, out: ArticleFacts, verb: bool = True) -> None:
        v = ctx.view
        if verb:
            agents = ctx.infinitive_owner(t) or ctx.agents(t)
            if not agents and frame in ("transfer", "supply"):
                agents = ctx.participle_owner(t)
            agents = agents or ctx.left_actor(t)
            objects = ctx.objects(t)
            objs = [e for o in objects for e in ctx.entities(o)] or ctx.clitic_antecedents(t)
            if not objs and not (frame in ("meeting", "phone_call", "appeal", "visit", "praise", "criticize") and objects):
                # no entity as object: read past it, unless the verb has an object that is not
                # a person or place to meet ("ha ricevuto 395 voti") or to visit ("ha visitato la
                # brigata tedesca"), or a thing praised or criticised (its owners are meant); whom
                # one urges comes before what they are urged to do ("ha invitato Xi a visitare la Corea")
                objs = ctx.right_entities(t, None, adjacent=frame == "appeal")
            if (t.deprel or "").startswith("acl") and v.head(t) is not None and "VerbForm=Part" in (t.feats or ""):
                objs = ctx.entities(v.head(t)) + objs  # "il trattato firmato a Pyongyang"
            obj_words = v.kids(t, "obj") + v.kids(t, "nsubj:pass") + ctx.right_words(t)
            if (t.deprel or "").startswith("acl") and v.head(t) is not None:
                obj_words.append(v.head(t))  # "una lettera inviata al leader": the noun it modifies
            to = (ctx.obl(t, TO_CASES) + [e for o in v.kids(t, "iobj") for e in ctx.entities(o)]) \
                or ctx.right_entities(t, TO_CASES)
            with_ = ctx.obl(t, WITH_CASES) or ctx.right_entities(t, WITH_CASES)
            where = ctx.obl(t, IN_CASES | TO_CASES) or ctx.right_entities(t, IN_CASES | TO_CASES)
            opening = v.words.get(min([t.id] + [a.id for a in v.kids(t, "aux")]) - 1)  # before "ha"
            if frame == "criticize" and (t.lemma or "").lower() in DENOUNCING_VERBS and not v.kids(t, "nsubj") \
                    and t.deprel in ("conj", "parataxis") and v.head(t) is not None \
                    and opening is not None and opening.text == ",":
                # "L'Iran ha venduto droni alla Russia, ha denunciato il ministro Sybiha": the
                # speaker comes after the verb, and what he denounces is the clause before
                speakers = [e for o in v.kids(t, "obj") for e in ctx.entities(o) if ctx.type_of(e) == "Person"]
                if speakers:
                    agents, objs = speakers, ctx.agents(v.head(t))
            if frame in ("praise", "criticize", "support") and v.kids(t, "aux:pass"):
                # "X è stato condannato dai tribunali italiani": the "da" phrase acts on the subject
                by = [c for c in v.kids(t, "obl", "obl:agent") if v.case_of(c).startswith("da")]
                agents = [e for c in by for e in (ctx.entities(c) or
                                                  [k for a in v.kids(c, "amod") for k in ctx.demonym_at(a)])]
                objs = [e for c in v.kids(t, "nsubj:pass") for e in ctx.entities(c)] or ctx.left_actor(t)
                to = []
            if frame == "transfer" or frame == "supply":
                # "migliaia di droni": a quantity noun hands over to what it counts
                obj_words = obj_words + [n for o in obj_words if "quantity" in self._word_classes(o)
                                         for n in v.kids(o, "nmod")]
                classes = self._object_classes(ctx, obj_words)
                if classes & {"letter", "message"}:
                    kind = "letter" if "letter" in classes else "message"
                    self._add(ctx, out, agents, "communicatedWith", to, t, kind=kind, event=kind)
                elif "troops" in classes:
                    self._add(ctx, out, agents, "sentTroopsTo", where, t, event="troops",
                              quantity=ctx.quantity(obj_words))
                elif "arms" in classes:
                    self._add(ctx, out, agents, "suppliedArmsTo", to, t, event="arms",
                              quantity=ctx.quantity(obj_words))
            elif frame in ("letter", "message", "statement"):
                if not to and (t.lemma or "").lower() in REPLY_VERBS:
                    to, frame = self._replied(ctx, t, agents, out), self._reply_means(ctx, t) or frame
                self._add(ctx, out, agents, "communicatedWith", to, t, kind=frame, event=frame)
            elif frame == "appeal":
                # "ha invitato la Cina a frenare": the addressee is the object; "ha invitato il
                # presidente a Nuova Delhi": where to is no addressee
                to = [x for x in to if ctx.type_of(x) != "Place"]
                self._add(ctx, out, agents, "communicatedWith", objs + to, t, kind="statement", event="statement")
            elif frame in ("phone_call", "meeting"):
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
                if v.kids(t, "aux:pass"):
                    # "Costa è stato ricevuto a Pechino dal premier Li Qiang": whom the "da"
                    # phrase received, wherever the parse hangs it
                    received = [e for c in v.kids(t, "nsubj:pass") for e in ctx.entities(c)]
                    by = ctx.obl(t, BY_CASES) or ctx.right_entities(t, BY_CASES)
                    if received and by:
                        agents, objs = by, received
                # "ha telefonato al presidente": whom one calls is "a X" too
                callee = ctx.obl(t, TO_CASES) if frame == "phone_call" else []
                self._add(ctx, out, agents, "communicatedWith", objs + with_ + callee, t, kind=frame, event=frame)
                if frame == "meeting":
                    received = objs if (t.lemma or "").lower() in RECEIVING_VERBS else []
                    self._visitors(ctx, t, agents + objs + with_, out, guests=received)
            elif frame == "visit":
                targets = objs if (t.lemma or "") == "visitare" else where
                people = [a for a in agents if ctx.type_of(a) == "Person"]
                self._add(ctx, out, people, "visited", [x for x in targets if ctx.type_of(x) in ("Place", "State")],
                          t, event="visit", keep_place=True)
            elif frame == "sign":
                treaties = [x for x in objs if ctx.type_of(x) == "Treaty"] or ctx.nearest_treaty(t) \
                    or ctx.treaty_referred_by(objects)
                if not ctx.agents(t) and "VerbForm=Part" in (t.feats or ""):
                    agents = ctx.right_entities(t, BY_CASES) or agents
                partners = [x for x in with_ if ctx.type_of(x) in ("Person", "State")]
                # "un patto ... tra il Regno Unito e l'Unione europea": the states it is between
                parties = [x for x in ctx.right_entities(t, BETWEEN_CASES) if ctx.type_of(x) == "State"]
                self._add(ctx, out, agents + partners + parties, "signed", treaties, t, event="sign")
                # "ha firmato con Vladimir Putin un accordo", "Erdogan e Zelensky hanno firmato":
                # two people who sign together met, and whoever came from another state visited
                people = [x for x in agents if ctx.type_of(x) == "Person"]
                others = [x for x in partners if ctx.type_of(x) == "Person"] or people[1:]
                self._add(ctx, out, people[:1] if not partners else people, "communicatedWith", others,
                          t, kind="meeting", event="meeting", confidence=0.7)
                if treaties:
                    self._visitors(ctx, t, _unique(people + others), out)
            elif frame == "support":
                self._add(ctx, out, agents, "supports", ctx.states_among(objs + to), t)
            elif frame == "praise":
                self._add(ctx, out, agents, "praised", objs + to or self._owners_of(ctx, objects, agents, out), t)
            elif frame == "criticize":
                self._add(ctx, out, agents, "criticized", objs or self._owners_of(ctx, objects, agents, out), t)
            elif frame == "deploy":
                self._add(ctx, out, agents, "sentTroopsTo", where, t, event="troops",
                          quantity=ctx.quantity(obj_words))
            elif frame == "alliance":
                self._add(ctx, out, agents, "alliedWith", with_, t)
            elif frame == "react":
                window = ctx.clause_after(t)
                if any(w.text.lower() in self.lex.harsh_manner for w in window):
                    targets = [k for w in window for k in [ctx._role_person_at(w) or ctx._entity_at(w, False)]
                               if k and ctx.type_of(k) != "Place"]
                    self._add(ctx, out, agents, "criticized", targets, t, confidence=0.7)
            elif frame == "characterise":
                self._characterise(ctx, t, agents, out)
            elif frame == "ally":
                # "La Francia, alleata di Erevan": the participle the tagger made of the adjective
                self._noun_trigger(ctx, t, frame, out)
        else:
            self._noun_trigger(ctx, t, frame, out)

    def _replied(self, ctx: "_Context", t: Word, agents: list[str], out: ArticleFacts) -> list[str]:
        """Whom a reply with no addressee answers: the last one the article has writing,
        calling or speaking to the one who replies."""
        actors = {ctx.actor(a) for a in agents} | set(agents)
        last = next((f for f in reversed(out.facts) if f.predicate == "communicatedWith" and f.object in actors), None)
        return [last.subject] if last is not None else []

    def _reply_means(self, ctx: "_Context", t: Word) -> Optional[str]:
        """"ha risposto con una telefonata / con una lettera": the kind the reply took."""
        v = ctx.view
        for c in v.kids(t, "obl"):
            found = self.lex.trigger(c.lemma, c.upos) if v.case_of(c) in WITH_CASES else None
            if found and found[0] in ("letter", "message", "phone_call", "meeting"):
                return found[0]
        return None

    def _visitors(self, ctx: "_Context", t: Word, people: list[str], out: ArticleFacts,
                  guests: Iterable[str] = ()) -> None:
        """"Macron ha incontrato a Berlino il cancelliere tedesco": whoever the article makes
        the official of another state than the one whose capital (or other place the
        gazetteer locates: "a New York") they met in visited it."""
        place = ctx.place_of(t)
        from_dateline = place is None and bool(guests)
        if from_dateline:
            place = ctx.dateline_place()  # "PECHINO – ... è stato accolto dal presidente cinese"
        host = (self.res.metonyms.get(place) or self.res.place_states.get(place)) if place else None
        if host is None and place is not None and not from_dateline:
            # "MADRID – ... ricevuto al Palazzo della Moncloa": a building the gazetteer does not
            # locate is in the dateline's state
            dateline = ctx.dateline_place()
            host = (self.res.metonyms.get(dateline) or self.res.place_states.get(dateline)) if dateline else None
        if from_dateline and not any(ctx.home_state(p) == host for p in people if p not in guests):
            return  # the dateline is only where the host is at home: "ROMA – Xi ha ricevuto ..." is not
        if host is None:
            return
        visitors = [p for p in people if ctx.type_of(p) == "Person" and ctx.home_state(p) not in (None, host)]
        # someone received there ("è stato ricevuto a Pechino dal premier cinese") came, unless
        # the article makes them an official of that state: the president of the European Council too
        visitors += [p for p in guests if ctx.type_of(p) == "Person" and ctx.home_state(p) != host and p not in visitors]
        self._add(ctx, out, visitors, "visited", [place], t, event="visit", keep_place=True, confidence=0.7)

    def _object_classes(self, ctx: "_Context", obj_words: list[Word]) -> set[str]:
        """What a transfer carries (objects.tsv): a noun's lemma ("missili"), or two words as
        written ("difesa aerea", "aiuti militari"). An adjective is not the noun it spells
        like: "aiuti militari" are no soldiers."""
        words = ctx.sentence.words
        before = {w.id: words[i - 1] for i, w in enumerate(words) if i > 0}
        # an adjective right after a noun modifies it ("aiuti militari"); elsewhere it is a noun
        # the tagger got wrong ("all'Ucraina munizioni")
        text = ctx.am.annotated.article.text
        classes = {c for o in obj_words if not (o.upos == "ADJ" and o.id in before and before[o.id].upos == "NOUN")
                   for c in self._word_classes(o, text)}
        chosen = {id(w) for w in obj_words}
        for a, b in zip(words, words[1:]):
            if id(a) in chosen or id(b) in chosen:
                classes.add(self.lex.objects.get(f"{a.text.lower()} {b.text.lower()}"))
        return classes - {None}

    def _owners_of(self, ctx: "_Context", objects: list[Word], agents: list[str],
                   out: ArticleFacts) -> list[str]:
        """Whom praising or criticising a thing is about: its owner ("ha elogiato il coraggio
        di Vučić", "ha criticato la decisione di Teheran"), never the speaker's own state
        ("Kim ... elogiando la solidarietà di Pyongyang"); or whoever did the event it names."""
        own = set(agents) | {s for a in agents for s in (ctx.home_state(a), ctx.actor(a)) if s}
        v = ctx.view
        # "la fermezza del governo di Tbilisi": a body with no name of its own belongs to the next owner
        owner_words = [w for o in objects if o.upos == "NOUN" for w in ctx.possessor_words(o)]
        owner_words += [d for w in owner_words if not ctx.entities(w) for d in ctx.possessor_words(w)]
        owners = [e for w in owner_words for e in ctx.entities(w)
                  if ctx.type_of(ctx.actor(e)) != "Place" and ctx.actor(e) not in own]
        return owners or self._doers_of(ctx, objects, out)

    def _doers_of(self, ctx: "_Context", words: list[Word], out: ArticleFacts) -> list[str]:
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

    def _word_classes(self, w: Word, text: str = "") -> set[str]:
        """What objects.tsv makes of a word, by its lemma, as written (the lemmatizer made
        "lotto" "lottare"), or as its whole token is written in ``text`` (the MWT expander split
        "armi" into "ar" + "mi", as if it were "darmi")."""
        forms = [(w.lemma or "").lower(), w.text.lower()]
        if text:
            forms.append(text[w.start_char:w.end_char].lower())
        return {self.lex.objects.get(form) for form in forms} - {None}

    def _characterise(self, ctx: "_Context", t: Word, agents: list[str], out: ArticleFacts) -> None:
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
        self._add(ctx, out, agents, predicate, targets, t, confidence=0.7)

    def _noun_trigger(self, ctx: "_Context", t: Word, frame: str, out: ArticleFacts) -> None:
        v = ctx.view
        head = v.head(t)
        for mod in v.kids(t, "amod", "nmod"):
            frame = self.lex.frame_modifiers.get((mod.lemma or mod.text).lower(), frame)
        # The light verb carrying the noun ("Kim ha espresso il suo sostegno") gives the agent;
        # a transfer verb with this noun as object is handled by the verb's own frame.
        if head is not None and t.deprel in ("obj", "nsubj:pass") and \
                (self.lex.trigger(head.lemma, head.upos) or ("",))[0] in ("transfer", "supply") and frame in ("letter", "message"):
            return
        agents = ctx.possessors(t)
        if not agents and head is not None and t.deprel in ("obj", "nsubj:pass") \
                and (head.lemma or "") in LIGHT_VERBS:
            agents = ctx.agents(head) or ctx.left_actor(head)
        if not agents and head is not None and t.deprel == "nsubj":
            agents = []
        to = ctx.nmod(t, TO_CASES) or ctx.right_entities(t, TO_CASES, adjacent=True)
        with_ = ctx.nmod(t, WITH_CASES) or ctx.right_entities(t, WITH_CASES, adjacent=True)
        between = ctx.nmod(t, BETWEEN_CASES) or ctx.right_entities(t, BETWEEN_CASES, adjacent=True)
        if not agents:
            agents = ctx.right_entities(t, OF_CASES - {"da"}, adjacent=True)
        if not agents and ctx.has_possessive(t):
            # "Putin ha informato Kim riguardo al suo incontro": "suo" is the clause's subject
            verb = ctx.governing_verb(t)
            agents = [a for a in (ctx.agents(verb) if verb is not None else []) if ctx.type_of(a) == "Person"]
        if not agents and ctx.preposition_before(t) in ADJUNCT_PREPOSITIONS:
            agents = ctx.left_actor(t)
        if not agents and t.upos == "ADJ" and head is not None and head.upos in ("VERB", "AUX"):
            # "Lee si è detto preoccupato per ...": whoever the verb has feeling it
            agents = ctx.agents(head) or ctx.left_actor(head)
        elif not agents and t.upos == "ADJ" and any((c.lemma or "") == "essere" for c in v.kids(t, "cop")):
            agents = ctx.agents(t) or ctx.left_actor(t)  # "Lee è preoccupato per ..."
        if head is not None and t.deprel in ("obj",):
            to = to or ctx.obl(head, TO_CASES)
            with_ = with_ or ctx.obl(head, WITH_CASES)
            between = between or ctx.obl(head, BETWEEN_CASES)
        if frame in ("letter", "message", "statement"):
            self._add(ctx, out, agents, "communicatedWith", to, t, kind=frame, event=frame)
        elif frame in ("phone_call", "meeting"):
            if between and not agents and len(between) >= 2:
                agents, with_ = between[:1], between[1:]
            self._add(ctx, out, agents, "communicatedWith", with_ + to, t, kind=frame, event=frame)
        elif frame == "visit":
            people = [a for a in agents if ctx.type_of(a) == "Person"]
            where = to + ctx.nmod(t, IN_CASES)
            self._add(ctx, out, people, "visited", [x for x in where if ctx.type_of(x) in ("Place", "State")],
                      t, event="visit", keep_place=True)
        elif frame == "support":
            if ctx.preposition_before(t) in REASON_PREPOSITIONS and not ctx.possessors(t):
                # "ha ringraziato la Germania per il sostegno all'Ucraina": the support is the
                # thanked one's, not the thanker's
                thanked = [f.object for f in out.facts if f.predicate == "praised" and f.subject in agents
                           and f.evidence.sentence == ctx.sentence.index]
                agents = _unique(thanked) or agents
            if not to and ctx.possessors(t):
                # "il sostegno di Roma al piano egiziano": backing a thing backs its owner
                words = [c for c in v.kids(t, "nmod") if v.case_of(c) in TO_CASES]
                if head is not None and t.deprel == "obj":
                    words += [c for c in v.kids(head, "obl") if v.case_of(c) in TO_CASES]
                to = [e for w in words if w.upos == "NOUN" for e in ctx.possessors(w) if e not in agents]
            self._add(ctx, out, agents, "supports", ctx.states_among(to), t)
        elif frame in ("praise", "criticize"):
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
        elif frame == "sign":
            # "la firma del trattato tra Mosca e Pyongyang", "la firma di un patto da parte di X",
            # "X e Y hanno rafforzato i legami dopo la firma di un patto": the clause's actors
            treaties = [x for x in ctx.nmod(t, OF_CASES) + ctx.right_entities(t, OF_CASES, adjacent=True)
                        if ctx.type_of(x) == "Treaty"]
            parties = [x for x in between + ctx.right_entities(t, BETWEEN_CASES) if ctx.type_of(x) != "Treaty"]
            signers = [x for x in agents if ctx.type_of(x) != "Treaty"] or parties
            if not signers and ctx.preposition_before(t) in ADJUNCT_PREPOSITIONS:
                signers = ctx.left_actor(t)
            self._add(ctx, out, signers, "signed", _unique(treaties), t, event="sign")
        elif frame == "alliance":
            if len(between) >= 2 and not agents:
                agents, with_ = between[:1], between[1:]
            self._add(ctx, out, agents, "alliedWith", with_ + between, t)
        elif frame == "ally":
            # "X è (un) alleato di Y", "Y, alleato di X", "X e il suo alleato Y"
            subjects = [e for s in v.kids(t, "nsubj") for e in ctx.entities(s)]
            if not subjects and t.deprel in ("appos", "conj") and head is not None:
                subjects = ctx.entities(head)
            if not subjects and head is not None and t.deprel in ("acl", "amod"):
                subjects = ctx.entities(head)
            if not subjects and t.deprel == "xcomp" and head is not None and (head.deprel or "").startswith("acl"):
                # "La Bielorussia, stretto alleato della Russia": the tagger made both verbs
                subjects = ctx.entities(v.head(head)) if v.head(head) is not None else []
            partners = ctx.nmod(t, OF_CASES | WITH_CASES) or ctx.obl(t, OF_CASES | WITH_CASES)
            if not partners and head is not None and t.deprel == "amod":
                # "La Bielorussia, stretto alleato della Russia": the parse hung the "di" phrase
                # on the name the adjective describes
                partners = [e for c in v.kids(head, "nmod") if c.id > t.id and v.case_of(c) in OF_CASES
                            for e in ctx.entities(c)]
            before = [w for w in ctx.sentence.words if w.end_char <= t.start_char]
            if not subjects and before and before[-1].text == "," and len(before) >= 2:
                # "La Francia, alleata di Erevan, ha espresso ...", whatever the parse made of
                # the comma's phrase (it made "alleata" the root): the name before the comma
                subjects = [k for k in [ctx._entity_at(before[-2], False)] if k]
            if not subjects and ctx.after_copula(t):
                # "Mosca fu uno dei principali alleati militari di Pyongyang"
                subjects = ctx.left_actor(t)
                partners = partners or ctx.right_entities(t, OF_CASES - {"da"})
            self._add(ctx, out, subjects, "alliedWith", partners, t)

    def _casualties(self, ctx: "_Context", t: Word, out: ArticleFacts) -> None:
        """"circa 600 soldati nordcoreani sono morti", "sono stati uccisi 12 civili", "30
        vittime": a kg:Casualties event with how many, whose side, where and when. Only with a
        number or an amount noun ("migliaia"): "il governo è caduto" counts no one."""
        v = ctx.view
        if t.upos in ("NOUN", "PROPN"):
            who = [t]
        else:
            who = v.kids(t, "nsubj", "nsubj:pass", "obj")
            if not who and t.deprel == "xcomp" and v.head(t) is not None:
                who = v.kids(v.head(t), "nsubj", "nsubj:pass")  # "migliaia sono rimasti feriti"
        quantity = ctx.quantity(who)
        if quantity and not (_is_count(quantity.split()[0]) or quantity.split()[0].isalpha()):
            quantity = None  # "12enne"
        if not quantity:
            # the parse often loses the count: the nearest number or amount noun before the
            # word in its clause ("600 militari ... siano stati uccisi e migliaia feriti")
            words = ctx.sentence.words
            i = next((k for k, w in enumerate(words) if w.id == t.id), 0) - 1
            while i >= 0 and words[i].text not in CLAUSE_BREAKS and words[i].text.lower() not in self.lex.casualty_words:
                w = words[i]
                if w.upos == "NUM" and _is_count(w.text) and v.head(w) is not None \
                        and (v.head(w).lemma or "").lower() not in AGE_UNITS \
                        and not (i + 1 < len(words) and words[i + 1].text.lower() in AGE_UNITS):
                    who, quantity = [v.head(w)], ctx.quantity([v.head(w)]) or w.text  # type: ignore[list-item]
                    break
                if self.lex.objects.get((w.lemma or "").lower()) == "quantity":
                    who, quantity = [w], w.text
                    break
                i -= 1
        if not quantity:
            return
        words = ctx.sentence.words
        after = [words[k + 1] for k, w in enumerate(words[:-1]) if any(w.id == x.id for x in who)]
        sides = _unique(k for w in who for d in v.kids(w, "amod", "nmod") + after
                        for k in ctx.entities(d) + ctx.demonym_at(d) if ctx.type_of(k) == "State")
        status, source = ctx.factuality(t)
        out.events.append(Event("Casualties", {"participant": sides} if sides else {}, _evidence(ctx.am, ctx.sentence),
                                ctx.date_near(t, ahead=status == "planned"), ctx.place_of(t), quantity, t.text,
                                status, source))

    def _flow_noun(self, ctx: "_Context", noun: Word, cls: str, out: ArticleFacts) -> None:
        """Troops or arms named with their origin ("soldati nordcoreani in Russia")."""
        v = ctx.view
        agents = [e for d in v.kids(noun, "amod", "nmod") for e in ctx.entities(d)
                  if ctx.type_of(e) == "State" and (d.deprel == "amod" or v.case_of(d) in OF_CASES)]
        if not agents:
            return
        head = v.head(noun)
        places = ctx.nmod(noun, IN_CASES | TO_CASES)
        # "la brigata tedesca di stanza in Lituania": stationed there
        places += [p for d in v.kids(noun, "nmod") if (d.lemma or "").lower() == "stanza"
                   for p in ctx.nmod(d, IN_CASES)]
        if head is not None and head.upos == "VERB":
            places += ctx.obl(head, IN_CASES | TO_CASES)
            for h2 in [v.head(head)] if head.deprel in ("acl", "xcomp", "conj") and v.head(head) else []:
                places += ctx.obl(h2, IN_CASES | TO_CASES)  # type: ignore[arg-type]
        if cls == "troops":
            self._add(ctx, out, agents, "sentTroopsTo",
                      [p for p in places if ctx.type_of(p) in ("Place", "State")], noun, event="troops",
                      quantity=ctx.quantity([noun]), confidence=0.7)
        else:
            recipients = [p for p in places if ctx.type_of(p) == "State"]
            self._add(ctx, out, agents, "suppliedArmsTo", recipients, noun, event="arms",
                      quantity=ctx.quantity([noun]), confidence=0.7)

    def _locations(self, ctx: "_Context", out: ArticleFacts) -> None:
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
            self._add(ctx, out, places, "locatedIn", states, w, confidence=0.75)

    def _roles(self, am: ArticleMentions, out: ArticleFacts) -> None:
        aid = am.annotated.article.id
        for r_index, role in enumerate(am.roles):
            person = self.res.role_persons.get((aid, r_index))
            holder = self.res.holder_of(aid, r_index, role)
            if not person or not holder or holder not in self.res.entities:
                continue  # a state the gazetteer names but no article mentions is not in the graph
            predicate = role.predicate if self.res.entities[holder].type == "State" else "holdsPosition"
            sentence = am.annotated.sentences[role.sentence]
            out.facts.append(Fact(person, predicate, holder, _evidence(am, sentence),
                                  0.9 if role.person is not None else 0.75,
                                  role=role.phrase if predicate == "holdsPosition" else None))

    # ------------------------------------------------------------ output
    def _add(self, ctx: "_Context", out: ArticleFacts, subjects: Iterable[str], predicate: str,
             objects: Iterable[str], trigger: Word, kind: Optional[str] = None,
             event: Optional[str] = None, quantity: Optional[str] = None, keep_place: bool = False,
             confidence: float = 0.8) -> None:
        domain, range_ = predicate_signatures()[predicate]
        subjects = _unique(ctx.actor(s) for s in subjects)
        # "Kim ha inviato truppe": a head of state acting where only a state can -> the state
        subjects = _unique(s if ctx.type_of(s) in domain else
                           (ctx.led_state(s) if ctx.type_of(s) == "Person" and "State" in domain else None)
                           for s in subjects)
        objects = _unique(o if keep_place or predicate in ("sentTroopsTo", "locatedIn") else ctx.actor(o)
                          for o in objects)
        objects = [o for o in objects if ctx.type_of(o) in range_]
        pairs = [(s, o) for s in subjects for o in objects if s != o]
        if not pairs:
            return
        status, source = ctx.factuality(trigger)
        date = ctx.date_near(trigger, ahead=status == "planned")
        evidence = _evidence(ctx.am, ctx.sentence)
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
            out.facts.append(Fact(s, predicate, o, evidence, round(confidence * (0.9 if status == "reported" else 1), 2),
                                  kind=kind, date=date, status=status, source=source, event=event_index))


@dataclass
class _Context:
    am: ArticleMentions
    sentence: Sentence
    view: SentenceView
    res: Resolution
    article_date: Optional[str]
    lexicon: Optional[Lexicon] = None

    def entities(self, word: Word, demonyms: bool = True) -> list[str]:
        """Entities a word refers to: the mention or role description covering it, and its
        coordinated words ("Mosca e Pyongyang")."""
        keys: list[str] = []
        words = self.view.conjuncts(word)
        own = self._entity_at(word, demonyms)
        if own:
            # "il presidente turco Recep Tayyip Erdogan e il presidente ucraino ...": the parse
            # hangs the second on the first one's name, which is the same entity as the role
            for c in self.view.kids(word, "nmod", "appos"):
                if self._entity_at(c, demonyms) == own:
                    words = words + [x for x in self.view.conjuncts(c) if x is not c and x not in words]
        for w in words:
            key = self._entity_at(w, demonyms)
            if not key:
                # "il presidente Emmanuel Macron": the name in apposition to the head noun
                key = next((k for a in self.view.kids(w, "appos") if (k := self._entity_at(a, demonyms))), None)
            if key:
                keys.append(key)
        return keys

    def _entity_at(self, w: Word, demonyms: bool) -> Optional[str]:
        aid = self.am.annotated.article.id
        for r_index, role in enumerate(self.am.roles):
            if role.sentence == self.sentence.index and role.start_char <= w.start_char < role.end_char:
                person = self.res.role_persons.get((aid, r_index))
                if person and w.start_char < (self.am.mentions[role.holder].start_char if role.holder is not None else role.end_char):
                    return person
        index = self.am.at(self.sentence.index, w.start_char, w.end_char)
        if index is None:
            return None
        if not demonyms and self.am.mentions[index].kind == "demonym":
            return None
        return self.res.key_of(aid, index)

    def led_state(self, person: str) -> Optional[str]:
        """The state the article says this person leads ("il presidente russo Putin")."""
        return self._state_of(person, leaders_only=True)

    def home_state(self, person: str) -> Optional[str]:
        """The state the article makes this person an official of ("il presidente francese",
        "il segretario di Stato americano")."""
        return self._state_of(person, leaders_only=False)

    def _state_of(self, person: str, leaders_only: bool) -> Optional[str]:
        aid = self.am.annotated.article.id
        for r_index, role in enumerate(self.am.roles):
            if (role.predicate == "leaderOf" or not leaders_only) and self.res.role_persons.get((aid, r_index)) == person:
                holder = self.res.holder_of(aid, r_index, role)
                if holder and self.type_of(holder) == "State":
                    return holder
        return None

    def has_possessive(self, noun: Word) -> bool:
        """"il suo (imminente) incontro": a possessive in the noun's phrase, before it."""
        words = self.sentence.words
        position = next((i for i, w in enumerate(words) if w.id == noun.id), 0)
        for w in reversed(words[max(0, position - 3):position]):
            if w.upos == "ADP" or w.text in CLAUSE_BREAKS:
                return False
            if w.text.lower() in POSSESSIVES:
                return True
        return False

    def governing_verb(self, word: Word) -> Optional[Word]:
        """The nearest verb above ``word`` in the parse."""
        node = self.view.head(word)
        for _ in range(4):
            if node is None or node.upos == "VERB":
                return node
            node = self.view.head(node)
        return None

    def objects(self, verb: Word) -> list[Word]:
        """The verb's objects, less a time word the parser took for one ("ha incontrato
        martedì il cancelliere")."""
        return [o for o in self.view.kids(verb, "obj") if o.text.lower() not in timex.TIME_WORDS]

    def demonym_at(self, w: Word) -> list[str]:
        """The state of a demonym nested in a place's name ("regione russa di Kursk")."""
        aid = self.am.annotated.article.id
        return [k for i, m in enumerate(self.am.mentions)
                if m.sentence == self.sentence.index and m.kind == "demonym"
                and m.start_char == w.start_char and (k := self.res.key_of(aid, i))]

    def type_of(self, key: str) -> Optional[str]:
        entity = self.res.entities.get(key)
        return entity.type if entity else None

    def actor(self, key: str) -> str:
        """A capital standing as a party ("la lettera da Mosca a Pyongyang") is its state."""
        return self.res.metonyms.get(key, key)

    def states_among(self, keys: list[str]) -> list[str]:
        """The states among ``keys``: a capital stands for its own ("il sostegno a Kiev"), a
        leader for the state the article says they lead ("il sostegno al presidente azero")."""
        out = []
        for k in keys:
            k = self.actor(k)
            if self.type_of(k) == "Person":
                k = self.led_state(k) or k
            if self.type_of(k) == "State":
                out.append(k)
        return out

    def agents(self, verb: Word) -> list[str]:
        v = self.view
        participle = "VerbForm=Part" in (verb.feats or "") and (verb.deprel or "").startswith("acl")
        passive = v.kids(verb, "obl:agent") or [c for c in v.kids(verb, "obl") if v.case_of(c) in BY_CASES
                                                  and (v.kids(verb, "aux:pass") or participle)]
        subjects = [c for c in v.kids(verb, "nsubj")
                    if v.case_of(c) != "secondo" and self.preposition_before(c) != "secondo"
                    and (c.lemma or c.text).lower() not in ADVERBIAL_RELATIVES] + passive
        subjects = subjects or self._inverted_subject(verb)
        # "Poche ore dopo Erdogan ha sentito": a span of time is no subject; a name hung on it is
        subjects = [x for s in subjects for x in
                    ([c for c in v.kids(s, "nmod") if self.entities(c)] if (s.lemma or "").lower() in TIME_UNITS else [s])]
        node, hops = verb, 0
        while not subjects and hops < 3 and node.deprel in ("conj", "xcomp", "advcl", "ccomp", "acl", "acl:relcl") \
                and v.head(node) is not None:
            parent = v.head(node)
            if node.deprel == "acl:relcl":
                if any((k.text or "").lower() in ("dove", "quando") for k in v.kids(node)):
                    # "durante una visita a Tallinn, dove ha incontrato": a place or a time is no
                    # doer; whoever the clause it hangs on has acting is
                    above = self.governing_verb(parent)
                    return self.agents(above) if above is not None and above is not verb else []
                subjects = [parent]  # "la Corea, che ha inviato ..." : the antecedent
                break
            if "VerbForm=Inf" in (node.feats or "") and node.deprel in ("xcomp", "advcl", "ccomp"):
                # "ha accusato gli Stati Uniti di sostenere Israele", "ha ringraziato Kim per aver
                # inviato": an object named before the infinitive is who does it
                controllers = [o for o in v.kids(parent, "obj") if self.entities(o)]
                if controllers:
                    subjects = controllers
                    break
            if self._cleft_focus(node, parent):
                # "A firmare il documento sono stati Takaichi e Marcos": who is named after
                # the copula does what the infinitive says
                subjects = [parent]
                break
            node = parent  # type: ignore[assignment]
            # conjoined verbs share the subject, passive or not ("è arrivato ..., e ha incontrato")
            subjects = v.kids(node, "nsubj", "nsubj:pass") or self._inverted_subject(node)
            hops += 1
        found = [e for s in subjects for e in self.entities(s) if self.type_of(e) in ("Person", "State", "Organization")]
        if not found:
            # "Emmanuel Macron, che aveva definito ...": a relative pronoun stands for the name before it
            found = [e for s in subjects if s.upos == "PRON" and (s.lemma or "").lower() in RELATIVE_PRONOUNS
                     for e in self.antecedent(s) if self.type_of(e) in ("Person", "State", "Organization")]
        if not found and self.lexicon:
            # "il portavoce del governo Yoshimasa Hayashi ha accusato": the name that closes the
            # spokesperson's phrase, wherever the parse hung it
            for s in subjects:
                if (s.lemma or "").lower() not in self.lexicon.spokesperson_nouns:
                    continue
                phrase, frontier = [], v.kids(s, "nmod", "appos", "flat")
                while frontier:
                    phrase += frontier
                    frontier = [k for w in frontier for k in v.kids(w, "nmod", "appos", "flat")]
                names = [e for w in sorted(phrase, key=lambda w: w.id)
                         for e in [self._entity_at(w, False)] if e and self.type_of(e) == "Person"]
                if names:
                    found = names[:1]
                    break
        if not found:
            # "fonti della Nato hanno definito", "il portavoce del ministero ha detto": the body speaks
            # ("i ministri degli Esteri del G7": the body may hang on the office's name)
            bodies = [c for s in subjects if self.lexicon and (s.lemma or "").lower() in self.lexicon.spokesperson_nouns
                      for c in v.kids(s, "nmod") if v.case_of(c) in OF_CASES]
            bodies += [d for c in bodies if not self.entities(c) for d in v.kids(c, "nmod") if v.case_of(d) in OF_CASES]
            found = [e for c in bodies for e in self.entities(c) if self.type_of(e) in ("State", "Organization")]
        if not found:
            # "il ministro del Commercio cinese ha criticato": an office the article names nobody
            # in speaks for the state or body it belongs to
            found = [h for s in subjects for h in [self._role_holder_at(s)] if h]
        if not found and self.lexicon:
            # "il governo britannico ha inviato": a state's body with its demonym is the state
            found = [e for s in subjects if (s.lemma or "").lower() in self.lexicon.state_bodies
                     for a in v.kids(s, "amod") for e in self.demonym_at(a)]
        if not found and any(self._names_a_pair(s) for s in subjects):
            found = self.recent_people(verb, 2)
            if self.lexicon and any((s.lemma or "").lower() in self.lexicon.state_bodies | STATE_NOUNS for s in subjects):
                # "I due governi hanno firmato": the states of the two people named before
                states = _unique(h for p in found for h in [self.home_state(p)] if h)
                found = states if len(states) == 2 else []
        if not found:
            # "la delegazione guidata da Volodin [è arrivata]": the group's leader
            for s in subjects:
                leaders = [c for acl in v.kids(s, "acl") for c in v.kids(acl, "obl", "obl:agent")]
                leaders += v.kids(s, "nmod")
                found += [e for c in leaders if v.case_of(c).startswith("da")
                          for e in self.entities(c) if self.type_of(e) in ("Person", "State", "Organization")]
        return found

    def clitic_antecedents(self, verb: Word) -> list[str]:
        """"ha telefonato a Nawrocki per ringraziarlo": the clitic object of an infinitive or
        gerund that completes a verb is whom that verb acted on or spoke to."""
        v = self.view
        head = v.head(verb)
        if head is None or verb.deprel not in ("advcl", "xcomp") or not any(
                f in (verb.feats or "") for f in ("VerbForm=Inf", "VerbForm=Ger")):
            return []
        clitic = any(o.upos == "PRON" and o.text.lower() in CLITIC_OBJECTS for o in v.kids(verb, "obj"))
        # "ha telefonato a Ruto per congratularsi": a reflexive verb with nobody named is
        # about the one called too
        reflexive = not v.kids(verb, "obj", "obl") and any(
            (k.text or "").lower() == "si" for k in v.kids(verb, "expl", "obj"))
        if not (clitic or reflexive):
            return []
        targets = [e for o in v.kids(head, "obj") for e in self.entities(o)] or self.obl(head, TO_CASES)
        return [e for e in targets if self.type_of(e) in ("Person", "State", "Organization")]

    def _cleft_focus(self, verb: Word, head: Word) -> bool:
        """An infinitive opened by "a" on a nominal predicate of "essere": the cleft "A
        guidare la delegazione è stato il ministro", whose focus is the infinitive's doer."""
        v = self.view
        return ("VerbForm=Inf" in (verb.feats or "") and verb.deprel in ("advcl", "csubj", "ccomp")
                and any(m.text.lower() == "a" for m in v.kids(verb, "mark", "case"))
                and head.upos in ("NOUN", "PROPN") and head.id > verb.id
                and any((c.lemma or "").lower() == "essere" for c in v.kids(head, "cop")))

    def _inverted_subject(self, verb: Word) -> list[Word]:
        """"Lo ha annunciato il segretario alla Difesa John Healey": with a clitic as its object,
        a person named after the verb is its subject, whatever the parse calls them."""
        v = self.view
        objects = v.kids(verb, "obj")
        if not any(o.upos == "PRON" and o.id < verb.id for o in objects):
            return []
        return [o for o in objects if o.id > verb.id
                and any(self.type_of(e) == "Person" for e in self.entities(o))][:1]

    def antecedent(self, pronoun: Word) -> list[str]:
        """The entity named just before a relative pronoun, a comma between at most."""
        words = self.sentence.words
        i = next((k for k, w in enumerate(words) if w.id == pronoun.id), 0) - 1
        while i >= 0 and (words[i].upos == "PUNCT" or (words[i].upos in ("ADP", "DET") and words[i].head == pronoun.id)):
            i -= 1  # ", al quale": the comma, and the pronoun's own preposition and article
        if i < 0:
            return []
        key = self._role_person_at(words[i]) or self._entity_at(words[i], False)
        return [key] if key else []

    def clause_after(self, trigger: Word) -> list[Word]:
        """The words after a trigger up to the end of its clause; quoted text counts whole."""
        text = self.am.annotated.article.text
        words = self.sentence.words
        position = next((i for i, w in enumerate(words) if w.id == trigger.id), 0)
        out: list[Word] = []
        quoted = False
        for j in range(position + 1, len(words)):
            w = words[j]
            surface = text[w.start_char:w.end_char]
            if surface[:1] in OPENING_QUOTES or (surface == '"' and not quoted):
                quoted = not (surface[-1:] in CLOSING_QUOTES and len(surface) > 1)
                out.append(w)
                continue
            if surface[-1:] in CLOSING_QUOTES or (surface == '"' and quoted):
                quoted = False
                out.append(w)
                continue
            if not quoted:
                if w.text in CLAUSE_BREAKS or w.text == "," or w.upos == "AUX" \
                        or (w.text.lower() in CLAUSE_WORDS and w.upos != "PRON"):
                    break
                if w.upos == "CCONJ" and j + 1 < len(words) and words[j + 1].upos in ("AUX", "VERB"):
                    break
            out.append(w)
        return out

    def previous_lemma(self, w: Word) -> str:
        """The lemma of the word before ``w``, articles and possessives skipped."""
        words = self.sentence.words
        i = next((k for k, x in enumerate(words) if x.id == w.id), 0) - 1
        while i >= 0 and (words[i].upos == "DET" or words[i].text.lower() in ARTICLES):
            i -= 1
        return (words[i].lemma or "").lower() if i >= 0 else ""

    def next_word_is(self, w: Word, forms: set[str]) -> bool:
        words = self.sentence.words
        i = next((k for k, x in enumerate(words) if x.id == w.id), len(words))
        return i + 1 < len(words) and words[i + 1].text.lower() in forms

    def after_copula(self, trigger: Word) -> bool:
        """A copula ("è", "fu", "rimane", "rappresenta") before the trigger in its clause."""
        words = self.sentence.words
        i = next((k for k, x in enumerate(words) if x.id == trigger.id), 0) - 1
        while i >= 0 and words[i].text not in CLAUSE_BREAKS and words[i].text != ",":
            if (words[i].lemma or "").lower() in COPULAS:
                return True
            i -= 1
        return False

    def names_within(self, w: Word) -> list[str]:
        """Every name inside one word: "Mosca-Pyongyang" is Russia and North Korea."""
        aid = self.am.annotated.article.id
        return [k for index, m in enumerate(self.am.mentions)
                if m.sentence == self.sentence.index and w.start_char <= m.start_char and m.end_char <= w.end_char
                and (k := self.res.key_of(aid, index))]

    def _names_a_pair(self, subject: Word) -> bool:
        """"i due", "i due leader", "entrambi i presidenti": a subject that counts two people."""
        return subject.text.lower() in PAIR_WORDS or any(
            k.text.lower() in PAIR_WORDS for k in self.view.kids(subject, "nummod", "det", "det:predet", "amod"))

    def recent_people(self, before: Word, count: int) -> list[str]:
        """The last ``count`` different people named before ``before`` in this sentence or the
        one before it ("X ha incontrato Y. I due hanno firmato ..."); [] if fewer are."""
        people: list[str] = []
        for index, m in enumerate(self.am.mentions):
            if m.start_char >= before.start_char:
                break
            if m.sentence < self.sentence.index - 1:
                continue
            key = self._person_key(index)
            if key and key in people:
                people.remove(key)
            if key:
                people.append(key)
        return people[-count:] if len(people) >= count else []

    def _person_key(self, index: int) -> Optional[str]:
        key = self.res.key_of(self.am.annotated.article.id, index)
        return key if key and self.type_of(key) == "Person" else None

    def recent_person(self, before: Word, exclude: Iterable[str] = ()) -> list[str]:
        """The person named last before ``before`` in the article ("le sue parole" -> Macron)."""
        exclude = set(exclude)
        best = None
        for index, m in enumerate(self.am.mentions):
            if m.start_char >= before.start_char:
                break
            key = self.res.key_of(self.am.annotated.article.id, index)
            if key and self.type_of(key) == "Person" and key not in exclude:
                best = key
        return [best] if best else []

    # -- shallow fallbacks, used only where the parse gives a trigger no argument
    def _mention_start_word(self, w: Word) -> int:
        """Index in the sentence's words of the first word of the mention covering ``w``."""
        words = self.sentence.words
        index = self.am.at(self.sentence.index, w.start_char, w.end_char)
        start = self.am.mentions[index].start_char if index is not None else w.start_char
        for i, x in enumerate(words):
            if x.end_char > start:
                return i
        return 0

    def preposition_before(self, w: Word) -> str:
        """The preposition introducing the phrase of ``w`` ("a", "di", "con"), or ""."""
        words = self.sentence.words
        start = self._mention_start_word(w)
        name = words[start].upos == "PROPN"  # the name's first word: "Kim" of "Kim Jong Un"
        i = start - 1
        skipped_nouns = 0
        article_seen = False
        while i >= 0:
            if words[i].upos == "DET" or words[i].text.lower() in ARTICLES:
                i -= 1
                article_seen = True
            elif skipped_nouns < 2 and words[i].text.islower() and words[i].upos in ("NOUN", "ADJ") and name \
                    and not article_seen and (words[i].lemma or "").lower() not in TIME_UNITS:
                # "nel frattempo la Russia": a noun before the article is no title; "nelle ultime
                # settimane Varsavia": nor is a span of time
                i -= 1  # a title before a name: "al leader Kim", "al presidente russo Putin"
                skipped_nouns += 1
            else:
                break
        if i >= 0 and (words[i].upos == "ADP" or words[i].text.lower() in PREPOSITIONS):
            return words[i].text.lower()
        return ""

    def left_actor(self, trigger: Word) -> list[str]:
        """The nearest person, state or organisation before the trigger in its clause that
        no preposition introduces: "il leader Kim Jong-un [ha inviato]"."""
        words = self.sentence.words
        position = next((i for i, w in enumerate(words) if w.id == trigger.id), 0)
        quoted = False
        for j in range(position - 1, -1, -1):
            w = words[j]
            surface = self.am.annotated.article.text[w.start_char:w.end_char]  # typographic quotes kept
            if surface[-1:] in CLOSING_QUOTES and not quoted:
                quoted = True  # quoted speech has its own actors: skip it
                if surface[:1] in OPENING_QUOTES and len(surface) > 1:
                    quoted = False  # a quoted single word: “eroici”
                continue
            if surface[:1] in OPENING_QUOTES:
                quoted = False
                continue
            if quoted:
                continue
            if w.text in CLAUSE_BREAKS or (w.text.lower() in CLAUSE_WORDS and j < position - 1):
                if w.upos == "PRON" and (w.lemma or "").lower() in RELATIVE_PRONOUNS:
                    # "Macron, che aveva definito ... e aveva invitato la Cina": the antecedent
                    return [k for k in self.antecedent(w) if self.type_of(k) in ("Person", "State", "Organization")]
                break
            if self._in_unresolved_role(w):
                break  # "il presidente della Duma [ha ringraziato]": an actor we cannot name
            key = self._role_person_at(w) or self._entity_at(w, True)
            if key and self._is_modifier_demonym(j):
                continue  # "la regione russa", "le truppe russe": an adjective, not an actor
            if key and self.type_of(key) in ("Person", "State", "Organization") \
                    and (not self.preposition_before(w) or self._leads_the_subject(w)):
                return self._with_conjoined(j, key)
        return []

    def _leads_the_subject(self, w: Word) -> bool:
        """"[la delegazione] guidata da Volodin": the leader acts for the group."""
        words = self.sentence.words
        i = self._mention_start_word(w) - 1
        return i >= 1 and words[i].text.lower() == "da" and (words[i - 1].lemma or "").lower() in LEADING_VERBS

    def _is_modifier_demonym(self, j: int) -> bool:
        words = self.sentence.words
        w = words[j]
        index = self.am.at(self.sentence.index, w.start_char, w.end_char)
        if index is None or self.am.mentions[index].kind != "demonym" or j == 0:
            return False
        before = words[j - 1]
        return before.text.islower() and before.upos in ("NOUN", "ADJ", "PROPN", "VERB")

    def _with_conjoined(self, j: int, key: str) -> list[str]:
        """"Russia e Corea del Nord [hanno firmato]": the actors coordinated before ``key``."""
        words = self.sentence.words
        keys = [key]
        i = self._mention_start_word(words[j]) - 1
        while i >= 1 and words[i].text.lower() in ("e", "ed"):
            other = self._role_person_at(words[i - 1]) or self._entity_at(words[i - 1], True)
            if not other or self.type_of(other) not in ("Person", "State", "Organization"):
                break
            keys.insert(0, other)
            i = self._mention_start_word(words[i - 1]) - 1
        return _unique(keys)

    def _in_unresolved_role(self, w: Word) -> bool:
        aid = self.am.annotated.article.id
        return any(role.sentence == self.sentence.index and role.start_char <= w.start_char < role.end_char
                   and (aid, r_index) not in self.res.role_persons
                   for r_index, role in enumerate(self.am.roles))

    def _role_start(self, w: Word) -> Optional[int]:
        """Index of the first word of the resolved role description ``w`` is in, if any."""
        aid = self.am.annotated.article.id
        for r_index, role in enumerate(self.am.roles):
            if role.sentence == self.sentence.index and role.start_char <= w.start_char < role.end_char \
                    and (aid, r_index) in self.res.role_persons:
                return next(i for i, x in enumerate(self.sentence.words) if x.end_char > role.start_char)
        return None

    def _role_holder_at(self, w: Word) -> Optional[str]:
        """The state or organisation of an unnamed office a word opens ("il ministro del
        Commercio cinese"), when the role has no person."""
        aid = self.am.annotated.article.id
        for r_index, role in enumerate(self.am.roles):
            if role.sentence == self.sentence.index and role.start_char == w.start_char \
                    and not self.res.role_persons.get((aid, r_index)):
                holder = self.res.holder_of(aid, r_index, role)
                return holder if holder and self.type_of(holder) in ("State", "Organization") else None
        return None

    def _role_person_at(self, w: Word) -> Optional[str]:
        """The person a role description stands for, for any word inside it ("il leader
        nordcoreano" is Kim Jong-un, its demonym included)."""
        aid = self.am.annotated.article.id
        for r_index, role in enumerate(self.am.roles):
            if role.sentence == self.sentence.index and role.start_char <= w.start_char < role.end_char:
                return self.res.role_persons.get((aid, r_index))
        return None

    def _treaty_mentions(self, sentences: range) -> list[tuple[Mention, str]]:
        """(mention, key) of the treaties the given sentences name."""
        aid = self.am.annotated.article.id
        return [(m, k) for i, m in enumerate(self.am.mentions)
                if m.sentence in sentences and m.type == "Treaty"
                and (k := self.res.key_of(aid, i)) and self.type_of(k) == "Treaty"]

    def nearest_treaty(self, trigger: Word) -> list[str]:
        """The treaty named nearest to a signing verb in its sentence."""
        found = [(abs(m.start_char - trigger.start_char), k)
                 for m, k in self._treaty_mentions(range(self.sentence.index, self.sentence.index + 1))]
        return [min(found)[1]] if found else []

    def treaty_referred_by(self, objects: list[Word], sentences_back: int = 2) -> list[str]:
        """"A firmare il documento sono stati ...": a definite treaty noun with no treaty named
        in its sentence is the last treaty one of the sentences just before named."""
        if not self.lexicon or not any(
                (o.lemma or "").lower() in self.lexicon.treaty_anaphors
                and any((d.lemma or "").lower() == "il" for d in self.view.kids(o, "det")) for o in objects):
            return []
        earlier = [(m.sentence, m.start_char, k)
                   for m, k in self._treaty_mentions(range(self.sentence.index - sentences_back, self.sentence.index))]
        return [max(earlier)[2]] if earlier else []

    def right_words(self, trigger: Word) -> list[Word]:
        words = self.sentence.words
        position = next((i for i, w in enumerate(words) if w.id == trigger.id), 0)
        out = []
        for w in words[position + 1:position + 8]:
            if w.text in CLAUSE_BREAKS or w.text == ",":
                break
            out.append(w)
        return out

    def right_entities(self, trigger: Word, cases: Optional[set[str]], adjacent: bool = False) -> list[str]:
        """Entities after the trigger in its clause, introduced by one of ``cases`` (None: by
        no preposition, a direct object). ``adjacent``: only within the trigger's phrase."""
        words = self.sentence.words
        position = next((i for i, w in enumerate(words) if w.id == trigger.id), 0)
        out: list[str] = []
        judged: set[str] = set()
        limit = position + (8 if adjacent else 14)
        for w in words[position + 1:limit]:
            if w.text in CLAUSE_BREAKS or w.text.lower() in CLAUSE_WORDS:
                break
            if adjacent and w.upos == "VERB":
                break
            role_start = self._role_start(w)
            key = self._role_person_at(w) if role_start is not None else None
            key = key or self._entity_at(w, True)
            if not key or key in judged:
                continue
            judged.add(key)  # a person is judged where their role begins, not again at the name
            # "al presidente egiziano al-Sisi": the preposition before the role is the person's
            prep = self.preposition_before(words[role_start] if role_start is not None else w)
            first = self._mention_start_word(w)
            before = first - 1
            while before > 0 and words[before].upos == "DET":
                before -= 1  # "tra la Bielorussia e la Cina": the article after "e"
            coordinated = bool(out) and before >= 0 and words[before].text.lower() in ("e", "ed")
            if (cases is None and not prep and not coordinated) or (cases is not None and prep in cases) \
                    or (cases is not None and coordinated):
                out.append(key)  # "da Kim e Putin": the coordinated name shares the preposition
                if cases is None:
                    break
        return out

    def infinitive_owner(self, verb: Word) -> list[str]:
        """"la volontà della Corea del Nord di sostenere": the owner of the noun an
        infinitive completes is its subject. Where the parser hung the infinitive on the verb
        instead ("evidenziando la volontà della Corea del Nord di sostenere" as advcl of
        "evidenziando"), the noun is the one whose phrase ends right before its "di"."""
        head = self.view.head(verb)
        if "VerbForm=Inf" not in (verb.feats or "") or head is None:
            return []
        if not (verb.deprel or "").startswith("acl"):
            head = self._noun_completed_before(verb)
            if head is None:
                return []
        if head.upos == "PROPN":  # attached to the owner's own name
            owners = self.entities(head)
        elif head.upos == "NOUN":
            owners = self.possessors(head)
        else:
            return []
        return [e for e in owners if self.type_of(e) in ("Person", "State", "Organization")]

    def _noun_completed_before(self, verb: Word) -> Optional[Word]:
        """The common noun whose phrase ends right before an infinitive's "di", when that noun
        depends on the infinitive's own head: "evidenziando [la volontà della Corea del Nord]
        di sostenere"."""
        v = self.view
        marks = [m for m in v.kids(verb, "mark") if m.text.lower() == "di"]
        head = v.head(verb)
        if not marks or head is None or head.upos not in ("VERB", "AUX"):
            return None
        node = v.words.get(marks[0].id - 1)
        while node is not None and v.head(node) is not None and v.head(node).id < node.id \
                and v.head(node).upos in ("NOUN", "PROPN"):
            node = v.head(node)
        if node is None or node.upos != "NOUN" or v.head(node) is not head or node.deprel not in ("obj", "nsubj"):
            return None
        return node

    def participle_owner(self, verb: Word) -> list[str]:
        """"i soldati nordcoreani inviati in Ucraina", "la lettera di Putin inviata a Kim": what
        was sent belongs to its sender, not to whoever the clause before it names."""
        head = self.view.head(verb)
        if "VerbForm=Part" not in (verb.feats or "") or head is None or head.upos != "NOUN" \
                or not (verb.deprel or "").startswith("acl"):
            return []
        return [e for e in self.possessors(head) if self.type_of(e) in ("Person", "State", "Organization")]

    def possessors(self, noun: Word) -> list[str]:
        return [e for w in self.possessor_words(noun) for e in self.entities(w)]

    def possessor_words(self, noun: Word) -> list[Word]:
        v = self.view
        out = [c for c in v.kids(noun, "nmod") if v.case_of(c) in OF_CASES or v.case_of(c).startswith("da parte")]
        # "da parte della Corea del Nord" parsed as "parte" (case "da") with its own "di" phrase
        out += [d for c in v.kids(noun, "nmod") if (c.lemma or c.text).lower() == "parte" and v.case_of(c) == "da"
                for d in v.kids(c, "nmod") if v.case_of(d) in OF_CASES]
        out += [c for c in v.kids(noun, "amod") if self._entity_at(c, True)]
        return out

    def obl(self, verb: Word, cases: set[str]) -> list[str]:
        """Entities of the verb's oblique phrases with one of ``cases``; a relative pronoun is
        the name before it ("Aliyev, al quale ha confermato il sostegno")."""
        v = self.view
        return [e for c in v.kids(verb, "obl") if v.case_of(c) in cases
                for e in (self.antecedent(c) if c.upos == "PRON" and (c.lemma or "").lower() in RELATIVE_PRONOUNS
                          else self.entities(c))]

    def nmod(self, noun: Word, cases: set[str]) -> list[str]:
        v = self.view
        return [e for c in v.kids(noun, "nmod") if v.case_of(c) in cases for e in self.entities(c)]

    def quantity(self, words: list[Word]) -> Optional[str]:
        """The number of what an event moves: "10.000 [soldati]", "nove milioni [di munizioni]"."""
        for w in words:
            for n in self.view.kids(w, "nummod"):
                if (w.text or "").lower() in MULTIPLIERS:
                    return f"{n.text} {w.text}"
                return n.text
        return None

    def place_of(self, verb: Word) -> Optional[str]:
        """Where the event happened: a place in "a"/"in" attached to the verb, or deeper in its
        nominal modifiers, where parsers often hang it ("firmato nel giugno del 2024 a
        Pyongyang", "firmato durante la visita a Pyongyang")."""
        for key in self.obl(verb, IN_CASES | TO_CASES):
            if self.type_of(key) == "Place":
                return key
        # "ha incontrato martedì a Berlino": a weekday taken for the object carries the place
        objects = self.objects(verb)
        frontier = self.view.kids(verb, "obl") + [o for o in self.view.kids(verb, "obj") if o not in objects]
        # "hanno firmato sabato a Istanbul", "è stato ricevuto lunedì a Pechino": a weekday the
        # parse made a verb or a subject carries the place too
        frontier += [o for x in self.view.kids(verb, "xcomp", "nsubj:pass", "nsubj")
                     if x.text.lower() in timex.TIME_WORDS for o in self.view.kids(x, "obl", "nmod")]
        seen: set = set()
        for _ in range(3):
            nxt = []
            for w in frontier:
                if w.id in seen:
                    continue
                seen.add(w.id)
                if self.view.case_of(w) in IN_CASES | TO_CASES:
                    for key in self.entities(w, demonyms=False):
                        if self.type_of(key) == "Place":
                            return key
                nxt += self.view.kids(w, "nmod")
            frontier = nxt
        return None

    def dateline_place(self) -> Optional[str]:
        """The place a dateline opens the article with ("PECHINO, 3 giugno 2027 –"), if any."""
        text = self.am.annotated.article.text
        first = len(text) - len(text.lstrip())
        for index, m in enumerate(self.am.mentions):
            if m.start_char == first and m.type == "Place" and text[m.end_char:m.end_char + 1] == ",":
                key = self.res.key_of(self.am.annotated.article.id, index)
                return key if key and self.type_of(key) == "Place" else None
        return None

    def date_near(self, trigger: Word, ahead: bool = False) -> Optional[str]:
        """The time expression nearest the trigger; ``ahead`` for an event still to come
        ("visiterà Pechino a settembre" is next September)."""
        times = timex.find_times(self.am.annotated.article.text[self.sentence.start_char:self.sentence.end_char],
                                 self.article_date, ahead=ahead)
        if not times:
            return None
        offset = trigger.start_char - self.sentence.start_char
        return min(times, key=lambda t: abs(t.start - offset)).value

    def _secondo_source(self) -> Optional[str]:
        """The entity in "secondo X" ("secondo i servizi sudcoreani" -> South Korea)."""
        v = self.view
        for w in self.sentence.words:
            if w.text.lower() == "secondo" and w.deprel == "case":
                head = v.head(w)
                if head is not None:
                    sources = self.entities(head) or [e for d in v.kids(head, "amod", "nmod")
                                                      for e in self.entities(d)]
                    if sources:
                        return sources[0]
        return None

    def factuality(self, trigger: Word) -> tuple[str, Optional[str]]:
        v = self.view
        if v.negated(trigger):
            return "negated", None
        words = self.sentence.words
        position = next((i for i, w in enumerate(words) if w.id == trigger.id), 0)
        if trigger.upos == "NOUN" and position > 0 and words[position - 1].text.lower() in PLANNED_MODIFIERS:
            return "planned", None  # "il suo imminente incontro", however the parse hangs the adjective
        chain = [trigger] + ([v.head(trigger)] if v.head(trigger) is not None else [])
        for node in [trigger] + ([v.head(trigger)] if trigger.deprel in ("obj", "nsubj:pass") else []):
            head = v.head(node) if node is not None else None
            if head is not None and _is_infinitive(node) and (node.deprel or "").startswith("acl") \
                    and (head.lemma or "").lower() in UNREALISED_NOUNS:
                return "planned", None  # "la decisione di inviare nuovi aiuti"
        node = trigger
        for _ in range(2):  # "ha invitato Xi a visitare": through the xcomp the parse puts between
            parent = v.head(node)
            if parent is None or node.deprel not in ("obj", "xcomp", "ccomp"):
                break
            if (parent.lemma or "").lower() in UNREALISED_VERBS:
                return "planned", None
            node = parent
        for w in chain:
            feats = (w.feats or "") + "|" + "|".join(a.feats or "" for a in v.kids(w, "aux"))
            feats += "|" + "|".join(_tense_by_ending(x) for x in [w, *v.kids(w, "aux")])
            modal = any(a.lemma in ("potere", "dovere", "volere") for a in v.kids(w, "aux"))
            perfect = any(a.lemma in ("avere", "essere") and "Mood=Cnd" in (a.feats or "") + _tense_by_ending(a)
                          for a in v.kids(w, "aux"))
            if "Mood=Cnd" in feats and perfect and not modal:
                # the journalistic conditional ("avrebbe inviato"): an alleged past fact
                source = self._secondo_source()
                return "reported", source
            if "Mood=Cnd" in feats:
                return "hypothetical", None
            if "Tense=Fut" in feats:
                return "planned", None
            if any(m.lemma == "se" for m in v.kids(w, "mark")):
                return "hypothetical", None
            if any((c.lemma or c.text.lower()) in PLANNED_MODIFIERS for c in v.kids(w, "amod", "acl")):
                return "planned", None
        if self.sentence.text.rstrip().endswith("?"):
            return "hypothetical", None
        # An accusation's content is the accuser's claim: "ha accusato gli Stati Uniti di sostenere"
        head = v.head(trigger)
        if head is not None and self.lexicon is not None and "VerbForm=Inf" in (trigger.feats or "") \
                and trigger.deprel in ("xcomp", "advcl", "ccomp") \
                and (self.lexicon.trigger(head.lemma, head.upos) or ("",))[0] == "criticize":
            accusers = [e for s in v.kids(head, "nsubj") for e in self.entities(s)]
            return "reported", accusers[0] if accusers else None
        # Attribution: "secondo X", or the trigger inside a reporting verb's complement.
        source = self._secondo_source()
        if source:
            return "reported", source
        node = trigger
        for _ in range(3):
            parent = v.head(node)
            if parent is None:
                break
            if (parent.lemma or "") in REPORT_VERBS and node.deprel in ("ccomp", "parataxis"):
                sources = [e for s in v.kids(parent, "nsubj") for e in self.entities(s)]
                return "reported", sources[0] if sources else None
            node = parent
        return "asserted", None


#: Endings that only Italian futures and conditionals have, for verbs the tagger gave the
#: wrong tense ("visiterà" tagged Tense=Past): third persons, where news reports events.
FUTURE_ENDINGS = ("rà", "ranno")
CONDITIONAL_ENDINGS = ("rebbe", "rebbero")


def _is_infinitive(w: Word) -> bool:
    """An infinitive, by its features or, where the tagger gave none, by its ending."""
    if "VerbForm=Inf" in (w.feats or ""):
        return True
    return w.upos in ("VERB", "AUX") and not w.feats and (w.text or "").lower().endswith(("are", "ere", "ire"))


def _tense_by_ending(w: Word) -> str:
    if w.upos not in ("VERB", "AUX"):
        return ""
    text = w.text.lower()
    if text.endswith(FUTURE_ENDINGS):
        return "Tense=Fut"
    if text.endswith(CONDITIONAL_ENDINGS):
        return "Mood=Cnd"
    return ""


def _evidence(am: ArticleMentions, sentence: Sentence) -> Evidence:
    return Evidence(am.annotated.article.id, sentence.index, sentence.start_char, sentence.end_char,
                    sentence.text)


def _is_count(text: str) -> bool:
    """"600", "10.000", "2,5": a count; "12enne", "1987" in "nel 1987" are not."""
    return bool(re.fullmatch(r"\d{1,3}(?:\.\d{3})*(?:,\d+)?|\d{1,4}", text)) and not re.fullmatch(r"1[89]\d\d|20\d\d", text)


def _unique(items: Iterable[str]) -> list[str]:
    seen: list[str] = []
    for item in items:
        if item and item not in seen:
            seen.append(item)
    return seen


def _dedupe(out: ArticleFacts) -> ArticleFacts:
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
        event.participants = {r: _unique(remap.get(k, k) for k in ks) for r, ks in event.participants.items()}
        event.place = remap.get(event.place, event.place) if event.place else None
    return _dedupe(out)
