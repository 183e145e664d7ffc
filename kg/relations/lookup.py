"""What a word of a sentence refers to: the entity of the mention or role description
covering it, the state a person leads or serves, the treaty a sentence names, the people
named last. The base of the sentence context the relation rules read (kg.relations.context)."""
from __future__ import annotations

from dataclasses import dataclass
from functools import cached_property
from typing import Iterable, Optional

from kg.gazetteer import load_gazetteer
from kg.lexicon import Lexicon
from kg.linking import Resolution
from kg.mentions import ArticleMentions
from kg.mentions.plural_roles import is_plural_role
from kg.quantities import NUMBER_WORDS
from kg.records import Mention, RoleMention, Sentence, Word
from kg.relations.party_lists import PartyLists
from kg.relations.sentence import SentenceView
from kg.relations.words import PAIR_WORDS, STATE_NOUNS


@dataclass
class MentionLookup(PartyLists):
    """One sentence of an article with its mentions, roles and their resolution."""

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
                elif self.type_of(own) == "Person":
                    # "il presidente della Francia, Macron, e l'omologo della Polonia, Duda": or on
                    # the role's holder; only people coordinated there are the role's
                    words = words + [x for x in self.view.kids(c, "conj") if x not in words
                                     and self.type_of(self._entity_at(x, demonyms) or "") == "Person"]
        for w in words:
            key = self._entity_at(w, demonyms)
            if not key:
                # "il presidente Emmanuel Macron": the name in apposition to the head noun
                key = next((k for a in self.view.kids(w, "appos") if (k := self._entity_at(a, demonyms))), None)
            if not key and w is word and w.upos == "NOUN" and "Number=Plur" in (w.feats or ""):
                # "dai presidenti Vladimir Putin e Kim Jong-un": the first name hung on the plural
                # role with no preposition, the others its conjuncts
                key = next((k for a in self.view.kids(w, "nmod") if not self.view.case_of(a)
                            and (k := self._entity_at(a, demonyms)) and self.type_of(k) == "Person"), None)
            if key:
                keys.append(key)
        if word.upos == "NOUN" and "Number=Plur" in (word.feats or "") and self._plural_roles:
            keys += [k for k in self._plural_role_people(word) if k not in keys]
        if not keys and word.upos == "NOUN" and (word.lemma or "").lower() in STATE_NOUNS:
            keys = self._counted_states(word)
        return keys

    def _counted_states(self, noun: Word) -> list[str]:
        """"i due Paesi", "dai tre Paesi": as many states as the count says, the last ones the
        article named before the noun in this sentence or the two before; [] if fewer."""
        count = next((2 if c.text.lower() in PAIR_WORDS else NUMBER_WORDS.get(c.text.lower(), 0)
                      for c in self.view.kids(noun, "nummod", "det", "det:predet", "amod")
                      if c.text.lower() in PAIR_WORDS or c.text.lower() in NUMBER_WORDS), 0)
        return self.recent_entities(noun, count, "State", 2) if 2 <= count <= 5 else []

    @cached_property
    def _plural_roles(self) -> list[tuple[int, RoleMention]]:
        """This sentence's plural role descriptions that name their person, with their index."""
        return [(r_index, role) for r_index, role in enumerate(self.am.roles)
                if role.sentence == self.sentence.index and role.person is not None
                and is_plural_role(role, self.am.mentions)]

    def _plural_role_people(self, noun: Word) -> list[str]:
        """"ha incontrato i ministri degli Esteri dell'Armenia, X, e dell'Azerbaigian, Y": the
        people the plural role descriptions below the noun name (kg.mentions.plural_roles)."""
        aid = self.am.annotated.article.id
        below = self.view.subtree(noun)
        start, end = min(w.start_char for w in below), max(w.end_char for w in below)
        people = []
        for r_index, role in self._plural_roles:
            key = self.res.role_persons.get((aid, r_index))
            if key and key not in people and start <= role.start_char \
                    and self.am.mentions[role.person].end_char <= end:
                people.append(key)
        return people

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

    def origin_state(self, person: str) -> Optional[str]:
        """Where a person comes from, for telling a visit from a meeting at home: the state the
        article makes them an official of, else the one state the gazetteer has them in office
        for in the article's year ("Meloni ha incontrato Tebboune ad Algeri": Meloni came from
        Italy whether or not the article says so). Never an office fact itself: those need the
        article to name the state (kg.relations.standing)."""
        home = self.home_state(person)
        return home if home is not None else office_state(person, self.article_date)

    def _state_of(self, person: str, leaders_only: bool) -> Optional[str]:
        aid = self.am.annotated.article.id
        for r_index, role in enumerate(self.am.roles):
            if (role.predicate == "leaderOf" or not leaders_only) and self.res.role_persons.get((aid, r_index)) == person:
                holder = self.res.holder_of(aid, r_index, role)
                if holder and self.type_of(holder) == "State":
                    return holder
        return None

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
        """A capital standing as a party ("la lettera da Mosca a Pyongyang") is its state, and so
        is a state's body ("il governo venezuelano ha criticato": kg.mentions.bodies)."""
        return self.res.metonyms.get(key) or self.res.bodies.get(key, key)

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

    def names_within(self, w: Word) -> list[str]:
        """Every name inside one word: "Mosca-Pyongyang" is Russia and North Korea."""
        aid = self.am.annotated.article.id
        return [k for index, m in enumerate(self.am.mentions)
                if m.sentence == self.sentence.index and w.start_char <= m.start_char and m.end_char <= w.end_char
                and (k := self.res.key_of(aid, index))]

    def recent_entities(self, before: Word, count: int, etype: str, sentences_back: int) -> list[str]:
        """The last ``count`` different entities of ``etype`` named before ``before`` in this
        sentence or the ``sentences_back`` before it ("X ha incontrato Y. I due hanno firmato",
        "Estonia e Portogallo ... i due Paesi"); [] if fewer are."""
        found: list[str] = []
        aid = self.am.annotated.article.id
        for index, m in enumerate(self.am.mentions):
            if m.start_char >= before.start_char:
                break
            key = self.res.key_of(aid, index) if m.sentence >= self.sentence.index - sentences_back else None
            if key and self.type_of(key) == etype:
                found = [k for k in found if k != key] + [key]
        return found[-count:] if len(found) >= count else []

    def recent_person(self, before: Word, exclude: Iterable[str] = (), roles: bool = False) -> list[str]:
        """The person named last before ``before`` in the article ("le sue parole" -> Macron);
        with ``roles``, a role description standing for a person counts as naming them ("il
        presidente ucraino ha incontrato Mattarella che lo ha accolto" -> Zelensky)."""
        exclude = set(exclude)
        aid = self.am.annotated.article.id
        named = [(m.start_char, self.res.key_of(aid, index)) for index, m in enumerate(self.am.mentions)]
        if roles:
            named += [(r.start_char, self.res.role_persons.get((aid, r_index)))
                      for r_index, r in enumerate(self.am.roles)]
        best = None
        for start, key in sorted(named, key=lambda x: x[0]):
            if start >= before.start_char:
                break
            if key and self.type_of(key) == "Person" and key not in exclude:
                best = key
        return [best] if best else []

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

    def dateline_place(self) -> Optional[str]:
        """The place a dateline opens the article with ("PECHINO, 3 giugno 2027 –"), if any."""
        text = self.am.annotated.article.text
        first = len(text) - len(text.lstrip())
        for index, m in enumerate(self.am.mentions):
            if m.start_char == first and m.type == "Place" and text[m.end_char:m.end_char + 1] == ",":
                key = self.res.key_of(self.am.annotated.article.id, index)
                return key if key and self.type_of(key) == "Place" else None
        return None


def office_state(person: str, date: Optional[str]) -> Optional[str]:
    """The one state the gazetteer has the person in office for in the year of ``date`` (with
    no date, the one they still serve), else None."""
    gaz = load_gazetteer()
    entry = gaz.get(person)
    year = int(date[:4]) if date and date[:4].isdigit() else None
    states = {o.state for o in (entry.positions if entry else ())
              if (year is None and o.until is None)
              or (year is not None and (o.since is None or o.since <= year) and (o.until is None or year <= o.until))}
    states = {s for s in states if (e := gaz.get(s)) is not None and e.type == "State"}
    return next(iter(states)) if len(states) == 1 else None
