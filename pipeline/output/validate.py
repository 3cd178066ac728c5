"""Check a plan document against schemas/plan.schema.json and say where it fails.

The schema is the contract's machine-readable form, so every violation is
reported as one line "JSON path: what is wrong", sorted, so that `vnplan
validate` output and test failures are stable and point at the exact field.
"""
from __future__ import annotations

import functools
import json
import re
import reprlib
from typing import TYPE_CHECKING, Any, Iterator

from pipeline.i18n import current_lang, message
from pipeline.output.fast_validate import passes

if TYPE_CHECKING:  # jsonschema is imported only to explain a document that fails
    from jsonschema import Draft202012Validator
    from jsonschema.exceptions import ValidationError

# The schema ships inside the package (pipeline/schemas/, package data), so an installed
# wheel finds it; the repository's top-level schemas/ links to the same files.
SCHEMA_PACKAGE = "pipeline.schemas"

# A key that can follow a dot in a JSON path; others are written ['key'] (as jsonschema does).
_PLAIN_KEY = re.compile(r"^[a-zA-Z][a-zA-Z0-9_]*$")

# Values quoted in messages are cut short: a whole Section dict helps no one.
_SHORT = reprlib.Repr()
_SHORT.maxstring = _SHORT.maxother = 60
_SHORT.maxdict = _SHORT.maxlist = 4
_SHORT.maxlevel = 2

PathPart = str | int


@functools.cache
def schema() -> dict:
    """The plan JSON Schema, read once.

    Returns:
        The parsed schema. Callers must not mutate it: it is shared.
    """
    return load_schema("plan.schema.json")


def load_schema(name: str) -> dict:
    """A JSON Schema shipped in pipeline/schemas/, read through importlib.resources."""
    from importlib import resources  # only to explain a failure or to serve the schema: not at start-up

    return json.loads(resources.files(SCHEMA_PACKAGE).joinpath(name).read_text(encoding="utf-8"))


@functools.cache
def _validator() -> Draft202012Validator:
    """One validator with format checking on, so "format": "date" rejects 2024-13-45."""
    from jsonschema import Draft202012Validator, FormatChecker

    return Draft202012Validator(schema(), format_checker=FormatChecker())


def json_path(parts: tuple[PathPart, ...]) -> str:
    """Write a path as jsonschema's `error.json_path` does: $.tasks[3].lead[0].id."""
    out = "$"
    for part in parts:
        if isinstance(part, int):
            out += f"[{part}]"
        elif _PLAIN_KEY.match(part):
            out += f".{part}"
        else:
            out += "['" + part.replace("\\", "\\\\").replace("'", "\\'") + "']"
    return out


def _nearest_errors(error: ValidationError) -> list[ValidationError]:
    """Replace an anyOf/oneOf failure by the errors of the branches that nearly matched.

    A nullable Agency is anyOf[Agency, null]; when an agency lacks its id, the
    useful error is "issuer.id is missing", not "not valid under any of the given
    schemas". A branch whose own type did not match (null against an object) is
    not near; when no branch is near, the anyOf error itself is the best report.
    """
    if error.validator not in ("anyOf", "oneOf") or not error.context:
        return [error]
    branches: dict[Any, list[ValidationError]] = {}
    for sub in error.context:
        branches.setdefault(sub.schema_path[0], []).append(sub)
    near = [
        errs for errs in branches.values()
        if not any(e.validator == "type" and not e.relative_path for e in errs)
    ]
    if not near:
        return [error]
    return [leaf for errs in near for e in errs for leaf in _nearest_errors(e)]


def _short_message(error: ValidationError) -> str:
    """jsonschema's message with the quoted instance shortened.

    An anyOf where no branch even had the right type (3.5 for a task number)
    says which types were allowed rather than "not valid under any of the
    given schemas".
    """
    if error.context and all(e.validator == "type" and not e.relative_path for e in error.context):
        allowed: list[str] = []
        for sub in error.context:
            types = sub.validator_value if isinstance(sub.validator_value, list) else [sub.validator_value]
            allowed += [t for t in types if t not in allowed]
        return f"{_SHORT.repr(error.instance)} is not of type {', '.join(map(repr, allowed))}"
    full = repr(error.instance)
    if len(full) > 80 and error.message.startswith(full):
        return _SHORT.repr(error.instance) + error.message[len(full):]
    return error.message


def _describe(error: ValidationError) -> Iterator[tuple[tuple[PathPart, ...], str]]:
    """(path, message) pairs for one leaf error, naming missing and unexpected keys by their own path."""
    path = tuple(error.absolute_path)
    if error.validator == "required" and isinstance(error.instance, dict):
        for key in error.validator_value:
            if key not in error.instance:
                yield path + (key,), message("schema.required")
    elif error.validator == "additionalProperties" and error.validator_value is False:
        known = error.schema.get("properties", {})
        patterns = [re.compile(p) for p in error.schema.get("patternProperties", {})]
        for key in error.instance:
            if key not in known and not any(p.search(key) for p in patterns):
                yield path + (key,), message("schema.unexpected")
    elif current_lang() != "en":  # jsonschema words its messages in English: the table says them
        yield path, _translated_message(error)
    else:
        yield path, _short_message(error)


# JSON Schema keywords whose failure the message table words ("schema.<keyword>"); others: "schema.other".
_WORDED = frozenset({"type", "enum", "const", "format", "pattern", "minimum", "maximum", "minLength", "maxLength",
                     "minItems", "maxItems", "uniqueItems", "anyOf", "oneOf"})


def _translated_message(error: ValidationError) -> str:
    """What is wrong, in the run's language: the value, and what the schema asked for."""
    key = f"schema.{error.validator}" if error.validator in _WORDED else "schema.other"
    expected = error.validator_value
    expected = ", ".join(map(repr, expected)) if isinstance(expected, list) else repr(expected)
    return message(key, value=_SHORT.repr(error.instance), expected=expected, keyword=error.validator)


def _sort_key(item: tuple[tuple[PathPart, ...], str]) -> tuple:
    """Order by path in document order (tasks[2] before tasks[10]), then by message."""
    path, message = item
    return tuple((0, p, "") if isinstance(p, int) else (1, 0, p) for p in path), message


def validation_errors(doc: dict) -> list[str]:
    """Every way `doc` breaks the schema, one "JSON path: message" line each.

    Args:
        doc: a parsed plan document (as `json.load` or `dataclasses.asdict` gives it).

    Returns:
        Lines like "$.tasks[3].lead[0].id: 5 is not of type 'string'", sorted by
        path then message, without duplicates; [] when the document is valid.
    """
    if passes(doc):
        return []
    found = {
        item
        for error in _validator().iter_errors(doc)
        for leaf in _nearest_errors(error)
        for item in _describe(leaf)
    }
    return [f"{json_path(path)}: {message}" for path, message in sorted(found, key=_sort_key)]


def is_valid(doc: dict) -> bool:
    """True when `doc` meets the schema; cheaper than building the error list."""
    return passes(doc)
