"""HTML renderers of the chat: the conversation, citations and source passages (pure functions).

Every user or article text goes through :func:`html.escape`. Each ``[n]`` of an answer
becomes ``<a class="cite" data-n="n" data-turn="t">``; the page script
(``static/partyqa.js``) opens the matching ``<details class="source">`` in the sources panel,
where the cited sentence is wrapped in ``<mark class="cited">``.
"""

from __future__ import annotations

import html
import re
from collections import Counter
from typing import Any

_CITE = re.compile(r"\[(\d{1,3})\]")
_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")

EMPTY_CHAT = ('<div class="pq-empty">在下方输入问题，答案中的 <span class="cite-demo">[1]</span> '
              '可点击查看原文出处。</div>')
EMPTY_SOURCES = '<div class="pq-empty">点击答案中的引用编号查看原文段落。</div>'


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
             ("文件", item.get("source")), ("页码", f"第{item['page']}页" if item.get("page") else "")]
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
