"""The optional parts of the install, and one line when a feature's part is missing.

The core install (`pip install vnplan`) converts a text-layer PDF or a DOCX and validates
the JSON; every other feature's libraries are an extra of pyproject.toml
(`pip install 'vnplan[ocr]'`). A command that needs a missing extra stops with one line
naming it ("OCR needs the [ocr] extra: pip install 'vnplan[ocr]'"), never with an
ImportError's traceback. `EXTRAS` must list the import names of what pyproject.toml puts
in each extra (tests/test_extras.py compares the two).
"""
from __future__ import annotations

import importlib.util
import sys

from pipeline.data.messages import message

# Extra -> the modules its features import (import names, not distribution names).
EXTRAS: dict[str, tuple[str, ...]] = {
    "ocr": ("cv2", "numpy", "underthesea"),  # underthesea: its word list is read (never imported) by the OCR correction
    "diff": ("numpy", "scipy"),
    "db": ("sqlalchemy", "alembic", "openpyxl"),
    "postgres": ("sqlalchemy", "alembic", "psycopg"),
    "parquet": ("pyarrow",),
    "dask": ("distributed",),
    "serve": ("starlette", "uvicorn", "jinja2", "multipart", "sqlalchemy", "alembic", "openpyxl", "numpy", "scipy"),
}

# A module an ImportError names -> the extra that brings it (numpy, in two extras, is
# named by the feature that asks for it, through `require`).
EXTRA_OF_MODULE = {"cv2": "ocr", "scipy": "diff", "sqlalchemy": "db", "alembic": "db", "openpyxl": "db",
                   "psycopg": "postgres", "pyarrow": "parquet", "distributed": "dask", "dask": "dask",
                   "starlette": "serve", "uvicorn": "serve", "jinja2": "serve", "multipart": "serve"}

class MissingExtra(ImportError):
    """A feature whose extra is not installed; `reason` is the one line the command prints."""

    def __init__(self, feature: str, extra: str) -> None:
        self.reason = missing_line(feature, extra)
        super().__init__(self.reason)
        self.extra = extra


def missing_line(feature: str, extra: str) -> str:
    """"OCR needs the [ocr] extra: pip install 'vnplan[ocr]'"."""
    return message("extra.missing", feature=feature, extra=extra)  # in the run's language


def importable(module: str) -> bool:
    """Whether `module` (a top-level name) can be imported, without importing it."""
    if module in sys.modules:
        return sys.modules[module] is not None  # None: an import that is known to fail
    try:
        return importlib.util.find_spec(module) is not None
    except (ImportError, ValueError):
        return False


def missing_modules(extra: str) -> list[str]:
    """The modules of `extra` that cannot be imported here."""
    return [m for m in EXTRAS[extra] if not importable(m)]


def require(extra: str, feature: str) -> None:
    """Raise MissingExtra when a module of `extra` is missing; `feature` is what needed it."""
    if missing_modules(extra):
        raise MissingExtra(feature, extra)


def extra_for(error: ImportError) -> str | None:
    """The extra that would have brought the module an ImportError names, if any."""
    top = (error.name or "").split(".")[0]
    return EXTRA_OF_MODULE.get(top)
