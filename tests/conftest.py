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
    from kg.models.loader import load_pipeline

    return load_pipeline()
