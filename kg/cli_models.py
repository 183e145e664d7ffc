"""`kg models`: training, measuring and evaluating kg's shipped models and tables (kg.cli's
subcommands, a thin layer over kg.models, kg.relations.training and the other trainers)."""
from __future__ import annotations

import argparse
import sys
from pathlib import Path

from kg.cli_common import EXIT_OK
from kg.cli_common import err as _err
from kg.resources import SHIPPED_MODELS_DIR

def cmd_models_train(args: argparse.Namespace) -> int:
    from kg.models.training import DEFAULT_STEPS, TrainConfig, train

    steps = tuple(args.steps.split(",")) if args.steps else DEFAULT_STEPS
    budgets = {}
    for item in args.budget or []:
        step, _, minutes = item.partition("=")
        budgets[step] = float(minutes)
    cfg = TrainConfig(data=Path(args.data), out=Path(args.out), work=Path(args.work), device=args.device,
                      threads=args.threads, budgets=budgets, ner_news_lr=args.ner_news_lr,
                      ner_charlm=args.ner_charlm, ner_unk_alpha=args.ner_unk_alpha, ner_average=args.ner_average,
                      **({"ner_max_steps": args.ner_max_steps} if args.ner_max_steps else {}),
                      **({"ner_seeds": args.ner_seeds} if args.ner_seeds else {}),
                      **({"ner_train_sets": tuple(args.ner_train_sets.split(","))} if args.ner_train_sets else {}),
                      pos_lr=args.pos_lr, depparse_second_stage_step=args.parser_second_stage_step,
                      depparse_tags=args.parser_tags, depparse_average=args.parser_average,
                      depparse_eval_interval=args.parser_eval_interval,
                      **({"depparse_seeds": args.parser_seeds} if args.parser_seeds else {}),
                      **({"tagger_batch_size": args.tagger_batch_size} if args.tagger_batch_size else {}))
    try:
        train(cfg, steps)
    except (FileNotFoundError, ValueError, RuntimeError) as err:
        return _err(str(err))
    return EXIT_OK


def cmd_models_eval(args: argparse.Namespace) -> int:
    from kg.models.evaluation import evaluate_models
    from kg.ner.loader import resolve_models

    try:
        scores = evaluate_models(Path(args.data), resolve_models(args.models), ner=not args.skip_ner,
                                 ud=not args.skip_ud)
    except (FileNotFoundError, ValueError, RuntimeError) as err:
        return _err(str(err))
    print(scores.format())
    return EXIT_OK


def cmd_models_eval_relations(args: argparse.Namespace) -> int:
    from kg.article_eval import format_article_scores
    from kg.sentence_eval import evaluate_sentences

    kind = _kind_dir(args.data)
    try:
        scores, _ = evaluate_sentences(Path(args.gold), kind, args.split,
                                       Path(args.keep) if args.keep else None,
                                       log=lambda m: print(m, file=sys.stderr))
    except (OSError, ValueError, KeyError, IndexError) as err:
        return _err(f"{args.gold}: {err}")
    print(format_article_scores(scores))
    r = scores.relations_micro
    print(f"relations WN_{args.split} P={r.precision:.3f} R={r.recall:.3f} F1={r.f1:.3f}")
    return EXIT_OK


def cmd_models_train_relations(args: argparse.Namespace) -> int:
    from dataclasses import replace

    from kg.relations.training import (article_items, build_examples, load_examples, save_examples,
                                       sentence_items, summarise, train_scorer)

    log = lambda m: print(m, file=sys.stderr)  # noqa: E731
    kind = _kind_dir(args.data)
    try:
        splits = tuple(x for x in args.splits.split(",") if x in ("train", "dev"))
        if args.examples and Path(args.examples).exists():
            examples = [e for e in load_examples(Path(args.examples)) if e.split in splits]
        else:
            items = sentence_items(Path(args.realnews) / "kind_sentences.jsonl", kind, splits) + \
                article_items(Path(args.realnews), splits)
            log(f"{len(items)} training items (splits {', '.join(splits)}; never test)")
            examples = build_examples(items, log, rule_features=not args.no_rule_features)
            if args.examples:
                save_examples(examples, Path(args.examples))
        if args.no_rule_features:  # cached examples carry the votes: drop them here too
            examples = [replace(e, features=[f for f in e.features if not f.startswith(("rule", "s:rule"))])
                        for e in examples]
        log(summarise(examples))
        scorer = train_scorer(examples, log)
    except (OSError, ValueError, KeyError) as err:
        return _err(str(err))
    scorer.meta["rule_features"] = not args.no_rule_features
    scorer.save(Path(args.out))
    print(f"relation scorer -> {args.out} ({len(scorer.predicates)} predicates, threshold {scorer.threshold})")
    return EXIT_OK


def cmd_models_measure_rules(args: argparse.Namespace) -> int:
    from kg.build import BuildError
    from kg.rule_measurement import measure_rule_precision

    log = lambda m: print(m, file=sys.stderr)  # noqa: E731
    try:
        table = measure_rule_precision(Path(args.realnews), tuple(x for x in args.splits.split(",") if x),
                                       Path(args.work) if args.work else None, log,
                                       _kind_dir(args.data) if args.data else None)
    except (BuildError, OSError, ValueError, KeyError) as err:
        return _err(str(err))
    table.save(Path(args.out))
    print(f"rule precision -> {args.out} ({table.meta['facts']} facts of {table.meta['articles']} articles: "
          + ", ".join(f"{p} {v}" for p, v in table.precision.items()) + ")")
    return EXIT_OK


def cmd_models_train_entity_filter(args: argparse.Namespace) -> int:
    from kg.entity_filter_training import entity_examples, gold_items, train_entity_filter

    log = lambda m: print(m, file=sys.stderr)  # noqa: E731
    kind = _kind_dir(args.data)
    splits = tuple(x for x in args.splits.split(",") if x in ("train", "dev"))
    try:
        rows = entity_examples(gold_items(Path(args.realnews), kind, splits), log)
        flt = train_entity_filter(rows, log)
    except (OSError, ValueError, KeyError) as err:
        return _err(str(err))
    flt.save(Path(args.out))
    print(f"entity filter -> {args.out} (threshold {flt.threshold})")
    return EXIT_OK


def cmd_models_train_demonyms(args: argparse.Namespace) -> int:
    from kg.mentions.demonym_training import demonym_examples, train_demonym_reading

    log = lambda m: print(m, file=sys.stderr)  # noqa: E731
    splits = tuple(x for x in args.splits.split(",") if x in ("train", "dev"))
    try:
        reading = train_demonym_reading(demonym_examples(Path(args.realnews), _kind_dir(args.data), splits, log), log)
    except (OSError, ValueError, KeyError) as err:
        return _err(str(err))
    reading.save(Path(args.out))
    print(f"demonym reading -> {args.out} (threshold {reading.threshold})")
    return EXIT_OK


def _seed_list(text: str) -> tuple[int, ...]:
    try:
        seeds = tuple(int(part) for part in text.split(","))
    except ValueError:
        raise argparse.ArgumentTypeError(f"{text!r}: seeds are integers separated by commas") from None
    if len(set(seeds)) != len(seeds):
        raise argparse.ArgumentTypeError(f"{text!r}: a seed given twice would train the same run twice")
    return seeds


def _add_averaging_options(p: argparse.ArgumentParser, flag: str, steps: str, seeds_for: str = "") -> None:
    """``--FLAG-average`` and ``--FLAG-seeds``: snapshot averaging and side-by-side runs, which
    the NER and the parser steps share (kg.models.training._keep_best)."""
    p.add_argument(f"--{flag}-average", type=int, default=0, metavar="N",
                   help=f"{steps}: average the weights of a run's last N dev-evaluation snapshots and keep "
                        "the average when it scores at least the best checkpoint on dev (default: off)")
    p.add_argument(f"--{flag}-seeds", default=None, metavar="SEED,SEED", type=_seed_list,
                   help=f"{seeds_for or steps}: one run per seed, side by side from the same start; keeps the "
                        f"best dev checkpoint among them, or with --{flag}-average the mean of every run's last "
                        "snapshots when it scores at least as well (default: one run, seed 1234)")


def add_models_parsers(sub) -> None:
    from kg.ner.registry import SHIPPED_DIR

    models = sub.add_parser("models", help="train or evaluate the Italian Stanza models")
    msub = models.add_subparsers(dest="models_command", required=True)
    p = msub.add_parser("train", help="train the models from the public corpora")
    p.add_argument("--data", required=True, help="data folder with kind/ and ud-italian/")
    p.add_argument("--out", default=str(SHIPPED_DIR), help="where the model files go (default: the package)")
    p.add_argument("--work", default="build/train", help="scratch folder for converted data and logs")
    p.add_argument("--steps", help="comma-separated subset of: vectors,tokenize,mwt,plain_words,charlm,ner,ner_news,org_names,pos,pos_more,"
                        "lemma,depparse,depparse_more (ner_news, pos_more and depparse_more train further "
                        "the model already in --out; default: every step but charlm, pos_more and depparse_more)")
    p.add_argument("--device", default="cpu", help="cpu or cuda")
    p.add_argument("--threads", type=int, default=None, help="torch threads per trainer")
    p.add_argument("--budget", action="append", metavar="STEP=MINUTES",
                   help="stop a step after this many minutes, keeping its best checkpoint")
    p.add_argument("--ner-news-lr", type=float, default=None, metavar="LR",
                   help="learning rate of the ner_news fine-tune (default: the one the NER model "
                        "in --out trained with)")
    p.add_argument("--ner-train-sets", default=None, metavar="FILE,FILE",
                   help="KIND files the ner step trains on (default: WN_train.tsv,FIC_train.tsv,ADG_train.tsv)")
    p.add_argument("--ner-charlm", action="store_true",
                   help="feed the NER the character language models the charlm step wrote into --out "
                        "(default: off; the NER's own character LSTM)")
    p.add_argument("--ner-unk-alpha", type=float, default=2.0, metavar="A",
                   help="ner/ner_news: hide a training word's embedding behind the unknown word with "
                        "probability A/(A+count), so the NER learns names it has no vector for "
                        "(default: 2; 0: off, as up to it-kg-6)")
    _add_averaging_options(p, "ner", "ner/ner_news")
    p.add_argument("--ner-max-steps", type=int, default=None, metavar="STEPS",
                   help="ner/ner_news: stop after this many steps (default: 40,000, or Stanza's stopping rule)")
    p.add_argument("--pos-lr", type=float, default=None, metavar="LR",
                   help="Adam learning rate of pos/pos_more (default: Stanza's, 3e-3)")
    p.add_argument("--tagger-batch-size", type=int, default=None, metavar="SENTENCES",
                   help="sentences per tagger step (default: 100)")
    p.add_argument("--parser-second-stage-step", type=int, default=None, metavar="STEP",
                   help="step at which depparse/depparse_more switch to Stanza's second optimiser "
                        "(default: Stanza's, 10,000 or when dev stalls)")
    p.add_argument("--parser-tags", choices=("gold", "predicted"), default="gold",
                   help="tags the parser trains and is scored on: the treebanks' own, or the "
                        "tagger in --out's predictions, as in the pipeline (default: gold)")
    _add_averaging_options(p, "parser", "depparse/depparse_more", seeds_for="depparse_more")
    p.add_argument("--parser-eval-interval", type=int, default=None, metavar="STEPS",
                   help="steps between a parser run's dev scores, and so its snapshots (default: Stanza's, 100)")
    p.set_defaults(func=cmd_models_train)
    p = msub.add_parser("eval", help="score the models on the test-only splits")
    p.add_argument("--data", required=True, help="data folder with kind/ and ud-italian/")
    p.add_argument("--models", default=None, help="model folder (default: the shipped models)")
    p.add_argument("--skip-ner", action="store_true")
    p.add_argument("--skip-ud", action="store_true")
    p.set_defaults(func=cmd_models_eval)

    _add_realnews_parsers(msub)


def _add_realnews_parsers(msub) -> None:
    """The commands that train or measure on bench/realnews's train and dev splits."""
    p = msub.add_parser("train-entity-filter", help="train the learned entity filter on the real-news gold",
                        description="Runs kg's NER, mentions and linking over the train and dev parts of "
                        "bench/realnews (never the test split), labels every entity of every item by kg eval's "
                        "matching against that item's gold, fits a logistic model and picks the threshold with "
                        "the best cross-validated entity F1. Example: kg models train-entity-filter --data "
                        "DATA_DIR")
    _realnews_training_args(p, "it_kg_entity_filter.json", "the filter")
    p.set_defaults(func=cmd_models_train_entity_filter)

    p = msub.add_parser("train-demonyms", help="train the demonym reading on the real-news gold",
                        description="Runs kg's NER and mentions over the train and dev parts of bench/realnews "
                        "(never the test split), labels every demonym kg finds by whether the gold makes it stand "
                        "for its state, and fits a logistic model; C and the threshold by cross-validated accuracy. "
                        "Deterministic. Example: kg models train-demonyms --data DATA_DIR")
    _realnews_training_args(p, "it_kg_demonyms.json", "the reading")
    p.set_defaults(func=cmd_models_train_demonyms)

    p = msub.add_parser("train-relations", help="train the relation scorer on the real-news gold",
                        description="Runs kg's pipeline over the train and dev parts of bench/realnews (KIND "
                        "sentences and cached train and dev articles; never the test split), labels every pair of an "
                        "article's entities from the gold and fits one logistic model per predicate, calibrated. "
                        "Deterministic. "
                        "Example: kg models train-relations --data DATA_DIR")
    _realnews_training_args(p, "it_kg_relations.json", "the scorer",
                            splits="'train' alone leaves dev for measuring; ")
    p.add_argument("--no-rule-features", action="store_true", help="leave the hand rules' votes out (ablation)")
    p.add_argument("--examples", metavar="FILE", help="cache the labelled candidates here (read back if present)")
    p.set_defaults(func=cmd_models_train_relations)

    p = msub.add_parser("measure-rules", help="measure the hand rules' precision, the confidence of their facts",
                        description="Builds the cached train and dev articles of bench/realnews with the rules "
                        "alone and counts, per predicate, the facts that match each article's gold as kg eval does; "
                        "writes the Laplace-smoothed precision a rule's fact carries as its confidence (a country's "
                        "visit derived from its city's counted apart, by building with and without them). Never reads "
                        "the test split. Example: kg models measure-rules")
    _realnews_training_args(p, "it_kg_rule_precision.json", "the table", data=False,
                            splits="'train' alone leaves dev for checking; ")
    p.add_argument("--work", default=None, metavar="DIR", help="keep the build here (its NLP cache makes the next "
                   "run fast; default: a temporary folder)")
    p.add_argument("--data", default=None, help=KIND_DATA_HELP + "; with it, the annotated KIND sentences of the "
                   "splits are measured too, as documents of one sentence (their own precision, 'predicate@sentence')")
    p.set_defaults(func=cmd_models_measure_rules)

    p = msub.add_parser("eval-relations", help="kg end to end on the annotated KIND Wikinews sentences",
                        description="Builds each annotated sentence of a split as an article (kg's own NER and "
                        "parse) and scores its entities and facts against that sentence's gold. The last line "
                        "is 'relations WN_<split> P=… R=… F1=…'. Example: kg models eval-relations --data "
                        "DATA_DIR --gold bench/realnews/kind_sentences.jsonl")
    p.add_argument("--data", required=True, help=KIND_DATA_HELP)
    p.add_argument("--gold", default="bench/realnews/kind_sentences.jsonl", help="sentence-level gold JSONL")
    p.add_argument("--split", choices=["train", "dev", "test"], default="test", help="default test (WN_test)")
    p.add_argument("--keep", metavar="DIR", help="keep the sentences, their gold and kg's graph in DIR")
    p.set_defaults(func=cmd_models_eval_relations)


KIND_DATA_HELP = "data folder with kind/ (KIND's WN_*.tsv), or kind/ itself"


def _realnews_training_args(p: argparse.ArgumentParser, shipped_name: str, what: str, data: bool = True,
                            splits: str = "") -> None:
    """--data (KIND, unless ``data`` is off), --realnews, --out and --splits, as every command
    that trains or measures on bench/realnews takes them; ``splits`` adds to the --splits help."""
    if data:
        p.add_argument("--data", required=True, help=KIND_DATA_HELP)
    p.add_argument("--realnews", default="bench/realnews", help="the real-news corpus folder (default bench/realnews)")
    p.add_argument("--out", default=str(SHIPPED_MODELS_DIR / shipped_name),
                   help=f"where to write {what} (default: the shipped one)")
    p.add_argument("--splits", default="train,dev", help=f"the splits read (default train,dev; {splits}test is never read)")


def _kind_dir(data: str) -> Path:
    """KIND's folder: DATA/kind when DATA holds one, else DATA itself."""
    return Path(data) / "kind" if (Path(data) / "kind").is_dir() else Path(data)
