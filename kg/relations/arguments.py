"""A trigger's arguments from the dependency parse: its agents (subject, passive "da X",
antecedent of a relative, controller of an infinitive, the body a spokesperson speaks for),
its objects and oblique phrases, owners of nouns, quantities."""
from __future__ import annotations

from typing import Optional

from kg.quantities import MULTIPLIERS
from kg.records import Word
from kg import timex
from kg.relations.facts import unique
from kg.relations.word_order import WordOrder
from kg.relations.words import (ADVERBIAL_RELATIVES, BY_CASES, CLITIC_OBJECTS, OF_CASES, PAIR_WORDS,
                                RELATIVE_PRONOUNS, STATE_NOUNS, TIME_UNITS, TO_CASES)


class Arguments(WordOrder):
    """Arguments of triggers read from the parse, over the sentence's mentions (WordOrder's fallbacks beneath)."""

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
        return self._entities_of_subjects(verb, subjects)

    def _entities_of_subjects(self, verb: Word, subjects: list[Word]) -> list[str]:
        """The entities subject words stand for: their own mentions, else what a relative
        pronoun, a spokesperson, an unnamed office, a state's body, "i due" or a delegation
        stands for."""
        v = self.view
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
            found = self.recent_entities(verb, 2, "Person", 1)
            if self.lexicon and any((s.lemma or "").lower() in self.lexicon.state_bodies | STATE_NOUNS for s in subjects):
                # "I due governi hanno firmato": the states of the two people named before
                states = unique(h for p in found for h in [self.home_state(p)] if h)
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

    def _names_a_pair(self, subject: Word) -> bool:
        """"i due", "i due leader", "entrambi i presidenti": a subject that counts two people."""
        return subject.text.lower() in PAIR_WORDS or any(
            k.text.lower() in PAIR_WORDS for k in self.view.kids(subject, "nummod", "det", "det:predet", "amod"))

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
