"""Turtle, TriG and JSON-LD writers with deterministic output, and the one reader of graph files.

rdflib's serializers sort subjects and predicates, but prefix and blank-node handling can
vary; kg emits no blank nodes and binds a fixed prefix set, and ``write_turtle`` sorts
N-Triples-ordered statements into subject blocks itself so the bytes never depend on
hash seeds or insertion order.
"""
from __future__ import annotations

import json
import re
import warnings
from pathlib import Path

from rdflib import Dataset, Graph, Literal, URIRef
from rdflib.namespace import RDF, XSD

from kg.export.atomic import write_atomic
from kg.formats import RDF_FORMATS, check_graph_file

#: Graph file extensions kg reads, with their rdflib parser names (from the table in kg.formats).
READ_FORMATS = {f.suffix: f.rdflib for f in RDF_FORMATS}


def read_graph(path: str | Path) -> Graph:
    """All triples of a graph file, named graphs merged into one.

    Raises:
        ValueError: unknown extension (kg.formats.GraphFormatError), missing file, or a
        file that does not parse.
    """
    path = Path(path)
    fmt = check_graph_file(path).rdflib
    dataset = Dataset()
    try:
        with warnings.catch_warnings():  # rdflib's parsers use its own deprecated API
            warnings.simplefilter("ignore", DeprecationWarning)
            dataset.parse(str(path), format=fmt)
    except Exception as err:  # rdflib raises many parser-specific types
        raise ValueError(f"{path}: cannot parse as {fmt}: {type(err).__name__}: {err}") from err
    graph = Graph()
    for s, p, o, _ in dataset.quads((None, None, None, None)):
        graph.add((s, p, o))
    return graph


def _term(term, prefixes: list[tuple[str, str]], nsm=None) -> str:
    if isinstance(term, URIRef):
        value = str(term)
        if term == RDF.type:
            return "a"
        for prefix, ns in prefixes:
            if value.startswith(ns):
                local = value[len(ns):]
                if local and _safe_local(local):
                    return f"{prefix}:{local}"
        return term.n3()
    if isinstance(term, Literal):
        return term.n3(nsm)
    raise ValueError(f"kg never writes blank nodes; found {term!r}")


_LOCAL_NAME = re.compile(r"[A-Za-z_][A-Za-z0-9_-]*")


def _safe_local(local: str) -> bool:
    return _LOCAL_NAME.fullmatch(local) is not None


def _prefixes(graph: Graph) -> list[tuple[str, str]]:
    """The graph's prefixes, longest namespace first (the first that fits a term is used)."""
    return sorted(((p, str(ns)) for p, ns in graph.namespaces() if p and str(ns)),
                  key=lambda x: (-len(x[1]), x[0]))


def _turtle(triples, prefixes: list[tuple[str, str]], nsm) -> str:
    """Canonical Turtle of ``triples``: the prefixes it uses, subjects and statements sorted."""
    written: dict = {}   # each term is formatted once

    def term(t, with_nsm: bool = False) -> str:
        text = written.get((t, with_nsm))
        if text is None:
            text = written[(t, with_nsm)] = _term(t, prefixes, nsm if with_nsm else None)
        return text

    used = set()
    blocks = []
    by_subject: dict = {}
    for s, p, o in triples:
        by_subject.setdefault(s, []).append((p, o))
    for s in sorted(by_subject, key=lambda t: t.n3()):
        pairs = sorted(by_subject[s], key=lambda po: (po[0] != RDF.type, po[0].n3(), po[1].n3()))
        lines = []
        current = None
        objs: list[str] = []
        for p, o in pairs:
            if p != current:
                if current is not None:
                    lines.append(f"    {term(current)} {', '.join(objs)}")
                current, objs = p, []
            objs.append(term(o, True))
        lines.append(f"    {term(current)} {', '.join(objs)}")
        blocks.append(term(s) + "\n" + " ;\n".join(lines) + " .\n")
    body = "\n".join(blocks)
    for prefix, ns in prefixes:
        if f"{prefix}:" in body:
            used.add((prefix, ns))
    header = "".join(f"@prefix {p}: <{ns}> .\n" for p, ns in sorted(used))
    return header + "\n" + body


def turtle_text(graph: Graph) -> str:
    """Canonical Turtle: fixed prefixes, subjects and statements in sorted order."""
    return _turtle(graph, _prefixes(graph), graph.namespace_manager)


def write_turtle(graph: Graph, path: Path) -> None:
    write_atomic(path, turtle_text(graph))


def write_trig(ds: Dataset, path: Path) -> None:
    """TriG with the default graph first, then each named graph, all in canonical order.

    The quads are grouped by graph in one pass and written with the Turtle writer; no
    per-graph rdflib Graph is built (that copy was most of the export time at scale)."""
    template = Graph()   # the prefixes (rdflib's and the dataset's) every graph is written with
    for prefix, ns in ds.namespaces():
        template.bind(prefix, ns, override=True, replace=True)
    prefixes, nsm = _prefixes(template), template.namespace_manager
    default_id = ds.default_context.identifier
    by_graph: dict = {}
    for s, p, o, g in ds.quads((None, None, None, None)):
        by_graph.setdefault(g, []).append((s, p, o))
    parts = []
    text = _turtle(by_graph.get(default_id, ()), prefixes, nsm)
    header, _, body = text.partition("\n\n")
    prefix_lines = {line for line in header.splitlines() if line}
    parts.append(body)
    for g in sorted((g for g in by_graph if isinstance(g, URIRef) and g != default_id), key=str):
        triples = set(by_graph[g])
        if not triples:
            continue
        t = _turtle(triples, prefixes, nsm)
        h, _, b = t.partition("\n\n")
        prefix_lines |= {line for line in h.splitlines() if line}
        indented = "\n".join(("    " + line) if line else "" for line in b.rstrip("\n").splitlines())
        parts.append(f"{g.n3()} {{\n{indented}\n}}\n")
    write_atomic(path, "\n".join(sorted(prefix_lines)) + "\n\n" + "\n".join(parts))


def jsonld_data(graph: Graph) -> dict:
    """Compact JSON-LD: the graph's prefixes as @context, one node per subject in sorted
    order, each property's values sorted; one value is written bare, several as a list.
    Integers and booleans are JSON numbers and booleans, plain strings JSON strings, other
    literals ``{"@value", "@type"}`` or ``{"@value", "@language"}`` (as rdflib writes them)."""
    bound = {p: str(ns) for p, ns in graph.namespaces() if p}
    prefixes = sorted(((p, ns) for p, ns in bound.items() if ns), key=lambda x: (-len(x[1]), x[0]))
    used: set[str] = set()  # the @context keeps only the prefixes some IRI is written with

    def iri(term) -> str:
        value = str(term)
        for prefix, ns in prefixes:
            if value.startswith(ns) and _safe_local(value[len(ns):]):
                used.add(prefix)
                return f"{prefix}:{value[len(ns):]}"
        return value

    def value(term):
        if isinstance(term, URIRef):
            return {"@id": iri(term)}
        if not isinstance(term, Literal):
            raise ValueError(f"kg never writes blank nodes; found {term!r}")
        if term.language:
            return {"@language": term.language, "@value": str(term)}
        if term.datatype is None or term.datatype == XSD.string:
            return str(term)
        if term.datatype == XSD.integer and isinstance(term.value, int) and str(int(term.value)) == str(term):
            return int(term.value)
        if term.datatype == XSD.boolean and str(term) in ("true", "false"):
            return str(term) == "true"
        return {"@type": iri(term.datatype), "@value": str(term)}

    def key(v) -> str:
        return json.dumps(v, ensure_ascii=False, sort_keys=True)

    nodes: dict = {}
    for s, p, o in graph:
        if not isinstance(s, URIRef):
            raise ValueError(f"kg never writes blank nodes; found {s!r}")
        node = nodes.setdefault(s, {})
        if p == RDF.type and isinstance(o, URIRef):
            node.setdefault("@type", []).append(iri(o))
        else:
            node.setdefault(iri(p), []).append(value(o))
    out = []
    for s in sorted(nodes, key=iri):
        node = {"@id": iri(s)}
        for k, values in nodes[s].items():
            values = sorted(values, key=key)
            node[k] = values[0] if len(values) == 1 else values
        out.append(node)
    return {"@context": {p: ns for p, ns in bound.items() if p in used}, "@graph": out}


def write_ontology(path: Path) -> None:
    """Copy the ontology (ontology/kg.ttl, as shipped) beside the graph that owl:imports it,
    so a store loaded from the output folder has every class's and predicate's labels."""
    from kg.vocab import ONTOLOGY_FILE, ontology_dir

    write_atomic(Path(path), (ontology_dir() / ONTOLOGY_FILE).read_text(encoding="utf-8"))


def write_jsonld(graph: Graph, path: Path) -> None:
    """JSON-LD with the same prefixes as the Turtle as its @context, keys and values sorted
    (the same graph gives the same bytes)."""
    write_atomic(path, json.dumps(jsonld_data(graph), ensure_ascii=False, indent=1, sort_keys=True) + "\n")
