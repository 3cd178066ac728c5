"""`vnplan batch DIR -o OUTDIR`: argument parsing, executors, progress bar, exit code.

The work itself is `pipeline.batch.run_batch`; this module only chooses where it
runs (a local process pool, or a Dask cluster) and how progress is shown.
"""
from __future__ import annotations

import argparse
import contextlib
import multiprocessing
import os
import signal
import sys
from collections.abc import Callable, Iterator
from concurrent.futures import Executor, ProcessPoolExecutor
from pathlib import Path

from pipeline import tempfiles
from pipeline.batch import (CONVERTERS, DEFAULT_CPU_SECONDS, DEFAULT_MEMORY_MB, DEFAULT_TIMEOUT, REPORT_NAME,
                            FileResult, run_batch, worker_init)
from pipeline.cli import messages
from pipeline.cli.main import add_ocr_option
from pipeline.errors import EXIT_OK, EXIT_FAILED, EXIT_USAGE
from pipeline.warm import warm_up

# Seconds to wait for a Dask scheduler before saying it is unreachable (Dask's own default is 30).
SCHEDULER_TIMEOUT = 10.0


BATCH_HELP = """\
Convert every .pdf/.docx under DIR (recursively, in sorted order) into OUTDIR,
mirroring DIR's folders: sub/x.pdf gives OUTDIR/sub/x.json (x.pdf.json and
x.docx.json when both are in one folder). Files run in parallel, each in its own
child process under a time limit and a memory cap, so one bad, slow or huge
file never stops the rest. OUTDIR/_report.json lists every file with its
status, error, warnings, seconds and sha256. Exit 1 when any file failed.

examples:
  vnplan batch archive/ -o out/archive --jobs 8
  vnplan batch archive/ -o out/archive --resume          # skip what is up to date
  vnplan batch archive/ -o out/archive --executor dask --scheduler tcp://10.0.0.5:8786"""


def add_parser(subparsers: argparse._SubParsersAction) -> argparse.ArgumentParser:
    """Register `batch` on the `vnplan` sub-command parser."""
    cmd = subparsers.add_parser("batch", help="convert a folder tree in parallel", description=BATCH_HELP,
                                formatter_class=argparse.RawDescriptionHelpFormatter)
    cmd.add_argument("directory", type=Path, metavar="DIR")
    cmd.add_argument("-o", "--output", required=True, type=Path, metavar="OUTDIR")
    cmd.add_argument("--jobs", "-j", type=int, default=None, metavar="N",
                     help="parallel conversions (default: number of cores)")
    cmd.add_argument("--resume", action="store_true",
                     help="skip inputs whose output exists with the same source sha256")
    cmd.add_argument("--executor", choices=("local", "dask"), default="local",
                     help="local process pool (default) or a Dask distributed cluster")
    cmd.add_argument("--scheduler", metavar="ADDRESS",
                     help="Dask scheduler address (tcp://host:8786); without it a local Dask cluster is started")
    cmd.add_argument("--scheduler-timeout", type=float, default=SCHEDULER_TIMEOUT, metavar="SECONDS",
                     help=f"give up on an unreachable scheduler after this long (default {SCHEDULER_TIMEOUT:g})")
    cmd.add_argument("--timeout", type=float, default=DEFAULT_TIMEOUT, metavar="SECONDS",
                     help=f"per-file time limit (default {DEFAULT_TIMEOUT:g})")
    add_ocr_option(cmd)
    cmd.add_argument("--max-memory", type=int, default=DEFAULT_MEMORY_MB, metavar="MB",
                     help=f"per-file memory cap in MB (default {DEFAULT_MEMORY_MB})")
    cmd.add_argument("--max-cpu", type=float, default=DEFAULT_CPU_SECONDS, metavar="SECONDS",
                     help=f"per-file CPU time limit (default {DEFAULT_CPU_SECONDS:g})")
    return cmd


def default_jobs() -> int:
    """The cores this process may use (cgroup/affinity aware where the OS says)."""
    try:
        return len(os.sched_getaffinity(0))
    except AttributeError:
        return os.cpu_count() or 1


@contextlib.contextmanager
def local_executor(jobs: int) -> Iterator[Executor]:
    """A process pool of warm workers: warmed here (`pipeline.warm`), then forked ("fork"), so
    each starts with the readers imported and the vocabularies loaded, and so does every
    file's child it forks in turn."""
    warm_up()
    context = multiprocessing.get_context("fork")
    pool = ProcessPoolExecutor(max_workers=jobs, mp_context=context, initializer=worker_init)
    try:
        yield pool
    except BaseException:  # interrupted: stop the workers and their conversions now, not after them
        stop_workers(pool)
        raise
    finally:
        pool.shutdown(wait=True, cancel_futures=True)
        tempfiles.sweep()  # the folders of conversions killed with their workers (they had no way out)


def stop_workers(pool: ProcessPoolExecutor) -> None:
    """SIGKILL every worker's process group: the worker and the conversion it forked."""
    for pid in list((getattr(pool, "_processes", None) or {}).keys()):
        with contextlib.suppress(OSError):
            os.killpg(pid, signal.SIGKILL)  # the worker made its own group (worker_init)
        with contextlib.suppress(OSError):
            os.kill(pid, signal.SIGKILL)


class SchedulerUnreachable(Exception):
    """The Dask scheduler did not answer; `reason` is one line for the user."""

    def __init__(self, reason: str) -> None:
        super().__init__(reason)
        self.reason = reason


@contextlib.contextmanager
def dask_executor(scheduler: str | None, jobs: int,
                  timeout: float = SCHEDULER_TIMEOUT) -> Iterator[tuple[Executor, int]]:
    """A concurrent.futures view of a Dask cluster and its worker thread count.

    Without a scheduler address a LocalCluster of `jobs` single-threaded worker
    processes is started (and stopped afterwards). A scheduler that does not answer
    within `timeout` seconds raises SchedulerUnreachable.
    """
    try:
        from distributed import Client, LocalCluster
    except ImportError:
        raise SchedulerUnreachable("--executor dask needs dask[distributed] (pip install 'dask[distributed]')") from None
    with contextlib.ExitStack() as stack:
        if scheduler:
            try:
                client = stack.enter_context(Client(scheduler, timeout=timeout))
            except (OSError, TimeoutError, ValueError) as exc:
                raise SchedulerUnreachable(f"Dask scheduler unreachable ({exc})") from None
        else:
            cluster = stack.enter_context(LocalCluster(n_workers=jobs, threads_per_worker=1, dashboard_address=None))
            client = stack.enter_context(Client(cluster))
        threads = sum(client.nthreads().values()) or jobs
        yield client.get_executor(pure=False), threads


class Progress:
    """A tqdm bar (files/s, last file) on a terminal; elsewhere (cron, CI logs) one plain
    line per file, "[3/17] ok sub/x.pdf (1.2 s)", hidden by -q. Failures always print."""

    def __init__(self, enabled: bool) -> None:
        self.enabled, self.bar, self.done = enabled, None, 0

    def __call__(self, result: FileResult, total: int) -> None:
        self.done += 1
        if self.enabled and self.bar is None:
            from tqdm import tqdm
            self.bar = tqdm(total=total, unit="file", dynamic_ncols=True, file=sys.stderr)
        if result.status == "failed":
            self._print(lambda: messages.fail(result.path, result.error))
        elif self.bar is None:
            messages.info(f"[{self.done}/{total}] {result.status} {messages.escape(result.path)} ({result.seconds:.1f} s)")
        if self.bar is not None:
            self.bar.set_postfix_str(messages.escape(result.path)[-60:], refresh=False)
            self.bar.update(1)

    def _print(self, write: Callable[[], None]) -> None:
        if self.bar is not None:
            with self.bar.external_write_mode(file=sys.stderr):
                write()
        else:
            write()

    def close(self) -> None:
        if self.bar is not None:
            self.bar.close()


def run(args: argparse.Namespace) -> int:
    """Run `vnplan batch`; 0 when every file converted, 1 when any failed, 2 on bad usage."""
    if not args.directory.is_dir():
        messages.usage_error(f"{messages.escape(args.directory)}: not a directory")
        return EXIT_USAGE
    jobs = default_jobs() if args.jobs is None else args.jobs
    if jobs < 1 or args.timeout <= 0 or args.max_memory <= 0 or args.max_cpu <= 0 or args.scheduler_timeout <= 0:
        messages.usage_error("--jobs, --timeout, --max-memory, --max-cpu and --scheduler-timeout must be positive")
        return EXIT_USAGE
    progress = Progress(enabled=sys.stderr.isatty())
    options = {"resume": args.resume, "timeout": args.timeout, "memory_mb": args.max_memory,
               "cpu_seconds": args.max_cpu, "on_result": progress,
               "converter": CONVERTERS[args.ocr]}
    try:
        if args.executor == "dask":
            with dask_executor(args.scheduler, jobs, args.scheduler_timeout) as (executor, workers):
                summary, results = run_batch(args.directory, args.output, executor, workers=workers, **options)
        else:
            with local_executor(jobs) as executor:
                summary, results = run_batch(args.directory, args.output, executor, workers=jobs, **options)
    except SchedulerUnreachable as exc:
        messages.fail(args.scheduler or "dask", exc.reason)
        return EXIT_FAILED
    finally:
        progress.close()
    for result in results:
        if result.status == "ignored":
            messages.info(f"ignored {messages.escape(result.path)}: {messages.one_line(result.error)}")
    report = args.output / REPORT_NAME
    if summary.report_error:
        report = summary.report_elsewhere or None
        where = (f"; written to {report} instead" if report else
                 f"; {summary.converted} converted and {summary.failed} failed as the lines above say")
        messages.fail(args.output / REPORT_NAME, f"report not written: {summary.report_error}{where}")
    tail = f"report: {messages.escape(report)}" if report else "no report written"
    messages.info(f"vnplan batch: {summary.line()}; {tail}")
    return EXIT_FAILED if summary.failed else EXIT_OK
