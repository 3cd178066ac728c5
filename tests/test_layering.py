"""The package's floors: no step imports a later one, and nothing after extract knows the format.

extract -> structure -> normalize -> output; the products (diff, store, export, cli, batch,
conversion) may import any step; the ground floor (ir, model, data, text, warnings, errors,
i18n, tempfiles) is imported by all and imports no step. And no module imports itself through
others: the import graph has no cycle.
"""
from __future__ import annotations

import ast
from pathlib import Path

import pytest

PACKAGE = Path(__file__).resolve().parents[1] / "pipeline"
STEPS = {"extract": 0, "structure": 1, "normalize": 2, "output": 3}
GROUND = {"ir", "model", "data", "text", "warnings", "errors", "schemas", "i18n", "tempfiles"}
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


# --- no import cycle ---------------------------------------------------------------------

def _module_name(path: Path) -> str:
    parts = list(path.relative_to(PACKAGE.parent).with_suffix("").parts)
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def _targets(path: Path, modules: set[str]) -> set[str]:
    """The package's modules a file imports, at module level or inside a function: for
    `from a.b import c`, a.b.c when c is a module, else a.b."""
    me = _module_name(path)
    package = me if path.name == "__init__.py" else me.rpartition(".")[0]
    found = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            found |= {a.name for a in node.names if a.name in modules}
        elif isinstance(node, ast.ImportFrom):
            base = node.module or ""
            if node.level:
                anchor = package.split(".")[: len(package.split(".")) - node.level + 1]
                base = ".".join(anchor + ([base] if base else []))
            for alias in node.names:
                full = f"{base}.{alias.name}"
                found.add(full if full in modules else base)
    return {name for name in found if name in modules and name != me}


def import_graph() -> dict[str, set[str]]:
    paths = _modules()
    modules = {_module_name(p) for p in paths}
    return {_module_name(p): _targets(p, modules) for p in paths}


def cycles(graph: dict[str, set[str]]) -> list[list[str]]:
    """The strongly connected groups of more than one module (Tarjan), each sorted."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    found: list[list[str]] = []

    def visit(node: str) -> None:
        index[node] = low[node] = len(index)
        stack.append(node)
        for target in sorted(graph[node]):
            if target not in index:
                visit(target)
                low[node] = min(low[node], low[target])
            elif target in stack:
                low[node] = min(low[node], index[target])
        if low[node] == index[node]:
            group = []
            while True:
                member = stack.pop()
                group.append(member)
                if member == node:
                    break
            if len(group) > 1:
                found.append(sorted(group))

    for node in sorted(graph):
        if node not in index:
            visit(node)
    return found


def test_the_cycle_finder_finds_a_cycle() -> None:
    assert cycles({"a": {"b"}, "b": {"c"}, "c": {"a"}, "d": {"a"}}) == [["a", "b", "c"]]
    assert cycles({"a": {"b"}, "b": set()}) == []


def test_the_graph_sees_imports_inside_functions() -> None:
    graph = import_graph()
    assert "pipeline.extract.ocr.reader" in graph["pipeline.extract.ocr.pages"]  # imported when a page needs OCR


def test_no_import_cycle() -> None:
    assert cycles(import_graph()) == []
