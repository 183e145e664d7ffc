"""Run one of Stanza's trainers with kg's training speedups installed.

``python -m kg.models.stanza_run stanza.models.tagger ARGS`` is ``python -m
stanza.models.tagger ARGS`` after :func:`kg.models.speedups.install_training`; the training
steps of :mod:`kg.models.training` start every Stanza trainer this way.
``--tagger-start FILE`` before the module makes the tagger's trainer start from the weights
of a saved tagger instead of random ones (Stanza's tagger has no ``--continue_from``).
"""
from __future__ import annotations

import runpy
import sys
from pathlib import Path

from kg.models import speedups


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


def main(argv: list[str]) -> None:
    argv = list(argv)
    tagger_start = None
    if argv[:1] == ["--tagger-start"]:
        if len(argv) < 2:
            raise SystemExit("--tagger-start needs a model file")
        tagger_start = Path(argv[1])
        argv = argv[2:]
    if not argv:
        raise SystemExit("usage: python -m kg.models.stanza_run [--tagger-start MODEL] STANZA_MODULE [ARGS...]")
    module, *args = argv
    speedups.install_training()
    if tagger_start is not None:
        start_tagger_from(tagger_start)
    sys.argv = [module, *args]
    runpy.run_module(module, run_name="__main__", alter_sys=True)


if __name__ == "__main__":
    main(sys.argv[1:])
