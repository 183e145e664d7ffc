"""bench/realnews: the real-news ground truth, its text cache and the sentence evaluation.

The gold and manifest are committed; the article texts are third-party and live only in the
git-ignored cache, so the tests that need them skip, saying so, when it is absent.
"""
from __future__ import annotations

import hashlib
import importlib.util
import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from kg.sentence_eval import detokenize, sentence_set

ROOT = Path(__file__).resolve().parents[1]
REALNEWS = ROOT / "bench" / "realnews"
SHARED = Path(os.environ.get("KG_DATA", ROOT.parent / "shared" / "data")).parent
VALIDATE = SHARED / "eval" / "validate.py"
KIND = SHARED / "data" / "kind"
NO_CACHE = "bench/realnews/cache/ is absent: re-create it with `python3 bench/realnews/corpus.py restore` " \
           "(see that script's docstring)"


def load_corpus_module():
    spec = importlib.util.spec_from_file_location("realnews_corpus", REALNEWS / "corpus.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def rows(name: str) -> list[dict]:
    return [json.loads(x) for x in (REALNEWS / name).read_text(encoding="utf-8").splitlines() if x.strip()]


def test_detokenize_glues_punctuation_and_elision():
    text, spans = detokenize(["L'", "Onu", "ha", "condannato", "(", "ieri", ")", "la", "Russia", "."])
    assert text == "L'Onu ha condannato (ieri) la Russia."
    assert text[spans[1][0]:spans[1][1]] == "Onu" and text[spans[8][0]:spans[8][1]] == "Russia"


def test_sentence_set_turns_spans_into_forms_and_drops_cross_sentence(tmp_path):
    (tmp_path / "WN_test.tsv").write_text(
        "Il\tO\npresidente\tO\nrusso\tO\nPutin\tB-PER\nha\tO\nvisitato\tO\nPechino\tB-LOC\n.\tO\n\n"
        "Lui\tO\nha\tO\nincontrato\tO\nXi\tB-PER\n.\tO\n", encoding="utf-8")
    records = [
        {"file": "WN_test.tsv", "sentence": 0, "split": "test", "relations": [
            {"s": 1, "o": 0, "p": "leaderOf"}, {"s": 1, "o": 2, "p": "visited"}],
         "entities": [{"start": 2, "end": 3, "type": "State", "key": "x:russia", "name": "Russia", "indirect": True},
                      {"start": 3, "end": 4, "type": "Person", "key": "x:putin", "name": "Vladimir Putin"},
                      {"start": 6, "end": 7, "type": "Place", "key": "x:beijing", "name": "Beijing"}]},
        {"file": "WN_test.tsv", "sentence": 1, "split": "test", "relations": [
            {"s": 0, "o": 1, "p": "communicatedWith", "kind": "meeting", "cross_sentence": True}],
         "entities": [{"start": 0, "end": 1, "type": "Person", "key": "x:putin", "name": "Vladimir Putin"},
                      {"start": 3, "end": 4, "type": "Person", "key": "x:xi", "name": "Xi Jinping"}]},
        {"file": "WN_train.tsv", "sentence": 0, "split": "train", "entities": [], "relations": []},
    ]
    data = sentence_set(records, tmp_path, "test")
    assert [a["id"] for a in data.articles] == ["WN_test-0", "WN_test-1"]
    assert data.articles[0]["text"] == "Il presidente russo Putin ha visitato Pechino."
    first = {e["key"]: e for e in data.gold[0]["entities"]}
    assert first["x:russia"]["forms"] == ["~russo"] and first["x:beijing"]["forms"] == ["Pechino"]
    assert {(r["s"], r["p"], r["o"]) for r in data.gold[0]["relations"]} == {
        ("x:putin", "leaderOf", "x:russia"), ("x:putin", "visited", "x:beijing")}
    assert data.gold[1]["relations"] == [] and data.cross_sentence == 1


def test_cache_check_and_restore(tmp_path, monkeypatch, capsys):
    corpus = load_corpus_module()
    monkeypatch.setattr(corpus, "ROOT", tmp_path)
    text = "ROMA, 3 mag – Il ministro ha incontrato l'omologo francese."
    sha = hashlib.sha256(text.encode()).hexdigest()
    (tmp_path / "manifest.jsonl").write_text(json.dumps(
        {"id": "rn-x01", "url": "https://example.org/a", "query": "ministro omologo", "sha256": sha, "words": 9,
         "date": "2024-05-03", "split": "dev", "control": False, "topic": "t"}) + "\n", encoding="utf-8")
    assert corpus.check() == 1 and "missing: rn-x01" in capsys.readouterr().out
    answer = tmp_path / "answer.json"
    answer.write_text(json.dumps({"results": [{"url": "https://example.org/b", "excerpt": "altro"},
                                              {"url": "https://example.org/a", "excerpt": text}]}), encoding="utf-8")
    corpus.restore([answer])
    assert corpus.check() == 0
    (tmp_path / "cache" / "rn-x01.txt").write_text(text + " (modificato)", encoding="utf-8")
    assert corpus.check() == 1 and "changed: rn-x01" in capsys.readouterr().out


def test_reconcile_gives_one_name_and_type_per_key():
    corpus = load_corpus_module()
    records = [{"id": "a", "entities": [{"key": "x:k2", "name": "K2", "type": "Place"}], "relations": []},
               {"id": "b", "entities": [{"key": "x:k2", "name": "K2", "type": "Place"}], "relations": []},
               {"id": "c", "entities": [{"key": "x:k2", "name": "K2", "type": "Organization"},
                                        {"key": "x:rome", "name": "Rome", "type": "Place"}],
                "relations": [{"s": "x:k2", "p": "criticized", "o": "x:rome"}]}]
    corpus.reconcile(records)
    assert records[2]["entities"][0]["key"] == "x:k2-organization"
    assert records[2]["relations"][0]["s"] == "x:k2-organization"
    assert records[0]["entities"][0]["key"] == "x:k2"


@pytest.mark.skipif(not VALIDATE.exists() or not KIND.exists(), reason="the shared eval/ and data/kind folders beside the repository are absent")
def test_sentence_gold_is_valid_and_large_enough():
    out = subprocess.run([sys.executable, str(VALIDATE), "sentences", str(REALNEWS / "kind_sentences.jsonl"),
                          "--kind", str(KIND)], capture_output=True, text=True)
    assert out.returncode == 0, out.stdout[-2000:]
    sents = rows("kind_sentences.jsonl")
    assert len(sents) >= 1200
    assert sum(s["file"] == "WN_test.tsv" for s in sents) >= 300
    assert sum(len(s["relations"]) for s in sents) >= 1000


@pytest.mark.skipif(not VALIDATE.exists(), reason="the shared eval/ folder beside the repository is absent")
def test_article_gold_and_manifest_agree():
    manifest, gold = rows("manifest.jsonl"), rows("gold.jsonl")
    assert [m["id"] for m in manifest] == [g["id"] for g in gold]
    assert len(manifest) >= 80 and sum(m["split"] == "test" for m in manifest) >= 30
    assert sum(bool(m["control"]) for m in manifest) >= 12
    assert sum(len(g["relations"]) for g in gold) >= 500
    for m in manifest:
        assert len(m["sha256"]) == 64 and m["words"] > 0 and m["query"] and m["url"].startswith("http")
    out = subprocess.run([sys.executable, str(VALIDATE), "docs", str(REALNEWS / "gold.jsonl")],
                         capture_output=True, text=True)
    assert out.returncode == 0, out.stdout[-2000:]


@pytest.mark.skipif(not (REALNEWS / "cache").is_dir(), reason=NO_CACHE)
def test_cache_matches_manifest_and_forms_occur_in_texts():
    corpus = load_corpus_module()
    assert corpus.check() == 0
    out = subprocess.run([sys.executable, str(VALIDATE), "docs", str(REALNEWS / "gold.jsonl"),
                          "--texts", str(REALNEWS / "cache")], capture_output=True, text=True)
    assert out.returncode == 0, out.stdout[-2000:]


@pytest.mark.skipif(not (REALNEWS / "cache").is_dir(), reason=NO_CACHE)
def test_no_article_text_is_tracked_by_git():
    """Third-party texts stay out of git: no tracked file holds a 12-word run of any of them."""
    tracked = subprocess.run(["git", "ls-files", "-z"], cwd=ROOT, capture_output=True, text=True).stdout.split("\0")
    assert not [f for f in tracked if f.startswith("bench/realnews/cache/")]
    runs = set()
    for path in (REALNEWS / "cache").glob("*.txt"):
        words = path.read_text(encoding="utf-8").split()
        runs.update(" ".join(words[i:i + 12]) for i in range(0, max(1, len(words) - 12), 6))
    for name in tracked:
        path = ROOT / name
        if not name or not path.is_file() or path.stat().st_size > 5_000_000 or path.suffix in (".pt", ".pkl"):
            continue
        try:
            content = " ".join(path.read_text(encoding="utf-8").split())
        except UnicodeDecodeError:
            continue
        leaked = [r for r in runs if len(r) > 60 and r in content]
        assert not leaked, f"{name} holds article text: {leaked[0]!r}"


def test_written_date_keeps_a_day_only_where_the_text_writes_it():
    from kg.realnews import written_date
    assert written_date("2024-09-24", " date 2024-09 Roma, 24 Settembre 2024\n\nIl ministro ...") == "2024-09-24"
    assert written_date("2023-08-29", " date 2023-08 ANKARA, 29 ago. (Agenzia) – I presidenti ...") == "2023-08-29"
    assert written_date("2024-05-03", "Milano, 03/05/2024 - Il sindaco ...") == "2024-05-03"
    # the day came from the page's address: the text gives the month alone
    assert written_date("2024-10-10", " date 2024-10 Il presidente ha incontrato ieri il premier.") == "2024-10"
    assert written_date("2024-10-10", " date 2024-10 ROMA, 11 ottobre 2024 – ...") == "2024-10"
    assert written_date("2024-10", "Il 10 ottobre ...") == "2024-10" and written_date(None, "testo") is None


def test_jsonl_for_kg_gives_the_date_the_text_supports(tmp_path, monkeypatch):
    corpus = load_corpus_module()
    monkeypatch.setattr(corpus, "ROOT", tmp_path)
    texts = {"rn-x01": "ROMA, 3 mag – Il ministro ha incontrato l'omologo francese.",
             "rn-x02": " date 2024-05 Il ministro ha incontrato ieri l'omologo francese."}
    (tmp_path / "cache").mkdir()
    lines = []
    for key, text in texts.items():
        (tmp_path / "cache" / f"{key}.txt").write_text(text, encoding="utf-8")
        lines.append(json.dumps({"id": key, "url": f"https://example.org/2024/05/03/{key}", "query": "q",
                                 "sha256": hashlib.sha256(text.encode()).hexdigest(), "words": 8,
                                 "date": "2024-05-03", "split": "dev", "control": False, "topic": "t"}))
    (tmp_path / "manifest.jsonl").write_text("\n".join(lines) + "\n", encoding="utf-8")
    assert corpus.to_jsonl(tmp_path / "out.jsonl", "dev", None) == 0
    dates = {r["id"]: r["date"] for r in map(json.loads, (tmp_path / "out.jsonl").read_text(encoding="utf-8").splitlines())}
    assert dates == {"rn-x01": "2024-05-03", "rn-x02": "2024-05"}
    # the store's date marker is page metadata, no words of the article kg reads
    texts_out = {r["id"]: r["text"] for r in map(json.loads, (tmp_path / "out.jsonl").read_text(encoding="utf-8").splitlines())}
    assert texts_out == {"rn-x01": texts["rn-x01"], "rn-x02": "Il ministro ha incontrato ieri l'omologo francese."}


def test_article_text_drops_only_the_store_s_opening_date_marker():
    from kg.realnews import article_text
    assert article_text(" date 2023-03 Il ministro è arrivato a Parigi") == "Il ministro è arrivato a Parigi"
    assert article_text(" date 2024-09-06 ROMA, 6 set") == "ROMA, 6 set"
    assert article_text("Il dato (date 2023-03) resta") == "Il dato (date 2023-03) resta"
    assert article_text("date limite 2023") == "date limite 2023"
