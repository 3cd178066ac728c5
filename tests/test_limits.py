"""pipeline.limits: a crash under a small memory allowance is named for what caused it."""
from __future__ import annotations

import gc
import os
import resource
import signal

from pipeline.limits import CHILD_GC_THRESHOLD, DEFAULT_MEMORY_MB, Limits, run_limited


def _crash_when_small() -> str:
    """Dies with SIGSEGV when its address space has little room left under the cap, as C code
    does on a failed allocation; answers when the default allowance leaves room."""
    soft, _ = resource.getrlimit(resource.RLIMIT_AS)
    with open("/proc/self/statm") as handle:
        mapped = int(handle.read().split()[0]) * resource.getpagesize()
    if soft != resource.RLIM_INFINITY and soft - mapped < DEFAULT_MEMORY_MB // 2 * 2**20:
        os.kill(os.getpid(), signal.SIGSEGV)
    return "done"


def _always_crash() -> str:
    os.kill(os.getpid(), signal.SIGSEGV)
    return "never"


def test_crash_under_a_small_allowance_is_out_of_memory() -> None:
    limits = Limits(memory_mb=64, cpu_seconds=30)
    assert run_limited(_crash_when_small, limits) == (False, limits.out_of_memory())


def test_crash_that_the_default_allowance_does_not_cure_stays_a_crash() -> None:
    ok, reason = run_limited(_always_crash, Limits(memory_mb=64, cpu_seconds=30))
    assert not ok and reason.startswith("crashed (SIGSEGV)")


def test_an_answer_is_returned_as_it_is() -> None:
    assert run_limited(lambda: 42, Limits(memory_mb=DEFAULT_MEMORY_MB, cpu_seconds=30)) == (True, 42)


def test_the_child_collects_less_often_and_the_parent_is_left_as_it_was() -> None:
    # the child collects at its own threshold and never walks what it inherited (frozen for the
    # fork); the parent's collector is as it was before
    before = gc.get_threshold(), gc.get_freeze_count()
    answer = run_limited(lambda: (gc.get_threshold()[0], gc.get_freeze_count() > 0), Limits(cpu_seconds=30))
    assert answer == (True, (CHILD_GC_THRESHOLD, True))
    assert (gc.get_threshold(), gc.get_freeze_count()) == before


def test_a_caller_that_freezes_objects_itself_keeps_them_frozen() -> None:
    gc.freeze()
    try:
        frozen = gc.get_freeze_count()
        assert run_limited(lambda: 1, Limits(cpu_seconds=30)) == (True, 1)
        assert gc.get_freeze_count() == frozen
    finally:
        gc.unfreeze()
