"""The header and footer of a page: the lines around the body where publication facts live."""

from __future__ import annotations

import re

from index.ingest.clean import to_plain_text
from index.ingest.html import html_meta

#: Longest line that can be a headline or a publication line (dates in longer lines are events).
MAX_HEADLINE = 40
_BODY_LINE_MIN = 50

def plain_lines(raw_text: str, suffix: str) -> list[str]:
    """Convert raw file content to stripped plain-text lines (debris kept).

    Args:
        raw_text: The decoded file content.
        suffix: The file suffix.

    Returns:
        The non-empty lines, stripped of indentation.
    """
    text = to_plain_text(raw_text, suffix, keep_chrome=True)
    lines = (line.strip(" \t\u3000\xa0") for line in text.split("\n"))
    return [line for line in lines if line]


_FRONT_MATTER = re.compile(r"\A---[ \t]*\n(.*?)\n(?:---|\.\.\.)[ \t]*(?:\n|\Z)", re.DOTALL)
_FRONT_MATTER_FIELDS = {"date": "发布日期", "published": "发布日期", "source": "来源", "publisher": "来源"}


_HTML_META_FIELDS = {
    "pubdate": "发布日期",
    "publishdate": "发布日期",
    "publish_date": "发布日期",
    "firstpublishedtime": "发布日期",
    "article:published_time": "发布日期",
    "datepublished": "发布日期",
    "contentsource": "来源",
    "source": "来源",
    "og:site_name": "来源",
}


def html_meta_lines(raw_text: str) -> list[str]:
    """Turn HTML ``<meta>`` publication date and source into labelled lines.

    Args:
        raw_text: An HTML document.

    Returns:
        Lines like ``发布日期:2020-06-30`` or ``来源:济南日报`` (dates first).
    """
    lines = []
    for name, content in html_meta(raw_text).items():
        label = _HTML_META_FIELDS.get(name)
        if label:
            lines.append(f"{label}:{content}")
    return sorted(lines, key=lambda line: not line.startswith("发布日期"))


def front_matter_lines(raw_text: str) -> list[str]:
    """Turn Markdown front-matter fields into labelled lines (``发布日期:2020-01-02``).

    Args:
        raw_text: A Markdown document.

    Returns:
        Lines for the ``date``/``published``/``source``/``publisher`` fields, if any.
    """
    match = _FRONT_MATTER.match(raw_text)
    if not match:
        return []
    lines = []
    for line in match.group(1).split("\n"):
        key, _, value = line.partition(":")
        label = _FRONT_MATTER_FIELDS.get(key.strip().lower())
        value = value.strip().strip("\"'")
        if label and value:
            lines.append(f"{label}:{value}")
    return lines


def _is_body_line(line: str) -> bool:
    """Tell whether a line is running article text (long, with sentence punctuation)."""
    return len(line) >= _BODY_LINE_MIN and bool(re.search(r"[，,。；;]", line))


def header_and_footer(lines: list[str]) -> tuple[list[str], list[str]]:
    """Split off the lines before the first and after the last body paragraph.

    Args:
        lines: Non-empty plain-text lines.

    Returns:
        The header lines and the footer lines (either may be empty).
    """
    body = [i for i, line in enumerate(lines) if _is_body_line(line)]
    if not body:
        return lines, []
    return lines[: body[0]], lines[body[-1] + 1 :]
