"""Plural role descriptions: "i presidenti di A e B, X e Y" describes X with A's office and Y
with B's; one state or a demonym for all describes every name; a count that does not match
describes no one. Sentences with words and lemmas only (the roles are read from the words, not
the parse), invented wording."""
from __future__ import annotations

from parsed import extract, triples
from parsed import unparsed as words


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


def test_states_and_names_written_pair_by_pair():
    got = offices(words("Erano presenti i ministri degli Esteri dell'Estonia, Anna Neri, e del Portogallo, Luca Verdi.",
                        [("Estonia", "LOC"), ("Portogallo", "LOC"), ("Anna Neri", "PER"), ("Luca Verdi", "PER")],
                        {"ministri": "ministro"}))
    assert {(s, o) for s, _, o in got} == {("Anna Neri", "Estonia"), ("Luca Verdi", "Portogallo")}, got


MET_THE_MINISTERS = ("Sara Bruni ha incontrato i ministri di Estonia e Portogallo, Anna Neri e Luca Verdi.", """
1 Sara Sara PROPN 4 nsubj
2 Bruni Bruni PROPN 1 flat:name
3 ha avere AUX 4 aux
4 incontrato incontrare VERB 0 root
5 i il DET 6 det
6 ministri ministro NOUN 4 obj Number=Plur
7 di di ADP 8 case
8 Estonia Estonia PROPN 6 nmod
9 e e CCONJ 10 cc
10 Portogallo Portogallo PROPN 8 conj
11 , , PUNCT 12 punct
12 Anna Anna PROPN 6 appos
13 Neri Neri PROPN 12 flat:name
14 e e CCONJ 15 cc
15 Luca Luca PROPN 12 conj
16 Verdi Verdi PROPN 15 flat:name
17 . . PUNCT 4 punct
""", [("Sara Bruni", "PER"), ("Estonia", "LOC"), ("Portogallo", "LOC"), ("Anna Neri", "PER"), ("Luca Verdi", "PER")])


def test_a_plural_role_as_an_object_stands_for_the_people_it_describes():
    got = {(s, o) for s, p, o in triples(*extract(MET_THE_MINISTERS, date="2024-05-10"), status=None)
           if p == "communicatedWith"}
    assert got == {("Sara Bruni", "Anna Neri"), ("Sara Bruni", "Luca Verdi")}, got


def test_a_plural_role_with_no_states_takes_each_person_s_office_from_the_gazetteer():
    names = [("Vladimir Putin", "PER"), ("Kim Jong-un", "PER")]
    got = offices(words("Il patto tra la Russia e la Corea del Nord è stato firmato dai presidenti Vladimir Putin e "
                        "Kim Jong-un.", [("Russia", "LOC"), ("Corea del Nord", "LOC"), *names],
                        {"presidenti": "presidente"}), date="2024-06-20")
    assert {(s, p, o) for s, p, o in got} == {("Vladimir Putin", "leaderOf", "Russia"),
                                              ("Kim Jong-un", "leaderOf", "Corea del Nord")}, got
    # only where the article names the state
    assert offices(words("Il patto è stato firmato dai presidenti Vladimir Putin e Kim Jong-un.", names,
                         {"presidenti": "presidente"}), date="2024-06-20") == set()
