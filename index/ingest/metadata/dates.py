"""Publication dates: every written form, scored by where it stands."""

from __future__ import annotations

import datetime as _dt
import re

from index.ingest.metadata.header import MAX_HEADLINE
from partyqa.text.normalize import half_width, to_simplified

_DATE_PATTERN = re.compile(
    r"(?<!\d)(?P<y>(?:19|20)\d{2})\s*(?:"
    r"(?P<sep>[-/.])\s*(?P<m1>\d{1,2})\s*(?P=sep)\s*(?P<d1>\d{1,2})(?!\d)"
    r"|年\s*(?P<m2>\d{1,2})\s*月\s*(?P<d2>\d{1,2})\s*[日号]?(?!\d))"
)
_DATE_LABEL = re.compile(
    r"(?:发布|发表|更新|出版|刊发|印发)?(?:日期|时间)\s*[:：]?\s*$|发布于\s*[:：]?\s*$|发表于\s*[:：]?\s*$"
)
_WEEKDAY_AFTER = re.compile(r"^\s*(?:星期|礼拜|周)")
_SCORE_LABELLED = 3
_SCORE_HEADER = 2
_SCORE_BANNER = 1


def parse_dates(line: str) -> list[tuple[int, str]]:
    """Find the valid dates written in a line.

    Args:
        line: One line of text (simplified or traditional, any digit width).

    Returns:
        ``(score, "YYYY-MM-DD")`` pairs: labelled dates (``发布日期:``) score 3, dates
        followed by a weekday (page banners, often the crawl date) 1, others 2.
    """
    line = to_simplified(half_width(line))
    found = []
    for match in _DATE_PATTERN.finditer(line):
        month = match.group("m1") or match.group("m2")
        day = match.group("d1") or match.group("d2")
        try:
            date = _dt.date(int(match.group("y")), int(month), int(day))
        except ValueError:
            continue
        if date > _dt.date.today():
            continue
        before = line[max(0, match.start() - 12) : match.start()]
        if _DATE_LABEL.search(before):
            score = _SCORE_LABELLED
        elif _WEEKDAY_AFTER.match(line[match.end() :]):
            score = _SCORE_BANNER
        else:
            score = _SCORE_HEADER
        found.append((score, date.isoformat()))
    return found


def extract_date(header: list[str], footer: list[str]) -> str:
    """Choose the publication date among the dates of the header and footer lines.

    Only short lines (≤ 40 characters) and labelled dates count: dates inside running
    text describe events, not publication.

    Args:
        header: Lines before the first body paragraph.
        footer: Lines after the last body paragraph.

    Returns:
        The best date as ``YYYY-MM-DD``, or "".
    """
    best: tuple[int, str] | None = None
    for line in header + footer:
        for score, date in parse_dates(line):
            if score < _SCORE_LABELLED and len(line) > MAX_HEADLINE:
                continue
            if best is None or score > best[0]:
                best = (score, date)
    return best[1] if best else ""
