"""Plan → JSON: deterministic key order, UTF-8, written atomically."""
from __future__ import annotations

import dataclasses
import json
import os
import tempfile
from pathlib import Path

from pipeline.model import Plan

# Temporary files beside outputs: short names, hidden, cleaned by a resumed batch.
TEMP_PREFIX = ".vnplan-"
TEMP_SUFFIX = ".tmp"

# Top-level key order of the contract; the model's field order gives the rest.
TOP_LEVEL_ORDER = ("schema_version", "source", "document", "sections", "tasks", "tables", "recipients", "references", "agencies", "warnings", "provenance", "attachments")
# An attachment has the top-level shape without what only the file has, and its pages.
ATTACHMENT_ORDER = tuple(k for k in TOP_LEVEL_ORDER if k not in ("schema_version", "source", "attachments"))


def _body(plan: Plan, keys: tuple[str, ...]) -> dict:
    raw = dataclasses.asdict(dataclasses.replace(plan, attachments=[]))
    return {key: raw[key] for key in keys if key in raw}


def plan_to_dict(plan: Plan) -> dict:
    """The contract's JSON object for a plan, keys in a fixed order."""
    doc = _body(plan, TOP_LEVEL_ORDER)
    doc["attachments"] = [{**_body(a.plan, ATTACHMENT_ORDER), "pages": a.pages} for a in plan.attachments]
    return {key: doc[key] for key in TOP_LEVEL_ORDER}


def to_json(doc: dict) -> str:
    """Pretty, stable JSON text: the same document always gives the same bytes."""
    return json.dumps(doc, ensure_ascii=False, indent=2) + "\n"


def _umask() -> int:
    mask = os.umask(0)
    os.umask(mask)
    return mask


def write_atomically(path: Path, text: str) -> None:
    """Write to a temporary file beside `path`, then rename: readers never see half a file.

    The temporary name is short (".vnplan-XXXXXXXX.tmp") whatever the output's
    name, so it is never the name that is too long. When the write fails (no space,
    read-only folder) the temporary file is removed and the OSError raised: the
    caller names the file and goes on.
    """
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=TEMP_PREFIX, suffix=TEMP_SUFFIX, dir=path.parent)
    try:
        with os.fdopen(fd, "w", encoding="utf-8") as handle:
            handle.write(text)
        os.chmod(tmp, 0o666 & ~_umask())  # mkstemp makes 0600; outputs are ordinary files
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise
