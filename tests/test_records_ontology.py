"""kg.records' closed sets agree with ontology/kg.ttl, the source of truth.

They are checked here rather than derived at import: deriving them would make
``import kg.records`` (15 ms, no rdflib) load rdflib and parse the ontology (about 110 ms
more, measured), and every stage imports kg.records.
"""
from __future__ import annotations

import re

from rdflib import OWL, RDF, RDFS
from rdflib.collection import Collection

from kg.records import ENTITY_TYPES, PREDICATES
from kg.vocab import KG, ONTOLOGY_FILE, ONTOLOGY_NS, ontology_dir, ontology_graph


def _local(iri) -> str:
    return str(iri)[len(ONTOLOGY_NS):]


def _file_order(names) -> list[str]:
    text = (ontology_dir() / ONTOLOGY_FILE).read_text(encoding="utf-8")
    return sorted(names, key=lambda n: re.search(rf"^kg:{n} a ", text, re.M).start())


def test_entity_types_are_the_subclasses_of_kg_entity_in_ontology_order():
    graph = ontology_graph()
    types = {_local(c) for c in graph.subjects(RDFS.subClassOf, KG.Entity)}
    assert list(ENTITY_TYPES) == _file_order(types)


def test_predicates_are_the_ontologys_relations_between_entities_in_ontology_order():
    graph = ontology_graph()
    entity = {KG.Entity} | {KG[t] for t in ENTITY_TYPES}

    def classes(node):
        union = graph.value(node, OWL.unionOf)
        return set(Collection(graph, union)) if union is not None else {node}

    relations = {_local(p) for p in graph.subjects(RDF.type, OWL.ObjectProperty)
                 if (d := graph.value(p, RDFS.domain)) is not None and (r := graph.value(p, RDFS.range)) is not None
                 and classes(d) <= entity and classes(r) <= entity}
    assert list(PREDICATES) == _file_order(relations)
