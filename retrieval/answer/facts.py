"""Questions about an article itself — when it was published, by which outlet, who wrote or
edited it, its title, a document's number (文号), the page of the paper it ran on — answered
from the article's metadata and cited to the header or dateline line the fact was read from
(``Article.facts``, filled at ingest)."""

from __future__ import annotations

import re
from dataclasses import replace
from functools import lru_cache

from partyqa.records import Article, ArticleFact, Hit
from partyqa.resources import data_json
from partyqa.text.normalize import normalize
from partyqa.text.segment import words
from retrieval.answer.compose import PartAnswer, Quote
from retrieval.question import Part, asked_field

#: Which fact kinds answer which question (first found wins).
FALLBACK = {
    "author": ("author", "reporter", "correspondent"),
    "reporter": ("reporter", "author"),
    "correspondent": ("correspondent",),
    "editor": ("editor",),
    "photographer": ("photographer",),
    "reviewer": ("reviewer",),
    "outlet": ("outlet",),
    "date": ("date",),
    "title": ("title",),
    "issue": ("issue",),
    "page": ("page",),
    "copies": ("copies",),
    "doc_number": ("doc_number",),
    "dateline": ("dateline",),
    "signer": ("signer",),
}
LABELS = {"author": "作者", "reporter": "记者", "correspondent": "通讯员", "editor": "编辑", "photographer": "摄影", "reviewer": "审核",
          "outlet": "来源", "date": "发布日期", "title": "标题", "issue": "期号", "page": "版次", "copies": "印数",
          "doc_number": "文号", "dateline": "电头",
          "signer": "落款单位"}
#: An issue label of a bulletin or paper, in the first lines of its text (总第236期, 第15期,
#: 2023年第9期（总第187期）).
_ISSUE = re.compile(r"(?:\d{4}\s*年\s*)?(?:总第\s*\d+\s*期\s*)?第\s*[\d一二三四五六七八九十]+\s*期"
                    r"(?:\s*[（(]\s*总第\s*\d+\s*期\s*[）)])?|总第\s*\d+\s*期")
_HEADER_CHARS = 600
_FOOTER_CHARS = 400


@lru_cache(maxsize=1)
def _page() -> re.Pattern:
    """The page of a paper the story ran on (第04版, 第A05版：城事, 版次：A3): ``paper_page`` of
    ``partyqa/data/document_marks.json``, which ingest reads too; compiled on first use, not at import."""
    return re.compile(data_json("document_marks.json")["paper_page"])


@lru_cache(maxsize=1)
def _print_copies() -> re.Pattern:
    """How many copies a bulletin printed (（共印80份）, 印数：3000份): ``print_copies`` of
    ``partyqa/data/document_marks.json``."""
    return re.compile(data_json("document_marks.json")["print_copies"])


@lru_cache(maxsize=1)
def _wire_dateline() -> re.Pattern:
    """A wire dateline (新华社西安10月16日电): ``wire_dateline`` of ``document_marks.json``."""
    return re.compile(data_json("document_marks.json")["wire_dateline"])


def human_date(iso: str) -> str:
    """``2020-07-02`` → ``2020年7月2日`` (other values unchanged)."""
    parts = iso.split("-")
    if len(parts) == 3 and all(p.isdigit() for p in parts):
        return f"{int(parts[0])}年{int(parts[1])}月{int(parts[2])}日"
    return iso


#: Words of a question about an article that name the asking, not the article (这篇稿子的责任编辑).
_ASKING_WORDS = re.compile(
    r"这篇|那篇|该篇|这条|那条|这则|稿子|稿件|报道|文章|推文|新闻|消息|简报|刊发|刊登|发布|转发|转载|见报|"
    r"记者|通讯员|作者|编辑|责任|责编|审核|签发|摄影|来源|标题|题目|日期|哪天|哪家|是谁|分别|第几期|总第|"
    r"信息|政府网站|网站|网上|公众号|报纸|平台|媒体|发文字号|文件编号|发文编号|文号|第几版|哪一版|版面"
)


def subject_words(part: Part) -> list[str]:
    """The words of an article question that name which article is meant (places, topics, outlets)."""
    out = [w for w in words(_ASKING_WORDS.sub(" ", normalize(part.text))) if len(w) >= 2 and re.match(r"[\w]", w)]
    out = list(dict.fromkeys(out + [p for p in part.places if p not in out]))
    # A piece of a longer subject word is no clue of its own (社区 of 惠康社区).
    return [w for w in out if not any(w != other and w in other for other in out)]


def pick_article(part: Part, hits: list[Hit], articles: dict[str, Article], prefer: str = "") -> Article | None:
    """The article a question about "that report" means.

    Among the articles of the first five hits, the one whose title and text hold most of the
    question's subject words (a word in the title counts three times); ties go to the better hit.
    A part that names no subject of its own ("作者是谁？" after "…第几期？") means the article
    ``prefer`` (the one the previous part cited).
    """
    if not hits:
        return articles.get(prefer) if prefer else None
    subject = subject_words(part)
    if prefer and prefer in articles and not subject:
        return articles[prefer]

    # a publication named in 《》 (那期《组织工作信息》) is the series the article ran in: an article
    # whose title, outlet or header writes it outweighs any topic word
    series = [normalize(name) for name in re.findall(r"《([^》]{2,30})》", part.text)]

    def overlap(hit: Hit) -> float:
        article = articles.get(hit.doc_id)
        text = article.text if article else hit.text
        title = normalize(hit.title)
        body = normalize(" ".join([hit.publisher, hit.district, text]))
        named = 0.0
        if series:
            header = normalize(" ".join([hit.title, hit.publisher, text[:_HEADER_CHARS]]))
            named = sum(len(subject) * 3.0 for name in series if name in header)
        return named + sum(3.0 if w in title else 1.0 if w in body else 0.0 for w in subject)

    seen: dict[str, tuple[float, int]] = {}
    for rank, hit in enumerate(hits[:5]):
        if hit.doc_id not in seen:
            seen[hit.doc_id] = (overlap(hit), -rank)
    best = max(seen, key=lambda doc: seen[doc])
    return articles.get(best)


def facts_of(article: Article, kind: str) -> list[ArticleFact]:
    """The article's facts answering ``kind`` (with fallbacks, e.g. author → reporter)."""
    for k in FALLBACK.get(kind, (kind,)):
        found = [f for f in article.facts if f.kind == k and f.value]
        if found:
            return found
    if kind == "title" and article.title:
        return [ArticleFact("title", article.title, article.title, *_locate(article, article.title))]
    if kind == "dateline":
        # 新华社西安10月16日电: the outlet and the city the story was filed from
        m = _wire_dateline().search(article.text[:_HEADER_CHARS])
        if m:
            start = m.start("head")
            end = _line_span(article.text, start, start)[1]
            return [ArticleFact(kind, m.group("head"), article.text[start:end].strip(), start, end)]
        return []
    if kind == "copies":
        # the bulletin's closing line (（共印80份）); the last one, after any story that quotes one
        m = next(reversed(list(_print_copies().finditer(article.text))), None)
        if m:
            start, end = _line_span(article.text, m.start(), m.end())
            return [ArticleFact(kind, m.group("copies").replace(" ", ""), article.text[start:end].strip(), start, end)]
        return []
    if kind == "signer":
        signed = signature(article.text)
        return [signed] if signed else []
    if kind in ("issue", "page"):
        pattern = _ISSUE if kind == "issue" else _page()
        m = pattern.search(article.text[:_HEADER_CHARS])
        if m is None:  # …or in the page's footer line under the text (2024年11月27日 星期三 第04版)
            tail = max(0, len(article.text) - _FOOTER_CHARS)
            m = next(reversed(list(pattern.finditer(article.text, tail))), None)
        if m:
            value = m.group() if kind == "issue" else m.group("page") or m.group("labelled")
            return [ArticleFact(kind, value.strip(), m.group().strip(), m.start(), m.end())]
    return []


#: How many lines at a document's end (after the text, before credit lines) and at its top
#: (under the headline) a signature is looked for in.
_SIGNATURE_LINES = 12


@lru_cache(maxsize=1)
def _signature_patterns() -> tuple[re.Pattern, re.Pattern]:
    """The body's and the date's line of a signature: ``signature_body`` and ``signature_date``
    of ``partyqa/data/document_marks.json``."""
    marks = data_json("document_marks.json")
    return re.compile(marks["signature_body"]), re.compile(marks["signature_date"])


def signature(text: str) -> ArticleFact | None:
    """The body a document is signed in the name of (its 落款): a line naming a body with the
    date alone on the line under it, among the document's last lines (中共某某镇委员会 /
    2024年6月25日), else among its first lines, under the headline (a report's 中共某某委员会 /
    （2024年7月10日））; cited to the two lines. None when the text has no such pair."""
    body, date = _signature_patterns()
    spans = [(m.start(), m.end()) for m in re.finditer(r"[^\n]+", text) if m.group().strip()]
    pairs = list(zip(spans, spans[1:]))
    for first, second in [*reversed(pairs[-_SIGNATURE_LINES:]), *pairs[:_SIGNATURE_LINES]]:
        name = text[first[0]:first[1]].strip()
        if body.match(name) and date.match(text[second[0]:second[1]].strip()):
            return ArticleFact("signer", name, text[first[0]:second[1]], first[0], second[1])
    return None


def _locate(article: Article, text: str) -> tuple[int, int]:
    """Where ``text`` stands in the article, a space in it matching any run of white space (a
    title joined from a main head and its deck set on two lines), or (-1, -1)."""
    at = article.text.find(text)
    if at >= 0:
        return at, at + len(text)
    pieces = [re.escape(p) for p in text.split()]
    m = re.search(r"\s+".join(pieces), article.text) if len(pieces) > 1 else None
    return (m.start(), m.end()) if m else (-1, -1)


@lru_cache(maxsize=1)
def _print_dates() -> dict[str, re.Pattern]:
    return {verb: re.compile(pattern) for verb, pattern in data_json("document_marks.json")["print_dates"].items()}


def print_date(article: Article, question: str) -> tuple[str, ArticleFact] | None:
    """The step asked (编印 or 印发) and the date the bulletin writes for it (哪天编印的 → the line
    ``…组织部编　2021年7月6日``; 哪天印发的 → ``2023年5月30日印发``: ``print_dates`` of
    document_marks.json), or None when the question asks neither or the text writes no such line."""
    for verb, pattern in _print_dates().items():
        if verb not in question:
            continue
        for m in pattern.finditer(article.text):
            y, mo, d = re.findall(r"\d+", m.group("date") or m.group("date2"))
            line_start, line_end = _line_span(article.text, m.start(), m.end())
            return verb, ArticleFact("date", f"{int(y):04d}-{int(mo):02d}-{int(d):02d}",
                                     article.text[line_start:line_end].strip(), line_start, line_end)
    return None


#: The end of a field's value: the line's end, or a space before the next field's label on the
#: same line (联系人：张三　联系电话：…).
_VALUE_END = re.compile(r"\s+(?=[^\s：:\d]{2,8}\s*[：:])|$", re.M)


def field_fact(article: Article, label: str) -> ArticleFact | None:
    """The value the article writes after a field's label (``联系人：…晏丽琼``, ``发布机构：…``,
    spaces inside the label allowed: ``索 引 号：``), cited to that line; the first such line,
    or None when the article writes the label with no value or not at all."""
    spaced = r"\s*".join(map(re.escape, label))
    for m in re.finditer(rf"(?:^|(?<=\s)){spaced}\s*[：:][ \t\u3000]*", article.text, re.M):
        end = _VALUE_END.search(article.text, m.end()).start()
        value = article.text[m.end():end].strip()
        if value:
            line_start, line_end = _line_span(article.text, m.start(), end)
            return ArticleFact("field", value, article.text[line_start:line_end].strip(), line_start, line_end)
    return None


def _placed(article: Article, fact: ArticleFact) -> ArticleFact:
    """The fact with its place in the text: a title read without one (joined from its main head and
    deck set on two lines) is looked up in the text; another fact's value found elsewhere in the
    text (an editor's name in the story) is no evidence of it."""
    if fact.start >= 0 or fact.kind != "title":
        return fact
    start, end = _locate(article, fact.value)
    return replace(fact, start=start, end=end)


def _visible_evidence(article: Article, fact: ArticleFact) -> tuple[int, int]:
    """Where the fact's value can be read: its own line, or — for a value the line only implies
    (``本报讯`` for the paper's name) — the first line of the article that writes it."""
    if fact.start < 0 or fact.value in article.text[fact.start:fact.end] or fact.kind == "date":
        return fact.start, fact.end
    at = article.text.find(fact.value)
    if at < 0:
        return fact.start, fact.end
    return _line_span(article.text, at, at)


def _line_span(text: str, start: int, end: int) -> tuple[int, int]:
    """The lines of ``text`` that hold ``text[start:end]``, as ``(start, end)`` offsets."""
    line_end = text.find("\n", end)
    return text.rfind("\n", 0, start) + 1, line_end if line_end >= 0 else len(text)


def answer_fact(part: Part, hits: list[Hit], articles: dict[str, Article], hit_at, prefer: str = "") -> PartAnswer:
    """Answer a question about an article from its facts, citing the line each came from.

    Args:
        part: The analysed question (``part.article_fact`` set).
        hits: Passages found for it (they identify the article).
        articles: Articles by id.
        hit_at: ``hit_at(doc_id, offset)`` → the passage of the article holding that offset.
        prefer: The article the previous part of the question cited ("" for none).

    Returns:
        The part's answer (no quotes when the article does not state the fact).
    """
    article = pick_article(part, hits, articles, prefer)
    if article is None:
        return PartAnswer(part.text)
    facts = [f for f in (_placed(article, f) for f in facts_of(article, part.article_fact)) if f.start >= 0]
    label = LABELS.get(part.article_fact, "信息")
    if (asked := asked_field(normalize(part.text))) and (written := field_fact(article, asked)):
        # 发布机构是哪个单位, 联系人是谁: the value the page writes after that very label
        facts, label = [written], asked
    if part.article_fact == "date" and (printed := print_date(article, normalize(part.text))):
        verb, fact = printed  # 哪天编印的: the bulletin's own 编印 line, not the web page's posting date
        facts, label = [fact], verb + "日期"
    quotes: list[Quote] = []
    for fact in facts:
        fact_start, fact_end = _visible_evidence(article, fact)
        hit = hit_at(article.doc_id, fact_start)
        if hit is None:
            continue
        start, end = fact_start - hit.start, min(fact_end, hit.end) - hit.start
        value_at = hit.text.find(fact.value, start)
        span = (value_at, value_at + len(fact.value)) if 0 <= value_at < end else (-1, -1)
        if not any(q.hit.chunk_id == hit.chunk_id and q.start == start for q in quotes):
            quotes.append(Quote(hit, start, end, *span))
    if not quotes:
        return PartAnswer(part.text)
    values = list(dict.fromkeys(human_date(f.value) if f.kind == "date" else f.value for f in facts))
    title = f"《{article.title}》" if article.title else "这篇报道"
    lead = f"{title}的{label}：{'、'.join(values)}。原文："
    return PartAnswer(part.text, quotes, confidence=0.9, lead=lead)
