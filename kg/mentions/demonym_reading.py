"""Whether a demonym stands for its state: a reading learned from the real-news gold.

"il presidente russo", "soldati nordcoreani", "la polizia spagnola" name the state, its organs
or its agents; "un giornalista argentino", "il quotidiano britannico", "la cultura greca",
"i francesi del Lione" do not (the annotation guidelines). A list of the nouns of the second
kind never ends, so the decision is a logistic model over what a reader looks at: the word the
demonym describes and how (its lemma, part of speech, relation, article, preposition, whether
it is an office of the lexicon), the words around, the demonym's number and form, and the old
hand rule's vote (kg.mentions.filters.private_demonym). It is trained by
``kg models train-demonyms`` on bench/realnews train and dev (KIND sentences, where each
demonym that stands for a state is a gold span, and the articles, whose gold lists such
demonyms among the state's forms) and ships as JSON; with none shipped, the hand rule decides.
"""
from __future__ import annotations

import re
from functools import lru_cache
from pathlib import Path
from typing import Optional

from kg.json_model import ThresholdModel
from kg.lexicon import Lexicon
from kg.mentions.filters import private_demonym
from kg.records import Mention, Sentence, Word
from kg.resources import SHIPPED_MODELS_DIR

FORMAT = "kg-demonym-reading/1"
SHIPPED = SHIPPED_MODELS_DIR / "it_kg_demonyms.json"


def _lemma(w: Word) -> str:
    return (w.lemma or w.text).lower()


def _relation(w: Word) -> str:
    return (w.deprel or "").split(":")[0]


def demonym_features(sentence: Sentence, m: Mention, lexicon: Lexicon) -> list[str]:
    """The indicator features of one demonym mention in its sentence (deterministic order)."""
    words = sentence.words
    inside = [w for w in words if w.start_char >= m.start_char and w.end_char <= m.end_char]
    before = [w for w in words if w.end_char <= m.start_char]
    after = [w for w in words if w.start_char >= m.end_char]
    out = [f"self={m.text.lower()}", f"prev={before[-1].text.lower() if before else '<s>'}",
           f"prev2={' '.join(w.text.lower() for w in before[-2:]) or '<s>'}",
           f"next={after[0].text.lower() if after else '</s>'}"]
    if after and after[0].text[:1].isupper():
        out.append("next_capitalised")   # "il presidente russo Putin"
    if any(_lemma(w) in lexicon.role_first_words for w in before[-4:]):
        out.append("office_before")   # "il ministro della Giustizia sudafricano", however it is parsed
    if private_demonym(sentence, m.start_char, m.end_char):
        out.append("rule_private")
    word = inside[0] if inside else None
    if word is None:
        return out
    number = re.search(r"Number=(\w+)", word.feats or "")
    out += [f"upos={word.upos}", f"number={number.group(1) if number else '-'}"]
    if word.deprel is None:
        return out + ["unparsed"]
    relation = _relation(word)
    out.append(f"rel={relation}")
    governor = next((w for w in words if w.id == word.head), None)
    if governor is None:
        return out + ["root"]
    noun = _lemma(governor)
    out += [f"gov={noun}", f"gov_upos={governor.upos}", f"gov_rel={_relation(governor)}", f"gov|rel={noun}|{relation}"]
    if noun in lexicon.role_first_words:
        out.append("gov_office")
    for k in words:
        if k.head == governor.id and k.deprel in ("det", "case"):
            out.append(f"gov_{k.deprel}={_lemma(k)}")
    return out


class DemonymReading(ThresholdModel):
    """A logistic model: the probability that a demonym stands for its state."""

    FORMAT = FORMAT
    WHAT = "demonym reading"

    def stands_for_state(self, sentence: Sentence, m: Mention, lexicon: Lexicon) -> bool:
        return self.probability(demonym_features(sentence, m, lexicon)) >= self.threshold


@lru_cache(maxsize=4)
def load_demonym_reading(path: Optional[Path] = None) -> Optional[DemonymReading]:
    """The shipped model (or ``path``); None when none ships, so the hand rule decides."""
    path = Path(path) if path else SHIPPED
    return DemonymReading.load(path) if path.exists() else None
