"""CPU time, memory and wall time for converting one file, in a child process.

`vnplan convert` and every `vnplan batch` worker run each conversion in a forked
child under these limits, so a hostile or broken file costs at most its limits
and always ends as one line that names the limit it hit ("out of memory (limit
2048 MB)", "CPU time limit exceeded (120 s)"), never a crash signal, an exit
status or a traceback. The child forks from the warm parent (the package and its
vocabularies loaded), so the guard costs milliseconds.

Defaults (docs/commands.md, "Limits"): a plan of a hundred pages converts in under ten
seconds of CPU and 300 MB; the limits leave ten times that room and still stop a
bomb long before a machine suffers.
"""
from __future__ import annotations

import contextlib
import dataclasses

import ctypes
import faulthandler
import gc
import os
import pickle
import resource
import select
import signal
import sys
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from typing import Any

from pipeline.i18n import message

# Memory a conversion may add to the process it forks from (address space, MB).
# The largest real plan (110 pages) peaks near 300 MB; pdfminer's per-page
# objects need room, and a batch of 8 workers at this cap still fits in 16 GB.
DEFAULT_MEMORY_MB = 2048
# CPU seconds per file: the slowest real plan takes about 10 s; OCR of a 20-page
# scan about 60 s. Anything past this is a loop or a bomb.
DEFAULT_CPU_SECONDS = 300
# Wall time per file when none is given: CPU time times this, plus WALL_SLACK, so a
# machine where eight conversions share two cores still hits the CPU limit first
# (which names the real cause) and the wall clock only catches a child that waits.
WALL_FACTOR = 4.0
WALL_SLACK = 60.0
# A child killed by a signal whose peak resident memory reached this share of the
# memory limit ran out of memory (C code that cannot allocate often dies with
# SIGSEGV or SIGABRT, not with MemoryError).
OOM_SHARE = 0.6
# A failure in a child whose peak address space came within this share of its
# memory allowance is reported as running out of memory: libxml2 says "unknown
# error" and pdfminer "corrupt PDF" when an allocation fails.
NEAR_LIMIT_SHARE = 0.75
# Linux prctl option: a signal to receive when the parent dies.
_PR_SET_PDEATHSIG = 1
# The child's collector runs after this many new container objects, not 700 (Python's default).
# A conversion allocates them by the hundred thousand (pdfminer's and pdfplumber's, per character)
# and keeps most of them until its page is done: at 700 the collector ran 200 times on a 12-page
# plan and walked them again each time, 10-15% of the conversion's CPU (17% at 300 pages). The
# child lives for one file; at this threshold its peak memory grew 3 MB at 300 pages.
CHILD_GC_THRESHOLD = 10_000


@dataclass(frozen=True)
class Limits:
    """What one conversion may use. `timeout` (wall seconds) defaults from the CPU time."""

    memory_mb: int = DEFAULT_MEMORY_MB
    cpu_seconds: float = DEFAULT_CPU_SECONDS
    timeout: float | None = None
    # The child's stderr: reading libraries log a line for every oddity of a damaged
    # file (pdfminer up to a hundred); the parent prints the one line that matters.
    # `-v` keeps them.
    keep_stderr: bool = False

    @property
    def wall_seconds(self) -> float:
        return self.timeout if self.timeout is not None else self.cpu_seconds * WALL_FACTOR + WALL_SLACK

    def out_of_memory(self) -> str:
        return message("error.limit_memory", mb=self.memory_mb)

    def out_of_cpu(self) -> str:
        return message("error.limit_cpu", seconds=f"{self.cpu_seconds:g}")

    def out_of_time(self) -> str:
        return message("error.limit_time", seconds=f"{self.wall_seconds:g}")


def die_with_parent() -> None:
    """Ask Linux to SIGKILL this process when its parent dies (prctl PR_SET_PDEATHSIG).

    Without it, a `kill -9` of `vnplan batch` leaves its workers converting for
    minutes. Elsewhere (macOS) this does nothing.
    """
    if not sys.platform.startswith("linux"):
        return
    parent = os.getppid()
    try:
        libc = ctypes.CDLL(None, use_errno=True)
        libc.prctl(_PR_SET_PDEATHSIG, signal.SIGKILL, 0, 0, 0)
    except (OSError, AttributeError):
        return
    if os.getppid() != parent:  # the parent died before the request took effect
        os._exit(1)


def _address_space() -> int:
    """Bytes of address space this process maps now (the base the memory limit adds to)."""
    with open("/proc/self/statm") as handle:
        return int(handle.read().split()[0]) * resource.getpagesize()


_BASE = [0]  # address space of the child when the limits were set


def _near_memory_limit(limits: Limits) -> bool:
    """Whether this process's peak address space came near its memory allowance (Linux)."""
    try:
        with open("/proc/self/status") as handle:
            peak_kb = next(int(line.split()[1]) for line in handle if line.startswith("VmPeak:"))
    except MemoryError:  # no memory left even to look: the answer
        return True
    except (OSError, StopIteration, ValueError):
        return False
    return peak_kb * 1024 - _BASE[0] >= NEAR_LIMIT_SHARE * limits.memory_mb * 2**20


def apply(limits: Limits) -> None:
    """Set this process's address-space and CPU limits (called in the child)."""
    try:
        base = _address_space()
    except OSError:  # no /proc (macOS): an absolute cap
        base = 0
    _BASE[0] = base
    memory = base + limits.memory_mb * 2**20
    resource.setrlimit(resource.RLIMIT_AS, (memory, memory))
    used = sum(resource.getrusage(resource.RUSAGE_SELF)[:2])
    cpu = int(used + limits.cpu_seconds + 1)
    # SIGXCPU at the soft limit, SIGKILL a few seconds later if it is ignored.
    resource.setrlimit(resource.RLIMIT_CPU, (cpu, cpu + 5))


def _outcome(work: Callable[[], Any], limits: Limits) -> bytes:
    """Run `work` under the limits; the pickled (ok, payload) to send to the parent."""
    try:
        die_with_parent()
        if not limits.keep_stderr:
            _silence_stderr()
        apply(limits)
        outcome: tuple[bool, Any] = (True, work())
    except MemoryError:
        outcome = (False, limits.out_of_memory())
    except BaseException as exc:  # noqa: BLE001  (handed to the parent, which decides)
        outcome = (False, limits.out_of_memory() if _near_memory_limit(limits) else exc)
    try:
        return pickle.dumps(outcome)
    except MemoryError:
        raise
    except Exception as exc:  # noqa: BLE001  an exception that does not pickle
        return pickle.dumps((False, RuntimeError(f"{type(exc).__name__}: {exc}")))


@contextlib.contextmanager
def _frozen_for_fork() -> Iterator[None]:
    """What the parent holds (the package, its vocabularies) frozen while it forks: the child's
    collector never walks it (nor copies its pages by writing to it); the parent's is as before
    once the block ends. A caller that freezes objects itself (a pre-forking server) is left to
    its own scheme."""
    freezing = gc.get_freeze_count() == 0
    if freezing:
        gc.freeze()
    try:
        yield
    finally:
        if freezing:
            gc.unfreeze()


def _child_process(work: Callable[[], Any], limits: Limits, read_fd: int, write_fd: int) -> None:
    """The forked child from start to exit: collect less often, run `work`, send its outcome."""
    code = 0
    try:
        os.close(read_fd)
        gc.set_threshold(CHILD_GC_THRESHOLD, *gc.get_threshold()[1:])
        _child(work, limits, write_fd)
    except BaseException:  # noqa: BLE001
        code = 70
    finally:
        os._exit(code)


def _child(work: Callable[[], Any], limits: Limits, write_fd: int) -> None:
    """In the forked child: run `work`, send its outcome through the pipe.

    The out-of-memory answer is pickled before anything runs: when memory runs
    out anywhere (in the work, in pickling, in the error handling) it is what
    the parent gets, never a bare exit status.
    """
    faulthandler.disable()  # a crash is reported as its signal, not as a dump over the progress bar
    # What the child was forked with (the package, its vocabularies, the warm-up) lives as long
    # as the child: frozen, the garbage collector no longer walks it at each full collection
    # (about 0.06 s each, several a file), nor writes to its pages, which stay shared with the parent.
    gc.freeze()
    oom = pickle.dumps((False, limits.out_of_memory()))
    try:
        data = _outcome(work, limits)
    except MemoryError:
        data = oom
    view = memoryview(data)
    while view:
        view = view[os.write(write_fd, view):]
    os.close(write_fd)


def _silence_stderr() -> None:
    """Point file descriptor 2 at /dev/null: libraries' log lines and C-level messages go nowhere."""
    devnull = os.open(os.devnull, os.O_WRONLY)
    os.dup2(devnull, 2)
    os.close(devnull)


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


def _resident() -> int:
    """Bytes of this process now resident in memory (a forked child starts with as many)."""
    try:
        with open("/proc/self/statm") as handle:
            return int(handle.read().split()[1]) * resource.getpagesize()
    except (OSError, IndexError, ValueError):
        return 0


def death_reason(status: int, peak_rss_kb: int, limits: Limits, base_rss: int = 0) -> str:
    """Why a child ended without an answer, from its wait status and the memory it added
    to the `base_rss` bytes it was forked with (Linux counts those in its peak)."""
    near_limit = peak_rss_kb * 1024 - base_rss >= OOM_SHARE * limits.memory_mb * 2**20
    if not os.WIFSIGNALED(status):
        if near_limit:
            return limits.out_of_memory()
        return message("error.child_exited", status=os.WEXITSTATUS(status))
    sig = os.WTERMSIG(status)
    if sig == signal.SIGXCPU:
        return limits.out_of_cpu()
    if near_limit:
        return limits.out_of_memory()
    if sig == signal.SIGKILL:  # not ours (the deadline is handled apart): the system's OOM killer or a person
        return message("error.child_killed")
    return message("error.child_crashed", signal=signal.Signals(sig).name)


# Signals C code dies with when an allocation fails under the address-space cap (it rarely
# raises MemoryError): a crash with one of them is checked against a run with the default cap.
_CRASH_SIGNALS = frozenset({signal.SIGSEGV, signal.SIGBUS, signal.SIGABRT})


def run_limited(work: Callable[[], Any], limits: Limits) -> tuple[bool, Any]:
    """Run `work()` in a forked child under `limits`; a crash under a memory allowance smaller
    than the default is run again with the default one, and named out of memory when that run
    does not crash alike (the small allowance was the cause)."""
    ok, outcome, crash = _run_child(work, limits)
    if crash is None or limits.memory_mb >= DEFAULT_MEMORY_MB:
        return ok, outcome
    _, _, again = _run_child(work, dataclasses.replace(limits, memory_mb=DEFAULT_MEMORY_MB))
    return (False, limits.out_of_memory()) if again != crash else (ok, outcome)


def _run_child(work: Callable[[], Any], limits: Limits) -> tuple[bool, Any, int | None]:
    """Run `work()` in a forked child under `limits`: (ok, result or reason, crash signal or None).

    Returns (True, result) or (False, reason): `reason` is a str for a limit or a
    crash, or the exception `work` raised (the caller maps it to a line). A child
    past the wall deadline is killed with SIGKILL: Python loops and C code alike stop.
    """
    read_fd, write_fd = os.pipe()
    base_rss = _resident()
    with _frozen_for_fork():
        pid = os.fork()
        if pid == 0:  # child: never leaves this block (os._exit)
            _child_process(work, limits, read_fd, write_fd)
    os.close(write_fd)
    try:
        data = _read_until(read_fd, time.monotonic() + limits.wall_seconds)
    except BaseException:  # interrupted (Ctrl-C, SIGTERM): the child must not outlive us
        os.kill(pid, signal.SIGKILL)
        os.waitpid(pid, 0)
        raise
    finally:
        os.close(read_fd)
    if data is None:
        os.kill(pid, signal.SIGKILL)
        os.waitpid(pid, 0)
        return False, limits.out_of_time(), None
    _, status, usage = os.wait4(pid, 0)
    crash = os.WTERMSIG(status) if os.WIFSIGNALED(status) and os.WTERMSIG(status) in _CRASH_SIGNALS else None
    if data:
        try:
            return (*pickle.loads(data), None)
        except Exception:  # noqa: BLE001  a truncated answer: the child died while writing
            pass
    return False, death_reason(status, usage.ru_maxrss, limits, base_rss), crash
