"""kg.mentions.demonym_reading: whether a demonym stands for its state, learned (hand-parsed
sentences, no NLP model; the shipped reading where a test says so)."""
from __future__ import annotations

import json

import pytest

from kg.cli import main
from kg.gazetteer import load_gazetteer
from kg.lexicon import load_lexicon
from kg.mentions import find_mentions
from kg.mentions.demonym_reading import SHIPPED, DemonymReading, demonym_features, load_demonym_reading
from kg.mentions.demonym_training import train_demonym_reading
from tests.parsed import article

# Invented wording: a newspaper (no state) interviews a president (the state's office).
PAPER = ("Il quotidiano britannico ha intervistato il presidente russo.", """
1 Il il DET 2 det
2 quotidiano quotidiano NOUN 5 nsubj _ Gender=Masc|Number=Sing
3 britannico britannico ADJ 2 amod Gender=Masc|Number=Sing
4 ha avere AUX 5 aux
5 intervistato intervistare VERB 0 root
6 il il DET 7 det
7 presidente presidente NOUN 5 obj
8 russo russo ADJ 7 amod Gender=Masc|Number=Sing
9 . . PUNCT 5 punct
""", [])

# The parser hangs the demonym on the department, not on the office.
MINISTER = ("Il ministro della Giustizia sudafricano ha parlato.", """
1 Il il DET 2 det
2 ministro ministro NOUN 8 nsubj
3-4 della _
3 di di ADP 5 case
4 la il DET 5 det
5 Giustizia giustizia NOUN 2 nmod
6 sudafricano sudafricano ADJ 5 amod Gender=Masc|Number=Sing
7 ha avere AUX 8 aux
8 parlato parlare VERB 0 root
9 . . PUNCT 8 punct
""", [])


@pytest.fixture(scope="module")
def tools():
    return load_gazetteer(), load_lexicon()


def demonyms(doc, tools, decide=None):
    gaz, lex = tools
    return [m.text for m in find_mentions(article(doc), gaz, lex, decide).mentions if m.kind == "demonym"]


def features_of(doc, tools, surface):
    gaz, lex = tools
    am = find_mentions(article(doc), gaz, lex, lambda s, m: True)
    m = next(m for m in am.mentions if m.text == surface)
    return demonym_features(am.annotated.sentences[m.sentence], m, lex)


def test_features_say_what_the_demonym_describes_and_how(tools):
    feats = features_of(PAPER, tools, "britannico")
    assert {"gov=quotidiano", "rel=amod", "gov|rel=quotidiano|amod", "upos=ADJ", "number=Sing",
            "gov_det=il", "gov_rel=nsubj", "self=britannico"} <= set(feats)
    assert "gov_office" not in feats
    assert "gov_office" in features_of(PAPER, tools, "russo")
    # the office two words before counts even where the parse gives the demonym to the department
    minister = features_of(MINISTER, tools, "sudafricano")
    assert "gov=giustizia" in minister and "office_before" in minister


def test_the_decision_given_to_find_mentions_keeps_or_drops_each_demonym(tools):
    assert demonyms(PAPER, tools, lambda s, m: True) == ["britannico", "russo"]
    assert demonyms(PAPER, tools, lambda s, m: False) == []
    reading = DemonymReading(2.0, {"gov=quotidiano": -5.0}, 0.5)
    _, lex = tools
    assert demonyms(PAPER, tools, lambda s, m: reading.stands_for_state(s, m, lex)) == ["russo"]


def test_without_a_reading_the_hand_rule_decides(tools):
    # "quotidiano" is in no hand list: the rule keeps the newspaper's demonym
    assert demonyms(PAPER, tools) == ["britannico", "russo"]


# A country's opposition is no organ of its state (the guidelines); its soldiers are its agents.
OPPOSITION = ("L'opposizione ungherese ha criticato i soldati russi.", """
1 L' il DET 2 det
2 opposizione opposizione NOUN 5 nsubj _ Gender=Fem|Number=Sing
3 ungherese ungherese ADJ 2 amod Number=Sing
4 ha avere AUX 5 aux
5 criticato criticare VERB 0 root
6 i il DET 7 det
7 soldati soldato NOUN 5 obj _ Gender=Masc|Number=Plur
8 russi russo ADJ 7 amod Gender=Masc|Number=Plur
9 . . PUNCT 5 punct
""", [])


@pytest.mark.skipif(not SHIPPED.exists(), reason="no demonym reading ships")
def test_the_shipped_reading_tells_an_opposition_from_a_state_s_soldiers(tools):
    reading = load_demonym_reading()
    _, lex = tools
    decide = lambda s, m: reading.stands_for_state(s, m, lex)  # noqa: E731
    assert demonyms(OPPOSITION, tools) == ["ungherese", "russi"]      # the hand rule keeps both
    assert demonyms(OPPOSITION, tools, decide) == ["russi"]
    assert demonyms(MINISTER, tools, decide) == ["sudafricano"]


def rows(n_items=10):
    out = []
    for i in range(n_items):
        out.append({"item": f"i{i}", "split": "train", "features": ["gov=presidente", "gov_office"], "label": True})
        out.append({"item": f"i{i}", "split": "train", "features": ["gov=quotidiano", "rule_private"], "label": False})
        out.append({"item": f"i{i}", "split": "train", "features": ["gov=giornalista"], "label": False})
    return out


def test_training_learns_the_reading_and_reports_it():
    reading = train_demonym_reading(rows(), log=lambda m: None)
    assert reading.probability(["gov=presidente", "gov_office"]) >= reading.threshold
    assert reading.probability(["gov=giornalista"]) < reading.threshold
    assert reading.meta["examples"] == 30 and reading.meta["positives"] == 10
    assert reading.meta["cv_accuracy"] == 1.0 and reading.meta["rule_accuracy"] < 1.0
    with pytest.raises(ValueError, match="both readings"):
        train_demonym_reading([r for r in rows() if r["label"]], log=lambda m: None)


def test_a_reading_round_trips_and_a_wrong_file_is_named(tmp_path):
    path = tmp_path / "d.json"
    DemonymReading(0.5, {"gov=quotidiano": -2.0}, 0.6, {"examples": 3}).save(path)
    back = DemonymReading.load(path)
    assert (back.bias, back.weights, back.threshold, back.meta) == (0.5, {"gov=quotidiano": -2.0}, 0.6, {"examples": 3})
    bad = tmp_path / "bad.json"
    bad.write_text(json.dumps({"format": "something-else"}), encoding="utf-8")
    with pytest.raises(ValueError, match=r"bad\.json.*demonym reading"):
        DemonymReading.load(bad)


def test_kg_build_names_a_broken_demonym_model(tmp_path, capsys):
    src = tmp_path / "a.txt"
    src.write_text("Il presidente russo ha parlato.", encoding="utf-8")
    bad = tmp_path / "bad.json"
    bad.write_text("{not json", encoding="utf-8")
    rc = main(["build", str(src), "-o", str(tmp_path / "out"), "-q", "--demonym-model", str(bad)])
    assert rc != 0 and "bad.json" in capsys.readouterr().err
