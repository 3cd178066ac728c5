"""Messages in Vietnamese first, English on request (`--lang en`).

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
import functools
from functools import cache
from typing import Any, Callable, Iterator

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


def add_lang_argument(parser) -> None:
    """`--lang vi|en` on a parser, once (SUPPRESS: `vnplan --lang en render` is not undone by the command's default)."""
    import argparse  # noqa: PLC0415

    if "--lang" not in parser._option_string_actions:  # noqa: SLF001 (argparse keeps no public list)
        parser.add_argument("--lang", choices=LANGS, default=argparse.SUPPRESS, help=message("cli.help.lang"))


def in_language_of_args(run: Callable[[Any], int]) -> Callable[[Any], int]:
    """A command's `run(args)` with every message in `args.lang` when given (a command run without
    `vnplan`'s main, as tests do), else in the run's language."""
    @functools.wraps(run)
    def wrapper(args: Any) -> int:
        with using_lang(getattr(args, "lang", None)):
            return run(args)
    return wrapper


# argparse's own words (its gettext message ids) -> our keys: "usage:", "options", its errors.
_ARGPARSE_KEYS = {
    "usage: ": "argparse.usage",
    "positional arguments": "argparse.positionals",
    "options": "argparse.options",
    "show this help message and exit": "argparse.help",
    "show program's version number and exit": "argparse.version",
    "unrecognized arguments: %s": "argparse.unrecognized",
    "the following arguments are required: %s": "argparse.required",
    "expected one argument": "argparse.expected_one",
    "expected at most one argument": "argparse.expected_at_most_one",
    "expected at least one argument": "argparse.expected_at_least_one",
    "argument %(argument_name)s: %(message)s": "argparse.argument",
    "invalid choice: %(value)r (choose from %(choices)s)": "argparse.invalid_choice",
    "invalid %(type)s value: %(value)r": "argparse.invalid_value",
    "ambiguous option: %(option)s could match %(matches)s": "argparse.ambiguous",
    "not allowed with argument %s": "argparse.not_allowed_with",
    "ignored explicit argument %r": "argparse.ignored_explicit",
    "one of the arguments %s is required": "argparse.one_required",
    "%(prog)s: error: %(message)s\n": "argparse.error",
}


def _argparse_text(msgid: str) -> str:
    key = _ARGPARSE_KEYS.get(msgid)
    return message(key) if key else msgid


def translate_argparse() -> None:
    """argparse's own words ("usage:", "options", "invalid choice ...") in the run's language:
    argparse looks each up through its module's gettext `_` when it prints it."""
    import argparse  # noqa: PLC0415

    argparse._ = _argparse_text  # noqa: SLF001 (argparse's documented gettext hook is this name)
