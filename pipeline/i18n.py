"""The command line's side of the run's language: the `--lang` option, commands run in the
language of their arguments, argparse's own words from the table. The table and the
language themselves are ground floor (`pipeline.data.messages`), re-exported here.
"""
from __future__ import annotations

import functools
from typing import Any, Callable

from pipeline.data.messages import (  # noqa: F401  (the language API in one place for products)
    DEFAULT_LANG,
    LANG_ENV,
    LANGS,
    current_lang,
    field_label,
    message,
    message_keys,
    set_lang,
    using_lang,
    warning_label,
)


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
