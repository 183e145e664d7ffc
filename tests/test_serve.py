"""kg serve: the SPARQL 1.1 Protocol endpoint, run in a thread on a free port and asked over HTTP."""
import csv
import inspect
import io
import json
import threading
import time
import urllib.error
import urllib.parse
import urllib.request
from xml.etree import ElementTree

import pytest
from rdflib import Graph

import kg.serve
from kg.cli import build_parser
from kg.serve import negotiate, serve
from test_query import EXPECTED, SAMPLE

LEADERS = "SELECT ?n WHERE { ?p kg:leaderOf ?s . ?s rdfs:label ?n } ORDER BY ?n"


@pytest.fixture
def start(tmp_path):
    """start(**kwargs) -> base URL of a server on 127.0.0.1 and a free port; stopped after the test."""
    servers = []
    (tmp_path / "graph.ttl").write_text(SAMPLE, encoding="utf-8")

    def _start(**kwargs):
        server = serve(tmp_path / "graph.ttl", port=0, quiet=True, **kwargs)
        threading.Thread(target=server.serve_forever, kwargs={"poll_interval": 0.05}, daemon=True).start()
        servers.append(server)
        host, port = server.server_address[:2]
        return f"http://{host}:{port}"

    yield _start
    for server in servers:
        server.shutdown()
        server.server_close()


def get(url, accept=None, **params):
    headers = {"Accept": accept} if accept else {}
    return call(urllib.request.Request(url + "?" + urllib.parse.urlencode(params), headers=headers))


def post(url, body: str, ctype: str, accept=None):
    headers = {"Content-Type": ctype, **({"Accept": accept} if accept else {})}
    return call(urllib.request.Request(url, data=body.encode("utf-8"), headers=headers, method="POST"))


def call(request):
    """(status, headers, text) also for error statuses."""
    try:
        with urllib.request.urlopen(request, timeout=10) as response:
            return response.status, response.headers, response.read().decode("utf-8")
    except urllib.error.HTTPError as err:
        return err.code, err.headers, err.read().decode("utf-8")


def test_get_json_by_default(start):
    base = start()
    status, headers, text = get(base + "/sparql", query=LEADERS)
    assert status == 200
    assert headers["Content-Type"].startswith("application/sparql-results+json")
    assert "X-KG-Truncated" not in headers
    data = json.loads(text)
    assert data["head"]["vars"] == ["n"]
    assert [b["n"] for b in data["results"]["bindings"]] == [
        {"type": "literal", "value": "Corea del Nord", "xml:lang": "it"},
        {"type": "literal", "value": "Russia", "xml:lang": "it"}]


def test_post_form_csv(start):
    base = start()
    body = urllib.parse.urlencode({"query": "PREFIX kg: <https://w3id.org/kg-it/ontology#>\n" + LEADERS})
    status, headers, text = post(base + "/sparql", body, "application/x-www-form-urlencoded", "text/csv")
    assert status == 200 and headers["Content-Type"].startswith("text/csv")
    assert list(csv.reader(io.StringIO(text))) == [["n"], ["Corea del Nord"], ["Russia"]]


def test_post_query_body_xml_and_tsv(start):
    base = start()
    status, headers, text = post(base + "/sparql", LEADERS, "application/sparql-query",
                                 "application/sparql-results+xml")
    assert status == 200 and headers["Content-Type"].startswith("application/sparql-results+xml")
    ns = {"r": "http://www.w3.org/2005/sparql-results#"}
    values = [e.text for e in ElementTree.fromstring(text).findall(".//r:literal", ns)]
    assert values == ["Corea del Nord", "Russia"]
    status, headers, text = post(base + "/sparql", LEADERS, "application/sparql-query",
                                 "text/tab-separated-values")
    assert text.splitlines() == ["?n", '"Corea del Nord"@it', '"Russia"@it']


def test_canned_query_over_http(start):
    from kg.query import canned_queries

    base = start()
    status, _, text = get(base + "/sparql", accept="text/csv", query=canned_queries()["flows"].sparql)
    rows = list(csv.reader(io.StringIO(text)))
    assert status == 200 and [tuple(c or None for c in r) for r in rows[1:]] == EXPECTED["flows"]


def test_ask_and_construct(start):
    base = start()
    status, _, text = get(base + "/sparql", query="ASK { ?s kg:signed ?t }")
    assert status == 200 and json.loads(text) == {"head": {}, "boolean": True}
    construct = "CONSTRUCT { ?s kg:leaderOf ?o } WHERE { ?s kg:leaderOf ?o }"
    status, headers, text = get(base + "/sparql", query=construct)
    assert headers["Content-Type"].startswith("text/turtle")
    assert len(Graph().parse(data=text, format="turtle")) == 2
    status, headers, text = get(base + "/sparql", accept="application/n-triples", query=construct)
    assert headers["Content-Type"].startswith("application/n-triples")
    assert len(Graph().parse(data=text, format="nt")) == 2


@pytest.mark.parametrize("how", ["get-update", "form-update", "sparql-update", "query-is-update"])
def test_updates_refused(start, how):
    base = start()
    update = "INSERT DATA { <https://e.example/a> <https://e.example/b> <https://e.example/c> }"
    if how == "get-update":
        status, _, text = get(base + "/sparql", update=update)
    elif how == "form-update":
        status, _, text = post(base + "/sparql", urllib.parse.urlencode({"update": update}),
                               "application/x-www-form-urlencoded")
    elif how == "sparql-update":
        status, _, text = post(base + "/sparql", update, "application/sparql-update")
    else:
        status, _, text = get(base + "/sparql", query="PREFIX e: <https://e.example/>\n" + update)
    assert status == 403 and "read-only" in text
    _, _, text = get(base + "/sparql", query="ASK { <https://e.example/a> ?p ?o }")
    assert json.loads(text)["boolean"] is False


def test_service_refused(start, monkeypatch):
    monkeypatch.setattr(kg.serve, "run_query", lambda *a, **k: pytest.fail("must not run"))
    base = start()
    status, _, text = get(base + "/sparql", query="SELECT * WHERE { SERVICE <http://127.0.0.1:1/sparql> { ?s ?p ?o } }")
    assert status == 403 and "SERVICE" in text


def test_uses_service():
    from kg.query import uses_service

    assert uses_service("select * { service silent <http://x/> { ?s ?p ?o } }")
    assert not uses_service('SELECT ?service WHERE { ?service a ex:service ; ?p "SERVICE <x> {}" } # SERVICE')
    assert not uses_service("SELECT * { ?s <http://e.example/SERVICE> ?o ; ?p '''a\nSERVICE''' }")


def test_bad_query_400(start):
    base = start()
    status, headers, text = get(base + "/sparql", query="SELECT ?x WHERE { ?x ?y }")
    assert status == 400 and headers["Content-Type"].startswith("text/plain")
    assert "SPARQL syntax error" in text and "error at" in text
    status, _, text = get(base + "/sparql")
    assert status == 400 and "missing 'query'" in text
    status, _, _ = post(base + "/sparql", LEADERS, "text/plain")
    assert status == 415
    status, _, _ = get(base + "/nowhere", query=LEADERS)
    assert status == 404


def test_timeout_503(start, monkeypatch):
    gave_up = threading.Event()

    def slow(store, sparql, *, limit=None, cancel=None, source="query"):
        if cancel.wait(5):  # the handler sets it when it stops waiting
            gave_up.set()
        raise AssertionError("not reached in time")

    monkeypatch.setattr(kg.serve, "run_query", slow)
    base = start(timeout=0.2)
    began = time.monotonic()
    status, _, text = get(base + "/sparql", query=LEADERS)
    assert status == 503 and "0.2 s" in text
    assert time.monotonic() - began < 3
    assert gave_up.wait(2)  # the worker was told to stop


def test_real_slow_query_times_out(start):
    base = start(timeout=0.3, limit=10 ** 9)
    # a streaming cross product, cancelled between rows
    status, _, text = get(base + "/sparql", query="SELECT * WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i }")
    assert status == 503


def test_limit_truncates(start):
    base = start(limit=1)
    status, headers, text = get(base + "/sparql", query=LEADERS)
    assert status == 200 and headers["X-KG-Truncated"] == "true"
    assert len(json.loads(text)["results"]["bindings"]) == 1
    status, headers, _ = get(base + "/sparql", query="SELECT ?s WHERE { ?s kg:holdsPosition ?o }")
    assert "X-KG-Truncated" not in headers


def test_binds_localhost_by_default(start):
    assert inspect.signature(serve).parameters["host"].default == "127.0.0.1"
    assert build_parser().parse_args(["serve", "g.ttl"]).host == "127.0.0.1"
    assert start().startswith("http://127.0.0.1:")


def test_index_page(start, tmp_path):
    base = start()
    status, headers, text = call(urllib.request.Request(base + "/"))
    assert status == 200 and headers["Content-Type"].startswith("text/html")
    assert "/sparql" in text and "letters" in text
    (tmp_path / "graph.html").write_text("<html>the graph view</html>", encoding="utf-8")
    assert call(urllib.request.Request(base + "/"))[2] == "<html>the graph view</html>"


def test_negotiate():
    offers = ["application/sparql-results+json", "text/csv", "application/sparql-results+xml"]
    assert negotiate(None, offers) == offers[0]
    assert negotiate("text/html,application/xhtml+xml,*/*;q=0.8", offers) == offers[0]
    assert negotiate("text/csv;q=0.5, application/sparql-results+xml", offers) == offers[2]
    assert negotiate("text/*", offers) == "text/csv"
    assert negotiate("image/png", offers) == offers[0]
    assert negotiate("text/csv;q=0, */*;q=0.1", offers) == offers[0]


@pytest.mark.parametrize("method, fmt", [("GET", "json"), ("POST", "xml"), ("POST_FORM", "csv"), ("GET", "tsv")])
def test_rdflib_sparql_client(start, tmp_path, method, fmt):
    """A real SPARQL Protocol client (rdflib's SPARQLStore) gets the answers the store gives."""
    from rdflib.plugins.stores.sparqlstore import SPARQLStore

    from kg.query import canned_queries, load_store, run_query

    base = start()
    remote = Graph(store=SPARQLStore(query_endpoint=base + "/sparql", returnFormat=fmt, method=method))
    for name, query in canned_queries().items():
        rows = [tuple(None if t is None else str(t) for t in row) for row in remote.query(query.sparql)]
        if name in EXPECTED:
            assert rows == EXPECTED[name], name
    if fmt in ("json", "xml"):  # these carry datatypes, language tags and booleans as well
        sources = canned_queries()["sources"].sparql
        assert [tuple(row) for row in remote.query(sources)] == run_query(load_store(tmp_path / "graph.ttl"), sources).rows
        assert remote.query("ASK { ?s kg:signed ?t }").askAnswer is True
    assert len(remote.query("CONSTRUCT { ?s kg:leaderOf ?o } WHERE { ?s kg:leaderOf ?o }")) == 2


def test_rdflib_sparql_client_update_refused(start):
    from rdflib.plugins.stores.sparqlconnector import SPARQLConnector

    base = start()
    client = SPARQLConnector(query_endpoint=base + "/sparql", update_endpoint=base + "/sparql")
    with pytest.raises(urllib.error.HTTPError) as refused:
        client.update("INSERT DATA { <https://e.example/a> <https://e.example/b> <https://e.example/c> }")
    assert refused.value.code == 403
