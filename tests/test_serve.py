"""`vnplan serve` through Starlette's TestClient, on SQLite and PostgreSQL: upload the two
samples and a revision, wait for the queue, search without tone marks and by abbreviation,
open a document, a task and its history, compare revisions, download an answer as XLSX and
read it back; and the safety rules: token, escaping, CSP, upload limits, bad files."""
from __future__ import annotations

import io
import json
import re

import openpyxl
import pytest
from starlette.testclient import TestClient

from db_engines import ENGINES, empty_url
from pipeline.serve import jobs, search
from pipeline.serve.app import make_app
from pipeline.serve.settings import Settings
from pipeline.store.db import load_document
from revisions import SAMPLE_DOCX, SAMPLE_PDF
from serve_helpers import REVISED_LEAD, REVISED_ROW, sample_revision, upload, wait_for_queue

_COUNT = re.compile(r'id="count">(\d+)')


@pytest.fixture(scope="module", params=ENGINES)
def served(request, tmp_path_factory):
    """A running app with the sample's PDF, its DOCX and a revision uploaded and converted."""
    tmp = tmp_path_factory.mktemp(f"serve-{request.param}")
    app = make_app(Settings(db_url=empty_url(request.param, tmp), data_dir=tmp / "data"))
    with TestClient(app) as client:
        for path in (SAMPLE_PDF, SAMPLE_DOCX, sample_revision(tmp / "rev")):
            assert upload(client, path).json()["accepted"], path
        yield client, wait_for_queue(client)


def _documents(client, **params) -> tuple[int, str]:
    page = client.get("/documents", params=params)
    assert page.status_code == 200
    return int(_COUNT.search(page.text).group(1)), page.text


def test_uploads_are_converted_and_loaded(served):
    _, done = served
    by_name = {j["filename"]: j for j in done}
    assert {j["status"] for j in done} == {"done"}, done
    assert by_name["plan-196-KH-UBND.pdf"]["outcome"] == "stored"
    assert by_name["plan-196-KH-UBND.docx"]["outcome"] == "same_content"  # the PDF's text again
    assert by_name["plan-196-KH-UBND-revised.docx"]["outcome"] == "revision"


@pytest.mark.parametrize("query, expected", [
    ("chuyen doi so", "chuyển đổi số"),  # no tone marks
    ("CHUYỂN ĐỔI SỐ", "chuyển đổi số"),  # case
    ("Sở TC", "Sở Tài chính"),  # an abbreviation, through the gazetteer
    ("so tc", "Sở Tài chính"),  # the same typed in lower case without marks
])
def test_search_ignores_tone_marks_case_and_abbreviations(served, query, expected):
    client, _ = served
    count, page = _documents(client, q=query)
    assert count >= 1
    hits = re.findall(r'<li class="hit k-\w+">.*?</li>', page, re.S)
    assert hits and any(expected.lower() in h.lower() for h in hits), hits[:3]


def test_search_without_a_match_and_filters(served):
    client, _ = served
    assert _documents(client, q="khong co tu nay xyzzy")[0] == 0
    assert _documents(client, q="<>'\"")[0] == 0  # no words: nothing asked, nothing found
    everything = _documents(client)[0]
    assert everything == 2  # the sample and its revision (the DOCX repeats the PDF)
    assert _documents(client, province="Quảng Ngãi")[0] == everything
    assert _documents(client, state="draft")[0] == 0
    assert _documents(client, warnings="yes")[0] + _documents(client, warnings="no")[0] == everything


def _first_document(client) -> int:
    return int(re.search(r'<tr data-id="(\d+)">', client.get("/documents").text).group(1))


def test_document_task_history_and_box(served):
    client, _ = served
    newest = _first_document(client)
    page = client.get(f"/documents/{newest}")
    assert page.status_code == 200 and 'id="compare-previous"' in page.text
    task_ids = re.findall(rf'href="/tasks/(\d+)">{REVISED_ROW}<', page.text)
    task = client.get(f"/tasks/{task_ids[0]}")
    history = task.text[task.text.index('id="history"'):]
    assert history.count("<tr") == 3 and 'class="changed' in history and REVISED_LEAD in history
    box = client.get(f"/documents/{newest}/box", params={"ptr": "/tasks/2"}, follow_redirects=False)
    assert box.status_code == 303 and box.headers["location"].startswith(f"/documents/{newest}/review")


def test_review_page_of_the_pdf_with_its_script_allowed_by_hash(served):
    client, done = served
    pdf = next(j for j in done if j["filename"].endswith(".pdf"))
    review = client.get(f"/documents/{pdf['document_id']}/review")
    assert review.status_code == 200 and 'class="box k-task"' in review.text
    assert "plan-196-KH-UBND.pdf" in review.text and "/static/review.css" in review.text
    csp = review.headers["content-security-policy"]
    assert re.search(r"script-src 'self' 'sha256-[A-Za-z0-9+/=]+'", csp)
    located = client.get(f"/documents/{pdf['document_id']}/box", params={"ptr": "/tasks/2"}, follow_redirects=False)
    box_id = located.headers["location"].split("#")[1]
    assert f'id="{box_id}"' in review.text and 'data-ptr="/tasks/2"' in review.text


def test_compare_with_the_previous_revision(served):
    client, _ = served
    newest = _first_document(client)
    report = client.get(f"/documents/{newest}/compare-previous")
    assert report.status_code == 200 and f"<ins>{REVISED_LEAD}</ins>" in report.text
    assert "<script" not in report.text  # the diff report has none


@pytest.mark.parametrize("name", ["open_tasks", "tasks_by_year", "top_cited", "plans_by_province", "warnings_by_code"])
def test_questions_answer_and_export(served, name):
    client, _ = served
    page = client.get(f"/questions/{name}")
    assert page.status_code == 200
    shown = page.text[page.text.index('id="answer"'):].count("<tr") - 1
    book = openpyxl.load_workbook(io.BytesIO(client.get(f"/questions/{name}/download/xlsx").content))
    sheet = book.active
    assert sheet.max_row - 1 == shown or (shown == 0 and sheet.max_row <= 2)
    header = [c.value for c in sheet[1]]
    assert all(h for h in header)
    english = openpyxl.load_workbook(io.BytesIO(client.get(f"/questions/{name}/download/xlsx?lang=en").content))
    assert [c.value for c in english.active[1]] != header
    csv_text = client.get(f"/questions/{name}/download/csv").content.decode("utf-8-sig")
    assert csv_text.splitlines()[0].split(",")[0] == header[0]


def test_question_filter_narrows_the_rows(served):
    client, _ = served
    every = client.get("/questions/tasks_by_year/download/xlsx")
    one_year = client.get("/questions/tasks_by_year/download/xlsx", params={"due_year": "2025"})
    rows = [r for r in openpyxl.load_workbook(io.BytesIO(one_year.content)).active.iter_rows(min_row=2, values_only=True)]
    assert rows and {r[0] for r in rows} == {2025}
    assert openpyxl.load_workbook(io.BytesIO(every.content)).active.max_row > len(rows) + 1


def test_pages_in_english_and_no_inline_script(served):
    client, _ = served
    for path in ("/upload", "/documents", "/compare", "/questions", "/questions/open_tasks"):
        page = client.get(path, params={"lang": "en"})
        assert page.status_code == 200 and "Find documents" in page.text
        assert not re.search(r"<script(?![^>]*\bsrc=)", page.text), path
        assert "script-src 'self';" in page.headers["content-security-policy"]
    assert "Tìm văn bản" in client.get("/documents").text


def test_unknown_pages(served):
    client, _ = served
    assert client.get("/documents/999999").status_code == 404
    assert client.get("/tasks/999999").status_code == 404
    assert client.get("/questions/nope").status_code == 404


# ---- safety ----------------------------------------------------------------------------------

@pytest.fixture
def app_with(tmp_path):
    def make(**settings):
        return make_app(Settings(db_url=f"sqlite:///{tmp_path / 'p.sqlite'}", data_dir=tmp_path / "data",
                                 start_workers=False, **settings))
    return make


def test_token_is_required_when_set(app_with):
    with TestClient(app_with(token="s3cret")) as client:
        assert client.get("/documents").status_code == 401
        assert client.get("/api/jobs").status_code == 401
        assert client.get("/static/app.js").status_code == 401
        assert client.get("/documents", headers={"Authorization": "Bearer wrong"}).status_code == 401
        assert client.get("/documents", headers={"Authorization": "Bearer s3cret"}).status_code == 200
        first = client.get("/documents?token=s3cret", follow_redirects=False)
        assert first.status_code == 303 and "token" not in first.headers["location"]
        assert client.get("/documents").status_code == 200  # the cookie carries it now


def test_oversize_wrong_type_and_too_many_files_are_refused(app_with, tmp_path):
    with TestClient(app_with(max_upload_mb=1, max_files=2)) as client:
        big = tmp_path / "big.pdf"
        big.write_bytes(b"%PDF-1.4\n" + b"0" * (2 * 2**20))
        assert upload(client, big).status_code == 413
        text_file = tmp_path / "notes.txt"
        text_file.write_text("x")
        answer = upload(client, text_file).json()
        assert answer["accepted"] == [] and "PDF" in answer["refused"][0]["reason"]
        assert upload(client, SAMPLE_PDF, SAMPLE_PDF, SAMPLE_PDF).status_code == 413
        assert client.get("/api/jobs").json()["jobs"] == []  # nothing was kept
        assert not any((tmp_path / "data" / "uploads").iterdir())


def test_a_broken_file_fails_with_its_reason_and_the_queue_goes_on(tmp_path):
    broken = tmp_path / "broken.pdf"
    broken.write_bytes(b"%PDF-1.4 not really")
    app = make_app(Settings(db_url=f"sqlite:///{tmp_path / 'p.sqlite'}", data_dir=tmp_path / "data"))
    with TestClient(app) as client:
        upload(client, broken, SAMPLE_PDF)
        done = {j["filename"]: j for j in wait_for_queue(client)}
    assert done["broken.pdf"]["status"] == "failed" and "\n" not in done["broken.pdf"]["reason"]
    assert done["plan-196-KH-UBND.pdf"]["status"] == "done"
    stored = list((tmp_path / "data" / "uploads").iterdir())
    assert all(re.fullmatch(r"[0-9a-f]{32}\.pdf", p.name) for p in stored)  # never the user's name


def test_unfinished_work_resumes_after_a_restart(tmp_path):
    settings = dict(db_url=f"sqlite:///{tmp_path / 'p.sqlite'}", data_dir=tmp_path / "data")
    with TestClient(make_app(Settings(start_workers=False, **settings))) as client:
        upload(client, SAMPLE_PDF)
        engine = client.app.state.engine
        job = jobs._claim(engine)  # a worker took it, then the server stopped
        assert job is not None and client.get("/api/jobs").json()["jobs"][0]["status"] == "running"
    with TestClient(make_app(Settings(**settings))) as client:
        assert [j["status"] for j in wait_for_queue(client)] == ["done"]


def test_hostile_values_are_shown_escaped(app_with):
    from pipeline.conversion import convert

    hostile = '<script>alert(1)</script><img src=x onerror=alert(2)>'
    doc = convert(SAMPLE_PDF)
    doc["document"]["title"] = f"Kế hoạch {hostile}"
    doc["tasks"][0]["content"] = f"Chuyển đổi số {hostile}"
    doc["source"]["sha256"] = "f" * 64
    app = app_with()
    with TestClient(app) as client:
        stored = load_document(app.state.engine, json.loads(json.dumps(doc)))
        search.index_missing(app.state.engine)
        pages = [client.get("/documents", params={"q": "chuyen doi so"}).text,
                 client.get(f"/documents/{stored.document_id}").text,
                 client.get("/questions/open_tasks").text]
        task_id = re.search(r'href="/tasks/(\d+)"', pages[1]).group(1)
        pages.append(client.get(f"/tasks/{task_id}").text)
    for page in pages:
        assert "<script>alert" not in page and "<img src=x" not in page
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in pages[1]


def test_every_message_the_pages_name_exists_in_both_languages():
    from pathlib import Path

    from pipeline.data import load_csv

    templates = Path(__file__).resolve().parents[1] / "pipeline" / "serve" / "templates"
    named = {k for p in templates.glob("*.html") for k in re.findall(r"\bt\('([\w.]+\w)'[,)]", p.read_text("utf-8"))}
    from pipeline.serve.queries import FILTERS
    from pipeline.serve.questions import QUESTIONS

    named |= {f"serve.q.{n}" for n in QUESTIONS} | {f"serve.qf.{f}" for q in QUESTIONS.values() for f in q.filters}
    named |= {f"serve.status.{s}" for s in ("pending", "running", "done", "failed")}
    named |= {f"serve.outcome.{o}" for o in ("stored", "revision", "same_content", "duplicate")}
    named |= {f"serve.kind.{k}" for k in ("title", "section", "task")} | {f"serve.filter.{k}" for k in FILTERS[1:]}
    rows = {r["key"]: r for r in load_csv("messages.csv")}
    assert sorted(k for k in named if k not in rows or not (rows[k]["vi"] and rows[k]["en"])) == []


def test_every_task_downloads_as_vnplan_export_writes_it(served):
    from pipeline.export.tasks import COLUMNS, records_from_db

    client, _ = served
    sheet = openpyxl.load_workbook(io.BytesIO(client.get("/tasks/download/xlsx").content)).active
    assert [c.value for c in sheet[1]] == [c.header("vi") for c in COLUMNS]
    assert sheet.max_row - 1 == len(records_from_db(client.app.state.reader)) > 0


# ---- the search query, without a database ----------------------------------------------------

QUERY_CASES = [
    ("chuyen doi so", [["chuyen", "doi", "so"]]),  # plain words
    ("Chuyển  ĐỔI số", [["chuyen", "doi", "so"]]),  # marks, case and spaces folded
    ("Sở TC", [["so", "tai", "chinh"], ["so", "tc"]]),  # the gazetteer's expansion first, as typed second
    ("so tc", [["so", "tc"], ["so", "tai", "chinh"]]),  # typed without marks: expanded after its head word
    ("UBND", [["uy", "ban", "nhan", "dan"], ["ubnd"]]),  # an abbreviation read anywhere
    ('"x" OR y*', [["x", "or", "y"]]),  # engine syntax never passes: only words
    ("!!! ---", []),  # no word: nothing to ask
]


@pytest.mark.parametrize("query, ways", QUERY_CASES, ids=[q for q, _ in QUERY_CASES])
def test_query_alternatives(query, ways):
    assert search.query_alternatives(query) == ways


def test_engine_queries_are_phrases():
    ways = [["so", "tai", "chinh"], ["so", "tc"]]
    assert search.fts5_query(ways) == '"so tai chinh" OR "so tc"'
    assert search.tsquery(ways) == "(so <-> tai <-> chinh) | (so <-> tc)"


def test_excerpt_marks_the_match_in_the_printed_text():
    text = "Giao Sở Tài chính chủ trì, phối hợp các sở"
    assert search.excerpt(text, [["so", "tai", "chinh"]], around=5) == ("Giao ", "Sở Tài chính", " chủ …")
    assert search.excerpt(text, [["khong"]], around=5) == ("Giao Sở Tà…", "", "")


def test_cross_site_uploads_and_foreign_host_names_are_refused(app_with):
    with TestClient(app_with()) as client:
        refused = upload(client, SAMPLE_PDF, headers={"Origin": "https://elsewhere.example"})
        assert refused.status_code == 403 and client.get("/api/jobs").json()["jobs"] == []
        assert upload(client, SAMPLE_PDF, headers={"Origin": "http://testserver"}).json()["accepted"]
    local = app_with(allowed_hosts=("127.0.0.1", "localhost"))
    with TestClient(local, base_url="http://127.0.0.1:8000") as client:
        assert client.get("/documents").status_code == 200
        assert client.get("/documents", headers={"Host": "rebound.example"}).status_code == 400
