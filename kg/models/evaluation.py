"""`kg models eval`: score the shipped models on the test-only splits.

NER: entity-level precision/recall/F1 per type and micro on KIND WN_test, tagging its gold
tokens. Tokenizer, tagger, lemmatizer and parser: the CoNLL 2018 UD evaluation (udtools'
port of conll18_ud_eval.py) on it_isdt-ud-test, from its raw text. Plus load time and
tokens per second on this machine.
"""
from __future__ import annotations

import tempfile
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import Optional

from kg.evaluation import PRF
from kg.models import corpora
from kg.models.corpora import DataDir
from kg.ner.loader import ModelSet, load_org_names, load_pipeline, resolve_models
from kg.ner.name_consistency import WINDOW, harmonize_documents, tag_spans
from kg.ner.registry import ORG_NAMES_FILE, PLAIN_WORDS_FILE


@dataclass
class ModelScores:
    #: kg's NER stage: the model, then name consistency (what kg build runs)
    ner: dict[str, PRF] = field(default_factory=dict)
    #: the NER model alone
    ner_model_only: dict[str, PRF] = field(default_factory=dict)
    ud: dict[str, float] = field(default_factory=dict)
    speed: dict[str, float] = field(default_factory=dict)
    sizes_mb: dict[str, float] = field(default_factory=dict)

    def format(self) -> str:
        lines = []
        if self.ner:
            lines.append("NER on KIND WN_test (entity level, exact span and type; kg's NER stage: the model, "
                         f"then kg.ner.org_names and kg.ner.name_consistency over {WINDOW} sentences)")
            lines.append(f"  {'type':<6} {'P':>7} {'R':>7} {'F1':>7} {'gold':>6} {'pred':>6}")
            for name, s in self.ner.items():
                label = "micro" if name == "micro" else name
                lines.append(f"  {label:<6} {100*s.precision:7.2f} {100*s.recall:7.2f} {100*s.f1:7.2f} "
                             f"{s.tp + s.fn:6d} {s.tp + s.fp:6d}")
            if self.ner_model_only:
                alone = self.ner_model_only["micro"]
                lines.append("  the model alone, without organisation names and name consistency: "
                             f"P {100*alone.precision:.2f} "
                             f"R {100*alone.recall:.2f} F1 {100*alone.f1:.2f}")
        if self.ud:
            lines.append("it_isdt-ud-test (CoNLL 2018 UD evaluation, F1)")
            for metric, value in self.ud.items():
                lines.append(f"  {metric:<10} {value:7.2f}")
        if self.speed:
            lines.append("Speed (CPU)")
            for name, value in self.speed.items():
                lines.append(f"  {name:<34} {value:10.1f}")
        if self.sizes_mb:
            lines.append("Model sizes (MB)")
            for name, value in self.sizes_mb.items():
                lines.append(f"  {name:<34} {value:10.1f}")
        return "\n".join(lines)


def bio_spans(tags: list[str]) -> set[tuple[int, int, str]]:
    """(start, end, type) spans from BIO, BIOES or bare IO tags."""
    return set(tag_spans(tags))


def ner_scores(gold: list[list[str]], predicted: list[list[str]]) -> dict[str, PRF]:
    """Entity-level scores per type and micro-averaged (exact span and type)."""
    per_type: dict[str, PRF] = {}
    for gold_tags, tags in zip(gold, predicted):
        gold_spans, spans = bio_spans(gold_tags), bio_spans(tags)
        for span in gold_spans | spans:
            prf = per_type.setdefault(span[2], PRF())
            if span in gold_spans and span in spans:
                prf.tp += 1
            elif span in spans:
                prf.fp += 1
            else:
                prf.fn += 1
    micro = PRF(sum(s.tp for s in per_type.values()), sum(s.fp for s in per_type.values()),
                sum(s.fn for s in per_type.values()))
    return {k: per_type[k] for k in sorted(per_type)} | {"micro": micro}


def eval_ner(data: DataDir, models: ModelSet, scores: ModelScores) -> None:
    """Tag WN_test's gold tokens, its sentences in order as one document, and score kg's NER
    stage (the model, then the organisation names and one type per name within a window:
    kg.ner.org_names, kg.ner.name_consistency) and the model alone."""
    sentences = corpora.read_kind(data.kind_file(corpora.NER_TEST))
    nlp = load_pipeline(["tokenize", "ner"], models, tokenize_pretokenized=True)
    doc = nlp([[tok for tok, _ in sent] for sent in sentences])
    gold = [[tag for _, tag in sent] for sent in sentences]
    scores.ner_model_only = ner_scores(gold, [[tok.ner for tok in sent.tokens] for sent in doc.sentences])
    harmonize_documents([doc], org_names=load_org_names(models.directory))
    scores.ner = ner_scores(gold, [[tok.ner for tok in sent.tokens] for sent in doc.sentences])


def eval_ud(data: DataDir, models: ModelSet, scores: ModelScores) -> None:
    from stanza.utils.conll import CoNLL
    from stanza.utils.datasets.conllu_to_text import convert_text
    from udtools import udeval

    gold = data.ud_file(corpora.UD_TEST)
    with tempfile.TemporaryDirectory() as tmp:
        txt = Path(tmp) / "test.txt"
        convert_text(str(gold), str(txt))
        text = txt.read_text(encoding="utf-8")
        available = [p for p in models.available() if p != "ner"]
        started = time.perf_counter()
        nlp = load_pipeline(available, models)
        scores.speed["load seconds (" + "+".join(available) + ")"] = time.perf_counter() - started
        started = time.perf_counter()
        doc = nlp(text)
        elapsed = time.perf_counter() - started
        scores.speed["tokens/s (" + "+".join(available) + ")"] = doc.num_tokens / elapsed
        system = Path(tmp) / "system.conllu"
        CoNLL.write_doc2conll(doc, str(system))
        results = udeval.evaluate(udeval.load_conllu_file(str(gold)), udeval.load_conllu_file(str(system)))
    wanted = {"tokenize": ("Tokens", "Sentences", "Words"), "pos": ("UPOS", "XPOS", "UFeats"),
              "lemma": ("Lemmas",), "depparse": ("UAS", "LAS")}
    for proc, metrics in wanted.items():
        if proc in available:
            for metric in metrics:
                scores.ud[metric] = 100 * results[metric].f1
    if "ner" in models.available():
        full = [p for p in models.available()]
        nlp = load_pipeline(full, models)
        started = time.perf_counter()
        doc = nlp(text)
        scores.speed["tokens/s (" + "+".join(full) + ")"] = doc.num_tokens / (time.perf_counter() - started)


def evaluate_models(data_dir: Path, models: Optional[ModelSet] = None, ner: bool = True,
                    ud: bool = True) -> ModelScores:
    data = DataDir(Path(data_dir))
    models = models or resolve_models()
    scores = ModelScores()
    if models.source == "shipped":
        for path in sorted([*models.directory.glob("*.pt"), models.directory / PLAIN_WORDS_FILE,
                            models.directory / ORG_NAMES_FILE]):
            if path.is_file():
                scores.sizes_mb[path.name] = path.stat().st_size / 1e6
        scores.sizes_mb["total"] = sum(scores.sizes_mb.values())
    if ner and "ner" in models.available():
        eval_ner(data, models, scores)
    if ud and "tokenize" in models.available():
        eval_ud(data, models, scores)
    return scores
