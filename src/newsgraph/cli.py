"""The ``newsgraph`` command: thin wrappers over the Python API.

This is the only module that prints or exits.  Exit status: 0 when every item
was processed, 1 when some items failed (each reported on one line on stderr),
2 for usage errors (bad option values such as ``--limit 0``) and store or system errors (a
database that cannot be opened: missing, locked by another process, not a DuckDB file; a disk
that is full or unwritable part-way through: the articles already stored stay), 3 for an
internal error (a bug).  Every error is one line on stderr, never a traceback: the app's
command group (:class:`_OneLineErrors`) turns any NewsgraphError, duckdb.Error or OSError that
a command lets through into ``error: ...`` and exit 2, and anything else into
``internal error: ...`` and exit 3 (``NEWSGRAPH_DEBUG=1`` shows the traceback instead).

What is printed for people goes through :mod:`newsgraph.terminal`: control characters and
bidi overrides from articles, ids, file names and option values are shown escaped, and the
consoles never read rich markup, so ``--date '[/]'`` is printed as typed.  JSON, JSON Lines
and CSV output carry the data exactly: they are for programs (JSON escapes C0 controls such as
ESC, not C1 or bidi characters; CSV escapes nothing).
"""

from __future__ import annotations

import csv
import json
import os
import sys
import time
from enum import Enum
from pathlib import Path
from typing import Iterable, Iterator, List, Optional

import typer
from rich.console import Console
from rich.progress import (BarColumn, MofNCompleteColumn, Progress, ProgressColumn,
                           SpinnerColumn, TextColumn, TimeElapsedColumn, TimeRemainingColumn)
from rich.table import Table
from rich.text import Text

from .errors import ArticleError, NewsgraphError
from .ingest import IngestOptions, count_items, read_inputs
from .model import Article
from .terminal import printable, safe


class _OneLineErrors(typer.core.TyperGroup):
    """The command group: whatever error a command lets through ends as one line."""

    def invoke(self, ctx):
        try:
            return super().invoke(ctx)
        except Exception as exc:
            if (isinstance(exc, (typer.Exit, typer.Abort, EOFError, BrokenPipeError))
                    or hasattr(exc, "exit_code") or os.environ.get("NEWSGRAPH_DEBUG")):
                raise  # exits, usage errors and a closed pipe: typer deals with them
            raise typer.Exit(_fail_line(exc, ctx.invoked_subcommand)) from None


def _fail_line(exc: Exception, command: Optional[str]) -> int:
    """Print one line for an error no command handled; return the exit status."""
    duckdb = sys.modules.get("duckdb")  # a duckdb error implies duckdb is loaded
    expected = (NewsgraphError, OSError) + ((duckdb.Error,) if duckdb else ())
    # A failed clean-up (a ROLLBACK after a full disk) must not hide the error that caused it.
    while (isinstance(exc.__context__, expected) and not exc.__suppress_context__
           and isinstance(exc, expected)):
        exc = exc.__context__
    message = " ".join(str(exc).split()) or type(exc).__name__
    if isinstance(exc, expected):
        if command == "ingest":
            message += ("; the articles stored before this are kept: fix the cause and run the "
                        "same ingest again to store the rest")
        err.print(safe(f"error: {message}", "red"), soft_wrap=True)
        return 2
    err.print(safe(f"internal error: {type(exc).__name__}: {message} (a bug: please report "
                   "it; NEWSGRAPH_DEBUG=1 shows the traceback)", "red"), soft_wrap=True)
    return 3


app = typer.Typer(add_completion=False, no_args_is_help=True, pretty_exceptions_enable=False,
                  cls=_OneLineErrors,
                  help="newsgraph: who said what, who did what to whom, when and how much.")
# markup=False: nothing printed (option values, paths, article text) is read as rich markup;
# soft_wrap on stderr: a message is one line, however narrow the terminal (it wraps itself).
out = Console(soft_wrap=False, width=None if sys.stdout.isatty() else 160, markup=False)
err = Console(stderr=True, markup=False, soft_wrap=True)

DB_OPTION = typer.Option("newsgraph.duckdb", "--db", help="DuckDB file to store into / read.")
DATE_OPTION = typer.Option(None, "--date", help="Publication date (YYYY-MM-DD) for items that "
                           "carry none; relative dates are resolved against it.")
FETCH_OPTION = typer.Option(False, "--fetch", help="Download http(s) URLs given as inputs.")
PRIVATE_OPTION = typer.Option(False, "--allow-private",
                              help="Allow fetching loopback/private addresses.")
TIMEOUT_OPTION = typer.Option(20.0, "--timeout", help="Seconds before a fetch gives up.")


class Format(str, Enum):
    table = "table"
    json = "json"
    csv = "csv"


class QueryKind(str, Enum):
    articles = "articles"
    entities = "entities"
    corpus_entities = "corpus-entities"
    stories = "stories"
    story = "story"
    entity = "entity"
    network = "network"
    quotes = "quotes"
    events = "events"
    times = "times"
    quantities = "quantities"
    failures = "failures"


def _fail_usage(message: str) -> None:
    """``error: message`` on one line (input shown escaped, never as markup); exit 2."""
    line = Text("error:", style="red")
    line.append(" ").append_text(safe(" ".join(message.split())))
    err.print(line, soft_wrap=True)
    raise typer.Exit(2)


def _check_limit(value: Optional[int]) -> Optional[int]:
    """--limit on every command: at least 1 (0 or -1 would mean nothing, or everything)."""
    if value is not None and value < 1:
        _fail_usage(f"--limit must be 1 or more (got {value})")
    return value


def limit_option(help: str, *names: str):
    """The --limit option of any command, checked before the command runs."""
    return typer.Option(None, *(names or ("--limit",)), callback=_check_limit, help=help)


def _require_db(db: Path) -> None:
    """Readers need an existing database; say how to make one."""
    if not db.exists():
        _fail_usage(f"no database at {db}; run `newsgraph ingest PATH --db {db}` first")


def _report_error(error: ArticleError) -> None:
    err.print(safe(error.line(), "red"), soft_wrap=True)


def _inputs(paths: List[str], date: Optional[str], fetch: bool, allow_private: bool,
            timeout: float) -> Iterator[Article | ArticleError]:
    options = IngestOptions(date=date, fetch=fetch, allow_private=allow_private, timeout=timeout)
    try:
        yield from read_inputs(paths, options)
    except NewsgraphError as exc:  # a bad --date: nothing can be read
        _fail_usage(str(exc))


WORKERS_OPTION = typer.Option(None, "--workers", "-w", min=0, help="Worker processes "
                              "(default: this machine's cores; 0 = in this process, no time "
                              "limit).")
ARTICLE_TIMEOUT_OPTION = typer.Option(60.0, "--article-timeout", min=1.0, help="Seconds one "
                                      "article may take before it is skipped with an error.")


@app.command()
def analyze(
    paths: List[str] = typer.Argument(..., help="Files, folders, globs, URLs (with --fetch), "
                                      "or - for stdin."),
    as_json: bool = typer.Option(False, "--json", help="Print a JSON array of articles."),
    as_jsonl: bool = typer.Option(False, "--jsonl", help="Print one JSON object per line."),
    date: Optional[str] = DATE_OPTION,
    fetch: bool = FETCH_OPTION,
    allow_private: bool = PRIVATE_OPTION,
    timeout: float = TIMEOUT_OPTION,
    workers: Optional[int] = WORKERS_OPTION,
    article_timeout: float = ARTICLE_TIMEOUT_OPTION,
    profile: bool = typer.Option(False, "--profile", help="Print seconds spent per stage "
                                 "(JSON, on stderr) at the end."),
) -> None:
    """Analyse articles and print a readable report (or JSON), without storing anything."""
    timings: dict[str, float] = {}
    failed = 0
    first = True
    if as_json:
        sys.stdout.write("[")
    from .engines import local
    from .engines.batch import json_block, json_line

    items = _inputs(paths, date, fetch, allow_private, timeout)
    render = json_line if as_jsonl else json_block if as_json else None
    for result in local.run(items, workers=workers, article_timeout=article_timeout,
                            timings=timings, render=render):
        if isinstance(result, ArticleError):
            failed += 1
            _report_error(result)
            continue
        if as_jsonl:
            sys.stdout.write(result + "\n")
        elif as_json:
            sys.stdout.write(("\n" if first else ",\n") + result)
        else:
            from .report import render

            out.print(render(result))
        first = False
        sys.stdout.flush()
    if as_json:
        sys.stdout.write("\n]\n")
    if profile:
        print(json.dumps({"stage_seconds": timings}), file=sys.stderr)
    if failed:
        raise typer.Exit(1)


class _RateColumn(ProgressColumn):
    def render(self, task) -> Text:
        speed = task.finished_speed or task.speed
        return Text(f"{speed:.1f} articles/s" if speed else "… articles/s", style="cyan")


@app.command()
def ingest(
    paths: List[str] = typer.Argument(None, help="Files, folders, globs, URLs (with --fetch), "
                                      "or - for stdin."),
    db: Path = DB_OPTION,
    date: Optional[str] = DATE_OPTION,
    fetch: bool = FETCH_OPTION,
    allow_private: bool = PRIVATE_OPTION,
    timeout: float = TIMEOUT_OPTION,
    workers: Optional[int] = WORKERS_OPTION,
    article_timeout: float = ARTICLE_TIMEOUT_OPTION,
    verbose: bool = typer.Option(False, "--verbose", "-v",
                                 help="Print a line per stored article."),
    no_link: bool = typer.Option(False, "--no-link", help="Do not update copies, stories and "
                                 "corpus entities (run `newsgraph relink` or a later ingest)."),
    from_parquet: Optional[Path] = typer.Option(None, "--from-parquet", help="Load the output "
                                                "folder of `newsgraph spark` instead of "
                                                "analysing inputs."),
) -> None:
    """Analyse articles and store them in the DuckDB file (idempotent by content hash), and
    link them to the articles already stored: copy groups, stories, corpus entities.

    Workers parse; this process stores the results in batched transactions and leaves the
    file closed between them, so `query` and other readers can open it during an ingest."""
    from .pipeline import stage_versions
    from .engines import local
    from .store.db import prepare
    from .store.writer import BatchWriter

    if from_parquet is not None:
        if paths:
            _fail_usage("give either inputs or --from-parquet DIR, not both")
        _ingest_parquet(from_parquet, db, link=not no_link)
        return
    if not paths:
        _fail_usage("give the files, folders, globs or URLs to ingest")

    def stored(ids: list[str]) -> None:
        if verbose:
            for art_id in ids:
                print(f"stored {printable(art_id)}", flush=True)

    try:
        writer = BatchWriter(db, stage_versions(), link=not no_link, on_stored=stored)
    except NewsgraphError as exc:
        _fail_usage(str(exc))
    total = count_items(paths)
    progress = Progress(SpinnerColumn(), TextColumn("ingesting"), BarColumn(),
                        MofNCompleteColumn(), _RateColumn(), TimeElapsedColumn(),
                        TextColumn("ETA"), TimeRemainingColumn(), console=err,
                        disable=not err.is_terminal)

    def fresh(items: Iterable[Article | ArticleError]):
        """Skip articles already stored (or seen earlier in this run) before parsing them."""
        for item in items:
            if isinstance(item, Article) and not writer.is_new(item.hash):
                progress.advance(task)
                continue
            yield item

    started = time.perf_counter()
    try:
        with progress:
            task = progress.add_task("ingest", total=total)
            items = fresh(_inputs(paths, date, fetch, allow_private, timeout))
            for result in local.run(items, workers=workers, article_timeout=article_timeout,
                                    render=prepare):
                progress.advance(task)
                if isinstance(result, ArticleError):
                    progress.console.print(Text(printable(result.line()), style="red"),
                                           soft_wrap=True)
                writer.add(result)
            counts = writer.close()
    except NewsgraphError as exc:  # the store could not be written: what is committed stays
        _fail_usage(str(exc))
    if counts.link_error:
        err.print(Text(f"linking failed ({printable(counts.link_error)}); the articles are "
                       "stored; run `newsgraph relink` to link them", style="red"),
                  soft_wrap=True)
    elif counts.saved_state is False:
        _warn_state(db)
    elapsed = time.perf_counter() - started
    linked = "" if no_link else f", linked {counts.linked}"
    err.print(Text(f"stored {counts.stored}, skipped {counts.duplicates} as duplicates, "
                   f"failed {counts.failed}{linked} in {elapsed:.1f} s → {printable(str(db))}"))
    if counts.failed or counts.link_error:
        raise typer.Exit(1)


def _ingest_parquet(directory: Path, db: Path, link: bool) -> None:
    """`ingest --from-parquet`: a Spark run into the store in one transaction, then linked."""
    from .store import Store
    from .store.parquet import load_parquet

    started = time.perf_counter()
    linked = ""
    try:
        with Store(db) as store:
            counts = load_parquet(directory, store)
            if link:
                from .corpus.linker import Linker

                linker = Linker(store)
                linked = f", linked {linker.link_pending().articles}"
                if not linker.save_state():
                    _warn_state(db)
    except NewsgraphError as exc:
        _fail_usage(str(exc))
    err.print(Text(f"loaded {counts['stored']} articles from {printable(str(directory))}, "
                   f"skipped {counts['duplicates']} as duplicates, {counts['failed']} failures "
                   f"recorded{linked} in {time.perf_counter() - started:.1f} s → "
                   f"{printable(str(db))}"))
    if counts["failed"]:
        raise typer.Exit(1)


@app.command()
def query(
    kind: QueryKind = typer.Argument(..., help="What to list."),
    target: Optional[str] = typer.Argument(None, help="story: its id; entity: a name or "
                                           "corpus entity id."),
    db: Path = DB_OPTION,
    fmt: Format = typer.Option(Format.table, "--format", "-f", help="table, json or csv."),
    limit: Optional[int] = limit_option("At most this many rows.", "--limit", "-n"),
    speaker: Optional[str] = typer.Option(None, "--speaker", help="quotes: speaker name or "
                                          "source words contain this."),
    entity: Optional[str] = typer.Option(None, "--entity", help="quotes: the speaker entity's "
                                         "exact name (as `query entities` lists it)."),
    name: Optional[str] = typer.Option(None, "--name", help="entities: name contains this."),
    label: Optional[str] = typer.Option(None, "--label", help="entities: PERSON, ORG, GPE..."),
    actor: Optional[str] = typer.Option(None, "--actor", help="events: actor words or country."),
    target_: Optional[str] = typer.Option(None, "--target", help="events: target words or "
                                          "country."),
    type_: Optional[str] = typer.Option(None, "--type", help="events: PLOVER type; times: "
                                        "DATE/TIME/DURATION/SET."),
    kind_filter: Optional[str] = typer.Option(None, "--kind", help="quotes: direct, mixed, "
                                              "indirect."),
    sourcing: Optional[str] = typer.Option(None, "--sourcing", help="quotes: named_person, "
                                           "anonymous, ..."),
    polarity: Optional[str] = typer.Option(None, "--polarity", help="quotes: positive, or "
                                           "negated (refused or denied speech)."),
    mode: Optional[str] = typer.Option(None, "--mode", help="quotes: speech, or thought "
                                       "(believed, feared, wanted)."),
    modality: Optional[str] = typer.Option(None, "--modality", help="events: happened, "
                                           "planned, ..."),
    article: Optional[str] = typer.Option(None, "--article", help="Article id or hash prefix."),
    search: Optional[str] = typer.Option(None, "--search", help="articles: text contains this."),
    source: Optional[str] = typer.Option(None, "--source", help="articles: source contains this."),
    unit: Optional[str] = typer.Option(None, "--unit", help="quantities: unit contains this."),
    since: Optional[str] = typer.Option(None, "--from", help="From this date (YYYY-MM-DD)."),
    until: Optional[str] = typer.Option(None, "--to", help="Up to this date (YYYY-MM-DD)."),
    story: Optional[str] = typer.Option(None, "--story", help="articles, quotes, events, "
                                        "network: only this story."),
    dedupe: bool = typer.Option(False, "--dedupe", help="articles, quotes, events: count a "
                                "syndicated story once (leave out its copies)."),
    timeline: bool = typer.Option(False, "--timeline", help="entity: what it said and did, "
                                  "by date, across articles (a place: the events there and "
                                  "the articles naming it)."),
) -> None:
    """List stored articles, entities, quotes, events, times, quantities or failures, and
    across articles: corpus-entities, stories, one story (`query story ID`), an entity's
    timeline (`query entity NAME --timeline`) or a network (`query network --story ID`)."""
    from .ingest import check_date
    from .store import Store
    from .store import queries

    for value, flag in ((since, "--from"), (until, "--to")):
        if value:
            try:
                check_date(value, flag)
            except NewsgraphError as exc:
                _fail_usage(str(exc))
    _require_db(db)
    if kind.value in ("story", "entity", "network"):
        _query_corpus(kind.value, target, db, fmt, limit, story, timeline)
        return
    if target:
        _fail_usage(f"`query {kind.value}` takes no argument (got {target!r})")
    filters = {
        "articles": dict(search=search, source=source, since=since, until=until, story=story,
                         dedupe=dedupe),
        "entities": dict(name=name, label=label, article=article),
        "corpus-entities": dict(name=name, label=label),
        "stories": dict(search=search, since=since, until=until),
        "quotes": dict(speaker=speaker, entity=entity, article=article, kind=kind_filter,
                       sourcing=sourcing, polarity=polarity, mode=mode, since=since,
                       until=until,
                       story=story, dedupe=dedupe),
        "events": dict(actor=actor, target=target_, type=type_, modality=modality,
                       article=article, since=since, until=until, story=story,
                       dedupe=dedupe),
        "times": dict(type=type_, article=article),
        "quantities": dict(unit=unit, article=article),
        "failures": {},
    }[kind.value]
    try:
        with Store(db, read_only=True) as store:
            columns, rows = queries.rows(store, kind.value, limit=limit, **filters)
    except NewsgraphError as exc:
        _fail_usage(str(exc))
    _print_rows(columns, rows, fmt, title=kind.value)


def _query_corpus(kind: str, target: Optional[str], db: Path, fmt: Format,
                  limit: Optional[int], story: Optional[str], timeline: bool) -> None:
    """The cross-article views: one story, one entity, a network."""
    from .store import Store, queries, timelines

    if kind in ("story", "entity") and not target:
        _fail_usage(f"`query {kind}` needs a {'story id' if kind == 'story' else 'name'}")
    try:
        with Store(db, read_only=True) as store:
            if kind == "story":
                columns, rows = timelines.story(store, target, limit=limit)
            elif kind == "network":
                columns, rows = timelines.network(store, story or target, limit=limit)
            elif timeline:
                columns, rows = timelines.entity_timeline(store, target, limit=limit)
            else:
                ids = timelines.find_corpus_entities(store, target)
                if not ids:
                    raise NewsgraphError(f"no corpus entity named {target!r}")
                columns, rows = [], []
                for cid in ids:
                    columns, part = queries.entities(store, corpus_entity=cid)
                    rows += part
                rows = rows[:limit] if limit else rows
    except NewsgraphError as exc:
        _fail_usage(str(exc))
    _print_rows(columns, rows, fmt, title=f"{kind} {target or story or ''}".strip())


def _print_rows(columns: list[str], rows: list[tuple], fmt: Format, title: str) -> None:
    if fmt is Format.json:
        print(json.dumps([dict(zip(columns, r)) for r in rows], default=str, ensure_ascii=False,
                         indent=2))
    elif fmt is Format.csv:
        writer = csv.writer(sys.stdout)
        writer.writerow(columns)
        writer.writerows([[json.dumps(v, default=str, ensure_ascii=False)
                           if isinstance(v, (list, dict)) else v for v in r] for r in rows])
    else:
        out.print(_rows_table(columns, rows, title))



def _cell(value) -> str:
    """A list of mentions reads as their offsets ("0-18 42-50"), anything else as text."""
    if isinstance(value, list):
        return " ".join(f"{v['start']}-{v['end']}" if isinstance(v, dict) and "start" in v
                        else str(v) for v in value)
    return str(value)


def _rows_table(columns: list[str], rows: list[tuple], title: str,
                max_chars: int = 80) -> Table:
    """A terminal table: long texts shortened, short columns kept on one line."""
    cells = [["" if v is None else printable(" ".join(_cell(v).split())) for v in r]
             for r in rows]
    cells = [[v if len(v) <= max_chars else v[: max_chars - 1] + "…" for v in r] for r in cells]
    table = Table(title=safe(f"{title} ({len(rows)})"), title_justify="left")
    for i, c in enumerate(columns):
        longest = max([len(c)] + [len(r[i]) for r in cells])
        table.add_column(c, no_wrap=longest <= 12, overflow="fold")
    for r in cells:
        table.add_row(*(Text(v) for v in r))
    return table


def _warn_state(db: Path) -> None:
    err.print(safe(f"warning: could not save the linking indexes beside {db} (the links are "
                   "stored; the next ingest rebuilds the indexes)", "yellow"),
              soft_wrap=True)


@app.command()
def relink(db: Path = DB_OPTION) -> None:
    """Recompute copy groups, stories and corpus entities from the stored records.

    Articles are linked again in the order they were stored, so the result is the one
    ingest produced, and running it twice changes nothing."""
    from .corpus.linker import relink as relink_store
    from .store import Store

    _require_db(db)
    try:
        store = Store(db)
    except NewsgraphError as exc:
        _fail_usage(str(exc))
    with store:
        stats = relink_store(store)
        if not stats.saved_state:
            _warn_state(db)
        _, rows = store.query("SELECT count(DISTINCT story), count(DISTINCT copy_group), "
                              "(SELECT count(*) FROM corpus_entities) FROM articles")
    stories, groups, entities = rows[0]
    err.print(f"linked {stats.articles} articles in {stats.seconds:.1f} s: {stories} stories, "
              f"{groups} copy groups ({stats.copies} copies), {entities} corpus entities")


@app.command()
def stats(db: Path = DB_OPTION) -> None:
    """Counts of what the database holds."""
    from .store import Store

    _require_db(db)
    try:
        store = Store(db, read_only=True)
    except NewsgraphError as exc:
        _fail_usage(str(exc))
    with store:
        counts = store.counts()
        migrations = store.migrations()
        _, dates = store.query("SELECT min(published), max(published), sum(words) FROM articles")
    table = Table(title=safe(db), title_justify="left")
    table.add_column("table")
    table.add_column("rows", justify="right")
    for name, n in counts.items():
        table.add_row(name, f"{n:,}")
    out.print(table)
    first, last, words = dates[0]
    out.print(safe(f"published {first or '?'} … {last or '?'}; {words or 0:,} words; "
                   f"migrations: {', '.join(migrations)}"))


@app.command()
def bench(
    names: List[str] = typer.Argument(None, help="Benchmarks to run (default: all)."),
    limit: Optional[int] = limit_option("Use at most this many documents."),
    split: str = typer.Option("dev", "--split", help="PolNeAR split for attribution."),
) -> None:
    """Run benchmarks on ../shared/data and print their tables."""
    from .eval import runner

    try:
        ok = runner.run_benchmarks(names or [], limit=limit, split=split)
    except NewsgraphError as exc:
        _fail_usage(str(exc))
    if not ok:
        raise typer.Exit(1)


@app.command()
def serve(
    db: Path = DB_OPTION,
    host: str = typer.Option("127.0.0.1", "--host", help="Address to listen on (loopback "
                             "by default; 0.0.0.0 to share on the network)."),
    port: int = typer.Option(8000, "--port", min=1, max=65535, help="Port to listen on."),
    token_env: Optional[str] = typer.Option(None, "--token-env", help="Turn on POST "
                                            "/api/ingest, allowed with the token held in "
                                            "this environment variable."),
) -> None:
    """Serve the store: the REST API under /api and the web pages, at http://HOST:PORT/."""
    import os

    try:
        from .api import serve as run_server
    except ImportError as exc:
        _fail_usage(f"`serve` needs the web extra ({exc.name} is missing): "
                    "pip install 'newsgraph[web]'")
    token = None
    if token_env:
        token = os.environ.get(token_env)
        if not token or len(token) < 16:
            _fail_usage(f"--token-env {token_env}: that variable must hold a token of at "
                        "least 16 characters")
    _require_db(db)
    typer.echo(f"newsgraph: serving {printable(db)} at http://{printable(host)}:{port}/ "
               f"({'read-write: POST /api/ingest needs the token' if token else 'read-only'}"
               "); Ctrl-C stops")
    try:
        run_server(db, host=host, port=port, token=token)
    except NewsgraphError as exc:
        _fail_usage(str(exc))


class ExportFormat(str, Enum):
    parquet = "parquet"
    csv = "csv"
    jsonl = "jsonl"


@app.command()
def export(
    db: Path = DB_OPTION,
    fmt: ExportFormat = typer.Option(..., "--format", "-f", help="parquet, csv or jsonl."),
    out_dir: Path = typer.Option(..., "--out", help="Folder for one file per table."),
    force: bool = typer.Option(False, "--force", help="Write into a folder that is not empty "
                               "(overwrites the tables' files, leaves other files alone)."),
) -> None:
    """Export every table of the database (articles, records, failures, stories, corpus
    entities...) to OUT/<table>.parquet|csv|jsonl."""
    from .store import Store
    from .store.export import export as export_store

    _require_db(db)
    try:
        with Store(db, read_only=True) as store:
            counts = export_store(store, fmt.value, out_dir, force=force)
    except NewsgraphError as exc:
        _fail_usage(str(exc))
    err.print(Text(f"exported {len(counts)} tables ({sum(counts.values()):,} rows) as "
                   f"{fmt.value} → {out_dir}"), soft_wrap=True)


@app.command()
def spark(
    paths: List[str] = typer.Argument(..., help="Files, folders, globs, URLs (with --fetch), "
                                      "or - for stdin (read on the driver)."),
    out_dir: str = typer.Option(..., "--out", help="Output folder (or a cluster URL such as "
                                "hdfs://... or s3a://...) for the Parquet tables."),
    master: Optional[str] = typer.Option(None, "--master", help="Spark master URL "
                                         "(default local[*]; under spark-submit, its own)."),
    partitions: Optional[int] = typer.Option(None, "--partitions", min=1, help="Slices the "
                                             "articles are cut into (default 2 per core)."),
    no_copies: bool = typer.Option(False, "--no-copies", help="Skip the copy-detection job."),
    force: bool = typer.Option(False, "--force", help="Replace the tables of an earlier run "
                               "in --out."),
    date: Optional[str] = DATE_OPTION,
    fetch: bool = FETCH_OPTION,
    allow_private: bool = PRIVATE_OPTION,
    timeout: float = TIMEOUT_OPTION,
) -> None:
    """Analyse articles on Spark and write the `analyze --jsonl` records as Parquet tables:
    OUT/articles, OUT/<record table> (article, id, data), OUT/failures, OUT/copies."""
    from .engines.spark import run_spark

    options = IngestOptions(date=date, fetch=fetch, allow_private=allow_private, timeout=timeout)
    try:
        run = run_spark(paths, out_dir, options=options, master=master, partitions=partitions,
                        copies=not no_copies, force=force, on_error=_report_error)
    except NewsgraphError as exc:  # no PySpark or Java, a bad --date or --out
        _fail_usage(str(exc))
    records = ", ".join(f"{n:,} {table}" for table, n in run.records.items())
    err.print(Text(f"analysed {run.articles:,} articles ({records}), failed {run.failed:,}, "
                   f"{run.copies:,} in {run.copy_groups:,} copy groups, in {run.seconds:.1f} s "
                   f"→ {run.out}"), soft_wrap=True)
    if run.failed:
        raise typer.Exit(1)


def main() -> None:  # pragma: no cover - console script entry
    app()


if __name__ == "__main__":  # pragma: no cover
    app()
