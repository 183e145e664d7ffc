"""A place named by a place noun and the place it is in ("l'aeroporto del Cairo") is part of
that place: who reached it reached the place too. A short sentence parsed by hand (no model)."""
from parsed import extract


LANDED = ("Scholz è atterrato all'aeroporto del Cairo.", """
1 Scholz Scholz PROPN 3 nsubj
2 è essere AUX 3 aux
3 atterrato atterrare VERB 0 root
4-5 all'
4 a a ADP 6 case
5 l' il DET 6 det
6 aeroporto aeroporto NOUN 3 obl
7-8 del
7 di di ADP 9 case
8 il il DET 9 det
9 Cairo Cairo PROPN 6 nmod
10 . . PUNCT 3 punct
""", [("Scholz", "PER"), ("Cairo", "LOC")])


def test_landing_at_a_city_s_airport_visits_the_city():
    res, facts = extract(LANDED)
    assert res.place_parts == {"x-aeroporto-del-cairo": "Q85"}
    visited = {f.object for f in facts.facts if f.predicate == "visited"}
    assert visited == {"x-aeroporto-del-cairo", "Q85"}


NAMED = ("Meloni è arrivata all'aeroporto Internazionale Bole di Addis Abeba.", """
1 Meloni Meloni PROPN 3 nsubj
2 è essere AUX 3 aux
3 arrivata arrivare VERB 0 root
4-5 all'
4 a a ADP 6 case
5 l' il DET 6 det
6 aeroporto aeroporto NOUN 3 obl
7 Internazionale Internazionale ADJ 6 amod
8 Bole Bole PROPN 6 nmod
9 di di ADP 10 case
10 Addis Addis PROPN 8 nmod
11 Abeba Abeba PROPN 10 flat:name
12 . . PUNCT 3 punct
""", [("Meloni", "PER"), ("aeroporto Internazionale Bole", "LOC"), ("Addis Abeba", "LOC")])


def test_a_place_noun_before_a_name_is_part_of_the_name_and_the_city_after_it_is_a_place():
    """NER's "aeroporto Internazionale Bole" keeps its head noun; "di Addis Abeba" after a named
    place is where it is, not Ethiopia's government; who arrived there reached Addis Abeba too."""
    res, facts = extract(NAMED)
    airport = "x-aeroporto-internazionale-bole"
    assert res.entities[airport].label == "aeroporto Internazionale Bole"
    assert res.entities["Q3624"].type == "Place"
    assert res.place_parts == {airport: "Q3624"}
    visited = {f.object for f in facts.facts if f.predicate == "visited"}
    assert visited == {airport, "Q3624"}


AIR_BASE = ("Il velivolo è atterrato nella base aerea Roesmin Nurjadin.", """
1 Il il DET 2 det
2 velivolo velivolo NOUN 4 nsubj
3 è essere AUX 4 aux
4 atterrato atterrare VERB 0 root
5-6 nella
5 in in ADP 8 case
6 la il DET 8 det
7 base base NOUN 4 obl
8 aerea aereo ADJ 7 amod
9 Roesmin Roesmin PROPN 7 nmod
10 Nurjadin Nurjadin PROPN 9 flat:name
11 . . PUNCT 4 punct
""", [("Roesmin Nurjadin", "PER")])

NATO_BASE = ("I soldati sono nella base Nato di Aviano.", """
1 I il DET 2 det
2 soldati soldato NOUN 3 nsubj
3 sono essere AUX 0 root
4-5 nella
4 in in ADP 6 case
5 la il DET 6 det
6 base base NOUN 3 obl
7 Nato Nato PROPN 6 nmod
8 di di ADP 9 case
9 Aviano Aviano PROPN 6 nmod
10 . . PUNCT 3 punct
""", [("Nato", "ORG"), ("Aviano", "LOC")])


def test_a_base_keeps_a_name_after_an_adjective_only():
    """"la base aerea Roesmin Nurjadin" is a place, whatever NER said; "la base Nato" is NATO's."""
    res, _ = extract(AIR_BASE)
    assert {(e.label, e.type) for e in res.entities.values()} == {("base aerea Roesmin Nurjadin", "Place")}
    res, _ = extract(NATO_BASE)
    assert {(key, e.type) for key, e in res.entities.items()} == {("Q7184", "Organization"), ("x-aviano", "Place")}


WELCOMED = ("Erdogan ha accolto Meloni al palazzo presidenziale di Ankara.", """
1 Erdogan Erdogan PROPN 3 nsubj
2 ha avere AUX 3 aux
3 accolto accogliere VERB 0 root
4 Meloni Meloni PROPN 3 obj
5-6 al
5 a a ADP 7 case
6 il il DET 7 det
7 palazzo palazzo NOUN 3 obl
8 presidenziale presidenziale ADJ 7 amod
9 di di ADP 10 case
10 Ankara Ankara PROPN 7 nmod
11 . . PUNCT 3 punct
""", [("Erdogan", "PER"), ("Meloni", "PER"), ("Ankara", "LOC")])


def test_a_guest_received_in_a_building_of_a_city_abroad_visited_it():
    """The palace is in Ankara, so in Turkey: Meloni, from Italy, came (to the palace and so to
    Ankara); Erdogan is at home."""
    res, facts = extract(WELCOMED)
    palace = "x-palazzo-presidenziale-di-ankara"
    assert res.place_parts == {palace: "Q3640"} and res.state_of_place(palace) == "Q43"
    visits = {(f.subject, f.object) for f in facts.facts if f.predicate == "visited"}
    assert visits == {("x-giorgia-meloni", palace), ("x-giorgia-meloni", "Q3640")}


OFFICIALLY = ("In via ufficiale Rossi ha parlato.", """
1 In in ADP 2 case
2 via via NOUN 6 obl
3 ufficiale ufficiale ADJ 2 amod
4 Rossi Rossi PROPN 6 nsubj
5 ha avere AUX 6 aux
6 parlato parlare VERB 0 root
7 . . PUNCT 6 punct
""", [("Rossi", "PER")])


def test_an_adverbial_phrase_before_a_name_is_no_street():
    """"in via ufficiale Rossi": "via" with an adjective opens an adverbial phrase, not a street."""
    res, _ = extract(OFFICIALLY)
    assert {(e.label, e.type) for e in res.entities.values()} == {("Rossi", "Person")}


ARRIVED_AT = ("Biden è arrivato a Parliament Hill.", """
1 Biden Biden PROPN 3 nsubj
2 è essere AUX 3 aux
3 arrivato arrivare VERB 0 root
4 a a ADP 5 case
5 Parliament Parliament PROPN 3 obl
6 Hill Hill PROPN 5 flat:name
7 . . PUNCT 3 punct
""", [("Biden", "PER"), ("Parliament Hill", "PER")])

CALLED = ("Biden ha telefonato a Mark Carney.", """
1 Biden Biden PROPN 3 nsubj
2 ha avere AUX 3 aux
3 telefonato telefonare VERB 0 root
4 a a ADP 5 case
5 Mark Mark PROPN 3 obl
6 Carney Carney PROPN 5 flat:name
7 . . PUNCT 3 punct
""", [("Biden", "PER"), ("Mark Carney", "PER")])


def test_a_name_after_a_on_a_verb_of_visiting_is_a_place_whatever_ner_said():
    """NER typed "Parliament Hill" a person; arriving "a" it makes it where Biden went. A call
    "a X" goes to someone: "Mark Carney" stays a person."""
    res, facts = extract(ARRIVED_AT)
    assert ("Parliament Hill", "Place") in {(e.label, e.type) for e in res.entities.values()}
    assert {res.entities[f.object].label for f in facts.facts if f.predicate == "visited"} == {"Parliament Hill"}
    res, _ = extract(CALLED)
    assert ("Mark Carney", "Person") in {(e.label, e.type) for e in res.entities.values()}
