"""notebooks/explore.ipynb runs top to bottom and draws its four figures: on a small hand-made
graph (no models needed) and on the real graph of `kg build seeds/`."""
from __future__ import annotations

import base64
from pathlib import Path

import pytest

nbformat = pytest.importorskip("nbformat", reason="nbformat is not installed (pip install -e '.[test]')")
nbclient = pytest.importorskip("nbclient", reason="nbclient is not installed (pip install -e '.[test]')")
pytest.importorskip("ipykernel", reason="ipykernel is not installed (pip install -e '.[test]')")
pytest.importorskip("pandas", reason="pandas is not installed (pip install -e '.[notebook]')")
pytest.importorskip("matplotlib", reason="matplotlib is not installed (pip install -e '.[notebook]')")

from kg.query import canned_queries  # noqa: E402

NOTEBOOKS = Path(__file__).resolve().parent.parent / "notebooks"
NOTEBOOK = NOTEBOOKS / "explore.ipynb"

# Shaped like docs/graph.md: entities, facts with their kg:Assertion, events, sentences, article.
GRAPH = """\
@prefix kg: <https://w3id.org/kg-it/ontology#> .
@prefix schema: <https://schema.org/> .
@prefix prov: <http://www.w3.org/ns/prov#> .
@prefix wd: <http://www.wikidata.org/entity/> .
@prefix owl: <http://www.w3.org/2002/07/owl#> .
@prefix rdf: <http://www.w3.org/1999/02/22-rdf-syntax-ns#> .
@prefix rdfs: <http://www.w3.org/2000/01/rdf-schema#> .
@prefix skos: <http://www.w3.org/2004/02/skos/core#> .
@prefix xsd: <http://www.w3.org/2001/XMLSchema#> .
@prefix ent: <https://example.org/kg/entity/> .
@prefix art: <https://example.org/kg/article/> .

ent:Q7747 a kg:Person ; rdfs:label "Vladimir Putin"@it ; skos:altLabel "Putin"@it ;
    owl:sameAs wd:Q7747 ; kg:mentionedIn art:a1 .
ent:Q56226 a kg:Person ; rdfs:label "Kim Jong-un"@it ; owl:sameAs wd:Q56226 ; kg:mentionedIn art:a1 .
ent:Q159 a kg:State ; rdfs:label "Russia"@it ; owl:sameAs wd:Q159 ; kg:mentionedIn art:a1 .
ent:Q423 a kg:State ; rdfs:label "Corea del Nord"@it ; owl:sameAs wd:Q423 ; kg:mentionedIn art:a1 .
ent:x-trattato-di-amicizia a kg:Treaty ; rdfs:label "trattato di amicizia"@it ; kg:mentionedIn art:a1 .

ent:Q7747 kg:leaderOf ent:Q159 ; kg:communicatedWith ent:Q56226 .
ent:Q56226 kg:leaderOf ent:Q423 .
ent:Q159 kg:signed ent:x-trattato-di-amicizia .
ent:Q423 kg:signed ent:x-trattato-di-amicizia .

<https://example.org/kg/fact/f1> a kg:Assertion, rdf:Statement ;
    rdf:subject ent:Q7747 ; rdf:predicate kg:communicatedWith ; rdf:object ent:Q56226 ;
    kg:confidence "0.85"^^xsd:decimal ; kg:factuality kg:Asserted ;
    kg:evidence <https://example.org/kg/article/a1/sentence/0> ;
    kg:event <https://example.org/kg/event/a1/0> ;
    prov:wasDerivedFrom art:a1 .
<https://example.org/kg/fact/f2> a kg:Assertion, rdf:Statement ;
    rdf:subject ent:Q7747 ; rdf:predicate kg:leaderOf ; rdf:object ent:Q159 ;
    kg:confidence "0.9"^^xsd:decimal ; kg:factuality kg:Asserted ;
    kg:evidence <https://example.org/kg/article/a1/sentence/0> ;
    prov:wasDerivedFrom art:a1 .
<https://example.org/kg/fact/f3> a kg:Assertion, rdf:Statement ;
    rdf:subject ent:Q56226 ; rdf:predicate kg:leaderOf ; rdf:object ent:Q423 ;
    kg:confidence "0.9"^^xsd:decimal ; kg:factuality kg:Asserted ;
    kg:evidence <https://example.org/kg/article/a1/sentence/0> ;
    prov:wasDerivedFrom art:a1 .
<https://example.org/kg/fact/f4> a kg:Assertion, rdf:Statement ;
    rdf:subject ent:Q159 ; rdf:predicate kg:signed ; rdf:object ent:x-trattato-di-amicizia ;
    kg:confidence "0.8"^^xsd:decimal ; kg:factuality kg:Asserted ;
    kg:evidence <https://example.org/kg/article/a1/sentence/1> ;
    kg:event <https://example.org/kg/event/a1/1> ;
    prov:wasDerivedFrom art:a1 .

<https://example.org/kg/event/a1/0> a kg:Letter ;
    kg:agent ent:Q7747 ; kg:recipient ent:Q56226 ;
    kg:date "2025-08-15"^^xsd:date ; kg:trigger "lettera"@it ;
    kg:evidence <https://example.org/kg/article/a1/sentence/0> ;
    prov:wasDerivedFrom art:a1 .
<https://example.org/kg/event/a1/1> a kg:Signing ;
    kg:agent ent:Q159 ; kg:treaty ent:x-trattato-di-amicizia ;
    kg:date "1961"^^xsd:gYear ;
    kg:evidence <https://example.org/kg/article/a1/sentence/1> ;
    prov:wasDerivedFrom art:a1 .

<https://example.org/kg/article/a1/sentence/0> a kg:Sentence ;
    kg:text "Il presidente russo Vladimir Putin ha inviato una lettera a Kim Jong-un."@it ;
    kg:beginIndex 0 ; kg:endIndex 71 ; schema:isPartOf art:a1 .
<https://example.org/kg/article/a1/sentence/1> a kg:Sentence ;
    kg:text "Mosca e Pyongyang firmarono un trattato di amicizia nel 1961."@it ;
    kg:beginIndex 72 ; kg:endIndex 133 ; schema:isPartOf art:a1 .

art:a1 a schema:NewsArticle, prov:Entity ;
    schema:headline "Putin scrive a Kim <b>&</b>"@it ;
    schema:datePublished "2025-08-15"^^xsd:date ;
    schema:inLanguage "it" ; kg:sourceFile "seeds/a1.txt" .
"""


FIGURES = ("figure-predicates", "figure-timeline", "figure-matrix", "figure-ego")
PNG = b"\x89PNG\r\n"


def run_notebook(graph, monkeypatch):
    monkeypatch.setenv("KG_GRAPH", str(graph))
    nb = nbformat.read(NOTEBOOK, as_version=4)
    client = nbclient.NotebookClient(nb, timeout=300, kernel_name="python3",
                                     resources={"metadata": {"path": str(NOTEBOOKS)}})
    client.execute()  # raises CellExecutionError on the first failing cell
    for cell in nb.cells:
        for out in cell.get("outputs", []):
            assert out.get("output_type") != "error", f"{out.get('ename')}: {out.get('evalue')}"
    return nb


def texts(nb, kinds=("text/html", "text/plain")) -> str:
    parts = []
    for cell in nb.cells:
        for out in cell.get("outputs", []):
            if out.get("output_type") == "stream" and "text/plain" in kinds:
                parts.append(out.get("text", ""))
            data = out.get("data", {})
            parts.extend(str(data[k]) for k in kinds if k in data)
    return "\n".join(parts)


def figures(nb) -> dict[str, bytes]:
    """Tagged figure cell -> the PNG it drew."""
    found = {}
    for cell in nb.cells:
        for tag in cell.metadata.get("tags", []):
            for out in cell.get("outputs", []):
                if "image/png" in out.get("data", {}):
                    found[tag] = base64.b64decode(out["data"]["image/png"])
    return found


def test_notebook_is_committed_without_outputs():
    nb = nbformat.read(NOTEBOOK, as_version=4)
    nbformat.validate(nb)
    for cell in nb.cells:
        if cell.cell_type == "code":
            assert cell.outputs == [] and cell.execution_count is None, "clear the notebook's outputs"
    assert 'os.environ.get("KG_GRAPH"' in nb.cells[1].source
    assert sorted(t for c in nb.cells for t in c.metadata.get("tags", [])) == sorted(FIGURES)


def test_the_default_path_says_what_to_run(tmp_path, monkeypatch):
    monkeypatch.delenv("KG_GRAPH", raising=False)
    monkeypatch.chdir(tmp_path)  # no output/graph.ttl here nor in ..
    (tmp_path / "sub").mkdir()
    monkeypatch.chdir(tmp_path / "sub")
    source = nbformat.read(NOTEBOOK, as_version=4).cells[1].source
    with pytest.raises(FileNotFoundError, match=r"run `kg build seeds/`.*or set KG_GRAPH"):
        exec(compile(source, "cell-1", "exec"), {})
    (tmp_path / "output").mkdir()
    (tmp_path / "output" / "graph.ttl").write_text(GRAPH, encoding="utf-8")
    scope: dict = {}
    exec(compile(source, "cell-1", "exec"), scope)  # from notebooks/: ../output/graph.ttl
    assert scope["GRAPH"] == str(Path("../output/graph.ttl"))


def test_notebook_runs_on_a_small_graph(tmp_path, monkeypatch):
    graph = tmp_path / "graph.ttl"
    graph.write_text(GRAPH, encoding="utf-8")
    nb = run_notebook(graph, monkeypatch)
    out = texts(nb)
    assert f"{graph}: " in out  # the notebook read our graph, not ../output/graph.ttl
    for name in canned_queries():
        assert f"{name}: " in out, f"no table for canned query {name}"
    assert "Vladimir Putin" in out and "Kim Jong-un" in out
    html_out = texts(nb, ("text/html",))
    assert "Putin scrive a Kim &lt;b&gt;&amp;&lt;/b&gt;" in html_out and "<b>&</b>" not in html_out  # escaped
    drawn = figures(nb)
    assert sorted(drawn) == sorted(FIGURES)
    assert all(png.startswith(PNG) and len(png) > 5000 for png in drawn.values())


@pytest.mark.model
def test_notebook_draws_on_the_seeds_graph(seeds_graph, monkeypatch):
    nb = run_notebook(seeds_graph / "graph.ttl", monkeypatch)
    drawn = figures(nb)
    assert sorted(drawn) == sorted(FIGURES)
    assert all(png.startswith(PNG) and len(png) > 10000 for png in drawn.values())
    out = texts(nb)
    assert "Corea del Nord" in out and "Vladimir Putin" in out  # the centrality table and the matrix
