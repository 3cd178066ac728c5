"""Headless Chromium for the tests that render a page (the diff report, the review page).

Flags as this machine needs them: no sandbox as root, no GPU, and no background networking
(the network is closed: Chromium would otherwise try connections at every start).
"""
from __future__ import annotations

import os
import shutil
import subprocess
from pathlib import Path

import pytest

CHROMIUM_FLAGS = [
    "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
    "--disable-background-networking", "--disable-component-update", "--disable-sync",
]


@pytest.fixture(scope="module")
def chromium() -> str:
    """Path of the chromium binary; skip without it, except in CI where that is a failure."""
    path = shutil.which("chromium")
    if path is None:
        if os.environ.get("CI") == "true":
            pytest.fail("chromium is not installed (apt-get install -y chromium)")
        pytest.skip("chromium is not installed")
    return path


def run_chromium(binary: str, profile: Path, *args: str, timeout: float) -> subprocess.CompletedProcess:
    """One headless run with a fresh profile folder; `timeout` only guards against a hang."""
    profile.mkdir(parents=True, exist_ok=True)
    return subprocess.run([binary, *CHROMIUM_FLAGS, f"--user-data-dir={profile}", *args],
                          capture_output=True, text=True, timeout=timeout, check=False)
