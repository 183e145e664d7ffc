"""kg push: the Graph Store Protocol client, against a small in-process store speaking the protocol.

The same client against a real store (Virtuoso, with Digest auth) is in test_interop.py.
"""
import base64
import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from urllib.parse import parse_qs, urlsplit

import pyoxigraph as ox
import pytest

from kg.cli import main
from kg.push import PushError, graph_url, push
from test_query import SAMPLE, files  # noqa: F401 - files is a fixture

DEFAULT = "(default)"


class Store(ThreadingHTTPServer):
    daemon_threads = True

    def __init__(self, user=None, password=None, fail=None):
        super().__init__(("127.0.0.1", 0), Handler)
        self.graphs: dict[str, set] = {}
        self.requests: list[dict] = []
        self.user, self.password, self.fail = user, password, fail

    @property
    def url(self):
        return f"http://127.0.0.1:{self.server_address[1]}"


class Handler(BaseHTTPRequestHandler):
    """PUT replaces a graph, POST adds to it (201 when it is new, else 204); the graph is named
    by ``graph=IRI``, ``graph-uri=IRI`` or ``default``."""

    def _write(self):
        store = self.server
        body = self.rfile.read(int(self.headers.get("Content-Length") or 0))
        query = parse_qs(urlsplit(self.path).query, keep_blank_values=True)
        store.requests.append({"method": self.command, "path": self.path, "query": query, "body": body,
                               "content_type": self.headers.get("Content-Type")})
        if store.user is not None:
            expected = "Basic " + base64.b64encode(f"{store.user}:{store.password}".encode()).decode()
            if self.headers.get("Authorization") != expected:
                return self._answer(401, b"who are you?", {"WWW-Authenticate": 'Basic realm="store"'})
        if store.fail:
            return self._answer(store.fail, b"<html><head><title>x</title></head><body><h1>Internal error</h1>"
                                b"<p>the store&#39;s disk is full</p></body></html>", {"Content-Type": "text/html"})
        names = [v[0] for k, v in query.items() if k in ("graph", "graph-uri")]
        graph = DEFAULT if "default" in query else (names[0] if names else None)
        if graph is None:
            return self._answer(400, b"name a graph")
        fmt = ox.RdfFormat.TURTLE if self.headers["Content-Type"].startswith("text/turtle") else ox.RdfFormat.N_TRIPLES
        triples = {str(t) for t in ox.parse(body, format=fmt)}
        new = graph not in store.graphs
        if self.command == "PUT" or new:
            store.graphs[graph] = set()
        store.graphs[graph] |= triples
        self._answer(201 if new else 204, b"")

    do_PUT = do_POST = _write

    def _answer(self, status, body, headers=None):
        self.send_response(status)
        for name, value in (headers or {}).items():
            self.send_header(name, value)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, *args):
        pass


@pytest.fixture
def store():
    servers = []

    def _start(**kwargs):
        server = Store(**kwargs)
        threading.Thread(target=server.serve_forever, kwargs={"poll_interval": 0.05}, daemon=True).start()
        servers.append(server)
        return server

    yield _start
    for server in servers:
        server.shutdown()
        server.server_close()


def triples_of(path, graph=None):
    """The file's triples as N-Triples strings, of one named graph or (None) all merged."""
    quads = ox.parse(path=str(path))
    return {str(ox.Triple(q.subject, q.predicate, q.object)) for q in quads
            if graph is None or (graph == DEFAULT and isinstance(q.graph_name, ox.DefaultGraph))
            or (isinstance(q.graph_name, ox.NamedNode) and q.graph_name.value == graph)}


def test_graph_url():
    assert graph_url("http://h/store", None) == "http://h/store?default"
    assert graph_url("http://h/store", "https://e.org/g#1") == "http://h/store?graph=https%3A%2F%2Fe.org%2Fg%231"
    assert graph_url("http://h/ds/data?x=1", "urn:g") == "http://h/ds/data?x=1&graph=urn%3Ag"
    for path in ("sparql-graph-crud", "sparql-graph-crud-auth", "sparql-graph-crud-auth/"):
        assert graph_url(f"http://h:8890/{path}", "urn:g") == f"http://h:8890/{path}?graph-uri=urn%3Ag"
    assert graph_url("http://h/sparql-graph-crud-auth", "urn:g", "graph").endswith("?graph=urn%3Ag")


def test_default_graph_turtle_in_utf8(store, files):
    server = store()
    result = push(files / "graph.ttl", server.url + "/store")
    [request] = server.requests
    assert request["method"] == "PUT" and "default" in request["query"]
    assert request["content_type"] == "text/turtle; charset=utf-8"
    assert "Vjačeslav Volodin".encode("utf-8") in request["body"]  # UTF-8 bytes, not \u escapes
    assert server.graphs[DEFAULT] == triples_of(files / "graph.ttl")
    assert result.triples == len(triples_of(files / "graph.ttl")) and result.graphs[0].status == 201


def test_named_graph_and_ntriples(store, files):
    server = store()
    push(files / "graph.trig", server.url + "/store", "https://example.org/kg/all", body_format="ntriples")
    [request] = server.requests
    assert request["query"] == {"graph": ["https://example.org/kg/all"]}
    assert request["content_type"] == "application/n-triples; charset=utf-8"
    # a TriG file pushed as one graph: every graph's triples, each once
    assert server.graphs["https://example.org/kg/all"] == triples_of(files / "graph.trig")
    assert triples_of(files / "graph.trig") > triples_of(files / "graph.ttl")  # and its default graph's


def test_virtuoso_parameter_name(store, files):
    server = store()
    push(files / "graph.ttl", server.url + "/sparql-graph-crud-auth", "urn:kg:test")
    push(files / "graph.ttl", server.url + "/sparql-graph-crud", "urn:kg:test2", graph_param="graph")
    assert [r["query"] for r in server.requests] == [{"graph-uri": ["urn:kg:test"]}, {"graph": ["urn:kg:test2"]}]


def test_per_article_replace_then_append(store, files):
    server = store()
    trig = files / "graph.trig"
    result = push(trig, server.url + "/store", per_article=True)
    assert [r["method"] for r in server.requests] == ["PUT"] * 3
    assert [g.graph for g in result.graphs] == [None, "https://example.org/kg/graph/a1", "https://example.org/kg/graph/a2"]
    for name in ("https://example.org/kg/graph/a1", "https://example.org/kg/graph/a2", DEFAULT):
        assert server.graphs[name] == triples_of(trig, name) and server.graphs[name]
    # append adds to what is there; replace makes the graph exactly the file's
    extra = files / "extra.ttl"
    extra.write_text("<https://example.org/kg/entity/Q159> <http://www.w3.org/2000/01/rdf-schema#comment> "
                     "\"Stato — già\"@it .\n", encoding="utf-8")
    a1 = "https://example.org/kg/graph/a1"
    push(extra, server.url + "/store", a1, mode="append")
    assert server.requests[-1]["method"] == "POST"
    assert server.graphs[a1] == triples_of(trig, a1) | triples_of(extra)
    push(extra, server.url + "/store", a1)
    assert server.graphs[a1] == triples_of(extra)
    # per-article with --graph: the file's default-graph triples go to that graph
    push(trig, server.url + "/store", "urn:kg:build", per_article=True, mode="append")
    assert server.graphs["urn:kg:build"] == triples_of(trig, DEFAULT)
    assert server.graphs[a1] == triples_of(extra) | triples_of(trig, a1)


def test_per_article_needs_named_graphs(files, tmp_path, capsys):
    with pytest.raises(PushError, match=r"graph\.ttl: --per-article needs named graphs.*graph\.trig"):
        push(files / "graph.ttl", "http://127.0.0.1:9/store", per_article=True)
    flat = tmp_path / "flat.trig"
    flat.write_text(SAMPLE, encoding="utf-8")
    with pytest.raises(PushError, match="no named graphs"):
        push(flat, "http://127.0.0.1:9/store", per_article=True)
    assert main(["push", str(files / "graph.ttl"), "--endpoint", "http://127.0.0.1:9/store", "--per-article"]) == 2
    err = capsys.readouterr().err
    assert err.startswith("kg: error:") and "Traceback" not in err


def test_basic_auth(store, files, capsys):
    server = store(user="kg", password="sécret")
    url = server.url + "/store"
    with pytest.raises(PushError, match=r"HTTP 401.*--user/--password.*who are you"):
        push(files / "graph.ttl", url, "urn:g")
    with pytest.raises(PushError, match="HTTP 401"):
        push(files / "graph.ttl", url, "urn:g", auth=("kg", "wrong"))
    push(files / "graph.ttl", url, "urn:g", auth=("kg", "sécret"))
    assert server.graphs["urn:g"] == triples_of(files / "graph.ttl")
    assert main(["push", str(files / "graph.ttl"), "--endpoint", url, "--graph", "urn:g2", "--user", "kg",
                 "--password", "sécret", "--mode", "append", "--no-ontology"]) == 0
    assert capsys.readouterr().out.strip() == (f"kg: {len(server.graphs['urn:g2'])} triples sent to {url}: "
                                               "appended to graph <urn:g2>")


def test_password_from_environment(store, files, monkeypatch, capsys):
    server = store(user="kg", password="pw")
    monkeypatch.setenv("KG_PUSH_PASSWORD", "pw")
    assert main(["push", str(files / "graph.ttl"), "--endpoint", server.url, "--user", "kg"]) == 0
    monkeypatch.delenv("KG_PUSH_PASSWORD")
    assert main(["push", str(files / "graph.ttl"), "--endpoint", server.url, "--user", "kg"]) == 2
    assert "--password" in capsys.readouterr().err


def test_server_error_names_endpoint_status_and_body(store, files, capsys):
    server = store(fail=500)
    url = server.url + "/store"
    assert main(["push", str(files / "graph.ttl"), "--endpoint", url, "--graph", "urn:g"]) == 2
    err = capsys.readouterr().err
    assert f"kg: error: {url}: PUT of graph <urn:g> failed with HTTP 500" in err
    assert "Internal error the store's disk is full" in err and "<html>" not in err and "Traceback" not in err


def test_connection_refused(files, capsys):
    from engines import free_port

    url = f"http://127.0.0.1:{free_port()}/store"
    assert main(["push", str(files / "graph.ttl"), "--endpoint", url, "--graph", "urn:g"]) == 2
    err = capsys.readouterr().err
    assert f"{url}: cannot reach the store" in err and "refused" in err and "Traceback" not in err


@pytest.mark.parametrize("args, message", [
    (["--endpoint", "ftp://h/x"], "not an http(s) URL"),
    (["--endpoint", "http://127.0.0.1:9/x", "--graph", "not an iri"], "not an absolute IRI"),
    (["--endpoint", "http://127.0.0.1:9/x", "--graph", "relative/path"], "not an absolute IRI"),
])
def test_bad_arguments(files, capsys, args, message):
    assert main(["push", str(files / "graph.ttl"), *args]) == 2
    assert message in capsys.readouterr().err


def test_bad_files(tmp_path, capsys):
    assert main(["push", str(tmp_path / "missing.ttl"), "--endpoint", "http://127.0.0.1:9/x"]) == 2
    assert "missing.ttl: no such graph file" in capsys.readouterr().err
    bad = tmp_path / "bad.ttl"
    bad.write_text('<http://e/a> <http://e/b> "open .\n', encoding="utf-8")
    assert main(["push", str(bad), "--endpoint", "http://127.0.0.1:9/x"]) == 2
    assert "bad.ttl: cannot parse graph" in capsys.readouterr().err


def test_the_ontology_goes_to_its_own_named_graph(store, files, capsys):
    from kg.vocab import ONTOLOGY_FILE, ONTOLOGY_IRI, ontology_dir

    def ground(triples):  # blank node ids differ between parses
        return {t for t in triples if "_:" not in t}

    onto = {str(ox.Triple(q.subject, q.predicate, q.object))
            for q in ox.parse(path=str(ontology_dir() / ONTOLOGY_FILE))}
    server = store()
    url = server.url + "/store"
    result = push(files / "graph.ttl", url, "urn:g", mode="append", ontology_graph="urn:onto")
    assert [(r["method"], r["query"]) for r in server.requests] == [
        ("POST", {"graph": ["urn:g"]}), ("PUT", {"graph": ["urn:onto"]})]  # the ontology is always replaced
    assert ground(server.graphs["urn:onto"]) == ground(onto) and len(server.graphs["urn:onto"]) == len(onto) and [g.graph for g in result.graphs] == ["urn:g", "urn:onto"]
    label = ('<https://w3id.org/kg-it/ontology#communicatedWith> <http://www.w3.org/2000/01/rdf-schema#label> '
             '"communicated with"@en')
    assert label in onto
    assert main(["push", str(files / "graph.ttl"), "--endpoint", url, "--graph", "urn:g3"]) == 0  # the CLI sends it
    assert ground(server.graphs[str(ONTOLOGY_IRI)]) == ground(onto)
    assert "2 graphs" in capsys.readouterr().out
