"""The warning registry (data/warning_codes.csv): every code emitted is listed, and every listed
code is exercised by a test."""
from __future__ import annotations

import re
from pathlib import Path

import pytest

from pipeline.warnings import PlanWarning, warning_codes

ROOT = Path(__file__).resolve().parents[1]
# A code is written as the first argument of PlanWarning(...) or assigned to `code`.
_EMITTED = re.compile(r"""PlanWarning\(\s*"([a-z_]+)"|\bcode\s*=\s*"([a-z_]+)"(?:\s+if\s+.*?\s+else\s+"([a-z_]+)")?""")


def _emitted_codes() -> set[str]:
    codes: set[str] = set()
    for path in (ROOT / "pipeline").rglob("*.py"):
        for match in _EMITTED.finditer(path.read_text(encoding="utf-8")):
            codes.update(c for c in match.groups() if c)
    return codes


def _test_sources() -> str:
    return "\n".join(p.read_text(encoding="utf-8") for p in (ROOT / "tests").rglob("*.py")
                     if p.name != Path(__file__).name)


def test_every_emitted_code_is_registered() -> None:
    assert sorted(_emitted_codes() - set(warning_codes())) == []


def test_registry_is_not_stale() -> None:
    """A listed code nothing emits is a leftover (or emitted in a way the scan misses: fix the scan)."""
    assert sorted(set(warning_codes()) - _emitted_codes()) == []


@pytest.mark.parametrize("code", sorted(warning_codes()))
def test_every_code_has_a_test(code: str) -> None:
    assert re.search(rf"""["']{code}["']""", _test_sources()), f"no test mentions warning code {code!r}"


@pytest.mark.parametrize("code", sorted(warning_codes()))
def test_every_code_has_a_meaning_and_a_vietnamese_label(code: str) -> None:
    row = warning_codes()[code]
    assert row["meaning"].strip() and row["label_vi"].strip()


def test_warning_is_a_value() -> None:
    assert PlanWarning("no_date", "m", "document.issued_date") == PlanWarning("no_date", "m", "document.issued_date")
