"""The Gradio chat UI: ask questions with clickable citations, and manage the knowledge base.

Layout and event wiring only: the HTML comes from :mod:`app.ui.render`, the styles and the
page script from ``app/ui/static/`` (see :mod:`app.ui.assets`). Gradio is imported lazily
inside :func:`build_ui`.
"""

from __future__ import annotations

import html
import logging
import os
import re
import stat
from collections.abc import Callable
from pathlib import Path

from app.serialize import answer_json
from app.ui.render import (
    DOCUMENT_HEADERS,
    EMPTY_CHAT,
    EMPTY_SOURCES,
    document_options,
    document_rows,
    make_filters,
    place_choices,
    publisher_choices,
    render_conversation,
)
from partyqa.config import Config
from partyqa.errors import InputError, PartyQAError
from partyqa.progress import STAGE_LABELS
from retrieval.inputs import check_file_content, check_file_name
from retrieval.knowledge import upload_outcome, upload_suffixes

log = logging.getLogger(__name__)


#: The one answer to an upload path that Gradio did not receive here, whether or not it exists.
NOT_RECEIVED = "这个文件不是通过本页面上传的，无法读取。"


def _received_path(path: object, received: set[str], upload_dir: str) -> str:
    """``path`` if Gradio itself received it in this session, inside its upload folder.

    Only string checks are made before the answer, so the error never tells whether some
    other path exists.

    Raises:
        InputError: With :data:`NOT_RECEIVED` for any other path.
    """
    if isinstance(path, str) and path:
        real, root = os.path.realpath(path), os.path.realpath(upload_dir)
        known = path in received or real in {os.path.realpath(p) for p in received}
        if known and os.path.commonpath([real, root]) == root and real != root:
            return real
    raise InputError("the upload path was not received by this server", user_message=NOT_RECEIVED)


def check_upload(path: str, limit: int, received: set[str] | None = None, upload_dir: str | None = None
                 ) -> tuple[str, bytes]:
    """Read a file uploaded through the UI for the knowledge base, enforcing origin, name, type and size.

    Args:
        path: Path Gradio saved the upload to (its name is the original name).
        limit: Largest accepted size in bytes.
        received: Paths Gradio's upload route received in this session (``Blocks.upload_file_set``).
        upload_dir: Gradio's upload folder.

    Returns:
        ``(file name, content)``.

    Raises:
        InputError: With a Chinese ``user_message`` if the file is not acceptable, or was
            not received by this server (the same message whether or not it exists).
    """
    if received is None or upload_dir is None:
        raise InputError("no record of received uploads", user_message=NOT_RECEIVED)
    real = _received_path(path, received, upload_dir)
    name = check_file_name(Path(path).name, upload_suffixes())
    try:
        fd = os.open(real, os.O_RDONLY | getattr(os, "O_NOFOLLOW", 0))
        with os.fdopen(fd, "rb") as fh:
            if not stat.S_ISREG(os.fstat(fh.fileno()).st_mode):
                raise OSError("not a regular file")
            content = fh.read(limit + 1)
    except OSError:
        raise InputError("the uploaded file cannot be read", user_message=NOT_RECEIVED) from None
    check_file_content(name, content, limit)
    return name, content


def forget_uploads(paths: list[str] | None, received: set[str], upload_dir: str) -> None:
    """Delete Gradio's temporary copies of uploads this session received (and only those)."""
    for path in paths or []:
        try:
            real = _received_path(path, received, upload_dir)
        except InputError:
            continue
        received.discard(path)
        received.discard(real)
        try:
            os.unlink(real)
            os.rmdir(os.path.dirname(real))  # Gradio's per-file folder, when now empty
        except OSError:
            pass


# ---------------------------------------------------------------------- the Blocks app
def build_ui(engine, kb, config: Config):
    """Build the chat and knowledge-base UI.

    Args:
        engine: The shared, loaded :class:`retrieval.engine.Engine`.
        kb: Its :class:`retrieval.knowledge.KnowledgeBase`.
        config: Application settings (question and upload limits).

    Returns:
        A ``gr.Blocks``; mount it with the assets of :mod:`app.ui.assets` (see ``app.server``).
    """
    import gradio as gr

    docs = _safe_documents(kb)
    examples = engine.snapshot.data.examples if engine.loaded else []

    with gr.Blocks(title="党建资料问答", analytics_enabled=False) as demo:
        turns = gr.State([])
        gr.Markdown("## 党建资料问答\n根据已收录的党建新闻回答问题，每句话都标注可点击的出处。")
        with gr.Tabs():
            with gr.Tab("问答", id="chat"):
                chat = _chat_tab(gr, engine, config, docs, examples, turns)
            with gr.Tab("知识库", id="kb"):
                kb_tab = _kb_tab(gr, engine, kb, config, docs, demo)
        refresh_outputs = [kb_tab["table"], kb_tab["delete_choice"], chat["district"], chat["publisher"]]
        for event in (kb_tab["uploaded"], kb_tab["deleted"]):
            event.then(lambda: _refresh(kb), outputs=refresh_outputs)
        demo.load(lambda: _refresh(kb), outputs=refresh_outputs)
    return demo


def _safe_documents(kb) -> list[dict]:
    """``kb.documents()``, or an empty list if no index is loaded."""
    try:
        return kb.documents()
    except PartyQAError:  # an engine without an index shows an empty list
        return []


def _refresh(kb):
    """New values for the document table and the document/place/publisher dropdowns."""
    import gradio as gr

    docs = _safe_documents(kb)
    return (
        document_rows(docs),
        gr.Dropdown(choices=document_options(docs), value=None),
        gr.Dropdown(choices=[("全部", "")] + [(p, p) for p in place_choices(docs)]),
        gr.Dropdown(choices=[("全部", "")] + [(p, p) for p in publisher_choices(docs)]),
    )


def _chat_tab(gr, engine, config: Config, docs: list[dict], examples: list[str], turns) -> dict:
    """Lay out the chat tab and wire its events; returns the components others update."""
    with gr.Row(equal_height=False):
        with gr.Column(scale=3):
            answer = gr.HTML(EMPTY_CHAT, elem_id="answer", js_on_load=None, autoscroll=True)
            with gr.Row():
                question = gr.Textbox(placeholder="输入问题，例如：天桥区建立了多少个非公企业党组织？",
                                      show_label=False, lines=1, max_lines=4, scale=5, elem_id="question",
                                      max_length=config.max_question_chars)
                send = gr.Button("发送", variant="primary", scale=1, elem_id="send")
            new_chat = gr.Button("新对话", size="sm", elem_id="new-chat")
            if examples:
                gr.Examples(examples=[[q] for q in examples], inputs=[question], label="示例问题")
            with gr.Accordion("筛选", open=False):
                with gr.Row():
                    district = gr.Dropdown(choices=[("全部", "")] + [(p, p) for p in place_choices(docs)],
                                           value="", label="地区", allow_custom_value=True, elem_id="f-district")
                    publisher = gr.Dropdown(choices=[("全部", "")] + [(p, p) for p in publisher_choices(docs)],
                                            value="", label="发布者", allow_custom_value=True,
                                            elem_id="f-publisher")
                with gr.Row():
                    date_from = gr.Textbox(label="起始日期", placeholder="YYYY-MM-DD", elem_id="f-from")
                    date_to = gr.Textbox(label="截止日期", placeholder="YYYY-MM-DD", elem_id="f-to")
        with gr.Column(scale=2):
            sources = gr.HTML(EMPTY_SOURCES, elem_id="sources", js_on_load=None)

    def on_ask(q, state, d, p, f, t):
        return _ask(engine, q, state, make_filters_safe(d, p, f, t))

    inputs = [question, turns, district, publisher, date_from, date_to]
    outputs = [answer, sources, turns, question]
    send.click(on_ask, inputs, outputs)
    question.submit(on_ask, inputs, outputs)
    new_chat.click(lambda: (EMPTY_CHAT, EMPTY_SOURCES, [], ""), None, outputs)
    return {"district": district, "publisher": publisher}


def make_filters_safe(district, publisher, date_from, date_to) -> dict | str:
    """:func:`make_filters`, returning the error message instead of raising."""
    try:
        return make_filters(district, publisher, date_from, date_to)
    except ValueError as exc:
        return str(exc)


def _ask(engine, question: str, state: list[dict], filters: dict | str):
    """Answer one question of the conversation.

    Args:
        engine: The engine.
        question: The typed question.
        state: Earlier turns (``{"question", "answer"}`` with the answer as JSON).
        filters: Filter mapping, or an error message from :func:`make_filters_safe`.

    Returns:
        ``(conversation HTML, sources HTML, new state, new question box value)``.
    """
    state = list(state or [])
    question = question or ""
    if isinstance(filters, str):
        chat, src = render_conversation(state, filters)
        return chat, src, state, question
    history = [{"question": t["question"], "answer": t["answer"].get("answer", ""),
                "resolved_question": t["answer"].get("resolved_question", "")} for t in state]
    try:
        ans = answer_json(engine.ask(question, history=history, filters=filters))
    except PartyQAError as exc:
        chat, src = render_conversation(state, exc.user_message if exc.user_message != exc.message
                                        else f"无法回答：{exc.message}")
        return chat, src, state, question
    state.append({"question": question.strip(), "answer": ans})
    chat, src = render_conversation(state)
    return chat, src, state, ""


def _kb_tab(gr, engine, kb, config: Config, docs: list[dict], demo) -> dict:
    """Lay out the knowledge-base tab and wire upload and delete."""
    limit_kb = config.max_upload_bytes // 1024
    suffixes = upload_suffixes()
    gr.Markdown(f"上传 {' / '.join(suffixes)} 文章（每个文件不超过 {limit_kb} KB）。"
                "上传失败时知识库保持不变。")
    files = gr.File(label="上传文章", file_count="multiple", file_types=list(suffixes),
                    type="filepath", elem_id="upload-files")
    upload_btn = gr.Button("上传并索引", variant="primary", elem_id="upload")
    status = gr.Markdown(elem_id="kb-status")
    table = gr.Dataframe(value=document_rows(docs), headers=DOCUMENT_HEADERS,
                         interactive=False, wrap=True, label="已收录文章", elem_id="documents")
    with gr.Row():
        delete_choice = gr.Dropdown(choices=document_options(docs), value=None, label="选择要删除的文章",
                                    scale=4, elem_id="delete-choice")
        delete_btn = gr.Button("删除", variant="stop", scale=1, elem_id="delete")

    def on_upload(paths, progress=gr.Progress()):
        from gradio.utils import get_upload_folder

        received, upload_dir = demo.upload_file_set, get_upload_folder()
        try:
            return _upload(kb, config, paths, progress, received, upload_dir), None
        finally:
            forget_uploads(paths if isinstance(paths, list) else None, received, upload_dir)

    def on_delete(doc_id, progress=gr.Progress()):
        return _delete(engine, kb, doc_id, progress)

    uploaded = upload_btn.click(on_upload, [files], [status, files])
    deleted = delete_btn.click(on_delete, [delete_choice], [status])
    return {"table": table, "delete_choice": delete_choice, "uploaded": uploaded, "deleted": deleted}


def _progress_callback(progress) -> Callable[[str, int, int], None]:
    """Adapt ``gr.Progress`` to the engine's ``progress(stage, done, total)`` callback."""
    def callback(stage: str, done: int, total: int) -> None:
        progress(done / total if total else 0.0, desc=STAGE_LABELS.get(stage, stage))

    return callback


def _upload(kb, config: Config, paths: list[str] | None, progress, received: set[str] | None = None,
            upload_dir: str | None = None) -> str:
    """Check the files Gradio received, index them (following the job); returns a status (Markdown)."""
    if not paths:
        return "请先选择文件。"
    try:
        if not isinstance(paths, list):
            raise InputError("bad upload", user_message=NOT_RECEIVED)
        received_files = [check_upload(p, config.max_upload_bytes, received, upload_dir) for p in paths]
        job = kb.submit_upload(received_files)
        report = _follow(job, progress)
    except PartyQAError as exc:
        return f"**上传失败**，知识库未改变：{_md(exc.user_message)}"
    except Exception as exc:
        log.exception("upload failed")
        return f"**上传失败**，知识库未改变：{_md(type(exc).__name__)}"
    if report is None:
        return "**上传失败**，知识库未改变：" + "；".join(_md(e) for e in job.errors)
    lines = [f"**已索引** {len(job.added)} 个文件：{_md('、'.join(job.added) or '（内容未变化）')}；"
             f"知识库共 {report.articles} 篇文章、{report.chunks} 个段落。"]
    lines += [f"**跳过**：{_md(err)}" for err in job.errors]
    return "\n\n".join(lines)


def _follow(job, progress):
    """Wait for an upload job, showing its progress; returns its build report (None: nothing usable).

    Raises:
        PartyQAError: The job's error if it failed.
    """
    while not job.wait(0.5):
        progress(job.done / job.total if job.total else 0.0, desc=STAGE_LABELS.get(job.stage, "排队等待"))
    status, message = upload_outcome(job)
    if job.status == "failed":
        raise job.result if isinstance(job.result, PartyQAError) else PartyQAError(message)
    return job.result if status == 200 else None


def _delete(engine, kb, doc_id: str | None, progress) -> str:
    """Delete the selected document; returns a status message (Markdown)."""
    if not doc_id:
        return "请先选择要删除的文章。"
    article = engine.article(doc_id) if isinstance(doc_id, str) else None
    try:
        kb.delete_document(doc_id, progress=_progress_callback(progress))
    except PartyQAError as exc:
        return f"**删除失败**：{_md(exc.user_message)}"
    except Exception as exc:
        log.exception("delete failed")
        return f"**删除失败**：{_md(type(exc).__name__)}"
    name = article.title or article.source if article else doc_id
    return f"**已删除**：{_md(name)}"


def _md(text: str) -> str:
    """Escape text for a Markdown status line (no HTML, no Markdown markup)."""
    return re.sub(r"([\\`*_{}\[\]()#+\-.!|>~])", r"\\\1", html.escape(text))
