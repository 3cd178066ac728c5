"""What a report a reviewer files needs beyond the PlanDiff: which files, their titles, where
each task stands in both, recipients compared, and whether the two are revisions of one plan.

Built from the two contract dicts; `PlanDiff` (and its JSON) stays as it is.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from pipeline.diff.align import text_key
from pipeline.diff.plans import FieldChange, PlanDiff
from pipeline.normalize.provenance import location_pieces


@dataclass(frozen=True)
class Side:
    """One of the two documents: its file, title, and a link to open it at a page."""

    filename: str
    code: str | None
    title: str | None
    issuer: str | None
    doc: dict
    # The file's URI for page links ("file:///.../plan.pdf"); None when it has no pages (DOCX, JSON).
    link: str | None = None


@dataclass
class RecipientDiff:
    added: list[str] = field(default_factory=list)
    removed: list[str] = field(default_factory=list)


@dataclass(frozen=True)
class ReportContext:
    old: Side
    new: Side
    recipients: RecipientDiff
    # False when number, issuer and title all differ: two plans, not two revisions of one.
    same_plan: bool


def side(doc: dict, path: Path | None = None) -> Side:
    d = doc["document"]
    pdf = path is not None and path.suffix.lower() == ".pdf"
    return Side(path.name if path else doc["source"]["filename"], d.get("code"), d.get("title"),
                (d.get("issuer") or {}).get("name"), doc, path.resolve().as_uri() if pdf else None)


def diff_recipients(old: list[dict], new: list[dict]) -> RecipientDiff:
    """Recipients by their name's text: reordering is no change."""
    old_keys = {text_key(r["name"]): r["name"] for r in old}
    new_keys = {text_key(r["name"]): r["name"] for r in new}
    return RecipientDiff([n for k, n in new_keys.items() if k not in old_keys],
                         [n for k, n in old_keys.items() if k not in new_keys])


def same_plan(old: Side, new: Side) -> bool:
    """Revisions share at least one of number, issuer and title (a draft has no number yet)."""
    pairs = [(old.code, new.code), (old.issuer, new.issuer), (old.title, new.title)]
    return any(a and b and text_key(a) == text_key(b) for a, b in pairs) or all(not (a and b) for a, b in pairs)


def report_context(old_doc: dict, new_doc: dict, old_path: Path | None = None, new_path: Path | None = None) -> ReportContext:
    old, new = side(old_doc, old_path), side(new_doc, new_path)
    return ReportContext(old, new, diff_recipients(old_doc["recipients"], new_doc["recipients"]), same_plan(old, new))


def has_differences(diff: PlanDiff, context: ReportContext | None = None) -> bool:
    """What the exit status says: any change at all, recipients included."""
    recipients = context is not None and bool(context.recipients.added or context.recipients.removed)
    return not diff.is_empty() or recipients


def renamed_only(change: FieldChange) -> bool:
    """An agency change that is only the 2025 reorganisation: each body that went is replaced
    by its successor (Sở Kế hoạch và Đầu tư -> Sở Tài chính), nothing else moved."""
    if change.added is not None:
        removed, added = change.removed or [], change.added or []
    else:
        removed = [change.old] if isinstance(change.old, dict) else []
        added = [change.new] if isinstance(change.new, dict) else []
    if not removed or len(removed) != len(added):
        return False
    successors = {(a.get("successor") or {}).get("id") for a in removed}
    return {a["id"] for a in added} <= successors and None not in successors


def successor_basis(change: FieldChange) -> str:
    removed = change.removed if change.added is not None else [change.old]
    return "; ".join(dict.fromkeys((a.get("successor") or {}).get("basis") or "" for a in removed or [] if a)) or ""


def task_pages(doc: dict, index: int | None) -> list[int]:
    """The pages a task stands on: its provenance boxes, else its `pages`."""
    if index is None:
        return []
    where = doc.get("provenance", {}).get(f"/tasks/{index}")
    entries = location_pieces(where)
    pages = sorted({e["page"] for e in entries if "page" in e})
    return pages or list(doc["tasks"][index].get("pages") or [])
