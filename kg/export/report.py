"""The export stage's files: the graph in every format (kg.export.EXPORTERS), the explorer,
the ontology, the manifest and the build report (report.json and report.md), written into
a staging folder that replaces the previous outputs whole (kg.outputs)."""
from __future__ import annotations

import json
import time
from collections import Counter

from rdflib import Graph
from rdflib.namespace import RDF

from kg.export import EXPORTERS
from kg.export.html import write_html
from kg.export.rdf import write_ontology
from kg.iris import IriMinter
from kg.manifest import Manifest
from kg.outputs import replaced_whole
from kg.records import ENTITY_TYPES, PREDICATES
from kg.vocab import KG

__all__ = ["OUTPUT_FILES", "count_graph", "format_report", "write_outputs"]

OUTPUT_FILES = ("graph.ttl", "graph.trig", "graph.jsonld", "graph.html", "report.md", "report.json")


def write_outputs(state, counts: dict, started: float) -> None:
    """Every output of the build state, each file timed into ``state["export_timings"]``;
    the export's and the whole build's seconds (``state["t0"]``) into ``state["timings"]``."""
    graph, dataset, annotated, annotator = state["graph"], state["dataset"], state["annotated"], state["annotator"]
    timings, export_timings = state["timings"], state["export_timings"]
    with replaced_whole(state["out_dir"]) as staging:
        sources = {"graph": graph, "dataset": dataset}
        writers = [(name, lambda path, w=write, x=sources[source]: w(x, path))
                   for name, (write, source) in EXPORTERS.items()]
        # the explorer's co-mention layer: entities named in the same sentence (not in the graph)
        comentions, minter = state["comentions"], IriMinter(state["base_iri"])
        writers += [("graph.html", lambda path: write_html(graph, path, title=f"kg: {len(annotated)} articles",
                                                           comentions=comentions, minter=minter)),
                    ("ontology.ttl", write_ontology)]
        for name, write in writers:
            t = time.perf_counter()
            write(staging / name)
            export_timings[name] = time.perf_counter() - t
        timings["export"] = time.perf_counter() - started
        timings["total"] = time.perf_counter() - state["t0"]
        Manifest([a.article for a in annotated], state["base_iri"]).write(staging)
        report = {"articles": len(annotated), "skipped": [s.to_dict() for s in state["skipped"]],
                  "notes": list(state["notes"]), "counts": counts, "models": annotator.model_version,
                  "nlp_cache": {"hits": annotator.cache_hits, "misses": annotator.cache_misses}}
        (staging / "report.json").write_text(json.dumps(report, indent=1, ensure_ascii=False, sort_keys=True) + "\n",
                                             encoding="utf-8")
        (staging / "report.md").write_text(format_report(report, timings), encoding="utf-8")


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
