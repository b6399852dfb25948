"""HTML renderers of the chat messages: answers, citations, source passages, filter chips.

Pure functions. Every user or article text goes through :func:`html.escape` (the chatbot
shows these strings as HTML without sanitizing or Markdown, so nothing else may reach it).
An answer message holds its own sources: each ``[n]`` of the answer becomes
``<a class="cite" data-n="n">`` and the page script (``static/partyqa.js``) opens the
``<details class="source" data-n="n">`` of the same message, in which the cited sentence is
wrapped in ``<mark class="cited">`` and the exact answer span, when known, in
``<strong class="pq-span">``.
"""

from __future__ import annotations

import html
import re
from typing import Any

_CITE = re.compile(r"\[(\d{1,3})\]")
#: What a refusal says; shown once per message (the answer text usually says it already).
NOT_FOUND = "资料中没有找到"
PENDING_TEXT = "正在查找资料…"
#: Where a refusal's own list of the closest passages starts (the message lists them as sources instead).
CLOSEST_LIST = "最接近的段落"
FILTER_LABELS = {"district": "地区", "publisher": "发布者"}


# ---------------------------------------------------------------------- rendering helpers
def _e(value: Any) -> str:
    """HTML-escape any value as text."""
    return html.escape(str(value if value is not None else ""), quote=True)


def _int(value: Any, default: int = 0) -> int:
    """``int(value)``, or ``default`` for anything that is not a number (stored chats are untrusted)."""
    try:
        return int(value)
    except (TypeError, ValueError):
        return default


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


def _clamp(span: tuple[Any, Any], size: int) -> tuple[int, int]:
    a = max(0, min(_int(span[0]), size))
    return a, max(a, min(_int(span[1]), size))


def highlight(text: str, start: int, end: int, spans: list[tuple[int, int]] | None = None,
              emphasis: tuple[int, int] | None = None) -> str:
    """Escape a passage, wrap the cited text in ``<mark class="cited">`` and the answer span in ``<strong>``.

    Args:
        text: The passage.
        start / end: Offsets of the cited sentence in ``text`` (clamped to the text).
        spans: Finer ``(start, end)`` spans to mark instead (e.g. each cited sentence when
            one citation covers several); ignored when empty.
        emphasis: ``(start, end)`` of the exact answer within ``text``, shown as
            ``<strong class="pq-span">``; None or an empty span for none.

    Returns:
        Safe HTML.
    """
    size = len(text)
    marks = [m for m in (_clamp(s, size) for s in (spans or [(start, end)])) if m[1] > m[0]]
    emph = _clamp(emphasis, size) if emphasis else (0, 0)
    cuts = sorted({0, size, emph[0], emph[1], *(x for m in marks for x in m)})
    out, in_mark = [], False
    for a, b in zip(cuts, cuts[1:]):
        marked = any(m0 <= a and b <= m1 for m0, m1 in marks)
        if marked != in_mark:
            out.append('<mark class="cited">' if marked else "</mark>")
            in_mark = marked
        piece = html.escape(text[a:b])
        out.append(f'<strong class="pq-span">{piece}</strong>' if emph[0] <= a and b <= emph[1] else piece)
    if in_mark:
        out.append("</mark>")
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


def _emphasis(item: dict) -> tuple[int, int] | None:
    """The answer span of a citation (``answer_start``/``answer_end`` in its text), if it has one."""
    a, b = item.get("answer_start"), item.get("answer_end")
    if a is None or b is None or _int(b, -1) <= _int(a, -1):
        return None
    return _int(a), _int(b)


def _source_block(turn: int, n: int, item: dict, start: int, end: int,
                  spans: list[tuple[int, int]] | None = None) -> str:
    """A collapsed ``<details>`` block showing one source passage."""
    title = _e(item.get("title") or item.get("source") or "（无标题）")
    brief = " · ".join(_e(v) for v in (item.get("date"), item.get("publisher")) if v)
    text = str(item.get("text") or "")
    return (f'<details class="source" id="src-{turn}-{n}" data-turn="{turn}" data-n="{n}">'
            f'<summary><span class="pq-n">[{n}]</span> 《{title}》'
            f'{f"<span class=pq-brief>{brief}</span>" if brief else ""}</summary>'
            f'<div class="meta">{source_meta(item)}</div>'
            f'<div class="passage">{highlight(text, start, end, spans, _emphasis(item))}</div></details>')


def render_sources(turn: int, ans: dict) -> str:
    """The sources of one answer: its citations, or the closest passages if nothing was found.

    Args:
        turn: Index of the conversation turn.
        ans: An answer as produced by :func:`app.serialize.answer_json`.

    Returns:
        Safe HTML of a ``.pq-sources`` block listing each source once ("" when there is none).
    """
    blocks, seen = [], set()
    if ans.get("found") and ans.get("citations"):
        heading = "来源"
        for c in ans["citations"]:
            n, start, end = _int(c.get("n")), _int(c.get("start")), _int(c.get("end"))
            span = (c.get("doc_id"), c.get("text"), start, end)
            if n in seen or span in seen:
                continue
            seen.update({n, span})
            spans = cited_spans(str(ans.get("answer", "")), n, str(c.get("text") or ""), start, end)
            blocks.append(_source_block(turn, n, c, start, end, spans=spans))
    else:
        heading = "最接近的段落（仅供参考）"
        for i, h in enumerate(ans.get("closest") or [], 1):
            if h.get("chunk_id") in seen:
                continue
            seen.add(h.get("chunk_id"))
            blocks.append(_source_block(turn, i, h, 0, 0))
    if not blocks:
        return ""
    return (f'<div class="pq-sources" data-turn="{turn}"><div class="pq-heading">{heading}'
            f'<span class="pq-count">{len(blocks)}</span></div>' + "".join(blocks) + "</div>")


def filter_chips(filters: dict | None, label: str = "", error: str = "") -> str:
    """Chips naming the active filters (地区, 发布者, 日期), or "" when none is set.

    Args:
        filters: A filter mapping as made by :func:`app.ui.corpus.make_filters`.
        label: Optional text before the chips (e.g. 当前筛选).
        error: Optional message shown as a warning chip (an invalid filter).

    Returns:
        Safe HTML of a ``.pq-chips`` row.
    """
    filters = filters or {}
    chips = [f"{name}：{_e(filters[key])}" for key, name in FILTER_LABELS.items() if filters.get(key)]
    start, end = filters.get("date_from"), filters.get("date_to")
    if start or end:
        dates = f"{_e(start)} 至 {_e(end)}" if start and end else f"{_e(start)} 之后" if start else f"{_e(end)} 之前"
        chips.append(f"日期：{dates}")
    if not chips and not error:
        return ""
    return ('<div class="pq-chips">' + (f'<span class="pq-chips-label">{_e(label)}</span>' if label else "")
            + "".join(f'<span class="pq-chip">{c}</span>' for c in chips)
            + (f'<span class="pq-chip pq-bad">{_e(error)}</span>' if error else "") + "</div>")


def render_question(question: str) -> str:
    """The user's question as a chat message (escaped text)."""
    return f'<div class="pq-q">{_e(question)}</div>'


def render_answer(turn: int, question: str, ans: dict, filters: dict | None = None) -> str:
    """One answer as a chat message: filter chips, resolved question, text, sources, copy button.

    Args:
        turn: Index of the conversation turn.
        question: The question as typed (the resolved question is shown when it differs).
        ans: An answer as produced by :func:`app.serialize.answer_json`.
        filters: The filters the question was asked with.

    Returns:
        Safe HTML; the refusal phrase :data:`NOT_FOUND` appears at most once.
    """
    found = bool(ans.get("found"))
    chat = ans.get("mode") == "chat"
    css = " chat" if chat else "" if found else " notfound"
    parts = [f'<div class="pq-msg{css}" data-turn="{turn}">', filter_chips(filters)]
    resolved = str(ans.get("resolved_question") or "")
    if resolved and resolved != str(question or "").strip():
        parts.append(f'<div class="pq-resolved">理解为：{_e(resolved)}</div>')
    sources = "" if chat else render_sources(turn, ans)
    text = answer_text(ans, listed=bool(sources))
    known = {_int(c.get("n")) for c in ans.get("citations") or []} if found else set()
    parts.append(f'<div class="pq-a">{link_citations(text, turn, known)}</div>')
    if ans.get("note"):
        parts.append(f'<div class="pq-note">{_e(ans["note"])}</div>')
    parts.append(sources)
    parts.append('<div class="pq-tools"><button type="button" class="pq-copy" title="复制答案和出处">复制</button>'
                 "</div></div>")
    return "".join(parts)


def answer_text(ans: dict, listed: bool) -> str:
    """The answer's text as shown: a refusal says :data:`NOT_FOUND` once and does not list the
    closest passages itself when they are ``listed`` as sources. A conversational reply (mode
    ``chat``: a greeting, thanks, what the assistant can do) is shown as it is."""
    text = str(ans.get("answer") or "")
    if ans.get("found") or ans.get("mode") == "chat":
        return text
    if listed and CLOSEST_LIST in text:
        text = text[:text.index(CLOSEST_LIST)].rstrip()
    return text if NOT_FOUND in text else f"{NOT_FOUND}答案。{text}"


def render_partial(turn: int, text: str) -> str:
    """An answer still being written (streamed): the text so far, without sources."""
    body = link_citations(text, turn, set()) if text else _e(PENDING_TEXT)
    css = "pq-msg streaming" if text else "pq-msg pending"
    return f'<div class="{css}" data-turn="{turn}"><div class="pq-a">{body}<span class="pq-caret"></span></div></div>'


def render_error(message: str) -> str:
    """An error shown in place of an answer."""
    return f'<div class="pq-msg pq-error">{_e(message)}</div>'
