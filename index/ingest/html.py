"""HTML to text lines with lxml (libxml2's HTML parser: linear in the input, tolerant of broken markup).

:func:`parse_html` turns a page into :class:`HtmlPage`: its ``<title>``, ``<meta>`` pairs,
headings and visible text lines (one per block element or ``<br>``). Each line knows whether
it lies in page chrome (``nav``/``header``/``footer``/``aside``, search forms) and whether it
lies in the page's main content: the smallest element that holds most of the page's running
text (see :func:`_content_root`). Stray tags in plain text are removed by :func:`strip_tags`,
a single linear scan.

Longer than most modules (about 400 lines): one linear pass over the parsed tree yields lines,
zones and the main-content root; the helpers of that pass stay next to it.
"""

from __future__ import annotations

import html as _html
import re
from dataclasses import dataclass, field
from functools import cache

from index.ingest.office import CELL_SEPARATOR

CODE_TAGS = frozenset({"script", "style", "noscript", "template", "svg", "head", "title", "select", "textarea",
                       "button", "iframe", "object", "embed", "audio", "video", "canvas", "map"})
CHROME_TAGS = frozenset({"nav", "header", "footer", "aside", "form", "menu"})
BLOCK_TAGS = frozenset(
    (  # noqa: SIM905
        "address article aside blockquote br caption center dd details dialog div dl dt fieldset figcaption "
        "figure footer form h1 h2 h3 h4 h5 h6 header hr li main nav ol p pre section summary table tbody td "
        "tfoot th thead tr ul body html menu"
    ).split()
)
HEADING_TAGS = {"h1": 1, "h2": 2, "h3": 3, "h4": 4, "h5": 5, "h6": 6}
# A form holding paragraphs or headings is page layout (ASP.NET wraps whole pages in one), not chrome.
_LAYOUT_FORM_TAGS = frozenset({"p", "h1", "h2", "h3", "article", "main"})
_MAX_CHROME_FORM_CHARS = 200
_HEADINGS_BEFORE_MAIN = 8
# The content root is a container: the search never descends into a single paragraph.
_PARAGRAPH_TAGS = frozenset({"p", "h1", "h2", "h3", "h4", "h5", "h6", "li", "pre", "blockquote", "dd", "dt",
                             "figcaption", "caption", "span", "font", "strong", "b", "a"})
_WS = re.compile(r"[ \t\r\n\f\v\xa0]+")
_NL = "\x00"  # marks a whitespace run that held a line break (dropped between two CJK characters)
_CJK_CHAR = r"[\u2e80-\u9fff\uf900-\ufaff\u3000-\u303f\uff00-\uffef“”‘’]"
_NL_BETWEEN_CJK = re.compile(rf"(?<={_CJK_CHAR}){_NL}(?={_CJK_CHAR})")
_RUNNING_TEXT = re.compile(r"[，。；！？,;]")
_MIN_RUNNING = 30
_CONTENT_SHARE = 0.8
#: A line opening with a field's label (索 引 号：, 发布机构:), spaces allowed inside the label.
_FIELD_OPENING = re.compile(r"^\s*([^\s：:\d][^：:\d]{0,9}?)\s*[：:]\s*")
#: A disclosure block has at least this many document fields (索引号 and 发布机构 …).
_MIN_FIELD_BLOCK = 2


@dataclass
class HtmlLine:
    """One visible line of a page.

    Attributes:
        text: The text, whitespace collapsed (not stripped of debris).
        chrome: It lies in navigation, header, footer, aside or a search form.
        main: It lies in the main content element.
        heading: 1–6 for ``<h1>``–``<h6>``, else 0.
        link: Share of its characters inside links.
        css_class: The ``class``/``id`` of its block element and ancestors (lower case, for hints).
    """

    text: str
    chrome: bool = False
    main: bool = False
    heading: int = 0
    link: float = 0.0
    css_class: str = ""


@dataclass
class HtmlPage:
    """What a page says: title, meta pairs, headings and lines in document order."""

    title: str = ""
    meta: dict[str, str] = field(default_factory=dict)
    lines: list[HtmlLine] = field(default_factory=list)

    @property
    def headings(self) -> list[str]:
        """Texts of the ``<h1>``–``<h3>`` outside chrome, in order."""
        return [ln.text for ln in self.lines if 0 < ln.heading <= 3 and not ln.chrome]

    def text(self, keep_chrome: bool = False, main_only: bool = False) -> str:
        """The page as plain text, one line per block.

        Args:
            keep_chrome: Keep navigation, header and footer lines.
            main_only: Keep only the lines of the main content element, and the headings
                (outside chrome and link lists) right before it: the headline.
        """
        first = next((i for i, ln in enumerate(self.lines) if ln.main), len(self.lines))
        before = {i for i in range(max(0, first - _HEADINGS_BEFORE_MAIN), first)
                  if 0 < self.lines[i].heading <= 3 and not self.lines[i].chrome and self.lines[i].link < 0.5}
        text = "\n".join(
            ln.text for i, ln in enumerate(self.lines)
            if (keep_chrome or not ln.chrome) and (not main_only or ln.main or i in before)
        )
        fields = [f for f in _field_block(self.lines[:first]).values() if f] if main_only else []
        # a disclosure block outside the main content goes after the article, where it leaves
        # the article's passages as they were
        return text + "\n\n" + "\n".join(fields) if fields else text


def _field_label(text: str) -> str:
    """The document field a line opens with (``索 引 号：…``, ``发布机构：``), spaces inside the
    label ignored, or "" (labels of ``document_fields.txt``: 索引号, 发布机构, 成文日期, 文号 …)."""
    from index.ingest.metadata.publisher import document_fields

    m = _FIELD_OPENING.match(text)
    label = _WS.sub("", m.group(1)).replace("\u3000", "") if m else ""
    return label if label in document_fields() else ""


def _field_block(lines: list[HtmlLine]) -> dict[int, str]:
    """The lines of a government page's disclosure block that stands outside the main content
    (索引号 / 发布机构 / 成文日期 … read cell by cell), each written ``label：value`` on the label's
    line (the value's own line maps to ""); empty when fewer than two document fields are found.
    Kept with the article (:meth:`HtmlPage.text`): they answer questions about the document
    (发布机构是哪个单位)."""
    out: dict[int, str] = {}
    for i, line in enumerate(lines):
        if line.chrome or line.link >= 0.5 or i in out:
            continue
        label = _field_label(line.text)
        if not label:
            continue
        value = _FIELD_OPENING.sub("", line.text, count=1).strip()
        if not value and i + 1 < len(lines) and not lines[i + 1].chrome and not _field_label(lines[i + 1].text):
            value = lines[i + 1].text.strip()
            out[i + 1] = ""  # the value's cell, now on the label's line
        out[i] = f"{label}：{value}" if value else ""  # an empty field (文号：) says nothing
    return out if sum(1 for v in out.values() if v) >= _MIN_FIELD_BLOCK else {}


def _document(raw: str):
    """Parse ``raw`` into an lxml document; ``None`` when it holds no element or nests too deep.

    libxml2 stops at 2048 levels of nesting and drops the rest of the page; such a page is
    read as text instead (:func:`parse_html` falls back to :func:`strip_tags`).
    """
    import lxml.etree
    import lxml.html

    # huge_tree lifts libxml2's nesting limit (256), which otherwise drops the rest of a page
    # after a run of unclosed tags; every walk below is linear whatever the depth.
    parser = lxml.html.HTMLParser(encoding="utf-8", remove_comments=True, remove_pis=True, recover=True,
                                  huge_tree=True)
    data = raw.encode("utf-8", "surrogatepass")
    try:
        doc = lxml.html.document_fromstring(data, parser=parser)
    except (lxml.etree.ParserError, ValueError):
        return None
    if any(error.type_name == "ERR_RESOURCE_LIMIT" for error in parser.error_log):
        return None
    return doc


class _LineBuilder:
    """Collects text parts into lines while the tree is walked."""

    def __init__(self) -> None:
        self.lines: list[tuple[HtmlLine, object]] = []
        self._parts: list[str] = []
        self._link_chars = 0
        self._owner = None
        self._flags: tuple[bool, int, str] = (False, 0, "")

    def add(self, text: str, owner, chrome: bool, heading: int, hint: str, in_link: bool, pre: bool) -> None:
        if not text:
            return
        if not self._parts:
            self._owner, self._flags = owner, (chrome, heading, hint)
        if not pre:
            # A line break inside one text node between two CJK characters is source wrapping
            # (Word's web export wraps there); whitespace between elements separates them.
            text = " " if not text.strip() else _WS.sub(lambda m: _NL if "\n" in m.group() else " ", text)
        self._parts.append(text)
        if in_link:
            self._link_chars += len(text.strip())

    def flush(self) -> None:
        if not self._parts:
            return
        text = _NL_BETWEEN_CJK.sub("", "".join(self._parts)).replace(_NL, " ")
        text = _WS.sub(" ", text).strip() if "\n" not in text else text.strip("\n")
        if text.strip():
            chrome, heading, hint = self._flags
            link = min(1.0, self._link_chars / max(len(text.replace(" ", "")), 1))
            self.lines.append((HtmlLine(text, chrome, False, heading, link, hint), self._owner))
        self._parts, self._link_chars, self._owner = [], 0, None


def parse_html(raw: str) -> HtmlPage:
    """Parse a page into title, meta pairs and visible lines (see module doc).

    Args:
        raw: The decoded HTML document.

    Returns:
        The page; empty when nothing could be parsed.
    """
    import lxml.etree

    doc = _document(raw)
    page = HtmlPage()
    if doc is None:
        text = strip_tags(raw)
        page.lines = [HtmlLine(_WS.sub(" ", line).strip()) for line in text.split("\n") if line.strip()]
        return page
    builder = _LineBuilder()
    skip = chrome = links = pre = forms = 0
    heading: list[int] = []
    hints: list[str] = []
    owners: list[object] = []
    chrome_stack: list[bool] = []
    rows: set = set()
    for event, el in lxml.etree.iterwalk(doc, events=("start", "end")):
        tag = el.tag if isinstance(el.tag, str) else ""
        tag = tag.rsplit(":", 1)[-1].lower() if tag else ""
        if event == "start":
            if tag == "meta":
                _record_meta(page.meta, el)
            if tag == "title" and not page.title:
                page.title = _WS.sub(" ", el.text_content()).strip()
            if tag in BLOCK_TAGS:
                builder.flush()
            # only the outermost form is examined (nested forms would make this quadratic)
            is_chrome = tag in CHROME_TAGS and not (tag == "form" and (forms or _is_layout_form(el)))
            forms += tag == "form"
            chrome_stack.append(is_chrome)
            skip += tag in CODE_TAGS
            chrome += is_chrome
            links += tag == "a"
            pre += tag == "pre"
            heading.append(HEADING_TAGS.get(tag, heading[-1] if heading else 0))
            hints.append(((el.get("class") or "") + " " + (el.get("id") or "")).strip().lower() if tag else "")
            owners.append(el if tag in BLOCK_TAGS else (owners[-1] if owners else el))
            row = _data_row(el) if tag == "tr" and not skip else None
            if row is not None:
                # a row of short cells (a 公示 list, a statistics table) is one line, cells parted
                # by " | " as Word and PDF tables are read; its cells are not walked again
                builder.add(row, el, chrome > 0, heading[-1], " ".join(h for h in hints if h), links > 0, True)
                builder.flush()
                rows.add(el)
                skip += 1
            if not skip and el.text and tag:
                builder.add(el.text, owners[-1], chrome > 0, heading[-1], " ".join(h for h in hints if h),
                            links > 0, pre > 0)
        else:
            if tag in BLOCK_TAGS:
                builder.flush()
            is_chrome = chrome_stack.pop()
            forms -= tag == "form"
            skip -= tag in CODE_TAGS
            if el in rows:
                skip -= 1
            chrome -= is_chrome
            links -= tag == "a"
            pre -= tag == "pre"
            heading.pop()
            hints.pop()
            owners.pop()
            if not skip and el.tail:
                builder.add(el.tail, owners[-1] if owners else None, chrome > 0, heading[-1] if heading else 0,
                            " ".join(h for h in hints if h), links > 0, pre > 0)
    builder.flush()
    root = _content_root(doc, builder.lines)
    inside = set(root.iter()) if root is not None else set()
    for line, owner in builder.lines:
        line.main = owner in inside
        page.lines.append(line)
    return page


#: A data table's cell: short text and no block inside (a layout table's cells hold paragraphs).
_MAX_CELL_CHARS = 40
_CELL_BLOCKS = frozenset(BLOCK_TAGS - {"td", "th"})
#: A cell holding a labelled field: a short label, then a colon.
_LABELLED_CELL = re.compile(r"^[^：:\d]{1,8}[：:]")


@cache
def _field_labels() -> frozenset[str]:
    """The labels of a page's or a document's fields (来源, 发布机构, 成文日期 …)."""
    from index.ingest.metadata.publisher import document_fields
    from partyqa.resources import data_lines
    return frozenset(data_lines("meta_labels.txt")) | frozenset(document_fields())


def _data_row(tr) -> str | None:
    """The cells of a table row read as one line (``1 | 乔文静 | 女 | 汉族``), or None when the row
    is layout: fewer than two cells, a cell over ``_MAX_CELL_CHARS`` characters, or a block (a
    paragraph, a line break, a nested table) inside a cell."""
    cells = [c for c in tr if isinstance(c.tag, str) and c.tag.lower() in ("td", "th")]
    if len(cells) < 2 or len(cells) != len([c for c in tr if isinstance(c.tag, str)]):
        return None
    texts = []
    labels = _field_labels()
    for cell in cells:
        if any(isinstance(d.tag, str) and d.tag.lower() in _CELL_BLOCKS for d in cell.iterdescendants()):
            return None
        text = _WS.sub(" ", cell.text_content()).strip()
        if len(text) > _MAX_CELL_CHARS or text.rstrip("：: ") in labels or _LABELLED_CELL.match(text):
            return None  # a field (发布机构, 成文日期：2024…, 签发：周卫东): a block of fields, read cell by cell
        texts.append(text)
    if sum(1 for t in texts if t) < 2:
        return None
    return CELL_SEPARATOR.join(texts)


def _is_layout_form(el) -> bool:
    """Tell whether a ``<form>`` holds article structure or much text (then it is layout, not chrome)."""
    if any(isinstance(d.tag, str) and d.tag.lower() in _LAYOUT_FORM_TAGS for d in el.iterdescendants()):
        return True
    return len(_WS.sub("", el.text_content())) >= _MAX_CHROME_FORM_CHARS


def _record_meta(meta: dict[str, str], el) -> None:
    """Keep ``<meta name|property|itemprop=… content=…>`` (names lower case, first one wins)."""
    name = el.get("name") or el.get("property") or el.get("itemprop")
    content = el.get("content")
    if name and content and content.strip():
        meta.setdefault(name.strip().lower(), content.strip())


def is_running_text(text: str) -> bool:
    """Tell whether a line is running article text (long, with clause or sentence punctuation)."""
    return len(text) >= _MIN_RUNNING and bool(_RUNNING_TEXT.search(text))


def _content_root(doc, lines: list[tuple[HtmlLine, object]]):
    """The smallest element holding ≥ 80 % of the page's running text outside chrome and links.

    Running text is a line of ≥ 30 characters with clause or sentence punctuation whose
    characters are mostly not link text. Found by descending from the root while one child
    element holds the share: linear in the number of lines times the depth.
    """
    weight: dict[object, int] = {}
    total = 0
    for line, owner in lines:
        if owner is None or line.chrome or line.link > 0.5 or not is_running_text(line.text):
            continue
        weight[owner] = weight.get(owner, 0) + len(line.text)
        total += len(line.text)
    if not total:
        return None
    for el in reversed(list(doc.iter())):  # descendants before ancestors: one bottom-up pass
        parent = el.getparent()
        if parent is not None and el in weight:
            weight[parent] = weight.get(parent, 0) + weight[el]
    node = doc
    while True:
        best = max((c for c in node if c in weight), key=lambda c: weight[c], default=None)
        if best is None or weight[best] < _CONTENT_SHARE * total or _tag(best) in _PARAGRAPH_TAGS:
            return node
        node = best


def _tag(el) -> str:
    """Lower-case local tag name of an element ("" for comments and the like)."""
    return el.tag.rsplit(":", 1)[-1].lower() if isinstance(el.tag, str) else ""


def html_to_text(raw: str, keep_chrome: bool = False) -> str:
    """Extract the visible text of an HTML document, one block per line.

    Args:
        raw: An HTML document.
        keep_chrome: Keep nav, header, footer and form text (where metadata may be).

    Returns:
        Plain text (not yet cleaned of debris).
    """
    return parse_html(raw).text(keep_chrome=keep_chrome)


def html_meta(raw: str) -> dict[str, str]:
    """Return the ``<meta>`` name/property → content pairs of an HTML document (names lower case)."""
    return parse_html(raw).meta


def html_title(raw: str) -> str:
    """Return the text of an HTML document's ``<title>``, whitespace collapsed."""
    return parse_html(raw).title


def html_headings(raw: str) -> list[str]:
    """Return the texts of the ``<h1>``–``<h3>`` headings outside chrome, in order."""
    return parse_html(raw).headings


# ---------------------------------------------------------------------- stray tags in plain text
HTML_TAG_NAMES = frozenset(
    (  # noqa: SIM905
        "a abbr acronym address area article aside audio b base basefont bdi bdo big blink blockquote body br "
        "button canvas caption center cite code col colgroup data datalist dd del details dfn dialog dir div dl "
        "dt em embed fieldset figcaption figure font footer form frame frameset h1 h2 h3 h4 h5 h6 head header "
        "hgroup hr html i iframe img input ins kbd label legend li link main map mark marquee menu meta meter "
        "nav nobr noscript object ol optgroup option output p param picture pre progress q rp rt ruby s samp "
        "script section select small source span strike strong style sub summary sup svg table tbody td "
        "template textarea tfoot th thead time title tr track tt u ul var video wbr xmp"
    ).split()
)
_TAG_START = re.compile(r"<(/?)([A-Za-z][A-Za-z0-9]{0,9})(?=[\s/>])")
_TAG_END = re.compile(r"[<>]")
_RAW_BLOCKS = {"script": re.compile(r"</script\s*>", re.I), "style": re.compile(r"</style\s*>", re.I),
               "noscript": re.compile(r"</noscript\s*>", re.I)}
_MAX_TAG = 2000
_ATTRIBUTES = re.compile(r"""(?:\s+[A-Za-z_:@][-\w:.@]*(?:\s*=\s*(?:"[^"]*"|'[^']*'|[^\s"'<>=`]+))?)*\s*/?""")


def has_html_tags(text: str) -> bool:
    """Tell whether ``text`` contains a start or end tag of a known HTML element."""
    return any(m.group(2).lower() in HTML_TAG_NAMES and _tag_close(text, m.end()) >= 0
               for m in _TAG_START.finditer(text))


def _tag_close(text: str, pos: int) -> int:
    """Offset just after the ``>`` closing a tag whose name ends at ``pos``; -1 if none.

    The part between the name and ``>`` must be well-formed attributes (``a<b 且 c>d`` is
    text); the search stops at the next ``<``, so repeated ``<a `` stays linear.
    """
    m = _TAG_END.search(text, pos, pos + _MAX_TAG)
    if not m or m.group() != ">" or not _ATTRIBUTES.fullmatch(text, pos, m.start()):
        return -1
    return m.end()


def strip_tags(text: str) -> str:
    """Remove stray HTML tags, comments and script/style blocks from plain text, in one linear scan.

    Line structure is kept (a text file is not reflowed like HTML); entities are unescaped.
    An unclosed comment or script block is left as text (there is nothing after it to find),
    so repeated ``<!--`` or ``<script>`` never make the scan quadratic: every search starts
    where the previous one ended, and a failed search for a closing mark ends that kind of
    search for the rest of the text.

    Args:
        text: Plain text that contains HTML debris.

    Returns:
        The text without tags.
    """
    out: list[str] = []
    pos = 0
    no_close: set[str] = set()
    while True:
        lt = text.find("<", pos)
        if lt < 0:
            break
        out.append(text[pos:lt])
        end, _ = _markup_end(text, lt, no_close)
        if end < 0:
            out.append("<")
            pos = lt + 1
            continue
        pos = end
    out.append(text[pos:])
    return _html.unescape("".join(out))


def _markup_end(text: str, lt: int, no_close: set[str]) -> tuple[int, str]:
    """Where the comment, raw block or tag starting at ``lt`` ends, or ``(-1, "")`` if it is not markup."""
    if text.startswith("<!--", lt):
        if "comment" in no_close:
            return -1, ""
        close = text.find("-->", lt + 4)
        if close < 0:
            no_close.add("comment")
            return -1, ""
        return close + 3, "block"
    m = _TAG_START.match(text, lt)
    if not m or m.group(2).lower() not in HTML_TAG_NAMES:
        return -1, ""
    end = _tag_close(text, m.end())
    if end < 0:
        return -1, ""
    name = m.group(2).lower()
    if not m.group(1) and name in _RAW_BLOCKS and name not in no_close:
        close = _RAW_BLOCKS[name].search(text, end)
        if close is None:
            no_close.add(name)
            return end, "tag"
        return close.end(), "block"
    return end, "tag"
