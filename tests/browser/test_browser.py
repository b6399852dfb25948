"""Drive the chat UI in a real Chromium: streaming, scrolling, citations, filters, storage, fonts.

Needs the Debian ``chromium`` package (``/usr/bin/chromium``; override with
``PARTYQA_CHROMIUM``), a CJK font (``scripts/setup.sh --browser`` installs
``fonts-wqy-microhei``) and the ``playwright`` Python package; ``playwright install`` is
never needed. Without Chromium the tests are skipped, except under ``CI`` where they fail.
One server and one browser serve all tests; the browser reports ``en-US`` so that the
tests also show that the page is Chinese anyway. Screenshots go to each test's tmp folder.
Nothing here measures time: every wait is for a state of the page.
"""

from __future__ import annotations

import os
import re
from pathlib import Path

import pytest

from tests._server import RunningServer, shared_server

pytestmark = pytest.mark.browser

CHROMIUM = Path(os.environ.get("PARTYQA_CHROMIUM", "/usr/bin/chromium"))
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
                 "--disable-sync", "--no-first-run", "--disable-dev-shm-usage"]
QUESTION = "天桥区建立了多少个非公企业党组织？"
DESKTOP = {"width": 1366, "height": 768}
PHONE = {"width": 390, "height": 844}
TIMEOUT_MS = 120_000
#: The last answer message once it is complete (not pending, not streaming).
DONE = "#chatbot .pq-msg:not(.pending):not(.streaming)"

# Records, for every change of the chat, the class and text of the newest answer message.
RECORD_STREAM = """() => {
  window.__pqSnaps = [];
  const chat = document.querySelector('#chatbot');
  new MutationObserver(() => {
    const msgs = chat.querySelectorAll('.pq-msg');
    const last = msgs[msgs.length - 1];
    const a = last && last.querySelector('.pq-a');
    if (a) { window.__pqSnaps.push([last.className, a.innerText]); }
  }).observe(chat, {subtree: true, childList: true, characterData: true});
}"""

# Where the newest answer and the question box are, relative to the chat box and the window.
IN_VIEW = """() => {
  const msgs = document.querySelectorAll('#chatbot .pq-msg');
  const last = msgs[msgs.length - 1].getBoundingClientRect();
  const chat = document.querySelector('#chatbot').getBoundingClientRect();
  const box = document.querySelector('#question textarea').getBoundingClientRect();
  return {last: [last.top, last.bottom], chat: [chat.top, chat.bottom], box: [box.top, box.bottom],
          window: window.innerHeight, boxWidth: box.width};
}"""

# Draws characters in the page's own font; a missing glyph is a fallback box that looks the
# same for every character, so distinct CJK characters must give distinct pictures.
GLYPHS = """(chars) => {
  const font = getComputedStyle(document.querySelector('#chatbot')).fontFamily;
  const canvas = document.createElement('canvas');
  canvas.width = 48; canvas.height = 48;
  const ctx = canvas.getContext('2d');
  return {font, pictures: chars.map((c) => {
    ctx.clearRect(0, 0, 48, 48);
    ctx.font = '32px ' + font;
    ctx.fillText(c, 4, 38);
    const data = ctx.getImageData(0, 0, 48, 48).data;
    let ink = 0, hash = 0;
    for (let i = 3; i < data.length; i += 4) { if (data[i] > 0) { ink++; hash = (hash * 31 + i) % 1000000007; } }
    return {ink, hash, width: ctx.measureText(c).width};
  })};
}"""


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
    """A Chromium page with the UI loaded (browser language en-US)."""
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        try:
            pg = browser.new_page(viewport=DESKTOP, locale="en-US", accept_downloads=True)
            pg.set_default_timeout(TIMEOUT_MS)
            errors: list[str] = []
            pg.on("pageerror", lambda exc: errors.append(str(exc)))
            _open(pg, server.url + "/")
            pg.page_errors = errors  # type: ignore[attr-defined]
            yield pg
            assert not errors, errors
        finally:
            browser.close()


@pytest.fixture()
def chat(page):
    """The page with an empty conversation at the desktop size, emptied again afterwards."""
    page.set_viewport_size(DESKTOP)
    _new_chat(page)
    yield page
    page.set_viewport_size(DESKTOP)
    _new_chat(page)


def _ask(page, question: str) -> None:
    """Ask ``question`` and wait until its answer is complete."""
    from playwright.sync_api import expect

    done = page.locator(DONE)
    before = done.count()
    page.locator("#question textarea").fill(question)
    page.locator("#send").click()
    try:
        expect(done).to_have_count(before + 1, timeout=TIMEOUT_MS)
    except AssertionError as exc:
        raise AssertionError(f"{exc}\n--- chat:\n{page.locator('#chatbot').inner_html()[-3000:]}\n"
                             f"--- page errors: {getattr(page, 'page_errors', [])}\n--- server log:\n{_server_log()}") from None


def _server_log() -> str:
    """The end of the shared server's log (for failure messages)."""
    return shared_server().log(3000)


def _open(page, url: str | None = None) -> None:
    """Load (or reload) the UI and wait until its Gradio client is connected."""
    if url:
        page.goto(url, wait_until="domcontentloaded")
    else:
        page.reload(wait_until="domcontentloaded")
    page.locator("#question textarea").wait_for(state="visible")
    page.wait_for_function("() => !!window.__gradio_session_hash__")


def _new_chat(page) -> None:
    """Press 新对话 and wait until the conversation and the question box are empty."""
    from playwright.sync_api import expect

    page.locator("#new-chat").click()
    expect(page.locator("#chatbot .pq-msg")).to_have_count(0)
    expect(page.locator("#question textarea")).to_have_value("")
    expect(page.locator("#filter-chips")).to_be_hidden()


def _assert_newest_and_input_in_view(page) -> None:
    """The newest answer is in view in the chat box, and the chat box and question box inside the window."""
    from playwright.sync_api import expect

    expect(page.locator("#question textarea")).to_be_in_viewport(ratio=1)
    geo = page.evaluate(IN_VIEW)
    (top, bottom), (chat_top, chat_bottom) = geo["last"], geo["chat"]
    assert chat_top - 1 <= top < chat_bottom, geo  # the answer starts inside the chat box …
    assert min(bottom, chat_bottom) - top >= min(bottom - top, 100), geo  # … and shows all of it, or a good part
    assert geo["box"][1] <= geo["window"] and chat_bottom <= geo["window"] and geo["boxWidth"] > 150, geo


def test_answer_streams_then_opens_its_source_with_the_answer_marked(chat) -> None:
    from playwright.sync_api import expect

    chat.evaluate(RECORD_STREAM)
    _ask(chat, QUESTION)
    answer = chat.locator(DONE).last
    expect(answer.locator(".pq-a")).to_contain_text("416")
    expect(chat.locator("#question textarea")).to_have_value("")
    final = answer.locator(".pq-a").inner_text()
    partial = [text for css, text in chat.evaluate("window.__pqSnaps") if "streaming" in css and text.strip()]
    assert any(final.startswith(t.strip()) and len(t.strip()) < len(final) for t in partial), (partial, final)

    answer.locator("a.cite[data-n='1']").click()
    opened = answer.locator("details.source.active[data-n='1']")
    expect(opened).to_have_attribute("open", "")
    mark = opened.locator("mark.cited").filter(has_text="416")
    expect(mark).to_be_visible()
    expect(opened.locator(".meta")).to_contain_text(".txt")


def test_ten_turns_keep_the_newest_answer_and_the_input_in_view(chat, tmp_path: Path) -> None:
    from playwright.sync_api import expect

    questions = [QUESTION, "覆盖率是多少？", "涧西区成立了多少个项目建设指挥部？", "天桥区建立了多少个社会组织党组织？",
                 "荷塘区新建了多少个非公有制经济组织党组织？"] * 2
    for q in questions:
        _ask(chat, q)
    _assert_newest_and_input_in_view(chat)
    chat.screenshot(path=str(tmp_path / "ten-turns-1366x768.png"))

    chat.set_viewport_size(PHONE)
    _ask(chat, "涧西区委书记是谁？")
    _assert_newest_and_input_in_view(chat)
    chat.screenshot(path=str(tmp_path / "eleven-turns-390x844.png"))

    # A citation of the first answer opens that answer's own source, not the newest one's.
    first = chat.locator("#chatbot .pq-msg[data-turn='0']")
    first.locator("a.cite[data-n='1']").click()
    expect(first.locator("details.source[data-n='1']")).to_have_attribute("open", "")
    expect(first.locator("mark.cited").first).to_be_in_viewport()
    expect(chat.locator("#chatbot .pq-msg[data-turn='10'] details.source[open]")).to_have_count(0)


def test_filters_show_as_chips_and_new_chat_clears_them(chat) -> None:
    from playwright.sync_api import expect

    chat.locator("#f-district input").click()
    chat.get_by_role("option", name="天桥区", exact=True).click()
    chat.locator("#f-from input").fill("2000-01-01")
    chat.locator("#f-from input").press("Enter")
    chips = chat.locator("#filter-chips .pq-chip")
    expect(chips).to_have_text(["地区：天桥区", "日期：2000-01-01 之后"])

    _ask(chat, QUESTION)
    expect(chat.locator(DONE).last.locator(".pq-chip")).to_have_text(["地区：天桥区", "日期：2000-01-01 之后"])

    _new_chat(chat)
    expect(chat.locator("#f-district input")).to_have_value("全部")
    expect(chat.locator("#f-from input")).to_have_value("")


def test_conversation_survives_a_reload_and_exports_as_markdown(chat) -> None:
    from playwright.sync_api import expect

    example = chat.locator("#chatbot").get_by_text(re.compile("^数量｜"))
    asked = example.first.inner_text().split("｜", 1)[1]
    example.first.click()
    expect(chat.locator(DONE)).to_have_count(1, timeout=TIMEOUT_MS)
    answer = chat.locator(DONE).last.locator(".pq-a").inner_text()

    _open(chat)
    expect(chat.locator(DONE)).to_have_count(1)
    expect(chat.locator("#chatbot .pq-q")).to_have_text([asked])
    expect(chat.locator(DONE).last.locator(".pq-a")).to_have_text(answer)
    expect(chat.locator("#export")).to_be_enabled()

    with chat.expect_download() as download:
        chat.locator("#export").click()
    markdown = Path(download.value.path()).read_text(encoding="utf-8")
    assert f"## 1. {asked}" in markdown and "- [1] 《" in markdown and "  > " in markdown


def test_delete_asks_for_confirmation(page, tmp_path: Path) -> None:
    from playwright.sync_api import expect

    article = tmp_path / "browser-upload.txt"
    article.write_text("松涛街道：党建引领老旧小区改造\n\n松涛街道党工委今年推动老旧小区改造，共改造小区23个，"
                       "惠及居民三千多户。街道组织党员志愿者参与改造方案征求意见，解决群众关心的停车和加装电梯问题，"
                       "让党建工作在基层治理中发挥更大作用。\n", encoding="utf-8")
    page.get_by_role("tab", name="知识库").click()
    page.locator("#upload-files input[type=file]").set_input_files(str(article))
    expect(page.locator("#upload-files")).to_contain_text("browser-upload.txt")
    page.locator("#upload").click()
    expect(page.locator("#kb-status")).to_contain_text("已索引", timeout=TIMEOUT_MS)
    documents = page.locator("#documents")
    expect(documents).to_contain_text("browser-upload.txt")

    page.locator("#delete-choice input").click()
    page.get_by_role("option", name="browser-upload.txt").click()
    page.locator("#delete").click()
    confirm = page.locator("#delete-confirm")
    expect(confirm).to_be_visible()
    expect(page.locator("#delete-confirm-text")).to_contain_text("确定删除《松涛街道")
    page.locator("#delete-cancel").click()
    expect(confirm).to_be_hidden()
    expect(documents).to_contain_text("browser-upload.txt")

    page.locator("#delete").click()
    confirm.click()
    expect(page.locator("#kb-status")).to_contain_text("已删除", timeout=TIMEOUT_MS)
    expect(documents).not_to_contain_text("browser-upload.txt")
    page.get_by_role("tab", name="问答").click()


def test_page_is_chinese_and_cjk_glyphs_render(page, tmp_path: Path) -> None:
    from playwright.sync_api import expect

    expect(page.locator("html")).to_have_attribute("lang", "zh-CN")
    page.get_by_role("tab", name="知识库").click()
    expect(page.locator("#upload-files")).to_contain_text("拖放")
    expect(page.locator("footer")).to_contain_text("通过 API 使用")
    body = page.locator("body").inner_text()
    for english in ("Drop File Here", "Click to Upload", "Use via API", "Built with Gradio"):
        assert english not in body
    page.get_by_role("tab", name="问答").click()

    chars = ["党", "建", "问", "答", "\ue000"]  # the last one has no glyph in any font: a fallback box
    result = page.evaluate(GLYPHS, chars)
    pictures = result["pictures"]
    cjk, missing = pictures[:-1], pictures[-1]
    assert all(p["ink"] > 0 for p in cjk), result
    assert len({p["hash"] for p in cjk}) == len(cjk), f"CJK characters draw as identical boxes: {result}"
    assert all(p["hash"] != missing["hash"] for p in cjk), result
    assert all(p["width"] >= 28 for p in cjk), result  # full-width glyphs, not narrow boxes
    page.screenshot(path=str(tmp_path / "chat-glyphs.png"))
