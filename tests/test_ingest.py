"""Every input format, and one clear error per bad item while the rest go on."""

import io
import threading
from functools import partial
from http.server import HTTPServer, SimpleHTTPRequestHandler
from pathlib import Path

import pytest

from newsgraph.errors import ArticleError
from newsgraph.ingest import IngestOptions, count_items, read_inputs
from newsgraph.model import Article

from conftest import TEST_DATA


def read(*inputs, stdin=None, **options):
    return list(read_inputs([str(i) for i in inputs], IngestOptions(**options), stdin=stdin))


def only_article(items):
    assert len(items) == 1 and isinstance(items[0], Article), items
    return items[0]


def test_plain_text_file():
    a = only_article(read(TEST_DATA / "quake.txt"))
    assert a.id == "quake" and a.text.startswith("A strong earthquake")
    assert a.published is None and a.origin.endswith("quake.txt")


def test_date_option_fills_missing_dates_only():
    a = only_article(read(TEST_DATA / "quake.txt", date="2025-04-12"))
    assert a.published == "2025-04-12"
    items = read(TEST_DATA / "wire.jsonl", date="2020-01-01")
    assert [i.published for i in items] == ["2025-06-03", "2020-01-01"]


def test_bad_date_option_is_refused():
    with pytest.raises(ArticleError, match="YYYY-MM-DD"):
        read(TEST_DATA / "quake.txt", date="12/04/2025")


def test_html_main_text_and_metadata():
    a = only_article(read(TEST_DATA / "budget.html"))
    assert "library will stay open" in a.text and "Home · Sport" not in a.text
    assert a.title.startswith("Library hours extended")
    assert a.author == "Sam Ortega" and a.source == "Northfield Courier"
    assert a.published == "2025-05-06"


def test_malformed_html_still_yields_its_text():
    a = only_article(read(TEST_DATA / "broken.html"))
    assert "new bridge would open in June" in a.text


def test_html_without_article_text_is_one_error():
    items = read_inputs(["-"], stdin=io.BufferedReader(io.BytesIO(
        b"<html><head><script>var x = 1;</script></head><body></body></html>")))
    (item,) = list(items)
    assert isinstance(item, ArticleError) and item.code == "bad-html"


def test_jsonl_fields_and_order():
    w1, w2 = read(TEST_DATA / "wire.jsonl")
    assert (w1.id, w1.title, w1.url, w1.source, w1.published) == (
        "w1", "More ferries", "https://news.example/w1", "Example Wire", "2025-06-03")
    assert w2.id == "w2" and w2.published is None


def test_jsonl_bad_lines_are_reported_and_reading_goes_on(tmp_path):
    path = tmp_path / "mixed.jsonl"
    path.write_bytes(b'{"id": "ok1", "text": "The port reopened on Monday."}\n'
                     b'{"id": "broken", "text": \n'
                     b'{"id": "notext"}\n'
                     b'{"id": "baddate", "text": "Rain fell.", "published": "yesterday"}\n'
                     b'["not", "an", "object"]\n'
                     b'{"id": "latin1", "text": "caf\xe9"}\n'
                     b'{"id": "ok2", "text": "The bridge closed for repairs."}\n')
    items = read(path)
    assert [type(i).__name__ for i in items] == [
        "Article", "BadRecordError", "BadRecordError", "BadRecordError", "BadRecordError",
        "EncodingError", "Article"]
    assert items[1].line().startswith(f"{path}:2: bad-record:")
    assert "YYYY-MM-DD" in str(items[3])


def test_folder_and_glob(tmp_path):
    (tmp_path / "a.txt").write_text("The council met on Monday and agreed the plan.")
    (tmp_path / "sub").mkdir()
    (tmp_path / "sub" / "b.txt").write_text("The mayor said the plan was sound.")
    (tmp_path / "notes.pdf").write_bytes(b"%PDF-1.4")
    assert [a.id for a in read(tmp_path)] == ["a", "b"]
    assert [a.id for a in read(f"{tmp_path}/*.txt")] == ["a"]
    assert count_items([str(tmp_path), str(TEST_DATA / "wire.jsonl")]) == 4


def test_missing_path_is_one_error():
    (item,) = read("/nonexistent/nothing-here.txt")
    assert isinstance(item, ArticleError) and item.code == "not-found"


def test_stdin_text_and_jsonl():
    text = io.BufferedReader(io.BytesIO(b"The river rose by a metre overnight, officials said."))
    assert only_article(read("-", stdin=text)).id == "stdin"
    lines = io.BufferedReader(io.BytesIO(b'{"id": "s1", "text": "One."}\n'
                                         b'{"id": "s2", "text": "Two."}\n'))
    assert [a.id for a in read("-", stdin=lines)] == ["s1", "s2"]


@pytest.mark.parametrize("content,code", [
    (b"", "empty"),
    (b"   \n\n  ", "empty"),
    (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)), "binary"),
    ("Le caf\u00e9 \u00e9tait ferm\u00e9.".encode("latin-1"), "encoding"),
])
def test_bad_files_are_one_line_each(tmp_path, content, code):
    path = tmp_path / "bad.txt"
    path.write_bytes(content)
    (item,) = read(path)
    assert isinstance(item, ArticleError) and item.code == code
    line = item.line()
    assert "\n" not in line and line.startswith(str(path))


def test_a_50_mb_file_is_refused_without_reading_it(tmp_path):
    path = tmp_path / "huge.txt"
    with open(path, "wb") as fh:
        fh.seek(50_000_000 - 1)
        fh.write(b"a")
    (item,) = read(path)
    assert item.code == "too-large" and "50" in str(item)


def test_url_needs_fetch_flag():
    (item,) = read("https://news.example/story")
    assert isinstance(item, ArticleError) and "--fetch" in str(item)


@pytest.fixture()
def local_site(tmp_path):
    """A real HTTP server on loopback serving a small article."""
    (tmp_path / "story.html").write_bytes((TEST_DATA / "budget.html").read_bytes())
    (tmp_path / "big.txt").write_bytes(b"word " * 300_000)
    handler = partial(SimpleHTTPRequestHandler, directory=str(tmp_path))
    handler.log_message = lambda *a: None
    server = HTTPServer(("127.0.0.1", 0), handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    yield f"http://127.0.0.1:{server.server_address[1]}"
    server.shutdown()


def test_fetch_refuses_loopback_unless_allowed(local_site):
    (refused,) = read(f"{local_site}/story.html", fetch=True)
    assert isinstance(refused, ArticleError) and "--allow-private" in str(refused)
    article = only_article(read(f"{local_site}/story.html", fetch=True, allow_private=True))
    assert "library will stay open" in article.text
    assert article.url == f"{local_site}/story.html"


def test_fetch_size_cap_and_http_errors(local_site):
    (big,) = read(f"{local_site}/big.txt", fetch=True, allow_private=True, max_bytes=100_000)
    assert isinstance(big, ArticleError) and "over" in str(big)
    (missing,) = read(f"{local_site}/missing.html", fetch=True, allow_private=True)
    assert isinstance(missing, ArticleError) and "404" in str(missing)
