"""Exporters: each writes one output format; ``EXPORTERS`` maps a file name to its writer.

The RDF exporters are the rows of kg.formats.RDF_FORMATS that name a writer: ``graph.ttl``,
``graph.trig`` and ``graph.jsonld``, each ``(write, source)`` where ``source`` says whether
``write(x, path)`` takes the facts graph or the dataset of named graphs.
"""
from __future__ import annotations

from importlib import import_module
from typing import Callable

from kg.export.rdf import write_jsonld, write_trig, write_turtle
from kg.formats import RDF_FORMATS

__all__ = ["write_turtle", "write_trig", "write_jsonld", "EXPORTERS"]


def _writer(spec: str) -> Callable:
    module, _, name = spec.partition(":")
    return getattr(import_module(module), name)


#: output file name -> (writer, "graph" or "dataset"), in the table's order
EXPORTERS: dict[str, tuple[Callable, str]] = {
    f"graph{f.suffix}": (_writer(f.writer), f.source) for f in RDF_FORMATS if f.writer}
