"""The output folder of a build: checked before any model loads, locked against a second
build, and its file set replaced whole.

A build writes every output into a fresh folder ``OUT/.kg-builds/build-XXXX`` and then
switches the symbolic link ``OUT/.kg-current`` to it with one rename; ``OUT/graph.ttl``,
``OUT/report.md``, ``OUT/.kg`` ... are fixed links through ``.kg-current``. So the folder
never holds files of two builds: a kill before the rename leaves the previous set, a kill
after it the new one, and a reader that resolves ``OUT/.kg-current`` once reads one build's
files whatever happens meanwhile. ``OUT/.kg-lock`` (an flock, released by the kernel when
the build ends however it ends) refuses a second build into the same folder; staging
folders a killed build left behind are removed by the next one.
"""
from __future__ import annotations

from kg.settings import value as setting

import errno
import fcntl
import os
import shutil
import tempfile
from contextlib import contextmanager
from pathlib import Path
from typing import Iterator

__all__ = ["OutputError", "check_output", "check_space", "OutputLock", "replaced_whole", "CURRENT", "BUILDS"]

CURRENT, BUILDS, LOCK = ".kg-current", ".kg-builds", ".kg-lock"
MIN_FREE = setting("outputs.min_free")          # bytes any build needs beyond its estimate (kg.settings)


class OutputError(RuntimeError):
    """The output folder cannot take this build; the message names the folder and why."""


def check_output(out_dir: Path) -> None:
    """Create ``out_dir`` when missing and check it is a writable folder (OutputError if not)."""
    if out_dir.exists() and not out_dir.is_dir():
        raise OutputError(f"{out_dir}: is a file, not a folder; pass another -o")
    try:
        out_dir.mkdir(parents=True, exist_ok=True)
    except OSError as err:
        raise OutputError(f"{out_dir}: cannot create the output folder: {err.strerror or err}") from None
    try:
        with tempfile.TemporaryFile(dir=out_dir, prefix=".kg-probe-"):
            pass
    except OSError as err:
        raise OutputError(f"{out_dir}: cannot write in the output folder: {err.strerror or err}") from None


def check_space(out_dir: Path, needed: int) -> None:
    """OutputError when the folder's file system has less than ``needed`` (+ a margin) free."""
    free = shutil.disk_usage(out_dir).free
    if free < needed + MIN_FREE:
        raise OutputError(f"{out_dir}: only {free / 2**20:.0f} MB free, the build needs about "
                          f"{(needed + MIN_FREE) / 2**20:.0f} MB")


class OutputLock:
    """An exclusive, non-blocking lock on the output folder for the whole build."""

    def __init__(self, out_dir: Path):
        self.path = out_dir / LOCK
        self._handle = None

    def __enter__(self) -> "OutputLock":
        handle = open(self.path, "a+", encoding="utf-8")
        try:
            fcntl.flock(handle, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except OSError as err:
            handle.seek(0)
            holder = handle.read().strip() or "?"
            handle.close()
            if err.errno in (errno.EWOULDBLOCK, errno.EAGAIN, errno.EACCES):
                raise OutputError(f"{self.path.parent}: another kg build (pid {holder}) is writing this folder; "
                                  "wait for it to end or pass another -o") from None
            raise OutputError(f"{self.path}: cannot lock: {err.strerror or err}") from None
        handle.seek(0)
        handle.truncate()
        handle.write(f"{os.getpid()}\n")
        handle.flush()
        self._handle = handle
        _remove_stale(self.path.parent)
        return self

    def __exit__(self, *exc) -> None:
        if self._handle is not None:
            self._handle.close()  # closing releases the flock
            self._handle = None


def _remove_stale(out_dir: Path) -> None:
    """Staging folders of killed builds (this lock is held, so none of them is running)."""
    current = os.path.realpath(out_dir / CURRENT) if (out_dir / CURRENT).is_symlink() else None
    stale = list(out_dir.glob(".staging-*")) + list(out_dir.glob(".kg-link-*"))
    if (out_dir / BUILDS).is_dir():
        stale += [p for p in (out_dir / BUILDS).iterdir() if os.path.realpath(p) != current]
    for path in stale:
        shutil.rmtree(path, ignore_errors=True) if path.is_dir() and not path.is_symlink() else path.unlink()


@contextmanager
def replaced_whole(out_dir: Path) -> Iterator[Path]:
    """Yield a fresh folder for the outputs; on success switch ``out_dir`` to it in one
    rename, on an error remove it and leave the previous outputs as they were."""
    builds = out_dir / BUILDS
    builds.mkdir(parents=True, exist_ok=True)
    staging = Path(tempfile.mkdtemp(prefix="build-", dir=builds))
    os.chmod(staging, 0o777 & ~_umask())
    try:
        yield staging
        previous = os.path.realpath(out_dir / CURRENT) if (out_dir / CURRENT).is_symlink() else None
        _symlink_over(out_dir / CURRENT, os.path.join(BUILDS, staging.name))   # the one switch
        for name in sorted(os.listdir(staging)):
            _symlink_over(out_dir / name, os.path.join(CURRENT, name))
    except BaseException:
        if not ((out_dir / CURRENT).is_symlink() and os.path.realpath(out_dir / CURRENT) == str(staging)):
            shutil.rmtree(staging, ignore_errors=True)
        raise
    if previous and previous != str(staging):
        shutil.rmtree(previous, ignore_errors=True)


def _symlink_over(link: Path, target: str) -> None:
    """Make ``link`` point at ``target`` with a rename (an old file or folder there, left by
    a build before this layout, is moved aside first)."""
    if link.is_symlink() and os.readlink(link) == target:
        return
    if link.is_dir() and not link.is_symlink():
        aside = Path(tempfile.mkdtemp(prefix=".staging-old-", dir=link.parent))
        os.replace(link, aside / link.name)
        shutil.rmtree(aside, ignore_errors=True)
    tmp = link.parent / f".kg-link-{os.getpid()}-{link.name}"
    if tmp.is_symlink() or tmp.exists():
        tmp.unlink()
    os.symlink(target, tmp)
    os.replace(tmp, link)


def _umask() -> int:
    mask = os.umask(0)
    os.umask(mask)
    return mask
