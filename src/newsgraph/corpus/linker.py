"""Keep a store's copies, stories and corpus entities up to date, one article at a time.

:class:`Linker` holds the three online indexes (:class:`.copies.CopyIndex`,
:class:`.stories.StoryIndex`, :class:`.entities.EntityLinker`).  Opening one over a store
replays the articles already linked, in arrival order and without writing (the indexes
are deterministic, so the replay rebuilds exactly the state that produced the stored
links); :meth:`Linker.link_pending` then links the articles stored since, batch by batch,
each batch written in one transaction.  ``ingest`` calls it as it goes; ``relink``
forgets every link and links everything again, which gives the same result because the
order (``articles.seq``) is the same.

For each article, in order: its copy group first (a copy joins its original's story
outright), then its story, then its entities (the story is context for them).
"""

from __future__ import annotations

import json
import time
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from functools import lru_cache
from datetime import date
from typing import Callable, ContextManager, Optional

from . import CorpusArticle
from .copies import CopyIndex, CopyMatch, copy_features
from .entities import FOUND, EntityLinker
from .stories import StoryIndex, StoryMatch, story_features

BATCH = 4000  # articles read and written per transaction (each write scans the tables once)
STATE_VERSION = 4  # bump when the indexes' shape changes: older state files are ignored
STORY_ENTITIES = 8  # main entities listed per story
LINKED_KINDS = {"PERSON", "ORG", "GPE", "LOC", "FAC"}


@dataclass
class LinkStats:
    articles: int = 0
    copies: int = 0  # articles found to copy an earlier one
    new_stories: int = 0
    seconds: float = 0.0
    saved_state: bool = False  # the indexes were written beside the store


@dataclass
class _Pending:
    """What one batch has to write."""

    articles: dict[str, tuple] = field(default_factory=dict)
    entities: list[tuple[str, str, str]] = field(default_factory=list)
    stories: set[str] = field(default_factory=set)
    corpus_entities: set[str] = field(default_factory=set)
    found: list[tuple[str, str, dict]] = field(default_factory=list)  # (corpus id, article, record)


class Linker:
    """Online cross-article linking over a :class:`~newsgraph.store.Store`."""

    def __init__(self, store=None, replay: bool = True) -> None:
        """``store=None`` links articles handed to :meth:`add` in memory (benchmarks)."""
        from ..store import corpus as sql

        self.store = store
        self.sql = sql
        self.copies = CopyIndex()
        self.stories = StoryIndex()
        self.entities = EntityLinker()
        self.ids: dict[str, str] = {}  # article key -> input id (names copy groups)
        self.copy_score: dict[str, float] = {}
        self.titles: dict[str, str] = {}  # article key -> title (labels stories)
        self.story_entities: dict[str, Counter] = defaultdict(Counter)
        # what the stored story rows list: a row names its main entities, and an entity's
        # name or label can change after the row was written ("WASHINGTON", then
        # "Washington" in later articles), so a pass rewrites every row listing an entity
        # whose (name, label) it changed (:meth:`_write`)
        self.row_entities: dict[str, tuple[str, ...]] = {}  # story -> corpus ids its row lists
        # corpus id -> the story whose row lists it, or the set of them when several (most
        # entities are listed by one story: a set each would be most of this memory)
        self.listed_in: dict[str, str | set[str]] = {}
        self.shown: dict[str, tuple[str, str]] = {}  # corpus id -> (name, label) in those rows
        self.rows_known = True  # False after a replay, until the three above are rebuilt
        self.upto = 0
        self.restored = False  # True when the indexes came from the saved state
        if replay and store is not None:
            upto = sql.linked_upto(store)
            self.restored = bool(upto) and self._load_state(upto)
            if not self.restored:
                self._replay(upto)

    # -- the index state beside the store ---------------------------------------------------
    # Rebuilding the indexes replays every linked article (about 3 ms each); a feed that is
    # ingested every few minutes into a big store would pay that on every run.  So after
    # linking, the indexes are saved beside the store (``X.duckdb.linker``) with the arrival
    # number and hash of the last article they hold; a linker opened later uses them only
    # when both still match the store and the file carries this user's seal, and replays
    # otherwise.  Delete it at will.

    def _state_path(self):
        from pathlib import Path

        path = getattr(self.store, "path", None)
        return Path(f"{path}.linker") if path and path != ":memory:" else None

    def _fingerprint(self, upto: int) -> Optional[str]:
        row = self.store.con.execute("SELECT hash FROM articles WHERE seq = ?",
                                     [upto]).fetchone()
        return f"{STATE_VERSION}:{_models_digest()}:{upto}:{row[0]}" if row else None

    def _load_state(self, upto: int) -> bool:
        """Use the saved indexes if they match the store *and* carry this user's seal.

        The file starts with a plain-text line (the fingerprint and an HMAC-SHA256 of the
        body under a key only this user can read); the body is unpickled only when both
        check out, so a ``.linker`` file that came with someone else's database, or was
        tampered with, is never unpickled: the linker replays instead."""
        import hmac
        import pickle

        path = self._state_path()
        if path is None or not path.exists():
            return False
        try:
            with open(path, "rb") as fh:
                header = fh.readline(512).decode("ascii").split()
                if len(header) != 2 or header[0] != self._fingerprint(upto):
                    return False
                body = fh.read()
            seal = hmac.new(_state_key(), body, "sha256").hexdigest()
            if not hmac.compare_digest(seal, header[1]):
                return False
            state = pickle.loads(body)
        except Exception:  # unreadable or from another version: replay instead
            return False
        self.__dict__.update(state)
        return True

    def save_state(self) -> bool:
        """Write the indexes beside the store (a temporary file, then a rename); False,
        and nothing written, when that is not possible (the file is only a cache)."""
        import hmac
        import os
        import pickle

        path = self._state_path()
        fingerprint = self._fingerprint(self.upto) if path else None
        if fingerprint is None:
            return False
        state = {k: v for k, v in self.__dict__.items()
                 if k not in ("store", "sql", "restored")}
        temporary = path.with_name(path.name + ".tmp")
        try:
            body = pickle.dumps(state, protocol=pickle.HIGHEST_PROTOCOL)
            seal = hmac.new(_state_key(), body, "sha256").hexdigest()
            with open(temporary, "wb") as fh:
                fh.write(f"{fingerprint} {seal}\n".encode("ascii"))
                fh.write(body)
            os.replace(temporary, path)
        except OSError:
            try:
                temporary.unlink()
            except OSError:
                pass
            return False
        return True

    def forget_state(self) -> None:
        path = self._state_path()
        try:
            if path is not None and path.exists():
                path.unlink()
        except OSError:  # a stale file stays harmless: its fingerprint no longer matches
            pass

    # -- the per-article step ---------------------------------------------------------------
    def add(self, article: CorpusArticle) -> tuple[Optional[CopyMatch], StoryMatch,
                                                   dict[str, str]]:
        """Link one article in memory: its copy match, its story, its corpus entities."""
        return self._link_one(article, None)

    def _link_one(self, article: CorpusArticle, pending: Optional[_Pending]
                  ) -> tuple[Optional[CopyMatch], StoryMatch, dict[str, str]]:
        """Link one article; record what changed in ``pending`` (None while replaying)."""
        key = article.key
        self.ids[key] = article.id
        rank = (article.published or "9999-12-31", article.seq)
        match = self.copies.add(key, rank, copy_features(article))
        if match is not None:
            self.copy_score[key] = match.score
            self.copy_score.setdefault(match.matched, match.score)
        body = self.copies.substantive_text(article.text or "")
        story = self.stories.add(key, story_features(article, body),
                                 copy_of=match.matched if match else None)
        self.titles[key] = article.title or _first_line(article.text) or article.id
        links = self.entities.add(article, story.story)
        for record in article.entities:
            if str(record.get("id", "")).startswith(FOUND):  # stored by an earlier run
                continue
            cid = links.get(record.get("id"))
            if cid and record.get("label") in LINKED_KINDS:
                self.story_entities[story.story][cid] += 1
        if pending is not None:
            group = self.ids[match.group] if match else None
            root = match.group if match else None
            for member in (match.members if match else [key]):
                if member in self.ids:
                    pending.articles[member] = (self.stories.story_of.get(member), group,
                                                self.copy_score.get(member), root)
            found = {r["id"] for r in self.entities.found}
            pending.entities += [(cid, key, eid) for eid, cid in links.items()
                                 if eid not in found]
            pending.found += [(links[r["id"]], key, r) for r in self.entities.found]
            pending.stories.add(story.story)
            pending.corpus_entities.update(links.values())
        return match, story, links

    def _replay(self, upto: int) -> None:
        for batch in self.sql.iter_batches(self.store, 0, BATCH):
            for article in batch:
                if article.seq > upto:
                    return
                self._link_one(article, None)
                self.upto = article.seq
                self.rows_known = False

    @classmethod
    def opened(cls, open_store: Callable[[], ContextManager], chunk: int = BATCH,
               between: Optional[Callable[[int], None]] = None) -> "Linker":
        """A linker over the store that ``open_store()`` opens, built without holding it:
        from the saved state, or by replaying the linked articles ``chunk`` at a time,
        each chunk read with the store open and replayed with it closed (the replay is
        nearly all in-memory work, about 3 ms an article), so readers and writers of a
        big store get their turn between chunks instead of waiting for the whole replay.
        ``between(n)`` is called after each chunk, store closed, with the articles
        replayed so far.  Set :attr:`store` before linking with the result."""
        linker = cls(None)
        with open_store() as store:
            linker.store = store
            upto = linker.sql.linked_upto(store)
            linker.restored = bool(upto) and linker._load_state(upto)
        linker.store = None
        replayed = 0
        while not linker.restored and linker.upto < upto:
            last = min(upto, linker.upto + chunk)
            with open_store() as store:
                batch = linker.sql.articles_between(store, linker.upto + 1, last)
            for article in batch:
                linker._link_one(article, None)
            linker.rows_known = linker.rows_known and not batch
            linker.upto = last  # seq numbers without an article (none today) are passed
            replayed += len(batch)
            if between:
                between(replayed)
        return linker

    # -- linking what is pending --------------------------------------------------------------
    def link_pending(self, progress: Optional[Callable[[int], None]] = None) -> LinkStats:
        """Link every stored article that arrived after the last linked one."""
        stats = LinkStats()
        started = time.perf_counter()
        if not self.rows_known:
            self._know_rows()
        for batch in self.sql.iter_batches(self.store, self.upto, BATCH):
            pending = _Pending()
            for article in batch:
                match, story, _ = self._link_one(article, pending)
                stats.articles += 1
                stats.copies += match is not None
                stats.new_stories += story.new
            if batch:
                self.upto = batch[-1].seq
            self._write(pending)
            if progress:
                progress(len(batch))
        stats.seconds = time.perf_counter() - started
        return stats

    def _know_rows(self) -> None:
        """What the stored story rows list, after a replay: the rows written by the passes
        replayed, which named every listed entity as it is named now (rows written by an
        older version may not: ``relink`` rewrites them)."""
        self.row_entities, self.listed_in, self.shown = {}, {}, {}
        for sid, counts in self.story_entities.items():
            self._note_row(sid, tuple(cid for cid, _ in counts.most_common(STORY_ENTITIES)))
        for cid in self.listed_in:
            self.shown[cid] = self.entities.shown(cid)
        self.rows_known = True

    def _note_row(self, sid: str, listed: tuple[str, ...]) -> None:
        before = self.row_entities.get(sid, ())
        if before == listed:
            return
        self.row_entities[sid] = listed
        listed_in = self.listed_in
        for cid in before:
            if cid not in listed:
                stories = listed_in[cid]
                if isinstance(stories, str):
                    del listed_in[cid], self.shown[cid]
                else:
                    stories.discard(sid)
                    if len(stories) == 1:
                        listed_in[cid] = next(iter(stories))
        for cid in listed:
            stories = listed_in.get(cid)
            if stories is None:
                listed_in[cid] = sid
            elif isinstance(stories, str):
                if stories != sid:
                    listed_in[cid] = {stories, sid}
            else:
                stories.add(sid)

    def _write(self, pending: _Pending) -> None:
        records = {cid: self.entities.record(cid) for cid in pending.corpus_entities}
        # the stories of this batch, and those whose rows list an entity renamed in it
        sids = set(pending.stories)
        for cid, record in records.items():
            shown = self.shown.get(cid)
            if shown is not None and shown != (record["name"], record["label"]):
                stories = self.listed_in[cid]
                sids.update((stories,) if isinstance(stories, str) else stories)
        stories = [self._story_row(sid, records) for sid in sorted(sids)]
        corpus_entities = [(r["id"], r["label"], r["name"], r["articles"], r["mentions"],
                            json.dumps(r, ensure_ascii=False)) for r in records.values()]
        self.sql.write_links(self.store, upto=self.upto, articles=pending.articles,
                             entities=pending.entities, stories=stories,
                             corpus_entities=corpus_entities, found=pending.found)

    def _story_row(self, sid: str, records: dict[str, dict]) -> tuple:
        story = self.stories.stories[sid]
        names = []
        top = self.story_entities[sid].most_common(STORY_ENTITIES)
        for cid, n in top:
            record = records.get(cid)
            shown = (record["name"], record["label"]) if record else self.entities.shown(cid)
            self.shown[cid] = shown
            names.append({"id": cid, "name": shown[0], "label": shown[1], "mentions": n})
        self._note_row(sid, tuple(cid for cid, _ in top))
        first = date.fromordinal(story.first).isoformat() if story.first else None
        last = date.fromordinal(story.last).isoformat() if story.last else None
        return (sid, self.titles.get(story.label_key), first, last, len(story.members),
                json.dumps(names, ensure_ascii=False))


def _state_key() -> bytes:
    """This user's key for sealing saved indexes (created once, readable by the user only)."""
    import os
    import secrets
    from pathlib import Path

    home = Path(os.environ.get("XDG_CONFIG_HOME") or Path.home() / ".config") / "newsgraph"
    key_file = home / "linker.key"
    try:
        return bytes.fromhex(key_file.read_text(encoding="ascii").strip())
    except (OSError, ValueError):
        pass
    home.mkdir(parents=True, exist_ok=True)
    key = secrets.token_hex(32)
    descriptor = os.open(key_file, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
    with os.fdopen(descriptor, "w", encoding="ascii") as fh:
        fh.write(key)
    return bytes.fromhex(key)


def _first_line(text: str, limit: int = 100) -> str:
    """An untitled article's label: its first line, cut at a word near ``limit``."""
    line = next((ln.strip() for ln in text.splitlines() if ln.strip()), "")
    if len(line) <= limit:
        return line
    return line[:limit].rsplit(" ", 1)[0] + "…"


@lru_cache(maxsize=1)
def _models_digest() -> str:
    """A digest of the story model and of this package's code: indexes saved by another
    model or another version of the code are stale (their objects may lack fields)."""
    import hashlib
    from pathlib import Path

    from .stories import MODEL

    digest = hashlib.sha1(MODEL.read_bytes())
    for source in sorted(Path(__file__).resolve().parent.glob("*.py")):
        digest.update(source.read_bytes())
    return digest.hexdigest()[:12]


def link(store, progress: Optional[Callable[[int], None]] = None) -> LinkStats:
    """Link whatever is pending in ``store`` (indexes from the saved state, or a replay)."""
    linker = Linker(store)
    stats = linker.link_pending(progress)
    if stats.articles:
        stats.saved_state = linker.save_state()
    return stats


def relink(store, progress: Optional[Callable[[int], None]] = None) -> LinkStats:
    """Forget every link and link all stored articles again, in arrival order."""
    from ..store import corpus as sql

    sql.reset(store)
    linker = Linker(store, replay=False)
    linker.forget_state()
    stats = linker.link_pending(progress)
    stats.saved_state = linker.save_state()
    return stats
