"""--executor dask: Stanza on the workers of a dask.distributed cluster, the same bytes as a
local build. Needs the `dask` extra (pip install -e ".[dask]"); skipped without it."""
import sys
from pathlib import Path

import pytest

from kg.build import BuildError, build
from stub_tagger import StubAnnotator, outputs, quiet

ROOT = Path(__file__).resolve().parent.parent
SEEDS = ROOT / "seeds"
TEXTS = ["Il presidente russo Vladimir Putin ha inviato una lettera a Kim Jong-un.",
         "La Corea del Nord e la Russia hanno firmato un trattato di mutua difesa a Pyongyang.",
         "Questo articolo fa CRASH nel tagger, purtroppo.",
         "La Cina e la Russia hanno firmato un accordo di cooperazione a Pechino."]


@pytest.fixture(scope="module")
def client():
    distributed = pytest.importorskip("distributed")
    cluster = distributed.LocalCluster(n_workers=1, threads_per_worker=1, processes=False,
                                       dashboard_address=None)
    client = distributed.Client(cluster)
    yield client
    client.close()
    cluster.close()


@pytest.fixture
def corpus(tmp_path):
    folder = tmp_path / "in"
    folder.mkdir()
    for i, text in enumerate(TEXTS):
        (folder / f"{i}.txt").write_text(text, encoding="utf-8")
    return folder


def test_dask_gives_the_bytes_of_a_local_build(tmp_path, corpus, client):
    local = build([corpus], output=tmp_path / "local", annotator=StubAnnotator(), log=quiet)
    annotator = StubAnnotator()
    remote = build([corpus], output=tmp_path / "dask", annotator=annotator, executor="dask",
                   scheduler=client, log=quiet)
    assert annotator.tagged == [] and annotator.cache_misses == 4   # all tagged on the worker
    assert [s.source for s in remote.skipped] == [s.source for s in local.skipped]
    assert len(remote.skipped) == 1 and "simulated tagger crash" in remote.skipped[0].reason
    assert outputs(tmp_path / "dask") == outputs(tmp_path / "local")


def test_dask_by_scheduler_address(tmp_path, corpus, client):
    build([corpus], output=tmp_path / "local", annotator=StubAnnotator(), log=quiet)
    build([corpus], output=tmp_path / "dask", annotator=StubAnnotator(), executor="dask",
          scheduler=client.scheduler.address, log=quiet)
    assert outputs(tmp_path / "dask") == outputs(tmp_path / "local")


def test_dask_needs_a_scheduler(tmp_path, corpus):
    pytest.importorskip("distributed")
    with pytest.raises(BuildError, match="--scheduler"):
        build([corpus], output=tmp_path / "out", annotator=StubAnnotator(), executor="dask", log=quiet)


def test_without_dask_the_error_names_the_extra(tmp_path, corpus, monkeypatch):
    monkeypatch.setitem(sys.modules, "distributed", None)   # import distributed -> ImportError
    with pytest.raises(BuildError, match=r"kg\[dask\]"):
        build([corpus], output=tmp_path / "out", annotator=StubAnnotator(), executor="dask",
              scheduler="tcp://127.0.0.1:8786", log=quiet)


@pytest.mark.model
def test_dask_with_the_shipped_models_gives_the_local_bytes(tmp_path, client):
    seeds = sorted(SEEDS.glob("*.txt"))[3:5]
    build(seeds, output=tmp_path / "local", cache=False, log=quiet)
    result = build(seeds, output=tmp_path / "dask", cache=False, executor="dask", scheduler=client, log=quiet)
    assert result.articles == 2 and result.ok
    assert outputs(tmp_path / "dask") == outputs(tmp_path / "local")
