"""Automatic list numbering for the DOCX extractor.

Word stores "1.", "a)", "II." of a numbered list in numbering.xml, not in the
paragraph text; a PDF of the same document shows them. Rendering the labels keeps
the IR the same whichever format the plan came in, so section and row numbers
survive.
"""
from __future__ import annotations

from docx.oxml.ns import qn
from lxml import etree

from pipeline.extract.docx.styles import Styles, child, int_val, paragraph_property, val


class Numbering:
    """Renders list labels ("1.", "a)", "II.") that Word draws but does not store as text.

    Counters are kept per abstract list, as Word does for numbering instances that
    share one, and restart where an instance overrides its start value.
    """

    def __init__(self, root: etree._Element | None) -> None:
        self.abstract = {}
        self.nums = {}
        self.counters: dict[str, dict[int, int]] = {}
        self.started: set[str] = set()
        if root is None:
            return
        for abstract in root.iter(qn("w:abstractNum")):
            self.abstract[abstract.get(qn("w:abstractNumId"))] = abstract
        for num in root.iter(qn("w:num")):
            self.nums[num.get(qn("w:numId"))] = num

    def label(self, p: etree._Element, styles: Styles) -> str:
        """The label of paragraph ``p`` (advancing its list's counters), or "" when unnumbered."""
        num_id = val(paragraph_property(p, ("w:numPr", "w:numId"), styles))
        num = self.nums.get(num_id)
        if num is None:
            return ""
        ilvl = int_val(paragraph_property(p, ("w:numPr", "w:ilvl"), styles), default=0)
        abstract_id = val(num, "w:abstractNumId")
        levels = self._levels(num, self.abstract.get(abstract_id))
        if ilvl not in levels:
            return ""
        counters = self.counters.setdefault(abstract_id, {})
        if num_id not in self.started:  # a w:startOverride restarts the shared list
            self.started.add(num_id)
            for override in num.iter(qn("w:lvlOverride")):
                start = val(override, "w:startOverride")
                if start is not None and start.isdigit():
                    counters[int(override.get(qn("w:ilvl"), 0))] = int(start) - 1
        counters[ilvl] = counters[ilvl] + 1 if ilvl in counters else level_start(levels[ilvl])
        for deeper in [lvl for lvl in counters if lvl > ilvl]:
            del counters[deeper]
        return _render_level(levels, ilvl, counters)

    @staticmethod
    def _levels(num: etree._Element, abstract: etree._Element | None) -> dict[int, etree._Element]:
        """Level definitions by ilvl: the abstract list's, replaced by the instance's overrides."""
        levels = {}
        for lvl in abstract.iter(qn("w:lvl")) if abstract is not None else ():
            levels[int(lvl.get(qn("w:ilvl"), 0))] = lvl
        for override in num.iter(qn("w:lvlOverride")):
            lvl = child(override, "w:lvl")
            if lvl is not None:
                levels[int(override.get(qn("w:ilvl"), 0))] = lvl
        return levels


def level_start(lvl: etree._Element) -> int:
    return int_val(lvl, "w:start", default=1)


def _render_level(levels: dict[int, etree._Element], ilvl: int, counters: dict[int, int]) -> str:
    """Fill a level's w:lvlText ("%1.%2.") with each level's counter in that level's format."""
    lvl = levels[ilvl]
    fmt = val(lvl, "w:numFmt") or "decimal"
    text = val(lvl, "w:lvlText") or ""
    if fmt == "bullet":
        return "".join("•" if 0xE000 <= ord(ch) <= 0xF8FF else ch for ch in text).strip()
    legal = child(lvl, "w:isLgl") is not None
    for level in range(9):
        if f"%{level + 1}" in text:
            count = counters.get(level, level_start(levels[level]) if level in levels else 1)
            level_fmt = "decimal" if legal or level not in levels else (val(levels[level], "w:numFmt") or "decimal")
            text = text.replace(f"%{level + 1}", format_number(count, level_fmt))
    return text.strip()


def format_number(value: int, fmt: str) -> str:
    """A counter in a w:numFmt: decimal, decimalZero, upper/lowerRoman, upper/lowerLetter; none.

    Formats we do not know (ordinal words, Asian digits) fall back to decimal.
    """
    if fmt == "none":
        return ""
    if fmt in ("upperRoman", "lowerRoman") and value > 0:
        roman = _to_roman(value)
        return roman if fmt == "upperRoman" else roman.lower()
    if fmt in ("upperLetter", "lowerLetter") and value > 0:
        letters = chr(ord("a") + (value - 1) % 26) * ((value - 1) // 26 + 1)
        return letters.upper() if fmt == "upperLetter" else letters
    if fmt == "decimalZero":
        return f"{value:02d}"
    return str(value)


def _to_roman(value: int) -> str:
    numerals = ((1000, "M"), (900, "CM"), (500, "D"), (400, "CD"), (100, "C"), (90, "XC"),
                (50, "L"), (40, "XL"), (10, "X"), (9, "IX"), (5, "V"), (4, "IV"), (1, "I"))
    out = []
    for number, numeral in numerals:
        count, value = divmod(value, number)
        out.append(numeral * count)
    return "".join(out)


