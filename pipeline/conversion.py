"""One file in, one contract dict out: extract → structure → normalize.

Each format's extractor is imported when a file of that format arrives, so a PDF
conversion never loads python-docx and lxml (and nothing here loads pandas,
SQLAlchemy, scipy or numpy): `vnplan convert x.pdf` starts as fast as it can.
"""
from __future__ import annotations

import errno
import gc
import hashlib
from pathlib import Path

from pipeline.i18n import message, using_lang
from pipeline.errors import ExtractError, library_error_reason, one_line, os_error_reason
from pipeline.extract.page_choice import MODES as OCR_MODES
from pipeline.ir import Extracted
from pipeline.limits import Limits, run_limited
from pipeline.model import Plan, Source
from pipeline.normalize.plan import build_plan
from pipeline.output.serialize import plan_to_dict
from pipeline.output.validate import validation_errors
from pipeline.structure.document import build_skeleton

# Plans are a few MB; a larger input is refused before it is read into memory.
MAX_FILE_BYTES = 200 * 2**20
_ZIP_MAGIC = b"PK\x03\x04"
_OLE2_MAGIC = b"\xd0\xcf\x11\xe0"


class ConversionError(Exception):
    """A file that could not be converted; `reason` is one line for the user."""

    def __init__(self, reason: str) -> None:
        reason = " ".join(reason.split())  # one line, even when a library's message had several
        super().__init__(reason)
        self.reason = reason


def detect_format(path: Path, head: bytes) -> str:
    """"pdf" or "docx" from the file's first bytes; the extension only breaks ties.

    A PDF renamed .docx is still refused as a DOCX (and vice versa) with a reason
    that says what the file really is.
    """
    suffix = path.suffix.lower()
    if not head:
        raise ExtractError(message("error.empty"))
    if suffix == ".pdf" or (suffix != ".docx" and b"%PDF-" in head[:1024]):
        return "pdf"
    if suffix == ".docx" or head.startswith((_ZIP_MAGIC, _OLE2_MAGIC)):
        return "docx"
    raise ExtractError(message("error.unsupported_type", suffix=repr(suffix or message("error.no_extension"))))


def ocr_mode(ocr: str | bool) -> str:
    """The OCR mode ("auto", "never", "always"); True and False, the old switch, mean auto and never."""
    mode = {True: "auto", False: "never"}.get(ocr, ocr) if isinstance(ocr, bool) else ocr
    if mode not in OCR_MODES:
        raise ValueError(message("error.ocr_mode", modes=", ".join(OCR_MODES), value=repr(ocr)))
    return mode


def extract(path: Path, ocr: str | bool = "auto") -> tuple[Extracted, str, bytes]:
    """The IR of a file, its format and its bytes; `ocr` says which PDF pages are read by
    Tesseract (auto: those without a usable text layer; never; always).

    A folder, a device or a pipe is refused before reading: reading /dev/zero
    would never end, and "Is a directory" alone does not say which argument was wrong.
    """
    if path.is_dir():
        raise ExtractError(message("os.EISDIR"))
    if not path.exists():
        raise ExtractError(message("error.not_found"))
    if not path.is_file():
        raise ExtractError(message("error.not_regular"))
    size = path.stat().st_size
    if size > MAX_FILE_BYTES:
        raise ExtractError(message("error.too_large", size=f"{size / 2**20:.1f}", limit=f"{MAX_FILE_BYTES / 2**20:.1f}"))
    data = path.read_bytes()
    fmt = detect_format(path, data[:1024])
    if fmt == "pdf" and b"%PDF-" not in data[:1024] and data.startswith((_ZIP_MAGIC, _OLE2_MAGIC)):
        raise ExtractError(message("error.pdf_is_word"))
    try:
        # Each format's extractor is imported when a file of that format arrives: a PDF
        # conversion loads neither python-docx nor lxml.
        if fmt == "pdf":
            from pipeline.extract.pdf.reader import extract_pdf
            return extract_pdf(path, ocr=ocr_mode(ocr)), fmt, data
        from pipeline.extract.docx.reader import extract_docx
        return extract_docx(path), fmt, data
    except (ExtractError, OSError):
        raise
    except Exception as exc:  # a library's error on a damaged file: one line saying so
        if "memory allocation failed" in str(exc).lower():  # libxml2 out of memory
            raise MemoryError(str(exc)) from exc
        reason = library_error_reason(exc, fmt)
        if reason is None:
            raise
        raise ExtractError(reason) from exc


def convert_to_plan(path: Path, ocr: str | bool = "auto") -> Plan:
    """Convert a PDF or DOCX file. Raises ExtractError for unreadable files."""
    extracted, fmt, data = extract(path, ocr=ocr)
    # The reader's objects (pdfminer's document, its pages and decoded streams) hold reference
    # cycles, which stay until the next full collection, under the plan built on top of them:
    # collected here, a 300-page plan's peak is 4 MB lower, for a few milliseconds.
    gc.collect()
    source = Source(filename=path.name, format=fmt, sha256=hashlib.sha256(data).hexdigest(), pages=extracted.pages)
    skeleton, type_code = build_skeleton(extracted)
    return build_plan(skeleton, type_code, source)


def convert(path: str | Path, ocr: str | bool = "auto", lang: str | None = None) -> dict:
    """Convert a file to the contract's JSON dict, validated against the schema.

    Args:
        path: a .pdf or .docx file.
        ocr: which PDF pages are read from their image by Tesseract: "auto" (pages
            without a usable text layer: none, or not Vietnamese text), "never", "always".
            OCR'd output carries an `ocr_used` warning (OCR text needs checking).
        lang: the language of the warnings' messages and labels and of a refusal's reason,
            "vi" or "en" (default: the run's, `pipeline.i18n.set_lang`, else Vietnamese).

    Raises:
        ConversionError: the file cannot be read, or (a bug) the output breaks the schema.
        MemoryError: out of memory (`convert_limited` names the limit that was hit).
    """
    with using_lang(lang):
        return _convert(Path(path), ocr)


def _convert(path: Path, ocr: str | bool) -> dict:
    try:
        doc = plan_to_dict(convert_to_plan(path, ocr=ocr))
    except ExtractError as exc:
        raise ConversionError(exc.reason) from None
    except OSError as exc:
        raise ConversionError(os_error_reason(exc, message("cli.reading"))) from None
    errors = validation_errors(doc)
    if errors:
        raise ConversionError(message("error.breaks_schema", detail=errors[0]))
    return doc


def failure_reason(failure: object) -> str:
    """One line for what a limited conversion gave instead of a result (see `run_limited`)."""
    if isinstance(failure, str):
        return failure
    if isinstance(failure, ConversionError):
        return failure.reason
    if isinstance(failure, MemoryError):
        return message("error.out_of_memory")
    if isinstance(failure, OSError):
        return os_error_reason(failure)
    return message("error.internal", detail=f"{type(failure).__name__}: {one_line(failure)}")


def _import_extractor(path: Path) -> None:
    """Import the file's extractor in this process, before the limited child is forked: a child
    under a small memory limit cannot map a library's shared objects (lxml, pdfminer's), and the
    import error would read as damage. Only the file's own format is imported (start-up stays lean)."""
    try:
        with path.open("rb") as handle:
            fmt = detect_format(path, handle.read(1024))
    except (OSError, ExtractError):
        return  # the child says what is wrong with the file
    if fmt == "pdf":
        import pipeline.extract.pdf.reader  # noqa: F401
    else:
        import pipeline.extract.docx.reader  # noqa: F401


def convert_limited(path: str | Path, ocr: str | bool = "auto", limits: Limits = Limits(), lang: str | None = None) -> dict:
    """`convert` in a child process under CPU, memory and time limits (`pipeline.limits`).

    Raises:
        ConversionError: as `convert`, and when a limit is hit or the child crashes.
    """
    _import_extractor(Path(path))
    with using_lang(lang):
        ok, payload = run_limited(lambda: convert(path, ocr=ocr), limits)
        if not ok:
            raise ConversionError(failure_reason(payload))
    return payload
