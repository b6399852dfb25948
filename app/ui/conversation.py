"""The conversation the chat keeps in the browser, and what is made of it (pure functions).

A conversation is a list of turns ``{"question": str, "answer": dict, "filters": dict}``,
oldest first, where ``answer`` is :func:`app.serialize.answer_json` of the engine's answer. The chat
stores it in the browser's localStorage, so it comes back to the server as untrusted data:
:func:`clean_turns` keeps only well-formed turns, and every renderer escapes what it shows.
"""

from __future__ import annotations

import re
from datetime import datetime

from app.ui.render import answer_text, render_answer, render_error, render_partial, render_question

#: Turns kept in the browser (older ones are dropped from the stored conversation).
MAX_TURNS = 50
#: Optional fields of a citation (added by newer answerers) that the chat shows when present.
_CITE = re.compile(r"\[\d{1,3}\]")


def clean_turns(raw: object) -> list[dict]:
    """The well-formed turns of a stored conversation (the last :data:`MAX_TURNS`).

    Args:
        raw: What the browser sent back; anything.

    Returns:
        Turns with a text question, an answer mapping and a filters mapping.
    """
    if not isinstance(raw, list):
        return []
    turns = []
    for t in raw:
        if (isinstance(t, dict) and isinstance(t.get("question"), str) and isinstance(t.get("answer"), dict)
                and isinstance(t["answer"].get("answer", ""), str)):
            filters = t.get("filters") if isinstance(t.get("filters"), dict) else {}
            turns.append({"question": t["question"], "answer": t["answer"],
                          "filters": {k: str(v) for k, v in filters.items() if isinstance(v, str)}})
    return turns[-MAX_TURNS:]


def chat_messages(turns: list[dict]) -> list[dict]:
    """Chatbot messages (``{"role", "content"}`` with safe HTML content) for a conversation.

    A turn that cannot be rendered (damaged stored data) is shown as an error message.
    """
    messages = []
    for i, t in enumerate(turns):
        try:
            answer = render_answer(i, t["question"], t["answer"], t.get("filters"))
        except (AttributeError, KeyError, TypeError, ValueError):
            answer = render_error("这条回答无法显示。")
        messages += [{"role": "user", "content": render_question(t["question"])},
                     {"role": "assistant", "content": answer}]
    return messages


def pending_messages(turns: list[dict], question: str, partial: str = "") -> list[dict]:
    """The conversation while ``question`` is being answered, its answer written up to ``partial``."""
    return chat_messages(turns) + [{"role": "user", "content": render_question(question)},
                                   {"role": "assistant", "content": render_partial(len(turns), partial)}]


def error_messages(turns: list[dict], question: str, message: str) -> list[dict]:
    """The conversation with ``question`` answered by an error (not stored)."""
    return chat_messages(turns) + [{"role": "user", "content": render_question(question)},
                                   {"role": "assistant", "content": render_error(message)}]


def history_for_engine(turns: list[dict], most: int) -> list[dict]:
    """The last ``most`` turns as ``Engine.ask`` history (``question``, ``answer`` text, resolved question)."""
    return [{"question": t["question"], "answer": str(t["answer"].get("answer", "")),
             "resolved_question": str(t["answer"].get("resolved_question") or "")} for t in turns[-most:]]


def stream_prefixes(text: str, steps: int = 8) -> list[str]:
    """Growing prefixes of an answer for streaming it, never cutting a ``[n]`` marker in two.

    Args:
        text: The whole answer.
        steps: About how many prefixes to make.

    Returns:
        Prefixes, shortest first, the last one shorter than ``text`` (empty for short texts).
    """
    if len(text) < 2:
        return []
    blocked = {i for m in _CITE.finditer(text) for i in range(m.start() + 1, m.end())}
    size = max(1, len(text) // max(1, steps))
    cuts, at = [], size
    while at < len(text):
        while at in blocked:
            at += 1
        if at < len(text) and (not cuts or at > cuts[-1]):
            cuts.append(at)
        at += size
    return [text[:c] for c in cuts]


def conversation_markdown(turns: list[dict], now: datetime | None = None) -> str:
    """The conversation as Markdown: each question, its answer and its numbered sources.

    Args:
        turns: The conversation.
        now: Time written into the header (default: now).

    Returns:
        Markdown text; ``<`` and ``>`` of quoted texts are escaped so that no viewer runs HTML.
    """
    stamp = (now or datetime.now()).strftime("%Y-%m-%d %H:%M")
    lines = ["# 党建资料问答 · 对话记录", "", f"导出时间：{stamp}", ""]
    for i, t in enumerate(turns, 1):
        ans = t["answer"]
        lines += [f"## {i}. {_md(t['question'])}", ""]
        chips = _filters_line(t.get("filters") or {})
        if chips:
            lines += [f"*筛选：{chips}*", ""]
        resolved = str(ans.get("resolved_question") or "")
        if resolved and resolved != t["question"].strip():
            lines += [f"*理解为：{_md(resolved)}*", ""]
        sources = ans.get("citations") if ans.get("found") else ans.get("closest")
        lines += [_md(answer_text(ans, listed=bool(sources))), ""]
        if sources:
            lines += ["来源：" if ans.get("found") else "最接近的段落（仅供参考）：", ""]
            for k, s in enumerate(sources, 1):
                n = s.get("n", k)
                meta = "，".join(_md(s[f]) for f in ("publisher", "date", "district", "source") if s.get(f))
                lines.append(f"- [{n}] 《{_md(s.get('title') or s.get('source') or '')}》{'，' + meta if meta else ''}")
                quote = _quote(s)
                if quote:
                    lines.append(f"  > {_md(quote)}")
            lines.append("")
    return "\n".join(lines).rstrip() + "\n"


def _quote(source: dict) -> str:
    """The cited sentence of a citation (or the start of a closest passage), on one line."""
    text = str(source.get("text") or "")
    start, end = source.get("start"), source.get("end")
    if isinstance(start, int) and isinstance(end, int) and 0 <= start < end <= len(text) and "n" in source:
        text = text[start:end]
    elif len(text) > 120:
        text = text[:120] + "…"
    return " ".join(text.split())


def _filters_line(filters: dict) -> str:
    labels = {"district": "地区", "publisher": "发布者", "date_from": "起始日期", "date_to": "截止日期"}
    return "；".join(f"{label} {_md(filters[k])}" for k, label in labels.items() if filters.get(k))


def _md(text: object) -> str:
    """Text for the Markdown export: ``<``/``>`` escaped, newlines folded."""
    return str(text).replace("\\", "\\\\").replace("<", "\\<").replace(">", "\\>").replace("\n", " ")
