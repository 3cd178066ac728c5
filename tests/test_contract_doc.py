"""docs/contract.md and pipeline/schemas/plan.schema.json kept in step: every field the
contract names is a property of the matching schema object, and every value the contract
lists for an enumeration is allowed by the schema.

The fields are read from the document itself (the first column of its key tables, the
keys of its JSON examples), so a field added to the contract without the schema, or
renamed in the schema, fails here. Version 1.1 fields that other work of this wave adds
are known misses while the schema lacks them (xfail); once a field is in the schema its
case is an ordinary test.
"""
from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
CONTRACT = (ROOT / "docs" / "contract.md").read_text(encoding="utf-8")
SCHEMA = json.loads((ROOT / "pipeline" / "schemas" / "plan.schema.json").read_text(encoding="utf-8"))


def section(title: str) -> str:
    """The text of one "## title" section of the contract."""
    match = re.search(rf"^## {re.escape(title)}\n(.*?)(?=^## |\Z)", CONTRACT, re.S | re.M)
    assert match, f"docs/contract.md has no section {title!r}"
    return match.group(1)


def table_keys(text: str, column: int = 0) -> list[str]:
    """The backticked names in one column of a markdown table (header row excluded)."""
    keys = []
    for line in text.splitlines():
        cells = [c.strip() for c in line.strip().strip("|").split("|")] if line.startswith("|") else []
        if len(cells) > column and cells[column].startswith("`") and not set(line) <= set("|- "):
            keys += re.findall(r"`([a-z_]+)`", cells[column])
    return keys


def example_keys(text: str) -> list[str]:
    """The top-level keys of the first JSON example in a section."""
    example = re.search(r"`(\{.*?\})`", text).group(1)
    return list(json.loads(example))


def schema_object(name: str) -> dict:
    """A schema object by contract name: "top" is the document, others are $defs entries."""
    if name == "top":
        return SCHEMA
    if name == "source":
        return SCHEMA["properties"]["source"]
    return SCHEMA["$defs"][name]


def properties(name: str) -> set[str]:
    return set(schema_object(name).get("properties", {}))


# (contract section, how its fields are written, schema object)
V1_FIELDS = sorted({
    *(("top", key) for key in table_keys(section("Top level"))),
    *(("DocumentMeta", key) for key in table_keys(section("`document`"))),
    *(("Task", key) for key in table_keys(section("Task"))),
    *(("Agency", key) for key in example_keys(section("Agency"))),
    *(("Reference", key) for key in example_keys(section("Reference"))),
    *(("Section", key) for key in re.findall(r'"([a-z_]+)":', section("Section").split("\n")[2])),
    # the nested objects the top-level table spells out in prose
    *(("source", key) for key in ("filename", "format", "sha256", "pages")),
    *(("Recipient", key) for key in ("name", "note", "agency")),
    *(("Warning", key) for key in ("code", "message", "where")),
    *(("Signer", key) for key in example_keys(section("`document`").split("| `signer` |")[1])),
    *(("Timeframe", key) for key in example_keys(section("Task").split("| `timeframe` |")[1])),
    *(("Paragraph", key) for key in ("text", "references", "agencies")),
})

# Version 1.1 additions: (schema object, field) from the additions table; other helpers of
# this wave add them to the schema.
V11_FIELDS = [("top", "attachments"), ("DocumentMeta", "attached_to"), ("Signer", "layers"), ("Task", "key"),
              ("top", "provenance")]
V11_PENDING = "a v1.1 field another helper of this wave adds to the schema"


def test_the_contract_was_read():
    """The parsing above found the tables (a reworded heading must not empty the test)."""
    assert len(V1_FIELDS) > 50 and ("Task", "timeframe") in V1_FIELDS and ("top", "warnings") in V1_FIELDS


@pytest.mark.parametrize("where, key", V1_FIELDS, ids=[f"{w}.{k}" for w, k in V1_FIELDS])
def test_contract_field_is_in_the_schema(where, key):
    assert key in properties(where), f"docs/contract.md names {where}.{key}; the schema has no such property"


@pytest.mark.parametrize("where, key", [
    pytest.param(w, k, marks=pytest.mark.xfail(strict=True, reason=V11_PENDING)) if k not in properties(w)
    else (w, k) for w, k in V11_FIELDS], ids=[f"{w}.{k}" for w, k in V11_FIELDS])
def test_version_1_1_field_is_in_the_schema(where, key):
    assert key in properties(where)


def enum_of(node: dict) -> set:
    """The values an enum allows, looking through anyOf/oneOf (nullable enums)."""
    values = set(node.get("enum", []))
    for branch in node.get("anyOf", []) + node.get("oneOf", []):
        values |= enum_of(branch)
    return values


ENUMS = [
    # (schema object, property, values the contract lists)
    ("DocumentMeta", "type", re.findall(r"`([a-z_]+)`", section("`document`").split("| `type` |")[1].split("\n")[0])),
    ("Timeframe", "kind", re.findall(r"`([a-z_]+)`", section("Task").split("`kind` is one of")[1].split("\n")[0])),
    ("Signer", "authority", re.findall(r"`([A-Z]+)`", section("`document`").split("`authority` is one of")[1].split("\n")[0])),
    ("Agency", "kind", ["agency", "group"]),
]


@pytest.mark.parametrize("where, key, listed", ENUMS, ids=[f"{w}.{k}" for w, k, _ in ENUMS])
def test_contract_enumerations_are_allowed(where, key, listed):
    allowed = enum_of(schema_object(where)["properties"][key])
    assert len(listed) >= 2 and not set(listed) - allowed, sorted(set(listed) - allowed)


def _additions_12() -> str:
    return CONTRACT.split("## Version 1.2 additions")[1]


# Version 1.2 additions: the fields of its table, and the values it lists.
V12_FIELDS = [("DocumentMeta", "type_source"), ("DocumentMeta", "subject"), ("Agency", "kind"), ("Agency", "title")]
V12_ENUMS = [
    ("DocumentMeta", "type", re.findall(r"`([a-z_]+)`", _additions_12().split("| `document` | `type` |")[1].split("\n")[0])),
    ("DocumentMeta", "type_source", re.findall(r"`([a-z_]+)`", _additions_12().split("| `type_source` |")[1].split("\n")[0])),
    ("Agency", "kind", ["agency", "group", "person"]),
]


@pytest.mark.parametrize("where, key", V12_FIELDS, ids=[f"{w}.{k}" for w, k in V12_FIELDS])
def test_version_1_2_field_is_in_the_schema(where, key):
    assert key in properties(where)


@pytest.mark.parametrize("where, key, listed", V12_ENUMS, ids=[f"{w}.{k}" for w, k, _ in V12_ENUMS])
def test_version_1_2_enumerations_are_allowed(where, key, listed):
    allowed = enum_of(schema_object(where)["properties"][key])
    assert len(listed) >= 2 and not set(listed) - allowed, sorted(set(listed) - allowed)
