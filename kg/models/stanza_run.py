"""Run one of Stanza's trainers with kg's training speedups installed.

``python -m kg.models.stanza_run stanza.models.tagger ARGS`` is ``python -m
stanza.models.tagger ARGS`` after :func:`kg.models.training_speedups.install_training`; the training
steps of :mod:`kg.models.training` start every Stanza trainer this way.
``--tagger-start FILE`` before the module makes the tagger's trainer start from the weights
of a saved tagger instead of random ones (Stanza's tagger has no ``--continue_from``).
``--parser-vocab FILE`` makes the parser's trainer read its training data with the vocabulary
of a saved parser: Stanza's ``--continue_from`` loads the saved weights but indexes the data
with a vocabulary built afresh from it, which only lines up when the data is the same.
``--parser-snapshots DIR`` makes the parser's trainer also write its weights into DIR at each
dev evaluation (``step-NNNNNN.pt``, each loadable as a parser), so that
:func:`kg.models.training.average_checkpoints` can average the last ones.
``--ner-unk-alpha A`` makes the NER trainer hide a training word's embedding (both the
pretrained vector and the NER's own delta) behind the unknown word with probability
A / (A + count), count being the word's frequency in the training file: without it the NER
never meets an unknown word in training, yet a quarter of WN_test's entity tokens are unknown.
``--ner-snapshots DIR`` makes the NER trainer write its weights into DIR at each dev
evaluation (``step-NNNNNN.pt``), for averaging.
"""
from __future__ import annotations

import runpy
import sys
from pathlib import Path

from kg.models import training_speedups


def start_tagger_from(model: Path) -> None:
    """Make Stanza's tagger trainer, when it builds a new model, load ``model`` instead.

    Stanza's loader takes the saved weights and vocabulary and lets this run's settings (the
    learning rate among them) override the saved ones. The vocabulary this run built from its
    training files must equal the saved one, or the weights would mean other words and tags:
    a different training set is an error, not a silent restart.
    """
    import torch
    from stanza.models.pos import trainer as pos_trainer

    original = pos_trainer.Trainer.__init__

    def __init__(self, args=None, vocab=None, pretrain=None, model_file=None, device=None,
                 foundation_cache=None):
        if model_file is None:
            saved = torch.load(model, map_location="cpu", weights_only=True)["vocab"]
            if vocab is not None and vocab.state_dict() != saved:
                raise SystemExit(f"{model}: its vocabulary differs from the one built from this run's "
                                 "training files; train it again with the 'pos' step instead")
            model_file = str(model)
        original(self, args=args, vocab=vocab, pretrain=pretrain, model_file=model_file, device=device,
                 foundation_cache=foundation_cache)

    pos_trainer.Trainer.__init__ = __init__


def read_parser_data_with_vocab_of(model: Path) -> None:
    """Make Stanza's parser data loaders that would build a vocabulary use ``model``'s."""
    import torch
    from stanza.models.depparse import data as depparse_data
    from stanza.models.pos.vocab import MultiVocab

    saved = MultiVocab.load_state_dict(torch.load(model, map_location="cpu", weights_only=True)["vocab"])
    original = depparse_data.Dataset.__init__

    def __init__(self, doc, args, pretrain, vocab=None, evaluation=False, bert_tokenizer=None):
        original(self, doc, args, pretrain, vocab=saved if vocab is None else vocab, evaluation=evaluation,
                 bert_tokenizer=bert_tokenizer)

    depparse_data.Dataset.__init__ = __init__


def snapshot_parser_into(directory: Path) -> None:
    """Make Stanza's parser trainer keep its weights at every dev evaluation in ``directory``.

    Stanza keeps only the best-scoring model and one resumable checkpoint (overwritten), and
    saves that checkpoint at each ``eval_interval`` step; the weights are written beside it
    there, without the optimiser, as a model file Stanza loads.
    """
    from stanza.models.depparse import trainer as depparse_trainer

    directory.mkdir(parents=True, exist_ok=True)
    original = depparse_trainer.Trainer.save

    def save(self, filename, skip_modules=True, save_optimizer=False):
        original(self, filename, skip_modules=skip_modules, save_optimizer=save_optimizer)
        interval = self.args.get("eval_interval") or 0
        if save_optimizer and interval and self.global_step % interval == 0:
            original(self, str(directory / f"step-{self.global_step:06d}.pt"), skip_modules=skip_modules)

    depparse_trainer.Trainer.save = save


#: the word an NER training word is replaced with to stand for an unknown one (any string
#: missing from both vocabularies maps to Stanza's UNK id)
UNKNOWN_WORD = "<kg-unk>"


def hide_rare_ner_words(alpha: float) -> None:
    """Make Stanza's NER trainer replace rare training words by an unknown word, with
    probability ``alpha / (alpha + count)`` (Kiperwasser and Goldberg's word dropout).

    Only the word-embedding lookup sees the replacement: the character model still reads the
    word's characters, which is what the tagger has for a word it has never seen. The counts
    come from the training file (lower-cased, as the NER looks words up); evaluation batches
    and prediction are untouched.
    """
    import collections
    import random

    from stanza.models.ner import data as ner_data
    from stanza.models.ner import model as ner_model

    if alpha <= 0:
        raise SystemExit("--ner-unk-alpha must be positive")
    counts: collections.Counter[str] = collections.Counter()
    rng = random.Random(1234)  # its own generator: the draws do not move Stanza's seeded streams
    original_init = ner_data.DataLoader.__init__

    def __init__(self, doc, batch_size, args, pretrain=None, vocab=None, evaluation=False, **kwargs):
        if not evaluation:
            counts.update(token.text.lower() for sentence in doc.sentences for token in sentence.tokens)
        original_init(self, doc, batch_size, args, pretrain=pretrain, vocab=vocab, evaluation=evaluation, **kwargs)

    original_forward = ner_model.NERTagger.forward

    def forward(self, sentences, *rest):
        if self.training and counts:
            sentences = [[UNKNOWN_WORD if rng.random() < alpha / (alpha + counts[w.lower()]) else w for w in sent]
                         for sent in sentences]
        return original_forward(self, sentences, *rest)

    ner_data.DataLoader.__init__ = __init__
    ner_model.NERTagger.forward = forward


def snapshot_ner_into(directory: Path) -> None:
    """Make Stanza's NER trainer write its weights into ``directory`` every ``eval_interval``
    steps (Stanza keeps only the best-scoring model)."""
    from stanza.models.ner import trainer as ner_trainer

    directory.mkdir(parents=True, exist_ok=True)
    original = ner_trainer.Trainer.update

    def update(self, batch, eval=False):
        loss = original(self, batch, eval=eval)
        if not eval:
            self.kg_steps = getattr(self, "kg_steps", 0) + 1
            interval = self.args.get("eval_interval") or 0
            if interval and self.kg_steps % interval == 0:
                self.save(str(directory / f"step-{self.kg_steps:06d}.pt"))
        return loss

    ner_trainer.Trainer.update = update


def main(argv: list[str]) -> None:
    argv = list(argv)
    starts = {"--tagger-start": start_tagger_from, "--parser-vocab": read_parser_data_with_vocab_of,
              "--parser-snapshots": snapshot_parser_into, "--ner-snapshots": snapshot_ner_into,
              "--ner-unk-alpha": hide_rare_ner_words}
    chosen = []
    while argv[:1] and argv[0] in starts:
        if len(argv) < 2:
            raise SystemExit(f"{argv[0]} needs a file or folder")
        value = float(argv[1]) if argv[0] == "--ner-unk-alpha" else Path(argv[1])
        chosen.append((starts[argv[0]], value))
        argv = argv[2:]
    if not argv:
        raise SystemExit("usage: python -m kg.models.stanza_run [--tagger-start MODEL] [--parser-vocab MODEL] "
                         "[--parser-snapshots DIR] "
                         "[--ner-snapshots DIR] [--ner-unk-alpha A] "
                         "STANZA_MODULE [ARGS...]")
    module, *args = argv
    training_speedups.install_training()
    for install, model in chosen:
        install(model)
    sys.argv = [module, *args]
    runpy.run_module(module, run_name="__main__", alter_sys=True)


if __name__ == "__main__":
    main(sys.argv[1:])
