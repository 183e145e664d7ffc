#!/usr/bin/env python3
"""Score a kg checkout on the real-news test split and append a row to bench/results/realnews.md.

    python3 bench/realnews/score.py --label "first sight" [--checkout DIR] [--split test]
                                    [--data DATA_DIR] [--work /tmp/realnews-score] [--dry-run]

The checkout (default: this one) builds two inputs with its own `kg build`: the cached
contemporary articles of the split, and the annotated KIND sentences of the split, each
sentence an article of its own. Both graphs are scored by *this* checkout's scorer
(kg.article_eval: per article, micro-averaged), so rows of different commits compare. The
row records the checkout's commit, the date, entity and relation P/R/F1 (controls' political
facts counted apart) and per-type and per-predicate figures. Rows are appended, never rewritten.
"""
from __future__ import annotations

import argparse
import datetime as dt
import json
import os
import subprocess
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
REPO = HERE.parents[1]
sys.path.insert(0, str(REPO))

from kg.article_eval import calibrated_ece, fact_outcomes, reliability, score_articles  # noqa: E402
from kg.export.rdf import read_graph  # noqa: E402
from kg.node_eval import node_quality  # noqa: E402
from kg.realnews import article_text, written_date  # noqa: E402
from kg.sentence_eval import sentence_set  # noqa: E402

RESULTS = REPO / "bench" / "results" / "realnews.md"
POLITICAL = ("leaderOf", "communicatedWith", "visited", "signed", "supports", "alliedWith", "sentTroopsTo",
             "suppliedArmsTo", "criticized", "praised")


def jsonl(path: Path, rows: list[dict]) -> None:
    path.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in rows), encoding="utf-8")


def kg_build(checkout: Path, inputs: Path, out: Path, extra: list[str]) -> None:
    env = dict(os.environ, PYTHONPATH=str(checkout))
    proc = subprocess.run([sys.executable, "-m", "kg", "build", str(inputs), "-o", str(out), "-q", *extra],
                          cwd=checkout, env=env, capture_output=True, text=True)
    if proc.returncode not in (0, 1):  # 1: some inputs skipped (they count as misses)
        raise SystemExit(f"kg build {inputs} failed ({proc.returncode}):\n{proc.stderr[-3000:]}")


def prf(s) -> str:
    return f"{s.precision:.3f} / {s.recall:.3f} / {s.f1:.3f}"


def controls_political(graph, control_ids: set[str]) -> int:
    """Political facts kg gives in the control articles (each one is a false positive)."""
    from kg.article_eval import article_predictions
    from kg.iris import slug

    preds = article_predictions(graph)
    return sum(1 for aid in control_ids if slug(aid) in preds
               for r in preds[slug(aid)].relations if r.p in POLITICAL)


def node_lines(q) -> list[str]:
    """Issue #28's node figures for the articles (kg.node_eval), with the cases named."""
    differ = sorted(set(q.link_names))
    return [f"Nodes (articles): {q.gold_entities} gold entities; split over two or more nodes "
            f"{len(q.split)} ({100 * q.rate(q.split):.1f} %); one node for two or more (wrong merges) "
            f"{len(q.merges)} ({100 * q.rate(q.merges):.1f} %); linked nodes {q.linked}, "
            f"{len(differ)} distinct with an English label other than the gold name (to check by hand).\n",
            f"- split: {'; '.join(q.split) or 'none'}", f"- merged: {'; '.join(q.merges) or 'none'}",
            f"- link names: {'; '.join(differ) or 'none'}\n"]


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--label", required=True)
    ap.add_argument("--checkout", type=Path, default=REPO)
    ap.add_argument("--split", default="test", choices=("dev", "test"))
    ap.add_argument("--data", type=Path, default=REPO.parent / "shared" / "data")
    ap.add_argument("--work", type=Path, default=Path("/tmp/realnews-score"))
    ap.add_argument("--dry-run", action="store_true", help="print the row, do not append it")
    ap.add_argument("--build-arg", action="append", default=[], metavar="ARG",
                    help="an argument for kg build, e.g. --build-arg=--relations=rules (repeatable)")
    a = ap.parse_args()
    a.work.mkdir(parents=True, exist_ok=True)
    commit = subprocess.run(["git", "rev-parse", "--short", "HEAD"], cwd=a.checkout, capture_output=True,
                            text=True).stdout.strip()

    manifest = [json.loads(x) for x in (HERE / "manifest.jsonl").read_text(encoding="utf-8").splitlines() if x]
    chosen = [m for m in manifest if m["split"] == a.split]
    missing = [m["id"] for m in chosen if not (HERE / "cache" / f"{m['id']}.txt").exists()]
    if missing:
        raise SystemExit(f"not cached: {', '.join(missing)} (see bench/realnews/corpus.py restore)")
    texts = {m["id"]: (HERE / "cache" / f"{m['id']}.txt").read_text(encoding="utf-8") for m in chosen}
    jsonl(a.work / "articles.jsonl", [{"id": m["id"], "text": article_text(texts[m["id"]]), "url": m["url"],
                                       "date": written_date(m["date"], texts[m["id"]])} for m in chosen])
    gold = [json.loads(x) for x in (HERE / "gold.jsonl").read_text(encoding="utf-8").splitlines() if x]
    ids = {m["id"] for m in chosen}
    jsonl(a.work / "articles_gold.jsonl", [g for g in gold if g["id"] in ids])
    sents = [json.loads(x) for x in (HERE / "kind_sentences.jsonl").read_text(encoding="utf-8").splitlines() if x]
    data = sentence_set(sents, a.data / "kind", a.split)
    jsonl(a.work / "sentences.jsonl", data.articles)
    jsonl(a.work / "sentences_gold.jsonl", data.gold)

    kg_build(a.checkout, a.work / "articles.jsonl", a.work / "articles_out", a.build_arg)
    kg_build(a.checkout, a.work / "sentences.jsonl", a.work / "sentences_out", a.build_arg)
    art_graph = read_graph(a.work / "articles_out" / "graph.ttl")     # each graph parsed once
    sen_graph = read_graph(a.work / "sentences_out" / "graph.ttl")
    art = score_articles(a.work / "articles_gold.jsonl", art_graph)
    sen = score_articles(a.work / "sentences_gold.jsonl", sen_graph)
    controls = {m["id"] for m in chosen if m["control"]}
    political = controls_political(art_graph, controls)

    args = f" (kg build {' '.join(a.build_arg)})" if a.build_arg else ""
    lines = [f"\n## {a.label} — commit {commit}, {dt.date.today().isoformat()}, split {a.split}{args}\n",
             f"Articles: {len(chosen)} ({len(controls)} controls), scored per article. "
             f"KIND sentences: {len(data.articles)}, end to end, per sentence "
             f"({data.cross_sentence} cross-sentence relations left out).\n",
             "| set | entities P / R / F1 | relations P / R / F1 | strict relations P / R / F1 |",
             "|---|---|---|---|",
             f"| articles | {prf(art.entities_micro)} | {prf(art.relations_micro)} | {prf(art.relations_strict_micro)} |",
             f"| articles, corpus level | {prf(art.corpus.entities_micro)} | {prf(art.corpus.relations_micro)} | "
             f"{prf(art.corpus.relations_strict_micro)} |",
             f"| KIND sentences | {prf(sen.entities_micro)} | {prf(sen.relations_micro)} | "
             f"{prf(sen.relations_strict_micro)} |",
             f"\nPolitical facts in the controls: {political}.\n",
             *node_lines(node_quality(a.work / "articles_gold.jsonl", art_graph, texts)),
             "| type | articles P / R / F1 | sentences P / R / F1 |", "|---|---|---|"]
    lines += [f"| {t} | {prf(art.entities[t])} | {prf(sen.entities[t])} |" for t in art.entities]
    lines += ["", "| predicate | articles P / R / F1 (tp fp fn) | sentences P / R / F1 (tp fp fn) |", "|---|---|---|"]
    for p in art.relations:
        x, y = art.relations[p], sen.relations[p]
        lines.append(f"| {p} | {prf(x)} ({x.tp} {x.fp} {x.fn}) | {prf(y)} ({y.tp} {y.fp} {y.fn}) |")
    outcomes = fact_outcomes(a.work / "articles_gold.jsonl", art_graph) + \
        fact_outcomes(a.work / "sentences_gold.jsonl", sen_graph)
    table, ece = reliability(outcomes)
    noise, noise90 = calibrated_ece([c for c, _ in outcomes])
    lines += ["", f"Calibration of kg:confidence over the {len(outcomes)} facts of both sets: expected calibration "
              f"error {ece:.3f}. A perfectly calibrated kg would show {noise:.3f} on average at these "
              f"confidences, below {noise90:.3f} in 90 % of draws (sampling noise alone).", "", "| confidence | facts | mean confidence | share right |", "|---|---|---|---|"]
    lines += [f"| {b} | {n} | {c:.3f} | {r:.3f} |" for b, n, c, r in table]
    row = "\n".join(lines) + "\n"
    print(row)
    if not a.dry_run:
        if not RESULTS.exists():
            RESULTS.write_text("# kg on real news (bench/realnews)\n\nEach section is one measurement, appended by "
                               "`python3 bench/realnews/score.py`; no row is ever rewritten. The test split is "
                               "never used to choose a rule, a lexicon entry, a feature or a hyper-parameter.\n",
                               encoding="utf-8")
        with RESULTS.open("a", encoding="utf-8") as handle:
            handle.write(row)
    return 0


if __name__ == "__main__":
    sys.exit(main())
