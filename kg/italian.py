"""Italian closed classes, defined once: articles, preposition families, clitics, months,
weekdays and the datelines that open news text.

Used by ingest (dates and datelines), nlp (datelines split off before tagging), mentions
(the "di/del/della…" family that joins names, datelines in capitals) and the relation
rules (preposition cases, articles, clitic objects). Open-class word lists live in
kg/data/lexicon; these are the grammar's own small sets.
"""
from __future__ import annotations

import re

# --- articles, prepositions, clitics ---------------------------------------------------

#: Singular definite articles ("il", "lo", "la", "l'").
DEFINITE_ARTICLES = frozenset({"il", "lo", "la", "l'", "l’"})
#: Every article, definite and indefinite, singular and plural.
ARTICLES = frozenset({"il", "lo", "la", "i", "gli", "le", "l'", "l’", "un", "uno", "una", "un'", "un’"})
#: Possessives that stand where an article does ("il suo omologo", "i loro leader").
POSSESSIVES = frozenset({"suo", "sua", "suoi", "sue", "loro"})
#: Clitic object pronouns ("per ringraziarlo": him).
CLITIC_OBJECTS = frozenset({"lo", "la", "li", "le", "l'", "l’"})

#: Forms of the auxiliaries "avere" and "essere" ("ha", "sono", "stato"), and the infinitives.
AUXILIARIES = frozenset({"ha", "hanno", "ho", "abbiamo", "aveva", "avevano", "avrebbe", "avrebbero", "è", "sono",
                         "era", "erano", "stato", "stata", "stati", "state", "essere", "avere", "sarà", "sarebbe"})
#: Words that open a new clause (conjunctions and relatives).
CLAUSE_WORDS = frozenset({"che", "cui", "mentre", "ma", "però", "perché", "poiché", "quando", "dove", "se", "benché"})
#: Adverbs of sequence and focus the parser may hang on a phrase as its case marker: "si sono
#: recati prima in Austria, poi in Germania", "anche a Roma".
FOCUS_ADVERBS = frozenset({"prima", "poi", "quindi", "infine", "anche", "solo", "soltanto", "già", "pure"})

#: Relative adverbs: "Washington, dove ha incontrato".
ADVERBIAL_RELATIVES = frozenset({"dove", "quando", "come", "mentre", "perché"})
RELATIVE_PRONOUNS = frozenset({"che", "quale", "cui", "il quale", "la quale", "i quali", "le quali"})

#: The endings a preposition takes joined with an article: de+l, de+llo, ... de+ll'.
_ARTICLE_ENDINGS = ("l", "llo", "lla", "i", "gli", "lle", "ll'", "ll’")


def preposition_family(bare: str, stem: str) -> frozenset[str]:
    """A simple preposition and its forms joined with an article: ("di", "de") gives di, del,
    dello, della, dei, degli, delle, dell' (both apostrophes)."""
    return frozenset({bare, *(stem + ending for ending in _ARTICLE_ENDINGS)})


#: "di" and its articled forms: the words that join a name's head to its complement
#: ("ministero della Difesa").
OF_FAMILY = preposition_family("di", "de")
#: "di" elided before a vowel ("l'ambasciatore d'Italia").
ELIDED_OF = frozenset({"d'", "d’"})
#: The same with the apostrophe cut ("dell"), and "d" of "d'Italia": tokens split at apostrophes.
OF_STEMS = frozenset({w.rstrip("'’") for w in OF_FAMILY} | {"d"})
TO_FAMILY = preposition_family("a", "a")
WITH_FAMILY = frozenset({"con", "col"})
BETWEEN = frozenset({"tra", "fra"})
IN_FAMILY = preposition_family("in", "ne")
FROM_FAMILY = preposition_family("da", "da")
#: Prepositions whose phrase modifies a clause ("dopo la firma", "in una lettera").
ADJUNCT_PREPOSITIONS = frozenset({"dopo", "durante", "in", "nel", "nella", "con", "per", "attraverso", "tramite"})
#: Prepositions of a reason or a target ("ha ringraziato X per il sostegno", "ostilità verso X").
REASON_PREPOSITIONS = frozenset({"per", "verso"})
#: Other prepositions that open a phrase, beside the families above.
OTHER_PREPOSITIONS = frozenset({"per", "su", "sul", "sulla", "contro", "verso", "dopo", "durante", "presso", "senza",
                                "tra", "secondo"})
#: Third-person singular and plural possessives of one owner ("il suo incontro").
THIRD_PERSON_POSSESSIVES = frozenset({"suo", "sua", "suoi", "sue"})

# --- verb endings -------------------------------------------------------------------

#: Endings that only Italian futures and conditionals have, for verbs the tagger gave the
#: wrong tense ("visiterà" tagged Tense=Past): third persons, where news reports events.
FUTURE_ENDINGS = ("rà", "ranno")
CONDITIONAL_ENDINGS = ("rebbe", "rebbero")

# --- months, weekdays ------------------------------------------------------------------

MONTHS = {
    "gennaio": 1, "febbraio": 2, "marzo": 3, "aprile": 4, "maggio": 5, "giugno": 6, "luglio": 7,
    "agosto": 8, "settembre": 9, "ottobre": 10, "novembre": 11, "dicembre": 12,
}
WEEKDAYS = {"lunedì": 0, "martedì": 1, "mercoledì": 2, "giovedì": 3, "venerdì": 4, "sabato": 5,
            "domenica": 6, "lunedi": 0, "martedi": 1, "mercoledi": 2, "giovedi": 3, "venerdi": 4}

# --- dates and datelines ---------------------------------------------------------------

MONTH_PATTERN = "|".join(MONTHS)
#: "gen", "feb", ... "dic": the months as datelines shorten them ("LAGOS, 01 MAR -", "Roma, 13 mar.")
MONTH_ABBREVIATIONS = frozenset(m[:3] for m in MONTHS)
WEEKDAY_PATTERN = "|".join(WEEKDAYS)
#: Full dates only (a header date or a dateline gives the day): ISO, dd/mm/yyyy, "15 agosto
#: 2025", "agosto 15, 2025"; groups y, m or mn, d.
DATE_FORMS = [
    rf"(?P<y>\d{{4}})-(?P<m>\d{{1,2}})-(?P<d>\d{{1,2}})(?:[T ][\d:.]+(?:Z|[+-]\d{{2}}:?\d{{2}})?)?",
    rf"(?P<d>\d{{1,2}})[/.](?P<m>\d{{1,2}})[/.](?P<y>\d{{4}})",
    rf"(?P<d>\d{{1,2}})(?:°|º)?\s+(?P<mn>{MONTH_PATTERN})\s+(?P<y>\d{{4}})",
    rf"(?P<mn>{MONTH_PATTERN})\s+(?P<d>\d{{1,2}}),?\s+(?P<y>\d{{4}})",
]
#: Any of the DATE_FORMS, without named groups.
DATE = re.sub(r"\(\?P<\w+>", "(?:", "(?:" + "|".join(f"(?:{p})" for p in DATE_FORMS) + ")")
#: A dated dateline opening the body: a capitalised place without digits, a comma, a full
#: date, a dash ("Pechino, 15 agosto 2025 – ...").
DATELINE = re.compile(
    rf"^(?:(?-i:[A-ZÀ-Ý])[^,\n\d]{{0,40}},\s*)?(?:(?:{WEEKDAY_PATTERN}),?\s+)?(?P<date>{DATE})\s*(?P<end>[–—-]|:)", re.I)
#: A dateline in capitals: capital letters only, 3 words at most, at a line's start (after an
#: optional credit or date stamp), then a comma, a dash or a parenthesis ("MACERATA –").
CAPITALS_DATELINE = re.compile(
    r"(?m)(?:^[ \t]*(?:[A-Za-z]+[ \t]+)?\d{4}-\d{2}(?:-\d{2})?[ \t]+|^|\)\s*[-–—]\s*)[ \t]*(?P<place>[A-ZÀ-Ý][A-ZÀ-Ý'’]{2,}(?:[ -][A-ZÀ-Ý][A-ZÀ-Ý'’]{1,}){0,2})"
    r"(?=\s*(?:,|[-–—]|\())")
#: What may stand on a line before its dateline: nothing, a date stamp ("date 2024-06").
DATE_STAMP = re.compile(r"\s*(?:(?:[A-Za-z]+\s+)?\d{4}-\d{2}(?:-\d{2})?)?\s*")
