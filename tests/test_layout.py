"""The design card's data flow: each stage depends on `corpus` and not on another stage
(`search` may read `index`); only `arkiv/`, the composition root, wires them."""
from __future__ import annotations

import ast
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
STAGES = ("ingest", "normalize", "extract", "index", "search")
ALLOWED = {"search": {"index"}}


def _imports(path: Path) -> set[str]:
    found = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            found.update(a.name.split(".")[0] for a in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module and not node.level:
            found.add(node.module.split(".")[0])
    return found


@pytest.mark.parametrize("stage", STAGES + ("corpus",))
def test_a_stage_imports_no_other_stage(stage: str) -> None:
    forbidden = (set(STAGES) | {"arkiv"}) - {stage} - ALLOWED.get(stage, set())
    wrong = {f"{path.relative_to(ROOT)}: {name}"
             for path in (ROOT / stage).rglob("*.py")
             for name in _imports(path) & forbidden}
    assert not wrong, sorted(wrong)
