"""The result of entity resolution: entities and what each mention refers to."""
from __future__ import annotations

from collections import Counter, defaultdict
from dataclasses import dataclass, field
from typing import Optional

from kg.records import Entity


@dataclass
class Resolution:
    """Entities of a build and which entity each mention and role description refers to."""

    entities: dict[str, Entity] = field(default_factory=dict)
    mention_keys: dict[tuple[str, int], str] = field(default_factory=dict)
    role_persons: dict[tuple[str, int], str] = field(default_factory=dict)
    metonyms: dict[str, str] = field(default_factory=dict)   # capital place key -> state key
    #: place key -> the state the gazetteer puts it in ("New York" -> United States)
    place_states: dict[str, str] = field(default_factory=dict)
    surfaces: dict[str, Counter] = field(default_factory=lambda: defaultdict(Counter))
    role_labels: dict[str, set[str]] = field(default_factory=lambda: defaultdict(set))
    #: (role phrase, holder) -> people the corpus names in that role, for role descriptions
    #: an article leaves unnamed; and those descriptions, resolved after every article is read.
    corpus_roles: dict[tuple[str, str], set[str]] = field(default_factory=dict)
    pending_roles: list[tuple] = field(default_factory=list)
    #: the state a role description names none for, from the gazetteer's record of the
    #: person in it ("la presidente del Consiglio Giorgia Meloni" -> Italy)
    role_holders: dict[tuple[str, int], str] = field(default_factory=dict)
    #: a state's body -> the state ("il governo spagnolo" -> Spain; kg.mentions.bodies)
    bodies: dict[str, str] = field(default_factory=dict)
    #: a place named after the place it is in -> that place ("aeroporto del Cairo" -> Cairo)
    place_parts: dict[str, str] = field(default_factory=dict)

    def state_of_place(self, key: str) -> Optional[str]:
        """The state a place lies in as the gazetteer knows it (a city, a capital, a seat such as
        "la Casa Bianca"), through the place it is part of ("l'aeroporto del Cairo"); None if unknown."""
        for k in (key, self.place_parts.get(key)):
            if k is not None and (state := self.place_states.get(k) or self.metonyms.get(k)):
                return state
        return None

    def to_dict(self) -> dict:
        """A JSON-ready form: keyed maps as rows, sets as sorted lists, counts kept (zeros too)."""
        rows = lambda m: [[aid, i, key] for (aid, i), key in m.items()]   # noqa: E731
        return {"entities": {key: e.to_dict() for key, e in self.entities.items()},
                "mention_keys": rows(self.mention_keys), "role_persons": rows(self.role_persons),
                "metonyms": dict(self.metonyms), "place_states": dict(self.place_states),
                "surfaces": {key: dict(counts) for key, counts in self.surfaces.items()},
                "role_labels": {key: sorted(labels) for key, labels in self.role_labels.items()},
                "corpus_roles": [[phrase, holder, sorted(people)]
                                 for (phrase, holder), people in self.corpus_roles.items()],
                "pending_roles": [[*row[:-1], sorted(row[-1])] for row in self.pending_roles],
                "role_holders": rows(self.role_holders), "bodies": dict(self.bodies),
                "place_parts": dict(self.place_parts)}

    @classmethod
    def from_dict(cls, data: dict) -> "Resolution":
        keyed = lambda rows: {(aid, i): key for aid, i, key in rows}   # noqa: E731
        res = cls(entities={key: Entity.from_dict(e) for key, e in data["entities"].items()},
                  mention_keys=keyed(data["mention_keys"]), role_persons=keyed(data["role_persons"]),
                  metonyms=dict(data["metonyms"]), place_states=dict(data["place_states"]),
                  corpus_roles={(phrase, holder): set(people) for phrase, holder, people in data["corpus_roles"]},
                  pending_roles=[(*row[:-1], frozenset(row[-1])) for row in data["pending_roles"]],
                  role_holders=keyed(data["role_holders"]), bodies=dict(data.get("bodies", {})),
                  place_parts=dict(data.get("place_parts", {})))
        for key, counts in data["surfaces"].items():
            res.surfaces[key] = Counter(counts)
        for key, labels in data["role_labels"].items():
            res.role_labels[key] = set(labels)
        return res

    def key_of(self, article_id: str, index: Optional[int]) -> Optional[str]:
        return None if index is None else self.mention_keys.get((article_id, index))

    def holder_of(self, article_id: str, r_index: int, role) -> Optional[str]:
        """The state or organisation a role description belongs to: named in the text, or
        known from the gazetteer's record of the person the role describes."""
        return self.key_of(article_id, role.holder) or self.role_holders.get((article_id, r_index))


def unique_key(key: str, etype: str, types: dict[str, str]) -> str:
    """Minted keys are per type: a place and an organisation may share a name."""
    if types.setdefault(key, etype) == etype:
        return key
    alt = f"{key}-{etype.lower()}"
    types.setdefault(alt, etype)
    return alt
