"""What the chat shows about the corpus: overview, filter choices, example questions, document table.

Pure functions over ``KnowledgeBase.documents()`` items and the example questions mined at
index time (:mod:`index.ingest.examples`); no Gradio.
"""

from __future__ import annotations

import re
from collections import Counter
from datetime import date
from typing import Any

_DATE = re.compile(r"^(\d{4}-\d{2}-\d{2})(?:[ T]\d{2}:\d{2}(?::\d{2})?)?$")
_MARKDOWN_SPECIAL = re.compile(r"([\\`*_{}\[\]()#+\-.!|<>~])")
#: Kinds of example questions, tested in this order: (label, pattern of the question).
EXAMPLE_KINDS = (
    ("对比", re.compile(r"和.{1,12}(?:各|分别)")),
    ("谁", re.compile(r"谁")),
    ("哪些", re.compile(r"哪些")),
    ("时间", re.compile(r"什么时候|哪天|何时|哪一年")),
    ("做法", re.compile(r"怎么|怎样|如何")),
    ("数量", re.compile(r"多少|几[个名家项次]")),
)


def md_text(text: str) -> str:
    """Escape text for Markdown (no markup, no HTML)."""
    return _MARKDOWN_SPECIAL.sub(r"\\\1", str(text))


def place_choices(docs: list[dict]) -> list[str]:
    """Districts and places named by the documents, most frequent first.

    Args:
        docs: Items of ``KnowledgeBase.documents()``.

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


def corpus_overview(docs: list[dict]) -> str:
    """A short Markdown overview of the corpus: articles, places, date range.

    Args:
        docs: Items of ``KnowledgeBase.documents()``.

    Returns:
        One or two Markdown lines (article-derived text escaped).
    """
    if not docs:
        return "知识库中还没有文章，请在“知识库”页上传。"
    places = place_choices(docs)
    dates = sorted(d["date"] for d in docs if d.get("date"))
    parts = [f"**{len(docs)}** 篇文章"]
    if places:
        named = "、".join(md_text(p) for p in places[:4]) + ("等" if len(places) > 4 else "")
        parts.append(f"**{len(places)}** 个地区（{named}）")
    if dates:
        parts.append(f"日期 {dates[0]} 至 {dates[-1]}" if dates[0] != dates[-1] else f"日期 {dates[0]}")
    undated = len(docs) - len(dates)
    return "已收录 " + " · ".join(parts) + (f"（{undated} 篇未标日期）" if dates and undated else "")


def example_kind(question: str) -> str:
    """The kind of an example question (对比, 谁, 哪些, 时间, 做法, 数量), or "问题"."""
    for label, pattern in EXAMPLE_KINDS:
        if pattern.search(question):
            return label
    return "问题"


def chat_examples(questions: list[str]) -> list[dict]:
    """Example messages for ``gr.Chatbot(examples=...)``, each labelled with its kind."""
    return [{"text": q, "display_text": f"{example_kind(q)}｜{q}"} for q in questions]


DOCUMENT_HEADERS = ["标题", "日期", "发布者", "地区", "段落数", "文件名", "ID"]


def document_rows(docs: list[dict]) -> list[list[Any]]:
    """Rows of the knowledge-base table.

    Args:
        docs: Items of ``KnowledgeBase.documents()``.

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
        date_from / date_to: ``YYYY-MM-DD`` (a date picker may add a time, which is dropped) or empty.

    Returns:
        Only the filters that are set.

    Raises:
        ValueError: If a date is not ``YYYY-MM-DD`` or the range is reversed.
    """
    out = {}
    for key, value in (("district", district), ("publisher", publisher), ("date_from", date_from),
                       ("date_to", date_to)):
        value = str(value or "").strip()
        if value:
            out[key] = _check_date(value) if key.startswith("date") else value
    if out.get("date_from") and out.get("date_to") and out["date_from"] > out["date_to"]:
        raise ValueError("起始日期晚于截止日期")
    return out


def _check_date(value: str) -> str:
    """``YYYY-MM-DD`` of a typed or picked date (a time part is dropped); ValueError if invalid."""
    m = _DATE.match(value)
    try:
        if m:
            return date.fromisoformat(m.group(1)).isoformat()
    except ValueError:
        pass
    raise ValueError(f"日期应为 YYYY-MM-DD 格式的有效日期，收到“{value}”")
