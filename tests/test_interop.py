"""The seeds graph read and queried by other RDF engines: Jena (riot, ARQ), Raptor, serd and a
private Virtuoso loaded with `kg push`. Each canned query must give the same rows everywhere.

Engines come from Debian packages (.ci/run installs them); without one its tests skip, unless
KG_REQUIRE_ENGINES is set, when they fail. Helpers and workarounds: tests/engines.py.
"""
import json
import threading
import urllib.parse
import urllib.request
from collections import Counter
from decimal import Decimal, InvalidOperation
from pathlib import Path

import pytest
from rdflib import BNode, Dataset, Graph, Literal, URIRef

from engines import Jena, Virtuoso, need, run
from kg.cli import main
from kg.push import PushError, push
from kg.query import bind_params, canned_queries, load_graph, load_store, run_query
from kg.serve import serve

pytestmark = [pytest.mark.engines, pytest.mark.model]

XSD = "http://www.w3.org/2001/XMLSchema#"
NUMERIC = {XSD + t for t in ("decimal", "integer", "double", "float", "int", "long", "short", "byte",
                             "nonNegativeInteger", "positiveInteger", "negativeInteger", "nonPositiveInteger",
                             "unsignedInt", "unsignedLong", "unsignedShort", "unsignedByte")}
ALL_GRAPH = "https://example.org/kg/test/seeds"
META_GRAPH = "https://example.org/kg/test/build"
# (case name, canned query, parameters): every canned query, and the parametrised ones bound too
CASES = [(name, name, {}) for name in sorted(canned_queries())] + [
    ("timeline-Putin", "timeline", {"entityLabel": "Putin"}),
    ("timeline-corea", "timeline", {"entityLabel": "corea"}),
]


# ---------------------------------------------------------------- engines, once per session

@pytest.fixture(scope="session")
def jena(tmp_path_factory):
    return Jena(tmp_path_factory.mktemp("jena-cache"))


@pytest.fixture(scope="session")
def virtuoso(tmp_path_factory):
    server = Virtuoso(tmp_path_factory.mktemp("virtuoso"))
    server.start()
    try:
        yield server
    finally:
        server.stop()


@pytest.fixture(scope="session")
def seeds_ttl(seeds_graph) -> Path:
    return seeds_graph / "graph.ttl"


@pytest.fixture(scope="session")
def seeds_rdflib(seeds_ttl) -> Graph:
    return Graph().parse(seeds_ttl, format="turtle")


@pytest.fixture(scope="session")
def loaded(virtuoso, seeds_ttl) -> str:
    """Virtuoso with the seeds Turtle in ALL_GRAPH (pushed with Digest auth); the graph IRI."""
    push(seeds_ttl, virtuoso.gsp, ALL_GRAPH, auth=(virtuoso.user, virtuoso.password))
    return ALL_GRAPH


# ---------------------------------------------------------------- parsers agree the files are clean

def no_complaints(output: str) -> bool:
    lowered = output.lower()
    return "warn" not in lowered and "error" not in lowered


@pytest.mark.parametrize("name", ["graph.ttl", "graph.trig"])
def test_riot_validates(jena, seeds_graph, name):
    done = jena.riot_validate(seeds_graph / name)
    assert done.returncode == 0, done.stderr
    assert no_complaints(done.stdout + done.stderr), done.stdout + done.stderr


@pytest.mark.parametrize("syntax, name", [("turtle", "graph.ttl"), ("trig", "graph.trig")])
def test_rapper_counts(seeds_graph, seeds_rdflib, syntax, name):
    rapper = need("rapper", "raptor2-utils")
    done = run([rapper, "-i", syntax, "-c", str(seeds_graph / name)])
    assert done.returncode == 0, done.stderr
    lines = [line for line in done.stderr.splitlines() if not line.startswith("rapper: Parsing")]
    assert not lines and no_complaints(done.stdout + done.stderr), done.stderr
    count = int(done.stderr.split("Parsing returned ")[1].split()[0])
    if name == "graph.ttl":
        assert count == len(seeds_rdflib)
    else:  # quads: an entity described in two articles counts in both
        ds = Dataset()
        ds.parse(seeds_graph / name, format="trig")
        assert count == len(list(ds.quads((None, None, None, None))))


def test_serdi_reads_the_same_triples(seeds_ttl, seeds_rdflib):
    serdi = need("serdi", "serdi")
    done = run([serdi, "-i", "turtle", "-o", "ntriples", str(seeds_ttl)])
    assert done.returncode == 0 and not done.stderr.strip(), done.stderr
    assert set(Graph().parse(data=done.stdout, format="nt")) == set(seeds_rdflib)


# ---------------------------------------------------------------- kg push into Virtuoso

def test_push_one_graph_replace_and_append(virtuoso, seeds_ttl, seeds_rdflib, tmp_path):
    graph, auth = "https://example.org/kg/test/push", (virtuoso.user, virtuoso.password)
    result = push(seeds_ttl, virtuoso.gsp, graph, auth=auth)  # Digest auth
    assert result.triples == len(seeds_rdflib) == virtuoso.count(graph)
    extra = tmp_path / "extra.ttl"
    extra.write_text('<https://example.org/kg/test/x> <http://www.w3.org/2000/01/rdf-schema#label> '
                     '"Vjačeslav Volodin — già «sì»"@it , "Volodin"@it .\n', encoding="utf-8")
    push(extra, virtuoso.gsp, graph, mode="append", auth=auth)
    assert virtuoso.count(graph) == len(seeds_rdflib) + 2
    rows = virtuoso.select(f"SELECT ?l WHERE {{ GRAPH <{graph}> {{ <https://example.org/kg/test/x> ?p ?l }} }}")
    assert sorted(b["l"]["value"] for b in rows["results"]["bindings"]) == ["Vjačeslav Volodin — già «sì»", "Volodin"]
    push(extra, virtuoso.gsp, graph, auth=auth)  # replace: the graph is now the file
    assert virtuoso.count(graph) == 2
    push(seeds_ttl, virtuoso.gsp, graph, auth=auth)
    assert virtuoso.count(graph) == len(seeds_rdflib)


def test_push_per_article(virtuoso, seeds_graph, seeds_rdflib):
    trig = seeds_graph / "graph.trig"
    ds = Dataset()
    ds.parse(trig, format="trig")
    expected = {str(g.identifier): len(g) for g in ds.graphs() if isinstance(g.identifier, URIRef)
                and "/graph/" in str(g.identifier) and len(g)}
    assert len(expected) == 5
    assert main(["push", str(trig), "--endpoint", virtuoso.gsp, "--per-article", "--graph", META_GRAPH,
                 "--user", virtuoso.user, "--password", virtuoso.password]) == 0
    assert {iri: virtuoso.count(iri) for iri in expected} == expected
    assert virtuoso.count(META_GRAPH) == len(ds.default_context)
    graphs = " ".join(f"<{iri}>" for iri in [*expected, META_GRAPH])
    union = virtuoso.select("SELECT (COUNT(*) AS ?n) WHERE { SELECT DISTINCT ?s ?p ?o WHERE { "
                            f"GRAPH ?g {{ ?s ?p ?o }} VALUES ?g {{ {graphs} }} }} }}")
    assert int(union["results"]["bindings"][0]["n"]["value"]) == len(seeds_rdflib)  # = graph.ttl
    # append twice: the store keeps sets, so nothing doubles
    assert main(["push", str(trig), "--endpoint", virtuoso.gsp, "--per-article", "--graph", META_GRAPH,
                 "--mode", "append", "--user", virtuoso.user, "--password", virtuoso.password]) == 0
    assert {iri: virtuoso.count(iri) for iri in expected} == expected


def test_push_anonymous_endpoint_needs_the_grant(virtuoso, seeds_ttl, seeds_rdflib, capsys):
    graph = "https://example.org/kg/test/anonymous"
    args = ["push", str(seeds_ttl), "--endpoint", virtuoso.gsp_anonymous, "--graph", graph]
    assert main(args) == 2  # before the grant, Virtuoso refuses and says why
    err = capsys.readouterr().err
    assert f"{virtuoso.gsp_anonymous}: PUT of graph <{graph}> failed with HTTP 403" in err
    assert "Permission denied" in err and "Traceback" not in err
    virtuoso.grant_anonymous_update()
    assert main(args) == 0
    assert virtuoso.count(graph) == len(seeds_rdflib)


def test_push_errors_from_a_real_store(virtuoso, seeds_ttl):
    with pytest.raises(PushError, match=r"HTTP 401"):
        push(seeds_ttl, virtuoso.gsp, "https://example.org/kg/test/denied", auth=("dba", "wrong"))
    # Virtuoso's Graph Store has no default graph: the message says to name one
    with pytest.raises(PushError, match=r"HTTP 500.*give --graph IRI.*default"):
        push(seeds_ttl, virtuoso.gsp, auth=(virtuoso.user, virtuoso.password))


# ---------------------------------------------------------------- one answer from every engine

def norm_term(kind: str, value: str, lang=None, datatype=None):
    """A comparable term: IRIs and blank nodes by kind, literals by value, language (lower
    case) and datatype (xsd:string and rdf:langString dropped; numbers by value)."""
    if kind == "uri":
        return ("iri", value)
    if kind == "bnode":
        return ("bnode",)
    if datatype in (XSD + "string", "http://www.w3.org/1999/02/22-rdf-syntax-ns#langString") or lang:
        datatype = None
    if datatype in NUMERIC:
        try:
            return ("number", Decimal(value).normalize())
        except InvalidOperation:
            pass
    return ("literal", value, lang.lower() if lang else None, datatype)


def rows_from_result(result) -> Counter:
    out = Counter()
    for row in result.rows:
        key = []
        for t in row:
            if t is None:
                key.append(None)
            elif isinstance(t, URIRef):
                key.append(norm_term("uri", str(t)))
            elif isinstance(t, BNode):
                key.append(norm_term("bnode", str(t)))
            else:
                assert isinstance(t, Literal)
                key.append(norm_term("literal", str(t), t.language, str(t.datatype) if t.datatype else None))
        out[tuple(key)] += 1
    return out


def rows_from_json(data: dict, variables: list[str]) -> Counter:
    """SPARQL JSON results (Virtuoso writes 'typed-literal' for literals with a datatype)."""
    assert data["head"]["vars"] == variables
    out = Counter()
    for binding in data["results"]["bindings"]:
        key = []
        for v in variables:
            b = binding.get(v)
            if b is None:
                key.append(None)
            else:
                kind = "literal" if b["type"] in ("literal", "typed-literal") else b["type"]
                key.append(norm_term(kind, b["value"], b.get("xml:lang"), b.get("datatype")))
        out[tuple(key)] += 1
    return out


@pytest.fixture(scope="session")
def kg_endpoint(seeds_ttl):
    server = serve(seeds_ttl, port=0, quiet=True, limit=10 ** 6)
    threading.Thread(target=server.serve_forever, kwargs={"poll_interval": 0.05}, daemon=True).start()
    yield f"http://127.0.0.1:{server.server_address[1]}/sparql"
    server.shutdown()
    server.server_close()


@pytest.fixture(scope="session")
def reference(seeds_ttl):
    """rdflib's answer to each case: the variables and the rows every other engine must give."""
    graph = load_graph(seeds_ttl)
    out = {}
    for case, name, params in CASES:
        sparql = bind_params(canned_queries()[name].sparql, params)
        result = run_query(graph, sparql)
        out[case] = (sparql, result.variables, rows_from_result(result))
    return out


def test_the_cases_are_not_empty(reference):
    """Agreement on empty answers would prove nothing: the seeds give rows for every case."""
    assert {case: sum(rows.values()) > 0 for case, (_, _, rows) in reference.items()} == {c: True for c, _, _ in CASES}
    assert reference["timeline-Putin"][2] != reference["timeline"][2]


@pytest.mark.parametrize("case", [c for c, _, _ in CASES])
def test_pyoxigraph_agrees(reference, seeds_ttl, case):
    sparql, variables, expected = reference[case]
    result = run_query(load_store(seeds_ttl), sparql)
    assert result.variables == variables and rows_from_result(result) == expected


@pytest.mark.parametrize("case", [c for c, _, _ in CASES])
def test_virtuoso_agrees(reference, virtuoso, loaded, case):
    sparql, variables, expected = reference[case]
    assert rows_from_json(virtuoso.select(sparql, default_graph=loaded), variables) == expected


@pytest.mark.parametrize("case", [c for c, _, _ in CASES])
def test_jena_arq_agrees(reference, jena, seeds_ttl, tmp_path, case):
    sparql, variables, expected = reference[case]
    query = tmp_path / f"{case}.rq"
    query.write_text(sparql, encoding="utf-8")
    assert rows_from_json(jena.arq_json(seeds_ttl, query), variables) == expected


@pytest.mark.parametrize("case", [c for c, _, _ in CASES])
def test_kg_serve_agrees(reference, kg_endpoint, case):
    sparql, variables, expected = reference[case]
    request = urllib.request.Request(kg_endpoint, data=urllib.parse.urlencode({"query": sparql}).encode(),
                                     headers={"Accept": "application/sparql-results+json"})
    with urllib.request.urlopen(request, timeout=60) as response:
        assert rows_from_json(json.loads(response.read().decode("utf-8")), variables) == expected


def test_virtuoso_holds_what_rdflib_reads(virtuoso, loaded, seeds_rdflib):
    assert virtuoso.count(loaded) == len(seeds_rdflib)
    # literals come back whole: every Italian label with its language tag
    data = virtuoso.select("SELECT ?s ?l WHERE { ?s <http://www.w3.org/2000/01/rdf-schema#label> ?l }",
                           default_graph=loaded)
    got = Counter((b["s"]["value"], b["l"]["value"], b["l"].get("xml:lang")) for b in data["results"]["bindings"])
    label = URIRef("http://www.w3.org/2000/01/rdf-schema#label")
    want = Counter((str(s), str(o), o.language) for s, o in seeds_rdflib.subject_objects(label))
    assert got == want
