"""Drive the chat UI in a real Chromium: ask, read the answer, open a citation.

Needs the Debian ``chromium`` package (``/usr/bin/chromium``; override with
``PARTYQA_CHROMIUM``) and the ``playwright`` Python package; ``playwright install`` is
never needed. Without Chromium the test is skipped, except under ``CI`` where it fails.
A screenshot of the final page is written to ``/tmp/partyqa-ui.png``.
"""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from tests._server import RunningServer, shared_server

pytestmark = pytest.mark.browser

CHROMIUM = Path(os.environ.get("PARTYQA_CHROMIUM", "/usr/bin/chromium"))
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
                 "--disable-sync", "--no-first-run", "--disable-dev-shm-usage"]
SCREENSHOT = Path("/tmp/partyqa-ui.png")
QUESTION = "天桥区建立了多少个非公企业党组织？"
TIMEOUT_MS = 120_000


def _in_ci() -> bool:
    """True when the environment variable CI is set to a true value."""
    return os.environ.get("CI", "").strip().lower() not in ("", "0", "false", "no")


def _require_browser() -> None:
    """Skip (or fail under CI) when Chromium or Playwright is missing."""
    reasons = []
    if not CHROMIUM.exists():
        reasons.append(f"{CHROMIUM} not found (apt-get install -y chromium)")
    try:
        import playwright.sync_api  # noqa: F401
    except ImportError:
        reasons.append("the playwright Python package is not installed")
    if reasons:
        message = "; ".join(reasons)
        if _in_ci():
            pytest.fail(f"browser test cannot run under CI: {message}")
        pytest.skip(message)


@pytest.fixture(scope="module")
def server() -> RunningServer:
    """The shared real server."""
    _require_browser()
    return shared_server()


@pytest.fixture(scope="module")
def page(server: RunningServer):
    """A Chromium page with the UI loaded."""
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        try:
            pg = browser.new_page(viewport={"width": 1400, "height": 1000}, locale="zh-CN")
            pg.set_default_timeout(TIMEOUT_MS)
            errors: list[str] = []
            pg.on("pageerror", lambda exc: errors.append(str(exc)))
            pg.goto(server.url + "/", wait_until="domcontentloaded")
            pg.locator("#question textarea").wait_for(state="visible")
            pg.page_errors = errors  # type: ignore[attr-defined]
            yield pg
        finally:
            browser.close()


def _ask(page, question: str) -> None:
    """Type ``question`` into the question box and press the send button."""
    box = page.locator("#question textarea")
    box.fill(question)
    page.locator("#send").click()


def _new_chat(page) -> None:
    """Press 新对话 and wait until the conversation and the sources are empty."""
    from playwright.sync_api import expect

    page.locator("#new-chat").click()
    expect(page.locator("#answer .pq-turn")).to_have_count(0)
    expect(page.locator("#sources details.source")).to_have_count(0)
    expect(page.locator("#question textarea")).to_have_value("")


def test_ask_and_open_citation(page) -> None:
    from playwright.sync_api import expect

    _ask(page, QUESTION)
    answer = page.locator("#answer")
    expect(answer.locator(".pq-a").last).to_contain_text("416", timeout=TIMEOUT_MS)
    expect(page.locator("#question textarea")).to_have_value("")

    cite = answer.locator("a.cite[data-n='1']").last
    expect(cite).to_have_text("[1]")
    cite.click()
    opened = page.locator("#sources details.source.active[data-n='1']")
    expect(opened).to_have_count(1)
    expect(opened).to_have_attribute("open", "")
    mark = opened.locator("mark.cited").filter(has_text="416")
    expect(mark).to_have_count(1)
    expect(mark).to_be_visible()
    expect(opened.locator(".meta")).to_contain_text(".txt")
    page.screenshot(path=str(SCREENSHOT), full_page=True)
    assert not page.page_errors, page.page_errors


def test_follow_up_and_new_conversation(page) -> None:
    from playwright.sync_api import expect

    _new_chat(page)
    turns = page.locator("#answer .pq-turn")
    _ask(page, QUESTION)
    expect(turns).to_have_count(1, timeout=TIMEOUT_MS)
    _ask(page, "覆盖率是多少？")
    expect(turns).to_have_count(2, timeout=TIMEOUT_MS)
    expect(turns.last.locator(".pq-resolved")).to_contain_text("天桥区")
    expect(turns.last).to_contain_text("64.7%")

    _new_chat(page)


def test_not_found_shows_closest_passages(page) -> None:
    from playwright.sync_api import expect

    _new_chat(page)
    _ask(page, "济南市槐荫区非公企业党组织覆盖率是多少？")
    expect(page.locator("#answer .pq-a.notfound")).to_contain_text("资料中没有找到", timeout=TIMEOUT_MS)
    expect(page.locator("#sources details.source").first).to_be_visible()
    _new_chat(page)


def test_knowledge_base_upload_and_delete(page, tmp_path: Path) -> None:
    from playwright.sync_api import expect

    article = tmp_path / "browser-upload.txt"
    article.write_text("松涛街道：党建引领老旧小区改造\n\n松涛街道党工委今年推动老旧小区改造，共改造小区23个，"
                       "惠及居民三千多户。街道组织党员志愿者参与改造方案征求意见，解决群众关心的停车和加装电梯问题，"
                       "让党建工作在基层治理中发挥更大作用。\n", encoding="utf-8")
    bad = tmp_path / "tool.exe"
    bad.write_bytes(b"MZ\x90\x00")
    page.get_by_role("tab", name="知识库").click()
    files = page.locator("#upload-files input[type=file]")

    files.set_input_files(str(bad))
    expect(page.get_by_text("Invalid file type").first).to_be_visible()

    files.set_input_files(str(article))
    expect(page.locator("#upload-files")).to_contain_text("browser-upload.txt")
    page.locator("#upload").click()
    expect(page.locator("#kb-status")).to_contain_text("已索引", timeout=TIMEOUT_MS)
    expect(page.locator("#documents")).to_contain_text("browser-upload.txt")

    page.locator("#delete-choice input").click()
    page.get_by_role("option", name="browser-upload.txt").click()
    page.locator("#delete").click()
    expect(page.locator("#kb-status")).to_contain_text("已删除", timeout=TIMEOUT_MS)
    expect(page.locator("#documents")).not_to_contain_text("browser-upload.txt")
    page.get_by_role("tab", name="问答").click()
