"""Extracting title, date, publisher, places and sections from an article.

Metadata often lives in lines that cleaning removes as debris (``發布日期:2020-06-30``,
``信息來源:濟南日報``, a ``| 洛阳日报 | 洛阳晚报 |`` navigation bar), so
:func:`extract_metadata` looks at both the raw decoded text (converted to plain text) and
the cleaned text. Labels, dates and names are matched in simplified script; values are
returned as written (``濟南日報``), except place names, which are returned simplified.

Everything here is heuristic and general: a date labelled ``发布日期`` beats a date in
the header, which beats a date/weekday banner (often the crawl date); a labelled source
beats a newspaper or office name in the header, which beats one in the footer; places
are found with ``jieba`` part-of-speech segmentation plus a stoplist of generic words.
"""

from __future__ import annotations

import bisect
import datetime as _dt
import re
from collections import Counter
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

from index.clean import (
    ISSUE_LABEL,
    classify_line,
    html_headings,
    html_meta,
    html_title,
    to_plain_text,
)
from index.normalize import half_width, normalize, to_simplified
from index.records import Section

_MAX_HEADLINE = 40
_MIN_HEADLINE_CJK = 5
_HEADLINE_SCAN_LINES = 15
_BODY_LINE_MIN = 50
_CJK = re.compile(r"[\u4e00-\u9fff]")
_CJK_RUN = re.compile(r"[\u4e00-\u9fff]+")


@dataclass
class ArticleMeta:
    """Metadata of one article.

    Attributes:
        title: Headline, or the file stem when none is found.
        date: Publication date as ``YYYY-MM-DD``, or "".
        publisher: Newspaper or office as written in the text, or "".
        places: Places named in the article (simplified script): those in the title
            first, then most frequent first.
        sections: Headed parts about different districts (bulletins), else empty.
    """

    title: str
    date: str = ""
    publisher: str = ""
    places: list[str] = field(default_factory=list)
    sections: list[Section] = field(default_factory=list)


def extract_metadata(raw_text: str, clean_text: str, source_name: str) -> ArticleMeta:
    """Extract the metadata of an article.

    Args:
        raw_text: The decoded file content, before cleaning.
        clean_text: The cleaned article text (offsets of sections refer to it).
        source_name: File name or relative path; its suffix selects HTML/Markdown
            handling and its stem is the fallback title.

    Returns:
        The article's metadata.
    """
    suffix = Path(source_name).suffix.lower()
    raw_lines = _plain_lines(raw_text, suffix)
    header, footer = _header_and_footer(raw_lines)
    if suffix in (".md", ".markdown"):
        header = _front_matter_lines(raw_text) + header
    elif suffix in (".html", ".htm"):
        header = _html_meta_lines(raw_text) + header
    places = extract_places(clean_text)
    sections = extract_sections(clean_text, places)
    publisher = extract_publisher(header, footer)
    title = extract_title(raw_text, clean_text, source_name, raw_lines, has_sections=len(sections) >= 2)
    return ArticleMeta(
        title=title,
        date=extract_date(header, footer),
        publisher=publisher,
        places=_title_places_first(places, title),
        sections=sections,
    )


def _title_places_first(places: list[str], title: str) -> list[str]:
    """Move the places named in the title to the front (the article's main places).

    Args:
        places: Places, most frequent first.
        title: The article title.

    Returns:
        The same places, those in the title first, otherwise in the same order.
    """
    simplified = normalize(title)
    return sorted(places, key=lambda place: place not in simplified)


# ---------------------------------------------------------------------------------------
# Header and footer
# ---------------------------------------------------------------------------------------


def _plain_lines(raw_text: str, suffix: str) -> list[str]:
    """Convert raw file content to stripped plain-text lines (debris kept).

    Args:
        raw_text: The decoded file content.
        suffix: The file suffix.

    Returns:
        The non-empty lines, stripped of indentation.
    """
    text = to_plain_text(raw_text, suffix, keep_chrome=True)
    lines = (line.strip(" \t\u3000\xa0") for line in text.split("\n"))
    return [line for line in lines if line]


_FRONT_MATTER = re.compile(r"\A---[ \t]*\n(.*?)\n(?:---|\.\.\.)[ \t]*(?:\n|\Z)", re.DOTALL)
_FRONT_MATTER_FIELDS = {"date": "发布日期", "published": "发布日期", "source": "来源", "publisher": "来源"}


_HTML_META_FIELDS = {
    "pubdate": "发布日期",
    "publishdate": "发布日期",
    "publish_date": "发布日期",
    "firstpublishedtime": "发布日期",
    "article:published_time": "发布日期",
    "datepublished": "发布日期",
    "contentsource": "来源",
    "source": "来源",
    "og:site_name": "来源",
}


def _html_meta_lines(raw_text: str) -> list[str]:
    """Turn HTML ``<meta>`` publication date and source into labelled lines.

    Args:
        raw_text: An HTML document.

    Returns:
        Lines like ``发布日期:2020-06-30`` or ``来源:济南日报`` (dates first).
    """
    lines = []
    for name, content in html_meta(raw_text).items():
        label = _HTML_META_FIELDS.get(name)
        if label:
            lines.append(f"{label}:{content}")
    return sorted(lines, key=lambda line: not line.startswith("发布日期"))


def _front_matter_lines(raw_text: str) -> list[str]:
    """Turn Markdown front-matter fields into labelled lines (``发布日期:2020-01-02``).

    Args:
        raw_text: A Markdown document.

    Returns:
        Lines for the ``date``/``published``/``source``/``publisher`` fields, if any.
    """
    match = _FRONT_MATTER.match(raw_text)
    if not match:
        return []
    lines = []
    for line in match.group(1).split("\n"):
        key, _, value = line.partition(":")
        label = _FRONT_MATTER_FIELDS.get(key.strip().lower())
        value = value.strip().strip("\"'")
        if label and value:
            lines.append(f"{label}:{value}")
    return lines


def _is_body_line(line: str) -> bool:
    """Tell whether a line is running article text (long, with sentence punctuation)."""
    return len(line) >= _BODY_LINE_MIN and bool(re.search(r"[，,。；;]", line))


def _header_and_footer(lines: list[str]) -> tuple[list[str], list[str]]:
    """Split off the lines before the first and after the last body paragraph.

    Args:
        lines: Non-empty plain-text lines.

    Returns:
        The header lines and the footer lines (either may be empty).
    """
    body = [i for i, line in enumerate(lines) if _is_body_line(line)]
    if not body:
        return lines, []
    return lines[: body[0]], lines[body[-1] + 1 :]


# ---------------------------------------------------------------------------------------
# Date
# ---------------------------------------------------------------------------------------

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
            if score < _SCORE_LABELLED and len(line) > _MAX_HEADLINE:
                continue
            if best is None or score > best[0]:
                best = (score, date)
    return best[1] if best else ""


# ---------------------------------------------------------------------------------------
# Publisher
# ---------------------------------------------------------------------------------------

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
    if not is_bar and len(line) > _MAX_HEADLINE:
        return ""
    for segment in segments:
        for run in _CJK_RUN.finditer(segment):
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


# ---------------------------------------------------------------------------------------
# Title
# ---------------------------------------------------------------------------------------

_BYLINE = re.compile(
    r"记者|通讯员|实习生|摄影|供图|编辑|作者|来源|文/图|图/文|摄$|^图[:：]|核心提示|导读|^编者按"
)
_TITLE_SEPARATORS = re.compile(r"\s+[-–—|_]\s+|_|\||｜|—{2}")
_MD_HEADING = re.compile(r"^[ \t]{0,3}#{1,6}[ \t]+(.+?)[ \t]*#*[ \t]*$", re.MULTILINE)
_FRONT_MATTER_TITLE = re.compile(
    r"\A---[ \t]*\n(?:.*\n)*?title:[ \t]*[\"']?(.+?)[\"']?[ \t]*\n", re.MULTILINE
)
_SERIES = re.compile(r"《([^《》\n]{2,20})》\s*(?:\d{4}\s*年\s*)?(?:总第\s*\d+\s*期\s*)?第\s*\d+\s*期")
_HEADLINE_END = tuple("。！？；：…!?;:,，、")


def extract_title(
    raw_text: str,
    clean_text: str,
    source_name: str,
    raw_lines: list[str] | None = None,
    has_sections: bool = False,
) -> str:
    """Find the article's title.

    HTML: the ``<title>`` (site name after a separator removed), else the first
    ``<h1>``–``<h3>``. Markdown: the first ``#`` heading or a front-matter ``title:``.
    Bulletins (``has_sections``) with an issue label (``第22期``): the series name from
    a ``《…》…第N期`` reference plus the label. Otherwise the first headline-like line
    of the cleaned text (short, no sentence punctuation at the end, not a byline or
    date). Falls back to the file stem.

    Args:
        raw_text: The decoded file content.
        clean_text: The cleaned text.
        source_name: File name or relative path.
        raw_lines: Plain-text lines of ``raw_text`` (computed when omitted).
        has_sections: Whether the article is a bulletin of several sections.

    Returns:
        The title.
    """
    suffix = Path(source_name).suffix.lower()
    if raw_lines is None:
        raw_lines = _plain_lines(raw_text, suffix)
    title = ""
    if suffix in (".html", ".htm"):
        title = _html_page_title(raw_text)
    elif suffix in (".md", ".markdown"):
        title = _markdown_title(raw_text)
    if not title and has_sections:
        title = _issue_title(raw_lines)
    if not title:
        title = first_headline(clean_text)
    return title or Path(source_name).stem


def _html_page_title(raw_text: str) -> str:
    """Return the HTML ``<title>`` without a trailing site name, else the first heading."""
    title = html_title(raw_text)
    if title:
        parts = [p.strip() for p in _TITLE_SEPARATORS.split(title) if p.strip()]
        if parts and len(parts[0]) >= 4:
            return parts[0]
        return title
    headings = html_headings(raw_text)
    return headings[0] if headings else ""


def _markdown_title(raw_text: str) -> str:
    """Return the front-matter ``title:`` or the first ATX heading of a Markdown text."""
    match = _FRONT_MATTER_TITLE.match(raw_text) or _MD_HEADING.search(raw_text)
    return match.group(1).strip() if match else ""


def _issue_title(raw_lines: list[str]) -> str:
    """Build a title like ``株洲组织工作信息 第22期`` for a bulletin issue.

    Args:
        raw_lines: Plain-text lines of the raw file.

    Returns:
        Series name and issue label, or "" without an issue label in the header or a
        series name referenced as ``《Series》…第N期``.
    """
    label = next((re.sub(r"\s+", "", line) for line in raw_lines[:8] if ISSUE_LABEL.match(line)), "")
    if not label:
        return ""
    for line in raw_lines:
        series = _SERIES.search(line)
        if series:
            return f"{series.group(1).strip()} {label}"
    return ""


def first_headline(clean_text: str) -> str:
    """Return the first line of the cleaned text that looks like a headline.

    A headline has 5–40 characters (at least 5 CJK), does not end with sentence or
    clause punctuation, contains no full stop, no date, and is not a byline
    (``本报记者``, ``供图`` …) or debris.

    Args:
        clean_text: The cleaned article text.

    Returns:
        The headline, or "" if none of the first lines qualifies.
    """
    lines = [line.strip() for line in clean_text.split("\n") if line.strip()]
    for line in lines[:_HEADLINE_SCAN_LINES]:
        if _is_headline(line):
            return line
    return ""


def _is_headline(line: str) -> bool:
    """Tell whether a stripped line looks like a headline (see :func:`first_headline`)."""
    if len(line) > _MAX_HEADLINE or len(_CJK.findall(line)) < _MIN_HEADLINE_CJK:
        return False
    if line.endswith(_HEADLINE_END) or "。" in line:
        return False
    simplified = to_simplified(line)
    return not (_BYLINE.search(simplified) or parse_dates(line) or classify_line(line))


# ---------------------------------------------------------------------------------------
# Places
# ---------------------------------------------------------------------------------------

PLACE_SUFFIXES = ("示范区", "新区", "街道", "区", "县", "市", "镇", "乡", "旗")
DISTRICT_SUFFIXES = ("示范区", "新区", "区", "县", "市", "旗")
_GENERIC_PLACE_ENDINGS = frozenset(
    (  # noqa: SIM905
        "全区 本区 该区 城区 辖区 社区 园区 小区 地区 片区 景区 校区 市区 郊区 山区 驻区 街区 矿区 库区 老区 "
        "灾区 分区 专区 营区 湖区 林区 牧区 展区 军区 选区 赛区 警区 疫区 禁区 误区 盲区 各区 两区 三区 城市 "
        "全市 本市 该市 各市 都市 超市 上市 股市 门市 夜市 集市 县市 省市 全县 本县 该县 各县 全镇 各镇 城镇 "
        "乡镇 村镇 集镇 小镇 全乡 各乡 城乡 家乡 老乡 下乡 故乡 同乡 区县 市县 镇乡 集聚区 安置区 核心区 开发区 "
        "试验区 实验区 保护区 功能区 服务区 经济区 产业区 工业区 商业区 生活区 居住区 住宅区 风景区 自贸区 示范区 "
        "新区 高新区 先行区 改革区 街道 全街道 各街道 本街道 该街道"
    ).split()
)
_STOP_POS = ("p", "c", "u", "d", "v", "r", "m", "f", "t", "x", "eng", "a", "zg", "y", "e", "o", "l", "i")
_STOP_POS_EXTENSION = tuple(pos for pos in _STOP_POS if pos != "a")
_FUNCTION_CHARS = frozenset(
    "在对和与及为于由从向把被将让给到的了是各全本该每这那其此一个等或并且也都还又即就所有已要会能可以按据如若则而但至当"
)
_QUOTED = re.compile(r"“[^“”\n]{1,20}”|「[^「」\n]{1,20}」")
_MAX_PLACE_PREFIX = 5
_MAX_NAME_TOKEN = 3
# Only this much of a text is searched for place names (news articles are far shorter;
# mentions are then counted over the whole text).
MAX_SEGMENTED_CHARS = 100_000
_SUFFIX_CHAR = re.compile(r"[区县市镇乡旗]|街道")
_WINDOW_BEFORE = 10
_WINDOW_AFTER = 4
# Generic area words that become a proper name with a place before them (株洲 + 高新区).
_COMBINABLE = ("高新区", "开发区", "经开区", "试验区", "保护区", "自贸区", "先行区")


@lru_cache(maxsize=1)
def _posseg():
    """Return ``jieba.posseg`` with logging silenced (loaded once)."""
    import logging

    import jieba
    import jieba.posseg

    jieba.setLogLevel(logging.WARNING)
    return jieba.posseg


def extract_places(text: str) -> list[str]:
    """Find the districts, counties, cities, streets and towns named in a text.

    The text is converted to simplified script; around every place suffix
    (区/县/市/示范区/新区/街道/镇/乡/旗) a short window of the clause is segmented with
    jieba. A place is a token ending in such a suffix (at least three characters), or a
    suffix token preceded by a name (a token that is not a verb, preposition, pronoun,
    …, extended by one more single-character token for names jieba splits, such as
    ``林/山寨/街道``). Generic words (``全区``, ``社区``, ``城市``, ``集聚区`` …) and
    names inside short quotations (slogans like “动力新区”) are dropped.

    Args:
        text: Article text.

    Returns:
        Place names in simplified script, most frequent first (ties: first mention).
    """
    simplified = normalize(text)
    quoted = [m.span() for m in _QUOTED.finditer(simplified)]
    quote_starts = [a for a, _ in quoted]
    found: dict[str, int] = {}
    for start, name in _place_mentions(simplified[:MAX_SEGMENTED_CHARS]):
        k = bisect.bisect_right(quote_starts, start) - 1
        if k < 0 or start >= quoted[k][1]:
            found.setdefault(name, start)
    counts = Counter({name: simplified.count(name) for name in found})
    return sorted(counts, key=lambda name: (-counts[name], found[name]))


def _place_mentions(text: str) -> list[tuple[int, str]]:
    """List ``(offset, name)`` of the valid place mentions in simplified text.

    Args:
        text: Simplified text.

    Returns:
        The mentions in text order.
    """
    mentions = []
    for end in _suffix_ends(text):
        tokens = _segment_window(text, end)
        index = next((k for k, (start, word, _) in enumerate(tokens) if start + len(word) == end), None)
        candidate = _place_candidate(tokens, index) if index is not None else None
        if candidate is not None and _is_valid_place(candidate[1]):
            mentions.append(candidate)
    return mentions


def _suffix_ends(text: str) -> list[int]:
    """Return the offsets just after each place suffix (区, 县, 市, 镇, 乡, 旗, 街道) in ``text``."""
    return [m.end() for m in _SUFFIX_CHAR.finditer(text)]


def _segment_window(text: str, end: int) -> list[tuple[int, str, str]]:
    """Segment the clause window around a suffix ending at ``end``.

    Args:
        text: Simplified text.
        end: Offset just after the suffix.

    Returns:
        ``(offset in text, word, pos)`` triples of the window's tokens.
    """
    start = end - 1
    while start > 0 and end - start < _WINDOW_BEFORE and _CJK.match(text[start - 1]):
        start -= 1
    stop = end
    while stop < len(text) and stop - end < _WINDOW_AFTER and _CJK.match(text[stop]):
        stop += 1
    tokens = []
    offset = start
    for pair in _posseg().cut(text[start:stop]):
        tokens.append((offset, pair.word, pair.flag))
        offset += len(pair.word)
    return tokens


def _place_candidate(tokens: list[tuple[int, str, str]], index: int) -> tuple[int, str] | None:
    """Build the place name that ends with token ``index``, if that token is a suffix.

    Args:
        tokens: ``(offset, word, pos)`` triples of the segmented text.
        index: The token to test.

    Returns:
        ``(offset, name)`` or ``None``.
    """
    start, word, flag = tokens[index]
    if word in PLACE_SUFFIXES or word in _COMBINABLE:
        prefix_tokens = _name_tokens_before(tokens, index)
        if not prefix_tokens:
            return None
        return prefix_tokens[0][0], "".join(t[1] for t in prefix_tokens) + word
    if len(word) >= 3 and word.endswith(PLACE_SUFFIXES) and flag.startswith(("ns", "n", "nr", "nt", "nz")):
        return start, word
    return None


def _name_tokens_before(tokens: list[tuple[int, str, str]], index: int) -> list[tuple[int, str, str]]:
    """Return the tokens forming a name right before a suffix token.

    Args:
        tokens: The segmented text.
        index: Position of the suffix token.

    Returns:
        The name token, preceded by one more token when either is a single character
        (names that jieba splits, such as ``林/山寨`` or ``绿/东村``); empty when the
        preceding token is a function word, a verb, … , longer than three characters
        (``充分利用/市``) or not Chinese.
    """
    if (
        index < 1
        or len(tokens[index - 1][1]) > _MAX_NAME_TOKEN
        or not _is_name_token(tokens[index - 1], _STOP_POS)
    ):
        return []
    picked = [tokens[index - 1]]
    if index >= 2:
        before = tokens[index - 2]
        one_char = len(before[1]) == 1 or len(picked[0][1]) == 1
        if (
            one_char
            and len(before[1]) <= 3
            and before[1] not in _FUNCTION_CHARS
            and _is_name_token(before, _STOP_POS_EXTENSION)
        ):
            picked.insert(0, before)
    return picked


def _is_name_token(token: tuple[int, str, str], stop_pos: tuple[str, ...]) -> bool:
    """Tell whether a token can be part of a place name (Chinese, no stop tag, no suffix)."""
    _, word, flag = token
    return (
        bool(_CJK_RUN.fullmatch(word)) and not flag.startswith(stop_pos) and not word.endswith(PLACE_SUFFIXES)
    )


def _is_valid_place(name: str) -> bool:
    """Reject generic words and malformed names.

    Args:
        name: A candidate place name (simplified).

    Returns:
        True if it can be a proper place name.
    """
    suffix = max((s for s in PLACE_SUFFIXES + _COMBINABLE if name.endswith(s)), key=len)
    prefix = name[: -len(suffix)]
    if not 2 <= len(prefix) <= _MAX_PLACE_PREFIX or not _CJK_RUN.fullmatch(name):
        return False
    if prefix[0] in _FUNCTION_CHARS or prefix[-1] in "区县市镇乡":
        return False
    if name in _GENERIC_PLACE_ENDINGS:
        return False
    if len(suffix) > 1:
        return True
    return not any(name.endswith(generic) for generic in _GENERIC_PLACE_ENDINGS)


# ---------------------------------------------------------------------------------------
# Sections
# ---------------------------------------------------------------------------------------

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
    districts = [p for p in places if p.endswith(DISTRICT_SUFFIXES)]
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
        len(line) <= _MAX_HEADLINE
        and not line.endswith(_HEADLINE_END)
        and "。" not in line
        and len(next_line) > len(line)
    )
