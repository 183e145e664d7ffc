"""Words the training treebanks only ever write as one word, kept whole by the tokenizer.

Stanza's tokenizer flags multi-word tokens by their letters, and the shipped one flags nouns
and adjectives that end like a verb's clitic ("armi", "fermi", "scarsi") when they follow a
verb, so the MWT expander splits them as if they were "darmi" ("ar" + "mi"). The
``plain_words`` training step (:mod:`kg.models.word_lists`) lists the forms that the UD
training files write only as single words, ending as their multi-word tokens end; at run time
the list clears the tokenizer's MWT flag on them (Stanza's ``tokenize_postprocessor``). Forms
the treebanks also write as multi-word tokens are never listed, so "darmi" and "della" still
expand.
"""
from __future__ import annotations

from pathlib import Path
from typing import Union

from kg.resources import read_lines

def read_plain_words(path: Path) -> frozenset[str]:
    """The list's forms (:func:`kg.models.word_lists.collect_plain_words` makes it)."""
    return frozenset(read_lines(path))


Draft = list[list[Union[str, tuple]]]


class KeepPlainWords:
    """A ``tokenize_postprocessor``: a token flagged as a multi-word token whose form is a
    listed plain word stays one word. Picklable, for worker processes."""

    def __init__(self, words: frozenset[str]):
        self.words = words

    def __call__(self, sentences: Draft) -> Draft:
        return [_join_name_articles([token[0] if isinstance(token, tuple) and token[1] is True
                                     and token[0].lower() in self.words else token
                                     for token in _split_quotes(sentence)])
                for sentence in sentences]


#: Quotation marks the tokenizer left stuck to a word ("«un alleato prezioso»" gave "«un").
OPENING_QUOTES = "«“"
CLOSING_QUOTES = "»”"  # not ’: it is also the apostrophe ("po’", "l’")


def _split_quotes(tokens: list) -> list:
    """A guillemet or curly quote glued to a word is a token of its own."""
    out: list = []
    for token in tokens:
        text, flag = (token[0], token[1]) if isinstance(token, tuple) else (token, None)
        lead = trail = ""
        while len(text) > 1 and text[0] in OPENING_QUOTES:
            lead, text = lead + text[0], text[1:]
        while len(text) > 1 and text[-1] in CLOSING_QUOTES:
            text, trail = text[:-1], text[-1] + trail
        if not lead and not trail:
            out.append(token)
            continue
        out.extend(lead)
        out.append((text, flag) if flag is not None else text)
        out.extend(trail)
    return out


#: Arabic articles written with a hyphen before a name ("al-Sisi", "el-Baradei", "as-Sadr"):
#: the tokenizer split "al" off as Italian "al" (a + il) and left "-Sisi" a token of its own.
NAME_ARTICLES = frozenset({"al", "el", "as", "ash", "ad", "an", "ar", "at", "az", "ul"})


def _join_name_articles(tokens: list) -> list:
    """"al" + "-Sisi" -> "al-Sisi", one plain word (the text has no space between them); and
    "Al" inside a name ("Hamad Al Thani") is that name's word, not "a il"."""
    tokens = list(tokens)
    text = lambda t: t[0] if isinstance(t, tuple) else t
    for i in range(1, len(tokens) - 1):
        token, before, after = tokens[i], tokens[i - 1], tokens[i + 1]
        if isinstance(token, tuple) and token[1] is True and token[0] in ("Al", "El") \
                and text(before)[:1].isupper() and text(after)[:1].isupper():
            tokens[i] = token[0]
    out: list = []
    for token in tokens:
        text = token[0] if isinstance(token, tuple) else token
        previous = out[-1] if out else None
        before = previous[0] if isinstance(previous, tuple) else previous
        if before is not None and before.lower() in NAME_ARTICLES and len(text) > 1 \
                and text[0] == "-" and text[1].isupper():
            out[-1] = before + text
            continue
        out.append(token)
    return out
