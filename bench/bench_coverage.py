"""Benchmark: how much of each real document's own text reaches its JSON (silent loss).

    .venv/bin/python bench/bench_coverage.py [--fixtures DIR] [--ocr never|auto] [--spans N] [--repo DIR]

Every .docx, .doc and PDF of `../shared/fixtures/real` and `../shared/fixtures/archive`
is converted (in a child process under the per-file limits, as `vnplan convert` does) and
measured with `tests/tools/coverage_check.py` (a copy of the shared checker): the share of
the source's words, read by other means than the converter's, that the JSON holds. A .doc
is measured against the DOCX LibreOffice makes of it (the converter reads that DOCX too).
Scanned pages have no text layer: the checker leaves them out, and with `--ocr never` (the
default: OCR is slow and measured by bench_ocr.py) a file with no text layer at all is listed
as not measured. Prints one line per file (coverage, kept/words, content_dropped warnings,
the longest missing runs), then min, median and the files under 0.97 without a
`content_dropped` warning.

`--repo DIR` measures another checkout's `pipeline` (PYTHONPATH=DIR): run it on the code
before a change to compare.
"""
from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
FIXTURES = Path(os.environ.get("VNPLAN_FIXTURES") or ROOT.parent / "shared" / "fixtures")
SUFFIXES = (".pdf", ".docx", ".doc")
MINIMUM = 0.97

# Runs in the measured checkout (its own `pipeline`): convert one file, print the JSON path
# and the DOCX the words are counted in (a .doc's LibreOffice copy), or the refusal.
CHILD = r"""
import json, sys, shutil
from pathlib import Path
from pipeline.conversion import ConversionError, convert_limited
src, out, ocr = Path(sys.argv[1]), Path(sys.argv[2]), sys.argv[3]
try:
    doc = convert_limited(src, ocr=ocr)
except ConversionError as exc:
    print(json.dumps({"error": exc.reason})); sys.exit(0)
out.write_text(json.dumps(doc, ensure_ascii=False), encoding="utf-8")
source = src
if src.suffix.lower() == ".doc":  # counted in a DOCX: LibreOffice's, or the file itself when it is one
    keep = out.with_suffix(".docx"); source = keep
    if src.read_bytes()[:4] == b"PK\x03\x04":
        shutil.copyfile(src, keep)
    else:
        from pipeline.extract.doc import converted_docx
        with converted_docx(src) as docx:
            shutil.copyfile(docx, keep)
print(json.dumps({"json": str(out), "source": str(source)}))
"""


def inputs(fixtures: Path) -> list[Path]:
    found = [p for sub in ("real", "archive") for p in sorted((fixtures / sub).glob("*"))
             if p.suffix.lower() in SUFFIXES]
    return found


def convert_one(src: Path, tmp: Path, ocr: str, repo: Path) -> dict:
    env = dict(os.environ, PYTHONPATH=str(repo))
    run = subprocess.run([sys.executable, "-c", CHILD, str(src), str(tmp / (src.name + ".json")), ocr],
                         capture_output=True, text=True, env=env, cwd=repo)
    lines = run.stdout.strip().splitlines()
    if run.returncode or not lines:
        return {"error": f"bench child failed: {run.stderr.strip().splitlines()[-1:] or run.returncode}"}
    return json.loads(lines[-1])


def measure(src: Path, tmp: Path, ocr: str, repo: Path, spans: int) -> dict:
    sys.path.insert(0, str(ROOT / "tests" / "tools"))
    import coverage_check

    made = convert_one(src, tmp, ocr, repo)
    if "error" in made:
        return {"name": src.name, "error": made["error"]}
    try:
        result = coverage_check.check(Path(made["source"]), Path(made["json"]), MINIMUM, spans)
    except Exception as exc:  # noqa: BLE001  a bench reports the file and goes on
        return {"name": src.name, "error": f"checker failed: {type(exc).__name__}: {exc}"}
    return {"name": src.name, **result}


def line(r: dict) -> str:
    if "error" in r:
        return f"n/a   {r['name']}: not measured ({r['error']})"
    mark = "ok  " if r["passes"] else "LOST"
    drop = f", {r['drop_warnings']} content_dropped" if r["drop_warnings"] else ""
    scan = f", {len(r['pages_without_text'])} page(s) without text" if r["pages_without_text"] else ""
    out = f"{mark} {r['coverage']:.3f} {r['name']} ({r['kept']}/{r['words']} words{drop}{scan})"
    return "\n".join([out] + [f"       missing {s}" for s in r["missing"]])


def summary(results: list[dict]) -> str:
    measured = [r for r in results if "coverage" in r]
    shares = sorted(r["coverage"] for r in measured)
    if not shares:
        return "no file measured"
    under = [r["name"] for r in measured if r["coverage"] < MINIMUM]
    silent = [r["name"] for r in measured if not r["passes"]]
    return (f"{len(measured)} file(s) measured, {len(results) - len(measured)} not: "
            f"min {shares[0]:.3f}, median {statistics.median(shares):.3f}, "
            f"{len(under)} under {MINIMUM} ({len(silent)} of them without a content_dropped warning)")


def main(argv: list[str]) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--fixtures", type=Path, default=FIXTURES)
    ap.add_argument("--ocr", choices=("never", "auto"), default="never")
    ap.add_argument("--spans", type=int, default=2)
    ap.add_argument("--repo", type=Path, default=ROOT)
    ap.add_argument("--start", default="", help="skip the files whose name sorts before this one")
    a = ap.parse_args(argv)
    files = [p for p in inputs(a.fixtures) if p.name >= a.start or p.parent.name == "real"]
    if not files:
        print(f"no real documents in {a.fixtures}: nothing to measure")
        return 0
    results = []
    with tempfile.TemporaryDirectory(prefix="vnplan-coverage-") as tmp:
        for src in files:
            r = measure(src, Path(tmp), a.ocr, a.repo.resolve(), a.spans)
            results.append(r)
            print(line(r), flush=True)
    print(summary(results))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
