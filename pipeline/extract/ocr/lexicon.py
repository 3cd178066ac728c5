"""Which neighbouring Vietnamese syllables form a word: the evidence OCR correction weighs.

Two sources, lower-cased and in NFC: the project's own vocabularies (every text of
`pipeline/data/`: agency names, document types, section words, column headers, the
motto) and, where the `[ocr]` extra installed underthesea, its word list
(`corpus/data/Viet74K.txt`, 74,000 words, 65,000 of two syllables or more), found
without importing underthesea (an import costs two seconds). Each word of two
syllables or more gives its pairs of neighbouring syllables.
"""
from __future__ import annotations

import functools
import importlib.util
import re
import unicodedata
from pathlib import Path

DATA = Path(__file__).resolve().parents[2] / "data"
# underthesea's word list, relative to its package folder.
UNDERTHESEA_WORDS = Path("corpus") / "data" / "Viet74K.txt"
# Not vocabularies: the texts a person reads, which quote misreadings as examples ("Đầy mạnh").
NOT_VOCABULARY = frozenset({"messages.csv", "warning_codes.csv", "ocr_common_syllables.txt"})
_SYLLABLE = re.compile(r"[^\W\d_]+")


def _pairs_of(text: str) -> set[tuple[str, str]]:
    """The pairs of neighbouring letter runs on each line of `text`, lower-cased."""
    pairs = set()
    for line in unicodedata.normalize("NFC", text).lower().splitlines():
        runs = _SYLLABLE.findall(line)
        pairs.update(zip(runs, runs[1:]))
    return pairs


def underthesea_words() -> Path | None:
    """underthesea's word list, where the package is installed."""
    spec = importlib.util.find_spec("underthesea")
    for folder in (spec.submodule_search_locations or []) if spec else []:
        path = Path(folder) / UNDERTHESEA_WORDS
        if path.exists():
            return path
    return None


@functools.cache
def common_syllables() -> frozenset[str]:
    """The syllables OCR correction leaves as read (`data/ocr_common_syllables.txt`)."""
    text = (DATA / "ocr_common_syllables.txt").read_text(encoding="utf-8")
    return frozenset(line.strip() for line in text.splitlines() if line.strip() and not line.startswith("#"))


@functools.cache
def syllable_pairs() -> frozenset[tuple[str, str]]:
    """Every pair of syllables that stands together in a known word or name."""
    pairs: set[tuple[str, str]] = set()
    for path in sorted(DATA.glob("*")):
        if path.suffix in (".csv", ".yaml", ".txt") and path.name not in NOT_VOCABULARY:
            pairs |= _pairs_of(path.read_text(encoding="utf-8"))
    words = underthesea_words()
    if words:  # one word a line, its syllables split by spaces: no pattern needed
        for line in unicodedata.normalize("NFC", words.read_text(encoding="utf-8")).lower().splitlines():
            syllables = line.split()
            pairs.update(zip(syllables, syllables[1:]))
    return frozenset(pairs)
