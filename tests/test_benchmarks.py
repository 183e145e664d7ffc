"""The development articles of bench/unseen*/ with the shipped models: a regression check.

Each rule kg learnt from these articles has its own hand-parsed test; this one guards the
whole: built together with the rules alone (`--relations rules`), as a user would build a folder of
news, they must keep the precision and recall they had when the rules were written
(bench/unseen*/README.md). The default adds the learned scorer's facts, which is measured on real
news (bench/realnews), not here: these articles were written for the rules. The held-out
articles of bench/heldout/ are deliberately not here: they are scored by hand, once.
"""
from __future__ import annotations

from pathlib import Path

import pytest

from kg.build import build
from kg.evaluation import load_gold, read_prediction, score
from kg.relations.extract import RelationOptions

ROOT = Path(__file__).resolve().parent.parent
BATCHES = sorted(p for p in (ROOT / "bench").glob("unseen*") if (p / "gold.jsonl").exists())


@pytest.mark.model
def test_the_development_articles_keep_their_scores(tmp_path):
    assert len(BATCHES) >= 8
    gold = tmp_path / "gold.jsonl"
    gold.write_text("".join((b / "gold.jsonl").read_text(encoding="utf-8") for b in BATCHES), encoding="utf-8")
    result = build([b / "articles" for b in BATCHES], output=tmp_path / "out", cache=False, log=lambda _m: None,
                   relations=RelationOptions(mode="rules"))
    assert result.ok and result.articles == sum(len(list((b / "articles").glob("*.txt"))) for b in BATCHES)
    scores = score(load_gold(gold), read_prediction(tmp_path / "out" / "graph.ttl")).to_dict()
    relations, entities = scores["relations_micro"], scores["entities_micro"]
    assert relations["precision"] >= 0.96 and relations["recall"] >= 0.89, relations
    assert entities["f1"] >= 0.96, entities
