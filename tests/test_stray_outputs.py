"""The session's stray-output check (tests/conftest.py): what `git status` gains during a run."""
from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import pytest

from conftest import git_status, stray_outputs


def test_only_what_the_session_added_counts() -> None:
    before = {" M README.md", "?? notes.txt"}  # the developer's own changes, there before the run
    assert stray_outputs(before, before | {"?? -/plan.json"}) == ["?? -/plan.json"]
    assert stray_outputs(before, before) == []


def test_a_check_that_cannot_run_says_why() -> None:
    assert stray_outputs("git is not installed", set()) == "git is not installed"
    assert stray_outputs(set(), "not a git checkout (no .git)") == "not a git checkout (no .git)"
    assert git_status(Path("/")) in ("git is not installed", "not a git checkout (no .git)")


def test_git_status_sees_a_new_file(tmp_path: Path) -> None:
    git = shutil.which("git")
    if git is None:
        pytest.skip("git is not installed")
    subprocess.run([git, "init", "-q", str(tmp_path)], check=True)
    (tmp_path / ".gitignore").write_text("out/\n", encoding="utf-8")
    before = git_status(tmp_path)
    (tmp_path / "out").mkdir()
    (tmp_path / "out" / "ignored.json").write_text("{}", encoding="utf-8")  # ignored: not a stray
    (tmp_path / "sub").mkdir()
    (tmp_path / "sub" / "stray.json").write_text("{}", encoding="utf-8")
    assert stray_outputs(before, git_status(tmp_path)) == ["?? sub/stray.json"]
