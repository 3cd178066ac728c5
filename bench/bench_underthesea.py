"""Does underthesea earn its place? Tone normalisation against pipeline.text, on the
labelled tone cases (tests/test_text.py) and the seed text: agreement and speed.

    .venv/bin/python bench/bench_underthesea.py
"""
from __future__ import annotations

import re
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "tests"))

from pipeline.text import modernize_tones  # noqa: E402
from test_text import TONE_CASES  # noqa: E402

SEED = ROOT / "samples" / "seed" / "plan-196-KH-UBND.txt"
ROUNDS = 5


def timed(fn, items) -> float:
    start = time.perf_counter()
    for _ in range(ROUNDS):
        for item in items:
            fn(item)
    return (time.perf_counter() - start) / ROUNDS


def main() -> None:
    start = time.perf_counter()
    from underthesea import text_normalize, word_tokenize
    import_s = time.perf_counter() - start
    ours = sum(modernize_tones(text) == expected for text, expected in TONE_CASES)
    theirs = sum(text_normalize(text) == expected for text, expected in TONE_CASES)
    misses = [(text, expected, text_normalize(text)) for text, expected in TONE_CASES if text_normalize(text) != expected]
    lines = [line for line in SEED.read_text(encoding="utf-8").splitlines() if line.strip()]
    ours_s, theirs_s = timed(modernize_tones, lines), timed(text_normalize, lines)
    seg_s = timed(word_tokenize, lines)
    print(f"import underthesea: {import_s:.2f} s")
    print(f"tone cases correct: pipeline.text {ours}/{len(TONE_CASES)}, underthesea {theirs}/{len(TONE_CASES)}")
    for text, expected, got in misses[:8]:
        print(f"  underthesea: {text!r} -> {got!r} (expected {expected!r})")
    print(f"seed text ({len(lines)} lines): pipeline.text {ours_s * 1000:.1f} ms, "
          f"underthesea.text_normalize {theirs_s * 1000:.1f} ms ({theirs_s / ours_s:.1f}x), "
          f"word_tokenize {seg_s * 1000:.1f} ms")


if __name__ == "__main__":
    main()
