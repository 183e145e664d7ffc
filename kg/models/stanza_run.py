"""Run one of Stanza's trainers with kg's training speedups installed.

``python -m kg.models.stanza_run stanza.models.tagger ARGS`` is ``python -m
stanza.models.tagger ARGS`` after :func:`kg.models.speedups.install_training`; the training
steps of :mod:`kg.models.training` start every Stanza trainer this way.
"""
from __future__ import annotations

import runpy
import sys

from kg.models import speedups


def main(argv: list[str]) -> None:
    if not argv:
        raise SystemExit("usage: python -m kg.models.stanza_run STANZA_MODULE [ARGS...]")
    module, *args = argv
    speedups.install_training()
    sys.argv = [module, *args]
    runpy.run_module(module, run_name="__main__", alter_sys=True)


if __name__ == "__main__":
    main(sys.argv[1:])
