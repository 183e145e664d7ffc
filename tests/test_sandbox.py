"""The query sandbox (kg.sandbox): checks before parsing, workers killed at the deadline,
memory capped, no network; one bad query costs only itself. Model-free."""
import os
import select
import signal
import socket
import threading

import pytest

from kg.cli import main
from kg.query import QueryError, check_text
from kg.sandbox import QueryCrashed, QueryPool, QueryRefused, QueryTimeout, parsed_problem
from test_query import SAMPLE

CROSS = "SELECT (COUNT(*) AS ?n) WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i . ?j ?k ?l . ?m ?n2 ?o }"
LEADERS = "SELECT ?n WHERE { ?p kg:leaderOf ?s . ?s rdfs:label ?n } ORDER BY ?n"


@pytest.fixture
def graph(tmp_path):
    path = tmp_path / "graph.ttl"
    path.write_text(SAMPLE, encoding="utf-8")
    return path


def test_check_text():
    check_text("SELECT * WHERE { " + "{ " * 20 + "?s ?p ?o" + " }" * 20 + " }")
    with pytest.raises(QueryError, match="nested"):
        check_text("ASK { FILTER(" + "(" * 5000 + "1" + ")" * 5000 + ") }")
    with pytest.raises(QueryError, match="characters"):
        check_text("#" * 200_000)


def test_parsed_problem():
    assert parsed_problem(LEADERS) is None
    assert parsed_problem("SELECT * WHERE { FILTER(1<2)SERVICE#>\n<http://127.0.0.1:9/> { ?s ?p ?o } }")[0] == "refused"
    assert parsed_problem("INSERT DATA { <a:b> <a:c> <a:d> }")[0] == "refused"
    assert parsed_problem("DROP ALL")[0] == "refused"
    assert parsed_problem('SELECT ?service { ?service ?p "SERVICE <x> {}" }') is None
    assert parsed_problem("SELECT ?x WHERE { ?x ?y }")[0] == "syntax"


def test_timeout_kills_the_worker_and_a_fresh_one_answers(graph):
    with QueryPool(graph, workers=1, timeout=0.5) as pool:
        pid = pool._all[0].process.pid
        with pytest.raises(QueryTimeout):
            pool.run(CROSS)
        with pytest.raises(ProcessLookupError):
            os.kill(pid, 0)  # its CPU and memory are released
        pool.timeout = 60
        assert "Russia" in pool.run(LEADERS, formats=("csv", "turtle")).body


def test_memory_cap_stops_a_query_and_costs_only_it(graph):
    with QueryPool(graph, workers=1, timeout=60, memory_mb=64) as pool:
        with pytest.raises((QueryCrashed, QueryError)):
            pool.run("SELECT ?a ?d ?g ?j WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i . ?j ?k ?l } "
                     "ORDER BY ?a ?b ?c ?d ?e ?f ?g ?h ?i ?j ?k ?l")
        assert "Russia" in pool.run(LEADERS, formats=("csv", "turtle")).body


def test_a_crashed_worker_costs_its_request_only(graph):
    with QueryPool(graph, workers=1, timeout=60) as pool:
        pid = pool._all[0].process.pid
        threading.Timer(0.5, os.kill, (pid, signal.SIGSEGV)).start()
        with pytest.raises(QueryCrashed, match="signal 11"):
            pool.run(CROSS)
        assert "Russia" in pool.run(LEADERS, formats=("csv", "turtle")).body


def test_refusals_and_no_network(graph):
    with socket.socket() as sock, QueryPool(graph, workers=1) as pool:
        sock.bind(("127.0.0.1", 0))
        sock.listen(4)
        url = f"http://127.0.0.1:{sock.getsockname()[1]}/sparql"
        with pytest.raises(QueryRefused, match="SERVICE"):
            pool.run(f"SELECT * WHERE {{ FILTER(1<2)SERVICE#>\n<{url}> {{ ?s ?p ?o }} }}")
        with pytest.raises(QueryRefused, match="read-only"):
            pool.run("DELETE WHERE { ?s ?p ?o }")
        assert not select.select([sock], [], [], 0.5)[0]


def test_cli_query_deep_nesting_and_service(graph, capsys):
    deep = "SELECT * WHERE { FILTER(" + "(" * 5000 + "1" + ")" * 5000 + ") }"
    assert main(["query", str(graph), deep]) == 2
    err = capsys.readouterr().err
    assert "nested" in err and len(err.strip().splitlines()) == 1
    assert main(["query", str(graph), "SELECT * { SERVICE <http://127.0.0.1:9/> { ?s ?p ?o } }"]) == 2
    assert "SERVICE" in capsys.readouterr().err
    assert main(["query", str(graph), CROSS, "--timeout", "0.5"]) == 2
    assert "stopped after 0.5 s" in capsys.readouterr().err


def test_a_worker_does_not_outlive_its_server(graph):
    """A runaway query's worker ends with the process that started it (killed or crashed)."""
    import subprocess
    import sys
    import time

    code = (f"import sys; from kg.sandbox import QueryPool\n"
            f"pool = QueryPool({str(graph)!r}, workers=1, timeout=600)\n"
            f"print(pool._all[0].process.pid, flush=True)\n"
            f"pool.run({CROSS!r})\n")
    parent = subprocess.Popen([sys.executable, "-c", code], stdout=subprocess.PIPE, text=True)
    worker = int(parent.stdout.readline())
    parent.kill()
    parent.wait()
    for _ in range(100):  # the worker checks for its parent every second
        try:
            os.kill(worker, 0)
        except ProcessLookupError:
            return
        time.sleep(0.1)
    os.kill(worker, signal.SIGKILL)
    pytest.fail("the worker outlived its parent")


def test_a_worker_has_no_network_where_the_kernel_allows(graph):
    """The last guard should a SERVICE ever pass the parser: the worker cannot connect anywhere."""
    import subprocess
    import sys

    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        sock.listen(4)
        code = ("import socket, sys\nfrom kg.sandbox import _no_network\n"
                "if not _no_network(): print('unsupported'); sys.exit()\n"
                f"try:\n    socket.create_connection(('127.0.0.1', {sock.getsockname()[1]}), timeout=2); print('connected')\n"
                "except OSError as err: print('refused', err)\n")
        answer = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=60).stdout
        if answer.startswith("unsupported"):
            pytest.skip("this kernel does not let an unprivileged process leave the network")
        assert answer.startswith("refused") and not select.select([sock], [], [], 0.5)[0]
    with QueryPool(graph, workers=1) as pool:
        assert pool.isolated
