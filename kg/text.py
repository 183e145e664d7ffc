"""The one text normalisation kg compares text in.

:func:`fold` is the form every lookup and comparison uses: the gazetteer and the lexicon
(``not_entities.txt`` and the other word lists are stored folded with it), the mention
filters, ingest's title and repeated-line checks and the evaluation's label matching.
:func:`strip_accents` is its first step, shared with :func:`kg.iris.slug`, which keeps its
own rules so that minted IRIs stay byte-identical.
"""
from __future__ import annotations

import functools
import re
import unicodedata

_APOSTROPHES = str.maketrans({"\u2019": "'", "\u2018": "'", "`": "'", "\u00b4": "'", "\u02bc": "'",
                              "\u02bb": "'", "\u2032": "'"})
_DASHES = re.compile(r"[-\u2010\u2011\u2012\u2013\u2014\u2015\u2212\u00ad]")
#: Letters that NFKD does not decompose into an ASCII base letter.
_LETTERS = str.maketrans({"ł": "l", "Ł": "L", "ø": "o", "Ø": "O", "đ": "d", "Đ": "D", "ß": "ss",
                          "æ": "ae", "Æ": "AE", "œ": "oe", "Œ": "OE", "ı": "i", "ħ": "h", "Ħ": "H",
                          "þ": "th", "Þ": "Th", "ð": "d", "Ð": "D"})
_SPACES = re.compile(r"\s+")


def strip_accents(text: str) -> str:
    """``text`` in NFKD with its combining marks dropped ("Città" -> "Citta")."""
    decomposed = unicodedata.normalize("NFKD", text)
    return "".join(c for c in decomposed if not unicodedata.combining(c))


@functools.lru_cache(maxsize=1 << 18)
def fold(text: str) -> str:
    """The normalisation of every lookup and comparison.

    NFKD with combining marks dropped (and a few letters NFKD keeps, ł ø đ ß æ œ ı, spelled
    out in ASCII), typographic apostrophes (’ ‘ ` ´ ʼ) made "'", hyphens and dashes made a
    space, full stops removed ("U.S.A." = "USA", "Washington D.C." = "Washington DC"), lower
    case, whitespace collapsed and stripped. "Kim Jong-un" and "Kim Jong Un" fold equal;
    "Sergueï Choïgou" folds to "sergue choigou"; "IRIS-T" folds to "iris t".
    """
    text = strip_accents(text.translate(_LETTERS))
    text = text.translate(_APOSTROPHES).translate(_LETTERS)
    text = _DASHES.sub(" ", text).replace(".", "")
    return _SPACES.sub(" ", text.lower()).strip()
