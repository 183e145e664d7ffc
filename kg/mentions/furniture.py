"""Page furniture around a news story: credits, bylines, captions' photo credits, the site's
own name and links.

News pages carry agency credits ("(ANSA)", "(Belga)", "© Agenzia Nova - Riproduzione
riservata"), photo credits ("Ilham Aliyev (Getty Images)", "l'Ucraina // Shutterstock"),
bylines ("di Alberto Galvi") and links back to the site ("🔗 Leggi su Iltempo.it"). NER tags
names in them; none is an entity of the story (shared/eval/guidelines.md): their spans are
cut out of the mentions before anything reads them.
"""
from __future__ import annotations

import re

from typing import Optional

from kg.gazetteer import Gazetteer

#: A parenthesis holding one to five capitalised words, or one word in lower case: a source or a
#: credit ("(ANSA-AFP)", "(Il Sole 24 Ore Radiocor)", "(askanews)").
_PAREN = re.compile(r"\((?P<body>[A-ZÀ-Ý][\w’'.&]*(?:[ /-][A-ZÀ-Ý0-9][\w’'.&]*){0,4}|[a-zà-ÿ][\w’'.&-]*)\)")
#: A copyright line runs from © to the end of its line.
_COPYRIGHT = re.compile(r"©[^\n]*")
_WORD = re.compile(r"[^\W\d_]+")
#: Parentheses closing a line before a credit: "... restrittive. (segue) (Beb)".
_TRAILING_PARENS = re.compile(r"(?:\s*\([^()\n]{1,40}\))+$")
#: A photo credit after a double slash, closing its caption: "... dell'Ucraina // Shutterstock".
_SLASH_CREDIT = re.compile(r"(?<=[ \t])//[ \t]*[^\s/][^\n/]{0,40}?[ \t]*$", re.M)
#: A web or e-mail address a credit in parentheses may follow ("...@adnkronos.com (Web Info)").
_ADDRESS_END = re.compile(r"(?:\S+@\S+\.\w+|https?://\S+|www\.\S+)$")
#: A site's name with its domain: "Leggi su Iltempo.it", "Lapresse.it | 7 dic 2025".
_DOMAIN = re.compile(r"[.](?:it|com|net|org|eu|info|news|tv)\b")
#: A caption line is short: a name and a few words of what the picture shows.
_CAPTION_WORDS = 12


def credit_spans(text: str, gazetteer: Optional[Gazetteer] = None) -> list[tuple[int, int]]:
    """Character spans of an article's credit segments.

    A parenthesis of names is a credit where it stands outside a sentence: after the
    sentence's final stop ("... Tunisia. (Belga)"), at the start of a line ("(ANSA) - LAGOS"),
    closing a caption line with no stop ("Il presidente egiziano al Sisi (Getty Images)") or
    after an address; "la Commissione elettorale nazionale (Inec)." inside a sentence is an
    acronym, not a credit, and so is one closing a heading that spells its name ("Commissione
    elettorale nazionale (Cen)") or a place the gazetteer knows ("Vertice a Lione (Francia)").
    A double slash closing a caption opens a photo credit.
    """
    spans = [(m.start(), m.end()) for m in _COPYRIGHT.finditer(text)]
    spans += [(m.start(), m.end()) for m in _SLASH_CREDIT.finditer(text)]
    for m in _PAREN.finditer(text):
        line_start = text.rfind("\n", 0, m.start()) + 1
        line_end = text.find("\n", m.end())
        line_end = len(text) if line_end < 0 else line_end
        before = text[line_start:m.start()].rstrip()
        stripped = _TRAILING_PARENS.sub("", before)
        if stripped != before and stripped and stripped[-1] in ".!?»”\"":
            before = stripped   # "... restrittive. (segue) (Beb)": the stop ends the sentence
        after = text[m.end():line_end].strip()
        words = len(_WORD.findall(before))
        caption = after == "" and words <= _CAPTION_WORDS and not _spells(m.group("body"), before) \
            and not _place(m.group("body"), gazetteer)
        if not before or before[-1] in ".!?»”\"" or _ADDRESS_END.search(before) or caption or \
                (after in ("", ".") and words <= 4) or after.startswith(("-", "–", "—")) and words <= 3:
            spans.append((m.start(), m.end()))
    return spans


def _spells(body: str, before: str) -> bool:
    """Whether a parenthesis is the acronym of the words before it: "(Cen)" after "Commissione
    elettorale nazionale", "(NIS)" after "National Intelligence Service"."""
    if " " in body or not body[:1].isupper():
        return False
    initials = [w[0].lower() for w in _WORD.findall(before) if len(w) > 3 or w[0].isupper()]
    letters = [c.lower() for c in body if c.isalpha()]
    return len(letters) >= 2 and initials[-len(letters):] == letters


def _place(name: str, gazetteer: Optional[Gazetteer]) -> bool:
    entry = gazetteer.lookup(name) if gazetteer is not None else None
    return entry is not None and entry.type in ("Place", "State")


def site_link(text: str, end: int) -> bool:
    """Whether a name ends in a site's domain ("Iltempo" in "Leggi su Iltempo.it"): the page's
    link to its site, no entity of the story."""
    return bool(_DOMAIN.match(text, end))


#: A line that is only a name of two to four capitalised words, after "di" / "a cura di" / "by"
#: or before a date: a byline or a signature ("di Alberto Galvi", "Angela Bruni 03 gennaio 2026",
#: "di: Andrea Spinelli Barrile | 24 Settembre 2025", "Matteo Rigamonti").
_BYLINE = re.compile(r"^[ \t]*(?P<by>(?:[Aa] cura di|[Dd]i|[Bb]y):?[ \t]+)?"
                     r"(?P<name>[A-ZÀ-Ý][\w'’.-]+(?:[ \t]+[A-ZÀ-Ý][\w'’.-]+){1,3})"
                     r"[ \t]*[*|–—,-]?[ \t]*(?P<date>\d{1,2}[ \t]+[^\W\d_]+[ \t]+\d{4}|\d{4}-\d{2}-\d{2})?"
                     r"[ \t]*[*–—-]?[ \t]*$", re.M)


def byline_spans(text: str, gazetteer: Gazetteer) -> list[tuple[int, int]]:
    """Character spans of byline lines: a line holding a name alone and nothing a sentence
    needs (no verb, no stop). A line that is a name the gazetteer knows, with no "di" or date
    beside it, is a heading ("Emirati Arabi Uniti"), not a byline."""
    spans = []
    for m in _BYLINE.finditer(text):
        if m.group(0).rstrip().endswith("."):
            continue    # "Nel Sud Sudan.": a sentence
        if m.group("by") or m.group("date") or gazetteer.lookup(m.group("name")) is None:
            spans.append((m.start("name"), m.end("name")))
    return spans
