"""Relations between entities: hand rules over the parse, and a learned scorer over candidates.

candidates (pairs of mentions whose types fit a predicate) -> features -> scorer (a logistic
model trained on bench/realnews) -> decoding (one predicate per pair and direction, a
calibrated confidence) -> facts. The hand rules of kg.relations.rules find facts and events
of their own and vote as features of the scorer.
"""
from kg.relations.rules import (EVENT_CLASS, PAIR_WORDS, ArticleFacts, RelationExtractor, SentenceView,
                                remap_facts)

__all__ = ["EVENT_CLASS", "PAIR_WORDS", "ArticleFacts", "RelationExtractor", "SentenceView", "remap_facts"]
