"""The outlet that published an article: labelled sources, newspaper names, offices."""

from __future__ import annotations

import re

from index.ingest.metadata.header import MAX_HEADLINE
from partyqa.text.normalize import CJK_RUN, to_simplified

_SOURCE_LABEL = re.compile(r"(?:信息|文章|稿件|新闻)?(?:来源|出处)\s*[:：]\s*")
_SOURCE_VALUE = re.compile(r"[^\s|｜,，。;；:：()（）]{2,30}")
_GENERIC_SOURCES = frozenset(
    "办公室 本站 本网 原创 网络 互联网 未知 佚名 综合 网站 管理员 admin 转载 其他 其它 本报".split()  # noqa: SIM905
)
_PUBLISHER_SUFFIXES = tuple(
    (  # noqa: SIM905
        "日报社 日报 晚报 商报 时报 早报 都市报 报社 电视台 广播电台 新闻网 新闻中心 融媒体中心 杂志社 通讯社 "
        "组织部 宣传部 办公室 办公厅 人民政府"
    ).split()
)
_WEAK_PUBLISHER_SUFFIXES = ("网", "报")
_MIN_PUBLISHER = 3
_MAX_PUBLISHER = 20


def extract_publisher(header: list[str], footer: list[str]) -> str:
    """Find the newspaper or office that published the article.

    Preference: a labelled source (``信息来源:``/``来源:``) that is not generic
    (``办公室``, ``本站`` …); then a name ending in 日报/晚报/商报/时报/报社/电视台/
    新闻网/组织部/办公室 … on a short header line or in a navigation bar (the first
    one); then the same in the footer.

    Args:
        header: Lines before the first body paragraph.
        footer: Lines after the last body paragraph.

    Returns:
        The publisher as written in the text, or "".
    """
    for line in header + footer:
        value = _labelled_source(line)
        if value:
            return value
    for lines in (header, footer):
        for line in lines:
            name = _publisher_in_line(line)
            if name:
                return name
    return ""


def _labelled_source(line: str) -> str:
    """Return the value of a ``来源:`` label in ``line`` if it is a specific name.

    Args:
        line: One line of text.

    Returns:
        The value as written, or "" when absent or generic.
    """
    simplified = to_simplified(line)
    for match in _SOURCE_LABEL.finditer(simplified):
        value = _SOURCE_VALUE.match(simplified, match.end())
        if value and value.group() not in _GENERIC_SOURCES:
            return line[value.start() : value.end()]
    return ""


def _publisher_in_line(line: str) -> str:
    """Find a publisher name on a short line or a navigation bar.

    Args:
        line: One stripped line.

    Returns:
        The first name ending with a publisher suffix, as written, or "".
    """
    segments = [seg.strip() for seg in re.split(r"[|｜│]", line) if seg.strip()]
    is_bar = len(segments) >= 2
    if not is_bar and len(line) > MAX_HEADLINE:
        return ""
    for segment in segments:
        for run in CJK_RUN.finditer(segment):
            name = run.group()
            if not _MIN_PUBLISHER <= len(name) <= _MAX_PUBLISHER:
                continue
            if _is_publisher_name(to_simplified(name), whole=name == segment):
                return name
    return ""


def _is_publisher_name(name: str, whole: bool) -> bool:
    """Tell whether a (simplified) CJK run names a publisher.

    Args:
        name: The run of CJK characters.
        whole: Whether the run is a whole line or navigation-bar item, which also
            allows the weak suffixes 网/报.

    Returns:
        True if it ends with a publisher suffix preceded by at least two characters.
    """
    suffixes = _PUBLISHER_SUFFIXES + (_WEAK_PUBLISHER_SUFFIXES if whole else ())
    suffix = next((s for s in suffixes if name.endswith(s)), "")
    return bool(suffix) and len(name) - len(suffix) >= 2 and name not in _GENERIC_SOURCES
