"""Turning decoded files into clean article text.

:func:`clean_text` first converts the format to plain text (HTML through the standard
library parser, Markdown by stripping its syntax, plain text by removing stray HTML tags
left over from scraping), then removes web-page debris line by line
(:func:`strip_debris`: page/issue/article navigation, PDF links, print/close buttons,
navigation bars, page labels, image placeholders, editor and attribution lines, date
banners, punctuation-only lines) and finally normalizes the layout: indentation and
trailing spaces are stripped, paragraphs broken in the middle of a sentence by blank
lines are joined, and runs of blank lines are collapsed.

All rules are general patterns; metadata that lives in debris lines (publication date,
source) is extracted from the raw text by :mod:`index.metadata`.
"""

from __future__ import annotations

import html
import re
from html.parser import HTMLParser

# ---------------------------------------------------------------------------------------
# HTML
# ---------------------------------------------------------------------------------------

SKIPPED_TAGS = frozenset(
    "script style nav header footer noscript iframe template svg title head select button textarea".split()  # noqa: SIM905
)
# Tags whose contents are never text, even when page chrome is kept for metadata.
CODE_TAGS = frozenset(
    {"script", "style", "noscript", "template", "svg", "title", "head", "select", "textarea"}
)
# A <form> is dropped unless it holds paragraphs/headings or this much text: ASP.NET
# pages wrap the whole page, article included, in one form.
MAX_DROPPED_FORM_CHARS = 200
CONTENT_TAGS = frozenset(
    {"p", "h1", "h2", "h3", "h4", "h5", "h6", "article", "main", "section", "blockquote"}
)
BLOCK_TAGS = frozenset(
    (  # noqa: SIM905
        "address article aside blockquote br caption dd details "
        "dialog div dl dt fieldset figcaption figure h1 h2 h3 h4 h5 "
        "h6 hr li main ol p pre section summary table tbody td tfoot "
        "th thead tr ul center body html"
    ).split()
)
VOID_TAGS = frozenset("area base br col embed hr img input link meta param source track wbr".split())  # noqa: SIM905
HTML_TAG_NAMES = (
    "a|abbr|acronym|address|area|article|aside|audio|b|base|basefont|bdi|bdo|big|blink|blockquote|body|br|button|"
    "canvas|caption|center|cite|code|col|colgroup|data|datalist|dd|del|details|dfn|dialog|dir|div|dl|dt|em|embed|"
    "fieldset|figcaption|figure|font|footer|form|frame|frameset|h[1-6]|head|header|hgroup|hr|html|i|iframe|img|input|"
    "ins|kbd|label|legend|li|link|main|map|mark|marquee|menu|meta|meter|nav|nobr|noscript|object|ol|optgroup|option|"
    "output|p|param|picture|pre|progress|q|rp|rt|ruby|s|samp|script|section|select|small|source|span|strike|strong|"
    "style|sub|summary|sup|svg|table|tbody|td|template|textarea|tfoot|th|thead|time|title|tr|track|tt|u|ul|var|"
    "video|wbr|xmp"
)
_ATTRIBUTES = r"""(?:\s+[A-Za-z_:@][-\w:.@]*(?:\s*=\s*(?:"[^"]*"|'[^']*'|[^\s"'<>=`]+))?)*"""
_STRAY_TAG = re.compile(
    rf"<(?:{HTML_TAG_NAMES})\b{_ATTRIBUTES}\s*/?>|</(?:{HTML_TAG_NAMES})\s*>", re.IGNORECASE
)
_SCRIPT_BLOCK = re.compile(r"<(script|style|noscript)\b[^>]*>.*?</\1\s*>", re.IGNORECASE | re.DOTALL)
_COMMENT = re.compile(r"<!--.*?-->", re.DOTALL)
_SPACES = re.compile(r"[ \t\r\n\f\v]+")


class _TextExtractor(HTMLParser):
    """Collects the visible text of an HTML document, one block per line.

    Args:
        skipped: Tags whose contents are dropped.
    """

    def __init__(self, skipped: frozenset[str] = SKIPPED_TAGS) -> None:
        super().__init__(convert_charrefs=True)
        self.skipped = skipped
        self.meta: dict[str, str] = {}
        self.parts: list[str] = []
        self.title_parts: list[str] = []
        self.headings: list[str] = []
        self._skip: list[str] = []
        self._in_title = False
        self._pre = 0
        self._heading: list[str] | None = None
        self._forms: list[list] = []  # [start index in parts, holds content tags]

    def handle_starttag(self, tag: str, attrs: list) -> None:
        """Track skipped regions, forms, ``<pre>``, headings and block boundaries."""
        if tag == "title":
            self._in_title = True
        if tag == "body":
            self._skip = [t for t in self._skip if t not in ("head", "title")]
        if tag == "form" and not self._skip:
            self._forms.append([len(self.parts), False])
        if tag in CONTENT_TAGS and not self._skip:
            for form in self._forms:
                form[1] = True
        if tag == "meta":
            self._record_meta(dict(attrs))
        if tag in self.skipped and tag not in VOID_TAGS:
            self._skip.append(tag)
        if tag == "pre":
            self._pre += 1
        if tag in ("h1", "h2", "h3") and not self._skip:
            self._heading = []
        if tag in BLOCK_TAGS:
            self.parts.append("\n")

    def handle_startendtag(self, tag: str, attrs: list) -> None:
        """Treat ``<br/>`` and other self-closing block tags as line breaks."""
        if tag == "meta":
            self._record_meta(dict(attrs))
        if tag in BLOCK_TAGS:
            self.parts.append("\n")

    def _record_meta(self, attrs: dict) -> None:
        """Keep ``<meta name|property=… content=…>`` pairs (lower-case names)."""
        name = attrs.get("name") or attrs.get("property") or attrs.get("itemprop")
        if name and attrs.get("content"):
            self.meta[name.strip().lower()] = attrs["content"].strip()

    def handle_endtag(self, tag: str) -> None:
        """Close skipped regions, forms, ``<pre>`` and headings."""
        if tag == "title":
            self._in_title = False
        if tag == "form" and self._forms and not self._skip:
            start, has_content = self._forms.pop()
            if (
                "nav" in self.skipped
                and not has_content
                and len(_SPACES.sub("", "".join(self.parts[start:]))) < MAX_DROPPED_FORM_CHARS
            ):
                del self.parts[start:]
        if tag in self._skip:
            while self._skip and self._skip.pop() != tag:
                pass
        if tag == "pre" and self._pre:
            self._pre -= 1
        if tag in ("h1", "h2", "h3") and self._heading is not None:
            heading = _SPACES.sub(" ", "".join(self._heading)).strip()
            if heading:
                self.headings.append(heading)
            self._heading = None
        if tag in BLOCK_TAGS:
            self.parts.append("\n")

    def handle_data(self, data: str) -> None:
        """Keep text outside skipped regions; collapse whitespace outside ``<pre>``."""
        if self._in_title:
            self.title_parts.append(data)
        if self._skip:
            return
        text = data if self._pre else _SPACES.sub(" ", data)
        self.parts.append(text)
        if self._heading is not None:
            self._heading.append(data)


def _parse_html(raw: str, skipped: frozenset[str] = SKIPPED_TAGS) -> _TextExtractor:
    """Run the extractor over ``raw``.

    Args:
        raw: An HTML document.
        skipped: Tags whose contents are dropped.

    Returns:
        The extractor holding text parts, title, headings and meta tags.
    """
    parser = _TextExtractor(skipped)
    parser.feed(raw)
    parser.close()
    return parser


def html_to_text(raw: str, keep_chrome: bool = False) -> str:
    """Extract the visible text of an HTML document.

    Contents of script, style, nav, header, footer, noscript, iframe, title and of forms
    without paragraphs or headings (search boxes; not a form wrapping the whole page)
    are dropped, block elements become line breaks and entities are unescaped.

    Args:
        raw: An HTML document.
        keep_chrome: Keep nav, header, footer and form text (where metadata such as the
            publisher or date may be); only script, style and the like are dropped.

    Returns:
        Plain text, one block per line (not yet cleaned of debris).
    """
    return "".join(_parse_html(raw, CODE_TAGS if keep_chrome else SKIPPED_TAGS).parts)


def html_meta(raw: str) -> dict[str, str]:
    """Return the ``<meta>`` name/property → content pairs of an HTML document.

    Args:
        raw: An HTML document.

    Returns:
        The pairs, names in lower case.
    """
    return _parse_html(raw).meta


def html_title(raw: str) -> str:
    """Return the text of an HTML document's ``<title>``.

    Args:
        raw: An HTML document.

    Returns:
        The title with whitespace collapsed, or "" if there is none.
    """
    return _SPACES.sub(" ", "".join(_parse_html(raw).title_parts)).strip()


def html_headings(raw: str) -> list[str]:
    """Return the texts of the ``<h1>``–``<h3>`` headings outside skipped regions.

    Args:
        raw: An HTML document.

    Returns:
        The headings in document order.
    """
    return _parse_html(raw).headings


def has_html_tags(text: str) -> bool:
    """Tell whether ``text`` contains HTML tags (known element names only).

    Args:
        text: Any text.

    Returns:
        True if at least one HTML start or end tag occurs.
    """
    return bool(_STRAY_TAG.search(text))


def strip_tags(text: str) -> str:
    """Remove stray HTML tags, comments and script/style blocks from plain text.

    Line structure is kept (a text file is not reflowed like HTML); entities are
    unescaped.

    Args:
        text: Plain text that contains HTML debris.

    Returns:
        The text without tags.
    """
    text = _COMMENT.sub("", text)
    text = _SCRIPT_BLOCK.sub("", text)
    text = _STRAY_TAG.sub("", text)
    return html.unescape(text)


# ---------------------------------------------------------------------------------------
# Markdown
# ---------------------------------------------------------------------------------------

_MD_FRONT_MATTER = re.compile(r"\A---[ \t]*\n.*?\n(?:---|\.\.\.)[ \t]*\n", re.DOTALL)
_MD_FENCE = re.compile(r"^[ \t]*(?:```|~~~).*$", re.MULTILINE)
_MD_HEADING = re.compile(r"^[ \t]{0,3}#{1,6}[ \t]+(.*?)[ \t]*#*[ \t]*$", re.MULTILINE)
_MD_RULE = re.compile(r"^[ \t]*(?:[-=*_][ \t]*){3,}$", re.MULTILINE)
_MD_QUOTE = re.compile(r"^[ \t]*(?:>[ \t]?)+", re.MULTILINE)
_MD_BULLET = re.compile(r"^([ \t]*)(?:[-*+]|\d{1,3}[.)])[ \t]+", re.MULTILINE)
_MD_IMAGE = re.compile(r"!\[[^\]]*\]\([^)]*\)|!\[[^\]]*\]\[[^\]]*\]")
_MD_LINK = re.compile(r"\[([^\]]+)\]\([^)]*\)|\[([^\]]+)\]\[[^\]]*\]")
_MD_REF_DEF = re.compile(r"^[ \t]*\[[^\]]+\]:[ \t]*\S+.*$", re.MULTILINE)
_MD_AUTOLINK = re.compile(r"<((?:https?|ftp|mailto):[^>\s]+)>")
_MD_TABLE_RULE = re.compile(
    r"^[ \t]*\|?[ \t]*:?-{3,}:?[ \t]*(?:\|[ \t]*:?-{3,}:?[ \t]*)*\|?[ \t]*(?:\n|$)", re.MULTILINE
)
_MD_TABLE_ROW = re.compile(r"^[ \t]*\|(.*)\|[ \t]*$", re.MULTILINE)
_MD_EMPHASIS = (
    re.compile(r"\*\*(.+?)\*\*"),
    re.compile(r"__(.+?)__"),
    re.compile(r"~~(.+?)~~"),
    re.compile(r"\*(?!\s)(.+?)(?<!\s)\*"),
    re.compile(r"(?<![A-Za-z0-9])_(?!\s)(.+?)(?<!\s)_(?![A-Za-z0-9])"),
    re.compile(r"`([^`\n]*)`"),
)


def strip_markdown(text: str) -> str:
    """Remove Markdown syntax, keeping the text.

    Headings lose their ``#``, emphasis and inline code their markers, links become their
    text, images, reference definitions, rules, code-fence lines and front matter are
    dropped, list bullets and quote markers are removed and table rows become their cells
    separated by spaces.

    Args:
        text: Markdown source.

    Returns:
        Plain text with one line per source line.
    """
    text = _MD_FRONT_MATTER.sub("", text)
    text = _MD_FENCE.sub("", text)
    text = _MD_TABLE_RULE.sub("", text)
    text = _MD_TABLE_ROW.sub(lambda m: "  ".join(c.strip() for c in m.group(1).split("|")), text)
    text = _MD_HEADING.sub(r"\1", text)
    text = _MD_RULE.sub("", text)
    text = _MD_QUOTE.sub("", text)
    text = _MD_BULLET.sub(r"\1", text)
    text = _MD_REF_DEF.sub("", text)
    text = _MD_IMAGE.sub("", text)
    text = _MD_LINK.sub(lambda m: m.group(1) or m.group(2), text)
    text = _MD_AUTOLINK.sub(r"\1", text)
    for pattern in _MD_EMPHASIS:
        text = pattern.sub(r"\1", text)
    if has_html_tags(text):
        text = strip_tags(text)
    return text


# ---------------------------------------------------------------------------------------
# Debris
# ---------------------------------------------------------------------------------------

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
        placeholders, punctuation-only lines).
    """
    s = line.strip().replace("\u3000", " ").replace("\xa0", " ")
    if not s:
        return ""
    if not _HAS_WORD.search(s):
        return "junk"
    if _IMAGE_PLACEHOLDER.match(s):
        return "junk"
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
    r"^(?:(?:信息|文章|稿件|新闻|新聞)(?:来源|來源)|(?:发布|發布|发表|發表)(?:日期|时间|時間))\s*[:：]\s*(\S.*)$"
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
    lines = text.split("\n")
    kinds = [classify_line(line) for line in lines]
    _mark_headline_lists(lines, kinds)
    return "\n".join(line for line, kind in zip(lines, kinds, strict=True) if not kind)


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


# ---------------------------------------------------------------------------------------
# Layout
# ---------------------------------------------------------------------------------------

TERMINAL_PUNCTUATION = '。！？；：…”」』!?;:"）)'
_CLAUSE_PUNCTUATION = re.compile(r"[，,、。；;：:！？!?]")
_HEADING_MARKER = re.compile(
    r"^(?:\d{1,2}[\s、.．]|[一二三四五六七八九十]+[、.．]|[（(][一二三四五六七八九十\d]+[)）]|第[一二三四五六七八九十\d]+[章节節部条條])"
)
_INDENT = " \t\u3000\xa0\u2002\u2003\ufeff"
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f\ufeff]")
_MAX_HEADING = 40
_MIN_BROKEN_LINE = 40
_MAX_CONTINUATION_HEAD = 4


def _strip_lines(text: str) -> str:
    """Strip indentation (ASCII and ideographic spaces) and trailing whitespace per line."""
    return "\n".join(line.strip(_INDENT).rstrip() for line in text.split("\n"))


def _is_heading_like(line: str) -> bool:
    """Tell whether a line looks like a heading: short, without sentence punctuation at the end.

    Args:
        line: A stripped line.

    Returns:
        True for short lines that do not end or contain a full stop.
    """
    return len(line) <= _MAX_HEADING and not line.endswith(tuple(TERMINAL_PUNCTUATION)) and "。" not in line


def _should_join(first: str, second: str) -> bool:
    """Decide whether two lines separated by blank lines are one broken sentence.

    The first line must not end with sentence punctuation and must look like running
    text (long, with punctuation inside), or be shorter but with clause punctuation
    while the second continues with a very short clause (``服务群`` / ``众。为确保…``).
    The second line must not look like a heading.

    Args:
        first: The line before the blank lines (stripped).
        second: The line after them (stripped).

    Returns:
        True if the lines should be joined without a break.
    """
    if not first or not second or first.endswith(tuple(TERMINAL_PUNCTUATION)):
        return False
    if _is_heading_like(second) or _HEADING_MARKER.match(second):
        return False
    if len(first) >= _MIN_BROKEN_LINE and _CLAUSE_PUNCTUATION.search(first):
        return True
    head = _CLAUSE_PUNCTUATION.split(second, maxsplit=1)[0]
    return (
        bool(re.search(r"[，,、]", first)) and len(second) > len(head) and len(head) <= _MAX_CONTINUATION_HEAD
    )


def join_broken_paragraphs(text: str) -> str:
    """Join paragraphs that were broken in the middle of a sentence by blank lines.

    Args:
        text: Text with stripped lines.

    Returns:
        The text with such breaks removed (``大会精\\n\\n神`` → ``大会精神``).
    """
    out: list[str] = []
    for line in text.split("\n"):
        if line and out and not out[-1]:
            k = len(out) - 1
            while k >= 0 and not out[k]:
                k -= 1
            if k >= 0 and _should_join(out[k], line):
                del out[k + 1 :]
                out[k] = _concat(out[k], line)
                continue
        out.append(line)
    return "\n".join(out)


def _concat(first: str, second: str) -> str:
    """Join two parts of a broken sentence, with a space only between two Latin words."""
    latin = first[-1].isascii() and first[-1].isalpha() and second[0].isascii() and second[0].isalpha()
    return first + (" " if latin else "") + second


def _collapse_blank_lines(text: str) -> str:
    """Collapse runs of blank lines to a single blank line and trim the ends."""
    return re.sub(r"\n{3,}", "\n\n", text).strip("\n")


def normalize_newlines(text: str) -> str:
    """Convert CR/CRLF line ends to LF and drop control characters and BOMs.

    Args:
        text: Decoded text.

    Returns:
        The text with ``\\n`` line ends only.
    """
    text = text.replace("\r\n", "\n").replace("\r", "\n").replace("\u2028", "\n").replace("\u2029", "\n")
    return _CONTROL.sub("", text)


def to_plain_text(raw: str, suffix: str, keep_chrome: bool = False) -> str:
    """Convert a decoded file to plain text according to its format.

    Args:
        raw: The decoded file content.
        suffix: The file suffix (``.html``, ``.md``, ``.txt`` …), any case.
        keep_chrome: For HTML, keep navigation, header and footer text (for metadata).

    Returns:
        Plain text with HTML/Markdown syntax removed, not yet cleaned of debris.
    """
    text = normalize_newlines(raw)
    suffix = suffix.lower()
    if suffix in (".html", ".htm"):
        return html_to_text(text, keep_chrome=keep_chrome)
    if suffix in (".md", ".markdown"):
        return strip_markdown(text)
    if has_html_tags(text):
        return strip_tags(text)
    return text


def clean_text(raw: str, suffix: str) -> str:
    """Turn a decoded file into clean article text.

    Args:
        raw: The decoded file content.
        suffix: The file suffix, which selects HTML, Markdown or plain-text handling.

    Returns:
        The article text: one paragraph per line, debris removed, paragraphs separated
        by at most one blank line. Empty if nothing is left.
    """
    text = _strip_lines(to_plain_text(raw, suffix))
    text = strip_debris(text)
    text = join_broken_paragraphs(text)
    return _collapse_blank_lines(text)
