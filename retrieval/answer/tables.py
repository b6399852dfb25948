"""Rows of a table read with their column headings, and label lines read with their heading.

A table reaches a passage as lines of cells: Markdown and HTML tables become cells parted by
two or more spaces, ruled PDF tables cells parted by ``|``. A row alone (``桐木村  29  79.6  三星``)
says nothing of what its figures are, so the answerer scores a *view* of it that names each
cell's column (``桐木村：党员数29，季度平均积分79.6，评定等次三星。``) and quotes the source from
the heading line to the row, with the answer span mapped back onto the row.

A meeting notice or agenda writes its facts the same way, as label lines under a heading
(``推进会`` / ``日期：2023年5月12日`` / ``地点：青石社区党群服务中心``): each such line is a
row whose view names the heading (``推进会地点：青石社区党群服务中心。``); labels are listed in
``partyqa/data/block_labels.txt``.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass, replace
from functools import lru_cache
from types import MappingProxyType

from partyqa.resources import data_words
from partyqa.text.sentences import split_sentences

_CELL_GAP = re.compile(r"\s*[|｜]\s*|\s{2,}|\t+")
_SENTENCE_MARK = re.compile(r"[。；;！？!?]")
_FIGURE = re.compile(r"[-+]?\d[\d,.]*\s*[%％]?|—|-")
#: A table quoted from its heading to the row, at most this many lines (longer: the row alone).
MAX_QUOTED_LINES = 8
#: How much text before a table's heading line is kept as its introduction (what the rows date to).
_INTRO_CHARS = 120


@dataclass(frozen=True)
class Row:
    """A table row of a passage: its labelled view and where each cell stands in both."""

    start: int          #: offset of the row line in the passage
    end: int
    heading_start: int  #: offset of the heading line (quote from here when near)
    view: str           #: the row with its column names, scored in place of the line
    cells: tuple[tuple[int, int, int], ...]  #: (offset in view, offset in passage, length)
    intro: str = ""     #: the text just before the table's heading line ("2023年各社区情况如下：")


def _cells(line: str) -> list[tuple[int, str]]:
    """The cells of one line with their offsets, or [] when the line is no table row."""
    if _SENTENCE_MARK.search(line) or re.fullmatch(r"[\s|｜:：\-—]*", line):
        return []
    out, pos = [], 0
    for gap in _CELL_GAP.finditer(line):
        if gap.start() > pos:
            out.append((pos, line[pos:gap.start()]))
        pos = gap.end()
    if pos < len(line):
        out.append((pos, line[pos:]))
    return [(at, cell) for at, cell in out if cell.strip()]


@lru_cache(maxsize=1024)
def table_rows(text: str, lead: str = "") -> Mapping[int, Row]:
    """Every data row of the tables in ``text``, by the offset of its line (read-only; cached,
    as the candidates and the list gathering read the same passages).

    A table is a heading line followed by at least one line with the same number (three or
    more) of cells; lines with sentence punctuation are never rows. ``lead`` is the article
    text just before the passage: a passage cut inside a table starts at a data row, and its
    rows are read with the heading line the lead holds (quoted from the row, as the heading is
    not in the passage).
    """
    if lead and len(_cells(text.lstrip().split("\n", 1)[0])) >= 3:
        shift = len(lead)
        return MappingProxyType({
            at - shift: replace(row, start=row.start - shift, end=row.end - shift,
                                heading_start=max(row.heading_start, row.start) - shift,
                                cells=tuple((v, p - shift, n) for v, p, n in row.cells))
            for at, row in table_rows(lead + text).items() if at >= shift})
    lines = [(s.start, s.end, _cells(text[s.start:s.end])) for s in split_sentences(text)
             if "\n" not in text[s.start:s.end]]
    rows: dict[int, Row] = {}
    i = 0
    while i < len(lines):
        start, _, heads = lines[i]
        j = i + 1
        # A passage cut inside a table starts at a data row: figures are no column names.
        named = sum(1 for _, cell in heads[1:] if not _FIGURE.fullmatch(cell.strip())) >= len(heads[1:]) / 2
        while named and j < len(lines) and len(heads) >= 3 and len(lines[j][2]) == len(heads) \
                and _only_newlines_between(text, lines[j - 1][1], lines[j][0]):
            j += 1
        for k in range(i + 1, j):
            rows[lines[k][0]] = _row(lines[k], heads, start, k - i + 1, text[max(0, start - _INTRO_CHARS):start])
        i = max(j, i + 1)
    return MappingProxyType(rows)


def _only_newlines_between(text: str, end: int, start: int) -> bool:
    """True when two lines are neighbours (a Markdown rule line between them counts as one)."""
    between = text[end:start]
    return between.count("\n") <= 2 and not between.strip("\n \t|-:")


def _row(line: tuple[int, int, list[tuple[int, str]]], heads: list[tuple[int, str]], heading_start: int,
         n_lines: int, intro: str = "") -> Row:
    start, end, cells = line
    parts, mapping, pos = [], [], 0
    for idx, ((at, value), (_, head)) in enumerate(zip(cells, heads)):
        label = head.strip() if idx else ""  # the first cell names the row itself
        mapping.append((pos + len(label), start + at, len(value)))
        parts.append(label + value)
        pos += len(parts[-1]) + 1  # the "：" or "，" after it
    view = parts[0] + "：" + "，".join(parts[1:]) + "。"
    quote_from = heading_start if n_lines <= MAX_QUOTED_LINES else start
    return Row(start, end, quote_from, view, tuple(mapping), intro)


def to_passage(row: Row, view_start: int, view_end: int) -> tuple[int, int] | None:
    """Map a span of the view onto the passage (None when it crosses cells)."""
    for at_view, at_passage, length in row.cells:
        if at_view <= view_start and view_end <= at_view + length:
            return at_passage + view_start - at_view, at_passage + view_end - at_view
    return None


@lru_cache(maxsize=1)
def _label_pattern() -> re.Pattern:
    labels = sorted(data_words("block_labels.txt"), key=len, reverse=True)
    return re.compile(rf"^(?P<label>{'|'.join(map(re.escape, labels))})\s*[:：]\s*(?P<value>[^:：。；;！？!?]{{1,60}})$")


_MAX_HEADING = 40


@lru_cache(maxsize=1024)
def label_rows(text: str) -> Mapping[int, Row]:
    """Label lines under a heading (``地点：…`` after ``某某推进会``), by the offset of their line.

    The heading is the nearest line above the block of label lines, right next to it, short
    and without sentence punctuation; label lines without such a heading are left as they are.
    """
    lines = [(s.start, s.end) for s in split_sentences(text) if "\n" not in text[s.start:s.end]]
    pattern = _label_pattern()
    rows: dict[int, Row] = {}
    heading: tuple[int, int] | None = None
    previous_end = -1
    for start, end in lines:
        line = text[start:end]
        match = pattern.match(line)
        adjacent = previous_end >= 0 and _only_newlines_between(text, previous_end, start)
        if match and heading is not None and adjacent:
            head = text[heading[0]:heading[1]].strip()
            label, value = match.group("label"), match.group("value").rstrip()
            view = f"{head}{label}：{value}。"
            at_view = len(head) + len(label) + 1
            rows[start] = Row(start, end, heading[0], view, ((at_view, start + match.start("value"), len(value)),))
        elif not match:
            short = len(line) <= _MAX_HEADING and not _SENTENCE_MARK.search(line) and not re.search(r"[:：]", line)
            heading = (start, end) if short else None
        elif not adjacent:
            heading = None
        previous_end = end
    return MappingProxyType(rows)

