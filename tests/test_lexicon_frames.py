"""The lexicon loader checks frame names against the frames the relation rules know."""
from __future__ import annotations

import shutil
from pathlib import Path

import pytest

import kg.relations.rules
from kg.lexicon import FRAMES, LEXICON_DIR, LexiconError, load_lexicon


def _copy(tmp_path: Path) -> Path:
    directory = tmp_path / "lexicon"
    shutil.copytree(LEXICON_DIR, directory)
    return directory


def test_a_misspelt_trigger_frame_is_an_error_naming_file_and_line(tmp_path):
    directory = _copy(tmp_path)
    path = directory / "triggers.tsv"
    lines = path.read_text(encoding="utf-8").splitlines()
    n = next(i for i, line in enumerate(lines) if line == "telefonare\tVERB\tphone_call")
    lines[n] = "telefonare\tVERB\tphonecall"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    with pytest.raises(LexiconError, match=rf"triggers\.tsv:{n + 1}: unknown frame 'phonecall'"):
        load_lexicon(directory)


def test_a_misspelt_manner_frame_is_an_error(tmp_path):
    directory = _copy(tmp_path)
    path = directory / "manner_frames.tsv"
    path.write_text(path.read_text(encoding="utf-8").replace("\tpraise", "\tpraize", 1), encoding="utf-8")
    with pytest.raises(LexiconError, match=r"manner_frames\.tsv:\d+: unknown frame 'praize'"):
        load_lexicon(directory)


def test_the_shipped_lexicon_uses_every_known_frame():
    assert set(load_lexicon().triggers.values()) == FRAMES


def test_the_known_frames_are_the_frames_the_rules_act_on():
    """Every frame has a handler for trigger verbs, and the nouns' handlers are for known frames."""
    assert set(kg.relations.rules.VERB_FRAMES) == FRAMES
    assert set(kg.relations.rules.NOUN_FRAMES) <= FRAMES


def test_the_relation_rules_word_lists_come_from_the_data_file():
    from kg.lexicon import relation_words

    words = relation_words()
    rules = kg.relations.rules
    assert rules.PAIR_WORDS == words["pair_words"] and "entrambi" in rules.PAIR_WORDS
    assert rules.SAYING_VERBS == words["report_verbs"] | words["saying_verbs"]
    assert "ricevere" in rules.RECEIVING_VERBS


def test_an_unknown_relation_word_list_is_an_error_naming_file_and_line(tmp_path):
    from kg.lexicon import relation_words

    directory = _copy(tmp_path)
    path = directory / "relation_words.tsv"
    path.write_text(path.read_text(encoding="utf-8") + "pair_wrods\tambo\n", encoding="utf-8")
    lines = len(path.read_text(encoding="utf-8").splitlines())
    with pytest.raises(LexiconError, match=rf"relation_words\.tsv:{lines}: unknown word list 'pair_wrods'"):
        relation_words(directory)


def test_the_mention_and_name_word_lists_come_from_the_data_file():
    from kg import gazetteer
    from kg.lexicon import mention_words
    from kg.mentions import common, treaties

    words = mention_words()
    assert common.MINISTERS == words["ministers"] and "viceministra" in common.MINISTERS
    assert common.NAME_PARTICLES == words["name_particles"] and "von" in common.NAME_PARTICLES
    assert common.NAME_SUFFIXES == words["name_suffixes"] and "jr." in common.NAME_SUFFIXES
    assert treaties.PLURAL_HEADS == words["treaty_plural_heads"]
    assert gazetteer._TITLES == words["name_titles"] and "papa" in gazetteer._TITLES
