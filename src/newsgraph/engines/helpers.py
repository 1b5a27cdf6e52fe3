"""One function run in a helper process under a time limit.

Pages (trafilatura) and feeds (feedparser) can take a library minutes on hostile markup, in
the process that feeds the workers.  Each is sent to a spawned helper process that is given
so many seconds per item and replaced after a timeout or a crash; the item fails alone.
"""

from __future__ import annotations

import importlib
from typing import Callable, NamedTuple

HELPER_START = 120.0  # seconds for a helper to import its library on a busy machine


class HelperFailure(NamedTuple):
    """Why an item got no answer: a one-line reason and its code (timeout, crashed)."""

    why: str
    code: str


def serve_calls(conn, fn: Callable, preload: str) -> None:
    """The helper's loop: import ``preload`` (before the first item's clock starts), then
    answer ``fn(*args)`` for every tuple of arguments sent, until the pipe closes."""
    importlib.import_module(preload)
    conn.send("ready")
    while True:
        try:
            args = conn.recv()
        except (EOFError, OSError):
            return
        conn.send(fn(*args))


class TimedHelper:
    """``fn`` in the helper process ``serve`` starts (a module-level function that calls
    :func:`serve_calls`), started on first use; ``fn`` in this process when no helper can
    start (a script that runs its work on import)."""

    def __init__(self, serve: Callable, fn: Callable, name: str, what: str) -> None:
        self.serve, self.fn, self.name, self.what = serve, fn, name, what
        self.process = None
        self.conn = None

    def _start(self) -> bool:
        from ..errors import NewsgraphError
        from .local import start_helper

        try:
            process, parent = start_helper(self.serve, (), self.name)
        except NewsgraphError:
            return False
        self.process, self.conn = process, parent
        try:
            if parent.poll(HELPER_START) and parent.recv() == "ready":
                return True
        except (EOFError, OSError):
            pass
        self._stop()
        return False

    def _stop(self) -> None:
        if self.process is not None:
            self.process.kill()
            self.process.join(5)
            self.conn.close()
        self.process = self.conn = None

    def run(self, args: tuple, timeout: float):
        """``fn(*args)``'s answer, or a :class:`HelperFailure` after ``timeout`` seconds or
        a crash (the helper is then replaced)."""
        if self.process is None or not self.process.is_alive():
            self._stop()
            if not self._start():
                return self.fn(*args)
        try:
            self.conn.send(args)
            if self.conn.poll(timeout):
                return self.conn.recv()
            failure = HelperFailure(f"{self.what} took longer than {timeout:g} s; skipped",
                                    "timeout")
        except (EOFError, OSError):
            failure = HelperFailure(f"{self.what} crashed; skipped", "crashed")
        self._stop()
        return failure
