"""Publication dates: every written form, scored by where it stands and what labels it."""

from __future__ import annotations

import datetime as _dt
import re
from functools import lru_cache

from partyqa.resources import data_json
from partyqa.text.normalize import half_width, to_simplified

_DATE_PATTERN = re.compile(
    r"(?<!\d)(?P<y>(?:19|20)\d{2})\s*(?:"
    r"(?P<sep>[-/.])\s*(?P<m1>\d{1,2})\s*(?P=sep)\s*(?P<d1>\d{1,2})(?!\d)"
    r"|年\s*(?P<m2>\d{1,2})\s*月\s*(?P<d2>\d{1,2})\s*[日号]?(?!\d))"
)
#: A month and day without a year (``5月14日``), as in datelines ``本报5月14日讯``.
_MONTH_DAY = re.compile(r"(?<![\d年])(?P<m>\d{1,2})\s*月\s*(?P<d>\d{1,2})\s*日")
_DATELINE_END = re.compile(r"^\s*(?:电|讯|消息)")
_URL_DATE = re.compile(r"/(?P<y>(?:19|20)\d{2})[-/]?(?P<m>\d{2})/(?P<d>\d{2})/")
_DATE_LABEL = re.compile(
    r"(?:发布|发表|更新|出版|刊发|印发|发稿)?(?<!成文)(?:日期|时间)\s*[:：]?\s*$|(?:发布|发表)于\s*[:：]?\s*$"
)
_PUBLICATION_TAIL = re.compile(r"^\s*(?:\d{1,2}:\d{2}(?::\d{2})?)?\s*(?:来源|信息来源|作者|稿源)\s*[:：]")
_ISSUE_TAIL = re.compile(r"^\s*印发")
_WEEKDAY_AFTER = re.compile(r"^\s*(?:星期|礼拜|周)")
SCORE_LABELLED = 5
SCORE_WITH_SOURCE = 4
SCORE_HEADER = 3
SCORE_DATELINE = 2
SCORE_BANNER = 1
_MAX_DATE_LINE = 40


def parse_dates(line: str) -> list[tuple[int, str]]:
    """Find the valid full dates (with a year) written in a line.

    Args:
        line: One line of text (simplified or traditional, any digit width).

    Returns:
        ``(score, "YYYY-MM-DD")`` pairs: labelled dates (``发布日期:``) score 5, dates followed
        by ``来源：`` on the line 4, dates followed by a weekday (page banners, often the
        crawl date) 1, others 3.
    """
    line = to_simplified(half_width(line))
    found = []
    for match in _DATE_PATTERN.finditer(line):
        date = _valid(match.group("y"), match.group("m1") or match.group("m2"), match.group("d1") or match.group("d2"))
        if not date:
            continue
        before = line[max(0, match.start() - 12) : match.start()]
        after = line[match.end() :]
        if _DATE_LABEL.search(before) or _ISSUE_TAIL.match(after):
            score = SCORE_LABELLED
        elif _PUBLICATION_TAIL.match(after):
            score = SCORE_WITH_SOURCE
        elif _WEEKDAY_AFTER.match(after):
            score = SCORE_BANNER
        else:
            score = SCORE_HEADER
        found.append((score, date))
    return found


@lru_cache(maxsize=1)
def _epaper_navigation() -> re.Pattern:
    return re.compile(data_json("layout.json")["epaper_banner"])


def epaper_banner(line: str) -> bool:
    """True if ``line`` is a digital paper's banner: a date and weekday, then the paper's
    navigation (``2024年4月17日 星期三 上一期 下一期 往期回顾 PDF下载``). Its date is the issue's."""
    return bool(_epaper_navigation().search(line)) and any(s == SCORE_BANNER for s, _ in parse_dates(line))


def _valid(year: str | int, month: str | int, day: str | int) -> str:
    """``YYYY-MM-DD`` for a real date not in the future, else ""."""
    try:
        date = _dt.date(int(year), int(month), int(day))
    except ValueError:
        return ""
    return date.isoformat() if date <= _dt.date.today() else ""


def dateline_month_day(line: str) -> tuple[int, int] | None:
    """The month and day of a dateline (``新华社南昌8月2日电``, ``本报5月14日讯``), or ``None``."""
    simplified = to_simplified(half_width(line))
    for match in _MONTH_DAY.finditer(simplified[:40]):
        if _DATELINE_END.match(simplified[match.end() :]):
            return int(match.group("m")), int(match.group("d"))
    return None


def url_date(line: str) -> str:
    """A date written in a URL path (``…/2022-09/14/content_1.html``), or ""."""
    match = _URL_DATE.search(line)
    return _valid(match.group("y"), match.group("m"), match.group("d")) if match else ""


def choose_date(candidates: list[tuple[str, bool]]) -> tuple[str, str]:
    """Choose the publication date among header/footer lines.

    Args:
        candidates: ``(line, near)`` pairs in page order; ``near`` is True for lines in the
            header or footer (or first/last body lines), where publication facts stand.

    Returns:
        ``(YYYY-MM-DD, evidence line)``, or ``("", "")``. A labelled date beats a date followed
        by its source, which beats a date alone on a short line, which beats a dateline's
        month and day (its year from the page's other dates or URL), which beats a banner;
        with none of these, a full date in the page's own address (``…/2022-10/26/content_1.htm``).
        Dates in long lines count only when labelled: dates in running text are events.
    """
    best: tuple[int, int, str, str] | None = None
    years: list[int] = []
    datelines: list[tuple[int, int, str]] = []
    url_years: list[int] = []
    for order, (line, near) in enumerate(candidates):
        for score, date in parse_dates(line):
            years.append(int(date[:4]))
            if not near or (score < SCORE_WITH_SOURCE and len(line) > _MAX_DATE_LINE
                            and not (score == SCORE_BANNER and epaper_banner(line))):
                continue
            key = (score, -order)
            if best is None or key > best[:2]:
                best = (score, -order, date, line)
        from_url = url_date(line)
        if from_url:
            url_years.append(int(from_url[:4]))
        month_day = dateline_month_day(line)
        if month_day:
            datelines.append((*month_day, line))
    if best is not None and best[0] > SCORE_DATELINE:
        return best[2], best[3]
    year_pool = url_years + years
    if datelines and year_pool:
        month, day, line = datelines[0]
        date = _valid(year_pool[0], month, day)
        if date:
            return date, line
    if best:
        return best[2], best[3]
    # Nothing on the page dates it but the address it was saved from (本文链接：…/2022-10/26/…).
    for line, near in candidates:
        from_url = url_date(line)
        if near and from_url:
            return from_url, line
    return "", ""


def extract_date(header: list[str], footer: list[str]) -> str:
    """Choose the publication date among header and footer lines (see :func:`choose_date`)."""
    return choose_date([(line, True) for line in header + footer])[0]
