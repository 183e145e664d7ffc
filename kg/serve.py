"""A read-only SPARQL 1.1 Protocol endpoint over one graph file, on waitress.

waitress (a well-kept pure-Python WSGI server) holds the connections: an event loop with a
bounded pool of request threads, a real listen backlog, an idle timeout per connection, a
connection limit, and body and header limits that it enforces while reading (a negative or
non-numeric Content-Length is a 400, a chunked body past the limit a 413). The queries run
in :class:`kg.sandbox.QueryPool` worker processes: parsed and checked before they run,
killed at the timeout, memory capped, cut off the network, so one request can cost only
itself. Requests whose Host header is not a loopback name (or one allowed with ``host`` /
``allow_hosts``) are refused, so a DNS-rebinding page cannot read the graph.

Routes: ``/`` the query page (kg.web), ``/assets/NAME`` its files, ``/view`` the HTML
explorer of the served graph (rendered from it by kg's exporter), ``/sparql`` the endpoint.
Rows beyond ``limit`` are dropped, said in the answer itself and in ``X-KG-Truncated``.

>>> server = serve("output/graph.ttl", port=0)   # doctest: +SKIP
>>> threading.Thread(target=server.serve_forever, daemon=True).start()  # doctest: +SKIP
"""
from __future__ import annotations

import html
import logging
import resource
import threading
from collections import OrderedDict
from http import HTTPStatus
from pathlib import Path
from typing import Iterable, Optional, Sequence, Union
from urllib.parse import parse_qs, quote

import waitress
from waitress import wasyncore

from kg.formats import BY_NAME
from kg.query import QueryError, canned_queries
from kg.sandbox import Answer, QueryBusy, QueryCrashed, QueryPool, QueryRefused, QueryTimeout
from kg.settings import value as setting

__all__ = ["serve", "SparqlServer", "negotiate", "LOOPBACK_NAMES"]

DEFAULT_HOST = "127.0.0.1"
MAX_BODY = setting("serve.max_body")            # a larger request body is refused (413)
MAX_HEADERS = setting("serve.max_headers")
LOOPBACK_NAMES = frozenset({"localhost", "127.0.0.1", "::1", "[::1]"})
CACHE_ENTRIES, CACHE_BODY = 256, 2 << 20

SOLUTION_TYPES = {  # media type -> writer name; the first is the default
    "application/sparql-results+json": "json",
    "application/sparql-results+xml": "xml",
    "text/csv": "csv",
    "text/tab-separated-values": "tsv",
    "application/json": "json",
    "application/xml": "xml",
}
GRAPH_TYPES = {BY_NAME[name].media_type: name for name in ("turtle", "ntriples")}
MEDIA = {"json": "application/sparql-results+json", "xml": "application/sparql-results+xml", "csv": "text/csv",
         "tsv": "text/tab-separated-values", **{name: BY_NAME[name].media_type for name in ("turtle", "ntriples")}}


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


class Reply(Exception):
    """A finished HTTP answer, raised from anywhere in a request's handling."""

    def __init__(self, status: HTTPStatus, body: Union[str, bytes], ctype: str = "text/plain; charset=utf-8",
                 headers: Optional[dict] = None):
        super().__init__(status)
        self.status, self.ctype, self.headers = status, ctype, headers or {}
        self.body = body.encode("utf-8") if isinstance(body, str) else body


def _error(status: HTTPStatus, message: str) -> Reply:
    return Reply(status, message + "\n")


class SparqlApp:
    """The WSGI application: routes, Host and CORS checks, a small answer cache."""

    def __init__(self, graph_path: Path, pool: Optional[QueryPool], *, allowed_hosts: Iterable[str], cors: Optional[str],
                 quiet: bool = True):
        self.graph_path, self.pool, self.cors, self.quiet = graph_path, pool, cors, quiet
        self.allowed_hosts = {h.lower() for h in allowed_hosts}
        self._cache: OrderedDict = OrderedDict()
        self._lock = threading.Lock()
        self._view: Optional[bytes] = None

    def __call__(self, environ, start_response):
        try:
            reply = self._route(environ)
        except Reply as done:
            reply = done
        except Exception as err:  # noqa: BLE001 - one request's failure is that request's only
            reply = _error(HTTPStatus.INTERNAL_SERVER_ERROR, f"{type(err).__name__}: {err}")
        headers = [("Content-Type", reply.ctype), ("Content-Length", str(len(reply.body))),
                   ("X-Content-Type-Options", "nosniff")]
        headers += list(reply.headers.items())
        if self.cors:
            headers += [("Access-Control-Allow-Origin", self.cors), ("Vary", "Origin")]
        start_response(f"{reply.status.value} {reply.status.phrase}", headers)
        return [reply.body]

    def _route(self, environ) -> Reply:
        self._check_host(environ.get("HTTP_HOST"))
        method, path = environ["REQUEST_METHOD"], environ.get("PATH_INFO") or "/"
        if method == "OPTIONS" and self.cors:
            raise Reply(HTTPStatus.NO_CONTENT, b"", headers={
                "Access-Control-Allow-Methods": "GET, POST, OPTIONS",
                "Access-Control-Allow-Headers": "Content-Type, Accept", "Access-Control-Max-Age": "600"})
        if method not in ("GET", "HEAD", "POST"):
            raise _error(HTTPStatus.METHOD_NOT_ALLOWED, f"{method} is not allowed here")
        if path == "/sparql":
            return self._sparql(environ, method)
        if method == "POST":
            raise _error(HTTPStatus.NOT_FOUND, f"no such endpoint {path}; POST to /sparql")
        if path in ("/", "/index.html"):
            return Reply(HTTPStatus.OK, self._query_page(), "text/html; charset=utf-8")
        if path == "/view":
            return Reply(HTTPStatus.OK, self._explorer(), "text/html; charset=utf-8")
        if path.startswith("/assets/"):
            found = _web_asset(path[len("/assets/"):])
            if found is not None:
                return Reply(HTTPStatus.OK, found[0], found[1], {"Cache-Control": "max-age=3600"})
        raise _error(HTTPStatus.NOT_FOUND, f"no such page {path}; the endpoint is /sparql")

    def _check_host(self, host: Optional[str]) -> None:
        if host is None or "*" in self.allowed_hosts:
            return  # HTTP/1.0 without Host: no browser sends that, so no rebinding either
        if _host_name(host) not in self.allowed_hosts:
            raise _error(HTTPStatus.FORBIDDEN, f"Host {host!r} is not served here (allowed: {', '.join(sorted(self.allowed_hosts))}; "
                         "widen with --allow-host)")

    # ------------------------------------------------------------ /sparql
    def _sparql(self, environ, method: str) -> Reply:
        if method == "POST":
            ctype = (environ.get("CONTENT_TYPE") or "").split(";")[0].strip().lower()
            if ctype == "application/sparql-update":
                raise _error(HTTPStatus.FORBIDDEN, "this endpoint is read-only: SPARQL Update is refused")
            body = environ["wsgi.input"].read(MAX_BODY + 1)  # waitress already refused anything longer
            text = body.decode("utf-8", errors="replace")
            if ctype == "application/x-www-form-urlencoded":
                params = parse_qs(text, keep_blank_values=True)
            elif ctype == "application/sparql-query":
                params = {"query": [text]}
            else:
                raise _error(HTTPStatus.UNSUPPORTED_MEDIA_TYPE, "POST a query as application/x-www-form-urlencoded "
                             "(query=...) or application/sparql-query")
        else:
            params = parse_qs(environ.get("QUERY_STRING", ""), keep_blank_values=True)
        if "update" in params:
            raise _error(HTTPStatus.FORBIDDEN, "this endpoint is read-only: SPARQL Update is refused")
        if "query" not in params:
            raise _error(HTTPStatus.BAD_REQUEST, "missing 'query' parameter (GET /sparql?query=... or a POST form)")
        if len(params["query"]) != 1:
            raise _error(HTTPStatus.BAD_REQUEST, "give exactly one 'query' parameter")
        return self._answer(params["query"][0], environ.get("HTTP_ACCEPT"))

    def _answer(self, sparql: str, accept: Optional[str]) -> Reply:
        formats = (SOLUTION_TYPES[negotiate(accept, list(SOLUTION_TYPES))],
                   GRAPH_TYPES[negotiate(accept, list(GRAPH_TYPES))])
        answer = self._cached(sparql, formats)
        headers = {"Vary": "Accept"}
        if answer.truncated:
            headers.update({"X-KG-Truncated": "true", "X-KG-Limit": str(self.pool.limit)})
        return Reply(HTTPStatus.OK, answer.body, f"{MEDIA[answer.fmt]}; charset=utf-8", headers)

    def _cached(self, sparql: str, formats: tuple[str, str]) -> Answer:
        """The graph never changes, so an answer can be given again (canned queries repeat)."""
        key = (sparql, formats)
        with self._lock:
            if key in self._cache:
                self._cache.move_to_end(key)
                return self._cache[key]
        try:
            answer = self.pool.run(sparql, formats=formats)
        except QueryRefused as err:
            raise _error(HTTPStatus.FORBIDDEN, str(err)) from None
        except (QueryTimeout, QueryBusy) as err:
            raise _error(HTTPStatus.SERVICE_UNAVAILABLE, str(err)) from None
        except QueryCrashed as err:
            raise _error(HTTPStatus.INTERNAL_SERVER_ERROR, str(err)) from None
        except QueryError as err:
            raise _error(HTTPStatus.BAD_REQUEST, str(err)) from None
        if len(answer.body) <= CACHE_BODY:
            with self._lock:
                self._cache[key] = answer
                while len(self._cache) > CACHE_ENTRIES:
                    self._cache.popitem(last=False)
        return answer

    # ------------------------------------------------------------ pages
    def _query_page(self) -> bytes:
        canned = {name: q.sparql for name, q in canned_queries().items()}
        try:
            import kg.web
        except ImportError:
            return _fallback_page(self.graph_path.name, canned)
        return kg.web.query_page(canned)

    def _explorer(self) -> bytes:
        """kg's explorer of the graph served (never an HTML file found beside it), made once."""
        with self._lock:
            if self._view is None:
                from kg.export.html import render_html
                from kg.export.rdf import read_graph

                self._view = render_html(read_graph(self.graph_path), title=f"kg: {self.graph_path.name}") \
                    .encode("utf-8")
            return self._view


def _host_name(host: str) -> str:
    """The name in a Host header, without its port ("[::1]:8000" -> "[::1]")."""
    host = host.strip().lower()
    if host.startswith("["):
        return host[:host.find("]") + 1] if "]" in host else host
    return host.rsplit(":", 1)[0] if host.count(":") == 1 else host


def _web_asset(name: str):
    try:
        import kg.web
    except ImportError:
        return None
    return kg.web.asset(name)


def _fallback_page(title: str, canned: dict[str, str]) -> bytes:
    items = "".join(f'<li><a href="/sparql?query={quote(q)}">{html.escape(n)}</a></li>' for n, q in canned.items())
    return (f"<!doctype html><html><head><meta charset='utf-8'><title>kg SPARQL</title></head><body>"
            f"<h1>{html.escape(title)}</h1><p>SPARQL endpoint: <a href='/sparql'>/sparql</a> (read-only); "
            f"the graph: <a href='/view'>explorer</a>.</p>"
            f"<form action='/sparql' method='post'><textarea name='query' rows='8' cols='80'>"
            f"SELECT * WHERE {{ ?s ?p ?o }} LIMIT 10</textarea><br><button>Run</button></form>"
            f"<h2>Canned queries</h2><ul>{items}</ul></body></html>").encode("utf-8")


class SparqlServer:
    """The bound server: ``serve_forever()`` runs it, ``shutdown()`` (from another thread)
    stops it and its query workers."""

    def __init__(self, app: SparqlApp, host: str, port: int, *, threads: int, idle_timeout: float,
                 connections: int, backlog: int):
        self.app = app
        self._server = waitress.create_server(
            app, host=host, port=port, threads=threads, backlog=backlog, connection_limit=connections,
            channel_timeout=idle_timeout, cleanup_interval=max(1, min(30, int(idle_timeout // 2) or 1)),
            max_request_body_size=MAX_BODY, max_request_header_size=MAX_HEADERS, asyncore_use_poll=True,
            clear_untrusted_proxy_headers=True, expose_tracebacks=False, ident="kg-sparql")
        self.server_address = (self._server.effective_host, self._server.effective_port)
        self._stopped = threading.Event()

    def serve_forever(self, poll_interval: float = 0.5) -> None:
        try:
            self._server.run()
        except (OSError, ValueError):
            if not self._stopped.is_set():
                raise

    def shutdown(self) -> None:
        self._stopped.set()
        self._server.task_dispatcher.shutdown(timeout=1)
        wasyncore.close_all(self._server.map if hasattr(self._server, "map") else self._server._map)

    def server_close(self) -> None:
        if self.app.pool is not None:
            self.app.pool.close()


def _raise_file_limit(wanted: int) -> None:
    """More descriptors (up to the hard limit), so idle connections cannot run the server out."""
    soft, hard = resource.getrlimit(resource.RLIMIT_NOFILE)
    target = wanted if hard == resource.RLIM_INFINITY else min(wanted, hard)
    if soft < target:
        resource.setrlimit(resource.RLIMIT_NOFILE, (target, hard))


def serve(graph_path: Union[str, Path], host: str = DEFAULT_HOST, port: int = 8000, *, timeout: float = 10.0,
          limit: int = 10000, quiet: bool = False, workers: int = 2, memory_mb: int = 2048,
          allow_hosts: Sequence[str] = (), cors: Optional[str] = None, threads: int = 8,
          idle_timeout: float = 15.0, connections: int = 2000, backlog: int = 1024) -> SparqlServer:
    """Bind the server, then start the query workers (each loads the graph); not yet serving:
    call ``serve_forever``. Port 0 picks a free port (``server.server_address``).

    Raises QueryError when the graph cannot be read and OSError when the address cannot be bound.
    """
    graph_path = Path(graph_path)
    allowed = set(LOOPBACK_NAMES) | set(allow_hosts)
    if host not in ("0.0.0.0", "::", ""):
        allowed.add(host)
    _raise_file_limit(connections + 256)
    logging.getLogger("waitress.queue").setLevel(logging.ERROR)  # "queue depth" notes under load
    app = SparqlApp(graph_path, None, allowed_hosts=allowed, cors=cors, quiet=quiet)
    server = SparqlServer(app, host, port, threads=threads, idle_timeout=idle_timeout, connections=connections,
                          backlog=backlog)  # first, so that a taken port is said at once
    try:
        app.pool = QueryPool(graph_path, workers=workers, timeout=timeout, memory_mb=memory_mb, limit=limit)
    except BaseException:
        server.shutdown()
        raise
    return server
