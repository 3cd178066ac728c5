"""Compare the prose of two plans: section tree, paragraphs and references.

The task table is where revisions change most and needs its own matching
(`diff.align_tasks`); the rest of a plan is a tree of numbered sections, matched
by path ("II.3"), with paragraphs compared inside each, and a list of references
matched by id. Kept apart from `diff` so each module stays small; it reuses that
module's text matching (`align`, `word_diff`, `text_key`) and `diff.diff_plans`
puts both halves together.
"""
from __future__ import annotations

import difflib
from dataclasses import dataclass, field
from typing import Iterator

from pipeline.diff.align import DEFAULT_THRESHOLD, WordOp, align, text_key, word_diff


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
