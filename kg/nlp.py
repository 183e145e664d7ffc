"""The Stanza stage: articles in, AnnotatedArticle records out, cached by text and model.

The cache key is the article text plus the model version, so rebuilding unchanged articles
skips Stanza entirely; metadata changes (title, date) do not invalidate the annotations.
"""
from __future__ import annotations

import hashlib
import json
import os
import tempfile
import time
from pathlib import Path
from typing import Callable, Iterable, Iterator, Optional

from kg.records import AnnotatedArticle, Article, NerSpan, Sentence, Word


#: Changes whenever what the stage produces from the same text and models changes; part of
#: the cache key.
ANNOTATION_SCHEME = "4"

#: Characters the models never saw in training (UD and KIND write straight apostrophes), each
#: replaced one for one so that character offsets still index the original text.
_TAGGING_CHARS = str.maketrans({"’": "'", "‘": "'", "ʼ": "'", "“": '"', "”": '"', "«": '"', "»": '"',
                                "„": '"'})


def text_for_tagging(text: str) -> str:
    """The text as the models read it: typographic apostrophes and quotes made straight, so
    that "l’Unione" splits into "l'" + "Unione" and “trattato” into '"' + "trattato" as in
    the training data. Same length as ``text``."""
    return text.translate(_TAGGING_CHARS)


class Annotator:
    """Runs one shared Stanza pipeline over articles, loading it only when first needed."""

    def __init__(self, pipeline_factory: Callable[[], object], model_version: str,
                 cache_dir: Optional[Path] = None):
        self._factory = pipeline_factory
        self._pipeline = None
        self.model_version = model_version
        self.cache_dir = cache_dir
        self.cache_hits = 0
        self.cache_misses = 0
        self.load_seconds = 0.0

    @property
    def pipeline(self):
        if self._pipeline is None:
            started = time.perf_counter()
            self._pipeline = self._factory()
            self.load_seconds = time.perf_counter() - started
        return self._pipeline

    @property
    def loaded(self) -> bool:
        return self._pipeline is not None

    def cache_key(self, article: Article) -> str:
        digest = hashlib.sha256()
        digest.update(self.model_version.encode("utf-8"))
        digest.update(b"\0" + ANNOTATION_SCHEME.encode("ascii") + b"\0")
        digest.update(article.text.encode("utf-8"))
        return digest.hexdigest()

    def annotate(self, article: Article) -> AnnotatedArticle:
        cached = self._read_cache(article)
        if cached is not None:
            self.cache_hits += 1
            return cached
        self.cache_misses += 1
        annotated = AnnotatedArticle(article, self._tag(article.text), self.model_version)
        self._write_cache(article, annotated)
        return annotated

    def _tag(self, text: str) -> list[Sentence]:
        """Tag paragraph by paragraph (no sentence crosses a paragraph or a heading), in one
        batch, and give every offset relative to the whole text."""
        import stanza

        spans = paragraph_spans(text)
        tagging = text_for_tagging(text)
        docs = self.pipeline.bulk_process([stanza.Document([], text=tagging[a:b]) for a, b in spans])  # type: ignore[union-attr]
        sentences: list[Sentence] = []
        for (start, _), doc in zip(spans, docs):
            sentences.extend(document_sentences(doc, text, offset=start, first_index=len(sentences)))
        return sentences

    def annotate_all(self, articles: Iterable[Article]) -> Iterator[AnnotatedArticle]:
        for article in articles:
            yield self.annotate(article)

    # -- cache: one JSON file per (text, model) key; written atomically
    def _cache_path(self, article: Article) -> Optional[Path]:
        if self.cache_dir is None:
            return None
        key = self.cache_key(article)
        return self.cache_dir / key[:2] / f"{key}.json"

    def _read_cache(self, article: Article) -> Optional[AnnotatedArticle]:
        path = self._cache_path(article)
        if path is None or not path.is_file():
            return None
        try:
            data = json.loads(path.read_text(encoding="utf-8"))
            sentences = [Sentence.from_dict(s) for s in data["sentences"]]
        except (OSError, ValueError, KeyError, TypeError):
            return None  # a damaged cache entry is recomputed, never fatal
        return AnnotatedArticle(article, sentences, self.model_version)

    def _write_cache(self, article: Article, annotated: AnnotatedArticle) -> None:
        path = self._cache_path(article)
        if path is None:
            return
        path.parent.mkdir(parents=True, exist_ok=True)
        payload = json.dumps({"model_version": self.model_version,
                              "sentences": [s.to_dict() for s in annotated.sentences]},
                             ensure_ascii=False)
        fd, tmp = tempfile.mkstemp(dir=path.parent, suffix=".tmp")
        with os.fdopen(fd, "w", encoding="utf-8") as handle:
            handle.write(payload)
        os.replace(tmp, path)


def paragraph_spans(text: str) -> list[tuple[int, int]]:
    """(start, end) of the text's paragraphs. A blank line always ends one; a single line
    break ends one after sentence-final punctuation, or after a short line with none (a
    heading) when the next line starts with a capital; other line breaks are wrapping."""
    lines = []
    pos = 0
    for line in text.split("\n"):
        lines.append((pos, pos + len(line)))
        pos += len(line) + 1
    spans: list[tuple[int, int]] = []
    current: Optional[list[int]] = None
    for i, (a, b) in enumerate(lines):
        line = text[a:b]
        if not line.strip():
            if current:
                spans.append((current[0], current[1]))
            current = None
            continue
        if current is None:
            current = [a, b]
        else:
            current[1] = b
        nxt = text[lines[i + 1][0]:lines[i + 1][1]].lstrip() if i + 1 < len(lines) else ""
        stripped = line.rstrip()
        last_word = stripped.split()[-1].lower() if stripped.split() else ""
        ends_sentence = stripped.endswith((".", "!", "?", ":", ";", "»", "”", '"', "…"))
        heading = (len(stripped) < 150 and nxt[:1].isupper() and not stripped.endswith(",")
                   and last_word not in _CONTINUATION_WORDS)
        if ends_sentence or heading or not nxt:
            spans.append((current[0], current[1]))
            current = None
    if current:
        spans.append((current[0], current[1]))
    # trim surrounding whitespace, keep offsets into text
    out = []
    for a, b in spans:
        while a < b and text[a].isspace():
            a += 1
        while b > a and text[b - 1].isspace():
            b -= 1
        if a < b:
            out.append((a, b))
    return out


#: Words a wrapped line can end with mid-sentence ("ha incontrato il" / "presidente").
_CONTINUATION_WORDS = frozenset("""a ad al alla allo ai agli alle con da dal dalla dai dagli dalle di del della
dello dei degli delle e ed il i in l la le lo gli nel nella nei negli nelle o per su sul sulla tra fra un una
uno che ha hanno è sono""".split())


def document_sentences(doc, original: Optional[str] = None, offset: int = 0,
                       first_index: int = 0) -> list[Sentence]:
    """Convert a stanza Document into Sentence records (words carry their token's offsets);
    ``offset`` shifts every offset when the document is one paragraph of ``original``."""
    sentences: list[Sentence] = []
    for index, sent in enumerate(doc.sentences, first_index):
        words: list[Word] = []
        for token in sent.tokens:
            for word in token.words:
                start = word.start_char if word.start_char is not None else token.start_char
                end = word.end_char if word.end_char is not None else token.end_char
                words.append(Word(id=int(word.id), text=word.text, start_char=start + offset,
                                  end_char=end + offset,
                                  lemma=getattr(word, "lemma", None), upos=getattr(word, "upos", None),
                                  feats=getattr(word, "feats", None), head=getattr(word, "head", None),
                                  deprel=getattr(word, "deprel", None)))
        source = original if original is not None else doc.text
        ents = [NerSpan(text=source[e.start_char + offset:e.end_char + offset], type=e.type,
                        start_char=e.start_char + offset, end_char=e.end_char + offset)
                for e in getattr(sent, "ents", [])]
        start, end = sent.tokens[0].start_char + offset, sent.tokens[-1].end_char + offset
        sentences.append(Sentence(index=index, text=source[start:end], start_char=start,
                                  end_char=end, words=words, entities=ents))
    return sentences
