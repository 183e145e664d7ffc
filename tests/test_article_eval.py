"""kg.article_eval: each article's facts against its own gold, summed over articles."""
from __future__ import annotations

import json

import pytest
from rdflib import Graph, Literal, Namespace, URIRef
from rdflib.namespace import PROV, RDF, RDFS

from kg.article_eval import article_predictions, calibrated_ece, fact_outcomes, reliability, score_articles
from kg.cli import main
from kg.evaluation import load_gold, match_entities, read_prediction

KG = Namespace("https://w3id.org/kg-it/ontology#")
SCHEMA = Namespace("https://schema.org/")
BASE = "https://example.org/kg/"

GOLD = [
    {"id": "art_1", "entities": [
        {"key": "x:putin", "name": "Vladimir Putin", "type": "Person", "forms": ["Putin"]},
        {"key": "x:russia", "name": "Russia", "type": "State", "forms": ["Russia"]},
        {"key": "x:kim", "name": "Kim Jong-un", "type": "Person", "forms": ["Kim"]}],
     "relations": [{"s": "x:putin", "p": "leaderOf", "o": "x:russia"},
                   {"s": "x:putin", "p": "communicatedWith", "o": "x:kim", "kind": "meeting"}]},
    {"id": "art_2", "entities": [
        {"key": "x:putin", "name": "Vladimir Putin", "type": "Person", "forms": ["Putin"]},
        {"key": "x:russia", "name": "Russia", "type": "State", "forms": ["Russia"]}],
     "relations": [{"s": "x:putin", "p": "leaderOf", "o": "x:russia"}]},
]


class Build:
    """A graph shaped as kg writes it: articles, mentionedIn, facts derived from an article."""

    def __init__(self):
        self.g = Graph()
        self.n = 0

    def article(self, aid):
        self.g.add((URIRef(f"{BASE}article/{aid}"), RDF.type, SCHEMA.NewsArticle))
        return self

    def entity(self, key, etype, label, *articles):
        node = URIRef(f"{BASE}entity/{key}")
        self.g.add((node, RDF.type, KG[etype]))
        self.g.add((node, RDFS.label, Literal(label, lang="it")))
        for a in articles:
            self.g.add((node, KG.mentionedIn, URIRef(f"{BASE}article/{a}")))
        return self

    def fact(self, s, p, o, article, factuality="Asserted", confidence=None):
        self.n += 1
        s, o = URIRef(f"{BASE}entity/{s}"), URIRef(f"{BASE}entity/{o}")
        if factuality in ("Asserted", "Reported"):
            self.g.add((s, KG[p], o))
        node = URIRef(f"{BASE}fact/{self.n}")
        for po in ((RDF.type, KG.Assertion), (RDF.subject, s), (RDF.predicate, KG[p]), (RDF.object, o),
                   (KG.factuality, KG[factuality]), (PROV.wasDerivedFrom, URIRef(f"{BASE}article/{article}"))):
            self.g.add((node, *po))
        if confidence is not None:
            self.g.add((node, KG.confidence, Literal(confidence)))
        return self


@pytest.fixture
def gold_path(tmp_path):
    path = tmp_path / "gold.jsonl"
    path.write_text("".join(json.dumps(r) + "\n" for r in GOLD), encoding="utf-8")
    return path


def both_articles():
    return (Build().article("art-1").article("art-2")
            .entity("putin", "Person", "Putin", "art-1", "art-2")
            .entity("russia", "State", "Russia", "art-1", "art-2")
            .entity("kim", "Person", "Kim", "art-1"))


def test_a_fact_counts_only_in_the_article_it_came_from(gold_path):
    # leaderOf found in art-1 only: corpus-level it is found, per article art-2 misses it
    b = both_articles().fact("putin", "leaderOf", "russia", "art-1")
    scores = score_articles(gold_path, b.g)
    assert (scores.relations_micro.tp, scores.relations_micro.fp, scores.relations_micro.fn) == (1, 0, 2)
    assert scores.per_article["art_2"].relations_micro.fn == 1
    assert scores.corpus.relations_micro.fn == 1  # the meeting; leaderOf counts once corpus-wide
    assert scores.corpus.relations_micro.tp == 1


def test_entities_are_scored_in_each_article_that_names_them(gold_path):
    b = (Build().article("art-1").article("art-2")
         .entity("putin", "Person", "Putin", "art-1").entity("russia", "State", "Russia", "art-1", "art-2"))
    scores = score_articles(gold_path, b.g)
    assert (scores.entities_micro.tp, scores.entities_micro.fp, scores.entities_micro.fn) == (3, 0, 2)


def test_non_asserted_facts_and_missing_articles(gold_path):
    b = (Build().article("art-1").entity("putin", "Person", "Putin", "art-1")
         .entity("russia", "State", "Russia", "art-1").fact("putin", "leaderOf", "russia", "art-1", "Hypothetical"))
    scores = score_articles(gold_path, b.g)
    assert scores.missing == ["art_2"]
    assert scores.relations_micro.tp == 0 and scores.relations_micro.fn == 3
    assert article_predictions(b.g)["art-1"].relations == []


def test_cli_prints_per_article_first_then_corpus(gold_path, tmp_path, capsys):
    b = both_articles().fact("putin", "leaderOf", "russia", "art-1").fact("putin", "leaderOf", "russia", "art-2")
    b.g.serialize(str(tmp_path / "g.ttl"), format="turtle")
    assert main(["eval", "--gold", str(gold_path), str(tmp_path / "g.ttl")]) == 0
    out = capsys.readouterr().out
    assert out.index("per article (2 articles") < out.index("corpus level")
    assert main(["eval", "--gold", str(gold_path), str(tmp_path / "g.ttl"), "--json"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert data["per_article"]["relations_micro"]["tp"] == 2 and data["relations_micro"]["tp"] == 1


def test_best_match_wins_over_key_order(tmp_path):
    # "Kim" could be either Kim; the node also carries "Kim Jong-un", so it is him,
    # though x:a-kim-yo-jong sorts first
    gold = {"id": "a", "relations": [], "entities": [
        {"key": "x:a-kim-yo-jong", "name": "Kim Yo-jong", "type": "Person", "forms": ["Kim Yo-jong", "Kim"]},
        {"key": "x:b-kim-jong-un", "name": "Kim Jong-un", "type": "Person", "forms": ["Kim Jong-un", "Kim"]}]}
    path = tmp_path / "g.jsonl"
    path.write_text(json.dumps(gold) + "\n", encoding="utf-8")
    b = Build().entity("z-kim", "Person", "Kim")
    b.g.add((URIRef(f"{BASE}entity/z-kim"), URIRef("http://www.w3.org/2004/02/skos/core#altLabel"),
             Literal("Kim Jong-un", lang="it")))
    b.g.serialize(str(tmp_path / "p.ttl"), format="turtle")
    matched = match_entities(load_gold(path), read_prediction(tmp_path / "p.ttl"))
    assert matched == {f"{BASE}entity/z-kim": "x:b-kim-jong-un"}


def test_fact_outcomes_and_reliability(gold_path):
    b = (both_articles().fact("putin", "leaderOf", "russia", "art-1", confidence=0.9)
         .fact("kim", "communicatedWith", "putin", "art-1", confidence=0.7)     # a meeting: either direction
         .fact("russia", "criticized", "putin", "art-2", confidence=0.2))
    outcomes = sorted(fact_outcomes(gold_path, b.g))
    assert outcomes == [(0.2, False), (0.7, True), (0.9, True)]
    rows, ece = reliability(outcomes, bins=10)
    assert [r[1] for r in rows] == [1, 1, 1]
    assert ece == pytest.approx((0.2 + 0.3 + 0.1) / 3)


def test_the_error_a_calibrated_kg_would_show_is_sampling_noise():
    assert calibrated_ece([1.0] * 50) == (0.0, 0.0)           # certain and right: no noise at all
    few, few90 = calibrated_ece([0.8] * 50)
    many, many90 = calibrated_ece([0.8] * 2000, draws=200)
    assert 0.02 < few < few90 < 0.15                             # 50 facts at 0.8: noise of a 0.05 target's size
    assert many < few / 4 and many90 < few90                     # it shrinks as the facts grow
    assert calibrated_ece([0.8] * 50) == (few, few90)            # seeded: the same report twice
