"""A place the text itself puts in a state, right after the place and closing its phrase
("Borgo Alto (Francia)", "Borgo Alto, Francia", "di Borgo Alto in Francia"), whatever the
gazetteer knows of the place; not in a list, and not a capital standing for its state.
Invented places and wording; sentences unparsed (the rule reads word order)."""
import pytest

from parsed import extract, triples, unparsed


def located(text: str, ner: list) -> set:
    return {(s, o) for s, p, o in triples(*extract(unparsed(text, ner))) if p == "locatedIn"}


@pytest.mark.parametrize("text", [
    "Il sacerdote lavorava a Borgo Alto (Francia), e scriveva spesso.",
    "Sono arrivati partecipanti da Borgo Alto, Francia.",
    "Ha cantato una bambina di Borgo Alto in Francia.",
    "La lettera è partita da Borgo Alto, in Francia, ieri.",
])
def test_a_state_right_after_a_place_closing_its_phrase_is_where_it_lies(text):
    assert located(text, [("Borgo Alto", "LOC"), ("Francia", "LOC")]) == {("Borgo Alto", "Francia")}


def test_a_list_of_places_and_states_says_nothing_of_where_each_lies():
    text = "Si è parlato di Borgo Alto, Francia, Spagna e Portogallo."
    assert located(text, [("Borgo Alto", "LOC"), ("Francia", "LOC"), ("Spagna", "LOC"), ("Portogallo", "LOC")]) == set()


def test_a_state_the_sentence_goes_on_from_is_not_the_place_s():
    text = "A Borgo Alto, Francia e Spagna hanno firmato."
    assert located(text, [("Borgo Alto", "LOC"), ("Francia", "LOC"), ("Spagna", "LOC")]) == set()
