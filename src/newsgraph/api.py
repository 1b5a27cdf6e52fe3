"""``newsgraph serve``: the REST API and the web pages over one store, in one FastAPI app.

Every response is built by :mod:`newsgraph.views` (the same dicts for JSON and HTML);
this module routes the API, checks its parameters and describes it (OpenAPI, with the
response schemas read off the data model); :mod:`newsgraph.web.pages` routes the pages,
:mod:`newsgraph.web.http` holds the error shape, security headers and body limit, and
:mod:`newsgraph.web.server` the store access, analysis worker and rate limit.

* read-only by default; ``POST /api/ingest`` exists only when the server was started
  with a token, and needs it (``Authorization: Bearer TOKEN``);
* ``POST /api/analyze`` analyses a posted text without storing it, in a worker process
  with a time limit, size-capped and rate-limited per client.
"""

from __future__ import annotations

import datetime as dt
import hmac
import logging
from pathlib import Path
from typing import Annotated, Optional

from fastapi import Body, Depends, FastAPI, Query, Request
from fastapi.openapi.utils import get_openapi
from starlette.exceptions import HTTPException

from . import schema, views
from .errors import ArticleError
from .web.http import (CSP, MAX_BODY, SECURITY_HEADERS, Guard, Offset, Text, install_errors,
                       same_page)
from .web.server import Server

__all__ = ["CSP", "MAX_BODY", "SECURITY_HEADERS", "Server", "create_app", "serve"]


# -- the app ----------------------------------------------------------------------------------
Limit = Annotated[int, Query(ge=1, le=views.MAX_LIMIT, description="Items per page.")]


def _iso(value: Optional[dt.date]) -> Optional[str]:
    return value.isoformat() if value else None


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
    install_errors(app)
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
        with server.reader() as store:
            return _page(request, views.listing(store, what, limit=limit, offset=offset,
                                                **filters))

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
                    polarity: Text = None, mode: Text = None,
                    since: Optional[dt.date] = None,
                    until: Optional[dt.date] = None, story: Text = None,
                    dedupe: bool = False, limit: Limit = 50, offset: Offset = 0):
        """Attributions (direct, mixed, indirect): ``speaker`` matches the resolved speaker
        or the source's words, ``entity`` the speaker's exact name, ``mode`` is ``speech``
        or ``thought`` (believed, feared, wanted), ``polarity`` ``positive`` or ``negated``."""
        return listing(request, "quotes", limit, offset, speaker=speaker, entity=entity,
                       article=article, kind=kind, sourcing=sourcing, polarity=polarity,
                       mode=mode,
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

