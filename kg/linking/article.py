"""One article's mentions made into entity keys: short forms join the names they abbreviate.

Short person names join the full name they abbreviate ("Kim" → "Kim Jong-un"), places join
the longer name that ends with them ("Kursk" → "regione di Kursk"), generic treaty references
join the treaty named before them. Everything the gazetteer does not know keeps a key minted
from its name (kg.linking.names makes spelling variants mint the same key).
"""
from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field
from typing import Optional

from kg.gazetteer import Gazetteer
from kg.iris import slug
from kg.lexicon import Lexicon, mention_words
from kg.linking.model import Resolution, unique_key
from kg.linking.names import acronym_of, minted_key
from kg.linking.roles import resolve_roles
from kg.linking.treaties import TREATY_PREFIX, treaty_key
from kg.mentions import NAME_PARTICLES, ArticleMentions, name_core
from kg.mentions.spans import STREET_HEADS
from kg.records import Mention


#: kg/data/lexicon/mention_words.tsv: nouns for an area that no name of it needs ("regione")
AREA_HEADS = mention_words()["area_heads"]
#: "di" and its articled forms between a head noun and a name: "regione di", "porto dell'"
_OF = r"(?:(?:di|del|della|dello|dei|degli|delle) |dell['’] ?)"
#: " di ", " del ", " dell'": what parts a place from the place it is in
_OF_BETWEEN = re.compile(r"\s+(?:di|del|della|dello|dei|degli|delle|dell['’]|d['’])\s*")
_AREA = re.compile(rf"(?P<head>\w+) {_OF}(?P<name>[A-Z].*)$")
#: the same with an adjective after the head: "palazzo presidenziale di Ankara"
_PART = re.compile(rf"(?P<head>\w+) (?:[a-zà-ù]+ )?{_OF}(?P<name>[A-Z].*)$")


@dataclass
class _Article:
    """What one article has resolved so far."""

    am: ArticleMentions
    gaz: Gazetteer
    res: Resolution
    types: dict[str, str]
    persons: list[tuple[int, list[str]]] = field(default_factory=list)   # (mention, folded words) of names
    places: dict[str, str] = field(default_factory=dict)
    treaties: list[tuple[int, str]] = field(default_factory=list)        # (char offset, key)
    local: dict[tuple[str, str], str] = field(default_factory=dict)      # (type, folded text) -> key
    org_names: list[tuple[str, str]] = field(default_factory=list)       # (name, key) of organisations
    gazetteer_orgs: set[str] = field(default_factory=set)                # organisations the gazetteer names here

    @property
    def aid(self) -> str:
        return self.am.annotated.article.id

    def key(self, index: int) -> str:
        return self.res.mention_keys[(self.aid, index)]

    def assign(self, index: int, key: str, etype: str) -> str:
        key = unique_key(key, etype, self.types)
        self.res.mention_keys[(self.aid, index)] = key
        m = self.am.mentions[index]
        if m.kind in ("name", "treaty", "body"):
            self.res.surfaces[key][m.text] += 1
        if m.kind == "name" and etype == "Organization":
            self.org_names.append((m.text, key))
        if m.kind == "name" and etype == "Place":
            bare = _AREA.match(m.text)
            if bare is not None and bare.group("head").lower() in AREA_HEADS:
                # "regione del Nagorno-Karabakh" is also "Nagorno-Karabakh"
                self.res.surfaces[key][bare.group("name")] += 0
        return key

    def move(self, index: int, target: str) -> None:
        """A mention resolved already goes to another key; its form's count goes with it."""
        text = self.am.mentions[index].text
        self.res.surfaces[self.key(index)][text] -= 1
        self.res.surfaces[target][text] += 1
        self.res.mention_keys[(self.aid, index)] = target


def resolve_article(am: ArticleMentions, gaz: Gazetteer, res: Resolution, types: dict[str, str],
                    lexicon: Lexicon) -> None:
    art = _Article(am, gaz, res, types)
    # Longest names first so that short forms find the full name wherever it appears.
    order = sorted(range(len(am.mentions)),
                   key=lambda i: (-(len(am.mentions[i].text.split())), am.mentions[i].start_char))
    states = {m.key for m in am.mentions if m.key and m.type == "State"}
    absent = {i for i, m in enumerate(am.mentions) if m.key and _body_of_an_absent_state(gaz, m, states)}
    art.gazetteer_orgs = {m.key for i, m in enumerate(am.mentions) if m.key and m.type == "Organization"
                          and m.kind == "name" and i not in absent and gaz.get(m.key) is not None
                          and gaz.get(m.key).type == "Organization"}
    for i in order:
        m = am.mentions[i]
        folded = gaz.fold(m.text)
        if m.kind == "treaty_ref":
            continue
        if m.key and i not in absent:              # gazetteer match or demonym
            key = art.assign(i, m.key, m.type)
            if m.kind == "name":
                art.local[(m.type, folded)] = key
                if m.type == "Person":
                    art.persons.append((i, folded.split()))
            continue
        if (m.type, folded) in art.local:
            art.assign(i, art.local[(m.type, folded)], m.type)
            continue
        if _as_article_person(art, i, m, folded):
            continue
        expansion = acronym_of(m.text, art.org_names) if m.type != "Treaty" and m.kind == "name" else None
        expansion = expansion or _parenthesised_acronym(art, i, m)
        if expansion is not None:
            # "Commissione elettorale nazionale (Inec)": the acronym is the body its article names
            art.assign(i, expansion, "Organization")
            art.local[(m.type, folded)] = expansion
            continue
        if m.type == "Organization" and m.kind == "name":
            key = _organization_key(art, folded)
            if key is not None:
                art.assign(i, key, m.type)
                art.local[(m.type, folded)] = key
                continue
        if m.type == "Person":
            key = _person_key(art, i, m, folded)
        elif m.type == "Place":
            # "Kursk" after "regione di Kursk", "Indo-Pacifico" after "regione dell'Indo-Pacifico"
            key = _area_key(art, m) or next((k for name, k in art.places.items()
                                             if name.endswith(" " + folded) or name.endswith("'" + folded)), None) \
                or minted_key(m.text, m.type)
            art.places[folded] = key
        elif m.type == "Treaty":
            key = treaty_key(m.text, lexicon, art.aid)
        else:
            key = minted_key(m.text, m.type)
        key = art.assign(i, key, m.type)
        art.local[(m.type, folded)] = key
        if m.type == "Treaty":
            art.treaties.append((m.start_char, key))
    _bodies(art)
    _place_parts(art, lexicon)
    _one_type_per_name(art)
    _misspelt_people(art)
    _treaty_references(art, lexicon)
    _capitals(art)
    resolve_roles(am, gaz, res)


def _place_parts(art: _Article, lexicon: Lexicon) -> None:
    """A place named by a place noun and the place it is in ("l'aeroporto del Cairo", "il porto
    di Odessa", "il palazzo presidenziale di Ankara"; place_heads.txt) is part of that place, when
    the gazetteer knows it; so is a named place a place noun heads with the place it is in named
    after it ("l'aeroporto Internazionale Bole di Addis Abeba")."""
    text = art.am.annotated.article.text
    mentions = art.am.mentions
    for i, m in enumerate(mentions):
        if m.type != "Place" or m.kind != "name" or (art.aid, i) not in art.res.mention_keys:
            continue
        bare = _PART.match(m.text)
        if bare is not None and bare.group("head").lower() in lexicon.place_heads:
            entry = art.gaz.lookup(bare.group("name"))
            if entry is not None and entry.type == "Place":
                _part_of(art, i, entry)
            continue
        if m.text.split()[0].lower() not in lexicon.place_heads | STREET_HEADS:
            continue
        after = next((j for j, n in enumerate(mentions) if n.sentence == m.sentence and n.start_char > m.end_char
                      and _OF_BETWEEN.fullmatch(text[m.end_char:n.start_char])), None)
        entry = art.gaz.get(art.key(after)) if after is not None and (art.aid, after) in art.res.mention_keys else None
        if entry is not None and entry.type == "Place" and mentions[after].type == "Place":
            _part_of(art, i, entry)


def _part_of(art: _Article, i: int, entry) -> None:
    """Mention ``i`` names a place inside the gazetteer's place ``entry``, which lies in its state."""
    art.res.place_parts[art.key(i)] = entry.key
    if entry.state:
        art.res.place_states[entry.key] = entry.state


def _bodies(art: _Article) -> None:
    """Each state's body (kg.mentions.bodies) with the state named inside its phrase."""
    for i, m in enumerate(art.am.mentions):
        if m.kind != "body":
            continue
        keys = art.res.mention_keys
        state = next((keys[(art.aid, j)] for j, s in enumerate(art.am.mentions)
                      if s.type == "State" and s.sentence == m.sentence and m.start_char <= s.start_char
                      and s.end_char <= m.end_char and (art.aid, j) in keys), None)
        if state and (art.aid, i) in keys:
            art.res.bodies[keys[(art.aid, i)]] = state


def _body_of_an_absent_state(gaz: Gazetteer, m: Mention, states: set[str]) -> bool:
    """"la Camera dei Rappresentanti" in an article about Japan: a national body the gazetteer
    knows by a name that does not say whose it is links only where the article names that
    state; elsewhere it is an organisation of its own name (no link beats a wrong link)."""
    entry = gaz.get(m.key) if m.kind == "name" else None
    if entry is None or entry.type != "Organization" or not entry.state or entry.state in states:
        return False
    state = gaz.get(entry.state)
    if state is None:
        return False
    own = [gaz.fold(n) for n in (state.name_it, *state.names)] + \
        [gaz.fold(d) for d in state.get_extra("demonyms").split("|") if d]
    text = f" {gaz.fold(m.text)} "
    return not any(f" {n} " in text for n in own)


def _as_article_person(art: _Article, i: int, m: Mention, folded: str) -> bool:
    """NER typing a surname alone as a place ("Choïgou", "Al Thani"): the article's person wins."""
    words = folded.split()
    if m.type not in ("Place", "Organization") or m.kind != "name" or len(words) > 2:
        return False
    person = next((j for j, full in art.persons if len(core := name_core(full)) > len(words)
                   and core[-len(words):] == words), None)
    if person is None and len(words) == 1 and m.key is None:
        # "Xi", "Yoon" typed a place: the family name that opens the article's one full name
        firsts = {art.key(j) for j, full in art.persons if len(full) >= 2 and full[0] == words[0]}
        person = next(j for j, full in art.persons if art.key(j) in firsts) if len(firsts) == 1 else None
    if person is None:
        # "Kishida e Yoon": the one person of the gazetteer with this surname, where the name is
        # no place or body the gazetteer knows
        entry = art.gaz.unique_surname(m.text) if len(words) == 1 and m.key is None \
            and art.gaz.lookup(m.text) is None and art.gaz.metonym(m.text) is None else None
        if entry is None:
            return False
        art.assign(i, entry.key, "Person")
        return True
    art.assign(i, art.key(person), "Person")
    return True


def _area_key(art: _Article, m: Mention) -> Optional[str]:
    """"la regione del Nagorno-Karabakh": the place the gazetteer or the article knows by the
    name without the area noun."""
    bare = _AREA.match(m.text)
    if bare is None or bare.group("head").lower() not in AREA_HEADS:
        return None
    entry = art.gaz.lookup(bare.group("name"))
    if entry is not None and entry.type == "Place":
        return entry.key
    return art.local.get(("Place", art.gaz.fold(bare.group("name"))))


def _parenthesised_acronym(art: _Article, i: int, m: Mention) -> Optional[str]:
    """"la Commissione elettorale nazionale (Inec)", "il Partito Liberal-Democratico (Ldp)": an
    acronym in brackets right after an organisation's name is that organisation, whatever
    language its letters come from."""
    letters = m.text.replace(".", "")
    if m.kind != "name" or m.type == "Treaty" or not (2 <= len(letters) <= 6 and letters.isalpha()
                                                      and letters[:1].isupper()):
        return None
    text = art.am.annotated.article.text
    if text[m.end_char:m.end_char + 1] != ")" or text[:m.start_char].rstrip()[-1:] != "(":
        return None
    opening = text[:m.start_char].rstrip()[:-1].rstrip()
    for j, other in enumerate(art.am.mentions):
        if j != i and other.type == "Organization" and other.kind == "name" and len(other.text.split()) >= 2 \
                and other.end_char == len(opening) and (art.aid, j) in art.res.mention_keys:
            return art.key(j)
    return None


def _organization_key(art: _Article, folded: str) -> Optional[str]:
    """An organisation named before under a longer name of the same article."""
    words = folded.split()
    for (etype, name), k in sorted(art.local.items()):
        # "Armata Rossa" and "Armata Rossa sovietica" in one article: one organisation.
        rest = name[len(folded) + 1:] if name.startswith(folded + " ") else None
        if etype == "Organization" and rest and " " not in rest and art.gaz.demonym(rest) is not None:
            return k
    if len(words) > 1 and art.gaz.demonym(words[-1]) is not None:
        key = art.local.get(("Organization", " ".join(words[:-1])))
        if key is not None:
            return key
    # "la Corte internazionale di giustizia dell'Aja" ... "la Corte internazionale di giustizia" ...
    # "la Corte": the one body the article names with a longer name that begins so
    longer = {k for (etype, name), k in art.local.items()
              if etype == "Organization" and name.startswith(folded + " ")}
    # "Ue" ... "l'Unione", "la Nato" ... "l'Alleanza": the one body of the gazetteer the article
    # names (by any of its names) whose full name begins so
    longer |= {k for k in art.gazetteer_orgs
               if any(art.gaz.fold(n).startswith(folded + " ") for n in art.gaz.get(k).names)}
    if len(longer) == 1:
        return longer.pop()
    return None


def _person_key(art: _Article, i: int, m: Mention, folded: str) -> str:
    """A person's key: the full name the article gives that this one abbreviates, the one
    person of the gazetteer with this surname, or a key minted from the name."""
    words = folded.split()
    shortened = []
    for j, full in art.persons:
        core = name_core(full)   # "Marcos" is "Ferdinand Marcos Jr."
        if len(words) < len(full) and (full[:len(words)] == words or full[-len(words):] == words
                                       or len(words) < len(core) and core[-len(words):] == words):
            shortened.append((art.key(j), j))
    if shortened:
        # "Kim" after "Kim Jong-un" (three times) and "Kim Il-sung" (once): the one the article
        # names in full most often; at a tie, the one the gazetteer knows ("Trudeau" after
        # "Sophie Grégoire Trudeau" and "Justin Trudeau" once each), then the first named
        counts = Counter(key for key, _ in shortened)
        first = {key: min(j for k, j in shortened if k == key) for key in counts}   # mentions are in text order
        return min(counts, key=lambda k: (-counts[k], art.gaz.get(k) is None, first[k]))
    if len(words) == 1 and len(words[0]) > 2 and words[0] not in NAME_PARTICLES:
        # "Lula" of "Luiz Inácio Lula da Silva", "Sánchez" of "Pedro Sánchez Pérez-Castejón":
        # an inner word of one full name the article gives, and of no other
        inner = {art.key(j) for j, full in art.persons
                 if len(core := name_core(full)) >= 3 and words[0] in core[1:-1]}
        if len(inner) == 1:
            return inner.pop()
    if len(words) == 1:
        entry = art.gaz.unique_surname(m.text)
        if entry is not None:
            return entry.key
    art.persons.append((i, words))
    return minted_key(m.text, "Person")


#: Where NER gives one unknown name several types in an article, ties go to the first of these.
_TYPE_ORDER = ("Organization", "Place", "Person")


def _one_type_per_name(art: _Article) -> None:
    """"Aukus" typed an organisation twice and a person once in one article is one
    organisation: a name the gazetteer does not know keeps one type per article, the type NER
    gave it most often."""
    groups: dict[str, list[int]] = {}
    for i, m in enumerate(art.am.mentions):
        if m.kind == "name" and m.key is None and m.type in _TYPE_ORDER and (art.aid, i) in art.res.mention_keys \
                and art.key(i).startswith("x-"):
            groups.setdefault(art.gaz.fold(m.text), []).append(i)
    for indices in groups.values():
        types = Counter(art.am.mentions[i].type for i in indices)
        if len(types) < 2:
            continue
        best = min(types, key=lambda t: (-types[t], _TYPE_ORDER.index(t)))
        target = next((art.key(i) for i in indices if art.am.mentions[i].type == best), None)
        for i in indices:
            if art.key(i) != target:
                art.move(i, target)


def _one_edit(a: str, b: str) -> bool:
    """Whether two different strings differ by one letter inserted, dropped or changed."""
    if a == b or abs(len(a) - len(b)) > 1:
        return False
    if len(a) > len(b):
        a, b = b, a
    i = next((k for k in range(len(a)) if a[k] != b[k]), len(a))
    return a[i + (len(a) == len(b)):] == b[i + 1:]


def _misspelt_people(art: _Article) -> None:
    """A name the article writes once and the gazetteer does not know, one letter away from a
    person the article names more often, is that person misspelt: "Friedrch Merz" beside
    "Friedrich Merz", "Zelensly" beside "Volodymyr Zelensky". Whole names of six letters or
    more only, so "Kim Jong Un" and "Kim Jong Il" (two letters) stay two people."""
    mine = [(i, art.key(i)) for i, m in enumerate(art.am.mentions) if m.type == "Person" and m.kind == "name"
            and (art.aid, i) in art.res.mention_keys]
    counts = Counter(k for _, k in mine)
    forms: dict[str, set[str]] = {}
    for i, k in mine:
        words = art.gaz.fold(art.am.mentions[i].text).split()
        forms.setdefault(k, set()).update({" ".join(words), words[-1]} if len(words) > 1 else {words[0]})
    for i, key in mine:
        m = art.am.mentions[i]
        if counts[key] != 1 or art.gaz.get(key) is not None or not key.startswith("x-"):
            continue
        folded = art.gaz.fold(m.text)
        near = {k for k, names in forms.items() if k != key and counts[k] >= 2
                and any(len(n) >= 6 and (" " in n) == (" " in folded) and _one_edit(folded, n) for n in names)}
        if len(near) == 1:
            art.move(i, near.pop())


def _treaty_references(art: _Article, lexicon: Lexicon) -> None:
    """Generic treaty references ("il trattato", "l'accordo") join the treaty named last
    before them, or the article's only treaty. One with none before it is a treaty of its
    own where its sentence signs it ("hanno firmato l'accordo"): a specific agreement the
    article does not name (guidelines: signed, named, dated or referred back to), keyed
    within its article, which the references after it join."""
    art.treaties.sort()
    distinct = {k for _, k in art.treaties}
    sentences = {s.index: s for s in art.am.annotated.sentences}
    for i, m in enumerate(art.am.mentions):
        if m.kind != "treaty_ref":
            continue
        before = [k for pos, k in art.treaties if pos < m.start_char]
        key = before[-1] if before else (next(iter(distinct)) if len(distinct) == 1 else None)
        if key is None and any(lexicon.frame(w.lemma, w.upos) == "sign" for w in sentences[m.sentence].words):
            key = unique_key(TREATY_PREFIX + slug(f"{art.aid} {m.text}"), "Treaty", art.types)
            art.res.mention_keys[(art.aid, i)] = key
            art.res.surfaces[key][m.text] += 1
            art.treaties = sorted(art.treaties + [(m.start_char, key)])
            distinct.add(key)
            continue
        if key:
            art.res.mention_keys[(art.aid, i)] = key
            art.res.surfaces[key][m.text] += 0  # known form, never the label
            art.res.role_labels[key].add(m.text)


def _capitals(art: _Article) -> None:
    """Capitals and seats standing for their state; places the gazetteer puts in a state."""
    for i, m in enumerate(art.am.mentions):
        if m.type == "Place" and (art.aid, i) in art.res.mention_keys:
            state = art.gaz.metonym(m.text)
            if state is not None:
                art.res.metonyms[art.key(i)] = state.key
            entry = art.gaz.get(m.key) if m.key else None
            if entry is not None and entry.state:
                art.res.place_states[m.key] = entry.state
