"""Italian time expressions normalised against the article's own date.

Returns ISO values at the precision the text gives: ``yyyy-mm-dd`` (xsd:date), ``yyyy-mm``
(xsd:gYearMonth) or ``yyyy`` (xsd:gYear). Relative expressions ("martedì", "ieri", "lo
scorso anno", "ad aprile") need the article date; without it they are left unresolved.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, timedelta
from typing import Optional

from kg.italian import MONTHS, WEEKDAYS  # defined once there; kg.timex.MONTHS kept

#: Single words that only say when: a parser may take "martedì" in "ha incontrato martedì
#: il cancelliere" for the verb's object.
TIME_WORDS = set(MONTHS) | set(WEEKDAYS) | {"ieri", "oggi", "domani", "stamattina", "stamani", "stasera",
                                            "stanotte", "avantieri", "dopodomani"}

#: Counts written out in words, for "sei mesi fa", "due anni fa".
NUMBER_WORDS = {"un": 1, "uno": 1, "una": 1, "due": 2, "tre": 3, "quattro": 4, "cinque": 5, "sei": 6,
                "sette": 7, "otto": 8, "nove": 9, "dieci": 10, "undici": 11, "dodici": 12,
                "quindici": 15, "venti": 20, "trenta": 30}

_MONTH = "|".join(MONTHS)
_COUNT = r"\d{1,3}|" + "|".join(NUMBER_WORDS)
_DAY = "|".join(WEEKDAYS)
PATTERNS = [
    ("full", re.compile(rf"\b(\d{{1,2}})(?:°|º)?\s+({_MONTH})\s+(?:del\s+)?(\d{{4}})\b", re.I)),
    ("month_year", re.compile(rf"\b({_MONTH})\s+(?:del\s+|di\s+)?(\d{{4}})\b", re.I)),
    ("day_month", re.compile(rf"\b(\d{{1,2}})(?:°|º)?\s+({_MONTH})\b(?!\s+(?:del\s+)?\d{{4}})", re.I)),
    ("year", re.compile(r"\b(?:nel|del|dal|al|entro il|nell'anno|anno)\s+((?:19|20)\d{2})\b", re.I)),
    ("weekday", re.compile(rf"\b({_DAY})\b(?:\s+(?:scors|prossim)[oa])?", re.I)),
    ("yesterday", re.compile(r"\b(ieri|oggi|l'altro ieri|avantieri)\b", re.I)),
    ("ago", re.compile(rf"\b({_COUNT})\s+(giorn[oi]|settiman[ae]|mes[ei]|ann[oi])\s+fa\b", re.I)),
    ("last_month", re.compile(r"\b(?:il\s+)?(?:mese\s+scorso|scorso\s+mese)\b", re.I)),
    ("last_year", re.compile(r"\b(?:lo\s+)?scorso\s+anno\b|\banno\s+scorso\b", re.I)),
    ("next_month", re.compile(r"\b(?:il\s+)?(?:mese\s+prossimo|prossimo\s+mese)\b", re.I)),
    ("next_year", re.compile(r"\b(?:il\s+|l')?(?:prossimo\s+anno|anno\s+prossimo)\b", re.I)),
    ("month_only", re.compile(rf"\b(?:a|ad|in|nel(?:l')?|di|lo scorso|nel mese di)\s+({_MONTH})\b"
                              rf"(?:\s+prossimo)?", re.I)),
]


@dataclass(frozen=True)
class TimeExpression:
    text: str
    start: int
    end: int
    value: str          # yyyy, yyyy-mm or yyyy-mm-dd


def _parse_iso(value: Optional[str]) -> tuple[Optional[date], int]:
    """The article date as an anchor and its precision (10: a day, 7: a month, 4: a year)."""
    if not value:
        return None, 0
    for size, fill in ((10, ""), (7, "-01"), (4, "-01-01")):
        if len(value) >= size:
            try:
                return date.fromisoformat(value[:size] + fill), size
            except ValueError:
                continue
    return None, 0


#: What each kind of expression needs of the anchor: a day ("ieri", "martedì"), a month (the
#: year of "il 19 giugno", "il mese scorso") or a year ("l'anno scorso"). An article dated by
#: its month still dates "il 19 giugno"; only one dated by its day says which "martedì".
_NEEDS = {"day_month": 7, "weekday": 10, "yesterday": 10, "last_month": 7, "last_year": 4,
          "next_month": 7, "next_year": 4, "month_only": 7}


def find_times(text: str, article_date: Optional[str] = None, ahead: bool = False) -> list[TimeExpression]:
    """All time expressions in ``text``, non-overlapping, most specific first, in text order;
    ``ahead``: bare months and weekdays are the next ones, not the last ones."""
    anchor, precision = _parse_iso(article_date)
    found: list[TimeExpression] = []
    taken: list[tuple[int, int]] = []
    for kind, pattern in PATTERNS:
        for m in pattern.finditer(text):
            if any(m.start() < e and s < m.end() for s, e in taken):
                continue
            value = _normalise(kind, m, anchor if precision >= _needs(kind, m) else None, ahead)
            if value:
                found.append(TimeExpression(m.group(0), m.start(), m.end(), value))
                taken.append((m.start(), m.end()))
    return sorted(found, key=lambda t: t.start)


def _needs(kind: str, m: re.Match) -> int:
    """The anchor precision an expression needs ("sei mesi fa" a month, "tre giorni fa" a day)."""
    if kind == "ago":
        unit = m.group(2).lower()
        return 4 if unit.startswith("ann") else 7 if unit.startswith("mes") else 10
    return _NEEDS.get(kind, 0)


def _year_of(month: int, anchor: date, ahead: bool) -> int:
    """The year of a month named without one: the last such month up to the anchor, or the
    next one from it."""
    if ahead:
        return anchor.year if month >= anchor.month else anchor.year + 1
    return anchor.year if month <= anchor.month else anchor.year - 1


def _normalise(kind: str, m: re.Match, anchor: Optional[date], ahead: bool = False) -> Optional[str]:
    if kind == "full":
        day, month, year = int(m.group(1)), MONTHS[m.group(2).lower()], int(m.group(3))
        try:
            return date(year, month, day).isoformat()
        except ValueError:
            return None
    if kind == "month_year":
        return f"{int(m.group(2)):04d}-{MONTHS[m.group(1).lower()]:02d}"
    if kind == "year":
        return m.group(1)
    if anchor is None:
        return None
    if kind == "day_month":
        month, day = MONTHS[m.group(2).lower()], int(m.group(1))
        year = _year_of(month, anchor, ahead)
        try:
            return date(year, month, day).isoformat()
        except ValueError:
            return None
    if kind == "weekday":
        # News uses a bare weekday for the most recent one up to the article's date: "lunedì"
        # in Monday's paper is that day; "lunedì scorso" is the week before. Ahead, and with
        # "prossimo", the next one: "lunedì prossimo" in Monday's paper is a week on.
        said = m.group(0).lower()
        if ahead or "prossim" in said:
            delta = (WEEKDAYS[m.group(1).lower()] - anchor.weekday()) % 7
            if delta == 0 and "prossim" in said:
                delta = 7
            return (anchor + timedelta(days=delta)).isoformat()
        delta = (anchor.weekday() - WEEKDAYS[m.group(1).lower()]) % 7
        if delta == 0 and "scors" in said:
            delta = 7
        return (anchor - timedelta(days=delta)).isoformat()
    if kind == "yesterday":
        word = m.group(1).lower()
        days = {"oggi": 0, "ieri": 1}.get(word, 2)
        return (anchor - timedelta(days=days)).isoformat()
    if kind == "ago":
        # "sei mesi fa": the value keeps the precision the unit gives (days → date, weeks and
        # months → month, years → year).
        count_word, unit = m.group(1).lower(), m.group(2).lower()
        count = int(count_word) if count_word.isdigit() else NUMBER_WORDS[count_word]
        if unit.startswith("giorn"):
            return (anchor - timedelta(days=count)).isoformat()
        if unit.startswith("settiman"):
            back = anchor - timedelta(days=7 * count)
            return f"{back.year:04d}-{back.month:02d}"
        if unit.startswith("mes"):
            months = anchor.year * 12 + anchor.month - 1 - count
            return f"{months // 12:04d}-{months % 12 + 1:02d}"
        return str(anchor.year - count)
    if kind == "last_month":
        months = anchor.year * 12 + anchor.month - 2
        return f"{months // 12:04d}-{months % 12 + 1:02d}"
    if kind == "last_year":
        return str(anchor.year - 1)
    if kind == "next_month":
        months = anchor.year * 12 + anchor.month
        return f"{months // 12:04d}-{months % 12 + 1:02d}"
    if kind == "next_year":
        return str(anchor.year + 1)
    if kind == "month_only":
        month = MONTHS[m.group(1).lower()]
        said = m.group(0).lower()
        if "prossimo" in said:
            return f"{anchor.year + (month <= anchor.month):04d}-{month:02d}"
        return f"{_year_of(month, anchor, ahead and 'scorso' not in said):04d}-{month:02d}"
    return None


def xsd_datatype(value: str) -> str:
    """The XSD datatype local name for a normalised value."""
    return {4: "gYear", 7: "gYearMonth"}.get(len(value), "date")
