"""Fetch one URL, carefully: one deadline, a size cap, and no private addresses.

Fetching is opt-in (``--fetch``).  The rules, applied to the first URL and to
every redirect alike:

* only ``http`` and ``https``; at most :data:`MAX_REDIRECTS` redirects, which
  are followed here, not by a library, so each hop is checked;
* the host is resolved once, every address it resolves to is checked
  (loopback, private, link-local, multicast and reserved addresses are
  refused unless ``allow_private`` is set), and the connection goes to one of
  those checked addresses, never to a second lookup; so a name that changes
  its answer between the check and the connection (DNS rebinding) cannot
  reach an internal service.  For ``https`` the certificate is still verified
  against the host name (SNI), not the address;
* one deadline, ``timeout`` seconds, covers connecting, sending, the headers,
  the whole body and all redirects: every socket read waits at most for the
  time that is left, so a server that drips a byte a second cannot hold the
  fetch past it;
* the body is read in chunks and refused once it passes ``max_bytes``.

Every failure is a :class:`~newsgraph.errors.FetchError` with a one-line reason.
"""

from __future__ import annotations

import http.client
import io
import ipaddress
import socket
import ssl
import threading
import time
from dataclasses import dataclass
from typing import Callable, Optional
from urllib.parse import quote, urljoin, urlsplit

from .errors import FetchError

USER_AGENT = "newsgraph/0.1 (+https://example.invalid/newsgraph)"
MAX_REDIRECTS = 5
CHUNK = 64 * 1024
_REDIRECT_CODES = {301, 302, 303, 307, 308}

Resolver = Callable[[str, int], list]
AddressPolicy = Callable[[ipaddress.IPv4Address | ipaddress.IPv6Address], bool]


@dataclass
class Fetched:
    """A fetched body, its content type (lower case) and the URL it finally came from."""

    body: bytes
    content_type: str
    url: str


def is_public(ip: ipaddress.IPv4Address | ipaddress.IPv6Address) -> bool:
    """True for a global unicast address, the only kind fetched without allow_private."""
    return ip.is_global and not ip.is_multicast


def system_resolver(host: str, port: int) -> list[str]:
    """Every address ``host`` resolves to (TCP), in the order the system gives them."""
    infos = socket.getaddrinfo(host, port, type=socket.SOCK_STREAM, proto=socket.IPPROTO_TCP)
    return [info[4][0] for info in infos]


def resolve_checked(host: str, port: int, allow_private: bool, *,
                    resolver: Optional[Resolver] = None,
                    policy: AddressPolicy = is_public) -> list[str]:
    """Resolve ``host`` once and return its addresses, refusing if any may not be fetched."""
    try:
        addresses = list(dict.fromkeys((resolver or system_resolver)(host, port)))
    except (socket.gaierror, UnicodeError) as exc:
        reason = getattr(exc, "strerror", None) or str(exc)
        raise FetchError(f"cannot resolve host {host!r}: {reason}") from None
    if not addresses:
        raise FetchError(f"cannot resolve host {host!r}: no addresses")
    for address in addresses:
        try:
            ip = ipaddress.ip_address(str(address).split("%", 1)[0])
        except ValueError:
            raise FetchError(f"host {host!r} resolved to an unusable address {address!r}") from None
        if isinstance(ip, ipaddress.IPv6Address) and ip.ipv4_mapped:
            ip = ip.ipv4_mapped
        if not allow_private and not policy(ip):
            raise FetchError(f"refusing to fetch {host} ({ip}): a loopback, private or "
                             "reserved address; pass --allow-private to allow it")
    return addresses


def check_address(url: str, allow_private: bool, *, resolver: Optional[Resolver] = None,
                  policy: AddressPolicy = is_public) -> list[str]:
    """Raise FetchError unless the URL is http(s) and its host resolves only to allowed
    addresses; return those addresses (connect to them, not to a new lookup)."""
    host, port, _ = _split(url)
    return resolve_checked(host, port, allow_private, resolver=resolver, policy=policy)


def fetch(url: str, *, timeout: float, max_bytes: int, allow_private: bool = False,
          resolver: Optional[Resolver] = None, policy: AddressPolicy = is_public) -> Fetched:
    """Fetch ``url`` under the rules above; raise FetchError with a one-line reason."""
    deadline = time.monotonic() + timeout
    current = url
    try:
        for _hop in range(MAX_REDIRECTS + 1):
            host, port, target = _split(current)
            addresses = resolve_checked(host, port, allow_private, resolver=resolver,
                                        policy=policy)
            status, reason, location, content_type, body = _get_once(
                current, host, port, target, addresses, deadline, max_bytes)
            if status in _REDIRECT_CODES and location:
                current = urljoin(current, location.strip())
                continue
            if status >= 400:
                raise FetchError(f"HTTP {status} {reason}".rstrip())
            if not 200 <= status < 300:
                raise FetchError(f"unexpected HTTP {status} {reason}".rstrip())
            return Fetched(body, content_type.lower(), current)
        raise FetchError(f"more than {MAX_REDIRECTS} redirects")
    except FetchError:
        raise
    except (TimeoutError, socket.timeout):
        raise FetchError(f"timed out after {timeout:g} s") from None
    except ssl.SSLCertVerificationError as exc:
        raise FetchError(f"TLS certificate not accepted: {exc.verify_message or exc}") from None
    except ssl.SSLError as exc:
        raise FetchError(f"TLS failed: {exc.reason or exc}") from None
    except http.client.HTTPException as exc:
        raise FetchError(f"bad HTTP response: {type(exc).__name__}") from None
    except OSError as exc:
        raise FetchError(f"cannot fetch: {exc.strerror or exc}") from None


def fetch_url(url: str, *, timeout: float, max_bytes: int, allow_private: bool = False,
              resolver: Optional[Resolver] = None, policy: AddressPolicy = is_public
              ) -> tuple[bytes, str]:
    """Return (body, content type); raise FetchError with a one-line reason otherwise."""
    got = fetch(url, timeout=timeout, max_bytes=max_bytes, allow_private=allow_private,
                resolver=resolver, policy=policy)
    return got.body, got.content_type


def _split(url: str) -> tuple[str, int, str]:
    """(host, port, request target) of an http(s) URL; FetchError for anything else."""
    parts = urlsplit(url.strip())
    if parts.scheme.lower() not in ("http", "https") or not parts.hostname:
        raise FetchError(f"only http and https URLs can be fetched: {url[:200]}")
    try:
        port = parts.port or (443 if parts.scheme.lower() == "https" else 80)
    except ValueError:
        raise FetchError(f"bad port in URL: {url[:200]}") from None
    host = parts.hostname
    try:
        host.encode("ascii")
    except UnicodeEncodeError:
        try:
            host = host.encode("idna").decode("ascii")
        except UnicodeError:
            raise FetchError(f"bad host name in URL: {url[:200]}") from None
    target = quote(parts.path or "/", safe="/%:@!$&'()*+,;=-._~")
    if parts.query:
        target += "?" + quote(parts.query, safe="/%:@!$&'()*+,;=-._~?")
    return host, port, target


def _remaining(deadline: float) -> float:
    left = deadline - time.monotonic()
    if left <= 0:
        raise socket.timeout("deadline passed")
    return left


def _get_once(url: str, host: str, port: int, target: str, addresses: list[str],
              deadline: float, max_bytes: int) -> tuple[int, str, Optional[str], str, bytes]:
    """One GET to one of the checked addresses: (status, reason, Location, type, body)."""
    cls = _PinnedHTTPS if urlsplit(url).scheme.lower() == "https" else _PinnedHTTP
    conn = cls(host, port, addresses, deadline)
    response = None
    try:
        conn.request("GET", target, headers={
            "User-Agent": USER_AGENT, "Accept-Encoding": "identity", "Connection": "close",
            "Accept": "text/html, application/xhtml+xml, application/rss+xml, "
                      "application/atom+xml, text/xml;q=0.9, text/plain;q=0.8, */*;q=0.5"})
        response = conn.getresponse()
        status, reason = response.status, " ".join((response.reason or "").split())[:80]
        content_type = response.headers.get("Content-Type", "") or ""
        location = response.headers.get("Location")
        if status in _REDIRECT_CODES or status >= 400:
            return status, reason, location, content_type, b""
        length = response.headers.get("Content-Length")
        if length and length.strip().isdigit() and int(length) > max_bytes:
            raise FetchError(f"response is over {max_bytes / 1e6:.1f} MB")
        body = io.BytesIO()
        while True:
            _remaining(deadline)
            chunk = response.read(CHUNK)
            if not chunk:
                break
            body.write(chunk)
            if body.tell() > max_bytes:
                raise FetchError(f"response is over {max_bytes / 1e6:.1f} MB")
        return status, reason, location, content_type, body.getvalue()
    finally:
        conn.close()
        if response is not None:
            response.close()
        if conn.guarded is not None:
            conn.guarded.force_close()


class _DeadlineReader(io.RawIOBase):
    """Raw reads from a socket, each allowed only the time left before the deadline."""

    def __init__(self, owner: "_DeadlineSocket"):
        self._owner = owner

    def readable(self) -> bool:
        return True

    def readinto(self, buffer) -> int:
        sock = self._owner._sock
        sock.settimeout(_remaining(self._owner._deadline))
        return sock.recv_into(buffer)

    def close(self) -> None:
        if not self.closed:
            self._owner._release()
        super().close()


class _DeadlineSocket:
    """The socket http.client sees: sends and reads are bounded by one deadline.

    Like a real socket, it stays open while a response still reads from it:
    http.client closes the connection early on ``Connection: close`` and lets
    the response finish reading.
    """

    def __init__(self, sock: socket.socket, deadline: float):
        self._sock, self._deadline = sock, deadline
        self._refs, self._closed = 0, False

    def sendall(self, data) -> None:
        self._sock.settimeout(_remaining(self._deadline))
        self._sock.sendall(data)

    def makefile(self, mode: str = "rb", *args, **kwargs):
        if "w" in mode:
            raise ValueError("write files are not used")
        self._refs += 1
        return io.BufferedReader(_DeadlineReader(self))

    def _release(self) -> None:
        self._refs -= 1
        if self._closed and self._refs <= 0:
            self._sock.close()

    def close(self) -> None:
        self._closed = True
        if self._refs <= 0:
            self._sock.close()

    def force_close(self) -> None:
        self._closed = True
        self._sock.close()

    def __getattr__(self, name):
        return getattr(self._sock, name)


def _connect_pinned(addresses: list[str], port: int, deadline: float) -> socket.socket:
    """A TCP connection to the first checked address that answers before the deadline."""
    last: Optional[OSError] = None
    for address in addresses:
        try:
            return socket.create_connection((address, port), timeout=_remaining(deadline))
        except (TimeoutError, socket.timeout):
            raise
        except OSError as exc:
            last = exc
    assert last is not None
    raise last


def _shut(sock: socket.socket) -> None:
    try:
        sock.shutdown(socket.SHUT_RDWR)
    except OSError:
        pass


class _PinnedHTTP(http.client.HTTPConnection):
    """HTTP to a checked address; the Host header still names the host."""

    def __init__(self, host: str, port: int, addresses: list[str], deadline: float):
        super().__init__(host, port, timeout=max(0.001, deadline - time.monotonic()))
        self._addresses, self._deadline = addresses, deadline
        self.guarded: Optional[_DeadlineSocket] = None

    def connect(self) -> None:
        raw = _connect_pinned(self._addresses, self.port, self._deadline)
        self.sock = self.guarded = _DeadlineSocket(raw, self._deadline)


class _PinnedHTTPS(http.client.HTTPSConnection):
    """HTTPS to a checked address; SNI and certificate checks use the host name."""

    def __init__(self, host: str, port: int, addresses: list[str], deadline: float):
        super().__init__(host, port, timeout=max(0.001, deadline - time.monotonic()),
                         context=ssl.create_default_context())
        self._addresses, self._deadline = addresses, deadline
        self.guarded: Optional[_DeadlineSocket] = None

    def connect(self) -> None:
        raw = _connect_pinned(self._addresses, self.port, self._deadline)
        # The handshake makes several reads inside one call; a timer cuts it off at
        # the deadline so a slow server cannot stretch it read by read.
        watchdog = threading.Timer(_remaining(self._deadline), _shut, (raw,))
        watchdog.daemon = True
        watchdog.start()
        try:
            raw.settimeout(_remaining(self._deadline))
            tls = self._context.wrap_socket(raw, server_hostname=self.host)
            _remaining(self._deadline)
        except BaseException:
            raw.close()
            raise
        finally:
            watchdog.cancel()
        self.sock = self.guarded = _DeadlineSocket(tls, self._deadline)
