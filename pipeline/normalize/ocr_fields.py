"""Header fields read by OCR: each with its own confidence, warned when unsure or handwritten.

The document-level `ocr_used` warning gives a mean over every word, which hides the
one field that matters being misread. Here each header field is judged by its
least sure word: the OCR words read under `FIELD_CONFIDENCE` on the page the field
stands on (the header's page, or the signature's) are looked for in the field's
text, and a field that holds one gets `ocr_field_unsure`, naming the field, the
page and the words. A number or a day left blank on a scan is not a draft's blank
but ink Tesseract cannot read (handwritten into the printed form, or stamped):
`handwritten_field`, never a guess.
"""
from __future__ import annotations

from pipeline.data.messages import message
from pipeline.structure.types import Skeleton
from pipeline.warnings import PlanWarning

# A header field whose least sure word Tesseract read under this confidence (0-100) is
# warned: on the scanned corpus right words read 90-96, misread ones 40-85.
FIELD_CONFIDENCE = 80.0
# ...but a word with a digit under this: a number has no redundancy (no grammar catches a wrong
# digit), and a number written by hand into the form reads as printed digits at 74-87% (archive
# 009 "519" as "2", 031 "03" as "02", 048 "932" as "332"), printed ones at 91-97%.
NUMBER_CONFIDENCE = 93.0
# A Vietnamese full name has three syllables or more ("Nguyễn Văn Thắng"): a signer of fewer on a
# scan lost part of it under the seal (the scanned decision 707: "Văn Thắng").
MIN_NAME_SYLLABLES = 3
# Fields no other warning names when the header rules find none on a scan (a missing number,
# date or type line has its own): a stamp over the title or the signature hides them from OCR.
_MISSED = ("title", "signer")
# A draft's blank number or day on a typed page; on a scan, ink OCR could not read.
_BLANK_CODES = {"blank_number": "number", "blank_date": "issued_date"}


def read_by_ocr(warnings: list[PlanWarning]) -> bool:
    """Whether the document's text came (at least in part) from OCR."""
    return any(w.code == "ocr_used" for w in warnings)


def _fields(skeleton: Skeleton) -> list[tuple[str, str | None, bool]]:
    """(field, its text, whether it stands on the last page) for each header field."""
    header, signer = skeleton.header, skeleton.closing.signer
    return [("issuer", " ".join(header.issuer_lines) or None, False), ("code", header.number_line, False),
            ("issued_date", header.place_date_line, False), ("type", header.type_line, False),
            ("title", header.title, False), ("signer", signer.name if signer else None, True)]


def _pages(skeleton: Skeleton) -> tuple[int, int]:
    pages = [p for b in skeleton.blocks for p in b.pages] or [1]
    return min(pages), max(pages)


def _threshold(word: str) -> float:
    return NUMBER_CONFIDENCE if any(ch.isdigit() for ch in word) else FIELD_CONFIDENCE


def unsure_field_warnings(skeleton: Skeleton) -> list[PlanWarning]:
    """One warning per header field holding a word OCR read under its threshold on its page (or,
    for the signer, a name too short to be whole)."""
    first, last = _pages(skeleton)
    warnings = []
    for name, text, on_last in _fields(skeleton):
        page = last if on_last else first
        if text is None and name in _MISSED:
            warnings.append(PlanWarning("ocr_field_unsure", message("warning.ocr_field_missing", field=name,
                                        page=page), f"/document/{name}"))
            continue
        tokens = set((text or "").split())
        weak = sorted({(conf, word) for p, word, conf in skeleton.ocr_unsure
                       if p == page and word in tokens and conf < _threshold(word)})
        if name == "signer" and text and len(text.split()) < MIN_NAME_SYLLABLES:
            warnings.append(PlanWarning("ocr_field_unsure", message("warning.ocr_name_short", name=text,
                                        page=page), "/document/signer"))
        elif weak:
            words = ", ".join(f"{word!r} ({conf:.0f}%)" for conf, word in weak[:5])
            warnings.append(PlanWarning("ocr_field_unsure", message("warning.ocr_field_unsure", field=name,
                                        page=page, words=words), f"/document/{name}"))
    return warnings


def handwritten(warnings: list[PlanWarning], page: int) -> list[PlanWarning]:
    """A scan's blank number or day reported as handwritten or stamped, not as a draft's blank."""
    return [PlanWarning("handwritten_field", message("warning.handwritten_field", field=_BLANK_CODES[w.code],
                                                     page=page), w.where)
            if w.code in _BLANK_CODES else w for w in warnings]


def ocr_header_warnings(skeleton: Skeleton, header_warnings: list[PlanWarning]) -> list[PlanWarning]:
    """The header's warnings as an OCR'd document needs them: blanks as handwriting, unsure fields named."""
    return handwritten(header_warnings, _pages(skeleton)[0]) + unsure_field_warnings(skeleton)
