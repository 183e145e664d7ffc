"""The first stage: input files and folders -> :class:`Article` records.

Reads .txt and .md files, folders of them, and .jsonl files (one article per line). Every
input that cannot be used becomes a :class:`Skipped` record with a reason, so one bad file
or line never costs the rest of a build. Header lines (title, byline, date) are read into
the Article's metadata and cut from the text that NLP analyses.
"""
from __future__ import annotations

import functools
import hashlib
import json
import os
import re
from dataclasses import dataclass, field, replace
from datetime import date
from pathlib import Path
from typing import Optional, Sequence

from kg.files import (JSONL_SUFFIX, TEXT_SUFFIXES, decode, display, escape, file_problem, join_source,
                      read_bytes, read_text, root_source, walk)
from kg.iris import slug
from kg.records import Article, Skipped
from kg.italian import DATE, DATE_FORMS, DATELINE, MONTHS, WEEKDAY_PATTERN
from kg.lexicon import LEXICON_DIR, read_lines, read_tsv  # the one loader of the word lists
from kg.settings import value as setting
from kg.text import fold

MAX_TITLE_CHARS = setting("ingest.max_title_chars")
MAX_ARTICLE_BYTES = setting("ingest.max_article_bytes")   # the numbers: kg.settings
MIN_ITALIAN_SHARE = setting("ingest.min_italian_share")
MIN_ITALIAN_RATIO = setting("ingest.min_italian_ratio")
SHORT_TEXT_WORDS = setting("ingest.short_text_words")


@dataclass
class IngestResult:
    """What :func:`read_inputs` read: usable articles, and the inputs it had to skip."""

    articles: list[Article] = field(default_factory=list)
    skipped: list[Skipped] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)      # merged duplicates, dates left out


# --- language check -------------------------------------------------------------------

@functools.cache
def italian_stopwords() -> frozenset[str]:
    """Italian function words from the data file ('#' lines are comments)."""
    return frozenset(read_lines(LEXICON_DIR / "italian_stopwords.txt"))


@functools.cache
def other_markers() -> dict[str, frozenset[str]]:
    """Marker words of the languages most often mistaken for Italian, minus Italian ones."""
    italian = italian_stopwords()
    markers: dict[str, set[str]] = {}
    for lang, word in read_tsv(LEXICON_DIR / "other_stopwords.tsv", 2):
        if word.strip() not in italian:
            markers.setdefault(lang.strip(), set()).add(word.strip())
    return {lang: frozenset(words) for lang, words in sorted(markers.items())}


_WORD = re.compile(r"[^\W\d_]+")


def language_problem(text: str) -> Optional[str]:
    """None when ``text`` reads as Italian, else the reason it does not. Capitalised words are
    left out: names belong to no language, and a list of names and parties ("Luca Rossi (PD),
    Anna Bianchi (M5S) e Marco Verdi (FdI)") is Italian by its few other words."""
    words = [w.lower() for w in _WORD.findall(text) if not w[:1].isupper()]
    italian = italian_stopwords()
    it_hits = sum(w in italian for w in words)
    if len(words) < SHORT_TEXT_WORDS and it_hits:
        return None
    others = {lang: sum(w in marks for w in words) for lang, marks in other_markers().items()}
    best_lang, best_hits = max(others.items(), key=lambda kv: kv[1], default=("", 0))
    if len(words) < SHORT_TEXT_WORDS and not best_hits:
        return None   # a caption or a list of names: too short to tell, and nothing says it is foreign
    share = it_hits / len(words) if words else 0.0
    if share >= MIN_ITALIAN_SHARE and it_hits >= MIN_ITALIAN_RATIO * best_hits:
        return None
    looks = f"; looks like {best_lang}" if best_hits > it_hits else ""
    return f"not Italian ({share:.0%} Italian function words{looks})"


# --- dates ------------------------------------------------------------------------------

# Full dates and the dated dateline are kg.italian's DATE_FORMS, DATE and DATELINE.
_DATE_LINE = re.compile(
    rf"^(?:(?:pubblicato|aggiornato|data)(?:\s+il)?\s*:?\s*)?(?:(?:{WEEKDAY_PATTERN}),?\s+)?(?P<date>{DATE})"
    rf"(?:\s*(?:,|-|–|alle|ore)?\s*(?:ore\s+)?\d{{1,2}}[:.]\d{{2}})?\.?$", re.I)


def parse_date(text: str) -> Optional[str]:
    """An ISO yyyy-mm-dd for a full date written as ISO, dd/mm/yyyy or with an Italian month."""
    for pattern in DATE_FORMS:
        m = re.fullmatch(pattern, text.strip(), re.I)
        if m:
            g = m.groupdict()
            month = MONTHS[g["mn"].lower()] if g.get("mn") else int(g["m"])
            try:
                return date(int(g["y"]), month, int(g["d"])).isoformat()
            except ValueError:
                return None
    return None


# --- text clean-up and header -----------------------------------------------------------

_MARKDOWN = [
    (re.compile(r"^[ \t]{0,3}#{1,6}[ \t]+(.*?)(?:[ \t]+#+)?[ \t]*$", re.M), r"\1"),           # headings
    (re.compile(r"!\[([^\]\n]*)\]\([^)\n]*\)"), r"\1"),                             # images
    (re.compile(r"\[([^\]\n]+)\]\((?:<[^>\n]*>|[^()\s]+)(?:\s+\"[^\"\n]*\")?\)"), r"\1"),  # links
    (re.compile(r"\*\*(?=\S)([^\n]+?)(?<=\S)\*\*"), r"\1"),                         # **bold**
    (re.compile(r"(?<!\w)__(?=\S)([^\n]+?)(?<=\S)__(?!\w)"), r"\1"),                # __bold__
    (re.compile(r"(?<![\w*])\*(?=[^\s*])([^*\n]+?)(?<=[^\s*])\*(?![\w*])"), r"\1"),  # *it*
    (re.compile(r"(?<![\w_])_(?=[^\s_])([^_\n]+?)(?<=[^\s_])_(?![\w_])"), r"\1"),    # _it_
]


def clean_text(text: str) -> str:
    """Unix line endings, Markdown marks removed, at most one blank line between paragraphs."""
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    for pattern, repl in _MARKDOWN:
        text = pattern.sub(repl, text)
    text = "\n".join(line.rstrip() for line in text.split("\n"))
    return re.sub(r"\n{3,}", "\n\n", text).strip("\n")


_NAME_WORD = re.compile(r"^[^\W\d_]+(?:['’.-][^\W\d_]+)*\.?$")
_PARTICLES = {"di", "de", "da", "del", "della", "van", "von", "der", "la", "le", "dos", "du"}
_BYLINE_PREFIX = re.compile(r"^(?:di|by|a cura di|testo di)\s+", re.I)


def byline_author(line: str) -> Optional[str]:
    """The author's name when ``line`` is a byline: 2-4 capitalised name words."""
    line = _BYLINE_PREFIX.sub("", line.strip())
    words = line.split()
    if not 2 <= len(words) <= 4 or len(line) > 60:
        return None
    capitalised = [w[0].isupper() and any(c.islower() for c in w) and bool(_NAME_WORD.match(w)) for w in words]
    inner_ok = all(cap or (0 < i < len(words) - 1 and w.lower() in _PARTICLES)
                   for i, (w, cap) in enumerate(zip(words, capitalised)))
    return line if capitalised[0] and capitalised[-1] and inner_ok else None


def date_line(line: str) -> Optional[str]:
    """The date when ``line`` is nothing but a date (with an optional weekday, prefix or time)."""
    m = _DATE_LINE.match(line.strip())
    return parse_date(m.group("date")) if m else None


_PARTIAL_DATE = re.compile(r"(?:1[89]|20)\d\d(?:-(?:0[1-9]|1[0-2]))?")


def normalise_date(value: str) -> Optional[str]:
    """A metadata date as ISO yyyy-mm-dd, or as yyyy-mm or yyyy when the source gives no day
    ("2025-01": a month's excerpt); None when it is no date."""
    partial = _PARTIAL_DATE.fullmatch(value.strip())
    return parse_date(value) or date_line(value) or (partial.group(0) if partial else None)


def dateline_date(body: str) -> Optional[str]:
    """The date of a dateline opening the body ("Pechino, 15 agosto 2025 – ...")."""
    m = DATELINE.match(body.lstrip())
    return parse_date(m.group("date")) if m else None


@dataclass(frozen=True)
class Header:
    title: Optional[str]
    author: Optional[str]
    date: Optional[str]
    body: str


def split_header(text: str) -> Header:
    """Title, byline and date read from the top lines; the body is what follows them."""
    lines = text.split("\n")
    filled = [i for i, line in enumerate(lines) if line.strip()]
    if not filled:
        return Header(None, None, None, "")
    title = author = when = None
    pos = 0
    first = lines[filled[0]].strip()

    nxt = lines[filled[0] + 1] if filled[0] + 1 < len(lines) else ""
    follows_header = len(filled) > 1 and (not nxt.strip() or bool(date_line(nxt) or byline_author(nxt))
                                          or fold(nxt) == fold(first))
    byline_first = byline_author(first) and len(filled) > 1 and date_line(lines[filled[1]])
    if (len(first) <= MAX_TITLE_CHARS and not first.endswith(".") and follows_header
            and not date_line(first) and not byline_first):
        title, pos = first, 1
    while pos < len(filled):
        line = lines[filled[pos]].strip()
        if title is not None and fold(line) == fold(title):
            pass
        elif author is None and (name := byline_author(line)):
            author = name
        elif when is None and (found := date_line(line)):
            when = found
        else:
            break
        pos += 1
    if pos >= len(filled):  # nothing left but header: keep it all as the body
        return Header(None, None, None, text.strip("\n"))
    body = "\n".join(lines[filled[pos]:]).strip("\n")
    return Header(title, author, when or dateline_date(body), body)


# --- reading files ----------------------------------------------------------------------

def _text_article(path: Path, source: str, shown: str, max_bytes: Optional[int]) -> Article | Skipped:
    raw = read_text(path, shown, max_bytes)
    if isinstance(raw, Skipped):
        return raw
    header = split_header(clean_text(raw))
    if not header.body.strip():
        return Skipped(shown, "no article text after the header lines")
    problem = language_problem(f"{header.title or ''}\n{header.body}")
    if problem:
        return Skipped(shown, problem)
    return Article(id=slug(path.stem), source=source, text=header.body, title=header.title,
                   date=header.date, author=header.author)


_JSONL_FIELDS = ("title", "date", "url", "source", "author")
#: Characters an IRI may not hold (RFC 3987): percent-encoded in a record's url.
_NOT_IN_IRI = re.compile(r'[\x00-\x20<>"{}|\\^`\x7f]')


def safe_url(url: str) -> str:
    """``url`` with the characters an IRI may not hold percent-encoded, so no url can break
    the graph's serialisation."""
    return _NOT_IN_IRI.sub(lambda m: "".join(f"%{b:02X}" for b in m.group(0).encode("utf-8")), url)


def _jsonl_record(line: str, stem: str, lineno: int, source: str, max_bytes: Optional[int]) -> Article | Skipped:
    try:
        record = json.loads(line)
    except (json.JSONDecodeError, RecursionError) as err:
        return Skipped(source, f"invalid JSON: {getattr(err, 'msg', 'nested too deeply')}"
                               + (f" (column {err.colno})" if hasattr(err, "colno") else ""))
    if not isinstance(record, dict):
        return Skipped(source, f"not a JSON object (got {type(record).__name__})")
    text = record.get("text")
    if text is None:
        return Skipped(source, 'missing "text"')
    if not isinstance(text, str):
        return Skipped(source, f'"text" must be a string, got {type(text).__name__}')
    if not text.strip():
        return Skipped(source, 'empty "text"')
    if max_bytes is not None and len(text.encode("utf-8", "surrogatepass")) > max_bytes:
        return Skipped(source, f"too large: a text of more than --max-article-bytes {max_bytes} bytes")
    for key in _JSONL_FIELDS:
        if record.get(key) is not None and not isinstance(record[key], str):
            return Skipped(source, f'"{key}" must be a string, got {type(record[key]).__name__}')
    rid = record.get("id")
    if rid is not None and (isinstance(rid, bool) or not isinstance(rid, (str, int))):
        return Skipped(source, f'"id" must be a string or an integer, got {type(rid).__name__}')
    body = clean_text(text)
    title = (record.get("title") or "").strip() or None
    problem = language_problem(f"{title or ''}\n{body}")
    if problem:
        return Skipped(source, problem)
    when = normalise_date(record["date"]) if record.get("date") else dateline_date(body)
    url = safe_url((record.get("url") or "").strip()) or None
    return Article(id=slug(str(rid)) if rid not in (None, "") else f"{slug(stem)}-{lineno}",
                   source=source, text=body, title=title, date=when, url=url,
                   author=(record.get("author") or "").strip() or None,
                   publisher=(record.get("source") or "").strip() or None)


def _jsonl_articles(path: Path, source: str, shown: str, max_bytes: Optional[int],
                    notes: list[str]) -> list[Article | Skipped]:
    data = read_bytes(path, shown)
    if isinstance(data, Skipped):
        return [data]
    out: list[Article | Skipped] = []
    offset = 0
    for lineno, raw in enumerate(data.split(b"\n"), 1):
        line = decode(raw, offset)
        offset += len(raw) + 1
        if isinstance(line, Skipped):
            out.append(Skipped(f"{shown}:{lineno}", line.reason))
        elif line.strip():
            item = _jsonl_record(line, path.stem, lineno, f"{source}:{lineno}", max_bytes)
            if isinstance(item, Skipped):
                item = Skipped(f"{shown}:{lineno}", item.reason)
            elif item.date is None and _given_date(line):
                notes.append(f"{shown}:{lineno}: \"date\" {_given_date(line)!r} is not a date; left out")
            out.append(item)
    return out


def _given_date(line: str) -> Optional[str]:
    value = json.loads(line).get("date")
    return escape(value) if isinstance(value, str) and value.strip() else None


# --- finding inputs ---------------------------------------------------------------------

def _read_file(path: Path, source: str, shown: str, max_bytes: Optional[int],
               notes: list[str]) -> list[Article | Skipped]:
    suffix = path.suffix.lower()
    if suffix == JSONL_SUFFIX:
        return _jsonl_articles(path, source, shown, max_bytes, notes)
    if suffix in TEXT_SUFFIXES:
        return [_text_article(path, source, shown, max_bytes)]
    problem = file_problem(path)
    return [Skipped(shown, problem or f"unsupported file type '{escape(path.suffix) or '(none)'}' "
                                      "(expected .txt, .md, .jsonl or a folder)")]


def read_inputs(inputs: Sequence[str | Path], max_article_bytes: Optional[int] = None) -> IngestResult:
    """Articles from files and folders, in input order (folders sorted by relative path).

    The same file reached twice (e.g. a folder and a file in it) is read once; a text that
    repeats one read before is merged into it (a note says so). Article ids are unique in
    the result: a repeated id gets "-2", "-3", ... in input order.
    """
    result = IngestResult()
    seen_files: set[str] = set()
    for given in inputs:
        path, shown = Path(given), display(given)
        if os.path.isdir(path):
            files, errors = walk(path)
            result.skipped += [Skipped(join_source(shown, rel), reason) for rel, reason in errors]
            targets = [(file, root_source(path, rel), join_source(shown, rel)) for rel, file in files]
        elif os.path.lexists(path):
            targets = [(path, root_source(path, None), shown)]
        else:
            result.skipped.append(Skipped(shown, "no such file or folder"))
            continue
        for file, source, where in targets:
            key = os.path.realpath(file)
            if key in seen_files:
                continue
            seen_files.add(key)
            for item in _read_file(file, source, where, max_article_bytes, result.notes):
                (result.skipped if isinstance(item, Skipped) else result.articles).append(item)
    result.articles = _unique_ids(_merge_duplicates(result.articles, result.notes))
    return result


def _merge_duplicates(articles: list[Article], notes: list[str]) -> list[Article]:
    """The first of the articles with one same text (the later ones would only repeat its evidence)."""
    first: dict[str, Article] = {}
    out = []
    for article in articles:
        key = hashlib.sha256(article.text.encode("utf-8", "surrogatepass")).hexdigest()
        if key in first:
            notes.append(f"{article.source}: same text as {first[key].source}; merged into it")
            continue
        first[key] = article
        out.append(article)
    return out


def _unique_ids(articles: list[Article]) -> list[Article]:
    used: set[str] = set()
    out = []
    for article in articles:
        new_id, n = article.id, 1
        while new_id in used:
            n += 1
            new_id = f"{article.id}-{n}"
        used.add(new_id)
        out.append(article if new_id == article.id else replace(article, id=new_id))
    return out
