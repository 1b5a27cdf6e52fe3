"""Main text and metadata from an HTML page, with trafilatura."""

from __future__ import annotations

from .errors import ArticleError
from .model import Article


def article_from_html(html: str, art_id: str, origin: str) -> Article | ArticleError:
    """Extract text, title, date, author and site; refuse pages with no article text.

    trafilatura tolerates malformed markup; when it finds no main text at all
    the page is reported rather than stored empty.
    """
    import trafilatura

    try:
        doc = trafilatura.bare_extraction(html, with_metadata=True, include_comments=False,
                                          include_tables=False, favor_precision=True)
    except Exception as exc:  # trafilatura raises varied errors on broken input
        return ArticleError(f"HTML could not be parsed: {exc}", origin=origin, code="bad-html")
    if doc is None:
        return ArticleError("no article text found in the HTML", origin=origin, code="bad-html")
    data = doc if isinstance(doc, dict) else doc.as_dict()
    text = (data.get("text") or "").strip()
    if not text:
        return ArticleError("no article text found in the HTML", origin=origin, code="bad-html")
    published = data.get("date")
    published = published[:10] if isinstance(published, str) and len(published) >= 10 else None
    return Article(id=art_id, text=text, title=data.get("title"), url=data.get("url"),
                   source=data.get("sitename") or data.get("hostname"),
                   author=data.get("author"), published=published, origin=origin)
