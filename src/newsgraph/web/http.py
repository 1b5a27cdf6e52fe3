"""HTTP plumbing of ``newsgraph serve``: one error shape, security headers, body limits,
relative links.

Every error under ``/api`` is ``{"error": {"status", "code", "message"}}``; pages answer
errors with a page.  No stack trace reaches a client: the server's log has it, made
printable.  Every response carries a Content-Security-Policy that allows only this
server's own script and style, so text from an article can never run as code.
"""

from __future__ import annotations

import logging
import traceback
from typing import Annotated, Optional

from fastapi import FastAPI, Query, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse
from starlette.exceptions import HTTPException

from ..errors import ArticleError, NotFoundError, StoreError
from ..terminal import printable
from .server import Limited

log = logging.getLogger("newsgraph.serve")

CSP = ("default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
       "connect-src 'self'; form-action 'self'; base-uri 'none'; frame-ancestors 'none'")
SECURITY_HEADERS = {"Content-Security-Policy": CSP, "X-Content-Type-Options": "nosniff",
                    "Referrer-Policy": "no-referrer", "X-Frame-Options": "DENY"}
MAX_BODY = 512 * 1024  # bytes of any request body: an article of 100k characters fits

# Query parameters shared by the API and the pages.
Text = Annotated[Optional[str], Query(max_length=200)]
Offset = Annotated[int, Query(ge=0, le=10_000_000, description="Items to skip.")]


def same_page(request: Request, **params) -> str:
    """This request's path and query with ``params`` changed: relative, so a link never
    carries the Host header a client sent."""
    url = request.url.include_query_params(**params)
    return f"{url.path}?{url.query}"


# -- errors: one shape ------------------------------------------------------------------------
_CODES = {400: "bad_request", 401: "unauthorized", 403: "forbidden", 404: "not_found",
          405: "method_not_allowed", 413: "too_large", 415: "unsupported_media_type",
          422: "invalid_request", 429: "rate_limited", 500: "internal", 503: "unavailable"}


def error_body(status: int, message: str, code: Optional[str] = None) -> dict:
    return {"error": {"status": status, "code": code or _CODES.get(status, "error"),
                      "message": message}}


def _wants_html(request: Request) -> bool:
    """Pages answer errors with a page; the API (and static files) with the JSON shape."""
    return not request.url.path.startswith(("/api/", "/static/"))


def _error(request: Request, status: int, message: str, code: Optional[str] = None,
           headers: Optional[dict] = None):
    if _wants_html(request):
        from .pages import error_page

        return error_page(request, status, message, headers)
    return JSONResponse(error_body(status, message, code), status_code=status, headers=headers)


def _validation_message(exc: RequestValidationError) -> str:
    parts = []
    for err in exc.errors()[:5]:
        where = ".".join(str(x) for x in err.get("loc", ()) if x not in ("query", "body"))
        parts.append(f"{where or 'request'}: {err.get('msg', 'invalid')}")
    return "; ".join(parts) or "invalid request"


def install_errors(app: FastAPI) -> None:
    @app.exception_handler(HTTPException)
    async def http_error(request: Request, exc: HTTPException):
        message = exc.detail if isinstance(exc.detail, str) else _CODES.get(exc.status_code,
                                                                             "error")
        return _error(request, exc.status_code, message, headers=getattr(exc, "headers", None))

    @app.exception_handler(RequestValidationError)
    async def invalid(request: Request, exc: RequestValidationError):
        return _error(request, 422, _validation_message(exc))

    @app.exception_handler(NotFoundError)
    async def not_found(request: Request, exc: NotFoundError):
        return _error(request, 404, str(exc))

    @app.exception_handler(ArticleError)
    async def bad_article(request: Request, exc: ArticleError):
        return _error(request, 422, str(exc), code=exc.code)

    @app.exception_handler(Limited)
    async def limited(request: Request, exc: Limited):
        return _error(request, 429, str(exc),
                      headers={"Retry-After": str(max(1, round(exc.retry_after)))})

    @app.exception_handler(StoreError)
    async def store_error(request: Request, exc: StoreError):
        log.warning("store: %s", printable(exc))
        return _error(request, 503, "the store is busy or unavailable; try again")

    @app.exception_handler(Exception)
    async def internal(request: Request, exc: Exception):
        trace = traceback.format_exception(exc)  # to the server's log, made printable
        log.error("internal error on %s\n%s", printable(request.url.path),
                  "\n".join(printable(line) for line in "".join(trace).splitlines()))
        # Answered outside the Guard middleware (by Starlette's outermost one): its headers here.
        return _error(request, 500, "internal error; the server log has the details",
                      headers=SECURITY_HEADERS)


# -- guards: body size and headers ------------------------------------------------------------
class Guard:
    """ASGI middleware: refuse request bodies over ``MAX_BODY`` (by header, or while they
    stream), and add the security headers to every response."""

    def __init__(self, app, max_body: int = MAX_BODY):
        self.app, self.max_body = app, max_body

    async def __call__(self, scope, receive, send):
        if scope["type"] != "http":
            return await self.app(scope, receive, send)
        length = dict(scope.get("headers") or []).get(b"content-length")
        if length is not None and (not length.isdigit() or int(length) > self.max_body):
            return await self._refuse(scope, receive, send)
        seen, over = 0, False

        async def counted():
            nonlocal seen, over
            message = await receive()
            seen += len(message.get("body", b""))
            if seen > self.max_body:
                over = True
                raise _TooLarge()
            return message

        async def with_headers(message):
            if over:  # the app's answer to a body it could not read (FastAPI: 400): ours is 413
                return
            if message["type"] == "http.response.start":
                headers = [(k, v) for k, v in message.get("headers", [])
                           if k.decode("latin-1").lower() not in _LOWER_SECURITY]
                headers += [(k.lower().encode(), v.encode()) for k, v in
                            SECURITY_HEADERS.items()]
                message = {**message, "headers": headers}
            await send(message)

        try:
            await self.app(scope, counted, with_headers)
        except Exception:  # _TooLarge, or what the app made of it
            if not over:
                raise
        if over:
            await self._refuse(scope, receive, send)

    async def _refuse(self, scope, receive, send):
        response = JSONResponse(error_body(413, f"request body over {self.max_body:,} bytes"),
                                status_code=413, headers=SECURITY_HEADERS)
        await response(scope, receive, send)


class _TooLarge(Exception):
    pass


_LOWER_SECURITY = {k.lower() for k in SECURITY_HEADERS}
