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


def corrections(doc: dict, want: dict) -> tuple[int, int]:
    """(words the tone correction changed, of which wrong): a correction is right when the word it
    wrote is in the expected text and the word read is not."""
    from pipeline.extract.ocr.correct import _core

    warning = next((w["message"] for w in doc["warnings"] if w["code"] == "ocr_words_corrected"), "")
    made = [pair.split(" (p.")[0].split(" -> ") for pair in warning.split(": ", 1)[-1].split("; ") if " -> " in pair]
    truth = " ".join([t.get("content") or "" for t in want.get("tasks", [])] + [str(v) for v in want["document"].values()])
    known = {_core(w)[1] for w in truth.split()}
    wrong = sum(1 for read, written in made if _core(written)[1] not in known or _core(read)[1] in known)
    return len(made), wrong


def run(folder: Path, tones: bool) -> tuple[list, int, int]:
    from pipeline.extract.ocr import reader

    reader.CORRECT_TONES = tones
    scores, made, wrong = [], 0, 0
    for case in CASES:
        doc, want = convert(build(case, folder)), expected(case)
        scores.append(score(f"{case.key} ({case.feature})", want, doc))
        counts = corrections(doc, want)
        made, wrong = made + counts[0], wrong + counts[1]
    return scores, made, wrong


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--failures", action="store_true", help="list every wrong cell")
    parser.add_argument("--corrections", action="store_true", help="also without the tone correction, to compare")
    args = parser.parse_args(argv)
    with tempfile.TemporaryDirectory(prefix="vnplan-scanned-") as folder:
        if args.corrections:
            print("without the tone correction:\n" + table(run(Path(folder), False)[0]) + "\n\nwith it:")
        scores, made, wrong = run(Path(folder), True)
    print(table(scores))
    print(f"\nwords corrected: {made}, of which wrong (not in the expected text): {wrong}")
    if args.failures:
        for s in scores:
            print("\n".join([f"\n{s.name}"] + [f"  {m}" for m in s.misses]))
    return 0


if __name__ == "__main__":
    sys.exit(main())
