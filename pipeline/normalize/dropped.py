"""Every word accounted for: the text of the file that reached no part of the contract, named.

After a document is built, each piece of its text (a paragraph, a table cell) is looked up in
what the output holds, word for word, as `../shared/tools/coverage_check.py` counts them
(folded, three letters or more, as a multiset). A piece most of whose words are nowhere is
named in a `content_dropped` warning: where it stood ("trang 3", "đoạn 12", "bảng 2, hàng 5"),
its first words, and why. Consecutive such pieces make one warning. The national motto, and
the header row of a table (its column names, printed again on each page of a PDF), are not
content and need none.
"""
from __future__ import annotations

import collections
import dataclasses
import re
import unicodedata
from collections.abc import Iterator

from pipeline.data.messages import message
from pipeline.ir import Block, Paragraph, Place, Table
from pipeline.warnings import PlanWarning

_WORD = re.compile(r"\w{3,}")
_MARKS = re.compile("[\u0300-\u036f]")
# A piece with fewer words says too little to be named (a page number, a stray mark).
MIN_PIECE_WORDS = 3
# A piece more than this share of whose words the output lacks was left out.
MIN_KEPT_SHARE = 0.5
# Words of a left-out piece quoted in the warning.
QUOTED_WORDS = 12
# Printed on every document and not part of the contract (folded).
_BOILERPLATE = ("cong hoa hoi chu nghia viet nam", "doc lap hanh phuc", "dang cong san viet nam")  # words of 3+ letters
# Keys of the output whose strings are not the document's text.
_SKIP_KEYS = frozenset({"provenance", "source", "id"})


def _fold(text: str) -> str:
    """Lower case, no tone or vowel marks, đ = d: `text.folded` without its whitespace pass, and
    with one regular expression for the marks (the audit folds a whole document twice)."""
    return _MARKS.sub("", unicodedata.normalize("NFD", text.replace("đ", "d").replace("Đ", "D"))).lower()


def _words(text: str) -> list[str]:
    words = _WORD.findall(_fold(text))
    key = f" {' '.join(words)} "
    if not any(phrase in key for phrase in _BOILERPLATE):
        return words
    for phrase in _BOILERPLATE:
        key = key.replace(f" {phrase} ", " ")
    return key.split()


def output_words(value: object) -> list[str]:
    """The words of every string the built document holds (dataclasses, lists, dicts), in order."""
    strings: list[str] = []
    stack = [value]
    while stack:
        node = stack.pop()
        if isinstance(node, str):
            strings.append(node)
        elif dataclasses.is_dataclass(node):
            stack.extend(getattr(node, f.name) for f in dataclasses.fields(node) if f.name not in _SKIP_KEYS)
        elif isinstance(node, dict):
            stack.extend(v for k, v in node.items() if k not in _SKIP_KEYS)
        elif isinstance(node, (list, tuple)):
            stack.extend(node)
    return _words(" ".join(reversed(strings)))


def _label(places: tuple[Place, ...], pages: tuple[int, ...]) -> str:
    place = places[0] if places else Place(page=pages[0] if pages else None)
    if place.page is not None:
        return message("dropped.page", page=place.page)
    if place.paragraph is not None:
        return message("dropped.paragraph", index=place.paragraph + 1)
    if place.table is not None:
        return message("dropped.cell", table=place.table + 1, row=(place.row or 0) + 1)
    return message("dropped.somewhere")


def _pieces(blocks: list[Block]) -> Iterator[tuple[str, str]]:
    """(text, where a person finds it) of every paragraph, in the body and in table cells (a
    cell's lines one by one: a header cell holds the number and the subject apart), a table's
    header row left out."""
    for block in blocks:
        if isinstance(block, Paragraph):
            yield block.text, _label(block.places, block.pages)
            continue
        for row in block.rows[1:] if block.bordered else block.rows:
            if row.repeat_header:
                continue
            for cell in row.cells:
                label = _label(cell.places, row.pages or block.pages)
                yield from ((p.text, label) for p in cell.paragraphs)


def _pairs(words: list[str]) -> set[tuple[str, str]]:
    return set(zip(words, words[1:]))


def dropped_content(blocks: list[Block], built: object) -> list[PlanWarning]:
    """A `content_dropped` warning for each run of pieces of `blocks` that `built` does not hold.

    The words the output lacks (the source's words, as a multiset, less the output's) are
    handed to the pieces that hold them, those whose word pairs the output has least first
    (a line glued into another field, a part never read); a piece is left out when it gets
    more than half of its words that way. A date line, whose words became a date, keeps
    most of its words elsewhere and is not named.
    """
    out = output_words(built)
    pieces = [(_words(text), text, label) for text, label in _pieces(blocks)]
    missing = collections.Counter(w for words, _, _ in pieces for w in words) - collections.Counter(out)
    if not missing:
        return []
    have_pairs = _pairs(out)
    order = sorted(range(len(pieces)), key=lambda i: _pair_share(pieces[i][0], have_pairs))
    lost = [False] * len(pieces)
    for i in order:
        words = pieces[i][0]
        claimed = 0
        for word in words:
            if missing[word] > 0:
                missing[word] -= 1
                claimed += 1
        lost[i] = len(words) >= MIN_PIECE_WORDS and claimed > MIN_KEPT_SHARE * len(words)
    return _warnings([(pieces[i][1], pieces[i][2]) if lost[i] else None for i in range(len(pieces))])


def _pair_share(words: list[str], have: set[tuple[str, str]]) -> float:
    pairs = list(zip(words, words[1:]))
    return sum(p in have for p in pairs) / len(pairs) if pairs else 1.0


def _warnings(marks: list[tuple[str, str] | None]) -> list[PlanWarning]:
    """One warning per run of consecutive left-out pieces: its place, size and first words."""
    runs: list[tuple[str, list[str]]] = []
    previous = None
    for mark in marks:
        if mark is not None and previous is not None:
            runs[-1][1].extend(mark[0].split())
        elif mark is not None:
            runs.append((mark[1], mark[0].split()))
        previous = mark
    return [PlanWarning("content_dropped", message(
        "dropped.message", label=label, count=len(ws),
        words=" ".join(ws[:QUOTED_WORDS]) + (" …" if len(ws) > QUOTED_WORDS else "")), "/sections", label)
        for label, ws in runs]
