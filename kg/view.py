"""`kg view`: turn a graph file into the self-contained HTML explorer, and optionally open it.

>>> from pathlib import Path
>>> output_path(Path("out/graph.ttl"))
PosixPath('out/graph.html')
"""
from __future__ import annotations

import webbrowser
from pathlib import Path
from typing import Optional

from kg.export.html import write_html
from kg.export.rdf import read_graph

__all__ = ["output_path", "view"]


def output_path(graph_path: Path) -> Path:
    """Where `kg view` writes by default: the graph's name with .html."""
    return Path(graph_path).with_suffix(".html")


def view(graph_path: Path, output: Optional[Path] = None, *, title: Optional[str] = None,
         open_browser: bool = False) -> Path:
    """Write the explorer for ``graph_path`` to ``output`` (default: beside it, .html); return it."""
    graph_path = Path(graph_path)
    target = Path(output) if output else output_path(graph_path)
    if target.resolve() == graph_path.resolve():
        raise ValueError(f"{target}: the output would overwrite the graph; pass -o FILE.html")
    graph = read_graph(graph_path)
    if len(graph) == 0:  # e.g. report.json, which parses as JSON-LD holding nothing
        raise ValueError(f"{graph_path}: holds no RDF triples, so there is nothing to explore; "
                         "pass the graph kg build wrote (graph.ttl, graph.trig or graph.jsonld)")
    write_html(graph, target, title=title or f"kg: {graph_path.name}")
    if open_browser:
        webbrowser.open(target.resolve().as_uri())
    return target
