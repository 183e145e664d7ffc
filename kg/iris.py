"""Every IRI kg mints, minted here, deterministically from normalised keys.

No random ids and no blank nodes for entities: the same input gives the same IRIs, so
graphs from two runs are byte-identical and stable across rebuilds.
"""
from __future__ import annotations

import hashlib
import re

from rdflib import URIRef

from kg.text import strip_accents

DEFAULT_BASE = "https://example.org/kg/"
WIKIDATA = "http://www.wikidata.org/entity/"


def slug(text: str, max_len: int = 80) -> str:
    """Lower-case ASCII slug: accents folded, any other run of characters a single '-'."""
    folded = strip_accents(text).lower()
    folded = re.sub(r"[^a-z0-9]+", "-", folded).strip("-")
    return folded[:max_len].rstrip("-") or "x"


class IriMinter:
    """Mints the IRIs of one build under its base IRI."""

    def __init__(self, base: str = DEFAULT_BASE):
        if not re.match(r"^[a-zA-Z][a-zA-Z0-9+.-]*:", base):
            raise ValueError(f"base IRI {base!r} must be absolute, e.g. {DEFAULT_BASE}")
        self.base = base if base.endswith(("/", "#")) else base + "/"

    def entity(self, key: str) -> URIRef:
        return URIRef(f"{self.base}entity/{key.replace(':', '-')}")

    def article(self, article_id: str) -> URIRef:
        return URIRef(f"{self.base}article/{article_id}")

    def sentence(self, article_id: str, index: int) -> URIRef:
        return URIRef(f"{self.base}article/{article_id}/sentence/{index}")

    def graph(self, article_id: str) -> URIRef:
        return URIRef(f"{self.base}graph/{article_id}")

    def event(self, article_id: str, index: int) -> URIRef:
        return URIRef(f"{self.base}event/{article_id}/{index}")

    def fact(self, *parts: str) -> URIRef:
        digest = hashlib.sha1("\u241f".join(parts).encode("utf-8")).hexdigest()[:16]
        return URIRef(f"{self.base}fact/{digest}")

    def build(self, model_version: str) -> URIRef:
        return URIRef(f"{self.base}build/{slug(model_version)}")


def wikidata(qid: str) -> URIRef:
    return URIRef(WIKIDATA + qid)
