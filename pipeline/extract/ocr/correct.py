"""OCR words corrected from what Vietnamese allows: a tone misread where the neighbours say which.

Tesseract's commonest error on Vietnamese is a tone mark taken for another ("Đầy
mạnh" for "Đẩy mạnh", "thấm quyền" for "thẩm quyền"): each reading is a valid
syllable, but only one of them forms a word with the syllable beside it. A word is
replaced by a tone variant (the same letters, another tone) only when the reading
forms a known word with neither neighbour (`lexicon.syllable_pairs`), and exactly
one valid variant forms one; with two or more such variants it is left as read.
Every replacement keeps the reading it replaced (`Correction`), for the warning
that names it.
"""
from __future__ import annotations

import unicodedata
from dataclasses import dataclass, replace

from pipeline.extract.ocr.lexicon import common_syllables, syllable_pairs
from pipeline.extract.ocr.tsv import TsvWord, _lines
from pipeline.text import is_vietnamese_syllable

# Only a word Tesseract read less surely than this (0-100) is corrected: on the scanned corpus,
# right words it read at 96% were "corrected" into wrong ones (a name, "và" -> "va").
CORRECT_BELOW = 93.0
# The five tone marks, as combining characters (NFD): huyền, sắc, ngã, hỏi, nặng.
TONES = ("\u0300", "\u0301", "\u0303", "\u0309", "\u0323")


@dataclass(frozen=True)
class Correction:
    """One word replaced: what Tesseract read and what it became."""

    read: str
    written: str


def tone_variants(syllable: str) -> list[str]:
    """The valid syllables with the same letters and another tone ("đầy" -> "đẩy", "đấy", ...)."""
    decomposed = unicodedata.normalize("NFD", syllable)
    marks = [i for i, ch in enumerate(decomposed) if ch in TONES]
    if len(marks) != 1:
        return []  # no tone to move (its place would be a guess), or not one syllable
    at = marks[0]
    base = decomposed[:at] + decomposed[at + 1:]
    found = [unicodedata.normalize("NFC", base)]
    found += [unicodedata.normalize("NFC", base[:at] + tone + base[at:]) for tone in TONES if tone != decomposed[at]]
    return [v for v in found if is_vietnamese_syllable(v)]


def _core(text: str) -> tuple[str, str, str]:
    """A word split into leading marks, its letters, and trailing marks ("(mạnh," -> "(", "mạnh", ",")."""
    start = next((i for i, ch in enumerate(text) if ch.isalpha()), len(text))
    end = len(text) - next((i for i, ch in enumerate(reversed(text)) if ch.isalpha()), len(text))
    return text[:start], text[start:end], text[end:]


def _cased_like(model: str, word: str) -> str:
    if model.isupper() and len(model) > 1:
        return word.upper()
    return word[:1].upper() + word[1:] if model[:1].isupper() else word


def corrected_syllable(left: str | None, word: str, right: str | None) -> str | None:
    """The tone variant of `word` (lower case) its neighbours call for, or None to keep it."""
    pairs = syllable_pairs()

    def forms_word(syllable: str) -> bool:
        return (left, syllable) in pairs or (syllable, right) in pairs

    if forms_word(word):
        return None
    fits = [v for v in tone_variants(word) if forms_word(v)]
    return fits[0] if len(fits) == 1 else None


def _correctable(words: list[TsvWord], cores: list[tuple[str, str, str]], i: int) -> bool:
    """Whether word `i` may be corrected: read unsurely, not a common word on its own, and not
    part of a name (a capital after the line's first word, or next to one: "Trần Hoàng Tuấn")."""
    if words[i].conf >= CORRECT_BELOW or cores[i][1].lower() in common_syllables():
        return False
    capital = [bool(core[:1].isupper()) and not core.isupper() for _, core, _ in cores]
    named = any(capital[j] for j in (i - 1, i, i + 1) if 0 < j < len(cores))
    return not named


def correct_line(words: list[TsvWord]) -> tuple[list[TsvWord], list[Correction]]:
    """One line's words (left to right) with misread tones corrected."""
    cores = [_core(w.text) for w in words]
    lows = [core.lower() if core.isalpha() else None for _, core, _ in cores]
    out, changes = list(words), []
    for i, low in enumerate(lows):
        if not low or not _correctable(words, cores, i):
            continue
        left, right = (lows[i - 1] if i else None), (lows[i + 1] if i + 1 < len(lows) else None)
        better = corrected_syllable(left, low, right)
        if better:
            lead, core, tail = cores[i]
            out[i] = replace(words[i], text=lead + _cased_like(core, better) + tail)
            changes.append(Correction(words[i].text, out[i].text))
    return out, changes


def correct_words(words: list[TsvWord]) -> tuple[list[TsvWord], list[Correction]]:
    """A page's words with misread tones corrected, line by line, and the corrections made."""
    out, changes = [], []
    for line in _lines(words).values():
        fixed, made = correct_line(sorted(line, key=lambda w: w.left))
        out += fixed
        changes += made
    return out, changes
