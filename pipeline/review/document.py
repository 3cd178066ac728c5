"""A converted plan as a document people read: Markdown or an HTML fragment / page.

Header (issuer, number, place and date, type and title), the section tree, the
task table with its group rows, other tables, recipients, signature, the
documents cited with their full citation ("Kết luận số 69-KL/TW ngày 11/01/2024
của Bộ Chính trị") and the warnings. Labels are Vietnamese unless `lang="en"`.

Every HTML element that shows a value carries ``data-ptr``, its JSON pointer:
the review page links it to the value's box on the page image.
"""
from __future__ import annotations

from html import escape
from typing import Any, Iterator

from pipeline.i18n import current_lang, message, warning_label
from pipeline.warnings import warning_count

# Task columns in print order: (field, message key); a column empty in every task is left out.
TASK_COLUMNS = (("content", "col.content"), ("lead", "col.lead"), ("cooperating", "col.cooperating"),
                ("timeframe", "col.timeframe"), ("submit_to", "col.submit_to"), ("output", "col.output"),
                ("note", "col.note"))


def date_text(iso: str | None, lang: str | None = None) -> str:
    """"ngày 2 tháng 10 năm 2024" (vi) or "2024-10-02" (en) from an ISO date."""
    lang = lang or current_lang()
    if not iso:
        return ""
    y, m, d = (int(x) for x in iso.split("-"))
    return message("date.format", lang, d=d, m=m, y=y)


def citation(ref: dict, lang: str | None = None) -> str:
    """The full citation of a reference: type, number, date and issuer, as a plan writes it."""
    lang = lang or current_lang()
    head = f"{ref.get('type_name') or ''} số {ref['code']}" if ref.get("code") else (ref.get("aliases") or [ref["id"]])[0]
    if lang == "en" and ref.get("code"):
        head = f"{ref.get('type_name') or ''} {ref['code']}"
    parts = [head.strip()]
    if ref.get("issued_date"):
        y, m, d = ref["issued_date"].split("-")
        parts.append(f"{message('cite.dated', lang)} {d}/{m}/{y}")
    if (ref.get("issuer") or {}).get("name"):
        parts.append(f"{message('cite.of', lang)} {ref['issuer']['name']}")
    return " ".join(parts)


def value_text(value: Any, lang: str | None = None) -> str:
    """A field as a reader sees it: agencies by name (with their 2025 successor), timeframes by text."""
    lang = lang or current_lang()
    if value is None:
        return ""
    if isinstance(value, list):
        return "; ".join(value_text(v, lang) for v in value)
    if isinstance(value, dict):
        if "name" in value and "kind" in value:
            successor = value.get("successor")
            note = f" ({message('col.successor', lang, name=successor['name'])})" if successor else ""
            return f"{value['name']}{note}"
        return str(value.get("text") or "")
    return str(value)


def task_columns(doc: dict) -> list[tuple[str, str]]:
    return [(f, k) for f, k in TASK_COLUMNS if any(t.get(f) for t in doc["tasks"])]


def task_rows(doc: dict) -> Iterator[tuple[str, int | None, str]]:
    """("group", None, heading) when the group changes, then ("task", index, number) per task."""
    group = None
    for i, task in enumerate(doc["tasks"]):
        if task.get("group") and task["group"] != group:
            group = task["group"]
            yield "group", None, group
        yield "task", i, str(task["number"])


def section_entries(sections: list[dict], pointer: str = "/sections", depth: int = 1) -> Iterator[tuple[int, str, dict]]:
    """(depth, pointer, section) for the section tree in reading order."""
    for i, section in enumerate(sections):
        here = f"{pointer}/{i}"
        yield depth, here, section
        yield from section_entries(section.get("children") or [], f"{here}/children", depth + 1)


def heading_text(section: dict, lang: str | None = None) -> str:
    lang = lang or current_lang()
    if section.get("number") is None and section.get("title") is None:
        return message("doc.preamble", lang)
    return " ".join(t for t in (f"{section['number']}." if section.get("number") else None, section.get("title")) if t)


def recipient_text(recipient: dict) -> str:
    return recipient["name"] + (f" ({recipient['note']})" if recipient.get("note") else "")


def warning_where(warning: dict) -> str:
    """How a person finds a warning's place: its label (contract 1.1), else its `where`."""
    return warning.get("label") or warning.get("where") or ""


# --- Markdown ------------------------------------------------------------------------------


# What document text may hold that a Markdown viewer would act on: raw HTML (a viewer that passes
# it through would run `<script>` or `<img onerror=...>`) and link brackets (`[x](javascript:...)`).
# Entities and backslashes show the same characters and act on nothing.
_MD_ESCAPES = str.maketrans({"&": "&amp;", "<": "&lt;", ">": "&gt;", "[": "\\[", "]": "\\]", "`": "\\`"})


def _md(text: object) -> str:
    """Document text for Markdown: shown as written, never read as HTML, a link or code."""
    return str(text).translate(_MD_ESCAPES)


def _md_cell(text: str) -> str:
    return _md(text).replace("|", "\\|").replace("\n", " ")


def _type_printed(d: dict) -> bool:
    """Whether the type name is the document's own type line (before contract 1.2 it always was)."""
    return d.get("type_source", "type_line") == "type_line"


def to_markdown(doc: dict, lang: str | None = None) -> str:
    """The plan, then each attached document under a rule and the line naming what it is attached to."""
    lang = lang or current_lang()
    parts = [_markdown_one(doc, lang)]
    for k, attached in enumerate(doc.get("attachments") or []):
        parts.append(f"---\n\n*{attachment_caption(attached, k, lang)}*\n\n{_markdown_one(attached, lang)}")
    return "\n".join(parts)


def _markdown_one(doc: dict, lang: str) -> str:
    d = doc["document"]
    out: list[str] = []
    issuer = value_text(d.get("issuer"), lang)
    if issuer:
        out.append(f"**{_md(issuer)}**  ")
    line = ", ".join(t for t in (f"{message('doc.code', lang)}: {d['code']}" if d.get("code") else "",
                                 d.get("place") or "", date_text(d.get("issued_date"), lang)) if t)
    if line:
        out.append(_md(line))
    if d.get("subject"):
        out.append(f"{message('doc.subject', lang)} {_md(d['subject'])}")
    if _type_printed(d):
        out += ["", f"# {_md((d.get('type_name') or '').upper())}".rstrip(), ""]
    else:  # a công văn prints no type line: its type, read from its subject or symbol, is a label
        out += ["", f"_{_md(message('doc.type_read', lang, name=d['type_name']))}_" if d.get("type_name") else "", ""]
    if d.get("title"):
        out += [f"**{_md(d['title'])}**", ""]
    for depth, _, section in section_entries(doc["sections"]):
        out += [f"{'#' * min(depth + 1, 6)} {_md(heading_text(section, lang))}", ""]
        out += [_md(p["text"]) + "\n" for p in section.get("paragraphs") or []]
    out += _tasks_markdown(doc, lang)
    for table in doc.get("tables") or []:
        out += [f"## {_md(table.get('caption') or message('doc.tables', lang))}", ""]
        header = [_md_cell(h or "") for h in table["header"]]
        out += ["| " + " | ".join(header) + " |", "|" + "---|" * len(header)]
        out += ["| " + " | ".join(_md_cell(c or "") for c in row) + " |" for row in table["rows"]] + [""]
    return "\n".join(out + _closing_markdown(doc, lang)).rstrip() + "\n"


def _tasks_markdown(doc: dict, lang: str) -> list[str]:
    if not doc["tasks"]:
        return []
    cols = task_columns(doc)
    out = [f"## {message('doc.tasks', lang)}", ""]
    out.append("| " + " | ".join([message("col.number", lang)] + [message(k, lang) for _, k in cols]) + " |")
    out.append("|" + "---|" * (len(cols) + 1))
    for kind, index, text in task_rows(doc):
        if kind == "group":
            out.append(f"| **{_md_cell(text)}** |" + " |" * len(cols))
        else:
            task = doc["tasks"][index]
            cells = [_md_cell(text)] + [_md_cell(value_text(task.get(f), lang)) for f, _ in cols]
            out.append("| " + " | ".join(cells) + " |")
    return out + [""]


def _closing_markdown(doc: dict, lang: str) -> list[str]:
    d, out = doc["document"], []
    if doc["recipients"]:
        out += [f"## {message('doc.recipients', lang)}", ""]
        out += [f"- {_md(recipient_text(r))}" for r in doc["recipients"]] + [""]
    signer = d.get("signer")
    if signer:
        out += [f"**{message('doc.signer', lang)}:** " + _md(", ".join(
            t for t in (signer.get("authority") and f"{signer['authority']}. {signer.get('on_behalf_of') or ''}".strip(),
                        signer.get("title"), *signer.get("other_titles", ()), _signed_name(signer)) if t)), ""]
    if doc.get("footnotes"):
        out += [f"## {message('doc.footnotes', lang)}", ""]
        out += [f"{i}. {_md(note['text'])}" for i, note in enumerate(doc["footnotes"], start=1)] + [""]
    if doc["references"]:
        out += [f"## {message('doc.references', lang)}", ""]
        out += [f"- {_md(citation(r, lang))}" for r in doc["references"]] + [""]
    if doc["warnings"]:
        out += [f"## {message('doc.warnings', lang)}", ""]
        out += [f"- **{_md(warning_label(w['code'], lang))}**: {_md(w['message'])}"
                + (f" ({_md(warning_where(w))})" if warning_where(w) else "") for w in doc["warnings"]] + [""]
    return out


# --- HTML ----------------------------------------------------------------------------------


def _p(ptr: str, text: str, tag: str = "span", cls: str = "") -> str:
    klass = f' class="{cls}"' if cls else ""
    return f'<{tag}{klass} data-ptr="{escape(ptr)}">{escape(text)}</{tag}>'


def _header_html(doc: dict, lang: str, base: str = "") -> list[str]:
    d = doc["document"]
    out = ['<header class="doc-header">']
    if d.get("parent_issuer"):
        out.append(_p(base + "/document/parent_issuer", value_text(d["parent_issuer"], lang), "div", "issuer"))
    if d.get("issuer"):
        out.append(_p(base + "/document/issuer", value_text(d["issuer"], lang), "div", "issuer"))
    if d.get("code"):
        out.append(f'<div>{escape(message("doc.code", lang))}: {_p(base + "/document/code", d["code"])}</div>')
    if d.get("place") or d.get("issued_date"):
        place = _p(base + "/document/place", d["place"]) + ", " if d.get("place") else ""
        out.append(f'<div class="date">{place}{_p(base + "/document/issued_date", date_text(d.get("issued_date"), lang))}</div>')
    if d.get("subject"):
        out.append(f'<div class="subject">{escape(message("doc.subject", lang))} {_p(base + "/document/subject", d["subject"])}</div>')
    if d.get("type_name") and _type_printed(d):
        out.append(_p(base + "/document/type_name", d["type_name"].upper(), "h1"))
    elif d.get("type_name"):
        out.append(_p(base + "/document/type_name", message("doc.type_read", lang, name=d["type_name"]), "div", "type"))
    if d.get("title"):
        out.append(_p(base + "/document/title", d["title"], "p", "title"))
    return out + ["</header>"]


def _sections_html(doc: dict, lang: str, base: str = "") -> list[str]:
    out = []
    for depth, ptr, section in section_entries(doc["sections"], base + "/sections"):
        out.append(_p(ptr, heading_text(section, lang), f"h{min(depth + 1, 6)}", "heading"))
        out += [_p(f"{ptr}/paragraphs/{j}", p["text"], "p") for j, p in enumerate(section.get("paragraphs") or [])]
    return out


def _agencies_html(task: dict, field: str, i: int, lang: str, base: str = "") -> str:
    value = task.get(field)
    if isinstance(value, list):
        return "; ".join(_p(f"{base}/tasks/{i}/{field}/{k}", value_text(a, lang)) for k, a in enumerate(value))
    return _p(f"{base}/tasks/{i}/{field}", value_text(value, lang)) if value else ""


def tasks_html(doc: dict, lang: str, base: str = "") -> list[str]:
    if not doc["tasks"]:
        return []
    cols = task_columns(doc)
    head = "".join(f"<th>{escape(message(k, lang))}</th>" for k in ["col.number"] + [k for _, k in cols])
    out = [f'<h2>{escape(message("doc.tasks", lang))}</h2><table class="tasks"><thead><tr>{head}</tr></thead><tbody>']
    for kind, index, text in task_rows(doc):
        if kind == "group":
            out.append(f'<tr class="group"><td colspan="{len(cols) + 1}">{escape(text)}</td></tr>')
            continue
        task = doc["tasks"][index]
        cells = "".join(f"<td>{_agencies_html(task, f, index, lang, base)}</td>" for f, _ in cols)
        out.append(f'<tr class="task" data-ptr="{base}/tasks/{index}"><td>{escape(text)}</td>{cells}</tr>')
    return out + ["</tbody></table>"]


def _tables_html(doc: dict, lang: str, base: str = "") -> list[str]:
    out = []
    for i, table in enumerate(doc.get("tables") or []):
        head = "".join(f"<th>{escape(h or '')}</th>" for h in table["header"])
        rows = "".join("<tr>" + "".join(
            f'<td data-ptr="{base}/tables/{i}/rows/{r}/{c}">{escape(v or "")}</td>' for c, v in enumerate(row)) + "</tr>"
            for r, row in enumerate(table["rows"]))
        out.append(f'<h2>{escape(table.get("caption") or message("doc.tables", lang))}</h2>'
                   f'<table class="data"><thead><tr>{head}</tr></thead><tbody>{rows}</tbody></table>')
    return out


def _signed_name(signer: dict) -> str | None:
    """The name as printed: a rank or degree before it ("Thiếu tướng Trương Minh Đương")."""
    return " ".join(t for t in (signer.get("rank"), signer.get("name")) if t) or None


def _closing_html(doc: dict, lang: str, base: str = "") -> list[str]:
    out = []
    if doc["recipients"]:
        items = "".join(f"<li>{_p(f'{base}/recipients/{i}', recipient_text(r))}</li>" for i, r in enumerate(doc["recipients"]))
        out.append(f'<h2>{escape(message("doc.recipients", lang))}</h2><ul class="recipients">{items}</ul>')
    signer = doc["document"].get("signer")
    if signer:
        lines = [t for t in (signer.get("authority") and f"{signer['authority']}. {(signer.get('on_behalf_of') or '').upper()}",
                             (signer.get("title") or "").upper(), *(t.upper() for t in signer.get("other_titles", ())),
                             _signed_name(signer)) if t]
        out.append(f'<div class="signature" data-ptr="{base}/document/signer">{"<br>".join(escape(t) for t in lines)}</div>')
    if doc.get("footnotes"):
        items = "".join(f"<li>{_p(f'{base}/footnotes/{i}', note['text'])}</li>" for i, note in enumerate(doc["footnotes"]))
        out.append(f'<h2>{escape(message("doc.footnotes", lang))}</h2><ol class="footnotes">{items}</ol>')
    if doc["references"]:
        items = "".join(f"<li>{escape(citation(r, lang))} <small>({escape(message('doc.mentions', lang, n=r['mentions']))})</small></li>"
                        for r in doc["references"])
        out.append(f'<h2>{escape(message("doc.references", lang))}</h2><ul class="references">{items}</ul>')
    return out


def document_html(doc: dict, lang: str | None = None) -> str:
    """The plan as an HTML fragment (no <html>): header, sections, tasks, tables, closing, then each
    attached document as a document of its own, under a line naming the document it is attached to."""
    lang = lang or current_lang()
    parts = [_one_document_html(doc, lang)]
    for k, attached in enumerate(doc.get("attachments") or []):
        parts.append(f'<section class="attachment" id="attachment-{k}">'
                     f'<p class="attached-to">{escape(attachment_caption(attached, k, lang))}</p>'
                     f'{_one_document_html(attached, lang, f"/attachments/{k}")}</section>')
    return "".join(parts)


def _one_document_html(doc: dict, lang: str, base: str = "") -> str:
    return "".join(_header_html(doc, lang, base) + _sections_html(doc, lang, base) + tasks_html(doc, lang, base)
                   + _tables_html(doc, lang, base) + _closing_html(doc, lang, base))


def attachment_caption(attached: dict, k: int, lang: str | None = None) -> str:
    """"Văn bản kèm theo 1 (trang 2–13): ban hành kèm theo 779/QĐ-UBND ngày 23/3/2022"."""
    lang = lang or current_lang()
    to = attached["document"].get("attached_to") or {}
    pages = attached.get("pages") or []
    where = message("attach.pages", lang, first=pages[0], last=pages[-1]) if pages else ""
    relation = message(f"attach.{to.get('relation') or 'other'}", lang)
    date = date_text(to.get("issued_date"), lang) if to.get("issued_date") else ""
    return message("attach.caption", lang, n=k + 1, pages=where, relation=relation,
                   code=to.get("code") or message("doc.no_number", lang), date=date).replace("  ", " ").strip()


def warnings_html(doc: dict, lang: str | None = None) -> str:
    """The warnings of the plan, then those of each attached document under its caption."""
    lang = lang or current_lang()
    out = [_warning_list(doc, lang)]
    for k, attached in enumerate(doc.get("attachments") or []):
        if attached["warnings"]:
            out.append(f'<h3>{escape(attachment_caption(attached, k, lang))}</h3>{_warning_list(attached, lang)}')
    return "".join(out)


def _warning_list(doc: dict, lang: str) -> str:
    if not doc["warnings"]:
        return f'<p class="none">{escape(message("doc.no_warnings", lang))}</p>'
    items = "".join(
        f'<li class="warning" data-code="{escape(w["code"])}"><b>{escape(warning_label(w["code"], lang))}</b>'
        f' {escape(w["message"])}' + (f' <small>{escape(warning_where(w))}</small>' if warning_where(w) else "") + "</li>"
        for w in doc["warnings"])
    return f'<ul class="warnings">{items}</ul>'


DOCUMENT_CSS = """
body{font:15px/1.5 "Times New Roman","Noto Serif",serif;color:#111;margin:0 auto;max-width:1100px;padding:20px}
.doc-header{text-align:center}.doc-header .issuer{font-weight:bold}.doc-header h1{font-size:20px;margin:18px 0 4px}
.doc-header .title{font-weight:bold}.date{font-style:italic}
h2{font-size:17px;margin-top:22px}h3,h4,h5,h6{font-size:15px;margin:12px 0 4px}
table{border-collapse:collapse;width:100%}th,td{border:1px solid #999;padding:4px 6px;vertical-align:top;text-align:left}
tr.group td{background:#eee;font-weight:bold}.signature{text-align:right;font-weight:bold;margin:16px 0}
.warnings .warning b{color:#8a4b00}
.attachment{border-top:3px double #888;margin-top:28px;padding-top:8px}.attached-to{font-style:italic;color:#555}
"""


def to_html(doc: dict, lang: str | None = None) -> str:
    """A standalone HTML page of the plan (no scripts, no network)."""
    lang = lang or current_lang()
    title = f"{doc['document'].get('type_name') or ''} {doc['document'].get('code') or ''}".strip() or doc["source"]["filename"]
    warnings = f'<h2>{escape(message("doc.warnings", lang))}</h2>{warnings_html(doc, lang)}' if warning_count(doc) else ""
    return (f'<!DOCTYPE html><html lang="{lang}"><head><meta charset="utf-8"><title>{escape(title)}</title>'
            f"<style>{DOCUMENT_CSS}</style></head><body>{document_html(doc, lang)}{warnings}</body></html>\n")
