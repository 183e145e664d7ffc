"""Hostile and unlucky inputs and requests against kg, as an attacker or an unlucky user
would try them on loopback (issue #30). Prints a table and writes bench/results/hostile.md/.json.

    python3 bench/hostile.py [--out bench/out/hostile] [--skip-load]

Build: one `kg build` (the shipped models, a real subprocess) over a folder and direct inputs
holding every bad input kind beside the five seeds and a dozen good JSONL/UTF-16 articles;
a second build after damaging an NLP cache entry and planting stale staging folders; then
the fatal output-folder cases, each of which must exit 2 with one line before any model
loads. A case passes when the bad input is named in the report (skipped, or noted when it
is used anyway) and every good article is in the build's manifest; a crash is a signal,
a traceback or a timeout. Cost: the text preparation of a 500 KB and a 5 MB article.

Server: `kg serve` over the seeds graph, then the requests that used to crash it, run it
away, smuggle a SERVICE past it or starve it; after each, the server must still answer.
A listening socket checks that no SERVICE ever connects. Load figures: bench/load_serve.py.
"""
from __future__ import annotations

import argparse
import asyncio
import json
import os
import select
import shutil
import socket
import subprocess
import sys
import time
from pathlib import Path
from urllib.parse import quote

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))

from load_serve import idle, load, start_server  # noqa: E402

SEEDS = sorted((ROOT / "seeds").glob("*.txt"))
SHORT = ["Il presidente russo ha incontrato il primo ministro indiano a Mosca per parlare di energia.",
         "Il ministro degli Esteri italiano ha visitato Berlino e ha incontrato il cancelliere tedesco.",
         "La Francia e la Germania hanno firmato un accordo sulla difesa comune a Parigi.",
         "Il governo spagnolo ha criticato la decisione della Commissione europea sui migranti.",
         "Il presidente ucraino ha ringraziato il Regno Unito per gli aiuti militari inviati a Kiev.",
         "La Cina ha inviato una delegazione a Washington per discutere dei dazi commerciali.",
         "Il primo ministro giapponese ha telefonato al presidente sudcoreano dopo il vertice.",
         "La Turchia ha sostenuto la proposta della NATO durante la riunione di Bruxelles.",
         "Il segretario di Stato americano ha visitato Israele e ha incontrato il premier a Gerusalemme.",
         "Il presidente brasiliano ha elogiato l'accordo firmato dal Mercosur e dall'Unione europea.",
         "La Polonia ha chiesto alla Germania di inviare carri armati in Ucraina.",
         "Il cancelliere austriaco ha incontrato il presidente del Consiglio italiano a Vienna.",
         "Il re di Spagna ha ricevuto il presidente argentino a Madrid per una visita ufficiale.",
         "Il leader nordcoreano ha inviato una lettera al presidente russo per il suo compleanno."]


def prepare(work: Path) -> tuple[list[str], list[tuple[str, str, str]], list[str]]:
    """Write the inputs. Returns (kg build arguments, cases as (kind, token, expect), good tokens):
    expect is 'skip' (named in report.skipped), 'note' (used, named in report.notes) or 'use'."""
    folder = work / "in"
    folder.mkdir(parents=True)
    cases: list[tuple[str, str, str]] = []
    good: list[str] = []
    for seed in SEEDS:
        shutil.copy(seed, folder / seed.name)
        good.append(seed.name)

    def bad(kind: str, name: str, data, expect: str = "skip") -> None:
        (folder / name).write_bytes(data if isinstance(data, bytes) else data.encode("utf-8"))
        cases.append((kind, name, expect))

    bad("empty file", "k01-empty.txt", b"")
    bad("blank file", "k02-blank.txt", " \n\t\n ")
    bad("binary file (NUL bytes)", "k03-binary.txt", b"\x89PNG\x00\x00" * 50)
    bad("Latin-1 text", "k04-latin1.txt", "Il presidente è arrivato a Roma ieri sera.".encode("latin-1"))
    bad("English text", "k05-english.txt", "The president said on Monday that the talks had been productive "
                                           "and that more meetings would follow next week in Geneva.")
    bad("UTF-16 text with BOM (used)", "k06-utf16.txt", SHORT[0].encode("utf-16"), "use")
    (folder / "k07-loop-a.txt").symlink_to(folder / "k07-loop-b.txt")
    (folder / "k07-loop-b.txt").symlink_to(folder / "k07-loop-a.txt")
    cases.append(("file symlink loop (a <-> b)", "k07-loop-a.txt", "skip"))
    (folder / "k08-dangling.txt").symlink_to(folder / "nowhere.txt")
    cases.append(("dangling symlink", "k08-dangling.txt", "skip"))
    os.mkfifo(folder / "k09-fifo.txt")
    cases.append(("FIFO in a folder", "k09-fifo.txt", "skip"))
    os.mkfifo(work / "k10-fifo-direct.txt")
    cases.append(("FIFO given directly", "k10-fifo-direct.txt", "skip"))
    cases.append(("character device given directly (/dev/zero)", "zero", "skip"))
    bad("PDF in a folder", "k12-paper.pdf", b"%PDF-1.4 ...")
    bad("newline in a file name", "k13-evil\nskipped fake.txt", "", "skip")
    bad("2 MB article (over --max-article-bytes)", "k14-huge.txt", (SHORT[1] + " ") * 22_000)
    bad("header lines only, no body", "k15-header.md", "# Titolo\n\nMario Rossi\n\n3 marzo 2024\n")
    cases.append(("missing path", "k16-missing.txt", "skip"))
    (folder / "sub").mkdir()
    (folder / "sub" / "self").symlink_to(folder / "sub")
    bad("folder symlink loop (walked once)", "sub/k17-inside.txt", SHORT[2], "use")
    shutil.copy(SEEDS[0], folder / "k18-duplicate.txt")
    cases.append(("duplicate text of another article", "k18-duplicate.txt", "note"))
    bad("control and zero-width characters in the text", "k19-controls.txt",
        SHORT[3].replace(" ", "\u200b ", 3) + "\x0b\x0c", "use")
    lines, n = [], 0

    def record(kind: str, line, expect: str) -> None:
        nonlocal n
        n += 1
        lines.append(line if isinstance(line, bytes) else line.encode("utf-8"))
        cases.append((kind, f"k20-feed.jsonl:{n}", expect))

    record("JSONL invalid JSON", "{broken", "skip")
    record("JSONL not an object", "[1, 2]", "skip")
    record("JSONL missing text", '{"title": "x"}', "skip")
    record("JSONL text not a string", '{"text": 5}', "skip")
    record("JSONL title not a string", json.dumps({"text": SHORT[4], "title": 7}), "skip")
    record("JSONL nested 100,000 deep", "[" * 100_000 + "]" * 100_000, "skip")
    record("JSONL invalid UTF-8 bytes", b'{"text": "\xff\xfe"}', "skip")
    for i, char in enumerate('|"<>{}^`'):
        record(f"JSONL url holding {char}", json.dumps({"text": SHORT[5 + i], "url": f"https://e.example/a{char}b"}),
               "use")
    record("JSONL id with IRI-breaking characters",
           json.dumps({"text": SHORT[13], "id": '<a b>|"{x}'}), "use")
    record("JSONL date 2024-13-45", json.dumps({"text": SHORT[4] + " Oggi.", "date": "2024-13-45"}), "note")
    (folder / "k20-feed.jsonl").write_bytes(b"\n".join(lines) + b"\n")
    good += [name for kind, name, expect in cases if expect == "use" or kind.startswith("JSONL date")]
    args = [str(folder), str(work / "k10-fifo-direct.txt"), "/dev/zero", str(work / "k16-missing.txt")]
    return args, cases, good


def run_build(args: list[str], out: Path, *extra: str, timeout: float = 900) -> dict:
    began = time.perf_counter()
    try:
        proc = subprocess.run([sys.executable, "-m", "kg", "build", *args, "-o", str(out), "-q", "--threads", "1",
                               *extra], cwd=ROOT, capture_output=True, text=True, timeout=timeout)
    except subprocess.TimeoutExpired:
        return {"code": None, "stderr": "timeout", "seconds": timeout, "crash": True}
    crash = proc.returncode not in (0, 1, 2) or "Traceback" in proc.stderr
    return {"code": proc.returncode, "stderr": proc.stderr, "seconds": time.perf_counter() - began, "crash": crash}


def judge(out: Path, cases, good) -> tuple[list[dict], int]:
    report = json.loads((out / "report.json").read_text(encoding="utf-8"))
    skipped = [s["source"] for s in report["skipped"]]
    notes = report.get("notes", [])
    used = [json.loads(line)["article"]["source"] for line in
            (out / ".kg" / "articles.jsonl").read_text(encoding="utf-8").splitlines()]

    def named(token: str, where: list[str]) -> bool:
        token = token.replace("\n", "\\n")
        return any(item.endswith(token) or f"{token}:" in item for item in where)

    rows = []
    for kind, token, expect in cases:
        if expect == "skip":
            ok = named(token, skipped)
        elif expect == "note":
            ok = named(token, notes)
        else:
            ok = named(token, used)
        rows.append({"case": kind, "expect": expect, "ok": ok})
    lost = sum(not named(token, used) for token in good)
    return rows, lost


def fatal_cases(work: Path, args: list[str]) -> list[dict]:
    """Output-folder problems: exit 2, one line naming the folder, before any model loads."""
    from kg.outputs import OutputLock

    rows = []
    (work / "a-file").write_text("x")
    locked = work / "locked"
    locked.mkdir()
    for kind, out in (("output path is a file", work / "a-file"), ("output under a file", work / "a-file" / "o"),
                      ("output folder locked by another build", locked)):
        if "locked" in kind:
            with OutputLock(locked):
                result = run_build([str(SEEDS[0])], out)
        else:
            result = run_build([str(SEEDS[0])], out)
        lines = result["stderr"].strip().splitlines()
        ok = result["code"] == 2 and len(lines) == 1 and str(out) in lines[0] and result["seconds"] < 60
        rows.append({"case": kind, "expect": "exit 2, one line", "ok": ok, "crash": result["crash"],
                     "seconds": round(result["seconds"], 2), "message": lines[-1] if lines else ""})
    return rows


def text_prep_cost() -> dict:
    """Seconds of kg's own text preparation (ingest, tagging text, paragraphs) per size."""
    from kg.ingest import clean_text, language_problem, split_header
    from kg.nlp import paragraph_spans, text_for_tagging

    para = ("Roma, 3 marzo 2024 – " + SHORT[0] + " ") * 5 + "\n\n"
    out = {}
    for size in (500_000, 5_000_000):
        text = (para * (size // len(para) + 1))[:size]
        began = time.perf_counter()
        header = split_header(clean_text(text))
        language_problem(header.body)
        text_for_tagging(header.body)
        paragraph_spans(header.body)
        out[size] = time.perf_counter() - began
    out["ratio"] = out[5_000_000] / out[500_000]
    return out


def stub_build_cost(work: Path) -> dict:
    """Seconds per stage of a whole build of one 50 KB and one 500 KB article with a model-free
    tagger (tests/stub_tagger.py): how the stages after Stanza grow with an article's size."""
    sys.path.insert(0, str(ROOT / "tests"))
    from stub_tagger import StubAnnotator

    from kg.build import build

    para = ("Roma, 3 marzo 2024 – " + SHORT[0] + " " + SHORT[1] + " ") * 3 + "\n\n"
    out = {}
    for size in (50_000, 500_000):
        folder = work / f"big-{size}"
        folder.mkdir()
        (folder / "a.txt").write_text((para * (size // len(para) + 1))[:size], encoding="utf-8")
        result = build([folder / "a.txt"], output=work / f"big-out-{size}", annotator=StubAnnotator(None),
                       log=lambda _m: None, max_article_bytes=10 ** 8, cache=False)
        out[size] = {k: round(v, 2) for k, v in result.timings.items() if k != "model_load"}
    return out


# ------------------------------------------------------------------ server

def _status(base: str, raw: bytes, timeout: float = 30) -> int:
    host, port = base[len("http://"):].split(":")
    with socket.create_connection((host, int(port)), timeout=timeout) as sock:
        try:
            sock.sendall(raw)
        except OSError:
            pass
        try:
            answer = sock.recv(200)
        except OSError:
            return 0
    try:
        return int(answer.split(b" ", 2)[1])
    except (IndexError, ValueError):
        return 0


def _get(query: str, host: str = "127.0.0.1") -> bytes:
    return f"GET /sparql?query={quote(query)} HTTP/1.1\r\nHost: {host}\r\nConnection: close\r\n\r\n".encode()


def _tree(pid: int) -> list[int]:
    kids = []
    for entry in os.listdir("/proc"):
        if entry.isdigit():
            try:
                fields = Path(f"/proc/{entry}/stat").read_text().rsplit(")", 1)[1].split()
            except OSError:
                continue
            if int(fields[1]) == pid:
                kids.append(int(entry))
    return [pid] + kids


def _rss_mb(pid: int) -> float:
    total = 0
    for p in _tree(pid):
        try:
            for line in Path(f"/proc/{p}/status").read_text().splitlines():
                if line.startswith("VmRSS:"):
                    total += int(line.split()[1])
        except OSError:
            pass
    return total / 1024


def _cpu_s(pid: int) -> float:
    total = 0
    for p in _tree(pid):
        try:
            fields = Path(f"/proc/{p}/stat").read_text().rsplit(")", 1)[1].split()
            total += (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")
        except OSError:
            pass
    return total


def server_cases(graph: Path) -> tuple[list[dict], dict]:
    proc, base = start_server(graph, "--timeout", "3", "--memory", "512")
    listener = socket.socket()
    listener.bind(("127.0.0.1", 0))
    listener.listen(16)
    hole = f"http://127.0.0.1:{listener.getsockname()[1]}/sparql"
    nested = "SELECT * WHERE { FILTER(" + "(" * 5000 + "1" + ")" * 5000 + ") }"
    cross = "SELECT (COUNT(*) AS ?n) WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i . ?j ?k ?l . ?m ?n2 ?o }"
    sort = ("SELECT * WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i } ORDER BY ?a ?b ?c ?d ?e ?f ?g ?h ?i")
    big = b"query=" + b"x" * (40 << 20)
    chunk = b"x" * 65536
    chunked = b"".join(b"%x\r\n%s\r\n" % (len(chunk), chunk) for _ in range(32)) + b"0\r\n\r\n"
    post = "POST /sparql HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: {}\r\n{}\r\n\r\n"
    cases = [
        ("5,000 nested parentheses, 10 KB POST", (400,),
         post.format("application/sparql-query", f"Content-Length: {len(nested)}").encode() + nested.encode()),
        ("5,000 nested parentheses, 30 KB GET", (400, 431), _get("ASK { FILTER(" + "(" * 5000 + "1" + ")" * 5000 + ") }")),
        ("cross-product COUNT (runaway CPU)", (503,), _get(cross)),
        ("ORDER BY over three copies (runaway memory)", (500, 503), _get(sort)),
        ("SERVICE to a listening socket", (403,), _get(f"SELECT * {{ SERVICE <{hole}> {{ ?s ?p ?o }} }}")),
        ("SERVICE smuggled: FILTER(1<2)SERVICE#>", (403,),
         _get(f"SELECT * WHERE {{ FILTER(1<2)SERVICE#>\n<{hole}> {{ ?s ?p ?o }} }}")),
        ("SERVICE written \\u0053ERVICE", (400, 403), _get(f"SELECT * {{ \\u0053ERVICE <{hole}> {{ ?s ?p ?o }} }}")),
        ("SPARQL Update as a query", (403,), _get("INSERT DATA { <a:b> <a:c> <a:d> }")),
        ("Content-Length: -1 with a 40 MB body", (400,),
         post.format("application/x-www-form-urlencoded", "Content-Length: -1").encode() + big),
        ("2 MB chunked body", (413,),
         post.format("application/sparql-query", "Transfer-Encoding: chunked").encode() + chunked),
        ("Host: attacker.example (DNS rebinding)", (403,), _get("ASK {}", host="attacker.example")),
    ]
    rows = []
    baseline_rss = _rss_mb(proc.pid)
    for kind, expected, raw in cases:
        began = time.perf_counter()
        status = _status(base, raw)
        seconds = time.perf_counter() - began
        time.sleep(2.0)  # a killed worker's replacement loads the graph meanwhile
        cpu_before = _cpu_s(proc.pid)
        time.sleep(1.0)
        busy = _cpu_s(proc.pid) - cpu_before   # CPU the server still burns after answering
        alive = proc.poll() is None and _status(base, _get("ASK { ?s ?p ?o }")) == 200
        rows.append({"case": kind, "expect": "/".join(map(str, expected)), "got": status,
                     "ok": status in expected and alive and busy < 0.5, "seconds": round(seconds, 2),
                     "cpu_after_s": round(busy, 2), "rss_mb": round(_rss_mb(proc.pid)), "crash": not alive})
    connected = bool(select.select([listener], [], [], 0.5)[0])
    rows.append({"case": "no SERVICE ever connected to the listening socket", "expect": "0 connections",
                 "got": "1+" if connected else 0, "ok": not connected, "crash": False})
    figures = {"baseline_rss_mb": round(baseline_rss), "final_rss_mb": round(_rss_mb(proc.pid))}
    listener.close()
    proc.terminate()
    proc.wait(10)
    return rows, figures


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--out", type=Path, default=ROOT / "bench" / "out" / "hostile")
    parser.add_argument("--skip-load", action="store_true")
    parser.add_argument("--load-graph", type=Path, default=None,
                        help="graph for the load test (default: the hostile build's, the seeds and 14 more)")
    args = parser.parse_args()
    shutil.rmtree(args.out, ignore_errors=True)
    work = args.out
    inputs, cases, good = prepare(work)
    out = work / "out"
    first = run_build(inputs, out)
    build_rows, lost = judge(out, cases, good)
    # the second build: a damaged cache entry and stale staging folders from a killed build
    entry = next((out / ".cache" / "nlp").rglob("*.json"))
    entry.write_text('{"sentences": [{"index": "0", "words": 5}]}', encoding="utf-8")
    (out / ".staging-killed").mkdir()
    (out / ".kg-builds" / "build-killed").mkdir()
    second = run_build(inputs, out)
    rows2, lost2 = judge(out, cases, good)
    stale = list(out.glob(".staging-*")) + [p for p in (out / ".kg-builds").iterdir()
                                            if os.path.realpath(p) != os.path.realpath(out / ".kg-current")]
    extra = [{"case": "damaged NLP cache entry (second build)", "expect": "cache miss", "ok": lost2 == 0
              and not second["crash"] and all(r["ok"] for r in rows2)},
             {"case": "stale staging folders of a killed build", "expect": "removed", "ok": not stale}]
    fatal = fatal_cases(work, inputs)
    cost = text_prep_cost()
    stub = stub_build_cost(work)
    server, server_figures = server_cases(out / "graph.ttl")
    load_figures = {}
    if not args.skip_load:
        from load_serve import measure
        load_figures = measure(args.load_graph or out / "graph.ttl")
    rows = build_rows + extra + fatal
    summary = {
        "input_kinds": len(rows), "input_cases_ok": sum(r["ok"] for r in rows),
        "named_errors": sum(r["ok"] for r in build_rows if r["expect"] in ("skip", "note")) + sum(r["ok"] for r in fatal),
        "crashes": sum(bool(r.get("crash")) for r in fatal + server) + first["crash"] + second["crash"],
        "good_articles": len(good), "good_articles_lost": lost + lost2,
        "build_exit_codes": [first["code"], second["code"]], "build_seconds": [round(first["seconds"], 1),
                                                                               round(second["seconds"], 1)],
        "server_cases": len(server), "server_cases_ok": sum(r["ok"] for r in server),
        "text_prep_s_500KB": round(cost[500_000], 3), "text_prep_s_5MB": round(cost[5_000_000], 3),
        "text_prep_ratio": round(cost["ratio"], 1),
        **{f"stub_build_{size // 1000}KB_{stage}_s": t for size, stages in stub.items() for stage, t in stages.items()
           if stage in ("ingest", "stanza", "mentions", "linking", "relations", "export", "total")}, **server_figures, **{f"load_{k}": v for k, v in load_figures.items()},
    }
    write_results(rows, server, summary)


def _cell(text: str) -> str:
    return text.replace("|", "\\|").replace("`", "\\`")


def write_results(rows: list[dict], server: list[dict], summary: dict) -> None:
    results = ROOT / "bench" / "results"
    (results / "hostile.json").write_text(json.dumps({"summary": summary, "inputs": rows, "server": server},
                                                     indent=1, ensure_ascii=False) + "\n", encoding="utf-8")
    lines = ["# Hostile inputs and requests (bench/hostile.py)", "",
             f"Machine: {os.cpu_count()} cores, shared with other work; Python {sys.version.split()[0]}. "
             "`python3 bench/hostile.py --load-graph SEEDS_BUILD/graph.ttl`.", "",
             "input_kinds: the bad-input and output-folder cases tried (each row below); named_errors: bad "
             "inputs named in the report (skipped or noted) plus fatal output errors that exit 2 with one line "
             "naming the folder; crashes: builds or requests ending in a signal, a traceback, a timeout or a "
             "server that stopped answering; good_articles_lost: good articles missing from either build's "
             "manifest. text_prep: kg's own text preparation (header, language check, tagging text, "
             "paragraphs) of one article of 500 KB and of 5 MB. stub_build_*: a whole build of one 50 KB and one "
             "500 KB article with the model-free stub tagger, per stage (the mention stage, kg/mentions, still "
             "grows with the square of the size: it looks mentions up by a scan of all of them). load_*: bench/load_serve.py against the seeds "
             "graph (2,000 canned-query GETs from 100 keep-alive clients; then 1,000 idle connections, half "
             "of them holding half a request line, and ten normal requests timed).", "",
             "| figure | value |", "|---|---|"]
    lines += [f"| {k} | {v:.1f} |" if isinstance(v, float) else f"| {k} | {v} |" for k, v in summary.items()]
    lines += ["", "## Inputs", "", "| case | expected | passed |", "|---|---|---|"]
    lines += [f"| {_cell(r['case'])} | {r['expect']} | {'yes' if r['ok'] else 'NO'} |" for r in rows]
    lines += ["", "## Server", "", "| request | expected | got | still answering, CPU released | CPU s after | RSS MB |",
              "|---|---|---|---|---|---|"]
    lines += [f"| {_cell(r['case'])} | {r['expect']} | {r['got']} | {'yes' if r['ok'] else 'NO'} | "
              f"{r.get('cpu_after_s', '')} | {r.get('rss_mb', '')} |" for r in server]
    text = "\n".join(lines) + "\n"
    (results / "hostile.md").write_text(text, encoding="utf-8")
    print(text)


if __name__ == "__main__":
    main()
