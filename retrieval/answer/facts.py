"""Questions about an article itself — when it was published, by which outlet, who wrote or
edited it, its title — answered from the article's metadata and cited to the header or
dateline line the fact was read from (``Article.facts``, filled at ingest)."""

from __future__ import annotations

import re

from partyqa.records import Article, ArticleFact, Hit
from partyqa.text.normalize import normalize
from retrieval.answer.compose import PartAnswer, Quote
from retrieval.question import Part

#: Which fact kinds answer which question (first found wins).
FALLBACK = {
    "author": ("author", "reporter", "correspondent"),
    "reporter": ("reporter", "author"),
    "correspondent": ("correspondent",),
    "editor": ("editor",),
    "photographer": ("photographer",),
    "outlet": ("outlet",),
    "date": ("date",),
    "title": ("title",),
    "issue": ("issue",),
}
LABELS = {"author": "作者", "reporter": "记者", "correspondent": "通讯员", "editor": "编辑", "photographer": "摄影",
          "outlet": "来源", "date": "发布日期", "title": "标题", "issue": "期号"}
#: An issue label of a bulletin or paper, in the first lines of its text (总第236期, 第15期).
_ISSUE = re.compile(r"(?:\d{4}\s*年\s*)?(?:总第\s*\d+\s*期\s*)?第\s*[\d一二三四五六七八九十]+\s*期|总第\s*\d+\s*期")
_HEADER_CHARS = 600


def human_date(iso: str) -> str:
    """``2020-07-02`` → ``2020年7月2日`` (other values unchanged)."""
    parts = iso.split("-")
    if len(parts) == 3 and all(p.isdigit() for p in parts):
        return f"{int(parts[0])}年{int(parts[1])}月{int(parts[2])}日"
    return iso


def pick_article(part: Part, hits: list[Hit], articles: dict[str, Article]) -> Article | None:
    """The article a question about "that report" means: the best hit's, unless another hit's
    title covers the question's subject words clearly better."""
    if not hits:
        return None
    words = [t for t in part.focus if len(t) >= 2]

    def title_overlap(hit: Hit) -> float:
        title = normalize(hit.title)
        return sum(1 for w in words if w in title) / len(words) if words else 0.0

    best = hits[0]
    for hit in hits[1:5]:
        if title_overlap(hit) > title_overlap(best) + 0.34:
            best = hit
    return articles.get(best.doc_id)


def facts_of(article: Article, kind: str) -> list[ArticleFact]:
    """The article's facts answering ``kind`` (with fallbacks, e.g. author → reporter)."""
    for k in FALLBACK.get(kind, (kind,)):
        found = [f for f in article.facts if f.kind == k and f.value]
        if found:
            return found
    if kind == "title" and article.title:
        return [ArticleFact("title", article.title, article.title, *_locate(article, article.title))]
    if kind == "issue":
        m = _ISSUE.search(article.text[:_HEADER_CHARS])
        if m:
            return [ArticleFact("issue", m.group().strip(), m.group().strip(), m.start(), m.end())]
    return []


def _locate(article: Article, text: str) -> tuple[int, int]:
    at = article.text.find(text)
    return (at, at + len(text)) if at >= 0 else (-1, -1)


def answer_fact(part: Part, hits: list[Hit], articles: dict[str, Article], hit_at) -> PartAnswer:
    """Answer a question about an article from its facts, citing the line each came from.

    Args:
        part: The analysed question (``part.article_fact`` set).
        hits: Passages found for it (they identify the article).
        articles: Articles by id.
        hit_at: ``hit_at(doc_id, offset)`` → the passage of the article holding that offset.

    Returns:
        The part's answer (no quotes when the article does not state the fact).
    """
    article = pick_article(part, hits, articles)
    if article is None:
        return PartAnswer(part.text)
    facts = [f for f in facts_of(article, part.article_fact) if f.start >= 0]
    quotes: list[Quote] = []
    for fact in facts:
        hit = hit_at(article.doc_id, fact.start)
        if hit is None:
            continue
        start, end = fact.start - hit.start, min(fact.end, hit.end) - hit.start
        value_at = hit.text.find(fact.value, start)
        span = (value_at, value_at + len(fact.value)) if 0 <= value_at < end else (-1, -1)
        if not any(q.hit.chunk_id == hit.chunk_id and q.start == start for q in quotes):
            quotes.append(Quote(hit, start, end, *span))
    if not quotes:
        return PartAnswer(part.text)
    values = list(dict.fromkeys(human_date(f.value) if f.kind == "date" else f.value for f in facts))
    title = f"《{article.title}》" if article.title else "这篇报道"
    lead = f"{title}的{LABELS.get(part.article_fact, '信息')}：{'、'.join(values)}。原文："
    return PartAnswer(part.text, quotes, confidence=0.9, lead=lead)
