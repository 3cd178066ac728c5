"""A PlanDiff for machines (JSON) and for people in a terminal (text); the HTML page is `diff.html`.

The text form is what a reviewer reads in a terminal ("Nhiệm vụ 16: Chủ trì Sở
Kế hoạch và Đầu tư → Sở Tài chính [đổi tên ...]"), Vietnamese by default,
English with lang="en" ("Task 16: lead ..."). Shared wording (summary counts,
value formatting, renumbered runs) lives here for both.
"""
from __future__ import annotations

import json
from typing import Any

from pipeline.diff.context import has_differences
from pipeline.diff.plans import FieldChange, PlanDiff
from pipeline.diff.align import WordOp
from pipeline.diff.sections import ParagraphDiff
from pipeline.text import escape_controls
from pipeline.i18n import DEFAULT_LANG, field_label, message

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


# Summary entries: (message key, English label with "{s}" for the plural, what it counts).
_SUMMARY = (
    ("diff.count.tasks_added", "task{s} added"), ("diff.count.tasks_removed", "task{s} removed"),
    ("diff.count.tasks_changed", "task{s} changed"), ("diff.count.tasks_renumbered", "task{s} renumbered"),
    ("diff.count.tasks_unchanged", "task{s} unchanged"), ("diff.count.header", "header field{s} changed"),
    ("diff.count.sections_added", "section{s} added"), ("diff.count.sections_removed", "section{s} removed"),
    ("diff.count.sections_changed", "section{s} changed"),
    ("diff.count.references_added", "reference{s} added"), ("diff.count.references_removed", "reference{s} removed"),
    ("diff.count.recipients_added", "recipient{s} added"), ("diff.count.recipients_removed", "recipient{s} removed"),
)


def summary_counts(diff: PlanDiff, context: Any = None) -> list[tuple[str, int]]:
    """(message key, count) for the summary line, in reading order; recipients when `context` has them."""
    t, s, r = diff.tasks, diff.sections, diff.references
    counts = [len(t.added), len(t.removed), len(t.changed), len(t.renumbered), t.unchanged, len(diff.document),
              len(s.added), len(s.removed), len(s.changed), len(r.added), len(r.removed)]
    if context is not None:
        counts += [len(context.recipients.added), len(context.recipients.removed)]
    return [(key, n) for (key, _), n in zip(_SUMMARY, counts)]


def count_label(key: str, count: int, lang: str = "en") -> str:
    """"1 task added", "2 tasks added" in English; the message table's label otherwise."""
    if lang != "en":
        return message(key, lang)
    label = dict(_SUMMARY)[key]
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


def task_label(old_number: Any, new_number: Any, lang: str = "en") -> str:
    """"Task 16", or "Task 3 → 4" when the task moved."""
    if str(old_number) == str(new_number):
        return message("diff.task", lang, n=new_number)
    return message("diff.task_moved", lang, old=old_number, new=new_number)


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


def field_as_text(name: str, change: FieldChange, lang: str = "en") -> str:
    """One field change on one line: "lead A → B", "cooperating + C; − D"."""
    label = name if lang == "en" and name in _TASK_FIELD_NAMES else field_label(name, lang)
    if change.words is not None:
        return f"{label}: {words_as_text(change.words)}"
    if change.added is not None and name == "cooperating":
        parts = [f"+ {format_value(a)}" for a in change.added] + [f"− {format_value(a)}" for a in change.removed]
        return f"{label} " + "; ".join(parts)
    return f"{label} {format_value(change.old)} → {format_value(change.new)}"


_TASK_FIELD_NAMES = frozenset({"content", "lead", "cooperating", "timeframe", "submit_to", "output", "note", "group"})


def _paragraph_lines(diff: ParagraphDiff) -> list[str]:
    lines = [f"      ¶{c.new_index + 1}: {words_as_text(c.words)}" for c in diff.changed]
    lines += [f"      + ¶{p.index + 1}: {_shorten(p.text)}" for p in diff.added]
    lines += [f"      − ¶{p.index + 1}: {_shorten(p.text)}" for p in diff.removed]
    return lines


def _heading(key: str, lang: str) -> str:
    return message(f"diff.text.{key}", lang)


def _files_lines(context: Any, lang: str) -> list[str]:
    lines = [f"{message('diff.old', lang)}: {context.old.filename} — {_shorten(context.old.title or _NONE)}",
             f"{message('diff.new', lang)}: {context.new.filename} — {_shorten(context.new.title or _NONE)}"]
    return lines if context.same_plan else lines + [f"!! {message('diff.not_revisions', lang)}"]


def _agency_note(name: str, change: FieldChange, lang: str) -> str:
    from pipeline.diff.context import renamed_only, successor_basis

    if name not in ("lead", "cooperating", "submit_to"):
        return ""
    if renamed_only(change):
        return f" [{message('diff.renamed', lang, basis=successor_basis(change))}]"
    return f" [{message('diff.reassigned', lang)}]" if lang != "en" else ""


def render_text(diff: PlanDiff, context: Any = None, lang: str = DEFAULT_LANG) -> str:
    """A readable summary for the terminal, one line per change; `context` (diff.context) adds
    the files, the not-a-revision warning, renamed agencies and recipients."""
    none, no_date = message("doc.no_number", lang), message("doc.no_date", lang)
    head = f"{diff.old.code or none} ({diff.old.issued_date or no_date}) → {diff.new.code or none} ({diff.new.issued_date or no_date})"
    files = _files_lines(context, lang) if context is not None else []
    counts = summary_counts(diff, context)
    if not has_differences(diff, context):
        unchanged = f"{diff.tasks.unchanged} {count_label('diff.count.tasks_unchanged', diff.tasks.unchanged, lang)}"
        return "\n".join(files + [head, f"{message('diff.no_differences', lang).rstrip('.')} ({unchanged}).", ""])
    lines = files + [head, ", ".join(f"{n} {count_label(key, n, lang)}" for key, n in counts if n)]
    if diff.document:
        lines += ["", _heading("document", lang)]
        lines += [f"  {field_as_text(name, c, lang)}" for name, c in diff.document.items()]
    t = diff.tasks
    added, removed = (message(f"diff.{k}", lang) for k in ("added", "removed"))
    if t.added or t.removed or t.changed or t.renumbered:
        lines += ["", _heading("tasks", lang)]
        lines += [f"  + {task_label(a.new_number, a.new_number, lang)} ({added}): {_shorten(a.task['content'])} "
                  f"[{message('col.lead', lang).lower()}: {format_value(a.task['lead'])}]"
                  for a in t.added]
        lines += [f"  − {task_label(r.old_number, r.old_number, lang)} ({removed}): {_shorten(r.task['content'])}" for r in t.removed]
        for c in t.changed:
            label = task_label(c.old_number, c.new_number, lang)
            lines += [f"  ~ {label}: {field_as_text(name, f, lang)}{_agency_note(name, f, lang) if context else ''}"
                      for name, f in c.fields.items()]
        for old_a, old_b, new_a, new_b in renumbered_runs([(r.old_number, r.new_number) for r in t.renumbered]):
            one = old_a == old_b
            span, to = (f"{old_a}", f"{new_a}") if one else (f"{old_a}–{old_b}", f"{new_a}–{new_b}")
            lines.append("  = " + message("diff.text.moved_one" if one else "diff.text.moved_run", lang, old=span, new=to))
    s = diff.sections
    if s.added or s.removed or s.changed:
        lines += ["", _heading("sections", lang)]
        lines += [f"  + {e.path} {e.title or ''}".rstrip() for e in s.added]
        lines += [f"  − {e.path} {e.title or ''}".rstrip() for e in s.removed]
        for c in s.changed:
            title = f"{format_value(c.old)} → {format_value(c.new)}" if c.old != c.new else (c.new or "")
            lines += [f"  ~ {c.path} {title}".rstrip()] + _paragraph_lines(c.paragraphs)
    r = diff.references
    if r.added or r.removed:
        lines += ["", _heading("references", lang)]
        lines += [f"  + {reference_label(x)}" for x in r.added] + [f"  − {reference_label(x)}" for x in r.removed]
    if context is not None and (context.recipients.added or context.recipients.removed):
        lines += ["", _heading("recipients", lang)]
        lines += [f"  + {n}" for n in context.recipients.added] + [f"  − {n}" for n in context.recipients.removed]
    lines += _attachment_lines(diff, lang)
    # Text from a document is shown, never obeyed: an escape code in a PDF's text layer
    # must not retitle the reviewer's terminal, nor a newline forge a line of the report.
    return "\n".join(escape_controls(line) for line in lines) + "\n"


def _attachment_lines(diff: PlanDiff, lang: str = DEFAULT_LANG) -> list[str]:
    """Each attachment pair as its own indented summary; one side only as added or removed."""
    lines: list[str] = []
    for a in diff.attachments:
        if a.diff is None:
            sign, kind = ("+", a.new_type) if a.old_type is None else ("−", a.old_type)
            head = message("diff.attachment", lang, n=a.position + 1, kind=kind or message("diff.a_document", lang))
            lines += ["", f"{head}: {message('diff.added' if sign == '+' else 'diff.removed', lang)}"]
        elif not a.diff.is_empty():
            body = render_text(a.diff, lang=lang).splitlines()[1:]  # its own head line says nothing: no number of its own
            head = message("diff.attachment", lang, n=a.position + 1, kind=a.new_type or message("diff.a_document", lang))
            lines += ["", f"{head}:"] + [f"  {ln}" if ln else ln for ln in body]
    return lines
