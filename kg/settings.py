"""The tuning numbers of kg in one table: each with its value, its unit and why it is what
it is. The modules that use one read it from here (under their old public names), and
docs/settings.md lists them all (tests/test_settings.py checks both).

The relation rules' confidence constants are here too (relations.*), read by
kg/relations/confidence.py.

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
            "Below this, one Italian function word is enough to call a text Italian, and a text with no "
            "other language's marker is taken as Italian.", "kg.ingest.SHORT_TEXT_WORDS"),
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
    # The hand rules' confidences (kg/relations/confidence.py): fixed numbers that rank the rules,
    # not probabilities; the learned scorer's calibrated confidence replaces them where it runs.
    Setting("relations.default_confidence", 0.8, "confidence",
            "A fact a trigger's own arguments give: the verb's or noun's subject, object and phrases.",
            "kg.relations.confidence.DEFAULT"),
    Setting("relations.reported_factor", 0.9, "factor",
            "Multiplies a rule's confidence when the fact is reported (\"secondo X\", a journalistic conditional).",
            "kg.relations.confidence.REPORTED_FACTOR"),
    Setting("relations.together_confidence", 0.6, "confidence",
            "People who did something \"insieme a\" each other met: a weak sign of a meeting.",
            "kg.relations.confidence.TOGETHER"),
    Setting("relations.evaluation_confidence", 0.7, "confidence",
            "Criticism or praise read from an evaluative word said of someone, or from a harsh reaction.",
            "kg.relations.confidence.EVALUATION"),
    Setting("relations.treaty_alliance_confidence", 0.7, "confidence",
            "States that signed a mutual-defence treaty together are allied.",
            "kg.relations.confidence.TREATY_ALLIANCE"),
    Setting("relations.cosigner_meeting_confidence", 0.7, "confidence",
            "Two people who signed together met.", "kg.relations.confidence.COSIGNER_MEETING"),
    Setting("relations.visit_by_place_confidence", 0.7, "confidence",
            "An official of one state met or signed in another state's place, so visited it.",
            "kg.relations.confidence.VISIT_BY_PLACE"),
    Setting("relations.flow_noun_confidence", 0.7, "confidence",
            "Troops or arms named with their origin and place (\"soldati nordcoreani in Russia\"), no verb.",
            "kg.relations.confidence.FLOW_NOUN"),
    Setting("relations.demonym_location_confidence", 0.75, "confidence",
            "A demonym inside a place's name locates it (\"la regione russa di Kursk\").",
            "kg.relations.confidence.DEMONYM_LOCATION"),
    Setting("relations.place_in_state_confidence", 0.8, "confidence",
            "A place joined by the parse to the state the gazetteer puts it in (\"Asunción, capitale del Paraguay\").",
            "kg.relations.confidence.PLACE_IN_STATE"),
    Setting("relations.membership_confidence", 0.8, "confidence",
            "A person named with an organisation in brackets or after \"di\" (\"Marco Bianchi (Italia, Squadra Rossa)\", \"Luisa Verdi del Partito agrario\").",
            "kg.relations.confidence.MEMBERSHIP"),
    Setting("relations.named_role_confidence", 0.9, "confidence",
            "An office held by a person named with the role (\"il presidente russo Putin\").",
            "kg.relations.confidence.NAMED_ROLE"),
    Setting("relations.described_role_confidence", 0.75, "confidence",
            "An office held by a person a role description stands for (\"il leader nordcoreano\").",
            "kg.relations.confidence.DESCRIBED_ROLE"),
    Setting("relations.place_state_factor", 0.9, "factor",
            "Multiplies the confidence of troops sent to a place for the same troops sent to its state.",
            "kg.relations.confidence.PLACE_STATE_FACTOR"),
)

_BY_NAME = {s.name: s for s in SETTINGS}


def value(name: str) -> Number:
    """The value of the setting called ``name``."""
    return _BY_NAME[name].value
