"""Latency of the canned queries: pyoxigraph (kg's default engine) against rdflib.

    python3 bench/query_latency.py --graph bench/out/1000/graph.ttl [--repeat 30] [--warmup 2]
                                   [--rdflib-repeat 5] [--engines oxigraph,rdflib] [--label NAME]
                                   [--replicate K]

Each engine loads the graph once (load time reported on its own: pyoxigraph's bulk load,
rdflib's parse); then every canned query (and `timeline` bound to entityLabel=--entity,
default Putin) runs
--warmup times unmeasured and --repeat times measured, through ``kg.query.run_query``, the
call `kg query` and `kg serve` make (so the time includes turning the answer into rows).
For pyoxigraph it also reports the engine alone (iterating the raw solutions). p50 and p95
are over the measured runs. Target: p95 <= 50 ms per query with pyoxigraph on the graph of
1,000 articles.

--replicate K benchmarks a synthetic graph instead: K copies of the given graph with each
copy's articles, sentences, facts and events renamed (entities stay shared, as they are
across real articles). It is for trying the script at scale before a real build exists.

Results: bench/results/query_latency_<label>.json and .md (label: the graph's folder name,
or --label).
"""
from __future__ import annotations

import argparse
import json
import os
import platform
import re
import statistics
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
RESULTS = HERE / "results"
sys.path.insert(0, str(ROOT))

TARGET_P95_MS = 50.0
PER_ARTICLE = re.compile(r"^(https?://[^ ]+?/)(article|fact|event|graph)/")


def cases(entity: str = "Putin") -> list[tuple[str, str]]:
    from kg.query import bind_params, canned_queries

    queries = canned_queries()
    out = [(name, q.sparql) for name, q in queries.items()]
    out.append((f"timeline({entity})", bind_params(queries["timeline"].sparql, {"entityLabel": entity})))
    return out


def replicate(path: Path, copies: int, folder: Path) -> Path:
    """K renamed copies of a graph file in one N-Triples file (see the module docstring)."""
    import pyoxigraph as ox

    quads = list(ox.parse(path=str(path)))

    def rename(term, k):
        if isinstance(term, ox.NamedNode) and PER_ARTICLE.match(term.value):
            return ox.NamedNode(PER_ARTICLE.sub(lambda m: f"{m.group(1)}{m.group(2)}/r{k}-", term.value))
        return term

    out = folder / f"{path.stem}-x{copies}.nt"
    triples = {ox.Triple(rename(q.subject, k), q.predicate, rename(q.object, k)) for k in range(copies) for q in quads}
    ox.serialize(sorted(triples, key=str), output=str(out), format=ox.RdfFormat.N_TRIPLES)
    return out


def percentile(values: list[float], p: float) -> float:
    """Linear interpolation between closest ranks (numpy's default)."""
    ordered = sorted(values)
    if len(ordered) == 1:
        return ordered[0]
    rank = (len(ordered) - 1) * p / 100
    low = int(rank)
    high = min(low + 1, len(ordered) - 1)
    return ordered[low] + (ordered[high] - ordered[low]) * (rank - low)


def measure(fn, warmup: int, repeat: int) -> tuple[list[float], object]:
    answer = None
    for _ in range(warmup):
        answer = fn()
    times = []
    for _ in range(repeat):
        began = time.perf_counter()
        answer = fn()
        times.append((time.perf_counter() - began) * 1000)
    return times, answer


def summary(times: list[float]) -> dict:
    return {"runs": len(times), "p50_ms": round(percentile(times, 50), 3), "p95_ms": round(percentile(times, 95), 3),
            "min_ms": round(min(times), 3), "max_ms": round(max(times), 3),
            "mean_ms": round(statistics.fmean(times), 3)}


def bench_engine(engine: str, graph: Path, warmup: int, repeat: int, log, entity: str = "Putin") -> dict:
    from kg.query import PREFIXES, load_graph, load_store, run_query

    began = time.perf_counter()
    store = load_store(graph) if engine == "oxigraph" else load_graph(graph)
    load_s = time.perf_counter() - began
    log(f"{engine}: loaded in {load_s:.2f} s")
    out = {"load_s": round(load_s, 3), "queries": {}}
    for name, sparql in cases(entity):
        times, result = measure(lambda: run_query(store, sparql), warmup, repeat)
        entry = {**summary(times), "rows": len(result)}
        if engine == "oxigraph":  # the engine alone: solutions iterated, no conversion to rows
            raw, _ = measure(lambda: sum(1 for _ in store.query(sparql, use_default_graph_as_union=True,
                                                                  prefixes=PREFIXES)), warmup, repeat)
            entry["engine_only"] = summary(raw)
        out["queries"][name] = entry
        log(f"{engine}: {name:16} p50 {entry['p50_ms']:9.2f} ms  p95 {entry['p95_ms']:9.2f} ms  "
            f"({entry['rows']} rows)")
    return out


def count_triples(graph: Path) -> tuple[int, int]:
    """(distinct triples, articles) of the graph file."""
    from kg.query import load_store

    store = load_store(graph)
    triples = sum(1 for _ in store.query("SELECT DISTINCT ?s ?p ?o WHERE { ?s ?p ?o }",
                                         use_default_graph_as_union=True))
    row = next(iter(store.query("SELECT (COUNT(DISTINCT ?a) AS ?n) WHERE { ?a a <https://schema.org/NewsArticle> }",
                                use_default_graph_as_union=True)))
    return triples, int(row["n"].value)


def markdown(report: dict) -> str:
    engines = list(report["engines"])
    lines = [f"# Canned query latency: {report['label']}", "",
             f"Graph `{report['graph']}`: {report['triples']:,} triples, {report['articles']:,} articles"
             + (f" (synthetic: {report['replicate']} renamed copies)" if report.get("replicate") else "") + ".",
             f"{report['repeat']} measured runs after {report['warmup']} warm-up runs per query"
             + (f" ({report['rdflib_repeat']} for rdflib)" if "rdflib" in engines else "")
             + f"; {report['machine']['cpus']} CPUs, Python {report['machine']['python']}, "
             f"pyoxigraph {report['machine']['pyoxigraph']}, rdflib {report['machine']['rdflib']}.", "",
             "Load: " + ", ".join(f"{e} {report['engines'][e]['load_s']:.2f} s" for e in engines) + ".", ""]
    header = "| query | rows |"
    rule = "|---|---:|"
    for e in engines:
        header += f" {e} p50 ms | {e} p95 ms |"
        rule += "---:|---:|"
    if "oxigraph" in engines:
        header += " oxigraph engine-only p95 ms |"
        rule += "---:|"
    lines += [header, rule]
    first = report["engines"][engines[0]]["queries"]
    for name in first:
        row = f"| {name} | {first[name]['rows']} |"
        for e in engines:
            q = report["engines"][e]["queries"][name]
            row += f" {q['p50_ms']:.1f} | {q['p95_ms']:.1f} |"
        if "oxigraph" in engines:
            row += f" {report['engines']['oxigraph']['queries'][name]['engine_only']['p95_ms']:.1f} |"
        lines.append(row)
    if "oxigraph" in engines:
        slow = [n for n, q in report["engines"]["oxigraph"]["queries"].items() if q["p95_ms"] > TARGET_P95_MS]
        lines += ["", f"Target p95 <= {TARGET_P95_MS:g} ms with pyoxigraph: "
                  + ("met by every query." if not slow else "missed by " + ", ".join(slow) + ".")]
    return "\n".join(lines) + "\n"


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--graph", required=True, type=Path, help="graph file (.ttl, .trig, .nt, .nq)")
    parser.add_argument("--repeat", type=int, default=30, help="measured runs per query (default 30)")
    parser.add_argument("--rdflib-repeat", type=int, default=5, help="measured runs per query for rdflib (default 5)")
    parser.add_argument("--warmup", type=int, default=2, help="unmeasured runs first (default 2)")
    parser.add_argument("--engines", default="oxigraph,rdflib", help="comma-separated (default oxigraph,rdflib)")
    parser.add_argument("--label", help="name in the result files (default: the graph's folder name)")
    parser.add_argument("--entity", default="Putin",
                        help="entityLabel for the bound timeline query (default Putin; pick one the graph has)")
    parser.add_argument("--replicate", type=int, default=0, metavar="K",
                        help="benchmark K renamed copies of the graph (synthetic scale-up)")
    parser.add_argument("--out", type=Path, default=RESULTS, help="results folder (default bench/results)")
    args = parser.parse_args(argv)
    if args.repeat < 1 or args.rdflib_repeat < 1 or args.warmup < 0:
        parser.error("--repeat and --rdflib-repeat must be >= 1, --warmup >= 0")
    if not args.graph.is_file():
        parser.error(f"{args.graph}: no such graph file")

    import pyoxigraph
    import rdflib

    def log(message: str) -> None:
        print(message, file=sys.stderr, flush=True)

    label = args.label or (args.graph.resolve().parent.name + (f"-x{args.replicate}" if args.replicate else ""))
    with tempfile.TemporaryDirectory() as scratch:
        graph = replicate(args.graph, args.replicate, Path(scratch)) if args.replicate else args.graph
        triples, articles = count_triples(graph)
        log(f"{graph}: {triples} triples, {articles} articles")
        report = {"label": label, "graph": str(args.graph), "replicate": args.replicate or None,
                  "triples": triples, "articles": articles, "repeat": args.repeat,
                  "rdflib_repeat": args.rdflib_repeat, "warmup": args.warmup, "target_p95_ms": TARGET_P95_MS,
                  "machine": {"cpus": os.cpu_count(), "python": platform.python_version(),
                              "pyoxigraph": pyoxigraph.__version__, "rdflib": rdflib.__version__,
                              "platform": platform.platform()},
                  "engines": {}}
        for engine in [e.strip() for e in args.engines.split(",") if e.strip()]:
            if engine not in ("oxigraph", "rdflib"):
                parser.error(f"unknown engine {engine!r}")
            repeat = args.rdflib_repeat if engine == "rdflib" else args.repeat
            report["engines"][engine] = bench_engine(engine, graph, args.warmup if engine == "oxigraph"
                                                     else min(args.warmup, 1), repeat, log, args.entity)
    args.out.mkdir(parents=True, exist_ok=True)
    safe = re.sub(r"[^\w.-]+", "_", label)
    stem = args.out / f"query_latency_{safe}"
    stem.with_suffix(".json").write_text(json.dumps(report, indent=1) + "\n", encoding="utf-8")
    text = markdown(report)
    stem.with_suffix(".md").write_text(text, encoding="utf-8")
    print(text)
    return 0


if __name__ == "__main__":
    sys.exit(main())
