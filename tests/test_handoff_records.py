"""The hand-offs between stages can be saved as JSON and read back (to_dict/from_dict):
ArticleMentions, the linking Resolution, ArticleFacts and ArticleGraphInput, on the golden
articles' annotations (no model)."""
from __future__ import annotations

import importlib.util
import json
from pathlib import Path

import pytest

from kg.consolidation import consolidate
from kg.gazetteer import load_gazetteer
from kg.graph import ArticleGraphInput
from kg.lexicon import load_lexicon
from kg.linking import resolve
from kg.linking.model import Resolution
from kg.mentions import ArticleMentions, find_mentions
from kg.relations.extract import extract_facts
from kg.relations.rules import ArticleFacts

GOLDEN = Path(__file__).resolve().parent / "data" / "golden"
_spec = importlib.util.spec_from_file_location("golden_regenerate", GOLDEN / "regenerate.py")
golden = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(golden)


def through_json(record):
    """``record`` saved as JSON and read back."""
    return type(record).from_dict(json.loads(json.dumps(record.to_dict(), ensure_ascii=False)))


@pytest.fixture(scope="module")
def stages():
    gazetteer, lexicon = load_gazetteer(), load_lexicon()
    mentions = [find_mentions(a, gazetteer, lexicon) for a in golden.load_annotations()]
    resolution = resolve(mentions, gazetteer, lexicon)
    saved_resolution = resolution.to_dict()
    extracted = extract_facts(mentions, resolution, lexicon)
    saved_facts = [f.to_dict() for f in extracted]
    graph_inputs = consolidate(mentions, extracted, resolution)
    return mentions, saved_resolution, saved_facts, graph_inputs


def test_article_mentions_round_trip(stages):
    mentions = stages[0]
    assert any(am.roles for am in mentions) and any(am.mentions for am in mentions)
    for am in mentions:
        back = through_json(am)
        assert isinstance(back, ArticleMentions)
        assert back == am and back.to_dict() == am.to_dict()


def test_the_resolution_round_trips_and_relations_resume_from_it(stages):
    mentions, saved, saved_facts, _ = stages
    assert saved["entities"] and saved["mention_keys"] and saved["surfaces"]
    restored = Resolution.from_dict(json.loads(json.dumps(saved, ensure_ascii=False)))
    assert restored.to_dict() == saved
    # the relation stage run from the saved mentions and resolution finds the same facts
    again = extract_facts([through_json(am) for am in mentions], restored, load_lexicon())
    assert [f.to_dict() for f in again] == saved_facts


def test_article_facts_round_trip(stages):
    saved_facts = stages[2]
    assert any(f["facts"] for f in saved_facts) and any(f["events"] for f in saved_facts)
    for data in saved_facts:
        back = ArticleFacts.from_dict(json.loads(json.dumps(data)))
        assert back.to_dict() == data
        assert through_json(back) == back


def test_graph_inputs_round_trip(stages):
    graph_inputs = stages[3]
    assert any(g.sentences for g in graph_inputs)
    for g in graph_inputs:
        back = through_json(g)
        assert isinstance(back, ArticleGraphInput)
        assert back == g
