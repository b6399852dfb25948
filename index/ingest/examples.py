"""Example questions mined from the articles at index time (shown by the chat as a start).

A sentence such as “全区建立非公企业党组织416个” in an article about 天桥区 becomes
“天桥区建立了多少个非公企业党组织？”. The place is the district of the section holding the
fact, else the article's place named last before it, else its main place.
"""

from __future__ import annotations

import re

from partyqa.records import Article

MAX_EXAMPLES = 6
_NUM = r"(?:\d[\d.,]*|[一二两三四五六七八九十百千]+)(?:余|多)?"
_THING = r"([\u4e00-\u9fff]{2,14}?)"
_VERB = r"(建立|成立|组建|建成|新建|打造|培育|选派|设立)了?"
# “建立了416个非公企业党组织” and “建立非公企业党组织416个”.
_COUNT_FACTS = (
    re.compile(_VERB + _NUM + r"(个|名|支|家|处|所|项)" + _THING + r"(?=[，。；、,;（(]|$)"),
    re.compile(_VERB + _THING + _NUM + r"(个|名|支|家|处|所|项)"),
)


def example_questions(articles: list[Article], limit: int = MAX_EXAMPLES) -> list[str]:
    """Distinct questions answerable from the articles, spread over the articles.

    Args:
        articles: The indexed articles.
        limit: Most questions returned.

    Returns:
        Questions, round-robin over the articles (sorted by source name).
    """
    per_article = [counted_facts(a) for a in sorted(articles, key=lambda a: a.source)]
    out: list[str] = []
    for rank in range(max((len(f) for f in per_article), default=0)):
        for facts in per_article:
            if rank < len(facts) and facts[rank] not in out:
                out.append(facts[rank])
    return out[:limit]


def counted_facts(article, most: int = 3) -> list[str]:
    """“<place><verb>了多少<unit><thing>？” questions from counted facts of one article.

    Args:
        article: An :class:`index.records.Article`.
        most: Most questions returned.

    Returns:
        Distinct questions, in order of discovery.
    """
    out: list[str] = []
    text = article.text
    for pattern in _COUNT_FACTS:
        for m in pattern.finditer(text):
            verb = m.group(1)
            unit, thing = (m.group(2), m.group(3)) if pattern is _COUNT_FACTS[0] else (m.group(3), m.group(2))
            if len(thing) < 3 or thing.startswith(("了", "的", "和", "在")):
                continue
            place = _place_at(article, m.start())
            question = f"{place}{verb}了多少{unit}{thing}？" if place else ""
            if question and question not in out:
                out.append(question)
    return out[:most]


def _place_at(article, pos: int) -> str:
    """The district a position of the article is about (see :func:`example_questions`)."""
    for section in getattr(article, "sections", None) or []:
        if section.start <= pos < section.end and section.district:
            return section.district
    places = [p for p in article.places or [] if p]
    before = article.text[:pos]
    named = [(before.rfind(p), p) for p in places if before.rfind(p) >= 0]
    if named:
        return max(named)[1]
    return places[0] if places else ""
