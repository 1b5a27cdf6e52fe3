"""What the routes of ``newsgraph serve`` share: the store, the analysis worker, the limits.

The store is opened when requests come and let go of when they stop (DuckDB lets one
process write a file or several read it), so the server and an ``ingest`` share a file.
"""

from __future__ import annotations

import atexit
import threading
import time
from contextlib import contextmanager
from pathlib import Path
from typing import Iterator, Optional

from fastapi import Request
from starlette.exceptions import HTTPException

from ..store import Store


class Limited(Exception):
    """A client asked for more than its share (HTTP 429)."""

    def __init__(self, retry_after: float):
        super().__init__(f"too many analyses from this client; try again in "
                         f"{max(1, round(retry_after))} s")
        self.retry_after = retry_after


class RateLimit:
    """A token bucket per client address: ``burst`` requests at once, then one per
    ``60 / per_minute`` seconds."""

    def __init__(self, per_minute: float = 20, burst: int = 5):
        if per_minute <= 0 or burst < 1:
            raise ValueError("a rate limit needs a positive rate and a burst of at least 1")
        self.rate, self.burst = per_minute / 60.0, burst
        self.buckets: dict[str, tuple[float, float]] = {}
        self.lock = threading.Lock()

    def take(self, client: str) -> None:
        now = time.monotonic()
        with self.lock:
            if len(self.buckets) > 10_000:  # forget idle clients; memory stays bounded
                self.buckets = {k: v for k, v in self.buckets.items() if now - v[1] < 600}
            tokens, then = self.buckets.get(client, (float(self.burst), now))
            tokens = min(self.burst, tokens + (now - then) * self.rate)
            if tokens < 1:
                raise Limited((1 - tokens) / self.rate)
            self.buckets[client] = (tokens - 1, now)


class Server:
    """What the routes share: the store, the analysis worker, the limits, the token.

    Read-only, the server opens the file when a request comes and lets go of it once no
    request has come for ``RELEASE_AFTER`` seconds: DuckDB lets one process write a file
    or several read it, so an ``ingest`` into the same file gets its turn between bursts
    of requests (and a request waits while a batch is written).  With a token the server
    may write (``POST /api/ingest``), so it holds the file read-write for its lifetime."""

    RELEASE_AFTER = 1.0  # seconds without a request before the file is let go
    MAX_WAITING = 4  # analyses running or queued; more are refused (503), not piled up

    def __init__(self, db: str | Path, token: Optional[str] = None,
                 article_timeout: float = 30.0, analyses_per_minute: float = 20):
        from ..engines.local import Analyzer

        self.db = str(db)
        self.token = token or None
        self.write_lock = threading.Lock()
        self.analyzer = Analyzer(article_timeout)
        self.limit = RateLimit(analyses_per_minute)
        self.queue = threading.BoundedSemaphore(self.MAX_WAITING)
        self._lock = threading.Lock()
        self._users = 0
        self._last_use = 0.0
        self._stop = threading.Event()
        self._store: Optional[Store] = Store(self.db, read_only=self.token is None)
        self._releaser: Optional[threading.Thread] = None
        if self.token is None:
            self._releaser = threading.Thread(target=self._release_when_idle, daemon=True,
                                              name="newsgraph-store-release")
            self._releaser.start()
            # Stopped before the interpreter finalizes: a daemon thread still inside DuckDB
            # then would abort the process.
            atexit.register(self._stop_releasing)

    @property
    def store(self) -> Store:
        """The open store (opened now if it was let go)."""
        with self._lock:
            if self._store is None:
                self._store = Store(self.db, read_only=self.token is None)
            return self._store

    def analyze(self, request: Request, run):
        """``run()`` for an analysis asked by ``request``'s client: within its rate, and
        only while few analyses wait (the one worker takes them one at a time)."""
        self.limit.take(request.client.host if request.client else "?")
        if not self.queue.acquire(blocking=False):
            raise HTTPException(503, "the server is busy analysing; try again shortly")
        try:
            return run()
        finally:
            self.queue.release()

    @contextmanager
    def reader(self) -> Iterator[Store]:
        """The store on a cursor of its own, for one request."""
        with self._lock:
            if self._store is None:
                self._store = Store(self.db, read_only=True)
            self._users += 1
            store = self._store.cursor()
        try:
            yield store
        finally:
            store.close()
            with self._lock:
                self._users -= 1
                self._last_use = time.monotonic()

    def _release_when_idle(self) -> None:
        while not self._stop.wait(self.RELEASE_AFTER / 4):
            with self._lock:
                idle = time.monotonic() - self._last_use > self.RELEASE_AFTER
                if self._store is not None and self._users == 0 and idle:
                    self._store.close()
                    self._store = None

    def _stop_releasing(self) -> None:
        self._stop.set()
        if self._releaser is not None:
            self._releaser.join(5)

    def close(self) -> None:
        self._stop_releasing()
        self.analyzer.close()
        with self._lock:
            if self._store is not None:
                self._store.close()
                self._store = None
