"""kg build --update: new articles join an existing graph, old ones are never tagged again.

Most tests use the stub tagger (tests/stub_tagger.py) behind the real Annotator and its
cache; the one marked `model` updates a seeds build with the shipped models.
"""
import json
import shutil
from pathlib import Path

import pytest

from kg.build import BuildError, build
from kg.cli import main
from kg.manifest import read_manifest
from stub_tagger import StubAnnotator, outputs, quiet

ROOT = Path(__file__).resolve().parent.parent
SEEDS = ROOT / "seeds"
A1 = ("Il presidente russo Vladimir Putin ha inviato una lettera a Kim Jong-un. "
      "La Corea del Nord e la Russia hanno firmato un trattato di mutua difesa a Pyongyang.")
A2 = ("Il ministro degli Esteri Sergei Lavrov ha incontrato il leader nordcoreano a Mosca. "
      "Secondo la Corea del Sud, la Russia avrebbe inviato armi alla Corea del Nord.")
B1 = ("Il presidente russo ha telefonato al presidente cinese Xi Jinping. "
      "La Cina e la Russia hanno firmato un accordo di cooperazione a Pechino.")


def write(path: Path, text: str) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return path


def run(inputs, out: Path, **kwargs):
    annotator = StubAnnotator(out / ".cache" / "nlp")
    result = build(inputs, output=out, annotator=annotator, log=quiet, **kwargs)
    return result, annotator


@pytest.fixture
def corpus(tmp_path):
    a = tmp_path / "a"
    write(a / "uno.txt", A1)
    write(a / "due.txt", A2)
    b = write(tmp_path / "b" / "tre.txt", B1)
    return a, b


def test_update_gives_the_graph_of_a_build_from_everything(tmp_path, corpus):
    a, b = corpus
    run([a], tmp_path / "inc")
    result, annotator = run([b], tmp_path / "inc", update=True)
    assert annotator.tagged == [B1]                     # the old articles came from the cache
    assert annotator.cache_hits == 2 and result.articles == 3
    run([a, b], tmp_path / "full")
    assert outputs(tmp_path / "inc") == outputs(tmp_path / "full")
    inc = json.loads((tmp_path / "inc" / "report.json").read_text(encoding="utf-8"))
    full = json.loads((tmp_path / "full" / "report.json").read_text(encoding="utf-8"))
    assert inc["counts"] == full["counts"] and inc["articles"] == 3


def test_adding_an_article_that_is_there_changes_nothing(tmp_path, corpus):
    a, _ = corpus
    run([a], tmp_path / "out")
    before = outputs(tmp_path / "out")
    _, annotator = run([a / "uno.txt"], tmp_path / "out", update=True)
    assert annotator.tagged == [] and outputs(tmp_path / "out") == before
    copy = write(tmp_path / "elsewhere" / "copia.txt", A1)  # same text under another name
    _, annotator = run([copy], tmp_path / "out", update=True)
    assert annotator.tagged == [] and outputs(tmp_path / "out") == before
    assert [x.id for x in read_manifest(tmp_path / "out").articles] == ["due", "uno"]


def test_a_changed_article_replaces_the_old_one(tmp_path, corpus):
    a, b = corpus
    run([a], tmp_path / "out")
    write(a / "due.txt", B1)
    result, annotator = run([a / "due.txt"], tmp_path / "out", update=True)
    assert annotator.tagged == [B1] and result.articles == 2
    run([a], tmp_path / "full")
    assert outputs(tmp_path / "out") == outputs(tmp_path / "full")


def test_a_file_edited_to_repeat_another_article_is_merged_as_a_fresh_build_merges_it(tmp_path, corpus):
    """due.txt edited to uno.txt's text: a fresh build of the folder keeps one article with that
    text (the first read, due.txt) and merges the other into it; --update kept due.txt's old
    text (the new one was "already there"), so the graph still held A2's facts."""
    a, _ = corpus
    run([a], tmp_path / "out")
    write(a / "due.txt", A1)
    result, annotator = run([a / "due.txt"], tmp_path / "out", update=True)
    assert annotator.tagged == [] and result.articles == 1
    full, _ = run([a], tmp_path / "full")
    assert full.articles == 1
    assert outputs(tmp_path / "out") == outputs(tmp_path / "full")
    assert [(x.id, x.source) for x in read_manifest(tmp_path / "out").articles] == [("due", "a/due.txt")]
    report = json.loads((tmp_path / "out" / "report.json").read_text(encoding="utf-8"))
    assert report["notes"] == ["a/uno.txt: same text as a/due.txt; merged into it"]


def test_a_later_file_edited_to_repeat_an_earlier_one_is_merged_into_it(tmp_path, corpus):
    a, b = corpus
    run([a, b], tmp_path / "out")
    write(b, A2)  # due.txt's text; due.txt is read first
    result, annotator = run([b], tmp_path / "out", update=True)
    assert annotator.tagged == [] and result.articles == 2
    run([a, b], tmp_path / "full")
    assert outputs(tmp_path / "out") == outputs(tmp_path / "full")
    write(b, B1)  # and back: tre.txt is an article again
    run([b], tmp_path / "out", update=True)
    run([a, b], tmp_path / "full2")
    assert outputs(tmp_path / "out") == outputs(tmp_path / "full2")


def test_updates_in_steps_match_one_build(tmp_path, corpus):
    a, b = corpus
    run([a / "due.txt"], tmp_path / "inc")
    run([a / "uno.txt"], tmp_path / "inc", update=True)
    run([b], tmp_path / "inc", update=True)
    run([a / "due.txt", a / "uno.txt", b], tmp_path / "full")
    assert outputs(tmp_path / "inc") == outputs(tmp_path / "full")


def test_update_keeps_the_base_iri_of_the_build(tmp_path, corpus):
    a, b = corpus
    run([a], tmp_path / "out", base_iri="http://news.example/g/")
    run([b], tmp_path / "out", update=True)
    assert "http://news.example/g/article/tre" in (tmp_path / "out" / "graph.ttl").read_text(encoding="utf-8")


def test_update_needs_a_previous_build_and_the_cache(tmp_path, corpus):
    _, b = corpus
    with pytest.raises(BuildError, match="no previous build"):
        run([b], tmp_path / "new", update=True)
    run([b], tmp_path / "out")
    with pytest.raises(BuildError, match="--no-cache"):
        run([b], tmp_path / "out", update=True, cache=False)


def test_old_articles_missing_from_the_cache_are_tagged_again(tmp_path, corpus):
    a, b = corpus
    run([a], tmp_path / "inc")
    shutil.rmtree(tmp_path / "inc" / ".cache")
    _, annotator = run([b], tmp_path / "inc", update=True)
    assert sorted(annotator.tagged) == sorted([A1, A2, B1])
    run([a, b], tmp_path / "full")
    assert outputs(tmp_path / "inc") == outputs(tmp_path / "full")


def test_cli_update(tmp_path, corpus, monkeypatch):
    a, b = corpus
    out = tmp_path / "out"
    monkeypatch.setattr("kg.build.default_annotator", lambda **kw: StubAnnotator(kw["cache_dir"]))
    assert main(["build", str(a), "-o", str(out), "-q"]) == 0
    assert main(["build", "--update", str(b), "-o", str(out), "-q"]) == 0
    assert main(["build", str(a), str(b), "-o", str(tmp_path / "full"), "-q"]) == 0
    assert outputs(out) == outputs(tmp_path / "full")
    assert main(["build", "--update", str(b), "-o", str(tmp_path / "none"), "-q"]) == 2


@pytest.mark.model
def test_update_with_the_shipped_models(tmp_path):
    first, second = sorted(SEEDS.glob("*.txt"))[3:5]   # the two shortest seeds
    build([first], output=tmp_path / "inc", log=quiet)
    result = build([second], output=tmp_path / "inc", update=True, log=quiet)
    report = json.loads((tmp_path / "inc" / "report.json").read_text(encoding="utf-8"))
    assert result.articles == 2 and report["nlp_cache"] == {"hits": 1, "misses": 1}
    # the full build reads both articles from a copy of the cache: Stanza never runs again
    shutil.copytree(tmp_path / "inc" / ".cache", tmp_path / "full" / ".cache")
    full = build([first, second], output=tmp_path / "full", log=quiet)
    assert full.timings["model_load"] == 0
    assert outputs(tmp_path / "inc") == outputs(tmp_path / "full")
