"""Node quality against document gold: one node per entity, no node for two, links to check.

Entity P/R counts a second node for one person as a false positive and says nothing of a
node that stands for two. Issue #28 asks for both rates apart, per gold entity:

- **split**: a gold entity two or more nodes of its article stand for ("Sergei" / "Serghei
  Shoigu", Vostochny typed three ways);
- **merge**: a node standing for two or more gold entities of its article.

A node stands for a gold entity when one of its labels is a form that only that entity has in
the article (a form two entities share, "presidente", or a metonym, "Palazzo Chigi" for Italy,
decides nothing). The graph keeps a node's labels over the whole corpus, so with the texts
given a label counts only in an article whose text holds it. Links: the gold has
no QIDs, so each linked node's English label is set beside the gold name of the entity it
matched, and the pairs whose names differ are listed for a person to check.
"""
from __future__ import annotations

from collections import Counter, defaultdict
from dataclasses import dataclass, field
from pathlib import Path

from rdflib import Graph, URIRef
from rdflib.namespace import RDFS

from kg.article_eval import article_predictions
from kg.evaluation import fold, load_gold_articles, match_entities
from kg.iris import slug


@dataclass
class NodeQuality:
    gold_entities: int = 0
    nodes: int = 0
    split: list[str] = field(default_factory=list)      # "article: gold name (n nodes)"
    merges: list[str] = field(default_factory=list)     # "article: node label = gold a + gold b"
    linked: int = 0                                     # matched nodes with a Wikidata link
    link_names: list[str] = field(default_factory=list)  # "gold name / English label (QID)" that differ

    def rate(self, items: list) -> float:
        return len(items) / self.gold_entities if self.gold_entities else 0.0

    def to_dict(self) -> dict:
        return {"gold_entities": self.gold_entities, "nodes": self.nodes, "split": self.split,
                "split_rate": round(self.rate(self.split), 4), "merges": self.merges,
                "merge_rate": round(self.rate(self.merges), 4), "linked": self.linked,
                "link_names_differ": self.link_names}


def _english(graph: Graph, iri: str) -> str | None:
    labels = sorted(str(x) for x in graph.objects(URIRef(iri), RDFS.label) if getattr(x, "language", None) == "en")
    return labels[0] if labels else None


def node_quality(gold_path: str | Path, graph: Graph, texts: dict[str, str] | None = None) -> NodeQuality:
    """Split and merged entities over the gold's articles, and the linked nodes' names
    (``texts``: article id -> text, to read each node's labels in its article only)."""
    from kg.gazetteer import load_gazetteer

    metonym = load_gazetteer().metonym   # "Casa Bianca" on the United States: a metonym, no merge
    by_article = article_predictions(graph)
    out = NodeQuality()
    for gold in load_gold_articles(gold_path):
        aid = gold.articles[0]
        pred = by_article.get(slug(aid))
        out.gold_entities += len(gold.entities)
        if pred is None:
            continue
        out.nodes += len(pred.entities)
        owners: dict[str, set[str]] = defaultdict(set)
        for g in gold.entities.values():
            for form in (g.name, *g.forms, *g.indirect):
                owners[fold(form.lstrip("~"))].add(g.key)
        text = fold(texts[aid]) if texts and aid in texts else None
        stands: Counter = Counter()
        for e in pred.entities.values():
            labels = {fold(x) for x in ([e.label] if e.label else []) + list(e.alt_labels) if metonym(x) is None}
            labels = {x for x in labels if text is None or x in text}
            hits = sorted({next(iter(owners[x])) for x in labels if len(owners.get(x, ())) == 1})
            if len(hits) >= 2:
                out.merges.append(f"{aid}: {e.name} = " + " + ".join(gold.entities[k].name for k in hits))
            elif hits:
                stands[hits[0]] += 1
        out.split += [f"{aid}: {gold.entities[k].name} ({n} nodes)" for k, n in sorted(stands.items()) if n >= 2]
        for iri, key in sorted(match_entities(gold, pred).items()):
            e = pred.entities[iri]
            if not e.qid:
                continue
            out.linked += 1
            english = _english(graph, iri)
            if english is None or fold(english) != fold(gold.entities[key].name):
                out.link_names.append(f"{gold.entities[key].name} / {english or e.name} ({e.qid})")
    return out
