"""kg's modules import one another without a cycle, counting the imports inside functions
and under TYPE_CHECKING too (#26: a cycle hides which module depends on which)."""
from __future__ import annotations

import ast
from pathlib import Path

KG = Path(__file__).resolve().parents[1] / "kg"


def _modules() -> dict[str, Path]:
    mods = {}
    for path in KG.rglob("*.py"):
        name = ".".join(path.relative_to(KG.parent).with_suffix("").parts)
        mods[name[:-len(".__init__")] if name.endswith(".__init__") else name] = path
    return mods


def _imports(path: Path, mods: dict[str, Path]) -> set[str]:
    out = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            subs = [f"{node.module}.{a.name}" for a in node.names]
            out.update(s for s in subs if s in mods)   # from kg import timex: kg.timex, not kg
            if any(s not in mods for s in subs):
                out.add(node.module)
        elif isinstance(node, ast.Import):
            out.update(a.name for a in node.names)
    return {m for m in out if m in mods}


def _cycle(graph: dict[str, set[str]]) -> list[str]:
    """One import cycle of ``graph``, or []."""
    state: dict[str, int] = {}   # 1: on the current path, 2: done
    path: list[str] = []

    def visit(m: str) -> list[str]:
        state[m] = 1
        path.append(m)
        for n in sorted(graph[m]):
            if state.get(n) == 1:
                return path[path.index(n):] + [n]
            if n not in state:
                found = visit(n)
                if found:
                    return found
        path.pop()
        state[m] = 2
        return []

    for m in sorted(graph):
        if m not in state:
            found = visit(m)
            if found:
                return found
    return []


def test_no_import_cycle():
    mods = _modules()
    graph = {m: _imports(p, mods) - {m} for m, p in mods.items()}
    assert _cycle(graph) == []


def test_the_check_finds_a_cycle():
    assert _cycle({"a": {"b"}, "b": {"c"}, "c": {"a"}}) == ["a", "b", "c", "a"]
