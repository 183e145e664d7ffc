"""Training the entity filter (kg.entity_filter) on bench/realnews train and dev, deterministically.

Every item (a KIND sentence of the train or dev split, or a cached dev article) goes through
kg's own NER, mentions and linking; each entity of an item is positive when kg eval's own
matching pairs it with one of that item's gold entities. One logistic regression (scikit-
learn, L2); the threshold is the one with the best cross-validated entity F1 (5 folds by
item), counting a dropped true entity as a miss. The test split is never read.
"""
from __future__ import annotations

import json
from pathlib import Path
from typing import Callable

from kg.entity_filter import EntityFilter, entity_features, mentions_by_key
from kg.json_model import fit_logistic

THRESHOLDS = tuple(round(0.05 * i, 2) for i in range(1, 15))
C = 1.0


def gold_items(realnews: Path, kind_dir: Path, splits: tuple[str, ...]) -> dict[str, tuple[str, str, list[dict]]]:
    """Item id -> (split, text, gold entities in the document format)."""
    from kg.relations.training import article_items
    from kg.sentence_eval import sentence_set

    records = [json.loads(x) for x in (realnews / "kind_sentences.jsonl").read_text(encoding="utf-8").splitlines() if x]
    out = {}
    for split in splits:
        data = sentence_set(records, kind_dir, split)
        for a, g in zip(data.articles, data.gold):
            out[a["id"]] = (split, a["text"], g["entities"])
    for it in article_items(realnews, splits):
        out[it.id] = (it.split, it.text, it.entities)
    return out


def entity_examples(items: dict[str, tuple[str, str, list[dict]]], log: Callable[[str], None] = print) -> list[dict]:
    """One row per (item, entity): features and whether it matches the item's gold; and one
    row per item with the gold entities kg found nothing for (they are misses either way)."""
    from kg.records import Article
    from kg.relations.training import analyse, gold_matches

    mentions, res, _ = analyse([Article(id=i, source=i, text=items[i][1]) for i in sorted(items)], log)
    rows = []
    for am in mentions:
        aid = am.annotated.article.id
        split, _, gold_entities = items[aid]
        keys = mentions_by_key(am, res)
        matched = gold_matches(aid, gold_entities, keys, res)
        gold_keys = {g["key"] for g in gold_entities}
        for k, idx in sorted(keys.items()):
            rows.append({"item": aid, "split": split, "features": entity_features(am, res, k, idx), "ok": k in matched})
        rows.append({"item": aid, "split": split, "unfound": len(gold_keys) - len(set(matched.values()))})
    return rows


def _fit(rows: list[dict]):
    return fit_logistic([r["features"] for r in rows], [int(r["ok"]) for r in rows], C)


def _f1(tp: int, fp: int, fn: int) -> float:
    return 2 * tp / (2 * tp + fp + fn) if tp else 0.0


def train_entity_filter(rows: list[dict], log: Callable[[str], None] = print, folds: int = 5) -> EntityFilter:
    ents = [r for r in rows if "features" in r]
    unfound = sum(r["unfound"] for r in rows if "unfound" in r)
    items = sorted({r["item"] for r in ents})
    fold = {a: i % folds for i, a in enumerate(items)}
    probs: list[float] = [0.0] * len(ents)
    for k in range(folds):
        weights, bias = _fit([r for r in ents if fold[r["item"]] != k])
        flt = EntityFilter(bias, weights, 0.0)
        for i, r in enumerate(ents):
            if fold[r["item"]] == k:
                probs[i] = flt.probability(r["features"])
    tp_all = sum(r["ok"] for r in ents)
    base = _f1(tp_all, len(ents) - tp_all, unfound)
    scores = {}
    for t in THRESHOLDS:
        tp = sum(1 for r, p in zip(ents, probs) if r["ok"] and p >= t)
        fp = sum(1 for r, p in zip(ents, probs) if not r["ok"] and p >= t)
        scores[t] = _f1(tp, fp, unfound + tp_all - tp)
    threshold = max(THRESHOLDS, key=lambda t: (round(scores[t], 4), -t))
    log(f"entity F1 over the training items: {base:.3f} unfiltered, {scores[threshold]:.3f} cross-validated "
        f"at threshold {threshold}")
    weights, bias = _fit(ents)
    return EntityFilter(bias, weights, threshold, {"items": len(items), "entities": len(ents), "C": C,
                                                   "f1_unfiltered": round(base, 4),
                                                   "f1_cross_validated": round(scores[threshold], 4),
                                                   "splits": sorted({r["split"] for r in ents})})
