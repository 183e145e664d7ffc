"""The HTML explorer in a real headless Chromium (Debian's, driven by Playwright).

Skips only when no Chromium binary is found; .ci/run installs Debian's chromium, so CI runs
these. Playwright's own browser download is never used (it needs the network).
"""
from __future__ import annotations

import os
import re
import shutil
import threading
import time
from pathlib import Path

import pytest

from rdflib import Graph

from kg.export.explorer_data import FAMILIES
from kg.export.html import write_html
from kg.iris import IriMinter
from test_html import (BASE, CLOSE_INJECTION, IMG_INJECTION, LETTER_SENTENCE, SAMPLE_COMENTIONS, SCRIPT_INJECTION,
                       _article, _entity, _fact, sample_graph)

CHROMIUM_ARGS = ["--headless=new", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                 "--disable-background-networking", "--disable-component-update", "--disable-sync",
                 "--disable-default-apps", "--disable-extensions"]


def chromium_binary() -> str | None:
    for candidate in (os.environ.get("KG_CHROMIUM"), "/usr/bin/chromium", shutil.which("chromium"),
                      shutil.which("chromium-browser"), shutil.which("google-chrome")):
        if candidate and Path(candidate).is_file():
            return candidate
    return None


CHROMIUM = chromium_binary()
pytestmark = pytest.mark.skipif(CHROMIUM is None, reason="no Chromium binary (apt-get install chromium; "
                                "set KG_CHROMIUM to use another); .ci/run installs it")


@pytest.fixture(scope="module")
def browser():
    from playwright.sync_api import sync_playwright  # a missing Playwright is an error, not a skip

    with sync_playwright() as p:
        b = p.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        yield b
        b.close()


@pytest.fixture(scope="module")
def page_file(tmp_path_factory) -> Path:
    path = tmp_path_factory.mktemp("html") / "graph.html"
    # as kg build writes it: with the sentence co-mentions its graph stage counted
    write_html(sample_graph(), path, title="test", comentions=SAMPLE_COMENTIONS, minter=IriMinter(BASE))
    return path


class Page:
    """A loaded explorer page, with every request it tried and every script error it raised."""

    def __init__(self, browser, path, viewport=(1280, 800)):
        self.page = browser.new_page(viewport={"width": viewport[0], "height": viewport[1]})
        self.requests: list[str] = []
        self.errors: list[str] = []
        self.page.route("**/*", self._route)
        self.page.on("pageerror", lambda err: self.errors.append(str(err)))
        self.page.on("console", lambda msg: msg.type == "error" and self.errors.append(msg.text))
        self.page.goto(path if isinstance(path, str) else path.as_uri())
        # Poll from here: Playwright's in-page polling (wait_for_function, when the first check
        # fails on a busy machine) evaluates a string, which the page's own CSP forbids.
        deadline = time.monotonic() + 30
        while not self.page.evaluate("Boolean(window.kgView && window.kgView.ready)"):
            if time.monotonic() > deadline:
                raise TimeoutError(f"{path}: the explorer was not ready after 30 s")
            self.page.wait_for_timeout(100)

    def _route(self, route):
        url = route.request.url
        self.requests.append(url)
        if url.startswith(("file:", "data:")):
            route.continue_()
        else:
            route.abort()

    def js(self, expression: str):
        return self.page.evaluate(expression)

    def click_node(self, label: str) -> None:
        x, y = self.js(f"""(() => {{
            const v = window.kgView, i = v.data.nodes.findIndex(n => n.label === {label!r});
            const p = v.network.canvasToDOM(v.network.getPosition('n' + i));
            const r = document.getElementById('network').getBoundingClientRect();
            return [r.left + p.x, r.top + p.y]; }})()""")
        self.page.mouse.click(x, y)

    def panel(self) -> str:
        return self.page.inner_text("#panel")

    def shown(self) -> list[str]:
        """Labels of the entities drawn now, sorted."""
        return sorted(self.js("kgView.nodes.getIds().map(id => kgView.data.nodes[+id.slice(1)].label)"))

    def drawn_edges(self) -> list[dict]:
        return self.js("kgView.edges.get().map(e => ({id: e.id, color: e.color.color, dashes: e.dashes, "
                       "family: e.family}))")


@pytest.fixture()
def page(browser, page_file):
    p = Page(browser, page_file)
    yield p
    p.page.close()


FAMILY_COLOUR = {name: colour for name, colour, *_ in FAMILIES}
LABEL_PX = """(() => {
    const v = kgView, scale = v.network.getScale();
    return v.nodes.get().filter(n => n.label).map(n => v.network.body.nodes[n.id].options.font.size * scale); })()"""


def test_page_makes_no_network_request(page, page_file):
    assert page.requests == [page_file.as_uri()]
    assert page.errors == []


def test_canvas_is_drawn(page):
    painted = page.js("""(() => {
        const c = document.querySelector('#network canvas'), ctx = c.getContext('2d');
        const d = ctx.getImageData(0, 0, c.width, c.height).data;
        let n = 0;
        for (let i = 0; i < d.length; i += 4) if (d[i + 3] > 0 && (d[i] < 240 || d[i + 1] < 240 || d[i + 2] < 240)) n++;
        return n; })()""")
    assert painted > 500


def test_entities_without_facts_are_hidden_until_asked_for(page):
    linked = ["Kim Jong Un", "Russia", "Vladimir Putin", IMG_INJECTION]
    assert page.shown() == sorted(linked)
    page.page.check("#show-isolated")
    assert page.shown() == sorted(linked + ["Corea del Nord", "Mosca", "trattato di amicizia"])
    page.page.uncheck("#show-isolated")
    assert page.shown() == sorted(linked)


def test_edges_are_coloured_by_predicate_family(page):
    edges = page.drawn_edges()
    assert len(edges) == 3
    assert {e["family"] for e in edges} == {"office", "diplomacy", "conflict"}
    for e in edges:
        assert e["color"] == FAMILY_COLOUR[e["family"]]
    swatches = page.js("[...document.querySelectorAll('#legend-families .line')].map(s => s.style.background)")
    assert len(swatches) == 3 and len(set(swatches)) == 3


def test_the_legend_is_the_filter(page):
    page.page.uncheck("input[data-family='conflict']")
    assert {e["family"] for e in page.drawn_edges()} == {"office", "diplomacy"}
    assert IMG_INJECTION not in page.shown()  # its only fact is hidden, so is it
    assert "criticized" in page.js("location.hash")
    page.page.check("input[data-family='conflict']")
    page.page.uncheck("input[data-predicate='leaderOf']")
    assert {e["family"] for e in page.drawn_edges()} == {"diplomacy", "conflict"}
    page.page.uncheck("input[data-class='Person']")
    assert page.shown() == sorted(["Russia", IMG_INJECTION])


def test_labels_are_at_least_12_px_at_the_fitted_zoom(page):
    sizes = page.js(LABEL_PX)
    assert len(sizes) == 4 and min(sizes) >= 12


@pytest.fixture(scope="module")
def star_file(tmp_path_factory) -> Path:
    """12 hubs with 50 leaves each: 612 entities with facts, more than the page opens on."""
    g = Graph()
    article = _article(g, "a", "grande", "2025-01-01", "https://news.example/a")
    hubs = [_entity(g, f"x-hub{h:02d}", "State", f"Hub {h}") for h in range(12)]
    for i in range(600):
        leaf = _entity(g, f"x-leaf{i:03d}", "Person", f"Persona {i}")
        _fact(g, f"l{i}", leaf, "communicatedWith", hubs[i % 12], article, i, f"Persona {i} scrive.")
    path = tmp_path_factory.mktemp("star") / "big.html"
    write_html(g, path, title="big")
    return path


def test_a_large_graph_opens_on_its_most_connected_entities(browser, star_file):
    p = Page(browser, star_file)
    try:
        shown = p.shown()
        hubs = [f"Hub {h}" for h in range(12)]
        assert set(hubs) <= set(shown) and len(shown) == 24  # each hub with one neighbour, no hairball
        assert len(p.drawn_edges()) == 12
        sizes = p.js(LABEL_PX)
        assert sizes and min(sizes) >= 12
        p.page.fill("#min-degree", "1")
        p.page.dispatch_event("#min-degree", "input")
        assert len(p.shown()) == 612
        p.page.fill("#min-degree", "2")
        p.page.dispatch_event("#min-degree", "input")
        assert len(p.shown()) == 24
        hub = p.js("kgView.data.nodes.findIndex(n => n.label === 'Hub 3')")
        p.js(f"kgView.network.focus('n{hub}', {{scale: 1, animation: false}})")
        x, y = p.js(f"""(() => {{ const v = kgView, q = v.network.canvasToDOM(v.network.getPosition('n{hub}'));
            const r = document.getElementById('network').getBoundingClientRect(); return [r.left + q.x, r.top + q.y]; }})()""")
        p.page.mouse.dblclick(x, y)
        assert len(p.shown()) == 24 + 49  # Hub 3's other 49 leaves come in
        assert p.errors == []
    finally:
        p.page.close()


def test_edge_labels_on_hover_and_close_zoom(page):
    assert all(not e.get("label") for e in page.js("kgView.edges.get()"))
    for _ in range(12):  # wheel zoom in over the canvas
        page.page.mouse.move(600, 400)
        page.page.mouse.wheel(0, -300)
        page.page.wait_for_timeout(50)
        if page.js("kgView.network.getScale()") >= 1.3:
            break
    page.page.wait_for_timeout(200)
    labels = page.js("kgView.edges.get().map(e => e.label)")
    assert "ha comunicato con" in labels and "è a capo di" in labels
    tips = page.js("kgView.edges.get().map(e => e.title.textContent)")
    assert any("Vladimir Putin" in t and "ha comunicato con" in t for t in tips)


def test_the_comention_layer_is_off_until_asked_for(page):
    assert not [e for e in page.js("kgView.edges.getIds()") if e.startswith("c")]
    assert page.page.inner_text("label:has(#comention)").strip() == "co-menzioni (stessa frase)"
    page.page.check("#comention")
    co = [e for e in page.js("kgView.edges.getIds()") if e.startswith("c")]
    assert len(co) == 2  # Putin-Mosca and Putin-Kim share sentences; Russia only the article
    assert "Mosca" in page.shown()  # named in a sentence with Putin, no fact of its own
    tips = sorted(page.js("kgView.edges.get().filter(e => e.id[0] === 'c').map(e => e.title.textContent)"))
    assert any("Kim Jong Un" in t and "Co-menzioni: 2 frasi in comune" in t for t in tips), tips
    assert any("Mosca" in t and "Co-menzioni: 1 frasi in comune" in t for t in tips), tips
    page.page.uncheck("#comention")
    assert "Mosca" not in page.shown()


def test_clicking_a_node_shows_its_evidence(page):
    page.click_node("Vladimir Putin")
    text = page.panel()
    assert "Vladimir Putin" in text and "persona" in text
    assert "Putin, presidente russo" in text
    assert LETTER_SENTENCE in text
    assert "evento: lettera, data dell'evento 2025-12-25" in text and "affidabilità: 0.85" in text
    assert "affermato" in text and "Asserted" not in text
    assert page.page.get_attribute("#panel a[href*='wikidata']", "href") == "https://www.wikidata.org/wiki/Q7747"
    marks = page.js("[...document.querySelectorAll('#panel mark')].map(m => m.textContent)")
    assert "Vladimir Putin" in marks and "Kim Jong Un" in marks


def test_one_edge_per_pair_lists_every_fact(page):
    k = page.js("kgView.pairs.findIndex(p => kgView.data.nodes[p.a].label === 'Vladimir Putin' || "
                "kgView.data.nodes[p.b].label === 'Vladimir Putin')")
    page.js(f"kgView.showPair({k})")
    text = page.panel()
    assert "ha comunicato con" in text or "è a capo di" in text
    assert page.page.get_attribute("#panel a[href^='https://news.example']", "href") == "https://news.example/a1"


def test_the_time_slider_keeps_undated_facts_and_flags_them(page):
    bins = page.js("kgView.bins.map(b => b.key)")
    assert bins[0] == "2025-08" and bins[-1] == "2025-12"
    page.page.fill("#date-to", "0")  # up to 2025-08: the 2025-12-25 letter goes
    page.page.dispatch_event("#date-to", "input")
    edges = page.drawn_edges()
    assert {e["family"] for e in edges} == {"office", "conflict"}
    assert all(e["dashes"] for e in edges)  # neither has an event date: shown, dashed
    assert "2" in page.page.inner_text("#undated")
    assert "to=2025-08" in page.js("location.hash")
    page.page.select_option("#date-basis", "article")  # article dates: the 2025-12-25 article goes
    assert {e["family"] for e in page.drawn_edges()} == {"conflict"}
    assert page.js("kgView.firstDrawMs") is not None


def test_search_by_english_name_accents_and_case(page):
    page.page.fill("#search-input", "NORTH korea")
    assert page.page.inner_text("#search-results li").startswith("Corea del Nord")
    page.page.press("#search-input", "Enter")
    assert "Corea del Nord" in page.panel() and "North Korea" in page.panel()
    assert "Corea del Nord" in page.shown()  # a searched entity is shown even without facts
    page.page.fill("#search-input", "mòsca")
    assert page.page.inner_text("#search-results li").startswith("Mosca")


def test_ego_network_and_shortest_path(page):
    page.page.select_option("#hops", "1")
    page.page.fill("#search-input", "Kim")
    page.page.press("#search-input", "Enter")
    assert page.shown() == ["Kim Jong Un", "Vladimir Putin"]
    page.page.select_option("#hops", "2")
    assert page.shown() == ["Kim Jong Un", "Russia", "Vladimir Putin"]
    page.page.select_option("#hops", "0")
    page.page.fill("#path-from", "Kim Jong Un")
    page.page.fill("#path-to", IMG_INJECTION)
    page.page.click("#path-find")
    assert page.shown() == sorted(["Kim Jong Un", "Vladimir Putin", "Russia", IMG_INJECTION])
    assert "3" in page.page.inner_text("#path-status")


def test_language_switch_and_shareable_fragment(browser, page_file):
    p = Page(browser, page_file.as_uri() + "#lang=en&off=criticized&isolated=1")
    try:
        assert "communicated with" in p.page.inner_text("#legend-families")
        assert "person" in p.page.inner_text("#legend-classes")
        assert p.page.inner_text("#reset") == "Reset filters"
        assert not p.page.is_checked("input[data-predicate='criticized']")
        assert "Mosca" in p.shown()
        p.click_node("Vladimir Putin")
        assert "asserted" in p.panel() and "event: letter" in p.panel()
        p.page.click("#lang")
        assert p.page.inner_text("#reset") == "Azzera filtri" and "persona" in p.panel()
        assert "lang=" not in p.js("location.hash")
        assert p.errors == []
    finally:
        p.page.close()


def test_injected_markup_runs_nothing(page):
    page.page.check("#show-isolated")
    page.click_node(IMG_INJECTION)
    node_text = page.panel()
    page.page.fill("#search-input", "onerror")
    page.page.press("#search-input", "Enter")
    page.page.wait_for_timeout(300)
    assert page.js("typeof window.pwned") == "undefined"
    assert IMG_INJECTION in node_text and CLOSE_INJECTION in node_text  # shown as plain text
    assert SCRIPT_INJECTION in node_text  # the sentence and the article title
    assert page.js("document.querySelectorAll('#panel img, #panel script, #panel b').length") == 0
    assert page.js("[...document.querySelectorAll('a')].filter(a => !/^https?:/.test(a.href)).length") == 0
    assert page.errors == []


def test_query_page_runs_a_canned_query_offline(browser, tmp_path):
    from kg.serve import serve

    sample_graph().serialize(tmp_path / "graph.ttl", format="turtle")
    server = serve(tmp_path / "graph.ttl", port=0, quiet=True)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    host, port = server.server_address[:2]
    base = f"http://{host}:{port}"
    page = browser.new_page(viewport={"width": 1280, "height": 800})
    outside, errors = [], []
    page.on("request", lambda r: r.url.startswith(base) or outside.append(r.url))
    page.on("pageerror", lambda e: errors.append(str(e)))
    try:
        page.goto(base + "/")
        page.wait_for_selector(".tabPanel .yasqe", timeout=20_000)
        tabs = page.eval_on_selector_all(".tabsList .tab a", "els => els.map(e => e.textContent.trim())")
        assert {"letters", "leaders", "sources"} <= {t.replace("\u2716", "").strip() for t in tabs}
        page.evaluate("kgQuery.getTab().getYasqe().setValue("
                      "'PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#> "
                      "SELECT ?l WHERE { ?s rdfs:label ?l } ORDER BY ?l')")
        page.click(".tabPanel.active .yasqe_queryButton")
        page.wait_for_selector(".tabPanel.active .yasr table.dataTable tbody tr", timeout=20_000)
        cells = page.eval_on_selector_all(".tabPanel.active .yasr tbody td",
                                          "els => els.map(e => e.textContent)")
        assert any("Vladimir Putin" in c for c in cells)
        with page.expect_download() as dl:
            page.click("#download-csv")
        assert "Vladimir Putin" in Path(dl.value.path()).read_text(encoding="utf-8")
        assert page.get_attribute("#to-view", "href") == "/view"
        assert outside == [] and errors == []
    finally:
        page.close()
        server.shutdown()
        server.server_close()


def test_header_legend_and_panel_count_facts_and_statements_alike(browser, tmp_path):
    """One fact stated in two articles is one fact and two statements everywhere on the page;
    the negated claim is counted apart (it has no edge); the header says what each number is."""
    from test_html import restated_graph

    path = tmp_path / "restated.html"
    write_html(restated_graph(), path, title="restated")
    p = Page(browser, path)
    try:
        stats = p.page.inner_text("#stats")
        assert "3 / 3 fatti" in stats and "4 / 4 attestazioni" in stats and "1 non asserite" in stats, stats
        assert "relazioni distinte" in p.page.get_attribute("#stats", "title")
        legend = p.page.inner_text("#legend-families")
        counts = [int(n) for n in re.findall(r"\((\d+)\)", legend)]
        assert sum(counts) == 2 * 3  # each family's total and its predicates' counts: facts
        assert "fatti" in legend
        k = p.js("kgView.pairs.findIndex(q => [q.a, q.b].map(i => kgView.data.nodes[i].label).sort().join() "
                 "=== 'Russia,Vladimir Putin')")
        p.js(f"kgView.showPair({k})")
        panel = p.panel()
        assert "fatti: 1" in panel and "Attestazioni (2)" in panel, panel
        labels = p.js(f"kgView.edges.get('p{k}').fullLabel")
        assert "×" not in labels  # one fact, however many statements
        p.page.click("#lang")
        assert "3 / 3 facts" in p.page.inner_text("#stats") and "4 / 4 statements" in p.page.inner_text("#stats")
        assert p.errors == []
    finally:
        p.page.close()
