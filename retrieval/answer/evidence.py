"""Evidence that fits the question: candidate sentences, what they carry, how well they answer.

A sentence counts only when it carries the expected answer type tied to the focus (a person
next to the asked role, a number whose unit and noun match what is asked, a date …), names
no other place than the one asked about, and agrees with the asked year. Among those, the
score mixes how much of the focus and of the whole question the sentence covers (idf
weighted), its meaning's closeness to the question (the embedding model, on sentences at
query time) and the rank of its passage.

Longer than most modules (about 380 lines): every feature the answer model is trained on is
defined here, next to the scoring that computes them, so training and answering cannot drift
apart; the fit rules of place, year and period live in :mod:`retrieval.answer.context`.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field, replace
from functools import lru_cache

import numpy as np

from partyqa.records import Hit
from partyqa.resources import data_lines
from partyqa.text.normalize import normalize
from partyqa.text.places import question_places
from partyqa.text.segment import numbers, pos_tokens, tokenize, words
from partyqa.text.sentences import dateline_end, split_sentences
from partyqa.text.synonyms import present, variants
from retrieval.answer import spans as sp
from retrieval.answer.context import (
    DONE,
    NUMBERED_HEAD,
    asks_change,
    asks_now,
    asks_past_event,
    asks_plan,
    asks_then,
    asks_total,
    batch_for_total,
    batch_mismatch,
    body_for_whole,
    bound_miss,
    change_figure,
    change_mismatch,
    class_bound,
    clause_before,
    cn_number,
    counted_among_kinds,
    counts_people,
    difference_for_amount,
    exchange_rate_miss,
    floor_mismatch,
    future_dated,
    given_total_for_part,
    in_plan_section,
    indefinite_one,
    magnitude_miss,
    measure_miss,
    money_direction_miss,
    money_kind_miss,
    names_asked_place,
    narrowed_count,
    now_figure,
    one_figure_for_each,
    one_for_total,
    one_off_for_recurring,
    one_person_for_average,
    one_person_for_total,
    ordinal_unit_miss,
    other_households_counted,
    other_kind_counted,
    other_people_counted,
    outcome_miss,
    paragraph_before,
    past_for_now,
    per_one,
    per_unit,
    period_mismatch,
    places_fit,
    plan_mismatch,
    planned_only,
    rate_base_miss,
    relative_subset,
    relative_years,
    share_of_other,
    states_plan,
    states_planned,
    states_total,
    stock_for_new,
    subset_place_miss,
    sum_over_miss,
    then_figure,
    this_year_words,
    time_mismatch,
    total_for_per_unit,
    whole_money_for_item,
    years_fit,
)
from retrieval.answer.tables import Row, label_rows, table_rows
from retrieval.question import (
    ASKED_UNIT,
    PERSON_UNITS,
    Part,
    asks_membership,
    counted_restriction,
    is_unit_word,
    person_nouns,
)

#: An attached figure goes first only with at least this share of the best fitting score.
ATTACH_SHARE = 0.25
#: …and writes at least this share of the asked focus that the strongest one writes.
FOCUS_SHARE = 0.5


@dataclass
class Candidate:
    """A sentence of a hit, with its features and its answer span (if any)."""

    hit_rank: int
    start: int
    end: int
    text: str
    cov_focus: float = 0.0
    cov_question: float = 0.0
    semantic: float = 0.0
    focus_semantic: float = 0.0
    clause_semantic: float = 0.0
    prior: float = 0.0
    typed: bool = False
    span: sp.Span | None = None
    places_ok: bool = True
    year_ok: bool = True
    headline: bool = False
    score: float = 0.0
    extra: list = field(default_factory=list)
    features: dict = field(default_factory=dict)
    row: Row | None = None  #: a table row: ``text`` is its view with the column names
    demoted: bool = False  #: carries the asked type but states it for another period, plan, group or unit


class Weights:
    """idf weights of terms (unknown terms weigh most)."""

    def __init__(self, idf: dict[str, float]):
        self.idf = idf
        self.top = max(idf.values(), default=1.0) * 1.2

    def of(self, terms) -> dict[str, float]:
        return {t: self.idf.get(t, self.top) for t in terms}


def coverage(weights: dict[str, float], text: str, partial: bool = False) -> float:
    """idf-weighted share of the terms present in ``text`` (with ``partial``: half credit
    for a missing term whose characters mostly appear there, e.g. 党的组织 ~ 党组织)."""
    total = sum(weights.values())
    if total <= 0:
        return 0.0
    norm = normalize(text)
    got = 0.0
    for term, w in weights.items():
        if present(term, norm):
            got += w
        elif partial and len(term) >= 2:
            bigrams = {term[i:i + 2] for i in range(len(term) - 1)}
            share = sum(1 for b in bigrams if b in norm) / len(bigrams)
            got += 0.5 * w * share if share >= 0.5 else 0.0
    return got / total


def _without_populace(focus: tuple[str, ...], weights: Weights) -> dict[str, float]:
    """The focus weights read without a leading word for the people of the place as a whole
    (``populace_modifiers``: 居民诉求 → 诉求, 居民 dropped), or {} when the first focus term has
    none: "收集诉求（件）1723" writes the asked 居民诉求."""
    populace = sp.answer_pattern("populace_modifiers").pattern.strip("^$")
    first = re.match(rf"(?:{populace})(?=[\u4e00-\u9fff]{{2}})", focus[0]) if focus else None
    if first is None:
        return {}
    return _focus_weights([t[first.end():] if t == focus[0] else t for t in focus if not re.fullmatch(populace, t)],
                          weights)


def _focus_weights(terms, weights: Weights) -> dict[str, float]:
    """The idf weights of the focus terms, the first (the asked thing itself) counting twice."""
    focus = weights.of(terms)
    if terms:
        focus[terms[0]] = focus[terms[0]] * 2
    return focus


def candidates(hits: list[Hit], max_hits: int, article_text=None) -> list[Candidate]:
    """Every distinct sentence of the top hits (a sentence repeated by overlapping passages once);
    a table row, or a label line under a heading, stands as its view (:mod:`retrieval.answer.tables`).
    ``article_text`` (doc id → text) lets a passage cut inside a table read its rows with the
    heading line just before it."""
    top = max((h.score for h in hits[:max_hits]), default=0.0) or 1e-6
    seen: set[str] = set()
    out = []
    for rank, hit in enumerate(hits[:max_hits]):
        rows = {**label_rows(hit.text), **table_rows(hit.text, _lead(hit, article_text))}
        for span in split_sentences(hit.text):
            row = rows.get(span.start)
            skip = 0 if row is not None else dateline_end(hit.text[span.start:span.end])
            if skip and span.end - span.start - skip >= 4:
                # "兴国县融媒体中心3月5日讯（通讯员 …）“我们村…": the dateline names who filed the
                # story, not the fact's place; the sentence starts after it.
                span = type(span)(span.start + skip, span.end)
            text = row.view if row is not None else hit.text[span.start:span.end]
            key = re.sub(r"\W", "", normalize(text))
            if len(key) < 4 or key in seen:
                continue
            seen.add(key)
            out.append(Candidate(rank, span.start, span.end, text, prior=max(hit.score, 0.0) / top, row=row))
    return out


def _lead(hit: Hit, article_text, reach: int = 1200) -> str:
    """The article text just before the passage, when the passage is the article's own text there."""
    if article_text is None or hit.start <= 0:
        return ""
    text = article_text(hit.doc_id)
    if text[hit.start:hit.end] != hit.text:
        return ""
    return text[max(0, hit.start - reach):hit.start]


_PRONOUN_LEAD = re.compile(r"^[“\"]?(?:他|她)(?![们])")


def _with_antecedent(passage: str, c: Candidate) -> str:
    """A sentence opening with 他/她 read with the people the sentence before it names
    ("…第一书记周文博说。他由区农业农村局选派…" → 周文博 他由…): the pronoun stands for them."""
    if c.row is not None or not _PRONOUN_LEAD.match(c.text):
        return c.text
    before = passage[max(0, c.start - 120):c.start]
    previous = re.split(r"[。！？!?\n]", before.rstrip("。！？!?\n \u3000"))[-1]
    names = [p.text for p in sp.person_spans(previous)]
    return " ".join(names[-1:] + [c.text])


def _near(text: str, start: int, end: int, terms: tuple[str, ...], window: int = 14) -> float:
    """Share of the head focus characters found in the clause around ``text[start:end]``."""
    left = max(text.rfind(c, 0, start) for c in "，,；;。、：:") + 1
    right_cut = [i for i in (text.find(c, end) for c in "，,；;。") if i != -1]
    right = min(right_cut) if right_cut else len(text)
    clause = normalize(text[max(left, start - window): min(right, end + window)])
    if not terms:
        return 1.0
    best = 0.0
    for head in variants(terms[0]):
        if head in clause:
            return 1.0
        grams = {head[i:i + 2] for i in range(len(head) - 1)} or {head}
        best = max(best, sum(1 for g in grams if g in clause) / len(grams))
    return best


def _own_term(part: Part, span: sp.Span) -> bool:
    """True when a span only repeats the question's own words (物业公司 for "物业公司叫什么")."""
    norm = normalize(span.text)
    return bool(norm) and norm in normalize(part.text)


def _gap(part: Part, text: str, span: sp.Span, reach: int = 12) -> int:
    """Characters between the span and the nearest mention of the asked thing in its clause
    (``reach`` when none is that near)."""
    left, right = _clause_bounds(text, span)
    clause = normalize(text[left:right])
    start, end = span.start - left, span.end - left
    gaps = [reach]
    for term in part.focus[:2]:
        for name in variants(term) if len(term) >= 2 else ():
            for m in re.finditer(re.escape(name), clause):
                gaps.append(start - m.end() if m.end() <= start else m.start() - end if m.start() >= end else reach)
    return max(0, min(gaps))


def _best_near(part: Part, text: str, spans: list[sp.Span]) -> tuple[sp.Span | None, float]:
    """The span whose clause holds most of the focus head; among those as near, one written
    right next to the asked thing ("在7个社区成立退休党员党支部24个" → 24个); then the first."""
    best, best_key = None, (-1.0, -1.0)
    for s in spans:
        if _own_term(part, s):
            continue
        key = (_near(text, s.start, s.end, part.focus), -_gap(part, text, s))
        if key > best_key:
            best, best_key = s, key
    return best, max(best_key[0], 0.0)


def _another_post(asked: str, said: str) -> bool:
    """True when one role is the other behind a word that makes it another post (第一书记 and
    书记; ``distinct_posts`` of ``answers.json``)."""
    longer, shorter = (asked, said) if len(asked) >= len(said) else (said, asked)
    if shorter not in longer:
        return False  # 干部 and 第一书记: not one post behind a word, two titles
    extra = longer.replace(shorter, "", 1)
    return bool(extra) and re.match(f"(?:{sp.answers_config()['distinct_posts']})", extra) is not None


@lru_cache(maxsize=1)
def _person_kinds() -> tuple[tuple[str, ...], ...]:
    """Families of kinds of people (``person_kinds.txt``), longest words first."""
    return tuple(tuple(sorted(line.split("|"), key=len, reverse=True)) for line in data_lines("person_kinds.txt"))


def _person_family(word: str) -> int | None:
    """The family of a kind of people a word ends with (外卖骑手 → 骑手's), or None."""
    best, size = None, 0
    for i, family in enumerate(_person_kinds()):
        for kind in family:
            if word.endswith(kind) and len(kind) > size:
                best, size = i, len(kind)
    return best


_BEFORE_FIGURE = "(?:有|达|共|约|为|是|近|超|超过|已达|达到|共有|总数)?$"


@lru_cache(maxsize=1)
def _kind_words() -> str:
    words = sorted({k for family in _person_kinds() for k in family}, key=len, reverse=True)
    return "|".join(map(re.escape, words))


def _kind_run(text: str) -> list[int]:
    """The families of a run of kinds of people (党员楼长 → 党员's, 楼长's), the head last."""
    return [f for m in re.finditer(_kind_words(), text) if (f := _person_family(m.group())) is not None]


def person_kind_miss(part: Part, text: str, span: sp.Span) -> bool:
    """True when the question counts one kind of people (多少名党员) and the figure is written
    right after or right before another kind (其中60岁以上老人1130人, 外卖骑手1.06万人 for 骑手党员)
    (families of ``person_kinds.txt``). A compound counts its head (党员楼长 are 楼长) and the kinds
    before it too: 党员楼长 answers how many 党员 serve as 楼长."""
    asked = _kind_run(part.counted) if part.counted else []
    if not asked:
        return False
    # "网格员里面有多少是党员": the kind written after the question word is counted too
    question = normalize(part.text)
    ask = re.search(r"多少|几", question)
    heads = {asked[-1], *(_kind_run(question[ask.end():]) if ask else [])}
    norm = normalize(text)
    run = f"(?:{_kind_words()})+"
    # "党员骑手、快递员26名": 党员 leads the first of the kinds listed before the figure, and so all
    before = re.search(f"({run}(?:、{run})*){_BEFORE_FIGURE}", norm[max(0, span.start - 20):span.start])
    after = re.match(f"{run}", norm[span.end:])
    for m in (before, after):
        if m:
            runs = [_kind_run(item) for item in (m.group(1) if m is before else m.group()).split("、")]
            listed = {said[-1] for said in runs if said}
            if len(runs) > 1 and any(a in listed for a in asked[:-1]):
                return True  # 外卖骑手党员 asked: 党员骑手、快递员26名 counts couriers too
            if any(said and (said[-1] in heads or asked[-1] in said[:-1]) for said in runs):
                return False
    if before or after:
        return True
    # a post no family lists, right before the figure, quotes aside (招募“槐安观察员”156名 for 党员):
    # people of that post, not of the kind asked unless its name holds it (党员观察员)
    near = re.sub(r"[“”\"'‘’「」『』]", "", norm[max(0, span.start - 20):span.start])
    post = re.search(rf"([\u4e00-\u9fff]{{1,6}}员){_BEFORE_FIGURE}", near)
    return bool(post) and _person_family(post.group(1)) is None \
        and not any(kind in post.group(1) for kind in _person_kinds()[asked[-1]])


def asked_org_kind(question: str) -> str:
    """The family of organisation whose name the question asks (``公司|集团|…`` for 那家物业公司叫什么),
    or "" when it names none before the words that ask for a name (``org_kinds`` and ``asks_name``
    of ``answers.json``)."""
    cfg = sp.answers_config()
    norm = normalize(question)
    ask = re.search(cfg["asks_name"], norm)
    if not ask:
        return ""
    before = norm[:ask.start()]
    best, at = "", -1
    for family in cfg["org_kinds"].values():
        for m in re.finditer(family, before):
            if m.end() > at:
                best, at = family, m.end()
    return best


def asks_frequency(question: str) -> bool:
    """True when the question asks how often (多长时间召开一次), so 每季度 answers it; 要等多少天
    asks a length of time."""
    return bool(re.search(sp.answers_config()["asks_frequency"], question))


def _dated(part: Part, hit: Hit) -> Part:
    """A number question asking 去年 or 前年 reads as asking the year that stands for in the
    article's date, so the figure of that year is picked ("由2021年的12.6万元增长到2023年的48.3万元",
    去年 asked of a 2024 article: 48.3万元)."""
    if part.answer_type != "number" or part.years:
        return part
    past = sorted(y for y in relative_years(part.text, hit.date) if y != hit.date[:4])
    return replace(part, years=tuple(past)) if past else part


def typed_span(part: Part, text: str) -> tuple[bool, sp.Span | None, float]:
    """Does the sentence carry the asked type? Returns ``(typed, best span, fit 0-1)``.

    ``fit`` says how much of the focus stands in the clause around the span: a number of
    the asked thing, a date of the asked event, a person in the asked role.
    """
    kind = part.answer_type
    if kind == "number":
        # Any unit asked for ("平均积分是多少"): a bare figure counts too (a table cell).
        if part.units == "点":
            often = sp.clock_spans(text)  # 几点 asked: 早上9点至晚上9点, not the 9 inside it
        else:
            often = sp.frequency_spans(text, part.units) if asks_frequency(part.text) else []
        # 每两周 is the answer, not the 两周 inside it
        plain = [s for s in sp.number_spans(text) if not any(o.start <= s.start and s.end <= o.end for o in often)]
        spans = [s for s in plain + often
                 if (re.fullmatch(rf"(?:万|亿)?(?:{part.units})", s.unit or "") if part.units else True)]
        # a figure the question itself writes (143名…党员中有多少是骑手, 由5个增加到了多少个) is given, not asked
        given = normalize(part.text)
        spans = [s for s in spans if not (re.search(r"\d", s.text) and re.search(
            rf"(?<![\d.]){re.escape(normalize(s.text))}", given))]
        if part.units == PERSON_UNITS:
            # people asked with 个 (这样的人有几个): a 个 figure counts people only when a person
            # noun stands next to it (12个网格员, 网格员12个), not 党委5个
            spans = [s for s in spans if s.unit != "个" or _person_next_to(text, s)]
        # A total asked: a per-unit figure (每个驿站配备2名) is not the answer when the sentence
        # also states another figure (全街道共有126名).
        spans = [s for s in spans if not per_unit(part, text, s)] or spans
        spans = [s for s in spans if not total_for_per_unit(part, text, s)] or spans  # 每台…: 对每部电梯补助15万元
        spans = [s for s in spans if not one_for_total(part, s)] or spans  # 合设一名楼长…选出楼长386名
        spans = [s for s in spans if not outcome_miss(part, text, s)] or spans  # 调解成功了多少: the successes
        spans = [s for s in spans if not period_mismatch(part, text, s)] or spans  # 1至10月 asked: not 五年来…
        # A bare magnitude (12万) stands in for the asked unit (万元) only when no figure
        # carries the unit itself ("设立5000万元基金，引进人才12万" → 5000万元).
        if part.units:
            spans = [s for s in spans if (s.unit or "").lstrip("万亿")] or spans
        if part.years:
            # "2021年8.6万元，2022年31.5万元，2023年达到63.2万元" and 2023 asked: the figure of its clause
            spans = [s for s in spans if any(y in clause_of(text, s) for y in part.years)] or spans
            # "从2021年的34个增加到2023年的96个" and 2023 asked: the figure its own year stands before
            spans = [s for s in spans if own_year(text, s, spans) in part.years] or spans
        if asks_change(part):
            spans = [s for s in spans if change_figure(text, s)] or spans  # 增长了多少 asked: the change
        if asks_then(part):
            # 刚成立时 asked, "由成立时的18人增加到现在的126人" written: the earlier figure
            spans = [s for s in spans if then_figure(text, s)] or spans
        elif asks_now(part) or (not part.years and any(w in normalize(part.text) for w in this_year_words())):
            spans = [s for s in spans if now_figure(text, s)] or spans  # …and 现在 or 今年 asked: today's
        spans = [s for s in spans if not person_kind_miss(part, text, s)]  # 党员 asked, "老人1130人" written
        best, fit = _best_near(part, text, spans)
        return best is not None, best, fit
    if kind == "person":
        people = [p for p in sp.person_spans(text) if not _own_term(part, p)]
        if part.role:
            deputy = part.role.startswith("副")
            named = people
            # a deputy (副书记) is not the head the question asks for, nor the reverse
            people = [p for p in people if not p.role or p.role.startswith("副") == deputy]
            # the role in another body (联合党委书记 when 党工委书记 is asked) is another post
            people = [p for p in people if not (part.role_body and p.body and p.body != part.role_body)]
            # a person whose asked role word is written for another post or body (组织委员覃晓岚兼任
            # 支部书记 when 党工委书记 is asked) is not found again by that word standing near
            elsewhere = {p.start for p in named if p not in people and p.role and
                         (p.role.lstrip("副") in part.role or part.role in p.role)}
            matching = [p for p in people if p.role and (p.role in part.role or part.role in p.role)
                        and not _another_post(part.role, p.role)]  # 第一书记 asked, 党支部书记 named
            people = matching or [p for p in people if _near(text, p.start, p.end, (part.role,)) >= 1.0
                                  and not (p.role and _another_post(part.role, p.role)) and p.start not in elsewhere]
        return bool(people), people[0] if people else None, 1.0 if people else 0.0
    if kind in ("date", "org"):
        found = sp.date_spans(text) if kind == "date" else sp.org_spans(text)
        if kind == "org" and (family := asked_org_kind(part.text)):
            found = [s for s in found if re.search(f"(?:{family})$", normalize(s.text))]  # a 社区党委 is no 物业公司
        best, fit = _best_near(part, text, found)
        return best is not None, best, fit
    if kind == "place":
        places = [p for p in question_places(text) if p not in part.places]
        return bool(places), None, 1.0 if places else 0.0
    if kind == "list":
        items = _item_count(part, text)
        # A sentence pointing back at items (由这4个村…) stands for them: the list quotes the items before it.
        typed = items >= 2 or sp.starts_enumeration(text) or sp.opens_enumeration(text) or sp.introduces_items(text) \
            or sp.points_back_at_items(text)
        return typed, None, min(1.0, max(items, 1 if typed else 0) / 3)
    return True, None, 1.0



def _item_count(part: Part, text: str) -> int:
    """How many items a sentence lists; for a list question the parties of a model joined by +
    count too (“社区党委+爱心企业+志愿者”模式), which for a number are no items."""
    count = sp.enumeration_count(text)
    return max(count, sp.joined_parties(text)) if part.answer_type == "list" else count


@lru_cache(maxsize=1)
def _person_before() -> re.Pattern:
    """A noun naming people that ends the text, with 共有/有/达 … after it (网格员共|12个)."""
    return re.compile(rf"(?:{person_nouns().pattern})(?:共有|共|有|达到|达|为)?$")


def _person_next_to(text: str, span: sp.Span) -> bool:
    """True when a noun naming people stands right after a 个 figure or right before it."""
    norm = normalize(text)
    return bool(person_nouns().match(norm, span.end)) or bool(_person_before().search(norm[:span.start]))


def subject_miss(part: Part, sentence: str) -> float:
    """Share of the question's word pairs whose second word the sentence has but not the first
    (电子信息/产业链 asked, 汽车零部件产业链 written): another thing of the same kind."""
    places = {w for p in part.places for w in words(p)}
    toks = [w for w in words(part.text) if len(w) >= 2 and re.match(r"[\u4e00-\u9fff]", w) and w not in places]
    norm = normalize(sentence)
    pairs = [(a, b) for a, b in zip(toks, toks[1:]) if present(b, norm)]
    if not pairs:
        return 0.0
    return sum(1 for a, _ in pairs if not present(a, norm)) / len(pairs)


def unit_exact(part: Part, span: sp.Span | None) -> float:
    """1 when a number's unit is exactly the one asked (家 for 多少家, not 个 of the same group)."""
    if span is None or not part.units or not span.unit:
        return 0.0
    asked = re.search(rf"(?:多少|几)\s*{ASKED_UNIT}", normalize(part.text))
    return float(bool(asked) and span.unit.lstrip("万亿").startswith(asked.group(1)))


def attached(part: Part, text: str, span: sp.Span | None, reach: int = 8) -> float:
    """1 when the asked thing is written right next to the answer (``入驻企业146家``, ``146家企业``)."""
    if span is None or not part.focus:
        return 0.0
    norm = normalize(text)
    near = norm[max(0, span.start - reach):span.start] + " " + norm[span.end:span.end + reach]
    return float(any(present(term, near) for term in part.focus[:2] if len(term) >= 2))


def _column_unit_miss(part: Part, view: str, span: sp.Span | None) -> bool:
    """True when the column name before a table cell writes its unit (联系企业（家）28) and that
    unit is not one the question asks (多少家次: visits, not firms)."""
    if span is None or not part.units:
        return False
    unit = re.search(r"[（(]([^（()）]{1,4})[）)]\s*$", normalize(view[:span.start]))
    return bool(unit) and is_unit_word(unit.group(1)) \
        and unit.group(1) not in part.units.split("|")


def _column_fits(part: Part, row: Row, text: str, span: sp.Span | None) -> bool:
    """True when a table cell stands under the asked column: its column names the asked thing
    (or the figure is attached to it) and the column's unit is not another."""
    return (attached(part, text, span) > 0 or _row_label_names(part, row, span)) \
        and not _column_unit_miss(part, text, span)


def _row_label_names(part: Part, row: Row, span: sp.Span | None) -> bool:
    """True when the label cell opening a table row names the asked thing and the figure stands
    in another cell: 村级集体经济总收入（万元） | 238 | 356 | 517, the columns being years or places."""
    if span is None or not part.focus or not row.cells:
        return False
    at, _, length = row.cells[0]
    if span.start < at + length:
        return False
    label = normalize(row.view[at:at + length])
    return any(present(term, label) for term in part.focus[:2] if len(term) >= 2)


def _head_words(part: Part) -> list[str]:
    """The Chinese words of the focus head (微网格 → 微, 网格), [] without a focus."""
    return [w for w in words(part.focus[0]) if re.match(r"[\u4e00-\u9fff]", w)] if part.focus else []


def modifier_miss(part: Part, sentence: str) -> float:
    """1 when the sentence has the head noun of the focus but not the word that narrows it
    (网格 but not 微网格, 企业党组织 but not 外资企业党组织)."""
    parts = _head_words(part)
    norm = normalize(sentence)
    return float(len(parts) >= 2 and parts[-1] in norm and parts[0] not in norm)


def modifier_implied(part: Part, title: str) -> float:
    """1 when the word that narrows the asked thing (适老化 of 适老化改造, 居民 of 居民诉求) goes
    without saying in the article: its title writes it, or it names the people of the place as a
    whole (``populace_modifiers`` of answers.json)."""
    parts = _head_words(part)
    if len(parts) < 2:
        return 0.0
    modifier = parts[0]
    return float(modifier in normalize(title) or bool(sp.answer_pattern("populace_modifiers").match(modifier)))


def rated_miss(part: Part, text: str, span: sp.Span | None) -> bool:
    """True when the question asks a rated attribute (满意度, 办结率: ``rated_attributes`` of
    answers.json) that the figure's clause does not write (物业费收缴率 for 满意的比例), or writes
    of another object (对停车管理的满意度 for 对微更新的满意度: ``rated_object``)."""
    rated, obj = sp.answer_pattern("rated_attributes"), sp.answer_pattern("rated_object")
    asked = normalize(part.text)
    stem = rated.search(asked)
    if stem is None or span is None:
        return False
    clause = normalize(clause_of(text, span))
    sentence = normalize(text)
    if stem.group() not in clause and stem.group() not in sentence[max(0, span.start - 30):span.end + 10]:
        return True
    asked_obj, written_obj = obj.search(asked), obj.search(clause)
    if asked_obj and written_obj:
        a, w = asked_obj.group("obj"), written_obj.group("obj")
        return not any(a[i:i + 2] in w for i in range(len(a) - 1))
    return False


def organisation_fit(part: Part, hit: Hit, article: str = "") -> bool:
    """False when the question names an organisation (鹊山湾红心物业服务有限公司) of which the
    hit's article writes no part of its own name: a 公司总经理 there is another company's. The
    outlet counts as the article's (a company paper, 秦岭重装报, calls its company 集团)."""
    name = part.organisation
    if not name:
        return True
    text = normalize(" ".join((hit.title, hit.publisher, hit.text, article)))
    return any(_piece_in(name[i:i + 2], text) for i in range(len(name) - 1))


_ITEM_HEAD = re.compile(rf"^{NUMBERED_HEAD}")


def _piece_in(piece: str, text: str) -> bool:
    """True when two characters of an organisation's name stand in ``text``: together, or as the
    short form of a bureau's name, each opening a word of it (卫健 of 卫生健康局, 人社 of
    人力资源和社会保障局)."""
    if piece in text:
        return True
    a, b = map(re.escape, piece)
    return bool(re.search(rf"{a}[\u4e00-\u9fff]{{1,6}}?{b}[\u4e00-\u9fff]{{0,6}}?局", text))


def organisation_owner_miss(part: Part, hit: Hit, cand: Candidate, article: str = "") -> bool:
    """True when a figure is asked of a named organisation (锦纶布业公司有多少名党员) that the
    article is not about (its title and outlet do not name it) and neither the sentence nor the
    text just before it names it: the figure is the article's subject's (联盟企业…37名党员技术骨干).
    So is a figure whose own clause opens on a group of organisations (链上企业共有党员736名).
    A person asked by a role in a named body (财政局党支部书记) is likewise one the text near the
    sentence ties to that body, not the secretary of another bureau's branch in a bulletin."""
    name = part.organisation
    if not name or part.answer_type not in ("number", "person"):
        return False
    pieces = {name[i:i + 2] for i in range(len(name) - 1)}
    if any(_piece_in(p, normalize(hit.title + " " + hit.publisher)) for p in pieces):
        return False
    if cand.span is not None and part.answer_type == "number":
        owner = sp.answer_pattern("group_owner").search(clause_before(cand.text, cand.span, "，,；;。"))
        if owner and not any(p in owner.group() for p in pieces):
            return True  # 链上企业共有党员736名: the group's figure, not the named company's
    offset = hit.start + cand.start
    before = article[max(0, offset - 200):offset] if article else hit.text[max(0, cand.start - 200):cand.start]
    lines = before.split("\n")
    heads = [i for i, line in enumerate(lines) if _ITEM_HEAD.match(line.strip())]
    if heads:
        before = "\n".join(lines[heads[-1]:])  # a bulletin's next item ("二、织港街道：…") starts afresh
    near = normalize(before + cand.text)
    if any(_piece_in(p, near) for p in pieces):
        return False
    return not refers_back(part, cand, normalize(article[:offset] if article else hit.text[:cand.start]), pieces)


def refers_back(part: Part, cand: Candidate, before: str, pieces: set[str]) -> bool:
    """True when the sentence calls the asked organisation by its kind alone (合作社聘请…,
    该公司…) and the last organisation of that kind the article named before it is the asked one
    (“青岭红”茶叶专业合作社 … 合作社聘请…): the bare kind points back at it, not at another
    cooperative the article named in between (``organisation_back_reference`` of answers.json)."""
    kind = next((k for k in sp.answers_config()["organisation_back_reference"].split("|")
                 if k in normalize(part.text)), "")
    sentence = normalize(cand.text)
    if not kind or not re.search(rf"(?:^|[，,；;：:、“”\s]|该|本|这家|这个){kind}", sentence):
        return False
    named = [m.start() for m in re.finditer(rf"(?<=[\u4e00-\u9fff”」』]){kind}", before)]
    return bool(named) and any(p in before[max(0, named[-1] - 12):named[-1]] for p in pieces)


def counted_miss(part: Part, sentence: str, title: str = "") -> bool:
    """True when the sentence counts the asked thing's kind but not the asked thing: the head
    noun of what is counted is written, the whole phrase is not, and a word that narrows it is
    missing (微网格 asked, 网格 written; 外资企业 asked, 企业 written; “五星楼宇党组织” asked,
    楼宇党组织 written). Such a figure counts something else; so does any figure of a sentence
    that does not name a counted thing the question quotes. A word the article's ``title``
    writes is its subject (渝岭重工 of 渝岭重工党员攻关项目), not a narrowing."""
    phrase = part.counted
    if len(phrase) < 3:
        return False
    norm = normalize(sentence)
    if present(phrase, norm):
        return False
    asked = normalize(part.text)
    if re.search(rf"[“\"「『]{re.escape(phrase)}[”\"」』]", asked):
        return True  # a named thing asked (“物业服务驿站”建成了几个): a figure of a sentence not naming it
    quoted = [q for q in re.findall(r"[“\"「『]([^”\"」』]{2,12})[”\"」』]", asked) if q in phrase]
    if any(not present(q, norm) for q in quoted):
        return True  # 楼院“红色小站” asked, “红色楼院”示范点 counted: the quoted name is the thing counted
    tokens = [(phrase[a:b], tag) for a, b, tag in pos_tokens(phrase)]
    if len(tokens) == 1 and len(phrase) >= 4:
        tokens = [(phrase[:-2], "n"), (phrase[-2:], "n")]  # 外资企业: 外资 narrows 企业
    if len(tokens) < 2:
        return False
    head = tokens[-1][0]
    subject = normalize(title)
    narrowing = [w for w, tag in tokens[:-1]
                 if tag.startswith(("n", "a", "b", "j")) and w.strip() and not present(w, subject)]
    return present(head, norm) and any(not present(w, norm) for w in narrowing)


def party_body_counted(part: Part, sentence: str, span: sp.Span | None) -> bool:
    """True when the figure counts party bodies of some unit (213个村党组织, 企业党支部46个) and the
    question counts things, not party bodies (多少个行政村): the figure is not their number."""
    if span is None or not part.counted or counts_people(part):
        return False
    if sp.answer_pattern("party_bodies").search(normalize(part.text)):
        return False  # 多少个村党组织, 党支部有几个: party bodies are counted
    norm = normalize(sentence)
    return bool(sp.answer_pattern("party_body_after").search(norm[span.end:span.end + 12])
                or sp.answer_pattern("party_body_before").search(norm[:span.start]))


def party_body_unwritten(part: Part, sentence: str, span: sp.Span | None, before: str = "") -> bool:
    """True when the question counts party bodies (多少个非公企业党组织) and the figure's sentence up
    to the end of the figure's clause, read after ``before`` (its paragraph's earlier sentences),
    names no party body at all (走访“两新”组织86家): the figure counts the organisations
    themselves, or something done to them, not their party bodies."""
    if span is None or not part.counted or counts_people(part):
        return False
    bodies = sp.answer_pattern("party_bodies")
    if not re.search(rf"(?:{bodies.pattern})$", part.counted):
        return False
    return not bodies.search(normalize(before + sentence[:_clause_bounds(sentence, span)[1]]))


def place_kind_miss(part: Part, sentence: str, span: sp.Span | None) -> bool:
    """True when the question counts one kind of place (多少个安置社区) and the figure's own noun is
    another kind standing alone (来自23个乡镇的群众): the figure counts other places."""
    if span is None or not part.counted:
        return False
    kinds = sp.answer_pattern("place_count_words")
    asked = re.search(rf"(?:{kinds.pattern})$", part.counted)
    if asked is None:
        return False
    after = normalize(sentence)[span.end:span.end + 12]
    tokens = [(after[a:b], tag) for a, b, tag in pos_tokens(after)]
    if not tokens or not kinds.fullmatch(tokens[0][0]) or tokens[0][0] in part.counted:
        return False
    return len(tokens) == 1 or not tokens[1][1].startswith(("n", "vn"))


def item_of_counted(part: Part, sentence: str, span: sp.Span | None) -> bool:
    """True when the kind asked (窑炉节能改造项目) is written only as one item of a list closed by
    等 before the figure (完成窑炉节能改造、釉料配方优化等攻关项目17项), or what is asked is
    itself such an item (快递员 asked: 快递员、外卖骑手、网约车司机等新就业群体从业人员2380余人):
    the figure counts the whole list's class, not that item."""
    if span is None:
        return False
    head = normalize(sentence)[:span.start]
    asked = part.focus[0] if part.answer_type == "number" and part.focus else ""
    if len(asked) >= 2:
        item = r"[^，。；;、,“”\d]{1,16}"
        whole = re.escape(asked)
        closed = list(re.finditer(rf"(?:{item}、)+{whole}(?:、{item})*等|{whole}(?:、{item})+等", head))
        if closed and asked not in head[closed[-1].end():]:
            return True
    phrase = part.counted
    if len(phrase) < 4:
        return False
    tokens = [phrase[a:b] for a, b, _ in pos_tokens(phrase)]
    if len(tokens) == 1:
        tokens = [phrase[:-2], phrase[-2:]]  # 外资企业: 外资 is the kind of 企业
    kind = "".join(tokens[:-1])
    if len(kind) < 2:
        return False
    item = r"[^，。；;、,“”]{1,16}"
    own = rf"{re.escape(kind)}[^，。；;、,“”等]{{0,6}}"  # the item naming the kind (外资企业, 窑炉节能改造)
    listed = re.compile(rf"(?:{item}、)+{own}(?:、{item})*等|{own}(?:、{item})+等")
    return bool(listed.search(head))


@lru_cache(maxsize=1)
def _sibling_families() -> tuple[tuple[tuple[str, ...], ...], ...]:
    """Families of kinds that exclude each other (``category_siblings.txt``): each kind is its
    name and its alternatives."""
    return tuple(tuple(tuple(kind.split("|")) for kind in line.split()) for line in data_lines("category_siblings.txt"))


def sibling_kind_miss(part: Part, passage: str) -> bool:
    """True when the question names one kind of a family (农村党组织书记, 外资企业) that the
    passage never writes, while it writes another kind of the same family (社区党组织书记,
    国有企业): the passage is about the other kind."""
    asked = normalize(part.text)
    for place in part.places:
        asked = asked.replace(place, " ")  # 柳岸村党支部 names a village, not the kind 农村
    text = normalize(passage)
    for family in _sibling_families():
        named = [kind for kind in family if any(alt in asked for alt in kind)]
        if len(named) != 1:
            continue  # none, or the question names two kinds of the family itself
        if any(alt in text for alt in named[0]):
            continue
        if any(alt in text for kind in family if kind is not named[0] for alt in kind):
            return True
    return False


def age_bound_miss(part: Part, sentence: str) -> bool:
    """True when the question bounds who it counts by an age (35岁以下的有多少名, 80岁以上老人吃一顿
    多少钱) and the sentence writes no such age: its figure is of everyone (新发展党员9名)."""
    asked = {cn_number(m.group(1)) for m in re.finditer(sp.answers_config()["age_bound"], normalize(part.text))}
    if not asked:
        return False
    written = {cn_number(m.group(1)) for m in re.finditer(r"([0-9]{1,3}|[一二两三四五六七八九十]{1,3})\s*周?岁", normalize(sentence))}
    return not asked & written


def given_group_miss(part: Part, sentence: str) -> bool:
    """True when the question counts within a group it gives by its size (被扣分的46人次中有多少是
    党员) and the sentence does not write that size: its figure is not counted within that group
    (the village's 党员33名); or writes the size but not the kind asked within it (81名党员里快递员
    党员有多少名, "党员已增至81名，其中新转入组织关系的14名": another part of the group)."""
    found = list(re.finditer(sp.answers_config()["given_group"], normalize(part.text)))
    if not found:
        return False
    if not {m.group(1) for m in found} & numbers(sentence):
        return True
    m = found[0]
    group = re.sub(r"^(?:余|多)?\s*(?:名|个|人次|人|户|家|位|项|件|所|支)|(?:之中|当中|中|里)$", "",
                   m.group()[len(m.group(1)):].strip())
    tail = normalize(part.text)[m.end():]
    # the asked kind: the longest focus term written after the group, the group's own noun taken off
    kinds = [t.removesuffix(group).removeprefix(group) if group else t
             for t in part.focus if t in tail and t != group]
    kind = max(kinds, key=len, default="")
    return len(kind) >= 2 and not _written(kind, normalize(sentence))


def place_items_miss(part: Part, sentence: str) -> bool:
    """True when the question asks which places (3个社区分别是哪几个, 另外几个村叫什么) and the
    sentence names none of that kind: "在3个社区试点" counts them, names none. Places listed
    before the place word (莲花、文荟、马鞍3个社区) are named too; a sentence naming one may be
    one item of a list gathered over several sentences."""
    m = re.search(sp.answers_config()["asks_place_items"], normalize(part.text))
    if not m or sentence.rstrip().endswith(("：", ":")):
        return False  # "首批试点村积分情况如下：" announces the rows that name them
    word = next(g for g in m.groups() if g)
    norm = normalize(sentence)
    asked = set(part.places)
    named = {p for p in question_places(norm) if p.endswith(word) and p not in asked}
    listed = re.search(rf"[\u4e00-\u9fff]{{2,6}}(?:{word})?(?:、[\u4e00-\u9fff]{{2,6}}(?:{word})?)+"
                       rf"(?:等)?(?:[0-9]+|[两三四五六七八九十]+)?个?{word}", norm)
    return not named and not listed


def restriction_miss(part: Part, sentence: str) -> bool:
    """True when the question narrows what it counts by a clause of two or more content words
    (已经完成供热管网改造的老旧小区) and the sentence writes fewer than half of them (a word counts
    when it, a synonym or half its characters are there): its figure counts the whole (有老旧小区
    36个), not the part asked about."""
    if part.answer_type != "number":
        return False
    words = counted_restriction(part.text, part.counted, part.places)
    if len(words) < 2:
        return False
    norm = normalize(sentence)
    return 2 * sum(1 for w in words if _written(w, norm)) < len(words)


def _written(word: str, norm: str) -> bool:
    """The word, a synonym of it, or half its characters stand in the (normalized) sentence
    (参加培训 ~ 参训)."""
    return present(word, norm) or 2 * sum(1 for ch in word if ch in norm) >= len(word)


def _clause_bounds(text: str, span: sp.Span) -> tuple[int, int]:
    """Where the clause holding ``span`` starts and ends (between commas or semicolons)."""
    left = max(text.rfind(c, 0, span.start) for c in "，,；;。：:") + 1
    right = [i for i in (text.find(c, span.end) for c in "，,；;。") if i != -1]
    return left, min(right) if right else len(text)


_YEAR = re.compile(r"((?:19|20)\d{2})年")


def own_year(text: str, span: sp.Span, spans: list[sp.Span]) -> str:
    """The year written before a figure and after the figure before it in its clause
    ("由2022年的41%提高到2023年的87%": 2023 for 87%), or ""."""
    left, _ = _clause_bounds(text, span)
    left = max([left] + [s.end for s in spans if s.end <= span.start])
    years = _YEAR.findall(text, left, span.start)
    return years[-1] if years else ""


def clause_of(text: str, span: sp.Span | None) -> str:
    """The clause holding the answer span (between commas or semicolons), or the sentence."""
    if span is None:
        return text
    left, right = _clause_bounds(text, span)
    return text[left:right].strip() or text


_ASKING = re.compile(r"[？?][”\"」』]?\s*$")


def items_focus(part: Part, text: str) -> float:
    """For a list question, 1 when a run of items shares its clause with the head of what is asked
    (``设置党员活动室、便民服务大厅等功能区``, ``居委会、业委会和物业企业每月召开联席会议``) —
    not with a word of it alone (``“规模适度、功能完备”`` for 功能区)."""
    if part.answer_type != "list" or not part.focus:
        return 0.0
    norm = normalize(text)
    terms = [t for t in part.focus[:1] if len(t) >= 2]
    for start, end, _ in sp.enumeration_runs(text):
        left = max(norm.rfind(c, 0, start) for c in "，,；;。：:") + 1
        right = [i for i in (norm.find(c, end) for c in "，,；;。") if i != -1]
        clause = norm[left:min(right) if right else len(norm)]
        if any(present(t, clause) for t in terms):
            return 1.0
    return 0.0


@lru_cache(maxsize=256)
def asked_list_verb(question: str) -> str:
    """The verb a list question asks its items with (课程内容*涵盖*哪些方面, 都*配*了哪些设施), or ""
    when it asks with none or with one that says nothing of where items stand (做了哪些工程:
    ``vague_list_verbs`` of answers.json)."""
    norm = normalize(question)
    cue = re.search(r"哪些|哪几|哪[一二两三四五六七八九十]", norm)
    if cue is None:
        return ""
    verbs = [norm[a:b] for a, b, tag in pos_tokens(norm[:cue.start()]) if tag == "v"]
    tail = norm[:cue.start()]
    if not verbs or not re.search(rf"{re.escape(verbs[-1])}[了的过都]*$", tail):
        return ""  # the verb must stand right before the question word (配了哪些), not far ahead
    return "" if sp.answer_pattern("vague_list_verbs").match(verbs[-1]) else verbs[-1]


def verb_listing(part: Part, text: str) -> bool:
    """True when the sentence writes the question's list verb right at a run of three or more
    items (均*配备*充电柜、微波炉、饮水机; 内容*涵盖*党组织规范化建设、党建与业务融合、…)."""
    verb = asked_list_verb(part.text)
    if not verb:
        return False
    norm = normalize(text)
    for start, end, count in sp.enumeration_runs(text):
        first = re.split(r"[、—／/]", norm[start:end], maxsplit=1)[0]
        if count >= 3 and verb in norm[max(0, start - 6):start] + first:
            return True
    return False


def list_anchor(part: Part, text: str) -> float:
    """For a list question, 1 when the sentence is where the asked items stand: a run of them
    next to the head (:func:`items_focus`), or a sentence naming the head that announces items
    (``集团党委主要采取了四项举措。``, ``街道总结为“三个一”。``, ``职责概括起来是“三带”：``)."""
    if part.answer_type != "list" or not part.focus:
        return 0.0
    if items_focus(part, text):
        return 1.0
    head = part.focus[0]
    announces = sp.introduces_items(text) or sp.opens_enumeration(text)
    return float(len(head) >= 2 and announces and present(head, normalize(text)))


def head_share(part: Part, text: str) -> float:
    """Share of the head phrase's character pairs found in the sentence (党群活动场所面积 ~ 党群活动服务中心)."""
    if not part.focus:
        return 0.0
    head = part.focus[0]
    norm = normalize(text)
    best = 0.0
    for form in variants(head):
        grams = {form[i:i + 2] for i in range(len(form) - 1)} or {form}
        best = max(best, sum(1 for g in grams if g in norm) / len(grams))
    return best


def _row_label(c: Candidate) -> str:
    """The entity a table row is about: its first cell (``研发中心党支部`` of its view), or ""."""
    label = normalize(c.text.split("：", 1)[0]).strip()
    return label if 2 <= len(label) <= 20 else ""


def _strong_fitting(cands: list[Candidate], keep, focus_share: float = 0.0) -> list[Candidate]:
    """The fitting candidates for which ``keep(c)`` holds, whose answer probability is at least
    ``ATTACH_SHARE`` of the strongest fitting candidate's and whose focus coverage is at least
    ``focus_share`` of its."""
    fitting = [c for c in cands if c.typed and c.places_ok and c.year_ok]
    top = max(fitting, key=lambda c: c.score, default=None)
    if top is None:
        return []
    return [c for c in fitting if keep(c) and c.score >= ATTACH_SHARE * top.score
            and c.cov_focus >= focus_share * top.cov_focus]


def promoted_attached(cands: list[Candidate]) -> list[Candidate]:
    """The fitting candidates whose figure stands next to the asked thing and whose answer
    probability is at least ``ATTACH_SHARE`` of the strongest fitting candidate's — and which
    write at least ``FOCUS_SHARE`` as much of what is asked as it does (完成改造96户 next to 改造
    does not displace …其中137户在基础类之外还做了提升类改造, which writes all of it)."""
    return _strong_fitting(cands, lambda c: c.features.get("attach"), focus_share=FOCUS_SHARE)


@lru_cache(maxsize=1)
def _info_labels() -> re.Pattern:
    labels = sorted(data_lines("meta_labels.txt"), key=len, reverse=True)
    return re.compile("(?:" + "|".join(map(re.escape, labels)) + r"|作者|编辑|责任编辑)\s*[：:]")


def info_line(text: str) -> bool:
    """True for a page's information line: two or more labelled fields (``时间：… 来源：… 作者：…``),
    or one opening it (``发布日期：2022-08-23``)."""
    norm = normalize(text).strip()
    labels = list(_info_labels().finditer(norm))
    return len(labels) >= 2 or (len(labels) == 1 and labels[0].start() == 0)


@lru_cache(maxsize=1)
def _counter_label() -> re.Pattern:
    labels = "|".join(map(re.escape, sorted(data_lines("counter_labels.txt"), key=len, reverse=True)))
    return re.compile(rf"({labels})(?:量|数|次数)?\s*[：:]?\s*$")


def page_counter(part: Part, text: str, span: sp.Span | None) -> bool:
    """True when the figure is the page's own counter (``2024-03-28 07:45　阅读 2.3万``,
    ``浏览次数：1536``): a bare count (万, 次 or a trailing + at most) right after a counter
    label, asked by a question that does not name that label. ``每月阅读2本`` counts books."""
    if span is None or span.kind != "number":
        return False
    label = _counter_label().search(normalize(text[:span.start]))
    if not label or label.group(1) in normalize(part.text):
        return False
    return re.fullmatch(r"[\d.,]+\s*万?\+?\s*次?", normalize(span.text)) is not None \
        and not re.match(r"\s*[\u4e00-\u9fff]", text[span.end:])


def score_candidates(part: Part, question: str, hits: list[Hit], weights: Weights, max_hits: int,
                     embed=None, article_text=None, model=None, semantic_top: int = 10) -> list[Candidate]:
    """Candidates of the hits with their features and answer probability, best first.

    Cheap features first (term coverage, typed span, place and year fit); the sentences'
    meaning is compared with the question only for the ``semantic_top`` most promising
    ones (the embedding model is the costly part); the answer model then gives each a
    probability (``Candidate.score``). Unfit candidates (no typed span, another place or
    year) sort last.
    """
    from retrieval.answer.model import feature_vector, load_model

    model = model or load_model()
    cands = candidates(hits, max_hits, article_text)
    if not cands:
        return []
    focus = _focus_weights(part.focus, weights)
    implied = _without_populace(part.focus, weights)
    qweights = weights.of(set(tokenize(part.text)))
    title_keys = {re.sub(r"\W", "", normalize(h.title)) for h in hits if h.title}
    for c in cands:
        hit = hits[c.hit_rank]
        c.cov_focus = coverage(focus, _with_antecedent(hit.text, c), partial=True) if focus else 0.5
        if implied:
            c.cov_focus = max(c.cov_focus, coverage(implied, _with_antecedent(hit.text, c), partial=True))
        c.cov_question = coverage(qweights, c.text + " " + hit.section, partial=True)
        c.typed, c.span, fit = typed_span(_dated(part, hit), c.text)
        if not c.typed and c.row is not None and part.answer_type == "number" and part.units:
            # a table cell carries no unit: its column names what it counts (党员网格员 | 17)
            c.typed, c.span, fit = typed_span(replace(part, units=""), c.text)
            if c.typed and not _column_fits(part, c.row, c.text, c.span):
                # the asked year stands in another column's name (2023年上报事件（件）5230): the cell
                # under the asked column (办结率（%）97.2) answers
                c.span = next((s for s in sp.number_spans(c.text) if _column_fits(part, c.row, c.text, s)), c.span)
            c.typed = c.typed and _column_fits(part, c.row, c.text, c.span)
        typed_first = c.typed
        if c.typed and part.answer_type == "number" and (
                per_unit(part, c.text, c.span) or total_for_per_unit(part, c.text, c.span) or per_one(c.text, c.span)
                or one_for_total(part, c.span)
                or one_person_for_average(part, c.text, c.span) or one_person_for_total(part, c.text, c.span)
                or class_bound(part, c.text, c.span) or bound_miss(part, c.text, c.span)
                or ((plan_mismatch(part.text, c.text) or (
                    article_text and in_plan_section(article_text(hit.doc_id), hit.start + c.start)))
                    and DONE.search(normalize(part.text)))
                or (states_planned(c.text[:c.span.end]) and not asks_plan(part.text))  # 计划…20名, not …，力争…
                or (future_dated(c.text, hit.date) and not asks_plan(part.text))  # 到2025年底…达到60个
                or period_mismatch(part, c.text, c.span) or change_mismatch(part, c.text) or sum_over_miss(part, c.text, c.span)
                or difference_for_amount(part, c.text, c.span) or rate_base_miss(part, c.text, c.span)
                or (c.row is None and one_figure_for_each(part, c.text, c.span))
                or whole_money_for_item(part, c.text, c.span) or stock_for_new(part, c.text, c.span)
                or given_total_for_part(part, c.text, c.span) or outcome_miss(part, c.text, c.span)
                or counted_among_kinds(part, c.text, c.span) or subset_place_miss(part, c.text, c.span)
                or relative_subset(part, c.text, c.span) or narrowed_count(part, c.text, c.span)
                or other_kind_counted(part, c.text, c.span) or other_households_counted(part, c.text, c.span)
                or other_people_counted(part, c.text, c.span) or share_of_other(part, c.text, c.span)
                or money_direction_miss(part, c.text, c.span) or money_kind_miss(part, c.text, c.span)
                or exchange_rate_miss(part, c.text, c.span) or batch_for_total(part, c.text, c.span)
                or one_off_for_recurring(part, c.text, c.span) or body_for_whole(part, c.text, c.span)
                or indefinite_one(part, c.text, c.span)  # 一个驿站，把…: "a", no count
                or magnitude_miss(part, c.text, c.span)  # 几毛钱 asked, 5元 written
                or page_counter(part, c.text, c.span)):  # "阅读 2.3万" under the dateline: the page's readers
            c.typed = False  # a per-unit figure for a total, a plan for what was done, another period, a state for a change
        if c.typed and part.answer_type == "number" and article_text and any(
                name not in normalize(c.text) for name in planned_only(part.text, article_text(hit.doc_id))):
            c.typed = False  # “诉前调解工作站” asked, written only as 计划…设立: nothing it did is counted yet
        if c.typed and part.answer_type == "date" and not part.article_fact and info_line(c.text):
            c.typed = False  # the page's "时间：… 来源：… 作者：…" line dates the page, not the asked event
        if c.typed and part.answer_type == "date" and asks_past_event(part) and states_plan(c.text):
            c.typed = False  # "帮背队是什么时候成立的？" is not answered by "计划在今年底前推广"
        if c.typed and (batch_mismatch(part, c.text, hit.text) or floor_mismatch(part, c.text)
                        or ordinal_unit_miss(part, c.text)):
            c.typed = False  # 首批 written, 第二批 asked; 六楼住户 written, 五楼住户 asked
        if c.typed and part.answer_type == "number" and rated_miss(part, c.text, c.span):
            c.typed = False  # 满意的比例 asked, 物业费收缴率 written; 对微更新的满意度 asked, 对停车管理的 written
        if c.typed and part.answer_type == "number" and asks_membership(normalize(part.text)) \
                and not attached(part, c.text, c.span):
            c.typed = False  # "143名党员中有多少是外卖骑手": only a figure written at 外卖骑手 answers
        if c.typed and part.answer_type == "number" and (counted_miss(part, c.text, hit.title)
                                                         or item_of_counted(part, c.text, c.span)
                                                         or party_body_counted(part, c.text, c.span)
                                                         or (c.row is None and party_body_unwritten(
                                                             part, c.text, c.span, paragraph_before(hit.text, c.start)))
                                                         or place_kind_miss(part, c.text, c.span)):
            c.typed = False  # 网格 counted, 微网格 asked; 窑炉节能改造、釉料配方优化等攻关项目17项
        if c.typed and measure_miss(part, c.text):
            c.typed = False  # 按什么标准缴纳 asked, 建立风险保证金制度 written: no standard, no figure
        if c.typed and sibling_kind_miss(part, hit.title + " " + hit.text):
            c.typed = False  # 农村党组织书记 asked, a passage on 社区党组织书记 only
        if c.typed and (restriction_miss(part, c.text) or age_bound_miss(part, c.text) or given_group_miss(part, c.text)
                        or place_items_miss(part, c.text)):
            c.typed = False  # 老旧小区 counted, 已经完成管网改造的老旧小区 asked
        if c.typed and (time_mismatch(part, hit, c.text) or past_for_now(part, hit, c.text, c.span)):
            c.typed = False  # "刚成立时" asked, "目前" written; 现在 asked, "2020年底…" written
        c.demoted = typed_first and not c.typed
        if c.typed and _ASKING.search(c.text):
            c.typed = False  # the article asks (网格党小组具体怎么运转？) — the answer follows it
        c.year_ok = years_fit(part, hit, c)
        c.headline = re.sub(r"\W", "", normalize(c.text)) in title_keys or (
            len(c.text) <= 30 and not re.search(r"[，。；！？,.;!?：:]", c.text))  # 主要做法有三条： is no headline
        c.extra = [fit, head_share(part, c.text)]
        c.score = 0.4 * c.cov_focus + 0.2 * c.extra[1] + 0.2 * c.cov_question + 0.2 * c.prior + 0.3 * c.typed
    cands.sort(key=lambda c: -c.score)
    short = cands[:semantic_top]
    named: dict[str, bool] = {}  # per article (per passage without the article): names the asked organisation
    for c in short:
        hit = hits[c.hit_rank]
        text = article_text(hit.doc_id) if article_text else ""
        key = hit.doc_id if text else hit.chunk_id
        if key not in named:
            named[key] = organisation_fit(part, hit, text)
        c.places_ok = named[key] and places_fit(part, hit, c, text) and not organisation_owner_miss(part, hit, c, text)
    if embed is not None:
        clauses = [clause_of(c.text, c.span) for c in short]
        vectors = np.asarray(embed([c.text for c in short] + clauses))
        queries = [normalize(question)] + ([part.focus[0]] if part.focus else [])  # as search embedded it
        qv = np.asarray(embed(queries, query=True))
        sims = vectors @ qv.T
        for i, c in enumerate(short):
            row, clause_row = sims[i], sims[len(short) + i]
            c.semantic = float(row[0])
            c.focus_semantic = float(row[1]) if len(row) > 1 else float(row[0])
            c.clause_semantic = float(clause_row[0])
    sem_max = max((c.semantic for c in short), default=0.0)
    elsewhere = max((c.cov_focus for c in short if (c.typed or c.demoted) and not (c.places_ok and c.year_ok)),
                    default=0.0)
    # the asked thing written with a figure that was set aside (a plan, another period, a per-unit
    # figure, a subset): the article states it, but not as asked
    demoted = max((c.cov_focus for c in short if c.demoted and c.places_ok and not c.headline), default=0.0)
    for c in cands:
        if c not in short:
            c.places_ok, c.semantic = False, min((x.semantic for x in short), default=0.0)
            c.focus_semantic = min((x.focus_semantic for x in short), default=0.0)
            c.clause_semantic = min((x.clause_semantic for x in short), default=0.0)
        c.features = feature_vector(c, part, sem_max)
        c.features.update(focus_elsewhere=max(0.0, elsewhere - c.cov_focus),
                          focus_demoted=max(0.0, demoted - c.cov_focus), modifier_miss=modifier_miss(part, c.text),
                          plan_mismatch=plan_mismatch(part.text, c.text),
                          enum_open=float(sp.starts_enumeration(c.text) or sp.opens_enumeration(c.text)),
                          items=min(1.0, _item_count(part, c.text) / 3),
                          unit_exact=unit_exact(part, c.span), attach=attached(part, c.text, c.span),
                          subject_miss=subject_miss(part, c.text), clause_sem=(c.clause_semantic - 0.8) * 10,
                          items_focus=items_focus(part, c.text), list_anchor=list_anchor(part, c.text),
                          own_place=names_asked_place(part, c.text),
                          modifier_implied=modifier_implied(part, hits[c.hit_rank].title))
        c.score = model.probability(c.features)
    if part.answer_type != "title":
        for c in cands:
            c.typed = c.typed and not c.headline  # a headline is never the answer sentence
    # A figure written next to the thing asked beats one elsewhere in its sentence — when the
    # model finds it at least a quarter as likely as the strongest fitting one (a weak sentence with
    # a figure next to a near synonym does not displace the sentence that answers).
    attach_ok = {id(c) for c in promoted_attached(cands)}
    attach_first = part.answer_type == "number" and bool(attach_ok)
    # A total asked (一共, 总共): among the fitting figures as likely, one whose clause states a
    # total (共联系群众3.1万户) comes before one person's or one unit's (她联系的14户居民).
    preferred: set[int] = set()
    if part.answer_type == "number" and asks_total(part):
        preferred = {id(c) for c in _strong_fitting(cands, lambda c: states_total(c.text, c.span))}
    # A table whose rows are entities (村, 党支部, 街道): the question that names one row's entity
    # is answered from that row, and the other rows are other entities' figures.
    asked = normalize(part.text)
    labels = {id(c): _row_label(c) for c in cands if c.row is not None}
    named_rows = {key for key, label in labels.items() if label and label in asked}
    if named_rows:
        for c in cands:
            if id(c) in labels and id(c) not in named_rows and labels[id(c)] not in ("合计", "总计", "小计"):
                c.typed = False
    # The named row goes first when the model finds it at least a quarter as likely as the
    # strongest fitting sentence: a row whose column is another thing (党员中心户（户）41 for 独居老人)
    # does not displace the sentence that answers.
    row_first = {id(c) for c in _strong_fitting(cands, lambda c: id(c) in named_rows)}
    if part.answer_type == "number" and asks_then(part):
        # 刚起步那会儿 asked: the figure written as the earlier state ("刚开始只有186名") first.
        then = {id(c) for c in _strong_fitting(cands, lambda c: c.span is not None and then_figure(c.text, c.span))}
        preferred = then or preferred
    # Likewise the sentence where the asked items stand, for a list.
    anchor_first = part.answer_type == "list" and any(
        c.features.get("list_anchor") and c.typed and c.places_ok and c.year_ok for c in cands)
    return sorted(cands, key=lambda c: (not (c.typed and c.places_ok and c.year_ok),
                                        bool(row_first) and id(c) not in row_first,
                                        attach_first and id(c) not in attach_ok,
                                        bool(preferred) and id(c) not in preferred,
                                        anchor_first and not c.features.get("list_anchor"), -c.score))
