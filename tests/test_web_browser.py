"""The web pages in a real browser: Debian's chromium driven by Playwright, against a real
``newsgraph serve`` process.

What an analyst sees: the seed article with its quotes highlighted and each quote in the
right mouth; a click shows a record's details; the quotes explorer leads to the place in the
article; the paste page analyses at once; and text carrying script runs nothing.
"""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

pytest.importorskip("fastapi", reason="the web extra is not installed (pip install '.[web]')")
sync_api = pytest.importorskip("playwright.sync_api",
                               reason="playwright is not installed (pip install '.[dev]')")

from conftest import running_server  # noqa: E402

CHROMIUM = shutil.which("chromium") or ("/usr/bin/chromium"
                                        if Path("/usr/bin/chromium").exists() else None)
pytestmark = pytest.mark.skipif(CHROMIUM is None, reason="Debian's chromium is not installed "
                                "(make dev installs it with apt-get where it can)")
# Root in a container, no GPU, a closed network: without these chromium tries to reach
# Google's hosts at every start.
ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking",
        "--disable-component-update", "--disable-sync", "--no-first-run",
        "--disable-default-apps"]

# A short sports report of our own for the paste page.
PASTED = ("The home side won 3-1 on Saturday, and coach Ines Carvalho praised her defenders. "
          "\"They closed every door,\" Carvalho said after the match.\n")
PASTED_HOSTILE = ("\"We will appeal <img src=x onerror=alert('pasted')>,\" the club's lawyer, "
                  "Omar Reid, said on Friday. <script>alert('pasted script')</script>\n")


@pytest.fixture(scope="module")
def site(web_db):
    with running_server(web_db) as (_, base):
        yield base


@pytest.fixture(scope="module")
def browser():
    with sync_api.sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, args=ARGS)
        yield browser
        browser.close()


@pytest.fixture
def page(browser):
    """A fresh page that records every dialog and console message: a payload that ran
    would open a dialog (alert) or log."""
    context = browser.new_context()
    page = context.new_page()
    page.dialogs, page.messages = [], []
    page.on("dialog", lambda d: (page.dialogs.append(d.message), d.dismiss()))
    page.on("console", lambda m: page.messages.append(m.text))
    page.set_default_timeout(20_000)
    yield page
    context.close()


def _details_after_clicking(page, passage: str) -> str:
    page.locator("#text .m.quote", has_text=passage).first.click()
    return page.inner_text("#details")


def test_the_seed_article_shows_each_quote_in_the_right_mouth(site, page):
    response = page.goto(f"{site}/articles/harbour-strike")
    assert response.status == 200 and "default-src 'none'" in \
        response.headers["content-security-policy"]
    assert page.locator("#text .m.quote").count() >= 4
    speakers = page.locator("#quote-list .speaker").all_inner_texts()
    assert "Elena Marsh" in speakers and "Tomas Reyes" in speakers
    marsh = _details_after_clicking(page, "We are not going to let this drag on")
    assert "Elena Marsh" in marsh and "told" in marsh and "named_person" in marsh
    assert "Tomas Reyes" not in marsh
    reyes = _details_after_clicking(page, "Our members have waited")
    assert "Tomas Reyes" in reyes and "said" in reyes and "Elena Marsh" not in reyes
    # The passage clicked is marked as selected, and only the quote's own runs are.
    assert page.locator("#text .m.selected", has_text="Our members").count() >= 1
    assert page.locator("#text .m.selected", has_text="drag on").count() == 0
    assert not page.dialogs


def test_layers_switch_off_and_on(site, page):
    page.goto(f"{site}/articles/harbour-strike")
    quote = page.locator("#text .m.quote").first
    shown = quote.evaluate("n => getComputedStyle(n).backgroundColor")
    page.locator("#layers input[data-layer=quote]").uncheck()
    assert "hide-quote" in page.get_attribute("#text", "class")
    assert quote.evaluate("n => getComputedStyle(n).backgroundColor") != shown
    page.locator("#layers input[data-layer=quote]").check()
    assert "hide-quote" not in page.get_attribute("#text", "class")


def test_an_event_shows_its_actor_and_type(site, page):
    page.goto(f"{site}/articles/harbour-strike")
    events = page.locator("#text .m.event")
    assert events.count() >= 1
    events.first.click()
    details = page.inner_text("#details")
    assert "Event" in details and "modality" in details and "type" in details


def test_the_quotes_explorer_leads_to_the_place_in_the_article(site, page):
    page.goto(f"{site}/quotes")
    page.fill("#quote-search input[name=speaker]", "Reyes")
    page.click("#quote-search button[type=submit]")
    page.wait_for_url("**/quotes?speaker=Reyes*")
    results = page.locator(".quote-results .quote-item")
    assert results.count() >= 1
    assert set(page.locator(".quote-results .speaker").all_inner_texts()) == {"Tomas Reyes"}
    results.first.locator("a.in-article").click()
    page.wait_for_url("**/articles/harbour-strike#attributions-*")
    selected = page.locator("#text .m.selected")
    assert selected.count() >= 1
    assert "Tomas Reyes" in page.inner_text("#details")


def test_script_in_an_article_runs_nothing(site, page):
    response = page.goto(f"{site}/articles/hostile")
    assert response.status == 200 and response.headers["content-security-policy"]
    page.locator("#text .m").first.click()  # records render through textContent too
    page.wait_for_timeout(300)
    text = page.inner_text("#text")
    assert "<script>alert('text')</script>" in text
    assert "<img src=x onerror=alert('quote')>" in text
    assert "<script>alert('title')</script>" in page.inner_text("h1")
    assert page.locator("a[href^='javascript:']").count() == 0
    assert page.locator("#text img, #text svg, #text script, #text a").count() == 0
    for passage in page.locator("#text .m.quote").all()[:3]:
        passage.click()
    assert page.locator("#details img, #details svg, #details script").count() == 0
    assert not page.dialogs and not [m for m in page.messages if "alert" in m]


def test_the_paste_page_analyses_at_once_and_runs_nothing(site, page):
    page.set_default_timeout(120_000)  # the first analysis starts the worker (model load)
    page.goto(f"{site}/analyze")
    page.fill("textarea[name=text]", PASTED)
    page.fill("input[name=title]", "Cup tie")
    page.click("#analyze-form button[type=submit]")
    page.wait_for_selector("#text .m.quote")
    assert "analysed, not stored" in page.inner_text("article header")
    assert "Ines Carvalho" in _details_after_clicking(page, "They closed every door")
    page.goto(f"{site}/analyze")
    page.fill("textarea[name=text]", PASTED_HOSTILE)
    page.click("#analyze-form button[type=submit]")
    page.wait_for_selector("#text")
    page.wait_for_timeout(300)
    assert "<script>alert('pasted script')</script>" in page.inner_text("#text")
    assert page.locator("#text img, #text script").count() == 0
    assert not page.dialogs


def test_an_entity_page_has_a_timeline(site, page):
    page.goto(f"{site}/entities?name=Reyes")
    page.locator("table.list a", has_text="Tomas Reyes").first.click()
    page.wait_for_url("**/entities/C*")
    assert "Tomas Reyes" in page.inner_text("h1")
    rows = page.locator("table.timeline tbody tr.quote")
    assert rows.count() >= 1
    assert "Our members have waited" in page.inner_text("table.timeline")
