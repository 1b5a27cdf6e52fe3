"""Small real HTTP servers on loopback for the fetch, feed and WARC tests."""

from __future__ import annotations

import socket
import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer


class Site:
    """A loopback HTTP server answering from a route table and recording every request.

    ``routes`` maps a path to ``(status, headers, body)``; unknown paths get 404.
    """

    def __init__(self, host: str = "127.0.0.1", port: int = 0):
        self.routes: dict[str, tuple[int, dict, bytes]] = {}
        self.requests: list[tuple[str, str]] = []  # (path, Host header)
        site = self

        class Handler(BaseHTTPRequestHandler):
            protocol_version = "HTTP/1.1"

            def do_GET(self):
                site.requests.append((self.path, self.headers.get("Host", "")))
                status, headers, body = site.routes.get(self.path, (404, {}, b"not here"))
                self.send_response(status)
                for name, value in headers.items():
                    self.send_header(name, value)
                if "Transfer-Encoding" not in headers:
                    self.send_header("Content-Length", str(len(body)))
                self.send_header("Connection", "close")
                self.end_headers()
                self.wfile.write(body)

            def log_message(self, *args):
                pass

        self.server = ThreadingHTTPServer((host, port), Handler)
        self.server.daemon_threads = True
        self.host, self.port = self.server.server_address[:2]
        threading.Thread(target=self.server.serve_forever, args=(0.05,), daemon=True).start()

    @property
    def base(self) -> str:
        return f"http://{self.host}:{self.port}"

    def page(self, path: str, body: bytes, content_type: str = "text/html; charset=utf-8"):
        self.routes[path] = (200, {"Content-Type": content_type}, body)

    def redirect(self, path: str, location: str, status: int = 302):
        self.routes[path] = (status, {"Location": location}, b"")

    def close(self):
        self.server.shutdown()
        self.server.server_close()


def same_port_pair() -> tuple[Site, Site]:
    """Two sites on one port: 127.0.0.2 (stands in for a public host) and 127.0.0.1."""
    for _ in range(20):
        public = Site("127.0.0.2")
        try:
            internal = Site("127.0.0.1", public.port)
        except OSError:
            public.close()
            continue
        return public, internal
    raise RuntimeError("no free port for the pair")


class SlowDrip:
    """A raw loopback server that answers every request one byte at a time.

    With ``headers_too`` even the status line and headers are dripped.
    """

    def __init__(self, interval: float = 0.5, headers_too: bool = False):
        self.interval, self.headers_too = interval, headers_too
        self.sock = socket.socket()
        self.sock.bind(("127.0.0.1", 0))
        self.sock.listen(4)
        self.port = self.sock.getsockname()[1]
        self.stop = threading.Event()
        threading.Thread(target=self._serve, daemon=True).start()

    @property
    def base(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    def _serve(self):
        self.sock.settimeout(0.2)
        while not self.stop.is_set():
            try:
                conn, _ = self.sock.accept()
            except OSError:
                continue
            threading.Thread(target=self._drip, args=(conn,), daemon=True).start()

    def _drip(self, conn):
        try:
            conn.settimeout(5)
            conn.recv(65536)
            head = b"HTTP/1.1 200 OK\r\nContent-Type: text/plain\r\nContent-Length: 400\r\n\r\n"
            if not self.headers_too:
                conn.sendall(head)
                head = b""
            for byte in head + b"x" * 400:
                if self.stop.is_set():
                    break
                conn.sendall(bytes([byte]))
                time.sleep(self.interval)
        except OSError:
            pass
        finally:
            conn.close()

    def close(self):
        self.stop.set()
        self.sock.close()


def fake_dns(monkeypatch, answers: dict[str, list]):
    """Make socket.getaddrinfo answer for invented names; each call pops the next answer.

    ``answers[name]`` is a list of address lists: the first call gets the first
    list, and so on (the last one repeats).  Returns the log of names looked up.
    """
    real = socket.getaddrinfo
    calls: list[str] = []

    def getaddrinfo(host, port, *args, **kwargs):
        if host not in answers:
            return real(host, port, *args, **kwargs)
        calls.append(host)
        queue = answers[host]
        addresses = queue.pop(0) if len(queue) > 1 else queue[0]
        out = []
        for address in addresses:
            family = socket.AF_INET6 if ":" in address else socket.AF_INET
            sockaddr = (address, port, 0, 0) if family == socket.AF_INET6 else (address, port)
            out.append((family, socket.SOCK_STREAM, socket.IPPROTO_TCP, "", sockaddr))
        return out

    monkeypatch.setattr(socket, "getaddrinfo", getaddrinfo)
    return calls
