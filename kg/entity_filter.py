"""A learned entity filter: drop an entity from an article when it is probably not one.

After linking, each (article, entity) pair is described by indicator features — the entity's
type, whether the gazetteer links it, how often and how (name, demonym, role...) the article
mentions it, the NER's type and confidence for those mentions, the label's shape (words,
capitals, digits, hyphens, lower-case words), whether it appears only in the first sentence
(a headline or a dateline), and the words just around its first mentions — and a logistic
model, trained on bench/realnews train and dev (kg.entity_filter_training), gives the
probability that a careful reader would count it. Below the threshold the entity leaves that
article, with the facts it has there; an entity left in no article leaves the graph. The
model ships as JSON (kg/models/shipped/it_kg_entity_filter.json); with none shipped, nothing
is filtered.
"""
from __future__ import annotations

from pathlib import Path
from typing import Optional, Sequence

from kg.json_model import ThresholdModel
from kg.linking import Resolution
from kg.mentions import ArticleMentions
from kg.resources import SHIPPED_MODELS_DIR

FORMAT = "kg-entity-filter/1"
SHIPPED = SHIPPED_MODELS_DIR / "it_kg_entity_filter.json"


def _lemma(w) -> str:
    return (w.lemma or w.text).lower()


def entity_features(am: ArticleMentions, res: Resolution, key: str, indices: Sequence[int]) -> list[str]:
    """The features of one entity in one article (``indices``: its mentions there)."""
    e = res.entities[key]
    ms = [am.mentions[i] for i in indices]
    words = e.label.split()
    out = [f"type={e.type}", f"linked={e.wikidata is not None}", f"n={min(len(ms), 4)}"]
    out += [f"kind={m.kind}" for m in ms] + [f"mtype={m.type}" for m in ms]
    out += [f"ntok={min(len(words), 4)}", f"caps={e.label.isupper()}", f"short={len(e.label) <= 3}",
            f"digit={any(c.isdigit() for c in e.label)}", f"lowerword={any(w[:1].islower() for w in words)}",
            f"hyphen={'-' in e.label}", f"first_sent={all(m.sentence == 0 for m in ms)}",
            f"narts={min(len(e.articles), 5)}", f"conf={round(min(m.confidence for m in ms), 1)}"]
    out += [f"t|{e.type}|{x}" for x in list(out)]
    sentences = {s.index: s for s in am.annotated.sentences}
    for m in ms[:2]:
        s = sentences[m.sentence]
        before = [w for w in s.words if w.end_char <= m.start_char][-1:]
        after = [w for w in s.words if w.start_char >= m.end_char][:1]
        out += [f"before={_lemma(w)}" for w in before] + [f"after={_lemma(w)}" for w in after]
        out += [f"t|{e.type}|before={_lemma(w)}" for w in before]
    return list(dict.fromkeys(out))


def mentions_by_key(am: ArticleMentions, res: Resolution) -> dict[str, list[int]]:
    aid = am.annotated.article.id
    out: dict[str, list[int]] = {}
    for i in range(len(am.mentions)):
        key = res.key_of(aid, i)
        if key and key in res.entities:
            out.setdefault(key, []).append(i)
    return out


class EntityFilter(ThresholdModel):
    """The probability that a careful reader would count an entity in its article."""

    FORMAT = FORMAT
    WHAT = "entity filter"


def load_entity_filter(path: Optional[Path] = None) -> Optional[EntityFilter]:
    path = Path(path) if path else SHIPPED
    return EntityFilter.load(path) if path.exists() else None


def filter_entities(mentions: Sequence[ArticleMentions], extracted: Sequence, res: Resolution,
                    flt: EntityFilter) -> dict[str, list[str]]:
    """Drop each article's improbable entities, their facts there, and the entities left in no
    article (from ``res`` and ``extracted``, in place); returns article -> dropped keys."""
    dropped: dict[str, list[str]] = {}
    for am, facts in zip(mentions, extracted):
        aid = am.annotated.article.id
        gone = sorted(k for k, idx in mentions_by_key(am, res).items()
                      if flt.probability(entity_features(am, res, k, idx)) < flt.threshold)
        if not gone:
            continue
        dropped[aid] = gone
        out = set(gone)
        facts.facts = [f for f in facts.facts if f.subject not in out and f.object not in out]
        for e in facts.events:
            e.participants = {r: [k for k in ks if k not in out] for r, ks in e.participants.items()}
            if e.place in out:
                e.place = None
        for k in gone:
            ent = res.entities[k]
            ent.articles = [a for a in ent.articles if a != aid]
    for k in [k for k, e in res.entities.items() if not e.articles and any(k in g for g in dropped.values())]:
        del res.entities[k]
    return dropped
