"""When an act the article reports happened: its own time expression, else the article's date
at the precision the article has; standing facts and planned acts stay undated. Short sentences
parsed by hand (no model), invented wording."""
from parsed import extract

from kg.relations.facts import reported_date
from kg.timex import find_times

MET = ("Il presidente francese Emmanuel Macron ha incontrato Olaf Scholz.", """
1 Il il DET 2 det
2 presidente presidente NOUN 5 nsubj
3 francese francese ADJ 2 amod
4 Emmanuel Emmanuel PROPN 2 nmod
5 Macron Macron PROPN 4 flat:name
6 ha avere AUX 7 aux
7 incontrato incontrare VERB 0 root
8 Olaf Olaf PROPN 7 obj
9 Scholz Scholz PROPN 8 flat:name
10 . . PUNCT 7 punct
""", [("Emmanuel Macron", "PER"), ("Olaf Scholz", "PER")])

MET_ON_THE_19TH = ("Emmanuel Macron ha incontrato Olaf Scholz il 19 giugno.", """
1 Emmanuel Emmanuel PROPN 4 nsubj
2 Macron Macron PROPN 1 flat:name
3 ha avere AUX 4 aux
4 incontrato incontrare VERB 0 root
5 Olaf Olaf PROPN 4 obj
6 Scholz Scholz PROPN 5 flat:name
7 il il DET 8 det
8 19 19 NUM 4 obl
9 giugno giugno NOUN 8 flat
10 . . PUNCT 4 punct
""", [("Emmanuel Macron", "PER"), ("Olaf Scholz", "PER")])

WILL_MEET = ("Emmanuel Macron incontrerà Olaf Scholz.", """
1 Emmanuel Emmanuel PROPN 3 nsubj
2 Macron Macron PROPN 1 flat:name
3 incontrerà incontrare VERB 0 root _ Mood=Ind|Number=Sing|Person=3|Tense=Fut|VerbForm=Fin
4 Olaf Olaf PROPN 3 obj
5 Scholz Scholz PROPN 4 flat:name
6 . . PUNCT 3 punct
""", [("Emmanuel Macron", "PER"), ("Olaf Scholz", "PER")])


def facts(sentence, date):
    res, out = extract(sentence, date=date)
    label = lambda k: res.entities[k].label   # noqa: E731
    return {(label(f.subject), f.predicate, label(f.object), f.status): f.date for f in out.facts}


def test_an_undated_meeting_took_place_when_the_article_is_dated():
    got = facts(MET, "2025-01")
    meeting = next(d for (s, p, o, _), d in got.items() if p == "communicatedWith")
    assert meeting == "2025-01"                        # the month the article gives, no day made up
    office = next(d for (s, p, o, _), d in got.items() if p == "leaderOf")
    assert office is None                              # an office is no act of that day
    assert next(d for (s, p, o, _), d in facts(MET, "2025-01-15").items() if p == "communicatedWith") == "2025-01-15"
    assert next(d for (s, p, o, _), d in facts(MET, None).items() if p == "communicatedWith") is None


def test_the_text_s_own_date_wins_and_a_month_dates_the_day_it_names():
    got = facts(MET_ON_THE_19TH, "2024-06")
    assert next(d for (s, p, o, _), d in got.items() if p == "communicatedWith") == "2024-06-19"


def test_a_planned_meeting_takes_no_date_from_the_article():
    got = facts(WILL_MEET, "2025-01-15")
    planned = [(st, d) for (s, p, o, st), d in got.items() if p == "communicatedWith"]
    assert planned and all(st == "planned" and d is None for st, d in planned)


def test_reported_date_rules():
    assert reported_date("visited", "asserted", None, "2024-03") == "2024-03"
    assert reported_date("visited", "reported", None, "2024-03") == "2024-03"
    assert reported_date("visited", "asserted", "2024-02-01", "2024-03") == "2024-02-01"
    assert reported_date("visited", "hypothetical", None, "2024-03") is None
    assert reported_date("holdsPosition", "asserted", None, "2024-03") is None
    assert reported_date("sentTroopsTo", "asserted", None, "2024-03") is None


def test_an_anchor_gives_what_its_precision_allows():
    said = "firmato il 19 giugno, ieri, martedì, il mese scorso, l'anno scorso, sei mesi fa, tre giorni fa"
    month = {t.text: t.value for t in find_times(said, "2024-06")}
    assert month == {"19 giugno": "2024-06-19", "il mese scorso": "2024-05", "anno scorso": "2023",
                     "sei mesi fa": "2023-12"}           # no "ieri", "martedì", "tre giorni fa": no day
    assert {t.text: t.value for t in find_times(said, "2024")} == {"anno scorso": "2023"}
    day = {t.text: t.value for t in find_times(said, "2024-06-20")}
    assert day["ieri"] == "2024-06-19" and day["martedì"] == "2024-06-18" and day["tre giorni fa"] == "2024-06-17"
