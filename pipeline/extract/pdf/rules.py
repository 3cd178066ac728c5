"""Tables ruled with horizontal lines only: their columns found from the white space.

Some Word templates draw a task table with row rules but no vertical lines.
pdfplumber's "lines" strategy then finds no cells, and its "text" strategy
cuts words apart. Here the column boundaries are read from the vertical
strips that no word crosses between the first and the last rule (the gaps
between columns), and handed to pdfplumber as explicit vertical lines.
"""
from __future__ import annotations

from dataclasses import dataclass

# Horizontal rules at least this share of the page width long can belong to a table.
MIN_RULE_SHARE = 0.4
# Rules whose ends agree within this many points belong to one table.
RULE_END_TOLERANCE = 3.0
# A table needs at least this many rules (top, under the header, under a row).
MIN_RULES = 3
# A strip between columns no word crosses must be at least this wide (points).
MIN_COLUMN_GAP = 3.0


@dataclass(frozen=True)
class RuledRegion:
    """Where rules of one width stack: the table's box."""

    x0: float
    x1: float
    top: float
    bottom: float


def merged_rules(edges: list[dict]) -> list[dict]:
    """Horizontal rules with the segments that continue each other joined.

    A producer may draw a row rule cell by cell; end to end, the segments are one rule.
    """
    segments = sorted((e for e in edges if e["orientation"] == "h"), key=lambda e: (round(e["top"], 1), e["x0"]))
    rules: list[dict] = []
    for seg in segments:
        last = rules[-1] if rules else None
        if last and abs(seg["top"] - last["top"]) <= 1 and seg["x0"] <= last["x1"] + RULE_END_TOLERANCE:
            last["x1"] = max(last["x1"], seg["x1"])
        else:
            rules.append({"x0": seg["x0"], "x1": seg["x1"], "top": seg["top"]})
    return rules


def rule_regions(edges: list[dict], page_width: float) -> list[RuledRegion]:
    """Stacks of long horizontal rules sharing their ends: candidate tables without vertical lines."""
    rules = sorted(
        (r for r in merged_rules(edges) if r["x1"] - r["x0"] >= MIN_RULE_SHARE * page_width),
        key=lambda r: (round(r["x0"]), round(r["x1"]), r["top"]),
    )
    regions: list[RuledRegion] = []
    group: list[dict] = []
    for rule in rules + [None]:
        same = group and rule is not None and all(
            abs(rule[k] - group[0][k]) <= RULE_END_TOLERANCE for k in ("x0", "x1"))
        if same:
            group.append(rule)
            continue
        if len(group) >= MIN_RULES:
            regions.append(RuledRegion(group[0]["x0"], group[0]["x1"],
                                       min(r["top"] for r in group), max(r["top"] for r in group)))
        group = [rule] if rule is not None else []
    return regions


def column_separators(region: RuledRegion, word_boxes: list[tuple[float, float, float, float]]) -> list[float]:
    """x positions of the column boundaries: the table's edges and the middle of each free strip.

    Args:
        region: the ruled box.
        word_boxes: (x0, top, x1, bottom) of the words on the page.
    """
    inside = sorted((x0, x1) for x0, top, x1, bottom in word_boxes
                    if top >= region.top - 1 and bottom <= region.bottom + 1 and x0 >= region.x0 - 1 and x1 <= region.x1 + 1)
    if not inside:
        return []
    separators = [region.x0]
    reach = inside[0][1]
    for x0, x1 in inside[1:]:
        if x0 - reach >= MIN_COLUMN_GAP:
            separators.append((x0 + reach) / 2)
        reach = max(reach, x1)
    return separators + [region.x1]
