"""Vocabularies and gazetteers as editable CSV/YAML files, loaded once."""
from __future__ import annotations

import csv
from functools import cache
from pathlib import Path

import yaml

DATA_DIR = Path(__file__).resolve().parent


@cache
def load_csv(name: str) -> tuple[dict[str, str], ...]:
    """Rows of a CSV file in this folder; lines starting with '#' are comments."""
    with open(DATA_DIR / name, encoding="utf-8", newline="") as handle:
        lines = [line for line in handle if not line.startswith("#")]
    return tuple(dict(row) for row in csv.DictReader(lines))


@cache
def load_yaml(name: str):
    with open(DATA_DIR / name, encoding="utf-8") as handle:
        return yaml.safe_load(handle)


@cache
def load_lines(name: str) -> tuple[str, ...]:
    """Entries of a word list in this folder, one per line.

    Blank lines and lines starting with '#' are skipped; " # ..." after an entry is
    a comment on it.
    """
    with open(DATA_DIR / name, encoding="utf-8") as handle:
        entries = (line.split(" #", 1)[0].strip() for line in handle if not line.lstrip().startswith("#"))
        return tuple(entry for entry in entries if entry)
