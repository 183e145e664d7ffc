"""First-render time of the HTML explorer in headless Chromium, on synthetic graphs.

    python3 bench/html_render.py [--sizes 1000,5000,50000] [--json results.json]

Each graph has N entities (the five classes in turn), about 1.5 N facts with one kg:Assertion,
sentence and article each (N/20 articles), drawn with a fixed seed, and the co-mentions kg
build would hand the page (each fact's sentence names its two entities, half of them a third
one of the article too: synthetic_comentions). For each size it reports
the Python side (graph -> page: data, layout, JSON) and, in Debian's Chromium driven by
Playwright, the time from navigation to the first frame vis-network draws (the page's own
performance.now() when its first view is drawn: after the short force settling for graphs
of up to 400 entities with facts, at the first afterDrawing event otherwise) and the wall
time until then; also how many entities and edges that first frame holds (a graph of more
than 250 entities with facts opens on its most connected ones).
"""
from __future__ import annotations

import argparse
import json
import random
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from rdflib import Graph, Literal, URIRef  # noqa: E402
from rdflib.namespace import RDF, RDFS, XSD  # noqa: E402

from kg.export.html import render_html  # noqa: E402
from kg.iris import IriMinter  # noqa: E402
from kg.records import ENTITY_TYPES, PREDICATES, CoMention  # noqa: E402
from kg.vocab import KG, PROV, SCHEMA  # noqa: E402

BASE = "https://example.org/kg/"
SEED = 20251123
CHROMIUM = "/usr/bin/chromium"
ARGS = ["--headless=new", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
        "--disable-background-networking", "--disable-component-update", "--disable-sync"]


def synthetic_graph(n: int, seed: int = SEED) -> Graph:
    """N entities and ~1.5 N facts, hubs included (preferential attachment), fixed seed."""
    rng = random.Random(seed)
    g = Graph()
    articles = []
    for a in range(max(1, n // 20)):
        art = URIRef(f"{BASE}article/{a:05d}")
        g.add((art, RDF.type, SCHEMA.NewsArticle))
        g.add((art, SCHEMA.headline, Literal(f"Articolo {a}", lang="it")))
        g.add((art, SCHEMA.datePublished, Literal(f"2025-{1 + a % 12:02d}-{1 + a % 28:02d}", datatype=XSD.date)))
        articles.append(art)
    nodes = []
    for i in range(n):
        node = URIRef(f"{BASE}entity/x-{i:05d}")
        g.add((node, RDF.type, KG[ENTITY_TYPES[i % len(ENTITY_TYPES)]]))
        g.add((node, RDFS.label, Literal(f"Entità {i}", lang="it")))
        g.add((node, KG.mentionedIn, rng.choice(articles)))
        nodes.append(node)
    targets = []  # preferential attachment: endpoints drawn from earlier endpoints
    for k in range(int(1.5 * n)):
        s = rng.choice(nodes)
        o = rng.choice(targets) if targets and rng.random() < 0.6 else rng.choice(nodes)
        if s == o:
            continue
        p = rng.choice(PREDICATES)
        g.add((s, KG[p], o))
        targets += [s, o]
        art = rng.choice(articles)
        sentence = URIRef(f"{art}/sentence/{k}")
        fact = URIRef(f"{BASE}fact/{k:06d}")
        g.add((sentence, RDF.type, KG.Sentence))
        g.add((sentence, KG.text, Literal(f"Frase {k} su {p}.", lang="it")))
        g.add((sentence, SCHEMA.isPartOf, art))
        for t, v in ((RDF.type, KG.Assertion), (RDF.subject, s), (RDF.predicate, KG[p]), (RDF.object, o),
                     (KG.confidence, Literal("0.9", datatype=XSD.decimal)), (KG.factuality, KG.Asserted),
                     (KG.evidence, sentence), (PROV.wasDerivedFrom, art)):
            g.add((fact, t, v))
    return g


def synthetic_comentions(n: int, seed: int = SEED) -> list[CoMention]:
    """The sentence co-mentions of synthetic_graph(n): each fact's sentence names its subject
    and object, and half the sentences a third entity too; as kg.graph.sentence_comentions."""
    rng = random.Random(seed + 1)
    graph = synthetic_graph(n, seed)
    counts: dict[tuple[str, str], int] = {}
    where: dict[tuple[str, str], set[str]] = {}
    others = sorted(str(s).rsplit("/", 1)[-1] for s in graph.subjects(RDF.type, None)
                    if "/entity/" in str(s))
    for fact in sorted(graph.subjects(RDF.type, KG.Assertion)):
        named = {str(graph.value(fact, RDF.subject)).rsplit("/", 1)[-1],
                 str(graph.value(fact, RDF.object)).rsplit("/", 1)[-1]}
        if rng.random() < 0.5:
            named.add(rng.choice(others))
        article = str(graph.value(fact, PROV.wasDerivedFrom)).rsplit("/", 1)[-1]
        named_sorted = sorted(named)
        for x, a in enumerate(named_sorted):
            for b in named_sorted[x + 1:]:
                counts[(a, b)] = counts.get((a, b), 0) + 1
                where.setdefault((a, b), set()).add(article)
    return [CoMention(a, b, c, sorted(where[(a, b)])) for (a, b), c in sorted(counts.items())]


def measure(sizes: list[int], runs: int) -> list[dict]:
    from playwright.sync_api import sync_playwright

    rows = []
    with tempfile.TemporaryDirectory() as tmp, sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, args=ARGS)
        for n in sizes:
            graph, comentions = synthetic_graph(n), synthetic_comentions(n)
            t0 = time.perf_counter()
            page_text = render_html(graph, f"synthetic {n}", comentions, IriMinter(BASE))
            python_s = time.perf_counter() - t0
            path = Path(tmp) / f"g{n}.html"
            path.write_text(page_text, encoding="utf-8")
            draws, walls = [], []
            for _ in range(runs):
                page = browser.new_page(viewport={"width": 1280, "height": 800})
                t0 = time.perf_counter()
                page.goto(path.as_uri(), timeout=300_000)
                # polled from here: the page's CSP forbids the string eval of wait_for_function
                while not page.evaluate("Boolean(window.kgView && window.kgView.ready)"):
                    page.wait_for_timeout(20)
                walls.append(time.perf_counter() - t0)
                draws.append(page.evaluate("kgView.firstDrawMs") / 1000)
                counts = page.evaluate("[kgView.data.nodes.length, kgView.data.edges.length, "
                                       "kgView.nodes.length, kgView.edges.length, kgView.data.comention.length]")
                page.close()
            rows.append({"nodes": counts[0], "facts": counts[1], "drawn_nodes": counts[2], "drawn_edges": counts[3],
                         "comention_pairs": counts[4],
                         "page_mb": round(len(page_text.encode()) / 1e6, 2),
                         "python_s": round(python_s, 2), "first_draw_s": round(min(draws), 2),
                         "wall_s": round(min(walls), 2)})
        browser.close()
    return rows


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", default="1000,5000,50000")
    parser.add_argument("--runs", type=int, default=3, help="page loads per size; the best is reported")
    parser.add_argument("--json", help="also write the results to this file")
    args = parser.parse_args()
    rows = measure([int(s) for s in args.sizes.split(",")], args.runs)
    print(f"{'entities':>8} {'facts':>6} {'drawn':>11} {'page MB':>8} {'python s':>9} {'first draw s':>13} "
          f"{'wall s':>7}")
    for r in rows:
        drawn = f"{r['drawn_nodes']}/{r['drawn_edges']}"
        print(f"{r['nodes']:>8} {r['facts']:>6} {drawn:>11} {r['page_mb']:>8} {r['python_s']:>9} "
              f"{r['first_draw_s']:>13} {r['wall_s']:>7}")
    print(json.dumps(rows))
    if args.json:
        Path(args.json).write_text(json.dumps(rows, indent=1) + "\n", encoding="utf-8")


if __name__ == "__main__":
    main()
