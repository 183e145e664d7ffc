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
    write_html(read_graph(graph_path), target, title=title or f"kg: {graph_path.name}")
    if open_browser:
        webbrowser.open(target.resolve().as_uri())
    return target
