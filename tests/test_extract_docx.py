"""DOCX extractor: body order, run text, formatting resolution, table grids, borders, errors."""
from __future__ import annotations

import zipfile
from pathlib import Path

import pytest

from pipeline import ir
from pipeline.extract.docx import package as docx_package
from pipeline.extract.docx.reader import extract_docx
from pipeline.extract.docx.numbering import format_number
from pipeline.errors import ExtractError
from real_fixtures import real
from docx_builders import (
    borders, cell, list_definition, para, rewrite_part, row, run, sdt, style, table, write_docx,
)

ROOT = Path(__file__).resolve().parents[1]
SAMPLE_196 = ROOT / "samples" / "plan-196-KH-UBND.docx"
REAL_LAMDONG = "01_KH-UBND_LamDong_CCHC-2026-2030_draft-2026-03.docx"
FIELD = ('<w:r><w:fldChar w:fldCharType="begin"/></w:r><w:r><w:instrText> PAGE </w:instrText></w:r>'
         '<w:r><w:fldChar w:fldCharType="separate"/></w:r><w:r><w:t>7</w:t></w:r>'
         '<w:r><w:fldChar w:fldCharType="end"/></w:r>')
REV = 'w:id="1" w:author="a" w:date="2024-01-01T00:00:00Z"'


def extract(tmp_path: Path, *body: str, **parts: str) -> ir.Extracted:
    return extract_docx(write_docx(tmp_path / "t.docx", *body, **parts))


def only_paragraph(tmp_path: Path, *body: str, **parts: str) -> ir.Paragraph:
    (block,) = extract(tmp_path, *body, **parts).blocks
    assert isinstance(block, ir.Paragraph)
    return block


def only_table(tmp_path: Path, *body: str, **parts: str) -> ir.Table:
    (block,) = extract(tmp_path, *body, **parts).blocks
    assert isinstance(block, ir.Table)
    return block


def shape(t: ir.Table) -> list[list[tuple[str, int, int, int]]]:
    """A table as rows of (text, col, col_span, row_span)."""
    return [[(c.text, c.col, c.col_span, c.row_span) for c in r.cells] for r in t.rows]


# --- paragraph text ---------------------------------------------------------------------------

TEXT_CASES = [
    # runs are joined without added spaces
    (para(run("Kế "), run("hoạch")), "Kế hoạch"),
    # a tab stays a tab: side-by-side text typed with tabs is split there by structure
    (para(run("I."), run(inner="<w:tab/>"), run("MỤC ĐÍCH")), "I.\tMỤC ĐÍCH"),
    # a manual line break inside a body paragraph reads as a space (often typed to wrap a line)
    (para(run(inner='<w:t>Nơi nhận:</w:t><w:br/><w:t>- Như trên;</w:t>')), "Nơi nhận: - Như trên;"),
    (para(run(inner='<w:t>đường lối của</w:t><w:cr/><w:t>Đảng</w:t>')), "đường lối của Đảng"),
    # tracked deletion dropped, tracked insertion kept
    (para(run("Năm "), f"<w:del {REV}>{run(inner='<w:delText>2024</w:delText>')}</w:del>",
          f"<w:ins {REV}>{run('2025')}</w:ins>"), "Năm 2025"),
    # a moved-away copy is dropped like a deletion
    (para(run("A"), f"<w:moveFrom {REV}>{run('B')}</w:moveFrom>"), "A"),
    # a field shows its result, never its code
    (para(run("Trang "), FIELD), "Trang 7"),
    # a simple field's result is its child run
    (para(run("Trang "), f'<w:fldSimple w:instr="PAGE">{run("3")}</w:fldSimple>'), "Trang 3"),
    # hyperlink text is ordinary text
    (para(f'<w:hyperlink w:anchor="x">{run("Cổng thông tin")}</w:hyperlink>'), "Cổng thông tin"),
    # an inline content control is looked through
    (para(run("Số: "), sdt(run("196")), run("/KH-UBND")), "Số: 196/KH-UBND"),
    # hidden text is not shown
    (para(run("Hiện"), run(" ẩn", extra_rpr="<w:vanish/>")), "Hiện"),
    # all-caps formatting is applied, as the printed page shows it
    (para(run("ủy ban nhân dân", extra_rpr="<w:caps/>")), "ỦY BAN NHÂN DÂN"),
    # whitespace runs collapse, the ends are trimmed, a run of tabs is one tab
    (para(run("  a  "), run(inner="<w:tab/><w:tab/>"), run(" b ")), "a\tb"),
    # a tab at either end is trimmed like a space
    (para(run(inner="<w:tab/>"), run("Căn cứ"), run(inner="<w:tab/>")), "Căn cứ"),
    # non-breaking hyphen
    (para(run(inner="<w:t>2021</w:t><w:noBreakHyphen/><w:t>2025</w:t>")), "2021-2025"),
    # a Symbol-font glyph shows as a bullet
    (para(run(inner='<w:sym w:font="Symbol" w:char="F0B7"/><w:t xml:space="preserve"> mục</w:t>')), "• mục"),
]


@pytest.mark.parametrize("fragment, expected", TEXT_CASES)
def test_paragraph_text(tmp_path, fragment, expected):
    assert only_paragraph(tmp_path, fragment).text == expected


def test_empty_paragraphs_are_dropped(tmp_path):
    blocks = extract(tmp_path, para(), para(run("   ")), para(run(inner="<w:tab/>")), para("x")).blocks
    assert [b.text for b in blocks] == ["x"]


# --- bold and italic --------------------------------------------------------------------------

BOLD_STYLES = (
    style("Bold1", rpr="<w:b/>")
    + style("Bold2", based_on="Bold1")
    + style("Ital", rpr="<w:i/>")
    + style("Strong1", kind="character", rpr="<w:b/>")
)
FORMAT_CASES = [
    # direct formatting
    (para(run("I. MỤC ĐÍCH", b=True)), (True, False)),
    # every inked run must be bold
    (para(run("Giao ", b=True), run("Sở Tư pháp")), (False, False)),
    # an unformatted space between bold runs does not count
    (para(run("A", b=True), run(" "), run("B", b=True)), (True, False)),
    # bold from the paragraph style
    (para(run("Phụ lục"), style="Bold1"), (True, False)),
    # bold from the style the paragraph style is based on
    (para(run("Phụ lục"), style="Bold2"), (True, False)),
    # run-level b=0 switches the style's bold off
    (para(run("thường", b=False), style="Bold1"), (False, False)),
    # bold from a character style
    (para(run("đậm", style="Strong1")), (True, False)),
    # italic from a style, bold direct
    (para(run("(Kèm theo)", b=True), style="Ital"), (True, True)),
    # w:val="false" spelled out
    (para(run("x", extra_rpr='<w:b w:val="false"/>'), style="Bold1"), (False, False)),
]


@pytest.mark.parametrize("fragment, expected", FORMAT_CASES)
def test_bold_italic_resolution(tmp_path, fragment, expected):
    p = only_paragraph(tmp_path, fragment, styles=BOLD_STYLES)
    assert (p.bold, p.italic) == expected


def test_bold_from_document_defaults(tmp_path):
    defaults = "<w:docDefaults><w:rPrDefault><w:rPr><w:b/></w:rPr></w:rPrDefault></w:docDefaults>"
    assert only_paragraph(tmp_path, para("x"), styles=defaults).bold


# --- alignment and indent ---------------------------------------------------------------------

ALIGN_CASES = [
    (para("x", jc="center"), "center"),  # direct
    (para("x", jc="both"), "justify"),  # Word's name for justified
    (para("x", jc="distribute"), "justify"),  # distributed counts as justified
    (para("x", jc="end"), "right"),  # bidi-aware name
    (para("x", jc="left"), "left"),
    (para("x", style="Centered"), "center"),  # from the paragraph style
    (para("x"), None),  # nothing says: unknown
]


@pytest.mark.parametrize("fragment, expected", ALIGN_CASES)
def test_alignment(tmp_path, fragment, expected):
    styles = style("Centered", ppr='<w:jc w:val="center"/>')
    assert only_paragraph(tmp_path, fragment, styles=styles).align == expected


INDENT_CASES = [
    (para("x", first_line=720), 36.0),  # 720 twips = half an inch = 36 pt
    (para("x", hanging=360), -18.0),  # a hanging indent is a negative first line
    (para("x"), None),  # unset
    (para("x", style="Indented"), 28.35),  # inherited from the style (567 twips = 1 cm)
]


@pytest.mark.parametrize("fragment, expected", INDENT_CASES)
def test_first_line_indent(tmp_path, fragment, expected):
    styles = style("Indented", ppr='<w:ind w:firstLine="567"/>')
    assert only_paragraph(tmp_path, fragment, styles=styles).indent == expected


def test_pages_are_empty_for_docx(tmp_path):
    result = extract(tmp_path, para("x"), table(row("a"), cols=1))
    assert result.pages is None
    assert all(b.pages == () for b in result.blocks)


# --- body order -------------------------------------------------------------------------------


def test_body_order_with_tables_and_content_controls(tmp_path):
    blocks = extract(
        tmp_path,
        para("trước"),
        table(row("ô 1", "ô 2"), cols=2),
        para("giữa"),
        sdt(para("trong sdt"), table(row("bảng trong sdt"), cols=1)),
        para("sau"),
    ).blocks
    kinds = [(type(b).__name__, b.text if isinstance(b, ir.Paragraph) else b.rows[0].cells[0].text)
             for b in blocks]
    assert kinds == [("Paragraph", "trước"), ("Table", "ô 1"), ("Paragraph", "giữa"),
                     ("Paragraph", "trong sdt"), ("Table", "bảng trong sdt"), ("Paragraph", "sau")]


# --- table grids ------------------------------------------------------------------------------

TABLE_CASES = [
    # a header cell spanning two grid columns
    (table(row(cell("Cơ quan", span=2), "Thời gian"), row("chủ trì", "phối hợp", "2025"), cols=3),
     [[("Cơ quan", 0, 2, 1), ("Thời gian", 2, 1, 1)],
      [("chủ trì", 0, 1, 1), ("phối hợp", 1, 1, 1), ("2025", 2, 1, 1)]]),
    # a vertical merge over three rows: continuation cells are not emitted
    (table(row(cell("1", vmerge="restart"), "a"), row(cell(vmerge="continue"), "b"),
           row(cell(vmerge="continue"), "c"), row("2", "d"), cols=2),
     [[("1", 0, 1, 3), ("a", 1, 1, 1)], [("b", 1, 1, 1)], [("c", 1, 1, 1)],
      [("2", 0, 1, 1), ("d", 1, 1, 1)]]),
    # a merge in an inner column keeps the right-hand cells' grid positions
    (table(row("1", cell("UBND tỉnh", vmerge="restart"), "x"), row("2", cell(vmerge="continue"), "y"), cols=3),
     [[("1", 0, 1, 1), ("UBND tỉnh", 1, 1, 2), ("x", 2, 1, 1)], [("2", 0, 1, 1), ("y", 2, 1, 1)]]),
    # text left in a continuation cell is appended, not lost
    (table(row(cell("a", vmerge="restart")), row(cell("b", vmerge="continue")), cols=1),
     [[("a\nb", 0, 1, 2)], []]),
    # a continuation with nothing above it stays an ordinary cell
    (table(row(cell("lẻ", vmerge="continue")), cols=1), [[("lẻ", 0, 1, 1)]]),
    # gridBefore shifts the first cell; gridAfter widens the table
    (table(row("a", "b", "c"), row("x", grid_before=1, grid_after=1), cols=3),
     [[("a", 0, 1, 1), ("b", 1, 1, 1), ("c", 2, 1, 1)], [("x", 1, 1, 1)]]),
    # legacy horizontal merge widens the first cell
    (table(row(cell("gộp", hmerge="restart"), cell(hmerge="continue")), row("a", "b"), cols=2),
     [[("gộp", 0, 2, 1)], [("a", 0, 1, 1), ("b", 1, 1, 1)]]),
    # a nested table's text becomes paragraphs of its cell
    (table(row(cell(para("ngoài"), table(row("n1", "n2"), row("n3", "n4"), cols=2))), cols=1),
     [[("ngoài\nn1\nn2\nn3\nn4", 0, 1, 1)]]),
    # rows and cells wrapped in content controls are read
    (table(sdt(row(sdt(cell("a")), "b")), cols=2), [[("a", 0, 1, 1), ("b", 1, 1, 1)]]),
    # a row deleted with tracked changes is left out
    (table(row("giữ"), row("xóa", deleted=True), cols=1), [[("giữ", 0, 1, 1)]]),
    # empty paragraphs inside cells are dropped, the cell stays
    (table(row(cell(para(), para("x"), para()), cell()), cols=2), [[("x", 0, 1, 1), ("", 1, 1, 1)]]),
]


@pytest.mark.parametrize("fragment, expected", TABLE_CASES)
def test_table_grid(tmp_path, fragment, expected):
    assert shape(only_table(tmp_path, fragment)) == expected


def test_n_cols_counts_grid_and_widest_row(tmp_path):
    # the declared grid has 2 columns but a row places cells over 3
    assert only_table(tmp_path, table(row("a", "b", "c"), cols=2)).n_cols == 3
    assert only_table(tmp_path, table(row("a"), cols=4)).n_cols == 4


def test_repeat_header_rows(tmp_path):
    t = only_table(tmp_path, table(row("TT", "Nội dung", header=True), row("1.", "x"), cols=2))
    assert [r.repeat_header for r in t.rows] == [True, False]


def test_cell_paragraphs_keep_formatting(tmp_path):
    t = only_table(tmp_path, table(row(cell(para(run("TT", b=True), jc="center"))), cols=1))
    p = t.rows[0].cells[0].paragraphs[0]
    assert (p.text, p.bold, p.align) == ("TT", True, "center")


BR = "<w:br/>"
CELL_LINE_CASES = [
    # a layout cell typed as one paragraph with line breaks keeps its printed lines apart
    (para(run(inner=f"<w:t>BAN CHẤP HÀNH TRUNG ƯƠNG</w:t>{BR}<w:t>VĂN PHÒNG</w:t>{BR}<w:t>-------</w:t>")),
     ["BAN CHẤP HÀNH TRUNG ƯƠNG", "VĂN PHÒNG", "-------"]),
    # blank lines (the room left for the handwritten signature) are no paragraphs
    (para(run(inner=f"<w:t>K/T CHÁNH VĂN PHÒNG</w:t>{BR}<w:t>PHÓ CHÁNH VĂN PHÒNG</w:t>{BR}{BR}{BR}"),
          run("Bùi Văn Thạch")),
     ["K/T CHÁNH VĂN PHÒNG", "PHÓ CHÁNH VĂN PHÒNG", "Bùi Văn Thạch"]),
    # a break between runs, and a line wholly of spaces
    (para(run("Nơi nhận:"), run(inner=BR), run("  "), run(inner=BR), run("- Như trên;")), ["Nơi nhận:", "- Như trên;"]),
    # no break: one paragraph, as before
    (para(run("Sở Nội vụ")), ["Sở Nội vụ"]),
]


@pytest.mark.parametrize("fragment, expected", CELL_LINE_CASES)
def test_line_breaks_in_a_cell_end_lines(tmp_path, fragment, expected):
    t = only_table(tmp_path, table(row(cell(fragment)), cols=1))
    assert [p.text for p in t.rows[0].cells[0].paragraphs] == expected


def test_cell_lines_keep_their_own_formatting_and_the_label_goes_first(tmp_path):
    fragment = para(run("K/T CHỦ TỊCH", b=True), run(inner=BR), run("Nguyễn Văn An", i=True), num=(3, 0),
                    jc="center", first_line=360)
    t = only_table(tmp_path, table(row(cell(fragment)), cols=1), numbering=list_definition(3, [("bullet", "-")]))
    got = [(p.text, p.bold, p.italic, p.align, p.indent) for p in t.rows[0].cells[0].paragraphs]
    assert got == [("- K/T CHỦ TỊCH", True, False, "center", 18.0), ("Nguyễn Văn An", False, True, "center", None)]


# --- borders ----------------------------------------------------------------------------------

GRID_STYLE = style("MyGrid", kind="table", tblpr=borders("single"))
BORDER_CASES = [
    # no style, no borders: Word draws nothing (a layout table)
    (table(row("a", "b"), cols=2), False),
    # explicit single borders
    (table(row("a", "b"), cols=2, tbl_borders=borders("single")), True),
    # every side explicitly none/nil
    (table(row("a", "b"), cols=2, tbl_borders=borders("none")), False),
    (table(row("a", "b"), cols=2, tbl_borders=borders("nil")), False),
    # white lines are hidden lines
    (table(row("a", "b"), cols=2, tbl_borders=borders("single", color="FFFFFF")), False),
    # borders from the table style
    (table(row("a", "b"), cols=2, style="MyGrid"), True),
    # the table switches its style's borders off
    (table(row("a", "b"), cols=2, style="MyGrid", tbl_borders=borders("nil")), False),
    # one cell draws a line although the table has none
    (table(row(cell("a", tc_borders=borders("single", tag="w:tcBorders", sides=("bottom",))), "b"), cols=2),
     True),
    # every cell switches the style's grid off
    (table(row(*(cell(t, tc_borders=borders("nil", tag="w:tcBorders",
                                             sides=("top", "left", "bottom", "right"))) for t in "ab")),
           cols=2, style="MyGrid"), False),
    # a style the package does not define is assumed to be a grid
    (table(row("a"), cols=1, style="UndefinedGrid"), True),
]


@pytest.mark.parametrize("fragment, expected", BORDER_CASES)
def test_bordered(tmp_path, fragment, expected):
    assert only_table(tmp_path, fragment, styles=GRID_STYLE).bordered is expected


def test_python_docx_table_grid_style_is_bordered(tmp_path):
    import docx

    document = docx.Document()
    document.add_table(rows=2, cols=2, style="Table Grid").cell(0, 0).text = "a"
    document.add_table(rows=1, cols=2).cell(0, 0).text = "b"
    document.save(str(tmp_path / "grid.docx"))
    assert [t.bordered for t in extract_docx(tmp_path / "grid.docx").blocks] == [True, False]


# --- automatic numbering ----------------------------------------------------------------------

LISTS = (
    list_definition(1, [("upperRoman", "%1."), ("decimal", "%2."), ("lowerLetter", "%3)")])
    + list_definition(2, [("decimal", "%1.")], start_override=1, abstract_id=1)
    + list_definition(3, [("bullet", "-")])
    + list_definition(4, [("decimal", "%1."), ("decimal", "%1.%2.")])
)


def test_list_labels_are_rendered(tmp_path):
    blocks = extract(
        tmp_path,
        para("MỤC ĐÍCH", num=(1, 0)), para("Mục đích", num=(1, 1)), para("ý", num=(1, 2)),
        para("ý", num=(1, 2)), para("Yêu cầu", num=(1, 1)), para("NHIỆM VỤ", num=(1, 0)),
        para("Nhiệm vụ", num=(1, 1)), para("gạch", num=(3, 0)), para("A", num=(4, 0)),
        para("B", num=(4, 1)), para("lại từ đầu", num=(2, 0)),
        numbering=LISTS,
    ).blocks
    assert [b.text for b in blocks] == [
        "I. MỤC ĐÍCH", "1. Mục đích", "a) ý", "b) ý", "2. Yêu cầu", "II. NHIỆM VỤ", "1. Nhiệm vụ",
        "- gạch", "1. A", "1.1. B", "I. lại từ đầu",
    ]


NUMBER_FORMATS = [
    (4, "upperRoman", "IV"), (19, "lowerRoman", "xix"), (2024, "upperRoman", "MMXXIV"),
    (1, "lowerLetter", "a"), (27, "lowerLetter", "aa"), (3, "upperLetter", "C"),
    (5, "decimalZero", "05"), (12, "decimal", "12"),
    (3, "ordinalText", "3"),  # unknown formats fall back to decimal
    (3, "none", ""),
]


@pytest.mark.parametrize("value, fmt, expected", NUMBER_FORMATS)
def test_format_number(value, fmt, expected):
    assert format_number(value, fmt) == expected


# --- warnings ---------------------------------------------------------------------------------


def _vml_box(*paragraphs: str) -> str:
    return ("<w:r><w:pict><v:shape xmlns:v=\"urn:schemas-microsoft-com:vml\"><v:textbox>"
            f"<w:txbxContent>{''.join(paragraphs)}</w:txbxContent></v:textbox></v:shape></w:pict></w:r>")


def test_tracked_changes_and_text_boxes_are_reported(tmp_path):
    result = extract(tmp_path, para(f"<w:ins {REV}>{run('mới')}</w:ins>"), para(run("x"), _vml_box(para("trong hộp"))))
    assert [w.code for w in result.warnings] == ["docx_text_box_read", "docx_tracked_changes"]
    assert [b.text for b in result.blocks] == ["mới", "x", "trong hộp"]  # the box's text after its anchor
    assert extract(tmp_path, para("sạch")).warnings == ()


def test_a_text_box_drawn_twice_is_read_once(tmp_path):
    """Word writes a DrawingML shape and a VML copy of it for old readers (mc:Fallback): one box."""
    choice = ("<mc:AlternateContent><mc:Choice Requires=\"wps\"><w:drawing><wps:txbx><w:txbxContent>"
              f"{para('DỰ THẢO')}</w:txbxContent></wps:txbx></w:drawing></mc:Choice><mc:Fallback>"
              f"<w:pict><w:txbxContent>{para('DỰ THẢO')}</w:txbxContent></w:pict></mc:Fallback></mc:AlternateContent>")
    result = extract(tmp_path, para(run("Số: 12/KH-UBND"), f"<w:r>{choice}</w:r>"), para("tiếp"))
    assert [b.text for b in result.blocks] == ["Số: 12/KH-UBND", "DỰ THẢO", "tiếp"]
    assert [w.code for w in result.warnings] == ["docx_text_box_read"]


def test_an_empty_text_box_is_no_text(tmp_path):
    result = extract(tmp_path, para(run("x"), _vml_box(para(""))))
    assert [b.text for b in result.blocks] == ["x"] and result.warnings == ()


# --- refused files ----------------------------------------------------------------------------


def _valid(tmp_path: Path) -> Path:
    return write_docx(tmp_path / "ok.docx", para("x"))


ERROR_CASES = [
    # zero bytes
    (lambda d: _write(d / "e.docx", b""), "file is empty"),
    # a PDF renamed to .docx
    (lambda d: _write(d / "p.docx", b"%PDF-1.7\n..."), "not a DOCX file (looks like a PDF)"),
    # plain text renamed
    (lambda d: _write(d / "t.docx", b"hello world"), "not a DOCX file (not a zip archive)"),
    # encrypted DOCX or a Word 97 file
    (lambda d: _write(d / "o.docx", bytes.fromhex("D0CF11E0A1B11AE1") + b"\0" * 504),
     "encrypted DOCX or legacy .doc (OLE2) file"),
    # a zip that is not a Word package
    (lambda d: _zip(d / "z.docx", {"hello.txt": b"hi"}), "corrupt DOCX: missing word/document.xml"),
    # a DOCX without its main part
    (lambda d: rewrite_part(_valid(d), d / "m.docx", "word/document.xml", None),
     "corrupt DOCX: missing word/document.xml"),
    # entity declarations are refused before any parser sees them
    (lambda d: rewrite_part(_valid(d), d / "x.docx", "word/document.xml",
                            b'<?xml version="1.0"?><!DOCTYPE d [<!ENTITY a "aaaa">]><d>&a;</d>'),
     "unsafe DOCX: word/document.xml declares a DOCTYPE or entities"),
]


def _write(path: Path, data: bytes) -> Path:
    path.write_bytes(data)
    return path


def _zip(path: Path, members: dict[str, bytes]) -> Path:
    with zipfile.ZipFile(path, "w") as archive:
        for name, data in members.items():
            archive.writestr(name, data)
    return path


@pytest.mark.parametrize("make, reason", ERROR_CASES)
def test_refused_files(tmp_path, make, reason):
    with pytest.raises(ExtractError) as caught:
        extract_docx(make(tmp_path))
    assert caught.value.reason == reason


def test_encrypted_zip_entry_is_refused(tmp_path):
    data = bytearray(_valid(tmp_path).read_bytes())
    entry = data.index(b"PK\x01\x02")  # central directory records: name at +46, flags at +8
    while data[entry + 46:entry + 46 + 17] != b"word/document.xml":
        entry = data.index(b"PK\x01\x02", entry + 4)
    data[entry + 8] |= 0x1  # the "encrypted" bit of a password-protected zip entry
    with pytest.raises(ExtractError, match="encrypted or password-protected"):
        extract_docx(_write(tmp_path / "enc.docx", bytes(data)))


def test_macro_enabled_document_is_read(tmp_path):
    """docx.Document refuses a .docm's main part content type; the extractor does not."""
    src = write_docx(tmp_path / "src.docx", para("vĩ lệnh"))
    with zipfile.ZipFile(src) as archive:
        types = archive.read("[Content_Types].xml").replace(
            b"wordprocessingml.document.main+xml", b"ms-word.document.macroEnabled.main+xml")
    docm = rewrite_part(src, tmp_path / "m.docm", "[Content_Types].xml", types)
    assert [b.text for b in extract_docx(docm).blocks] == ["vĩ lệnh"]


def test_broken_xml_is_a_corrupt_docx(tmp_path):
    path = rewrite_part(_valid(tmp_path), tmp_path / "b.docx", "word/document.xml", b"<w:document><unclosed>")
    with pytest.raises(ExtractError, match="corrupt DOCX"):
        extract_docx(path)


def test_oversized_parts_are_refused_from_the_zip_directory(tmp_path, monkeypatch):
    monkeypatch.setattr(docx_package, "MAX_UNCOMPRESSED_BYTES", 1000)
    with pytest.raises(ExtractError, match="DOCX too large when decompressed"):
        extract_docx(_valid(tmp_path))


# --- real documents ---------------------------------------------------------------------------


@pytest.mark.skipif(not SAMPLE_196.exists(), reason="samples/plan-196-KH-UBND.docx not generated")
def test_sample_plan_196():
    tables = [b for b in extract_docx(SAMPLE_196).blocks if isinstance(b, ir.Table)]
    tasks = [t for t in tables if t.n_cols == 7]
    assert len(tasks) == 1 and tasks[0].bordered
    assert len(tasks[0].rows) == 25
    assert [r.repeat_header for r in tasks[0].rows[:2]] == [True, False]
    assert sum(not t.bordered for t in tables) >= 2  # letterhead and signature block


def test_real_lam_dong_draft():
    blocks = extract_docx(real(REAL_LAMDONG)).blocks
    tables = [b for b in blocks if isinstance(b, ir.Table)]
    assert [(t.n_cols, len(t.rows), t.bordered) for t in tables] == [(2, 2, False), (2, 1, False), (7, 67, True)]
    assert tables[2].rows[0].repeat_header
    assert max(c.row_span for r in tables[2].rows for c in r.cells) == 2
    assert blocks[1].text == "KẾ HOẠCH" and blocks[1].bold and blocks[1].align == "center"


def test_a_box_inside_a_box_is_read_once(tmp_path):
    inner = _vml_box(para("bên trong"))
    result = extract(tmp_path, para(run("x"), _vml_box(para(run("ngoài"), inner))))
    assert [b.text for b in result.blocks] == ["x", "ngoài", "bên trong"]
