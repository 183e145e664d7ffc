"""The one place kg builds a Stanza pipeline: shipped Italian models, never the network.

``load_pipeline()`` gives an Italian ``stanza.Pipeline`` on the models shipped inside the
package (``kg/models/shipped``) with ``download_method=None``. Users who have Stanza's
official Italian models can point ``KG_STANZA_DIR`` (or ``models_dir=``) at a Stanza
resources directory and set ``KG_STANZA_MODELS=official``; the default stays the shipped set.
"""
from __future__ import annotations

import functools
import json
import logging
import os
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Optional, Sequence

from kg.ner import speedups
from kg.ner.plain_words import KeepPlainWords, read_plain_words
from kg.ner.registry import MODEL_FILES, ORG_NAMES_FILE, PLAIN_WORDS_FILE, SHIPPED_DIR, model_version

if TYPE_CHECKING:
    from kg.ner.org_names import OrgNames

#: Processors of the full shipped pipeline, in Stanza's order.
FULL_PROCESSORS = ("tokenize", "mwt", "pos", "lemma", "depparse", "ner")


class ModelsMissing(RuntimeError):
    """A model file the pipeline needs is not there; the message says which and what to do."""


@dataclass(frozen=True)
class ModelSet:
    """A directory of model files and which processors it can run."""

    directory: Path
    source: str                   # "shipped" or "official"
    version: str

    def available(self) -> tuple[str, ...]:
        if self.source == "official":
            return FULL_PROCESSORS
        return tuple(p for p in FULL_PROCESSORS if (self.directory / MODEL_FILES[p]).is_file())


def shipped_models(directory: Optional[Path] = None) -> ModelSet:
    directory = Path(directory or SHIPPED_DIR)
    return ModelSet(directory, "shipped", model_version(directory))


def resolve_models(models_dir: Optional[Path] = None, source: Optional[str] = None) -> ModelSet:
    """Pick the model set from arguments, then KG_STANZA_MODELS / KG_STANZA_DIR, then shipped."""
    source = source or os.environ.get("KG_STANZA_MODELS", "shipped")
    if source not in ("shipped", "official"):
        raise ValueError(f"KG_STANZA_MODELS must be 'shipped' or 'official', not {source!r}")
    if source == "official":
        directory = models_dir or os.environ.get("KG_STANZA_DIR")
        if not directory:
            raise ModelsMissing("official Stanza models need KG_STANZA_DIR: the stanza_resources "
                                "directory that holds the 'it' models (kg never downloads them)")
        import stanza
        return ModelSet(Path(directory), "official", f"stanza-official-{stanza.__version__}")
    return shipped_models(Path(models_dir) if models_dir else None)


class _KnownLanguage(logging.Filter):
    """Drops Stanza's "Trying to create pipeline for unsupported language: it": the shipped
    models come with an empty resources.json on purpose (nothing is ever downloaded), so the
    warning said nothing true on every build."""

    def filter(self, record: logging.LogRecord) -> bool:
        return "create pipeline for unsupported language" not in record.getMessage()


_QUIET_UNKNOWN_LANGUAGE = _KnownLanguage()


def load_pipeline(processors: Optional[Sequence[str]] = None, models: Optional[ModelSet] = None,
                  device: str = "cpu", **overrides):
    """An Italian stanza.Pipeline that never touches the network.

    ``processors`` defaults to every processor the model set has (the full pipeline when all
    are shipped). Raises ModelsMissing naming the absent file when one is requested but absent.
    """
    import stanza

    speedups.install()
    models = models or resolve_models()
    wanted = tuple(processors) if processors else models.available()
    if not wanted:
        raise ModelsMissing(f"no Stanza models in {models.directory}; train them with "
                            "`kg models train --data DIR` (see the model card)")
    for dependency, needs in (("mwt", "tokenize"), ("pos", "tokenize"), ("lemma", "pos"),
                              ("depparse", "lemma"), ("ner", "tokenize")):
        if dependency in wanted and needs not in wanted:
            wanted = (needs, *wanted)
    wanted = tuple(p for p in FULL_PROCESSORS if p in wanted)
    logging.getLogger("stanza").setLevel(logging.WARNING)
    logging.getLogger("stanza").addFilter(_QUIET_UNKNOWN_LANGUAGE)  # the same filter object: added once
    use_gpu = device != "cpu"
    if models.source == "official":
        return stanza.Pipeline(lang="it", dir=str(models.directory), processors=",".join(wanted),
                               download_method=None, use_gpu=use_gpu, device=device if use_gpu else None,
                               logging_level="WARN", **overrides)
    paths: dict[str, str] = {}
    for proc in wanted:
        path = models.directory / MODEL_FILES[proc]
        if not path.is_file():
            raise ModelsMissing(f"{path}: the shipped '{proc}' model is missing; reinstall kg or "
                                "train it with `kg models train --data DIR`")
        paths[f"{proc}_model_path"] = str(path)
    pretrain = str(models.directory / MODEL_FILES["pretrain"])
    for proc in ("pos", "depparse", "ner"):
        if proc in wanted:
            paths[f"{proc}_pretrain_path"] = pretrain
    for proc in ("pos", "lemma", "depparse", "ner"):
        if proc in wanted:
            # only kg's NER step trains with character LMs (``kg models train --ner-charlm``)
            charlms = _charlm_paths(models.directory) if proc == "ner" else (None, None)
            paths[f"{proc}_forward_charlm_path"] = charlms[0]  # type: ignore[assignment]
            paths[f"{proc}_backward_charlm_path"] = charlms[1]  # type: ignore[assignment]
    plain_words = models.directory / PLAIN_WORDS_FILE
    if "mwt" in wanted and plain_words.is_file():
        overrides.setdefault("tokenize_postprocessor", KeepPlainWords(read_plain_words(plain_words)))
    _ensure_resources(models.directory)
    from stanza.models.common.exceptions import BackwardCharlmNotFoundError, ForwardCharlmNotFoundError
    try:
        return stanza.Pipeline(lang="it", dir=str(models.directory), processors=",".join(wanted),
                               download_method=None, allow_unknown_language=True,
                               use_gpu=use_gpu, device=device if use_gpu else None, logging_level="WARN",
                               **paths, **overrides)
    except Exception as err:
        # Stanza's own handling of a missing file can fail in turn (a KeyError on the empty
        # resources.json), so the charLM error is looked for in the exception's chain
        cause: Optional[BaseException] = err
        while cause is not None and not isinstance(cause, (ForwardCharlmNotFoundError,
                                                           BackwardCharlmNotFoundError)):
            cause = cause.__cause__ or cause.__context__
        if cause is None:
            raise
        direction = "forward" if isinstance(cause, ForwardCharlmNotFoundError) else "backward"
        raise ModelsMissing(f"{models.directory / MODEL_FILES[direction + '_charlm']}: "
                            f"{MODEL_FILES['ner']} was trained with character language models and this one is "
                            "missing; reinstall kg or retrain with `kg models train`") from err


def _charlm_paths(directory: Path) -> tuple[Optional[str], Optional[str]]:
    """The character language models in ``directory``, each None when absent. Stanza loads them
    only for a model trained with them (and then in place of the trainer's own paths, which its
    checkpoint names and a user's machine lacks), so passing them costs nothing otherwise."""
    found = [directory / MODEL_FILES[f"{d}_charlm"] for d in ("forward", "backward")]
    return tuple(str(f) if f.is_file() else None for f in found)  # type: ignore[return-value]


def _ensure_resources(directory: Path) -> None:
    """Stanza reads resources.json even when every path is given; an empty one suffices."""
    resources = directory / "resources.json"
    if not resources.exists():
        try:
            resources.write_text(json.dumps({}), encoding="utf-8")
        except OSError as err:
            raise ModelsMissing(f"{resources}: missing and not writable ({err})") from err


def load_org_names(models_dir: Optional[Path] = None) -> Optional["OrgNames"]:
    """The organisation names kg's NER stage marks (:mod:`kg.ner.org_names`): the list in
    the models' directory, else the shipped one (official Stanza models have none of their
    own); None when neither exists. Read once per process and file."""
    for directory in (models_dir or SHIPPED_DIR, SHIPPED_DIR):
        path = Path(directory) / ORG_NAMES_FILE
        if path.is_file():
            return _read_org_names(str(path.resolve()))
    return None


@functools.lru_cache(maxsize=4)
def _read_org_names(path: str) -> "OrgNames":
    from kg.ner.org_names import OrgNames

    return OrgNames.read(Path(path))
