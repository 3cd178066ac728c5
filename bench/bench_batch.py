"""Benchmark: whole-process `vnplan batch` throughput, 1 job against 2, paired.

    .venv/bin/python bench/bench_batch.py [--copies 20] [--bad 4] [--rounds 3] [--repo DIR]

The archive is `--copies` each of three kinds: DOCX variants of the sample (other number,
date and leads), copies of the sample PDF (4 pages), and generated 15-page PDF plans (about
135 task rows, other rows each); plus a few bad files. Each round runs `python -m pipeline
batch` as a separate process with 1 job and with 2 (in alternating order, so that the
machine's load falls on both alike) into fresh folders: start-up, imports, warm-up, the
workers, writing outputs and the report are all counted. Per run: wall seconds, files/s, and
the CPU seconds of the whole process tree (wait4) per file; the scaling is the median over
the rounds of (files/s with 2 jobs) / (files/s with 1), target at least 1.8. The load average
is printed with every run: on 2 cores shared with another busy process, no batch can scale.

Before timing, each round's outputs are checked: every good file converted, every bad one
failed, exit status 1, and 2 jobs wrote the same bytes as 1. Last, `--resume` over the last
output must skip every good file and fail the bad ones again.

`--repo DIR` times another checkout's `pipeline` (PYTHONPATH=DIR) on the same files: run it
once with the code before a change and once after to compare CPU per file.
"""
from __future__ import annotations

import argparse
import filecmp
import json
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path[:0] = [str(ROOT), str(Path(__file__).parent)]

import plangen  # noqa: E402

SCALING_TARGET = 1.8
SAMPLE_PDF = ROOT / "samples" / "plan-196-KH-UBND.pdf"
GENERATED_PAGES = 15


@dataclass
class Run:
    jobs: int
    seconds: float
    cpu: float  # user + system seconds of the whole process tree
    status: int
    summary: dict
    load: float  # 1-minute load average when the run ended

    @property
    def rate(self) -> float:
        return (self.summary["converted"] + self.summary["failed"]) / self.seconds

    def line(self, files: int) -> str:
        return (f"jobs={self.jobs}: {self.seconds:6.1f} s, {self.rate:5.2f} files/s, "
                f"{self.cpu / files:5.2f} s CPU/file, {self.summary['converted']} converted, "
                f"{self.summary['failed']} failed, exit {self.status}; load {self.load:.2f}")


def make_archive(root: Path, copies: int, bad: int) -> tuple[int, int]:
    """`copies` inputs of each kind under `root`, in three folders, and `bad` broken files."""
    import random

    rng = random.Random(7)
    for folder in ("docx", "sample-pdf", "generated"):
        (root / folder).mkdir(parents=True, exist_ok=True)
    rows = plangen.long_pdf_with_rows(root / "generated" / "plan-00.pdf", GENERATED_PAGES)[2]
    for i in range(copies):
        plangen.docx_variant(root / "docx" / f"kh-{i:02d}.docx", 200 + i, rng)
        shutil.copyfile(SAMPLE_PDF, root / "sample-pdf" / f"kh-{i:02d}.pdf")
        if i:
            plangen.long_pdf(root / "generated" / f"plan-{i:02d}.pdf", rows=rows, seed=i)
    broken = root / "broken"
    broken.mkdir()
    for i in range(bad):
        path = broken / f"bad-{i}.{'docx' if i % 3 == 1 else 'pdf'}"
        path.write_bytes([b"%PDF-1.7\n" + os.urandom(2048), b"PK\x03\x04" + os.urandom(512), b""][i % 3])
    return 3 * copies, bad


def run_batch(repo: Path, root: Path, out: Path, jobs: int, *extra: str) -> Run:
    """One `vnplan batch` process: wall time, CPU of its tree, exit status, report summary."""
    env = {**os.environ, "PYTHONPATH": str(repo)}
    argv = [sys.executable, "-m", "pipeline", "batch", str(root), "-o", str(out), "--jobs", str(jobs), "-q", *extra]
    start = time.perf_counter()
    proc = subprocess.Popen(argv, cwd=repo, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    _, status, usage = os.wait4(proc.pid, 0)
    seconds = time.perf_counter() - start
    summary = json.loads((out / "_report.json").read_text(encoding="utf-8"))["summary"]
    return Run(jobs, seconds, usage.ru_utime + usage.ru_stime, os.waitstatus_to_exitcode(status), summary,
               os.getloadavg()[0])


def same_outputs(a: Path, b: Path) -> bool:
    """Whether two output folders hold the same JSON files, byte for byte (reports aside)."""
    names = sorted(p.relative_to(a).as_posix() for p in a.rglob("*.json") if p.name != "_report.json")
    other = sorted(p.relative_to(b).as_posix() for p in b.rglob("*.json") if p.name != "_report.json")
    return names == other and all(filecmp.cmp(a / n, b / n, shallow=False) for n in names)


def check(run: Run, good: int, bad: int) -> None:
    if (run.summary["converted"], run.summary["failed"], run.status) != (good, bad, 1):
        raise SystemExit(f"bench: jobs={run.jobs}: {run.summary['converted']} converted, "
                         f"{run.summary['failed']} failed, exit {run.status}; expected {good}, {bad}, 1: not timed")


def one_round(repo: Path, root: Path, tmp: Path, order: list[int], good: int, bad: int) -> dict[int, Run]:
    runs = {}
    for jobs in order:
        out = tmp / f"out-{jobs}"
        shutil.rmtree(out, ignore_errors=True)
        runs[jobs] = run_batch(repo, root, out, jobs)
        check(runs[jobs], good, bad)
    if not same_outputs(tmp / "out-1", tmp / "out-2"):
        raise SystemExit("bench: 2 jobs wrote other outputs than 1 job")
    return runs


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--copies", type=int, default=20, help="files of each kind (DOCX, sample PDF, 15-page PDF)")
    parser.add_argument("--bad", type=int, default=4)
    parser.add_argument("--rounds", type=int, default=3, help="pairs of runs (1 job, 2 jobs); the median ratio is reported")
    parser.add_argument("--repo", type=Path, default=ROOT, help="the checkout whose pipeline is timed")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as name:
        tmp = Path(name)
        root = tmp / "archive"
        start = time.perf_counter()
        good, bad = make_archive(root, args.copies, args.bad)
        files = good + bad
        print(f"{args.repo}: {good} plans ({args.copies} DOCX, {args.copies} sample PDF, {args.copies} "
              f"{GENERATED_PAGES}-page PDF) and {bad} bad files, made in {time.perf_counter() - start:.1f} s; "
              f"{os.cpu_count()} cores, load average {os.getloadavg()[0]:.2f}")
        ratios = []
        for i in range(args.rounds):
            runs = one_round(args.repo, root, tmp, [1, 2] if i % 2 == 0 else [2, 1], good, bad)
            for jobs in sorted(runs):
                print(f"round {i + 1} {runs[jobs].line(files)}")
            ratios.append(runs[2].rate / runs[1].rate)
        scaling = statistics.median(ratios)
        print(f"scaling 2 jobs / 1 job: {scaling:.2f}x (rounds {', '.join(f'{r:.2f}' for r in ratios)}), "
              f"target >= {SCALING_TARGET}x: {'ok' if scaling >= SCALING_TARGET else 'MISSED'}")
        resumed = run_batch(args.repo, root, tmp / "out-2", 2, "--resume")
        ok = resumed.summary["skipped"] == good and resumed.summary["failed"] == bad and resumed.status == 1
        print(f"resume: {resumed.seconds:.1f} s, {resumed.summary['skipped']} skipped, {resumed.summary['failed']} "
              f"failed again, exit {resumed.status} ({'as expected' if ok else 'UNEXPECTED'})")


if __name__ == "__main__":
    main()
