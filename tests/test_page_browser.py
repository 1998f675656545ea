"""The page at ``/`` in a real headless Chromium (Debian ``chromium``, driven by Playwright; never downloaded), on a
390×844 phone and a 1280×800 desktop: typo search, my tasks first, the networks, upload, and axe-core.

Screenshots are saved to ``tests/artifacts/`` (gitignored) as test artefacts.
"""

from __future__ import annotations

import csv
import io
import socket
import threading
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from pydantic import SecretStr

CHROMIUM = Path("/usr/bin/chromium")
ROOT = Path(__file__).resolve().parent.parent
ARTIFACTS = Path(__file__).parent / "artifacts"
AXE = ROOT / "tools" / "page-assets" / "node_modules" / "axe-core" / "axe.min.js"
CHROMIUM_ARGS = [
    "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
    "--disable-background-networking", "--disable-component-update", "--disable-sync",
]  # fmt: skip
ZHEJIANG_BUREAU = "浙江省市场监督管理局"
VIEWPORTS = {"phone": {"width": 390, "height": 844}, "desktop": {"width": 1280, "height": 800}}
KEY = "page-s3cret"

pytestmark = pytest.mark.skipif(not CHROMIUM.exists(), reason="Debian chromium (/usr/bin/chromium) is not installed")


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _serve(app: Any) -> Iterator[str]:
    import uvicorn

    port = _free_port()
    server = uvicorn.Server(uvicorn.Config(app, host="127.0.0.1", port=port, log_level="warning"))
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
def base_url(seeded_store: Any) -> Iterator[str]:
    """The API (with the page) served by uvicorn in a background thread over the seeded store."""
    from plangraph.api.app import create_app

    yield from _serve(create_app(store=seeded_store))


@pytest.fixture(scope="module")
def upload_url(falkor_settings: Any) -> Iterator[str]:
    """The API over an empty writable graph of its own, with an API key (uploads allowed)."""
    from plangraph.api.app import create_app
    from plangraph.graph.falkor_store import FalkorStore

    settings = falkor_settings.model_copy(update={"graph_name": "plangraph_page_upload", "api_key": SecretStr(KEY)})
    store = FalkorStore(settings.store_config())
    store.clear()
    yield from _serve(create_app(settings, store))
    store.clear()
    store.close()


@pytest.fixture(scope="module")
def browser() -> Iterator[Any]:
    from playwright import sync_api

    with sync_api.sync_playwright() as pw:
        browser = pw.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        yield browser
        browser.close()


@pytest.fixture(params=list(VIEWPORTS))
def screen(request: pytest.FixtureRequest) -> str:
    return request.param


@pytest.fixture
def page(browser: Any, screen: str) -> Iterator[Any]:
    ARTIFACTS.mkdir(exist_ok=True)
    context = browser.new_context(viewport=VIEWPORTS[screen], locale="zh-CN")
    page = context.new_page()
    errors: list[str] = []
    page.on("pageerror", lambda exc: errors.append(str(exc)))
    yield page
    context.close()
    assert not errors, f"JavaScript errors on the page: {errors}"


def _search(page: Any, text: str) -> None:
    page.get_by_label("责任单位").fill(text)
    page.keyboard.press("Enter")
    page.locator("#result-list li").first.wait_for()
    page.wait_for_function("document.activeElement && document.activeElement.id === 'results-title'")


def _open_agency(page: Any, base_url: str, agency_id: str = ZHEJIANG_BUREAU) -> None:
    page.goto(base_url + "/")
    _search(page, "省市场监管局")
    page.locator(f'a.result[data-agency-id="{agency_id}"]').click()
    page.locator("#lead-list li.task").first.wait_for()
    page.wait_for_function("window.plangraphCharts && window.plangraphCharts.network")


def _quotes_loaded(page: Any, n: int) -> None:
    page.wait_for_function(f"document.querySelectorAll('#lead-list li.task blockquote.quote').length === {n}")


def _labels_inside(page: Any, chart: str) -> dict[str, Any]:
    """Every node's rendered bounding box (label included) against its canvas."""
    return page.evaluate(
        """(id) => { const cy = window.plangraphCharts[id]; const w = cy.width(), h = cy.height();
           const out = cy.nodes().map((n) => { const b = n.renderedBoundingBox({includeLabels: true});
             return {id: n.id(), x1: b.x1, y1: b.y1, x2: b.x2, y2: b.y2}; });
           return {w, h, nodes: out, cut: out.filter((b) => b.x1 < 0 || b.y1 < 0 || b.x2 > w || b.y2 > h)}; }""",
        chart,
    )


def test_a_misspelt_name_suggests_the_right_agency(page: Any, base_url: str, screen: str) -> None:
    page.goto(base_url + "/")
    for typo in ("浙江省市场监督管里局", "浙江省市场监管理局"):
        _search(page, typo)
        assert "您是不是要找" in page.locator("#results-title").inner_text()  # did you mean
        first = page.locator("a.result").first
        assert first.get_attribute("data-agency-id") == ZHEJIANG_BUREAU
    page.screenshot(path=str(ARTIFACTS / f"page_typo_{screen}.png"), full_page=True)
    first.click()
    page.locator("#agency-title").wait_for()
    assert ZHEJIANG_BUREAU in page.locator("#agency-title").inner_text()
    assert page.locator("#results").is_hidden()  # no stale results above the agency


def test_results_sharing_a_name_show_jurisdiction_and_document(page: Any, base_url: str, screen: str) -> None:
    page.goto(base_url + "/")
    _search(page, "市场监管部门")
    names = page.locator("a.result .result-name").all_inner_texts()
    shared = [n for n in names if n.startswith("市场监管部门")]
    assert len(shared) >= 2 and len(set(shared)) == len(shared)  # the jurisdiction makes each title distinct
    page.wait_for_function(
        """() => [...document.querySelectorAll('a.result')].filter((a) =>
             a.querySelector('.result-name').textContent.startsWith('市场监管部门'))
           .every((a) => a.querySelector('.result-docs') && a.querySelector('.result-docs').textContent.includes('文件'))"""
    )
    page.screenshot(path=str(ARTIFACTS / f"page_same_name_{screen}.png"), full_page=True)


def test_my_tasks_come_first_grouped_by_document(page: Any, base_url: str, screen: str) -> None:
    _open_agency(page, base_url)
    assert page.evaluate("document.activeElement.id") == "agency-title"
    lead = page.locator("#lead-list li.task")
    assert lead.count() == 22
    assert page.locator("#lead-count").inner_text() == "(22)"
    groups = page.locator("#lead-list .doc-group h4 .count").all_inner_texts()
    assert sum(int(g.strip("()")) for g in groups) == 22  # grouped by document, with counts
    _quotes_loaded(page, 22)
    page.evaluate("window.scrollTo(0, 0)")
    page.screenshot(path=str(ARTIFACTS / f"page_agency_{screen}.png"), full_page=False)
    page.screenshot(path=str(ARTIFACTS / f"page_agency_{screen}_full.png"), full_page=True)
    tops = page.evaluate(
        """() => { const top = (el) => el.getBoundingClientRect().top + window.scrollY;
             const lead = [...document.querySelectorAll('#lead-list li.task')].map(top);
             return {lead, co: top(document.querySelector('#co-title')), net: top(document.querySelector('#network')),
                     netLeft: document.querySelector('#network').getBoundingClientRect().left,
                     leadRight: document.querySelector('#lead-list').getBoundingClientRect().right}; }"""
    )
    assert tops["lead"][0] < VIEWPORTS[screen]["height"]  # the first task is on the first screen
    assert max(tops["lead"]) < tops["co"]
    if screen == "phone":  # all 22 lead tasks before anything else: the drawing comes after every task
        assert max(tops["lead"]) < tops["net"]
    else:  # the drawing sits beside the tasks, never above them
        assert tops["netLeft"] >= tops["leadRight"]
    body = page.locator("#agency-view").inner_text()
    assert "未注明" not in body and "not stated" not in body  # empty fields are not shown
    assert page.evaluate("document.documentElement.scrollWidth") <= VIEWPORTS[screen]["width"]

    # download my tasks: the buttons point at the API's CSV and Excel exports of every task of the agency
    api_total = page.request.get(f"{base_url}/agencies/{ZHEJIANG_BUREAU}/tasks?role=any&limit=1").json()["total"]
    csv_resp = page.request.get(base_url + "/" + page.locator("#dl-csv").get_attribute("href").lstrip("/"))
    assert csv_resp.ok and "text/csv" in csv_resp.headers["content-type"]
    assert len(list(csv.DictReader(io.StringIO(csv_resp.text().lstrip("\ufeff"))))) == api_total
    xlsx = page.request.get(base_url + "/" + page.locator("#dl-xlsx").get_attribute("href").lstrip("/"))
    assert xlsx.ok and xlsx.body()[:2] == b"PK"  # an Excel (zip) workbook


def _collaborators(base_url: str, page: Any, agency_id: str) -> set[str]:
    ids: set[str] = set()
    for role in ("lead", "co"):
        rows = page.request.get(f"{base_url}/agencies/{agency_id}/tasks?role={role}&limit=10000").json()["items"]
        for t in rows:
            units = [t["lead"]] if t.get("lead") else []
            ids |= {u["agency_id"] for u in units + (t.get("co") or [])}
    return ids - {agency_id}


def test_the_network_shows_every_collaborator_with_readable_labels(page: Any, base_url: str, screen: str) -> None:
    _open_agency(page, base_url)
    expected = _collaborators(base_url, page, ZHEJIANG_BUREAU)
    drawn = set(page.evaluate("window.plangraphCharts.network.nodes().map((n) => n.id())")) - {ZHEJIANG_BUREAU}
    note = page.locator("#net-note")
    shown, total = int(note.get_attribute("data-shown")), int(note.get_attribute("data-total"))
    assert total == len(expected) and drawn <= expected and len(drawn) == shown
    if shown < total:
        assert f"前 {shown} 个,共 {total} 个" in note.inner_text()
    else:
        assert drawn == expected and f"全部 {total} 个" in note.inner_text()
    boxes = _labels_inside(page, "network")
    assert boxes["nodes"] and not boxes["cut"], boxes["cut"]
    legend = page.locator("#net-legend").inner_text()
    assert "本单位牵头" in legend and "对方牵头" in legend  # lead and co edges told apart
    kinds = set(page.evaluate("window.plangraphCharts.network.edges().map((e) => e.classes()).flat()"))
    assert "i-lead" in kinds and kinds <= {"i-lead", "they-lead", "co-co", "peer"}  # every style has a legend key
    page.locator("#network").scroll_into_view_if_needed()
    page.locator("#network").screenshot(path=str(ARTIFACTS / f"page_network_{screen}.png"))
    # a click on a node opens that agency
    target = sorted(drawn)[0]
    pos = page.evaluate(f"window.plangraphCharts.network.getElementById({target!r}).renderedPosition()")
    box = page.locator("#network").bounding_box()
    page.mouse.click(box["x"] + pos["x"], box["y"] + pos["y"])
    page.wait_for_function(f"decodeURIComponent(location.hash) === '#/agencies/' + {target!r}")
    page.wait_for_function(f"document.querySelector('#agency-title').textContent.includes({target!r})")


def test_a_documents_whole_network_for_analysts(page: Any, base_url: str, screen: str) -> None:
    page.goto(base_url + "/")
    link = page.locator("#doc-list a", has_text="浙江")
    link.first.wait_for()
    link.first.click()
    page.wait_for_function("window.plangraphCharts && window.plangraphCharts['doc-network']")
    doc_id = page.evaluate("decodeURIComponent(location.hash.slice('#/documents/'.length))")
    net = page.request.get(f"{base_url}/network/agencies?doc_id={doc_id}").json()
    linked = {e["source"] for e in net["edges"]} | {e["target"] for e in net["edges"]}
    note = page.locator("#doc-note")
    shown, total = int(note.get_attribute("data-shown")), int(note.get_attribute("data-total"))
    drawn = set(page.evaluate("window.plangraphCharts['doc-network'].nodes().map((n) => n.id())"))
    assert linked <= set() | {n["id"] for n in net["nodes"]} and total >= len(linked) and len(drawn) == shown
    assert drawn == linked or (shown < total and f"共 {total} 个" in note.inner_text())
    assert page.evaluate("window.plangraphCharts['doc-network'].edges().length") > 0
    boxes = _labels_inside(page, "doc-network")
    assert not boxes["cut"], boxes["cut"]
    page.screenshot(path=str(ARTIFACTS / f"page_doc_network_{screen}.png"), full_page=True)
    page.goto(f"{base_url}/#doc={doc_id}")  # the short deep link opens the same view
    page.reload()
    page.wait_for_function("window.plangraphCharts && window.plangraphCharts['doc-network']")
    assert page.evaluate("window.plangraphCharts['doc-network'].nodes().length") == shown


PLAN = """丽水市推进数字乡村建设工作方案

为加快数字乡村建设,制定本方案。

一、主要任务

(一)建设乡村数据平台。到2026年,建成县级乡村数据平台9个。(责任单位:丽水市大数据发展管理局,丽水市农业农村局)

(二)培育数字农业企业。(责任单位:丽水市农业农村局,丽水市经济和信息化局)
"""


def test_a_plan_uploaded_from_the_page_appears_in_search(page: Any, upload_url: str, screen: str,
                                                          tmp_path: Path) -> None:  # fmt: skip
    plan = tmp_path / f"lishui-{screen}.txt"
    plan.write_text(PLAN, encoding="utf-8")
    page.goto(upload_url + "/")
    page.locator("#upload-file").set_input_files(str(plan))
    page.get_by_label("API 密钥", exact=False).fill(KEY)
    page.get_by_role("button", name="上传并抽取").click()
    summary = page.locator("#upload-summary")
    summary.wait_for(timeout=60_000)
    text = summary.inner_text()
    assert "丽水市推进数字乡村建设工作方案" in text and "任务 · Tasks" in text
    assert page.locator("#upload-bar").get_attribute("value") == "100"
    page.screenshot(path=str(ARTIFACTS / f"page_upload_{screen}.png"), full_page=True)
    _search(page, "丽水市农业农村局")
    assert page.locator('a.result[data-agency-id="丽水市农业农村局"]').count() == 1
    # a wrong key is refused with the API's message, shown on the page
    page.goto(upload_url + "/")
    page.locator("#upload-file").set_input_files(str(plan))
    page.get_by_label("API 密钥", exact=False).fill("wrong")
    page.get_by_role("button", name="上传并抽取").click()
    page.locator("#upload-result .error").wait_for()
    assert "401" in page.locator("#upload-result .error").inner_text()


def _axe(page: Any) -> list[dict[str, Any]]:
    assert AXE.exists(), "axe-core is installed by `make lint-deps` (npm ci in tools/page-assets)"
    page.add_script_tag(path=str(AXE))
    result = page.evaluate("axe.run(document, {resultTypes: ['violations']})")
    return [v for v in result["violations"] if v["impact"] in ("serious", "critical")]


def test_axe_core_finds_no_serious_violations(page: Any, base_url: str, screen: str) -> None:
    page.goto(base_url + "/")
    page.locator("#doc-list li").first.wait_for()
    _search(page, "浙江省市场监督管里局")
    found = {"home": _axe(page)}
    _open_agency(page, base_url)
    _quotes_loaded(page, 22)
    found["agency"] = _axe(page)
    page.locator("#lead-list li.task h5 a").first.click()
    page.locator("#task-view .source-quote").wait_for()
    found["task"] = _axe(page)
    page.goto(base_url + "/")
    page.locator("#doc-list a").first.click()
    page.wait_for_function("window.plangraphCharts && window.plangraphCharts['doc-network']")
    found["document"] = _axe(page)
    summary = {view: [(v["id"], v["impact"], len(v["nodes"])) for v in vs] for view, vs in found.items()}
    assert not any(found.values()), summary


def test_a_task_card_opens_the_task_with_its_quote(page: Any, base_url: str, screen: str) -> None:
    _open_agency(page, base_url)
    first = page.locator("#lead-list li.task").first
    task_id = first.get_attribute("data-task-id")
    first.locator("h5 a").click()
    quote = page.locator("#task-view .source-quote")
    quote.wait_for()
    assert page.evaluate("document.activeElement.id") == "task-title"
    detail = page.request.get(f"{base_url}/tasks/{task_id}").json()
    assert detail["quote"] and quote.inner_text().strip() == detail["quote"].strip()
    assert ZHEJIANG_BUREAU in page.locator("#task-body").inner_text()  # the lead unit is shown
    assert "未注明" not in page.locator("#task-body").inner_text()
    page.screenshot(path=str(ARTIFACTS / f"page_task_{screen}.png"), full_page=True)


def test_search_is_keyboard_operable(page: Any, base_url: str, screen: str) -> None:
    page.goto(base_url + "/")
    assert page.evaluate("document.activeElement.id") == "q"  # the search box has focus on arrival
    page.keyboard.type("market regulation")
    page.keyboard.press("Enter")
    page.locator("a.result").first.wait_for()
    page.wait_for_function("document.activeElement && document.activeElement.id === 'results-title'")
    page.keyboard.press("Tab")  # from the focused results heading to the first result
    assert page.evaluate("document.activeElement.className") == "result"
    page.keyboard.press("Enter")
    page.locator("#agency-title").wait_for()
    page.wait_for_function("document.activeElement && document.activeElement.id === 'agency-title'")
    assert page.locator("#lead-list li.task, #co-list li.task").count() > 0
