"""Small things a first-time user of the kg command trips over."""
from __future__ import annotations

import pytest

from kg import __version__
from kg.cli import main
from test_html import sample_graph


def test_version(capsys):
    with pytest.raises(SystemExit) as stop:
        main(["--version"])
    assert stop.value.code == 0 and capsys.readouterr().out.strip() == f"kg {__version__}"


def test_query_options_before_or_after_the_query_name(tmp_path, capsys):
    path = tmp_path / "g.ttl"
    sample_graph().serialize(path, format="turtle")
    assert main(["query", str(path), "--format", "csv", "leaders"]) == 0
    before = capsys.readouterr().out
    assert main(["query", str(path), "leaders", "--format", "csv"]) == 0
    assert capsys.readouterr().out == before and "Vladimir Putin" in before and "," in before
    with pytest.raises(SystemExit) as stop:
        main(["query", str(path), "--format", "csv", "leaders", "extra"])
    assert stop.value.code == 2 and "unrecognized arguments: leaders extra" in capsys.readouterr().err


def test_validate_help_shows_an_example(capsys):
    with pytest.raises(SystemExit):
        main(["validate", "--help"])
    assert "kg validate output/graph.ttl" in capsys.readouterr().out


@pytest.mark.parametrize("command", ["build", "eval", "view", "validate", "query", "serve", "push", "models"])
def test_every_subcommand_help_ends_with_examples(command, capsys):
    with pytest.raises(SystemExit):
        main([command, "--help"])
    out = capsys.readouterr().out
    assert "example" in out and f"kg {command} " in out.split("example", 1)[1]


@pytest.mark.model
def test_loading_the_shipped_models_prints_no_unsupported_language_warning(capfd, caplog):
    from kg.ner.loader import load_pipeline

    load_pipeline(["tokenize"])
    printed = capfd.readouterr().err + caplog.text
    assert "unsupported language" not in printed
