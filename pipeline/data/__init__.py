"""Vocabularies and gazetteers as editable CSV/YAML files: the one loader.

Every data file is read here, by name. Lines starting with "#" are comments in
both formats (a CSV file may explain its columns above the header). A folder
named by the environment variable VNPLAN_DATA_DIR (or `vnplan --data DIR`)
takes precedence file by file: a province's own `agencies.csv` there replaces
the packaged one, and every file it does not hold comes from the package. Set
it before the first conversion: what is loaded is kept for the process. Batch
workers forked on this machine inherit it; Dask workers on other machines need the
variable set in their own environment. Parsed YAML is also kept on disk between
processes, under the hash of its text (`disk_cache`).

Beside the loader, the ground floor's run-wide tables every step may read: the
message table and the run's language (`messages`), the optional parts of the
install (`extras`), and the listener of a long step's progress (`progress`).
"""
from __future__ import annotations

import csv
import os
from functools import cache
from pathlib import Path

from pipeline.data.disk_cache import remembered

DATA_PACKAGE = "pipeline.data"
DATA_DIR_ENV = "VNPLAN_DATA_DIR"
# Where the packaged files are when the package is a plain folder (source tree, wheel install).
DATA_DIR = Path(__file__).resolve().parent


def data_text(name: str, folder: str | Path | None = None) -> str:
    """The text of data file `name`: from `folder` if it holds it, else from the override folder
    (VNPLAN_DATA_DIR) if that does, else the package's."""
    for override in (folder, os.environ.get(DATA_DIR_ENV)):
        if override and (Path(override) / name).is_file():
            return (Path(override) / name).read_text(encoding="utf-8")
    if (DATA_DIR / name).is_file():  # the package is a plain folder: no importlib.resources to import
        return (DATA_DIR / name).read_text(encoding="utf-8")
    from importlib import resources  # a package inside a zip file

    return resources.files(DATA_PACKAGE).joinpath(name).read_text(encoding="utf-8")


def _without_comments(text: str) -> list[str]:
    return [line for line in text.splitlines(keepends=True) if not line.startswith("#")]


# Cached per (file, folder passed in, override folder): what is loaded is kept for the process.
@cache
def _csv_rows(name: str, folder: str | None, override: str | None) -> tuple[dict[str, str], ...]:
    return tuple(dict(row) for row in csv.DictReader(_without_comments(data_text(name, folder))))


@cache
def _yaml(name: str, folder: str | None, override: str | None):
    text = data_text(name, folder)
    return remembered("yaml", [text], lambda: parse_yaml(text))


def parse_yaml(text: str):
    """YAML parsed safely, with libyaml's loader where PyYAML has it (ten times faster, the same
    documents). PyYAML is imported here only: a text parsed before is read from the disk cache."""
    import yaml

    return yaml.load(text, Loader=getattr(yaml, "CSafeLoader", yaml.SafeLoader))  # noqa: S506 (a safe loader)


@cache
def _lines(name: str, folder: str | None, override: str | None) -> tuple[str, ...]:
    entries = (line.split(" #", 1)[0].strip() for line in data_text(name, folder).splitlines()
               if not line.lstrip().startswith("#"))
    return tuple(entry for entry in entries if entry)


def _folder(folder: str | Path | None) -> str | None:
    return str(folder) if folder else None


def load_csv(name: str, folder: str | Path | None = None) -> tuple[dict[str, str], ...]:
    """Rows of a CSV data file as dicts by header; lines starting with '#' are comments.

    `folder`: a folder whose copy of the file, if it has one, is read instead (a province's own
    data passed in, as `Gazetteer(data_dir)` does).
    """
    return _csv_rows(name, _folder(folder), os.environ.get(DATA_DIR_ENV))


def load_yaml(name: str, folder: str | Path | None = None):
    """A YAML data file, parsed safely ('#' comments are YAML's own); `folder` as in load_csv."""
    return _yaml(name, _folder(folder), os.environ.get(DATA_DIR_ENV))


def load_lines(name: str, folder: str | Path | None = None) -> tuple[str, ...]:
    """Entries of a word list, one per line; `folder` as in load_csv.

    Blank lines and lines starting with '#' are skipped; " # ..." after an entry is
    a comment on it.
    """
    return _lines(name, _folder(folder), os.environ.get(DATA_DIR_ENV))
