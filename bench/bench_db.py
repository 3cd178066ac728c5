"""Benchmark: `vnplan load` and the documented queries (docs/db.md) on 1,000 generated plans.

    .venv/bin/python bench/bench_db.py [--plans 1000] [--db URL] [--repeat 5]

The plans are contract JSON made from the sample's conversion: each gets another
province (pipeline/data/provinces.csv), number and date, and its tasks other
contents, lead agencies and timeframes (plangen's vocabularies, resolved through the
converter's own agency and timeframe parsers); one plan in ten is a later revision of
another. They are loaded into a new database (SQLite file by default; PostgreSQL with
--db, or VNPLAN_TEST_PG_URL when set and --pg is given), then every documented query is
run --repeat times and its median time printed, then the XLSX export is timed.
"""
from __future__ import annotations

import argparse
import copy
import hashlib
import os
import random
import re
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path[:0] = [str(ROOT), str(Path(__file__).parent)]

import plangen  # noqa: E402
from sqlalchemy import text  # noqa: E402

from pipeline.conversion import convert  # noqa: E402
from pipeline.data import load_csv  # noqa: E402
from pipeline.export.sheets import write  # noqa: E402
from pipeline.export.tasks import records_from_db  # noqa: E402
from pipeline.normalize.agencies import parse_agency_cell  # noqa: E402
from pipeline.normalize.timeframes import parse_timeframe  # noqa: E402
from pipeline.store import db  # noqa: E402

REVISION_SHARE = 0.1  # one generated plan in ten revises an earlier one


def _agency(agency) -> dict:
    from dataclasses import asdict
    return asdict(agency)


def generated_plans(count: int, seed: int = 7) -> list[dict]:
    """`count` contract documents built from the sample's conversion."""
    rng = random.Random(seed)
    base = convert(plangen.SAMPLE_DOCX)
    provinces = [r["name"] for r in load_csv("provinces.csv")]
    plans: list[dict] = []
    for i in range(count):
        if plans and rng.random() < REVISION_SHARE:
            doc = copy.deepcopy(rng.choice(plans))  # a revision: same plan, a later date, a task changed
            year = int(doc["document"]["issued_date"][:4]) + 1
            doc["document"]["issued_date"] = f"{year}-{rng.randint(1, 12):02d}-{rng.randint(1, 28):02d}"
            doc["tasks"][0]["content"] += f" (sửa đổi {i})"
        else:
            doc = copy.deepcopy(base)
            province = rng.choice(provinces)
            meta = doc["document"]
            number = str(rng.randint(1, 999))
            meta.update(number=number, code=f"{number}/KH-UBND",
                        issued_date=f"{rng.randint(2023, 2026)}-{rng.randint(1, 12):02d}-{rng.randint(1, 28):02d}")
            issuer, _ = parse_agency_cell(f"UBND tỉnh {province}", province)
            meta["issuer"] = _agency(issuer[0]) if issuer else meta["issuer"]
            for task in doc["tasks"]:
                task["content"] = rng.choice(plangen.TASKS).format(x=rng.choice(plangen.TOPICS))
                leads, _ = parse_agency_cell(rng.choice(plangen.LEADS), province)
                task["lead"] = [_agency(a) for a in leads]
                timeframe, _ = parse_timeframe(rng.choice(plangen.TIMEFRAMES))
                task["timeframe"] = _agency(timeframe) if timeframe else None
        doc["source"]["sha256"] = hashlib.sha256(f"bench-{seed}-{i}".encode()).hexdigest()
        doc["source"]["filename"] = f"plan-{i:04d}.docx"
        plans.append(doc)
    return plans


def documented_queries() -> dict[str, str]:
    found = re.findall(r"<!-- query: (\w+) -->\s*```sql\n(.*?)```", (ROOT / "docs" / "db.md").read_text("utf-8"), re.S)
    return dict(found)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--plans", type=int, default=1000)
    parser.add_argument("--db", help="database URL (default: a new SQLite file)")
    parser.add_argument("--pg", action="store_true", help="use VNPLAN_TEST_PG_URL (emptied first)")
    parser.add_argument("--repeat", type=int, default=5)
    args = parser.parse_args()
    work = Path(tempfile.mkdtemp(prefix="vnplan-bench-db-"))
    url = args.db or f"sqlite:///{work / 'plans.sqlite'}"
    if args.pg:
        sys.path.insert(0, str(ROOT / "tests"))
        from db_engines import empty_pg
        url = empty_pg()

    started = time.perf_counter()
    plans = generated_plans(args.plans)
    tasks = sum(len(p["tasks"]) for p in plans)
    print(f"generated {len(plans)} plans, {tasks} tasks in {time.perf_counter() - started:.1f} s")

    engine = db.connect(url)
    started = time.perf_counter()
    statuses: dict[str, int] = {}
    for doc in plans:
        status = db.load_document(engine, doc).status
        statuses[status] = statuses.get(status, 0) + 1
    elapsed = time.perf_counter() - started
    print(f"load ({engine.dialect.name}): {elapsed:.1f} s, {len(plans) / elapsed:.1f} plans/s, {statuses}")

    print(f"{'query':<20} {'rows':>7} {'median ms':>10}")
    for name, sql in documented_queries().items():
        times = []
        for _ in range(args.repeat):
            started = time.perf_counter()
            with engine.connect() as conn:
                rows = conn.execute(text(sql)).all()
            times.append((time.perf_counter() - started) * 1000)
        print(f"{name:<20} {len(rows):>7} {statistics.median(times):>10.1f}")

    started = time.perf_counter()
    records = records_from_db(engine)
    write(records, work / "tasks.xlsx")
    print(f"export: {len(records)} rows of latest revisions to XLSX in {time.perf_counter() - started:.1f} s")
    engine.dispose()
    if os.environ.get("VNPLAN_BENCH_KEEP") != "1":
        for path in sorted(work.rglob("*"), reverse=True):
            path.unlink() if path.is_file() else path.rmdir()
        work.rmdir()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
