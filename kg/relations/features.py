"""Features of a candidate pair: what a reader looks at to decide whether a fact joins them.

The dependency path between the two mentions (lemmas, relations and direction), the lowest
common head (often the trigger) and its frame in the lexicon, the words between and around,
the mentions' types and kinds, their distance, negation, modality and tense, a role word
from the lexicon near the pair, and the hand rules' own vote. Every feature is a string
(a binary indicator), so the model is a sparse linear one, readable weight by weight.
"""
from __future__ import annotations

import re
from typing import Optional

from kg.lexicon import Lexicon
from kg.mentions import ArticleMentions
from kg.records import Sentence, Word
from kg.relations.candidates import Candidate

MODALS = {"potere", "dovere", "volere"}
NEGATIONS = {"non", "né", "mai"}
MAX_BETWEEN = 12


def _words_in(sentence: Sentence, start: int, end: int) -> list[Word]:
    return [w for w in sentence.words if w.start_char >= start and w.end_char <= end]


def _head(words: list[Word], ids: set[int]) -> Optional[Word]:
    """The word of a mention whose syntactic head lies outside it."""
    for w in words:
        if w.head is None:
            return None
        if w.head not in ids:
            return w
    return words[0] if words else None


def _chain(word: Word, by_id: dict[int, Word]) -> list[Word]:
    out, seen = [word], {word.id}
    while out[-1].head and out[-1].head in by_id and out[-1].head not in seen:
        seen.add(out[-1].head)
        out.append(by_id[out[-1].head])
    return out


def _lemma(w: Word) -> str:
    return (w.lemma or w.text).lower()


def _path_features(a: Word, b: Word, sentence: Sentence, lex: Lexicon) -> list[str]:
    by_id = {w.id: w for w in sentence.words}
    up, down = _chain(a, by_id), _chain(b, by_id)
    down_ids = {w.id for w in down}
    lca = next((w for w in up if w.id in down_ids), None)
    if lca is None:
        return ["path=none"]
    left = up[:up.index(lca)]
    right = down[:[w.id for w in down].index(lca.id)]
    rels = [f"{(w.deprel or '').split(':')[0]}^" for w in left] + \
           [f"{(w.deprel or '').split(':')[0]}v" for w in reversed(right)]
    out = [f"path={' '.join(rels)}" if len(rels) <= 4 else "path=long", f"lca={_lemma(lca)}",
           f"lca_upos={lca.upos}", f"pathlen={min(len(rels), 6)}"]
    inner = [w for w in left[1:] + right[1:]] + ([lca] if lca is not a and lca is not b else [])
    for w in inner:
        out.append(f"pl={_lemma(w)}")
        frame = lex.triggers.get((_lemma(w), w.upos or ""))
        if frame:
            out.append(f"pframe={frame}")
    frame = lex.triggers.get((_lemma(lca), lca.upos or ""))
    if frame:
        out.append(f"lca_frame={frame}")
    kids = [w for w in sentence.words if w.head == lca.id]
    if any(_lemma(k) in NEGATIONS for k in kids):
        out.append("negated")
    if any(_lemma(k) in MODALS for k in kids):
        out.append("modal")
    feats = lca.feats or ""
    if "Mood=Cnd" in feats:
        out.append("conditional")
    if "Tense=Fut" in feats:
        out.append("future")
    out.append(f"a_dep={(a.deprel or '').split(':')[0]}")
    out.append(f"b_dep={(b.deprel or '').split(':')[0]}")
    for side, w in (("a", a), ("b", b)):  # the word each mention hangs from, with how it hangs
        gov = by_id.get(w.head) if w.head else None
        if gov is not None:
            out += [f"{side}_gov={_lemma(gov)}", f"{side}_govrel={_lemma(gov)}|{(w.deprel or '').split(':')[0]}"]
    out.append(f"pathrels={' '.join(sorted(r[:-1] for r in rels))}" if len(rels) <= 4 else "pathrels=long")
    for side, w in (("a", a), ("b", b)):
        cases = [_lemma(k) for k in sentence.words if k.head == w.id and k.deprel == "case"]
        if cases:
            out.append(f"{side}_case={' '.join(cases)}")
    return out


def candidate_features(am: ArticleMentions, cand: Candidate, sentence: Sentence, lex: Lexicon,
                       rule_votes: set[tuple[int, str, str, str]]) -> list[str]:
    """The features of one candidate (a list of indicator names, deterministic order)."""
    ma, mb = am.mentions[cand.a], am.mentions[cand.b]
    types = f"{cand.s_type}>{cand.o_type}"
    forward = ma.start_char < mb.start_char
    first, second = (ma, mb) if forward else (mb, ma)
    words = sentence.words
    between = [w for w in words if w.start_char >= first.end_char and w.end_char <= second.start_char]
    before = [w for w in words if w.end_char <= first.start_char][-3:]
    after = [w for w in words if w.start_char >= second.end_char][:2]
    out = [f"types={types}", f"kinds={ma.kind}>{mb.kind}", f"order={'fwd' if forward else 'rev'}",
           f"dist={min(len(between), 8) if len(between) < 8 else ('8-15' if len(between) < 16 else 'far')}"]
    lemmas = [_lemma(w) for w in between]
    if len(between) <= MAX_BETWEEN:
        out += [f"btw={x}" for x in dict.fromkeys(lemmas)]
        if len(lemmas) <= 4:
            out.append(f"btw_seq={' '.join(lemmas)}")
            out.append(f"btw_seq_t={types}|{' '.join(lemmas)}")
    else:
        out.append("btw_long")
    for w in between[:MAX_BETWEEN]:
        frame = lex.triggers.get((_lemma(w), w.upos or ""))
        if frame:
            out += [f"bframe={frame}", f"bframe_t={types}|{frame}"]
    out += [f"before={_lemma(w)}" for w in before[-2:]]
    out += [f"after={_lemma(w)}" for w in after[:1]]
    if any(_lemma(w) in NEGATIONS for w in between + before):
        out.append("neg_near")
    near = " " + " ".join(_lemma(w) for w in before + between) + " "
    for phrase, role in lex.roles.items():
        if " " + phrase + " " in near:
            out += [f"role={role.predicate}", f"role_t={types}|{role.predicate}"]
    wa, wb = _words_in(sentence, ma.start_char, ma.end_char), _words_in(sentence, mb.start_char, mb.end_char)
    ha, hb = _head(wa, {w.id for w in wa}), _head(wb, {w.id for w in wb})
    if ha is not None and hb is not None:
        path = _path_features(ha, hb, sentence, lex)
        out += path + [f"t|{types}|{x}" for x in path if x.startswith(("path=", "lca=", "lca_frame="))]
    else:
        out.append("unparsed")
    if am.annotated.article.title and sentence.index == 0:
        out.append("headline")
    if re.search(r"[«“\"]", sentence.text[:max(0, first.start_char - sentence.start_char)]):
        out.append("quoted")
    for p in cand.predicates:
        if (cand.sentence, cand.s_key, p, cand.o_key) in rule_votes:
            out += [f"rule={p}", "rule_any"]
        if (cand.sentence, cand.o_key, p, cand.s_key) in rule_votes:
            out.append(f"rule_rev={p}")
    return list(dict.fromkeys(out))
