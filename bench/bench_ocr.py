"""Benchmark: OCR of the scanned corpus, CPU seconds a page, and wall time and peak memory at 1 and 2 jobs.

    .venv/bin/python bench/bench_ocr.py [--dpi 300] [--jobs 1,2] [--cases sample-196,hmerge]

Builds the scanned corpus (`tests/scanned/corpus.py`: the sample plan and four
variant plans, with noise, skew, JPEG, turned pages and a seal) at --dpi, then:

1. CPU a page: each page OCR'd alone in a fresh process, user + system seconds of
   that process and of its Tesseract children (`resource.getrusage`), so the
   figure holds on a busy machine where wall time does not; median and mean.
2. Each job count: every file converted with no flag in one fresh process where
   `ocr._workers` is set to it; wall seconds a page, CPU seconds a page, the peak
   RSS of the converting process and of its largest Tesseract child.

The load average is printed before and after: wall times mean little above the core count.
Needs Tesseract with Vietnamese data (apt-get install tesseract-ocr tesseract-ocr-vie).
"""
from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
import tempfile
from dataclasses import replace
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path[:0] = [str(ROOT), str(ROOT / "tests")]

from pipeline.extract.ocr import reader as ocr  # noqa: E402

_PAGES = """
import json, resource, sys
sys.path.insert(0, {root!r})
from pipeline.extract.ocr import reader as ocr

def cpu():
    return sum(getattr(resource.getrusage(who), f) for who in (resource.RUSAGE_SELF, resource.RUSAGE_CHILDREN)
               for f in ("ru_utime", "ru_stime"))

ocr.ocr_pages({first!r}, [1], jobs=1)  # imports and first-use costs outside the figures
out = []
for path in {paths!r}:
    import pypdfium2
    count = len(pypdfium2.PdfDocument(path))
    for number in range(1, count + 1):
        start = cpu()
        ocr.ocr_pages(path, [number], jobs=1)
        out.append(cpu() - start)
print(json.dumps(out))
"""

_CONVERT = """
import json, resource, sys, time
sys.path.insert(0, {root!r})
from pipeline.extract.ocr import reader as ocr
ocr._workers = lambda: {jobs}
from pipeline.conversion import convert
start, pages = time.perf_counter(), 0
for path in {paths!r}:
    pages += convert(path)["source"]["pages"]
usage = [resource.getrusage(w) for w in (resource.RUSAGE_SELF, resource.RUSAGE_CHILDREN)]
print(json.dumps({{"seconds": time.perf_counter() - start, "pages": pages,
    "cpu": sum(u.ru_utime + u.ru_stime for u in usage),
    "self_mb": usage[0].ru_maxrss / 1024, "child_mb": usage[1].ru_maxrss / 1024}}))
"""


def _child(code: str) -> object:
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    return json.loads(done.stdout.strip().splitlines()[-1])


def build_corpus(folder: Path, dpi: int, keys: list[str] | None) -> list[Path]:
    """The scanned corpus's image-only PDFs, every case at `dpi`."""
    from scanned.corpus import CASES, build

    cases = [c for c in CASES if not keys or c.key in keys]
    return [build(replace(c, effects=replace(c.effects, dpi=dpi)), folder) for c in cases]


def _load() -> str:
    return " / ".join(f"{v:.2f}" for v in os.getloadavg())


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--dpi", type=int, default=300)
    parser.add_argument("--jobs", default="1,2")
    parser.add_argument("--cases", default="", help="corpus case keys, comma-separated (default: all)")
    args = parser.parse_args(argv)
    if not ocr.tesseract_ready():
        print(f"bench_ocr: skipped, Tesseract with Vietnamese data is not installed ({ocr.INSTALL})")
        return 0
    with tempfile.TemporaryDirectory(prefix="vnplan-bench-ocr-") as folder:
        paths = [str(p) for p in build_corpus(Path(folder), args.dpi, [k for k in args.cases.split(",") if k])]
        print(f"scanned corpus at {args.dpi} dpi: {len(paths)} files; {os.cpu_count()} cores; "
              f"load average (1/5/15 min) before: {_load()}\n")
        per_page = _child(_PAGES.format(root=str(ROOT), first=paths[0], paths=paths))
        print(f"CPU a page (each page alone, process + Tesseract children, {len(per_page)} pages): "
              f"median {statistics.median(per_page):.2f} s, mean {statistics.fmean(per_page):.2f} s, "
              f"max {max(per_page):.2f} s\n")
        print("| jobs | wall s/page | CPU s/page | peak RSS converting process | largest Tesseract child |")
        print("|---|---|---|---|---|")
        for jobs in [int(j) for j in args.jobs.split(",")]:
            r = _child(_CONVERT.format(root=str(ROOT), jobs=jobs, paths=paths))
            print(f"| {jobs} | {r['seconds'] / r['pages']:.2f} | {r['cpu'] / r['pages']:.2f} | "
                  f"{r['self_mb']:.0f} MB | {r['child_mb']:.0f} MB |")
        print(f"\nload average after: {_load()}")
        return 0


if __name__ == "__main__":
    sys.exit(main())
