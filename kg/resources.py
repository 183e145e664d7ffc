"""Where kg's packaged data files live, and the one place that opens them.

Every data file kg ships is found through this module, and read through its readers:

* ``kg/data/lexicon/`` -- the word lists and lexicons (:mod:`kg.lexicon`, :mod:`kg.ingest`);
* ``kg/data/gazetteer/`` -- the gazetteer (:mod:`kg.gazetteer`);
* ``kg/models/shipped/`` -- the Stanza models and, beside them, the name lists of the NER
  fixes (:mod:`kg.ner`), the relation scorer (:mod:`kg.relations.scorer`), the hand rules'
  precision table (:mod:`kg.relations.rule_precision`), the demonym reading
  (:mod:`kg.mentions.demonym_reading`) and, when one ships, the entity filter
  (:mod:`kg.entity_filter`);
* ``kg/queries/*.rq`` -- the canned SPARQL queries (:mod:`kg.query`);
* ``ontology/kg.ttl`` and ``ontology/shapes.ttl`` -- the ontology and the SHACL shapes
  (:mod:`kg.vocab` parses them); the wheel ships them as ``kg/ontology``.

The readers give a malformed file's error with the file and the line. This module imports
nothing of kg, so that any module may use it.
"""
from __future__ import annotations

from pathlib import Path
from typing import Iterator

#: The installed package (``kg/``).
PACKAGE_DIR = Path(__file__).resolve().parent
#: Word lists and lexicons.
LEXICON_DIR = PACKAGE_DIR / "data" / "lexicon"
#: The gazetteer's TSV files.
GAZETTEER_DIR = PACKAGE_DIR / "data" / "gazetteer"
#: The shipped Stanza models and the NER fixes' name lists.
SHIPPED_MODELS_DIR = PACKAGE_DIR / "models" / "shipped"
#: The canned SPARQL queries.
QUERIES_DIR = PACKAGE_DIR / "queries"

ONTOLOGY_FILE = "kg.ttl"
SHAPES_FILE = "shapes.ttl"


class DataFileError(ValueError):
    """A data file is malformed; the message names the file and line."""


def ontology_dir() -> Path:
    """The folder holding ``kg.ttl`` and ``shapes.ttl``.

    Looks first in the installed package (``kg/ontology``, where the wheel puts it), then in
    the repository's ``ontology/`` beside the package (source checkout, editable install).

    Raises:
        FileNotFoundError: neither folder holds ``kg.ttl``.
    """
    package = Path(__file__).resolve().parent
    candidates = (package / "ontology", package.parent / "ontology")
    for folder in candidates:
        if (folder / ONTOLOGY_FILE).is_file():
            return folder
    raise FileNotFoundError(
        f"kg ontology not found: looked for {ONTOLOGY_FILE} in "
        + " and ".join(str(c) for c in candidates)
        + "; reinstall kg (the wheel ships ontology/ as kg/ontology) or run from a source checkout")


def ontology_path() -> Path:
    """``kg.ttl``, the ontology."""
    return ontology_dir() / ONTOLOGY_FILE


def shapes_path() -> Path:
    """``shapes.ttl``, the SHACL shapes."""
    return ontology_dir() / SHAPES_FILE


def query_files() -> list[Path]:
    """The canned queries (``kg/queries/*.rq``), by file name."""
    return sorted((p for p in QUERIES_DIR.iterdir() if p.name.endswith(".rq")), key=lambda p: p.name)


def read_text(path: Path) -> str:
    """A data file's text (UTF-8)."""
    return Path(path).read_text(encoding="utf-8")


def numbered_lines(path: Path) -> Iterator[tuple[int, str]]:
    """(line number, line without its line end) for each line of a data file, read as it
    is (only ``\\n`` ends a line)."""
    with Path(path).open(encoding="utf-8", newline="") as handle:
        for lineno, raw in enumerate(handle, 1):
            yield lineno, raw.rstrip("\r\n")


def read_lines(path: Path) -> list[str]:
    """Non-empty, non-comment lines of a one-entry-a-line data file; none when it is missing."""
    if not path.exists():
        return []
    return [line.strip() for line in path.read_text(encoding="utf-8").splitlines()
            if line.strip() and not line.startswith("#")]


def read_tsv(path: Path, columns: int, numbered: bool = False) -> list:
    """Rows of a TSV data file; '#' lines are comments and the first row is the header. With
    ``numbered``, each row comes as (line number, cells). A row with another number of columns
    is a :class:`DataFileError` naming the file and line."""
    rows: list = []
    header_seen = False
    for lineno, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        if not line.strip() or line.startswith("#"):
            continue
        cells = line.split("\t")
        if len(cells) != columns:
            raise DataFileError(f"{path}:{lineno}: expected {columns} tab-separated columns, got {len(cells)}")
        if not header_seen:
            header_seen = True
            continue
        rows.append((lineno, cells) if numbered else cells)
    return rows
