"""Run fuzz mutants through `vnplan batch` and tabulate what happened to each.

    python tests/fuzz/run.py --count 2000 --seed 15          # the CI set (tests/test_fuzz.py)
    python tests/fuzz/run.py --count 20000 --seed 7 --keep failures/   # `make fuzz`

Every mutant is written into one input folder and converted by one `vnplan batch`
(the warm workers make a mutant cost its conversion only). Outcomes, one per mutant:
- converted: written, schema-valid by construction (convert validates);
- refused: one line naming the file and a reason;
- internal error: a bug (the reason says "internal error");
- over limits: out of memory, CPU or wall time (the limits below are the defaults' half);
- missing: not in the report at all.
Across the run: traceback, stray stderr lines (anything but "vnplan: FILE: reason" and
the summary), temporary files left in the output or temporary folders of the run left in the
system's temporary folder. CI wants every count but the
first two at 0.
"""
from __future__ import annotations

import argparse
import json
import os
import re
import shutil
import subprocess
import sys
import tempfile
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
import mutators  # noqa: E402

OUTCOMES = ("converted", "refused", "internal error", "over limits", "missing")
# Limits of the fuzz run: real plans convert in a few seconds and 100 MB; a mutant
# that needs more is a finding, not an archive file.
FUZZ_LIMITS = ("--max-memory", "1024", "--max-cpu", "60", "--timeout", "240")
# Text layers only: a mutant whose text layer is damaged would otherwise be read page by page by
# Tesseract (minutes a file). The OCR path has its own corpus (tests/test_scanned.py).
FUZZ_OCR = ("--ocr", "never")
_OVER = ("out of memory", "CPU time limit exceeded", "timed out after", "killed (SIGKILL)")


@dataclass
class Result:
    """What one fuzz run found."""

    table: Counter = field(default_factory=Counter)  # (kind, outcome) -> mutants
    failures: list[tuple[str, str, str]] = field(default_factory=list)  # (file, outcome, reason)
    tracebacks: int = 0
    stray_lines: list[str] = field(default_factory=list)
    temp_files: list[str] = field(default_factory=list)
    status: int = 0

    def bad(self) -> int:
        return len(self.failures) + self.tracebacks + len(self.stray_lines) + len(self.temp_files)


def write_mutants(folder: Path, count: int, seed: int, start: int = 0) -> dict[str, str]:
    """Mutants start..start+count-1 in `folder`; their file names -> kinds."""
    seeds = mutators.seed_files()
    cache = {path: path.read_bytes() for path in seeds}
    kinds = {}
    for index in range(start, start + count):
        source, kind, data = mutators.mutant(index, seed, seeds, cache)
        name = f"{index:06d}-{kind}-{source[:16]}{Path(source).suffix}"
        (folder / name).write_bytes(data)
        kinds[name] = kind
    return kinds


def _outcome(entry: dict) -> str:
    if entry["status"] == "ok":
        return "converted"
    error = entry.get("error") or ""
    if error.startswith("internal error"):
        return "internal error"
    if any(marker in error for marker in _OVER):
        return "over limits"
    return "refused"


def run(folder: Path, out: Path, kinds: dict[str, str], jobs: int) -> Result:
    """`vnplan batch folder -o out` and the outcome of every mutant."""
    vnplan = Path(sys.executable).with_name("vnplan")
    # -q: failures only, so every other stderr line is a stray one (plain progress lines are off)
    command = [str(vnplan), "-q", "batch", str(folder), "-o", str(out), "--jobs", str(jobs), *FUZZ_LIMITS, *FUZZ_OCR]
    before = _temp_folders()
    proc = subprocess.run(command, capture_output=True, text=True, errors="replace")
    result = Result(status=proc.returncode)
    result.tracebacks = proc.stderr.count("Traceback")
    failed_lines = {}
    for line in proc.stderr.splitlines():
        if line.startswith("vnplan batch: "):
            continue
        name, sep, reason = line.removeprefix("vnplan: ").partition(": ")
        if line.startswith("vnplan: ") and sep and name in kinds:
            failed_lines[name] = reason
        else:
            result.stray_lines.append(line)
    report = json.loads((out / "_report.json").read_text(encoding="utf-8"))
    entries = {entry["path"]: entry for entry in report["files"]}
    for name, kind in kinds.items():
        entry = entries.get(name)
        outcome = _outcome(entry) if entry else "missing"
        result.table[(kind, outcome)] += 1
        if outcome not in ("converted", "refused"):
            result.failures.append((name, outcome, (entry or {}).get("error") or ""))
        elif outcome == "refused" and failed_lines.get(name) != entry["error"]:
            result.stray_lines.append(f"{name}: report says {entry['error']!r}, stderr {failed_lines.get(name)!r}")
    result.temp_files = [p.name for p in out.rglob("*") if p.name.endswith(".tmp")]
    result.temp_files += sorted(_temp_folders() - before)  # page images, conversions (pipeline.tempfiles)
    return result


def _temp_folders() -> set[str]:
    """The temporary folders of vnplan processes (`vnplan-<kind>-<pid>-...`) now in the temporary folder."""
    return {p.name for p in Path(tempfile.gettempdir()).glob("vnplan-*-*-*") if re.match(r"vnplan-[a-z]+-\d+-", p.name)}


def table_text(result: Result) -> str:
    """The outcome table, one row per mutation kind, as Markdown."""
    kinds = sorted({kind for kind, _ in result.table})
    rows = ["| kind | " + " | ".join(OUTCOMES) + " | total |", "|---" * (len(OUTCOMES) + 2) + "|"]
    for kind in kinds:
        counts = [result.table[(kind, outcome)] for outcome in OUTCOMES]
        rows.append(f"| {kind} | " + " | ".join(map(str, counts)) + f" | {sum(counts)} |")
    totals = [sum(result.table[(kind, outcome)] for kind in kinds) for outcome in OUTCOMES]
    rows.append("| all | " + " | ".join(map(str, totals)) + f" | {sum(totals)} |")
    rows.append(f"\ntracebacks: {result.tracebacks}, stray stderr lines: {len(result.stray_lines)}, "
                f"temporary files left: {len(result.temp_files)}")
    return "\n".join(rows)


def fuzz(count: int, seed: int, jobs: int, start: int = 0, keep: Path | None = None) -> Result:
    """Build `count` mutants, run them, keep the failing ones in `keep` (when given)."""
    with tempfile.TemporaryDirectory(prefix="vnplan-fuzz-") as tmp:
        folder, out = Path(tmp) / "in", Path(tmp) / "out"
        folder.mkdir()
        kinds = write_mutants(folder, count, seed, start)
        result = run(folder, out, kinds, jobs)
        if keep is not None and result.failures:
            keep.mkdir(parents=True, exist_ok=True)
            for name, _, _ in result.failures:
                shutil.copy(folder / name, keep / name)
    return result


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--count", type=int, default=2000)
    parser.add_argument("--seed", type=int, default=15)
    parser.add_argument("--start", type=int, default=0, help="first mutant number (to replay one: --start N --count 1)")
    parser.add_argument("--jobs", type=int, default=os.cpu_count() or 1)
    parser.add_argument("--keep", type=Path, help="copy failing mutants here (to name them as regressions)")
    args = parser.parse_args(argv)
    result = fuzz(args.count, args.seed, args.jobs, args.start, args.keep)
    print(table_text(result))
    for name, outcome, reason in result.failures:
        print(f"{outcome}: {name}: {reason}")
    for line in result.stray_lines[:50]:
        print(f"stray: {line}")
    return 1 if result.bad() else 0


if __name__ == "__main__":
    sys.exit(main())
