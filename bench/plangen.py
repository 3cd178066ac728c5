"""Generated plans for the benchmarks: DOCX variants of the sample, and long PDFs.

DOCX variants are the sample plan with its number, date and lead agencies changed
(python-docx), so each has other bytes and other content. Long PDFs are drawn with
reportlab: a header, a few sections and a ruled task table of any length (its
header row repeated on every page), in DejaVu Sans for the Vietnamese letters.
"""
from __future__ import annotations

import random
import re
from pathlib import Path

import docx

ROOT = Path(__file__).resolve().parents[1]
SAMPLE_DOCX = ROOT / "samples" / "plan-196-KH-UBND.docx"
FONT_DIRS = (Path(__file__).resolve().parent.parent / "tests" / "fonts", Path("/usr/share/fonts/truetype/dejavu"))

LEADS = ["Sở Tài chính", "Sở Nội vụ", "Sở Giáo dục và Đào tạo", "Sở Y tế", "Sở Xây dựng", "Sở Công Thương",
         "Sở Tư pháp", "Sở Văn hóa, Thể thao và Du lịch", "Sở Khoa học và Công nghệ", "Công an tỉnh"]
COOPERATING = ["Các sở, ban, ngành", "UBND các huyện, thị xã, thành phố", "Các cơ quan, đơn vị có liên quan"]
TIMEFRAMES = ["Thường xuyên", "Hàng năm", "Năm 2025 và các năm tiếp theo", "Quý II/2026", "Trong năm 2026",
              "Giai đoạn 2026-2030", "Trước ngày 30/6/2025"]
TASKS = ["Rà soát, hoàn thiện cơ chế, chính sách về {x}", "Tổ chức triển khai thực hiện có hiệu quả {x}",
         "Đẩy mạnh ứng dụng khoa học, công nghệ trong {x}", "Tăng cường công tác kiểm tra, giám sát việc thực hiện {x}",
         "Xây dựng cơ sở dữ liệu và chuyển đổi số trong lĩnh vực {x}"]
TOPICS = ["quản lý tài chính công", "phát triển nguồn nhân lực", "giáo dục nghề nghiệp", "y tế cơ sở",
          "quy hoạch đô thị", "xúc tiến thương mại", "cải cách hành chính", "bảo tồn di sản văn hóa"]


def docx_variant(dst: Path, number: int, rng: random.Random) -> Path:
    """The sample DOCX with another number and date, and lead agencies shuffled."""
    document = docx.Document(str(SAMPLE_DOCX))
    date = f"ngày {rng.randint(10, 28):02d} tháng {rng.randint(1, 9)} năm"
    header = [p for t in document.tables[:1] for c in t._cells for p in c.paragraphs] + document.paragraphs[:12]
    for paragraph in header:
        text = paragraph.text
        new = re.sub(r"\b196(\s*/)", rf"{number}\1", text)
        new = re.sub(r"ngày\s+\d+\s+tháng\s+\d+\s+năm", date, new)
        if new != text and paragraph.runs:
            paragraph.runs[0].text = new
            for run in paragraph.runs[1:]:
                run.text = ""
    for table in document.tables:
        for row in table.rows[1:]:
            cells = row.cells
            if len(cells) >= 4 and cells[2].text.strip().startswith("Sở") and rng.random() < 0.5:
                runs = cells[2].paragraphs[0].runs
                if runs:
                    runs[0].text, *rest = [rng.choice(LEADS)] + [""] * (len(runs) - 1)
                    for run, text in zip(runs[1:], rest):
                        run.text = text
    document.save(str(dst))
    return dst


def _font() -> str:
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.ttfonts import TTFont

    for folder in FONT_DIRS:
        if (folder / "DejaVuSans.ttf").exists():
            pdfmetrics.registerFont(TTFont("DejaVu", str(folder / "DejaVuSans.ttf")))
            pdfmetrics.registerFont(TTFont("DejaVu-Bold", str(folder / "DejaVuSans-Bold.ttf")))
            return "DejaVu"
    raise SystemExit("bench: DejaVu Sans not found (apt-get install fonts-dejavu-core)")


def long_pdf(dst: Path, rows: int, seed: int = 1) -> Path:
    """A plan whose appendix task table has `rows` rows (about 9 rows a page)."""
    from reportlab.lib import colors
    from reportlab.lib.pagesizes import A4
    from reportlab.lib.styles import ParagraphStyle
    from reportlab.platypus import Paragraph, SimpleDocTemplate, Spacer, Table, TableStyle

    font = _font()
    rng = random.Random(seed)
    body = ParagraphStyle("body", fontName=font, fontSize=12, leading=16, firstLineIndent=28, alignment=4)
    bold = ParagraphStyle("bold", parent=body, fontName="DejaVu-Bold", firstLineIndent=0)
    center = ParagraphStyle("center", parent=bold, alignment=1)
    cell = ParagraphStyle("cell", fontName=font, fontSize=10, leading=13)
    header = Table([[Paragraph("ỦY BAN NHÂN DÂN<br/>TỈNH BÌNH MINH", center),
                     Paragraph("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM<br/>Độc lập - Tự do - Hạnh phúc", center)],
                    [Paragraph("Số: 88/KH-UBND", ParagraphStyle("c", parent=body, alignment=1, firstLineIndent=0)),
                     Paragraph("<i>Bình Minh, ngày 15 tháng 3 năm 2025</i>",
                               ParagraphStyle("c2", parent=body, alignment=1, firstLineIndent=0))]],
                   colWidths=[190, 290])
    story = [header, Spacer(1, 18), Paragraph("KẾ HOẠCH", center),
             Paragraph("Thực hiện Quyết định số 709/QĐ-TTg ngày 23/7/2024 của Thủ tướng Chính phủ", center),
             Spacer(1, 12), Paragraph("I. MỤC ĐÍCH, YÊU CẦU", bold),
             Paragraph("1. Mục đích", bold),
             Paragraph("Triển khai thực hiện kịp thời, hiệu quả Quyết định số 709/QĐ-TTg ngày 23/7/2024 "
                       "của Thủ tướng Chính phủ trên địa bàn tỉnh.", body),
             Paragraph("II. NHIỆM VỤ VÀ GIẢI PHÁP", bold),
             Paragraph("Nhiệm vụ cụ thể tại Phụ lục kèm theo Kế hoạch này.", body), Spacer(1, 12),
             Paragraph("PHỤ LỤC<br/>NHIỆM VỤ TRIỂN KHAI THỰC HIỆN", center), Spacer(1, 6)]
    data = [[Paragraph(h, ParagraphStyle("h", parent=cell, fontName="DejaVu-Bold", alignment=1)) for h in
             ("TT", "Nội dung nhiệm vụ", "Cơ quan chủ trì", "Cơ quan phối hợp", "Thời gian hoàn thành")]]
    for i in range(1, rows + 1):
        content = rng.choice(TASKS).format(x=rng.choice(TOPICS))
        data.append([Paragraph(str(i), cell), Paragraph(f"{content}; báo cáo kết quả thực hiện về UBND tỉnh", cell),
                     Paragraph(rng.choice(LEADS), cell), Paragraph(rng.choice(COOPERATING), cell),
                     Paragraph(rng.choice(TIMEFRAMES), cell)])
    # 44 pt holds a four-digit TT at 10 pt plus the cell padding on one line (30 pt wrapped "100"
    # and 36 pt "1000" onto two lines, and every task after them came out lettered "99.a" ...).
    table = Table(data, colWidths=[44, 176, 90, 100, 80], repeatRows=1)
    table.setStyle(TableStyle([("GRID", (0, 0), (-1, -1), 0.5, colors.black), ("VALIGN", (0, 0), (-1, -1), "TOP")]))
    story += [table, Spacer(1, 18),
              Table([[Paragraph("<b>Nơi nhận:</b><br/>- Thường trực Tỉnh ủy;<br/>- Các sở, ban, ngành;<br/>- Lưu: VT.",
                                ParagraphStyle("n", parent=cell)),
                      Paragraph("TM. ỦY BAN NHÂN DÂN<br/>CHỦ TỊCH<br/><br/><br/>Nguyễn Văn An", center)]],
                    colWidths=[220, 260])]
    SimpleDocTemplate(str(dst), pagesize=A4, leftMargin=56, rightMargin=42, topMargin=56, bottomMargin=56).build(story)
    return dst


def long_pdf_with_pages(dst: Path, pages: int) -> tuple[Path, int]:
    """A long plan of about `pages` pages; returns the path and its real page count."""
    path, got, _ = long_pdf_with_rows(dst, pages)
    return path, got


def long_pdf_with_rows(dst: Path, pages: int) -> tuple[Path, int, int]:
    """A long plan of about `pages` pages; returns the path, its real page count and its task rows."""
    import pdfplumber

    rows = pages * 9
    for _ in range(3):
        long_pdf(dst, rows)
        with pdfplumber.open(dst) as pdf:
            got = len(pdf.pages)
        if abs(got - pages) <= max(1, pages // 50):
            break
        rows = max(1, round(rows * pages / got))
    return dst, got, rows
