"""Adding documents: the upload page, the upload itself, and the progress list's JSON.

Files come as multipart form data (one or many per request: the page's script sends them
one by one so each gets its own line at once; a plain form post works too). Each is checked
before anything is kept: its type by suffix (the converter checks the content), its size,
the number of files, the room left in the queue. A kept file is written under a generated
name in DATA/uploads/ and queued; the user's file name is only ever shown.
"""
from __future__ import annotations

import shutil

from starlette.concurrency import run_in_threadpool
from starlette.exceptions import HTTPException
from starlette.requests import Request
from starlette.responses import JSONResponse, RedirectResponse, Response
from starlette.routing import Route

from pipeline.i18n import message
from pipeline.serve import jobs
from pipeline.serve.view import render, request_lang

# Room for the multipart framing around the files' bytes when judging Content-Length.
FORM_OVERHEAD_BYTES = 64 * 1024


def _refusal(status: int, reason: str, request: Request) -> Response:
    if _wants_json(request):
        return JSONResponse({"accepted": [], "refused": [{"name": "", "reason": reason}]}, status_code=status)
    return Response(reason, status_code=status, media_type="text/plain; charset=utf-8")


def _wants_json(request: Request) -> bool:
    return "application/json" in request.headers.get("accept", "")


def _too_large(request: Request, settings) -> bool:
    length = request.headers.get("content-length", "")
    limit = settings.max_upload_bytes * settings.max_files + FORM_OVERHEAD_BYTES
    return length.isdigit() and int(length) > limit


def _cross_site(request: Request) -> bool:
    """A post sent by another site's page (the browser names its origin): refused, so a page
    elsewhere cannot fill this server's queue."""
    origin = request.headers.get("origin")
    return bool(origin) and origin != f"{request.url.scheme}://{request.url.netloc}"


async def upload_files(request: Request) -> Response:
    settings, lang = request.app.state.settings, request_lang(request)
    engine, folders = request.app.state.engine, request.app.state.folders
    mb = settings.max_upload_mb
    if _cross_site(request):
        return _refusal(403, message("serve.refused.origin", lang), request)
    if _too_large(request, settings):
        return _refusal(413, message("serve.refused.size", lang, mb=mb), request)
    try:
        async with request.form(max_files=settings.max_files, max_fields=settings.max_files + 10) as form:
            files = [f for f in form.getlist("files") if hasattr(f, "filename")]
            if any((f.size or 0) > settings.max_upload_bytes for f in files):
                return _refusal(413, message("serve.refused.size", lang, mb=mb), request)
            room = settings.max_queue - await run_in_threadpool(jobs.pending_count, engine)
            accepted, refused = [], []
            for f in files:
                name = f.filename or "?"
                stored = jobs.stored_name_for(name)
                if stored is None:
                    refused.append({"name": name, "reason": message("serve.refused.type", lang)})
                elif room <= 0:
                    refused.append({"name": name, "reason": message("serve.refused.queue", lang, n=settings.max_queue)})
                else:
                    await run_in_threadpool(_keep, f.file, folders.source(stored))
                    job_id = await run_in_threadpool(jobs.enqueue, engine, stored, name, f.size or 0)
                    accepted.append({"id": job_id, "name": name})
                    room -= 1
    except HTTPException as exc:  # the form parser's own refusals (too many files or fields, bad framing)
        reason = message("serve.refused.count", lang, n=settings.max_files) if "Too many" in str(exc.detail) \
            else message("serve.refused.form", lang)
        return _refusal(413 if "Too many" in str(exc.detail) else 400, reason, request)
    if accepted:
        request.app.state.workers.wake.set()
    if _wants_json(request):
        return JSONResponse({"accepted": accepted, "refused": refused})
    return RedirectResponse(request.url_for("upload_page").include_query_params(lang=lang), status_code=303)


def _keep(source, target) -> None:
    """Copy the spooled upload to its generated name, through a temporary name (never half a file)."""
    partial = target.with_name(target.name + ".part")
    with open(partial, "wb") as out:
        shutil.copyfileobj(source, out)
    partial.replace(target)


def upload_page(request: Request) -> Response:
    settings = request.app.state.settings
    return render(request, "upload.html", max_files=settings.max_files, max_mb=settings.max_upload_mb,
                  jobs=jobs.progress(request.app.state.reader))


def job_list(request: Request) -> Response:
    """The progress list as JSON, with each status and outcome already in the page's language."""
    lang = request_lang(request)
    rows = jobs.progress(request.app.state.reader)
    for row in rows:
        row["status_text"] = message(f"serve.status.{row['status']}", lang)
        row["outcome_text"] = message(f"serve.outcome.{row['outcome']}", lang) if row["outcome"] else ""
        row["warnings_text"] = message("serve.warnings_count", lang, n=row["warnings"]) if row["warnings"] else ""
    return JSONResponse({"jobs": rows, "waiting": sum(r["status"] in ("pending", "running") for r in rows)})


def routes() -> list[Route]:
    return [Route("/upload", upload_page, methods=["GET"], name="upload_page"),
            Route("/upload", upload_files, methods=["POST"], name="upload_files"),
            Route("/api/jobs", job_list, name="job_list")]
