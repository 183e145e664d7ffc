"""The Stanza stage: articles in, AnnotatedArticle records out, cached by text and model.

The cache key is the article text plus the model version, so rebuilding unchanged articles
skips Stanza entirely; metadata changes (title, date) do not invalidate the annotations.
"""
from __future__ import annotations

import functools
import hashlib
import json
import os
import re
import tempfile
import threading
import time
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Callable, Iterable, Iterator, Optional

from kg.italian import DATELINE
from kg.ner.name_consistency import harmonize_documents
from kg.records import AnnotatedArticle, Article, NerSpan, Sentence, Word
from kg.settings import value as setting

if TYPE_CHECKING:
    from kg.ner.org_names import OrgNames


#: Changes whenever what the stage produces from the same text and models changes; part of
#: the cache key.
ANNOTATION_SCHEME = "15"

#: About how many characters of articles go to Stanza in one call (see tag_texts).
BATCH_CHARS = setting("nlp.batch_chars")

#: Pipeline options kg sets. The parser pads each batch to its longest sentence and scores
#: every pair of words with every label, so batches of ~300 words (sorted by length) beat
#: Stanza's 5,000: same parses, less time, and a worker's peak memory on 60 Wikinews
#: articles 640 MB instead of 800 MB (1,000 words) or 1,200 MB (3,000).
PIPELINE_SETTINGS = {"depparse_batch_size": setting("nlp.depparse_batch_size")}

#: Characters the models never saw in training (UD and KIND write straight apostrophes), each
#: replaced one for one so that character offsets still index the original text.
_TAGGING_CHARS = str.maketrans({"’": "'", "‘": "'", "ʼ": "'", "“": '"', "”": '"', "«": '"', "»": '"',
                                "„": '"'})


#: "al-Sisi", "el-Sisi", "al-Qaeda": an Arabic article joined by a hyphen to a capitalised name
_ARABIC_ARTICLE = re.compile(r"\b[ae]l(?=-[A-Z])")

#: A dateline opening any line ("WASHINGTON, 7 luglio 2025 – Il primo ministro ...").
_DATELINES = re.compile(DATELINE.pattern, DATELINE.flags | re.M)


def text_for_tagging(text: str) -> str:
    """The text as the models read it: typographic apostrophes and quotes made straight, so
    that "l’Unione" splits into "l'" + "Unione" and “trattato” into '"' + "trattato" as in
    the training data; and a dateline's dash made a full stop, so that the place it names
    is not parsed as the subject of the first sentence; and the Arabic article of a name
    capitalised ("al-Burhan" -> "Al-Burhan"), which the tokenizer otherwise splits off as
    the Italian "al" (= "a il"), leaving NER "-Burhan". Same length as ``text``."""
    text = text.translate(_TAGGING_CHARS)
    text = _ARABIC_ARTICLE.sub(lambda m: m.group(0).capitalize(), text)
    parts, done = [], 0  # pieces joined once: rebuilding the text at each dateline was quadratic
    for m in _DATELINES.finditer(text):
        if m.group("end") != ":" and text[m.end("end"):m.end("end") + 1].isspace():
            parts += [text[done:m.start("end")], "."]
            done = m.end("end")
    return "".join(parts) + text[done:] if parts else text


class Annotator:
    """Runs one shared Stanza pipeline over articles, loading it only when first needed.

    ``remote`` is a picklable callable (text -> list[Sentence], e.g. :class:`StanzaTagger`)
    that worker processes or a Dask cluster run instead of the in-process pipeline; the
    cache is always read and written here, on the calling side.
    """

    def __init__(self, pipeline_factory: Callable[[], object], model_version: str,
                 cache_dir: Optional[Path] = None, remote: Optional[Callable[[str], list[Sentence]]] = None,
                 org_names: Optional[Callable[[], Optional["OrgNames"]]] = None,
                 selection: Optional[Callable[[], ParseSelection]] = None):
        self._factory = pipeline_factory
        self._selection = selection
        self._pipeline = None
        self._org_names = org_names
        self.model_version = model_version
        self.cache_dir = cache_dir
        self.remote = remote
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
        digest.update((self._selection().digest() if self._selection else PARSE_ALL).encode("ascii") + b"\0")
        digest.update(article.text.encode("utf-8"))
        return digest.hexdigest()

    def annotate(self, article: Article) -> AnnotatedArticle:
        cached = self.cached(article)
        if cached is not None:
            return cached
        self.cache_misses += 1
        annotated = AnnotatedArticle(article, self._tag_many([article.text])[0], self.model_version)
        self._write_cache(article, annotated)
        return annotated

    def cached(self, article: Article) -> Optional[AnnotatedArticle]:
        """The article's annotations from the cache, or None (counted as a hit when found)."""
        cached = self._read_cache(article)
        if cached is not None:
            self.cache_hits += 1
        return cached

    def _tag_many(self, texts: list[str]) -> list[list[Sentence]]:
        return tag_texts(self.pipeline, texts, self._org_names() if self._org_names else None,
                         self._selection() if self._selection else None)

    def annotate_all(self, articles: Iterable[Article], executor=None,
                     batch_chars: int = BATCH_CHARS) -> Iterator[AnnotatedArticle | Exception]:
        """Each article's annotations, in input order; an article the tagger fails on gives
        its exception instead. Cache hits never reach the pipeline; misses are tagged in
        batches of consecutive articles (about ``batch_chars`` characters each, one Stanza
        call per batch) here, or by ``executor`` (kg.executors) running ``self.remote`` on
        its workers."""
        articles = list(articles)
        found = [self.cached(a) for a in articles]
        missing = [a for a, c in zip(articles, found) if c is None]
        self.cache_misses += len(missing)
        batches = text_batches([a.text for a in missing], batch_chars)
        if not batches:
            done: Iterator = iter(())
        elif executor is None or getattr(executor, "in_process", False):
            done = (tag_batch_safely(self._tag_many, b) for b in batches)
        else:
            if self.remote is None:
                raise ValueError("this annotator has no picklable tagger (remote=) to run on workers")
            done = executor.map(functools.partial(tag_batch_safely, self.remote), batches)
        tagged = (result for batch in done for result in batch)
        for article, cached in zip(articles, found):
            if cached is not None:
                yield cached
                continue
            result = next(tagged)
            if isinstance(result, Exception):
                yield result
                continue
            annotated = AnnotatedArticle(article, result, self.model_version)
            self._write_cache(article, annotated)
            yield annotated

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
            if not _well_formed(sentences, len(article.text)):
                return None
        except Exception:  # noqa: BLE001 - any damaged entry is a cache miss, recomputed and rewritten
            return None
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


def _well_formed(sentences: list[Sentence], length: int) -> bool:
    """Whether a cache entry's sentences have the types and offsets the later stages rely on
    (a hand-edited or foreign entry must not crash every later build)."""
    def span_ok(item) -> bool:
        return (type(item.start_char) is int and type(item.end_char) is int
                and 0 <= item.start_char <= item.end_char <= length)

    for sentence in sentences:
        if type(sentence.index) is not int or not isinstance(sentence.text, str) or not span_ok(sentence):
            return False
        for word in sentence.words:
            if type(word.id) is not int or not isinstance(word.text, str) or not span_ok(word) \
                    or not (word.head is None or type(word.head) is int):
                return False
            if any(v is not None and not isinstance(v, str) for v in (word.lemma, word.upos, word.feats,
                                                                     word.deprel)):
                return False
        if any(not isinstance(e.text, str) or not isinstance(e.type, str) or not span_ok(e)
               for e in sentence.entities):
            return False
    return True


class TaggingError(RuntimeError):
    """The tagger failed on one article; the message names the original exception."""


def text_batches(texts: list[str], batch_chars: int = BATCH_CHARS) -> list[list[str]]:
    """Consecutive texts grouped into batches of about ``batch_chars`` characters."""
    batches: list[list[str]] = []
    size = batch_chars
    for text in texts:
        if size >= batch_chars:
            batches.append([])
            size = 0
        batches[-1].append(text)
        size += len(text)
    return batches


def tag_batch_safely(tag_many: Callable[[list[str]], list[list[Sentence]]],
                     texts: list[str]) -> list[list[Sentence] | Exception]:
    """Tag a batch; if it fails, tag its texts one by one so that only the broken article is
    lost. Failures come back as values (TaggingError), so they cross process boundaries."""
    try:
        return list(tag_many(texts))
    except Exception:  # noqa: BLE001 - retried one by one to find the culprit
        if len(texts) == 1:
            return [_tag_one_safely(tag_many, texts[0])]
    return [_tag_one_safely(tag_many, text) for text in texts]


def _tag_one_safely(tag_many, text: str) -> list[Sentence] | Exception:
    try:
        return tag_many([text])[0]
    except Exception as err:  # noqa: BLE001 - reported per article by the build
        return TaggingError(f"{type(err).__name__}: {err}")


def tag_texts(pipeline, texts: list[str], org_names: Optional["OrgNames"] = None,
              selection: Optional[ParseSelection] = None) -> list[list[Sentence]]:
    """Tag several articles in one Stanza call, paragraph by paragraph (no sentence crosses
    a paragraph or a heading); every offset is relative to its article's text. Batching
    articles only saves Stanza's per-call overhead: each paragraph is tagged on its own.
    Then each article's names are harmonised (kg.ner.name_consistency, with
    ``org_names`` when given)."""
    import stanza

    spans = [paragraph_spans(text) for text in texts]
    prepared = [text_for_tagging(text) for text in texts]  # once per article, not once per paragraph
    docs = [stanza.Document([], text=ready[a:b]) for ready, ss in zip(prepared, spans) for a, b in ss]
    parse = bool(docs) and "depparse" in getattr(pipeline, "processors", {})
    if docs:
        docs = pipeline.bulk_process(docs, processors=[p for p in pipeline.processors if p != "depparse"]
                                     if parse else None)
        first = 0
        for ss in spans:  # one name, one type within each article (its paragraphs in order)
            harmonize_documents(docs[first:first + len(ss)], org_names=org_names)
            first += len(ss)
    if parse:
        parse_where_needed(pipeline, docs, selection)
    done = iter(docs)
    out = []
    for text, ss in zip(texts, spans):
        sentences: list[Sentence] = []
        for (start, _), doc in zip(ss, done):
            sentences.extend(document_sentences(doc, text, offset=start, first_index=len(sentences)))
        out.append(sentences)
    return out


@dataclass(frozen=True)
class ParseSelection:
    """What decides which sentences the parser sees, handed to this stage by the build
    (kg.stages.parse_selection: the relation lexicons' words, kg.relations' pair words and
    the gazetteer's demonyms), so that the NLP stage imports no later stage.

    ``demonym(text)``: the state a demonym names, or None (kg.gazetteer.Gazetteer.demonym);
    ``demonyms``: every demonym the gazetteer knows, for the digest."""

    parse_words: frozenset
    casualty_words: frozenset
    pair_words: frozenset
    demonym: Callable[[str], Optional[str]]
    demonyms: tuple[str, ...] = ()

    def needs(self, words, named: bool | int) -> bool:
        """Whether a sentence can give a relation or an event that needs its dependency
        parse: two names (a pair the relation scorer reads through the parse, whatever the
        wording), a word for the dead, or someone named (a name, a demonym, or "i due",
        "entrambi" for the two people named before) with a word the relation lexicons know
        (a trigger, a troops or arms noun), or a demonym beside a named place ("la regione
        russa di Kursk"). ``named`` is how many names NER found (True counts one).
        The parser is half of Stanza's time; sentences naming one entity or none need it
        only for those words."""
        if int(named) >= 2:
            return True
        forms = {(w.lemma or "").lower() for w in words} | {(w.text or "").lower() for w in words}
        if forms & self.casualty_words:
            return True  # "600 soldati sono morti": an event with no named participant
        demonym = any((w.text or "").islower() and self.demonym(w.text) is not None for w in words)
        if not (named or demonym or forms & self.pair_words):
            return False  # a relation needs someone named: a name, a demonym, or "i due" named before
        return bool(forms & self.parse_words) or (bool(named) and demonym)

    def digest(self) -> str:
        """What :meth:`needs` reads, hashed: a new trigger or demonym changes which sentences
        get parsed, so cached annotations go stale (part of the cache key)."""
        words = sorted(self.parse_words | self.casualty_words | self.pair_words)
        return hashlib.sha256("\n".join(words + ["--"] + sorted(self.demonyms) + ["--", "two names"])
                              .encode("utf-8")).hexdigest()[:16]


#: The cache key's part for an annotator handed no selection: every sentence is parsed.
PARSE_ALL = "parse-all"


def needs_parse(words, named: bool | int, selection: ParseSelection) -> bool:
    """:meth:`ParseSelection.needs` (kept as a function for callers of the old name)."""
    return selection.needs(words, named)


def parse_where_needed(pipeline, docs, selection: Optional[ParseSelection] = None) -> None:
    """Run the parser on the sentences of ``docs`` that need it (``selection``; every
    sentence when None), all in one batch, and copy heads and relations back; the other
    sentences stay unparsed. A chosen sentence's demonyms are first tagged adjectives."""
    import stanza

    chosen = [sent for doc in docs for sent in doc.sentences
              if selection is None or selection.needs(sent.words, len(getattr(sent, "ents", None) or ()))]
    if not chosen:
        return
    if selection is not None:
        for sent in chosen:
            repair_demonym_tags(sent.words, selection)
    fields = ("id", "text", "lemma", "upos", "xpos", "feats")
    sub = stanza.Document([[{k: getattr(w, k) for k in fields if getattr(w, k) is not None} for w in sent.words]
                           for sent in chosen])
    sub = pipeline.process(sub, processors="depparse")
    for sent, parsed in zip(chosen, sub.sentences):
        for word, tagged in zip(sent.words, parsed.words):
            word.head, word.deprel = tagged.head, tagged.deprel


#: Tags a demonym can rightly have; the tagger also made them verbs ("iraniano" from
#: "iranare"), proper nouns or adverbs, and the parser then built the sentence around a verb
DEMONYM_TAGS = {"ADJ", "NOUN"}


def repair_demonym_tags(words, gazetteer) -> None:  # gazetteer: anything with .demonym(text)
    """Tag as adjectives, before parsing, the lower-case words the gazetteer knows as demonyms
    ("il ministro degli Esteri iraniano Abbas Araghchi") that the tagger made anything but an
    adjective or a noun; the lemma is the demonym's first (masculine singular) form."""
    for w in words:
        text = w.text or ""
        if w.upos in DEMONYM_TAGS or not text.islower():
            continue
        state = gazetteer.demonym(text)
        if state is None:
            continue
        forms = dict(state.extra).get("demonyms", "").split("|")
        w.upos, w.xpos, w.feats = "ADJ", "A", None
        w.lemma = forms[0] if forms and forms[0] else text


#: Pipelines loaded in this process by StanzaTagger, one per (models, device): a worker
#: process (or a Dask worker) loads the models once and keeps them for every later task.
_PIPELINES: dict[tuple, object] = {}
_PIPELINES_LOCK = threading.Lock()


@dataclass(frozen=True)
class StanzaTagger:
    """A picklable tagging function: the recipe for a pipeline, loaded on first use in
    whichever process calls it and kept there (a worker-local cache)."""

    models_dir: str
    source: str = "shipped"
    device: str = "cpu"
    #: a module-level function (picklable by name) giving the ParseSelection; None: parse all
    selection: Optional[Callable[[], ParseSelection]] = None

    def pipeline(self):
        key = (self.models_dir, self.source, self.device)
        with _PIPELINES_LOCK:
            if key not in _PIPELINES:
                from kg.ner.loader import load_pipeline, resolve_models

                models = resolve_models(Path(self.models_dir), self.source)
                _PIPELINES[key] = (load_pipeline(models=models, device=self.device, **PIPELINE_SETTINGS),
                                   threading.Lock())
            return _PIPELINES[key]

    def __call__(self, texts: list[str]) -> list[list[Sentence]]:
        from kg.ner.loader import load_org_names

        pipeline, lock = self.pipeline()
        org_names = load_org_names(Path(self.models_dir))
        with lock:  # one Stanza pipeline is not meant for concurrent calls
            return tag_texts(pipeline, texts, org_names, self.selection() if self.selection else None)


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
