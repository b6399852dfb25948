"""Sections of a structured article: the items under the heading a list question names.

A work summary, 调研报告 or 经验材料 is written under numbered headings (三、2024年工作打算, then
（一）加强队伍建设 …). A list question that names a heading's subject (2024年工作打算分哪几个方面？,
报告指出了哪几方面的问题？) is answered by the items one level below that heading, up to the next
heading of its level — not by another list of the article that happens to score higher. The
heading patterns and the words that tie no question to a heading are data (``answers.json``).
"""

from __future__ import annotations

import re
from functools import lru_cache

from partyqa.text.normalize import normalize
from retrieval.answer import spans as sp
from retrieval.question import Part

#: A heading line is short; a longer numbered line is an item with its explanation.
MAX_HEADING = 30
_YEAR = re.compile(r"(?:19|20)\d{2}(?=年)")


@lru_cache(maxsize=1)
def _levels() -> tuple[re.Pattern, ...]:
    return tuple(re.compile(p) for p in sp.answers_config()["heading_levels"])


def level(line: str) -> int:
    """The level of a numbered line (1 for 一、, 2 for （一）, …), or 0 for an unnumbered one."""
    line = line.strip()
    return next((i for i, pattern in enumerate(_levels(), 1) if pattern.match(line)), 0)


def _lines(text: str) -> list[tuple[int, str]]:
    """``(offset, line)`` of every non-empty line."""
    out, at = [], 0
    for raw in text.split("\n"):
        if raw.strip():
            out.append((at + len(raw) - len(raw.lstrip()), raw.strip()))
        at += len(raw) + 1
    return out


def _tie(part: Part, heading: str) -> int:
    """How many of the question's own focus words the heading writes (0 when it writes another year)."""
    norm = normalize(heading)
    years = set(_YEAR.findall(norm))
    if years and part.years and not years & set(part.years):
        return 0
    generic = re.compile(f"^(?:{sp.answers_config()['section_generic_focus']})$")
    return sum(1 for term in part.focus if len(term) >= 2 and not generic.match(term) and term in norm)


def heading_items(part: Part, text: str) -> tuple[int, int, list[tuple[int, int]]] | None:
    """For a list question, the heading of ``text`` it names and the items under it.

    Returns ``(section start, section end, items)`` with each item the ``(start, end)`` of its
    first sentence in ``text``, or None when no heading names the question's subject or fewer
    than two items stand under it. Of several headings that name it, the one writing most of
    the question's focus words; a tie names none.
    """
    if part.answer_type != "list" or not text:
        return None
    lines = _lines(text)
    heads = [(i, level(line), _tie(part, line)) for i, (_, line) in enumerate(lines)
             if 0 < level(line) < len(_levels()) and len(line) <= MAX_HEADING]
    heads = [h for h in heads if h[2] > 0]
    if not heads:
        return None
    best = max(tie for _, _, tie in heads)
    top = [h for h in heads if h[2] == best]
    if len(top) != 1:
        return None
    index, head_level, _ = top[0]
    end_index = next((k for k in range(index + 1, len(lines)) if 0 < level(lines[k][1]) <= head_level),
                     len(lines))
    below = lines[index + 1:end_index]
    item_level = next((lv for _, line in below if (lv := level(line)) > head_level), 0)
    items = []
    for offset, line in below:
        if level(line) == item_level:
            stop = re.search(r"[。！？；;]", line)
            items.append((offset, offset + (stop.end() if stop else len(line))))
    if len(items) < 2:
        return None
    section_end = lines[end_index][0] if end_index < len(lines) else len(text)
    return lines[index][0], section_end, items
