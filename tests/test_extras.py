"""The install's extras: the core converts and validates without any of them, and a command
that needs a missing one says which in one line (`pipeline.data.extras`).

A missing library is simulated by putting None in `sys.modules` (an import of it then
fails, as in an install without that extra); conversions run in a forked child, which
inherits the block.
"""
from __future__ import annotations

import json
import subprocess
import sys
import tomllib
from pathlib import Path

import pytest

from pipeline import convert
from pipeline.cli import main
from pipeline.data.extras import EXTRAS

ROOT = Path(__file__).resolve().parents[1]
SAMPLES = [ROOT / "samples" / "plan-196-KH-UBND.pdf", ROOT / "samples" / "plan-196-KH-UBND.docx"]

# pyproject's requirement names -> the module each is imported as.
IMPORT_NAME = {"opencv-python-headless": "cv2", "numpy": "numpy", "scipy": "scipy", "sqlalchemy": "sqlalchemy",
               "alembic": "alembic", "openpyxl": "openpyxl", "psycopg": "psycopg", "pyarrow": "pyarrow",
               "dask": "distributed", "starlette": "starlette", "uvicorn": "uvicorn", "jinja2": "jinja2",
               "python-multipart": "multipart", "underthesea": "underthesea"}


def _requirement_name(spec: str) -> str:
    for stop in "[<>=!~; ":
        spec = spec.split(stop)[0]
    return spec.lower()


def _pyproject() -> dict:
    return tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]


@pytest.mark.parametrize("extra", sorted(EXTRAS))
def test_each_extra_installs_what_its_features_import(extra: str) -> None:
    declared = _pyproject()["optional-dependencies"][extra]
    assert sorted({IMPORT_NAME[_requirement_name(d)] for d in declared}) == sorted(set(EXTRAS[extra]))


def test_all_is_every_extra() -> None:
    extras = _pyproject()["optional-dependencies"]
    wanted = {d for name in EXTRAS for d in extras[name]}
    assert set(extras["all"]) == wanted


def test_no_extra_library_is_a_core_dependency() -> None:
    core = {_requirement_name(d) for d in _pyproject()["dependencies"]}
    in_extras = {_requirement_name(d) for name in EXTRAS for d in _pyproject()["optional-dependencies"][name]}
    assert core & in_extras == set()


BLOCK_EVERY_EXTRA = "import sys\nfor m in {modules!r}: sys.modules[m] = None\n"


def test_core_alone_runs_the_core_commands(tmp_path: Path) -> None:
    """Every extra's modules blocked: `convert` and `validate` of both samples, `render` and
    `inspect` still work."""
    modules = sorted({m for names in EXTRAS.values() for m in names})
    pdf, docx = map(str, SAMPLES)
    out = tmp_path / "out"
    commands = [["convert", pdf, docx, "-o", str(out)],
                ["validate", str(out / "plan-196-KH-UBND.pdf.json"), str(out / "plan-196-KH-UBND.docx.json")],
                ["render", str(out / "plan-196-KH-UBND.docx.json"), "--to", "md", "-o", str(out / "plan.md")],
                ["inspect", pdf, "-o", str(out)]]
    script = BLOCK_EVERY_EXTRA.format(modules=modules) + (
        "from pipeline.cli import main\n"
        f"sys.exit(max(main(argv) for argv in {commands!r}))\n")
    run = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, cwd=tmp_path)
    assert run.returncode == 0, run.stderr
    assert run.stdout.count(": valid") == 2, run.stdout
    assert sorted(p.name for p in out.iterdir()) == ["plan-196-KH-UBND.docx.json", "plan-196-KH-UBND.pdf.json",
                                                     "plan-196-KH-UBND.review.html", "plan.md"]


@pytest.fixture(scope="module")
def plan_file(tmp_path_factory) -> Path:
    path = tmp_path_factory.mktemp("plan") / "plan.json"
    path.write_text(json.dumps(convert(SAMPLES[1]), ensure_ascii=False), encoding="utf-8")
    return path


PG_URL = "postgresql+psycopg://u:secret@127.0.0.1:1/plans"

# (what runs, the modules missing, the one line expected on stderr)
CASES = [
    # diff's alignment needs numpy and scipy
    (["diff", "{plan}", "{plan}"], ["scipy"], "vnplan: diff needs the [diff] extra: pip install 'vnplan[diff]'"),
    # load and export go through SQLAlchemy
    (["load", "{plan}", "--db", "sqlite:///{tmp}/x.sqlite"], ["sqlalchemy"],
     "vnplan: load needs the [db] extra: pip install 'vnplan[db]'"),
    (["export", "--tasks", "{tmp}/t.xlsx", "{plan}"], ["openpyxl"],
     "vnplan: export needs the [db] extra: pip install 'vnplan[db]'"),
    # Parquet is its own extra (pyarrow is the largest library of all)
    (["export", "--tasks", "{tmp}/t.parquet", "{plan}"], ["pyarrow"],
     "vnplan: Parquet export needs the [parquet] extra: pip install 'vnplan[parquet]'"),
    # the PostgreSQL driver: the URL (password hidden) and the extra
    (["load", "{plan}", "--db", PG_URL], ["psycopg"],
     "vnplan: postgresql+psycopg://u:***@127.0.0.1:1/plans: PostgreSQL needs the [postgres] extra: "
     "pip install 'vnplan[postgres]'"),
    # the Dask executor
    (["batch", "{tmp}/in", "-o", "{tmp}/out", "--executor", "dask"], ["distributed"],
     "vnplan: dask: --executor dask needs the [dask] extra: pip install 'vnplan[dask]'"),
]


@pytest.mark.parametrize("argv, blocked, line", CASES, ids=[" ".join(c[0][:1] + c[1]) for c in CASES])
def test_a_missing_extra_is_one_line(argv, blocked, line, plan_file, tmp_path, monkeypatch, capsys) -> None:
    (tmp_path / "in").mkdir()
    for module in blocked:
        monkeypatch.setitem(sys.modules, module, None)
    code = main([a.format(plan=plan_file, tmp=tmp_path) for a in argv])
    err = capsys.readouterr().err
    assert (code, err) == (1, line + "\n")
    assert sorted(p.name for p in tmp_path.iterdir()) == ["in"]  # nothing written


def test_an_import_error_of_an_extra_names_it() -> None:
    """The last guard's reading of an ImportError no command foresaw."""
    from pipeline.cli.messages import describe
    error = ModuleNotFoundError("No module named 'pyarrow'", name="pyarrow")
    assert describe(error) == "this command needs the [parquet] extra: pip install 'vnplan[parquet]'"


def test_version_is_the_packages() -> None:
    from importlib import metadata
    assert metadata.version("vnplan") == _pyproject()["version"] == "0.2.0"
