"""Compare two converted plans: tasks added, dropped, reassigned, reworded, renumbered.

Revisions of a plan renumber their task rows, so a diff keyed on the TT column
reports almost everything as changed. Tasks are matched here by what they say:
an optimal one-to-one matching (`scipy.optimize.linear_sum_assignment`) over
content similarities (`rapidfuzz`), with the lead agency and the group as small
bonuses that only break near-ties. A pair below `DEFAULT_THRESHOLD` is not the
same task edited but one task dropped and another added.

Every function takes and returns plain values (the contract's dicts in, the
dataclasses below out); `diff_render.diff_to_dict` gives the JSON of the
contract's Diff section.
"""
from __future__ import annotations

import difflib
import re
import unicodedata
from dataclasses import dataclass, field
from typing import Any, Callable, Iterator

import numpy as np
from rapidfuzz import fuzz, process
from scipy.optimize import linear_sum_assignment

from pipeline.normalize.text import normalize_text

# Content similarity (0-100) below which two tasks are different tasks.
DEFAULT_THRESHOLD = 60.0
# Added to the similarity when the lead agencies (as a set) are the same.
LEAD_BONUS = 1.0
# Added to the similarity when the group heading is the same.
GROUP_BONUS = 0.5
# Subtracted at most, for the largest distance in position: keeps identical duplicates in order.
POSITION_PENALTY = 0.1

TASK_FIELDS = ("content", "lead", "cooperating", "timeframe", "submit_to", "output", "note", "group")
# Fields holding free text: their changes carry a word-level diff.
TEXT_FIELDS = frozenset({"content", "output", "note", "title"})
# Fields holding a list of agencies, compared as sets of ids.
AGENCY_LIST_FIELDS = frozenset({"lead", "cooperating"})

_WORD_CHARS = re.compile(r"\w+")

Number = int | str


@dataclass(frozen=True)
class WordOp:
    """One run of words in a word-level diff: kept, deleted from old, or inserted in new."""

    op: str  # "equal" | "delete" | "insert"
    text: str


@dataclass
class FieldChange:
    """A field's old and new value; extras say what moved inside it."""

    old: Any
    new: Any
    words: list[WordOp] | None = None  # text fields: the word-level diff
    added: list[dict] | None = None  # agency lists: agencies only in new
    removed: list[dict] | None = None  # agency lists: agencies only in old


@dataclass
class Alignment:
    """A one-to-one matching of two lists by index; the rest is removed or added."""

    pairs: list[tuple[int, int]]  # (old index, new index), in new order
    removed: list[int]
    added: list[int]


@dataclass
class AddedTask:
    new_number: Number
    task: dict


@dataclass
class RemovedTask:
    old_number: Number
    task: dict


@dataclass
class TaskChange:
    old_number: Number
    new_number: Number
    fields: dict[str, FieldChange]


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
class IndexedText:
    """A paragraph by its 0-based index in its section's paragraph list."""

    index: int
    text: str


@dataclass
class ParagraphChange:
    old_index: int
    new_index: int
    old: str
    new: str
    words: list[WordOp]


@dataclass
class ParagraphDiff:
    added: list[IndexedText] = field(default_factory=list)
    removed: list[IndexedText] = field(default_factory=list)
    changed: list[ParagraphChange] = field(default_factory=list)


@dataclass
class SectionEntry:
    """A section only one side has; its children are entries of their own."""

    path: str
    title: str | None
    paragraphs: list[str]


@dataclass
class SectionChange:
    """A section both sides have at `path`: titles (`old`, `new`) and paragraph changes."""

    path: str
    old: str | None
    new: str | None
    paragraphs: ParagraphDiff


@dataclass
class SectionDiff:
    added: list[SectionEntry] = field(default_factory=list)
    removed: list[SectionEntry] = field(default_factory=list)
    changed: list[SectionChange] = field(default_factory=list)


@dataclass
class ReferenceDiff:
    added: list[dict] = field(default_factory=list)
    removed: list[dict] = field(default_factory=list)


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

    def is_empty(self) -> bool:
        """True when there is nothing to report: every task matched with its number, no other change."""
        t, s, r = self.tasks, self.sections, self.references
        return not (self.document or t.added or t.removed or t.changed or t.renumbered
                    or s.added or s.removed or s.changed or r.added or r.removed)


# --- comparison keys ----------------------------------------------------------------


def text_key(value: str | None) -> str | None:
    """What two texts must share to be equal: tone convention and spacing do not count."""
    return None if value is None else normalize_text(value)


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


def word_diff(old: str, new: str) -> list[WordOp]:
    """The word-level diff of two texts, as runs; a replaced run is a delete then an insert."""
    a, b = normalize_text(old).split(), normalize_text(new).split()
    ops: list[WordOp] = []
    for tag, i1, i2, j1, j2 in difflib.SequenceMatcher(None, a, b, autojunk=False).get_opcodes():
        if tag == "equal":
            ops.append(WordOp("equal", " ".join(a[i1:i2])))
            continue
        if i2 > i1:
            ops.append(WordOp("delete", " ".join(a[i1:i2])))
        if j2 > j1:
            ops.append(WordOp("insert", " ".join(b[j1:j2])))
    return ops


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


def match_tokens(text: str | None) -> tuple[str, ...]:
    """The words fuzzy matching compares: NFC, case-folded, punctuation dropped.

    Matching works on words, not characters: a task is edited word by word, and
    comparing 50 words is ten times faster than comparing 300 characters.
    Tone placement is not normalised here (it is slow); it moves a word or two at most.
    """
    return tuple(_WORD_CHARS.findall(unicodedata.normalize("NFC", text or "").casefold()))


def _encode(*sides: list[tuple[str, ...]]) -> list[list[list[int]]]:
    """Words as integers shared by both sides, so rapidfuzz compares sequences of ints."""
    vocabulary: dict[str, int] = {}
    return [[[vocabulary.setdefault(w, len(vocabulary)) for w in words] for words in side] for side in sides]


def _unique_exact_pairs(old: list[tuple[str, ...]], new: list[tuple[str, ...]]) -> list[tuple[int, int]]:
    """Pairs of identical texts that occur once on each side: matched before the (costly) matrix.

    Swapping such a pair into any matching never lowers its total, so the result
    is still optimal; texts repeated on a side are left to the matrix and its tie-breakers.
    """
    def once(keys: list[tuple[str, ...]]) -> dict[tuple[str, ...], int]:
        seen: dict[tuple[str, ...], list[int]] = {}
        for i, key in enumerate(keys):
            seen.setdefault(key, []).append(i)
        return {key: found[0] for key, found in seen.items() if len(found) == 1}

    old_once, new_once = once(old), once(new)
    return [(i, new_once[key]) for key, i in old_once.items() if key in new_once]


def align(old_texts: list[str], new_texts: list[str], bonus: np.ndarray | None = None,
          threshold: float = DEFAULT_THRESHOLD) -> Alignment:
    """Match two lists of texts one-to-one so that the total similarity is highest.

    Args:
        old_texts, new_texts: the texts to match.
        bonus: an (old × new) array added to the similarity to break near-ties.
        threshold: pairs whose word similarity (0-100) is below it are left unmatched.
    """
    old_keys, new_keys = [match_tokens(t) for t in old_texts], [match_tokens(t) for t in new_texts]
    pairs = _unique_exact_pairs(old_keys, new_keys)
    rows = [i for i in range(len(old_keys)) if i not in {i for i, _ in pairs}]
    cols = [j for j in range(len(new_keys)) if j not in {j for _, j in pairs}]
    if rows and cols:
        old_ids, new_ids = _encode([old_keys[i] for i in rows], [new_keys[j] for j in cols])
        similarity = process.cdist(old_ids, new_ids, scorer=fuzz.ratio, dtype=np.float32)
        distance = np.abs(np.array(rows)[:, None] - np.array(cols)[None, :])
        score = similarity - POSITION_PENALTY * distance / max(len(old_keys), len(new_keys))
        if bonus is not None:
            score += bonus[np.ix_(rows, cols)]
        acceptable = similarity >= threshold
        score = np.where(acceptable, score, 0.0)  # never worth more than no match
        for r, c in zip(*linear_sum_assignment(score, maximize=True)):
            if acceptable[r, c]:
                pairs.append((rows[r], cols[c]))
    pairs.sort(key=lambda p: p[1])
    old_done, new_done = {i for i, _ in pairs}, {j for _, j in pairs}
    return Alignment(pairs, [i for i in range(len(old_keys)) if i not in old_done],
                     [j for j in range(len(new_keys)) if j not in new_done])


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
        added=[AddedTask(new[j]["number"], new[j]) for j in alignment.added],
        removed=[RemovedTask(old[i]["number"], old[i]) for i in alignment.removed],
    )
    for i, j in alignment.pairs:
        old_number, new_number = old[i]["number"], new[j]["number"]
        fields = task_field_changes(old[i], new[j])
        if fields:
            result.changed.append(TaskChange(old_number, new_number, fields))
        elif str(old_number) != str(new_number):
            result.renumbered.append(Renumbered(old_number, new_number))
        else:
            result.unchanged += 1
    return result


# --- sections and references --------------------------------------------------------


def section_paths(sections: list[dict], prefix: str = "") -> Iterator[tuple[str, dict]]:
    """(path, section) in reading order; "II.3" for section 3 under II.

    An unnumbered section is "#k" (its place among its siblings); a label seen
    twice under one parent gets "~2", so every path is unique.
    """
    seen: dict[str, int] = {}
    for place, section in enumerate(sections, 1):
        label = section["number"] or f"#{place}"
        seen[label] = seen.get(label, 0) + 1
        if seen[label] > 1:
            label = f"{label}~{seen[label]}"
        path = f"{prefix}.{label}" if prefix else label
        yield path, section
        yield from section_paths(section["children"], path)


def diff_paragraphs(old: list[str], new: list[str], threshold: float = DEFAULT_THRESHOLD) -> ParagraphDiff:
    """Paragraph-level changes: an edited paragraph is changed, not removed and added."""
    result = ParagraphDiff()
    if old == new:
        return result
    matcher = difflib.SequenceMatcher(None, [text_key(p) for p in old], [text_key(p) for p in new], autojunk=False)
    for tag, i1, i2, j1, j2 in matcher.get_opcodes():
        if tag == "equal":
            continue
        block = align(old[i1:i2], new[j1:j2], threshold=threshold)
        for i, j in block.pairs:
            result.changed.append(ParagraphChange(i1 + i, j1 + j, old[i1 + i], new[j1 + j],
                                                  word_diff(old[i1 + i], new[j1 + j])))
        result.removed.extend(IndexedText(i1 + i, old[i1 + i]) for i in block.removed)
        result.added.extend(IndexedText(j1 + j, new[j1 + j]) for j in block.added)
    return result


def _texts(section: dict) -> list[str]:
    return [p["text"] for p in section["paragraphs"]]


def diff_sections(old: list[dict], new: list[dict], threshold: float = DEFAULT_THRESHOLD) -> SectionDiff:
    """Section tree changes matched by path ("II.3"), paragraphs compared inside each."""
    old_paths, new_paths = dict(section_paths(old)), dict(section_paths(new))
    result = SectionDiff(
        added=[SectionEntry(p, s["title"], _texts(s)) for p, s in new_paths.items() if p not in old_paths],
        removed=[SectionEntry(p, s["title"], _texts(s)) for p, s in old_paths.items() if p not in new_paths],
    )
    for path, new_section in new_paths.items():
        old_section = old_paths.get(path)
        if old_section is None:
            continue
        paragraphs = diff_paragraphs(_texts(old_section), _texts(new_section), threshold)
        same_title = text_key(old_section["title"]) == text_key(new_section["title"])
        if not same_title or paragraphs.added or paragraphs.removed or paragraphs.changed:
            result.changed.append(SectionChange(path, old_section["title"], new_section["title"], paragraphs))
    return result


def diff_references(old: list[dict], new: list[dict]) -> ReferenceDiff:
    """References cited only by the new document (added) or only by the old one (removed)."""
    old_ids, new_ids = {r["id"] for r in old}, {r["id"] for r in new}
    return ReferenceDiff([r for r in new if r["id"] not in old_ids], [r for r in old if r["id"] not in new_ids])


# --- the whole plan -----------------------------------------------------------------


def document_id(doc: dict) -> DocumentId:
    return DocumentId(doc["document"].get("code"), doc["source"].get("sha256"), doc["document"].get("issued_date"))


def diff_plans(old: dict, new: dict, threshold: float = DEFAULT_THRESHOLD) -> PlanDiff:
    """Everything that differs between two contract dicts (old revision, new revision)."""
    return PlanDiff(
        old=document_id(old),
        new=document_id(new),
        document=diff_document(old["document"], new["document"]),
        tasks=diff_tasks(old["tasks"], new["tasks"], threshold),
        sections=diff_sections(old["sections"], new["sections"], threshold),
        references=diff_references(old["references"], new["references"]),
    )
