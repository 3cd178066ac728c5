"""Benchmark: `convert` per page against the bare-pdfplumber floor, and memory on long plans.

    .venv/bin/python bench/bench_convert.py [--runs N] [--pages 50,150,300] [--profile]

For each sample: median seconds of `convert` (and per page), peak RSS of a fresh
process that converts it once, and, for PDFs, the same file read by bare
pdfplumber (words and tables of every page, the converter's own settings): the
floor any pdfplumber-based converter pays. Then long generated plans: seconds and
peak RSS at each page count, to show whether memory stays flat as pages grow.
Targets: convert within 1.5x of the floor; peak RSS under 300 MB for 300 pages.
--profile writes a cProfile summary of one conversion of the longest plan.
"""
from __future__ import annotations

import argparse
import cProfile
import io
import os
import pstats
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path[:0] = [str(ROOT), str(Path(__file__).parent)]

import pdfplumber  # noqa: E402

import plangen  # noqa: E402
from pipeline.conversion import ConversionError, convert  # noqa: E402
from pipeline.extract.pdf import TABLE_SETTINGS, WORD_SETTINGS  # noqa: E402

FLOOR_RATIO_TARGET = 1.5
PEAK_MB_TARGET = 300
_RSS_SNIPPET = """
import sys
sys.path.insert(0, {root!r})
{body}
"""


def pdfplumber_floor(path: Path) -> None:
    """What any pdfplumber-based converter must do: words and tables of every page."""
    with pdfplumber.open(path) as pdf:
        for page in pdf.pages:
            page.extract_words(**WORD_SETTINGS)
            for table in page.find_tables(TABLE_SETTINGS):
                table.extract()
            page.close()  # drop the page's cached objects: the floor streams


def median_seconds(fn, runs: int) -> float:
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        fn()
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def peak_rss_mb(body: str) -> float:
    """Peak resident memory (MB) of a fresh interpreter running `body`.

    Read from the child's own VmHWM: getrusage's ru_maxrss of a child carries the
    parent's resident size over fork and exec, which would hide the child's figure.
    """
    code = _RSS_SNIPPET.format(root=str(ROOT), body=body) + (
        "\nprint([l.split()[1] for l in open('/proc/self/status') if l.startswith('VmHWM')][0])")
    out = subprocess.run([sys.executable, "-c", code], check=True, capture_output=True, text=True).stdout
    return int(out.split()[-1]) / 1024  # kB


def convert_rss(path: Path) -> float:
    return peak_rss_mb(f"from pipeline.conversion import convert\nconvert({str(path)!r})")


def floor_rss(path: Path) -> float:
    return peak_rss_mb(f"sys.path.insert(0, {str(Path(__file__).parent)!r})\n"
                       f"from bench_convert import pdfplumber_floor\npdfplumber_floor(__import__('pathlib').Path({str(path)!r}))")


def verdict(ok: bool) -> str:
    return "ok" if ok else "MISSED"


def bench_samples(runs: int) -> None:
    base = peak_rss_mb("import pipeline.conversion")
    print(f"baseline: interpreter with the package imported: {base:.0f} MB peak RSS\n")
    print(f"{'sample':28} {'pages':>5} {'convert s':>10} {'s/page':>8} {'peak MB':>8} {'floor s':>8} {'floor MB':>9} {'ratio':>6}")
    for path in sorted((ROOT / "samples").glob("*.pdf")) + sorted((ROOT / "samples").glob("*.docx")):
        doc = convert(path)  # warm: gazetteers and caches loaded once per process
        pages = doc["source"]["pages"]
        seconds = median_seconds(lambda: convert(path), runs)
        rss = convert_rss(path)
        per_page = f"{seconds / pages:8.3f}" if pages else f"{'-':>8}"
        if path.suffix == ".pdf":
            floor = median_seconds(lambda: pdfplumber_floor(path), runs)
            ratio = seconds / floor
            print(f"{path.name:28} {pages:>5} {seconds:10.3f} {per_page} {rss:8.0f} {floor:8.3f} {floor_rss(path):9.0f} "
                  f"{ratio:6.2f}  target <= {FLOOR_RATIO_TARGET}x: {verdict(ratio <= FLOOR_RATIO_TARGET)}")
        else:
            print(f"{path.name:28} {'-':>5} {seconds:10.3f} {per_page} {rss:8.0f} {'-':>8} {'-':>9} {'-':>6}  (DOCX: no pdfplumber floor)")


def bench_long(page_counts: list[int], profile: bool) -> None:
    print("\nlong generated plans (reportlab, ruled task table on every page)")
    print(f"{'pages':>5} {'tasks':>6} {'convert s':>10} {'s/page':>8} {'peak MB':>8} {'floor s':>8} {'floor MB':>9} {'ratio':>6}")
    with tempfile.TemporaryDirectory() as tmp:
        longest = None
        for count in page_counts:
            path, pages = plangen.long_pdf_with_pages(Path(tmp) / f"long-{count}.pdf", count)
            start = time.perf_counter()
            doc = convert(path)
            seconds = time.perf_counter() - start
            floor = median_seconds(lambda: pdfplumber_floor(path), 1)
            rss = convert_rss(path)
            print(f"{pages:5} {len(doc['tasks']):6} {seconds:10.2f} {seconds / pages:8.3f} {rss:8.0f} {floor:8.2f} "
                  f"{floor_rss(path):9.0f} {seconds / floor:6.2f}")
            longest = (path, pages, rss)
        path, pages, rss = longest
        print(f"peak RSS at {pages} pages: {rss:.0f} MB, target < {PEAK_MB_TARGET} MB: {verdict(rss < PEAK_MB_TARGET)}")
        if profile:
            print(f"\ntracemalloc of convert({pages} pages): live Python memory by where it was allocated,"
                  f" at its peak")
            print(memory_profile(path))
            profiler = cProfile.Profile()
            profiler.runcall(convert, path)
            out = io.StringIO()
            pstats.Stats(profiler, stream=out).sort_stats("cumulative").print_stats(25)
            print(f"\ncProfile of convert({pages} pages), by cumulative time:\n{out.getvalue()}")


def memory_profile(path: Path, top: int = 12) -> str:
    """Where the Python heap is when `extract_pdf` has read every page (the peak)."""
    import tracemalloc

    from pipeline.extract import pdf as pdf_module

    snapshots = []
    original = pdf_module.drop_running_lines

    def snap(pages):  # called once every page has been read: memory is at its peak here
        snapshots.append(tracemalloc.take_snapshot())
        return original(pages)

    pdf_module.drop_running_lines = snap
    tracemalloc.start(8)
    try:
        convert(path)
    except ConversionError as exc:  # the peak was already recorded; say why the rest failed
        print(f"  (conversion failed after page reading: {exc.reason})")
    finally:
        tracemalloc.stop()
        pdf_module.drop_running_lines = original
    stats = snapshots[0].statistics("traceback")
    total = sum(s.size for s in stats)
    lines = [f"  total live at the end of page reading: {total / 2**20:.0f} MB"]
    for stat in stats[:top]:
        frames = [f for f in stat.traceback if f"{os.sep}pipeline{os.sep}" in f.filename] or list(stat.traceback)
        where = " <- ".join(f"{Path(f.filename).parent.name}/{Path(f.filename).name}:{f.lineno}" for f in frames[-2:][::-1])
        lib = stat.traceback[-1]
        lines.append(f"  {stat.size / 2**20:7.1f} MB  {Path(lib.filename).parent.name}/{Path(lib.filename).name}:"
                     f"{lib.lineno}  via {where}")
    return "\n".join(lines)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--pages", default="50,150,300", help="page counts of the long plans")
    parser.add_argument("--profile", action="store_true", help="cProfile the longest plan")
    args = parser.parse_args()
    bench_samples(args.runs)
    bench_long([int(n) for n in args.pages.split(",") if n], args.profile)


if __name__ == "__main__":
    main()
