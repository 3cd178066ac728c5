"""The command line's OCR progress: a line every few pages off a terminal, nothing for short scans
or under -q; through the forked conversion child, whose own stderr is silenced."""
from __future__ import annotations

import logging
from pathlib import Path

import pytest

from pipeline.cli import messages
from pipeline.cli.page_progress import LINE_EVERY, MIN_PAGES, PageProgress
from pipeline.limits import Limits, run_limited
from pipeline.data.progress import listening, page_done

SCAN = Path("archive/scan.pdf")


@pytest.fixture
def info_on():
    """Progress lines are info lines: shown unless -q (the CLI sets the level; a test does it here)."""
    before = messages.log.level
    messages.log.setLevel(logging.INFO)
    yield
    messages.log.setLevel(before)


def _tell(progress: PageProgress, total: int) -> None:
    for done in range(1, total + 1):
        progress(done, total)


def test_a_line_every_few_pages_and_at_the_last(info_on, capfd) -> None:
    total = 2 * LINE_EVERY + 3
    with PageProgress(SCAN, terminal=False) as progress:
        _tell(progress, total)
    lines = capfd.readouterr().err.splitlines()
    assert lines == [f"{SCAN}: OCR read {n}/{total} pages" for n in (LINE_EVERY, 2 * LINE_EVERY, total)]


def test_a_short_scan_says_nothing(info_on, capfd) -> None:
    with PageProgress(SCAN, terminal=False) as progress:
        _tell(progress, MIN_PAGES - 1)
    assert capfd.readouterr().err == ""


def test_quiet_hides_it(capfd) -> None:
    before = messages.log.level
    messages.log.setLevel(logging.WARNING)  # what -q sets
    try:
        with PageProgress(SCAN, terminal=False) as progress:
            _tell(progress, MIN_PAGES + 5)
    finally:
        messages.log.setLevel(before)
    assert capfd.readouterr().err == ""


def test_reaches_stderr_from_the_limited_child(info_on, capfd) -> None:
    """The conversion runs in a forked child with its stderr pointed at /dev/null: the progress
    still reaches the user's stderr (a copy taken before the fork)."""
    def work() -> str:
        for done in range(1, LINE_EVERY + 1):
            page_done(done, LINE_EVERY)
        return "done"

    with PageProgress(SCAN, terminal=False) as progress, listening(progress):
        ok, outcome = run_limited(work, Limits())
    assert (ok, outcome) == (True, "done")
    assert capfd.readouterr().err.splitlines() == [f"{SCAN}: OCR read {LINE_EVERY}/{LINE_EVERY} pages"]
