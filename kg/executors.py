"""Where the Stanza stage runs: in this process, in worker processes, or on a Dask cluster.

An executor maps a picklable function over texts and yields the results in input order.
Only the Stanza stage goes through it (kg.nlp.Annotator.annotate_all); the cache, and every
stage after Stanza, stay in the calling process, so a build's output does not depend on
where the tagging ran.

- ``local`` (default): in this process, one pipeline.
- ``local`` with ``workers=N``: N spawned processes, each loading the pipeline once
  (kg.nlp.StanzaTagger keeps it per process) with PyTorch threads = cores / N.
- ``dask``: the workers of a dask.distributed cluster (``scheduler`` is its address, or a
  ``distributed.Client``); each worker loads the pipeline once, on its first task.
"""
from __future__ import annotations

import os
from typing import Any, Callable, Iterable, Iterator, Optional

EXECUTORS = ("local", "dask")
DASK_EXTRA = 'pip install "kg[dask]"'


class ExecutorError(RuntimeError):
    """The requested executor cannot run here; the message says what to do."""


class InProcess:
    """Tag in this process (the annotator's own pipeline)."""

    in_process = True
    description = "in process"

    def map(self, fn: Callable, items: Iterable) -> Iterator:
        return map(fn, items)

    def close(self) -> None:
        pass


def _set_worker_threads(threads: int) -> None:
    import torch

    torch.set_num_threads(threads)


class Processes:
    """``workers`` spawned processes, each with ``threads`` PyTorch threads; started on the
    first map (so a build whose articles all hit the cache starts none)."""

    in_process = False

    def __init__(self, workers: int, threads: Optional[int] = None):
        self.workers = workers
        self.threads = threads or max(1, (os.cpu_count() or 1) // workers)
        self.description = f"{workers} worker processes x {self.threads} threads"
        self._pool = None

    def map(self, fn: Callable, items: Iterable) -> Iterator:
        if self._pool is None:
            import multiprocessing
            from concurrent.futures import ProcessPoolExecutor

            # spawn, not fork: forking a process that has started PyTorch's thread pools can hang
            self._pool = ProcessPoolExecutor(self.workers, mp_context=multiprocessing.get_context("spawn"),
                                             initializer=_set_worker_threads, initargs=(self.threads,))
        return self._pool.map(fn, items)

    def close(self) -> None:
        if self._pool is not None:
            self._pool.shutdown(cancel_futures=True)
            self._pool = None


class Dask:
    """The workers of a dask.distributed cluster. ``scheduler`` is the scheduler's address
    (tcp://host:8786) or an existing ``distributed.Client``, which is then left open."""

    in_process = False

    def __init__(self, scheduler: Any):
        try:
            from distributed import Client
        except ImportError as err:
            raise ExecutorError(f"--executor dask needs dask.distributed: {DASK_EXTRA}") from err
        if scheduler is None:
            raise ExecutorError("--executor dask needs --scheduler ADDRESS (e.g. tcp://10.0.0.5:8786)")
        if isinstance(scheduler, Client):
            self.client, self._owned = scheduler, False
        else:
            try:
                self.client, self._owned = Client(scheduler, timeout="30s"), True
            except (OSError, TimeoutError) as err:
                raise ExecutorError(f"cannot reach the Dask scheduler at {scheduler}: {err}") from err
        self.description = f"dask at {self.client.scheduler.address}"
        self._futures: list = []

    def map(self, fn: Callable, items: Iterable) -> Iterator:
        futures = self.client.map(fn, list(items), pure=False)
        self._futures += futures
        # in input order, each as soon as it and those before it are done
        return (future.result() for future in futures)

    def close(self) -> None:
        if self._futures:  # nothing left running on the cluster for an abandoned build
            self.client.cancel(self._futures)
            self._futures = []
        if self._owned:
            self.client.close()


def make_executor(kind: str = "local", workers: int = 1, scheduler: Any = None,
                  threads: Optional[int] = None):
    """The executor for ``kg build --executor KIND [--workers N] [--scheduler ADDRESS]``."""
    if kind not in EXECUTORS:
        raise ExecutorError(f"unknown executor {kind!r} (expected one of {', '.join(EXECUTORS)})")
    if kind == "dask":
        return Dask(scheduler)
    if workers < 1:
        raise ExecutorError(f"--workers must be at least 1, not {workers}")
    return InProcess() if workers == 1 else Processes(workers, threads)
