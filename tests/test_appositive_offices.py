"""An office named by any noun set beside a person's name, with the body after "di"
("Marco Rossi, direttore generale della società Ferrovie Blu"), and not kinship ("Anna Neri,
figlia del fondatore della Banca Verde"). Short sentences parsed by hand (no model), invented
wording."""
from parsed import extract, triples

OFFICE_AFTER_NAME = ("Marco Rossi, direttore generale della società Ferrovie Blu, non ha confermato.", """
1 Marco Marco PROPN 13 nsubj
2 Rossi Rossi PROPN 1 flat:name
3 , , PUNCT 4 punct
4 direttore direttore NOUN 1 appos
5 generale generale ADJ 4 amod
6 della di ADP 7 case
7 società società NOUN 4 nmod
8 Ferrovie Ferrovie PROPN 7 nmod
9 Blu Blu PROPN 8 flat:name
10 , , PUNCT 4 punct
11 non non ADV 13 advmod
12 ha avere AUX 13 aux
13 confermato confermare VERB 0 root
14 . . PUNCT 13 punct
""", [("Marco Rossi", "PER"), ("Ferrovie Blu", "ORG")])

OFFICE_BEFORE_NAME = ("La tesoriera dell'Istituto Alfa, Luisa Verdi, ha parlato.", """
1 La il DET 2 det
2 tesoriera tesoriera NOUN 10 nsubj
3 dell' di ADP 4 case
4 Istituto Istituto PROPN 2 nmod
5 Alfa Alfa PROPN 4 flat:name
6 , , PUNCT 7 punct
7 Luisa Luisa PROPN 2 appos
8 Verdi Verdi PROPN 7 flat:name
9 , , PUNCT 7 punct
10 parlato parlare VERB 0 root
11 . . PUNCT 10 punct
""", [("Istituto Alfa", "ORG"), ("Luisa Verdi", "PER")])

KINSHIP = ("Anna Neri, figlia del fondatore della Banca Verde, ha parlato.", """
1 Anna Anna PROPN 12 nsubj
2 Neri Neri PROPN 1 flat:name
3 , , PUNCT 4 punct
4 figlia figlia NOUN 1 appos
5 del di ADP 6 case
6 fondatore fondatore NOUN 4 nmod
7 della di ADP 8 case
8 Banca Banca PROPN 6 nmod
9 Verde Verde PROPN 8 flat:name
10 , , PUNCT 4 punct
11 ha avere AUX 12 aux
12 parlato parlare VERB 0 root
13 . . PUNCT 12 punct
""", [("Anna Neri", "PER"), ("Banca Verde", "ORG")])

KIN_OF_BODY = ("Anna Neri, figlia della Banca Verde, ha parlato.", """
1 Anna Anna PROPN 10 nsubj
2 Neri Neri PROPN 1 flat:name
3 , , PUNCT 4 punct
4 figlia figlia NOUN 1 appos
5 della di ADP 6 case
6 Banca Banca PROPN 4 nmod
7 Verde Verde PROPN 6 flat:name
8 , , PUNCT 4 punct
9 ha avere AUX 10 aux
10 parlato parlare VERB 0 root
11 . . PUNCT 10 punct
""", [("Anna Neri", "PER"), ("Banca Verde", "ORG")])


def offices(sentence):
    return {(s, o) for s, p, o in triples(*extract(sentence)) if p == "holdsPosition"}


def test_a_noun_beside_a_name_with_a_body_after_di_is_an_office_there():
    assert offices(OFFICE_AFTER_NAME) == {("Marco Rossi", "Ferrovie Blu")}
    assert offices(OFFICE_BEFORE_NAME) == {("Luisa Verdi", "Istituto Alfa")}


def test_kinship_is_no_office_and_a_body_two_nouns_away_is_not_the_noun_s():
    assert offices(KINSHIP) == set()
    assert offices(KIN_OF_BODY) == set()
