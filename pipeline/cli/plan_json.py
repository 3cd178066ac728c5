"""A plan as the commands that read one take it (`diff`, `render`, `load`, `export`): read back
from the JSON `vnplan convert` wrote, or converted on the fly from a PDF or DOCX.

Apart from `diff`, so that reading a plan does not import the diff's libraries (numpy,
scipy: the [diff] extra).
"""
from __future__ import annotations

import json
from pathlib import Path

from pipeline.cli import messages
from pipeline.cli.inputs import is_stdin, local_file, read_text, sniffed_suffix, stdin_bytes
from pipeline.conversion import ConversionError, convert
from pipeline.i18n import message
from pipeline.output.validate import validation_errors


def load_json_plan(path: Path) -> dict:
    """A converted plan from JSON, refused unless it follows the schema (its readers trust its shape)."""
    if path.is_dir():
        raise ConversionError(message("os.EISDIR"))
    try:
        doc = json.loads(read_text(path))
    except FileNotFoundError:
        raise ConversionError(message("error.not_found")) from None
    except OSError as exc:
        raise ConversionError(message("cli.cannot_read", reason=messages.describe(exc))) from None
    except UnicodeDecodeError:
        raise ConversionError(message("cli.not_utf8")) from None
    except json.JSONDecodeError as exc:
        raise ConversionError(message("cli.not_json", line=exc.lineno, column=exc.colno, detail=exc.msg)) from None
    if not isinstance(doc, dict):
        raise ConversionError(message("cli.json_not_object"))
    errors = validation_errors(doc)
    if errors:
        raise ConversionError(message("cli.json_invalid_plan", detail=errors[0]))
    return doc


def load_plan(path: Path, ocr: str = "auto") -> dict:
    """The contract dict of a .json, .pdf or .docx file (or of stdin, by its first bytes); `ocr` as
    `vnplan convert --ocr` for a PDF. Raises ConversionError."""
    if path.suffix.lower() == ".json" or (is_stdin(path) and sniffed_suffix(stdin_bytes()) == ".json"):
        return load_json_plan(path)
    with local_file(path) as local:
        return convert(local, ocr=ocr)
