"""Meeting partners the parse makes hard to reach: a second partner hung on the first one's
role holder, the light verb's "con" phrases beyond the noun's reach, and two people joined by a
hyphen after a meeting noun, an object past an aside between commas. Short sentences parsed by
hand (no model)."""
from parsed import extract, triples



SANCHEZ = "Pedro Sánchez"


def met(sentence) -> set[frozenset]:
    return {frozenset((s, o)) for s, p, o in triples(*extract(sentence), status=None) if p == "communicatedWith"}


RECEIVED = ("Sánchez ha ricevuto il presidente della Francia, Emmanuel Macron, e l'omologo della Polonia, "
            "Andrzej Duda.", """
1 Sánchez Sánchez PROPN 3 nsubj
2 ha avere AUX 3 aux
3 ricevuto ricevere VERB 0 root
4 il il DET 5 det
5 presidente presidente NOUN 3 obj
6-7 della
6 di di ADP 8 case
7 la il DET 8 det
8 Francia Francia PROPN 5 nmod
9 , , PUNCT 10 punct
10 Emmanuel Emmanuel PROPN 8 conj
11 Macron Macron PROPN 10 flat:name
12 , , PUNCT 15 punct
13 e e CCONJ 15 cc
14 l' il DET 15 det
15 omologo omologo NOUN 8 conj
16-17 della
16 di di ADP 18 case
17 la il DET 18 det
18 Polonia Polonia PROPN 15 nmod
19 , , PUNCT 20 punct
20 Andrzej Andrzej PROPN 18 conj
21 Duda Duda PROPN 20 flat:name
22 . . PUNCT 3 punct
""", [("Sánchez", "PER"), ("Francia", "LOC"), ("Emmanuel Macron", "PER"), ("Polonia", "LOC"),
      ("Andrzej Duda", "PER")])

OPENED = ("Sánchez ha aperto il vertice a Madrid con il presidente francese Emmanuel Macron e con il presidente "
          "polacco Andrzej Duda.", """
1 Sánchez Sánchez PROPN 3 nsubj
2 ha avere AUX 3 aux
3 aperto aprire VERB 0 root
4 il il DET 5 det
5 vertice vertice NOUN 3 obj
6 a a ADP 7 case
7 Madrid Madrid PROPN 5 nmod
8 con con ADP 10 case
9 il il DET 10 det
10 presidente presidente NOUN 3 obl
11 francese francese ADJ 10 amod
12 Emmanuel Emmanuel PROPN 10 nmod
13 Macron Macron PROPN 12 flat:name
14 e e CCONJ 17 cc
15 con con ADP 17 case
16 il il DET 17 det
17 presidente presidente NOUN 10 conj
18 polacco polacco ADJ 17 amod
19 Andrzej Andrzej PROPN 17 nmod
20 Duda Duda PROPN 19 flat:name
21 . . PUNCT 3 punct
""", [("Sánchez", "PER"), ("Madrid", "LOC"), ("Emmanuel Macron", "PER"), ("Andrzej Duda", "PER")])

HEADLINE = ("Incontro Macron-Scholz a Berlino.", """
1 Incontro Incontro PROPN 0 root
2 Macron Macron PROPN 1 flat:name
3 - - PUNCT 1 punct
4 Scholz Scholz PROPN 1 conj
5 a a ADP 6 case
6 Berlino Berlino PROPN 1 nmod
7 . . PUNCT 1 punct
""", [("Macron-Scholz", "PER"), ("Berlino", "LOC")])


def test_a_partner_the_parse_hangs_on_the_first_partner_s_holder_is_met_too():
    assert met(RECEIVED) == {frozenset({SANCHEZ, "Emmanuel Macron"}), frozenset({SANCHEZ, "Andrzej Duda"})}


def test_every_con_phrase_of_the_light_verb_is_a_partner():
    assert {frozenset({SANCHEZ, "Emmanuel Macron"}), frozenset({SANCHEZ, "Andrzej Duda"})} <= met(OPENED)


def test_two_people_joined_by_a_hyphen_after_a_meeting_noun_met():
    found = met(HEADLINE)
    assert found == {frozenset({"Emmanuel Macron", "Olaf Scholz"})}


SUMMIT = ("Il vertice tra il presidente francese Emmanuel Macron, il cancelliere tedesco Olaf Scholz e il "
          "premier spagnolo Pedro Sánchez è stato breve.", """
1 Il il DET 2 det
2 vertice vertice NOUN 23 nsubj
3 tra tra ADP 5 case
4 il il DET 5 det
5 presidente presidente NOUN 2 nmod
6 francese francese ADJ 5 amod
7 Emmanuel Emmanuel PROPN 5 nmod
8 Macron Macron PROPN 7 flat:name
9 , , PUNCT 11 punct
10 il il DET 11 det
11 cancelliere cancelliere NOUN 23 nsubj
12 tedesco tedesco ADJ 11 amod
13 Olaf Olaf PROPN 11 nmod
14 Scholz Scholz PROPN 13 flat:name
15 e e CCONJ 17 cc
16 il il DET 17 det
17 premier premier NOUN 11 conj
18 spagnolo spagnolo ADJ 17 amod
19 Pedro Pedro PROPN 17 nmod
20 Sánchez Sánchez PROPN 19 flat:name
21 è essere AUX 23 aux
22 stato essere AUX 23 cop
23 breve breve ADJ 0 root
24 . . PUNCT 23 punct
""", [("Emmanuel Macron", "PER"), ("Olaf Scholz", "PER"), ("Pedro Sánchez", "PER")])


def test_a_closed_list_of_three_after_tra_met_pair_by_pair_whatever_the_parse():
    assert met(SUMMIT) == {frozenset({"Emmanuel Macron", "Olaf Scholz"}), frozenset({"Emmanuel Macron", SANCHEZ}),
                           frozenset({"Olaf Scholz", SANCHEZ})}


OWN_STATE = ("Il presidente argentino Javier Milei ha incontrato l'Argentina e il Cile.", """
1 Il il DET 2 det
2 presidente presidente NOUN 7 nsubj
3 argentino argentino ADJ 2 amod
4 Javier Javier PROPN 2 nmod
5 Milei Milei PROPN 4 flat:name
6 ha avere AUX 7 aux
7 incontrato incontrare VERB 0 root
8 l' il DET 9 det
9 Argentina Argentina PROPN 7 obj
10 e e CCONJ 12 cc
11 il il DET 12 det
12 Cile Cile PROPN 9 conj
13 . . PUNCT 7 punct
""", [("Javier Milei", "PER"), ("Argentina", "LOC"), ("Cile", "LOC")])


OWN_STATE_BY_GAZETTEER = ("Javier Milei ha incontrato l'Argentina e il Cile.", """
1 Javier Javier PROPN 4 nsubj
2 Milei Milei PROPN 1 flat:name
3 ha avere AUX 4 aux
4 incontrato incontrare VERB 0 root
5 l' il DET 6 det
6 Argentina Argentina PROPN 4 obj
7 e e CCONJ 9 cc
8 il il DET 9 det
9 Cile Cile PROPN 6 conj
10 . . PUNCT 4 punct
""", [("Javier Milei", "PER"), ("Argentina", "LOC"), ("Cile", "LOC")])


def test_a_person_meets_no_one_in_meeting_their_own_state():
    assert met(OWN_STATE) == {frozenset({"Javier Milei", "Cile"})}
    # the article names no office: the gazetteer's, in the article's year, says whose state it is
    meetings = {frozenset((s, o)) for s, p, o in triples(*extract(OWN_STATE_BY_GAZETTEER, date="2024-05-02"),
                                                          status=None) if p == "communicatedWith"}
    assert meetings == {frozenset({"Javier Milei", "Cile"})}


# the parse hangs the object on the aside's noun ("vertice"), fourteen words past the verb
ASIDE = ("Olaf Scholz ha incontrato ieri a Parigi, a margine del vertice dei ministri europei della difesa, "
         "il presidente francese Emmanuel Macron.", """
1 Olaf Olaf PROPN 4 nsubj
2 Scholz Scholz PROPN 1 flat:name
3 ha avere AUX 4 aux
4 incontrato incontrare VERB 0 root
5 ieri ieri ADV 4 advmod
6 a a ADP 7 case
7 Parigi Parigi PROPN 4 obl
8 , , PUNCT 10 punct
9 a a ADP 10 case
10 margine margine NOUN 4 obl
11 del di ADP 12 case
12 vertice vertice NOUN 10 nmod
13 dei di ADP 14 case
14 ministri ministro NOUN 12 nmod
15 europei europeo ADJ 14 amod
16 della di ADP 17 case
17 difesa difesa NOUN 14 nmod
18 , , PUNCT 20 punct
19 il il DET 20 det
20 presidente presidente NOUN 12 conj
21 francese francese ADJ 20 amod
22 Emmanuel Emmanuel PROPN 20 nmod
23 Macron Macron PROPN 22 flat:name
24 . . PUNCT 4 punct
""", [("Olaf Scholz", "PER"), ("Parigi", "LOC"), ("Emmanuel Macron", "PER")])


def test_an_aside_between_commas_does_not_hide_the_object_after_it():
    assert met(ASIDE) == {frozenset(("Olaf Scholz", "Emmanuel Macron"))}


# a passive with no subject of its own: the guest is the subject of the clause above
WELCOMED_ON_ARRIVAL = ("Marco Rossi è arrivato a Parigi ed è stato accolto da Luca Bianchi.", """
1 Marco Marco PROPN 4 nsubj
2 Rossi Rossi PROPN 1 flat:name
3 è essere AUX 4 aux
4 arrivato arrivare VERB 0 root
5 a a ADP 6 case
6 Parigi Parigi PROPN 4 obl
7 ed e CCONJ 10 cc
8 è essere AUX 10 aux
9 stato essere AUX 10 aux:pass
10 accolto accogliere VERB 4 conj
11 da da ADP 12 case
12 Luca Luca PROPN 10 obl:agent
13 Bianchi Bianchi PROPN 12 flat:name
14 . . PUNCT 4 punct
""", [("Marco Rossi", "PER"), ("Parigi", "LOC"), ("Luca Bianchi", "PER")])


def test_whoever_a_subjectless_passive_welcomes_is_the_subject_of_the_clause_above():
    assert met(WELCOMED_ON_ARRIVAL) == {frozenset(("Marco Rossi", "Luca Bianchi"))}


# a call received: the "da" phrase made it, to whoever received it
CALL_RECEIVED = ("Marco Rossi ha ricevuto una telefonata da Luca Bianchi.", """
1 Marco Marco PROPN 4 nsubj
2 Rossi Rossi PROPN 1 flat:name
3 ha avere AUX 4 aux
4 ricevuto ricevere VERB 0 root
5 una uno DET 6 det
6 telefonata telefonata NOUN 4 obj
7 da da ADP 8 case
8 Luca Luca PROPN 6 nmod
9 Bianchi Bianchi PROPN 8 flat:name
10 . . PUNCT 4 punct
""", [("Marco Rossi", "PER"), ("Luca Bianchi", "PER")])


def test_a_call_received_from_someone_is_theirs_to_the_receiver():
    res, facts = extract(CALL_RECEIVED)
    calls = [(res.entities[f.subject].label, res.entities[f.object].label, f.kind) for f in facts.facts
             if f.predicate == "communicatedWith"]
    assert calls == [("Luca Bianchi", "Marco Rossi", "phone_call")]


# the parse chains the list: "Stati Uniti" hangs on "Qatar", not on the first conjunct
CHAINED_LIST = ("Egitto, Israele, Qatar e Stati Uniti hanno tenuto colloqui al Cairo.", """
1 Egitto Egitto PROPN 10 nsubj
2 , , PUNCT 3 punct
3 Israele Israele PROPN 1 conj
4 , , PUNCT 5 punct
5 Qatar Qatar PROPN 1 conj
6 e e CCONJ 7 cc
7 Stati Stati PROPN 5 conj
8 Uniti Uniti PROPN 7 flat:name
9 hanno avere AUX 10 aux
10 tenuto tenere VERB 0 root
11 colloqui colloquio NOUN 10 obj
12-13 al
12 a a ADP 14 case
13 il il DET 14 det
14 Cairo Cairo PROPN 10 obl
15 . . PUNCT 10 punct
""", [("Egitto", "LOC"), ("Israele", "LOC"), ("Qatar", "LOC"), ("Stati Uniti", "LOC"), ("Cairo", "LOC")])


def test_every_conjunct_of_a_chained_list_is_a_party():
    got = met(CHAINED_LIST)
    assert len(got) == 6, got      # four states, each pair once


WELCOMED_BY = (("Anna Neri è arrivata a Varna.", """
1 Anna Anna PROPN 3 nsubj
2 Neri Neri PROPN 1 flat:name
3 è essere AUX 4 aux
4 arrivata arrivare VERB 0 root
5 a a ADP 6 case
6 Varna Varna PROPN 4 obl
7 . . PUNCT 4 punct
""", [("Anna Neri", "PER"), ("Varna", "LOC")]),
               ("Ad accoglierla c'era il sindaco Luca Verdi.", """
1 Ad a ADP 2 mark
2 accoglier accogliere VERB 5 advcl VerbForm=Inf
3 la la PRON 2 obj
4 c' ci PRON 5 expl
5 era essere VERB 0 root
6 il il DET 7 det
7 sindaco sindaco NOUN 5 nsubj
8 Luca Luca PROPN 7 appos
9 Verdi Verdi PROPN 8 flat:name
10 . . PUNCT 5 punct
""", [("Luca Verdi", "PER")]))

WELCOMED_NO_VERB = ("Ad accogliere Anna Neri all'aeroporto il sindaco Luca Verdi.", """
1 Ad a ADP 2 mark
2 accogliere accogliere VERB 0 root VerbForm=Inf
3 Anna Anna PROPN 2 obj
4 Neri Neri PROPN 3 flat:name
5-6 all'
5 a a ADP 7 case
6 l' il DET 7 det
7 aeroporto aeroporto NOUN 2 obl
8 il il DET 9 det
9 sindaco sindaco NOUN 2 obj
10 Luca Luca PROPN 9 appos
11 Verdi Verdi PROPN 10 flat:name
12 . . PUNCT 2 punct
""", [("Anna Neri", "PER"), ("Luca Verdi", "PER")])


def test_whoever_stands_to_welcome_the_guest_met_them():
    got = {frozenset((s, o)) for s, p, o in triples(*extract(*WELCOMED_BY), status=None) if p == "communicatedWith"}
    assert got == {frozenset(("Anna Neri", "Luca Verdi"))}
    assert met(WELCOMED_NO_VERB) == {frozenset(("Anna Neri", "Luca Verdi"))}
    # with nobody named before the clitic, nobody was welcomed
    assert met(WELCOMED_BY[1]) == set()


STATE_MEETS_ITS_LEADER = ("L'Estonia ha incontrato il presidente estone Anna Neri e il presidente portoghese Luca Verdi.", """
1 L' il DET 2 det
2 Estonia Estonia PROPN 4 nsubj
3 ha avere AUX 4 aux
4 incontrato incontrare VERB 0 root
5 il il DET 6 det
6 presidente presidente NOUN 4 obj
7 estone estone ADJ 6 amod
8 Anna Anna PROPN 6 appos
9 Neri Neri PROPN 8 flat:name
10 e e CCONJ 12 cc
11 il il DET 12 det
12 presidente presidente NOUN 6 conj
13 portoghese portoghese ADJ 12 amod
14 Luca Luca PROPN 12 appos
15 Verdi Verdi PROPN 14 flat:name
16 . . PUNCT 4 punct
""", [("Estonia", "LOC"), ("Anna Neri", "PER"), ("Luca Verdi", "PER")])


def test_a_state_meets_no_one_in_meeting_its_own_leader():
    got = met(STATE_MEETS_ITS_LEADER)
    assert frozenset(("Estonia", "Luca Verdi")) in got, got       # a foreign president: a meeting
    assert frozenset(("Estonia", "Anna Neri")) not in got, got    # its own: none


DURING = ("Pechino ha annunciato la tregua durante l'incontro tra il ministro degli Esteri cinese Wang Yi e "
          "il suo omologo indiano Subrahmanyam Jaishankar.", """
1 Pechino Pechino PROPN 3 nsubj
2 ha avere AUX 3 aux
3 annunciato annunciare VERB 0 root
4 la il DET 5 det
5 tregua tregua NOUN 3 obj
6 durante durante ADP 8 case
7 l' il DET 8 det
8 incontro incontro NOUN 3 obl
9 tra tra ADP 11 case
10 il il DET 11 det
11 ministro ministro NOUN 8 nmod
12-13 degli
12 di di ADP 14 case
13 gli il DET 14 det
14 Esteri Esteri PROPN 11 nmod
15 cinese cinese ADJ 14 amod
16 Wang Wang PROPN 14 flat:name
17 Yi Yi PROPN 16 flat:name
18 e e CCONJ 21 cc
19 il il DET 21 det
20 suo suo DET 21 det:poss
21 omologo omologo NOUN 14 conj
22 indiano indiano ADJ 21 amod
23 Subrahmanyam Subrahmanyam PROPN 21 nmod
24 Jaishankar Jaishankar PROPN 23 flat:name
25 . . PUNCT 3 punct
""", [("Pechino", "LOC"), ("Wang Yi", "PER"), ("Subrahmanyam Jaishankar", "PER")])

CLOSENESS = ("Un colloquio cordiale che ha mostrato la vicinanza tra Italia e Stati Uniti.", """
1 Un uno DET 2 det
2 colloquio colloquio NOUN 0 root
3 cordiale cordiale ADJ 2 amod
4 che che PRON 6 nsubj
5 ha avere AUX 6 aux
6 mostrato mostrare VERB 2 acl:relcl
7 la il DET 8 det
8 vicinanza vicinanza NOUN 6 obj
9 tra tra ADP 10 case
10 Italia Italia PROPN 8 nmod
11 e e CCONJ 12 cc
12 Stati Stato PROPN 10 conj
13 Uniti Unito PROPN 12 flat:name
14 . . PUNCT 2 punct
""", [("Italia", "LOC"), ("Stati Uniti", "LOC")])


def test_the_two_a_meeting_is_between_met_whoever_the_clause_is_about():
    """The parse hung the second party on a word inside the first's role, and the clause around
    the noun has a subject of its own: the words after "tra" still name the two who met."""
    assert met(DURING) == {frozenset(("Wang Yi", "Subrahmanyam Jaishankar"))}


def test_a_list_after_tra_in_another_clause_is_no_meeting_s():
    assert met(CLOSENESS) == set()


MATCH = ("Era in corso un incontro di calcio tra Francia e Germania.", """
1 Era essere AUX 3 cop
2 in in ADP 3 case
3 corso corso NOUN 0 root
4 un uno DET 5 det
5 incontro incontro NOUN 3 nsubj
6 di di ADP 7 case
7 calcio calcio NOUN 5 nmod
8 tra tra ADP 9 case
9 Francia Francia PROPN 5 nmod
10 e e CCONJ 11 cc
11 Germania Germania PROPN 9 conj
12 . . PUNCT 3 punct
""", [("Francia", "LOC"), ("Germania", "LOC")])

TALKS = ("Era in corso un incontro tra Francia e Germania.", """
1 Era essere AUX 3 cop
2 in in ADP 3 case
3 corso corso NOUN 0 root
4 un uno DET 5 det
5 incontro incontro NOUN 3 nsubj
6 tra tra ADP 7 case
7 Francia Francia PROPN 5 nmod
8 e e CCONJ 9 cc
9 Germania Germania PROPN 7 conj
10 . . PUNCT 3 punct
""", [("Francia", "LOC"), ("Germania", "LOC")])


def test_a_match_is_no_meeting():
    """"un incontro di calcio tra Francia e Germania" is a football match; without the sport the
    same words are a meeting of the two states."""
    assert met(MATCH) == set()
    assert met(TALKS) == {frozenset(("Francia", "Germania"))}


WELCOMED_WHERE = ("Tutto ha accompagnato l'arrivo del ministro Marco Rossi in Giappone, dove è stato accolto da "
                  "Fumio Kishida.", """
1 Tutto tutto PRON 3 nsubj
2 ha avere AUX 3 aux
3 accompagnato accompagnare VERB 0 root
4 l' il DET 5 det
5 arrivo arrivo NOUN 3 obj
6-7 del
6 di di ADP 8 case
7 il il DET 8 det
8 ministro ministro NOUN 5 nmod
9 Marco Marco PROPN 8 nmod
10 Rossi Rossi PROPN 9 flat:name
11 in in ADP 12 case
12 Giappone Giappone PROPN 3 obl
13 , , PUNCT 17 punct
14 dove dove PRON 17 nsubj:pass
15 è essere AUX 17 aux
16 stato essere AUX 17 aux:pass
17 accolto accogliere VERB 12 acl:relcl
18 da da ADP 19 case
19 Fumio Fumio PROPN 17 obl:agent
20 Kishida Kishida PROPN 19 flat:name
21 . . PUNCT 3 punct
""", [("Marco Rossi", "PER"), ("Giappone", "LOC"), ("Fumio Kishida", "PER")])


def test_whoever_arrived_where_a_host_welcomed_someone_is_the_guest():
    """"dove è stato accolto da Kishida": no subject but "dove", and the clause above is about
    a scenography; the one this sentence has arriving in Japan is whom Kishida welcomed."""
    assert met(WELCOMED_WHERE) == {frozenset(("Marco Rossi", "Fumio Kishida"))}


RECEIVING_PARTICIPLE = ("Il presidente turco Recep Erdogan è arrivato a Villa Pamphili, accolto dalla presidente "
                       "Giorgia Meloni.", """
1 Il il DET 2 det
2 presidente presidente NOUN 7 nsubj
3 turco turco ADJ 2 amod
4 Recep Recep PROPN 2 nmod
5 Erdogan Erdogan PROPN 4 flat:name
6 è essere AUX 7 aux
7 arrivato arrivare VERB 0 root
8 a a ADP 9 case
9 Villa Villa PROPN 7 obl
10 Pamphili Pamphili PROPN 9 flat:name
11 , , PUNCT 12 punct
12 accolto accogliere VERB 7 advcl Gender=Masc|Number=Sing|Tense=Past|VerbForm=Part
13-14 dalla
13 da da ADP 15 case
14 la il DET 15 det
15 presidente presidente NOUN 12 obl
16 Giorgia Giorgia PROPN 15 nmod
17 Meloni Meloni PROPN 16 flat:name
18 . . PUNCT 7 punct
""", [("Recep Erdogan", "PER"), ("Villa Pamphili", "LOC"), ("Giorgia Meloni", "PER")])


def test_a_receiving_participle_with_no_subject_welcomes_its_clause_s_subject():
    """"è arrivato a Villa Pamphili, accolto dalla presidente Meloni": the participle has no
    subject of its own; whom it welcomes is the one the clause it hangs on is about."""
    assert met(RECEIVING_PARTICIPLE) == {frozenset(("Recep Erdogan", "Giorgia Meloni"))}


COLLEAGUE = ("Marco Rossi ha incontrato il collega croato Luca Bianchi.", """
1 Marco Marco PROPN 4 nsubj
2 Rossi Rossi PROPN 1 flat:name
3 ha avere AUX 4 aux
4 incontrato incontrare VERB 0 root
5 il il DET 6 det
6 collega collega NOUN 4 obj
7 croato croato ADJ 6 amod
8 Luca Luca PROPN 6 nmod
9 Bianchi Bianchi PROPN 8 flat:name
10 . . PUNCT 4 punct
""", [("Marco Rossi", "PER"), ("Luca Bianchi", "PER")])


def test_a_colleague_of_another_state_is_a_counterpart():
    """"il collega croato Luca Bianchi": whom Rossi met is Bianchi, an official of Croatia, not
    Croatia itself."""
    assert met(COLLEAGUE) == {frozenset(("Marco Rossi", "Luca Bianchi"))}
    assert ("Luca Bianchi", "holdsPosition", "Croazia") in triples(*extract(COLLEAGUE))


ARRIVED = ("Marco Rossi è arrivato a Pechino.", """
1 Marco Marco PROPN 4 nsubj
2 Rossi Rossi PROPN 1 flat:name
3 è essere AUX 4 aux
4 arrivato arrivare VERB 0 root
5 a a ADP 6 case
6 Pechino Pechino PROPN 4 obl
7 . . PUNCT 4 punct
""", [("Marco Rossi", "PER"), ("Pechino", "LOC")])

WELCOMED_HIM = ("Luca Bianchi e sua moglie Anna Verdi lo hanno accolto con una parata.", """
1 Luca Luca PROPN 10 nsubj
2 Bianchi Bianchi PROPN 1 flat:name
3 e e CCONJ 5 cc
4 sua suo DET 5 det:poss
5 moglie moglie NOUN 1 conj
6 Anna Anna PROPN 5 nmod
7 Verdi Verdi PROPN 6 flat:name
8 lo lo PRON 10 obj
9 hanno avere AUX 10 aux
10 accolto accogliere VERB 0 root
11 con con ADP 13 case
12 una uno DET 13 det
13 parata parata NOUN 10 obl
14 . . PUNCT 10 punct
""", [("Luca Bianchi", "PER"), ("Anna Verdi", "PER")])


def test_whom_a_clitic_welcomes_is_the_person_named_last_before_the_welcomers():
    """"Rossi è arrivato a Pechino. Bianchi e sua moglie lo hanno accolto": "lo" is Rossi, not
    the wife the subject names."""
    got = {frozenset((s, o)) for s, p, o in triples(*extract(ARRIVED, WELCOMED_HIM), status=None)
           if p == "communicatedWith"}
    assert frozenset(("Luca Bianchi", "Marco Rossi")) in got
    assert frozenset(("Anna Verdi", "Luca Bianchi")) not in got
