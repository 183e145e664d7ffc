"""A bounded loopback load test of `kg serve` (issue #30's targets).

    python3 bench/load_serve.py --graph output/graph.ttl [--clients 100] [--requests 2000] [--idle 1000]

Starts `kg serve GRAPH --port 0` as its own process (so the server does not share this
process's interpreter), then:

1. load: ``--requests`` GETs of the canned queries (and the query page) from ``--clients``
   concurrent keep-alive connections (asyncio, one coroutine per client); every answer that
   is not a 200 with a body, and every connection error, is an error; latency per request.
   Target: 0 errors, p99 <= 200 ms.
2. idle: ``--idle`` connections opened and left idle (half of them with half a request line
   sent), then ten normal requests one after the other, timed. Target: each <= 1 s.

Everything is bounded (a fixed number of requests, a timeout on each); it prints a table and
returns the figures as a dict (bench/hostile.py reuses :func:`measure`).
"""
from __future__ import annotations

import argparse
import asyncio
import json
import os
import re
import resource
import statistics
import subprocess
import sys
import time
from pathlib import Path
from urllib.parse import quote

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from kg.query import canned_queries  # noqa: E402


def start_server(graph: Path, *extra: str) -> tuple[subprocess.Popen, str]:
    """`kg serve` on a free loopback port; (process, base URL) once it listens."""
    proc = subprocess.Popen([sys.executable, "-m", "kg", "serve", str(graph), "--port", "0", *extra],
                            cwd=ROOT, stderr=subprocess.PIPE, stdout=subprocess.DEVNULL, text=True)
    line = proc.stderr.readline()
    found = re.search(r"(http://[\d.]+:\d+)/sparql", line)
    if not found:
        proc.kill()
        raise RuntimeError(f"kg serve did not start: {line}{proc.stderr.read()}")
    return proc, found.group(1)


def request_paths() -> list[str]:
    canned = canned_queries()
    paths = [f"/sparql?query={quote(q.sparql)}" for q in canned.values()]
    return paths + ["/"]


async def _get(reader, writer, host: str, path: str, timeout: float) -> int:
    writer.write(f"GET {path} HTTP/1.1\r\nHost: {host}\r\nAccept: application/sparql-results+json\r\n\r\n".encode())
    await writer.drain()
    head = await asyncio.wait_for(reader.readuntil(b"\r\n\r\n"), timeout)
    status = int(head.split(b" ", 2)[1])
    length = int(re.search(rb"(?i)content-length:\s*(\d+)", head).group(1))
    body = await asyncio.wait_for(reader.readexactly(length), timeout)
    return status if body else 0


async def _client(base: str, paths: list[str], count: int, start: int, latencies: list, errors: list,
                  timeout: float) -> None:
    host, port = base[len("http://"):].split(":")
    reader = writer = None
    for i in range(count):
        path = paths[(start + i) % len(paths)]
        began = time.perf_counter()
        try:
            if writer is None:
                reader, writer = await asyncio.wait_for(asyncio.open_connection(host, int(port)), timeout)
            status = await _get(reader, writer, f"{host}:{port}", path, timeout)
            if status != 200:
                errors.append(f"HTTP {status}")
        except (OSError, asyncio.TimeoutError, asyncio.IncompleteReadError, AttributeError, ValueError) as err:
            errors.append(type(err).__name__)
            if writer is not None:
                writer.close()
            reader = writer = None
            continue
        latencies.append(time.perf_counter() - began)
    if writer is not None:
        writer.close()


async def load(base: str, clients: int, requests: int, timeout: float = 10.0) -> dict:
    paths = request_paths()
    latencies: list[float] = []
    errors: list[str] = []
    per = requests // clients
    began = time.perf_counter()
    await asyncio.gather(*(_client(base, paths, per, c, latencies, errors, timeout) for c in range(clients)))
    wall = time.perf_counter() - began
    ordered = sorted(latencies)

    def pct(p: float) -> float:
        return ordered[min(len(ordered) - 1, int(p * len(ordered)))] * 1000 if ordered else float("nan")

    return {"clients": clients, "requests": per * clients, "errors": len(errors),
            "error_kinds": sorted(set(errors)), "p50_ms": pct(0.50), "p95_ms": pct(0.95), "p99_ms": pct(0.99),
            "max_ms": ordered[-1] * 1000 if ordered else float("nan"), "requests_per_s": len(latencies) / wall}


async def idle(base: str, connections: int, probes: int = 10, timeout: float = 10.0) -> dict:
    host, port = base[len("http://"):].split(":")
    held = []
    opened_errors = 0
    for i in range(connections):
        try:
            reader, writer = await asyncio.wait_for(asyncio.open_connection(host, int(port)), timeout)
        except (OSError, asyncio.TimeoutError):
            opened_errors += 1
            continue
        if i % 2:
            writer.write(b"GET /sparql?query=ASK%7B%7D HTT")  # half a request line, then nothing
        held.append(writer)
    await asyncio.sleep(0.5)
    times, errors = [], 0
    path = request_paths()[0]
    for _ in range(probes):
        began = time.perf_counter()
        try:
            reader, writer = await asyncio.wait_for(asyncio.open_connection(host, int(port)), timeout)
            status = await _get(reader, writer, f"{host}:{port}", path, timeout)
            writer.close()
            errors += status != 200
        except (OSError, asyncio.TimeoutError, asyncio.IncompleteReadError, AttributeError, ValueError):
            errors += 1
        times.append(time.perf_counter() - began)
    for writer in held:
        writer.close()
    return {"idle_connections": len(held), "idle_open_errors": opened_errors, "probe_errors": errors,
            "probe_max_ms": max(times) * 1000, "probe_p50_ms": statistics.median(times) * 1000}


def measure(graph: Path, clients: int = 100, requests: int = 2000, idle_connections: int = 1000) -> dict:
    """Both measurements against one fresh `kg serve` process."""
    soft, hard = resource.getrlimit(resource.RLIMIT_NOFILE)
    resource.setrlimit(resource.RLIMIT_NOFILE, (min(hard, max(soft, idle_connections + 512)), hard))
    proc, base = start_server(graph)
    try:
        asyncio.run(load(base, min(clients, 10), 100))  # warm-up: every worker has parsed each query once
        figures = asyncio.run(load(base, clients, requests))
        figures.update(asyncio.run(idle(base, idle_connections)))
        figures["server_alive"] = proc.poll() is None
    finally:
        proc.terminate()
        proc.wait(10)
    return figures


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--graph", type=Path, default=ROOT / "output" / "graph.ttl")
    parser.add_argument("--clients", type=int, default=100)
    parser.add_argument("--requests", type=int, default=2000)
    parser.add_argument("--idle", type=int, default=1000)
    args = parser.parse_args()
    figures = measure(args.graph, args.clients, args.requests, args.idle)
    print(json.dumps(figures, indent=1))
    print(f"\n{figures['requests']} requests from {figures['clients']} clients: {figures['errors']} errors, "
          f"p50 {figures['p50_ms']:.1f} ms, p99 {figures['p99_ms']:.1f} ms ({figures['requests_per_s']:.0f}/s); "
          f"{figures['idle_connections']} idle connections: normal request max {figures['probe_max_ms']:.0f} ms "
          f"(cores: {os.cpu_count()})")


if __name__ == "__main__":
    main()
