"""Per-article scoring: each article's facts against that article's own gold.

A fact found in the wrong article, or an entity that only another article names, is not
credited here: facts carry their source article (`prov:wasDerivedFrom`) and entities the
articles that name them (`kg:mentionedIn`). Counts are summed over articles (micro average),
which is the headline figure of `kg eval`; the corpus-level score of kg.evaluation, where an
entity or fact found anywhere counts once, stays beside it.
"""
from __future__ import annotations

import random
from collections import defaultdict
from dataclasses import dataclass, field
from pathlib import Path

from rdflib import Graph, URIRef
from rdflib.namespace import RDF

from kg.evaluation import (FACT_FACTUALITIES, KIND_CLASSES, KG_NS, PRF, PredRelation, Prediction,
                           Scores, load_gold, load_gold_articles, prediction_from_graph, score)
from kg.iris import slug
from kg.records import ENTITY_TYPES, PREDICATES
from kg.vocab import PROV, SCHEMA


def _kg(local: str) -> URIRef:
    return URIRef(KG_NS + local)


@dataclass
class ArticleScores:
    """Scores per article, their micro sums, and the corpus-level score beside them."""

    per_article: dict[str, Scores]
    missing: list[str]                # gold articles the graph does not hold
    entities: dict[str, PRF] = field(default_factory=dict)
    entities_micro: PRF = field(default_factory=PRF)
    relations: dict[str, PRF] = field(default_factory=dict)
    relations_micro: PRF = field(default_factory=PRF)
    relations_strict_micro: PRF = field(default_factory=PRF)
    corpus: Scores | None = None

    def to_dict(self) -> dict:
        return {"articles": len(self.per_article), "missing_articles": list(self.missing),
                "entities": {t: s.to_dict() for t, s in self.entities.items()},
                "entities_micro": self.entities_micro.to_dict(),
                "relations": {p: s.to_dict() for p, s in self.relations.items()},
                "relations_micro": self.relations_micro.to_dict(),
                "relations_strict_micro": self.relations_strict_micro.to_dict(),
                "per_article": {a: {"entities": s.entities_micro.to_dict(), "relations": s.relations_micro.to_dict(),
                                    "relations_strict": s.relations_strict_micro.to_dict()}
                                for a, s in self.per_article.items()},
                "corpus": self.corpus.to_dict() if self.corpus else None}


def article_predictions(graph: Graph, path: str = "<graph>") -> dict[str, Prediction]:
    """The graph cut by article: the entities it names and the facts derived from it."""
    whole = prediction_from_graph(graph, path)
    articles = {str(a): str(a).rsplit("/article/", 1)[-1] for a in graph.subjects(RDF.type, SCHEMA.NewsArticle)}
    named: dict[str, set[str]] = defaultdict(set)
    for iri in whole.entities:
        for a in graph.objects(URIRef(iri), _kg("mentionedIn")):
            named[str(a)].add(iri)
    facts: dict[str, dict[tuple[str, str, str], tuple[set[str], set[str]]]] = defaultdict(dict)
    direct = {(r.s, r.p, r.o) for r in whole.relations}
    for node in graph.subjects(RDF.type, _kg("Assertion")):
        s, p, o = (graph.value(node, x) for x in (RDF.subject, RDF.predicate, RDF.object))
        if p is None or not str(p).startswith(KG_NS):
            continue
        triple = (str(s), str(p)[len(KG_NS):], str(o))
        factuality = set(graph.objects(node, _kg("factuality")))
        if triple not in direct or (factuality and not factuality & FACT_FACTUALITIES):
            continue
        kinds, dates = set(), {str(d) for d in graph.objects(node, _kg("date"))}
        for event in graph.objects(node, _kg("event")):
            kinds.update(KIND_CLASSES[str(c)[len(KG_NS):]] for c in graph.objects(event, RDF.type)
                         if str(c)[len(KG_NS):] in KIND_CLASSES)
            dates.update(str(d) for d in graph.objects(event, _kg("date")))
        for a in graph.objects(node, PROV.wasDerivedFrom):
            k, d = facts[str(a)].setdefault(triple, (set(), set()))
            k.update(kinds)
            d.update(dates)
    out = {}
    for a, local in sorted(articles.items()):
        ents = {iri: whole.entities[iri] for iri in sorted(named.get(a, ()))}
        rels = [PredRelation(s, p, o, frozenset(k), frozenset(d))
                for (s, p, o), (k, d) in sorted(facts.get(a, {}).items()) if p in PREDICATES]
        out[local] = Prediction(f"{path}#{local}", ents, rels)
    return out


def score_articles(gold_path: str | Path, graph: Graph, path: str = "<graph>") -> ArticleScores:
    """Each gold record against the article of the same id (kg slugs ids the way it mints IRIs)."""
    by_article = article_predictions(graph, path)
    result = ArticleScores({}, [], {t: PRF() for t in ENTITY_TYPES}, PRF(), {p: PRF() for p in PREDICATES})
    for gold in load_gold_articles(gold_path):
        gid = gold.articles[0]
        pred = by_article.get(slug(gid))
        if pred is None:
            result.missing.append(gid)
            pred = Prediction(f"{path}#{slug(gid)}", {}, [])
        scores = score(gold, pred)
        result.per_article[gid] = scores
        for t, s in scores.entities.items():
            result.entities[t].add(s)
        for p, s in scores.relations.items():
            result.relations[p].add(s)
        result.entities_micro.add(scores.entities_micro)
        result.relations_micro.add(scores.relations_micro)
        result.relations_strict_micro.add(scores.relations_strict_micro)
    result.corpus = score(load_gold(gold_path), prediction_from_graph(graph, path))
    return result


def fact_outcomes(gold_path: str | Path, graph: Graph) -> list[tuple[float, bool]]:
    """(confidence, right?) for every asserted or reported fact, judged in its own article.

    A fact is right when both ends match that article's gold entities and the gold relates
    them by the predicate (either direction where the scoring rules allow it).
    """
    from kg.evaluation import SYMMETRIC, UNDIRECTED_KINDS, match_entities

    by_article = article_predictions(graph)
    confidence: dict[tuple[str, str, str, str], float] = {}
    for node in graph.subjects(RDF.type, _kg("Assertion")):
        s, p, o = (graph.value(node, x) for x in (RDF.subject, RDF.predicate, RDF.object))
        value = graph.value(node, _kg("confidence"))
        if p is None or value is None or not str(p).startswith(KG_NS):
            continue
        for a in graph.objects(node, PROV.wasDerivedFrom):
            key = (str(a).rsplit("/article/", 1)[-1], str(s), str(p)[len(KG_NS):], str(o))
            confidence[key] = max(confidence.get(key, 0.0), float(value))
    out = []
    for gold in load_gold_articles(gold_path):
        local = slug(gold.articles[0])
        pred = by_article.get(local)
        if pred is None:
            continue
        matched = match_entities(gold, pred)
        truth = set()
        for g in gold.relations:
            truth.add((g.s, g.p, g.o))
            if g.p in SYMMETRIC or (g.p == "communicatedWith" and g.kind in UNDIRECTED_KINDS):
                truth.add((g.o, g.p, g.s))
        for r in pred.relations:
            right = (matched.get(r.s), r.p, matched.get(r.o)) in truth
            out.append((confidence.get((local, r.s, r.p, r.o), 0.0), right))
    return out


def reliability(outcomes: list[tuple[float, bool]], bins: int = 10) -> tuple[list[tuple[str, int, float, float]], float]:
    """Rows (bin, facts, mean confidence, share right) and the expected calibration error."""
    rows, ece, n = [], 0.0, len(outcomes)
    for b in range(bins):
        lo, hi = b / bins, (b + 1) / bins
        inside = [(c, r) for c, r in outcomes if lo <= c < hi or (b == bins - 1 and c == 1.0)]
        if not inside:
            continue
        conf = sum(c for c, _ in inside) / len(inside)
        acc = sum(r for _, r in inside) / len(inside)
        rows.append((f"{lo:.1f}-{hi:.1f}", len(inside), conf, acc))
        ece += len(inside) / n * abs(conf - acc)
    return rows, ece


def calibrated_ece(confidences: list[float], draws: int = 2000, seed: int = 0) -> tuple[float, float]:
    """The expected calibration error a perfectly calibrated kg would still show at these
    confidences, by simulation (each fact right with the probability its confidence gives):
    the mean over ``draws`` and the value 90 % of draws stay below. On a few hundred facts the
    sampling noise alone is of the order of a 0.05 target, so an observed error is read
    against it."""
    rng = random.Random(seed)
    values = []
    for _ in range(draws):
        values.append(reliability([(c, rng.random() < c) for c in confidences])[1])
    values.sort()
    return (sum(values) / len(values), values[int(0.9 * len(values))]) if values else (0.0, 0.0)


def format_article_scores(scores: ArticleScores) -> str:
    """The per-article table (headline), then the corpus-level micro lines."""
    head = f"{'':24} {'P':>6} {'R':>6} {'F1':>6} {'tp':>5} {'fp':>5} {'fn':>5}"

    def row(name: str, s: PRF) -> str:
        return f"{name:24} {s.precision:6.3f} {s.recall:6.3f} {s.f1:6.3f} {s.tp:5d} {s.fp:5d} {s.fn:5d}"

    lines = [f"per article ({len(scores.per_article)} articles, micro-averaged)", head]
    lines += [row(f"  {t}", s) for t, s in scores.entities.items()]
    lines.append(row("entities", scores.entities_micro))
    lines += [row(f"  {p}", s) for p, s in scores.relations.items() if s.tp + s.fp + s.fn]
    lines.append(row("relations", scores.relations_micro))
    lines.append(row("relations strict", scores.relations_strict_micro))
    if scores.missing:
        lines.append(f"articles not in the graph ({len(scores.missing)}): {', '.join(scores.missing)}")
    if scores.corpus:
        c = scores.corpus
        lines += ["", "corpus level (an entity or fact found anywhere counts once)", head,
                  row("entities", c.entities_micro), row("relations", c.relations_micro),
                  row("relations strict", c.relations_strict_micro)]
    return "\n".join(lines)

