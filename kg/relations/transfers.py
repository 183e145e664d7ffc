"""The transfer frames: troops sent (sentTroopsTo) and arms supplied (suppliedArmsTo) by a
verb, by a noun with its origin ("soldati nordcoreani in Russia") or by a deployment verb;
what a transfer carries (objects.tsv); and casualties (a kg:Casualties event)."""
from __future__ import annotations

import re
from dataclasses import replace

from kg.italian import OF_FAMILY
from kg.records import Word
from kg.records import Event
from kg.relations.circumstances import SentenceContext
from kg.relations.confidence import FLOW_NOUN, PLACE_STATE_FACTOR
from kg.relations.facts import ArticleFacts
from kg.relations.facts import evidence_of, unique
from kg.relations.frames import VerbArguments
from kg.relations.words import AGE_UNITS, CLAUSE_BREAKS, IN_CASES, OF_CASES, TO_CASES
from kg.relations.writer import FactWriter


class TransferRules(FactWriter):
    """Handlers of the transfer, supply and deploy frames, troops and arms nouns, and casualties."""

    def _verb_transfer(self, ctx: SentenceContext, t: Word, frame: str, args: VerbArguments, out: ArticleFacts) -> None:
        """What the verb hands over decides: a letter or message, troops, or arms."""
        v = ctx.view
        agents, to, where, obj_words = args.agents, args.to, args.where, args.obj_words
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

    def _verb_deploy(self, ctx: SentenceContext, t: Word, frame: str, args: VerbArguments, out: ArticleFacts) -> None:
        """"ha schierato truppe in X"."""
        agents, where, obj_words = args.agents, args.where, args.obj_words
        self._add(ctx, out, agents, "sentTroopsTo", where, t, event="troops",
                  quantity=ctx.quantity(obj_words))


    def _object_classes(self, ctx: SentenceContext, obj_words: list[Word]) -> set[str]:
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

    def _word_classes(self, w: Word, text: str = "") -> set[str]:
        """What objects.tsv makes of a word, by its lemma, as written (the lemmatizer made
        "lotto" "lottare"), or as its whole token is written in ``text`` (the MWT expander split
        "armi" into "ar" + "mi", as if it were "darmi")."""
        forms = [(w.lemma or "").lower(), w.text.lower()]
        if text:
            forms.append(text[w.start_char:w.end_char].lower())
        return {self.lex.objects.get(form) for form in forms} - {None}

    def _casualties(self, ctx: SentenceContext, t: Word, out: ArticleFacts) -> None:
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
            i = ctx.view.position(t) - 1
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
        sides = unique(k for w in who for d in v.kids(w, "amod", "nmod") + after
                        for k in ctx.entities(d) + ctx.demonym_at(d) if ctx.type_of(k) == "State")
        status, source = ctx.factuality(t)
        out.events.append(Event("Casualties", {"participant": sides} if sides else {}, evidence_of(ctx.am, ctx.sentence),
                                ctx.date_near(t, ahead=status == "planned"), ctx.place_of(t), quantity, t.text,
                                status, source))

    def _flow_noun(self, ctx: SentenceContext, noun: Word, cls: str, out: ArticleFacts) -> None:
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
                      quantity=ctx.quantity([noun]), confidence=FLOW_NOUN)
        else:
            recipients = [p for p in places if ctx.type_of(p) == "State"]
            self._add(ctx, out, agents, "suppliedArmsTo", recipients, noun, event="arms",
                      quantity=ctx.quantity([noun]), confidence=FLOW_NOUN)

    def _invasion_noun(self, ctx: SentenceContext, noun: Word, out: ArticleFacts) -> None:
        """"l'invasione russa dell'Ucraina", "l'aggressione russa all'Ucraina", "l'occupazione
        dell'Ucraina da parte della Russia": the invader (a demonym or "da parte di") sent troops
        into the state or place after "di", "a" or "contro"."""
        v = ctx.view
        # the noun's owners, less its own "di" phrase, which is what is invaded
        invaders = [e for w in ctx.possessor_words(noun) if not (w.head == noun.id and v.case_of(w) in OF_FAMILY)
                    for e in ctx.entities(w) if ctx.type_of(e) == "State"]
        invaded = [e for d in v.kids(noun, "nmod") if v.case_of(d) in OF_FAMILY | TO_CASES | {"contro"}
                   for e in ctx.entities(d) if ctx.type_of(e) in ("State", "Place") and e not in invaders]
        if invaders and invaded:
            self._add(ctx, out, invaders, "sentTroopsTo", invaded, noun, event="troops", keep_place=True)

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
                out.facts.append(replace(f, object=state, confidence=round(f.confidence * PLACE_STATE_FACTOR, 2)))


def _is_count(text: str) -> bool:
    """"600", "10.000", "2,5": a count; "12enne", "1987" in "nel 1987" are not."""
    return bool(re.fullmatch(r"\d{1,3}(?:\.\d{3})*(?:,\d+)?|\d{1,4}", text)) and not re.fullmatch(r"1[89]\d\d|20\d\d", text)
