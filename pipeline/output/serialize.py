"""Plan → JSON: deterministic key order, UTF-8, written atomically."""
from __future__ import annotations

import dataclasses
import itertools
import json
import os
import tempfile
from collections.abc import Iterable, Iterator
from pathlib import Path

from pipeline.model import Plan

# Temporary files beside outputs: short names, hidden, cleaned by a resumed batch.
TEMP_PREFIX = ".vnplan-"
TEMP_SUFFIX = ".tmp"

# Top-level key order of the contract; the model's field order gives the rest.
TOP_LEVEL_ORDER = ("schema_version", "source", "document", "sections", "tasks", "tables", "recipients", "references",
                   "footnotes", "agencies", "warnings", "provenance", "attachments")
# An attachment has the top-level shape without what only the file has (its footnotes are the
# file's), and its pages.
ATTACHMENT_ORDER = tuple(k for k in TOP_LEVEL_ORDER if k not in ("schema_version", "source", "footnotes", "attachments"))


def _body(plan: Plan, keys: tuple[str, ...]) -> dict:
    raw = dataclasses.asdict(dataclasses.replace(plan, attachments=[]))
    return {key: raw[key] for key in keys if key in raw}


def plan_to_dict(plan: Plan) -> dict:
    """The contract's JSON object for a plan, keys in a fixed order."""
    doc = _body(plan, TOP_LEVEL_ORDER)
    doc["attachments"] = [{**_body(a.plan, ATTACHMENT_ORDER), "pages": a.pages} for a in plan.attachments]
    return {key: doc[key] for key in TOP_LEVEL_ORDER}


# Pieces of JSON text joined at a time by `to_json`: tens of kilobytes a run.
JOIN_PIECES = 4096
# json.dumps(doc, ensure_ascii=False, indent=2) as an encoder whose pieces can be written one by one.
_ENCODER = json.JSONEncoder(ensure_ascii=False, indent=2)


def json_pieces(doc: dict) -> Iterator[str]:
    """`to_json`'s text in the small pieces json's encoder yields, to write as they come.

    With an indent, json encodes in pure Python and `json.dumps` gathers every piece in a
    list before joining them: for a 300-page plan (7 MB of JSON) a million small strings,
    about 55 MB held at once, more than the rest of the conversion. Written one by one, the
    text is never whole in memory.
    """
    yield from _ENCODER.iterencode(doc)
    yield "\n"


def to_json(doc: dict) -> str:
    """Pretty, stable JSON text: the same document always gives the same bytes.

    The pieces are joined a few thousand at a time, then those runs: at most the text twice
    over is held, not a list of every piece beside it (`json_pieces`).
    """
    pieces = json_pieces(doc)
    runs = []
    while run := "".join(itertools.islice(pieces, JOIN_PIECES)):
        runs.append(run)
    return "".join(runs)


def _umask() -> int:
    mask = os.umask(0)
    os.umask(mask)
    return mask


def write_atomically(path: Path, text: str | Iterable[str]) -> None:
    """Write `text` (a string, or its pieces: `json_pieces`) to a temporary file beside `path`,
    then rename: readers never see half a file.

    The temporary name is short (".vnplan-XXXXXXXX.tmp") whatever the output's
    name, so it is never the name that is too long. When the write fails (no space,
    read-only folder) the temporary file is removed and the OSError raised: the
    caller names the file and goes on.
    """
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=TEMP_PREFIX, suffix=TEMP_SUFFIX, dir=path.parent)
    try:
        with os.fdopen(fd, "w", encoding="utf-8") as handle:
            if isinstance(text, str):
                handle.write(text)
            else:
                handle.writelines(text)
        os.chmod(tmp, 0o666 & ~_umask())  # mkstemp makes 0600; outputs are ordinary files
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise
