"""Web-page debris: navigation, page labels, banners and attribution lines around an article."""

from __future__ import annotations

import re

from index.ingest.debris_rules import clean_inline, is_mojibake, pattern_kind, related_blocks, table_rows

_NAV_TOKENS = re.compile(
    r"上一[版期篇页頁条條章]|下一[版期篇页頁条條章]|首[页頁]|尾[页頁]|返回(?:列表|顶部|頂部|首[页頁]|目录|目錄|上[页頁])"
    r"|打印本[页頁]|关闭窗口|關閉窗口|收藏本[页頁]|加入收藏|设为首页|設為首頁|PDF\s*版|版面(?:导航|導航|概览|概覽)"
    r"|标题导航|標題導航|往期(?:回顾|回顧)|本版(?:新闻|新聞)",
    re.IGNORECASE,
)
_UI_BRACKETS = re.compile(
    r"[【\[]\s*(?:打印|关闭|關閉|收藏|分享|返回|推荐|推薦|纠错|糾錯|评论|評論|复制|複製|字体|字體|字号|字號|放大|缩小|縮小)"
    r"[^】\]\n]{0,12}[】\]]"
)
_NAV_LEFTOVER = re.compile(r"[\s\d<>«»‹›←→↑↓◀▶◄►▲▼|｜/\\\-_·•.。:：,，、()（）\[\]【】>]*")
_LABEL_VALUE_LINE = re.compile(
    r"(?:(?:信息|文章|稿件|新闻|新聞)?(?:来源|來源)|作者|(?:发布|發布|发表|發表|更新)(?:日期|时间|時間|者)|日期|时间|時間"
    r"|点击(?:数|量|率)?|點擊(?:數|量)?|(?:浏览|瀏覽|阅读|閱讀|访问|訪問)(?:次数|次數|量|数|數)?|字[号號体體]"
    r"|(?:责任|責任|值班)?(?:编辑|編輯)|责编|責編|审核|審核|校对|校對|(?:初|终|終)审|(?:初|終)審|审校|審校|美[编編]|供稿|摄影|攝影)"
    r"\s*[:：]"
)
_DATE = r"\d{4}\s*(?:年\s*\d{1,2}\s*月\s*\d{1,2}\s*[日号號]?|[-/.]\s*\d{1,2}\s*[-/.]\s*\d{1,2})"
_DATE_BANNER = re.compile(rf"^{_DATE}\s*(?:星期|禮拜|礼拜|周|週)\s*[一二三四五六日天]?$")
_DATE_ONLY = re.compile(rf"^{_DATE}(?:\s+\d{{1,2}}:\d{{2}}(?::\d{{2}})?)?$")
_PAGE_LABEL = re.compile(
    r"^(?:第\s*)?(?:[A-Za-z]?\d{1,3}|[一二三四五六七八九十百]+)\s*版(?:\s*[:：]\s*\S{1,15})?$"
)
ISSUE_LABEL = re.compile(
    r"^(?:(?:\d{4}\s*年\s*)?(?:总第|總第)\s*\d+\s*期\s*)?(?:\d{4}\s*年\s*)?第\s*(?:\d{1,4}|[一二三四五六七八九十百]+)\s*期$"
)
_IMAGE_PLACEHOLDER = re.compile(
    r"^(?:(?:阴影|陰影|图片|圖片|img|image|logo|banner|广告|廣告)\s*)+$", re.IGNORECASE
)
_OTHER_ARTICLE_LINK = re.compile(r"^(?:上一[篇条條页頁]|下一[篇条條页頁])\s*[:：]")
_PIPE = re.compile(r"[|｜│]")
_HAS_WORD = re.compile(r"[^\W_]")

_NAV_KINDS = frozenset({"nav", "page"})
_MAX_HEADLINE_LIST_LINE = 30


def classify_line(line: str) -> str:
    """Classify one line as a kind of web-page debris, or as content.

    Args:
        line: A single line (indentation allowed).

    Returns:
        "" for content, else the debris kind: ``nav`` (navigation links, nav bars, PDF
        links), ``page`` (page and issue labels), ``date`` (date/weekday banners),
        ``meta`` (editor, source, author and similar label lines), ``junk`` (image
        placeholders, punctuation-only lines, mojibake), or the kind of a data-file pattern
        (``cms``, ``counter``, ``image``, ``css``, ``prompt``: ``partyqa/data/debris_patterns.txt``).
    """
    s = line.strip().replace("\u3000", " ").replace("\xa0", " ")
    if not s:
        return ""
    if not _HAS_WORD.search(s):
        return "junk"
    if _IMAGE_PLACEHOLDER.match(s) or is_mojibake(s):
        return "junk"
    kind = pattern_kind(s)
    if kind:
        return kind
    if _OTHER_ARTICLE_LINK.match(s):
        return "nav"
    if _PAGE_LABEL.match(s):
        return "page"
    if _is_nav_bar(s):
        return "nav"
    rest = _UI_BRACKETS.sub(" ", _NAV_TOKENS.sub(" ", s)).strip()
    if rest != s.strip() and _NAV_LEFTOVER.fullmatch(rest):
        return "nav"
    if _DATE_BANNER.match(rest) or (rest != s and _DATE_ONLY.match(rest)):
        return "date"
    if _is_label_value_line(s) and not _is_publication_line(s):
        return "meta"
    return ""


_PUBLICATION_LABEL = re.compile(
    r"^(?:(?:信息|文章|稿件|新闻|新聞)(?:来源|來源)|(?:发布|發布|发表|發表)?(?:日期|时间|時間))\s*[:：]\s*(\S.*)$"
)


def _is_publication_line(line: str) -> bool:
    """Tell whether a label line states where or when the article was published.

    ``發布日期:2020-06-30`` and ``信息來源:濟南日報`` are kept as article content: readers
    ask about them and answers must be able to cite them. Lines with several labels or an
    empty value (``来源：办公室 作者：``) are not.

    Args:
        line: A stripped line.

    Returns:
        True for a single publication label with a value.
    """
    match = _PUBLICATION_LABEL.match(line.strip())
    return bool(match) and len(list(_LABEL_VALUE_LINE.finditer(line))) == 1


def _is_nav_bar(line: str) -> bool:
    """Tell whether a line is a pipe-separated navigation bar of short items.

    Args:
        line: A stripped line.

    Returns:
        True for lines like ``| 洛阳日报 | 洛阳晚报 | 版面导航 |``.
    """
    if len(_PIPE.findall(line)) < 2:
        return False
    items = [item.strip() for item in _PIPE.split(line) if item.strip()]
    return len(items) >= 2 and all(len(item) <= 10 for item in items)


def _is_label_value_line(line: str) -> bool:
    """Tell whether a line only holds ``label: value`` attribution pairs.

    Examples are ``来源:办公室 作者:``, ``發布日期:2020-06-30``, ``信息來源:濟南日報`` and
    ``編輯:時金``. Values must be short and free of sentence punctuation.

    Args:
        line: A stripped line.

    Returns:
        True if the whole line is made of such pairs.
    """
    if len(line) > 80:
        return False
    inner = line.strip("()（）[]【】 ")
    labels = list(_LABEL_VALUE_LINE.finditer(inner))
    if not labels or labels[0].start() != 0:
        return False
    for i, match in enumerate(labels):
        end = labels[i + 1].start() if i + 1 < len(labels) else len(inner)
        value = inner[match.end() : end].strip()
        if len(value) > 30 or re.search(r"[。，！？；]", value):
            return False
    return True


def strip_debris(text: str) -> str:
    """Remove web-page debris lines from plain text.

    Removes navigation (``上一版/下一版/上一期/下一期/上一篇/下一篇`` links, links to other
    articles, ``PDF版``, ``【打印】``/``【关闭】`` buttons, pipe-separated navigation bars,
    ``版面导航``), page labels (``010版:栾川新闻``), image
    placeholders (``阴影``), date/weekday banners, editor/source/author label lines and
    lines without any letter, digit or CJK character (lone ``?``, bullets ``•``). A
    list of other headlines between navigation lines (the other articles of a newspaper
    page) is removed too. Blank lines are kept; everything else is left untouched.

    Args:
        text: Plain text, one paragraph or item per line.

    Returns:
        The text without debris lines.
    """
    lines = [clean_inline(line) for line in text.split("\n")]
    tables = table_rows(lines)
    kinds = ["" if i in tables else classify_line(line) for i, line in enumerate(lines)]
    for i in related_blocks(lines):
        kinds[i] = "nav"
    _keep_document_contacts(lines, kinds)
    _mark_headline_lists(lines, kinds)
    return "\n".join(line for line, kind in zip(lines, kinds, strict=True) if not kind)


#: The line naming a document's contact person (联系人：区委社会工作部　晏丽琼, 联 系 人：).
_CONTACT_PERSON = re.compile(r"^\s*联\s*系\s*人\s*[:：]")


def _keep_document_contacts(lines: list[str], kinds: list[str]) -> None:
    """Keep a phone or mail line that goes on from a document's contact person (联系人：…晏丽琼 /
    联系电话：0875-2168347): it is the notice's own contact, not a site's footer hotline (in place)."""
    in_block = False
    for i, line in enumerate(lines):
        if not line.strip():
            continue
        person = bool(_CONTACT_PERSON.match(line))
        if kinds[i] == "contact" and (in_block or person):
            kinds[i] = ""
            in_block = True
        else:
            in_block = person and not kinds[i]


def _mark_headline_lists(lines: list[str], kinds: list[str]) -> None:
    """Mark runs of short lines enclosed by navigation lines as debris (in place).

    A newspaper page lists the headlines of its other articles between its navigation
    elements; such a run (at least two short lines without sentence punctuation, with
    navigation debris right before and after, blank lines aside) is marked ``nav``.

    Args:
        lines: The text lines.
        kinds: Their kinds from :func:`classify_line`, updated in place.
    """
    nonblank = [i for i, line in enumerate(lines) if line.strip()]
    pos = 0
    while pos < len(nonblank):
        if kinds[nonblank[pos]] in _NAV_KINDS:
            end = pos + 1
            while (
                end < len(nonblank) and not kinds[nonblank[end]] and _is_short_headline(lines[nonblank[end]])
            ):
                end += 1
            if end - pos - 1 >= 2 and end < len(nonblank) and kinds[nonblank[end]] in _NAV_KINDS:
                for k in range(pos + 1, end):
                    kinds[nonblank[k]] = "nav"
            pos = end
        else:
            pos += 1


def _is_short_headline(line: str) -> bool:
    """Tell whether a line could be a listed headline (short, no sentence punctuation)."""
    s = line.strip()
    return 0 < len(s) <= _MAX_HEADLINE_LIST_LINE and not re.search(r"[。！？；!?;]", s)
