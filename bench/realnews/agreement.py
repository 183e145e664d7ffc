#!/usr/bin/env python3
"""Inter-annotator agreement: the second annotator's sample against the corpus gold.

    python3 bench/realnews/agreement.py [--write]

Sentences (agreement/kind_second.jsonl vs kind_sentences.jsonl, same file and index): entity
F1 on exact token spans with type (and on spans alone), relation F1 on (subject span,
predicate, object span), either direction for alliedWith and meeting/phone_call.
Articles (agreement/gold_second.jsonl vs gold.jsonl, same id): the second annotation is read
as a prediction and scored by kg's own per-article scorer (labels and forms, folded), so
the figure is the F1 between the two; it is symmetric because the matching is one-to-one.
--write puts the table into README.md between the agreement markers.
"""
from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parents[1]))

from kg.evaluation import PRF, PredEntity, Prediction, PredRelation, load_gold_articles, score  # noqa: E402

UNDIRECTED = {"meeting", "phone_call"}


def rows(path: Path) -> list[dict]:
    return [json.loads(x) for x in path.read_text(encoding="utf-8").splitlines() if x.strip()]


def _spans(rec: dict, typed: bool) -> set:
    return {(e["start"], e["end"], e["type"]) if typed else (e["start"], e["end"]) for e in rec["entities"]}


def _rels(rec: dict) -> set:
    out = set()
    ents = rec["entities"]
    for r in rec["relations"]:
        s, o = (ents[r["s"]]["start"], ents[r["s"]]["end"]), (ents[r["o"]]["start"], ents[r["o"]]["end"])
        if r["p"] == "alliedWith" or r.get("kind") in UNDIRECTED:
            s, o = sorted((s, o))
        out.add((s, r["p"], o))
    return out


def _add(prf: PRF, a: set, b: set) -> None:
    prf.tp += len(a & b)
    prf.fp += len(b - a)
    prf.fn += len(a - b)


def sentence_agreement(first: list[dict], second: list[dict]) -> dict[str, PRF]:
    by_id = {(r["file"], r["sentence"]): r for r in first}
    out = {"entities (span + type)": PRF(), "entities (span)": PRF(), "relations": PRF()}
    for r in second:
        a = by_id.get((r["file"], r["sentence"]))
        if a is None:
            continue
        _add(out["entities (span + type)"], _spans(a, True), _spans(r, True))
        _add(out["entities (span)"], _spans(a, False), _spans(r, False))
        _add(out["relations"], _rels(a), _rels(r))
    out["sentences"] = len([r for r in second if (r["file"], r["sentence"]) in by_id])
    return out


def as_prediction(record: dict) -> Prediction:
    ents = {e["key"]: PredEntity(e["key"], e["type"], e["name"],
                                 tuple(f for f in e["forms"] if not f.startswith("~")), None)
            for e in record["entities"]}
    rels = [PredRelation(r["s"], r["p"], r["o"], frozenset([r["kind"]]) if r.get("kind") else frozenset(),
                         frozenset([r["date"]]) if r.get("date") else frozenset()) for r in record["relations"]]
    return Prediction(record["id"], ents, rels)


def article_agreement(gold_path: Path, second: list[dict]) -> dict[str, PRF]:
    gold = {g.articles[0]: g for g in load_gold_articles(gold_path)}
    out = {"entities": PRF(), "relations": PRF(), "relations (kind and date too)": PRF()}
    n = 0
    for rec in second:
        if rec["id"] not in gold:
            continue
        n += 1
        s = score(gold[rec["id"]], as_prediction(rec))
        out["entities"].add(s.entities_micro)
        out["relations"].add(s.relations_micro)
        out["relations (kind and date too)"].add(s.relations_strict_micro)
    out["articles"] = n
    return out


def table(sent: dict, art: dict) -> str:
    lines = ["| sample | measure | F1 | P | R |", "|---|---|---|---|---|"]
    for name, res in ((f"{sent['sentences']} KIND sentences", sent), (f"{art['articles']} articles", art)):
        for k, v in res.items():
            if isinstance(v, PRF):
                lines.append(f"| {name} | {k} | {v.f1:.3f} | {v.precision:.3f} | {v.recall:.3f} |")
    return "\n".join(lines)


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--write", action="store_true")
    a = ap.parse_args()
    sent = sentence_agreement(rows(HERE / "kind_sentences.jsonl"), rows(HERE / "agreement" / "kind_second.jsonl"))
    art = article_agreement(HERE / "gold.jsonl", rows(HERE / "agreement" / "gold_second.jsonl"))
    text = table(sent, art)
    print(text)
    if a.write:
        readme = HERE / "README.md"
        body = readme.read_text(encoding="utf-8")
        start, end = "<!-- agreement -->", "<!-- /agreement -->"
        i, j = body.index(start) + len(start), body.index(end)
        readme.write_text(body[:i] + "\n" + text + "\n" + body[j:], encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
