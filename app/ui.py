"""The Gradio chat UI: ask questions with clickable citations, and manage the knowledge base.

The conversation and its sources are rendered as HTML built here (every user or article
text goes through :func:`html.escape`). Each ``[n]`` of an answer becomes
``<a class="cite" data-n="n" data-turn="t">``; a small script (:data:`HEAD`, installed when
the app is mounted) opens the matching ``<details class="source">`` in the ``#sources``
panel, where the cited sentence is wrapped in ``<mark class="cited">``.

Gradio is imported lazily inside :func:`build_ui`, so the rendering helpers can be used
and tested without it.
"""

from __future__ import annotations

import html
import logging
import re
import time
from collections import Counter
from pathlib import Path
from typing import Any, Callable

from app.serialize import answer_json
from partyqa.config import Config

log = logging.getLogger(__name__)

UPLOAD_SUFFIXES = (".txt", ".md", ".html", ".htm")
MAX_EXAMPLES = 6
_CITE = re.compile(r"\[(\d{1,3})\]")
_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")
_NUM = r"(?:\d[\d.,]*|[一二两三四五六七八九十百千]+)(?:余|多)?"
_THING = r"([\u4e00-\u9fff]{2,14}?)"
_VERB = r"(建立|成立|组建|建成|新建|打造|培育|选派|设立)了?"
# “建立了416个非公企业党组织” and “建立非公企业党组织416个”.
_COUNT_FACTS = (
    re.compile(_VERB + _NUM + r"(个|名|支|家|处|所|项)" + _THING + r"(?=[，。；、,;（(]|$)"),
    re.compile(_VERB + _THING + _NUM + r"(个|名|支|家|处|所|项)"),
)

EMPTY_CHAT = ('<div class="pq-empty">在下方输入问题，答案中的 <span class="cite-demo">[1]</span> '
              '可点击查看原文出处。</div>')
EMPTY_SOURCES = '<div class="pq-empty">点击答案中的引用编号查看原文段落。</div>'

CSS = """
#answer { min-height: 320px; }
#answer .pq-turn { margin: 0 0 1.1em 0; }
#answer .pq-q { font-weight: 600; background: var(--background-fill-secondary); border-radius: 8px;
  padding: .45em .8em; display: inline-block; }
#answer .pq-resolved { color: var(--body-text-color-subdued); font-size: .9em; margin: .3em 0 0 .2em; }
#answer .pq-a { margin: .5em 0 0 .2em; line-height: 1.75; }
#answer .pq-a.notfound { border-left: 4px solid #d97706; padding-left: .7em; }
#answer .pq-note { color: var(--body-text-color-subdued); font-size: .85em; }
#answer .pq-error { color: #b91c1c; border-left: 4px solid #b91c1c; padding-left: .7em; }
a.cite { cursor: pointer; color: #2563eb; font-weight: 600; text-decoration: none; padding: 0 1px; }
a.cite:hover { text-decoration: underline; }
#sources details.source { border: 1px solid var(--border-color-primary); border-radius: 8px;
  padding: .4em .7em; margin: 0 0 .6em 0; }
#sources details.source.active { border-color: #2563eb; box-shadow: 0 0 0 2px rgba(37,99,235,.2); }
#sources details.source summary { cursor: pointer; font-weight: 600; }
#sources .meta { color: var(--body-text-color-subdued); font-size: .85em; margin: .3em 0; }
#sources .passage { line-height: 1.75; white-space: pre-wrap; }
#sources .pq-heading { font-weight: 600; margin: .2em 0 .6em 0; }
mark.cited { background: #fde68a; padding: 0 2px; border-radius: 2px; }
.pq-empty { color: var(--body-text-color-subdued); }
"""

#: Installed in the page ``<head>``: clicking ``a.cite`` opens and highlights its source.
HEAD = """
<script>
(function () {
  if (window.__partyqaCite) { return; }
  window.__partyqaCite = true;
  function showSource(turn, n) {
    var panel = document.getElementById('sources');
    if (!panel) { return; }
    panel.querySelectorAll('.source-group').forEach(function (g) {
      g.hidden = g.getAttribute('data-turn') !== turn;
    });
    var target = null;
    panel.querySelectorAll('details.source').forEach(function (d) {
      var hit = d.getAttribute('data-turn') === turn && d.getAttribute('data-n') === n;
      d.open = hit || (d.open && d.getAttribute('data-turn') === turn);
      d.classList.toggle('active', hit);
      if (hit) { target = d; }
    });
    if (target) { target.scrollIntoView({behavior: 'smooth', block: 'nearest'}); }
  }
  document.addEventListener('click', function (ev) {
    var a = ev.target && ev.target.closest ? ev.target.closest('a.cite') : null;
    if (!a) { return; }
    ev.preventDefault();
    showSource(a.getAttribute('data-turn'), a.getAttribute('data-n'));
  }, true);
})();
</script>
"""


# ---------------------------------------------------------------------- rendering helpers
def _e(value: Any) -> str:
    """HTML-escape any value as text."""
    return html.escape(str(value if value is not None else ""), quote=True)


def link_citations(text: str, turn: int, known: set[int]) -> str:
    """Escape an answer and turn each known ``[n]`` into a clickable citation link.

    Args:
        text: Answer text with ``[n]`` markers.
        turn: Index of the conversation turn (citation numbers restart every turn).
        known: Citation numbers that have a source; other ``[n]`` stay plain text.

    Returns:
        Safe HTML.
    """
    def repl(m: re.Match) -> str:
        n = int(m.group(1))
        if n not in known:
            return m.group(0)
        return (f'<a class="cite" role="button" href="#src-{turn}-{n}" data-turn="{turn}" '
                f'data-n="{n}" title="查看来源 [{n}]">[{n}]</a>')

    return _CITE.sub(repl, html.escape(text)).replace("\n", "<br>")


def highlight(text: str, start: int, end: int, spans: list[tuple[int, int]] | None = None) -> str:
    """Escape a passage and wrap the cited text in ``<mark class="cited">``.

    Args:
        text: The passage.
        start / end: Offsets of the cited sentence in ``text`` (clamped to the text).
        spans: Finer ``(start, end)`` spans to mark instead (e.g. each cited sentence when
            one citation covers several); ignored when empty.

    Returns:
        Safe HTML.
    """
    marks = sorted(spans) if spans else [(start, end)]
    out, pos = [], 0
    for a, b in marks:
        a = max(pos, min(int(a), len(text)))
        b = max(a, min(int(b), len(text)))
        if b == a:
            continue
        out.append(html.escape(text[pos:a]) + '<mark class="cited">' + html.escape(text[a:b]) + "</mark>")
        pos = b
    out.append(html.escape(text[pos:]))
    return "".join(out)


def cited_spans(answer: str, n: int, text: str, start: int, end: int) -> list[tuple[int, int]]:
    """Where the answer's sentences cited as ``[n]`` occur in the cited passage.

    An extractive answer quotes its sentences verbatim; when one citation covers several of
    them, marking each sentence is more precise than marking ``text[start:end]``.

    Args:
        answer: The answer text with ``[n]`` markers.
        n: The citation number.
        text: The cited passage.
        start / end: The citation's own span; found sentences must lie inside it.

    Returns:
        Spans of the quoted sentences within ``[start, end)``, or ``[]`` if none is found.
    """
    spans = []
    pieces = _CITE.split(answer)
    # split() alternates text and captured numbers: text0, n0, text1, n1, ...
    for i in range(1, len(pieces), 2):
        if int(pieces[i]) != n:
            continue
        sentence = pieces[i - 1].strip()
        if len(sentence) < 4:
            continue
        at = text.find(sentence, max(0, start))
        if at != -1 and at + len(sentence) <= end and (at, at + len(sentence)) not in spans:
            spans.append((at, at + len(sentence)))
    return spans


def source_meta(item: dict) -> str:
    """One line of metadata for a citation or hit: publisher, date, district/section, file.

    Args:
        item: A citation or hit as produced by :mod:`app.serialize`.

    Returns:
        Safe HTML.
    """
    place = item.get("section") or item.get("district") or ""
    parts = [("发布", item.get("publisher")), ("日期", item.get("date")), ("地区/栏目", place),
             ("文件", item.get("source"))]
    return " · ".join(f"{label}：{_e(value)}" for label, value in parts if value)


def _source_block(turn: int, n: int, item: dict, start: int, end: int, is_open: bool = False,
                  spans: list[tuple[int, int]] | None = None) -> str:
    """A ``<details>`` block showing one source passage."""
    title = _e(item.get("title") or item.get("source") or "（无标题）")
    return (f'<details class="source" id="src-{turn}-{n}" data-turn="{turn}" data-n="{n}"'
            f'{" open" if is_open else ""}><summary>[{n}] 《{title}》</summary>'
            f'<div class="meta">{source_meta(item)}</div>'
            f'<div class="passage">{highlight(item.get("text", ""), start, end, spans)}</div></details>')


def render_sources(turn: int, ans: dict) -> str:
    """The sources of one answer: its citations, or the closest passages if nothing was found.

    Args:
        turn: Index of the conversation turn.
        ans: An answer as produced by :func:`app.serialize.answer_json`.

    Returns:
        Safe HTML of a ``.source-group`` listing each source once.
    """
    blocks, seen = [], set()
    if ans.get("found") and ans.get("citations"):
        heading = "来源"
        for c in ans["citations"]:
            key = (c.get("n"),)
            span = (c.get("doc_id"), c.get("text"), c.get("start"), c.get("end"))
            if key in seen or span in seen:
                continue
            seen.update({key, span})
            n, start, end = int(c["n"]), c.get("start", 0), c.get("end", 0)
            spans = cited_spans(ans.get("answer", ""), n, c.get("text", ""), start, end)
            blocks.append(_source_block(turn, n, c, start, end, spans=spans))
    else:
        heading = "资料中没有找到答案，最接近的段落："
        for i, h in enumerate(ans.get("closest") or [], 1):
            if h.get("chunk_id") in seen:
                continue
            seen.add(h.get("chunk_id"))
            blocks.append(_source_block(turn, i, h, 0, 0, is_open=i == 1))
        if not blocks:
            heading = "资料中没有找到相关段落。"
    return (f'<div class="source-group" data-turn="{turn}"><div class="pq-heading">{heading}</div>'
            + "".join(blocks) + "</div>")


def render_turn(turn: int, question: str, ans: dict) -> str:
    """One question with its answer (and the resolved question when it differs).

    Args:
        turn: Index of the conversation turn.
        question: The question as typed.
        ans: An answer as produced by :func:`app.serialize.answer_json`.

    Returns:
        Safe HTML.
    """
    parts = [f'<div class="pq-turn" data-turn="{turn}"><div class="pq-q">问：{_e(question)}</div>']
    resolved = ans.get("resolved_question") or ""
    if resolved and resolved != question.strip():
        parts.append(f'<div class="pq-resolved">（理解为：{_e(resolved)}）</div>')
    known = {int(c["n"]) for c in ans.get("citations") or []}
    css = "pq-a" if ans.get("found") else "pq-a notfound"
    label = "" if ans.get("found") else "<strong>资料中没有找到</strong>答案。"
    parts.append(f'<div class="{css}">{label}{link_citations(ans.get("answer", ""), turn, known)}</div>')
    if ans.get("note"):
        parts.append(f'<div class="pq-note">{_e(ans["note"])}</div>')
    parts.append("</div>")
    return "".join(parts)


def render_conversation(turns: list[dict], error: str = "") -> tuple[str, str]:
    """The whole conversation and the sources panel.

    Args:
        turns: ``{"question": str, "answer": answer_json}`` items, oldest first.
        error: Optional error message shown after the last turn.

    Returns:
        ``(conversation HTML, sources HTML)``; only the last turn's sources are visible.
    """
    if not turns and not error:
        return EMPTY_CHAT, EMPTY_SOURCES
    chat = "".join(render_turn(i, t["question"], t["answer"]) for i, t in enumerate(turns))
    if error:
        chat += f'<div class="pq-error">{_e(error)}</div>'
    groups = []
    for i, t in enumerate(turns):
        group = render_sources(i, t["answer"])
        if i != len(turns) - 1:
            group = group.replace('class="source-group"', 'class="source-group" hidden', 1)
        groups.append(group)
    return chat, "".join(groups) or EMPTY_SOURCES


# ---------------------------------------------------------------------- corpus-derived choices
def place_choices(docs: list[dict]) -> list[str]:
    """Districts and places named by the documents, most frequent first.

    Args:
        docs: Items of ``Engine.documents()``.

    Returns:
        Distinct place names.
    """
    counts: Counter[str] = Counter()
    for d in docs:
        for p in d.get("places") or []:
            if p:
                counts[p] += 1
    return [p for p, _ in counts.most_common()]


def publisher_choices(docs: list[dict]) -> list[str]:
    """Distinct publishers of the documents, sorted."""
    return sorted({d["publisher"] for d in docs if d.get("publisher")})


def example_questions(engine, limit: int = MAX_EXAMPLES, verify: bool = True, budget_s: float = 10.0) -> list[str]:
    """Questions answerable from the corpus, derived from counted facts in the articles.

    A sentence such as “全区建立非公企业党组织416个” in an article about 天桥区 becomes
    “天桥区建立了多少个非公企业党组织？”. The place is the district of the section holding
    the fact, else the article's place named last before it, else its main place.
    Candidates are checked with ``engine.ask`` and kept only when an answer is found.

    Args:
        engine: The loaded engine.
        limit: Most questions returned.
        verify: Keep only questions the engine answers.
        budget_s: Stop verifying after this many seconds (the first one also warms the model).

    Returns:
        Distinct questions, spread over the articles.
    """
    try:
        articles = sorted(engine.state.data.articles.values(), key=lambda a: a.source)
    except Exception:  # noqa: BLE001 - no index yet: no examples
        return []
    per_article = [counted_facts(a) for a in articles]
    candidates: list[str] = []
    for rank in range(max((len(f) for f in per_article), default=0)):
        for facts in per_article:
            if rank < len(facts) and facts[rank] not in candidates:
                candidates.append(facts[rank])
    if not verify:
        return candidates[:limit]
    kept: list[str] = []
    deadline = time.monotonic() + budget_s
    for question in candidates[: limit * 2]:
        if time.monotonic() > deadline:
            break
        try:
            if _answerable(engine, question):
                kept.append(question)
        except Exception:  # noqa: BLE001 - an example that fails is simply not shown
            continue
        if len(kept) >= limit:
            break
    return kept


def _answerable(engine, question: str) -> bool:
    """Whether the extractive answerer finds an answer (never calls a generative endpoint)."""
    state = engine.state
    hits = state.searcher.search(question, top_k=state.answerer.params.passages)
    return bool(state.answerer.answer(question, question, hits).found)


def counted_facts(article, most: int = 3) -> list[str]:
    """“<place><verb>了多少<unit><thing>？” questions from counted facts of one article.

    Args:
        article: An :class:`index.records.Article`.
        most: Most questions returned.

    Returns:
        Distinct questions, in order of discovery.
    """
    out: list[str] = []
    text = article.text
    for pattern in _COUNT_FACTS:
        for m in pattern.finditer(text):
            verb = m.group(1)
            unit, thing = (m.group(2), m.group(3)) if pattern is _COUNT_FACTS[0] else (m.group(3), m.group(2))
            if len(thing) < 3 or thing.startswith(("了", "的", "和", "在")):
                continue
            place = _place_at(article, m.start())
            question = f"{place}{verb}了多少{unit}{thing}？" if place else ""
            if question and question not in out:
                out.append(question)
    return out[:most]


def _place_at(article, pos: int) -> str:
    """The district a position of the article is about (see :func:`example_questions`)."""
    for section in getattr(article, "sections", None) or []:
        if section.start <= pos < section.end and section.district:
            return section.district
    places = [p for p in article.places or [] if p]
    before = article.text[:pos]
    named = [(before.rfind(p), p) for p in places if before.rfind(p) >= 0]
    if named:
        return max(named)[1]
    return places[0] if places else ""


DOCUMENT_HEADERS = ["标题", "日期", "发布者", "地区", "段落数", "文件名", "ID"]


def document_rows(docs: list[dict]) -> list[list[Any]]:
    """Rows of the knowledge-base table.

    Args:
        docs: Items of ``Engine.documents()``.

    Returns:
        ``[title, date, publisher, places, chunks, file name, doc id]`` per document.
    """
    return [[d.get("title", ""), d.get("date", ""), d.get("publisher", ""), "、".join(d.get("places") or []),
             d.get("chunks", 0), d.get("source", ""), d.get("doc_id", "")] for d in docs]


def document_options(docs: list[dict]) -> list[tuple[str, str]]:
    """``(label, doc_id)`` choices for the delete dropdown."""
    return [(f"{d.get('title') or d.get('source')} — {d.get('source')}", d["doc_id"]) for d in docs]


def make_filters(district: str | None, publisher: str | None, date_from: str | None,
                 date_to: str | None) -> dict:
    """Filter mapping for the engine from the UI controls.

    Args:
        district: Place or district, or empty.
        publisher: Publisher, or empty.
        date_from / date_to: ``YYYY-MM-DD`` or empty.

    Returns:
        Only the filters that are set.

    Raises:
        ValueError: If a date is not ``YYYY-MM-DD``.
    """
    out = {}
    for key, value in (("district", district), ("publisher", publisher), ("date_from", date_from),
                       ("date_to", date_to)):
        value = (value or "").strip()
        if not value:
            continue
        if key.startswith("date") and not _DATE.match(value):
            raise ValueError(f"日期格式应为 YYYY-MM-DD，收到“{value}”")
        out[key] = value
    return out


def check_upload(path: str, limit: int) -> tuple[str, bytes]:
    """Read an uploaded file for the knowledge base, enforcing type and size.

    Args:
        path: Temporary path Gradio saved the upload to (its name is the original name).
        limit: Largest accepted size in bytes.

    Returns:
        ``(file name, content)``.

    Raises:
        ValueError: With a message for the user if the type or size is not acceptable.
    """
    p = Path(path)
    name = p.name
    if p.suffix.lower() not in UPLOAD_SUFFIXES:
        raise ValueError(f"{name}：不支持的文件类型 {p.suffix or '（无扩展名）'}，只接受 {' '.join(UPLOAD_SUFFIXES)}")
    with p.open("rb") as fh:
        content = fh.read(limit + 1)
    if len(content) > limit:
        raise ValueError(f"{name}：文件超过大小限制 {limit // 1024} KB")
    if not content.strip():
        raise ValueError(f"{name}：文件是空的")
    return name, content


# ---------------------------------------------------------------------- the Blocks app
def theme():
    """The UI theme: Gradio's default with red accents and only locally served fonts."""
    import gradio as gr

    return gr.themes.Default(primary_hue="red")


def build_ui(get_engine: Callable[[], Any], config: Config):
    """Build the chat and knowledge-base UI.

    Args:
        get_engine: Returns the shared, loaded :class:`retrieval.engine.Engine`.
        config: Application settings (question and upload limits).

    Returns:
        A ``gr.Blocks``; mount it with :data:`CSS` and :data:`HEAD` (see ``app.server``).
    """
    import gradio as gr

    engine = get_engine()
    docs = _safe_documents(engine)
    examples = example_questions(engine)

    with gr.Blocks(title="党建资料问答", analytics_enabled=False) as demo:
        turns = gr.State([])
        gr.Markdown("## 党建资料问答\n根据已收录的党建新闻回答问题，每句话都标注可点击的出处。")
        with gr.Tabs():
            with gr.Tab("问答", id="chat"):
                chat = _chat_tab(gr, get_engine, config, docs, examples, turns)
            with gr.Tab("知识库", id="kb"):
                kb = _kb_tab(gr, get_engine, config, docs)
        refresh_outputs = [kb["table"], kb["delete_choice"], chat["district"], chat["publisher"]]
        for event in (kb["uploaded"], kb["deleted"]):
            event.then(lambda: _refresh(get_engine), outputs=refresh_outputs)
        demo.load(lambda: _refresh(get_engine), outputs=refresh_outputs)
    return demo


def _safe_documents(engine) -> list[dict]:
    """``engine.documents()``, or an empty list if no index is loaded."""
    try:
        return engine.documents()
    except Exception:  # noqa: BLE001 - an engine without an index shows an empty list
        return []


def _refresh(get_engine: Callable[[], Any]):
    """New values for the document table and the document/place/publisher dropdowns."""
    import gradio as gr

    docs = _safe_documents(get_engine())
    return (
        document_rows(docs),
        gr.Dropdown(choices=document_options(docs), value=None),
        gr.Dropdown(choices=[("全部", "")] + [(p, p) for p in place_choices(docs)]),
        gr.Dropdown(choices=[("全部", "")] + [(p, p) for p in publisher_choices(docs)]),
    )


def _chat_tab(gr, get_engine, config: Config, docs: list[dict], examples: list[str], turns) -> dict:
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
        return _ask(get_engine, config, q, state, make_filters_safe(d, p, f, t))

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


def _ask(get_engine, config: Config, question: str, state: list[dict], filters: dict | str):
    """Answer one question of the conversation.

    Args:
        get_engine: Returns the engine.
        config: Settings (question length limit).
        question: The typed question.
        state: Earlier turns (``{"question", "answer"}`` with the answer as JSON).
        filters: Filter mapping, or an error message from :func:`make_filters_safe`.

    Returns:
        ``(conversation HTML, sources HTML, new state, new question box value)``.
    """
    from retrieval.filters import FilterError
    from retrieval.search import QueryError

    state = list(state or [])
    question = (question or "").strip()
    error = ""
    if not question:
        error = "请输入问题。"
    elif len(question) > config.max_question_chars:
        error = f"问题太长（{len(question)} 字，上限 {config.max_question_chars} 字）。"
    elif isinstance(filters, str):
        error = filters
    if error:
        chat, src = render_conversation(state, error)
        return chat, src, state, question
    history = [{"question": t["question"], "answer": t["answer"].get("answer", "")} for t in state]
    try:
        ans = answer_json(get_engine().ask(question, history=history, filters=filters))
    except (QueryError, FilterError) as exc:
        chat, src = render_conversation(state, f"无法回答：{exc}")
        return chat, src, state, question
    state.append({"question": question, "answer": ans})
    chat, src = render_conversation(state)
    return chat, src, state, ""


def _kb_tab(gr, get_engine, config: Config, docs: list[dict]) -> dict:
    """Lay out the knowledge-base tab and wire upload and delete."""
    limit_kb = config.max_upload_bytes // 1024
    gr.Markdown(f"上传 .txt / .md / .html / .htm 文章（每个文件不超过 {limit_kb} KB）。"
                "上传失败时知识库保持不变。")
    files = gr.File(label="上传文章", file_count="multiple", file_types=list(UPLOAD_SUFFIXES),
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
        return _upload(get_engine, config, paths, progress), None

    def on_delete(doc_id, progress=gr.Progress()):
        return _delete(get_engine, doc_id, progress)

    uploaded = upload_btn.click(on_upload, [files], [status, files])
    deleted = delete_btn.click(on_delete, [delete_choice], [status])
    return {"table": table, "delete_choice": delete_choice, "uploaded": uploaded, "deleted": deleted}


_STAGES = {"read": "读取文章", "embed": "生成向量", "index": "写入索引"}


def _progress_callback(progress) -> Callable[[str, int, int], None]:
    """Adapt ``gr.Progress`` to the engine's ``progress(stage, done, total)`` callback."""
    def callback(stage: str, done: int, total: int) -> None:
        progress(done / total if total else 0.0, desc=_STAGES.get(stage, stage))

    return callback


def _upload(get_engine, config: Config, paths: list[str] | None, progress) -> str:
    """Validate and index uploaded files; returns a status message (Markdown)."""
    from retrieval.engine import DocumentError

    if not paths:
        return "请先选择文件。"
    try:
        received = [check_upload(p, config.max_upload_bytes) for p in paths]
        report = get_engine().add_files(received, progress=_progress_callback(progress))
    except (ValueError, DocumentError) as exc:
        return f"**上传失败**，知识库未改变：{_md(str(exc))}"
    except Exception as exc:  # noqa: BLE001 - the engine rolled back; tell the user why
        log.exception("upload failed")
        return f"**上传失败**，知识库未改变：{_md(type(exc).__name__ + ': ' + str(exc))}"
    lines = [f"**已索引** {len(report.added)} 个文件：{_md('、'.join(report.added) or '（内容未变化）')}；"
             f"知识库共 {report.articles} 篇文章、{report.chunks} 个段落。"]
    lines += [f"**跳过**：{_md(err)}" for err in report.errors]
    return "\n\n".join(lines)


def _delete(get_engine, doc_id: str | None, progress) -> str:
    """Delete the selected document; returns a status message (Markdown)."""
    from retrieval.engine import DocumentError

    if not doc_id:
        return "请先选择要删除的文章。"
    engine = get_engine()
    article = engine.article(doc_id)
    try:
        engine.delete_document(doc_id, progress=_progress_callback(progress))
    except DocumentError as exc:
        return f"**删除失败**：{_md(str(exc))}"
    name = article.title or article.source if article else doc_id
    return f"**已删除**：{_md(name)}"


def _md(text: str) -> str:
    """Escape text for a Markdown status line (no HTML, no Markdown markup)."""
    return re.sub(r"([\\`*_{}\[\]()#+\-.!|>~])", r"\\\1", html.escape(text))
