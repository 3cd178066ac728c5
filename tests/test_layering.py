"""The package's floors: no step imports a later one, and nothing after extract knows the format.

extract -> structure -> normalize -> output; the products (diff, store, export, cli, batch,
conversion) may import any step; the ground floor (ir, model, data, text, warnings, errors, tempfiles)
is imported by all and imports no step.
"""
from __future__ import annotations

import ast
from pathlib import Path

import pytest

PACKAGE = Path(__file__).resolve().parents[1] / "pipeline"
STEPS = {"extract": 0, "structure": 1, "normalize": 2, "output": 3}
GROUND = {"ir", "model", "data", "text", "warnings", "errors", "schemas", "tempfiles"}
LATE = 4  # products: diff, store, export, cli, batch, conversion


def _floor(parts: list[str]) -> int | None:
    if not parts or parts[0] in GROUND:
        return None if not parts else -1
    return STEPS.get(parts[0], LATE)


def _imports(path: Path) -> list[list[str]]:
    """Module paths inside `pipeline` that a file imports, as parts after "pipeline"."""
    rel = path.relative_to(PACKAGE).parts
    found = []
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.ImportFrom) and node.level:
            base = list(rel[:-1])[: len(rel) - node.level]
            found.append(base + (node.module.split(".") if node.module else []))
        elif isinstance(node, ast.ImportFrom) and node.module and node.module.split(".")[0] == "pipeline":
            found.append(node.module.split(".")[1:] or [a.name for a in node.names][:1])
        elif isinstance(node, ast.Import):
            found += [a.name.split(".")[1:] for a in node.names if a.name.split(".")[0] == "pipeline"]
    return found


def _modules() -> list[Path]:
    return sorted(p for p in PACKAGE.rglob("*.py") if "__pycache__" not in p.parts)


@pytest.mark.parametrize("path", _modules(), ids=lambda p: str(p.relative_to(PACKAGE)))
def test_no_import_runs_against_the_flow(path: Path) -> None:
    rel = path.relative_to(PACKAGE).parts
    me = _floor([rel[0].removesuffix(".py")])
    if me is None or me == LATE:
        return
    late = [".".join(parts) for parts in _imports(path) if (_floor(parts) or -1) > me]
    assert late == [], f"{'/'.join(rel)} imports a later step"


@pytest.mark.parametrize("step", ["structure", "normalize", "output"])
def test_nothing_after_extract_knows_the_format(step: str) -> None:
    """Only extract/ may import pdfplumber, pdfminer, pypdfium2, python-docx or lxml."""
    format_libs = {"pdfplumber", "pdfminer", "pypdfium2", "docx", "lxml"}
    found = []
    for path in (PACKAGE / step).rglob("*.py"):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            names = [a.name for a in node.names] if isinstance(node, ast.Import) else (
                [node.module] if isinstance(node, ast.ImportFrom) and node.module and not node.level else [])
            found += [f"{path.name}: {n}" for n in names if n.split(".")[0] in format_libs]
            if isinstance(node, ast.ImportFrom) and node.module and node.module.startswith("pipeline.extract"):
                found.append(f"{path.name}: {node.module}")
    assert found == []
