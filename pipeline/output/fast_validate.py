"""The schema check of every conversion, from code generated ahead of time.

jsonschema walks the schema for every value of the document, which costs more than
normalising the plan; fastjsonschema's generated code (`plan_validator.py`, made by
tools/make_validator.py and committed) decides valid / invalid several times faster.
Only when it says invalid does `validate.validation_errors` ask jsonschema for the
messages. tests/test_validate_fast.py checks that the two agree.
"""
from __future__ import annotations

import datetime
import re

from fastjsonschema import JsonSchemaException

from pipeline.output import plan_validator

# jsonschema's FormatChecker accepts a "date" that is YYYY-MM-DD (ASCII digits) and a real day.
_ISO_DATE = re.compile(r"\d{4}-\d{2}-\d{2}", re.ASCII)


def is_date(value: object) -> bool:
    """The "date" format as jsonschema checks it: 2024-02-30 and 2024-13-45 fail."""
    if not isinstance(value, str):
        return True
    if not _ISO_DATE.fullmatch(value):
        return False
    try:
        datetime.date.fromisoformat(value)
    except ValueError:
        return False
    return True


FORMATS = {"date": is_date}


def passes(doc: object) -> bool:
    """Whether `doc` meets the plan schema."""
    try:
        plan_validator.validate(doc, custom_formats=FORMATS)
    except JsonSchemaException:
        return False
    return True
