"""The one warning type every step emits, and the registry of warning codes.

A warning says what the converter was unsure of or could not place, so that no
content is dropped silently. Each code is listed with its meaning in
`data/warning_codes.csv` (tests fail on a code emitted but not listed, and on a
listed code that no test exercises).
"""
from __future__ import annotations

from dataclasses import dataclass
from functools import cache

from pipeline.data import load_csv


@dataclass(frozen=True)
class PlanWarning:
    """What the converter was unsure of: a code from the registry, a message, and where.

    Attributes:
        code: a key of `data/warning_codes.csv` ("agency_unknown").
        message: one line for a person, naming the text concerned.
        where: where in the output the doubt lies ("document.issued_date", "tasks[4].lead"),
            or the part of the file ("source", "header", "closing"); None when the whole.
    """

    code: str
    message: str
    where: str | None = None


@cache
def warning_codes() -> dict[str, dict[str, str]]:
    """Every warning code with its meaning (`meaning`) and Vietnamese label (`label_vi`)."""
    return {row["code"]: row for row in load_csv("warning_codes.csv")}
