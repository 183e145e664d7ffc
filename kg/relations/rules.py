"""Relations and events from the dependency parse and the trigger lexicons: the hand rules.

A trigger (a verb such as "inviare", "firmare", or a noun such as "lettera", "sostegno") is
found by lemma (triggers.tsv gives its frame); its arguments come from its dependents
(kg.relations.frames, over the sentence context of kg.relations.circumstances): the subject
(nsubj, or "da X" in a passive), the object, and prepositional attachments ("a X", "con X",
"in X"), or for nouns the possessor ("la lettera di Putin a Kim"). Each frame family has its
module: communication, transfers, evaluation, treaties; standing facts (offices, locatedIn)
are kg.relations.standing's. kg.relations.writer makes the facts and events, with the
confidence of kg.relations.confidence. Nothing here knows any article's wording: only the
lexicons in kg/data/lexicon.
"""
from __future__ import annotations

from typing import Callable

from kg.mentions import ArticleMentions
from kg.records import Word
from kg.relations.circumstances import SentenceContext
from kg.relations.communication import CommunicationRules
from kg.relations.evaluation import EvaluationRules
from kg.relations.facts import EVENT_CLASS, SYMMETRIC_KINDS, ArticleFacts, dedupe, remap_facts
from kg.relations.frames import noun_arguments, verb_arguments
from kg.relations.sentence import SentenceView
from kg.relations.standing import StandingFacts
from kg.relations.transfers import TransferRules
from kg.relations.treaties import TreatyRules
from kg.relations.words import (BETWEEN_CASES, CLAUSE_WORDS, INVASION_NOUNS, OF_CASES, PAIR_WORDS, RECEIVING_VERBS,
                                RELATIVE_PRONOUNS, SAYING_VERBS, WITH_CASES)
from kg.timex import TIME_WORDS

# Names other modules and tests import from here.
__all__ = ["EVENT_CLASS", "SYMMETRIC_KINDS", "PAIR_WORDS", "ArticleFacts", "RelationExtractor", "SentenceView",
           "SentenceContext", "dedupe", "remap_facts", "BETWEEN_CASES", "CLAUSE_WORDS", "OF_CASES",
           "RECEIVING_VERBS", "RELATIVE_PRONOUNS", "SAYING_VERBS", "WITH_CASES", "VERB_FRAMES", "NOUN_FRAMES"]


class RelationExtractor(CommunicationRules, TransferRules, EvaluationRules, TreatyRules, StandingFacts):
    """The hand rules over one article: each trigger's frame handler, then the article-wide
    rules (offices, alliances by treaty, troops sent to a place's state)."""

    def extract(self, am: ArticleMentions) -> ArticleFacts:
        out = ArticleFacts()
        article = am.annotated.article
        for sentence in am.annotated.sentences:
            if not any(w.deprel for w in sentence.words):
                continue
            view = SentenceView(sentence)
            ctx = SentenceContext(am, sentence, view, self.res, article.date, self.lex)
            for word in sentence.words:
                found = self.lex.trigger(word.lemma, word.upos)
                manner = self._manner_frame(view, word)
                if manner:
                    found = (manner, "VERB")
                if found:
                    self._trigger(ctx, word, found[0], out, verb=found[1] == "VERB")
                if word.upos == "VERB" and (word.lemma or "").lower() in SAYING_VERBS:
                    self._evaluative_report(ctx, word, out)
                if word.upos == "VERB" and (found is None or found[0] == "statement") \
                        and word.text.lower() not in TIME_WORDS:
                    # a frame of its own (a meeting, a visit, what one sends) reads its place itself
                    self._present_abroad(ctx, word, out)
                if word.upos == "VERB":
                    self._together(ctx, word, out)
                    self._welcoming_party(ctx, word, out)
                if word.upos in ("PROPN", "NOUN", "VERB"):
                    self._presence(ctx, word, out)
                if word.text.lower() in self.lex.casualty_words or (word.lemma or "").lower() in self.lex.casualty_words:
                    self._casualties(ctx, word, out)
                if word.upos == "NOUN" and (word.lemma or "").lower() in INVASION_NOUNS:
                    self._invasion_noun(ctx, word, out)
                if (word.upos == "NOUN" and (word.lemma or "").lower() in self.lex.objects
                        and self.lex.objects[(word.lemma or "").lower()] in ("troops", "arms")):
                    self._flow_noun(ctx, word, self.lex.objects[(word.lemma or "").lower()], out)
            self._locations(ctx, out)
            self._places_in_states(ctx, out)
            self._places_written_in_states(ctx, out)
            self._memberships(ctx, out)
            self._appositive_offices(ctx, out)
            self._leaders(ctx, out)
        self._roles(am, out)
        self._allies_by_treaty(am, out)
        self._troops_to_states(out)
        return dedupe(out)

    def _trigger(self, ctx: SentenceContext, t: Word, frame: str, out: ArticleFacts, verb: bool = True) -> None:
        """Run the handler of ``frame`` for trigger word ``t``; a noun's own handlers when not a verb."""
        if not verb:
            self._noun_trigger(ctx, t, frame, out)
            return
        handler = VERB_FRAMES.get(frame)
        if handler is not None:
            handler(self, ctx, t, frame, verb_arguments(ctx, t, frame), out)

    def _noun_trigger(self, ctx: SentenceContext, t: Word, frame: str, out: ArticleFacts) -> None:
        found = noun_arguments(self.lex, ctx, t, frame)
        if found is None:
            return
        frame, args = found
        handler = NOUN_FRAMES.get(frame)
        if handler is not None:
            handler(self, ctx, t, frame, args, out)


Handler = Callable[..., None]

#: Each frame's handler for a trigger verb: every frame kg.lexicon.FRAMES names has one.
VERB_FRAMES: dict[str, Handler] = {
    "transfer": TransferRules._verb_transfer, "supply": TransferRules._verb_transfer,
    "letter": CommunicationRules._verb_message, "message": CommunicationRules._verb_message,
    "statement": CommunicationRules._verb_message, "appeal": CommunicationRules._verb_appeal,
    "phone_call": CommunicationRules._verb_meeting, "meeting": CommunicationRules._verb_meeting,
    "visit": CommunicationRules._verb_visit, "sign": TreatyRules._verb_sign,
    "support": EvaluationRules._verb_support, "praise": EvaluationRules._verb_praise,
    "criticize": EvaluationRules._verb_criticize, "deploy": TransferRules._verb_deploy,
    "alliance": TreatyRules._verb_alliance, "react": EvaluationRules._verb_react,
    "characterise": EvaluationRules._verb_characterise, "ally": TreatyRules._verb_ally,
}

#: Each frame's handler for a trigger noun (or adjective); a frame not here gives a noun nothing.
NOUN_FRAMES: dict[str, Handler] = {
    "letter": CommunicationRules._noun_message, "message": CommunicationRules._noun_message,
    "statement": CommunicationRules._noun_message, "phone_call": CommunicationRules._noun_meeting,
    "meeting": CommunicationRules._noun_meeting, "visit": CommunicationRules._noun_visit,
    "support": EvaluationRules._noun_support, "praise": EvaluationRules._noun_evaluation,
    "criticize": EvaluationRules._noun_evaluation, "sign": TreatyRules._noun_sign,
    "alliance": TreatyRules._noun_alliance, "ally": TreatyRules._noun_ally,
}
