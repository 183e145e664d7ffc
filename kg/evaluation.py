"""`kg eval`: score a graph against gold facts, by the scoring rules that come with the gold data.

Entities match one-to-one, first by Wikidata QID, then by folded label (case, accents,
apostrophes, hyphens and spacing ignored). Relations are mapped to gold keys through that
matching and scored per predicate; a strict score also checks the kind and the date.
"""
from __future__ import annotations

import json
import re
from collections import defaultdict
from dataclasses import dataclass, field
from pathlib import Path
from typing import Iterable, Optional

from rdflib import Graph, URIRef
from rdflib.namespace import OWL, RDF, RDFS, SKOS

from kg.export.rdf import read_graph
from kg.formats import PREFIXES
from kg.records import ENTITY_TYPES, PREDICATES
from kg.text import fold

KG_NS = PREFIXES["kg"]
WIKIDATA_NS = "http://www.wikidata.org/entity/"
KIND_CLASSES = {"Letter": "letter", "Message": "message", "PhoneCall": "phone_call",
                "Meeting": "meeting", "Statement": "statement"}
FACT_FACTUALITIES = {URIRef(KG_NS + "Asserted"), URIRef(KG_NS + "Reported")}
SYMMETRIC = {"alliedWith"}                    # either direction, always
UNDIRECTED_KINDS = {"meeting", "phone_call"}  # communicatedWith of these kinds: either direction


def _kg(local: str) -> URIRef:
    return URIRef(KG_NS + local)




# --- gold -------------------------------------------------------------------------------

@dataclass(frozen=True)
class GoldEntity:
    key: str
    name: str
    type: str
    forms: tuple[str, ...]            # direct mentions: names a label may equal
    indirect: tuple[str, ...] = ()    # "~" forms: demonyms and metonyms, never matched
    qids: tuple[str, ...] = ()        # the key when it is a QID, plus the annotator's qid_guess


@dataclass(frozen=True)
class GoldRelation:
    s: str
    p: str
    o: str
    kind: Optional[str] = None
    date: Optional[str] = None


@dataclass
class Gold:
    path: str
    articles: list[str]
    entities: dict[str, GoldEntity]
    relations: list[GoldRelation]     # a sorted set over the corpus


def load_gold(path: str | Path) -> Gold:
    """The gold JSONL: entities merged by key over all articles, relations as one set."""
    entities: dict[str, GoldEntity] = {}
    relations: set[GoldRelation] = set()
    articles: list[str] = []
    for article in load_gold_articles(path):
        articles += article.articles
        for e in article.entities.values():
            _merge_entity(entities, e)
        relations.update(article.relations)
    return Gold(str(path), articles, entities, sorted(relations, key=_relation_order))


def load_gold_articles(path: str | Path) -> list[Gold]:
    """One Gold per record of the gold JSONL (its own entities and relations), in file order."""
    out: list[Gold] = []
    with open(path, encoding="utf-8-sig") as handle:
        lines = handle.read().splitlines()
    for lineno, line in enumerate(lines, 1):
        if not line.strip():
            continue
        where = f"{path}:{lineno}"
        entities: dict[str, GoldEntity] = {}
        relations: set[GoldRelation] = set()
        try:
            record = json.loads(line)
            if not isinstance(record, dict):
                raise ValueError("not a JSON object")
            for e in record.get("entities", []):
                _add_entity(entities, e)
            for r in record.get("relations", []):
                if r["p"] not in PREDICATES:
                    raise ValueError(f"unknown predicate {r['p']!r}")
                s, o = r["s"], r["o"]
                if r["p"] in SYMMETRIC:
                    s, o = sorted((s, o))
                relations.add(GoldRelation(s, r["p"], o, r.get("kind") or None, r.get("date") or None))
        except (ValueError, KeyError, TypeError, AttributeError) as err:
            what = f"missing field {err}" if isinstance(err, KeyError) else str(err)
            raise ValueError(f"{where}: malformed gold record: {what}") from err
        for r in relations:
            for end in (r.s, r.o):
                if end not in entities:
                    raise ValueError(f"{where}: relation {r.s} {r.p} {r.o} names {end!r}, which no entity "
                                     "of this record has")
        out.append(Gold(str(path), [str(record.get("id", lineno))], entities,
                        sorted(relations, key=_relation_order)))
    return out


def _relation_order(r: GoldRelation) -> tuple:
    return (r.s, r.p, r.o, r.kind or "", r.date or "")


def _add_entity(entities: dict[str, GoldEntity], e: dict) -> None:
    key, name, etype = e["key"], e["name"], e["type"]
    if etype not in ENTITY_TYPES:
        raise ValueError(f"entity {key!r} has unknown type {etype!r}")
    forms = [f for f in e.get("forms", []) if isinstance(f, str)]
    direct = tuple(f for f in forms if not f.startswith("~"))
    indirect = tuple(f[1:] for f in forms if f.startswith("~"))
    qids = tuple(q for q in (key if re.fullmatch(r"Q\d+", key) else None, e.get("qid_guess")) if q)
    _merge_entity(entities, GoldEntity(key, name, etype, direct, indirect, qids))


def _merge_entity(entities: dict[str, GoldEntity], new: GoldEntity) -> None:
    """Same key twice (in one record or over articles): one entity, the union of its forms."""
    old = entities.get(new.key)
    if old:
        new = GoldEntity(old.key, old.name, old.type,
                         old.forms + tuple(f for f in new.forms if f not in old.forms),
                         old.indirect + tuple(f for f in new.indirect if f not in old.indirect),
                         old.qids + tuple(q for q in new.qids if q not in old.qids))
    entities[new.key] = new


# --- prediction -------------------------------------------------------------------------

@dataclass(frozen=True)
class PredEntity:
    iri: str
    type: str
    label: Optional[str]
    alt_labels: tuple[str, ...]
    qid: Optional[str]

    @property
    def name(self) -> str:
        return self.label or (self.alt_labels[0] if self.alt_labels else self.iri)


@dataclass(frozen=True)
class PredRelation:
    s: str
    p: str
    o: str
    kinds: frozenset[str] = frozenset()
    dates: frozenset[str] = frozenset()


@dataclass
class Prediction:
    path: str
    entities: dict[str, PredEntity]
    relations: list[PredRelation]


def read_prediction(path: str | Path) -> Prediction:
    """Entities and facts of a graph file (.ttl, .trig, .jsonld, .nt, .nq; all graphs merged)."""
    return prediction_from_graph(read_graph(path), str(path))


def prediction_from_graph(graph: Graph, path: str = "<graph>") -> Prediction:
    entities: dict[str, PredEntity] = {}
    for etype in ENTITY_TYPES:
        for subject in sorted(set(graph.subjects(RDF.type, _kg(etype))), key=str):
            iri = str(subject)
            if iri in entities:
                continue
            labels = [str(x) for x in sorted(graph.objects(subject, RDFS.label),
                                             key=lambda x: (getattr(x, "language", None) != "it", str(x)))]
            alts = sorted(str(x) for x in graph.objects(subject, SKOS.altLabel))
            qids = sorted(str(x)[len(WIKIDATA_NS):] for x in graph.objects(subject, OWL.sameAs)
                          if str(x).startswith(WIKIDATA_NS))
            entities[iri] = PredEntity(iri, etype, labels[0] if labels else None,
                                       tuple(labels[1:] + alts), qids[0] if qids else None)
    relations = []
    for pred in PREDICATES:
        for s, o in sorted(graph.subject_objects(_kg(pred)), key=lambda so: (str(so[0]), str(so[1]))):
            kinds, dates = _assertion_details(graph, s, _kg(pred), o)
            relations.append(PredRelation(str(s), pred, str(o), frozenset(kinds), frozenset(dates)))
    return Prediction(path, entities, relations)


def _assertion_details(graph: Graph, s, p, o) -> tuple[set[str], set[str]]:
    """Kinds and dates on the reified assertions (asserted or reported) of ``s p o``."""
    kinds: set[str] = set()
    dates: set[str] = set()
    for node in graph.subjects(RDF.subject, s):
        if (node, RDF.predicate, p) not in graph or (node, RDF.object, o) not in graph:
            continue
        factuality = set(graph.objects(node, _kg("factuality")))
        if factuality and not factuality & FACT_FACTUALITIES:
            continue
        dates.update(str(d) for d in graph.objects(node, _kg("date")))
        for event in graph.objects(node, _kg("event")):
            for cls in graph.objects(event, RDF.type):
                local = str(cls)[len(KG_NS):] if str(cls).startswith(KG_NS) else None
                if local in KIND_CLASSES:
                    kinds.add(KIND_CLASSES[local])
            dates.update(str(d) for d in graph.objects(event, _kg("date")))
    return kinds, dates


# --- scores -----------------------------------------------------------------------------

@dataclass
class PRF:
    """True positives, false positives and false negatives, with precision, recall and F1."""

    tp: int = 0
    fp: int = 0
    fn: int = 0

    @property
    def precision(self) -> float:
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else 0.0

    @property
    def recall(self) -> float:
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else 0.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0

    def add(self, other: "PRF") -> None:
        self.tp, self.fp, self.fn = self.tp + other.tp, self.fp + other.fp, self.fn + other.fn

    def to_dict(self) -> dict:
        return {"tp": self.tp, "fp": self.fp, "fn": self.fn, "precision": round(self.precision, 4),
                "recall": round(self.recall, 4), "f1": round(self.f1, 4)}


@dataclass
class Scores:
    gold: str
    prediction: str
    articles: int
    entities: dict[str, PRF]
    entities_micro: PRF
    relations: dict[str, PRF]
    relations_micro: PRF
    relations_strict: dict[str, PRF]
    relations_strict_micro: PRF
    details: dict[str, list[str]] = field(default_factory=dict)

    def to_dict(self) -> dict:
        return {"gold": self.gold, "prediction": self.prediction, "articles": self.articles,
                "entities": {t: s.to_dict() for t, s in self.entities.items()},
                "entities_micro": self.entities_micro.to_dict(),
                "relations": {p: s.to_dict() for p, s in self.relations.items()},
                "relations_micro": self.relations_micro.to_dict(),
                "relations_strict": {p: s.to_dict() for p, s in self.relations_strict.items()},
                "relations_strict_micro": self.relations_strict_micro.to_dict(),
                "details": {k: list(v) for k, v in self.details.items()}}


def match_entities(gold: Gold, pred: Prediction) -> dict[str, str]:
    """Predicted IRI -> gold key, one-to-one: QIDs first, then labels.

    Where a node could match several gold entities, the best match wins: a main label equal
    to the gold name or one of its forms, then the same type, then more of the node's labels
    among the gold forms. Ties fall to key order, so the result is deterministic.
    """
    matched: dict[str, str] = {}
    taken: set[str] = set()
    by_qid: dict[str, list[str]] = defaultdict(list)
    by_name: dict[str, list[str]] = defaultdict(list)
    names: dict[str, set[str]] = {}
    for g in sorted(gold.entities.values(), key=lambda g: g.key):
        for q in g.qids:
            by_qid[q].append(g.key)
        names[g.key] = {fold(form) for form in (g.name, *g.forms)}
        for form in names[g.key]:
            by_name[form].append(g.key)
    ordered = sorted(pred.entities.values(), key=lambda e: e.iri)

    def assign(pairs: list[tuple[tuple, str, str]]) -> None:
        for _, iri, key in sorted(pairs, key=lambda x: (tuple(-v for v in x[0]), x[1], x[2])):
            if iri not in matched and key not in taken:
                matched[iri] = key
                taken.add(key)

    assign([((1, int(gold.entities[k].type == e.type)), e.iri, k)
            for e in ordered if e.qid for k in dict.fromkeys(by_qid.get(e.qid, []))])
    pairs = []
    for e in ordered:
        if e.iri in matched:
            continue
        labels = [fold(x) for x in ([e.label] if e.label else []) + list(e.alt_labels)]
        main = labels[0] if e.label else None
        for k in dict.fromkeys(k for label in labels for k in by_name.get(label, [])):
            score = (int(main in names[k]), int(gold.entities[k].type == e.type),
                     sum(label in names[k] for label in labels))
            pairs.append((score, e.iri, k))
    assign(pairs)
    return matched


@dataclass(frozen=True, order=True)
class _Unit:
    """A gold relation as scored without kind and date: one per (s, p, o)."""

    s: str
    p: str
    o: str
    reversible: bool


def _candidates(triples: list[tuple[str, str, str]], units: list[_Unit]) -> list[list[int]]:
    """For each predicted triple, the gold units it may stand for (same ends, or reversed)."""
    index: dict[tuple[str, str, str], list[int]] = defaultdict(list)
    for j, u in enumerate(units):
        index[(u.s, u.p, u.o)].append(j)
    out = []
    for s, p, o in triples:
        reverse = [j for j in index.get((o, p, s), []) if units[j].reversible and s != o]
        out.append(index.get((s, p, o), []) + reverse)
    return out


def _max_matching(options: list[list[int]]) -> dict[int, int]:
    """Maximum one-to-one matching of left items to the right items they may take
    (augmenting paths; deterministic in list order). Returns left index -> right index."""
    owner: dict[int, int] = {}

    def augment(i: int, seen: set[int]) -> bool:
        for j in options[i]:
            if j in seen:
                continue
            seen.add(j)
            if j not in owner or augment(owner[j], seen):
                owner[j] = i
                return True
        return False

    for i in range(len(options)):
        augment(i, set())
    return {i: j for j, i in owner.items()}


def score(gold: Gold, pred: Prediction) -> Scores:
    """Entity and relation scores of ``pred`` against ``gold`` (see the module docstring)."""
    matched = match_entities(gold, pred)
    details: dict[str, list[str]] = defaultdict(list)
    entities = {t: PRF() for t in ENTITY_TYPES}
    micro = PRF(tp=len(matched), fp=len(pred.entities) - len(matched), fn=len(gold.entities) - len(matched))
    gold_hit = {key: iri for iri, key in matched.items()}
    for e in sorted(pred.entities.values(), key=lambda e: e.iri):
        key = matched.get(e.iri)
        if key is None:
            entities[e.type].fp += 1
            details["spurious_entities"].append(f"{e.name} [{e.type}] <{e.iri}>")
        elif gold.entities[key].type == e.type:
            entities[e.type].tp += 1
        else:
            entities[e.type].fp += 1
            details["mistyped_entities"].append(
                f"{e.name} [{e.type}] is gold {key} {gold.entities[key].name} [{gold.entities[key].type}]")
    for g in sorted(gold.entities.values(), key=lambda g: g.key):
        iri = gold_hit.get(g.key)
        if iri is None or pred.entities[iri].type != g.type:
            entities[g.type].fn += 1
        if iri is None:
            details["missed_entities"].append(f"{g.name} [{g.type}] {g.key} ({'; '.join(g.forms)})")

    def name(end: str) -> str:
        if end in gold.entities:
            return gold.entities[end].name
        return pred.entities[end].name if end in pred.entities else f"<{end}>"

    # predicted triples, mapped to gold keys (unmatched ends kept as IRIs) and deduplicated
    merged: dict[tuple[str, str, str], tuple[set[str], set[str]]] = {}
    for r in pred.relations:
        s, o = matched.get(r.s, r.s), matched.get(r.o, r.o)
        if r.p in SYMMETRIC:
            s, o = sorted((s, o))
        kinds, dates = merged.setdefault((s, r.p, o), (set(), set()))
        kinds.update(r.kinds)
        dates.update(r.dates)
    triples = sorted(merged)
    groups: dict[tuple[str, str, str], list[GoldRelation]] = defaultdict(list)
    for g in gold.relations:
        groups[(g.s, g.p, g.o)].append(g)
    units = [_Unit(s, p, o, p == "communicatedWith" and any(g.kind in UNDIRECTED_KINDS for g in gs))
             for (s, p, o), gs in sorted(groups.items())]
    options = _candidates(triples, units)
    pairs = _max_matching(options)
    relations = _relation_counts(triples, units, pairs)
    hit_units = set(pairs.values())
    details["spurious_relations"] = [f"{name(t[0])} {t[1]} {name(t[2])}" for i, t in enumerate(triples)
                                     if i not in pairs]
    details["missed_relations"] = [f"{name(u.s)} {u.p} {name(u.o)}" for j, u in enumerate(units)
                                   if j not in hit_units]

    def agrees(t: tuple[str, str, str], u: _Unit) -> bool:
        kinds, dates = merged[t]
        return all((g.kind is None or g.kind in kinds) and (g.date is None or g.date in dates)
                   for g in groups[(u.s, u.p, u.o)])

    strict_pairs = _max_matching([[j for j in js if agrees(t, units[j])] for t, js in zip(triples, options)])
    strict = _relation_counts(triples, units, strict_pairs)
    strict_hits = set(strict_pairs.values())
    for i, j in pairs.items():
        if j not in strict_hits:
            u, (kinds, dates) = units[j], merged[triples[i]]
            want = sorted({f"{k} {v}" for g in groups[(u.s, u.p, u.o)] for k, v in (("kind", g.kind), ("date", g.date)) if v})
            have = sorted({f"kind {k}" for k in kinds} | {f"date {d}" for d in dates})
            details["wrong_kind_or_date"].append(f"{name(u.s)} {u.p} {name(u.o)}: gold {', '.join(want)}; "
                                                 f"graph {', '.join(have) or 'none'}")

    return Scores(gold.path, pred.path, len(gold.articles), entities, micro, relations,
                  _sum(relations.values()), strict, _sum(strict.values()), dict(details))


def _relation_counts(triples: list, units: list[_Unit], pairs: dict[int, int]) -> dict[str, PRF]:
    counts = {p: PRF() for p in PREDICATES}
    for i, t in enumerate(triples):
        if i in pairs:
            counts[t[1]].tp += 1
        else:
            counts[t[1]].fp += 1
    hit = set(pairs.values())
    for j, u in enumerate(units):
        if j not in hit:
            counts[u.p].fn += 1
    return counts


def _sum(parts: Iterable[PRF]) -> PRF:
    total = PRF()
    for part in parts:
        total.add(part)
    return total


def format_scores(scores: Scores, verbose: bool = False) -> str:
    """A plain-text table of the scores; ``verbose`` adds what was missed and what is spurious."""
    head = f"{'':24} {'P':>6} {'R':>6} {'F1':>6} {'tp':>5} {'fp':>5} {'fn':>5}"

    def row(name: str, s: PRF) -> str:
        return f"{name:24} {s.precision:6.3f} {s.recall:6.3f} {s.f1:6.3f} {s.tp:5d} {s.fp:5d} {s.fn:5d}"

    lines = [f"gold: {scores.gold} ({scores.articles} articles)", f"graph: {scores.prediction}", "", head]
    lines += [row(f"  {t}", s) for t, s in scores.entities.items()]
    lines.append(row("entities micro", scores.entities_micro))
    lines += ["", head + f" {'strict F1':>10}"]
    lines += [row(f"  {p}", s) + f" {scores.relations_strict[p].f1:10.3f}" for p, s in scores.relations.items()]
    lines.append(row("relations micro", scores.relations_micro))
    lines.append(row("relations strict micro", scores.relations_strict_micro))
    lines += ["", "Entity rows count an entity under its type only when graph and gold agree on it; the",
              "micro line counts every match. Strict: the matched triple also carries every kind and",
              "date the gold gives for it."]
    if verbose:
        for key, title in (("missed_entities", "Missed gold entities"),
                           ("mistyped_entities", "Matched entities of another type"),
                           ("spurious_entities", "Spurious entities"),
                           ("missed_relations", "Missed gold relations"),
                           ("spurious_relations", "Spurious relations"),
                           ("wrong_kind_or_date", "Relations found without the gold kind or date")):
            items = scores.details.get(key, [])
            lines += ["", f"{title} ({len(items)}):"] + [f"  - {item}" for item in items]
    return "\n".join(lines)
