"""The learned relation scorer: one logistic model per predicate over indicator features.

The model is a JSON file (weights by feature name, a bias, a decision threshold, and an
isotonic calibration map from raw score to probability), so it loads offline with no
pickle and no scikit-learn: scoring is a sum of weights and a sigmoid. scikit-learn is
used only to train it (kg.relations.training).
"""
from __future__ import annotations

import bisect
from dataclasses import dataclass, field
from pathlib import Path
from typing import Iterable, Optional

from kg.json_model import load_model, logistic, save_model
from kg.resources import SHIPPED_MODELS_DIR

FORMAT = "kg-relation-scorer/2"   # /2: decides on article pairs (kg.relations.pairs)


@dataclass
class PredicateModel:
    bias: float
    weights: dict[str, float]

    def raw(self, features: Iterable[str]) -> float:
        return logistic(self.bias, self.weights, features)


@dataclass
class Calibration:
    """Isotonic map raw probability -> calibrated probability, as sorted breakpoints."""

    xs: list[float] = field(default_factory=list)
    ys: list[float] = field(default_factory=list)

    def __call__(self, p: float) -> float:
        if not self.xs:
            return p
        i = bisect.bisect_left(self.xs, p)
        if i <= 0:
            return self.ys[0]
        if i >= len(self.xs):
            return self.ys[-1]
        x0, x1, y0, y1 = self.xs[i - 1], self.xs[i], self.ys[i - 1], self.ys[i]
        return y0 if x1 == x0 else y0 + (y1 - y0) * (p - x0) / (x1 - x0)


@dataclass
class RelationScorer:
    predicates: dict[str, PredicateModel]
    threshold: float = 0.5                 # on the calibrated probability
    calibration: Calibration = field(default_factory=Calibration)
    meta: dict = field(default_factory=dict)
    #: how often a hand rule's fact of each predicate is right on the training items: the
    #: confidence of the rules' facts, which the scorer's probability under-rates
    rule_confidence: dict[str, float] = field(default_factory=dict)
    #: a predicate's own calibration, where it had enough decisions to fit one
    calibrations: dict[str, Calibration] = field(default_factory=dict)

    def probabilities(self, features: list[str], allowed: Iterable[str]) -> dict[str, float]:
        """Calibrated probability of each allowed predicate for one pair."""
        return {p: round(self.calibrations.get(p, self.calibration)(self.predicates[p].raw(features)), 4)
                for p in allowed if p in self.predicates}

    def to_json(self) -> dict:
        return {"format": FORMAT, "threshold": self.threshold, "meta": self.meta,
                "rule_confidence": dict(sorted(self.rule_confidence.items())),
                "calibration": {"x": self.calibration.xs, "y": self.calibration.ys},
                "calibrations": {p: {"x": c.xs, "y": c.ys} for p, c in sorted(self.calibrations.items())},
                "predicates": {p: {"bias": m.bias, "weights": dict(sorted(m.weights.items()))}
                               for p, m in sorted(self.predicates.items())}}

    def save(self, path: Path) -> None:
        save_model(path, self.to_json())

    @classmethod
    def load(cls, path: Path) -> "RelationScorer":
        data = load_model(path, FORMAT, "relation scorer")
        cal = data.get("calibration") or {}
        return cls({p: PredicateModel(float(m["bias"]), {k: float(v) for k, v in m["weights"].items()})
                    for p, m in data["predicates"].items()},
                   float(data["threshold"]), Calibration(list(cal.get("x", [])), list(cal.get("y", []))),
                   data.get("meta", {}), {k: float(v) for k, v in data.get("rule_confidence", {}).items()},
                   {p: Calibration(list(c["x"]), list(c["y"])) for p, c in data.get("calibrations", {}).items()})


SHIPPED = SHIPPED_MODELS_DIR / "it_kg_relations.json"


def load_scorer(path: Optional[Path] = None) -> Optional[RelationScorer]:
    """The shipped scorer (or ``path``); None when no scorer ships, so the rules work alone."""
    path = Path(path) if path else SHIPPED
    return RelationScorer.load(path) if path.exists() else None
