"""What captions say: the document an attachment belongs to, a date the header lost.

An attached plan prints "(Ban hành kèm theo Quyết định số 325/QĐ-UBND ngày
12/3/2025 ...)" under its title; an appendix prints "(Kèm theo Kế hoạch số
1105/KH-ĐKT ngày 10/3/2026)". Both name the main document by code and date.
"""
from __future__ import annotations

import re
from functools import cache

from pipeline.data.messages import message
from pipeline.data import load_csv
from pipeline.model import AttachedTo, DocumentMeta
from pipeline.normalize.header import parse_caption
from pipeline.text import folded
from pipeline.warnings import PlanWarning


@cache
def _relations() -> tuple[tuple[str, str], ...]:
    """(folded phrase, relation), longest phrase first (data/attachment_relations.csv)."""
    rows = [(folded(r["phrase"]), r["relation"]) for r in load_csv("attachment_relations.csv")]
    return tuple(sorted(rows, key=lambda r: -len(r[0])))


def relation_in(text: str | None) -> str | None:
    """"issued_with" / "approved_by" for the first phrase of the vocabulary the text holds."""
    key = f" {folded(text)} " if text else ""
    for phrase, relation in _relations():
        if f" {phrase} " in key or key.startswith(f" ({phrase} "):
            return relation
    return None


def attached_to(caption: str | None, main: DocumentMeta) -> AttachedTo:
    """Code, date and relation of the document an attachment belongs to.

    The caption says them; what it leaves blank (a draft's "số    /QĐ-UBND") is the
    main document's. The relation is the caption's verb ("ban hành kèm theo",
    "phê duyệt"), else the main document's title's ("Về việc phê duyệt Kế hoạch ..."),
    else "other" ("công nhận Điều lệ").
    """
    named = parse_caption(caption)
    relation = relation_in(caption) or relation_in(main.title) or "other"
    return AttachedTo(code=named.code or main.code, issued_date=named.issued_date or main.issued_date,
                      relation=relation)


def date_from_captions(captions: list[str], own_code: str | None, type_name: str | None
                       ) -> tuple[str | None, list[PlanWarning]]:
    """The issue date an appendix caption gives for this document (its code, or its type when
    the header's number is unreadable too), with a warning saying where it came from."""
    for caption in captions:
        named = parse_caption(caption)
        if named.issued_date is None:
            continue
        same_code = own_code is not None and named.code == own_code
        same_type = own_code is None and type_name and named.type_name and folded(named.type_name) == folded(type_name)
        if same_code or same_type:
            return named.issued_date, [PlanWarning(
                "date_from_caption", message("warning.date_from_caption", caption=repr(caption.strip())),
                "document.issued_date")]
    return None, []


def appendix_of(caption: str | None) -> AttachedTo:
    """What a file that is an appendix alone belongs to, as its caption names it ("(Kèm theo Báo cáo
    số .../BC-UBND ngày ... tháng 12 năm 2025)": a draft's blanks give a null code or date)."""
    named = parse_caption(caption)
    return AttachedTo(code=named.code, issued_date=named.issued_date, relation=relation_in(caption) or "other")


def part_label_name(label: str) -> str:
    """"PHỤ LỤC II" -> "Phụ lục II": an appendix's label as a type name (its numeral kept)."""
    words = label.strip().rstrip(":.").split()
    cased = [w if re.fullmatch(r"[IVXLC]+|\d+[a-z]?", w) else w.lower() for w in words]
    return " ".join(cased)[:1].upper() + " ".join(cased)[1:]
