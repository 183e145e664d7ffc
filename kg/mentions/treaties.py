"""Treaty phrases: a treaty head noun and the words that name it."""
from __future__ import annotations

import functools
import re

from kg.lexicon import LEXICON_DIR, mention_words, read_lines
from kg.mentions.common import ARTICLE_WORDS, overlaps
from kg.records import Mention, Sentence

TREATY_HEADS = r"trattat[oi]|patt[oi]|accord[oi]|intes[ae]|convenzion[ei]|protocoll[oi]"

TREATY_RE = re.compile(rf"\b(?P<head>{TREATY_HEADS})\b", re.I)

#: Other nouns and phrases that head an agreement's name ("piano d'azione", "memorandum
#: d'intesa"; mention_words.tsv), longest first, as token tuples.
TREATY_PHRASE_HEADS = tuple(sorted((tuple(p.split()) for p in mention_words()["treaty_phrase_heads"]),
                                   key=lambda p: (-len(p), p)))

TREATY_LINK = {"di", "del", "della", "dello", "dei", "delle", "sul", "sulla", "sullo", "e", "ed"}

TREATY_PURPOSE = {"per"}

#: Words that end a treaty name read after its head ("l'accordo di pace tra ...", "... firmato").
TREATY_STOP = mention_words()["treaty_stop"]


#: Plural heads: "accordi", "intese" name one agreement only with a proper name in them.
PLURAL_HEADS = mention_words()["treaty_plural_heads"]
_YEAR = re.compile(r"1[89][0-9]{2}|20[0-9]{2}")


@functools.cache
def _compounds() -> tuple[tuple[str, ...], ...]:
    """treaty_compounds.txt, each a tuple of tokens."""
    return tuple(tuple(line.split()) for line in read_lines(LEXICON_DIR / "treaty_compounds.txt"))


def _treaties(article_id: str, sentence: Sentence, toks: list[tuple[int, int]], text: str,
              taken: list[Mention]) -> list[Mention]:
    """Treaty phrases: a treaty head noun and the words that name it ("di mutua difesa").

    With POS tags the name runs over nouns, adjectives and proper nouns joined by "di",
    "e" or a comma, and stops at a verb ("firmato"), an adverb or another preposition
    ("durante", "per"); without tags a stop list does the same.
    """
    out: list[Mention] = []
    upos: dict[tuple[int, int], str] = {}
    for w in sentence.words:
        upos.setdefault((w.start_char, w.end_char), w.upos or "")
    tagged = any(upos.values())

    def word(j: int) -> str:
        return text[toks[j][0]:toks[j][1]]

    def content(j: int) -> bool:
        w = word(j)
        if not w.isalpha() or w.lower() in TREATY_STOP:
            return False
        if tagged:
            return upos.get(toks[j]) in ("NOUN", "ADJ", "PROPN")
        return True

    for i, (start, end) in enumerate(toks):
        if TREATY_RE.fullmatch(word(i).lower()):
            width = 1
        else:
            width = next((len(p) for p in TREATY_PHRASE_HEADS
                          if tuple(word(k).lower().replace("’", "'") for k in range(i, min(i + len(p), len(toks)))) == p), 0)
            if not width:
                continue
        j = i + width
        last = i + width - 1
        while j < len(toks):
            lw = word(j).lower()
            k = j + 1 if lw in TREATY_LINK else j
            n = next((len(c) for c in _compounds() if tuple(word(x).lower() for x in range(k, min(k + len(c), len(toks)))) == c), 0)
            if n:                           # "accordo di cessate il fuoco"
                last, j = k + n - 1, k + n
                continue
            if lw in TREATY_PURPOSE and j + 2 < len(toks) and word(j + 1).lower() in ARTICLE_WORDS \
                    and content(j + 2) and word(j + 2).islower():
                j += 2                      # "protocollo per la sicurezza delle esportazioni"
                continue
            if lw in TREATY_LINK or (lw == "," and last > i):
                if j + 1 < len(toks) and content(j + 1) and word(j + 1).islower() | (lw != ","):
                    j += 1
                    continue
                break
            if not content(j) or (word(j)[:1].isupper() and last == i and j > i + 1):
                break
            last = j
            j += 1
        if last + 2 < len(toks) and word(last + 1).lower() in ("del", "dell'", "dell’") and _YEAR.fullmatch(word(last + 2)):
            last += 2                       # "Convenzione sul genocidio del 1948": the year names it
        if word(i).lower() in PLURAL_HEADS and not any(word(x)[:1].isupper() for x in range(i + 1, last + 1)):
            continue                        # "accordi bilaterali", "gli accordi": no one agreement
        # an adjective before the head ("storico accordo", "nuovo trattato")
        first = i
        if i > 0 and word(i - 1).lower() in {"storico", "nuovo", "storica", "nuova"}:
            first = i - 1
        span = (toks[first][0], toks[last][1])
        if any(overlaps((m.start_char, m.end_char), span) for m in taken):
            continue
        generic = last == i and width == 1
        out.append(Mention(article_id, sentence.index, span[0], span[1], text[span[0]:span[1]],
                           "Treaty", "treaty_ref" if generic else "treaty", None,
                           0.6 if generic else 0.8))
    return out


#: Heads that, with "di" and a place, name one agreement: "l'accordo di Belaveza", "la
#: Dichiarazione di Alma-Ata", "gli accordi di Minsk", "il trattato di Versailles".
PLACE_NAMED_HEADS = mention_words()["treaty_place_heads"]


def place_named_treaties(article_id: str, sentence: Sentence, text: str, found: list[Mention]) -> list[Mention]:
    """A treaty named after the place it was made: a head noun, "di" and a place name is one
    treaty, not the place ("accordo di Belaveza", "Dichiarazione di Alma-Ata"); a state or a
    capital that stands for one ("l'accordo di Mosca") is a party, not a name."""
    words = [w for w in sentence.words]
    out = []
    for m in found:
        before = [w for w in words if w.end_char <= m.start_char][-2:]
        if m.kind != "name" or m.type != "Place" or len(before) < 2 \
                or before[1].text.lower() != "di" or before[0].text.lower() not in PLACE_NAMED_HEADS \
                or any(t.type == "Treaty" and t.start_char <= before[0].start_char < t.end_char for t in found):
            out.append(m)
            continue
        start = before[0].start_char
        out.append(Mention(article_id, sentence.index, start, m.end_char, text[start:m.end_char],
                           "Treaty", "treaty", None, 0.8))
    return out
