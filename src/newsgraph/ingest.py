"""Turn paths, globs, folders, stdin and (optionally) URLs into Articles.

Every input item yields either an :class:`~newsgraph.model.Article` or the
:class:`~newsgraph.errors.ArticleError` that says, in one line, why it cannot
be used.  Nothing here raises for a bad item: the caller reports it and goes on.

Formats:

* ``.txt`` (or anything not recognised): plain UTF-8 text; the id is the file
  name without extension.
* ``.html`` / ``.htm`` (or text that starts like HTML): main text, title,
  date, author and site extracted with trafilatura.
* ``.jsonl``: one article per line: ``id``, ``text``, optional ``title``,
  ``published`` (YYYY-MM-DD), ``url``, ``source``.  Streamed line by line, so a
  file of a million articles is never held in memory.
* ``.warc`` / ``.warc.gz``: every HTML or text response record (status 200) of a
  web archive, streamed record by record (see :mod:`newsgraph.sources.warc`).
* ``.rss`` / ``.atom`` (or ``.xml`` whose root is ``rss``/``feed``): one article
  per entry, each entry's link fetched (only with ``fetch=True``; see
  :mod:`newsgraph.sources.feeds`).
* ``-``: standard input, in any of the formats above.
* ``http(s)://`` addresses: only with ``fetch=True`` (see :mod:`newsgraph.fetch`); a
  URL that serves a feed yields its entries.
"""

from __future__ import annotations

import glob
import json
import re
import sys
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import IO, Iterable, Iterator, Optional

from .errors import (ArticleError, BadRecordError, BinaryInputError, EmptyInputError,
                     EncodingError, TooLargeError)
from .model import Article

MAX_BYTES = 5_000_000  # one article; a 50 MB "article" is a mistake, not news
TEXT_SUFFIXES = {".txt", ".text", ".md", ""}
HTML_SUFFIXES = {".html", ".htm", ".xhtml"}
JSONL_SUFFIXES = {".jsonl", ".ndjson"}
WARC_SUFFIXES = {".warc"}  # and ".warc.gz", matched on the whole name
FEED_SUFFIXES = {".rss", ".atom"}  # and ".xml" whose root element is a feed
KNOWN_SUFFIXES = TEXT_SUFFIXES | HTML_SUFFIXES | JSONL_SUFFIXES | WARC_SUFFIXES | FEED_SUFFIXES
_HTML_START = re.compile(rb"^\s*(<!doctype html|<html|<head|<body|<article|<div|<p[\s>])", re.I)
_ISO_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")


@dataclass
class IngestOptions:
    """How to read inputs: the fallback publication date and URL fetching rules."""

    date: Optional[str] = None  # YYYY-MM-DD for items that carry no date of their own
    fetch: bool = False
    allow_private: bool = False
    timeout: float = 20.0
    max_bytes: int = MAX_BYTES


def read_inputs(inputs: Iterable[str], options: Optional[IngestOptions] = None,
                stdin: Optional[IO[bytes]] = None) -> Iterator[Article | ArticleError]:
    """Yield an Article or an ArticleError for every item the inputs name, in order."""
    options = options or IngestOptions()
    if options.date is not None:
        check_date(options.date, "--date")
    for spec in inputs:
        if spec == "-":
            stream = stdin or sys.stdin.buffer
            yield from _with_date(read_stream(stream, "stdin", options), options)
        elif re.match(r"^https?://", spec, re.I):
            yield from _with_date(_read_url(spec, options), options)
        else:
            paths = expand(spec)
            if not paths:
                yield ArticleError("no such file, folder or matching glob", origin=spec,
                                   code="not-found")
            for path in paths:
                yield from _with_date(read_file(path, options), options)


def expand(spec: str) -> list[Path]:
    """A file, every known file under a folder, or the files a glob matches; sorted."""
    path = Path(spec)
    if path.is_dir():
        return sorted(p for p in path.rglob("*") if p.is_file() and not p.name.startswith(".")
                      and (p.suffix.lower() in KNOWN_SUFFIXES - {""}
                           or p.name.lower().endswith(".warc.gz")))
    if path.exists():
        return [path]
    if any(ch in spec for ch in "*?["):
        return sorted(Path(p) for p in glob.glob(spec, recursive=True) if Path(p).is_file())
    return []


def count_items(inputs: Iterable[str]) -> Optional[int]:
    """How many items the inputs hold (JSON Lines counted by line), or None if unknown."""
    total = 0
    for spec in inputs:
        if spec == "-" or re.match(r"^https?://", spec, re.I):
            if spec == "-":
                return None
            total += 1
            continue
        for path in expand(spec) or [None]:
            if path is None:
                total += 1
            elif path.suffix.lower() in JSONL_SUFFIXES:
                try:
                    with open(path, "rb") as fh:
                        total += sum(1 for line in bounded_lines(fh, 1 << 16)
                                     if isinstance(line, int) or line.strip())
                except OSError:  # reported as one failed item when it is read
                    total += 1
            elif (path.suffix.lower() in FEED_SUFFIXES | {".xml"}
                  or path.name.lower().endswith((".warc", ".warc.gz"))):
                return None  # archives and feeds hold an unknown number of articles
            else:
                total += 1
    return total


def read_file(path: Path, options: IngestOptions) -> Iterator[Article | ArticleError]:
    origin = str(path)
    suffix = path.suffix.lower()
    if suffix in JSONL_SUFFIXES:
        try:
            fh = open(path, "rb")
        except OSError as exc:  # unreadable: this file fails, the other inputs go on
            yield ArticleError(f"cannot read: {exc.strerror or exc}", origin=origin,
                               code="unreadable")
            return
        with fh:
            yield from read_jsonl(fh, origin, options)
        return
    if path.name.lower().endswith((".warc", ".warc.gz")):
        from .sources.warc import read_warc

        yield from read_warc(path, options)
        return
    try:
        size = path.stat().st_size
        if size > options.max_bytes:
            yield TooLargeError(f"file is {size / 1e6:.1f} MB; one article may be at most "
                                f"{options.max_bytes / 1e6:.1f} MB", origin=origin)
            return
        data = path.read_bytes()
    except OSError as exc:
        yield ArticleError(f"cannot read: {exc.strerror or exc}", origin=origin, code="unreadable")
        return
    if suffix in FEED_SUFFIXES or suffix == ".xml":
        from .sources.feeds import looks_like_feed, read_feed

        if suffix in FEED_SUFFIXES or looks_like_feed(data):
            yield from read_feed(data, origin, options)
            return
    kind = "html" if suffix in HTML_SUFFIXES else "text"
    yield _from_bytes(data, path.stem, origin, kind, options)


def read_stream(stream: IO[bytes], origin: str, options: IngestOptions
                ) -> Iterator[Article | ArticleError]:
    """Standard input: JSON Lines if it starts with '{', else one text or HTML article."""
    head = stream.peek(64)[:64] if hasattr(stream, "peek") else b""
    if head.lstrip().startswith(b"{"):
        yield from read_jsonl(stream, origin, options)
        return
    data = stream.read(options.max_bytes + 1)
    if len(data) > options.max_bytes:
        yield TooLargeError(f"input is over {options.max_bytes / 1e6:.1f} MB", origin=origin)
        return
    if data.lstrip().startswith(b"{"):
        yield from read_jsonl(iter(data.splitlines(keepends=True)), origin, options)
        return
    yield _from_bytes(data, "stdin", origin, "auto", options)


def read_jsonl(lines: Iterable[bytes], origin: str, options: IngestOptions
               ) -> Iterator[Article | ArticleError]:
    """One article per line; a bad line is reported and the rest are read.

    ``lines`` is a binary file (read with :func:`bounded_lines`: an over-long line is
    skipped while streaming, never held) or any iterable of byte lines."""
    if hasattr(lines, "readline"):
        lines = bounded_lines(lines, options.max_bytes)  # type: ignore[arg-type]
    for number, raw in enumerate(lines, start=1):
        where = f"{origin}:{number}"
        if isinstance(raw, int) or len(raw) > options.max_bytes:
            size = raw if isinstance(raw, int) else len(raw)
            yield TooLargeError(f"line is {size / 1e6:.1f} MB; one article may be at most "
                                f"{options.max_bytes / 1e6:.1f} MB", origin=where)
            continue
        if not raw.strip():
            continue
        try:
            record = json.loads(raw.decode("utf-8"))
        except UnicodeDecodeError as exc:
            yield EncodingError(f"line is not valid UTF-8 (byte {exc.start})", origin=where)
            continue
        except json.JSONDecodeError as exc:
            yield BadRecordError(f"not valid JSON: {exc.msg} at column {exc.colno}", origin=where)
            continue
        yield article_from_record(record, where)


def bounded_lines(fh: IO[bytes], limit: int, chunk: int = 1 << 20) -> Iterator[bytes | int]:
    """Yield each line of a binary file, or, for a line over ``limit`` bytes, its length
    (an int): the rest of such a line is read in chunks and dropped, so memory stays
    bounded by ``limit`` whatever the file holds (a 300 MB line was read whole before)."""
    while True:
        line = fh.readline(limit + 1)
        if not line:
            return
        if len(line) <= limit or line.endswith(b"\n"):
            yield line
            continue
        size = len(line)
        while True:
            part = fh.readline(chunk)
            size += len(part)
            if not part or part.endswith(b"\n"):
                break
        yield size


def article_from_record(record: object, origin: str) -> Article | ArticleError:
    """Validate one JSON Lines record against the documented fields."""
    if not isinstance(record, dict):
        return BadRecordError("a line must be a JSON object", origin=origin)
    text = record.get("text")
    if not isinstance(text, str):
        return BadRecordError('missing "text" (a string)', origin=origin,
                              article_id=_str_or_none(record.get("id")))
    art_id = _str_or_none(record.get("id")) or origin.rsplit("/", 1)[-1]
    published = record.get("published")
    if published is not None:
        published = str(published)[:10] if _ISO_DATE.match(str(published)[:10]) else published
        try:
            check_date(published, '"published"')
        except ArticleError as exc:
            exc.origin, exc.article_id = origin, art_id
            return exc
    if not text.strip():
        return EmptyInputError("article text is empty", origin=origin, article_id=art_id)
    return Article(id=art_id, text=text, title=_str_or_none(record.get("title")),
                   url=_str_or_none(record.get("url")), source=_str_or_none(record.get("source")),
                   author=_str_or_none(record.get("author")), published=published, origin=origin)


def check_date(value: str, what: str) -> None:
    """Refuse anything but a real YYYY-MM-DD date."""
    try:
        if not _ISO_DATE.match(value):
            raise ValueError
        date.fromisoformat(value)
    except (TypeError, ValueError):
        raise BadRecordError(f"{what} must be a date as YYYY-MM-DD, got {value!r}") from None


def decode_text(data: bytes, origin: str) -> str:
    """Strict UTF-8 (a BOM is allowed); binary data and bad bytes are refused, not guessed."""
    if not data.strip():
        raise EmptyInputError("file is empty", origin=origin)
    head = data[:8192]
    controls = sum(b < 9 or 13 < b < 32 for b in head)
    if b"\x00" in head or controls > len(head) * 0.05:
        raise BinaryInputError("binary data, not text (expected UTF-8 text, HTML or JSON Lines)",
                               origin=origin)
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise EncodingError(f"not valid UTF-8 (bad byte 0x{data[exc.start]:02x} at offset "
                            f"{exc.start}); convert the file to UTF-8", origin=origin) from None


def _from_bytes(data: bytes, art_id: str, origin: str, kind: str, options: IngestOptions
                ) -> Article | ArticleError:
    try:
        text = decode_text(data, origin)
    except ArticleError as exc:
        return exc
    if kind == "html" or (kind == "auto" and _HTML_START.match(data[:512])):
        from .html import article_from_html

        return article_from_html(text, art_id, origin)
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    return Article(id=art_id, text=text, origin=origin)


def _read_url(url: str, options: IngestOptions) -> Iterator[Article | ArticleError]:
    """A URL: one page, or every entry when it serves a feed (see :mod:`.sources.web`)."""
    from .sources.web import read_url

    yield from read_url(url, options)


def _with_date(items: Iterable[Article | ArticleError], options: IngestOptions
               ) -> Iterator[Article | ArticleError]:
    """Give ``--date`` to the items that carry no publication date of their own."""
    for item in items:
        if isinstance(item, Article) and not item.published and options.date:
            item.published = options.date
        yield item


def _str_or_none(value: object) -> Optional[str]:
    return None if value is None else str(value)
