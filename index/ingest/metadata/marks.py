"""Marks that place an article in its publication: a government document's number (文号,
``宽组通〔2024〕9号``) and the page of a paper it ran on (版次, ``第A04版``).

Both stand in the page around the article — a disclosure block (``文号：…``), a table of fields
(``文号 | …``), a number line under a document's masthead or title, an e-paper's page line
(``第A04版：城区新闻``) or its dateline (``2024年11月27日 星期三 第04版``) — and cleaning often
removes that line as page furniture, so they are read from the page lines like the other
publication facts and keep the line they stand on as evidence. What they look like is data
(``partyqa/data/document_marks.json``; the labels of a document number are the ``number``
fields of ``document_fields.txt``).

The same data file says what places a material or an article in a larger publication without
being its title or outlet: a series line above a material (``某某推进会交流材料（三）``), the
label of an issue's contents list (``【本期导读】``) and a site's channel after its name
(``雪原新闻·哈尔滨频道``).
"""

from __future__ import annotations

import re
from functools import cache

from index.ingest.metadata.page import BODY, PageLine
from partyqa.resources import data_json, data_lines
from partyqa.text.normalize import half_width, normalize

#: A mark is read from a line of its own or a short field line, never from running text.
_MAX_MARK_LINE = 60
#: A number line in the body (under a title) holds little besides the number.
_MAX_BODY_NUMBER_EXTRA = 6
_SENTENCE_END = re.compile(r"[。！？!?；;]\s*$")


@cache
def _marks() -> dict:
    return data_json("document_marks.json")


@cache
def _pattern(name: str) -> re.Pattern:
    """A pattern of ``document_marks.json`` by its name, compiled once."""
    return re.compile(_marks()[name])


def page_label_end(line: str) -> int:
    """Where the paper's page label ``line`` opens with ends (``第05版：乡村振兴`` → 5), or -1 when
    it opens with none."""
    m = _pattern("paper_page").match(line)
    return m.end() if m else -1


def is_page_label(line: str) -> bool:
    """Tell whether a line opens with a paper's page label (``第07版 乡村振兴``, ``A3版　城事``): the
    page's banner, never a story's headline."""
    return page_label_end(normalize(line.strip())) >= 0


def is_kind_label(line: str) -> bool:
    """Tell whether a line only names the kind of material (``经验交流材料``): a label above the headline."""
    return bool(_pattern("kind_label").match(re.sub(r"\s+", "", normalize(line))))


def is_series_line(line: str) -> bool:
    """Tell whether a line names the collection a material is one numbered part of
    (``某某区推进会交流材料（三）``): the line above the material's own headline."""
    return bool(_pattern("series_line").match(normalize(line.strip())))


def is_contents_label(line: str) -> bool:
    """Tell whether a line is the label of an issue's contents list (``【本期导读】``, ``目 录``)."""
    return bool(_pattern("contents_label").match(normalize(line.strip())))


def drop_channel(name: str) -> str:
    """An outlet's name without the channel written after it with a middle dot
    (``雪原新闻·哈尔滨频道`` → ``雪原新闻``); the name unchanged otherwise."""
    simple = _simple(name)
    match = _pattern("channel").search(simple)
    return name[: match.start()] if match and match.start() >= 2 else name


@cache
def _number_label() -> re.Pattern:
    """A document number's field label (``文号：``, ``发文字号 |``, ``文　　号：``) at a field's start."""
    labels = [w for line in data_lines("document_fields.txt") for w, kind in [line.split("\t")] if kind == "number"]
    # a portal may space a label's characters out to align its fields (文　　号：, 发文字号)
    spaced = [r"[\s\u3000]*".join(map(re.escape, label)) for label in sorted(labels, key=len, reverse=True)]
    return re.compile(r"(?:^|(?<=[\s|｜]))(?:" + "|".join(spaced) + r")\s*[:：|｜]?\s*")


def _simple(line: str) -> str:
    """The line in simplified script with half-width letters, digits and brackets (same length)."""
    simple = normalize(line)
    return simple if len(simple) == len(line) else half_width(line)


def _value(line: str, simple: str, match: re.Match, group: int | str = 0) -> str:
    start, end = match.span(group)
    return re.sub(r"\s+", "", (line if len(simple) == len(line) else simple)[start:end])


_CELL_EDGE = re.compile(r"(?:^|[|｜]|\s{2,}|\u3000)\s*$")


def _alone(simple: str, found: re.Match) -> bool:
    """The match fills its line or its table cell (bounded by bars, wide gaps or the line's ends)."""
    after = simple[found.end():]
    return bool(_CELL_EDGE.search(simple[: found.start()])) and bool(_CELL_EDGE.search(after[::-1]))


def document_number(near: list[tuple[PageLine, bool]]) -> tuple[str, str]:
    """The document's number and the line it stands on, or ``("", "")``.

    A number counts after its field label (``文号：宽组通〔2024〕9号``, a table's ``文号 | …``)
    on any header, footer or edge line, or as a line of its own (a table cell of its own) among
    the header lines and the first body lines — the number line under a document's masthead or
    title. A number cited in running text (``根据……（宽组发〔2023〕5号）``) is another
    document's.
    """
    number = _pattern("document_number")
    loose: tuple[str, str] = ("", "")
    for ln, ok in near:
        text = ln.text.strip()
        if not ok or ln.link >= 0.5 or not text or len(text) > _MAX_MARK_LINE * 2:
            continue
        simple = _simple(text)
        for label in _number_label().finditer(simple):
            found = number.match(simple, label.end())
            if found:
                return _value(text, simple, found), text
        if loose[0] or len(text) > _MAX_MARK_LINE or _SENTENCE_END.search(text):
            continue
        for found in number.finditer(simple):
            if not _alone(simple, found):
                continue
            if ln.zone == BODY and len(simple.strip()) - len(found.group()) > _MAX_BODY_NUMBER_EXTRA:
                continue
            loose = (_value(text, simple, found), text)
            break
    return loose


def paper_page(near: list[tuple[PageLine, bool]]) -> tuple[str, str]:
    """The page of the paper the article ran on (``第A04版``) and the line naming it, or ``("", "")``.

    The mark stands in a short header or footer line (or an edge line of the body) that is not
    a link and names one page only: an e-paper's page line (``第A04版：城区新闻``, ``【第3版】``),
    its dateline (``2024年11月27日 星期三 第04版``) or a field (``版次：A3``). A list of pages
    (the page navigation, ``A01版：要闻`` … as links, or several marks on one line) names none.
    Header lines are read first, then the footer, then the body's edges. The evidence is the
    part of the line between wide gaps that holds the mark.
    """
    order = {"header": 0, "footer": 1}
    candidates = sorted((order.get(ln.zone, 2), i) for i, (ln, ok) in enumerate(near) if ok)
    pattern = _pattern("paper_page")
    for _, i in candidates:
        ln = near[i][0]
        text = ln.text.strip()
        if ln.link >= 0.5 or not text or len(text) > _MAX_MARK_LINE or _SENTENCE_END.search(text):
            continue
        simple = _simple(text)
        marks = list(pattern.finditer(simple))
        values = {re.sub(r"^第|版$", "", _value(text, simple, m, "page" if m.group("page") else "labelled"))
                  for m in marks}
        if len(values) != 1:
            continue
        m = marks[0]
        return _value(text, simple, m, "page" if m.group("page") else "labelled"), _segment(text, m.start(), m.end())
    return "", ""


_GAP = re.compile(r"[ \t]{2,}|\u3000+|\s*[|｜]\s*")


def _segment(line: str, start: int, end: int) -> str:
    """The part of ``line`` between wide gaps or bars that holds ``line[start:end]`` (``第05版：要闻``
    of ``第05版：要闻　　返回本期目录``); the line's other parts are navigation or other fields."""
    left = max((g.end() for g in _GAP.finditer(line, 0, start)), default=0)
    right = next((g.start() for g in _GAP.finditer(line, end)), len(line))
    return line[left:right].strip()


__all__ = ["document_number", "drop_channel", "is_contents_label", "is_kind_label", "is_page_label", "is_series_line", "paper_page"]
