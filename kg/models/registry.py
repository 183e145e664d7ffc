"""Where kg's shipped Stanza models live and what their files are called."""
from __future__ import annotations

from pathlib import Path

#: The directory inside the installed package that holds the shipped models.
SHIPPED_DIR = Path(__file__).resolve().parent / "shipped"

#: Version of the shipped model set; part of every NLP cache key.
MODEL_VERSION = "it-kg-1"

MODEL_FILES = {
    "pretrain": "it_kg.pretrain.pt",
    "tokenize": "it_kg_tokenizer.pt",
    "mwt": "it_kg_mwt_expander.pt",
    "ner": "it_kg_nertagger.pt",
    "pos": "it_kg_tagger.pt",
    "lemma": "it_kg_lemmatizer.pt",
    "depparse": "it_kg_parser.pt",
}
