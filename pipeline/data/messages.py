"""The message table and the run's language: every step names what it warns about through it.

Messages in Vietnamese first, English on request (`--lang en`).

Every string a person reads (a warning's message, a command's help, summary,
progress line or error, a report, the review page) is a key of `data/messages.csv`
(key, vi, en; `{name}` fields filled by `message`). The language of a run is set
once (`set_lang`, from the CLI's `--lang` or VNPLAN_LANG; `pipeline.convert(lang=...)`)
and every message without an explicit `lang` follows it. Warning labels come from
`data/warning_codes.csv`: `label_vi` in Vietnamese, `meaning` in English. JSON
field names never change.
"""
from __future__ import annotations

import os
from contextlib import contextmanager
from contextvars import ContextVar
from functools import cache
from typing import Iterator

from pipeline.data import load_csv
from pipeline.warnings import warning_codes

LANGS = ("vi", "en")
DEFAULT_LANG = "vi"
# The language a run's messages are in when `--lang` is not given; batch workers inherit it.
LANG_ENV = "VNPLAN_LANG"

# The run's language; None: VNPLAN_LANG, else Vietnamese.
_RUN_LANG: ContextVar[str | None] = ContextVar("vnplan_lang", default=None)


def current_lang() -> str:
    """The language of this run's messages: set_lang's, else VNPLAN_LANG's, else Vietnamese."""
    lang = _RUN_LANG.get() or os.environ.get(LANG_ENV, "").strip().lower()
    return lang if lang in LANGS else DEFAULT_LANG


def set_lang(lang: str | None) -> None:
    """Every later message without its own `lang` is in `lang` (None: back to VNPLAN_LANG / vi)."""
    if lang is not None and lang not in LANGS:
        raise ValueError(message("cli.bad_lang", lang=lang, langs=", ".join(LANGS)))
    _RUN_LANG.set(lang)


@contextmanager
def using_lang(lang: str | None) -> Iterator[None]:
    """Messages in `lang` inside the block (None: the run's language unchanged)."""
    if lang is None:
        yield
        return
    if lang not in LANGS:
        raise ValueError(message("cli.bad_lang", lang=lang, langs=", ".join(LANGS)))
    token = _RUN_LANG.set(lang)
    try:
        yield
    finally:
        _RUN_LANG.reset(token)


@cache
def _table() -> dict[str, dict[str, str]]:
    return {row["key"]: row for row in load_csv("messages.csv")}


def message_keys() -> set[str]:
    """Every key of the message table (a test checks each used key is there, in both languages)."""
    return set(_table())


def message(key: str, lang: str | None = None, **fields: object) -> str:
    """The text of a message key in `lang` (default: the run's), its `{fields}` filled; an unknown key is a bug (KeyError)."""
    row = _table()[key]
    lang = lang or current_lang()
    text = row.get(lang) or row[DEFAULT_LANG]
    return text.format(**fields) if fields else text


def field_label(name: str, lang: str | None = None) -> str:
    """A JSON field's name as a person reads it ("issued_date": "ngày ban hành"): `field.<name>`,
    else the task column's `col.<name>`, else the name itself."""
    for key in (f"field.{name}", f"col.{name}"):
        if key in _table():
            return message(key, lang)
    return name


def warning_label(code: str, lang: str | None = None) -> str:
    """What a warning code means, for a person: the Vietnamese label, or the English meaning."""
    row = warning_codes().get(code)
    if row is None:
        return code
    return (row.get("label_vi") if (lang or current_lang()) == "vi" else row.get("meaning")) or code
