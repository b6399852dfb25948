"""Reading order of a page from positioned characters (PDF text layer) or OCR boxes.

Characters chain into lines (a gap wider than one em or a different baseline ends a line, and
so does crossing the left edge where the next column's lines start, so the columns of a page
never mix even where punctuation hangs into a narrow gutter), lines of one column and font
size merge into blocks (paragraphs), and blocks are ordered with Breuel's two rules (2003): a
block precedes another below it that it overlaps horizontally, and a block entirely left of
another precedes it unless a block between them vertically spans both (a full-width headline
between two column sections) or the other sits above the whole column (a centred byline).
:func:`split_articles` cuts a newspaper page into articles at its headlines (blocks set
clearly larger than the body text; stacked headline lines are one headline, and a large line
heading no body, such as a section name or an advert, is page furniture: above the first
headline it joins the page header, below it every article's end). Coordinates: origin
top-left, y downwards; every threshold is relative to the font size, so PDF points and OCR
pixels work alike.
"""

from __future__ import annotations

import re
import statistics
from dataclasses import dataclass, field
from functools import lru_cache

_CJK = re.compile(r"[\u3000-\u303f\u3400-\u9fff\uf900-\ufaff\uff00-\uffef\u2018-\u201d\u2014\u2026]")
_HEADLINE_RATIO = 1.3
#: fewer body characters than this under a large line: a section name or an advert, not an article
_MIN_BODY = 60
#: a large line this short above every headline is a page or section name
_SECTION_NAME = 8
#: A line ending this many characters short of the line under it ends its paragraph.
_SHORT_LINE_EMS = 8
#: No column is narrower than this many characters: a run is not cut into columns before it.
_MIN_COLUMN_EMS = 6


@dataclass
class Char:
    """One character with its box and font size."""

    x0: float
    top: float
    x1: float
    bottom: float
    text: str
    size: float


@dataclass
class Line:
    """A horizontal run of text: one column's line, or one OCR box (size = box height)."""

    x0: float
    top: float
    x1: float
    bottom: float
    text: str
    size: float
    #: the PDF puts a space after its last character (a word ends there, also between CJK names)
    spaced: bool = False

    @property
    def height(self) -> float:
        return self.bottom - self.top


@dataclass
class Block:
    """Consecutive lines of one column and font size (a paragraph or a headline), or a table's rows."""

    lines: list[Line] = field(default_factory=list)
    table: bool = False

    @property
    def x0(self) -> float:
        return min(ln.x0 for ln in self.lines)

    @property
    def x1(self) -> float:
        return max(ln.x1 for ln in self.lines)

    @property
    def top(self) -> float:
        return min(ln.top for ln in self.lines)

    @property
    def bottom(self) -> float:
        return max(ln.bottom for ln in self.lines)

    @property
    def size(self) -> float:
        return statistics.median(ln.size for ln in self.lines)

    @property
    def text(self) -> str:
        if self.table:
            return "\n".join(ln.text for ln in self.lines)
        return join_lines([ln.text for ln in self.lines], [ln.spaced for ln in self.lines])


def is_cjk(ch: str) -> bool:
    """Tell whether a character is CJK text or punctuation (no space is put next to it)."""
    return bool(_CJK.match(ch))


def join_lines(lines: list[str], spaced: list[bool] = ()) -> str:
    """Join the wrapped lines of one paragraph: nothing between CJK, one space between Latin words,
    and one space after a line the PDF ends with a space (``通讯员 甲乙丙 `` / ``丁戊己）``: two names)."""
    out, space = "", False
    for k, line in enumerate(lines):
        line = line.strip()
        if not line:
            continue
        if out and (space or not (is_cjk(out[-1]) or is_cjk(line[0]))) and not out.endswith("-"):
            out += " "
        out += line
        space = k < len(spaced) and spaced[k]
    return out


def _overlap(a0: float, a1: float, b0: float, b1: float) -> float:
    return min(a1, b1) - max(a0, b0)


def chars_to_lines(chars: list[Char]) -> list[Line]:
    """Chain characters left to right into lines (see module doc).

    A character extends the line whose last character ends just before it (gap ≤ 1 em, or
    ≤ 0.3 em between different font sizes) and overlaps it vertically by half the smaller
    height. Lines are looked up in buckets of their vertical centre, so the work is about
    linear in the number of characters.
    """
    chars = sorted((c for c in chars if c.text.strip() or (c.text == " " and c.x1 > c.x0)),
                   key=lambda c: (c.x0, c.top))
    runs: list[list[Char]] = []
    buckets: dict[int, list[int]] = {}
    step = 2.0
    for c in chars:
        h = max(c.bottom - c.top, 1e-3)
        cy = (c.top + c.bottom) / 2
        best, best_d = None, 0.0
        for k in range(int((cy - h) // step), int((cy + h) // step) + 1):
            for r in buckets.get(k, ()):
                last = runs[r][-1]
                gap = c.x0 - last.x1
                same = abs(c.size - last.size) <= 0.15 * max(c.size, last.size)
                if not -0.5 * c.size <= gap <= (1.0 if same else 0.3) * max(min(c.size, last.size), 1.0):
                    continue
                if _overlap(c.top, c.bottom, last.top, last.bottom) < 0.5 * min(h, max(last.bottom - last.top, 1e-3)):
                    continue
                d = abs(cy - (last.top + last.bottom) / 2)
                if best is None or d < best_d:
                    best, best_d = r, d
        if best is None:
            runs.append([c])
            best = len(runs) - 1
        else:
            last = runs[best][-1]
            buckets[int(((last.top + last.bottom) / 2) // step)].remove(best)
            runs[best].append(c)
        buckets.setdefault(int(cy // step), []).append(best)
    return [line for line in (_make_line(run) for run in _split_at_columns(runs)) if line.text]


_PUNCT = set("，。、；：？！”’）》」』…,.;:?!")


def _split_at_columns(runs: list[list[Char]]) -> list[list[Char]]:
    """Cut a run where it crosses into the next column: at a character starting exactly where
    the lines just above or below it start (a column's left edge), after a visible gap or a
    punctuation mark hanging into the gutter (``出头。`` then ``社区…`` of the next column).
    A narrow gutter with hanging punctuation is closer than one em, so the gap alone misses it."""
    firsts = [(run[0].x0, run[0].top, run[0].bottom - run[0].top) for run in runs if run and run[0].text.strip()]
    out: list[list[Char]] = []
    for run in runs:
        cut = 0
        for k in range(1, len(run)):
            c, prev = run[k], run[k - 1]
            if not c.text.strip() or not prev.text.strip():
                continue
            em = max(c.size, 1.0)
            if c.x0 - prev.x1 <= 0.25 * em and prev.text not in _PUNCT:
                continue
            if prev.text in ".," and k >= 2 and run[k - 2].text.isdigit() and c.text.isdigit():
                continue  # a decimal point or thousands comma (2.5万元) is no punctuation hanging into a gutter
            if prev.x1 - run[cut].x0 < _MIN_COLUMN_EMS * em:
                continue  # "完”。" then the indent of the paragraph below: a column's line is wider
            h = max(c.bottom - c.top, 1e-3)
            if any(abs(x - c.x0) <= 0.15 * em and 0.3 * h < abs(top - c.top) <= 1.6 * max(h, lh) for x, top, lh in firsts):
                out.append(run[cut:k])
                cut = k
        out.append(run[cut:])
    return out


def _make_line(run: list[Char]) -> Line:
    """Text and box of a run: a space where the PDF has one or the gap is visible (not inside CJK)."""
    words = [c for c in run if c.text.strip()]
    if not words:
        return Line(0, 0, 0, 0, "", 0)
    text, pending, prev = "", False, None
    for c in run:
        if not c.text.strip():
            pending = bool(text)
            continue
        if prev is not None:
            gap = c.x0 - prev.x1
            cjk = is_cjk(prev.text[-1]) or is_cjk(c.text[0])
            if pending or gap > (0.5 if cjk else 0.2) * c.size:
                text += " "
        text += c.text
        pending, prev = False, c
    return Line(min(c.x0 for c in words), min(c.top for c in words), max(c.x1 for c in words),
                max(c.bottom for c in words), text, statistics.median(c.size for c in words), pending)


def lines_to_blocks(lines: list[Line], size_tol: float = 0.15) -> list[Block]:
    """Merge vertically adjacent lines of one column and font size into blocks.

    Args:
        lines: The page's lines.
        size_tol: Relative size difference still "the same size" (OCR box heights vary: 0.35).
    """
    blocks: list[Block] = []
    open_blocks: list[Block] = []
    for line in sorted(lines, key=lambda ln: (ln.top, ln.x0)):
        best = None
        for block in open_blocks:
            last = block.lines[-1]
            gap = line.top - last.bottom
            same = abs(line.size - last.size) <= size_tol * max(line.size, last.size)
            ov = _overlap(line.x0, line.x1, block.x0, block.x1)
            if same and -0.3 * line.height <= gap <= 0.9 * line.height and ov >= 0.5 * min(line.x1 - line.x0,
                                                                                          block.x1 - block.x0) \
                    and _aligned(last, line, block):
                best = block
        if best:
            best.lines.append(line)
        else:
            best = Block([line])
            blocks.append(best)
            open_blocks.append(best)
        open_blocks = [b for b in open_blocks if line.top - b.lines[-1].bottom <= 2 * line.height]
    return blocks


def _aligned(last: Line, line: Line, block: Block) -> bool:
    """A line continues a paragraph when it starts at the paragraph's left edge, or under its
    indented first line (which reaches at least as far right); a centred line (a byline over
    the columns) does not."""
    em = max(line.size, 1.0)
    if last.text.rstrip()[-1:] in _ENDS_SENTENCE and _layout_pattern("section_number").match(line.text.lstrip()):
        return False  # "…服务职工9800余人次。" then "三、存在的主要问题": a heading set flush with the text
    dx = line.x0 - last.x0
    if last.x1 < line.x1 - _SHORT_LINE_EMS * em and line.x0 <= last.x0 + 0.6 * em:
        return False  # a line ending far short of the next ("一、基本情况" over its paragraph) ends its block
    if abs(dx) <= 0.6 * em or abs(line.x0 - block.x0) <= 0.6 * em:
        return True
    if len(block.lines) != 1 or not -3.2 * em <= dx < 0:
        return False
    if last.x1 >= line.x1 - 1.2 * em:
        return True
    # An indented first line cut short mid-sentence, a figure and its unit kept together on the
    # next line ("…有党员" then "71名。…"): a two-character indent, no end of sentence, and short
    # of the right edge by a few characters only (a centred line is indented as much as it is short).
    text = last.text.rstrip()
    # A line of prose (no spaces between names, as a byline has) short by under three characters is
    # cut where the next word or figure did not fit ("…耕地面积" then "8.4万亩"), not a centred line.
    wrapped = line.x1 - last.x1 < 3 * em and (line.text.lstrip()[:1].isdigit() or " " not in text.strip())
    return (-2.4 * em <= dx <= -1.6 * em and bool(text) and text[-1] not in _ENDS_PARAGRAPH
            and last.x1 >= line.x1 - 5 * em and (abs((line.x1 - last.x1) + dx) > 0.6 * em or wrapped))


def reading_order(blocks: list[Block]) -> list[Block]:
    """Order blocks by Breuel's rules (see module doc), a topological sort; ties: top, then left."""
    n = len(blocks)
    if n < 2:
        return list(blocks)
    boxes = [(b.x0, b.x1, b.top, b.bottom, b.size) for b in blocks]
    cy = [(t + bt) / 2 for _, _, t, bt, _ in boxes]

    def xov(i: int, j: int) -> bool:
        a, b = boxes[i], boxes[j]
        return _overlap(a[0], a[1], b[0], b[1]) > 0.1 * min(a[1] - a[0], b[1] - b[0])

    # Where each block's column starts: the top of the blocks above or below it of its font size
    # and no wider than 1.5 times it (a headline or deck over several columns is not the column).
    col_top = [min(boxes[k][2] for k in range(n) if k == i or (
        xov(i, k) and boxes[k][1] - boxes[k][0] <= 1.5 * (boxes[i][1] - boxes[i][0])
        and abs(boxes[k][4] - boxes[i][4]) <= 0.15 * boxes[i][4])) for i in range(n)]
    succ: list[set[int]] = [set() for _ in range(n)]
    indeg = [0] * n
    for i in range(n):
        for j in range(n):
            if i == j:
                continue
            if xov(i, j):
                before = cy[i] < cy[j]
            elif boxes[j][3] <= col_top[i]:
                before = False  # j sits above the whole column of i (a byline centred over the columns)
            elif boxes[i][1] <= boxes[j][0] + 0.5 * min(boxes[i][4], boxes[j][4]):
                lo, hi = min(cy[i], cy[j]), max(cy[i], cy[j])
                before = not any(k not in (i, j) and lo < cy[k] < hi and xov(k, i) and xov(k, j) for k in range(n))
            else:
                before = False
            if before and j not in succ[i]:
                succ[i].add(j)
                indeg[j] += 1
    order: list[int] = []
    done = [False] * n
    while len(order) < n:
        ready = [i for i in range(n) if not done[i] and indeg[i] == 0] or [i for i in range(n) if not done[i]]
        i = min(ready, key=lambda k: (boxes[k][2], boxes[k][0]))
        done[i] = True
        order.append(i)
        for j in succ[i]:
            indeg[j] -= 1
    return [blocks[i] for i in order]


_ENDS_PARAGRAPH = set("。！？!?；;：:”’」』）)…")


def _continues(prev: Block, block: Block) -> bool:
    """A paragraph cut at the foot of a column goes on at the head of the next: the previous
    block stops mid-sentence, and this one, in the same font and higher up the page (the next
    column; a footer line under another is no continuation), does not open with an indent."""
    if prev.table or block.table or not prev.text or prev.text[-1] in _ENDS_PARAGRAPH or block.top >= prev.top:
        return False
    if abs(prev.size - block.size) > 0.02 * max(prev.size, block.size):
        return False
    first = block.lines[0]
    return len(block.lines) < 2 or first.x0 - block.lines[1].x0 < 0.6 * max(first.size, 1.0)


def blocks_text(blocks: list[Block]) -> str:
    """Blocks in order as text, one line per paragraph (a paragraph cut by a column break is one)."""
    out = ""
    for k, b in enumerate(blocks):
        if k and not _continues(blocks[k - 1], b):
            out += "\n"
        out += b.text
    return out


def page_text(lines: list[Line], size_tol: float = 0.15, tables: list[list[Line]] = ()) -> str:
    """The text of a page in reading order, one line per block (a table: one line per row); a
    headline set in stacked lines is written as :func:`_headline_lines` writes it."""
    blocks = reading_order(lines_to_blocks(lines, size_tol) + [Block(rows, table=True) for rows in tables])
    body = _body_size(lines)
    for start in range(len(blocks)):
        run = _stack_from(blocks, start, body)
        if run:
            stack = _dressed(run, blocks, body)
            if len(stack) < 2:
                break
            rest = [b for b in blocks if all(b is not x for x in stack)]
            at = next((k for k, b in enumerate(rest) if blocks.index(b) > blocks.index(stack[0])), len(rest))
            before, after = blocks_text(rest[:at]), blocks_text(rest[at:])
            return "\n".join([t for t in (before, *_headline_lines(stack), after) if t])
    return blocks_text(blocks)


def _kicker(b: Block, head: Block, body: float) -> bool:
    """True when ``b`` is a kicker (引题) over ``head``: larger than the body text though perhaps
    smaller than a headline, longer than a section name, right above the head and over it."""
    return (not b.table and b.size >= 1.05 * body and len(b.text.strip()) > _SECTION_NAME
            and -0.5 * b.size <= head.top - b.bottom <= 1.5 * b.size and _overlap(b.x0, b.x1, head.x0, head.x1) > 0)


def _deck(b: Block, above: Block, body: float) -> bool:
    """True when ``b`` is a deck (副题) under ``above``: clearly larger than the body text, longer
    than a section name, right under it and overlapping it across."""
    return (not b.table and b.size >= 1.15 * body and len(b.text.strip()) > _SECTION_NAME
            and -0.5 * b.size <= b.top - above.bottom <= 1.5 * b.size and _overlap(b.x0, b.x1, above.x0, above.x1) > 0)


def _dressed(stack: list[Block], pool: list[Block], body: float) -> list[Block]:
    """A headline stack with the kicker set over it and the decks set under it that are smaller
    than a headline (a 引题 or 副题 only a little larger than the body), taken from ``pool``."""
    out = list(stack)
    kicker = [b for b in pool if all(b is not x for x in out) and _kicker(b, out[0], body)]
    if kicker:
        out.insert(0, max(kicker, key=lambda b: b.bottom))
    while True:
        deck = [b for b in pool if all(b is not x for x in out) and _deck(b, out[-1], body)]
        if not deck:
            return out
        out.append(min(deck, key=lambda b: b.top))


def _body_size(lines: list[Line]) -> float:
    """The font size (rounded) carrying most characters of the lines (0 with no text)."""
    weight: dict[int, int] = {}
    for ln in lines:
        weight[round(ln.size)] = weight.get(round(ln.size), 0) + len(ln.text)
    return max(weight, key=weight.get) if weight else 0.0


def _stack_from(blocks: list[Block], start: int, body: float) -> list[Block]:
    """The headline lines stacked one under the other from ``blocks[start]`` in reading order
    (引题, 主题, 副题: each larger than the body and longer than a section name, each right under
    the one before and over it)."""
    run: list[Block] = []
    for b in blocks[start:]:
        if b.table or not body or b.size < _HEADLINE_RATIO * body or len(b.text.strip()) <= _SECTION_NAME:
            break  # a short large line is a masthead or a section name (燕澜日报, 海淀新闻), no headline
        if run:
            p = run[-1]
            if not (0 <= b.top - p.bottom <= 1.5 * min(p.size, b.size) and _overlap(b.x0, b.x1, p.x0, p.x1) > 0):
                break
        run.append(b)
    return run


def split_articles(lines: list[Line], page_height: float, size_tol: float = 0.15) -> tuple[str, list[str]]:
    """Cut a page holding several headlined articles into article texts.

    The body size is the font size carrying most characters; a headline is a block at least
    1.3 times larger. A masthead (the largest, short, in the top 15 % of the page) and blocks
    above every headline form the page header, which opens each article (it names the paper
    and the date). Every other block joins the nearest headline above it that overlaps it
    horizontally; each group is put in reading order with its headline first.

    Returns:
        The page header's text and one text per headline, or ``("", [])`` when the page has
        fewer than two headlines.
    """
    blocks = lines_to_blocks(lines, size_tol)
    body = _body_size([ln for b in blocks for ln in b.lines])
    if not body:
        return "", []
    heads = [b for b in blocks if b.size >= _HEADLINE_RATIO * body]
    if len(heads) < 2:
        return "", []
    biggest = max(heads, key=lambda b: b.size)
    masthead = biggest if (biggest.top < 0.15 * page_height and len(biggest.text) <= 10
                           and biggest.size > 1.2 * statistics.median(h.size for h in heads)) else None
    head_ids = {id(h) for h in heads}
    # A headline set in stacked lines of different sizes (引题, 主题, 副题) is one headline: each
    # group opens with its stack, top down, under the id of its top line.
    root: dict[int, Block] = {}
    groups: dict[int, list[Block]] = {}
    for h in sorted(heads, key=lambda b: b.top):
        above = [p for p in heads if p is not h and p is not masthead and h is not masthead
                 and 0 <= h.top - p.bottom <= 1.5 * min(p.size, h.size) and _overlap(h.x0, h.x1, p.x0, p.x1) > 0]
        root[id(h)] = root[id(above[0])] if above else h
        groups.setdefault(id(root[id(h)]), []).append(h)
    leaders = [h for h in heads if root[id(h)] is h]
    # A short large line above the first headline of real length is a page or section name (区县新闻).
    first = min((h.top for h in leaders if h is not masthead and len(h.text) > _SECTION_NAME and not _page_label(h.text)),
                default=page_height)
    furniture = {id(h) for h in leaders if h.bottom <= first
                 and (len(h.text) <= _SECTION_NAME or _page_label(h.text))}
    header: list[Block] = []
    for b in blocks:
        if id(b) in head_ids:
            continue
        above = [h for h in heads if h.bottom <= b.top + 0.3 * b.size and h is not masthead and id(h) not in furniture]
        over = [h for h in above if _overlap(h.x0, h.x1, b.x0, b.x1) > 0]
        if over or above:  # the nearest headline over it, else the nearest above (a centred headline)
            groups[id(root[id(max(over or above, key=lambda h: h.bottom))])].append(b)
        else:
            header.append(b)
    if masthead is not None:
        header += groups.pop(id(masthead))
    footer: list[Block] = []  # an advert and the page footer under it (责任编辑, the paper's address)
    furniture_left = False  # one article left once the page furniture is set aside is still cut from it
    for h in leaders:  # a large line heading no body is page furniture: a section name above the
        group = groups.get(id(h))  # first headline joins the header, an advert below it the footer
        prose = [b for b in group or () if id(b) not in head_ids and abs(b.size - body) <= 0.15 * body]
        if group and sum(len(b.text) for b in prose) < _MIN_BODY:  # small print (a footer) is no body
            furniture_group = groups.pop(id(h))
            furniture_left = True
            (header if h.bottom <= first else footer).extend(furniture_group)
    articles = [h for h in reading_order([h for h in leaders if id(h) in groups])]
    if not articles or (len(articles) < 2 and not furniture_left):
        return "", []
    out = []
    stacks = {}
    for h in articles:  # a kicker in the header or a deck in the body joins its headline
        stack = _dressed([b for b in groups[id(h)] if id(b) in head_ids], header + groups[id(h)], body)
        header = [b for b in header if all(b is not x for x in stack)]
        stacks[id(h)] = stack
    head_text = "\n".join(b.text for b in sorted(header, key=lambda b: (b.top, b.x0)))
    foot_text = blocks_text(sorted(footer, key=lambda b: (b.top, b.x0)))
    for h in articles:
        stack = stacks[id(h)]
        rest = [b for b in reading_order(groups[id(h)]) if id(b) not in head_ids and all(b is not x for x in stack)]
        # Briefs set in body type under a story (简讯: a short head, then 本报讯…) are stories of their own.
        main, *briefs = cut_briefs(blocks_text(rest))
        for k, text in enumerate([main, *briefs]):
            pieces = (_headline_lines(stack) if k == 0 else []) + [t for t in (text, foot_text) if t]
            out.append("\n".join(pieces))
    return head_text, out


_ENDS_SENTENCE = set("。！？!?")


@lru_cache(maxsize=4)
def _layout_pattern(name: str) -> re.Pattern:
    """A pattern of ``layout.json`` by its name (brief_opening, section_number), compiled once."""
    from partyqa.resources import data_json

    return re.compile(data_json("layout.json")[name])


def _page_label(text: str) -> bool:
    """True for a page label set large above the stories (第05版：乡村振兴, A3版　城事): page
    furniture of any length, never a headline (``paper_page`` of document_marks.json)."""
    from index.ingest.metadata.marks import page_label_end

    line = text.strip()
    end = page_label_end(line)
    return end >= 0 and len(line) <= _SECTION_NAME + end


def cut_briefs(text: str) -> list[str]:
    """The story and the briefs set into it: a brief is a short headline-like line (no closing
    punctuation) and the one paragraph after it that opens with a dateline (本报讯（记者 …）…).
    The story goes on after a brief (a column break may have put the brief inside it): a story
    line cut mid-sentence before the brief is joined to the line that follows it. The opening
    lines of the text never start a brief."""
    lines = text.split("\n")
    story: list[str] = []
    briefs: list[str] = []
    k = 0
    while k < len(lines):
        line = lines[k].strip()
        if k >= 2 and k + 1 < len(lines) and _BRIEF_HEAD_MIN <= len(line) <= _BRIEF_HEAD_MAX \
                and not _CLAUSE_MARK_END.search(line) and _layout_pattern("brief_opening").match(lines[k + 1].strip()):
            label = ""
            if story and len(story[-1].strip()) <= _SECTION_NAME and not _CLAUSE_MARK_END.search(story[-1].strip()):
                label = story.pop().strip()  # 城事简讯: the briefs' column label, not the story's
            briefs.append("\n".join(t for t in (line, lines[k + 1].strip(), label) if t))
            k += 2
            if story and k < len(lines) and not re.search(r"[。！？；：”」）)…]$", story[-1]):
                story[-1] += lines[k].strip()  # "…起" + "初一口回绝。": the sentence the brief cut
                k += 1
            continue
        story.append(lines[k])
        k += 1
    return ["\n".join(story).strip(), *briefs] if briefs else [text]


_BRIEF_HEAD_MIN, _BRIEF_HEAD_MAX = 4, 24
#: A line ending like a sentence or clause: no headline or column label.
_CLAUSE_MARK_END = re.compile(r"[。！？；：，,.!?;:]$")


def _headline_lines(stack: list[Block]) -> list[str]:
    """A headline stack (top down) as lines. The main head (the largest) and the decks under it
    (副题) make one line, the title; the kicker above it (引题) and a dash line under it
    (——某某街道经验交流材料) follow as lines of their own: neither is part of the title."""
    if not stack:
        return []
    main = max(range(len(stack)), key=lambda k: (stack[k].size, -k))
    decks = [b.text.strip() for b in stack[main + 1:] if b.text.strip()]
    title = [stack[main].text.strip()] + [d for d in decks if not d.startswith(("—", "-"))]
    return [" ".join(title)] + [b.text for b in stack[:main]] + [d for d in decks if d.startswith(("—", "-"))]


def with_header(header: str, texts: list[str]) -> list[str]:
    """Each article text preceded by the page header (it names the paper and the date)."""
    return [f"{header}\n{text}" if header else text for text in texts]
