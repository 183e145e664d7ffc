"""Mention finding on hand-annotated sentences: organisation names built on a head noun."""
from __future__ import annotations

from parsed import article

from kg.gazetteer import load_gazetteer
from kg.lexicon import load_lexicon
from kg.mentions import find_mentions


def mentions(text: str, ner: list[tuple[str, str]] = ()) -> list[tuple[str, str, str | None]]:
    rows = "\n".join(f"{i} {w} {w.lower()} X 0 dep" for i, w in enumerate(_split(text), 1))
    am = find_mentions(article((text, rows, list(ner))), load_gazetteer(), load_lexicon())
    return [(m.text, m.type, m.key) for m in am.mentions]


def _split(text: str) -> list[str]:
    out = []
    for piece in text.replace(".", " .").replace(",", " ,").split():
        if "'" in piece[:-1]:
            head, _, tail = piece.partition("'")
            out += [head + "'", tail]
        else:
            out.append(piece)
    return out


def test_lower_case_head_with_a_capitalised_complement_is_an_organisation():
    found = mentions("Il portavoce del ministero della Difesa ha parlato.")
    assert ("ministero della Difesa", "Organization", None) in found


def test_the_whole_name_replaces_the_place_ner_found_in_its_tail():
    found = mentions("Lim Eul-chul, professore all'Istituto di studi dell'Estremo Oriente dell'Università di Kyungnam.",
                     [("Lim Eul-chul", "PER"), ("Estremo Oriente", "LOC"), ("Kyungnam", "LOC")])
    texts = [t for t, _, _ in found]
    assert "Istituto di studi dell'Estremo Oriente" in texts
    assert "Università di Kyungnam" in texts
    assert "Estremo Oriente" not in texts


def test_a_head_noun_before_a_known_state_is_a_description():
    found = mentions("L'esercito della Russia avanza.")
    assert [(t, ty) for t, ty, _ in found] == [("Russia", "State")]


def test_a_state_after_the_name_stays_a_state():
    found = mentions("Il ministero della Difesa della Corea del Sud ha parlato.")
    assert ("ministero della Difesa", "Organization", None) in found
    assert ("Corea del Sud", "State", "Q884") in found


def test_gazetteer_names_of_armies_link():
    found = mentions("Il personale dell'Esercito popolare della Corea del Nord combatte.")
    assert [(t, k) for t, _, k in found] == [("Esercito popolare della Corea del Nord", "x-esercito-popolare-coreano")]


def test_editorial_notes_about_the_pictures_hold_no_entities():
    assert mentions("L'illustrazione utilizzata per questo articolo è generica e AI-generated.",
                    [("AI-generated", "ORG")]) == []
    assert mentions("Immagine di repertorio della Reuters.", [("Reuters", "ORG")]) == []
    # a picture in the news itself is news
    assert mentions("Il video della parata è stato diffuso dalla Reuters.", [("Reuters", "ORG")]) != []


def test_a_direction_after_a_place_is_part_of_the_region_name():
    found = mentions("I rapporti internazionali dell'Asia nordorientale e dell'Europa centrale cambiano.",
                     [("Asia", "LOC"), ("Europa", "LOC")])
    texts = [t for t, _, _ in found]
    assert "Asia nordorientale" in texts and "Europa centrale" in texts
    assert "Asia" not in texts and "Europa" not in texts


def test_a_direction_does_not_join_a_place_across_other_words():
    found = mentions("L'Asia resta nordorientale.", [("Asia", "LOC")])
    assert ("Asia", "Place") in [(t, ty) for t, ty, _ in found]
