"""One name, one type, within an article: the NER's decisions voted over nearby sentences.

A news article names the same team, company or country many times, and the NER, which reads
one sentence at a time, types some mentions differently ("Alinghi" an organisation in one
sentence, a place in the next) or misses one. Within a window of sentences, every mention of
a name (the same tokens) takes the type most of its tagged mentions have, and an untagged
capitalised occurrence of a name tagged at least twice nearby is tagged too ("one sense per
discourse"). Then a person's surname alone, after the article gave the full name ("Veselin
Topalov" ... "Topalov"), is that person: the NER, which cannot see the earlier sentence, had
made it a place or left it untagged. On KIND WN_dev the two raised the NER's micro-F1 by 0.7
and 0.6 points; the window and the rules were chosen there (see the model card). Given a list
of organisation names (:mod:`kg.ner.org_names`), its names are marked as organisations
first, so that they vote too (another 0.6 points on WN_dev).

The rule reads and writes Stanza's token-level NER tags (BIOES), so it works on Stanza
sentences from one document or from several paragraphs of one article alike.
"""
from __future__ import annotations

from collections import Counter, defaultdict
from typing import Optional, Protocol, Sequence

from kg.settings import value as setting

#: sentences either side of a mention whose mentions vote on its type
WINDOW = setting("names.vote_window")
#: how many tagged mentions of a name make an untagged occurrence of it a mention too
MIN_VOTES = setting("names.min_votes")

Span = tuple[int, int, str]


class NameMarker(Protocol):
    """What marks known names in a sentence before the vote (kg.ner.org_names.OrgNames;
    a protocol, so that this module does not import the one that imports it)."""

    def mark(self, words: Sequence[str], spans: Sequence[Span]) -> list[Span]: ...


def tag_spans(tags: Sequence[str]) -> list[Span]:
    """(start, end, type) spans from BIOES, BIO or bare IO tags, in order."""
    spans: list[Span] = []
    start: int | None = None
    kind: str | None = None
    for i, tag in enumerate([*tags, "O"]):
        if tag == "O" or not tag:
            prefix, label = "O", None
        elif "-" in tag:
            prefix, label = tag.split("-", 1)
        else:
            prefix, label = "I", tag
        if start is not None and (prefix in ("O", "B", "S") or label != kind):
            spans.append((start, i, kind))  # type: ignore[arg-type]
            start = None
        if prefix != "O" and start is None:
            start, kind = i, label
        if prefix in ("E", "S") and start is not None:
            spans.append((start, i + 1, kind))  # type: ignore[arg-type]
            start = None
    return spans


def bioes_tags(length: int, spans: Sequence[Span]) -> list[str]:
    tags = ["O"] * length
    for start, end, kind in spans:
        if end - start == 1:
            tags[start] = f"S-{kind}"
        else:
            tags[start] = f"B-{kind}"
            for i in range(start + 1, end - 1):
                tags[i] = f"I-{kind}"
            tags[end - 1] = f"E-{kind}"
    return tags


def harmonize(words: Sequence[Sequence[str]], tags: Sequence[Sequence[str]], window: int = WINDOW,
              min_votes: int = MIN_VOTES, org_names: Optional[NameMarker] = None) -> list[list[str]]:
    """The sentences' tags (BIOES out) with each name's type voted within ``window`` sentences.

    ``words`` and ``tags``: one list per sentence, in text order. A mention changes type only
    when another type has more votes, and at least ``min_votes``; a name tagged ``min_votes``
    times or more nearby is tagged where it stands untagged and capitalised, unless that
    would overlap a mention; then a surname alone after the full name is that person
    (:func:`_surnames`). ``org_names``, when given, marks its names first (:meth:`OrgNames.mark`).
    """
    spans = [tag_spans(t) for t in tags]
    if org_names is not None:
        spans = [org_names.mark(sentence, found) for sentence, found in zip(words, spans)]
    out: list[list[str]] = []
    for i, (sentence, found) in enumerate(zip(words, spans)):
        votes: dict[tuple[str, ...], Counter[str]] = defaultdict(Counter)
        for j in range(max(0, i - window), min(len(words), i + window + 1)):
            for start, end, kind in spans[j]:
                votes[tuple(words[j][start:end])][kind] += 1
        kept: list[Span] = []
        for start, end, kind in found:
            counts = votes[tuple(sentence[start:end])]
            best, n = counts.most_common(1)[0]
            kept.append((start, end, best if best != kind and n > counts[kind] and n >= min_votes else kind))
        taken = {k for start, end, _ in kept for k in range(start, end)}
        for name, counts in sorted(votes.items()):
            best, n = counts.most_common(1)[0]
            if n < min_votes or not name[0][:1].isupper():
                continue
            size = len(name)
            for start in range(len(sentence) - size + 1):
                if tuple(sentence[start:start + size]) == name and not taken & set(range(start, start + size)):
                    kept.append((start, start + size, best))
                    taken.update(range(start, start + size))
        out.append(sorted(kept))
    return [bioes_tags(len(sentence), found) for sentence, found in zip(words, _surnames(words, out, window))]


def _surnames(words: Sequence[Sequence[str]], spans: list[list[Span]], window: int) -> list[list[Span]]:
    """Each sentence's mentions with a one-word mention, or a capitalised untagged word, that is
    the last word of a person named in full in this or the ``window`` sentences before it made
    that person (PER)."""
    out = []
    for i, (sentence, found) in enumerate(zip(words, spans)):
        surnames = {words[j][end - 1] for j in range(max(0, i - window), i + 1)
                    for start, end, kind in spans[j] if kind == "PER" and end - start >= 2}
        kept = [(start, end, "PER" if end - start == 1 and sentence[start] in surnames else kind)
                for start, end, kind in found]
        taken = {k for start, end, _ in kept for k in range(start, end)}
        kept += [(k, k + 1, "PER") for k, word in enumerate(sentence)
                 if k not in taken and word in surnames and word[:1].isupper()]
        out.append(sorted(kept))
    return out


def harmonize_documents(docs, window: int = WINDOW, org_names: Optional[NameMarker] = None) -> None:
    """Apply :func:`harmonize` to Stanza documents read as one text in order (the paragraphs
    of one article, or one document), rewriting each token's ``ner`` and the documents'
    entity lists. Documents that were not tagged for NER are left alone."""
    sentences = [sent for doc in docs for sent in doc.sentences]
    if not sentences or any(getattr(tok, "ner", None) is None for sent in sentences for tok in sent.tokens):
        return
    words = [[tok.text for tok in sent.tokens] for sent in sentences]
    new = harmonize(words, [[tok.ner for tok in sent.tokens] for sent in sentences], window, org_names=org_names)
    changed = False
    for sent, tags in zip(sentences, new):
        for tok, tag in zip(sent.tokens, tags):
            if tok.ner != tag:
                tok.ner = tag
                changed = True
    if changed:
        for doc in docs:
            doc.build_ents()
