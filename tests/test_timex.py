from kg.timex import find_times, xsd_datatype


def values(text, anchor=None):
    return [t.value for t in find_times(text, anchor)]


def test_absolute_dates_at_their_precision():
    assert values("firmato il 19 giugno 2024 a Pyongyang") == ["2024-06-19"]
    assert values("il trattato firmato nel giugno del 2024") == ["2024-06"]
    assert values("le truppe entrarono nel 1945 in Corea") == ["1945"]


def test_relative_dates_need_the_article_date():
    # 2025-08-13 is a Wednesday: "martedì" is the day before.
    assert values("una conversazione telefonica avvenuta martedì", "2025-08-13") == ["2025-08-12"]
    assert values("una conversazione telefonica avvenuta martedì") == []
    # the article's own weekday is that day, unless "scorso" says the week before
    assert values("è stato ricevuto mercoledì a Pechino", "2025-08-13") == ["2025-08-13"]
    assert values("è stato ricevuto mercoledì scorso a Pechino", "2025-08-13") == ["2025-08-06"]
    assert values("ieri il ministro ha parlato", "2025-03-02") == ["2025-03-01"]
    assert values("lo scorso anno", "2025-03-02") == ["2024"]
    assert values("ad aprile si è recato a Mosca", "2025-08-13") == ["2025-04"]
    assert values("a novembre si è recato a Mosca", "2025-08-13") == ["2024-11"]


def test_day_and_month_take_the_article_year():
    assert values("il 15 agosto si è tenuta la parata", "2025-08-20") == ["2025-08-15"]


def test_datatypes():
    assert xsd_datatype("2024") == "gYear"
    assert xsd_datatype("2024-06") == "gYearMonth"
    assert xsd_datatype("2024-06-19") == "date"


def test_impossible_day_falls_back_to_the_month():
    assert values("il 31 febbraio 2024") == ["2024-02"]


def test_spans_ago_keep_the_precision_of_their_unit():
    assert values("l'accordo firmato sei mesi fa", "2024-12-27") == ["2024-06"]
    assert values("arrivato tre giorni fa", "2025-03-02") == ["2025-02-27"]
    assert values("un mese fa", "2025-01-10") == ["2024-12"]
    assert values("eletto 2 anni fa", "2025-01-10") == ["2023"]
    assert values("il mese scorso", "2025-01-10") == ["2024-12"]
    assert values("sei mesi fa") == []


def test_what_is_still_to_come_looks_ahead():
    # an article of Wednesday 2027-08-11: a future clause's bare month or weekday is the next one
    assert [t.value for t in find_times("visiterà Pechino a settembre", "2027-08-11", ahead=True)] == ["2027-09"]
    assert [t.value for t in find_times("si vedranno a marzo", "2027-08-11", ahead=True)] == ["2028-03"]
    assert [t.value for t in find_times("arriverà il 3 febbraio", "2027-08-11", ahead=True)] == ["2028-02-03"]
    assert [t.value for t in find_times("partirà venerdì", "2027-08-11", ahead=True)] == ["2027-08-13"]
    # "scorso" still looks back
    assert [t.value for t in find_times("come lo scorso settembre", "2027-08-11", ahead=True)] == ["2026-09"]
    # the same words in a past clause look back
    assert values("è arrivato venerdì", "2027-08-11") == ["2027-08-06"]


def test_prossimo_looks_ahead_whatever_the_clause():
    assert values("lunedì prossimo", "2027-08-11") == ["2027-08-16"]
    assert values("mercoledì prossimo", "2027-08-11") == ["2027-08-18"]
    assert values("a settembre prossimo", "2027-08-11") == ["2027-09"]
    assert values("ad agosto prossimo", "2027-08-11") == ["2028-08"]
    assert values("il mese prossimo", "2027-12-11") == ["2028-01"]
    assert values("l'anno prossimo si voterà", "2027-08-11") == ["2028"]
    assert values("il prossimo anno", "2027-08-11") == ["2028"]
