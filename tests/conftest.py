import os
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(Path(__file__).resolve().parent))


@pytest.fixture(scope="session")
def data_dir() -> Path:
    """The corpora folder (kind/, ud-italian/) from KG_DATA; tests that need it skip without it."""
    value = os.environ.get("KG_DATA")
    if not value or not Path(value, "kind").is_dir():
        pytest.skip("KG_DATA (the corpora folder) is not set; .ci/run sets it")
    return Path(value)


@pytest.fixture(scope="session")
def nlp():
    """The full shipped pipeline, loaded once for the session."""
    from kg.ner.loader import load_pipeline

    return load_pipeline()


@pytest.fixture(scope="session")
def seeds_graph(tmp_path_factory) -> Path:
    """The output folder of `kg build seeds/` with the shipped models, built once per session
    (graph.ttl, graph.trig, graph.jsonld...)."""
    from kg.build import build

    out = tmp_path_factory.mktemp("seeds-graph") / "out"
    result = build([ROOT / "seeds"], output=out, cache=False, log=lambda _message: None)
    assert result.ok and result.articles == 5
    return out
