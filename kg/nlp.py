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
        digest.update(b"\0")
        digest.update(article.text.encode("utf-8"))
        return digest.hexdigest()

    def annotate(self, article: Article) -> AnnotatedArticle:
        cached = self._read_cache(article)
        if cached is not None:
            self.cache_hits += 1
            return cached
        self.cache_misses += 1
        doc = self.pipeline(article.text)  # type: ignore[operator]
        annotated = AnnotatedArticle(article, document_sentences(doc), self.model_version)
        self._write_cache(article, annotated)
        return annotated

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


def document_sentences(doc) -> list[Sentence]:
    """Convert a stanza Document into Sentence records (words carry their token's offsets)."""
    sentences: list[Sentence] = []
    for index, sent in enumerate(doc.sentences):
        words: list[Word] = []
        for token in sent.tokens:
            for word in token.words:
                start = word.start_char if word.start_char is not None else token.start_char
                end = word.end_char if word.end_char is not None else token.end_char
                words.append(Word(id=int(word.id), text=word.text, start_char=start, end_char=end,
                                  lemma=getattr(word, "lemma", None), upos=getattr(word, "upos", None),
                                  feats=getattr(word, "feats", None), head=getattr(word, "head", None),
                                  deprel=getattr(word, "deprel", None)))
        ents = [NerSpan(text=e.text, type=e.type, start_char=e.start_char, end_char=e.end_char)
                for e in getattr(sent, "ents", [])]
        start, end = sent.tokens[0].start_char, sent.tokens[-1].end_char
        sentences.append(Sentence(index=index, text=doc.text[start:end], start_char=start,
                                  end_char=end, words=words, entities=ents))
    return sentences
