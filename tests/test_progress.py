"""kg build's progress display: a line on stderr as each stage starts, in order, when asked."""
from __future__ import annotations

from kg.build import build
from tests.stub_tagger import StubAnnotator, quiet


def test_progress_names_each_stage_in_order(tmp_path, capsys):
    (tmp_path / "in").mkdir()
    (tmp_path / "in" / "a.txt").write_text("Il presidente russo Vladimir Putin ha visitato Pechino.\n", encoding="utf-8")
    build([tmp_path / "in"], output=tmp_path / "out", annotator=StubAnnotator(None), log=quiet, progress=True,
          cache=False)
    err = capsys.readouterr().err
    lines = [x for x in err.splitlines() if x.startswith("kg: ")]
    assert lines[0] == "kg: ingest..."
    assert "kg: loading the models and tagging (Stanza)..." in lines
    assert lines[-1] == "kg: writing the outputs..."
    assert lines.index("kg: relations...") < lines.index("kg: writing the outputs...")


def test_no_progress_lines_by_default(tmp_path, capsys):
    (tmp_path / "in").mkdir()
    (tmp_path / "in" / "a.txt").write_text("Il presidente russo Vladimir Putin ha visitato Pechino.\n", encoding="utf-8")
    build([tmp_path / "in"], output=tmp_path / "out", annotator=StubAnnotator(None), log=quiet, cache=False)
    assert "kg: ingest..." not in capsys.readouterr().err
