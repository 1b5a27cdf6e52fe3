"""One web page (fetched, archived or linked from a feed) as an Article or an error."""

from __future__ import annotations

import codecs
import re
from typing import Iterator, Optional
from urllib.parse import urlsplit

from ..errors import ArticleError, EmptyInputError, EncodingError
from ..model import Article

_CHARSET = re.compile(r"charset\s*=\s*[\"']?([A-Za-z0-9._:-]+)", re.I)


def declared_charset(content_type: str) -> Optional[str]:
    """The codec named by a Content-Type's ``charset=``, if Python knows it."""
    match = _CHARSET.search(content_type or "")
    if not match:
        return None
    try:
        return codecs.lookup(match.group(1)).name
    except LookupError:
        return None


def decode_page(data: bytes, content_type: str, origin: str) -> str:
    """UTF-8, or the charset the Content-Type declares; bad bytes are refused, not guessed."""
    from ..ingest import decode_text

    charset = declared_charset(content_type)
    if charset in (None, "utf-8", "ascii"):
        return decode_text(data, origin)
    if not data.strip():
        raise EmptyInputError("page is empty", origin=origin)
    try:
        return data.decode(charset)
    except UnicodeDecodeError as exc:
        raise EncodingError(f"not valid {charset} as the page declares (bad byte "
                            f"0x{data[exc.start]:02x} at offset {exc.start})",
                            origin=origin) from None


def id_from_url(url: str) -> str:
    """The last path segment of a URL (as fetched URLs always were), or the URL itself."""
    return url.rstrip("/").rsplit("/", 1)[-1] or url


def page_article(data: bytes, content_type: str, url: str, art_id: str, origin: str
                 ) -> Article | ArticleError:
    """An HTML page through the HTML extractor, anything else as plain text.

    ``url`` is recorded unless the page names its own (canonical) URL; callers
    that know better (a WARC target, a feed link) set it afterwards."""
    from ..ingest import _HTML_START

    content_type = (content_type or "").lower()
    try:
        text = decode_page(data, content_type, origin)
    except ArticleError as exc:
        return exc
    if "html" in content_type or _HTML_START.match(data[:512]):
        from ..html import article_from_html

        item = article_from_html(text, art_id, origin)
    else:
        item = Article(id=art_id, text=text.replace("\r\n", "\n").replace("\r", "\n"),
                       origin=origin)
    if isinstance(item, Article):
        item.url = item.url or url
    return item


def host_of(url: str) -> Optional[str]:
    try:
        return urlsplit(url).hostname
    except ValueError:
        return None


def fetch_input(url: str, options):
    """The fetched response for an input URL, or the one-line ArticleError: URLs need
    ``--fetch``, and every fetch follows the same rules (:mod:`newsgraph.fetch`)."""
    if not options.fetch:
        return ArticleError("is a URL; pass --fetch to download it", origin=url, code="url")
    from ..fetch import fetch

    try:
        return fetch(url, timeout=options.timeout, max_bytes=options.max_bytes,
                     allow_private=options.allow_private)
    except ArticleError as exc:
        exc.origin = exc.origin or url
        return exc


def read_url(url: str, options) -> Iterator[Article | ArticleError]:
    """A URL given as an input: a feed yields its entries, anything else one article."""
    from .feeds import is_feed, read_feed

    got = fetch_input(url, options)
    if isinstance(got, ArticleError):
        yield got
        return
    if is_feed(got.body, got.content_type):
        yield from read_feed(got.body, url, options, base_url=got.url)
        return
    yield page_article(got.body, got.content_type, url, id_from_url(url), url)
