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

from kg.cli_common import EXIT_OK, EXIT_SKIPPED
from kg.cli_common import err as _err

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
                                                 not args.no_demonym_model,
                                                 Path(args.rule_precision) if args.rule_precision else None))
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


def build_parser() -> argparse.ArgumentParser:
    from kg.cli_models import add_models_parsers

    parser = argparse.ArgumentParser(prog="kg", description="Italian news to an RDF knowledge graph.")
    from kg import __version__

    parser.add_argument("--version", action="version", version=f"kg {__version__}")
    sub = parser.add_subparsers(dest="command", required=True)

    _add_build_parser(sub)
    _add_reading_parsers(sub)
    add_models_parsers(sub)
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
    p.add_argument("--rule-precision", default=None, metavar="FILE",
                   help="the hand rules' precision per predicate (JSON) from kg models measure-rules, the "
                   "confidence of their facts (default: the shipped one)")
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
