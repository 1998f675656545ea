"""The page at ``/`` in a real headless Chromium (Debian ``chromium``, driven by Playwright; never downloaded).

Screenshots are saved to ``tests/artifacts/`` (gitignored) as test artefacts.
"""

from __future__ import annotations

import socket
import threading
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

CHROMIUM = Path("/usr/bin/chromium")
ARTIFACTS = Path(__file__).parent / "artifacts"
CHROMIUM_ARGS = [
    "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
    "--disable-background-networking", "--disable-component-update", "--disable-sync",
]  # fmt: skip
ZHEJIANG_BUREAU = "浙江省市场监督管理局"

pytestmark = pytest.mark.skipif(not CHROMIUM.exists(), reason="Debian chromium (/usr/bin/chromium) is not installed")


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@pytest.fixture(scope="module")
def base_url(seeded_store: Any) -> Iterator[str]:
    """The API (with the page) served by uvicorn in a background thread over the seeded store."""
    import uvicorn
    from plangraph.api.app import create_app

    port = _free_port()
    server = uvicorn.Server(uvicorn.Config(create_app(store=seeded_store), host="127.0.0.1", port=port,
                                           log_level="warning"))  # fmt: skip
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    deadline = time.monotonic() + 30
    while not server.started:
        if time.monotonic() > deadline or not thread.is_alive():
            pytest.fail("uvicorn did not start")
        time.sleep(0.05)
    yield f"http://127.0.0.1:{port}"
    server.should_exit = True
    thread.join(timeout=10)


@pytest.fixture(scope="module")
def browser() -> Iterator[Any]:
    from playwright import sync_api

    with sync_api.sync_playwright() as pw:
        browser = pw.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        yield browser
        browser.close()


@pytest.fixture
def page(browser: Any) -> Iterator[Any]:
    context = browser.new_context(viewport={"width": 1280, "height": 900}, locale="zh-CN")
    page = context.new_page()
    errors: list[str] = []
    page.on("pageerror", lambda exc: errors.append(str(exc)))
    yield page
    context.close()
    assert not errors, f"JavaScript errors on the page: {errors}"


def _open_zhejiang_bureau(page: Any, base_url: str) -> None:
    page.goto(base_url + "/")
    page.get_by_label("责任单位").fill("省市场监管局")
    page.keyboard.press("Enter")
    result = page.locator(f'a.result[data-agency-id="{ZHEJIANG_BUREAU}"]')
    result.wait_for()
    assert page.evaluate("document.activeElement.id") == "results-title"  # focus moves to the results
    assert "个单位" in page.locator("#status").inner_text()  # announced in the aria-live region
    result.click()
    page.locator("#lead-list li.task").first.wait_for()


def test_search_shows_the_22_lead_tasks_and_a_task_quote(page: Any, base_url: str) -> None:
    ARTIFACTS.mkdir(exist_ok=True)
    _open_zhejiang_bureau(page, base_url)
    assert ZHEJIANG_BUREAU in page.locator("#agency-title").inner_text()
    assert page.evaluate("document.activeElement.id") == "agency-title"
    assert page.locator("#lead-list li.task").count() == 22
    assert page.locator("#lead-count").inner_text() == "(22)"
    # every card gets its source quote (filled in from /tasks/{id})
    page.wait_for_function("document.querySelectorAll('#lead-list li.task blockquote.quote').length === 22")
    assert page.locator("#network svg line.edge").count() > 0
    page.screenshot(path=str(ARTIFACTS / "page_agency.png"), full_page=True)

    first = page.locator("#lead-list li.task").first
    task_id = first.get_attribute("data-task-id")
    first.locator("h4 a").click()
    quote = page.locator("#task-view .source-quote")
    quote.wait_for()
    assert page.evaluate("document.activeElement.id") == "task-title"
    detail = page.request.get(f"{base_url}/tasks/{task_id}").json()
    assert detail["quote"] and quote.inner_text().strip() == detail["quote"].strip()
    assert ZHEJIANG_BUREAU in page.locator("#task-body").inner_text()  # the lead unit is shown
    page.screenshot(path=str(ARTIFACTS / "page_task.png"), full_page=True)


def test_page_fits_a_375px_phone_screen(page: Any, base_url: str) -> None:
    ARTIFACTS.mkdir(exist_ok=True)
    page.set_viewport_size({"width": 375, "height": 812})
    _open_zhejiang_bureau(page, base_url)
    page.wait_for_function("document.querySelectorAll('#lead-list li.task blockquote.quote').length === 22")
    assert page.evaluate("document.documentElement.scrollWidth") <= 375  # no horizontal scrolling
    page.screenshot(path=str(ARTIFACTS / "page_agency_375px.png"), full_page=True)


def test_search_is_keyboard_operable(page: Any, base_url: str) -> None:
    page.goto(base_url + "/")
    assert page.evaluate("document.activeElement.id") == "q"  # the search box has focus on arrival
    page.keyboard.type("market regulation")
    page.keyboard.press("Enter")
    page.locator("a.result").first.wait_for()
    page.keyboard.press("Tab")  # from the focused results heading to the first result
    focused = page.evaluate("document.activeElement.className")
    assert focused == "result"
    page.keyboard.press("Enter")
    page.locator("#agency-title").wait_for()
    page.wait_for_function("document.activeElement && document.activeElement.id === 'agency-title'")
    assert page.locator("#lead-list li, #co-list li").count() > 0
