"""kg.italian: the closed classes defined once and the modules that build on them."""
from __future__ import annotations

from kg import italian, timex
from kg.ingest import dateline_date
from kg.mentions.common import _OF, LINK_WORDS
from kg.relations import rules


def test_preposition_families():
    assert italian.OF_FAMILY == {"di", "del", "dello", "della", "dei", "degli", "delle", "dell'", "dell’"}
    assert "dell" in italian.OF_STEMS and "d" in italian.OF_STEMS
    assert italian.IN_FAMILY >= {"in", "nel", "nella", "nell'"}
    assert italian.FROM_FAMILY >= {"da", "dal", "dagli", "dall’"}


def test_mentions_and_relations_share_the_di_family():
    assert LINK_WORDS == italian.OF_FAMILY | italian.ELIDED_OF
    assert {w.replace("’", "'") for w in LINK_WORDS} | {"d'"} == _OF
    assert rules.OF_CASES == italian.OF_FAMILY | {"da"}


def test_months_and_datelines_are_one_definition():
    assert timex.MONTHS is italian.MONTHS and timex.WEEKDAYS is italian.WEEKDAYS
    assert dateline_date("Pechino, 15 agosto 2025 – Il presidente") == "2025-08-15"
    assert italian.CAPITALS_DATELINE.search("MACERATA – La rassegna").group("place") == "MACERATA"
    assert italian.DATE_STAMP.fullmatch("date 2024-06 ")


def test_relations_and_mentions_take_their_closed_classes_from_kg_italian():
    from kg.mentions.common import AUXILIARIES

    assert AUXILIARIES == italian.AUXILIARIES
    assert rules.CLAUSE_WORDS == italian.CLAUSE_WORDS and rules.RELATIVE_PRONOUNS == italian.RELATIVE_PRONOUNS
    assert rules.WITH_CASES == italian.WITH_FAMILY and rules.BETWEEN_CASES == italian.BETWEEN
