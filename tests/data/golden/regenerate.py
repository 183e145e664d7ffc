"""The golden build: kg's graph of the articles in ``articles/``, rebuilt from their committed
NLP annotations (``nlp/*.json``, AnnotatedArticle records) with no model.

tests/test_golden.py builds it and compares graph.ttl byte for byte with ``graph.ttl`` here.
This file is also the generator that writes those files:

    python3 tests/data/golden/regenerate.py          # rewrite graph.ttl from the committed annotations (no model)
    python3 tests/data/golden/regenerate.py --nlp    # first re-annotate articles/ with kg's real models

``--nlp`` runs `kg build articles/` exactly as the CLI does (kg.build.build with its default
annotator, no NLP cache), saves each article's annotations, then rebuilds from them with the
golden annotator and checks that the two graph.ttl are the same bytes before writing
graph.ttl. ``KG_REGEN_GOLDEN=1 python3 -m pytest tests/test_golden.py`` does what the plain
command does. A commit that changes graph.ttl says why.
"""
from __future__ import annotations

import argparse
import hashlib
import json
import sys
import tempfile
from pathlib import Path
from typing import Iterable, Optional

HERE = Path(__file__).resolve().parent
ARTICLES = HERE / "articles"     # the build's input folder (its sources read "articles/...")
NLP = HERE / "nlp"               # one AnnotatedArticle JSON per article, named by article id
EXPECTED = HERE / "graph.ttl"
REGENERATE = "python3 tests/data/golden/regenerate.py"

if str(HERE.parents[2]) not in sys.path:  # run as a script from a checkout
    sys.path.insert(0, str(HERE.parents[2]))

from kg.build import build  # noqa: E402
from kg.records import AnnotatedArticle, Article  # noqa: E402


def text_key(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


class MissingAnnotation(LookupError):
    """An article whose text has no committed annotation (the inputs or ingest changed)."""


class GoldenAnnotator:
    """Serves the committed annotations, as kg's NLP cache serves a hit: looked up by the
    article's text, paired with the article ingest made. Loads no model; an article it has
    no annotation for fails (with strict=True the build stops, naming it)."""

    load_seconds = 0.0
    cache_misses = 0

    def __init__(self, annotated: Iterable[AnnotatedArticle]):
        self.by_text = {text_key(a.article.text): a for a in annotated}
        versions = {a.model_version for a in self.by_text.values()}
        if len(versions) != 1:
            raise ValueError(f"the golden annotations name {len(versions)} model versions: {sorted(versions)}")
        self.model_version = versions.pop()
        self.served: list[str] = []   # article ids, in the order the build asked for them
        self.cache_hits = 0

    def annotate(self, article: Article) -> AnnotatedArticle:
        found = self.by_text.get(text_key(article.text))
        if found is None:
            raise MissingAnnotation(f"no committed annotation for the text of {article.source} "
                                    f"(id {article.id}); re-annotate: {REGENERATE} --nlp")
        self.cache_hits += 1
        self.served.append(article.id)
        return AnnotatedArticle(article, found.sentences, self.model_version)


def load_annotations(folder: Path = NLP) -> list[AnnotatedArticle]:
    return [AnnotatedArticle.from_dict(json.loads(path.read_text(encoding="utf-8")))
            for path in sorted(folder.glob("*.json"))]


def build_golden(out: Path, annotator: Optional[GoldenAnnotator] = None):
    """`kg build articles/ -o out` with the committed annotations in place of Stanza."""
    annotator = annotator or GoldenAnnotator(load_annotations())
    result = build([ARTICLES], output=out, annotator=annotator, strict=True, cache=False,
                   log=lambda _message: None)
    return result, annotator


def dumps(annotated: AnnotatedArticle) -> str:
    """An AnnotatedArticle as JSON (``to_dict``, keys in field order), one word per line, so
    that the diff of a re-annotation stays readable."""
    def one(value) -> str:
        return json.dumps(value, ensure_ascii=False)

    data = annotated.to_dict()
    sentences = []
    for s in data["sentences"]:
        words = ",\n    ".join(one(w) for w in s["words"])
        head = one({k: v for k, v in s.items() if k not in ("words", "entities")})[:-1]
        sentences.append(f'  {head}, "entities": {one(s["entities"])},\n   "words": [\n    {words}]}}')
    return (f'{{"article": {one(data["article"])},\n "model_version": {one(data["model_version"])},\n'
            f' "sentences": [\n' + ",\n".join(sentences) + "]}\n")


class _Recording:
    """kg's default annotator, keeping what it gives the build."""

    def __init__(self, inner):
        self._inner = inner
        self.results: list = []

    def __getattr__(self, name):
        return getattr(self._inner, name)

    def annotate_all(self, articles, executor=None):
        for result in self._inner.annotate_all(articles, executor):
            self.results.append(result)
            yield result


def annotate(work: Path) -> bytes:
    """Builds articles/ with kg's real models, saves the annotations, returns that graph.ttl."""
    from kg.build import default_annotator

    recording = _Recording(default_annotator(cache_dir=None))
    result = build([ARTICLES], output=work / "stanza", annotator=recording, strict=True, cache=False,
                   log=lambda m: print(m, file=sys.stderr))
    annotated = [r for r in recording.results if isinstance(r, AnnotatedArticle)]
    assert result.ok and len(annotated) == result.articles == len(recording.results), "an article failed"
    NLP.mkdir(exist_ok=True)
    for stale in NLP.glob("*.json"):
        stale.unlink()
    for a in annotated:
        (NLP / f"{a.article.id}.json").write_text(dumps(a), encoding="utf-8")
    print(f"annotated {len(annotated)} articles with models {recording.model_version} "
          f"(Stanza {result.timings['stanza']:.1f} s)", file=sys.stderr)
    return (work / "stanza" / "graph.ttl").read_bytes()


def main(argv: Optional[list[str]] = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--nlp", action="store_true", help="re-annotate articles/ with kg's real models first")
    args = parser.parse_args(argv)
    with tempfile.TemporaryDirectory() as tmp:
        stanza_graph = annotate(Path(tmp)) if args.nlp else None
        result, annotator = build_golden(Path(tmp) / "golden")
        graph = (Path(tmp) / "golden" / "graph.ttl").read_bytes()
    if stanza_graph is not None and stanza_graph != graph:
        print("the graph rebuilt from the saved annotations differs from the Stanza build's", file=sys.stderr)
        return 1
    old = EXPECTED.read_bytes() if EXPECTED.exists() else None
    EXPECTED.write_bytes(graph)
    print(f"{EXPECTED.relative_to(HERE.parents[2])}: {result.articles} articles, {len(graph)} bytes, "
          + ("unchanged" if old == graph else "rewritten"), file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
