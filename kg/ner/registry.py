"""Where kg's shipped Stanza models live and what their files are called."""
from __future__ import annotations

import functools
import hashlib
from pathlib import Path

from kg.resources import SHIPPED_MODELS_DIR

#: The directory inside the installed package that holds the shipped models (kg/models/shipped).
SHIPPED_DIR = SHIPPED_MODELS_DIR

#: Version of the shipped model set; part of every NLP cache key.
MODEL_VERSION = "it-kg-7"

MODEL_FILES = {
    "pretrain": "it_kg.pretrain.pt",
    "tokenize": "it_kg_tokenizer.pt",
    "mwt": "it_kg_mwt_expander.pt",
    "ner": "it_kg_nertagger.pt",
    "forward_charlm": "it_kg_forward_charlm.pt",
    "backward_charlm": "it_kg_backward_charlm.pt",
    "pos": "it_kg_tagger.pt",
    "lemma": "it_kg_lemmatizer.pt",
    "depparse": "it_kg_parser.pt",
}

#: Not a model: the forms the tokenizer keeps whole (kg.ner.plain_words), shipped beside them.
PLAIN_WORDS_FILE = "it_kg_plain_words.txt"
#: Not a model: organisation names the NER stage marks as ORG (kg.ner.org_names).
ORG_NAMES_FILE = "it_kg_org_names.txt"


def model_version(directory: Path) -> str:
    """MODEL_VERSION plus a digest of the model files (and the word and name lists), so retrained
    models never reuse the NLP cache of older ones."""
    files = tuple(sorted((p.name, p.stat().st_size, p.stat().st_mtime_ns)
                         for p in Path(directory).iterdir()
                         if p.name in MODEL_FILES.values() or p.name in (PLAIN_WORDS_FILE, ORG_NAMES_FILE)))
    return _digest(str(Path(directory).resolve()), files)


@functools.lru_cache(maxsize=8)
def _digest(directory: str, files: tuple) -> str:
    digest = hashlib.sha256()
    for name, _, _ in files:
        digest.update(name.encode("utf-8"))
        with open(Path(directory) / name, "rb") as handle:
            for block in iter(lambda: handle.read(1 << 20), b""):
                digest.update(block)
    return f"{MODEL_VERSION}-{digest.hexdigest()[:12]}"
