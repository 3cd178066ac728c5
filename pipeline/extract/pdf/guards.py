"""Bounds on what pdfminer may unpack and run for one page: no 2 KB file may cost gigabytes.

A PDF is a small program. Two tricks make a file of a few kilobytes cost
gigabytes and minutes in pdfminer, which has no limits of its own:

- a stream behind two or more Flate filters (or LZW, run-length) inflates a
  thousandfold per filter: 2 KB becomes gigabytes of page content;
- a form XObject that draws another ten times, nested eight deep, makes a page
  of a hundred operators run a billion.

So every decoded stream is capped at MAX_STREAM_BYTES (inflation stops there,
before the memory is taken) and every page at MAX_PAGE_OBJECTS content-stream
objects (operators and operands, counted through nested forms) and MAX_PAGE_FORMS
form drawings. Either refuses
the file with a `LimitExceeded` reason. pdfminer offers no hooks, so `install()`
replaces three of its module globals once per process; the replacements behave
exactly like the originals below the caps.
"""
from __future__ import annotations

import zlib
from types import SimpleNamespace

from pdfminer import cmapdb, pdffont, pdfinterp, pdftypes

from pipeline.data.messages import message
from pipeline.errors import LimitExceeded

# pdfminer decodes content streams, fonts and CMaps (images are left encoded: OCR
# renders pages with pdfium). Content streams of real plans are under 1 MB, an
# embedded CJK font 20 MB. Above this a stream is a decompression bomb.
MAX_STREAM_BYTES = 64 * 2**20
# Content-stream objects on one page (operators and operands), nested forms
# included. The densest page of the real fixtures has 6,553 (Hà Nội 173), the
# sample 1,698; a page of 60,000 characters each placed on its own about
# 200,000. pdfminer lays out 20,000-300,000 objects a second, so the cap is
# seconds of work, not the hours of a nested-form bomb.
MAX_PAGE_OBJECTS = 500_000
# Form XObjects drawn on one page, nested ones included. Each costs pdfminer a new
# interpreter (a thousandth of a second); real pages draw a few (a logo, a stamp).
MAX_PAGE_FORMS = 10_000
# zlib input is fed in blocks this large, so a corrupt stream is retried byte by
# byte only within the block where it breaks (pdfminer retries the whole stream).
_BLOCK = 1 << 16

# Codes one font's Unicode map (ToUnicode, a CID range) may define, all its ranges together.
# A code is at most two bytes in every font a plan uses (65,536 codes); pdfminer expands each
# range into a dict entry per code, so `<00000000> <FFFFFFFF>` (70 bytes) would take 1.5 GB.
MAX_MAP_CODES = 1 << 16

_CAPS = {"stream_bytes": MAX_STREAM_BYTES, "page_objects": MAX_PAGE_OBJECTS, "page_forms": MAX_PAGE_FORMS}
_page_spent = [0]  # content-stream objects read on the current page
_page_forms = [0]  # form XObjects drawn on the current page


def set_caps(stream_bytes: int | None = None, page_objects: int | None = None, page_forms: int | None = None) -> None:
    """Change the caps (tests lower them); None keeps a cap as it is."""
    for name, value in (("stream_bytes", stream_bytes), ("page_objects", page_objects), ("page_forms", page_forms)):
        if value is not None:
            _CAPS[name] = value


def _too_large() -> LimitExceeded:
    return LimitExceeded(message("error.pdf_stream_bomb", limit=_CAPS["stream_bytes"] // 2**20))


def inflate(data: bytes) -> bytes:
    """zlib.decompress with the size cap; a stream cut short raises zlib.error, as zlib does."""
    inflater = zlib.decompressobj()
    out = inflater.decompress(data, _CAPS["stream_bytes"] + 1)
    if len(out) > _CAPS["stream_bytes"]:
        raise _too_large()
    if not inflater.eof:
        raise zlib.error("incomplete or truncated stream")
    return out


def inflate_damaged(data: bytes) -> bytes:
    """What inflates before a stream breaks (a bad checksum, a cut), in linear time.

    pdfminer's own version appends byte by byte to a bytes object: quadratic, so
    a damaged megabyte stream costs minutes.
    """
    inflater, out = zlib.decompressobj(), bytearray()
    for start in range(0, len(data), _BLOCK):
        block = data[start:start + _BLOCK]
        saved = inflater.copy()
        try:
            out += inflater.decompress(block, _CAPS["stream_bytes"] + 1 - len(out))
        except zlib.error:
            inflater = saved
            for i in range(len(block)):
                try:
                    out += inflater.decompress(block[i:i + 1], _CAPS["stream_bytes"] + 1 - len(out))
                except zlib.error:
                    return bytes(out)
        if len(out) > _CAPS["stream_bytes"] or inflater.unconsumed_tail:
            raise _too_large()
        if inflater.eof:
            break
    return bytes(out)


def _capped(decoder):
    def decode(data: bytes, *args: object) -> bytes:
        out = decoder(data, *args)
        if len(out) > _CAPS["stream_bytes"]:
            raise _too_large()
        return out
    return decode


def spend_objects(count: int) -> None:
    """Count content-stream objects read on this page; over the cap, refuse the file.

    pdfminer's parser counts one at a time (below); pdf_content's faster reader
    counts the objects up to each operator before running it, so both refuse
    a page at the same object and no operator past it has run.
    """
    _page_spent[0] += count
    if _page_spent[0] > _CAPS["page_objects"]:
        raise LimitExceeded(message("error.page_operations", limit=f"{_CAPS['page_objects']:,}"))


class _CountingContentParser(pdfinterp.PDFContentParser):
    def nextobject(self):  # type: ignore[no-untyped-def]
        spend_objects(1)
        return super().nextobject()


_original_process_page = pdfinterp.PDFPageInterpreter.process_page
_original_do_Do = pdfinterp.PDFPageInterpreter.do_Do


def _process_page(self, page):  # type: ignore[no-untyped-def]
    _page_spent[0] = _page_forms[0] = 0
    return _original_process_page(self, page)


def _do_Do(self, xobjid):  # type: ignore[no-untyped-def]  # noqa: N802 (pdfminer's name)
    _page_forms[0] += 1
    if _page_forms[0] > _CAPS["page_forms"]:
        raise LimitExceeded(message("error.page_forms", limit=f"{_CAPS['page_forms']:,}"))
    return _original_do_Do(self, xobjid)


_capped_maps: list[int] = []  # one entry per font map cut at MAX_MAP_CODES: the page it was met on
_current_page = [0]  # the page being read (set by the reader), for naming it in a warning


def reading_page(number: int) -> None:
    """Say which page is read now: a font map cut while reading it is reported on that page."""
    _current_page[0] = number


def take_capped_maps() -> list[int]:
    """The pages on which a font's Unicode map was cut since the last call (then forgotten)."""
    pages = sorted(set(_capped_maps))
    _capped_maps.clear()
    return pages


def _range_end(start: bytes, end: bytes, keep: int, tail_only: bool) -> bytes:
    """`end` moved so that the range from `start` holds `keep` codes (its byte length kept)."""
    head, var = (start[:-4], start[-4:]) if tail_only else (b"", start)
    return head + (int.from_bytes(var, "big") + keep - 1).to_bytes(len(var), "big")


class _CappedCMapParser(cmapdb.CMapParser):
    """pdfminer's CMap parser with every range cut so that one map defines at most MAX_MAP_CODES codes."""

    def __init__(self, *args, **kwargs) -> None:  # type: ignore[no-untyped-def]
        super().__init__(*args, **kwargs)
        self._room = MAX_MAP_CODES

    def do_keyword(self, pos, token):  # type: ignore[no-untyped-def]
        if token is self.KEYWORD_ENDBFRANGE or token is self.KEYWORD_ENDCIDRANGE:
            self.curstack = self._cut(self.curstack, tail_only=token is self.KEYWORD_ENDCIDRANGE)
        return super().do_keyword(pos, token)

    def _cut(self, stack: list, tail_only: bool) -> list:
        """The (start, end, value) triples of a range list, each cut to the room left in the map."""
        kept = []
        for i in range(0, len(stack) - len(stack) % 3, 3):
            (p0, start), (p1, end), value = stack[i:i + 3]
            if isinstance(start, bytes) and isinstance(end, bytes) and len(start) == len(end) and start:
                first, last = (int.from_bytes(b[-4:] if tail_only else b, "big") for b in (start, end))
                count = max(0, last - first + 1)
                if isinstance(value[1], list):  # one value per code: the list ends the range
                    count = min(count, len(value[1]))
                if count > self._room:
                    _capped_maps.append(_current_page[0])
                    if self._room == 0:
                        continue
                    end, count = _range_end(start, end, self._room, tail_only), self._room
                self._room -= count
            kept += [(p0, start), (p1, end), value]
        return kept


def installed() -> bool:
    """Whether install() has run: only then are a page's objects counted."""
    return isinstance(pdftypes.zlib, SimpleNamespace)


def install() -> None:
    """Put the caps into pdfminer (once per process; later calls do nothing)."""
    if installed():
        return
    pdftypes.zlib = SimpleNamespace(decompress=inflate, decompressobj=zlib.decompressobj, error=zlib.error)
    pdftypes.decompress_corrupted = inflate_damaged
    pdftypes.lzwdecode = _capped(pdftypes.lzwdecode)
    pdftypes.rldecode = _capped(pdftypes.rldecode)
    pdfinterp.PDFContentParser = _CountingContentParser
    pdffont.CMapParser = _CappedCMapParser
    pdfinterp.PDFPageInterpreter.process_page = _process_page
    pdfinterp.PDFPageInterpreter.do_Do = _do_Do
