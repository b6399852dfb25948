"""Turning decoded files into clean article text.

:func:`clean_text` first converts the format to plain text (HTML through the standard
library parser, Markdown by stripping its syntax, plain text by removing stray HTML tags
left over from scraping), then removes web-page debris line by line
(:func:`strip_debris`: page/issue/article navigation, PDF links, print/close buttons,
navigation bars, page labels, image placeholders, editor and attribution lines, date
banners, punctuation-only lines) and finally normalizes the layout: indentation and
trailing spaces are stripped, paragraphs broken in the middle of a sentence by blank
lines are joined, and runs of blank lines are collapsed.

All rules are general patterns; metadata that lives in debris lines (publication date,
source) is extracted from the raw text by :mod:`index.ingest.metadata`.
"""

from __future__ import annotations

from index.ingest.debris import strip_debris
from index.ingest.html import has_html_tags, html_to_text, parse_html, strip_tags
from index.ingest.layout import collapse_blank_lines, join_broken_paragraphs, normalize_newlines, strip_lines
from index.ingest.markdown import strip_markdown


def to_plain_text(raw: str, suffix: str, keep_chrome: bool = False) -> str:
    """Convert a decoded file to plain text according to its format.

    Args:
        raw: The decoded file content.
        suffix: The file suffix (``.html``, ``.md``, ``.txt`` …), any case.
        keep_chrome: For HTML, keep navigation, header and footer text (for metadata);
            otherwise only the main content (see :func:`~index.ingest.html.parse_html`).

    Returns:
        Plain text with HTML/Markdown syntax removed, not yet cleaned of debris.
    """
    text = normalize_newlines(raw)
    suffix = suffix.lower()
    if suffix in (".html", ".htm"):
        if keep_chrome:
            return html_to_text(text, keep_chrome=True)
        page = parse_html(text)
        return page.text(main_only=any(line.main for line in page.lines))
    if suffix in (".md", ".markdown"):
        return strip_markdown(text)
    if has_html_tags(text):
        return strip_tags(text)
    return text


def clean_text(raw: str, suffix: str) -> str:
    """Turn a decoded file into clean article text.

    Args:
        raw: The decoded file content.
        suffix: The file suffix, which selects HTML, Markdown or plain-text handling.

    Returns:
        The article text: one paragraph per line, debris removed, paragraphs separated
        by at most one blank line. Empty if nothing is left.
    """
    text = strip_lines(to_plain_text(raw, suffix))
    text = strip_debris(text)
    text = join_broken_paragraphs(text)
    return collapse_blank_lines(text)
