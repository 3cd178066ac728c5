"""The HTML diff report: self-contained, escaped, and rendered by a real browser.

The browser tests run Debian's `chromium` headless: a screenshot proves the page
renders, `--dump-dom` proves the rendered DOM holds the changed tasks side by
side with the word changes marked. Without chromium they skip locally but fail
in CI (CI=true), so a missing package cannot hide a broken report.
"""
from __future__ import annotations

import functools
import json
import struct
from html.parser import HTMLParser
from pathlib import Path

import pytest

import revisions as rv
from pipeline.conversion import convert
from pipeline.diff.plans import diff_plans
from pipeline.diff.html import render_html
from browser import chromium, run_chromium  # noqa: E402,F401 - tests/ is on sys.path; the fixture

WIDTH, HEIGHT = 1280, 2000
# A blank page's screenshot at this size is about 12 kB; a page with text is many times more.
MIN_PNG_BYTES = 40_000

SO_TAI_CHINH = rv.agency("so-tai-chinh-quang-ngai", "Sở Tài chính")


@functools.cache
def _base_json() -> str:
    return json.dumps(convert(rv.SAMPLE_DOCX), ensure_ascii=False)


def base() -> dict:
    return json.loads(_base_json())


def revised() -> dict:
    """Task 3 reworded, task 16 reassigned, task 5 dropped (so 16 becomes 15), a new date."""
    doc = rv.reword(base(), 3, "hợp tác,", "liên kết,")
    doc = rv.edit_task(doc, 16, lead=[SO_TAI_CHINH])
    doc = rv.remove_task(doc, 5)
    return rv.change_header(doc, issued_date="2024-11-01")


def report() -> str:
    return render_html(diff_plans(base(), revised()))


# --- the page as text -----------------------------------------------------------------


def test_page_is_self_contained() -> None:
    page = report()
    assert page.startswith("<!DOCTYPE html>") and '<meta charset="utf-8">' in page
    for needle in ("http://", "https://", "<script", "<link", " src=", "url("):
        assert needle not in page, needle


def test_word_changes_are_marked() -> None:
    page = report()
    assert "<del>hợp tác,</del>" in page and "<ins>liên kết,</ins>" in page
    assert "<del>Sở Kế hoạch và Đầu tư</del>" in page and "<ins>Sở Tài chính</ins>" in page


def test_document_text_is_escaped() -> None:
    """A task text with markup shows as text, never as HTML."""
    doc = rv.edit_task(base(), 1, note="<script>alert(1)</script> & <b>x</b>")
    page = render_html(diff_plans(base(), doc))
    assert "<script>" not in page and "&lt;script&gt;alert(1)&lt;/script&gt; &amp; &lt;b&gt;x&lt;/b&gt;" in page


def test_no_differences_page() -> None:
    page = render_html(diff_plans(base(), base()), lang="en")
    assert '<p class="no-changes">No differences.</p>' in page and 'class="task-change"' not in page


# --- the page in a browser ------------------------------------------------------------


def _chromium(binary: str, tmp_path: Path, *args: str):
    return run_chromium(binary, tmp_path / "profile", *args, timeout=120)  # a hang guard only


@pytest.fixture
def page(tmp_path: Path) -> Path:
    path = tmp_path / "diff.html"
    path.write_text(report(), encoding="utf-8")
    return path


def png_size(data: bytes) -> tuple[int, int]:
    """Width and height from a PNG's IHDR chunk."""
    assert data[:8] == b"\x89PNG\r\n\x1a\n", "not a PNG"
    return struct.unpack(">II", data[16:24])


def test_screenshot(chromium: str, page: Path, tmp_path: Path) -> None:
    shot = tmp_path / "diff.png"
    result = _chromium(chromium, tmp_path, f"--screenshot={shot}", f"--window-size={WIDTH},{HEIGHT}", page.as_uri())
    assert shot.exists(), result.stderr[-2000:]
    data = shot.read_bytes()
    assert png_size(data) == (WIDTH, HEIGHT)
    assert len(data) > MIN_PNG_BYTES


class _Dom(HTMLParser):
    """Collects the changed-task articles and the text of their <del>/<ins> marks."""

    def __init__(self) -> None:
        super().__init__()
        self.changes: list[tuple[str, str]] = []
        self.marks: dict[tuple[str, str], list[tuple[str, str]]] = {}
        self.sections: list[str] = []
        self._mark: str | None = None

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        values = dict(attrs)
        if tag == "article" and "task-change" in (values.get("class") or "").split():
            self.changes.append((values["data-old-number"] or "", values["data-new-number"] or ""))
            self.marks[self.changes[-1]] = []
        if tag == "section" and values.get("id"):
            self.sections.append(values["id"] or "")
        if tag in ("del", "ins"):
            self._mark = tag

    def handle_endtag(self, tag: str) -> None:
        if tag in ("del", "ins"):
            self._mark = None

    def handle_data(self, data: str) -> None:
        if self._mark and self.changes and self.sections[-1] == "tasks-changed":
            self.marks[self.changes[-1]].append((self._mark, data))


def test_rendered_dom_has_the_changed_tasks(chromium: str, page: Path, tmp_path: Path) -> None:
    result = _chromium(chromium, tmp_path, "--dump-dom", page.as_uri())
    assert result.returncode == 0, result.stderr[-2000:]
    dom = _Dom()
    dom.feed(result.stdout)
    assert dom.sections == ["summary", "document", "tasks-changed", "tasks-removed", "tasks-renumbered"]
    assert dom.changes == [("3", "3"), ("16", "15")]
    assert dom.marks[("3", "3")] == [("del", "hợp tác,"), ("ins", "liên kết,")]
    assert dom.marks[("16", "15")] == [("del", "Sở Kế hoạch và Đầu tư"), ("ins", "Sở Tài chính")]
