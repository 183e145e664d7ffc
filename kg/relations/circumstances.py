"""An event's circumstances: where it happened, when, and whether it happened at all
(asserted, reported, planned, hypothetical, negated) with its source. SentenceContext is the
whole context the frame handlers read about one sentence."""
from __future__ import annotations

from typing import Optional

from kg import italian, timex
from kg.records import Word
from kg.relations.arguments import Arguments
from kg.relations.words import (IN_CASES, OF_CASES, PLANNED_MODIFIERS, PLANNED_PHRASES, PROSPECTIVE_NOUNS,
                                REPORT_VERBS, TO_CASES, UNREALISED_NOUNS, UNREALISED_VERBS)


class SentenceContext(Arguments):
    """One sentence as the relation rules read it: mentions and roles (MentionLookup), word
    order (WordOrder), parse arguments (Arguments), and here place, date and factuality."""

    def place_of(self, verb: Word) -> Optional[str]:
        """Where the event happened: a place in "a"/"in" attached to the verb, or deeper in its
        nominal modifiers, where parsers often hang it ("firmato nel giugno del 2024 a
        Pyongyang", "firmato durante la visita a Pyongyang")."""
        for key in self.obl(verb, IN_CASES | TO_CASES):
            if self.type_of(key) == "Place":
                return key
        # "ha incontrato martedì a Berlino": a weekday taken for the object carries the place
        objects = self.objects(verb)
        key = self.partner_place(objects)
        if key is not None:
            return key
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
                    # "presso la residenza di Camp David": a common noun's place after "di"
                    for key in (k for c in self.view.kids(w, "nmod") if self.view.case_of(c) in OF_CASES
                                and not self.entities(w, demonyms=False) for k in self.entities(c, demonyms=False)):
                        if self.type_of(key) == "Place":
                            return key
                nxt += self.view.kids(w, "nmod")
            frontier = nxt
        return None

    def partner_place(self, partners: list[Word]) -> Optional[str]:
        """A place the parse hangs on a partner's name ("ha incontrato il leader cinese Xi
        Jinping a Bali", "l'incontro con Xi Jinping a Bali"): a person has no place of its own
        in an "a" or "in" phrase, so it is where the event happened. The name may lie one
        phrase down ("il presidente del Consiglio, Giorgia Meloni, a Palazzo Chigi", the name
        parsed as a conjunct of "Consiglio")."""
        for o in partners:
            near = self.view.kids(o, "nmod", "appos")
            for n in [o] + near + [c for m in near for c in self.view.kids(m, "appos", "conj")]:
                if not any(self.type_of(e) == "Person" for e in self.entities(n)):
                    continue
                for c in self.view.kids(n, "nmod"):
                    if self.view.case_of(c) in IN_CASES | TO_CASES:
                        key = next((k for k in self.entities(c, demonyms=False) if self.type_of(k) == "Place"), None)
                        if key is not None:
                            return key
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
        position = self.view.position(trigger)
        if trigger.upos == "NOUN" and position > 0 and words[position - 1].text.lower() in PLANNED_MODIFIERS:
            return "planned", None  # "il suo imminente incontro", however the parse hangs the adjective
        if trigger.upos == "NOUN" and _prospective(words, position):
            return "planned", None  # "in vista della visita di Putin in Cina"
        if trigger.upos == "NOUN" and _scheduled(words, position):
            return "planned", None  # "il vertice Putin-Trump in programma per venerdì"
        chain = [trigger] + ([v.head(trigger)] if v.head(trigger) is not None else [])
        for node in [trigger] + ([v.head(trigger)] if trigger.deprel in ("obj", "nsubj:pass") else []):
            head = v.head(node) if node is not None else None
            if head is not None and _is_infinitive(node) and (node.deprel or "").startswith("acl") \
                    and (head.lemma or "").lower() in UNREALISED_NOUNS:
                return "planned", None  # "la decisione di inviare nuovi aiuti"
        node = trigger
        for _ in range(2):  # "ha invitato Xi a visitare": through the xcomp the parse puts between
            parent = v.head(node)
            # an infinitive ("a visitare") or a purpose ("per una visita") the parse hangs as an adjunct
            purpose = node.deprel in ("advcl", "obl") and any(
                (m.lemma or m.text).lower() in UNREALISED_MARKS for m in v.kids(node, "mark", "case"))
            if parent is None or not (node.deprel in ("obj", "xcomp", "ccomp") or purpose):
                break
            if (parent.lemma or "").lower() in UNREALISED_VERBS:
                return "planned", None
            node = parent
        if _is_infinitive(trigger) and _after_unrealised_verb(words, position):
            return "planned", None  # "intendesse recarsi", however the parse joins them
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


#: What opens an infinitive or a purpose that an intention, an invitation or a request is for.
UNREALISED_MARKS = {"a", "di", "per"}


def _after_unrealised_verb(words: list[Word], position: int) -> bool:
    """Whether the word before an infinitive, past "di", "a" and clitics, is a verb of intention,
    invitation or request ("intendesse recarsi", "ha chiesto di incontrare")."""
    k = position - 1
    while k >= 0 and (words[k].text.lower() in UNREALISED_MARKS or words[k].upos == "PRON"):
        k -= 1
    return k >= 0 and words[k].upos == "VERB" and (words[k].lemma or "").lower() in UNREALISED_VERBS


def _prospective(words: list[Word], position: int) -> bool:
    """"in vista della visita", "in attesa del vertice": the event after it is still to come."""
    i = position - 1
    while i >= 0 and (words[i].upos == "DET" or words[i].text.lower() in italian.OF_FAMILY):
        i -= 1
    return i >= 1 and words[i].text.lower() in PROSPECTIVE_NOUNS and words[i - 1].text.lower() in italian.IN_FAMILY


def _is_infinitive(w: Word) -> bool:
    """An infinitive, by its features or, where the tagger gave none, by its ending."""
    if "VerbForm=Inf" in (w.feats or ""):
        return True
    return w.upos in ("VERB", "AUX") and not w.feats and (w.text or "").lower().endswith(("are", "ere", "ire"))


def _tense_by_ending(w: Word) -> str:
    if w.upos not in ("VERB", "AUX"):
        return ""
    text = w.text.lower()
    if text.endswith(italian.FUTURE_ENDINGS):
        return "Tense=Fut"
    if text.endswith(italian.CONDITIONAL_ENDINGS):
        return "Mood=Cnd"
    return ""


def _scheduled(words: list[Word], position: int) -> bool:
    """"il vertice Putin-Trump in programma per venerdì", "l'incontro in agenda": "in" and a
    schedule noun within the six words after the trigger noun, whatever the parse hangs them on."""
    after = [w.text.lower() for w in words[position + 1:position + 7]]
    return any(a == "in" and b in PLANNED_PHRASES for a, b in zip(after, after[1:]))
