"""A trigger's arguments, read once before its frame's handler runs: for a verb its agents,
objects, addressees ("a X"), partners ("con X") and places ("in X"); for a noun its owner or
the light verb's subject, and its "a", "con" and "tra" phrases. Triggers come from
triggers.tsv (a lemma and part of speech give a frame; kg.lexicon checks the frame names)."""
from __future__ import annotations

from dataclasses import dataclass
from typing import Optional

from kg.lexicon import Lexicon
from kg.records import Word
from kg.relations.circumstances import SentenceContext
from kg.relations.facts import unique
from kg.relations.words import (ADJUNCT_PREPOSITIONS, BETWEEN_CASES, BY_CASES, DENOUNCING_VERBS, IN_CASES,
                                LIGHT_VERBS, OF_CASES, RECEIVING_VERBS, SPORTS, TO_CASES, WITH_CASES)


@dataclass
class VerbArguments:
    """What a trigger verb's parse (or, failing it, its word order) gives it."""

    agents: list[str]        # who acts
    objects: list[Word]      # its object words
    objs: list[str]          # the entities of its objects (or of the words after it)
    obj_words: list[Word]    # words that may name what it carries
    to: list[str]            # "a X" and indirect objects
    with_: list[str]         # "con X"
    where: list[str]         # "in X", "a X"


@dataclass
class NounArguments:
    """What a trigger noun's phrase (or the light verb carrying it) gives it."""

    head: Optional[Word]     # the noun's head in the parse
    agents: list[str]        # its owner, or the light verb's subject
    to: list[str]            # "a X"
    with_: list[str]         # "con X"
    between: list[str]       # "tra X e Y"


def verb_arguments(ctx: SentenceContext, t: Word, frame: str) -> VerbArguments:
    """The arguments of trigger verb ``t`` of ``frame``; a speaker after the verb
    ("..., ha denunciato il ministro") and a passive's "da" phrase are read here too."""
    v = ctx.view
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
    where = ctx.obl(t, IN_CASES | TO_CASES)
    if not where and (where := ctx.right_entities(t, IN_CASES | TO_CASES)):
        # not a place inside the verb's time or purpose phrase ("si era recato nel Paese
        # nordafricano subito dopo lo scoppio della guerra in Ucraina")
        adjuncts = [c for c in v.kids(t, "obl") if v.case_of(c) and v.case_of(c) not in IN_CASES | TO_CASES]
        adjuncts += [c for c in ctx.sentence.words if c.id > t.id and v.case_of(c)
                     and v.case_of(c) not in IN_CASES | TO_CASES | OF_CASES]
        inside = {ctx._entity_at(w, True) for c in adjuncts for w in v.subtree(c)}
        where = [e for e in where if e not in inside]
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
    return VerbArguments(agents, objects, objs, obj_words, to, with_, where)


def noun_arguments(lex: Lexicon, ctx: SentenceContext, t: Word, frame: str) -> Optional[tuple[str, NounArguments]]:
    """The frame of trigger noun ``t`` (a modifier may change it: "colloquio telefonico") and
    its arguments; None where a transfer verb carries the noun (the verb's frame handles it)."""
    v = ctx.view
    head = v.head(t)
    for mod in v.kids(t, "amod", "nmod"):
        frame = lex.frame_modifiers.get((mod.lemma or mod.text).lower(), frame)
        if frame == "meeting" and (mod.lemma or mod.text).lower() in SPORTS:
            return None     # "un incontro di calcio tra le nazionali di Francia e Germania": a match
    # The light verb carrying the noun ("Kim ha espresso il suo sostegno") gives the agent;
    # a transfer verb with this noun as object is handled by the verb's own frame.
    if head is not None and t.deprel in ("obj", "nsubj:pass") and \
            (lex.trigger(head.lemma, head.upos) or ("",))[0] in ("transfer", "supply") and frame in ("letter", "message"):
        return None
    agents = ctx.possessors(t)
    if not agents and head is not None and t.deprel in ("obj", "nsubj:pass") \
            and (head.lemma or "") in LIGHT_VERBS:
        agents = ctx.agents(head) or ctx.left_actor(head)
    if not agents and head is not None and t.deprel == "nsubj":
        agents = []
    to = ctx.nmod(t, TO_CASES) or ctx.right_entities(t, TO_CASES, adjacent=True)
    with_ = ctx.nmod(t, WITH_CASES) or ctx.right_entities(t, WITH_CASES, adjacent=True)
    between = ctx.between_list(t) or ctx.nmod(t, BETWEEN_CASES) \
        or ctx.right_entities(t, BETWEEN_CASES, adjacent=True) or ctx.hyphen_pair_after(t)   # "l'incontro Macron-Scholz"
    if len(between) < 2:
        # "l'incontro tra il ministro degli Esteri cinese Wang Yi e il suo omologo indiano ...": the
        # parse hung the second party on a word inside the first; the words, in order, name both
        between = ctx.between_list(t, minimum=2) or between
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
        # "ha aperto il vertice a Madrid con Macron e con Duda": the verb's phrases too,
        # whole, where the words right after the noun reach only the first
        to = unique(to + ctx.obl(head, TO_CASES))
        with_ = unique(with_ + ctx.obl(head, WITH_CASES))
        between = unique(between + ctx.obl(head, BETWEEN_CASES))
    if head is not None and t.deprel == "obj" and (head.lemma or "").lower() in RECEIVING_VERBS & LIGHT_VERBS \
            and frame in ("letter", "message", "phone_call"):
        # "ha ricevuto una telefonata dal presidente": the "da" phrase sent it to the receiver
        senders = ctx.obl(head, BY_CASES) or ctx.nmod(t, BY_CASES) or ctx.right_entities(t, BY_CASES)
        receivers = [r for r in ctx.agents(head) or ctx.left_actor(head) if r not in senders]
        if senders and receivers:
            agents, to = senders, unique(to + receivers)
    return frame, NounArguments(head, agents, to, with_, between)
