"""Suite-wide rules: on CI (CI=true) a skipped test is a failure, so a missing tool or
server (Chromium, Tesseract, PostgreSQL, git) cannot quietly shrink what CI checks; and a
run that leaves files in the repository fails (outputs belong in temporary folders or the
ignored out/): `git status` is compared before and after the session.

`xfail` markers are not skips: known misses stay visible as xfail(strict=True).
The fixtures more than one module reads live here too.
"""
from __future__ import annotations

import os
import shutil
import subprocess
from pathlib import Path

import pytest

# The suite's older tests read the messages in English; Vietnamese, the default of a run, is
# checked by test_i18n, which gives --lang (or `using_lang`) itself. Set before any test imports
# the pipeline; a language asked for in the environment is kept.
os.environ.setdefault("VNPLAN_LANG", "en")


@pytest.fixture(autouse=True)
def _language_of_the_environment():
    """Each test starts in the environment's language: a command run with `--lang` sets the run's
    language for the process, which would leak into the next test (and make order matter)."""
    from pipeline.data.messages import set_lang

    set_lang(None)
    yield
    set_lang(None)


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


ROOT = Path(__file__).resolve().parents[1]


def git_status(root: Path = ROOT) -> set[str] | str:
    """`git status --porcelain` entries (untracked files one by one, ignored ones left out),
    or why they cannot be had."""
    git = shutil.which("git")
    if git is None:
        return "git is not installed"
    if not (root / ".git").exists():
        return "not a git checkout (no .git)"
    run = subprocess.run([git, "status", "--porcelain", "--untracked-files=all", "-z"], cwd=root,
                         capture_output=True, timeout=120)
    if run.returncode != 0:
        return f"git status failed ({run.stderr.decode(errors='replace').strip()})"
    return set(filter(None, run.stdout.decode(errors="replace").split("\0")))


def stray_outputs(before: set[str] | str, after: set[str] | str) -> list[str] | str:
    """Entries the session added to `git status`, or why the check could not run."""
    if isinstance(before, str) or isinstance(after, str):
        return before if isinstance(before, str) else after
    return sorted(after - before)


def pytest_sessionstart(session):
    session.config.stash[_STATUS_BEFORE] = git_status()


@pytest.hookimpl(tryfirst=True)
def pytest_sessionfinish(session, exitstatus):
    before = session.config.stash.get(_STATUS_BEFORE, "the session did not start")
    found = stray_outputs(before, git_status())
    session.config.stash[_STRAY] = found
    if found and not isinstance(found, str) and exitstatus in (pytest.ExitCode.OK, pytest.ExitCode.TESTS_FAILED):
        session.exitstatus = pytest.ExitCode.TESTS_FAILED


def pytest_terminal_summary(terminalreporter):
    found = terminalreporter.config.stash.get(_STRAY, [])
    if isinstance(found, str):
        terminalreporter.write_line(f"stray-output check skipped: {found}")
    elif found:
        terminalreporter.write_line("FAILED: the tests left files in the repository (git status; write to "
                                    "tmp_path or out/ instead):", red=True)
        for entry in found:
            terminalreporter.write_line(f"  {entry}")


_STATUS_BEFORE = pytest.StashKey[object]()
_STRAY = pytest.StashKey[object]()


@pytest.fixture(scope="session")
def corpus(tmp_path_factory) -> dict[tuple[str, str], Path]:
    """Every variant file of tests/variants, built once per session: test_variants converts them,
    test_pdf_objects reads their pages."""
    from test_variants import build_corpus
    from variants.catalog import cases

    return build_corpus(tmp_path_factory.mktemp("variants"), cases())
