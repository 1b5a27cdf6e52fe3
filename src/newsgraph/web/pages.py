"""The web pages: the view layer's dicts rendered by Jinja templates.

Templates autoescape everything; article text reaches the page only as escaped runs
(:mod:`.highlight`) and records only as escaped text or as a JSON data block (never
executed, read by ``static/app.js`` and shown with ``textContent``).  Links built from
an article's URL are kept only for http(s).
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Optional
from urllib.parse import quote, urlsplit

from fastapi import FastAPI, Form, Request
from fastapi.responses import HTMLResponse
from fastapi.staticfiles import StaticFiles
from fastapi.templating import Jinja2Templates

from .. import views
from ..errors import ArticleError
from . import highlight
from .http import Offset, Text, same_page

HERE = Path(__file__).parent
templates = Jinja2Templates(directory=str(HERE / "templates"))
templates.env.filters["q"] = lambda v: quote(str(v), safe="")
templates.env.filters["shorten"] = lambda v, n=160: (v if len(v or "") <= n else
                                                     (v[: n - 1].rstrip() + "…"))
PAGE = 25


def _http_only(url: Optional[str]) -> Optional[str]:
    """An article URL worth linking: http or https only (never ``javascript:``)."""
    if not url:
        return None
    try:
        scheme = urlsplit(url.strip()).scheme.lower()
    except ValueError:
        return None
    return url.strip() if scheme in ("http", "https") else None


templates.env.filters["http_only"] = _http_only


def render(request: Request, template: str, /, status: int = 200, headers=None, **context):
    return templates.TemplateResponse(request, template, context, status_code=status,
                                      headers=headers)


def error_page(request: Request, status: int, message: str, headers=None):
    return render(request, "error.html", status=status, headers=headers, status_code=status,
                  message=message)


def _date(value: Optional[str]) -> Optional[str]:
    """A date typed into a form: kept when it is one, dropped (not an error) when not."""
    if not value:
        return None
    try:
        return dt.date.fromisoformat(value.strip()).isoformat()
    except ValueError:
        return None


def _pager(request: Request, page: dict) -> dict:
    """Previous/next links that keep the other parameters."""
    offset, limit, total = page["offset"], page["limit"], page["total"]
    page["prev_url"] = same_page(request, offset=max(0, offset - limit)) if offset else None
    page["next_url"] = (same_page(request, offset=offset + limit)
                        if offset + limit < total else None)
    return page


def _article_context(article: dict) -> dict:
    """What the article template needs beyond the article: its runs and its records by
    the key the runs use, and the entity names the records point at."""
    names = {e["id"]: e["name"] for e in article.get("entities", [])}
    records = {}
    for kind in ("attributions", "entities", "events", "times", "quantities"):
        for r in article.get(kind, []):
            # ``list`` names the record's kind (a quote's own ``kind`` is direct/mixed/...).
            records[highlight.record_key(kind, r["id"])] = {**r, "list": kind}
    return {"runs": highlight.runs(article), "records": records, "names": names,
            "layers": highlight.LAYERS}


def install(app: FastAPI, server) -> None:  # noqa: C901 - one route each
    app.mount("/static", StaticFiles(directory=str(HERE / "static")), name="static")

    def listing(request: Request, what: str, offset: int, /, **filters) -> dict:
        with server.reader() as store:
            return _pager(request, views.listing(store, what, limit=PAGE, offset=offset,
                                                 **filters))

    @app.get("/", response_class=HTMLResponse, include_in_schema=False)
    def home(request: Request, q: Text = None, source: Text = None,
             since: Text = None, until: Text = None, offset: Offset = 0):
        page = listing(request, "articles", offset, search=q, source=source,
                       since=_date(since), until=_date(until))
        return render(request, "articles.html", page=page, q=q or "", source=source or "",
                      since=_date(since) or "", until=_date(until) or "")

    @app.get("/articles/{article_id:path}", response_class=HTMLResponse,
             include_in_schema=False)
    def article_page(request: Request, article_id: str):
        with server.reader() as store:
            article = views.article(store, article_id)
        return render(request, "article.html", article=article, stored=True,
                      **_article_context(article))

    @app.get("/quotes", response_class=HTMLResponse, include_in_schema=False)
    def quotes_page(request: Request, speaker: Text = None,
                    kind: Text = None, sourcing: Text = None, mode: Text = None,
                    offset: Offset = 0):
        page = listing(request, "quotes", offset, speaker=speaker, kind=kind,
                       sourcing=sourcing, mode=mode)
        return render(request, "quotes.html", page=page, speaker=speaker or "",
                      kind=kind or "", sourcing=sourcing or "", mode=mode or "")

    @app.get("/entities", response_class=HTMLResponse, include_in_schema=False)
    def entities_page(request: Request, name: Text = None,
                      label: Text = None, offset: Offset = 0):
        page = listing(request, "corpus-entities", offset, name=name, label=label)
        return render(request, "entities.html", page=page, name=name or "",
                      label=label or "")

    @app.get("/entities/{entity_id}", response_class=HTMLResponse, include_in_schema=False)
    def entity_page(request: Request, entity_id: str):
        with server.reader() as store:
            entity = views.corpus_entity(store, entity_id)
        return render(request, "entity.html", entity=entity)

    @app.get("/stories", response_class=HTMLResponse, include_in_schema=False)
    def stories_page(request: Request, q: Text = None, offset: Offset = 0):
        page = listing(request, "stories", offset, search=q)
        return render(request, "stories.html", page=page, q=q or "")

    @app.get("/stories/{story_id}", response_class=HTMLResponse, include_in_schema=False)
    def story_page(request: Request, story_id: str):
        with server.reader() as store:
            story = views.story(store, story_id)
        return render(request, "story.html", story=story)

    @app.get("/analyze", response_class=HTMLResponse, include_in_schema=False)
    def analyze_form(request: Request):
        return render(request, "analyze.html", text="", title="", date="", error=None)

    @app.post("/analyze", response_class=HTMLResponse, include_in_schema=False)
    def analyze_page(request: Request, text: str = Form(""), title: str = Form(""),
                     date: str = Form("")):
        # No length limits here: the body is capped, and a text that is too long comes
        # back in the form with the reason, instead of an error page that loses it.
        title, date = title[:1000], date[:20]
        try:
            article = server.analyze(request, lambda: views.analyze(
                server.analyzer, text, title=title or None, published=_date(date)))
        except ArticleError as exc:
            return render(request, "analyze.html", status=422, text=text, title=title,
                          date=date, error=str(exc))
        return render(request, "article.html", article=article, stored=False,
                      **_article_context(article))

    @app.get("/api/docs", response_class=HTMLResponse, include_in_schema=False)
    def docs(request: Request):
        return render(request, "docs.html", spec=app.openapi())

