"""Issue 25, finding 7: `render --to md` wrote HTML payloads of the document raw; a Markdown
viewer that passes HTML through would run them. Every text of the document is now escaped."""
from __future__ import annotations

import copy
import re
from pathlib import Path

import pytest

from pipeline.conversion import convert
from pipeline.review.document import to_markdown

SAMPLE = Path(__file__).resolve().parents[1] / "samples" / "plan-196-KH-UBND.docx"
# (payload, what the Markdown must show instead): each would act in a viewer passing HTML through.
PAYLOADS = [
    ("<script>alert(1)</script>", "&lt;script&gt;alert(1)&lt;/script&gt;"),
    ("<img src=x onerror=alert(1)>", "&lt;img src=x onerror=alert(1)&gt;"),
    ('" onmouseover="alert(1)', '" onmouseover="alert(1)'),  # harmless once no tag can open
    ("[bấm vào đây](javascript:alert(1))", "\\[bấm vào đây\\](javascript:alert(1))"),
]


@pytest.fixture(scope="module")
def plan() -> dict:
    return convert(SAMPLE, ocr="never")


def poisoned(plan: dict, payload: str) -> dict:
    """The plan with `payload` in every kind of text the Markdown shows."""
    doc = copy.deepcopy(plan)
    doc["document"]["title"] = payload
    doc["sections"][0]["paragraphs"][0]["text"] = payload
    doc["sections"][1]["title"] = payload
    doc["tasks"][0]["content"] = payload
    doc["recipients"][0]["name"] = payload
    doc["warnings"].append({"code": "no_date", "message": payload, "where": "/document"})
    doc["footnotes"] = [{"text": payload, "references": [], "agencies": []}]
    return doc


def test_footnotes_are_shown_numbered(plan):
    doc = copy.deepcopy(plan)
    doc["footnotes"] = [{"text": "Quyết định số 12/QĐ-UBND ngày 02/01/2025.", "references": [], "agencies": []}]
    text = to_markdown(doc, "en")
    assert "## Footnotes\n\n1. Quyết định số 12/QĐ-UBND ngày 02/01/2025." in text
    assert "## Footnotes" not in to_markdown(plan, "en")  # none: no heading


@pytest.mark.parametrize("payload, shown", PAYLOADS, ids=["script", "img onerror", "attribute", "link"])
def test_markdown_shows_document_html_as_text(plan, payload, shown):
    text = to_markdown(poisoned(plan, payload))
    assert "<script" not in text and "<img" not in text and not re.search(r"(?<!\\)\]\(javascript:", text)
    assert text.count(shown) >= 6, text
