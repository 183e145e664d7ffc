"""The build's stage functions, as kg.pipeline.STAGES registers them: each takes the build's
state (a dict) and returns what it provides. kg.build sets up the state (inputs, settings,
the annotator and executor factories, the output folder) and runs them.
"""
from __future__ import annotations

import functools
import sys
import time
from dataclasses import dataclass
from typing import Optional

from kg.nlp import ParseSelection
from kg.pipeline import BuildError
from kg.settings import value as setting

#: the outputs take about this many times the articles' text (kg.settings)
OUTPUT_SIZE_FACTOR = setting("outputs.size_factor")

__all__ = ["BuildSettings", "parse_selection", "ingest", "nlp", "mentions", "linking", "relations", "consolidation", "graph", "export"]


@dataclass(frozen=True)
class BuildSettings:
    """The options of one build that its stages read."""

    base_iri: Optional[str]
    strict: bool
    progress: bool
    update: bool
    max_article_bytes: int


def ingest(state) -> dict:
    """Read the inputs (and, with --update, the articles the output was built from); check
    the output folder has room for them."""
    from kg.ingest import read_inputs
    from kg.iris import DEFAULT_BASE, IriMinter
    from kg.manifest import ManifestError, merge, read_manifest
    from kg.outputs import OutputError, check_space

    settings: BuildSettings = state["settings"]
    log, out_dir, base_iri = state["log"], state["out_dir"], settings.base_iri
    previous = None
    if settings.update:
        try:
            previous = read_manifest(out_dir)
        except ManifestError as err:
            raise BuildError(str(err)) from err
        base_iri = base_iri or previous.base_iri
    ingested = read_inputs(state["inputs"], max_article_bytes=settings.max_article_bytes)
    skipped = list(ingested.skipped)
    for s in skipped:
        log(f"skipped {s.source}: {s.reason}")
    for note in ingested.notes:
        log(note)
    if settings.strict and skipped:
        raise BuildError(f"--strict: {len(skipped)} input(s) skipped, first: {skipped[0].source}: {skipped[0].reason}")
    articles, notes = ingested.articles, list(ingested.notes)
    if previous is not None:
        merged = merge(previous.articles, articles)
        for note in merged.notes:
            log(note)
        notes += merged.notes
        log(f"update: {len(previous.articles)} article(s) in {out_dir}, {len(merged.added)} added, "
            f"{len(merged.changed)} changed, {len(merged.unchanged)} already there"
            + (f", {len(merged.merged)} merged into an article with the same text" if merged.merged else ""))
        articles = merged.articles
    if not articles:
        raise BuildError("no usable article in the inputs" + (f" ({len(skipped)} skipped)" if skipped else ""))
    try:  # before any model loads: the outputs take about 40 times the text
        check_space(out_dir, OUTPUT_SIZE_FACTOR * sum(len(a.text.encode("utf-8")) for a in articles))
    except OutputError as err:
        raise BuildError(str(err)) from None
    base_iri = base_iri or DEFAULT_BASE
    return {"articles": articles, "skipped": skipped, "notes": notes, "base_iri": base_iri,
            "minter": IriMinter(base_iri)}


@functools.lru_cache(maxsize=1)
def parse_selection() -> ParseSelection:
    """What the NLP stage is handed to choose the sentences it parses (kg.nlp.ParseSelection):
    the words the relation lexicons and rules act on, and the gazetteer's demonyms. A
    module-level function, so that the picklable tagger (kg.nlp.StanzaTagger) carries it to
    worker processes by name and each builds it once."""
    from kg.gazetteer import load_gazetteer
    from kg.lexicon import load_lexicon
    from kg.relations import PAIR_WORDS

    lexicon, gazetteer = load_lexicon(), load_gazetteer()
    demonyms = tuple(sorted(d for e in gazetteer.entries() if e.type == "State"
                            for d in e.get_extra("demonyms").split("|") if d))
    return ParseSelection(frozenset(lexicon.parse_words), frozenset(lexicon.casualty_words), frozenset(PAIR_WORDS),
                          gazetteer.demonym, demonyms)


def nlp(state) -> dict:
    """Tag every article (Stanza, or the NLP cache); an article the tagger fails on is
    skipped and reported. Times the model load and the tagging apart."""
    from kg.nlp import TaggingError
    from kg.records import Skipped

    settings: BuildSettings = state["settings"]
    articles, skipped, log, timings = state["articles"], state["skipped"], state["log"], state["timings"]
    runner = state["make_runner"]()
    annotator = state["make_annotator"]()
    t = time.perf_counter()
    annotated = []
    try:
        if hasattr(annotator, "annotate_all"):
            results = annotator.annotate_all(articles, runner)
        else:  # a minimal annotator (tests, plugins): annotate() only, in process
            results = (_annotate_safely(annotator, a, TaggingError) for a in articles)
        if settings.progress:
            from tqdm import tqdm
            results = tqdm(results, total=len(articles), desc="stanza", unit="article", file=sys.stderr)
        for article, result in zip(articles, results):
            if isinstance(result, Exception):  # one broken article never costs the others
                reason = f"NLP failed: {result}"
                log(f"skipped {article.source}: {reason}")
                skipped.append(Skipped(article.source, reason))
                if settings.strict:
                    raise BuildError(f"--strict: {article.source}: {reason}") from result
                continue
            annotated.append(result)
    finally:
        runner.close()
    timings["model_load"] = annotator.load_seconds
    timings["stanza"] = time.perf_counter() - t - annotator.load_seconds
    return {"annotated": annotated, "annotator": annotator}


def _annotate_safely(annotator, article, error_type):
    try:
        return annotator.annotate(article)
    except Exception as err:  # noqa: BLE001 - reported per article
        return error_type(f"{type(err).__name__}: {err}")


def mentions(state) -> dict:
    from kg.mentions import find_mentions
    from kg.mentions.demonym_reading import load_demonym_reading

    gazetteer, lexicon = state["gazetteer"](), state["lexicon"]()
    options = state.get("relation_options")
    reading = load_demonym_reading(options.demonym_model if options else None) \
        if options is None or options.use_demonym_model else None
    decide = (lambda s, m: reading.stands_for_state(s, m, lexicon)) if reading is not None else None
    return {"mentions": [find_mentions(a, gazetteer, lexicon, decide) for a in state["annotated"]]}


def linking(state) -> dict:
    from kg.linking import resolve

    return {"resolution": resolve(state["mentions"], state["gazetteer"](), state["lexicon"]())}


def relations(state) -> dict:
    from kg.relations.extract import extract_facts

    options = state["relation_options"]
    return {"extracted": extract_facts(state["mentions"], state["resolution"], state["lexicon"](), options.mode,
                                       scorer_path=options.model, min_confidence=options.min_confidence,
                                       rule_precision_path=options.rule_precision,
                                       country_visits=options.country_visits)}


def consolidation(state) -> dict:
    from kg.consolidation import consolidate

    from kg.entity_filter import load_entity_filter

    options = state.get("relation_options")
    flt = load_entity_filter(options.entity_filter) if options is None or options.use_entity_filter else None
    return {"graph_inputs": consolidate(state["mentions"], state["extracted"], state["resolution"], flt)}


def graph(state) -> dict:
    from kg.graph import build_dataset, facts_graph, sentence_comentions

    dataset = build_dataset(state["graph_inputs"], state["resolution"].entities, state["minter"],
                            state["annotator"].model_version)
    # entities named in the same sentence: the explorer's co-mention layer, not in the graph
    return {"dataset": dataset, "graph": facts_graph(dataset),
            "comentions": sentence_comentions(state["mentions"], state["resolution"])}


def export(state) -> dict:
    """Every output file, written into a staging folder that replaces the previous outputs
    whole (kg.outputs); times each file, then the whole build, before the report is written."""
    from kg.export.report import count_graph, write_outputs

    t = time.perf_counter()
    counts = count_graph(state["graph"])
    try:
        write_outputs(state, counts, t)
    except OSError as err:
        raise BuildError(f"{state['out_dir']}: cannot write the outputs ({err.strerror or err}); the previous ones "
                         "are left as they were") from err
    return {"counts": counts}
