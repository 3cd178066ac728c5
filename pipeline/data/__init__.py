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
