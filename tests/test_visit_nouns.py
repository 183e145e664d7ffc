"""Visits named by a noun: a support verb's place phrase ("ha compiuto una visita in Iraq", the
place hung on the verb), and a visit still to come ("in vista della visita di ... in Cina"),
which stays a planned claim; "X, in visita a Y", the name before the comma; and a place whose
case marker the parser joined to an adverb ("prima in Austria"). Short sentences parsed by hand
(no model), invented wording."""
from parsed import extract, triples

SUPPORT_VERB = ("Il ministro Marco Rossi ha compiuto una visita ufficiale in Giappone.", """
1 Il il DET 2 det
2 ministro ministro NOUN 6 nsubj
3 Marco Marco PROPN 2 nmod
4 Rossi Rossi PROPN 3 flat:name
5 ha avere AUX 6 aux
6 compiuto compiere VERB 0 root
7 una uno DET 8 det
8 visita visita NOUN 6 obj
9 ufficiale ufficiale ADJ 8 amod
10 in in ADP 11 case
11 Giappone Giappone PROPN 6 obl
12 . . PUNCT 6 punct
""", [("Marco Rossi", "PER"), ("Giappone", "LOC")])

AHEAD = ("Il ministro ha incontrato i giornalisti in vista della visita di Marco Rossi in Giappone.", """
1 Il il DET 2 det
2 ministro ministro NOUN 4 nsubj
3 ha avere AUX 4 aux
4 incontrato incontrare VERB 0 root
5 i il DET 6 det
6 giornalisti giornalista NOUN 4 obj
7 in in ADP 8 case
8 vista vista NOUN 4 obl
9 della di ADP 10 case
10 visita visita NOUN 8 nmod
11 di di ADP 13 case
12 Marco Marco PROPN 10 nmod
13 Rossi Rossi PROPN 12 flat:name
14 in in ADP 15 case
15 Giappone Giappone PROPN 10 nmod
16 . . PUNCT 4 punct
""", [("Marco Rossi", "PER"), ("Giappone", "LOC")])


def visits(sentence, status=("asserted", "reported")):
    return {(s, o) for s, p, o in triples(*extract(sentence, date="2024-05-02"), status=status) if p == "visited"}


def test_a_visit_noun_takes_the_place_its_support_verb_carries():
    assert visits(SUPPORT_VERB) == {("Marco Rossi", "Giappone")}


def test_a_visit_in_prospect_is_a_planned_claim_not_a_fact():
    assert visits(AHEAD) == set()
    assert visits(AHEAD, status=("planned",)) == {("Marco Rossi", "Giappone")}


# the parser takes "prima" for the case marker of "in Austria"
SEQUENCED = ("Marco Rossi si è recato prima in Austria, poi in Germania.", """
1 Marco Marco PROPN 5 nsubj
2 Rossi Rossi PROPN 1 flat:name
3 si si PRON 5 expl
4 è essere AUX 5 aux
5 recato recare VERB 0 root
6 prima prima ADV 8 case
7 in in ADP 8 case
8 Austria Austria PROPN 5 obl
9 , , PUNCT 12 punct
10 poi poi ADV 12 advmod
11 in in ADP 12 case
12 Germania Germania PROPN 5 obl
13 . . PUNCT 5 punct
""", [("Marco Rossi", "PER"), ("Austria", "LOC"), ("Germania", "LOC")])


def test_an_adverb_of_sequence_taken_for_a_case_marker_does_not_hide_the_place():
    assert visits(SEQUENCED) == {("Marco Rossi", "Austria"), ("Marco Rossi", "Germania")}


# "in visita a" after a comma describes the name before it, whatever phrase holds the name
VISITING = ("Il vertice è stato aperto dal presidente Marco Rossi, in visita a Parigi.", """
1 Il il DET 2 det
2 vertice vertice NOUN 5 nsubj:pass
3 è essere AUX 5 aux
4 stato essere AUX 5 aux:pass
5 aperto aprire VERB 0 root
6 dal da ADP 8 case
7 presidente presidente NOUN 5 obl:agent
8 Marco Marco PROPN 7 nmod
9 Rossi Rossi PROPN 8 flat:name
10 , , PUNCT 12 punct
11 in in ADP 12 case
12 visita visita NOUN 5 obl
13 a a ADP 14 case
14 Parigi Parigi PROPN 12 nmod
15 . . PUNCT 5 punct
""", [("Marco Rossi", "PER"), ("Parigi", "LOC")])


def test_in_visita_after_a_comma_is_the_visit_of_the_name_before_it():
    assert visits(VISITING) == {("Marco Rossi", "Parigi")}


# the parser hangs the place on the visitor's phrase, not on "visita"
PLACE_ON_VISITOR = ("È iniziata la visita di due giorni di Marco Rossi in Giappone.", """
1 È essere AUX 2 aux
2 iniziata iniziare VERB 0 root
3 la il DET 4 det
4 visita visita NOUN 2 nsubj
5 di di ADP 7 case
6 due due NUM 7 nummod
7 giorni giorno NOUN 4 nmod
8 di di ADP 9 case
9 Marco Marco PROPN 7 nmod
10 Rossi Rossi PROPN 9 flat:name
11 in in ADP 12 case
12 Giappone Giappone PROPN 9 nmod
13 . . PUNCT 2 punct
""", [("Marco Rossi", "PER"), ("Giappone", "LOC")])

PLACE_ON_ROLE = ("Prosegue la visita del ministro degli Esteri Marco Rossi in Giappone.", """
1 Prosegue proseguire VERB 0 root
2 la il DET 3 det
3 visita visita NOUN 1 nsubj
4 del di ADP 5 case
5 ministro ministro NOUN 3 nmod
6 degli di ADP 7 case
7 Esteri Esteri PROPN 5 nmod
8 Marco Marco PROPN 7 flat:name
9 Rossi Rossi PROPN 8 flat:name
10 in in ADP 11 case
11 Giappone Giappone PROPN 7 nmod
12 . . PUNCT 1 punct
""", [("Marco Rossi", "PER"), ("Giappone", "LOC")])


def test_a_place_the_parse_hangs_on_the_visitor_is_the_visits():
    assert visits(PLACE_ON_VISITOR) == {("Marco Rossi", "Giappone")}
    assert visits(PLACE_ON_ROLE) == {("Marco Rossi", "Giappone")}


# an invitation's infinitive hung as an adjunct ("a visitare"), and a purpose ("per una visita")
INVITED_TO_VISIT = ("Ha invitato Marco Rossi a visitare Parigi.", """
1 Ha avere AUX 2 aux
2 invitato invitare VERB 0 root
3 Marco Marco PROPN 2 obj
4 Rossi Rossi PROPN 3 flat:name
5 a a ADP 6 mark
6 visitare visitare VERB 2 advcl
7 Parigi Parigi PROPN 6 obj
8 . . PUNCT 2 punct
""", [("Marco Rossi", "PER"), ("Parigi", "LOC")])

INVITED_FOR_A_VISIT = ("Ha invitato Marco Rossi per una visita in Francia.", """
1 Ha avere AUX 2 aux
2 invitato invitare VERB 0 root
3 Marco Marco PROPN 2 obj
4 Rossi Rossi PROPN 3 flat:name
5 per per ADP 7 case
6 una uno DET 7 det
7 visita visita NOUN 2 obl
8 in in ADP 9 case
9 Francia Francia PROPN 7 nmod
10 . . PUNCT 2 punct
""", [("Marco Rossi", "PER"), ("Francia", "LOC")])

# the parser hangs the infinitive beside the verb of intention, not under it
MEANT_TO_GO = ("Era noto che Marco Rossi intendesse recarsi in Francia.", """
1 Era essere AUX 2 aux
2 noto noto VERB 0 root
3 che che SCONJ 6 mark
4 Marco Marco PROPN 6 nsubj
5 Rossi Rossi PROPN 4 flat:name
6 intendesse intendere VERB 2 ccomp
7-8 recarsi
7 recar recare VERB 2 ccomp VerbForm=Inf
8 si si PRON 7 expl
9 in in ADP 10 case
10 Francia Francia PROPN 7 obl
11 . . PUNCT 2 punct
""", [("Marco Rossi", "PER"), ("Francia", "LOC")])


def test_a_visit_one_is_invited_to_or_means_to_make_is_planned():
    for sentence, place in ((INVITED_TO_VISIT, "Parigi"), (INVITED_FOR_A_VISIT, "Francia")):
        assert visits(sentence) == set()
        assert visits(sentence, status=("planned",)) == {("Marco Rossi", place)}
    assert visits(MEANT_TO_GO) == set()


# the verb's own place names no entity; the one after it lies inside a time phrase ("dopo ...")
PLACE_IN_A_TIME_PHRASE = ("Marco Rossi si è recato nel Paese africano subito dopo lo scoppio della crisi in Francia.", """
1 Marco Marco PROPN 5 nsubj
2 Rossi Rossi PROPN 1 flat:name
3 si si PRON 5 expl
4 è essere AUX 5 aux
5 recato recare VERB 0 root
6-7 nel
6 in in ADP 8 case
7 il il DET 8 det
8 Paese Paese PROPN 5 obl
9 africano africano ADJ 8 amod
10 subito subito ADV 13 advmod
11 dopo dopo ADP 13 case
12 lo il DET 13 det
13 scoppio scoppio NOUN 8 nmod
14-15 della
14 di di ADP 16 case
15 la il DET 16 det
16 crisi crisi NOUN 13 nmod
17 in in ADP 18 case
18 Francia Francia PROPN 16 nmod
19 . . PUNCT 5 punct
""", [("Marco Rossi", "PER"), ("Francia", "LOC")])


def test_a_place_inside_a_time_phrase_is_no_visit():
    assert visits(PLACE_IN_A_TIME_PHRASE) == set()


def _press_conference(city):
    return (f"Lo ha detto il presidente francese Emmanuel Macron in una conferenza stampa a {city}.", f"""
1 Lo lo PRON 3 obj
2 ha avere AUX 3 aux
3 detto dire VERB 0 root
4 il il DET 5 det
5 presidente presidente NOUN 3 nsubj
6 francese francese ADJ 5 amod
7 Emmanuel Emmanuel PROPN 5 nmod
8 Macron Macron PROPN 7 flat:name
9 in in ADP 11 case
10 una uno DET 11 det
11 conferenza conferenza NOUN 3 obl
12 stampa stampa NOUN 11 compound
13 a a ADP 14 case
14 {city} {city} PROPN 11 nmod
15 . . PUNCT 3 punct
""", [("Emmanuel Macron", "PER"), (city, "LOC")])


def test_speaking_at_a_place_of_another_state_is_being_there():
    assert visits(_press_conference("Berlino")) == {("Emmanuel Macron", "Berlino")}
    assert visits(_press_conference("Parigi")) == set()    # at home


# "arrivo" is a visit noun; the parse hangs the place on the sentence's verb, right after the visitor
ARRIVAL = ("La folla ha accompagnato l'arrivo del ministro Marco Rossi in Giappone.", """
1 La il DET 2 det
2 folla folla NOUN 4 nsubj
3 ha avere AUX 5 aux
4 accompagnato accompagnare VERB 0 root
5 l' il DET 6 det
6 arrivo arrivo NOUN 4 obj
7 del di ADP 8 case
8 ministro ministro NOUN 6 nmod
9 Marco Marco PROPN 8 nmod
10 Rossi Rossi PROPN 9 flat:name
11 in in ADP 12 case
12 Giappone Giappone PROPN 4 obl
13 . . PUNCT 4 punct
""", [("Marco Rossi", "PER"), ("Giappone", "LOC")])

# arriving to power is no journey
TO_POWER = ("Si parla dell'arrivo di Marco Rossi al potere in Giappone.", """
1 Si si PRON 2 expl
2 parla parlare VERB 0 root
3 dell' di ADP 4 case
4 arrivo arrivo NOUN 2 obl
5 di di ADP 6 case
6 Marco Marco PROPN 4 nmod
7 Rossi Rossi PROPN 6 flat:name
8 al a ADP 9 case
9 potere potere NOUN 4 nmod
10 in in ADP 11 case
11 Giappone Giappone PROPN 9 nmod
12 . . PUNCT 2 punct
""", [("Marco Rossi", "PER"), ("Giappone", "LOC")])


def test_an_arrival_is_a_visit_but_not_an_arrival_to_power():
    assert visits(ARRIVAL) == {("Marco Rossi", "Giappone")}
    assert visits(TO_POWER) == set()


MISSION = ("Il ministro Marco Rossi ha concluso una missione istituzionale in Giappone.", """
1 Il il DET 2 det
2 ministro ministro NOUN 6 nsubj
3 Marco Marco PROPN 2 nmod
4 Rossi Rossi PROPN 3 flat:name
5 ha avere AUX 6 aux
6 concluso concludere VERB 0 root
7 una uno DET 8 det
8 missione missione NOUN 6 obj
9 istituzionale istituzionale ADJ 8 amod
10 in in ADP 11 case
11 Giappone Giappone PROPN 8 nmod
12 . . PUNCT 6 punct
""", [("Marco Rossi", "PER"), ("Giappone", "LOC")])


def test_a_mission_to_a_place_is_a_visit():
    assert visits(MISSION) == {("Marco Rossi", "Giappone")}


VISIT_TO_A_PERSON = ("La visita di Marco Rossi al presidente francese Emmanuel Macron è durata due ore.", """
1 La il DET 2 det
2 visita visita NOUN 13 nsubj
3 di di ADP 4 case
4 Marco Marco PROPN 2 nmod
5 Rossi Rossi PROPN 4 flat:name
6-7 al
6 a a ADP 8 case
7 il il DET 8 det
8 presidente presidente NOUN 2 nmod
9 francese francese ADJ 8 amod
10 Emmanuel Emmanuel PROPN 8 nmod
11 Macron Macron PROPN 10 flat:name
12 è essere AUX 13 aux
13 durata durare VERB 0 root
14 due due NUM 15 nummod
15 ore ora NOUN 13 obl
16 . . PUNCT 13 punct
""", [("Marco Rossi", "PER"), ("Emmanuel Macron", "PER")])


def test_visiting_a_person_is_meeting_them():
    met = {(s, o) for s, p, o in triples(*extract(VISIT_TO_A_PERSON, date="2024-05-02")) if p == "communicatedWith"}
    assert met == {("Marco Rossi", "Emmanuel Macron")}


ACTING_ABROAD = ("Il presidente francese Emmanuel Macron ha partecipato a Berlino alla cerimonia.", """
1 Il il DET 2 det
2 presidente presidente NOUN 7 nsubj
3 francese francese ADJ 2 amod
4 Emmanuel Emmanuel PROPN 2 nmod
5 Macron Macron PROPN 4 flat:name
6 ha avere AUX 7 aux
7 partecipato partecipare VERB 0 root
8 a a ADP 9 case
9 Berlino Berlino PROPN 7 obl
10-11 alla
10 a a ADP 12 case
11 la il DET 12 det
12 cerimonia cerimonia NOUN 7 obl
13 . . PUNCT 7 punct
""", [("Emmanuel Macron", "PER"), ("Berlino", "LOC")])

# "a Berlino" beside an infinitive with "di" is whom the act is for, not where it happens
FOR_WHOM = ("Il presidente francese Emmanuel Macron ha permesso a Berlino di usare i porti.", """
1 Il il DET 2 det
2 presidente presidente NOUN 7 nsubj
3 francese francese ADJ 2 amod
4 Emmanuel Emmanuel PROPN 2 nmod
5 Macron Macron PROPN 4 flat:name
6 ha avere AUX 7 aux
7 permesso permettere VERB 0 root
8 a a ADP 9 case
9 Berlino Berlino PROPN 7 obl
10 di di ADP 11 mark
11 usare usare VERB 7 xcomp
12 i il DET 13 det
13 porti porto NOUN 11 obj
14 . . PUNCT 7 punct
""", [("Emmanuel Macron", "PER"), ("Berlino", "LOC")])


def test_acting_at_a_place_of_another_state_is_being_there():
    assert visits(ACTING_ABROAD) == {("Emmanuel Macron", "Berlino")}
    assert visits(FOR_WHOM) == set()


MISSION_FOR = ("Dopo l'Algeria, missione in Libia per la ministra Anna Bianchi.", """
1 Dopo dopo ADP 3 case
2 l' il DET 3 det
3 Algeria Algeria PROPN 5 nmod
4 , , PUNCT 3 punct
5 missione missione NOUN 0 root
6 in in ADP 7 case
7 Libia Libia PROPN 5 nmod
8 per per ADP 10 case
9 la il DET 10 det
10 ministra ministra NOUN 5 nmod
11 Anna Anna PROPN 10 nmod
12 Bianchi Bianchi PROPN 11 flat:name
13 . . PUNCT 5 punct
""", [("Algeria", "LOC"), ("Libia", "LOC"), ("Anna Bianchi", "PER")])


def test_a_mission_for_someone_is_their_visit():
    assert visits(MISSION_FOR) == {("Anna Bianchi", "Libia")}


THREE_VISITORS = ("Era il giorno della visita a Kiev del ministro Marco Rossi, del ministro Luca Verdi e del "
                  "ministro Anna Bianchi.", """
1 Era essere AUX 3 cop
2 il il DET 3 det
3 giorno giorno NOUN 0 root
4-5 della
4 di di ADP 6 case
5 la il DET 6 det
6 visita visita NOUN 3 nmod
7 a a ADP 8 case
8 Kiev Kiev PROPN 6 nmod
9-10 del
9 di di ADP 11 case
10 il il DET 11 det
11 ministro ministro NOUN 8 nmod
12 Marco Marco PROPN 11 nmod
13 Rossi Rossi PROPN 12 flat:name
14 , , PUNCT 17 punct
15-16 del
15 di di ADP 17 case
16 il il DET 17 det
17 ministro ministro NOUN 11 nmod
18 Luca Luca PROPN 17 nmod
19 Verdi Verdi PROPN 18 flat:name
20 e e CCONJ 23 cc
21-22 del
21 di di ADP 23 case
22 il il DET 23 det
23 ministro ministro NOUN 17 conj
24 Anna Anna PROPN 23 nmod
25 Bianchi Bianchi PROPN 24 flat:name
26 . . PUNCT 3 punct
""", [("Kiev", "LOC"), ("Marco Rossi", "PER"), ("Luca Verdi", "PER"), ("Anna Bianchi", "PER")])


def test_every_visitor_a_list_of_di_phrases_names_visited():
    """The parse hangs each "del ministro ..." on the one before it: the words in order still
    list three visitors of Kiev."""
    assert visits(THREE_VISITORS) == {("Marco Rossi", "Kiev"), ("Luca Verdi", "Kiev"), ("Anna Bianchi", "Kiev")}


ASIDE = ("La visita a Kiev di Marco Rossi, segretario del partito e stretto collaboratore di Luca Verdi.", """
1 La il DET 2 det
2 visita visita NOUN 0 root
3 a a ADP 4 case
4 Kiev Kiev PROPN 2 nmod
5 di di ADP 6 case
6 Marco Marco PROPN 2 nmod
7 Rossi Rossi PROPN 6 flat:name
8 , , PUNCT 9 punct
9 segretario segretario NOUN 6 appos
10-11 del
10 di di ADP 12 case
11 il il DET 12 det
12 partito partito NOUN 9 nmod
13 e e CCONJ 15 cc
14 stretto stretto ADJ 15 amod
15 collaboratore collaboratore NOUN 9 conj
16 di di ADP 17 case
17 Luca Luca PROPN 15 nmod
18 Verdi Verdi PROPN 17 flat:name
19 . . PUNCT 2 punct
""", [("Kiev", "LOC"), ("Marco Rossi", "PER"), ("Luca Verdi", "PER")])


def test_a_name_in_an_aside_about_the_visitor_is_no_visitor():
    assert visits(ASIDE) == {("Marco Rossi", "Kiev")}


LANDING = ("Marco Rossi sbarca in Giappone per la prima tappa del suo viaggio.", """
1 Marco Marco PROPN 3 nsubj
2 Rossi Rossi PROPN 1 flat:name
3 sbarca sbarcare VERB 0 root
4 in in ADP 5 case
5 Giappone Giappone PROPN 3 obl
6 per per ADP 9 case
7 la il DET 9 det
8 prima primo ADJ 9 amod
9 tappa tappa NOUN 3 obl
10 del di ADP 12 case
11 suo suo DET 12 det:poss
12 viaggio viaggio NOUN 9 nmod
13 . . PUNCT 3 punct
""", [("Marco Rossi", "PER"), ("Giappone", "LOC")])


def test_landing_is_a_journey_s_arrival():
    """The travel lexicon: "sbarcare" (and "approdare", a journey's "tappa") are visits."""
    assert visits(LANDING) == {("Marco Rossi", "Giappone")}
