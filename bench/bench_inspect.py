"""Benchmark: the review page of a long plan, its weight and how fast Chromium loads it.

    .venv/bin/python bench/bench_inspect.py [--pages 50] [--runs 3]

Generates a plan of about N pages (`plangen.long_pdf_with_pages`), builds its
review page (`review_file`: conversion, page images, dropped text), and reports
the seconds that took, the file's size, and the time headless Chromium takes to
load it from disk: the page's own `loadEventEnd` (navigation start to the end of
the load event: every image decoded and laid out, the script run), median of
--runs, read back from the DOM. Targets: under 10 MB, under 2 s to load.
"""
from __future__ import annotations

import argparse
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path[:0] = [str(ROOT), str(Path(__file__).parent)]

import plangen  # noqa: E402

from pipeline.review.inspect import review_file  # noqa: E402

SIZE_TARGET_MB = 10
LOAD_TARGET_S = 2.0
# Appended to a copy of the page: the load timing written into the DOM once the load event is over.
PROBE = ("<script>addEventListener('load',()=>setTimeout(()=>{const n=performance.getEntriesByType('navigation')[0];"
         "document.body.setAttribute('data-load-ms',String(Math.round(n.loadEventEnd)))},0))</script>")
FLAGS = ["--headless", "--no-sandbox", "--disable-gpu", "--no-first-run", "--disable-background-networking",
         "--disable-component-update", "--disable-sync", "--window-size=1600,1000", "--virtual-time-budget=10000"]


def load_ms(chromium: str, page: Path, profile: Path) -> int:
    out = subprocess.run([chromium, *FLAGS, f"--user-data-dir={profile}", "--dump-dom", page.as_uri()],
                         capture_output=True, text=True, timeout=300, check=True).stdout
    m = re.search(r'data-load-ms="(\d+)"', out)
    if not m:
        raise RuntimeError("the page did not report its load time")
    return int(m.group(1))


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--pages", type=int, default=50)
    parser.add_argument("--runs", type=int, default=3)
    args = parser.parse_args()
    chromium = shutil.which("chromium")
    with tempfile.TemporaryDirectory() as tmp:
        pdf, pages = plangen.long_pdf_with_pages(Path(tmp) / f"plan-{args.pages}.pdf", args.pages)
        start = time.perf_counter()
        review = review_file(pdf)
        seconds = time.perf_counter() - start
        page = Path(tmp) / "review.html"
        page.write_text(review.html, encoding="utf-8")
        size_mb = page.stat().st_size / 2**20
        print(f"generated plan: {pages} pages, {len(review.doc['tasks'])} tasks, {len(review.doc['provenance'])} provenance entries")
        print(f"vnplan inspect (convert + page images + dropped text): {seconds:.1f} s")
        print(f"review page: {size_mb:.2f} MB ({size_mb / pages * 1024:.0f} kB/page), target < {SIZE_TARGET_MB} MB: "
              f"{'ok' if size_mb < SIZE_TARGET_MB else 'MISSED'}")
        if chromium is None:
            print("chromium not installed: load time not measured")
            return
        probe = Path(tmp) / "probe.html"
        probe.write_text(review.html.replace("</body>", PROBE + "</body>"), encoding="utf-8")
        times = [load_ms(chromium, probe, Path(tmp) / f"profile-{i}") / 1000 for i in range(args.runs)]
        median = statistics.median(times)
        print(f"Chromium load (navigation start to load event end), {args.runs} runs: "
              f"{', '.join(f'{t:.2f}' for t in times)} s; median {median:.2f} s, target < {LOAD_TARGET_S} s: "
              f"{'ok' if median < LOAD_TARGET_S else 'MISSED'}")


if __name__ == "__main__":
    main()
