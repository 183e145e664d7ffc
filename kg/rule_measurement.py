"""Measuring the hand rules' precision per predicate (`kg models measure-rules`): the cached
train and dev articles of bench/realnews built with the rules alone, each article's facts
matched to its gold as `kg eval` does. It builds, so it lives outside the pipeline it measures
(kg.relations.rule_precision holds the table the pipeline reads)."""
from __future__ import annotations

import json
import tempfile
from pathlib import Path
from typing import Callable, Optional, Sequence

from kg.relations.rule_precision import RulePrecision


def count_facts(gold_path: Path, graph) -> dict[str, tuple[int, int]]:
    """Right and wrong facts per predicate, article by article (kg eval's matching)."""
    from kg.article_eval import score_articles

    scores = score_articles(gold_path, graph)
    return {p: (s.tp, s.fp) for p, s in sorted(scores.relations.items()) if s.tp + s.fp}


def country_visit_counts(without: dict[str, tuple[int, int]], with_: dict[str, tuple[int, int]]) -> dict:
    """The countries' visits (kg.relations.country_visits) right and wrong: what adding them to
    the rules' facts adds to visited."""
    from kg.relations.country_visits import COUNTRY_VISIT

    (r0, w0), (r1, w1) = without.get("visited", (0, 0)), with_.get("visited", (0, 0))
    return {COUNTRY_VISIT: (r1 - r0, w1 - w0)} if (r1, w1) != (r0, w0) else {}


def measure_rule_precision(realnews: Path, splits: Sequence[str] = ("train", "dev"), work: Optional[Path] = None,
                           log: Callable[[str], None] = print, kind_dir: Optional[Path] = None) -> RulePrecision:
    """Build the cached articles of ``splits`` with the rules alone and count their facts, then
    again with the countries' visits to count those apart; with ``kind_dir`` (KIND's WN_*.tsv),
    the annotated KIND sentences of ``splits`` too, each a document of one sentence, counted
    under the predicate's one-sentence key (kg.relations.rule_precision.ONE_SENTENCE).
    ``work`` keeps the builds (and their NLP caches) for the next run; by default a temporary folder."""
    from kg.relations.training import article_items

    if "test" in splits:
        raise ValueError("the rules' precision is never measured on the test split")
    items = article_items(Path(realnews), tuple(splits))
    if not items:
        raise ValueError(f"{realnews}: no cached articles of the {', '.join(splits)} split(s)")
    wanted = {i.id for i in items}
    gold_lines = [line for line in (Path(realnews) / "gold.jsonl").read_text(encoding="utf-8").splitlines()
                  if line.strip() and json.loads(line)["id"] in wanted]
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(work) if work else Path(tmp)
        folder.mkdir(parents=True, exist_ok=True)
        articles, gold = folder / "articles.jsonl", folder / "gold.jsonl"
        articles.write_text("".join(json.dumps({"id": i.id, "text": i.text, "date": i.date}, ensure_ascii=False) + "\n"
                                    for i in items), encoding="utf-8")
        gold.write_text("\n".join(gold_lines) + "\n", encoding="utf-8")
        log(f"{len(items)} articles ({', '.join(splits)}; never test): building with the rules alone")
        # the second build reuses the first's NLP cache
        without, with_ = (_rules_facts(articles, gold, folder / "out", visits) for visits in ("off", "all"))
        counts = {**without, **country_visit_counts(without, with_)}
        sentences, sentence_count = _sentence_counts(Path(realnews), tuple(splits), Path(kind_dir), folder, log) \
            if kind_dir else ({}, 0)
    meta = {"splits": sorted(splits), "articles": len(items), "facts": sum(r + w for r, w in counts.values())}
    if sentence_count:
        meta["sentences"] = sentence_count
        meta["sentence_facts"] = sum(r + w for r, w in sentences.values())
    return RulePrecision({**counts, **sentences}, meta)


def _rules_facts(inputs: Path, gold: Path, out: Path, country_visits: str) -> dict[str, tuple[int, int]]:
    """Build ``inputs`` into ``out`` with the rules alone and count their facts against ``gold``."""
    from kg.build import build
    from kg.export.rdf import read_graph
    from kg.relations.extract import RelationOptions

    build([inputs], output=out, log=lambda _m: None,
          relations=RelationOptions(mode="rules", country_visits=country_visits))
    return count_facts(gold, read_graph(out / "graph.trig"))


def _sentence_counts(realnews: Path, splits: tuple[str, ...], kind_dir: Path, folder: Path,
                     log: Callable[[str], None]) -> tuple[dict[str, tuple[int, int]], int]:
    """Right and wrong facts per predicate's one-sentence key over the annotated KIND sentences
    of ``splits``, each built alone with the rules, and how many sentences they are."""
    from kg.relations.rule_precision import ONE_SENTENCE
    from kg.sentence_eval import sentence_set

    records = [json.loads(x) for x in (realnews / "kind_sentences.jsonl").read_text(encoding="utf-8").splitlines()
               if x.strip()]
    articles, gold = [], []
    for split in splits:
        part = sentence_set(records, kind_dir, split)
        articles += part.articles
        gold += part.gold
    if not articles:
        return {}, 0
    inputs, gold_path = folder / "sentences.jsonl", folder / "sentences_gold.jsonl"
    inputs.write_text("".join(json.dumps(a, ensure_ascii=False) + "\n" for a in articles), encoding="utf-8")
    gold_path.write_text("".join(json.dumps(g, ensure_ascii=False) + "\n" for g in gold), encoding="utf-8")
    log(f"{len(articles)} annotated KIND sentences ({', '.join(splits)}): building each with the rules alone")
    counts = _rules_facts(inputs, gold_path, folder / "sentences_out", "off")
    return {p + ONE_SENTENCE: c for p, c in counts.items()}, len(articles)
