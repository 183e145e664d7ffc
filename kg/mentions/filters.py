"""What looks like a name but is no entity of the text, and datelines NER misses.

Beside the page furniture (kg.mentions.furniture), headlines in capitals ("GRANDE VITTORIA"):
NER tags names in them; none is an entity of the story (shared/eval/guidelines.md). The
dateline in capitals ("MACERATA – La rassegna", "LAGOS, 01 MAR -") is a place, which NER
trained on mixed case misses or mistypes.
"""
from __future__ import annotations

import re
from typing import Optional

from kg.gazetteer import Gazetteer
from kg.italian import CAPITALS_DATELINE, MONTH_ABBREVIATIONS, OF_FAMILY
from kg.lexicon import mention_words
from kg.records import Mention, Sentence

_WORD = re.compile(r"[^\W\d_]+")
_WORDS = mention_words()
PRODUCT_HEADS = _WORDS["product_heads"]
EPONYM_HEADS = _WORDS["eponym_heads"]
PRIVATE_NOUNS = _WORDS["private_nouns"]
EVENT_NAMES = _WORDS["event_names"]
_OF_WORDS = {w.replace("’", "'") for w in OF_FAMILY} | {"d'"}
#: Minister nouns, singular (mention_words.tsv) and plural: "i ministri degli Esteri Ue".
_MINISTERS = _WORDS["ministers"] | {"ministri", "viceministri", "ministre", "sottosegretari"}


def is_headline_capitals(surface: str) -> bool:
    """A name in capital letters that no acronym is: two words or more ("GRANDE VITTORIA") or
    one word of six letters or more ("VITTORIA"); "NATO", "USA", "KCNA" are acronyms."""
    words = _WORD.findall(surface)
    return bool(words) and all(w.isupper() and len(w) > 1 for w in words) \
        and (len(words) >= 2 or len(words[0]) >= 6)


#: What follows a dateline's place the gazetteer does not know: a date ("SIRTE, 12 mar") or a credit ("(ANSA)")
_DATELINE_TAIL = re.compile(r"\s*(?:,\s*\d|\(|[-–—]\s*\()")


def dateline_mentions(article_id: str, sentence: Sentence, text: str, gazetteer: Gazetteer,
                      taken: list[Mention]) -> list[Mention]:
    """The place of a dateline in capitals in this sentence ("LONDRA, 12 mar -"), linked when
    the gazetteer knows it as a place; a name the gazetteer gives to a body is none, and one
    it does not know needs a date or a credit after it ("SIRTE, 12 mar", "SIRTE (ANSA)") or NER
    to have found a name there ("MACERATA –")."""
    out = []
    for m in CAPITALS_DATELINE.finditer(text, sentence.start_char, sentence.end_char):
        start, end = m.span("place")
        if end > sentence.end_char:
            continue
        entry = gazetteer.lookup(m.group("place"))
        if entry is not None and entry.type not in ("Place", "State"):
            continue
        if entry is None and not _DATELINE_TAIL.match(text, end) and not any(
                x.start_char == start and x.end_char == end for x in taken):
            continue    # "CONTENTO –", "MIGLIOR COMMEDIA –": a headline's words; an unknown place needs
            # a date or credit after it, or NER to have found a name there ("MACERATA –", even as ORG)
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
    singular article is a person or a language, not the state; so is one describing a private
    person, a group of people or a work ("il ciclista sloveno", "artisti italiani", "il popolo
    palestinese", private_nouns in mention_words.tsv)."""
    before: Optional[str] = None
    for w in sentence.words:
        if w.end_char <= start:
            before = w.text.lower().replace("’", "'")
        else:
            break
    return before in {"un", "uno", "una", "un'", "l'", "il", "lo", "la"} or before in PRIVATE_NOUNS


def _words_before(sentence: Sentence, start: int, n: int, text: Optional[str] = None) -> list[tuple[str, str]]:
    """The ``n`` words before a character offset, as (text, upos), nearest last; with the
    article's ``text``, surface tokens ("degli", not "di" "gli")."""
    if text is None:
        return [(w.text, w.upos) for w in sentence.words if w.end_char <= start][-n:]
    out: list[tuple[str, str]] = []
    for w in sentence.words:
        if w.end_char <= start and (not out or out[-1][2] != (w.start_char, w.end_char)):
            out.append((text[w.start_char:w.end_char], w.upos, (w.start_char, w.end_char)))
    return [(t, u) for t, u, _ in out[-n:]]


def product_name(sentence: Sentence, start: int, arms: frozenset[str], text: Optional[str] = None) -> bool:
    """A name right after a noun for a kind of product or weapon, lower-case modifiers between
    ("carri armati Leopard 1", "missili aria-aria Sidewinder", "i sottomarini Ssn-Aukus"): a
    model or a brand, no entity."""
    for word, upos in reversed(_words_before(sentence, start, 4, text)):
        low = word.lower()
        if low in PRODUCT_HEADS or low in arms:
            return upos in ("NOUN", "PROPN", "X", None, "")
        if word == "-":
            continue    # "anti" "-" "nave"
        if not (word.islower() or "-" in word) or upos in ("ADP", "DET", "AUX", "PRON", "CCONJ", "PUNCT"):
            return False
    return False


def eponym_part(sentence: Sentence, text: str, start: int) -> bool:
    """A name inside the name of a thing called after it: "Piano Mattei", "Giro d'Italia",
    "Premio Nobel", "derby della Madonnina" (eponym_heads in mention_words.tsv)."""
    before = _words_before(sentence, start, 2, text)
    if not before:
        return False
    last = before[-1][0].lower().replace("’", "'")
    if last in _OF_WORDS and len(before) == 2:
        head = before[0][0]
    elif text[start - 1:start] in ("'", "’"):
        return False
    else:
        head = before[-1][0]
    low = head.lower()
    return low in EPONYM_HEADS and (head[:1].isupper() or low == "derby")


def dateline_month(text: str, m: Mention) -> bool:
    """"LAGOS, 01 MAR -": a month in capitals after a day is part of the date."""
    return m.text.isupper() and m.text.lower() in MONTH_ABBREVIATIONS \
        and bool(re.search(r"\d\s*$", text[max(0, m.start_char - 6):m.start_char]))


def no_letters(surface: str) -> bool:
    """"118", "2024": a name with no letter is no entity."""
    return not _WORD.search(surface)




def minister_department(m: Mention, sentence: Sentence, text: str, gazetteer: Gazetteer) -> Optional[Mention]:
    """A name right after a minister and "di" is the minister's department, part of the office,
    not an organisation ("ministro degli Affari esteri e della Cooperazione internazionale",
    "i ministri di Esteri e Interno"): None. A body or state the gazetteer knows at its end is
    kept alone: "i ministri degli Esteri Ue" name the European Union."""
    if m.kind != "name" or m.key is not None or m.type != "Organization":
        return m
    before = _words_before(sentence, m.start_char, 2, text)
    if len(before) < 2 or before[1][0].lower().replace("’", "'") not in _OF_WORDS \
            or before[0][0].lower() not in _MINISTERS:
        return m
    words = m.text.split()
    for n in range(1, len(words)):
        tail = " ".join(words[n:])
        entry = gazetteer.lookup(tail)
        if entry is not None and entry.type in ("Organization", "State"):
            start = m.end_char - len(tail)
            return Mention(m.article_id, m.sentence, start, m.end_char, tail, entry.type, "name", entry.key, 0.9)
    return None


def event_name(m: Mention) -> bool:
    """"Ukraine Recovery Conference", "Raisina Dialogue", "il Vertice Ue": a name the gazetteer
    does not know with a capitalised word for an event in it names an event, no entity."""
    return m.kind == "name" and m.key is None and any(
        w[:1].isupper() and w.lower() in EVENT_NAMES for w in m.text.split())


def opening_verb(m: Mention, sentence: Sentence) -> bool:
    """"Nato il 23 novembre 1962 a Caracas": a one-word name opening a sentence that the tagger
    reads as a verb is the verb, capitalised by its place ("Nato" = born)."""
    first = next(iter(sentence.words), None)
    return m.kind == "name" and " " not in m.text and first is not None and first.start_char == m.start_char \
        and first.end_char == m.end_char and first.upos in ("VERB", "AUX")


#: name prefixes whose capital inside a word is part of a surname ("MacArthur", "VanderWal")
_SURNAME_PREFIXES = ("Mac", "Van", "Von", "Del", "Dal", "Der", "Des", "Della", "Dalla")


def glued_name(m: Mention) -> bool:
    """"Donald TrumpGazaMostra", "BasilicataCulturaItinerari", "MygovIndia": words run together
    with no space (a page's tags, menus or handles) are no person; a surname's own capital
    after a prefix ("MacArthur") or a short one ("McCarthy", "DeSantis") is."""
    if m.kind != "name" or m.key is not None or m.type != "Person":
        return False
    for hump in re.finditer(r"([A-Z]?[a-zà-ÿ]{3,})(?=[A-Z][a-zà-ÿ]{2,})", m.text):
        if hump.group(1) not in _SURNAME_PREFIXES:
            return True
    return False


def role_word_name(m: Mention, role_words) -> bool:
    """"Leader", "Generale", "Primo" capitalised at a line's start or in a title: one word that
    opens a role description ("primo ministro") is no person's name."""
    return m.kind == "name" and m.key is None and m.type == "Person" and " " not in m.text \
        and m.text.lower() in role_words


_ABBREVIATION = re.compile(r"(?:[^\W\d_]{1,2}\.)*[^\W\d_]{1,2}\.?")
_WEB_ADDRESS = re.compile(r"\w\.(?:it|com|net|org|eu|info|ru|uk)\b", re.IGNORECASE)


def not_a_name(m: Mention) -> bool:
    """An unknown "name" that is a bare abbreviation ("P.M", "D.M", "N") or holds a web
    address ("Trt.net.it 22.02.24"): page furniture and shorthand, no entity."""
    shorthand = _ABBREVIATION.fullmatch(m.text) and ("." in m.text or len(m.text) == 1)  # not "Pd", "Ft"
    return m.kind == "name" and m.key is None and bool(shorthand or _WEB_ADDRESS.search(m.text))

