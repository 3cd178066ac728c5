"""The upload queue: files wait in the database, worker threads convert them with the batch code.

A job is a row of `serve_jobs`; its file sits in DATA/uploads/ under a generated name. A worker
claims the oldest pending job, converts it exactly as `vnplan batch` converts a file (a forked
child under the limits of `pipeline.limits`), writes the JSON to DATA/json/, loads it into the
database and indexes it for search. A server stopped mid-way leaves "running" rows: they are
pending again at the next start, so nothing uploaded is lost.
"""
from __future__ import annotations

import datetime as dt
import json
import threading
import uuid
from dataclasses import dataclass
from pathlib import Path

from sqlalchemy import Engine, func, insert, select, update
from sqlalchemy.exc import SQLAlchemyError

from pipeline.batch import Job, convert_job
from pipeline.errors import one_line
from pipeline.inputs import INPUT_SUFFIXES
from pipeline.output.serialize import write_atomically
from pipeline.serve import search
from pipeline.serve.tables import jobs
from pipeline.store.db import error_line, load_document
from pipeline.store.engine import lock

# An idle worker looks at the queue this often (seconds) unless an upload wakes it first.
IDLE_POLL_SECONDS = 2.0
# Jobs the progress list shows (newest first).
PROGRESS_ROWS = 200


def _now() -> dt.datetime:
    return dt.datetime.now(dt.timezone.utc).replace(tzinfo=None)


@dataclass(frozen=True)
class Folders:
    """Where serve keeps what it was given: uploads/ (sources) and json/ (conversions)."""

    root: Path

    @property
    def uploads(self) -> Path:
        return self.root / "uploads"

    @property
    def json(self) -> Path:
        return self.root / "json"

    def make(self) -> None:
        self.uploads.mkdir(parents=True, exist_ok=True)
        self.json.mkdir(parents=True, exist_ok=True)

    def source(self, stored_name: str) -> Path:
        return self.uploads / stored_name

    def converted(self, stored_name: str) -> Path:
        return self.json / f"{stored_name}.json"


def stored_name_for(filename: str) -> str | None:
    """A generated name keeping only the (known) suffix; None for a file type we do not convert."""
    suffix = Path(filename).suffix.lower()
    return f"{uuid.uuid4().hex}{suffix}" if suffix in INPUT_SUFFIXES else None


def enqueue(engine: Engine, stored_name: str, filename: str, size: int) -> int:
    now = _now()
    with engine.begin() as conn:
        return conn.execute(insert(jobs).values(stored_name=stored_name, filename=filename, size=size,
                                                status="pending", created_at=now, updated_at=now)
                            .returning(jobs.c.id)).scalar_one()


def pending_count(engine: Engine) -> int:
    with engine.connect() as conn:
        return conn.scalar(select(func.count()).select_from(jobs).where(jobs.c.status.in_(("pending", "running"))))


def progress(engine: Engine, limit: int = PROGRESS_ROWS) -> list[dict]:
    """The newest jobs, for the live progress list."""
    with engine.connect() as conn:
        rows = conn.execute(select(jobs.c.id, jobs.c.filename, jobs.c.status, jobs.c.reason, jobs.c.warnings,
                                   jobs.c.document_id, jobs.c.outcome)
                            .order_by(jobs.c.id.desc()).limit(limit)).mappings().all()
    return [dict(r) for r in rows]


def resume_interrupted(engine: Engine) -> int:
    """Jobs left "running" by a stopped server are pending again; returns how many."""
    with engine.begin() as conn:
        return conn.execute(update(jobs).where(jobs.c.status == "running")
                            .values(status="pending", updated_at=_now())).rowcount


def _claim(engine: Engine) -> dict | None:
    """The oldest pending job, marked running in the same locked transaction."""
    with engine.begin() as conn:
        lock(conn)
        row = conn.execute(select(jobs.c.id, jobs.c.stored_name, jobs.c.filename).where(jobs.c.status == "pending")
                           .order_by(jobs.c.id).limit(1)).mappings().first()
        if row is not None:
            conn.execute(update(jobs).where(jobs.c.id == row["id"]).values(status="running", updated_at=_now()))
        return dict(row) if row else None


def _finish(engine: Engine, job_id: int, **values: object) -> None:
    with engine.begin() as conn:
        conn.execute(update(jobs).where(jobs.c.id == job_id).values(updated_at=_now(), **values))


def run_one(engine: Engine, folders: Folders, job: dict, converter=None) -> None:
    """Convert, keep, load and index one claimed job; any failure is its one-line reason."""
    result = convert_job(Job(str(folders.source(job["stored_name"])), job["filename"], converter=converter))
    if result.status != "ok":
        _finish(engine, job["id"], status="failed", reason=one_line(result.error or "failed"))
        return
    write_atomically(folders.converted(job["stored_name"]), result.text)
    try:
        loaded = load_document(engine, json.loads(result.text))
        search.index_missing(engine)
    except SQLAlchemyError as exc:
        _finish(engine, job["id"], status="failed", reason=error_line(exc), warnings=result.warnings)
        return
    _finish(engine, job["id"], status="done", warnings=result.warnings, document_id=loaded.document_id,
            outcome=loaded.status)


class Workers:
    """Threads that empty the queue; each conversion itself runs in a forked, limited child."""

    def __init__(self, engine: Engine, folders: Folders, count: int = 1, converter=None) -> None:
        self.engine, self.folders, self.count, self.converter = engine, folders, count, converter
        self.wake = threading.Event()
        self.stop = threading.Event()
        self.threads: list[threading.Thread] = []

    def start(self) -> None:
        resume_interrupted(self.engine)
        for n in range(self.count):
            thread = threading.Thread(target=self._loop, name=f"vnplan-serve-worker-{n}", daemon=True)
            thread.start()
            self.threads.append(thread)

    def shutdown(self) -> None:
        self.stop.set()
        self.wake.set()
        for thread in self.threads:
            thread.join(timeout=5)

    def _loop(self) -> None:
        while not self.stop.is_set():
            try:
                job = _claim(self.engine)
            except SQLAlchemyError:
                job = None  # the database is busy or away: try again at the next poll
            if job is None:
                self.wake.wait(IDLE_POLL_SECONDS)
                self.wake.clear()
                continue
            try:
                run_one(self.engine, self.folders, job, self.converter)
            except Exception as exc:  # noqa: BLE001  one bad file never stops the queue
                _finish(self.engine, job["id"], status="failed", reason=one_line(exc))
