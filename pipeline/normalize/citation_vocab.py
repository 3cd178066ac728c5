"""Vocabularies of Vietnamese document citations, and the small rules that read them.

The type words (Nghị định, Quyết định, Luật ...), the symbol codes (QĐ, TTg, UBND ...)
and the grammar's stop words are data (`data/document_types.csv`, `data/issuer_codes.csv`,
`data/citation_words.yaml`), held by a `CitationVocab`. The package's own is the default;
another one (`CitationVocab(data_dir)`, files missing there come from the package) is
passed to `find_citations` / `collect_references` and is active while they run (`using`).
The helpers that only need these tables live here too: the issuer a symbol names, an
issuer phrase normalised, a printed date checked. The grammar is `references`.
"""
from __future__ import annotations

import datetime
import re
from contextlib import contextmanager
from contextvars import ContextVar
from dataclasses import dataclass
from functools import cache, cached_property
from pathlib import Path
from typing import Iterator

from pipeline.data import load_csv, load_yaml
from pipeline.text import clean_whitespace, modernize_tones

_TERM = re.compile(r"\s*,?\s*\(?(?i:khóa|khoá)\s+[IVXLC\d]+\)?$")  # "khóa XI": a term, not the body


@dataclass(frozen=True)
class DocType:
    """One row of data/document_types.csv."""

    word: str
    code: str
    symbol_codes: tuple[str, ...]
    cite_by_name: str
    default_issuer: str | None


def _words_regex(words: list[str], flags: int = 0) -> re.Pattern[str]:
    alternatives = "|".join(r"\s+".join(map(re.escape, w.split())) for w in sorted(words, key=len, reverse=True))
    return re.compile(rf"(?:{alternatives})(?!\w)", flags)


@dataclass(frozen=True)
class CitationWords:
    """The word lists of data/citation_words.yaml, compiled."""

    issuer_stop: re.Pattern[str]
    max_issuer_words: int
    complete_issuers: tuple[str, ...]
    name_stop: re.Pattern[str]
    max_name_words: int
    keep_in_name: re.Pattern[str]
    inner_comma: re.Pattern[str]
    not_a_name: frozenset[str]


class CitationVocab:
    """The citation vocabularies of one data folder (the package's when None)."""

    def __init__(self, data_dir: Path | str | None = None) -> None:
        self.data_dir = Path(data_dir) if data_dir else None

    def _csv(self, name: str) -> list[dict[str, str]]:
        return list(load_csv(name, self.data_dir))

    @cached_property
    def document_types(self) -> tuple[DocType, ...]:
        return tuple(DocType(row["word"], row["code"], tuple(row["symbol_codes"].split()),
                             row["cite_by_name"], row["default_issuer"] or None)
                     for row in self._csv("document_types.csv") if row.get("citation") != "no")

    @cached_property
    def type_by_word(self) -> dict[str, DocType]:
        return {row.word.lower(): row for row in self.document_types}

    @cached_property
    def type_by_symbol_code(self) -> dict[str, DocType]:
        found: dict[str, DocType] = {}
        for row in self.document_types:
            for code in row.symbol_codes:
                found.setdefault(code, row)
        return found

    @cached_property
    def type_word_pattern(self) -> re.Pattern[str]:
        words = sorted((row.word for row in self.document_types), key=len, reverse=True)
        alternatives = "|".join(r"\s+".join(map(re.escape, w.split())) for w in words)
        return re.compile(rf"(?<!\w)(?i:{alternatives})(?!\w)")

    @cached_property
    def issuer_codes(self) -> dict[str, tuple[str | None, str | None]]:
        return {row["code"]: (row["symbol_issuer"] or None, row["text_expansion"] or None)
                for row in self._csv("issuer_codes.csv")}

    @cached_property
    def words(self) -> CitationWords:
        w = load_yaml("citation_words.yaml", self.data_dir)
        return CitationWords(
            issuer_stop=_words_regex(w["issuer_stop"]), max_issuer_words=int(w["max_issuer_words"]),
            complete_issuers=tuple(sorted(w["complete_issuers"], key=len, reverse=True)),
            name_stop=_words_regex(w["name_stop"]), max_name_words=int(w["max_name_words"]),
            keep_in_name=_words_regex(w["keep_in_name"]),
            inner_comma=re.compile(rf",\s(?:{_words_regex(w['inner_comma']).pattern})"),
            not_a_name=frozenset(w["not_a_name"]))


@cache
def default_vocab() -> CitationVocab:
    """The package's own citation vocabularies, loaded once."""
    return CitationVocab()


_ACTIVE: ContextVar[CitationVocab | None] = ContextVar("citation_vocab", default=None)


@contextmanager
def using(vocab: CitationVocab | None) -> Iterator[None]:
    """Make `vocab` the one the grammar reads while the block runs (None: keep the current one)."""
    token = _ACTIVE.set(vocab) if vocab is not None else None
    try:
        yield
    finally:
        if token is not None:
            _ACTIVE.reset(token)


def active_vocab() -> CitationVocab:
    return _ACTIVE.get() or default_vocab()


# ---- the active vocabularies, as the grammar reads them --------------------------------


def document_types() -> tuple[DocType, ...]:
    """The type words of data/document_types.csv."""
    return active_vocab().document_types


def type_by_word() -> dict[str, DocType]:
    """Type rows by their word in lower case ("quyết định")."""
    return active_vocab().type_by_word


def type_by_symbol_code() -> dict[str, DocType]:
    """Type rows by the code a symbol starts with ("QĐ"); the first row listing a code wins."""
    return active_vocab().type_by_symbol_code


def type_word_pattern() -> re.Pattern[str]:
    """Any type word, longest first, spaces inside it free ("Quyết  định")."""
    return active_vocab().type_word_pattern


def issuer_codes() -> dict[str, tuple[str | None, str | None]]:
    """Code -> (issuer of a document with this symbol, expansion inside written text)."""
    return active_vocab().issuer_codes


def citation_words() -> CitationWords:
    """data/citation_words.yaml, compiled."""
    return active_vocab().words


# ---- small helpers ------------------------------------------------------------------


def parse_citation_date(day: str, month: str, year: str) -> str | None:
    """ISO date, or None when the printed date cannot exist (31/02/2024)."""
    try:
        return datetime.date(int(year), int(month), int(day)).isoformat()
    except ValueError:
        return None


def type_of_word(word: str) -> DocType:
    """The type row of a type word as matched by `type_word_pattern`."""
    return type_by_word()[clean_whitespace(word).lower()]


def issuer_from_symbol(segments: list[str], doc_type: DocType) -> str | None:
    """The issuer a symbol names unambiguously ("QĐ-TTg" -> Thủ tướng Chính phủ), else None."""
    if doc_type.code.endswith("lien_tich"):
        return None  # a joint document has several issuers
    if len(segments) > 1 and segments[0] in type_by_symbol_code():
        segments = segments[1:]
    codes = issuer_codes()
    for size in range(len(segments), 0, -1):
        head = segments[:size]
        for joined in ("-".join(head), "".join(head)):
            for candidate in (joined, re.sub(r"\d+$", "", joined)):
                if candidate in codes:
                    return codes[candidate][0]
    return None


def normalize_issuer(phrase: str) -> str:
    """Expand abbreviations, drop the term ("khóa XI"), modern tones: "Chủ tịch Ủy ban nhân dân tỉnh"."""
    codes = issuer_codes()
    words = [codes[w][1] if w in codes and codes[w][1] else w for w in clean_whitespace(phrase).split()]
    return _TERM.sub("", modernize_tones(" ".join(words))).strip()
