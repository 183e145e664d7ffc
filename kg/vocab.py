"""The vocabularies kg writes, and the one loader of the ontology and SHACL shapes.

``KG`` is a closed namespace generated at import from ``ontology/kg.ttl`` (the source of
truth): every IRI of the ``kg:`` namespace that the ontology describes is a term, and any
other name is refused.

>>> KG.Person
rdflib.term.URIRef('https://w3id.org/kg-it/ontology#Person')
>>> KG["leaderOf"] == KG.leaderOf
True
>>> getattr(KG, "Persn")  # doctest: +IGNORE_EXCEPTION_DETAIL
Traceback (most recent call last):
AttributeError: term 'Persn' is not in the kg ontology ...

The ontology and the shapes are data files in ``ontology/``; the wheel ships them as
``kg/ontology`` (pyproject force-include), a source checkout has them beside the package;
:mod:`kg.resources` finds them (``ontology_dir``) and this module parses them.
"""
from __future__ import annotations

import functools

from rdflib import Dataset, Graph, Namespace, URIRef
from rdflib.graph import ConjunctiveGraph
from rdflib.namespace import PROV, ClosedNamespace

from kg.formats import PREFIXES
from kg.resources import ONTOLOGY_FILE, SHAPES_FILE, ontology_dir  # kg.resources finds them; kg.vocab's names too

__all__ = ["ONTOLOGY_NS", "ONTOLOGY_IRI", "KG", "PROV", "SCHEMA", "ontology_dir", "ontology_graph",
           "shapes_graph", "validate"]

ONTOLOGY_NS = PREFIXES["kg"]   # the prefixes are defined once, in kg.formats
ONTOLOGY_IRI = URIRef("https://w3id.org/kg-it/ontology")
SCHEMA = Namespace(PREFIXES["schema"])

@functools.cache
def _parse(name: str) -> Graph:
    path = ontology_dir() / name
    try:
        return Graph().parse(path, format="turtle")
    except Exception as exc:  # rdflib raises several parser-specific types
        raise ValueError(f"cannot parse {path}: {exc}") from exc


def _copy(graph: Graph) -> Graph:
    out = Graph()
    for prefix, ns in graph.namespaces():
        out.bind(prefix, ns, override=True, replace=True)
    for triple in graph:
        out.add(triple)
    return out


def ontology_graph() -> Graph:
    """The parsed ontology (``ontology/kg.ttl``), a fresh copy the caller may change."""
    return _copy(_parse(ONTOLOGY_FILE))


def shapes_graph() -> Graph:
    """The parsed SHACL shapes (``ontology/shapes.ttl``), a fresh copy the caller may change."""
    return _copy(_parse(SHAPES_FILE))


def _terms() -> list[str]:
    graph = _parse(ONTOLOGY_FILE)
    return sorted({str(s)[len(ONTOLOGY_NS):] for s in graph.subjects()
                   if isinstance(s, URIRef) and str(s).startswith(ONTOLOGY_NS) and str(s) != ONTOLOGY_NS})


class OntologyNamespace(ClosedNamespace):
    """A closed namespace whose refusals name the term and the file that defines the terms."""

    def term(self, name: str) -> URIRef:
        try:
            return super().term(name)
        except KeyError:
            raise KeyError(f"term {name!r} is not in the kg ontology <{ONTOLOGY_NS}>: check the spelling, "
                           f"or define it (labelled @it and @en) in ontology/kg.ttl") from None


#: The kg: namespace, closed over the terms ontology/kg.ttl defines.
KG = OntologyNamespace(ONTOLOGY_NS, _terms())


def validate(data: Graph, *, inference: str = "rdfs") -> tuple[bool, Graph, str]:
    """Check a graph kg wrote against ``ontology/shapes.ttl``; the one validation entry point.

    ``data`` is the union of all quads (what graph.ttl holds); a Dataset is flattened to
    that union first, since its named graphs are not meant to be checked one by one. The
    ontology is passed to pySHACL as ``ont_graph`` and, with the default ``inference="rdfs"``,
    RDFS entailment (subclasses, domains, ranges) is applied before validation. The shapes
    are written to give the same verdict with ``inference="none"``.

    Returns:
        ``(conforms, results_graph, results_text)`` as pySHACL gives them.

    >>> from rdflib import Graph
    >>> validate(Graph())[0]
    True
    """
    import pyshacl  # heavy import: only when validating

    if isinstance(data, (Dataset, ConjunctiveGraph)):
        union = Graph()
        for s, p, o, _ in data.quads((None, None, None, None)):
            union.add((s, p, o))
        data = union
    conforms, results_graph, results_text = pyshacl.validate(
        data, shacl_graph=_parse(SHAPES_FILE), ont_graph=_parse(ONTOLOGY_FILE), inference=inference,
        abort_on_first=False, allow_warnings=False, advanced=True, meta_shacl=False)
    return bool(conforms), results_graph, str(results_text)


@functools.cache
def predicate_signatures() -> dict[str, tuple[frozenset[str], frozenset[str]]]:
    """Domain and range of each relation predicate, as entity class local names, read from
    the ontology (owl:unionOf lists expanded; kg:Entity stands for every entity class), so
    the extractor never writes a fact the SHACL shapes would reject."""
    from rdflib.collection import Collection
    from rdflib.namespace import OWL, RDF, RDFS

    g = _parse(ONTOLOGY_FILE)
    every = frozenset(("Person", "State", "Organization", "Place", "Treaty"))

    def classes(node) -> frozenset[str]:
        if node is None:
            return every
        union = g.value(node, OWL.unionOf)
        members = list(Collection(g, union)) if union is not None else [node]
        names = {str(m)[len(ONTOLOGY_NS):] for m in members if str(m).startswith(ONTOLOGY_NS)}
        return every if "Entity" in names else frozenset(names)

    out = {}
    for prop in g.subjects(RDF.type, OWL.ObjectProperty):
        name = str(prop)[len(ONTOLOGY_NS):] if str(prop).startswith(ONTOLOGY_NS) else None
        if name:
            out[name] = (classes(g.value(prop, RDFS.domain)), classes(g.value(prop, RDFS.range)))
    return out
