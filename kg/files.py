"""Input files as kg finds and reads them: what a path is (a file, a loop, a FIFO...), its
bytes and text, and the names a build shows and records for it.

Every check runs before a file is opened, so a FIFO or a device never blocks a build, and
every name shown is escaped, so a file name cannot forge lines in the console or the report.
"""
from __future__ import annotations

import os
import re
import stat
from pathlib import Path, PurePath
from typing import Optional

from kg.records import Skipped

__all__ = ["TEXT_SUFFIXES", "JSONL_SUFFIX", "NUL", "decode", "file_problem", "read_bytes", "read_text", "escape",
           "display", "walk", "join_source", "root_source"]

TEXT_SUFFIXES = (".txt", ".md")
JSONL_SUFFIX = ".jsonl"
NUL = b"\x00"


def decode(data: bytes, offset: int = 0) -> str | Skipped:
    """UTF-8 text (BOM dropped), or UTF-16 with its BOM, or the reason it is not text;
    offsets count from ``offset``."""
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        try:
            return data.decode("utf-16")
        except UnicodeDecodeError as err:
            return Skipped("", f"not UTF-16 though it starts with a UTF-16 mark (offset {offset + err.start})")
    if NUL in data:
        return Skipped("", f"binary file (NUL byte at offset {offset + data.index(NUL)})")
    bom = 3 if data.startswith(b"\xef\xbb\xbf") else 0
    try:
        return data[bom:].decode("utf-8")
    except UnicodeDecodeError as err:
        bad = data[bom + err.start]
        return Skipped("", f"not UTF-8 (invalid byte 0x{bad:02x} at offset {offset + bom + err.start})")


def file_problem(path: Path) -> Optional[str]:
    """Why ``path`` is not a regular file kg can read (loop, dangling link, FIFO, device...),
    or None. Asked before opening, so that a FIFO never blocks the build."""
    try:
        info = os.stat(path)
    except OSError as err:
        if err.errno == 40:  # ELOOP
            return "symbolic link loop"
        if os.path.islink(path):
            return f"dangling symbolic link (to {escape(os.readlink(path))})"
        if isinstance(err, PermissionError):
            return "permission denied"
        return f"cannot read: {err.strerror or err}"
    if stat.S_ISREG(info.st_mode):
        return None
    kinds = {stat.S_ISFIFO: "a FIFO (named pipe)", stat.S_ISCHR: "a character device",
             stat.S_ISBLK: "a block device", stat.S_ISSOCK: "a socket"}
    kind = next((name for test, name in kinds.items() if test(info.st_mode)), "not a regular file")
    return f"{kind}, not an article file"


def read_bytes(path: Path, source: str, max_bytes: Optional[int] = None) -> bytes | Skipped:
    """The file's bytes, or why it cannot be used (unreadable, too large, binary, empty)."""
    problem = file_problem(path)
    if problem:
        return Skipped(source, problem)
    try:
        size = path.stat().st_size
        if max_bytes is not None and size > max_bytes:
            return Skipped(source, f"too large: {size} bytes, more than --max-article-bytes {max_bytes}")
        data = path.read_bytes()
    except PermissionError:
        return Skipped(source, "permission denied")
    except OSError as err:
        return Skipped(source, f"cannot read: {err.strerror or err}")
    if NUL in data and not data.startswith((b"\xff\xfe", b"\xfe\xff")):
        return Skipped(source, f"binary file (NUL byte at offset {data.index(NUL)})")
    if not data.strip():
        return Skipped(source, "empty file")
    return data


def read_text(path: Path, source: str, max_bytes: Optional[int]) -> str | Skipped:
    data = read_bytes(path, source, max_bytes)
    if isinstance(data, Skipped):
        return data
    text = decode(data)
    if isinstance(text, Skipped):
        return Skipped(source, text.reason)
    if not text.strip():  # e.g. only a BOM and spaces
        return Skipped(source, "empty file")
    return text


def escape(text: str) -> str:
    """A name with its control characters escaped, so a file name cannot forge report lines."""
    return re.sub(r"[\x00-\x1f\x7f\u2028\u2029]", lambda m: m.group(0).encode("unicode_escape").decode("ascii"),
                  text)


def display(path: str | Path) -> str:
    return escape(PurePath(path).as_posix())


def walk(folder: Path) -> tuple[list[tuple[PurePath, Path]], list[tuple[PurePath, str]]]:
    """Article files under ``folder`` (hidden ones skipped), and every other entry with the
    reason it is not used: a folder that cannot be listed, a link loop, a FIFO, another type."""
    files: list[tuple[PurePath, Path]] = []
    errors: list[tuple[PurePath, str]] = []
    visited: set[Path] = set()

    def visit(directory: Path, rel: PurePath) -> None:
        real = directory.resolve()
        if real in visited:  # a folder link back up, or the same folder twice
            return
        visited.add(real)
        try:
            entries = sorted(os.scandir(directory), key=lambda e: e.name)
        except OSError as err:
            errors.append((rel, f"cannot list folder: {err.strerror or err}"))
            return
        for entry in entries:
            if entry.name.startswith("."):
                continue
            path, where = Path(entry.path), rel / entry.name
            problem = file_problem(path) if not is_dir(entry) else None
            if is_dir(entry):
                visit(path, where)
            elif problem:
                errors.append((where, problem))
            elif entry.name.lower().endswith(TEXT_SUFFIXES + (JSONL_SUFFIX,)):
                files.append((where, path))
            else:
                errors.append((where, "not an article file (expected .txt, .md or .jsonl)"))

    visit(folder, PurePath())
    files.sort(key=lambda item: item[0].parts)
    return files, errors


def is_dir(entry: os.DirEntry) -> bool:
    try:
        return entry.is_dir()
    except OSError:
        return False


def join_source(shown: str, rel: PurePath) -> str:
    """The source of a file found in a folder: the folder as given, then the relative path."""
    if rel == PurePath():
        return shown
    rel_text = escape(rel.as_posix())
    return rel_text if shown in (".", "") else f"{shown.rstrip('/')}/{rel_text}"


def root_source(given: Path, rel: Optional[PurePath]) -> str:
    """What the graph records as an article's source file: its path from the folder above
    the input root it came from (an input folder's own name, then the path inside it; a
    file given alone, its folder's name and its own), so the same articles give the same
    graph wherever they lie, and ``a/x.txt`` is one source given alone or in ``a/``."""
    if rel is None:
        absolute = Path(os.path.abspath(given))
        return escape((PurePath(absolute.parent.name) / absolute.name).as_posix())
    name = "" if str(given) in (".", "") else (given.name or Path(os.path.abspath(given)).name)
    return escape((PurePath(name) / rel).as_posix() if name else rel.as_posix())
