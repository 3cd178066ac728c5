"""Convert a whole folder tree: parallel, guarded per file, resumable, reported.

An archive holds thousands of files and a few of them are always broken, huge
or hostile. So every conversion runs in its own forked child process with an
address-space limit and a deadline: a file that loops, explodes in memory or
crashes the interpreter becomes one "failed" entry and the batch goes on. The
child forks from a warm worker (the package and its gazetteers already loaded),
so the guard costs milliseconds, not an import per file.

The per-file function `convert_job` is plain and picklable, so the same code
runs in a local process pool or on a Dask cluster (`run_batch(executor=...)`).
Workers only convert; the driver alone writes OUTDIR (atomically) and the report.
"""
from __future__ import annotations

import faulthandler
import hashlib
import json
import os
import pickle
import re
import resource
import select
import signal
import time
from collections import Counter
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import FIRST_COMPLETED, Executor, Future, wait
from dataclasses import asdict, dataclass, field
from pathlib import Path

from pipeline.conversion import ConversionError, convert
from pipeline.output.serialize import to_json, write_atomically

INPUT_SUFFIXES = (".pdf", ".docx")
REPORT_NAME = "_report.json"
# A plan converts in seconds; five minutes means a pathological file.
DEFAULT_TIMEOUT = 300.0
# Memory a single conversion may add to its warm worker (address space, MB).
DEFAULT_MEMORY_MB = 2048
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


@dataclass
class FileResult:
    """One line of `_report.json`."""

    path: str
    status: str  # "ok" | "failed" | "skipped" (resume: output already up to date)
    output: str | None = None
    error: str | None = None
    warnings: int | None = None
    seconds: float = 0.0
    sha256: str | None = None
    text: str | None = field(default=None, repr=False)  # the JSON, on its way to the driver


@dataclass
class Summary:
    converted: int = 0
    failed: int = 0
    skipped: int = 0
    warnings: int = 0
    seconds: float = 0.0

    def line(self) -> str:
        rate = (self.converted + self.failed) / self.seconds if self.seconds else 0.0
        return (f"{self.converted} converted, {self.failed} failed, {self.skipped} skipped (resume), "
                f"{self.warnings} warnings, {self.seconds:.1f} s ({rate:.2f} files/s)")


# ---- inputs and output names ------------------------------------------------------------

def find_inputs(root: Path) -> list[Path]:
    """Every PDF/DOCX file under `root`, recursively, in sorted order.

    Hidden files are skipped: "~$plan.docx" and "._plan.pdf" are the lock and
    resource-fork files Word and macOS leave beside real documents.
    """
    found = (
        path for path in root.rglob("*")
        if path.suffix.lower() in INPUT_SUFFIXES and not path.name.startswith((".", "~$")) and path.is_file()
    )
    return sorted(found, key=lambda p: p.relative_to(root).as_posix())


def output_paths(inputs: list[Path], root: Path) -> dict[Path, Path]:
    """Each input's output path relative to OUTDIR, mirroring its place under `root`.

    sub/x.pdf gives sub/x.json; when x.pdf and x.docx share a folder both keep
    their extension (x.pdf.json, x.docx.json) so neither overwrites the other.
    """
    stems = Counter((p.parent, p.stem.lower()) for p in inputs)
    names = {}
    for path in inputs:
        rel = path.relative_to(root)
        clash = stems[(path.parent, path.stem.lower())] > 1 or rel.with_suffix(".json").as_posix() == REPORT_NAME
        names[path] = rel.parent / (f"{path.name}.json" if clash else f"{path.stem}.json")
    return names


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
    return to_json(doc), len(doc["warnings"])


def convert_to_text_never(path: str) -> tuple[str, int]:
    """The converter that never OCRs (`vnplan batch --ocr never`).

    Module-level, like the next one, so that worker processes and Dask can pickle it by name.
    """
    doc = convert(path, ocr="never")
    return to_json(doc), len(doc["warnings"])


def convert_to_text_always(path: str) -> tuple[str, int]:
    """The converter that OCRs every PDF page (`vnplan batch --ocr always`)."""
    doc = convert(path, ocr="always")
    return to_json(doc), len(doc["warnings"])


# --ocr mode -> the converter a job runs (None: the default, `convert_to_text`, which is auto).
CONVERTERS: dict[str, Callable[[str], tuple[str, int]] | None] = {
    "auto": None, "never": convert_to_text_never, "always": convert_to_text_always}


def _address_space() -> int:
    """Bytes of address space this process maps now (the base the guard adds to)."""
    with open("/proc/self/statm") as handle:
        return int(handle.read().split()[0]) * resource.getpagesize()


def _limit_memory(extra_mb: int) -> None:
    """Cap the address space at what is mapped now plus `extra_mb`; Linux only."""
    try:
        base = _address_space()
    except OSError:  # no /proc (macOS): an absolute cap
        base = 0
    limit = base + extra_mb * 2**20
    resource.setrlimit(resource.RLIMIT_AS, (limit, limit))


def _child(job: Job, write_fd: int) -> None:
    """In the forked child: convert, send (ok, payload) through the pipe, exit."""
    faulthandler.disable()  # a crash is reported as its signal, not as a dump over the progress bar
    try:
        _limit_memory(job.memory_mb)
        outcome = (True, (job.converter or convert_to_text)(job.source))
    except ConversionError as exc:
        outcome = (False, exc.reason)
    except MemoryError:
        outcome = (False, f"out of memory (more than {job.memory_mb} MB)")
    except BaseException as exc:  # a bug in the converter: one line, not a traceback
        outcome = (False, f"internal error ({type(exc).__name__}: {exc})")
    try:
        data = pickle.dumps(outcome)
    except MemoryError:
        data = pickle.dumps((False, f"out of memory (more than {job.memory_mb} MB)"))
    with os.fdopen(write_fd, "wb") as pipe:
        pipe.write(data)


def _read_until(fd: int, deadline: float) -> bytes | None:
    """Everything the child writes before it closes the pipe, or None at the deadline."""
    chunks = []
    while True:
        left = deadline - time.monotonic()
        if left <= 0 or not select.select([fd], [], [], left)[0]:
            return None
        chunk = os.read(fd, 1 << 20)
        if not chunk:
            return b"".join(chunks)
        chunks.append(chunk)


def _death_reason(status: int, job: Job) -> str:
    """Why a child ended without an answer, from its wait status."""
    if os.WIFSIGNALED(status):
        sig = os.WTERMSIG(status)
        if sig == signal.SIGKILL:
            return f"killed (SIGKILL: probably out of memory, limit {job.memory_mb} MB)"
        return f"crashed ({signal.Signals(sig).name})"
    return f"converter exited with status {os.WEXITSTATUS(status)} without a result"


def run_guarded(job: Job) -> tuple[bool, object]:
    """Run the job's converter in a forked child under a memory cap and a deadline.

    Returns (True, (json_text, warnings)) or (False, reason). A child past its
    deadline is killed with SIGKILL: pure-Python loops and C code alike stop.
    """
    read_fd, write_fd = os.pipe()
    pid = os.fork()
    if pid == 0:  # child
        code = 0
        try:
            os.close(read_fd)
            _child(job, write_fd)
        except BaseException:
            code = 70
        finally:
            os._exit(code)
    os.close(write_fd)
    try:
        data = _read_until(read_fd, time.monotonic() + job.timeout)
    finally:
        os.close(read_fd)
    if data is None:
        os.kill(pid, signal.SIGKILL)
        os.waitpid(pid, 0)
        return False, f"timed out after {job.timeout:g} s"
    _, status = os.waitpid(pid, 0)
    if not data:
        return False, _death_reason(status, job)
    return pickle.loads(data)


def convert_job(job: Job) -> FileResult:
    """The per-file function the local pool and Dask both run: hash, convert guarded, time."""
    start = time.perf_counter()
    try:
        sha = file_sha256(Path(job.source))
    except OSError as exc:
        return FileResult(job.rel, "failed", error=exc.strerror or str(exc), seconds=time.perf_counter() - start)
    ok, payload = run_guarded(job)
    seconds = round(time.perf_counter() - start, 3)
    if not ok:
        return FileResult(job.rel, "failed", error=str(payload), seconds=seconds, sha256=sha)
    text, warnings = payload
    return FileResult(job.rel, "ok", warnings=warnings, seconds=seconds, sha256=sha, text=text)


# ---- the whole batch --------------------------------------------------------------------

def _bounded(executor: Executor, jobs: Iterable[Job], in_flight: int) -> Iterator[FileResult]:
    """Results as they complete, with at most `in_flight` jobs submitted at a time."""
    pending: set[Future] = set()
    jobs = iter(jobs)
    while True:
        for job in jobs:
            pending.add(executor.submit(convert_job, job))
            if len(pending) >= in_flight:
                break
        if not pending:
            return
        done, pending = wait(pending, return_when=FIRST_COMPLETED)
        for future in done:
            yield future.result()


def previous_report(outdir: Path) -> dict[str, dict]:
    """The last run's report entries by input path (warning counts for resumed files)."""
    try:
        files = json.loads((outdir / REPORT_NAME).read_text(encoding="utf-8"))["files"]
        return {entry["path"]: entry for entry in files}
    except (OSError, ValueError, KeyError, TypeError):
        return {}


def plan_jobs(root: Path, outdir: Path, resume: bool, make_job: Callable[[Path, str], Job]
              ) -> tuple[list[Job], list[FileResult], dict[str, Path]]:
    """Split the inputs into jobs to run and resumed results; map each to its output."""
    inputs = find_inputs(root)
    names = output_paths(inputs, root)
    old = previous_report(outdir) if resume else {}
    jobs, skipped, outputs = [], [], {}
    for path in inputs:
        rel = path.relative_to(root).as_posix()
        outputs[rel] = names[path]
        target = outdir / names[path]
        if resume and target.exists():
            recorded = output_sha256(target)
            if recorded and recorded == file_sha256(path):
                warnings = old.get(rel, {}).get("warnings")
                skipped.append(FileResult(rel, "skipped", names[path].as_posix(), None, warnings, 0.0, recorded))
                continue
        jobs.append(make_job(path, rel))
    return jobs, skipped, outputs


def write_report(outdir: Path, results: list[FileResult], summary: Summary) -> Path:
    """OUTDIR/_report.json: the summary and one entry per input, in input order."""
    entries = [{k: v for k, v in asdict(r).items() if k != "text"} for r in sorted(results, key=lambda r: r.path)]
    path = outdir / REPORT_NAME
    write_atomically(path, json.dumps({"summary": asdict(summary), "files": entries}, ensure_ascii=False, indent=2) + "\n")
    return path


def run_batch(root: Path, outdir: Path, executor: Executor, *, workers: int, resume: bool = False,
              timeout: float = DEFAULT_TIMEOUT, memory_mb: int = DEFAULT_MEMORY_MB,
              converter: Callable[[str], tuple[str, int]] | None = None,
              on_result: Callable[[FileResult, int], None] | None = None) -> tuple[Summary, list[FileResult]]:
    """Convert every input under `root` into `outdir` on `executor`; write the report.

    `on_result(result, total)` is called once per finished file (the progress bar).
    The report is written even when the run is interrupted, so it always says
    what was done.
    """
    start = time.perf_counter()
    make_job = lambda path, rel: Job(str(path.resolve()), rel, timeout, memory_mb, converter)  # noqa: E731
    jobs, results, outputs = plan_jobs(root, outdir, resume, make_job)
    summary = Summary(skipped=len(results))
    try:
        for result in _bounded(executor, jobs, max(1, workers) * IN_FLIGHT_PER_WORKER):
            if result.status == "ok":
                write_atomically(outdir / outputs[result.path], result.text)
                result.output, result.text = outputs[result.path].as_posix(), None
                summary.converted += 1
                summary.warnings += result.warnings or 0
            else:
                summary.failed += 1
            results.append(result)
            if on_result:
                on_result(result, len(jobs))
    finally:
        summary.seconds = round(time.perf_counter() - start, 3)
        write_report(outdir, results, summary)
    return summary, results
