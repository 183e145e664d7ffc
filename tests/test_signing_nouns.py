"""The noun of a sign verb signs the treaty of its "di" phrase for the parties it is between.
A short sentence parsed by hand (no model)."""
from parsed import extract


CONCLUDED = ("La conclusione del nuovo trattato tra Mosca e Pyongyang arriva tardi.", """
1 La il DET 2 det
2 conclusione conclusione NOUN 11 nsubj
3-4 del
3 di di ADP 6 case
4 il il DET 6 det
5 nuovo nuovo ADJ 6 amod
6 trattato trattato NOUN 2 nmod
7 tra tra ADP 8 case
8 Mosca Mosca PROPN 6 nmod
9 e e CCONJ 10 cc
10 Pyongyang Pyongyang PROPN 8 conj
11 arriva arrivare VERB 0 root
12 tardi tardi ADV 11 advmod
13 . . PUNCT 11 punct
""", [("Mosca", "LOC"), ("Pyongyang", "LOC")])


def test_concluding_a_treaty_between_two_states_is_their_signing_it():
    res, facts = extract(CONCLUDED)
    signed = {(f.subject, res.entities[f.object].label) for f in facts.facts if f.predicate == "signed"}
    assert signed == {("Q159", "nuovo trattato"), ("Q423", "nuovo trattato")}
