"""People who travel with a visitor visited too: "è arrivata a Varna con i ministri X e Y",
"ha visitato Varna insieme alla figlia". Short sentences parsed by hand (no model), invented
wording."""
from parsed import extract, triples


WITH_MINISTERS = ("La premier Anna Neri è arrivata a Varna con i ministri Luca Verdi e Marco Bianchi.", """
1 La il DET 2 det
2 premier premier NOUN 6 nsubj
3 Anna Anna PROPN 2 nmod
4 Neri Neri PROPN 3 flat:name
5 è essere AUX 6 aux
6 arrivata arrivare VERB 0 root
7 a a ADP 8 case
8 Varna Varna PROPN 6 obl
9 con con ADP 11 case
10 i il DET 11 det
11 ministri ministro NOUN 6 obl
12 Luca Luca PROPN 11 nmod
13 Verdi Verdi PROPN 12 flat:name
14 e e CCONJ 15 cc
15 Marco Marco PROPN 12 conj
16 Bianchi Bianchi PROPN 15 flat:name
17 . . PUNCT 6 punct
""", [("Anna Neri", "PER"), ("Varna", "LOC"), ("Luca Verdi", "PER"), ("Marco Bianchi", "PER")])

TOGETHER_WITH = ("Anna Neri ha visitato Varna insieme alla figlia Sara Neri.", """
1 Anna Anna PROPN 4 nsubj
2 Neri Neri PROPN 1 flat:name
3 ha avere AUX 4 aux
4 visitato visitare VERB 0 root
5 Varna Varna PROPN 4 obj
6 insieme insieme ADV 9 advmod
7 a a ADP 9 case
8 la il DET 9 det
9 figlia figlia NOUN 4 obl
10 Sara Sara PROPN 9 nmod
11 Neri Neri PROPN 10 flat:name
12 . . PUNCT 4 punct
""", [("Anna Neri", "PER"), ("Varna", "LOC"), ("Sara Neri", "PER")])

BY_TRAIN = ("Anna Neri è arrivata a Varna con il treno.", """
1 Anna Anna PROPN 4 nsubj
2 Neri Neri PROPN 1 flat:name
3 è essere AUX 4 aux
4 arrivata arrivare VERB 0 root
5 a a ADP 6 case
6 Varna Varna PROPN 4 obl
7 con con ADP 9 case
8 il il DET 9 det
9 treno treno NOUN 4 obl
10 . . PUNCT 4 punct
""", [("Anna Neri", "PER"), ("Varna", "LOC")])


def visitors(sentence) -> set[str]:
    return {s for s, p, o in triples(*extract(sentence, date="2023-05-10"), status=None) if p == "visited"}


def test_the_people_a_visitor_travels_with_visited_too():
    assert visitors(WITH_MINISTERS) == {"Anna Neri", "Luca Verdi", "Marco Bianchi"}
    assert visitors(TOGETHER_WITH) == {"Anna Neri", "Sara Neri"}


def test_a_con_phrase_without_a_person_adds_no_visitor():
    assert visitors(BY_TRAIN) == {"Anna Neri"}
