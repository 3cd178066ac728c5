"""The closing block: "Nơi nhận" recipients, the archive line, the signature.

Read by layout: two columns, recipients on one side and the signature on the
other, wherever they run. A page break cuts the block into pieces (a layout table
on each page, or bullets left alone at the top of the next page): the pieces are
read on while the recipients list is open (no archive line yet) or the signature
has no name yet. The block ends where both are done: what a PDF band took in
below the signer's name (an appendix title) is handed back as body text, and a
recipients-side line that is no recipient gets a warning.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import cache

from pipeline.data.messages import message
from pipeline.data import load_csv
from pipeline.ir import Block, Paragraph, Table
from pipeline.structure.blocks import is_rule, table_columns
from pipeline.structure.header import is_caption, match_type_line, match_type_prefix, without_motto
from pipeline.structure.signature import (
    MAX_SIGNATURE_LINE_WORDS, is_document_part, is_signature_note, match_authority, opens_signature,
    parse_signature, reads_as_name, signature_extent,
)
from pipeline.structure.types import RawClosing
from pipeline.text import fold_aligned, folded, is_upper, normalize_text
from pipeline.warnings import PlanWarning

# The drafter's mark typed after the archive line ("KGVX.thiên581", "NC.Châu"): the last
# token after a full stop holding a lower-case letter; archive codes are capitals.
_DRAFTER_MARK = re.compile(r"\.\s*([^\s.,;()]*[a-zđà-ỹ][^\s.,;()]*)\s*\.?$")
# The most lines a signature printed without "Nơi nhận" runs to (authorities, title, notes, name).
_LONE_SIGNATURE_LINES = 8
# Recipients typed in one paragraph with line breaks: "...tỉnh; - Bộ tư lệnh ...".
_INLINE_BULLET = re.compile(r"(?<=[;,.])\s+(?=[-–+•]\s)")
_BULLET = re.compile(r"^\s*[-–+•]\s*")


@cache
def _heads(part: str) -> tuple[re.Pattern[str], ...]:
    """The heading words of one part of the closing (data/closing_heads.csv), as folded patterns."""
    words = [folded(r["word"]) for r in load_csv("closing_heads.csv") if r["part"] == part]
    return tuple(re.compile(r"\s*" + r"\s+".join(map(re.escape, w.split())) + r"(?![^\W\d_])\s*:?\s*") for w in words)


def _head_length(text: str, part: str) -> int | None:
    """Length of the heading word at the start of `text` ("Nơi nhận:" -> 9), or None."""
    key = fold_aligned(text)
    lead = len(key) - len(key.lstrip(" -–+•"))
    for pattern in _heads(part):
        if m := pattern.match(key, lead):
            return m.end()
    return None


def is_recipients_head(text: str) -> bool:
    """"Nơi nhận:", "Nơi nhận" alone, "Nơi nhận - Như trên"; not a sentence that starts with the
    words ("Nơi nhận văn bản xác định những cơ quan ...", in a guide to document format)."""
    n = _head_length(text, "recipients")
    if n is None or text.lstrip().startswith(("-", "+", "•", "–")):
        return False
    rest = text[n:].lstrip()
    return ":" in text[:n] or not rest or rest[0] in "-–+•"


def _strip_recipients_head(text: str) -> str:
    n = _head_length(text, "recipients")
    return text[n:] if n is not None and is_recipients_head(text) else text


def _archive_text(text: str) -> str | None:
    """"Lưu: VT, KGVX" from "- Lưu: VT, KGVX"; None when the line is not the archive line."""
    stripped = _BULLET.sub("", text).strip()
    return stripped if _head_length(stripped, "archive") is not None else None


def is_closing_start(block: Block) -> bool:
    """A block that opens the closing: "Nơi nhận:" or a layout table holding it."""
    if isinstance(block, Paragraph):
        return is_recipients_head(block.text)
    if block.bordered:
        return False
    # the cell's first line with text: a cell may open with an empty line (Hướng dẫn 36-HD/VPTW)
    firsts = (next((p for p in col if p.text.strip()), None) for col in table_columns(block))
    return any(p is not None and is_recipients_head(p.text) for p in firsts)


def split_recipient_lines(lines: list[str]) -> tuple[list[str], str | None]:
    """Recipient entries (bullets stripped, wrapped lines rejoined) and the archive line."""
    entries: list[tuple[str, str]] = []  # (bullet, text)
    archive: str | None = None
    for raw in (piece for line in lines for piece in _INLINE_BULLET.split(line)):
        text = _strip_recipients_head(raw).strip()
        if not text:
            continue
        if (found := _archive_text(text)) is not None:
            archive = found
            continue
        if (bullet := _BULLET.match(text)) or not entries:
            entries.append((bullet.group().strip() if bullet else "", _BULLET.sub("", text)))
        else:
            entries[-1] = (entries[-1][0], f"{entries[-1][1]} {text}")
    kept = []
    for i, (bullet, text) in enumerate(entries):
        text = text.rstrip(" ;.,")
        following = entries[i + 1][0] if i + 1 < len(entries) else None
        # "- Các cơ quan, đơn vị:" only introduces the "+ ..." items under it: they are the recipients.
        # A colon before an item of the same bullet is a misprint (or OCR) of ";": the line is one.
        if text.endswith(":") and following is not None and following != bullet:
            continue
        if normalize_text(text.rstrip(":")):  # a line of invisible characters only is no recipient
            kept.append(text.rstrip(" :"))
    return kept, archive


def split_archive(archive: str | None) -> tuple[str | None, str | None]:
    """("Lưu: VT, KGVX", "thiên581") from "Lưu: VT, KGVX.thiên581"."""
    if not archive:
        return None, None
    mark = None
    if m := _DRAFTER_MARK.search(archive):
        mark = m.group(1)
        archive = archive[: m.start()]
    archive = re.sub(r"\s*:\s*", ": ", archive.rstrip(" .;,"), count=1)
    return archive, mark


# --------------------------------------------------------------------------- reading by layout


@dataclass
class _Columns:
    """What the closing has read so far, column by column."""

    recipients: list[Paragraph] = field(default_factory=list)
    signature: list[Paragraph] = field(default_factory=list)

    @property
    def recipients_open(self) -> bool:
        """The list runs on until its archive line ("Lưu: ..."), always its last line."""
        return not any(_archive_text(p.text) is not None for p in self.recipients)

    @property
    def signed(self) -> bool:
        return signature_extent([p.text for p in self.signature])[1]


@dataclass(frozen=True)
class ClosingRead:
    """The closing read from blocks[start:end]; `leftover` is text inside those blocks that
    follows the closing (below the signer's name, after the archive line): body text of
    what comes next."""

    start: int
    end: int
    closing: RawClosing
    leftover: tuple[Paragraph, ...] = ()
    warnings: tuple[PlanWarning, ...] = ()


def _is_recipient_line(text: str) -> bool:
    return is_recipients_head(text) or bool(_BULLET.match(text)) or _archive_text(text) is not None


def _is_signature_line(text: str) -> bool:
    """A line a signature column holds: authority, title or body, note, or the name."""
    text = text.strip()
    if not text or is_document_part(text):
        return False
    if match_authority(text) or is_signature_note(text):
        return True
    if is_upper(text):
        return len(text.split()) <= MAX_SIGNATURE_LINE_WORDS and not text.endswith(":")
    return reads_as_name(text)


def _recipient_side(column: list[Paragraph]) -> bool:
    texts = [p.text for p in column if p.text.strip()]
    return bool(texts) and (is_recipients_head(texts[0]) or sum(map(_is_recipient_line, texts)) * 2 >= len(texts))


def _table_sides(table: Table) -> tuple[list[Paragraph], list[Paragraph]] | None:
    """(recipients column, signature column) of a layout table; None when it holds neither."""
    columns = [c for c in table_columns(table) if any(p.text.strip() for p in c)]
    recipients = [c for c in columns if _recipient_side(c)]
    if not recipients:
        return None
    others = [p for c in columns if c is not recipients[0] for p in c]
    return recipients[0], others


def _paragraph_sides(para: Paragraph) -> tuple[list[Paragraph], list[Paragraph]]:
    """"Nơi nhận:<tab>KT. CHỦ TỊCH": a closing typed with tabs instead of a table."""
    left, *right = para.text.split("\t")
    rights = [Paragraph(t.strip(), para.bold, para.italic, para.align, para.pages) for t in right if t.strip()]
    left_para = Paragraph(left.strip(), para.bold, para.italic, para.align, para.pages)
    if _is_recipient_line(left):
        return [left_para], rights
    return [], ([left_para] if left.strip() else []) + rights


def _starts_something_else(block: Block) -> bool:
    """A block no closing holds: a ruled table, a header (motto), a type line, a caption, a document part."""
    if isinstance(block, Table):
        return block.bordered or any(without_motto(p.text) != p.text for col in table_columns(block) for p in col)
    text = block.text
    return (is_document_part(text) or is_caption(text) or without_motto(text) != text
            or match_type_line(text) is not None or (block.bold and match_type_prefix(text) is not None))


def _continues(block: Block, read: _Columns) -> tuple[list[Paragraph], list[Paragraph]] | None:
    """The block's (recipient, signature) paragraphs when it continues the closing, else None."""
    if _starts_something_else(block):
        return None
    if isinstance(block, Table):
        sides = _table_sides(block)
        if sides is None:  # the signature's last lines alone (the name on the next page)
            texts = [p for col in table_columns(block) for p in col if p.text.strip()]
            signature_only = not read.signed and texts and all(_is_signature_line(p.text) for p in texts)
            return ([], texts) if signature_only else None
        return sides
    text = block.text.strip()
    if not text or is_rule(text):
        return [], []
    if read.recipients_open and _is_recipient_line(text):
        return [block], []
    if read.recipients_open and read.recipients and _wraps_on(read.recipients[-1].text, text):
        return [block], []
    if not read.signed and _is_signature_line(text):
        return [], [block]
    return None


def _wraps_on(previous: str, text: str) -> bool:
    """A recipient wrapped onto the next line: the previous one has not ended its entry."""
    return not re.search(r"[;.]\s*$", previous) and not is_upper(text, 2) and len(text.split()) <= 12


def read_closing(blocks: list[Block], start: int) -> ClosingRead:
    """Read the closing that opens at blocks[start] (see `is_closing_start`)."""
    read = _Columns()
    first = blocks[start]
    sides = _table_sides(first) if isinstance(first, Table) else _paragraph_sides(first)
    read.recipients.extend(sides[0] if sides else [])
    read.signature.extend(sides[1] if sides else [])
    end = start + 1
    while end < len(blocks) and (read.recipients_open or not read.signed):
        more = _continues(blocks[end], read)
        if more is None:
            break
        read.recipients.extend(more[0])
        read.signature.extend(more[1])
        end += 1
    return _finish(read, start, end)


def _finish(read: _Columns, start: int, end: int) -> ClosingRead:
    """Cut each column where it ends; what follows is handed back, the recipients' side with a warning."""
    sig_end, _ = signature_extent([p.text for p in read.signature])
    signature, after_signature = read.signature[:sig_end], read.signature[sig_end:]
    recipients, after_list, warnings = _recipients_cut(read.recipients)
    lines, archive = split_recipient_lines([p.text for p in recipients])
    signature_lines = tuple(p.text.strip() for p in signature if p.text.strip())
    closing = RawClosing(tuple(lines), archive, signature_lines, parse_signature(signature_lines))
    leftover = tuple(p for p in after_signature + after_list if p.text.strip())
    return ClosingRead(start, end, closing, leftover, tuple(warnings))


def _recipients_cut(column: list[Paragraph]) -> tuple[list[Paragraph], list[Paragraph], list[PlanWarning]]:
    """(the list up to its archive line and the drafter's mark, what follows, warnings for it)."""
    for i, para in enumerate(column):
        if _archive_text(para.text) is not None:
            cut = i + 1
            # the drafter's mark or copy count on a line of its own ("thiên581", "(02b)")
            if cut < len(column) and len(column[cut].text.split()) == 1 and not is_upper(column[cut].text, 2):
                cut += 1
            rest = [p for p in column[cut:] if p.text.strip()]
            warnings = [PlanWarning("recipient_unplaced", message("warning.recipient_unplaced", line=repr(p.text.strip()),
                                                                  page=_on_page(p)), "recipients")
                        for p in rest]
            return column[:cut], rest, warnings
    return column, [], []


def _on_page(para: Paragraph) -> str:
    return message("warning.on_page", page=para.pages[0]) if para.pages else ""


def closing_from_blocks(blocks: list[Block]) -> RawClosing:
    """The closing held by these blocks (the first opens it); for callers with the blocks cut already."""
    if not blocks:
        return RawClosing()
    return read_closing(list(blocks), 0).closing


def read_lone_signature(blocks: list[Block], start: int, end: int) -> ClosingRead | None:
    """A closing that is a signature alone, with no "Nơi nhận" (a law, an ordinance, an assembly's
    resolution): the last lines before `end`, or before the first document part ("PHỤ LỤC"), when
    they open with an authority or a known title and end with the name."""
    stop = next((i for i in range(start, end) if isinstance(blocks[i], Paragraph) and is_document_part(blocks[i].text)), end)
    lines_end = stop
    while lines_end > start and not _block_lines(blocks[lines_end - 1]):
        lines_end -= 1
    first = lines_end
    while first > start and lines_end - first < _LONE_SIGNATURE_LINES and _all_signature_lines(blocks[first - 1]):
        first -= 1
    while first < lines_end and not opens_signature((_block_lines(blocks[first]) or [""])[0]):
        first += 1
    lines = tuple(line for block in blocks[first:lines_end] for line in _block_lines(block))
    if not lines or signature_extent(list(lines)) != (len(lines), True):
        return None
    return ClosingRead(first, lines_end, RawClosing((), None, lines, parse_signature(lines)))


def _block_lines(block: Block) -> list[str]:
    """The text lines of a paragraph, or of a layout table's cells (a signature in a borderless table)."""
    if isinstance(block, Paragraph):
        return [block.text.strip()] if block.text.strip() else []
    if block.bordered:
        return []
    return [p.text.strip() for col in table_columns(block) for p in col if p.text.strip()]


def _all_signature_lines(block: Block) -> bool:
    lines = _block_lines(block)
    return (not lines and isinstance(block, Paragraph)) or (bool(lines) and all(map(_is_signature_line, lines)))
