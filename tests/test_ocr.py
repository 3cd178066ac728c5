"""The OCR path (pipeline.extract.ocr.reader and its helpers): TSV → layout words, the page
choice (`--ocr auto|never|always`), ruling lines and blobs from page images, bold
from strokes, refusals, end to end.

The TSV tests run everywhere. The end-to-end tests need the `tesseract` binary with
Vietnamese data (apt-get install tesseract-ocr tesseract-ocr-vie): they are skipped
without it, except in CI (CI=true) where a missing Tesseract is a failure.
"""
from __future__ import annotations

import json
import os
import sys
from pathlib import Path

import pytest

import bad_files as bf
from pipeline.cli import main
from pipeline.warnings import PlanWarning
from pipeline.conversion import ConversionError, convert
from pipeline.extract.ocr import image as ocr_image, reader as ocr, second
from pipeline.i18n import message
from pipeline.extract.layout import group_lines
from pipeline.data.progress import listening
from real_fixtures import real

ROOT = Path(__file__).resolve().parents[1]
SCANNED_707 = "13_QD-707-QD-TTg_2026-04-22_KeHoach-PCRT_scanned.pdf"
FONT = Path(__file__).resolve().parent / "fonts" / "DejaVuSerif.ttf"
NO_TEXT_LAYER = "no text layer (scanned or image-only PDF); --ocr auto reads it by OCR"

HEAD = "level\tpage_num\tblock_num\tpar_num\tline_num\tword_num\tleft\ttop\twidth\theight\tconf\ttext"


def tsv(*rows: tuple) -> str:
    """Tesseract TSV from (block, par, line, left, top, width, height, conf, text) word rows."""
    lines = [HEAD, "1\t1\t0\t0\t0\t0\t0\t0\t2480\t3508\t-1\t"]
    for block, par, line, left, top, width, height, conf, text in rows:
        lines.append(f"4\t1\t{block}\t{par}\t{line}\t0\t{left}\t{top}\t{width}\t{height}\t-1\t")
        lines.append(f"5\t1\t{block}\t{par}\t{line}\t1\t{left}\t{top}\t{width}\t{height}\t{conf}\t{text}")
    return "\n".join(lines) + "\n"


# --- parse_tsv ---------------------------------------------------------------------

PARSE_CASES = [
    # one good word: text and pixel box kept
    ([(1, 1, 1, 300, 600, 120, 50, 96.5, "Số:")], [("Số:", 300, 600, 120, 50)]),
    # below the confidence floor: a speck read as a letter
    ([(1, 1, 1, 300, 600, 20, 20, 12.0, "l")], []),
    # confidence exactly at the floor is kept
    ([(1, 1, 1, 300, 600, 20, 50, 30.0, "a")], [("a", 300, 600, 20, 50)]),
    # empty and blank words (Tesseract's boxes around pictures) are dropped
    ([(1, 1, 1, 300, 600, 200, 200, 95.0, " ")], []),
    # decomposed accents come out composed (NFC)
    ([(1, 1, 1, 0, 0, 100, 50, 90.0, "Ho\u0323\u0302i")], [("Hội", 0, 0, 100, 50)]),
    # Icelandic eth, Tesseract's usual misreading of Đ in "QĐ", becomes Vietnamese Đ
    ([(1, 1, 1, 0, 0, 100, 50, 90.0, "QÐ-TTg")], [("QĐ-TTg", 0, 0, 100, 50)]),
]


@pytest.mark.parametrize("rows, expected", PARSE_CASES)
def test_parse_tsv(rows: list[tuple], expected: list[tuple]) -> None:
    assert [(w.text, w.left, w.top, w.width, w.height) for w in ocr.parse_tsv(tsv(*rows))] == expected


def test_parse_tsv_ignores_header_and_non_word_rows() -> None:
    assert ocr.parse_tsv(HEAD + "\n1\t1\t0\t0\t0\t0\t0\t0\t2480\t3508\t-1\t\n") == []


# --- tsv_to_words ------------------------------------------------------------------

# Two lines of body text at 300 dpi: 50 px of ink is 12 pt, times INK_TO_FONT_SIZE.
TWO_LINES = tsv(
    (1, 1, 1, 300, 600, 120, 50, 96.0, "Căn"),
    (1, 1, 1, 440, 606, 60, 38, 95.0, "cứ"),  # shorter ink (no ascender): same line, same box
    (1, 1, 1, 520, 598, 150, 54, 94.0, "Luật"),  # centres level: no skew
    (1, 1, 2, 300, 700, 140, 50, 93.0, "Điều"),
    (1, 1, 2, 460, 700, 40, 50, 92.0, "1."),
)


def test_tsv_to_words_converts_pixels_to_points() -> None:
    words = ocr.tsv_to_words(TWO_LINES, page=3, dpi=300)
    first = words[0]
    assert (first.text, first.x0, first.x1) == ("Căn", 72.0, 100.8)  # 300 px and 420 px at 300 dpi
    assert first.size == 14.5  # 50 px = 12 pt of ink, x 1.2, to the half point
    assert (first.bold, first.italic, first.page) == (False, False, 3)  # a scan has no font names


def test_tsv_to_words_gives_a_line_one_height() -> None:
    words = ocr.tsv_to_words(TWO_LINES, page=1, dpi=300)
    lines = group_lines(words)
    assert [ln.text for ln in lines] == ["Căn cứ Luật", "Điều 1."]
    assert len({(w.top, w.bottom) for w in lines[0].words}) == 1  # accents and descenders do not matter
    assert lines[1].top - lines[0].bottom == pytest.approx((700 - 600) * 72 / 300 - 14.5, abs=0.6)


def test_tsv_to_words_undoes_skew() -> None:
    # one line tilted by 2% (a crooked scan) and a second line below it, same tilt
    rows = [(1, 1, 1, 300 + 200 * i, 600 + 4 * i, 150, 50, 95.0, f"từ{i}") for i in range(8)]
    rows += [(1, 1, 2, 300 + 200 * i, 680 + 4 * i, 150, 50, 95.0, f"hai{i}") for i in range(8)]
    words = ocr.tsv_to_words(tsv(*rows), page=1, dpi=300)
    lines = group_lines(words)
    assert len(lines) == 2  # without deskewing the 28 px drift splits each line
    assert lines[0].words[-1].x0 - lines[0].words[0].x0 == pytest.approx(1400 * 72 / 300, abs=2)


NOISE_CASES = [
    # a line of punctuation only (a "+" speck beside a title) is not text
    ([(2, 1, 1, 900, 790, 30, 30, 79.0, "+")], []),
    # a lone tall word (a clerk's initials in the corner) is a mark, not text
    ([(3, 1, 1, 2200, 16, 180, 126, 83.0, "THT")], []),
    # a tall word in a line of ordinary words (overlapped by a stamp) stays
    ([(3, 1, 1, 600, 750, 117, 150, 68.0, "ban"), (3, 1, 1, 740, 800, 130, 50, 96.0, "hành")], ["ban", "hành"]),
]


@pytest.mark.parametrize("noise, kept", NOISE_CASES)
def test_tsv_to_words_drops_noise_lines(noise: list[tuple], kept: list[str]) -> None:
    body = [(1, 1, n, 300, 1000 + 80 * n, 120, 50, 95.0, "chữ") for n in range(1, 6)]
    texts = [w.text for w in ocr.tsv_to_words(tsv(*body, *noise), page=1)]
    assert texts == ["chữ"] * 5 + kept


def test_empty_tsv_gives_no_words() -> None:
    assert ocr.tsv_to_words(tsv(), page=1) == []


def _tsv_word(text: str, left: int, right: int, conf: float, top: int = 990, height: int = 42) -> ocr.TsvWord:
    return ocr.TsvWord(text, left, top, right - left, height, conf, (1, 1, 1))


# Scan 13, page 1 (300 dpi): a segment of the title read again on its own.
FIRST_READING = [_tsv_word("2026", 440, 591, 93), _tsv_word("-", 567, 593, 93),
                 _tsv_word("2030,.chuân:", 604, 917, 32), _tsv_word("bị", 919, 979, 39),
                 _tsv_word("cho", 989, 1075, 96)]


def test_second_reading_keeps_only_words_within_the_segment() -> None:
    # the white cut around "QUYÉT ĐỊNH" held the top of "hành" on the line below: read as
    # "sành" and placed into the type line, it hid the type ("sành QUYÉT ĐỊNH")
    old = [_tsv_word("QUYÉT", 1158, 1364, 58, top=755, height=71), _tsv_word("ĐỊNH", 1378, 1532, 97, top=772, height=84)]
    new = [_tsv_word("QUYÉT", 1158, 1363, 89, top=758, height=65), _tsv_word("ĐỊNH", 1379, 1532, 96, top=771, height=52),
           _tsv_word("sành", 1142, 1246, 69, top=844, height=29)]
    assert [w.text for w in second.within_segment(new, old)] == ["QUYÉT", "ĐỊNH"]
    # and beside it: the end of a word in the next table cell, within the rows
    beside = new[:2] + [_tsv_word("tín", 1540, 1600, 70, top=770, height=50)]
    assert [w.text for w in second.within_segment(beside, old)] == ["QUYÉT", "ĐỊNH"]


def test_second_reading_must_keep_the_surely_read_words() -> None:
    # surer on average but "- 2030, chuẩn bị" gone: the first reading stays
    lost = [_tsv_word("2026", 440, 557, 93), _tsv_word("cho", 996, 1079, 91)]
    assert not second.keeps_sure_words(lost, FIRST_READING)
    # the unsure words may change or go; a word over each sure one is enough
    mended = [_tsv_word("2026", 440, 557, 93), _tsv_word("-", 567, 593, 95), _tsv_word("2030,", 604, 700, 90),
              _tsv_word("cho", 996, 1079, 91)]
    assert second.keeps_sure_words(mended, FIRST_READING)


def _page(number: int, confidences: tuple[float, ...], words: bool = True) -> ocr.OcrPage:
    return ocr.OcrPage(number, ocr.tsv_to_words(TWO_LINES, number) if words else [], [], confidences, 595, 842)


def test_ocr_warning_lists_pages_reasons_and_confidence() -> None:
    result = ocr.OcrResult({1: _page(1, (93.0, 95.0)), 2: _page(2, (), words=False), 3: _page(3, (90.0,))})
    reasons = {1: "no text layer", 2: "no text layer", 3: "text layer is not Vietnamese"}
    assert ocr.ocr_warning(result, reasons) == PlanWarning(
        "ocr_used",
        "text of 2 page(s) read by OCR (no text layer: 1; text layer is not Vietnamese: 3); "
        "mean word confidence 93%; check names and numbers against the scan",
        "/source",
    )


def test_low_confidence_warning_names_the_pages() -> None:
    result = ocr.OcrResult({1: _page(1, (96.0,)), 2: _page(2, (60.0, 70.0)), 3: _page(3, (), words=False)})
    assert ocr.low_confidence_warning(result) == PlanWarning(
        "ocr_low_confidence",
        "OCR unsure of page(s) 2 (65%): mean word confidence under 75%; read these pages against the scan",
        "/source",
    )
    assert ocr.low_confidence_warning(ocr.OcrResult({1: _page(1, (96.0,))})) is None


# --- refusals (no real Tesseract needed) --------------------------------------------

@pytest.fixture
def fresh_probe():
    """tesseract_ready is cached per process; tests that swap the binary reset it."""
    ocr.tesseract_ready.cache_clear()
    yield
    ocr.tesseract_ready.cache_clear()


def _fake_tesseract(folder: Path, script: str) -> str:
    path = folder / "fake-tesseract"
    path.write_text("#!/bin/sh\n" + script + "\n")
    path.chmod(0o755)
    return str(path)


MISSING_LINE = ("no text layer (scanned or image-only PDF): OCR needs Tesseract with Vietnamese data, "
                "which is not installed (apt-get install tesseract-ocr tesseract-ocr-vie)")


def test_missing_tesseract_is_one_line(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, fresh_probe) -> None:
    monkeypatch.setattr(ocr, "TESSERACT", str(tmp_path / "no-such-tesseract"))
    with pytest.raises(ConversionError) as caught:
        convert(bf.image_only_pdf(tmp_path))  # no flag: auto
    assert caught.value.reason == MISSING_LINE


def test_tesseract_without_vietnamese_counts_as_missing(tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                                        fresh_probe) -> None:
    fake = _fake_tesseract(tmp_path, 'printf "List of available languages (2):\\neng\\nosd\\n"')
    monkeypatch.setattr(ocr, "TESSERACT", fake)
    assert not ocr.tesseract_ready()


def test_cli_without_tesseract_exits_1(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys, fresh_probe) -> None:
    monkeypatch.setattr(ocr, "TESSERACT", str(tmp_path / "no-such-tesseract"))
    pdf = bf.image_only_pdf(tmp_path)
    assert main(["convert", str(pdf), "-o", str(tmp_path / "out")]) == 1
    assert capsys.readouterr().err == f"vnplan: {pdf}: {MISSING_LINE}\n"
    assert not (tmp_path / "out").exists()


# --- without the [ocr] extra (OpenCV, numpy): simulated by blocking their import ------------

EXTRA_LINE = "OCR needs the [ocr] extra: pip install 'vnplan[ocr]'"


@pytest.fixture
def without_ocr_extra(monkeypatch: pytest.MonkeyPatch) -> None:
    """cv2 and numpy made unimportable (None in sys.modules), as in a core-only install."""
    monkeypatch.setitem(sys.modules, "cv2", None)
    monkeypatch.setitem(sys.modules, "numpy", None)


def test_scan_without_the_ocr_extra_names_it(tmp_path: Path, without_ocr_extra, capsys) -> None:
    pdf = bf.image_only_pdf(tmp_path)
    assert main(["convert", str(pdf), "-o", str(tmp_path / "out")]) == 1
    assert capsys.readouterr().err == f"vnplan: {pdf}: no text layer (scanned or image-only PDF): {EXTRA_LINE}\n"
    assert not (tmp_path / "out").exists()


def test_inspect_of_a_scan_without_the_ocr_extra_names_it(tmp_path: Path, without_ocr_extra, capsys) -> None:
    pdf = bf.image_only_pdf(tmp_path)
    assert main(["inspect", str(pdf), "-o", str(tmp_path / "out")]) == 1
    err = capsys.readouterr().err
    assert err.endswith(f": {EXTRA_LINE}\n") and len(err.splitlines()) == 1, err


def test_text_pages_stay_without_the_ocr_extra(tmp_path: Path, without_ocr_extra) -> None:
    pdf = _with_scanned_page(ROOT / "samples" / "plan-196-KH-UBND.pdf", bf.image_only_pdf(tmp_path),
                             tmp_path / "mixed.pdf")
    doc = convert(pdf)
    assert len(doc["tasks"]) == 24
    codes = {w["code"]: w["message"] for w in doc["warnings"]}
    assert codes["ocr_unavailable"] == (f"1 page(s) need OCR (13: no text layer) but {EXTRA_LINE}; "
                                        "they were not read from their images")


class _NoImages:
    """Stands in for the page renderer: a page is nothing, at 300 dpi."""

    def __init__(self, path: Path) -> None:
        pass

    def render(self, number: int) -> tuple[None, float]:
        return None, 300.0

    def close(self) -> None:
        pass


def test_long_scan_is_read_whole(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Issue 21: a scan over 60 pages was refused ("too many pages to OCR"); every page is read now,
    within the per-file limits."""
    monkeypatch.setattr(ocr, "tesseract_ready", lambda: True)
    monkeypatch.setattr(ocr, "inked_pages", lambda path, numbers: numbers)
    monkeypatch.setattr(ocr, "PageImages", _NoImages)
    monkeypatch.setattr(ocr, "read_image", lambda image, n, dpi: ocr.OcrPage(n, [], [], (90.0,), 595.0, 842.0))
    result = ocr.ocr_pages(tmp_path / "scan.pdf", list(range(1, 101)), jobs=1)
    assert sorted(result.pages) == list(range(1, 101))


def test_page_timeout(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(ocr, "tesseract_ready", lambda: True)
    monkeypatch.setattr(ocr, "TESSERACT", _fake_tesseract(tmp_path, "exec /bin/sleep 5"))
    monkeypatch.setattr(ocr, "PAGE_TIMEOUT", 0.3)
    monkeypatch.setattr(ocr_image, "ORIENTATION_TIMEOUT", 0.3)  # the orientation check gives up: page kept as is
    with pytest.raises(ConversionError, match=r"^OCR timed out on page 1 \(over 0.3 s\)$"):
        convert(bf.image_only_pdf(tmp_path), ocr=True)


def test_tesseract_failure_is_one_line(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(ocr, "tesseract_ready", lambda: True)
    monkeypatch.setattr(ocr, "TESSERACT", _fake_tesseract(tmp_path, 'echo "Error: bad image" >&2; exit 1'))
    with pytest.raises(ConversionError, match=r"^OCR failed on page 1 \(Error: bad image\)$"):
        convert(bf.image_only_pdf(tmp_path), ocr=True)


def test_text_layer_pdf_is_untouched_by_ocr(monkeypatch: pytest.MonkeyPatch) -> None:
    # no page lacks a text layer: Tesseract is never asked for, the output is the same
    monkeypatch.setattr(ocr, "tesseract_ready", lambda: pytest.fail("OCR probed for a text PDF"))
    sample = ROOT / "samples" / "plan-196-KH-UBND.pdf"
    assert convert(sample, ocr=True) == convert(sample)


def _blank_pdf(folder: Path, pages: int) -> Path:
    """Pages with a drawing and no characters: every one would need OCR."""
    from reportlab.lib.pagesizes import A4
    from reportlab.pdfgen import canvas

    path = folder / "blank.pdf"
    pdf = canvas.Canvas(str(path), pagesize=A4)
    for _ in range(pages):
        pdf.rect(50, 50, 100, 100)  # a drawing, no characters
        pdf.showPage()
    pdf.save()
    return path


# --- end to end with Tesseract -------------------------------------------------------

@pytest.fixture
def tesseract() -> None:
    """Skip without Tesseract + Vietnamese data; in CI that is a failure."""
    if ocr.tesseract_ready():
        return
    if os.environ.get("CI") == "true":
        pytest.fail("CI=true but tesseract with Vietnamese data is missing: "
                    "apt-get install -y tesseract-ocr tesseract-ocr-vie")
    pytest.skip("tesseract with Vietnamese data (tesseract-ocr-vie) is not installed")


# A plan's first page at 200 dpi: the two-column header, the type line, the title, a body.
SCAN_DPI = 200
SCAN_MARGINS = (70, 525)  # points
SCAN_HEADER = [
    ("ỦY BAN NHÂN DÂN", "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"),
    ("TỈNH LÂM ĐỒNG", "Độc lập - Tự do - Hạnh phúc"),
    ("", ""),
    ("Số: 12/KH-UBND", "Lâm Đồng, ngày 5 tháng 3 năm 2026"),
]
SCAN_BODY = [
    ("center", "KẾ HOẠCH"),
    ("center", "Triển khai công tác cải cách hành chính năm 2026"),
    ("", ""),
    ("justify", "Thực hiện Chương trình cải cách hành chính giai đoạn 2021 - 2030, Ủy ban"),
    ("left", "nhân dân tỉnh ban hành Kế hoạch như sau:"),
    ("left", "I. MỤC ĐÍCH, YÊU CẦU"),
    ("left", "Nâng cao hiệu quả công tác cải cách hành chính trên địa bàn tỉnh."),
    ("left", "II. NHIỆM VỤ"),
    ("left", "1. Rà soát thủ tục hành chính."),
]


def scanned_plan_pdf(folder: Path) -> Path:
    """An image-only PDF: the page drawn with Pillow, then placed as one picture by reportlab."""
    from PIL import Image, ImageDraw, ImageFont
    from reportlab.lib.pagesizes import A4
    from reportlab.lib.utils import ImageReader
    from reportlab.pdfgen import canvas

    def px(points: float) -> int:
        return round(points * SCAN_DPI / 72)

    image = Image.new("L", (px(A4[0]), px(A4[1])), 255)
    draw = ImageDraw.Draw(image)
    font = ImageFont.truetype(str(FONT), px(12))

    def centred(text: str, centre: float, y: int) -> None:
        draw.text((px(centre) - draw.textlength(text, font=font) / 2, y), text, font=font, fill=0)

    y = px(60)
    for left, right in SCAN_HEADER:
        centred(left, 150, y)
        centred(right, 390, y)
        y += px(18)
    y += px(24)
    for align, text in SCAN_BODY:
        if align == "center":
            centred(text, sum(SCAN_MARGINS) / 2, y)
        elif align == "left":
            draw.text((px(SCAN_MARGINS[0]), y), text, font=font, fill=0)
        elif align == "justify":  # spread to the right margin, as a full line of a paragraph
            words = text.split()
            spare = px(SCAN_MARGINS[1] - SCAN_MARGINS[0]) - sum(draw.textlength(w, font=font) for w in words)
            x = float(px(SCAN_MARGINS[0]))
            for word in words:
                draw.text((x, y), word, font=font, fill=0)
                x += draw.textlength(word, font=font) + spare / (len(words) - 1)
        y += px(20)
    png = folder / "page.png"
    image.save(png)
    path = folder / "scanned-plan.pdf"
    pdf = canvas.Canvas(str(path), pagesize=A4)
    pdf.drawImage(ImageReader(str(png)), 0, 0, width=A4[0], height=A4[1])
    pdf.showPage()
    pdf.save()
    png.unlink()
    return path


@pytest.fixture
def scanned_plan(tmp_path: Path) -> Path:
    if not FONT.exists():
        pytest.skip(f"{FONT} is not installed")
    return scanned_plan_pdf(tmp_path)


def test_scanned_plan_with_ocr_never_is_refused(scanned_plan: Path) -> None:
    with pytest.raises(ConversionError) as caught:
        convert(scanned_plan, ocr="never")
    assert caught.value.reason == NO_TEXT_LAYER


def test_scanned_plan_with_no_flag(tesseract: None, scanned_plan: Path) -> None:
    doc = convert(scanned_plan)
    document = doc["document"]
    assert (document["type"], document["number"], document["code"]) == ("ke_hoach", "12", "12/KH-UBND")
    assert document["issued_date"] == "2026-03-05"
    assert document["issuer"]["name"] == "Ủy ban nhân dân tỉnh Lâm Đồng"
    assert [s["number"] for s in doc["sections"] if s["number"]] == ["I", "II"]
    warning = next(w for w in doc["warnings"] if w["code"] == "ocr_used")
    assert warning["where"] == "/source"
    assert warning["message"].startswith("text of 1 page(s) read by OCR (no text layer: 1); mean word confidence ")


def test_cli_convert_ocr(tesseract: None, scanned_plan: Path, tmp_path: Path, capsys) -> None:
    out = tmp_path / "out"
    assert main(["convert", str(scanned_plan), "-o", str(out)]) == 0  # no flag: auto
    doc = json.loads((out / "scanned-plan.json").read_text(encoding="utf-8"))
    assert doc["document"]["code"] == "12/KH-UBND"
    assert main(["convert", str(scanned_plan), "--ocr", "never", "-o", str(out / "plain")]) == 1
    assert NO_TEXT_LAYER.split(";")[0] in capsys.readouterr().err
    assert not (out / "plain").exists()


# Every command that reads a PDF, as a user would first type it with --ocr never; {pdf} and {out} filled in.
HINTED_COMMANDS = [
    "convert {pdf} -o {out} --ocr never",
    "inspect {pdf} -o {out} --ocr never --dpi 60",
    "render {pdf} --to md --ocr never",
    "diff {pdf} {pdf} --ocr never",
]


@pytest.mark.parametrize("command", HINTED_COMMANDS, ids=[c.split()[0] for c in HINTED_COMMANDS])
def test_the_hint_of_a_refusal_is_a_command_that_works(tesseract: None, scanned_plan: Path, tmp_path: Path,
                                                       command: str, capsys) -> None:
    """`inspect` once suggested `--ocr auto`, then refused it as a usage error: the hint is now the
    whole command, and running it as printed succeeds."""
    import shlex

    from pipeline.i18n import message

    words = shlex.split(command.format(pdf=scanned_plan, out=tmp_path / "out"))
    assert main(words) in (1, 2)  # refused (diff: 2, trouble)
    err = capsys.readouterr().err
    prefix = message("cli.try", command="")
    assert prefix in err, err
    hinted = shlex.split(err.split(prefix, 1)[1].strip())
    assert hinted[0] == "vnplan" and hinted[1] == words[0]
    assert main(hinted[1:]) == 0, capsys.readouterr().err


GOLDEN_707 = json.loads((ROOT / "tests" / "golden" / "13-qd-707-scanned.expected.json").read_text(encoding="utf-8"))


@pytest.fixture(scope="module")
def decision_707() -> dict:  # 21 pages through Tesseract: minutes; its tests are marked slow
    """The real scanned decision 707/QĐ-TTg (21 pages, 17 of them a table scanned sideways), no flag."""
    if not ocr.tesseract_ready():
        if os.environ.get("CI") == "true":
            pytest.fail(f"CI=true but tesseract with Vietnamese data is missing: {ocr.INSTALL}")
        pytest.skip(f"tesseract with Vietnamese data is not installed ({ocr.INSTALL})")
    return convert(real(SCANNED_707))


# document fields the golden holds, as written on the page; the handwritten ones are known misses
DOCUMENT_707 = [
    ("type", None),
    ("symbol", "the handwritten number runs the number line into the place and date: 'Số: †oX TTg Hà Nội,'"),
    ("place", "the place and date line is read into the number line (see symbol)"),
    ("number", "handwritten into the printed form: Tesseract reads no handwriting"),
    ("issued_date", "the day is handwritten into the printed form"),
    ("title", "the 'received' stamp box left of the title splits its first line into two columns"),
]


@pytest.mark.slow
@pytest.mark.parametrize("field, known_miss", DOCUMENT_707, ids=[f for f, _ in DOCUMENT_707])
def test_real_scanned_decision_document(decision_707: dict, field: str, known_miss: str | None, request) -> None:
    if known_miss:
        request.applymarker(pytest.mark.xfail(strict=True, reason=known_miss))
    assert decision_707["document"][field] == GOLDEN_707["document"][field]


@pytest.mark.slow
def test_real_scanned_decision_articles(decision_707: dict) -> None:
    numbers = [s["number"] for s in decision_707["sections"] if s["number"]]
    assert numbers[:3] == GOLDEN_707["section_numbers"]


@pytest.mark.slow
def test_real_scanned_decision_reads_every_page(decision_707: dict) -> None:
    warning = next(w for w in decision_707["warnings"] if w["code"] == "ocr_used")
    assert warning["message"].startswith("text of 21 page(s) read by OCR (no text layer: 1, 2, 3")
    assert not any(w["code"] == "pages_without_text" for w in decision_707["warnings"])


def test_blank_scan_with_ocr(tesseract: None, tmp_path: Path) -> None:
    # a picture with no letters: OCR was tried and found nothing, which the reason says
    with pytest.raises(ConversionError, match=r"^no text layer \(scanned or image-only PDF\), and OCR found no text "
                                              r"on its pages \(blank or unreadable scan\)$"):
        convert(bf.image_only_pdf(tmp_path), ocr=True)


# --- which pages are read by OCR (page_choice) ---------------------------------------

from pipeline.extract import page_choice  # noqa: E402
from pipeline.text import is_vietnamese_syllable, vietnamese_share  # noqa: E402

SYLLABLE_CASES = [
    ("Kế", True),  # onset k, nucleus ê, one tone
    ("hoạch", True),  # nucleus oa, coda ch
    ("NGHIÊNG", True),  # capitals: ngh + iê + ng
    ("khuỷu", True),  # uyu with its tone
    ("UBND", False),  # an abbreviation: no vowel nucleus
    ("Ӣ", False),  # a Cyrillic letter from a broken map
    ("WKҁQJ", False),  # "thông" through a shifted map
    ("hoáá", False),  # two tone marks
    ("STEM", False),  # an English word
]


@pytest.mark.parametrize("word, valid", SYLLABLE_CASES)
def test_is_vietnamese_syllable(word: str, valid: bool) -> None:
    assert is_vietnamese_syllable(word) is valid


def test_vietnamese_share_of_the_real_mojibake_line() -> None:
    # "SỞ CÔNG THƯƠNG" as a real broken signed plan's text layer gives it: only "CÔNG" survives
    assert vietnamese_share("6Ӣ CÔNG 7+ѬѪ1*") == (pytest.approx(1 / 3), 3)


GOOD = "Ủy ban nhân dân tỉnh ban hành Kế hoạch triển khai thực hiện nhiệm vụ năm 2025 như sau " * 2
MOJIBAKE = "҆\\ EDQ QK҂Q G҂Q WѩQK EDQ KҀQK .ҟ KRҁFK WULѣQ NKDL WKґF KLѧQ QKLѧP Yҗ QѣP QKѭ VDX " * 2

CHOICE_CASES = [
    (page_choice.PageText(1, 0, 0.0, ""), page_choice.NO_TEXT),  # a scanned page
    (page_choice.PageText(1, 900, 0.4, GOOD), page_choice.UNMAPPED),  # 40% glyphs without a mapping
    (page_choice.PageText(1, 900, 0.0, MOJIBAKE), page_choice.NOT_VIETNAMESE),  # shifted ToUnicode map
    (page_choice.PageText(1, 900, 0.0, GOOD), None),  # a good text layer
    (page_choice.PageText(1, 900, 0.05, GOOD), None),  # a few unmapped glyphs: still the text layer
    (page_choice.PageText(1, 40, 0.0, "UBND KH-UBND 12/2024 STT"), None),  # too few words to judge
]


@pytest.mark.parametrize("page, problem", CHOICE_CASES)
def test_text_layer_problem(page: page_choice.PageText, problem: str | None) -> None:
    assert page_choice.text_layer_problem(page) == problem


MODE_PAGES = [page_choice.PageText(1, 900, 0.0, GOOD), page_choice.PageText(2, 0, 0.0, ""),
              page_choice.PageText(3, 900, 0.0, MOJIBAKE)]


@pytest.mark.parametrize("mode, wanted", [
    ("auto", {2: page_choice.NO_TEXT, 3: page_choice.NOT_VIETNAMESE}),  # only the pages that need it
    ("never", {}),  # text layers only
    ("always", {1: "OCR requested", 2: "OCR requested", 3: "OCR requested"}),  # every page
])
def test_pages_to_ocr(mode: str, wanted: dict[int, str]) -> None:
    assert page_choice.pages_to_ocr(MODE_PAGES, mode) == wanted


STAMP = "SAO Y; CÔNG AN TỈNH LÂM ĐỒNG; 25/12/2025; 09:27:28; +07:00"


@pytest.mark.parametrize("pages, wanted", [
    # archive scans 009 and 031: the first page's text layer is the e-stamp's line only
    ([page_choice.PageText(1, 58, 0.0, STAMP), page_choice.PageText(2, 0, 0.0, "")],
     {1: page_choice.THIN, 2: page_choice.NO_TEXT}),
    # the same short line in a typed file (no page without text) is a short page, kept
    ([page_choice.PageText(1, 58, 0.0, STAMP), page_choice.PageText(2, 900, 0.0, GOOD)], {}),
    # a typed signature page beside a scanned appendix keeps its text layer
    ([page_choice.PageText(1, 900, 0.0, GOOD), page_choice.PageText(2, 0, 0.0, "")], {2: page_choice.NO_TEXT}),
])
def test_thin_text_layer_on_a_scan(pages: list, wanted: dict[int, str]) -> None:
    assert page_choice.pages_to_ocr(pages, "auto") == wanted


@pytest.mark.parametrize("given, mode", [(True, "auto"), (False, "never"), ("always", "always"), ("auto", "auto")])
def test_ocr_mode(given, mode: str) -> None:
    # each case: the old switch (True/False) and the new names
    from pipeline.conversion import ocr_mode

    assert ocr_mode(given) == mode


def test_unknown_ocr_mode_is_a_usage_error(capsys) -> None:
    with pytest.raises(SystemExit) as caught:
        main(["convert", "x.pdf", "--ocr", "sometimes"])
    assert caught.value.code == 2
    assert "invalid choice: 'sometimes'" in capsys.readouterr().err


# --- mojibake PDFs -------------------------------------------------------------------

@pytest.fixture
def mojibake_pdf(tmp_path: Path) -> Path:
    """A two-page plan with a task table, drawn right, whose text layer says "WKҁQJ" for "thông"."""
    from scanned.mojibake import wrong_tounicode
    from variants.build_pdf import build_platypus_pdf
    from scanned.corpus import variant

    with wrong_tounicode():
        return build_platypus_pdf(variant("group-roman").spec, tmp_path / "mojibake.pdf")


def test_mojibake_with_ocr_never_is_refused(mojibake_pdf: Path, tmp_path: Path, capsys) -> None:
    assert main(["convert", str(mojibake_pdf), "--ocr", "never", "-o", str(tmp_path / "out")]) == 1
    err = capsys.readouterr().err
    assert err.startswith(f"vnplan: {mojibake_pdf}: text layer is not Vietnamese text: ")
    hint = message("cli.try", command=f"vnplan convert {mojibake_pdf} -o {tmp_path / 'out'} --ocr auto")
    assert err.endswith(f"(fonts embedded with a wrong Unicode map); {hint}\n")  # the command to run, whole
    assert len(err.splitlines()) == 1 and not (tmp_path / "out").exists()


def test_mojibake_without_tesseract_names_the_package(mojibake_pdf: Path, tmp_path: Path,
                                                      monkeypatch: pytest.MonkeyPatch, fresh_probe) -> None:
    monkeypatch.setattr(ocr, "TESSERACT", str(tmp_path / "no-such-tesseract"))
    with pytest.raises(ConversionError) as caught:
        convert(mojibake_pdf)
    assert caught.value.reason == ("text layer is not Vietnamese: OCR needs Tesseract with Vietnamese data, "
                                   "which is not installed (apt-get install tesseract-ocr tesseract-ocr-vie)")


def test_mojibake_converts_by_ocr_with_no_flag(tesseract: None, mojibake_pdf: Path) -> None:
    doc = convert(mojibake_pdf)
    warning = next(w for w in doc["warnings"] if w["code"] == "ocr_used")
    assert warning["message"].startswith("text of 2 page(s) read by OCR (text layer is not Vietnamese: 1, 2); ")
    assert doc["document"]["code"] == "58/KH-UBND"
    assert doc["document"]["issuer"]["name"] == "Ủy ban nhân dân tỉnh Nghệ An"
    assert [(t["number"], [a["name"] for a in t["lead"]]) for t in doc["tasks"]] == [
        (1, ["Sở Y tế"]), (2, ["Sở Y tế"]), (3, ["Sở Tài chính"]), (4, ["Sở Tài chính"])]


def _with_scanned_page(text_pdf: Path, scan: Path, out: Path) -> Path:
    import pypdfium2

    merged = pypdfium2.PdfDocument(text_pdf)
    merged.import_pages(pypdfium2.PdfDocument(scan))
    merged.save(out)
    return out


def test_text_pages_stay_when_tesseract_is_missing(tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                                   fresh_probe) -> None:
    # the sample plan with one scanned page appended: converted from its text layer, the page named
    monkeypatch.setattr(ocr, "TESSERACT", str(tmp_path / "no-such-tesseract"))
    pdf = _with_scanned_page(ROOT / "samples" / "plan-196-KH-UBND.pdf", bf.image_only_pdf(tmp_path),
                             tmp_path / "mixed.pdf")
    doc = convert(pdf)
    assert len(doc["tasks"]) == 24
    codes = {w["code"]: w["message"] for w in doc["warnings"]}
    assert codes["ocr_unavailable"] == (
        "1 page(s) need OCR (13: no text layer) but OCR needs Tesseract with Vietnamese data, which is not "
        "installed (apt-get install tesseract-ocr tesseract-ocr-vie); they were not read from their images")
    assert "pages_without_text" in codes


# --- stitching a scanned table whose header cell was misread ----------------------------

from pipeline.structure.stitch import _same_roles  # noqa: E402

ROLES = {0: "number", 1: "content", 2: "lead", 3: "cooperating"}


@pytest.mark.parametrize("piece, same", [
    (dict(ROLES), True),  # the same header
    ({1: "content", 2: "lead", 3: "cooperating"}, True),  # "TT" read as "T1": one column unnamed
    ({0: "number", 1: "content", 2: "cooperating", 3: "lead"}, False),  # columns swapped: another table
    ({1: "content", 2: "lead"}, False),  # two columns unnamed: too little in common
])
def test_same_roles(piece: dict[int, str], same: bool) -> None:
    assert _same_roles(piece, ROLES) is same


def test_light_scan_is_not_taken_for_a_blank_page() -> None:
    # archive 023: thin print on a light scan was under the ink level at 24 dpi ("OCR found no text")
    from real_fixtures import ARCHIVE

    path = real("023_CV_cv8204-btp-dai-hoi-hoi-cong-chung-vien-scan.pdf", ARCHIVE)
    assert ocr.inked_pages(path, [1]) == [1]


def test_long_scan_tells_how_far_it_is(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Issue 21: a long scan is read "with progress": each page read is told to the listener, in order."""
    monkeypatch.setattr(ocr, "tesseract_ready", lambda: True)
    monkeypatch.setattr(ocr, "inked_pages", lambda path, numbers: numbers)
    monkeypatch.setattr(ocr, "PageImages", _NoImages)
    monkeypatch.setattr(ocr, "read_image", lambda image, n, dpi: ocr.OcrPage(n, [], [], (90.0,), 595.0, 842.0))
    told: list[tuple[int, int]] = []
    with listening(lambda done, total: told.append((done, total))):
        ocr.ocr_pages(tmp_path / "scan.pdf", list(range(1, 26)), jobs=2)
    assert told == [(n, 25) for n in range(1, 26)]
    ocr.ocr_pages(tmp_path / "scan.pdf", [1, 2], jobs=1)  # no listener: nothing told, nothing fails
    assert len(told) == 25
