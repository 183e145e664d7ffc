"""kg.entity_filter: the learned entity filter, model-free (hand-parsed sentences, hand-set weights)."""
from __future__ import annotations

import json

import pytest

from kg.entity_filter import EntityFilter, entity_features, filter_entities, load_entity_filter, mentions_by_key
from kg.gazetteer import load_gazetteer
from kg.lexicon import load_lexicon
from kg.linking import resolve
from kg.mentions import find_mentions
from kg.records import Evidence, Fact
from kg.relations.rules import ArticleFacts
from tests.parsed import article

VISIT = ("Il presidente Emmanuel Macron ha visitato Berlino.", """
1 Il il DET 2 det
2 presidente presidente NOUN 6 nsubj
3 Emmanuel Emmanuel PROPN 2 nmod
4 Macron Macron PROPN 3 flat
5 ha avere AUX 6 aux
6 visitato visitare VERB 0 root
7 Berlino Berlino PROPN 6 obj
8 . . PUNCT 6 punct
""", [("Emmanuel Macron", "PER"), ("Berlino", "LOC")])


@pytest.fixture()
def world():
    gaz, lex = load_gazetteer(), load_lexicon()
    ams = [find_mentions(article(VISIT, article_id=aid), gaz, lex) for aid in ("a", "b")]
    return ams, resolve(ams, gaz, lex)


def keys(am, res):
    return {am.mentions[i].text: res.key_of(am.annotated.article.id, i) for i in range(len(am.mentions))}


def test_features_describe_the_entity_in_its_article(world):
    ams, res = world
    k = keys(ams[0], res)
    feats = entity_features(ams[0], res, k["Berlino"], mentions_by_key(ams[0], res)[k["Berlino"]])
    assert "type=Place" in feats and "ntok=1" in feats and "before=visitare" in feats
    assert "t|Place|before=visitare" in feats and "narts=2" in feats


def test_an_improbable_entity_leaves_the_article_with_its_facts(world):
    ams, res = world
    k = keys(ams[0], res)
    s = ams[0].annotated.sentences[0]
    facts = [ArticleFacts([Fact(k["Emmanuel Macron"], "visited", k["Berlino"],
                                Evidence(aid, 0, s.start_char, s.end_char, s.text), 0.9)]) for aid in ("a", "b")]
    flt = EntityFilter(3.0, {"type=Place": -10.0}, 0.5)       # every place is improbable here
    dropped = filter_entities(ams, facts, res, flt)
    assert dropped == {"a": [k["Berlino"]], "b": [k["Berlino"]]}
    assert k["Berlino"] not in res.entities and k["Emmanuel Macron"] in res.entities
    assert facts[0].facts == [] and facts[1].facts == []


def test_kept_in_one_article_dropped_in_another(world):
    ams, res = world
    k = keys(ams[0], res)
    flt = EntityFilter(3.0, {"type=Place": -10.0}, 0.5)
    filter_entities(ams[:1], [ArticleFacts()], res, flt)     # only the first article is filtered
    assert res.entities[k["Berlino"]].articles == ["b"]


def test_filter_round_trips_and_the_shipped_one_loads(tmp_path):
    flt = EntityFilter(0.5, {"type=Place": -1.0, "linked=True": 2.0}, 0.35, {"items": 3})
    flt.save(tmp_path / "f.json")
    back = EntityFilter.load(tmp_path / "f.json")
    assert (back.bias, back.weights, back.threshold, back.meta) == (flt.bias, flt.weights, flt.threshold, flt.meta)
    assert back.probability(["linked=True"]) > back.probability(["type=Place"])
    (tmp_path / "bad.json").write_text(json.dumps({"format": "x"}), encoding="utf-8")
    with pytest.raises(ValueError, match="bad.json"):
        EntityFilter.load(tmp_path / "bad.json")
    assert load_entity_filter(tmp_path / "missing.json") is None
    shipped = load_entity_filter()
    if shipped is not None:
        assert 0.0 < shipped.threshold < 1.0 and shipped.weights
