"""Training the relation scorer on the real-news gold (bench/realnews), deterministically.

Examples come from kg's own pipeline, as a build runs it: each annotated KIND sentence (an
article of one sentence) and each cached train and dev article goes through kg's NER,
mentions, linking and hand rules; every article pair (kg.relations.pairs) is labelled with the
predicates the item's gold gives its two entities, which are matched to gold entities by name
and form (articles) or by overlap with the gold mentions (KIND sentences). So the scorer learns
on exactly the mentions and parses it will see in a build, errors included. The test split is
never read here.

Per predicate, a logistic regression (scikit-learn, L2) over the indicator features. C, the
calibrations (isotonic: one shared, one per predicate with enough decisions) and the decision
threshold (the best F1 keeping precision >= 0.80) come from cross-validated predictions over
the training items, folded by item; the shipped model is then fitted on all of them.
"""
from __future__ import annotations

import json
from collections import Counter, defaultdict
from dataclasses import dataclass
from pathlib import Path
from typing import Callable, Optional

from kg.json_model import fit_logistic
from kg.realnews import article_text, written_date
from kg.records import PREDICATES
from kg.relations.scorer import Calibration, PredicateModel, RelationScorer
from kg.sentence_eval import detokenize, read_kind

UNDIRECTED_KINDS = {"meeting", "phone_call"}
TARGET_PRECISION = 0.80
C_GRID = (0.1, 0.3, 1.0, 3.0)
MIN_CALIBRATION = 50


@dataclass
class Item:
    """One text with its gold: mentions as (start, end, key) and relations as key triples."""

    id: str
    split: str
    text: str
    mentions: list[tuple[int, int, str]]
    relations: set[tuple[str, str, str]]
    date: Optional[str] = None
    entities: Optional[list[dict]] = None   # document gold: ends are matched by name, as kg eval does


@dataclass
class Example:
    item: str
    split: str
    predicates: tuple[str, ...]
    features: list[str]
    labels: frozenset[str]


def _relation_keys(rels: list[dict]) -> set[tuple[str, str, str]]:
    out = set()
    for r in rels:
        out.add((r["s"], r["p"], r["o"]))
        if r["p"] == "alliedWith" or (r["p"] == "communicatedWith" and r.get("kind") in UNDIRECTED_KINDS):
            out.add((r["o"], r["p"], r["s"]))
    return out


def sentence_items(gold_path: Path, kind_dir: Path, splits: tuple[str, ...]) -> list[Item]:
    tokens: dict[str, list[list[str]]] = {}
    items = []
    for line in Path(gold_path).read_text(encoding="utf-8").splitlines():
        if not line.strip():
            continue
        rec = json.loads(line)
        if rec["split"] not in splits:
            continue
        if rec["file"] not in tokens:
            tokens[rec["file"]] = read_kind(kind_dir / rec["file"])
        text, spans = detokenize(tokens[rec["file"]][rec["sentence"]])
        ents = rec["entities"]
        mentions = [(spans[e["start"]][0], spans[e["end"] - 1][1], e["key"]) for e in ents]
        rels = [{**r, "s": ents[r["s"]]["key"], "o": ents[r["o"]]["key"]} for r in rec["relations"]
                if not r.get("cross_sentence")]
        items.append(Item(f"{Path(rec['file']).stem}-{rec['sentence']}", rec["split"], text, mentions,
                          _relation_keys(rels)))
    return items


def article_items(realnews: Path, splits: tuple[str, ...]) -> list[Item]:
    """Cached articles of ``splits``, with their document gold (kg's entities are matched to it by
    name and form, as kg eval does, so the articles carry no gold mention spans)."""
    manifest = {m["id"]: m for m in map(json.loads, (realnews / "manifest.jsonl").read_text(encoding="utf-8").split("\n")[:-1])}
    items = []
    for line in (realnews / "gold.jsonl").read_text(encoding="utf-8").splitlines():
        g = json.loads(line)
        m = manifest.get(g["id"])
        path = realnews / "cache" / f"{g['id']}.txt"
        if m is None or m["split"] not in splits or not path.exists():
            continue
        text = path.read_text(encoding="utf-8")
        items.append(Item(g["id"], m["split"], article_text(text), [], _relation_keys(g["relations"]),
                          written_date(m.get("date"), text), g["entities"]))
    return items


def _gold_key(mention, gold: list[tuple[int, int, str]]) -> Optional[str]:
    """The gold mention that best covers a kg mention (overlap over union)."""
    best, score = None, 0.0
    for start, end, key in gold:
        o = min(end, mention.end_char) - max(start, mention.start_char)
        if o > 0:
            iou = o / (max(end, mention.end_char) - min(start, mention.start_char))
            if iou > score:
                best, score = key, iou
    return best


def gold_matches(item_id: str, gold_entities: list[dict], keys, res) -> dict[str, str]:
    """kg entity key -> gold key for one item's entities ``keys``, by kg eval's own matching
    (QIDs, labels, forms)."""
    from kg.evaluation import Gold, PredEntity, Prediction, _add_entity, match_entities

    ents: dict = {}
    for e in gold_entities:
        _add_entity(ents, e)
    pred = {k: PredEntity(k, res.entities[k].type, res.entities[k].label, tuple(res.entities[k].alt_labels), None)
            for k in sorted(keys) if k in res.entities}
    return match_entities(Gold("", [item_id], ents, []), Prediction(item_id, pred, []))


def _entity_map(item: Item, am, res) -> dict[str, str]:
    """kg entity key -> gold key for an article's entities."""
    keys = {res.key_of(am.annotated.article.id, i) for i in range(len(am.mentions))} - {None}
    return gold_matches(item.id, item.entities or [], keys, res)


def analyse(articles: list, log: Callable[[str], None] = print, annotator=None,
            demonyms=None) -> tuple[list, object, object]:
    """kg's pipeline up to linking over training texts, as a build runs it: (mentions per
    article, the resolution, the lexicon). The NLP results are cached under ~/.cache/kg.
    ``demonyms`` decides which demonyms stand for their state (kg.mentions.find_mentions);
    by default the shipped reading, as a build with its defaults decides."""
    from kg.build import default_annotator
    from kg.executors import make_executor
    from kg.gazetteer import load_gazetteer
    from kg.lexicon import load_lexicon
    from kg.linking import resolve
    from kg.mentions import find_mentions
    from kg.mentions.demonym_reading import load_demonym_reading

    annotator = annotator or default_annotator(cache_dir=Path.home() / ".cache" / "kg" / "relations-nlp")
    runner = make_executor("local", 1, None, None)
    try:
        annotated = [a for a in annotator.annotate_all(articles, runner) if not isinstance(a, Exception)]
    finally:
        runner.close()
    log(f"annotated {len(annotated)} of {len(articles)} items")
    gazetteer, lexicon = load_gazetteer(), load_lexicon()
    if demonyms is None and (reading := load_demonym_reading()) is not None:
        demonyms = lambda s, m: reading.stands_for_state(s, m, lexicon)  # noqa: E731
    mentions = [find_mentions(a, gazetteer, lexicon, demonyms) for a in annotated]
    return mentions, resolve(mentions, gazetteer, lexicon), lexicon


def _key_map(item: Item, am, res) -> dict[str, str]:
    """kg entity key -> gold key: by name for articles (as kg eval matches), by the gold
    mention each kg mention overlaps most for sentences (the key most of its mentions get)."""
    if item.entities is not None:
        return _entity_map(item, am, res)
    votes: dict[str, Counter] = defaultdict(Counter)
    for i, m in enumerate(am.mentions):
        key, gold = res.key_of(am.annotated.article.id, i), _gold_key(m, item.mentions)
        if key and gold:
            votes[key][gold] += 1
    return {k: c.most_common(1)[0][0] for k, c in votes.items()}


def build_examples(items: list[Item], log: Callable[[str], None] = print,
                   annotator=None, rule_features: bool = True) -> list[Example]:
    """Run kg's pipeline over the items and label every article pair (kg.relations.pairs)."""
    from kg.gazetteer import load_gazetteer
    from kg.records import Article
    from kg.relations.pairs import article_pairs
    from kg.relations.rules import RelationExtractor

    mentions, res, lexicon = analyse([Article(id=it.id, source=it.id, text=it.text, date=it.date) for it in items],
                                     log, annotator)
    extractor, gazetteer = RelationExtractor(lexicon, res), load_gazetteer()
    by_id = {it.id: it for it in items}
    examples = []
    for am in mentions:
        item = by_id[am.annotated.article.id]
        rules = extractor.extract(am).facts if rule_features else []
        to_gold = _key_map(item, am, res)
        for pair in article_pairs(am, res, lexicon, gazetteer, rules):
            gs, go = to_gold.get(pair.s_key), to_gold.get(pair.o_key)
            labels = frozenset(p for p in pair.predicates if gs and go and gs != go and (gs, p, go) in item.relations)
            source = ["src=sentence"] if item.entities is None else []
            examples.append(Example(item.id, item.split, pair.predicates, source + pair.features, labels))
    return examples


def _fit(examples: list[Example], c: float) -> dict[str, PredicateModel]:
    models = {}
    for p in PREDICATES:
        rows = [e for e in examples if p in e.predicates]
        y = [int(p in e.labels) for e in rows]
        if sum(y) < 2 or sum(y) == len(y):
            continue
        weights, bias = fit_logistic([e.features for e in rows], y, c)
        models[p] = PredicateModel(bias, weights)
    return models


def decisions(models: dict[str, PredicateModel], examples: list[Example]) -> list[tuple[float, bool, int, str]]:
    """Per example the decoded (top) predicate's raw probability, whether it is right, how
    many gold predicates the example has (so recall counts what no decision covers), and the
    predicate."""
    out = []
    for e in examples:
        probs = {p: models[p].raw(e.features) for p in e.predicates if p in models}
        if probs:
            p, prob = max(probs.items(), key=lambda kv: (kv[1], kv[0]))
            out.append((prob, p in e.labels, len(e.labels), p))
        else:
            out.append((0.0, False, len(e.labels), ""))
    return out


def _isotonic(points: list[tuple[float, bool, int, str]]) -> Calibration:
    from sklearn.isotonic import IsotonicRegression

    iso = IsotonicRegression(out_of_bounds="clip", y_min=0.0, y_max=1.0)
    iso.fit([x[0] for x in points], [float(x[1]) for x in points])
    return Calibration([round(float(x), 4) for x in iso.X_thresholds_], [round(float(y), 4) for y in iso.y_thresholds_])


def calibrations(points: list[tuple[float, bool, int, str]]) -> tuple[Calibration, dict[str, Calibration]]:
    """One isotonic map over all decisions, and one per predicate with enough of its own
    (MIN_CALIBRATION right and wrong decisions each): predicates differ in how far their raw
    probabilities are to be trusted."""
    own = {}
    for p in sorted({x[3] for x in points if x[3]}):
        mine = [x for x in points if x[3] == p]
        right = sum(x[1] for x in mine)
        if min(right, len(mine) - right) >= MIN_CALIBRATION:
            own[p] = _isotonic(mine)
    return _isotonic(points), own


def best_threshold(points: list[tuple], target: float = TARGET_PRECISION) -> tuple[float, float]:
    """The threshold with the best F1 among those keeping precision >= target (candidate level)."""
    gold = sum(x[2] for x in points)
    best = (0.5, 0.0)
    for t in sorted({round(x[0], 3) for x in points}):
        chosen = [(x[0], x[1]) for x in points if x[0] >= t]
        tp = sum(ok for _, ok in chosen)
        if not chosen or tp / len(chosen) < target:
            continue
        f1 = 2 * tp / (len(chosen) + gold) if gold else 0.0
        if f1 > best[1]:
            best = (t, f1)
    return best


def _cross_validated(examples: list[Example], c: float, folds: int) -> list[tuple[float, bool, int, str]]:
    """Out-of-fold decisions, folds by item (an article's or sentence's candidates stay together)."""
    groups = sorted({e.item for e in examples})
    fold_of = {g: i % folds for i, g in enumerate(groups)}
    points: list[tuple[float, bool, int, str]] = []
    for k in range(folds):
        models = _fit([e for e in examples if fold_of[e.item] != k], c)
        points += decisions(models, [e for e in examples if fold_of[e.item] == k])
    return points


def train_scorer(examples: list[Example], log: Callable[[str], None] = print, folds: int = 5) -> RelationScorer:
    """C, the calibration and the threshold from cross-validation over the items; then the fit on all."""
    runs = {}
    for c in C_GRID:
        points = _cross_validated(examples, c, folds)
        runs[c] = (best_threshold(points)[1], points)
        log(f"C={c}: cross-validated pair-level F1 {runs[c][0]:.3f}")
    c = max(C_GRID, key=lambda k: (runs[k][0], -k))
    points = runs[c][1]
    cal, by_predicate = calibrations(points)
    threshold, f1 = best_threshold([((by_predicate.get(p) or cal)(x), ok, n) for x, ok, n, p in points])
    log(f"chose C={c}; threshold {threshold} on the calibrated probability (pair-level F1 {f1:.3f})")
    meta = {"C": c, "examples": len(examples), "positives": sum(bool(e.labels) for e in examples),
            "items": len({e.item for e in examples}), "splits": sorted({e.split for e in examples}),
            "cv_f1": round(f1, 4), "cv_f1_by_C": {str(k): round(v[0], 4) for k, v in runs.items()}}
    return RelationScorer(_fit(examples, c), threshold, cal, meta, rule_precision(examples), by_predicate)


def rule_precision(examples: list[Example]) -> dict[str, float]:
    """Per predicate, how often the hand rules' vote is right (Laplace-smoothed, 3 decimals)."""
    votes: dict[str, list[int]] = defaultdict(lambda: [0, 0])
    for e in examples:
        for f in e.features:
            if f.startswith("rule_art="):
                votes[f[9:]][0] += 1
                votes[f[9:]][1] += f[9:] in e.labels
    return {p: round((ok + 1) / (n + 2), 3) for p, (n, ok) in sorted(votes.items())}


def save_examples(examples: list[Example], path: Path) -> None:
    path.write_text("".join(json.dumps({"item": e.item, "split": e.split, "predicates": list(e.predicates),
                                        "features": e.features, "labels": sorted(e.labels)}) + "\n"
                            for e in examples), encoding="utf-8")


def load_examples(path: Path) -> list[Example]:
    out = []
    for line in path.read_text(encoding="utf-8").splitlines():
        d = json.loads(line)
        out.append(Example(d["item"], d["split"], tuple(d["predicates"]), d["features"], frozenset(d["labels"])))
    return out


def summarise(examples: list[Example]) -> str:
    per = defaultdict(int)
    for e in examples:
        for p in e.labels:
            per[p] += 1
    return f"{len(examples)} candidates, {sum(bool(e.labels) for e in examples)} positive; " + \
        ", ".join(f"{p} {n}" for p, n in sorted(per.items()))
