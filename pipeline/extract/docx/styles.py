"""Style resolution for the DOCX extractor: what Word shows when a run or paragraph says nothing.

A run's bold/italic and a paragraph's alignment or indent may be set on the
element itself, on its character or paragraph style, on any style that one is
``w:basedOn``, or in the document defaults. These helpers walk that chain over
the raw styles.xml so the extractor can ask one question per property.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import Iterator

from docx.oxml.ns import qn
from lxml import etree

_FALSE_VALUES = {"0", "false", "off", "none"}


@dataclass(frozen=True)
class Styles:
    """styles.xml indexed: styles by id, the default style id per type, and w:docDefaults."""

    by_id: dict[str, etree._Element] = field(default_factory=dict)
    defaults: dict[str, str] = field(default_factory=dict)
    doc_defaults: etree._Element | None = None
    # What the style levels say of a run flag, per (character style, paragraph style, tag): a
    # document has a few dozen such triples and thousands of runs.
    inherited_flags: dict[tuple[str | None, str | None, str], bool | None] = field(default_factory=dict)


def load_styles(root: etree._Element | None) -> Styles:
    """Index a styles part (None when the package has none: everything then resolves to unset)."""
    if root is None:
        return Styles()
    by_id, defaults = {}, {}
    for style in root.iter(qn("w:style")):
        style_id = style.get(qn("w:styleId"))
        by_id[style_id] = style
        if is_on(style.get(qn("w:default"))) and style.get(qn("w:default")) is not None:
            defaults.setdefault(style.get(qn("w:type")), style_id)
    return Styles(by_id, defaults, root.find(qn("w:docDefaults")))


def style_chain(style_id: str | None, style_type: str, styles: Styles) -> Iterator[etree._Element]:
    """The style (or the type's default style) and its w:basedOn ancestors, nearest first; cycles cut."""
    style_id = style_id or styles.defaults.get(style_type)
    seen: set[str] = set()
    while style_id and style_id not in seen and style_id in styles.by_id:
        seen.add(style_id)
        style = styles.by_id[style_id]
        yield style
        style_id = val(style, "w:basedOn")


def is_on(value: str | None) -> bool:
    """OOXML on/off attribute: absent means on."""
    return value is None or value.lower() not in _FALSE_VALUES


def child(element: etree._Element | None, *path: str) -> etree._Element | None:
    """element/path[0]/path[1]/..., or None as soon as a step is missing."""
    for tag in path:
        if element is None:
            return None
        element = element.find(qn(tag))
    return element


def val(element: etree._Element | None, *path: str) -> str | None:
    """The w:val attribute at element/path, or None."""
    found = child(element, *path)
    return None if found is None else found.get(qn("w:val"))


def int_val(element: etree._Element | None, *path: str, default: int) -> int:
    """w:val at element/path as an int; ``default`` when absent or malformed."""
    try:
        return int(val(element, *path) or default)
    except ValueError:
        return default


def run_flag(r: etree._Element, tag: str, styles: Styles, para_style: str | None) -> bool:
    """A run's on/off property (w:b, w:i, w:caps...) resolved run -> character style ->
    paragraph style -> document defaults, the first level that sets it winning.

    (Word treats some of these as toggles across style levels; nobody writes files
    that depend on it, so the nearest setting wins.)
    """
    flag = child(r, "w:rPr", tag)
    if flag is not None:
        return is_on(flag.get(qn("w:val")))
    key = (val(r, "w:rPr", "w:rStyle"), para_style, tag)
    if key not in styles.inherited_flags:
        styles.inherited_flags[key] = _inherited_flag(*key, styles)
    return bool(styles.inherited_flags[key])


def _inherited_flag(char_style: str | None, para_style: str | None, tag: str, styles: Styles) -> bool | None:
    """A run flag as the style levels set it (None when none does)."""
    sources = [child(s, "w:rPr") for s in style_chain(char_style, "character", styles)]
    sources += [child(s, "w:rPr") for s in style_chain(para_style, "paragraph", styles)]
    sources.append(child(styles.doc_defaults, "w:rPrDefault", "w:rPr"))
    for rpr in sources:
        flag = child(rpr, tag)
        if flag is not None:
            return is_on(flag.get(qn("w:val")))
    return None


def paragraph_property(p: etree._Element, path: tuple[str, ...], styles: Styles) -> etree._Element | None:
    """A w:pPr descendant (w:jc, w:ind, w:numPr/w:numId...) from the paragraph, its style chain
    or the document defaults, nearest first."""
    sources = [child(p, "w:pPr")]
    sources += [child(s, "w:pPr") for s in style_chain(val(p, "w:pPr", "w:pStyle"), "paragraph", styles)]
    sources.append(child(styles.doc_defaults, "w:pPrDefault", "w:pPr"))
    for ppr in sources:
        found = child(ppr, *path)
        if found is not None:
            return found
    return None
