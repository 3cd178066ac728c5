"""Benchmark: header accuracy per document type over the real archive's born-digital files.

    .venv/bin/python bench/bench_headers.py [--archive DIR] [--repo DIR] [--json FILE]

The truth is what the archive's README says each file prints ("printed number and date"
column: "Số: 95/TTr-HĐTĐ; Lâm Đồng, ngày 03 tháng 02 năm 2026"; a draft's blanks are "…",
which make the number and code null) and the type is the folder prefix of the file name
(TTr, CV, BC, ...). Born-digital means DOCX (with the OOXML file named .doc) and PDFs with a
good text layer (the README's format column "docx" or "pdf-text", not "bad OCR layer");
legacy .doc files and scans are left out. Each file is converted without OCR; per file one
line (the four checks, then what the converter gave where it differs), then per type and in
all: code, number, date and type, right / files. Files of the prefix OTHER (a giấy mời, a
programme, an appendix...) count for code, number and date but not for type. A file the README
says is an appendix with "no own number (appendix: ...)" is expected of type "other" whatever its
folder: it is a Phụ lục of the document the prefix names, printed alone.

`--repo DIR` converts with another checkout's `pipeline` (run it on the code before a change
and after it to compare).
"""
from __future__ import annotations

import argparse
import datetime as dt
import json
import re
import subprocess
import sys
import unicodedata
from collections import defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
ARCHIVE = ROOT.parent / "shared" / "fixtures" / "archive"

# The folder prefix of each file name -> the contract's type code.
PREFIX_TYPES = {
    "TTr": "to_trinh", "CV": "cong_van", "BC": "bao_cao", "KH": "ke_hoach", "QD": "quyet_dinh",
    "TB": "thong_bao", "HD": "huong_dan", "PT": "phieu_trinh", "BB": "bien_ban", "QC": "quy_che",
    "DA": "de_an", "OTHER": None,
}
BORN_DIGITAL = ("docx", "pdf-text")
CHECKS = ("code", "number", "date", "type")
_CODE = re.compile(r"Số:\s*(?P<code>[^\s;]+)")
_DATE = re.compile(r"ngày\s*(\d{1,2})\s*tháng\s*(\d{1,2})\s*năm\s*(\d{4})")
_NUMBER = re.compile(r"^\d+(?:[.-]\d+)*")
# The README's words for a file that prints no number and date of its own.
_NO_NUMBER = ("no own number", "no number or dateline")

# Run in a child process so that `--repo` can put another checkout's pipeline first on the path.
CHILD = """
import json, sys
from pipeline.conversion import ConversionError, convert
out = {}
for path in sys.argv[1:]:
    try:
        doc = convert(path, ocr="never")["document"]
        out[path] = {k: doc.get(k) for k in ("code", "number", "symbol", "issued_date", "type")}
    except ConversionError as exc:
        out[path] = {"error": exc.reason}
print(json.dumps(out, ensure_ascii=False))
"""


def readme_rows(archive: Path) -> list[dict]:
    """The README's table rows: file, type prefix, format, printed number and date."""
    rows = []
    for line in (archive / "README.md").read_text(encoding="utf-8").splitlines():
        cells = [c.strip() for c in line.strip().strip("|").split("|")]
        if len(cells) >= 5 and re.match(r"^\d{3}_", cells[0]):
            rows.append({"file": cells[0], "prefix": cells[1], "format": cells[2], "printed": cells[4]})
    return rows


def truth(row: dict) -> dict:
    """What the file prints, read from the README: code, number, date, type."""
    printed = unicodedata.normalize("NFC", row["printed"])
    code = number = date = None
    if printed.startswith(_NO_NUMBER):  # an appendix or a programme: what it prints is not its own
        # An appendix printed alone is of no type of its own ("other", named "Phụ lục" and tied to
        # its document): the folder's prefix is the type of the document it belongs to.
        kind = "other" if "appendix" in printed else PREFIX_TYPES.get(row["prefix"])
        return {"code": None, "number": None, "date": None, "type": kind}
    if (m := _CODE.search(printed)) and not m.group("code").startswith(("…", ".")):
        code = m.group("code")
        number = _NUMBER.match(code).group(0) if _NUMBER.match(code) else None
    dateline = printed.split("no dateline")[0]  # a form's boxes carry dates, but it prints no dateline
    if (d := _DATE.search(dateline)):
        date = dt.date(int(d.group(3)), int(d.group(2)), int(d.group(1))).isoformat()
    return {"code": code, "number": number, "date": date, "type": PREFIX_TYPES.get(row["prefix"])}


def born_digital(rows: list[dict]) -> list[dict]:
    return [r for r in rows if r["format"].split(" ")[0] in BORN_DIGITAL and "bad OCR" not in r["format"]]


def convert_all(paths: list[Path], repo: Path) -> dict[str, dict]:
    result = subprocess.run([sys.executable, "-c", CHILD, *map(str, paths)], cwd=repo,
                            env={"PYTHONPATH": str(repo), "PATH": "/usr/bin:/bin"},
                            capture_output=True, text=True, check=True)
    return json.loads(result.stdout.splitlines()[-1])


def score(expected: dict, got: dict) -> dict[str, bool | None]:
    """Per check: right, wrong, or None where it does not count (type of OTHER)."""
    if "error" in got:
        return {c: False if c != "type" or expected["type"] else None for c in CHECKS}
    given = {"code": got["code"], "number": got["number"], "date": got["issued_date"], "type": got["type"]}
    return {c: None if c == "type" and expected["type"] is None else given[c] == expected[c] for c in CHECKS}


def report(rows: list[dict], results: dict[str, dict], archive: Path) -> dict:
    per_type: dict[str, dict[str, list[bool]]] = defaultdict(lambda: defaultdict(list))
    for row in rows:
        expected, got = truth(row), results[str(archive / row["file"])]
        marks = score(expected, got)
        wrong = {c: got.get("issued_date" if c == "date" else c, got.get("error")) for c, ok in marks.items() if ok is False}
        flags = " ".join(f"{c}:{'-' if ok is None else 'ok' if ok else 'NO'}" for c, ok in marks.items())
        print(f"{row['file'][:52]:52} {flags}  {json.dumps(wrong, ensure_ascii=False) if wrong else ''}")
        for check, ok in marks.items():
            if ok is not None:
                per_type[row["prefix"]][check].append(ok)
                per_type["all"][check].append(ok)
    print(f"\n{'type':6} {'files':>5} " + " ".join(f"{c:>10}" for c in CHECKS))
    table = {}
    for prefix in [*sorted(k for k in per_type if k != "all"), "all"]:
        marks = per_type[prefix]
        table[prefix] = {c: [sum(marks[c]), len(marks[c])] for c in CHECKS}
        cells = " ".join(f"{sum(marks[c]):>4}/{len(marks[c]):<3}{'':2}" if marks[c] else f"{'-':>10}" for c in CHECKS)
        print(f"{prefix:6} {len(marks['code']):>5} {cells}")
    return table


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--archive", type=Path, default=ARCHIVE)
    parser.add_argument("--repo", type=Path, default=ROOT, help="checkout whose pipeline converts")
    parser.add_argument("--json", type=Path, help="write the per-type table here")
    args = parser.parse_args()
    if not (args.archive / "README.md").exists():
        print(f"no archive README in {args.archive}", file=sys.stderr)
        return 2
    rows = born_digital(readme_rows(args.archive))
    results = convert_all([args.archive / r["file"] for r in rows], args.repo.resolve())
    table = report(rows, results, args.archive)
    if args.json:
        args.json.write_text(json.dumps(table, indent=1), encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
