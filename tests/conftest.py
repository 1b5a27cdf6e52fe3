"""Shared fixtures: one pipeline per test session (the model loads once)."""

from __future__ import annotations

import sys
from contextlib import contextmanager
from pathlib import Path

import pytest

from newsgraph import Article, Pipeline
from newsgraph.eval import data_dir

TEST_DATA = Path(__file__).parent / "data"
SAMPLE = "000_f500410c32253f8e.txt"


@pytest.fixture(scope="session", autouse=True)
def private_config(tmp_path_factory):
    """Keys the tests create (the linker's seal) go to a temporary folder, not ~/.config."""
    import os

    os.environ["XDG_CONFIG_HOME"] = str(tmp_path_factory.mktemp("config"))


@pytest.fixture(scope="session")
def pipeline() -> Pipeline:
    return Pipeline()


@pytest.fixture(scope="session")
def analyze(pipeline):
    """analyze(text, published=None) -> Analysis, through every stage."""

    def run(text: str, published: str | None = None, id: str = "t"):
        return pipeline.analyze(Article(id=id, text=text, published=published))

    return run


@pytest.fixture(scope="session")
def shared_data() -> Path:
    d = data_dir()
    if d is None:
        pytest.skip("../shared/data is not beside this checkout (set NEWSGRAPH_DATA to run)")
    return d


@pytest.fixture(scope="session")
def sample_analysis(pipeline):
    """The reference article from ../shared/samples, analysed with its publication date."""
    d = data_dir()
    path = (d.parent / "samples" / SAMPLE) if d else None
    if path is None or not path.exists():
        pytest.skip(f"reference article ../shared/samples/{SAMPLE} is not available")
    return pipeline.analyze(Article(id="sample", text=path.read_text(encoding="utf-8"),
                                    published="2024-11-18"))


EXAMPLES = Path(__file__).parent.parent / "examples" / "articles"
# An article whose text, title and URL carry script payloads: pages must show them as
# text and run none of them.
HOSTILE_TEXT = (
    "Council member Dana Whitcombe said on Tuesday that the <script>alert('text')</script> "
    "budget vote would go ahead.\n"
    "\"We will not delay it again <img src=x onerror=alert('quote')>,\" Whitcombe told "
    "reporters at city hall. \"Residents deserve an answer <svg onload=alert('svg')>.\"\n"
    "Her opponent, Ravi Okonjo, said the plan <a href=\"javascript:alert('link')\">link</a> "
    "was rushed.\n")


@pytest.fixture(scope="session")
def web_db(tmp_path_factory, pipeline) -> Path:
    """A store for the API and web tests: the example articles (the seed article is
    ``harbour-strike``, dated 2025-03-14) and ``hostile``, an article full of script
    payloads (title, text, quotes and URL), all analysed and linked."""
    from newsgraph.corpus import linker
    from newsgraph.ingest import IngestOptions, read_inputs
    from newsgraph.store import Store

    path = tmp_path_factory.mktemp("web") / "web.duckdb"
    items = list(read_inputs([str(EXAMPLES)], IngestOptions(date="2025-03-14")))
    items.append(Article(id="hostile", text=HOSTILE_TEXT, published="2025-03-11",
                         title="<script>alert('title')</script> Budget row",
                         url="javascript:alert('url')", source="<b>Gazette</b>"))
    with Store(path) as store:
        for item in items:
            store.save(pipeline.analyze(item))
        linker.link(store)
    return path


CLI = [sys.executable, "-c", "from newsgraph.cli import app; app()"]


def free_port() -> int:
    import socket

    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@contextmanager
def running_server(db: Path, *args: str, env: dict | None = None):
    """A real ``newsgraph serve`` process on a free loopback port, answering; yields
    (process, base URL) and kills it afterwards if it still runs."""
    import os
    import subprocess
    import time

    import httpx

    port = free_port()
    process = subprocess.Popen([*CLI, "serve", "--db", str(db), "--host", "127.0.0.1",
                                "--port", str(port), *args], stdout=subprocess.PIPE,
                               stderr=subprocess.PIPE, text=True,
                               env={**os.environ, **(env or {})})
    base = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + 120
        while True:
            assert process.poll() is None, process.communicate()
            try:
                if httpx.get(base + "/api/articles", timeout=5).status_code == 200:
                    break
            except httpx.TransportError:
                pass
            assert time.monotonic() < deadline, "the server did not answer in time"
            time.sleep(0.1)
        yield process, base
    finally:
        if process.poll() is None:
            process.kill()
            process.communicate()


@pytest.fixture(scope="module")
def times(request):
    """times(text, published=the test module's ANCHOR) -> {span text: TimeExpression},
    through the times stage only (modules that read times this way share it)."""
    pipeline = Pipeline(only=["times"])
    anchor = getattr(request.module, "ANCHOR", None)

    def run(text: str, published: str | None = anchor):
        return {t.span.text: t for t in pipeline.analyze(Article(id="t", text=text,
                                                                 published=published)).times}

    return run
