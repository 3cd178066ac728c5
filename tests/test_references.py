"""Citation grammar and reference merging (pipeline/normalize/references.py)."""
from __future__ import annotations

import dataclasses
import json
from pathlib import Path

import jsonschema
import pytest

from metrics import score_table
from pipeline import model
from pipeline.normalize.reference_merge import collect_references
from pipeline.normalize.citation_vocab import document_types, issuer_from_symbol, normalize_issuer
from pipeline.text import modernize_tones
from pipeline.normalize.references import Citation, find_alias_definitions, find_citations
from reference_cases import CASES, KNOWN_MISSES

SEED_NAMES = ("plan-196-KH-UBND.txt",)
SEED_DIRS = (Path(__file__).parent / "fixtures", Path(__file__).resolve().parents[1] / "samples" / "seed")


def as_expected(c: Citation) -> tuple:
    """The fields the labelled table compares."""
    return (c.type, c.key, c.issued_date, c.issuer_name, c.provision, c.defined_alias)


MIN_CITATIONS = 400  # issue 12: labelled citations in the table (expected items, negatives apart)


def test_table_precision_and_recall():
    score = score_table(CASES, lambda text: [as_expected(c) for c in find_citations(text)])
    print("\n" + score.summary("reference_cases"))
    assert score.true_positives + score.false_negatives >= MIN_CITATIONS
    assert score.precision >= 0.98 and score.recall >= 0.98, score.report("reference_cases")


def _param(index: int, text: str, expected: list):
    marks = [pytest.mark.xfail(strict=True, reason=KNOWN_MISSES[text])] if text in KNOWN_MISSES else []
    return pytest.param(text, expected, id=f"case{index}", marks=marks)


@pytest.mark.parametrize("text, expected", [_param(i, t, e) for i, (t, e) in enumerate(CASES)])
def test_case(text, expected):
    """Each labelled case on its own: a wrong, missing or extra citation fails here."""
    assert [as_expected(c) for c in find_citations(text)] == expected


# ---- the parts of a citation -----------------------------------------------------------

CITATION_FIELDS = [
    # Party symbol splits into number and symbol at the dash
    ("Kết luận số 69-KL/TW", ("69", "KL/TW", "69-KL/TW", None)),
    # state symbol with the year in the number
    ("Nghị định số 140/2017/NĐ-CP", ("140", "NĐ-CP", "140/2017/NĐ-CP", 2017)),
    # a leading zero stays
    ("Kế hoạch số 08/KH-UBND", ("08", "KH-UBND", "08/KH-UBND", None)),
    # spaces inside the number are removed from the code
    ("Kế hoạch số 196 /KH-UBND", ("196", "KH-UBND", "196/KH-UBND", None)),
]


@pytest.mark.parametrize("text, expected", CITATION_FIELDS)
def test_number_symbol_code(text, expected):
    (c,) = find_citations(text)
    assert (c.number, c.symbol, c.code, c.year) == expected


def test_span_label_and_offsets():
    text = "Thực hiện Quyết định số 709/QĐ-TTg ngày 23/7/2024 của Thủ tướng Chính phủ về phát triển"
    (c,) = find_citations(text)
    assert text[c.start:c.end] == c.text == "Quyết định số 709/QĐ-TTg ngày 23/7/2024 của Thủ tướng Chính phủ"
    assert c.label == "Quyết định số 709/QĐ-TTg"
    assert (c.type_name, c.year, c.issuer_inferred) == ("Quyết định", 2024, False)


def test_label_collapses_line_breaks():
    (c,) = find_citations("Nghị quyết số\n20-NQ/TW")
    assert c.label == "Nghị quyết số 20-NQ/TW"


def test_impossible_date_is_kept_as_written():
    (c,) = find_citations("Quyết định số 12/QĐ-UBND ngày 31/02/2024")
    assert (c.issued_date, c.date_text, c.year) == (None, "ngày 31/02/2024", None)


def test_name_only_law_fields():
    (c,) = find_citations("Luật Tổ chức chính quyền địa phương năm 2015")
    assert (c.name, c.year, c.number, c.code, c.key) == (
        "Luật Tổ chức chính quyền địa phương", 2015, None, None, "luat-to-chuc-chinh-quyen-dia-phuong")


def test_alias_definitions():
    text = "Nghị quyết số 20-NQ/TW (sau đây gọi tắt là Nghị quyết 20) và Đề án (gọi chung là Đề án)"
    assert [d.alias for d in find_alias_definitions(text)] == ["Nghị quyết 20", "Đề án"]


SYMBOL_ISSUERS = [
    # Prime Minister
    (["QĐ", "TTg"], "quyet_dinh", "Thủ tướng Chính phủ"),
    # a legislature's term number is ignored
    (["QH13"], "luat", "Quốc hội"),
    # a công văn: agency then unit
    (["SKH", "CN", "HCTH"], "cong_van", "Sở Khoa học và Công nghệ"),
    # TW is ambiguous for every Party type
    (["TW"], "ket_luan", None),
    # a joint circular has no single issuer
    (["TTLT", "BTC", "BKHCN"], "thong_tu_lien_tich", None),
]


@pytest.mark.parametrize("segments, type_code, expected", SYMBOL_ISSUERS)
def test_issuer_from_symbol(segments, type_code, expected):
    doc_type = next(t for t in document_types() if t.code == type_code)
    assert issuer_from_symbol(segments, doc_type) == expected


NORMALIZED_ISSUERS = [
    # abbreviations expanded
    ("Chủ tịch UBND tỉnh", "Chủ tịch Ủy ban nhân dân tỉnh"),
    # the term dropped
    ("Ban Chấp hành Trung ương Đảng khóa XI", "Ban Chấp hành Trung ương Đảng"),
    # old tone marks modernised, term in old spelling dropped
    ("Hội nghị Trung ương lần thứ sáu khoá XIII", "Hội nghị Trung ương lần thứ sáu"),
    # Uỷ -> Ủy
    ("Uỷ ban nhân dân tỉnh", "Ủy ban nhân dân tỉnh"),
]


@pytest.mark.parametrize("phrase, expected", NORMALIZED_ISSUERS)
def test_normalize_issuer(phrase, expected):
    assert normalize_issuer(phrase) == expected


TONES = [
    ("hoá", "hóa"), ("khoá XIII", "khóa XIII"), ("Thuỷ", "Thủy"), ("HOÁ", "HÓA"),
    ("quý", "quý"),  # "qu" is a consonant: nothing to move
    ("hoàn", "hoàn"),  # a closed syllable keeps its mark
]


@pytest.mark.parametrize("old, new", TONES)
def test_citation_text_gets_modern_tones(old, new):
    assert modernize_tones(old) == new


# ---- merging -----------------------------------------------------------------------------


def test_repeated_mentions_merge_with_and_without_date():
    refs, where, warnings = collect_references([
        ("a", "Quyết định số 709/QĐ-TTg ngày 23/7/2024 của Thủ tướng Chính phủ"),
        ("b", "Quyết định 709/QĐ-TTg và Quyết định số 709/QĐ-TTg"),
    ])
    assert refs == [model.Reference(
        id="709/QĐ-TTg", type="quyet_dinh", type_name="Quyết định", number="709", symbol="QĐ-TTg",
        code="709/QĐ-TTg", year=2024, issued_date="2024-07-23", issuer=model.Issuer("Thủ tướng Chính phủ"),
        mentions=3, aliases=["Quyết định số 709/QĐ-TTg", "Quyết định 709/QĐ-TTg"])]
    assert where == {"a": ["709/QĐ-TTg"], "b": ["709/QĐ-TTg"]} and warnings == []


def test_date_filled_from_a_later_mention():
    refs, _, _ = collect_references([("a", "Chỉ thị số 38-CT/TW"), ("b", "Chỉ thị số 38-CT/TW ngày 30/7/2024")])
    assert (refs[0].issued_date, refs[0].year, refs[0].mentions) == ("2024-07-30", 2024, 2)


def test_written_issuer_beats_inferred_one():
    refs, _, _ = collect_references([("a", "Quyết định số 1/QĐ-UBND"), ("b", "Quyết định số 1/QĐ-UBND của UBND tỉnh")])
    assert refs[0].issuer == model.Issuer("Ủy ban nhân dân tỉnh")


def test_own_code_is_not_a_reference():
    refs, where, _ = collect_references(
        [("caption", "(Kèm theo Kế hoạch số 196 /KH-UBND ngày 02/10/2024 của UBND tỉnh)")], own_code="196/KH-UBND")
    assert refs == [] and where == {"caption": []}


def test_defined_alias_counts_as_mention_from_its_definition_on():
    """Mentions count every place the text writes the document: the code, the definition, the alias."""
    refs, where, _ = collect_references([
        ("a", "Nghị quyết 20 trước. Nghị quyết số 20-NQ/TW (sau đây gọi tắt là Nghị quyết 20), Nghị quyết 20 đề ra"),
        ("b", "Tiếp tục Nghị quyết 20 và Nghị quyết 2025; Quyết định số 5/QĐ-UBND"),
    ])
    assert [(r.id, r.mentions, r.aliases) for r in refs] == [
        ("20-NQ/TW", 4, ["Nghị quyết số 20-NQ/TW", "Nghị quyết 20"]), ("5/QĐ-UBND", 1, ["Quyết định số 5/QĐ-UBND"])]
    assert where == {"a": ["20-NQ/TW"], "b": ["20-NQ/TW", "5/QĐ-UBND"]}


def test_code_written_in_alias_definition_is_a_mention():
    refs, _, _ = collect_references([("a", "Kết luận số 69-KL/TW ngày 11/01/2024 của Bộ Chính trị về tiếp tục "
                                           "(sau đây viết tắt là Kết luận số 69-KL/TW)")])
    assert (refs[0].mentions, refs[0].aliases) == (2, ["Kết luận số 69-KL/TW"])


def test_law_alias_and_numbered_law_merge_with_name():
    refs, _, _ = collect_references([
        ("a", "Luật Ngân sách nhà nước (sau đây gọi tắt là Luật Ngân sách)"),
        ("b", "Luật Ngân sách quy định; Luật Ngân sách nhà nước số 83/2015/QH13"),
    ])
    assert [(r.id, r.code, r.number, r.year, r.mentions) for r in refs] == [("83/2015/QH13", "83/2015/QH13", "83", 2015, 4)]
    assert refs[0].aliases == ["Luật Ngân sách nhà nước", "Luật Ngân sách", "Luật Ngân sách nhà nước số 83/2015/QH13"]


def test_law_cited_for_two_years_is_two_references():
    refs, _, _ = collect_references([("a", "Luật Đất đai năm 2013 và Luật Đất đai năm 2024; Luật Đất đai")])
    assert [(r.id, r.year, r.mentions) for r in refs] == [("luat-dat-dai", 2013, 2), ("luat-dat-dai-2024", 2024, 1)]


def test_bad_date_warns_and_is_not_invented():
    refs, _, warnings = collect_references([("tasks[2]", "Quyết định số 12/QĐ-UBND ngày 31/02/2024 của UBND tỉnh")])
    assert refs[0].issued_date is None and refs[0].mentions == 1
    assert [(w.code, w.where) for w in warnings] == [("reference_bad_date", "tasks[2]")]
    assert "31/02/2024" in warnings[0].message


def test_conflicting_dates_warn_and_keep_the_first():
    refs, _, warnings = collect_references([("a", "Quyết định số 7/QĐ-TTg ngày 1/2/2024"),
                                            ("b", "Quyết định số 7/QĐ-TTg ngày 3/2/2024")])
    assert refs[0].issued_date == "2024-02-01"
    assert [(w.code, w.where) for w in warnings] == [("reference_date_conflict", "b")]


def test_output_is_deterministic():
    texts = [("a", "Luật Đầu tư; Quyết định số 1/QĐ-TTg"), ("b", "Nghị quyết số 2-NQ/TU; Luật Đầu tư")]
    assert collect_references(texts) == collect_references(list(texts))


# ---- the seed document end to end ---------------------------------------------------------

SEED_REFERENCES = {
    # id: (type, issued_date, issuer)
    "69-KL/TW": ("ket_luan", "2024-01-11", "Bộ Chính trị"),
    "709/QĐ-TTg": ("quyet_dinh", "2024-07-23", "Thủ tướng Chính phủ"),
    "20-NQ/TW": ("nghi_quyet", "2012-11-01", "Ban Chấp hành Trung ương Đảng"),
    "2070/SKH-CN-HCTH": ("cong_van", "2024-09-27", "Sở Khoa học và Công nghệ"),
    "29-NQ/TW": ("nghi_quyet", "2022-11-17", "Hội nghị Trung ương lần thứ sáu"),
    "45-NQ/TW": ("nghi_quyet", "2023-11-24", "Hội nghị Trung ương lần thứ tám"),
    "476/QĐ-UBND": ("quyet_dinh", "2021-03-31", "Chủ tịch Ủy ban nhân dân tỉnh"),
    "981/QĐ-UBND": ("quyet_dinh", "2023-06-26", "Chủ tịch Ủy ban nhân dân tỉnh"),
    "25/CT-TTg": ("chi_thi", "2023-10-05", "Thủ tướng Chính phủ"),
    "luat-ngan-sach-nha-nuoc": ("luat", None, "Quốc hội"),
    "1420/QĐ-UBND": ("quyet_dinh", "2020-09-22", "Ủy ban nhân dân tỉnh Quảng Ngãi"),
    "08-NQ/TU": ("nghi_quyet", "2022-05-20", "Ban Thường vụ Tỉnh ủy"),
    "827/QĐ-UBND": ("quyet_dinh", "2022-06-27", "Chủ tịch Ủy ban nhân dân tỉnh"),
    "38-CT/TW": ("chi_thi", "2024-07-30", "Ban Bí thư Trung ương Đảng"),
    "04-NQ/TU": ("nghi_quyet", "2021-10-18", "Hội nghị Tỉnh ủy lần thứ 5"),
    "93/NQ-HĐND": ("nghi_quyet", "2021-12-08", "Hội đồng nhân dân tỉnh"),
    "140/2017/NĐ-CP": ("nghi_dinh", "2017-12-05", "Chính phủ"),
}


def seed_text() -> str:
    for folder in SEED_DIRS:
        for name in SEED_NAMES:
            if (folder / name).exists():
                return (folder / name).read_text(encoding="utf-8")
    pytest.skip("seed text not found")


def test_seed_references_end_to_end():
    texts = [(f"line[{i}]", line) for i, line in enumerate(seed_text().split("\n")) if line.strip()]
    refs, where, warnings = collect_references(texts, own_code="196/KH-UBND")
    assert [r.id for r in refs] == list(SEED_REFERENCES)  # first-mention order, each once
    assert {r.id: (r.type, r.issued_date, r.issuer.name) for r in refs} == SEED_REFERENCES
    numbered = [r for r in refs if r.code]
    assert len(numbered) == 16 and all(r.id == r.code for r in numbered)
    law = refs[[r.id for r in refs].index("luat-ngan-sach-nha-nuoc")]
    assert (law.number, law.code, law.mentions) == (None, None, 1)
    by_id = {r.id: r for r in refs}
    assert by_id["140/2017/NĐ-CP"].year == 2017 and by_id["1420/QĐ-UBND"].year == 2020
    assert by_id["709/QĐ-TTg"].aliases == ["Quyết định số 709/QĐ-TTg"]
    assert by_id["709/QĐ-TTg"].mentions >= 5
    assert warnings == []
    assert sorted({rid for ids in where.values() for rid in ids}) == sorted(SEED_REFERENCES)


def test_seed_whole_text_as_one_block():
    refs, _, _ = collect_references([("all", seed_text())], own_code="196 /KH-UBND")
    assert [r.id for r in refs] == list(SEED_REFERENCES)
    # every place the seed writes the code (12 for 69-KL/TW, one in the appendix heading)
    assert {r.id: r.mentions for r in refs if r.id in ("69-KL/TW", "709/QĐ-TTg", "20-NQ/TW")} == {
        "69-KL/TW": 12, "709/QĐ-TTg": 10, "20-NQ/TW": 8}


def test_references_follow_the_schema():
    """Every Reference the merge builds validates against schemas/plan.schema.json#/$defs/Reference."""
    schema = json.loads((Path(__file__).resolve().parents[1] / "schemas" / "plan.schema.json").read_text("utf-8"))
    validator = jsonschema.Draft202012Validator({"$defs": schema["$defs"], "$ref": "#/$defs/Reference"})
    texts = [("case", text) for text, _ in CASES]
    refs, _, _ = collect_references(texts)
    assert len(refs) > 100
    for ref in refs:
        validator.validate(dataclasses.asdict(ref))


# ---- citations in DOCX footnotes (issue 12) -----------------------------------------------------

_FOOTNOTES = """<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<w:footnotes xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">
<w:footnote w:type="separator" w:id="-1"><w:p><w:r><w:separator/></w:r></w:p></w:footnote>
<w:footnote w:type="continuationSeparator" w:id="0"><w:p><w:r><w:continuationSeparator/></w:r></w:p></w:footnote>
<w:footnote w:id="1"><w:p><w:r><w:t xml:space="preserve">Quyết định số 1441/QĐ-UBND ngày 25/9/2025 của Chủ tịch UBND tỉnh.</w:t></w:r></w:p></w:footnote>
<w:footnote w:id="2"><w:p><w:r><w:t>Tờ trình số 1856/TTr -SCT ngày 12/8/2025 của Sở Công Thương.</w:t></w:r></w:p></w:footnote>
</w:footnotes>"""


def _with_footnotes(src: Path, dst: Path) -> Path:
    """A copy of a DOCX with a footnotes part holding two citations, linked from the main part."""
    import zipfile
    with zipfile.ZipFile(src) as old, zipfile.ZipFile(dst, "w", zipfile.ZIP_DEFLATED) as new:
        for info in old.infolist():
            data = old.read(info.filename)
            if info.filename == "[Content_Types].xml":
                data = data.replace(b"</Types>", b'<Override PartName="/word/footnotes.xml" ContentType='
                                    b'"application/vnd.openxmlformats-officedocument.wordprocessingml.footnotes+xml"/></Types>')
            elif info.filename == "word/_rels/document.xml.rels":
                data = data.replace(b"</Relationships>", b'<Relationship Id="rIdFn1" Type="http://schemas.openxmlformats.org/'
                                    b'officeDocument/2006/relationships/footnotes" Target="footnotes.xml"/></Relationships>')
            new.writestr(info, data)
        new.writestr("word/footnotes.xml", _FOOTNOTES.encode("utf-8"))
    return dst


def test_citations_in_docx_footnotes_become_references(tmp_path):
    from pipeline.conversion import convert_to_plan
    sample = Path(__file__).resolve().parents[1] / "samples" / "plan-196-KH-UBND.docx"
    plain = {r.id for r in convert_to_plan(sample).references}
    plan = convert_to_plan(_with_footnotes(sample, tmp_path / "notes.docx"))
    added = {r.id: r for r in plan.references if r.id not in plain}
    assert set(added) == {"1441/QĐ-UBND", "1856/TTr-SCT"}
    assert added["1856/TTr-SCT"].issued_date == "2025-08-12"
    assert added["1441/QĐ-UBND"].issuer.name == "Chủ tịch Ủy ban nhân dân tỉnh"
    # every word accounted for: the footnotes' text is in the output too, each with what it cites
    assert [(f.text, f.references) for f in plan.footnotes] == [
        ("Quyết định số 1441/QĐ-UBND ngày 25/9/2025 của Chủ tịch UBND tỉnh.", ["1441/QĐ-UBND"]),
        ("Tờ trình số 1856/TTr -SCT ngày 12/8/2025 của Sở Công Thương.", ["1856/TTr-SCT"])]
    assert convert_to_plan(sample).footnotes == []


def test_docx_without_footnotes_reads_none(tmp_path):
    from pipeline.extract.docx.reader import extract_docx
    sample = Path(__file__).resolve().parents[1] / "samples" / "plan-196-KH-UBND.docx"
    assert extract_docx(sample).notes == ()
    assert extract_docx(_with_footnotes(sample, tmp_path / "n.docx")).notes == (
        "Quyết định số 1441/QĐ-UBND ngày 25/9/2025 của Chủ tịch UBND tỉnh.",
        "Tờ trình số 1856/TTr -SCT ngày 12/8/2025 của Sở Công Thương.")


def test_no_duplicate_reference_with_a_garbage_issuer():
    """The same letter cited with and without the stray space is one reference, its issuer clean."""
    refs, _, _ = collect_references([
        ("preamble.p0", "Xét đề nghị của Sở Công Thương tại Tờ trình số 1856/TTr-SCT ngày 12/8/2025,"),
        ("sections.1.p0", "Theo Tờ trình số 1856/TTr -SCT ngày 12/8/2025 của Sở Công Thương về việc"),
    ])
    assert [(r.id, r.issuer.name, r.mentions) for r in refs] == [("1856/TTr-SCT", "Sở Công Thương", 2)]


def test_a_citation_vocabulary_passed_in_is_read_without_editing_the_package():
    from pipeline.normalize.citation_vocab import CitationVocab
    tiny = CitationVocab(Path(__file__).parent / "fixtures" / "citation_vocab_tiny")
    text = "Theo Phiếu trình số 12/PTr-VP ngày 03/3/2025 và Nghị định số 45/2025/NĐ-CP"
    assert [(c.type, c.key) for c in find_citations(text, tiny)] == [("phieu_trinh", "12/PTr-VP")]  # no Nghị định there
    assert [(c.type, c.key) for c in find_citations(text)] == [("nghi_dinh", "45/2025/NĐ-CP")]  # the package's
    refs, _, _ = collect_references([("p0", text)], vocab=tiny)
    assert [r.id for r in refs] == ["12/PTr-VP"]
