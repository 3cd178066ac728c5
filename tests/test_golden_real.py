"""Golden tests on two real documents (../shared/fixtures/real, never copied into the repository), against hand-written answers.

tests/golden/01-lamdong-cchc.expected.json (draft plan of UBND tỉnh Lâm Đồng, DOCX, 56 task
rows under 7 Roman group rows) and tests/golden/10-hanoi-festival.expected.json (Plan
173/KH-UBND of UBND TP Hà Nội, PDF, tasks written inline in the body) were written by reading
the documents (python-docx cells; pdftotext and the rendered pages), never by running the
converter. tests/golden/README.md ("Real documents") gives the conventions. They follow
tests/test_golden.py, whose projection helpers are reused here.

One parametrized test per document field, task field, section, reference field and recipient,
so that a failure names the field. Known converter bugs are in KNOWN_BUGS and run as
xfail(strict=True). The documents are read from ../shared/fixtures/real/ (`real_fixtures`); absent, the tests skip naming it.
"""
from __future__ import annotations

import json
import re
import subprocess
import sys
from functools import cache
from pathlib import Path
from typing import Any

import pytest

from pipeline.text import clean_whitespace, fold_diacritics
from test_golden import first_difference, project_agency, project_reference, section_paths, show
from test_golden import params as golden_params

from pipeline.conversion import convert
from pipeline.output.serialize import to_json
from real_fixtures import REAL, real, real_files

ROOT = Path(__file__).resolve().parents[1]
GOLDEN_DIR = Path(__file__).parent / "golden"
CONTRACT_CHECK = ROOT / "tests" / "tools" / "contract_check.py"
DOCS = {
    "01": ("01_KH-UBND_LamDong_CCHC-2026-2030_draft-2026-03.docx", "01-lamdong-cchc.expected.json"),
    "03": ("03_KH-UBND_LamDong_trien-khai-CTMTQG-PCMT-2030_draft-2025-10.docx", "03-lamdong-pcmt.expected.json"),
    "04": ("04_KH-UBND_LamDong_kiem-tra-CCHC-2026_draft-2026-01.docx", "04-lamdong-kiemtra.expected.json"),
    "05": ("05_KH-UBND_LamDong_tuyen-truyen-CCHC-2026_draft-2026-01.docx", "05-lamdong-tuyentruyen.expected.json"),
    "10": ("10_KH-173-KH-UBND_HaNoi_2026-04-28_Festival-ThangLong.pdf", "10-hanoi-festival.expected.json"),
}
# The goldens that give the header, counts and a sample of tasks (issue 12), not every task.
SAMPLED = ("03", "04", "05")
TASK_FIELDS_01 = ("group", "content", "lead", "cooperating", "timeframe", "output")
TASK_FIELDS_10 = ("content", "lead", "cooperating", "timeframe")
SECTION_FIELDS = ("number", "title", "children")
REFERENCE_FIELDS = ("type", "number", "symbol", "code", "year", "issued_date", "issuer", "mentions")


# Test id -> why the converter is wrong (checked against the document); run as xfail(strict=True).
# Empty: the 21 differences the first run found were fixed (see tests/golden/README.md and git log).
KNOWN_BUGS: dict[str, str] = {}


# --------------------------------------------------------------------------- loading


@cache
def golden(doc: str) -> dict:
    return json.loads((GOLDEN_DIR / DOCS[doc][1]).read_text(encoding="utf-8"))


@cache
def converted(doc: str) -> dict:
    return convert(real(DOCS[doc][0]))


# --------------------------------------------------------------------------- projection


def project_document(meta: dict, keys: list[str]) -> dict:
    """`document` reduced to the golden's keys; issuer as {name, kind}, signer's four fields."""
    out: dict[str, Any] = {}
    for key in keys:
        value = meta.get(key)
        if key == "issuer":
            value = project_agency(value)
        elif key == "signer" and value is not None:
            value = {k: value.get(k) for k in ("name", "title", "authority", "on_behalf_of")}
        out[key] = value
    return out


def project_task(task: dict, fields: tuple[str, ...], timeframe_keys: tuple[str, ...]) -> dict:
    """A task reduced to `fields`; agencies as {name, kind}; timeframe to `timeframe_keys`."""
    out: dict[str, Any] = {}
    for field in fields:
        value = task.get(field)
        if field in ("lead", "cooperating"):
            value = [project_agency(a) for a in value or []]
        elif field == "timeframe" and value is not None:
            value = {k: value.get(k) for k in timeframe_keys}
        out[field] = value
    return out


def fold(text: str | None) -> str:
    """Lower case, no diacritics, single spaces: for matching, never for comparing values."""
    return clean_whitespace(fold_diacritics(text or "")).lower()


def params(ids: list[str]) -> list:
    """pytest params for "<doc>-<item>" ids, known bugs marked xfail(strict=True)."""
    return golden_params(ids, KNOWN_BUGS)


def check(label: str, expected: Any, got: Any) -> None:
    diff = first_difference(expected, got)
    assert diff is None, f"{label}: {diff}\n expected: {show(expected)}\n      got: {show(got)}"


# --------------------------------------------------------------------------- document (both)

DOCUMENT_IDS = [f"{doc}-document.{key}" for doc in DOCS for key in golden(doc)["document"]]


@pytest.mark.parametrize(("doc", "item"), params(DOCUMENT_IDS))
def test_document_field(doc: str, item: str) -> None:
    key = item.removeprefix("document.")
    got = project_document(converted(doc)["document"], [key])[key]
    check(f"{doc}: document.{key}", golden(doc)["document"][key], got)


@pytest.mark.parametrize(("doc", "item"), params([f"{doc}-warning.{code}" for doc in ("01", *SAMPLED)
                                                  for code in golden(doc)["warnings_required"]]))
def test_required_warning(doc: str, item: str) -> None:
    """The draft's blank number and blank day are reported, not silently nulled."""
    code = item.removeprefix("warning.")
    codes = [w.get("code") for w in converted(doc)["warnings"]]
    assert code in codes, f"{doc}: no warning {code!r}; warnings: {codes}"


# --------------------------------------------------------------------------- 01: the task table


def task_key(task: dict) -> str:
    """ "II.5": the Roman numeral of the task's group row and its own number."""
    group = task.get("group") or ""
    roman = group.split(".", 1)[0].strip() if re.match(r"^[IVXLC]+\.", group) else "?"
    number = task.get("number")
    if isinstance(number, str) and number.strip().isdigit():
        number = int(number)
    return f"{roman}.{number}"


@cache
def golden_tasks_01() -> dict[str, dict]:
    return {task_key(t): t for t in golden("01")["tasks"]}


@cache
def converted_tasks_01() -> dict[str, dict]:
    tasks: dict[str, dict] = {}
    for task in converted("01")["tasks"]:
        tasks.setdefault(task_key(task), task)
    return tasks


def test_01_task_keys() -> None:
    """56 tasks, in order, under their 7 group rows; merged sub-rows are one task."""
    got = [task_key(t) for t in converted("01")["tasks"]]
    check("01: tasks (group numeral.number)", list(golden_tasks_01()), got)


def test_01_task_numbers_are_ints() -> None:
    """Plain TT cells give integers ("09" gives 9)."""
    bad = [t["number"] for t in converted("01")["tasks"] if not isinstance(t["number"], int)]
    assert not bad, f"01: non-integer task numbers {bad}"


def test_01_task_pages_null() -> None:
    bad = [task_key(t) for t in converted("01")["tasks"] if t.get("pages") is not None]
    assert not bad, f"01: DOCX tasks with pages: {bad}"


TASK_IDS_01 = [f"01-task{key}-{field}" for key in golden_tasks_01() for field in TASK_FIELDS_01]


@pytest.mark.parametrize(("doc", "item"), params(TASK_IDS_01))
def test_01_task_field(doc: str, item: str) -> None:
    label, _, field = item.rpartition("-")
    key = label.removeprefix("task")
    tasks = converted_tasks_01()
    assert key in tasks, f"01: task {key} missing; converter has {list(tasks)}"
    expected = golden_tasks_01()[key][field]
    got = project_task(tasks[key], (field,), ("text", "kind"))[field]
    check(f"01: task {key}.{field}", expected, got)


# --------------------------------------------------------------------------- 10: sections


@cache
def golden_sections_10() -> dict[str, dict]:
    return section_paths(golden("10")["sections"])


def section_field(section: dict, field: str) -> Any:
    if field == "children":
        return [c.get("number") for c in section.get("children") or []]
    return section.get(field)


def test_10_section_paths() -> None:
    """The heading tree: preamble, I..V and their numbered children, nothing else."""
    got = list(section_paths(converted("10")["sections"]))
    check("10: section paths", list(golden_sections_10()), got)


SECTION_IDS_10 = [f"10-{path}-{field}" for path in golden_sections_10() for field in SECTION_FIELDS]


@pytest.mark.parametrize(("doc", "item"), params(SECTION_IDS_10))
def test_10_section_field(doc: str, item: str) -> None:
    path, _, field = item.rpartition("-")
    sections = section_paths(converted(doc)["sections"])
    assert path in sections, f"10: section {path} missing; converter has {list(sections)}"
    check(f"10: section {path}.{field}", section_field(golden_sections_10()[path], field), section_field(sections[path], field))


# --------------------------------------------------------------------------- 10: recipients

RECIPIENT_IDS_10 = [f"10-recipient{i + 1}" for i in range(len(golden("10")["recipients"]))]


def test_10_recipient_count() -> None:
    got = [r.get("name") for r in converted("10")["recipients"]]
    expected = [r["name"] for r in golden("10")["recipients"]]
    assert len(got) == len(expected), f"10: {len(got)} recipients, expected {len(expected)}\n got: {show(got)}"


@pytest.mark.parametrize(("doc", "item"), params(RECIPIENT_IDS_10))
def test_10_recipient(doc: str, item: str) -> None:
    index = int(item.removeprefix("recipient")) - 1
    recipients = converted(doc)["recipients"]
    assert index < len(recipients), f"10: recipient {index + 1} missing"
    got = {"name": recipients[index].get("name"), "note": recipients[index].get("note")}
    check(f"10: recipients[{index}]", golden(doc)["recipients"][index], got)


# --------------------------------------------------------------------------- 10: references


@cache
def golden_references_10() -> dict[str, dict]:
    return {r["id"]: r for r in golden("10")["references"]}


def test_10_reference_ids_in_order() -> None:
    got = [r.get("id") for r in converted("10")["references"]]
    check("10: reference ids", list(golden_references_10()), got)


REFERENCE_IDS_10 = [f"10-{rid}-{field}" for rid in golden_references_10() for field in REFERENCE_FIELDS]


@pytest.mark.parametrize(("doc", "item"), params(REFERENCE_IDS_10))
def test_10_reference_field(doc: str, item: str) -> None:
    rid, _, field = item.rpartition("-")
    refs = {r["id"]: project_reference(r) for r in converted(doc)["references"]}
    assert rid in refs, f"10: reference {rid} missing; converter has {list(refs)}"
    check(f"10: reference {rid}.{field}", golden_references_10()[rid][field], refs[rid][field])


# --------------------------------------------------------------------------- 10: tasks from the body


def find_activity_task(index: int, content: str) -> dict | None:
    """The converter's task with this content (folded), else the one at the same position."""
    tasks = converted("10")["tasks"]
    for task in tasks:
        if fold(task.get("content")) == fold(content):
            return task
    return tasks[index] if index < len(tasks) else None


ACTIVITY_IDS_10 = [
    f"10-task{t['heading']}-{field}" for t in golden("10")["activity_tasks"] for field in TASK_FIELDS_10
]


@pytest.mark.parametrize(("doc", "item"), params(ACTIVITY_IDS_10))
def test_10_activity_task_field(doc: str, item: str) -> None:
    """Section III's activities ("- Đơn vị chủ trì: ..." lines) are one task each."""
    label, _, field = item.rpartition("-")
    heading = label.removeprefix("task")
    activities = golden(doc)["activity_tasks"]
    index = next(i for i, t in enumerate(activities) if t["heading"] == heading)
    expected = activities[index]
    task = find_activity_task(index, expected["content"])
    assert task is not None, f"10: no task for activity III.{heading}"
    got = project_task(task, (field,), ("text",))[field]
    check(f"10: activity {heading} task.{field}", expected[field], got)


SECTION_V_IDS = [f"10-V.{entry['section']}" for entry in golden("10")["section_v_tasks"]]


@pytest.mark.parametrize(("doc", "item"), params(SECTION_V_IDS))
def test_10_section_v_has_task(doc: str, item: str) -> None:
    """Each agency-headed subsection of V gives at least one task led by that agency.

    A task belongs to the subsection when its content opens like one of the subsection's
    paragraphs; it is led by the agency when a lead name contains `lead_contains`.
    """
    number = item.removeprefix("V.")
    entry = next(e for e in golden(doc)["section_v_tasks"] if e["section"] == number)
    openings = [fold(o) for o in entry["openings"]]
    mine = [t for t in converted(doc)["tasks"] if any(fold(t.get("content")).lstrip("-+ ").startswith(o) for o in openings)]
    assert mine, f"10: no task from V.{number} (contents opening {entry['openings']})"
    leads = [[a.get("name") for a in t.get("lead") or []] for t in mine]
    assert any(fold(entry["lead_contains"]) in fold(name) for names in leads for name in names), (
        f"10: V.{number}: no task led by ...{entry['lead_contains']}...; leads of its tasks: {leads}"
    )


@pytest.mark.parametrize(("doc", "item"), params(["10-closing-not-a-task"]))
def test_10_closing_paragraphs_are_not_tasks(doc: str, item: str) -> None:
    """The closing paragraphs after V.20's bullets are not bullets of an agency-headed section."""
    closing = [fold("Trên đây là Kế hoạch"), fold("UBND thành phố Hà Nội đề nghị các Đại sứ quán")]
    bad = [t.get("number") for t in converted(doc)["tasks"] if any(fold(t.get("content")).startswith(c) for c in closing)]
    assert not bad, f"10: closing paragraphs became tasks {bad}"


# --------------------------------------------------------------------------- whole-document properties


@pytest.mark.parametrize("doc", list(DOCS))
def test_deterministic_bytes(doc: str) -> None:
    path = real(DOCS[doc][0])
    first, second = to_json(convert(path)), to_json(convert(path))
    assert first == second, f"{doc}: two conversions differ: {first_difference(json.loads(first), json.loads(second))}"


@pytest.mark.parametrize("doc", list(DOCS))
def test_contract_check(doc: str, tmp_path: Path) -> None:
    out = tmp_path / f"{doc}.json"
    out.write_text(to_json(converted(doc)), encoding="utf-8")
    result = subprocess.run([sys.executable, str(CONTRACT_CHECK), str(out)], capture_output=True, text=True)
    assert result.returncode == 0 and "0 problem(s)" in result.stdout, f"{doc}: contract_check:\n{result.stdout}{result.stderr}"


# --------------------------------------------------------------------------- 03, 04, 05: counts and samples


def count_of(doc: str, what: str) -> int:
    out = converted(doc)
    if what == "table_tasks":
        return sum(1 for task in out["tasks"] if not re.fullmatch(r"[\d.]+", task["key"]) or task.get("pages"))
    if what == "body_tasks":
        return sum(1 for task in out["tasks"] if re.fullmatch(r"[\d.]+(?:#\d+)?", task["key"]))
    return len(out["tables"])


COUNT_IDS = [f"{doc}-count.{what}" for doc in SAMPLED for what in golden(doc)["counts"]]


@pytest.mark.parametrize(("doc", "item"), params(COUNT_IDS))
def test_counts(doc: str, item: str) -> None:
    """Task-table tasks (keys "B1:3", "II.5"), body tasks (dotted keys), data tables: as counted in the document."""
    what = item.removeprefix("count.")
    check(f"{doc}: {what}", golden(doc)["counts"][what], count_of(doc, what))


TABLE_TASK_IDS = [f"05-tabletask{t['key']}-{field}" for t in golden("05")["table_tasks"] for field in t if field != "key"]


@pytest.mark.parametrize(("doc", "item"), params(TABLE_TASK_IDS))
def test_05_table_task_field(doc: str, item: str) -> None:
    """The broadcasts of plan 05's two tables: responsibility "Lãnh đạo Sở ..." is the lead, the
    date takes the year of the column header and of the plan ("Thời gian (Năm 2026)")."""
    label, _, field = item.rpartition("-")
    key = label.removeprefix("tabletask")
    tasks = {task["key"]: task for task in converted(doc)["tasks"]}
    assert key in tasks, f"{doc}: no task with key {key}; keys: {list(tasks)[:25]}"
    expected = next(t for t in golden(doc)["table_tasks"] if t["key"] == key)[field]
    keys = tuple(expected) if field == "timeframe" else ()
    check(f"{doc}: task {key}.{field}", expected, project_task(tasks[key], (field,), keys)[field])


BODY_TASK_IDS = [f"{doc}-bodytask{t['id']}" for doc in SAMPLED for t in golden(doc)["body_tasks"]]


@pytest.mark.parametrize(("doc", "item"), params(BODY_TASK_IDS))
def test_body_task(doc: str, item: str) -> None:
    """A task written in the body: some task opens with these words and is led by these agencies."""
    ident = item.removeprefix("bodytask")
    expected = next(t for t in golden(doc)["body_tasks"] if t["id"] == ident)
    opening = fold(expected["opening"])
    mine = [t for t in converted(doc)["tasks"] if fold(t["content"]).startswith(opening)]
    assert mine, f"{doc}: no task opening {expected['opening']!r}"
    leads = [[a["name"] for a in t["lead"]] for t in mine]
    assert expected["lead"] in leads, f"{doc}: task {ident}: leads {leads}, expected {expected['lead']}"


@pytest.mark.parametrize(("doc", "item"), params(["04-not-tasks"]))
def test_04_counts_and_labels_are_not_tasks(doc: str, item: str) -> None:
    """"2. Số lượng đơn vị kiểm tra: Tối thiểu 20% ..." is a figure, not a task led by a "Sở"."""
    bad = [t["key"] for t in converted(doc)["tasks"] for o in golden(doc)["not_tasks"] if fold(t["content"]).startswith(fold(o))]
    assert not bad, f"{doc}: not tasks, yet tasks {bad}"


DATA_TABLE_IDS = [f"04-datatable0-{part}" for part in ("caption", "header", "rows", *(
    f"row{i}" for i in golden("04")["data_tables"][0]["row_samples"]))]


@pytest.mark.parametrize(("doc", "item"), params(DATA_TABLE_IDS))
def test_04_schedule_is_a_data_table(doc: str, item: str) -> None:
    """Phụ lục I (STT | Đơn vị được kiểm tra | Thời gian kiểm tra) is a schedule kept whole as a data table."""
    part = item.rpartition("-")[2]
    expected = golden(doc)["data_tables"][0]
    tables = converted(doc)["tables"]
    assert tables, f"{doc}: no data table"
    got = tables[0]
    if part == "caption":
        assert fold(got["caption"]).startswith(fold(expected["caption_opening"])), got["caption"]
    elif part == "header":
        check(f"{doc}: header", expected["header"], got["header"])
    elif part == "rows":
        check(f"{doc}: rows", expected["rows"], len(got["rows"]))
    else:
        index = part.removeprefix("row")
        check(f"{doc}: row {index}", expected["row_samples"][index], got["rows"][int(index)])
