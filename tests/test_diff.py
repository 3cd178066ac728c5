"""pipeline.diff.plans: revisions of the sample plan, each with its exact expected diff.

Each case builds a revision of the converted sample (tests/revisions.py) and
states the whole diff it must give (document, tasks, sections, references), so
a wrong match, a missed field or a spurious change all fail the case.
"""
from __future__ import annotations

import argparse
import functools
import json
from pathlib import Path
from typing import Any, Callable

import pytest
from jsonschema import Draft202012Validator
from referencing import Registry, Resource

import revisions as rv
from pipeline.conversion import convert
from pipeline.cli import diff as diff_cli
from pipeline.diff.plans import diff_plans, timeframe_key
from pipeline.diff.align import align, word_diff
from pipeline.diff.render import diff_to_dict, render_text, renumbered_runs
from pipeline.diff.sections import section_paths

SCHEMAS = Path(__file__).resolve().parents[1] / "schemas"

SO_TAI_CHINH = rv.agency("so-tai-chinh-quang-ngai", "Sở Tài chính")
NEW_TASK = {
    "number": 3, "key": "3", "group": None,
    "content": "Xây dựng cơ sở dữ liệu chuyên gia khoa học và công nghệ của tỉnh, kết nối với cơ sở dữ liệu quốc gia",
    "lead": [rv.agency("so-khoa-hoc-va-cong-nghe-quang-ngai", "Sở Khoa học và Công nghệ")],
    "cooperating": [], "timeframe": rv.timeframe("Năm 2025", "year", 2025, 2025),
    "submit_to": None, "output": None, "note": None, "references": [], "pages": None,
}
NEW_REFERENCE = {
    "id": "57-NQ/TW", "type": "nghi_quyet", "type_name": "Nghị quyết", "number": "57", "symbol": "NQ-TW",
    "code": "57-NQ/TW", "year": 2024, "issued_date": "2024-12-22", "issuer": {"name": "Bộ Chính trị"},
    "mentions": 1, "aliases": ["Nghị quyết số 57-NQ/TW"],
}


@functools.cache
def _converted(path: Path) -> str:
    return json.dumps(convert(path), ensure_ascii=False)


def base() -> dict:
    """A fresh copy of the converted DOCX sample."""
    return json.loads(_converted(rv.SAMPLE_DOCX))


def task(doc: dict, number: Any) -> dict:
    return next(t for t in doc["tasks"] if t["number"] == number)


def change(old: Any, new: Any, **extra: Any) -> dict:
    return {"old": old, "new": new, **extra}


def expected(*, document: dict | None = None, added=(), removed=(), changed=(), renumbered=(), unchanged=0,
             sections: dict | None = None, references: dict | None = None) -> dict:
    """The whole diff minus "old"/"new", with empty defaults: a case states only what differs."""
    return {
        "document": document or {},
        "tasks": {
            "added": [{"new_number": n, "task": t} for n, t in added],
            "removed": [{"old_number": n, "task": t} for n, t in removed],
            "changed": [{"old_number": o, "new_number": n, "fields": f} for o, n, f in changed],
            "renumbered": [{"old_number": o, "new_number": n} for o, n in renumbered],
            "unchanged": unchanged,
        },
        "sections": sections or {"added": [], "removed": [], "changed": []},
        "references": references or {"added": [], "removed": []},
    }


def words(*ops: tuple[str, str]) -> list[dict]:
    return [{"op": op, "text": text} for op, text in ops]


def reword_words(b: dict) -> list[dict]:
    rest = task(b, 3)["content"].split("hợp tác, ", 1)[1]
    return words(("equal", "Xây dựng Chương trình, kế hoạch"), ("delete", "hợp tác,"), ("insert", "liên kết,"),
                 ("equal", rest))


def moved_reword(b: dict) -> dict:
    """Task 20 reworded and moved to the top: changed with both numbers, 1..19 shift down."""
    doc = rv.reword(b, 20, "Phối hợp trong", "Chủ động phối hợp trong")
    doc["tasks"].insert(0, doc["tasks"].pop(19))
    return rv.renumber(doc)


def moved_reword_expected(b: dict) -> dict:
    content = task(b, 20)["content"]
    new_content = "Chủ động phối hợp trong" + content[len("Phối hợp trong"):]
    ops = words(("delete", "Phối"), ("insert", "Chủ động phối"), ("equal", content.split(" ", 1)[1]))
    return expected(renumbered=[(k, k + 1) for k in range(1, 20)], unchanged=4,
                    changed=[(20, 1, {"content": change(content, new_content, words=ops)})])


def header_revision(b: dict) -> dict:
    signer = dict(b["document"]["signer"], name="Nguyễn Văn A")
    return rv.change_header(b, code="210/KH-UBND", number="210", issued_date="2024-11-15",
                            title=b["document"]["title"] + " (sửa đổi)", signer=signer)


def header_expected(b: dict) -> dict:
    d = b["document"]
    return expected(unchanged=24, document={
        "code": change("196/KH-UBND", "210/KH-UBND"),
        "number": change("196", "210"),
        "issued_date": change("2024-10-02", "2024-11-15"),
        "title": change(d["title"], d["title"] + " (sửa đổi)", words=words(("equal", d["title"]), ("insert", "(sửa đổi)"))),
        "signer": change(d["signer"], dict(d["signer"], name="Nguyễn Văn A")),
    })


def sections_revision(b: dict) -> dict:
    doc = rv.edit_paragraph(b, ("II", "1"), 0, rv.section_at(b, "II", "1")["paragraphs"][0]["text"] + " Báo cáo kết quả hằng năm.")
    doc = rv.add_paragraph(doc, ("II", "2"), "- Rà soát các văn bản quy phạm pháp luật về khoa học và công nghệ.")
    return rv.add_section(doc, ("II",), "7", "Chuyển đổi số", ["Đẩy mạnh chuyển đổi số trong các cơ quan nhà nước."])


def sections_expected(b: dict) -> dict:
    old_para = rv.section_at(b, "II", "1")["paragraphs"][0]["text"]
    ii1, ii2 = rv.section_at(b, "II", "1")["title"], rv.section_at(b, "II", "2")
    added = "- Rà soát các văn bản quy phạm pháp luật về khoa học và công nghệ."
    return expected(unchanged=24, sections={
        "added": [{"path": "II.7", "title": "Chuyển đổi số", "paragraphs": ["Đẩy mạnh chuyển đổi số trong các cơ quan nhà nước."]}],
        "removed": [],
        "changed": [
            {"path": "II.1", "old": ii1, "new": ii1, "paragraphs": {"added": [], "removed": [], "changed": [
                {"old_index": 0, "new_index": 0, "old": old_para, "new": old_para + " Báo cáo kết quả hằng năm.",
                 "words": words(("equal", old_para), ("insert", "Báo cáo kết quả hằng năm."))}]}},
            {"path": "II.2", "old": ii2["title"], "new": ii2["title"], "paragraphs": {
                "added": [{"index": len(ii2["paragraphs"]), "text": added}], "removed": [], "changed": []}},
        ],
    })


def ref(b: dict, ref_id: str) -> dict:
    return next(r for r in b["references"] if r["id"] == ref_id)


# (revision of the base, expected diff of base → revision); one comment per case.
CASES: list[tuple[str, Callable[[dict], dict], Callable[[dict], dict]]] = [
    # a document diffed with itself reports nothing
    ("identity", lambda b: b, lambda b: expected(unchanged=24)),
    # a row dropped and the rest renumbered: one removal, the shift is renumbering
    ("remove", lambda b: rv.remove_task(b, 5),
     lambda b: expected(removed=[(5, task(b, 5))], renumbered=[(k, k - 1) for k in range(6, 25)], unchanged=4)),
    # a row dropped, the others keep their printed numbers (a gap in the TT column)
    ("remove-keep-numbers", lambda b: rv.remove_task(b, 5, renumber_rest=False),
     lambda b: expected(removed=[(5, task(b, 5))], unchanged=23)),
    # a new third row: one addition, rows 3..24 become 4..25
    ("insert", lambda b: rv.insert_task(b, 3, NEW_TASK),
     lambda b: expected(added=[(3, NEW_TASK)], renumbered=[(k, k + 1) for k in range(3, 25)], unchanged=2)),
    # two rows trade places: both renumbered, nothing changed
    ("reorder", lambda b: rv.swap_tasks(b, 8, 9), lambda b: expected(renumbered=[(9, 8), (8, 9)], unchanged=22)),
    # a task handed to another lead agency
    ("reassign", lambda b: rv.edit_task(b, 16, lead=[SO_TAI_CHINH]),
     lambda b: expected(unchanged=23, changed=[(16, 16, {"lead": change(
         task(b, 16)["lead"], [SO_TAI_CHINH], added=[SO_TAI_CHINH], removed=task(b, 16)["lead"])})])),
    # two words replaced: a content change with its word-level diff
    ("reword", lambda b: rv.reword(b, 3, "hợp tác,", "liên kết,"),
     lambda b: expected(unchanged=23, changed=[(3, 3, {"content": change(
         task(b, 3)["content"], task(b, 3)["content"].replace("hợp tác,", "liên kết,"), words=reword_words(b))})])),
    # "Thường xuyên" becomes "Năm 2026"
    ("reschedule", lambda b: rv.edit_task(b, 2, timeframe=rv.timeframe("Năm 2026", "year", 2026, 2026)),
     lambda b: expected(unchanged=23, changed=[(2, 2, {"timeframe": change(
         task(b, 2)["timeframe"], rv.timeframe("Năm 2026", "year", 2026, 2026))})])),
    # every row in reverse order: every task renumbered, none changed
    ("renumber-all-reversed", rv.reverse_tasks,
     lambda b: expected(renumbered=[(25 - k, k) for k in range(1, 25)])),
    # every row numbered under a new heading "1.k": all renumbered
    ("renumber-all-dotted", lambda b: rv.renumber(b, lambda k: f"1.{k}"),
     lambda b: expected(renumbered=[(k, f"1.{k}") for k in range(1, 25)])),
    # number, date, title and signer of the header
    ("header", header_revision, header_expected),
    # cooperating agencies listed in another order: a set, so no change
    ("cooperating-reordered", lambda b: rv.reverse_cooperating(b, 1), lambda b: expected(unchanged=24)),
    # one cooperating agency more: added lists it, removed is empty
    ("cooperating-added", lambda b: rv.edit_task(b, 22, cooperating=[SO_TAI_CHINH]),
     lambda b: expected(unchanged=23, changed=[(22, 22, {"cooperating": change([], [SO_TAI_CHINH], added=[SO_TAI_CHINH], removed=[])})])),
    # a row's text replaced by an unrelated one: below the threshold, removed + added
    ("rewrite-is-remove-add", lambda b: rv.edit_task(b, 10, content=NEW_TASK["content"]),
     lambda b: expected(unchanged=23, removed=[(10, task(b, 10))], added=[(10, dict(task(b, 10), content=NEW_TASK["content"]))])),
    # reworded and moved to the top: changed with both numbers
    ("reword-and-move", moved_reword, moved_reword_expected),
    # old tone placement and doubled spaces only: normalised away
    ("tones-and-spaces", lambda b: rv.edit_task(b, 1, content=task(b, 1)["content"].replace("hóa", "hoá").replace(" ", "  ")),
     lambda b: expected(unchanged=24)),
    # a submission level, a note and a group heading set on three tasks
    ("submit-note-group", lambda b: rv.edit_task(rv.edit_task(rv.edit_task(b, 2, submit_to=task(b, 1)["submit_to"]),
                                                               4, note="Ưu tiên"), 24, group="II. NHIỆM VỤ KHÁC"),
     lambda b: expected(unchanged=21, changed=[(2, 2, {"submit_to": change(None, task(b, 1)["submit_to"])}),
                                               (4, 4, {"note": change(None, "Ưu tiên")}),
                                               (24, 24, {"group": change(None, "II. NHIỆM VỤ KHÁC")})])),
    # paragraph edited, paragraph added, section added
    ("sections", sections_revision, sections_expected),
    # one citation dropped, one new
    ("references", lambda b: rv.add_reference(rv.drop_reference(b, "25/CT-TTg"), NEW_REFERENCE),
     lambda b: expected(unchanged=24, references={"added": [NEW_REFERENCE], "removed": [ref(b, "25/CT-TTg")]})),
]


def _without_ids(diff: dict) -> dict:
    return {k: v for k, v in diff.items() if k not in ("old", "new")}


@pytest.mark.parametrize("name, revise, expect", CASES, ids=[c[0] for c in CASES])
def test_revision_gives_exact_diff(name: str, revise: Callable, expect: Callable) -> None:
    b = base()
    assert _without_ids(diff_to_dict(diff_plans(b, revise(base())))) == expect(b)


@pytest.mark.parametrize("name, revise, expect", CASES, ids=[c[0] for c in CASES])
def test_diff_json_follows_schema(name: str, revise: Callable, expect: Callable) -> None:
    validator = diff_validator()
    errors = [f"{list(e.absolute_path)}: {e.message}" for e in validator.iter_errors(diff_to_dict(diff_plans(base(), revise(base()))))]
    assert errors == []


def test_pdf_and_docx_of_the_same_plan_report_nothing() -> None:
    pdf, docx_ = json.loads(_converted(rv.SAMPLE_PDF)), base()
    result = diff_plans(pdf, docx_)
    assert result.is_empty(), render_text(result)
    assert result.tasks.unchanged == len(docx_["tasks"])


# --- the DOCX path: edit the sample's table, convert, diff ------------------------------


def test_docx_reassigned_lead(tmp_path: Path) -> None:
    """Row 16's lead cell rewritten in Word: one lead change, nothing else."""
    b = base()
    new = convert(rv.docx_reassign_lead(rv.SAMPLE_DOCX, tmp_path / "lead.docx", 16, "Sở Tài chính"))
    lead = task(b, 16)["lead"]
    assert _without_ids(diff_to_dict(diff_plans(b, new))) == expected(
        unchanged=23, changed=[(16, 16, {"lead": change(lead, [SO_TAI_CHINH], added=[SO_TAI_CHINH], removed=lead)})])
    assert "  ~ Task 16: lead Sở Kế hoạch và Đầu tư → Sở Tài chính" in render_text(diff_plans(b, new), lang="en").splitlines()


def test_docx_deleted_row(tmp_path: Path) -> None:
    """Row 5 deleted in Word: the task and the two documents only it cited are gone."""
    b = base()
    new = convert(rv.docx_delete_row(rv.SAMPLE_DOCX, tmp_path / "del.docx", 5))
    assert _without_ids(diff_to_dict(diff_plans(b, new))) == expected(
        removed=[(5, task(b, 5))], unchanged=23,
        references={"added": [], "removed": [ref(b, "08-NQ/TU"), ref(b, "827/QĐ-UBND")]})


def test_docx_every_row_renumbered(tmp_path: Path) -> None:
    """Every TT cell rewritten "1.k": 24 renumbered, nothing else."""
    new = convert(rv.docx_renumber_rows(rv.SAMPLE_DOCX, tmp_path / "num.docx", lambda k: f"1.{k}"))
    assert _without_ids(diff_to_dict(diff_plans(base(), new))) == expected(
        renumbered=[(k, f"1.{k}") for k in range(1, 25)])


# --- the pieces -------------------------------------------------------------------------

WORD_DIFFS = [
    # identical texts: one equal run
    ("a b c", "a b c", [("equal", "a b c")]),
    # a word replaced: delete then insert
    ("a b c", "a x c", [("equal", "a"), ("delete", "b"), ("insert", "x"), ("equal", "c")]),
    # tone placement differs only: equal after normalisation
    ("công nghiệp hoá", "công nghiệp hóa", [("equal", "công nghiệp hóa")]),
    # appended words
    ("Năm 2025", "Năm 2025 và các năm tiếp theo", [("equal", "Năm 2025"), ("insert", "và các năm tiếp theo")]),
]


@pytest.mark.parametrize("old, new, ops", WORD_DIFFS)
def test_word_diff(old: str, new: str, ops: list[tuple[str, str]]) -> None:
    assert [(w.op, w.text) for w in word_diff(old, new)] == ops


ALIGNMENTS = [
    # same list: identity pairs
    (["alpha beta", "gamma delta"], ["alpha beta", "gamma delta"], [(0, 0), (1, 1)], [], []),
    # swapped: matched across
    (["alpha beta", "gamma delta"], ["gamma delta", "alpha beta"], [(1, 0), (0, 1)], [], []),
    # identical duplicates keep their order (position tie-breaker)
    (["same text", "same text"], ["same text", "same text"], [(0, 0), (1, 1)], [], []),
    # nothing alike: all removed and added
    (["alpha beta"], ["zzzz qqqq"], [], [0], [0]),
    # an empty side
    ([], ["x"], [], [], [0]),
]


@pytest.mark.parametrize("old, new, pairs, removed, added", ALIGNMENTS)
def test_align(old: list[str], new: list[str], pairs: list, removed: list, added: list) -> None:
    result = align(old, new)
    assert (result.pairs, result.removed, result.added) == (pairs, removed, added)


def test_lead_breaks_a_tie_between_identical_contents() -> None:
    """Two rows with the same text and different leads swap places: renumbered, not reassigned."""
    b = base()
    t1, t2 = dict(task(b, 1), content="Tổ chức thực hiện"), dict(task(b, 8), content="Tổ chức thực hiện")
    old, new = dict(b, tasks=[t1, t2]), dict(b, tasks=[dict(t2, number=1), dict(t1, number=2)])
    assert diff_to_dict(diff_plans(old, new))["tasks"] == expected(renumbered=[(8, 1), (1, 2)])["tasks"]


SECTION_PATHS = [
    # numbered tree: dotted paths
    ([{"number": "I", "children": [{"number": "1", "children": []}]}], ["I", "I.1"]),
    # an unnumbered preamble is "#k" by its place
    ([{"number": None, "children": []}, {"number": "I", "children": []}], ["#1", "I"]),
    # a label repeated under one parent gets "~2"
    ([{"number": "1", "children": []}, {"number": "1", "children": []}], ["1", "1~2"]),
]


@pytest.mark.parametrize("sections, paths", SECTION_PATHS)
def test_section_paths(sections: list[dict], paths: list[str]) -> None:
    assert [p for p, _ in section_paths(sections)] == paths


TIMEFRAMES = [
    # case and a trailing dot do not matter
    (rv.timeframe("Thường xuyên", "ongoing"), rv.timeframe("thường xuyên.", "ongoing"), True),
    # another year does
    (rv.timeframe("Năm 2025", "year", 2025, 2025), rv.timeframe("Năm 2026", "year", 2026, 2026), False),
]


@pytest.mark.parametrize("a, b, same", TIMEFRAMES)
def test_timeframe_key(a: dict, b: dict, same: bool) -> None:
    assert (timeframe_key(a) == timeframe_key(b)) is same


def test_renumbered_runs_fold_shifts() -> None:
    assert renumbered_runs([(6, 5), (7, 6), (8, 7), (10, 9), (1, "1.1")]) == [(6, 8, 5, 7), (10, 10, 9, 9), (1, 1, "1.1", "1.1")]


def test_text_report_of_a_removal() -> None:
    lines = render_text(diff_plans(base(), rv.remove_task(base(), 5)), lang="en").splitlines()
    assert lines[1] == "1 task removed, 19 tasks renumbered, 4 tasks unchanged"
    assert "  = Tasks 6–24 → 5–23 (renumbered)" in lines


# --- schema ---------------------------------------------------------------------------


@functools.cache
def diff_validator() -> Draft202012Validator:
    plan = json.loads((SCHEMAS / "plan.schema.json").read_text(encoding="utf-8"))
    diff = json.loads((SCHEMAS / "diff.schema.json").read_text(encoding="utf-8"))
    registry = Registry().with_resources([(plan["$id"], Resource.from_contents(plan)),
                                          (diff["$id"], Resource.from_contents(diff))])
    Draft202012Validator.check_schema(diff)
    return Draft202012Validator(diff, registry=registry)


def _properties(node: Any, path: str = "$") -> list[tuple[str, Any]]:
    """Every (path, subschema) under a "properties" keyword, recursively."""
    found = []
    if isinstance(node, dict):
        for name, sub in node.get("properties", {}).items():
            found.append((f"{path}.{name}", sub))
        for key, sub in node.items():
            found += _properties(sub, f"{path}.{key}")
    elif isinstance(node, list):
        for i, sub in enumerate(node):
            found += _properties(sub, f"{path}[{i}]")
    return found


def test_every_diff_schema_property_has_a_description() -> None:
    schema = json.loads((SCHEMAS / "diff.schema.json").read_text(encoding="utf-8"))
    assert schema["$id"].endswith("/diff.schema.json")
    assert [p for p, sub in _properties(schema) if "description" not in sub] == []


# --- command line ---------------------------------------------------------------------


def run_cli(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(prog="vnplan")
    diff_cli.add_parser(parser.add_subparsers(dest="command"))
    return diff_cli.run(parser.parse_args(["diff", *argv]))


def test_cli_pdf_against_docx(capsys: pytest.CaptureFixture) -> None:
    assert run_cli([str(rv.SAMPLE_PDF), str(rv.SAMPLE_DOCX), "--lang", "en"]) == 0
    assert "No differences (24 tasks unchanged)." in capsys.readouterr().out


def test_cli_reports_in_vietnamese_by_default(capsys: pytest.CaptureFixture, monkeypatch) -> None:
    monkeypatch.delenv("VNPLAN_LANG")  # the suite's English (conftest.py) off: the default
    assert run_cli([str(rv.SAMPLE_PDF), str(rv.SAMPLE_DOCX)]) == 0
    assert "Không có khác biệt (24 nhiệm vụ giữ nguyên)." in capsys.readouterr().out


def test_cli_json_inputs_to_json_file(tmp_path: Path) -> None:
    old, new = tmp_path / "old.json", tmp_path / "new.json"
    revised = rv.edit_task(base(), 16, lead=[SO_TAI_CHINH])
    old.write_text(json.dumps(base(), ensure_ascii=False), encoding="utf-8")
    new.write_text(json.dumps(revised, ensure_ascii=False), encoding="utf-8")
    # A difference: exit 1, as diff(1) gives it.
    assert run_cli([str(old), str(new), "--format", "json", "-o", str(tmp_path / "d.json")]) == 1
    written = json.loads((tmp_path / "d.json").read_text(encoding="utf-8"))
    assert written == diff_to_dict(diff_plans(base(), revised))


def test_cli_html_to_file(tmp_path: Path) -> None:
    assert run_cli([str(rv.SAMPLE_DOCX), str(rv.SAMPLE_DOCX), "--format", "html", "-o", str(tmp_path / "d.html"),
                    "--lang", "en"]) == 0
    assert "No differences." in (tmp_path / "d.html").read_text(encoding="utf-8")


BAD_INPUTS = [
    # no such file
    ("missing.json", None, "file not found"),
    # broken JSON
    ("broken.json", "{not json", "not valid JSON (line 1: Expecting property name enclosed in double quotes)"),
    # JSON, but not a plan
    ("other.json", "[1, 2]", "not a vnplan JSON document (top level is not an object)"),
    # a text file is neither PDF nor DOCX
    ("notes.txt", "hello", "unsupported file type '.txt': expected .pdf or .docx"),
]


@pytest.mark.parametrize("name, content, reason", BAD_INPUTS)
def test_cli_unreadable_input_is_one_line_and_exit_2(tmp_path: Path, capsys: pytest.CaptureFixture,
                                                     name: str, content: str | None, reason: str) -> None:
    bad = tmp_path / name
    if content is not None:
        bad.write_text(content, encoding="utf-8")
    # Exit 2 is trouble, as diff(1) says it: 1 means the two plans differ.
    assert run_cli([str(rv.SAMPLE_DOCX), str(bad)]) == 2
    captured = capsys.readouterr()
    assert (captured.out, captured.err) == ("", f"vnplan: {bad}: {reason}\n")


def test_cli_json_that_breaks_the_schema(tmp_path: Path, capsys: pytest.CaptureFixture) -> None:
    bad = tmp_path / "bad.json"
    bad.write_text(json.dumps(dict(base(), tasks="none")), encoding="utf-8")
    assert run_cli([str(bad), str(rv.SAMPLE_DOCX)]) == 2
    assert capsys.readouterr().err.startswith(f"vnplan: {bad}: not a valid vnplan JSON document ($.tasks: ")


@pytest.mark.parametrize("argv", [
    ["only-one.json"],  # NEW missing
    ["a.json", "b.json", "--format", "pdf"],  # unknown format
])
def test_cli_usage_error_exits_2(argv: list[str]) -> None:
    with pytest.raises(SystemExit) as exc:
        run_cli(argv)
    assert exc.value.code == 2


def test_cli_main_standalone(capsys: pytest.CaptureFixture) -> None:
    assert diff_cli.main([str(rv.SAMPLE_DOCX), str(rv.SAMPLE_DOCX), "--format", "json"]) == 0
    assert json.loads(capsys.readouterr().out)["tasks"]["unchanged"] == 24


def test_a_changed_subject_is_a_document_change_with_its_words() -> None:
    """Contract 1.2's `subject` (a công văn's "V/v" line) is diffed like the title, word by word."""
    old, new = base(), base()
    old["document"] |= {"type_source": "subject", "subject": "báo cáo kết quả đại hội"}
    new["document"] |= {"type_source": "subject", "subject": "báo cáo kết quả đại hội nhiệm kỳ mới"}
    change = diff_plans(old, new).document["subject"]
    assert (change.old, change.new) == ("báo cáo kết quả đại hội", "báo cáo kết quả đại hội nhiệm kỳ mới")
    assert change.words  # the words added are marked
    assert "type_source" not in diff_plans(old, new).document
