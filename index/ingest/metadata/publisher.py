"""The outlet that published an article: reprint notes, labelled sources, datelines, mastheads, issuers.

Preference (highest first): ``原载《X》``/``原载：X`` (the page is a reprint of X); a labelled
source ``来源：X`` on the page; ``转自：X``; a wire dateline ``新华社南昌8月2日电``; ``本报讯``
with the newspaper named in the masthead or ``<title>``; a WeChat account; a source from
``<meta>``/front matter; the issuing office of a bulletin (``中共某某市委组织部编``, a
signature line with a date); finally a newspaper or office name on a short header line.
"""

from __future__ import annotations

import re
from functools import cache

from index.ingest.metadata.marks import drop_channel
from partyqa.resources import data_lines
from partyqa.text.normalize import CJK_RUN, half_width, to_simplified

_LABEL = re.compile(r"(?P<label>原载|转载自|转自|(?:信息|文章|稿件|新闻)?来源|稿源|出处|编印|编发)\s*[:：]\s*")
_REPRINT = re.compile(r"原载\s*《(?P<name>[^《》]{2,20})》")
_VALUE = re.compile(r"[^\s|｜,，。;；:：()（）【】\[\]《》]{2,30}")
_DATELINE = re.compile(
    r"^(?P<head>[^\s，。：:（(]{0,16}?)(?P<date>\d{1,2}月\d{1,2}日)?(?P<end>电|讯)\s*(?:[（(]|$|\S)"
)
_OFFICE_SUFFIX = "委员会|组织部|宣传部|办公室|办公厅|工委|党委|人民政府"
_ISSUER = re.compile(r"^(?P<name>\S{4,24}?(?:委员会|组织部|宣传部|办公室|办公厅|工委|党委|人民政府))\s*(?:编|编印|主办|印发)?$")
_SIGNATURE = re.compile(
    r"^(?P<name>\S{4,24}?(?:委员会|组织部|宣传部|办公室|办公厅|工委|党委|人民政府))\s*(?:编印|编|印发)?(?:\s+|\s*[|｜]\s*)"
    r"(?:19|20)\d{2}\s*年"
)
_SIGNATURE_DASH = re.compile(r"^(?:——|—|--|－－|―)\s*")
_EDITED_BY = re.compile(r"^(?P<name>\S{4,24}?(?:委员会|组织部|宣传部|办公室|办公厅|工委|党委))\s*编$")
_PAPER_SUFFIX = re.compile(r"(?:数字报|电子报|电子版|数字版|数字报刊|手机报)$")
_GENERIC_SOURCES = frozenset(
    "办公室 本站 本网 原创 网络 互联网 未知 佚名 综合 网站 管理员 admin 转载 其他 其它 本报".split()  # noqa: SIM905
)
_PUBLISHER_SUFFIXES = tuple(
    (  # noqa: SIM905
        "日报社 日报 晚报 商报 时报 早报 晨报 都市报 报社 电视台 广播电台 新闻网 新闻中心 融媒体中心 杂志社 通讯社 "
        "组织部 宣传部 办公室 办公厅 人民政府"
    ).split()
)
_PAPER_SUFFIXES = ("日报", "晚报", "商报", "时报", "早报", "晨报", "都市报", "经济报", "报")
_WEAK_PUBLISHER_SUFFIXES = ("网", "报")
_MIN_PUBLISHER, _MAX_PUBLISHER = 3, 20
_MAX_HEADER_LINE = 40

RANK_REPRINT, RANK_SOURCE, RANK_FORWARD, RANK_WIRE, RANK_PAPER, RANK_ACCOUNT, RANK_META, RANK_ISSUER, RANK_NAME = (
    9, 8, 7, 6, 5, 4, 3, 2, 1
)


@cache
def _wire_outlets() -> tuple[str, ...]:
    """Wire outlets that open datelines, longest first."""
    return tuple(sorted(data_lines("wire_outlets.txt"), key=len, reverse=True))


def _simplified(line: str) -> str:
    """Simplified, half-width form of a line (same length where the conversion allows)."""
    simple = to_simplified(half_width(line))
    return simple if len(simple) == len(line) else half_width(line)


def _slice(line: str, simple: str, start: int, end: int) -> str:
    """The part of ``line`` as written at the offsets found in its simplified form."""
    return line[start:end] if len(simple) == len(line) else simple[start:end]


def labelled_source(line: str) -> tuple[int, str]:
    """The outlet named by a label on a line: ``(rank, value)``, or ``(0, "")``.

    ``原载《绵州日报》`` / ``原载：冰城日报`` rank as reprints, ``来源：`` and a bulletin's
    ``编印：`` as sources, ``转自：`` as forwards; an issuer's field (``发布机构：``, ``发布单位 |``,
    ``document_fields.txt``) as a source. Generic values (``本站``, ``办公室`` …) are ignored, and
    so is a site's channel after the name (``来源：雪原新闻·哈尔滨频道`` → ``雪原新闻``).
    """
    simple = _simplified(line)
    reprint = _REPRINT.search(simple)
    if reprint:
        return RANK_REPRINT, _slice(line, simple, reprint.start("name"), reprint.end("name"))
    for match in _LABEL.finditer(simple):
        value = _VALUE.match(simple, match.end())
        if not value or value.group() in _GENERIC_SOURCES:
            continue
        label = match.group("label")
        rank = RANK_REPRINT if label == "原载" else RANK_FORWARD if label.startswith("转") else RANK_SOURCE
        return rank, drop_channel(_trim_value(_slice(line, simple, value.start(), value.end())))
    for match in _issuer_labels().finditer(simple):
        value = _VALUE.match(simple, match.end())
        if value and value.group() not in _GENERIC_SOURCES:
            return RANK_SOURCE, _trim_value(_slice(line, simple, value.start(), value.end()))
    return 0, ""


@cache
def document_fields() -> dict[str, str]:
    """The field labels of a disclosure block or press-release table and their kinds
    (``partyqa/data/document_fields.txt``: ``issuer`` or ``field``)."""
    return dict(line.split("\t") for line in data_lines("document_fields.txt"))


@cache
def _issuer_names() -> frozenset[str]:
    """The labels of ``document_fields.txt`` that name the issuing body (发布机构, 发布单位 …)."""
    return frozenset(w for w, kind in document_fields().items() if kind == "issuer")


@cache
def _issuer_labels() -> re.Pattern:
    """A label naming the issuing body (``发布机构：``, ``发布单位 |``) with its colon or table bar."""
    labels = sorted(_issuer_names(), key=len, reverse=True)
    return re.compile(r"(?:^|(?<=\s))(?:" + "|".join(map(re.escape, labels)) + r")\s*[:：|｜]\s*")


def issuer_label_alone(line: str) -> bool:
    """True when a line is only an issuer's label (a disclosure table's header cell ``发布机构``):
    the value stands on the next line."""
    simple = re.sub(r"\s+", "", _simplified(line))
    return bool(simple) and simple.rstrip(":：") in _issuer_names()


def _trim_value(value: str) -> str:
    """Cut a source value where another label starts (``县委组织部作者`` → ``县委组织部``)."""
    from index.ingest.metadata.people import _labels, _roles

    simple = _simplified(value)
    for k in range(2, len(simple)):
        if _roles()[0].match(simple, k) or _labels().match(simple, k):
            return value[:k]
    return value


def dateline_outlet(line: str) -> str:
    """The outlet of a dateline at the start of a line: ``新华社``, ``绵城网``, or ``本报``; else ""."""
    simple = _simplified(line.strip())
    match = _DATELINE.match(simple)
    if not match or not (match.group("date") or match.group("head").startswith(("本报", "本刊"))):
        return ""
    head = match.group("head")
    if head.startswith(("本报", "本刊")):
        return "本报"
    wire = next((w for w in _wire_outlets() if head.startswith(w)), "")
    if wire:
        return wire
    from partyqa.text.places import strip_trailing_place

    name = strip_trailing_place(head)
    return name if len(name) >= 2 else ""


def masthead_paper(lines: list[str]) -> str:
    """The newspaper named in masthead or title lines (``汉北日报数字报-…`` → ``汉北日报``), or ""."""
    for line in lines:
        for segment in re.split(r"[-_|｜>»\s]+", line):
            simple = _simplified(segment)
            name = _PAPER_SUFFIX.sub("", simple)
            if name.endswith(_PAPER_SUFFIXES) and 3 <= len(name) <= 12 and CJK_RUN.fullmatch(name):
                return segment[: len(name)]
    return ""


_SOURCE_LINE = re.compile(
    r"^(?P<name>[\u4e00-\u9fff·]{2,12})(?:\s*[·・|｜]\s*[\u4e00-\u9fff]{2,12})?\s+(?:19|20)\d{2}\s*[-/.年]\s*\d{1,2}\s*[-/.月]\s*\d{1,2}\s*日?"
    r"(?:\s+\d{1,2}:\d{2}(?::\d{2})?)?$"
)


@cache
def _field_labels() -> tuple[str, ...]:
    return tuple(data_lines("meta_labels.txt"))


def source_line(line: str) -> str:
    """The outlet of a news app's or portal's source line, a name and a date alone on a line
    (``兰途新闻 2024-05-08 18:32``), perhaps with its channel after a dot or bar (``兰途新闻 · 城市频道
    2024-05-08``: the outlet is the name before it); "" for a field label (``发布时间 2024-05-08``) or a
    generic word."""
    match = _SOURCE_LINE.match(line.strip())
    if not match:
        return ""
    name = match.group("name")
    simple = to_simplified(name)
    if simple in _GENERIC_SOURCES or any(simple.endswith(label) for label in _field_labels()):
        return ""
    return name


def issuer(line: str) -> str:
    """The office that issued a bulletin or report (``中共扬州市委组织部编``, a signature line), or "".

    A report's team after the office (``中共某某区委组织部课题组``, words in ``issuer_teams.txt``)
    names the office as the issuer. A material's signature under its title opens with a dash
    (``——中共某某街道工作委员会``): the office is the name after it.
    """
    line = _SIGNATURE_DASH.sub("", line.strip())
    simple = _simplified(line)
    team = _team_after_office().search(simple)
    if team and len(simple) == len(line):
        line = line[: team.start("team")] + line[team.end("team") :]
        simple = simple[: team.start("team")] + simple[team.end("team") :]
    for pattern in (_EDITED_BY, _SIGNATURE, _ISSUER):
        match = pattern.match(simple)
        if match:
            return _slice(line, simple, match.start("name"), match.end("name"))
    return ""


@cache
def _team_after_office() -> re.Pattern:
    """A team word right after an office's name, at the end of the line or before a date."""
    teams = "|".join(sorted(map(re.escape, data_lines("issuer_teams.txt")), key=len, reverse=True))
    return re.compile(rf"(?:{_OFFICE_SUFFIX})(?P<team>{teams})(?=\s|$)")


def publisher_in_line(line: str) -> str:
    """A newspaper or office name on a short line or a navigation bar (the first one), or ""."""
    segments = [seg.strip() for seg in re.split(r"[|｜│]", line) if seg.strip()]
    is_bar = len(segments) >= 2
    if not is_bar and len(line) > _MAX_HEADER_LINE:
        return ""
    for segment in segments:
        for run in CJK_RUN.finditer(segment):
            name = run.group()
            if not _MIN_PUBLISHER <= len(name) <= _MAX_PUBLISHER:
                continue
            if _is_publisher_name(to_simplified(name), whole=name == segment):
                return name
    return ""


def is_outlet_name(line: str) -> bool:
    """Tell whether a line is only an outlet's name with its edition word (``某某晚报电子版``,
    ``某某日报数字报``): a site name, never a headline."""
    simple = _simplified(line.strip())
    name = _PAPER_SUFFIX.sub("", simple)
    return name != simple and CJK_RUN.fullmatch(name) is not None and _is_publisher_name(name, whole=True)


def _is_publisher_name(name: str, whole: bool) -> bool:
    """Tell whether a simplified CJK run ends with a publisher suffix after at least two characters."""
    suffixes = _PUBLISHER_SUFFIXES + (_WEAK_PUBLISHER_SUFFIXES if whole else ())
    suffix = next((s for s in suffixes if name.endswith(s)), "")
    return bool(suffix) and len(name) - len(suffix) >= 2 and name not in _GENERIC_SOURCES


def extract_publisher(header: list[str], footer: list[str]) -> str:
    """The publisher named in header and footer lines: a labelled source, else a name (compat helper)."""
    best = (0, "")
    for line in header + footer:
        rank, value = labelled_source(line)
        if rank > best[0]:
            best = (rank, value)
    if best[1]:
        return best[1]
    for lines in (header, footer):
        for line in lines:
            name = publisher_in_line(line)
            if name:
                return name
    return ""
