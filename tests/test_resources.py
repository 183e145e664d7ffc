"""kg.resources: where every packaged data file lives, and the readers that open them (#26)."""
from __future__ import annotations

import pytest

from kg import resources
from kg.resources import DataFileError, numbered_lines, read_lines, read_tsv


def test_every_packaged_data_file_is_found():
    assert (resources.LEXICON_DIR / "triggers.tsv").is_file()
    assert (resources.GAZETTEER_DIR / "states.tsv").is_file()
    assert (resources.SHIPPED_MODELS_DIR / "it_kg_org_names.txt").is_file()
    assert (resources.SHIPPED_MODELS_DIR / "it_kg_plain_words.txt").is_file()
    assert resources.ontology_path().name == "kg.ttl" and resources.ontology_path().is_file()
    assert resources.shapes_path().name == "shapes.ttl" and resources.shapes_path().is_file()
    names = [p.name for p in resources.query_files()]
    assert names == sorted(names) and "letters.rq" in names and all(n.endswith(".rq") for n in names)


def test_the_loaders_find_their_files_here():
    from kg import gazetteer, lexicon, vocab
    from kg.ner import registry

    assert lexicon.LEXICON_DIR == resources.LEXICON_DIR
    assert gazetteer.GAZETTEER_DIR == resources.GAZETTEER_DIR
    assert registry.SHIPPED_DIR == resources.SHIPPED_MODELS_DIR
    assert vocab.ontology_dir() == resources.ontology_dir()
    assert lexicon.read_tsv is read_tsv and lexicon.read_lines is read_lines
    assert lexicon.LexiconError is DataFileError


def test_the_readers(tmp_path):
    path = tmp_path / "list.txt"
    path.write_text("# comment\n uno \n\ndue\n", encoding="utf-8")
    assert read_lines(path) == ["uno", "due"]
    assert read_lines(tmp_path / "missing.txt") == []
    table = tmp_path / "table.tsv"
    table.write_text("# comment\na\tb\nx\ty\n", encoding="utf-8")
    assert read_tsv(table, 2) == [["x", "y"]]
    assert read_tsv(table, 2, numbered=True) == [(3, ["x", "y"])]
    table.write_text("a\tb\nx\ty\tz\n", encoding="utf-8")
    with pytest.raises(DataFileError, match=r"table\.tsv:2: expected 2 tab-separated columns, got 3"):
        read_tsv(table, 2)
    crlf = tmp_path / "crlf.tsv"
    crlf.write_bytes(b"a\tb\r\nx\ty\r\n")
    assert list(numbered_lines(crlf)) == [(1, "a\tb"), (2, "x\ty")]
