#!/usr/bin/env python3
"""The real-news corpus: merge the annotators' parts, check the text cache, re-create it.

The article texts are third-party news excerpts: they live in the git-ignored cache/ folder,
never in git. manifest.jsonl holds, for each article, where its text came from (url and the
`search` look-up that returns it) and the sha256 and word count of the exact text.

    python3 bench/realnews/corpus.py merge      # parts/ -> manifest.jsonl, gold.jsonl, kind_sentences.jsonl
    python3 bench/realnews/corpus.py check      # cache/ against manifest.jsonl: missing, changed
    python3 bench/realnews/corpus.py restore ANSWERS...   # cache/ from saved search answers (JSON)
    python3 bench/realnews/corpus.py jsonl OUT.jsonl [--split test] [--control]   # kg build input
    python3 bench/realnews/corpus.py stats

Re-creating the cache on a fresh clone: for each manifest line, run the `search` tool on the
`pages` corpus with the line's `query`, save each answer (the JSON the tool returns) as a file,
and run `restore` on those files: it keeps the result whose url is the manifest's url, and
writes its excerpt when the sha256 agrees. `check` then reports what is still missing.
"""
from __future__ import annotations

import argparse
import hashlib
import json
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent   # tests point this at a folder of their own


def _path(name: str) -> Path:
    return ROOT / name
MANIFEST_FIELDS = ("id", "url", "query", "sha256", "words", "date", "split", "control", "topic")


def read_jsonl(path: Path) -> list[dict]:
    rows = []
    for n, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        if line.strip():
            try:
                rows.append(json.loads(line))
            except json.JSONDecodeError as err:
                raise SystemExit(f"{path}:{n}: not JSON ({err})") from err
    return rows


def write_jsonl(path: Path, rows: list[dict]) -> None:
    tmp = path.with_suffix(".jsonl.tmp")
    tmp.write_text("".join(json.dumps(r, ensure_ascii=False, sort_keys=False) + "\n" for r in rows),
                   encoding="utf-8")
    tmp.replace(path)


def digest(text: str) -> tuple[str, int]:
    return hashlib.sha256(text.encode("utf-8")).hexdigest(), len(text.split())


def cached_text(aid: str) -> str | None:
    path = _path("cache") / f"{aid}.txt"
    return path.read_text(encoding="utf-8") if path.exists() else None


def reconcile(records: list[dict]) -> int:
    """One name and type per key across a corpus file, as validate.py requires.

    Annotators working apart spell a name two ways ("Treaty Of Rome" / "Treaty of Rome"): the
    most used spelling wins. The same slug given to two different things (K2 the mountain and
    K2 the company) keeps the majority type; the others get the type in their key.
    """
    from collections import Counter

    names: dict[str, Counter] = {}
    types: dict[str, Counter] = {}
    for r in records:
        for e in r.get("entities", []):
            names.setdefault(e["key"], Counter())[e.get("name")] += 1
            types.setdefault(e["key"], Counter())[e.get("type")] += 1
    changed = 0
    for r in records:
        renamed = {}
        for e in r.get("entities", []):
            key = e["key"]
            top_type = types[key].most_common(1)[0][0]
            if e["type"] != top_type:
                e["key"] = renamed[key] = f"{key}-{e['type'].lower()}"
                changed += 1
            best = names[key].most_common(1)[0][0]
            if e.get("name") != best:
                e["name"] = best
                changed += 1
        for rel in r.get("relations", []):  # document gold names ends by key
            for end in ("s", "o"):
                if isinstance(rel.get(end), str) and rel[end] in renamed:
                    rel[end] = renamed[rel[end]]
    return changed


def merge() -> None:
    """Annotators' part files -> the three corpus files (stamped with the cache's digests)."""
    manifest, gold = [], []
    old_manifest = _path("manifest.jsonl")
    recorded = {r["id"]: r for r in (read_jsonl(old_manifest) if old_manifest.exists() else [])}
    for part in sorted(_path("parts").glob("articles_*.manifest.jsonl")):
        for row in read_jsonl(part):
            text = cached_text(row["id"])
            old = recorded.get(row["id"], {})
            if text is not None:
                row["sha256"], row["words"] = digest(text)
            elif "sha256" in old:  # no text here: keep the digest recorded when it was
                row["sha256"], row["words"] = old["sha256"], old["words"]
            manifest.append({k: row.get(k) for k in MANIFEST_FIELDS})
    for part in sorted(_path("parts").glob("articles_*.gold.jsonl")):
        gold += read_jsonl(part)
    ids = {m["id"] for m in manifest}
    gold = [g for g in gold if g["id"] in ids]
    sentences = []
    for part in sorted(_path("parts").glob("kind_[0-9]*.jsonl")):
        for row in read_jsonl(part):
            for e in row.get("entities", []):
                e.pop("text", None)
            sentences.append(row)
    fixes = reconcile(gold) + reconcile(sentences)
    order = {"WN_train.tsv": 0, "WN_dev.tsv": 1, "WN_test.tsv": 2}
    sentences.sort(key=lambda r: (order.get(r["file"], 3), r["sentence"]))
    manifest.sort(key=lambda r: r["id"])
    gold.sort(key=lambda r: r["id"])
    write_jsonl(_path("manifest.jsonl"), manifest)
    write_jsonl(_path("gold.jsonl"), gold)
    write_jsonl(_path("kind_sentences.jsonl"), sentences)
    print(f"{len(manifest)} articles, {len(gold)} gold records, {len(sentences)} sentences; "
          f"{fixes} key names or types reconciled")


def check() -> int:
    """0 when every manifest article is in the cache with the recorded digest."""
    missing, changed, ok = [], [], 0
    for row in read_jsonl(_path("manifest.jsonl")):
        text = cached_text(row["id"])
        if text is None:
            missing.append(row["id"])
        elif digest(text)[0] != row["sha256"]:
            changed.append(row["id"])
        else:
            ok += 1
    for aid in missing:
        print(f"missing: {aid} (re-create: see `restore` in this script's docstring)")
    for aid in changed:
        print(f"changed: {aid} (its text is not the annotated one)")
    print(f"{ok} articles in the cache, {len(missing)} missing, {len(changed)} changed")
    return 1 if missing or changed else 0


def restore(answers: list[Path]) -> int:
    """Write cache/<id>.txt from saved search answers whose url and digest agree."""
    by_url = {r["url"]: r for r in read_jsonl(_path("manifest.jsonl"))}
    _path("cache").mkdir(exist_ok=True)
    written = 0
    for path in answers:
        data = json.loads(path.read_text(encoding="utf-8"))
        for result in data.get("results", []):
            row = by_url.get(result.get("url"))
            if row is None or "excerpt" not in result:
                continue
            if digest(result["excerpt"])[0] != row["sha256"]:
                print(f"{row['id']}: {path} holds its url with another text; not written")
                continue
            (_path("cache") / f"{row['id']}.txt").write_text(result["excerpt"], encoding="utf-8")
            written += 1
    print(f"{written} texts written to {_path('cache')}")
    return 0


def to_jsonl(out: Path, split: str | None, control: bool | None) -> int:
    """The cached articles as kg build input (id, text, url, date); skips what is not cached. The
    date is the one the text supports (kg.realnews.written_date), as the gold's dates are; the
    text goes without the store's date marker (kg.realnews.article_text)."""
    sys.path.insert(0, str(Path(__file__).resolve().parents[2]))
    from kg.realnews import article_text, written_date

    rows = []
    for row in read_jsonl(_path("manifest.jsonl")):
        if (split and row["split"] != split) or (control is not None and bool(row["control"]) != control):
            continue
        text = cached_text(row["id"])
        if text is None:
            print(f"not cached: {row['id']}", file=sys.stderr)
            continue
        rows.append({"id": row["id"], "text": article_text(text), "url": row["url"],
                     "date": written_date(row["date"], text)})
    write_jsonl(out, rows)
    print(f"{len(rows)} articles -> {out}")
    return 0


def stats() -> None:
    from collections import Counter

    manifest = read_jsonl(_path("manifest.jsonl"))
    gold = {g["id"]: g for g in read_jsonl(_path("gold.jsonl"))}
    sents = read_jsonl(_path("kind_sentences.jsonl"))
    print("articles:", len(manifest), dict(Counter(m["split"] for m in manifest)),
          "controls:", sum(bool(m["control"]) for m in manifest),
          "relations:", sum(len(g["relations"]) for g in gold.values()))
    print("sentences:", len(sents), dict(Counter(s["split"] for s in sents)),
          "relations:", sum(len(s["relations"]) for s in sents),
          dict(Counter(r["p"] for s in sents for r in s["relations"]).most_common()))


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    sub = ap.add_subparsers(dest="cmd", required=True)
    sub.add_parser("merge")
    sub.add_parser("check")
    sub.add_parser("stats")
    r = sub.add_parser("restore")
    r.add_argument("answers", type=Path, nargs="+")
    j = sub.add_parser("jsonl")
    j.add_argument("out", type=Path)
    j.add_argument("--split", choices=("dev", "test"))
    j.add_argument("--control", choices=("yes", "no"))
    a = ap.parse_args()
    if a.cmd == "merge":
        merge()
    elif a.cmd == "check":
        return check()
    elif a.cmd == "restore":
        return restore(a.answers)
    elif a.cmd == "jsonl":
        return to_jsonl(a.out, a.split, None if a.control is None else a.control == "yes")
    else:
        stats()
    return 0


if __name__ == "__main__":
    sys.exit(main())
