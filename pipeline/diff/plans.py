"""Compare two converted plans: tasks added, dropped, reassigned, reworded, renumbered.

Revisions of a plan renumber their task rows, so a diff keyed on the TT column
reports almost everything as changed. Tasks are matched here by what they say:
an optimal one-to-one matching (`scipy.optimize.linear_sum_assignment`) over
content similarities (`rapidfuzz`), with the lead agency and the group as small
bonuses that only break near-ties. A pair below `DEFAULT_THRESHOLD` is not the
same task edited but one task dropped and another added. Sections, paragraphs
and references are compared in `diff_sections`; both use the matching of `diff_align`.

Every function takes and returns plain values (the contract's dicts in, the
dataclasses below out); `diff_render.diff_to_dict` gives the JSON of the
contract's Diff section.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, Callable

import numpy as np

from pipeline.text import normalize_text

from pipeline.diff.align import DEFAULT_THRESHOLD, Alignment, WordOp, align, text_key, word_diff
from pipeline.diff.sections import ReferenceDiff, SectionDiff, diff_references, diff_sections

# Added to the similarity when the lead agencies (as a set) are the same.
LEAD_BONUS = 1.0
# Added to the similarity when the group heading is the same.
GROUP_BONUS = 0.5

TASK_FIELDS = ("content", "lead", "cooperating", "timeframe", "submit_to", "output", "note", "group")
# Fields holding free text: their changes carry a word-level diff.
TEXT_FIELDS = frozenset({"content", "output", "note", "title", "subject"})
# Fields holding a list of agencies, compared as sets of ids.
AGENCY_LIST_FIELDS = frozenset({"lead", "cooperating"})


Number = int | str


@dataclass
class FieldChange:
    """A field's old and new value; extras say what moved inside it."""

    old: Any
    new: Any
    words: list[WordOp] | None = None  # text fields: the word-level diff
    added: list[dict] | None = None  # agency lists: agencies only in new
    removed: list[dict] | None = None  # agency lists: agencies only in old


@dataclass
class AddedTask:
    new_number: Number
    task: dict
    index: int | None = None  # in the new plan's tasks (reports link to its place)


@dataclass
class RemovedTask:
    old_number: Number
    task: dict
    index: int | None = None  # in the old plan's tasks


@dataclass
class TaskChange:
    old_number: Number
    new_number: Number
    fields: dict[str, FieldChange]
    # Indexes in the old and new plans' tasks: reports show the task's content, group and pages.
    old_index: int | None = None
    new_index: int | None = None


@dataclass
class Renumbered:
    old_number: Number
    new_number: Number


@dataclass
class TaskDiff:
    added: list[AddedTask] = field(default_factory=list)
    removed: list[RemovedTask] = field(default_factory=list)
    changed: list[TaskChange] = field(default_factory=list)
    renumbered: list[Renumbered] = field(default_factory=list)
    unchanged: int = 0


@dataclass
class DocumentId:
    """Which document a side of the diff is."""

    code: str | None
    sha256: str | None
    issued_date: str | None


@dataclass
class PlanDiff:
    old: DocumentId
    new: DocumentId
    document: dict[str, FieldChange]
    tasks: TaskDiff
    sections: SectionDiff
    references: ReferenceDiff
    # The attached documents (the plan a decision issues), paired by position: see `diff_attachments`.
    attachments: list[AttachmentDiff] = field(default_factory=list)

    def is_empty(self) -> bool:
        """True when there is nothing to report: every task matched with its number, no other change."""
        t, s, r = self.tasks, self.sections, self.references
        return not (self.document or t.added or t.removed or t.changed or t.renumbered
                    or s.added or s.removed or s.changed or r.added or r.removed
                    or any(not a.is_empty() for a in self.attachments))


@dataclass
class AttachmentDiff:
    """The attachment at one position on each side: both diffed like plans, or one side only."""

    position: int
    old_type: str | None
    new_type: str | None
    diff: PlanDiff | None  # None when only one side has an attachment here

    def is_empty(self) -> bool:
        return self.diff is not None and self.diff.is_empty()


# --- comparison keys ----------------------------------------------------------------


def agency_ids(agencies: list[dict] | None) -> frozenset[str]:
    """A list of agencies as a set of ids: listing them in another order is no change."""
    return frozenset(a["id"] for a in agencies or [])


def agency_key(agency: dict | None) -> str | None:
    return None if agency is None else agency["id"]


def timeframe_key(timeframe: dict | None) -> tuple | None:
    """A timeframe's parse plus its text without case or trailing punctuation."""
    if timeframe is None:
        return None
    text = normalize_text(timeframe["text"]).casefold().rstrip(" .;,")
    return (timeframe["kind"], timeframe.get("start"), timeframe.get("end"), timeframe.get("date"), text)


def value_key(value: Any) -> Any:
    """A comparison key for any JSON value: agencies by id, texts normalised."""
    if isinstance(value, str):
        return text_key(value)
    if isinstance(value, dict):
        if "id" in value and "kind" in value:
            return ("agency", value["id"])
        return tuple(sorted((k, value_key(v)) for k, v in value.items()))
    if isinstance(value, list):
        return tuple(value_key(v) for v in value)
    return value


_TASK_KEYS: dict[str, Callable[[Any], Any]] = {
    "content": text_key, "lead": agency_ids, "cooperating": agency_ids, "timeframe": timeframe_key,
    "submit_to": agency_key, "output": text_key, "note": text_key, "group": text_key,
}


# --- words and fields ---------------------------------------------------------------


def field_change(name: str, old: Any, new: Any, key: Callable[[Any], Any] = value_key) -> FieldChange | None:
    """How a field changed, or None when `key` says the two values are the same."""
    if old == new or key(old) == key(new):  # the first test spares normalising equal texts
        return None
    change = FieldChange(old, new)
    if name in TEXT_FIELDS and isinstance(old, str) and isinstance(new, str):
        change.words = word_diff(old, new)
    if name in AGENCY_LIST_FIELDS:
        old_ids, new_ids = agency_ids(old), agency_ids(new)
        change.added = [a for a in new or [] if a["id"] not in old_ids]
        change.removed = [a for a in old or [] if a["id"] not in new_ids]
    return change


def task_field_changes(old: dict, new: dict) -> dict[str, FieldChange]:
    """The contract's task fields that differ, in the contract's order."""
    changes = {}
    for name in TASK_FIELDS:
        change = field_change(name, old.get(name), new.get(name), _TASK_KEYS[name])
        if change is not None:
            changes[name] = change
    return changes


def diff_document(old: dict, new: dict) -> dict[str, FieldChange]:
    """Header fields that differ (number, date, signer, title, ...), in the old key order."""
    names = list(old) + [k for k in new if k not in old]
    changes = {}
    for name in names:
        change = field_change(name, old.get(name), new.get(name))
        if change is not None:
            changes[name] = change
    return changes


# --- alignment ----------------------------------------------------------------------


def _codes(old: list, new: list) -> tuple[np.ndarray, np.ndarray]:
    """Hashable values as integer codes shared by both lists, for vectorised equality."""
    codes: dict[Any, int] = {}
    return (np.array([codes.setdefault(v, len(codes)) for v in old]),
            np.array([codes.setdefault(v, len(codes)) for v in new]))


def tie_break_bonus(old: list[dict], new: list[dict]) -> np.ndarray:
    """LEAD_BONUS where the lead sets agree, GROUP_BONUS where the groups agree."""
    old_leads, new_leads = _codes([agency_ids(t["lead"]) for t in old], [agency_ids(t["lead"]) for t in new])
    old_groups, new_groups = _codes([t["group"] for t in old], [t["group"] for t in new])
    return (LEAD_BONUS * np.equal.outer(old_leads, new_leads)
            + GROUP_BONUS * np.equal.outer(old_groups, new_groups)).astype(np.float32)


def align_tasks(old: list[dict], new: list[dict], threshold: float = DEFAULT_THRESHOLD) -> Alignment:
    """Match tasks by content, lead and group as tie-breakers; numbers play no part."""
    bonus = tie_break_bonus(old, new) if old and new else None
    return align([t["content"] for t in old], [t["content"] for t in new], bonus, threshold)


def diff_tasks(old: list[dict], new: list[dict], threshold: float = DEFAULT_THRESHOLD) -> TaskDiff:
    """Added, removed, changed (with both numbers), renumbered and unchanged tasks."""
    alignment = align_tasks(old, new, threshold)
    result = TaskDiff(
        added=[AddedTask(new[j]["number"], new[j], j) for j in alignment.added],
        removed=[RemovedTask(old[i]["number"], old[i], i) for i in alignment.removed],
    )
    for i, j in alignment.pairs:
        old_number, new_number = old[i]["number"], new[j]["number"]
        fields = task_field_changes(old[i], new[j])
        if fields:
            result.changed.append(TaskChange(old_number, new_number, fields, i, j))
        elif str(old_number) != str(new_number):
            result.renumbered.append(Renumbered(old_number, new_number))
        else:
            result.unchanged += 1
    return result


# --- the whole plan -----------------------------------------------------------------


def document_id(doc: dict) -> DocumentId:
    """An attachment has no `source` of its own: its sha256 is null."""
    return DocumentId(doc["document"].get("code"), (doc.get("source") or {}).get("sha256"),
                      doc["document"].get("issued_date"))


def diff_attachments(old: list[dict], new: list[dict], threshold: float = DEFAULT_THRESHOLD) -> list[AttachmentDiff]:
    """Attachments paired by position (a decision issues its documents in a fixed order); a pair
    of different types is not the same document: one removed, one added."""
    out = []
    for i in range(max(len(old), len(new))):
        a, b = (old[i] if i < len(old) else None), (new[i] if i < len(new) else None)
        types = [d["document"].get("type_name") if d else None for d in (a, b)]
        if a is not None and b is not None and types[0] == types[1]:
            out.append(AttachmentDiff(i, *types, diff_plans(a, b, threshold)))
            continue
        if a is not None:
            out.append(AttachmentDiff(i, types[0], None, None))
        if b is not None:
            out.append(AttachmentDiff(i, None, types[1], None))
    return out


def diff_plans(old: dict, new: dict, threshold: float = DEFAULT_THRESHOLD) -> PlanDiff:
    """Everything that differs between two contract dicts (old revision, new revision)."""

    return PlanDiff(
        old=document_id(old),
        new=document_id(new),
        document=diff_document(old["document"], new["document"]),
        tasks=diff_tasks(old["tasks"], new["tasks"], threshold),
        sections=diff_sections(old["sections"], new["sections"], threshold),
        references=diff_references(old["references"], new["references"]),
        attachments=diff_attachments(old.get("attachments") or [], new.get("attachments") or [], threshold),
    )
