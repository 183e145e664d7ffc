"""kg's code stays in pieces a reader can hold (#26, #27): no module of kg/ over 600 lines,
no class over 300, no function over 100 (the guide aims at modules of 100-300 lines)."""
from __future__ import annotations

import ast
from pathlib import Path

KG = Path(__file__).resolve().parents[1] / "kg"

MAX_MODULE_LINES = 600
MAX_CLASS_LINES = 300
MAX_FUNCTION_LINES = 100


def oversized(path: Path, root: Path = KG.parent) -> list[str]:
    """'path:line name: N lines (limit L)' for the module, classes and functions of ``path``
    over the limits, the path relative to ``root``."""
    text = path.read_text(encoding="utf-8")
    where = path.relative_to(root).as_posix()
    out = []
    if len(text.splitlines()) > MAX_MODULE_LINES:
        out.append(f"{where}: {len(text.splitlines())} lines (limit {MAX_MODULE_LINES})")
    for node in ast.walk(ast.parse(text)):
        if isinstance(node, ast.ClassDef):
            limit = MAX_CLASS_LINES
        elif isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef)):
            limit = MAX_FUNCTION_LINES
        else:
            continue
        lines = node.end_lineno - node.lineno + 1
        if lines > limit:
            out.append(f"{where}:{node.lineno} {node.name}: {lines} lines (limit {limit})")
    return out


def test_no_module_class_or_function_of_kg_is_over_its_size_limit():
    found = [problem for path in sorted(KG.rglob("*.py")) for problem in oversized(path)]
    assert found == []


def test_the_check_measures_a_long_function_and_class(tmp_path):
    path = tmp_path / "probe.py"
    body = "\n".join(f"        x{i} = {i}" for i in range(MAX_CLASS_LINES))
    path.write_text(f"class Long:\n    def long(self):\n{body}\n", encoding="utf-8")
    assert oversized(path, tmp_path) == [f"probe.py:1 Long: {MAX_CLASS_LINES + 2} lines (limit 300)",
                                         f"probe.py:2 long: {MAX_CLASS_LINES + 1} lines (limit 100)"]
