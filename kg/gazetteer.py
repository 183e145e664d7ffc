"""Offline entity linking: a gazetteer of Italian names, demonyms and metonyms.

The data ship with the package in ``kg/data/gazetteer/`` (see ``SOURCES.md`` there):

* ``states.tsv`` -- sovereign states (and a few historical ones), with demonyms, capital and
  metonyms ("Cremlino" stands for Russia);
* ``places.tsv`` -- capitals, cities, regions, continents, seas that are not states;
* ``organizations.tsv`` -- international organisations, national bodies, news agencies;
* ``people.tsv`` -- heads of state and government, ministers and other figures; one row per
  office, rows of the same key merge into one entry with several :class:`Office`.

Keys are Wikidata QIDs where the QID is certain, else ``x-<slug>``: no link beats a wrong
link. All files share one key space.

Every lookup goes through :meth:`Gazetteer.fold`. Lookups never guess: a name shared by
entries of different keys resolves only to a single State among them, else to nothing.
"""
from __future__ import annotations

import functools
import re
from collections import defaultdict
from dataclasses import dataclass
from pathlib import Path
from typing import Iterator

from kg.lexicon import mention_words
from kg.resources import GAZETTEER_DIR, numbered_lines
from kg.text import fold

QID_RE = re.compile(r"^Q[1-9][0-9]*$")
XKEY_RE = re.compile(r"^x-[a-z0-9]+(?:-[a-z0-9]+)*$")
TYPES = ("State", "Organization", "Person", "Place")
POSITIONS = ("head_of_state", "head_of_government", "crown_prince", "foreign_minister", "defence_minister", "other")
PLACE_KINDS = ("city", "capital", "region", "continent", "sea", "building")
#: An organisation's kind (organizations.tsv): a political party, or empty.
ORGANIZATION_KINDS = ("", "party")
#: Preference among entries of different keys sharing a name (applied only when a State is
#: among them; otherwise an ambiguous name resolves to nothing).
_PREFERENCE = {"State": 0, "Organization": 1, "Person": 2, "Place": 3}
#: Peoples who put the family name first (the press keeps that order: "Kim Jong-un", "Xi
#: Jinping", "Lee Jae-myung"): their surname is the first word of a name, not the last.
FAMILY_NAME_FIRST = frozenset({"Q148", "Q423", "Q884", "Q865"})

# (file, type, columns). The first column is always the key, the last the Wikidata QID.
FILES: tuple[tuple[str, str, tuple[str, ...]], ...] = (
    ("states.tsv", "State",
     ("key", "name_it", "names", "name_en", "demonyms", "capital_key", "capital_it", "metonyms",
      "wikidata")),
    ("places.tsv", "Place", ("key", "name_it", "names", "name_en", "state", "kind", "wikidata")),
    ("organizations.tsv", "Organization", ("key", "name_it", "names", "name_en", "state", "kind", "wikidata")),
    ("people.tsv", "Person",
     ("key", "name_it", "names", "name_en", "state", "position", "role_it", "since", "until",
      "wikidata")),
)
#: Columns kept on the entry itself; the rest go to ``extra`` (people's office columns go to
#: ``positions``).
_CORE = {"key", "name_it", "names", "name_en", "state", "wikidata"}
_OFFICE = {"position", "role_it", "since", "until"}



class GazetteerError(ValueError):
    """A gazetteer file is malformed; the message names the file and line."""


@dataclass(frozen=True)
class Office:
    state: str                  # key of the state
    position: str               # one of POSITIONS
    role_it: str                # "presidente", "ministro degli Esteri", ...
    since: int | None
    until: int | None           # None: still in office (as far as the data know)


@dataclass(frozen=True)
class GazetteerEntry:
    key: str                     # QID ("Q159") or "x-<slug>"
    type: str                    # "Person" | "State" | "Organization" | "Place"
    name_it: str
    names: tuple[str, ...]       # every Italian name incl. name_it
    name_en: str
    wikidata: str | None         # QID or None
    state: str | None = None     # key of the related state (capital's, org's; a person's most
                                 # recent office: a state, or an organisation for UN/NATO/EU posts)
    extra: tuple[tuple[str, str], ...] = ()   # other columns as sorted (name, value) pairs
    positions: tuple[Office, ...] = ()        # people only

    def get_extra(self, name: str, default: str = "") -> str:
        return dict(self.extra).get(name, default)

    def is_own_name(self, surface: str) -> bool:
        """Whether ``surface`` is one of this entry's names (folded), not a metonym ("Cremlino"
        for Russia) or a lone surname ("Putin")."""
        return fold(surface) in {fold(n) for n in (self.name_it, *self.names)}


def _is_lower(text: str) -> bool:
    """True for a surface with letters and no capital letter ("russia", "re")."""
    return any(c.isalpha() for c in text) and not any(c.isupper() for c in text)


class Gazetteer:
    """Names, demonyms and metonyms of states, places, organisations and people."""

    def __init__(self, entries: dict[str, GazetteerEntry],
                 names: dict[str, list[tuple[str, bool]]],
                 demonyms: dict[str, set[str]],
                 metonyms: dict[str, list[tuple[str, bool]]],
                 surnames: dict[str, set[str]],
                 periods: dict[str, tuple[int, int]] | None = None):
        self._entries = entries
        self._periods = periods or {}  # historical state key -> (from year, until year)
        self._names = names            # folded name -> [(key, written in lower case)]
        self._demonyms = demonyms      # folded demonym -> state keys
        self._metonyms = metonyms      # folded capital/seat -> [(state key, lower case)]
        self._surnames = surnames      # folded surname -> person keys

    @staticmethod
    def fold(text: str) -> str:
        return fold(text)

    def __len__(self) -> int:
        return len(self._entries)

    def __contains__(self, key: object) -> bool:
        return key in self._entries

    def entries(self) -> Iterator[GazetteerEntry]:
        for key in sorted(self._entries, key=_key_order):
            yield self._entries[key]

    def get(self, key: str) -> GazetteerEntry | None:
        return self._entries.get(key)

    @functools.cached_property
    def _first_words(self) -> frozenset[str]:
        return frozenset(name.split(" ", 1)[0] for name in self._names)

    def may_start_name(self, token: str) -> bool:
        """Whether some name begins with this token: a cheap test before longer lookups."""
        folded = fold(token)
        return bool(folded) and folded.split(" ", 1)[0] in self._first_words

    @staticmethod
    def _candidates(index: dict[str, list[tuple[str, bool]]], surface: str) -> set[str]:
        lower = _is_lower(surface)
        return {key for key, written_lower in index.get(fold(surface), ())
                if written_lower or not lower}

    def lookup(self, surface: str) -> GazetteerEntry | None:
        """The entry a name (or a state's metonym: "Cremlino") denotes, or None.

        A capital's name gives the Place ("Mosca"), not the state: see :meth:`metonym`. An
        all-lower-case surface matches only names written in lower case in the data ("russia",
        "nato" match nothing); otherwise case does not matter ("Nato" = "NATO"). A name of
        several entries resolves to the one State among them, or to None.
        """
        keys = self._candidates(self._names, surface)
        if len(keys) == 1:
            return self._entries[next(iter(keys))]
        states = [k for k in keys if self._entries[k].type == "State"]
        if len(states) == 1:
            return self._entries[states[0]]
        return None

    def demonym(self, word: str) -> GazetteerEntry | None:
        """The State a lower-case demonym ("nordcoreane", "russo") stands for, or None."""
        if not _is_lower(word):
            return None
        keys = self._demonyms.get(fold(word), set())
        return self._entries[next(iter(keys))] if len(keys) == 1 else None

    def metonym(self, surface: str, year: int | None = None) -> GazetteerEntry | None:
        """The State a capital or seat stands for ("Mosca", "Cremlino", "Casa Bianca"), or None.

        ``year``, the time the sentence speaks of, picks among states that shared the capital:
        the historical state (periods.tsv) that existed then, else the states after it.

        A name that is the capital of several states (Moscow: Russia and the Soviet Union)
        goes to the state its place entry lies in; failing that it resolves to nothing.
        """
        keys = self._candidates(self._metonyms, surface)
        if len(keys) > 1 and year is not None:
            # "Mosca" in a sentence about 1961 is the Soviet Union's government, in 2024 Russia's
            then = {k for k in keys if k in self._periods and self._periods[k][0] <= year <= self._periods[k][1]}
            keys = then or {k for k in keys if k not in self._periods or year > self._periods[k][1]}
        if len(keys) > 1:
            place = self.lookup(surface)
            if place is not None and place.type == "Place" and place.state in keys:
                keys = {place.state}
        return self._entries[next(iter(keys))] if len(keys) == 1 else None

    def people_in_office(self, state_key: str, position: str) -> list[GazetteerEntry]:
        """People who held (or hold) a position for a state, in any year, sorted by key."""
        return [e for e in self.entries() if e.type == "Person"
                and any(o.state == state_key and o.position == position for o in e.positions)]

    def unique_surname(self, surface: str) -> GazetteerEntry | None:
        """The one person whose surname is this single capitalised word ("Putin"), or None.

        The surname of a name is its last word, or its first word for people of states that
        put the family name first (China, the Koreas, Taiwan: "Xi", "Kim") and for names whose
        last word is a hyphenated romanised given name ("Ban Ki-moon"). Titles ("Papa
        Francesco") and regnal numbers ("Carlo III") give no surname. A surname shared by
        several people ("Kim") resolves to nothing.
        """
        surface = surface.strip()
        if not surface or not surface[:1].isupper() or any(c.isspace() for c in surface):
            return None
        keys = self._surnames.get(fold(surface), set())
        if len(keys) != 1:
            return None
        entry = self._entries[next(iter(keys))]
        if any(c.isupper() for c in surface[1:]) and not surface.isupper() \
                and surface not in {w for n in entry.names for w in n.split()}:
            return None     # "MuSa", a museum's acronym, is not "Musa" written otherwise
        return entry


def _key_order(key: str) -> tuple[int, int, str]:
    """QIDs in numeric order, then x- keys alphabetically."""
    if QID_RE.match(key):
        return (0, int(key[1:]), key)
    return (1, 0, key)


# --------------------------------------------------------------------------------- loading

@dataclass
class _Row:
    file: str
    line: int
    type: str
    cells: dict[str, str]

    def where(self) -> str:
        return f"{self.file}:{self.line}"


def _split(cell: str) -> list[str]:
    return [v.strip() for v in cell.split("|") if v.strip()]


def _read(path: Path, type_: str, columns: tuple[str, ...]) -> list[_Row]:
    rows: list[_Row] = []
    header_seen = False
    for lineno, line in numbered_lines(path):
        if not line.strip() or (not header_seen and line.startswith("#")):
            continue
        cells = line.split("\t")
        if not header_seen:
            if tuple(c.strip() for c in cells) != columns:
                raise GazetteerError(f"{path.name}:{lineno}: header must be "
                                     f"{'<TAB>'.join(columns)!r}, got {line!r}")
            header_seen = True
            continue
        if len(cells) != len(columns):
            raise GazetteerError(f"{path.name}:{lineno}: {len(cells)} columns, expected "
                                 f"{len(columns)} ({', '.join(columns)})")
        rows.append(_Row(path.name, lineno, type_,
                         {c: v.strip() for c, v in zip(columns, cells)}))
    if not header_seen:
        raise GazetteerError(f"{path.name}:1: missing header row")
    return rows


def _year(row: _Row, column: str) -> int | None:
    value = row.cells[column]
    if not value:
        return None
    if not re.fullmatch(r"[12][0-9]{3}", value):
        raise GazetteerError(f"{row.where()}: {column} must be a year, got {value!r}")
    return int(value)


def _check_row(row: _Row) -> None:
    c = row.cells
    key, wikidata = c["key"], c["wikidata"]
    if QID_RE.match(key):
        if wikidata != key:
            raise GazetteerError(f"{row.where()}: key {key} is a QID, wikidata must repeat it "
                                 f"(got {wikidata!r})")
    elif XKEY_RE.match(key):
        if wikidata:
            raise GazetteerError(f"{row.where()}: key {key} is not a QID but wikidata is "
                                 f"{wikidata!r}: use the QID as key")
    else:
        raise GazetteerError(f"{row.where()}: bad key {key!r} (a QID ^Q[1-9][0-9]*$ or x-<slug>)")
    if not c["name_it"]:
        raise GazetteerError(f"{row.where()}: empty name_it")
    for column in ("capital_key", "state"):
        value = c.get(column, "")
        if value and not (QID_RE.match(value) or XKEY_RE.match(value)):
            raise GazetteerError(f"{row.where()}: bad {column} {value!r}")
    if row.type == "Person":
        if c["position"] not in POSITIONS:
            raise GazetteerError(f"{row.where()}: unknown position {c['position']!r} "
                                 f"(one of {', '.join(POSITIONS)})")
        if not c["state"]:
            raise GazetteerError(f"{row.where()}: a person's office needs a state")
        since, until = _year(row, "since"), _year(row, "until")
        if since is not None and until is not None and until < since:
            raise GazetteerError(f"{row.where()}: until {until} before since {since}")
    if row.type == "Organization" and c["kind"] not in ORGANIZATION_KINDS:
        raise GazetteerError(f"{row.where()}: unknown kind {c['kind']!r} "
                             f"(one of {', '.join(k or 'empty' for k in ORGANIZATION_KINDS)})")
    if row.type == "Place" and c["kind"] not in PLACE_KINDS:
        raise GazetteerError(f"{row.where()}: unknown kind {c['kind']!r} "
                             f"(one of {', '.join(PLACE_KINDS)})")


def _read_verified(path: Path) -> frozenset[str] | None:
    """QIDs checked against a public Wikidata-derived source (verified.tsv: key, label, source),
    or None where the folder has no such file (every QID then counts as checked)."""
    if not path.exists():
        return None
    return frozenset(row.cells["key"] for row in _read(path, "", ("key", "label", "source")))


def _entry(rows: list[_Row], verified: frozenset[str] | None = None) -> GazetteerEntry:
    """One entry from its rows (one row, or one row per office for people). A QID no source
    has confirmed links nothing: no link beats a wrong one."""
    first = rows[0]
    c = first.cells
    names: list[str] = [c["name_it"]]
    for row in rows:
        for name in _split(row.cells["names"]):
            if name not in names:
                names.append(name)
    positions: tuple[Office, ...] = ()
    state = c.get("state") or None
    if first.type == "Person":
        offices = []
        for row in rows:
            office = Office(row.cells["state"], row.cells["position"], row.cells["role_it"],
                            _year(row, "since"), _year(row, "until"))
            if office not in offices:
                offices.append(office)
        # most recent office first: still in office, then latest end, then latest start
        offices.sort(key=lambda o: (o.until is None, o.until or 0, o.since or 0), reverse=True)
        positions = tuple(offices)
        state = positions[0].state
    extra = tuple(sorted((k, v) for k, v in c.items() if k not in _CORE and k not in _OFFICE and v))
    return GazetteerEntry(key=c["key"], type=first.type, name_it=c["name_it"], names=tuple(names),
                          name_en=c["name_en"], state=state,
                          wikidata=(c["wikidata"] or None) if verified is None or c["key"] in verified else None,
                          extra=extra, positions=positions)


#: Words before a name that are titles, not given names: "Papa Francesco" has no surname.
_TITLES = mention_words()["name_titles"]   # kg/data/lexicon/mention_words.tsv
_ROMAN = re.compile(r"^[IVXLC]+$")


#: A romanised East Asian given name written last ("Jong-un", "Ki-moon", "Jae-myung").
_HYPHENATED_GIVEN = re.compile(r"^[A-Z][a-z]+-[a-z]+$")


def _surname_words(entry: GazetteerEntry, family_first: bool) -> set[str]:
    out = set()
    for name in entry.names:
        words = name.split()
        if len(words) < 2 or fold(words[0]) in _TITLES or _ROMAN.match(words[-1]):
            continue
        first = family_first or bool(_HYPHENATED_GIVEN.match(words[-1]))
        out.add(fold(words[0] if first else words[-1]))
    return out


def _build(directory: Path) -> Gazetteer:
    if not directory.is_dir():
        raise GazetteerError(f"{directory}: no such gazetteer directory")
    grouped: dict[str, list[_Row]] = {}
    for filename, type_, columns in FILES:
        path = directory / filename
        if not path.exists():
            continue
        for row in _read(path, type_, columns):
            _check_row(row)
            key = row.cells["key"]
            if key in grouped:
                prev = grouped[key][0]
                if prev.file != row.file:
                    raise GazetteerError(f"{row.where()}: key {key} already used in {prev.where()}")
                if type_ == "Person":
                    same = ("name_it", "name_en", "wikidata")
                    if any(prev.cells[k] != row.cells[k] for k in same):
                        raise GazetteerError(f"{row.where()}: key {key} repeats {prev.where()} "
                                             f"with a different name_it, name_en or wikidata")
                    grouped[key].append(row)
                elif prev.cells != row.cells:
                    raise GazetteerError(f"{row.where()}: duplicate key {key} with data that "
                                         f"differs from {prev.where()}")
                continue
            grouped[key] = [row]

    verified = _read_verified(directory / "verified.tsv")
    entries = {key: _entry(rows, verified) for key, rows in grouped.items()}

    # references between files: a person's office may belong to an organisation (UN, NATO, EU)
    for key, rows in grouped.items():
        for row in rows:
            ref = row.cells.get("state", "")
            allowed = ("State", "Organization") if row.type == "Person" else ("State",)
            if ref and (ref not in entries or entries[ref].type not in allowed):
                raise GazetteerError(f"{row.where()}: state {ref} is not a "
                                     f"{' or '.join(a.lower() for a in allowed)} key")
            ref = row.cells.get("capital_key", "")
            if ref and (ref not in entries or entries[ref].type != "Place"):
                raise GazetteerError(f"{row.where()}: capital_key {ref} is not a place key")

    names: dict[str, list[tuple[str, bool]]] = defaultdict(list)
    demonyms: dict[str, set[str]] = defaultdict(set)
    metonyms: dict[str, list[tuple[str, bool]]] = defaultdict(list)
    surnames: dict[str, set[str]] = defaultdict(set)

    def add(index: dict[str, list[tuple[str, bool]]], name: str, key: str) -> None:
        folded = fold(name)
        if folded and (key, _is_lower(name)) not in index[folded]:
            index[folded].append((key, _is_lower(name)))

    for key, entry in entries.items():
        for name in entry.names:
            add(names, name, key)
        if entry.type == "State":
            for name in _split(entry.get_extra("metonyms")):
                add(names, name, key)
                add(metonyms, name, key)
            for name in _split(entry.get_extra("capital_it")):
                add(metonyms, name, key)
            capital = entries.get(entry.get_extra("capital_key"))
            if capital is not None:
                for name in capital.names:
                    add(metonyms, name, key)
            for word in _split(entry.get_extra("demonyms")):
                demonyms[fold(word)].add(key)
        elif entry.type == "Person":
            family_first = any(o.state in FAMILY_NAME_FIRST for o in entry.positions)
            for word in _surname_words(entry, family_first):
                surnames[word].add(key)
    for name, key in _owner_short_forms(entries, names):
        if fold(name) not in names:
            add(names, name, key)
    return Gazetteer(entries, dict(names), dict(demonyms), dict(metonyms), dict(surnames),
                     _read_periods(directory / "periods.tsv", entries))


_OF_OWNER = re.compile(r"^(?P<head>.+?) (?:dell['’]|della |dello |del |delle |degli |dei )(?P<owner>.+)$")


def _owner_short_forms(entries: dict[str, GazetteerEntry],
                       names: dict[str, list[tuple[str, bool]]]) -> list[tuple[str, str]]:
    """A body named "X dell'Y" is also "X" + Y's short name, as the press writes it: "Consiglio di
    sicurezza dell'ONU" is "Consiglio di sicurezza Onu", "Corte di giustizia dell'Unione europea"
    "Corte di giustizia Ue". Y is an organisation the gazetteer knows by that name; a short name
    is one word of at most five letters beginning with a capital (an acronym: ONU, Ue, Nato)."""
    out = []
    for key, entry in sorted(entries.items()):
        if entry.type != "Organization":
            continue
        for name in entry.names:
            m = _OF_OWNER.match(name)
            owners = {k for k, _ in names.get(fold(m.group("owner")), ())} if m else set()
            owner = entries[owners.pop()] if len(owners) == 1 else None
            if owner is None or owner.type != "Organization":
                continue
            for short in owner.names:
                if " " not in short and len(short) <= 5 and short[:1].isupper():
                    out.append((f"{m.group('head')} {short}", key))
    return out


def _read_periods(path: Path, entries: dict[str, GazetteerEntry]) -> dict[str, tuple[int, int]]:
    periods: dict[str, tuple[int, int]] = {}
    if not path.exists():
        return periods
    for row in _read(path, "State", ("key", "from", "until")):
        key = row.cells["key"]
        if key not in entries or entries[key].type != "State":
            raise GazetteerError(f"{row.where()}: {key} is not a state key")
        try:
            start, end = int(row.cells["from"]), int(row.cells["until"])
        except ValueError:
            raise GazetteerError(f"{row.where()}: from and until must be years") from None
        if start > end:
            raise GazetteerError(f"{row.where()}: from {start} is after until {end}")
        periods[key] = (start, end)
    return periods


@functools.lru_cache(maxsize=8)
def _load_cached(directory: Path) -> Gazetteer:
    return _build(directory)


def load_gazetteer(directory: Path | None = None) -> Gazetteer:
    """The gazetteer in ``directory`` (default: the one shipped with kg), cached per directory.

    Raises :class:`GazetteerError` naming the file and line of a malformed row: wrong column
    count, unknown position or kind, a key that is neither a QID nor ``x-<slug>``, a key used
    twice with conflicting data or in two files, a reference to an unknown state or capital.
    """
    return _load_cached(Path(directory if directory is not None else GAZETTEER_DIR).resolve())
