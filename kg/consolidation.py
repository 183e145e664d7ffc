"""The consolidation stage: the corpus-level clean-up between relations and the graph.

After every article's facts are extracted, one treaty may still be two entities (named two
ways, signed by the same parties in the same year: kg.linking.treaties_by_signing). This
stage merges them (kg.linking.merge_entities), rewrites the facts and events to the kept
keys (kg.relations.remap_facts), drops the facts whose subject or object is no longer an
entity, prunes event participants and places that vanished, and cuts each article's text
down to the sentences that some fact or event cites. Its output is what the graph stage
(kg.graph.build_dataset) reads: one ArticleGraphInput per article.
"""
from __future__ import annotations

from typing import Sequence

from kg.graph import ArticleGraphInput
from kg.linking import Resolution, merge_entities, treaties_by_signing
from kg.mentions import ArticleMentions
from kg.relations import ArticleFacts, remap_facts

__all__ = ["consolidate", "prune_article"]


def consolidate(mentions: Sequence[ArticleMentions], extracted: Sequence[ArticleFacts],
                resolution: Resolution, entity_filter=None) -> list[ArticleGraphInput]:
    """The graph stage's input, one per article (in order); ``resolution`` loses the merged
    entities and ``extracted``'s facts and events are rewritten in place. ``entity_filter``
    (kg.entity_filter), when given, first drops each article's improbable entities."""
    if entity_filter is not None:
        from kg.entity_filter import filter_entities

        filter_entities(mentions, extracted, resolution, entity_filter)
    remap = treaties_by_signing([f for x in extracted for f in x.facts], resolution,
                                [e for x in extracted for e in x.events])
    merge_entities(resolution, remap)
    return [prune_article(am, remap_facts(facts, remap), resolution) for am, facts in zip(mentions, extracted)]


def prune_article(am: ArticleMentions, facts: ArticleFacts, resolution: Resolution) -> ArticleGraphInput:
    """One article's facts and events with every end an entity of ``resolution``, and the
    sentences they cite as (start, end, text) by index."""
    entities = resolution.entities
    facts.facts = [f for f in facts.facts if f.subject in entities and f.object in entities]
    for e in facts.events:
        e.participants = {r: [k for k in ks if k in entities] for r, ks in e.participants.items()}
        if e.place and e.place not in entities:
            e.place = None
    cited = {f.evidence.sentence for f in facts.facts} | {e.evidence.sentence for e in facts.events}
    sentences = {s.index: (s.start_char, s.end_char, s.text) for s in am.annotated.sentences if s.index in cited}
    return ArticleGraphInput(am.annotated.article, facts.facts, list(facts.events), sentences)
