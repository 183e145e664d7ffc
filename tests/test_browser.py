"""The HTML explorer in a real headless Chromium (Debian's, driven by Playwright).

Skips only when no Chromium binary is found; .ci/run installs Debian's chromium, so CI runs
these. Playwright's own browser download is never used (it needs the network).
"""
from __future__ import annotations

import os
import shutil
import time
from pathlib import Path

import pytest

from kg.export.html import write_html
from test_html import CLOSE_INJECTION, IMG_INJECTION, LETTER_SENTENCE, SCRIPT_INJECTION, graph_counts, sample_graph

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
    write_html(sample_graph(), path, title="test")
    return path


class Page:
    """A loaded explorer page, with every request it tried and every script error it raised."""

    def __init__(self, browser, path: Path):
        self.page = browser.new_page(viewport={"width": 1400, "height": 900})
        self.requests: list[str] = []
        self.errors: list[str] = []
        self.page.route("**/*", self._route)
        self.page.on("pageerror", lambda err: self.errors.append(str(err)))
        self.page.on("console", lambda msg: msg.type == "error" and self.errors.append(msg.text))
        self.page.goto(path.as_uri())
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


@pytest.fixture()
def page(browser, page_file):
    p = Page(browser, page_file)
    yield p
    p.page.close()


def test_page_makes_no_network_request(page, page_file):
    assert page.requests == [page_file.as_uri()]
    assert page.errors == []


def test_counts_in_the_page_equal_the_graphs(page):
    assert tuple(page.js("[kgView.nodes.length, kgView.edges.length]")) == graph_counts(sample_graph())
    assert page.js("[kgView.nodeView.length, kgView.edgeView.length]") == [7, 3]


def test_canvas_is_drawn(page):
    painted = page.js("""(() => {
        const c = document.querySelector('#network canvas'), ctx = c.getContext('2d');
        const d = ctx.getImageData(0, 0, c.width, c.height).data;
        let n = 0;
        for (let i = 0; i < d.length; i += 4) if (d[i + 3] > 0 && (d[i] < 240 || d[i + 1] < 240 || d[i + 2] < 240)) n++;
        return n; })()""")
    assert painted > 500


def test_clicking_a_node_shows_its_evidence(page):
    page.click_node("Vladimir Putin")
    text = page.panel()
    assert "Vladimir Putin" in text and "Person" in text
    assert "Putin, presidente russo" in text
    assert LETTER_SENTENCE in text
    assert "Putin e Kim: <b>l'alleanza</b> — 2025-12-25" in text  # the article, shown as text
    assert "evento: Letter, 2025-12-25" in text and "confidenza: 0.85" in text and "Asserted" in text
    assert page.page.get_attribute("#panel a[href*='wikidata']", "href") == "https://www.wikidata.org/wiki/Q7747"
    assert page.js("kgView.network.getSelectedNodes()") == [
        "n%d" % page.js("kgView.data.nodes.findIndex(n => n.label === 'Vladimir Putin')")]


def test_clicking_an_edge_shows_its_sources(page):
    page.js("kgView.showEdge(kgView.data.edges.findIndex(e => e.predicate === 'communicatedWith'))")
    text = page.panel()
    assert "Vladimir Putin → Kim Jong Un" in text and "communicatedWith" in text and LETTER_SENTENCE in text


def test_filters_and_search(page):
    page.page.uncheck("#legend-classes label:has-text('Person') input")
    assert page.js("[kgView.nodeView.length, kgView.edgeView.length]") == [5, 1]  # only criticized stays
    page.page.click("#reset")
    page.page.select_option("#article-filter", label="2025-08-13 — " + SCRIPT_INJECTION)
    assert page.js("[kgView.nodeView.length, kgView.edgeView.length]") == [2, 1]
    page.page.click("#reset")
    page.page.fill("#date-from", "2025-12-01")
    page.page.dispatch_event("#date-from", "change")
    assert page.js("kgView.edgeView.getIds()") == page.js(
        "kgView.data.edges.map((e, k) => 'e' + k).filter((id, k) => kgView.data.edges[k].predicate !== 'criticized')")
    page.page.click("#reset")
    page.page.fill("#search-input", "pyongyang")
    page.page.press("#search-input", "Enter")
    assert "Corea del Nord" in page.panel()
    assert page.js("kgView.network.getSelectedNodes().map(id => kgView.data.nodes[+id.slice(1)].label)") == [
        "Corea del Nord"]


def test_injected_markup_runs_nothing(page):
    page.click_node(IMG_INJECTION)
    node_text = page.panel()
    page.js("kgView.showEdge(kgView.data.edges.findIndex(e => e.predicate === 'criticized'))")
    edge_text = page.panel()
    page.page.fill("#search-input", "onerror")
    page.page.press("#search-input", "Enter")
    page.page.wait_for_timeout(300)
    assert page.js("typeof window.pwned") == "undefined"
    assert IMG_INJECTION in node_text and CLOSE_INJECTION in node_text  # shown as plain text
    assert SCRIPT_INJECTION in edge_text  # the sentence and the article title
    assert page.js("document.querySelectorAll('#panel img, #panel script, #panel b').length") == 0
    assert page.js("[...document.querySelectorAll('a')].filter(a => !/^https?:/.test(a.href)).length") == 0
    assert page.errors == []
