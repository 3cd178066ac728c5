"""Benchmark: reading a scanned plan by OCR, seconds per page at 1 and 2 jobs, peak memory.

    .venv/bin/python bench/bench_ocr.py [--dpi 200] [--jobs 1,2]

Scans the sample plan (tests/scanned/scanner.py: 12 pages rendered at --dpi,
with noise, skew and JPEG artefacts, wrapped as an image-only PDF), then converts
it with no flag (`--ocr auto` reads every page by OCR) in a fresh process per job
count, where `ocr._workers` is set to that count. Reports wall seconds, seconds
per page and the peak RSS of the converting process (each Tesseract process adds
60-80 MB while it runs; RUSAGE_CHILDREN cannot tell it, a forked child counts its
parent's pages).
Needs Tesseract with Vietnamese data (apt-get install tesseract-ocr tesseract-ocr-vie).
"""
from __future__ import annotations

import argparse
import json
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path[:0] = [str(ROOT), str(ROOT / "tests")]

from pipeline.extract.ocr import reader as ocr  # noqa: E402
from scanned.scanner import Effects, scan_pdf  # noqa: E402

SAMPLE = ROOT / "samples" / "plan-196-KH-UBND.pdf"
_CHILD = """
import json, resource, sys, time
sys.path.insert(0, {root!r})
from pipeline.extract.ocr import reader as ocr
ocr._workers = lambda: {jobs}
from pipeline.conversion import convert
start = time.perf_counter()
doc = convert({path!r})
elapsed = time.perf_counter() - start
print(json.dumps({{"seconds": elapsed, "tasks": len(doc["tasks"]), "pages": doc["source"]["pages"],
    "self_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024}}))
"""


def run(path: Path, jobs: int) -> dict:
    done = subprocess.run([sys.executable, "-c", _CHILD.format(root=str(ROOT), jobs=jobs, path=str(path))],
                          capture_output=True, text=True, check=True)
    return json.loads(done.stdout.strip().splitlines()[-1])


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--dpi", type=int, default=200)
    parser.add_argument("--jobs", default="1,2")
    args = parser.parse_args(argv)
    if not ocr.tesseract_ready():
        print(f"bench_ocr: skipped, Tesseract with Vietnamese data is not installed ({ocr.INSTALL})")
        return 0
    with tempfile.TemporaryDirectory(prefix="vnplan-bench-ocr-") as folder:
        scan = scan_pdf(SAMPLE, Path(folder) / "scan.pdf",
                        Effects(dpi=args.dpi, skew=1.5, noise=25, jpeg_quality=40, seed=1))
        print(f"scan of {SAMPLE.name} at {args.dpi} dpi (noise, skew, JPEG), converted with no flag\n")
        print("| jobs | wall s | s/page | tasks | peak RSS (converting process) |")
        print("|---|---|---|---|---|")
        for jobs in [int(j) for j in args.jobs.split(",")]:
            r = run(scan, jobs)
            print(f"| {jobs} | {r['seconds']:.1f} | {r['seconds'] / r['pages']:.2f} | {r['tasks']} | "
                  f"{r['self_mb']:.0f} MB |")
        return 0


if __name__ == "__main__":
    sys.exit(main())
