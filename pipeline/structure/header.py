"""The document header: issuer, number line, place and date, type and title.

Per Nghị định 30/2020/NĐ-CP the header is a two-column block (issuer and "Số:"
on the left, national motto and place/date on the right), then the type name
("KẾ HOẠCH") and the summary title, centred and bold. Real files bend this:
the block may be a single cell, paragraphs, or a PDF band; so lines are
classified by what they say, not by where they stand.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

from pipeline.data import load_csv
from pipeline.ir import Block, Paragraph, Table
from pipeline.structure.blocks import is_rule, table_columns
from pipeline.text import folded, is_upper
from pipeline.structure.sections import match_numbering
from pipeline.structure.types import RawHeader

# How many leading blocks may hold the header block before the type line.
HEADER_SEARCH_BLOCKS = 12

_MOTTO = re.compile(r"cong hoa xa hoi chu nghia viet nam|doc lap\W+tu do\W+hanh phuc|dang cong san viet nam")
# "Số: 196/KH-UBND", "Số 69-KL/TU" (no colon before a digit), "SỐ:".
_NUMBER_LINE = re.compile(r"^\s*s[oố]\s*(?:[:.]|(?=\d))", re.I)
# A place/date typed after the number in the same paragraph (tabs became spaces).
_DATE_AFTER_NUMBER = re.compile(r"^(?P<number>\s*s[oố]\s*[:.]?\s*\d*\s*[-/]\s*\S+)\s+(?P<date>\S[^,]{0,40},\s*ngày\b.*)$", re.I)
_PLACE_DATE = re.compile(r"ngay\b.*\bthang\b.*\bnam\b", re.I)
# A number line or place/date glued to the issuer in one paragraph (one-cell headers).
_NUMBER_INSIDE = re.compile(r"(?=\bSố\s*[:.])")


@dataclass(frozen=True)
class HeaderLine:
    text: str
    side: int  # grid column of the layout table, 0 for paragraphs


# The contract's codes for a document's own type; other types (Quy chế, Đề án ...) are "other".
CONTRACT_TYPES = frozenset(
    {"ke_hoach", "quyet_dinh", "nghi_quyet", "chi_thi", "cong_van", "thong_bao", "bao_cao",
     "to_trinh", "ket_luan", "nghi_dinh", "thong_tu", "luat"}
)


@cache
def document_type_names() -> tuple[tuple[str, str, str], ...]:
    """(folded name, code, display name) for the type line, longest first."""
    rows = load_csv("document_types.csv")
    names = [(folded(r["word"]), r["code"] if r["code"] in CONTRACT_TYPES else "other", r["word"]) for r in rows]
    return tuple(sorted(names, key=lambda n: -len(n[0])))


def match_type_line(text: str) -> tuple[str, str] | None:
    """("ke_hoach", "Kế hoạch") when the line is a type line such as "KẾ HOẠCH"."""
    if not is_upper(text):
        return None
    key = folded(text)
    for name, code, display in document_type_names():
        if key == name:
            return code, display
    return None


def _split_glued(text: str) -> list[str]:
    """Header lines run together in one paragraph: "... TỈNH X Số: 12/KH-UBND    X, ngày ..."."""
    parts: list[str] = []
    for piece in (t.strip() for t in _NUMBER_INSIDE.split(text)):
        m = _DATE_AFTER_NUMBER.match(piece)
        parts.extend([m.group("number").strip(), m.group("date").strip()] if m else [piece] if piece else [])
    return parts


def _side_by_side(text: str, side: int) -> list[HeaderLine]:
    """A header line; text typed on both sides with tabs ("ỦY BAN ...<tab>CỘNG HÒA ...") is two."""
    return [HeaderLine(t, side + k) for k, part in enumerate(text.split("\t")) for t in _split_glued(part)]


def _lines_of(block: Block) -> list[HeaderLine]:
    if isinstance(block, Paragraph):
        return _side_by_side(block.text, 0)
    lines: list[HeaderLine] = []
    for side, column in enumerate(table_columns(block)):
        for para in column:
            lines.extend(_side_by_side(para.text, side))
    return lines


def classify_header_lines(lines: list[HeaderLine]) -> RawHeader:
    """Sort header lines into issuer, number and place/date; drop the motto and rules."""
    issuer: list[str] = []
    number = place_date = None
    issuer_side = min((ln.side for ln in lines), default=0)
    for line in lines:
        key = folded(line.text)
        if is_rule(line.text) or _MOTTO.search(key):
            continue
        if _NUMBER_LINE.match(line.text) and number is None:
            number = line.text
        elif _PLACE_DATE.search(key) and place_date is None:
            place_date = line.text
        elif number is None and line.side == issuer_side and is_upper(line.text):
            issuer.append(line.text)
    return RawHeader(issuer_lines=tuple(issuer), number_line=number, place_date_line=place_date)


def _type_index(blocks: list[Block]) -> int | None:
    for i, block in enumerate(blocks[:HEADER_SEARCH_BLOCKS]):
        if isinstance(block, Paragraph) and match_type_line(block.text):
            return i
    return None


def _title_end(blocks: list[Block], start: int) -> int:
    """Index after the title paragraphs that follow the type line."""
    i = start
    while i < len(blocks):
        block = blocks[i]
        if not isinstance(block, Paragraph) or is_rule(block.text):
            break
        heading_like = block.bold or block.align == "center"
        # An upper-case line after the title ("CHỦ TỊCH ỦY BAN NHÂN DÂN TỈNH ...") starts the body,
        # and so does a numbered heading ("I. MỤC ĐÍCH", "1. Mục đích"): titles are not numbered.
        if (
            not heading_like
            or match_numbering(block.text) is not None
            or (i > start and is_upper(block.text) and not is_upper(blocks[i - 1].text))
        ):
            break
        i += 1
    return i


def split_header(blocks: list[Block]) -> tuple[RawHeader, str | None, int]:
    """Find the header in the leading blocks.

    Returns:
        The raw header, the document type code (None when no type line was
        found) and the index of the first body block.
    """
    type_at = _type_index(blocks)
    head_end = type_at if type_at is not None else _first_body_block(blocks)
    lines = [ln for block in blocks[:head_end] for ln in _lines_of(block)]
    raw = classify_header_lines(lines)
    if type_at is None:
        return raw, None, head_end
    code, display = match_type_line(blocks[type_at].text)  # type: ignore[misc]
    title_end = _title_end(blocks, type_at + 1)
    title = " ".join(b.text for b in blocks[type_at + 1:title_end] if isinstance(b, Paragraph)) or None
    body_start = title_end
    while body_start < len(blocks) and isinstance(blocks[body_start], Paragraph) and is_rule(blocks[body_start].text):
        body_start += 1
    header = RawHeader(raw.issuer_lines, raw.number_line, raw.place_date_line, display, title)
    return header, code, body_start


def _first_body_block(blocks: list[Block]) -> int:
    """Without a type line: the header is the leading layout table, if any."""
    for i, block in enumerate(blocks[:HEADER_SEARCH_BLOCKS]):
        if isinstance(block, Table) and not block.bordered:
            return i + 1
    return 0
