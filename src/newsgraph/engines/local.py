"""Run the pipeline on every core of this machine, in input order, with a time limit.

:func:`run` hands batches (:func:`.batch.batches`, cut by characters) to worker processes.
Each worker loads the model once and parses with ``nlp.pipe``
(:func:`.batch.analyze_batch`); the caller gets one result per input item, in input
order, so ``analyze`` prints and ``ingest`` stores exactly what one process would.

Why processes, and why a watchdog: the parse is CPU-bound and holds the GIL, and one
article can be pathological (spaCy's tokenizer is quadratic on some runs of
punctuation; the normalise stage defuses the runs we know).  A batch that runs past the
time limit, or whose worker dies (out of memory, a crash in native code), costs the
worker: it is killed and replaced, and the batch's articles are tried again one by one,
so the article at fault fails alone with a one-line error and the rest go on.

``workers=0`` runs in this process with no time limit (for the Python API and
debugging).  Workers are started with ``spawn``: no state is shared with the parent
(its database connection, its threads), and a replacement worker starts clean.
"""

from __future__ import annotations

import gc
import multiprocessing
import os
import signal
import time
from collections import defaultdict, deque
from dataclasses import dataclass, field
from itertools import chain
from multiprocessing.connection import Connection, wait
from typing import Any, Callable, Iterable, Iterator, Optional

from ..errors import ArticleError, NewsgraphError
from ..model import Article
from ..pipeline import Analysis
from . import batch as batching

ARTICLE_TIMEOUT = 60.0  # seconds; a batch of ordinary news takes a few
WORKER_START_TIMEOUT = 180.0  # loading the model on a busy machine
AHEAD = 3  # batches read ahead per worker: bounds the memory the reorder buffer holds

# A short article each worker analyses before it says it is ready, so lazily loaded
# lexicons and models are not charged to the first batch's time limit.
_WARM_UP = Article(id="warm-up", text="The mayor said on Monday that the city would "
                   "open two new schools next year.\nPolice arrested a man in Springfield.")


def default_workers() -> int:
    """The cores this process may use."""
    try:
        return max(1, len(os.sched_getaffinity(0)))
    except AttributeError:  # pragma: no cover - not Linux
        return max(1, os.cpu_count() or 1)


def run(items: Iterable[Article | ArticleError], workers: Optional[int] = None,
        article_timeout: float = ARTICLE_TIMEOUT,
        timings: Optional[dict[str, float]] = None,
        max_batch_chars: int = batching.MAX_BATCH_CHARS,
        render: Optional[Callable[[Analysis], Any]] = None,
        share_copies: Optional[bool] = None,
        ) -> Iterator[Any]:
    """Yield one Analysis (or ``render(analysis)``) or ArticleError per item, in input order.

    ``render``, a module-level function, runs in the worker on each analysis: the JSON
    line ``analyze --jsonl`` prints, the rows ``ingest`` stores.  Done there, that work
    is spread over the cores instead of queuing in the one process that prints or writes.
    ``timings`` (if given) accumulates seconds per stage, summed over the workers.

    Identical texts in one run (see :class:`_Copies`): an article whose text an earlier
    article of the run failed on gets that failure, in one line of its own, without a
    second try (a text that ran out of time would only run out of time again).  With
    ``share_copies`` (the default when ``render`` is :func:`newsgraph.store.db.prepare`:
    the store keeps a text once, whatever its id) a copy of a text still being analysed
    is not analysed again either: it comes out as :class:`SameText`, or as the first
    copy's failure."""
    workers = default_workers() if workers is None else workers
    if share_copies is None:
        share_copies = getattr(render, "__name__", None) == "prepare" and \
            render is _store_prepare()
    failure: list[Exception] = []
    copies = _Copies(share_copies)
    results = _results(copies.read(_until_error(items, failure)), workers, article_timeout,
                       timings, max_batch_chars, render)
    yield from copies.out(results)
    if failure:
        raise failure[0]


def _store_prepare() -> Callable:
    from ..store.db import prepare

    return prepare


def _results(items: Iterator, workers: int, article_timeout: float, timings: Optional[dict],
             max_batch_chars: int, render: Optional[Callable]) -> Iterator[Any]:
    """One result per item, in input order, from this process or from worker processes."""
    batches = batching.batches(items, max_chars=max_batch_chars)
    if workers <= 0:
        pipe = batching.pipeline()
        for chunk in batches:
            before = dict(pipe.timings)
            yield from _rendered(batching.analyze_batch(chunk, pipe), render)
            _add_timings(timings, pipe.timings, before)
        return
    first = None
    for chunk in batches:  # no worker until there is something to parse (a re-run of
        if any(isinstance(item, Article) for item in chunk):  # duplicates starts none)
            first = chunk
            break
        yield from chunk  # input errors only
    if first is None:
        return
    second = next(batches, None)  # one batch is one worker's job: start one
    size = workers if second is not None else 1
    pool = _Pool(size, article_timeout, timings, render)
    finished = False
    try:
        yield from pool.run(chain([first] if second is None else [first, second], batches))
        finished = True
    finally:  # stopped early (an error, Ctrl-C, a closed pipe): no waiting
        pool.close(wait=finished)


@dataclass
class SameText:
    """In place of an article whose text an earlier article of the same run has, analysed
    without error (only with ``share_copies``): the store holds each text once, so it is
    a duplicate, and it was not analysed a second time."""

    article_id: str
    origin: Optional[str]
    hash: str
    first_id: str


@dataclass
class _Open:
    """A text read in this run whose occurrences are not all handed out yet."""

    first_id: str
    refs: int = 1  # occurrences read and not yet handed out


class _Copies:
    """Identical texts (same content hash) within one run.

    The first occurrence is analysed.  A later one is held back, never analysed, when the
    text already failed in this run (it gets that failure, one line naming the first), or,
    with ``share``, when the first is still in flight (it gets the first's outcome).  Held
    copies keep their place in the output.  Memory: the texts in flight, and the hashes of
    the texts that failed."""

    def __init__(self, share: bool):
        self.share = share
        self.open: dict[str, _Open] = {}
        self.failed: dict[str, ArticleError] = {}  # hash -> the first failure of the text
        self.order: deque = deque()  # per item read: (held?, item)

    def read(self, items: Iterable) -> Iterator:
        """The items to analyse; the held copies are only noted in ``order``."""
        for item in items:
            if isinstance(item, Article):
                key = item.hash
                entry = self.open.get(key)
                if entry is not None:
                    entry.refs += 1
                if key in self.failed or (entry is not None and self.share):
                    self.order.append((True, item))
                    continue
                if entry is None:
                    self.open[key] = _Open(item.id)
            self.order.append((False, item))
            yield item

    def out(self, results: Iterable) -> Iterator:
        """Every item's result in input order: the analysed ones' and the held copies'."""
        for result in results:
            yield from self._held()
            _, item = self.order.popleft()
            if isinstance(item, Article):
                entry = self.open[item.hash]
                if isinstance(result, ArticleError):
                    self.failed.setdefault(item.hash, result)
                self._release(item.hash, entry)
            yield result
        yield from self._held()

    def _held(self) -> Iterator:
        while self.order and self.order[0][0]:
            _, copy = self.order.popleft()
            key = copy.hash
            first = self.failed.get(key)
            entry = self.open.get(key)
            if first is not None:
                yield ArticleError(f"the same text as {first.origin or first.article_id} "
                                   f"failed earlier in this run ({first.code}); not analysed "
                                   "again", article_id=copy.id, origin=copy.origin,
                                   code=first.code, content_hash=key)
            else:
                yield SameText(copy.id, copy.origin, key, entry.first_id if entry else "")
            if entry is not None:
                self._release(key, entry)

    def _release(self, key: str, entry: _Open) -> None:
        entry.refs -= 1
        if entry.refs <= 0:
            del self.open[key]


def _until_error(items: Iterable, failure: list) -> Iterator:
    """The items until the input raises; the error is kept in ``failure`` and raised once
    every item read before it has been analysed and handed out (none is lost)."""
    try:
        yield from items
    except Exception as exc:  # noqa: BLE001 - re-raised by run()
        failure.append(exc)


# -- the worker process -----------------------------------------------------------------------
def _rendered(results: list, render: Optional[Callable]) -> list:
    if render is None:
        return results
    return [render(r) if isinstance(r, Analysis) else r for r in results]


def _serve(conn: Connection, render: Optional[Callable] = None) -> None:
    """A worker: load the pipeline, say so, then analyse each batch sent until told to stop."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)  # Ctrl-C is the parent's to handle
    for name in _BLAS_THREADS:  # read when numpy loads, which has not happened here yet
        os.environ[name] = "1"
    try:
        pipe = batching.pipeline()
        _one_blas_thread()
        batching.analyze_batch([_WARM_UP], pipe)
    except Exception as exc:  # no model, a broken plugin: the parent raises it as it is
        try:
            conn.send(("failed", exc, None))
        except Exception:  # noqa: BLE001 - not picklable: its text will do
            conn.send(("failed", RuntimeError(f"{type(exc).__name__}: {exc}"), None))
        return
    pipe.timings.clear()
    # The model, the lexicons and the modules stay for the worker's life: frozen, the
    # cyclic collector stops traversing them on every older-generation collection (its
    # CPU time over 300 PolNeAR articles: 0.85 s -> 0.20 s, 2.2% -> 0.5% of the parse).
    gc.collect()
    gc.freeze()
    conn.send(("ready", None, None))
    while True:
        try:
            message = conn.recv()
        except (EOFError, OSError):  # the parent is gone
            return
        if message is None:
            return
        job_id, items = message
        before = dict(pipe.timings)
        results = _rendered(batching.analyze_batch(items, pipe), render)
        spent: dict[str, float] = {}
        _add_timings(spent, pipe.timings, before)
        try:
            conn.send((job_id, results, spent))
        except (BrokenPipeError, OSError):
            return


# A worker runs numpy's BLAS on one thread for its whole life.  There is one worker per
# core: a multi-threaded BLAS in each only makes its threads spin on cores the other
# workers need.  Parsing 120 PolNeAR train articles on this 2-core machine took 13.9-15.4
# CPU-s with OpenBLAS's default 2 threads, 12.0-12.7 with one thread set before numpy
# loads, and 13.9-14.3 when the limit is only set afterwards (threadpoolctl); the parses
# are the same.  So the worker sets these first, and the limit again once the pipeline is
# loaded (numpy may have been loaded already, by the script that started the workers).
_BLAS_THREADS = ("OPENBLAS_NUM_THREADS", "MKL_NUM_THREADS", "BLIS_NUM_THREADS")


def _one_blas_thread() -> None:
    """Limit every BLAS library loaded in this process to one thread."""
    from threadpoolctl import threadpool_limits

    threadpool_limits(limits=1, user_api="blas")


def start_helper(target: Callable, args: tuple, name: str
                 ) -> tuple[multiprocessing.process.BaseProcess, Connection]:
    """Spawn a helper process running ``target(conn, *args)``; return it and the parent's
    end of the pipe.  Workers here and the HTML extractor (:mod:`newsgraph.html`) start
    this way: spawned (no state shared with this process), and deaf to Ctrl-C from birth
    (the terminal sends SIGINT to the whole process group, and a child still importing
    would print a traceback; Python leaves SIGINT ignored when it starts with it ignored).
    Raises NewsgraphError when the calling script starts helpers on import."""
    import threading

    context = multiprocessing.get_context("spawn")
    parent, child = context.Pipe(duplex=True)
    process = context.Process(target=target, args=(child, *args), daemon=True, name=name)
    main_thread = threading.current_thread() is threading.main_thread()
    previous = signal.signal(signal.SIGINT, signal.SIG_IGN) if main_thread else None
    try:
        process.start()
    except RuntimeError as exc:  # spawn re-imports a main module that starts helpers
        if "bootstrapping phase" not in str(exc):
            raise
        raise NewsgraphError("worker processes cannot start from a script that runs its "
                             "work on import: put it under `if __name__ == "
                             "\"__main__\":`, or pass workers=0") from None
    finally:
        if main_thread:
            signal.signal(signal.SIGINT, previous)
    child.close()
    return process, parent


def _add_timings(total: Optional[dict], now: dict, before: dict) -> None:
    if total is None:
        return
    for name, seconds in now.items():
        total[name] = total.get(name, 0.0) + seconds - before.get(name, 0.0)


# -- the parent's side ------------------------------------------------------------------------
@dataclass
class _Job:
    """Items ``offset``.. of input batch ``batch_no``; ``alone`` when it was split off a
    batch that failed (a failure of a one-item job is the article's own)."""

    job_id: int
    batch_no: int
    offset: int
    items: list
    alone: bool = False


@dataclass
class _Worker:
    process: multiprocessing.process.BaseProcess
    conn: Connection
    ready: bool = False
    started: float = field(default_factory=time.monotonic)
    job: Optional[_Job] = None
    sent: float = 0.0


class _Pool:
    def __init__(self, size: int, article_timeout: float, timings: Optional[dict],
                 render: Optional[Callable] = None):
        self.render = render
        self.article_timeout = article_timeout
        self.timings = timings
        self.workers = [self._start() for _ in range(size)]
        self.job_ids = 0

    def _start(self) -> _Worker:
        process, conn = start_helper(_serve, (self.render,), "newsgraph-worker")
        return _Worker(process, conn)

    def _replace(self, worker: _Worker) -> None:
        worker.process.kill()
        worker.process.join(5)
        worker.conn.close()
        self.workers[self.workers.index(worker)] = self._start()

    def close(self, wait: bool = True) -> None:
        """Stop the workers: idle ones are told to, busy ones (``wait=False``) killed."""
        for worker in self.workers:
            try:
                worker.conn.send(None)
            except (BrokenPipeError, OSError):
                pass
        deadline = time.monotonic() + (5 if wait else 0)
        for worker in self.workers:
            worker.process.join(max(0.0, deadline - time.monotonic()))
            if worker.process.is_alive():
                worker.process.kill()
                worker.process.join(5)
            worker.conn.close()

    def _job(self, batch_no: int, offset: int, items: list, alone: bool = False) -> _Job:
        self.job_ids += 1
        return _Job(self.job_ids, batch_no, offset, items, alone)

    def run(self, batches: Iterator[list]) -> Iterator[Analysis | ArticleError]:
        queue: deque[_Job] = deque()
        slots: dict[int, list] = {}  # batch_no -> results so far (None = not yet)
        missing: dict[int, int] = defaultdict(int)
        read = 0  # batches taken from the input
        next_out = 0
        exhausted = False
        while True:
            # 1. Give work to every idle, ready worker, reading ahead a bounded amount.
            for worker in self.workers:
                if not worker.ready or worker.job is not None:
                    continue
                if not queue and not exhausted and read - next_out < AHEAD * len(self.workers):
                    chunk = next(batches, None)
                    if chunk is None:
                        exhausted = True
                    else:
                        slots[read] = [None] * len(chunk)
                        missing[read] = len(chunk)
                        queue.append(self._job(read, 0, chunk))
                        read += 1
                if queue:
                    self._send(worker, queue.popleft())
            # 2. Hand out, in order, every batch that is complete.
            while next_out in slots and missing[next_out] == 0:
                yield from slots.pop(next_out)
                del missing[next_out]
                next_out += 1
            if exhausted and not queue and next_out == read:
                return
            # 3. Wait for a result, a worker becoming ready, or the nearest deadline.
            self._collect(queue, slots, missing)

    def _send(self, worker: _Worker, job: _Job) -> None:
        worker.job, worker.sent = job, time.monotonic()
        try:
            worker.conn.send((job.job_id, job.items))
        except (BrokenPipeError, OSError):
            pass  # seen as a dead worker by _collect

    def _collect(self, queue: deque, slots: dict, missing: dict) -> None:
        now = time.monotonic()
        deadlines = [w.sent + self.article_timeout if w.job else
                     w.started + WORKER_START_TIMEOUT for w in self.workers
                     if w.job or not w.ready]
        timeout = max(0.0, min(deadlines) - now) if deadlines else None
        by_conn = {w.conn: w for w in self.workers}
        for conn in wait(list(by_conn), timeout):
            worker = by_conn[conn]
            try:
                job_id, results, spent = conn.recv()
            except (EOFError, OSError):
                self._failed(worker, queue, slots, missing, "crashed")
                continue
            if job_id == "ready":
                worker.ready = True
                continue
            if job_id == "failed":  # the worker could not load the pipeline
                raise results
            job = worker.job
            worker.job = None
            if job is None or job.job_id != job_id:  # pragma: no cover - protocol guard
                continue
            _add_timings(self.timings, spent, {})
            self._fill(job, results, slots, missing)
        now = time.monotonic()
        for worker in list(self.workers):
            if worker.job and now - worker.sent > self.article_timeout:
                self._failed(worker, queue, slots, missing, "timeout")
            elif not worker.ready and not worker.job and now - worker.started > \
                    WORKER_START_TIMEOUT:
                raise RuntimeError("a worker process could not load the pipeline within "
                                   f"{WORKER_START_TIMEOUT:g} s")
            elif not worker.process.is_alive() and not worker.conn.poll():
                self._failed(worker, queue, slots, missing, "crashed")

    def _failed(self, worker: _Worker, queue: deque, slots: dict, missing: dict,
                why: str) -> None:
        """A worker ran out of time or died: replace it; retry its articles one by one."""
        job = worker.job
        if job is None and not worker.ready:
            worker.process.join(1)
            raise NewsgraphError("a worker process died while loading the pipeline (exit "
                                 f"code {worker.process.exitcode}; its error is above: a "
                                 "script that starts workers needs an `if __name__ == "
                                 "\"__main__\":` guard)")
        self._replace(worker)
        if job is None:
            return
        if len(job.items) > 1:
            singles = [self._job(job.batch_no, job.offset + i, [item], alone=True)
                       for i, item in enumerate(job.items)]
            queue.extendleft(reversed(singles))
            return
        item = job.items[0]
        if isinstance(item, Article):
            message = (f"analysis took longer than {self.article_timeout:g} s; skipped "
                       "(raise --article-timeout to allow more)" if why == "timeout" else
                       "the worker analysing this article died (out of memory or a crash); "
                       "skipped")
            error = ArticleError(message, article_id=item.id, origin=item.origin, code=why,
                                 content_hash=item.hash)
        else:
            error = item
        self._fill(job, [error], slots, missing)

    @staticmethod
    def _fill(job: _Job, results: list, slots: dict, missing: dict) -> None:
        row = slots[job.batch_no]
        for i, result in enumerate(results):
            row[job.offset + i] = result
        missing[job.batch_no] -= len(results)


class Analyzer:
    """One worker process kept for a long-running program (``newsgraph serve``): each
    :meth:`analyze` call sends it one article, under the same time limit and crash guard
    as a run, so a pathological text costs one request, never the server.

    The worker starts on first use (loading the model takes a few seconds) and is
    replaced after a timeout or a crash.  Calls are serialised: one article at a time."""

    def __init__(self, article_timeout: float = ARTICLE_TIMEOUT):
        import threading

        self.article_timeout = article_timeout
        self._lock = threading.Lock()
        self._pool: Optional[_Pool] = None

    def analyze(self, article: Article) -> Analysis | ArticleError:
        """The analysis of ``article``, or the ArticleError that stopped it."""
        with self._lock:
            if self._pool is None:
                self._pool = _Pool(1, self.article_timeout, None)
            try:
                return next(self._pool.run(iter([[article]])))
            except BaseException:  # the worker could not start: the next call starts anew
                self.close()
                raise

    def close(self) -> None:
        if self._pool is not None:
            self._pool.close()
            self._pool = None
