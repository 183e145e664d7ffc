"""`kg build` as a library call: inputs in, graph files out, with a report.

ingest → nlp (Stanza, cached) → mentions → linking → relations → graph → exporters.
One broken article is reported and skipped. The output folder is checked and locked before
anything else; the outputs are written into a fresh folder that replaces the previous set
in one rename (kg.outputs), so a failed or killed build leaves the previous output whole.
"""
from __future__ import annotations

import json
import sys
import time
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable, Optional, Sequence

from rdflib import Dataset, Graph
from rdflib.namespace import RDF

from kg.export.html import write_html
from kg.export import EXPORTERS
from kg.export.rdf import write_ontology
from kg.gazetteer import load_gazetteer
from kg.graph import ArticleGraphInput, build_dataset, facts_graph
from kg.ingest import MAX_ARTICLE_BYTES, read_inputs
from kg.iris import DEFAULT_BASE, IriMinter
from kg.lexicon import load_lexicon
from kg.linking import merge_entities, resolve, treaties_by_signing
from kg.mentions import find_mentions
from kg.executors import ExecutorError, make_executor
from kg.manifest import Manifest, ManifestError, merge, read_manifest
from kg.outputs import OutputError, OutputLock, check_output, check_space, replaced_whole
from kg.nlp import PIPELINE_SETTINGS, Annotator, StanzaTagger, TaggingError
from kg.records import ENTITY_TYPES, PREDICATES, AnnotatedArticle, Skipped
from kg.relations import remap_facts
from kg.relations.extract import RelationOptions, extract_facts
from kg.vocab import KG

OUTPUT_FILES = ("graph.ttl", "graph.trig", "graph.jsonld", "graph.html", "report.md", "report.json")


@dataclass
class BuildResult:
    output: Path
    articles: int
    skipped: list[Skipped]
    counts: dict[str, dict[str, int]]
    timings: dict[str, float]
    graph: Graph = field(repr=False)
    dataset: Dataset = field(repr=False)
    export_timings: dict[str, float] = field(default_factory=dict)   # seconds per output file

    @property
    def ok(self) -> bool:
        return not self.skipped


class BuildError(RuntimeError):
    """The build could not produce a graph (no usable input, or --strict and a skip)."""


def default_annotator(device: str = "cpu", cache_dir: Optional[Path] = None,
                      threads: Optional[int] = None) -> Annotator:
    from kg.models.loader import load_org_names, load_pipeline, resolve_models

    models = resolve_models()

    def load():
        pin_threads(threads)
        load_org_names(models.directory)  # read once here, so that it counts as model load
        return load_pipeline(models=models, device=device, **PIPELINE_SETTINGS)

    return Annotator(load, models.version, cache_dir,
                     remote=StanzaTagger(str(models.directory), models.source, device),
                     org_names=lambda: load_org_names(models.directory))


def pin_threads(threads: Optional[int]) -> None:
    if threads:
        import torch

        torch.set_num_threads(threads)


def check_device(device: str) -> None:
    """Fail early, and clearly, when ``device`` names a GPU this machine cannot use."""
    if device == "cpu":
        return
    if not device.startswith("cuda"):
        raise BuildError(f"--device {device!r}: expected cpu, cuda or cuda:N")
    import torch

    if not torch.cuda.is_available():
        raise BuildError(f"--device {device}: CUDA is not available here (PyTorch {torch.__version__}, "
                         f"built for CUDA {torch.version.cuda or 'none'}); use --device cpu, or install a "
                         "CUDA build of PyTorch on a machine with an NVIDIA GPU")


def build(inputs: Sequence[str | Path], output: str | Path = "output", base_iri: Optional[str] = None,
          strict: bool = False, annotator: Optional[Annotator] = None, progress: bool = False,
          cache: bool = True, log: Callable[[str], None] = lambda m: print(m, file=sys.stderr),
          threads: Optional[int] = None, update: bool = False, workers: int = 1, executor: str = "local",
          scheduler=None, device: str = "cpu", max_article_bytes: int = MAX_ARTICLE_BYTES,
          relations: Optional[RelationOptions] = None) -> BuildResult:
    """Build the graph of ``inputs`` into ``output``.

    ``update=True`` adds ``inputs`` to the articles ``output`` was last built from (its
    manifest) instead of replacing them; old articles are read from the NLP cache, never
    tagged again. ``workers`` > 1 tags in that many local processes; ``executor="dask"``
    tags on the Dask cluster at ``scheduler``. Neither changes a byte of the output.
    An article larger than ``max_article_bytes`` is skipped, named in the report.
    """
    out_dir = Path(output)
    check_device(device)
    if update and not cache:
        raise BuildError("--update reads the old articles' annotations from the NLP cache; drop --no-cache")
    try:
        check_output(out_dir)
        lock = OutputLock(out_dir).__enter__()
    except OutputError as err:
        raise BuildError(str(err)) from None
    try:
        return _build(inputs, out_dir, base_iri, strict, annotator, progress, cache, log, threads, update,
                      workers, executor, scheduler, device, max_article_bytes, relations or RelationOptions())
    finally:
        lock.__exit__(None, None, None)


def _build(inputs, out_dir: Path, base_iri, strict, annotator, progress, cache, log, threads, update, workers,
           executor, scheduler, device, max_article_bytes, relations: RelationOptions) -> BuildResult:
    timings: dict[str, float] = {}
    t0 = time.perf_counter()
    previous = None
    if update:
        try:
            previous = read_manifest(out_dir)
        except ManifestError as err:
            raise BuildError(str(err)) from err
        base_iri = base_iri or previous.base_iri
    base_iri = base_iri or DEFAULT_BASE
    minter = IriMinter(base_iri)
    ingested = read_inputs(inputs, max_article_bytes=max_article_bytes)
    skipped = list(ingested.skipped)
    for s in skipped:
        log(f"skipped {s.source}: {s.reason}")
    for note in ingested.notes:
        log(note)
    if strict and skipped:
        raise BuildError(f"--strict: {len(skipped)} input(s) skipped, first: {skipped[0].source}: {skipped[0].reason}")
    articles = ingested.articles
    if previous is not None:
        merged = merge(previous.articles, articles)
        log(f"update: {len(previous.articles)} article(s) in {out_dir}, {len(merged.added)} added, "
            f"{len(merged.changed)} changed, {len(merged.unchanged)} already there")
        articles = merged.articles
    if not articles:
        raise BuildError("no usable article in the inputs" + (f" ({len(skipped)} skipped)" if skipped else ""))
    try:  # before any model loads: the outputs take about 40 times the text
        check_space(out_dir, 40 * sum(len(a.text.encode("utf-8")) for a in articles))
    except OutputError as err:
        raise BuildError(str(err)) from None
    timings["ingest"] = time.perf_counter() - t0

    if threads and "torch" in sys.modules:
        # PyTorch's default (one thread per core) slows to a crawl when other work shares the
        # cores; a user on a busy machine pins it. Not imported yet: the pipeline's loader pins
        # it, so a build that reads everything from the cache never pays for importing torch.
        pin_threads(threads)
    try:
        runner = make_executor(executor, workers, scheduler, threads)
    except ExecutorError as err:
        raise BuildError(str(err)) from err
    annotator = annotator or default_annotator(device=device, threads=threads,
                                               cache_dir=(out_dir / ".cache" / "nlp") if cache else None)
    t = time.perf_counter()
    annotated: list[AnnotatedArticle] = []
    try:
        if hasattr(annotator, "annotate_all"):
            results = annotator.annotate_all(articles, runner)
        else:  # a minimal annotator (tests, plugins): annotate() only, in process
            results = (_annotate_safely(annotator, a) for a in articles)
        if progress:
            from tqdm import tqdm
            results = tqdm(results, total=len(articles), desc="stanza", unit="article", file=sys.stderr)
        for article, result in zip(articles, results):
            if isinstance(result, Exception):  # one broken article never costs the others
                reason = f"NLP failed: {result}"
                log(f"skipped {article.source}: {reason}")
                skipped.append(Skipped(article.source, reason))
                if strict:
                    raise BuildError(f"--strict: {article.source}: {reason}") from result
                continue
            annotated.append(result)
    finally:
        runner.close()
    timings["model_load"] = annotator.load_seconds
    timings["stanza"] = time.perf_counter() - t - annotator.load_seconds

    t = time.perf_counter()
    gazetteer, lexicon = load_gazetteer(), load_lexicon()
    mentions = [find_mentions(a, gazetteer, lexicon) for a in annotated]
    timings["mentions"] = time.perf_counter() - t
    t = time.perf_counter()
    resolution = resolve(mentions, gazetteer, lexicon)
    timings["linking"] = time.perf_counter() - t
    t = time.perf_counter()
    graph_inputs = []
    extracted = extract_facts(mentions, resolution, lexicon, relations.mode, scorer_path=relations.model,
                              min_confidence=relations.min_confidence)
    remap = treaties_by_signing([f for x in extracted for f in x.facts], resolution,
                                [e for x in extracted for e in x.events])
    merge_entities(resolution, remap)
    for am, facts in zip(mentions, extracted):
        facts = remap_facts(facts, remap)
        facts.facts = [f for f in facts.facts if f.subject in resolution.entities and f.object in resolution.entities]
        cited = {f.evidence.sentence for f in facts.facts} | {e.evidence.sentence for e in facts.events}
        sentences = {s.index: (s.start_char, s.end_char, s.text) for s in am.annotated.sentences if s.index in cited}
        events = [e for e in facts.events]
        for e in events:
            e.participants = {r: [k for k in ks if k in resolution.entities] for r, ks in e.participants.items()}
            if e.place and e.place not in resolution.entities:
                e.place = None
        graph_inputs.append(ArticleGraphInput(am.annotated.article, facts.facts, events, sentences))
    timings["relations"] = time.perf_counter() - t
    t = time.perf_counter()
    dataset = build_dataset(graph_inputs, resolution.entities, minter, annotator.model_version)
    graph = facts_graph(dataset)
    timings["graph"] = time.perf_counter() - t

    t = time.perf_counter()
    counts = count_graph(graph)
    export_timings: dict[str, float] = {}
    try:
        _export(out_dir, graph, dataset, annotated, skipped, ingested.notes, counts, annotator, base_iri, timings,
                export_timings, t, t0)
    except OSError as err:
        raise BuildError(f"{out_dir}: cannot write the outputs ({err.strerror or err}); the previous ones are "
                         "left as they were") from err
    return BuildResult(out_dir, len(annotated), skipped, counts, timings, graph, dataset, export_timings)


def _export(out_dir, graph, dataset, annotated, skipped, notes, counts, annotator, base_iri, timings,
            export_timings, t, t0) -> None:
    with replaced_whole(out_dir) as staging:
        sources = {"graph": graph, "dataset": dataset}
        writers = [(name, lambda path, w=write, x=sources[source]: w(x, path))
                   for name, (write, source) in EXPORTERS.items()]
        writers += [("graph.html", lambda path: write_html(graph, path, title=f"kg: {len(annotated)} articles")),
                    ("ontology.ttl", write_ontology)]
        for name, write in writers:
            started = time.perf_counter()
            write(staging / name)
            export_timings[name] = time.perf_counter() - started
        timings["export"] = time.perf_counter() - t
        timings["total"] = time.perf_counter() - t0
        Manifest([a.article for a in annotated], base_iri).write(staging)
        report = {"articles": len(annotated), "skipped": [s.to_dict() for s in skipped], "notes": list(notes),
                  "counts": counts, "models": annotator.model_version,
                  "nlp_cache": {"hits": annotator.cache_hits, "misses": annotator.cache_misses}}
        (staging / "report.json").write_text(json.dumps(report, indent=1, ensure_ascii=False, sort_keys=True) + "\n",
                                             encoding="utf-8")
        (staging / "report.md").write_text(format_report(report, timings), encoding="utf-8")


def _annotate_safely(annotator, article):
    try:
        return annotator.annotate(article)
    except Exception as err:  # noqa: BLE001 - reported per article
        return TaggingError(f"{type(err).__name__}: {err}")


def count_graph(graph: Graph) -> dict[str, dict[str, int]]:
    classes = Counter()
    for _, o in graph.subject_objects(RDF.type):
        if str(o).startswith(str(KG)):
            classes[str(o)[len(str(KG)):]] += 1
    predicates = {p: len(list(graph.subject_objects(KG[p]))) for p in PREDICATES}
    return {"classes": dict(sorted(classes.items())), "predicates": predicates,
            "entities": {t: classes.get(t, 0) for t in ENTITY_TYPES}, "triples": {"total": len(graph)}}


def format_report(report: dict, timings: dict[str, float]) -> str:
    lines = ["# kg build report", "", f"Articles built: {report['articles']}  ",
             f"Models: {report['models']}  ", f"Triples: {report['counts']['triples']['total']}", "",
             "## Classes", "", "| class | count |", "|---|---|"]
    lines += [f"| {k} | {v} |" for k, v in report["counts"]["classes"].items()]
    lines += ["", "## Predicates", "", "| predicate | facts |", "|---|---|"]
    lines += [f"| {k} | {v} |" for k, v in report["counts"]["predicates"].items()]
    lines += ["", "## Skipped inputs", ""]
    lines += [f"- `{s['source']}`: {s['reason']}" for s in report["skipped"]] or ["None."]
    if report.get("notes"):
        lines += ["", "## Notes", ""] + [f"- {note}" for note in report["notes"]]
    lines += ["", "## Time (seconds)", "", "| stage | seconds |", "|---|---|"]
    lines += [f"| {k} | {v:.2f} |" for k, v in timings.items()]
    return "\n".join(lines) + "\n"
