"""Resolving elliptical follow-up questions into full questions, without a language model.

Two patterns cover most follow-ups in a chat about district news:

* a new subject for the previous question: ``那涧西区呢？`` after
  ``天桥区建立了多少个非公企业党组织？`` → ``涧西区建立了多少个非公企业党组织？``;
* a new attribute of the previous subject: ``覆盖率是多少？`` after the same question →
  ``天桥区非公企业党组织覆盖率是多少？``.
"""

from __future__ import annotations

import re
from functools import lru_cache

from partyqa.text.normalize import normalize
from partyqa.text.places import place_hierarchy, question_places
from partyqa.text.segment import posseg
from retrieval.conversation import classify

_LEAD = re.compile(r"^(?:那么|那(?![个里些边儿])|还有|另外|再问一下|再问|请问|那请问)[，,、\s]*")
_TAIL = re.compile(r"(?:呢|怎么样|如何|的情况|情况)?[？?。.!！\s]*$")
_QWORDS = ("多少", "几", "什么", "哪", "如何", "怎样", "怎么", "是否", "有没有", "谁", "何时", "吗")
_PRONOUN = re.compile(r"^(?:它们?|他们?|她们?|这个|那个|这项|那项|该项|这些|那些|这里|那里|该|此)")
_BARE_PRONOUN = re.compile(r"^(?:它们?|他们?|她们?)$")


def places_in(text: str) -> list[str]:
    """Place names (districts, streets, towns, communities, villages …) in ``text``, simplified."""
    return question_places(text)




_ATTRIBUTE = re.compile(r"(?:率|比例|比重|占比|人数|数量|数目|面积|金额|总额|规模|增幅|增速|百分比|满意度)$")
_OBJECT_AFTER_QWORD = re.compile(r"(多少|几)([个名位人户处件次本项家间所条])?([^？?。]*?)([？?。]*)$")


@lru_cache(maxsize=1)
def _reference() -> re.Pattern:
    from partyqa.resources import data_json

    return re.compile(data_json("conversation.json")["followup_reference"])


def is_followup(question: str) -> bool:
    """Heuristic: does ``question`` lean on the previous turn to be understood?"""
    q = normalize(question).strip()
    if len(q) > 20:
        # "那全区一共有多少个村（社区）党组织推开了这项制度？": long, but it opens with 那 or points
        # back to what was asked before, and names no place of its own.
        leans = _LEAD.match(q) or _reference().search(q)
        return bool(leans) and len(q) <= 40 and not places_in(q)
    if _LEAD.match(q) or re.search(r"呢[？?]?$", q) or _PRONOUN.match(q) or q.startswith("其中"):
        return True
    return not places_in(q) and len(q) <= 16


_TIME = re.compile(
    r"^(?:\d{4}年|今年|去年|上半年|下半年|全年|前?[一二三四五六七八九十\d]+个月(?:内)?|第?[一二三四1-4]季度|\d+(?:-|到|至)\d+月|\d+月|同期)+"
)
_YEAR_WORD = re.compile(r"\d{4}年(?:底|初|末)?|今年|去年|前年")
_PERIOD_WORD = re.compile(r"上半年|下半年|全年|第?[一二三四1-4]季度|\d+(?:-|到|至)\d+月|\d+月")


def _swap_time(previous: str, new: str, places: list[str]) -> str:
    """``previous`` asked for the time ``new`` instead ("" when ``new`` is no year or period)."""
    kind = _YEAR_WORD if _YEAR_WORD.fullmatch(new) else _PERIOD_WORD if _PERIOD_WORD.fullmatch(new) else None
    both = re.fullmatch(rf"({_YEAR_WORD.pattern})({_PERIOD_WORD.pattern})", new)
    if kind is None and both and (said := _YEAR_WORD.search(previous)):
        # "那去年全年呢？" after "…今年有多少人…": the year and its period in place of the year asked
        period = _PERIOD_WORD.match(previous, said.end())
        return previous[: said.start()] + new + previous[period.end() if period else said.end():]
    if kind is None:
        return ""
    said = kind.search(previous)
    if said:
        return previous[: said.start()] + new + previous[said.end():]
    year = _YEAR_WORD.search(previous)
    if kind is _PERIOD_WORD and year:
        return previous[: year.end()] + new + previous[year.end():]  # 2023年 + 上半年
    named = [previous.rfind(p) + len(p) for p in places if p in previous]
    if not named:
        return ""
    at = max(named)  # "2020年呢？" after "白石县有多少名党员？": the time after the place
    return previous[:at] + new + previous[at:]


_TIMEISH = ("去年", "今年", "同期", "其中", "一天", "期间", "时候", "当时", "最多", "一共")


def _nouns(text: str) -> list[str]:
    """Content nouns of ``text`` (no question words, places, times or numbers)."""
    places = set(places_in(text))
    out = []
    for pair in posseg().cut(normalize(text)):
        if pair.word in places or any(q in pair.word for q in _QWORDS) or any(t in pair.word for t in _TIMEISH):
            continue
        if pair.flag.startswith(("n", "vn", "j", "l")) and not pair.flag.startswith(("nr", "ns", "nt")):
            out.append(pair.word)
    return out


def _noun_tail(text: str) -> str:
    """The run of nouns that ends ``text`` (上路巡查的党员志愿服务队 → 党员志愿服务队), or ""."""
    pairs = list(posseg().cut(text)) if text else []
    tail = []
    for pair in reversed(pairs):
        if not (pair.flag.startswith(("n", "vn", "j")) and not pair.flag.startswith(("nr", "ns", "nt"))):
            break
        tail.insert(0, pair.word)
    return "".join(tail)


#: A part asked by what its members did, with no noun of its own: 新报到的有多少, 已入住的有几户.
_PART_WITHOUT_NOUN = re.compile(r"的(?:有|是|占)?(?:多少|几)[个名位人户处件次本项家间所条]?$")


def _owned_noun(previous: str, rest: str) -> str:
    """``rest`` with the noun it opens with read as the previous question's name ending in that
    noun (他们|公司有多少名党员 after 津汀精密机械有限公司的…: 津汀精密机械有限公司有多少名党员),
    or "" when no name there ends with it."""
    noun = _noun_head(rest)
    prev = normalize(previous)
    at = prev.find(noun) if len(noun) >= 2 else -1
    if at <= 0 or not re.match(r"[\u4e00-\u9fff]", prev[at - 1]):
        return ""  # the noun opens the previous question or stands alone: no name ends with it
    return re.split(r"[，,。？?！!]", prev[:at + len(noun)])[-1] + rest[len(noun):]


def _noun_head(text: str) -> str:
    """The words naming a thing that open ``text``, up to its first verb (候鸟党员登记报到 → 候鸟党员,
    老旧小区 → 老旧小区), or ""."""
    head = []
    for pair in posseg().cut(text) if text else ():
        if not (pair.flag.startswith(("n", "vn", "j", "a", "b", "l")) and not pair.flag.startswith(("nr", "ns", "nt"))):
            break
        head.append(pair.word)
    return "".join(head)


def _without_trailing_verb(subject: str) -> str:
    """A counted thing named before its verb, without that verb (“家门口调解点”已经建了 →
    “家门口调解点”): a follow-up with a verb of its own (年内还打算新增几个) asks about the thing,
    not about what was done to it. Only a verb marked done (建了, 设过) is cut: 集体经济收入 keeps
    its noun read as a verb. A subject that is all verb stays as it is."""
    cut = list(posseg().cut(subject))
    if not cut or cut[-1].word not in ("了", "过"):
        return subject
    cut.pop()
    while cut and cut[-1].flag.startswith(("v", "d", "t", "p")) and cut[-1].flag != "vn":
        cut.pop()
    kept = "".join(p.word for p in cut)
    return kept if len(kept) >= 2 else subject


def subject_of(question: str) -> str:
    """What a question is about, without place, time or question words.

    ``天桥区建立了多少个非公企业党组织？`` → ``非公企业党组织``;
    ``涧西区一季度财政一般预算收入多少？`` → ``财政一般预算收入``;
    ``天桥区的区委书记是谁？`` → ``区委书记``.
    """
    q = re.sub(r"[？?。！!\s]+$", "", normalize(question))
    for place in places_in(q):
        q = q.replace(place, "")
    m = re.search(r"(?:多少|几)[个名位人户处件次本项家间所条]?", q)
    if m and len(q[m.end():].strip()) >= 2:
        subject = q[m.end():]
    else:
        subject = q[: m.start()] if m else q
        subject = re.sub(r"(?:是谁|是什么|是哪[个些家天年]?|有哪些|在哪里?|如何|怎样|怎么样)$", "", subject)
        subject = re.sub(r"(?:是|有|为|达到|共有|一共|共|总共)$", "", subject)
        if m:
            subject = _without_trailing_verb(subject)
    subject = _TIME.sub("", subject.lstrip("的在"))
    return _ATTRIBUTE.sub("", subject.strip("的，, "))


#: A time phrase a follow-up may consist of ("2023年初刚组建的时候", "2021年那会儿").
_TIME_PHRASE = re.compile(r"(?:的?时候|时|那会儿?|那阵子?|之初|初期|当初|以前|之前|年初|年底|年末)$")
#: The time a previous question named, which a follow-up's time replaces.
_NOW = re.compile(r"现在|目前|如今|眼下|当前")


def _only_names(text: str) -> bool:
    """True when ``text`` is nothing but nouns and place names (齐韵街道东篱小区), no verb."""
    pairs = list(posseg().cut(text)) if text else []
    return bool(pairs) and all(p.flag.startswith(("n", "j")) and p.flag != "vn" for p in pairs)


def _drop_old_year(resolved: str, core: str) -> str:
    """``resolved`` without the year the previous question named when the follow-up names its
    own ("在2021年" dropped from "…党员在2021年到2023年增加到多少了")."""
    new = _YEAR_WORD.search(core)
    at = resolved.find(core)
    if not new or at < 0:
        return resolved
    head = resolved[:at]
    for old in reversed(list(_YEAR_WORD.finditer(head))):
        if old.group() != new.group():
            start = old.start() - 1 if head[old.start() - 1: old.start()] == "在" else old.start()
            end = old.end() + 1 if head[old.end(): old.end() + 1] == "的" else old.end()
            return head[:start] + head[end:] + resolved[at:]
    return resolved


def resolve(question: str, history: list[dict] | tuple = (), carry_owner: bool = True) -> str:
    """Rewrite a follow-up question into a self-contained one using the conversation.

    Args:
        question: The new question.
        history: Previous turns, oldest first, each ``{"question": ..., "answer": ...}``.
        carry_owner: Carry the thing the previous question named into a question that names no
            place (off for the later parts of one multi-part question, which are answered from
            the article the first part cited).

    Returns:
        The resolved question, or ``question`` unchanged when it is not a follow-up
        or there is no history.
    """
    question = question.strip()
    previous = _last_question(history)
    if not previous or not is_followup(question) or classify(question):
        # A greeting, thanks or question about the assistant is no follow-up.
        return question
    core = _TAIL.sub("", _LEAD.sub("", normalize(question))).strip("，, ")
    new_places = places_in(core)
    old_places = places_in(previous)
    if new_places and len(_strip_places(core, new_places).replace("的", "")) <= 1:
        # "那涧西区呢？": the same question about another place.
        return _swap_place(previous, old_places, new_places[-1])
    if not new_places and old_places and _WHOLE.fullmatch(core):
        # "那全市呢？" after "榆次区新就业群体大约有多少人？": the same question about the whole
        # of that level the previous place lies in (晋中市全市…)
        above = _whole_above(core, old_places, "")
        if above:
            at = min(previous.find(p) for p in old_places if p in previous)
            rest = previous[at:]
            for place in old_places:
                rest = rest.replace(place, "", 1)
            return previous[:at] + above + core + rest.lstrip("的")
    # "到2023年呢？" / "截至2023年呢？": the time alone, after the word that reaches it
    timed = re.sub(r"^(?:到|截至|截止到|截止)(?=\d{4}年|今年|去年)", "", core)
    when = _TIME.match(timed)
    if when and when.end() == len(timed) and not new_places:
        # "2022年呢？" after "…村2021年的村集体经济收入有多少？": the same question for another time
        # (a year replaces the year asked, a part of the year the part asked).
        swapped = _swap_time(previous, when.group(), old_places)
        if swapped:
            return swapped
    year = _YEAR_WORD.search(core)
    if year and not new_places and not any(q in core for q in _QWORDS) and _TIME_PHRASE.search(core):
        # "那2023年初刚组建的时候呢？" after "…“红骑先锋队”现在有多少名队员？": the same question
        # at that time, in place of the time it named (现在) or after its place.
        said = _NOW.search(normalize(previous))
        if said:
            return previous[: said.start()] + core + previous[said.end():]
        swapped = _swap_time(previous, year.group(), old_places)
        if swapped:
            return swapped.replace(year.group(), core, 1)
    chain = _place_chain(previous, old_places)
    subject = _subject_before_cue(previous)
    core = re.sub(r"^(?:那|这)(?:里面|其中|当中)", "其中", core)  # 那里面…: among what was just answered
    if re.match(r"其中", core):
        # "其中…有多少个？": a part of what the previous question counted, at the same place — or
        # at the same thing when the previous question named one before its question word
        # ("齐韵街道东篱小区一共有多少户住户？" → 齐韵街道东篱小区).
        whole = subject if _only_names(subject) else chain
        rest = core[2:].lstrip("，,")
        counted = _noun_head(subject_of(previous)) if asks_quantity(previous) else ""
        part = _PART_WITHOUT_NOUN.search(rest)
        if counted and part and part.start() <= 8 and counted not in rest and not places_in(rest):
            # "其中新报到的有多少？" after "…椰澜社区有多少名候鸟党员登记报到？": the part is one of
            # what was counted (候鸟党员中新报到的), as the part names no thing of its own.
            return f"{whole}{counted}中{rest}？"
        return f"{whole}{rest}？"
    pronoun = _PRONOUN.match(core)
    person = _person_named(previous, _last_turn(history)[1]) if pronoun and pronoun.group() in ("他", "她") else ""
    if person:
        # "那他现在干什么工作" after "王光荣搬到金穗社区之前靠什么过日子": 他 is the person named
        # (or, after 是谁, the one the answer named).
        return f"{person}{core[pronoun.end():]}？"
    # "那个社区去年开了多少场议事会？" after "…试点放在哪个社区？" → "澜湖街道胡杨里社区": the
    # place of that level the previous answer named.
    demo = _DEMONSTRATIVE_PLACE.match(normalize(question).strip())
    named = [p for p in places_in(_last_turn(history)[1]) if demo and p.endswith(demo.group(1))]
    if named:
        return f"{named[-1]}{_TAIL.sub('', normalize(question).strip()[demo.end():])}？"
    if pronoun:
        rest = core[pronoun.end():].lstrip("的")
        level = _PLACE_LEVEL.match(rest)
        own = [p for p in old_places if level and p.endswith(level.group())]
        if own:
            # "那个村一共流转了多少亩土地？" after "…苏岭镇竹溪村党委领办的是什么合作社？": the
            # previous question's place of that level, with the places above it
            at = chain.find(own[-1])
            return f"{chain[:at + len(own[-1])] if at >= 0 else own[-1]}{rest[level.end():]}？"
        # "这项制度覆盖了…" after "…“邻里帮办”制度是怎么运行的": the demonstrative and its noun stand
        # for the previous subject that ends with the same noun.
        named = subject.rstrip("”」’\"'")
        for size in range(len(named), 1, -1):
            if rest.startswith(named[-size:]):
                return f"{subject}{rest[size:]}？"
        # "这个支部现在有几名党员" after "…物业项目部的党支部书记是谁": the noun after the demonstrative
        # stands for the previous subject up to where it writes that noun
        for size in range(min(len(rest), 6), 1, -1):
            at = subject.rfind(rest[:size])
            if at > 0 and _nouns(rest[:size]):
                end = at + size
                close = subject.find("”", end)
                if subject.count("“", 0, end) > subject.count("”", 0, end) and close >= 0:
                    end = close + 1  # a quoted name is kept whole (“红帆驿站”)
                return f"{subject[:end]}{rest[size:]}？"
        owned = _owned_noun(previous, rest) if _BARE_PRONOUN.match(pronoun.group()) else ""
        if owned:
            # "他们公司有多少名党员" after "津汀精密机械有限公司的党支部书记是谁": their company is the
            # company the previous question named, up to that noun
            return f"{owned}？"
        if _BARE_PRONOUN.match(pronoun.group()) and subject:
            # "它每月开放几次" after "凤鸣社区积分超市是怎么运营的": the whole previous subject, with
            # its place; after a count (多少个党群服务驿站) the place and what was counted.
            counted = subject_of(previous)
            if asks_quantity(previous) and _ATTRIBUTE.search(rest) and not any(w in rest for w in _QWORDS):
                rest += "是多少"  # "那它2023年的办结率呢？" after a count asks the rate's figure
            if not asks_quantity(previous):
                return f"{subject}{rest}？"
            if counted and "".join(_nouns(counted)) == counted:
                # "那他们给老人建了多少份档案" after "…卫生健康局机关党支部有多少名党员": the members
                # counted, of the body that has them
                owner = _owner(previous)
                return f"{owner if owner.startswith(chain) else chain}{counted}{rest}？"
            head = _noun_tail(counted)
            if len(head) >= 2 and counted.endswith("的" + head):
                # "他们每天从几点巡到几点" after "…旺季上路巡查的党员志愿服务队有多少人": the group
                # counted, named by the nouns that end what was counted.
                return f"{chain}{head}{rest}？"
        # "这些驿站有哪些功能": the pronoun stands for the previous question's place, else its subject.
        return f"{chain or subject}{rest}？"
    place = new_places[-1] if new_places else chain
    if not new_places and chain:
        place = _whole_above(core, old_places, chain)
    if new_places:
        core = _strip_places(core, new_places).lstrip("的")
    base = _swap_place(previous, old_places, new_places[-1]) if new_places and old_places else previous
    topic = subject_of(previous)
    own = _nouns(core)
    counted = _COUNT_FIRST.match(core)
    if counted and asks_quantity(previous) and not _starts_with_noun(core[counted.end():]):
        # "还有多少个正在建设": a part of what the previous question counted (建设 is no new object).
        own = []
    asks = any(q in core for q in _QWORDS)
    lead = _lead_before_cue(core)
    if asks and subject and 0 < len(lead) <= 2 and lead in subject:
        # "会是在哪里开的？" after "…推进会是哪天开的？": the short word points back to the subject.
        return f"{subject}{core[len(lead):]}？"
    if own and all(_ATTRIBUTE.search(n) for n in own):
        # "覆盖率呢？" / "覆盖率是多少？": an attribute of the previous subject.
        return f"{place}{topic}{core if asks else core + '是多少'}？"
    if not asks:
        # "社会组织党组织呢？": the previous question about a new object.
        m = _OBJECT_AFTER_QWORD.search(base)
        if m and m.group(3).strip():
            return base[: m.start(3)] + core + m.group(4)
        if asks_quantity(previous):
            return f"{place}{core}是多少？"
        return f"{place}{core}的情况如何？"
    if carry_owner and not place and not new_places and not _WHOLE.match(core):
        # "听讲的有多少人次？" after "老普调解室去年办了几场普法讲座？": no place to carry, the thing
        # the previous question named before its verb
        place = _owner(previous)
    if own or not asks_quantity(previous):
        # "党群活动服务中心建在哪里？": a new question about the same place.
        return f"{place}{core}？"
    # "比去年同期增长了多少？": a new question about the previous subject ("到2023年增加到多少了"
    # after "…党员在2021年有多少名？": at the new year, not both).
    return _drop_old_year(f"{place}{topic}{core}？", core)


_PLACE_LEVEL = re.compile(r"社区|小区|街道|村|镇|乡|区|县")

#: A whole of a level written at the start of a follow-up (那全省…, 整个市…) and the place words of that level.
_WHOLE = re.compile(r"^(?:全|整个)(省|市|区|县)")
_WHOLE_LEVEL = {"省": ("省", "自治区"), "市": ("市", "州", "盟"), "区": ("区", "县", "旗"), "县": ("县", "区", "旗")}


def _whole_above(core: str, old_places: list[str], chain: str) -> str:
    """The place a follow-up opening on a whole (那全省已经建成了多少个…) is about: the previous
    place when it is of that level, else its ancestor of that level (榆次区 → 山西省), else none —
    never the previous district glued before 全省."""
    whole = _WHOLE.match(core)
    if not whole or not old_places:
        return chain
    words = _WHOLE_LEVEL[whole.group(1)]

    def of_level(place: str) -> bool:
        return place.endswith(words) and not place.endswith(("社区", "小区", "园区", "片区", "街区"))

    for place in reversed(old_places):
        if of_level(place):
            at = chain.find(place)
            return chain[:at + len(place)] if at >= 0 else place  # 全区 after 榆次区蔚纺社区: 榆次区
    for place in reversed(old_places):
        above = [p for p in place_hierarchy(place)[:-1] if of_level(p)]
        if above:
            return above[-1]  # 全省 after 榆次区: 山西省
    return ""
_DEMONSTRATIVE_PLACE = re.compile(r"^(?:那么|那)?(?:那个|这个|该|此)(社区|村|街道|镇|乡)")
_COUNT_FIRST = re.compile(r"^(?:多少|几)[个名位人户处件次本项家间所条座支]?")


def _starts_with_noun(text: str) -> bool:
    """True if the first word of ``text`` is a noun (多少个 *村* 建了…, not 多少个 *正在* 建设)."""
    first = next(iter(posseg().cut(normalize(text))), None)
    return bool(first) and first.flag.startswith("n") and first.flag != "vn"


def _strip_places(text: str, places: list[str]) -> str:
    for place in sorted(places, key=len, reverse=True):
        text = text.replace(place, "")
    return text


def _swap_place(previous: str, old_places: list[str], new: str) -> str:
    """The previous question about ``new``: the old place of the same level replaced, else prefixed."""
    from retrieval.answer.context import place_level

    same = [p for p in old_places if place_level(p) == place_level(new)]
    if same:
        return previous.replace(same[-1], new, 1)
    if old_places:
        return previous.replace(old_places[0], new, 1)
    return f"{new}{previous}"


def _place_chain(question: str, places: list[str]) -> str:
    """The places of a question as it writes them in a row (梨溪镇上坪村), else the most specific."""
    if not places:
        return ""
    q = normalize(question)
    start = q.find(places[0])
    end = q.find(places[-1]) + len(places[-1])
    span = q[start:end] if 0 <= start < end else ""
    return span if span and span.replace("的", "") == "".join(places) else places[-1]


_CUE = re.compile(r"是(?:谁|什么|哪|多少)|有(?:多少|几|哪些)|(?:多少|几|哪些|哪个|哪里|什么|谁|怎么|如何|怎样|在哪|何时)")


def _subject_before_cue(question: str) -> str:
    """What the previous question is about: its text before the question word (without 的/是)."""
    q = re.sub(r"[？?。！!\s]+$", "", normalize(question))
    m = _CUE.search(q)
    head = q[: m.start()] if m else q
    return re.sub(r"(?:的|是|有|为|一共|共|总共|共有)+$", "", head)


def _owner(question: str) -> str:
    """The named thing a question opens on, before its verb, time and question word
    (凌河区卫生健康局机关党支部有多少名党员 → 凌河区卫生健康局机关党支部; 老普调解室去年办了几场… →
    老普调解室), or ""."""
    cut = list(posseg().cut(_subject_before_cue(question)))
    pairs = []
    for k, pair in enumerate(cut):
        compound = pair.flag == "v" and k + 1 < len(cut) and cut[k + 1].flag.startswith("n")  # 调解|室
        if pair.flag.startswith(("t", "v", "m", "d", "p", "u", "c", "r")) and pair.flag != "vn" and not compound:
            break  # the name ends where its time, verb or number starts (…服务队2021年刚组建时)
        pairs.append(pair)
    while pairs and not pairs[-1].flag.startswith(("n", "j")):
        pairs.pop()
    return "".join(p.word for p in pairs)


def _lead_before_cue(core: str) -> str:
    """The words of a question before its question word, without a trailing 是/的."""
    m = _CUE.search(core)
    return re.sub(r"(?:是|的)+$", "", core[: m.start()]) if m else core


def asks_quantity(question: str) -> bool:
    """True if ``question`` asks for a number."""
    return bool(re.search(r"多少|几", normalize(question)))


def _recent_place(history) -> str:
    """The place named by the most recent question in ``history`` that names one."""
    for turn in reversed(list(history or ())):
        q = turn.get("question", "") if isinstance(turn, dict) else (str(turn[0]) if turn else "")
        places = places_in(q)
        if places:
            return places[0]
    return ""


def _person_named(question: str, answer: str) -> str:
    """The person a previous turn names: one tied to a role in the question (队长蒋大勇), the name
    opening the question (王光荣搬到…), or an answer that is a name (贺晓峰。); else ""."""
    from retrieval.answer import spans as sp
    from retrieval.question import answer_type

    norm = normalize(question)
    people = [p.text for p in sp.person_spans(norm) if not p.role.startswith(("记者", "通讯员", "编辑"))]
    if people:
        return people[-1]
    length = sp._name_at(norm, 0)
    if length and not question_places(norm[:length + 2]):
        return norm[:length]
    said = re.sub(r"[。！!？?，,\s]+$", "", normalize(answer or ""))
    if 2 <= len(said) <= 4 and sp._name_at(said, 0) == len(said):
        return said
    if answer_type(norm) == "person":
        # "…是谁牵头管理的？" answered "由骑手党员路铭远牵头管理。": the person the answer names
        named = [p.text for p in sp.person_spans(said) if not p.role.startswith(("记者", "通讯员", "编辑"))]
        return named[0] if named else ""
    return ""


def _last_turn(history) -> tuple[str, str]:
    """``(question, answer)`` of the most recent turn in ``history`` that was not chat (好的, 谢谢):
    its resolved or asked question and the answer it got; ``("", "")`` when there is none."""
    for turn in reversed(list(history or ())):
        if isinstance(turn, dict):
            q, a = turn.get("resolved_question") or turn.get("question") or "", turn.get("answer") or ""
        else:
            q, a = (str(turn[0]) if turn else ""), (str(turn[1]) if len(turn) > 1 else "")
        if q.strip() and not classify(q):
            return q.strip(), str(a)
    return "", ""


def _last_question(history) -> str:
    """The most recent resolved or asked question in ``history`` that was not chat (好的, 谢谢)."""
    return _last_turn(history)[0]
