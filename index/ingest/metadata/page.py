"""The lines of a page with where they stand: before the article (header), in it (body), after it (footer).

Publication facts (date, outlet, bylines) live in the header and footer and in the first and
last body lines; dates inside running text are events. :func:`page_lines` builds these
lines from any decoded file: HTML through :func:`index.ingest.html.parse_html` (chrome and
main-content flags), Markdown front matter as labelled lines, plain text as it is.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

from index.ingest.debris_rules import clean_inline
from index.ingest.html import is_running_text, parse_html
from index.ingest.layout import normalize_newlines
from index.ingest.markdown import strip_inline_markdown

HEADER, BODY, FOOTER = "header", "body", "footer"
_FRONT_MATTER = re.compile(r"\A---[ \t]*\n(.*?)\n(?:---|\.\.\.)[ \t]*(?:\n|\Z)", re.DOTALL)
_FRONT_MATTER_FIELDS = {"date": "发布日期", "published": "发布日期", "source": "来源", "publisher": "来源",
                        "author": "作者"}
_HTML_META_FIELDS = {
    "pubdate": "发布日期", "publishdate": "发布日期", "publish_date": "发布日期", "firstpublishedtime": "发布日期",
    "article:published_time": "发布日期", "datepublished": "发布日期", "contentsource": "来源", "source": "来源",
}
_MD_SYNTAX = re.compile(r"^\s{0,3}(?:#{1,6}\s+|>\s?|[-*+]\s+)")
_STRIP = " \t\u3000\xa0"


@dataclass
class PageLine:
    """One non-empty line of a page.

    Attributes:
        text: The line as written (stripped of indentation).
        zone: ``header``, ``body`` or ``footer``.
        chrome: It lies in navigation, header or footer elements of an HTML page.
        heading: 1–6 for HTML headings (``#`` levels for Markdown), else 0.
        link: Share of its characters that are link text (HTML).
        hint: CSS classes and ids around it (HTML, lower case).
        synthetic: It comes from a ``<meta>`` tag or front matter, not from the visible page.
    """

    text: str
    zone: str = BODY
    chrome: bool = False
    heading: int = 0
    link: float = 0.0
    hint: str = ""
    synthetic: bool = False


@dataclass
class Page:
    """A page's lines, its ``<title>`` and the kind of file it came from."""

    lines: list[PageLine]
    title: str = ""
    kind: str = "text"

    def zone(self, *zones: str) -> list[PageLine]:
        """The lines of the given zones, in page order."""
        return [ln for ln in self.lines if ln.zone in zones]


def page_lines(raw_text: str, source_name: str) -> Page:
    """Split a decoded file into :class:`PageLine` s with zones.

    Args:
        raw_text: The decoded file content (for PDFs and Word files: their extracted text).
        source_name: File name; its suffix selects HTML, Markdown or plain-text handling.

    Returns:
        The page.
    """
    suffix = Path(source_name).suffix.lower()
    raw_text = normalize_newlines(raw_text)
    if suffix in (".html", ".htm"):
        return _html_page(raw_text)
    synthetic: list[PageLine] = []
    body = raw_text
    kind = "text"
    if suffix in (".md", ".markdown"):
        kind = "markdown"
        synthetic = _front_matter(raw_text)
        body = _FRONT_MATTER.sub("", raw_text, count=1)
    lines = []
    for line in body.split("\n"):
        text = clean_inline(line).strip(_STRIP)
        heading = 0
        if kind == "markdown":
            mark = re.match(r"^(#{1,6})\s+", text)
            heading = len(mark.group(1)) if mark else 0
            text = strip_inline_markdown(_MD_SYNTAX.sub("", text)).strip(_STRIP)
        if text:
            lines.append(PageLine(text, heading=heading))
    _assign_zones(lines)
    return Page(synthetic + lines, kind=kind)


def _html_page(raw_text: str) -> Page:
    """Lines of an HTML page: chrome and lines outside the main content go to header or footer."""
    parsed = parse_html(raw_text)
    lines = [
        PageLine(clean_inline(ln.text).strip(_STRIP), chrome=ln.chrome, heading=ln.heading, link=ln.link, hint=ln.css_class)
        for ln in parsed.lines if ln.text.strip(_STRIP)
    ]
    main = [i for i, ln in enumerate(parsed.lines) if ln.main and ln.text.strip(_STRIP)]
    if main:
        kept = [i for i, ln in enumerate(parsed.lines) if ln.text.strip(_STRIP)]
        position = {orig: k for k, orig in enumerate(kept)}
        first, last = position[main[0]], position[main[-1]]
        is_main = {position[i] for i in main}
        for k, line in enumerate(lines):
            line.zone = HEADER if k < first else FOOTER if k > last else BODY if k in is_main else HEADER
        _assign_zones([ln for k, ln in enumerate(lines) if k in is_main])
    else:
        _assign_zones(lines)
    meta = [PageLine(f"{label}：{parsed.meta[name]}", zone=HEADER, synthetic=True)
            for name, label in _HTML_META_FIELDS.items() if parsed.meta.get(name)]
    return Page(meta + lines, title=parsed.title, kind="html")


def _assign_zones(lines: list[PageLine]) -> None:
    """Mark the lines before the first and after the last running-text line as header and footer.

    Args:
        lines: Lines in page order, changed in place.
    """
    running = [i for i, ln in enumerate(lines) if is_running_text(ln.text)]
    if not running:
        return
    for i, line in enumerate(lines):
        if i < running[0]:
            line.zone = HEADER
        elif i > running[-1]:
            line.zone = FOOTER


def _front_matter(raw_text: str) -> list[PageLine]:
    """Markdown front-matter fields as labelled header lines (``发布日期：2020-01-02``)."""
    match = _FRONT_MATTER.match(raw_text)
    if not match:
        return []
    lines = []
    for line in match.group(1).split("\n"):
        key, _, value = line.partition(":")
        label = _FRONT_MATTER_FIELDS.get(key.strip().lower())
        value = value.strip().strip("\"'")
        if label and value:
            lines.append(PageLine(f"{label}：{value}", zone=HEADER, synthetic=True))
    return lines


def front_matter(raw_text: str) -> dict[str, str]:
    """The ``key: value`` lines of a Markdown front matter (keys lower-cased), or {}."""
    match = _FRONT_MATTER.match(normalize_newlines(raw_text))
    if not match:
        return {}
    out: dict[str, str] = {}
    for line in match.group(1).split("\n"):
        key, sep, value = line.partition(":")
        if sep and key.strip():
            out.setdefault(key.strip().lower(), value.strip().strip("\"'"))
    return out


def front_matter_title(raw_text: str) -> str:
    """The ``title:`` of a Markdown front matter, or ""."""
    return front_matter(raw_text).get("title", "")
