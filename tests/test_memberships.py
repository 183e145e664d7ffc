"""memberOf from a name that carries its organisation: in brackets after it (sports results,
party affiliations) or right after "di". Short sentences parsed by hand (no model)."""
from kg.gazetteer import load_gazetteer
from kg.lexicon import load_lexicon
from kg.linking import resolve
from kg.mentions import find_mentions
from kg.relations import RelationExtractor

from parsed import article


def members(*sentences) -> set[tuple[str, str]]:
    gaz, lex = load_gazetteer(), load_lexicon()
    am = find_mentions(article(*sentences), gaz, lex)
    res = resolve([am], gaz)
    facts = RelationExtractor(lex, res).extract(am)
    label = lambda k: res.entities[k].label
    return {(label(f.subject), label(f.object)) for f in facts.facts if f.predicate == "memberOf"}


RESULTS = ("Segue Marco Bianchi (Danimarca, Rossoblu-Cicli, 12:04:31).", """
1 Segue seguire VERB 0 root
2 Marco Marco PROPN 1 nsubj
3 Bianchi Bianchi PROPN 2 flat:name
4 ( ( PUNCT 7 punct
5 Danimarca Danimarca PROPN 2 appos
6 , , PUNCT 7 punct
7 Rossoblu-Cicli Rossoblu-Cicli PROPN 5 conj
8 , , PUNCT 9 punct
9 12:04:31 12:04:31 NUM 5 conj
10 ) ) PUNCT 7 punct
11 . . PUNCT 1 punct
""", [("Marco Bianchi", "PER"), ("Danimarca", "LOC"), ("Rossoblu", "ORG"), ("Cicli", "PER")])

PARTY = ("Ha vinto Luisa Verdi del Partito agrario unito.", """
1 Ha avere AUX 2 aux
2 vinto vincere VERB 0 root
3 Luisa Luisa PROPN 2 nsubj
4 Verdi Verdi PROPN 3 flat:name
5-6 del
5 di di ADP 7 case
6 il il DET 7 det
7 Partito partito NOUN 3 nmod
8 agrario agrario ADJ 7 amod
9 unito unito ADJ 7 amod
10 . . PUNCT 2 punct
""", [("Luisa Verdi", "PER"), ("Partito agrario unito", "ORG")])

OFFICE = ("Ha parlato il segretario generale della Nato Mark Rutte.", """
1 Ha avere AUX 2 aux
2 parlato parlare VERB 0 root
3 il il DET 4 det
4 segretario segretario NOUN 2 nsubj
5 generale generale ADJ 4 amod
6-7 della
6 di di ADP 8 case
7 la il DET 8 det
8 Nato Nato PROPN 4 nmod
9 Mark Mark PROPN 4 appos
10 Rutte Rutte PROPN 9 flat:name
11 . . PUNCT 2 punct
""", [("Nato", "ORG"), ("Mark Rutte", "PER")])

PLACE_IN_BRACKETS = ("Ha parlato Mario Rossi (Roma) ieri.", """
1 Ha avere AUX 2 aux
2 parlato parlare VERB 0 root
3 Mario Mario PROPN 2 nsubj
4 Rossi Rossi PROPN 3 flat:name
5 ( ( PUNCT 6 punct
6 Roma Roma PROPN 3 appos
7 ) ) PUNCT 6 punct
8 ieri ieri ADV 2 advmod
9 . . PUNCT 2 punct
""", [("Mario Rossi", "PER"), ("Roma", "LOC")])


def test_a_team_in_brackets_after_a_name_is_the_person_s_and_its_name_is_whole():
    # NER cut the team's name at its hyphen and typed the second half a person
    assert members(RESULTS) == {("Marco Bianchi", "Rossoblu-Cicli")}


def test_a_party_right_after_a_name_is_the_person_s():
    assert members(PARTY) == {("Luisa Verdi", "Partito agrario unito")}


def test_an_office_in_a_body_and_a_place_in_brackets_are_no_membership():
    assert members(OFFICE) == set()
    assert members(PLACE_IN_BRACKETS) == set()
