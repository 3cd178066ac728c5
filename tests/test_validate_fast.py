"""output.fast_validate: the generated validator is current and agrees with jsonschema."""
from __future__ import annotations

import copy
import hashlib
import random
from functools import cache
from pathlib import Path

import pytest
from jsonschema import Draft202012Validator, FormatChecker

from pipeline.conversion import convert
from pipeline.output.fast_validate import is_date, passes
from pipeline.output.validate import schema

ROOT = Path(__file__).resolve().parents[1]
SCHEMA_FILE = ROOT / "pipeline" / "schemas" / "plan.schema.json"
GENERATED = ROOT / "pipeline" / "output" / "plan_validator.py"
# Values that break one rule or another: wrong types, empties, impossible and malformed dates.
REPLACEMENTS = [None, "", 7, 1.5, True, [], {}, "x", "2024-02-30", "2024-13-45", "20240102", "2024-1-5", [None], {"a": 1}]


def test_generated_validator_matches_the_schema() -> None:
    """Run `make validator` after editing the schema."""
    first = GENERATED.read_text(encoding="utf-8").splitlines()[0]
    assert first == f"# schema sha256: {hashlib.sha256(SCHEMA_FILE.read_bytes()).hexdigest()}"


@cache
def reference() -> Draft202012Validator:
    return Draft202012Validator(schema(), format_checker=FormatChecker())


def _paths(node, prefix=()):
    yield prefix
    items = node.items() if isinstance(node, dict) else enumerate(node) if isinstance(node, list) else ()
    for key, value in items:
        yield from _paths(value, prefix + (key,))


def _mutants(doc: dict, count: int, seed: int):
    """`count` copies of doc, each with one value replaced or one key deleted."""
    rng = random.Random(seed)
    paths = [p for p in _paths(doc) if p]
    for _ in range(count):
        path = rng.choice(paths)
        mutant = copy.deepcopy(doc)
        parent = mutant
        for key in path[:-1]:
            parent = parent[key]
        if isinstance(parent, dict) and rng.random() < 0.2:
            del parent[path[-1]]
        else:
            parent[path[-1]] = rng.choice(REPLACEMENTS)
        yield path, mutant


@pytest.mark.parametrize("sample", ["plan-196-KH-UBND.pdf", "plan-196-KH-UBND.docx"])
def test_agrees_with_jsonschema_on_mutated_documents(sample: str) -> None:
    doc = convert(ROOT / "samples" / sample)
    assert passes(doc)
    disagreements = [(path, passes(m), reference().is_valid(m)) for path, m in _mutants(doc, 600, seed=len(sample))
                     if passes(m) != reference().is_valid(m)]
    assert disagreements == []


@pytest.mark.parametrize("value, ok", [
    ("2024-10-02", True), ("2024-02-29", True), ("2023-02-29", False), ("2024-13-45", False),
    ("20240102", False), ("2024-1-5", False), ("２０２４-10-02", False), (5, True),
])
def test_date_format_as_jsonschema_checks_it(value, ok: bool) -> None:
    assert is_date(value) is ok
    assert FormatChecker().conforms(value, "date") is ok
