"""What the serve tests share: an app over a fresh database, uploads, waiting for the queue,
and a revision of the sample (its DOCX with another lead agency in one row)."""
from __future__ import annotations

import time
from pathlib import Path

from revisions import SAMPLE_DOCX, docx_reassign_lead

# Polls of the progress list before a test gives up (a hang guard, not a speed check).
MAX_POLLS = 1200
POLL_SECONDS = 0.5
REVISED_ROW, REVISED_LEAD = 16, "Sở Tài chính"


def upload(client, *paths: Path, headers: dict | None = None):
    files = [("files", (p.name, p.read_bytes())) for p in paths]
    return client.post("/upload", files=files, headers={"Accept": "application/json", **(headers or {})})


def wait_for_queue(client) -> list[dict]:
    """The jobs once none is pending or running."""
    for _ in range(MAX_POLLS):
        answer = client.get("/api/jobs").json()
        if not answer["waiting"]:
            return answer["jobs"]
        time.sleep(POLL_SECONDS)
    raise AssertionError(f"the queue never emptied: {answer}")


def sample_revision(folder: Path) -> Path:
    """The sample DOCX with task row 16 led by another agency: the same plan, another revision."""
    folder.mkdir(parents=True, exist_ok=True)
    return docx_reassign_lead(SAMPLE_DOCX, folder / "plan-196-KH-UBND-revised.docx", REVISED_ROW, REVISED_LEAD)
