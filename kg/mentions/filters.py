"""What looks like a name but is no entity of the text, and datelines NER misses.

News pages carry furniture around the story: agency credits ("(ANSA)", "(Belga)",
"© Agenzia Nova - Riproduzione riservata"), photo credits ("Ilham Aliyev (Getty Images)."),
headlines in capitals ("GRANDE VITTORIA"). NER tags names in them; none is an entity of the
story (shared/eval/guidelines.md). The dateline in capitals ("MACERATA – La rassegna",
"LAGOS, 01 MAR -") is a place, which NER trained on mixed case misses or mistypes.
"""
from __future__ import annotations

import re
from typing import Optional

from kg.gazetteer import Gazetteer
from kg.italian import CAPITALS_DATELINE
from kg.records import Mention, Sentence

#: A parenthesis holding one to four capitalised words: a source or a credit ("(ANSA-AFP)").
_PAREN = re.compile(r"\((?P<body>[A-ZÀ-Ý][\w’'.&]*(?:[ /-][A-ZÀ-Ý0-9][\w’'.&]*){0,3})\)")
#: A copyright line runs from © to the end of its line.
_COPYRIGHT = re.compile(r"©[^\n]*")
_WORD = re.compile(r"[^\W\d_]+")


def credit_spans(text: str) -> list[tuple[int, int]]:
    """Character spans of an article's credit and byline segments.

    A parenthesis of names is a credit where it stands outside a sentence: after the
    sentence's final stop ("... Tunisia. (Belga)"), at the start of a line ("(ANSA) - LAGOS"),
    or closing a short caption line ("Ilham Aliyev (Getty Images)."); "la Commissione
    elettorale nazionale (Inec)." inside a sentence is an acronym, not a credit.
    """
    spans = [(m.start(), m.end()) for m in _COPYRIGHT.finditer(text)]
    for m in _PAREN.finditer(text):
        line_start = text.rfind("\n", 0, m.start()) + 1
        line_end = text.find("\n", m.end())
        line_end = len(text) if line_end < 0 else line_end
        before = text[line_start:m.start()].rstrip()
        after = text[m.end():line_end].strip()
        if not before or before[-1] in ".!?»”\"" or \
                (after in ("", ".") and len(_WORD.findall(before)) <= 4) or after.startswith(("-", "–", "—")) \
                and len(_WORD.findall(before)) <= 3:
            spans.append((m.start(), m.end()))
    return spans


def is_headline_capitals(surface: str) -> bool:
    """A name in capital letters that no acronym is: two words or more ("GRANDE VITTORIA") or
    one word of six letters or more ("VITTORIA"); "NATO", "USA", "KCNA" are acronyms."""
    words = _WORD.findall(surface)
    return bool(words) and all(w.isupper() and len(w) > 1 for w in words) \
        and (len(words) >= 2 or len(words[0]) >= 6)


def dateline_mentions(article_id: str, sentence: Sentence, text: str, gazetteer: Gazetteer,
                      taken: list[Mention]) -> list[Mention]:
    """The place of a dateline in capitals in this sentence ("LONDRA, 12 mar -"), linked when
    the gazetteer knows it as a place; a name the gazetteer gives to a body is none."""
    out = []
    for m in CAPITALS_DATELINE.finditer(text, sentence.start_char, sentence.end_char):
        start, end = m.span("place")
        if end > sentence.end_char:
            continue
        entry = gazetteer.lookup(m.group("place"))
        if entry is not None and entry.type not in ("Place", "State"):
            continue
        if any(x.start_char == start and x.end_char == end and x.type == "Place" and x.key for x in taken):
            continue    # the gazetteer's place already
        key = entry.key if entry is not None and entry.type == "Place" else None
        out.append(Mention(article_id, sentence.index, start, end, m.group("place"), "Place", "name", key, 0.85))
    return out


def site_name_type(surface: str, etype: str) -> str:
    """A site's name written as one word ("IlMessaggero", "Lettera43") is an organisation,
    whatever NER called it; "McCarthy" and "DeSantis" stay people."""
    if " " in surface or etype == "Organization":
        return etype
    camel = re.match(r"^(Il|La|Lo|Le|The|Open)[A-Z]", surface)
    if camel or (re.search(r"[A-Za-z]\d", surface) and surface[:1].isupper() and etype == "Person"):
        return "Organization"
    return etype


def inside(spans: list[tuple[int, int]], start: int, end: int) -> bool:
    return any(s <= start and end <= e for s, e in spans)


def private_demonym(sentence: Sentence, start: int, end: int) -> bool:
    """"un italiano di 45 anni", "l'italiano Tiberi", "parla il russo": a demonym after a
    singular article is a person or a language, not the state."""
    before: Optional[str] = None
    for w in sentence.words:
        if w.end_char <= start:
            before = w.text.lower().replace("’", "'")
        else:
            break
    return before in {"un", "uno", "una", "un'", "l'", "il", "lo", "la"}


