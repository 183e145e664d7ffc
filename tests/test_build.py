"""kg build end to end: outputs, bad inputs, atomic replacement, exit codes.

Plumbing tests use a whitespace annotator (no model) so they run in a second; the tests
marked `model` build the seeds with the shipped Stanza models.
"""
import json
import re
import shutil
from pathlib import Path

import pytest
from rdflib import Dataset, Graph, URIRef
from rdflib.namespace import RDF

from kg.build import BuildError, build
from kg.cli import main
from kg.records import AnnotatedArticle, Sentence, Word
from kg.vocab import KG, SCHEMA, validate

ROOT = Path(__file__).resolve().parent.parent
SEEDS = ROOT / "seeds"
GOOD = ("Il presidente russo Vladimir Putin ha inviato una lettera a Kim Jong-un. "
        "La Corea del Nord e la Russia hanno firmato un trattato di mutua difesa a Pyongyang.")


class WhitespaceAnnotator:
    """Sentences split on '. ', words on spaces and punctuation: enough for the plumbing."""

    model_version = "test-annotator"
    load_seconds = 0.0
    cache_hits = cache_misses = 0

    def __init__(self, fail_on: str | None = None):
        self.fail_on = fail_on

    def annotate(self, article):
        if self.fail_on and self.fail_on in article.text:
            raise RuntimeError("simulated tagger crash")
        sentences = []
        for index, match in enumerate(re.finditer(r"[^.]+\.?", article.text)):
            start, end = match.span()
            while start < end and article.text[start].isspace():
                start += 1
            if start >= end:
                continue
            words = [Word(id=i + 1, text=m.group(), start_char=start + m.start(), end_char=start + m.end())
                     for i, m in enumerate(re.finditer(r"\w+(?:-\w+)*|[^\w\s]", article.text[start:end]))]
            sentences.append(Sentence(index=len(sentences), text=article.text[start:end], start_char=start,
                                      end_char=end, words=words))
        return AnnotatedArticle(article, sentences, self.model_version)


def write(path: Path, data: str | bytes) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(data if isinstance(data, bytes) else data.encode("utf-8"))
    return path


def quiet(_message: str) -> None:
    pass


def test_outputs_are_written_and_consistent(tmp_path):
    write(tmp_path / "in" / "a.txt", GOOD)
    write(tmp_path / "in" / "b.md", "# Titolo\n\n" + GOOD.replace("Pyongyang", "Mosca"))
    result = build([tmp_path / "in"], output=tmp_path / "out", annotator=WhitespaceAnnotator(), log=quiet)
    out = tmp_path / "out"
    for name in ("graph.ttl", "graph.trig", "graph.jsonld", "graph.html", "report.md", "report.json"):
        assert (out / name).is_file(), name
    ttl = Graph().parse(out / "graph.ttl")
    assert len(ttl) == result.counts["triples"]["total"] > 0
    assert set(ttl.subjects(RDF.type, SCHEMA.NewsArticle)) and len(set(ttl.subjects(RDF.type, SCHEMA.NewsArticle))) == 2
    ds = Dataset()
    ds.parse(out / "graph.trig", format="trig")
    named = {str(g.identifier) for g in ds.graphs() if len(g) and "/graph/" in str(g.identifier)}
    assert len(named) == 2
    jsonld = Graph().parse(out / "graph.jsonld", format="json-ld")
    assert len(jsonld) == len(ttl)
    assert not [s for s in ttl.all_nodes() if not isinstance(s, (URIRef,)) and s.__class__.__name__ == "BNode"]
    report = json.loads((out / "report.json").read_text(encoding="utf-8"))
    assert report["articles"] == 2 and report["skipped"] == []
    page = (out / "graph.html").read_text(encoding="utf-8")
    assert "vis.Network" in page or "new vis" in page
    assert not re.search(r"<(script|link)[^>]+(src|href)=[\"']?(https?:|//|\.\./)", page)
    assert oct((out / "graph.ttl").stat().st_mode & 0o777) in ("0o644", "0o664", "0o666")


def test_same_input_gives_byte_identical_turtle(tmp_path):
    write(tmp_path / "in" / "a.txt", GOOD)
    build([tmp_path / "in"], output=tmp_path / "o1", annotator=WhitespaceAnnotator(), log=quiet)
    build([tmp_path / "in"], output=tmp_path / "o2", annotator=WhitespaceAnnotator(), log=quiet)
    assert (tmp_path / "o1" / "graph.ttl").read_bytes() == (tmp_path / "o2" / "graph.ttl").read_bytes()
    assert (tmp_path / "o1" / "graph.trig").read_bytes() == (tmp_path / "o2" / "graph.trig").read_bytes()


def test_base_iri_prefixes_every_minted_iri(tmp_path):
    write(tmp_path / "a.txt", GOOD)
    build([tmp_path / "a.txt"], output=tmp_path / "out", base_iri="http://news.example/g/",
          annotator=WhitespaceAnnotator(), log=quiet)
    g = Graph().parse(tmp_path / "out" / "graph.ttl")
    minted = {str(s) for s in g.subjects() if isinstance(s, URIRef)}
    assert minted and all(s.startswith("http://news.example/g/") for s in minted)


def test_bad_inputs_are_skipped_and_reported_by_name(tmp_path, capsys):
    folder = tmp_path / "in"
    write(folder / "good.txt", GOOD)
    write(folder / "empty.txt", "")
    write(folder / "binary.txt", b"\x00\x01\x02PNG" * 20)
    write(folder / "latin1.txt", "Il presidente è arrivato a Roma.".encode("latin-1"))
    write(folder / "english.txt", "The president of the United States said on Monday that the talks with "
                                  "the delegation had been productive and that more meetings would follow.")
    write(folder / "feed.jsonl", json.dumps({"text": GOOD + " Ancora.", "title": "Uno"}) + "\n{broken json\n")
    result = build([folder], output=tmp_path / "out", annotator=WhitespaceAnnotator(), log=print)
    skipped = {Path(s.source.split(":")[0]).name + (":" + s.source.split(":")[1] if ":" in s.source else ""): s.reason
               for s in result.skipped}
    assert set(skipped) == {"empty.txt", "binary.txt", "latin1.txt", "english.txt", "feed.jsonl:2"}
    assert result.articles == 2
    printed = capsys.readouterr()
    assert "latin1.txt" in printed.out + printed.err
    report = (tmp_path / "out" / "report.md").read_text(encoding="utf-8")
    for name in skipped:
        assert name in report
    assert not result.ok


def test_an_article_that_crashes_the_tagger_costs_only_itself(tmp_path):
    write(tmp_path / "in" / "a.txt", GOOD)
    write(tmp_path / "in" / "b.txt", GOOD + " Questo articolo fa crollare il tagger.")
    result = build([tmp_path / "in"], output=tmp_path / "out", annotator=WhitespaceAnnotator("crollare"),
                   log=quiet)
    assert result.articles == 1
    assert [Path(s.source).name for s in result.skipped] == ["b.txt"]
    assert "simulated tagger crash" in result.skipped[0].reason


def test_strict_makes_a_skip_fatal_and_keeps_previous_output(tmp_path):
    write(tmp_path / "in" / "a.txt", GOOD)
    build([tmp_path / "in"], output=tmp_path / "out", annotator=WhitespaceAnnotator(), log=quiet)
    before = (tmp_path / "out" / "graph.ttl").read_bytes()
    write(tmp_path / "in" / "b.txt", "")
    with pytest.raises(BuildError, match="b.txt"):
        build([tmp_path / "in"], output=tmp_path / "out", strict=True, annotator=WhitespaceAnnotator(), log=quiet)
    assert (tmp_path / "out" / "graph.ttl").read_bytes() == before


def test_a_failure_while_exporting_leaves_previous_outputs_whole(tmp_path, monkeypatch):
    write(tmp_path / "in" / "a.txt", GOOD)
    build([tmp_path / "in"], output=tmp_path / "out", annotator=WhitespaceAnnotator(), log=quiet)
    before = {p.name: p.read_bytes() for p in (tmp_path / "out").iterdir() if p.is_file()}
    write(tmp_path / "in" / "b.txt", GOOD.replace("Putin", "Lavrov"))

    def explode(*args, **kwargs):
        raise OSError("disk full")

    monkeypatch.setattr("kg.export.report.write_html", explode)
    with pytest.raises(BuildError, match="disk full"):
        build([tmp_path / "in"], output=tmp_path / "out", annotator=WhitespaceAnnotator(), log=quiet)
    after = {p.name: p.read_bytes() for p in (tmp_path / "out").iterdir() if p.is_file()}
    assert after == before
    assert not [p for p in (tmp_path / "out").iterdir() if p.name.startswith(".staging")]
    assert len(list((tmp_path / "out" / ".kg-builds").iterdir())) == 1  # the failed build's folder is gone


def test_no_usable_input_is_an_error(tmp_path):
    write(tmp_path / "empty.txt", "   \n")
    with pytest.raises(BuildError, match="no usable article"):
        build([tmp_path / "empty.txt"], output=tmp_path / "out", annotator=WhitespaceAnnotator(), log=quiet)


def test_cli_exit_codes(tmp_path, monkeypatch, capsys):
    monkeypatch.setattr("kg.build.default_annotator", lambda **kw: WhitespaceAnnotator())
    write(tmp_path / "in" / "a.txt", GOOD)
    assert main(["build", str(tmp_path / "in"), "-o", str(tmp_path / "out"), "-q"]) == 0
    write(tmp_path / "in" / "b.txt", b"\xff\xfe\x00")
    assert main(["build", str(tmp_path / "in"), "-o", str(tmp_path / "out"), "-q"]) == 1
    assert main(["build", str(tmp_path / "in"), "-o", str(tmp_path / "out"), "-q", "--strict"]) == 2
    assert "b.txt" in capsys.readouterr().err
    assert main(["build", str(tmp_path / "missing"), "-o", str(tmp_path / "out2"), "-q"]) == 2


# ---------------------------------------------------------------- with the shipped models

@pytest.fixture(scope="module")
def seeds_build(tmp_path_factory):
    out = tmp_path_factory.mktemp("seeds")
    result = build([SEEDS], output=out / "out", cache=False, log=quiet)
    return result, out / "out"


@pytest.mark.model
def test_seeds_build_validates_against_the_shapes(seeds_build):
    result, out = seeds_build
    assert result.articles == 5 and result.ok
    conforms, _, text = validate(Graph().parse(out / "graph.ttl"))
    assert conforms, text


@pytest.mark.model
def test_seeds_build_is_byte_identical_across_runs(seeds_build, tmp_path):
    _, out = seeds_build
    build([SEEDS], output=tmp_path / "again", cache=False, log=quiet)
    assert (tmp_path / "again" / "graph.ttl").read_bytes() == (out / "graph.ttl").read_bytes()


@pytest.mark.model
def test_seeds_build_has_the_people_states_and_letters(seeds_build):
    result, out = seeds_build
    g = Graph().parse(out / "graph.ttl")
    labels = {str(o) for s in g.subjects(RDF.type, KG.Person) for o in g.objects(s, URIRef("http://www.w3.org/2000/01/rdf-schema#label"))}
    assert {"Vladimir Putin", "Kim Jong-un"} <= labels
    putin = URIRef("https://example.org/kg/entity/Q7747")
    assert (putin, URIRef("http://www.w3.org/2002/07/owl#sameAs"), URIRef("http://www.wikidata.org/entity/Q7747")) in g
    assert result.timings["stanza"] > 0 and result.timings["model_load"] > 0


@pytest.mark.model
def test_seeds_build_meets_the_extraction_targets(seeds_build):
    """Issue 5's targets on the seeds' gold (kg eval): entity F1 >= 0.95, relation F1 >= 0.85
    with precision >= 0.90 (this release measures 0.967 and 0.860 at precision 1.0)."""
    from kg.evaluation import load_gold, read_prediction, score

    _, out = seeds_build
    scores = score(load_gold(ROOT / "tests" / "data" / "seeds_gold.jsonl"), read_prediction(out / "graph.ttl"))
    result = scores.to_dict()
    assert result["entities_micro"]["f1"] >= 0.95, result["entities_micro"]
    assert result["relations_micro"]["f1"] >= 0.85, result["relations_micro"]
    assert result["relations_micro"]["precision"] >= 0.90, result["relations_micro"]


def test_threads_option_pins_torch(tmp_path, monkeypatch):
    import torch

    monkeypatch.setattr("kg.build.default_annotator", lambda **kw: WhitespaceAnnotator())
    before = torch.get_num_threads()
    write(tmp_path / "in" / "a.txt", GOOD)
    try:
        assert main(["build", str(tmp_path / "in"), "-o", str(tmp_path / "out"), "-q", "--threads", "1"]) == 0
        assert torch.get_num_threads() == 1
    finally:
        torch.set_num_threads(before)
