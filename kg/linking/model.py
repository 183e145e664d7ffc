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
