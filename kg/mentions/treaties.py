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

TREATY_LINK = {"di", "del", "della", "dello", "dell'", "dei", "degli", "delle",
               "sul", "sulla", "sullo", "sull'", "sui", "sugli", "sulle", "e", "ed"}

#: Links that say what an agreement is about, not whose it is: a name after them belongs to
#: the treaty's name ("il memorandum d'intesa sulla Via della Seta").
TOPIC_LINK = {"su", "sul", "sulla", "sullo", "sull'", "sui", "sugli", "sulle"}

#: Prepositions the tokenizer may leave apart from their article ("su" "i" for "sui").
_SPLIT_PREPOSITIONS = {"di", "su"}

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


class _Phrase:
    """One sentence's tokens as a treaty phrase reads them: lower-cased words, POS, link
    words, and the mentions already found there."""

    def __init__(self, sentence: Sentence, toks: list[tuple[int, int]], text: str, taken: list[Mention]):
        self.toks, self.text, self.taken = toks, text, taken
        self.upos: dict[tuple[int, int], str] = {}
        for w in sentence.words:
            self.upos.setdefault((w.start_char, w.end_char), w.upos or "")
        self.tagged = any(self.upos.values())

    def word(self, j: int) -> str:
        return self.cased(j).lower().replace("’", "'")

    def cased(self, j: int) -> str:
        return self.text[self.toks[j][0]:self.toks[j][1]]

    def capital(self, j: int) -> bool:
        return self.cased(j)[:1].isupper()

    def words(self, start: int, n: int) -> tuple[str, ...]:
        return tuple(self.word(x) for x in range(start, min(start + n, len(self.toks))))

    def content(self, j: int) -> bool:
        w = self.word(j)
        if not w.isalpha() or w in TREATY_STOP:
            return False
        return self.upos.get(self.toks[j]) in ("NOUN", "ADJ", "PROPN") if self.tagged else True

    def link(self, j: int) -> int:
        """How many tokens the link word at ``j`` takes: "della" one, "su" "i" two, else none."""
        if self.word(j) in TREATY_LINK:
            return 1
        if self.word(j) in _SPLIT_PREPOSITIONS and j + 1 < len(self.toks) \
                and self.word(j + 1) in ARTICLE_WORDS and self.toks[j][1] == self.toks[j + 1][0]:
            return 2
        return 0

    def inside(self, j: int) -> list[Mention]:
        return [m for m in self.taken if overlaps((m.start_char, m.end_char), self.toks[j])]

    def head_width(self, i: int) -> int:
        """Tokens of the treaty head noun or phrase at ``i`` (0: none)."""
        if TREATY_RE.fullmatch(self.word(i)):
            return 1
        return next((len(p) for p in TREATY_PHRASE_HEADS if self.words(i, len(p)) == p), 0)

    def name_end(self, i: int, width: int) -> tuple[int, list[Mention]]:
        """The last token of the name headed at ``i``, and the mentions it runs over.

        A name after a link word belongs to the treaty where the head is itself a name
        ("il Trattato del Quirinale") or the link says what it is about ("sulla Via della
        Seta"); otherwise it is a party's ("l'accordo di Trump") and the treaty stops before it.
        Only places and organisations are taken into a treaty's name, and any name after a
        capitalised head."""
        named_head = i > 0 and self.capital(i) and not self.cased(i).isupper()
        j, last = i + width, i + width - 1
        absorbed: list[Mention] = []
        via = ""                            # the link the name last ran over
        while j < len(self.toks):
            lw, step = self.word(j), self.link(j)
            n = next((len(c) for c in _compounds() if self.words(j + step, len(c)) == c), 0)
            if n:                           # "accordo di cessate il fuoco"
                last = j = j + step + n
                last -= 1
                continue
            if lw in TREATY_PURPOSE and j + 2 < len(self.toks) and self.word(j + 1) in ARTICLE_WORDS \
                    and self.content(j + 2) and self.cased(j + 2).islower():
                j += 2                      # "protocollo per la sicurezza delle esportazioni"
                continue
            if step or (lw == "," and last > i):
                k = j + (step or 1)
                if k >= len(self.toks) or not self.content(k) or (lw == "," and self.capital(k)):
                    break
                in_name = any(m in absorbed and m.start_char < self.toks[k][0] for m in self.inside(k))
                if not in_name:
                    via = lw
                j = k
                continue
            own = named_head or via in TOPIC_LINK
            names = self.inside(j)
            if not self.content(j) or (self.capital(j) and last == i and j > i + 1 and not own):
                break
            # after a capitalised head any name is the treaty's ("il Trattato del Quirinale", the
            # seat the gazetteer reads as Italy); elsewhere a state is a party ("l'accordo di Mosca")
            if names and not (via and own and (named_head or all(m.type in ("Place", "Organization") for m in names))):
                break
            absorbed += [m for m in names if m not in absorbed]
            last, j = j, j + 1
        # a name taken in part: the treaty ends before it
        while any(m.end_char > self.toks[last][1] for m in absorbed):
            cut = min(m.start_char for m in absorbed if m.end_char > self.toks[last][1])
            last = max(x for x in range(i, last + 1) if self.toks[x][1] <= cut)
            absorbed = [m for m in absorbed if m.end_char <= self.toks[last][1]]
        while last > i + width - 1 and (self.link(last) or self.word(last) in ARTICLE_WORDS or self.word(last) == ","):
            last -= 1                       # no link left hanging at the end
        return last, absorbed


def _treaties(article_id: str, sentence: Sentence, toks: list[tuple[int, int]], text: str,
              taken: list[Mention]) -> list[Mention]:
    """Treaty phrases: a treaty head noun and the words that name it ("di mutua difesa").

    With POS tags the name runs over nouns, adjectives and proper nouns joined by "di",
    "e" or a comma, and stops at a verb ("firmato"), an adverb or another preposition
    ("durante", "per"); without tags a stop list does the same. A place or organisation
    the name runs over (kg.mentions.treaties._Phrase.name_end) leaves ``taken``: it is part
    of the treaty's name, no mention of its own.
    """
    phrase = _Phrase(sentence, toks, text, taken)
    word = phrase.word
    out: list[Mention] = []
    i = -1
    while i + 1 < len(toks):
        i += 1
        width = phrase.head_width(i)
        if not width:
            continue
        last, absorbed = phrase.name_end(i, width)
        if last + 2 < len(toks) and word(last + 1) in ("del", "dell'") and _YEAR.fullmatch(word(last + 2)):
            last += 2                       # "Convenzione sul genocidio del 1948": the year names it
        if word(i) in PLURAL_HEADS and not any(phrase.capital(x) for x in range(i + 1, last + 1)):
            continue                        # "accordi bilaterali", "gli accordi": no one agreement
        # an adjective before the head ("storico accordo", "nuovo trattato")
        first = i - 1 if i > 0 and word(i - 1) in {"storico", "nuovo", "storica", "nuova"} else i
        span = (toks[first][0], toks[last][1])
        if any(overlaps((m.start_char, m.end_char), span) for m in taken if m not in absorbed):
            continue
        for m in absorbed:
            taken.remove(m)
        generic = last == i and width == 1
        out.append(Mention(article_id, sentence.index, span[0], span[1], text[span[0]:span[1]],
                           "Treaty", "treaty_ref" if generic else "treaty", None,
                           0.6 if generic else 0.8))
        i = last                            # the words of its name head no treaty of their own
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
