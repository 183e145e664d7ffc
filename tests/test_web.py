"""kg.web: the query page `kg serve` shows at / and the static files under /assets/."""
from __future__ import annotations

import json
import re

from kg import web


def _data(page: bytes) -> dict:
    text = page.decode("utf-8")
    block = re.search(r'<script type="application/json" id="kg-query-data">(.*?)</script>', text, re.S)
    return json.loads(block.group(1))


def test_page_holds_every_canned_query_in_order():
    page = web.query_page({"letters": "SELECT ?a WHERE { ?a ?b ?c }", "treaties": "ASK { ?s ?p ?o }"})
    data = _data(page)
    assert [q["name"] for q in data["canned"]] == ["letters", "treaties"]
    assert data["canned"][1]["query"] == "ASK { ?s ?p ?o }"
    assert data["endpoint"] == "/sparql"


def test_query_text_cannot_close_the_script_block():
    page = web.query_page({"x": "SELECT * { ?s ?p '</script><img src=x onerror=alert(1)>' }"})
    text = page.decode("utf-8")
    assert "<img" not in text
    assert _data(page)["canned"][0]["query"].endswith("<img src=x onerror=alert(1)>' }")


def test_page_loads_only_its_own_assets():
    text = web.query_page({}).decode("utf-8")
    refs = re.findall(r'(?:src|href)="([^"]+)"', text)
    assert refs and all(r.startswith("/") and not r.startswith("//") for r in refs), refs
    for ref in refs:
        if ref.startswith("/assets/"):
            assert web.asset(ref[len("/assets/"):]) is not None, ref


def test_assets_have_content_types_and_the_licence():
    body, ctype = web.asset("yasgui.min.js")
    assert ctype.startswith("text/javascript") and len(body) > 100_000
    assert web.asset("yasgui.min.css")[1].startswith("text/css")
    licence, ctype = web.asset("LICENSE-yasgui.txt")
    assert b"MIT" in licence and ctype.startswith("text/plain")


def test_asset_names_cannot_leave_the_folder():
    for name in ("../__init__.py", "..", "", ".hidden", "/etc/passwd", "sub/x.js", "missing.js", "__init__.py"):
        assert web.asset(name) is None, name
