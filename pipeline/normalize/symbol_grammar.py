"""A document symbol checked against its grammar, and mended where the evidence is clear.

A symbol is a type abbreviation and issuer codes joined by hyphens ("QĐ-UBND",
"KH-ĐKT", "QĐ-TTg"): the type abbreviations are the `symbol_codes` of
`data/document_types.csv`, the issuer codes those of `data/issuer_codes.csv`.
OCR misreads a letter of a short abbreviation ("Qb-UBND", "QĐĐ-SCT") or reads a
speck before it ("⁄KH-ĐKT"). A type part that is no known abbreviation is mended
only when one known abbreviation is one edit away and something else confirms
it: the document's own type line ("QUYẾT ĐỊNH" prints "QĐ"), or an issuer code
that names the body in the header ("UBND" under an "ỦY BAN NHÂN DÂN"). Anything
else is left as read, with a warning that names the field.
"""
from __future__ import annotations

import re
from dataclasses import replace

from pipeline.data.messages import message
from pipeline.normalize.citation_vocab import active_vocab
from pipeline.normalize.header import DocumentNumber
from pipeline.text import folded as fold
from pipeline.warnings import PlanWarning

# Marks that are no part of a symbol, read at its ends from specks and rules ("⁄KH-ĐKT", "KH-UBND.").
_EDGE_MARKS = re.compile(r"^[^\wĐđ]+|[^\wĐđ]+$")
# A type or issuer code as offices write them: capitals (a small letter or two: "TTg", "QĐi").
_PLAIN_CODE = re.compile(r"[A-ZĐ][A-Za-zĐđ]{1,7}")
# Letters Tesseract takes for one another in a capital abbreviation (each to one class).
_LOOKALIKES = str.maketrans({"b": "D", "đ": "D", "Đ": "D", "d": "D", "0": "O", "o": "O", "1": "I", "l": "I",
                             "|": "I", "5": "S", "8": "B"})
# One edit at most: a symbol's type part is two to four letters, two edits make another word.
MAX_TYPE_EDITS = 1
WHERE = "/document/symbol"


def type_codes() -> dict[str, str]:
    """Every type abbreviation of a symbol, and the type code it stands for ("QĐ" -> "quyet_dinh")."""
    return {code: row.code for code, row in active_vocab().type_by_symbol_code.items()}


def _issuer_confirms(parts: list[str], issuer_name: str | None) -> bool:
    """Whether an issuer code of the symbol names the body the header names ("UBND", Ủy ban nhân dân)."""
    codes = active_vocab().issuer_codes
    for part in parts:
        named = (codes.get(part) or (None, None))[0]
        if named and issuer_name and fold(named) in fold(issuer_name):
            return True
    return False


def _shape(text: str) -> str:
    """The letters as OCR confuses them: "Qb" and "QĐ" have one shape."""
    return text.translate(_LOOKALIKES).upper()


def _near(part: str, codes: list[str]) -> list[str]:
    """The known codes `part` may be a misreading of: the same shape, else within one edit."""
    from rapidfuzz.distance import Levenshtein  # only a scan's unknown symbol pays for it

    same = [c for c in codes if _shape(c) == _shape(part)]
    return same or [c for c in codes if Levenshtein.distance(fold(part), fold(c)) <= MAX_TYPE_EDITS
                    or Levenshtein.distance(part, c) <= MAX_TYPE_EDITS]


def mend_type_part(part: str, rest: list[str], type_code: str | None, issuer_name: str | None) -> str | None:
    """The known abbreviation an unknown type part stands for, when the evidence is clear; else None."""
    known = type_codes()
    near = _near(part, list(known))
    own = [c for c in near if known[c] == type_code]
    if len(own) == 1:
        return own[0]
    if len(near) == 1 and _issuer_confirms(rest, issuer_name):
        return near[0]
    return None


def check_symbol(symbol: str | None, type_code: str | None,
                 issuer_name: str | None) -> tuple[str | None, list[PlanWarning]]:
    """The symbol as read, mended or warned (see the module's docstring)."""
    if not symbol:
        return symbol, []
    trimmed = _EDGE_MARKS.sub("", symbol)
    head, sep, tail = (re.split(r"([-/])", trimmed, maxsplit=1) + ["", ""])[:3]
    rest = re.split(r"[-/]", tail) if tail else []
    if not head or head in type_codes() or head in active_vocab().issuer_codes:
        return _trimmed(symbol, trimmed)
    mended = mend_type_part(head, rest, type_code, issuer_name)
    if mended is None:
        if _PLAIN_CODE.fullmatch(head) and not _near(head, list(type_codes())):
            return _trimmed(symbol, trimmed)  # an issuer's own code the lists do not hold ("SNV" in "45/SNV-VP")
        return symbol, [PlanWarning("ocr_field_unsure", message("warning.symbol_unknown_type", symbol=symbol,
                                                                   part=head), WHERE)]
    fixed = mended + sep + tail
    return fixed, [PlanWarning("ocr_field_repaired", message("warning.symbol_repaired", read=symbol,
                                                                fixed=fixed), WHERE)]


def _trimmed(symbol: str, trimmed: str) -> tuple[str, list[PlanWarning]]:
    if trimmed == symbol:
        return symbol, []
    return trimmed, [PlanWarning("ocr_field_repaired", message("warning.symbol_repaired", read=symbol,
                                                                  fixed=trimmed), WHERE)]


def checked_number(number: DocumentNumber, type_code: str | None,
                   issuer_text: str | None) -> tuple[DocumentNumber, list[PlanWarning]]:
    """A number line's values with the symbol checked (and the code following a mended symbol)."""
    symbol, warnings = check_symbol(number.symbol, type_code, issuer_text)
    if symbol == number.symbol or not number.code or not number.symbol or not number.code.endswith(number.symbol):
        return replace(number, symbol=symbol), warnings
    return DocumentNumber(number.number, symbol, number.code[:-len(number.symbol)] + symbol), warnings
