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

from app.ui.access import key_accepted, keys_required
from app.ui.chat import build_chat_tab, placeholder
from app.ui.corpus import (
    DOCUMENT_HEADERS,
    chat_examples,
    corpus_overview,
    document_options,
    document_rows,
    place_choices,
    publisher_choices,
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
HEADER = ('<div id="pq-header"><span class="pq-title">党建资料问答</span>'
          '<span class="pq-sub">根据已收录的党建新闻回答，每句话都标注可点击的出处</span></div>')


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
    examples = _examples(kb)

    with gr.Blocks(title="党建资料问答", analytics_enabled=False) as demo:
        gr.HTML(HEADER, elem_id="pq-header-block", padding=False)
        with gr.Tabs(elem_id="pq-tabs"):
            with gr.Tab("问答", id="chat"):
                chat = build_chat_tab(gr, engine, config, docs, examples)
            with gr.Tab("知识库", id="kb"):
                kb_tab = _kb_tab(gr, engine, kb, config, docs, demo)
        refresh_outputs = [kb_tab["table"], kb_tab["delete_choice"], chat["district"], chat["publisher"],
                           chat["overview"], chat["chatbot"]]
        for event in (kb_tab["uploaded"], kb_tab["deleted"]):
            event.then(lambda: _refresh(kb), outputs=refresh_outputs)
        demo.load(lambda: _refresh(kb), outputs=refresh_outputs)
        restore, inputs, outputs = chat["load"]
        demo.load(restore, inputs, outputs)
    return demo


def _safe_documents(kb) -> list[dict]:
    """``kb.documents()``, or an empty list if no index is loaded."""
    try:
        return kb.documents()
    except PartyQAError:  # an engine without an index shows an empty list
        return []


def _refresh(kb):
    """New values for the document table, the delete/place/publisher dropdowns, the corpus overview
    and the empty chat (overview and example questions)."""
    import gradio as gr

    docs = _safe_documents(kb)
    return (
        document_rows(docs),
        gr.Dropdown(choices=document_options(docs), value=None),
        gr.Dropdown(choices=[("全部", "")] + [(p, p) for p in place_choices(docs)]),
        gr.Dropdown(choices=[("全部", "")] + [(p, p) for p in publisher_choices(docs)]),
        corpus_overview(docs),
        gr.Chatbot(placeholder=placeholder(docs), examples=chat_examples(_examples(kb)) or None),
    )


def _examples(kb) -> list[str]:
    """The example questions of the live index (mined again by every build)."""
    return list(kb.engine.snapshot.data.examples) if kb.engine.loaded else []


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
        delete_btn = gr.Button("删除…", variant="stop", scale=1, elem_id="delete")
    with gr.Group(visible=False, elem_id="delete-confirm-box") as confirm_box:
        confirm_text = gr.Markdown(elem_id="delete-confirm-text")
        with gr.Row():
            confirm_btn = gr.Button("确认删除", variant="stop", elem_id="delete-confirm")
            cancel_btn = gr.Button("取消", elem_id="delete-cancel")
    key = gr.Textbox(label="API 密钥", type="password", visible=keys_required(config), elem_id="kb-key",
                     placeholder="修改知识库需要 API 密钥")

    def require_key(value):
        if not key_accepted(config, value):
            raise gr.Error("API 密钥不正确，知识库未改变。")

    def on_upload(paths, progress=gr.Progress()):
        from gradio.utils import get_upload_folder

        received, upload_dir = demo.upload_file_set, get_upload_folder()
        try:
            return _upload(kb, config, paths, progress, received, upload_dir), None
        finally:
            forget_uploads(paths if isinstance(paths, list) else None, received, upload_dir)

    def on_delete(doc_id, progress=gr.Progress()):
        return _delete(engine, kb, doc_id, progress)

    uploaded = upload_btn.click(require_key, [key]).success(on_upload, [files], [status, files])
    delete_btn.click(lambda doc_id: _confirm_delete(engine, doc_id), [delete_choice], [confirm_box, confirm_text, status])
    cancel_btn.click(lambda: gr.Group(visible=False), None, confirm_box)
    deleted = (confirm_btn.click(lambda: gr.Group(visible=False), None, confirm_box)
               .then(require_key, [key]).success(on_delete, [delete_choice], [status]))
    return {"table": table, "delete_choice": delete_choice, "uploaded": uploaded, "deleted": deleted}


def _confirm_delete(engine, doc_id: str | None):
    """Show the confirmation box for deleting ``doc_id`` (or ask to choose an article first)."""
    import gradio as gr

    if not doc_id:
        return gr.Group(visible=False), "", "请先选择要删除的文章。"
    article = engine.article(doc_id)
    name = (article.title or article.source) if article else doc_id
    source = f"（{_md(article.source)}）" if article and article.title else ""
    return (gr.Group(visible=True), f"确定删除《{_md(name)}》{source}吗？删除后索引会重建，此操作无法撤销。", "")


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
