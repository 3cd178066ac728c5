"""A converted plan read back from its JSON file, as `diff`, `load` and `export` take it.

Apart from `diff` so that `load` and `export` do not import the diff's libraries
(numpy, scipy: the [diff] extra) to read a file.
"""
from __future__ import annotations

import json
from pathlib import Path

from pipeline.cli import messages
from pipeline.cli.inputs import read_text
from pipeline.conversion import ConversionError
from pipeline.output.validate import validation_errors


def load_json_plan(path: Path) -> dict:
    """A converted plan from JSON, refused unless it follows the schema (its readers trust its shape)."""
    if path.is_dir():
        raise ConversionError("is a directory, not a file")
    try:
        doc = json.loads(read_text(path))
    except FileNotFoundError:
        raise ConversionError("file not found") from None
    except OSError as exc:
        raise ConversionError(f"cannot read ({messages.describe(exc)})") from None
    except UnicodeDecodeError:
        raise ConversionError("not UTF-8 text") from None
    except json.JSONDecodeError as exc:
        raise ConversionError(f"not valid JSON (line {exc.lineno}: {exc.msg})") from None
    if not isinstance(doc, dict):
        raise ConversionError("not a vnplan JSON document (top level is not an object)")
    errors = validation_errors(doc)
    if errors:
        raise ConversionError(f"not a valid vnplan JSON document ({errors[0]})")
    return doc
