"""The tuning numbers of kg in one table: each with its value, its unit and why it is what
it is. The modules that use one read it from here (under their old public names), and
docs/settings.md lists them all (tests/test_settings.py checks both).

The relation extractor's confidence constants stay in kg/relations/ for now (that package
is being reshaped by the relation work); they join this table when it settles.

>>> value("nlp.batch_chars")
20000
"""
from __future__ import annotations

from dataclasses import dataclass
from typing import Union

__all__ = ["Setting", "SETTINGS", "value"]

Number = Union[int, float]


@dataclass(frozen=True)
class Setting:
    name: str          # "<area>.<what>"
    value: Number
    unit: str
    doc: str           # what it bounds, and why this value
    used_by: str       # the module constant that reads it


SETTINGS: tuple[Setting, ...] = (
    Setting("ingest.max_title_chars", 200, "characters",
            "A first line longer than this is body text, not the article's title.", "kg.ingest.MAX_TITLE_CHARS"),
    Setting("ingest.max_article_bytes", 1 << 20, "bytes",
            "Larger articles are skipped by name (kg build --max-article-bytes).", "kg.ingest.MAX_ARTICLE_BYTES"),
    Setting("ingest.min_italian_share", 0.20, "share of words",
            "Italian function words an Italian text has at least; news prose runs at 35-50 %.",
            "kg.ingest.MIN_ITALIAN_SHARE"),
    Setting("ingest.min_italian_ratio", 3.0, "ratio",
            "Italian markers must outnumber any other language's this much.", "kg.ingest.MIN_ITALIAN_RATIO"),
    Setting("ingest.short_text_words", 8, "words",
            "Below this, one Italian function word is enough to call a text Italian.", "kg.ingest.SHORT_TEXT_WORDS"),
    Setting("outputs.min_free", 20 << 20, "bytes",
            "Free space any build needs beyond its estimate of the outputs.", "kg.outputs.MIN_FREE"),
    Setting("outputs.size_factor", 40, "times the text",
            "The outputs take about this many times the articles' text; checked before any model loads.",
            "kg.stages.OUTPUT_SIZE_FACTOR"),
    Setting("nlp.batch_chars", 20_000, "characters",
            "About how many characters of consecutive articles go to Stanza in one call: halves the per-call "
            "overhead and changes no annotation.", "kg.nlp.BATCH_CHARS"),
    Setting("nlp.depparse_batch_size", 300, "words",
            "The parser's batch: it pads to the longest sentence and scores every pair of words, so ~300 words "
            "beat Stanza's 5,000 (same parses, less time; a worker's peak 640 MB instead of 800-1,200 MB).",
            "kg.nlp.PIPELINE_SETTINGS"),
    Setting("names.vote_window", 20, "sentences",
            "Sentences either side of a mention whose mentions vote on its type (chosen on KIND's dev set).",
            "kg.ner.name_consistency.WINDOW"),
    Setting("names.min_votes", 2, "mentions",
            "Tagged mentions of a name that make an untagged occurrence of it a mention too.",
            "kg.ner.name_consistency.MIN_VOTES"),
    Setting("query.max_chars", 100_000, "characters", "Longest SPARQL text kg query and kg serve accept.",
            "kg.query.MAX_QUERY_CHARS"),
    Setting("query.max_depth", 128, "brackets",
            "Deepest bracket nesting accepted; real queries stay under 20, oxigraph's parser overflows near 5,000.",
            "kg.query.MAX_DEPTH"),
    Setting("sandbox.worker_stack", 256 << 20, "bytes",
            "The query job thread's stack: deep (checked) queries parse without overflow.",
            "kg.sandbox.WORKER_STACK"),
    Setting("serve.max_body", 1 << 20, "bytes", "A larger request body is refused (413).", "kg.serve.MAX_BODY"),
    Setting("serve.max_headers", 64 << 10, "bytes", "Largest request headers the endpoint reads.",
            "kg.serve.MAX_HEADERS"),
    Setting("push.snippet", 300, "characters", "Characters of an endpoint's error body shown to the user.",
            "kg.push.SNIPPET"),
    Setting("validate.examples", 5, "problems", "Examples kg validate prints per kind of problem.",
            "kg.validate.EXAMPLES"),
)

_BY_NAME = {s.name: s for s in SETTINGS}


def value(name: str) -> Number:
    """The value of the setting called ``name``."""
    return _BY_NAME[name].value
