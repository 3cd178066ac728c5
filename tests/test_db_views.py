"""The views and the documented queries (docs/db.md), on the sample and the real documents
loaded together by `vnplan load`, on SQLite and PostgreSQL (tests/db_engines.py)."""
from __future__ import annotations

import argparse
import json
import re
from pathlib import Path

import pytest
from sqlalchemy import text

from db_engines import ENGINES, empty_url
from pipeline.cli import load as load_cli
from pipeline.store import db
from store_corpus import corpus_files

ROOT = Path(__file__).resolve().parents[1]
DOC = ROOT / "docs" / "db.md"


def documented_queries() -> dict[str, str]:
    """The SQL blocks of docs/db.md by the name in the comment above each (<!-- query: NAME -->)."""
    found = re.findall(r"<!-- query: (\w+) -->\s*```sql\n(.*?)```", DOC.read_text(encoding="utf-8"), re.S)
    return dict(found)


def vnplan_load(*argv: str) -> int:
    parser = argparse.ArgumentParser(prog="vnplan")
    load_cli.add_parser(parser.add_subparsers(dest="command"))
    return load_cli.run(parser.parse_args(["load", *argv]))


@pytest.fixture(scope="module", params=ENGINES)
def loaded(request, tmp_path_factory):
    """A database of each kind with the whole corpus loaded by the command."""
    url = empty_url(request.param, tmp_path_factory.mktemp("views"))
    assert vnplan_load(*map(str, corpus_files()), "--db", url, "--create") == 0
    engine = db.make_engine(url)
    yield engine
    engine.dispose()


def query(engine, name: str) -> list:
    with engine.connect() as conn:
        return conn.execute(text(documented_queries()[name])).all()


# "Open tasks led by Sở Tài chính, in every province's plans, due in 2026", counted by reading the
# plans: (source file, the start of the task's text). Open: in the plan's current revision; due in
# 2026: the task's deadline window covers 2026 (a task with no deadline of its own is due over the
# plan's period, which the title gives).
FINANCE_2026 = [
    # 196/KH-UBND (Quảng Ngãi, 2024), task 16, "Hàng năm": led by Sở Kế hoạch và Đầu tư, merged
    # into Sở Tài chính on 1 March 2025; a yearly task of a plan with no end year
    ("plan-196-KH-UBND.docx", "Chủ trì, phối hợp tổng hợp, tham mưu cấp thẩm quyền bố trí vốn"),
    # Lâm Đồng, CCHC 2026-2030 (draft): appendix group of budget tasks, row 6, "Hằng năm"; in rows
    # 1-5 Sở Tài chính only checks ("Theo dõi, kiểm tra, đôn đốc"), the lead is another cell
    ("01_KH-UBND_LamDong_CCHC-2026-2030_draft-2026-03.docx", "Bố trí kinh phí chi thường xuyên giao tự chủ"),
    # Lâm Đồng, drug prevention to 2030 (draft, no date): section 4.5 "Sở Tài chính" has one task
    ("03_KH-UBND_LamDong_trien-khai-CTMTQG-PCMT-2030_draft-2025-10.docx", "Tham mưu triển khai thực hiện hiệu quả Nghị quyết số 201/2023"),
    # ... and section 8.1 "Sở Tài chính chủ trì, phối hợp các sở, ban, ngành": nine lines, each an
    # assignment: two lead-in lines ("Tham mưu ... quyết định:", "Tham mưu Ủy ban nhân dân tỉnh:")
    # with three and two items under them, and two more lines
    ("03_KH-UBND_LamDong_trien-khai-CTMTQG-PCMT-2030_draft-2025-10.docx", "Tham mưu Ủy ban nhân dân tỉnh xây dựng, trình Hội đồng nhân dân tỉnh quyết định"),
    ("03_KH-UBND_LamDong_trien-khai-CTMTQG-PCMT-2030_draft-2025-10.docx", "Phương án phân bổ vốn kế hoạch đầu tư công trung hạn"),
    ("03_KH-UBND_LamDong_trien-khai-CTMTQG-PCMT-2030_draft-2025-10.docx", "Mức vốn đối ứng từ ngân sách địa phương"),
    ("03_KH-UBND_LamDong_trien-khai-CTMTQG-PCMT-2030_draft-2025-10.docx", "Căn cứ tình hình thực tế ở địa phương, quyết định cụ thể tỷ lệ phân cấp"),
    ("03_KH-UBND_LamDong_trien-khai-CTMTQG-PCMT-2030_draft-2025-10.docx", "Tham mưu Ủy ban nhân dân tỉnh:"),
    ("03_KH-UBND_LamDong_trien-khai-CTMTQG-PCMT-2030_draft-2025-10.docx", "Lập, giao kế hoạch mục tiêu, nhiệm vụ, kế hoạch đầu tư công trung hạn"),
    ("03_KH-UBND_LamDong_trien-khai-CTMTQG-PCMT-2030_draft-2025-10.docx", "Thực hiện đồng bộ các giải pháp về huy động vốn"),
    ("03_KH-UBND_LamDong_trien-khai-CTMTQG-PCMT-2030_draft-2025-10.docx", "Chủ trì, phối hợp với các sở, ngành liên quan xây dựng, ban hành hướng dẫn"),
    ("03_KH-UBND_LamDong_trien-khai-CTMTQG-PCMT-2030_draft-2025-10.docx", "Chịu trách nhiệm về việc phân bổ, sử dụng kinh phí của Chương trình"),
    # Lâm Đồng, CCHC communication 2026: section 7 "Sở Tài chính: Trên cơ sở đề xuất ...".
    ("05_KH-UBND_LamDong_tuyen-truyen-CCHC-2026_draft-2026-01.docx", "Trên cơ sở đề xuất điều chỉnh, bổ sung dự toán kinh phí"),
    # ... and the TV-programme table (TT | Nội dung | Trách nhiệm thực hiện | Thời gian (Năm 2026)),
    # row 5: "Lãnh đạo Sở Tài chính" answers on 12 June. Its responsibility column names who carries
    # each item out, so it is a task table (issue 12: such a table is not to lose its tasks).
    ("05_KH-UBND_LamDong_tuyen-truyen-CCHC-2026_draft-2026-01.docx", "Giải đáp những vướng mắc, kiến nghị về công tác CCHC"),
    # 173/KH-UBND (Hà Nội, 2026), section V.11 "Sở Tài chính": two lines
    ("10_KH-173-KH-UBND_HaNoi_2026-04-28_Festival-ThangLong.pdf", "Căn cứ Kế hoạch được UBND Thành phố phê duyệt"),
    ("10_KH-173-KH-UBND_HaNoi_2026-04-28_Festival-ThangLong.pdf", "Chịu trách nhiệm kiểm tra việc phân bổ và giao dự toán"),
]


def _finance_rows(engine) -> list[tuple[str, str]]:
    return [(row.source_filename, row.content) for row in query(engine, "finance_2026")]


@pytest.mark.parametrize("source, start", FINANCE_2026, ids=[f"{s[:6]}-{t[:30]}" for s, t in FINANCE_2026])
def test_finance_2026_finds_the_task(loaded, source, start):
    assert any(f == source and content.startswith(start) for f, content in _finance_rows(loaded))


def test_finance_2026_finds_nothing_else(loaded):
    rows = _finance_rows(loaded)
    assert len(rows) == len(FINANCE_2026), rows


def test_latest_revisions_holds_each_plan_once(loaded):
    """Eight files, seven documents: the sample's PDF and DOCX are one."""
    rows = query(loaded, "plans_by_province")
    assert {(r.province_successor, r.plans) for r in rows} == {
        ("Quảng Ngãi", 1),  # 196/KH-UBND
        ("Lâm Đồng", 5),  # four Lâm Đồng drafts and Bình Thuận's decision (Bình Thuận merged into Lâm Đồng)
        ("Hà Nội", 1),  # 173/KH-UBND
    }


def test_tasks_by_deadline_year_counts_each_task_once_per_year(loaded):
    rows = {r.due_year: r.tasks for r in query(loaded, "tasks_per_year")}
    # 173/KH-UBND is a 2026 plan: its 66 tasks are all due in 2026 (none in 2027)
    assert rows[2026] >= 66 and rows[2026] > rows.get(2027, 0)


def test_top_cited_references_counts_plans(loaded):
    """Checked against the JSON: each reference's number of documents citing it."""
    docs = [json.loads(p.read_text(encoding="utf-8")) for p in corpus_files()]
    unique = {d["source"]["sha256"]: d for d in docs if not d["source"]["filename"].endswith(".pdf")
              or not d["source"]["filename"].startswith("plan-196")}
    citing: dict[str, int] = {}
    # an attached document (fixture 12's charter) is a document of its own in the database
    documents = [part for doc in unique.values() for part in [doc, *doc.get("attachments", [])]]
    for doc in documents:
        for ref in doc["references"]:
            citing[ref["id"]] = citing.get(ref["id"], 0) + 1
    for row in query(loaded, "top_cited"):
        assert row.plans == citing[row.key], row.key


@pytest.mark.parametrize("name", sorted(documented_queries()))
def test_every_documented_query_answers(loaded, name):
    """Each runs as written and finds something in the corpus (it has guessed agency names and
    warnings too: 04_KH-UBND's "Số lượng đơn vị kiểm tra", the Hà Nội plan's 16 warnings)."""
    assert query(loaded, name)
