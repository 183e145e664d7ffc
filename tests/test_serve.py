"""kg serve: the SPARQL 1.1 Protocol endpoint, run in a thread on a free port and asked over HTTP."""
import csv
import inspect
import io
import json
import os
import select
import socket
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


SERVERS: list = []


@pytest.fixture
def start(tmp_path):
    """start(**kwargs) -> base URL of a server on 127.0.0.1 and a free port; stopped after the test."""
    servers = SERVERS
    (tmp_path / "graph.ttl").write_text(SAMPLE, encoding="utf-8")

    def _start(**kwargs):
        server = serve(tmp_path / "graph.ttl", port=0, quiet=True, **kwargs)
        threading.Thread(target=server.serve_forever, kwargs={"poll_interval": 0.05}, daemon=True).start()
        servers.append(server)
        host, port = server.server_address[:2]
        return f"http://{host}:{port}"

    yield _start
    while servers:
        server = servers.pop()
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


def _listener():
    """A listening loopback socket: anything that tries to fetch a SERVICE URL connects here."""
    sock = socket.socket()
    sock.bind(("127.0.0.1", 0))
    sock.listen(8)
    sock.setblocking(False)
    return sock


def _connected(sock) -> bool:
    return bool(select.select([sock], [], [], 0.5)[0])


@pytest.mark.parametrize("query", [
    "SELECT * WHERE { SERVICE <http://127.0.0.1:PORT/sparql> { ?s ?p ?o } }",
    "select * { service silent <http://127.0.0.1:PORT/> { ?s ?p ?o } }",
    # the text filter of old read '<2)SERVICE#>' as an IRI and let this through
    "SELECT * WHERE { FILTER(1<2)SERVICE#>\n<http://127.0.0.1:PORT/sparql> { ?s ?p ?o } }",
    "SELECT * WHERE { ?s ?p ?o . \\u0053ERVICE <http://127.0.0.1:PORT/> { ?a ?b ?c } }",
])
def test_service_refused_and_never_connects(start, query):
    base = start()
    with _listener() as sock:
        query = query.replace("PORT", str(sock.getsockname()[1]))
        status, _, text = get(base + "/sparql", query=query)
        assert status in (400, 403), text
        assert not _connected(sock)
    if "\\u" not in query:
        assert status == 403 and "SERVICE" in text


def test_service_words_in_strings_and_iris_are_data(start):
    base = start()
    query = ('SELECT ?service WHERE { ?service ?p "SERVICE <x> {}" } # SERVICE\n')
    status, _, _ = get(base + "/sparql", query=query)
    assert status == 200
    status, _, _ = get(base + "/sparql", query="SELECT * { ?s <http://e.example/SERVICE> ?o }")
    assert status == 200


def test_bad_query_400(start):
    base = start()
    status, headers, text = get(base + "/sparql", query="SELECT ?x WHERE { ?x ?y }")
    assert status == 400 and headers["Content-Type"].startswith("text/plain")
    assert "SPARQL syntax error" in text
    status, _, text = get(base + "/sparql")
    assert status == 400 and "missing 'query'" in text
    status, _, _ = post(base + "/sparql", LEADERS, "text/plain")
    assert status == 415
    status, _, _ = get(base + "/nowhere", query=LEADERS)
    assert status == 404


def test_runaway_query_is_killed_and_the_server_goes_on(start):
    base = start(timeout=0.5, limit=10 ** 9)
    server = SERVERS[-1]
    before = {w.process.pid for w in server.app.pool._all}
    status, _, text = get(base + "/sparql", query="SELECT (COUNT(*) AS ?n) WHERE { ?a ?b ?c . ?d ?e ?f . "
                                                   "?g ?h ?i . ?j ?k ?l . ?m ?n2 ?o }")
    assert status == 503 and "timeout" in text
    killed = before - {w.process.pid for w in server.app.pool._all}
    assert len(killed) == 1  # its worker is gone, CPU and memory with it
    pid = killed.pop()
    with pytest.raises(ProcessLookupError):
        os.kill(pid, 0)
    status, _, _ = get(base + "/sparql", query=LEADERS)
    assert status == 200


def test_deep_nesting_refused_before_any_parser(start):
    base = start()
    deep = "SELECT * WHERE { FILTER(" + "(" * 5000 + "1" + ")" * 5000 + ") }"
    status, _, text = post(base + "/sparql", deep, "application/sparql-query")
    assert status == 400 and "nested" in text
    assert get(base + "/sparql", query=LEADERS)[0] == 200


def test_limit_truncates(start):
    base = start(limit=1)
    status, headers, text = get(base + "/sparql", query=LEADERS)
    assert status == 200 and headers["X-KG-Truncated"] == "true"
    answer = json.loads(text)
    assert len(answer["results"]["bindings"]) == 1
    assert answer["head"]["link"] == ["https://w3id.org/kg-it/ontology#truncated?limit=1"]
    assert "truncated" in answer["truncated"]
    _, _, text = get(base + "/sparql", accept="application/sparql-results+xml", query=LEADERS)
    assert "#truncated?limit=1" in text and ElementTree.fromstring(text) is not None
    _, _, text = get(base + "/sparql", accept="text/csv", query=LEADERS)
    assert text.splitlines()[-1].startswith("# truncated")
    _, _, text = get(base + "/sparql", query="CONSTRUCT { ?s ?p ?o } WHERE { ?s ?p ?o }")
    assert text.startswith("# truncated: only the first 1 triples") and len(Graph().parse(data=text, format="turtle")) == 1
    status, headers, _ = get(base + "/sparql", query="SELECT ?s WHERE { ?s kg:holdsPosition ?o }")
    assert "X-KG-Truncated" not in headers


def test_binds_localhost_by_default(start):
    assert inspect.signature(serve).parameters["host"].default == "127.0.0.1"
    assert build_parser().parse_args(["serve", "g.ttl"]).host == "127.0.0.1"
    assert start().startswith("http://127.0.0.1:")


def test_query_page_assets_and_view(start, tmp_path):
    base = start()
    status, headers, text = call(urllib.request.Request(base + "/"))
    assert status == 200 and headers["Content-Type"].startswith("text/html")
    assert "/sparql" in text and "letters" in text
    (tmp_path / "graph.html").write_text("<html>an old view left beside the graph</html>", encoding="utf-8")
    status, headers, text = call(urllib.request.Request(base + "/view"))
    assert status == 200 and "an old view" not in text and "kg: graph.ttl" in text
    assert call(urllib.request.Request(base + "/"))[2] != "<html>an old view left beside the graph</html>"
    status, headers, _ = call(urllib.request.Request(base + "/assets/yasgui.min.js"))
    assert status == 200 and "javascript" in headers["Content-Type"]
    assert call(urllib.request.Request(base + "/assets/..%2fserve.py"))[0] == 404


def test_host_check(start):
    base = start()
    port = base.rsplit(":", 1)[1]
    assert raw(base, f"GET /sparql?query=ASK%7B%7D HTTP/1.1\r\nHost: localhost:{port}\r\n\r\n").startswith(b"HTTP/1.1 200")
    answer = raw(base, "GET /sparql?query=ASK%7B%7D HTTP/1.1\r\nHost: attacker.example:80\r\n\r\n")
    assert answer.startswith(b"HTTP/1.1 403") and b"--allow-host" in answer
    wide = start(allow_hosts=["kg.example"])
    assert raw(wide, "GET /sparql?query=ASK%7B%7D HTTP/1.1\r\nHost: kg.example\r\n\r\n").startswith(b"HTTP/1.1 200")


def test_cors(start):
    plain, cors = start(), start(cors="https://app.example")
    assert "Access-Control-Allow-Origin" not in get(plain + "/sparql", query=LEADERS)[1]
    assert get(cors + "/sparql", query=LEADERS)[1]["Access-Control-Allow-Origin"] == "https://app.example"
    answer = raw(cors, "OPTIONS /sparql HTTP/1.1\r\nHost: 127.0.0.1\r\nOrigin: https://app.example\r\n\r\n")
    assert answer.startswith(b"HTTP/1.1 204") and b"Access-Control-Allow-Methods" in answer


@pytest.mark.parametrize("length", ["-1", "+5", "1e9", " 12", "99999999999999999999"])
def test_no_content_length_bypasses_the_body_limit(start, length):
    base = start()
    body = "query=" + "x" * 2000
    answer = raw(base, f"POST /sparql HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/x-www-form-urlencoded"
                       f"\r\nContent-Length: {length}\r\n\r\n{body}")
    assert answer.split(b" ")[1] in (b"400", b"413")


def test_body_limit_also_for_chunked(start):
    base = start()
    chunk = "x" * 65536
    body = "".join(f"{len(chunk):x}\r\n{chunk}\r\n" for _ in range(20)) + "0\r\n\r\n"
    answer = raw(base, "POST /sparql HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/sparql-query\r\n"
                       "Transfer-Encoding: chunked\r\n\r\n" + body)
    assert answer.startswith(b"HTTP/1.1 413")


def test_idle_connections_do_not_block_a_request(start):
    base = start()
    host, port = base[len("http://"):].split(":")
    idle = [socket.create_connection((host, int(port))) for _ in range(200)]
    try:
        assert get(base + "/sparql", query=LEADERS)[0] == 200
    finally:
        for sock in idle:
            sock.close()


def raw(base: str, request: str) -> bytes:
    """Send bytes as written (headers urllib would refuse to send) and read the answer."""
    host, port = base[len("http://"):].split(":")
    with socket.create_connection((host, int(port)), timeout=10) as sock:
        sock.sendall(request.encode("latin-1"))
        sock.shutdown(socket.SHUT_WR)
        chunks = []
        while True:
            try:
                data = sock.recv(65536)
            except ConnectionResetError:
                break
            if not data:
                break
            chunks.append(data)
        return b"".join(chunks)


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
