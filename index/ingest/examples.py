"""Example questions mined from the articles at index time (shown by the chat as a start).

Several kinds, each asked only where an article states the answer:

* 数量 — “全区建立非公企业党组织416个” in an article about 天桥区 → “天桥区建立了多少个非公企业党组织？”
* 对比 — the same counted thing in two places → “天桥区和荷塘区各建立了多少个社会组织党组织？”
* 谁 — “涧西区委书记王自文说” → “涧西区委书记是谁？”
* 哪些 — “涌现出甲、乙、丙等基层服务品牌” → “荷塘区涌现出哪些基层服务品牌？”
* 时间 — “6月8日，林山寨街道党工委组织……” → “林山寨街道党工委哪天组织……？”
* 做法 — a heading such as “推动基层党建工作提质增效” → “天桥区是怎样推动基层党建工作提质增效的？”

The place is the district of the section holding the fact, else the article's place named
last before it, else its main place. Everything is a few regular expressions per article;
the words they look for are in ``partyqa/data/example_words.json``.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

from partyqa.records import Article
from partyqa.resources import data_json
from partyqa.text.normalize import normalize

MAX_EXAMPLES = 8
KINDS = ("数量", "对比", "谁", "哪些", "时间", "做法")
_NUM = r"(?:\d[\d.,]*|[一二两三四五六七八九十百千]+)(?:余|多)?"
_THING = r"([\u4e00-\u9fff]{2,14}?)"
_VERB = r"(建立|成立|组建|建成|新建|打造|培育|选派|设立)了?"
_UNIT = r"(个|名|支|家|处|所|项)"
# “建立了416个非公企业党组织” and “建立非公企业党组织416个”.
_COUNT_FACTS = (
    re.compile(_VERB + _NUM + _UNIT + _THING + r"(?=[，。；、,;（(]|$)"),
    re.compile(_VERB + _THING + _NUM + _UNIT),
)
_CLAUSE_END = "，。；,;！!？?\n"


@dataclass(frozen=True)
class CountFact:
    """“<place><verb>了<n><unit><thing>” found in an article."""

    place: str
    verb: str
    unit: str
    thing: str

    @property
    def question(self) -> str:
        return f"{self.place}{self.verb}了多少{self.unit}{self.thing}？"


@cache
def _words() -> dict[str, list[str]]:
    return data_json("example_words.json")


def _alternation(key: str) -> str:
    return "|".join(map(re.escape, sorted(_words()[key], key=len, reverse=True)))


def example_questions(articles: list[Article], limit: int = MAX_EXAMPLES) -> list[str]:
    """Distinct questions answerable from the articles, of several kinds, spread over the articles.

    Args:
        articles: The indexed articles.
        limit: Most questions returned.

    Returns:
        One question of each kind first (in the order of :data:`KINDS`, each from the
        earliest article by source name that has one), then the rest round-robin.
    """
    ordered = sorted(articles, key=lambda a: a.source)
    facts = [count_facts(a) for a in ordered]
    by_kind: dict[str, list[str]] = {
        "数量": _round_robin([[f.question for f in fs][:3] for fs in facts]),
        "对比": compare_questions([f for fs in facts for f in fs]),
        "谁": _round_robin([who_questions(a) for a in ordered]),
        "哪些": _round_robin([which_questions(a) for a in ordered]),
        "时间": _round_robin([when_questions(a) for a in ordered]),
        "做法": _round_robin([how_questions(a) for a in ordered]),
    }
    return _round_robin([by_kind[k] for k in KINDS])[:limit]


def _round_robin(lists: list[list[str]]) -> list[str]:
    """First items of every list, then second items …, without repeats."""
    out: list[str] = []
    for rank in range(max((len(x) for x in lists), default=0)):
        for items in lists:
            if rank < len(items) and items[rank] not in out:
                out.append(items[rank])
    return out


def count_facts(article: Article) -> list[CountFact]:
    """Counted facts of one article, in order of discovery, without repeats."""
    out: list[CountFact] = []
    for pattern in _COUNT_FACTS:
        for m in pattern.finditer(article.text):
            verb = m.group(1)
            unit, thing = (m.group(2), m.group(3)) if pattern is _COUNT_FACTS[0] else (m.group(3), m.group(2))
            if len(thing) < 3 or thing.startswith(("了", "的", "和", "在")):
                continue
            place = _place_at(article, m.start())
            fact = CountFact(place, verb, unit, normalize(thing))
            if place and fact not in out:
                out.append(fact)
    return out


def counted_facts(article: Article, most: int = 3) -> list[str]:
    """“<place><verb>了多少<unit><thing>？” questions of one article (at most ``most``)."""
    return list(dict.fromkeys(f.question for f in count_facts(article)))[:most]


def compare_questions(facts: list[CountFact]) -> list[str]:
    """“A和B各<verb>了多少<unit><thing>？” for things counted in two different places."""
    first: dict[tuple[str, str], CountFact] = {}
    out = []
    for f in facts:
        seen = first.setdefault((f.unit, f.thing), f)
        if seen.place != f.place and f.place not in seen.place and seen.place not in f.place:
            q = f"{seen.place}和{f.place}各{seen.verb}了多少{f.unit}{f.thing}？"
            if q not in out:
                out.append(q)
    return out


def who_questions(article: Article) -> list[str]:
    """“<place><organ><role>是谁？” where the article quotes that office holder by name."""
    places = _place_names(article)
    if not places:
        return []
    pattern = re.compile(f"({places})({_alternation('organs')})({_alternation('roles')})"
                         f"[\u4e00-\u9fff]{{2,3}}?(?:{_alternation('speech_verbs')})")
    return list(dict.fromkeys(f"{normalize(m.group(1) + m.group(2) + m.group(3))}是谁？"
                              for m in pattern.finditer(article.text)))


def which_questions(article: Article) -> list[str]:
    """“<place><verb>哪些<noun>？” from enumerations such as “涌现出甲、乙、丙等基层服务品牌”."""
    pattern = re.compile(f"({_alternation('list_verbs')})[^{_CLAUSE_END}]{{2,60}}?、[^{_CLAUSE_END}]{{2,80}}?等"
                         f"([\u4e00-\u9fff]{{0,6}}?(?:{_alternation('list_nouns')}))(?=[^\u4e00-\u9fff]|$)")
    out = []
    for m in pattern.finditer(article.text):
        place = _place_at(article, m.start())
        q = f"{place}{normalize(m.group(1))}哪些{normalize(m.group(2))}？" if place else ""
        if q and q not in out:
            out.append(q)
    return out


def when_questions(article: Article) -> list[str]:
    """“<place><organ>哪天<did what>？” from a sentence that opens with a date and a place.

    “6月8日，林山寨街道党工委组织辖区党组织书记学习观摩。” becomes
    “林山寨街道党工委哪天组织辖区党组织书记学习观摩？”.
    """
    places = _place_names(article)
    if not places:
        return []
    organs = _alternation("organs")
    pattern = re.compile(f"(?:^|[。！？，,\n])[ \u3000]*(?:\\d{{4}}年)?\\d{{1,2}}月\\d{{1,2}}日(?:上午|下午|晚上?)?[，,]"
                         f"[ \u3000]*((?:{places})(?:{organs})|(?:{places}))([^{_CLAUSE_END}<>]{{4,40}})[。；;]")
    starts_with_place = re.compile(f"(?:{places})")
    return list(dict.fromkeys(f"{normalize(m.group(1))}哪天{normalize(m.group(2))}？"
                              for m in pattern.finditer(article.text) if not starts_with_place.match(m.group(2))))


def how_questions(article: Article) -> list[str]:
    """“<place>是怎样<verb><object>的？” from a heading line that names a way of working."""
    places = _place_names(article)
    pattern = re.compile(f"^[ \u3000]*(?:({places})[^{_CLAUSE_END}]{{0,10}}?)?({_alternation('how_verbs')})"
                         f"([\u4e00-\u9fff“”]{{4,14}})[ \u3000]*$", re.M) if places else None
    out = []
    for m in pattern.finditer(article.text) if pattern else ():
        place = m.group(1) or _place_at(article, m.start())
        q = f"{normalize(place)}是怎样{normalize(m.group(2) + m.group(3))}的？" if place else ""
        if q and q not in out:
            out.append(q)
    return out


def _place_names(article: Article) -> str:
    """A regex alternation of the article's places and their stems (天桥区 → 天桥区|天桥)."""
    names = set()
    for p in article.places or []:
        names.add(p)
        for suffix in ("街道", "区", "县", "市", "镇", "乡"):
            if p.endswith(suffix) and len(p) - len(suffix) >= 2:
                names.add(p[: -len(suffix)])
    return "|".join(map(re.escape, sorted(names, key=len, reverse=True)))


def _place_at(article, pos: int) -> str:
    """The district a position of the article is about (see the module docstring)."""
    for section in getattr(article, "sections", None) or []:
        if section.start <= pos < section.end and section.district:
            return section.district
    places = [p for p in article.places or [] if p]
    before = article.text[:pos]
    named = [(before.rfind(p), p) for p in places if before.rfind(p) >= 0]
    if named:
        return max(named)[1]
    return places[0] if places else ""
