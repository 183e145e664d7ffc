"""Training the demonym reading (kg.mentions.demonym_reading) on bench/realnews, deterministically.

Every demonym kg finds (before any decision) in the KIND sentences and the cached articles of
the training splits is an example. In a KIND sentence it stands for its state when a gold State
span covers it (the sentence gold marks such demonyms, as the annotation guidelines ask); in an
article, when the article's gold lists it among a state's forms ("~russi"), the only way the
document gold records it. One logistic regression (scikit-learn, L2); C and the threshold are
the ones with the best accuracy over cross-validated predictions (5 folds by item), and the
shipped model is fitted on all the examples. The test split is never read.
"""
from __future__ import annotations

import json
from pathlib import Path
from typing import Callable

from kg.json_model import fit_logistic
from kg.mentions.demonym_reading import DemonymReading, demonym_features

C_GRID = (0.1, 0.3, 1.0, 3.0)
THRESHOLDS = tuple(round(0.05 * i, 2) for i in range(4, 17))
FOLDS = 5


def _state_spans(realnews: Path, kind_dir: Path, splits: tuple[str, ...]) -> tuple[list, dict[str, list]]:
    """The KIND sentence items and, per item, the character spans of its gold State mentions."""
    from kg.relations.training import sentence_items

    gold_path = realnews / "kind_sentences.jsonl"
    types = {e["key"]: e["type"] for line in gold_path.read_text(encoding="utf-8").splitlines() if line.strip()
             for e in json.loads(line)["entities"]}
    items = sentence_items(gold_path, kind_dir, splits)
    return items, {it.id: [(s, e) for s, e, k in it.mentions if types.get(k) == "State"] for it in items}


def demonym_examples(realnews: Path, kind_dir: Path, splits: tuple[str, ...],
                     log: Callable[[str], None] = print) -> list[dict]:
    """One row per demonym kg finds in a training item: its features and whether it stands for its state."""
    from kg.records import Article
    from kg.relations.training import analyse, article_items

    sentences, spans = _state_spans(realnews, kind_dir, splits)
    items = sentences + article_items(realnews, splits)
    mentions, _, lexicon = analyse([Article(id=it.id, source=it.id, text=it.text, date=it.date) for it in items],
                                   log, demonyms=lambda s, m: True)
    by_id = {it.id: it for it in items}
    rows = []
    for am in mentions:
        item = by_id[am.annotated.article.id]
        forms = None if item.entities is None else {
            f.lstrip("~").lower() for e in item.entities if e.get("type") == "State" for f in e.get("forms", [])}
        sentence_of = {s.index: s for s in am.annotated.sentences}
        for m in am.mentions:
            if m.kind != "demonym":
                continue
            if forms is None:
                label = any(s < m.end_char and m.start_char < e for s, e in spans[item.id])
            else:
                label = m.text.lower() in forms
            rows.append({"item": item.id, "split": item.split, "source": "sentence" if forms is None else "article",
                         "features": demonym_features(sentence_of[m.sentence], m, lexicon), "label": label})
    return rows


def _fit(rows: list[dict], c: float) -> tuple[dict[str, float], float]:
    return fit_logistic([r["features"] for r in rows], [int(r["label"]) for r in rows], c)


def _cross_validated(rows: list[dict], c: float) -> list[float]:
    items = sorted({r["item"] for r in rows})
    fold = {a: i % FOLDS for i, a in enumerate(items)}
    probs = [0.0] * len(rows)
    for k in range(FOLDS):
        weights, bias = _fit([r for r in rows if fold[r["item"]] != k], c)
        model = DemonymReading(bias, weights, 0.5)
        for i, r in enumerate(rows):
            if fold[r["item"]] == k:
                probs[i] = model.probability(r["features"])
    return probs


def train_demonym_reading(rows: list[dict], log: Callable[[str], None] = print) -> DemonymReading:
    """Fit the reading on ``rows`` (from demonym_examples); C and threshold by cross-validated accuracy."""
    if not rows or len({r["label"] for r in rows}) < 2:
        raise ValueError("the training items hold no demonyms of both readings")
    rule = sum(("rule_private" not in r["features"]) == r["label"] for r in rows) / len(rows)
    best = (-1.0, 0.0, 0.5)
    for c in C_GRID:
        probs = _cross_validated(rows, c)
        for t in THRESHOLDS:
            acc = sum((p >= t) == r["label"] for p, r in zip(probs, rows)) / len(rows)
            if acc > best[0]:
                best = (acc, c, t)
    acc, c, threshold = best
    log(f"{len(rows)} demonyms ({sum(r['label'] for r in rows)} standing for a state): cross-validated accuracy "
        f"{acc:.3f} at C {c}, threshold {threshold}; the hand rule {rule:.3f}")
    weights, bias = _fit(rows, c)
    meta = {"examples": len(rows), "positives": sum(r["label"] for r in rows), "C": c,
            "cv_accuracy": round(acc, 4), "rule_accuracy": round(rule, 4),
            "splits": sorted({r["split"] for r in rows})}
    return DemonymReading(bias, weights, threshold, meta)
