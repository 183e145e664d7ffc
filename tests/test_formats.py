"""The one table of RDF formats (kg.formats): every reader and writer takes it from there,
and a file that is not a graph is the same one-line error in every command."""
from __future__ import annotations

import pytest

from kg import formats
from kg.cli import main
from kg.export import EXPORTERS
from kg.formats import BY_SUFFIX, PREFIXES, RDF_FORMATS, GraphFormatError, check_graph_file, graph_format


def test_every_suffix_and_name_is_unique_and_lowercase():
    assert len(BY_SUFFIX) == len(RDF_FORMATS) == len({f.name for f in RDF_FORMATS})
    assert all(s == s.lower() and s.startswith(".") for s in BY_SUFFIX)
    assert ".json" not in BY_SUFFIX   # report.json is not a graph


def test_the_exporters_are_the_rows_with_a_writer():
    assert list(EXPORTERS) == ["graph.ttl", "graph.trig", "graph.jsonld"]
    assert {source for _, source in EXPORTERS.values()} == {"graph", "dataset"}


def test_readers_take_the_table():
    from kg.export.rdf import READ_FORMATS
    from kg.push import BODY_FORMATS, QUAD_SUFFIXES
    from kg.query import GRAPH_FORMATS

    assert set(READ_FORMATS) == set(GRAPH_FORMATS) == set(BY_SUFFIX)
    assert set(QUAD_SUFFIXES) == {".trig", ".nq"}
    assert BODY_FORMATS["turtle"][1] == "text/turtle; charset=utf-8"


def test_prefixes_are_defined_once():
    from kg import graph, results

    assert graph.PREFIXES is PREFIXES and results.PREFIXES is PREFIXES


def test_suffix_case_is_ignored_and_unknown_is_named(tmp_path):
    assert graph_format(tmp_path / "G.TTL").name == "turtle"
    with pytest.raises(GraphFormatError, match=r"x\.json: unknown graph format '\.json'"):
        graph_format(tmp_path / "x.json")
    with pytest.raises(GraphFormatError, match="no suffix"):
        graph_format(tmp_path / "graph")
    with pytest.raises(GraphFormatError, match="no such graph file"):
        check_graph_file(tmp_path / "missing.ttl")
    assert issubclass(formats.GraphFormatError, ValueError)


@pytest.mark.parametrize("name", ["report.json", "notes.txt"])
def test_a_non_graph_file_is_the_same_error_everywhere(tmp_path, capsys, name):
    path = tmp_path / name
    path.write_text('{"articles": 5, "counts": {}}', encoding="utf-8")
    expected = f"{path}: unknown graph format '{path.suffix}'"
    errors = {}
    for command in (["view", str(path)], ["query", str(path), "letters"], ["validate", str(path)],
                    ["eval", "--gold", str(path), str(path)],
                    ["push", str(path), "--endpoint", "http://127.0.0.1:9/data"]):
        assert main(command) == 2, command
        err = capsys.readouterr().err.strip()
        assert len(err.splitlines()) == 1 and expected in err, (command, err)
        errors[command[0]] = err
    assert len(set(errors.values())) == 1, errors
    assert not (tmp_path / (path.stem + ".html")).exists()
