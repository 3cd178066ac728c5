"""The scanned corpus: the sample plan and a few variant plans, printed, degraded and scanned.

Each case names its source (the sample PDF, or a variant of `tests/variants` built
by reportlab) and what the scanner did to it (`scanner.Effects`). Its expected
values come from what was written by hand: the sample's golden
(`tests/golden/plan-196-KH-UBND.expected.json`) or the variant's spec and
expected tasks. Kept small: CI reads every page with Tesseract.
"""
from __future__ import annotations

import json
import re
from dataclasses import dataclass
from pathlib import Path

from scanned.scanner import Effects, scan_pdf

ROOT = Path(__file__).resolve().parents[2]
SAMPLE = ROOT / "samples" / "plan-196-KH-UBND.pdf"
SAMPLE_GOLDEN = ROOT / "tests" / "golden" / "plan-196-KH-UBND.expected.json"


@dataclass(frozen=True)
class ScanCase:
    key: str
    source: str  # "sample" or a variant key
    effects: Effects
    feature: str  # what the case exercises, for the report


CASES = [
    # every effect at once on the whole sample plan (12 pages, the 24-task appendix table)
    ScanCase("sample-196", "sample", Effects(dpi=200, skew=1.5, noise=25, jpeg_quality=40, rotate={3: 180},
                                             stamp_page=5, stamp_at=(0.64, 0.14), seed=1),
             "sample plan: skew, noise, JPEG, a page upside down, a stamp over the signature"),
    ScanCase("group-roman", "group-roman", Effects(dpi=200, skew=2.0, noise=30, seed=2),
             "group rows (Roman); skew 2 degrees and noise"),
    ScanCase("vmerge-lead", "vmerge-lead", Effects(dpi=150, jpeg_quality=30, seed=3),
             "lead cell merged over 3 tasks; 150 dpi JPEG"),
    ScanCase("horizontal-rules", "horizontal-rules", Effects(dpi=200, skew=1.0, rotate={2: 90}, seed=4),
             "table ruled with horizontal lines only; a page fed sideways"),
    ScanCase("hmerge", "hmerge", Effects(dpi=300, noise=20, stamp_page=2, stamp_at=(0.6, 0.5), seed=5),
             "horizontal merges; 300 dpi, a stamp"),
]


def build(case: ScanCase, folder: Path) -> Path:
    """The image-only PDF of a case."""
    if case.source == "sample":
        source = SAMPLE
    else:
        from variants.build_pdf import build_platypus_pdf

        source = build_platypus_pdf(variant(case.source).spec, folder / f"{case.key}.source.pdf")
    return scan_pdf(source, folder / f"{case.key}.scan.pdf", case.effects)


def variant(key: str):
    from variants.catalog import variants
    from variants.catalog_office import office_variants

    return next(v for v in variants() + office_variants() if v.key == key)


_TYPES = {"KẾ HOẠCH": "ke_hoach", "QUYẾT ĐỊNH": "quyet_dinh"}
_DATE = re.compile(r"ngày (\d+) tháng (\d+) năm (\d{4})")


def expected(case: ScanCase) -> dict:
    """What the scan must convert to: a golden's `document` and `tasks` (agencies as {"name"})."""
    if case.source == "sample":
        return json.loads(SAMPLE_GOLDEN.read_text(encoding="utf-8"))
    v = variant(case.source)
    spec = v.spec
    day, month, year = _DATE.search(spec.date_line).groups()
    document = {
        "type": _TYPES[spec.type_line], "number": spec.number_line.split(":")[1].strip().split("/")[0],
        "issued_date": f"{year}-{int(month):02d}-{int(day):02d}", "title": " ".join(spec.title_lines),
        "signer": {"name": spec.signer_name},
    }
    tasks = [{"content": t["content"], "lead": [{"name": n} for n in t["lead"]],
              "cooperating": [{"name": n} for n in t["cooperating"]]} for t in v.expected.tasks or []]
    return {"document": document, "tasks": tasks}
