"""Bulletins about several districts, split into one section per district."""

from __future__ import annotations

import re

from index.ingest.metadata.title import HEADLINE_END, MAX_HEADLINE
from partyqa.records import Section
from partyqa.text.normalize import normalize
from partyqa.text.places import DISTRICT_SUFFIXES, extract_places

_BELOW_DISTRICT = ("社区", "小区", "园区", "景区", "片区", "街区", "校区", "营区", "商区")
#: Cells parted by two or more spaces, a tab or a rule: a table row, never a heading.
_TABLE_ROW = re.compile(r"\S(?:\s{2,}|\t|\s*[|｜]\s*)\S.*(?:\s{2,}|\t|\s*[|｜]\s*)\S")
_HEADING_NUMBER = re.compile(
    r"^(?:\d{1,2}[\s、.．]*|[一二三四五六七八九十]+[、.．]\s*|[（(][一二三四五六七八九十\d]+[)）]\s*)"
)


def extract_sections(clean_text: str, places: list[str] | None = None) -> list[Section]:
    """Split a multi-district bulletin into sections.

    A section heading is a short line (≤ 40 characters, no sentence punctuation at the
    end) that starts, after optional numbering, with a district-level place name
    (区/县/市/示范区/新区/旗) found in the article, followed by longer text. Sections are
    only returned when headings name at least two different districts; each covers the
    text from its heading to the next heading.

    Args:
        clean_text: The cleaned article text.
        places: The article's places (computed when omitted).

    Returns:
        The sections with offsets into ``clean_text``, or an empty list.
    """
    if places is None:
        places = extract_places(clean_text)
    # 社区, 小区, 园区 end in 区 but are below a district: their tables and items head no section.
    districts = [p for p in places if p.endswith(DISTRICT_SUFFIXES) and not p.endswith(_BELOW_DISTRICT)]
    headings = _section_headings(clean_text, districts)
    if len({district for _, _, district in headings}) < 2:
        return []
    sections = []
    for i, (start, heading, district) in enumerate(headings):
        end = headings[i + 1][0] if i + 1 < len(headings) else len(clean_text)
        end = start + len(clean_text[start:end].rstrip())
        sections.append(Section(heading=heading, start=start, end=end, district=district))
    return sections


def _section_headings(clean_text: str, districts: list[str]) -> list[tuple[int, str, str]]:
    """Find ``(offset, heading, district)`` of lines that head a district's section.

    Args:
        clean_text: The cleaned text.
        districts: District-level places of the article (simplified).

    Returns:
        The headings in text order.
    """
    by_length = sorted(districts, key=len, reverse=True)
    lines = clean_text.split("\n")
    headings = []
    offset = 0
    following = _next_nonblank_lines(lines)
    for line, nxt in zip(lines, following, strict=True):
        stripped = line.strip()
        if stripped and _is_section_heading(stripped, nxt):
            lead = normalize(_HEADING_NUMBER.sub("", stripped))
            district = next((d for d in by_length if lead.startswith(d)), "")
            if district:
                headings.append((offset + line.index(stripped), stripped, district))
        offset += len(line) + 1
    return headings


def _next_nonblank_lines(lines: list[str]) -> list[str]:
    """For each line, return the next non-blank line after it (stripped), or ""."""
    following = [""] * len(lines)
    nxt = ""
    for i in range(len(lines) - 1, -1, -1):
        following[i] = nxt
        if lines[i].strip():
            nxt = lines[i].strip()
    return following


def _is_section_heading(line: str, next_line: str) -> bool:
    """Tell whether a line has the shape of a section heading followed by body text."""
    return (
        len(line) <= MAX_HEADLINE
        and not _TABLE_ROW.search(line)
        and not line.endswith(HEADLINE_END)
        and "。" not in line
        and len(next_line) > len(line)
    )
