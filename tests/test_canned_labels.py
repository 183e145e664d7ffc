"""Canned queries name each entity by its Italian label, once, now that linked entities also
carry an English one (rdfs:label "…"@en): one row per fact, not one per label."""
from __future__ import annotations

from kg.query import query_file

GRAPH = """
@prefix kg: <https://w3id.org/kg-it/ontology#> .
@prefix rdf: <http://www.w3.org/1999/02/22-rdf-syntax-ns#> .
@prefix rdfs: <http://www.w3.org/2000/01/rdf-schema#> .
<https://example.org/kg/entity/Q7747> a kg:Person ; rdfs:label "Vladimir Putin"@it, "Vladimir Putin"@en ;
    kg:leaderOf <https://example.org/kg/entity/Q159> .
<https://example.org/kg/entity/Q159> a kg:State ; rdfs:label "Russia"@it, "Russia"@en, "Russland"@de .
<https://example.org/kg/entity/Q159b> a kg:State ; rdfs:label "Federazione Russa"@it, "Russian Federation"@en .
<https://example.org/kg/fact/1> a kg:Assertion, rdf:Statement ; rdf:subject <https://example.org/kg/entity/Q7747> ;
    rdf:predicate kg:leaderOf ; rdf:object <https://example.org/kg/entity/Q159> ; kg:factuality kg:Asserted .
"""


def test_leaders_gives_one_row_per_fact_with_the_italian_label(tmp_path):
    path = tmp_path / "g.ttl"
    path.write_text(GRAPH, encoding="utf-8")
    result = query_file(path, "leaders")
    rows = [dict(zip(result.variables, r)) if hasattr(result, "variables") else r for r in result.rows]
    assert len(rows) == 1, rows
    text = str(rows[0])
    assert "Vladimir Putin" in text and "Russia" in text and "Russland" not in text


def test_queries_see_the_ontology_labels_in_both_engines(tmp_path):
    path = tmp_path / "g.ttl"
    path.write_text(GRAPH, encoding="utf-8")
    sparql = ("SELECT ?l WHERE { ?s <https://w3id.org/kg-it/ontology#leaderOf> ?o . "
              "<https://w3id.org/kg-it/ontology#leaderOf> <http://www.w3.org/2000/01/rdf-schema#label> ?l "
              "FILTER(LANG(?l) = 'it') }")
    for engine in ("oxigraph", "rdflib"):
        rows = query_file(path, sparql, engine=engine).rows
        assert [str(r[0]) for r in rows] == ["è a capo di"], (engine, rows)
