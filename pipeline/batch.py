"""Convert a whole folder tree: parallel, guarded per file, resumable, reported.

An archive holds thousands of files and a few of them are always broken, huge
or hostile. So every conversion runs in its own forked child process under the
limits of `pipeline.limits` (memory, CPU time, a deadline): a file that loops,
explodes in memory or crashes the interpreter becomes one "failed" entry and the
batch goes on. Output names come from `pipeline.naming` (legal, never shared).

The per-file function `convert_job` is plain and picklable, so the same code
runs in a local process pool or on a Dask cluster (`run_batch(executor=...)`).
Workers only convert; the driver alone writes OUTDIR (atomically) and the report,
which it rewrites as results arrive: a batch killed at any moment leaves a
report of what was done and what was still pending.
"""
from __future__ import annotations

import contextlib
import hashlib
import os
import re
import signal
import threading
import time
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import FIRST_COMPLETED, Executor, Future, wait
from dataclasses import dataclass
from pathlib import Path, PurePosixPath

from pipeline.i18n import message
from pipeline.conversion import convert, failure_reason
from pipeline.errors import one_line, os_error_reason
from pipeline.batch_report import (  # noqa: F401  (FileResult, Summary, REPORT_NAME re-exported)
    REPORT_NAME, FileResult, Report, Summary, output_warnings, previous_report,
)
from pipeline.limits import DEFAULT_CPU_SECONDS, DEFAULT_MEMORY_MB, Limits, die_with_parent, run_limited
from pipeline.inputs import INPUT_SUFFIXES, Scan, scan_inputs, shown  # noqa: F401  (re-exported)
from pipeline.naming import OutputName, assign_outputs
from pipeline.output.serialize import TEMP_SUFFIX, to_json, write_atomically
from pipeline.text import escape_undecodable
from pipeline.warm import warm_up
from pipeline.warnings import warning_count

# Wall time per file: a plan converts in seconds; five minutes means a pathological file.
DEFAULT_TIMEOUT = 300.0
# Futures in flight per worker: enough to keep workers busy, few enough that a
# million-file archive is not submitted at once.
IN_FLIGHT_PER_WORKER = 4
# The source sha256 sits near the top of an output ("source" is its second key).
_HEAD_SHA = re.compile(r'"sha256":\s*"([0-9a-f]{64})"')


@dataclass(frozen=True)
class Job:
    """One input to convert: where it is and the limits it runs under."""

    source: str  # absolute path of the input
    rel: str  # its path relative to the batch root, as reported
    timeout: float = DEFAULT_TIMEOUT
    memory_mb: int = DEFAULT_MEMORY_MB
    # file path -> JSON text and warnings count; tests swap in a slow or greedy one.
    converter: Callable[[str], tuple[str, int]] | None = None
    cpu_seconds: float = DEFAULT_CPU_SECONDS

    @property
    def limits(self) -> Limits:
        return Limits(memory_mb=self.memory_mb, cpu_seconds=self.cpu_seconds, timeout=self.timeout)


# ---- inputs and output names ------------------------------------------------------------

def find_inputs(root: Path) -> list[Path]:
    """Every regular PDF/DOCX/DOC file under `root`, recursively, in sorted order (see `scan_inputs`)."""
    return scan_inputs(root).inputs


def output_names(inputs: list[Path], root: Path) -> dict[str, OutputName]:
    """Each input's output name relative to OUTDIR (by its path under `root`), from `pipeline.naming`."""
    rels = {shown(p, root): PurePosixPath(p.relative_to(root).as_posix()) for p in inputs}
    return assign_outputs(rels, reserved=(REPORT_NAME,))


def output_paths(inputs: list[Path], root: Path) -> dict[Path, Path]:
    """Each input's output path relative to OUTDIR, mirroring its place under `root`.

    sub/x.pdf gives sub/x.json; see `pipeline.naming` for shared stems, long names
    and clashes.
    """
    names = output_names(inputs, root)
    return {p: Path(names[shown(p, root)].path) for p in inputs}


def stale_temp_files(outdir: Path) -> list[Path]:
    """Temporary files a killed run left in OUTDIR: hidden names ending in .tmp."""
    if not outdir.is_dir():
        return []
    return sorted(p for p in outdir.rglob(f".*{TEMP_SUFFIX}") if p.is_file() and not p.is_symlink())


def file_sha256(path: Path) -> str:
    """The sha256 of a file, read in blocks so a large scan never sits in memory."""
    digest = hashlib.sha256()
    with path.open("rb") as handle:
        for block in iter(lambda: handle.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()


def output_sha256(path: Path) -> str | None:
    """The source sha256 recorded in an existing output, or None when there is none."""
    try:
        with path.open("r", encoding="utf-8") as handle:
            match = _HEAD_SHA.search(handle.read(4096))
    except (OSError, UnicodeDecodeError):
        return None
    return match.group(1) if match else None


# ---- one file, guarded ------------------------------------------------------------------

def convert_to_text(path: str) -> tuple[str, int]:
    """The default converter: contract JSON text and its number of warnings."""
    doc = convert(path)
    return to_json(doc), warning_count(doc)


def convert_to_text_never(path: str) -> tuple[str, int]:
    """The converter that never OCRs (`vnplan batch --ocr never`).

    Module-level, like the next one, so that worker processes and Dask can pickle it by name.
    """
    doc = convert(path, ocr="never")
    return to_json(doc), warning_count(doc)


def convert_to_text_always(path: str) -> tuple[str, int]:
    """The converter that OCRs every PDF page (`vnplan batch --ocr always`)."""
    doc = convert(path, ocr="always")
    return to_json(doc), warning_count(doc)


# --ocr mode -> the converter a job runs (None: the default, `convert_to_text`, which is auto).
CONVERTERS: dict[str, Callable[[str], tuple[str, int]] | None] = {
    "auto": None, "never": convert_to_text_never, "always": convert_to_text_always}


def run_guarded(job: Job) -> tuple[bool, object]:
    """Run the job's converter in a forked child under the job's limits.

    Returns (True, (json_text, warnings)) or (False, one-line reason).
    """
    converter = job.converter or convert_to_text
    ok, payload = run_limited(lambda: converter(job.source), job.limits)
    return (True, payload) if ok else (False, failure_reason(payload))


def worker_init() -> None:
    """In each pool worker: its own process group (killed as one with its children)
    and death with the batch, even when the batch is killed with SIGKILL."""
    with contextlib.suppress(OSError):
        os.setpgid(0, 0)
    die_with_parent()


def convert_job(job: Job) -> FileResult:
    """The per-file function the local pool and Dask both run: hash, convert guarded, time.

    The worker is warmed first (once: a local pool's workers are forked warm already, a Dask
    worker warms on its first file), so each file's child starts with only its file to do.
    """
    warm_up()
    start = time.perf_counter()
    try:
        sha = file_sha256(Path(job.source))
    except OSError as exc:
        return FileResult(job.rel, "failed", error=os_error_reason(exc, message("cli.reading")),
                          seconds=time.perf_counter() - start)
    ok, payload = run_guarded(job)
    seconds = round(time.perf_counter() - start, 3)
    if not ok:
        return FileResult(job.rel, "failed", error=str(payload), seconds=seconds, sha256=sha)
    text, warnings = payload
    return FileResult(job.rel, "ok", warnings=warnings, seconds=seconds, sha256=sha, text=text)


# ---- the whole batch --------------------------------------------------------------------

def _bounded(executor: Executor, jobs: Iterable[Job], in_flight: int) -> Iterator[FileResult]:
    """Results as they complete, with at most `in_flight` jobs submitted at a time.

    A worker that dies outright (killed by the system's OOM killer) breaks a
    process pool: its jobs, and those the pool no longer accepts, become failed
    entries with the reason, so the report still lists every input.
    """
    pending: dict[Future, Job] = {}
    jobs = iter(jobs)
    while True:
        for job in jobs:
            try:
                pending[executor.submit(convert_job, job)] = job
            except Exception as exc:  # noqa: BLE001  a broken or shut-down executor
                yield FileResult(job.rel, "failed", error=message("batch.pool_stopped", detail=one_line(exc)))
                continue
            if len(pending) >= in_flight:
                break
        if not pending:
            return
        done, _ = wait(pending, return_when=FIRST_COMPLETED)
        for future in done:
            job = pending.pop(future)
            try:
                yield future.result()
            except Exception as exc:  # noqa: BLE001
                yield FileResult(job.rel, "failed", error=message("batch.worker_killed"))


@dataclass
class BatchPlan:
    """A batch before it runs: jobs to run, results known already, each input's output name."""

    jobs: list[Job]
    known: list[FileResult]
    outputs: dict[str, OutputName]


def plan_jobs(root: Path, outdir: Path, resume: bool, make_job: Callable[[Path, str], Job]) -> BatchPlan:
    """Split the inputs into jobs to run, resumed results and ignored files; name each output."""
    scan = scan_inputs(root)
    names = output_names(scan.inputs, root)
    old = previous_report(outdir) if resume else {}
    plan = BatchPlan([], [FileResult(rel, "ignored", error=reason) for rel, reason in scan.ignored], names)
    for path in scan.inputs:
        rel = shown(path, root)
        target = outdir / names[rel].path
        if resume and target.exists():
            recorded = output_sha256(target)
            if recorded and recorded == file_sha256(path):
                warnings = old.get(rel, {}).get("warnings")
                plan.known.append(FileResult(rel, "skipped", escape_undecodable(names[rel].path.as_posix()), None,
                                             warnings if warnings is not None else output_warnings(target),
                                             0.0, recorded, renamed=names[rel].renamed))
                continue
        plan.jobs.append(make_job(path, rel))
    return plan


def _save_output(outdir: Path, name: OutputName, result: FileResult) -> FileResult:
    """Write an ok result's JSON; a write that fails (disk full, read-only) fails that file only."""
    target = outdir / name.path
    try:
        write_atomically(target, result.text or "")
    except OSError as exc:
        return FileResult(result.path, "failed", error=os_error_reason(exc, message("cli.writing", path=target)),
                          seconds=result.seconds, sha256=result.sha256, renamed=name.renamed)
    result.output, result.text, result.renamed = escape_undecodable(name.path.as_posix()), None, name.renamed
    return result


@contextlib.contextmanager
def _sigterm_as_interrupt() -> Iterator[None]:
    """SIGTERM ends the batch quietly with status 143 (the report is written, the workers stopped)."""
    if threading.current_thread() is not threading.main_thread():
        yield
        return

    def interrupt(signum: int, frame: object) -> None:
        raise SystemExit(128 + signum)

    previous = signal.signal(signal.SIGTERM, interrupt)
    try:
        yield
    finally:
        signal.signal(signal.SIGTERM, previous)


def run_batch(root: Path, outdir: Path, executor: Executor, *, workers: int, resume: bool = False,
              timeout: float = DEFAULT_TIMEOUT, memory_mb: int = DEFAULT_MEMORY_MB,
              cpu_seconds: float = DEFAULT_CPU_SECONDS,
              converter: Callable[[str], tuple[str, int]] | None = None,
              on_result: Callable[[FileResult, int], None] | None = None) -> tuple[Summary, list[FileResult]]:
    """Convert every input under `root` into `outdir` on `executor`; write the report.

    `on_result(result, total)` is called once per finished file (the progress bar).
    The report lists every input from the start (as "pending") and is rewritten
    as results arrive, so a batch killed at any moment leaves one that says what
    was done. Temporary files a killed run left behind are removed first.
    """
    start = time.perf_counter()
    for stale in stale_temp_files(outdir):
        stale.unlink(missing_ok=True)
    make_job = lambda path, rel: Job(str(path.resolve()), rel, timeout, memory_mb, converter, cpu_seconds)  # noqa: E731
    plan = plan_jobs(root, outdir, resume, make_job)
    summary = Summary(skipped=sum(r.status == "skipped" for r in plan.known),
                      ignored=sum(r.status == "ignored" for r in plan.known))
    report = Report(outdir, plan.known, {job.rel for job in plan.jobs}, summary, start)
    report.write()
    try:
        with _sigterm_as_interrupt():
            for result in _bounded(executor, plan.jobs, max(1, workers) * IN_FLIGHT_PER_WORKER):
                if result.status == "ok":
                    result = _save_output(outdir, plan.outputs[result.path], result)
                if result.status == "ok":
                    summary.converted += 1
                    summary.warnings += result.warnings or 0
                else:
                    summary.failed += 1
                report.add(result)
                if on_result:
                    on_result(result, len(plan.jobs))
    finally:
        report.write(finished=not report.pending)
        if summary.report_error:
            report.write_elsewhere()
    return summary, report.results
