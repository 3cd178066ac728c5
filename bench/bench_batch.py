"""Benchmark: `vnplan batch` throughput on 200 generated plans, 1 job against 2.

    .venv/bin/python bench/bench_batch.py [--files 200] [--bad 4] [--jobs 1,2]

The archive is DOCX variants of the sample (other number, date and leads) plus
short reportlab PDFs (one in ten) and a few bad files. Each job count converts it
into a fresh folder; the figures are files/s and the scaling ratio (target: 2 jobs
at least 1.8x of 1). Then `--resume` over the last output must skip every good
file, and the report must hold every bad one: the "200 files with a few bad
ones" check at archive scale. The machine's load average is printed beside the
figures, since another busy process on the same cores lowers the scaling.
"""
from __future__ import annotations

import argparse
import json
import os
import random
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path[:0] = [str(ROOT), str(Path(__file__).parent)]

import plangen  # noqa: E402
from pipeline.cli import batch as batch_cli  # noqa: E402

SCALING_TARGET = 1.8


def make_archive(root: Path, files: int, bad: int, seed: int = 7) -> tuple[int, int]:
    """`files` inputs under `root` in 10 folders, `bad` of them broken; returns (good, bad)."""
    rng = random.Random(seed)
    for i in range(files - bad):
        folder = root / f"{2015 + i % 10}"
        folder.mkdir(parents=True, exist_ok=True)
        if i % 10 == 9:
            plangen.long_pdf(folder / f"kh-{i:03d}.pdf", rows=rng.randint(10, 30), seed=i)
        else:
            plangen.docx_variant(folder / f"kh-{i:03d}.docx", 200 + i, rng)
    broken = root / "broken"
    broken.mkdir(parents=True, exist_ok=True)
    for i in range(bad):
        kind = i % 3
        path = broken / f"bad-{i}.{'pdf' if kind != 1 else 'docx'}"
        if kind == 0:
            path.write_bytes(b"%PDF-1.7\n" + os.urandom(2048))  # a header and garbage
        elif kind == 1:
            path.write_bytes(b"PK\x03\x04" + os.urandom(512))  # a zip that is not one
        else:
            path.write_bytes(b"")  # empty
    return files - bad, bad


def vnplan_batch(*argv: str) -> int:
    parser = argparse.ArgumentParser(prog="vnplan")
    batch_cli.add_parser(parser.add_subparsers(dest="command"))
    return batch_cli.run(parser.parse_args(["batch", *argv]))


def run(root: Path, out: Path, jobs: int, *extra: str) -> tuple[int, float, dict]:
    start = time.perf_counter()
    status = vnplan_batch(str(root), "-o", str(out), "--jobs", str(jobs), *extra)
    seconds = time.perf_counter() - start
    return status, seconds, json.loads((out / "_report.json").read_text(encoding="utf-8"))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--files", type=int, default=200)
    parser.add_argument("--bad", type=int, default=4)
    parser.add_argument("--jobs", default="1,2")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        root = Path(tmp) / "archive"
        start = time.perf_counter()
        good, bad = make_archive(root, args.files, args.bad)
        print(f"generated {good} plans and {bad} bad files in {time.perf_counter() - start:.1f} s; "
              f"{os.cpu_count()} cores, load average {os.getloadavg()[0]:.2f}")
        rates = {}
        for jobs in [int(j) for j in args.jobs.split(",")]:
            status, seconds, report = run(root, Path(tmp) / f"out-{jobs}", jobs)
            summary = report["summary"]
            rates[jobs] = (summary["converted"] + summary["failed"]) / seconds
            ok = summary["converted"] == good and summary["failed"] == bad and status == 1
            print(f"jobs={jobs}: {seconds:6.1f} s, {rates[jobs]:5.2f} files/s, {summary['converted']} converted, "
                  f"{summary['failed']} failed, exit {status} ({'as expected' if ok else 'UNEXPECTED'}); "
                  f"load average {os.getloadavg()[0]:.2f}")
        if 1 in rates and 2 in rates:
            scaling = rates[2] / rates[1]
            print(f"scaling 2 jobs / 1 job: {scaling:.2f}x, target >= {SCALING_TARGET}x: "
                  f"{'ok' if scaling >= SCALING_TARGET else 'MISSED'}")
        last = max(rates)
        status, seconds, report = run(root, Path(tmp) / f"out-{last}", last, "--resume")
        summary = report["summary"]
        ok = summary["skipped"] == good and summary["failed"] == bad and status == 1
        print(f"resume: {seconds:.1f} s, {summary['skipped']} skipped, {summary['failed']} failed again, "
              f"exit {status} ({'as expected' if ok else 'UNEXPECTED'})")


if __name__ == "__main__":
    main()
