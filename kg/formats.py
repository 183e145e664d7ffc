"""The one table of RDF formats and the one set of prefixes kg writes and reads.

Every reader of a graph file (kg query, serve, push, view, validate, eval) asks
``graph_format`` for a file's format, so an unknown or non-RDF file (``report.json``,
``notes.txt``) is the same one-line error everywhere; the exporters that ``kg build`` runs
are the rows with a ``writer`` (see kg.export.EXPORTERS).

>>> graph_format("out/graph.trig").name
'trig'
>>> graph_format("out/report.json")
Traceback (most recent call last):
...
kg.formats.GraphFormatError: out/report.json: unknown graph format '.json': kg reads .ttl, .trig, .nt, .nq, .jsonld files
"""
from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Optional, Union

import pyoxigraph as ox

__all__ = ["RdfFormat", "RDF_FORMATS", "BY_SUFFIX", "BY_NAME", "PREFIXES", "GraphFormatError",
           "graph_format", "check_graph_file"]

#: The prefixes kg binds in every graph it writes and in query answers (defined here only).
PREFIXES = {
    "kg": "https://w3id.org/kg-it/ontology#",
    "schema": "https://schema.org/",
    "prov": "http://www.w3.org/ns/prov#",
    "wd": "http://www.wikidata.org/entity/",
    "skos": "http://www.w3.org/2004/02/skos/core#",
    "owl": "http://www.w3.org/2002/07/owl#",
    "rdfs": "http://www.w3.org/2000/01/rdf-schema#",
    "rdf": "http://www.w3.org/1999/02/22-rdf-syntax-ns#",
    "xsd": "http://www.w3.org/2001/XMLSchema#",
}


@dataclass(frozen=True)
class RdfFormat:
    """One RDF serialisation: how kg names, recognises, parses and (perhaps) writes it.

    ``writer``: ``"module:function"`` of kg's deterministic writer, called as
    ``function(graph_or_dataset, path)``; ``source`` says which of the two it takes
    (``"graph"``: the facts graph, ``"dataset"``: the named graphs). None: kg reads it only.
    """

    name: str
    suffix: str
    media_type: str
    ox_format: ox.RdfFormat
    rdflib: str
    quads: bool
    writer: Optional[str] = None
    source: str = "graph"


RDF_FORMATS: tuple[RdfFormat, ...] = (
    RdfFormat("turtle", ".ttl", "text/turtle", ox.RdfFormat.TURTLE, "turtle", False,
              "kg.export.rdf:write_turtle", "graph"),
    RdfFormat("trig", ".trig", "application/trig", ox.RdfFormat.TRIG, "trig", True,
              "kg.export.rdf:write_trig", "dataset"),
    RdfFormat("ntriples", ".nt", "application/n-triples", ox.RdfFormat.N_TRIPLES, "nt", False),
    RdfFormat("nquads", ".nq", "application/n-quads", ox.RdfFormat.N_QUADS, "nquads", True),
    RdfFormat("jsonld", ".jsonld", "application/ld+json", ox.RdfFormat.JSON_LD, "json-ld", False,
              "kg.export.rdf:write_jsonld", "graph"),
)
BY_SUFFIX = {f.suffix: f for f in RDF_FORMATS}
BY_NAME = {f.name: f for f in RDF_FORMATS}


class GraphFormatError(ValueError):
    """A path that is not a graph file kg reads (unknown or non-RDF suffix, or missing)."""


def graph_format(path: Union[str, Path]) -> RdfFormat:
    """The format of a graph file, from its suffix; GraphFormatError naming the file otherwise."""
    path = Path(path)
    fmt = BY_SUFFIX.get(path.suffix.lower())
    if fmt is None:
        kind = repr(path.suffix) if path.suffix else "(no suffix)"
        raise GraphFormatError(f"{path}: unknown graph format {kind}: kg reads {', '.join(BY_SUFFIX)} files")
    return fmt


def check_graph_file(path: Union[str, Path]) -> RdfFormat:
    """``graph_format`` of an existing file; GraphFormatError when it is not there."""
    fmt = graph_format(path)
    if not Path(path).is_file():
        raise GraphFormatError(f"{path}: no such graph file")
    return fmt
