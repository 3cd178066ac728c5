"""The document header: issuer, number line, place and date, type and title.

Per Nghị định 30/2020/NĐ-CP the header is a two-column block (issuer and "Số:"
on the left, national motto and place/date on the right), then the type name
("KẾ HOẠCH") and the summary title, centred and bold. Real files bend this:
the block may be a single cell, paragraphs, or a PDF band; so lines are
classified by what they say, not by where they stand.
"""
from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from functools import cache

from pipeline.data import load_lines
from pipeline.ir import Block, Paragraph, Table
from pipeline.structure.blocks import is_rule, table_columns
from pipeline.text import folded, is_upper
from pipeline.structure.doc_types import type_name_prefix, type_named
from pipeline.structure.sections import match_numbering
from pipeline.structure.types import RawHeader

# How many leading blocks may hold the header block before the type line.
HEADER_SEARCH_BLOCKS = 12

# "Số: 196/KH-UBND", "Số 69-KL/TU" (no colon before a digit), "SỐ:"; a law's "Luật số: 69/2025/QH15"
# (the words before "số" must name a type, see is_number_line).
_NUMBER_LINE = re.compile(r"^\s*(?P<lead>[^\W\d_][^\d:]{0,20}?)?\s*s[oố]\s*(?:[:.]|(?=\d))", re.I)
# The stamp an e-office system prints over a received file: "Số: 2775/SNV-CCHC; 10/11/2025; 10:59:46;"
# gives the registration number of the receiving office, not the document's own.
_RECEIPT_STAMP = re.compile(r";\s*\d{1,2}/\d{1,2}/\d{4}\s*;\s*\d{1,2}:\d{2}")
# The "V/v ..." subject of a công văn, under its number (or typed on after it in the same line).
SUBJECT_START = re.compile(r"^\s*(?:[Vv]/[Vv]|Về việc)(?!\w)\s*:?\s*")
# Where a subject glued to the number line starts: "... /SNV-TCBC V/v ...", "597/HC-QLHCV/vcấp ...".
_SUBJECT_INSIDE = re.compile(r"\s+(?=[Vv]/[Vv](?!\w))|(?<=\S)(?=V/v)")
# "Kính gửi:": a công văn's addressees; the type line, if any, stands before them.
_ADDRESSEES = re.compile(r"^\s*kinh\s+gui\b")
# A paragraph of this many words or more that is neither upper case, bold nor centred is body text:
# a type line after it is an appendix's heading, not the document's own.
BODY_TEXT_WORDS = 15
# A place/date typed after the number in the same paragraph (tabs became spaces).
_DATE_AFTER_NUMBER = re.compile(r"^(?P<number>\s*s[oố]\s*[:.]?\s*\d*\s*[-/]\s*\S+)\s+(?P<date>\S[^,]{0,40},\s*ngày\b.*)$", re.I)
# "Hà Nội, ngày 02 tháng 10 năm 2024"; a stamp over the day may glue it to "ngày" ("ngày15").
_PLACE_DATE = re.compile(r"ngay\s*\d*\s*\W?\s*thang\b.*\bnam\b|^[^,]{2,40},\s*ngay", re.I)
# "(Kèm theo Kế hoạch số 12/KH-UBND ...)", "(Ban hành kèm theo Quyết định số ...)": the caption
# of an appendix or of an attached document, naming the document it belongs to.
_CAPTION = re.compile(r"^\(?\s*(?:[\w ]{0,30}\s)?kem theo\b.*\bso\b", re.I)
# A number line or place/date glued to the issuer in one paragraph (one-cell headers).
_NUMBER_INSIDE = re.compile(r"(?=\bSố\s*[:.])")


@cache
def _motto() -> re.Pattern[str]:
    """The national motto lines (data/national_motto.txt), folded, words apart by any punctuation."""
    lines = [r"\W+".join(map(re.escape, folded(m).split())) for m in load_lines("national_motto.txt")]
    return re.compile("|".join(lines))


def without_motto(text: str) -> str:
    """The line without the motto; "" when it holds nothing else (a date typed after it stays)."""
    key = folded(text)
    spans = [m.span() for m in _motto().finditer(key)]
    if not spans:
        return text
    words = text.split()
    if len(words) != len(key.split()):
        return ""
    out, pos = [], 0
    for word, word_key in zip(words, key.split()):
        start = key.find(word_key, pos)
        pos = start + len(word_key)
        if not any(a <= start < b for a, b in spans):
            out.append(word)
    return " ".join(out).strip(" -–")


def is_caption(text: str) -> bool:
    """"(Kèm theo Kế hoạch số ...)", "(Ban hành kèm theo Quyết định số ...)"."""
    return bool(_CAPTION.match(folded(text)))


@dataclass(frozen=True)
class HeaderLine:
    text: str
    side: int  # grid column of the layout table, 0 for paragraphs


def match_type_line(text: str) -> tuple[str, str] | None:
    """("ke_hoach", "Kế hoạch") when the line is a type line such as "KẾ HOẠCH"."""
    if not is_upper(text):
        return None
    found = type_named(text)
    return (found.code, found.name) if found else None


def is_number_line(text: str) -> bool:
    """"Số: 12/KH-UBND", "Số 69-KL/TW", "Luật số: 69/2025/QH15"; not "Nghị định số 30 ..." in a sentence."""
    m = _NUMBER_LINE.match(unicodedata.normalize("NFC", text))
    if m is None or _RECEIPT_STAMP.search(text):
        return False
    # A law's number line has its colon ("Luật số: 69/2025/QH15"); a running header or a citation
    # ("Kế hoạch số 90/KH-UBND") has none.
    return not m.group("lead") or (type_named(m.group("lead")) is not None and m.group(0).rstrip().endswith(":"))


def is_place_date_line(text: str) -> bool:
    """"Lâm Đồng, ngày 12 tháng 3 năm 2026", "Hà Nội, ngày ... tháng ... năm ...": the place and date."""
    return bool(_PLACE_DATE.search(folded(text)))


def number_part(line: str) -> str:
    """The number line without a subject typed on after it ("Số: 963/SNV-CCHC V/v lấy ý kiến ...")."""
    return _SUBJECT_INSIDE.split(line, maxsplit=1)[0].strip()


def _split_glued(text: str) -> list[str]:
    """Header lines run together in one paragraph: "... TỈNH X Số: 12/KH-UBND    X, ngày ...",
    "Số: 963/SNV-CCHC V/v lấy ý kiến ..." (the subject typed on after the number)."""
    parts: list[str] = []
    for piece in (t.strip() for t in _NUMBER_INSIDE.split(unicodedata.normalize("NFC", text))):
        m = _DATE_AFTER_NUMBER.match(piece)
        pieces = [m.group("number").strip(), m.group("date").strip()] if m else [piece] if piece else []
        if pieces and is_number_line(pieces[0]):
            pieces[:1] = [t.strip() for t in _SUBJECT_INSIDE.split(pieces[0], maxsplit=1) if t.strip()]
        parts.extend(pieces)
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
    """Sort header lines into issuer, number, subject and place/date; drop the motto and rules."""
    issuer: list[str] = []
    subject: list[str] = []
    number = place_date = None
    issuer_side = min((ln.side for ln in lines), default=0)
    in_subject = False
    for line in lines:
        # Each field on its own: the motto dropped from its line leaves a date typed after it.
        text = without_motto(line.text)
        key = folded(text)
        if is_rule(text) or not key:
            in_subject = in_subject and not is_rule(text)
            continue
        on_issuer_side = line.side == issuer_side
        if is_number_line(text) and number is None:
            number = text
        elif _PLACE_DATE.search(key) and place_date is None:
            place_date = text
        elif number is not None and not subject and on_issuer_side and SUBJECT_START.match(text):
            subject.append(text)
            in_subject = True
            continue
        elif in_subject and on_issuer_side and not _ADDRESSEES.match(key):
            subject.append(text)  # the subject wrapped onto this line
            continue
        elif number is None and on_issuer_side and is_upper(text):
            issuer.append(text)
        in_subject = False
    return RawHeader(issuer_lines=tuple(issuer), number_line=number, place_date_line=place_date,
                     subject_lines=tuple(subject))


def match_type_prefix(text: str) -> tuple[str, str, str] | None:
    """("other", "Điều lệ", "(SỬA ĐỔI) QUỸ ...") for a type line with its title run on:
    "ĐIỀU LỆ (SỬA ĐỔI) QUỸ ..."; None when the line does not start with a type name."""
    if not is_upper(text):
        return None
    words = text.split()
    if len(words) != len(folded(text).split()):
        return None
    found = type_name_prefix(text)
    if found is None or not re.match(r"[\w(]", words[found[1]]):
        return None
    doc_type, n = found
    return doc_type.code, doc_type.name, " ".join(words[n:])


def _type_index(blocks: list[Block]) -> tuple[int, bool] | None:
    """(index of the type line, whether its title is run on) in the leading blocks.

    A type line with its title run on ("ĐIỀU LỆ QUỸ ...") counts only when no plain one
    is there and no numbered heading comes before it ("QUY ĐỊNH CHUNG" under "Chương I").
    """
    leading = blocks[:_header_zone_end(blocks)]
    paragraphs = [(i, b) for i, b in enumerate(leading) if isinstance(b, Paragraph)]
    for i, block in paragraphs:
        if match_type_line(block.text):
            return i, False
    for i, block in paragraphs:
        if match_numbering(block.text) is not None:
            return None
        if (block.bold or block.align == "center") and match_type_prefix(block.text):
            return i, True
    return None


def _header_zone_end(blocks: list[Block]) -> int:
    """Where a type line can no longer stand: at "Kính gửi" or at body text (a short công văn's
    closing and the appendix after it come later)."""
    for i, block in enumerate(blocks[:HEADER_SEARCH_BLOCKS]):
        if isinstance(block, Paragraph) and (_ADDRESSEES.match(folded(block.text)) or _is_body_text(block)):
            return i
    return min(len(blocks), HEADER_SEARCH_BLOCKS)


def _is_body_text(block: Paragraph) -> bool:
    """A long plain sentence; not a header line (motto, number, subject, place and date)."""
    text = without_motto(block.text)
    if len(text.split()) < BODY_TEXT_WORDS or block.bold or block.align == "center" or is_upper(text):
        return False
    return not (SUBJECT_START.match(text) or is_number_line(text) or is_place_date_line(text))


def _title_end(blocks: list[Block], start: int) -> int:
    """Index after the title paragraphs that follow the type line."""
    i = start
    while i < len(blocks):
        block = blocks[i]
        if not isinstance(block, Paragraph) or is_rule(block.text):
            break
        heading_like = block.bold or block.align == "center"
        # An upper-case line after the title ("CHỦ TỊCH ỦY BAN NHÂN DÂN TỈNH ...") starts the body,
        # and so does a numbered heading ("I. MỤC ĐÍCH", "1. Mục đích"): titles are not numbered;
        # a Tờ trình's "Kính gửi: ..." under its title (centred too) is not part of it.
        if (
            not heading_like
            or _ADDRESSEES.match(folded(block.text))
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
    found = _type_index(blocks)
    type_at = found[0] if found else None
    head_end = type_at if type_at is not None else _first_body_block(blocks)
    lines = [ln for block in blocks[:head_end] for ln in _lines_of(block)]
    raw = classify_header_lines(lines)
    if found is None:
        return raw, None, head_end
    type_text = blocks[type_at].text  # type: ignore[union-attr]
    if found[1]:
        code, display, run_on = match_type_prefix(type_text)  # type: ignore[misc]
    else:
        (code, display), run_on = match_type_line(type_text), None  # type: ignore[misc]
    title_end = _title_end(blocks, type_at + 1)
    texts = [b.text for b in blocks[type_at + 1:title_end] if isinstance(b, Paragraph)]
    title_lines, caption = _title_and_caption(texts)
    title = " ".join(([run_on] if run_on else []) + title_lines) or None
    body_start = title_end
    while body_start < len(blocks) and isinstance(blocks[body_start], Paragraph) and is_rule(blocks[body_start].text):
        body_start += 1
    header = RawHeader(raw.issuer_lines, raw.number_line, raw.place_date_line, display, title, caption,
                       raw.subject_lines)
    return header, code, body_start


def _title_and_caption(texts: list[str]) -> tuple[list[str], str | None]:
    """The title lines, and the "(Ban hành kèm theo ...)" caption under them (wrapped lines rejoined)."""
    title: list[str] = []
    caption: list[str] = []
    for text in texts:
        if caption and "(" in caption[0] and ")" not in " ".join(caption):
            caption.append(text)  # the caption wrapped onto this line
        elif is_caption(text) and not caption:
            caption.append(text)
        else:
            title.append(text)
    return title, " ".join(caption) or None


def _first_body_block(blocks: list[Block]) -> int:
    """Without a type line: the header is the leading layout table, if any."""
    for i, block in enumerate(blocks[:HEADER_SEARCH_BLOCKS]):
        if isinstance(block, Table) and not block.bordered:
            return i + 1
    return 0
