"""Markdown to plain text: the syntax goes, the words stay."""

from __future__ import annotations

import re

from index.ingest.html import has_html_tags, strip_tags

_MD_FRONT_MATTER = re.compile(r"\A---[ \t]*\n.*?\n(?:---|\.\.\.)[ \t]*\n", re.DOTALL)
_MD_FENCE = re.compile(r"^[ \t]*(?:```|~~~).*$", re.MULTILINE)
_MD_HEADING = re.compile(r"^[ \t]{0,3}#{1,6}[ \t]+(.*?)[ \t]*#*[ \t]*$", re.MULTILINE)
_MD_RULE = re.compile(r"^[ \t]*(?:[-=*_][ \t]*){3,}$", re.MULTILINE)
_MD_QUOTE = re.compile(r"^[ \t]*(?:>[ \t]?)+", re.MULTILINE)
_MD_BULLET = re.compile(r"^([ \t]*)(?:[-*+]|\d{1,3}[.)])[ \t]+", re.MULTILINE)
_MD_IMAGE = re.compile(r"!\[[^\]]*\]\([^)]*\)|!\[[^\]]*\]\[[^\]]*\]")
_MD_LINK = re.compile(r"\[([^\]]+)\]\([^)]*\)|\[([^\]]+)\]\[[^\]]*\]")
_MD_REF_DEF = re.compile(r"^[ \t]*\[[^\]]+\]:[ \t]*\S+.*$", re.MULTILINE)
_MD_AUTOLINK = re.compile(r"<((?:https?|ftp|mailto):[^>\s]+)>")
_MD_TABLE_RULE = re.compile(
    r"^[ \t]*\|?[ \t]*:?-{3,}:?[ \t]*(?:\|[ \t]*:?-{3,}:?[ \t]*)*\|?[ \t]*(?:\n|$)", re.MULTILINE
)
_MD_TABLE_ROW = re.compile(r"^[ \t]*\|(.*)\|[ \t]*$", re.MULTILINE)
_MD_EMPHASIS = (
    re.compile(r"\*\*(.+?)\*\*"),
    re.compile(r"__(.+?)__"),
    re.compile(r"~~(.+?)~~"),
    re.compile(r"\*(?!\s)(.+?)(?<!\s)\*"),
    re.compile(r"(?<![A-Za-z0-9])_(?!\s)(.+?)(?<!\s)_(?![A-Za-z0-9])"),
    re.compile(r"`([^`\n]*)`"),
)


def strip_inline_markdown(line: str) -> str:
    """One line without its inline Markdown: images dropped, links and autolinks their text,
    emphasis and inline code without markers (``原创 林可 [某某发布](https://…) *2024年9月3日*``
    → ``原创 林可 某某发布 2024年9月3日``)."""
    line = _MD_IMAGE.sub("", line)
    line = _MD_LINK.sub(lambda m: m.group(1) or m.group(2), line)
    line = _MD_AUTOLINK.sub(r"\1", line)
    for pattern in _MD_EMPHASIS:
        line = pattern.sub(r"\1", line)
    return line


def strip_markdown(text: str) -> str:
    """Remove Markdown syntax, keeping the text.

    Headings lose their ``#``, emphasis and inline code their markers, links become their
    text, images, reference definitions, rules, code-fence lines and front matter are
    dropped, list bullets and quote markers are removed and table rows become their cells
    separated by spaces.

    Args:
        text: Markdown source.

    Returns:
        Plain text with one line per source line.
    """
    text = _MD_FRONT_MATTER.sub("", text)
    text = _MD_FENCE.sub("", text)
    text = _MD_TABLE_RULE.sub("", text)
    text = _MD_TABLE_ROW.sub(lambda m: "  ".join(c.strip() for c in m.group(1).split("|")), text)
    text = _MD_HEADING.sub(r"\1", text)
    text = _MD_RULE.sub("", text)
    text = _MD_QUOTE.sub("", text)
    text = _MD_BULLET.sub(r"\1", text)
    text = _MD_REF_DEF.sub("", text)
    text = _MD_IMAGE.sub("", text)
    text = _MD_LINK.sub(lambda m: m.group(1) or m.group(2), text)
    text = _MD_AUTOLINK.sub(r"\1", text)
    for pattern in _MD_EMPHASIS:
        text = pattern.sub(r"\1", text)
    if has_html_tags(text):
        text = strip_tags(text)
    return text
