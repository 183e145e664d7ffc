"""Load a graph file into an RDF store through the SPARQL 1.1 Graph Store HTTP Protocol.

One request per graph: ``replace`` sends HTTP PUT (the graph becomes exactly the file's
triples), ``append`` sends HTTP POST (the triples are added). The target is the store's
default graph, a named graph (``graph_iri``), or, with ``per_article``, each named graph of a
TriG/N-Quads file under its own IRI (the file's default-graph triples, such as the build's
provenance, go to ``graph_iri`` or else the default graph).

The endpoint URL is used as given, and the graph is named in one more query parameter: the
standard ``graph=IRI`` (or ``default``), or Virtuoso's ``graph-uri=IRI`` when the path ends in
``sparql-graph-crud`` or ``sparql-graph-crud-auth``. Virtuoso has no default graph for this
protocol: give it a ``graph_iri``. The body is UTF-8 Turtle (or N-Triples). HTTP Basic and
Digest authentication are both answered, whichever the server asks for. Only the standard
library speaks HTTP.

>>> result = push("output/graph.trig", "http://127.0.0.1:8890/sparql-graph-crud-auth",
...               per_article=True, auth=("dba", "dba"))     # doctest: +SKIP
>>> result.triples, len(result.graphs)                         # doctest: +SKIP
(1489, 6)
"""
from __future__ import annotations

import html
import re
import socket
import urllib.error
import urllib.request
from dataclasses import dataclass, field
from pathlib import Path
from typing import Optional, Union
from urllib.parse import quote, urlsplit

import pyoxigraph as ox

from kg.formats import BY_NAME, PREFIXES, GraphFormatError, check_graph_file
from kg.settings import value as setting

__all__ = ["push", "PushError", "PushResult", "PushedGraph", "graph_url", "MODES", "BODY_FORMATS"]

MODES = {"replace": "PUT", "append": "POST"}
BODY_FORMATS = {  # name -> (pyoxigraph format, Content-Type), from the table in kg.formats
    name: (BY_NAME[name].ox_format, f"{BY_NAME[name].media_type}; charset=utf-8") for name in ("turtle", "ntriples")}
QUAD_SUFFIXES = tuple(f.suffix for f in BY_NAME.values() if f.quads)
VIRTUOSO_PATHS = ("/sparql-graph-crud", "/sparql-graph-crud-auth")
SNIPPET = setting("push.snippet")  # characters of an error body shown to the user


class PushError(Exception):
    """The file could not be read or the store refused or did not answer; the message says
    which file or which endpoint, the HTTP status and what the server said."""


@dataclass(frozen=True)
class PushedGraph:
    graph: Optional[str]  # None: the store's default graph
    triples: int
    status: int
    url: str


@dataclass
class PushResult:
    endpoint: str
    mode: str
    graphs: list[PushedGraph] = field(default_factory=list)

    @property
    def triples(self) -> int:
        """Triples sent, summed over the graphs (one triple in two graphs counts twice)."""
        return sum(g.triples for g in self.graphs)


# ---------------------------------------------------------------- the request URL

def graph_param_for(endpoint: str) -> str:
    """'graph-uri' for Virtuoso's Graph Store paths, the standard 'graph' otherwise."""
    path = urlsplit(endpoint).path.rstrip("/")
    return "graph-uri" if path.endswith(VIRTUOSO_PATHS) else "graph"


def graph_url(endpoint: str, graph_iri: Optional[str], graph_param: Optional[str] = None) -> str:
    """The endpoint URL with the graph named in its query: ``?graph=IRI`` or ``?default``.

    >>> graph_url("http://h/store", "https://e.org/g?a=1")
    'http://h/store?graph=https%3A%2F%2Fe.org%2Fg%3Fa%3D1'
    >>> graph_url("http://h/sparql-graph-crud-auth", "https://e.org/g")
    'http://h/sparql-graph-crud-auth?graph-uri=https%3A%2F%2Fe.org%2Fg'
    >>> graph_url("http://h/ds/data?token=x", None)
    'http://h/ds/data?token=x&default'
    """
    joiner = "&" if urlsplit(endpoint).query else ("" if endpoint.endswith("?") else "?")
    if graph_iri is None:
        return f"{endpoint}{joiner}default"
    return f"{endpoint}{joiner}{graph_param or graph_param_for(endpoint)}={quote(graph_iri, safe='')}"


# ---------------------------------------------------------------- reading the file

def _read(path: Path, per_article: bool) -> tuple[list[ox.Triple], dict[str, list[ox.Triple]]]:
    """(default-graph triples, {named graph IRI: triples}); without per_article every triple
    of every graph goes to the first list, once."""
    try:
        fmt = check_graph_file(path)
    except GraphFormatError as err:
        raise PushError(str(err)) from None
    if per_article and path.suffix.lower() not in QUAD_SUFFIXES:
        raise PushError(f"{path}: --per-article needs named graphs, which a {path.suffix} file cannot hold; "
                        f"push the build's graph.trig (or an .nq file) instead")
    default: dict[ox.Triple, None] = {}
    named: dict[str, dict[ox.Triple, None]] = {}
    try:
        for quad in ox.parse(path=str(path), format=fmt.ox_format):
            triple = ox.Triple(quad.subject, quad.predicate, quad.object)
            if per_article and isinstance(quad.graph_name, ox.NamedNode):
                named.setdefault(quad.graph_name.value, {})[triple] = None
            else:
                default[triple] = None
    except SyntaxError as err:
        raise PushError(f"{path}: cannot parse graph: {err}") from err
    except (OSError, ValueError) as err:
        raise PushError(f"{path}: cannot read graph: {err}") from err
    if per_article and not named:
        raise PushError(f"{path}: has no named graphs to push one per article")
    return list(default), {iri: list(triples) for iri, triples in sorted(named.items())}


def _ontology_triples() -> list[ox.Triple]:
    from kg.vocab import ONTOLOGY_FILE, ontology_dir

    return [ox.Triple(q.subject, q.predicate, q.object)
            for q in ox.parse(path=str(ontology_dir() / ONTOLOGY_FILE), format=ox.RdfFormat.TURTLE)]


def _body(triples: list[ox.Triple], body_format: str) -> bytes:
    fmt, _ = BODY_FORMATS[body_format]
    prefixes = PREFIXES if fmt == ox.RdfFormat.TURTLE else None
    return ox.serialize(triples, format=fmt, prefixes=prefixes)  # UTF-8, non-ASCII unescaped


# ---------------------------------------------------------------- HTTP

def _opener(endpoint: str, auth: Optional[tuple[str, str]]) -> urllib.request.OpenerDirector:
    handlers: list = []
    if auth is not None:
        passwords = urllib.request.HTTPPasswordMgrWithDefaultRealm()
        passwords.add_password(None, endpoint, auth[0], auth[1])
        # the server's challenge picks the scheme: Digest (Virtuoso's -auth path) or Basic
        handlers += [urllib.request.HTTPDigestAuthHandler(passwords), urllib.request.HTTPBasicAuthHandler(passwords)]
    return urllib.request.build_opener(*handlers)


def _snippet(body: bytes, content_type: str) -> str:
    text = body.decode("utf-8", errors="replace")
    if "html" in content_type.lower() or text.lstrip().lower().startswith(("<!doctype", "<html")):
        text = re.sub(r"(?is)<(script|style|head)\b.*?</\1>", " ", text)
        text = html.unescape(re.sub(r"<[^>]+>", " ", text))
    text = " ".join(text.split())
    return text if len(text) <= SNIPPET else text[: SNIPPET - 1] + "…"


def _send(opener, method: str, url: str, body: bytes, content_type: str, endpoint: str, timeout: float,
          graph_iri: Optional[str]) -> int:
    request = urllib.request.Request(url, data=body, method=method,
                                     headers={"Content-Type": content_type, "Content-Length": str(len(body))})
    target = f"graph <{graph_iri}>" if graph_iri else "the default graph"
    try:
        with opener.open(request, timeout=timeout) as response:
            response.read()
            return response.status
    except urllib.error.HTTPError as err:
        try:
            snippet = _snippet(err.read(65536), err.headers.get("Content-Type", "") if err.headers else "")
        except OSError:
            snippet = ""
        hint = ""
        if err.code in (401, 403):
            hint = " (check --user/--password, and that this user may write to the store)"
        elif graph_iri is None and err.code in (400, 404, 405, 500, 501):
            hint = " (the store may not accept the default graph: give --graph IRI)"
        raise PushError(f"{endpoint}: {method} of {target} failed with HTTP {err.code} {err.reason}{hint}"
                        + (f": {snippet}" if snippet else "")) from None
    except urllib.error.URLError as err:
        reason = err.reason
        if isinstance(reason, (socket.timeout, TimeoutError)):
            raise PushError(f"{endpoint}: no answer within {timeout:g} s to the {method} of {target}") from None
        raise PushError(f"{endpoint}: cannot reach the store: {reason}") from None
    except (socket.timeout, TimeoutError):
        raise PushError(f"{endpoint}: no answer within {timeout:g} s to the {method} of {target}") from None
    except OSError as err:  # a connection reset or closed mid-request
        raise PushError(f"{endpoint}: {method} of {target} failed: {type(err).__name__}: {err}") from None


# ---------------------------------------------------------------- the one entry point

def push(graph_path: Union[str, Path], endpoint: str, graph_iri: Optional[str] = None, *, per_article: bool = False,
         mode: str = "replace", auth: Optional[tuple[str, str]] = None, graph_param: Optional[str] = None,
         body_format: str = "turtle", timeout: float = 300.0, ontology_graph: Optional[str] = None) -> PushResult:
    """Send a graph file to a Graph Store Protocol endpoint; see the module's docstring.

    ``ontology_graph``: also replace that named graph with kg's ontology (ontology/kg.ttl), so
    the store can answer ``?p rdfs:label ?l`` for the predicates and classes the graph uses
    (its owl:imports); `kg push` does this unless told ``--no-ontology``.

    ``graph_param`` overrides the query parameter that names the graph ('graph' or
    'graph-uri', guessed from the endpoint's path). ``auth`` is (user, password).

    Raises:
        PushError: bad arguments, an unreadable file, an unreachable endpoint or a non-2xx
            answer (the message names the endpoint, the HTTP status and the server's words).
    """
    if mode not in MODES:
        raise PushError(f"unknown mode {mode!r}: use one of {', '.join(MODES)}")
    if body_format not in BODY_FORMATS:
        raise PushError(f"unknown body format {body_format!r}: use one of {', '.join(BODY_FORMATS)}")
    parts = urlsplit(endpoint)
    if parts.scheme not in ("http", "https") or not parts.netloc:
        raise PushError(f"{endpoint!r} is not an http(s) URL of a Graph Store endpoint")
    if graph_iri is not None:
        try:
            ox.NamedNode(graph_iri)
        except ValueError as err:
            raise PushError(f"--graph {graph_iri!r} is not an absolute IRI: {err}") from None
        if not re.match(r"[A-Za-z][A-Za-z0-9+.-]*:", graph_iri):
            raise PushError(f"--graph {graph_iri!r} is not an absolute IRI")
    path = Path(graph_path)
    default, named = _read(path, per_article)
    jobs: list[tuple[Optional[str], list[ox.Triple]]] = []
    if default or not per_article:
        jobs.append((graph_iri, default))
    jobs += list(named.items())
    if ontology_graph is not None:
        jobs.append((ontology_graph, _ontology_triples()))
    method = MODES[mode]
    _, content_type = BODY_FORMATS[body_format]
    opener = _opener(endpoint, auth)
    result = PushResult(endpoint, mode)
    for iri, triples in jobs:
        url = graph_url(endpoint, iri, graph_param)
        verb = "PUT" if ontology_graph is not None and iri == ontology_graph else method  # always replaced
        status = _send(opener, verb, url, _body(triples, body_format), content_type, endpoint, timeout, iri)
        result.graphs.append(PushedGraph(iri, len(triples), status, url))
    return result
