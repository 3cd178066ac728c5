"""The body's heading tree: I. → 1. → 1.1. → a), "Điều 1." and "Chương I" too.

Levels are not fixed by the numbering style: the first style met becomes
level 1, a new style opens a deeper level, a style seen before closes back
to its level. So a plan that starts at "1." (no Roman part) still nests.
"""
from __future__ import annotations

import re
from dataclasses import dataclass

from pipeline.ir import Paragraph
from pipeline.structure.types import RawSection
from pipeline.text import is_upper

# A numbered line longer than this, or ending a sentence, is a numbered paragraph, not a heading.
MAX_HEADING_CHARS = 160

_NUMBERING = (
    ("chuong", re.compile(r"^(Chương\s+[IVXLC\d]+)\s*[.:]?\s*(.*)$", re.I)),
    ("muc", re.compile(r"^(Mục\s+\d+)\s*[.:]?\s*(.*)$")),
    ("dieu", re.compile(r"^(Điều\s+\d+)\s*[.:]?\s*(.*)$")),
    # Roman numerals; a lone C, L, D or M is a letter ("C. TỔ CHỨC THỰC HIỆN" after "B."):
    # no plan reaches part 50 or 100.
    ("roman", re.compile(r"^(?![CLDM]\.)([IVXLC]+)\.\s*(.*)$")),
    ("upper_letter", re.compile(r"^([A-ZĐ])\.\s+(.*)$")),
    ("dotted", re.compile(r"^(\d+\.\d+(?:\.\d+)*)\.?\s+(.*)$")),
    ("arabic", re.compile(r"^(\d+)\.\s*(.*)$")),
    ("letter", re.compile(r"^([a-zđ])\)\s*(.*)$")),
)


# A colon after at most this many words ends an inline heading ("Cơ quan chỉ đạo: ...").
MAX_LABEL_WORDS = 6
_INLINE_LABEL = re.compile(r"^(?P<label>[^:;,.\d]{2,60}?)\s*:\s*(?P<rest>\S.*)$")

# Parts whose name a law or a regulation prints on the line under the label ("Chương I" / "NHỮNG QUY ĐỊNH CHUNG").
_PART_STYLES = frozenset({"chuong", "muc"})

# Numbering styles that open the section tree even on a plain (non-heading) paragraph.
_TOP_STYLES = frozenset({"roman", "dieu", "chuong"})


@dataclass(frozen=True)
class Numbered:
    style: str
    label: str
    rest: str


def match_numbering(text: str) -> Numbered | None:
    """The numbering of a line: ("roman", "II", "NHIỆM VỤ ..."), or None for plain text."""
    for style, pattern in _NUMBERING:
        if m := pattern.match(text.strip()):
            return Numbered(style, m.group(1), m.group(2).strip())
    return None


def is_heading(para: Paragraph, numbered: Numbered) -> bool:
    """Whether a numbered paragraph is a heading (title) rather than a numbered body paragraph."""
    if para.bold:
        return True
    rest = numbered.rest
    return bool(rest) and len(rest) <= MAX_HEADING_CHARS and not re.search(r"[.;:]$", rest)


def build_sections(paragraphs: list[Paragraph]) -> tuple[list[str], list[RawSection]]:
    """The preamble (text before the first heading) and the section tree."""
    preamble: list[str] = []
    roots: list[RawSection] = []
    stack: list[tuple[str, RawSection]] = []  # (style, section), outermost first
    misread_one = _misread_roman_one(paragraphs)
    for index, para in enumerate(paragraphs):
        numbered = match_numbering(para.text)
        if index == misread_one:
            numbered = Numbered("roman", "I", para.text.strip()[2:].strip())
        if numbered is None or (not stack and not is_heading(para, numbered) and numbered.style not in _TOP_STYLES):
            _add_text(para, stack, preamble)
            continue
        numbered = _roman_in_sequence(_letter_in_sequence(numbered, stack), stack)
        styles = [s for s, _ in stack]
        if numbered.style in styles:
            del stack[styles.index(numbered.style):]
        heading = is_heading(para, numbered)
        title, text = (numbered.rest, None) if heading else split_label(numbered.rest)
        section = RawSection(
            number=numbered.label,
            title=title,
            level=len(stack) + 1,
            paragraphs=[text] if text else [],
            pages=para.pages,
            paragraph_pages=[para.pages] if text else [],
        )
        (stack[-1][1].children if stack else roots).append(section)
        stack.append((numbered.style, section))
    return preamble, roots


def split_label(text: str) -> tuple[str | None, str]:
    """("Danh nghĩa tổ chức", "Thành ủy, ...") from "Danh nghĩa tổ chức: Thành ủy, ...".

    A numbered paragraph that opens with a short label and a colon carries its
    heading inline (the label is printed bold); a long run before the colon is
    a sentence, not a label.
    """
    m = _INLINE_LABEL.match(text)
    if m and len(m.group("label").split()) <= MAX_LABEL_WORDS:
        return m.group("label").strip(), m.group("rest").strip()
    return None, text


def _letter_in_sequence(numbered: Numbered, stack: list[tuple[str, RawSection]]) -> Numbered:
    """"I." right after a part "H." is the letter I, not Roman one (likewise V after U, X after W)."""
    if numbered.style != "roman" or len(numbered.label) != 1:
        return numbered
    for style, section in stack:
        if style == "upper_letter" and section.number and ord(section.number) + 1 == ord(numbered.label):
            return Numbered("upper_letter", numbered.label, numbered.rest)
    return numbered


def _roman_in_sequence(numbered: Numbered, stack: list[tuple[str, RawSection]]) -> Numbered:
    """"II." right after part "II." is "III.": OCR drops a stroke of a bold "III" (never adds one).

    Only runs of I are so confused; a label lower than the last ("I." after "III.")
    is a numbering that starts again and stays as it is.
    """
    if numbered.style != "roman" or set(numbered.label) != {"I"}:
        return numbered
    last = next((section.number for style, section in stack if style == "roman"), None)
    if last and set(last) == {"I"} and len(numbered.label) == len(last) and len(last) < 3:
        return Numbered("roman", "I" * (len(last) + 1), numbered.rest)
    return numbered


# "1." or "l." before an upper-case title: the Roman "I." as OCR reads it, when "II." follows.
_ONE_MISREAD = re.compile(r"^[1l|]\.\s*[A-ZĐÀ-Ỹ]")


def _misread_roman_one(paragraphs: list[Paragraph]) -> int | None:
    """The index of the paragraph "1. MỤC ĐÍCH" that is part "I." misread by OCR, or None.

    It is the first numbered paragraph, upper-case, and a later one starts "II."
    while none starts "I.".
    """
    first = next((i for i, p in enumerate(paragraphs) if match_numbering(p.text) or _ONE_MISREAD.match(p.text)), None)
    if first is None or not _ONE_MISREAD.match(paragraphs[first].text):
        return None
    if not paragraphs[first].text[2:].strip().isupper():
        return None
    labels = [m.label for p in paragraphs[first + 1:] if (m := match_numbering(p.text)) and m.style == "roman"]
    return first if "II" in labels and "I" not in labels else None


def _add_text(para: Paragraph, stack: list[tuple[str, RawSection]], preamble: list[str]) -> None:
    """A plain paragraph goes to the innermost open heading.

    After a numbered body paragraph ("4. Yêu cầu các sở ..."), an unnumbered,
    unbulleted paragraph closes the list and belongs to the parent heading.
    """
    text = para.text
    if not stack:
        preamble.append(text)
        return
    style, target = stack[-1]
    if _names_part(style, target, text):
        target.title = text.strip()
        return
    if target.title is None and not re.match(r"^[-+•]", text) and len(stack) > 1:
        target = stack[-2][1]
    target.paragraphs.append(text)
    target.paragraph_pages.append(para.pages)


def _names_part(style: str, section: RawSection, text: str) -> bool:
    """The upper-case line right under a bare "Chương I" or "Mục 2" is its name."""
    return (style in _PART_STYLES and not section.title and not section.paragraphs and not section.children
            and is_upper(text) and len(text.strip()) <= MAX_HEADING_CHARS)
