"""Cell accuracy of the converter over the variant corpus, as a markdown table.

Builds every variant in every format into a temporary folder, converts each file
and scores the expected cells (task fields, document fields, warning codes,
sections; see ``tests/test_variants.py``).

    .venv/bin/python tests/variants/report.py              # feature | variants | formats | cell accuracy
    .venv/bin/python tests/variants/report.py --by-format  # one row per feature and format
    .venv/bin/python tests/variants/report.py --failures   # and every wrong cell
"""
from __future__ import annotations

import argparse
import sys
import tempfile
from collections import defaultdict
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))  # tests/: `variants`, `test_variants`

from test_variants import cell_accuracy, failures, run_corpus  # noqa: E402
from variants.catalog import variants  # noqa: E402


def markdown(table: dict[tuple[str, str], tuple[int, int, int]], by_format: bool) -> str:
    """Rows per feature (formats merged) or per feature and format, plus a total row."""
    rows: dict[tuple[str, ...], list] = defaultdict(lambda: [set(), set(), 0, 0])
    order = {v.feature: i for i, v in enumerate(variants())}
    for (feature, fmt), (n, ok, total) in table.items():
        key = (feature, fmt) if by_format else (feature,)
        row = rows[key]
        row[0].add(n)
        row[1].add(fmt)
        row[2] += ok
        row[3] += total
    lines = ["| feature | variants | formats | cell accuracy |", "|---|---|---|---|"]
    all_ok = all_total = 0
    for key in sorted(rows, key=lambda k: (order.get(k[0], 99), k)):
        sizes, fmts, ok, total = rows[key]
        all_ok, all_total = all_ok + ok, all_total + total
        lines.append(f"| {key[0]} | {max(sizes)} | {', '.join(sorted(fmts))} | {ok}/{total} = {ok / total:.1%} |")
    lines.append(f"| **all** | {len(variants())} | | {all_ok}/{all_total} = {all_ok / all_total:.1%} |")
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--by-format", action="store_true", help="one row per feature and format")
    parser.add_argument("--failures", action="store_true", help="list every wrong cell")
    parser.add_argument("--keep", type=Path, help="build into this folder and keep the files")
    args = parser.parse_args(argv)
    with tempfile.TemporaryDirectory(prefix="vnplan-variants-") as tmp:
        results = run_corpus(args.keep or Path(tmp))
    print(markdown(cell_accuracy(results), args.by_format))
    if args.failures:
        by_key = {v.key: v for v in variants()}
        for (key, fmt), outcome in sorted(results.items()):
            problems = failures(by_key[key].expected, outcome)
            if problems:
                print(f"\n{key} [{fmt}]")
                print("\n".join(f"  {p}" for p in problems))
    return 0


if __name__ == "__main__":
    sys.exit(main())
