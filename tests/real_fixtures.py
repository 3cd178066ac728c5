"""Where the real documents are: handed to the project in `../shared/fixtures/` (real/ and
archive/, each with a README), or in `$VNPLAN_FIXTURES`; never copied into the repository.

A test that needs one skips, naming the folder, where they are absent; on CI a skip is a
failure (conftest.py), so they cannot quietly drop out there.
"""
from __future__ import annotations

import os
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
FIXTURES = Path(os.environ.get("VNPLAN_FIXTURES") or ROOT.parent / "shared" / "fixtures")
REAL = FIXTURES / "real"
ARCHIVE = FIXTURES / "archive"
ABSENT = f"real documents not found in {FIXTURES} (the shared fixtures; set VNPLAN_FIXTURES to their folder)"


def present(folder: Path = REAL) -> bool:
    return folder.is_dir() and any(folder.iterdir())


def real(name: str, folder: Path = REAL) -> Path:
    """The path of one real document; the calling test is skipped where it is absent."""
    path = folder / name
    if not path.exists():
        pytest.skip(ABSENT if not present(folder) else f"{name} not in {folder}")
    return path


def real_files(*patterns: str, folder: Path = REAL) -> list[Path]:
    """The real documents matching the glob patterns, sorted by name (empty where absent)."""
    if not present(folder):
        return []
    return sorted({p for pattern in patterns for p in folder.glob(pattern)}, key=lambda p: p.name)


def params(*patterns: str, folder: Path = REAL) -> list:
    """`real_files` as pytest parameters (ids the file names); where the folder is absent, one
    parameter that skips with the reason, so the test is reported rather than collected empty."""
    files = real_files(*patterns, folder=folder)
    if files:
        return [pytest.param(p, id=p.name) for p in files]
    return [pytest.param(None, id="absent", marks=pytest.mark.skip(reason=ABSENT))]
