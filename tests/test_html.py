"""The HTML explorer without a browser: self-contained, counts, escaping, determinism, `kg view`."""
from __future__ import annotations

import json
import re

from rdflib import Graph, Literal, URIRef
from rdflib.namespace import OWL, RDF, RDFS, SKOS, XSD

from kg.cli import main
from kg.export.html import _asset, explorer_data, render_html, write_html
from kg.iris import IriMinter
from kg.records import ENTITY_TYPES, PREDICATES, CoMention
from kg.vocab import KG, PROV, SCHEMA

BASE = "https://example.org/kg/"
SCRIPT_INJECTION = "<script>window.pwned=1</script>"
IMG_INJECTION = '<img src=x onerror="window.pwned=1">'
CLOSE_INJECTION = "</script><script>window.pwned=1</script>"
LETTER_SENTENCE = "Vladimir Putin ha inviato una lettera di Capodanno a Kim Jong Un & ai suoi alleati."


def _entity(g: Graph, key: str, etype: str, label: str, alt=(), qid=None, articles=(), en=None) -> URIRef:
    node = URIRef(f"{BASE}entity/{key}")
    g.add((node, RDF.type, KG[etype]))
    g.add((node, RDFS.label, Literal(label, lang="it")))
    if en:
        g.add((node, RDFS.label, Literal(en, lang="en")))
    for a in alt:
        g.add((node, SKOS.altLabel, Literal(a, lang="it")))
    if qid:
        g.add((node, OWL.sameAs, URIRef(f"http://www.wikidata.org/entity/{qid}")))
    for article in articles:
        g.add((node, KG.mentionedIn, article))
    return node


def _article(g: Graph, key: str, headline: str, date: str, url: str) -> URIRef:
    node = URIRef(f"{BASE}article/{key}")
    g.add((node, RDF.type, SCHEMA.NewsArticle))
    g.add((node, SCHEMA.headline, Literal(headline, lang="it")))
    g.add((node, SCHEMA.datePublished, Literal(date, datatype=XSD.date)))
    g.add((node, SCHEMA.url, URIRef(url)))
    return node


def _fact(g: Graph, key: str, s: URIRef, p: str, o: URIRef, article: URIRef, n: int, text: str,
          factuality: str = "Asserted", confidence: str = "0.9", event_date: str | None = None) -> URIRef:
    fact = URIRef(f"{BASE}fact/{key}")
    sentence = URIRef(f"{article}/sentence/{n}")
    g.add((sentence, RDF.type, KG.Sentence))
    g.add((sentence, KG.text, Literal(text, lang="it")))
    g.add((sentence, SCHEMA.isPartOf, article))
    for t in (KG.Assertion, RDF.Statement):
        g.add((fact, RDF.type, t))
    g.add((fact, RDF.subject, s))
    g.add((fact, RDF.predicate, KG[p]))
    g.add((fact, RDF.object, o))
    g.add((fact, KG.confidence, Literal(confidence, datatype=XSD.decimal)))
    g.add((fact, KG.factuality, KG[factuality]))
    g.add((fact, KG.evidence, sentence))
    g.add((fact, PROV.wasDerivedFrom, article))
    if event_date:
        event = URIRef(f"{BASE}event/{key}/0")
        g.add((event, RDF.type, KG.Letter))
        g.add((event, KG.date, Literal(event_date, datatype=XSD.date)))
        g.add((fact, KG.event, event))
    if factuality in ("Asserted", "Reported"):
        g.add((s, KG[p], o))
    return fact


def sample_graph() -> Graph:
    """Seven entities, three direct facts (one from an article full of markup), one negated claim."""
    g = Graph()
    a1 = _article(g, "001", "Putin e Kim: <b>l'alleanza</b>", "2025-12-25", "https://news.example/a1")
    a2 = _article(g, "002", SCRIPT_INJECTION, "2025-08-13", "javascript:window.pwned=1")
    putin = _entity(g, "Q7747", "Person", "Vladimir Putin", ["Putin", "presidente russo"], "Q7747", [a1])
    kim = _entity(g, "Q56226", "Person", "Kim Jong Un", ["Kim"], "Q56226", [a1])
    russia = _entity(g, "Q159", "State", "Russia", [], "Q159", [a1, a2])
    _entity(g, "Q423", "State", "Corea del Nord", ["Pyongyang"], "Q423", [a1])
    evil = _entity(g, "x-evil", "Organization", IMG_INJECTION, [CLOSE_INJECTION, "sep\u2028arator"], None, [a2])
    _entity(g, "x-trattato", "Treaty", "trattato di amicizia", [], None, [a1])
    _entity(g, "Q649", "Place", "Mosca", [], "Q649", [a1])
    _fact(g, "f1", putin, "leaderOf", russia, a1, 0, "Il presidente russo Vladimir Putin guida la Russia.")
    _fact(g, "f2", putin, "communicatedWith", kim, a1, 1, LETTER_SENTENCE, confidence="0.85",
          event_date="2025-12-25")
    _fact(g, "f3", evil, "criticized", russia, a2, 0, f"{SCRIPT_INJECTION} e {IMG_INJECTION} \u2029 fine.")
    _fact(g, "f4", kim, "visited", russia, a1, 2, "Kim non ha visitato la Russia.", factuality="Negated")
    return g


def embedded_data(page: str) -> dict:
    match = re.search(r'<script type="application/json" id="kg-data">(.*?)</script>', page, flags=re.S)
    assert match, "no data block"
    return json.loads(match.group(1))


def graph_counts(g: Graph) -> tuple[int, int]:
    entities = {s for t in ENTITY_TYPES for s in g.subjects(RDF.type, KG[t])}
    facts = sum(len(list(g.subject_objects(KG[p]))) for p in PREDICATES)
    return len(entities), facts


def test_page_has_no_external_resources():
    page = render_html(sample_graph(), "test")
    tags = re.findall(r"<(?:script|link|img|iframe|object|embed|source|audio|video)\b[^>]*>", page, flags=re.I)
    assert tags and not [t for t in tags if re.search(r"\b(src|href)\s*=", t, flags=re.I)], tags
    assert not re.search(r"<link\b", page, flags=re.I)
    assert "default-src 'none'" in page  # the CSP also forbids any load the script might try
    assert "new vis.Network" in page  # vis-network itself is inlined
    assert len(page) > 400_000


def test_embedded_counts_equal_the_graphs():
    g = sample_graph()
    data = embedded_data(render_html(g))
    assert (len(data["nodes"]), len(data["edges"])) == graph_counts(g) == (7, 3)
    assert sum(c["count"] for c in data["classes"]) == 7
    assert {p["name"]: p["count"] for p in data["predicates"] if p["count"]} == {
        "leaderOf": 1, "communicatedWith": 1, "criticized": 1}


def test_edges_carry_their_evidence():
    data = explorer_data(sample_graph())
    label = {i: n["label"] for i, n in enumerate(data["nodes"])}
    letter = next(e for e in data["edges"] if e["predicate"] == "communicatedWith")
    assert (label[letter["from"]], label[letter["to"]]) == ("Vladimir Putin", "Kim Jong Un")
    (claim,) = [data["assertions"][i] for i in letter["assertions"]]
    assert claim["confidence"] == 0.85 and claim["factuality"] == "Asserted"
    assert claim["events"] == [{"type": "Letter", "date": "2025-12-25"}]
    assert claim["sentences"][0]["text"] == LETTER_SENTENCE
    article = data["articles"][claim["sentences"][0]["article"]]
    assert article["date"] == "2025-12-25" and article["url"] == "https://news.example/a1"
    putin = next(n for n in data["nodes"] if n["label"] == "Vladimir Putin")
    assert putin["wikidata"] == "https://www.wikidata.org/wiki/Q7747" and putin["type"] == "Person"
    assert putin["alt"] == ["Putin", "presidente russo"]
    kim = next(n for n in data["nodes"] if n["label"] == "Kim Jong Un")
    negated = [data["assertions"][i] for i in kim["claims"]]
    assert [(a["predicate"], a["factuality"]) for a in negated] == [("visited", "Negated")]


def test_article_text_is_escaped_in_the_page():
    page = render_html(sample_graph(), title="<script>window.pwned=1</script>")
    for raw in (SCRIPT_INJECTION, IMG_INJECTION, "<img", "onerror=\"", "<b>l'alleanza", "\u2028", "\u2029"):
        assert raw not in page, raw
    vis = _asset("vis-network.min.js")
    assert vis in page
    outside = page.replace(vis, "")  # vis-network's own code holds a "<script>" string literal
    assert len(re.findall(r"<script\b", outside, flags=re.I)) == 3  # data, vis-network, explorer
    assert len(re.findall(r"</script", page, flags=re.I)) == 3
    data = embedded_data(page)
    labels = {n["label"] for n in data["nodes"]}
    assert IMG_INJECTION in labels  # the text itself survives, as data
    evil = next(n for n in data["nodes"] if n["label"] == IMG_INJECTION)
    assert CLOSE_INJECTION in evil["alt"] and "sep\u2028arator" in evil["alt"]
    assert SCRIPT_INJECTION in {a["title"] for a in data["articles"]}
    assert "&lt;script&gt;window.pwned=1&lt;/script&gt;" in page.split("</title>")[0]
    js = page[page.rindex("<script>"):]
    assert "innerHTML" not in js and "insertAdjacentHTML" not in js and "document.write" not in js


def test_same_graph_same_bytes(tmp_path):
    g = sample_graph()
    again = Graph().parse(data=g.serialize(format="nt"), format="nt")  # same triples, other order
    assert render_html(g, "t") == render_html(again, "t")
    write_html(g, tmp_path / "a.html", title="t")
    write_html(again, tmp_path / "b.html", title="t")
    assert (tmp_path / "a.html").read_bytes() == (tmp_path / "b.html").read_bytes()


def test_layout_is_spread_and_sized_by_degree():
    data = explorer_data(sample_graph())
    positions = {(n["x"], n["y"]) for n in data["nodes"]}
    assert len(positions) == len(data["nodes"])
    russia = next(n for n in data["nodes"] if n["label"] == "Russia")
    treaty = next(n for n in data["nodes"] if n["label"] == "trattato di amicizia")
    assert russia["size"] > treaty["size"]


def test_kg_view_writes_the_page(tmp_path, capsys, monkeypatch):
    graph_file = tmp_path / "graph.ttl"
    sample_graph().serialize(graph_file, format="turtle")
    assert main(["view", str(graph_file), "-o", str(tmp_path / "out" / "x.html")]) == 0
    page = (tmp_path / "out" / "x.html").read_text(encoding="utf-8")
    assert (len(embedded_data(page)["nodes"]), len(embedded_data(page)["edges"])) == (7, 3)
    assert "x.html" in capsys.readouterr().out
    opened = []
    monkeypatch.setattr("webbrowser.open", lambda url: opened.append(url))
    assert main(["view", str(graph_file), "--open"]) == 0
    assert (tmp_path / "graph.html").is_file()
    assert opened == [(tmp_path / "graph.html").resolve().as_uri()]
    trig = tmp_path / "graph.trig"
    trig.write_text("<https://example.org/g> { " + sample_graph().serialize(format="nt") + " }", encoding="utf-8")
    assert main(["view", str(trig), "-o", str(tmp_path / "t.html")]) == 0
    assert len(embedded_data((tmp_path / "t.html").read_text(encoding="utf-8"))["edges"]) == 3


def test_kg_view_refuses_bad_input(tmp_path, capsys):
    assert main(["view", str(tmp_path / "missing.ttl")]) == 2
    (tmp_path / "g.txt").write_text("x", encoding="utf-8")
    assert main(["view", str(tmp_path / "g.txt")]) == 2
    (tmp_path / "bad.ttl").write_text("this is not turtle", encoding="utf-8")
    assert main(["view", str(tmp_path / "bad.ttl")]) == 2
    assert "cannot parse" in capsys.readouterr().err


def test_empty_graph_gives_an_empty_explorer():
    data = embedded_data(render_html(Graph()))
    assert (data["nodes"], data["edges"], data["assertions"]) == ([], [], [])


def test_every_predicate_has_one_family_and_both_labels():
    data = explorer_data(sample_graph())
    members = [p for f in data["families"] for p in f["predicates"]]
    assert sorted(members) == sorted(PREDICATES) and len(set(members)) == len(members)
    assert len({f["color"] for f in data["families"]}) == len(data["families"])
    for name in list(PREDICATES) + list(ENTITY_TYPES) + ["Asserted", "Reported", "Negated", "Letter"]:
        assert set(data["labels"][name]) == {"it", "en"}, name
    assert data["labels"]["communicatedWith"] == {"it": "ha comunicato con", "en": "communicated with"}
    assert {p["name"]: p["family"] for p in data["predicates"]}["criticized"] == "conflict"


def test_english_names_come_from_the_gazetteer():
    g = Graph()
    _entity(g, "Q423", "State", "Corea del Nord", qid="Q423")
    _entity(g, "x-nobody", "Person", "Signor Nessuno")
    names = {n["label"]: n["en"] for n in explorer_data(g)["nodes"]}
    assert names == {"Corea del Nord": "North Korea", "Signor Nessuno": ""}


def test_event_date_is_kept_apart_from_the_article_date():
    data = explorer_data(sample_graph())
    by_pred = {data["assertions"][i]["predicate"]: data["assertions"][i] for e in data["edges"] for i in e["assertions"]}
    assert by_pred["communicatedWith"]["eventDate"] == "2025-12-25"
    undated = [a for a in by_pred.values() if not a["events"]]
    assert undated and all(a["eventDate"] == "" for a in undated)  # no article date stands in


def test_entities_without_facts_are_laid_out_below_the_facts():
    data = explorer_data(sample_graph())
    linked = [n for n in data["nodes"] if n["degree"] > 0]
    lonely = [n for n in data["nodes"] if n["degree"] == 0]
    assert linked and lonely
    assert min(n["y"] for n in lonely) > max(n["y"] for n in linked)


def test_from_a_graph_alone_comention_pairs_count_shared_articles():
    g = Graph()
    a1 = _article(g, "a1", "uno", "2025-01-01", "https://news.example/1")
    a2 = _article(g, "a2", "due", "2025-01-02", "https://news.example/2")
    _entity(g, "x-a", "Person", "A", articles=[a1, a2])
    _entity(g, "x-b", "Person", "B", articles=[a1, a2])
    _entity(g, "x-c", "Person", "C", articles=[a2])
    data = explorer_data(g)
    assert data["comentionScope"] == "article"  # kg view / kg serve: the graph keeps no mention's sentence
    label = [n["label"] for n in data["nodes"]]
    pairs = {(label[a], label[b]): n for a, b, n, _ in data["comention"]}
    assert pairs == {("A", "B"): 2, ("A", "C"): 1, ("B", "C"): 1}
    title = [a["title"] for a in data["articles"]]
    shared = {(label[a], label[b]): [title[x] for x in arts] for a, b, _, arts in data["comention"]}
    assert shared[("A", "B")] == ["uno", "due"] and shared[("A", "C")] == ["due"]


#: What kg build's graph stage would count for sample_graph's article 001 (kg.graph.sentence_comentions):
#: Putin and Moscow named together in one sentence, Putin and Kim in two; an entity the graph
#: lacks (x-gone) is left out. Russia shares article 001 with them, but no sentence.
SAMPLE_COMENTIONS = [CoMention("Q649", "Q7747", 1, ["001"]), CoMention("Q56226", "Q7747", 2, ["001"]),
                     CoMention("Q7747", "x-gone", 3, ["001"])]


def test_comention_pairs_from_the_build_are_of_the_same_sentence():
    data = explorer_data(sample_graph(), comentions=SAMPLE_COMENTIONS, minter=IriMinter(BASE))
    assert data["comentionScope"] == "sentence"
    label = [n["label"] for n in data["nodes"]]
    pairs = {frozenset((label[a], label[b])): (n, [data["articles"][x]["iri"] for x in arts])
             for a, b, n, arts in data["comention"]}
    assert pairs == {frozenset(("Mosca", "Vladimir Putin")): (1, [f"{BASE}article/001"]),
                     frozenset(("Kim Jong Un", "Vladimir Putin")): (2, [f"{BASE}article/001"])}
    # from the graph alone the same entities pair by article: Russia too
    alone = explorer_data(sample_graph())
    names = [n["label"] for n in alone["nodes"]]
    assert ("Russia" in {names[x] for a, b, _, _ in alone["comention"] for x in (a, b)})


def test_kg_view_of_a_report_is_a_clear_error(tmp_path, capsys):
    (tmp_path / "report.json").write_text('{"articles": 5, "counts": {}}', encoding="utf-8")
    assert main(["view", str(tmp_path / "report.json")]) == 2
    assert "report.json: unknown graph format '.json'" in capsys.readouterr().err
    assert not (tmp_path / "report.html").exists()
    (tmp_path / "empty.ttl").write_text("", encoding="utf-8")
    assert main(["view", str(tmp_path / "empty.ttl")]) == 2
    assert "holds no RDF triples" in capsys.readouterr().err


def test_the_italian_label_names_the_node_and_the_english_one_is_kept():
    g = Graph()
    node = _entity(g, "x-korea", "State", "Corea del Nord")
    g.add((node, RDFS.label, Literal("North Korea", lang="en")))
    [row] = explorer_data(g)["nodes"]
    assert (row["label"], row["en"]) == ("Corea del Nord", "North Korea")


def restated_graph() -> Graph:
    """sample_graph with Putin's leadership of Russia stated again, in a second article: one
    fact, two statements (two kg:Assertion nodes), as a 100-article build has many."""
    g = sample_graph()
    a2 = URIRef(f"{BASE}article/002")
    putin, russia = URIRef(f"{BASE}entity/Q7747"), URIRef(f"{BASE}entity/Q159")
    _fact(g, "f1b", putin, "leaderOf", russia, a2, 1, "Putin resta alla guida della Russia.")
    return g


def test_the_page_counts_facts_and_statements_apart_as_the_graph_holds_them():
    """The header counted kg:Assertion nodes as "facts" (55 on the 100-article Wikinews build)
    while the legend counted direct triples (45): a fact stated in several articles has one
    triple and one assertion per statement, and negated claims have an assertion and no triple."""
    g = restated_graph()
    data = explorer_data(g)
    assertions = set(g.subjects(RDF.type, KG.Assertion))
    direct = graph_counts(g)[1]
    assert data["totals"] == {"facts": 3, "statements": 4, "notAsserted": 1}
    assert data["totals"]["facts"] == direct == len(data["edges"]) == sum(p["count"] for p in data["predicates"])
    assert data["totals"]["statements"] + data["totals"]["notAsserted"] == len(assertions) == 5
    assert data["totals"]["statements"] == sum(len(e["assertions"]) for e in data["edges"])
    assert explorer_data(Graph())["totals"] == {"facts": 0, "statements": 0, "notAsserted": 0}
