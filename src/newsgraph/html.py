"""Main text and metadata from an HTML page, with trafilatura.

Extraction runs in a helper process with a time limit (:data:`HTML_TIMEOUT`): some
markup makes it slow out of all proportion (one tag carrying 50,000 attributes, half a
megabyte, took 19 s here), and input must not be able to stall a run.  A page over the
limit fails alone with a one-line ``timeout`` error; the helper is replaced.
"""

from __future__ import annotations

import re
from datetime import date
from typing import Optional

from .errors import ArticleError
from .engines.helpers import HelperFailure, TimedHelper, serve_calls
from .model import Article

# A page is an article when it has at least this many words and one sentence: a run of six or
# more words ending in . ! or ? (a short news brief has both; a navigation bar, a cookie
# notice or a "Home About Contact  © 2021" shell has neither).
MIN_WORDS = 15
SENTENCE_WORDS = 6
_SENTENCE_END = re.compile(r"[.!?]+[\"'”’)]*(?:\s|$)")


def _has_sentence(text: str) -> bool:
    """Some line holds a run of ``SENTENCE_WORDS`` words ending in . ! or ?."""
    pieces = _SENTENCE_END.split(text)[:-1]  # each piece ends where a sentence ended
    return any(len(p.rsplit("\n", 1)[-1].split()) >= SENTENCE_WORDS for p in pieces)


def _date_params() -> dict:
    """htmldate without its extensive search: a date from the page's metadata (meta tags,
    JSON-LD, time elements, date-classed elements, the URL, a full date in the text), never
    a year guessed from a footer's copyright line."""
    return {"extensive_search": False, "original_date": True,
            "max_date": date.today().isoformat()}


HTML_TIMEOUT = 20.0  # seconds for one page


def article_from_html(html: str, art_id: str, origin: str,
                      timeout: Optional[float] = HTML_TIMEOUT) -> Article | ArticleError:
    """Extract text, title, date, author and site; refuse pages with no article text.

    With a ``timeout`` (the default) the work is done in the helper process and given
    that many seconds; ``timeout=None`` extracts in this process."""
    if timeout is None:
        return extract(html, art_id, origin)
    got = _EXTRACTOR.run((html, art_id, origin), timeout)
    if isinstance(got, HelperFailure):
        return ArticleError(got.why, origin=origin, article_id=art_id, code=got.code)
    return got


def extract(html: str, art_id: str, origin: str) -> Article | ArticleError:
    """Extract text, title, date, author and site in this process (no time limit).

    trafilatura tolerates malformed markup; when it finds no article text (fewer than
    ``MIN_WORDS`` words, or no sentence) the page is reported rather than stored.
    """
    import trafilatura

    try:
        doc = trafilatura.bare_extraction(html, with_metadata=True, include_comments=False,
                                          include_tables=False, favor_precision=True,
                                          date_extraction_params=_date_params())
    except Exception as exc:  # trafilatura raises varied errors on broken input
        return ArticleError(f"HTML could not be parsed: {exc}", origin=origin, code="bad-html")
    if doc is None:
        return ArticleError("no article text found in the HTML (0 words)", origin=origin,
                            code="bad-html")
    data = doc if isinstance(doc, dict) else doc.as_dict()
    text = (data.get("text") or "").strip()
    words = len(text.split())
    if words < MIN_WORDS or not _has_sentence(text):
        return ArticleError(f"no article text found in the HTML ({words} words"
                            + (")" if words < MIN_WORDS else ", no sentence)"),
                            origin=origin, code="bad-html")
    published = data.get("date")
    published = published[:10] if isinstance(published, str) and len(published) >= 10 else None
    return Article(id=art_id, text=text, title=data.get("title"), url=data.get("url"),
                   source=data.get("sitename") or data.get("hostname"),
                   author=data.get("author"), published=published, origin=origin)


def _serve(conn) -> None:
    """The helper process: extract each page it is sent until the pipe closes."""
    serve_calls(conn, extract, "trafilatura")


_EXTRACTOR = TimedHelper(_serve, extract, "newsgraph-html", "HTML extraction")
