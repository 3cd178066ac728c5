"""How far OCR has read a long scan, on the command line.

On a terminal, a bar under the file's name; elsewhere (cron, CI logs) a plain line every
`LINE_EVERY` pages and at the last, hidden by -q. A scan of a few pages says nothing:
it is done before a line would help.

The conversion runs in a forked child whose stderr is silenced (libraries' noise); the
progress keeps a copy of the real stderr, taken before the fork, and writes there.
"""
from __future__ import annotations

import logging
import os
import sys
from pathlib import Path
from types import TracebackType
from typing import TextIO

from pipeline.cli import messages
from pipeline.data.messages import message

# Fewer pages than this are read in seconds: no progress is shown for them.
MIN_PAGES = 10
# A plain progress line every this many pages.
LINE_EVERY = 10


class PageProgress:
    """A listener of `pipeline.data.progress` for one file, used as a context manager."""

    def __init__(self, path: Path, terminal: bool | None = None) -> None:
        self.path = path
        self.terminal = sys.stderr.isatty() if terminal is None else terminal
        self.stream: TextIO | None = None
        self.bar = None

    def __enter__(self) -> PageProgress:
        try:
            self.stream = os.fdopen(os.dup(sys.stderr.fileno()), "w", encoding="utf-8", buffering=1)
        except (OSError, ValueError, AttributeError):  # a stderr with no descriptor (a test's buffer)
            self.stream = None
        return self

    def __exit__(self, kind: type[BaseException] | None, exc: BaseException | None, tb: TracebackType | None) -> None:
        if self.stream is not None:
            self.stream.close()

    def __call__(self, done: int, total: int) -> None:
        if total < MIN_PAGES or not messages.log.isEnabledFor(logging.INFO):
            return
        stream = self.stream or sys.stderr
        if self.terminal:
            self._draw(stream, done, total)
        elif done % LINE_EVERY == 0 or done == total:
            line = message("cli.ocr_progress", path=messages.escape(self.path), done=done, total=total)
            try:
                stream.write(line + "\n")
            except (OSError, ValueError):  # stderr closed: nowhere to tell
                pass

    def _draw(self, stream: TextIO, done: int, total: int) -> None:
        if self.bar is None:
            from tqdm import tqdm
            self.bar = tqdm(total=total, unit=message("cli.ocr_page_unit"), desc=messages.escape(self.path.name)[-40:],
                            leave=False, dynamic_ncols=True, file=stream)
        self.bar.update(done - self.bar.n)
        if done == total:
            self.bar.close()
