"""The package installs anywhere: a wheel built from the files a clone holds carries the
schema and every data file, and installed into a fresh venv it converts and validates
both samples from a folder far from the checkout.

The build backend (setuptools, wheel) comes from the configured index as `pip wheel`
always fetches it; the fresh venv gets the wheel with --no-deps and borrows the
third-party libraries from the test venv through a path file (which adds a folder to
sys.path without running that folder's own path files, so the editable install of
the checkout stays invisible), with every extra's modules blocked: the core install. `.ci/wheel_check.sh` does the same with a real
`pip install` of the dependencies from the registry.
"""
from __future__ import annotations

import json
import shutil
import subprocess
import sys
import sysconfig
import venv
import zipfile
from pathlib import Path

import pytest

from pipeline.data.extras import EXTRAS

ROOT = Path(__file__).resolve().parents[1]
SAMPLES = [ROOT / "samples" / "plan-196-KH-UBND.pdf", ROOT / "samples" / "plan-196-KH-UBND.docx"]
HANG_GUARD_S = 1800  # building and converting take well under a minute; this only stops a hang

pytestmark = pytest.mark.slow


def clone_files(folder: Path) -> Path:
    """The checkout as a clone would hold it (tracked and new files, nothing ignored), copied."""
    git = shutil.which("git")
    if git is None or not (ROOT / ".git").exists():
        pytest.skip("needs git and a git checkout")
    names = subprocess.run([git, "ls-files", "-co", "--exclude-standard", "-z"], cwd=ROOT, check=True,
                           capture_output=True).stdout.decode().split("\0")
    for name in filter(None, names):
        source = ROOT / name
        if source.is_file():
            (folder / name).parent.mkdir(parents=True, exist_ok=True)
            shutil.copy2(source, folder / name, follow_symlinks=False)
    return folder


@pytest.fixture(scope="module")
def wheel(tmp_path_factory) -> Path:
    src = clone_files(tmp_path_factory.mktemp("clone"))
    out = tmp_path_factory.mktemp("wheels")
    subprocess.run([sys.executable, "-m", "pip", "wheel", str(src), "--no-deps",
                    "--quiet", "-w", str(out)], check=True, timeout=HANG_GUARD_S)
    [built] = out.glob("vnplan-*.whl")
    return built


def test_wheel_carries_every_data_file(wheel):
    """Every non-Python file under pipeline/ (schemas, CSV, YAML ...) is in the wheel."""
    shipped = set(zipfile.ZipFile(wheel).namelist())
    wanted = {p.relative_to(ROOT).as_posix() for p in (ROOT / "pipeline").rglob("*")
              if p.is_file() and p.suffix not in (".py", ".pyc") and "__pycache__" not in p.parts}
    assert wanted and not wanted - shipped, sorted(wanted - shipped)


@pytest.fixture(scope="module")
def installed(wheel, tmp_path_factory) -> Path:
    """A fresh venv with the wheel (no deps) and the test venv's libraries on its path."""
    env = tmp_path_factory.mktemp("venv")
    venv.EnvBuilder(with_pip=False).create(env)
    python = env / "bin" / "python"
    site = Path(subprocess.run([str(python), "-c", "import sysconfig; print(sysconfig.get_path('purelib'))"],
                               check=True, capture_output=True, text=True).stdout.strip())
    (site / "borrowed-libraries.pth").write_text(sysconfig.get_path("purelib") + "\n", encoding="utf-8")
    # The core install only: every extra's modules made unimportable (a path file's `import` line runs at start).
    blocked = sorted({m for modules in EXTRAS.values() for m in modules})
    (site / "core-only.pth").write_text(f"import sys; sys.modules.update(dict.fromkeys({blocked!r}))\n",
                                        encoding="utf-8")
    subprocess.run([sys.executable, "-m", "pip", "--python", str(python), "install", "--no-deps", "--quiet",
                    str(wheel)], check=True, timeout=HANG_GUARD_S)
    return env


def test_installed_wheel_converts_and_validates_both_samples(installed, tmp_path):
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    inputs = [shutil.copy(sample, elsewhere / sample.name) for sample in SAMPLES]
    vnplan = str(installed / "bin" / "vnplan")
    where = subprocess.run([str(installed / "bin" / "python"), "-c", "import pipeline; print(pipeline.__file__)"],
                           cwd=elsewhere, check=True, capture_output=True, text=True).stdout
    assert where.startswith(str(installed)), where  # the wheel's copy, not the checkout
    convert = subprocess.run([vnplan, "convert", *map(str, inputs), "-o", "out"], cwd=elsewhere,
                             capture_output=True, text=True, timeout=HANG_GUARD_S)
    assert convert.returncode == 0, convert.stderr
    outputs = sorted((elsewhere / "out").glob("*.json"))
    assert len(outputs) == 2
    check = subprocess.run([vnplan, "validate", *map(str, outputs)], cwd=elsewhere, capture_output=True, text=True,
                           timeout=HANG_GUARD_S)
    assert check.returncode == 0 and check.stdout.count(": valid") == 2, check.stdout + check.stderr
    assert all(json.loads(p.read_text(encoding="utf-8"))["tasks"] for p in outputs)


def test_installed_wheel_knows_its_version(installed, tmp_path):
    from importlib import metadata
    run = subprocess.run([str(installed / "bin" / "vnplan"), "--version"], cwd=tmp_path, capture_output=True,
                         text=True, check=True)
    assert run.stdout == f"vnplan {metadata.version('vnplan')}\n"
