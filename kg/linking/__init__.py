"""Entity resolution and linking: mentions become entities with stable keys.

Within an article (``article``): short person names join the full name they abbreviate
("Kim" → "Kim Jong-un"), acronyms the expansion the article gives, places the longer name
that ends with them ("Kursk" → "regione di Kursk"), generic treaty references the treaty named
before them. Across the build (``names``): spellings of one person's name ("Serghei" /
"Sergei" Shoigu) and a lone surname of one full name are one person. Role descriptions join
the person they describe (``roles``). Linking: a gazetteer match gives the Wikidata QID; a
surname that matches exactly one person in the gazetteer is linked to them. Everything else
keeps a minted key from its name: no link beats a wrong link. Across articles entities merge
by key (``entities``).
"""
from __future__ import annotations

from collections import Counter
from typing import Iterable, Optional

from kg.gazetteer import Gazetteer
from kg.lexicon import Lexicon, load_lexicon
from kg.linking.article import resolve_article
from kg.linking.entities import build_entities, merge_entities
from kg.linking.model import Resolution
from kg.linking.names import variant_remap
from kg.linking.roles import resolve_pending_roles
from kg.linking.treaties import TREATY_PREFIX, merge_treaties, treaties_by_signing
from kg.mentions import ArticleMentions

__all__ = ["Resolution", "TREATY_PREFIX", "merge_entities", "resolve", "treaties_by_signing"]


def resolve(articles: Iterable[ArticleMentions], gazetteer: Gazetteer,
            lexicon: Optional[Lexicon] = None) -> Resolution:
    res = Resolution()
    types: dict[str, str] = {}
    articles = list(articles)
    lexicon = lexicon or load_lexicon()
    for am in articles:
        resolve_article(am, gazetteer, res, types, lexicon)
    _merge_name_variants(res, types, gazetteer)
    resolve_pending_roles(res)
    merge_treaties(res, types)
    build_entities(articles, gazetteer, res, types)
    return res


def _merge_name_variants(res: Resolution, types: dict[str, str], gaz: Gazetteer) -> None:
    """One node per person however the build spells the name (kg.linking.names)."""
    people = {k: dict(res.surfaces.get(k, Counter())) for k in sorted(set(res.mention_keys.values()))
              if types.get(k) == "Person"}
    remap = variant_remap(people, gaz)
    if not remap:
        return
    for index, key in list(res.mention_keys.items()):
        if key in remap:
            res.mention_keys[index] = remap[key]
    for index, key in list(res.role_persons.items()):
        res.role_persons[index] = remap.get(key, key)
    for old, new in sorted(remap.items()):
        res.surfaces[new].update(res.surfaces.pop(old, Counter()))
        res.role_labels[new] |= res.role_labels.pop(old, set())
    for office, persons in res.corpus_roles.items():
        res.corpus_roles[office] = {remap.get(p, p) for p in persons}
