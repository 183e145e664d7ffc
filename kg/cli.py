"""The `kg` command: a thin layer that parses arguments, calls the library, sets the exit code.

Exit codes: 0 success; 1 the build finished but skipped inputs (or evaluation targets were
missed when asked to check them); 2 usage or fatal errors.
"""
from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path
from typing import Optional, Sequence

from kg.resources import SHIPPED_MODELS_DIR

EXIT_OK, EXIT_SKIPPED, EXIT_ERROR = 0, 1, 2

EXAMPLES = {
    "build": "  kg build seeds/\n  kg build corpus/ -o out --workers 2\n  kg build --update more/ -o out",
    "eval": "  kg eval --gold tests/data/seeds_gold.jsonl output/graph.ttl -v",
    "view": "  kg view output/graph.ttl --open\n  kg view output/graph.trig -o /tmp/explorer.html --title 'My corpus'",
    "models": "  kg models eval --data DATA_DIR\n  kg models train --data DATA_DIR\n"
              "  kg models eval-relations --data DATA_DIR\n  kg models train-relations --data DATA_DIR",
    "query": "  kg query output/graph.ttl\n  kg query output/graph.ttl letters --format csv\n"
             "  kg query output/graph.ttl timeline --param entityLabel=Putin\n"
             "  kg query output/graph.ttl 'SELECT ?s ?o WHERE { ?s kg:signed ?o }'",
    "serve": "  kg serve output/graph.ttl            # then open http://127.0.0.1:8000/\n"
             "  kg serve output/graph.ttl --port 8080 --cors https://example.org",
    "push": "  kg push output/graph.ttl --endpoint http://127.0.0.1:3030/ds/data --graph https://example.org/kg/news\n"
            "  kg push output/graph.trig --per-article --endpoint http://127.0.0.1:8890/sparql-graph-crud-auth "
            "--graph https://example.org/kg/build --user dba --password dba",
}


def _err(message: str) -> int:
    print(f"kg: error: {message}", file=sys.stderr)
    return EXIT_ERROR


def cmd_build(args: argparse.Namespace) -> int:
    from kg.build import BuildError, build
    from kg.relations.extract import RelationOptions

    try:
        result = build(args.inputs, output=args.output, base_iri=args.base_iri, strict=args.strict,
                       progress=not args.quiet and sys.stderr.isatty(), cache=not args.no_cache,
                       threads=args.threads, update=args.update, workers=args.workers,
                       executor=args.executor, scheduler=args.scheduler, device=args.device,
                       max_article_bytes=args.max_article_bytes,
                       relations=RelationOptions(args.relations, args.min_confidence,
                                                 Path(args.relation_model) if args.relation_model else None,
                                                 Path(args.entity_filter) if args.entity_filter else None,
                                                 not args.no_entity_filter,
                                                 Path(args.demonym_model) if args.demonym_model else None,
                                                 not args.no_demonym_model))
    except (BuildError, ValueError, OSError) as err:
        if args.debug:
            raise
        return _err(str(err) if not isinstance(err, OSError) or not err.filename
                    else f"{err.filename}: {err.strerror or err}")
    except Exception as err:  # noqa: BLE001 - one line, the traceback with --debug
        if args.debug:
            raise
        return _err(f"internal error: {type(err).__name__}: {err} (rerun with --debug for the traceback)")
    c = result.counts
    print(f"kg: {result.articles} article(s) -> {result.output}/ "
          f"({c['triples']['total']} triples; "
          + ", ".join(f"{n} {t}" for t, n in c["entities"].items() if n) + "; "
          + f"{sum(c['predicates'].values())} facts) in {result.timings['total']:.1f} s "
          f"(model load {result.timings['model_load']:.1f} s, stanza {result.timings['stanza']:.1f} s)")
    if result.skipped:
        print(f"kg: {len(result.skipped)} input(s) skipped; see {result.output}/report.md", file=sys.stderr)
        return EXIT_SKIPPED
    return EXIT_OK


def cmd_eval(args: argparse.Namespace) -> int:
    from kg.article_eval import format_article_scores, score_articles
    from kg.evaluation import format_scores
    from kg.export.rdf import read_graph

    try:
        scores = score_articles(args.gold, read_graph(args.graph), str(args.graph))
    except (OSError, ValueError) as err:
        return _err(str(err))
    if args.json:  # the corpus-level score at the top (as before), the per-article one beside it
        data = scores.corpus.to_dict()
        data["per_article"] = scores.to_dict()
        del data["per_article"]["corpus"]
        print(json.dumps(data, indent=1, sort_keys=True))
    else:
        print(format_article_scores(scores))
        print()
        print(format_scores(scores.corpus, verbose=args.verbose))
    return EXIT_OK


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


def cmd_query(args: argparse.Namespace) -> int:
    from kg.query import QueryError, canned_queries, parse_params
    from kg.sandbox import sandboxed_query

    if args.query is None:
        for q in canned_queries().values():
            params = "".join(f" [--param {p}=...]" for p in q.params)
            print(f"{q.name:10} {q.title}{params}")
        return EXIT_OK
    try:
        text = sandboxed_query(args.graph, args.query, engine=args.engine, params=parse_params(args.param or []),
                               fmt=args.format, timeout=args.timeout, memory_mb=args.memory)
    except QueryError as err:
        return _err(str(err))
    sys.stdout.write(text if text.endswith("\n") else text + "\n")
    return EXIT_OK


def cmd_serve(args: argparse.Namespace) -> int:
    from kg.query import QueryError
    from kg.serve import serve

    try:
        server = serve(args.graph, host=args.host, port=args.port, timeout=args.timeout, limit=args.limit,
                       workers=args.workers, memory_mb=args.memory, allow_hosts=args.allow_host or (),
                       cors=args.cors)
    except QueryError as err:
        return _err(str(err))
    except OSError as err:
        return _err(f"cannot listen on {args.host}:{args.port}: {err}")
    host, port = server.server_address[:2]
    print(f"kg: serving {args.graph} at http://{host}:{port}/sparql (Ctrl-C to stop)", file=sys.stderr)
    try:
        server.serve_forever()
    except KeyboardInterrupt:
        pass
    finally:
        server.server_close()
    return EXIT_OK


def cmd_push(args: argparse.Namespace) -> int:
    import os

    from kg.push import PushError, push

    password = args.password if args.password is not None else os.environ.get("KG_PUSH_PASSWORD")
    if (args.user is None) != (password is None):
        return _err("give both --user and --password (or KG_PUSH_PASSWORD), or neither")
    try:
        result = push(args.graph, args.endpoint, args.graph_iri, per_article=args.per_article, mode=args.mode,
                      auth=(args.user, password) if args.user is not None else None,
                      graph_param=args.graph_param, body_format=args.body_format, timeout=args.timeout,
                      ontology_graph=None if args.no_ontology else args.ontology_graph)
    except PushError as err:
        return _err(str(err))
    where = (f"{len(result.graphs)} graphs" if len(result.graphs) > 1
             else (f"graph <{result.graphs[0].graph}>" if result.graphs[0].graph else "the default graph"))
    verb = "replaced" if args.mode == "replace" else "appended to"
    print(f"kg: {result.triples} triples sent to {args.endpoint}: {verb} {where}")
    return EXIT_OK


def cmd_validate(args: argparse.Namespace) -> int:
    from kg.validate import format_validation, validate_file

    try:
        result = validate_file(args.graph)
    except (OSError, ValueError) as err:
        return _err(str(err))
    print(format_validation(result), end="")
    return result.exit_code


def cmd_view(args: argparse.Namespace) -> int:
    from kg.view import view

    try:
        path = view(Path(args.graph), Path(args.output) if args.output else None, title=args.title,
                    open_browser=args.open)
    except (OSError, ValueError) as err:
        return _err(str(err))
    print(f"kg: explorer written to {path}")
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


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="kg", description="Italian news to an RDF knowledge graph.")
    from kg import __version__

    parser.add_argument("--version", action="version", version=f"kg {__version__}")
    sub = parser.add_subparsers(dest="command", required=True)

    _add_build_parser(sub)
    _add_reading_parsers(sub)
    _add_models_parsers(sub)
    _add_store_parsers(sub)
    for name, example in EXAMPLES.items():  # `kg NAME --help` ends with examples
        if name in sub.choices and not sub.choices[name].epilog:
            sub.choices[name].epilog = "examples:\n" + example
            sub.choices[name].formatter_class = argparse.RawDescriptionHelpFormatter
    return parser




def _add_build_parser(sub) -> None:
    from kg.ingest import MAX_ARTICLE_BYTES
    from kg.iris import DEFAULT_BASE

    p = sub.add_parser("build", help="build the graph from articles (.txt, .md, folders, .jsonl)")
    p.add_argument("inputs", nargs="+", help="files or folders")
    p.add_argument("-o", "--output", default="output", help="output folder (default: output/)")
    p.add_argument("--base-iri", default=None,
                   help=f"base of minted IRIs (default {DEFAULT_BASE}, or the updated build's)")
    p.add_argument("--strict", action="store_true", help="fail when any input is skipped")
    p.add_argument("--update", action="store_true",
                   help="add the inputs to the articles OUTPUT was built from, tagging only the new ones")
    p.add_argument("--workers", type=int, default=1, help="local processes tagging in parallel (default 1)")
    p.add_argument("--executor", choices=["local", "dask"], default="local",
                   help="where Stanza runs: local (default) or the dask.distributed cluster at --scheduler")
    p.add_argument("--scheduler", default=None, help="Dask scheduler address, e.g. tcp://10.0.0.5:8786")
    p.add_argument("--device", default="cpu", help="cpu (default), cuda or cuda:N for the Stanza models")
    p.add_argument("--no-cache", action="store_true", help="do not read or write the NLP cache")
    p.add_argument("--threads", type=int, default=None,
                   help="CPU threads for the models (default: PyTorch's, one per core)")
    p.add_argument("-q", "--quiet", action="store_true", help="no progress bar")
    p.add_argument("--max-article-bytes", type=int, default=MAX_ARTICLE_BYTES, metavar="BYTES",
                   help=f"skip, by name, any article larger than this (default {MAX_ARTICLE_BYTES:,})")
    p.add_argument("--relations", choices=["rules", "combined", "learned"], default="combined",
                   help="how facts are made: the hand rules' facts, each with its predicate's measured precision "
                   "as confidence, plus the facts the learned scorer finds for the article's entity pairs at or "
                   "above its threshold (combined, default); the rules alone (rules); the scorer alone (learned)")
    p.add_argument("--min-confidence", type=float, default=None, metavar="P",
                   help="keep the facts, the rules' and the scorer's, whose calibrated confidence is at least P: "
                   "lower for recall, higher for precision (default: the scorer's own threshold)")
    p.add_argument("--entity-filter", default=None, metavar="FILE",
                   help="an entity filter (JSON) from kg models train-entity-filter (default: the shipped one)")
    p.add_argument("--no-entity-filter", action="store_true",
                   help="keep every entity linking finds (no learned filter)")
    p.add_argument("--relation-model", default=None, metavar="FILE",
                   help="a relation scorer (JSON) from kg models train-relations (default: the shipped one)")
    p.add_argument("--demonym-model", default=None, metavar="FILE",
                   help="a demonym reading (JSON) from kg models train-demonyms, which decides whether a "
                   "demonym stands for its state (default: the shipped one)")
    p.add_argument("--no-demonym-model", action="store_true",
                   help="let the hand rule decide which demonyms stand for their state (no learned reading)")
    p.add_argument("--debug", action="store_true", help="show the traceback of a fatal error")
    p.set_defaults(func=cmd_build)


def _add_reading_parsers(sub) -> None:
    """eval, view, validate: commands that read a graph file."""
    p = sub.add_parser("eval", help="score a graph against gold facts (JSONL), per article and corpus-wide")
    p.add_argument("--gold", required=True, help="gold JSONL file")
    p.add_argument("graph", help="graph file (.ttl, .trig, .nt, .nq, .jsonld)")
    p.add_argument("--json", action="store_true", help="print scores as JSON")
    p.add_argument("-v", "--verbose", action="store_true", help="also list misses and spurious predictions")
    p.set_defaults(func=cmd_eval)

    p = sub.add_parser("view", help="write the graph's HTML explorer (self-contained, works offline)")
    p.add_argument("graph", help="graph file (.ttl, .trig, .jsonld, .nt, .nq)")
    p.add_argument("-o", "--output", help="HTML file to write (default: the graph's name with .html)")
    p.add_argument("--title", help="page title (default: kg: GRAPH)")
    p.add_argument("--open", action="store_true", help="open the page in the web browser")
    p.set_defaults(func=cmd_view)

    p = sub.add_parser("validate", help="check a graph file against kg's SHACL shapes (exit 0 conforms, 1 not)",
                       epilog="example:\n  kg validate output/graph.ttl", formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument("graph", help="graph file (.ttl, .trig, .jsonld, .nt, .nq)")
    p.set_defaults(func=cmd_validate)


def _add_models_parsers(sub) -> None:
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

    p = msub.add_parser("train-entity-filter", help="train the learned entity filter on the real-news gold",
                        description="Runs kg's NER, mentions and linking over the train and dev parts of "
                        "bench/realnews (never the test split), labels every entity of every item by kg eval's "
                        "matching against that item's gold, fits a logistic model and picks the threshold with "
                        "the best cross-validated entity F1. Example: kg models train-entity-filter --data "
                        "DATA_DIR")
    _realnews_training_args(p, "it_kg_entity_filter.json", "the filter")
    p.add_argument("--splits", default="train,dev", help="training splits (default train,dev; test is never read)")
    p.set_defaults(func=cmd_models_train_entity_filter)

    p = msub.add_parser("train-demonyms", help="train the demonym reading on the real-news gold",
                        description="Runs kg's NER and mentions over the train and dev parts of bench/realnews "
                        "(never the test split), labels every demonym kg finds by whether the gold makes it stand "
                        "for its state, and fits a logistic model; C and the threshold by cross-validated accuracy. "
                        "Deterministic. Example: kg models train-demonyms --data DATA_DIR")
    _realnews_training_args(p, "it_kg_demonyms.json", "the reading")
    p.add_argument("--splits", default="train,dev", help="training splits (default train,dev; test is never read)")
    p.set_defaults(func=cmd_models_train_demonyms)

    p = msub.add_parser("train-relations", help="train the relation scorer on the real-news gold",
                        description="Runs kg's pipeline over the train and dev parts of bench/realnews (KIND "
                        "sentences and cached train and dev articles; never the test split), labels every pair of an "
                        "article's entities from the gold and fits one logistic model per predicate, calibrated. "
                        "Deterministic. "
                        "Example: kg models train-relations --data DATA_DIR")
    _realnews_training_args(p, "it_kg_relations.json", "the scorer")
    p.add_argument("--no-rule-features", action="store_true", help="leave the hand rules' votes out (ablation)")
    p.add_argument("--splits", default="train,dev", help="training splits (default train,dev; 'train' alone "
                   "leaves dev for measuring; test is never read)")
    p.add_argument("--examples", metavar="FILE", help="cache the labelled candidates here (read back if present)")
    p.set_defaults(func=cmd_models_train_relations)

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


def _realnews_training_args(p: argparse.ArgumentParser, shipped_name: str, what: str) -> None:
    """--data, --realnews and --out, as every command that trains on bench/realnews takes them."""
    p.add_argument("--data", required=True, help=KIND_DATA_HELP)
    p.add_argument("--realnews", default="bench/realnews", help="the real-news corpus folder (default bench/realnews)")
    p.add_argument("--out", default=str(SHIPPED_MODELS_DIR / shipped_name),
                   help=f"where to write {what} (default: the shipped one)")


def _kind_dir(data: str) -> Path:
    """KIND's folder: DATA/kind when DATA holds one, else DATA itself."""
    return Path(data) / "kind" if (Path(data) / "kind").is_dir() else Path(data)


def _add_store_parsers(sub) -> None:
    """query, serve, push: a graph file as a SPARQL store, here or elsewhere."""
    p = sub.add_parser("query", help="run SPARQL (a .rq file, a canned query name or inline text) on a graph")
    p.add_argument("graph", help="graph file (.ttl, .trig, .nt, .nq, .jsonld)")
    p.add_argument("query", nargs="?", help="a .rq file, a canned query (letters, treaties, leaders, flows, "
                   "timeline, sources) or SPARQL text; leave out to list the canned queries")
    p.add_argument("--format", choices=["table", "csv", "tsv", "json", "xml"], default="table",
                   help="result format (default table; CONSTRUCT/DESCRIBE always print Turtle)")
    p.add_argument("--engine", choices=["oxigraph", "rdflib"], default="oxigraph", help="default oxigraph")
    p.add_argument("--param", action="append", metavar="NAME=VALUE",
                   help="bind ?NAME to the string VALUE through the query's 'VALUES ?NAME { UNDEF }' "
                   "(e.g. timeline --param entityLabel=Putin)")
    p.add_argument("--timeout", type=float, default=300.0, help="seconds before the query is stopped (default 300)")
    p.add_argument("--memory", type=int, default=2048, metavar="MB",
                   help="memory the query may use beyond the loaded graph (default 2048 MB)")
    p.set_defaults(func=cmd_query)

    p = sub.add_parser("serve", help="a read-only SPARQL endpoint over a graph file")
    p.add_argument("graph", help="graph file (.ttl, .trig, .nt, .nq, .jsonld)")
    p.add_argument("--host", default="127.0.0.1", help="address to bind (default 127.0.0.1, this machine only)")
    p.add_argument("--port", type=int, default=8000, help="default 8000")
    p.add_argument("--timeout", type=float, default=10.0, help="seconds before a query is abandoned (default 10)")
    p.add_argument("--limit", type=int, default=10000, help="most result rows returned (default 10000)")
    p.add_argument("--workers", type=int, default=2, help="query worker processes (default 2)")
    p.add_argument("--memory", type=int, default=2048, metavar="MB",
                   help="memory a query may use beyond the loaded graph, per worker (default 2048 MB)")
    p.add_argument("--allow-host", action="append", metavar="NAME",
                   help="also answer requests whose Host header names NAME (default: loopback names and "
                   "--host only; '*' allows any)")
    p.add_argument("--cors", metavar="ORIGIN", help="let pages from ORIGIN (e.g. https://example.org) read answers")
    p.set_defaults(func=cmd_serve)

    p = sub.add_parser("push", help="load a graph file into a store over the SPARQL 1.1 Graph Store Protocol")
    p.add_argument("graph", help="graph file (.ttl, .trig, .nt, .nq, .jsonld)")
    p.add_argument("--endpoint", required=True, metavar="URL",
                   help="the store's Graph Store endpoint, used as given (e.g. http://127.0.0.1:8890/sparql-graph-crud-auth "
                   "for Virtuoso, http://127.0.0.1:3030/ds/data for Fuseki)")
    p.add_argument("--graph", dest="graph_iri", metavar="IRI",
                   help="the named graph to write (default: the store's default graph)")
    p.add_argument("--per-article", action="store_true",
                   help="one named graph per article, from a .trig or .nq file's named graphs")
    p.add_argument("--mode", choices=["replace", "append"], default="replace",
                   help="replace (HTTP PUT, the default) or append (HTTP POST)")
    p.add_argument("--user", help="user name for HTTP Basic or Digest authentication")
    p.add_argument("--password", help="password (or set KG_PUSH_PASSWORD, which other users cannot see)")
    p.add_argument("--graph-param", choices=["graph", "graph-uri"], default=None,
                   help="query parameter naming the graph (default: graph-uri for Virtuoso's "
                   "/sparql-graph-crud paths, else the standard graph)")
    p.add_argument("--format", dest="body_format", choices=["turtle", "ntriples"], default="turtle",
                   help="what to send (default turtle)")
    p.add_argument("--timeout", type=float, default=300.0, help="seconds to wait for each answer (default 300)")
    p.add_argument("--ontology-graph", metavar="IRI", default="https://w3id.org/kg-it/ontology",
                   help="named graph that receives kg's ontology, so the store has the labels of every class and "
                   "predicate (default: the ontology's IRI, which the graph owl:imports)")
    p.add_argument("--no-ontology", action="store_true", help="do not send the ontology")
    p.set_defaults(func=cmd_push)


def main(argv: Optional[Sequence[str]] = None) -> int:
    parser = build_parser()
    args, extra = parser.parse_known_args(argv)
    if extra and getattr(args, "command", None) == "query" and args.query is None and len(extra) == 1 \
            and not extra[0].startswith("-"):
        args.query = extra[0]  # `kg query G --format csv letters`: options before the query name
    elif extra:
        parser.error("unrecognized arguments: " + " ".join(extra))
    return args.func(args)


if __name__ == "__main__":
    sys.exit(main())
