"""Outputs are staged and then moved into place, so a killed build leaves the old ones whole."""
from __future__ import annotations

import os
import shutil
import tempfile
from contextlib import contextmanager
from pathlib import Path
from typing import Iterator


@contextmanager
def staged_outputs(out_dir: Path) -> Iterator[Path]:
    """Yield a staging folder inside ``out_dir``; on success move each file into ``out_dir``
    (files in subfolders into the same subfolders), top-level files first.

    Each move is an atomic rename on the same filesystem; on an error nothing is moved and
    the previous outputs stay as they were. Anything else in ``out_dir`` (the NLP cache in
    ``.cache/``) is left alone.
    """
    out_dir.mkdir(parents=True, exist_ok=True)
    staging = Path(tempfile.mkdtemp(prefix=".staging-", dir=out_dir))
    try:
        yield staging
        files = sorted((p for p in staging.rglob("*") if p.is_file()),
                       key=lambda p: (len(p.relative_to(staging).parts), str(p.relative_to(staging))))
        for path in files:
            target = out_dir / path.relative_to(staging)
            target.parent.mkdir(parents=True, exist_ok=True)
            os.replace(path, target)
    finally:
        shutil.rmtree(staging, ignore_errors=True)


def write_atomic(path: Path, data: bytes | str) -> None:
    """Write one file atomically (temp file in the same folder, then rename)."""
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
    with os.fdopen(fd, "wb") as handle:
        handle.write(data.encode("utf-8") if isinstance(data, str) else data)
    os.chmod(tmp, 0o666 & ~_umask())  # mkstemp makes 0600; outputs are ordinary files
    os.replace(tmp, path)


def _umask() -> int:
    mask = os.umask(0)
    os.umask(mask)
    return mask
