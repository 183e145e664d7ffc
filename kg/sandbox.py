"""Queries in a sandbox: checked before they run, run in a worker process that is killed at
the deadline, with capped memory and no network.

A query is first checked as text for size and bracket depth (oxigraph's recursive parser
overflows its stack near 5,000 nested parentheses, taking the process with it), then parsed
with rdflib's SPARQL grammar in the worker: an update or a SERVICE clause found in the parse
tree is refused, never guessed from the text with patterns. Only then does oxigraph run it.

Each worker (a fresh interpreter, so it shares no lock or thread with the server) loads the graph
itself, cuts itself off the network where the kernel lets it (a fresh network namespace,
the last guard should a SERVICE ever slip past the parser), caps its address space a fixed
budget above the loaded graph, and answers queries one at a time. The caller waits for the
answer up to the timeout, then kills the worker (its CPU and memory are released at once)
and starts a fresh one in the background: a runaway or crashing query costs its own request.

>>> pool = QueryPool("output/graph.ttl", workers=2, timeout=10)   # doctest: +SKIP
>>> pool.run("SELECT * WHERE { ?s ?p ?o } LIMIT 3", formats=("json", "turtle")).body  # doctest: +SKIP
"""
from __future__ import annotations

import ctypes
import functools
import os
import queue
import resource
import socket
import subprocess
import sys
import threading
import time
from dataclasses import dataclass
from multiprocessing.connection import Connection
from pathlib import Path
from typing import Optional, Union

from kg.settings import value as setting
from kg.query import (MAX_DEPTH, MAX_QUERY_CHARS, QueryError, check_text, load_graph, load_store,
                      read_graph_bytes, run_query, to_csv, to_json, to_ntriples, to_table, to_tsv, to_turtle, to_xml)

__all__ = ["QueryPool", "sandboxed_query", "QueryRefused", "QueryTimeout", "QueryCrashed", "QueryBusy", "Answer",
           "check_text", "parsed_problem", "MAX_QUERY_CHARS", "MAX_DEPTH"]

_PACKAGE_ROOT = str(Path(__file__).resolve().parent.parent)
WORKER_STACK = setting("sandbox.worker_stack")  # the job thread's stack (kg.settings)
WRITERS = {"json": to_json, "xml": to_xml, "csv": to_csv, "tsv": to_tsv, "table": to_table,
           "turtle": to_turtle, "ntriples": to_ntriples}


class QueryRefused(QueryError):
    """The query asks for something the endpoint never does (update, SERVICE): HTTP 403."""


class QueryTimeout(QueryError):
    """The query outlived its timeout; its worker was killed: HTTP 503."""


class QueryCrashed(QueryError):
    """The worker died running the query (memory cap, engine crash); it was replaced: HTTP 500."""


class QueryBusy(QueryError):
    """No worker became free in time: HTTP 503."""


@dataclass
class Answer:
    kind: str          # select, ask or graph
    fmt: str           # the WRITERS name used
    body: str
    truncated: bool
    rows: int


# ------------------------------------------------------------------ checks

@functools.lru_cache(maxsize=512)
def parsed_problem(sparql: str) -> Optional[tuple[str, str]]:
    """None when rdflib's SPARQL 1.1 grammar reads ``sparql`` as a query without SERVICE;
    else ("refused" | "syntax", message). Cached: the grammar takes 20-200 ms a query."""
    from rdflib.plugins.sparql.parser import parseQuery, parseUpdate

    try:
        tree = parseQuery(sparql)
    except RecursionError:
        return "syntax", "query nested too deeply to parse"
    except Exception as err:  # pyparsing's ParseException family
        try:
            parseUpdate(sparql)
        except Exception:  # noqa: BLE001 - neither a query nor an update
            return "syntax", f"SPARQL syntax error: {err}"
        return "refused", "this endpoint is read-only: SPARQL Update is refused"
    if "ServiceGraphPattern" in _names(tree):
        return "refused", "SERVICE (federated query) is refused: queries never fetch other URLs"
    return None


def _names(node) -> set[str]:
    """Names of every rule (CompValue) in a pyparsing parse tree, iteratively."""
    from rdflib.plugins.sparql.parserutils import CompValue

    names, stack = set(), [node]
    while stack:
        item = stack.pop()
        if isinstance(item, CompValue):
            names.add(item.name)
            stack.extend(item.values())
        elif isinstance(item, (list, tuple)) or hasattr(item, "asList"):
            stack.extend(item)
        elif isinstance(item, dict):
            stack.extend(item.values())
    return names


# ------------------------------------------------------------------ the worker process

def _no_network() -> bool:
    """Move this process into an empty network namespace (no route anywhere, not even
    loopback); False where the kernel does not allow it."""
    try:
        libc = ctypes.CDLL(None, use_errno=True)
        return libc.unshare(0x10000000 | 0x40000000) == 0  # CLONE_NEWUSER | CLONE_NEWNET
    except (OSError, AttributeError):
        return False


def _cap_memory(budget_mb: int) -> None:
    """Address space capped at what the process holds now plus ``budget_mb``."""
    with open("/proc/self/statm") as handle:
        now = int(handle.read().split()[0]) * resource.getpagesize()
    _, hard = resource.getrlimit(resource.RLIMIT_AS)
    cap = now + (budget_mb << 20)
    if hard != resource.RLIM_INFINITY:
        cap = min(cap, hard)
    resource.setrlimit(resource.RLIMIT_AS, (cap, hard))


def _child() -> None:
    """Entry point of a worker process: ``python -c ... FD GRAPH ENGINE MEMORY_MB``."""
    fd, graph_path, engine, memory_mb = sys.argv[1:5]
    _worker(Connection(int(fd)), graph_path, engine, int(memory_mb))


def _orphan_watch() -> None:
    """End this worker when the process that started it is gone (killed, crashed), even in
    the middle of a runaway query."""
    parent = os.getppid()
    while os.getppid() == parent:
        time.sleep(1.0)
    os._exit(0)


def _worker(conn, graph_path: str, engine: str, memory_mb: int) -> None:
    try:  # read with the user's rights, before leaving the network (a new user namespace may not)
        data = read_graph_bytes(graph_path)
    except QueryError as err:
        conn.send(("failed", str(err)))
        return
    isolated = _no_network()  # while the process has one thread: the kernel refuses it later
    threading.Thread(target=_orphan_watch, daemon=True, name="kg-orphan-watch").start()
    sys.setrecursionlimit(200_000)
    threading.stack_size(WORKER_STACK)
    box = [data]  # handed over, so that the loaded graph's bytes can be freed
    del data
    thread = threading.Thread(target=_serve_jobs, args=(conn, graph_path, engine, memory_mb, box, isolated))
    thread.start()
    thread.join()


def _serve_jobs(conn, graph_path: str, engine: str, memory_mb: int, box: list, isolated: bool) -> None:
    data = box.pop()
    try:
        store = load_store(graph_path, data) if engine == "oxigraph" else load_graph(graph_path, data)
    except QueryError as err:
        conn.send(("failed", str(err)))
        return
    del data
    parsed_problem("ASK {}")  # builds the SPARQL grammar now, not inside the first query's timeout
    if memory_mb:
        _cap_memory(memory_mb)
    conn.send(("ready", isolated))
    while True:
        try:
            job = conn.recv()
        except (EOFError, OSError):
            return
        try:
            conn.send(("ok", _run(store, *job)))
        except QueryRefused as err:
            conn.send(("refused", str(err)))
        except QueryError as err:
            conn.send(("error", str(err)))
        except MemoryError:
            conn.send(("crashed", f"query stopped: it needed more than the {memory_mb} MB memory budget"))
            return  # a fresh worker replaces this one
        except RecursionError:
            conn.send(("error", "query nested too deeply"))


def _run(store, sparql: str, source: str, limit: Optional[int], formats: tuple[str, str]) -> Answer:
    problem = parsed_problem(sparql)
    if problem is not None:
        kind, message = problem
        raise (QueryRefused if kind == "refused" else QueryError)(f"{source}: {message}")
    result = run_query(store, sparql, limit=limit, source=source)
    fmt = formats[1] if result.kind == "graph" else formats[0]
    return Answer(result.kind, fmt, WRITERS[fmt](result), result.truncated, len(result))


# ------------------------------------------------------------------ the pool

@dataclass
class _Worker:
    process: subprocess.Popen
    conn: Connection


class QueryPool:
    """``workers`` sandboxed processes over one graph file; :meth:`run` is thread-safe."""

    def __init__(self, graph_path: Union[str, Path], *, engine: str = "oxigraph", workers: int = 2,
                 timeout: float = 10.0, memory_mb: int = 2048, limit: Optional[int] = None,
                 max_depth: int = MAX_DEPTH, max_chars: int = MAX_QUERY_CHARS, start_timeout: float = 300.0):
        self.graph_path, self.engine = str(graph_path), engine
        self.timeout, self.memory_mb, self.limit = timeout, memory_mb, limit
        self.max_depth, self.max_chars, self.start_timeout = max_depth, max_chars, start_timeout
        self.isolated = False
        self._idle: queue.Queue[_Worker] = queue.Queue()
        self._lock = threading.Lock()
        self._all: list[_Worker] = []
        self._closed = False
        try:
            for _ in range(max(1, workers)):
                self._idle.put(self._start())
        except BaseException:
            self.close()
            raise

    def _start(self) -> _Worker:
        """A new worker, once it has loaded the graph; QueryError when it cannot."""
        ours, theirs = socket.socketpair()
        env = dict(os.environ, PYTHONPATH=os.pathsep.join(filter(None, [_PACKAGE_ROOT, os.environ.get("PYTHONPATH")])))
        with theirs:  # a fresh interpreter: no lock or thread of the caller's comes along
            process = subprocess.Popen([sys.executable, "-c", "from kg.sandbox import _child; _child()",
                                        str(theirs.fileno()), self.graph_path, self.engine, str(self.memory_mb)],
                                       pass_fds=(theirs.fileno(),), stdin=subprocess.DEVNULL, env=env)
        mine = Connection(ours.detach())
        worker = _Worker(process, mine)
        with self._lock:
            self._all.append(worker)
        try:
            status, detail = (mine.recv() if mine.poll(self.start_timeout)
                              else ("failed", f"{self.graph_path}: not loaded in {self.start_timeout:g} s"))
        except (EOFError, OSError):
            status, detail = "failed", f"{self.graph_path}: the query worker stopped while loading it " \
                                       f"({_describe(_exit_code(process), self.memory_mb)})"
        if status != "ready":
            self._stop(worker)
            raise QueryError(detail)
        self.isolated = bool(detail)
        return worker

    def _stop(self, worker: _Worker) -> None:
        if worker.process.poll() is None:
            worker.process.kill()
        try:
            worker.process.wait(5)
        except subprocess.TimeoutExpired:
            pass
        worker.conn.close()
        with self._lock:
            if worker in self._all:
                self._all.remove(worker)

    def _replace(self, worker: _Worker) -> None:
        """Kill ``worker`` now; a fresh one joins the pool in the background once loaded."""
        self._stop(worker)

        def refill() -> None:
            try:
                fresh = self._start()
            except QueryError as err:
                if not self._closed:
                    print(f"kg: a query worker could not restart: {err}", file=sys.stderr)
                return
            if self._closed:
                self._stop(fresh)
            else:
                self._idle.put(fresh)

        if not self._closed:
            threading.Thread(target=refill, daemon=True, name="kg-query-refill").start()

    def run(self, sparql: str, *, formats: tuple[str, str] = ("json", "turtle"), source: str = "query",
            wait: Optional[float] = None) -> Answer:
        """The formatted answer (solutions in ``formats[0]``, graphs in ``formats[1]``).
        Raises QueryError (bad query), QueryRefused, QueryTimeout, QueryCrashed or QueryBusy."""
        check_text(sparql, self.max_chars, self.max_depth)
        try:
            worker = self._idle.get(timeout=self.timeout if wait is None else wait)
        except queue.Empty:
            raise QueryBusy(f"every query worker stayed busy for {self.timeout:g} s; try again later") from None
        try:
            worker.conn.send((sparql, source, self.limit, formats))
            if not worker.conn.poll(self.timeout):
                self._replace(worker)
                raise QueryTimeout(f"query stopped after {self.timeout:g} s (the timeout)")
            status, payload = worker.conn.recv()
        except (EOFError, OSError):
            code = _exit_code(worker.process)
            self._replace(worker)
            raise QueryCrashed(f"the query engine stopped on this query ({_describe(code, self.memory_mb)}); "
                               "it was restarted") from None
        if status == "crashed":
            self._replace(worker)
            raise QueryCrashed(payload)
        self._idle.put(worker)
        if status == "ok":
            return payload
        raise (QueryRefused if status == "refused" else QueryError)(payload)

    def close(self) -> None:
        self._closed = True
        with self._lock:
            workers = list(self._all)
        for worker in workers:
            self._stop(worker)

    def __enter__(self) -> "QueryPool":
        return self

    def __exit__(self, *exc) -> None:
        self.close()


def _exit_code(process: subprocess.Popen) -> Optional[int]:
    try:
        return process.wait(1)
    except subprocess.TimeoutExpired:
        return None


def _describe(code: Optional[int], memory_mb: int) -> str:
    if code is None:
        return "no answer"
    if code < 0 and -code in (6, 9):
        return f"signal {-code}, likely past the {memory_mb} MB memory budget"
    return f"signal {-code}" if code < 0 else f"exit {code}"


def sandboxed_query(graph_path: Union[str, Path], query: str, *, engine: str = "oxigraph",
                    params: Optional[dict] = None, fmt: str = "table", timeout: float = 300.0,
                    memory_mb: int = 2048) -> str:
    """What ``kg query`` does: resolve and bind the query, run it in one sandboxed worker,
    return the formatted answer (graph answers as Turtle)."""
    from kg.query import ENGINES, bind_params, resolve_query

    if engine not in ENGINES:
        raise QueryError(f"unknown engine {engine!r} (choose from {', '.join(ENGINES)})")
    if fmt not in WRITERS:
        raise QueryError(f"unknown format {fmt!r}")
    sparql, source = resolve_query(query)
    if params:
        sparql = bind_params(sparql, params, source)
    check_text(sparql)
    with QueryPool(graph_path, engine=engine, workers=1, timeout=timeout, memory_mb=memory_mb) as pool:
        return pool.run(sparql, formats=(fmt, "turtle"), source=source).body
