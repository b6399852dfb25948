"""Does a sentence's fact belong to what was asked: the asked place, year, period, batch and time?

A figure can be right in every word and still answer another question: the district's total
for a village, last year's count for this year, the first batch for the second, a plan for
what was done, the state at the founding for the state now, a per-unit figure for a total.
These checks turn such sentences away before the answer model weighs them
(:mod:`retrieval.answer.evidence`).
"""

from __future__ import annotations

import re
from dataclasses import replace
from functools import lru_cache
from typing import TYPE_CHECKING

from partyqa.records import Hit
from partyqa.resources import data_json, data_words
from partyqa.text.normalize import normalize
from partyqa.text.places import place_hierarchy, question_places
from partyqa.text.segment import pos_tokens
from partyqa.text.synonyms import present
from retrieval.answer import spans as sp
from retrieval.question import TRAILING_MARKS, Part, asks_membership, person_nouns

if TYPE_CHECKING:
    from retrieval.answer.evidence import Candidate

_BROADER = re.compile(r"全(?:省|市|区|县|镇|乡|街道|社区|村)|各(?:区|县|市|镇|街道)"
                      r"|该(?:省|市|区(?!域)|县|镇|乡|街道)")  # 该区: the district just named, a whole too
_YEAR = re.compile(r"((?:19|20)\d{2})\s*年")
#: The people or bodies of every unit named by 各… (各街道（镇）党（工）委书记, 各社区负责人).
_UNIT_PEOPLE = re.compile(r"(?:[（(][^）)]{1,4}[）)])?(?:党|组织委员|书记|负责|主任|干部|分管|代表)")
_TOTAL = re.compile(r"一共|总共|共有|总数|总计|合计|累计|全部|全区|全县|全市|全镇|全街道|全乡")


def clause_before(text: str, span: sp.Span, stops: str = "，,；;。") -> str:
    """The figure's own clause up to the figure: the normalized text after the last of ``stops``."""
    norm = normalize(text)
    return norm[max(norm.rfind(c, 0, span.start) for c in stops) + 1:span.start]


def per_unit(part: Part, text: str, span: sp.Span | None) -> bool:
    """True when a total is asked ("一共有多少名党员") — or a count of people or things without
    asking per unit (去年选聘了多少名楼院长; ``asks_per_unit`` and ``count_units`` of
    ``answers.json``) — but the figure counts per unit ("每个中心每天至少有2名党员")."""
    counts = bool(part.units) and bool(_answer_pattern("count_units").match(part.units))
    if span is None or not (asks_total(part) or (counts and not _answer_pattern("asks_per_unit").search(
            normalize(part.text)))):
        return False
    clause = clause_before(text, span)
    # "一艘党员示范船联系3至4艘普通渔船": one thing is the subject, the figure a ratio
    if _answer_pattern("per_unit_marks").search(clause) or _answer_pattern("one_subject").search(clause):
        return True
    # "10元一份的套餐", "每人12元/次", "充满一次约1元": a price per portion, per person or per time
    return bool(_answer_pattern("price_per_after").match(normalize(text), span.end)
                or ("元" in (span.unit or "") and _answer_pattern("price_per_before").search(clause)))


def total_for_per_unit(part: Part, text: str, span: sp.Span | None) -> bool:
    """True when a figure per thing is asked (每个网格有多少名兼职网格员, 户均分红多少; ``asks_per_thing``
    of ``answers.json``) and the figure's sentence writes no share before it (每, 各, 人均, 一名党员
    联系…): "选聘兼职网格员58名" counts them all, not those of one grid."""
    if span is None or part.answer_type != "number" or asks_total(part) \
            or not _answer_pattern("asks_per_thing").search(normalize(part.text)):
        return False  # 每人包一条巷子的党员一共有几位: a total of those who each hold one
    before = clause_before(text, span, stops="；;。")
    return not (_answer_pattern("one_subject").search(before) or any(mark in before for mark in "每各均"))


_ONE = re.compile(r"(?:一|1)(?![\d.．点千万亿百十])")


def one_person_for_total(part: Part, text: str, span: sp.Span | None) -> bool:
    """True when a total is asked (总共对接了多少户) and the figure, in a clause stating no total,
    is one person's own (上面印着她联系的14户居民): one person's count."""
    if span is None or not asks_total(part) or states_total(text, span):
        return False
    return bool(_ONE_PERSONS.search(clause_before(text, span)))


#: One person's own things right before the figure (她联系的14户, 他包保的3个), not a group's
#: (他们联系的), and not what a named leader did for the place (书记邹丽萍牵头设立…27个).
_ONE_PERSONS = re.compile(r"[他她](?!们)[\u4e00-\u9fff]{1,4}的$")


def one_person_for_average(part: Part, text: str, span: sp.Span | None) -> bool:
    """True when an average is asked (人均可支配收入, 平均年龄) and the figure's sentence states
    none (``average_written``) but names one person before it (搬迁群众王光荣…收入不到1万元):
    one person's figure is no average."""
    if span is None or not _answer_pattern("asks_average").search(normalize(part.text)):
        return False
    if _answer_pattern("average_written").search(normalize(text)):
        return False
    return bool(sp.person_spans(text[:span.start]) or sp.person_spans(text[:span.start], roles=person_nouns().pattern))


def one_for_total(part: Part, span: sp.Span | None) -> bool:
    """True when a total is asked (一共供餐多少份) and the figure is a written-out one (端着一份套餐,
    一名党员): one of something is what a story narrates, not a total it counts."""
    return span is not None and span.text.startswith("一") and not span.text.startswith("一万") \
        and len(span.text) == 1 + len(span.unit) and asks_total(part)


def per_one(text: str, span: sp.Span | None) -> bool:
    """True when the figure is the one of a rate's base (每成功调解一起纠纷补贴100元, 每发展一名
    党员): its own clause opens with 每 and the figure is one; what is counted follows it."""
    if span is None or not _ONE.match(span.text):
        return False
    left = clause_before(text, span)
    at = left.rfind("每")
    # 每个网格配备1名: a measure word after 每 makes 每 name the unit, and the one is the answer;
    # 每1分可兑换价值1元: the base is written after 每 with its own figure, and the one is the rate
    return at >= 0 and not _answer_pattern("per_unit_marks").match(left, at) and not re.match(r"每\s*[\d一二两三四五六七八九十]", left[at:])


def exchange_rate_miss(part: Part, text: str, span: sp.Span | None) -> bool:
    """True when the figure is what one unit exchanges for (1分可兑换价值1元的商品, 每积分折合0.5元:
    ``exchange_rate`` of answers.json) and the question asks no such rate (兑换物品价值多少, not
    攒一分能换多少钱)."""
    if span is None:
        return False
    if not _answer_pattern("exchange_rate").search(clause_before(text, span)):
        return False
    return not _answer_pattern("asks_exchange_rate").search(normalize(part.text))


_answer_pattern = sp.answer_pattern
cn_number = sp.cn_number


def class_bound(part: Part, text: str, span: sp.Span | None) -> bool:
    """True when the figure bounds a class (面积达到500平方米以上的有61个, 60岁以上的): it
    describes which things are counted, it measures nothing — unless the question writes it or
    asks for the bound itself (多少分以上; ``class_bound`` and ``asks_bound`` of ``answers.json``)."""
    if span is None or not _answer_pattern("class_bound").match(normalize(text), span.end):
        return False
    if _answer_pattern("asks_bound").search(normalize(part.text)):
        return False  # "达到多少分以上可以评为五星": the bound is what is asked
    digits = re.sub(r"\D", "", span.text)
    return not (digits and digits in normalize(part.text))


def magnitude_miss(part: Part, text: str, span: sp.Span | None) -> bool:
    """True when the question's words bound the sum asked (几毛钱 is under one yuan: the
    ``asked_below`` of answers.json, in yuan) and the figure, read in yuan, is not below it
    (每户每月只有5元 for 一平米掏几毛钱)."""
    if span is None:
        return False
    asked = normalize(part.text)
    limit = next((float(v) for k, v in sp.answers_config()["asked_below"].items() if k in asked), None)
    figure = re.match(r"(\d+(?:\.\d+)?)\s*(万|亿)?元", normalize(span.text))
    if limit is None or figure is None:
        return False
    value = float(figure.group(1)) * {"万": 1e4, "亿": 1e8}.get(figure.group(2) or "", 1.0)
    return value >= limit


def bound_miss(part: Part, text: str, span: sp.Span | None) -> bool:
    """True when the question asks for a bound (达到多少分以上可以评为五星, 多少岁以下) and the
    figure is written as none (先锋分40分): neither 以上/以下 after it nor 不低于/超过 before it
    (``written_bound`` of ``answers.json``)."""
    if span is None or not _answer_pattern("asks_bound").search(normalize(part.text)):
        return False
    norm = normalize(text)
    return not (_answer_pattern("class_bound_word").match(norm, span.end)
                or _answer_pattern("written_bound").search(norm[max(0, span.start - 4):span.start]))


def asks_change(part: Part) -> bool:
    """True when the question asks how much something rose or fell (减少了多少, 同比增长多少)."""
    return bool(_answer_pattern("asks_change").search(normalize(part.text)))


def change_mismatch(part: Part, text: str) -> bool:
    """True when the question asks how much something rose or fell (减少了多少, 同比增长多少) and
    the sentence writes no change: no figure after a word of change in its clause (减少6小时,
    同比增长14.5%) and no state before and after (由11小时缩短到5小时) — only a plain state
    (书记每周填表的时间平均约11小时). The words are ``asks_change`` and ``change_words`` of
    ``answers.json``."""
    if not asks_change(part):
        return False
    spans = sp.number_spans(text)
    return not any(change_figure(text, s) or then_figure(text, s) for s in spans)


def difference_for_amount(part: Part, text: str, span: sp.Span | None) -> bool:
    """True when the question asks an amount (制造周期一共有多少天, 收购价每斤多少钱) — it writes
    no change or comparison — and the figure is the size of a difference: a word of change or
    comparison stands right before it in its clause (缩短了9天, 每斤高于市场价0.5元, 比去年多12户).
    The words are ``difference_written`` and ``difference_asked`` of ``answers.json``."""
    if span is None or asks_change(part) or _answer_pattern("difference_asked").search(normalize(part.text)):
        return False
    return bool(_answer_pattern("difference_written").search(clause_before(text, span, "，,；;。：:")))


def _rate_bases(text: str) -> set[str]:
    same = sp.answers_config()["rate_base_same"]
    return {same.get(b, b) for m in _answer_pattern("rate_base").finditer(text) for b in m.groups() if b}


def rate_base_miss(part: Part, text: str, span: sp.Span | None) -> bool:
    """True when the question asks a rate per some base (每人每个月能多挣多少, 每亩分红多少) and the
    figure's own clause states a rate per another base of the same kind (每年 asked, 月均 written)
    or per a quantity the question does not ask by (蚕茧收购价每斤高出2元; 户均 for 每亩): another
    rate. ``rate_base`` and ``rate_base_dims`` of ``answers.json``; 人均月增收 answers 每人每个月."""
    if span is None:
        return False
    asked = _rate_bases(normalize(part.text))
    if not asked:
        return False
    written = _rate_bases(clause_before(text, span, "，,；;。"))
    if not written:
        return False
    for dim, bases in sp.answers_config()["rate_base_dims"].items():
        kind = set(bases.split("|"))
        a, w = asked & kind, written & kind
        if dim == "quantity" and ((a and a != w) or (w and not a and not asked & written)):
            return True  # per jin written, per person asked; per household written, per mu asked
        if a and w and not a & w:
            return True  # per year asked, per month written
    return False


def one_figure_for_each(part: Part, text: str, span: sp.Span | None) -> bool:
    """True when the question asks a figure for each of several things (5个党支部各有多少名党员)
    and the sentence writes only one figure in the asked unit (下设党支部5个，…93名党员): the
    total, or one item's, answers no question about each (``asks_each`` of ``answers.json``)."""
    asked = _answer_pattern("asks_each").search(normalize(part.text)) if span is not None and part.units else None
    if asked is None:
        return False
    units = set(part.units.split("|"))
    how_many = cn_number(re.match(r"[\d两三四五六七八九十]+", asked.group()).group()) if asked.group()[0] != "几" else 2
    # one figure per thing, three enough to tell (下设党支部5个…93名党员（其中流动党员31名）is no list)
    return sum(1 for s in sp.number_spans(text) if s.unit in units) < max(2, min(how_many or 2, 3))


def whole_money_for_item(part: Part, text: str, span: sp.Span | None) -> bool:
    """True when money is asked for one thing (加装的5部电梯一共花了多少钱) and the sentence names
    that thing only after the money figure, as one of the works listed with their own figures
    (总投资4180万元，完成管网改造21.6公里、外墙保温19.8万平方米，…加装电梯5部), or the first of
    them (总投资2360万元，更换供排水管网4.2公里): the amount is the whole project's, not the thing's."""
    if span is None or "元" not in (span.unit or "") or not part.focus:
        return False
    norm = normalize(text)
    before, after = norm[:span.start], norm[span.end:]
    terms = [t for t in part.focus if len(t) >= 2 and t in norm]
    if not terms or any(t in before for t in terms):
        return False  # the thing is named before its amount (加装电梯5部，投入资金300万元)
    at = min(after.find(t) for t in terms)
    between = after[:at]
    # …or in the next clause with a measure of its own (总投资2360万元，更换供排水管网4.2公里): one of
    # the works (a second amount, 比周边小区低0.1元 or 每部电梯补助15万元, is no work done; 投入300万元
    # 加装电梯5部 spends the money on it)
    own = re.split(r"[，,；;。、]", after[at:])[0]
    first_work = bool(re.search(r"[，,；;]", between)) and any("元" not in (s.unit or "元") for s in sp.number_spans(own))
    return len(sp.number_spans(between)) >= 2 or first_work


def stock_for_new(part: Part, text: str, span: sp.Span | None) -> bool:
    """True when the question asks how many were added (新吸收了几个党员) and the figure is
    written as a stock held (共有党员1486名): ``asks_new`` and ``stock_written`` of answers.json."""
    if span is None or not _answer_pattern("asks_new").search(normalize(part.text)):
        return False
    return bool(_answer_pattern("stock_written").search(clause_before(text, span, "，,；;。")))


def given_total_for_part(part: Part, text: str, span: sp.Span | None) -> bool:
    """True when the question writes a whole's figure and asks a lower place's part of it
    (璞岭街道已完成的47个“微项目”中，璞园社区完成了几个) and the sentence is the one stating that
    figure (…认领“微项目”60个，已完成47个) without naming the lower place: the whole's sentence."""
    if span is None or len(part.places) < 2:
        return False
    asked = normalize(part.text)
    last = asked.find(part.places[-1])
    given = [g.text for g in sp.number_spans(asked[:last]) if g.unit] if last > 0 else []
    norm = normalize(text)
    return any(g in norm for g in given) and not any(n in norm for n in _aliases(part.places[-1]))


def outcome_miss(part: Part, text: str, span: sp.Span | None) -> bool:
    """True when the question asks how many came to an outcome (调解成功了多少件纠纷, 项目办完了多少个:
    ``outcome_asked`` of answers.json) and the figure's clause does not write it nor an equivalent
    (今年1至7月，调解室又接手纠纷87件: cases taken on, not settled)."""
    if span is None:
        return False
    asked = [next(g for g in m.groups() if g) for m in _answer_pattern("outcome_asked").finditer(normalize(part.text))]
    if not asked:
        return False
    norm = normalize(text)
    clause = clause_before(text, span) + norm[span.start:span.end]
    clause += re.split(r"[，,；;。]", norm[span.end:span.end + 4])[0]  # 调解108件成功: the outcome after it
    return not any(present(word, clause) for word in asked)


def one_off_for_recurring(part: Part, text: str, span: sp.Span | None) -> bool:
    """True when the question asks an amount given again and again (每年的日常运行经费补助:
    ``recurring_asked`` of answers.json) and the figure's own clause writes it as given once
    (给予一次性建设补助1.5万元: ``one_off_written``)."""
    if span is None or not _answer_pattern("recurring_asked").search(normalize(part.text)):
        return False
    return bool(_answer_pattern("one_off_written").search(clause_before(text, span)))


def measure_miss(part: Part, text: str) -> bool:
    """True when an open question asks by what measure a thing is done (按什么标准缴纳:
    ``measure_asked`` of answers.json) and the sentence writes neither the measure nor any figure:
    建立领办合作社风险保证金制度 names the deposit, not its standard."""
    if part.answer_type == "number":
        return False
    asked = [m.group(1) for m in _answer_pattern("measure_asked").finditer(normalize(part.text))]
    return bool(asked) and not sp.number_spans(text) and not any(present(word, text) for word in asked)


def change_figure(text: str, span: sp.Span) -> bool:
    """True when the figure is the amount of a change: a word of change stands before it in its
    clause and is not a state's ``…到`` (减少6小时, 同比增长14.5% — not 减少到5小时)."""
    clause = clause_before(text, span, "，,；;。：:")
    return any(not re.match(r"了?(?:到|至)", clause[m.end():])
               for m in _answer_pattern("change_words").finditer(clause))


def sum_over_miss(part: Part, text: str, span: sp.Span | None) -> bool:
    """True when the question writes how many things it sums over (27个村…销售额加起来) and the
    sentence neither writes that count nor states a total in the figure's own clause: the
    figure is one thing's own (合作社销售额860万元). The words are ``sum_over`` and ``sum_count``
    of ``answers.json``."""
    asked = normalize(part.text)
    cfg = sp.answers_config()
    if span is None or not re.search(cfg["sum_over"], asked):
        return False
    counts = [m.group() for m in re.finditer(cfg["sum_count"], asked)]
    if not counts:
        return False
    norm = normalize(text)
    # the count written with another measure or in figures (两个大仓库 asked, 建起2座保鲜冷库 written)
    asked_n = {cn_number(m.group(1)) for m in re.finditer(cfg["sum_count"], asked)}
    said_n = {cn_number(m.group(1)) for m in re.finditer(cfg["sum_count"], norm)}
    return not any(c in norm for c in counts) and not asked_n & said_n and not states_total(text, span)


def relative_subset(part: Part, text: str, span: sp.Span | None) -> bool:
    """True when a total is asked (一共有多少名党员) and the figure's clause counts the asked thing
    behind a clause of what some of them did (率先签字的党员业主有57名, 新发展的党员有12名): a part,
    not the whole — unless the question writes that verb too."""
    if span is None or not part.counted or not asks_total(part):
        return False
    clause = clause_before(text, span)
    at = clause.find(part.counted)
    if at < 1 or clause[at - 1] != "的":
        return False
    tokens = [(clause[a:b], tag) for a, b, tag in pos_tokens(clause[:at - 1])]
    if not tokens or not tokens[-1][1].startswith("v"):
        return False
    return tokens[-1][0] not in normalize(part.text)


#: A part asked of a group by where its members come from (候鸟党员中来自吉林省的有多少名).
_SUBSET_ASKED = re.compile(r"中([^，,。？?]{2,14}?)的(?:人)?(?:有|占)?(?:多少|几)")


def subset_place_miss(part: Part, text: str, span: sp.Span | None) -> bool:
    """True when the question asks the part of a group that a place narrows (候鸟党员中来自吉林省的有
    多少名) and the figure's clause does not write that place before the figure: 已有437名候鸟党员
    登记报到，…分别来自黑龙江、吉林、辽宁等21个省份 counts them all, the place only listed after."""
    if span is None:
        return False
    asked = _SUBSET_ASKED.search(normalize(part.text))
    if asked is None:
        return False
    places = question_places(asked.group(1))
    if not places:
        return False
    head = clause_before(text, span)
    return not all(any(n in head for n in _aliases(p)) for p in places)


PEOPLE_UNITS = {"名", "人", "位"}


def counts_people(part: Part) -> bool:
    """True when the question counts people: one of its units is a unit of people (名, 人, 位)."""
    return bool(PEOPLE_UNITS & set((part.units or "").split("|")))


def _names_people(word: str) -> bool:
    """True when ``word`` ends on people (物业员工, 骑手): ``people_heads`` of answers.json or a person noun."""
    return bool(_answer_pattern("people_heads").search(word) or person_nouns().search(word))


def narrowed_count(part: Part, text: str, span: sp.Span | None) -> bool:
    """True when people are counted (多少名党员) and the figure counts a narrower kind of them: a
    word the question does not write stands between the figure and the people (1365名在职党员),
    or the people asked name another kind of people just before the figure (党员楼栋长93名; the
    ``people_heads`` of answers.json) or are counted among another group (物业员工中有党员9名).
    Totals, quantifiers and possession (其中, 现有; the ``not_narrowing`` of ``answers.json``),
    one-character words and the asked places narrow nothing. (A word before the figure, 当年只有
    队员23名, 配备专职网格员57名, is as often a verb as a narrowing, and is not read.)"""
    counted = part.counted
    if span is None or part.answer_type != "number" or not counted or not counts_people(part):
        return False
    norm, asked = normalize(text), normalize(part.text)
    # 党员楼栋长93名, 党员志愿者共有120名: the people asked name another kind of people
    kind = re.search(rf"{re.escape(counted)}([\u4e00-\u9fff]{{1,4}}?)(?:共有|共|有|达到|达|为)?$", norm[:span.start])
    member = asks_membership(asked)  # 队员里面有多少是党员: 党员骑手64名 answers
    # 有1名党员楼栋长 likewise, the kind written after the figure
    after_kind = re.match(rf"{re.escape(counted)}([\u4e00-\u9fff]{{1,4}}?)(?=[，,；;。、和及与]|$)", norm[span.end:span.end + 12])
    for found in (kind, after_kind):
        if found and not member and _answer_pattern("people_heads").search(found.group(1)) \
                and not present(found.group(1), asked):
            return True
    # 物业员工中有党员9名: the people asked among another group of people
    among = re.search(rf"([\u4e00-\u9fff]{{2,6}}?)中(?:有|共有)?{re.escape(counted)}(?:共有|共|有|达到|达|为)?$",
                      norm[:span.start])
    if among and _names_people(among.group(1)):
        qualifier = among.group(1)[:-2]  # 物业 of 物业员工; 居民 alone, 全社区居民: the whole place's people
        if qualifier and not re.match(r"[全本该各其]", qualifier) and not present(qualifier, asked):
            return True
    # a place's total asked (一共有多少名党员) and 有员工42名，其中党员7名 written: the asked people
    # among another group's count (not the place's own people: 有居民3200人，其中党员126名 is the
    # community's; nor an asked company's staff)
    subset = re.search(rf"([\u4e00-\u9fff]{{2,4}}?)\d[\d.]*万?[名人位][，,]?其中(?:有)?{re.escape(counted)}$", norm[:span.start])
    if subset and part.places and asks_total(part) and not part.organisation and _names_people(subset.group(1)) \
            and not _answer_pattern("populace_modifiers").match(subset.group(1)[-2:]) \
            and not present(subset.group(1)[-2:], asked):
        return True
    after = norm[span.end:span.end + 8]
    at = after.find(counted)
    word = after[:at] if at > 0 else ""
    if len(word) < 2 or not re.fullmatch(r"[\u4e00-\u9fff]+", word) or _answer_pattern("not_narrowing").match(word):
        return False
    return not present(word, asked) and not present(word + counted, asked) \
        and not any(word in place for place in part.places)


def other_kind_counted(part: Part, text: str, span: sp.Span | None) -> bool:
    """True when things are counted (多少艘渔船, 多少个社区) and the noun right after the figure,
    quotation marks aside, is another kind with the same head character (17艘“党员示范船”,
    31个小区): it ends on the asked thing's last character without writing the asked thing, and
    the question does not write it either — nor describes a kind of its own (带头出海的渔船).
    People are :func:`narrowed_count`'s."""
    counted = part.counted
    if span is None or part.answer_type != "number" or len(counted) < 2 or not part.units or counts_people(part):
        return False
    after = re.sub(r"[“”\"「」『』]", "", normalize(text)[span.end:span.end + 12])
    end = after.find(counted[-1], 0, 8) + 1
    word = after[:end]
    if len(word) < 2 or not re.fullmatch(r"[\u4e00-\u9fff]+", word) or counted in word:
        return False
    ends_noun = any(b == end and tag.startswith("n") for _, b, tag in pos_tokens(after))
    asked = normalize(part.text)
    described = re.search(rf"([\u4e00-\u9fff、，,]{{2,}})的{re.escape(counted)}", asked)
    if described and not any(described.group(1).endswith(place) for place in part.places):
        return False  # 船头插着党旗、带头出海的渔船: the question describes a kind of its own
    return ends_noun and not present(word, asked)


def indefinite_one(part: Part, text: str, span: sp.Span | None) -> bool:
    """True when the figure is 一 written as a character with its measure word opening the
    sentence or a quoted name (一个驿站，把“新群体”暖起来; “一个中心”统筹…): "a", not a count."""
    if span is None or part.answer_type != "number" or not span.text.startswith("一"):
        return False
    return not re.sub(r"[“”\"「」『』《》【】\s]", "", text[:span.start])


def other_households_counted(part: Part, text: str, span: sp.Span | None) -> bool:
    """True when households of one kind are counted (多少户困难家庭) and the noun right after a
    household figure is another kind sharing no character with it, which the question does not
    write (为86户独居老人送去…): the figure counts other households. The units that count
    households are ``household_units`` of answers.json."""
    counted = part.counted
    if span is None or part.answer_type != "number" or len(counted) < 2:
        return False
    if not _answer_pattern("household_units").fullmatch(span.unit or ""):
        return False
    if _answer_pattern("household_generic").fullmatch(counted):
        return False  # 几户人家加入: 37户农户入社 answers
    after = re.sub(r"[“”\"「」『』]", "", normalize(text)[span.end:span.end + 12])
    tokens = pos_tokens(after)[:3]
    end = next((b for _, b, tag in tokens if tag.startswith(("n", "l", "j"))), 0)
    word = after[:end]
    if len(word) < 2 or not re.fullmatch(r"[\u4e00-\u9fff]+", word):
        return False
    shared = (set(word) & set(counted)) - set(span.unit)  # 种植大户 and 脱贫户 share only the unit
    return not shared and not present(word, normalize(part.text))


def other_people_counted(part: Part, text: str, span: sp.Span | None) -> bool:
    """True when people are counted (多少名专职网格员) and the figure's own clause names other
    people right before it, not the asked ones (选出微网格长612名, 其中党员278名): the clause up
    to the figure and the few characters after it do not write the asked people's head noun."""
    counted = part.counted
    if span is None or part.answer_type != "number" or len(counted) < 2 or not counts_people(part):
        return False
    if not re.search(f"(?:{person_nouns().pattern})$", counted):
        return False  # 多少人参加“银发先锋”志愿服务队: a body is named, its people are counted
    head = counted[-3:] if len(counted) >= 3 else counted
    before = clause_before(text, span)
    clause = before + normalize(text)[span.end:span.end + 6]
    if present(head, clause) or present(counted[-2:], clause):
        return False
    if "、" in before and re.search(r"由|(?:共|共计|合计|总计|一共)$", before):
        return False  # 由居民代表、党员、物业代表共15人组成: the kinds listed make up the people asked
    people = re.sub(r"(?:共有|共|有|达到|达|为|约)$", "", before)  # 其中党员278名, 选出微网格长612名
    return bool(_answer_pattern("people_heads").search(people) or re.search(f"(?:{person_nouns().pattern})$", people))


def counted_among_kinds(part: Part, text: str, span: sp.Span | None) -> bool:
    """True when people are counted (多少名党员) and the figure counts several kinds of people
    listed right before it, the asked one among them (吸纳退休干部、老党员、律师等112人): the
    figure is all of them, not the asked people's."""
    counted = part.counted
    if span is None or part.answer_type != "number" or len(counted) < 2 or not counts_people(part):
        return False
    # …网约车司机等新就业群体约2300人: the group's name and an 约 may stand between 等 and the figure
    listed = re.search(r"([^，,；;：:。]*、[^，,；;：:。]*?)(?:等[\u4e00-\u9fff]{0,8}?(?:约|共|共计|合计|总计|达|有)?"
                       r"|共|共计|合计|总计)$", clause_before(text, span))
    if listed is None:
        return False
    items = [i for i in re.split(r"[、和及]", re.sub(r"[“”\"「」]", "", listed.group(1))) if i]
    asked = normalize(part.text)
    if sum(present(i, asked) for i in items) >= 2 or re.search(r"[\u4e00-\u9fff]{2}、[\u4e00-\u9fff]{2}", asked):
        return False  # 送外卖、送快递、开网约车的有多少人: the question lists kinds, asking them together
    return len(items) >= 2 and any(present(counted, i) for i in items) and not all(present(counted, i) for i in items)


#: A share asked of a group (交物业费的住户占了多大比例, 党员占比是多少): group 1 ends with the group's noun.
_SHARE_ASKED = re.compile(r"([\u4e00-\u9fff]{2,8}?)(?:所占|占了?)(?:的)?(?:多大|多少|几成|百分之几|比例|比重|的比例)")
#: A share written of a group right before the figure (60岁以上老人占比31%, 党员占62%).
_SHARE_WRITTEN = re.compile(r"([\u4e00-\u9fff]{2,8}?)(?:所占比例|所占比重|占比|占)(?:达到|达|为|约|超过)?$")


def share_of_other(part: Part, text: str, span: sp.Span | None) -> bool:
    """True when a share of one group is asked (住户占了多大比例) and the figure is written as the
    share of another group (60岁以上老人占比31%, 党员占比62%): neither the asked group's noun
    nor the written group's stands in the other."""
    if span is None or part.answer_type != "number":
        return False
    question = normalize(part.text)
    written = _SHARE_WRITTEN.search(clause_before(text, span))
    if not written or "%" not in (span.unit or span.text):
        return False
    w = written.group(1)[-2:]
    asked = _SHARE_ASKED.search(question)
    if not asked:
        # a rate asked with no group (收上来的比例有多高): a group's share does not answer it
        return not present(w, question)
    a = asked.group(1)[-2:]
    return not present(a, written.group(1)) and not present(w, asked.group(1))


def money_direction_miss(part: Part, text: str, span: sp.Span | None) -> bool:
    """True when money is asked one way (spent: 花了多少钱, 投入多少) and the figure's own clause
    writes only the other way (earned: 实现集体收入52万元), or the reverse (``money_spent`` and
    ``money_earned`` of answers.json)."""
    if span is None or part.answer_type != "number" or "元" not in (span.unit or ""):
        return False
    spent, earned = _answer_pattern("money_spent"), _answer_pattern("money_earned")
    asked = normalize(part.text)
    clause = clause_before(text, span)
    asks_spent, asks_earned = bool(spent.search(asked)), bool(earned.search(asked))
    if asks_spent == asks_earned:
        return False
    if asks_spent:
        return bool(earned.search(clause)) and not spent.search(clause)
    return bool(spent.search(clause)) and not earned.search(clause)


@lru_cache(maxsize=1)
def _money_kinds() -> tuple[re.Pattern, ...]:
    return tuple(re.compile(p) for p in sp.answers_config()["money_kinds"])


def money_kind_miss(part: Part, text: str, span: sp.Span | None) -> bool:
    """True when the question asks one kind of money (捐赠了多少, 投资多少, 分红, 每户出资: the
    families of ``money_kinds`` in answers.json) and the figure's own clause writes another kind
    and not the asked one (补贴资金18万元 for 投资; 区级财政补助15万元 for 每户出资)."""
    if span is None or part.answer_type != "number" or "元" not in (span.unit or ""):
        return False
    asked = re.sub(r"从[^，,。？?]{0,12}?中", "", normalize(part.text))  # 从经营性收入中拿出: the source, not the kind
    asked_kinds = [k for k in _money_kinds() if k.search(asked)]
    if len(asked_kinds) != 1:
        return False
    clause = clause_before(text, span)
    written = [k for k in _money_kinds() if k.search(clause)]
    return bool(written) and asked_kinds[0] not in written


_STATES_TOTAL = re.compile(r"共|累计|总计|合计|总数|总量|总额|全(?:省|市|区|县|镇|乡|街道|社区|村)")


def asks_total(part: Part) -> bool:
    """True when the question asks for a total (一共, 总共, 全区共有…)."""
    return bool(_TOTAL.search(_without_honours(normalize(part.text))))


def asks_whole(part: Part) -> bool:
    """True when the question asks about a whole (全区, 各街道), not about an honour of that
    level (``哪三个项目入选了全区优秀案例`` asks about the street's projects)."""
    return bool(_BROADER.search(_without_honours(normalize(part.text))))


@lru_cache(maxsize=1)
def _body_word() -> re.Pattern:
    """The words that end an organisation's name (``organisation_suffixes`` of questions.json)."""
    return re.compile(data_json("questions.json")["organisation_suffixes"])


def _names_only_bodies(text: str, place: str) -> bool:
    """True when every mention of ``place`` in ``text`` opens an organisation's name: the place
    joined to the rest of the name up to its ending word (石嘴山市沁安物业服务有限公司, 城关区东篱
    农贸市场) with no mark, figure or link word (``organisation_name_breaks`` of answers.json)
    between. Such a place says whose name it is, not where the fact is."""
    ends = [m.end() for m in re.finditer(re.escape(place), text)]
    return bool(ends) and all(_body_name().match(text, end) for end in ends)


@lru_cache(maxsize=1)
def _body_name() -> re.Pattern:
    """The rest of an organisation's name after the place opening it, up to its ending word."""
    breaks = sp.answers_config()["organisation_name_breaks"]
    return re.compile(rf"(?:(?!{breaks})[\u4e00-\u9fff]){{2,12}}?(?:{_body_word().pattern})")


def body_for_whole(part: Part, text: str, span: sp.Span | None) -> bool:
    """True when the question asks about the whole of a place (驼泉乡全乡的种植面积) and the
    figure's sentence is about a body in it (合作社…种植面积由1100亩扩大到3600亩), naming no whole
    and no place: the body's figure, not the whole's."""
    if span is None or not asks_whole(part):
        return False
    head = normalize(text)[:span.start]
    return bool(_body_word().search(head)) and not _BROADER.search(head) and not question_places(head)


def _without_honours(text: str) -> str:
    """The text without the 全 of a whole right after an honour verb (入选全区 → 入选区)."""
    return _honour_whole().sub(r"\1", text)


@lru_cache(maxsize=1)
def _honour_whole() -> re.Pattern:
    verbs = data_json("questions.json")["honour_verbs"]
    return re.compile(rf"((?:{verbs})了?)全(?=省|市|区|县|镇|乡|街道)")


def asks_place_attribute(part: Part) -> bool:
    """True when the question asks what the place has as a whole (常住人口, 面积; the words are
    ``place_attributes`` of ``questions.json``)."""
    asked = normalize(part.text)
    return any(present(word, asked) for word in _place_attributes())


@lru_cache(maxsize=1)
def _place_attributes() -> tuple[str, ...]:
    return tuple(data_json("questions.json")["place_attributes"].split("|"))


def states_total(text: str, span: sp.Span | None) -> bool:
    """True when the figure's own clause states a total (``共联系群众3.1万户``, ``全区累计…``),
    not one person's or one unit's count (``她联系的14户居民``)."""
    if span is None:
        return False
    return bool(_STATES_TOTAL.search(clause_before(text, span, "，,；;。：:")))


_PLAN = re.compile(r"计划|拟|将要|预计|目标|力争|争取|规划|打算|预期")
DONE = re.compile(r"实际|已经|已|完成了|建成了|累计|截至|目前")


_PERIOD = re.compile(r"(?<!每)(?:全年|一年|半年|上半年|下半年|[一二三四1-4]季度|[前头][一二三四五六七八九十\d]+个?月|"
                     r"\d{1,2}(?:至|到|-|—|~|～)\d{1,2}月|[一二三四五六七八九十]+(?:至|到)[一二三四五六七八九十]+月)")
#: A span of years a figure may be written for (五年来, 近三年, 3年间): another period than a part of one year.
#: One year (一年来) is the 全年 of _PERIOD, no span of years.
_YEARS_SPAN = re.compile(r"(?:[二三四五六七八九十两]+|[2-9]|\d{2,})年(?:来|以来|间)|近(?:[二三四五六七八九十两]+|[2-9]|\d{2,})年")
_BATCH = re.compile(r"(?:第[一二三四五六七八九十\d]+|首)(批|期|轮|届)")


def period_mismatch(part: Part, sentence: str, span: sp.Span | None = None) -> bool:
    """True when the question asks about one period (全年, 一季度, 头十个月) and the sentence's
    figure is for another (半年来, 1至6月). A period after 每 is how often (每半年反馈一次), no period.

    A sentence that writes the asked period beside others (五年来…成功化解609件，其中…今年1至10月受理
    117件) dates each figure by the last period written before it: 609件 is of the five years."""
    asked = {_canon_period(m) for m in _PERIOD.findall(normalize(part.text))}
    norm = normalize(sentence)
    said = {_canon_period(m) for m in _PERIOD.findall(norm)}
    if not (asked and said):
        return False
    if not asked & said:
        return True
    if span is None:
        return False
    marks = [(m.end(), _canon_period(m.group())) for m in _PERIOD.finditer(norm[:span.start])]
    marks += [(m.end(), "") for m in _YEARS_SPAN.finditer(norm[:span.start])]
    last = max(marks, default=None)
    return last is not None and last[1] not in asked


def _canon_period(text: str) -> str:
    """One spelling of a period: 1到8月, 1-8月, 一至八月 and 前8个月 are all 1-8月; 上半年 is
    1-6月 and 一季度 1-3月; 一年 is 全年."""
    if text in ("一年", "全年"):
        return "全年"
    if text in ("半年", "上半年"):
        return "1-6月"
    if text == "下半年":
        return "7-12月"
    digits = re.sub(r"[一二三四五六七八九十]+", lambda m: str(cn_number(m.group())), text)
    quarter = re.fullmatch(r"(\d)季度", digits)
    if quarter:
        q = int(quarter.group(1))
        return f"{3 * q - 2}-{3 * q}月"
    first = re.fullmatch(r"[前头](\d+)个?月", digits)
    if first:
        return f"1-{int(first.group(1))}月"
    span = re.fullmatch(r"(\d+)\D+(\d+)月", digits)
    return f"{int(span.group(1))}-{int(span.group(2))}月" if span else text


def batch_mismatch(part: Part, sentence: str, passage: str = "") -> bool:
    """True when the question asks about one batch or round (第二批) and the sentence names
    another of the same kind (首批, 第一批) but not the asked one — or names none while its
    passage speaks of another batch of that kind and never of the asked one."""
    asked = {(_canon_batch(m.group()), m.group(1)) for m in _BATCH.finditer(normalize(part.text))}
    if not asked:
        return False
    said = {(_canon_batch(m.group()), m.group(1)) for m in _BATCH.finditer(normalize(sentence))}
    if not said and passage:
        around = {(_canon_batch(m.group()), m.group(1)) for m in _BATCH.finditer(normalize(passage))}
        return any(kind in {k for _, k in around} and (word, kind) not in around for word, kind in asked)
    return any(kind in {k for _, k in said} and (word, kind) not in said for word, kind in asked)


def batch_for_total(part: Part, sentence: str, span: sp.Span | None) -> bool:
    """True when a total is asked (加起来一共, 总共) of no particular batch and the figure's own
    clause names one batch or phase (首期拆除整理旧厂房186亩, 第一批12个): one batch's figure."""
    if span is None or not asks_total(part) or _BATCH.search(normalize(part.text)):
        return False
    return bool(_BATCH.search(clause_before(sentence, span)))


def floor_mismatch(part: Part, sentence: str) -> bool:
    """True when the question asks about those on one floor (五楼住户) and the sentence writes
    another floor's (六楼住户每户出资约4.2万元) but not the asked one (``floor`` of ``answers.json``)."""
    pattern = _answer_pattern("floor")
    asked = {cn_number(m.group(1)) for m in pattern.finditer(normalize(part.text))}
    said = {cn_number(m.group(1)) for m in pattern.finditer(normalize(sentence))}
    return bool(asked and said and not asked & said)


def ordinal_unit_miss(part: Part, sentence: str) -> bool:
    """True when the question asks about one numbered unit of a body (泉桦社区第3网格党支部有多少名
    党员: ``ordinal_unit`` of answers.json) and the sentence neither names that unit nor points
    back at one (社区党委下设网格党支部6个…现有党员318名 counts the whole community)."""
    pattern = _answer_pattern("ordinal_unit")
    asked = {_canon_batch(re.sub(r"\s", "", m.group())) for m in pattern.finditer(normalize(part.text))}
    if not asked:
        return False
    norm = normalize(sentence)
    said = {_canon_batch(re.sub(r"\s", "", m.group())) for m in pattern.finditer(norm)}
    return not any(a in s or s in a for a in asked for s in said) and not re.search(r"该|这个|此|其(?!中|他|余|它)", norm)


def _canon_batch(text: str) -> str:
    """One spelling of a batch or round: 首批 and 第1批 are 第一批."""
    text = re.sub(r"^首", "第一", text)
    return re.sub(r"\d+", lambda m: "一二三四五六七八九十"[int(m.group()) - 1] if 1 <= int(m.group()) <= 10 else m.group(), text)


_THEN = re.compile(r"刚成立时|成立之初|成立时|起初|最初|当初|原来|原先|以前|此前|之前|(?<![年月天周])过去|刚开始|开始时|"
                   r"头一年|第一年|头年|首年|"
                   r"刚起步|起步时|起步之初|刚办起来|刚建起来|刚建成时|刚组建|刚推出|刚开通|刚成立|之初|初期|起步阶段|"
                   r"刚[^，,。？?]{1,8}(?:那会儿?|那阵子?|的时候|时候)")


_NOW = re.compile(r"目前|现在|现已|现有|如今|截至目前|截至今年|至今")


def asks_then(part: Part) -> bool:
    """True when the question asks about an earlier state (刚成立时, 刚起步那会儿)."""
    return bool(_THEN.search(normalize(part.text)))


def asks_now(part: Part) -> bool:
    """True when the question asks about the state now (现在, 目前)."""
    return bool(_NOW.search(normalize(part.text)))


def _marked_before(pattern: re.Pattern, text: str, span: sp.Span) -> bool:
    """True when ``pattern`` stands within the ten characters before the figure."""
    norm = normalize(text)
    return bool(pattern.search(norm[max(0, span.start - 10):span.start]))


def _marked_nearest(pattern: re.Pattern, text: str, span: sp.Span) -> bool:
    """True when ``pattern`` stands within the ten characters before the figure with no other
    figure between them: in "由过去平均6小时缩短到2小时以内", 过去 marks 6小时, not 2小时."""
    norm = normalize(text)
    window = norm[max(0, span.start - 10):span.start]
    marks = list(pattern.finditer(window))
    return bool(marks) and not re.search(r"\d", window[marks[-1].end():])


#: A figure written as the start of a change: "由2023年初的26名发展到…", "从2021年的17名增加到…".
_FROM = re.compile(r"[由从][^，。；,;由从]{0,16}?的?$")
_TO = re.compile(r"^[^，。；,;]{0,3}?(?:增加|发展|提高|增长|上升|扩大|壮大|提升|下降|减少|降低|缩短)?到")


def then_figure(text: str, span: sp.Span) -> bool:
    """True when the figure is written as the earlier state (``由成立时的18人``, ``刚开始只有186名``,
    ``由2023年初的26名发展到…``)."""
    norm = normalize(text)
    start_of_change = bool(_FROM.search(norm[max(0, span.start - 18):span.start]) and _TO.match(norm[span.end:]))
    return start_of_change or _marked_nearest(_THEN, text, span)


#: A figure written as the end of a change: "由71.3%提高到95.8%", "诉求降至612件".
_INTO = re.compile(r"(?:增加|发展|提高|增长|上升|扩大|壮大|提升|下降|减少|降低|缩短|达到|升|降|增)(?:到|至)了?"
                   r"(?:(?:19|20)\d{2}年(?:底|末|初)?的|现在的|目前的|如今的)?$")


def now_figure(text: str, span: sp.Span) -> bool:
    """True when the figure is written as today's (``增加到现在的126人``, ``目前已有…``) or as
    where a change ended (``由71.3%提高到95.8%``), not where it began."""
    return _marked_before(_NOW, text, span) or (_marked_before(_INTO, text, span) and not then_figure(text, span))


_PAST_YEAR = re.compile(r"((?:19|20)\d{2})\s*年(?![^，。；,;]{0,6}?(?:以来|至今|到现在|起))")


def past_for_now(part: Part, hit: Hit, sentence: str, span: sp.Span | None) -> bool:
    """True when 现在 is asked and the figure is written as the state at the start (成立之初…只有46户)
    or its sentence dates it to a year before the article's ("2020年底，园区只有企业党组织19个" in a
    2023 article), saying nothing of today."""
    if span is None or not asks_now(part) or part.years or not hit.date[:4].isdigit():
        return False
    norm = normalize(sentence)
    if now_figure(sentence, span):
        return False
    if then_figure(sentence, span):
        return True  # "合作社成立之初，入社农户只有46户"
    if _NOW.search(norm):
        return False
    years = [int(y) for y in _PAST_YEAR.findall(norm[:span.start])]
    return bool(years) and max(years) < int(hit.date[:4])


def time_mismatch(part: Part, hit: Hit, sentence: str) -> bool:
    """True when the question asks about an earlier state (刚成立时, 2019年) and the sentence's
    figure is today's (目前…) — unless the article itself dates from the asked year."""
    s = normalize(sentence)
    if not _NOW.search(s) or _THEN.search(s):
        return False
    if any(then_figure(sentence, n) for n in sp.number_spans(sentence)):
        return False  # "由2023年初的26名发展到现在的167名" states the earlier figure too
    if asks_then(part):
        return True
    return bool(part.years) and not any(hit.date.startswith(y) for y in part.years)


#: The number of a section or item in Chinese numerals (三、, （三）).
NUMBERED_HEAD = r"(?:[一二三四五六七八九十]+、|[（(][一二三四五六七八九十]+[)）])"
#: A paragraph opening on a numbered heading (（三）, 三、), even when the heading runs on into its text.
_SECTION_OPENING = re.compile(rf"(?:^|\n)\s*{NUMBERED_HEAD}")
_HEADING = re.compile(rf"^(?:{NUMBERED_HEAD}|\d{{1,2}}[.、．])\s*\S")


def in_plan_section(article: str, offset: int, reach: int = 800) -> bool:
    """True when the nearest numbered heading line before ``offset`` heads plans (五、下一步打算):
    the items under it are what is to be done, not what was done."""
    lines = article[max(0, offset - reach):offset].split("\n")[:-1]
    for line in reversed(lines):
        line = line.strip()
        if len(line) <= 30 and _HEADING.match(line):
            return bool(_answer_pattern("plan_headings").search(normalize(line)))
    return False


def asks_past_event(part: Part) -> bool:
    """True when a when-question asks about something that happened (是什么时候成立的, 哪一年建成了),
    not about a plan (计划什么时候建成)."""
    q = TRAILING_MARKS.sub("", normalize(part.text))
    return not _PLAN.search(q) and (q.endswith("的") or "了" in q)


def states_plan(sentence: str) -> bool:
    """True when the sentence states a plan (计划…, 力争…) and nothing already done."""
    s = normalize(sentence)
    return bool(_PLAN.search(s)) and not DONE.search(s)


def asks_plan(question: str) -> bool:
    """True when the question asks about what is planned (计划, 明年, 下一步, 准备, 要 …: the plan
    words and ``asks_future`` of ``answers.json``)."""
    q = normalize(question)
    return bool(_PLAN.search(q) or _answer_pattern("asks_future").search(q))


def states_planned(sentence: str) -> bool:
    """True when the sentence states what is to be done (计划发展…, 力争…, 下一步…: ``planned`` of
    ``answers.json``, not 计划 as a programme's name) and nothing done. A quoted model or slogan
    (采取“社区提供场地、街道争取补贴”的模式) states no plan."""
    s = _QUOTED.sub("", normalize(sentence))
    return bool(_answer_pattern("planned").search(s)) and not DONE.search(s)


#: A name the question quotes (“诉前调解工作站”, “松心帮办队”): group 1 is the name.
_QUOTED_NAME = re.compile(r"[“\"「『]([^”\"」』]{2,16})[”\"」』]")
#: A number or question word with its measure word right before a quoted name: the name is counted.
_COUNTED_BEFORE = re.compile(r"(?:\d|多少|几)[个项件名家座处条支批]?$")


@lru_cache(maxsize=64)
def planned_only(question: str, article: str) -> tuple[str, ...]:
    """The names the question quotes (“诉前调解工作站”), the groups it gives by their size
    (年内新建的4个共享车间) and the words that name a kind of a thing (集成电路 of
    集成电路产业链党委) that the article writes only in sentences stating a plan (下一步，街道
    计划…设立“诉前调解工作站”; 计划年内再建4个共享车间; 将在集成电路…等领域再组建2个产业链
    党委): such a thing does not exist yet, so a figure of another sentence does not answer what
    it has done. Empty when a plan is asked."""
    asked = normalize(question)
    names = _QUOTED_NAME.findall(asked)
    # 集成电路产业链党委 asked, "将在集成电路、高端模具等领域再组建2个产业链党委" the only
    # sentence with 集成电路 while 产业链党委 stands in others: that kind is still to come
    kinds = _kind_words(asked)
    groups = [m for m in _SIZED_GROUP.finditer(asked) if cn_number(m.group(1)) > 0]
    if not (names or kinds or groups) or not article or asks_plan(question):
        return ()
    sentences = re.split(r"(?<=[。！？!?；;\n])", normalize(article))

    def only_planned(holds) -> bool:
        holding = [s for s in sentences if holds(s)]
        return bool(holding) and all(states_plan(s) or states_planned(s) for s in holding)

    out = [word for word in names + kinds if only_planned(lambda s, w=word: w in s)]
    for group in groups:
        # 年内新建的4个共享车间 asked, "计划年内再建4个共享车间" the only sentence with them
        size, unit, noun = cn_number(group.group(1)), group.group(2), group.group(3)
        written = re.compile(rf"(\d+|[一二两三四五六七八九十]+)\s*{unit}{noun}")
        if only_planned(lambda s, n=size, w=written: any(cn_number(m.group(1)) == n for m in w.finditer(s))):
            out.append(f"{size}{unit}{noun}")
    return tuple(out)


def _kind_words(asked: str) -> list[str]:
    """Words of the question that name a kind of the noun right after them (集成电路 of
    集成电路产业链党委): a noun of two or more characters before another noun."""
    tokens = [(asked[a:b], tag) for a, b, tag in pos_tokens(asked)]
    places = question_places(asked)
    return [word for (word, tag), (after, tag_after) in zip(tokens, tokens[1:])
            if len(word) >= 2 and len(after) >= 2 and tag.startswith(("n", "j")) and tag_after.startswith(("n", "j"))
            and not tag.startswith("ns") and not any(word in p for p in places)]


#: A group the question gives by its size (新建的4个共享车间): the size, the measure word and the
#: first two characters of the noun.
_SIZED_GROUP = re.compile(r"(?<![\d.])(\d+|[一二两三四五六七八九十]+)\s*(个|家|处|座|所|支|艘|栋|条|间)([\u4e00-\u9fff]{2})")


def future_dated(sentence: str, date: str) -> bool:
    """True when the sentence sets a deadline after the article's own ``date`` (到2024年12月底 in a
    plan of March 2024, 今年底前): its figure is a target. The patterns are ``future_deadline``
    and ``year_end_deadline`` of ``answers.json``."""
    if not re.match(r"\d{4}-\d{2}", date or ""):
        return False
    s = normalize(sentence)
    if _answer_pattern("year_end_deadline").search(s):
        return True
    now = (int(date[:4]), int(date[5:7]))
    for m in _answer_pattern("future_deadline").finditer(s):
        year = int(m.group(1))
        if m.group(2):
            month = int(m.group(2))
        elif re.match(r"(?:底|末)", s[m.end(1):].lstrip("年 ")) or m.group().endswith(("前", "底", "末")):
            month = 12  # 到2024年底
        else:
            month = 0  # "下降到2023年的5起": a year's state, future only in a later year
        if (year, month) > now and (year > now[0] or month):
            return True
    return False


def plan_mismatch(question: str, sentence: str) -> float:
    """1 when the question asks what was done and the sentence states a plan (or the reverse)."""
    q, s = normalize(question), normalize(sentence)
    asks_done, asks_plan = bool(DONE.search(q)), bool(_PLAN.search(q))
    says_plan = states_plan(sentence)
    return float((asks_done and says_plan) or (asks_plan and not _PLAN.search(s)))


_QUOTED = re.compile(r"[“\"「『][^”\"」』]*[”\"」』]")
_LEVELS = ((re.compile(r"(?:社区|村|居委会|小区|园区|产业园|工业园|科技园|大厦)$"), 1), (re.compile(r"(?:街道|镇|乡)$"), 2),
           (re.compile(r"(?:区|县|旗|开发区|高新区|新区)$"), 3), (re.compile(r"(?:市|州|盟)$"), 4),
           (re.compile(r"(?:省|自治区)$"), 5))


@lru_cache(maxsize=4096)
def place_level(place: str) -> int:
    """0 a compound inside a community (``compound_place`` of ``answers.json``: 宿舍区, 安置区),
    1 community/village … 5 province, by the place word it ends with, or the one its full name
    in the gazetteer ends with (重庆 → 重庆市); 3 when unknown."""
    if _answer_pattern("compound_place").search(place):
        return 0  # "电机厂宿舍区", "滨江安置区": a compound inside a community, no district
    level = next((level for pattern, level in _LEVELS if pattern.search(place)), None)
    if level is None:
        full = place_hierarchy(place)[-1]
        level = next((level for pattern, level in _LEVELS if pattern.search(full)), 3)
    return level


def _inside(target: str, places: list[str]) -> bool:
    """True when the gazetteer puts one of ``places`` inside ``target`` (渝中区 in 重庆, 道里区 in 哈尔滨)."""
    full = place_hierarchy(target)[-1]
    for place in places:
        chain = place_hierarchy(place)
        if len(chain) > 1 and full in chain[:-1]:
            return True
    return False


def generic_owner(head: str) -> int | None:
    """The level of a bare place word that opens the clause owning a figure (``街道利用…改建了``,
    ``街道60岁以上老人有``), unless a named place or a whole (全区) stands after it; else None."""
    found = list(_answer_pattern("generic_owner").finditer(head))
    if not found:
        return None
    last = found[-1]
    after = head[last.end():]
    if _BROADER.search(after) or question_places(after) or _LOCATIVE_LEVEL.search(after):
        return None  # "镇党委…在村里成立3个": what is done in a village is the village's
    return place_level(last.group(1))


_PLACE_OPENING = re.compile(r"(?:该|本|全)?(?:街道|社区|村|镇|乡|区|县|市)")


def own_subject(part: Part, head: str) -> bool:
    """True when the figure's own clause opens on a noun subject of its own, one the question asks
    about (…，辖区爱心企业和在外乡贤捐赠2.4万元 for 爱心企业和乡贤捐了多少): a place word in an
    earlier clause owned that clause's figure, not this one. A clause opening on a verb
    (街道利用闲置用房，改建了活动室12个) carries the earlier subject over."""
    clause = re.split(r"[，,；;：:]", head)[-1]
    if clause == head or generic_owner(clause) is not None or _PLACE_OPENING.match(clause):
        return False  # 社区劳动力就业率…: a clause opening on a place word is that place's
    tokens = pos_tokens(clause)
    if not tokens or not tokens[0][2].startswith("n") or tokens[0][2] == "ns":
        return False
    return any(len(term) >= 2 and term in clause for term in part.focus)


_LOCATIVE_LEVEL = re.compile(r"在(?:各|每个|每|这个|该)?(?:村|社区|小区|楼栋|镇|街道)里?|(?:村|社区|小区)里")


@lru_cache(maxsize=1)
def _sub_unit_owner() -> re.Pattern:
    """A named unit below a community (``纺机宿舍院落``, ``3号楼栋``) opening the clause of a figure
    (the words are ``sub_units.txt``)."""
    words = sorted(data_words("sub_units.txt"), key=len, reverse=True)
    # 全街道微网格共上报… is every unit together, the whole's figure
    return re.compile(rf"(?:^|[，,；;。：:])(?![^，,；;。：:]*?(?:全|各|每|所有|整个))"
                      rf"[\u4e00-\u9fff\d]{{2,8}}?(?:{'|'.join(words)})(?:里|内)?(?:共有|有|共|现有)")


def _enumerated_at(text: str, start: int, end: int) -> bool:
    """True when ``text[start:end]`` is one item of a list joined by 、 or · (``槐香、轴承里、暖泉``),
    its last item after 和/及 (``榕溪街道、枫岭街道和榕湾科技园``) or an item closed by 等 (``…科技园等地``)."""
    if text[end:end + 1] in ("、", "·", "等") or text[max(0, start - 1):start] in ("、", "·"):
        return True
    return text[max(0, start - 1):start] in ("和", "及", "与") and "、" in text[max(0, start - 16):start]


def _only_enumerated(head: str, names: set[str]) -> bool:
    """True if every mention of the asked place in ``head`` is one item of a list of places
    (``槐香、轴承里、暖泉``): the figure after such a list is the whole's, not one item's."""
    mentions = [(m.start(), m.end()) for n in names for m in re.finditer(re.escape(n), head)]
    if not mentions:
        return False
    return all(_enumerated_at(head, start, end) for start, end in mentions)


def _known_peer(place: str, level: int) -> bool:
    """True when ``place`` ends in a place word of ``level`` (上海 has none: its level is a guess)."""
    return place_level(place) == level and any(pattern.search(place) for pattern, _ in _LEVELS)


def names_asked_place(part: Part, sentence: str) -> float:
    """1 when the sentence names the most specific place the question asks about (or its short
    form: 桦苑社区 → 桦苑)."""
    if not part.places:
        return 0.0
    norm = normalize(sentence)
    return float(any(n in norm for n in _aliases(part.places[-1])))


def _aliases(place: str) -> set[str]:
    """A place and its short form (樊城区 → 樊城, 桂香苑社区 → 桂香苑)."""
    short = re.sub(r"(?:街道|社区|园区|产业园|开发区|高新区|新区|区|县|市|镇|乡|村|旗|省)$", "", place)
    return {place, short} if len(short) >= 2 else {place}


_CLAUSE_END = re.compile(r"[，。；：、,;:！？!?（）()“”\"]")


def role_owner(head: str) -> str:
    """The place that owns the role written just before a name: the last place named in the
    clause that ends at the name (``青石社区党委书记`` → 青石社区), else ""."""
    clause = _CLAUSE_END.split(head)[-1]
    found = [(clause.rfind(p), p) for p in question_places(clause)]
    return max(found)[1] if found else ""


_LOCATIVE = re.compile(r"(?:在|赴|到|于)$")
_LIST_JOIN = re.compile(r"[、和及与]?")


def locative_places(text: str) -> set[str]:
    """Places written as where something happened, not whose it is: after 在/赴/到/于, with
    the places listed with them (在上海、广州、义乌等地建立… → 上海, 广州, 义乌)."""
    found = sorted((m.start(), m.end(), p) for p in question_places(text)
                   for m in re.finditer(re.escape(p), text))
    out: set[str] = set()
    previous_end, previous_locative = -1, False
    for start, end, place in found:
        gap = text[previous_end:start] if previous_end >= 0 else ""
        joined = previous_locative and previous_end >= 0 and _LIST_JOIN.fullmatch(gap) is not None
        if joined or _LOCATIVE.search(text[max(0, start - 1):start]):
            out.add(place)
            previous_locative = True
        else:
            previous_locative = False
        previous_end = end
    return out


_ASKING_WORD = re.compile(r"多少|几")


def _subject_before_asking(part: Part) -> bool:
    """True when the question names a place, then asks (多少, 几) or gives to (给, 为, 补贴), and only
    then names a lower place apart from the first ("荻花街道一年拿出多少钱来补贴晓湖社区的长者餐厅？",
    "白石镇给石湾村派了几名农技员？"): the first is who the figure belongs to, the lower one what
    it goes to. A chain (荻花街道晓湖社区有多少…) is not."""
    if len(part.places) < 2:
        return False
    asked = normalize(part.text)
    last, before = part.places[-1], part.places[-2]
    at_last, at_before = asked.rfind(last), asked.find(before)
    if not 0 <= at_before < at_last or at_before + len(before) == at_last:
        return False  # no order, or a chain
    word = _ASKING_WORD.search(asked)
    return bool(word and word.start() < at_last) or bool(_GIVEN_TO.search(asked[:at_last]))


#: Words before a place that receives (给石湾村, 为青枫社区, 帮扶…): the place before them gives.
_GIVEN_TO = re.compile(r"(?:给|为|向|对|帮|帮扶|补贴|资助|支持|结对)$")


def quoted_owner(part: Part, sentence: str, span: sp.Span) -> bool:
    """True when a name the question quotes (“松心帮办队”有多少名志愿者) stands in the figure's own
    clause, before the figure: the named group's figure."""
    asked = normalize(part.text)
    # a name counted (47个“微项目”, 多少个“红色驿站”) is the thing counted, not a group owning it
    quoted = [m.group(1) for m in _QUOTED_NAME.finditer(asked) if len(m.group(1)) >= 3
              and not _COUNTED_BEFORE.search(asked[:m.start()])]
    clause = clause_before(sentence, span, "，,；;。")
    return any(q in clause for q in quoted)


def places_fit(part: Part, hit: Hit, cand: Candidate, article_text: str = "") -> bool:
    """True unless the sentence's fact belongs to another place than the one asked about.

    The most specific asked place counts as the sentence's place when the sentence names it;
    otherwise the sentence must not name another place of the same or a higher level (then
    the fact is about that place — a lower one, such as a community of the asked street, is
    taken to lie inside it) nor a whole above it (``全市`` for a district; ``全区`` for a
    district is the district itself), and the place the text last named at that level before
    the sentence must be the asked one (or, with none named, the article must name it).
    A role belongs to the place named just before it: a lower place's secretary
    (``青石社区党委书记``) does not answer for the asked district.
    """
    if not part.places:
        return True
    if _subject_before_asking(part):
        # "荻花街道一年拿出多少钱来补贴晓湖社区的长者餐厅？": the street gives, the community receives
        return places_fit(replace(part, places=part.places[:-1]), hit, cand, article_text)
    target = part.places[-1]
    names = _aliases(target)
    level = place_level(target)
    sentence = normalize(cand.text)
    if part.answer_type == "number" and cand.span is not None and not asks_whole(part) \
            and quoted_owner(part, sentence, cand.span) and any(n in normalize(" ".join((hit.title, hit.text, article_text))) for n in names):
        # "…锅炉房改成了党群服务站，由“松心帮办队”的96名志愿者轮流值守": the group the question
        # names by its quoted name owns the figure, whatever place an earlier clause named
        return True
    if part.answer_type == "person" and part.role and cand.span is not None:
        owner = role_owner(sentence[:cand.span.start])
        if owner and not (_aliases(owner) & names) and place_level(owner) < level:
            return False  # "青石社区党委书记何建春" is the community's secretary, not the district's
    if any(n in sentence for n in names):
        if part.answer_type == "number" and cand.span is not None:
            # "麦香园社区的经验已经推开，石榴园社区…注册志愿者580名": a peer named after the
            # asked place and before the figure owns the figure.
            head = sentence[:cand.span.start]
            own = max(head.rfind(n) for n in names)
            if _only_enumerated(head, names):
                return False  # "辖槐香、轴承里、暖泉4个社区，常住人口4.2万人": the street's figure
            for place in question_places(head):
                at = head.rfind(place)
                if at > own >= 0 and not (_aliases(place) & names) and _known_peer(place, level):
                    return False
        return True
    asked_whole = asks_whole(part)
    # Where the fact sits: for a number, the text before its span (the owner is named
    # before the figure); for other answers, the whole sentence.
    owned = part.answer_type in ("number", "person")
    upto = cand.span.start if (owned and cand.span is not None) else len(sentence)
    head = sentence[:upto]
    if owned:
        # The whole nearest before the figure owns it, outside quotation marks ("全市共有网格员
        # 5000名"; "对标全市先进，全县共有…" is the county's; "按照“全省一流”要求" is no owner).
        unquoted = _QUOTED.sub("", head)
        # 各街道（镇）党（工）委书记 are people from every street, who attended: no whole owning a figure
        # 纳入全区…改造计划, 被评为全市…先进: a whole's list or title the place joined owns no figure
        wholes = [m for m in _BROADER.finditer(unquoted)
                  if not (m.group().startswith("各") and _UNIT_PEOPLE.match(unquoted, m.end()))
                  and not _answer_pattern("joined_whole").search(unquoted[:m.start()])]
        for whole in wholes[-1:]:
            if place_level(whole.group()) != level:
                return False  # 全市 for a district, or 全街道 when a district is asked about
        generic = generic_owner(head) if part.answer_type == "number" else None
        if generic is not None and own_subject(part, head):
            generic = None  # "镇党委拨付经费3万元，辖区爱心企业和在外乡贤捐赠2.4万元": the donors' figure
        if generic is not None and (generic > level or (generic < level and (asked_whole or asks_total(part)))):
            return False  # "街道60岁以上老人有1.27万人" is not a community's; "街道…改建了12个" not the 全区 figure
        for broader in part.places[:-1]:
            if any(n in head and not _names_only_bodies(head, n) for n in _aliases(broader)):
                return False  # "樊城326名网格员" answers for the district, not its community
        if part.answer_type == "number" and (asks_total(part) or asks_place_attribute(part)):
            # A total asked: the nearest place before the figure owns it, so a village's count
            # ("在崔家洼村，像她这样的党员中心户一共有18户") is not the city's total, unless a whole
            # (全市) stands after the village. Without 一共/总共 a lower place's figure may answer
            # a question that names the place above it (the user names what they remember) —
            # except what the place has as a whole: a street's population is not its district's.
            # a place that is one item of a list (下辖槿湾社区、江帆社区…等6个社区，共有…) is what
            # the whole holds, not the owner of the figure after it
            named = [(m.end(), p) for p in question_places(head) for m in re.finditer(re.escape(p), head)
                     if not _enumerated_at(head, m.start(), m.end())]
            if not named and _sub_unit_owner().search(head):
                return False  # "纺机宿舍院落有居民56户、党员9名" is the courtyard's, not the community's total
            if named:
                at, nearest = max(named)
                lower = place_level(nearest) < level and not (_aliases(nearest) & names)
                # "在崔家洼村，…" sets the scene and owns what follows; "在两个村建立…" says where.
                frame = head[at:at + 1] in "，," or nearest not in locative_places(head)
                if lower and frame and not _BROADER.search(head[at:]):
                    return False
    scope = head if owned else sentence
    where = locative_places(scope)
    for place in question_places(scope):
        other_level = place_level(place)
        if _names_only_bodies(scope, place):
            continue  # 引入石嘴山市沁安物业服务有限公司: the city names the company, not the fact's place
        if _aliases(place) & names or (place in where and not _known_peer(place, level)):
            continue  # the asked place, or where something was done (在上海、广州建立…); a peer
            # of the asked place is the fact's place even after 到/在 ("我刚到柳湾村时，村集体…")
        if other_level == level or asked_whole or (other_level > level and owned):
            return False
        if other_level == 0 < level and part.answer_type == "number" and cand.span is not None \
                and place in clause_before(sentence, cand.span, "，,；;。"):
            return False  # "纺织厂宿舍区有居民志愿者56名": the compound's own figure, not the community's
    offset = hit.start + cand.start
    before = normalize(article_text[max(0, offset - 400):offset]) if article_text else normalize(hit.text[:cand.start])
    own = max((before.rfind(n) for n in names), default=-1)
    if own >= 0 and part.answer_type == "number" and _only_enumerated(before, names):
        own = -1  # "下辖璞园·溪桥·银杏…5个社区": a place listed with its peers owns no figure after the list
    named_before = question_places(before)
    if asked_whole and part.answer_type == "number" and not _names_whole(sentence, target, level):
        # 全区 asked and the sentence names neither the district nor a whole: a figure after the
        # article last named one of its streets ("竹溪湾街道…。街道建成驿站11个") is the street's.
        # Likewise a figure in a paragraph that opens on a street ("峡光街道是西陵区的老城区…").
        lower = [before.rfind(p) for p in named_before if not (_aliases(p) & names) and place_level(p) < level]
        if lower and max(lower) > own:
            return False
        paragraph = before[before.rfind("\n") + 1:]
        opening = min(((paragraph.find(p), p) for p in question_places(paragraph)), default=None)
        if opening is not None and place_level(opening[1]) < level and not (_aliases(opening[1]) & names):
            return False
    section = normalize(" ".join([hit.section, hit.district]))
    if any(n in section for n in names):
        return True
    peers = [before.rfind(p) for p in named_before if not (_aliases(p) & names) and place_level(p) == level]
    if any(at > own for at in peers):
        return False
    if owned and own < max((m.start() for m in _SECTION_OPENING.finditer(before)), default=-1):
        # A numbered section ("（三）聚焦民生实事，…") opens a new topic: the asked place named
        # under the section before does not own the figures of this one.
        own = -1
    if own >= 0:
        return True
    further_back = part.answer_type == "number" and article_text and level >= 2 and not asked_whole \
        and not asks_total(part)
    if further_back and _owner_further_back(normalize(article_text[:offset]), names, level, sentence):
        return True
    following = normalize(article_text[offset + len(cand.text):offset + len(cand.text) + 80]) if article_text else ""
    if any(place_level(p) == level and not (_aliases(p) & names) for p in question_places(following)):
        # "…报到1126名。…枫林社区“网格议事会”、槐苑社区“党员楼道长”…": the text after goes
        # through several peers; the asked one among them does not own the figure before
        following = ""
    own_place = normalize(" ".join([hit.title, hit.publisher, hit.district, hit.section])) + following
    if part.answer_type == "number" and article_text and not any(n in own_place for n in names):
        # "如今，已建成小区党支部46个" in a street's article that names the asked community only far
        # away — neither its title, outlet or issuer nor its main place is the community: the
        # figure is the article's own place's, not the community's (a quote is still
        # the place's whose speaker follows it: "“我们村…18万元。”今天上午，柳塘村第一书记…").
        return False
    context = normalize(" ".join([hit.section, hit.district, hit.title, article_text]))
    return any(n in context for n in names) or _inside(target, [hit.district, *named_before])


def _names_whole(sentence: str, target: str, level: int) -> bool:
    """True when the sentence speaks of the whole of the asked place's level: 全区, 该区, 本县 …"""
    if any(place_level(m.group()) == level for m in _BROADER.finditer(sentence)):
        return True
    return bool(re.search(rf"[该本此全]{re.escape(target[-1])}", sentence))


#: A year or a span of years as written ("2021年", "2022—2023年"): no figure of the clause.
_YEARS_WRITTEN = re.compile(r"(?:19|20)\d{2}\s*(?:[—–\-~～至到]\s*(?:(?:19|20)?\d{2})\s*)?年?")


#: A year written as the base of a comparison or the start of a change (与2022年相比, 比2021年, 由2021年的…).
_BASE_YEAR = re.compile(r"(?:与|和|同|较|比|由|从)\s*((?:19|20)\d{2})\s*年")
#: A count since a year (2021年以来, 2022年起), and a question asking since this year's start.
_SINCE_YEAR = re.compile(r"((?:19|20)\d{2})\s*年(?:以来|来|起|至今)")
_THIS_YEAR_SINCE = re.compile(r"今年(?:以来|来|起|至今|新)")
#: A cut-off date written without its year (截至4月15日, 截止到6月底): a date of the article's year.
_UNDATED_UPTO = re.compile(r"(?<![年\d])(?:截至|截止到?|到)\s*(\d{1,2})\s*月")
#: A year written only as the base of a comparison (比2022年提高, 较2021年增加, 与2022年相比), not
#: one whose own figure is written (比2021年的76.4%提高).
_COMPARED_YEAR = re.compile(r"(?:与|同|较|比)\s*((?:19|20)\d{2})\s*年(?:同期|底|末)?(?![的底末同])")


@lru_cache(maxsize=1)
def this_year_words() -> tuple[str, ...]:
    """The words of ``relative_years`` that name the article's own year (今年)."""
    return tuple(word for word, offset in sp.answers_config()["relative_years"].items() if offset == 0)


def relative_years(text: str, date: str) -> set[str]:
    """The years 今年, 去年 and 前年 of ``text`` stand for, counted from the article's ``date``
    (the words are ``relative_years`` of ``answers.json``)."""
    if not re.match(r"\d{4}", date or ""):
        return set()
    norm = normalize(text)
    offsets = sp.answers_config()["relative_years"]
    return {str(int(date[:4]) + offset) for word, offset in offsets.items() if word in norm}


@lru_cache(maxsize=1)
def _relative_base() -> re.Pattern:
    """去年 or 前年 written as the base of a comparison (较去年同期提高3.5个百分点, 比去年多12户): no
    year of the sentence's own figure."""
    words = "|".join(word for word, offset in sp.answers_config()["relative_years"].items() if offset)
    return re.compile(rf"(?:与|和|同|较|比)\s*(?:{words})(?:同期)?")


def years_fit(part: Part, hit: Hit, cand: Candidate) -> bool:
    """True if every asked year is named by the sentence, its passage or its article's date —
    and, for a number, not only in another clause that holds another figure (``由2019年底的62%``)."""
    where = normalize(hit.text + hit.title + (cand.row.intro if cand.row is not None else ""))
    if not all(y in where or hit.date.startswith(y) for y in part.years):
        return False
    norm = normalize(cand.text)
    stated = set(_YEAR.findall(norm))
    if part.years:
        # a year only compared with (办结率98.2%，比2022年提高4.1个百分点) dates no figure of the
        # sentence (a relative year asked, 与2021年相比…少招了20名 stays dated by it: see below)
        # nor does the year of the figure compared with (是2021年6.5万元的6倍, 较2020年的46户),
        # unless that year is asked: its figure is then the one asked (比2021年的76.4%提高了…)
        figure_year = _answer_pattern("compared_year_figure")
        compared = {m.group(1) for m in _COMPARED_YEAR.finditer(norm)} | (
            {m.group(1) for m in figure_year.finditer(norm)} - set(part.years))
        stated -= compared - set(_YEAR.findall(figure_year.sub("", _COMPARED_YEAR.sub("", norm))))
    if part.years and stated and not stated & set(part.years):
        return False  # the sentence dates its fact to another year ("2021年，全区共评出…")
    relative = relative_years(part.text, hit.date)
    if relative and not part.years:
        said = stated | relative_years(_relative_base().sub("", norm), hit.date)
        if said and not said & relative and not _answer_pattern("to_now").search(norm) and not (
                cand.span is not None and now_figure(cand.text, cand.span)
                and said <= set(_BASE_YEAR.findall(norm))):
            return False  # 今年 asked of a 2024 article, "2021年暑假，…只招了60名" written
            # (but "与2022年相比，…由405.8万元增加到612.5万元": 2022 is the base, the end is this year's)
    since = _SINCE_YEAR.search(norm)
    if since and _THIS_YEAR_SINCE.search(normalize(part.text)) and not hit.date.startswith(since.group(1)):
        return False  # 今年以来 asked, "2021年以来，…已完成加装电梯21部" written: three years' count
    upto = _UNDATED_UPTO.search(norm)
    if relative and not part.years and not stated and upto and re.match(r"\d{4}-\d{2}", hit.date or ""):
        # "截至4月15日，各服务队共走访企业640余家次" in a 2024 bulletin is 2024's count, not 去年's
        # (截至12月底 in a January article is the year before's)
        year = int(hit.date[:4]) - (int(upto.group(1)) > int(hit.date[5:7]))
        if str(year) not in relative:
            return False
    if part.answer_type == "number" and part.years and not stated \
            and not any(hit.date.startswith(y) or _year_end_report(hit.date, y) for y in part.years):
        # An undated figure takes its year from just before it (the same paragraph's opening
        # "2021年，…"), not from any other sentence of the passage.
        if cand.row is not None:
            # a table row dates to the table's introduction ("2023年各社区网格治理情况如下：")
            context = normalize(hit.title + " " + cand.row.intro)
        else:
            context = normalize(hit.title + " " + paragraph_before(hit.text, cand.start)[-120:])
        if not all(y in context for y in part.years):
            return False
    if part.answer_type == "number" and part.years and not stated and cand.row is None \
            and any(hit.date.startswith(y) for y in part.years) and _paragraph_dated_before(hit, cand, part.years):
        return False  # 2024 asked of a 2024 plan, "2023年，…推开。一年来，全区建成…34个" written
    if part.years and cand.row is not None and all(y in normalize(cand.row.intro) for y in part.years):
        return True  # a row of a table dated by its introduction: a year in a column's name is that column's
    if part.answer_type == "number" and cand.span is not None and part.years:
        bounds = [0] + [m.end() for m in re.finditer(r"[，,；;。]", norm)] + [len(norm) + 1]
        clauses = [(lo, norm[lo:hi]) for lo, hi in zip(bounds, bounds[1:])]
        at = next((i for i, (lo, c) in enumerate(clauses) if lo <= cand.span.start < lo + len(c) + 1), -1)
        own = clauses[at][1] if at >= 0 else ""
        for y in part.years:
            elsewhere = [c for _, c in clauses if y in c and c is not own]
            if y not in own and any(sp.number_spans(_YEARS_WRITTEN.sub("", c)) for c in elsewhere) \
                    and not _year_runs_on([c for _, c in clauses], at, y):
                return False
    return True


def _owner_further_back(before: str, names: set[str], level: int, sentence: str) -> bool:
    """True when the asked place was named further back than the window places_fit reads and
    no peer of it was named since, only places below or above it (澄霞街道地处红山区… a long
    paragraph on its 霞园社区 … "数据显示，截至5月底，已有790辆居民车辆完成备案"): the street's
    figure, as the sentence names no place of its own and its paragraph opens on none."""
    own = max((before.rfind(n) for n in names), default=-1)
    if own < 0 or question_places(sentence):
        return False
    paragraph = before[before.rfind("\n") + 1:]
    if question_places(paragraph):
        return False
    return all(place_level(p) != level for p in question_places(before[own:]) if not (_aliases(p) & names))


def paragraph_before(passage: str, start: int) -> str:
    """The text of ``passage`` from the start of the paragraph holding ``start`` up to ``start``."""
    return passage[passage.rfind("\n", 0, start) + 1:start]


def _paragraph_dated_before(hit: Hit, cand: Candidate, years: tuple[str, ...]) -> bool:
    """True when the nearest year written before an undated sentence, in its own paragraph, is
    another year than those asked (2023年，我区…试点。一年来，全区建成示范点34个) and nothing
    between it and the figure moves the time on (目前, 今年, 增加到…): the sentence goes on about
    that year, whatever the article's date."""
    before = normalize(paragraph_before(hit.text, cand.start)[-160:])
    written = list(_PAST_YEAR.finditer(before))
    if not written or written[-1].group(1) in years:
        return False
    upto = cand.text[:cand.span.end] if cand.span is not None else cand.text
    after = before[written[-1].end():] + normalize(upto)
    return not (_TIME_MOVES.search(after) or _NOW.search(after) or _answer_pattern("to_now").search(after))


def _year_end_report(date: str, year: str) -> bool:
    """True when an article dated in the first quarter of the year after ``year`` (2024-03-15 for
    2023) reports on that year: its undated figures (满意度由61.5%提升至92.3%) are the year's,
    where the passage names the year somewhere (an article that never does is no report on it)."""
    m = re.match(r"(\d{4})-(\d{2})", date or "")
    return bool(m) and int(m.group(1)) == int(year) + 1 and int(m.group(2)) <= 3


#: A clause that moves the time on from a year written before it (目前, 后来, 增加到): its figure
#: is not that year's.
_TIME_MOVES = re.compile(r"后来|此后|之后|随后|今年|去年|前年|到(?:了)?(?:19|20)\d{2}"
                         r"|(?:增加|增长|提高|提升|发展|扩大|上升|下降|降低|减少|缩短|增|降)(?:到|至)"
                         r"|^(?:较|比|同比|环比|与)")


def _year_runs_on(clauses: list[str], at: int, year: str) -> bool:
    """True when the figure's clause (``clauses[at]``) continues the nearest clause before it that
    names ``year``, which opens with that year (2023年接待游客2.6万人次，实现集体收入52万元): one
    sentence about one year (…，新增停车位260个 too). Not when the clause moves the time on (目前,
    后来, 增加到…; the ``to_now`` of answers.json), compares with another time (较上一年下降了43%)
    or another year stands between."""
    if at <= 0:
        return False
    before = [i for i in range(at) if year in clauses[i]]
    if not before:
        return False
    start = before[-1]
    opening = re.match(rf"{year}\s*年(.?)", clauses[start].lstrip())
    if not opening or opening.group(1) in ("起", "以", "开", "后", "至", "来"):
        return False  # 由2019年底的62%提高到…: the year dates its own figure; 2021年起…: from then on
    if any(_YEAR.search(clauses[i]) for i in range(start + 1, at + 1)):
        return False
    own = clauses[at]
    return not (_TIME_MOVES.search(own) or _answer_pattern("to_now").search(own))
