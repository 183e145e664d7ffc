"""Entity resolution and linking: mentions become entities with stable keys.

Within an article: short person names join the full name they abbreviate ("Kim" → "Kim
Jong-un"), places join the longer name that ends with them ("Kursk" → "regione di Kursk"),
role descriptions join the person they describe, generic treaty references join the
treaty named before them. Linking: a gazetteer match gives the Wikidata QID; a surname that
matches exactly one person in the gazetteer is linked to them. Everything else keeps a
minted key from its name: no link beats a wrong link. Across articles entities merge by key.
"""
from __future__ import annotations

from collections import Counter, defaultdict
from dataclasses import dataclass, field
from typing import Iterable, Optional

from kg.gazetteer import Gazetteer
from kg.iris import slug
from kg.lexicon import Lexicon, load_lexicon
from kg.mentions import NAME_PARTICLES, ArticleMentions, name_core
from kg.records import Entity, Mention


@dataclass
class Resolution:
    """Entities of a build and which entity each mention and role description refers to."""

    entities: dict[str, Entity] = field(default_factory=dict)
    mention_keys: dict[tuple[str, int], str] = field(default_factory=dict)
    role_persons: dict[tuple[str, int], str] = field(default_factory=dict)
    metonyms: dict[str, str] = field(default_factory=dict)   # capital place key -> state key
    #: place key -> the state the gazetteer puts it in ("New York" -> United States)
    place_states: dict[str, str] = field(default_factory=dict)
    surfaces: dict[str, Counter] = field(default_factory=lambda: defaultdict(Counter))
    role_labels: dict[str, set[str]] = field(default_factory=lambda: defaultdict(set))
    #: (role phrase, holder) -> people the corpus names in that role, for role descriptions
    #: an article leaves unnamed; and those descriptions, resolved after every article is read.
    corpus_roles: dict[tuple[str, str], set[str]] = field(default_factory=dict)
    pending_roles: list[tuple] = field(default_factory=list)
    #: the state a role description names none for, from the gazetteer's record of the
    #: person in it ("la presidente del Consiglio Giorgia Meloni" -> Italy)
    role_holders: dict[tuple[str, int], str] = field(default_factory=dict)

    def key_of(self, article_id: str, index: Optional[int]) -> Optional[str]:
        return None if index is None else self.mention_keys.get((article_id, index))

    def holder_of(self, article_id: str, r_index: int, role) -> Optional[str]:
        """The state or organisation a role description belongs to: named in the text, or
        known from the gazetteer's record of the person the role describes."""
        return self.key_of(article_id, role.holder) or self.role_holders.get((article_id, r_index))


def _fold(gazetteer: Gazetteer, text: str) -> str:
    return gazetteer.fold(text)


def resolve(articles: Iterable[ArticleMentions], gazetteer: Gazetteer,
            lexicon: Optional[Lexicon] = None) -> Resolution:
    res = Resolution()
    types: dict[str, str] = {}
    articles = list(articles)
    lexicon = lexicon or load_lexicon()
    for am in articles:
        _resolve_article(am, gazetteer, res, types, lexicon)
    _resolve_pending_roles(res)
    _merge_treaties(res, types)
    _build_entities(articles, gazetteer, res, types)
    return res


TREATY_PREFIX = "x-treaty-"


def _treaty_key(text: str, lexicon: Lexicon) -> str:
    """Treaties are keyed by their normalised content words, so one treaty named several
    ways ("patto di difesa reciproca", "trattato di mutua difesa") is one entity."""
    signature = lexicon.treaty_signature(text)
    return TREATY_PREFIX + slug("-".join(signature)) if signature else "x-" + slug(text)


def _merge_treaties(res: Resolution, types: dict[str, str]) -> None:
    """A treaty whose content words are a subset of exactly one other treaty's is that treaty
    ("partenariato strategico" -> "partenariato strategico globale")."""
    keys = sorted({k for k in res.mention_keys.values() if k.startswith(TREATY_PREFIX)})
    words = {k: set(k[len(TREATY_PREFIX):].split("-")) for k in keys}
    remap = {}
    for k in keys:
        supersets = [o for o in keys if o != k and words[k] < words[o]]
        if len(supersets) == 1:
            remap[k] = supersets[0]
    for index, key in list(res.mention_keys.items()):
        if key in remap:
            res.mention_keys[index] = remap[key]
            res.surfaces[remap[key]].update(res.surfaces.pop(key, Counter()))
            res.role_labels[remap[key]] |= res.role_labels.pop(key, set())


def _resolve_article(am: ArticleMentions, gaz: Gazetteer, res: Resolution, types: dict[str, str],
                     lexicon: Lexicon) -> None:
    aid = am.annotated.article.id
    persons: list[tuple[int, list[str]]] = []    # (mention index, folded tokens) of full names
    places: dict[str, str] = {}
    treaties: list[tuple[int, str]] = []         # (char offset, key)
    local: dict[tuple[str, str], str] = {}       # (type, folded text) -> key

    def assign(index: int, key: str, etype: str) -> None:
        key = _unique_key(key, etype, types)
        res.mention_keys[(aid, index)] = key
        m = am.mentions[index]
        if m.kind in ("name", "treaty"):
            res.surfaces[key][m.text] += 1

    order = sorted(range(len(am.mentions)),
                   key=lambda i: (-(len(am.mentions[i].text.split())), am.mentions[i].start_char))
    # Longest names first so that short forms find the full name wherever it appears.
    for i in order:
        m = am.mentions[i]
        folded = _fold(gaz, m.text)
        if m.kind == "treaty_ref":
            continue
        if m.key:                                   # gazetteer match or demonym
            assign(i, m.key, m.type)
            if m.kind == "name":
                local[(m.type, folded)] = res.mention_keys[(aid, i)]
                if m.type == "Person":
                    persons.append((i, folded.split()))
            continue
        if (m.type, folded) in local:
            assign(i, local[(m.type, folded)], m.type)
            continue
        key = None
        words = folded.split()
        if m.type in ("Place", "Organization") and m.kind == "name" and len(words) <= 2:
            # NER typing a surname alone as a place ("Choïgou", "Al Thani"): the article's person wins.
            person = next((j for j, full in persons if len(core := name_core(full)) > len(words)
                           and core[-len(words):] == words), None)
            if person is not None:
                assign(i, res.mention_keys[(aid, person)], "Person")
                continue
        if m.type == "Organization" and m.kind == "name":
            # "Armata Rossa" and "Armata Rossa sovietica" in one article: one organisation.
            for (etype, name), k in sorted(local.items()):
                rest = name[len(folded) + 1:] if name.startswith(folded + " ") else None
                if etype == "Organization" and rest and " " not in rest and gaz.demonym(rest) is not None:
                    key = k
                    break
            if key is None and len(words) > 1 and gaz.demonym(words[-1]) is not None:
                key = local.get(("Organization", " ".join(words[:-1])))
            if key is None and len(words) == 1:
                # "la Commissione europea" ... "la Commissione": the one body the article names so
                longer = {k for (etype, name), k in local.items()
                          if etype == "Organization" and name.startswith(folded + " ")}
                key = longer.pop() if len(longer) == 1 else None
            if key is not None:
                assign(i, key, m.type)
                local[(m.type, folded)] = key
                continue
        if m.type == "Person":
            for j, full in persons:
                core = name_core(full)   # "Marcos" is "Ferdinand Marcos Jr."
                if len(words) < len(full) and (full[:len(words)] == words or full[-len(words):] == words
                                               or len(words) < len(core) and core[-len(words):] == words):
                    key = res.mention_keys[(aid, j)]
                    break
            if key is None and len(words) == 1 and len(words[0]) > 2 and words[0] not in NAME_PARTICLES:
                # "Lula" of "Luiz Inácio Lula da Silva", "Sánchez" of "Pedro Sánchez Pérez-Castejón":
                # an inner word of one full name the article gives, and of no other
                inner = {res.mention_keys[(aid, j)] for j, full in persons
                         if len(core := name_core(full)) >= 3 and words[0] in core[1:-1]}
                key = inner.pop() if len(inner) == 1 else None
            if key is None and len(words) == 1:
                entry = gaz.unique_surname(m.text) if hasattr(gaz, "unique_surname") else None
                key = entry.key if entry else None
            if key is None:
                key = "x-" + slug(m.text)
                persons.append((i, words))
        elif m.type == "Place":
            for name, k in places.items():
                if name.endswith(" " + folded):
                    key = k
                    break
            key = key or "x-" + slug(m.text)
            places[folded] = key
        elif m.type == "Treaty":
            key = _treaty_key(m.text, lexicon)
        else:
            key = "x-" + slug(m.text)
        assign(i, key, m.type)
        local[(m.type, folded)] = res.mention_keys[(aid, i)]
        if m.type == "Treaty":
            treaties.append((m.start_char, res.mention_keys[(aid, i)]))
    # Generic treaty references ("il trattato", "l'accordo") join the treaty named last before
    # them, or the article's only treaty.
    treaties.sort()
    for i, m in enumerate(am.mentions):
        if m.kind != "treaty_ref":
            continue
        before = [k for pos, k in treaties if pos < m.start_char]
        distinct = {k for _, k in treaties}
        key = before[-1] if before else (next(iter(distinct)) if len(distinct) == 1 else None)
        if key:
            res.mention_keys[(aid, i)] = key
            res.surfaces[key][m.text] += 0  # known form, never the label
            res.role_labels[key].add(m.text)
    # Capitals and seats standing for their state.
    for i, m in enumerate(am.mentions):
        if m.type == "Place" and (aid, i) in res.mention_keys:
            state = gaz.metonym(m.text)
            if state is not None:
                res.metonyms[res.mention_keys[(aid, i)]] = state.key
            entry = gaz.get(m.key) if m.key else None
            if entry is not None and entry.state:
                res.place_states[m.key] = entry.state
    _resolve_roles(am, gaz, res)


def _resolve_roles(am: ArticleMentions, gaz: Gazetteer, res: Resolution) -> None:
    aid = am.annotated.article.id
    by_role: dict[tuple[str, str], str] = {}
    #: one office under two names in an article ("il re di Giordania Abdallah II" ... "il
    #: sovrano giordano"): the person, by the office's position, for positions one person holds
    by_position: dict[tuple[str, str], str] = {}
    pending = []
    #: "Il re di Spagna Felipe VI ... Il sovrano è stato accolto": a bare role with neither
    #: holder nor name is the person last described by a role of the same office
    last_in_office: dict[str, str] = {}
    for r_index, role in enumerate(am.roles):
        holder = res.key_of(aid, role.holder)
        person = res.key_of(aid, role.person)
        if person and role.position != "other":
            last_in_office[role.position] = person
        if not person and not holder and role.position != "other" and role.position in last_in_office:
            person = last_in_office[role.position]
            res.role_persons[(aid, r_index)] = person
            continue
        if person and not holder:
            # the text names the person but not whose office it is: the gazetteer may know
            entry = gaz.get(person)
            states = {o.state for o in (entry.positions if entry else ()) if o.position == role.position}
            if len(states) == 1:
                res.role_holders[(aid, r_index)] = states.pop()
            res.role_persons[(aid, r_index)] = person
            if " " in role.text:  # "ministro della Difesa" names an office; a bare "presidente" does not
                res.role_labels[person].add(role.text)
        elif person and holder:
            by_role[(role.phrase, holder)] = person
            if role.position != "other":
                by_position.setdefault((role.position, holder), person)
            res.corpus_roles.setdefault((role.phrase, holder), set()).add(person)
            res.role_persons[(aid, r_index)] = person
            res.role_labels[person].add(role.text)
        else:
            pending.append((r_index, role, holder))
    article_people = {res.mention_keys[(aid, i)] for i, m in enumerate(am.mentions)
                      if m.type == "Person" and (aid, i) in res.mention_keys}
    for r_index, role, holder in pending:
        if not holder:
            continue
        person = by_role.get((role.phrase, holder)) or \
            (by_position.get((role.position, holder)) if role.position != "other" else None)
        if person is None:
            res.pending_roles.append((aid, r_index, role.phrase, holder, frozenset(article_people)))
        if person is None and hasattr(gaz, "people_in_office"):
            candidates = [e.key for e in gaz.people_in_office(holder, role.position)
                          if e.key in article_people]
            person = candidates[0] if len(candidates) == 1 else None
        if person:
            res.role_persons[(aid, r_index)] = person
            res.role_labels[person].add(role.text)


def _resolve_pending_roles(res: Resolution) -> None:
    """"il presidente della Duma" with no name beside it: the one person another article
    names in that role, if this article mentions them too."""
    for aid, r_index, phrase, holder, people in res.pending_roles:
        if (aid, r_index) in res.role_persons:
            continue
        candidates = sorted(res.corpus_roles.get((phrase, holder), set()) & people)
        if len(candidates) == 1:
            res.role_persons[(aid, r_index)] = candidates[0]


def _unique_key(key: str, etype: str, types: dict[str, str]) -> str:
    """Minted keys are per type: a place and an organisation may share a name."""
    if types.setdefault(key, etype) == etype:
        return key
    alt = f"{key}-{etype.lower()}"
    types.setdefault(alt, etype)
    return alt


def _build_entities(articles: list[ArticleMentions], gaz: Gazetteer, res: Resolution,
                    types: dict[str, str]) -> None:
    seen_in: dict[str, set[str]] = defaultdict(set)
    for (aid, _), key in res.mention_keys.items():
        seen_in[key].add(aid)
    for key in sorted(seen_in):
        etype = types[key]
        entry = gaz.get(key) if not key.startswith("x-") else None
        surfaces = res.surfaces.get(key, Counter())
        names = [s for s, n in surfaces.items() if n > 0]
        if entry is not None:
            # a gazetteer entity is labelled by one of its own names, never by a metonym
            # ("Cremlino" is Russia) or a surname alone ("Putin" is Vladimir Putin)
            names = [s for s in names if entry.is_own_name(s)]
        if entry is not None and entry.name_it.casefold() in {n.casefold() for n in names}:
            # the usual name ("Corea del Nord"), when the text uses it, in any case ("ROMA, 10
            # ottobre": a dateline in capitals is still "Roma")
            label = entry.name_it
        elif names:
            label = sorted(names, key=lambda s: (-len(s.split()), -surfaces[s], s))[0]
        elif entry is not None:
            label = entry.name_it
        else:
            continue  # only generic references: not an entity
        alts = set(names) | set(res.role_labels.get(key, ())) | set(surfaces)
        if entry is not None:
            alts.add(entry.name_it)
        alts.discard(label)
        wikidata = entry.wikidata if entry is not None else None
        res.entities[key] = Entity(key=key, type=etype, label=label, alt_labels=sorted(alts),
                                   wikidata=wikidata, articles=sorted(seen_in[key]))


def treaties_by_signing(facts: Iterable, resolution: Resolution, events: Iterable = ()) -> dict[str, str]:
    """Treaties named differently but signed by the same parties in the same year are one
    treaty ("trattato di partenariato strategico globale" signed by Putin and Kim in 2024 is
    the "patto di mutua difesa" Russia and North Korea signed in 2024). A leader counts as
    the state they lead. Returns treaty key -> the key it merges into (the one with most
    mentions), to apply to facts and events."""
    facts = list(facts)
    leads = {f.subject: f.object for f in facts if f.predicate == "leaderOf"}
    parties: dict[str, dict[str, set[str]]] = defaultdict(lambda: defaultdict(set))  # treaty -> year -> parties
    for f in facts:
        if f.predicate == "signed" and f.date and f.status in ("asserted", "reported"):
            parties[f.object][f.date[:4]].add(leads.get(f.subject, f.subject))
    # a signing in the same month at the same place is the same treaty whoever the text names
    occasions: dict[str, set[tuple[str, str]]] = defaultdict(set)
    for e in events:
        if e.type == "Signing" and e.date and len(e.date) >= 7 and e.place:
            for treaty in e.participants.get("treaty", []):
                occasions[treaty].add((e.date[:7], e.place))
    keys = sorted(set(parties) | set(occasions))
    parent = {k: k for k in keys}

    def root(k: str) -> str:
        while parent[k] != k:
            k = parent[k]
        return k

    for i, a in enumerate(keys):
        for b in keys[i + 1:]:
            if any(parties[a][y] & parties[b].get(y, set()) for y in parties.get(a, {})) \
                    or occasions.get(a, set()) & occasions.get(b, set()):
                parent[root(b)] = root(a)
    groups: dict[str, list[str]] = defaultdict(list)
    for k in keys:
        groups[root(k)].append(k)
    remap = {}
    for members in groups.values():
        if len(members) < 2:
            continue
        weight = lambda k: (-sum(resolution.surfaces.get(k, Counter()).values()), k)
        target = sorted(members, key=weight)[0]
        for k in members:
            if k != target:
                remap[k] = target
    return remap


def merge_entities(resolution: Resolution, remap: dict[str, str]) -> None:
    """Fold entities into the ones ``remap`` names: their names become other names."""
    for old, new in sorted(remap.items()):
        gone = resolution.entities.pop(old, None)
        keep = resolution.entities.get(new)
        if gone is None or keep is None:
            continue
        alts = set(keep.alt_labels) | set(gone.alt_labels) | {gone.label}
        alts.discard(keep.label)
        keep.alt_labels = sorted(alts)
        keep.articles = sorted(set(keep.articles) | set(gone.articles))
    for index, key in list(resolution.mention_keys.items()):
        if key in remap:
            resolution.mention_keys[index] = remap[key]
