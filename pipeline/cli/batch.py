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

from pipeline.i18n import message
from pipeline import tempfiles
from pipeline.batch import (CONVERTERS, DEFAULT_CPU_SECONDS, DEFAULT_MEMORY_MB, DEFAULT_TIMEOUT, REPORT_NAME,
                            FileResult, run_batch, worker_init)
from pipeline.cli import messages
from pipeline.cli.main import add_ocr_option
from pipeline.errors import EXIT_OK, EXIT_FAILED, EXIT_USAGE
from pipeline.data.extras import missing_line
from pipeline.warm import warm_up

# Seconds to wait for a Dask scheduler before saying it is unreachable (Dask's own default is 30).
SCHEDULER_TIMEOUT = 10.0


def add_parser(subparsers: argparse._SubParsersAction) -> argparse.ArgumentParser:
    """Register `batch` on the `vnplan` sub-command parser."""
    cmd = subparsers.add_parser("batch", help=message("cli.cmd.batch"), description=message("cli.help.batch"),
                                formatter_class=argparse.RawDescriptionHelpFormatter)
    cmd.add_argument("directory", type=Path, metavar=message("metavar.dir"))
    cmd.add_argument("-o", "--output", required=True, type=Path, metavar=message("metavar.outdir"))
    cmd.add_argument("--jobs", "-j", type=int, default=None, metavar="N",
                     help=message("cli.help.jobs"))
    cmd.add_argument("--resume", action="store_true",
                     help=message("cli.help.resume"))
    cmd.add_argument("--executor", choices=("local", "dask"), default="local",
                     help=message("cli.help.executor"))
    cmd.add_argument("--scheduler", metavar=message("metavar.address"),
                     help=message("cli.help.scheduler"))
    cmd.add_argument("--scheduler-timeout", type=float, default=SCHEDULER_TIMEOUT, metavar=message("metavar.seconds"),
                     help=message("cli.help.scheduler_timeout", seconds=f"{SCHEDULER_TIMEOUT:g}"))
    cmd.add_argument("--timeout", type=float, default=DEFAULT_TIMEOUT, metavar=message("metavar.seconds"),
                     help=message("cli.help.timeout", seconds=f"{DEFAULT_TIMEOUT:g}"))
    add_ocr_option(cmd)
    cmd.add_argument("--max-memory", type=int, default=DEFAULT_MEMORY_MB, metavar="MB",
                     help=message("cli.help.max_memory", mb=DEFAULT_MEMORY_MB))
    cmd.add_argument("--max-cpu", type=float, default=DEFAULT_CPU_SECONDS, metavar=message("metavar.seconds"),
                     help=message("cli.help.max_cpu", seconds=f"{DEFAULT_CPU_SECONDS:g}"))
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
        raise SchedulerUnreachable(missing_line("--executor dask", "dask")) from None
    with contextlib.ExitStack() as stack:
        if scheduler:
            try:
                client = stack.enter_context(Client(scheduler, timeout=timeout))
            except (OSError, TimeoutError, ValueError) as exc:
                raise SchedulerUnreachable(message("cli.dask_unreachable", detail=exc)) from None
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
            messages.info(message("cli.batch_progress", done=self.done, total=total, status=message(f"batch.status.{result.status}"),
                                  path=messages.escape(result.path), seconds=f"{result.seconds:.1f}"))
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
        messages.usage_error(message("cli.not_dir", path=messages.escape(args.directory)))
        return EXIT_USAGE
    jobs = default_jobs() if args.jobs is None else args.jobs
    if jobs < 1 or args.timeout <= 0 or args.max_memory <= 0 or args.max_cpu <= 0 or args.scheduler_timeout <= 0:
        messages.usage_error(message("cli.batch_positive"))
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
        if result.status == "ignored":  # said once each, as failures are: no file passes unmentioned
            messages.info(message("cli.ignored_line", path=messages.escape(result.path), reason=messages.one_line(result.error)))
    report = args.output / REPORT_NAME
    if summary.report_error:
        report = summary.report_elsewhere or None
        where = (message("cli.report_written_to", path=report) if report else
                 message("cli.report_counts", converted=summary.converted, failed=summary.failed))
        messages.fail(args.output / REPORT_NAME, message("cli.report_not_written", reason=summary.report_error) + where)
    if report:
        messages.info(message("cli.batch_summary", line=summary.line(), path=messages.escape(report)))
    else:
        messages.info(message("cli.batch_summary_no_report", line=summary.line()))
    return EXIT_FAILED if summary.failed else EXIT_OK
