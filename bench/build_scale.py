"""How `kg build` scales: time per stage, tokens per second, peak memory, graph size.

    python3 bench/build_scale.py [--sizes 100,300,1000] [--workers 1] [--threads N]
                                 [--update-size 300] [--update-new 20] [--data DIR]

The corpus is KIND's Wikinews text (bench/corpus.py: all WN sentences, in order, cut into
1,000 articles of 15-16 sentences, detokenised). For each size N it builds the first N
articles cold into bench/out/N/ (a fresh subprocess per run, so peak memory is that run's own
ru_maxrss), then rebuilds them unchanged from the NLP cache. It then copies bench/out/<update
size>/ and adds the next --update-new articles with `--update`, and checks the result against
a build of all of them at once. Results: bench/results/build_scale.json and .md.
"""
from __future__ import annotations

import argparse
import json
import os
import platform
import resource
import shutil
import subprocess
import sys
import threading
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
OUT = HERE / "out"
RESULTS = HERE / "results"
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(HERE))

AFTER_STANZA = ("mentions", "linking", "relations", "graph", "export")


# ------------------------------------------------------------------ one build, in a child

def child(args: argparse.Namespace) -> None:
    """Run one build and print its figures as JSON on the last line of stdout."""
    from kg.build import build

    started = time.perf_counter()
    result = build(args.input, output=args.out, update=args.update, workers=args.workers,
                   threads=args.threads, log=lambda m: None)
    wall = time.perf_counter() - started
    out = Path(args.out)
    figures = {
        "articles": result.articles, "skipped": len(result.skipped), "wall_s": wall,
        "timings": result.timings, "export_timings": result.export_timings,
        "triples": result.counts["triples"]["total"],
        "entities": sum(result.counts["entities"].values()),
        "facts": sum(result.counts["predicates"].values()),
        "files": {name: (out / name).stat().st_size for name in
                  ("graph.ttl", "graph.trig", "graph.jsonld", "graph.html")},
        "peak_rss_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024,
        "peak_rss_children_mb": resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024,
    }
    if args.compare_exports:
        figures["export_compare"] = compare_exports(result, out)
    report = json.loads((out / "report.json").read_text(encoding="utf-8"))
    figures["nlp_cache"] = report["nlp_cache"]
    print(json.dumps(figures))


def compare_exports(result, out: Path) -> dict:
    """Seconds for rdflib's and pyoxigraph's serialisers on the same graph, next to kg's
    writers (kg writes its own: sorted, prefixed and byte-stable; see kg/export/rdf.py)."""
    import warnings

    timings = {}
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", DeprecationWarning)
        for name, fn in (("rdflib turtle", lambda: result.graph.serialize(format="turtle")),
                         ("rdflib trig", lambda: result.dataset.serialize(format="trig")),
                         ("rdflib json-ld", lambda: result.graph.serialize(format="json-ld")),
                         ("rdflib nt", lambda: result.graph.serialize(format="nt"))):
            t = time.perf_counter()
            fn()
            timings[name] = time.perf_counter() - t
    try:
        import pyoxigraph
    except ImportError:
        return timings
    t = time.perf_counter()
    store = pyoxigraph.Store()
    store.bulk_load(path=str(Path(out) / "graph.trig"), format=pyoxigraph.RdfFormat.TRIG)
    store.dump(format=pyoxigraph.RdfFormat.TRIG)
    timings["pyoxigraph trig (parse kg's TriG, then dump)"] = time.perf_counter() - t
    return timings


def run_child(corpus: Path | list[Path], out: Path, workers: int, threads, update: bool = False,
              compare_exports: bool = False) -> dict:
    inputs = [str(c) for c in (corpus if isinstance(corpus, list) else [corpus])]
    cmd = [sys.executable, str(Path(__file__).resolve()), "--child", "--out", str(out), "--workers", str(workers),
           "--input", *inputs]
    if threads:
        cmd += ["--threads", str(threads)]
    if update:
        cmd.append("--update")
    if compare_exports:
        cmd.append("--compare-exports")
    with subprocess.Popen(cmd, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, cwd=ROOT) as proc:
        sampler = MemorySampler(proc.pid)
        sampler.start()
        stdout, stderr = proc.communicate()
        sampler.stop()
    if proc.returncode != 0:
        raise RuntimeError(f"{' '.join(cmd)} failed:\n{stderr[-3000:]}")
    figures = json.loads(stdout.strip().splitlines()[-1])
    figures["peak_pss_mb"] = sampler.peak_pss_kb / 1024
    figures["peak_rss_sum_sampled_mb"] = sampler.peak_rss_kb / 1024
    return figures


class MemorySampler(threading.Thread):
    """Samples, every ``interval`` seconds, the memory of a process and all its descendants
    (the build and its workers) from /proc: the largest total PSS seen (proportional set size:
    pages shared between processes, such as PyTorch's libraries mapped by both workers, count
    once in all) and the largest total RSS (which counts them once per process). ru_maxrss
    per process, summed, is an upper bound of the second; the first is what the build takes."""

    def __init__(self, pid: int, interval: float = 0.25):
        super().__init__(daemon=True)
        self.pid, self.interval = pid, interval
        self.peak_pss_kb = self.peak_rss_kb = 0
        self._done = threading.Event()

    def stop(self) -> None:
        self._done.set()
        self.join()

    def run(self) -> None:
        while not self._done.wait(self.interval):
            pss = rss = 0
            for pid in self._tree():
                fields = _rollup(pid)
                pss, rss = pss + fields.get("Pss", 0), rss + fields.get("Rss", 0)
            self.peak_pss_kb, self.peak_rss_kb = max(self.peak_pss_kb, pss), max(self.peak_rss_kb, rss)

    def _tree(self) -> list[int]:
        children: dict[int, list[int]] = {}
        for entry in Path("/proc").iterdir():
            if entry.name.isdigit():
                try:
                    ppid = int((entry / "stat").read_text().rsplit(")", 1)[1].split()[1])
                except (OSError, IndexError, ValueError):
                    continue
                children.setdefault(ppid, []).append(int(entry.name))
        tree, todo = [], [self.pid]
        while todo:
            pid = todo.pop()
            tree.append(pid)
            todo.extend(children.get(pid, []))
        return tree


def _rollup(pid: int) -> dict[str, int]:
    try:
        text = Path(f"/proc/{pid}/smaps_rollup").read_text()
    except OSError:
        return {}
    fields = {}
    for line in text.splitlines()[1:]:
        name, _, rest = line.partition(":")
        parts = rest.split()
        if parts and parts[0].isdigit():
            fields[name] = int(parts[0])
    return fields


# ------------------------------------------------------------------ the suite

def after_stanza(timings: dict) -> float:
    return sum(timings.get(k, 0.0) for k in AFTER_STANZA)


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--sizes", default="100,300,1000")
    parser.add_argument("--workers", type=int, default=1)
    parser.add_argument("--threads", type=int, default=None)
    parser.add_argument("--update-size", type=int, default=300)
    parser.add_argument("--update-new", type=int, default=20)
    parser.add_argument("--corpus-articles", type=int, default=1000,
                        help="how many articles the whole KIND Wikinews text is cut into (default 1000)")
    parser.add_argument("--data", default=os.environ.get("KG_DATA"),
                        help="the corpora folder, with kind/WN_*.tsv (default: $KG_DATA)")
    parser.add_argument("--name", default="build_scale", help="results file stem in bench/results/")
    parser.add_argument("--note", default="", help="a line for the results (e.g. the machine was shared)")
    parser.add_argument("--child", action="store_true", help=argparse.SUPPRESS)
    parser.add_argument("--input", nargs="+", help=argparse.SUPPRESS)
    parser.add_argument("--out", help=argparse.SUPPRESS)
    parser.add_argument("--update", action="store_true", help=argparse.SUPPRESS)
    parser.add_argument("--compare-exports", action="store_true", help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if args.child:
        child(args)
        return 0

    from corpus import wikinews_articles, write_jsonl

    sizes = sorted(int(s) for s in args.sizes.split(","))
    update_size = args.update_size if args.update_size in sizes else sizes[0]
    if not args.data or not (Path(args.data) / "kind").is_dir():
        parser.error("give --data DIR (or set KG_DATA): the corpora folder with kind/WN_*.tsv")
    articles = wikinews_articles(Path(args.data) / "kind", args.corpus_articles)
    corpus_dir = OUT / "corpus"
    results = {"machine": {"cpus": os.cpu_count(), "python": platform.python_version(),
                           "platform": platform.platform()},
               "note": args.note, "workers": args.workers, "threads": args.threads,
               "corpus": {"articles": len(articles), "kind_tokens": sum(a["tokens"] for a in articles)},
               "sizes": {}}
    for n in sizes:
        n_real = min(n, len(articles))
        corpus = write_jsonl(articles[:n_real], corpus_dir / f"{n}.jsonl")
        tokens = sum(a["tokens"] for a in articles[:n_real])
        out = OUT / str(n)
        shutil.rmtree(out, ignore_errors=True)
        print(f"[{time.strftime('%H:%M:%S')}] {n}: cold build", file=sys.stderr, flush=True)
        cold = run_child(corpus, out, args.workers, args.threads, compare_exports=(n == sizes[-1]))
        print(f"[{time.strftime('%H:%M:%S')}] {n}: cold {cold['wall_s']:.1f} s; rebuild", file=sys.stderr, flush=True)
        warm = run_child(corpus, out, args.workers, args.threads)
        stanza = cold["timings"]["stanza"]
        results["sizes"][str(n)] = {
            "articles_in": n_real, "kind_tokens": tokens, "cold": cold, "rebuild": warm,
            "tokens_per_s_stanza": tokens / stanza if stanza else None,
            "tokens_per_s_total": tokens / cold["wall_s"],
            "after_stanza_s": after_stanza(cold["timings"]),
            "after_stanza_share_of_stanza": after_stanza(cold["timings"]) / stanza if stanza else None,
            "rebuild_speedup": cold["wall_s"] / warm["wall_s"],
        }
        print(f"[{time.strftime('%H:%M:%S')}] {n}: rebuild {warm['wall_s']:.1f} s", file=sys.stderr, flush=True)

    # --update: the next articles added to a copy of the update-size build
    base = OUT / str(update_size)
    upd, check = OUT / f"update-{update_size}", OUT / f"update-{update_size}-check"
    for folder in (upd, check):
        shutil.rmtree(folder, ignore_errors=True)
    shutil.copytree(base, upd)
    new = articles[update_size:update_size + args.update_new]
    new_file = write_jsonl(new, corpus_dir / f"new-{update_size}.jsonl")
    print(f"[{time.strftime('%H:%M:%S')}] update {update_size} + {len(new)}", file=sys.stderr, flush=True)
    updated = run_child(new_file, upd, args.workers, args.threads, update=True)
    # the same articles in one build, from a copy of the updated cache (so no Stanza): same bytes?
    shutil.copytree(upd / ".cache", check / ".cache")
    run_child([corpus_dir / f"{update_size}.jsonl", new_file], check, args.workers, args.threads)
    cold_base = results["sizes"][str(update_size)]["cold"]
    results["update"] = {
        "base_articles": update_size, "added": len(new), "run": updated,
        "same_graph_as_one_build": (upd / "graph.ttl").read_bytes() == (check / "graph.ttl").read_bytes(),
        "cold_build_of_base_s": cold_base["wall_s"],
        "readding_changes_nothing": readd_is_noop(base, corpus_dir / f"{update_size}.jsonl", args),
    }
    n_lo, n_hi = str(sizes[0]), str(sizes[-1])
    results["ratio_largest_to_smallest"] = {
        "articles": results["sizes"][n_hi]["articles_in"] / results["sizes"][n_lo]["articles_in"],
        "wall": results["sizes"][n_hi]["cold"]["wall_s"] / results["sizes"][n_lo]["cold"]["wall_s"]}
    RESULTS.mkdir(parents=True, exist_ok=True)
    (RESULTS / f"{args.name}.json").write_text(json.dumps(results, indent=1, sort_keys=True) + "\n", encoding="utf-8")
    (RESULTS / f"{args.name}.md").write_text(markdown(results), encoding="utf-8")
    print(markdown(results))
    return 0


def readd_is_noop(base: Path, corpus: Path, args) -> bool:
    """--update with articles the build already has leaves graph.ttl byte-identical."""
    before = (base / "graph.ttl").read_bytes()
    run_child(corpus, base, args.workers, args.threads, update=True)
    return (base / "graph.ttl").read_bytes() == before


def markdown(r: dict) -> str:
    sizes = dict(sorted(r["sizes"].items(), key=lambda kv: int(kv[0])))
    lines = ["# kg build at scale", "",
             f"KIND Wikinews corpus ({r['corpus']['articles']} articles, {r['corpus']['kind_tokens']:,} tokens; "
             f"bench/corpus.py). {r['machine']['cpus']} CPUs, Python {r['machine']['python']}; "
             f"workers {r['workers']}, torch threads {r['threads'] or 'default'}. {r['note']}", "",
             "| articles (built) | tokens | cold build s | model load s | stanza s | tokens/s (stanza) "
             "| after stanza s (% of stanza) | export s | triples | graph.ttl MB | peak memory MB (PSS, all processes) "
             "| peak RSS MB (main + workers) | rebuild s (speedup) |",
             "|---|---|---|---|---|---|---|---|---|---|---|---|---|"]
    for n, s in sizes.items():
        c = s["cold"]
        t = c["timings"]
        workers = r["workers"] if r["workers"] > 1 else 0
        peak = f"{c['peak_rss_mb']:.0f}" + (f" + {workers} x {c['peak_rss_children_mb']:.0f}" if workers else "")
        lines.append(f"| {s['articles_in']} ({c['articles']}) | {s['kind_tokens']:,} | {c['wall_s']:.1f} "
                     f"| {t['model_load']:.1f} | {t['stanza']:.1f} | {s['tokens_per_s_stanza']:.0f} "
                     f"| {s['after_stanza_s']:.1f} ({100 * s['after_stanza_share_of_stanza']:.0f} %) "
                     f"| {t['export']:.1f} | {c['triples']:,} | {c['files']['graph.ttl'] / 1e6:.1f} "
                     f"| {c.get('peak_pss_mb', 0):.0f} | {peak} "
                     f"| {s['rebuild']['wall_s']:.1f} ({s['rebuild_speedup']:.0f}x) |")
    lines += ["", "Seconds per stage (cold build):", "",
              "| articles | " + " | ".join(("ingest", "model_load", "stanza") + AFTER_STANZA) + " |",
              "|---" * 9 + "|"]
    for n, s in sizes.items():
        t = s["cold"]["timings"]
        lines.append(f"| {n} | " + " | ".join(f"{t.get(k, 0):.2f}" for k in ("ingest", "model_load", "stanza")
                                              + AFTER_STANZA) + " |")
    last = list(sizes.values())[-1]["cold"]
    lines += ["", "Export of the largest graph, seconds per file (kg's writers): "
              + ", ".join(f"{k} {v:.2f}" for k, v in last["export_timings"].items())]
    if "export_compare" in last:
        lines.append("Other serialisers of the same graph: "
                     + ", ".join(f"{k} {v:.2f}" for k, v in last["export_compare"].items()))
    u = r["update"]
    lines += ["", f"`--update`: {u['added']} articles added to a {u['base_articles']}-article build in "
              f"{u['run']['wall_s']:.1f} s (Stanza {u['run']['timings']['stanza']:.1f} s, cache "
              f"{u['run']['nlp_cache']['hits']} hits / {u['run']['nlp_cache']['misses']} misses) against "
              f"{u['cold_build_of_base_s']:.1f} s for the base's cold build; same graph.ttl as one build of "
              f"all: {u['same_graph_as_one_build']}; re-adding the base's articles leaves graph.ttl "
              f"byte-identical: {u['readding_changes_nothing']}.",
              "", f"Largest / smallest: {r['ratio_largest_to_smallest']['articles']:.1f}x the articles, "
              f"{r['ratio_largest_to_smallest']['wall']:.1f}x the cold-build time."]
    return "\n".join(lines) + "\n"


if __name__ == "__main__":
    sys.exit(main())
