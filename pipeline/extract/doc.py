"""A Word 97 (.doc, OLE2) file read through the DOCX LibreOffice makes of it.

No Python library reads the binary .doc format well; LibreOffice does. It runs headless
(`soffice --headless --convert-to docx`), found on PATH, into a temporary folder that is
removed on every way out (done, failed, timed out, interrupted), with its own user profile
there, so conversions in parallel (`vnplan batch --jobs N`) never wait on one profile's
lock. It runs in a process group of its own: a timeout or an interrupt kills LibreOffice and
every helper it started. The conversion runs inside the per-file limits of `pipeline.limits`
(a LibreOffice child inherits the memory and CPU caps of the conversion that starts it).
"""
from __future__ import annotations

import contextlib
import os
import shutil
import signal
import subprocess
import tempfile
from collections.abc import Iterator
from pathlib import Path

from pipeline.errors import ExtractError, one_line
from pipeline.data.messages import message

OLE2_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
SOFFICE_NAMES = ("soffice", "libreoffice")
# The Debian/Ubuntu package that gives `soffice` without a desktop, named in the refusal.
PACKAGE = "libreoffice-writer-nogui"
# Wall seconds LibreOffice may take for one file: a 40-page .doc takes 3-6 s (2 busy cores).
SOFFICE_TIMEOUT = 180.0


def is_legacy_doc(path: Path, head: bytes) -> bool:
    """A Word 97 file: OLE2 bytes under a .doc name (an OOXML file named .doc is a DOCX)."""
    return path.suffix.lower() == ".doc" and head.startswith(OLE2_MAGIC)


def soffice() -> str:
    """The path of LibreOffice's `soffice`, or an ExtractError naming the package to install."""
    for name in SOFFICE_NAMES:
        found = shutil.which(name)
        if found:
            return found
    raise ExtractError(message("doc.no_soffice", package=PACKAGE))


def _run(command: list[str], timeout: float) -> subprocess.CompletedProcess:
    """Run LibreOffice in its own process group; on a timeout or an interrupt the group is killed."""
    proc = subprocess.Popen(command, stdout=subprocess.PIPE, stderr=subprocess.PIPE, start_new_session=True)
    try:
        out, err = proc.communicate(timeout=timeout)
    except BaseException:
        with contextlib.suppress(ProcessLookupError):
            os.killpg(proc.pid, signal.SIGKILL)
        proc.wait()
        raise
    return subprocess.CompletedProcess(command, proc.returncode, out, err)


@contextlib.contextmanager
def converted_docx(path: Path, timeout: float = SOFFICE_TIMEOUT) -> Iterator[Path]:
    """The DOCX LibreOffice makes of a .doc, in a temporary folder removed when the block ends.

    Raises:
        ExtractError: LibreOffice is absent, timed out, or made no DOCX (a damaged or
            password-protected file).
    """
    program = soffice()
    with tempfile.TemporaryDirectory(prefix="vnplan-doc-") as tmp:
        folder = Path(tmp)
        # A copy under a plain name: LibreOffice reads the name as a URL, where "#" or "%" cut it.
        source = folder / "original.doc"
        shutil.copyfile(path, source)
        command = [program, f"-env:UserInstallation={(folder / 'profile').as_uri()}", "--headless",
                   "--norestore", "--convert-to", "docx", "--outdir", str(folder / "out"), str(source)]
        try:
            run = _run(command, timeout)
        except subprocess.TimeoutExpired:
            raise ExtractError(message("doc.soffice_timeout", seconds=f"{timeout:g}")) from None
        made = folder / "out" / "original.docx"
        if not made.is_file():
            detail = one_line(run.stderr.decode("utf-8", "replace")) or f"exit status {run.returncode}"
            raise ExtractError(message("doc.soffice_failed", detail=detail))
        yield made
