"""The reading pages: find (list, filters, search), a document, its review page, a task and its
history, compare, and the analyst questions with their downloads.

Endpoints are plain functions: Starlette runs them in its thread pool, where the database
and the review builder may block without stalling the server.
"""
from __future__ import annotations

import tempfile
from pathlib import Path

from sqlalchemy import select
from starlette.requests import Request
from starlette.responses import FileResponse, HTMLResponse, RedirectResponse, Response
from starlette.background import BackgroundTask
from starlette.routing import Route

from pipeline.conversion import ConversionError
from pipeline.export.sheets import write
from pipeline.export.tasks import COLUMNS, records_from_db
from pipeline.i18n import message
from pipeline.serve import queries, questions, review, search
from pipeline.serve.tables import jobs
from pipeline.serve.view import SCRIPT_HASHES_HEADER, link_maker, not_found, render, request_lang
from pipeline.store.schema import documents


def _int(value: str | None) -> int | None:
    return int(value) if value and value.isdigit() else None


def document_list(request: Request) -> Response:
    filters = queries.DocumentFilters.from_query(request.query_params)
    with request.app.state.reader.connect() as conn:
        rows, total = queries.document_list(conn, filters)
        hits = search.hits(conn, filters.get("q")) if filters.get("q") else []
        choices = queries.facets(conn)
    return render(request, "documents.html", rows=rows, total=total, hits=hits, filters=filters, choices=choices,
                  page_size=queries.PAGE_SIZE)


def _source(conn, document_id: int, attached_to: int | None) -> review.Source | None:
    """The kept upload behind a document (an attachment: its document's)."""
    kept = queries.document_job(conn, document_id) or (queries.document_job(conn, attached_to) if attached_to else None)
    return review.Source(kept["stored_name"], kept["filename"]) if kept else None


def document_page(request: Request) -> Response:
    document_id = request.path_params["document_id"]
    with request.app.state.reader.connect() as conn:
        doc = queries.document(conn, document_id)
        if doc is None:
            return not_found(request)
        context = {"doc": doc, "revisions": queries.revisions(conn, doc["plan_key"]),
                   "attachments": queries.attachments(conn, document_id), "tasks": queries.document_tasks(conn, document_id),
                   "source": _source(conn, document_id, doc["attached_to_id"])}
    return render(request, "document.html", **context)


def _review_html(request: Request, document_id: int) -> tuple[str | None, Response | None]:
    with request.app.state.reader.connect() as conn:
        doc = queries.document(conn, document_id)
        source = _source(conn, document_id, doc["attached_to_id"]) if doc else None
    if source is None:
        return None, not_found(request)
    lang = request_lang(request)
    try:
        return review.review_page(request.app.state.folders, source, lang), None
    except (ConversionError, OSError) as exc:
        return None, render(request, "message.html", status_code=500,
                            text=message("serve.review_failed", lang, reason=str(exc)))


def review_page(request: Request) -> Response:
    html, failure = _review_html(request, request.path_params["document_id"])
    if failure is not None:
        return failure
    return HTMLResponse(html, headers={SCRIPT_HASHES_HEADER: " ".join(review.script_hashes(html))})


def box_redirect(request: Request) -> Response:
    """To the review page, scrolled to the box of a pointer (`?ptr=/tasks/3`)."""
    document_id = request.path_params["document_id"]
    html, failure = _review_html(request, document_id)
    if failure is not None:
        return failure
    box = review.box_of(html, request.query_params.get("ptr", ""))
    target = link_maker(request_lang(request))(f"/documents/{document_id}/review") + (f"#{box}" if box else "")
    return RedirectResponse(target, status_code=303)


def document_json(request: Request) -> Response:
    document_id = request.path_params["document_id"]
    with request.app.state.reader.connect() as conn:
        doc = queries.document(conn, document_id)
        source = _source(conn, document_id, None) if doc else None
    if source is None:
        return not_found(request)
    path = request.app.state.folders.converted(source.stored_name)
    return FileResponse(path, media_type="application/json",
                        filename=Path(source.filename).with_suffix(".json").name.replace('"', ""))


def task_page(request: Request) -> Response:
    with request.app.state.reader.connect() as conn:
        task = queries.task(conn, request.path_params["task_id"])
        if task is None:
            return not_found(request)
        doc = queries.document(conn, task["document_id"])
        history = queries.task_history(conn, task, doc["plan_key"])
        source = _source(conn, doc["id"], doc["attached_to_id"])
    return render(request, "task.html", task=task, doc=doc, history=history, source=source,
                  pointer=f"/tasks/{task['position']}")


def compare(request: Request) -> Response:
    old_id, new_id = _int(request.query_params.get("old")), _int(request.query_params.get("new"))
    with request.app.state.reader.connect() as conn:
        kept = conn.execute(select(documents.c.id, documents.c.code, documents.c.title, jobs.c.filename)
                            .join(jobs, jobs.c.document_id == documents.c.id)
                            .where(jobs.c.status == "done", documents.c.duplicate_of.is_(None))
                            .order_by(documents.c.id)).mappings().all()
        sources = {i: _source(conn, i, None) for i in (old_id, new_id) if i}
    choices = list({r["id"]: r for r in kept}.values())
    if not (old_id and new_id):
        return render(request, "compare.html", choices=choices, old=old_id, new=new_id)
    if not (sources.get(old_id) and sources.get(new_id)):
        return not_found(request)
    html = review.compare_page(request.app.state.folders, sources[old_id], sources[new_id], request_lang(request))
    return HTMLResponse(html)


def previous_revision(request: Request) -> Response:
    document_id = request.path_params["document_id"]
    with request.app.state.reader.connect() as conn:
        doc = queries.document(conn, document_id)
    if doc is None or not doc["previous_id"]:
        return render(request, "message.html", status_code=404, text=message("serve.no_previous", request_lang(request)))
    return RedirectResponse(link_maker(request_lang(request))("/compare", old=doc["previous_id"], new=document_id),
                            status_code=303)


def question_index(request: Request) -> Response:
    return render(request, "questions.html", names=list(questions.QUESTIONS))


def question_page(request: Request) -> Response:
    name = request.path_params["name"]
    if name not in questions.QUESTIONS:
        return not_found(request)
    chosen = dict(request.query_params)
    with request.app.state.reader.connect() as conn:
        rows = questions.answer(conn, name, chosen)
        choices = questions.filter_choices(conn, name)
    return render(request, "question.html", name=name, rows=rows, columns=questions.columns(name), chosen=chosen,
                  choices=choices, question=questions.QUESTIONS[name], limit=questions.PAGE_ROWS)


_MEDIA = {"xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", "csv": "text/csv; charset=utf-8"}


def _download(rows: list[dict], name: str, kind: str, lang: str, columns) -> Response:
    """Rows written by `vnplan export`'s writer to a temporary file, sent, then removed."""
    folder = Path(tempfile.mkdtemp(prefix="vnplan-serve-export-"))
    path = folder / f"{name}.{kind}"
    write(rows, path, lang, columns)
    return FileResponse(path, media_type=_MEDIA[kind], filename=path.name, background=BackgroundTask(_remove, folder))


def question_export(request: Request) -> Response:
    """The whole answer as `vnplan export` writes a table (XLSX or CSV), in the page's language."""
    name, kind = request.path_params["name"], request.path_params["kind"]
    if name not in questions.QUESTIONS or kind not in _MEDIA:
        return not_found(request)
    with request.app.state.reader.connect() as conn:
        rows = questions.answer(conn, name, dict(request.query_params), limit=None)
    return _download(rows, name, kind, request_lang(request), questions.columns(name))


def tasks_export(request: Request) -> Response:
    """Every task of the latest revisions: exactly `vnplan export --tasks FILE --from-db URL`."""
    kind = request.path_params["kind"]
    if kind not in _MEDIA:
        return not_found(request)
    return _download(records_from_db(request.app.state.reader), "tasks", kind, request_lang(request), COLUMNS)


def _remove(folder: Path) -> None:
    for child in folder.iterdir():
        child.unlink(missing_ok=True)
    folder.rmdir()


def routes() -> list[Route]:
    return [
        Route("/documents", document_list, name="documents"),
        Route("/documents/{document_id:int}", document_page, name="document"),
        Route("/documents/{document_id:int}/review", review_page, name="review"),
        Route("/documents/{document_id:int}/box", box_redirect, name="box"),
        Route("/documents/{document_id:int}/json", document_json, name="document_json"),
        Route("/documents/{document_id:int}/compare-previous", previous_revision, name="compare_previous"),
        Route("/tasks/{task_id:int}", task_page, name="task"),
        Route("/compare", compare, name="compare"),
        Route("/questions", question_index, name="questions"),
        Route("/questions/{name:str}", question_page, name="question"),
        Route("/questions/{name:str}/download/{kind:str}", question_export, name="question_export"),
        Route("/tasks/download/{kind:str}", tasks_export, name="tasks_export"),
    ]
