"""The settings table (kg.settings): every tuning number is documented, in the table and in
docs/settings.md, and the module named as its user really reads it."""
from __future__ import annotations

from importlib import import_module
from pathlib import Path

from kg.settings import SETTINGS, value

ROOT = Path(__file__).resolve().parents[1]


def test_every_setting_is_documented_in_the_table():
    assert len({s.name for s in SETTINGS}) == len(SETTINGS)
    for s in SETTINGS:
        assert s.name.count(".") == 1 and s.name == s.name.lower(), s.name
        assert s.unit and len(s.doc) > 20 and s.doc.endswith("."), s.name
        assert isinstance(s.value, (int, float)) and value(s.name) == s.value


def test_every_setting_is_documented_in_the_docs_with_its_value():
    text = (ROOT / "docs" / "settings.md").read_text(encoding="utf-8")
    for s in SETTINGS:
        assert f"| `{s.name}` | {s.value:,} | {s.unit} | {s.doc} | `{s.used_by}` |" in text, s.name


def test_every_setting_is_what_its_module_uses():
    for s in SETTINGS:
        module, _, name = s.used_by.rpartition(".")
        used = getattr(import_module(module), name)
        if isinstance(used, dict):  # kg.nlp.PIPELINE_SETTINGS: Stanza's options
            assert s.value in used.values(), s.name
        else:
            assert used == s.value, s.name
