"""`kg build` as a library call: inputs in, graph files out, with a report.

ingest → nlp (Stanza, cached) → mentions → linking → relations → consolidation → graph →
export: the stages kg.pipeline declares (what each requires and provides) and kg.stages
runs; this module only orchestrates (inputs, settings, NLP cache, executor, output folder,
lock, timings). One broken article is reported and skipped. The output folder is checked and locked before
anything else; the outputs are written into a fresh folder that replaces the previous set
in one rename (kg.outputs), so a failed or killed build leaves the previous output whole.
"""
from __future__ import annotations

import sys
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable, Optional, Sequence

from rdflib import Dataset, Graph

from kg.executors import ExecutorError, make_executor
from kg.export.report import OUTPUT_FILES, count_graph, format_report
from kg.gazetteer import load_gazetteer
from kg.ingest import MAX_ARTICLE_BYTES
from kg.lexicon import load_lexicon
from kg.nlp import PIPELINE_SETTINGS, Annotator, StanzaTagger
from kg.outputs import OutputError, OutputLock, check_output
from kg.pipeline import STAGES, BuildError
from kg.pipeline import run as run_stages
from kg.records import Skipped
from kg.relations.extract import RelationOptions
from kg.stages import BuildSettings, parse_selection


__all__ = ["build", "BuildResult", "BuildError", "default_annotator", "pin_threads", "check_device", "count_graph",
           "format_report", "OUTPUT_FILES"]


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


def default_annotator(device: str = "cpu", cache_dir: Optional[Path] = None,
                      threads: Optional[int] = None) -> Annotator:
    from kg.ner.loader import load_org_names, load_pipeline, resolve_models

    models = resolve_models()

    def load():
        pin_threads(threads)
        load_org_names(models.directory)  # read once here, so that it counts as model load
        return load_pipeline(models=models, device=device, **PIPELINE_SETTINGS)

    return Annotator(load, models.version, cache_dir,
                     remote=StanzaTagger(str(models.directory), models.source, device, selection=parse_selection),
                     org_names=lambda: load_org_names(models.directory), selection=parse_selection)


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


_STAGE_WORDS = {"nlp": "loading the models and tagging (Stanza)", "export": "writing the outputs"}


def _progress_line(stage: str) -> None:
    """One line on stderr as each stage starts; Stanza's own bar follows its line."""
    print(f"kg: {_STAGE_WORDS.get(stage, stage)}...", file=sys.stderr, flush=True)


def _build(inputs, out_dir: Path, base_iri, strict, annotator, progress, cache, log, threads, update, workers,
           executor, scheduler, device, max_article_bytes, relations: RelationOptions) -> BuildResult:
    """Hand the stages (kg.pipeline.STAGES, run by kg.pipeline.run) the inputs, the settings
    and the factories of the annotator (with its NLP cache) and of the tagging executor."""
    t0 = time.perf_counter()

    def make_runner():
        if threads and "torch" in sys.modules:
            # PyTorch's default (one thread per core) slows to a crawl when other work shares the
            # cores; a user on a busy machine pins it. Not imported yet: the pipeline's loader pins
            # it, so a build that reads everything from the cache never pays for importing torch.
            pin_threads(threads)
        try:
            return make_executor(executor, workers, scheduler, threads)
        except ExecutorError as err:
            raise BuildError(str(err)) from err

    def make_annotator():
        return annotator or default_annotator(device=device, threads=threads,
                                              cache_dir=(out_dir / ".cache" / "nlp") if cache else None)

    timings: dict[str, float] = {}
    export_timings: dict[str, float] = {}
    state = {"inputs": inputs, "out_dir": out_dir, "log": log, "t0": t0,
             "settings": BuildSettings(base_iri, strict, progress, update, max_article_bytes),
             "make_annotator": make_annotator, "make_runner": make_runner, "gazetteer": load_gazetteer,
             "lexicon": load_lexicon, "relation_options": relations, "timings": timings,
             "export_timings": export_timings}
    run_stages(STAGES, state, timings, announce=_progress_line if progress else None)
    return BuildResult(out_dir, len(state["annotated"]), state["skipped"], state["counts"], timings, state["graph"],
                       state["dataset"], export_timings)


