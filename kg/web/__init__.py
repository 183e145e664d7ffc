"""The SPARQL query page that `kg serve` shows at ``/``: YASGUI, bundled, so it works offline.

``query_page(canned)`` is the whole HTML page: one editor tab per canned query (name -> SPARQL),
a results table (YASR), and CSV / JSON download of the active query's full answer; it sends
queries to the same origin's ``/sparql`` endpoint (POST, form-encoded). ``asset(name)`` gives
the static files the page loads from ``/assets/<name>`` with their content type, or None.
The editor is @zazuko/yasgui from the npm registry, unmodified, with its MIT licence in
``assets/LICENSE-yasgui.txt``; its class/property autocompleters (which would ask
lov.linkeddata.es) are turned off so the page makes no request beyond its own server.
"""
from __future__ import annotations

import html
import json
import re
from functools import lru_cache
from pathlib import Path
from typing import Optional

__all__ = ["query_page", "asset", "ASSETS"]

ASSETS = Path(__file__).resolve().parent / "assets"
_TYPES = {".js": "text/javascript; charset=utf-8", ".css": "text/css; charset=utf-8",
          ".txt": "text/plain; charset=utf-8", ".html": "text/html; charset=utf-8"}
_JSON_ESCAPES = {"<": "\\u003c", ">": "\\u003e", "&": "\\u0026", "\u2028": "\\u2028", "\u2029": "\\u2029"}


@lru_cache(maxsize=None)
def _template() -> str:
    return (ASSETS / "query.html").read_text(encoding="utf-8")


def query_page(canned: dict[str, str], title: str = "kg SPARQL") -> bytes:
    """The query page with one tab per canned query, in the order given."""
    tabs = [{"name": str(name), "query": str(sparql)} for name, sparql in canned.items()]
    data = json.dumps({"canned": tabs, "endpoint": "/sparql"}, ensure_ascii=False, sort_keys=True)
    data = re.sub("[<>&\u2028\u2029]", lambda m: _JSON_ESCAPES[m.group(0)], data)
    parts = {"TITLE": html.escape(title), "DATA": data}
    page = re.sub(r"@@(TITLE|DATA)@@", lambda m: parts[m.group(1)], _template())
    return page.encode("utf-8")


def asset(name: str) -> Optional[tuple[bytes, str]]:
    """(bytes, content type) of the static file ``name`` under assets/, or None.

    Only plain names of files that are there: no path separators, no dot files, so a request
    cannot read outside the folder.
    """
    if not re.fullmatch(r"[A-Za-z0-9][A-Za-z0-9._-]*", name or "") or name == "query.html":
        return None
    path = ASSETS / name
    if not path.is_file() or path.suffix not in _TYPES:
        return None
    return path.read_bytes(), _TYPES[path.suffix]
