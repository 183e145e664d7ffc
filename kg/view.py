"""`kg view`: turn a graph file into the self-contained HTML explorer, and optionally open it.

>>> from pathlib import Path
>>> output_path(Path("out/graph.ttl"))
PosixPath('out/graph.html')
"""
from __future__ import annotations

import warnings
import webbrowser
from pathlib import Path
from typing import Optional

from rdflib import Dataset, Graph

from kg.export.html import write_html

__all__ = ["FORMATS", "load_graph", "output_path", "view"]

FORMATS = {".ttl": "turtle", ".trig": "trig", ".jsonld": "json-ld", ".json": "json-ld",
           ".nt": "nt", ".nq": "nquads"}


def load_graph(path: Path) -> Graph:
    """All triples of a graph file (named graphs merged into one).

    Raises:
        ValueError: unknown extension, missing file, or a file that does not parse.
    """
    path = Path(path)
    fmt = FORMATS.get(path.suffix.lower())
    if fmt is None:
        raise ValueError(f"{path}: unsupported graph format {path.suffix!r} "
                         f"(expected one of {', '.join(sorted(FORMATS))})")
    if not path.is_file():
        raise ValueError(f"{path}: no such file")
    dataset = Dataset()
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore", DeprecationWarning)
            dataset.parse(str(path), format=fmt)
    except Exception as err:  # rdflib raises many parser-specific types
        raise ValueError(f"{path}: cannot parse as {fmt}: {type(err).__name__}: {err}") from err
    graph = Graph()
    for s, p, o, _ in dataset.quads((None, None, None, None)):
        graph.add((s, p, o))
    return graph


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
    write_html(load_graph(graph_path), target, title=title or f"kg: {graph_path.name}")
    if open_browser:
        webbrowser.open(target.resolve().as_uri())
    return target
