#!/usr/bin/env python3
"""Pick, show and check KIND Wikinews sentences for the sentence-level real-news gold.

KIND's text is not in the repository: the gold names a sentence by file and index, and this
tool reads the text from the KIND folder (--kind DIR; by default the data folder laid beside
the repository, as CI lays it).

    python3 bench/realnews/kind_tool.py select            # the deterministic candidate list
    python3 bench/realnews/kind_tool.py batch N [--of M]  # batch N of M: ids, one a line
    python3 bench/realnews/kind_tool.py extra N [--of M]  # more train sentences (a person + another)
    python3 bench/realnews/kind_tool.py show WN_test.tsv 12 [13 ...] [--context 2]
    python3 bench/realnews/kind_tool.py skeleton WN_test.tsv 12   # a JSON line to edit
    python3 bench/realnews/kind_tool.py check PARTS.jsonl          # validate.py + text echo

A candidate holds two or more KIND entities (the pairs a fact could join); the list is
sorted by a hash of (file, index), so any prefix is a fair sample of each file.
"""
import argparse
import hashlib
import json
import subprocess
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parents[1]))  # kg, when the script runs from a checkout
DEFAULT_KIND = HERE.parents[2] / "shared" / "data" / "kind"
FILES = ("WN_train.tsv", "WN_dev.tsv", "WN_test.tsv")
SPLIT = {"WN_train.tsv": "train", "WN_dev.tsv": "dev", "WN_test.tsv": "test"}
# how many of each file the corpus takes (README: >= 1,200 sentences, >= 300 of WN_test)
QUOTA = {"WN_train.tsv": 800, "WN_dev.tsv": 240, "WN_test.tsv": 360}


def read_sentences(kind: Path, name: str) -> list[list[tuple[str, str]]]:
    """(token, tag) pairs, one list a sentence (KIND's blank-line separated blocks)."""
    from kg.models.corpora import read_conllu_sentences

    return [[tuple(line.split("\t")[:2]) for line in block] for block in read_conllu_sentences(kind / name)]


def spans(sent) -> list[tuple[int, int, str]]:
    res, start, typ = [], None, None
    for i, (_, tag) in enumerate(sent + [("", "O")]):
        if start is not None and not tag.startswith("I-"):
            res.append((start, i, typ))
            start = None
        if tag.startswith("B-") or (tag.startswith("I-") and start is None):
            start, typ = i, tag[2:]
    return res


def selection(kind: Path) -> list[tuple[str, int]]:
    picked = []
    for name in FILES:
        sents = read_sentences(kind, name)
        cands = [i for i, s in enumerate(sents) if len(spans(s)) >= 2 and len(s) <= 80]
        cands.sort(key=lambda i: hashlib.sha256(f"{name}#{i}".encode()).hexdigest())
        picked += [(name, i) for i in cands[: QUOTA[name]]]
    return picked


def extra_selection(kind: Path, count: int = 500) -> list[tuple[str, int]]:
    """More train sentences, past the base selection: a person and another entity (the pairs
    most relations join), in the same hash order."""
    base = set(selection(kind))
    sents = read_sentences(kind, "WN_train.tsv")
    cands = [i for i, s in enumerate(sents) if ("WN_train.tsv", i) not in base and len(s) <= 80
             and {t for _, _, t in spans(s)} >= {"PER"} and len({t for _, _, t in spans(s)}) >= 2]
    cands.sort(key=lambda i: hashlib.sha256(f"WN_train.tsv#{i}".encode()).hexdigest())
    return [("WN_train.tsv", i) for i in cands[:count]]


def render(kind: Path, name: str, idx: int, context: int = 0) -> str:
    sents = read_sentences(kind, name)
    lines = []
    for j in range(max(0, idx - context), idx):
        lines.append(f"  (before {j}) " + " ".join(t for t, _ in sents[j]))
    s = sents[idx]
    lines.append(f"{name}#{idx} [{SPLIT[name]}]")
    lines.append("  " + " ".join(f"{i}:{t}" for i, (t, _) in enumerate(s)))
    for a, b, typ in spans(s):
        lines.append(f"  KIND {typ} [{a},{b}) {' '.join(t for t, _ in s[a:b])}")
    for j in range(idx + 1, min(len(sents), idx + 1 + context)):
        lines.append(f"  (after {j}) " + " ".join(t for t, _ in sents[j]))
    return "\n".join(lines)


def skeleton(kind: Path, name: str, idx: int) -> dict:
    s = read_sentences(kind, name)[idx]
    rough = {"PER": "Person", "ORG": "Organization", "LOC": "Place"}
    ents = [{"start": a, "end": b, "type": rough[t], "key": "x:TODO",
             "text": " ".join(w for w, _ in s[a:b])} for a, b, t in spans(s)]
    return {"file": name, "sentence": idx, "split": SPLIT[name], "entities": ents, "relations": []}


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--kind", type=Path, default=DEFAULT_KIND)
    sub = ap.add_subparsers(dest="cmd", required=True)
    sub.add_parser("select")
    b = sub.add_parser("batch")
    b.add_argument("n", type=int)
    b.add_argument("--of", type=int, default=4)
    ex = sub.add_parser("extra")
    ex.add_argument("n", type=int)
    ex.add_argument("--of", type=int, default=2)
    sh = sub.add_parser("show")
    sh.add_argument("file")
    sh.add_argument("idx", type=int, nargs="+")
    sh.add_argument("--context", type=int, default=1)
    sk = sub.add_parser("skeleton")
    sk.add_argument("file")
    sk.add_argument("idx", type=int, nargs="+")
    ck = sub.add_parser("check")
    ck.add_argument("parts", type=Path)
    a = ap.parse_args()
    if a.cmd == "select":
        for name, i in selection(a.kind):
            print(name, i)
    elif a.cmd == "batch":
        sel = selection(a.kind)
        for name in FILES:  # each batch takes an equal share of every file
            mine = [x for x in sel if x[0] == name]
            for x in mine[a.n - 1 :: a.of]:
                print(*x)
    elif a.cmd == "extra":
        for x in extra_selection(a.kind)[a.n - 1 :: a.of]:
            print(*x)
    elif a.cmd == "show":
        for i in a.idx:
            print(render(a.kind, a.file, i, a.context))
    elif a.cmd == "skeleton":
        for i in a.idx:
            print(json.dumps(skeleton(a.kind, a.file, i), ensure_ascii=False))
    elif a.cmd == "check":
        validator = HERE.parents[2] / "shared" / "eval" / "validate.py"
        clean = a.parts.with_suffix(".checked.tmp")
        rows = [json.loads(l) for l in a.parts.read_text(encoding="utf-8").splitlines() if l.strip()]
        for r in rows:
            for e in r.get("entities", []):
                e.pop("text", None)
        clean.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in rows), encoding="utf-8")
        rc = subprocess.call([sys.executable, str(validator), "sentences", str(clean), "--kind", str(a.kind)])
        clean.unlink()
        pos = sum(len(r.get("relations", [])) for r in rows)
        print(f"{len(rows)} sentences, {pos} relations")
        return rc
    return 0


if __name__ == "__main__":
    sys.exit(main())
