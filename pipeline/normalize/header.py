"""Header values: number and symbol from "Số: ...", place and date, signer text."""
from __future__ import annotations

import datetime as dt
import re
import unicodedata
from dataclasses import dataclass

from pipeline.data.messages import message
from pipeline.structure.doc_types import OFFICIAL_LETTER, DocumentType, type_from_symbol, type_vocabulary
from pipeline.structure.header import SUBJECT_START, number_part

from pipeline.warnings import PlanWarning
from pipeline.text import clean_whitespace

_NUMBER_LINE = re.compile(
    r"""^\s*(?:[^\W\d_][^\d:]{0,20}?\s+)?    # the type a law or an ordinance names first: "Luật số:"
        S[ốo]\s*[:.]?\s*(?:[.…_]+\s*)?        # a draft's blank may be dots: "Số: …/TTr-SNV"
        (?P<number>\d+(?:[.-]\d+)*[A-Za-z]?)?  # the number, left blank in a draft; "66.18", "130-12"
        \s*(?P<sep>[/-])?\s*
        (?P<year>(?:(?:19|20)?\d{2})\s*/\s*)?  # a year inside the code: 08/2024/QĐ-UBND, 02-02/26/PT-NC
        (?P<symbol>[^\s/].*?)?                 # the symbol: KH-UBND, KL/TW, QĐ-TTg, TTr-CAT(PC04)
        \s*$""",
    re.X | re.I,
)
# The place and the date are read apart: a stamp over one never takes the other with it.
_PLACE = re.compile(r"^\s*(?P<place>[^,\d]*?)\s*,?\s*ngày", re.I)
_DATE = re.compile(
    r"""ngày\s*(?P<day>\d{1,2})?\s*
        (?:tháng|/)\s*(?P<month>\d{1,2})?\s*
        (?:năm|/)\s*(?P<year>\d{4})?""",
    re.X | re.I,
)
# Marks no date line prints, read by OCR from specks and seal strokes ("ngày 15 tháng $ 3 năm 2025"):
# the date is read around them.
_STRAY_MARKS = re.compile(r"[$#@*^~|_<>{}\[\]\\\"“”'‘’!?;`]")
# A date in a caption: "ngày 10/3/2026", "ngày 23 / 3 /2022", "ngày 12 tháng 3 năm 2025".
_CAPTION_DATE = re.compile(r"ngày\s*(\d{1,2})\s*(?:/|tháng)\s*(\d{1,2})\s*(?:/|năm)\s*(\d{4})", re.I)
# The document a caption names: "Quyết định số 325/QĐ-UBND", "Kế hoạch số 1105 /KH-ĐKT".
_CAPTION_CODE = re.compile(r"\bsố\s*:?\s*(?P<code>\d+[A-Za-z]?\s*/\s*(?:(?:19|20)\d{2}\s*/\s*)?[^\s/,;()]+)", re.I)
_CAPTION_TYPE = re.compile(r"kèm theo\s+(?P<type>.+?)\s+số\b", re.I)
# A law, an ordinance or an assembly's resolution prints no place and date line: it is dated
# by the sitting that passed it ("Luật này được Quốc hội ... khóa XV, kỳ họp thứ 9 thông qua
# ngày 24 tháng 6 năm 2025.").
_PASSAGE_DATE = re.compile(
    r"""\b(?:bộ\s+luật|luật|pháp\s+lệnh|nghị\s+quyết)\s+này\s+(?:đã\s+)?được\s+[^.]{3,200}?
        \bthông\s+qua\s+ngày\s*(\d{1,2})\s*(?:/|tháng)\s*(\d{1,2})\s*(?:/|năm)\s*(\d{4})""",
    re.X | re.I,
)


@dataclass(frozen=True)
class DocumentNumber:
    number: str | None
    symbol: str | None
    code: str | None
    # A Party code: the number joined to the symbol by a hyphen ("69-KL/TW"), the type before the slash.
    party: bool = False


def _is_party(symbol: str | None) -> bool:
    """"KL/TW", "HD/VPTW": the type's abbreviation, then a slash (a state symbol "KH-UBND" has none)."""
    return bool(symbol) and "/" in symbol and "-" not in symbol.split("/")[0]


def parse_number_line(line: str | None) -> tuple[DocumentNumber, list[PlanWarning]]:
    """"Số: 196 /KH-UBND" -> 196, KH-UBND, 196/KH-UBND (spaces dropped; the number stays a string)."""
    if not line:
        return DocumentNumber(None, None, None), [PlanWarning("no_number", message("warning.no_number"), "/document/code")]
    m = _NUMBER_LINE.match(number_part(unicodedata.normalize("NFC", line)))
    if not m:
        return DocumentNumber(None, None, None), [PlanWarning("bad_number", message("warning.bad_number", line=repr(line)), "/document/code")]
    symbol = re.sub(r"\s+", "", m.group("symbol") or "") or None
    number = m.group("number")
    year = re.sub(r"\s+", "", m.group("year") or "")
    if number is None:
        return DocumentNumber(None, symbol, None, _is_party(symbol)), [
            PlanWarning("blank_number", message("warning.blank_number", line=repr(clean_whitespace(line))), "/document/number")
        ]
    sep = m.group("sep") or "/"
    code = f"{number}{sep}{year}{symbol}" if symbol else number
    return DocumentNumber(number, symbol, code, _is_party(symbol)), []


def parse_place_date(line: str | None) -> tuple[str | None, str | None, list[PlanWarning]]:
    """"Quảng Ngãi, ngày 02 tháng 10 năm 2024" -> ("Quảng Ngãi", "2024-10-02").

    A blank day or month (a draft) gives a null date with a warning; so does an
    impossible date, which is never guessed.
    """
    if not line:
        return None, None, [PlanWarning("no_date", message("warning.no_date"), "/document/issued_date")]
    place_match = _PLACE.match(line)
    place = clean_whitespace(place_match.group("place")) or None if place_match else None
    m = _DATE.search(_STRAY_MARKS.sub(" ", line))
    if not m:
        return place, None, [PlanWarning("bad_date", message("warning.bad_date", line=repr(line)), "/document/issued_date")]
    day, month, year = m.group("day"), m.group("month"), m.group("year")
    if not (day and month and year):
        return place, None, [
            PlanWarning("blank_date", message("warning.blank_date", line=repr(clean_whitespace(line))), "/document/issued_date")
        ]
    try:
        return place, dt.date(int(year), int(month), int(day)).isoformat(), []
    except ValueError:
        return place, None, [PlanWarning("impossible_date", message("warning.impossible_date_header", date=f"{day}/{month}/{year}"), "/document/issued_date")]


def passage_clause(texts: list[str]) -> re.Match[str] | None:
    """The passage sentence of a law or an assembly's resolution ("Luật này được Quốc hội ...
    thông qua ngày 24 tháng 6 năm 2025"): the last one printed (a quoted earlier law comes first)."""
    for text in reversed(texts):
        if found := list(_PASSAGE_DATE.finditer(text)):
            return found[-1]
    return None


def passage_date(texts: list[str]) -> str | None:
    """The date its passage sentence gives a law; None where none is printed or it is impossible."""
    if (m := passage_clause(texts)) is None:
        return None
    day, month, year = (int(g) for g in m.groups())
    try:
        return dt.date(year, month, day).isoformat()
    except ValueError:
        return None


@dataclass(frozen=True)
class Caption:
    """What a caption says of the document it names: "(Kèm theo Kế hoạch số 12/KH-UBND ngày 10/3/2026)"."""

    type_name: str | None
    code: str | None
    issued_date: str | None


def parse_caption(text: str | None) -> Caption:
    """Type, code and date named by a caption; None for what it leaves blank or garbled."""
    if not text:
        return Caption(None, None, None)
    type_match = _CAPTION_TYPE.search(text)
    code_match = _CAPTION_CODE.search(text)
    date_match = _CAPTION_DATE.search(text)
    issued = None
    if date_match:
        day, month, year = (int(g) for g in date_match.groups())
        try:
            issued = dt.date(year, month, day).isoformat()
        except ValueError:
            issued = None
    return Caption(
        clean_whitespace(type_match.group("type")) if type_match else None,
        re.sub(r"\s+", "", code_match.group("code")) if code_match else None,
        issued,
    )


@dataclass(frozen=True)
class TypeReading:
    """The document's type, its name and how it was found (contract 1.2 `type_source`)."""

    code: str
    name: str | None
    source: str  # "type_line", "subject", "symbol" or "none"


def read_document_type(type_line: DocumentType | None, number: DocumentNumber, subject: str | None) -> TypeReading:
    """The type line when there is one; else a công văn when a "V/v" subject stands under the
    number (the place Nghị định 30/2020 gives a công văn's subject, and no other type's: so
    "1234/CT-TTHT" with a subject is a Cục Thuế letter, not a Chỉ thị); else the abbreviation
    in the symbol ("TTr" in "409/TTr-CAT(PC04)", "KL" in "69-KL/TW"); else none."""
    if type_line is not None:
        return TypeReading(type_line.code, type_line.name, "type_line")
    if subject:
        letter = next((t for t in type_vocabulary().party.values() if t.code == OFFICIAL_LETTER), None)
        return TypeReading(OFFICIAL_LETTER, letter.name if letter else None, "subject")
    if (found := type_from_symbol(number.symbol, number.party)) is not None:
        return TypeReading(found.code, found.name, "symbol")
    return TypeReading("other", None, "none")


def parse_subject(lines: tuple[str, ...]) -> str | None:
    """The subject without "V/v", its lines joined: ("V/v lấy ý kiến góp ý", "dự thảo") -> "lấy ý kiến góp ý dự thảo"."""
    text = clean_whitespace(" ".join(lines))
    return clean_whitespace(SUBJECT_START.sub("", text, count=1)) or None
