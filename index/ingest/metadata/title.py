"""The headline of an article (never the site name, a breadcrumb, a bullet or the file name).

HTML: the ``<title>`` segment (split at site-name separators) that the page repeats as its
headline — one heading line or a headline split over two lines (主题 + 副题) — else the page's
own headline line just before the article (``<h1>`` first; a ``——`` subtitle or a kicker
above it is not the title). Markdown: the front-matter ``title:`` or the first ``#`` heading.
Plain text, PDF and Word: an official document's title (``关于……的通报``) among the header
lines, else the first headline-like line of the header that is not a site or office name, an
e-paper's name, a field (``发布机构：…``), breadcrumb, bullet, issue label, document number or
byline; a bulletin whose first headline is a numbered item of its contents has no lead story:
its title is its masthead and issue (``组织工作简报 第7期``). An official document's title
wrapped over two lines is read whole; a staff line (``本版责编：… 美编：…``), a series line above
a material (``某某推进会交流材料（三）``) and the headlines listed under an issue's contents label
(``【本期导读】``) are never the title.
"""

from __future__ import annotations

import re
from functools import cache
from pathlib import Path

from index.ingest.debris import ISSUE_LABEL, classify_line
from index.ingest.html import is_running_text
from index.ingest.layout import HEADING_MARKER
from index.ingest.metadata.dates import parse_dates
from index.ingest.metadata.marks import is_contents_label, is_kind_label, is_page_label, is_series_line
from index.ingest.metadata.page import HEADER, Page, front_matter_title
from index.ingest.metadata.publisher import document_fields, is_outlet_name, issuer, publisher_in_line
from partyqa.resources import data_lines
from partyqa.text.normalize import CJK, squash, to_simplified

MAX_HEADLINE = 40
_MAX_TITLE = 60
_MIN_HEADLINE_CJK = 5
_HEADLINE_SCAN_LINES = 15
_BYLINE = re.compile(
    r"记者|通讯员|实习生|摄影|供图|编辑|作者|来源|文/图|图/文|摄$|^图[:：]|核心提示|导读|^编者按|^原创\s|发表于|转自|原载"
    r"|^(?:签发|审核|审稿|校对|撰稿|编印|印发|主办|承办|联系电话|电话)\s*[:：]"
)
_TITLE_SEPARATORS = re.compile(r"\s+[-–—|_]\s+|_|\||｜|-{2,}|(?<=[\u4e00-\u9fff”」）)])-(?=[\u4e00-\u9fff“「（(])|—\s")
_SITE_WORDS = re.compile(
    r"(?:网|报|数字报|电子报|电子版|政府|人民政府|办事处|组织部|宣传部|委员会|工委|党委|集团|公司|中心|平台|频道|"
    r"党建|组工|之窗|在线|首页|繁体版|简体版)$|^(?:首页|正文|详情)$"
)
_DOC_NUMBER = re.compile(r"〔\d{4}〕\s*\d+\s*号|\[\d{4}\]\s*\d+\s*号|第\s*\d+\s*期")
_BREADCRUMB = re.compile(r"当前位置|您的位置|您现在的位置|所在位置|>\s*\S|»|›|首页\s*/")
_BULLET = re.compile(r"^[•·・▪◆■●○◇□►▶◎★☆\-*]\s*")
_SUBTITLE = re.compile(r"^(?:——|—|--|－－)")
_URL = re.compile(r"(?:https?://|www\.)[\w.-]+", re.IGNORECASE)  # a site's address: no headline holds one
HEADLINE_END = tuple("。！？；：…!?;:,，、")
_YEAR_ISSUE = re.compile(r"^\d{4}年第\d+期")  # 2024年第7期（总第213期）: an issue label with its year
_TITLE_HINT = re.compile(r"title|headline|biaoti|\bbt\b|wzbt|newstitle|art-?t")


def extract_title(page: Page, raw_text: str, source_name: str, clean_text: str = "") -> tuple[str, str]:
    """Find the article's title and the page line it was read from.

    Args:
        page: The page lines with zones.
        raw_text: The decoded file content (for Markdown front matter).
        source_name: File name; its stem is the last resort.

    Returns:
        ``(title, evidence line)``; the evidence is "" when the title is the file stem.
    """
    suffix = Path(source_name).suffix.lower()
    title = ""
    if page.kind == "html":
        title = _html_title(page)
    elif suffix in (".md", ".markdown"):
        title = front_matter_title(raw_text) or next((ln.text for ln in page.lines if ln.heading == 1), "")
    if not title and clean_text:
        head = _lines_before_body(clean_text)
        title = document_title(head) or first_headline(clean_text)
        if title and HEADING_MARKER.match(title):
            title = masthead_title(head) or title
    if not title:
        title = first_headline([ln.text for ln in page.lines if not ln.synthetic and not ln.chrome and ln.link < 0.5])
    if not title:
        return Path(source_name).stem, ""
    return title, title


def _html_title(page: Page) -> str:
    """The headline of an HTML page (see module doc), with its 副题 when the page splits it."""
    return _with_subtitle(page, _html_headline(page))


_MAX_SUBTITLE = MAX_HEADLINE


def _with_subtitle(page: Page, title: str) -> str:
    """``主题 副题`` when the title stands as the page's ``<h1>`` and an ``<h2>`` headline follows
    it directly (an e-paper's split headline); the title unchanged otherwise."""
    visible = [ln for ln in page.lines if not ln.synthetic and not ln.chrome and ln.link < 0.5]
    key = squash(title)
    for line, following in zip(visible, visible[1:]):
        if line.heading == 1 and squash(line.text) == key:
            sub = following.text.strip()
            if following.heading == 2 and len(sub) <= _MAX_SUBTITLE and _is_headline_text(sub) \
                    and not _BYLINE.search(sub) and not parse_dates(sub) and squash(sub) not in key:
                return f"{title} {sub}"
            break
    return title


def _html_headline(page: Page) -> str:
    """The headline line of an HTML page (see module doc)."""
    candidates = _headline_candidates(page)
    keyed = [squash(c) for c in candidates]
    for segment in _title_segments(page.title):
        key = squash(segment)
        for i, cand in enumerate(keyed):
            if key == cand or (i + 1 < len(keyed) and key == cand + keyed[i + 1]):
                return segment
    for cand in candidates:
        for segment in _title_segments(page.title):
            if squash(segment).startswith(squash(cand)) and len(segment) <= _MAX_TITLE:
                return segment
    # the <title> segment the page repeats as a heading, wherever the heading stands (a message
    # board's 留言 title under a banner slogan, in the body's zone)
    headings = {squash(ln.text) for ln in page.lines if ln.heading and not ln.synthetic and not ln.chrome}
    for segment in _title_segments(page.title):
        if squash(segment) in headings:
            return segment
    best = _best_candidate(page)
    if best:
        return best
    segments = _title_segments(page.title)
    return segments[0] if segments else ""


def _title_segments(title: str) -> list[str]:
    """The parts of a ``<title>`` that can be a headline (site and column names dropped)."""
    parts = [p.strip() for p in _TITLE_SEPARATORS.split(title) if p and p.strip()]
    return [p for p in parts if _is_headline_text(p, allow_long=True) and not _SITE_WORDS.search(to_simplified(p))]


def _headline_candidates(page: Page) -> list[str]:
    """Lines that may be the page's headline: header lines outside chrome and link lists."""
    lines = [ln for ln in page.lines if not ln.synthetic and not ln.chrome and ln.link < 0.5]
    header = [ln for ln in lines if ln.zone == HEADER] or lines[:_HEADLINE_SCAN_LINES]
    return [ln.text for ln in header if _is_headline_text(ln.text, allow_long=True)]


def _best_candidate(page: Page) -> str:
    """The page's own headline line: ``<h1>`` first, then a line styled as a title, then the last headline-like line before the article."""
    visible = [ln for ln in page.lines if not ln.synthetic and not ln.chrome and ln.link < 0.5]
    h1 = next((ln.text for ln in visible[:_HEADLINE_SCAN_LINES * 2] if ln.heading == 1 and _is_headline_text(ln.text)), "")
    if h1:  # the first <h1>, even after an editor's note
        return h1
    lines = [ln for ln in visible if ln.zone == HEADER]
    usable = [ln for ln in lines if _is_headline_text(ln.text) and not _SUBTITLE.match(ln.text)
              and not _is_masthead(ln.text, lines)]
    for test in (lambda ln: ln.heading == 1, lambda ln: bool(_TITLE_HINT.search(ln.hint)), lambda ln: 0 < ln.heading <= 3):
        found = [ln for ln in usable if test(ln)]
        if found:
            return found[0].text
    return first_headline([ln.text for ln in usable])


def _is_masthead(text: str, lines) -> bool:
    """Tell whether a line is a series name followed by an issue label (``党建工作简报`` / ``第15期``)."""
    texts = [ln.text for ln in lines]
    try:
        k = texts.index(text)
    except ValueError:
        return False
    return k + 1 < len(texts) and bool(ISSUE_LABEL.match(texts[k + 1]) or _YEAR_ISSUE.match(texts[k + 1]))


_SERIES = re.compile(r"《([^《》\n]{2,20})》\s*(?:\d{4}\s*年\s*)?(?:总第\s*\d+\s*期\s*)?第\s*\d+\s*期")


def issue_title(lines: list[str]) -> str:
    """A bulletin's title ``株洲组织工作信息 第22期``: series name from a ``《…》…第N期`` reference plus the issue label.

    Args:
        lines: The page lines.

    Returns:
        The title, or "" without an issue label in the first lines or a series reference.
    """
    label = next((re.sub(r"\s+", "", line) for line in lines[:8] if ISSUE_LABEL.match(line)), "")
    if not label:
        return ""
    for line in lines:
        series = _SERIES.search(line)
        if series:
            return f"{series.group(1).strip()} {label}"
    return ""


def _lines_before_body(text: str) -> list[str]:
    """The first lines of a text (stripped, non-empty) up to its first running-text line."""
    head = []
    for line in text.split("\n")[: _HEADLINE_SCAN_LINES * 2]:
        line = line.strip()
        if not line:
            continue
        if is_running_text(line):
            break
        head.append(line)
    return head[:_HEADLINE_SCAN_LINES]


#: The longest issuer written before a document title's 关于 (沐泉镇关于……的汇报).
_MAX_ISSUER = 20


@cache
def _document_title() -> re.Pattern:
    """``关于……的<kind>`` as a whole line, the kinds (文种) from ``document_kinds.txt``."""
    kinds = "|".join(sorted(map(re.escape, data_lines("document_kinds.txt")), key=len, reverse=True))
    # an issuer may stand before 关于 (沐泉镇关于……的汇报, 中共某某镇委员会关于……的公示)
    return re.compile(rf"^(?:[\u4e00-\u9fff]{{2,{_MAX_ISSUER}}}?)?关于\S.{{2,{_MAX_TITLE}}}的(?:{kinds})$")


def document_title(lines: list[str]) -> str:
    """The title of an official document (``关于……的通报``) among the lines before its text, or "".

    A series or collection line above it (``某某区调研成果（2024）``) is not the title. A title
    set over two lines (``关于全区……工作`` / ``情况的调研报告``) is read as one.
    """
    for k, line in enumerate(lines):
        if len(line) <= _MAX_TITLE and _document_title().match(to_simplified(line)):
            return line
        if k + 1 < len(lines) and "关于" in to_simplified(line)[:_MAX_ISSUER + 2] and not line.endswith(HEADLINE_END):
            joined = line + lines[k + 1]
            if len(joined) <= _MAX_TITLE and _document_title().match(to_simplified(joined)):
                return joined
    return ""


def masthead_title(lines: list[str]) -> str:
    """A bulletin's masthead and issue (``组织工作简报 第7期``) from a series line directly followed
    by its issue label (``第7期``, ``2024年第7期（总第213期）``), or ""."""
    for line, following in zip(lines, lines[1:]):
        label = re.sub(r"\s+", "", following)
        if (ISSUE_LABEL.match(label) or _YEAR_ISSUE.match(label)) and len(CJK.findall(line)) >= 2 \
                and not _is_field(line) and not parse_dates(line):
            return f"{line} {label}"
    return ""


def first_headline(lines: list[str] | str) -> str:
    """Return the first headline-like line among the first lines of a text.

    A headline has 5–40 characters (at least 5 CJK), does not end with sentence or clause
    punctuation, holds no full stop or date, and is not a byline, breadcrumb, bullet item,
    document number, site or office name, series masthead or debris.

    Args:
        lines: The lines (or a text, split at line breaks).

    Returns:
        The headline, or "" if none of the first lines qualifies.
    """
    if isinstance(lines, str):
        lines = lines.split("\n")
    lines = [line.strip() for line in lines if line.strip()]
    listed = _contents_items(lines[:_HEADLINE_SCAN_LINES], lines)
    for k, line in enumerate(lines[:_HEADLINE_SCAN_LINES]):
        nxt = lines[k + 1] if k + 1 < len(lines) else ""
        # A plain headline listed under a contents label is an entry of the list, not a story; a
        # numbered entry is kept (a bulletin whose first headline is a numbered item has no lead).
        if (k in listed and not HEADING_MARKER.match(line)) or is_series_line(line):
            continue
        if _is_headline_text(line) and not ISSUE_LABEL.match(nxt) and not _YEAR_ISSUE.match(nxt):
            return line
    return ""


_LIST_MARK = re.compile(r"^(?:[•·・▪◆■●○◇□►▶◎★☆\-*]|\d{1,2}[、.．]|[一二三四五六七八九十]+[、.．]|[（(][一二三四五六七八九十\d]+[)）])\s*")
_PAGE_REF = re.compile(r"[.．…·\s]*\d*$")


def _contents_items(head: list[str], lines: list[str]) -> set[int]:
    """Indexes of an issue's contents list: its label (``【本期导读】``) and the lines under it whose
    headline stands again further down (the items themselves, perhaps numbered)."""
    items: set[int] = set()
    for k, line in enumerate(head):
        if not is_contents_label(line):
            continue
        items.add(k)
        for j in range(k + 1, len(head)):
            key = squash(_PAGE_REF.sub("", _LIST_MARK.sub("", head[j])))
            if len(key) < _MIN_HEADLINE_CJK or not any(key in squash(later) for later in lines[j + 1:]):
                break
            items.add(j)
    return items


def _is_headline_text(line: str, allow_long: bool = False) -> bool:
    """Tell whether a stripped line can be a headline (a headline and its deck on one line, parted
    by a space, may be as long as a page title)."""
    parts = line.split()
    with_deck = 2 <= len(parts) <= 4 and all(len(p) <= MAX_HEADLINE for p in parts)
    if len(line) > (_MAX_TITLE if allow_long or with_deck else MAX_HEADLINE) or len(CJK.findall(line)) < _MIN_HEADLINE_CJK:
        return False
    if line.endswith(HEADLINE_END) or "。" in line or _BULLET.match(line) or _SUBTITLE.match(line):
        return False
    if _is_field(line) or is_outlet_name(line) or is_page_label(line) or is_kind_label(line):
        return False  # 第07版 乡村振兴: the page's banner; 经验交流材料: what kind of material it is
    simplified = to_simplified(line)
    if _BYLINE.search(simplified) or _BREADCRUMB.search(simplified) or _DOC_NUMBER.search(simplified) \
            or _role_label().search(simplified):
        return False
    if parse_dates(line) or classify_line(line) or _is_mojibake_like(line) or _URL.search(line):
        return False
    return not (issuer(line) or (publisher_in_line(line) == line.strip()))


@cache
def _role_label() -> re.Pattern:
    """A byline role with its colon (``责编：``, ``美编：``, ``校对：``, ``byline_roles.txt``): a staff line."""
    words = sorted((line.split("\t")[0] for line in data_lines("byline_roles.txt")), key=len, reverse=True)
    return re.compile(r"(?:" + "|".join(map(re.escape, words)) + r")\s*[:：]")


@cache
def _field_label() -> re.Pattern:
    """A field label opening a line, with its colon or table bar (``主题分类：``, ``发布单位 |``)."""
    labels = set(data_lines("meta_labels.txt")) | set(document_fields())
    words = "|".join(sorted(map(re.escape, labels), key=len, reverse=True))
    return re.compile(rf"^(?:{words})\s*[:：|｜]")


def _is_field(line: str) -> bool:
    """Tell whether a line is a labelled field of the page (``索引号：…``, ``发布单位 | …``)."""
    return bool(_field_label().match(to_simplified(line.strip())))


def _is_mojibake_like(line: str) -> bool:
    """Tell whether a line is mostly Latin-1 letters (GBK text read as Latin-1)."""
    latin = sum(1 for ch in line if "\u00c0" <= ch <= "\u00ff")
    return latin >= 4 and latin >= len(line) / 3
