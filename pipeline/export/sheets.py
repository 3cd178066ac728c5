"""Write export rows as CSV, XLSX or Parquet, typed and safe to open.

- XLSX: real dates (shown dd/mm/yyyy with Vietnamese headers, yyyy-mm-dd with English),
  a frozen bold header row, an autofilter over the table, column widths from
  pipeline/data/export_columns.csv, long text wrapped.
- CSV: UTF-8 with a BOM (Excel then reads Vietnamese correctly), ISO dates.
- Parquet: typed columns (string, date32, int64, bool) named by the columns' keys.

Spreadsheet formula injection (issue 15.5): a text cell that starts with = + - @,
a tab or a carriage return would run as a formula in Excel or LibreOffice. CSV gets
it prefixed with an apostrophe, which spreadsheets show as text; XLSX stores every
text cell as a string (never a formula) with the quote-prefix style.
"""
from __future__ import annotations

import csv
import datetime as dt
from collections.abc import Sequence
from pathlib import Path

from pipeline.i18n import message
from pipeline.export.tasks import COLUMNS, Column

FORMATS = {".csv": "csv", ".xlsx": "xlsx", ".parquet": "parquet"}
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")
DATE_FORMATS = {"vi": "dd/mm/yyyy", "en": "yyyy-mm-dd"}
MAX_CELL = 32767  # characters Excel keeps in one cell


def export_format(path: Path) -> str:
    """"csv", "xlsx" or "parquet" from the file's extension; ValueError otherwise."""
    try:
        return FORMATS[path.suffix.lower()]
    except KeyError:
        raise ValueError(message("error.export_format", suffix=repr(path.suffix) if path.suffix else message("error.no_extension"))) from None


def looks_like_formula(value: object) -> bool:
    return isinstance(value, str) and value.startswith(FORMULA_STARTS)


def csv_cell(value: object) -> object:
    """A value as CSV text: dates ISO, booleans TRUE/FALSE, formula-like text made inert."""
    if isinstance(value, bool):
        return "TRUE" if value else "FALSE"
    if isinstance(value, dt.date):
        return value.isoformat()
    if looks_like_formula(value):
        return "'" + value
    return value


def write_csv(records: list[dict], path: Path, lang: str, columns: Sequence[Column] = COLUMNS) -> None:
    with open(path, "w", encoding="utf-8-sig", newline="") as handle:
        out = csv.writer(handle)
        out.writerow([c.header(lang) for c in columns])
        for record in records:
            out.writerow([csv_cell(record.get(c.key)) for c in columns])


def write_xlsx(records: list[dict], path: Path, lang: str, columns: Sequence[Column] = COLUMNS) -> None:
    """Streamed (openpyxl write-only): rows go to the file as they are made."""
    from openpyxl import Workbook
    from openpyxl.cell import WriteOnlyCell
    from openpyxl.styles import Alignment, Font
    from openpyxl.utils import get_column_letter

    book = Workbook(write_only=True)
    sheet = book.create_sheet("nhiem-vu" if lang == "vi" else "tasks")
    for c, column in enumerate(columns, start=1):
        sheet.column_dimensions[get_column_letter(c)].width = column.width
    sheet.freeze_panes = "A2"
    sheet.auto_filter.ref = f"A1:{get_column_letter(len(columns))}{max(len(records) + 1, 2)}"
    wrap, bold = Alignment(wrap_text=True, vertical="top"), Font(bold=True)

    def header(title: str) -> WriteOnlyCell:
        cell = WriteOnlyCell(sheet, value=title)
        cell.font, cell.alignment = bold, wrap
        return cell

    def cell(column, value: object) -> object:
        if value is None or column.type in ("int", "bool"):
            return value
        out = WriteOnlyCell(sheet, value=value if column.type == "date" else str(value)[:MAX_CELL])
        if column.type == "date":
            out.number_format = DATE_FORMATS[lang]
            return out
        out.data_type = "s"  # text, even when it starts with "=": never a formula
        out.quotePrefix = looks_like_formula(value)
        if column.width >= 30:
            out.alignment = wrap
        return out

    sheet.append([header(c.header(lang)) for c in columns])
    for record in records:
        sheet.append([cell(c, record.get(c.key)) for c in columns])
    book.save(path)


def write_parquet(records: list[dict], path: Path, columns: Sequence[Column] = COLUMNS) -> None:
    import pyarrow as pa
    import pyarrow.parquet as pq

    types = {"text": pa.string(), "date": pa.date32(), "int": pa.int64(), "bool": pa.bool_()}
    schema = pa.schema([(c.key, types[c.type]) for c in columns])
    table = pa.Table.from_pylist([{c.key: r.get(c.key) for c in columns} for r in records], schema=schema)
    pq.write_table(table, path)


def write(records: list[dict], path: Path, lang: str = "vi", columns: Sequence[Column] = COLUMNS) -> None:
    """Write by extension into a temporary file, renamed into place: never a partial export.

    `columns`: the task columns of `vnplan export` unless another table is given (`vnplan serve`'s
    analyst questions are written the same way)."""
    kind = export_format(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    partial = path.with_name(f".{path.stem[:40]}.partial{path.suffix}")
    try:
        if kind == "csv":
            write_csv(records, partial, lang, columns)
        elif kind == "xlsx":
            write_xlsx(records, partial, lang, columns)
        else:
            write_parquet(records, partial, columns)
        partial.replace(path)
    finally:
        partial.unlink(missing_ok=True)
