"""The hand rules' precision table (kg.relations.rule_precision): measured on real-news style
articles with the real models, smoothed, saved and read back, and used as the confidence of the
rules' facts where the scorer is loaded. The articles here are invented."""
from __future__ import annotations

import json

import pytest

from rdflib import RDF, Graph

from kg.cli import main
from kg.vocab import KG
from kg.relations.rule_precision import RulePrecision, load_rule_precision
from kg.rule_measurement import measure_rule_precision

MET = ("Il presidente francese Emmanuel Macron ha incontrato a Berlino il cancelliere tedesco Olaf Scholz. "
       "I due leader hanno parlato di difesa.")


def _corpus(tmp_path, gold_relations, test_relations=()):
    """A bench/realnews-shaped folder: one train article, and one test article that must never count."""
    folder = tmp_path / "realnews"
    (folder / "cache").mkdir(parents=True)
    entities = [{"key": "x:macron", "name": "Emmanuel Macron", "type": "Person", "forms": ["Emmanuel Macron"]},
                {"key": "x:scholz", "name": "Olaf Scholz", "type": "Person", "forms": ["Olaf Scholz"]},
                {"key": "x:france", "name": "France", "type": "State", "forms": ["~francese"]},
                {"key": "x:germany", "name": "Germany", "type": "State", "forms": ["~tedesco"]},
                {"key": "x:berlin", "name": "Berlin", "type": "Place", "forms": ["Berlino"]}]
    rows, gold = [], []
    for aid, split, rels in (("a1", "train", gold_relations), ("t1", "test", test_relations)):
        (folder / "cache" / f"{aid}.txt").write_text(MET, encoding="utf-8")
        rows.append({"id": aid, "split": split, "date": "2024-03-05", "url": f"https://example.org/{aid}"})
        gold.append({"id": aid, "entities": entities, "relations": [dict(zip("spo", r)) for r in rels]})
    (folder / "manifest.jsonl").write_text("".join(json.dumps(r) + "\n" for r in rows), encoding="utf-8")
    (folder / "gold.jsonl").write_text("".join(json.dumps(g) + "\n" for g in gold), encoding="utf-8")
    return folder


def test_the_rules_facts_are_counted_against_the_train_gold_and_never_the_test_gold(tmp_path):
    gold = [("x:macron", "communicatedWith", "x:scholz"), ("x:macron", "leaderOf", "x:france"),
            ("x:scholz", "leaderOf", "x:germany"), ("x:macron", "visited", "x:berlin")]
    folder = _corpus(tmp_path, gold, test_relations=[])
    table = measure_rule_precision(folder, ("train",), work=tmp_path / "work", log=lambda _m: None)
    assert table.meta == {"splits": ["train"], "articles": 1, "facts": sum(r + w for r, w in table.counts.values())}
    assert table.counts["communicatedWith"] == (1, 0) and table.counts["leaderOf"] == (2, 0)
    assert table.precision["leaderOf"] == 0.75          # (2 + 1) / (2 + 0 + 2)
    # Macron visited Berlin, so Germany ("tedesco") too: counted apart, and wrong for this gold
    assert table.counts["visited"] == (1, 0) and table.counts["visited:country"] == (0, 1)
    # the same article with no gold facts: every fact wrong
    empty = measure_rule_precision(_corpus(tmp_path / "b", []), ("train",), log=lambda _m: None)
    assert empty.counts["leaderOf"] == (0, 2) and empty.precision["leaderOf"] == 0.25
    with pytest.raises(ValueError, match="never measured on the test split"):
        measure_rule_precision(folder, ("train", "test"))


def test_the_table_round_trips_and_a_foreign_file_is_named(tmp_path):
    table = RulePrecision({"visited": (8, 2), "signed": (0, 0)}, {"articles": 3})
    table.save(tmp_path / "t.json")
    back = load_rule_precision(tmp_path / "t.json")
    assert back.counts == table.counts and back.precision == {"signed": 0.5, "visited": 0.75}
    (tmp_path / "bad.json").write_text(json.dumps({"format": "kg-relation-scorer/2"}), encoding="utf-8")
    with pytest.raises(ValueError, match="bad.json"):
        load_rule_precision(tmp_path / "bad.json")
    assert load_rule_precision(tmp_path / "absent.json") is None


def test_a_build_gives_the_rules_facts_the_tables_precision(tmp_path):
    (tmp_path / "a.txt").write_text(MET, encoding="utf-8")
    RulePrecision({"leaderOf": (7, 3), "communicatedWith": (0, 8)}).save(tmp_path / "t.json")
    assert main(["build", str(tmp_path / "a.txt"), "-o", str(tmp_path / "out"), "-q",
                 "--rule-precision", str(tmp_path / "t.json")]) == 0
    ttl = (tmp_path / "out" / "graph.ttl").read_text(encoding="utf-8")
    assert '"0.667"^^xsd:decimal' in ttl            # leaderOf: (7 + 1) / (10 + 2)
    assert '"0.1"^^xsd:decimal' in ttl              # communicatedWith: (0 + 1) / (8 + 2)


def test_a_country_visit_enters_the_graph_only_where_its_measured_precision_is_chosen(tmp_path):
    """Macron visited Berlin, and the article names Germany ("tedesco"): the visit of Germany
    carries the table's precision for such visits, below the scorer's threshold, so the default
    graph leaves it out and --min-confidence under it lets it in."""
    (tmp_path / "a.txt").write_text(MET, encoding="utf-8")
    RulePrecision({"visited": (9, 1), "visited:country": (4, 5)}).save(tmp_path / "t.json")   # 0.455

    def visits(*extra) -> dict[str, float]:
        out = tmp_path / f"out{len(extra)}"
        assert main(["build", str(tmp_path / "a.txt"), "-o", str(out), "-q", "--rule-precision",
                     str(tmp_path / "t.json"), *extra]) == 0
        g = Graph().parse(out / "graph.ttl")
        return {str(g.value(f, RDF.object)).rsplit("/", 1)[-1]: float(g.value(f, KG.confidence))
                for f in g.subjects(RDF.predicate, KG.visited)}

    default, chosen = visits(), visits("--min-confidence", "0.4")
    assert "Q64" in default and "Q183" not in default          # Berlin, not Germany
    assert chosen["Q183"] == 0.455 and "Q64" in chosen


ONE_SENTENCE = "Il presidente francese Emmanuel Macron ha incontrato a Berlino il cancelliere tedesco Olaf Scholz."


def test_a_one_sentence_document_takes_the_rules_one_sentence_precision(tmp_path):
    """The rules are right less often in a document of one sentence (the KIND sentences, whose
    gold reads that sentence alone): such a document's facts carry the one-sentence row."""
    (tmp_path / "two.txt").write_text(MET, encoding="utf-8")
    (tmp_path / "one.txt").write_text(ONE_SENTENCE, encoding="utf-8")
    RulePrecision({"leaderOf": (7, 3), "leaderOf@sentence": (1, 3)}).save(tmp_path / "t.json")

    def leader_confidences(name: str) -> set[float]:
        out = tmp_path / f"out-{name}"
        assert main(["build", str(tmp_path / f"{name}.txt"), "-o", str(out), "-q",
                     "--rule-precision", str(tmp_path / "t.json")]) == 0
        g = Graph().parse(out / "graph.ttl")
        return {float(g.value(f, KG.confidence)) for f in g.subjects(RDF.predicate, KG.leaderOf)}

    assert leader_confidences("two") == {0.667}      # (7 + 1) / (10 + 2)
    assert leader_confidences("one") == {0.333}      # (1 + 1) / (4 + 2)


def test_the_kind_sentences_are_measured_under_their_one_sentence_rows(tmp_path):
    gold = [("x:macron", "communicatedWith", "x:scholz"), ("x:macron", "leaderOf", "x:france"),
            ("x:scholz", "leaderOf", "x:germany"), ("x:macron", "visited", "x:berlin")]
    folder = _corpus(tmp_path, gold)
    kind = tmp_path / "kind"
    kind.mkdir()
    words = ONE_SENTENCE[:-1].split() + ["."]
    (kind / "WN_train.tsv").write_text("\n".join(f"{w}\tO" for w in words) + "\n\n", encoding="utf-8")
    # the sentence's gold gives Macron's office only: his meeting and Scholz's office are wrong here
    at = {w: i for i, w in enumerate(words)}
    sentence = {"file": "WN_train.tsv", "sentence": 0, "split": "train",
                "entities": [{"start": at["Emmanuel"], "end": at["Macron"] + 1, "type": "Person", "key": "x:macron",
                              "name": "Emmanuel Macron"},
                             {"start": at["francese"], "end": at["francese"] + 1, "type": "State", "key": "x:france",
                              "name": "France", "indirect": True},
                             {"start": at["Olaf"], "end": at["Scholz"] + 1, "type": "Person", "key": "x:scholz",
                              "name": "Olaf Scholz"}],
                "relations": [{"s": 0, "p": "leaderOf", "o": 1}]}
    (folder / "kind_sentences.jsonl").write_text(json.dumps(sentence) + "\n", encoding="utf-8")
    table = measure_rule_precision(folder, ("train",), work=tmp_path / "work", log=lambda _m: None, kind_dir=kind)
    assert table.counts["leaderOf"] == (2, 0)                    # the article, as before
    assert table.counts["leaderOf@sentence"][0] == 1             # Macron's office, right in the sentence
    assert table.counts["communicatedWith@sentence"] == (0, 1)   # no meeting in the sentence's gold
    assert table.meta["sentences"] == 1
