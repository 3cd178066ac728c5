"""Benchmark: `vnplan serve`'s search and list pages on 1,000 generated plans.

    .venv/bin/python bench/bench_serve.py [--plans 1000] [--repeat 5] [--pg]

The plans are bench_db's (the sample's conversion with other provinces, numbers, dates,
tasks and leads; one in ten a later revision). They are loaded into a new database (SQLite
file; PostgreSQL with --pg, from VNPLAN_TEST_PG_URL), indexed for search, then each page is
requested --repeat times through Starlette's TestClient (in process: the application, its
database queries and its templates, without a network) and the median and the slowest time
printed, with the machine's load average before and after (the machine is shared).
"""
from __future__ import annotations

import argparse
import os
import shutil
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path[:0] = [str(ROOT), str(Path(__file__).parent)]

from bench_db import generated_plans  # noqa: E402
from starlette.testclient import TestClient  # noqa: E402

from pipeline.serve import search  # noqa: E402
from pipeline.serve.app import make_app  # noqa: E402
from pipeline.serve.settings import Settings  # noqa: E402
from pipeline.store import db  # noqa: E402

# The pages timed: (label, path, query parameters).
PAGES = [
    ("list, no filter", "/documents", {}),
    ("list, page 10", "/documents", {"page": "10"}),
    ("list, province + year", "/documents", {"province": "Hà Nội", "year": "2025"}),
    ("list, signed + warnings", "/documents", {"state": "signed", "warnings": "no"}),
    ("search 'chuyen doi so'", "/documents", {"q": "chuyen doi so"}),
    ("search 'so tc' (abbr.)", "/documents", {"q": "so tc"}),
    ("search 'y te co so'", "/documents", {"q": "y te co so"}),
    ("search + filters", "/documents", {"q": "cai cach hanh chinh", "state": "signed", "year": "2026"}),
    ("search, no match", "/documents", {"q": "xyzzy khong co"}),
    ("question: open tasks", "/questions/open_tasks", {}),
    ("question: open tasks, 2026", "/questions/open_tasks", {"due_year": "2026"}),
    ("question: tasks by year", "/questions/tasks_by_year", {"due_year": "2026"}),
    ("question: top cited", "/questions/top_cited", {}),
]


def _load(engine, plans: list[dict]) -> float:
    started = time.perf_counter()
    for doc in plans:
        db.load_document(engine, doc)
    return time.perf_counter() - started


def _time_page(client: TestClient, path: str, params: dict, repeat: int) -> tuple[float, float, int]:
    times = []
    for _ in range(repeat):
        started = time.perf_counter()
        response = client.get(path, params=params)
        times.append((time.perf_counter() - started) * 1000)
        assert response.status_code == 200, (path, response.status_code)
    return statistics.median(times), max(times), len(response.content)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--plans", type=int, default=1000)
    parser.add_argument("--repeat", type=int, default=5)
    parser.add_argument("--pg", action="store_true", help="use VNPLAN_TEST_PG_URL (emptied first)")
    args = parser.parse_args()
    work = Path(tempfile.mkdtemp(prefix="vnplan-bench-serve-"))
    url = f"sqlite:///{work / 'plans.sqlite'}"
    if args.pg:
        sys.path.insert(0, str(ROOT / "tests"))
        from db_engines import empty_pg
        url = empty_pg()
    print(f"load average before: {' '.join(f'{x:.2f}' for x in os.getloadavg())} ({os.cpu_count()} cores)")
    plans = generated_plans(args.plans)
    engine = db.connect(url)
    print(f"load ({engine.dialect.name}): {len(plans)} plans in {_load(engine, plans):.1f} s")
    app = make_app(Settings(db_url=url, data_dir=work / "data", start_workers=False, index_on_start=False))
    started = time.perf_counter()
    indexed = search.index_missing(app.state.engine)
    print(f"search index: {indexed} documents in {time.perf_counter() - started:.1f} s")
    with TestClient(app) as client:
        print(f"{'page':<30} {'median ms':>10} {'max ms':>8} {'KB':>6}")
        for label, path, params in PAGES:
            median, slowest, size = _time_page(client, path, params, args.repeat)
            print(f"{label:<30} {median:>10.1f} {slowest:>8.1f} {size / 1024:>6.0f}")
    engine.dispose()
    app.state.engine.dispose()
    app.state.reader.dispose()
    if os.environ.get("VNPLAN_BENCH_KEEP") != "1":
        shutil.rmtree(work, ignore_errors=True)
    print(f"load average after: {' '.join(f'{x:.2f}' for x in os.getloadavg())}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
