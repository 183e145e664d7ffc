"""--workers N and --device: parallel tagging gives the same bytes as a serial build.

The plumbing tests run the stub tagger (tests/stub_tagger.py) in spawned processes; the test
marked `model` runs the shipped models in two worker processes.
"""
from pathlib import Path

import pytest

from kg.build import BuildError, build
from kg.cli import main
from stub_tagger import StubAnnotator, outputs, quiet

ROOT = Path(__file__).resolve().parent.parent
SEEDS = ROOT / "seeds"
TEXTS = ["Il presidente russo Vladimir Putin ha inviato una lettera a Kim Jong-un.",
         "La Corea del Nord e la Russia hanno firmato un trattato di mutua difesa a Pyongyang.",
         "Il ministro degli Esteri Sergei Lavrov ha incontrato il leader nordcoreano a Mosca.",
         "La Cina e la Russia hanno firmato un accordo di cooperazione a Pechino."]


@pytest.fixture
def corpus(tmp_path):
    folder = tmp_path / "in"
    folder.mkdir()
    for i, text in enumerate(TEXTS):
        (folder / f"{i}.txt").write_text(text, encoding="utf-8")
    return folder


def test_workers_give_the_bytes_of_a_serial_build(tmp_path, corpus):
    serial = StubAnnotator(tmp_path / "serial" / ".cache" / "nlp")
    build([corpus], output=tmp_path / "serial", annotator=serial, log=quiet)
    parallel = StubAnnotator(tmp_path / "parallel" / ".cache" / "nlp")
    result = build([corpus], output=tmp_path / "parallel", annotator=parallel, workers=2, log=quiet)
    assert parallel.tagged == [] and parallel.cache_misses == 4   # tagged in the workers, not here
    assert result.articles == 4
    assert outputs(tmp_path / "parallel") == outputs(tmp_path / "serial")


def test_a_crash_in_a_worker_costs_only_its_article(tmp_path, corpus):
    (corpus / "9.txt").write_text("Questo articolo fa CRASH nel tagger, purtroppo.", encoding="utf-8")
    result = build([corpus], output=tmp_path / "out", annotator=StubAnnotator(), workers=2, log=quiet)
    assert result.articles == 4
    assert [Path(s.source).name for s in result.skipped] == ["9.txt"]
    assert "simulated tagger crash" in result.skipped[0].reason


def test_workers_must_be_positive(tmp_path, corpus):
    with pytest.raises(BuildError, match="--workers"):
        build([corpus], output=tmp_path / "out", annotator=StubAnnotator(), workers=0, log=quiet)


def test_cuda_without_cuda_is_a_clear_error(tmp_path, corpus, capsys):
    import torch

    if torch.cuda.is_available():
        pytest.skip("this machine has CUDA")
    with pytest.raises(BuildError, match="CUDA is not available"):
        build([corpus], output=tmp_path / "out", annotator=StubAnnotator(), device="cuda", log=quiet)
    assert main(["build", str(corpus), "-o", str(tmp_path / "out"), "-q", "--device", "cuda"]) == 2
    assert "--device cpu" in capsys.readouterr().err
    assert not (tmp_path / "out").exists()


@pytest.mark.model
def test_workers_with_the_shipped_models_give_the_serial_bytes(tmp_path):
    seeds = sorted(SEEDS.glob("*.txt"))[3:5]
    build(seeds, output=tmp_path / "serial", cache=False, log=quiet)
    result = build(seeds, output=tmp_path / "parallel", cache=False, workers=2, log=quiet)
    assert result.articles == 2 and result.ok
    assert outputs(tmp_path / "parallel") == outputs(tmp_path / "serial")
