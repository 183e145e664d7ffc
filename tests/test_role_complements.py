"""A role and the name it describes where the parse or the lexicon let them apart: a complement
between them ("il premier del governo di unità nazionale libico Omar Haddad", the parser hanging
the name on "unità"), the name before the role ("Marco Rossi, ministro degli Esteri, ..."), and
the names such a complement does not reach: the possessor after "di" ("l'inviato di ..."), the
holder of a second role inside it ("il consigliere del presidente francese ...")."""
from __future__ import annotations

from parsed import extract, triples, unparsed

PREMIER = ("Lucia Ferri ha incontrato il premier del governo di unità nazionale della Libia Omar Haddad.", """
1 Lucia Lucia PROPN 4 nsubj
2 Ferri Ferri PROPN 1 flat:name
3 ha avere AUX 4 aux
4 incontrato incontrare VERB 0 root
5 il il DET 6 det
6 premier premier NOUN 4 obj
7-8 del
7 di di ADP 9 case
8 il il DET 9 det
9 governo governo NOUN 6 nmod
10 di di ADP 11 case
11 unità unità NOUN 9 nmod
12 nazionale nazionale ADJ 11 amod
13-14 della
13 di di ADP 15 case
14 la il DET 15 det
15 Libia Libia PROPN 11 nmod
16 Omar Omar PROPN 15 flat:name
17 Haddad Haddad PROPN 16 flat:name
18 . . PUNCT 4 punct
""", [("Lucia Ferri", "PER"), ("Libia", "LOC"), ("Omar Haddad", "PER")])


def test_a_name_after_the_role_s_complement_is_the_role_s_holder():
    res, facts = extract(PREMIER)
    found = triples(res, facts)
    assert ("Omar Haddad", "leaderOf", "Libia") in found
    assert ("Lucia Ferri", "communicatedWith", "Omar Haddad") in found


ADVISER = ("Il consigliere diplomatico del presidente francese Luc Martin ha parlato ieri.", """
1 Il il DET 2 det
2 consigliere consigliere NOUN 11 nsubj
3 diplomatico diplomatico ADJ 2 amod
4 di di ADP 6 case
5 il il DET 6 det
6 presidente presidente NOUN 2 nmod
7 francese francese ADJ 6 amod
8 Luc Luc PROPN 6 nmod
9 Martin Martin PROPN 8 flat:name
10 ha avere AUX 11 aux
11 parlato parlare VERB 0 root
12 ieri ieri ADV 11 advmod
13 . . PUNCT 11 punct
""".replace("4 di di ADP 6 case\n5 il il DET 6 det", "4-5 del\n4 di di ADP 6 case\n5 il il DET 6 det"),
           [("Luc Martin", "PER")])

ENVOY = ("Ieri è arrivato l'inviato speciale di Luc Martin.", """
1 Ieri ieri ADV 3 advmod
2 è essere AUX 3 aux
3 arrivato arrivare VERB 0 root
4 l' il DET 5 det
5 inviato inviato NOUN 3 nsubj
6 speciale speciale ADJ 5 amod
7 di di ADP 8 case
8 Luc Luc PROPN 5 nmod
9 Martin Martin PROPN 8 flat:name
10 . . PUNCT 3 punct
""", [("Luc Martin", "PER")])


def test_a_name_inside_the_complement_belongs_to_the_second_role_or_to_the_preposition():
    res, facts = extract(ADVISER)
    found = triples(res, facts, status=None)
    assert ("Luc Martin", "leaderOf", "Francia") in found
    assert not any(p == "holdsPosition" and s == "Luc Martin" for s, p, _ in found)
    res, facts = extract(ENVOY)
    assert not any(s == "Luc Martin" for s, _, _ in triples(res, facts, status=None))


def test_a_role_after_a_name_and_a_comma_describes_that_name_with_no_holder_named():
    from kg.gazetteer import load_gazetteer
    from kg.lexicon import load_lexicon
    from kg.mentions import find_mentions
    from parsed import article
    am = find_mentions(article(unparsed("Lo ha detto Marco Rossi, ministro degli Esteri, dopo il vertice.",
                                     [("Marco Rossi", "PER")])), load_gazetteer(), load_lexicon())
    assert [(r.phrase, am.mentions[r.person].text) for r in am.roles if r.person is not None] == \
        [("ministro degli esteri", "Marco Rossi")]


def test_the_head_of_a_party_holds_a_position_in_it():
    res, facts = extract(unparsed("Lo ha detto il capo del Partito Verde, Anna Neri, ieri.",
                               [("Partito Verde", "ORG"), ("Anna Neri", "PER")]))
    assert ("Anna Neri", "holdsPosition", "Partito Verde") in triples(res, facts)


def test_an_elided_di_links_a_role_to_its_state():
    res, facts = extract(unparsed("Presente anche l'ambasciatore d'Italia, Marco Rossi.",
                                  [("Italia", "LOC"), ("Marco Rossi", "PER")]))
    assert ("Marco Rossi", "holdsPosition", "Italia") in triples(res, facts)


def test_a_minister_s_department_of_two_coordinated_nouns_still_reaches_the_demonym():
    res, facts = extract(unparsed("Lo ha annunciato il ministro delle infrastrutture e dei trasporti italiano, "
                                  "Marco Rossi, ieri.", [("Marco Rossi", "PER")]))
    assert ("Marco Rossi", "holdsPosition", "Italia") in triples(res, facts)


def test_a_minister_s_department_then_di_reaches_the_state_but_a_second_department_is_no_holder():
    res, facts = extract(unparsed("Marco Rossi, ministro dell'Interno dell'Ucraina, ha parlato.",
                                  [("Marco Rossi", "PER"), ("Ucraina", "LOC")]))
    assert ("Marco Rossi", "holdsPosition", "Ucraina") in triples(res, facts)
    res, facts = extract(unparsed("Marco Rossi, viceministro degli Affari esteri e della Cooperazione "
                                  "internazionale, ha parlato.",
                                  [("Marco Rossi", "PER"), ("Cooperazione internazionale", "ORG")]))
    assert not [t for t in triples(res, facts) if t[1] == "holdsPosition" and "Cooperazione" in t[2]]


DEPUTY = [("Il vicepremier Antonio Tajani è arrivato a Tunisi.", """
1 Il il DET 2 det
2 vicepremier vicepremier NOUN 5 nsubj
3 Antonio Antonio PROPN 2 nmod
4 Tajani Tajani PROPN 3 flat:name
5 è essere AUX 6 aux
6 arrivato arrivare VERB 0 root
7 a a ADP 8 case
8 Tunisi Tunisi PROPN 6 obl
9 . . PUNCT 6 punct
""", [("Antonio Tajani", "PER"), ("Tunisi", "LOC")]),
          ("L'Italia sostiene la Tunisia.", """
1 L' il DET 2 det
2 Italia Italia PROPN 3 nsubj
3 sostiene sostenere VERB 0 root
4 la il DET 5 det
5 Tunisia Tunisia PROPN 3 obj
6 . . PUNCT 3 punct
""", [("Italia", "LOC"), ("Tunisia", "LOC")])]


def test_an_office_the_gazetteer_does_not_list_is_in_the_one_state_it_has_the_person_serving():
    """The gazetteer has Tajani as Italy's foreign minister, not as deputy prime minister: a
    "vicepremier" with no state named is still an office of Italy, which the article names."""
    res, facts = extract(*DEPUTY)
    offices = {(res.entities[f.subject].label, res.entities[f.object].label) for f in facts.facts
               if f.predicate == "holdsPosition"}
    assert offices == {("Antonio Tajani", "Italia")}


INTERIOR = [("Il ministro dell'Interno Matteo Piantedosi è arrivato a Tunisi.", """
1 Il il DET 2 det
2 ministro ministro NOUN 8 nsubj
3-4 dell'
3 di di ADP 5 case
4 l' il DET 5 det
5 Interno Interno PROPN 2 nmod
6 Matteo Matteo PROPN 2 nmod
7 Piantedosi Piantedosi PROPN 6 flat:name
8 è essere AUX 9 aux
9 arrivato arrivare VERB 0 root
10 a a ADP 11 case
11 Tunisi Tunisi PROPN 9 obl
12 . . PUNCT 9 punct
""", [("Matteo Piantedosi", "PER"), ("Tunisi", "LOC")]), DEPUTY[1]]


def test_an_italian_minister_the_gazetteer_lists_holds_an_office_of_italy():
    """The gazetteer has Italy's cabinet: "il ministro dell'Interno" with no state named is
    Piantedosi's office in Italy, which the article names; and he visited Tunisia's capital."""
    res, facts = extract(*INTERIOR)
    offices = {(res.entities[f.subject].label, res.entities[f.object].label) for f in facts.facts
               if f.predicate == "holdsPosition"}
    assert offices == {("Matteo Piantedosi", "Italia")}
    assert {res.entities[f.object].label for f in facts.facts if f.predicate == "visited"} == {"Tunisi"}


NEXT_CLAUSE = ("Secondo Marco Rossi, il premier indiano parlerà al Congresso.", """
1 Secondo secondo ADP 3 case
2 Marco Marco PROPN 8 obl
3 Rossi Rossi PROPN 2 flat:name
4 , , PUNCT 2 punct
5 il il DET 6 det
6 premier premier NOUN 8 nsubj
7 indiano indiano ADJ 6 amod
8 parlerà parlare VERB 0 root
9-10 al
9 a a ADP 11 case
10 il il DET 11 det
11 Congresso Congresso PROPN 8 obl
12 . . PUNCT 8 punct
""", [("Marco Rossi", "PER"), ("Congresso", "ORG")])

SUBJECT_NAME = ("Ieri Marco Rossi, il premier indiano ha parlato al Congresso.", """
1 Ieri ieri ADV 8 advmod
2 Marco Marco PROPN 8 nsubj
3 Rossi Rossi PROPN 2 flat:name
4 , , PUNCT 6 punct
5 il il DET 6 det
6 premier premier NOUN 2 appos
7 indiano indiano ADJ 6 amod
8 ha avere AUX 9 aux
9 parlato parlare VERB 0 root
10-11 al
10 a a ADP 12 case
11 il il DET 12 det
12 Congresso Congresso PROPN 9 obl
13 . . PUNCT 9 punct
""", [("Marco Rossi", "PER"), ("Congresso", "ORG")])


def test_a_role_after_a_name_s_own_phrase_and_a_comma_opening_a_clause_is_not_that_name_s():
    """"Secondo Marco Rossi, il premier indiano parlerà": the role is the next clause's subject;
    "Ieri Marco Rossi, il premier indiano ha parlato" (the closing comma left out) is his."""
    assert ("Marco Rossi", "leaderOf", "India") not in triples(*extract(NEXT_CLAUSE))
    assert ("Marco Rossi", "leaderOf", "India") in triples(*extract(SUBJECT_NAME))


def test_a_counterpart_with_no_office_before_it_takes_the_one_an_earlier_sentence_gave_the_other_party():
    """"Il presidente algerino Rossi ..." then "un colloquio tra Rossi e l'omologo francese
    Bianchi": Bianchi is France's president; "quello francese" alone would say nothing."""
    res, facts = extract(unparsed("Il presidente algerino Marco Rossi ha parlato ieri.",
                                  [("Marco Rossi", "PER")]),
                         unparsed("Lo dice una nota dopo un colloquio tra Rossi e l'omologo francese Luca Bianchi.",
                                  [("Rossi", "PER"), ("Luca Bianchi", "PER")]))
    got = triples(res, facts)
    assert ("Luca Bianchi", "leaderOf", "Francia") in got
    assert ("Marco Rossi", "leaderOf", "Algeria") in got
