"""Rendering a page: the request's language, its links (which keep `?lang=en`), the template."""
from __future__ import annotations

from urllib.parse import urlencode

from starlette.requests import Request
from starlette.responses import Response

from pipeline.i18n import DEFAULT_LANG, LANGS, message

# A page with inline scripts of its own (the review page) lists their CSP hashes in this
# response header; the guard moves them into the Content-Security-Policy and drops it.
SCRIPT_HASHES_HEADER = "x-vnplan-script-hashes"


def request_lang(request: Request) -> str:
    lang = request.query_params.get("lang", DEFAULT_LANG)
    return lang if lang in LANGS else DEFAULT_LANG


def link_maker(lang: str):
    """link("/documents", q="x") -> "/documents?q=x&lang=en" (no lang for the default language)."""
    def link(path: str, **params: object) -> str:
        kept = {k: v for k, v in params.items() if v not in (None, "")}
        if lang != DEFAULT_LANG:
            kept["lang"] = lang
        return f"{path}?{urlencode(kept)}" if kept else path
    return link


def render(request: Request, template: str, status_code: int = 200, **context: object) -> Response:
    lang = request_lang(request)
    other = "en" if lang == "vi" else "vi"
    switch = request.url.include_query_params(lang=other)
    base = {"lang": lang, "t": lambda _key, **f: message(_key, lang, **f), "link": link_maker(lang),
            "lang_url": f"{switch.path}?{switch.query}"}
    return request.app.state.templates.TemplateResponse(request, template, base | context, status_code=status_code)


def not_found(request: Request) -> Response:
    return render(request, "message.html", status_code=404, text=message("serve.not_found", request_lang(request)))
