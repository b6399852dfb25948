"""Bylines: reporters, correspondents, authors, editors and photographers named on a page.

Forms read (role words are data: ``partyqa/data/byline_roles.txt``):

* label pairs ``作者：邵蕾 潘一鸣　编辑：朱晓丹``, ``文/图 | 孟晓雯``, ``【责任编辑：韩雨桐】``;
* bracketed groups ``本报讯（记者 周明远 通讯员 韩小静 杜家豪）``, ``（通讯员 叶子航 陈露）``;
* bare byline lines ``编辑 何沐阳``, ``原载《绵州日报》… 记者 罗佳怡 通讯员 蒲文涛``, also after the
  outlet's name (``湘音新闻记者 邹一帆``; name endings in ``outlet_suffixes.txt``);
* photo credits ``通讯员 韩小静 摄`` (photographer, not correspondent);
* WeChat headers ``原创 林可欣 涪城社区通 2023/3/18 20:05`` (author and account);
* a dispatch byline after a story's opening ``【本报讯】记者 林可欣 北京报道：`` (the place
  reported from is not part of the name; opening and ending are data in ``layout.json``).

A role word counts only where a name list follows it and ends cleanly (end of line, closing
bracket, another role or label, 摄), so running text such as ``记者了解到，…`` is never a byline.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

from partyqa.resources import data_json, data_lines, data_words
from partyqa.text.normalize import half_width, to_simplified

_NAME_RUN = re.compile(r"[\u4e00-\u9fff·]+")
_SEPARATORS = " \t\u3000\xa0、，,;；"
_CLOSERS = "）)】]」"
_OPENERS = "（(【[「"
# ``□本报记者`` ``■记者``: papers mark a byline with a box, bullet or star.
_BOUNDARY_BEFORE = set(" \t\u3000\xa0|｜:：,，、;；/") | set(_OPENERS) | set("讯电") | set("□■◆◇●○◎★☆▲△")
_LABEL_MARK = re.compile(r"\s*[:：|｜]\s*")
_WECHAT = re.compile(r"^原创\s+(?P<author>[\u4e00-\u9fff·]{2,8})\s+(?P<account>\S{2,20})\s+(?:19|20)\d{2}[-/.年]")
_MIN_NAME, _MAX_NAME = 2, 4
_MAX_DOTTED_NAME = 12
_SHORT_LINE = 40


@dataclass
class Byline:
    """A name read from a page: its kind (``reporter`` …), the name as written, and where it was read."""

    kind: str
    name: str
    evidence: str


@cache
def _roles() -> tuple[re.Pattern, dict[str, str]]:
    """The role-word pattern (longest first) and the kind of each word."""
    kinds = {}
    for line in data_lines("byline_roles.txt"):
        word, kind = line.split("\t")
        kinds[word] = kind
    words = sorted(kinds, key=len, reverse=True)
    return re.compile("|".join(re.escape(w) for w in words)), kinds


@cache
def _labels() -> re.Pattern:
    """Labels of non-byline fields (来源, 点击 …): they end a name list."""
    words = sorted(data_lines("meta_labels.txt"), key=len, reverse=True)
    return re.compile("|".join(re.escape(w) for w in words))


def _simplified(line: str) -> str:
    """The line in simplified script and half-width, same length as ``line`` where possible."""
    simple = to_simplified(half_width(line))
    return simple if len(simple) == len(line) else half_width(line)


def bylines(line: str, in_body: bool = False) -> list[Byline]:
    """Read the names a line attributes (see module doc).

    Args:
        line: One page line, as written.
        in_body: The line is running article text: only a bracketed byline group at its start
            (after an optional dateline) is read, not label pairs in the middle of sentences.

    Returns:
        The names in line order; names are sliced from ``line`` as written.
    """
    simple = _simplified(line)
    wechat = _WECHAT.match(simple)
    if wechat and not in_body:
        return [Byline("author", line[wechat.start("author") : wechat.end("author")], line.strip())]
    role_re, kinds = _roles()
    found: list[Byline] = []
    limit = len(simple)
    dispatch = _dispatch_byline(line, simple)
    if dispatch:
        return dispatch
    if in_body:
        limit = _leading_group_end(simple)
        if limit < 0:
            # A byline appended after the last sentence ("…深入。记者 张改华 通讯员 闫晓栋 文/图").
            tail = max(simple.rfind(stop) for stop in "。！？!?") + 1
            if 0 < tail < len(simple) and role_re.match(simple.lstrip(), 0) is None and role_re.match(
                    simple[tail:].lstrip()):
                offset = len(line) - len(line[tail:].lstrip())
                return [Byline(b.kind, b.name, b.evidence) for b in bylines(line[offset:])]
            return []
    for match in role_re.finditer(simple, 0, limit):
        labelled = bool(_LABEL_MARK.match(simple, match.end()))
        if match.start() and simple[match.start() - 1] not in _BOUNDARY_BEFORE and not labelled \
                and not _after_outlet(simple, match.start()) and not _outlet_led_byline(simple, match, role_re):
            continue
        names, end, photo = _name_list(simple, match.end(), limit)
        if names is None:
            continue
        kind = "photographer" if photo else kinds[match.group()]
        if kind == "-":
            continue
        bracketed = _inside_brackets(simple, match.start())
        if not (labelled or bracketed or photo or len(line) <= _SHORT_LINE or _ends_line(simple, end)):
            continue
        evidence = line[: limit].strip() if in_body else line.strip()
        found.extend(Byline(kind, line[a:b], evidence) for a, b in names)
    return found


@cache
def _signature() -> re.Pattern:
    """A report's signature line (``signature_line`` of ``layout.json``)."""
    return re.compile(data_json("layout.json")["signature_line"])


def signature(line: str) -> Byline | None:
    """The author of a report signed under its title (中共某某社区委员会书记　纳秀琴 → 纳秀琴),
    or None for any other line."""
    simple = _simplified(line.strip())
    m = _signature().match(simple)
    if m is None:
        return None
    start = len(line) - len(line.lstrip())
    return Byline("author", line[start + m.start("name"): start + m.end("name")], line.strip())


@cache
def _dispatch() -> re.Pattern:
    """A story's opening (``layout.json`` ``brief_opening``), a role word, the names (and the place
    reported from) and the dispatch ending (``报道：``)."""
    layout = data_json("layout.json")
    roles = "|".join(sorted(map(re.escape, _roles()[1]), key=len, reverse=True))
    return re.compile(layout["brief_opening"] + r"\s*(?P<role>" + roles + r")\s*(?P<names>[\u4e00-\u9fff·、，, \u3000]{2,24}?)\s*"
                      + layout["dispatch_ending"])


def _dispatch_byline(line: str, simple: str) -> list[Byline]:
    """The names of a dispatch byline opening a body line (``【本报讯】记者 某某 北京报道：``), or []."""
    from partyqa.text.places import strip_trailing_place

    match = _dispatch().match(simple)
    if not match:
        return []
    kind = _roles()[1][match.group("role")]
    start = match.start("names")
    text = strip_trailing_place(simple[start : match.end("names")].rstrip(_SEPARATORS)).rstrip(_SEPARATORS)
    spans = [(start + m.start(), start + m.end()) for m in _NAME_RUN.finditer(text)]
    if kind in ("-", "photographer") or not spans or not all(_is_name(simple[a:b]) for a, b in spans):
        return []
    evidence = line[: match.end()].strip()
    return [Byline(kind, line[a:b], evidence) for a, b in spans]


@cache
def _outlet_suffixes() -> tuple[str, ...]:
    """Endings of an outlet's name (``outlet_suffixes.txt``), longest first."""
    return tuple(sorted(data_lines("outlet_suffixes.txt"), key=len, reverse=True))


def _after_outlet(simple: str, pos: int) -> bool:
    """Tell whether an outlet's name alone stands before ``pos`` at the start of the line or of a
    bracket (``湘音新闻记者``, ``（某某日报记者``): the role after it opens a byline."""
    start = pos
    while start > 0 and "\u4e00" <= simple[start - 1] <= "\u9fff":
        start -= 1
    if start and simple[start - 1] not in _OPENERS and simple[:start].strip(_SEPARATORS + "□■◆◇●○◎★☆▲△"):
        return False
    name = simple[start:pos]
    suffix = next((s for s in _outlet_suffixes() if name.endswith(s)), "")
    return bool(suffix) and 2 <= len(name) - len(suffix) <= _MAX_OUTLET_NAME


_MAX_OUTLET_NAME = 8


def _outlet_led_byline(simple: str, match: re.Match, role_re: re.Pattern) -> bool:
    """Tell whether a role opens a byline line after a name of any ending (``飞天视界记者　祁文昊
    通讯员　魏小燕``): 2–8 characters alone before it at the line's start, and another role word
    standing after a space further on, so the line is a byline, not a sentence."""
    head = simple[:match.start()]
    if not (2 <= len(head.strip()) <= _MAX_OUTLET_NAME and re.fullmatch(r"\s*[\u4e00-\u9fff]+", head)):
        return False
    if re.search(r"[，。；！？,.;!?]", simple) or not simple[match.end():match.end() + 1].isspace():
        return False  # a sentence, or no space between the role and a name
    return any(simple[m.start() - 1].isspace() for m in role_re.finditer(simple, match.end()) if m.start() > 0)


def _leading_group_end(simple: str) -> int:
    """End of the bracketed byline group at the start of a body line (after a dateline), or -1."""
    head = simple[:60]
    for i, ch in enumerate(head):
        if ch in _OPENERS:
            close = next((k for k in range(i + 1, len(simple)) if simple[k] in _CLOSERS), -1)
            if close < 0:
                return -1
            before = head[:i]
            if not before or re.search(r"(?:讯|电|消息)\s*$", before):
                return close + 1
            return -1
    return -1


def _inside_brackets(simple: str, pos: int) -> bool:
    """Tell whether ``pos`` lies inside an opened, not yet closed bracket."""
    depth = 0
    for ch in simple[:pos]:
        if ch in _OPENERS:
            depth += 1
        elif ch in _CLOSERS and depth:
            depth -= 1
    return depth > 0


def _ends_line(simple: str, end: int) -> bool:
    """Tell whether only closers and spaces follow ``end``."""
    return not simple[end:].strip(_SEPARATORS + _CLOSERS)


def _name_list(simple: str, pos: int, limit: int) -> tuple[list[tuple[int, int]] | None, int, bool]:
    """Read the names after a role word.

    Returns:
        ``(spans, end, photo)``: the name spans (``None`` when the list does not end cleanly
        or is empty), where the list ended, and whether it ended with 摄 (a photo credit).
    """
    role_re, _ = _roles()
    labels = _labels()
    mark = _LABEL_MARK.match(simple, pos)
    if mark:
        pos = mark.end()
    names: list[tuple[int, int]] = []
    while pos < limit:
        while pos < limit and simple[pos] in _SEPARATORS:
            pos += 1
        if pos >= limit or simple[pos] in _CLOSERS:
            break
        if role_re.match(simple, pos) or labels.match(simple, pos):
            break
        if simple[pos] == "摄" and names:
            return names, pos + 1, True
        run = _NAME_RUN.match(simple, pos, limit)
        if not run:
            if names and names[-1][1] == pos and simple[pos].isascii() and simple[pos].isalnum():
                return None, pos, False  # 作者：规划车位120个，…: a sentence, not a name
            return (names or None), pos, False
        end = _cut_at_word(simple, run.start(), run.end())
        name = simple[run.start() : end]
        if name.endswith("摄") and len(name) > _MIN_NAME and _is_name(name[:-1]):
            names.append((run.start(), end - 1))
            return names, end, True
        if name.endswith("报道") and names:
            return names, end, False  # （记者 施嘉言 玉溪报道）: where the dispatch came from, no name
        if not _is_name(name):
            return None, pos, False
        names.append((run.start(), end))
        pos = end
    return (names or None), pos, False


def _cut_at_word(simple: str, start: int, end: int) -> int:
    """End a name run where a role word or label starts inside it (``贾明轩点击`` → ``贾明轩``)."""
    role_re, _ = _roles()
    labels = _labels()
    for k in range(start + _MIN_NAME, end):
        if role_re.match(simple, k, end) or labels.match(simple, k, end):
            return k
    return end


@cache
def _not_names() -> frozenset[str]:
    """Words that follow a role as a column or a camera cue (记者手记, 记者出镜): no names."""
    return data_words("byline_not_names.txt")


def _is_name(name: str) -> bool:
    """Tell whether a CJK run has the length of a person's name (and is not a column's word)."""
    if name in _not_names():
        return False
    if "·" in name:
        return len(name) <= _MAX_DOTTED_NAME and not name.startswith("·") and not name.endswith("·")
    return _MIN_NAME <= len(name) <= _MAX_NAME


def wechat_account(line: str) -> str:
    """The account name of a WeChat header line ``原创 作者 账号 日期``, or ""."""
    simple = _simplified(line)
    match = _WECHAT.match(simple)
    return line[match.start("account") : match.end("account")] if match else ""
