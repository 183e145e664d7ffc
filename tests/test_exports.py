"""The RDF writers: the same graph gives the same bytes whatever the order its triples were
added in, and every file parses back to the graph it was written from."""
import random
import warnings
from pathlib import Path

import pytest
from rdflib import Dataset, Graph
from rdflib.compare import isomorphic

from kg.build import build
from kg.export.rdf import write_jsonld, write_trig, write_turtle
from stub_tagger import StubAnnotator

TEXTS = ["Il presidente russo Vladimir Putin ha inviato una lettera a Kim Jong-un il 3 marzo 2024.",
         "La Corea del Nord e la Russia hanno firmato un trattato di mutua difesa a Pyongyang.",
         "Il ministro degli Esteri Sergei Lavrov ha incontrato il leader nordcoreano a Mosca."]


@pytest.fixture(scope="module")
def built(tmp_path_factory):
    folder = tmp_path_factory.mktemp("in")
    for i, text in enumerate(TEXTS):
        (folder / f"{i}.txt").write_text(text, encoding="utf-8")
    return build([folder], output=tmp_path_factory.mktemp("out"), annotator=StubAnnotator(), log=lambda m: None)


def shuffled(graph: Graph, seed: int) -> Graph:
    triples = list(graph)
    random.Random(seed).shuffle(triples)
    copy = Graph()
    for prefix, ns in graph.namespaces():
        copy.bind(prefix, ns, override=True, replace=True)
    for t in triples:
        copy.add(t)
    return copy


def shuffled_dataset(ds: Dataset, seed: int) -> Dataset:
    quads = list(ds.quads((None, None, None, None)))
    random.Random(seed).shuffle(quads)
    copy = Dataset()
    for prefix, ns in ds.namespaces():
        copy.bind(prefix, ns, override=True, replace=True)
    for s, p, o, g in quads:
        copy.add((s, p, o, g))
    return copy


@pytest.mark.parametrize("writer,fmt", [(write_turtle, "turtle"), (write_jsonld, "json-ld")])
def test_graph_files_are_deterministic_and_parse_back(built, tmp_path, writer, fmt):
    assert len(built.graph) > 50
    outputs = []
    for seed in (1, 2):
        path = tmp_path / f"{seed}.out"
        writer(shuffled(built.graph, seed), path)
        outputs.append(path.read_bytes())
    assert outputs[0] == outputs[1]
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", DeprecationWarning)
        back = Graph().parse(data=outputs[0].decode("utf-8"), format=fmt)
    assert isomorphic(back, built.graph)


def test_trig_is_deterministic_and_parses_back(built, tmp_path):
    outputs = []
    for seed in (1, 2):
        path = tmp_path / f"{seed}.trig"
        write_trig(shuffled_dataset(built.dataset, seed), path)
        outputs.append(path.read_bytes())
    assert outputs[0] == outputs[1]
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", DeprecationWarning)
        back = Dataset()
        back.parse(data=outputs[0].decode("utf-8"), format="trig")
        for ctx in built.dataset.contexts():
            if len(ctx):
                assert isomorphic(back.graph(ctx.identifier), ctx), ctx.identifier


def test_jsonld_writes_numbers_strings_and_typed_values(built, tmp_path):
    import json

    write_jsonld(built.graph, tmp_path / "g.jsonld")
    data = json.loads((tmp_path / "g.jsonld").read_text(encoding="utf-8"))
    values = [v for node in data["@graph"] for k, v in node.items() if k.startswith("kg:beginIndex")]
    assert values and all(isinstance(v, int) for v in values)
    ids = [node["@id"] for node in data["@graph"]]
    assert ids == sorted(ids) and len(ids) == len(set(ids))


def test_jsonld_context_holds_only_the_prefixes_it_uses(built, tmp_path):
    import json

    from kg.export.rdf import jsonld_data

    data = jsonld_data(built.graph)
    text = json.dumps(data["@graph"])
    assert data["@context"], "the graph uses some prefixes"
    for prefix in data["@context"]:
        assert f'"{prefix}:' in text, prefix
    built.graph.bind("unused", "https://unused.example/ns#")
    assert "unused" not in jsonld_data(built.graph)["@context"]


def test_the_ontology_travels_with_the_graph(built):
    from rdflib import URIRef
    from rdflib.namespace import OWL, RDF, RDFS

    from kg.vocab import ONTOLOGY_IRI

    out = built.output
    onto = Graph().parse(out / "ontology.ttl", format="turtle")
    assert (ONTOLOGY_IRI, RDF.type, OWL.Ontology) in onto
    graph = Graph().parse(out / "graph.ttl", format="turtle")
    assert list(graph.subjects(OWL.imports, ONTOLOGY_IRI)), "graph.ttl declares owl:imports"
    labels = {str(label) for label in onto.objects(URIRef(str(ONTOLOGY_IRI) + "#communicatedWith"), RDFS.label)}
    assert labels == {"ha comunicato con", "communicated with"}


#: Putin and Xi together in two sentences, Xi and Moscow in one; Macron and Scholz in another
#: sentence of the same article, never in a sentence with Putin or Xi.
TWO_SENTENCES = ("Vladimir Putin ha incontrato Xi Jinping a Mosca il 3 marzo 2024. Due giorni dopo Emmanuel "
                 "Macron ha telefonato a Olaf Scholz. Vladimir Putin ha poi parlato con Xi Jinping.")


def test_the_explorer_pairs_entities_named_in_the_same_sentence(tmp_path):
    import json
    import re

    from kg.records import CoMention

    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "a.txt").write_text(TWO_SENTENCES, encoding="utf-8")
    build([folder], output=tmp_path / "out", annotator=StubAnnotator(), log=lambda m: None)
    page = (tmp_path / "out" / "graph.html").read_text(encoding="utf-8")
    data = json.loads(re.search(r'<script type="application/json" id="kg-data">(.*?)</script>', page, re.S).group(1))
    assert data["comentionScope"] == "sentence"
    label = [n["label"] for n in data["nodes"]]
    assert {"Vladimir Putin", "Xi Jinping", "Emmanuel Macron", "Olaf Scholz"} <= set(label)
    pairs = {frozenset((label[a], label[b])): n for a, b, n, _ in data["comention"]}
    assert pairs[frozenset(("Vladimir Putin", "Xi Jinping"))] == 2
    assert pairs[frozenset(("Emmanuel Macron", "Olaf Scholz"))] == 1
    for far in ("Emmanuel Macron", "Olaf Scholz"):   # same article, different sentences
        for near in ("Vladimir Putin", "Xi Jinping"):
            assert frozenset((far, near)) not in pairs
    # the graph itself keeps no co-mention: graph.ttl is the facts, mentions by article only
    assert b"omention" not in (tmp_path / "out" / "graph.ttl").read_bytes()
    # the hand-off record (kg.graph.sentence_comentions) round-trips as JSON like the others
    record = CoMention("Q1", "Q2", 2, ["a"])
    assert CoMention.from_dict(json.loads(json.dumps(record.to_dict()))) == record


def test_sentence_comentions_count_sentences_of_the_graphs_entities():
    from kg.graph import sentence_comentions
    from kg.linking.model import Resolution
    from kg.mentions import ArticleMentions
    from kg.records import AnnotatedArticle, Article, CoMention, Entity, Mention

    def mention(sentence, text):
        return Mention("a", sentence, 0, len(text), text, "Person")

    am = ArticleMentions(AnnotatedArticle(Article("a", "a.txt", "..."), [], "stub"),
                         [mention(0, "A"), mention(0, "B"), mention(0, "A"), mention(0, "D"),
                          mention(1, "A"), mention(1, "C"), mention(2, "A"), mention(2, "B")])
    res = Resolution(entities={k: Entity(k, "Person", k, articles=["a"]) for k in "ABC"})
    res.entities["D"] = Entity("D", "Person", "D", articles=[])  # the entity filter took it out of "a"
    res.mention_keys = {("a", i): m.text for i, m in enumerate(am.mentions)}
    assert sentence_comentions([am], res) == [CoMention("A", "B", 2, ["a"]), CoMention("A", "C", 1, ["a"])]
