"""The plan JSON Schema (schemas/plan.schema.json) and pipeline.output.validate.

The fixture tests/fixtures/minimal_plan.json is a small, complete, valid
document; every other case breaks one field of it and checks that the error
names that field's JSON path.
"""
from __future__ import annotations

import copy
import dataclasses
import json
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
from jsonschema import Draft202012Validator

from pipeline import model
from pipeline.output.validate import is_valid, json_path, schema, validation_errors
from pipeline.warnings import PlanWarning

FIXTURE = Path(__file__).parent / "fixtures" / "minimal_plan.json"

Path_ = tuple[str | int, ...]


def fixture() -> dict:
    """A fresh copy of the valid fixture, safe to mutate."""
    return json.loads(FIXTURE.read_text(encoding="utf-8"))


def set_at(doc: Any, path: Path_, value: Any) -> dict:
    """`doc` with the value at `path` replaced (or added, for a new key)."""
    target = doc
    for part in path[:-1]:
        target = target[part]
    target[path[-1]] = value
    return doc


def delete_at(doc: Any, path: Path_) -> dict:
    """`doc` with the key at `path` removed."""
    target = doc
    for part in path[:-1]:
        target = target[part]
    del target[path[-1]]
    return doc


def errors_at(doc: dict, path: Path_) -> list[str]:
    """The error lines that name exactly `path`."""
    prefix = json_path(path) + ": "
    return [e for e in validation_errors(doc) if e.startswith(prefix)]


# --- the fixture and the schema itself ------------------------------------------------


def test_fixture_is_valid():
    doc = fixture()
    assert validation_errors(doc) == []
    assert is_valid(doc)


def test_schema_is_a_valid_2020_12_schema():
    Draft202012Validator.check_schema(schema())
    assert schema()["$schema"] == "https://json-schema.org/draft/2020-12/schema"
    assert schema()["$id"] and schema()["title"] and schema()["description"]


def _property_schemas(node: Any, where: str = "#"):
    """Every (location, subschema) that sits under a "properties" or "$defs" key."""
    if isinstance(node, dict):
        for key, value in node.items():
            if key in ("properties", "$defs") and isinstance(value, dict):
                for name, sub in value.items():
                    yield f"{where}/{key}/{name}", sub
            yield from _property_schemas(value, f"{where}/{key}")
    elif isinstance(node, list):
        for i, value in enumerate(node):
            yield from _property_schemas(value, f"{where}/{i}")


def test_every_property_and_def_has_a_description():
    places = list(_property_schemas(schema()))
    assert len(places) > 80  # the walk really reached the nested $defs
    missing = [where for where, sub in places if not sub.get("description")]
    assert missing == []


# Each $def (or inline object) and the model dataclass whose asdict() it describes.
SCHEMA_OF_MODEL = [
    (model.Source, ("properties", "source")),
    (model.DocumentMeta, ("$defs", "DocumentMeta")),
    (model.Signer, ("$defs", "Signer")),
    (model.Agency, ("$defs", "Agency")),
    (model.Successor, ("$defs", "Successor")),
    (model.Timeframe, ("$defs", "Timeframe")),
    (model.Task, ("$defs", "Task")),
    (model.Section, ("$defs", "Section")),
    (model.TextParagraph, ("$defs", "Paragraph")),
    (model.Recipient, ("$defs", "Recipient")),
    (model.Reference, ("$defs", "Reference")),
    (model.Issuer, ("$defs", "Issuer")),
    (PlanWarning, ("$defs", "Warning")),
    (model.Plan, ()),
]


@pytest.mark.parametrize("cls,where", SCHEMA_OF_MODEL, ids=[c.__name__ for c, _ in SCHEMA_OF_MODEL])
def test_schema_requires_exactly_the_model_fields(cls, where):
    sub = schema()
    for key in where:
        sub = sub[key]
    fields = {f.name for f in dataclasses.fields(cls)}
    # Contract 1.2 fields are optional, so a 1.1 file stays valid; a person carries a title; a
    # signer's rank and other posts go beyond the contract, optional too.
    optional = {"type_source", "subject"} if cls is model.DocumentMeta else set()
    optional |= {"rank", "other_titles"} if cls is model.Signer else set()
    optional |= {"footnotes"} if cls is model.Plan else set()  # beyond the contract: a 1.2 file stays valid
    extra = {"title"} if cls is model.Agency else set()
    assert set(sub["required"]) == fields - optional
    assert set(sub["properties"]) == fields | extra
    assert sub["additionalProperties"] is False


def test_an_empty_plan_from_the_model_is_valid():
    # What the converter emits for a file it could read nothing from: all defaults, null, [].
    plan = model.Plan(
        source=model.Source(filename="du-thao.docx", format="docx", sha256="0" * 64, pages=None),
        document=model.DocumentMeta(
            type="other", type_name=None, type_source="none", subject=None, code=None, number=None, symbol=None, issuer=None, place=None,
            issued_date=None, title=None, signer=None, archive=None,
        ),
    )
    as_dict = dataclasses.asdict(plan)
    doc = {"schema_version": as_dict.pop("schema_version"), **as_dict}
    assert validation_errors(doc) == []


# --- required keys ----------------------------------------------------------------------

# Where in the fixture each kind of object sits, and the part of the schema that describes it.
OBJECTS = [
    ((), ()),                                                                  # top level
    (("source",), ("properties", "source")),                                   # the input file
    (("document",), ("$defs", "DocumentMeta")),                                # header metadata
    (("document", "signer"), ("$defs", "Signer")),                             # signature block
    (("document", "issuer"), ("$defs", "Agency")),                             # a nullable Agency
    (("sections", 0), ("$defs", "Section")),                                   # top-level section
    (("sections", 0, "children", 0), ("$defs", "Section")),                    # recursive child
    (("sections", 0, "children", 0, "paragraphs", 0), ("$defs", "Paragraph")),  # body paragraph
    (("tasks", 1), ("$defs", "Task")),                                         # a task row
    (("tasks", 1, "lead", 0), ("$defs", "Agency")),                            # an Agency in a list
    (("tasks", 1, "lead", 0, "successor"), ("$defs", "Successor")),            # merged agency
    (("tasks", 1, "timeframe"), ("$defs", "Timeframe")),                       # parsed deadline
    (("recipients", 0), ("$defs", "Recipient")),                               # "Nơi nhận" line
    (("references", 0), ("$defs", "Reference")),                               # cited document
    (("references", 0, "issuer"), ("$defs", "Issuer")),                        # its issuer
    (("agencies", 3), ("$defs", "Agency")),                                    # top-level agency list
    (("warnings", 0), ("$defs", "Warning")),                                   # converter warning
    (("document", "signer", "layers", 0), ("$defs", "SignerLayer")),           # one authority line
    (("attachments", 0), ("$defs", "Attachment")),                             # an attached document
    (("attachments", 0, "document", "attached_to"), ("$defs", "AttachedTo")),  # what it is attached to
]


def _required_cases():
    for where, part in OBJECTS:
        sub = schema()
        for key in part:
            sub = sub[key]
        for key in sub["required"]:
            yield pytest.param(where + (key,), id=json_path(where + (key,)))


@pytest.mark.parametrize("path", list(_required_cases()))
def test_missing_required_key_is_named_by_its_path(path):
    doc = delete_at(fixture(), path)
    assert errors_at(doc, path) == [f"{json_path(path)}: required property is missing"]
    assert not is_valid(doc)


# --- wrong values -----------------------------------------------------------------------

# (path, bad value, what the error must say)
WRONG_TYPES = [
    (("schema_version",), "1.0", "is not one of ['1.1', '1.2']"),         # versions 1.1 and 1.2 only
    (("source", "pages"), "4", "is not of type 'integer', 'null'"),         # page count as a string
    (("source", "pages"), 0, "less than the minimum"),                     # a PDF has pages
    (("source", "sha256"), "ABC123", "does not match"),                    # not 64 hex digits
    (("document", "number"), 196, "is not of type 'string', 'null'"),      # "08" must keep its zero
    (("document", "code"), "196 /KH-UBND", "does not match"),              # spaces removed
    (("document", "issuer"), "UBND tỉnh", "is not of type 'object', 'null'"),  # a name, not an Agency
    (("document", "signer"), [], "is not of type 'object', 'null'"),       # a list, not a Signer
    (("sections", 0, "children"), None, "is not of type 'array'"),        # [] not null for lists
    (("sections", 0, "title"), 7, "is not of type 'string', 'null'"),      # a title is text
    (("tasks", 0, "number"), 3.5, "is not of type 'integer', 'string'"),  # not a row number
    (("tasks", 0, "number"), True, "is not of type 'integer', 'string'"),  # a bool is no int
    (("tasks", 0, "number"), "3", "does not match"),                       # plain numbers are ints
    (("tasks", 0, "number"), 0, "less than the minimum"),                  # rows count from 1
    (("tasks", 0, "number"), None, "is not of type 'integer', 'string'"),  # every task is addressable
    (("tasks", 0, "lead"), {}, "is not of type 'array'"),                  # one Agency, not a list
    (("tasks", 0, "lead", 0, "id"), 5, "is not of type 'string'"),         # id is a slug
    (("tasks", 0, "lead", 0, "id"), "sở-khcn", "does not match"),          # slugs are ASCII
    (("tasks", 0, "content"), ["Xây dựng", "kế hoạch"], "is not of type 'string'"),  # one string
    (("tasks", 0, "pages", 0), "2", "is not of type 'integer'"),           # page numbers are ints
    (("tasks", 0, "pages"), [], "should be non-empty"),                    # null, not [], for DOCX
    (("tasks", 0, "references"), ["709/QĐ-TTg", "709/QĐ-TTg"], "non-unique"),  # ids once each
    (("tasks", 1, "timeframe", "start"), "2025", "is not of type 'integer', 'null'"),  # a year
    (("tasks", 1, "timeframe", "start"), 25, "less than the minimum"),     # a two-digit year
    (("references", 0, "mentions"), 0, "less than the minimum"),           # cited at least once
    (("references", 0, "year"), "2024", "is not of type 'integer', 'null'"),  # year is an int
    (("references", 0, "type"), "Quyết định", "does not match"),           # ASCII code, not name
    (("references", 0, "issuer"), "Thủ tướng Chính phủ", "is not of type 'object', 'null'"),  # {"name"}
]


@pytest.mark.parametrize("path,value,says", WRONG_TYPES, ids=[json_path(c[0]) for c in WRONG_TYPES])
def test_wrong_type_is_named_by_its_path(path, value, says):
    lines = errors_at(set_at(fixture(), path, value), path)
    assert len(lines) == 1 and says in lines[0], lines


# (path, value outside the enumeration)
BAD_ENUMS = [
    (("source", "format"), "rtf"),                            # only pdf and docx are inputs
    (("document", "type"), "ke hoach"),                       # the ASCII code, with its underscore
    (("document", "type"), "KE_HOACH"),                       # codes are lowercase
    (("document", "signer", "authority"), "XX"),              # TM, KT, TL, TUQ, Q or null
    (("document", "signer", "authority"), "kt"),              # authority is upper case
    (("tasks", 0, "lead", 0, "kind"), "body"),                # agency, group or person only
    (("tasks", 0, "lead", 0, "level"), "commune"),            # central, province, district or null
    (("tasks", 0, "timeframe", "kind"), "soon"),              # the contract's eleven kinds only
    (("agencies", 0, "kind"), "Agency"),                      # case matters
]


@pytest.mark.parametrize("path,value", BAD_ENUMS, ids=[f"{json_path(p)}={v}" for p, v in BAD_ENUMS])
def test_value_outside_enumeration_is_rejected(path, value):
    lines = errors_at(set_at(fixture(), path, value), path)
    assert len(lines) == 1 and "is not one of" in lines[0], lines


# Fields that may be absent: absent is null, never "".
NULLABLE_STRINGS = [
    ("document", "type_name"),
    ("document", "code"),                              # a draft's blank number
    ("document", "number"),
    ("document", "symbol"),
    ("document", "place"),
    ("document", "title"),
    ("document", "archive"),
    ("document", "drafter_mark"),
    ("document", "signer", "title"),
    ("document", "signer", "on_behalf_of"),
    ("sections", 0, "number"),                         # an unnumbered heading
    ("tasks", 0, "group"),
    ("tasks", 0, "output"),                            # table without a "Sản phẩm" column
    ("tasks", 0, "note"),                              # empty "Ghi chú" cell
    ("tasks", 0, "timeframe", "event"),
    ("tasks", 1, "lead", 0, "successor", "basis"),
    ("recipients", 0, "note"),
    ("references", 0, "number"),                       # a law cited by name only
    ("references", 0, "code"),
    ("warnings", 0, "where"),
]


@pytest.mark.parametrize("path", NULLABLE_STRINGS, ids=[json_path(p) for p in NULLABLE_STRINGS])
def test_empty_string_is_rejected_where_null_is_meant(path):
    assert validation_errors(set_at(fixture(), path, None)) == []
    assert errors_at(set_at(fixture(), path, ""), path) == [f"{json_path(path)}: '' should be non-empty"]


# (path, bad date)
BAD_DATES = [
    (("document", "issued_date"), "2024-13-45"),                  # no month 13, no day 45
    (("document", "issued_date"), "2023-02-29"),                  # 2023 is not a leap year
    (("document", "issued_date"), "02/10/2024"),                  # Vietnamese order, not ISO
    (("references", 0, "issued_date"), "2024-7-23"),              # unpadded month
    (("tasks", 1, "lead", 0, "successor", "date"), "2025-03-32"),  # day 32
    (("tasks", 0, "timeframe", "date"), "30/6/2025"),             # deadline as printed
]


@pytest.mark.parametrize("path,value", BAD_DATES, ids=[f"{json_path(p)}={v}" for p, v in BAD_DATES])
def test_bad_date_is_rejected(path, value):
    lines = errors_at(set_at(fixture(), path, value), path)
    assert lines and all(("is not a 'date'" in line or "does not match" in line) for line in lines), lines


def test_leap_day_is_a_good_date():
    assert validation_errors(set_at(fixture(), ("document", "issued_date"), "2024-02-29")) == []


# (path of an unknown key) — additionalProperties: false catches typos.
EXTRA_KEYS = [
    ("extra",),                                      # top level
    ("source", "size"),                              # source
    ("document", "isued_date"),                      # a typo of issued_date
    ("document", "signer", "position"),              # signer
    ("sections", 0, "children", 0, "heading"),       # nested section
    ("tasks", 0, "leads"),                           # a typo of lead
    ("tasks", 0, "lead", 0, "nme"),                  # agency in a list
    ("tasks", 0, "timeframe", "year"),               # timeframe
    ("references", 0, "issuer", "id"),               # Issuer is a name only
    ("warnings", 0, "severity"),                     # warning
]


@pytest.mark.parametrize("path", EXTRA_KEYS, ids=[json_path(p) for p in EXTRA_KEYS])
def test_unknown_property_is_rejected(path):
    lines = errors_at(set_at(fixture(), path, "x"), path)
    assert lines == [f"{json_path(path)}: unexpected property (not in the schema; a typo?)"]


# --- the error list itself ----------------------------------------------------------------

JSON_PATHS = [
    ((), "$"),                                                  # the document itself
    (("tasks", 3, "lead", 0, "id"), "$.tasks[3].lead[0].id"),   # keys and indexes
    (("a b",), "$['a b']"),                                     # a key that needs quoting
    (("it's",), "$['it\\'s']"),                                  # quote inside a quoted key
]


@pytest.mark.parametrize("parts,expected", JSON_PATHS)
def test_json_path(parts, expected):
    assert json_path(parts) == expected


def test_errors_are_sorted_in_document_order():
    doc = fixture()
    doc["tasks"] = [copy.deepcopy(doc["tasks"][0]) for _ in range(11)]
    doc["tasks"][10]["content"] = ""
    doc["tasks"][2]["content"] = ""
    doc["source"]["format"] = "rtf"
    assert validation_errors(doc) == [
        "$.source.format: 'rtf' is not one of ['pdf', 'docx']",
        "$.tasks[2].content: '' should be non-empty",
        "$.tasks[10].content: '' should be non-empty",
    ]


def test_near_miss_inside_a_nullable_object_is_reported_inside_it():
    # issuer is anyOf[Agency, null]: the report names the bad field, not the whole anyOf.
    doc = set_at(fixture(), ("document", "issuer", "kind"), "body")
    assert validation_errors(doc) == [
        "$.document.issuer.kind: 'body' is not one of ['agency', 'group', 'person']",
    ]


def test_long_values_are_shortened_in_messages():
    doc = set_at(fixture(), ("tasks", 0, "content"), {"text": "x" * 500})
    (line,) = validation_errors(doc)
    assert line.startswith("$.tasks[0].content: ") and len(line) < 200


# --- the shared contract checker --------------------------------------------------------


def test_fixture_meets_the_shared_contract_check():
    tool = Path(__file__).resolve().parent / "tools" / "contract_check.py"
    run = subprocess.run([sys.executable, str(tool), str(FIXTURE)], capture_output=True, text=True)
    assert run.returncode == 0, run.stdout + run.stderr
    assert run.stdout.strip().endswith("1 file(s), 0 problem(s)")


# --- provenance (contract 1.1) ----------------------------------------------------------------

PROVENANCE_CASES = [
    # a PDF box
    ({"page": 2, "bbox": [10, 20, 30, 40]}, True),
    # a DOCX body paragraph
    ({"paragraph": 0}, True),
    # a DOCX table cell
    ({"table": 1, "row": 2, "cell": 3}, True),
    # a value cut by a page break: its first box, and one box on each page under "pieces"
    ({"page": 2, "bbox": [10, 700, 30, 800],
      "pieces": [{"page": 2, "bbox": [10, 700, 30, 800]}, {"page": 3, "bbox": [10, 50, 30, 60]}]}, True),
    # pieces are two or more
    ({"page": 2, "bbox": [10, 20, 30, 40], "pieces": [{"page": 2, "bbox": [10, 20, 30, 40]}]}, False),
    # a bare list is not a Location (the contract checker wants one object per entry)
    ([{"page": 2, "bbox": [10, 700, 30, 800]}, {"page": 3, "bbox": [10, 50, 30, 60]}], False),
    # pages count from 1
    ({"page": 0, "bbox": [10, 20, 30, 40]}, False),
    # a box has four numbers
    ({"page": 1, "bbox": [10, 20, 30]}, False),
    # a cell needs its table and row
    ({"cell": 3}, False),
]


@pytest.mark.parametrize("where, valid", PROVENANCE_CASES)
def test_provenance_locations(where, valid):
    doc = fixture()
    doc["provenance"]["/tasks/1/lead"] = where
    assert is_valid(doc) is valid


def test_provenance_keys_are_json_pointers():
    doc = fixture()
    doc["provenance"]["tasks[1].lead"] = {"paragraph": 3}
    assert not is_valid(doc)
