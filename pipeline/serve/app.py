"""The web application: Starlette routes over one database, Jinja2 pages, files served by the
package (no CDN), upload workers started and stopped with the server.

Safe by default: every page is sent with a Content-Security-Policy that allows only the
package's own scripts (no inline script: the review page's own script is allowed by its hash
only), Jinja2 escapes every value, and when a token is set nothing is served without it
(`?token=` once, then an HttpOnly cookie; or `Authorization: Bearer`).
"""
from __future__ import annotations

import contextlib
import hmac
from html import escape
from pathlib import Path

from jinja2 import Environment, FileSystemLoader, select_autoescape
from sqlalchemy import Engine, create_engine
from starlette.applications import Starlette
from starlette.middleware import Middleware
from starlette.middleware.base import BaseHTTPMiddleware
from starlette.middleware.trustedhost import TrustedHostMiddleware
from starlette.requests import Request
from starlette.responses import HTMLResponse, RedirectResponse, Response
from starlette.routing import Mount, Route
from starlette.staticfiles import StaticFiles
from starlette.templating import Jinja2Templates

from pipeline.i18n import message, warning_label
from pipeline.serve import pages, search, upload
from pipeline.serve.jobs import Folders, Workers
from pipeline.serve.tables import create_tables
from pipeline.serve.settings import Settings
from pipeline.serve.view import SCRIPT_HASHES_HEADER, request_lang
from pipeline.store.db import connect
from pipeline.store.engine import SQLITE_BUSY_TIMEOUT

HERE = Path(__file__).resolve().parent
TOKEN_COOKIE = "vnplan_token"
# script-src is filled per response: 'self', plus the hashes of a review page's own scripts.
CSP = ("default-src 'self'; script-src {scripts}; style-src 'self' 'unsafe-inline'; img-src 'self' data:; "
       "object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'")


def _templates() -> Jinja2Templates:
    env = Environment(loader=FileSystemLoader(HERE / "templates"), autoescape=select_autoescape(default=True))
    env.globals.update(message=message, warning_label=warning_label)
    return Jinja2Templates(env=env)


class Guard(BaseHTTPMiddleware):
    """The token check (when a token is set) and the security headers on every response."""

    async def dispatch(self, request: Request, call_next) -> Response:
        token = request.app.state.settings.token
        if token and not _has_token(request, token):
            text = escape(message("serve.token_required", request_lang(request)))
            response: Response = HTMLResponse(f"<!DOCTYPE html><meta charset=utf-8><p>{text}</p>", status_code=401)
        elif token and request.query_params.get("token"):  # once: into a cookie, out of the address
            response = RedirectResponse(request.url.remove_query_params("token"), status_code=303)
            response.set_cookie(TOKEN_COOKIE, token, httponly=True, samesite="strict")
        else:
            response = await call_next(request)
        _secure(response)
        return response


def _secure(response: Response) -> None:
    """CSP (with the hashes a page declared for its own inline scripts) and the other headers."""
    hashes = response.headers.get(SCRIPT_HASHES_HEADER, "").split()
    if SCRIPT_HASHES_HEADER in response.headers:
        del response.headers[SCRIPT_HASHES_HEADER]
    response.headers["Content-Security-Policy"] = CSP.format(scripts=" ".join(["'self'", *hashes]))
    response.headers["X-Content-Type-Options"] = "nosniff"
    response.headers["Referrer-Policy"] = "no-referrer"
    response.headers["X-Frame-Options"] = "DENY"


def _has_token(request: Request, token: str) -> bool:
    offered = (request.query_params.get("token") or request.cookies.get(TOKEN_COOKIE)
               or request.headers.get("authorization", "").removeprefix("Bearer ").strip())
    return bool(offered) and hmac.compare_digest(offered.encode(), token.encode())


def open_engines(url: str) -> tuple[Engine, Engine]:
    """The writers' engine (the store's: locks, migrations) and one for the pages' reads: on
    SQLite a plain one, without the store's BEGIN IMMEDIATE, so a page never queues for the write lock."""
    engine = connect(url)
    create_tables(engine)
    if not url.startswith("sqlite"):
        return engine, engine
    return engine, create_engine(url, connect_args={"timeout": SQLITE_BUSY_TIMEOUT})


def make_app(settings: Settings) -> Starlette:
    folders = Folders(Path(settings.data_dir))
    folders.make()
    engine, reader = open_engines(settings.db_url)
    if settings.index_on_start:
        search.index_missing(engine)
    workers = Workers(engine, folders, settings.workers, settings.converter)

    @contextlib.asynccontextmanager
    async def lifespan(app: Starlette):
        if settings.start_workers:
            workers.start()
        try:
            yield
        finally:
            workers.shutdown()
            engine.dispose()
            if reader is not engine:
                reader.dispose()

    routes = [Route("/", lambda request: RedirectResponse("/documents", status_code=303)),
              *upload.routes(), *pages.routes(),
              Mount("/static", StaticFiles(directory=HERE / "static"), name="static")]
    middleware = [Middleware(Guard)]
    if settings.allowed_hosts:
        middleware.insert(0, Middleware(TrustedHostMiddleware, allowed_hosts=list(settings.allowed_hosts)))
    app = Starlette(routes=routes, middleware=middleware, lifespan=lifespan)
    app.state.settings, app.state.folders, app.state.workers = settings, folders, workers
    app.state.engine, app.state.reader, app.state.templates = engine, reader, _templates()
    app.state.review_cache = {}
    return app
