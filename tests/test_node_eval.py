"""kg.node_eval: one gold entity split over nodes, one node for two gold entities, links."""
from __future__ import annotations

import json

from rdflib import Graph, URIRef
from rdflib.namespace import RDF
from test_html import BASE, _entity

from kg.node_eval import node_quality
from kg.vocab import SCHEMA

GOLD = {"id": "art_1", "entities": [
    {"key": "x:shoigu", "name": "Sergei Shoigu", "type": "Person", "forms": ["Sergei Shoigu", "Serghei Shoigu"]},
    {"key": "x:justin", "name": "Justin Trudeau", "type": "Person", "forms": ["Justin Trudeau"]},
    {"key": "x:sophie", "name": "Sophie Grégoire Trudeau", "type": "Person", "forms": ["Sophie Grégoire Trudeau"]},
    {"key": "x:us", "name": "United States", "type": "State", "forms": ["Stati Uniti", "~Casa Bianca"]},
    {"key": "x:wh", "name": "White House", "type": "Place", "forms": ["Casa Bianca"]},
    {"key": "x:zelensky", "name": "Volodymyr Zelensky", "type": "Person", "forms": ["Zelensky"]}],
    "relations": []}
TEXT = ("Sergei Shoigu e Serghei Shoigu. Justin Trudeau e Sophie Grégoire Trudeau. Gli Stati Uniti, "
        "la Casa Bianca. Zelensky.")


def _graph() -> Graph:
    g = Graph()
    article = URIRef(f"{BASE}article/art-1")  # kg slugs the id
    g.add((article, RDF.type, SCHEMA.NewsArticle))

    def node(key, etype, label, *alts, qid=None, en=None):
        _entity(g, key, etype, label, alts, qid=qid, articles=[article], en=en)

    node("shoigu-1", "Person", "Sergei Shoigu")
    node("shoigu-2", "Person", "Serghei Shoigu")                       # split: two nodes, one man
    node("trudeau", "Person", "Sophie Grégoire Trudeau", "Justin Trudeau")  # merge: one node, two people
    node("Q30", "State", "Stati Uniti", "Casa Bianca", qid="Q30", en="United States")  # a metonym: no merge
    node("Q3874799", "Person", "Zelensky", qid="Q3874799", en="Volodymyr Zelenskyy")
    node("not-in-text", "Person", "Justin Trudeau", "Tokyo")           # labels absent from the text
    return g


def test_split_merge_and_link_names(tmp_path):
    gold = tmp_path / "gold.jsonl"
    gold.write_text(json.dumps(GOLD) + "\n", encoding="utf-8")
    q = node_quality(gold, _graph(), {"art_1": TEXT})
    assert q.gold_entities == 6 and q.nodes == 6
    assert q.split == ["art_1: Sergei Shoigu (2 nodes)"]
    assert q.merges == ["art_1: Sophie Grégoire Trudeau = Justin Trudeau + Sophie Grégoire Trudeau"]
    assert q.link_names == ["Volodymyr Zelensky / Volodymyr Zelenskyy (Q3874799)"]
    assert q.linked == 2
    assert round(q.rate(q.merges), 3) == round(1 / 6, 3)
