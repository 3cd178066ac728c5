"""CPU time and peak memory of `vnplan convert` as a DOCX grows (issue 25, item 2).

    python bench/bench_scaling.py [--sizes 2500 5000 10000 20000]

Two growths of the sample DOCX, each size converted once in its own process:
- paragraphs: N numbered empty paragraphs in mid-body (each a section "k." of its own);
- rows: a formatted table of N rows (4 cells, shading, widths, bold centred runs) before
  the body's section properties.
CPU is user + system time of the conversion and its children; peak memory is the largest
resident size among them (getrusage RUSAGE_CHILDREN). Prints a Markdown table; the ratio
column is CPU over the previous size's (2.0 for doubling is linear, 4.0 quadratic).
"""
from __future__ import annotations

import argparse
import random
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "tests" / "fuzz"))
import hostile  # noqa: E402

SAMPLE = ROOT / "samples" / "plan-196-KH-UBND.docx"
VNPLAN = Path(sys.executable).with_name("vnplan")


class _Fixed(random.Random):
    """A generator whose size choice is `size`: the fuzz mutators at a chosen size."""

    def __init__(self, size: int) -> None:
        super().__init__(0)
        self.size = size

    def choice(self, seq):  # type: ignore[no-untyped-def, override]
        """The size for a size choice; the first of any other choice of numbers (a defined list)."""
        if isinstance(seq[0], int):
            return self.size if len(seq) == 3 and seq[0] >= 300 else seq[0]
        return super().choice(seq)


def build(kind: str, size: int, folder: Path) -> Path:
    mutate = hostile.docx_empty_numbered if kind == "paragraphs" else hostile.docx_huge_table
    path = folder / f"{kind}-{size}.docx"
    path.write_bytes(mutate(SAMPLE.read_bytes(), _Fixed(size)))
    return path


# Run in a fresh process per conversion, so that its children's peak is this conversion's alone.
_WRAPPER = """
import resource, subprocess, sys
subprocess.run(sys.argv[1:], check=True, capture_output=True)
usage = resource.getrusage(resource.RUSAGE_CHILDREN)
print(usage.ru_utime + usage.ru_stime, usage.ru_maxrss / 1024)
"""


def measure(path: Path, out: Path) -> tuple[float, float]:
    """(CPU seconds, peak MB) of converting `path` in a fresh process and its children."""
    done = subprocess.run([sys.executable, "-c", _WRAPPER, str(VNPLAN), "convert", str(path), "--ocr", "never",
                           "-o", str(out)], check=True, capture_output=True, text=True)
    cpu, peak = done.stdout.split()
    return float(cpu), float(peak)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--sizes", type=int, nargs="+", default=[2500, 5000, 10000, 20000])
    args = parser.parse_args()
    print("| growth | N | CPU s | ratio | peak MB |\n|---|---|---|---|---|")
    with tempfile.TemporaryDirectory(prefix="bench-scaling-") as tmp:
        folder = Path(tmp)
        for kind in ("paragraphs", "rows"):
            previous = None
            for size in sorted(args.sizes):
                cpu, peak = measure(build(kind, size, folder), folder / "out")
                ratio = f"{cpu / previous:.2f}" if previous else "-"
                print(f"| {kind} | {size:,} | {cpu:.2f} | {ratio} | {peak:.0f} |", flush=True)
                previous = cpu
    return 0


if __name__ == "__main__":
    sys.exit(main())
