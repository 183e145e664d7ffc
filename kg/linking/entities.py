"""Entities built from the resolved keys: label, other names, Wikidata link, English label."""
from __future__ import annotations

from collections import Counter, defaultdict

from kg.gazetteer import Gazetteer
from kg.linking.model import Resolution
from kg.mentions import ArticleMentions
from kg.records import Entity


def build_entities(articles: list[ArticleMentions], gaz: Gazetteer, res: Resolution,
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
                                   wikidata=wikidata, articles=sorted(seen_in[key]),
                                   label_en=(entry.name_en or None) if entry is not None else None)


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
