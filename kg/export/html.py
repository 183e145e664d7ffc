"""The interactive HTML explorer: one self-contained page, safe offline and against its data.

The page is ``templates/explorer.html`` with vis-network (read from the installed pyvis
package), the explorer's own script and style inlined, so it makes no network request from
file://. The graph goes in as JSON inside ``<script type="application/json">`` with ``<``,
``>``, ``&``, U+2028 and U+2029 written as ``\\uXXXX`` escapes; the page's script puts every
string from the articles into the DOM with ``textContent``, never as markup.

What the page draws is read by ``kg.export.explorer_data``; this module adds the layout,
computed with networkx (fixed seed, rounded coordinates) so the same graph gives the same
bytes: connected components are packed side by side, biggest first, and the entities with
no fact (hidden until the reader asks for them) go in a grid below, so they never push the
facts into a corner of the first frame.
"""
from __future__ import annotations

import html
import json
import math
import re
from functools import lru_cache
from pathlib import Path
from typing import Iterable, Optional

import networkx as nx
from rdflib import Graph

from kg.export.atomic import write_atomic
from kg.export.explorer_data import COLOURS, FAMILIES, SHAPES, explorer_data as _data
from kg.iris import IriMinter
from kg.records import CoMention

__all__ = ["COLOURS", "FAMILIES", "SHAPES", "TOP_LIMIT", "explorer_data", "render_html", "write_html"]

#: Above this many entities with facts the page opens on the TOP_LIMIT most connected ones.
TOP_LIMIT = 250
#: Components up to this size get networkx's spring layout; bigger ones _sampled_layout.
SPRING_LIMIT = 300
#: Components up to this size get the Kamada-Kawai layout (O(n^2) memory, even spacing).
KK_LIMIT = 120
LAYOUT_SEED = 7
TEMPLATES = Path(__file__).resolve().parent / "templates"
#: The page's script, in this order, inside one function scope (one file per concern).
APP_FILES = ("i18n.js", "explorer.js", "view.js", "panel.js", "controls.js", "main.js")

_JSON_ESCAPES = {"<": "\\u003c", ">": "\\u003e", "&": "\\u0026", "\u2028": "\\u2028", "\u2029": "\\u2029"}


def explorer_data(graph: Graph, title: str = "kg graph", comentions: Optional[Iterable[CoMention]] = None,
                  minter: Optional[IriMinter] = None) -> dict:
    """The page's data (see kg.export.explorer_data) with positions, sizes and degrees."""
    data = _data(graph, title, comentions, minter)
    positions, sizes, degree = _layout(len(data["nodes"]), [(e["from"], e["to"]) for e in data["edges"]])
    for i, node in enumerate(data["nodes"]):
        node.update(x=positions[i][0], y=positions[i][1], size=sizes[i], degree=degree[i])
    data["top"] = TOP_LIMIT
    return data


def _layout(n: int, edges: list[tuple[int, int]]) -> tuple[list[tuple[float, float]], list[int], list[int]]:
    """Positions (pixels, rounded), sizes and degrees for nodes 0..n-1; deterministic.

    Each connected component is laid out on its own (networkx's spring layout with a fixed
    seed up to SPRING_LIMIT nodes, _sampled_layout beyond) and packed in rows, biggest first,
    with a gap between components; entities without facts go in a grid below them.
    """
    g = nx.Graph()
    g.add_nodes_from(range(n))
    g.add_edges_from((s, o) for s, o in edges if s != o)
    degree = [g.degree(i) for i in range(n)]
    sizes = [int(8 + 6 * math.sqrt(min(d, 100))) for d in degree]
    components = sorted((sorted(c) for c in nx.connected_components(g) if len(c) > 1),
                        key=lambda c: (-len(c), c[0]))
    positions: list[tuple[float, float]] = [(0.0, 0.0)] * n
    boxes = []
    for comp in components:
        radius = 80.0 * math.sqrt(len(comp))
        if len(comp) == 2:
            local = {comp[0]: (-1.0, 0.0), comp[1]: (1.0, 0.0)}
        elif len(comp) <= KK_LIMIT:  # even spacing: hubs do not swallow their neighbours
            local = nx.kamada_kawai_layout(g.subgraph(comp), pos=nx.circular_layout(g.subgraph(comp)))
        elif len(comp) <= SPRING_LIMIT:
            local = nx.spring_layout(g.subgraph(comp), seed=LAYOUT_SEED, iterations=80)
        else:
            local = _sampled_layout(comp, g.subgraph(comp).edges())
        boxes.append((comp, local, radius))
    # shelf packing: rows about as wide as the total area's square root
    width = max(math.sqrt(sum((2 * r + 160) ** 2 for _, _, r in boxes)) * 1.3, 1200.0)
    x = y = row_height = 0.0
    for comp, local, radius in boxes:
        side = 2 * radius + 160
        if x > 0 and x + side > width:
            x, y, row_height = 0.0, y + row_height, 0.0
        cx, cy = x + side / 2, y + side / 2
        for node in comp:
            px, py = local[node]
            positions[node] = (round(cx + float(px) * radius, 1), round(cy + float(py) * radius, 1))
        x += side
        row_height = max(row_height, side)
    lonely = [i for i in range(n) if degree[i] == 0]
    columns = max(1, int(math.sqrt(len(lonely) * 2)))
    top = y + row_height + 120
    for k, node in enumerate(lonely):
        positions[node] = (round(float((k % columns) * 130), 1), round(top + (k // columns) * 70, 1))
    return positions, sizes, degree


def _sampled_layout(nodes: list[int], edges, iterations: int = 60, samples: int = 40) -> dict:
    """Fruchterman-Reingold with repulsion estimated from a seeded sample of other nodes.

    O(nodes * samples + edges) per iteration instead of O(nodes^2): a 5,000-node component
    takes about a second. Positions roughly in [-1, 1], like networkx's layouts.
    """
    import numpy as np

    rng = np.random.default_rng(LAYOUT_SEED)
    n = len(nodes)
    where = {node: i for i, node in enumerate(nodes)}
    pairs = np.array([(where[a], where[b]) for a, b in edges], dtype=np.int64).reshape(-1, 2)
    src, dst = pairs[:, 0], pairs[:, 1]
    pos = rng.random((n, 2)) - 0.5
    k = 1.0 / math.sqrt(n)
    step = 0.1
    for _ in range(iterations):
        other = rng.integers(0, n, size=(n, samples))
        delta = pos[:, None, :] - pos[other]
        dist2 = np.maximum((delta ** 2).sum(-1), 1e-6)
        disp = (delta / dist2[..., None]).sum(1) * (k * k * n / samples)
        d = pos[src] - pos[dst]
        pull = d * np.sqrt((d ** 2).sum(-1))[:, None] / k
        np.subtract.at(disp, src, pull)
        np.add.at(disp, dst, pull)
        length = np.maximum(np.sqrt((disp ** 2).sum(-1)), 1e-9)
        pos += disp / length[:, None] * np.minimum(length, step)[:, None]
        step *= 0.95
    pos -= pos.mean(0)
    pos /= max(float(np.abs(pos).max()), 1e-9)
    return {node: (float(pos[i, 0]), float(pos[i, 1])) for i, node in enumerate(nodes)}


def _json_for_script(data: dict) -> str:
    text = json.dumps(data, ensure_ascii=False, sort_keys=True, separators=(",", ":"), allow_nan=False)
    return re.sub("[<>&\u2028\u2029]", lambda m: _JSON_ESCAPES[m.group(0)], text)


@lru_cache(maxsize=None)
def _asset(name: str) -> str:
    if name == "vis-network.min.js":
        import pyvis

        path = Path(pyvis.__file__).resolve().parent / "templates" / "lib" / "vis-9.1.2" / name
    else:
        path = TEMPLATES / name
    text = path.read_text(encoding="utf-8")
    if name.endswith(".js"):  # nothing inlined may close the script element early
        text = re.sub(r"</(script)", r"<\\/\1", text, flags=re.I)
    return text


def render_html(graph: Graph, title: str = "kg graph", comentions: Optional[Iterable[CoMention]] = None,
                minter: Optional[IriMinter] = None) -> str:
    """The explorer page for ``graph``, as a string (same graph, same bytes); ``comentions``
    and ``minter``: kg build's sentence co-mentions (see kg.export.explorer_data)."""
    app = "\n".join(_asset(name) for name in APP_FILES)
    parts = {"TITLE": html.escape(title), "STYLE": _asset("explorer.css"), "VIS": _asset("vis-network.min.js"),
             "APP": '(function () {\n"use strict";\nvar data = JSON.parse(document.getElementById("kg-data")'
                    '.textContent);\n' + app + "\n})();",
             "DATA": _json_for_script(explorer_data(graph, title, comentions, minter))}
    # one pass over the template only, so inlined text is never searched for placeholders
    return re.sub(r"@@(TITLE|STYLE|VIS|APP|DATA)@@", lambda m: parts[m.group(1)], _asset("explorer.html"))


def write_html(graph: Graph, path: Path, title: str = "kg graph", comentions: Optional[Iterable[CoMention]] = None,
               minter: Optional[IriMinter] = None) -> None:
    """Write the explorer page for ``graph`` to ``path`` atomically (arguments: render_html)."""
    write_atomic(Path(path), render_html(graph, title, comentions, minter))
