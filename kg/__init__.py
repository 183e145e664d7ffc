"""kg: Italian news articles to a linked-data knowledge graph, offline.

>>> from kg import build
>>> result = build(["seeds/"], output="output")   # doctest: +SKIP
"""
from __future__ import annotations

__version__ = "0.1.0"


def build(*args, **kwargs):
    """Build the graph; see :func:`kg.build.build`."""
    from kg.build import build as _build

    return _build(*args, **kwargs)


__all__ = ["build", "__version__"]
