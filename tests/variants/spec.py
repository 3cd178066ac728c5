"""Small declarative descriptions of variant documents, and the grid every builder draws.

A `VariantDoc` is what a human would see on paper: the issuer lines, the
"Số:" line, the place-and-date line, the type and title, body blocks, the
closing (recipients beside the signature) and task tables. A `VariantTable`
names its columns by role (``number``, ``content``, ``lead`` ...) and its
header by the labels printed; its rows are task rows (one text per role, with
optional vertical and horizontal merges) or group heading rows.
`table_grid` turns a table into placed cells with spans, so the DOCX, the
platypus PDF and the canvas PDF draw exactly the same cells.
"""
from __future__ import annotations

from dataclasses import dataclass, field, replace

# Roles a column can have; the expected Task field each one feeds.
ROLES = ("number", "content", "lead", "cooperating", "timeframe", "output", "submit_to", "note", "other")

MOTTO = ("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "Độc lập - Tự do - Hạnh phúc")

# PDF quirks the canvas builder knows how to draw (see build_pdf.build_canvas_pdf).
QUIRKS = ("page_numbers", "running_header", "running_footer", "split_marks",
          "landscape_table", "rotate_table", "fake_bold")


@dataclass(frozen=True)
class Column:
    """A leaf column of a task table: its role, the header label printed, its width share."""

    role: str
    label: str
    width: float = 1.0


@dataclass(frozen=True)
class HeaderCell:
    """One cell of a header row; spans count leaf columns and header rows."""

    text: str
    colspan: int = 1
    rowspan: int = 1


@dataclass
class TaskRow:
    """A task row: ``tt`` as printed ("1", "1.1", "a)", ""), one text per role.

    ``rowspans`` merges a role's cell down over that many rows (the rows below
    then leave that role out); ``colspans`` merges a role's cell rightwards over
    that many columns (its text belongs to the leftmost column it covers).
    """

    tt: str
    cells: dict[str, str]
    rowspans: dict[str, int] = field(default_factory=dict)
    colspans: dict[str, int] = field(default_factory=dict)


@dataclass
class GroupRow:
    """A group heading row: ``label`` in the TT cell, ``title`` merged across the rest.

    With ``whole_row`` the label and title share one cell merged over every column
    ("A. NHIỆM VỤ TRỌNG TÂM").
    """

    label: str
    title: str
    whole_row: bool = False


Row = TaskRow | GroupRow


@dataclass
class VariantTable:
    """A task table and its caption (appendix label and title lines above it)."""

    columns: list[Column]
    rows: list[Row]
    header: list[list[HeaderCell]] | None = None  # None: one header row of the column labels
    caption: list[str] = field(default_factory=list)
    repeat_header: bool = True
    new_page: bool = True  # an appendix on its own (landscape) page; False: mid-page in the body
    landscape: bool = True
    page_break_before_rows: tuple[int, ...] = ()  # forced page breaks before these body rows (PDF)
    # Body rows cut in two by a forced page break (PDF): the first half of each cell's text
    # stays above, the rest continues in a row with an empty TT on the next page.
    break_inside_rows: tuple[int, ...] = ()
    rules: str = "grid"  # "grid": every cell boxed; "horizontal": horizontal lines only (no vertical lines)
    auto_number: bool = False  # DOCX: the TT cells of task rows are Word list numbering (w:numPr), not text

    def header_rows(self) -> list[list[HeaderCell]]:
        """The header as printed: the given rows, or one row of the column labels."""
        return self.header or [[HeaderCell(c.label) for c in self.columns]]


@dataclass
class Block:
    """A body paragraph; ``bold`` headings, ``center`` for lines such as "QUYẾT ĐỊNH:"."""

    text: str
    bold: bool = False
    center: bool = False
    italic: bool = False


@dataclass
class VariantDoc:
    """One variant document as printed, plus where its tables go."""

    key: str
    issuer_lines: list[str]
    number_line: str
    date_line: str
    type_line: str
    title_lines: list[str]
    body: list[Block]
    signer_lines: list[str]
    signer_name: str
    # None: no "Nơi nhận" printed at all (a law: the signature stands alone on the right)
    recipients: list[str] | None = field(default_factory=lambda: ["- Như trên;", "- Lưu: VT."])
    tables: list[VariantTable] = field(default_factory=list)
    body_tables_after: int | None = None  # a table placed after this body block, not as an appendix
    attachment: VariantDoc | None = None  # a document attached after the closing (a plan to a decision)
    quirks: frozenset[str] = frozenset()
    # "table": issuer | motto in a borderless table; "paragraphs": issuer lines, "Số:", motto,
    # date, each its own paragraph; "tabs": issuer and motto, then number and date, on shared
    # lines separated by a tab.
    header_layout: str = "table"
    paragraph_style: str = "indent"  # "indent": first line indented; "block": no indent, space between
    # "cell": recipients and signature each one cell of a one-row table; "rows": one table row
    # per line (recipient | signature line), so the block can break across a page.
    closing_layout: str = "cell"
    font: str = "dejavu"  # PDF font family: "dejavu" (DejaVu Serif) or "times" (Liberation Serif, Times metrics)


def closing_rows(spec: VariantDoc) -> list[tuple[str, str]]:
    """The closing as (recipient line, signature line) rows: signature lines, three empty
    lines for the signature, the name; "Nơi nhận:" first on the left."""
    left = recipient_lines(spec)
    right = [*spec.signer_lines, "", "", "", spec.signer_name]
    n = max(len(left), len(right))
    return [(left[i] if i < len(left) else "", right[i] if i < len(right) else "") for i in range(n)]


def recipient_lines(spec: VariantDoc) -> list[str]:
    """The recipients' column as printed: "Nơi nhận:" and its lines, or nothing."""
    return ["Nơi nhận:", *spec.recipients] if spec.recipients is not None else []


@dataclass(frozen=True)
class Placed:
    """A cell placed on the table grid (0-based row and column), with its spans."""

    row: int
    col: int
    text: str
    rowspan: int = 1
    colspan: int = 1
    bold: bool = False
    header: bool = False


def header_grid(table: VariantTable) -> list[Placed]:
    """The header rows as placed cells, skipping grid slots covered by spans."""
    placed: list[Placed] = []
    taken: set[tuple[int, int]] = set()
    for r, cells in enumerate(table.header_rows()):
        col = 0
        for cell in cells:
            while (r, col) in taken:
                col += 1
            placed.append(Placed(r, col, cell.text, cell.rowspan, cell.colspan, bold=True, header=True))
            taken.update((r + dr, col + dc) for dr in range(cell.rowspan) for dc in range(cell.colspan))
            col += cell.colspan
    return placed


def body_grid(table: VariantTable, first_row: int = 0) -> list[Placed]:
    """The body rows as placed cells, starting at grid row ``first_row``."""
    roles = [c.role for c in table.columns]
    width = len(roles)
    placed: list[Placed] = []
    covered: set[tuple[int, int]] = set()
    for i, row in enumerate(table.rows):
        r = first_row + i
        if isinstance(row, GroupRow):
            if row.whole_row:
                text = f"{row.label} {row.title}".strip()
                placed.append(Placed(r, 0, text, 1, width, bold=True))
            else:
                placed.append(Placed(r, 0, row.label, bold=True))
                placed.append(Placed(r, 1, row.title, 1, width - 1, bold=True))
            continue
        col = 0
        while col < width:
            if (r, col) in covered:
                col += 1
                continue
            role = roles[col]
            text = row.tt if role == "number" else row.cells.get(role, "")
            rs, cs = row.rowspans.get(role, 1), row.colspans.get(role, 1)
            placed.append(Placed(r, col, text, rs, cs))
            covered.update((r + dr, col + dc) for dr in range(rs) for dc in range(cs))
            col += cs
    return placed


def _halves(text: str) -> tuple[str, str]:
    words = text.split()
    cut = (len(words) + 1) // 2
    return " ".join(words[:cut]), " ".join(words[cut:])


def paged_table(table: VariantTable) -> VariantTable:
    """The table as a PDF builder draws it: rows of ``break_inside_rows`` cut in two, with a
    forced page break between the halves (the way a row broken across pages prints)."""
    if not table.break_inside_rows:
        return table
    rows: list[Row] = []
    breaks = set()
    for i, row in enumerate(table.rows):
        if i in table.page_break_before_rows:
            breaks.add(len(rows))
        if i in table.break_inside_rows and isinstance(row, TaskRow):
            first = {role: _halves(text)[0] for role, text in row.cells.items()}
            rest = {role: _halves(text)[1] for role, text in row.cells.items()}
            rows.append(TaskRow(row.tt, first, row.rowspans, row.colspans))
            breaks.add(len(rows))
            rows.append(TaskRow("", rest, {}, row.colspans))
        else:
            rows.append(row)
    return replace(table, rows=rows, page_break_before_rows=tuple(sorted(breaks)), break_inside_rows=())


def table_grid(table: VariantTable) -> tuple[int, list[Placed]]:
    """(number of header rows, every placed cell of the table)."""
    n_header = len(table.header_rows())
    return n_header, header_grid(table) + body_grid(table, n_header)
