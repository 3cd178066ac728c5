"""Messages in Vietnamese first, English on request (`--lang en`).

Every string a person reads in a report, the review page or a command's message
is a key of `data/messages.csv` (key, vi, en; `{name}` fields filled by
`message`). Warning labels come from `data/warning_codes.csv`: `label_vi` in
Vietnamese, `meaning` in English. JSON field names never change.
"""
from __future__ import annotations

from functools import cache

from pipeline.data import load_csv
from pipeline.warnings import warning_codes

LANGS = ("vi", "en")
DEFAULT_LANG = "vi"


@cache
def _table() -> dict[str, dict[str, str]]:
    return {row["key"]: row for row in load_csv("messages.csv")}


def message(key: str, lang: str = DEFAULT_LANG, **fields: object) -> str:
    """The text of a message key in `lang`, its `{fields}` filled; an unknown key is a bug (KeyError)."""
    row = _table()[key]
    text = row.get(lang) or row[DEFAULT_LANG]
    return text.format(**fields) if fields else text


def warning_label(code: str, lang: str = DEFAULT_LANG) -> str:
    """What a warning code means, for a person: the Vietnamese label, or the English meaning."""
    row = warning_codes().get(code)
    if row is None:
        return code
    return (row.get("label_vi") if lang == "vi" else row.get("meaning")) or code


def add_lang_argument(parser) -> None:
    """The `--lang vi|en` option every report-writing command takes."""
    parser.add_argument("--lang", choices=LANGS, default=DEFAULT_LANG,
                        help="language of the report: vi (default) or en")
