"""The declared stages (kg.pipeline): the order is checked before anything runs, and a
stage that lacks something is named with what it lacks."""
from __future__ import annotations

import ast
from pathlib import Path

import pytest

from kg import pipeline
from kg.pipeline import BUILD_GIVES, STAGES, Stage, StageOrderError, check, run, stage

ROOT = Path(__file__).resolve().parents[1]


def test_the_build_order_is_complete():
    assert [s.name for s in STAGES] == ["ingest", "nlp", "mentions", "linking", "relations", "consolidation",
                                        "graph", "export"]
    check(STAGES, BUILD_GIVES)
    for s in STAGES:
        assert callable(s.load()), s.name


def test_a_stage_out_of_order_is_named_with_what_it_lacks():
    swapped = (stage("ingest"), stage("nlp"), stage("linking"), stage("mentions"))
    with pytest.raises(StageOrderError, match=r"stage 'linking' requires mentions, which nothing before it provides"):
        check(swapped, BUILD_GIVES)
    with pytest.raises(KeyError, match="no stage 'parse'"):
        stage("parse")


def test_run_adds_what_each_stage_provides_and_times_it():
    stages = (Stage("double", ("x",), ("y",), "tests", "tests.test_pipeline:_double"),
              Stage("add", ("x", "y"), ("z",), "tests", "tests.test_pipeline:_add"))
    timings: dict = {}
    state = run(stages, {"x": 2}, timings)
    assert (state["y"], state["z"]) == (4, 6) and list(timings) == ["double", "add"]
    with pytest.raises(StageOrderError, match="requires x"):
        run(stages, {}, {})
    with pytest.raises(StageOrderError, match="'liar' did not provide w"):
        run((Stage("liar", (), ("w",), "tests", "tests.test_pipeline:_nothing"),), {}, {})


def _double(state):
    return {"y": 2 * state["x"]}


def _add(state):
    return {"z": state["x"] + state["y"]}


def _nothing(state):
    return {}


def _imports(path: Path) -> set[str]:
    names = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.ImportFrom) and node.module:
            names.add(node.module)
        elif isinstance(node, ast.Import):
            names.update(a.name for a in node.names)
    return names


def test_the_pipeline_module_imports_no_stage():
    assert not {m for m in _imports(ROOT / "kg" / "pipeline.py") if m.startswith("kg")}


def test_the_nlp_stage_imports_no_later_stage():
    later = ("kg.mentions", "kg.linking", "kg.relations", "kg.consolidation", "kg.graph", "kg.export", "kg.gazetteer",
             "kg.lexicon", "kg.stages", "kg.build")
    imported = _imports(ROOT / "kg" / "nlp.py")
    assert not {m for m in imported if m.startswith(later)}, imported


def test_the_docs_open_with_the_stage_table():
    text = (ROOT / "docs" / "pipeline.md").read_text(encoding="utf-8")
    table = text[:text.index("\n## ")] if "\n## " in text else text
    for s in STAGES:
        row = f"| {s.name} | {', '.join(s.requires)} | {', '.join(s.provides)} | `{s.module}` |"
        assert row in table, row
    assert "```mermaid" in table
    assert pipeline.__doc__
