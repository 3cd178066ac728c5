"""Text matching for diffs: word-level diffs and the optimal one-to-one alignment of two lists.

Both the task diff (`diff`) and the section diff (`diff_sections`) match texts
the same way, so the matching lives here, below both.
"""
from __future__ import annotations

import difflib
import re
import unicodedata
from dataclasses import dataclass

import numpy as np
from rapidfuzz import fuzz, process
from scipy.optimize import linear_sum_assignment

from pipeline.text import normalize_text

# Content similarity (0-100) below which two texts are different texts.
DEFAULT_THRESHOLD = 60.0
# Subtracted at most, for the largest distance in position: keeps identical duplicates in order.
POSITION_PENALTY = 0.1

_WORD_CHARS = re.compile(r"\w+")


@dataclass(frozen=True)
class WordOp:
    """One run of words in a word-level diff: kept, deleted from old, or inserted in new."""

    op: str  # "equal" | "delete" | "insert"
    text: str


@dataclass
class Alignment:
    """A one-to-one matching of two lists by index; the rest is removed or added."""

    pairs: list[tuple[int, int]]  # (old index, new index), in new order
    removed: list[int]
    added: list[int]



def text_key(value: str | None) -> str | None:
    """What two texts must share to be equal: tone convention and spacing do not count."""
    return None if value is None else normalize_text(value)



def word_diff(old: str, new: str) -> list[WordOp]:
    """The word-level diff of two texts, as runs; a replaced run is a delete then an insert."""
    a, b = normalize_text(old).split(), normalize_text(new).split()
    ops: list[WordOp] = []
    for tag, i1, i2, j1, j2 in difflib.SequenceMatcher(None, a, b, autojunk=False).get_opcodes():
        if tag == "equal":
            ops.append(WordOp("equal", " ".join(a[i1:i2])))
            continue
        if i2 > i1:
            ops.append(WordOp("delete", " ".join(a[i1:i2])))
        if j2 > j1:
            ops.append(WordOp("insert", " ".join(b[j1:j2])))
    return ops


def match_tokens(text: str | None) -> tuple[str, ...]:
    """The words fuzzy matching compares: NFC, case-folded, punctuation dropped.

    Matching works on words, not characters: a task is edited word by word, and
    comparing 50 words is ten times faster than comparing 300 characters.
    Tone placement is not normalised here (it is slow); it moves a word or two at most.
    """
    return tuple(_WORD_CHARS.findall(unicodedata.normalize("NFC", text or "").casefold()))


def _encode(*sides: list[tuple[str, ...]]) -> list[list[list[int]]]:
    """Words as integers shared by both sides, so rapidfuzz compares sequences of ints."""
    vocabulary: dict[str, int] = {}
    return [[[vocabulary.setdefault(w, len(vocabulary)) for w in words] for words in side] for side in sides]


def _unique_exact_pairs(old: list[tuple[str, ...]], new: list[tuple[str, ...]]) -> list[tuple[int, int]]:
    """Pairs of identical texts that occur once on each side: matched before the (costly) matrix.

    Swapping such a pair into any matching never lowers its total, so the result
    is still optimal; texts repeated on a side are left to the matrix and its tie-breakers.
    """
    def once(keys: list[tuple[str, ...]]) -> dict[tuple[str, ...], int]:
        seen: dict[tuple[str, ...], list[int]] = {}
        for i, key in enumerate(keys):
            seen.setdefault(key, []).append(i)
        return {key: found[0] for key, found in seen.items() if len(found) == 1}

    old_once, new_once = once(old), once(new)
    return [(i, new_once[key]) for key, i in old_once.items() if key in new_once]


def align(old_texts: list[str], new_texts: list[str], bonus: np.ndarray | None = None,
          threshold: float = DEFAULT_THRESHOLD) -> Alignment:
    """Match two lists of texts one-to-one so that the total similarity is highest.

    Args:
        old_texts, new_texts: the texts to match.
        bonus: an (old × new) array added to the similarity to break near-ties.
        threshold: pairs whose word similarity (0-100) is below it are left unmatched.
    """
    old_keys, new_keys = [match_tokens(t) for t in old_texts], [match_tokens(t) for t in new_texts]
    pairs = _unique_exact_pairs(old_keys, new_keys)
    rows = [i for i in range(len(old_keys)) if i not in {i for i, _ in pairs}]
    cols = [j for j in range(len(new_keys)) if j not in {j for _, j in pairs}]
    if rows and cols:
        old_ids, new_ids = _encode([old_keys[i] for i in rows], [new_keys[j] for j in cols])
        similarity = process.cdist(old_ids, new_ids, scorer=fuzz.ratio, dtype=np.float32)
        distance = np.abs(np.array(rows)[:, None] - np.array(cols)[None, :])
        score = similarity - POSITION_PENALTY * distance / max(len(old_keys), len(new_keys))
        if bonus is not None:
            score += bonus[np.ix_(rows, cols)]
        acceptable = similarity >= threshold
        score = np.where(acceptable, score, 0.0)  # never worth more than no match
        for r, c in zip(*linear_sum_assignment(score, maximize=True)):
            if acceptable[r, c]:
                pairs.append((rows[r], cols[c]))
    pairs.sort(key=lambda p: p[1])
    old_done, new_done = {i for i, _ in pairs}, {j for _, j in pairs}
    return Alignment(pairs, [i for i in range(len(old_keys)) if i not in old_done],
                     [j for j in range(len(new_keys)) if j not in new_done])
