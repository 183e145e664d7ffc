"""Offices read from a leading verb ("guidare", "presiedere"): the body a participle modifies,
or a verb's object, is held by whoever the verb says leads it; a state led is its leaderOf.
Short sentences parsed by hand (no model), invented wording."""
from parsed import extract, triples

PARTICIPLE = ("L'Agenzia spaziale europea, guidata da Marta Rossi, ha lanciato il satellite.", """
1 L' il DET 2 det
2 Agenzia Agenzia PROPN 11 nsubj
3 spaziale spaziale ADJ 2 amod
4 europea europeo ADJ 2 amod
5 , , PUNCT 6 punct
6 guidata guidare VERB 2 acl Gender=Fem|Number=Sing|Tense=Past|VerbForm=Part
7 da da ADP 8 case
8 Marta Marta PROPN 6 obl:agent
9 Rossi Rossi PROPN 8 flat:name
10 , , PUNCT 6 punct
11 ha avere AUX 12 aux
12 lanciato lanciare VERB 0 root
13 il il DET 14 det
14 satellite satellite NOUN 12 obj
15 . . PUNCT 12 punct
""", [("Agenzia spaziale europea", "ORG"), ("Marta Rossi", "PER")])

ACTIVE = ("Marta Rossi presiede l'Agenzia spaziale europea.", """
1 Marta Marta PROPN 3 nsubj
2 Rossi Rossi PROPN 1 flat:name
3 presiede presiedere VERB 0 root
4 l' il DET 5 det
5 Agenzia Agenzia PROPN 3 obj
6 spaziale spaziale ADJ 5 amod
7 europea europeo ADJ 5 amod
8 . . PUNCT 3 punct
""", [("Marta Rossi", "PER"), ("Agenzia spaziale europea", "ORG")])

STATE = ("La Francia, guidata da Emmanuel Macron, ha votato contro.", """
1 La il DET 2 det
2 Francia Francia PROPN 9 nsubj
3 , , PUNCT 4 punct
4 guidata guidare VERB 2 acl Gender=Fem|Number=Sing|Tense=Past|VerbForm=Part
5 da da ADP 6 case
6 Emmanuel Emmanuel PROPN 4 obl:agent
7 Macron Macron PROPN 6 flat:name
8 , , PUNCT 4 punct
9 ha avere AUX 10 aux
10 votato votare VERB 0 root
11 contro contro ADV 10 advmod
12 . . PUNCT 10 punct
""", [("Francia", "LOC"), ("Emmanuel Macron", "PER")])

# the parser hangs the masculine participle on the feminine noun before it: the team, not the agency, is led
DISAGREEING = ("Un gruppo dell'Agenzia spaziale europea, guidato da Marta Rossi, ha studiato il caso.", """
1 Un uno DET 2 det Gender=Masc|Number=Sing
2 gruppo gruppo NOUN 13 nsubj Gender=Masc|Number=Sing
3 dell' di ADP 4 case
4 Agenzia agenzia NOUN 2 nmod Gender=Fem|Number=Sing
5 spaziale spaziale ADJ 4 amod
6 europea europeo ADJ 4 amod
7 , , PUNCT 8 punct
8 guidato guidare VERB 4 acl Gender=Masc|Number=Sing|Tense=Past|VerbForm=Part
9 da da ADP 10 case
10 Marta Marta PROPN 8 obl:agent
11 Rossi Rossi PROPN 10 flat:name
12 , , PUNCT 8 punct
13 ha avere AUX 14 aux
14 studiato studiare VERB 0 root
15 il il DET 16 det
16 caso caso NOUN 14 obj
17 . . PUNCT 14 punct
""", [("Agenzia spaziale europea", "ORG"), ("Marta Rossi", "PER")])


def offices(sentence) -> set[tuple[str, str, str]]:
    return {t for t in triples(*extract(sentence)) if t[1] in ("holdsPosition", "leaderOf")}


def test_the_body_a_leading_participle_modifies_is_held_by_its_da_phrase():
    assert offices(PARTICIPLE) == {("Marta Rossi", "holdsPosition", "Agenzia spaziale europea")}


def test_the_object_of_an_active_leading_verb_is_held_by_its_subject():
    assert offices(ACTIVE) == {("Marta Rossi", "holdsPosition", "Agenzia spaziale europea")}


def test_a_led_state_is_its_leaders():
    assert offices(STATE) == {("Emmanuel Macron", "leaderOf", "Francia")}


def test_a_participle_whose_gender_differs_from_the_noun_leads_no_office_of_it():
    assert offices(DISAGREEING) == set()
