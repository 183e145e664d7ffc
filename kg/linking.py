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
from kg.mentions import ArticleMentions
from kg.records import Entity, Mention


@dataclass
class Resolution:
    """Entities of a build and which entity each mention and role description refers to."""

    entities: dict[str, Entity] = field(default_factory=dict)
    mention_keys: dict[tuple[str, int], str] = field(default_factory=dict)
    role_persons: dict[tuple[str, int], str] = field(default_factory=dict)
    metonyms: dict[str, str] = field(default_factory=dict)   # capital place key -> state key
    surfaces: dict[str, Counter] = field(default_factory=lambda: defaultdict(Counter))
    role_labels: dict[str, set[str]] = field(default_factory=lambda: defaultdict(set))

    def key_of(self, article_id: str, index: Optional[int]) -> Optional[str]:
        return None if index is None else self.mention_keys.get((article_id, index))


def _fold(gazetteer: Gazetteer, text: str) -> str:
    return gazetteer.fold(text)


def resolve(articles: Iterable[ArticleMentions], gazetteer: Gazetteer) -> Resolution:
    res = Resolution()
    types: dict[str, str] = {}
    articles = list(articles)
    for am in articles:
        _resolve_article(am, gazetteer, res, types)
    _build_entities(articles, gazetteer, res, types)
    return res


def _resolve_article(am: ArticleMentions, gaz: Gazetteer, res: Resolution, types: dict[str, str]) -> None:
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
        if m.type == "Person":
            words = folded.split()
            for j, full in persons:
                if len(words) < len(full) and (full[:len(words)] == words or full[-len(words):] == words):
                    key = res.mention_keys[(aid, j)]
                    break
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
    _resolve_roles(am, gaz, res)


def _resolve_roles(am: ArticleMentions, gaz: Gazetteer, res: Resolution) -> None:
    aid = am.annotated.article.id
    by_role: dict[tuple[str, str], str] = {}
    pending = []
    for r_index, role in enumerate(am.roles):
        holder = res.key_of(aid, role.holder)
        person = res.key_of(aid, role.person)
        if person and holder:
            by_role[(role.phrase, holder)] = person
            res.role_persons[(aid, r_index)] = person
            res.role_labels[person].add(role.text)
        else:
            pending.append((r_index, role, holder))
    article_people = {res.mention_keys[(aid, i)] for i, m in enumerate(am.mentions)
                      if m.type == "Person" and (aid, i) in res.mention_keys}
    for r_index, role, holder in pending:
        if not holder:
            continue
        person = by_role.get((role.phrase, holder))
        if person is None and hasattr(gaz, "people_in_office"):
            candidates = [e.key for e in gaz.people_in_office(holder, role.position)
                          if e.key in article_people]
            person = candidates[0] if len(candidates) == 1 else None
        if person:
            res.role_persons[(aid, r_index)] = person
            res.role_labels[person].add(role.text)


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
        if names:
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
