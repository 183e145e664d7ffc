""""i due Paesi", "i tre Paesi": a count of states stands for as many states as the article named
last before it, in its sentence or the two before; fewer named, no one. Short sentences parsed
by hand (no model), invented wording."""
from parsed import extract, triples

NAMED = ("Estonia e Portogallo hanno discusso a lungo.", """
1 Estonia Estonia PROPN 4 nsubj
2 e e CCONJ 3 cc
3 Portogallo Portogallo PROPN 1 conj
4 hanno avere AUX 5 aux
5 discusso discutere VERB 0 root
6 a a ADP 7 case
7 lungo lungo ADV 5 advmod
8 . . PUNCT 5 punct
""", [("Estonia", "LOC"), ("Portogallo", "LOC")])

ONE_NAMED = ("L'Estonia ha discusso a lungo.", """
1 L' il DET 2 det
2 Estonia Estonia PROPN 4 nsubj
3 ha avere AUX 4 aux
4 discusso discutere VERB 0 root
5 a a ADP 6 case
6 lungo lungo ADV 4 advmod
7 . . PUNCT 4 punct
""", [("Estonia", "LOC")])

SIGNED_BY_THE_TWO = ("Il trattato di Riga è stato firmato dai due Paesi.", """
1 Il il DET 2 det
2 trattato trattato NOUN 7 nsubj:pass
3 di di ADP 4 case
4 Riga Riga PROPN 2 nmod
5 è essere AUX 7 aux
6 stato essere AUX 7 aux:pass
7 firmato firmare VERB 0 root
8-9 dai
8 da da ADP 11 case
9 i il DET 11 det
10 due due NUM 11 nummod
11 Paesi paese NOUN 7 obl:agent
12 . . PUNCT 7 punct
""", [])


def signers(*sentences):
    return {s for s, p, o in triples(*extract(*sentences, date="2024-05-02"), status=None) if p == "signed"}


def test_the_two_countries_are_the_two_states_named_last():
    assert signers(NAMED, SIGNED_BY_THE_TWO) == {"Estonia", "Portogallo"}


def test_fewer_states_named_than_counted_is_no_one():
    assert signers(ONE_NAMED, SIGNED_BY_THE_TWO) == set()


SIGNED_BY_THE_PRESIDENTS = ("Il trattato di Riga è stato firmato dai presidenti Marco Rossi e Luca Bianchi.", """
1 Il il DET 2 det
2 trattato trattato NOUN 7 nsubj:pass
3 di di ADP 4 case
4 Riga Riga PROPN 2 nmod
5 è essere AUX 7 aux
6 stato essere AUX 7 aux:pass
7 firmato firmare VERB 0 root
8-9 dai
8 da da ADP 10 case
9 i il DET 10 det
10 presidenti presidente NOUN 7 obl:agent Gender=Masc|Number=Plur
11 Marco Marco PROPN 10 nmod
12 Rossi Rossi PROPN 11 flat:name
13 e e CCONJ 14 cc
14 Luca Luca PROPN 10 conj
15 Bianchi Bianchi PROPN 14 flat:name
16 . . PUNCT 7 punct
""", [("Marco Rossi", "PER"), ("Luca Bianchi", "PER")])


def test_every_name_a_plural_role_lists_is_a_party_the_first_hung_on_the_role_too():
    """"dai presidenti Marco Rossi e Luca Bianchi": the parse hangs Rossi on the plural role
    with no preposition and makes Bianchi the role's conjunct; both signed."""
    assert signers(SIGNED_BY_THE_PRESIDENTS) == {"Marco Rossi", "Luca Bianchi"}
