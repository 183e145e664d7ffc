"""Meeting partners the parse makes hard to reach: a second partner hung on the first one's
role holder, the light verb's "con" phrases beyond the noun's reach, and two people joined by a
hyphen after a meeting noun. Short sentences parsed by hand (no model)."""
from parsed import article

from kg.gazetteer import load_gazetteer
from kg.lexicon import load_lexicon
from kg.linking import resolve
from kg.mentions import find_mentions
from kg.relations import RelationExtractor


def met(sentence) -> set[frozenset]:
    gaz, lex = load_gazetteer(), load_lexicon()
    am = find_mentions(article(sentence), gaz, lex)
    res = resolve([am], gaz)
    label = lambda k: res.entities[k].label   # noqa: E731
    return {frozenset((label(f.subject), label(f.object))) for f in RelationExtractor(lex, res).extract(am).facts
            if f.predicate == "communicatedWith"}


RECEIVED = ("Biden ha ricevuto il primo ministro del Giappone, Fumio Kishida, e l'omologo della Corea del Sud, "
            "Yoon Suk-yeol.", """
1 Biden Biden PROPN 3 nsubj
2 ha avere AUX 3 aux
3 ricevuto ricevere VERB 0 root
4 il il DET 6 det
5 primo primo ADJ 6 amod
6 ministro ministro NOUN 3 obj
7-8 del
7 di di ADP 9 case
8 il il DET 9 det
9 Giappone Giappone PROPN 6 nmod
10 , , PUNCT 11 punct
11 Fumio Fumio PROPN 9 conj
12 Kishida Kishida PROPN 11 flat:name
13 , , PUNCT 16 punct
14 e e CCONJ 16 cc
15 l' il DET 16 det
16 omologo omologo NOUN 9 conj
17-18 della
17 di di ADP 19 case
18 la il DET 19 det
19 Corea Corea PROPN 16 nmod
20 del di ADP 21 case
21 Sud Sud PROPN 19 nmod
22 , , PUNCT 23 punct
23 Yoon Yoon PROPN 19 conj
24 Suk-yeol Suk-yeol PROPN 23 flat:name
25 . . PUNCT 3 punct
""", [("Biden", "PER"), ("Giappone", "LOC"), ("Fumio Kishida", "PER"), ("Corea del Sud", "LOC"),
      ("Yoon Suk-yeol", "PER")])

OPENED = ("Biden ha aperto l'incontro a Camp David con il premier giapponese Fumio Kishida e con il presidente "
          "sudcoreano Yoon Suk-yeol.", """
1 Biden Biden PROPN 3 nsubj
2 ha avere AUX 3 aux
3 aperto aprire VERB 0 root
4 l' il DET 5 det
5 incontro incontro NOUN 3 obj
6 a a ADP 7 case
7 Camp Camp PROPN 5 nmod
8 David David PROPN 7 flat:name
9 con con ADP 11 case
10 il il DET 11 det
11 premier premier NOUN 3 obl
12 giapponese giapponese ADJ 11 amod
13 Fumio Fumio PROPN 11 nmod
14 Kishida Kishida PROPN 13 flat:name
15 e e CCONJ 18 cc
16 con con ADP 18 case
17 il il DET 18 det
18 presidente presidente NOUN 11 conj
19 sudcoreano sudcoreano ADJ 18 amod
20 Yoon Yoon PROPN 18 nmod
21 Suk-yeol Suk-yeol PROPN 20 flat:name
22 . . PUNCT 3 punct
""", [("Biden", "PER"), ("Camp David", "LOC"), ("Fumio Kishida", "PER"), ("Yoon Suk-yeol", "PER")])

HEADLINE = ("Incontro Zelensky-Meloni a Palazzo Chigi.", """
1 Incontro Incontro PROPN 0 root
2 Zelensky Zelensky PROPN 1 flat:name
3 - - PUNCT 1 punct
4 Meloni Meloni PROPN 1 conj
5 a a ADP 6 case
6 Palazzo Palazzo PROPN 1 nmod
7 Chigi Chigi PROPN 6 flat:name
8 . . PUNCT 1 punct
""", [("Zelensky-Meloni", "PER"), ("Palazzo Chigi", "LOC")])


def test_a_partner_the_parse_hangs_on_the_first_partner_s_holder_is_met_too():
    assert met(RECEIVED) == {frozenset({"Joe Biden", "Fumio Kishida"}), frozenset({"Joe Biden", "Yoon Suk-yeol"})}


def test_every_con_phrase_of_the_light_verb_is_a_partner():
    assert {frozenset({"Joe Biden", "Fumio Kishida"}), frozenset({"Joe Biden", "Yoon Suk-yeol"})} <= met(OPENED)


def test_two_people_joined_by_a_hyphen_after_a_meeting_noun_met():
    found = met(HEADLINE)
    assert len(found) == 1 and {"Zelensky", "Meloni"} <= {w for pair in found for label in pair for w in label.split()}


SUMMIT = ("Il vertice tra il presidente Usa Joe Biden, il premier giapponese Fumio Kishida e il presidente "
          "sudcoreano Yoon Suk-yeol è stato un successo.", """
1 Il il DET 2 det
2 vertice vertice NOUN 23 nsubj
3 tra tra ADP 5 case
4 il il DET 5 det
5 presidente presidente NOUN 2 nmod
6 Usa Usa PROPN 5 nmod
7 Joe Joe PROPN 6 flat:name
8 Biden Biden PROPN 6 flat:name
9 , , PUNCT 11 punct
10 il il DET 11 det
11 premier premier NOUN 23 nsubj
12 giapponese giapponese ADJ 11 amod
13 Fumio Fumio PROPN 11 nmod
14 Kishida Kishida PROPN 13 flat:name
15 e e CCONJ 17 cc
16 il il DET 17 det
17 presidente presidente NOUN 11 conj
18 sudcoreano sudcoreano ADJ 17 amod
19 Yoon Yoon PROPN 17 nmod
20 Suk-yeol Suk-yeol PROPN 19 flat:name
21 è essere AUX 23 aux
22 stato essere AUX 23 cop
23 successo successo NOUN 0 root
24 . . PUNCT 23 punct
""", [("Usa", "LOC"), ("Joe Biden", "PER"), ("Fumio Kishida", "PER"), ("Yoon Suk-yeol", "PER")])


def test_a_closed_list_of_three_after_tra_met_pair_by_pair_whatever_the_parse():
    assert met(SUMMIT) == {frozenset({"Joe Biden", "Fumio Kishida"}), frozenset({"Joe Biden", "Yoon Suk-yeol"}),
                           frozenset({"Fumio Kishida", "Yoon Suk-yeol"})}
