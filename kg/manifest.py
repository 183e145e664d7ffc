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
    merged: list[Article] = field(default_factory=list)  # articles whose text another one before them has
    notes: list[str] = field(default_factory=list)       # one per merged article, as ingest writes it


def merge(old: list[Article], new: list[Article]) -> Merge:
    """The old articles plus the new ones, as a build from all the inputs at once reads them:
    the old inputs first, in their order, then the new ones in input order.

    An input from an old source replaces that article where it stood when its text changed
    (and is already there when it did not); an input from a new source is appended. Then, as
    ``kg.ingest.read_inputs`` does, one text is one article: the first with it, the later ones
    merged into it with a note. So an old file edited to repeat another article's text is
    merged into that article (or that article into it, whichever stood first), never kept
    with its old text; a new file with a text already there changes nothing. Ids are made
    unique as a build from all the inputs at once would make them.
    """
    from kg.ingest import _merge_duplicates, _unique_ids

    by_source = {a.source: i for i, a in enumerate(old)}
    replaced = list(old)
    appended, changed, unchanged = [], [], []
    for article in new:
        i = by_source.get(article.source)
        if i is None:
            appended.append(article)
        elif text_hash(article.text) == text_hash(replaced[i].text):
            unchanged.append(article)
        else:
            replaced[i] = replace(article, id=old[i].id)
            changed.append(replaced[i])
    notes: list[str] = []
    kept = _merge_duplicates(replaced + appended, notes)
    survivors = {id(a) for a in kept}
    everything = _unique_ids(kept)
    added = everything[len(kept) - sum(1 for a in appended if id(a) in survivors):]
    unchanged += [a for a in appended if id(a) not in survivors]
    merged = [a for a in replaced if id(a) not in survivors]
    return Merge(everything, added, [a for a in changed if id(a) in survivors], unchanged, merged, notes)
