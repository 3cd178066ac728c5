"""A sentence in an agency's place is cut at its predicate (pipeline/normalize/agency_sentence.py)."""
from __future__ import annotations

import pytest

from pipeline.normalize.agencies import parse_agency_cell
from pipeline.normalize.agency_sentence import cut_sentence

# (text, the body kept, whether it is a sentence)
CASES = [
    ("Sở Xây dựng là cơ quan chủ trì, đầu mối tổng hợp", "Sở Xây dựng", True),          # "là": a sentence
    ("Bộ Chỉ huy quân sự tỉnh chỉ đạo lực lượng Bộ đội Biên phòng", "Bộ Chỉ huy quân sự tỉnh", True),
    ("Công an tỉnh tham mưu Ủy ban nhân dân tỉnh", "Công an tỉnh", True),
    ("Ban Chỉ đạo 35 tỉnh", "Ban Chỉ đạo 35 tỉnh", False),                              # capitalised: a name
    ("Ban chỉ đạo xã", "Ban chỉ đạo xã", False),                                        # after "ban": a name
    ("Đơn vị phối hợp thực hiện", "Đơn vị phối hợp thực hiện", False),                  # a label, not a body
    ("Cơ quan chủ trì", "Cơ quan chủ trì", False),                                      # one word before it
    ("Sở Tài chính", "Sở Tài chính", False),                                            # a plain name
]


@pytest.mark.parametrize("text, kept, sentence", CASES)
def test_cut_sentence(text, kept, sentence):
    name, warning = cut_sentence(text)
    assert name == kept and (warning is not None) == sentence
    if warning:
        assert warning.code == "agency_sentence" and kept in warning.message


def test_a_sentence_in_a_cell_gives_the_body_and_a_warning():
    agencies, warnings = parse_agency_cell("Sở Xây dựng là cơ quan chủ trì, đầu mối", "Lâm Đồng")
    assert [a.name for a in agencies][:1] == ["Sở Xây dựng"]
    assert agencies[0].text.startswith("Sở Xây dựng là")  # the cell's words are kept
    assert any(w.code == "agency_sentence" for w in warnings)
