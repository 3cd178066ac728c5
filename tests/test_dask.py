"""`vnplan batch --executor dask`: the same per-file function on a Dask cluster.

The cluster is a LocalCluster the test starts (in-process workers, so it starts in
a second); the batch reaches it by its scheduler address as a real cluster would be.
"""
from __future__ import annotations

import json

import pytest

import bad_files
from test_batch import copy_sample, vnplan_batch

distributed = pytest.importorskip("distributed")


@pytest.fixture(scope="module")
def scheduler():
    with distributed.LocalCluster(n_workers=1, threads_per_worker=2, processes=False, dashboard_address=None) as cluster:
        yield cluster.scheduler_address


def test_batch_on_a_dask_cluster(tmp_path, scheduler):
    root = tmp_path / "in"
    copy_sample(root / "a.docx")
    copy_sample(root / "sub" / "b.docx")
    bad_files.empty_pdf(root)
    out = tmp_path / "out"
    assert vnplan_batch(str(root), "-o", str(out), "--executor", "dask", "--scheduler", scheduler) == 1
    entries = {e["path"]: e for e in json.loads((out / "_report.json").read_text(encoding="utf-8"))["files"]}
    assert {p: e["status"] for p, e in entries.items()} == {"a.docx": "ok", "empty.pdf": "failed", "sub/b.docx": "ok"}
    assert entries["empty.pdf"]["error"] == "file is empty"
    assert json.loads((out / "sub" / "b.json").read_text(encoding="utf-8"))["tasks"]


def test_dask_resume_and_guard(tmp_path, scheduler):
    """Resume works the same on Dask, and the per-file deadline still holds on a worker."""
    root = tmp_path / "in"
    copy_sample(root / "a.docx")
    out = tmp_path / "out"
    assert vnplan_batch(str(root), "-o", str(out), "--executor", "dask", "--scheduler", scheduler) == 0
    copy_sample(root / "b.docx")
    assert vnplan_batch(str(root), "-o", str(out), "--executor", "dask", "--scheduler", scheduler,
                        "--resume", "--timeout", "0.001") == 1
    entries = {e["path"]: e for e in json.loads((out / "_report.json").read_text(encoding="utf-8"))["files"]}
    assert entries["a.docx"]["status"] == "skipped"
    assert entries["b.docx"]["error"].startswith("timed out")
