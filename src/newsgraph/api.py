"""``newsgraph serve``: the REST API and the web pages over one store, in one FastAPI app.

Every response is built by :mod:`newsgraph.views` (the same dicts for JSON and HTML);
this module only routes, checks parameters, guards and reports errors:

* read-only by default; ``POST /api/ingest`` exists only when the server was started
  with a token, and needs it (``Authorization: Bearer TOKEN``);
* ``POST /api/analyze`` analyses a posted text without storing it, in a worker process
  with a time limit, size-capped and rate-limited per client;
* every error, of any route under ``/api``, is ``{"error": {"status", "code",
  "message"}}``; no stack trace reaches a client;
* every response carries a Content-Security-Policy that allows only this server's own
  script and style, so text from an article can never run as code in a page.
"""

from __future__ import annotations

import atexit
import datetime as dt
import hmac
import logging
import threading
import time
import traceback
from contextlib import contextmanager
from pathlib import Path
from typing import Annotated, Iterator, Optional

from fastapi import Body, Depends, FastAPI, Query, Request
from fastapi.exceptions import RequestValidationError
from fastapi.openapi.utils import get_openapi
from fastapi.responses import JSONResponse
from starlette.exceptions import HTTPException

from . import schema, views
from .errors import ArticleError, NotFoundError, StoreError
from .store import Store
from .terminal import printable

log = logging.getLogger("newsgraph.serve")

CSP = ("default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
       "connect-src 'self'; form-action 'self'; base-uri 'none'; frame-ancestors 'none'")
SECURITY_HEADERS = {"Content-Security-Policy": CSP, "X-Content-Type-Options": "nosniff",
                    "Referrer-Policy": "no-referrer", "X-Frame-Options": "DENY"}
MAX_BODY = 512 * 1024  # bytes of any request body: an article of 100k characters fits


class Limited(Exception):
    """A client asked for more than its share (HTTP 429)."""

    def __init__(self, retry_after: float):
        super().__init__(f"too many analyses from this client; try again in "
                         f"{max(1, round(retry_after))} s")
        self.retry_after = retry_after


class RateLimit:
    """A token bucket per client address: ``burst`` requests at once, then one per
    ``60 / per_minute`` seconds."""

    def __init__(self, per_minute: float = 20, burst: int = 5):
        if per_minute <= 0 or burst < 1:
            raise ValueError("a rate limit needs a positive rate and a burst of at least 1")
        self.rate, self.burst = per_minute / 60.0, burst
        self.buckets: dict[str, tuple[float, float]] = {}
        self.lock = threading.Lock()

    def take(self, client: str) -> None:
        now = time.monotonic()
        with self.lock:
            if len(self.buckets) > 10_000:  # forget idle clients; memory stays bounded
                self.buckets = {k: v for k, v in self.buckets.items() if now - v[1] < 600}
            tokens, then = self.buckets.get(client, (float(self.burst), now))
            tokens = min(self.burst, tokens + (now - then) * self.rate)
            if tokens < 1:
                raise Limited((1 - tokens) / self.rate)
            self.buckets[client] = (tokens - 1, now)


class Server:
    """What the routes share: the store, the analysis worker, the limits, the token.

    Read-only, the server opens the file when a request comes and lets go of it once no
    request has come for ``RELEASE_AFTER`` seconds: DuckDB lets one process write a file
    or several read it, so an ``ingest`` into the same file gets its turn between bursts
    of requests (and a request waits while a batch is written).  With a token the server
    may write (``POST /api/ingest``), so it holds the file read-write for its lifetime."""

    RELEASE_AFTER = 1.0  # seconds without a request before the file is let go
    MAX_WAITING = 4  # analyses running or queued; more are refused (503), not piled up

    def __init__(self, db: str | Path, token: Optional[str] = None,
                 article_timeout: float = 30.0, analyses_per_minute: float = 20):
        from .engines.local import Analyzer

        self.db = str(db)
        self.token = token or None
        self.write_lock = threading.Lock()
        self.analyzer = Analyzer(article_timeout)
        self.limit = RateLimit(analyses_per_minute)
        self.queue = threading.BoundedSemaphore(self.MAX_WAITING)
        self._lock = threading.Lock()
        self._users = 0
        self._last_use = 0.0
        self._stop = threading.Event()
        self._store: Optional[Store] = Store(self.db, read_only=self.token is None)
        self._releaser: Optional[threading.Thread] = None
        if self.token is None:
            self._releaser = threading.Thread(target=self._release_when_idle, daemon=True,
                                              name="newsgraph-store-release")
            self._releaser.start()
            # Stopped before the interpreter finalizes: a daemon thread still inside DuckDB
            # then would abort the process.
            atexit.register(self._stop_releasing)

    @property
    def store(self) -> Store:
        """The open store (opened now if it was let go)."""
        with self._lock:
            if self._store is None:
                self._store = Store(self.db, read_only=self.token is None)
            return self._store

    def analyze(self, request: Request, run):
        """``run()`` for an analysis asked by ``request``'s client: within its rate, and
        only while few analyses wait (the one worker takes them one at a time)."""
        self.limit.take(request.client.host if request.client else "?")
        if not self.queue.acquire(blocking=False):
            raise HTTPException(503, "the server is busy analysing; try again shortly")
        try:
            return run()
        finally:
            self.queue.release()

    @contextmanager
    def reader(self) -> Iterator[Store]:
        """The store on a cursor of its own, for one request."""
        with self._lock:
            if self._store is None:
                self._store = Store(self.db, read_only=True)
            self._users += 1
            store = self._store.cursor()
        try:
            yield store
        finally:
            store.close()
            with self._lock:
                self._users -= 1
                self._last_use = time.monotonic()

    def _release_when_idle(self) -> None:
        while not self._stop.wait(self.RELEASE_AFTER / 4):
            with self._lock:
                idle = time.monotonic() - self._last_use > self.RELEASE_AFTER
                if self._store is not None and self._users == 0 and idle:
                    self._store.close()
                    self._store = None

    def _stop_releasing(self) -> None:
        self._stop.set()
        if self._releaser is not None:
            self._releaser.join(5)

    def close(self) -> None:
        self._stop_releasing()
        self.analyzer.close()
        with self._lock:
            if self._store is not None:
                self._store.close()
                self._store = None


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
        from .web.pages import error_page

        return error_page(request, status, message, headers)
    return JSONResponse(error_body(status, message, code), status_code=status, headers=headers)


def _validation_message(exc: RequestValidationError) -> str:
    parts = []
    for err in exc.errors()[:5]:
        where = ".".join(str(x) for x in err.get("loc", ()) if x not in ("query", "body"))
        parts.append(f"{where or 'request'}: {err.get('msg', 'invalid')}")
    return "; ".join(parts) or "invalid request"


def _install_errors(app: FastAPI) -> None:
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


# -- the app ----------------------------------------------------------------------------------
Text = Annotated[Optional[str], Query(max_length=200)]
Limit = Annotated[int, Query(ge=1, le=views.MAX_LIMIT, description="Items per page.")]
Offset = Annotated[int, Query(ge=0, le=10_000_000, description="Items to skip.")]


def _iso(value: Optional[dt.date]) -> Optional[str]:
    return value.isoformat() if value else None


def _clean(value: Optional[str]) -> Optional[str]:
    """A text filter as the store takes it: NUL characters cannot match anything."""
    return value.replace("\x00", "") if value else value


def same_page(request: Request, **params) -> str:
    """This request's path and query with ``params`` changed: relative, so a link never
    carries the Host header a client sent."""
    url = request.url.include_query_params(**params)
    return f"{url.path}?{url.query}"


def _page(request: Request, page: dict) -> dict:
    end = page["offset"] + page["limit"]
    page["next"] = same_page(request, offset=end) if end < page["total"] else None
    return page


def create_app(db: str | Path, *, token: Optional[str] = None,
               article_timeout: float = 30.0, analyses_per_minute: float = 20) -> FastAPI:
    """The app over the store at ``db``.  ``token`` turns on ``POST /api/ingest``."""
    server = Server(db, token, article_timeout, analyses_per_minute)
    app = FastAPI(title="newsgraph", version=_version(),
                  description="Who said what, who did what to whom, when and how much: "
                  "every record with character offsets into its article.",
                  openapi_url="/api/openapi.json", docs_url=None, redoc_url=None)
    app.state.server = server
    app.router.add_event_handler("shutdown", server.close)
    _install_errors(app)
    _api_routes(app, server)
    from .web.pages import install as install_pages

    install_pages(app, server)
    app.openapi = lambda: _openapi(app)
    app.add_middleware(Guard)
    return app


def _version() -> str:
    from . import __version__

    return __version__


def _api_routes(app: FastAPI, server: Server) -> None:  # noqa: C901 - one route each
    def listing(request: Request, what: str, limit: int, offset: int, /, **filters) -> dict:
        clean = {k: _clean(v) if isinstance(v, str) else v for k, v in filters.items()}
        with server.reader() as store:
            return _page(request, views.listing(store, what, limit=limit, offset=offset,
                                                **clean))

    page = {"responses": {200: {"description": "One page of items and the total."}}}

    @app.get("/api/articles", tags=["articles"], summary="List articles", **page)
    def list_articles(request: Request, q: Text = None, source: Text = None,
                      since: Optional[dt.date] = None, until: Optional[dt.date] = None,
                      story: Text = None, dedupe: bool = False, limit: Limit = 50,
                      offset: Offset = 0):
        """Articles, oldest first; ``q`` searches title and text, ``dedupe`` leaves out
        syndicated copies."""
        return listing(request, "articles", limit, offset, search=q, source=source,
                       since=_iso(since), until=_iso(until), story=story, dedupe=dedupe)

    @app.get("/api/articles/{article_id:path}", tags=["articles"],
             summary="One article with all its records",
             responses={200: {"content": {"application/json": {"schema": schema_ref(
                 "StoredArticle")}}}, 404: _ERROR_RESPONSE})
    def get_article(article_id: str):
        """The article as ``newsgraph analyze --json`` prints it, plus its story, copy
        group, copies and each entity's corpus entity."""
        with server.reader() as store:
            return views.article(store, article_id)

    @app.get("/api/quotes", tags=["records"], summary="Search quotes", **page)
    def list_quotes(request: Request, speaker: Text = None, entity: Text = None,
                    article: Text = None, kind: Text = None, sourcing: Text = None,
                    polarity: Text = None, since: Optional[dt.date] = None,
                    until: Optional[dt.date] = None, story: Text = None,
                    dedupe: bool = False, limit: Limit = 50, offset: Offset = 0):
        """Attributions (direct, mixed, indirect): ``speaker`` matches the resolved speaker
        or the source's words, ``entity`` the speaker's exact name."""
        return listing(request, "quotes", limit, offset, speaker=speaker, entity=entity,
                       article=article, kind=kind, sourcing=sourcing, polarity=polarity,
                       since=_iso(since), until=_iso(until), story=story, dedupe=dedupe)

    @app.get("/api/entities", tags=["records"], summary="Search entities", **page)
    def list_entities(request: Request, name: Text = None, label: Text = None,
                      article: Text = None, corpus_entity: Text = None, limit: Limit = 50,
                      offset: Offset = 0):
        """People, organisations and places of each article, with their mentions."""
        return listing(request, "entities", limit, offset, name=name, label=label,
                       article=article, corpus_entity=corpus_entity)

    @app.get("/api/events", tags=["records"], summary="Search events", **page)
    def list_events(request: Request, actor: Text = None, target: Text = None,
                    type: Text = None, modality: Text = None, article: Text = None,
                    since: Optional[dt.date] = None, until: Optional[dt.date] = None,
                    story: Text = None, dedupe: bool = False, limit: Limit = 50,
                    offset: Offset = 0):
        """PLOVER events; dates are the event's own when it has one."""
        return listing(request, "events", limit, offset, actor=actor, target=target,
                       type=type, modality=modality, article=article, since=_iso(since),
                       until=_iso(until), story=story, dedupe=dedupe)

    @app.get("/api/times", tags=["records"], summary="Search time expressions", **page)
    def list_times(request: Request, type: Text = None, value: Text = None,
                   article: Text = None, limit: Limit = 50, offset: Offset = 0):
        return listing(request, "times", limit, offset, type=type, value=value,
                       article=article)

    @app.get("/api/quantities", tags=["records"], summary="Search quantities", **page)
    def list_quantities(request: Request, unit: Text = None, min: Optional[float] = None,
                        max: Optional[float] = None, article: Text = None,
                        limit: Limit = 50, offset: Offset = 0):
        return listing(request, "quantities", limit, offset, unit=unit, min_value=min,
                       max_value=max, article=article)

    @app.get("/api/stories", tags=["corpus"], summary="List stories", **page)
    def list_stories(request: Request, q: Text = None, since: Optional[dt.date] = None,
                     until: Optional[dt.date] = None, limit: Limit = 50, offset: Offset = 0):
        """Articles grouped by real-world story, biggest first."""
        return listing(request, "stories", limit, offset, search=q, since=_iso(since),
                       until=_iso(until))

    @app.get("/api/stories/{story_id}", tags=["corpus"], summary="One story in time order",
             responses={404: _ERROR_RESPONSE})
    def get_story(story_id: str):
        with server.reader() as store:
            return views.story(store, story_id)

    @app.get("/api/corpus-entities", tags=["corpus"], summary="Entities across articles",
             **page)
    def list_corpus_entities(request: Request, name: Text = None, label: Text = None,
                             limit: Limit = 50, offset: Offset = 0):
        """One person, organisation or place under all its spellings, most reported first."""
        return listing(request, "corpus-entities", limit, offset, name=name, label=label)

    @app.get("/api/corpus-entities/{entity_id}", tags=["corpus"],
             summary="One entity across articles, with its timeline",
             responses={404: _ERROR_RESPONSE})
    def get_corpus_entity(entity_id: str):
        with server.reader() as store:
            return views.corpus_entity(store, entity_id)

    @app.post("/api/analyze", tags=["analyze"], summary="Analyse a text without storing it",
              responses={200: {"content": {"application/json": {"schema": schema_ref(
                  "AnalysedArticle")}}}, **_POSTED_ERRORS})
    def analyze(request: Request, posted: Annotated[Posted, Body()]):
        """The text's records, as ``newsgraph analyze --json`` gives them.  At most
        100,000 characters; a few analyses per minute per client."""
        return server.analyze(request, lambda: views.analyze(
            server.analyzer, posted.text, title=posted.title,
            published=_iso(posted.published)))

    def token_required(request: Request) -> None:
        """Checked before the body is validated: without the token, nothing is told."""
        _check_token(request, server.token)

    if server.token:
        @app.post("/api/ingest", tags=["ingest"], summary="Analyse and store an article",
                  responses={401: _ERROR_RESPONSE, **_POSTED_ERRORS},
                  dependencies=[Depends(token_required)])
        def ingest(request: Request, posted: Annotated[PostedArticle, Body()]):
            """Store one article (needs the server's token as a Bearer token).  Returns
            the id it is stored under and whether it was new (a text stored before, under
            any id, is not stored twice: its first id is returned)."""
            return server.analyze(request, lambda: _ingest(server, posted))


from pydantic import BaseModel, Field  # noqa: E402 - request bodies only


class Posted(BaseModel):
    """A text to analyse."""

    text: str = Field(max_length=views.MAX_ANALYZE_CHARS)
    title: Optional[str] = Field(None, max_length=1000)
    published: Optional[dt.date] = Field(None, description="Publication date: the anchor "
                                         "for relative times (\"yesterday\").")


class PostedArticle(Posted):
    """An article to store."""

    id: str = Field(min_length=1, max_length=300)
    url: Optional[str] = Field(None, max_length=2000)
    source: Optional[str] = Field(None, max_length=300)
    author: Optional[str] = Field(None, max_length=300)


_ERROR_RESPONSE = {"description": "An error", "content": {"application/json": {
    "schema": {"$ref": "#/components/schemas/Error"}}}}
# What a posted body can meet: not decodable (400), too large (413), invalid (422), over
# the client's rate (429), the worker's queue full (503).
_POSTED_ERRORS = {status: _ERROR_RESPONSE for status in (400, 413, 422, 429, 503)}


def schema_ref(name: str) -> dict:
    return {"$ref": f"#/components/schemas/{name}"}


def _check_token(request: Request, token: str) -> None:
    given = request.headers.get("authorization", "")
    if not hmac.compare_digest(given.encode(), f"Bearer {token}".encode()):
        raise HTTPException(401, "this endpoint needs the server's token "
                            "(Authorization: Bearer TOKEN)")


def _ingest(server: Server, posted: PostedArticle) -> dict:
    from .corpus import linker
    from .ingest import article_from_record
    from .pipeline import stage_versions

    item = article_from_record({**posted.model_dump(exclude={"published"}),
                                "published": _iso(posted.published)}, origin="api")
    if isinstance(item, ArticleError):
        raise item
    result = server.analyzer.analyze(item)
    if isinstance(result, ArticleError):
        raise result
    with server.write_lock:
        writer = server.store.cursor()
        try:
            stored = writer.save_many([result], stage_versions())[0]
            if stored:
                linker.link(writer)
        finally:
            writer.close()
        stored_id = item.id if stored else writer_id(server, item.hash)
    return {"id": stored_id, "hash": item.hash, "stored": stored}


def writer_id(server: Server, content_hash: str) -> str:
    """The id a text was first stored under."""
    return server.store.con.execute("SELECT id FROM articles WHERE hash = ?",
                                    [content_hash]).fetchone()[0]


def _openapi(app: FastAPI) -> dict:
    """FastAPI's description of the routes, with the response schemas read off the data
    model (:mod:`newsgraph.schema`) and the one error shape."""
    if app.openapi_schema:
        return app.openapi_schema
    spec = get_openapi(title=app.title, version=app.version, description=app.description,
                       routes=app.routes)
    article, records = schema.analysed_article()
    stored, _ = schema.analysed_article({
        "story": {"anyOf": [{"type": "string"}, {"type": "null"}]},
        "copy_group": {"anyOf": [{"type": "string"}, {"type": "null"}]},
        "copy_score": {"anyOf": [{"type": "number"}, {"type": "null"}]},
        "corpus_entities": {"type": "object", "additionalProperties": {"type": "string"}},
        "copies": {"type": "array", "items": {"type": "object"}}})
    components = spec.setdefault("components", {}).setdefault("schemas", {})
    components.update(records)
    components["AnalysedArticle"] = article
    components["StoredArticle"] = stored
    components["Error"] = {"type": "object", "required": ["error"], "properties": {
        "error": {"type": "object", "required": ["status", "code", "message"], "properties": {
            "status": {"type": "integer"}, "code": {"type": "string"},
            "message": {"type": "string"}}}}}
    # Invalid parameters answer in the one error shape, not FastAPI's {"detail": [...]}.
    for operation in (op for ops in spec["paths"].values() for op in ops.values()):
        if "422" in operation.get("responses", {}):
            operation["responses"]["422"] = _ERROR_RESPONSE
    for name in ("HTTPValidationError", "ValidationError"):
        components.pop(name, None)
    # A page of a listing: its items (records with their article's id, title and date).
    of_article = {"type": "object", "required": ["article"], "properties": {
        "article": {"type": "string"},
        "article_title": {"anyOf": [{"type": "string"}, {"type": "null"}]},
        "published": {"anyOf": [{"type": "string"}, {"type": "null"}]}}}
    for kind, record in (("quotes", "Attribution"), ("entities", "Entity"), ("events", "Event"),
                         ("times", "TimeExpression"), ("quantities", "Quantity"),
                         ("articles", None), ("stories", None), ("corpus-entities", None)):
        item = ({"allOf": [schema_ref(record), of_article]} if record else
                {"type": "object", "required": ["id"], "properties": {"id": {"type": "string"}}})
        name = "".join(w.title() for w in kind.split("-")) + "Page"
        components[name] = {"type": "object", "required": ["items", "total", "limit", "offset",
                                                           "next"], "properties": {
            "items": {"type": "array", "items": item}, "total": {"type": "integer"},
            "limit": {"type": "integer"}, "offset": {"type": "integer"},
            "next": {"anyOf": [{"type": "string"}, {"type": "null"}]}}}
        ok = spec["paths"][f"/api/{kind}"]["get"]["responses"]["200"]
        ok["content"] = {"application/json": {"schema": schema_ref(name)}}
    app.openapi_schema = spec
    return spec


def serve(db: str | Path, host: str = "127.0.0.1", port: int = 8000,
          token: Optional[str] = None) -> None:
    """Run the app with uvicorn until interrupted."""
    import uvicorn

    app = create_app(db, token=token)
    logging.basicConfig(level=logging.INFO, format="%(message)s")
    uvicorn.run(app, host=host, port=port, access_log=False, log_level="warning",
                server_header=False)

