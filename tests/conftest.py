"""Suite-wide rules: on CI (CI=true) a skipped test is a failure, so a missing tool or
server (Chromium, Tesseract, PostgreSQL, git) cannot quietly shrink what CI checks.

`xfail` markers are not skips: known misses stay visible as xfail(strict=True).
The fixtures more than one module reads live here too.
"""
from __future__ import annotations

import os
from pathlib import Path

import pytest

# The suite's older tests read the messages in English; Vietnamese, the default of a run, is
# checked by test_i18n, which gives --lang (or `using_lang`) itself. Set before any test imports
# the pipeline; a language asked for in the environment is kept.
os.environ.setdefault("VNPLAN_LANG", "en")


def on_ci() -> bool:
    return os.environ.get("CI", "").lower() in ("true", "1", "yes")


@pytest.hookimpl(hookwrapper=True)
def pytest_runtest_makereport(item, call):
    outcome = yield
    report = outcome.get_result()
    if on_ci() and report.skipped and not hasattr(report, "wasxfail"):
        reason = report.longrepr[2] if isinstance(report.longrepr, tuple) else str(report.longrepr)
        reason = reason.removeprefix("Skipped: ")
        report.outcome = "failed"
        report.longrepr = f"skipped on CI, where every test must run: {reason}"


@pytest.fixture(scope="session")
def corpus(tmp_path_factory) -> dict[tuple[str, str], Path]:
    """Every variant file of tests/variants, built once per session: test_variants converts them,
    test_pdf_objects reads their pages."""
    from test_variants import build_corpus
    from variants.catalog import cases

    return build_corpus(tmp_path_factory.mktemp("variants"), cases())
