"""Structure and normalisation never crash on damaged input, and always give schema-valid output.

Real archives hold documents with missing headers, cut tables, empty cells and
stray blocks. These tests take the IR of the sample plan (both formats), damage
it in seeded random ways (blocks dropped, duplicated or shuffled; table rows
dropped; cells emptied; text cut short) and check that the rest of the pipeline
still returns a document that passes the schema, with no exception.
"""
from __future__ import annotations

import hashlib
import random
from dataclasses import replace
from pathlib import Path

import pytest

from pipeline.conversion import extract
from pipeline.ir import Block, Cell, Extracted, Paragraph, Row, Table
from pipeline.model import Source
from pipeline.normalize.plan import build_plan
from pipeline.output.serialize import plan_to_dict
from pipeline.output.validate import validation_errors
from pipeline.structure.document import build_skeleton

SAMPLES = Path(__file__).resolve().parents[1] / "samples"
MUTATIONS_PER_FORMAT = 40


def _cut(text: str, rng: random.Random) -> str:
    return text[: rng.randint(0, len(text))]


def _damage_table(table: Table, rng: random.Random) -> Table:
    rows = list(table.rows)
    if rows and rng.random() < 0.5:
        del rows[rng.randrange(len(rows))]
    damaged = []
    for row in rows:
        cells = tuple(
            Cell(paragraphs=tuple(Paragraph(_cut(p.text, rng)) for p in c.paragraphs) if rng.random() < 0.2
                 else c.paragraphs, col=c.col, col_span=c.col_span, row_span=c.row_span)
            for c in row.cells if rng.random() > 0.05
        )
        damaged.append(Row(cells, row.repeat_header, row.pages))
    return replace(table, rows=tuple(damaged))


def damage(blocks: tuple[Block, ...], rng: random.Random) -> tuple[Block, ...]:
    """A randomly damaged copy of a document's blocks."""
    out: list[Block] = []
    for block in blocks:
        roll = rng.random()
        if roll < 0.1:
            continue  # dropped
        if isinstance(block, Table) and roll < 0.4:
            block = _damage_table(block, rng)
        elif isinstance(block, Paragraph) and roll < 0.2:
            block = replace(block, text=_cut(block.text, rng))
        out.append(block)
        if roll > 0.97:
            out.append(block)  # duplicated
    if rng.random() < 0.2 and len(out) > 2:
        i, j = rng.randrange(len(out)), rng.randrange(len(out))
        out[i], out[j] = out[j], out[i]
    return tuple(out)


@pytest.fixture(scope="module", params=["pdf", "docx"])
def sample(request) -> tuple[Extracted, Source]:
    path = SAMPLES / f"plan-196-KH-UBND.{request.param}"
    extracted, fmt, data = extract(path)
    return extracted, Source(path.name, fmt, hashlib.sha256(data).hexdigest(), extracted.pages)


@pytest.mark.parametrize("seed", range(MUTATIONS_PER_FORMAT))
def test_damaged_documents_still_convert_to_valid_json(sample, seed) -> None:
    extracted, source = sample
    damaged = replace(extracted, blocks=damage(extracted.blocks, random.Random(seed)))
    skeleton, type_code = build_skeleton(damaged)
    doc = plan_to_dict(build_plan(skeleton, type_code, source))
    assert validation_errors(doc) == []


def test_an_empty_document_converts_with_warnings(sample) -> None:
    _, source = sample
    skeleton, type_code = build_skeleton(Extracted(blocks=(), pages=None))
    doc = plan_to_dict(build_plan(skeleton, type_code, source))
    assert validation_errors(doc) == []
    assert {"no_type_line", "no_closing", "no_number", "no_date"} <= {w["code"] for w in doc["warnings"]}
