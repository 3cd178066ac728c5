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
        where: a JSON pointer into the output at the value in doubt ("/document/issued_date",
            "/tasks/4/lead"), or at the part of the file ("/source", "/header", "/closing");
            None when the whole.
        label: how a person finds the place in the document, in Vietnamese
            ("Phụ lục, nhiệm vụ II.5, trang 9"); None where the pointer says enough.
    """

    code: str
    message: str
    where: str | None = None
    label: str | None = None


def listed(numbers: list[int]) -> str:
    """Page numbers for a message: the first twenty, then "..."."""
    return ", ".join(map(str, numbers[:20])) + (" ..." if len(numbers) > 20 else "")


def pointer(*parts: str | int) -> str:
    """A JSON pointer (RFC 6901) from its reference tokens: pointer("tasks", 4, "lead") == "/tasks/4/lead"."""
    return "".join("/" + str(p).replace("~", "~0").replace("/", "~1") for p in parts)


@cache
def warning_codes() -> dict[str, dict[str, str]]:
    """Every warning code with its meaning (`meaning`) and Vietnamese label (`label_vi`)."""
    return {row["code"]: row for row in load_csv("warning_codes.csv")}


def warning_count(doc: dict) -> int:
    """How many warnings a converted document carries, its attached documents' included."""
    return len(doc["warnings"]) + sum(len(a["warnings"]) for a in doc.get("attachments") or [])
