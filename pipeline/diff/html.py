"""The diff as one HTML page a reviewer can file: self-contained (no scripts, no network).

On top, both files (name, number, title) and a warning when they do not look
like revisions of one plan; then the summary, header changes, each changed task
side by side with its content and group for context and links to its pages in
both PDFs, the agencies renamed in the 2025 reorganisation told apart from real
reassignments, added / removed / renumbered tasks, sections, references and
recipients. Vietnamese by default (`lang="en"` for English).
"""
from __future__ import annotations

from html import escape
from typing import Any

from pipeline.diff.align import WordOp
from pipeline.diff.context import ReportContext, Side, renamed_only, successor_basis, task_pages
from pipeline.diff.plans import FieldChange, PlanDiff
from pipeline.diff.render import format_value, reference_label, renumbered_runs, summary_counts
from pipeline.diff.sections import ParagraphDiff
from pipeline.i18n import DEFAULT_LANG, field_label, message

_NONE = "—"

_CSS = """
body{font:15px/1.45 system-ui,"Segoe UI",Roboto,"Noto Sans",sans-serif;margin:0 auto;max-width:1240px;padding:16px;color:#1d1d1f}
h1{font-size:22px;margin:0 0 4px}h2{font-size:18px;border-bottom:1px solid #ccc;padding-bottom:3px;margin-top:28px}
h3{font-size:15px;margin:14px 0 6px}.ids{color:#555;margin:0 0 12px}
ul.summary{display:flex;flex-wrap:wrap;gap:8px;list-style:none;padding:0}
ul.summary li{border:1px solid #bbb;border-radius:4px;padding:4px 10px;background:#f6f6f6}
ul.summary li.zero{color:#999;background:#fff}
table{border-collapse:collapse;width:100%;table-layout:fixed}
th,td{border:1px solid #ccc;padding:5px 8px;vertical-align:top;text-align:left;overflow-wrap:anywhere}
th.field,td.field{width:130px;background:#fafafa;font-weight:600}
del{background:#ffd7d5;color:#82071e;text-decoration:line-through}
ins{background:#ccffd8;color:#055d20;text-decoration:none}
article{margin-bottom:18px}.added h3{color:#055d20}.removed h3{color:#82071e}
.none{color:#888}.context{color:#444;font-size:14px;margin:2px 0 6px}.group{color:#555;font-size:13px}
.renamed{background:#e8f0fe;color:#174ea6;border-radius:3px;padding:0 4px;font-size:12px}
.reassigned{background:#fde7e7;color:#a50e0e;border-radius:3px;padding:0 4px;font-size:12px}
.not-revisions{border:2px solid #d93025;background:#fce8e6;padding:8px 12px;font-weight:600}
table.files td,table.files th{font-size:14px}table.files th:nth-child(2){width:22%}table.files th:nth-child(3){width:14%}
table.files th:nth-child(4){width:50%}.pages a{margin-right:4px}
"""


def _e(value: Any) -> str:
    return escape(format_value(value))


def words_html(ops: list[WordOp], side: str) -> str:
    """One side of a word diff: the old side strikes deletions, the new side marks insertions."""
    keep, tag = ("delete", "del") if side == "old" else ("insert", "ins")
    parts = [f"<{tag}>{escape(w.text)}</{tag}>" if w.op == keep else escape(w.text)
             for w in ops if w.op in ("equal", keep)]
    return " ".join(parts)


def _agencies_html(agencies: list[dict] | None, marked: list[dict], tag: str) -> str:
    ids = {a["id"] for a in marked}
    names = [f"<{tag}>{escape(a['name'])}</{tag}>" if a["id"] in ids else escape(a["name"]) for a in agencies or []]
    return ", ".join(names) or f'<span class="none">{_NONE}</span>'


def field_cells_html(change: FieldChange) -> tuple[str, str]:
    """The old and new cells of one changed field, changes highlighted."""
    if change.words is not None:
        return words_html(change.words, "old"), words_html(change.words, "new")
    if change.added is not None:
        return (_agencies_html(change.old, change.removed or [], "del"),
                _agencies_html(change.new, change.added, "ins"))
    return f"<del>{_e(change.old)}</del>", f"<ins>{_e(change.new)}</ins>"


def _agency_mark(name: str, change: FieldChange, lang: str) -> str:
    """"renamed to its 2025 successor" apart from a real reassignment, for agency fields."""
    if name not in ("lead", "cooperating", "submit_to"):
        return ""
    if renamed_only(change):
        return f' <span class="renamed">{escape(message("diff.renamed", lang, basis=successor_basis(change)))}</span>'
    return f' <span class="reassigned">{escape(message("diff.reassigned", lang))}</span>'


def _side_by_side(rows: list[tuple[str, str, str]], old_head: str, new_head: str, first: str) -> str:
    body = "".join(f'<tr><td class="field">{n}</td><td class="old">{o}</td><td class="new">{w}</td></tr>'
                   for n, o, w in rows)
    return (f'<table class="side-by-side"><thead><tr><th class="field">{escape(first)}</th><th>{escape(old_head)}</th>'
            f"<th>{escape(new_head)}</th></tr></thead><tbody>{body}</tbody></table>")


def _page_links(side: Side, index: int | None, lang: str) -> str:
    pages = task_pages(side.doc, index)
    if not pages:
        return ""
    label = message("diff.pages", lang)
    links = "".join(f'<a href="{escape(side.link)}#page={p}">{p}</a>' if side.link else f"<span>{p}</span>" for p in pages)
    return f' <span class="pages">({escape(label)} {links})</span>'


def _task_label(old_number: Any, new_number: Any, lang: str) -> str:
    if str(old_number) == str(new_number):
        return message("diff.task", lang, n=new_number)
    return message("diff.task_moved", lang, old=old_number, new=new_number)


def _change_html(c, ctx: ReportContext | None, lang: str) -> str:
    rows = []
    for name, f in c.fields.items():
        old, new = field_cells_html(f)
        rows.append((escape(message(f"col.{name}", lang)), old, new + _agency_mark(name, f, lang)))
    context, links = "", ""
    if ctx is not None and c.new_index is not None:
        task = ctx.new.doc["tasks"][c.new_index]
        group = f'<div class="group">{escape(message("diff.group", lang))}: {escape(task["group"])}</div>' if task.get("group") else ""
        context = f'{group}<p class="context">{escape(task["content"])}</p>' if "content" not in c.fields else group
        links = (f'<div class="pages">{escape(message("diff.old", lang))}:{_page_links(ctx.old, c.old_index, lang)} · '
                 f'{escape(message("diff.new", lang))}:{_page_links(ctx.new, c.new_index, lang)}</div>')
    old_head = f'{message("diff.old", lang)} ({c.old_number})'
    new_head = f'{message("diff.new", lang)} ({c.new_number})'
    return (f'<article class="task-change" data-old-number="{escape(str(c.old_number))}" '
            f'data-new-number="{escape(str(c.new_number))}"><h3>{escape(_task_label(c.old_number, c.new_number, lang))}'
            f"</h3>{context}{links}{_side_by_side(rows, old_head, new_head, message('diff.field', lang))}</article>")


def _task_html(task: dict, kind: str, number: Any, side: Side | None, index: int | None, lang: str) -> str:
    rows = "".join(f'<tr><td class="field">{escape(message(f"col.{name}", lang))}</td><td>{_e(task.get(name))}</td></tr>'
                   for name in ("content", "lead", "cooperating", "timeframe", "submit_to", "output", "note", "group"))
    links = _page_links(side, index, lang) if side is not None else ""
    return (f'<article class="task-{kind} {kind}" data-number="{escape(str(number))}"><h3>'
            f'{escape(message("diff.task", lang, n=number))} ({escape(message(f"diff.{kind}", lang))}){links}</h3>'
            f"<table><tbody>{rows}</tbody></table></article>")


def _tasks_html(diff: PlanDiff, ctx: ReportContext | None, lang: str) -> list[str]:
    t, out = diff.tasks, []
    if t.changed:
        out.append(f'<section id="tasks-changed"><h2>{escape(message("diff.tasks_changed", lang))}</h2>')
        out += [_change_html(c, ctx, lang) for c in t.changed]
        out.append("</section>")
    if t.added:
        out += [f'<section id="tasks-added"><h2>{escape(message("diff.tasks_added", lang))}</h2>',
                *(_task_html(a.task, "added", a.new_number, ctx and ctx.new, a.index, lang) for a in t.added), "</section>"]
    if t.removed:
        out += [f'<section id="tasks-removed"><h2>{escape(message("diff.tasks_removed", lang))}</h2>',
                *(_task_html(r.task, "removed", r.old_number, ctx and ctx.old, r.index, lang) for r in t.removed), "</section>"]
    if t.renumbered:
        runs = renumbered_runs([(r.old_number, r.new_number) for r in t.renumbered])
        rows = "".join(f"<tr><td>{_span(a, b)}</td><td>{_span(c, d)}</td></tr>" for a, b, c, d in runs)
        out.append(f'<section id="tasks-renumbered"><h2>{escape(message("diff.tasks_renumbered", lang))}</h2>'
                   f'<table class="renumbered"><thead><tr><th>{escape(message("diff.old_number", lang))}</th>'
                   f'<th>{escape(message("diff.new_number", lang))}</th></tr></thead><tbody>{rows}</tbody></table></section>')
    return out


def _span(first: Any, last: Any) -> str:
    return escape(str(first) if first == last else f"{first}–{last}")


def _paragraph_rows(diff: ParagraphDiff) -> list[tuple[str, str, str]]:
    rows = [(f"¶{c.old_index + 1} → ¶{c.new_index + 1}", words_html(c.words, "old"), words_html(c.words, "new"))
            for c in diff.changed]
    rows += [(f"¶{p.index + 1}", "", f"<ins>{escape(p.text)}</ins>") for p in diff.added]
    rows += [(f"¶{p.index + 1}", f"<del>{escape(p.text)}</del>", "") for p in diff.removed]
    return rows


def _sections_html(diff: PlanDiff, lang: str) -> list[str]:
    s = diff.sections
    if not (s.added or s.removed or s.changed):
        return []
    out = [f'<section id="sections"><h2>{escape(message("diff.sections", lang))}</h2>']
    for kind, entries in (("added", s.added), ("removed", s.removed)):
        out += [f'<article class="section-{kind} {kind}" data-path="{escape(e.path)}"><h3>{escape(e.path)} '
                f"{escape(e.title or '')} ({escape(message(f'diff.{kind}', lang))})</h3>"
                f"{''.join(f'<p>{escape(p)}</p>' for p in e.paragraphs)}</article>" for e in entries]
    for c in s.changed:
        rows = [("title", f"<del>{_e(c.old)}</del>", f"<ins>{_e(c.new)}</ins>")] if c.old != c.new else []
        out.append(f'<article class="section-change" data-path="{escape(c.path)}"><h3>{escape(c.path)} '
                   f"{escape(c.new or '')}</h3>{_side_by_side(rows + _paragraph_rows(c.paragraphs), message('diff.old', lang), message('diff.new', lang), message('diff.paragraph', lang))}</article>")
    return out + ["</section>"]


def _files_html(ctx: ReportContext, lang: str) -> str:
    def cells(s: Side) -> str:
        name = f'<a href="{escape(s.link)}">{escape(s.filename)}</a>' if s.link else escape(s.filename)
        return f"<td>{name}</td><td>{_e(s.code)}</td><td>{_e(s.title)}</td>"

    head = "".join(f"<th>{escape(message(k, lang))}</th>" for k in ("diff.field", "diff.file", "doc.code", "doc.title"))
    rows = (f'<tr><td class="field">{escape(message("diff.old", lang))}</td>{cells(ctx.old)}</tr>'
            f'<tr><td class="field">{escape(message("diff.new", lang))}</td>{cells(ctx.new)}</tr>')
    warning = "" if ctx.same_plan else f'<p class="not-revisions">{escape(message("diff.not_revisions", lang))}</p>'
    return f'<section id="files"><table class="files"><thead><tr>{head}</tr></thead><tbody>{rows}</tbody></table>{warning}</section>'


def _recipients_html(ctx: ReportContext, lang: str) -> list[str]:
    r = ctx.recipients
    if not (r.added or r.removed):
        return []
    items = [f"<li><ins>+ {escape(n)}</ins></li>" for n in r.added] + [f"<li><del>− {escape(n)}</del></li>" for n in r.removed]
    return [f'<section id="recipients"><h2>{escape(message("diff.recipients", lang))}</h2><ul>{"".join(items)}</ul></section>']


def render_html(diff: PlanDiff, context: ReportContext | None = None, lang: str = DEFAULT_LANG) -> str:
    """One self-contained HTML page: files, summary, header changes, tasks side by side, sections,
    references, recipients (the last three need `context`)."""
    none = message("doc.no_number", lang)
    title = message("diff.title", lang, old=diff.old.code or none, new=diff.new.code or none)
    counts = summary_counts(diff, context)
    summary = "".join(f'<li class="{"zero" if not n else ""}"><b>{n}</b> {escape(message(key, lang))}</li>'
                      for key, n in counts)
    empty = not any(n for key, n in counts if key != "diff.count.tasks_unchanged")
    parts = [
        f'<!DOCTYPE html><html lang="{lang}"><head><meta charset="utf-8"><title>{escape(title)}</title>'
        f"<style>{_CSS}</style></head><body><h1>{escape(title)}</h1>",
        _files_html(context, lang) if context else "",
        f'<p class="ids">{escape(message("diff.old", lang))}: {_e(diff.old.issued_date)} · sha256 {_e((diff.old.sha256 or "")[:12])} — '
        f'{escape(message("diff.new", lang))}: {_e(diff.new.issued_date)} · sha256 {_e((diff.new.sha256 or "")[:12])}</p>',
        f'<section id="summary"><ul class="summary">{summary}</ul>'
        + (f'<p class="no-changes">{escape(message("diff.no_differences", lang))}</p>' if empty else "") + "</section>",
    ]
    parts += _changes_html(diff, context, lang) + _attachments_html(diff, lang)
    return "".join(parts) + "</body></html>\n"


def _attachments_html(diff: PlanDiff, lang: str) -> list[str]:
    """Each attached document's changes as a report of its own; one side only as added or removed."""
    out = []
    for a in diff.attachments:
        head = message("diff.attachment", lang, n=a.position + 1, kind=a.new_type or a.old_type or "")
        if a.diff is None:
            state = message("diff.added" if a.old_type is None else "diff.removed", lang)
            out.append(f'<section class="attachment" id="attachment-{a.position}"><h2>{escape(head)}: {escape(state)}</h2></section>')
        elif not a.diff.is_empty():
            out.append(f'<section class="attachment" id="attachment-{a.position}"><h2>{escape(head)}</h2>'
                       + "".join(_changes_html(a.diff, None, lang)) + "</section>")
    return out


def _changes_html(diff: PlanDiff, context: ReportContext | None, lang: str) -> list[str]:
    """The header, task, section, reference and recipient changes of one document."""
    parts = []
    if diff.document:
        rows = [(escape(field_label(name, lang)), *field_cells_html(c)) for name, c in diff.document.items()]
        parts.append(f'<section id="document"><h2>{escape(message("diff.header", lang))}</h2>'
                     f'{_side_by_side(rows, message("diff.old", lang), message("diff.new", lang), message("diff.field", lang))}</section>')
    parts += _tasks_html(diff, context, lang) + _sections_html(diff, lang)
    refs = diff.references
    if refs.added or refs.removed:
        items = [f"<li><ins>+ {escape(reference_label(r))}</ins></li>" for r in refs.added]
        items += [f"<li><del>− {escape(reference_label(r))}</del></li>" for r in refs.removed]
        parts.append(f'<section id="references"><h2>{escape(message("diff.references", lang))}</h2><ul>{"".join(items)}</ul></section>')
    if context is not None:
        parts += _recipients_html(context, lang)
    return parts
