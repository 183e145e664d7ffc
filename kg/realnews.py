"""The real-news corpus's article dates as its gold reads them (bench/realnews).

The manifest's `date` was taken from wherever the page gave one, its address included; the
gold's dates come only from a date the text writes (a dateline, a date line, the excerpt's
"date yyyy-mm" marker), never from the address (bench/realnews/README.md, rule 10). Every
tool that hands the corpus to kg (the scorer, the training and the rule measurement) gives it
the date the text supports, so kg and the gold date an undated act from the same knowledge,
and the text without the stored excerpt's "date yyyy-mm" marker (``article_text``): page
metadata, not the article's words, which kg would read as part of its first sentence.
"""
from __future__ import annotations

import re
from typing import Optional

from kg.italian import MONTHS

#: How far into the text a dateline or date line is looked for.
HEADER_CHARS = 600

#: The marker a stored excerpt opens with: " date 2025-01 ", " date 2024-09-06 ".
_DATE_MARKER = re.compile(r"\s*date \d{4}-\d{2}(?:-\d{2})?\s+")


def article_text(text: str) -> str:
    """The excerpt as an article: without the "date yyyy-mm" marker of the page store, which
    the manifest's date carries (``written_date``); kg read the marker into the headline's
    parse ("date 2024-05 Arrivo di X a Parigi")."""
    marker = _DATE_MARKER.match(text)
    return text[marker.end():] if marker else text


def written_date(date: Optional[str], text: str) -> Optional[str]:
    """``date`` where the text's opening writes its day ("Roma, 24 settembre 2024",
    "ANKARA, 29 ago.", "24/09/2024"), else its month; a month or a year as given."""
    if not date or len(date) != 10:
        return date
    year, month, day = (int(part) for part in date.split("-"))
    name = next(name for name, number in MONTHS.items() if number == month)
    spelt = rf"(?:{name}|{name[:3]})\b"     # "settembre", "Settembre", "set."
    head = text[:HEADER_CHARS]
    if re.search(rf"(?<!\d)0?{day}(?:°|º)?\s+{spelt}", head, re.I) \
            or re.search(rf"\b{spelt}\s+0?{day}(?!\d)", head, re.I) \
            or re.search(rf"(?<!\d)0?{day}[/.]0?{month}[/.](?:{year}|{year % 100:02d})(?!\d)", head):
        return date
    return date[:7]
