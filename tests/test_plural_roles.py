"""Plural role descriptions: "i presidenti di A e B, X e Y" describes X with A's office and Y
with B's; one state or a demonym for all describes every name; a count that does not match
describes no one. Sentences with words and lemmas only (the roles are read from the words, not
the parse), invented wording."""
from __future__ import annotations

from parsed import extract, split_words, triples


def words(text: str, ner: list[tuple[str, str]], lemmas: dict[str, str]) -> tuple[str, str, list]:
    rows = "\n".join(f"{i} {w} {lemmas.get(w, w.lower())} X 0 dep" for i, w in enumerate(split_words(text), 1))
    return text, rows, ner


def offices(*sentences, date="2024-05-10") -> set[tuple[str, str, str]]:
    return {t for t in triples(*extract(*sentences, date=date), status=None) if t[1] in ("leaderOf", "holdsPosition")}


def test_each_name_takes_the_office_of_the_state_at_its_place_in_the_list():
    got = offices(words("I presidenti di Estonia e Portogallo, Anna Neri e Luca Verdi, hanno parlato.",
                        [("Estonia", "LOC"), ("Portogallo", "LOC"), ("Anna Neri", "PER"), ("Luca Verdi", "PER")],
                        {"presidenti": "presidente"}))
    assert {(s, o) for s, _, o in got} == {("Anna Neri", "Estonia"), ("Luca Verdi", "Portogallo")}, got


def test_a_longer_role_phrase_and_articled_states():
    got = offices(words("I ministri degli Esteri della Francia e della Germania, Anna Neri e Luca Verdi, sono qui.",
                        [("Francia", "LOC"), ("Germania", "LOC"), ("Anna Neri", "PER"), ("Luca Verdi", "PER")],
                        {"ministri": "ministro"}))
    assert {(s, p, o) for s, p, o in got} == {("Anna Neri", "holdsPosition", "Francia"),
                                              ("Luca Verdi", "holdsPosition", "Germania")}, got


def test_one_demonym_describes_every_name():
    got = offices(words("Erano presenti i ministri estoni Anna Neri e Luca Verdi.",
                        [("Anna Neri", "PER"), ("Luca Verdi", "PER")], {"ministri": "ministro"}))
    assert {(s, o) for s, _, o in got} == {("Anna Neri", "Estonia"), ("Luca Verdi", "Estonia")}, got


def test_an_invariant_role_noun_is_plural_after_a_plural_article():
    got = offices(words("I leader di Estonia e Portogallo, Anna Neri e Luca Verdi, hanno parlato.",
                        [("Estonia", "LOC"), ("Portogallo", "LOC"), ("Anna Neri", "PER"), ("Luca Verdi", "PER")], {}))
    assert {(s, o) for s, _, o in got} == {("Anna Neri", "Estonia"), ("Luca Verdi", "Portogallo")}, got


def test_three_names_for_two_states_describe_no_one():
    got = offices(words("I presidenti di Estonia e Portogallo, Anna Neri, Sara Bruni e Luca Verdi, hanno parlato.",
                        [("Estonia", "LOC"), ("Portogallo", "LOC"), ("Anna Neri", "PER"), ("Sara Bruni", "PER"),
                         ("Luca Verdi", "PER")], {"presidenti": "presidente"}))
    assert got == set(), got
