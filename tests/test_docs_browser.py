"""``/docs`` and ``/redoc`` render in headless Chromium with the internet cut off: every request that does not go
to the local server is aborted, and the pages must still draw the operations (assets shipped, no CDN)."""

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
CHROMIUM_ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                 "--disable-background-networking", "--disable-component-update", "--disable-sync"]  # fmt: skip

pytestmark = [pytest.mark.browser,
              pytest.mark.skipif(not CHROMIUM.exists(), reason="Debian chromium (/usr/bin/chromium) is not installed")]  # fmt: skip


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@pytest.fixture(scope="module")
def base_url(falkor_settings: Any) -> Iterator[str]:
    """The API served by uvicorn in a background thread (the docs pages never open the store)."""
    import uvicorn
    from plangraph.api.app import create_app

    port = _free_port()
    server = uvicorn.Server(uvicorn.Config(create_app(falkor_settings), host="127.0.0.1", port=port,
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
def offline_page(base_url: str) -> Iterator[tuple[Any, list[str]]]:
    """A page whose requests to anything but the local server are aborted (no internet), and the list of them."""
    sync_api = pytest.importorskip("playwright.sync_api")
    blocked: list[str] = []

    def route(r: Any) -> None:
        if r.request.url.startswith(base_url):
            r.continue_()
        else:
            blocked.append(f"{r.request.resource_type} {r.request.url}")
            r.abort("internetdisconnected")

    with sync_api.sync_playwright() as pw:
        browser = pw.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        context = browser.new_context(viewport={"width": 1280, "height": 900})
        context.route("**/*", route)
        page = context.new_page()
        yield page, blocked
        context.close()
        browser.close()


def test_swagger_ui_renders_offline(offline_page, base_url):
    page, blocked = offline_page
    page.goto(base_url + "/docs")
    page.locator(".swagger-ui .opblock").first.wait_for(timeout=30000)
    assert page.locator(".swagger-ui .opblock").count() >= 15  # every endpoint drawn
    assert page.locator("text=/tasks").first.is_visible()
    ARTIFACTS.mkdir(exist_ok=True)
    page.screenshot(path=str(ARTIFACTS / "docs-offline.png"))
    assert blocked == [], f"the docs page asked the internet for {blocked}"


def test_redoc_renders_offline(offline_page, base_url):
    page, blocked = offline_page
    page.goto(base_url + "/redoc")
    page.locator("h1").first.wait_for(timeout=30000)
    assert "plangraph" in page.locator("h1").first.inner_text()
    page.locator("h2").nth(10).wait_for(timeout=30000)  # one heading per operation
    assert page.get_by_text("上传规划文件 / Upload a plan").count() >= 1
    # ReDoc's bundle links the Redocly logo (an image) from its CDN: missing offline, harmless; no script,
    # style sheet, font or data may come from outside
    needed = [b for b in blocked if not b.startswith("image ")]
    assert needed == [], f"the ReDoc page needs the internet for {needed}"
