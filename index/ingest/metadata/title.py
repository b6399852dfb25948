"""The headline of an article (never the site name, a breadcrumb or the file name)."""

from __future__ import annotations

import re
from pathlib import Path

from index.ingest.debris import ISSUE_LABEL, classify_line
from index.ingest.html import html_headings, html_title
from index.ingest.metadata.dates import parse_dates
from index.ingest.metadata.header import MAX_HEADLINE, plain_lines
from partyqa.text.normalize import CJK, to_simplified

_MIN_HEADLINE_CJK = 5
_HEADLINE_SCAN_LINES = 15
_BYLINE = re.compile(
    r"记者|通讯员|实习生|摄影|供图|编辑|作者|来源|文/图|图/文|摄$|^图[:：]|核心提示|导读|^编者按"
)
_TITLE_SEPARATORS = re.compile(r"\s+[-–—|_]\s+|_|\||｜|—{2}")
_MD_HEADING = re.compile(r"^[ \t]{0,3}#{1,6}[ \t]+(.+?)[ \t]*#*[ \t]*$", re.MULTILINE)
_FRONT_MATTER_TITLE = re.compile(
    r"\A---[ \t]*\n(?:.*\n)*?title:[ \t]*[\"']?(.+?)[\"']?[ \t]*\n", re.MULTILINE
)
_SERIES = re.compile(r"《([^《》\n]{2,20})》\s*(?:\d{4}\s*年\s*)?(?:总第\s*\d+\s*期\s*)?第\s*\d+\s*期")
HEADLINE_END = tuple("。！？；：…!?;:,，、")


def extract_title(
    raw_text: str,
    clean_text: str,
    source_name: str,
    raw_lines: list[str] | None = None,
    has_sections: bool = False,
) -> str:
    """Find the article's title.

    HTML: the ``<title>`` (site name after a separator removed), else the first
    ``<h1>``–``<h3>``. Markdown: the first ``#`` heading or a front-matter ``title:``.
    Bulletins (``has_sections``) with an issue label (``第22期``): the series name from
    a ``《…》…第N期`` reference plus the label. Otherwise the first headline-like line
    of the cleaned text (short, no sentence punctuation at the end, not a byline or
    date). Falls back to the file stem.

    Args:
        raw_text: The decoded file content.
        clean_text: The cleaned text.
        source_name: File name or relative path.
        raw_lines: Plain-text lines of ``raw_text`` (computed when omitted).
        has_sections: Whether the article is a bulletin of several sections.

    Returns:
        The title.
    """
    suffix = Path(source_name).suffix.lower()
    if raw_lines is None:
        raw_lines = plain_lines(raw_text, suffix)
    title = ""
    if suffix in (".html", ".htm"):
        title = _html_page_title(raw_text)
    elif suffix in (".md", ".markdown"):
        title = _markdown_title(raw_text)
    if not title and has_sections:
        title = _issue_title(raw_lines)
    if not title:
        title = first_headline(clean_text)
    return title or Path(source_name).stem


def _html_page_title(raw_text: str) -> str:
    """Return the HTML ``<title>`` without a trailing site name, else the first heading."""
    title = html_title(raw_text)
    if title:
        parts = [p.strip() for p in _TITLE_SEPARATORS.split(title) if p.strip()]
        if parts and len(parts[0]) >= 4:
            return parts[0]
        return title
    headings = html_headings(raw_text)
    return headings[0] if headings else ""


def _markdown_title(raw_text: str) -> str:
    """Return the front-matter ``title:`` or the first ATX heading of a Markdown text."""
    match = _FRONT_MATTER_TITLE.match(raw_text) or _MD_HEADING.search(raw_text)
    return match.group(1).strip() if match else ""


def _issue_title(raw_lines: list[str]) -> str:
    """Build a title like ``株洲组织工作信息 第22期`` for a bulletin issue.

    Args:
        raw_lines: Plain-text lines of the raw file.

    Returns:
        Series name and issue label, or "" without an issue label in the header or a
        series name referenced as ``《Series》…第N期``.
    """
    label = next((re.sub(r"\s+", "", line) for line in raw_lines[:8] if ISSUE_LABEL.match(line)), "")
    if not label:
        return ""
    for line in raw_lines:
        series = _SERIES.search(line)
        if series:
            return f"{series.group(1).strip()} {label}"
    return ""


def first_headline(clean_text: str) -> str:
    """Return the first line of the cleaned text that looks like a headline.

    A headline has 5–40 characters (at least 5 CJK), does not end with sentence or
    clause punctuation, contains no full stop, no date, and is not a byline
    (``本报记者``, ``供图`` …) or debris.

    Args:
        clean_text: The cleaned article text.

    Returns:
        The headline, or "" if none of the first lines qualifies.
    """
    lines = [line.strip() for line in clean_text.split("\n") if line.strip()]
    for line in lines[:_HEADLINE_SCAN_LINES]:
        if _is_headline(line):
            return line
    return ""


def _is_headline(line: str) -> bool:
    """Tell whether a stripped line looks like a headline (see :func:`first_headline`)."""
    if len(line) > MAX_HEADLINE or len(CJK.findall(line)) < _MIN_HEADLINE_CJK:
        return False
    if line.endswith(HEADLINE_END) or "。" in line:
        return False
    simplified = to_simplified(line)
    return not (_BYLINE.search(simplified) or parse_dates(line) or classify_line(line))
