"""Query a built graph with SPARQL: loading, checking, running, canned queries and parameters
(the answers' formats are in kg.results, imported here too).

pyoxigraph is the default engine (parse and query in milliseconds); rdflib answers the same
queries and is kept for comparison. Results from either engine are converted to rdflib terms
so that one set of formatters serves both, the CLI and the HTTP endpoint (``kg.serve``).

>>> store = load_store("output/graph.ttl")                      # doctest: +SKIP
>>> print(to_table(run_query(store, canned_queries()["letters"].sparql)))  # doctest: +SKIP
"""
from __future__ import annotations

import re
import threading
import warnings
from dataclasses import dataclass
from pathlib import Path
from typing import Mapping, Optional, Sequence, Union

import pyoxigraph as ox
from rdflib import BNode, Graph, Literal, URIRef
from rdflib.term import Node

from kg.resources import ontology_path, query_files, read_text
from kg.settings import value as setting
from kg.vocab import ONTOLOGY_IRI
from kg.formats import RDF_FORMATS, GraphFormatError, check_graph_file, graph_format
from kg.results import (PREFIXES, TRUNCATED, XSD_STRING, Result, format_result, sparql_literal, to_csv,  # noqa: F401
                        to_json, to_ntriples, to_table, to_tsv, to_turtle, to_xml)

__all__ = ["QueryError", "CannedQuery", "Result", "load_store", "load_graph", "run_query",
           "canned_queries", "resolve_query", "bind_params", "sparql_literal", "check_text",
           "to_table", "to_csv", "to_tsv", "to_json", "to_xml", "to_turtle", "format_result",
           "FORMATS", "ENGINES"]

ENGINES = ("oxigraph", "rdflib")
FORMATS = ("table", "csv", "tsv", "json", "xml")

# extension -> (pyoxigraph format, rdflib parser name), from the one table in kg.formats
GRAPH_FORMATS = {f.suffix: (f.ox_format, f.rdflib) for f in RDF_FORMATS}


class QueryError(Exception):
    """A graph or a query could not be read; the message names the file or the query."""


class QueryCancelled(Exception):
    """Raised inside run_query when its cancel event is set (the endpoint's timeout)."""


@dataclass(frozen=True)
class CannedQuery:
    name: str
    title: str
    sparql: str
    description: str = ""
    params: tuple[str, ...] = ()


# ---------------------------------------------------------------- loading

def _format_only(path: Path):
    try:
        fmt = graph_format(path)
    except GraphFormatError as err:
        raise QueryError(str(err)) from None
    return fmt.ox_format, fmt.rdflib


def _graph_format(path: Path):
    try:
        fmt = check_graph_file(path)
    except GraphFormatError as err:
        raise QueryError(str(err)) from None
    return fmt.ox_format, fmt.rdflib


def read_graph_bytes(path: Union[str, Path]) -> bytes:
    """A graph file's bytes, for load_store/load_graph(path, data); QueryError naming it when
    it is not a readable graph file."""
    path = Path(path)
    _graph_format(path)
    try:
        return path.read_bytes()
    except OSError as err:
        raise QueryError(f"{path}: cannot read graph: {err.strerror or err}") from err


def load_store(path: Union[str, Path], data: Optional[bytes] = None) -> ox.Store:
    """An in-memory pyoxigraph Store with the file bulk-loaded (TriG keeps its named graphs)
    and kg's ontology in its own named graph, so that queries see the classes' and
    predicates' labels (``?p rdfs:label ?l``) as in a store loaded by ``kg push``;
    ``data``: the file's bytes, already read (the query sandbox reads them before it drops
    its rights)."""
    path = Path(path)
    fmt, _ = _graph_format(path) if data is None else _format_only(path)
    store = ox.Store()
    try:
        if data is None:
            store.bulk_load(path=str(path), format=fmt)
        else:
            store.bulk_load(input=data, format=fmt)
    except SyntaxError as err:
        raise QueryError(f"{path}: cannot parse graph: {err.msg if hasattr(err, 'msg') else err}") from err
    except (OSError, ValueError) as err:
        raise QueryError(f"{path}: cannot read graph: {err}") from err
    store.bulk_load(path=str(ontology_path()), format=ox.RdfFormat.TURTLE, to_graph=ox.NamedNode(ONTOLOGY_IRI))
    return store


def load_graph(path: Union[str, Path], data: Optional[bytes] = None) -> Graph:
    """The same file as an rdflib Dataset whose default graph is the union of all graphs, the
    ontology's named graph included."""
    from rdflib import Dataset

    path = Path(path)
    _, fmt = _graph_format(path) if data is None else _format_only(path)
    ds = Dataset(default_union=True)
    try:
        with warnings.catch_warnings():  # rdflib 7 warns about its own ConjunctiveGraph use
            warnings.simplefilter("ignore", DeprecationWarning)
            if data is None:
                ds.parse(str(path), format=fmt)
            else:
                ds.parse(data=data, format=fmt)
    except OSError as err:
        raise QueryError(f"{path}: cannot read graph: {err}") from err
    except Exception as err:  # rdflib's parsers raise many unrelated types
        raise QueryError(f"{path}: cannot parse graph: {err}") from err
    ds.graph(ONTOLOGY_IRI).parse(str(ontology_path()), format="turtle")
    return ds


# ---------------------------------------------------------------- running

MAX_QUERY_CHARS = setting("query.max_chars")
MAX_DEPTH = setting("query.max_depth")  # bracket nesting (kg.settings)


def check_text(sparql: str, max_chars: int = MAX_QUERY_CHARS, max_depth: int = MAX_DEPTH) -> None:
    """Refuse a query too long or too deeply nested to parse safely (QueryError). Every
    bracket counts, also those in strings and IRIs: over-counting only makes it stricter."""
    if len(sparql) > max_chars:
        raise QueryError(f"query of {len(sparql)} characters refused (the limit is {max_chars})")
    depth = deepest = 0
    for ch in sparql:
        if ch in "({[":
            depth += 1
            if depth > deepest:
                deepest = depth
                if deepest > max_depth:
                    raise QueryError(f"query nested more than {max_depth} brackets deep: refused")
        elif ch in ")}]" and depth:
            depth -= 1


def _from_ox(term) -> Optional[Node]:
    if term is None:
        return None
    if isinstance(term, ox.NamedNode):
        return URIRef(term.value)
    if isinstance(term, ox.BlankNode):
        return BNode(term.value)
    if isinstance(term, ox.Literal):
        if term.language:
            return Literal(term.value, lang=term.language)
        dt = term.datatype.value
        return Literal(term.value, datatype=None if dt == XSD_STRING else URIRef(dt))
    return Literal(str(term))  # RDF 1.2 triple terms: shown as text


def _converter():
    """_from_ox with a per-answer memo: answers repeat terms (labels, dates, predicates), and
    building an rdflib Literal, which parses its value, is most of a large answer's cost."""
    memo: dict = {}

    def convert(term) -> Optional[Node]:
        if term is None:
            return None
        try:
            return memo[term]
        except KeyError:
            node = memo[term] = _from_ox(term)
            return node
        except TypeError:  # an unhashable term
            return _from_ox(term)

    return convert


def _check(cancel: Optional[threading.Event]) -> None:
    if cancel is not None and cancel.is_set():
        raise QueryCancelled()


def run_query(store_or_graph: Union[ox.Store, Graph], sparql: str, *, limit: Optional[int] = None,
              cancel: Optional[threading.Event] = None, source: str = "query") -> Result:
    """Run one SPARQL query on a pyoxigraph Store or an rdflib Graph/Dataset.

    ``limit`` truncates rows (or triples) and sets ``Result.truncated``; ``cancel`` is checked
    between rows so a caller that gave up can stop the work. kg's prefixes (kg:, schema:,
    prov:, rdfs:...) are predeclared. Syntax errors raise QueryError prefixed with ``source``
    (the file or canned query name); a query too long or too deeply nested is refused before
    any parser sees it (:func:`check_text`).
    """
    check_text(sparql)
    result = _run(store_or_graph, sparql, limit, cancel, source)
    if result.truncated:
        result.limit = limit
    return result


def _run(store_or_graph, sparql: str, limit, cancel, source: str) -> Result:
    if isinstance(store_or_graph, ox.Store):
        try:
            answer = store_or_graph.query(sparql, use_default_graph_as_union=True, prefixes=PREFIXES)
        except SyntaxError as err:
            raise QueryError(f"{source}: SPARQL syntax error: {err}") from err
        if isinstance(answer, ox.QueryBoolean):
            return Result("ask", boolean=bool(answer))
        if isinstance(answer, ox.QuerySolutions):
            variables = [v.value for v in answer.variables]
            convert = _converter()
            rows, truncated = _take((tuple(map(convert, s)) for s in answer), limit, cancel)
            return Result("select", variables, rows, truncated=truncated)
        convert = _converter()
        triples, truncated = _take(((convert(t.subject), convert(t.predicate), convert(t.object))
                                    for t in answer), limit, cancel)
        return Result("graph", triples=triples, truncated=truncated)
    return _run_rdflib(store_or_graph, sparql, limit, cancel, source)


def _run_rdflib(graph: Graph, sparql: str, limit, cancel, source: str) -> Result:
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore", DeprecationWarning)
            answer = graph.query(sparql, initNs=PREFIXES)
            rows = list(answer) if answer.type != "ASK" else []
    except Exception as err:  # pyparsing's ParseException and friends
        if type(err).__name__ in ("ParseException", "ParseSyntaxException", "ParseFatalException"):
            raise QueryError(f"{source}: SPARQL syntax error: {err}") from err
        raise QueryError(f"{source}: {type(err).__name__}: {err}") from err
    if answer.type == "ASK":
        return Result("ask", boolean=bool(answer.askAnswer))
    if answer.type == "SELECT":
        variables = [str(v) for v in answer.vars]
        rows, truncated = _take((tuple(row) for row in rows), limit, cancel)
        return Result("select", variables, rows, truncated=truncated)
    triples, truncated = _take(iter(rows), limit, cancel)
    return Result("graph", triples=triples, truncated=truncated)


def _take(items, limit, cancel):
    out = []
    for item in items:
        _check(cancel)
        if limit is not None and len(out) >= limit:
            return out, True
        out.append(item)
    return out, False


# ---------------------------------------------------------------- canned queries and parameters

def canned_queries() -> dict[str, CannedQuery]:
    """The shipped queries in kg/queries/*.rq, by file stem; leading '#' lines give the title."""
    out = {}
    for entry in query_files():
        text = read_text(entry)
        comments = []
        for line in text.splitlines():
            if not line.startswith("#"):
                break
            comments.append(line.lstrip("#").strip())
        name = entry.name[:-3]
        title = comments[0] if comments else name
        params = tuple(dict.fromkeys(m.group(1) for m in _PLACEHOLDER_ANY.finditer(text)))
        out[name] = CannedQuery(name, title, text, "\n".join(comments[1:]).strip(), params)
    return out


def resolve_query(query: str) -> tuple[str, str]:
    """(SPARQL text, source name) for a canned query name, a query file or inline SPARQL."""
    canned = canned_queries()
    if query in canned:
        return canned[query].sparql, f"canned query '{query}'"
    path = Path(query) if "\n" not in query and len(query) < 4096 else None
    if path is not None and _is_file(path):
        try:
            return path.read_text(encoding="utf-8"), str(path)
        except (OSError, UnicodeDecodeError) as err:
            raise QueryError(f"{path}: cannot read query: {err}") from err
    if re.search(r"[\s{}]", query.strip()):
        return query, "inline query"
    if path is not None and path.suffix in (".rq", ".sparql"):
        raise QueryError(f"{path}: no such query file")
    raise QueryError(f"'{query}' is neither a query file nor a canned query (canned: {', '.join(canned)})")


def _is_file(path: Path) -> bool:
    try:
        return path.is_file()
    except OSError:  # e.g. a one-line inline query longer than a file name may be
        return False


_PLACEHOLDER_ANY = re.compile(r"VALUES\s+\?(\w+)\s*\{\s*UNDEF\s*\}", re.I)


def bind_params(sparql: str, params: Mapping[str, str], source: str = "query") -> str:
    """Bind ``?NAME`` to a string by filling its ``VALUES ?NAME { UNDEF }`` placeholder.

    The value only ever enters the query as an escaped string literal, so text such as
    ``"} ; DROP ALL`` stays data. A parameter the query does not declare is an error.
    """
    for name, value in params.items():
        if not re.fullmatch(r"\w+", name):
            raise QueryError(f"bad parameter name {name!r}: use letters, digits and _")
        pattern = re.compile(r"VALUES\s+\?" + name + r"\s*\{\s*UNDEF\s*\}", re.I)
        literal = sparql_literal(value)
        sparql, count = pattern.subn(lambda _m: f"VALUES ?{name} {{ {literal} }}", sparql)
        if not count:
            raise QueryError(f"{source}: has no 'VALUES ?{name} {{ UNDEF }}' placeholder for --param {name}")
    return sparql


def query_file(graph_path: Union[str, Path], query: str, *, engine: str = "oxigraph",
               params: Optional[Mapping[str, str]] = None) -> Result:
    """What ``kg query`` does: load the graph, resolve and bind the query, run it."""
    if engine not in ENGINES:
        raise QueryError(f"unknown engine {engine!r} (choose from {', '.join(ENGINES)})")
    sparql, source = resolve_query(query)
    if params:
        sparql = bind_params(sparql, params, source)
    store = load_store(graph_path) if engine == "oxigraph" else load_graph(graph_path)
    return run_query(store, sparql, source=source)


def parse_params(items: Sequence[str]) -> dict[str, str]:
    """['NAME=VALUE', ...] -> dict; the value may contain '='."""
    out = {}
    for item in items:
        name, sep, value = item.partition("=")
        if not sep or not name:
            raise QueryError(f"bad --param {item!r}: expected NAME=VALUE")
        out[name] = value
    return out
