"""Typed records passed between pipeline stages.

ingest -> Article; nlp -> AnnotatedArticle; mentions -> Mention; linking -> Entity;
relations -> Fact (+ Event); graph -> rdflib Dataset. Every record is a plain dataclass
that round-trips through ``to_dict``/``from_dict`` so NLP output can be cached as JSON.
Character offsets are always relative to ``Article.text``.
"""
from __future__ import annotations

import sys
from dataclasses import asdict, dataclass, field, fields
from typing import Any, Optional

# ENTITY_TYPES and PREDICATES mirror ontology/kg.ttl, in its order; tests/test_records_ontology.py
# checks them against it (deriving them at import would cost every stage rdflib and a parse).

#: Entity classes of the ontology (local names in ontology/kg.ttl): the subclasses of kg:Entity.
ENTITY_TYPES = ("Person", "State", "Organization", "Place", "Treaty")

#: The closed set of relation predicates (local names in ontology/kg.ttl): its object
#: properties between entities.
PREDICATES = (
    "leaderOf", "holdsPosition", "memberOf", "communicatedWith", "visited", "signed",
    "supports", "alliedWith", "sentTroopsTo", "suppliedArmsTo", "criticized", "praised",
    "locatedIn",
)


class _Record:
    __slots__ = ()

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)  # type: ignore[call-overload]

    @classmethod
    def from_dict(cls, data: dict[str, Any]):
        return cls(**{f.name: data[f.name] for f in fields(cls) if f.name in data})  # type: ignore[arg-type]


@dataclass(frozen=True)
class Article(_Record):
    """One news article as read from the input, before any NLP."""

    id: str                       # stable, filesystem- and IRI-safe; unique in a build
    source: str                   # where it came from: a path, or path:line for JSONL
    text: str                     # the body that is analysed (offsets refer to it)
    title: Optional[str] = None
    date: Optional[str] = None    # ISO yyyy-mm-dd when known; yyyy-mm or yyyy when the source gives no day
    url: Optional[str] = None
    author: Optional[str] = None
    publisher: Optional[str] = None


@dataclass(frozen=True)
class Skipped(_Record):
    """An input that could not be used, and why (reported, never fatal unless --strict)."""

    source: str
    reason: str


@dataclass(slots=True)
class Word(_Record):
    """A syntactic word (after multiword-token expansion) with its annotations."""

    id: int                       # 1-based index in its sentence
    text: str
    start_char: int
    end_char: int
    lemma: Optional[str] = None
    upos: Optional[str] = None
    feats: Optional[str] = None
    head: Optional[int] = None    # 0 for the root
    deprel: Optional[str] = None

    def __post_init__(self) -> None:
        # Tags and lemmas repeat across a corpus: one shared string each keeps a large build's
        # annotations (held until linking and relations have seen every article) small.
        for name in ("text", "lemma", "upos", "feats", "deprel"):
            value = getattr(self, name)
            if value is not None:
                setattr(self, name, sys.intern(value))


@dataclass(slots=True)
class NerSpan(_Record):
    """A named-entity span found by the NER model (PER, LOC, ORG)."""

    text: str
    type: str
    start_char: int
    end_char: int


@dataclass(slots=True)
class Sentence(_Record):
    index: int
    text: str
    start_char: int
    end_char: int
    words: list[Word] = field(default_factory=list)
    entities: list[NerSpan] = field(default_factory=list)

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> "Sentence":
        return cls(index=data["index"], text=data["text"], start_char=data["start_char"],
                   end_char=data["end_char"], words=[Word.from_dict(w) for w in data["words"]],
                   entities=[NerSpan.from_dict(e) for e in data["entities"]])


@dataclass
class AnnotatedArticle(_Record):
    """An article with the Stanza annotations of its text."""

    article: Article
    sentences: list[Sentence]
    model_version: str

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> "AnnotatedArticle":
        return cls(article=Article.from_dict(data["article"]),
                   sentences=[Sentence.from_dict(s) for s in data["sentences"]],
                   model_version=data["model_version"])


@dataclass
class Mention(_Record):
    """A stretch of text that refers to an entity.

    ``kind`` is how it refers: a ``name``, a ``demonym`` standing for a state, a ``metonym``
    (a capital or seat standing for its government), a ``role`` description, a
    ``description`` of a place ("la capitale giapponese"), or a ``treaty`` phrase. ``key`` is a gazetteer key (a Wikidata QID) when the mention matched
    the gazetteer; linking fills it in for the rest.
    """

    article_id: str
    sentence: int
    start_char: int
    end_char: int
    text: str
    type: str                     # one of ENTITY_TYPES
    kind: str = "name"
    key: Optional[str] = None
    confidence: float = 1.0


@dataclass
class Entity(_Record):
    """A resolved entity: one node of the graph."""

    key: str                      # QID when linked, else a deterministic slug
    type: str
    label: str                    # the Italian name as written (the most complete form)
    alt_labels: list[str] = field(default_factory=list)
    wikidata: Optional[str] = None
    articles: list[str] = field(default_factory=list)
    #: the English name of an entity the gazetteer knows, so an English search finds it
    label_en: Optional[str] = None


@dataclass
class Evidence(_Record):
    """Where a fact was read: the article, the sentence and its character offsets."""

    article_id: str
    sentence: int
    start_char: int
    end_char: int
    text: str


@dataclass
class Event(_Record):
    """An event with its participants, time, place and amounts (a letter, a visit, ...)."""

    type: str                     # ontology class local name, e.g. Letter, PhoneCall, Visit
    participants: dict[str, list[str]]   # role -> entity keys
    evidence: Evidence
    date: Optional[str] = None    # yyyy, yyyy-mm or yyyy-mm-dd
    place: Optional[str] = None   # entity key
    quantity: Optional[str] = None
    trigger: Optional[str] = None
    status: str = "asserted"      # as for Fact: a planned visit is an event, marked planned
    source: Optional[str] = None  # entity key the article attributes the event to

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> "Event":
        values = {f.name: data[f.name] for f in fields(cls) if f.name in data}
        values["participants"] = {role: list(keys) for role, keys in data["participants"].items()}
        values["evidence"] = Evidence.from_dict(data["evidence"])
        return cls(**values)


@dataclass
class Fact(_Record):
    """A relation between two entities, with its provenance and confidence.

    ``status`` is ``asserted`` for facts the article states, ``reported`` for claims
    attributed to ``source`` ("secondo ..."), and ``negated``/``hypothetical``/``planned``
    for facts kept outside the graph of facts.
    """

    subject: str
    predicate: str                # one of PREDICATES
    object: str
    evidence: Evidence
    confidence: float
    kind: Optional[str] = None
    role: Optional[str] = None
    date: Optional[str] = None
    status: str = "asserted"
    source: Optional[str] = None  # entity key of the attributed source
    event: Optional[int] = None   # index into the article's events

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> "Fact":
        values = {f.name: data[f.name] for f in fields(cls) if f.name in data}
        values["evidence"] = Evidence.from_dict(data["evidence"])
        return cls(**values)


@dataclass
class RoleMention(_Record):
    """A role description ("il presidente russo", "il presidente della Duma di Stato").

    ``holder`` is the index (in the article's mention list) of the state or organisation
    the role belongs to; ``person`` the index of the person it is attached to by
    apposition, when the text names them right there.
    """

    article_id: str
    sentence: int
    start_char: int
    end_char: int
    text: str
    phrase: str                   # the role noun phrase, e.g. "presidente"
    predicate: str                # leaderOf or holdsPosition
    position: str
    role_en: str
    holder: Optional[int] = None
    person: Optional[int] = None


@dataclass
class CoMention(_Record):
    """Two entities named in the same sentence: in how many sentences, and in which articles.

    Not a fact and not in the graph (a corpus statistic): the graph stage counts them from the
    mentions (kg.graph.sentence_comentions) and the explorer draws them as its co-mention layer.
    ``a`` < ``b`` are entity keys; ``articles`` the ids of the articles holding those sentences.
    """

    a: str
    b: str
    count: int
    articles: list[str] = field(default_factory=list)
