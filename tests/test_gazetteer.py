"""The gazetteer: normalisation, lookups, demonyms, metonyms, people, and the shipped data."""
from __future__ import annotations

import re
from collections import Counter
from pathlib import Path

import pytest

from kg.gazetteer import (GAZETTEER_DIR, POSITIONS, Gazetteer, GazetteerEntry, GazetteerError,
                          Office, load_gazetteer)

QID = re.compile(r"^Q[1-9][0-9]*$")

STATES_HDR = "key\tname_it\tnames\tname_en\tdemonyms\tcapital_key\tcapital_it\tmetonyms\twikidata\n"
PLACES_HDR = "key\tname_it\tnames\tname_en\tstate\tkind\twikidata\n"
ORGS_HDR = "key\tname_it\tnames\tname_en\tstate\tkind\twikidata\n"
PEOPLE_HDR = "key\tname_it\tnames\tname_en\tstate\tposition\trole_it\tsince\tuntil\twikidata\n"


@pytest.fixture(scope="module")
def gaz() -> Gazetteer:
    return load_gazetteer()


def _write(directory: Path, **files: str) -> Path:
    directory.mkdir(parents=True, exist_ok=True)
    for name, text in files.items():
        (directory / f"{name}.tsv").write_text(text, encoding="utf-8")
    return directory


def _tiny(tmp_path: Path, places: str = "", people: str = "", orgs: str = "") -> Path:
    states = (STATES_HDR
              + "Q1\tAlfa\tAlfa|Repubblica di Alfa|RDA\tAlpha\talfano|alfana|alfani|alfane\tx-alfa-city"
                "\tAlfa City\tPalazzo Alfa\tQ1\n"
              + "Q2\tBeta\tBeta\tBeta\tbetano|betana|betani|betane\t\tBetaville\t\tQ2\n")
    place_rows = PLACES_HDR + "x-alfa-city\tAlfa City\tAlfa City\tAlpha City\tQ1\tcapital\t\n" + places
    return _write(tmp_path / "gaz", states=states, places=place_rows,
                  organizations=ORGS_HDR + orgs, people=PEOPLE_HDR + people)


# ------------------------------------------------------------------------------- fold

@pytest.mark.parametrize("a,b", [
    ("Kim Jong-un", "Kim Jong Un"),
    ("Kim Jong-un", "KIM JONG–UN"),
    ("Sergueï Choïgou", "Sergue\u0069 Choigou"),
    ("Sergej Šojgu", "Sergej Sojgu"),
    ("Stati Uniti d’America", "Stati Uniti d'America"),
    ("  Corea   del\tNord ", "corea del nord"),
    ("U.S.A.", "USA"),
    ("Radosław Sikorski", "Radoslaw Sikorski"),
    ("Zaporižžja", "Zaporizzja"),
])
def test_fold_equivalences(gaz, a, b):
    assert gaz.fold(a) == gaz.fold(b)


def test_fold_is_ascii_lower_case(gaz):
    folded = gaz.fold("Sergueï Choïgou — Ελλάδα? No: Łódź, Øresund, Straße")
    assert folded == folded.lower()
    assert "ï" not in folded and "ł" not in folded and "ø" not in folded
    assert gaz.fold("Sergueï Choïgou") == "serguei choigou"


# ------------------------------------------------------------------------------- lookup

def test_lookup_long_and_short_state_names(gaz):
    north_korea = gaz.lookup("Corea del Nord")
    assert north_korea is not None and north_korea.type == "State"
    for name in ("Repubblica Democratica Popolare di Corea", "RPDC", "Nord Corea"):
        assert gaz.lookup(name) is north_korea
    usa = gaz.lookup("Stati Uniti d’America")
    assert usa is gaz.lookup("USA") is gaz.lookup("Usa") is gaz.lookup("Stati Uniti")
    assert usa.key == usa.wikidata


def test_lookup_acronyms_in_any_capitalisation(gaz):
    assert gaz.lookup("KCNA") is gaz.lookup("Kcna") is not None
    nato = gaz.lookup("NATO")
    assert nato is not None and nato.type == "Organization"
    assert gaz.lookup("Nato") is nato


def test_lower_case_surfaces_do_not_match_capitalised_names(gaz):
    assert gaz.lookup("Russia") is not None
    for word in ("russia", "nato", "re", "mosca", "usa", "italia"):
        assert gaz.lookup(word) is None


def test_capital_is_a_place_and_a_metonym_for_its_state(gaz):
    moscow = gaz.lookup("Mosca")
    russia = gaz.lookup("Russia")
    assert moscow.type == "Place" and moscow.state == russia.key
    assert ("kind", "capital") in moscow.extra
    assert gaz.metonym("Mosca") is russia
    for capital, state in (("Pyongyang", "Corea del Nord"), ("Seul", "Corea del Sud"),
                           ("Seoul", "Corea del Sud"), ("Washington", "Stati Uniti"),
                           ("Kiev", "Ucraina"), ("Kyiv", "Ucraina"), ("Pechino", "Cina")):
        assert gaz.metonym(capital) is gaz.lookup(state), capital
        assert gaz.lookup(capital).type == "Place", capital


def test_seats_standing_for_a_state(gaz):
    russia, usa = gaz.lookup("Russia"), gaz.lookup("Stati Uniti")
    assert gaz.lookup("Cremlino") is russia and gaz.metonym("Cremlino") is russia
    assert gaz.lookup("Casa Bianca") is usa and gaz.metonym("Casa Bianca") is usa
    assert gaz.metonym("Russia") is None
    assert gaz.metonym("cremlino") is None


def test_capital_shared_with_a_historical_state_goes_to_the_current_one(gaz):
    soviet_union = gaz.get("Q15180")
    assert soviet_union is not None and soviet_union.get_extra("capital_key") == "Q649"
    assert gaz.metonym("Mosca").key == "Q159"


def test_capital_shared_with_a_historical_state_follows_the_year(gaz):
    assert gaz.metonym("Mosca", 1961).key == "Q15180"
    assert gaz.metonym("Mosca", 1922).key == "Q15180"
    assert gaz.metonym("Mosca", 1995).key == "Q159"
    assert gaz.metonym("Mosca", 2024).key == "Q159"
    assert gaz.metonym("Belgrado", 1970).key == "Q36704"
    assert gaz.metonym("Pyongyang", 1961).key == "Q423"  # no historical rival: the year changes nothing


def test_periods_name_known_states_with_ordered_years(tmp_path):
    (tmp_path / "states.tsv").write_text(STATES_HDR + "Q15180\tUnione Sovietica\tUnione Sovietica\tSoviet Union"
                                         "\tsovietico\t\t\t\tQ15180\n", encoding="utf-8")
    (tmp_path / "periods.tsv").write_text("key\tfrom\tuntil\nQ15180\t1991\t1922\n", encoding="utf-8")
    with pytest.raises(GazetteerError, match=r"periods.tsv:2: from 1991 is after until 1922"):
        load_gazetteer(tmp_path)
    (tmp_path / "periods.tsv").write_text("key\tfrom\tuntil\nQ999\t1922\t1991\n", encoding="utf-8")
    with pytest.raises(GazetteerError, match=r"periods.tsv:2: Q999 is not a state key"):
        load_gazetteer(tmp_path)


def test_lookup_people_by_transliteration_variants(gaz):
    shoigu = gaz.lookup("Sergei Shoigu")
    assert shoigu is not None and shoigu.type == "Person"
    for name in ("Sergej Šojgu", "Sergej Shojgu", "Sergueï Choïgou", "Sergei Choigou"):
        assert gaz.lookup(name) is shoigu
    kim = gaz.lookup("Kim Jong-un")
    assert kim.key == "Q56226"
    assert gaz.lookup("Kim Jong Un") is gaz.lookup("Kim Jong-Un") is kim


def test_get_and_entries(gaz):
    assert gaz.get("Q159").name_it == "Russia"
    assert gaz.get("Q0") is None and gaz.get("x-nothing-here") is None
    keys = [e.key for e in gaz.entries()]
    assert len(keys) == len(gaz) == len(set(keys))
    for entry in gaz.entries():
        assert isinstance(entry, GazetteerEntry) and entry.name_it in entry.names


def test_load_is_cached_per_directory(gaz):
    assert load_gazetteer() is gaz
    assert load_gazetteer(GAZETTEER_DIR) is gaz


# ------------------------------------------------------------------------------- ambiguity

def test_ambiguous_name_resolves_to_nothing(tmp_path):
    places = ("x-porto-a\tPorto Nuovo\tPorto Nuovo\tNew Port A\tQ1\tcity\t\n"
              "x-porto-b\tPorto Nuovo\tPorto Nuovo\tNew Port B\tQ2\tcity\t\n")
    gaz = load_gazetteer(_tiny(tmp_path, places=places))
    assert gaz.lookup("Porto Nuovo") is None
    assert gaz.get("x-porto-a").name_it == "Porto Nuovo"


def test_ambiguous_name_prefers_the_one_state(tmp_path):
    places = "x-beta-city\tBeta\tBeta\tBeta City\tQ2\tcity\t\n"
    people = "x-mario-beta\tBeta\tBeta\tBeta\tQ2\tother\tcantante\t\t\t\n"
    gaz = load_gazetteer(_tiny(tmp_path, places=places, people=people))
    assert gaz.lookup("Beta").key == "Q2"


def test_ambiguous_demonym_and_metonym_resolve_to_nothing(gaz, tmp_path):
    assert gaz.demonym("congolese") is None            # both Congos
    states = (STATES_HDR
              + "Q1\tAlfa\tAlfa\tAlpha\talfano\t\tCentro\t\tQ1\n"
              + "Q2\tBeta\tBeta\tBeta\talfano|betano\t\tCentro\t\tQ2\n")
    tiny = load_gazetteer(_write(tmp_path / "amb", states=states))
    assert tiny.metonym("Centro") is None
    assert tiny.demonym("alfano") is None and tiny.demonym("betano").key == "Q2"


# ------------------------------------------------------------------------------- demonyms

@pytest.mark.parametrize("state,forms", [
    ("Q159", ("russo", "russa", "russi", "russe")),
    ("Q423", ("nordcoreano", "nordcoreana", "nordcoreani", "nordcoreane")),
    ("Q884", ("sudcoreano", "sudcoreana", "sudcoreani", "sudcoreane")),
    ("Q30", ("statunitense", "statunitensi", "americano", "americana", "americani", "americane")),
    ("Q183", ("tedesco", "tedesca", "tedeschi", "tedesche")),
    ("Q15180", ("sovietico", "sovietica", "sovietici", "sovietiche")),
    ("Q212", ("ucraino", "ucraina", "ucraini", "ucraine")),
    ("Q148", ("cinese", "cinesi")),
    ("Q41", ("greco", "greca", "greci", "greche")),
])
def test_demonyms_in_all_forms(gaz, state, forms):
    for form in forms:
        entry = gaz.demonym(form)
        assert entry is not None and entry.key == state and entry.type == "State", form


def test_demonym_needs_a_lower_case_word(gaz):
    assert gaz.demonym("Russo") is None          # a surname, not "Russian"
    assert gaz.demonym("Russia") is None
    assert gaz.demonym("cremlino") is None


# ------------------------------------------------------------------------------- people

def test_people_in_office(gaz):
    heads = gaz.people_in_office("Q159", "head_of_state")
    assert "Q7747" in [e.key for e in heads]
    assert heads == sorted(heads, key=lambda e: [x.key for x in gaz.entries()].index(e.key))
    assert all(any(o.state == "Q159" and o.position == "head_of_state" for o in e.positions)
               for e in heads)
    assert gaz.people_in_office("Q159", "no_such_position") == []


def test_person_offices_merge_and_state_is_the_latest(gaz):
    putin = gaz.get("Q7747")
    assert putin.type == "Person" and putin.state == "Q159"
    assert len(putin.positions) >= 2 and all(isinstance(o, Office) for o in putin.positions)
    assert putin.positions[0].until is None
    assert {o.position for o in putin.positions} >= {"head_of_state", "head_of_government"}


def test_unique_surname(gaz):
    assert gaz.unique_surname("Putin").key == "Q7747"
    assert gaz.unique_surname("Xi").key == "Q15031"        # family name first
    assert gaz.unique_surname("Kim") is None                # several Kims
    assert gaz.unique_surname("putin") is None
    assert gaz.unique_surname("Vladimir Putin") is None
    assert gaz.unique_surname("Nessuno") is None
    assert gaz.unique_surname("PUTIN").key == "Q7747"        # a headline's capitals
    assert gaz.unique_surname("PuTin") is None               # a capital inside: an acronym, a brand


def test_people_rows_merge_in_a_tiny_gazetteer(tmp_path):
    people = ("x-anna-alfa\tAnna Alfa\tAnna Alfa|Anna Alpha\tAnna Alpha\tQ1\tforeign_minister"
              "\tministra degli Esteri\t2015\t2019\t\n"
              "x-anna-alfa\tAnna Alfa\t\tAnna Alpha\tQ2\thead_of_state\tpresidente\t2019\t\t\n"
              "x-bruno-alfa\tBruno Alfa\tBruno Alfa\tBruno Alpha\tQ1\thead_of_state\tpresidente\t2010\t2019\t\n")
    gaz = load_gazetteer(_tiny(tmp_path, people=people))
    anna = gaz.get("x-anna-alfa")
    assert anna.names == ("Anna Alfa", "Anna Alpha") and anna.wikidata is None
    assert anna.state == "Q2" and len(anna.positions) == 2
    assert [e.key for e in gaz.people_in_office("Q1", "foreign_minister")] == ["x-anna-alfa"]
    assert gaz.unique_surname("Alpha").key == "x-anna-alfa"
    assert gaz.unique_surname("Alfa") is None                # Anna and Bruno
    assert gaz.lookup("Palazzo Alfa").key == "Q1" and gaz.metonym("Alfa City").key == "Q1"
    assert gaz.lookup("RDA").key == "Q1" and gaz.lookup("Rda").key == "Q1"


# ------------------------------------------------------------------------------- errors

@pytest.mark.parametrize("people,message", [
    ("x-anna\tAnna\tAnna\tAnna\tQ1\thead_of_state\tpresidente\t2019\n", "people.tsv:2"),
    ("x-anna\tAnna\tAnna\tAnna\tQ1\tqueen_of_hearts\tregina\t2019\t\t\n", "people.tsv:2"),
    ("x-anna\tAnna\tAnna\tAnna\tQ9\thead_of_state\tpresidente\t2019\t\t\n", "people.tsv:2"),
    ("Q007\tAnna\tAnna\tAnna\tQ1\thead_of_state\tpresidente\t2019\t\tQ007\n", "people.tsv:2"),
    ("Q5\tAnna\tAnna\tAnna\tQ1\thead_of_state\tpresidente\t2019\t\tQ6\n", "people.tsv:2"),
    ("x-anna\tAnna\tAnna\tAnna\tQ1\thead_of_state\tpresidente\tieri\t\t\n", "people.tsv:2"),
    ("x-anna\tAnna\tAnna\tAnna\tQ1\thead_of_state\tpresidente\t2019\t\t\n"
     "x-anna\tAnne\tAnne\tAnna\tQ2\tother\tpresidente\t2019\t\t\n", "people.tsv:3"),
    ("Q2\tBeta\tBeta\tBeta\tQ1\tother\tx\t\t\tQ2\n", "people.tsv:2"),          # key of a state
])
def test_malformed_people_rows_name_file_and_line(tmp_path, people, message):
    with pytest.raises(GazetteerError, match=re.escape(message)):
        load_gazetteer(_tiny(tmp_path, people=people))


def test_malformed_places_and_duplicates(tmp_path):
    bad_kind = "x-lago\tLago\tLago\tLake\tQ1\tpuddle\t\n"
    with pytest.raises(GazetteerError, match=re.escape("places.tsv:3")):
        load_gazetteer(_tiny(tmp_path / "a", places=bad_kind))
    duplicate = ("x-lago\tLago\tLago\tLake\tQ1\tregion\t\n"
                 "x-lago\tLago Blu\tLago\tLake\tQ1\tregion\t\n")
    with pytest.raises(GazetteerError, match=re.escape("places.tsv:4")):
        load_gazetteer(_tiny(tmp_path / "b", places=duplicate))
    same_twice = ("x-lago\tLago\tLago\tLake\tQ1\tregion\t\n"
                  "x-lago\tLago\tLago\tLake\tQ1\tregion\t\n")
    assert load_gazetteer(_tiny(tmp_path / "c", places=same_twice)).get("x-lago") is not None
    with pytest.raises(GazetteerError, match=re.escape("organizations.tsv:2")):
        load_gazetteer(_tiny(tmp_path / "d", orgs="x-lago\tLago\tLago\tLake\t\t\t\n",
                             places="x-lago\tLago\tLago\tLake\tQ1\tregion\t\n"))
    with pytest.raises(GazetteerError, match=re.escape("organizations.tsv:2")):
        load_gazetteer(_tiny(tmp_path / "e", orgs="x-ente\tEnte\tEnte\n"))
    with pytest.raises(GazetteerError, match=r"organizations\.tsv:2: unknown kind 'partito'"):
        load_gazetteer(_tiny(tmp_path / "f", orgs="x-ente\tEnte\tEnte\tBody\t\tpartito\t\n"))
    party = load_gazetteer(_tiny(tmp_path / "g", orgs="x-ente\tEnte\tEnte\tBody\t\tparty\t\n")).get("x-ente")
    assert party.get_extra("kind") == "party"


def test_gazetteer_error_is_a_value_error():
    assert issubclass(GazetteerError, ValueError)


# ------------------------------------------------------------------------------- shipped data

def test_at_least_190_states(gaz):
    states = [e for e in gaz.entries() if e.type == "State"]
    assert len(states) >= 190
    for key in ("Q159", "Q423", "Q884", "Q30", "Q212", "Q148", "Q237", "Q219060", "Q1246", "Q865",
                "Q15180"):
        assert gaz.get(key).type == "State", key


def test_every_state_has_demonyms_and_a_capital(gaz):
    capital_owners = Counter(e.get_extra("capital_key") for e in gaz.entries()
                             if e.type == "State" and e.get_extra("capital_key"))
    for state in (e for e in gaz.entries() if e.type == "State"):
        demonyms = state.get_extra("demonyms").split("|")
        assert demonyms and all(d and d == d.lower() for d in demonyms), state.key
        assert state.get_extra("capital_it"), state.key
        capital_key = state.get_extra("capital_key")
        if capital_key:
            capital = gaz.get(capital_key)
            assert capital is not None and capital.type == "Place", state.key
            assert capital.state == state.key or capital_owners[capital_key] > 1, state.key
        # a state's own Italian name finds it
        assert gaz.lookup(state.name_it) is state, state.key


def test_qids_are_valid_and_unique(gaz):
    wikidata = [e.wikidata for e in gaz.entries() if e.wikidata]
    assert len(wikidata) == len(set(wikidata))
    for entry in gaz.entries():
        if entry.wikidata:
            assert QID.match(entry.wikidata) and entry.key == entry.wikidata, entry.key
        else:   # a slug, or a QID no source has confirmed yet (kept as a key, linked to nothing)
            assert re.match(r"^x-[a-z0-9]+(-[a-z0-9]+)*$", entry.key) or QID.match(entry.key), entry.key
    for name in ("states", "places", "organizations", "people"):
        text = (GAZETTEER_DIR / f"{name}.tsv").read_text(encoding="utf-8")
        for qid in re.findall(r"\bQ\d+\b", text):
            assert QID.match(qid), (name, qid)


def test_people_offices_are_well_formed(gaz):
    people = [e for e in gaz.entries() if e.type == "Person"]
    assert len(people) >= 150
    for person in people:
        assert person.positions, person.key
        assert person.state == person.positions[0].state
        for office in person.positions:
            assert office.position in POSITIONS
            assert gaz.get(office.state).type in ("State", "Organization")
            assert office.until is None or office.since is None or office.since <= office.until
    for state, position in (("Q30", "head_of_state"), ("Q212", "head_of_state"),
                            ("Q423", "head_of_state"), ("Q884", "head_of_state"),
                            ("Q38", "head_of_government"), ("Q159", "foreign_minister"),
                            ("Q159", "defence_minister"), ("Q1065", "other"), ("Q7184", "other")):
        assert gaz.people_in_office(state, position), (state, position)


def test_data_files_are_sorted_and_documented():
    for name in ("states", "places", "organizations", "people"):
        lines = [l for l in (GAZETTEER_DIR / f"{name}.tsv").read_text(encoding="utf-8").splitlines()
                 if l and not l.startswith("#")][1:]
        keys = [l.split("\t", 1)[0] for l in lines]
        order = [(0, int(k[1:]), k) if QID.match(k) else (1, 0, k) for k in keys]
        assert order == sorted(order), name
    sources = (GAZETTEER_DIR / "SOURCES.md").read_text(encoding="utf-8")
    assert "Wikidata" in sources and "CC0" in sources and "no link beats a wrong link" in sources.lower()


def _verified_rows() -> dict[str, tuple[str, str]]:
    rows = {}
    for line in (GAZETTEER_DIR / "verified.tsv").read_text(encoding="utf-8").splitlines():
        if line.startswith("Q"):
            key, label, source = line.split("\t")
            rows[key] = (label, source)
    return rows


def test_every_link_has_a_recorded_source(gaz):
    """A Wikidata link only where verified.tsv names the public source that confirmed it."""
    verified = _verified_rows()
    linked = {e.key for e in gaz.entries() if e.wikidata}
    assert linked == {k for k in verified if gaz.get(k) is not None}
    assert all(source.strip() for _, source in verified.values())
    assert len(linked) >= 400
    unsourced = sorted(e.key for e in gaz.entries() if QID.match(e.key) and e.key not in verified)
    assert not unsourced, f"QID keys with no source in verified.tsv: {unsourced}"


def test_unverified_qid_links_nothing(tmp_path):
    """A QID key with no row in verified.tsv keeps its key and gets no owl:sameAs."""
    import shutil

    for name in ("states.tsv", "places.tsv", "organizations.tsv", "people.tsv", "periods.tsv"):
        shutil.copy(GAZETTEER_DIR / name, tmp_path / name)
    (tmp_path / "verified.tsv").write_text("key\tlabel\tsource\nQ159\tRussia\tsomewhere\n", encoding="utf-8")
    local = load_gazetteer(tmp_path)
    assert local.get("Q159").wikidata == "Q159"
    assert local.get("Q38") is not None and local.get("Q38").wikidata is None


def test_every_entry_has_an_english_name(gaz):
    """kg writes rdfs:label @en from name_en: every entry, linked or not, carries one."""
    missing = [e.key for e in gaz.entries() if not e.name_en.strip()]
    assert not missing
    assert gaz.get("Q159").name_en == "Russia" and gaz.lookup("Mosca").name_en == "Moscow"


def test_people_cover_at_least_100_states(gaz):
    covered = {o.state for e in gaz.entries() if e.type == "Person" for o in e.positions
               if gaz.get(o.state).type == "State"}
    assert len(covered) >= 100


def test_zelensky_is_q3874799(gaz):
    entry = gaz.lookup("Volodymyr Zelensky")
    assert entry is not None and entry.key == "Q3874799" and entry.wikidata == "Q3874799"
    assert gaz.get("Q3881739") is None
