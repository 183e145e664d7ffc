"""Italian quantities as written in news ("10.000", "nove milioni", "2,5 miliardi") to numbers."""
from __future__ import annotations

from decimal import Decimal, InvalidOperation
from typing import Optional

#: Numbers written in words, and the nouns and forms that multiply the number before them.
NUMBER_WORDS = {"un": 1, "uno": 1, "una": 1, "due": 2, "tre": 3, "quattro": 4, "cinque": 5, "sei": 6,
                "sette": 7, "otto": 8, "nove": 9, "dieci": 10, "undici": 11, "dodici": 12, "quindici": 15,
                "venti": 20, "trenta": 30, "quaranta": 40, "cinquanta": 50, "cento": 100, "mille": 1000}
MULTIPLIERS = {"mila": 1000, "milione": 10**6, "milioni": 10**6, "miliardo": 10**9, "miliardi": 10**9}


def parse_quantity(text: str) -> Optional[Decimal]:
    """'10.000' (Italian thousands) -> 10000, '2,5 milioni' -> 2500000, 'nove milioni' ->
    9000000; None when the text holds no definite number ("migliaia")."""
    words = text.lower().split()
    if not words:
        return None
    value = _number(words[0])
    if value is None:
        return None
    for word in words[1:]:
        if word not in MULTIPLIERS:
            return None
        value *= MULTIPLIERS[word]
    return value.normalize() if value != value.to_integral_value() else Decimal(int(value))


def _number(word: str) -> Optional[Decimal]:
    if word in NUMBER_WORDS:
        return Decimal(NUMBER_WORDS[word])
    cleaned = word.replace(".", "").replace(",", ".")
    try:
        return Decimal(cleaned)
    except InvalidOperation:
        return None
