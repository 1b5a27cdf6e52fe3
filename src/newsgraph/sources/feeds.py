"""Articles from RSS and Atom feeds: one article per entry, each entry's link fetched.

A feed is a local ``.rss``/``.atom`` file, a ``.xml`` file whose root element
is ``rss``, ``feed`` or ``rdf:RDF``, or a fetched URL whose content type or
body is a feed.  The feed is parsed with feedparser (from memory, never from a
URL or path: feedparser's own downloading is never used).

Each entry's link is fetched with the rules of :mod:`newsgraph.fetch` (only
with ``--fetch``; without it each entry is the usual "pass --fetch" error),
one at a time, each with its own deadline.  The entry's title and date take
precedence over what the page says, the entry's link is the article's URL, and
the feed's title stands in for a missing site name.  A bad entry is one error
line and the next entry is read.  At most :data:`MAX_FEED_ENTRIES` entries of
one feed are read; the rest are reported in one line.  The parse runs in a helper
process with a time limit (:data:`FEED_TIMEOUT`), like HTML extraction: a feed over
it fails alone with one line.
"""

from __future__ import annotations

import io
import re
from datetime import datetime
from email.utils import parsedate_tz
from typing import Iterator, Optional

from ..errors import ArticleError, EmptyInputError
from ..engines.helpers import HelperFailure, TimedHelper, serve_calls
from ..model import Article
from .web import fetch_input, id_from_url, page_article

MAX_FEED_ENTRIES = 500
FEED_TIMEOUT = 20.0  # seconds to parse one feed (see read_feed)
ENTRY_FIELDS = ("link", "title", "author", "published", "updated", "created",
                "published_parsed", "updated_parsed", "created_parsed")
FEED_SUFFIXES = {".rss", ".atom"}
FEED_TYPES = ("application/rss+xml", "application/atom+xml", "application/rdf+xml")
_FEED_ROOT = re.compile(
    rb"^(?:\xef\xbb\xbf)?(?:\s+|<\?[^>]*\?>|<!--.*?-->|<!DOCTYPE[^>\[]*(?:\[.*?\])?\s*>)*"
    rb"<(?:rss|feed|rdf:RDF)[\s>/]", re.S | re.I)
_ISO_DAY = re.compile(r"^\s*(\d{4})-(\d{2})-(\d{2})")


def looks_like_feed(data: bytes) -> bool:
    """True when the document's root element is ``rss``, ``feed`` or ``rdf:RDF``."""
    return bool(_FEED_ROOT.match(data[:16384]))


def is_feed(data: bytes, content_type: str) -> bool:
    """A fetched body is a feed if its content type says so or its root element does."""
    content_type = (content_type or "").lower()
    if "json" in content_type:
        return False
    return any(t in content_type for t in FEED_TYPES) or looks_like_feed(data)


def read_feed(data: bytes, origin: str, options, base_url: Optional[str] = None,
              timeout: Optional[float] = FEED_TIMEOUT) -> Iterator[Article | ArticleError]:
    """Yield an Article or an ArticleError for each entry of the feed in ``data``.

    The feed is parsed in a helper process given ``timeout`` seconds (``None``: in this
    process, no limit): feedparser's time grows with the markup, and 1.2 MB of nested
    tags in one description took it 20 s in the process that feeds the workers."""
    parsed = _PARSER.run((data, base_url, origin), timeout) if timeout is not None else \
        parse_feed(data, base_url, origin)
    if isinstance(parsed, HelperFailure):
        parsed = ArticleError(parsed.why, origin=origin, code=parsed.code)
    if isinstance(parsed, ArticleError):
        yield parsed
        return
    entries = parsed["entries"]
    if not entries:
        if parsed["bozo"] is not None:
            yield ArticleError(f"not a readable RSS or Atom feed: {parsed['bozo']}",
                               origin=origin, code="bad-feed")
        else:
            yield EmptyInputError("feed has no entries", origin=origin)
        return
    if parsed["count"] > MAX_FEED_ENTRIES:
        yield ArticleError(f"feed has {parsed['count']} entries; only the first "
                           f"{MAX_FEED_ENTRIES} are read", origin=origin, code="feed-cap")
    feed_title = _text(parsed["title"])
    seen: set[str] = set()
    for number, entry in enumerate(entries, start=1):
        link = (entry.get("link") or "").strip()
        if not link:
            yield ArticleError(f"entry {number} has no link", origin=f"{origin}#{number}",
                               code="bad-feed")
            continue
        if link in seen:
            continue
        seen.add(link)
        if not re.match(r"^https?://", link, re.I):
            yield ArticleError(f"entry {number} links to {link[:200]!r}, not an http(s) URL",
                               origin=f"{origin}#{number}", code="bad-feed")
            continue
        yield _entry_article(entry, link, feed_title, options)


def parse_feed(data: bytes, base_url: Optional[str], origin: str) -> dict | ArticleError:
    """Parse a feed in this process: its title, entry count, and the fields read from the
    first :data:`MAX_FEED_ENTRIES` entries (plain, picklable data), or the error."""
    import feedparser

    headers = {"content-location": base_url} if base_url else {}
    try:
        parsed = feedparser.parse(io.BytesIO(data), response_headers=headers,
                                  sanitize_html=False)
    except Exception as exc:  # feedparser is tolerant, but keep one bad feed one line
        return ArticleError(f"feed could not be parsed: {type(exc).__name__}", origin=origin,
                            code="bad-feed")
    entries = parsed.get("entries") or []
    bozo = None
    if parsed.get("bozo"):
        bozo = " ".join(str(parsed.get("bozo_exception", "")).split())[:160]
    return {"title": parsed.get("feed", {}).get("title"), "count": len(entries), "bozo": bozo,
            "entries": [{key: entry.get(key) for key in ENTRY_FIELDS}
                        for entry in entries[:MAX_FEED_ENTRIES]]}


def _serve(conn) -> None:
    """The helper process: parse each feed it is sent until the pipe closes."""
    serve_calls(conn, parse_feed, "feedparser")


_PARSER = TimedHelper(_serve, parse_feed, "newsgraph-feed", "feed parsing")


def _entry_article(entry, link: str, feed_title: Optional[str], options
                   ) -> Article | ArticleError:
    got = fetch_input(link, options)
    if isinstance(got, ArticleError):
        return got
    item = page_article(got.body, got.content_type, link, id_from_url(link), link)
    if isinstance(item, Article):
        item.url = link
        item.title = _text(entry.get("title")) or item.title
        item.published = entry_date(entry) or item.published
        item.author = item.author or _text(entry.get("author"))
        item.source = item.source or feed_title
    return item


def entry_date(entry) -> Optional[str]:
    """The entry's publication (else update) day as YYYY-MM-DD, in the feed's own time zone."""
    for key in ("published", "updated", "created"):
        raw = _text(entry.get(key))
        if not raw:
            continue
        iso = _ISO_DAY.match(raw)
        if iso and _real_day(*iso.groups()):
            return "-".join(iso.groups())
        stamp = parsedate_tz(raw)
        if stamp and _real_day(f"{stamp[0]:04d}", f"{stamp[1]:02d}", f"{stamp[2]:02d}"):
            return f"{stamp[0]:04d}-{stamp[1]:02d}-{stamp[2]:02d}"
        parsed = entry.get(f"{key}_parsed")
        if parsed:
            return f"{parsed.tm_year:04d}-{parsed.tm_mon:02d}-{parsed.tm_mday:02d}"
    return None


def _real_day(year: str, month: str, day: str) -> bool:
    try:
        datetime(int(year), int(month), int(day))
        return True
    except ValueError:
        return False


def _text(value) -> Optional[str]:
    if not isinstance(value, str):
        return None
    value = " ".join(value.split())
    return value or None
