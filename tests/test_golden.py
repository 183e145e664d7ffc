"""The golden test: kg's graph of 22 articles, rebuilt from their committed NLP annotations with
no model, is the committed graph.ttl byte for byte.

Everything after Stanza runs as `kg build` runs it (kg.build.build over the input folder, with
an annotator that serves tests/data/golden/nlp/*.json as the NLP cache would). A change that
moves a byte of the graph fails here with a diff; when the change is meant, regenerate and say
why in the commit:

    python3 tests/data/golden/regenerate.py                 (or KG_REGEN_GOLDEN=1 pytest tests/test_golden.py)
    python3 tests/data/golden/regenerate.py --nlp           (re-annotate with the real models first)

tests/data/golden/README.md lists the articles and where they come from.
"""
from __future__ import annotations

import difflib
import importlib.util
import os
from pathlib import Path

import pytest

GOLDEN = Path(__file__).resolve().parent / "data" / "golden"
DIFF_LINES = 80

_spec = importlib.util.spec_from_file_location("golden_regenerate", GOLDEN / "regenerate.py")
golden = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(golden)


@pytest.fixture(scope="module")
def annotations():
    return golden.load_annotations()


@pytest.fixture(scope="module")
def first_build(tmp_path_factory, annotations):
    out = tmp_path_factory.mktemp("golden") / "out"
    result, annotator = golden.build_golden(out, golden.GoldenAnnotator(annotations))
    return result, annotator, (out / "graph.ttl").read_bytes()


def readable_diff(expected: bytes, actual: bytes) -> str:
    lines = list(difflib.unified_diff(expected.decode("utf-8").splitlines(), actual.decode("utf-8").splitlines(),
                                      "expected: tests/data/golden/graph.ttl", "built from the golden annotations",
                                      lineterm="", n=2))
    changed = sum(1 for line in lines[2:] if line[:1] in "+-")
    shown = lines[:DIFF_LINES]
    if len(lines) > DIFF_LINES:
        shown.append(f"... {len(lines) - DIFF_LINES} more diff lines")
    return "\n".join(shown) + f"\n({changed} lines added or removed)"


def test_graph_is_the_golden_bytes(first_build):
    result, _annotator, actual = first_build
    if os.environ.get("KG_REGEN_GOLDEN") == "1":
        old = golden.EXPECTED.read_bytes() if golden.EXPECTED.exists() else b""
        golden.EXPECTED.write_bytes(actual)
        pytest.skip(f"KG_REGEN_GOLDEN=1: rewrote {golden.EXPECTED} ({'unchanged' if old == actual else 'changed'})")
    expected = golden.EXPECTED.read_bytes()
    if actual != expected:
        pytest.fail("graph.ttl of the golden articles changed:\n" + readable_diff(expected, actual)
                    + "\nIf the change is meant, regenerate with `python3 tests/data/golden/regenerate.py` "
                      "(or KG_REGEN_GOLDEN=1) and say in the commit why the graph changes.", pytrace=False)


def test_every_article_is_built_from_its_committed_annotation(first_build, annotations):
    result, annotator, _graph = first_build
    assert result.ok and result.articles == len(annotations) == 22
    assert sorted(annotator.served) == sorted(a.article.id for a in annotations), \
        "an article of articles/ was not served its annotation, or an annotation is stale: regenerate with --nlp"


def test_two_builds_give_identical_bytes(first_build, annotations, tmp_path):
    _result, _annotator, first = first_build
    golden.build_golden(tmp_path / "out", golden.GoldenAnnotator(annotations))
    second = (tmp_path / "out" / "graph.ttl").read_bytes()
    assert second == first, "two builds of the same annotations differ:\n" + readable_diff(first, second)


def test_annotations_are_in_the_generators_form(annotations):
    """The committed JSON is what regenerate.py writes (AnnotatedArticle records, one word a
    line), and every sentence and word lies inside its article's text."""
    for path, annotated in zip(sorted(golden.NLP.glob("*.json")), annotations):
        assert path.read_text(encoding="utf-8") == golden.dumps(annotated), path.name
        assert path.stem == annotated.article.id
        text = annotated.article.text
        for s in annotated.sentences:
            assert text[s.start_char:s.end_char] == s.text
            assert all(0 <= w.start_char < w.end_char <= len(text) for w in s.words)
            assert all(text[e.start_char:e.end_char] == e.text for e in s.entities)


def test_a_text_with_no_annotation_stops_the_build(annotations, tmp_path):
    from kg.build import BuildError

    served = golden.GoldenAnnotator(annotations[1:])
    with pytest.raises(BuildError, match="no committed annotation"):
        golden.build_golden(tmp_path / "out", served)
    assert not (tmp_path / "out" / "graph.ttl").exists()
