"""What the explorer page draws, read from a graph: entities, facts, evidence, labels, dates.

Kept apart from the page writer (``kg.export.html``) so the data can be tested without a
browser. Everything is sorted, so the same graph gives the same JSON. Class, predicate,
event and factuality names come from the ontology's ``rdfs:label`` @it/@en, so the page speaks
one language; English entity names come from the gazetteer (by Wikidata key) so a search for
"North Korea" finds "Corea del Nord".
"""
from __future__ import annotations

import re
from collections import Counter
from functools import lru_cache
from typing import Any, Iterable, Optional

from rdflib import Graph, Literal, URIRef
from rdflib.namespace import OWL, RDF, RDFS, SKOS

from kg.iris import DEFAULT_BASE, IriMinter
from kg.records import ENTITY_TYPES, PREDICATES, CoMention
from kg.vocab import KG, ONTOLOGY_NS, SCHEMA, ontology_graph

COLOURS = {"Person": "#e4572e", "State": "#17bebb", "Organization": "#ffc914", "Place": "#76b041",
           "Treaty": "#7e52a0"}
SHAPES = {"Person": "dot", "State": "diamond", "Organization": "square", "Place": "triangle",
          "Treaty": "star"}
#: Predicate families: the edge colour and the legend's groups (name, colour, it, en, members).
FAMILIES = [
    ("diplomacy", "#1f6fd1", "diplomazia", "diplomacy", ("communicatedWith", "visited", "signed")),
    ("conflict", "#d7263d", "conflitto e armi", "conflict and arms", ("criticized", "sentTroopsTo",
                                                                       "suppliedArmsTo")),
    ("support", "#1e9e4a", "sostegno", "support", ("supports", "alliedWith", "praised")),
    ("office", "#8e44ad", "cariche", "office", ("leaderOf", "holdsPosition", "memberOf")),
    ("geography", "#8d6e63", "geografia", "geography", ("locatedIn",)),
]
FAMILY_OF = {p: name for name, _, _, _, members in FAMILIES for p in members}
#: Co-mention partners kept per entity (strongest first), so a large corpus is not a clique.
COMENTION_PER_NODE = 5
WIKIDATA_ENTITY = "http://www.wikidata.org/entity/"
PROV_DERIVED = URIRef("http://www.w3.org/ns/prov#wasDerivedFrom")


def _text(value: Any) -> str:
    return "" if value is None else str(value)


def _local(iri: Any) -> str:
    value = str(iri)
    return value.rsplit("#", 1)[-1] if "#" in value else value.rstrip("/").rsplit("/", 1)[-1]


def _number(value: Any) -> float | None:
    try:
        return float(value.toPython() if isinstance(value, Literal) else value)
    except (TypeError, ValueError):
        return None


def _wikidata(value: Any) -> str:
    """owl:sameAs wd:Q7747 -> the human page https://www.wikidata.org/wiki/Q7747."""
    text = _text(value)
    if text.startswith(WIKIDATA_ENTITY) and re.fullmatch(r"[QP]\d+", text[len(WIKIDATA_ENTITY):]):
        return "https://www.wikidata.org/wiki/" + text[len(WIKIDATA_ENTITY):]
    return ""


@lru_cache(maxsize=1)
def ontology_labels() -> dict[str, dict[str, str]]:
    """Local name -> {"it": ..., "en": ...} for every kg: term the ontology labels."""
    onto = ontology_graph()
    out: dict[str, dict[str, str]] = {}
    for term, label in onto.subject_objects(RDFS.label):
        if isinstance(label, Literal) and label.language in ("it", "en") and str(term).startswith(ONTOLOGY_NS):
            out.setdefault(str(term)[len(ONTOLOGY_NS):], {})[label.language] = str(label)
    return out


def _labels(graph: Graph, node: URIRef) -> dict[str, str]:
    """rdfs:label by language tag ("" for none), the smallest of each when there are several."""
    out: dict[str, str] = {}
    for label in sorted(graph.objects(node, RDFS.label), key=str):
        lang = getattr(label, "language", None) or ""
        out.setdefault(lang, str(label))
    return out


def _english_name(key: str) -> str:
    from kg.gazetteer import load_gazetteer

    entry = load_gazetteer().get(key)
    return entry.name_en if entry is not None else ""


def _articles(graph: Graph) -> tuple[list[dict], dict[str, int]]:
    rows = []
    for article in set(graph.subjects(RDF.type, SCHEMA.NewsArticle)):
        rows.append({"iri": str(article),
                     "title": _text(graph.value(article, SCHEMA.headline))
                     or _text(graph.value(article, KG.sourceFile)) or _local(article),
                     "date": _text(graph.value(article, SCHEMA.datePublished)),
                     "url": _text(graph.value(article, SCHEMA.url)),
                     "file": _text(graph.value(article, KG.sourceFile)),
                     "publisher": _text(graph.value(article, SCHEMA.publisher))})
    rows.sort(key=lambda r: (r["date"], r["iri"]))
    return rows, {r["iri"]: i for i, r in enumerate(rows)}


def _assertion(graph: Graph, fact: URIRef, index: dict[str, int], articles: dict[str, int]) -> dict:
    sentences = []
    for sentence in sorted(graph.objects(fact, KG.evidence), key=str):
        article = graph.value(sentence, SCHEMA.isPartOf)
        sentences.append({"text": _text(graph.value(sentence, KG.text)),
                          "article": articles.get(str(article), -1)})
    events = []
    for event in sorted(graph.objects(fact, KG.event), key=str):
        kinds = sorted(_local(t) for t in graph.objects(event, RDF.type) if str(t).startswith(str(KG)))
        events.append({"type": kinds[0] if kinds else "", "date": _text(graph.value(event, KG.date))})
    subject, obj = graph.value(fact, RDF.subject), graph.value(fact, RDF.object)
    attributed = graph.value(fact, KG.attributedTo)
    event_dates = sorted(e["date"] for e in events if e["date"])
    return {"iri": str(fact), "predicate": _local(graph.value(fact, RDF.predicate)),
            "subject": index.get(str(subject), -1), "object": index.get(str(obj), -1),
            "confidence": _number(graph.value(fact, KG.confidence)),
            "factuality": _local(graph.value(fact, KG.factuality) or "") or "",
            "role": _text(graph.value(fact, KG.role)),
            "attributedTo": _text(graph.value(attributed, RDFS.label) or attributed or ""),
            "article": articles.get(str(graph.value(fact, PROV_DERIVED)), -1),
            "eventDate": event_dates[0] if event_dates else "",
            "sentences": sentences, "events": events}


def _article_comentions(nodes: list[dict]) -> dict[tuple[int, int], tuple[int, list[int]]]:
    """(a, b) -> (shared articles, their indices) for entities named in the same article: what
    the graph alone tells (it keeps kg:mentionedIn per article, not the mentions' sentences)."""
    by_article: dict[int, list[int]] = {}
    for i, node in enumerate(nodes):
        for a in node["articles"]:
            by_article.setdefault(a, []).append(i)
    shared: dict[tuple[int, int], list[int]] = {}
    for article, members in sorted(by_article.items()):
        if len(members) > 200:  # a digest naming hundreds of entities says nothing about pairs
            continue
        for x, a in enumerate(members):
            for b in members[x + 1:]:
                shared.setdefault((a, b), []).append(article)
    return {pair: (len(articles), articles) for pair, articles in shared.items()}


def _sentence_comentions(comentions: Iterable[CoMention], index: dict[str, int], articles: dict[str, int],
                         minter: IriMinter) -> dict[tuple[int, int], tuple[int, list[int]]]:
    """(a, b) -> (sentences naming both, the articles holding them) from the build's records
    (kg.graph.sentence_comentions), for the entities and articles the graph has."""
    out: dict[tuple[int, int], tuple[int, list[int]]] = {}
    for c in comentions:
        a, b = index.get(str(minter.entity(c.a)), -1), index.get(str(minter.entity(c.b)), -1)
        if a < 0 or b < 0 or a == b:
            continue
        pair = (min(a, b), max(a, b))
        found = sorted({articles[str(minter.article(x))] for x in c.articles if str(minter.article(x)) in articles})
        n, seen = out.get(pair, (0, []))
        out[pair] = (n + c.count, sorted(set(seen) | set(found)))
    return out


def _strongest(counts: dict[tuple[int, int], tuple[int, list[int]]]) -> list[list]:
    """[a, b, count, [articles]] rows, each entity keeping its COMENTION_PER_NODE strongest pairs."""
    best: dict[int, list[tuple[int, tuple[int, int]]]] = {}
    for pair, (n, _) in counts.items():
        for end in pair:
            best.setdefault(end, []).append((n, pair))
    kept = set()
    for items in best.values():
        items.sort(key=lambda t: (-t[0], t[1]))
        kept.update(pair for _, pair in items[:COMENTION_PER_NODE])
    return [[a, b, counts[(a, b)][0], counts[(a, b)][1]] for a, b in sorted(kept)]


def totals(edges: list, by_edge: list[list[int]], assertions: list[dict]) -> dict[str, int]:
    """The page's three counts, each of one thing the graph holds (docs/explorer.md):

    ``facts``: the direct triples between entities (one per subject, predicate and object,
    however many articles state it; what the legend, report.md and kg build count);
    ``statements``: the kg:Assertion nodes behind those facts (one per article sentence that
    states one, so a fact stated in three articles is one fact and three statements);
    ``notAsserted``: the kg:Assertion nodes with no direct triple (negated, hypothetical,
    planned), listed in their entities' panels and drawn as no edge.
    """
    statements = sum(len(ids) for ids in by_edge)
    return {"facts": len(edges), "statements": statements, "notAsserted": len(assertions) - statements}


def vocabulary() -> dict:
    """Classes, families (with their predicates) and labels in both UI languages."""
    labels = ontology_labels()
    return {
        "classes": [{"name": t, "color": COLOURS[t], "shape": SHAPES[t], "label": labels.get(t, {})}
                    for t in ENTITY_TYPES],
        "families": [{"name": name, "color": colour, "label": {"it": it, "en": en},
                      "predicates": [p for p in PREDICATES if p in members]}
                     for name, colour, it, en, members in FAMILIES],
        "labels": {k: v for k, v in sorted(labels.items())},
    }


def explorer_data(graph: Graph, title: str = "kg graph", comentions: Optional[Iterable[CoMention]] = None,
                  minter: Optional[IriMinter] = None) -> dict:
    """The page's data: entities, fact edges with their evidence, articles; sorted.

    ``comentions`` (kg build's kg.graph.sentence_comentions, entity keys minted by ``minter``,
    the default base if none) give the co-mention layer its pairs named in the same sentence;
    without them (a graph file alone: kg view, kg serve) the layer pairs the entities named
    in the same article, and ``comentionScope`` says which it is.
    """
    typed = {}
    for etype in ENTITY_TYPES:
        for node in graph.subjects(RDF.type, KG[etype]):
            typed.setdefault(str(node), etype)  # an entity with two classes keeps the first listed
    ids = sorted(typed)
    index = {iri: i for i, iri in enumerate(ids)}
    articles, article_index = _articles(graph)

    edges = sorted({(index[str(s)], p, index[str(o)]) for p in PREDICATES
                    for s, o in graph.subject_objects(KG[p]) if str(s) in index and str(o) in index},
                   key=lambda e: (e[0], PREDICATES.index(e[1]), e[2]))
    edge_index = {e: i for i, e in enumerate(edges)}
    assertions, by_edge, loose = [], [[] for _ in edges], {}
    for fact in sorted(set(graph.subjects(RDF.type, KG.Assertion)), key=str):
        row = _assertion(graph, fact, index, article_index)
        if row["subject"] < 0 or row["object"] < 0:
            continue
        assertions.append(row)
        key = (row["subject"], row["predicate"], row["object"])
        if key in edge_index:
            by_edge[edge_index[key]].append(len(assertions) - 1)
        else:  # negated, hypothetical, planned: no direct triple, shown with its entities
            for node in {row["subject"], row["object"]}:
                loose.setdefault(node, []).append(len(assertions) - 1)

    nodes = []
    for i, iri in enumerate(ids):
        node = URIRef(iri)
        mentioned = sorted({article_index[str(a)] for a in graph.objects(node, KG.mentionedIn)
                            if str(a) in article_index})
        labels = _labels(graph, node)
        label = labels.get("it") or labels.get("") or next(iter(labels.values()), "") or _local(iri)
        nodes.append({"iri": iri, "label": label,
                      "type": typed[iri], "alt": sorted({str(a) for a in graph.objects(node, SKOS.altLabel)}),
                      "en": labels.get("en") or _english_name(_local(iri)),
                      "wikidata": _wikidata(graph.value(node, OWL.sameAs)), "articles": mentioned,
                      "claims": loose.get(i, [])})
    vocab = vocabulary()
    counts = Counter(n["type"] for n in nodes)
    for c in vocab["classes"]:
        c["count"] = counts[c["name"]]
    return {"title": title, **vocab,
            "predicates": [{"name": p, "count": sum(1 for e in edges if e[1] == p), "family": FAMILY_OF[p]}
                           for p in PREDICATES],
            "totals": totals(edges, by_edge, assertions),
            "articles": articles, "nodes": nodes,
            "edges": [{"from": s, "to": o, "predicate": p, "assertions": by_edge[i]}
                      for i, (s, p, o) in enumerate(edges)],
            "assertions": assertions, "comentionScope": "article" if comentions is None else "sentence",
            "comention": _strongest(_article_comentions(nodes) if comentions is None else
                                    _sentence_comentions(comentions, index, article_index,
                                                         minter or IriMinter(DEFAULT_BASE)))}
