"""Vocabularies of Vietnamese document citations, and the small rules that read them.

The type words (Nghị định, Quyết định, Luật ...) and the symbol codes (QĐ, TTg,
UBND ...) are data (`data/document_types.csv`, `data/issuer_codes.csv`), loaded
once here. The helpers that only need these tables live here too: the issuer a
symbol names, an issuer phrase normalised, a printed date checked. The grammar
that finds citations in text is `references`.
"""
from __future__ import annotations

import datetime
import re
from dataclasses import dataclass
from functools import cache

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


# ---- vocabularies -------------------------------------------------------------------


@cache
def document_types() -> tuple[DocType, ...]:
    """The type words of data/document_types.csv."""
    return tuple(DocType(row["word"], row["code"], tuple(row["symbol_codes"].split()),
                         row["cite_by_name"], row["default_issuer"] or None)
                 for row in load_csv("document_types.csv"))


@cache
def type_by_word() -> dict[str, DocType]:
    """Type rows by their word in lower case ("quyết định")."""
    return {row.word.lower(): row for row in document_types()}


@cache
def type_by_symbol_code() -> dict[str, DocType]:
    """Type rows by the code a symbol starts with ("QĐ"); the first row listing a code wins."""
    found: dict[str, DocType] = {}
    for row in document_types():
        for code in row.symbol_codes:
            found.setdefault(code, row)
    return found


@cache
def type_word_pattern() -> re.Pattern[str]:
    """Any type word, longest first, spaces inside it free ("Quyết  định")."""
    words = sorted((row.word for row in document_types()), key=len, reverse=True)
    alternatives = "|".join(r"\s+".join(map(re.escape, w.split())) for w in words)
    return re.compile(rf"(?<!\w)(?i:{alternatives})(?!\w)")


@cache
def issuer_codes() -> dict[str, tuple[str | None, str | None]]:
    """Code -> (issuer of a document with this symbol, expansion inside written text)."""
    return {row["code"]: (row["symbol_issuer"] or None, row["text_expansion"] or None)
            for row in load_csv("issuer_codes.csv")}


def _words_regex(words: list[str], flags: int = 0) -> re.Pattern[str]:
    alternatives = "|".join(r"\s+".join(map(re.escape, w.split())) for w in sorted(words, key=len, reverse=True))
    return re.compile(rf"(?:{alternatives})(?!\w)", flags)


@dataclass(frozen=True)
class CitationWords:
    """The word lists of data/citation_words.yaml, compiled."""

    issuer_stop: re.Pattern[str]
    issuer_stop_caps: re.Pattern[str]  # the same, for a citation written in capitals
    max_issuer_words: int
    complete_issuers: tuple[str, ...]
    name_stop: re.Pattern[str]
    max_name_words: int
    keep_in_name: re.Pattern[str]
    inner_comma: re.Pattern[str]
    not_a_name: frozenset[str]


@cache
def citation_words() -> CitationWords:
    """data/citation_words.yaml, loaded once."""
    w = load_yaml("citation_words.yaml")
    return CitationWords(
        issuer_stop=_words_regex(w["issuer_stop"]), issuer_stop_caps=_words_regex(w["issuer_stop"], re.I),
        max_issuer_words=int(w["max_issuer_words"]),
        complete_issuers=tuple(sorted(w["complete_issuers"], key=len, reverse=True)),
        name_stop=_words_regex(w["name_stop"]), max_name_words=int(w["max_name_words"]),
        keep_in_name=_words_regex(w["keep_in_name"]),
        inner_comma=re.compile(rf",\s(?:{_words_regex(w['inner_comma']).pattern})"),
        not_a_name=frozenset(w["not_a_name"]))


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
