"""Place names (provinces, cities, districts, counties, streets, towns) found in text."""

from __future__ import annotations

import bisect
import re
from collections import Counter
from functools import lru_cache

from partyqa.text.normalize import CJK, CJK_RUN, normalize

PLACE_SUFFIXES = ("示范区", "新区", "街道", "区", "县", "市", "镇", "乡", "旗")
DISTRICT_SUFFIXES = ("示范区", "新区", "区", "县", "市", "旗")
_GENERIC_PLACE_ENDINGS = frozenset(
    (  # noqa: SIM905
        "全区 本区 该区 城区 辖区 社区 园区 小区 地区 片区 景区 校区 市区 郊区 山区 驻区 街区 矿区 库区 老区 "
        "灾区 分区 专区 营区 湖区 林区 牧区 展区 军区 选区 赛区 警区 疫区 禁区 误区 盲区 各区 两区 三区 城市 "
        "全市 本市 该市 各市 都市 超市 上市 股市 门市 夜市 集市 县市 省市 全县 本县 该县 各县 全镇 各镇 城镇 "
        "乡镇 村镇 集镇 小镇 全乡 各乡 城乡 家乡 老乡 下乡 故乡 同乡 区县 市县 镇乡 集聚区 安置区 核心区 开发区 "
        "试验区 实验区 保护区 功能区 服务区 经济区 产业区 工业区 商业区 生活区 居住区 住宅区 风景区 自贸区 示范区 "
        "新区 高新区 先行区 改革区 街道 全街道 各街道 本街道 该街道"
    ).split()
)
_STOP_POS = ("p", "c", "u", "d", "v", "r", "m", "f", "t", "x", "eng", "a", "zg", "y", "e", "o", "l", "i")
_STOP_POS_EXTENSION = tuple(pos for pos in _STOP_POS if pos != "a")
_FUNCTION_CHARS = frozenset(
    "在对和与及为于由从向把被将让给到的了是各全本该每这那其此一个等或并且也都还又即就所有已要会能可以按据如若则而但至当"
)
_QUOTED = re.compile(r"“[^“”\n]{1,20}”|「[^「」\n]{1,20}」")
_MAX_PLACE_PREFIX = 5
_MAX_NAME_TOKEN = 3
# Only this much of a text is searched for place names (news articles are far shorter;
# mentions are then counted over the whole text).
MAX_SEGMENTED_CHARS = 100_000
_SUFFIX_CHAR = re.compile(r"[区县市镇乡旗]|街道")
_WINDOW_BEFORE = 10
_WINDOW_AFTER = 4
# Generic area words that become a proper name with a place before them (株洲 + 高新区).
_COMBINABLE = ("高新区", "开发区", "经开区", "试验区", "保护区", "自贸区", "先行区")


@lru_cache(maxsize=1)
def _posseg():
    """Return ``jieba.posseg`` with logging silenced (loaded once)."""
    import logging

    import jieba
    import jieba.posseg

    jieba.setLogLevel(logging.WARNING)
    return jieba.posseg


def extract_places(text: str) -> list[str]:
    """Find the districts, counties, cities, streets and towns named in a text.

    The text is converted to simplified script; around every place suffix
    (区/县/市/示范区/新区/街道/镇/乡/旗) a short window of the clause is segmented with
    jieba. A place is a token ending in such a suffix (at least three characters), or a
    suffix token preceded by a name (a token that is not a verb, preposition, pronoun,
    …, extended by one more single-character token for names jieba splits, such as
    ``林/山寨/街道``). Generic words (``全区``, ``社区``, ``城市``, ``集聚区`` …) and
    names inside short quotations (slogans like “动力新区”) are dropped.

    Args:
        text: Article text.

    Returns:
        Place names in simplified script, most frequent first (ties: first mention).
    """
    simplified = normalize(text)
    quoted = [m.span() for m in _QUOTED.finditer(simplified)]
    quote_starts = [a for a, _ in quoted]
    found: dict[str, int] = {}
    for start, name in _place_mentions(simplified[:MAX_SEGMENTED_CHARS]):
        k = bisect.bisect_right(quote_starts, start) - 1
        if k < 0 or start >= quoted[k][1]:
            found.setdefault(name, start)
    counts = Counter({name: simplified.count(name) for name in found})
    return sorted(counts, key=lambda name: (-counts[name], found[name]))


def _place_mentions(text: str) -> list[tuple[int, str]]:
    """List ``(offset, name)`` of the valid place mentions in simplified text.

    Args:
        text: Simplified text.

    Returns:
        The mentions in text order.
    """
    mentions = []
    for end in _suffix_ends(text):
        tokens = _segment_window(text, end)
        index = next((k for k, (start, word, _) in enumerate(tokens) if start + len(word) == end), None)
        candidate = _place_candidate(tokens, index) if index is not None else None
        if candidate is not None and _is_valid_place(candidate[1]):
            mentions.append(candidate)
    return mentions


def _suffix_ends(text: str) -> list[int]:
    """Return the offsets just after each place suffix (区, 县, 市, 镇, 乡, 旗, 街道) in ``text``."""
    return [m.end() for m in _SUFFIX_CHAR.finditer(text)]


def _segment_window(text: str, end: int) -> list[tuple[int, str, str]]:
    """Segment the clause window around a suffix ending at ``end``.

    Args:
        text: Simplified text.
        end: Offset just after the suffix.

    Returns:
        ``(offset in text, word, pos)`` triples of the window's tokens.
    """
    start = end - 1
    while start > 0 and end - start < _WINDOW_BEFORE and CJK.match(text[start - 1]):
        start -= 1
    stop = end
    while stop < len(text) and stop - end < _WINDOW_AFTER and CJK.match(text[stop]):
        stop += 1
    tokens = []
    offset = start
    for pair in _posseg().cut(text[start:stop]):
        tokens.append((offset, pair.word, pair.flag))
        offset += len(pair.word)
    return tokens


def _place_candidate(tokens: list[tuple[int, str, str]], index: int) -> tuple[int, str] | None:
    """Build the place name that ends with token ``index``, if that token is a suffix.

    Args:
        tokens: ``(offset, word, pos)`` triples of the segmented text.
        index: The token to test.

    Returns:
        ``(offset, name)`` or ``None``.
    """
    start, word, flag = tokens[index]
    if word in PLACE_SUFFIXES or word in _COMBINABLE:
        prefix_tokens = _name_tokens_before(tokens, index)
        if not prefix_tokens:
            return None
        return prefix_tokens[0][0], "".join(t[1] for t in prefix_tokens) + word
    if len(word) >= 3 and word.endswith(PLACE_SUFFIXES) and flag.startswith(("ns", "n", "nr", "nt", "nz")):
        return start, word
    return None


def _name_tokens_before(tokens: list[tuple[int, str, str]], index: int) -> list[tuple[int, str, str]]:
    """Return the tokens forming a name right before a suffix token.

    Args:
        tokens: The segmented text.
        index: Position of the suffix token.

    Returns:
        The name token, preceded by one more token when either is a single character
        (names that jieba splits, such as ``林/山寨`` or ``绿/东村``); empty when the
        preceding token is a function word, a verb, … , longer than three characters
        (``充分利用/市``) or not Chinese.
    """
    if (
        index < 1
        or len(tokens[index - 1][1]) > _MAX_NAME_TOKEN
        or not _is_name_token(tokens[index - 1], _STOP_POS)
    ):
        return []
    picked = [tokens[index - 1]]
    if index >= 2:
        before = tokens[index - 2]
        one_char = len(before[1]) == 1 or len(picked[0][1]) == 1
        if (
            one_char
            and len(before[1]) <= 3
            and before[1] not in _FUNCTION_CHARS
            and _is_name_token(before, _STOP_POS_EXTENSION)
        ):
            picked.insert(0, before)
    return picked


def _is_name_token(token: tuple[int, str, str], stop_pos: tuple[str, ...]) -> bool:
    """Tell whether a token can be part of a place name (Chinese, no stop tag, no suffix)."""
    _, word, flag = token
    return (
        bool(CJK_RUN.fullmatch(word)) and not flag.startswith(stop_pos) and not word.endswith(PLACE_SUFFIXES)
    )


def _is_valid_place(name: str) -> bool:
    """Reject generic words and malformed names.

    Args:
        name: A candidate place name (simplified).

    Returns:
        True if it can be a proper place name.
    """
    suffix = max((s for s in PLACE_SUFFIXES + _COMBINABLE if name.endswith(s)), key=len)
    prefix = name[: -len(suffix)]
    if not 2 <= len(prefix) <= _MAX_PLACE_PREFIX or not CJK_RUN.fullmatch(name):
        return False
    if prefix[0] in _FUNCTION_CHARS or prefix[-1] in "区县市镇乡":
        return False
    if name in _GENERIC_PLACE_ENDINGS:
        return False
    if len(suffix) > 1:
        return True
    return not any(name.endswith(generic) for generic in _GENERIC_PLACE_ENDINGS)


_PLACE_TAIL = re.compile(r"(?:社区|村|街道|镇|乡|园区|产业园|开发区|高新区|新区|区|县|市|旗|州|盟|省)$")
_NAME_FLAGS = ("ns", "n", "nz", "nr", "j", "nt", "an", "ng")
_GENERIC_LOCAL = re.compile(
    r"^(?:全|本|该|各|每|农|乡|城|山|新|老|这|那|其|所在|所属|城乡|农村|城市|美丽|文明|和谐|示范|试点|重点|社|园|"
    r"小|辖|片|街|市|县|区|镇|村|两新|驻|进)$"
)


@lru_cache(maxsize=1)
def _generic_prefixes() -> frozenset[str]:
    from partyqa.resources import data_lines

    return frozenset(w for line in data_lines("place_generic_prefixes.txt") for w in line.split())


def question_places(text: str) -> list[str]:
    """Places a short text (cached; see :func:`_question_places`)."""
    return list(_question_places(text))


@lru_cache(maxsize=8192)
def _question_places(text: str) -> tuple[str, ...]:
    """Places a short text (a question) names, in order of appearance.

    Districts and cities come from :func:`extract_places`; streets, towns, communities,
    villages and parks (``<name>街道/镇/社区/村/园区``) and districts it misses are read from
    jieba's segmentation: a run of one to three name-like tokens (nouns, place names) ending
    in a place word, never starting with a verb or function word.

    Args:
        text: A question or a sentence, either script.

    Returns:
        Place names in simplified script.
    """
    simplified = normalize(text)
    found: dict[str, int] = {p: simplified.find(p) for p in extract_places(simplified)}
    tokens = []
    offset = 0
    # "白鹤岭村党委": cut a place word from the organisation after it, so jieba sees the name.
    segmented = re.sub(r"(村|社区|街道|镇|乡)(?=党|两委|村委|居委|委会)", r"\1 ", simplified)
    for pair in _posseg().cut(segmented):
        tokens.append((offset, pair.word, pair.flag))
        offset += len(pair.word)
    for i, (_, word, flag) in enumerate(tokens):
        tail = _PLACE_TAIL.search(word)
        if not tail or not CJK_RUN.fullmatch(word):
            continue
        if tail.start() > 0 and (flag.startswith(("v", "p", "d", "c", "u", "r", "m", "q"))
                                 or word[: tail.start()] in _generic_prefixes()):
            continue  # "进村", "在区", "乡村": a verb, function or generic word with a place character
        pieces = [] if tail.start() == 0 else [word[: tail.start()]]
        j = i - 1
        while j >= 0 and len(pieces) < 3:
            _, prev, prev_flag = tokens[j]
            if not CJK_RUN.fullmatch(prev) or _PLACE_TAIL.search(prev) or prev in found:
                break
            single = len(prev) == 1 and prev not in _FUNCTION_CHARS
            # A rare name is split into single characters (鸢/飞/街道): a lone verb counts
            # only when the token before it is a single character too.
            lone_verb = single and prev_flag == "v" and j > 0 and len(tokens[j - 1][1]) == 1 \
                and tokens[j - 1][1] not in _FUNCTION_CHARS and CJK_RUN.fullmatch(tokens[j - 1][1])
            name_like = prev_flag.startswith(_NAME_FLAGS) or lone_verb or (
                single and not prev_flag.startswith(("p", "c", "u", "d", "v", "r", "m", "f", "q")))
            if not name_like:
                break
            pieces.insert(0, prev)
            j -= 1
        name = "".join(pieces)
        full = name + tail.group()
        if len(name) < 2 or _GENERIC_LOCAL.match(name) or name in _generic_prefixes() or full in found:
            continue
        found[full] = tokens[j + 1][0]
    # Drop names that only glue a known place to another ("樊城区鹿鸣街道" when both parts are known).
    names = sorted(found, key=lambda p: found[p])
    return tuple(n for n in names if not any(n != m and n.startswith(m) and n[len(m):] in found for m in names))
