"""Query answers and their formats: the Result record and its writers (table, CSV, TSV,
SPARQL JSON and XML results, Turtle, N-Triples), shared by `kg query` and `kg serve`.

A truncated answer says so inside itself, not only in an HTTP header: JSON and XML in the
head's ``link`` (the formats' own place for it), CSV, TSV, Turtle and N-Triples in a final or
leading ``#`` line, the table in its row count.

Why not pyoxigraph's ``QuerySolutions.serialize`` (measured on the golden graph's canned
SELECT queries, #26): its CSV is byte for byte kg's (6 of 6), but its TSV writes numbers
bare (``0.567`` for kg's ``"0.567"^^xsd:decimal``; 4 of 6 the same), and its JSON and XML
are compact where kg's are one value per line (0 of 6 the same), which users' diffs and
the endpoint's tests read. It also cannot serialise the rdflib engine's answers, nor put
the truncation note inside the answer. So these writers stay; tests/test_results.py
checks the CSV stays the library's.
"""
from __future__ import annotations

import csv
import io
import json
import re
from dataclasses import dataclass, field
from typing import Optional
from xml.sax.saxutils import escape as xml_escape

from rdflib import BNode, Graph, URIRef
from rdflib.term import Node

from kg.formats import PREFIXES

__all__ = ["Result", "PREFIXES", "XSD_STRING", "TRUNCATED", "sparql_literal", "to_table", "to_csv", "to_tsv",
           "to_json", "to_xml", "to_turtle", "to_ntriples", "format_result"]

XSD_STRING = "http://www.w3.org/2001/XMLSchema#string"

@dataclass
class Result:
    """One query's answer. ``kind`` is 'select', 'ask' or 'graph' (CONSTRUCT/DESCRIBE)."""

    kind: str
    variables: list[str] = field(default_factory=list)
    rows: list[tuple[Optional[Node], ...]] = field(default_factory=list)
    boolean: Optional[bool] = None
    triples: list[tuple[Node, Node, Node]] = field(default_factory=list)
    truncated: bool = False
    limit: Optional[int] = None   # the row limit that truncated it

    def values(self) -> list[tuple]:
        """Rows as plain Python values (str, Decimal, date...), None where unbound."""
        return [tuple(None if t is None else t.toPython() for t in row) for row in self.rows]

    def __len__(self) -> int:
        return len(self.rows) if self.kind == "select" else len(self.triples)


_ESCAPES = {"\\": "\\\\", '"': '\\"', "\n": "\\n", "\r": "\\r", "\t": "\\t", "\b": "\\b", "\f": "\\f"}


def sparql_literal(value: str) -> str:
    """A SPARQL string literal for any text: quotes, backslashes and newlines are escaped."""
    return '"' + "".join(_ESCAPES.get(ch, ch) for ch in value) + '"'


def _compact(iri: str) -> str:
    for prefix, ns in PREFIXES.items():
        if iri.startswith(ns) and re.fullmatch(r"[\w.-]*", iri[len(ns):]):
            return f"{prefix}:{iri[len(ns):]}"
    return iri


def _plain(term: Optional[Node]) -> str:
    """Lexical value: what CSV and the table show."""
    if term is None:
        return ""
    if isinstance(term, BNode):
        return f"_:{term}"
    return str(term)


def to_table(result: Result, max_width: int = 80) -> str:
    """A fixed-width text table for people; IRIs shortened to known prefixes."""
    if result.kind == "ask":
        return "true" if result.boolean else "false"
    if result.kind == "graph":
        return to_turtle(result)
    header = list(result.variables)

    def cell(t):
        text = _compact(str(t)) if isinstance(t, URIRef) else _plain(t)
        text = " ".join(text.split())
        return text if len(text) <= max_width else text[: max_width - 1] + "…"

    body = [[cell(t) for t in row] for row in result.rows]
    widths = [max([len(h)] + [len(r[i]) for r in body]) for i, h in enumerate(header)]
    lines = ["  ".join(h.ljust(w) for h, w in zip(header, widths)).rstrip(),
             "  ".join("-" * w for w in widths)]
    lines += ["  ".join(c.ljust(w) for c, w in zip(r, widths)).rstrip() for r in body]
    n = len(result.rows)
    lines.append(f"({n} row{'s' if n != 1 else ''}{', truncated' if result.truncated else ''})")
    return "\n".join(lines)


def to_csv(result: Result) -> str:
    """SPARQL 1.1 Query Results CSV: lexical values only, CRLF line ends."""
    buf = io.StringIO()
    writer = csv.writer(buf, lineterminator="\r\n")
    if result.kind == "ask":
        writer.writerow(["_askResult"])
        writer.writerow(["true" if result.boolean else "false"])
        return buf.getvalue()
    writer.writerow(result.variables)
    for row in result.rows:
        writer.writerow([_plain(t) for t in row])
    if result.truncated:
        buf.write(f"# {_truncation(result)}\r\n")
    return buf.getvalue()


TRUNCATED = "https://w3id.org/kg-it/ontology#truncated"


def _truncation(result: Result) -> str:
    """The note a truncated answer carries inside itself, not only in an HTTP header."""
    unit = "triples" if result.kind == "graph" else "rows"
    return f"truncated: only the first {len(result)} {unit} of a longer answer (limit {result.limit})"


def _nt(term: Optional[Node]) -> str:
    if term is None:
        return ""
    if isinstance(term, URIRef):
        return f"<{term}>"
    if isinstance(term, BNode):
        return f"_:{term}"
    text = sparql_literal(str(term))
    if term.language:
        return f"{text}@{term.language}"
    if term.datatype and str(term.datatype) != XSD_STRING:
        return f"{text}^^<{term.datatype}>"
    return text


def to_tsv(result: Result) -> str:
    """SPARQL 1.1 Query Results TSV: '?var' header, terms in SPARQL/N-Triples syntax."""
    if result.kind == "ask":
        return "?_askResult\n" + ("true" if result.boolean else "false") + "\n"
    lines = ["\t".join(f"?{v}" for v in result.variables)]
    lines += ["\t".join(_nt(t) for t in row) for row in result.rows]
    if result.truncated:
        lines.append(f"# {_truncation(result)}")
    return "\n".join(lines) + "\n"


def _json_term(term: Node) -> dict:
    if isinstance(term, URIRef):
        return {"type": "uri", "value": str(term)}
    if isinstance(term, BNode):
        return {"type": "bnode", "value": str(term)}
    out = {"type": "literal", "value": str(term)}
    if term.language:
        out["xml:lang"] = term.language
    elif term.datatype and str(term.datatype) != XSD_STRING:
        out["datatype"] = str(term.datatype)
    return out


def to_json(result: Result, indent: Optional[int] = 1) -> str:
    """SPARQL 1.1 Query Results JSON (unbound variables are left out of a binding)."""
    if result.kind == "ask":
        return json.dumps({"head": {}, "boolean": bool(result.boolean)}, indent=indent)
    bindings = [{v: _json_term(t) for v, t in zip(result.variables, row) if t is not None}
                for row in result.rows]
    answer = {"head": {"vars": result.variables}, "results": {"bindings": bindings}}
    if result.truncated:  # head.link is the format's own place for metadata
        answer["head"]["link"] = [f"{TRUNCATED}?limit={result.limit}"]
        answer["truncated"] = _truncation(result)
    return json.dumps(answer, indent=indent, ensure_ascii=False)


def to_xml(result: Result) -> str:
    """SPARQL Query Results XML Format."""
    out = ['<?xml version="1.0" encoding="utf-8"?>',
           '<sparql xmlns="http://www.w3.org/2005/sparql-results#">', "<head>"]
    if result.kind == "ask":
        out += ["</head>", f"<boolean>{'true' if result.boolean else 'false'}</boolean>", "</sparql>"]
        return "\n".join(out) + "\n"
    out += [f'<variable name="{xml_escape(v)}"/>' for v in result.variables]
    if result.truncated:
        out.append(f'<link href="{TRUNCATED}?limit={result.limit}"/><!-- {_truncation(result)} -->')
    out += ["</head>", "<results>"]
    for row in result.rows:
        out.append("<result>")
        for v, t in zip(result.variables, row):
            if t is None:
                continue
            if isinstance(t, URIRef):
                value = f"<uri>{xml_escape(str(t))}</uri>"
            elif isinstance(t, BNode):
                value = f"<bnode>{xml_escape(str(t))}</bnode>"
            elif t.language:
                value = f'<literal xml:lang="{xml_escape(t.language)}">{xml_escape(str(t))}</literal>'
            elif t.datatype and str(t.datatype) != XSD_STRING:
                value = f'<literal datatype="{xml_escape(str(t.datatype))}">{xml_escape(str(t))}</literal>'
            else:
                value = f"<literal>{xml_escape(str(t))}</literal>"
            out.append(f'<binding name="{xml_escape(v)}">{value}</binding>')
        out.append("</result>")
    out += ["</results>", "</sparql>"]
    return "\n".join(out) + "\n"


def _triples_graph(result: Result) -> Graph:
    g = Graph()
    for prefix, ns in PREFIXES.items():
        g.bind(prefix, ns, override=True, replace=True)
    for triple in result.triples:
        g.add(triple)
    return g


def to_turtle(result: Result) -> str:
    """CONSTRUCT/DESCRIBE answers as Turtle with kg's prefixes (a truncated one says so in a comment)."""
    text = _triples_graph(result).serialize(format="turtle")
    return f"# {_truncation(result)}\n{text}" if result.truncated else text


def to_ntriples(result: Result) -> str:
    text = "".join(sorted(f"{_nt(s)} {_nt(p)} {_nt(o)} .\n" for s, p, o in result.triples))
    return f"# {_truncation(result)}\n{text}" if result.truncated else text


def format_result(result: Result, fmt: str = "table") -> str:
    """Dispatch on the format name; graph answers are always Turtle."""
    if result.kind == "graph":
        return to_turtle(result)
    writers = {"table": to_table, "csv": to_csv, "tsv": to_tsv, "json": to_json, "xml": to_xml}
    if fmt not in writers:
        raise ValueError(f"unknown format {fmt!r} (choose from {', '.join(writers)})")
    return writers[fmt](result)
