"""The chat tab: a ``gr.Chatbot`` with streamed answers, filters, examples, export and a stored history.

Layout and event wiring only; the messages come from :mod:`app.ui.conversation` and
:mod:`app.ui.render`, what is shown about the corpus from :mod:`app.ui.corpus`.
Gradio is passed in by :func:`app.ui.layout.build_ui` (it is imported lazily there).
"""

from __future__ import annotations

import hashlib
import tempfile
import time
from pathlib import Path

from app.serialize import answer_json
from app.ui.conversation import (
    MAX_TURNS,
    chat_messages,
    clean_turns,
    conversation_markdown,
    error_messages,
    history_for_engine,
    pending_messages,
    stream_prefixes,
)
from app.ui.corpus import chat_examples, corpus_overview, make_filters, place_choices, publisher_choices
from app.ui.render import answer_text, filter_chips
from partyqa.config import Config
from partyqa.errors import PartyQAError
from retrieval.inputs import USED_HISTORY_TURNS

#: localStorage key of the stored conversation (``gr.BrowserState``).
STORAGE_KEY = "partyqa-chat-v1"
#: Seconds between two streamed pieces of an answer (the answer is computed at once; this paces the display).
STREAM_DELAY = 0.04
#: Where Markdown exports are written before Gradio serves them.
EXPORT_DIR = Path(tempfile.gettempdir()) / "partyqa-export"
EXPORT_NAME = "党建问答对话记录.md"


def placeholder(docs: list[dict]) -> str:
    """What the empty chat shows: a short corpus overview and how citations work (Markdown)."""
    return (f"### 党建资料问答\n\n{corpus_overview(docs)}\n\n"
            "输入问题，或点选下面的示例。答案中的 **[1]** 可点击，展开原文出处。")


def build_chat_tab(gr, engine, config: Config, docs: list[dict], examples: list[str]) -> dict:
    """Lay out the chat tab and wire its events.

    Returns:
        The components others update (``chatbot``, ``district``, ``publisher``, ``overview``)
        and ``load``: ``(fn, inputs, outputs)`` to run when the page loads (restores the chat).
    """
    turns = gr.BrowserState([], storage_key=STORAGE_KEY, secret=STORAGE_KEY)
    with gr.Row(equal_height=False, elem_id="chat-row"):
        with gr.Column(scale=3, min_width=320, elem_id="chat-col"):
            with gr.Row(elem_id="chat-actions", equal_height=True):
                new_chat = gr.Button("新对话", size="sm", scale=0, min_width=72, elem_id="new-chat")
                export = gr.DownloadButton("导出 Markdown", size="sm", scale=0, min_width=112, interactive=False,
                                           elem_id="export")
                clear = gr.Button("清除筛选", size="sm", scale=0, min_width=80, visible=False, elem_id="clear-filters")
                chips = gr.HTML("", elem_id="filter-chips", visible=False, padding=False, min_width=0)
            chatbot = gr.Chatbot(value=[], elem_id="chatbot", show_label=False, autoscroll=True,
                                 sanitize_html=False, render_markdown=False, line_breaks=False,
                                 placeholder=placeholder(docs), examples=chat_examples(examples) or None,
                                 layout="bubble", feedback_options=None, buttons=[])
            with gr.Row(elem_id="input-row", equal_height=True):
                question = gr.Textbox(placeholder="输入问题，按回车发送", show_label=False, container=False, lines=1,
                                      max_lines=4, scale=5, elem_id="question", max_length=config.max_question_chars)
                send = gr.Button("发送", variant="primary", scale=0, min_width=72, elem_id="send")
        with gr.Column(scale=1, min_width=260, elem_id="side-col"):
            overview = gr.Markdown(corpus_overview(docs), elem_id="overview")
            with gr.Accordion("筛选", open=True, elem_id="filters"):
                district = gr.Dropdown(choices=_choices(place_choices(docs)), value="", label="地区",
                                       allow_custom_value=True, elem_id="f-district")
                publisher = gr.Dropdown(choices=_choices(publisher_choices(docs)), value="", label="发布者",
                                        allow_custom_value=True, elem_id="f-publisher")
                date_from = gr.DateTime(label="起始日期", include_time=False, type="string", elem_id="f-from")
                date_to = gr.DateTime(label="截止日期", include_time=False, type="string", elem_id="f-to")
            if examples:
                gr.Examples(examples=[[q] for q in examples], inputs=[question], label="示例问题",
                            examples_per_page=10)
    filters = [district, publisher, date_from, date_to]

    def on_ask(q, stored, d, p, f, t):
        yield from _answer_stream(gr, engine, q, clean_turns(stored), (d, p, f, t))

    # While an answer is written the send button is disabled (a question sent then would be
    # answered without the conversation's newest turn); it comes back once the event is over.
    ask_io = {"fn": on_ask, "inputs": [question, turns, *filters],
              "outputs": [chatbot, turns, question, export, send], "show_progress": "hidden", "concurrency_limit": 8}
    ready = {"fn": lambda: gr.Button(interactive=True), "inputs": None, "outputs": send, "show_progress": "hidden"}
    send.click(**ask_io).then(**ready)
    question.submit(**ask_io).then(**ready)
    _example_text.__annotations__["evt"] = gr.SelectData  # resolved here: gradio is imported lazily
    chatbot.example_select(_example_text, None, question).then(**ask_io).then(**ready)
    for control in filters:
        control.change(_chips, filters, [chips, clear], show_progress="hidden")
    clear.click(lambda: ("", "", None, None), None, filters)
    def start_over():
        return [], [], "", gr.DownloadButton(value=None, interactive=False), "", "", None, None

    # 新对话 and the chatbot's own clear (trash) button both forget the conversation and the filters.
    for event in (new_chat.click, chatbot.clear):
        event(start_over, None, [chatbot, turns, question, export, *filters])
    return {"chatbot": chatbot, "district": district, "publisher": publisher, "overview": overview,
            "load": (_restore, [turns], [chatbot, turns, export])}


def _choices(values: list[str]) -> list[tuple[str, str]]:
    """Dropdown choices with 全部 (no filter) first."""
    return [("全部", "")] + [(v, v) for v in values]


def _example_text(evt):
    """The question of a clicked chatbot example (``gr.SelectData.value`` is ``{"text": ...}``)."""
    import gradio as gr

    value = getattr(evt, "value", None)
    if isinstance(value, dict):
        return value.get("text", "")
    return value if isinstance(value, str) else gr.skip()


def _answer_stream(gr, engine, question: str, turns: list[dict], controls: tuple):
    """Answer ``question``: yield the pending message, growing parts of the answer, then the stored turn.

    Args:
        gr: The gradio module (passed in: it is imported lazily).
        engine: The engine.
        question: The typed question.
        turns: The stored conversation (cleaned).
        controls: ``(district, publisher, date_from, date_to)`` of the filter controls.

    Yields:
        ``(chatbot messages, stored turns, question box, export button, send button)`` updates.
    """
    keep = gr.skip()
    question = (question or "").strip()
    if not question:
        yield keep, keep, keep, keep, keep
        return
    try:
        filters = make_filters(*controls)
    except ValueError as exc:
        yield error_messages(turns, question, f"筛选条件有误：{exc}"), keep, question, keep, keep
        return
    yield pending_messages(turns, question), keep, "", keep, gr.Button(interactive=False)
    try:
        ans = answer_json(engine.ask(question, history=history_for_engine(turns, USED_HISTORY_TURNS),
                                       filters=filters))
    except PartyQAError as exc:
        message = exc.user_message if exc.user_message != exc.message else f"无法回答：{exc.message}"
        yield error_messages(turns, question, message), keep, question, keep, keep
        return
    for partial in stream_prefixes(answer_text(ans, listed=bool(ans.get("closest")))):
        yield pending_messages(turns, question, partial), keep, keep, keep, keep
        time.sleep(STREAM_DELAY)
    turns = (turns + [{"question": question, "answer": ans, "filters": filters}])[-MAX_TURNS:]
    yield chat_messages(turns), turns, keep, _export_button(gr, turns), keep


def _restore(stored):
    """The stored conversation after a page load: messages, cleaned turns, export button."""
    turns = clean_turns(stored)
    import gradio as gr

    return chat_messages(turns), turns, _export_button(gr, turns)


def _export_button(gr, turns: list[dict]):
    """The export button, pointing at a Markdown file of ``turns`` (disabled when there is none)."""
    if not turns:
        return gr.DownloadButton(value=None, interactive=False)
    text = conversation_markdown(turns)
    folder = EXPORT_DIR / hashlib.sha256(text.encode("utf-8")).hexdigest()[:16]
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / EXPORT_NAME
    if not path.exists():
        path.write_text(text, encoding="utf-8")
    return gr.DownloadButton(value=str(path), interactive=True)


def _chips(district, publisher, date_from, date_to):
    """The chips row above the question box naming the active filters, and the 清除筛选 button."""
    import gradio as gr

    try:
        html = filter_chips(make_filters(district, publisher, date_from, date_to), label="当前筛选")
    except ValueError as exc:
        html = filter_chips({}, label="当前筛选", error=str(exc))
    return gr.HTML(html, visible=bool(html)), gr.Button(visible=bool(html))
