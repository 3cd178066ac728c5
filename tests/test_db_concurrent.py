"""Two `vnplan load` processes at once on one database (issue 15.3), on SQLite and PostgreSQL.

Each trial starts from a new, empty database, so the two loaders also race to create the
schema. Release 0.1.0 stored the PDF and the DOCX of one plan twice in 13/25 SQLite and 5/25
PostgreSQL trials, left 2-3 current versions of a plan in 2/20, and crashed on a new database
in 5/10. Trials per engine and scenario: VNPLAN_LOAD_TRIALS, default 10 (100 when CI=true,
the issue's bar).
"""
from __future__ import annotations

import copy
import json
import multiprocessing
import os
import random

import pytest
from sqlalchemy import Integer, cast, func, select

from db_engines import ENGINES, empty_url
from pipeline.store import db
from pipeline.store import schema as db_schema
from store_corpus import corpus_files

TRIALS = int(os.environ.get("VNPLAN_LOAD_TRIALS", "100" if os.environ.get("CI") == "true" else "10"))
BARRIER_WAIT = 60  # seconds a loader waits for the other to be ready before the trial fails


def _docs() -> dict[str, dict]:
    return {p.name: json.loads(p.read_text(encoding="utf-8")) for p in corpus_files()}


def _revisions(doc: dict, count: int, seed: int) -> list[dict]:
    """Revisions of `doc`: other files, other dates, one task's text changed in each."""
    rng = random.Random(seed)
    out = []
    for i in range(count):
        new = copy.deepcopy(doc)
        new["source"]["sha256"] = f"{seed:02x}{i:02x}".ljust(64, "0")
        new["source"]["filename"] = f"revision-{i}-{doc['source']['filename']}"
        new["document"]["issued_date"] = f"2025-{rng.randint(1, 12):02d}-{rng.randint(1, 28):02d}"
        new["tasks"][i % len(new["tasks"])]["content"] += f" (sửa đổi lần {i + 1})"
        out.append(new)
    return out


def _loader(url: str, docs: list[dict], barrier, results) -> None:
    """One `vnplan load`: wait for the other, open (and perhaps create) the database, load."""
    try:
        barrier.wait(BARRIER_WAIT)
        engine = db.connect(url)
        statuses = [db.load_document(engine, doc).status for doc in docs]
        engine.dispose()
        results.put(("ok", statuses))
    except Exception as exc:  # reported to the test, which fails with it
        results.put(("error", db.error_line(exc)))


def _race(url: str, first: list[dict], second: list[dict]) -> list[tuple[str, object]]:
    context = multiprocessing.get_context("fork")
    barrier, results = context.Barrier(2), context.Queue()
    workers = [context.Process(target=_loader, args=(url, docs, barrier, results)) for docs in (first, second)]
    for worker in workers:
        worker.start()
    outcome = [results.get(timeout=600) for _ in workers]
    for worker in workers:
        worker.join()
    return outcome


def _state(url: str) -> tuple[int, int, int]:
    """(documents, files, plans with other than one current revision)."""
    engine = db.make_engine(url)
    d = db_schema.documents
    with engine.connect() as conn:
        documents = conn.scalar(select(func.count()).select_from(d))
        files = conn.scalar(select(func.count()).select_from(db_schema.document_files))
        current = conn.execute(select(d.c.plan_key, func.sum(cast(d.c.is_current, Integer)))
                               .where(d.c.plan_key.is_not(None)).group_by(d.c.plan_key)).all()
    engine.dispose()
    return documents, files, sum(1 for _, n in current if n != 1)


@pytest.mark.parametrize("kind", ENGINES)
def test_pdf_and_docx_of_one_plan_at_once(kind, tmp_path):
    """Trial after trial: one document with two files, whichever loader wins."""
    docs = _docs()
    docx, pdf = docs["plan-196-KH-UBND.docx.json"], docs["plan-196-KH-UBND.pdf.json"]
    failures = []
    for trial in range(TRIALS):
        url = empty_url(kind, tmp_path / str(trial))
        outcome = _race(url, [docx], [pdf])
        errors = [detail for status, detail in outcome if status == "error"]
        state = _state(url)
        if errors or state != (1, 2, 0):
            failures.append((trial, errors, state))
    assert failures == [], f"{len(failures)}/{TRIALS} trials went wrong: {failures[:3]}"


@pytest.mark.parametrize("kind", ENGINES)
def test_many_files_with_revisions_at_once(kind, tmp_path):
    """Fourteen files (seven plans, the sample's PDF and DOCX, four revisions of 196/KH-UBND and
    two of a Lâm Đồng draft) loaded by two loaders in different orders: every file stored once,
    every content once, one current revision per plan."""
    docs = list(_docs().values())
    sample = next(d for d in docs if d["source"]["filename"] == "plan-196-KH-UBND.docx")
    draft = next(d for d in docs if d["source"]["filename"].startswith("05_"))
    files = docs + _revisions(sample, 4, seed=1) + _revisions(draft, 2, seed=2)
    assert len(files) == 14
    # the sample's PDF and DOCX say the same; an attached document is a document of its own
    contents = len(files) - 1 + sum(len(d.get("attachments", [])) for d in files)
    failures = []
    for trial in range(TRIALS):
        url = empty_url(kind, tmp_path / str(trial))
        rng = random.Random(trial)
        outcome = _race(url, rng.sample(files, len(files)), rng.sample(files, len(files)))
        errors = [detail for status, detail in outcome if status == "error"]
        state = _state(url)
        if errors or state != (contents, len(files), 0):
            failures.append((trial, errors, state))
    assert failures == [], f"{len(failures)}/{TRIALS} trials went wrong: {failures[:3]}"
