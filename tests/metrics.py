"""Precision and recall of a labelled table: (input, [expected items]) scored against a predictor.

Items are compared as whole values (tuples, strings, frozen dataclasses), as
multisets per case, so a table can hold repeats and negative cases (an empty
expected list, where every prediction is a false positive). Any test table can
use it: `score_table(CASES, lambda text: [key(x) for x in find(text)])`.
"""
from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from typing import Any, Callable, Hashable, Iterable, Sequence


@dataclass(frozen=True)
class Miss:
    """One case where prediction and label differ: what was missed and what was extra."""

    input: Any
    missing: tuple[Hashable, ...]
    extra: tuple[Hashable, ...]


@dataclass
class Score:
    """Counts over a whole table; precision and recall are 1.0 on an empty side."""

    cases: int = 0
    true_positives: int = 0
    false_positives: int = 0
    false_negatives: int = 0
    misses: list[Miss] = field(default_factory=list)

    @property
    def precision(self) -> float:
        found = self.true_positives + self.false_positives
        return self.true_positives / found if found else 1.0

    @property
    def recall(self) -> float:
        expected = self.true_positives + self.false_negatives
        return self.true_positives / expected if expected else 1.0

    def summary(self, name: str = "table") -> str:
        """One line for the test output: cases, counts, precision, recall."""
        return (f"{name}: {self.cases} cases, tp={self.true_positives} fp={self.false_positives} "
                f"fn={self.false_negatives}, precision={self.precision:.3f} recall={self.recall:.3f}")

    def report(self, name: str = "table") -> str:
        """The summary and every miss, for an assertion message."""
        lines = [self.summary(name)]
        for miss in self.misses:
            lines.append(f"  {miss.input!r}\n    missing: {list(miss.missing)}\n    extra:   {list(miss.extra)}")
        return "\n".join(lines)


def score_table(cases: Iterable[tuple[Any, Sequence[Hashable]]],
                predict: Callable[[Any], Sequence[Hashable]]) -> Score:
    """Score predict(input) against the expected items of every case."""
    score = Score()
    for given, expected in cases:
        want, got = Counter(expected), Counter(predict(given))
        hits = sum((want & got).values())
        score.cases += 1
        score.true_positives += hits
        score.false_positives += sum(got.values()) - hits
        score.false_negatives += sum(want.values()) - hits
        if want != got:
            score.misses.append(Miss(given, tuple((want - got).elements()), tuple((got - want).elements())))
    return score
