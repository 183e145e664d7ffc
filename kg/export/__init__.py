"""Exporters: each writes one output format; ``EXPORTERS`` maps a file name to its writer."""
from __future__ import annotations

from kg.export.rdf import write_jsonld, write_trig, write_turtle

__all__ = ["write_turtle", "write_trig", "write_jsonld"]
