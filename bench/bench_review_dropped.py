"""Count the text runs the review page shows as dropped, per fixture, and those on the pages of
attached documents.

    python bench/bench_review_dropped.py [OUT.json]

Builds the review page (`review_file`, `--ocr never`, pages at 20 dpi) of every PDF and DOCX of
../shared/fixtures (real/ and archive/; a DOCX through LibreOffice's PDF of it) and prints, per
file, the runs drawn red ("dropped") and how many of them stand on a page that shows a value of
an attachment; the totals last. Used for docs/review.md's before/after figures.
"""
from __future__ import annotations

import json
import re
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "tests"))
from real_fixtures import ARCHIVE, REAL, real_files  # noqa: E402

from pipeline.conversion import ConversionError  # noqa: E402
from pipeline.review.inspect import review_file  # noqa: E402
from pipeline.review.overlay import documents  # noqa: E402

_DROPPED = re.compile(r'k-dropped" id="b\d+" data-ptr="" data-page="(\d+)"')


def measure(path: Path) -> dict:
    try:
        review = review_file(path, ocr="never", dpi=20)
    except ConversionError:
        return {"refused": True}
    attached: set[int] = set()
    for base, _ in documents(review.doc)[1:]:
        attached |= {int(n) for n in re.findall(rf'data-ptr="{base}/[^"]*" data-page="(\d+)"', review.html)}
    pages = [int(n) for n in _DROPPED.findall(review.html)]
    return {"dropped": len(pages), "on_attachment_pages": sum(1 for p in pages if p in attached),
            "attachments": len(review.doc["attachments"])}


def main() -> None:
    files = real_files("*.pdf", "*.docx", folder=REAL) + real_files("*.pdf", "*.docx", folder=ARCHIVE)
    out = {}
    for path in files:
        out[path.name] = row = measure(path)
        print(f"{path.name[:60]:60} {row.get('dropped', 'refused')!s:>6} {row.get('on_attachment_pages', '')!s:>6}")
    print(f"{len(files)} files: {sum(r.get('dropped', 0) for r in out.values())} dropped, "
          f"{sum(r.get('on_attachment_pages', 0) for r in out.values())} on attachment pages")
    if len(sys.argv) > 1:
        Path(sys.argv[1]).write_text(json.dumps(out, ensure_ascii=False, indent=1), encoding="utf-8")


if __name__ == "__main__":
    main()
