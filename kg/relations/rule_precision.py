"""How often the hand rules are right, per predicate, on the real-news articles: the confidence
a rule's fact carries (kg.relations.decoding), so that 0.9 means right nine times in ten.

Measured by building the cached train (and dev) articles of bench/realnews with the rules alone
and matching each article's facts to its gold as `kg eval` does (kg.article_eval); Laplace-
smoothed, (right + 1) / (facts + 2). It is kept apart from the relation scorer: the rules change
more often than the scorer is retrained, and a stale table makes every confidence wrong (the
scorer's own table, counted over its training pairs when it was fitted, put leaderOf at 0.81
where the rules are now right 94 times in 100). `kg models measure-rules` writes it; test is
never read.
"""
from __future__ import annotations

import json
import tempfile
from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable, Optional, Sequence

from kg.json_model import load_model, save_model
from kg.resources import SHIPPED_MODELS_DIR

FORMAT = "kg-rule-precision/1"
SHIPPED = SHIPPED_MODELS_DIR / "it_kg_rule_precision.json"


@dataclass
class RulePrecision:
    """Per predicate, the rules' right and wrong facts on the measured articles."""

    counts: dict[str, tuple[int, int]]
    meta: dict = field(default_factory=dict)

    @property
    def precision(self) -> dict[str, float]:
        return {p: round((right + 1) / (right + wrong + 2), 3) for p, (right, wrong) in sorted(self.counts.items())}

    def to_json(self) -> dict:
        return {"format": FORMAT, "meta": self.meta, "precision": self.precision,
                "counts": {p: {"right": r, "wrong": w} for p, (r, w) in sorted(self.counts.items())}}

    def save(self, path: Path) -> None:
        save_model(path, self.to_json())

    @classmethod
    def load(cls, path: Path) -> "RulePrecision":
        data = load_model(path, FORMAT, "rule precision table")
        try:
            counts = {p: (int(c["right"]), int(c["wrong"])) for p, c in data["counts"].items()}
        except (KeyError, TypeError, ValueError) as err:
            raise ValueError(f"{path}: a rule precision table needs counts of right and wrong facts: {err}") from err
        return cls(counts, data.get("meta", {}))


def load_rule_precision(path: Optional[Path] = None) -> Optional[RulePrecision]:
    """The table at ``path``, or the shipped one; None where there is none."""
    path = Path(path) if path else SHIPPED
    return RulePrecision.load(path) if path.exists() else None


def count_facts(gold_path: Path, graph) -> dict[str, tuple[int, int]]:
    """Right and wrong facts per predicate, article by article (kg eval's matching)."""
    from kg.article_eval import score_articles

    scores = score_articles(gold_path, graph)
    return {p: (s.tp, s.fp) for p, s in sorted(scores.relations.items()) if s.tp + s.fp}


def measure_rule_precision(realnews: Path, splits: Sequence[str] = ("train", "dev"), work: Optional[Path] = None,
                           log: Callable[[str], None] = print) -> RulePrecision:
    """Build the cached articles of ``splits`` with the rules alone and count their facts.
    ``work`` keeps the build (and its NLP cache) for the next run; by default a temporary folder."""
    from kg.build import build
    from kg.export.rdf import read_graph
    from kg.relations.extract import RelationOptions
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
        build([articles], output=folder / "out", log=lambda _m: None, relations=RelationOptions(mode="rules"))
        counts = count_facts(gold, read_graph(folder / "out" / "graph.trig"))
    return RulePrecision(counts, {"splits": sorted(splits), "articles": len(items),
                                  "facts": sum(r + w for r, w in counts.values())})
