"""A document's review page and two documents' diff report, made by the existing products
(`pipeline.review.inspect`, `pipeline.diff`) from the files serve kept.

The review page is built once per document and language and kept in DATA/reviews/ (building
it converts the file again and draws every page). It carries its own inline script: the
response's CSP allows exactly that script by its sha256, and nothing else inline.
"""
from __future__ import annotations

import base64
import hashlib
import json
import re
from dataclasses import dataclass
from html import escape
from pathlib import Path

from pipeline.conversion import ConversionError
from pipeline.diff.context import report_context
from pipeline.diff.html import render_html
from pipeline.diff.plans import diff_plans
from pipeline.output.serialize import write_atomically
from pipeline.review.inspect import review_file
from pipeline.serve.jobs import Folders

_INLINE_SCRIPT = re.compile(r"<script>(.*?)</script>", re.S)
_BOXES = re.compile(r'<script type="application/json" id="boxes">(.*?)</script>', re.S)
# Added to the review page: the box a link points at (#b12) stands out (review.css).
_EXTRA_STYLE = '<link rel="stylesheet" href="/static/review.css">'


@dataclass(frozen=True)
class Source:
    """A document's kept upload: its generated name and the name the user gave it."""

    stored_name: str
    filename: str


def script_hashes(html: str) -> list[str]:
    """CSP sources for the page's own inline scripts (not JSON data blocks)."""
    return ["'sha256-" + base64.b64encode(hashlib.sha256(body.encode("utf-8")).digest()).decode() + "'"
            for body in _INLINE_SCRIPT.findall(html)]


def _reviews(folders: Folders) -> Path:
    path = folders.root / "reviews"
    path.mkdir(parents=True, exist_ok=True)
    return path


def review_page(folders: Folders, source: Source, lang: str) -> str:
    """The review HTML of a kept upload, built on first use. Raises ConversionError."""
    cached = _reviews(folders) / f"{source.stored_name}.{lang}.html"
    if cached.exists():
        return cached.read_text(encoding="utf-8")
    html = review_file(folders.source(source.stored_name), lang=lang).html
    # The page names the file it was made from: show the user's name, not the generated one.
    html = html.replace(source.stored_name, escape(source.filename)).replace("</head>", _EXTRA_STYLE + "</head>", 1)
    write_atomically(cached, html)
    return html


def box_of(html: str, pointer: str) -> str | None:
    """The id of the first box drawn for a JSON pointer ("/tasks/3"), or its nearest parent's."""
    found = _BOXES.search(html)
    if not found:
        return None
    first = json.loads(found.group(1).replace("<\\/", "</"))
    while pointer:
        if pointer in first:
            return first[pointer]
        pointer = pointer.rsplit("/", 1)[0]
    return None


def plan_json(folders: Folders, source: Source) -> dict:
    """The kept conversion, shown under the user's file name."""
    doc = json.loads(folders.converted(source.stored_name).read_text(encoding="utf-8"))
    doc["source"]["filename"] = source.filename
    return doc


def compare_page(folders: Folders, old: Source, new: Source, lang: str) -> str:
    """The diff report of two kept conversions, old first."""
    old_doc, new_doc = plan_json(folders, old), plan_json(folders, new)
    return render_html(diff_plans(old_doc, new_doc), report_context(old_doc, new_doc), lang)


__all__ = ["ConversionError", "Source", "box_of", "compare_page", "plan_json", "review_page", "script_hashes"]
