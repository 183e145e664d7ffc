"""Hostile and unlucky inputs (issue #30): each bad input costs only itself, fatal errors are
one line with exit 2, the output set is replaced whole. Model-free (whitespace annotator)."""
import json
import os
import shutil
from pathlib import Path

import pytest
from rdflib import Graph, URIRef

from kg.build import BuildError, build
from kg.cli import main
from kg.ingest import read_inputs
from kg.outputs import CURRENT, OutputLock
from kg.vocab import SCHEMA
from stub_tagger import StubAnnotator, outputs, quiet
from test_build import GOOD, WhitespaceAnnotator, write

OTHER = GOOD.replace("Putin", "Lavrov")


def reasons(result) -> dict[str, str]:
    return {Path(s.source).name: s.reason for s in result.skipped}


def test_link_loops_dangling_links_fifos_and_devices_are_named_skips(tmp_path):
    folder = tmp_path / "in"
    write(folder / "good.txt", GOOD)
    (folder / "a.txt").symlink_to(folder / "b.txt")
    (folder / "b.txt").symlink_to(folder / "a.txt")
    (folder / "gone.txt").symlink_to(folder / "nowhere.txt")
    os.mkfifo(folder / "pipe.txt")
    result = read_inputs([folder, folder / "a.txt", folder / "pipe.txt", "/dev/null"])
    assert [a.source for a in result.articles] == ["in/good.txt"]
    got = {s.source.rsplit("/", 1)[-1]: s.reason for s in result.skipped}
    assert got["a.txt"] == got["b.txt"] == "symbolic link loop"
    assert got["gone.txt"].startswith("dangling symbolic link")
    assert got["pipe.txt"].startswith("a FIFO")           # given directly too: never opened, never blocks
    assert got["null"].startswith("a character device")


def test_a_newline_in_a_file_name_cannot_forge_lines(tmp_path):
    write(tmp_path / "in" / "ok\nskipped evil.txt: fake.txt", GOOD)
    write(tmp_path / "in" / "bad\n.txt", b"")
    result = read_inputs([tmp_path / "in"])
    assert all("\n" not in a.source for a in result.articles) and len(result.articles) == 1
    assert all("\n" not in s.source for s in result.skipped) and len(result.skipped) == 1


def test_utf16_text_is_read(tmp_path):
    write(tmp_path / "u16.txt", GOOD.encode("utf-16"))
    assert [a.text for a in read_inputs([tmp_path / "u16.txt"]).articles] == [GOOD]


def test_max_article_bytes_is_a_named_skip(tmp_path):
    write(tmp_path / "big.txt", GOOD * 10)
    write(tmp_path / "small.txt", OTHER)
    write(tmp_path / "feed.jsonl", json.dumps({"text": GOOD * 10}) + "\n" + json.dumps({"text": GOOD + " Breve."}))
    result = read_inputs([tmp_path], max_article_bytes=len(GOOD) * 2)
    assert sorted(a.source.rsplit("/", 1)[-1] for a in result.articles) == ["feed.jsonl:2", "small.txt"]
    assert {s.source.rsplit("/", 1)[-1] for s in result.skipped} == {"big.txt", "feed.jsonl:1"}
    assert all("--max-article-bytes" in s.reason for s in result.skipped)


def test_duplicate_texts_are_merged_with_a_note(tmp_path):
    write(tmp_path / "a.txt", GOOD)
    write(tmp_path / "copy.txt", GOOD)
    write(tmp_path / "feed.jsonl", json.dumps({"text": GOOD}))
    result = read_inputs([tmp_path])
    assert len(result.articles) == 1 and len(result.notes) == 2
    assert all("same text as" in note for note in result.notes)


@pytest.mark.parametrize("char", list('|"<>{}^`\\ '))
def test_a_url_with_a_character_an_iri_may_not_hold_costs_nothing(tmp_path, char):
    records = [{"text": GOOD, "url": f"https://e.example/a{char}b"}, {"text": OTHER, "url": "https://e.example/ok"}]
    write(tmp_path / "feed.jsonl", "\n".join(json.dumps(r) for r in records))
    result = build([tmp_path / "feed.jsonl"], output=tmp_path / "out", annotator=WhitespaceAnnotator(), log=quiet)
    assert result.articles == 2 and result.ok
    graph = Graph().parse(tmp_path / "out" / "graph.ttl")
    urls = {str(o) for o in graph.objects(None, SCHEMA.url)}
    assert f"https://e.example/a%{ord(char):02X}b" in urls and "https://e.example/ok" in urls


def test_a_bad_cache_entry_is_a_miss_and_is_rewritten(tmp_path):
    write(tmp_path / "in" / "a.txt", GOOD)
    cache = tmp_path / "out" / ".cache" / "nlp"
    build([tmp_path / "in"], output=tmp_path / "out", annotator=StubAnnotator(cache), log=quiet)
    before = outputs(tmp_path / "out")
    [entry] = list(cache.rglob("*.json"))
    good_entry = entry.read_text(encoding="utf-8")
    for damage in ('[1, 2]', '{"sentences": [{"index": 0, "text": 5, "start_char": 0, "end_char": 3, '
                              '"words": [], "entities": []}]}',
                   '{"sentences": [{"index": 0, "text": "x", "start_char": 0, "end_char": 99999, '
                   '"words": [], "entities": []}]}'):
        entry.write_text(damage, encoding="utf-8")
        annotator = StubAnnotator(cache)
        build([tmp_path / "in"], output=tmp_path / "out", annotator=annotator, log=quiet)
        assert annotator.tagged == [GOOD] and outputs(tmp_path / "out") == before
        assert entry.read_text(encoding="utf-8") == good_entry  # rewritten


def test_update_with_a_repeated_text_equals_one_build(tmp_path):
    write(tmp_path / "a" / "uno.txt", GOOD)
    write(tmp_path / "b" / "copia.txt", GOOD)
    write(tmp_path / "b" / "due.txt", OTHER)
    build([tmp_path / "a"], output=tmp_path / "inc", annotator=StubAnnotator(tmp_path / "inc" / ".cache" / "nlp"),
          log=quiet)
    build([tmp_path / "b"], output=tmp_path / "inc", update=True,
          annotator=StubAnnotator(tmp_path / "inc" / ".cache" / "nlp"), log=quiet)
    build([tmp_path / "a", tmp_path / "b"], output=tmp_path / "full",
          annotator=StubAnnotator(tmp_path / "full" / ".cache" / "nlp"), log=quiet)
    assert outputs(tmp_path / "inc") == outputs(tmp_path / "full")


def test_source_file_is_relative_to_the_input_root(tmp_path):
    for where in ("one", "two/deeper"):
        write(tmp_path / where / "corpus" / "a.txt", GOOD)
        build([tmp_path / where / "corpus"], output=tmp_path / where / "out", annotator=WhitespaceAnnotator(),
              log=quiet)
    ttl = [(tmp_path / w / "out" / "graph.ttl").read_bytes() for w in ("one", "two/deeper")]
    assert ttl[0] == ttl[1] and str(tmp_path).encode() not in ttl[0]
    assert b'"corpus/a.txt"' in ttl[0]


# ------------------------------------------------------------------ the output folder

class NoModels(WhitespaceAnnotator):
    def annotate(self, article):
        raise AssertionError("the output folder must be checked before any model loads")


@pytest.mark.parametrize("case", ["is-a-file", "under-a-file", "locked"])
def test_a_bad_output_folder_is_fatal_before_the_models(tmp_path, case):
    write(tmp_path / "in" / "a.txt", GOOD)
    out = tmp_path / "out"
    if case == "is-a-file":
        write(out, "not a folder")
    elif case == "under-a-file":
        write(tmp_path / "file", "x")
        out = tmp_path / "file" / "out"
    if case == "locked":
        out.mkdir()
        with OutputLock(out), pytest.raises(BuildError, match="another kg build"):
            build([tmp_path / "in"], output=out, annotator=NoModels(), log=quiet)
        return
    with pytest.raises(BuildError, match=str(out)):
        build([tmp_path / "in"], output=out, annotator=NoModels(), log=quiet)


def test_cli_fatal_errors_are_one_line_with_exit_2(tmp_path, monkeypatch, capsys):
    monkeypatch.setattr("kg.build.default_annotator", lambda **kw: NoModels())
    write(tmp_path / "in" / "a.txt", GOOD)
    write(tmp_path / "out", "a file")
    assert main(["build", str(tmp_path / "in"), "-o", str(tmp_path / "out"), "-q"]) == 2
    err = capsys.readouterr().err
    assert len(err.strip().splitlines()) == 1 and str(tmp_path / "out") in err and "Traceback" not in err
    with pytest.raises(BuildError):
        main(["build", str(tmp_path / "in"), "-o", str(tmp_path / "out"), "-q", "--debug"])


def test_the_output_set_is_replaced_whole_and_stale_staging_removed(tmp_path):
    write(tmp_path / "in" / "a.txt", GOOD)
    out = tmp_path / "out"
    build([tmp_path / "in"], output=out, annotator=WhitespaceAnnotator(), log=quiet)
    (out / ".staging-killed").mkdir()
    (out / ".kg-builds" / "build-killed").mkdir()
    write(tmp_path / "in" / "b.txt", OTHER)
    build([tmp_path / "in"], output=out, annotator=WhitespaceAnnotator(), log=quiet)
    current = os.path.realpath(out / CURRENT)
    names = ["graph.ttl", "graph.trig", "graph.jsonld", "graph.html", "report.md", "report.json", ".kg"]
    assert {os.path.dirname(os.path.realpath(out / name)) for name in names} == {current}
    assert [p.name for p in (out / ".kg-builds").iterdir()] == [os.path.basename(current)]
    assert not list(out.glob(".staging-*"))


def test_a_build_of_the_old_layout_is_taken_over(tmp_path):
    write(tmp_path / "in" / "a.txt", GOOD)
    out = tmp_path / "out"
    write(out / "graph.ttl", "old")
    write(out / ".kg" / "articles.jsonl", "")
    build([tmp_path / "in"], output=out, annotator=WhitespaceAnnotator(), log=quiet)
    assert (out / "graph.ttl").is_symlink() and (out / ".kg").is_symlink()
    assert len(Graph().parse(out / "graph.ttl")) > 0
    shutil.rmtree(out)
