"""kg validate: the SHACL shapes on a graph file, a readable report, an exit code."""
from __future__ import annotations

from rdflib import Literal, URIRef
from rdflib.namespace import RDF, RDFS

from kg.cli import main
from kg.validate import format_validation, validate_file
from kg.vocab import KG
from test_ontology import valid_graph


def test_a_valid_graph_conforms(tmp_path, capsys):
    valid_graph().serialize(tmp_path / "g.ttl", format="turtle")
    result = validate_file(tmp_path / "g.ttl")
    assert result.conforms and result.exit_code == 0 and result.problems == []
    assert main(["validate", str(tmp_path / "g.ttl")]) == 0
    assert "conforms" in capsys.readouterr().out


def test_problems_are_grouped_counted_and_named(tmp_path, capsys):
    g = valid_graph()
    people = []
    for i in range(8):  # eight entities without their Italian label: one problem, eight nodes
        node = URIRef(f"https://example.org/kg/entity/x-nobody-{i}")
        g.add((node, RDF.type, KG.Person))
        people.append(node)
    g.add((people[0], RDFS.label, Literal("senza lingua")))
    g.serialize(tmp_path / "bad.ttl", format="turtle")
    result = validate_file(tmp_path / "bad.ttl")
    assert not result.conforms and result.exit_code == 1
    [problem] = [p for p in result.problems if "label" in p.path]
    assert problem.severity == "Violation" and len(problem.nodes) == 8
    text = format_validation(result)
    assert text.splitlines()[0].endswith("(%d triples checked)" % len(g)) and "does NOT conform" in text
    assert "... and 3 more" in text  # five nodes shown, the rest counted
    assert main(["validate", str(tmp_path / "bad.ttl")]) == 1
    assert "rdfs:label" in capsys.readouterr().out


def test_an_unreadable_file_is_a_usage_error(tmp_path, capsys):
    (tmp_path / "x.ttl").write_text("not turtle at all", encoding="utf-8")
    assert main(["validate", str(tmp_path / "x.ttl")]) == 2
    assert main(["validate", str(tmp_path / "missing.ttl")]) == 2
    assert "kg: error:" in capsys.readouterr().err
