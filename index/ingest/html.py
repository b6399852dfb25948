"""HTML to plain text with the standard library parser: visible text, one block per line."""

from __future__ import annotations

import html
import re
from html.parser import HTMLParser

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
