"""The learned models kg ships as JSON (the relation scorer, the entity filter, the demonym
reading) share their arithmetic and their file handling: a sigmoid over summed indicator
weights, and a versioned JSON file written atomically (same bytes for the same model) and read
back with a clear error naming the file. No pickle, no scikit-learn at run time."""
from __future__ import annotations

import json
import math
from dataclasses import dataclass, field
from pathlib import Path
from typing import ClassVar, Iterable

from kg.export.atomic import write_atomic


def logistic(bias: float, weights: dict[str, float], features: Iterable[str]) -> float:
    """The probability a linear model over indicator features gives (z clipped to +-30)."""
    z = bias + sum(weights.get(f, 0.0) for f in features)
    return 1.0 / (1.0 + math.exp(-max(-30.0, min(30.0, z))))


def save_model(path: Path, data: dict) -> None:
    """Write a model's JSON compactly with sorted keys, atomically."""
    write_atomic(Path(path), json.dumps(data, ensure_ascii=False, sort_keys=True, separators=(",", ":")) + "\n")


def load_model(path: Path, fmt: str, what: str) -> dict:
    """A model's JSON, checked to be of format ``fmt``; ``what`` names the model in errors."""
    try:
        data = json.loads(Path(path).read_text(encoding="utf-8"))
    except (OSError, ValueError) as err:
        raise ValueError(f"{path}: cannot read the {what}: {err}") from err
    if data.get("format") != fmt:
        raise ValueError(f"{path}: not {'an' if what[0] in 'aeiou' else 'a'} {what} of format {fmt} "
                         f"(found {data.get('format')!r})")
    return data


def fit_logistic(features: list[Iterable[str]], labels: list[int], c: float) -> tuple[dict[str, float], float]:
    """Training only (scikit-learn, imported here): an L2 logistic regression over indicator
    features, as (weights rounded to 4 places, the negligible ones left out; bias)."""
    from sklearn.feature_extraction import DictVectorizer
    from sklearn.linear_model import LogisticRegression

    vec = DictVectorizer()
    x = vec.fit_transform([{f: 1 for f in fs} for fs in features])
    clf = LogisticRegression(C=c, max_iter=3000).fit(x, labels)
    weights = {str(n): round(float(w), 4) for n, w in zip(vec.get_feature_names_out(), clf.coef_[0]) if abs(w) >= 0.005}
    return weights, round(float(clf.intercept_[0]), 4)


@dataclass
class ThresholdModel:
    """One logistic model over indicator features and the probability at which it says yes.
    A subclass names its file format and what it is, for the errors."""

    bias: float
    weights: dict[str, float]
    threshold: float
    meta: dict = field(default_factory=dict)
    FORMAT: ClassVar[str] = ""
    WHAT: ClassVar[str] = ""

    def probability(self, features: Iterable[str]) -> float:
        return logistic(self.bias, self.weights, features)

    def save(self, path: Path) -> None:
        save_model(path, {"format": self.FORMAT, "bias": self.bias, "threshold": self.threshold,
                          "meta": self.meta, "weights": dict(sorted(self.weights.items()))})

    @classmethod
    def load(cls, path: Path):
        data = load_model(path, cls.FORMAT, cls.WHAT)
        return cls(float(data["bias"]), {k: float(v) for k, v in data["weights"].items()},
                   float(data["threshold"]), data.get("meta", {}))
