"""The ontology, the SHACL shapes and kg.vocab: fast, no model.

The ontology is the source of truth: these tests fail when the code uses a term the
ontology lacks, when a term lacks its Italian and English label and comment, or when the
shapes stop accepting the graph shape of docs/graph.md or stop catching its defects.
"""
from __future__ import annotations

import re
from decimal import Decimal
from pathlib import Path

import pytest
from rdflib import BNode, Dataset, Graph, Literal, URIRef
from rdflib.collection import Collection
from rdflib.namespace import OWL, RDF, RDFS, SH, SKOS, XSD

from kg import resources, vocab
from kg.records import ENTITY_TYPES, PREDICATES
from kg.vocab import KG, ONTOLOGY_NS, PROV, SCHEMA

ROOT = Path(__file__).resolve().parent.parent
ONTOLOGY = URIRef("https://w3id.org/kg-it/ontology")
WD = "http://www.wikidata.org/entity/"
BASE = "https://example.org/kg/"

#: domain -> range of the closed predicate set (the gold data's scoring rules); None: any entity.
SIGNATURES = {
    "leaderOf": ({"Person"}, {"State"}),
    "holdsPosition": ({"Person"}, {"Organization", "State"}),
    "memberOf": ({"Person"}, {"Organization"}),
    "communicatedWith": ({"Person", "State"}, {"Person", "State"}),
    "visited": ({"Person"}, {"Place", "State"}),
    "signed": ({"Person", "State"}, {"Treaty"}),
    "supports": ({"State", "Person"}, {"State"}),
    "alliedWith": ({"State"}, {"State"}),
    "sentTroopsTo": ({"State"}, {"State", "Place"}),
    "suppliedArmsTo": ({"State"}, {"State"}),
    "criticized": ({"Entity"}, {"Entity"}),
    "praised": ({"Entity"}, {"Entity"}),
    "locatedIn": ({"Place"}, {"State"}),
}
EVENT_CLASSES = ("Letter", "Message", "PhoneCall", "Meeting", "Statement", "Visit", "Signing",
                 "TroopDeployment", "ArmsTransfer", "Support", "Criticism", "Praise", "Alliance", "Casualties")
FACTUALITIES = ("Asserted", "Reported", "Negated", "Hypothetical", "Planned")


@pytest.fixture(scope="module")
def onto() -> Graph:
    return vocab.ontology_graph()


def defined_terms(g: Graph) -> set[URIRef]:
    kinds = (OWL.Class, OWL.ObjectProperty, OWL.DatatypeProperty, OWL.AnnotationProperty, OWL.NamedIndividual)
    return {s for kind in kinds for s in g.subjects(RDF.type, kind)
            if isinstance(s, URIRef) and str(s).startswith(ONTOLOGY_NS)}


def class_set(g: Graph, node) -> set[str]:
    """Local names of a named class or of an owl:unionOf class expression."""
    if isinstance(node, URIRef):
        return {str(node)[len(ONTOLOGY_NS):]}
    members = g.value(node, OWL.unionOf)
    return {str(m)[len(ONTOLOGY_NS):] for m in Collection(g, members)}


# --- the ontology ---------------------------------------------------------------------------

def test_ontology_header(onto):
    assert (ONTOLOGY, RDF.type, OWL.Ontology) in onto
    assert onto.value(ONTOLOGY, OWL.versionInfo) is not None
    assert onto.value(ONTOLOGY, OWL.versionIRI) is not None
    langs = {lit.language for lit in onto.objects(ONTOLOGY, RDFS.label)}
    assert {"it", "en"} <= langs


def test_every_term_is_labelled_and_commented_in_italian_and_english(onto):
    terms = defined_terms(onto)
    assert len(terms) > 50
    missing = []
    for term in sorted(terms):
        for prop in (RDFS.label, RDFS.comment):
            langs = {lit.language for lit in onto.objects(term, prop)}
            if not {"it", "en"} <= langs:
                missing.append(f"{term} {prop}")
        if (term, RDFS.isDefinedBy, ONTOLOGY) not in onto:
            missing.append(f"{term} rdfs:isDefinedBy")
    assert not missing, "\n".join(missing)


def test_every_kg_subject_is_a_declared_term(onto):
    subjects = {s for s in onto.subjects() if isinstance(s, URIRef) and str(s).startswith(ONTOLOGY_NS)}
    assert subjects == defined_terms(onto)


def test_every_kg_term_the_ontology_and_shapes_mention_is_defined(onto):
    defined = defined_terms(onto)
    for name, graph in (("kg.ttl", onto), ("shapes.ttl", vocab.shapes_graph())):
        used = {node for triple in graph for node in triple
                if isinstance(node, URIRef) and str(node).startswith(ONTOLOGY_NS)}
        assert used, name
        assert not used - defined, f"{name} uses undefined terms: {sorted(used - defined)}"


def test_shapes_cover_every_predicate():
    shapes = vocab.shapes_graph()
    for name in PREDICATES:
        assert (None, SH.targetSubjectsOf, KG[name]) in shapes, name
        assert (None, SH.targetObjectsOf, KG[name]) in shapes, name


def test_entity_classes(onto):
    for name in ENTITY_TYPES:
        assert (KG[name], RDF.type, OWL.Class) in onto
        assert (KG[name], RDFS.subClassOf, KG.Entity) in onto
    assert (KG.Person, RDFS.subClassOf, SCHEMA.Person) in onto
    assert (KG.Organization, RDFS.subClassOf, SCHEMA.Organization) in onto
    assert (KG.Place, RDFS.subClassOf, SCHEMA.Place) in onto
    # a state is not a place: no alignment that would make it one
    assert (KG.State, RDFS.subClassOf, SCHEMA.Country) not in onto
    assert (KG.State, SKOS.closeMatch, URIRef(WD + "Q3624078")) in onto


def test_event_and_provenance_classes(onto):
    for name in EVENT_CLASSES:
        assert (KG[name], RDFS.subClassOf, KG.Event) in onto, name
    assert (KG.Event, RDFS.subClassOf, SCHEMA.Event) in onto
    assert (KG.Sentence, RDFS.subClassOf, PROV.Entity) in onto
    assert (KG.Assertion, RDFS.subClassOf, RDF.Statement) in onto
    for name in FACTUALITIES:
        assert (KG[name], RDF.type, KG.Factuality) in onto
        assert (KG[name], RDF.type, OWL.NamedIndividual) in onto


def test_predicates_have_the_domains_and_ranges_of_the_eval_readme(onto):
    assert set(SIGNATURES) == set(PREDICATES)
    for name, (domain, range_) in SIGNATURES.items():
        p = KG[name]
        assert (p, RDF.type, OWL.ObjectProperty) in onto, name
        assert class_set(onto, onto.value(p, RDFS.domain)) == domain, name
        assert class_set(onto, onto.value(p, RDFS.range)) == range_, name
    assert (KG.alliedWith, RDF.type, OWL.SymmetricProperty) in onto


def test_event_and_provenance_properties(onto):
    assert (KG.agent, RDFS.subPropertyOf, KG.participant) in onto
    assert (KG.recipient, RDFS.subPropertyOf, KG.participant) in onto
    assert (KG.attributedTo, RDFS.subPropertyOf, PROV.wasAttributedTo) in onto
    assert onto.value(KG.confidence, RDFS.range) is not None
    date_range = onto.value(KG.date, RDFS.range)
    assert set(Collection(onto, onto.value(date_range, OWL.unionOf))) == {XSD.date, XSD.gYearMonth, XSD.gYear}
    for name in ("beginIndex", "endIndex"):
        assert onto.value(KG[name], RDFS.range) == XSD.integer
    for name in ("text", "trigger", "quantityText", "role"):
        assert onto.value(KG[name], RDFS.range) == RDF.langString


# --- kg.vocab ------------------------------------------------------------------------------

def test_closed_namespace_refuses_unknown_terms():
    assert KG.Person == URIRef(ONTOLOGY_NS + "Person") == KG["Person"]
    assert str(KG) == ONTOLOGY_NS
    with pytest.raises(AttributeError, match="Persn"):
        KG.Persn
    with pytest.raises(KeyError, match="leaderof"):
        KG["leaderof"]


def test_ontology_dir_and_copies():
    folder = vocab.ontology_dir()
    assert (folder / "kg.ttl").is_file() and (folder / "shapes.ttl").is_file()
    g = vocab.ontology_graph()
    g.remove((None, None, None))
    assert len(vocab.ontology_graph()) > 0


def test_ontology_dir_prefers_the_installed_copy(tmp_path, monkeypatch):
    package = tmp_path / "site-packages" / "kg"
    package.mkdir(parents=True)
    monkeypatch.setattr(resources, "__file__", str(package / "resources.py"))
    with pytest.raises(FileNotFoundError, match="kg.ttl"):
        vocab.ontology_dir()
    (tmp_path / "site-packages" / "ontology").mkdir()
    (tmp_path / "site-packages" / "ontology" / "kg.ttl").write_text("")
    assert vocab.ontology_dir() == tmp_path / "site-packages" / "ontology"   # source-checkout layout
    (package / "ontology").mkdir()
    (package / "ontology" / "kg.ttl").write_text("")
    assert vocab.ontology_dir() == package / "ontology"                       # wheel layout first


def code_terms() -> set[str]:
    names: set[str] = set()
    for path in sorted((ROOT / "kg").glob("*.py")) + sorted((ROOT / "kg" / "export").glob("*.py")):
        text = path.read_text(encoding="utf-8")
        names |= set(re.findall(r"\bKG\.(\w+)", text)) | set(re.findall(r"\bKG\[\"(\w+)\"\]", text))
    return names


def test_every_term_the_code_uses_is_in_the_ontology(onto):
    used = code_terms()
    assert {"Sentence", "Assertion", "evidence"} <= used   # the grep does find the code's terms
    missing = sorted(t for t in used if URIRef(ONTOLOGY_NS + t) not in defined_terms(onto))
    assert not missing, f"terms used in kg/ but missing from ontology/kg.ttl: {missing}"


def test_event_classes_of_the_relation_stage_exist(onto):
    from kg.relations import EVENT_CLASS
    for name in EVENT_CLASS.values():
        assert (KG[name], RDFS.subClassOf, KG.Event) in onto, name


def test_graph_stage_names_exist():
    from kg.graph import FACTUALITY
    for name in list(FACTUALITY.values()) + list(ENTITY_TYPES) + list(PREDICATES):
        assert KG[name]


# --- the shapes ----------------------------------------------------------------------------

ART = URIRef(BASE + "article/002-x")
SENT = URIRef(BASE + "article/002-x/sentence/3")
PUTIN = URIRef(BASE + "entity/Q7747")
KIM = URIRef(BASE + "entity/Q56226")
RUSSIA = URIRef(BASE + "entity/Q159")
KOREA = URIRef(BASE + "entity/Q423")
EVENT = URIRef(BASE + "event/002-x/2")
FACT = URIRef(BASE + "fact/0123456789abcdef")
FACT2 = URIRef(BASE + "fact/fedcba9876543210")


def valid_graph() -> Graph:
    """A small graph with the shape of docs/graph.md: entities, a fact, an event, provenance."""
    g = Graph()
    add = g.add
    add((ART, RDF.type, SCHEMA.NewsArticle))
    add((ART, RDF.type, PROV.Entity))
    add((ART, SCHEMA.headline, Literal("Kim scrive a Putin", lang="it")))
    add((ART, SCHEMA.datePublished, Literal("2025-08-13", datatype=XSD.date)))
    add((ART, SCHEMA.url, URIRef("https://example.org/news/1")))
    add((ART, SCHEMA.author, Literal("Marianna Perrone")))
    add((ART, SCHEMA.inLanguage, Literal("it")))
    add((ART, KG.sourceFile, Literal("seeds/002_x.txt")))
    add((SENT, RDF.type, KG.Sentence))
    add((SENT, KG.text, Literal("Kim ha inviato una lettera a Putin.", lang="it")))
    add((SENT, KG.beginIndex, Literal(120, datatype=XSD.integer)))
    add((SENT, KG.endIndex, Literal(155, datatype=XSD.integer)))
    add((SENT, SCHEMA.isPartOf, ART))
    for node, cls, label, qid in ((PUTIN, KG.Person, "Vladimir Putin", "Q7747"), (KIM, KG.Person, "Kim Jong-un", "Q56226"),
                                  (RUSSIA, KG.State, "Russia", "Q159"), (KOREA, KG.State, "Corea del Nord", "Q423")):
        add((node, RDF.type, cls))
        add((node, RDFS.label, Literal(label, lang="it")))
        add((node, OWL.sameAs, URIRef(WD + qid)))
        add((node, KG.mentionedIn, ART))
    add((PUTIN, SKOS.altLabel, Literal("presidente russo", lang="it")))
    add((EVENT, RDF.type, KG.Letter))
    add((EVENT, KG.agent, KIM))
    add((EVENT, KG.recipient, PUTIN))
    add((EVENT, KG.date, Literal("2025-08-15", datatype=XSD.date)))
    add((EVENT, KG.place, KOREA))
    add((EVENT, KG.quantity, Literal(Decimal("1"), datatype=XSD.decimal)))
    add((EVENT, KG.quantityText, Literal("una lettera", lang="it")))
    add((EVENT, KG.trigger, Literal("inviato", lang="it")))
    add((EVENT, KG.factuality, KG.Asserted))
    add((EVENT, KG.evidence, SENT))
    add((EVENT, PROV.wasDerivedFrom, ART))
    # an asserted fact: direct triple + assertion
    add((KIM, KG.communicatedWith, PUTIN))
    add((FACT, RDF.type, KG.Assertion))
    add((FACT, RDF.type, RDF.Statement))
    add((FACT, RDF.subject, KIM))
    add((FACT, RDF.predicate, KG.communicatedWith))
    add((FACT, RDF.object, PUTIN))
    add((FACT, KG.confidence, Literal(Decimal("0.85"), datatype=XSD.decimal)))
    add((FACT, KG.factuality, KG.Asserted))
    add((FACT, KG.date, Literal("2025-08", datatype=XSD.gYearMonth)))
    add((FACT, KG.event, EVENT))
    add((FACT, KG.evidence, SENT))
    add((FACT, PROV.wasDerivedFrom, ART))
    # a planned fact: assertion only, attributed to a source
    add((FACT2, RDF.type, KG.Assertion))
    add((FACT2, RDF.type, RDF.Statement))
    add((FACT2, RDF.subject, PUTIN))
    add((FACT2, RDF.predicate, KG.visited))
    add((FACT2, RDF.object, KOREA))
    add((FACT2, KG.confidence, Literal(Decimal("1"), datatype=XSD.decimal)))
    add((FACT2, KG.factuality, KG.Planned))
    add((FACT2, KG.attributedTo, RUSSIA))
    add((FACT2, KG.date, Literal("2025", datatype=XSD.gYear)))
    add((FACT2, KG.evidence, SENT))
    add((FACT2, PROV.wasDerivedFrom, ART))
    return g


@pytest.mark.parametrize("inference", ["rdfs", "none"])
def test_valid_graph_conforms(inference):
    conforms, _, text = vocab.validate(valid_graph(), inference=inference)
    assert conforms, text


@pytest.mark.parametrize("value,datatype", [("2025-08", XSD.gYearMonth), ("2025", XSD.gYear)])
def test_an_article_dated_by_its_month_or_year_conforms(value, datatype):
    g = valid_graph()
    g.set((ART, SCHEMA.datePublished, Literal(value, datatype=datatype)))
    conforms, _, text = vocab.validate(g, inference="none")
    assert conforms, text
    g.set((ART, SCHEMA.datePublished, Literal(value, datatype=XSD.string)))
    assert not vocab.validate(g, inference="none")[0]


def test_a_dataset_is_validated_as_the_union_of_its_quads():
    ds = Dataset()
    named = ds.graph(URIRef(BASE + "graph/002-x"))
    for triple in valid_graph():
        named.add(triple)
    ds.add((URIRef(BASE + "graph/002-x"), RDF.type, PROV.Entity))
    conforms, _, text = vocab.validate(ds)
    assert conforms, text


def test_validation_does_not_change_the_cached_graphs():
    before = (len(vocab.ontology_graph()), len(vocab.shapes_graph()))
    vocab.validate(valid_graph())
    assert (len(vocab.ontology_graph()), len(vocab.shapes_graph())) == before


def two_labels(g):
    g.add((PUTIN, RDFS.label, Literal("Putin", lang="it")))
    return PUTIN, "rdfs:label"


def english_label(g):
    g.set((KIM, RDFS.label, Literal("Kim Jong-un", lang="en")))
    return KIM, "rdfs:label"


def non_wikidata_same_as(g):
    g.set((RUSSIA, OWL.sameAs, URIRef("http://dbpedia.org/resource/Russia")))
    return RUSSIA, "owl:sameAs"


def leader_from_state(g):
    g.add((RUSSIA, KG.leaderOf, KOREA))
    _assertion(g, RUSSIA, KG.leaderOf, KOREA)
    return RUSSIA, "leaderOf"


def leader_of_person(g):
    g.add((PUTIN, KG.leaderOf, KIM))
    _assertion(g, PUTIN, KG.leaderOf, KIM)
    return KIM, "leaderOf"


def confidence_above_one(g):
    g.set((FACT, KG.confidence, Literal(Decimal("1.5"), datatype=XSD.decimal)))
    return FACT, "kg:confidence"


def confidence_as_float(g):
    g.set((FACT, KG.confidence, Literal(0.5, datatype=XSD.double)))
    return FACT, "kg:confidence"


def date_as_string(g):
    g.set((EVENT, KG.date, Literal("2025-08-15", datatype=XSD.string)))
    return EVENT, "kg:date"


def begin_after_end(g):
    g.set((SENT, KG.beginIndex, Literal(200, datatype=XSD.integer)))
    return SENT, "kg:beginIndex"


def unknown_factuality(g):
    g.set((FACT, KG.factuality, KG.Hypothetical))
    g.add((FACT, KG.factuality, KG.Asserted))
    return FACT, "kg:factuality"


def predicate_outside_the_set(g):
    g.set((FACT2, RDF.predicate, KG.participant))
    return FACT2, "rdf:predicate"


def assertion_without_evidence(g):
    g.remove((FACT, KG.evidence, None))
    return FACT, "kg:evidence"


def direct_triple_without_assertion(g):
    g.add((PUTIN, KG.praised, KIM))
    return PUTIN, "praised"


def asserted_fact_without_direct_triple(g):
    g.remove((KIM, KG.communicatedWith, PUTIN))
    return FACT, "communicatedWith"


def event_participant_is_not_an_entity(g):
    g.add((EVENT, KG.participant, SENT))
    return EVENT, "kg:participant"


def event_without_evidence(g):
    g.remove((EVENT, KG.evidence, None))
    return EVENT, "kg:evidence"


def untyped_entity_in_a_fact(g):
    ghost = URIRef(BASE + "entity/x-ghost")
    g.add((KIM, KG.criticized, ghost))
    _assertion(g, KIM, KG.criticized, ghost)
    return ghost, "criticized"


def sentence_outside_an_article(g):
    g.remove((SENT, SCHEMA.isPartOf, None))
    return SENT, "schema:isPartOf"


def _assertion(g: Graph, s, p, o) -> None:
    node = URIRef(BASE + "fact/extra")
    for triple in ((RDF.type, KG.Assertion), (RDF.subject, s), (RDF.predicate, p), (RDF.object, o),
                   (KG.confidence, Literal(Decimal("0.9"), datatype=XSD.decimal)), (KG.factuality, KG.Asserted),
                   (KG.evidence, SENT), (PROV.wasDerivedFrom, ART)):
        g.add((node, *triple))


BROKEN = [two_labels, english_label, non_wikidata_same_as, leader_from_state, leader_of_person,
          confidence_above_one, confidence_as_float, date_as_string, begin_after_end, unknown_factuality,
          predicate_outside_the_set, assertion_without_evidence, direct_triple_without_assertion,
          asserted_fact_without_direct_triple, event_participant_is_not_an_entity, event_without_evidence,
          untyped_entity_in_a_fact, sentence_outside_an_article]


@pytest.mark.parametrize("inference", ["rdfs", "none"])
@pytest.mark.parametrize("breaks", BROKEN, ids=lambda f: f.__name__)
def test_broken_graph_does_not_conform(breaks, inference):
    g = valid_graph()
    focus, term = breaks(g)
    conforms, results, text = vocab.validate(g, inference=inference)
    assert not conforms
    assert str(focus) in text and term.split(":")[-1] in text, text
    # one result names the offending node as its focus and the offending term as its path,
    # its source shape or its message
    local = term.split(":")[-1]
    about = []
    for r in results.subjects(SH.focusNode, focus):
        words = [results.value(r, SH.resultPath), results.value(r, SH.sourceShape), *results.objects(r, SH.resultMessage)]
        about.append(" ".join(str(w) for w in words if w is not None))
    assert any(local in a for a in about), (about, text)


# --- the graph writer's own output ---------------------------------------------------------

def test_the_graph_stage_writes_graphs_that_conform():
    """kg.graph.build_dataset on hand-made records (no model): its union conforms."""
    from kg.graph import ArticleGraphInput, build_dataset, facts_graph
    from kg.iris import IriMinter
    from kg.records import Article, Entity, Event, Evidence, Fact

    aid = "002_0517a2c3f414bc01"
    text = "Kim Jong-un ha inviato una lettera a Vladimir Putin. Secondo la KCNA, Mosca sostiene Pyongyang."
    first, second = Evidence(aid, 0, 0, 52, text[:52]), Evidence(aid, 1, 53, len(text), text[53:])
    entities = {
        "Q56226": Entity("Q56226", "Person", "Kim Jong-un", ["Kim"], "Q56226", [aid]),
        "Q7747": Entity("Q7747", "Person", "Vladimir Putin", ["Putin", "presidente russo"], "Q7747", [aid]),
        "Q159": Entity("Q159", "State", "Russia", ["Mosca"], "Q159", [aid]),
        "Q423": Entity("Q423", "State", "Corea del Nord", ["Pyongyang"], "Q423", [aid]),
        "x:kcna": Entity("x:kcna", "Organization", "KCNA", [], None, [aid]),
        "Q1065": Entity("Q1065", "Organization", "ONU", [], "Q1065", [aid]),
    }
    events = [Event("Letter", {"agent": ["Q56226"], "recipient": ["Q7747"]}, first, date="2025-08",
                    place="Q423", quantity="10.000", trigger="inviato"),
              Event("Support", {"agent": ["Q159"], "recipient": ["Q423"]}, second, date="2025",
                    status="reported", source="x:kcna"),
              Event("Visit", {"agent": ["Q7747"], "recipient": ["Q423"]}, first, status="planned")]
    facts = [Fact("Q56226", "communicatedWith", "Q7747", first, 0.85, kind="letter", date="2025-08", event=0),
             Fact("Q159", "supports", "Q423", second, 0.9, status="reported", source="x:kcna", event=1),
             Fact("Q7747", "holdsPosition", "Q159", first, 0.7, role="presidente"),
             Fact("Q7747", "memberOf", "Q1065", first, 0.5, status="negated")]
    item = ArticleGraphInput(Article(aid, "seeds/002_0517a2c3f414bc01.txt", text, title="Lettera",
                                     date="2025-08-13", url="https://example.org/a", author="M. P."),
                             facts, events, {0: (0, 52, text[:52]), 1: (53, len(text), text[53:])})
    ds = build_dataset([item], entities, IriMinter(), "test-models")
    g = facts_graph(ds)
    conforms, _, report = vocab.validate(g)
    assert conforms, report
    # every event says how the article presents it: a planned visit is no visit that happened
    factuality = {str(t).rsplit("#", 1)[-1]: str(f).rsplit("#", 1)[-1]
                  for e, t in g.subject_objects(RDF.type) if str(t).endswith(("#Letter", "#Support", "#Visit"))
                  for f in g.objects(e, vocab.KG.factuality)}
    assert factuality == {"Letter": "Asserted", "Support": "Reported", "Visit": "Planned"}
    [support] = g.subjects(RDF.type, vocab.KG.Support)
    assert [str(x) for x in g.objects(support, vocab.KG.attributedTo)] == [str(IriMinter().entity("x:kcna"))]


def test_each_article_graph_says_only_where_it_mentions_an_entity():
    """The union lists every article an entity is in; each named graph only its own, so the
    dataset grows linearly with the articles that share an entity."""
    from kg.graph import ArticleGraphInput, build_dataset, facts_graph
    from kg.iris import IriMinter
    from kg.records import Article, Entity

    ids = [f"a{i}" for i in range(4)]
    entities = {"Q159": Entity("Q159", "State", "Russia", [], "Q159", ids)}
    items = [ArticleGraphInput(Article(aid, f"{aid}.txt", "La Russia."), [], [], {}) for aid in ids]
    minter = IriMinter()
    ds = build_dataset(items, entities, minter, "test-models")
    russia = minter.entity("Q159")
    for aid in ids:
        graph = ds.graph(minter.graph(aid))
        assert list(graph.objects(russia, vocab.KG.mentionedIn)) == [minter.article(aid)]
    assert len(list(facts_graph(ds).objects(russia, vocab.KG.mentionedIn))) == 4
