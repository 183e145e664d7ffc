"""The interactive HTML view (pyvis over networkx), self-contained and safe offline.

vis-network is inlined (pyvis's ``cdn_resources='in_line'``) and the Bootstrap links pyvis
adds are removed, so the page makes no network request from file://. Every string that
comes from an article is HTML-escaped before it reaches a tooltip.
"""
from __future__ import annotations

import html
import re
from pathlib import Path

import networkx as nx
from rdflib import Graph, URIRef
from rdflib.namespace import OWL, RDF, RDFS, SKOS

from kg.export.atomic import write_atomic
from kg.records import ENTITY_TYPES, PREDICATES
from kg.vocab import KG

COLOURS = {"Person": "#e4572e", "State": "#17bebb", "Organization": "#ffc914", "Place": "#76b041",
           "Treaty": "#7e52a0"}
SHAPES = {"Person": "dot", "State": "diamond", "Organization": "square", "Place": "triangle",
          "Treaty": "star"}
PHYSICS_LIMIT = 1500


def graph_to_networkx(graph: Graph) -> nx.MultiDiGraph:
    """Entities as nodes, fact triples of the closed predicate set as edges."""
    g = nx.MultiDiGraph()
    for etype in ENTITY_TYPES:
        for node in graph.subjects(RDF.type, KG[etype]):
            label = str(graph.value(node, RDFS.label) or node)
            g.add_node(str(node), label=label, type=etype,
                       alt=sorted(str(a) for a in graph.objects(node, SKOS.altLabel)),
                       wikidata=str(graph.value(node, OWL.sameAs) or ""))
    for predicate in PREDICATES:
        for s, o in graph.subject_objects(KG[predicate]):
            if str(s) in g and str(o) in g:
                g.add_edge(str(s), str(o), key=predicate, predicate=predicate)
    return g


def render_html(graph: Graph, title: str = "kg graph") -> str:
    from pyvis.network import Network

    g = graph_to_networkx(graph)
    net = Network(height="100vh", width="100%", directed=True, cdn_resources="in_line", notebook=False)
    degree = dict(g.degree())
    for node in sorted(g.nodes):
        data = g.nodes[node]
        tip = [f"<b>{html.escape(data['label'])}</b> ({data['type']})"]
        if data["alt"]:
            tip.append("Altri nomi: " + html.escape(", ".join(data["alt"])))
        if data["wikidata"]:
            tip.append("Wikidata: " + html.escape(data["wikidata"]))
        net.add_node(node, label=data["label"], title="<br>".join(tip), color=COLOURS[data["type"]],
                     shape=SHAPES[data["type"]], size=10 + 3 * min(degree.get(node, 0), 12))
    for s, o, key in sorted(g.edges(keys=True)):
        net.add_edge(s, o, label=key, title=html.escape(key), arrows="to")
    if g.number_of_nodes() > PHYSICS_LIMIT:
        net.toggle_physics(False)
    page = net.generate_html(notebook=False)
    page = re.sub(r'<link[^>]+bootstrap[^>]*>', "", page)
    page = re.sub(r'<script[^>]+bootstrap[^>]*></script>', "", page)
    page = re.sub(r"<!--[^>]*node_modules.*?-->", "", page, flags=re.S)  # pyvis's dead local links
    page = page.replace("<title></title>", f"<title>{html.escape(title)}</title>", 1)
    return page


def write_html(graph: Graph, path: Path, title: str = "kg graph") -> None:
    write_atomic(path, render_html(graph, title))
