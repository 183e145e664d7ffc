"""The treaty and alliance frames: who signed a treaty (signed, and the cosigners' meeting and
visit), alliances (alliedWith) by a verb, a noun, "alleato di", or a mutual-defence treaty
signed together."""
from __future__ import annotations

from kg.mentions import ArticleMentions
from kg.records import Fact
from kg.records import Word
from kg.relations.circumstances import SentenceContext
from kg.relations.confidence import COSIGNER_MEETING, TREATY_ALLIANCE
from kg.relations.facts import ArticleFacts
from kg.relations.facts import unique
from kg.relations.frames import NounArguments, VerbArguments
from kg.relations.sentence import SentenceView
from kg.relations.words import ADJUNCT_PREPOSITIONS, BETWEEN_CASES, BY_CASES, OF_CASES, WITH_CASES
from kg.relations.writer import FactWriter


class TreatyRules(FactWriter):
    """Handlers of the sign, alliance and ally frames, and alliances by treaty."""

    def _verb_sign(self, ctx: SentenceContext, t: Word, frame: str, args: VerbArguments, out: ArticleFacts) -> None:
        """"X ha firmato il trattato con Y": the signers, their meeting and visit."""
        agents, objs, objects, with_ = args.agents, args.objs, args.objects, args.with_
        treaties = [x for x in objs if ctx.type_of(x) == "Treaty"] or ctx.nearest_treaty(t) \
            or ctx.treaty_referred_by(objects)
        if not ctx.agents(t) and "VerbForm=Part" in (t.feats or ""):
            agents = ctx.right_entities(t, BY_CASES) or agents
        partners = [x for x in with_ if ctx.type_of(x) in ("Person", "State")]
        # "un patto ... tra il Regno Unito e l'Unione europea": the states it is between
        parties = [x for x in ctx.right_entities(t, BETWEEN_CASES) if ctx.type_of(x) == "State"] \
            + treaty_parties(ctx, treaties)
        self._add(ctx, out, agents + partners + parties, "signed", treaties, t, event="sign")
        # "ha firmato con Vladimir Putin un accordo", "Erdogan e Zelensky hanno firmato":
        # two people who sign together met, and whoever came from another state visited
        people = [x for x in agents if ctx.type_of(x) == "Person"]
        others = [x for x in partners if ctx.type_of(x) == "Person"] or people[1:]
        self._add(ctx, out, people[:1] if not partners else people, "communicatedWith", others,
                  t, kind="meeting", event="meeting", confidence=COSIGNER_MEETING)
        if treaties:
            self._visitors(ctx, t, unique(people + others), out)

    def _verb_alliance(self, ctx: SentenceContext, t: Word, frame: str, args: VerbArguments, out: ArticleFacts) -> None:
        """"X si è alleato con Y"."""
        agents, with_ = args.agents, args.with_
        self._add(ctx, out, agents, "alliedWith", with_, t)

    def _verb_ally(self, ctx: SentenceContext, t: Word, frame: str, args: VerbArguments, out: ArticleFacts) -> None:
        """"La Francia, alleata di Erevan": the participle the tagger made of the adjective."""
        self._noun_trigger(ctx, t, frame, out)

    def _noun_sign(self, ctx: SentenceContext, t: Word, frame: str, args: NounArguments, out: ArticleFacts) -> None:
        """"la firma del trattato tra Mosca e Pyongyang"."""
        agents, between = args.agents, args.between
        # "la firma del trattato tra Mosca e Pyongyang", "la firma di un patto da parte di X",
        # "X e Y hanno rafforzato i legami dopo la firma di un patto": the clause's actors
        treaties = [x for x in ctx.nmod(t, OF_CASES) + ctx.right_entities(t, OF_CASES, adjacent=True)
                    if ctx.type_of(x) == "Treaty"]
        parties = [x for x in between + ctx.right_entities(t, BETWEEN_CASES) if ctx.type_of(x) != "Treaty"] \
            or treaty_parties(ctx, treaties)
        signers = [x for x in agents if ctx.type_of(x) != "Treaty"] or parties
        if not signers and ctx.preposition_before(t) in ADJUNCT_PREPOSITIONS:
            signers = ctx.left_actor(t)
        self._add(ctx, out, signers, "signed", unique(treaties), t, event="sign")

    def _noun_alliance(self, ctx: SentenceContext, t: Word, frame: str, args: NounArguments, out: ArticleFacts) -> None:
        """"l'alleanza tra X e Y"."""
        agents, with_, between = args.agents, args.with_, args.between
        if len(between) >= 2 and not agents:
            agents, with_ = between[:1], between[1:]
        self._add(ctx, out, agents, "alliedWith", with_ + between, t)

    def _noun_ally(self, ctx: SentenceContext, t: Word, frame: str, args: NounArguments, out: ArticleFacts) -> None:
        """"X è (un) alleato di Y", "Y, alleato di X", "X e il suo alleato Y"."""
        v, head = ctx.view, args.head
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


    def _allies_by_treaty(self, am: ArticleMentions, out: ArticleFacts) -> None:
        """States that sign a mutual-defence treaty together are allied (alliedWith: "a
        mutual-defence obligation"); a leader signs for the state the article says they lead."""
        if not am.annotated.sentences:
            return
        ctx = SentenceContext(am, am.annotated.sentences[0], SentenceView(am.annotated.sentences[0]), self.res,
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
                    out.facts.append(Fact(a, "alliedWith", b, first.evidence, TREATY_ALLIANCE, status=status,
                                          source=first.source, event=first.event))


def treaty_parties(ctx: SentenceContext, treaties: list[str]) -> list[str]:
    """The states or people a treaty of the sentence is between, wherever the sign word stands:
    "l'accordo di partenariato strategico tra la Federazione Russa e la Corea del Nord firmato
    il 19 giugno" (a capital standing for its state is the state)."""
    v, out = ctx.view, []
    for w in ctx.sentence.words:
        if ctx._entity_at(w, False) not in treaties:
            continue
        for c in v.kids(w, "nmod"):
            if v.case_of(c) in BETWEEN_CASES:
                out += [ctx.actor(x) for x in ctx.entities(c, demonyms=False)
                        if ctx.type_of(ctx.actor(x)) in ("State", "Person")]
    return unique(out)
