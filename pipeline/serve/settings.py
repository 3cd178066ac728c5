"""What `vnplan serve` runs with: database, data folder, token, limits (no web imports here:
`vnplan serve --help` works without the serve extra)."""
from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path

from pipeline.store.db import DEFAULT_URL

TOKEN_ENV = "VNPLAN_TOKEN"
DEFAULT_DATA_DIR = Path("out") / "serve"
# Upload limits: a plan is a few MB; a whole folder of an office's plans is tens of files.
DEFAULT_MAX_UPLOAD_MB = 50
DEFAULT_MAX_FILES = 200  # per upload request
DEFAULT_MAX_QUEUE = 2000  # files waiting at once


@dataclass
class Settings:
    db_url: str = DEFAULT_URL
    data_dir: Path = DEFAULT_DATA_DIR
    token: str | None = None
    max_upload_mb: int = DEFAULT_MAX_UPLOAD_MB
    max_files: int = DEFAULT_MAX_FILES
    max_queue: int = DEFAULT_MAX_QUEUE
    workers: int = 1
    converter: object = None  # tests may swap the batch converter (batch.Job.converter)
    start_workers: bool = True
    index_on_start: bool = True  # index what `vnplan load` stored since the last start
    # Host headers answered (None: any). Bound to this machine, only its own names: a page
    # elsewhere cannot reach the server through a name it controls (DNS rebinding).
    allowed_hosts: tuple[str, ...] | None = None

    @property
    def max_upload_bytes(self) -> int:
        return self.max_upload_mb * 2**20


LOCAL_HOSTS = ("127.0.0.1", "localhost", "::1")


def allowed_hosts_for(bound: str) -> tuple[str, ...] | None:
    """The Host names to answer when bound to `bound`: this machine's own names when it is
    local, any otherwise (the operator chose to serve a network)."""
    return LOCAL_HOSTS if bound in LOCAL_HOSTS else None


def settings_from_env(**given) -> Settings:
    """Settings with the token from VNPLAN_TOKEN when none is given."""
    if given.get("token") is None:
        given["token"] = os.environ.get(TOKEN_ENV) or None
    return Settings(**given)
