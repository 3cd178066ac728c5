"""IR blocks → Skeleton: header, preamble, sections, tasks, closing."""
from __future__ import annotations

import re

from pipeline.ir import Block, Extracted, Paragraph, Table
from pipeline.warnings import PlanWarning
from pipeline.text import folded
from pipeline.structure.body_tasks import tasks_from_sections
from pipeline.structure.closing import closing_from_blocks, is_closing_start
from pipeline.structure.header import split_header
from pipeline.structure.sections import build_sections
from pipeline.structure.tables import read_tables
from pipeline.structure.types import RawTask, Skeleton

_APPENDIX_HEAD = re.compile(r"^phu luc\b")
_MOTTO = re.compile(r"cong hoa xa hoi chu nghia viet nam")


def _is_appendix_start(block: Block) -> bool:
    """Where the closing ends: an appendix title, a repeated header block or a ruled table."""
    if isinstance(block, Table):
        return block.bordered or any(_MOTTO.search(folded(p.text)) for row in block.rows for c in row.cells for p in c.paragraphs)
    return bool(_APPENDIX_HEAD.match(folded(block.text)))


def _closing_span(blocks: list[Block], start: int) -> tuple[int, int]:
    """[start, end) of the closing blocks; (len, len) when the document has none."""
    for i in range(start, len(blocks)):
        if is_closing_start(blocks[i]):
            end = i + 1
            while end < len(blocks) and not _is_appendix_start(blocks[end]):
                end += 1
            return i, end
    return len(blocks), len(blocks)


def _body_paragraphs(blocks: list[Block]) -> list[Paragraph]:
    return [b for b in blocks if isinstance(b, Paragraph) and b.text.strip()]


def _with_content(tasks: list[RawTask], warnings: list[PlanWarning]) -> list[RawTask]:
    """Tasks that say what is to be done; a row with no task text is reported, not kept."""
    kept = []
    for task in tasks:
        if task.cells.get("content", "").strip():
            kept.append(task)
        else:
            filled = ", ".join(f"{role}: {text}" for role, text in task.cells.items() if text.strip())
            warnings.append(PlanWarning("task_without_content", f"row {task.number or '?'} has no task text"
                                    + (f" ({filled})" if filled else ""), f"tables[{task.table}]"))
    return kept


def build_skeleton(extracted: Extracted) -> tuple[Skeleton, str | None]:
    """Split the blocks into the document's parts.

    Returns:
        The skeleton and the document type code read from the type line (None
        when there is none).
    """
    blocks = list(extracted.blocks)
    warnings = list(extracted.warnings)
    header, type_code, body_start = split_header(blocks)
    closing_start, closing_end = _closing_span(blocks, body_start)
    preamble, sections = build_sections(_body_paragraphs(blocks[body_start:closing_start]))
    closing = closing_from_blocks(blocks[closing_start:closing_end])
    table_tasks, data_tables = read_tables(blocks)
    tasks = _with_content(table_tasks or tasks_from_sections(sections), warnings)
    if type_code is None:
        warnings.append(PlanWarning("no_type_line", "no document type line (KẾ HOẠCH, QUYẾT ĐỊNH, ...) found", "header"))
    if closing_start == len(blocks):
        warnings.append(PlanWarning("no_closing", "no 'Nơi nhận' block found; recipients and signature may be missing", "closing"))
    skeleton = Skeleton(
        header, preamble, sections, tasks, closing, warnings=warnings, data_tables=data_tables,
        notes=list(extracted.notes),
    )
    return skeleton, type_code
