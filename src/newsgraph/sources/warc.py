"""Articles from WARC web archives (``.warc``, ``.warc.gz``), read as a stream.

Every ``response`` record for an http(s) URL with status 200 and an HTML or
plain-text payload becomes one article, through the same extraction as an HTML
file.  Everything else (requests, metadata, redirects, images, PDFs, DNS
records) is skipped without a word: an archive is mostly not articles.

* ``id``: the target URL without its scheme (``news.example/2025/05/ferry``),
  readable and stable across runs; the record id is used when there is no URL.
* ``origin``: ``FILE@OFFSET``, the record's byte offset in the (compressed)
  file, which WARC tools can seek to.
* ``url``: ``WARC-Target-URI``.
* ``published``: only what the page itself says.  ``WARC-Date`` is when the
  page was crawled (in CC-NEWS files, often days after publication), so it is
  never used as the publication date; ``--date`` fills in pages that carry none.

A record that cannot be used (broken HTTP headers, a payload over the size
cap, bad encoding, no article text) is one error and the next record is read.
A file that is not a WARC, or is corrupt or cut short, ends with one error for
the file after the records that could be read.  In a ``.warc.gz``, a record whose
gzip member ends before its Content-Length is one error and the next member is read;
records skipped past may not inflate over :data:`MAX_RATIO` times the file's bytes (a
decompression bomb ends the file with one error, in about a second).  Records are read one at a time
and a payload is read at most ``max_bytes + 1`` into memory.
"""

from __future__ import annotations

import os
import zlib
from pathlib import Path
from typing import Iterator, Optional
from urllib.parse import urlsplit

from ..errors import ArticleError, TooLargeError
from ..model import Article
from .web import host_of, page_article

WARC_SUFFIXES = (".warc", ".warc.gz")
# warcio inflates one compressed block at a time; gzip can expand about 1000-fold, so a
# small block keeps a maliciously compressible record from ballooning in memory.
BLOCK_SIZE = 4096
SKIP_BLOCK = 1 << 16  # bytes read at a time when skipping the rest of a record
SKIP_FLOOR = 64 << 20  # bytes a file's skipped records may inflate to whatever the ratio
MAX_RATIO = 100  # past SKIP_FLOOR: bytes skipped per byte of the file read


def is_warc_path(path: Path) -> bool:
    return path.name.lower().endswith(WARC_SUFFIXES)


def read_warc(path: Path, options) -> Iterator[Article | ArticleError]:
    """Yield an Article or an ArticleError for every article-like record of one WARC file."""
    from warcio.archiveiterator import ArchiveIterator
    from warcio.exceptions import ArchiveLoadFailed
    from warcio.statusandheaders import StatusAndHeadersParserException

    class QuietIterator(ArchiveIterator):
        # warcio writes a multi-line warning to stderr for a record whose length is
        # wrong; the mismatch is counted (err_count) and reported as one error instead.
        INC_RECORD = ""

    origin = str(path)
    try:
        fh = open(path, "rb")
    except OSError as exc:
        yield ArticleError(f"cannot read: {exc.strerror or exc}", origin=origin, code="unreadable")
        return
    read = 0
    skipped = [0]  # bytes of records read past without being used (see _skip_rest)
    # A record whose length did not match waits for the next one: when the file breaks
    # right after it, the cut is one error for the file, not two (a member cut short in a
    # .warc.gz runs on into the next member and may still parse as a damaged record).
    damaged_item = None
    with fh:
        records = QuietIterator(fh, block_size=BLOCK_SIZE)
        try:
            for record in records:
                if damaged_item is not None:
                    yield damaged_item
                    damaged_item = None
                if record.format != "warc":
                    yield ArticleError("not a WARC file (no WARC/1.x record header)",
                                       origin=origin, code="bad-warc")
                    return
                if not (record.rec_headers.get_header("Content-Length") or "").strip().isdigit():
                    raise EOFError("a record has no valid Content-Length")
                damaged = records.err_count
                item = _record_item(record, records, origin, options)
                _skip_rest(record, fh, skipped, records)
                records.read_to_end()
                if getattr(record.raw_stream, "limit", 0) > 0:
                    if not _member_ended(records):
                        raise EOFError("the last record is shorter than its Content-Length")
                    # gzip: the record's member ended cleanly before its Content-Length
                    # (a false length); the next member is the next record
                    item = ArticleError("record is shorter than its Content-Length; skipped",
                                        origin=_where(origin, records), code="bad-warc")
                read += 1
                if records.err_count > damaged:
                    damaged_item = ArticleError("record length does not match its "
                                                "Content-Length; the file may be damaged",
                                                origin=_where(origin, records), code="bad-warc")
                elif item is not None:
                    yield item
            if damaged_item is not None:
                yield damaged_item
                damaged_item = None
            size = os.fstat(fh.fileno()).st_size
            if isinstance(records.offset, int) and records.offset < size:
                raise EOFError(f"the last {size - records.offset} bytes are not a complete record")
        except (ArchiveLoadFailed, StatusAndHeadersParserException, EOFError, zlib.error,
                OSError, ValueError) as exc:
            reason = _one_line(str(exc)) or type(exc).__name__
            if damaged_item is not None:
                read -= 1  # the damaged record was the start of the break
            yield ArticleError(f"WARC file is corrupt or cut short after {read} records: "
                               f"{reason}", origin=origin, code="bad-warc")


def _skip_rest(record, fh, skipped: list[int], records) -> None:
    """Read what is left of a record (to reach the next one), refusing a decompression
    bomb: past :data:`SKIP_FLOOR` bytes skipped in the file, the bytes skipped may not
    exceed :data:`MAX_RATIO` times the compressed bytes read so far (real pages compress
    5-10 times, a run of one byte 1,000 times: a 1 MB member of spaces is a gigabyte to
    inflate, which took 6 s to skip).  Counted over the file, so many small bombs are
    caught as one big one.  Such a record ends the file with one error."""
    while True:
        block = record.raw_stream.read(SKIP_BLOCK)
        if not block:
            return
        skipped[0] += len(block)
        if skipped[0] > SKIP_FLOOR and skipped[0] > MAX_RATIO * max(1, fh.tell()):
            raise EOFError(f"the record at offset {records.offset} inflates over {MAX_RATIO} "
                           "times its size (a decompression bomb?)")


def _member_ended(records) -> bool:
    """True when reading a .warc.gz and the current gzip member ended cleanly."""
    decompressor = getattr(records.reader, "decompressor", None)
    return bool(decompressor is not None and getattr(decompressor, "eof", False))


def _one_line(text: str, limit: int = 120) -> str:
    """One short line of plain ASCII: warcio quotes raw (binary) bytes in its messages."""
    text = "".join(ch if " " <= ch <= "~" else " " for ch in text)
    text = " ".join(text.split())
    return text if len(text) <= limit else text[:limit] + "..."


def _where(origin: str, records) -> str:
    """``FILE@OFFSET`` of the current record.  Never reads: warcio's own
    ``get_record_offset`` reads the record to its end first (a whole decompression bomb
    before :func:`_skip_rest` could refuse it)."""
    info = getattr(records, "member_info", None)
    offset = info[0] if info else getattr(records, "offset", None)
    return f"{origin}@{offset}" if isinstance(offset, int) else origin


def _record_item(record, records, origin: str, options) -> Optional[Article | ArticleError]:
    """The article of one record, its error, or None for a record that is not an article."""
    if record.rec_type != "response":
        return None
    uri = (record.rec_headers.get_header("WARC-Target-URI") or "").strip().strip("<>")
    if not uri.lower().startswith(("http://", "https://")):
        return None
    http = record.http_headers
    if http is None or not (http.protocol or "").upper().startswith("HTTP/"):
        return ArticleError(f"response record for {uri} has no valid HTTP status line",
                            origin=_where(origin, records), code="bad-record")
    if http.get_statuscode() != "200":
        return None
    content_type = (http.get_header("Content-Type") or "").lower()
    if content_type and "html" not in content_type and not content_type.startswith("text/plain"):
        return None
    try:
        payload = record.content_stream().read(options.max_bytes + 1)
    except (zlib.error, ValueError, EOFError, OSError) as exc:
        return ArticleError(f"payload of {uri} cannot be decoded ({type(exc).__name__}: "
                            f"{_one_line(str(exc))})",
                            origin=_where(origin, records), code="bad-record")
    where = _where(origin, records)
    if len(payload) > options.max_bytes:
        return TooLargeError(f"payload of {uri} is over {options.max_bytes / 1e6:.1f} MB",
                             origin=where)
    item = page_article(payload, content_type, uri, _record_id(record, uri), where)
    if isinstance(item, Article):
        item.url = uri
        item.source = item.source or host_of(uri)
    return item


def _record_id(record, uri: str) -> str:
    parts = urlsplit(uri)
    readable = (parts.netloc + parts.path).rstrip("/")
    if parts.query:
        readable += "?" + parts.query
    if readable:
        return readable
    record_id = record.rec_headers.get_header("WARC-Record-ID") or ""
    return record_id.strip("<>").removeprefix("urn:uuid:") or "warc-record"
