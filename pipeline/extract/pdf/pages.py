"""A PDF's pages as read (`PageContent`: lines outside tables, ruled tables) turned into
IR blocks: running headers and footers dropped, each page's lines split into paragraphs
and side-by-side bands in reading order, paragraphs cut by a page break joined again.

Pure functions over layout values, so they run the same on text-layer and OCR pages
and are testable without a PDF (`pdf` reads the pages, this module lays them out).
"""
from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, replace
from functools import cache

from pipeline.data import load_lines
from pipeline.extract.layout import (
    LIST_MARKER,
    Band,
    Line,
    band_to_table,
    find_bands,
    lines_to_paragraphs,
    text_bounds,
)
from pipeline.ir import Block, Paragraph, Table
from pipeline.text import folded, join_wrapped

# Top and bottom strips of the page (fraction of its height) where running headers and footers live.
MARGIN_STRIP = 0.08

_PAGE_NUMBER = re.compile(r"^(?:[-–—]\s*)?(?:trang\s*)?\d{1,4}(?:\s*/\s*\d{1,4})?(?:\s*[-–—])?$", re.I)


@dataclass(frozen=True)
class PageContent:
    number: int
    width: float
    height: float
    lines: tuple[Line, ...]
    tables: tuple[tuple[tuple[float, float, float, float], Table], ...]
    # Characters of the page's own text layer (0 on a scanned page; stamped annotation text aside).
    char_count: int = 0
    # Share of those characters that are glyphs without a Unicode mapping.
    unmapped: float = 0.0


def is_margin_noise(line: Line, height: float) -> bool:
    in_strip = line.top < MARGIN_STRIP * height or line.bottom > (1 - MARGIN_STRIP) * height
    return in_strip and bool(_PAGE_NUMBER.match(line.text.strip()))


def drop_running_lines(pages: list[PageContent]) -> list[PageContent]:
    """Remove running headers/footers: the same text in a margin strip on most pages.

    Page 1 is never touched: running headers start on page 2 (Nghị định
    30/2020/NĐ-CP), and the first page's top strip is the document header,
    which an appendix may repeat on later pages. Nor is the top strip of a page
    that starts a document of its own (the national motto printed there): three
    letters of one issuer in one PDF print the same issuer line at the same place.
    """
    if len(pages) < 3:
        return pages

    def key(line: Line) -> str:
        return re.sub(r"\d+", "#", line.text)

    def in_top(line: Line, page: PageContent) -> bool:
        return line.top < MARGIN_STRIP * page.height

    def in_bottom(line: Line, page: PageContent) -> bool:
        return line.bottom > (1 - MARGIN_STRIP) * page.height

    later = pages[1:]
    counts: Counter[str] = Counter()
    for p in later:
        counts.update({key(ln) for ln in p.lines if in_top(ln, p) or in_bottom(ln, p)})
    running = {k for k, n in counts.items() if n >= max(2, len(later) // 2)}

    def kept(line: Line, page: PageContent, opens: bool) -> bool:
        # On page 1 (and a page opening a document) only footers go: its top strip is a document header.
        if opens:
            return not (in_bottom(line, page) and key(line) in running)
        return key(line) not in running or not (in_top(line, page) or in_bottom(line, page))

    def opens_document(page: PageContent) -> bool:
        return page.number == pages[0].number or any(in_top(ln, page) and _holds_motto(ln.text) for ln in page.lines)

    return [replace(p, lines=tuple(ln for ln in p.lines if kept(ln, p, opens))) for p in pages
            for opens in [opens_document(p)]]


@cache
def _motto_keys() -> tuple[str, ...]:
    """The national motto's lines (and the Party's name), folded to letters (data/national_motto.txt)."""
    return tuple(_letters(line) for line in load_lines("national_motto.txt"))


def _letters(text: str) -> str:
    return re.sub(r"[\W_]+", "", folded(text))


def _holds_motto(text: str) -> bool:
    key = _letters(text)
    return any(m in key for m in _motto_keys())


def page_blocks(page: PageContent) -> list[Block]:
    """A page's paragraphs, layout tables and ruled tables in top-to-bottom order."""
    items: list[tuple[float, Block | list[Line]]] = []
    run: list[Line] = []
    bounds = text_bounds(list(page.lines))

    def flush() -> None:
        if run:
            items.append((run[0].top, list(run)))
            run.clear()

    for piece in find_bands(list(page.lines), bounds):
        if isinstance(piece, Band):
            flush()
            items.append((piece.lines[0].top, band_to_table(piece)))
        else:
            run.append(piece)
    flush()
    for bbox, table in page.tables:
        items.append((bbox[1], table))
    items.sort(key=lambda item: item[0])
    blocks: list[Block] = []
    for index, (_, item) in enumerate(items):
        if isinstance(item, list):
            blocks.extend(lines_to_paragraphs(item, bounds=bounds))
        else:
            blocks.append(_mark_page_edges(item, index, len(items)))
    return blocks


def _mark_page_edges(table: Table, index: int, count: int) -> Table:
    if not table.bordered:
        return table
    return Table(table.rows, table.n_cols, table.bordered, table.pages, starts_page=index == 0, ends_page=index == count - 1)


def _continues(prev: Block, para: Paragraph) -> bool:
    """A paragraph cut by a page break: the next page resumes mid-sentence at the margin.

    A heading at the foot of a page (bold) or an item starting the next page
    ("a) ...", "- ...") is not a continuation.
    """
    return (
        isinstance(prev, Paragraph)
        and bool(prev.pages and para.pages and para.pages[0] == prev.pages[-1] + 1)
        and not re.search(r"[.:;!?]$", prev.text)
        and para.text[:1].islower()
        and not LIST_MARKER.match(para.text)
        and prev.bold == para.bold
        and (para.indent or 0) < 5
    )


def join_pages(pages: list[list[Block]]) -> list[Block]:
    blocks: list[Block] = []
    for page in pages:
        for i, block in enumerate(page):
            if i == 0 and blocks and isinstance(block, Paragraph) and _continues(blocks[-1], block):
                prev = blocks.pop()
                block = Paragraph(
                    text=join_wrapped([prev.text, block.text]), bold=prev.bold and block.bold, italic=prev.italic and block.italic,
                    align=prev.align, pages=prev.pages + block.pages, indent=prev.indent,
                    places=prev.places + block.places,
                )
            blocks.append(block)
    return blocks
