"""Scoring a conversion of a scan against what the document says, cell by cell.

The measures are the issue's: task count exact per file; lead and cooperating
agencies exact per cell (the list of names, in order); task content by
character accuracy (1 - edit distance / length of the expected text); header
fields (type, number, date, title, signer) exact per file.
"""
from __future__ import annotations

from dataclasses import dataclass, field

from rapidfuzz.distance import Levenshtein

HEADER_FIELDS = ("type", "number", "issued_date", "title", "signer")


@dataclass
class FileScore:
    """One file's counts; `misses` says which cells were wrong, for a failure message."""

    name: str
    tasks_expected: int = 0
    tasks_found: int = 0
    agency_cells: int = 0
    agency_exact: int = 0
    content_chars: int = 0
    content_errors: int = 0
    content_words: int = 0
    content_word_errors: int = 0
    header_exact: bool = True
    misses: list[str] = field(default_factory=list)

    @property
    def content_accuracy(self) -> float:
        return 1 - self.content_errors / self.content_chars if self.content_chars else 1.0


def _names(parties: list[dict] | None) -> list[str]:
    """Agency names; the first letter's case is free ("các sở" at the start of a cell)."""
    return [p["name"][:1].casefold() + p["name"][1:] for p in parties or []]


def header_value(doc: dict, name: str):
    document = doc["document"]
    if name == "signer":
        return (document.get("signer") or {}).get("name")
    return document.get(name)


def score(name: str, expected: dict, doc: dict) -> FileScore:
    """Score `doc` (a conversion) against `expected` (a golden: document, tasks)."""
    result = FileScore(name, len(expected.get("tasks", [])), len(doc["tasks"]))
    for field_name in HEADER_FIELDS:
        want, got = header_value(expected, field_name), header_value(doc, field_name)
        if want != got:
            result.header_exact = False
            result.misses.append(f"header {field_name}: {got!r} != {want!r}")
    for index, want in enumerate(expected.get("tasks", [])):
        got = doc["tasks"][index] if index < len(doc["tasks"]) else {}
        for role in ("lead", "cooperating"):
            result.agency_cells += 1
            if _names(got.get(role)) == _names(want.get(role)):
                result.agency_exact += 1
            else:
                result.misses.append(f"task {index + 1} {role}: {_names(got.get(role))} != {_names(want.get(role))}")
        text = want.get("content") or ""
        errors = Levenshtein.distance(text, got.get("content") or "")
        result.content_chars += len(text)
        result.content_errors += min(errors, len(text))
        words = text.split()
        result.content_words += len(words)
        result.content_word_errors += min(Levenshtein.distance(words, (got.get("content") or "").split()), len(words))
        if errors:
            result.misses.append(f"task {index + 1} content: {errors} char(s) off")
    return result


def table(scores: list[FileScore]) -> str:
    """A markdown table of the scores, with a total row."""
    lines = ["| file | tasks | agency cells exact | content char accuracy | content word accuracy | header exact |",
             "|---|---|---|---|---|---|"]
    for s in scores:
        lines.append(f"| {s.name} | {s.tasks_found}/{s.tasks_expected} | {s.agency_exact}/{s.agency_cells} | "
                     f"{s.content_accuracy:.2%} | {1 - s.content_word_errors / max(s.content_words, 1):.2%} | "
                     f"{'yes' if s.header_exact else 'no'} |")
    cells, exact = sum(s.agency_cells for s in scores), sum(s.agency_exact for s in scores)
    chars, errors = sum(s.content_chars for s in scores), sum(s.content_errors for s in scores)
    words, word_errors = sum(s.content_words for s in scores), sum(s.content_word_errors for s in scores)
    lines.append(f"| **all** | {sum(s.tasks_found == s.tasks_expected for s in scores)}/{len(scores)} exact | "
                 f"{exact}/{cells} = {exact / max(cells, 1):.1%} | {1 - errors / max(chars, 1):.2%} | "
                 f"{1 - word_errors / max(words, 1):.2%} | {sum(s.header_exact for s in scores)}/{len(scores)} |")
    return "\n".join(lines)
