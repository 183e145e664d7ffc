"""The consolidation stage (kg.consolidation) with no model: hand-made facts, events and
entities in, the graph stage's input out."""
from __future__ import annotations

from collections import Counter

from kg.consolidation import consolidate, prune_article
from kg.linking import Resolution
from kg.mentions import ArticleMentions
from kg.records import AnnotatedArticle, Article, Entity, Event, Evidence, Fact, Sentence
from kg.relations import ArticleFacts

TEXT = "Putin e Kim hanno firmato il patto. Il trattato è in vigore. Piove."


def _article(article_id: str = "a1") -> ArticleMentions:
    sentences = [Sentence(0, "Putin e Kim hanno firmato il patto.", 0, 35),
                 Sentence(1, "Il trattato è in vigore.", 36, 60), Sentence(2, "Piove.", 61, 67)]
    return ArticleMentions(AnnotatedArticle(Article(article_id, f"{article_id}.txt", TEXT), sentences, "test"))


def _evidence(sentence: int, article_id: str = "a1") -> Evidence:
    return Evidence(article_id, sentence, 0, 5, "x")


def _fact(s, p, o, sentence=0, date=None, status="asserted") -> Fact:
    return Fact(s, p, o, _evidence(sentence), 0.9, date=date, status=status)


def _resolution(*keys: str, surfaces: dict[str, int] = None) -> Resolution:
    r = Resolution()
    for k in keys:
        r.entities[k] = Entity(k, "Treaty" if k.startswith("t-") else "Person", k.upper(), articles=["a1"])
    for k, n in (surfaces or {}).items():
        r.surfaces[k] = Counter({k: n})
    return r


def test_one_treaty_signed_by_the_same_parties_in_a_year_is_merged_into_the_most_mentioned():
    r = _resolution("putin", "kim", "russia", "t-patto", "t-trattato", surfaces={"t-patto": 1, "t-trattato": 3})
    facts = ArticleFacts([_fact("putin", "leaderOf", "russia"),
                          _fact("putin", "signed", "t-patto", date="2024-06-19"),
                          _fact("russia", "signed", "t-trattato", sentence=1, date="2024"),
                          _fact("kim", "signed", "t-patto", date="2024-06-19")])
    [out] = consolidate([_article()], [facts], r)
    assert "t-patto" not in r.entities and "T-PATTO" in r.entities["t-trattato"].alt_labels
    assert {(f.subject, f.object) for f in out.facts if f.predicate == "signed"} == \
        {("putin", "t-trattato"), ("russia", "t-trattato"), ("kim", "t-trattato")}
    assert out.article.id == "a1" and sorted(out.sentences) == [0, 1]
    assert out.sentences[1] == (36, 60, "Il trattato è in vigore.")


def test_no_signing_in_common_merges_nothing():
    r = _resolution("putin", "kim", "t-a", "t-b")
    facts = ArticleFacts([_fact("putin", "signed", "t-a", date="2023"), _fact("kim", "signed", "t-b", date="2024")])
    [out] = consolidate([_article()], [facts], r)
    assert set(r.entities) == {"putin", "kim", "t-a", "t-b"} and len(out.facts) == 2


def test_facts_whose_ends_vanished_are_dropped_and_events_pruned():
    r = _resolution("putin", "kim")
    event = Event("Meeting", {"participant": ["putin", "gone", "kim"]}, _evidence(1), place="nowhere")
    facts = ArticleFacts([_fact("putin", "met", "kim"), _fact("putin", "met", "gone", sentence=2)], [event])
    out = prune_article(_article(), facts, r)
    assert [(f.subject, f.object) for f in out.facts] == [("putin", "kim")]
    assert out.events[0].participants == {"participant": ["putin", "kim"]} and out.events[0].place is None
    assert sorted(out.sentences) == [0, 1]   # sentence 2 cited only by the dropped fact


def test_articles_keep_their_order_and_their_own_sentences():
    r = _resolution("putin", "kim")
    outs = consolidate([_article("a1"), _article("a2")],
                       [ArticleFacts([_fact("putin", "met", "kim", sentence=2)]), ArticleFacts()], r)
    assert [o.article.id for o in outs] == ["a1", "a2"]
    assert list(outs[0].sentences) == [2] and outs[1].sentences == {} and outs[1].facts == []
