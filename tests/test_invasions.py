"""An invasion named by a noun: the demonym (or "da parte di") is who invades, what follows
"di", "a" or "contro" is invaded ("l'invasione francese della Spagna"); with no invader named,
no fact. Short sentences parsed by hand (no model), invented wording."""
from parsed import extract, triples

INVADED = ("Dopo l'invasione francese della Spagna, il Portogallo ha chiuso i porti.", """
1 Dopo dopo ADP 3 case
2 l' il DET 3 det
3 invasione invasione NOUN 12 obl
4 francese francese ADJ 3 amod
5-6 della
5 di di ADP 7 case
6 la il DET 7 det
7 Spagna Spagna PROPN 3 nmod
8 , , PUNCT 3 punct
9 il il DET 10 det
10 Portogallo Portogallo PROPN 12 nsubj
11 ha avere AUX 12 aux
12 chiuso chiudere VERB 0 root
13 i il DET 14 det
14 porti porto NOUN 12 obj
15 . . PUNCT 12 punct
""", [("Spagna", "LOC"), ("Portogallo", "LOC")])

NO_INVADER = ("Dopo l'invasione della Spagna, il Portogallo ha chiuso i porti.", """
1 Dopo dopo ADP 3 case
2 l' il DET 3 det
3 invasione invasione NOUN 11 obl
4-5 della
4 di di ADP 6 case
5 la il DET 6 det
6 Spagna Spagna PROPN 3 nmod
7 , , PUNCT 3 punct
8 il il DET 9 det
9 Portogallo Portogallo PROPN 11 nsubj
10 ha avere AUX 11 aux
11 chiuso chiudere VERB 0 root
12 i il DET 13 det
13 porti porto NOUN 11 obj
14 . . PUNCT 11 punct
""", [("Spagna", "LOC"), ("Portogallo", "LOC")])


def sent(sentence):
    return {(s, o) for s, p, o in triples(*extract(sentence)) if p == "sentTroopsTo"}


def test_the_demonym_of_an_invasion_sent_troops_into_what_follows_di():
    assert sent(INVADED) == {("Francia", "Spagna")}


def test_an_invasion_with_no_invader_named_is_no_fact():
    assert sent(NO_INVADER) == set()
