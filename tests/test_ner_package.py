"""#26: kg/models/ holds training only; the NER fixes that run in every build are kg/ner/,
run from the NLP stage, and nothing a build runs imports kg.models."""
from __future__ import annotations

import ast
from pathlib import Path

KG = Path(__file__).resolve().parents[1] / "kg"


def _kg_imports(path: Path) -> set[str]:
    out = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            out.add(node.module)
            out.update(f"{node.module}.{a.name}" for a in node.names)
        elif isinstance(node, ast.Import):
            out.update(a.name for a in node.names)
    return {m for m in out if m == "kg" or m.startswith("kg.")}


def test_the_run_time_ner_imports_no_training_code():
    for path in [*(KG / "ner").glob("*.py"), KG / "nlp.py", KG / "build.py", KG / "stages.py"]:
        training = sorted(m for m in _kg_imports(path) if m == "kg.models" or m.startswith("kg.models."))
        assert not training, f"{path.relative_to(KG.parent)} imports training code: {training}"


def test_models_holds_no_stray_data_file():
    assert not (KG / "models" / "resources.json").exists()   # training writes the empty one Stanza reads
    assert {p.name for p in (KG / "models").glob("*.py")} >= {"training.py", "word_lists.py",
                                                             "training_speedups.py"}
    assert not {p.name for p in (KG / "models").glob("*.py")} & {
        "loader.py", "name_consistency.py", "org_names.py", "plain_words.py", "speedups.py", "registry.py"}
