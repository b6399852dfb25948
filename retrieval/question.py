"""What a question asks for: the first step of answering it.

:func:`analyze` splits a question into parts (``A…？B又…？``, ``A和B分别…``) and, for each
part, finds the expected answer type (person, number, date, place, organisation, list,
method, reason, yes/no, title, description), the focus (what is asked: 党支部书记, 网格员,
面积), the units that can answer a number question, the places and years that pin the
subject down, and whether the question is about the article itself (its date, outlet,
reporter …). The cue words are data (``partyqa/data/questions.json``).

Longer than most modules (about 320 lines): the answer type, the focus head and the parts are
read from the same cue match and depend on each other, so they stay in one place.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field, replace
from functools import cache, lru_cache

from partyqa.resources import data_json
from partyqa.text.normalize import normalize
from partyqa.text.places import question_places, without_leading_division
from partyqa.text.segment import pos_tokens, tokenize, words
from retrieval.answer.spans import role_body

ANSWER_TYPES = ("person", "number", "date", "place", "org", "list", "method", "reason", "yesno", "title",
                "description")


@dataclass(frozen=True)
class Part:
    """One sub-question and what it asks for.

    Attributes:
        text: The sub-question as a full question.
        answer_type: One of :data:`ANSWER_TYPES`.
        focus: Terms of the asked attribute, the head (nearest the question word) first.
        units: Regex alternatives of the units that answer a number question ("" = any unit).
        places: Places named in the question, broadest first.
        years: Four-digit years named in the question.
        article_fact: The kind of article fact asked for (``date``, ``outlet``, ``reporter`` …) or "".
        role: For person questions, the role asked about (书记, 记者 …), else "".
        role_body: The body the asked role is held in, when the question names it (党工委 of
            党工委书记), else "".
        counted: For a number question, the thing counted as the question names it, modifiers
            and all (微网格 in 多少个微网格, 五星楼宇党组织 in “五星楼宇党组织”评出来几个), else "".
        organisation: The part of an organisation's name the question writes that says which one
            it is (鹊山湾红心 of 鹊山湾红心物业服务有限公司), else "".
        subjectless: For a later part of a question, True when it names no place, organisation
            or quoted name of its own (现在发展到多少名？): it asks about the first part's subject.
    """

    text: str
    answer_type: str
    focus: tuple[str, ...] = ()
    units: str | None = None
    places: tuple[str, ...] = ()
    years: tuple[str, ...] = ()
    article_fact: str = ""
    role: str = ""
    role_body: str = ""
    counted: str = ""
    organisation: str = ""
    subjectless: bool = False


@dataclass(frozen=True)
class Analysis:
    """A question and its parts (one part for most questions)."""

    question: str
    parts: tuple[Part, ...] = field(default_factory=tuple)


@lru_cache(maxsize=1)
def _cfg() -> dict:
    return data_json("questions.json")


@cache
def _re(pattern: str) -> re.Pattern:
    return re.compile(pattern)


#: The unit word a number question asks in (多少 *名*, 几 *户次*, 多少 *万元*): two-word units whole.
ASKED_UNIT = r"(人次|户次|家次|场次|车次|万元|亿元|万人|平方公里|平方米|公里|个钟头|个小时|钟头|小时|块钱|毛钱|[\u4e00-\u9fff])"
#: The marks and spaces that close a question (？ 。 ! …).
TRAILING_MARKS = re.compile(r"[？?。.!！\s]+$")
#: The units of people counted with 个 (几个绣娘, 这样的人一共有几个).
PERSON_UNITS = "名|人|位|个"
_YEAR = re.compile(r"((?:19|20)\d{2})\s*年")


def asks_about_article(question: str) -> bool:
    """True if the question asks about the article itself (date, outlet, reporter, title)."""
    return bool(article_fact_kind(normalize(question)))


@cache
def _field_question() -> tuple[re.Pattern, tuple[str, ...]]:
    """A document field's label followed by an asking word, and the document words a label may
    follow (see :func:`asked_field`)."""
    from index.ingest.metadata.publisher import document_fields
    from partyqa.resources import data_words

    labels = "|".join(map(re.escape, sorted(document_fields(), key=len, reverse=True)))
    pattern = re.compile(rf"(?P<label>{labels}){_cfg()['field_asking']}")
    return pattern, tuple(data_words("document_words.txt"))


def asked_field(q: str) -> str:
    """The document field a (normalized) question asks by its label, or "": 这份方案的联系人是谁
    → 联系人, 发布机构是哪个单位 → 发布机构, 成文日期是哪天 → 成文日期 (labels of
    ``document_fields.txt``). The label opens the question or a clause, or follows 的 or a
    document word (公示联系人); glued to another word (网格联系人是谁) it names something else.
    A field may also be asked by what it records (由哪个单位回复的 → 回复单位: ``field_by_verb``)."""
    pattern, documents = _field_question()
    for m in pattern.finditer(q):
        before = q[:m.start()]
        if not before or before[-1] in "的，,、：:；; " or before.endswith(documents):
            return m.group("label")
    from index.ingest.metadata.publisher import document_fields

    for m in _re(_cfg()["field_by_verb"]).finditer(q):
        label = m.group("verb") + m.group("noun") if m.group("verb") else m.group("when") + "时间"
        if label in document_fields():
            return label  # 由哪个单位回复的 → 回复单位, 什么时候答复的 → 答复时间
    return ""


def article_fact_kind(q: str) -> str:
    """The article fact a (normalized) question asks for, or "" (``field``: a document field
    asked by its label, see :func:`asked_field`)."""
    cfg = _cfg()
    for rule in cfg["article_facts"]:
        if _re(rule["pattern"]).search(q):
            if rule["kind"] in ("reporter", "correspondent") and not re.search(r"谁|哪(?:位|几位|两位|一位)|名字|叫什么|是哪", q):
                continue
            if rule["kind"] == "dateline" and "电头" not in q and not _re(cfg["article_markers"]).search(q):
                continue  # 茶叶从哪里发出的 asks where goods go from, not where a story was filed
            # 第几期 of a training or a night school is a round of an event, not the article's issue;
            # 宣传册印了多少份 counts leaflets, 这期简报印了多少份 the bulletin's copies.
            if rule.get("needs_marker") and not (_re(cfg["article_markers"]).search(q)
                                                 or _re(cfg["issue_markers"]).search(q)):
                continue
            return rule["kind"]
    return "field" if asked_field(q) else ""


def answer_type(q: str) -> str:
    """The expected answer type of a (normalized) question (谁 used as "whoever", 谁家办喜事, asks for no person)."""
    q = _without_whoever(q)
    for rule in _cfg()["types"]:
        if _re(rule["pattern"]).search(q):
            if rule["type"] == "list" and re.search(r"哪(?:个|一个|家|位|天|年|里)(?!些)", q) and "哪些" not in q \
                    and "哪几" not in q and "分别" not in q:
                continue
            return rule["type"]
    return "description"


@cache
def person_nouns() -> re.Pattern:
    """Nouns naming people (``person_counted`` of questions.json)."""
    return _re(_cfg()["person_counted"])


#: A question counting who among a group is of a kind (队员里面有多少是党员, 46人次中有多少是党员).
_MEMBERSHIP = re.compile(r"(?:多少|(?<![那这])几)(?:是|为|属于)")


def asks_membership(q: str) -> bool:
    """True when a (normalized) question counts the members of a group that are of a kind
    (队员里面有多少是党员): what follows 是 is the kind counted."""
    return bool(_MEMBERSHIP.search(q))


def asked_units(q: str, kind: str) -> str | None:
    """Units that answer a number question ("" = any), or None for other types."""
    if kind != "number":
        return None
    cfg = _cfg()
    m = re.search(rf"(?:多少|(?<![那这])几)\s*{ASKED_UNIT}", q)  # 那几个车间: no question word
    if m and re.match(cfg["not_units"], q[m.start(1):]):
        m = None  # 多少项目资金: 项目 is a word, not the measure 项
    person = person_nouns().match(q, m.end()) if m else None
    if person and q[person.end():person.end() + 1] == "的":
        person = person_nouns().match(q, person.end() + 1)  # 几个快递员的子女: who is counted
    if person and re.match(r"[\u4e00-\u9fff]", q[person.end():]) \
            and not re.match(r"在|参|是|有|被|来|去|都|还|共|已|到|从|为|给|跟|和|与|呢|吗|兼|当|担|做|回|报|加|获|受|享|干|帮|领",
                             q[person.end():]):
        person = None  # 多少个退休党员党支部: the people name a body, which is counted
    if m and m.group(1) == "个" and (person or (
            not re.match(r"[\u4e00-\u9fff]", q[m.end():]) and _re(cfg["person_subject"]).search(q[:m.start()]))):
        return PERSON_UNITS  # 几个绣娘, 这样的人一共有几个: people are counted in 名/人/位 too
    if m and m.group(1) in cfg["number_units"]:
        return cfg["number_units"][m.group(1)]
    named = _MEMBERSHIP.search(q)
    if named and person_nouns().match(q, named.end()):
        return PERSON_UNITS  # 46人次中有多少是党员: people are counted
    for rule in cfg["attribute_units"]:
        if _re(rule["pattern"]).search(q):
            return rule["units"]
    return ""


def focus_terms(q: str, places: tuple[str, ...], kind: str) -> tuple[str, ...]:
    """The asked attribute as search terms, the head term first.

    Places, years and time words, question words and generic words are removed; the head is
    the content term nearest the question word (what is counted after 多少, what stands before 是谁).
    """
    cfg = _cfg()
    text = q
    for place in sorted(places, key=len, reverse=True):
        text = text.replace(place, " ")
    text = _re(cfg["time_words"]).sub(" ", text)
    cue = _cue(text)
    if cue is not None:
        # Two cues in a row (位于 + 什么地方, 时间是 + 什么时候): the second is the question word,
        # the first belongs to what is asked (发布时间) or is a verb left out of the head (位于).
        second = _cue(text[cue.end():])
        if second is not None and not text[cue.end(): cue.end() + second.start()].strip("是为 "):
            cue = _cue(text, cue.end() + second.start())
    after = text[cue.end():] if cue else ""
    before = _re(cfg["lead_verbs"]).sub("", text[: cue.start()].rstrip()) if cue else text
    generic = set(cfg["generic_terms"].split("|"))

    def terms(chunk: str) -> list[str]:
        return [t for t in tokenize(chunk, normalized=True)
                if len(t) >= 2 and t not in generic and not re.fullmatch(r"\d+", t)]

    counted = False
    if cue is not None and cue.group().endswith(("多少", "几")):
        stripped = re.sub(r"^(?:户人家|人次|户次|家次|方面|个钟头|个小时|钟头|小时|块钱|毛钱|分(?=及|或|以上|以下|以内)|[个名位人户处件次本项家间所条天年成倍期批支座栋亩万千百十方种类点块级步张])"
                          r"(?:及|或)?(?:以上|以下|以内)?", "", after)
        counted = stripped != after  # 哪几方|参加: what is counted was named before the cue
        after = stripped
    elif cue is not None and re.match(r"(?:多少|几)个$", cue.group()):
        after = re.sub(r"^(?:小时|钟头)", "", after)  # 几个|小时: a measure of time, not a thing
    after = _clause(after)
    after_terms = terms(after)
    before_terms = terms(before)
    head = _head_phrase(before, after, kind, counted)
    # The noun the head phrase ends with also stands for it (乱贴乱画的小广告 → 小广告).
    tails = [head.rsplit("的", 1)[-1]] if "的" in head else []
    last = [w for w in words(head) if len(w) >= 2] if len(head) > 4 else []
    tails += last[-1:]
    tails = [t for t in tails if len(t) >= 2 and t != head]
    if kind == "list":
        # The items of a named programme are asked for (“三个一”具体是哪三个“一”): its name stands for them.
        quoted = [t for t in re.findall(r"“([^“”]{2,12})”", q) if not any(p in t for p in places)]
        if quoted and (re.search(r"[“”]", head) or len(head) < 2
                       or re.fullmatch(cfg["list_category_heads"], head)):
            head = quoted[-1]  # the quotation nearest the question word
        tails += [t for t in quoted if t != head]
    if kind in ("number", "date", "list") and after_terms:
        ordered = [head] + tails + after_terms + before_terms[::-1]
    else:
        ordered = [head] + tails + before_terms[::-1] + after_terms
    return tuple(t for t in dict.fromkeys(ordered) if t)


#: Word classes that end a counted noun phrase (adverbs, particles, time and place words,
#: pronouns, numbers …); verbs may stand inside one (社会组织党组织, 物业服务驿站) but not at its ends.
_NOT_NOUN = ("d", "u", "y", "t", "f", "p", "c", "r", "m", "x", "e", "o", "w", "i")


def counted_phrase(q: str, places: tuple[str, ...] = ()) -> str:
    """The thing a number question counts, as the question names it: the noun phrase after
    多少/几 and its unit word (多少名 *专职网格员*), or, when none follows, the nouns just
    before the verb the question word ends (*“五星楼宇党组织”* 已经评出来几个). "" when the
    question counts no named thing (多少钱, 占比多少, 投资了多少, 结成的有多少对)."""
    text = q
    for place in sorted(places, key=len, reverse=True):
        text = text.replace(place, " ")
    cue = re.search(r"多少|(?<![那这])几", text)
    if cue is None or text.startswith("钱", cue.end()):
        return ""
    after = text[cue.end():]
    unit = re.match(_units_re(), after)
    after = _clause(after[unit.end():] if unit else after)
    tail = re.sub(r"^(?:[的了是有为]|大约|大概|约|差不多)+", "", after.strip())
    if len(tail) >= 2 and not _only_verbs(tail):
        return _noun_run(tail.rsplit("的", 1)[-1], leading=True)  # 负责乡村振兴的 *人员*
    if not unit or re.fullmatch(_cfg()["duration_units"], unit.group()):
        return ""  # 投资了多少: an amount; 平均几天能办完: a length of time, not a count of the thing before
    before = re.split(r"[，,；;、\s]", text[: cue.start()])[-1]
    return _noun_run(before, leading=False, people=bool(re.fullmatch(r"人|名|位|户|人次|户次", unit.group())))


@lru_cache(maxsize=1024)
def counted_restriction(q: str, counted: str, places: tuple[str, ...] = ()) -> tuple[str, ...]:
    """The content words of the clause that narrows what is counted (*已经完成供热管网改造*的老旧小区
    有几个, *出口到东盟国家*的火龙果有多少吨): the words between the last place, comma or time
    word and the 的 written right before the counted thing. () when none is written."""
    if not counted:
        return ()
    text = normalize(q)
    at = text.find(counted)
    if at < 2 or text[at - 1] != "的":
        return ()
    clause = re.split(r"[，,；;：:、]", text[:at - 1])[-1]
    if re.search(rf"(?:{_cfg()['organisation_suffixes']})$", clause):
        return ()  # 咖啡专业合作社的入社农户: the organisation owning the counted, no narrowing clause
    for place in sorted(places, key=len, reverse=True):
        clause = clause.split(place)[-1]
    clause = _re(_cfg()["time_words"]).sub(" ", clause)
    generic = set(_cfg()["generic_terms"].split("|"))
    found = [w for a, b, tag in pos_tokens(clause) if len(w := clause[a:b].strip()) >= 2 and w not in generic
             and not tag.startswith(("m", "d", "p", "c", "u", "r", "q", "t", "ns"))
             and not re.search(r"(?:村|镇|乡|街道|社区|区|县|市)$", w)]
    return tuple(dict.fromkeys(found))


def asked_organisation(q: str, places: tuple[str, ...] = ()) -> str:
    """Which organisation the question names, by the words of its name that are its own: the
    name before 有限公司/集团/合作社 …, without the places in it and the words that only say what
    it does (物业服务, 汽车部件): 鹊山湾红心物业服务有限公司 → 鹊山湾红心. "" when none is named."""
    cfg = _cfg()
    m = re.search(rf"([\u4e00-\u9fff]{{2,16}}?)(?:{cfg['organisation_suffixes']})", q)
    if m is None:
        return ""
    name = re.split(r"[的在和与及给对把向从为里、是由那这个]", m.group(1))[-1]
    for place in sorted(places, key=len, reverse=True):
        name = name.replace(place, "")
    name = without_leading_division(re.sub(cfg["organisation_kind_words"], "", name))
    return name if len(name) >= 2 else ""


def is_unit_word(text: str) -> bool:
    """True when ``text`` is one unit word of questions.json (家, 家次, 万元 …)."""
    return bool(_units_re().fullmatch(text))


@cache
def _units_re() -> re.Pattern:
    """A unit word, longest first (场次 before 场), and 场次 itself."""
    units = sorted(set(_cfg()["units"].split("|")) | {"场次"}, key=len, reverse=True)
    return re.compile("|".join(map(re.escape, units)))


def _noun_run(phrase: str, leading: bool, people: bool = False) -> str:
    """The run of nouns ``phrase`` opens with (``leading``), or ends with before the verb and
    adverbs the question closes on (已经评出来), quotation marks dropped; verbs may stand inside
    it (社会组织党组织) but not at its ends. "" when shorter than two characters, or when what
    ends the phrase is a relative clause (结成的) or a time or number word: no thing is named.
    When people are counted (``people``), a verb before them ends the run (工坊吸纳 *村民* 就业多少人)
    unless it is a noun use (``nominal_verbs``: 志愿服务队员)."""
    bare = re.sub(r"[“”\"「」『』]", "", phrase)
    tokens = [(bare[a:b], tag) for a, b, tag in pos_tokens(bare) if bare[a:b].strip()]
    generic = set(_cfg()["generic_terms"].split("|"))
    if not leading:
        tokens.reverse()
        while tokens and (tokens[0][1].startswith(("d", "y", "ul", "uz", "ug", "v")) or tokens[0][0] in generic):
            if tokens[0][0] in ("了", "过", "着") and len(tokens) > 1:
                tokens.pop(0)  # the word before 了 is the verb, whatever its tag (新建了)
            tokens.pop(0)  # 已经评出来
    nominal = set(_cfg()["nominal_verbs"].split("|"))
    run: list[tuple[str, str]] = []
    for word, tag in tokens:
        if tag.startswith(_NOT_NOUN) or word in generic:
            break  # 一共, 实际 … end the phrase
        if people and run and tag == "v" and word not in nominal:
            break  # 工坊吸纳村民…多少人: the verb's object is counted, not its subject
        run.append((word, tag))
    if not leading:
        run.reverse()
    while run and run[-1][1].startswith("v") and run[-1][1] != "vn":
        run.pop()  # a verb ends no noun phrase (志愿服务 ends on a noun use of one)
    while run and run[0][1].startswith("v") and run[0][1] != "vn":
        run.pop(0)
    out = "".join(word for word, _ in run)
    return out if len(out) >= 2 else ""


def _cue(text: str, pos: int = 0) -> re.Match | None:
    """The question word of ``text`` (from ``pos``): the match of the first type pattern that matches."""
    for rule in _cfg()["types"]:
        cue = _re(rule["pattern"]).search(text, pos)
        if cue:
            return cue
    return None


_PARTICLES = re.compile(r"^(?:[的了是有为在\s]|大约|大概|约|差不多|哪些|哪几[个项条种类方块件点]?|什么)+|"
                        r"(?:[的了呢吗啊由\s]|一共|共有|总共|共计|累计|分别|都|又|还|是|有|为|"
                        r"多高|多大|多长|多少|多久|几|大约|大概|约|左右|差不多|什么|哪些)+$")


def _clause(text: str) -> str:
    """The first clause of ``text`` (up to a comma or question mark)."""
    return re.split(r"[，,？?。；;]", text, maxsplit=1)[0]


def _head_phrase(before: str, after: str, kind: str = "", counted: bool = False) -> str:
    """What is asked about as one phrase: what follows the question word (多少名 *全职党建组织员*,
    哪一年 *退役*), else the tail of what precedes it (*党支部书记* 是谁, 的 *常住人口* 有多少).
    For a place the thing before the question word comes first (*议事会* 在哪儿召开,
    *推进会* 是在哪里开的): what follows is what happened there; likewise for a list when only
    a verb follows a counting word (*联席会议* 由哪几方参加)."""
    tail = _PARTICLES.sub("", after.strip())
    # 共有/现有 right after the place is a verb of having (雁汀街道共有党员多少名), not part of a
    # noun written after 的 (社区的共有产权房)
    lead = _re(_cfg()["lead_verbs"]).sub("", _PARTICLES.sub("", _re(_cfg()["having_verbs"]).sub("", before.strip())))
    pieces = [p for p in _lead_pieces(lead) if len(p) >= 2]
    if pieces and (kind == "place" or (kind == "list" and counted and _only_verbs(tail))):
        return pieces[-1][-12:]  # 议事会 在哪儿召开; “四方议事”联席会议 由哪几方 参加
    if len(tail) >= 2:
        if kind == "list":
            tail = _noun_before_verb(tail)  # 哪几条 *渠道* 卖出去: the items are channels
        return tail[:12]
    return _without_light_words(pieces[-1])[-12:] if pieces else ""


def _without_light_words(phrase: str) -> str:
    """``phrase`` without a light verb opening it or summing words and light verbs closing it
    (做志愿服务加起来干 → 志愿服务), when a noun of two characters or more stays."""
    tokens = [(phrase[s:e], tag) for s, e, tag in pos_tokens(phrase)]
    opening = set(_cfg()["head_light_open"].split("|"))
    closing = set(_cfg()["head_light_close"].split("|"))
    start, end = 0, len(tokens)
    while end > start and tokens[end - 1][0] in closing:
        end -= 1
    if end - start > 1 and tokens[start][0] in opening:
        start += 1
    kept = tokens[start:end]
    if not any(tag.startswith(("n", "vn", "j")) and len(word) >= 2 for word, tag in kept):
        return phrase
    return "".join(word for word, _ in kept)


def _noun_before_verb(phrase: str) -> str:
    """The nouns a phrase opens with, up to the verb after them (渠道卖出去 → 渠道); the whole
    phrase when it opens with no noun of two characters or more or has no verb after it."""
    tokens = pos_tokens(phrase)
    for i, (start, _, tag) in enumerate(tokens):
        if tag.startswith("v") and i > 0 and start >= 2 and all(
                t.startswith(("n", "j", "an")) for _, _, t in tokens[:i]):
            return phrase[:start]
    return phrase


def _only_verbs(text: str) -> bool:
    """True when ``text`` is nothing but verbs (参加, 组成, 负责): no thing is named after the cue."""
    tags = [tag for start, end, tag in pos_tokens(text) if text[start:end].strip()]
    return bool(tags) and all(t.startswith("v") and t != "vn" for t in tags)


_LEAD_BREAKS = frozenset(["的", "在", "和", "与", "及", "给", "对", "把", "向", "从", "里", "中"])


def _lead_pieces(lead: str) -> list[str]:
    """``lead`` cut at punctuation and at the function words 的/在/和/中… standing as words of their
    own: 中 in 服务中心 or 在 in 现在 does not cut."""
    pieces = []
    for chunk in re.split(r"[，,、\s]+", lead):
        piece = ""
        for word in words(chunk) if chunk else []:
            if word in _LEAD_BREAKS:
                pieces.append(piece)
                piece = ""
            else:
                piece += word
        pieces.append(piece)
    return pieces


def _role(q: str) -> tuple[str, str]:
    """The role word nearest before the question word (责任编辑 in "…党员之家那篇报道的责任编辑是谁")
    and the body it is held in (党工委 in "星湖街道的党工委书记是谁"), each "" when not named."""
    cue = re.search(r"谁|哪(?:一)?位|哪几位|哪两位|什么人|姓名|叫什么名字|名字", q)
    head = q[: cue.start()] if cue else q
    pattern = re.compile(rf"({_cfg()['person_roles']})")
    text = head if pattern.search(head) else q
    found = list(pattern.finditer(text))
    if not found:
        return "", ""
    last = found[-1]
    deputy = "副" if text[last.start() - 1:last.start()] == "副" else ""  # 副书记: a deputy
    return deputy + last.group(1), role_body(text, last.start())


def unwrap(q: str) -> str:
    """The inner question of a polite wrapper (你知道…吗, 能告诉我…吗, 请问…吗), when it has a question
    word of its own; else ``q`` (你知道柳岸村建了活动室吗 stays a yes/no question)."""
    m = _re(_cfg()["polite_wrapper"]).match(q)
    return m.group("inner") if m and _cue(m.group("inner")) is not None else q


def _untopic(q: str) -> str:
    """``q`` without the 几/多少 (and its measure word, read as 各) of a leading topic clause (几个村合伙办的
    那家公司，…), so that only the clause that asks gives the answer type, unit and focus."""
    clauses = re.split(r"(?<=[，,])", q)
    topic = _re(_cfg()["topic_clause"])
    for i, clause in enumerate(clauses[:-1]):
        if topic.search(clause.rstrip("，,")):
            clauses[i] = re.sub(r"(?:几|多少)" + ASKED_UNIT + "?", "各", clause)
    return "".join(clauses)


def analyze_part(text: str) -> Part:
    """Analyse one (sub-)question."""
    q = _untopic(unwrap(TRAILING_MARKS.sub("", normalize(text))))
    places = tuple(question_places(q))
    fact = article_fact_kind(q)
    kind = "title" if fact == "title" else answer_type(q)
    if fact in ("reporter", "correspondent", "editor", "author", "photographer", "reviewer"):
        kind = "person"
    elif fact in ("outlet", "signer"):
        kind = "org"
    elif fact == "date":
        kind = "date"
    elif fact in ("issue", "page", "doc_number", "copies"):
        kind = "number"
    elif fact == "dateline":
        kind = "place"
    role, body = _role(q) if kind == "person" else ("", "")
    return Part(
        text=text.strip(),
        answer_type=kind,
        focus=focus_terms(q, places, kind),
        units=asked_units(q, kind),
        places=places,
        years=tuple(_YEAR.findall(q)),
        article_fact=fact,
        role=role,
        role_body=body,
        counted=counted_phrase(q, places) if kind == "number" else "",
        organisation="" if fact else asked_organisation(q, places),
    )


_BOTH = re.compile(r"^(?P<pre>.*?)(?P<a>[^，,、和与及]{2,12})(?:和|与|及|、)(?P<b>[^，,、和与及的]{2,12}?)"
                   r"(?P<tail>的[^，,、和与及]{1,12})?(?:分别|各自|各)(?P<rest>.+)$")
#: An ordinal standing for an item of a list (一是, 第二, （三）, 其三).
_ORDINAL = r"(?:[一二三四五六七八九十]是|第[一二三四五六七八九十]+|[（(][一二三四五六七八九十]+[)）]|其[一二三四五六七八九十])"
#: A question word: a clause holding one asks something of its own.
_ASKS = re.compile(r"多少|几|什么|哪|谁|如何|怎么|怎样|是否|吗|呢|何|多长|多大|多久|多高|多远|多重|分别")


#: A count asked in a unit of its own (其中党员多少名), not a share (其中党员占多少, 占比多少).
_COUNT_ASKED = re.compile(r"(?:多少|几)(?:名|人|个|户|家|位|件|处|次)(?!.*(?:占|比例|比重|百分))")


def _without_whoever(text: str) -> str:
    """``text`` with 谁 used as "whoever" (谁家办喜事, 谁都: ``indefinite_who``) written as 某."""
    return _re(_cfg()["indefinite_who"]).sub("某", text)


def _asks(text: str) -> bool:
    """True when ``text`` holds a question word (谁 as "whoever" — 谁家办喜事 — is none)."""
    return bool(_ASKS.search(_without_whoever(text)))


def split_parts(question: str) -> list[str]:
    """Split a multi-part question into sub-questions (the later ones may be elliptical).

    ``A…？B又…？`` and ``A…，B又是多少？`` give two parts; ``A和B分别有多少…`` gives
    ``A有多少…`` and ``B有多少…``; ``A和B的X分别是多少`` gives ``A的X是多少`` and ``B的X是多少``.
    """
    q = question.strip()
    both = _BOTH.match(normalize(q))
    if both and re.search(rf"{_ORDINAL}$", both.group("a")) and re.match(_ORDINAL, both.group("b")):
        both = None  # "一是、二是、三是分别依靠了什么": the numbered items of one list, not two things asked
    if both and not re.search(r"[？?].", q):
        rest, b = (both.group("tail") or "") + both.group("rest"), both.group("b")
        # A and B are parallel: A is the shortest run of whole words before 和 about as long as
        # B, the rest before it is shared ("那篇推送的编辑和审核分别是谁" → A 编辑, not 那篇推送的编辑).
        before = words(both.group("pre") + both.group("a"))
        k = 1
        while k < len(before) and len("".join(before[-k:])) < max(2, len(b) - 1):
            k += 1
        pre, a = "".join(before[:-k]), "".join(before[-k:])
        whole = pre + a
        for place in question_places(whole):
            if whole.endswith(place) and len(place) > len(a):
                pre, a = whole[: -len(place)], place  # 柳/塘村 和 杏林村: A is the whole place 柳塘村
        return [f"{pre}{a}{rest}", f"{pre}{b}{rest}"]
    facts = _cfg()["article_fact_nouns"]
    pair = re.match(rf"^(?P<pre>.*?)(?P<a>{facts})(?:和|与|及|、)(?P<b>{facts})(?P<rest>[^，,、和与及]*)$", q)
    if pair and pair.group("a") != pair.group("b") and _asks(normalize(pair.group("rest"))):
        # 这条信息的发布日期和发布机构是什么: two facts of the page, each asked on its own
        rest = re.sub(r"^(?:分别|各自|各)", "", pair.group("rest"))
        return [pair.group("pre") + pair.group("a") + rest, pair.group("pre") + pair.group("b") + rest]
    pieces = [p for p in _re(_cfg()["multipart_splitters"]).split(q) if p and p.strip("，,。 ")]
    # "食堂每天供应多少份午餐，老人每餐收多少钱" / "建了几个驿站、招募了多少名志愿者": clauses that
    # each ask something are parts too; a clause asking nothing belongs to the one after it
    # ("青溪街道，今年有多少名党员") or, at the end, to the one before.
    clauses = [c for piece in pieces for c in _asking_clauses(piece)]
    parts = []
    pending = ""  # clauses asking nothing before the first that asks ("沙枣镇除红柳泉村外，另外几个村…")
    for piece in clauses:
        piece = piece.strip("，,、；; ")
        if not _asks(normalize(piece)):
            if parts:
                parts[-1] += "，" + piece
            else:
                pending += piece + "，"
            continue
        piece = pending + piece
        pending = ""
        parts.append(piece if piece.endswith(("？", "?")) else piece + "？")
    return parts or [q]


def names_no_subject(text: str) -> bool:
    """True when a (later) part of a question names nothing of its own to ask about: no place,
    no organisation, nothing quoted (现在发展到多少名？ 党支部书记是谁？)."""
    q = normalize(text)
    return not question_places(q) and not asked_organisation(q) and not re.search(r"[“”「」《》\"]", q)


def _asking_clauses(piece: str) -> list[str]:
    """``piece`` cut at the commas and enumeration commas between clauses that each ask; a
    clause asking nothing stays joined, with its own mark, to the one after it (or, at the end,
    the one before), and so does a clause opening with 其中 (a share of the same count)."""
    bits = re.split(r"(?<=[^，,、\s]{2})([，,、])(?=[^，,、]{2})", piece)
    chunks, marks = bits[0::2], bits[1::2]
    out: list[str] = []
    pending = ""
    topic = _re(_cfg()["topic_clause"])
    for i, chunk in enumerate(chunks):
        mark = marks[i] if i < len(marks) else ""
        if not _asks(chunk) or (i < len(chunks) - 1 and topic.search(chunk)):
            pending += chunk + mark
        elif out and not pending and chunk.startswith("其中") and _COUNT_ASKED.search(chunk):
            # "现在有多少人，其中党员多少名": a second count, asked of the same whole
            out.append(chunk + mark)
        elif out and not pending and chunk.startswith("其中"):
            out[-1] += chunk + mark  # "网格员有多少名，其中党员占多少"
        else:
            out.append(pending + chunk + mark)
            pending = ""
    if pending:
        if out:
            out[-1] += pending
        else:
            out.append(pending)
    return out


def _described_subject(text: str) -> bool:
    """True when a later part opens on a subject it describes by what befell it (被通报的社区,
    没有达标的村): it asks about those, not about the first part's place."""
    return bool(_re(_cfg()["described_subject"]).match(normalize(text)))


def analyze(question: str) -> Analysis:
    """Analyse a question: its parts and what each asks for.

    A later part that names no place of its own (``石门坳村建了多少亩大棚？油茶基地又有多少亩？``)
    is read as a follow-up of the first, so it keeps the first part's places. A later part that
    names its own place but no object (``桃源街道有多少名网格员，新湾社区又有多少名？``) asks the
    first part's question about its place.
    """
    from retrieval.followup import _swap_place, resolve

    asked = split_parts(question)
    texts = [asked[0]] + [t if _described_subject(t) else resolve(t, [{"question": asked[0], "answer": ""}],
                                                                            carry_owner=False)
                          for t in asked[1:]]
    parts = [analyze_part(p) for p in texts]
    for i in range(1, len(parts)):
        first, part = parts[0], parts[i]
        if not part.focus and first.focus and part.places and first.places \
                and part.answer_type == first.answer_type:
            parts[i] = analyze_part(_swap_place(normalize(texts[0]), list(first.places), part.places[-1]))
        parts[i] = replace(parts[i], subjectless=names_no_subject(asked[i]))
    return Analysis(question=question, parts=tuple(_with_outlet(parts)))


#: Article facts that a question may ask together with the outlet in one clause (刊登在哪家报纸的第几版).
_WITH_OUTLET = ("page", "date", "issue")


def _with_outlet(parts: list[Part]) -> list[Part]:
    """A question asking the outlet and the page, date or issue of the article in one clause
    (刊登在哪家报纸的第几版, 哪天在哪个公众号上推送的) is two parts: the outlet, then the other fact.
    The outlet words must stand apart from those asking the other fact (哪天的报纸 asks a date)."""
    rules = {rule["kind"]: _re(rule["pattern"]) for rule in _cfg()["article_facts"]}
    out: list[Part] = []
    for part in parts:
        if part.article_fact in _WITH_OUTLET:
            q = normalize(part.text)
            other = [m.span() for m in rules[part.article_fact].finditer(q)]
            apart = [m for m in rules["outlet"].finditer(q)
                     if not any(m.start() < end and start < m.end() for start, end in other)]
            if apart:
                out.append(replace(part, article_fact="outlet", answer_type="org"))
                out.append(replace(part, subjectless=True))
                continue
        out.append(part)
    return out
