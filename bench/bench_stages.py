"""Benchmark: CPU seconds per stage of one conversion, in a fresh process.

    .venv/bin/python bench/bench_stages.py FILE [FILE...] [--runs N]

Per file, N fresh interpreters each time the imports and then, once, each stage of
`convert` (extract, structure, normalize, serialize + validate), in CPU time of the
process (`time.process_time`), which a loaded machine disturbs much less than wall
time. The median per stage is printed. Use it to compare two versions of the code.
"""
from __future__ import annotations

import argparse
import json
import statistics
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]

STAGES_CODE = r"""
import json, sys, time
t0 = time.process_time()
from pathlib import Path
import hashlib
from pipeline.conversion import extract
from pipeline.model import Source
from pipeline.structure.document import build_skeleton
from pipeline.normalize.plan import build_plan
from pipeline.output.serialize import plan_to_dict, to_json
from pipeline.output.validate import validation_errors
t1 = time.process_time()
# The steps as convert_to_plan runs them (conversion.py): extract, structure, normalize.
path = Path(sys.argv[1])
extracted, fmt, data = extract(path)
t2 = time.process_time()
skeleton, type_code = build_skeleton(extracted)
t3 = time.process_time()
source = Source(filename=path.name, format=fmt, sha256=hashlib.sha256(data).hexdigest(), pages=extracted.pages)
plan = build_plan(skeleton, type_code, source)
t4 = time.process_time()

doc = plan_to_dict(plan)
assert not validation_errors(doc)
to_json(doc)
t5 = time.process_time()
print(json.dumps({"imports": t1 - t0, "extract": t2 - t1, "structure": t3 - t2, "normalize": t4 - t3,
                  "serialize+validate": t5 - t4, "total": t5 - t0}))
"""


def stage_times(path: Path) -> dict[str, float]:
    out = subprocess.run([sys.executable, "-c", STAGES_CODE, str(path)], check=True, capture_output=True, text=True,
                         cwd=ROOT).stdout
    return json.loads(out.splitlines()[-1])


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("files", nargs="+", type=Path)
    parser.add_argument("--runs", type=int, default=3)
    args = parser.parse_args()
    # The package's bytecode first, as an install writes it: where PYTHONDONTWRITEBYTECODE is set
    # (some sandboxes) every timed process would compile the whole package again (0.13 s), which
    # the floor's pdfplumber, installed with its bytecode, never pays.
    subprocess.run([sys.executable, "-m", "compileall", "-q", str(ROOT / "pipeline")], check=True)
    for path in args.files:
        runs = [stage_times(path.resolve()) for _ in range(args.runs)]
        medians = {stage: statistics.median(r[stage] for r in runs) for stage in runs[0]}
        print(f"{path.name[:40]:40} " + "  ".join(f"{k} {v:.3f}" for k, v in medians.items()))


if __name__ == "__main__":
    main()
