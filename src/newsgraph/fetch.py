"""Fetch one URL, carefully: a timeout, a size cap, and no private addresses.

Fetching is opt-in (``--fetch``).  Addresses that resolve to loopback,
private, link-local or otherwise reserved networks are refused unless
``allow_private`` is set, and every redirect is checked the same way, so a
public URL cannot bounce the fetch onto an internal service.
"""

from __future__ import annotations

import ipaddress
import socket
import urllib.error
import urllib.request
from urllib.parse import urlsplit

from .errors import FetchError

USER_AGENT = "newsgraph/0.1 (+https://example.invalid/newsgraph)"


def check_address(url: str, allow_private: bool) -> None:
    """Raise FetchError if the URL's host resolves to a non-public address."""
    parts = urlsplit(url)
    if parts.scheme not in ("http", "https") or not parts.hostname:
        raise FetchError(f"only http and https URLs can be fetched: {url}")
    if allow_private:
        return
    try:
        infos = socket.getaddrinfo(parts.hostname, parts.port or 80, proto=socket.IPPROTO_TCP)
    except socket.gaierror as exc:
        raise FetchError(f"cannot resolve host {parts.hostname!r}: {exc.strerror}") from None
    for info in infos:
        ip = ipaddress.ip_address(info[4][0])
        if not ip.is_global or ip.is_multicast:
            raise FetchError(f"refusing to fetch {parts.hostname} ({ip}): a loopback, private or "
                             "reserved address; pass --allow-private to allow it")


class _CheckedRedirects(urllib.request.HTTPRedirectHandler):
    def __init__(self, allow_private: bool):
        self.allow_private = allow_private

    def redirect_request(self, req, fp, code, msg, headers, newurl):
        check_address(newurl, self.allow_private)
        return super().redirect_request(req, fp, code, msg, headers, newurl)


def fetch_url(url: str, *, timeout: float, max_bytes: int, allow_private: bool = False
              ) -> tuple[bytes, str]:
    """Return (body, content type); raise FetchError with a one-line reason otherwise."""
    check_address(url, allow_private)
    opener = urllib.request.build_opener(_CheckedRedirects(allow_private))
    request = urllib.request.Request(url, headers={"User-Agent": USER_AGENT})
    try:
        with opener.open(request, timeout=timeout) as response:
            body = response.read(max_bytes + 1)
            content_type = response.headers.get("Content-Type", "")
    except urllib.error.HTTPError as exc:
        raise FetchError(f"HTTP {exc.code} {exc.reason}") from None
    except urllib.error.URLError as exc:
        raise FetchError(f"cannot fetch: {exc.reason}") from None
    except (TimeoutError, socket.timeout):
        raise FetchError(f"timed out after {timeout:g} s") from None
    if len(body) > max_bytes:
        raise FetchError(f"response is over {max_bytes / 1e6:.1f} MB")
    return body, content_type.lower()
