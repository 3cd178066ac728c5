"""Revisions of the sample plan, built for the diff tests.

JSON-level revisions edit a converted document (a dict) the way an amendment
would edit the printed plan; DOCX-level revisions edit the sample's task table
with python-docx and write a new file, so a test can prove the whole path
DOCX → convert → diff. Every function returns a new value and leaves its input alone.
"""
from __future__ import annotations

import copy
from pathlib import Path
from typing import Any, Callable

import docx

SAMPLE_DOCX = Path(__file__).resolve().parents[1] / "samples" / "plan-196-KH-UBND.docx"
SAMPLE_PDF = SAMPLE_DOCX.with_suffix(".pdf")

# Columns of the sample's task table (TT, content, lead, cooperating, timeframe, submit_to, note).
COL_NUMBER, COL_CONTENT, COL_LEAD = 0, 1, 2


def agency(id_: str, name: str, *, text: str | None = None, kind: str = "agency",
           level: str | None = "province") -> dict:
    """An Agency dict as the converter writes it."""
    return {"id": id_, "name": name, "kind": kind, "text": text or name, "level": level, "successor": None}


def timeframe(text: str, kind: str, start: int | None = None, end: int | None = None) -> dict:
    """A Timeframe dict as the converter writes it."""
    return {"text": text, "kind": kind, "start": start, "end": end, "date": None, "event": None, "inferred": False}


# --- JSON level -------------------------------------------------------------------------


def _task(doc: dict, number: Any) -> dict:
    return next(t for t in doc["tasks"] if t["number"] == number)


def renumber(doc: dict, label: Callable[[int], Any] = lambda k: k) -> dict:
    """Number the tasks 1, 2, ... in their order (or `label(k)`), as an editor would after a change."""
    doc = copy.deepcopy(doc)
    for k, task in enumerate(doc["tasks"], 1):
        task["number"] = label(k)
    return doc


def remove_task(doc: dict, number: Any, *, renumber_rest: bool = True) -> dict:
    """The plan without task `number`; the rest renumbered unless told not to."""
    doc = copy.deepcopy(doc)
    doc["tasks"] = [t for t in doc["tasks"] if t["number"] != number]
    return renumber(doc) if renumber_rest else doc


def insert_task(doc: dict, position: int, task: dict) -> dict:
    """`task` inserted as the `position`-th row (1-based), every row renumbered."""
    doc = copy.deepcopy(doc)
    doc["tasks"].insert(position - 1, copy.deepcopy(task))
    return renumber(doc)


def swap_tasks(doc: dict, a: Any, b: Any) -> dict:
    """Rows `a` and `b` trade places; the numbers stay in order, so both tasks are renumbered."""
    doc = copy.deepcopy(doc)
    tasks = doc["tasks"]
    i, j = tasks.index(_task(doc, a)), tasks.index(_task(doc, b))
    tasks[i], tasks[j] = tasks[j], tasks[i]
    return renumber(doc)


def reverse_tasks(doc: dict) -> dict:
    """Every row in the opposite order, numbered 1..n again: every task renumbered."""
    doc = copy.deepcopy(doc)
    doc["tasks"].reverse()
    return renumber(doc)


def edit_task(doc: dict, number: Any, **fields: Any) -> dict:
    """Task `number` with some fields replaced (lead=[...], timeframe={...}, ...)."""
    doc = copy.deepcopy(doc)
    _task(doc, number).update(copy.deepcopy(fields))
    return doc


def reword(doc: dict, number: Any, old: str, new: str) -> dict:
    """Task `number` with the phrase `old` in its content replaced by `new`."""
    content = _task(doc, number)["content"]
    assert old in content, f"{old!r} not in task {number}"
    return edit_task(doc, number, content=content.replace(old, new, 1))


def reverse_cooperating(doc: dict, number: Any) -> dict:
    """The cooperating agencies of task `number` listed backwards: the same set."""
    return edit_task(doc, number, cooperating=_task(doc, number)["cooperating"][::-1])


def change_header(doc: dict, **fields: Any) -> dict:
    """The header (document) with some fields replaced."""
    doc = copy.deepcopy(doc)
    doc["document"].update(copy.deepcopy(fields))
    return doc


def section_at(doc: dict, *numbers: str | None) -> dict:
    """The section reached by following section numbers from the top ("II", "3")."""
    sections, found = doc["sections"], None
    for number in numbers:
        found = next(s for s in sections if s["number"] == number)
        sections = found["children"]
    return found


def edit_paragraph(doc: dict, path: tuple[str, ...], index: int, text: str | None) -> dict:
    """Paragraph `index` of the section at `path` replaced by `text` (None deletes it)."""
    doc = copy.deepcopy(doc)
    paragraphs = section_at(doc, *path)["paragraphs"]
    if text is None:
        del paragraphs[index]
    else:
        paragraphs[index] = {"text": text, "references": [], "agencies": []}
    return doc


def add_paragraph(doc: dict, path: tuple[str, ...], text: str) -> dict:
    """A new paragraph appended to the section at `path`."""
    doc = copy.deepcopy(doc)
    section_at(doc, *path)["paragraphs"].append({"text": text, "references": [], "agencies": []})
    return doc


def add_section(doc: dict, parent: tuple[str, ...], number: str, title: str, paragraphs: list[str]) -> dict:
    """A new child section appended under `parent`."""
    doc = copy.deepcopy(doc)
    section_at(doc, *parent)["children"].append({
        "number": number, "title": title, "children": [],
        "paragraphs": [{"text": p, "references": [], "agencies": []} for p in paragraphs],
    })
    return doc


def drop_reference(doc: dict, ref_id: str) -> dict:
    """The plan no longer citing `ref_id` anywhere in its reference list."""
    doc = copy.deepcopy(doc)
    doc["references"] = [r for r in doc["references"] if r["id"] != ref_id]
    return doc


def add_reference(doc: dict, reference: dict) -> dict:
    doc = copy.deepcopy(doc)
    doc["references"].append(copy.deepcopy(reference))
    return doc


# --- DOCX level -------------------------------------------------------------------------


def _task_table(document: docx.document.Document) -> docx.table.Table:
    """The table whose header row starts with "TT"."""
    return next(t for t in document.tables if t.rows[0].cells[0].text.strip().upper() in ("TT", "STT"))


def _row(table: docx.table.Table, number: int) -> docx.table._Row:
    return next(r for r in table.rows[1:] if r.cells[COL_NUMBER].text.strip().rstrip(".") == str(number))


def _set_cell_text(cell: docx.table._Cell, text: str) -> None:
    """Replace a cell's text, keeping the first run's formatting."""
    first = cell.paragraphs[0]
    for extra in cell.paragraphs[1:]:
        extra._p.getparent().remove(extra._p)
    runs = first.runs
    if not runs:
        first.add_run(text)
        return
    runs[0].text = text
    for run in runs[1:]:
        run._r.getparent().remove(run._r)


def docx_set_cell(src: Path, dst: Path, number: int, column: int, text: str) -> Path:
    """A copy of `src` at `dst` with one cell of task row `number` rewritten."""
    document = docx.Document(str(src))
    _set_cell_text(_row(_task_table(document), number).cells[column], text)
    document.save(str(dst))
    return dst


def docx_reassign_lead(src: Path, dst: Path, number: int, lead_text: str) -> Path:
    """Task row `number` with a new lead ("chủ trì") cell."""
    return docx_set_cell(src, dst, number, COL_LEAD, lead_text)


def docx_delete_row(src: Path, dst: Path, number: int) -> Path:
    """Task row `number` deleted from the table; the other rows keep their printed numbers."""
    document = docx.Document(str(src))
    row = _row(_task_table(document), number)
    row._tr.getparent().remove(row._tr)
    document.save(str(dst))
    return dst


def docx_renumber_rows(src: Path, dst: Path, label: Callable[[int], str]) -> Path:
    """Every task row's TT cell rewritten as `label(k)` for the k-th row."""
    document = docx.Document(str(src))
    for k, row in enumerate(_task_table(document).rows[1:], 1):
        _set_cell_text(row.cells[COL_NUMBER], label(k))
    document.save(str(dst))
    return dst
