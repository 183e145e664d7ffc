"""Parties a noun names in word order where the parse scatters them: two names joined by a
hyphen ("l'incontro Macron-Scholz"), a list after "tra" ("il vertice tra Macron, Scholz e
Sánchez"), a list of "di" phrases ("la visita del premier Draghi, del presidente Macron e del
cancelliere Scholz"). A mixin of kg.relations.lookup.MentionLookup, whose lookups it reads."""
from __future__ import annotations

from kg.italian import OF_FAMILY
from kg.records import Word


class PartyLists:
    """Lists of parties read from the words after a noun (MentionLookup provides ``sentence``,
    ``view``, ``names_within``, ``type_of`` and the entity and role-person lookups)."""

    def hyphen_pair_after(self, noun: Word) -> list[str]:
        """The two names joined by a hyphen right after a noun: "l'incontro Macron-Scholz",
        "il vertice Mosca-Pyongyang" (one word of two names, or three words with no space)."""
        words = self.sentence.words
        i = self.view.position(noun)
        if i + 1 >= len(words):
            return []
        inner = self.names_within(words[i + 1])
        if len(inner) == 2 and inner[0] != inner[1]:
            return inner
        first = self._entity_at(words[i + 1], False)
        j = i + 1
        while first and j + 1 < len(words) and self._entity_at(words[j + 1], False) == first:
            j += 1
        if not first or j + 2 >= len(words) or words[j + 1].text not in ("-", "–") \
                or words[j + 1].start_char != words[j].end_char or words[j + 2].start_char != words[j + 1].end_char:
            return []
        second = self._entity_at(words[j + 2], False)
        return [first, second] if second and second != first else []

    def between_list(self, noun: Word, minimum: int = 3) -> list[str]:
        """``minimum`` or more parties listed after "tra" near a noun and closed by "e": "il vertice tra
        il presidente francese Macron, il cancelliere tedesco Scholz e il premier spagnolo
        Sánchez" (the parse seldom keeps such a list whole). A name inside a
        role's words is the role's person; the list ends at a verb or other punctuation. A list
        of two must be in the noun's own phrase, no clause or comma between ("i colloqui
        indiretti sul nucleare tra Iran e Stati Uniti", not "il colloquio che ha confermato la
        vicinanza tra Italia e Stati Uniti")."""
        words = self.sentence.words
        i = self.view.position(noun)
        k = next((j for j in range(i + 1, min(len(words), i + 9)) if words[j].text.lower() in ("tra", "fra")), None)
        if k is None or minimum < 3 and any(w.upos in ("VERB", "AUX", "PRON", "SCONJ", "PUNCT") for w in words[i + 1:k]):
            return []
        items: list[str] = []
        separator, closed = None, False
        for w in words[k + 1:]:
            low = w.text.lower()
            if low in (",", "e", "ed"):
                separator = "e" if low != "," else ","
                continue
            if w.upos in ("VERB", "AUX", "PUNCT", "SCONJ") or (w.upos == "ADP" and low not in OF_FAMILY):
                break
            key = self._role_person_at(w) or self._entity_at(w, False)
            if key and key not in items and (not items or separator):
                items.append(key)
                closed, separator = separator == "e", None
        return items if closed and len(items) >= minimum else []

    def of_list(self, noun: Word) -> list[str]:
        """The people listed as a noun's "di" phrases, closed by "e" ("la visita a Kiev del premier
        Draghi, del presidente francese Macron e del cancelliere tedesco Scholz": the parse hangs
        each phrase on the one before); [] unless two or more. Each item after the first opens
        with "," or "e" right before a "di" preposition (", segretario del Consiglio e stretto
        collaboratore di Putin" is an aside); the list ends at a verb or other punctuation."""
        words = self.sentence.words
        items: list[str] = []
        separator, opened, closed, fresh = None, False, False, False
        for w in words[self.view.position(noun) + 1:]:
            low = w.text.lower()
            if low in (",", "e", "ed"):
                separator, opened, fresh = ("e" if low != "," else ","), False, True
                continue
            if w.upos in ("VERB", "AUX", "PUNCT", "SCONJ"):
                break
            if fresh and not (w.upos == "ADP" and low in OF_FAMILY):
                separator = None    # ", segretario del Consiglio e stretto collaboratore di X": an aside, no item
            fresh = False
            if w.upos == "ADP":
                opened = low in OF_FAMILY
                continue
            key = self._role_person_at(w) or self._entity_at(w, False)
            if not key or key in items or self.type_of(key) != "Person":
                continue
            if not items and opened:
                items.append(key)
            elif items and separator and opened:
                items.append(key)
                closed, separator = separator == "e", None
        return items if closed and len(items) >= 2 else []
