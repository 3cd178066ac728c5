"""Warm a process before it forks conversions: what every conversion sets up once, done once.

Each file converts in a child forked from the `vnplan batch` worker or the `vnplan convert`
process (`pipeline.limits`), and what that child imports, reads or compiles dies with it. A
cold worker's children each paid that set-up again before their file's own work: importing
the PDF and DOCX readers, reading and indexing the vocabularies and the gazetteer, compiling
patterns. Measured in the child, the sample DOCX took 0.26 s of CPU cold and 0.15 s warm, the
sample PDF 0.9 s and 0.7 s. `warm_up` does it once in the parent, so every child is forked
with it done.

It converts a plan of a few lines built here as IR (header, sections, a task table, the
signature and recipients), through the same steps a file goes through. What a real plan
reaches is loaded whatever its name, and no list of caches has to be kept in step with the
vocabularies.
"""
from __future__ import annotations

import functools
import importlib
import logging

from pipeline.ir import Alignment, Cell, Extracted, Paragraph, Row, Table
from pipeline.model import Source
from pipeline.normalize.plan import build_plan
from pipeline.output.serialize import plan_to_dict
from pipeline.output.validate import validation_errors
from pipeline.structure.document import build_skeleton

# The readers a child would otherwise import for its file (pdfplumber and pdfminer, python-docx
# and lxml): the larger part of the set-up, and their shared objects are then mapped before a
# memory limit is set (see `conversion._import_extractor`).
EXTRACTORS = ("pipeline.extract.pdf.reader", "pipeline.extract.docx.reader")

# The plan converted to warm up: each line is (text, bold). Column cells hold their lines.
_ISSUER = (("ỦY BAN NHÂN DÂN", False), ("TỈNH LÂM ĐỒNG", True), ("Số: 1/KH-UBND", False))
_MOTTO = (("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", True), ("Độc lập - Tự do - Hạnh phúc", True),
          ("Lâm Đồng, ngày 02 tháng 10 năm 2024", False))
_OPENING = (
    ("KẾ HOẠCH", True),
    ("Triển khai Quyết định số 12/QĐ-TTg ngày 05/3/2025 của Thủ tướng Chính phủ", True),
    ("Thực hiện Kết luận số 40-KL/TW ngày 10/02/2025 của Bộ Chính trị, Ủy ban nhân dân tỉnh "
     "ban hành Kế hoạch thực hiện như sau:", False),
    ("I. MỤC ĐÍCH, YÊU CẦU", True),
    ("1. Mục đích", True),
    ("- Triển khai kịp thời, hiệu quả các nhiệm vụ trọng tâm trong năm 2025.", False),
    ("II. NHIỆM VỤ VÀ GIẢI PHÁP", True),
)
# Section II when the tasks are in the appendix's table...
_TABLE_NOTE = (("(Nhiệm vụ cụ thể tại Phụ lục kèm theo).", False),)
# ...and when they are written in the body, with labelled lines (`structure.body_tasks`).
_BODY_TASKS = (
    ("1. Tổ chức hội nghị triển khai Kế hoạch", True),
    ("- Đơn vị chủ trì: Sở Nội vụ.", False),
    ("- Đơn vị phối hợp: Các sở, ban, ngành; UBND các huyện, thành phố.", False),
    ("- Thời gian thực hiện: Quý III/2025.", False),
)
# An agency heading under the implementation part: tasks assigned to it (`body_tasks`).
_CLOSING = (
    ("III. TỔ CHỨC THỰC HIỆN", True),
    ("1. Sở Tài chính chủ trì, phối hợp các sở, ban, ngành", True),
    ("Bố trí kinh phí thực hiện Kế hoạch theo quy định.", False),
    ("Giao Sở Khoa học và Công nghệ chủ trì, phối hợp với UBND các huyện, thành phố theo dõi, "
     "báo cáo UBND tỉnh trước ngày 15/12/2025.", False),
)
_RECIPIENTS = (("Nơi nhận:", True), ("- Bộ Khoa học và Công nghệ (báo cáo);", False),
               ("- CT, PCT UBND tỉnh;", False), ("- Các sở, ban, ngành tỉnh;", False), ("- Lưu: VT, KGVX.", False))
_SIGNATURE = (("KT. CHỦ TỊCH", True), ("PHÓ CHỦ TỊCH", True), ("Trần Văn An", True))
_APPENDIX = (("Phụ lục", True), ("(Kèm theo Kế hoạch số 1/KH-UBND ngày 02/10/2024 của UBND tỉnh)", False))
_TASKS = (
    ("TT", "Nội dung nhiệm vụ", "Cơ quan chủ trì", "Cơ quan phối hợp", "Thời gian thực hiện", "Sản phẩm"),
    ("1.", "Xây dựng kế hoạch phát triển khoa học và công nghệ (Quyết định 318/QĐ-UBND ngày "
     "14/4/2021 của UBND tỉnh)", "Sở Khoa học và Công nghệ", "Các sở, ban, ngành và UBND các huyện, "
     "thị xã, thành phố", "Quý II/2026", "Kế hoạch"),
    ("2.", "Rà soát, hoàn thiện cơ chế, chính sách về quản lý tài chính công", "Sở Tài chính",
     "Công an tỉnh", "Thường xuyên", ""),
)


def _paragraphs(lines: tuple[tuple[str, bool], ...], align: Alignment | None = None) -> tuple[Paragraph, ...]:
    return tuple(Paragraph(text, bold=bold, align=align) for text, bold in lines)


def _layout(*columns: tuple[tuple[str, bool], ...]) -> Table:
    """A borderless table of one row: the header's and the signature's two columns."""
    cells = tuple(Cell(_paragraphs(lines, "center"), col=i) for i, lines in enumerate(columns))
    return Table(rows=(Row(cells),), n_cols=len(columns), bordered=False)


def _grid(rows: tuple[tuple[str, ...], ...]) -> Table:
    """A ruled table, one cell a column, the first row its header."""
    built = tuple(Row(tuple(Cell(_paragraphs(((text, i == 0),)) if text else (), col=c)
                            for c, text in enumerate(row))) for i, row in enumerate(rows))
    return Table(rows=built, n_cols=len(rows[0]))


def warm_up_plan(task_table: bool) -> Extracted:
    """The IR of a plan `warm_up` converts: every part, a few lines each; its tasks in an
    appendix's table, or written in the body."""
    body = (*_OPENING, *(_TABLE_NOTE if task_table else _BODY_TASKS), *_CLOSING)
    blocks = (_layout(_ISSUER, _MOTTO), *_paragraphs(body), _layout(_RECIPIENTS, _SIGNATURE))
    if task_table:
        blocks += (*_paragraphs(_APPENDIX, "center"), _grid(_TASKS))
    return Extracted(blocks=blocks, pages=None)


@functools.cache
def warm_up() -> bool:
    """Import the readers and convert the `warm_up_plan`s once in this process; True when they converted.

    Safe to call anywhere, any number of times: a failure (a broken `--data` vocabulary) is
    left for each file's own conversion to report, with its file's name, in its child.
    """
    try:
        for name in EXTRACTORS:
            importlib.import_module(name)
        for task_table in (True, False):
            skeleton, type_code = build_skeleton(warm_up_plan(task_table))
            plan = build_plan(skeleton, type_code, Source("warm-up.docx", "docx", "0" * 64, None))
            validation_errors(plan_to_dict(plan))
    except Exception as exc:  # noqa: BLE001  (every file's child meets it again and says so)
        logging.getLogger(__name__).debug("warm-up failed: %s", exc)
        return False
    return True
