"""The interactive HTML explorer: one self-contained page, safe offline and against its data.

The page is ``templates/explorer.html`` with vis-network (read from the installed pyvis
package), the explorer's own script and style inlined, so it makes no network request from
file://. The graph goes in as JSON inside ``<script type="application/json">`` with ``<``,
``>``, ``&``, U+2028 and U+2029 written as ``\\uXXXX`` escapes; the page's script puts every
string from the articles into the DOM with ``textContent``, never as markup.

Nodes are the entities (kg:Person, kg:State, kg:Organization, kg:Place, kg:Treaty), edges the
direct fact triples of the closed predicate set (what report.json counts as facts); each
edge carries the kg:Assertion nodes behind it with their sentences, articles, event dates,
confidence and factuality. Claims that have no direct triple (negated, hypothetical or
planned ones) are listed with the entities they are about. The layout is computed here with
networkx (fixed seed, rounded coordinates), so the same graph gives the same bytes.
"""
from __future__ import annotations

import html
import json
import math
import re
from functools import lru_cache
from pathlib import Path
from typing import Any

import networkx as nx
from rdflib import Graph, Literal, URIRef
from rdflib.namespace import OWL, RDF, RDFS, SKOS

from kg.export.atomic import write_atomic
from kg.records import ENTITY_TYPES, PREDICATES
from kg.vocab import KG, SCHEMA

__all__ = ["COLOURS", "SHAPES", "PHYSICS_LIMIT", "explorer_data", "render_html", "write_html"]

COLOURS = {"Person": "#e4572e", "State": "#17bebb", "Organization": "#ffc914", "Place": "#76b041",
           "Treaty": "#7e52a0"}
SHAPES = {"Person": "dot", "State": "diamond", "Organization": "square", "Place": "triangle",
          "Treaty": "star"}
#: Above this many nodes the page starts with physics off (the precomputed layout is kept).
PHYSICS_LIMIT = 300
#: Components up to this size get networkx's spring layout; bigger ones _sampled_layout.
SPRING_LIMIT = 300
LAYOUT_SEED = 7
TEMPLATES = Path(__file__).resolve().parent / "templates"
WIKIDATA_ENTITY = "http://www.wikidata.org/entity/"

_JSON_ESCAPES = {"<": "\\u003c", ">": "\\u003e", "&": "\\u0026", "\u2028": "\\u2028", "\u2029": "\\u2029"}


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


def _articles(graph: Graph) -> tuple[list[dict], dict[str, int]]:
    rows = []
    for article in set(graph.subjects(RDF.type, SCHEMA.NewsArticle)):
        rows.append({"iri": str(article),
                     "title": _text(graph.value(article, SCHEMA.headline))
                     or _text(graph.value(article, KG.sourceFile)) or _local(article),
                     "date": _text(graph.value(article, SCHEMA.datePublished)),
                     "url": _text(graph.value(article, SCHEMA.url)),
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
    source = graph.value(fact, URIRef("http://www.w3.org/ns/prov#wasDerivedFrom"))
    subject, obj = graph.value(fact, RDF.subject), graph.value(fact, RDF.object)
    attributed = graph.value(fact, KG.attributedTo)
    return {"iri": str(fact), "predicate": _local(graph.value(fact, RDF.predicate)),
            "subject": index.get(str(subject), -1), "object": index.get(str(obj), -1),
            "confidence": _number(graph.value(fact, KG.confidence)),
            "factuality": _local(graph.value(fact, KG.factuality) or "") or "",
            "role": _text(graph.value(fact, KG.role)),
            "attributedTo": _text(graph.value(attributed, RDFS.label) or attributed or ""),
            "article": articles.get(str(source), -1), "sentences": sentences, "events": events}


def explorer_data(graph: Graph, title: str = "kg graph") -> dict:
    """The page's data: entities, fact edges with their evidence, articles, layout; sorted."""
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
        nodes.append({"iri": iri, "label": _text(graph.value(node, RDFS.label)) or _local(iri),
                      "type": typed[iri], "alt": sorted({str(a) for a in graph.objects(node, SKOS.altLabel)}),
                      "wikidata": _wikidata(graph.value(node, OWL.sameAs)), "articles": mentioned,
                      "claims": loose.get(i, [])})
    positions, sizes = _layout(len(nodes), [(s, o) for s, _, o in edges])
    for node, (x, y), size in zip(nodes, positions, sizes):
        node.update(x=x, y=y, size=size)
    counts = {t: sum(1 for n in nodes if n["type"] == t) for t in ENTITY_TYPES}
    return {"title": title, "physics": len(nodes) <= PHYSICS_LIMIT,
            "classes": [{"name": t, "color": COLOURS[t], "shape": SHAPES[t], "count": counts[t]}
                        for t in ENTITY_TYPES],
            "predicates": [{"name": p, "count": sum(1 for e in edges if e[1] == p)} for p in PREDICATES],
            "articles": articles, "nodes": nodes,
            "edges": [{"from": s, "to": o, "predicate": p, "assertions": by_edge[i]}
                      for i, (s, p, o) in enumerate(edges)],
            "assertions": assertions}


def _layout(n: int, edges: list[tuple[int, int]]) -> tuple[list[tuple[float, float]], list[int]]:
    """Positions (pixels, rounded) and sizes (by degree) for nodes 0..n-1; deterministic.

    Each connected component is laid out on its own (networkx's spring layout with a fixed
    seed up to SPRING_LIMIT nodes, _sampled_layout beyond) and the components are packed in
    rows, biggest first, so thousands of nodes take seconds rather than minutes.
    """
    g = nx.Graph()
    g.add_nodes_from(range(n))
    g.add_edges_from((s, o) for s, o in edges if s != o)
    degree = dict(g.degree())
    sizes = [int(10 + 5 * math.sqrt(min(degree[i], 100))) for i in range(n)]
    components = sorted((sorted(c) for c in nx.connected_components(g)), key=lambda c: (-len(c), c[0]))
    positions: list[tuple[float, float]] = [(0.0, 0.0)] * n
    boxes = []
    for comp in components:
        radius = 60.0 * math.sqrt(len(comp))
        if len(comp) == 1:
            local = {comp[0]: (0.0, 0.0)}
        elif len(comp) == 2:
            local = {comp[0]: (-0.5, 0.0), comp[1]: (0.5, 0.0)}
        elif len(comp) <= SPRING_LIMIT:
            local = nx.spring_layout(g.subgraph(comp), seed=LAYOUT_SEED, iterations=50)
        else:
            local = _sampled_layout(comp, g.subgraph(comp).edges())
        boxes.append((comp, local, radius))
    # shelf packing: rows about as wide as the total area's square root
    width = math.sqrt(sum((2 * r + 80) ** 2 for _, _, r in boxes)) * 1.2
    x = y = row_height = 0.0
    for comp, local, radius in boxes:
        side = 2 * radius + 80
        if x > 0 and x + side > width:
            x, y, row_height = 0.0, y + row_height, 0.0
        cx, cy = x + side / 2, y + side / 2
        for node in comp:
            px, py = local[node]
            positions[node] = (round(cx + float(px) * radius, 1), round(cy + float(py) * radius, 1))
        x += side
        row_height = max(row_height, side)
    return positions, sizes


def _sampled_layout(nodes: list[int], edges, iterations: int = 60, samples: int = 40) -> dict:
    """Fruchterman-Reingold with repulsion estimated from a seeded sample of other nodes.

    O(nodes * samples + edges) per iteration instead of O(nodes^2): a 5,000-node component
    takes about a second. Positions roughly in [-1, 1], like networkx's layouts.
    """
    import numpy as np

    rng = np.random.default_rng(LAYOUT_SEED)
    n = len(nodes)
    where = {node: i for i, node in enumerate(nodes)}
    pairs = np.array([(where[a], where[b]) for a, b in edges], dtype=np.int64).reshape(-1, 2)
    src, dst = pairs[:, 0], pairs[:, 1]
    pos = rng.random((n, 2)) - 0.5
    k = 1.0 / math.sqrt(n)
    step = 0.1
    for _ in range(iterations):
        other = rng.integers(0, n, size=(n, samples))
        delta = pos[:, None, :] - pos[other]
        dist2 = np.maximum((delta ** 2).sum(-1), 1e-6)
        disp = (delta / dist2[..., None]).sum(1) * (k * k * n / samples)
        d = pos[src] - pos[dst]
        pull = d * np.sqrt((d ** 2).sum(-1))[:, None] / k
        np.subtract.at(disp, src, pull)
        np.add.at(disp, dst, pull)
        length = np.maximum(np.sqrt((disp ** 2).sum(-1)), 1e-9)
        pos += disp / length[:, None] * np.minimum(length, step)[:, None]
        step *= 0.95
    pos -= pos.mean(0)
    pos /= max(float(np.abs(pos).max()), 1e-9)
    return {node: (float(pos[i, 0]), float(pos[i, 1])) for i, node in enumerate(nodes)}


def _json_for_script(data: dict) -> str:
    text = json.dumps(data, ensure_ascii=False, sort_keys=True, separators=(",", ":"), allow_nan=False)
    return re.sub("[<>&\u2028\u2029]", lambda m: _JSON_ESCAPES[m.group(0)], text)


@lru_cache(maxsize=None)
def _asset(name: str) -> str:
    if name == "vis-network.min.js":
        import pyvis

        path = Path(pyvis.__file__).resolve().parent / "templates" / "lib" / "vis-9.1.2" / name
    else:
        path = TEMPLATES / name
    text = path.read_text(encoding="utf-8")
    if name.endswith(".js"):  # nothing inlined may close the script element early
        text = re.sub(r"</(script)", r"<\\/\1", text, flags=re.I)
    return text


def render_html(graph: Graph, title: str = "kg graph") -> str:
    """The explorer page for ``graph``, as a string (same graph, same bytes)."""
    parts = {"TITLE": html.escape(title), "STYLE": _asset("explorer.css"),
             "VIS": _asset("vis-network.min.js"), "APP": _asset("explorer.js"),
             "DATA": _json_for_script(explorer_data(graph, title))}
    # one pass over the template only, so inlined text is never searched for placeholders
    return re.sub(r"@@(TITLE|STYLE|VIS|APP|DATA)@@", lambda m: parts[m.group(1)], _asset("explorer.html"))


def write_html(graph: Graph, path: Path, title: str = "kg graph") -> None:
    """Write the explorer page for ``graph`` to ``path`` atomically."""
    write_atomic(Path(path), render_html(graph, title))
