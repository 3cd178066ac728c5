"""Every text operation the steps share: NFC, tone marks, markup, whitespace, folding, slugs.

The ground floor: extract, structure, normalize and the products all import it,
and it imports nothing of theirs.

The output contract asks for NFC text with one tone-mark convention ("hóa",
"Thủy", "Ủy"), while source documents mix both conventions, sometimes in the
same sentence ("công nghiệp hóa, hiện đại hoá"). Moving the marks here, once,
lets every later step (agency matching, reference dedup, diffs) compare strings
without caring which keyboard typed them.
"""
from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from functools import lru_cache

_SPACES = re.compile(r"\s+")

# Characters that render as nothing but break string equality and word matching.
_INVISIBLE = dict.fromkeys(map(ord, "\u200b\u200c\u200d\u2060\ufeff\u00ad"), None)

# Control characters that are not whitespace: C0 (ESC starts terminal escape codes that
# retitle a window or clear a screen when the text is printed), DEL, C1 (CSI, OSC), and
# the direction overrides that make text display in another order than it reads.
# A text layer or a DOCX run can carry them; no document shows them.
_CONTROLS = {
    code: None
    for code in [*range(0x20), 0x7F, *range(0x80, 0xA0), 0x200E, 0x200F, *range(0x202A, 0x202F), *range(0x2066, 0x206A)]
    if not chr(code).isspace()
}

# What `escape_controls` writes as an escape: every control character, the Unicode line and
# paragraph separators and the bidi overrides/isolates (they reorder what follows them).
# A lone surrogate U+DC80-U+DCFF is a byte of a file name that is not UTF-8 (os.fsdecode's
# surrogateescape): it is written as that byte ("\\xff"), as it cannot be printed or encoded.
_DISPLAY_CONTROL = re.compile("[\x00-\x1f\x7f-\x9f\u2028\u2029\u202a-\u202e\u2066-\u2069\udc80-\udcff]")
_ESCAPED_BYTE = range(0xDC80, 0xDD00)
_NAMED_ESCAPES = {"\n": "\\n", "\r": "\\r", "\t": "\\t"}
# Unicode space characters that \s already matches but that we name for clarity.
_ODD_SPACES = dict.fromkeys(map(ord, "\u00a0\u2007\u202f"), " ")

# Leftover markup from converters upstream of us (HTML-ish tags, Markdown bold).
_BLOCK_TAG = re.compile(
    r"""
    </?                         # opening or closing tag
    (?:p|br|div|li|tr|td|h[1-6]) # tags that separate text: become a space
    \b[^<>]*                    # attributes, if any
    /?>                         # end, self-closing or not
    """,
    re.X | re.I,
)
_INLINE_TAG = re.compile(
    r"""
    </?                         # opening or closing tag
    (?:i|b|u|em|strong|span|sup|sub|font|s)  # inline tags: vanish without a space
    \b[^<>]*                    # attributes, if any
    /?>                         # end, self-closing or not
    """,
    re.X | re.I,
)
_MARKDOWN_BOLD = re.compile(r"\*\*|__")

# --- Tone marks -------------------------------------------------------------

# The five tone marks as combining characters (NFD).
_TONES = frozenset("\u0300\u0301\u0303\u0309\u0323")

# Vowels carrying a hat, breve or horn: in a cluster they take the tone mark.
_MARKED_VOWELS = frozenset("âăêôơư")
_VOWELS = frozenset("aăâeêioôơuưy")

# Onsets, longest first so "ngh" wins over "ng" and "n".
_ONSETS = (
    "ngh", "ng", "gh", "gi", "kh", "ph", "th", "tr", "ch", "nh", "qu",
    "b", "c", "d", "đ", "g", "h", "k", "l", "m", "n", "p", "r", "s", "t", "v", "x",
)
_CODAS = frozenset({"", "c", "ch", "m", "n", "ng", "nh", "p", "t"})

# Every vowel nucleus Vietnamese spelling allows, tone-less. Those ending in a
# glide ("ai", "yêu") close the syllable; the others may take a final consonant.
_NUCLEI_OPEN = frozenset(
    "a ă â e ê i o ô ơ u ư y iê yê oa oă oe oo uâ uê uô uy ươ uyê".split()
)
_NUCLEI_CLOSED = frozenset(
    "ai ao au ay âu ây eo êu ia iu oi ôi ơi ua ui uơ ưa ưi ưu "
    "iêu yêu oai oao oay oeo uây uôi uya uyu ươi ươu".split()
)

_LETTER_RUN = re.compile(r"[^\W\d_]+")


@dataclass(frozen=True)
class _Letter:
    """One letter split into its tone-less form (NFC, lower case) and its tone."""

    char: str  # the letter as written, without tone, NFC
    lower: str  # same, lower case
    tone: str  # combining tone mark, or ""


@lru_cache(maxsize=4096)
def _split_letter(char: str) -> _Letter:
    """Separate the tone mark from a letter, keeping hats and horns.

    Cached: a page has a few dozen distinct letters and tens of thousands of letters.
    """
    parts = unicodedata.normalize("NFD", char)
    tone = "".join(c for c in parts if c in _TONES)
    bare = unicodedata.normalize("NFC", "".join(c for c in parts if c not in _TONES))
    return _Letter(bare, bare.lower(), tone)


def _split_syllable(lower: str) -> tuple[str, str, str] | None:
    """Split a tone-less lower-case word into (onset, nucleus, coda), or None.

    None means the word is not a Vietnamese syllable (an English word, an
    abbreviation), which we must leave alone.
    """
    onset = next((o for o in _ONSETS if lower.startswith(o)), "")
    if onset == "gi" and not any(c in _VOWELS for c in lower[2:]):
        onset = "g"  # "gì", "gìn": the i is the vowel, not part of the onset
    rest = lower[len(onset):]
    nucleus = ""
    while rest and rest[0] in _VOWELS:
        nucleus, rest = nucleus + rest[0], rest[1:]
    if nucleus in _NUCLEI_OPEN and rest in _CODAS:
        return onset, nucleus, rest
    if nucleus in _NUCLEI_CLOSED and not rest:
        return onset, nucleus, rest
    return None


def _tone_position(nucleus: str, coda: str) -> int:
    """Index in the nucleus that carries the tone mark ("hóa", "Thủy" convention).

    A hatted or horned vowel takes the mark (the last one, so ươ -> ơ); else the
    last vowel when a final consonant follows ("hoàng"); else the middle one of
    three ("ngoài", "khuỷu"); else the first ("hóa", "thủy", "của").
    """
    marked = [i for i, c in enumerate(nucleus) if c in _MARKED_VOWELS]
    if marked:
        return marked[-1]
    if coda:
        return len(nucleus) - 1
    if len(nucleus) == 3:
        return 1
    return 0


@lru_cache(maxsize=65536)
def _retone_word(word: str) -> str:
    """Move the tone mark of one letter run to its modern place, if it is a syllable.

    Cached: a plan repeats a few thousand distinct syllables tens of thousands of times.
    """
    letters = [_split_letter(c) for c in word]
    tones = [x.tone for x in letters if x.tone]
    if len(tones) != 1 or len(tones[0]) != 1:
        return word  # no tone to move, or not a well-formed syllable
    parts = _split_syllable("".join(x.lower for x in letters))
    if parts is None:
        return word
    onset, nucleus, coda = parts
    target = len(onset) + _tone_position(nucleus, coda)
    out = [x.char for x in letters]
    out[target] = unicodedata.normalize("NFC", out[target] + tones[0])
    return "".join(out)


def modernize_tones(text: str) -> str:
    """NFC text with every syllable's tone mark where the contract wants it.

    "hoá" -> "hóa", "Thuỷ" -> "Thủy", "Uỷ" -> "Ủy", "HOÁ" -> "HÓA"; words that
    are not Vietnamese syllables ("café", "STEM") are left as they are. Only
    tone marks move: base letters, hats and horns are never changed.
    """
    nfc = unicodedata.normalize("NFC", text)
    return _LETTER_RUN.sub(lambda m: _retone_word(m.group()), nfc)


@lru_cache(maxsize=65536)
def is_vietnamese_syllable(word: str) -> bool:
    """Whether one run of letters is a well-formed Vietnamese syllable: an onset, a
    nucleus and a coda that spelling allows, and at most one tone mark.

    "Kế", "hoạch", "NGHIÊNG" are; "UBND", "STEM", "Ӣ", "WKҁQJ" are not. Cached as
    `_retone_word` is: every page's text is judged once per page and once as a whole.
    """
    letters = [_split_letter(c) for c in unicodedata.normalize("NFC", word)]
    if not letters or sum(1 for x in letters if x.tone) > 1:
        return False
    return _split_syllable("".join(x.lower for x in letters)) is not None


def vietnamese_share(text: str) -> tuple[float, int]:
    """The share of the letter runs of `text` that are Vietnamese syllables, and their count.

    Real Vietnamese text scores 0.8-1.0 (abbreviations like "UBND" are the rest);
    a text layer read through a wrong Unicode map scores near 0.
    """
    runs = _LETTER_RUN.findall(unicodedata.normalize("NFC", text))
    if not runs:
        return 0.0, 0
    return sum(1 for r in runs if is_vietnamese_syllable(r)) / len(runs), len(runs)


# --- Markup and whitespace --------------------------------------------------


def strip_markup(text: str) -> str:
    """Remove leftover HTML tags and Markdown bold that upstream tools leave in cells.

    Block tags (<p>, <br>) become a space so "…</p><p>Tăng" does not glue two
    words together; inline tags (<i>, <b>) vanish.
    """
    text = _BLOCK_TAG.sub(" ", text)
    text = _INLINE_TAG.sub("", text)
    return _MARKDOWN_BOLD.sub("", text)


def clean_whitespace(text: str) -> str:
    """Collapse runs of whitespace (line wraps, tabs, NBSP) into one space and trim.

    Zero-width characters and soft hyphens are dropped: they are invisible in
    the document but would make equal strings compare unequal. Control characters
    (terminal escape codes, direction overrides) are dropped too: they are never
    text, and printed raw they act on the reader's terminal.
    """
    text = text.translate(_INVISIBLE).translate(_CONTROLS).translate(_ODD_SPACES)
    return _SPACES.sub(" ", text).strip()


# Spaces a typist may or may not put inside brackets and before punctuation: "( Công" and
# "(Công", "2025 ;" and "2025;" say the same.
_SPACE_AFTER_OPENING = re.compile(r"([(\[{“‘])\s+")
_SPACE_BEFORE_CLOSING = re.compile(r"\s+([)\]}”’.,;:!?%])")


def spacing_folded(text: str) -> str:
    """The text with its whitespace collapsed and the spaces inside brackets and before
    punctuation dropped: two copies of one text that differ only in such spacing are equal."""
    text = clean_whitespace(text)
    return _SPACE_BEFORE_CLOSING.sub(r"\1", _SPACE_AFTER_OPENING.sub(r"\1", text))


def escape_controls(text: str) -> str:
    """`text` for a terminal: each control character written as an escape ("\\x1b", "\\n", "\\u202e").

    For file names and messages, which must stay one line and must not drive the terminal.
    """
    def one(match: re.Match[str]) -> str:
        char = match.group(0)
        if ord(char) in _ESCAPED_BYTE:
            return f"\\x{ord(char) - 0xDC00:02x}"
        return _NAMED_ESCAPES.get(char) or (f"\\x{ord(char):02x}" if ord(char) < 0x100 else f"\\u{ord(char):04x}")
    return _DISPLAY_CONTROL.sub(one, text)


def escape_undecodable(name: str) -> str:
    """A file name with each byte that is not UTF-8 written as "\\xNN" (see `_ESCAPED_BYTE`):
    the name as a person reads it, and text that JSON and a terminal can hold."""
    return "".join(f"\\x{ord(c) - 0xDC00:02x}" if ord(c) in _ESCAPED_BYTE else c for c in name)


def fold_diacritics(text: str) -> str:
    """ASCII-fold Vietnamese: drop tone and vowel marks, map đ/Đ to d/D."""
    decomposed = unicodedata.normalize("NFD", text.replace("đ", "d").replace("Đ", "D"))
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch))


def slugify(text: str) -> str:
    """A stable ASCII id: "Sở Khoa học và Công nghệ" -> "so-khoa-hoc-va-cong-nghe"."""
    folded = fold_diacritics(text).lower()
    return re.sub(r"[^a-z0-9]+", "-", folded).strip("-")


# Characters of the fallback id of a name with no ASCII letter or digit at all ("—", "…").
_FALLBACK_ID_CHARS = 10


def contract_id(candidate: str, name: str = "") -> str:
    """An id the contract accepts (lower-case ASCII words joined by single hyphens), whatever
    was built: the candidate slugified again ("-lao-cai", a slug joined to an empty one, becomes
    "lao-cai"), else the name's slug, else a stable hash of both (a name of symbols only)."""
    slug = slugify(candidate) or slugify(name)
    if slug:
        return slug
    import hashlib  # noqa: PLC0415  (only such a name pays for it)

    return "x" + hashlib.sha1(f"{candidate}|{name}".encode()).hexdigest()[:_FALLBACK_ID_CHARS]


@lru_cache(maxsize=16384)
def normalize_text(text: str) -> str:
    """The canonical form of any text we output: no markup, NFC, modern tones, single spaces."""
    return clean_whitespace(modernize_tones(strip_markup(text)))


def folded(text: str) -> str:
    """Lower-case, diacritic-free, single-spaced text for matching vocabulary."""
    return clean_whitespace(fold_diacritics(text).lower())


def fold_aligned(text: str) -> str:
    """Lower-case, accent-free copy of text with exactly one character per input character.

    Positions in the folded copy are positions in the original, so a match found
    on the folded text can be cut out of the original.
    """
    return "".join(map(_fold_char, text.lower()))


@lru_cache(maxsize=4096)
def _fold_char(ch: str) -> str:
    """One lower-case character folded, or kept when folding would not leave exactly one
    character. Cached: vocabularies and titles fold the same few dozen letters over and over."""
    plain = fold_diacritics(ch)
    return plain if len(plain) == 1 else ch


def is_upper(text: str, min_letters: int = 1) -> bool:
    """All letters are capitals, and there are at least `min_letters` of them."""
    letters = [ch for ch in text if ch.isalpha()]
    return len(letters) >= min_letters and all(ch.isupper() for ch in letters)


def join_wrapped(texts: list[str]) -> str:
    """Join wrapped lines with spaces, except after a hyphen glued to its word.

    Line breakers may wrap "69-KL/TW" after the hyphen; "kinh tế -" (a spaced
    dash) keeps its space.
    """
    out = ""
    for text in texts:
        if out and not (out.endswith("-") and len(out) > 1 and not out[-2].isspace()):
            out += " "
        out += text
    return out


def whole_words(phrases: list[str] | tuple[str, ...]) -> re.Pattern[str]:
    """Any of `phrases` as a whole word or phrase, longest first, case as written ("chủ trì" is
    not inside "chủ trìnhh", nor "Ban Chỉ đạo" a "chỉ đạo")."""
    ordered = sorted(phrases, key=len, reverse=True)
    return re.compile(rf"(?<!\w)(?:{'|'.join(map(re.escape, ordered))})(?!\w)")
