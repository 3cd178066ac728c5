"""The fuzz corpus (tests/fuzz/): a fixed, seeded set of mutants of every sample and real fixture.

Issue 15: every mutant is converted or refused with one line; none ends in an
internal error, a traceback, a stray stderr line, a limit, a temporary file left
behind, or missing from the report. The counts are printed (`pytest -s` shows the
table). More mutants: `make fuzz`. Found failures become files in
tests/fuzz/regressions/, run here on every test run.
"""
from __future__ import annotations

import os
import shutil
import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parent / "fuzz"))
import mutators  # noqa: E402
import run as fuzz_run  # noqa: E402
import real_fixtures  # noqa: E402

REGRESSIONS = Path(__file__).resolve().parent / "fuzz" / "regressions"
# The CI set: this many mutants from this seed (VNPLAN_FUZZ_COUNT overrides the count).
CI_COUNT, CI_SEED = int(os.environ.get("VNPLAN_FUZZ_COUNT", "2000")), 15
JOBS = 2


def test_mutants_are_reproducible():
    seeds = mutators.seed_files()
    assert len(seeds) >= (9 if real_fixtures.present() else 2)  # both samples, and every real fixture where present
    for index in (0, 1, 17, 333):
        assert mutators.mutant(index, 15, seeds) == mutators.mutant(index, 15, seeds)
    assert mutators.mutant(5, 15, seeds)[2] != mutators.mutant(5, 16, seeds)[2]


def test_every_kind_is_used_on_every_format():
    seeds = mutators.seed_files()
    rounds = max(len(mutators.PDF_KINDS), len(mutators.DOCX_KINDS))
    kinds = {mutators.mutant(i, 15, seeds)[1] for i in range(len(seeds) * rounds)}
    assert kinds == set(mutators.MUTATORS)


def derived_regressions() -> list[tuple[str, int, int, str, str]]:
    """(file name, seed, index, source, kind) of the regressions that are mutants of a real document:
    those are rebuilt from the shared fixture and the recorded mutation, never stored."""
    rows = (line.split(",") for line in (REGRESSIONS / "derived.csv").read_text().splitlines()[1:] if line)
    return [(name, int(seed), int(index), source, kind) for name, seed, index, source, kind in rows]


def rebuild_derived(folder: Path) -> list[str]:
    """Write each derived regression into `folder`; its name list. Skips where the fixtures are absent."""
    if not real_fixtures.present():
        pytest.skip(real_fixtures.ABSENT)
    seeds = fuzz_run.mutators.seed_files()
    names = []
    for name, seed, index, source, kind in derived_regressions():
        made_from, _, data = fuzz_run.mutators.mutant(index, seed, seeds, kind=kind)
        assert made_from == source, f"{name}: mutant {index} of seed {seed} now comes from {made_from}"
        (folder / name).write_bytes(data)
        names.append(name)
    return names


def test_regressions(tmp_path):
    files = sorted(p for p in REGRESSIONS.iterdir() if p.suffix in (".pdf", ".docx"))
    assert files
    folder = tmp_path / "in"
    folder.mkdir()
    for path in files:
        shutil.copy(path, folder / path.name)
    files = [*files, *map(Path, rebuild_derived(folder))]
    result = fuzz_run.run(folder, tmp_path / "out", {p.name: "regression" for p in files}, JOBS)
    print(fuzz_run.table_text(result))
    assert result.failures == [] and result.tracebacks == 0
    assert result.stray_lines == [] and result.temp_files == []


def test_fuzz_ci_set():
    result = fuzz_run.fuzz(CI_COUNT, CI_SEED, JOBS)
    print(f"\nfuzz: {CI_COUNT} mutants, seed {CI_SEED}\n" + fuzz_run.table_text(result))
    assert sum(result.table.values()) == CI_COUNT  # every mutant in the report
    assert result.failures == []  # no internal error, no limit hit, none missing
    assert result.tracebacks == 0
    assert result.stray_lines == []  # nothing on stderr but one line per refused file and the summary
    assert result.temp_files == []
