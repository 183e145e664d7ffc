"""Arguments read from word order, where the parse gives a trigger none: the actor before it
in its clause, the entities after it, the preposition that opens a phrase, the words of a
clause, quoted speech skipped."""
from __future__ import annotations

from typing import Optional

from kg.records import Word
from kg.relations.facts import unique
from kg.relations.lookup import MentionLookup
from kg.relations.words import (ARTICLES, CLAUSE_BREAKS, CLAUSE_WORDS, CLOSING_QUOTES, COPULAS, LEADING_VERBS,
                                OPENING_QUOTES, POSSESSIVES, PREPOSITIONS, RELATIVE_PRONOUNS, TIME_UNITS)


class WordOrder(MentionLookup):
    """Shallow fallbacks over the sentence's words, used where the parse gives a trigger no argument."""

    def has_possessive(self, noun: Word) -> bool:
        """"il suo (imminente) incontro": a possessive in the noun's phrase, before it."""
        words = self.sentence.words
        position = self.view.position(noun)
        for w in reversed(words[max(0, position - 3):position]):
            if w.upos == "ADP" or w.text in CLAUSE_BREAKS:
                return False
            if w.text.lower() in POSSESSIVES:
                return True
        return False

    def antecedent(self, pronoun: Word) -> list[str]:
        """The entity named just before a relative pronoun, a comma between at most."""
        words = self.sentence.words
        i = self.view.position(pronoun) - 1
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
        position = self.view.position(trigger)
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
        position = self.view.position(trigger)
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
        return unique(keys)

    def right_words(self, trigger: Word) -> list[Word]:
        words = self.sentence.words
        position = self.view.position(trigger)
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
        position = self.view.position(trigger)
        out: list[str] = []
        judged: set[str] = set()
        limit = position + (8 if adjacent else 14)
        aside = False
        for j in range(position + 1, len(words)):
            w = words[j]
            if j >= limit:
                break
            if cases is None and not adjacent and w.text == ",":
                # ", a margine del vertice," between the verb and its object: an aside, not counted
                aside = not aside and j + 1 < len(words) and (words[j + 1].upos == "ADP"
                                                             or words[j + 1].text.lower() in PREPOSITIONS)
            if aside:
                limit += 1
                continue
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
