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
from kg.relations.decoding import decode, with_rule_confidence
from kg.relations.rule_precision import load_rule_precision
from kg.relations.rules import ArticleFacts, RelationExtractor
from kg.relations.scorer import RelationScorer, load_scorer

MODES = ("combined", "learned", "rules")


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


def extract_facts(mentions: Sequence[ArticleMentions], resolution: Resolution, lexicon: Lexicon,
                  mode: str = "combined", scorer: Optional[RelationScorer] = None,
                  scorer_path: Optional[Path] = None, min_confidence: Optional[float] = None,
                  rule_precision_path: Optional[Path] = None) -> list[ArticleFacts]:
    """Facts and events of each article, in input order. Where the scorer is loaded, a rule's
    fact takes its predicate's precision from the rule precision table (the shipped one or
    ``rule_precision_path``; kg.relations.rule_precision), else from the scorer's own."""
    if mode not in MODES:
        raise ValueError(f"relation mode {mode!r}: expected one of {', '.join(MODES)}")
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
        if min_confidence is None:
            return rules
        return [ArticleFacts([f for f in r.facts if f.confidence >= min_confidence], r.events) for r in rules]
    if mode == "learned":
        return [decode(am, resolution, lexicon, r, scorer, min_confidence, keep_rules=False)
                for am, r in zip(mentions, rules)]
    if mode == "rules":
        return [with_rule_confidence(r, scorer) for r in rules]
    return [decode(am, resolution, lexicon, r, scorer, min_confidence) for am, r in zip(mentions, rules)]
