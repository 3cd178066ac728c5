"""Accuracy of the converter on the scanned corpus, as a markdown table (one row per case).

    .venv/bin/python tests/scanned/report.py [--failures]

Builds every case of `corpus.CASES` into a temporary folder, converts it with no
flag and scores it (`score.py`). Needs Tesseract with Vietnamese data.
"""
from __future__ import annotations

import argparse
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))  # tests/: `scanned`, `variants`

from pipeline.conversion import convert  # noqa: E402
from scanned.corpus import CASES, build, expected  # noqa: E402
from scanned.score import score, table  # noqa: E402


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--failures", action="store_true", help="list every wrong cell")
    args = parser.parse_args(argv)
    scores = []
    with tempfile.TemporaryDirectory(prefix="vnplan-scanned-") as folder:
        for case in CASES:
            scores.append(score(f"{case.key} ({case.feature})", expected(case), convert(build(case, Path(folder)))))
    print(table(scores))
    if args.failures:
        for s in scores:
            print("\n".join([f"\n{s.name}"] + [f"  {m}" for m in s.misses]))
    return 0


if __name__ == "__main__":
    sys.exit(main())
