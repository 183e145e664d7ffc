"""A read-only SPARQL 1.1 Protocol endpoint over one graph file, on the standard library.

The graph is bulk-loaded into an in-memory pyoxigraph Store (reads are thread-safe, and
nothing can write to it: updates are refused with 403 before anything runs). Each query runs
in a worker thread so that a slow one can be abandoned after ``timeout`` seconds (503) without
blocking the server; a query stuck in one step, such as a large sort, keeps its thread busy
until that step ends. SERVICE clauses are refused, so the server never fetches URLs. Rows
beyond ``limit`` are dropped and the answer says so in the ``X-KG-Truncated: true`` header.
It binds to 127.0.0.1 unless told otherwise.

>>> server = serve("output/graph.ttl", port=0)   # doctest: +SKIP
>>> threading.Thread(target=server.serve_forever, daemon=True).start()  # doctest: +SKIP
"""
from __future__ import annotations

import html
import threading
from http import HTTPStatus
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Optional, Union
from urllib.parse import parse_qs, quote, urlsplit

import pyoxigraph as ox

from kg.query import (QueryCancelled, QueryError, Result, canned_queries, is_update, load_store, run_query, to_csv,
                      to_json, to_ntriples, to_tsv, to_turtle, to_xml, uses_service)

__all__ = ["serve", "SparqlServer", "negotiate"]

DEFAULT_HOST = "127.0.0.1"
MAX_BODY = 1 << 20  # a query text larger than 1 MiB is refused

SOLUTION_TYPES = {  # first is the default
    "application/sparql-results+json": to_json,
    "application/sparql-results+xml": to_xml,
    "text/csv": to_csv,
    "text/tab-separated-values": to_tsv,
    "application/json": to_json,
    "application/xml": to_xml,
}
GRAPH_TYPES = {"text/turtle": to_turtle, "application/n-triples": to_ntriples}


def negotiate(accept: Optional[str], offers: list[str]) -> str:
    """The offer the Accept header prefers (q-values, then header order); the first offer
    when nothing matches, so that browsers and curl get a useful default."""
    best, best_key = offers[0], None
    for position, item in enumerate((accept or "").split(",")):
        parts = [p.strip() for p in item.split(";")]
        media = parts[0].lower()
        q = 1.0
        for param in parts[1:]:
            name, _, value = param.partition("=")
            if name.strip() == "q":
                try:
                    q = float(value)
                except ValueError:
                    q = 0.0
        if not media or q <= 0:
            continue
        for offer in offers:
            major = offer.split("/")[0]
            if media in (offer, "*/*", f"{major}/*"):
                specific = 0 if media == "*/*" else (1 if media.endswith("/*") else 2)
                key = (q, specific, -position)
                if best_key is None or key > best_key:
                    best, best_key = (offers[0] if media == "*/*" else offer), key
                break
    return best


class SparqlServer(ThreadingHTTPServer):
    """Holds the store and the limits the handler reads."""

    daemon_threads = True

    def __init__(self, address, store: ox.Store, *, graph_path: Path, timeout: float, limit: int,
                 quiet: bool = False):
        self.store = store
        self.graph_path = graph_path
        self.query_timeout = timeout
        self.limit = limit
        self.quiet = quiet
        super().__init__(address, SparqlHandler)


class SparqlHandler(BaseHTTPRequestHandler):
    server: SparqlServer
    server_version = "kg-sparql/0.1"

    # ------------------------------------------------------------ routes
    def do_GET(self) -> None:
        url = urlsplit(self.path)
        if url.path in ("/", "/index.html"):
            return self._send(HTTPStatus.OK, self._index(), "text/html; charset=utf-8")
        if url.path != "/sparql":
            return self._error(HTTPStatus.NOT_FOUND, f"no such page {url.path}; the endpoint is /sparql")
        params = parse_qs(url.query, keep_blank_values=True)
        if "update" in params:
            return self._refuse_update()
        if "query" not in params:
            return self._error(HTTPStatus.BAD_REQUEST, "missing 'query' parameter (GET /sparql?query=...)")
        self._answer(params["query"])

    def do_POST(self) -> None:
        url = urlsplit(self.path)
        if url.path != "/sparql":
            return self._error(HTTPStatus.NOT_FOUND, f"no such endpoint {url.path}; POST to /sparql")
        ctype = (self.headers.get("Content-Type") or "").split(";")[0].strip().lower()
        if ctype == "application/sparql-update":
            return self._refuse_update()
        try:
            length = int(self.headers.get("Content-Length") or 0)
        except ValueError:
            return self._error(HTTPStatus.BAD_REQUEST, "bad Content-Length")
        if length > MAX_BODY:
            return self._error(HTTPStatus.REQUEST_ENTITY_TOO_LARGE, f"query larger than {MAX_BODY} bytes")
        body = self.rfile.read(length).decode("utf-8", errors="replace")
        if ctype == "application/x-www-form-urlencoded":
            params = parse_qs(body, keep_blank_values=True)
            if "update" in params:
                return self._refuse_update()
            if "query" not in params:
                return self._error(HTTPStatus.BAD_REQUEST, "missing 'query' form field")
            return self._answer(params["query"])
        if ctype == "application/sparql-query":
            return self._answer([body])
        self._error(HTTPStatus.UNSUPPORTED_MEDIA_TYPE,
                    "POST a query as application/x-www-form-urlencoded (query=...) or application/sparql-query")

    # ------------------------------------------------------------ the query
    def _answer(self, queries: list[str]) -> None:
        if len(queries) != 1:
            return self._error(HTTPStatus.BAD_REQUEST, "give exactly one 'query'")
        sparql = queries[0]
        if is_update(sparql):
            return self._refuse_update()
        if uses_service(sparql):
            return self._error(HTTPStatus.FORBIDDEN, "SERVICE (federated query) is refused: this endpoint "
                               "never fetches other URLs")
        try:
            result = self._execute(sparql)
        except TimeoutError:
            return self._error(HTTPStatus.SERVICE_UNAVAILABLE,
                               f"query abandoned after {self.server.query_timeout:g} s (the server's --timeout)")
        except QueryError as err:
            return self._error(HTTPStatus.BAD_REQUEST, str(err))
        except Exception as err:  # an engine failure must not take the server down
            return self._error(HTTPStatus.INTERNAL_SERVER_ERROR, f"{type(err).__name__}: {err}")
        types = GRAPH_TYPES if result.kind == "graph" else SOLUTION_TYPES
        media = negotiate(self.headers.get("Accept"), list(types))
        headers = {"Vary": "Accept"}
        if result.truncated:
            headers["X-KG-Truncated"] = "true"
            headers["X-KG-Limit"] = str(self.server.limit)
        self._send(HTTPStatus.OK, types[media](result), f"{media}; charset=utf-8", headers)

    def _execute(self, sparql: str) -> Result:
        """run_query in a daemon thread; TimeoutError when it outlives the server's timeout."""
        box: dict = {}
        cancel = threading.Event()

        def work() -> None:
            try:
                box["result"] = run_query(self.server.store, sparql, limit=self.server.limit, cancel=cancel,
                                          source="query")
            except QueryCancelled:
                pass  # nobody is waiting any more
            except BaseException as err:  # handed to the request thread
                box["error"] = _detached(err)

        worker = threading.Thread(target=work, daemon=True, name="kg-sparql-query")
        worker.start()
        worker.join(self.server.query_timeout)
        if worker.is_alive():
            cancel.set()  # stops it at the next row; a blocking sort finishes on its own
            raise TimeoutError()
        if "error" in box:
            raise box["error"]
        return box["result"]

    # ------------------------------------------------------------ responses
    def _refuse_update(self) -> None:
        self._error(HTTPStatus.FORBIDDEN, "this endpoint is read-only: SPARQL Update is refused")

    def _error(self, status: HTTPStatus, message: str) -> None:
        self._send(status, message + "\n", "text/plain; charset=utf-8")

    def _send(self, status: HTTPStatus, body: Union[str, bytes], ctype: str, headers: Optional[dict] = None) -> None:
        data = body.encode("utf-8") if isinstance(body, str) else body
        self.send_response(status)
        self.send_header("Content-Type", ctype)
        self.send_header("Content-Length", str(len(data)))
        for name, value in (headers or {}).items():
            self.send_header(name, value)
        self.end_headers()
        if self.command != "HEAD":
            self.wfile.write(data)

    def _index(self) -> bytes:
        for page in (self.server.graph_path.with_suffix(".html"), self.server.graph_path.with_name("graph.html")):
            if page.is_file():  # what `kg build` / `kg view` wrote beside the graph
                return page.read_bytes()
        items = "".join(f'<li><a href="/sparql?query={quote(q.sparql)}">{html.escape(q.name)}</a>: '
                        f"{html.escape(q.title)}</li>" for q in canned_queries().values())
        return (f"<!doctype html><html><head><meta charset='utf-8'><title>kg SPARQL</title></head><body>"
                f"<h1>{html.escape(self.server.graph_path.name)}</h1>"
                f"<p>SPARQL endpoint: <a href='/sparql'>/sparql</a> (read-only).</p>"
                f"<form action='/sparql' method='get'><textarea name='query' rows='8' cols='80'>"
                f"SELECT * WHERE {{ ?s ?p ?o }} LIMIT 10</textarea><br><button>Run</button></form>"
                f"<h2>Canned queries</h2><ul>{items}</ul></body></html>").encode("utf-8")

    def log_message(self, format: str, *args) -> None:
        if not self.server.quiet:
            super().log_message(format, *args)


def _detached(err: BaseException) -> BaseException:
    """The error without its tracebacks: their frames hold pyoxigraph iterators, which must be
    dropped on the thread that made them (they are unsendable)."""
    seen = err
    while seen is not None:
        seen.__traceback__ = None
        seen = seen.__cause__ or seen.__context__
    return err


def serve(graph_path: Union[str, Path], host: str = DEFAULT_HOST, port: int = 8000, *, timeout: float = 10.0,
          limit: int = 10000, quiet: bool = False, store: Optional[ox.Store] = None) -> SparqlServer:
    """Load the graph and bind the server (not yet serving: call ``serve_forever``).

    Port 0 picks a free port (``server.server_address``). Raises QueryError when the graph
    cannot be read and OSError when the address cannot be bound.
    """
    graph_path = Path(graph_path)
    if store is None:
        store = load_store(graph_path)
    return SparqlServer((host, port), store, graph_path=graph_path, timeout=timeout, limit=limit, quiet=quiet)
