"""Vocabularies and gazetteers as editable CSV/YAML files: the one loader.

Every data file is read here, by name. Lines starting with "#" are comments in
both formats (a CSV file may explain its columns above the header). A folder
named by the environment variable VNPLAN_DATA_DIR (or `vnplan --data DIR`)
takes precedence file by file: a province's own `agencies.csv` there replaces
the packaged one, and every file it does not hold comes from the package. Set
it before the first conversion: what is loaded is kept for the process. Batch
workers forked on this machine inherit it; Dask workers on other machines need the
variable set in their own environment.
"""
from __future__ import annotations

import csv
import os
from functools import cache
from importlib import resources
from pathlib import Path

import yaml

DATA_PACKAGE = "pipeline.data"
DATA_DIR_ENV = "VNPLAN_DATA_DIR"
# Where the packaged files are when the package is a plain folder (source tree, wheel install).
DATA_DIR = Path(__file__).resolve().parent


def data_text(name: str) -> str:
    """The text of data file `name`: from the override folder if it holds it, else the package's."""
    override = os.environ.get(DATA_DIR_ENV)
    if override and (Path(override) / name).is_file():
        return (Path(override) / name).read_text(encoding="utf-8")
    return resources.files(DATA_PACKAGE).joinpath(name).read_text(encoding="utf-8")


def _without_comments(text: str) -> list[str]:
    return [line for line in text.splitlines(keepends=True) if not line.startswith("#")]


@cache
def _csv_rows(name: str, override: str | None) -> tuple[dict[str, str], ...]:
    return tuple(dict(row) for row in csv.DictReader(_without_comments(data_text(name))))


@cache
def _yaml(name: str, override: str | None):
    return yaml.safe_load(data_text(name))


def load_csv(name: str) -> tuple[dict[str, str], ...]:
    """Rows of a CSV data file as dicts by header; lines starting with '#' are comments."""
    return _csv_rows(name, os.environ.get(DATA_DIR_ENV))


def load_yaml(name: str):
    """A YAML data file, parsed safely ('#' comments are YAML's own)."""
    return _yaml(name, os.environ.get(DATA_DIR_ENV))


@cache
def _lines(name: str, override: str | None) -> tuple[str, ...]:
    entries = (line.split(" #", 1)[0].strip() for line in data_text(name).splitlines()
               if not line.lstrip().startswith("#"))
    return tuple(entry for entry in entries if entry)


def load_lines(name: str) -> tuple[str, ...]:
    """Entries of a word list, one per line.

    Blank lines and lines starting with '#' are skipped; " # ..." after an entry is
    a comment on it.
    """
    return _lines(name, os.environ.get(DATA_DIR_ENV))
