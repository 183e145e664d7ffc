"""memberOf from a name that carries its organisation: in brackets after it (sports results,
party affiliations) or right after "di". Short sentences parsed by hand (no model)."""

from parsed import extract, triples


def members(*sentences) -> set[tuple[str, str]]:
    return {(s, o) for s, p, o in triples(*extract(*sentences), status=None) if p == "memberOf"}


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


# A party office: the secretary of a party the gazetteer knows as one is also its member.
SECRETARY = ("Il segretario del Partito Laburista, Marco Bianchi, ha parlato.", """
1 Il il DET 2 det
2 segretario segretario NOUN 10 nsubj
3-4 del
3 di di ADP 6 case
4 il il DET 6 det
5 Partito Partito PROPN 2 nmod
6 Laburista Laburista PROPN 5 flat:name
7 , , PUNCT 8 punct
8 Marco Marco PROPN 2 appos
9 Bianchi Bianchi PROPN 8 flat:name
10 ha avere AUX 11 aux
11 parlato parlare VERB 0 root
12 . . PUNCT 11 punct
""", [("Partito Laburista", "ORG"), ("Marco Bianchi", "PER")])

# The same office in a body that is no party: an office only.
NATO_SECRETARY = ("Il segretario della Nato, Marco Bianchi, ha parlato.", """
1 Il il DET 2 det
2 segretario segretario NOUN 9 nsubj
3-4 della
3 di di ADP 5 case
4 la il DET 5 det
5 Nato Nato PROPN 2 nmod
6 , , PUNCT 7 punct
7 Marco Marco PROPN 2 appos
8 Bianchi Bianchi PROPN 7 flat:name
9 ha avere AUX 10 aux
10 parlato parlare VERB 0 root
11 . . PUNCT 10 punct
""", [("Nato", "ORG"), ("Marco Bianchi", "PER")])


def offices(*sentences) -> set[tuple[str, str, str]]:
    return triples(*extract(*sentences), status=None)


def test_a_party_office_makes_its_holder_a_member():
    got = offices(SECRETARY)
    party = next(o for s, p, o in got if p == "holdsPosition")
    assert ("Marco Bianchi", "memberOf", party) in got
    nato = offices(NATO_SECRETARY)
    assert any(p == "holdsPosition" for _, p, _ in nato) and not any(p == "memberOf" for _, p, _ in nato)
