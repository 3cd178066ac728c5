"""The table grid the converter found, as pdfplumber's visual debugging draws it: on each page,
the task rows, one band per column with the role it was given (number, content, lead ...),
and the header cells over them with the role of the column below.

Columns are read back from the cells' boxes, so the view shows what the converter did, not
what the header text alone would suggest.
"""
from __future__ import annotations

import re
from dataclasses import dataclass

from pipeline.normalize.provenance import location_pieces
from pipeline.review.dropped import Run
from pipeline.review.overlay import documents

_CELL = re.compile(r"^/tasks/\d+/(\w+)$")


@dataclass(frozen=True)
class GridLine:
    """A row, a column band or a header cell; `role` is the column's JSON field ("" for a row)."""

    page: int
    bbox: tuple[float, float, float, float]
    what: str  # "row", "column", "header"
    role: str = ""


def _union(boxes: list[list[float]]) -> tuple[float, float, float, float]:
    return (min(b[0] for b in boxes), min(b[1] for b in boxes), max(b[2] for b in boxes), max(b[3] for b in boxes))


def table_grid(doc: dict, loose: list[Run]) -> list[GridLine]:
    """Every page's task rows, column bands (with their role) and header cells."""
    rows: dict[int, list[list[float]]] = {}
    cells: dict[tuple[int, str], list[list[float]]] = {}
    for _, sub in documents(doc):
        for pointer, where in (sub.get("provenance") or {}).items():
            cell = _CELL.match(pointer)
            is_row = re.fullmatch(r"/tasks/\d+", pointer)
            for entry in location_pieces(where):
                if "bbox" not in entry:
                    continue
                if is_row:
                    rows.setdefault(entry["page"], []).append(entry["bbox"])
                elif cell and cell[1] != "group":
                    cells.setdefault((entry["page"], cell[1]), []).append(entry["bbox"])
    out = [GridLine(page, tuple(b), "row") for page, boxes in rows.items() for b in boxes]
    bands: dict[int, list[GridLine]] = {}
    for (page, role), boxes in cells.items():
        if page in rows:
            top, bottom = _union(rows[page])[1], _union(rows[page])[3]
            x0, _, x1, _ = _union(boxes)
            bands.setdefault(page, []).append(GridLine(page, (x0, top, x1, bottom), "column", role))
    out += [band for page in bands.values() for band in page]
    for run in loose:
        if run.kind == "table_header":
            cx = (run.bbox[0] + run.bbox[2]) / 2
            role = next((b.role for b in bands.get(run.page, []) if b.bbox[0] <= cx <= b.bbox[2]), "")
            out.append(GridLine(run.page, run.bbox, "header", role))
    return out
