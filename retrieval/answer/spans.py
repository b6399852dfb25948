"""Typed answer spans inside a sentence: numbers with units, people next to a role, dates,
organisations and enumerated items. What each type looks like is data (``partyqa/data/answers.json``).

Spans are found on the normalized text (simplified script, half-width), whose offsets equal
the original's wherever the conversion is one character for one; callers pass original text.

Longer than most modules (about 350 lines): one finder per answer type (numbers, people, dates,
organisations, list items), each small, sharing the normalisation and the word lists.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from partyqa.resources import data_json, data_lines
from partyqa.text.normalize import normalize
from partyqa.text.segment import pos_tokens


@dataclass(frozen=True)
class Span:
    """``text[start:end]`` is an answer of ``kind`` (``unit`` for numbers, ``role`` for people)."""

    start: int
    end: int
    text: str
    kind: str
    unit: str = ""
    role: str = ""
    body: str = ""  #: the body the role is held in (党工委 of 党工委书记), when written before it


def role_body(text: str, at: int) -> str:
    """The body written right before a role word at ``at`` (``联合党委`` in ``联合党委书记``,
    ``党支部`` in ``村党支部副书记``), in its canonical form (``支部`` → ``党支部``), or "".
    The bodies are ``role_bodies`` of ``questions.json``."""
    before = text[:at].removesuffix("副").removesuffix("的")  # 产业链党委的书记
    for group in _questions()["role_bodies"]:
        names = group.split("|")
        if any(before.endswith(n) for n in names):
            return names[0]
    return ""


def _clause_body(head: str) -> str:
    """The body a clause is about when it says who holds its post (``大厦联合党委由…``), or ""."""
    clauses = re.split(r"[，,]", re.split(r"[。；;]", head)[-1])
    clause = clauses[-1]
    at = clause.rfind("由")
    if at == 0 and len(clauses) > 1:
        # "…成立商务楼宇联合党委，由…殷若彤兼任书记": the body the clause before has just named
        return role_body(clauses[-2], len(clauses[-2]))
    return role_body(clause, at) if at > 0 else ""


@lru_cache(maxsize=1)
def answers_config() -> dict:
    """``partyqa/data/answers.json``, read once (the answer rules' words and patterns)."""
    return data_json("answers.json")


@lru_cache(maxsize=64)
def answer_pattern(name: str) -> re.Pattern:
    """A pattern of ``answers.json`` by its name, compiled once."""
    return re.compile(answers_config()[name])


@lru_cache(maxsize=1)
def _questions() -> dict:
    return data_json("questions.json")


@lru_cache(maxsize=1)
def _number_re() -> re.Pattern:
    cfg = answers_config()
    units = _questions()["units"]
    # 万/亿 may carry its own modifier before the counting unit (5万余名, 1.2万多人): group 3.
    return re.compile(rf"(?<![\d.])({cfg['numeral']})\s*(?:{cfg['number_modifiers']})?\s*"
                      rf"(?:(万|亿)\s*({cfg['magnitude_modifiers']})?(?=\s*(?:{units})|[^\u4e00-\u9fff]|$)\s*)?({units})?")


@lru_cache(maxsize=1)
def _surnames() -> tuple[frozenset[str], frozenset[str]]:
    single, double = set(), set()
    for line in data_lines("surnames.txt"):
        for name in line.split():
            (double if len(name) == 2 else single).add(name)
    return frozenset(single), frozenset(double)


def _norm(text: str) -> str:
    """Normalized text of the same length (falls back to the original when lengths differ)."""
    norm = normalize(text)
    return norm if len(norm) == len(text) else text


@lru_cache(maxsize=1)
def _digit_only_units() -> frozenset[str]:
    return frozenset(answers_config()["digit_only_units"].split("|"))


@lru_cache(maxsize=1)
def _case_nouns() -> tuple[re.Pattern, re.Pattern]:
    """What cases are (纠纷, 案件 …): as the start of a text, and as its end."""
    nouns = answers_config()["case_nouns"]
    return re.compile(nouns), re.compile(f"(?:{nouns})$")


def _counts_cases(text: str, start: int, end: int) -> bool:
    """True if a Chinese numeral with 起 at ``text[start:end]`` counts cases: what is counted
    follows it (一起纠纷) or ends just before it (调解纠纷一起。)."""
    opening, ending = _case_nouns()
    return bool(opening.match(text, end) or ending.search(text, 0, start))


_LABEL_UNIT = re.compile(r"[（(]([\u4e00-\u9fff]{1,3})[）)]\s*[：:]?\s*$")


def number_spans(text: str) -> list[Span]:
    """Numbers written with a unit (or a percentage), e.g. ``326名``, ``1.2万人次``, ``64.7%``.

    Bare numbers without a unit are kept (unit "") except four-digit years followed by 年.
    """
    norm = _norm(text)
    out = []
    for m in _number_re().finditer(norm):
        numeral, unit = m.group(1), m.group(4) or ""
        if not numeral or (not unit and not re.search(r"\d", numeral)):
            continue
        if unit in _digit_only_units() and not re.search(r"\d", numeral):
            continue  # 一口回绝, 一把手, 两头跑: words, not counts
        if unit == "起" and not re.search(r"\d", numeral) and not _counts_cases(norm, m.start(), m.end()):
            continue  # 围坐在一起, 一起清理: together, not one case
        if unit in ("年", "月", "日") and re.fullmatch(r"\d{4}|\d{1,2}", numeral) and not m.group(2):
            if unit == "年" and len(numeral) == 4:
                continue
            if unit in ("月", "日"):
                continue
        # "5万余名" counts 名 (the 万 is part of the figure); "2万人" keeps its unit 万人.
        full_unit = unit if (m.group(3) and unit) else (m.group(2) or "") + unit
        if not full_unit:
            # a field that writes its unit in its label: "收集诉求（件）1723", "党员数(名)：35"
            label = _LABEL_UNIT.search(norm, max(0, m.start() - 10), m.start())
            full_unit = label.group(1) if label else ""
        out.append(Span(m.start(), m.end(), text[m.start():m.end()], "number", unit=full_unit))
    return out


_DAYPARTS = "早上|早晨|上午|中午|下午|傍晚|晚上|夜里|夜间|凌晨|次日|第二天"
_DAYPART = rf"(?:{_DAYPARTS})?"
_CLOCK_AT = rf"{_DAYPART}\s*(?:\d{{1,2}}|[一二两三四五六七八九十]{{1,3}})\s*(?:[:：]\s*\d{{2}}|点(?:半|\s*\d{{1,2}}\s*分|钟)?|时(?:\s*\d{{1,2}}\s*分)?)"
#: A time of day or a span of them (早上9点至晚上9点, 18:00—21:30, 次日7时前): what 几点 asks.
_CLOCK = re.compile(rf"{_CLOCK_AT}(?:\s*(?:至|到|—|－|-|~|～)\s*{_CLOCK_AT})?")


def clock_spans(text: str) -> list[Span]:
    """Times of day (早上9点至晚上9点, 20:30), for questions asking 几点; unit ``点``."""
    norm = _norm(text)
    out = []
    for m in _CLOCK.finditer(norm):
        said = m.group().strip()
        if not re.search(r"\d", said) and not re.match(_DAYPARTS, said):
            continue  # 三点要求, 两点建议: points, not a time (八点 is one only after 早上, 晚上…)
        if re.match(answers_config()["point_nouns"], norm[m.end():]):
            continue  # 提出3点建议
        out.append(Span(m.start(), m.end(), text[m.start():m.end()], "number", unit="点"))
    return out


_FREQUENCY = re.compile(r"每(?:[一两三四五六七八九十\d]+个?)?(?:季度|月|年|半年|周|星期|天|日|小时)")


def frequency_spans(text: str, units: str | None) -> list[Span]:
    """How often (每季度, 每半年, 每两周), for questions about a length of time (units of time)."""
    if not units or not re.search(r"天|月|年|周|小时", units):
        return []
    norm = _norm(text)
    return [Span(m.start(), m.end(), text[m.start():m.end()], "number", unit=units.split("|")[0])
            for m in _FREQUENCY.finditer(norm)]


def _name_at(norm: str, pos: int) -> int:
    """Length (2-4) of a person name starting at ``pos``, or 0."""
    single, double = _surnames()
    cfg = answers_config()
    stop = cfg["not_name_chars"]
    follower = re.compile(cfg["name_followers"])
    surname = 2 if norm[pos:pos + 2] in double else 1 if norm[pos:pos + 1] in single else 0
    if not surname:
        return 0
    best = 0
    one = norm[pos + surname:pos + surname + 1]
    after_one = follower.match(norm, pos + surname + 1)
    if one and re.fullmatch(r"[\u4e00-\u9fff]", one) and one not in stop and after_one and len(after_one.group()) >= 2:
        return surname + 1  # 何川|担任, 李娟|介绍: a two-character follower word starts after one given character
    for given in (2, 1):
        end = pos + surname + given
        chunk = norm[pos + surname:end]
        if len(chunk) != given or not re.fullmatch(r"[\u4e00-\u9fff]+", chunk) or any(c in stop for c in chunk):
            continue
        if given == 2 and re.fullmatch(_questions()["person_roles"], chunk):
            return 0  # 书记|任主任, 由他|兼书记: 任 and 兼 take on a post, 主任 is no given name
        if end >= len(norm) or follower.match(norm, end) or not re.match(r"[\u4e00-\u9fff]", norm[end]):
            return surname + given
        best = best or (surname + given if given == 2 else 0)
    if best and not _may_begin_name(norm, pos):
        return 0  # 党员|全部纳入, 党委书记|由大厦…: a word or a preposition, not a surname
    if best == surname + 2 and _short_name_before_verb(norm, pos, surname + 1):
        return surname + 1  # 刘芳|走访, 赵磊|驻村: the third character begins the verb
    return best


#: jieba tags of words that are no part of a name: verbs, adverbs, function words, numbers, time
#: and place-relation words (带头, 亲自, 也 …).
_NOT_IN_NAME_TAGS = ("v", "d", "p", "c", "u", "r", "m", "t", "f", "q", "y", "x")


def _rare_name_at(norm: str, pos: int) -> int:
    """Length (2-4) of a name with a surname ``surnames.txt`` does not hold, right after a role
    and before a word of speaking (杞明远|介绍, 满都拉|说), or 0: jieba must read its characters
    as name-like words, none a verb, adverb, function word or common noun of two characters."""
    follower = answer_pattern("rare_name_followers")
    for length in (3, 2, 4):
        chunk = norm[pos:pos + length]
        if len(chunk) != length or not re.fullmatch(r"[\u4e00-\u9fff]+", chunk):
            continue
        if not follower.match(norm, pos + length):
            continue
        inside = [(norm[s:e], tag) for s, e, tag in pos_tokens(norm) if s >= pos and e <= pos + length]
        if sum(len(word) for word, _ in inside) != length:
            continue  # a word runs across the name's start or end
        if all(not tag.startswith(_NOT_IN_NAME_TAGS) and not (
                len(word) >= 2 and tag.startswith(("n", "l", "vn", "j")) and not tag.startswith(("nr", "ns", "nz")))
               for word, tag in inside):
            return length
    return 0


#: jieba tags of one-character words that never begin a name (由, 和, 的 …).
_NOT_NAME_TAGS = ("p", "c", "u")


def _may_begin_name(norm: str, pos: int) -> bool:
    """For a name with no known word after it: False when jieba reads its first character as a
    preposition, conjunction or particle (由|大厦, 和|党员) or as the start of a longer word that
    is not a name (全部|纳入)."""
    for start, end, tag in pos_tokens(norm):
        if start == pos:
            if tag.startswith("nr"):
                return True
            if end - start == 1:
                return not tag.startswith(_NOT_NAME_TAGS)
            return False
        if start > pos:
            break
    return True


def _short_name_before_verb(norm: str, pos: int, length: int) -> bool:
    """True when jieba reads ``norm[pos:pos + length]`` as one person name (tag nr…)
    followed by a verb (tag v…)."""
    tokens = pos_tokens(norm)
    for i, (start, end, tag) in enumerate(tokens):
        if start == pos:
            return end == pos + length and tag.startswith("nr") and i + 1 < len(tokens) \
                and tokens[i + 1][2].startswith("v")
        if start > pos:
            break
    return False


def person_spans(text: str, roles: str | None = None) -> list[Span]:
    """Person names tied to a role word: ``党支部书记冯国栋``, ``冯国栋（村党支部书记）``, ``书记是张三``.

    Args:
        text: A sentence.
        roles: Regex of role words (default: every role of ``questions.json``).

    Returns:
        The names with the role they are tied to.
    """
    norm = _norm(text)
    roles = roles or _questions()["person_roles"]
    out: list[Span] = []
    seen: set[int] = set()
    for m in re.finditer(rf"({roles})(?:是|为|叫|：|:)?\s*", norm):
        pos = m.end()
        extra = re.compile(answers_config()["person_after_role"]).match(norm, pos)
        for start in dict.fromkeys((pos, extra.end() if extra else pos)):
            length = _name_at(norm, start) or _rare_name_at(norm, start)
            if length and start not in seen:
                seen.add(start)
                out.append(Span(start, start + length, text[start:start + length], "person",
                                role=_deputy(norm, m.start(1)) + m.group(1), body=role_body(norm, m.start(1))))
                break
    # "集团党委书记、董事长谭志刚": roles joined by 、 before a name are all that person's.
    for span in list(out):
        chain = re.split(r"[，。；：,;:\s“”\"（）()]", norm[:span.start])[-1]
        pieces = chain.split("、")
        if len(pieces) < 2:
            continue
        starts = [span.start - len(chain)]
        for piece in pieces[:-1]:
            starts.append(starts[-1] + len(piece) + 1)
        for piece, piece_start in reversed(list(zip(pieces, starts))):
            held = re.search(rf"({roles})$", piece)
            if not held:
                break  # "党委书记张三、董事长李四": the piece names someone else
            at = piece_start + held.start(1)
            role = _deputy(norm, at) + held.group(1)
            if not any(o.start == span.start and o.role == role for o in out):
                out.append(Span(span.start, span.end, span.text, "person", role=role, body=role_body(norm, at)))
    # "副书记唐晓峰兼任联合党委书记": the name holds the role it takes on as well.
    for span in list(out):
        also = re.match(rf"(?:兼任|担任|出任|任)([^，。；,;]{{0,10}}?)({roles})", norm[span.end:])
        if also:
            at = span.end + also.start(2)
            # "大厦联合党委由…邵明哲兼任书记": a bare role is one of the body the clause is about
            body = role_body(norm, at) or _clause_body(norm[:span.start])
            out.append(Span(span.start, span.end, span.text, "person", role=_deputy(norm, at) + also.group(2),
                            body=body))
    for m in re.finditer(r"([\u4e00-\u9fff]{2,4})[（(]([^（()）]{0,20}?)[）)]", norm):
        role = re.search(rf"({roles})", m.group(2))
        if role:
            start = m.start(1)
            length = _name_at(norm, start)
            if length == len(m.group(1)) and start not in seen:
                seen.add(start)
                deputy = _deputy(m.group(2), role.start(1))
                out.append(Span(start, start + length, text[start:start + length], "person",
                                role=deputy + role.group(1), body=role_body(m.group(2), role.start(1))))
    return sorted(out, key=lambda s: s.start)


def _deputy(norm: str, at: int) -> str:
    """"副" when the role word at ``at`` is a deputy's (副书记, 副主任), else ""."""
    return "副" if at > 0 and norm[at - 1] == "副" else ""


@lru_cache(maxsize=1)
def _date_re() -> re.Pattern:
    return re.compile("|".join(f"(?:{p})" for p in answers_config()["date_patterns"]))


def date_spans(text: str) -> list[Span]:
    """Dates and times: ``2023年8月2日``, ``2021/9/3``, ``3月5日``, ``去年底``, ``上半年`` …"""
    norm = _norm(text)
    return [Span(m.start(), m.end(), text[m.start():m.end()], "date") for m in _date_re().finditer(norm)
            if m.group().strip()]


@lru_cache(maxsize=1)
def _org_suffix_re() -> re.Pattern:
    return re.compile(answers_config()["org_suffixes"])


@lru_cache(maxsize=1)
def _org_common_words() -> dict[str, tuple[str, ...]]:
    """Common words holding a suffix character (网格, 社区, 部分, 驿站), by that character."""
    out: dict[str, list[str]] = {}
    for word in answers_config()["org_suffix_common_words"]:
        for ch in set(word):
            out.setdefault(ch, []).append(word)
    return {ch: tuple(ws) for ch, ws in out.items()}


def _in_common_word(norm: str, start: int, end: int) -> bool:
    """True when the suffix ``norm[start:end]`` ends inside a common word that reaches beyond
    it (青溪街道网|格, 社|区居民, 党员干|部, 网格驿|站): no organisation ends there."""
    last = end - 1
    for word in _org_common_words().get(norm[last], ()):
        for at in range(max(0, last - len(word) + 1), last + 1):
            if norm.startswith(word, at) and (at < start or at + len(word) > end):
                return True
    return False


_ORG_BOUNDARY = re.compile(r"[^\u4e00-\u9fff“”]|由|在|和|与|及|对|向|从|把|被|将|为|的|了|是|联合|会同|经|据|让|给|到|以")
#: jieba tags of words whose characters never end a name (经济, 为民服务): a function
#: character inside such a word is part of the name.
_NAME_WORD_TAGS = frozenset({"n", "nt", "nz", "l", "j"})




def _boundary_at(norm: str, pos: int) -> bool:
    """True if ``norm[pos]`` ends a name from the left: punctuation or a function word, but
    not a character inside a longer noun (经|济合作社, 为|民服务中心)."""
    if not _ORG_BOUNDARY.match(norm, pos):
        return False
    if not re.match(r"[\u4e00-\u9fff]", norm[pos]):
        return True
    for start, end, tag in pos_tokens(norm):
        if start <= pos < end:
            return not (end - start >= 2 and tag in _NAME_WORD_TAGS and not _ORG_BOUNDARY.fullmatch(norm[start:end]))
    return True


def org_spans(text: str) -> list[Span]:
    """Organisations: names ending in 党委/委员会/公司/中心/局/日报 … (the longest at each place).

    A name runs back from its suffix to the nearest punctuation or function word (at most
    16 characters; a function character inside a noun such as 经济 or 为民服务 does not end
    it); of overlapping candidates the longest is kept. A suffix ending inside a common word
    (网格, 社区, 部分, 驿站: ``org_suffix_common_words`` of answers.json) ends no name.
    """
    norm = _norm(text)
    cands = []
    for m in _org_suffix_re().finditer(norm):
        if _in_common_word(norm, m.start(), m.end()):
            continue
        start = m.end()
        while start > 0 and m.end() - start < 16 and not _boundary_at(norm, start - 1):
            start -= 1
        if m.start() - start >= 2:
            cands.append((start, m.end()))
    out: list[Span] = []
    for start, end in sorted(cands, key=lambda c: (c[0], -(c[1] - c[0]))):
        if out and start < out[-1].end:
            if end > out[-1].end and start == out[-1].start:
                out[-1] = Span(start, end, text[start:end], "org")
            continue
        out.append(Span(start, end, text[start:end], "org"))
    return out


@lru_cache(maxsize=1)
def _enum_re() -> re.Pattern:
    return re.compile(answers_config()["enumeration_markers"])


def enumeration_count(text: str) -> int:
    """How many enumerated items a sentence carries (ordinal markers, or a 、-separated run)."""
    norm = _norm(text)
    markers = len(_enum_re().findall(norm))
    run = max((items for _, _, items in enumeration_runs(text)), default=0)
    quoted = len(re.findall(r"“[^“”]{1,12}”", norm))
    return max(markers, run, quoted if quoted >= 2 else 0)


_RUN = re.compile(r"[^，,。；;：:、—／/\s]{1,12}(?:[、—／/][^，,。；;：:、—／/\s]{1,12})+")
#: Three or more parties joined by + (“社区党委+爱心企业+志愿者”模式, 党支部+合作社+农户).
_PLUS_RUN = re.compile(r"[\u4e00-\u9fff]{2,8}(?:[+＋][\u4e00-\u9fff]{2,8}){2,}")


_COUNTED_KIND = re.compile(r"^[两二三四五六七八九十]+[张个项支条类种大本套]?([\u4e00-\u9fff]{2,4})$")


def kind_items(text: str, head: str) -> int:
    """How many different things of the kind a counted name stands for the sentence names: for
    ``三张清单``, 需求清单, 资源清单 and 项目清单 (not 两张清单); 0 when ``head`` counts no kind."""
    m = _COUNTED_KIND.match(head)
    if not m:
        return 0
    kind = m.group(1)
    found = {t for t in re.findall(rf"[\u4e00-\u9fff]{{2}}{re.escape(kind)}", _norm(text))
             if not re.match(r"[两二三四五六七八九十几]", t)}
    return len(found)


def enumeration_runs(text: str) -> list[tuple[int, int, int]]:
    """The 、-separated runs of items as ``(start, end, items)`` in normalized text."""
    norm = _norm(text)
    return [(m.start(), m.end(), len(re.split(r"[、—／/]", m.group()))) for m in _RUN.finditer(norm)]


def joined_parties(text: str) -> int:
    """How many parties the longest run joined by + names (“社区党委+爱心企业+志愿者”模式: 3),
    0 below three: the members of a model, which a list question (由哪几方组成) asks for."""
    return max((len(re.split(r"[+＋]", m.group())) for m in _PLUS_RUN.finditer(_norm(text))), default=0)


def starts_enumeration(text: str) -> bool:
    """True if a sentence begins with an ordinal marker (一是…, 二是…, （一）, 第二…)."""
    return bool(_enum_re().match(_norm(text).lstrip()))


@lru_cache(maxsize=1)
def _intro_re() -> re.Pattern:
    return re.compile(answers_config()["enumeration_intro"])


def introduces_items(text: str) -> bool:
    """True if a sentence announces the items that follow it (``…总结为“三个一”。``,
    ``重点抓了三件事。``, ``主要做法如下：``)."""
    return bool(_intro_re().search(_norm(text).rstrip()))


@lru_cache(maxsize=1)
def _anaphor_re() -> re.Pattern:
    return re.compile(answers_config()["items_anaphor"])


def points_back_at_items(text: str) -> bool:
    """True if a sentence names no items but points back at items listed before it
    (``由这4个村的党支部组建联村党委``, ``上述企业``)."""
    return enumeration_count(text) < 2 and bool(_anaphor_re().search(_norm(text)))


@lru_cache(maxsize=1)
def _count_re() -> re.Pattern:
    return re.compile(answers_config()["enumeration_count"])


_NUMERALS = {"两": 2, "二": 2, "三": 3, "四": 4, "五": 5, "六": 6, "七": 7, "八": 8, "九": 9, "十": 10}


def announced_count(text: str) -> int:
    """How many items a sentence announcing them says follow (``采取了三项举措。`` → 3,
    ``总结为“三个一”。`` → 3), or 0 when it announces none or no number."""
    if not introduces_items(text):
        return 0
    m = _count_re().search(_norm(text))
    return _NUMERALS.get(next((g for g in m.groups() if g), ""), 0) if m else 0


#: Items in a row (、, the last after 和/及/与) closed by their count and what they are:
#: 村党组织、村民委员会、村务监督委员会和村集体经济组织4块牌子.
#: A small count of items and its measure word (3个, 四块, 12项).
_ITEM_COUNT = r"(\d{1,2}|[两二三四五六七八九十]{1,2})\s*(?:个|块|项|家|所|支|条|类|种|座|处|名|位|大)"
_COUNTED_RUN = re.compile(
    r"((?:[^，,。；;：:、和及与]{2,16}、)+[^，,。；;：:、和及与]{2,16}?(?:(?:和|及|以及|与)[^，,。；;：:、和及与]{2,16}?)?)"
    + _ITEM_COUNT + r"([^，,。；;]{0,12})")


def counted_listing(text: str) -> list[tuple[int, str]]:
    """Runs of items closed by a count equal to how many they are, as ``(count, what)``: ``…
    村务监督委员会和村集体经济组织4块牌子`` → ``(4, "牌子")``. A count above the items written
    (文化广场、卫生室等3个阵地) closes no whole list."""
    out = []
    for m in _COUNTED_RUN.finditer(_norm(text)):
        run = m.group(1)
        items = len(run.split("、")) + (1 if re.search(r"(?:和|及|以及|与)[^、]+$", run.split("、")[-1]) else 0)
        count = cn_number(m.group(2))
        if count == items and not run.endswith("等"):
            out.append((count, m.group(3)))
    return out


def asked_count(question: str) -> int:
    """The number of items a question gives (3个海上党支部分别叫什么 → 3), or -1."""
    m = re.search(_ITEM_COUNT, _norm(question))
    return cn_number(m.group(1)) if m else -1


def cn_number(text: str) -> int:
    """A whole number written in digits or in Chinese numerals up to 99 (十二, 三十五, 两), or -1."""
    if text.isdigit():
        return int(text)
    digits = {"两": 2, **{c: i + 1 for i, c in enumerate("一二三四五六七八九")}}
    head, ten, tail = text.partition("十")
    if not ten:
        return digits.get(text, -1)
    tens = digits.get(head, -1) if head else 1
    ones = digits.get(tail, -1) if tail else 0
    return tens * 10 + ones if tens > 0 and ones >= 0 else -1


def opens_enumeration(text: str) -> bool:
    """True if a sentence introduces items after a colon (``…工作法：一是问题清单``, ``包括：``)."""
    norm = _norm(text)
    colon = max(norm.find("："), norm.find(":"))
    return colon >= 0 and (bool(_enum_re().search(norm, colon)) or norm.rstrip().endswith(("：", ":")))
