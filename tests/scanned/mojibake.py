"""PDFs whose text layer is mojibake: the page shows Vietnamese, the text layer says something else.

This is what a font embedded with a wrong ToUnicode map gives (a Ghostscript
rewrite, an old TCVN3/VNI font re-encoded): the glyphs draw the right letters,
but text extraction maps each glyph code to the wrong character. Real example
from a signed plan: "SỞ CÔNG THƯƠNG" extracted as "6Ӣ CÔNG 7+ѬѪ1*", ASCII
letters 29 code points too low ("S" → "6", "T" → "7", "H" → "+") and the
Vietnamese letters landing in the Cyrillic block. `wrong_tounicode` makes
reportlab write exactly that kind of map while the PDF is built.
"""
from __future__ import annotations

import contextlib
from collections.abc import Iterator

# The shift the real mojibake shows on ASCII letters and digits.
ASCII_SHIFT = 29
# Where the real mojibake puts Vietnamese letters: the historic Cyrillic block.
CYRILLIC = 0x0460


def wrong_code_point(value: int) -> int:
    """The character a broken map gives for `value`: spaces and punctuation stay, letters do not."""
    char = chr(value)
    if value < 128 and char.isalnum():
        return value - ASCII_SHIFT
    if value >= 128 and char.isalpha():
        return CYRILLIC + value % 0x40
    return value


@contextlib.contextmanager
def wrong_tounicode() -> Iterator[None]:
    """While active, every TrueType subset reportlab embeds gets a shifted ToUnicode map."""
    from reportlab.pdfbase import ttfonts

    original = ttfonts.makeToUnicodeCMap

    def shifted(fontname: str, subset: list[int]) -> str:
        return original(fontname, [wrong_code_point(v) for v in subset])

    ttfonts.makeToUnicodeCMap = shifted
    try:
        yield
    finally:
        ttfonts.makeToUnicodeCMap = original
