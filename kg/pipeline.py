"""The pipeline as declared stages: each names what it requires and what it provides.

``STAGES`` is the order kg build runs; :func:`check` tells, before anything runs, which
stage would lack what (a stage may use only what the build was given or an earlier stage
provided), and :func:`run` runs the stages over one ``state`` dict, timing each. A stage's
function is ``"module:function"`` (kg.stages holds the build's), imported when it runs, so
this module imports no stage. docs/pipeline.md shows the same table.

>>> check(STAGES, BUILD_GIVES)
>>> check(STAGES[4:], ("mentions", "lexicon"))
Traceback (most recent call last):
...
kg.pipeline.StageOrderError: stage 'relations' requires resolution, relation_options, which nothing before it provides
"""
from __future__ import annotations

import time
from dataclasses import dataclass
from importlib import import_module
from typing import Callable, Iterable, MutableMapping, Optional, Sequence

__all__ = ["Stage", "STAGES", "BUILD_GIVES", "BuildError", "StageOrderError", "check", "run", "stage"]


class BuildError(RuntimeError):
    """The build could not produce a graph (no usable input, or --strict and a skip)."""


class StageOrderError(RuntimeError):
    """The stages, in the order given, cannot run: one requires what nothing before it provides."""


@dataclass(frozen=True)
class Stage:
    """One step of the pipeline. ``function``: ``"module:function"``, called with the state
    and returning a dict of what it provides. ``timed``: False for a stage that records its
    own timings (nlp: model load and tagging apart; export: before the report is written)."""

    name: str
    requires: tuple[str, ...]
    provides: tuple[str, ...]
    module: str
    function: str
    timed: bool = True

    def load(self) -> Callable[[MutableMapping], dict]:
        module, _, name = self.function.partition(":")
        return getattr(import_module(module), name)


#: What ``kg build`` hands the first stage (kg.build._build).
#: ``gazetteer`` and ``lexicon`` are their (cached) loaders, called by the first stage that reads them.
BUILD_GIVES = ("inputs", "settings", "log", "out_dir", "make_annotator", "make_runner", "gazetteer", "lexicon",
               "relation_options", "timings", "export_timings", "t0")

STAGES: tuple[Stage, ...] = (
    Stage("ingest", ("inputs", "settings", "log", "out_dir"), ("articles", "skipped", "notes", "base_iri", "minter"),
          "kg.ingest", "kg.stages:ingest"),
    Stage("nlp", ("articles", "skipped", "settings", "log", "make_annotator", "make_runner", "timings"),
          ("annotated", "annotator"), "kg.nlp", "kg.stages:nlp", timed=False),
    Stage("mentions", ("annotated", "gazetteer", "lexicon", "relation_options"), ("mentions",), "kg.mentions", "kg.stages:mentions"),
    Stage("linking", ("mentions", "gazetteer", "lexicon"), ("resolution",), "kg.linking", "kg.stages:linking"),
    Stage("relations", ("mentions", "resolution", "lexicon", "relation_options"), ("extracted",),
          "kg.relations.extract", "kg.stages:relations"),
    Stage("consolidation", ("mentions", "extracted", "resolution"), ("graph_inputs",), "kg.consolidation",
          "kg.stages:consolidation"),
    Stage("graph", ("graph_inputs", "resolution", "minter", "annotator", "mentions"),
          ("dataset", "graph", "comentions"), "kg.graph", "kg.stages:graph"),
    Stage("export", ("graph", "dataset", "comentions", "annotated", "skipped", "notes", "annotator", "base_iri",
                     "out_dir", "timings", "export_timings", "t0"), ("counts",), "kg.export", "kg.stages:export",
          timed=False),
)


def stage(name: str) -> Stage:
    """The registered stage called ``name``."""
    for s in STAGES:
        if s.name == name:
            return s
    raise KeyError(f"no stage {name!r}: the stages are {', '.join(s.name for s in STAGES)}")


def check(stages: Sequence[Stage], given: Iterable[str]) -> None:
    """StageOrderError naming the first stage that requires what neither ``given`` nor an
    earlier stage provides."""
    have = set(given)
    for s in stages:
        missing = [r for r in s.requires if r not in have]
        if missing:
            raise StageOrderError(f"stage {s.name!r} requires {', '.join(missing)}, which nothing before it provides")
        have.update(s.provides)


def run(stages: Sequence[Stage], state: MutableMapping, timings: Optional[dict[str, float]] = None,
        announce: Optional[Callable[[str], None]] = None) -> MutableMapping:
    """Run ``stages`` in order over ``state`` (checked first); each stage's output is added
    to it, and its seconds to ``timings`` under its name (unless it times itself).
    ``announce`` is told each stage's name as it starts (the build's progress display)."""
    check(stages, state)
    for s in stages:
        if announce is not None:
            announce(s.name)
        started = time.perf_counter()
        out = s.load()(state)
        lacking = [p for p in s.provides if p not in out]
        if lacking:
            raise StageOrderError(f"stage {s.name!r} did not provide {', '.join(lacking)}")
        state.update(out)
        if s.timed and timings is not None:
            timings[s.name] = time.perf_counter() - started
    return state
