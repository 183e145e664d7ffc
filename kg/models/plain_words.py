"""Words the training treebanks only ever write as one word, kept whole by the tokenizer.

Stanza's tokenizer flags multi-word tokens by their letters, and the shipped one flags
nouns and adjectives that end like a verb's clitic ("armi", "fermi", "scarsi") when they
follow a verb, so the MWT expander splits them as if they were "darmi" ("ar" + "mi"). The
``plain_words`` training step lists the forms that the UD training files write only as
single words, ending as their multi-word tokens end; at run time the list clears the
tokenizer's MWT flag on them (Stanza's ``tokenize_postprocessor``). Forms the treebanks also
write as multi-word tokens are never listed, so "darmi" and "della" still expand.
"""
from __future__ import annotations

from pathlib import Path
from typing import Iterable, Union

#: A multi-word token's last letters that a listed form must share with some multi-word token
SUFFIX_LENGTH = 2
#: Shorter forms are left to the tokenizer ("col", "sul" are often written either way)
MIN_LENGTH = 4

HEADER = ("# kg: forms the UD training files write only as one word, never as a multi-word token;\n"
          "# the tokenizer's MWT flag on them is cleared (kg.models.plain_words). One lower-cased form a line.\n")


def collect_plain_words(conllu_files: Iterable[Path]) -> list[str]:
    """Lower-cased forms written only as single words in ``conllu_files``, ending as one of
    their multi-word tokens ends, sorted."""
    single: set[str] = set()
    multi: set[str] = set()
    for path in conllu_files:
        covered = 0  # last word id inside the current multi-word token
        with open(path, encoding="utf-8") as handle:
            for line in handle:
                if not line.strip() or line.startswith("#"):
                    continue
                cols = line.split("\t")
                if "-" in cols[0]:
                    multi.add(cols[1].lower())
                    covered = int(cols[0].split("-")[1])
                elif "." not in cols[0]:
                    if int(cols[0]) > covered:
                        single.add(cols[1].lower())
                    elif int(cols[0]) == covered:
                        covered = 0
    endings = {form[-SUFFIX_LENGTH:] for form in multi}
    return sorted(w for w in single - multi
                  if len(w) >= MIN_LENGTH and w[-SUFFIX_LENGTH:] in endings and w.isalpha())


def write_plain_words(words: Iterable[str], out: Path) -> int:
    words = list(words)
    out.write_text(HEADER + "".join(w + "\n" for w in words), encoding="utf-8")
    return len(words)


def read_plain_words(path: Path) -> frozenset[str]:
    with open(path, encoding="utf-8") as handle:
        return frozenset(line.strip() for line in handle if line.strip() and not line.startswith("#"))


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
