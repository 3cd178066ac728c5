"""The review page: each source page with what the converter found drawn on it, the warnings
beside it, and the converted plan as a document, with each attached document as one of its own.

One self-contained HTML file (page images as data URIs, styles and a small
script inline, no network): it opens from disk. Boxes come from the provenance
of the plan and of each attachment (`overlay`), coloured by kind; text of the page
under no box is drawn by what it is (`dropped`): running headers, table headers,
the motto and labels faint, the text really left out in red and listed. A warning
links to every box of its value, else to the page it names, else to the first page.
Clicking a box shows the value in the document; clicking a value shows its boxes.
A checkbox shows the table grid found (`grid`); buttons zoom the pages.
"""
from __future__ import annotations

import json
import re
import tempfile
from dataclasses import dataclass
from html import escape
from pathlib import Path

from pipeline.conversion import ConversionError, convert
from pipeline.i18n import current_lang, message, warning_label
from pipeline.normalize.provenance import location_pieces
from pipeline.review.assets import PAGE_CSS, PAGE_SCRIPT
from pipeline.review.document import DOCUMENT_CSS, attachment_caption, document_html, warning_where
from pipeline.review.docx_layout import map_places, with_places
from pipeline.review.docx_text import place_in_text
from pipeline.review.dropped import PageText, Run, classify_runs
from pipeline.review.grid import GridLine, table_grid
from pipeline.review.overlay import (KIND_COLOURS, QUIET_KINDS, Box, Overlay, add_header_lines, documents,
                                     overlay, pointer_of_where, warning_target)
from pipeline.review.pages import NoPages, PageImage, docx_to_pdf, render_pages
from pipeline.review.resolution import RENDER_DPI
from pipeline.warnings import warning_count

__all__ = ["pointer_of_where", "review_file", "review_html", "warning_target"]


# --- HTML ----------------------------------------------------------------------------------


def _style(bbox, image: PageImage) -> str:
    x0, top, x1, bottom = bbox
    return (f"left:{100 * x0 / image.width:.3f}%;top:{100 * top / image.height:.3f}%;"
            f"width:{100 * max(x1 - x0, 1) / image.width:.3f}%;height:{100 * max(bottom - top, 1) / image.height:.3f}%")


def _box_html(b: Box, image: PageImage, lang: str) -> str:
    tag = f'<span class="tag">{escape(b.label)}</span>' if b.label and b.kind == "task" else ""
    text = b.label if b.kind in ("dropped",) + QUIET_KINDS else ""
    title = escape(f"{message('kind.' + b.kind, lang)} {b.pointer} {text}".strip())
    return (f'<div class="box k-{b.kind}" id="{b.id}" data-ptr="{escape(b.pointer)}" data-page="{b.page}" '
            f'data-kind="{b.kind}" style="{_style(b.bbox, image)}" title="{title}">{tag}</div>')


def _grid_html(line: GridLine, image: PageImage, lang: str) -> str:
    role = escape(message(f"role.{line.role}", lang)) if line.role else ""
    tag = f'<span class="role">{role}</span>' if line.what != "row" else ""
    return f'<div class="grid g-{line.what}" style="{_style(line.bbox, image)}" title="{role}">{tag}</div>'


def _page_html(image: PageImage, boxes: list[Box], grid: list[GridLine], lang: str) -> str:
    divs = "".join(_box_html(b, image, lang) for b in boxes) + "".join(_grid_html(g, image, lang) for g in grid)
    return (f'<section class="page" id="page-{image.number}" data-page="{image.number}" '
            f'style="aspect-ratio:{image.width:.1f}/{image.height:.1f}">'
            f'<img src="{image.data_uri}" alt="{escape(message("review.page", lang, n=image.number))}">'
            f'{divs}<div class="pno">{image.number}</div></section>')


def _warning_items(sub: dict, base: str, layer: Overlay, pages: list[int], lang: str) -> list[str]:
    items = []
    for i, w in enumerate(sub["warnings"]):
        target = warning_target(w, layer.pieces, pages, base)
        first = target.split()[0]
        where = warning_where(w)
        items.append(f'<li><a class="warning" id="w{base.replace("/", "-")}-{i}" href="#{first}" data-target="{first}" '
                     f'data-targets="{target}" data-code="{escape(w["code"])}">'
                     f'<b>{escape(warning_label(w["code"], lang))}</b> {escape(w["message"])}'
                     + (f' <small>{escape(where)}</small>' if where else "") + "</a></li>")
    return items


def _warnings_panel(doc: dict, layer: Overlay, pages: list[int], lang: str) -> str:
    """The warnings of the plan, then those of each attached document under its caption."""
    total = warning_count(doc)
    out = [f'<h2>{escape(message("doc.warnings", lang))} ({total})</h2>']
    for k, (base, sub) in enumerate(documents(doc)):
        if k:
            out.append(f'<h3>{escape(attachment_caption(sub, k - 1, lang))}</h3>')
        items = _warning_items(sub, base, layer, pages, lang)
        out.append(f'<ul class="warnings">{"".join(items)}</ul>' if items
                   else f'<p class="none">{escape(message("doc.no_warnings", lang))}</p>')
    return "".join(out)


def _dropped_panel(layer: Overlay, lang: str) -> str:
    """Each piece of text really left out, linking to its box."""
    dropped = [b for b in layer.boxes if b.kind == "dropped"]
    quiet = sum(1 for b in layer.boxes if b.kind in QUIET_KINDS)
    items = "".join(f'<li><a class="dropped" href="#{b.id}" data-target="{b.id}" data-targets="{b.id}">'
                    f'<small>{escape(message("review.page_short", lang, n=b.page))}</small> {escape(b.label)}</a></li>'
                    for b in dropped)
    body = f'<ul class="warnings">{items}</ul>' if items else f'<p class="none">{escape(message("review.no_dropped", lang))}</p>'
    note = f'<p class="note">{escape(message("review.read_not_kept", lang, n=quiet))}</p>' if quiet else ""
    return f'<h2>{escape(message("review.dropped_list", lang, n=len(dropped)))}</h2>{note}{body}'


def _legend(boxes: list[Box], lang: str) -> str:
    counts = {k: sum(1 for b in boxes if b.kind == k) for k in KIND_COLOURS}
    items = "".join(f'<label><input type="checkbox" data-kind="{k}" checked> <i class="sw k-{k}"></i>'
                    f'{escape(message("kind." + k, lang))} ({n})</label>' for k, n in counts.items() if n)
    grid = f'<label><input type="checkbox" id="show-grid"> <i class="sw k-grid"></i>{escape(message("grid.show", lang))}</label>'
    return f'<h2>{escape(message("review.legend", lang))}</h2><div class="legend">{items}{grid}</div>'


def _zoom(lang: str) -> str:
    buttons = (("-", "review.zoom_out"), ("+", "review.zoom_in"), ("fit", "review.zoom_fit"))
    return '<div class="zoom">' + "".join(
        f'<button type="button" data-zoom="{z}" title="{escape(message(k, lang))}">{escape(z if z != "fit" else message(k, lang))}</button>'
        for z, k in buttons) + "</div>"


def _kind_css() -> str:
    return "".join(f".k-{k}{{border-color:{c};color:{c}}}" for k, c in KIND_COLOURS.items())


def review_html(doc: dict, images: list[PageImage], loose: list[Run], notes: list[str],
                lang: str | None = None) -> str:
    """The whole review page for a converted plan (with its attachments) and its page images."""
    lang = lang or current_lang()
    runs = {im.number: im.runs for im in images}
    layer = overlay(doc, loose, runs)
    warned = [base + (pointer_of_where(w.get("where")) or "") for base, sub in documents(doc) for w in sub["warnings"]]
    add_header_lines(layer, doc, [p for p in warned if p], runs)
    pages = [im.number for im in images]
    by_page: dict[int, list[Box]] = {}
    for box in layer.boxes:
        by_page.setdefault(box.page, []).append(box)
    grid_by_page: dict[int, list[GridLine]] = {}
    for line in table_grid(doc, loose):
        grid_by_page.setdefault(line.page, []).append(line)
    page_html = "".join(_page_html(im, by_page.get(im.number, []), grid_by_page.get(im.number, []), lang) for im in images)
    name = doc["source"]["filename"]
    side = (f'<h1>{escape(message("review.title", lang, name=name))}</h1>'
            + "".join(f'<p class="note">{escape(n)}</p>' for n in notes)
            + (_zoom(lang) if images else "") + _warnings_panel(doc, layer, pages, lang)
            + (_dropped_panel(layer, lang) + _legend(layer.boxes, lang) if images else ""))
    return (f'<!DOCTYPE html><html lang="{lang}"><head><meta charset="utf-8">'
            f'<title>{escape(message("review.title", lang, name=name))}</title>'
            f"<style>{PAGE_CSS}{_kind_css()}{DOCUMENT_CSS.replace('body{', '#doc{')}</style></head><body>"
            f'<div id="app"><aside id="side">{side}</aside>'
            f'<main id="pages" aria-label="{escape(message("review.pages", lang))}">{page_html}</main>'
            f'<article id="doc" aria-label="{escape(message("review.document", lang))}">{document_html(doc, lang)}</article>'
            f"</div><script>{PAGE_SCRIPT}</script>"
            f'<script type="application/json" id="boxes">{_boxes_json(layer)}</script></body></html>\n')


def _boxes_json(layer: Overlay) -> str:
    """The pointer -> box id map (first piece), for tests and for anyone scripting the page."""
    return json.dumps(layer.first, ensure_ascii=False).replace("</", "<\\/")


@dataclass(frozen=True)
class Review:
    html: str
    doc: dict
    pages: int
    dropped: int  # pieces of text really left out (not the motto, labels, table and running headers)
    read_not_kept: int = 0


def review_file(path: Path, lang: str | None = None, ocr: str | bool = "auto", dpi: int = RENDER_DPI) -> Review:
    """Convert a PDF or DOCX (`ocr` as `convert` takes it) and build its review page, its page
    images at `dpi`. Raises ConversionError."""
    lang = lang or current_lang()
    doc = convert(path, ocr=ocr)
    notes: list[str] = []
    with tempfile.TemporaryDirectory(prefix="vnplan-inspect-") as tmp:
        shown, pdf, places = doc, path, None
        try:
            if doc["source"]["format"] == "docx":
                pdf = docx_to_pdf(path, Path(tmp))
                try:
                    layout_doc = convert(pdf, ocr="never")
                except ConversionError as exc:
                    raise NoPages("no_soffice") from exc
                places = map_places(doc, layout_doc)
                shown = with_places(doc, places)  # boxes from LibreOffice's pages
                notes.append(message("review.docx_via_pdf", lang))
            images = render_pages(pdf, dpi=dpi)
            if places is not None:  # and the values that PDF's plan does not hold, found in its text
                shown = with_places(doc, place_in_text(doc, places, images))
        except NoPages as exc:
            notes.append(message("review.no_pages", lang, reason=message(f"review.{exc.args[0]}", lang)))
            images = []
    loose = classify_runs([PageText(im.number, im.height, im.runs) for im in images], *_boxes_of(shown))
    dropped = sum(1 for r in loose if r.kind == "dropped")
    return Review(review_html(shown, images, loose, notes, lang), doc, len(images), dropped, len(loose) - dropped)


def _boxes_of(doc: dict) -> tuple[dict[int, list[list[float]]], dict[int, list[list[float]]]]:
    """Per page, the boxes of every value of the plan and its attachments, and those of the table
    rows (task rows, data tables' cells), whose header cells stand above them."""
    boxes: dict[int, list[list[float]]] = {}
    rows: dict[int, list[list[float]]] = {}
    for _, sub in documents(doc):
        for pointer, where in (sub.get("provenance") or {}).items():
            for entry in location_pieces(where):
                if "bbox" in entry:
                    boxes.setdefault(entry["page"], []).append(entry["bbox"])
                    if _TABLE_ROW.match(pointer):
                        rows.setdefault(entry["page"], []).append(entry["bbox"])
    return boxes, rows


# A task row, or a cell of a data table (its header is kept in the table's "header", with no box).
_TABLE_ROW = re.compile(r"^/tasks/\d+$|^/tables/\d+/rows/\d+/\d+$")
