"""`kg validate GRAPH`: check a graph file against the SHACL shapes in ontology/, readably.

pySHACL's own text lists every result in full, one block each; on a real graph that is
hundreds of lines about one mistake. This groups the results by shape and message, counts
them, and shows a few focus nodes of each, so the first screen says what is wrong.
"""
from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field
from pathlib import Path

from rdflib import Graph, Namespace, URIRef
from rdflib.namespace import RDF

from kg.export.rdf import read_graph
from kg.vocab import validate
from kg.settings import value as setting

__all__ = ["Problem", "Validation", "validate_file", "format_validation"]

SH = Namespace("http://www.w3.org/ns/shacl#")
EXAMPLES = setting("validate.examples")


@dataclass
class Problem:
    """One kind of failure: a shape's message on a path, with the nodes it was found on."""

    severity: str
    shape: str
    path: str
    message: str
    nodes: list[str] = field(default_factory=list)


@dataclass
class Validation:
    path: Path
    triples: int
    conforms: bool
    problems: list[Problem]

    @property
    def exit_code(self) -> int:
        """0 when the graph conforms, 1 when a violation (or warning) was found."""
        return 0 if self.conforms else 1


def _short(graph: Graph, term) -> str:
    """prefix:name where a prefix of the data fits, else the term as text."""
    if term is None:
        return ""
    if isinstance(term, URIRef):
        try:
            return graph.namespace_manager.normalizeUri(term).strip("<>")
        except Exception:  # rdflib refuses some local names
            return str(term)
    return str(term)


def _problems(results: Graph, data: Graph) -> list[Problem]:
    groups: dict[tuple, Problem] = {}
    nodes = defaultdict(set)
    for result in results.subjects(RDF.type, SH.ValidationResult):
        severity = str(results.value(result, SH.resultSeverity) or SH.Violation).rsplit("#", 1)[-1]
        shape = _short(data, results.value(result, SH.sourceShape))
        path = _short(data, results.value(result, SH.resultPath))
        messages = {getattr(m, "language", None): str(m) for m in results.objects(result, SH.resultMessage)}
        message = (messages.get("en") or messages.get(None) or messages.get("it") or next(iter(messages.values()), "")
                   or str(results.value(result, SH.sourceConstraintComponent) or "").rsplit("#", 1)[-1])
        key = (severity, shape, path, message)
        groups.setdefault(key, Problem(severity, shape, path, message))
        nodes[key].add(_short(data, results.value(result, SH.focusNode)))
    for key, problem in groups.items():
        problem.nodes = sorted(nodes[key])
    order = {"Violation": 0, "Warning": 1, "Info": 2}
    return sorted(groups.values(), key=lambda p: (order.get(p.severity, 3), -len(p.nodes), p.shape, p.message))


def validate_file(path: str | Path) -> Validation:
    """Validate the graph file at ``path`` (any format kg reads). ValueError if unreadable."""
    path = Path(path)
    data = read_graph(path)
    conforms, results, _ = validate(data)
    return Validation(path, len(data), conforms, _problems(results, data))


def format_validation(v: Validation) -> str:
    """A report a person reads: verdict first, then each kind of problem with a few nodes."""
    if v.conforms:
        return f"{v.path}: conforms to the kg SHACL shapes ({v.triples} triples checked)\n"
    total = sum(len(p.nodes) for p in v.problems)
    lines = [f"{v.path}: does NOT conform to the kg SHACL shapes: {total} node(s) fail "
             f"{len(v.problems)} check(s) ({v.triples} triples checked)", ""]
    for p in v.problems:
        where = f" on {p.path}" if p.path else ""
        lines.append(f"{p.severity}: {p.message}{where}  [{p.shape}]  ({len(p.nodes)} node(s))")
        lines += [f"    {n}" for n in p.nodes[:EXAMPLES]]
        if len(p.nodes) > EXAMPLES:
            lines.append(f"    ... and {len(p.nodes) - EXAMPLES} more")
    return "\n".join(lines) + "\n"
