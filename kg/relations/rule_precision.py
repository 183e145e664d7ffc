"""How often the hand rules are right, per predicate, on the real-news articles: the confidence
a rule's fact carries (kg.relations.decoding), so that 0.9 means right nine times in ten.

Measured by building the cached train (and dev) articles of bench/realnews with the rules alone
and matching each article's facts to its gold as `kg eval` does (kg.article_eval); Laplace-
smoothed, (right + 1) / (facts + 2). It is kept apart from the relation scorer: the rules change
more often than the scorer is retrained, and a stale table makes every confidence wrong (the
scorer's own table, counted over its training pairs when it was fitted, put leaderOf at 0.81
where the rules are now right 94 times in 100). `kg models measure-rules` writes it; test is
never read (kg.rule_measurement does the measuring).
"""
from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Optional

from kg.json_model import load_model, save_model
from kg.resources import SHIPPED_MODELS_DIR

FORMAT = "kg-rule-precision/1"
SHIPPED = SHIPPED_MODELS_DIR / "it_kg_rule_precision.json"
#: A predicate's key with this suffix counts the rules' facts in documents of one sentence (the
#: annotated KIND sentences), where the same rule is right less often than in an article: its
#: gold reads that sentence alone, and so does the rule.
ONE_SENTENCE = "@sentence"


def confidence_key(predicate: str, sentences: Optional[int]) -> str:
    """The table's key for a rule's fact of ``predicate`` in a document of ``sentences``
    sentences (None: a document whose size is not known, read as an article)."""
    return predicate + ONE_SENTENCE if sentences is not None and sentences <= 1 else predicate


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
