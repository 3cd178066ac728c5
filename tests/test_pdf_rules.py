"""Tests for pipeline.extract.pdf.rules: tables ruled with horizontal lines only."""
from __future__ import annotations

from pipeline.extract.pdf.rules import RuledRegion, column_separators, merged_rules, rule_regions

PAGE_WIDTH = 842.0  # landscape A4


def h(x0: float, x1: float, top: float) -> dict:
    return {"orientation": "h", "x0": x0, "x1": x1, "top": top}


def test_segments_drawn_cell_by_cell_join_into_one_rule() -> None:
    # a producer that draws each cell's top edge: four segments end to end are one rule
    edges = [h(85, 139, 120), h(139, 408, 120), h(408, 531, 120), h(531, 785, 120), h(85, 785, 154)]
    assert [(r["x0"], r["x1"], r["top"]) for r in merged_rules(edges)] == [(85, 785, 120), (85, 785, 154)]


def test_segments_far_apart_stay_separate() -> None:
    # two short rules under the two header cells (the issuer and the motto) are not one rule
    edges = [h(100, 180, 90), h(330, 480, 90)]
    assert len(merged_rules(edges)) == 2


def test_a_stack_of_long_rules_is_a_region() -> None:
    edges = [h(85, 785, top) for top in (120, 154, 188, 240)] + [{"orientation": "v", "x0": 85, "x1": 85, "top": 0}]
    assert rule_regions(edges, PAGE_WIDTH) == [RuledRegion(85, 785, 120, 240)]


def test_two_rules_or_short_rules_are_no_table() -> None:
    assert rule_regions([h(85, 785, 120), h(85, 785, 154)], PAGE_WIDTH) == []  # a rule above and below a line
    assert rule_regions([h(100, 200, t) for t in (100, 120, 140)], PAGE_WIDTH) == []  # short decorations


def test_column_separators_sit_in_the_free_strips() -> None:
    region = RuledRegion(85, 785, 120, 240)
    words = [  # two rows: TT | content | lead, with a word wrapped inside the content column
        (90, 125, 100, 137), (145, 125, 300, 137), (145, 139, 260, 151), (420, 125, 520, 137),
        (90, 160, 100, 172), (145, 160, 390, 172), (420, 160, 500, 172),
        (90, 260, 400, 272),  # a line below the table does not count
    ]
    assert column_separators(region, words) == [85, 122.5, 405.0, 785]


def test_no_words_no_columns() -> None:
    assert column_separators(RuledRegion(85, 785, 120, 240), []) == []
