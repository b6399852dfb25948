"""Layout repair: indentation, broken paragraphs, blank-line runs and control characters."""

from __future__ import annotations

import re

TERMINAL_PUNCTUATION = '。！？；：…”」』!?;:"）)'
_CLAUSE_PUNCTUATION = re.compile(r"[，,、。；;：:！？!?]")
#: The number opening a heading or item (1．, 一、, （二）, 第三章): a section's or a bulletin item's head.
HEADING_MARKER = re.compile(
    r"^(?:\d{1,2}[\s、.．]|[一二三四五六七八九十]+[、.．]|[（(][一二三四五六七八九十\d]+[)）]|第[一二三四五六七八九十\d]+[章节節部条條])"
)
_INDENT = " \t\u3000\xa0\u2002\u2003\ufeff"
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f\ufeff]")
_MAX_HEADING = 40
_MIN_BROKEN_LINE = 40
_MAX_CONTINUATION_HEAD = 4


def strip_lines(text: str) -> str:
    """Strip indentation (ASCII and ideographic spaces) and trailing whitespace per line."""
    return "\n".join(line.strip(_INDENT).rstrip() for line in text.split("\n"))


def _is_heading_like(line: str) -> bool:
    """Tell whether a line looks like a heading: short, without sentence punctuation at the end.

    Args:
        line: A stripped line.

    Returns:
        True for short lines that do not end or contain a full stop.
    """
    return len(line) <= _MAX_HEADING and not line.endswith(tuple(TERMINAL_PUNCTUATION)) and "。" not in line


def _should_join(first: str, second: str) -> bool:
    """Decide whether two lines separated by blank lines are one broken sentence.

    The first line must not end with sentence punctuation and must look like running
    text (long, with punctuation inside), or be shorter but with clause punctuation
    while the second continues with a very short clause (``服务群`` / ``众。为确保…``).
    The second line must not look like a heading.

    Args:
        first: The line before the blank lines (stripped).
        second: The line after them (stripped).

    Returns:
        True if the lines should be joined without a break.
    """
    if not first or not second or first.endswith(tuple(TERMINAL_PUNCTUATION)):
        return False
    if _is_heading_like(second) or HEADING_MARKER.match(second):
        return False
    if len(first) >= _MIN_BROKEN_LINE and _CLAUSE_PUNCTUATION.search(first):
        return True
    head = _CLAUSE_PUNCTUATION.split(second, maxsplit=1)[0]
    return (
        bool(re.search(r"[，,、]", first)) and len(second) > len(head) and len(head) <= _MAX_CONTINUATION_HEAD
    )


def join_broken_paragraphs(text: str) -> str:
    """Join paragraphs that were broken in the middle of a sentence by blank lines.

    Args:
        text: Text with stripped lines.

    Returns:
        The text with such breaks removed (``大会精\\n\\n神`` → ``大会精神``).
    """
    out: list[str] = []
    for line in text.split("\n"):
        if line and out and not out[-1]:
            k = len(out) - 1
            while k >= 0 and not out[k]:
                k -= 1
            if k >= 0 and _should_join(out[k], line):
                del out[k + 1 :]
                out[k] = _concat(out[k], line)
                continue
        out.append(line)
    return "\n".join(out)


def _concat(first: str, second: str) -> str:
    """Join two parts of a broken sentence, with a space only between two Latin words."""
    latin = first[-1].isascii() and first[-1].isalpha() and second[0].isascii() and second[0].isalpha()
    return first + (" " if latin else "") + second


def collapse_blank_lines(text: str) -> str:
    """Collapse runs of blank lines to a single blank line and trim the ends."""
    return re.sub(r"\n{3,}", "\n\n", text).strip("\n")


def normalize_newlines(text: str) -> str:
    """Convert CR/CRLF line ends to LF and drop control characters and BOMs.

    Args:
        text: Decoded text.

    Returns:
        The text with ``\\n`` line ends only.
    """
    text = text.replace("\r\n", "\n").replace("\r", "\n").replace("\u2028", "\n").replace("\u2029", "\n")
    return _CONTROL.sub("", text)
