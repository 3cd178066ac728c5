"""A PlanDiff for machines (JSON) and for people (terminal text, one HTML page).

The text form is what a reviewer reads in a terminal ("Task 16: lead Sở Kế
hoạch và Đầu tư → Sở Tài chính"); the HTML form is one self-contained page (no
scripts, no network) with the summary on top and each changed task side by
side, deleted words struck out and inserted words highlighted.
"""
from __future__ import annotations

import json
from html import escape
from typing import Any

from pipeline.diff.plans import FieldChange, PlanDiff
from pipeline.diff.align import WordOp
from pipeline.diff.sections import ParagraphDiff
from pipeline.text import escape_controls

# In the terminal, an unchanged run longer than this is cut to its ends.
TEXT_CONTEXT_WORDS = 6

_NONE = "—"


# --- JSON ---------------------------------------------------------------------------


def _words(ops: list[WordOp]) -> list[dict]:
    return [{"op": w.op, "text": w.text} for w in ops]


def field_change_to_dict(change: FieldChange) -> dict:
    """{"old", "new"} plus "words" / "added" / "removed" where the field has them."""
    out: dict[str, Any] = {"old": change.old, "new": change.new}
    if change.words is not None:
        out["words"] = _words(change.words)
    if change.added is not None:
        out["added"], out["removed"] = change.added, change.removed
    return out


def _paragraphs_to_dict(diff: ParagraphDiff) -> dict:
    return {
        "added": [{"index": p.index, "text": p.text} for p in diff.added],
        "removed": [{"index": p.index, "text": p.text} for p in diff.removed],
        "changed": [{"old_index": c.old_index, "new_index": c.new_index, "old": c.old, "new": c.new,
                     "words": _words(c.words)} for c in diff.changed],
    }


def diff_to_dict(diff: PlanDiff) -> dict:
    """The JSON object of the contract's Diff section, plus "references"."""
    tasks, sections = diff.tasks, diff.sections
    entry = lambda e: {"path": e.path, "title": e.title, "paragraphs": e.paragraphs}  # noqa: E731
    return {
        "old": vars(diff.old).copy(),
        "new": vars(diff.new).copy(),
        "document": {name: field_change_to_dict(c) for name, c in diff.document.items()},
        "tasks": {
            "added": [{"new_number": a.new_number, "task": a.task} for a in tasks.added],
            "removed": [{"old_number": r.old_number, "task": r.task} for r in tasks.removed],
            "changed": [{"old_number": c.old_number, "new_number": c.new_number,
                         "fields": {n: field_change_to_dict(f) for n, f in c.fields.items()}} for c in tasks.changed],
            "renumbered": [{"old_number": r.old_number, "new_number": r.new_number} for r in tasks.renumbered],
            "unchanged": tasks.unchanged,
        },
        "sections": {
            "added": [entry(e) for e in sections.added],
            "removed": [entry(e) for e in sections.removed],
            "changed": [{"path": c.path, "old": c.old, "new": c.new, "paragraphs": _paragraphs_to_dict(c.paragraphs)}
                        for c in sections.changed],
        },
        "references": {"added": diff.references.added, "removed": diff.references.removed},
        **({"attachments": [{"position": a.position, "old_type": a.old_type, "new_type": a.new_type,
                             "diff": diff_to_dict(a.diff) if a.diff else None} for a in diff.attachments]}
           if diff.attachments else {}),
    }


def render_json(diff: PlanDiff) -> str:
    """Stable, pretty JSON text: the same two documents always give the same bytes."""
    return json.dumps(diff_to_dict(diff), ensure_ascii=False, indent=2) + "\n"


# --- shared wording -----------------------------------------------------------------


def summary_counts(diff: PlanDiff) -> list[tuple[str, int]]:
    """(label, count) for the summary line, in reading order; "{s}" in a label marks the plural."""
    t, s, r = diff.tasks, diff.sections, diff.references
    return [
        ("task{s} added", len(t.added)), ("task{s} removed", len(t.removed)), ("task{s} changed", len(t.changed)),
        ("task{s} renumbered", len(t.renumbered)), ("task{s} unchanged", t.unchanged),
        ("header field{s} changed", len(diff.document)),
        ("section{s} added", len(s.added)), ("section{s} removed", len(s.removed)),
        ("section{s} changed", len(s.changed)),
        ("reference{s} added", len(r.added)), ("reference{s} removed", len(r.removed)),
    ]


def count_label(label: str, count: int) -> str:
    """"1 task added", "2 tasks added"."""
    return label.format(s="" if count == 1 else "s")


def renumbered_runs(pairs: list[tuple[Any, Any]]) -> list[tuple[Any, Any, Any, Any]]:
    """Consecutive shifts folded: (6,5),(7,6),(8,7) -> (6, 8, 5, 7), so a shift is one line."""
    runs: list[list[Any]] = []
    for old, new in pairs:
        last = runs[-1] if runs else None
        if (last and all(isinstance(v, int) for v in (old, new, last[1], last[3]))
                and old == last[1] + 1 and new == last[3] + 1):
            last[1], last[3] = old, new
        else:
            runs.append([old, old, new, new])
    return [tuple(run) for run in runs]


def format_value(value: Any) -> str:
    """A field value as a person reads it: agencies by name, timeframes by their text."""
    if value is None or value == []:
        return _NONE
    if isinstance(value, list):
        return ", ".join(format_value(v) for v in value)
    if isinstance(value, dict):
        if "id" in value and "name" in value:
            return str(value["name"])
        if "kind" in value and "text" in value:
            return str(value["text"])
        return ", ".join(str(v) for v in value.values() if v is not None) or _NONE
    return str(value)


def task_label(old_number: Any, new_number: Any) -> str:
    """"Task 16", or "Task 3 → 4" when the task moved."""
    if str(old_number) == str(new_number):
        return f"Task {new_number}"
    return f"Task {old_number} → {new_number}"


def reference_label(reference: dict) -> str:
    return reference.get("code") or (reference.get("aliases") or [reference["id"]])[0]


# --- text ---------------------------------------------------------------------------


def _shorten(text: str) -> str:
    """An unchanged run cut to its first and last words, so the edit stands out."""
    words = text.split()
    if len(words) <= 2 * TEXT_CONTEXT_WORDS:
        return text
    return " ".join(words[:TEXT_CONTEXT_WORDS] + ["…"] + words[-TEXT_CONTEXT_WORDS:])


def words_as_text(ops: list[WordOp]) -> str:
    """wdiff style: [-deleted-] {+inserted+}, long unchanged runs shortened."""
    marks = {"delete": "[-{}-]", "insert": "{{+{}+}}", "equal": "{}"}
    return " ".join(marks[w.op].format(_shorten(w.text) if w.op == "equal" else w.text) for w in ops)


def field_as_text(name: str, change: FieldChange) -> str:
    """One field change on one line: "lead A → B", "cooperating + C; − D"."""
    if change.words is not None:
        return f"{name}: {words_as_text(change.words)}"
    if change.added is not None and name == "cooperating":
        parts = [f"+ {format_value(a)}" for a in change.added] + [f"− {format_value(a)}" for a in change.removed]
        return f"{name} " + "; ".join(parts)
    return f"{name} {format_value(change.old)} → {format_value(change.new)}"


def _paragraph_lines(diff: ParagraphDiff) -> list[str]:
    lines = [f"      ¶{c.new_index + 1}: {words_as_text(c.words)}" for c in diff.changed]
    lines += [f"      + ¶{p.index + 1}: {_shorten(p.text)}" for p in diff.added]
    lines += [f"      − ¶{p.index + 1}: {_shorten(p.text)}" for p in diff.removed]
    return lines


def render_text(diff: PlanDiff) -> str:
    """A readable summary for the terminal, one line per change."""
    head = f"{diff.old.code or '(no number)'} ({diff.old.issued_date or 'no date'}) → " \
           f"{diff.new.code or '(no number)'} ({diff.new.issued_date or 'no date'})"
    if diff.is_empty():
        return f"{escape_controls(head)}\nNo differences ({diff.tasks.unchanged} tasks unchanged).\n"
    lines = [head, ", ".join(f"{n} {count_label(label, n)}" for label, n in summary_counts(diff) if n)]
    if diff.document:
        lines += ["", "Document:"]
        lines += [f"  {field_as_text(name, c)}" for name, c in diff.document.items()]
    t = diff.tasks
    if t.added or t.removed or t.changed or t.renumbered:
        lines += ["", "Tasks:"]
        lines += [f"  + Task {a.new_number} (added): {_shorten(a.task['content'])} [lead: {format_value(a.task['lead'])}]"
                  for a in t.added]
        lines += [f"  − Task {r.old_number} (removed): {_shorten(r.task['content'])}" for r in t.removed]
        for c in t.changed:
            label = task_label(c.old_number, c.new_number)
            lines += [f"  ~ {label}: {field_as_text(name, f)}" for name, f in c.fields.items()]
        for old_a, old_b, new_a, new_b in renumbered_runs([(r.old_number, r.new_number) for r in t.renumbered]):
            lines.append(f"  = Task {old_a} → {new_a} (renumbered)" if old_a == old_b
                         else f"  = Tasks {old_a}–{old_b} → {new_a}–{new_b} (renumbered)")
    s = diff.sections
    if s.added or s.removed or s.changed:
        lines += ["", "Sections:"]
        lines += [f"  + {e.path} {e.title or ''}".rstrip() for e in s.added]
        lines += [f"  − {e.path} {e.title or ''}".rstrip() for e in s.removed]
        for c in s.changed:
            title = f"{format_value(c.old)} → {format_value(c.new)}" if c.old != c.new else (c.new or "")
            lines += [f"  ~ {c.path} {title}".rstrip()] + _paragraph_lines(c.paragraphs)
    r = diff.references
    if r.added or r.removed:
        lines += ["", "References:"]
        lines += [f"  + {reference_label(x)}" for x in r.added] + [f"  − {reference_label(x)}" for x in r.removed]
    lines += _attachment_lines(diff)
    # Text from a document is shown, never obeyed: an escape code in a PDF's text layer
    # must not retitle the reviewer's terminal, nor a newline forge a line of the report.
    return "\n".join(escape_controls(line) for line in lines) + "\n"


def _attachment_lines(diff: PlanDiff) -> list[str]:
    """Each attachment pair as its own indented summary; one side only as added or removed."""
    lines: list[str] = []
    for a in diff.attachments:
        if a.diff is None:
            sign, kind = ("+", a.new_type) if a.old_type is None else ("−", a.old_type)
            lines += ["", f"Attachment {a.position + 1} ({kind or 'document'}): {'added' if sign == '+' else 'removed'}"]
        elif not a.diff.is_empty():
            body = render_text(a.diff).splitlines()[1:]  # its own head line says nothing: no number of its own
            lines += ["", f"Attachment {a.position + 1} ({a.new_type or 'document'}):"] + [f"  {ln}" if ln else ln for ln in body]
    return lines


# --- HTML ---------------------------------------------------------------------------

_CSS = """
body{font:15px/1.45 system-ui,"Segoe UI",Roboto,"Noto Sans",sans-serif;margin:0 auto;max-width:1240px;padding:16px;color:#1d1d1f}
h1{font-size:22px;margin:0 0 4px}h2{font-size:18px;border-bottom:1px solid #ccc;padding-bottom:3px;margin-top:28px}
h3{font-size:15px;margin:14px 0 6px}.ids{color:#555;margin:0 0 12px}
ul.summary{display:flex;flex-wrap:wrap;gap:8px;list-style:none;padding:0}
ul.summary li{border:1px solid #bbb;border-radius:4px;padding:4px 10px;background:#f6f6f6}
ul.summary li.zero{color:#999;background:#fff}
table{border-collapse:collapse;width:100%;table-layout:fixed}
th,td{border:1px solid #ccc;padding:5px 8px;vertical-align:top;text-align:left;overflow-wrap:anywhere}
th.field,td.field{width:110px;background:#fafafa;font-weight:600}
del{background:#ffd7d5;color:#82071e;text-decoration:line-through}
ins{background:#ccffd8;color:#055d20;text-decoration:none}
article{margin-bottom:18px}.added h3{color:#055d20}.removed h3{color:#82071e}
.none{color:#888}
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


def _side_by_side(rows: list[tuple[str, str, str]], old_head: str, new_head: str, first: str = "field") -> str:
    body = "".join(f'<tr><td class="field">{escape(n)}</td><td class="old">{o}</td><td class="new">{w}</td></tr>'
                   for n, o, w in rows)
    return (f'<table class="side-by-side"><thead><tr><th class="field">{escape(first)}</th><th>{escape(old_head)}</th>'
            f"<th>{escape(new_head)}</th></tr></thead><tbody>{body}</tbody></table>")


def _span(first: Any, last: Any) -> str:
    return escape(str(first) if first == last else f"{first}–{last}")


def _task_html(task: dict, kind: str, number: Any) -> str:
    rows = "".join(f'<tr><td class="field">{name}</td><td>{_e(task.get(name))}</td></tr>'
                   for name in ("content", "lead", "cooperating", "timeframe", "submit_to", "output", "note", "group"))
    return (f'<article class="task-{kind} {kind}" data-number="{escape(str(number))}"><h3>Task {escape(str(number))} '
            f"({kind})</h3><table><tbody>{rows}</tbody></table></article>")


def _tasks_html(diff: PlanDiff) -> list[str]:
    t, out = diff.tasks, []
    if t.changed:
        out.append('<section id="tasks-changed"><h2>Changed tasks</h2>')
        for c in t.changed:
            rows = [(name, *field_cells_html(f)) for name, f in c.fields.items()]
            out.append(f'<article class="task-change" data-old-number="{escape(str(c.old_number))}" '
                       f'data-new-number="{escape(str(c.new_number))}"><h3>{escape(task_label(c.old_number, c.new_number))}'
                       f"</h3>{_side_by_side(rows, f'Old (task {c.old_number})', f'New (task {c.new_number})')}</article>")
        out.append("</section>")
    if t.added:
        out += ['<section id="tasks-added"><h2>Added tasks</h2>', *(_task_html(a.task, "added", a.new_number)
                                                                  for a in t.added), "</section>"]
    if t.removed:
        out += ['<section id="tasks-removed"><h2>Removed tasks</h2>', *(_task_html(r.task, "removed", r.old_number)
                                                                      for r in t.removed), "</section>"]
    if t.renumbered:
        runs = renumbered_runs([(r.old_number, r.new_number) for r in t.renumbered])
        rows = "".join(f"<tr><td>{_span(a, b)}</td><td>{_span(c, d)}</td></tr>" for a, b, c, d in runs)
        out.append(f'<section id="tasks-renumbered"><h2>Renumbered tasks (same content)</h2><table class="renumbered">'
                   f"<thead><tr><th>old number</th><th>new number</th></tr></thead><tbody>{rows}</tbody></table></section>")
    return out


def _paragraph_rows(diff: ParagraphDiff) -> list[tuple[str, str, str]]:
    rows = [(f"¶{c.old_index + 1} → ¶{c.new_index + 1}", words_html(c.words, "old"), words_html(c.words, "new"))
            for c in diff.changed]
    rows += [(f"¶{p.index + 1}", "", f"<ins>{escape(p.text)}</ins>") for p in diff.added]
    rows += [(f"¶{p.index + 1}", f"<del>{escape(p.text)}</del>", "") for p in diff.removed]
    return rows


def _sections_html(diff: PlanDiff) -> list[str]:
    s = diff.sections
    if not (s.added or s.removed or s.changed):
        return []
    out = ['<section id="sections"><h2>Sections</h2>']
    for kind, entries in (("added", s.added), ("removed", s.removed)):
        out += [f'<article class="section-{kind} {kind}" data-path="{escape(e.path)}"><h3>{escape(e.path)} '
                f"{escape(e.title or '')} ({kind})</h3>{''.join(f'<p>{escape(p)}</p>' for p in e.paragraphs)}</article>"
                for e in entries]
    for c in s.changed:
        rows = [("title", f"<del>{_e(c.old)}</del>", f"<ins>{_e(c.new)}</ins>")] if c.old != c.new else []
        out.append(f'<article class="section-change" data-path="{escape(c.path)}"><h3>{escape(c.path)} '
                   f"{escape(c.new or '')}</h3>{_side_by_side(rows + _paragraph_rows(c.paragraphs), 'Old', 'New', 'paragraph')}</article>")
    return out + ["</section>"]


def render_html(diff: PlanDiff) -> str:
    """One self-contained HTML page: summary, header changes, tasks side by side, sections, references."""
    title = f"vnplan diff: {diff.old.code or '(no number)'} → {diff.new.code or '(no number)'}"
    summary = "".join(f'<li class="{"zero" if not n else ""}"><b>{n}</b> {escape(count_label(label, n))}</li>'
                      for label, n in summary_counts(diff))
    parts = [
        f'<!DOCTYPE html><html lang="vi"><head><meta charset="utf-8"><title>{escape(title)}</title>'
        f"<style>{_CSS}</style></head><body><h1>{escape(title)}</h1>",
        f'<p class="ids">old: {_e(diff.old.issued_date)} · sha256 {_e((diff.old.sha256 or "")[:12])} — '
        f'new: {_e(diff.new.issued_date)} · sha256 {_e((diff.new.sha256 or "")[:12])}</p>',
        f'<section id="summary"><ul class="summary">{summary}</ul>'
        + ('<p class="no-changes">No differences.</p>' if diff.is_empty() else "") + "</section>",
    ]
    if diff.document:
        rows = [(name, *field_cells_html(c)) for name, c in diff.document.items()]
        parts.append(f'<section id="document"><h2>Document header</h2>{_side_by_side(rows, "Old", "New")}</section>')
    parts += _tasks_html(diff) + _sections_html(diff)
    refs = diff.references
    if refs.added or refs.removed:
        items = [f"<li><ins>+ {escape(reference_label(r))}</ins></li>" for r in refs.added]
        items += [f"<li><del>− {escape(reference_label(r))}</del></li>" for r in refs.removed]
        parts.append(f'<section id="references"><h2>References</h2><ul>{"".join(items)}</ul></section>')
    return "".join(parts) + "</body></html>\n"
