"""Hand-annotated documents for tests that need no model (like spaCy's Doc(words=, heads=)).

``sentence(text, rows, ner)`` builds a Sentence record from a mini CoNLL-U: one row per
word, "ID FORM LEMMA UPOS HEAD DEPREL [FEATS]", and "A-B SURFACE" rows for multiword tokens.
Offsets are found by scanning ``text``. ``extract`` runs kg's mentions, linking and hand rules
over such sentences, and ``triples`` reads its facts back by label.
"""
from __future__ import annotations

from kg.records import AnnotatedArticle, Article, NerSpan, Sentence, Word


def sentence(text: str, rows: str, ner: list[tuple[str, str]] = (), index: int = 0, offset: int = 0) -> Sentence:
    words: list[Word] = []
    pos = 0
    mwt_end = 0
    mwt_span = (0, 0)
    for line in rows.strip().splitlines():
        cols = line.split()
        if not cols:
            continue
        if "-" in cols[0]:
            a, b = map(int, cols[0].split("-"))
            start = text.index(cols[1], pos)
            mwt_span = (start, start + len(cols[1]))
            mwt_end = b
            pos = mwt_span[1]
            continue
        wid = int(cols[0])
        if wid <= mwt_end:
            start, end = mwt_span
        else:
            start = text.index(cols[1], pos)
            end = start + len(cols[1])
            pos = end
        words.append(Word(id=wid, text=cols[1], start_char=start + offset, end_char=end + offset,
                          lemma=cols[2], upos=cols[3], head=int(cols[4]), deprel=cols[5],
                          feats=cols[6] if len(cols) > 6 else None))
    ents = []
    for surface, etype in ner:
        start = text.index(surface)
        ents.append(NerSpan(surface, etype, start + offset, start + offset + len(surface)))
    return Sentence(index=index, text=text, start_char=offset, end_char=offset + len(text),
                    words=words, entities=ents)


def split_words(text: str) -> list[str]:
    """A text's words for a hand-tagged sentence: one per piece, a comma, a full stop, a bracket
    and an elided article ("l'", "d'") each a word of its own."""
    words = []
    for piece in text.replace(".", " .").replace(",", " ,").replace("(", "( ").replace(")", " )").split():
        if "'" in piece[:-1]:
            head, _, tail = piece.partition("'")
            words += [head + "'", tail]
        else:
            words.append(piece)
    return words


def unparsed(text: str, ner: list[tuple[str, str]] = (), lemmas: dict[str, str] | None = None) -> tuple[str, str, list]:
    """A (text, rows, ner) sentence with its words (split_words) and no tags or parse; each
    word's lemma is the word in lower case, or what ``lemmas`` gives for it."""
    lemmas = lemmas or {}
    rows = (f"{i} {w} {lemmas.get(w, w.lower())} X 0 dep" for i, w in enumerate(split_words(text), 1))
    return text, "\n".join(rows), list(ner)


def article(*sentences_: tuple[str, str, list], article_id: str = "test", date: str | None = None) -> AnnotatedArticle:
    """An AnnotatedArticle from (text, rows, ner) triples, sentences joined by a space."""
    texts, built, offset = [], [], 0
    for i, (text, rows, ner) in enumerate(sentences_):
        built.append(sentence(text, rows, ner, index=i, offset=offset))
        texts.append(text)
        offset += len(text) + 1
    art = Article(id=article_id, source=f"{article_id}.txt", text=" ".join(texts), date=date)
    return AnnotatedArticle(art, built, "test")


def extract(*sentences_: tuple[str, str, list], date: str | None = None):
    """The resolution and the hand rules' facts of an article of hand-parsed sentences."""
    from kg.gazetteer import load_gazetteer
    from kg.lexicon import load_lexicon
    from kg.linking import resolve
    from kg.mentions import find_mentions
    from kg.relations import RelationExtractor

    gaz, lex = load_gazetteer(), load_lexicon()
    am = find_mentions(article(*sentences_, date=date), gaz, lex)
    res = resolve([am], gaz)
    return res, RelationExtractor(lex, res).extract(am)


def triples(res, facts, status=("asserted", "reported")) -> set[tuple[str, str, str]]:
    """(subject label, predicate, object label) of the facts of these statuses (None: all)."""
    label = lambda k: res.entities[k].label if k in res.entities else k  # noqa: E731
    return {(label(f.subject), f.predicate, label(f.object)) for f in facts.facts
            if status is None or f.status in status}
