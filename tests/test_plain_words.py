from pathlib import Path

import pytest

from kg.models.word_lists import collect_plain_words, write_plain_words
from kg.ner.plain_words import KeepPlainWords, read_plain_words

CONLLU = """# text = Vuole darmi armi.
1\tVuole\tvolere\tVERB\t_\t_\t0\troot\t_\t_
2-3\tdarmi\t_\t_\t_\t_\t_\t_\t_\t_
2\tdar\tdare\tVERB\t_\t_\t1\txcomp\t_\t_
3\tmi\tmi\tPRON\t_\t_\t2\tiobj\t_\t_
4\tarmi\tarma\tNOUN\t_\t_\t2\tobj\t_\t_
5\t.\t.\tPUNCT\t_\t_\t1\tpunct\t_\t_

# text = Fermi tutti, deve fermi.
1\tFermi\tfermo\tADJ\t_\t_\t0\troot\t_\t_
2\ttutti\ttutto\tPRON\t_\t_\t1\tnsubj\t_\t_
3\tdeve\tdovere\tVERB\t_\t_\t1\tconj\t_\t_
4-5\tfermi\t_\t_\t_\t_\t_\t_\t_\t_
4\tfer\tfare\tVERB\t_\t_\t3\txcomp\t_\t_
5\tmi\tmi\tPRON\t_\t_\t4\tobj\t_\t_

"""


def test_forms_written_only_as_one_word_are_listed(tmp_path):
    """"armi" is only ever one word; "darmi" and the words inside it are not listed, and a
    form the treebank also writes as a multi-word token ("fermi" here) is left to the tokenizer."""
    path = tmp_path / "t.conllu"
    path.write_text(CONLLU, encoding="utf-8")
    words = collect_plain_words([path])
    assert "armi" in words
    assert "darmi" not in words and "fermi" not in words
    assert "vuole" not in words  # ends unlike any multi-word token here ("mi")
    out = tmp_path / "plain.txt"
    write_plain_words(words, out)
    assert read_plain_words(out) == frozenset(words)


def test_the_postprocessor_clears_the_flag_on_listed_forms_only():
    keep = KeepPlainWords(frozenset({"armi"}))
    draft = [["Ha", "fornito", ("Armi", True), ("alla", True), ("darmi", True), ".", ("x", ["y", "z"])]]
    assert keep(draft) == [["Ha", "fornito", "Armi", ("alla", True), ("darmi", True), ".", ("x", ["y", "z"])]]


def test_an_arabic_article_split_off_a_name_is_joined_back():
    """The tokenizer read "al-Sisi" as Italian "al" (a + il) and a token "-Sisi"."""
    keep = KeepPlainWords(frozenset())
    draft = [["Abdel", "Fattah", ("al", True), "-Sisi", "ha", "scritto", ("al", True), "presidente", "."]]
    assert keep(draft) == [["Abdel", "Fattah", "al-Sisi", "ha", "scritto", ("al", True), "presidente", "."]]
    assert keep([["al", "-", "nord"]]) == [["al", "-", "nord"]]
    assert keep([[("al", True), "-sud"]]) == [[("al", True), "-sud"]]


@pytest.mark.model
def test_the_shipped_tokenizer_keeps_al_sisi_one_word(nlp):
    doc = nlp("Il presidente egiziano Abdel Fattah al-Sisi ha scritto al presidente francese.")
    words = [w.text for w in doc.sentences[0].words]
    assert "al-Sisi" in words and "-Sisi" not in words
    assert words.count("a") == 1 and words.count("il") == 1  # "al presidente" still expands
    assert any(e.text == "Abdel Fattah al-Sisi" and e.type == "PER" for e in doc.ents)


def test_al_inside_a_name_is_the_names_word():
    keep = KeepPlainWords(frozenset())
    draft = [["emiro", "Tamim", "bin", "Hamad", ("Al", True), "Thani", ",", ("Al", True), "vertice", "."]]
    assert keep(draft) == [["emiro", "Tamim", "bin", "Hamad", "Al", "Thani", ",", ("Al", True), "vertice", "."]]
    assert keep([[("Al", True), "Cairo"]]) == [[("Al", True), "Cairo"]]


def test_a_quote_glued_to_a_word_is_a_token_of_its_own():
    keep = KeepPlainWords(frozenset())
    assert keep([["definito", "«un", "alleato", "prezioso»", "."]]) == \
        [["definito", "«", "un", "alleato", "prezioso", "»", "."]]
    assert keep([[("«della", True), "pace»"]]) == [["«", ("della", True), "pace", "»"]]
    assert keep([["«", "»", "“ok”"]]) == [["«", "»", "“", "ok", "”"]]
    assert keep([["un", "po’", ("dell’", True), "Unione"]]) == [["un", "po’", ("dell’", True), "Unione"]]  # apostrophes


@pytest.mark.model
def test_the_shipped_tokenizer_splits_a_guillemet_from_its_word(nlp):
    doc = nlp("Erdoğan ha definito la Finlandia «un alleato prezioso» all'interno della Nato.")
    words = [w.text for w in doc.sentences[0].words]
    assert "«" in words and "un" in words and "«un" not in words
