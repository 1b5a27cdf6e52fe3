"""WARC archives and RSS/Atom feeds as inputs.

The WARC files are written here with warcio's own writer; the feeds and pages
are served by real loopback servers.  All article text is invented.
"""

import gzip
import io
import time
import tracemalloc

import pytest
from warcio.statusandheaders import StatusAndHeaders
from warcio.warcwriter import WARCWriter

from newsgraph.errors import ArticleError
from newsgraph.ingest import IngestOptions, count_items, read_inputs
from newsgraph.model import Article
from newsgraph.sources.feeds import MAX_FEED_ENTRIES

from loopback_site import Site, SlowDrip


def read(*inputs, **options):
    return list(read_inputs([str(i) for i in inputs], IngestOptions(**options)))


def page(title, sentences, published=None, site_name=None):
    meta = ""
    if published:
        meta += f'<meta property="article:published_time" content="{published}T08:00:00Z">'
    if site_name:
        meta += f'<meta property="og:site_name" content="{site_name}">'
    body = "".join(f"<p>{s}</p>" for s in sentences)
    return (f"<html><head><title>{title}</title>{meta}</head><body>"
            f'<div class="menu">Home | Weather | Sport</div>'
            f"<article><h1>{title}</h1>{body}</article></body></html>").encode()


FERRY = page("Ferry timetable changes", [
    "The harbour board in Eastwick agreed on Thursday to add two evening ferry crossings "
    "from the first of June, after months of complaints from commuters.",
    "Board chair Lena Marsh said the extra sailings would cost about 90,000 pounds a year.",
], published="2025-05-15", site_name="Eastwick Gazette")
ORCHARD = page("Orchard reopens", [
    "The community orchard on Mill Lane reopened to visitors on Saturday after a winter of "
    "replanting by volunteers from three nearby villages.",
    "Organiser Tom Reyes said forty new apple trees had been planted since November.",
])
SCHOOL = page("School roof repaired", [
    "Workers finished repairing the roof of Brookfield primary school on Friday, two weeks "
    "ahead of the date the county council had promised parents.",
    "Head teacher Ana Lind said classes would return to the main building on Monday.",
])


# ---------------------------------------------------------------- WARC

def http_response(writer, uri, body, content_type="text/html; charset=utf-8", status="200 OK",
                  warc_date="2031-01-09T10:00:00Z", extra_headers=()):
    headers = StatusAndHeaders(status, [("Content-Type", content_type), *extra_headers],
                               protocol="HTTP/1.1")
    record = writer.create_warc_record(uri, "response", payload=io.BytesIO(body),
                                       http_headers=headers,
                                       warc_headers_dict={"WARC-Date": warc_date})
    writer.write_record(record)


def raw_response_record(uri, block: bytes) -> bytes:
    """A WARC response record written by hand, for blocks warcio would refuse to write."""
    head = ("WARC/1.0\r\nWARC-Type: response\r\n"
            f"WARC-Target-URI: {uri}\r\n"
            "WARC-Record-ID: <urn:uuid:0b0e6c8e-3f4a-4e55-9c1e-2d3f4a5b6c7d>\r\n"
            "WARC-Date: 2031-01-09T10:00:00Z\r\n"
            "Content-Type: application/http; msgtype=response\r\n"
            f"Content-Length: {len(block)}\r\n\r\n").encode()
    return head + block + b"\r\n\r\n"


def write_warc(path, gz, broken=False):
    with open(path, "wb") as fh:
        writer = WARCWriter(fh, gzip=gz)
        writer.write_record(writer.create_warcinfo_record(path.name, {"software": "test"}))
        request = writer.create_warc_record(
            "https://gazette.example/2025/05/ferry-timetable", "request",
            payload=io.BytesIO(b"GET /2025/05/ferry-timetable HTTP/1.1\r\nHost: gazette.example"
                               b"\r\n\r\n"))
        writer.write_record(request)
        http_response(writer, "https://gazette.example/2025/05/ferry-timetable", FERRY)
        http_response(writer, "https://gazette.example/old", b"", status="301 Moved Permanently",
                      extra_headers=[("Location", "https://gazette.example/new")])
        http_response(writer, "https://gazette.example/logo.png", b"\x89PNG\r\n\x1a\n" + bytes(64),
                      content_type="image/png")
        if broken:
            raw = raw_response_record("https://gazette.example/broken",
                                      b"garbage where a status line should be\r\n\r\n" + ORCHARD)
            fh.write(gzip.compress(raw) if gz else raw)
            http_response(writer, "https://gazette.example/latin", "caf\u00e9 ".encode("utf-16"),
                          content_type="text/plain; charset=utf-8")
        http_response(writer, "https://villages.example/news/orchard?id=7", ORCHARD)
        http_response(writer, "https://villages.example/notice.txt",
                      b"The Mill Lane footpath will close for resurfacing next week.",
                      content_type="text/plain")
        metadata = writer.create_warc_record("https://villages.example/notice.txt", "metadata",
                                             payload=io.BytesIO(b"fetchTimeMs: 12\r\n"),
                                             warc_content_type="application/warc-fields")
        writer.write_record(metadata)


@pytest.mark.parametrize("name", ["crawl.warc", "crawl.warc.gz"])
def test_warc_response_records_become_articles(tmp_path, name):
    path = tmp_path / name
    write_warc(path, gz=name.endswith(".gz"))
    items = read(path)
    assert all(isinstance(i, Article) for i in items), [i.line() for i in items
                                                        if isinstance(i, ArticleError)]
    ferry, orchard, notice = items
    assert ferry.id == "gazette.example/2025/05/ferry-timetable"
    assert ferry.url == "https://gazette.example/2025/05/ferry-timetable"
    assert "two evening ferry crossings" in ferry.text and "Home | Weather" not in ferry.text
    assert ferry.title == "Ferry timetable changes" and ferry.source == "Eastwick Gazette"
    assert ferry.published == "2025-05-15"  # from the page, not the crawl's WARC-Date
    assert ferry.origin.startswith(f"{path}@")
    assert orchard.id == "villages.example/news/orchard?id=7"
    assert orchard.published is None  # WARC-Date (2031-01-09) is the crawl date: not used
    assert orchard.source == "villages.example"
    assert notice.text.startswith("The Mill Lane footpath")
    offsets = [int(i.origin.rsplit("@", 1)[1]) for i in items]
    assert offsets == sorted(offsets) and len(set(offsets)) == 3
    # --date fills in only the pages with no date of their own
    dated = read(path, date="2025-05-20")
    assert [i.published for i in dated] == ["2025-05-15", "2025-05-20", "2025-05-20"]


@pytest.mark.parametrize("gz", [False, True])
def test_a_broken_warc_record_is_one_error_and_reading_goes_on(tmp_path, gz):
    path = tmp_path / ("mixed.warc.gz" if gz else "mixed.warc")
    write_warc(path, gz=gz, broken=True)
    items = read(path)
    kinds = [i.code if isinstance(i, ArticleError) else i.id for i in items]
    assert kinds == ["gazette.example/2025/05/ferry-timetable", "bad-record", "binary",
                     "villages.example/news/orchard?id=7", "villages.example/notice.txt"]
    assert "no valid HTTP status line" in str(items[1])
    assert all("\n" not in i.line() for i in items if isinstance(i, ArticleError))


def test_warc_payload_over_the_cap_is_refused_and_never_held(tmp_path):
    path = tmp_path / "big.warc.gz"
    huge = b"<html><body><p>" + b"word " * 4_000_000 + b"</p></body></html>"  # 20 MB
    with open(path, "wb") as fh:
        writer = WARCWriter(fh, gzip=True)
        http_response(writer, "https://gazette.example/huge", huge)
        http_response(writer, "https://gazette.example/2025/05/ferry-timetable", FERRY)
    del huge
    tracemalloc.start()
    try:
        items = read(path, max_bytes=200_000)
        peak = tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()
    assert [type(i).__name__ for i in items] == ["TooLargeError", "Article"]
    assert "over 0.2 MB" in str(items[0]) and "https://gazette.example/huge" in str(items[0])
    assert peak < 16_000_000, peak


@pytest.mark.parametrize("gz", [False, True])
def test_truncated_or_corrupt_warc_is_one_error_for_the_file(tmp_path, gz):
    whole = tmp_path / ("whole.warc.gz" if gz else "whole.warc")
    write_warc(whole, gz=gz)
    data = whole.read_bytes()
    for short in (150, 600):  # cut inside the last record, and inside a record's header
        cut = tmp_path / (f"cut{short}.warc.gz" if gz else f"cut{short}.warc")
        cut.write_bytes(data[: len(data) - short])
        items = read(cut)
        assert isinstance(items[-1], ArticleError) and items[-1].code == "bad-warc", items
        assert items[-1].origin == str(cut) and "cut short" in str(items[-1])
        assert [i.id for i in items[:-1]][:2] == ["gazette.example/2025/05/ferry-timetable",
                                                  "villages.example/news/orchard?id=7"]

    junk = tmp_path / ("junk.warc.gz" if gz else "junk.warc")
    junk.write_bytes(gzip.compress(b"not an archive\n" * 20) if gz else b"not an archive\n" * 20)
    (item,) = read(junk)
    assert isinstance(item, ArticleError) and item.code == "bad-warc"

    if gz:
        mangled = tmp_path / "mangled.warc.gz"
        mangled.write_bytes(data[:40] + bytes(200) + data[240:])
        items = read(mangled)
        assert items and isinstance(items[-1], ArticleError) and items[-1].code == "bad-warc"


def test_folders_include_warc_and_feed_files(tmp_path):
    write_warc(tmp_path / "a.warc.gz", gz=True)
    (tmp_path / "b.txt").write_text("The Mill Lane footpath will close next week.")
    (tmp_path / "skip.gz").write_bytes(gzip.compress(b"nothing"))
    items = read(tmp_path)
    assert len([i for i in items if isinstance(i, Article)]) == 4
    assert count_items([str(tmp_path)]) is None  # an archive's size is unknown up front


# ---------------------------------------------------------------- feeds

def rss(items, title="Eastwick Gazette"):
    body = "".join(
        "<item>" + (f"<title>{t}</title>" if t else "") + (f"<link>{link}</link>" if link else "")
        + (f"<pubDate>{date}</pubDate>" if date else "") + "</item>"
        for t, link, date in items)
    return (f'<?xml version="1.0" encoding="utf-8"?>\n<rss version="2.0"><channel>'
            f"<title>{title}</title><link>https://gazette.example/</link>{body}"
            f"</channel></rss>").encode()


def atom(entries):
    body = "".join(f'<entry><title>{t}</title><link rel="alternate" href="{link}"/>'
                   f"<id>{link}</id><updated>{date}</updated></entry>"
                   for t, link, date in entries)
    return ('<?xml version="1.0"?><feed xmlns="http://www.w3.org/2005/Atom">'
            f"<title>Villages Weekly</title><id>urn:x</id>{body}</feed>").encode()


@pytest.fixture()
def news_site():
    site = Site()
    site.page("/ferry.html", FERRY)
    site.page("/orchard.html", ORCHARD)
    site.page("/school.html", SCHOOL)
    yield site
    site.close()


def test_feed_url_yields_one_article_per_entry(news_site):
    base = news_site.base
    news_site.page("/feed", rss([
        ("Evening ferries added", f"{base}/ferry.html", "Thu, 15 May 2025 22:30:00 -0500"),
        ("Orchard open again", "/orchard.html", None),  # relative: resolved against the feed
        ("Gone", f"{base}/gone.html", "Fri, 16 May 2025 09:00:00 GMT"),
        ("No link", None, None),
    ]), "application/rss+xml")
    items = read(f"{base}/feed", fetch=True, allow_private=True)
    ferry, orchard, gone, nolink = items
    assert isinstance(ferry, Article) and isinstance(orchard, Article)
    assert ferry.title == "Evening ferries added"  # the entry's title wins
    assert ferry.published == "2025-05-15"  # the entry's own day, in its own time zone
    assert ferry.url == f"{base}/ferry.html" and "evening ferry crossings" in ferry.text
    assert orchard.url == f"{base}/orchard.html" and orchard.published is None
    assert orchard.source == "Eastwick Gazette"  # the feed's title when the page has none
    assert isinstance(gone, ArticleError) and "404" in str(gone) and gone.origin.endswith("gone.html")
    assert isinstance(nolink, ArticleError) and "no link" in str(nolink)
    paths = [p for p, _ in news_site.requests]
    assert paths == ["/feed", "/ferry.html", "/orchard.html", "/gone.html"]


def test_local_atom_and_xml_feeds(news_site, tmp_path):
    base = news_site.base
    (tmp_path / "weekly.atom").write_bytes(atom([
        ("Roof mended early", f"{base}/school.html", "2025-05-16T18:00:00+02:00")]))
    (tmp_path / "latest.xml").write_bytes(rss([("Ferries", f"{base}/ferry.html", None)]))
    (tmp_path / "other.xml").write_bytes(b"<?xml version='1.0'?><notes><n>Buy milk.</n></notes>")
    school = only(read(tmp_path / "weekly.atom", fetch=True, allow_private=True))
    assert school.title == "Roof mended early" and school.published == "2025-05-16"
    assert "roof of Brookfield primary school" in school.text
    ferry = only(read(tmp_path / "latest.xml", fetch=True, allow_private=True))
    assert ferry.published == "2025-05-15"  # no entry date: the page's own
    other = only(read(tmp_path / "other.xml"))
    assert "Buy milk" in other.text  # an .xml that is not a feed stays a text file


def only(items):
    assert len(items) == 1 and isinstance(items[0], Article), items
    return items[0]


def test_feed_entries_need_fetch(news_site, tmp_path):
    path = tmp_path / "news.rss"
    path.write_bytes(rss([("A", f"{news_site.base}/ferry.html", None),
                          ("B", f"{news_site.base}/orchard.html", None)]))
    items = read(path)
    assert [i.code for i in items] == ["url", "url"]
    assert all("--fetch" in str(i) for i in items)
    assert news_site.requests == []


def test_feed_entry_fetch_refuses_loopback_without_allow_private(news_site, tmp_path):
    path = tmp_path / "news.rss"
    path.write_bytes(rss([("A", f"{news_site.base}/ferry.html", None),
                          ("B", f"{news_site.base}/orchard.html", None)]))
    items = read(path, fetch=True)
    assert [i.code for i in items] == ["fetch", "fetch"]
    assert all("--allow-private" in str(i) for i in items)
    assert news_site.requests == []


def test_each_entry_has_its_own_deadline_and_the_rest_go_on(news_site, tmp_path):
    drip = SlowDrip(interval=0.4)
    path = tmp_path / "news.rss"
    path.write_bytes(rss([("Slow", f"{drip.base}/slow", None),
                          ("Ferries", f"{news_site.base}/ferry.html", None)]))
    try:
        start = time.monotonic()
        slow, ferry = read(path, fetch=True, allow_private=True, timeout=1)
        elapsed = time.monotonic() - start
    finally:
        drip.close()
    assert isinstance(slow, ArticleError) and "timed out after 1 s" in str(slow)
    assert isinstance(ferry, Article) and ferry.title == "Ferries"
    assert elapsed < 2.5


def test_feed_entry_cap(tmp_path):
    path = tmp_path / "flood.rss"
    path.write_bytes(rss([(f"Item {n}", f"https://gazette.example/{n}", None)
                          for n in range(MAX_FEED_ENTRIES + 7)]))
    items = read(path)
    assert items[0].code == "feed-cap" and f"first {MAX_FEED_ENTRIES}" in str(items[0])
    assert len(items) == MAX_FEED_ENTRIES + 1


def test_broken_feed_is_one_error(tmp_path):
    path = tmp_path / "broken.rss"
    path.write_bytes(b"<rss><channel><title>Half")
    (item,) = read(path)
    assert isinstance(item, ArticleError) and item.code in ("bad-feed", "empty")
