"""What an output folder was built from, so ``kg build --update`` can add to it.

A build writes ``OUT/.kg/articles.jsonl`` (one line per article it used: the Article record
and the SHA-256 of its text) and ``OUT/.kg/build.json`` (the settings the graph depends on).
``--update`` reads them back, adds the new articles (:func:`merge`) and rebuilds the graph
from the whole set: the old articles' Stanza annotations come from the NLP cache, and the
corpus-level stages (linking, treaty clustering) run again over everything, so an updated
folder holds exactly what a build from all the inputs at once would.
"""
from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Optional

from kg.records import Article

MANIFEST_DIR = ".kg"
ARTICLES = "articles.jsonl"
SETTINGS = "build.json"
FORMAT = 1


class ManifestError(ValueError):
    """The output folder has no usable manifest; the message says what to do."""


def text_hash(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


@dataclass
class Manifest:
    articles: list[Article] = field(default_factory=list)
    base_iri: Optional[str] = None

    def write(self, folder: Path) -> None:
        """Write into ``folder`` (a staging folder: moved into place with the outputs)."""
        target = folder / MANIFEST_DIR
        target.mkdir(parents=True, exist_ok=True)
        lines = [json.dumps({"sha256": text_hash(a.text), "article": a.to_dict()}, ensure_ascii=False,
                            sort_keys=True) for a in self.articles]
        (target / ARTICLES).write_text("".join(line + "\n" for line in lines), encoding="utf-8")
        (target / SETTINGS).write_text(json.dumps({"format": FORMAT, "base_iri": self.base_iri},
                                                  indent=1, sort_keys=True) + "\n", encoding="utf-8")


def read_manifest(out_dir: Path) -> Manifest:
    folder = Path(out_dir) / MANIFEST_DIR
    if not (folder / ARTICLES).is_file():
        raise ManifestError(f"{out_dir}: no previous build to update ({MANIFEST_DIR}/{ARTICLES} is missing); "
                            "build it once without --update")
    try:
        settings = json.loads((folder / SETTINGS).read_text(encoding="utf-8"))
        if settings.get("format") != FORMAT:
            raise ManifestError(f"{folder / SETTINGS}: manifest format {settings.get('format')!r}, "
                                f"this kg reads {FORMAT}; rebuild without --update")
        articles = []
        for lineno, line in enumerate((folder / ARTICLES).read_text(encoding="utf-8").splitlines(), 1):
            if line.strip():
                articles.append(Article.from_dict(json.loads(line)["article"]))
    except (OSError, ValueError, KeyError, TypeError) as err:
        if isinstance(err, ManifestError):
            raise
        raise ManifestError(f"{folder}: damaged manifest ({type(err).__name__}: {err}); "
                            "rebuild without --update") from err
    return Manifest(articles, settings.get("base_iri"))


@dataclass
class Merge:
    articles: list[Article]       # the whole set, old ones first, in their order
    added: list[Article]          # new articles
    changed: list[Article]        # old sources whose text changed (replaced in place)
    unchanged: list[Article]      # inputs already in the graph (same text)


def merge(old: list[Article], new: list[Article]) -> Merge:
    """The old articles plus the new ones. An input whose text is already in the graph
    changes nothing; one from an old source with a new text replaces that article where
    it stood; the rest are appended in input order, with ids made unique as a build from
    all the inputs at once would make them."""
    from kg.ingest import _unique_ids

    by_hash = {text_hash(a.text): a for a in old}
    by_source = {a.source: i for i, a in enumerate(old)}
    merged = list(old)
    added, changed, unchanged = [], [], []
    for article in new:
        if text_hash(article.text) in by_hash:
            unchanged.append(article)
            continue
        if article.source in by_source:
            i = by_source[article.source]
            merged[i] = replace(article, id=old[i].id)
            changed.append(merged[i])
        else:
            added.append(article)
        by_hash[text_hash(article.text)] = article
    if not added:
        return Merge(merged, added, changed, unchanged)
    everything = _unique_ids(merged + added)
    return Merge(everything, everything[len(merged):], changed, unchanged)
