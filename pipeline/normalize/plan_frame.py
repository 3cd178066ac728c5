"""The plan's frame: the year a plan is for, which a timeframe that names no year takes.

"Quý III" or "tháng 9" in a plan for 2026 is due in 2026 (`Timeframe.inferred`), so that
"tasks due in 2026" is one query over plans of every shape.
"""
from __future__ import annotations

import re
from functools import cache

from pipeline.normalize.timeframes import YEAR, load_words, patterns
from pipeline.text import fold_aligned, normalize_text


@cache
def _title_year() -> re.Pattern[str]:
    """"năm 2026" in a title: the year the plan is for, unless a word of `not_plan_year_after`
    stands before it ("đến năm 2030" ends a period) or a second year follows ("năm 2026 - 2030")."""
    not_after = "".join(rf"(?<!{re.escape(fold_aligned(w))} )" for w in load_words()["not_plan_year_after"])
    return re.compile(rf"{not_after}\bnam\s+(?P<year>{YEAR})(?!\d)(?!\s*[-–]\s*\d)")


_ANY_YEAR = re.compile(rf"(?<![\d/])(?P<year>{YEAR})(?!\d)")


def plan_year(issued_date: str | None, date_line: str | None, title: str | None) -> int | None:
    """The year a plan is for, the frame of its timeframes that name no year.

    The title's "năm 2026" first (a plan for 2026 may be issued in December 2025), then
    the issued date's year, the year of a draft's date line ("ngày ... tháng ... năm
    2026"), and last the first year of the period the title names ("giai đoạn 2026-2030").
    """
    folded_title = fold_aligned(normalize_text(title or ""))
    years = {int(m["year"]) for m in _title_year().finditer(folded_title)}
    if len(years) == 1:
        return years.pop()
    if issued_date:
        return int(issued_date[:4])
    if date_line and (m := _ANY_YEAR.search(fold_aligned(normalize_text(date_line)))):
        return int(m["year"])
    period = patterns().period.search(folded_title)
    return int(period["start"]) if period else None

