"""URL fetching under abuse: one deadline, pinned addresses, checked redirects.

Every server here is a real one on loopback.  127.0.0.2 stands in for "a public
host" through fetch's ``policy`` parameter, so that a redirect or a DNS answer
can be seen moving from an allowed address to a forbidden one.
"""

import ipaddress
import subprocess
import time

import pytest

from newsgraph.errors import FetchError
from newsgraph.fetch import MAX_REDIRECTS, fetch, fetch_url

from loopback_site import Site, SlowDrip, fake_dns, same_port_pair

PAGE = b"<html><body><article><p>The ferry ran late again on Tuesday.</p></article></body></html>"
STAND_IN_PUBLIC = ipaddress.ip_address("127.0.0.2")


def only_stand_in(ip):
    return ip == STAND_IN_PUBLIC


@pytest.fixture()
def site():
    s = Site()
    yield s
    s.close()


@pytest.fixture()
def pair():
    public, internal = same_port_pair()
    yield public, internal
    public.close()
    internal.close()


@pytest.mark.parametrize("headers_too", [False, True])
def test_slow_drip_is_cut_off_at_one_overall_deadline(headers_too):
    drip = SlowDrip(interval=0.5, headers_too=headers_too)
    try:
        start = time.monotonic()
        with pytest.raises(FetchError, match="timed out after 2 s"):
            fetch_url(f"{drip.base}/slow", timeout=2, max_bytes=100_000, allow_private=True)
        elapsed = time.monotonic() - start
    finally:
        drip.close()
    assert 1.5 < elapsed < 3.0, elapsed


def test_plain_fetch_returns_body_type_and_sends_the_host_name(site, monkeypatch):
    site.page("/story", PAGE)
    calls = fake_dns(monkeypatch, {"news.test": [["127.0.0.1"]]})
    got = fetch(f"http://news.test:{site.port}/story", timeout=5, max_bytes=100_000,
                allow_private=True)
    assert got.body == PAGE and got.content_type == "text/html; charset=utf-8"
    assert site.requests == [("/story", f"news.test:{site.port}")]
    assert calls == ["news.test"]


def test_dns_rebinding_cannot_reach_loopback(pair, monkeypatch):
    public, internal = pair
    public.page("/story", PAGE)
    internal.page("/story", b"<html><body><p>internal secrets</p></body></html>")
    # First answer: the allowed address; every later answer: loopback.
    calls = fake_dns(monkeypatch, {"news.test": [["127.0.0.2"], ["127.0.0.1"]]})
    got = fetch(f"http://news.test:{public.port}/story", timeout=5, max_bytes=100_000,
                policy=only_stand_in)
    assert got.body == PAGE
    assert [p for p, _ in public.requests] == ["/story"]
    assert internal.requests == []
    assert calls == ["news.test"]  # resolved once, and that answer was used


def test_dns_rebinding_with_a_real_public_first_answer(site, monkeypatch):
    site.page("/story", b"<html><body><p>internal secrets</p></body></html>")
    fake_dns(monkeypatch, {"news.test": [["93.184.215.14"], ["127.0.0.1"]]})
    with pytest.raises(FetchError):  # no outside network: unreachable or timed out
        fetch(f"http://news.test:{site.port}/story", timeout=1, max_bytes=100_000)
    assert site.requests == []


@pytest.mark.parametrize("answer", [["127.0.0.1"], ["93.184.215.14", "127.0.0.1"],
                                    ["10.1.2.3"], ["::ffff:127.0.0.1"], ["169.254.169.254"]])
def test_names_resolving_to_non_public_addresses_are_refused(site, monkeypatch, answer):
    site.page("/story", PAGE)
    fake_dns(monkeypatch, {"news.test": [answer]})
    with pytest.raises(FetchError, match="--allow-private"):
        fetch(f"http://news.test:{site.port}/story", timeout=2, max_bytes=100_000)
    assert site.requests == []


def test_redirect_to_loopback_is_refused(pair, monkeypatch):
    public, internal = pair
    internal.page("/admin", b"<html><body><p>internal secrets</p></body></html>")
    public.redirect("/by-address", f"http://127.0.0.1:{internal.port}/admin")
    public.redirect("/by-name", f"http://intranet.test:{internal.port}/admin")
    fake_dns(monkeypatch, {"intranet.test": [["127.0.0.1"]]})
    for path in ("/by-address", "/by-name"):
        with pytest.raises(FetchError, match="refusing to fetch"):
            fetch(f"{public.base}{path}", timeout=5, max_bytes=100_000, policy=only_stand_in)
    assert [p for p, _ in public.requests] == ["/by-address", "/by-name"]
    assert internal.requests == []


def test_redirects_are_followed_within_the_rules(site):
    site.redirect("/old", "/mid", 301)
    site.redirect("/mid", f"{site.base}/story", 307)
    site.page("/story", PAGE)
    got = fetch(f"{site.base}/old", timeout=5, max_bytes=100_000, allow_private=True)
    assert got.body == PAGE and got.url == f"{site.base}/story"

    site.redirect("/file", "file:///etc/passwd")
    with pytest.raises(FetchError, match="only http and https"):
        fetch(f"{site.base}/file", timeout=5, max_bytes=100_000, allow_private=True)

    for n in range(MAX_REDIRECTS):
        site.redirect(f"/five{n}", f"/five{n + 1}")
    site.page(f"/five{MAX_REDIRECTS}", PAGE)
    assert fetch(f"{site.base}/five0", timeout=5, max_bytes=100_000,
                 allow_private=True).body == PAGE
    for n in range(MAX_REDIRECTS + 1):
        site.redirect(f"/six{n}", f"/six{n + 1}")
    site.page(f"/six{MAX_REDIRECTS + 1}", PAGE)
    with pytest.raises(FetchError, match=f"more than {MAX_REDIRECTS} redirects"):
        fetch(f"{site.base}/six0", timeout=5, max_bytes=100_000, allow_private=True)
    assert f"/six{MAX_REDIRECTS + 1}" not in [p for p, _ in site.requests]


def test_size_cap_with_and_without_content_length(site):
    site.page("/big", b"a" * 50_000, "text/plain")
    site.routes["/chunked"] = (200, {"Content-Type": "text/plain",
                                     "Transfer-Encoding": "chunked"},
                               b"".join(b"2710\r\n" + b"b" * 10_000 + b"\r\n" for _ in range(5))
                               + b"0\r\n\r\n")
    for path in ("/big", "/chunked"):
        with pytest.raises(FetchError, match="over 0.0 MB"):
            fetch(f"{site.base}{path}", timeout=5, max_bytes=20_000, allow_private=True)
    assert len(fetch(f"{site.base}/chunked", timeout=5, max_bytes=60_000,
                     allow_private=True).body) == 50_000


def test_http_errors_and_refused_connections_are_one_line(site):
    with pytest.raises(FetchError, match="HTTP 404"):
        fetch(f"{site.base}/missing", timeout=5, max_bytes=1000, allow_private=True)
    port = site.port
    site.close()
    with pytest.raises(FetchError, match="cannot fetch") as info:
        fetch(f"http://127.0.0.1:{port}/", timeout=2, max_bytes=1000, allow_private=True)
    assert "\n" not in str(info.value)


def test_https_certificate_is_checked_against_the_host_name(tmp_path, monkeypatch):
    import http.server
    import ssl
    import threading

    key, cert = tmp_path / "key.pem", tmp_path / "cert.pem"
    made = subprocess.run(["openssl", "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-days",
                           "1", "-subj", "/CN=news.test", "-keyout", str(key), "-out", str(cert)],
                          capture_output=True)
    if made.returncode:
        pytest.skip("openssl could not make a certificate")
    server = http.server.HTTPServer(("127.0.0.1", 0), http.server.BaseHTTPRequestHandler)
    context = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
    context.load_cert_chain(cert, key)
    server.socket = context.wrap_socket(server.socket, server_side=True)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    fake_dns(monkeypatch, {"news.test": [["127.0.0.1"]]})
    try:
        with pytest.raises(FetchError, match="TLS certificate not accepted"):
            fetch(f"https://news.test:{server.server_address[1]}/", timeout=3,
                  max_bytes=1000, allow_private=True)
    finally:
        server.shutdown()
