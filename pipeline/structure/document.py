"""IR blocks → Skeleton: header, preamble, sections, tasks, closing; attached documents.

One file may hold several documents: a decision and the plan (charter,
regulation) it issues, printed after the decision's closing. A closing followed
by a new header, a type line or a "(Ban hành kèm theo ...)" caption starts a new
document, which is read with the same steps and hangs under the first as an
attachment. Appendices (Phụ lục, Danh mục ...) after a closing stay with their
document.
"""
from __future__ import annotations

from dataclasses import dataclass, field, replace

from pipeline.data.messages import message
from pipeline.ir import Block, Extracted, Paragraph, Table
from pipeline.structure.blocks import table_columns
from pipeline.structure.body_tasks import tasks_from_sections
from pipeline.structure.closing import ClosingRead, is_closing_start, read_closing, read_lone_signature
from pipeline.structure.doc_types import type_vocabulary
from pipeline.structure.header import (
    HEADER_SEARCH_BLOCKS, is_caption, is_number_line, is_place_date_line, match_type_line, match_type_prefix,
    split_header, without_motto,
)
from pipeline.structure.sections import build_sections, match_numbering
from pipeline.structure.signature import is_document_part
from pipeline.structure.tables import read_tables, row_label, unread_number_warnings, untaken_task_tables
from pipeline.structure.types import RawAttachment, RawClosing, RawHeader, RawSection, RawTask, Skeleton
from pipeline.text import folded, is_upper, normalize_text
from pipeline.warnings import PlanWarning

# How many blocks after a closing may come before the type line of an attached document
# (a header table, a rule, an empty line).
ATTACHMENT_LEAD_BLOCKS = 3
# Numbering styles (structure.sections) of a body written in articles: "Chương I", "Điều 1".
_ARTICLE_STYLES = frozenset({"chuong", "dieu"})


@dataclass
class DocumentPart:
    """One document's blocks: up to its closing, the closing, and what follows it."""

    head: list[Block]
    closing_blocks: list[Block] = field(default_factory=list)
    closing: ClosingRead | None = None
    tail: list[Block] = field(default_factory=list)

    @property
    def blocks(self) -> list[Block]:
        return self.head + self.closing_blocks + self.tail


def _is_header_table(block: Block) -> bool:
    """A borderless table holding the national motto: the header of a new document."""
    if not isinstance(block, Table) or block.bordered:
        return False
    return any(without_motto(p.text) != p.text for col in table_columns(block) for p in col)


def _is_header_start(block: Block) -> bool:
    """A header table, or the national motto on its own line: a PDF that prints its documents one
    after another may leave a new document's header as lines (the motto's second line, "Độc lập -
    Tự do - Hạnh phúc", alone where the issuer stands beside it in another text run)."""
    if isinstance(block, Paragraph):
        return bool(block.text.strip()) and not without_motto(block.text).strip()
    return _is_header_table(block)


def _is_type_line(block: Block) -> bool:
    if not isinstance(block, Paragraph):
        return False
    return bool(match_type_line(block.text)) or bool(
        (block.bold or block.align == "center") and match_type_prefix(block.text))


def _opens_document(blocks: list[Block], i: int, own_type: str | None = None) -> bool:
    """A type line at blocks[i], or an upper-case title over a "(Kèm theo ...)" caption that is
    no appendix of the document above (`appendix_caption`)."""
    block = blocks[i]
    if not isinstance(block, Paragraph):
        return False
    if _is_type_line(block):
        return True
    nxt = blocks[i + 1] if i + 1 < len(blocks) else None
    return (is_upper(block.text, 4) and isinstance(nxt, Paragraph) and is_caption(nxt.text)
            and not appendix_caption(nxt.text, own_type))


# The caption words of a document issued or approved with the one above: always a new document.
_ISSUED_WITH = ("ban hanh kem theo", "phe duyet kem theo")
# Types whose "(Kèm theo <own type> ...)" captions still open documents: a decision issues
# what it attaches (a regulation, a list of members), a plan or a report only appends.
_ISSUING_TYPES = frozenset({"quyet_dinh", "nghi_quyet"})


def appendix_caption(caption: str, own_type: str | None) -> bool:
    """Whether a caption "(Kèm theo Kế hoạch số ...)" names the document above by its own type
    (a plan's "PHÂN CÔNG NHIỆM VỤ" table, a report's annex): its appendix, not a new document."""
    key = folded(caption).lstrip("( ")
    if own_type is None or own_type in _ISSUING_TYPES or key.startswith(_ISSUED_WITH):
        return False
    named = key.split("kem theo", 1)[-1].strip()
    return any(named.startswith(line + " ") and kind.code == own_type for line, kind in type_vocabulary().lines)


def attachment_start(blocks: list[Block], own_type: str | None = None) -> int | None:
    """Where a new document begins in the blocks after a closing, or None.

    A type line (or an upper-case title over a "(Kèm theo ...)" caption) within
    the first few blocks starts one, with the header table before it if any; so does a
    header table (the national motto) alone, the header of a document printed without a
    type line (a công văn). A document part label ("PHỤ LỤC II", "DANH MỤC ...") among
    those first blocks makes what follows an appendix of the document above (a repeated
    header table and all).
    """
    header_at = None
    for i, block in enumerate(blocks[:ATTACHMENT_LEAD_BLOCKS + 1]):
        if isinstance(block, Paragraph) and is_document_part(block.text):
            return None
        if _is_header_start(block):
            header_at = i if header_at is None else header_at
            continue
        if _opens_document(blocks, i, own_type):
            return header_at if header_at is not None else i
    # A header block with no type line under it: a document that prints none (a công văn). A motto
    # line with no number or date line under it either is the motto quoted in running text
    # (Hướng dẫn 36-HD/VPTW: "Ví dụ:" / "ĐẢNG CỘNG SẢN VIỆT NAM"), not a header.
    if header_at is not None and isinstance(blocks[header_at], Paragraph) and not _dated_or_numbered(
            blocks[header_at + 1:ATTACHMENT_LEAD_BLOCKS + 1]):
        return None
    return header_at


def _dated_or_numbered(blocks: list[Block]) -> bool:
    """Whether the blocks hold a number line ("Số: 12/UBND-VP") or a place and date line."""
    return any(isinstance(b, Paragraph) and (is_number_line(b.text) or is_place_date_line(b.text)) for b in blocks)


def _find_closing(blocks: list[Block], start: int, end: int) -> ClosingRead | None:
    for i in range(start, end):
        if is_closing_start(blocks[i]):
            return read_closing(blocks, i)
    return read_lone_signature(blocks, start, end)


def _next_header(blocks: list[Block], start: int, own_type: str | None = None) -> int:
    """Index of the next document's header table (motto, then a type line), or len(blocks).

    A document printed without a closing of its own (an attached plan) ends there: a header
    table with the motto only stands at the top of a document, or of an appendix, which a
    document-part label then names.
    """
    for i in range(start, len(blocks)):
        if _is_header_start(blocks[i]) and attachment_start(blocks[i:], own_type) == 0:
            return i
    return len(blocks)


def split_documents(blocks: list[Block]) -> list[DocumentPart]:
    """The documents printed in one file, in order; the first is the main one."""
    parts: list[DocumentPart] = []
    rest = list(blocks)
    own_type = split_header(rest)[1]  # the main document's: its own appendices name it
    while True:
        _, _, body_start = split_header(rest)
        next_header = _next_header(rest, max(body_start, 1), own_type)
        closing = _find_closing(rest, body_start, next_header)
        if closing is None:
            parts.append(DocumentPart(rest[:next_header]))
            if next_header == len(rest):
                return parts
            rest = rest[next_header:]
            continue
        after = list(closing.leftover) + rest[closing.end:]
        part = DocumentPart(rest[:closing.start], rest[closing.start:closing.end], closing)
        begin = attachment_start(after, own_type)
        if begin is None:
            part.tail = after
            parts.append(part)
            return parts
        part.tail = after[:begin]
        parts.append(part)
        rest = after[begin:]


def _body_paragraphs(blocks: list[Block]) -> list[Paragraph]:
    """The body's paragraphs in reading order. An unruled table in the body is layout, not data
    (a form's signature boxes side by side, a sample heading beside its note): its cells' lines
    are text of the body, row by row; ruled tables are read as tables, and a header block printed
    again over an appendix (issuer beside the motto) is the document's header, not text."""
    out: list[Paragraph] = []
    for block in blocks:
        if isinstance(block, Paragraph):
            out.append(block)
        elif not block.bordered and not _is_header_start(block):
            out.extend(p for row in block.rows for cell in row.cells for p in cell.paragraphs)
    return [p for p in out if normalize_text(p.text)]


def _with_content(tasks: list[RawTask], warnings: list[PlanWarning]) -> list[RawTask]:
    """Tasks that say what is to be done; a row with no task text is reported, not kept."""
    kept = []
    for task in tasks:
        if normalize_text(task.cells.get("content", "")):  # invisible characters only: no text
            kept.append(task)
        else:
            filled = ", ".join(f"{role}: {text}" for role, text in task.cells.items() if text.strip())
            text = message("warning.task_without_content", row=task.number or "?")
            warnings.append(PlanWarning("task_without_content", text + (f" ({filled})" if filled else ""),
                                        None, row_label(task)))
    return kept


def _plan_tasks(table_tasks: list[RawTask], sections: list[RawSection], after_closing: list[Block]) -> list[RawTask]:
    """The plan's tasks: an appendix task table lists them all; task tables inside the body
    list only some (a schedule of broadcasts under one heading), so the body's own tasks
    ("1. Sở Nội vụ: a) ...") are kept after them; without a task table, the body's."""
    if not table_tasks:
        return tasks_from_sections(sections)
    if read_tables(after_closing)[0]:
        return table_tasks
    return table_tasks + tasks_from_sections(sections)


def _unglue_caption_end(blocks: list[Block]) -> list[Block]:
    """A caption's last line run together with the heading under it ("... tỉnh Hà Tĩnh) Chương I",
    as a PDF producer lays them out) is cut in two: the heading opens the body."""
    out: list[Block] = []
    in_caption = False
    for block in blocks[:HEADER_SEARCH_BLOCKS]:
        if isinstance(block, Paragraph):
            in_caption = in_caption or is_caption(block.text)
            head, close, rest = block.text.rpartition(")")
            if in_caption and close and rest.strip() and match_numbering(rest.strip()) is not None:
                out += [replace(block, text=head + close), replace(block, text=rest.strip())]
                in_caption = False
                continue
            in_caption = in_caption and ")" not in block.text
        out.append(block)
    return out + blocks[HEADER_SEARCH_BLOCKS:]


def _part_skeleton(part: DocumentPart, warnings: list[PlanWarning], attached: bool) -> tuple[Skeleton, str | None]:
    head = _unglue_caption_end(part.head)
    header, type_code, body_start = split_header(head)
    header = _as_appendix(header, type_code, _body_paragraphs(head[body_start:]))
    preamble, sections = build_sections(_body_paragraphs(head[body_start:]))
    table_tasks, data_tables = read_tables(part.blocks)
    # A body of articles (a decision, a charter, a regulation) assigns no tasks item by item.
    first = match_numbering(sections[0].number or "") if sections else None
    by_articles = first is not None and first.style in _ARTICLE_STYLES
    tasks = table_tasks if by_articles else _plan_tasks(table_tasks, sections, part.closing_blocks + part.tail)
    tasks = _with_content(tasks, warnings)
    sections = sections + appendix_sections(part.tail)
    warnings.extend(unread_number_warnings(tasks))
    warnings.extend(untaken_task_tables(data_tables))
    if header.part_label:  # an appendix alone prints no type line or closing: it says what it belongs to
        said = (message("warning.appendix_alone", caption=header.caption) if header.caption
                else message("warning.appendix_alone_unnamed", label=header.part_label))
        warnings.append(PlanWarning("appendix_alone", said, "/document/attached_to"))
    elif type_code is None and not header.subject_lines:  # a công văn prints no type line, but its subject
        warnings.append(PlanWarning("no_type_line", message("warning.no_type_line"), "/document/type"))
    if part.closing is None and not attached and not header.part_label:
        warnings.append(PlanWarning("no_closing", message("warning.no_closing"), "/recipients"))
    if part.closing is not None:
        warnings.extend(part.closing.warnings)
    # appendix captions, before the closing (no closing printed) or after it
    captions = [b.text for b in head[body_start:] + part.tail if isinstance(b, Paragraph) and is_caption(b.text)]
    skeleton = Skeleton(
        header, preamble, sections, tasks, part.closing.closing if part.closing else RawClosing(),
        warnings=warnings, data_tables=data_tables, captions=captions, blocks=tuple(part.blocks),
    )
    return skeleton, type_code


def _as_appendix(header: RawHeader, type_code: str | None, body: list[Paragraph]) -> RawHeader:
    """A file that is an appendix alone, with no header of its own ("PHỤ LỤC II" / its title /
    "(Kèm theo Quyết định số .../QĐ-UBND ...)"): the label, title and caption stand for its header
    (the lines stay in the body as printed)."""
    if type_code is not None or header.number_line or header.subject_lines or not body:
        return header
    lines = [p.text.strip() for p in body[:HEADER_SEARCH_BLOCKS]]
    if not is_document_part(lines[0]):
        return header
    cut = _appendix_title_end(lines)
    cut = next((i for i in range(1, cut) if match_numbering(lines[i]) is not None), cut)  # "I. ..." opens the body
    if cut >= len(lines) or not is_caption(lines[cut]):  # no caption naming its document: the label and title
        alone = cut > 1 and not header.issuer_lines  # alone on the first page, under no header at all
        return replace(header, part_label=lines[0], title=" ".join(lines[1:cut])) if alone else header
    caption = [lines[cut]]
    for line in lines[cut + 1:]:  # the caption wrapped onto the next lines
        if ")" in " ".join(caption):
            break
        caption.append(line)
    return replace(header, part_label=lines[0], title=" ".join(lines[1:cut]) or None, caption=" ".join(caption))


def _appendix_title_end(lines: list[str]) -> int:
    """How many of an appendix's first lines are its title: up to its caption "(Kèm theo ...)"
    (the lines are wrapped differently in a PDF and a DOCX), else the label and the upper-case
    lines under it."""
    caption = next((i for i, text in enumerate(lines) if is_caption(text)), None)
    if caption:
        return caption
    end = 1
    while end < len(lines) and is_upper(lines[end], 4):
        end += 1
    return end


def appendix_sections(tail: list[Block]) -> list[RawSection]:
    """The text printed after the closing that starts no new document: the document's own
    appendices (Phụ lục, biểu mẫu, danh mục ...), each from its part label on a section titled
    by the label and the title lines under it, its caption and text as paragraphs, its numbered
    headings as children."""
    groups: list[list[Paragraph]] = []
    for para in _body_paragraphs(tail):
        if is_document_part(para.text) or not groups:
            groups.append([])
        groups[-1].append(para)
    out: list[RawSection] = []
    for group in groups:
        preamble, children = build_sections(group)
        if not preamble:
            out.extend(children)
            continue
        cut = _appendix_title_end(preamble)
        title, rest = " ".join(preamble[:cut]), preamble[cut:]
        out.append(RawSection(None, title, 1, rest, children, pages=group[0].pages,
                              paragraph_pages=[() for _ in rest]))
    return out


def _pages(blocks: list[Block]) -> tuple[int, ...]:
    pages = {p for b in blocks for p in b.pages}
    return (min(pages), max(pages)) if pages else ()


def build_skeleton(extracted: Extracted) -> tuple[Skeleton, str | None]:
    """Split the blocks into the document's parts, and the documents attached to it.

    Returns:
        The skeleton and the document type code read from the type line (None
        when there is none).
    """
    first, *others = split_documents(list(extracted.blocks))
    skeleton, type_code = _part_skeleton(first, list(extracted.warnings), attached=False)
    for part in others:
        attached, code = _part_skeleton(part, [], attached=True)
        skeleton.attachments.append(RawAttachment(attached, code, _pages(part.blocks)))
    skeleton.notes = list(extracted.notes)
    skeleton.ocr_unsure = extracted.ocr_unsure
    return skeleton, type_code
