"""The relations stage of a build: the hand rules, then the learned scorer over article pairs.

``mode`` chooses what makes a fact: ``combined`` (the default: the hand rules' facts, each
with the confidence its predicate earns on the training articles, plus the facts the learned
scorer finds for the article's entity pairs at or above its threshold), ``rules`` (the rules'
facts alone) or ``learned`` (the scorer alone, for the ablation; use a model trained without
rule features). ``min_confidence`` keeps the facts at or above it and lets in the scorer's
facts above it: one knob from precision to recall.

The default is combined because on the dev split (scorer trained on train only) it kept the
rules' precision (0.731 vs 0.755) and found more (recall 0.341 vs 0.287 per article, KIND
sentences F1 0.256 vs 0.198); docs/relations.md has the figures.
"""
from __future__ import annotations

import copy
from dataclasses import dataclass
from pathlib import Path
from typing import Optional, Sequence

from kg.lexicon import Lexicon
from kg.linking import Resolution
from kg.mentions import ArticleMentions
from kg.relations.country_visits import COUNTRY_VISIT, with_country_visits
from kg.relations.decoding import decode, with_rule_confidence
from kg.relations.rule_precision import load_rule_precision
from kg.relations.rules import ArticleFacts, RelationExtractor
from kg.relations.scorer import RelationScorer, load_scorer

MODES = ("combined", "learned", "rules")
COUNTRY_VISIT_MODES = ("measured", "all", "off")


@dataclass(frozen=True)
class RelationOptions:
    """How a build makes facts: kg build --relations, --min-confidence, --relation-model."""

    mode: str = "combined"
    min_confidence: Optional[float] = None
    model: Optional[Path] = None
    entity_filter: Optional[Path] = None     # kg build --entity-filter FILE (default: the shipped one)
    use_entity_filter: bool = True           # kg build --no-entity-filter
    demonym_model: Optional[Path] = None     # kg build --demonym-model FILE (default: the shipped one)
    use_demonym_model: bool = True           # kg build --no-demonym-model: the hand rule decides
    rule_precision: Optional[Path] = None    # kg build --rule-precision FILE (default: the shipped one)
    country_visits: str = "measured"         # "off" and "all" to measure them (kg.rule_measurement)


def extract_facts(mentions: Sequence[ArticleMentions], resolution: Resolution, lexicon: Lexicon,
                  mode: str = "combined", scorer: Optional[RelationScorer] = None,
                  scorer_path: Optional[Path] = None, min_confidence: Optional[float] = None,
                  rule_precision_path: Optional[Path] = None, country_visits: str = "measured") -> list[ArticleFacts]:
    """Facts and events of each article, in input order. Where the scorer is loaded, a rule's
    fact takes its predicate's precision from the rule precision table (the shipped one or
    ``rule_precision_path``; kg.relations.rule_precision), else from the scorer's own.

    A visit of a city is a visit of its country too where the article names it
    (kg.relations.country_visits): with ``country_visits`` "measured", at the precision the table
    measures for such visits and kept where that reaches the scorer's threshold (or
    ``min_confidence``), like the scorer's facts; "all" adds every one at its city visit's
    confidence and "off" none (the two builds that measure them)."""
    if mode not in MODES:
        raise ValueError(f"relation mode {mode!r}: expected one of {', '.join(MODES)}")
    if country_visits not in COUNTRY_VISIT_MODES:
        raise ValueError(f"country visits {country_visits!r}: expected one of {', '.join(COUNTRY_VISIT_MODES)}")
    extractor = RelationExtractor(lexicon, resolution)
    rules = [extractor.extract(am) for am in mentions]
    given = scorer is not None      # a scorer passed in keeps its own table unless a path says otherwise
    scorer = scorer or load_scorer(scorer_path)
    table = load_rule_precision(rule_precision_path) if scorer is not None and (rule_precision_path or not given) else None
    if table is not None:
        scorer = copy.copy(scorer)
        scorer.rule_confidence = {**scorer.rule_confidence, **table.precision}
    if mode == "rules" and min_confidence is not None:
        mode = "combined"   # a chosen confidence is a chosen trade-off: every fact above it
    if scorer is None:
        out = rules if min_confidence is None else [
            ArticleFacts([f for f in r.facts if f.confidence >= min_confidence], r.events) for r in rules]
    elif mode == "learned":
        out = [decode(am, resolution, lexicon, r, scorer, min_confidence, keep_rules=False)
               for am, r in zip(mentions, rules)]
    elif mode == "rules":
        out = [with_rule_confidence(r, scorer, len(am.annotated.sentences)) for am, r in zip(mentions, rules)]
    else:
        out = [decode(am, resolution, lexicon, r, scorer, min_confidence) for am, r in zip(mentions, rules)]
    return _with_country_visits(mentions, resolution, out, scorer, min_confidence, country_visits)


def _with_country_visits(mentions: Sequence[ArticleMentions], resolution: Resolution, out: list[ArticleFacts],
                         scorer: Optional[RelationScorer], min_confidence: Optional[float],
                         country_visits: str) -> list[ArticleFacts]:
    """``out`` with the countries' visits ``country_visits`` asks for (extract_facts)."""
    if country_visits == "all":
        return [with_country_visits(am, resolution, facts) for am, facts in zip(mentions, out)]
    precision = scorer.rule_confidence.get(COUNTRY_VISIT) if scorer is not None else None
    floor = (scorer.threshold if min_confidence is None else min_confidence) if scorer is not None else None
    if country_visits == "off" or precision is None or precision < floor:
        return out      # unmeasured they would carry a confidence that means nothing; below the floor, none passes
    return [with_country_visits(am, resolution, facts, precision, floor) for am, facts in zip(mentions, out)]
