"""The relations stage of a build: the hand rules, then the learned scorer over candidates.

``mode`` chooses what makes a fact: ``combined`` (the default: the rules vote as features of
the scorer and keep the facts it has no say on), ``learned`` (the scorer alone, for the
ablation; use a model trained without rule features) or ``rules`` (the hand rules alone, as
before the scorer). ``min_confidence`` overrides the scorer's own threshold.
"""
from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Optional, Sequence

from kg.lexicon import Lexicon
from kg.linking import Resolution
from kg.mentions import ArticleMentions
from kg.relations.decoding import decode
from kg.relations.rules import ArticleFacts, RelationExtractor
from kg.relations.scorer import RelationScorer, load_scorer

MODES = ("combined", "learned", "rules")


@dataclass(frozen=True)
class RelationOptions:
    """How a build makes facts: kg build --relations, --min-confidence, --relation-model."""

    mode: str = "combined"
    min_confidence: Optional[float] = None
    model: Optional[Path] = None


def extract_facts(mentions: Sequence[ArticleMentions], resolution: Resolution, lexicon: Lexicon,
                  mode: str = "combined", scorer: Optional[RelationScorer] = None,
                  scorer_path: Optional[Path] = None, min_confidence: Optional[float] = None) -> list[ArticleFacts]:
    """Facts and events of each article, in input order."""
    if mode not in MODES:
        raise ValueError(f"relation mode {mode!r}: expected one of {', '.join(MODES)}")
    extractor = RelationExtractor(lexicon, resolution)
    rules = [extractor.extract(am) for am in mentions]
    scorer = scorer or (load_scorer(scorer_path) if mode != "rules" else None)
    if scorer is None:
        if min_confidence is None:
            return rules
        return [ArticleFacts([f for f in r.facts if f.confidence >= min_confidence], r.events) for r in rules]
    if mode == "learned":
        return [decode(am, resolution, lexicon, ArticleFacts([], r.events), scorer, min_confidence, keep_rules=False)
                for am, r in zip(mentions, rules)]
    return [decode(am, resolution, lexicon, r, scorer, min_confidence) for am, r in zip(mentions, rules)]
