"""The single writer of an ingest: batched transactions, and the file free between them.

Workers parse; this process alone writes.  Results are kept until a batch is due (every
``flush_articles`` articles or ``flush_seconds`` seconds), then the file is opened, the
batch stored in one transaction (:meth:`Store.save_many`) and the file closed again.
Every ``link_every`` stored articles a linking pass (copies, stories, corpus entities) runs
in a thread beside the workers' parsing, holding the file meanwhile (batches wait in
memory for it); the last pass runs at the end.  The first pass builds the linker's indexes,
from the saved ``.linker`` file or by replaying the linked articles, read
``replay_chunk`` at a time with the file released between reads.  Two things follow:

* **Speed.** A commit per batch rather than per article: the commit was the store's
  cost.
* **Readers during an ingest.** DuckDB lets one process write *or* several read.  Between
  two batches nobody holds the file, so ``query``, ``stats`` or any DuckDB client can open
  it; each side waits (:data:`.db.LOCK_WAIT`) while the other holds it.  A reader sees
  every batch committed before it opened the file, and only whole articles.

Duplicates are skipped before parsing, against the hashes stored when the ingest began
(kept as 64-bit prefixes in a set: about 70 bytes an article, 70 MB for a million) and
those analysed since; a copy of a text still in flight is held back by the engine and
comes here as :class:`~..engines.local.SameText`, or as a failure when its first copy
failed.  The transaction checks the full hash again, so a concurrent ingest of the same
file stores each article once.
"""

from __future__ import annotations

import threading
import time
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable, Iterator, Optional

from ..engines.local import SameText
from ..errors import ArticleError
from ..pipeline import Analysis
from .db import Prepared, Store

FLUSH_ARTICLES = 64
FLUSH_SECONDS = 2.0
BACKLOG = 4  # batches kept waiting for a linking pass before the writer waits for it too
LINK_EVERY = 200  # stored articles between two linking passes (each beside the parsing)
REPLAY_CHUNK = 1000  # articles read per opening of the file while the linker replays the store


def _id_of(item: Analysis | Prepared) -> str:
    return item.id if isinstance(item, Prepared) else item.article.id


def _short(content_hash: str) -> int:
    return int(content_hash[:16], 16)


@dataclass
class WriteCounts:
    stored: int = 0
    duplicates: int = 0
    failed: int = 0
    linked: int = 0
    link_error: Optional[str] = None
    saved_state: Optional[bool] = None  # the linker's indexes written beside the store
    stored_ids: list[str] = field(default_factory=list)  # since the last flush, for -v


class BatchWriter:
    """Store results in batches; link stored articles every ``link_every`` and at the end."""

    def __init__(self, path: str | Path, versions: dict[str, str], link: bool = True,
                 flush_articles: int = FLUSH_ARTICLES, flush_seconds: float = FLUSH_SECONDS,
                 link_every: int = LINK_EVERY,
                 on_stored: Optional[Callable[[list[str]], None]] = None,
                 replay_chunk: int = REPLAY_CHUNK,
                 on_replay: Optional[Callable[[int], None]] = None):
        self.path = Path(path)
        self.versions = versions
        self.link = link
        self.flush_articles = flush_articles
        self.flush_seconds = flush_seconds
        self.link_every = link_every
        self.on_stored = on_stored
        self.replay_chunk = replay_chunk
        self.on_replay = on_replay  # called between replay chunks, the file closed
        self.counts = WriteCounts()
        self.pending: list[Analysis | Prepared] = []
        self.failures: list[ArticleError] = []
        self.last_flush = time.monotonic()
        self.linker = None
        self.unlinked = 0
        self.file = threading.Lock()  # held while this process has the DuckDB file open
        self.linking: Optional[threading.Thread] = None
        self.seen: set[int] = set()
        with Store(self.path) as store:  # creates and migrates the file
            cursor = store.con.execute("SELECT hash FROM articles")
            while rows := cursor.fetchmany(10_000):  # not a list of a million strings
                self.seen.update(_short(r[0]) for r in rows)

    def is_new(self, content_hash: str) -> bool:
        """False (and counted as a duplicate) if this text is stored, or was analysed
        earlier in this run.  A text still in flight, or that failed, is new here: the
        engine (:func:`..engines.local.run`) holds such a copy back and hands it out as
        :class:`SameText` or as a one-line failure naming the first, so no copy is
        skipped without a word when its first fails."""
        if _short(content_hash) in self.seen:
            self.counts.duplicates += 1
            return False
        return True

    def add(self, result: Analysis | Prepared | ArticleError | SameText) -> None:
        if isinstance(result, ArticleError):
            self.counts.failed += 1
            self.failures.append(result)
        elif isinstance(result, SameText):
            self.counts.duplicates += 1
        else:
            self.seen.add(_short(result.hash if isinstance(result, Prepared)
                                 else result.article.hash))
            self.pending.append(result)
        if len(self.pending) >= self.flush_articles or \
                time.monotonic() - self.last_flush >= self.flush_seconds:
            self.flush()

    def flush(self, final: bool = False) -> None:
        """Write what is pending in one transaction, unless a linking pass has the file
        (then the next call writes it); start a linking pass when one is due.  ``final``
        waits for the pass, writes everything and links what is left."""
        self.last_flush = time.monotonic()
        if final:
            self._wait_for_linking()
        if not (self.pending or self.failures or (final and self.link)):
            return
        if final and self.link:
            self._open_linker()
        backlog = len(self.pending) >= BACKLOG * self.flush_articles
        if not self.file.acquire(blocking=final or backlog):
            return  # a linking pass has the file; write these with the next batch
        try:
            with Store(self.path) as store:
                stored = store.save_many(self.pending, self.versions) if self.pending else []
                for error in self.failures:
                    store.record_failure(error)
                ids = [_id_of(a) for a, ok in zip(self.pending, stored) if ok]
                self.counts.stored += len(ids)
                self.counts.duplicates += len(stored) - len(ids)
                self.pending, self.failures = [], []
                self.unlinked += len(ids)
                if final and self.link:
                    self._link(store, final=True)
        finally:
            self.file.release()
        if ids and self.on_stored:
            self.on_stored(ids)
        if not final and self.link and self.unlinked >= self.link_every \
                and (self.linking is None or not self.linking.is_alive()):
            self.unlinked = 0
            self.linking = threading.Thread(target=self._link_beside, daemon=True,
                                            name="newsgraph-link")
            self.linking.start()

    def close(self) -> WriteCounts:
        self.flush(final=True)
        return self.counts

    def _wait_for_linking(self) -> None:
        if self.linking is not None:
            self.linking.join()
            self.linking = None

    def _link_beside(self) -> None:
        """A linking pass in a thread: the workers keep parsing meanwhile (the pass runs
        mostly in this process's Python, which would otherwise leave them idle)."""
        try:
            self._open_linker()
            with self.file, Store(self.path) as store:
                self._link(store, final=False)
        except Exception as exc:  # noqa: BLE001 - reported at the end; articles stay stored
            self.counts.link_error = self.counts.link_error or f"{type(exc).__name__}: {exc}"

    @contextmanager
    def _held(self) -> Iterator[Store]:
        """The store, open in this process while no other thread of it has the file."""
        with self.file, Store(self.path) as store:
            yield store

    def _open_linker(self) -> None:
        """Build the linker (once) without holding the file for the whole replay: a first
        pass over a big store without a saved ``.linker`` file replays every linked
        article, and readers waited for all of it (:meth:`Linker.opened`)."""
        from ..corpus.linker import Linker

        if self.linker is not None or self.counts.link_error:
            return
        try:
            self.linker = Linker.opened(self._held, chunk=self.replay_chunk,
                                        between=self.on_replay)
        except Exception as exc:  # noqa: BLE001 - reported; the stored articles stay
            self.counts.link_error = f"{type(exc).__name__}: {exc}"

    def _link(self, store: Store, final: bool) -> None:
        """Link what is stored so far; the linker is built (replaying the store) once.

        A linking error leaves the articles stored (the next ingest or ``relink`` links
        them) and stops linking for this run."""
        from ..corpus.linker import Linker

        if self.counts.link_error:
            return
        try:
            if self.linker is None:
                self.linker = Linker(store)
            self.linker.store = store
            self.counts.linked += self.linker.link_pending().articles
            if final and self.counts.linked:
                self.counts.saved_state = self.linker.save_state()
        except Exception as exc:  # noqa: BLE001 - reported; the stored articles stay
            self.counts.link_error = f"{type(exc).__name__}: {exc}"
