"""kg.relations' learned side: candidates, features, article pairs, the JSON scorer, decoding, training.

Model-free: sentences are hand-parsed (tests/parsed.py), linking runs on the shipped
gazetteer, and the scorer is built by hand or trained on synthetic examples.
"""
from __future__ import annotations

import json

import pytest

from kg.gazetteer import load_gazetteer
from kg.lexicon import load_lexicon
from kg.linking import resolve
from kg.mentions import find_mentions
from kg.relations.candidates import candidates, fitting
from kg.relations.decoding import decode
from kg.relations.extract import extract_facts
from kg.relations.features import candidate_features
from kg.relations.pairs import article_pairs, home_or_abroad, office_features
from kg.relations.rules import ArticleFacts
from kg.relations.scorer import Calibration, PredicateModel, RelationScorer, load_scorer
from kg.relations.training import Example, best_threshold, decisions, train_scorer
from tests.parsed import article

PUTIN = ("Vladimir Putin ha parlato a lungo.", """
1 Vladimir Vladimir PROPN 4 nsubj
2 Putin Putin PROPN 1 flat
3 ha avere AUX 4 aux
4 parlato parlare VERB 0 root
5 a a ADP 6 case
6 lungo lungo ADV 4 advmod
7 . . PUNCT 4 punct
""", [("Vladimir Putin", "PER")])

RUSSIA = ("La Russia chiede la pace.", """
1 La il DET 2 det
2 Russia Russia PROPN 3 nsubj
3 chiede chiedere VERB 0 root
4 la il DET 5 det
5 pace pace NOUN 3 obj
6 . . PUNCT 3 punct
""", [("Russia", "LOC")])

BEIJING = ("Putin arriva a Pechino.", """
1 Putin Putin PROPN 2 nsubj
2 arriva arrivare VERB 0 root
3 a a ADP 4 case
4 Pechino Pechino PROPN 2 obl
5 . . PUNCT 2 punct
""", [("Putin", "PER"), ("Pechino", "LOC")])

VISIT = ("Il presidente Emmanuel Macron non ha visitato Berlino.", """
1 Il il DET 3 det
2 presidente presidente NOUN 6 nsubj
3 Emmanuel Emmanuel PROPN 2 nmod
4 Macron Macron PROPN 3 flat
5 non non ADV 7 advmod
6 ha avere AUX 7 aux
7 visitato visitare VERB 0 root
8 Berlino Berlino PROPN 7 obj
9 . . PUNCT 7 punct
""", [("Emmanuel Macron", "PER"), ("Berlino", "LOC")])


@pytest.fixture(scope="module")
def world():
    gaz, lex = load_gazetteer(), load_lexicon()
    am = find_mentions(article(VISIT, article_id="a"), gaz, lex)
    res = resolve([am], gaz, lex)
    return am, res, lex


def keys(am, res):
    return {am.mentions[i].text: res.key_of("a", i) for i in range(len(am.mentions))}


def test_fitting_reads_the_ontology_domains():
    assert "leaderOf" in fitting("Person", "State") and "visited" in fitting("Person", "Place")
    assert "leaderOf" not in fitting("State", "Person")
    assert fitting("Treaty", "Place") == ("criticized", "praised")


def test_candidates_are_ordered_type_fitting_pairs(world):
    am, res, _ = world
    pairs = {(am.mentions[c.a].text, am.mentions[c.b].text): c for c in candidates(am, res)}
    assert ("Emmanuel Macron", "Berlino") in pairs
    assert "visited" in pairs[("Emmanuel Macron", "Berlino")].predicates
    assert "visited" not in pairs[("Berlino", "Emmanuel Macron")].predicates


def test_features_see_the_path_the_trigger_frame_and_the_negation(world):
    am, res, lex = world
    cand = next(c for c in candidates(am, res) if am.mentions[c.a].text == "Emmanuel Macron"
                and am.mentions[c.b].text == "Berlino")
    feats = candidate_features(am, cand, am.annotated.sentences[0], lex, set())
    assert "lca=visitare" in feats and "lca_frame=visit" in feats
    assert "negated" in feats and "neg_near" in feats
    assert "types=Person>Place" in feats and "order=fwd" in feats
    voted = candidate_features(am, cand, am.annotated.sentences[0], lex, {(0, cand.s_key, "visited", cand.o_key)})
    assert "rule=visited" in voted and "rule=visited" not in feats


def tiny_scorer(threshold=0.5):
    return RelationScorer({"visited": PredicateModel(-2.0, {"s:lca_frame=visit": 4.0, "s:negated": -1.0}),
                           "criticized": PredicateModel(-3.0, {})}, threshold)


def test_a_leader_in_a_place_of_another_state_is_abroad():
    gaz, lex = load_gazetteer(), load_lexicon()
    am = find_mentions(article(PUTIN, RUSSIA, BEIJING, article_id="a", date="2024-05-01"), gaz, lex)
    res = resolve([am], gaz, lex)
    k = keys(am, res)
    pairs = {(p.s_key, p.o_key): p for p in article_pairs(am, res, lex, gaz, [])}
    assert "abroad" in pairs[(k["Vladimir Putin"], k["Pechino"])].features
    assert "home" in pairs[(k["Vladimir Putin"], k["Russia"])].features
    assert home_or_abroad(gaz, res, k["Russia"], k["Pechino"]) == []   # a state holds no office


def test_pairs_gather_the_sentences_and_the_article(world):
    am, res, lex = world
    k = keys(am, res)
    pairs = {(p.s_key, p.o_key): p for p in article_pairs(am, res, lex, load_gazetteer(), [])}
    visit = pairs[(k["Emmanuel Macron"], k["Berlino"])]
    assert [i for i, _ in visit.sentences] == [0] and "visited" in visit.predicates
    assert {"s:lca_frame=visit", "s:negated", "nsent=1", "srank=1", "types=Person>Place"} <= set(visit.features)
    assert "nocooc" not in visit.features


def test_an_office_the_gazetteer_knows_makes_a_pair_without_a_shared_sentence():
    gaz, lex = load_gazetteer(), load_lexicon()
    am = find_mentions(article(PUTIN, RUSSIA, article_id="a", date="2024-05-01"), gaz, lex)
    res = resolve([am], gaz, lex)
    k = keys(am, res)
    putin, russia = k["Vladimir Putin"], k["Russia"]
    pairs = {(p.s_key, p.o_key): p for p in article_pairs(am, res, lex, gaz, [])}
    assert {"nocooc", "office=head_of_state", "office_now=head_of_state"} <= set(pairs[(putin, russia)].features)
    assert pairs[(putin, russia)].sentences == [] and pairs[(putin, russia)].first_sentence == 0
    assert "office_now=head_of_government" not in office_features(gaz, putin, russia, 2024)
    assert "office_now=head_of_government" in office_features(gaz, putin, russia, 2010)
    undated = office_features(gaz, putin, russia, None)   # no date: every office the person held counts
    assert {"office_now=head_of_state", "office_now=head_of_government"} <= set(undated)
    leader = RelationScorer({"leaderOf": PredicateModel(-3.0, {"office_now=head_of_state": 6.0})}, 0.5)
    facts = decode(am, res, lex, ArticleFacts(), leader).facts
    assert [(f.subject, f.predicate, f.object, f.evidence.sentence) for f in facts] == [(putin, "leaderOf", russia, 0)]


def test_decoding_has_no_one_meet_the_state_the_gazetteer_has_them_lead():
    gaz, lex = load_gazetteer(), load_lexicon()
    am = find_mentions(article(PUTIN, RUSSIA, article_id="a", date="2024-05-01"), gaz, lex)
    res = resolve([am], gaz, lex)
    k = keys(am, res)
    meeting = RelationScorer({"communicatedWith": PredicateModel(-3.0, {"office_now=head_of_state": 6.0})}, 0.5)
    facts = decode(am, res, lex, ArticleFacts(), meeting).facts
    assert not [f for f in facts if {f.subject, f.object} == {k["Vladimir Putin"], k["Russia"]}]


def test_scorer_round_trips_and_calibrates(tmp_path):
    s = tiny_scorer()
    s.calibration = Calibration([0.1, 0.5, 0.9], [0.0, 0.4, 1.0])
    s.save(tmp_path / "m.json")
    back = RelationScorer.load(tmp_path / "m.json")
    assert back.to_json() == s.to_json()
    assert back.calibration(0.7) == pytest.approx(0.7) and back.calibration(0.05) == 0.0
    assert back.probabilities(["lca_frame=visit"], ["visited", "leaderOf"]).keys() == {"visited"}
    (tmp_path / "bad.json").write_text(json.dumps({"format": "other"}), encoding="utf-8")
    with pytest.raises(ValueError, match="bad.json"):
        RelationScorer.load(tmp_path / "bad.json")


def test_decoding_keeps_negated_facts_out_of_the_asserted_ones(world):
    am, res, lex = world
    out = decode(am, res, lex, ArticleFacts(), tiny_scorer(0.5))
    visits = [f for f in out.facts if f.predicate == "visited"]
    assert len(visits) == 1 and visits[0].status == "negated"
    assert 0.5 <= visits[0].confidence <= 1.0
    assert visits[0].evidence.sentence == 0
    assert decode(am, res, lex, ArticleFacts(), tiny_scorer(0.5), min_confidence=0.99).facts == []


def test_a_rule_fact_without_a_measured_precision_keeps_its_own_and_is_not_doubled(world):
    am, res, lex = world
    k = keys(am, res)
    from kg.records import Evidence, Fact

    s = am.annotated.sentences[0]
    rule = Fact(k["Emmanuel Macron"], "visited", k["Berlino"], Evidence("a", 0, s.start_char, s.end_char, s.text), 0.85)
    out = decode(am, res, lex, ArticleFacts([rule]), tiny_scorer(0.5))
    visits = [f for f in out.facts if f.predicate == "visited"]
    assert len(visits) == 1 and visits[0].confidence == 0.85 and visits[0].status == "asserted"


def test_rule_facts_take_their_predicates_measured_precision(world):
    am, res, lex = world
    k = keys(am, res)
    from kg.records import Evidence, Fact

    s = am.annotated.sentences[0]
    rule = Fact(k["Emmanuel Macron"], "visited", k["Berlino"], Evidence("a", 0, s.start_char, s.end_char, s.text), 0.85)
    scorer = tiny_scorer(0.5)
    scorer.rule_confidence = {"visited": 0.6}
    out = decode(am, res, lex, ArticleFacts([rule]), scorer)
    assert [f.confidence for f in out.facts if f.predicate == "visited"] == [0.6]
    strict = decode(am, res, lex, ArticleFacts([rule]), scorer, min_confidence=0.7).facts
    assert strict and all(f.confidence >= 0.7 for f in strict)   # the rule's fact goes, the scorer's may stay


def test_rule_precision_is_smoothed_per_predicate():
    from kg.relations.training import rule_precision

    ex = [Example("i", "train", ("visited",), ["rule_art=visited"], frozenset({"visited"})),
          Example("j", "train", ("visited",), ["rule_art=visited", "s:rule=visited"], frozenset()),
          Example("k", "train", ("visited",), ["s:rule=visited"], frozenset())]
    assert rule_precision(ex) == {"visited": 0.5}


def test_rules_mode_keeps_the_rules_facts_with_their_measured_confidence(world):
    am, res, lex = world
    scorer = tiny_scorer(0.5)
    scorer.rule_confidence = {"visited": 0.6, "leaderOf": 0.9}
    rules = extract_facts([am], res, lex, "rules", scorer=None)[0].facts
    scored = extract_facts([am], res, lex, "rules", scorer=scorer)[0].facts
    assert [(f.subject, f.predicate, f.object) for f in scored] == [(f.subject, f.predicate, f.object) for f in rules]
    assert all(f.confidence == scorer.rule_confidence.get(f.predicate, g.confidence) for f, g in zip(scored, rules))
    # a chosen confidence brings the scorer's facts in: the negated visit is found, not asserted
    chosen = extract_facts([am], res, lex, "rules", scorer=scorer, min_confidence=0.5)[0].facts
    assert any(f.predicate == "visited" and f.status == "negated" for f in chosen)


def test_the_default_is_the_rules_and_the_scorer(world):
    am, res, lex = world
    scorer = tiny_scorer(0.5)
    default = extract_facts([am], res, lex, scorer=scorer)[0].facts
    assert default == extract_facts([am], res, lex, "combined", scorer=scorer)[0].facts
    assert any(f.predicate == "visited" and f.status == "negated" for f in default)
    # above the scorer's threshold nothing is added: the facts are the rules' own
    strict = extract_facts([am], res, lex, scorer=tiny_scorer(0.99))[0].facts
    rules = extract_facts([am], res, lex, "rules", scorer=tiny_scorer(0.99))[0].facts
    assert strict == rules and len(default) >= len(rules)


def test_rules_mode_needs_no_scorer(world):
    am, res, lex = world
    assert extract_facts([am], res, lex, "rules")[0].facts == extract_facts([am], res, lex, "rules")[0].facts
    with pytest.raises(ValueError, match="relation mode"):
        extract_facts([am], res, lex, "magic")


def test_threshold_keeps_the_target_precision():
    points = [(0.9, True, 1, "visited"), (0.8, True, 1, "visited"), (0.7, False, 0, "visited"),
              (0.6, True, 1, "visited"), (0.5, False, 0, "visited"), (0.4, False, 1, "visited")]
    t, f1 = best_threshold(points, 0.75)
    assert t == 0.6 and f1 == pytest.approx(2 * 3 / (4 + 4))


def test_predicates_with_enough_decisions_get_their_own_calibration():
    from kg.relations.training import MIN_CALIBRATION, calibrations

    n = MIN_CALIBRATION
    points = [(0.9, i % 4 != 0, 1, "leaderOf") for i in range(4 * n)] + \
             [(0.9, i % 4 == 0, 1, "visited") for i in range(4 * n)] + [(0.5, True, 1, "signed")] * 3
    overall, own = calibrations(points)
    assert set(own) == {"leaderOf", "visited"}            # signed: too few to fit its own
    assert own["leaderOf"](0.9) == pytest.approx(0.75) and own["visited"](0.9) == pytest.approx(0.25)
    scorer = RelationScorer({p: PredicateModel(0.0, {}) for p in ("leaderOf", "visited", "signed")}, 0.5,
                            overall, calibrations=own)
    probs = scorer.probabilities([], ["leaderOf", "visited", "signed"])
    assert probs["leaderOf"] > probs["visited"] and probs["signed"] == round(overall(0.5), 4)


def test_training_learns_a_separable_signal_deterministically():
    pytest.importorskip("sklearn")
    examples = []
    for i in range(120):
        positive = i % 3 == 0
        feats = ["types=Person>Place", "lca=visitare" if positive else f"lca=w{i % 7}", f"noise={i % 5}"]
        examples.append(Example(f"item{i // 4}", "dev" if i % 5 == 0 else "train", ("visited", "criticized"),
                                feats, frozenset({"visited"} if positive else set())))
    a, b = train_scorer(examples, log=lambda m: None), train_scorer(examples, log=lambda m: None)
    assert a.to_json() == b.to_json()
    assert a.predicates["visited"].weights["lca=visitare"] > 1.0
    probs = a.probabilities(["types=Person>Place", "lca=visitare"], ["visited"])
    assert probs["visited"] >= a.threshold
    assert sum(ok for _, ok, _, _ in decisions(a.predicates, examples)) == 40


def test_the_shipped_scorer_loads_when_present():
    scorer = load_scorer()
    if scorer is None:
        pytest.skip("no relation scorer ships in this checkout")
    assert 0.0 < scorer.threshold < 1.0 and scorer.predicates
