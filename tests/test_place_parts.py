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
