"""Benchmark: whole-process `vnplan convert` against the bare-pdfplumber floor, paired.

    .venv/bin/python bench/bench_convert.py [--pairs N] [--pages 50,150,300]

The floor is what any pdfplumber-based converter pays: a fresh interpreter that
opens the PDF and runs `extract_words()` and `find_tables()` + `extract()` on every
page, with the converter's own settings. Each pair runs the floor and `vnplan convert`
as separate processes, one right after the other, in alternating order, so that the
machine's load (2 shared cores) falls on both alike; the ratio is taken per pair and
the median of the ratios is reported. Start-up and imports are counted on both sides.

Before a file is timed its output is checked: the task count of the samples and of the
real fixture equals their golden's, and a generated plan's tasks are numbered 1..N with
N its number of rows. Peak RSS is wait4's maximum for each process: the larger of the
process's own and that of any child it waited for, so for `vnplan convert` the larger of the
command (which unpickles the plan and writes its JSON) and the child it forks to convert.
Targets (issue 14): ratio <= 1.0 on the samples and the real fixture, <= 0.7 at 300 pages;
peak RSS < 150 MB at 300 pages.
"""
from __future__ import annotations

import argparse
import functools
import json
import os
import statistics
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]

FLOOR_CODE = """
import sys, pdfplumber
from pipeline.extract.pdf.page import TABLE_SETTINGS, WORD_SETTINGS
with pdfplumber.open(sys.argv[1]) as pdf:
    for page in pdf.pages:
        page.extract_words(**WORD_SETTINGS)
        for table in page.find_tables(TABLE_SETTINGS):
            table.extract()
        page.close()
"""
# The floor imports only pdfplumber and the two settings dicts; importing them through
# pipeline.extract.pdf.page would charge the floor with our imports, so they are copied here.
FLOOR_CODE = FLOOR_CODE.replace(
    "from pipeline.extract.pdf.page import TABLE_SETTINGS, WORD_SETTINGS",
    "WORD_SETTINGS = {ws!r}\nTABLE_SETTINGS = {ts!r}")
RATIO_TARGET = {"sample": 1.0, "real": 1.0, 300: 0.7}
PEAK_MB_TARGET = 150
GOLDENS = {"plan-196-KH-UBND.pdf": "plan-196-KH-UBND.expected.json",
           "10_KH-173-KH-UBND_HaNoi_2026-04-28_Festival-ThangLong.pdf": "10-hanoi-festival.expected.json"}


@dataclass
class Run:
    seconds: float
    peak_mb: float


def run_process(argv: list[str]) -> Run:
    """Wall time and the child's own peak RSS of one process; fails loudly on a non-zero exit."""
    start = time.perf_counter()
    proc = subprocess.Popen(argv, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    _, status, usage = os.wait4(proc.pid, 0)
    seconds = time.perf_counter() - start
    proc.returncode = os.waitstatus_to_exitcode(status)
    if proc.returncode:
        raise SystemExit(f"bench: {' '.join(argv[:3])} ... exited {proc.returncode}: {proc.stderr.read().decode()[-300:]}")
    return Run(seconds, usage.ru_maxrss / 1024)


def in_child(code: str, *args: str) -> object:
    """What `code` prints as JSON, run in its own interpreter.

    Everything heavy (generating a plan, reading an output, importing pdfplumber) runs in a
    child: on Linux a process's peak RSS starts from its parent's at fork and exec, so a bench
    process that had grown to 140 MB would lend that peak to every process it times.
    """
    prelude = f"import json, sys; sys.path[:0] = [{str(ROOT)!r}, {str(ROOT / 'bench')!r}]\n"
    out = subprocess.run([sys.executable, "-c", prelude + code, *args], check=True, capture_output=True, text=True)
    return json.loads(out.stdout.splitlines()[-1])


@functools.cache
def floor_settings() -> tuple[dict, dict]:
    return tuple(in_child("from pipeline.extract.pdf.page import TABLE_SETTINGS as t, WORD_SETTINGS as w; print(json.dumps([w, t]))"))


def floor_argv(path: Path) -> list[str]:
    ws, ts = floor_settings()
    return [sys.executable, "-c", FLOOR_CODE.format(ws=ws, ts=ts), str(path)]


def convert_argv(path: Path, out: Path) -> list[str]:
    return [sys.executable, "-m", "pipeline", "convert", str(path), "-o", str(out)]


def paired(path: Path, pairs: int) -> tuple[list[float], list[Run], list[Run]]:
    """Ratios convert/floor per pair, in alternating order, and the runs themselves."""
    ratios, converts, floors = [], [], []
    with tempfile.TemporaryDirectory() as out:
        for i in range(pairs):
            if i % 2:
                c = run_process(convert_argv(path, Path(out)))
                f = run_process(floor_argv(path))
            else:
                f = run_process(floor_argv(path))
                c = run_process(convert_argv(path, Path(out)))
            ratios.append(c.seconds / f.seconds)
            converts.append(c)
            floors.append(f)
    return ratios, converts, floors


SUMMARY_CODE = """
from pathlib import Path
doc = json.loads(next(Path(sys.argv[1]).glob("*.json")).read_text(encoding="utf-8"))
print(json.dumps({"document": {k: doc["document"].get(k) for k in ("code", "issued_date")},
                  "tasks": [{"number": t["number"]} for t in doc["tasks"]]}))
"""


def converted(path: Path) -> dict:
    """The fields the checks read of `path`'s output (read in a child: see `in_child`)."""
    with tempfile.TemporaryDirectory() as out:
        run_process(convert_argv(path, Path(out)))
        return in_child(SUMMARY_CODE, out)


def page_count(path: Path) -> int:
    return in_child("import pdfplumber\nwith pdfplumber.open(sys.argv[1]) as pdf: print(len(pdf.pages))", str(path))


def generated(path: Path, pages: int) -> tuple[Path, int, int]:
    """A generated plan of `pages` pages (made in a child: reportlab's pages would swell this process)."""
    code = "import plangen\np, pages, rows = plangen.long_pdf_with_rows(Path(sys.argv[1]), int(sys.argv[2]))\nprint(json.dumps([pages, rows]))"
    made_pages, rows = in_child("from pathlib import Path\n" + code, str(path), str(pages))
    return path, made_pages, rows


def check_golden(path: Path) -> None:
    """The header fields the golden pins down, and its task count where it lists every task."""
    golden = json.loads((ROOT / "tests" / "golden" / GOLDENS[path.name]).read_text(encoding="utf-8"))
    doc = converted(path)
    wrong = [f for f in ("code", "issued_date") if doc["document"][f] != golden["document"].get(f, doc["document"][f])]
    if "tasks" in golden and len(doc["tasks"]) != len(golden["tasks"]):
        wrong.append(f"{len(doc['tasks'])} tasks, golden {len(golden['tasks'])}")
    if wrong:
        raise SystemExit(f"bench: {path.name}: output differs from its golden ({', '.join(wrong)}): not timed")


def check_generated(path: Path, rows: int) -> None:
    numbers = [t["number"] for t in converted(path)["tasks"]]
    if numbers != list(range(1, rows + 1)):
        raise SystemExit(f"bench: {path.name}: tasks not numbered 1..{rows} ({len(numbers)} tasks): not timed")


def report(label: str, pages: int, ratios: list[float], converts: list[Run], floors: list[Run], target: float | None) -> None:
    ratio = statistics.median(ratios)
    verdict = "" if target is None else f"  target <= {target}: {'ok' if ratio <= target else 'MISSED'}"
    print(f"{label:34} {pages:5} {statistics.median(r.seconds for r in converts):9.2f} "
          f"{statistics.median(r.seconds for r in floors):8.2f} {ratio:6.2f} "
          f"[{min(ratios):.2f}-{max(ratios):.2f}] {max(r.peak_mb for r in converts):7.0f} "
          f"{max(r.peak_mb for r in floors):7.0f}{verdict}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--pairs", type=int, default=5, help="pairs per file (median of the ratios)")
    parser.add_argument("--pages", default="50,150,300", help="page counts of the generated plans")
    args = parser.parse_args()
    # The package's bytecode first, as an install writes it: where PYTHONDONTWRITEBYTECODE is set
    # (some sandboxes) every timed process would compile the whole package again (0.13 s), which
    # the floor's pdfplumber, installed with its bytecode, never pays.
    subprocess.run([sys.executable, "-m", "compileall", "-q", str(ROOT / "pipeline")], check=True)
    print(f"load average before: {os.getloadavg()[0]:.2f} on {os.cpu_count()} cores; {args.pairs} pairs per file")
    print(f"{'file':34} {'pages':>5} {'convert':>9} {'floor':>8} {'ratio':>6} {'range':>11} {'conv MB':>7} {'flr MB':>7}")
    fixed = [(ROOT / "samples" / "plan-196-KH-UBND.pdf", "sample"),
             (ROOT.parent / "shared" / "fixtures" / "real" / "10_KH-173-KH-UBND_HaNoi_2026-04-28_Festival-ThangLong.pdf", "real")]
    for path, kind in fixed:
        check_golden(path)
        report(path.name[:34], page_count(path), *paired(path, args.pairs), RATIO_TARGET[kind])
    with tempfile.TemporaryDirectory() as tmp:
        for count in [int(n) for n in args.pages.split(",") if n]:
            path, pages, rows = generated(Path(tmp) / f"long-{count}.pdf", count)
            check_generated(path, rows)
            ratios, converts, floors = paired(path, args.pairs)
            report(f"generated, {rows} tasks", pages, ratios, converts, floors, RATIO_TARGET.get(count))
            if count == 300:
                peak = max(r.peak_mb for r in converts)
                print(f"peak RSS at {pages} pages: {peak:.0f} MB, target < {PEAK_MB_TARGET} MB: "
                      f"{'ok' if peak < PEAK_MB_TARGET else 'MISSED'}")
    print(f"load average after: {os.getloadavg()[0]:.2f}")


if __name__ == "__main__":
    main()
