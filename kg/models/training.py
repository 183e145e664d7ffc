"""Train kg's Italian Stanza models from public corpora, offline and reproducibly.

Each processor is one step (vectors, tokenize, mwt, ner, pos, lemma, depparse; ner_news,
pos_more and depparse_more train further a model an earlier step wrote). Steps call
Stanza's own trainers (``stanza.models.*``) in a subprocess with fixed seeds; the
``stanza.utils.training`` wrappers are avoided because they try to download resources.
A step can run under a time budget: Stanza saves the best dev checkpoint as it goes, so
stopping a trainer at its budget keeps the best model found so far.
"""
from __future__ import annotations

import functools
import os
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path
from typing import Callable

from kg.models import corpora
from kg.models.corpora import DataDir
from kg.models.checkpoints import average_checkpoints, compact_model  # noqa: F401 - kg.models.training's names
from kg.models.train_config import (CONTINUES, DEFAULT_STEPS, LISTS, SEED, STEPS,  # noqa: F401 - its names too
                                    TrainConfig)
from kg.ner.registry import MODEL_FILES, ORG_NAMES_FILE, PLAIN_WORDS_FILE


def log(message: str) -> None:
    print(f"[kg train {time.strftime('%H:%M:%S')}] {message}", flush=True)


def run_stanza(module: str, args: list[str], cfg: TrainConfig, step: str,
               runner_args: tuple[str, ...] = (), seed: int = SEED, budget_of: str | None = None) -> None:
    """Run ``python -m module args`` (with kg's training speedups, :mod:`kg.models.stanza_run`,
    which reads ``runner_args``) under the time budget of ``budget_of`` (default: ``step``),
    logging to ``WORK/step.log``."""
    env = dict(os.environ)
    # glibc gives tensors above its mmap threshold back to the kernel when freed, so every
    # training step page-faulted its large activations and gradients in afresh (two thirds of
    # a CPU step was system time); keeping them in the heap made a parser step ~30 % faster.
    env.setdefault("MALLOC_MMAP_THRESHOLD_", str(2 ** 31))
    env.setdefault("MALLOC_TRIM_THRESHOLD_", str(2 ** 36))
    if cfg.threads:
        env["OMP_NUM_THREADS"] = str(cfg.threads)
        env["MKL_NUM_THREADS"] = str(cfg.threads)
    cmd = [sys.executable, "-m", "kg.models.stanza_run", *runner_args, module, *args, "--seed", str(seed)]
    if cfg.device == "cpu":
        cmd.append("--cpu")
    log(f"{step}: {' '.join(cmd)}")
    budget = cfg.budgets.get(budget_of or step)
    logfile = cfg.work / f"{step}.log"
    start = time.monotonic()
    with open(logfile, "w", encoding="utf-8") as out:
        proc = subprocess.Popen(cmd, stdout=out, stderr=subprocess.STDOUT, env=env,
                                start_new_session=True)
        try:
            proc.wait(timeout=budget * 60 if budget else None)
        except subprocess.TimeoutExpired:
            log(f"{step}: time budget of {budget} min reached; keeping the best checkpoint")
            os.killpg(proc.pid, signal.SIGTERM)
            proc.wait()
            return
    if proc.returncode != 0:
        tail = logfile.read_text(encoding="utf-8", errors="replace")[-3000:]
        raise RuntimeError(f"{step} training failed (exit {proc.returncode}); log {logfile}:\n{tail}")
    log(f"{step}: done in {time.monotonic() - start:.0f} s")


# ---------------------------------------------------------------- steps

def train_vectors(cfg: TrainConfig, data: DataDir) -> None:
    """word2vec on the corpora's text, written as the one shared Stanza pretrain file."""
    from gensim.models import Word2Vec
    from stanza.models.common.pretrain import Pretrain

    sentences = list(corpora.vector_sentences(data))
    log(f"vectors: {len(sentences)} sentences, {sum(map(len, sentences))} tokens")
    model = Word2Vec(sentences, vector_size=cfg.vector_dim, window=5, min_count=cfg.vector_min_count,
                     sg=1, epochs=10, seed=SEED, workers=1)
    txt = cfg.work / "vectors.txt"
    with open(txt, "w", encoding="utf-8") as handle:
        words = sorted(model.wv.index_to_key, key=lambda w: (-model.wv.get_vecattr(w, "count"), w))
        handle.write(f"{len(words)} {cfg.vector_dim}\n")
        for w in words:
            handle.write(w + " " + " ".join(f"{x:.5f}" for x in model.wv[w]) + "\n")
    target = cfg.out / MODEL_FILES["pretrain"]
    if target.exists():
        target.unlink()
    Pretrain(str(target), str(txt)).load()
    log(f"vectors: {len(words)} words -> {target} ({target.stat().st_size / 1e6:.1f} MB)")


def train_charlm(cfg: TrainConfig, data: DataDir) -> None:
    """A forward and a backward character language model on the corpora's text (Stanza's
    contextual character features for the NER), trained side by side; each keeps its
    checkpoint with the lowest dev perplexity (it_isdt-ud-dev's text)."""
    train_lines, dev_lines = corpora.charlm_text(data)
    text = cfg.work / "charlm.train.txt"
    dev = cfg.work / "charlm.dev.txt"
    text.write_text("\n".join(train_lines) + "\n", encoding="utf-8")
    dev.write_text("\n".join(dev_lines) + "\n", encoding="utf-8")
    log(f"charlm: {len(train_lines)} training lines ({sum(map(len, train_lines))} characters), "
        f"{len(dev_lines)} dev lines")
    runs = []
    for direction in ("forward", "backward"):
        save_dir = cfg.work / f"charlm_{direction}"
        shutil.rmtree(save_dir, ignore_errors=True)  # a checkpoint left there would be resumed
        save_dir.mkdir(parents=True)
        runs.append((direction, save_dir, [
            "--mode", "train", "--direction", direction, "--shorthand", "it_kg",
            "--train_file", str(text), "--eval_file", str(dev),
            "--char_hidden_dim", str(cfg.charlm_hidden), "--cutoff", str(cfg.charlm_cutoff),
            "--epochs", str(cfg.charlm_epochs), "--eval_steps", str(cfg.charlm_eval_steps),
            "--save_dir", str(save_dir), "--save_name", MODEL_FILES[f"{direction}_charlm"],
        ]))
    _side_by_side([functools.partial(run_stanza, "stanza.models.charlm", args, cfg, f"charlm_{direction}",
                                     budget_of="charlm")
                   for direction, _, args in runs])
    for direction, save_dir, _ in runs:
        best = save_dir / MODEL_FILES[f"{direction}_charlm"]
        if not best.is_file():
            raise RuntimeError(f"charlm: the {direction} run saved no model; see "
                               f"{cfg.work / f'charlm_{direction}.log'}")
        shutil.copy2(best, cfg.out / best.name)
        log(f"charlm: {direction} model -> {cfg.out / best.name} ({best.stat().st_size / 1e6:.1f} MB)")


def _charlm_args(cfg: TrainConfig) -> list[str]:
    """The NER's character-LM arguments: none when off, an error when the models are missing."""
    if not cfg.ner_charlm:
        return []
    files = [cfg.out / MODEL_FILES[f"{d}_charlm"] for d in ("forward", "backward")]
    missing = [str(f) for f in files if not f.is_file()]
    if missing:
        raise FileNotFoundError(f"{', '.join(missing)}: run the 'charlm' step first, or train the NER "
                                "without character language models (leave out --ner-charlm)")
    return ["--charlm", "--charlm_shorthand", "it_kg", "--charlm_forward_file", str(files[0]),
            "--charlm_backward_file", str(files[1])]


def train_ner(cfg: TrainConfig, data: DataDir, sets: tuple[str, ...] | None = None,
              finetune: bool = False, step: str = "ner") -> None:
    """NER on KIND; model selection on WN_dev. ``finetune`` continues from the saved model.
    With several ``cfg.ner_seeds`` one run per seed trains side by side, each saving apart,
    and :func:`keep_best_ner` keeps the best on dev of their checkpoints and their mean."""
    sets = sets or cfg.ner_train_sets
    train = [s for name in sets for s in corpora.read_kind(data.kind_file(name))]
    dev = [s for name in corpora.NER_DEV for s in corpora.read_kind(data.kind_file(name))]
    corpora.write_ner_json(train, cfg.work / f"{step}.train.json")
    corpora.write_ner_json(dev, cfg.work / f"{step}.dev.json")
    log(f"ner: {len(train)} training sentences, {len(dev)} dev sentences")
    target = cfg.out / MODEL_FILES["ner"]
    several = len(cfg.ner_seeds) > 1
    extra = ["--finetune"] if finetune else _charlm_args(cfg)
    if finetune and cfg.ner_news_lr is not None:
        start = _with_learning_rate(target, cfg.ner_news_lr, cfg.work / f"{step}.start.pt")
        extra += ["--finetune_load_name", str(start)]
    elif finetune and several:
        # each run saves into a folder of its own, so each loads the model in --out from a copy
        shutil.copy2(target, cfg.work / f"{step}.start.pt")
        extra += ["--finetune_load_name", str(cfg.work / f"{step}.start.pt")]
    args = [*extra,
        "--mode", "train", "--shorthand", "it_kg", "--lr", str(cfg.ner_lr),
        "--train_file", str(cfg.work / f"{step}.train.json"),
        "--eval_file", str(cfg.work / f"{step}.dev.json"),
        "--wordvec_pretrain_file", str(cfg.out / MODEL_FILES["pretrain"]),
        "--save_dir", str(cfg.out), "--save_name", MODEL_FILES["ner"],
        "--max_steps", str(cfg.ner_max_steps), "--eval_interval", "500",
    ]
    runs = []   # (name, seed, arguments, runner arguments, best checkpoint, snapshot folder)
    for seed in cfg.ner_seeds:
        name = f"{step}.seed-{seed}" if several else step
        run_args, best = _own_save_dir(cfg, args, name, "ner") if several else (args, target)
        snapshots, snapshot_args = _snapshots(cfg, name, "ner")
        runner_args = (*(("--ner-unk-alpha", str(cfg.ner_unk_alpha)) if cfg.ner_unk_alpha else ()), *snapshot_args)
        runs.append((name, seed, run_args, runner_args, best, snapshots))
    _side_by_side([functools.partial(run_stanza, "stanza.models.ner_tagger", run_args, cfg, name,
                                     runner_args=runner_args, seed=seed, budget_of=step)
                   for name, seed, run_args, runner_args, _, _ in runs])
    if several or cfg.ner_average:
        keep_best_ner(cfg, [(name, best, snapshots) for name, _, _, _, best, snapshots in runs],
                      cfg.work / f"{step}.dev.json", step)


def score_ner(cfg: TrainConfig, model: Path, dev: Path, step: str) -> float:
    """Entity micro-F1 (percent) of ``model`` on ``dev`` with Stanza's own scorer, as its
    trainer scores dev."""
    import re

    run_stanza("stanza.models.ner_tagger", [
        "--mode", "predict", "--shorthand", "it_kg", "--eval_file", str(dev),
        "--wordvec_pretrain_file", str(cfg.out / MODEL_FILES["pretrain"]),
        "--save_dir", str(model.parent), "--save_name", model.name,
    ], cfg, step)
    found = re.findall(r"NER tagger score: .* ([0-9.]+)$",
                       (cfg.work / f"{step}.log").read_text(encoding="utf-8", errors="replace"), re.M)
    if not found:
        raise RuntimeError(f"{step}: no NER score in {cfg.work / f'{step}.log'}")
    return float(found[-1])


def keep_best_ner(cfg: TrainConfig, runs: list[tuple[str, Path, Path | None]], dev: Path, step: str) -> None:
    """Put in ``cfg.out`` the best on dev (entity F1) of the runs' best checkpoints and, with
    ``cfg.ner_average``, the mean of every run's last ``ner_average`` snapshots (a tie goes to
    the mean: runs fine-tuned from one model lie near one optimum, and their mean is a model
    too). ``runs``: (name, best checkpoint, snapshot folder or None) per run."""
    _keep_best(cfg, runs, dev, step, "ner", cfg.ner_average, score_ner, "dev F1")


def _with_learning_rate(model: Path, lr: float, start: Path) -> Path:
    """Copy ``model`` to ``start`` with its stored learning rate set to ``lr``: Stanza's NER
    fine-tune builds its optimiser from the saved model's settings, not the command line."""
    import torch

    checkpoint = torch.load(model, map_location="cpu", weights_only=True)
    checkpoint["config"]["lr"] = lr
    torch.save(checkpoint, start)
    return start


def train_ner_news(cfg: TrainConfig, data: DataDir) -> None:
    """Fine-tune the NER model trained on every KIND domain on the news domain alone."""
    if not (cfg.out / MODEL_FILES["ner"]).exists():
        raise FileNotFoundError(f"{cfg.out / MODEL_FILES['ner']}: run the 'ner' step first")
    train_ner(cfg, data, sets=cfg.ner_news_sets, finetune=True, step="ner_news")


def _tokenizer_data(cfg: TrainConfig, data: DataDir, split: str, names: tuple[str, ...]) -> dict[str, Path]:
    from stanza.utils.datasets import prepare_tokenizer_data
    from stanza.utils.datasets.conllu_to_text import convert_text

    conllu = cfg.work / f"ud.{split}.conllu"
    txt = cfg.work / f"ud.{split}.txt"
    labels = cfg.work / f"ud.{split}.toklabels"
    mwt = cfg.work / f"ud.{split}.mwt.json"
    corpora.concat_conllu([data.ud_file(n) for n in names], conllu, paragraph_every=6)
    convert_text(str(conllu), str(txt))
    prepare_tokenizer_data.main([str(txt), str(conllu), "-o", str(labels), "-m", str(mwt)])
    return {"conllu": conllu, "txt": txt, "labels": labels, "mwt": mwt}


def train_tokenize(cfg: TrainConfig, data: DataDir) -> None:
    train = _tokenizer_data(cfg, data, "train", corpora.UD_TOKENIZE_TRAIN)
    dev = _tokenizer_data(cfg, data, "dev", corpora.UD_TOKENIZE_DEV)
    run_stanza("stanza.models.tokenizer", [
        "--mode", "train", "--lang", "it", "--shorthand", "it_kg",
        "--txt_file", str(train["txt"]), "--label_file", str(train["labels"]),
        "--mwt_json_file", str(train["mwt"]),
        "--dev_txt_file", str(dev["txt"]), "--dev_label_file", str(dev["labels"]),
        "--dev_conll_gold", str(dev["conllu"]),
        "--save_dir", str(cfg.out), "--save_name", MODEL_FILES["tokenize"],
        "--steps", str(cfg.tokenize_steps),
    ], cfg, "tokenize")


def train_mwt(cfg: TrainConfig, data: DataDir) -> None:
    train = cfg.work / "mwt.train.conllu"
    dev = cfg.work / "mwt.dev.conllu"
    corpora.concat_conllu([data.ud_file(n) for n in corpora.UD_TAGGER_TRAIN], train)
    corpora.concat_conllu([data.ud_file(n) for n in corpora.UD_TAGGER_DEV], dev)
    run_stanza("stanza.models.mwt_expander", [
        "--mode", "train", "--lang", "it", "--shorthand", "it_kg",
        "--train_file", str(train), "--eval_file", str(dev), "--gold_file", str(dev),
        "--output_file", str(cfg.work / "mwt.pred.conllu"),
        "--save_dir", str(cfg.out), "--save_name", MODEL_FILES["mwt"],
    ], cfg, "mwt")


def train_plain_words(cfg: TrainConfig, data: DataDir) -> None:
    """The forms the tokenizer must keep whole (:mod:`kg.ner.plain_words`), from the MWT
    expander's training files."""
    from kg.models.word_lists import collect_plain_words, write_plain_words

    words = collect_plain_words(data.ud_file(n) for n in corpora.UD_TAGGER_TRAIN)
    count = write_plain_words(words, cfg.out / PLAIN_WORDS_FILE)
    log(f"plain_words: {count} forms -> {cfg.out / PLAIN_WORDS_FILE}")


def train_org_names(cfg: TrainConfig, data: DataDir) -> None:
    """The organisation names the NER stage marks (:mod:`kg.ner.org_names`): KIND's
    gazetteer, checked against the NER training files."""
    from kg.models.word_lists import collect_org_names, write_org_names

    names = collect_org_names(data.kind_file(corpora.ORG_GAZETTEER),
                              [data.kind_file(n) for n in corpora.NER_TRAIN])
    count = write_org_names(names, cfg.out / ORG_NAMES_FILE)
    log(f"org_names: {count} names -> {cfg.out / ORG_NAMES_FILE}")


def _tagger_files(cfg: TrainConfig, data: DataDir) -> tuple[Path, Path]:
    train = cfg.work / "tag.train.conllu"
    dev = cfg.work / "tag.dev.conllu"
    corpora.concat_conllu([data.ud_file(n) for n in corpora.UD_TAGGER_TRAIN], train)
    corpora.concat_conllu([data.ud_file(n) for n in corpora.UD_TAGGER_DEV], dev)
    return train, dev


def _tagger_train_files(cfg: TrainConfig, data: DataDir) -> tuple[list[Path], list[float]]:
    """The tagger's training files, one per treebank, and how often an epoch reads each.

    Stanza's tagger batches each file on its own and trains a column only on the files that
    have it, so a treebank with another XPOS tagset goes in with its XPOS blanked.
    """
    files, ratios = [], []
    for name in corpora.UD_TAGGER_TRAIN:
        source = data.ud_file(name)
        if name in corpora.UD_OTHER_XPOS:
            target = cfg.work / f"tag.{source.stem}.noxpos.conllu"
            corpora.write_conllu_without_xpos(source, target)
            source = target
        files.append(source)
        ratios.append(float(corpora.UD_TAGGER_WEIGHTS.get(name, 1)))
    return files, ratios


def _pos_args(cfg: TrainConfig, data: DataDir, step: str) -> list[str]:
    _, dev = _tagger_files(cfg, data)
    train, ratios = _tagger_train_files(cfg, data)
    return [
        "--mode", "train", "--lang", "it", "--shorthand", "it_kg",
        "--train_file", ";".join(map(str, train)), "--train_ratios", ";".join(map(str, ratios)),
        "--eval_file", str(dev),
        "--output_file", str(cfg.work / f"{step}.pred.conllu"),
        "--wordvec_pretrain_file", str(cfg.out / MODEL_FILES["pretrain"]),
        "--save_dir", str(cfg.out), "--save_name", MODEL_FILES["pos"],
        "--max_steps", str(cfg.pos_max_steps), "--batch_size", str(cfg.tagger_batch_size),
        "--fix_eval_interval", "--eval_interval", str(cfg.tagger_eval_interval),
        "--hidden_dim", str(cfg.tagger_hidden), "--char_hidden_dim", str(cfg.tagger_char_hidden),
        *(["--lr", str(cfg.pos_lr)] if cfg.pos_lr is not None else []),
    ]


def train_pos(cfg: TrainConfig, data: DataDir) -> None:
    run_stanza("stanza.models.tagger", _pos_args(cfg, data, "pos"), cfg, "pos")


def train_pos_more(cfg: TrainConfig, data: DataDir) -> None:
    """Train the tagger in ``cfg.out`` further. Stanza's tagger cannot continue a saved model,
    so :mod:`kg.models.stanza_run` starts its trainer from a copy of it (the same weights and
    vocabulary, this run's settings, a fresh optimiser and dev history); like
    ``depparse_more`` it keeps this run's best dev checkpoint: compare the two dev scores."""
    model = cfg.out / MODEL_FILES["pos"]
    if not model.exists():
        raise FileNotFoundError(f"{model}: run the 'pos' step first")
    start = cfg.work / "pos_more.start.pt"
    shutil.copy2(model, start)
    run_stanza("stanza.models.tagger", _pos_args(cfg, data, "pos_more"), cfg, "pos_more",
               runner_args=("--tagger-start", str(start)))


def _weighted_train_file(cfg: TrainConfig, data: DataDir, step: str) -> Path:
    """The tagger's training treebanks in one file, as Stanza's lemmatizer and parser read
    them, each weighted treebank repeated as often as its weight says."""
    train = cfg.work / f"{step}.train.conllu"
    corpora.concat_conllu([data.ud_file(n) for n in corpora.UD_TAGGER_TRAIN
                           for _ in range(corpora.UD_TAGGER_WEIGHTS.get(n, 1))], train)
    return train


def train_lemma(cfg: TrainConfig, data: DataDir) -> None:
    _, dev = _tagger_files(cfg, data)
    train = _weighted_train_file(cfg, data, "lemma")
    run_stanza("stanza.models.lemmatizer", [
        "--mode", "train", "--shorthand", "it_kg",
        "--train_file", str(train), "--eval_file", str(dev),
        "--output_file", str(cfg.work / "lemma.pred.conllu"),
        "--save_dir", str(cfg.out), "--save_name", MODEL_FILES["lemma"],
        "--num_epoch", str(cfg.lemma_epochs), "--batch_size", str(cfg.lemma_batch_size),
    ], cfg, "lemma")


def _retagged(cfg: TrainConfig, source: Path, step: str) -> Path:
    """``source`` with UPOS, XPOS and features predicted by the tagger in ``cfg.out`` (lemmas,
    heads and relations kept): what a parser reads in the pipeline."""
    tagger = cfg.out / MODEL_FILES["pos"]
    if not tagger.exists():
        raise FileNotFoundError(f"{tagger}: predicted tags need the 'pos' step first")
    target = source.with_name(f"{source.stem}.retagged.conllu")
    run_stanza("stanza.models.tagger", [
        "--mode", "predict", "--lang", "it", "--shorthand", "it_kg",
        "--eval_file", str(source), "--output_file", str(target),
        "--wordvec_pretrain_file", str(cfg.out / MODEL_FILES["pretrain"]),
        "--save_dir", str(cfg.out), "--save_name", MODEL_FILES["pos"],
    ], cfg, f"{step}.retag.{source.stem}")
    return target


def _depparse_args(cfg: TrainConfig, data: DataDir, step: str) -> list[str]:
    _, dev = _tagger_files(cfg, data)
    train = _weighted_train_file(cfg, data, step)
    if cfg.depparse_tags == "predicted":
        train, dev = _retagged(cfg, train, step), _retagged(cfg, dev, step)
    elif cfg.depparse_tags != "gold":
        raise ValueError(f"depparse_tags must be 'gold' or 'predicted', not {cfg.depparse_tags!r}")
    return [
        "--mode", "train", "--lang", "it", "--shorthand", "it_kg",
        "--train_file", str(train), "--eval_file", str(dev),
        "--output_file", str(cfg.work / f"{step}.pred.conllu"),
        "--wordvec_pretrain_file", str(cfg.out / MODEL_FILES["pretrain"]),
        "--save_dir", str(cfg.out), "--save_name", MODEL_FILES["depparse"],
        "--max_steps", str(cfg.depparse_max_steps),
        "--hidden_dim", str(cfg.depparse_hidden), "--char_hidden_dim", str(cfg.tagger_char_hidden),
        "--deep_biaff_hidden_dim", str(cfg.depparse_deep_biaff_hidden),
        "--transformed_dim", str(cfg.depparse_transformed_dim),
        *(["--second_optim_start_step", str(cfg.depparse_second_stage_step)]
          if cfg.depparse_second_stage_step is not None else []),
        *(["--eval_interval", str(cfg.depparse_eval_interval)] if cfg.depparse_eval_interval else []),
    ]


def _snapshots(cfg: TrainConfig, name: str, processor: str) -> tuple[Path | None, tuple[str, ...]]:
    """Where a parser or NER run keeps its snapshots for averaging (none when the processor's
    averaging is off), and the runner flag that asks for them."""
    average, flag = {"depparse": (cfg.depparse_average, "--parser-snapshots"),
                     "ner": (cfg.ner_average, "--ner-snapshots")}[processor]
    if not average:
        return None, ()
    snapshots = cfg.work / f"{name}.snapshots"
    shutil.rmtree(snapshots, ignore_errors=True)   # an earlier run's weights are not this run's
    return snapshots, (flag, str(snapshots))


def _own_save_dir(cfg: TrainConfig, args: list[str], name: str, processor: str) -> tuple[list[str], Path]:
    """``args`` with ``--save_dir`` a folder of the run's own, so that runs side by side never
    overwrite one another, and the path its best model will have there (an earlier run's model
    there is removed: it is no candidate)."""
    save_dir = cfg.work / name
    save_dir.mkdir(parents=True, exist_ok=True)
    run_args = list(args)
    run_args[run_args.index("--save_dir") + 1] = str(save_dir)
    best = save_dir / MODEL_FILES[processor]
    best.unlink(missing_ok=True)
    return run_args, best


def train_depparse(cfg: TrainConfig, data: DataDir) -> None:
    args = _depparse_args(cfg, data, "depparse")
    snapshots, runner_args = _snapshots(cfg, "depparse", "depparse")
    run_stanza("stanza.models.parser", args, cfg, "depparse", runner_args=runner_args)
    keep_best_parser(cfg, [("depparse", cfg.out / MODEL_FILES["depparse"], snapshots)],
                     Path(args[args.index("--eval_file") + 1]), "depparse")


def score_parser(cfg: TrainConfig, model: Path, dev: Path, step: str) -> float:
    """LAS (percent) of ``model`` on ``dev`` with Stanza's own scorer, as its trainer scores dev."""
    import re

    run_stanza("stanza.models.parser", [
        "--mode", "predict", "--lang", "it", "--shorthand", "it_kg",
        "--eval_file", str(dev), "--output_file", str(cfg.work / f"{step}.pred.conllu"),
        "--wordvec_pretrain_file", str(cfg.out / MODEL_FILES["pretrain"]),
        "--save_dir", str(model.parent), "--save_name", model.name,
    ], cfg, step)
    found = re.findall(r"Parser score on \S+ file \S+: ([0-9.]+)",
                       (cfg.work / f"{step}.log").read_text(encoding="utf-8", errors="replace"))
    if not found:
        raise RuntimeError(f"{step}: no parser score in {cfg.work / f'{step}.log'}")
    return float(found[-1])


def keep_best_parser(cfg: TrainConfig, runs: list[tuple[str, Path, Path | None]], dev: Path, step: str) -> None:
    """Put in ``cfg.out`` the best on dev (LAS) of the runs' best checkpoints and, with
    ``cfg.depparse_average``, the mean of every run's last snapshots (a tie goes to the mean).

    ``runs``: (name, best checkpoint, snapshot folder or None) per run. With one candidate
    nothing is scored.
    """
    _keep_best(cfg, runs, dev, step, "depparse", cfg.depparse_average, score_parser, "dev LAS")


def _keep_best(cfg: TrainConfig, runs: list[tuple[str, Path, Path | None]], dev: Path, step: str,
               processor: str, average_last: int, scorer: Callable[[TrainConfig, Path, Path, str], float],
               metric: str) -> None:
    """The shared rule of :func:`keep_best_parser` and :func:`keep_best_ner`: score on dev each
    run's best checkpoint and (``average_last`` > 0) the mean of every run's last snapshots,
    and copy the best into ``cfg.out`` as the ``processor``'s model."""
    candidates = [(f"{name}.score_best", best) for name, best, _ in runs if best.exists()]
    if not candidates:
        raise RuntimeError(f"{step}: no run saved a model; see the logs in {cfg.work}")
    if average_last:
        chosen = [snap for _, _, snapshots in runs if snapshots is not None
                  for snap in sorted(snapshots.glob("step-*.pt"))[-average_last:]]
        if len(chosen) >= 2:
            average = cfg.work / f"{step}.average.pt"
            average_checkpoints(chosen, average)
            candidates.append((f"{step}.score_average", average))
            log(f"{step}: averaged {len(chosen)} snapshots into {average}")
        else:
            log(f"{step}: {len(chosen)} snapshot(s); nothing to average")
    target = cfg.out / MODEL_FILES[processor]
    if len(candidates) > 1:
        scored = [(scorer(cfg, path, dev, score_step), path) for score_step, path in candidates]
        for score, path in scored:
            log(f"{step}: {metric} {score:.2f} for {path}")
        _, path = max(reversed(scored), key=lambda c: c[0])
    else:
        path = candidates[0][1]
    if path != target:
        shutil.copy2(path, target)
        log(f"{step}: kept {path} as {target}")


def train_depparse_more(cfg: TrainConfig, data: DataDir) -> None:
    """Train the parser in ``cfg.out`` further (Stanza's ``--continue_from``: the weights
    carry on, optimiser and dev history start afresh; the training data is read with the saved
    parser's vocabulary, so the weights still mean the same words when the data changed). It keeps the continued run's best dev
    checkpoint, which may score below the model it started from: compare the two dev scores."""
    model = cfg.out / MODEL_FILES["depparse"]
    if not model.exists():
        raise FileNotFoundError(f"{model}: run the 'depparse' step first")
    start = cfg.work / "depparse_more.start.pt"
    shutil.copy2(model, start)
    args = _depparse_args(cfg, data, "depparse_more")
    if len(cfg.depparse_seeds) > 1:
        _parser_runs_side_by_side(cfg, args, start, Path(args[args.index("--eval_file") + 1]), "depparse_more")
        return
    snapshots, snapshot_args = _snapshots(cfg, "depparse_more", "depparse")
    run_stanza("stanza.models.parser", [*args, "--continue_from", str(start)],
               cfg, "depparse_more", runner_args=("--parser-vocab", str(start), *snapshot_args),
               seed=cfg.depparse_seeds[0])
    keep_best_parser(cfg, [("depparse_more", model, snapshots)], Path(args[args.index("--eval_file") + 1]),
                     "depparse_more")


def _parser_runs_side_by_side(cfg: TrainConfig, args: list[str], start: Path, dev: Path, step: str) -> None:
    """Continue ``start`` once per seed, the runs side by side (each under the step's budget,
    with ``cfg.threads`` threads, saving into a folder of its own), then keep the best on dev
    (:func:`keep_best_parser`)."""
    runs = []
    for seed in cfg.depparse_seeds:
        name = f"{step}.seed-{seed}"
        run_args, best = _own_save_dir(cfg, args, name, "depparse")
        snapshots, snapshot_args = _snapshots(cfg, name, "depparse")
        runs.append((name, seed, run_args, snapshots, snapshot_args, best))
    _side_by_side([functools.partial(run_stanza, "stanza.models.parser", [*run_args, "--continue_from", str(start)],
                                     cfg, name, runner_args=("--parser-vocab", str(start), *snapshot_args),
                                     seed=seed, budget_of=step)
                   for name, seed, run_args, _, snapshot_args, _ in runs])
    keep_best_parser(cfg, [(name, best, snapshots) for name, _, _, snapshots, _, best in runs], dev, step)


def _side_by_side(runs: list[Callable[[], None]]) -> None:
    """Start every trainer run at once (each a subprocess) and wait for all; a failure is raised
    once every run has ended."""
    from concurrent.futures import ThreadPoolExecutor

    with ThreadPoolExecutor(len(runs)) as pool:
        futures = [pool.submit(run) for run in runs]
    for future in futures:
        future.result()


TRAINERS: dict[str, Callable[[TrainConfig, DataDir], None]] = {
    "vectors": train_vectors, "tokenize": train_tokenize, "mwt": train_mwt, "plain_words": train_plain_words,
    "charlm": train_charlm, "ner": train_ner,
    "ner_news": train_ner_news, "org_names": train_org_names,
    "pos": train_pos, "pos_more": train_pos_more, "lemma": train_lemma, "depparse": train_depparse,
    "depparse_more": train_depparse_more,
}


def train(cfg: TrainConfig, steps: tuple[str, ...] = DEFAULT_STEPS) -> None:
    """Run the requested steps in order; each writes its model file into ``cfg.out``."""
    data = DataDir(cfg.data)
    cfg.out.mkdir(parents=True, exist_ok=True)
    cfg.work.mkdir(parents=True, exist_ok=True)
    unknown = set(steps) - set(STEPS)
    if unknown:
        raise ValueError(f"unknown training steps {sorted(unknown)}; choose from {', '.join(STEPS)}")
    needs_pretrain = {"ner", "ner_news", "pos", "pos_more", "depparse", "depparse_more"} & set(steps)
    if needs_pretrain and "vectors" not in steps and not (cfg.out / MODEL_FILES["pretrain"]).exists():
        raise FileNotFoundError(f"{cfg.out / MODEL_FILES['pretrain']}: train 'vectors' first")
    started = time.monotonic()
    for step in STEPS:
        if step in steps:
            t0 = time.monotonic()
            TRAINERS[step](cfg, data)
            for leftover in cfg.out.glob("*_checkpoint.pt"):
                leftover.unlink()  # Stanza's resumable training state: optimizer included, never shipped
            model_file = (cfg.out / MODEL_FILES[CONTINUES.get(step, step)]
                          if step not in ("vectors", "charlm", *LISTS) else None)
            if model_file is not None and model_file.exists():
                before, after = compact_model(model_file)
                log(f"{step}: model stored in float16, {before / 1e6:.1f} MB -> {after / 1e6:.1f} MB")
            log(f"{step}: finished after {time.monotonic() - t0:.0f} s "
                f"(total {time.monotonic() - started:.0f} s)")
    (cfg.out / "resources.json").write_text("{}\n", encoding="utf-8")  # Stanza reads one; nothing is downloaded
