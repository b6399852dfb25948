"""Debris rules read from data files: leaked CMS rows, counters, picture names, Word CSS,
related-story blocks, spam segments, pinyin glosses, mojibake; and pipe tables kept as content.

Patterns and word lists live in ``partyqa/data/`` (``debris_patterns.txt``,
``related_headers.txt``, ``spam_words.txt``); this module only applies them. Every rule works
on one line at a time (or one pass over the lines), so cleaning stays linear in the text.
"""

from __future__ import annotations

import re
from functools import cache

from partyqa.resources import data_lines
from partyqa.text.normalize import CJK, to_simplified

_PINYIN = re.compile(r"(?<=[\u4e00-\u9fff])[(（][a-zāáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜüĀÁǍÀ]{1,7}[)）]")
_LATIN1 = re.compile(r"[\u00c0-\u00ff]")
_PIPE = re.compile(r"\s*[|｜│]\s*")
_NUMBER_CELL = re.compile(r"^[-—]?\d+(?:[.,]\d+)?\s*[%％万亿]?$|^[-—]$")
_SENTENCE_END = re.compile(r"[。；;]")
_MIN_MOJIBAKE_CJK = 8
_COMMON_SHARE_FLOOR = 0.2
_MAX_LISTED_HEADLINE = 40
_MAX_HEADER = 12
_MAX_SIMPLIFIED_LINE = 400  # longer lines are matched as written (OpenCC costs µs per character)


@cache
def _line_patterns() -> tuple[tuple[str, re.Pattern], ...]:
    """``(kind, pattern)`` of whole-line debris."""
    out = []
    for line in data_lines("debris_patterns.txt"):
        kind, pattern = line.split("\t", 1)
        out.append((kind, re.compile(pattern, re.IGNORECASE)))
    return tuple(out)


@cache
def _related_headers() -> frozenset[str]:
    return frozenset(data_lines("related_headers.txt"))


@cache
def _spam() -> re.Pattern:
    words = "|".join(re.escape(w) for w in data_lines("spam_words.txt"))
    return re.compile(rf"[【\[][^【】\[\]\n]{{0,30}}(?:{words})[^【】\[\]\n]{{0,30}}[】\]]")


@cache
def _common_chars() -> frozenset[str]:
    return frozenset("".join(data_lines("common_chars.txt")))


def pattern_kind(line: str) -> str:
    """The kind of whole-line debris pattern a stripped line matches, or ""."""
    simple = to_simplified(line) if len(line) <= _MAX_SIMPLIFIED_LINE else line
    for kind, pattern in _line_patterns():
        if pattern.search(simple):
            return kind
    return ""


def is_mojibake(line: str) -> bool:
    """Tell whether a line is text decoded with the wrong encoding.

    GBK read as Latin-1 gives runs of accented Latin letters (``ÖéÔ´ÈÕ±¨``); text decoded one
    byte off gives rare characters: fewer than 20 % of its CJK characters are among the common
    ones, where real Chinese has 70–80 %.
    """
    latin = len(_LATIN1.findall(line))
    if latin >= 4 and latin * 3 >= len(line.replace(" ", "")):
        return True
    cjk = CJK.findall(line)
    if len(cjk) < _MIN_MOJIBAKE_CJK:
        return False
    common = _common_chars()
    simple = to_simplified("".join(cjk))
    return sum(ch in common for ch in simple) < _COMMON_SHARE_FLOOR * len(cjk)


def clean_inline(line: str) -> str:
    """Cut spam segments (``【…彩票…】``) and pinyin glosses (``黨(dǎng)``) out of a line."""
    if "【" in line or "[" in line:
        simple = to_simplified(line)
        if len(simple) == len(line):
            spans = [m.span() for m in _spam().finditer(simple)]
            for start, end in reversed(spans):
                line = line[:start] + line[end:]
    if "(" in line or "（" in line:
        line = _PINYIN.sub("", line)
    return line


def table_rows(lines: list[str]) -> set[int]:
    """Indexes of lines that are rows of a pipe-separated table (content, not a navigation bar).

    A row has two or more cells; consecutive rows with the same number of cells form a table
    when one of them has a numeric cell. A markdown rule row (``| --- |``) counts as a row.
    """
    cells = [_cells(line) for line in lines]
    rows: set[int] = set()
    i = 0
    while i < len(lines):
        if len(cells[i]) < 2:
            i += 1
            continue
        j = i
        while j + 1 < len(lines) and len(cells[j + 1]) == len(cells[i]):
            j += 1
        run = range(i, j + 1)
        if j > i and any(_NUMBER_CELL.match(c) for k in run for c in cells[k]):
            rows.update(run)
        i = j + 1
    return rows


def _cells(line: str) -> list[str]:
    """The cells of a pipe-separated line (outer pipes ignored), or [] for other lines."""
    s = line.strip()
    if len(_PIPE.findall(s)) < 1:
        return []
    parts = _PIPE.split(s.strip("|｜│ "))
    return [p.strip() for p in parts]


def related_blocks(lines: list[str]) -> set[int]:
    """Indexes of "related stories" blocks: a header (``相关阅读`` …) and the headline lines after it.

    The block ends at the first blank-separated running text (a line with sentence punctuation
    longer than a headline) or at the end of the text.
    """
    headers = _related_headers()
    marked: set[int] = set()
    i = 0
    while i < len(lines):
        key = lines[i].strip().strip("：:【】[]|｜ ·•")
        if len(key) <= _MAX_HEADER and to_simplified(key) in headers:
            marked.add(i)
            j = i + 1
            while j < len(lines):
                s = lines[j].strip()
                if s and (len(s) > _MAX_LISTED_HEADLINE or _SENTENCE_END.search(s)):
                    break
                if s:
                    marked.add(j)
                j += 1
            i = j
        else:
            i += 1
    return marked
