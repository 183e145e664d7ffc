"""Types read from the context a name stands in, where NER and the gazetteer give the name's
usual type and the text means something else.

- A club: in a sports article (sports_context in mention_words.tsv), a city or a region with
  an article before it is the club ("la Juventus ha steso la Lazio per 3-1", "il Napoli ha
  vinto"): cities take no article in Italian, and the region is "il Lazio", the club "la Lazio".
- A result list: "Geraint Thomas (Regno Unito, Ineos Grenadiers, 76:32:37)": in parentheses after
  a name, a state and other names, the others are the person's team, whatever NER called them,
  each the whole item ("Team Jayco Alula", not "Jayco Alula"), and the name before is a person.
- A work: "La Bohème di Giacomo Puccini", "la Tosca di Puccini" in an article about a season or
  a show (work_context): a name before "di" and a person is the person's work, no entity.
- A title in quotes: "la “Maglia rosa”": a capitalised word opening a short quoted title of
  lower-case words is no name.
"""
from __future__ import annotations

import re
from dataclasses import replace
from typing import Optional

from kg.italian import DEFINITE_ARTICLES, MONTHS
from kg.lexicon import mention_words
from kg.records import Mention, Sentence
from kg.text import fold

_WORDS = mention_words()
SPORTS_CONTEXT = _WORDS["sports_context"]
WORK_CONTEXT = _WORDS["work_context"]
#: A match score: "5-1", "per 1-0".
_SCORE = re.compile(r"(?<![\w.:/-])\d{1,2}-\d{1,2}(?![\w:/-]|[.,]\d)(?!\s+(?:" + "|".join(MONTHS) + r")\b)", re.I)
#: The articles and articled prepositions a club takes and a city does not: "la Lazio",
#: "del Napoli", "contro la Roma"; not "nel", "dalla", "in", which a place takes too.
_CLUB_ARTICLES = {fold(w) for w in DEFINITE_ARTICLES} | {
    "del", "dello", "della", "dell'", "al", "allo", "alla", "all'", "sul", "sulla", "sull'"}
_ARTICLES = {fold(w) for w in DEFINITE_ARTICLES} | {"i", "gli"}
_OPEN_QUOTES = "“\"«‘"


def _phrases_in(text: str, words: frozenset[str]) -> set[str]:
    low = " " + re.sub(r"[^\w']+", " ", fold(text).replace("’", "'")) + " "
    return {w for w in words if f" {w} " in low}


def sports_article(text: str) -> bool:
    """An article about a match or a race: three sports words (sports_context), or one and a
    score ("vince per 1-0")."""
    words = len(_phrases_in(text, SPORTS_CONTEXT))
    return words >= 3 or (words >= 1 and bool(_SCORE.search(text)))


def work_article(text: str) -> bool:
    """An article about a season, a show, a book or a film (work_context)."""
    return bool(_phrases_in(text, WORK_CONTEXT))


def _word_before(sentence: Sentence, text: str, start: int) -> Optional[str]:
    last = None
    for w in sentence.words:
        if w.end_char <= start:
            last = (w.start_char, w.end_char)
        else:
            break
    if last is None or text[last[1]:start].strip():
        return None
    return fold(text[last[0]:last[1]]).replace("’", "'")


def club(m: Mention, sentence: Sentence, text: str, sporty: bool) -> Mention:
    """A city or region after an article in a sports article is a club: an organisation,
    unlinked (the gazetteer's key is the city's)."""
    if not sporty or m.kind != "name" or m.type != "Place" or (m.key is None and " " in m.text) \
            or text[m.end_char:m.end_char + 1] == "-" or text[m.start_char - 1:m.start_char] == "-":
        return m    # "la Castiglione-Desenzano": a route
    before = _word_before(sentence, text, m.start_char)
    if before not in _CLUB_ARTICLES:
        return m
    return replace(m, type="Organization", key=None)


def _items(text: str, start: int, end: int) -> list[tuple[int, int]]:
    out, pos = [], start
    for piece in text[start:end].split(","):
        lead = len(piece) - len(piece.lstrip())
        a, b = pos + lead, pos + len(piece.rstrip())
        if a < b:
            out.append((a, b))
        pos += len(piece) + 1
    return out


def result_lists(article_id: str, sentence: Sentence, text: str, found: list[Mention]) -> list[Mention]:
    """In "NAME (STATE, TEAM, ...)", each capitalised item but the state is an organisation,
    the whole item; the name before is a person."""
    out = list(found)
    for par in re.finditer(r"\(([^()\n]{3,120})\)", text[sentence.start_char:sentence.end_char]):
        a, b = sentence.start_char + par.start(1), sentence.start_char + par.end(1)
        items = _items(text, a, b)
        if len(items) < 2:
            continue
        head = [m for m in out if m.kind == "name" and m.end_char < a and not text[m.end_char:a - 1].strip()]
        states = [s for s in items if any(m.type == "State" and (m.start_char, m.end_char) == s for m in out)]
        teams = [s for s in items if s not in states and text[s[0]].isupper()
                 and re.search(r"[^\W\d_]", text[s[0]:s[1]]) and len(text[s[0]:s[1]].split()) <= 5]
        if not head or not states or not teams or head[0].key is not None or head[0].type == "State":
            continue
        if head[0].type != "Person":
            out[out.index(head[0])] = replace(head[0], type="Person")
        for s, e in teams:
            inner = [m for m in out if m.start_char < e and s < m.end_char]
            if any(m.type == "State" or m.key is not None for m in inner):
                continue
            out = [m for m in out if m not in inner]
            out.append(Mention(article_id, sentence.index, s, e, text[s:e], "Organization", "name", None,
                               max([m.confidence for m in inner], default=0.7)))
    return out


def work_name(m: Mention, found: list[Mention], text: str, works: bool) -> bool:
    """"La Bohème di Giacomo Puccini": a name before "di" and a person, opening with an article
    or in an article about works, is the person's work."""
    if m.kind != "name" or m.key is not None or m.type in ("State", "Organization"):
        return False   # "la Lega di Salvini", "la Russia di Putin"
    after = re.match(r"\s+(di|del)\s+", text[m.end_char:m.end_char + 6])
    if not after:
        return False
    nxt = m.end_char + after.end()
    if not any(p.start_char == nxt and p.type == "Person" and p.kind == "name" for p in found):
        return False
    words = fold(m.text).split()
    return works or (len(words) >= 2 and words[0] in _ARTICLES) or (words[0].startswith("l'") and len(words[0]) > 2)


def quoted_title(m: Mention, sentence: Sentence, text: str) -> bool:
    """"la “Maglia rosa”": one capitalised word opening a quoted title whose other words, one
    or two, are lower-case adjectives ("«Putin vattene»" is a quotation, and stays)."""
    if m.kind != "name" or m.key is not None or " " in m.text or m.start_char == 0 \
            or text[m.start_char - 1] not in _OPEN_QUOTES:
        return False
    close = re.match(r"[^“”\"«»\n]{0,40}?[”\"»]", text[m.end_char:m.end_char + 42])
    if not close:
        return False
    end = m.end_char + close.end() - 1
    rest = [w for w in sentence.words if m.end_char <= w.start_char and w.end_char <= end]
    return 1 <= len(rest) <= 2 and all(w.text.islower() and w.upos == "ADJ" for w in rest)
