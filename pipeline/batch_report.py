"""The batch's report, `OUTDIR/_report.json`: one entry per input and the summary.

The driver rewrites it as results arrive (`Report`), so a batch killed at any
moment leaves what was done and what was still pending; `--resume` reads the last
one back for the warning counts of files it does not convert again.
"""
from __future__ import annotations

import contextlib
import json
import tempfile
import time
from collections.abc import Iterable
from dataclasses import asdict, dataclass, field
from pathlib import Path

from pipeline.data.messages import message
from pipeline.errors import os_error_reason
from pipeline.output.serialize import write_atomically

REPORT_NAME = "_report.json"
# The report is rewritten at most this often while results arrive (and always at the end).
REPORT_EVERY_SECONDS = 1.0


@dataclass
class FileResult:
    """One line of `_report.json`."""

    path: str
    # "ok" | "failed" | "skipped" (resume: output already up to date) | "ignored" (not a
    # regular file, or a link out of DIR: `error` says which) | "pending" (in a report
    # written while the batch runs: not converted yet)
    status: str
    output: str | None = None
    error: str | None = None
    warnings: int | None = None
    seconds: float = 0.0
    sha256: str | None = None
    text: str | None = field(default=None, repr=False)  # the JSON, on its way to the driver
    renamed: str | None = None  # why the output is not at its preferred name


@dataclass
class Summary:
    converted: int = 0
    failed: int = 0
    skipped: int = 0
    ignored: int = 0
    warnings: int = 0
    seconds: float = 0.0
    finished: bool = False  # False in a report written while the batch runs (or was killed)
    report_error: str | None = None  # why the report could not be written, if it could not
    # Where the report went instead when OUTDIR would not take it (the system's temporary folder).
    report_elsewhere: str | None = None

    def line(self) -> str:
        rate = (self.converted + self.failed) / self.seconds if self.seconds else 0.0
        ignored = message("batch.summary_ignored", n=self.ignored) if self.ignored else ""
        return message("batch.summary", converted=self.converted, failed=self.failed, skipped=self.skipped,
                       ignored=ignored, warnings=self.warnings, seconds=f"{self.seconds:.1f}", rate=f"{rate:.2f}")


def previous_report(outdir: Path) -> dict[str, dict]:
    """The last run's report entries by input path (warning counts for resumed files)."""
    try:
        files = json.loads((outdir / REPORT_NAME).read_text(encoding="utf-8"))["files"]
        return {entry["path"]: entry for entry in files}
    except (OSError, ValueError, KeyError, TypeError):
        return {}


def output_warnings(path: Path) -> int | None:
    """The number of warnings an existing output holds (None when it cannot be read)."""
    try:
        return len(json.loads(path.read_text(encoding="utf-8"))["warnings"])
    except (OSError, ValueError, KeyError, TypeError):
        return None


def write_report(outdir: Path, results: list[FileResult], summary: Summary, pending: Iterable[str] = ()) -> Path:
    """OUTDIR/_report.json: the summary and one entry per input (pending ones too), in input order."""
    entries = [r for r in results] + [FileResult(rel, "pending") for rel in pending]
    rows = [{k: v for k, v in asdict(r).items() if k != "text"} for r in sorted(entries, key=lambda r: r.path)]
    path = outdir / REPORT_NAME
    write_atomically(path, json.dumps({"summary": asdict(summary), "files": rows}, ensure_ascii=False, indent=2) + "\n")
    return path


class Report:
    """The report, rewritten as results arrive (at most every REPORT_EVERY_SECONDS) and at the end."""

    def __init__(self, outdir: Path, known: list[FileResult], pending: set[str], summary: Summary,
                 start: float) -> None:
        self.outdir, self.summary, self.start = outdir, summary, start
        self.results = list(known)
        self.pending = set(pending)
        self.written = 0.0

    def add(self, result: FileResult) -> None:
        self.results.append(result)
        self.pending.discard(result.path)
        if time.monotonic() - self.written >= REPORT_EVERY_SECONDS:
            self.write()

    def write(self, finished: bool = False) -> None:
        self.summary.seconds = round(time.perf_counter() - self.start, 3)
        self.summary.finished = finished
        try:
            write_report(self.outdir, self.results, self.summary, self.pending)
            self.summary.report_error = None
        except OSError as exc:  # a full disk must not stop the conversions; the last attempt is reported
            self.summary.report_error = os_error_reason(exc, message("cli.writing", path=self.outdir / REPORT_NAME))
        self.written = time.monotonic()

    def write_elsewhere(self) -> None:
        """The last report, when OUTDIR would not take it: an older one there (all "pending") is
        removed where it can be, and this one is written to the temporary folder and named."""
        with contextlib.suppress(OSError):
            (self.outdir / REPORT_NAME).unlink()
        try:
            folder = Path(tempfile.mkdtemp(prefix="vnplan-batch-report-"))
            self.summary.report_elsewhere = str(write_report(folder, self.results, self.summary, self.pending))
        except OSError:
            self.summary.report_elsewhere = None
