"""The graph stage: entities, facts, events and provenance as an RDF Dataset.

One named graph per article (its facts, events, sentences and the entity descriptions read
from it); the default graph describes the named graphs with PROV-O. ``facts_graph`` is the
union that graph.ttl holds. Shape: docs/graph.md; terms: ontology/kg.ttl.

``sentence_comentions`` counts the entity pairs named in the same sentence, for the
explorer's co-mention layer: a statistic of the corpus, not a fact, so kept out of the graph.
"""
from __future__ import annotations

from collections import Counter
from dataclasses import dataclass
from decimal import Decimal
from typing import Any, Iterable, Optional

from rdflib import Dataset, Graph, Literal, URIRef
from rdflib.namespace import OWL, RDF, RDFS, SKOS, XSD

from kg.formats import PREFIXES
from kg.iris import IriMinter, wikidata
from kg.quantities import parse_quantity
from kg.records import Article, CoMention, Entity, Event, Fact
from kg.timex import xsd_datatype
from kg.vocab import KG, ONTOLOGY_IRI, PROV, SCHEMA

FACTUALITY = {"asserted": "Asserted", "reported": "Reported", "negated": "Negated",
              "hypothetical": "Hypothetical", "planned": "Planned"}
IN_FACT_GRAPH = {"asserted", "reported"}
#: A sentence naming more entities than this (a list, a table) says nothing about pairs.
COMENTION_SENTENCE_LIMIT = 30


@dataclass
class ArticleGraphInput:
    """What the graph stage needs about one article."""

    article: Article
    facts: list[Fact]
    events: list[Event]
    sentences: dict[int, tuple[int, int, str]]   # index -> (start, end, text) of cited sentences

    def to_dict(self) -> dict:
        return {"article": self.article.to_dict(), "facts": [f.to_dict() for f in self.facts],
                "events": [e.to_dict() for e in self.events],
                "sentences": [[index, *cited] for index, cited in self.sentences.items()]}

    @classmethod
    def from_dict(cls, data: dict) -> "ArticleGraphInput":
        return cls(article=Article.from_dict(data["article"]),
                   facts=[Fact.from_dict(f) for f in data["facts"]],
                   events=[Event.from_dict(e) for e in data["events"]],
                   sentences={row[0]: (row[1], row[2], row[3]) for row in data["sentences"]})


def bind_prefixes(graph: Graph, minter: IriMinter) -> None:
    for prefix, ns in PREFIXES.items():
        graph.bind(prefix, ns, override=True, replace=True)
    graph.bind("ent", minter.base + "entity/", override=True)


def date_literal(value: str) -> Literal:
    return Literal(value, datatype=XSD[xsd_datatype(value)])


def build_dataset(inputs: Iterable[ArticleGraphInput], entities: dict[str, Entity], minter: IriMinter,
                  model_version: str) -> Dataset:
    ds = Dataset()
    bind_prefixes(ds, minter)
    build_iri = minter.build(model_version)
    ds.add((build_iri, RDF.type, PROV.Activity))
    ds.add((build_iri, RDFS.label, Literal(f"kg build with models {model_version}")))
    # the graph names its vocabulary, so a store or reasoner can fetch the labels and axioms
    ds.add((URIRef(minter.base), RDF.type, OWL.Ontology))
    ds.add((URIRef(minter.base), OWL.imports, ONTOLOGY_IRI))
    mentioned: dict[str, list[str]] = {}  # article id -> keys of the entities it mentions
    for key, entity in entities.items():
        for aid in entity.articles:
            mentioned.setdefault(aid, []).append(key)
    for item in inputs:
        aid = item.article.id
        g = ds.graph(minter.graph(aid))
        _article(g, item.article, minter)
        for key in sorted(set(mentioned.get(aid, ()))):
            _entity(g, entities[key], minter, aid)
        for index, (start, end, text) in sorted(item.sentences.items()):
            s = minter.sentence(aid, index)
            g.add((s, RDF.type, KG.Sentence))
            g.add((s, KG.text, Literal(text, lang="it")))
            g.add((s, KG.beginIndex, Literal(start, datatype=XSD.integer)))
            g.add((s, KG.endIndex, Literal(end, datatype=XSD.integer)))
            g.add((s, SCHEMA.isPartOf, minter.article(aid)))
        for index, event in enumerate(item.events):
            _event(g, minter.event(aid, index), event, minter)
        for fact in item.facts:
            _fact(g, fact, item, minter)
        graph_iri = minter.graph(aid)
        ds.add((graph_iri, RDF.type, PROV.Entity))
        ds.add((graph_iri, PROV.wasDerivedFrom, minter.article(aid)))
        ds.add((graph_iri, PROV.wasGeneratedBy, build_iri))
    return ds


def _article(g: Graph, article: Article, minter: IriMinter) -> None:
    a = minter.article(article.id)
    g.add((a, RDF.type, SCHEMA.NewsArticle))
    g.add((a, RDF.type, PROV.Entity))
    if article.title:
        g.add((a, SCHEMA.headline, Literal(article.title, lang="it")))
    if article.date:
        g.add((a, SCHEMA.datePublished, date_literal(article.date[:10])))
    if article.url:
        g.add((a, SCHEMA.url, URIRef(article.url) if "://" in article.url and " " not in article.url
               else Literal(article.url)))
    if article.author:
        g.add((a, SCHEMA.author, Literal(article.author)))
    if article.publisher:
        g.add((a, SCHEMA.publisher, Literal(article.publisher)))
    g.add((a, SCHEMA.inLanguage, Literal("it")))
    g.add((a, KG.sourceFile, Literal(article.source)))


def _entity(g: Graph, entity: Entity, minter: IriMinter, aid: str) -> None:
    """The entity as one article's graph describes it: mentioned in that article (the union of
    the graphs lists every article; repeating them all in each graph would grow as n²)."""
    e = minter.entity(entity.key)
    g.add((e, RDF.type, KG[entity.type]))
    g.add((e, RDFS.label, Literal(entity.label, lang="it")))
    if entity.label_en:
        g.add((e, RDFS.label, Literal(entity.label_en, lang="en")))
    for alt in entity.alt_labels:
        g.add((e, SKOS.altLabel, Literal(alt, lang="it")))
    if entity.wikidata:
        g.add((e, OWL.sameAs, wikidata(entity.wikidata)))
    g.add((e, KG.mentionedIn, minter.article(aid)))


def _event(g: Graph, node: URIRef, event: Event, minter: IriMinter) -> None:
    g.add((node, RDF.type, KG[event.type]))
    roles = {"agent": KG.agent, "recipient": KG.recipient, "participant": KG.participant, "treaty": KG.treaty}
    for role, keys in sorted(event.participants.items()):
        for key in keys:
            g.add((node, roles.get(role, KG.participant), minter.entity(key)))
    if event.date:
        g.add((node, KG.date, date_literal(event.date)))
    if event.place:
        g.add((node, KG.place, minter.entity(event.place)))
    if event.quantity:
        number = parse_quantity(event.quantity)
        if number is not None:
            g.add((node, KG.quantity, Literal(number, datatype=XSD.decimal)))
        g.add((node, KG.quantityText, Literal(event.quantity, lang="it")))
    if event.trigger:
        g.add((node, KG.trigger, Literal(event.trigger, lang="it")))
    g.add((node, KG.factuality, KG[FACTUALITY[event.status]]))
    if event.source:
        g.add((node, KG.attributedTo, minter.entity(event.source)))
    g.add((node, KG.evidence, minter.sentence(event.evidence.article_id, event.evidence.sentence)))
    g.add((node, PROV.wasDerivedFrom, minter.article(event.evidence.article_id)))


def _fact(g: Graph, fact: Fact, item: ArticleGraphInput, minter: IriMinter) -> None:
    s, o = minter.entity(fact.subject), minter.entity(fact.object)
    p = KG[fact.predicate]
    aid = fact.evidence.article_id
    if fact.status in IN_FACT_GRAPH:
        g.add((s, p, o))
    node = minter.fact(aid, str(fact.evidence.sentence), fact.subject, fact.predicate, fact.object, fact.status)
    g.add((node, RDF.type, KG.Assertion))
    g.add((node, RDF.type, RDF.Statement))
    g.add((node, RDF.subject, s))
    g.add((node, RDF.predicate, p))
    g.add((node, RDF.object, o))
    g.add((node, KG.confidence, Literal(Decimal(str(fact.confidence)), datatype=XSD.decimal)))
    g.add((node, KG.factuality, KG[FACTUALITY[fact.status]]))
    if fact.source:
        g.add((node, KG.attributedTo, minter.entity(fact.source)))
    if fact.role:
        g.add((node, KG.role, Literal(fact.role, lang="it")))
    if fact.date:
        g.add((node, KG.date, date_literal(fact.date)))
    if fact.event is not None:
        g.add((node, KG.event, minter.event(aid, fact.event)))
    g.add((node, KG.evidence, minter.sentence(aid, fact.evidence.sentence)))
    g.add((node, PROV.wasDerivedFrom, minter.article(aid)))


def sentence_comentions(mentions: Iterable[Any], resolution: Any) -> list[CoMention]:
    """Entity pairs named in the same sentence, with the number of such sentences, sorted.

    ``mentions``: the mention stage's ArticleMentions; ``resolution``: the linking Resolution
    after consolidation (merged keys, filtered entities). A mention counts when linking gave it
    an entity the graph keeps as mentioned in its article (the entity's kg:mentionedIn), so
    the pairs are of the graph's entities; an entity named twice in a sentence counts once.
    """
    entities, keys = resolution.entities, resolution.mention_keys
    counts: Counter = Counter()
    where: dict[tuple[str, str], set[str]] = {}
    for am in mentions:
        aid = am.annotated.article.id
        by_sentence: dict[int, set[str]] = {}
        for i, m in enumerate(am.mentions):
            key = keys.get((aid, i))
            entity = entities.get(key) if key is not None else None
            if entity is not None and aid in entity.articles:
                by_sentence.setdefault(m.sentence, set()).add(key)
        for named in by_sentence.values():
            if len(named) > COMENTION_SENTENCE_LIMIT:
                continue
            named_sorted = sorted(named)
            for x, a in enumerate(named_sorted):
                for b in named_sorted[x + 1:]:
                    counts[(a, b)] += 1
                    where.setdefault((a, b), set()).add(aid)
    return [CoMention(a, b, n, sorted(where[(a, b)])) for (a, b), n in sorted(counts.items())]


def facts_graph(ds: Dataset) -> Graph:
    """All quads of the dataset as one graph (what graph.ttl holds)."""
    g = Graph()
    for prefix, ns in ds.namespaces():
        g.bind(prefix, ns, override=True, replace=True)
    for s, p, o, _ in ds.quads((None, None, None, None)):
        g.add((s, p, o))
    return g
