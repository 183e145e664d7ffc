"""The two learned models kg ships as JSON (the relation scorer, the entity filter) share
their arithmetic and their file handling: a sigmoid over summed indicator weights, and a
versioned JSON file written atomically (same bytes for the same model) and read back with a
clear error naming the file. No pickle, no scikit-learn at run time."""
from __future__ import annotations

import json
import math
from pathlib import Path
from typing import Iterable

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
