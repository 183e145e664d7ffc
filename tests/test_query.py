"""kg query: canned queries, both engines, result formats, parameters and errors, on a hand-built graph."""
import csv
import io
import json

import pyoxigraph as ox
import pytest
from rdflib import Graph

from kg.cli import main
from kg.query import (QueryError, bind_params, canned_queries, load_graph, load_store, run_query, sparql_literal,
                      to_csv, to_json, to_table, to_tsv, to_xml)

# Shaped like docs/graph.md: entities, one article with sentences, events, direct facts and
# their reified assertions (f9 is Negated, so it has no direct triple).
SAMPLE = r'''@prefix kg: <https://w3id.org/kg-it/ontology#> .
@prefix schema: <https://schema.org/> .
@prefix prov: <http://www.w3.org/ns/prov#> .
@prefix rdf: <http://www.w3.org/1999/02/22-rdf-syntax-ns#> .
@prefix rdfs: <http://www.w3.org/2000/01/rdf-schema#> .
@prefix skos: <http://www.w3.org/2004/02/skos/core#> .
@prefix owl: <http://www.w3.org/2002/07/owl#> .
@prefix wd: <http://www.wikidata.org/entity/> .
@prefix xsd: <http://www.w3.org/2001/XMLSchema#> .
@prefix ent: <https://example.org/kg/entity/> .
@prefix art: <https://example.org/kg/article/> .
@prefix ev: <https://example.org/kg/event/a1/> .
@prefix fact: <https://example.org/kg/fact/> .

ent:Q7747 a kg:Person ; rdfs:label "Vladimir Putin"@it ; skos:altLabel "presidente russo"@it ; owl:sameAs wd:Q7747 .
ent:Q56226 a kg:Person ; rdfs:label "Kim Jong Un"@it ; skos:altLabel "Kim"@it .
ent:Q159 a kg:State ; rdfs:label "Russia"@it .
ent:Q423 a kg:State ; rdfs:label "Corea del Nord"@it .
ent:x-duma a kg:Organization ; rdfs:label "Duma di Stato"@it .
ent:x-volodin a kg:Person ; rdfs:label "Vjačeslav Volodin"@it .
ent:x-kcna a kg:Organization ; rdfs:label "KCNA"@it .
ent:x-trattato a kg:Treaty ; rdfs:label "trattato di partenariato strategico"@it .
ent:x-patto a kg:Treaty ; rdfs:label "patto di difesa"@it .
ent:Q18808 a kg:Place ; rdfs:label "Pyongyang"@it .
ent:x-grande a kg:Person ; rdfs:label "Il \"Grande\" {Leader}"@it .

art:a1 a schema:NewsArticle, prov:Entity ;
    schema:headline "Kim scrive a Putin"@it ; schema:datePublished "2025-08-15"^^xsd:date ;
    schema:url <https://news.example/a1> .
<https://example.org/kg/article/a1/sentence/0> a kg:Sentence ; kg:text "Kim ha inviato una lettera a Putin."@it ;
    schema:isPartOf art:a1 .
<https://example.org/kg/article/a1/sentence/1> a kg:Sentence ; kg:text "Secondo la KCNA, Putin ha telefonato a Kim."@it ;
    schema:isPartOf art:a1 .
<https://example.org/kg/article/a1/sentence/2> a kg:Sentence ; kg:text "Russia e Corea del Nord hanno firmato il trattato a Pyongyang."@it ;
    schema:isPartOf art:a1 .
<https://example.org/kg/article/a1/sentence/3> a kg:Sentence ; kg:text "Pyongyang ha inviato 10.000 soldati in Russia."@it ;
    schema:isPartOf art:a1 .

ev:1 a kg:Letter ; kg:agent ent:Q56226 ; kg:recipient ent:Q7747 ; kg:date "2025-08-15"^^xsd:date ;
    kg:evidence <https://example.org/kg/article/a1/sentence/0> ; prov:wasDerivedFrom art:a1 .
ev:2 a kg:PhoneCall ; kg:agent ent:Q7747 ; kg:recipient ent:Q56226 ; kg:date "2025-08"^^xsd:gYearMonth ;
    kg:evidence <https://example.org/kg/article/a1/sentence/1> ; prov:wasDerivedFrom art:a1 .
ev:3 a kg:Signing ; kg:agent ent:Q159, ent:Q423 ; kg:treaty ent:x-trattato ; kg:place ent:Q18808 ;
    kg:date "2024-06-19"^^xsd:date ; kg:evidence <https://example.org/kg/article/a1/sentence/2> .
ev:4 a kg:TroopDeployment ; kg:agent ent:Q423 ; kg:recipient ent:Q159 ; kg:date "2024-10"^^xsd:gYearMonth ;
    kg:quantity "10000"^^xsd:decimal ; kg:quantityText "10.000 soldati"@it ;
    kg:evidence <https://example.org/kg/article/a1/sentence/3> .
ev:5 a kg:ArmsTransfer ; kg:agent ent:Q423 ; kg:recipient ent:Q159 ; kg:date "2024-11-01"^^xsd:date .
ev:6 a kg:Visit ; kg:agent ent:x-grande ; kg:place ent:Q18808 .

ent:Q56226 kg:communicatedWith ent:Q7747 ; kg:leaderOf ent:Q423 .
ent:Q7747 kg:communicatedWith ent:Q56226 ; kg:leaderOf ent:Q159 .
ent:Q159 kg:signed ent:x-trattato .
ent:Q423 kg:signed ent:x-trattato ; kg:sentTroopsTo ent:Q159 .
ent:x-volodin kg:holdsPosition ent:x-duma .

fact:f1 a kg:Assertion, rdf:Statement ; rdf:subject ent:Q56226 ; rdf:predicate kg:communicatedWith ; rdf:object ent:Q7747 ;
    kg:confidence "0.9"^^xsd:decimal ; kg:factuality kg:Asserted ; kg:date "2025-08-15"^^xsd:date ; kg:event ev:1 ;
    kg:evidence <https://example.org/kg/article/a1/sentence/0> ; prov:wasDerivedFrom art:a1 .
fact:f2 a kg:Assertion, rdf:Statement ; rdf:subject ent:Q7747 ; rdf:predicate kg:communicatedWith ; rdf:object ent:Q56226 ;
    kg:confidence "0.8"^^xsd:decimal ; kg:factuality kg:Reported ; kg:attributedTo ent:x-kcna ; kg:event ev:2 ;
    kg:evidence <https://example.org/kg/article/a1/sentence/1> ; prov:wasDerivedFrom art:a1 .
fact:f3 a kg:Assertion, rdf:Statement ; rdf:subject ent:Q159 ; rdf:predicate kg:signed ; rdf:object ent:x-trattato ;
    kg:confidence "0.9"^^xsd:decimal ; kg:factuality kg:Asserted ; kg:event ev:3 ;
    kg:evidence <https://example.org/kg/article/a1/sentence/2> ; prov:wasDerivedFrom art:a1 .
fact:f4 a kg:Assertion, rdf:Statement ; rdf:subject ent:Q423 ; rdf:predicate kg:signed ; rdf:object ent:x-trattato ;
    kg:confidence "0.9"^^xsd:decimal ; kg:factuality kg:Asserted ; kg:event ev:3 ;
    kg:evidence <https://example.org/kg/article/a1/sentence/2> ; prov:wasDerivedFrom art:a1 .
fact:f5 a kg:Assertion, rdf:Statement ; rdf:subject ent:Q423 ; rdf:predicate kg:sentTroopsTo ; rdf:object ent:Q159 ;
    kg:confidence "0.85"^^xsd:decimal ; kg:factuality kg:Asserted ; kg:event ev:4 ;
    kg:evidence <https://example.org/kg/article/a1/sentence/3> ; prov:wasDerivedFrom art:a1 .
fact:f6 a kg:Assertion, rdf:Statement ; rdf:subject ent:Q7747 ; rdf:predicate kg:leaderOf ; rdf:object ent:Q159 ;
    kg:confidence "0.9"^^xsd:decimal ; kg:factuality kg:Asserted ;
    kg:evidence <https://example.org/kg/article/a1/sentence/1> ; prov:wasDerivedFrom art:a1 .
fact:f7 a kg:Assertion, rdf:Statement ; rdf:subject ent:Q56226 ; rdf:predicate kg:leaderOf ; rdf:object ent:Q423 ;
    kg:confidence "0.9"^^xsd:decimal ; kg:factuality kg:Asserted ;
    kg:evidence <https://example.org/kg/article/a1/sentence/0> ; prov:wasDerivedFrom art:a1 .
fact:f8 a kg:Assertion, rdf:Statement ; rdf:subject ent:x-volodin ; rdf:predicate kg:holdsPosition ; rdf:object ent:x-duma ;
    kg:confidence "0.9"^^xsd:decimal ; kg:factuality kg:Asserted ; kg:role "presidente"@it ;
    kg:evidence <https://example.org/kg/article/a1/sentence/1> ; prov:wasDerivedFrom art:a1 .
fact:f9 a kg:Assertion, rdf:Statement ; rdf:subject ent:Q56226 ; rdf:predicate kg:leaderOf ; rdf:object ent:Q159 ;
    kg:confidence "0.6"^^xsd:decimal ; kg:factuality kg:Negated ;
    kg:evidence <https://example.org/kg/article/a1/sentence/1> ; prov:wasDerivedFrom art:a1 .
'''

PUTIN_CALL = "Secondo la KCNA, Putin ha telefonato a Kim."
KIM_LETTER = "Kim ha inviato una lettera a Putin."
SIGNING = "Russia e Corea del Nord hanno firmato il trattato a Pyongyang."
TROOPS = "Pyongyang ha inviato 10.000 soldati in Russia."

EXPECTED = {
    "letters": [
        ("2025-08", "Vladimir Putin", "Kim Jong Un", "PhoneCall", "Reported", PUTIN_CALL),
        ("2025-08-15", "Kim Jong Un", "Vladimir Putin", "Letter", "Asserted", KIM_LETTER),
    ],
    "treaties": [
        ("patto di difesa", None, None, None),
        ("trattato di partenariato strategico", "Corea del Nord", "2024-06-19", "Asserted"),
        ("trattato di partenariato strategico", "Russia", "2024-06-19", "Asserted"),
    ],
    "leaders": [
        ("Corea del Nord", "leaderOf", "leader", "Kim Jong Un", "Asserted"),
        ("Duma di Stato", "holdsPosition", "presidente", "Vjačeslav Volodin", "Asserted"),
        ("Russia", "leaderOf", "leader", "Kim Jong Un", "Negated"),
        ("Russia", "leaderOf", "leader", "Vladimir Putin", "Asserted"),
    ],
    "flows": [
        ("troops", "Corea del Nord", "Russia", "10000", "10.000 soldati", "2024-10", "Asserted"),
        ("arms", "Corea del Nord", "Russia", None, None, "2024-11-01", None),
    ],
}


def cells(result):
    return [tuple(None if t is None else str(t) for t in row) for row in result.rows]


def trig_of(turtle: str) -> str:
    """The sample as TriG: everything in one named graph, and the entity lines repeated in a
    second graph, as graph.trig repeats entity descriptions per article."""
    lines = turtle.splitlines()
    prefixes = [l for l in lines if l.startswith("@prefix")]
    body = [l for l in lines if not l.startswith("@prefix")]
    entities = [l for l in body if l.startswith("ent:") and " a kg:" in l]
    return ("\n".join(prefixes) + "\n<https://example.org/kg/graph/a1> {\n" + "\n".join(body)
            + "\n}\n<https://example.org/kg/graph/a2> {\n" + "\n".join(entities) + "\n}\n"
            + "<https://example.org/kg/graph/a1> a prov:Entity .\n")


@pytest.fixture(scope="module")
def files(tmp_path_factory):
    folder = tmp_path_factory.mktemp("graph")
    (folder / "graph.ttl").write_text(SAMPLE, encoding="utf-8")
    (folder / "graph.trig").write_text(trig_of(SAMPLE), encoding="utf-8")
    return folder


@pytest.fixture(scope="module")
def store(files):
    return load_store(files / "graph.ttl")


def test_shipped_queries_have_titles_and_order():
    queries = canned_queries()
    assert set(queries) == {"letters", "treaties", "leaders", "flows", "timeline", "sources"}
    for q in queries.values():
        assert q.title and not q.title.startswith("#")
        assert "ORDER BY" in q.sparql
    assert queries["timeline"].params == ("entityLabel",)


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_canned_query_rows(store, name):
    assert cells(run_query(store, canned_queries()[name].sparql)) == EXPECTED[name]


def test_values_are_python(store):
    from decimal import Decimal

    values = run_query(store, canned_queries()["flows"].sparql).values()
    assert values[0][3] == Decimal("10000") and values[1][3] is None


def test_long_inline_query_and_spaced_path(files, tmp_path, capsys):
    long_query = "SELECT ?s WHERE { ?s a kg:Treaty }" + " " * 300 + "ORDER BY ?s"
    assert main(["query", str(files / "graph.ttl"), long_query.replace(" ", "\t"), "--format", "csv"]) == 0
    assert len(capsys.readouterr().out.split()) == 3
    rq = tmp_path / "my query.rq"
    rq.write_text("ASK { ?s a kg:Treaty }", encoding="utf-8")
    assert main(["query", str(files / "graph.ttl"), str(rq)]) == 0
    assert capsys.readouterr().out.strip() == "true"


def test_sources_rows(store):
    result = run_query(store, canned_queries()["sources"].sparql)
    rows = [dict(zip(result.variables, row)) for row in cells(result)]
    assert len(rows) == 9
    call = next(r for r in rows if r["fact"].endswith("/f2"))
    assert call == {"subject": "Vladimir Putin", "predicate": "communicatedWith", "object": "Kim Jong Un",
                    "confidence": "0.8", "factuality": "Reported", "attributedTo": "KCNA",
                    "headline": "Kim scrive a Putin", "published": "2025-08-15", "url": "https://news.example/a1",
                    "sentence": PUTIN_CALL, "fact": "https://example.org/kg/fact/f2"}
    assert {r["factuality"] for r in rows} == {"Asserted", "Reported", "Negated"}


def test_timeline_all_and_bound(store):
    sparql = canned_queries()["timeline"].sparql
    everything = cells(run_query(store, sparql))
    assert len(everything) == 14
    assert everything[0][:4] == ("2024-06-19", "Signing", "Corea del Nord", "agent")
    assert everything[-1][0] is None  # undated events come last
    putin = cells(run_query(store, bind_params(sparql, {"entityLabel": "putin"})))
    assert putin == [("2025-08", "PhoneCall", "Vladimir Putin", "agent", PUTIN_CALL, "https://example.org/kg/event/a1/2"),
                     ("2025-08-15", "Letter", "Vladimir Putin", "recipient", KIM_LETTER,
                      "https://example.org/kg/event/a1/1")]
    # alternative labels match too
    assert cells(run_query(store, bind_params(sparql, {"entityLabel": "presidente russo"}))) == putin


@pytest.mark.parametrize("kind", ["graph.ttl", "graph.trig"])
@pytest.mark.parametrize("name", sorted(canned_queries()))
def test_engines_agree(files, name, kind):
    sparql = canned_queries()[name].sparql
    a = run_query(load_store(files / kind), sparql)
    b = run_query(load_graph(files / kind), sparql)
    assert a.variables == b.variables
    assert a.rows == b.rows
    if name in EXPECTED:
        assert cells(a) == EXPECTED[name]


def test_trig_union_default_graph(files):
    store = load_store(files / "graph.trig")
    result = run_query(store, "SELECT ?g WHERE { ?g a prov:Entity FILTER(CONTAINS(STR(?g), '/graph/')) }")
    assert cells(result) == [("https://example.org/kg/graph/a1",)]
    result = run_query(store, "SELECT ?l WHERE { <https://example.org/kg/entity/Q159> rdfs:label ?l }")
    assert cells(result) == [("Russia",), ("Russia",)]  # in two named graphs: why canned queries say DISTINCT


@pytest.mark.parametrize("text", ['plain', 'say "hi"', "back\\slash", "new\nline\ttab\r", '"} ; DROP ALL #',
                                  "Vjačeslav — «già»", "ends with \\"])
def test_sparql_literal_round_trips(store, text):
    result = run_query(store, f"SELECT ?x WHERE {{ BIND({sparql_literal(text)} AS ?x) }}")
    assert cells(result) == [(text,)]


def test_param_cannot_inject(store):
    sparql = canned_queries()["timeline"].sparql
    attack = '"} } SELECT * WHERE { ?s ?p ?o } #'
    bound = bind_params(sparql, {"entityLabel": attack})
    assert run_query(store, bound).rows == []  # just a label that matches nothing
    tricky = 'Il "Grande" {Leader}'
    rows = cells(run_query(store, bind_params(sparql, {"entityLabel": tricky})))
    assert [r[:4] for r in rows] == [(None, "Visit", tricky, "agent")]
    # a value with regex replacement syntax is taken literally
    assert "\\g<0>" in bind_params(sparql, {"entityLabel": "\\g<0>"})


def test_param_needs_a_placeholder():
    with pytest.raises(QueryError, match=r"canned query 'leaders'.*VALUES \?who"):
        bind_params(canned_queries()["leaders"].sparql, {"who": "x"}, "canned query 'leaders'")
    with pytest.raises(QueryError, match="bad parameter name"):
        bind_params("SELECT * { VALUES ?x { UNDEF } }", {"x }": "v"})


def test_formats_parse_back(store):
    result = run_query(store, canned_queries()["flows"].sparql)
    # CSV: lexical values, empty for unbound
    rows = list(csv.reader(io.StringIO(to_csv(result))))
    assert rows[0] == result.variables
    assert [tuple(c or None for c in r) for r in rows[1:]] == EXPECTED["flows"]
    # TSV, JSON and XML through pyoxigraph's own results parsers: the terms survive
    for text, fmt in ((to_tsv(result), ox.QueryResultsFormat.TSV), (to_json(result), ox.QueryResultsFormat.JSON),
                      (to_xml(result), ox.QueryResultsFormat.XML)):
        parsed = ox.parse_query_results(text.encode("utf-8"), format=fmt)
        assert [v.value for v in parsed.variables] == result.variables
        back = [tuple(None if s[v] is None else s[v].value for v in parsed.variables) for s in parsed]
        assert back == EXPECTED["flows"]
    data = json.loads(to_json(result))
    quantity = data["results"]["bindings"][0]["quantity"]
    assert quantity == {"type": "literal", "value": "10000", "datatype": "http://www.w3.org/2001/XMLSchema#decimal"}
    assert "factuality" not in data["results"]["bindings"][1]  # unbound is left out


def test_tsv_escapes_and_languages(store):
    result = run_query(store, 'SELECT ?x ?y ?z WHERE { BIND("a\\tb\\nc \\"q\\""@it AS ?x) '
                              'BIND(<https://e.example/x> AS ?y) }')
    text = to_tsv(result)
    assert text.splitlines()[1] == '"a\\tb\\nc \\"q\\""@it\t<https://e.example/x>\t'
    parsed = list(ox.parse_query_results(text.encode(), format=ox.QueryResultsFormat.TSV))
    assert parsed[0]["x"] == ox.Literal('a\tb\nc "q"', language="it")


def test_ask_and_construct(store, files):
    ask = run_query(store, "ASK { ?s kg:leaderOf ?o }")
    assert ask.kind == "ask" and ask.boolean is True
    assert json.loads(to_json(ask)) == {"head": {}, "boolean": True}
    assert to_table(ask) == "true"
    graph = run_query(store, "CONSTRUCT { ?s kg:leaderOf ?o } WHERE { ?s kg:leaderOf ?o }")
    assert graph.kind == "graph" and len(graph.triples) == 2


def test_table_shortens(store):
    text = to_table(run_query(store, "SELECT ?c WHERE { <https://example.org/kg/entity/Q159> a ?c }"))
    assert "kg:State" in text and text.endswith("(1 row)")


def test_syntax_error_names_the_source(store, files):
    for engine in (store, load_graph(files / "graph.ttl")):
        with pytest.raises(QueryError, match=r"^letters\.rq: SPARQL syntax error"):
            run_query(engine, "SELEC ?x", source="letters.rq")


# ------------------------------------------------------------------ the CLI

def test_cli_canned_table(files, capsys):
    assert main(["query", str(files / "graph.ttl"), "letters"]) == 0
    out = capsys.readouterr().out
    assert "Vladimir Putin" in out and "PhoneCall" in out and out.rstrip().endswith("(2 rows)")


def test_cli_list(files, capsys):
    assert main(["query", str(files / "graph.ttl")]) == 0
    out = capsys.readouterr().out
    assert "letters" in out and "--param entityLabel" in out


@pytest.mark.parametrize("engine", ["oxigraph", "rdflib"])
def test_cli_json_and_engines(files, capsys, engine):
    assert main(["query", str(files / "graph.trig"), "leaders", "--format", "json", "--engine", engine]) == 0
    data = json.loads(capsys.readouterr().out)
    people = [b["person"]["value"] for b in data["results"]["bindings"]]
    assert people == [r[3] for r in EXPECTED["leaders"]]


def test_cli_csv_tsv(files, capsys):
    assert main(["query", str(files / "graph.ttl"), "treaties", "--format", "csv"]) == 0
    rows = list(csv.reader(io.StringIO(capsys.readouterr().out)))
    assert rows[0] == ["treaty", "signatory", "date", "factuality"] and len(rows) == 4
    assert main(["query", str(files / "graph.ttl"), "treaties", "--format", "tsv"]) == 0
    assert capsys.readouterr().out.startswith("?treaty\t?signatory\t?date\t?factuality\n")


def test_cli_inline_and_file(files, tmp_path, capsys):
    assert main(["query", str(files / "graph.ttl"), "SELECT ?n WHERE { ?p kg:leaderOf ?s . ?s rdfs:label ?n } "
                 "ORDER BY ?n", "--format", "csv"]) == 0
    assert capsys.readouterr().out.split() == ["n", "Corea", "del", "Nord", "Russia"]
    rq = tmp_path / "count.rq"
    rq.write_text("# how many treaties\nSELECT (COUNT(*) AS ?n) WHERE { ?t a kg:Treaty }\n", encoding="utf-8")
    assert main(["query", str(files / "graph.ttl"), str(rq), "--format", "csv"]) == 0
    assert capsys.readouterr().out.split() == ["n", "2"]


def test_cli_param(files, capsys):
    assert main(["query", str(files / "graph.ttl"), "timeline", "--param", "entityLabel=Grande", "--format", "csv"]) == 0
    rows = list(csv.reader(io.StringIO(capsys.readouterr().out)))
    assert [r[1:4] for r in rows[1:]] == [["Visit", 'Il "Grande" {Leader}', "agent"]]


def test_cli_ask_and_construct(files, capsys):
    assert main(["query", str(files / "graph.ttl"), "ASK { ?s kg:signed ?t }"]) == 0
    assert capsys.readouterr().out.strip() == "true"
    assert main(["query", str(files / "graph.ttl"), "CONSTRUCT { ?s kg:signed ?t } WHERE { ?s kg:signed ?t }"]) == 0
    g = Graph().parse(data=capsys.readouterr().out, format="turtle")
    assert len(g) == 2


def test_cli_errors(files, tmp_path, capsys):
    missing = tmp_path / "nope.ttl"
    assert main(["query", str(missing), "letters"]) == 2
    assert str(missing) in capsys.readouterr().err
    bad = tmp_path / "bad.ttl"
    bad.write_text("@prefix x: <http://e/> .\nx:a x:b \"open .\n", encoding="utf-8")
    for engine in ("oxigraph", "rdflib"):
        assert main(["query", str(bad), "letters", "--engine", engine]) == 2
        err = capsys.readouterr().err
        assert str(bad) in err and "cannot parse graph" in err
    rq = tmp_path / "broken.rq"
    rq.write_text("SELECT ?x WHERE { ?x ?y }", encoding="utf-8")
    for engine in ("oxigraph", "rdflib"):
        assert main(["query", str(files / "graph.ttl"), str(rq), "--engine", engine]) == 2
        err = capsys.readouterr().err
        assert f"{rq}: SPARQL syntax error" in err
    assert main(["query", str(files / "graph.ttl"), "missing.rq"]) == 2
    assert "missing.rq: no such query file" in capsys.readouterr().err
    assert main(["query", str(files / "graph.ttl"), "leter"]) == 2
    assert "neither a query file nor a canned query" in capsys.readouterr().err
    assert main(["query", str(files / "graph.ttl"), "leaders", "--param", "who"]) == 2
    assert "NAME=VALUE" in capsys.readouterr().err
    assert main(["query", str(tmp_path / "graph.xyz"), "leaders"]) == 2
    assert "unknown graph format" in capsys.readouterr().err
