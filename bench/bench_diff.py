"""How long `diff_plans` takes and how much memory it needs, on 24 and 500 tasks.

Run: .venv/bin/python bench/bench_diff.py [--repeat N]

The 24-task pair is the sample plan against a revision of it (a row dropped, one
reworded, one reassigned, the rest renumbered). The 500-task pair is generated
at the JSON level: the sample's rows replicated with perturbed wording into a
500-row plan, and a revision of that with 5% of rows each removed, added,
reworded, reassigned and moved; a third pair rewords every row (nothing can be
matched exactly, the whole similarity matrix is computed). The script checks that the diff found exactly
those edits, so a fast but wrong matcher does not pass for a good one.
"""
from __future__ import annotations

import argparse
import copy
import random
import resource
import statistics
import sys
import time
import tracemalloc
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from pipeline.conversion import convert  # noqa: E402
from pipeline.diff.plans import diff_plans  # noqa: E402
from pipeline.diff.html import render_html  # noqa: E402
from pipeline.diff.render import render_json, render_text  # noqa: E402

SAMPLE = ROOT / "samples" / "plan-196-KH-UBND.docx"
SEED = 196
# Words spliced into replicated rows so that no two rows are the same text.
FILLER = ("trên địa bàn tỉnh", "theo quy định", "giai đoạn tiếp theo", "tại các địa phương", "có hiệu quả",
          "đồng bộ", "kịp thời", "thiết thực", "phù hợp với thực tiễn", "gắn với chuyển đổi số")
PLACES = ("Bình Sơn", "Sơn Tịnh", "Tư Nghĩa", "Nghĩa Hành", "Mộ Đức", "Đức Phổ", "Ba Tơ", "Minh Long",
          "Sơn Hà", "Sơn Tây", "Trà Bồng", "Lý Sơn", "Quảng Ngãi")


def perturb(content: str, rng: random.Random, tag: int) -> str:
    """A row's text made distinct: a place, a filler phrase and a serial woven in."""
    words = content.split()
    cut = rng.randrange(1, max(2, len(words)))
    extra = f"{rng.choice(FILLER)} tại {PLACES[tag % len(PLACES)]} (đợt {tag})"
    return " ".join(words[:cut] + [extra] + words[cut:])


def replicate(doc: dict, size: int, rng: random.Random) -> dict:
    """A plan with `size` distinct rows built from the sample's rows."""
    big = copy.deepcopy(doc)
    rows = doc["tasks"]
    big["tasks"] = []
    for k in range(size):
        row = copy.deepcopy(rows[k % len(rows)])
        row["content"], row["number"] = perturb(row["content"], rng, k), k + 1
        big["tasks"].append(row)
    return big


def revise(doc: dict, rng: random.Random, share: float) -> tuple[dict, dict[str, int]]:
    """A revision with `share` of the rows removed, added, reworded, reassigned and moved; renumbered."""
    new = copy.deepcopy(doc)
    tasks, n = new["tasks"], len(new["tasks"])
    edits = max(1, int(n * share))
    picked = rng.sample(range(n), 4 * edits)
    removed, reworded, reassigned, moved = (picked[i * edits:(i + 1) * edits] for i in range(4))
    leads = [t["lead"] for t in doc["tasks"]]
    for i in reworded:
        words = tasks[i]["content"].split()
        words[len(words) // 2] = "nghiên cứu, đề xuất"
        tasks[i]["content"] = " ".join(words)
    for i in reassigned:
        tasks[i]["lead"] = next(lead for lead in leads if lead != tasks[i]["lead"])
    kept = [t for i, t in enumerate(tasks) if i not in set(removed)]
    movers = [t for i, t in enumerate(tasks) if i in set(moved)]
    kept = [t for t in kept if t not in movers]
    for t in movers:
        kept.insert(rng.randrange(len(kept) + 1), t)
    for k in range(edits):
        added = copy.deepcopy(doc["tasks"][k])
        added["content"] = f"Nhiệm vụ bổ sung số {k}: xây dựng cơ sở dữ liệu {rng.choice(FILLER)} về {PLACES[k % len(PLACES)]}"
        kept.insert(rng.randrange(len(kept) + 1), added)
    for k, t in enumerate(kept, 1):
        t["number"] = k
    new["tasks"] = kept
    return new, {"removed": edits, "added": edits, "changed": 2 * edits}


def reword_all(doc: dict) -> tuple[dict, dict[str, int]]:
    """Every row reworded and the rows reversed: the worst case, no row can be matched exactly."""
    new = copy.deepcopy(doc)
    for task in new["tasks"]:
        words = task["content"].split()
        words[len(words) // 3] = "triển khai"
        task["content"] = " ".join(words)
    new["tasks"].reverse()
    for k, task in enumerate(new["tasks"], 1):
        task["number"] = k
    return new, {"removed": 0, "added": 0, "changed": len(new["tasks"])}


def measure(old: dict, new: dict, repeat: int) -> dict[str, float]:
    """Median wall time of diff and of each renderer, and the diff's traced peak memory."""
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        result = diff_plans(old, new)
        times.append(time.perf_counter() - start)
    render = {}
    for name, fn in (("text", render_text), ("json", render_json), ("html", render_html)):
        start = time.perf_counter()
        fn(result)
        render[name] = time.perf_counter() - start
    tracemalloc.start()
    diff_plans(old, new)
    _, peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    return {"diff_s": statistics.median(times), "min_s": min(times), "peak_mib": peak / 2**20,
            **{f"render_{k}_s": v for k, v in render.items()}, "result": result}


def check(result, want: dict[str, int]) -> str:
    """"ok" when the diff found exactly the edits the generator made."""
    got = {"removed": len(result.tasks.removed), "added": len(result.tasks.added), "changed": len(result.tasks.changed)}
    return "ok" if got == want else f"MISMATCH got {got} want {want}"


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=5, help="timed runs per size (median reported)")
    args = parser.parse_args()
    rng = random.Random(SEED)
    sample = convert(SAMPLE)
    small_new, small_want = revise(sample, rng, 1 / 24)
    big_old = replicate(sample, 500, rng)
    big_new, big_want = revise(big_old, rng, 0.05)
    worst_new, worst_want = reword_all(big_old)
    print(f"{'pair':<18}{'diff (median)':>14}{'min':>10}{'peak mem':>11}{'text':>9}{'json':>9}{'html':>9}  check")
    for label, old, new, want in (("24 vs 24 tasks", sample, small_new, small_want),
                                  (f"500 vs {len(big_new['tasks'])} tasks", big_old, big_new, big_want),
                                  ("500, all reworded", big_old, worst_new, worst_want)):
        m = measure(old, new, args.repeat)
        print(f"{label:<18}{m['diff_s'] * 1000:>11.1f} ms{m['min_s'] * 1000:>7.1f} ms{m['peak_mib']:>7.2f} MiB"
              f"{m['render_text_s'] * 1000:>6.1f} ms{m['render_json_s'] * 1000:>6.1f} ms{m['render_html_s'] * 1000:>6.1f} ms"
              f"  {check(m['result'], want)}")
    print(f"process max RSS: {resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024:.0f} MiB "
          "(includes the converter, numpy and scipy)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
