"""The review page (`vnplan inspect`), `vnplan render`, and the diff report, in a real browser.

Chromium renders each page headless: `--dump-dom` gives the DOM after the
page's script ran, where we check that every task's box sits on a page the task
stands on and that every warning links to an element that exists; screenshots
are kept as artefacts in out/artefacts/ (the repository's ignored out/ folder).
"""
from __future__ import annotations

import functools
import json
import os
import re
import shutil
import sys
from html.parser import HTMLParser
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parent))
import revisions as rv  # noqa: E402

from pipeline.cli.main import main as vnplan  # noqa: E402
from pipeline.conversion import convert  # noqa: E402
from pipeline.diff.context import has_differences, renamed_only, report_context, same_plan, side  # noqa: E402
from pipeline.diff.html import render_html  # noqa: E402
from pipeline.diff.plans import FieldChange, diff_plans  # noqa: E402
from pipeline.i18n import message, warning_label  # noqa: E402


@pytest.fixture(autouse=True)
def vietnamese_run(monkeypatch):
    """These pages are checked as a run without --lang makes them: in Vietnamese (the suite's
    default is English, conftest.py)."""
    monkeypatch.setenv("VNPLAN_LANG", "vi")
from pipeline.review.document import citation, to_html, to_markdown  # noqa: E402
from pipeline.review.inspect import pointer_of_where, review_file, warning_target  # noqa: E402
from pipeline.normalize.provenance import location_pieces

import browser  # noqa: E402 - tests/ is on sys.path
from browser import chromium  # noqa: E402,F401 - the fixture
from real_fixtures import real

ROOT = Path(__file__).resolve().parent.parent
SAMPLE_PDF = ROOT / "samples" / "plan-196-KH-UBND.pdf"
SAMPLE_DOCX = ROOT / "samples" / "plan-196-KH-UBND.docx"
HANOI = "10_KH-173-KH-UBND_HaNoi_2026-04-28_Festival-ThangLong.pdf"
ARTEFACTS = ROOT / "out" / "artefacts"


@functools.cache
def doc_of(path: Path) -> dict:
    return convert(path)


# --- render: the plan as a document --------------------------------------------------------


def test_markdown_has_header_group_rows_tasks_recipients_and_citations() -> None:
    md = to_markdown(doc_of(SAMPLE_PDF))
    assert "Số: 196/KH-UBND, Quảng Ngãi, ngày 2 tháng 10 năm 2024" in md
    assert "# KẾ HOẠCH" in md
    # the task table: a header row in Vietnamese, task 16 with its lead and its 2025 successor
    assert "| TT | Nội dung nhiệm vụ | Chủ trì | Phối hợp | Thời gian |" in md
    assert re.search(r"^\| 16 \| Chủ trì, phối hợp.*\| Sở Kế hoạch và Đầu tư \(từ 2025: Sở Tài chính\) \|", md, re.M)
    assert "- Thường trực Tỉnh ủy" in md
    # a cited document with type, number, date and issuer, as the plan prints it
    assert "- Kết luận số 69-KL/TW ngày 11/01/2024 của Bộ Chính trị" in md


def _official_letter() -> dict:
    """The sample re-dressed as a công văn (contract 1.2): no type line, a "V/v" subject."""
    doc = json.loads(json.dumps(doc_of(SAMPLE_PDF)))
    doc["document"] |= {"type": "cong_van", "type_name": "Công văn", "type_source": "subject",
                        "subject": "báo cáo, xin ý kiến cho phép sử dụng Điều lệ hội", "title": None}
    return doc


def test_markdown_of_a_công_văn_shows_its_subject_and_no_type_line() -> None:
    md = to_markdown(_official_letter())
    assert "V/v báo cáo, xin ý kiến cho phép sử dụng Điều lệ hội" in md
    assert "# CÔNG VĂN" not in md  # a công văn prints no type line: the page does not invent one
    assert "_Loại văn bản: Công văn_" in md


def test_review_page_of_a_công_văn_points_at_its_subject() -> None:
    html = "\n".join(to_html(_official_letter()).splitlines())
    assert 'data-ptr="/document/subject">báo cáo, xin ý kiến cho phép sử dụng Điều lệ hội<' in html
    assert "<h1" not in html.split("</header>")[0]


def test_markdown_keeps_group_rows() -> None:
    # Lâm Đồng draft 01: 56 tasks under Roman-numbered group rows, each printed once as a bold row.
    doc = doc_of(real("01_KH-UBND_LamDong_CCHC-2026-2030_draft-2026-03.docx"))
    md = to_markdown(doc)
    groups = list(dict.fromkeys(t["group"] for t in doc["tasks"] if t["group"]))
    assert groups and all(md.count(f"| **{g.replace('|', chr(92) + '|')}** |") == 1 for g in groups)


def test_english_on_request() -> None:
    md = to_markdown(doc_of(SAMPLE_PDF), lang="en")
    assert "| No. | Task | Lead | Cooperating | Timeframe |" in md and "Number: 196/KH-UBND" in md


def test_citation_without_date_or_issuer() -> None:
    ref = {"id": "Luật Ngân sách nhà nước", "code": None, "type_name": "Luật", "issued_date": None,
           "issuer": {"name": "Quốc hội"}, "aliases": ["Luật Ngân sách nhà nước"]}
    assert citation(ref) == "Luật Ngân sách nhà nước của Quốc hội"


def test_html_marks_every_task_with_its_pointer() -> None:
    doc = doc_of(SAMPLE_PDF)
    page = to_html(doc)
    assert page.count('<tr class="task" data-ptr="/tasks/') == len(doc["tasks"])
    assert '<html lang="vi">' in page and "<script" not in page


def test_render_command_writes_markdown(tmp_path: Path, capsys: pytest.CaptureFixture) -> None:
    target = tmp_path / "plan.md"
    assert vnplan(["render", str(SAMPLE_DOCX), "--to", "md", "-o", str(target)]) == 0
    assert "## Nơi nhận" in target.read_text(encoding="utf-8")


def test_render_command_bad_input_is_one_line(tmp_path: Path, capsys: pytest.CaptureFixture) -> None:
    bad = tmp_path / "bad.pdf"
    bad.write_bytes(b"")
    assert vnplan(["render", str(bad)]) == 1
    assert capsys.readouterr().err == f"vnplan: {bad}: tệp rỗng\n"


# --- messages ------------------------------------------------------------------------------


def test_every_message_has_both_languages() -> None:
    from pipeline.data import load_csv
    rows = load_csv("messages.csv")
    assert [r["key"] for r in rows if not r["vi"] or not r["en"]] == []


def test_warning_labels_are_vietnamese_by_default() -> None:
    assert warning_label("agency_unknown") == "Cơ quan không có trong danh mục"
    assert warning_label("agency_unknown", "en").startswith("a body named by a known head word")


# --- where a warning points ----------------------------------------------------------------

WHERE_CASES = [
    ("tasks[8].lead", "/tasks/8/lead"),  # the 1.0 form
    ("/tasks/8/lead", "/tasks/8/lead"),  # a 1.1 pointer as it is
    ("recipients[3]", "/recipients/3"),
    ("document.issued_date", "/document/issued_date"),
    ("header", "/document/title"),  # a part of the file: its most telling value
    ("source", None),  # the whole file: no value
]


@pytest.mark.parametrize("where, pointer", WHERE_CASES)
def test_pointer_of_where(where: str, pointer: str | None) -> None:
    assert pointer_of_where(where) == pointer


def test_a_warning_without_a_box_links_to_its_page() -> None:
    first = {"/tasks/0/lead": "b3"}
    assert warning_target({"where": "tasks[0].lead/1"}, first, [1, 2]) == "b3"  # nearest pointer above
    assert warning_target({"where": "source", "message": "garbled glyphs on page 2"}, first, [1, 2]) == "page-2"
    assert warning_target({"where": "body", "message": "text box skipped"}, first, [1, 2]) == "page-1"


# --- the review page in a browser ----------------------------------------------------------


# Screenshots of the review page hide the scroll bars; Chromium's hang guard is generous.
REVIEW_FLAGS = ("--hide-scrollbars",)
REVIEW_TIMEOUT = 180


def run_chromium(binary: str, profile: Path, *args: str):
    return browser.run_chromium(binary, profile, *REVIEW_FLAGS, *args, timeout=REVIEW_TIMEOUT)


def screenshot(binary: str, page: Path, name: str, tmp_path: Path, size: str = "1600,1000", fragment: str = "") -> Path:
    ARTEFACTS.mkdir(parents=True, exist_ok=True)
    shot = ARTEFACTS / name
    shot.unlink(missing_ok=True)
    result = run_chromium(binary, tmp_path / "profile", f"--screenshot={shot}", f"--window-size={size}", "--virtual-time-budget=5000", page.as_uri() + fragment)
    assert shot.exists() and shot.stat().st_size > 40_000, result.stderr[-2000:]
    return shot


class ReviewDom(HTMLParser):
    """Boxes (with their page), warning links and element ids of the rendered review page."""

    def __init__(self) -> None:
        super().__init__()
        self.page: int | None = None
        self.boxes: list[tuple[str, int, int | None]] = []  # (pointer, data-page, enclosing page)
        self.links: list[str] = []
        self.ids: set[str] = set()

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        a = dict(attrs)
        if a.get("id"):
            self.ids.add(a["id"] or "")
        if tag == "section" and "page" in (a.get("class") or "").split():
            self.page = int(a["data-page"] or 0)
        if tag == "div" and "box" in (a.get("class") or "").split():
            self.boxes.append((a.get("data-ptr") or "", int(a["data-page"] or 0), self.page))
        if tag == "a" and "warning" in (a.get("class") or "").split():
            self.links.append(a.get("data-target") or "")


@pytest.fixture(scope="module")
def hanoi_review(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("review")
    assert vnplan(["inspect", str(real(HANOI)), "-o", str(out)]) == 0
    return out / f"{Path(HANOI).stem}.review.html"


def test_review_page_dom(chromium: str, hanoi_review: Path, tmp_path: Path) -> None:
    result = run_chromium(chromium, tmp_path / "profile", "--dump-dom", hanoi_review.as_uri())
    assert result.returncode == 0, result.stderr[-2000:]
    dom = ReviewDom()
    dom.feed(result.stdout)
    doc = doc_of(real(HANOI))
    # every task's box is drawn inside the page it names, and that page is one the task stands on
    rows = {ptr: (page, inside) for ptr, page, inside in dom.boxes if re.fullmatch(r"/tasks/\d+", ptr)}
    assert len(rows) == len(doc["tasks"])
    for ptr, (page, inside) in rows.items():
        where = doc["provenance"][ptr]
        pages = {e["page"] for e in location_pieces(where)}
        assert page == inside and page in pages, ptr
    # every warning links to an element of the page, and a task warning to a box
    assert len(dom.links) == len(doc["warnings"]) > 0
    assert all(target in dom.ids for target in dom.links)
    assert all(t.startswith("b") for t, w in zip(dom.links, doc["warnings"]) if (w.get("where") or "").startswith("tasks"))
    screenshot(chromium, hanoi_review, "review-hanoi-173.png", tmp_path)
    task_page = rows["/tasks/10"][0]
    screenshot(chromium, hanoi_review, "review-hanoi-173-tasks.png", tmp_path, fragment=f"#page-{task_page}")


def test_review_page_is_self_contained(hanoi_review: Path) -> None:
    page = hanoi_review.read_text(encoding="utf-8")
    assert "http://" not in page and "https://" not in page and "<link" not in page
    assert page.count('<img src="data:image/jpeg;base64,') == doc_of(real(HANOI))["source"]["pages"]


def test_review_of_a_docx_draws_the_libreoffice_pages(chromium: str, tmp_path: Path) -> None:
    if shutil.which("soffice") is None:
        if os.environ.get("CI") == "true":
            pytest.fail("LibreOffice is not installed")
        pytest.skip("LibreOffice is not installed")
    review = review_file(SAMPLE_DOCX)
    assert review.pages >= 10 and message("review.docx_via_pdf") in review.html
    page = tmp_path / "docx.review.html"
    page.write_text(review.html, encoding="utf-8")
    screenshot(chromium, page, "review-sample-docx.png", tmp_path)


def test_inspect_bad_input_is_one_line(tmp_path: Path, capsys: pytest.CaptureFixture) -> None:
    bad = tmp_path / "x.docx"
    bad.write_text("not a docx", encoding="utf-8")
    assert vnplan(["inspect", str(bad), "-o", str(tmp_path)]) == 1
    assert capsys.readouterr().err == f"vnplan: {bad}: không phải tệp DOCX (không phải tệp nén zip)\n"
    assert not list(tmp_path.glob("*.html"))


# --- the diff report a reviewer files ------------------------------------------------------

SO_TAI_CHINH = rv.agency("so-tai-chinh-quang-ngai", "Sở Tài chính")
SO_NOI_VU = rv.agency("so-noi-vu-quang-ngai", "Sở Nội vụ")


def revised_pdf_plan() -> dict:
    """Task 16's lead renamed to its successor, task 2's lead really reassigned, two recipients gone."""
    doc = rv.edit_task(json.loads(json.dumps(doc_of(SAMPLE_PDF))), 16, lead=[SO_TAI_CHINH])
    doc = rv.edit_task(doc, 2, lead=[SO_NOI_VU])
    doc["recipients"] = doc["recipients"][:-2]
    return doc


def test_renamed_to_successor_is_told_apart_from_reassignment() -> None:
    old_lead = [a for t in doc_of(SAMPLE_PDF)["tasks"] if t["number"] == 16 for a in t["lead"]]
    assert renamed_only(FieldChange(old_lead, [SO_TAI_CHINH], added=[SO_TAI_CHINH], removed=old_lead))
    assert not renamed_only(FieldChange(old_lead, [SO_NOI_VU], added=[SO_NOI_VU], removed=old_lead))


def test_not_revisions_of_one_plan() -> None:
    hanoi, sample = doc_of(real(HANOI)), doc_of(SAMPLE_PDF)
    assert not same_plan(side(sample), side(hanoi))
    assert same_plan(side(sample), side(revised_pdf_plan()))


def test_diff_report_dom(chromium: str, tmp_path: Path) -> None:
    old, new = doc_of(SAMPLE_PDF), revised_pdf_plan()
    context = report_context(old, new, SAMPLE_PDF, None)
    diff = diff_plans(old, new)
    assert has_differences(diff, context)
    page = tmp_path / "diff.html"
    page.write_text(render_html(diff, context), encoding="utf-8")
    result = run_chromium(chromium, tmp_path / "profile", "--dump-dom", page.as_uri())
    dom = result.stdout
    assert "plan-196-KH-UBND.pdf" in dom and "Nhiệm vụ thay đổi" in dom
    # task 16: renamed; task 2: reassigned; both show their content for context and page links into the PDF
    t16 = dom[dom.index('data-old-number="16"'):]
    t16 = t16[:t16.index("</article>")]
    assert 'class="renamed"' in t16 and "Nghị định 45/2025/NĐ-CP" in t16 and 'href="file://' in t16 and "#page=9" in t16
    t2 = dom[dom.index('data-old-number="2"'):]
    assert 'class="reassigned"' in t2[:t2.index("</article>")]
    assert '<section id="recipients">' in dom and "− Công TTĐT tỉnh" in dom
    assert 'class="not-revisions"' not in dom
    screenshot(chromium, page, "diff-report.png", tmp_path, "1280,1800")


def test_diff_report_warns_on_two_different_plans(tmp_path: Path) -> None:
    old, new = doc_of(SAMPLE_PDF), doc_of(real(HANOI))
    page = render_html(diff_plans(old, new), report_context(old, new))
    assert f'<p class="not-revisions">{message("diff.not_revisions")}</p>' in page


def test_diff_exit_status(tmp_path: Path) -> None:
    new = tmp_path / "new.json"
    new.write_text(json.dumps(revised_pdf_plan(), ensure_ascii=False), encoding="utf-8")
    assert vnplan(["diff", str(SAMPLE_PDF), str(SAMPLE_PDF), "-o", str(tmp_path / "same.txt")]) == 0
    assert vnplan(["diff", str(SAMPLE_PDF), str(new), "--format", "html", "-o", str(tmp_path / "d.html")]) == 1
    assert vnplan(["diff", str(SAMPLE_PDF), str(tmp_path / "missing.json")]) == 2


def test_footnotes_are_looked_for_and_drawn_as_footnotes() -> None:
    from pipeline.review.docx_layout import text_pointers
    from pipeline.review.overlay import kind_of

    doc = {"sections": [], "tasks": [], "tables": [], "footnotes": [{"text": "Quyết định số 1/QĐ-UBND."}] * 2}
    assert text_pointers(doc)[-2:] == ["/footnotes/0", "/footnotes/1"]
    assert kind_of("/footnotes/1") == "footnote"
