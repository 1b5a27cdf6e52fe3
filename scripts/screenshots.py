"""Screenshots of the pages of `newsgraph serve` over a store, for people to look at.

    python scripts/screenshots.py --db demo.duckdb --out build/screenshots

Starts a real server on a free loopback port, opens the pages in Debian's chromium
(Playwright) and saves PNGs: the first articles' pages (one with a quote selected), the
quotes explorer, the entities list and the first entity's page, and the paste page.
None is committed; `make screenshots` writes them to build/screenshots/.
"""

from __future__ import annotations

import argparse
import os
import shutil
import socket
import subprocess
import sys
import time
from pathlib import Path

ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking",
        "--disable-component-update", "--disable-sync", "--no-first-run"]


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _start(db: Path) -> tuple[subprocess.Popen, str]:
    import httpx

    port = _free_port()
    process = subprocess.Popen([sys.executable, "-c", "from newsgraph.cli import app; app()",
                                "serve", "--db", str(db), "--port", str(port)],
                               stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
    base = f"http://127.0.0.1:{port}"
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        if process.poll() is not None:
            sys.exit(f"the server stopped: {process.stderr.read().strip()}")
        try:
            if httpx.get(base + "/api/articles", timeout=5).status_code == 200:
                return process, base
        except httpx.TransportError:
            time.sleep(0.2)
    process.kill()
    sys.exit("the server did not answer within 60 s")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--db", type=Path, default=Path("demo.duckdb"))
    parser.add_argument("--out", type=Path, default=Path("build/screenshots"))
    parser.add_argument("--articles", type=int, default=3, help="article pages to take")
    options = parser.parse_args()
    if not options.db.exists():
        sys.exit(f"no store at {options.db}: run `make demo` first")
    chromium = shutil.which("chromium") or "/usr/bin/chromium"
    if not os.path.exists(chromium):
        sys.exit("Debian's chromium is not installed: `make chromium` (as root) installs it")
    from playwright.sync_api import sync_playwright

    import httpx

    options.out.mkdir(parents=True, exist_ok=True)
    process, base = _start(options.db)
    shots: list[Path] = []
    try:
        articles = httpx.get(base + "/api/articles", params={"limit": options.articles}
                             ).json()["items"]
        entities = httpx.get(base + "/api/corpus-entities", params={"label": "PERSON",
                                                                    "limit": 1}).json()["items"]
        with sync_playwright() as p:
            browser = p.chromium.launch(executable_path=chromium, args=ARGS)
            page = browser.new_page(viewport={"width": 1400, "height": 1000})

            def shot(path: str, name: str, full: bool = True) -> None:
                page.goto(base + path)
                target = options.out / f"{name}.png"
                page.screenshot(path=str(target), full_page=full)
                shots.append(target)

            for i, article in enumerate(articles):
                shot(f"/articles/{article['id']}", f"article-{i + 1}")
                quotes = page.locator("#text .m.quote")
                if quotes.count():
                    quotes.first.click()
                    target = options.out / f"article-{i + 1}-selected.png"
                    page.screenshot(path=str(target))
                    shots.append(target)
            shot("/", "articles")
            shot("/quotes", "quotes")
            shot("/entities", "entities")
            if entities:
                shot(f"/entities/{entities[0]['id']}", "entity")
            shot("/analyze", "paste", full=False)
            browser.close()
    finally:
        process.kill()
        process.wait()
    for path in shots:
        print(path)


if __name__ == "__main__":
    main()
