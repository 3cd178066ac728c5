"""Classify the "Thời gian thực hiện" cell of a task row into a contract Timeframe.

The cell is free text ("Thường xuyên", "Quý III/2025", "Sau khi các Bộ ban
hành"), so we match it against phrases from `data/timeframe_words.yaml` and a
few number patterns, first rule wins. Matching runs on an accent-folded,
lower-case copy of the text that keeps the same length, so "Hằng năm" and
"hàng năm" need one phrase, and a match position still slices the original
text (the event of an `after_event` keeps its accents).
"""
from __future__ import annotations

import datetime
import re
from dataclasses import dataclass
from functools import cache
from typing import Callable

from pipeline.data.messages import message
from pipeline import model
from pipeline.data import load_yaml
from pipeline.text import fold_aligned, normalize_text
from pipeline.warnings import PlanWarning

YEAR = r"(?:19|20)\d{2}"  # a four-digit year of this or the last century
ROMAN_QUARTERS = {"i": 1, "ii": 2, "iii": 3, "iv": 4}


@dataclass(frozen=True)
class _Found:
    """What one rule read from the cell, before it becomes a Timeframe."""

    kind: str
    start: int | None = None
    end: int | None = None
    date: str | None = None
    event: str | None = None
    inferred: bool = False


@cache
def load_words() -> dict[str, list[str]]:
    """The timeframe vocabulary, phrase lists by role, as written in the YAML file."""
    return {key: [str(p) for p in phrases] for key, phrases in load_yaml("timeframe_words.yaml").items()}


def _alternation(role: str) -> str:
    """A regex alternative of the folded phrases of one role, longest first, whole words."""
    phrases = sorted({fold_aligned(p) for p in load_words()[role]}, key=len, reverse=True)
    words = "|".join(re.escape(p) for p in phrases)
    return rf"(?<!\w)(?:{words})(?!\w)"


def _joiners() -> str:
    """Separators between the two years of a period; dashes are not words, so no \\b."""
    phrases = sorted({fold_aligned(p) for p in load_words()["period_joiners"]}, key=len, reverse=True)
    return "|".join(rf"{re.escape(p)}(?!\w)" if p[-1].isalnum() else re.escape(p) for p in phrases)


@dataclass(frozen=True)
class _Patterns:
    after_event: re.Pattern[str]
    by_agreement: re.Pattern[str]
    annual: re.Pattern[str]
    ongoing: re.Pattern[str]
    other_prefix: re.Pattern[str]
    date: re.Pattern[str]
    date_words: re.Pattern[str]
    period: re.Pattern[str]
    from_after: re.Pattern[str]
    from_before: re.Pattern[str]
    until: re.Pattern[str]
    before: re.Pattern[str]
    quarter: re.Pattern[str]
    month: re.Pattern[str]
    bare_month: re.Pattern[str]
    year: re.Pattern[str]
    date_no_year: re.Pattern[str]
    date_words_no_year: re.Pattern[str]
    quarter_no_year: re.Pattern[str]
    month_no_year: re.Pattern[str]


@cache
def patterns() -> _Patterns:
    """Compile the rules' regexes once, from the vocabulary file (all on folded text)."""
    lead = r"^[\W_]*"  # bullets, dashes or brackets before the first word
    quarter_no = r"(?:iv|iii|ii|i|[1-4])(?![a-z0-9])"
    # Text is whitespace-normalised, so one space is all a lookbehind needs.
    # Further years listed after the first: "Quý III, IV/2026, 2027" runs to 2027.
    more_years = rf"(?P<more>(?:\s*(?:,|-|–|va|den)\s*(?:nam\s+)?{YEAR}(?!\d))*)"
    not_after_month = "".join(rf"(?<!{re.escape(fold_aligned(w))}\s)" for w in load_words()["month_word"])
    return _Patterns(
        after_event=re.compile(_alternation("after_event")),
        by_agreement=re.compile(_alternation("by_agreement")),
        annual=re.compile(_alternation("annual")),
        ongoing=re.compile(_alternation("ongoing")),
        other_prefix=re.compile(lead + _alternation("other_prefixes")),
        date=re.compile(
            rf"""
            (?<![\d/.]){not_after_month}  # not "tháng 5-6/2026" (two months)
            (?P<day>\d{{1,2}})       # day, 1 or 2 digits
            \s*[/.\-]\s*
            (?P<month>\d{{1,2}})     # month
            \s*[/.\-]\s*
            (?P<year>{YEAR})         # four-digit year
            (?!\d)
            """,
            re.X,
        ),
        date_words=re.compile(
            rf"""
            ngay\s+(?P<day>\d{{1,2}})      # "ngày 15"
            \s+thang\s+(?P<month>\d{{1,2}}) # "tháng 3"
            \s+nam\s+(?P<year>{YEAR})       # "năm 2026"
            """,
            re.X,
        ),
        period=re.compile(
            rf"""
            (?<!\d)(?P<start>{YEAR})   # first year
            \s*(?:{_joiners()})\s*     # "-", "–", "đến", ...
            (?:(?:het\s+)?nam\s+)?     # optional "(hết) năm" before the second year
            (?P<end>{YEAR})(?!\d)      # last year
            """,
            re.X,
        ),
        from_after=re.compile(
            rf"""
            (?<!\d)(?P<year>{YEAR})          # the first year
            [\W_]*(?:va\s+)?                 # ", " or " và "
            (?:{_alternation("from_year_after")})  # "các năm tiếp theo", "trở đi"
            """,
            re.X,
        ),
        from_before=re.compile(
            rf"""
            (?:{_alternation("from_year_before")})\s+  # "từ", "bắt đầu từ"
            (?:nam\s+                                  # "năm 2025"
              |thang\s+\d{{1,2}}\s*[/\-.]\s*           # or "tháng 6/2025"
              |thang\s+\d{{1,2}}\s+nam\s+              # or "tháng 6 năm 2025"
              |quy\s+{quarter_no}\s*[/\-.]?\s*(?:nam\s+)?  # or "quý II/2025"
            )?
            (?P<year>{YEAR})(?!\d)
            """,
            re.X,
        ),
        until=re.compile(
            rf"""
            (?:{_alternation("until_year")})\s+  # "đến", "đến hết"
            (?:nam\s+)?                          # optional "năm"
            (?P<year>{YEAR})(?!\d)
            """,
            re.X,
        ),
        before=re.compile(
            rf"(?:{_alternation('before_year')})\s+(?:nam\s+)?(?P<year>{YEAR})(?!\d)",
        ),
        quarter=re.compile(
            rf"""
            (?:{_alternation("quarter_word")})\s+(?P<q>{quarter_no})  # "quý III", "quý 2"
            (?:\s*(?:,|-|–|va|den)\s*(?:quy\s+)?{quarter_no})*       # "quý I, II", "quý I-II"
            \s*(?:[/\-.,]\s*)?(?:nam\s+)?                            # "/", " năm "
            (?P<year>{YEAR})(?!\d)
            {more_years}                                             # "Quý III, IV/2026, 2027"
            """,
            re.X,
        ),
        month=re.compile(
            rf"""
            (?:{_alternation("month_word")})\s+(?P<month>\d{{1,2}})(?!\d)  # "tháng 12"
            (?:\s*(?:,|-|–|va|den)\s*(?:thang\s+)?\d{{1,2}}(?!\d))*      # "tháng 5-6"
            \s*(?:[/\-.,]\s*)?(?:nam\s+)?                               # "/", " năm "
            (?P<year>{YEAR})(?!\d)
            {more_years}                                                # "tháng 9/2026, 2027"
            """,
            re.X,
        ),
        bare_month=re.compile(
            rf"(?<![\d/.])(?P<month>\d{{1,2}})\s*/\s*(?P<year>{YEAR})(?!\d)",  # "12/2025"
        ),
        year=re.compile(rf"(?<!\d)(?P<year>{YEAR})(?!\d)"),
        # The same shapes with the year left out (only tried when the cell names no year).
        date_no_year=re.compile(
            rf"(?<![\d/.]){not_after_month}(?P<day>\d{{1,2}})\s*/\s*(?P<month>\d{{1,2}})(?![\d/])",  # "30/6"
        ),
        date_words_no_year=re.compile(
            r"ngay\s+(?P<day>\d{1,2})\s+thang\s+(?P<month>\d{1,2})(?!\d)",  # "ngày 23 tháng 1"
        ),
        quarter_no_year=re.compile(rf"(?:{_alternation('quarter_word')})\s+{quarter_no}"),  # "quý III"
        month_no_year=re.compile(rf"(?:{_alternation('month_word')})\s+(?P<month>\d{{1,2}})(?!\d)"),  # "tháng 9"
    )


# --- Rules: each reads the (text, folded) pair and returns _Found or None --------

_Rule = Callable[[str, str, list[str]], "_Found | None"]


def _rule_after_event(text: str, folded: str, problems: list[str]) -> _Found | None:
    """"Sau khi các Bộ ban hành": at the start, or anywhere when no year is given."""
    match = patterns().after_event.search(folded)
    if not match:
        return None
    if folded[: match.start()].strip(" -–,.;:(") and patterns().year.search(folded):
        return None  # "Năm 2025, sau khi ...": the year is the timeframe
    event = text[match.end():].strip(" -–,.;:()")
    return _Found("after_event", event=event or None)


def _rule_by_agreement(text: str, folded: str, problems: list[str]) -> _Found | None:
    """"Theo kế hoạch thống nhất của hai bên": the partner sets the date."""
    return _Found("by_agreement") if patterns().by_agreement.search(folded) else None


def _rule_other_prefix(text: str, folded: str, problems: list[str]) -> _Found | None:
    """"Theo yêu cầu", "Khi có yêu cầu": any dates in it are the cited document's."""
    return _Found("other") if patterns().other_prefix.search(folded) else None


def _rule_recurring(text: str, folded: str, problems: list[str]) -> _Found | None:
    """"Hằng năm" / "Thường xuyên", with years only when a range or start is given."""
    for kind in ("annual", "ongoing"):
        if getattr(patterns(), kind).search(folded):
            start, end = _span_years(folded)
            return _Found(kind, start, end)
    return None


def _rule_date(text: str, folded: str, problems: list[str]) -> _Found | None:
    """"Trước ngày 30/6/2025": the first full date; an impossible one is kept as a warning."""
    match = patterns().date.search(folded) or patterns().date_words.search(folded)
    if not match:
        return None
    year = int(match["year"])
    try:
        iso = datetime.date(year, int(match["month"]), int(match["day"])).isoformat()
    except ValueError:
        problems.append(message("warning.impossible_date", text=repr(text[match.start():match.end()])))
        iso = None
    return _Found("date", year, year, date=iso)


def _rule_period(text: str, folded: str, problems: list[str]) -> _Found | None:
    """"Giai đoạn 2026-2030", "Đến năm 2030" (no start), "Trước năm 2026" (ends 2025)."""
    match = patterns().period.search(folded)
    if match and int(match["start"]) <= int(match["end"]):
        return _Found("period", int(match["start"]), int(match["end"]))
    match = patterns().until.search(folded)
    if match:
        return _Found("period", None, int(match["year"]))
    match = patterns().before.search(folded)
    if match:
        return _Found("period", None, int(match["year"]) - 1)
    return None


def _rule_from_year(text: str, folded: str, problems: list[str]) -> _Found | None:
    """"Năm 2025 và các năm tiếp theo", "Từ năm 2025": a start and no end."""
    match = patterns().from_after.search(folded) or patterns().from_before.search(folded)
    return _Found("from_year", int(match["year"])) if match else None


def _rule_quarter(text: str, folded: str, problems: list[str]) -> _Found | None:
    """"Quý III/2025", "Quý II năm 2026"; several quarters span their years."""
    years = [y for m in patterns().quarter.finditer(folded) for y in _match_years(m)]
    return _Found("quarter", min(years), max(years)) if years else None


def _rule_month(text: str, folded: str, problems: list[str]) -> _Found | None:
    """"Tháng 12/2025", "tháng 5 năm 2026", a bare "12/2025"; a month 13 is a warning."""
    found = list(patterns().month.finditer(folded)) or list(patterns().bare_month.finditer(folded))
    if not found:
        return None
    for match in found:
        if not 1 <= int(match["month"]) <= 12:
            problems.append(message("warning.impossible_month", text=repr(text[match.start():match.end()])))
    years = [y for m in found for y in _match_years(m)]
    return _Found("month", min(years), max(years))


def _match_years(match: re.Match[str]) -> list[int]:
    """The year of a quarter or month match and the further years listed after it."""
    more = match.groupdict().get("more") or ""
    return [int(match["year"]), *(int(y) for y in re.findall(YEAR, more))]


def _rule_year(text: str, folded: str, problems: list[str]) -> _Found | None:
    """"Năm 2025", "Trong năm 2026"; two or more years listed are a period."""
    years = sorted({int(m["year"]) for m in patterns().year.finditer(folded)})
    if not years:
        return None
    if len(years) == 1:
        return _Found("year", years[0], years[0])
    return _Found("period", years[0], years[-1])


RULES: tuple[_Rule, ...] = (
    _rule_after_event,
    _rule_by_agreement,
    _rule_other_prefix,
    _rule_recurring,
    _rule_date,
    _rule_period,
    _rule_from_year,
    _rule_quarter,
    _rule_month,
    _rule_year,
)


# --- Rules for a cell without any year: the plan's year is the frame ------------------

_InferredRule = Callable[[str, str, list[str], "int | None"], "_Found | None"]


def _in_plan_year(kind: str, plan_year: int | None, **values) -> _Found:
    """A timeframe of the plan's year, marked inferred; without a plan year, no years at all."""
    return _Found(kind, plan_year, plan_year, inferred=plan_year is not None, **values)


def _rule_date_no_year(text: str, folded: str, problems: list[str], plan_year: int | None) -> _Found | None:
    """"Trước ngày 30/6", "ngày 23 tháng 1": a day of the plan's year."""
    match = patterns().date_no_year.search(folded) or patterns().date_words_no_year.search(folded)
    if not match:
        return None
    iso = None
    if plan_year is not None:
        try:
            iso = datetime.date(plan_year, int(match["month"]), int(match["day"])).isoformat()
        except ValueError:
            problems.append(message("warning.impossible_date", text=repr(text[match.start():match.end()])))
    return _in_plan_year("date", plan_year, date=iso)


def _rule_quarter_no_year(text: str, folded: str, problems: list[str], plan_year: int | None) -> _Found | None:
    """"Quý III", "trong quý I": a quarter of the plan's year."""
    return _in_plan_year("quarter", plan_year) if patterns().quarter_no_year.search(folded) else None


def _rule_month_no_year(text: str, folded: str, problems: list[str], plan_year: int | None) -> _Found | None:
    """"Tháng 9", "trong tháng 10": a month of the plan's year; a month 13 is a warning."""
    match = patterns().month_no_year.search(folded)
    if not match:
        return None
    if not 1 <= int(match["month"]) <= 12:
        problems.append(message("warning.impossible_month", text=repr(text[match.start():match.end()])))
    return _in_plan_year("month", plan_year)


INFERRED_RULES: tuple[_InferredRule, ...] = (_rule_date_no_year, _rule_quarter_no_year, _rule_month_no_year)


def _span_years(folded: str) -> tuple[int | None, int | None]:
    """The start and end years a recurring timeframe gives, if any ("Hằng năm, 2026-2030")."""
    for rule in (_rule_period, _rule_from_year, _rule_year):
        found = rule("", folded, [])
        if found:
            return found.start, found.end
    return None, None


def _looks_dated(folded: str) -> bool:
    """An "other" cell with numbers that no "Theo ..." explains: probably a form we miss."""
    return bool(re.search(r"\d", folded)) and not patterns().other_prefix.search(folded)


def parse_timeframe(
    text: str, where: str | None = None, *, plan_year: int | None = None, label: str | None = None
) -> tuple[model.Timeframe | None, list[PlanWarning]]:
    """Classify a timeframe cell; None for an empty cell.

    Args:
        text: the cell text as extracted (markup, line wraps and old tone marks allowed).
        where: location for warnings (a JSON pointer, "/tasks/3/timeframe"), passed through.
        plan_year: the year the plan is for; a cell naming no year ("Quý III", "tháng 9",
            "trước ngày 30/6") takes it, marked `inferred`.
        label: how a person finds the cell ("Phụ lục, nhiệm vụ II.5"), for warnings.

    Returns:
        The Timeframe (its text normalised) and the warnings: an impossible date
        or month ("timeframe_invalid_date"), or a cell with numbers that no rule
        understood ("timeframe_unrecognized").
    """
    clean = normalize_text(text or "")
    if not clean:
        return None, []
    folded = fold_aligned(clean)
    problems: list[str] = []
    found = next((f for rule in RULES if (f := rule(clean, folded, problems))), None)
    found = found or next((f for rule in INFERRED_RULES if (f := rule(clean, folded, problems, plan_year))), None)
    found = found or _Found("other")
    warnings = [
        PlanWarning("timeframe_invalid_date", message("warning.timeframe_invalid_date", problem=p, text=repr(clean)), where, label)
        for p in problems
    ]
    if found.kind == "other" and _looks_dated(folded):
        warnings.append(
            PlanWarning("timeframe_unrecognized", message("warning.timeframe_unrecognized", text=repr(clean)), where, label)
        )
    timeframe = model.Timeframe(clean, found.kind, found.start, found.end, found.date, found.event, found.inferred)
    return timeframe, warnings
