"""Progress of a long step (the pages OCR has read), told to whoever listens.

The command line listens and draws it; the steps only report, and a conversion
with no listener (a test, a library caller, a batch worker) pays nothing. The
listener is a context variable: set around a conversion, it reaches the forked
child that runs it under the per-file limits.
"""
from __future__ import annotations

from collections.abc import Callable, Iterator
from contextlib import contextmanager
from contextvars import ContextVar

# (pages done, pages in all)
PageListener = Callable[[int, int], None]

_listener: ContextVar[PageListener | None] = ContextVar("vnplan_page_listener", default=None)


def page_done(done: int, total: int) -> None:
    """Tell the listener, if any, that `done` of `total` pages are read."""
    if (listener := _listener.get()) is not None:
        listener(done, total)


@contextmanager
def listening(listener: PageListener) -> Iterator[None]:
    """Send the page progress of what runs inside to `listener`."""
    token = _listener.set(listener)
    try:
        yield
    finally:
        _listener.reset(token)
