"""kg.evaluation: the scoring rules of the gold README, checked on hand-built graphs."""
from __future__ import annotations

import json
from pathlib import Path

import pytest
from rdflib import Dataset, Graph, Literal, Namespace, URIRef
from rdflib.namespace import OWL, RDF, RDFS, SKOS

from kg.cli import main
from kg.evaluation import fold, format_scores, load_gold, read_prediction, score

KG = Namespace("https://w3id.org/kg-it/ontology#")
WD = Namespace("http://www.wikidata.org/entity/")
BASE = "https://example.org/kg/"
SEEDS_GOLD = Path(__file__).parent / "data" / "seeds_gold.jsonl"

GOLD = [
    {"id": "a1", "entities": [
        {"key": "Q7747", "name": "Vladimir Putin", "type": "Person", "forms": ["Vladimir Putin", "Putin"]},
        {"key": "Q56226", "name": "Kim Jong-un", "type": "Person", "forms": ["Kim Jong-un", "Kim"]},
        {"key": "Q159", "name": "Russia", "type": "State", "forms": ["Russia", "~Mosca", "~russo"]},
        {"key": "Q423", "name": "North Korea", "type": "State", "forms": ["Corea del Nord", "~Pyongyang"]},
        {"key": "x:piazza", "name": "Arch of Triumph square", "type": "Place",
         "forms": ["piazza dell’Arco di Trionfo"]}],
     "relations": [
        {"s": "Q7747", "p": "communicatedWith", "o": "Q56226", "kind": "letter", "date": "2025-08-15"},
        {"s": "Q56226", "p": "communicatedWith", "o": "Q7747", "kind": "phone_call"},
        {"s": "Q159", "p": "alliedWith", "o": "Q423"},
        {"s": "Q7747", "p": "leaderOf", "o": "Q159"}]},
    {"id": "a2", "entities": [
        {"key": "Q7747", "name": "Vladimir Putin", "type": "Person", "forms": ["presidente russo"]},
        {"key": "Q159", "name": "Russia", "type": "State", "forms": ["Federazione Russa"]}],
     "relations": [{"s": "Q7747", "p": "leaderOf", "o": "Q159"}]},
]


@pytest.fixture
def gold(tmp_path):
    path = tmp_path / "gold.jsonl"
    path.write_text("\n".join(json.dumps(r, ensure_ascii=False) for r in GOLD) + "\n", encoding="utf-8")
    return load_gold(path)


def ent(key: str) -> URIRef:
    return URIRef(f"{BASE}entity/{key}")


class GraphMaker:
    """Builds a graph the way docs/graph.md describes it: entities, direct triples, assertions."""

    def __init__(self):
        self.graph = Graph()
        self.n = 0

    def entity(self, key, etype, label, *alts, qid=None):
        node = ent(key)
        self.graph.add((node, RDF.type, KG[etype]))
        self.graph.add((node, RDFS.label, Literal(label, lang="it")))
        for alt in alts:
            self.graph.add((node, SKOS.altLabel, Literal(alt, lang="it")))
        if qid:
            self.graph.add((node, OWL.sameAs, WD[qid]))
        return self

    def fact(self, s, p, o, kind=None, date=None, event_date=None, factuality="Asserted"):
        self.n += 1
        if factuality in ("Asserted", "Reported"):
            self.graph.add((ent(s), KG[p], ent(o)))
        node = URIRef(f"{BASE}fact/{self.n}")
        for triple in ((RDF.type, KG.Assertion), (RDF.type, RDF.Statement), (RDF.subject, ent(s)),
                       (RDF.predicate, KG[p]), (RDF.object, ent(o)), (KG.factuality, KG[factuality])):
            self.graph.add((node, *triple))
        if date:
            self.graph.add((node, KG.date, Literal(date)))
        if kind or event_date:
            event = URIRef(f"{BASE}event/a1/{self.n}")
            self.graph.add((node, KG.event, event))
            self.graph.add((event, RDF.type, KG[kind or "Visit"]))
            if event_date:
                self.graph.add((event, KG.date, Literal(event_date)))
        return self

    def write(self, path: Path) -> Path:
        self.graph.serialize(str(path), format="turtle")
        return path


def scored(gold, maker: GraphMaker, tmp_path):
    return score(gold, read_prediction(maker.write(tmp_path / "graph.ttl")))


def test_gold_merges_entities_over_articles(gold):
    assert gold.articles == ["a1", "a2"]
    putin = gold.entities["Q7747"]
    assert putin.forms == ("Vladimir Putin", "Putin", "presidente russo")
    assert gold.entities["Q159"].indirect == ("Mosca", "russo")
    assert len(gold.relations) == 4  # leaderOf appears in both articles: one relation


def test_qid_match_whatever_the_label(gold, tmp_path):
    s = scored(gold, GraphMaker().entity("p", "Person", "V. V. P.", qid="Q7747"), tmp_path)
    assert (s.entities["Person"].tp, s.entities["Person"].fp, s.entities["Person"].fn) == (1, 0, 1)


def test_qid_guess_of_a_slug_keyed_entity(tmp_path):
    record = {"id": "a", "relations": [], "entities": [
        {"key": "x:shoigu", "name": "Sergei Shoigu", "type": "Person", "forms": ["Choïgou"], "qid_guess": "Q32024"}]}
    path = tmp_path / "g.jsonl"
    path.write_text(json.dumps(record) + "\n", encoding="utf-8")
    s = scored(load_gold(path), GraphMaker().entity("Q32024", "Person", "Sergej Šojgu", qid="Q32024"), tmp_path)
    assert s.entities_micro.tp == 1


def test_label_match_folds_case_accents_apostrophes_hyphens(gold, tmp_path):
    maker = (GraphMaker().entity("a", "Person", "KIM JONG UN")
             .entity("b", "Place", "Piazza dell'Àrco di  Trionfo")
             .entity("c", "State", "Stato", "corea del nord"))
    s = scored(gold, maker, tmp_path)
    assert s.entities_micro.tp == 3 and s.entities_micro.fp == 0
    assert fold("Kim Jong‐un") == fold("kim jong un")


def test_indirect_forms_do_not_match_by_label(gold, tmp_path):
    s = scored(gold, GraphMaker().entity("mosca", "State", "Mosca").entity("py", "State", "Pyongyang"), tmp_path)
    assert (s.entities_micro.tp, s.entities_micro.fp) == (0, 2)


def test_duplicates_match_once(gold, tmp_path):
    maker = (GraphMaker().entity("x-putin", "Person", "Putin").entity("Q7747", "Person", "Vladimir Putin", qid="Q7747")
             .entity("x-pres", "Person", "presidente russo"))
    s = scored(gold, maker, tmp_path)
    person = s.entities["Person"]
    assert (person.tp, person.fp, person.fn) == (1, 2, 1)
    assert any("x-putin" in item for item in s.details["spurious_entities"])


def test_per_type_numbers(gold, tmp_path):
    maker = (GraphMaker()
             .entity("Q7747", "Person", "Putin", qid="Q7747")        # Person tp
             .entity("x-lavrov", "Person", "Sergej Lavrov")          # Person fp
             .entity("Q159", "State", "Russia", qid="Q159")          # State tp
             .entity("x-cdn", "Place", "Corea del Nord")             # matched, but gold says State
             .entity("x-roma", "Place", "Roma"))                     # Place fp
    s = scored(gold, maker, tmp_path)
    counts = {t: (p.tp, p.fp, p.fn) for t, p in s.entities.items()}
    assert counts == {"Person": (1, 1, 1), "State": (1, 0, 1), "Place": (0, 2, 1),
                      "Organization": (0, 0, 0), "Treaty": (0, 0, 0)}
    assert s.entities["Person"].precision == pytest.approx(0.5)
    assert s.entities["Person"].recall == pytest.approx(0.5)
    assert s.entities["State"].precision == pytest.approx(1.0)
    assert s.entities["State"].recall == pytest.approx(0.5)
    # micro: a matched entity counts whatever its type
    micro = s.entities_micro
    assert (micro.tp, micro.fp, micro.fn) == (3, 2, 2)
    assert micro.precision == pytest.approx(3 / 5) and micro.recall == pytest.approx(3 / 5)
    assert s.details["mistyped_entities"]


def base_entities() -> GraphMaker:
    return (GraphMaker().entity("Q7747", "Person", "Vladimir Putin", qid="Q7747")
            .entity("Q56226", "Person", "Kim Jong-un", qid="Q56226")
            .entity("Q159", "State", "Russia", qid="Q159").entity("Q423", "State", "Corea del Nord", qid="Q423"))


def test_symmetric_alliance_either_direction(gold, tmp_path):
    s = scored(gold, base_entities().fact("Q423", "alliedWith", "Q159").fact("Q159", "alliedWith", "Q423"), tmp_path)
    allied = s.relations["alliedWith"]
    assert (allied.tp, allied.fp, allied.fn) == (1, 0, 0)


def test_direction_matters_for_letters_not_calls(gold, tmp_path):
    s = scored(gold, base_entities().fact("Q56226", "communicatedWith", "Q7747", kind="Letter"), tmp_path)
    comm = s.relations["communicatedWith"]
    # Kim -> Putin matches the phone call (either direction), not Putin's letter
    assert (comm.tp, comm.fp, comm.fn) == (1, 0, 1)
    s = scored(gold, base_entities().fact("Q7747", "communicatedWith", "Q56226", kind="Letter")
               .fact("Q56226", "communicatedWith", "Q7747", kind="PhoneCall"), tmp_path)
    assert (s.relations["communicatedWith"].tp, s.relations["communicatedWith"].fn) == (2, 0)
    # a call the other way round also counts, a letter the other way round does not
    gold_letter_only = load_gold(write_gold(tmp_path, [{"s": "Q7747", "p": "communicatedWith", "o": "Q56226",
                                                         "kind": "letter"}]))
    s = scored(gold_letter_only, base_entities().fact("Q56226", "communicatedWith", "Q7747"), tmp_path)
    assert (s.relations_micro.tp, s.relations_micro.fp, s.relations_micro.fn) == (0, 1, 1)


def write_gold(tmp_path: Path, relations: list[dict]) -> Path:
    record = dict(GOLD[0], relations=relations)
    path = tmp_path / "gold2.jsonl"
    path.write_text(json.dumps(record, ensure_ascii=False) + "\n", encoding="utf-8")
    return path


def test_strict_needs_kind_and_date(gold, tmp_path):
    maker = (base_entities().fact("Q7747", "communicatedWith", "Q56226", kind="Letter", event_date="2025-08")
             .fact("Q56226", "communicatedWith", "Q7747", kind="Message"))
    s = scored(gold, maker, tmp_path)
    assert s.relations["communicatedWith"].tp == 2        # both triples match loosely
    strict = s.relations_strict["communicatedWith"]
    assert (strict.tp, strict.fp, strict.fn) == (0, 2, 2)  # wrong date; message is not a phone call
    maker = (base_entities().fact("Q7747", "communicatedWith", "Q56226", kind="Letter", date="2025-08-15")
             .fact("Q7747", "communicatedWith", "Q56226", kind="Message")
             .fact("Q56226", "communicatedWith", "Q7747", kind="PhoneCall", date="2025-08-12"))
    strict = scored(gold, maker, tmp_path).relations_strict["communicatedWith"]
    assert (strict.tp, strict.fp, strict.fn) == (2, 0, 0)
    assert strict.precision == 1.0 and strict.recall == 1.0


def test_strict_needs_every_kind_and_date_gold_gives(tmp_path):
    gold = load_gold(write_gold(tmp_path, [
        {"s": "Q7747", "p": "communicatedWith", "o": "Q56226", "kind": "letter", "date": "2025-08"},
        {"s": "Q7747", "p": "communicatedWith", "o": "Q56226", "kind": "message", "date": "2025-12"}]))
    partial = base_entities().fact("Q7747", "communicatedWith", "Q56226", kind="Letter", date="2025-08")
    s = scored(gold, partial, tmp_path)
    assert (s.relations_micro.tp, s.relations_micro.fn) == (1, 0)
    assert (s.relations_strict_micro.tp, s.relations_strict_micro.fp, s.relations_strict_micro.fn) == (0, 1, 1)
    assert s.details["wrong_kind_or_date"] == [
        "Vladimir Putin communicatedWith Kim Jong-un: gold date 2025-08, date 2025-12, kind letter, kind message; "
        "graph date 2025-08, kind letter"]
    full = partial.fact("Q7747", "communicatedWith", "Q56226", kind="Message", event_date="2025-12")
    s = scored(gold, full, tmp_path)
    assert (s.relations_strict_micro.tp, s.relations_strict_micro.fp, s.relations_strict_micro.fn) == (1, 0, 0)


def test_negated_assertions_are_not_facts(gold, tmp_path):
    maker = (base_entities().fact("Q7747", "leaderOf", "Q159", factuality="Negated")
             .fact("Q159", "alliedWith", "Q423", kind="Meeting", factuality="Hypothetical"))
    s = scored(gold, maker, tmp_path)
    assert s.relations_micro.tp == 0 and s.relations_micro.fp == 0
    # a negated assertion gives no kind to a direct triple asserted elsewhere
    maker = (base_entities().fact("Q7747", "communicatedWith", "Q56226", kind="Letter", factuality="Negated",
                                  date="2025-08-15")
             .fact("Q7747", "communicatedWith", "Q56226"))
    pred = read_prediction(maker.write(tmp_path / "neg.ttl"))
    [rel] = pred.relations
    assert rel.kinds == frozenset() and rel.dates == frozenset()


def test_unmatched_end_is_a_false_positive(gold, tmp_path):
    maker = base_entities().entity("x-trump", "Person", "Donald Trump").fact("x-trump", "leaderOf", "Q159")
    s = scored(gold, maker, tmp_path)
    assert (s.relations["leaderOf"].tp, s.relations["leaderOf"].fp, s.relations["leaderOf"].fn) == (0, 1, 1)
    assert "Donald Trump leaderOf Russia" in s.details["spurious_relations"]


@pytest.mark.filterwarnings("ignore::DeprecationWarning")  # rdflib's TriG serializer
def test_trig_union_of_graphs(gold, tmp_path):
    maker = base_entities().fact("Q7747", "leaderOf", "Q159")
    dataset = Dataset()
    named = dataset.graph(URIRef(f"{BASE}graph/a1"))
    for triple in maker.graph:
        (dataset if triple[1] == RDF.type else named).add(triple)
    path = tmp_path / "graph.trig"
    dataset.serialize(str(path), format="trig")
    s = score(gold, read_prediction(path))
    assert s.entities_micro.tp == 4
    assert s.relations["leaderOf"].tp == 1


def test_parse_errors_name_the_file(tmp_path):
    bad = tmp_path / "broken.ttl"
    bad.write_text("<a> <b> .", encoding="utf-8")
    with pytest.raises(ValueError, match="broken.ttl"):
        read_prediction(bad)
    with pytest.raises(ValueError, match="graph.csv"):
        read_prediction(tmp_path / "graph.csv")
    gold = tmp_path / "gold.jsonl"
    gold.write_text(json.dumps(GOLD[0]) + "\n{oops\n", encoding="utf-8")
    with pytest.raises(ValueError, match=r"gold.jsonl:2"):
        load_gold(gold)


def test_report_and_json(gold, tmp_path, capsys):
    maker = base_entities().fact("Q7747", "leaderOf", "Q159")
    s = scored(gold, maker, tmp_path)
    text = format_scores(s)
    for needle in ("entities micro", "relations micro", "relations strict micro", "Person", "leaderOf"):
        assert needle in text
    assert "Missed gold entities" not in text
    verbose = format_scores(s, verbose=True)
    assert "Arch of Triumph square [Place] x:piazza" in verbose
    data = json.loads(json.dumps(s.to_dict()))
    assert data["relations"]["leaderOf"] == {"tp": 1, "fp": 0, "fn": 0, "precision": 1.0, "recall": 1.0, "f1": 1.0}
    assert main(["eval", "--gold", gold.path, str(tmp_path / "graph.ttl"), "--json"]) == 0
    assert json.loads(capsys.readouterr().out)["entities_micro"]["tp"] == 4


def test_seed_gold_loads():
    gold = load_gold(SEEDS_GOLD)
    assert len(gold.articles) == 5
    assert {"Q7747", "Q56226", "Q159", "Q423"} <= set(gold.entities)
    assert all(r.s in gold.entities and r.o in gold.entities for r in gold.relations)
