"""The review page: each source page with what the converter found drawn on it, the warnings
beside it, and the converted plan as a document.

One self-contained HTML file (page images as data URIs, styles and a small
script inline, no network): it opens from disk. Boxes come from the plan's
`provenance`, coloured by kind (header field, heading, task row, lead,
cooperating ...); text of the page under no box is drawn as dropped. A warning
links to the box of its value (the nearest pointer above it that has one), else
to the page it names, else to the first page. Clicking a box shows the value in
the document; clicking a value shows its box.
"""
from __future__ import annotations

import json
import re
import tempfile
from dataclasses import dataclass, field
from html import escape
from pathlib import Path

from pipeline.conversion import ConversionError, convert
from pipeline.i18n import DEFAULT_LANG, message, warning_label
from pipeline.review.document import DOCUMENT_CSS, document_html, warning_where
from pipeline.review.pages import Dropped, NoPages, PageImage, docx_to_pdf, dropped_text, render_pages
from pipeline.normalize.provenance import location_pieces

# Kinds drawn on the pages, in legend order, with their colour.
KIND_COLOURS = {
    "header": "#1f77b4", "heading": "#9467bd", "paragraph": "#bbbbbb", "task": "#2ca02c", "content": "#17becf",
    "lead": "#d62728", "cooperating": "#ff7f0e", "timeframe": "#8c564b", "cell": "#7f7f7f", "table": "#bcbd22",
    "recipient": "#e377c2", "signature": "#000080", "dropped": "#ff0000",
}
# Pointers drawn as their own box; an agency inside a cell (/tasks/3/lead/0) shares its cell's box.
_SKIPPED = re.compile(r"^/tasks/\d+/(?:lead|cooperating)/\d+$|^/document/(?:signer/.+|number|symbol|place)$")


def kind_of(pointer: str) -> str:
    parts = pointer.strip("/").split("/")
    if parts[0] == "document":
        return "signature" if parts[1] in ("signer", "archive") else "header"
    if parts[0] == "sections":
        return "paragraph" if "paragraphs" in parts else "heading"
    if parts[0] == "tasks":
        if len(parts) == 2:
            return "task"
        return "heading" if parts[2] == "group" else parts[2] if parts[2] in KIND_COLOURS else "cell"
    if parts[0] == "recipients":
        return "recipient"
    return "table"


@dataclass
class Box:
    id: str
    pointer: str
    kind: str
    page: int
    bbox: list[float]
    label: str = ""


@dataclass
class Overlay:
    """Every box to draw, and the first box of each pointer (what links aim at)."""

    boxes: list[Box] = field(default_factory=list)
    first: dict[str, str] = field(default_factory=dict)


def overlay(doc: dict, dropped: list[Dropped]) -> Overlay:
    out = Overlay()
    for pointer, where in doc.get("provenance", {}).items():
        entries = location_pieces(where)
        for entry in entries:
            if "bbox" not in entry:
                continue
            box = Box(f"b{len(out.boxes)}", pointer, kind_of(pointer), entry["page"], entry["bbox"], _label(doc, pointer))
            out.first.setdefault(pointer, box.id)
            if not _SKIPPED.match(pointer):
                out.boxes.append(box)
    for d in dropped:
        out.boxes.append(Box(f"b{len(out.boxes)}", "", "dropped", d.page, list(d.bbox), d.text))
    return out


def _label(doc: dict, pointer: str) -> str:
    parts = pointer.strip("/").split("/")
    if parts[0] == "tasks" and len(parts) == 2:
        task = doc["tasks"][int(parts[1])]
        return str(task.get("key") or task["number"])
    return ""


def pointer_of_where(where: str | None) -> str | None:
    """A warning's `where` as a JSON pointer: contract 1.1 pointers as they are, the older
    "tasks[8].lead" / "document.issued_date" forms rewritten; parts of the file have none."""
    if not where:
        return None
    if where.startswith("/"):
        return where
    m = re.match(r"^(tasks|recipients|tables)\[(\d+)\](?:\.(\w+))?", where)
    if m:
        return "/" + "/".join(p for p in m.groups() if p)
    if where.startswith("document."):
        return "/" + where.replace(".", "/")
    return {"header": "/document/title", "closing": "/document/signer"}.get(where)


def warning_target(warning: dict, first: dict[str, str], pages: list[int]) -> str:
    """The element a warning links to: its value's box, else its page, else the first page."""
    pointer = pointer_of_where(warning.get("where"))
    while pointer:
        if pointer in first:
            return first[pointer]
        for key in first:  # a pointer that has no box but whose children have ("/tasks/3")
            if key.startswith(pointer + "/"):
                return first[key]
        pointer = pointer.rsplit("/", 1)[0]
    m = re.search(r"(?:trang|page)\s+(\d+)", f"{warning.get('label') or ''} {warning.get('message') or ''}", re.I)
    if m and int(m.group(1)) in pages:
        return f"page-{m.group(1)}"
    return f"page-{pages[0]}" if pages else "document"


# --- HTML ----------------------------------------------------------------------------------


def _page_html(image: PageImage, boxes: list[Box], lang: str) -> str:
    divs = []
    for b in boxes:
        x0, top, x1, bottom = b.bbox
        style = (f"left:{100 * x0 / image.width:.3f}%;top:{100 * top / image.height:.3f}%;"
                 f"width:{100 * max(x1 - x0, 1) / image.width:.3f}%;height:{100 * max(bottom - top, 1) / image.height:.3f}%")
        tag = f'<span class="tag">{escape(b.label)}</span>' if b.label and b.kind == "task" else ""
        title = escape(f"{message('kind.' + b.kind, lang)} {b.pointer} {b.label if b.kind == 'dropped' else ''}".strip())
        divs.append(f'<div class="box k-{b.kind}" id="{b.id}" data-ptr="{escape(b.pointer)}" data-page="{b.page}" '
                    f'data-kind="{b.kind}" style="{style}" title="{title}">{tag}</div>')
    return (f'<section class="page" id="page-{image.number}" data-page="{image.number}" '
            f'style="aspect-ratio:{image.width:.1f}/{image.height:.1f}">'
            f'<img src="{image.data_uri}" alt="{escape(message("review.page", lang, n=image.number))}" decoding="async" loading="lazy">'
            f'{"".join(divs)}<div class="pno">{image.number}</div></section>')


def _warnings_panel(doc: dict, first: dict[str, str], pages: list[int], lang: str) -> str:
    items = []
    for i, w in enumerate(doc["warnings"]):
        target = warning_target(w, first, pages)
        where = warning_where(w)
        items.append(f'<li><a class="warning" id="w{i}" href="#{target}" data-target="{target}" data-code="{escape(w["code"])}">'
                     f'<b>{escape(warning_label(w["code"], lang))}</b> {escape(w["message"])}'
                     + (f' <small>{escape(where)}</small>' if where else "") + "</a></li>")
    body = "".join(items) or f'<li class="none">{escape(message("doc.no_warnings", lang))}</li>'
    return f'<h2>{escape(message("doc.warnings", lang))} ({len(doc["warnings"])})</h2><ul class="warnings">{body}</ul>'


def _legend(boxes: list[Box], lang: str) -> str:
    counts = {k: sum(1 for b in boxes if b.kind == k) for k in KIND_COLOURS}
    items = "".join(f'<label><input type="checkbox" data-kind="{k}" checked> <i class="sw k-{k}"></i>'
                    f'{escape(message("kind." + k, lang))} ({n})</label>' for k, n in counts.items() if n)
    return f'<h2>{escape(message("review.legend", lang))}</h2><div class="legend">{items}</div>'


_CSS = """
*{box-sizing:border-box}body{margin:0;font:14px/1.4 system-ui,"Noto Sans",sans-serif;color:#222}
#app{display:grid;grid-template-columns:300px minmax(0,1fr) minmax(0,0.9fr);height:100vh}
#side,#pages,#doc{overflow:auto;padding:10px}#side{background:#f7f7f7;border-right:1px solid #ddd}
#doc{border-left:1px solid #ddd}#side h1{font-size:16px;margin:0 0 8px}#side h2{font-size:14px;margin:14px 0 6px}
.note{font-size:12px;color:#555}.warnings{list-style:none;padding:0;margin:0}
.warnings a{display:block;padding:5px 6px;border-bottom:1px solid #e3e3e3;color:#222;text-decoration:none}
.warnings a:hover{background:#fff3cd}.warnings b{color:#8a4b00}.legend label{display:block;font-size:13px}
.sw{display:inline-block;width:12px;height:12px;border:2px solid;margin-right:4px;vertical-align:-2px}
.page{position:relative;margin:0 auto 14px;max-width:900px;width:100%;box-shadow:0 1px 4px #0004;background:#fff;
 content-visibility:auto;contain-intrinsic-size:auto 900px 1270px}
.page img{position:absolute;inset:0;width:100%;height:100%}
.box{position:absolute;border:1.5px solid;cursor:pointer}.box:hover{background:#ffeb3b44}
.box .tag{position:absolute;left:-2px;top:-15px;font:bold 11px/13px sans-serif;color:#fff;padding:0 3px;background:#2ca02c}
.pno{position:absolute;right:4px;bottom:2px;font-size:11px;color:#999}
.k-dropped{border-style:dashed;background:#ff000014}.k-paragraph{border-width:1px}
.flash{outline:3px solid #ffd400;background:#ffd40055!important;z-index:5}
#doc [data-ptr]{cursor:pointer}#doc [data-ptr]:hover{background:#e8f4ff}
"""
_SCRIPT = """
function show(el){if(!el)return;el.scrollIntoView({block:'center'});el.classList.add('flash');
 setTimeout(()=>el.classList.remove('flash'),1600)}
document.querySelectorAll('a.warning').forEach(a=>a.addEventListener('click',e=>{e.preventDefault();
 show(document.getElementById(a.dataset.target))}));
document.querySelectorAll('#pages .box[data-ptr]').forEach(b=>b.addEventListener('click',()=>{
 if(b.dataset.ptr)show(document.querySelector('#doc [data-ptr="'+b.dataset.ptr+'"]'))}));
document.querySelectorAll('#doc [data-ptr]').forEach(d=>d.addEventListener('click',e=>{e.stopPropagation();
 show(document.querySelector('#pages .box[data-ptr="'+d.dataset.ptr+'"]'))}));
document.querySelectorAll('.legend input').forEach(c=>c.addEventListener('change',()=>{
 document.querySelectorAll('.box.k-'+c.dataset.kind).forEach(b=>b.style.display=c.checked?'':'none')}));
"""


def _kind_css() -> str:
    return "".join(f".k-{k}{{border-color:{c};color:{c}}}" for k, c in KIND_COLOURS.items())


def review_html(doc: dict, images: list[PageImage], dropped: list[Dropped], notes: list[str],
                lang: str = DEFAULT_LANG) -> str:
    """The whole review page for a converted plan and its page images."""
    layer = overlay(doc, dropped)
    pages = [im.number for im in images]
    by_page: dict[int, list[Box]] = {}
    for box in layer.boxes:
        by_page.setdefault(box.page, []).append(box)
    page_html = "".join(_page_html(im, by_page.get(im.number, []), lang) for im in images)
    if dropped:
        notes = notes + [message("review.dropped_count", lang, n=len(dropped))]
    name = doc["source"]["filename"]
    side = (f'<h1>{escape(message("review.title", lang, name=name))}</h1>'
            + "".join(f'<p class="note">{escape(n)}</p>' for n in notes)
            + _warnings_panel(doc, layer.first, pages, lang) + (_legend(layer.boxes, lang) if images else ""))
    return (f'<!DOCTYPE html><html lang="{lang}"><head><meta charset="utf-8">'
            f'<title>{escape(message("review.title", lang, name=name))}</title>'
            f"<style>{_CSS}{_kind_css()}{DOCUMENT_CSS.replace('body{', '#doc{')}</style></head><body>"
            f'<div id="app"><aside id="side">{side}</aside>'
            f'<main id="pages" aria-label="{escape(message("review.pages", lang))}">{page_html}</main>'
            f'<article id="doc" aria-label="{escape(message("review.document", lang))}">{document_html(doc, lang)}</article>'
            f"</div><script>{_SCRIPT}</script>"
            f'<script type="application/json" id="boxes">{_boxes_json(layer)}</script></body></html>\n')


def _boxes_json(layer: Overlay) -> str:
    """The pointer -> box id map, for tests and for anyone scripting the page."""
    return json.dumps(layer.first, ensure_ascii=False).replace("</", "<\\/")


@dataclass(frozen=True)
class Review:
    html: str
    doc: dict
    pages: int
    dropped: int


def review_file(path: Path, lang: str = DEFAULT_LANG, ocr: str | bool = "auto") -> Review:
    """Convert a PDF or DOCX (`ocr` as `convert` takes it) and build its review page. Raises ConversionError."""
    doc = convert(path, ocr=ocr)
    notes: list[str] = []
    with tempfile.TemporaryDirectory(prefix="vnplan-inspect-") as tmp:
        layout_doc, pdf = doc, path
        try:
            if doc["source"]["format"] == "docx":
                pdf = docx_to_pdf(path, Path(tmp))
                try:
                    layout_doc = convert(pdf)  # boxes from LibreOffice's pages, pointers as the DOCX's
                except ConversionError as exc:
                    raise NoPages("no_soffice") from exc
                notes.append(message("review.docx_via_pdf", lang))
            images = render_pages(pdf)
        except NoPages as exc:
            notes.append(message("review.no_pages", lang, reason=message(f"review.{exc.args[0]}", lang)))
            images = []
        boxes: dict[int, list[list[float]]] = {}
        for where in layout_doc.get("provenance", {}).values():
            for entry in location_pieces(where):
                if "bbox" in entry:
                    boxes.setdefault(entry["page"], []).append(entry["bbox"])
        dropped = dropped_text(images, boxes)
    shown = dict(doc, provenance=layout_doc.get("provenance", {}))
    return Review(review_html(shown, images, dropped, notes, lang), doc, len(images), len(dropped))
