"""The gazetteer's index: every name its files hold, with the keys it is looked up by.

Keying a name (abbreviations expanded, tone marks moved, diacritics folded) is most
of what loading the gazetteer costs: some 1,400 names of agencies.csv, provinces.csv
and agency_groups.csv, about 0.02-0.03 s of every conversion. The index is plain
JSON, so `pipeline.data.disk_cache` keeps it under the hash of those files (as a
`--data` folder or VNPLAN_DATA_DIR resolves them), of abbreviations.csv and of the
code that keys them; `Gazetteer` builds its tables from it.
"""
from __future__ import annotations

import sys
from pathlib import Path
from typing import Any, Protocol

from pipeline import data, text
from pipeline.data import data_text
from pipeline.data.disk_cache import code_texts, remembered


# The files whose texts the index is built from (abbreviations.csv: the keys expand them).
INDEX_FILES = ("agencies.csv", "agency_groups.csv", "provinces.csv", "abbreviations.csv")
SPECIAL_ZONES = "{dac_khu}"  # in a collective's name: ", đặc khu" where the province has any


class Gazetteer(Protocol):
    """What the index needs of a gazetteer (`gazetteer.Gazetteer` is one): its data folder,
    its files and its keying. Named here, so this module need not import the one it serves."""

    data_dir: Path | None

    def read_csv(self, name: str) -> list[dict[str, str]]: ...

    def agency_key(self, text: str) -> str: ...

    def row_keys(self, name: str, variants: list[str]) -> list[tuple[str, str]]: ...


def split_bar(value: str) -> list[str]:
    return [v.strip() for v in value.split("|") if v.strip()]


def load_index(gaz: Gazetteer) -> dict[str, list[Any]]:
    """The index of `gaz`'s files: from the disk cache when they and the code are unchanged."""
    texts = [data_text(name, gaz.data_dir) for name in INDEX_FILES]
    code = code_texts(sys.modules[type(gaz).__module__], sys.modules[__name__], text, data)
    return remembered("gazetteer", None if code is None else texts + code, lambda: build_index(gaz))


def build_index(gaz: Gazetteer) -> dict[str, list[Any]]:
    """Each file's rows in file order, each with its fields and keys:
    provinces [fields, [key of each label]], rows [fields, [[key, head word] of each form]],
    groups [csv row, [key of each label]]."""
    return {
        "provinces": [_province_entry(gaz, r) for r in gaz.read_csv("provinces.csv")],
        "rows": [_row_entry(gaz, r) for r in gaz.read_csv("agencies.csv")],
        "groups": [[r, [gaz.agency_key(label) for label in _group_labels(r)]] for r in gaz.read_csv("agency_groups.csv")],
    }


def _province_entry(gaz: Gazetteer, r: dict[str, str]) -> list[Any]:
    zones = split_bar(r.get("special_zones", "")) if r.get("status") == "active" else None
    fields = [r["name"], r["slug"], r["kind"], r["successor"], r["successor_date"] or None, r["basis"] or None, zones]
    return [fields, [gaz.agency_key(label) for label in [r["name"], *split_bar(r["variants"])]]]


def _row_entry(gaz: Gazetteer, r: dict[str, str]) -> list[Any]:
    fields = [r["id"], r["name"], r["kind"] or "agency", r["level"] or None, r.get("province", ""),
              r.get("successor_id", ""), r.get("successor_date") or None, r.get("basis") or None,
              split_bar(r.get("successor_except", ""))]
    return [fields, [list(pair) for pair in gaz.row_keys(r["name"], split_bar(r.get("variants", "")))]]


def _group_labels(r: dict[str, str]) -> list[str]:
    return [r["name"].replace(SPECIAL_ZONES, ", đặc khu"), r["name"].replace(SPECIAL_ZONES, ""), *split_bar(r["variants"])]
