"""Variants from tables seen on real plans of other provinces (issue 12), with their expectations.

- a lead cell merged down over a page break: the PDF prints its text above the break only;
- the last row broken over the page, its fragment alone on the final page, with words that
  read like a header ("nội dung", "chủ trì");
- a responsibility column that names people ("Người thực hiện", "Trách nhiệm thực hiện").
Expected values are written from the rows as printed, not from the converter.
"""
from __future__ import annotations

from variants.catalog import LONG, STD_COLS, C, Expected, Variant, caption, plan, table, task


def vmerge_across_pages() -> Variant:
    edu = ("Sở Giáo dục và Đào tạo",)
    topics = ["Rà soát mạng lưới trường, lớp mầm non", "Bổ sung thiết bị dạy học tối thiểu",
              "Bồi dưỡng giáo viên về kỹ năng số", "Xây dựng trường chuẩn quốc gia",
              "Phát triển giáo dục nghề nghiệp", "Kiểm định chất lượng giáo dục"]
    rows = [task("1", f"Tổng hợp số liệu ngành giáo dục, {LONG}", lead=("Sở Tài chính",), time="Quý I/2026")]
    for i, topic in enumerate(topics):
        rows.append(task(str(i + 2), f"{topic}, {LONG}", lead=edu, coop=("Sở Nội vụ",), time="Năm 2026",
                         rowspans={"lead": len(topics)} if i == 0 else None, omit=("lead",) if i else ()))
    rows.append(task("8", "Kiểm tra cơ sở vật chất trường học trước năm học mới", lead=("Sở Xây dựng",),
                     time="Quý III/2026"))
    # platypus: a forced page break inside the merge; LibreOffice: long rows break the page inside it
    t, tasks = table(STD_COLS, rows, page_break_before_rows=(4,),
                     caption=caption("41/KH-UBND", "UBND tỉnh Gia Lai", "12/3/2026"))
    doc = plan("vmerge-across-pages", province="GIA LAI", place="Gia Lai", number="41/KH-UBND",
               date="ngày 12 tháng 3 năm 2026", tables=[t])
    return Variant(doc, "lead cell merged down over a page break", Expected(tasks=tasks))


def last_row_fragment() -> Variant:
    rows = [task(str(i), f"Triển khai nhiệm vụ số {i} của Kế hoạch, {LONG}", lead=("Sở Công Thương",),
                 time="Năm 2026") for i in range(1, 4)]
    # cut in two by the page break (PDF), the header not repeated: the fragment alone on the last page
    # reads "... hiện các nội dung của Kế hoạch" | "... đơn vị chủ trì", words of a header
    rows.append(task("4", "Tổng hợp, báo cáo kết quả thực hiện các nội dung của Kế hoạch", lead=("Sở Công Thương",),
                     coop=("Các sở, ban, ngành", "Các đơn vị chủ trì"), coop_text="Các sở, ngành và các đơn vị chủ trì",
                     time="Tháng 12/2026"))
    t, tasks = table(STD_COLS, rows, break_inside_rows=(3,), repeat_header=False,
                     caption=caption("52/KH-UBND", "UBND tỉnh Gia Lai", "20/3/2026"))
    doc = plan("last-row-fragment", province="GIA LAI", place="Gia Lai", number="52/KH-UBND",
               date="ngày 20 tháng 3 năm 2026", tables=[t])
    return Variant(doc, "last row broken over the final page", Expected(tasks=tasks))


def people_column() -> Variant:
    cols = [C("number", "TT", 0.5), C("content", "Nội dung", 3.2), C("lead", "Trách nhiệm thực hiện", 1.6),
            C("timeframe", "Thời gian", 1.2)]
    rows = [task(str(i), f"Giải đáp kiến nghị về cải cách hành chính thuộc thẩm quyền của {unit}",
                 lead=(unit,), lead_text=f"Lãnh đạo {unit}", time=f"Tháng {i + 2}/2026")
            for i, unit in enumerate(["Sở Y tế", "Sở Xây dựng", "Sở Tư pháp"], start=1)]
    t, tasks = table(cols, rows, caption=caption("60/KH-UBND", "UBND tỉnh Gia Lai", "02/4/2026"))
    doc = plan("people-column", province="GIA LAI", place="Gia Lai", number="60/KH-UBND",
               date="ngày 02 tháng 4 năm 2026", tables=[t])
    return Variant(doc, "responsibility column naming people", Expected(tasks=tasks))


def table_variants() -> list[Variant]:
    return [vmerge_across_pages(), last_row_fragment(), people_column()]
