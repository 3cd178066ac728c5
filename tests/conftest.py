"""Suite-wide rules: on CI (CI=true) a skipped test is a failure, so a missing tool or
server (Chromium, Tesseract, PostgreSQL, git) cannot quietly shrink what CI checks.

`xfail` markers are not skips: known misses stay visible as xfail(strict=True).
"""
from __future__ import annotations

import os

import pytest


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
