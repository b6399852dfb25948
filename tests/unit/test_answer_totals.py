"""A total asked (一共, 总共) and the figure that owns it: the clause that states a total comes
first, and a lower place's count is not the asked place's (retrieval/answer/context.py,
retrieval/answer/evidence.py). Every passage is invented; real districts, invented villages."""

import pytest

from partyqa.records import Hit
from retrieval.answer.context import batch_for_total, magnitude_miss, states_total
from retrieval.answer.extractive import fits
from retrieval.question import analyze
from tests.unit.candidates import candidates_for, span_in


def _cands(question, text):
    return candidates_for(question, text)


def _span(sentence, figure):
    return span_in(sentence, figure)


def _fits_figure(question, text, figure):
    """True when a fitting candidate of ``text`` answers ``question`` with ``figure``."""
    return any(fits(c) and c.span is not None and c.span.text == figure for c in candidates_for(question, text))


def _refused_figure(question, text, figure):
    """True when the passage's place fits ``question`` but no fitting candidate gives ``figure``."""
    cands = candidates_for(question, text)
    return any(c.places_ok for c in cands) and not any(
        fits(c) for c in cands if c.span is not None and c.span.text == figure)


@pytest.mark.parametrize(("sentence", "figure"), [
    ("全区共选树党员中心户2360户，每户联系群众10至15户，共联系群众3.1万户。", "3.1万户"),
    ("截至6月底，全县累计培训网格员1800人次。", "1800人次"),
])
def test_a_clause_that_states_a_total(sentence, figure):
    assert states_total(sentence, _span(sentence, figure))


@pytest.mark.parametrize(("sentence", "figure"), [
    ("联系卡上印着她联系的14户居民的姓名和电话。", "14户"),
    ("老党员王大爷每周走访8户独居老人。", "8户"),
])
def test_one_persons_count_states_no_total(sentence, figure):
    assert not states_total(sentence, _span(sentence, figure))


@pytest.mark.parametrize(("question", "text", "total"), [
    ("麒麟区的党员中心户一共联系了多少户居民？",
     "麒麟区推行党员中心户制度。党员中心户周桂兰联系了14户居民，她的联系卡贴在门口。目前，全区共选树党员中心户2360户，共联系群众3.1万户。",
     "3.1万户"),
    ("椒江区的楼宇党建指导员总共服务了多少家企业？",
     "椒江区推行楼宇党建指导员制度。楼宇党建指导员何川服务了12家企业，企业都建了党支部。今年以来，全区指导员累计服务企业860家。",
     "860家"),
])
def test_a_total_asked_is_answered_by_the_clause_that_states_it(question, text, total):
    best = next(c for c in _cands(question, text) if fits(c))
    assert best.span.text == total


@pytest.mark.parametrize(("question", "text", "village_figure"), [
    ("寿光市一共确定了多少户党员中心户？",
     "在柳塘村，像她这样的党员中心户一共有18户。寿光市推行党员中心户制度，目前已确定党员中心户2146户。", "18户"),
    ("于都县一共有多少名驻村第一书记？",
     "在杏林村，第一书记和驻村队员共有3名。于都县今年选派驻村第一书记236名。", "3名"),
])
def test_a_villages_count_is_not_the_citys(question, text, village_figure):
    cand = next(c for c in _cands(question, text) if c.span is not None and c.span.text == village_figure)
    assert not cand.places_ok


@pytest.mark.parametrize(("question", "text", "figure"), [
    # a whole after the village owns the figure
    ("寿光市一共确定了多少户党员中心户？", "寿光市推行党员中心户制度。记者在柳塘村采访时了解到，全市共确定党员中心户2146户。", "2146户"),
    # where something was done is no owner
    ("于都县建了多少个党群服务站？", "于都县在柳塘村、杏林村等地建成党群服务站42个。", "42个"),
])
def test_a_village_named_before_a_whole_or_as_a_location_does_not_own_the_figure(question, text, figure):
    cand = next(c for c in _cands(question, text) if c.span is not None and c.span.text == figure)
    assert cand.places_ok


# ------------------------------------------------------------- the state then, the state now
@pytest.mark.parametrize(("question", "sentence", "figure"), [
    ("柳塘村合作社刚办起来的时候有几个绣娘？", "入社绣娘由成立时的18人增加到现在的126人。", "18人"),
    ("柳塘村合作社现在有几个绣娘？", "入社绣娘由成立时的18人增加到现在的126人。", "126人"),
    ("青溪社区时间银行刚起步那会儿有多少志愿者？", "志愿者从刚开始的40名增加到目前的520名。", "40名"),
    ("青溪社区时间银行目前有多少志愿者？", "志愿者从刚开始的40名增加到目前的520名。", "520名"),
    # 现在 asked, a change written without 现在: where it ended, not where it began
    ("青溪社区现在的就业率有多高？", "社区劳动力就业率已由2020年的71.3%提高到95.8%。", "95.8%"),
    ("柳塘村现在物业费收缴率是多少？", "收缴率由2022年的46%提高到2023年的82%。", "82%"),
    ("柳塘村一开始的物业费收缴率是多少？", "收缴率由2022年的46%提高到2023年的82%。", "46%"),
])
def test_then_or_now_asked_takes_the_figure_written_so(question, sentence, figure):
    from retrieval.answer import evidence as ev

    typed, span, _ = ev.typed_span(analyze(question).parts[0], sentence)
    assert typed and span.text == figure


@pytest.mark.parametrize(("question", "units"), [
    ("柳塘村合作社有几个绣娘？", "名|人|位|个"),  # people counted with 个
    ("青溪街道有多少个网格员？", "名|人|位|个"),
    ("白沙街道暑假替骑手照看了多少个孩子？", "名|人|位|个"),
    ("青溪社区托管班收了几个快递员的子女？", "名|人|位|个"),
    ("青溪社区的弄堂前后一共换了几盏灯？", "盏"),  # measure words of lamps and wells are units too
    ("柳塘村新打了几口机井？", "口|眼"),
    ("柳塘村有几个合作社？", "个|家|座|处"),  # things stay things
    ("枫林街道成立了多少个退休党员党支部？", "个|家|座|处"),  # people naming a body: the body is counted
    ("青溪镇建了多少个党员驿站？", "个|家|座|处"),
    ("白沙街道暑假开了多少个托管班？", "个|家|座|处"),
    # nothing counted after 几个, people named before it
    ("青溪街道给每栋楼派了专门跑腿办事的人，这样的人一共有几个？", "名|人|位|个"),
    ("白沙社区派下来的指导员有几个？", "名|人|位|个"),
    ("青溪街道的驿站有几个？", "个|家|座|处"),
    ("这样的人一共分了几个小组？", "个|家|座|处"),
    ("有几个村的书记是女性？", "个|家|座|处"),
])
def test_people_counted_with_ge_are_written_with_person_units_too(question, units):
    assert analyze(question).parts[0].units == units


def test_an_earlier_state_asked_puts_the_sentence_that_states_it_first():
    text = ("青溪社区推行时间银行。一年多来，时间银行注册志愿者增加到1260名，其中党员438名。"
            "“刚开始只有186名志愿者，大多是社区党员。”社区党委书记说。")
    best = next(c for c in _cands("青溪社区的时间银行刚起步那会儿有多少志愿者？", text) if fits(c))
    assert best.span.text == "186名"


@pytest.mark.parametrize(("question", "text", "total"), [
    ("桂花社区时间银行累计提供了多少小时志愿服务？",
     "桂花社区推行时间银行，志愿者每提供1小时服务存入1个时间币。桂花社区累计提供志愿服务2.46万小时。", "2.46万小时"),
    ("白石县累计培训了多少人次？", "白石县每期培训3天。白石县累计培训党员群众1.2万人次。", "1.2万人次"),
])
def test_accumulated_asked_is_a_total_not_a_per_unit_figure(question, text, total):
    best = next(c for c in _cands(question, text) if fits(c))
    assert best.span.text == total


@pytest.mark.parametrize(("question", "sentence", "date", "past"), [
    # 现在 asked: a figure dated to a year before the article is the state then
    ("锦溪产业园现在有多少个企业党组织？", "2020年底，园区只有企业党组织19个，覆盖率仅为31%。", "2023-09-10", True),
    ("白沙社区现在有多少名志愿者？", "2019年，社区注册志愿者只有86名。", "2022-05-01", True),
    # …or a figure written as the state at the start
    ("柳塘村合作社现在有多少户农户入社？", "合作社成立之初，入社农户只有46户；", "2024-08-13", True),
    ("白沙社区现在有多少名志愿者？", "刚开始，社区注册志愿者只有86名，目前已有460名。", "2022-05-01", False),  # today's is there too
    # …not a figure since that year, one of the article's own year, or one marked as today's
    ("白沙社区现在有多少名志愿者？", "2019年以来，社区注册志愿者增加到460名。", "2022-05-01", False),
    ("白沙社区现在有多少名志愿者？", "2022年，社区注册志愿者达到460名。", "2022-05-01", False),
    ("锦溪产业园现在有多少个企业党组织？", "园区企业党组织由2020年的19个增加到57个。", "2023-09-10", False),
    ("锦溪产业园2020年有多少个企业党组织？", "2020年底，园区只有企业党组织19个。", "2023-09-10", False),
    # 现有 writes today's figure after an earlier year's event
    ("枫林社区物业项目部的党支部现在有几名党员？", "2022年4月，社区在物业项目部成立党支部，现有党员9名。", "2024-07-16", False),
    ("锦溪产业园现在有多少个企业党组织？", "园区于2019年成立综合党委，现有企业党组织57个。", "2023-09-10", False),
])
def test_a_figure_of_an_earlier_year_does_not_answer_what_is_asked_of_now(question, sentence, date, past):
    from retrieval.answer import context as cx
    from retrieval.answer import evidence as ev
    part = analyze(question).parts[0]
    _, span, _ = ev.typed_span(part, sentence)
    hit = Hit(chunk_id="c1", doc_id="d1", title="t", publisher="p", date=date, section="", text=sentence,
              score=1.0, start=0, end=len(sentence))
    assert cx.past_for_now(part, hit, sentence, span) is past


@pytest.mark.parametrize(("question", "units"), [
    ("青溪街道的党员一个礼拜要来敲几回门？", "次|回|趟|场|期|节"),  # 回 is 次, and a class held 86场 is 86回
    ("白沙社区的手机课今年上了多少回？", "次|回|趟|场|期|节"),
])
def test_times_asked_in_hui_are_times(question, units):
    assert analyze(question).parts[0].units == units


@pytest.mark.parametrize(("question", "sentence", "figure"), [
    # people asked with 个: a 个 figure counts people only next to a person noun
    ("青溪街道给每栋楼派了专门跑腿的人，这样的人一共有几个？", "目前共建立楼宇联合党委5个、楼宇党支部22个。", None),
    ("柳塘村有几个网格员？", "村里建了党员活动室3个。", None),
    ("柳塘村有几个网格员？", "村里共有12个网格员。", "12个"),
    ("白沙社区的网格员一共有几个？", "社区网格员共12个。", "12个"),
    # a figure for each building is no total: the total written after it is
    ("青溪街道给每栋楼派了专门跑腿的人，这样的人一共有几个？", "街道为每栋楼宇配备1名服务专员，共27名。", "27名"),
])
def test_people_counted_with_ge_take_figures_of_people(question, sentence, figure):
    from retrieval.answer import evidence as ev
    _, span, _ = ev.typed_span(analyze(question).parts[0], sentence)
    assert (span.text if span else None) == figure


# ------------------------------------------------- a sum over a count the question writes
@pytest.mark.parametrize(("question", "text", "figure"), [
    ("兰溪区27个村党组织领办的合作社去年销售额加起来是多少？",
     "兰溪区已有27个村党组织领办合作社。在兰溪区，有的合作社去年销售鲜玉米1450万穗，销售额860万元。", "860万元"),
    ("白石镇这4个共享车间一共吸纳了多少人就业？",
     "白石镇有4个共享车间。白石镇的示范车间吸纳就业120人，人均月增收约2000元。", "120人"),
])
def test_one_things_figure_is_no_sum_over_the_written_count(question, text, figure):
    cands = candidates_for(question, text)
    assert not any(fits(c) for c in cands if c.span is not None and c.span.text == figure)


@pytest.mark.parametrize(("question", "text", "figure"), [
    ("兰溪区27个村党组织领办的合作社去年销售额加起来是多少？",
     "兰溪区27个村党组织领办的合作社去年实现销售额1.2亿元。", "1.2亿元"),
    ("白石镇这4个共享车间一共吸纳了多少人就业？", "目前，白石镇共享车间共吸纳就业640人。", "640人"),
    # 十个月 and 三个月 are times, not counts of things summed over
    ("今年头十个月，学生党员到青溪街道各社区当志愿者，加起来干了多少个钟头？",
     "今年1至10月，6所高校的学生党员到青溪街道参加志愿服务3.8万小时。", "3.8万小时"),
    ("白石镇三个月里一共调解了多少起纠纷？", "汛期后，白石镇调解队调解纠纷86起。", "86起"),
])
def test_a_total_or_the_written_count_answers_the_sum(question, text, figure):
    assert _fits_figure(question, text, figure)


@pytest.mark.parametrize(("question", "text", "figure"), [
    ("柳湾村一共有多少艘渔船？", "柳湾村实行“结对出海”，一艘党员示范船联系4艘普通渔船，遇到险情互相救援。", "4艘"),
    ("白沙社区一共联系了多少户居民？", "白沙社区推行党员联户，一名党员联系10户居民，每月至少走访一次。", "10户"),
])
def test_a_figure_per_one_subject_is_no_total(question, text, figure):
    assert _refused_figure(question, text, figure)


@pytest.mark.parametrize(("question", "text", "figure"), [
    ("柳湾村一共有多少艘渔船？", "一年来，柳湾村共有渔船126艘，其中党员示范船18艘。", "126艘"),  # 一年来 is a time
    ("白沙社区一共联系了多少户居民？", "第一批党员联户以来，白沙社区共联系居民860户。", "860户"),
    ("柳湾村帮扶队进村后走访了多少户？", "柳湾村帮扶队进村后，先用一个月时间走访了全村412户。", "412户"),
])
def test_a_time_or_an_ordinal_is_no_single_subject(question, text, figure):
    assert _fits_figure(question, text, figure)


@pytest.mark.parametrize(("question", "text", "figure"), [
    ("柳岸社区去年选聘了多少名党员楼院长？", "柳岸社区构建四级组织链条，每个楼院至少配备1名党员楼院长。", "1名"),
    ("白沙镇建了多少个党员先锋岗？", "白沙镇要求每个村至少设立3个党员先锋岗。", "3个"),
])
def test_a_figure_per_unit_does_not_count_the_whole(question, text, figure):
    assert _refused_figure(question, text, figure)


@pytest.mark.parametrize(("question", "text", "figure"), [
    ("柳岸社区每个楼院配备几名党员楼院长？", "柳岸社区构建四级组织链条，每个楼院至少配备1名党员楼院长。", "1名"),
    ("白沙镇一个村一般设几个党员先锋岗？", "白沙镇要求每个村至少设立3个党员先锋岗。", "3个"),
    ("柳岸社区入股一户要交多少钱？", "柳岸社区合作社每户入股500元。", "500元"),  # money is not a count
])
def test_a_question_per_unit_is_answered_per_unit(question, text, figure):
    assert _fits_figure(question, text, figure)


# ------------------------------------------- a part named by what some of them did, for a total
@pytest.mark.parametrize(("question", "text", "figure"), [
    ("柳岸社区一共有多少名党员？", "柳岸社区加装电梯时，率先签字的党员业主有57名。", "57名"),
    ("白沙村一共有多少名党员？", "今年以来，白沙村新发展的党员有12名。", "12名"),
])
def test_a_part_named_by_a_clause_is_no_total(question, text, figure):
    assert _refused_figure(question, text, figure)


@pytest.mark.parametrize(("question", "text", "figure"), [
    ("柳岸社区一共有多少名党员？", "柳岸社区共有党员238名。", "238名"),
    ("白沙村一共有多少名新发展的党员？", "今年以来，白沙村新发展的党员有12名。", "12名"),  # the question names the part
    ("柳岸社区一共有多少名党员？", "柳岸社区的党员有238名。", "238名"),  # 社区的: whose, not what they did
])
def test_the_whole_or_the_asked_part_answers_a_total(question, text, figure):
    assert _fits_figure(question, text, figure)


# ------------------------------------------- a narrower kind of the people asked, after the figure
@pytest.mark.parametrize(("question", "text", "figure"), [
    ("桂园街道青枫社区有多少名党员？", "今年以来，已有1420名在职党员到青枫社区报到，认领微心愿560个。", "1420名"),
    ("石湾村有多少名党员？", "石湾村外出务工的人较多，目前有36名流动党员在沿海城市务工。", "36名"),
    # the people asked name another kind of people, or are counted among another group
    ("桂园街道青枫社区有多少名党员？", "目前青枫社区共有党员楼栋长86名，每人联系30户左右。", "86名"),
    ("石湾村有多少名党员？", "石湾村组建党员志愿者队伍，现有党员志愿者共42名。", "42名"),
    ("桂园街道青枫社区有多少名党员？", "青枫社区的物业公司党支部书记说，物业员工中有党员11名。", "11名"),
    ("石湾村有多少名党员？", "石湾村合作社社员中有党员17名，都是种植能手。", "17名"),
])
def test_a_narrower_kind_after_the_figure_does_not_count_the_asked_people(question, text, figure):
    cands = _cands(question, text)
    assert any(c.places_ok for c in cands)
    assert not any(fits(c) for c in cands if c.span is not None and c.span.text == figure)


@pytest.mark.parametrize(("question", "text", "figure"), [
    ("桂园街道青枫社区有多少名在职党员报到？", "今年以来，已有1420名在职党员到青枫社区报到，认领微心愿560个。", "1420名"),
    ("石湾村有多少名流动党员？", "石湾村外出务工的人较多，目前有36名流动党员在沿海城市务工。", "36名"),
    ("石湾村有多少名党员？", "石湾村现有党员52名，其中36名党员常年在外务工。", "52名"),  # 其中 narrows nothing
    ("桂园街道青枫社区有多少名党员？", "青枫社区共有1420名社区党员。", "1420名"),  # the asked place
    ("桂园街道青枫社区有多少名党员楼栋长？", "目前青枫社区共有党员楼栋长86名，每人联系30户左右。", "86名"),
    ("石湾村有多少名党员？", "石湾村村民中有党员52名。", "52名"),  # the whole village's people
    ("桂园街道青枫社区物业公司有多少名党员？", "青枫社区物业公司党支部书记说，物业员工中有党员11名。", "11名"),  # the asked company's own staff
])
def test_the_asked_kind_or_a_plain_count_still_answers(question, text, figure):
    assert any(fits(c) and c.span is not None and c.span.text == figure for c in _cands(question, text))


# ------------------------------------------- a figure the question itself writes is given, not asked
@pytest.mark.parametrize(("question", "text", "given", "answer"), [
    ("青枫社区党组织由2022年的5个增加到了多少个？", "青枫社区党组织由2022年的5个增加到12个。", "5个", "12个"),
    ("石湾村36名流动党员中有多少名在外省务工？", "石湾村有流动党员36名，其中在外省务工的21名。", "36名", "21名"),
])
def test_a_figure_written_in_the_question_is_not_its_answer(question, text, given, answer):
    spans = [c.span.text for c in _cands(question, text) if fits(c) and c.span is not None]
    assert given not in spans and answer in spans


# ------------------------------------------- counting within a group the question gives by its size
@pytest.mark.parametrize(("question", "text", "figure", "answers"), [
    # the sentence does not write the group's size: its figure is not counted within that group
    ("白杨村去年被扣分的38人次中有多少是党员？", "白杨村共有5个村民小组，312户，党员41名。", "41名", False),
    ("青枫社区选出的64名楼长中，党员有多少名？", "青枫社区现有党员213名，在职党员报到92名。", "213名", False),
    ("白杨村去年被扣分的38人次中有多少是党员？", "白杨村去年共有38人次被扣分，其中党员3名。", "3名", True),
    ("青枫社区选出的64名楼长中，党员有多少名？", "青枫社区选出楼长64名，其中党员楼长27名。", "27名", True),
    # a group of people among which the asked people are counted: 党员骑手 are the 党员 among 队员
    ("芦湾社区的骑手志愿队里有多少是党员？", "芦湾社区组建骑手志愿队，队员210名，其中党员骑手35名。", "35名", True),
])
def test_a_count_within_a_group_the_question_gives_is_answered_only_within_it(question, text, figure, answers):
    cands = _cands(question, text)
    assert any(c.places_ok for c in cands)
    assert any(fits(c) for c in cands if c.span is not None and c.span.text == figure) is answers


@pytest.mark.parametrize(("question", "text", "figure", "answers"), [
    # who among a group is of a kind: only a figure written at that kind answers
    ("白杨镇86名返乡党员中有多少是大学生？", "白杨镇共有返乡创业人员、退役军人、高校毕业生等群体约2300人，其中党员86名。",
     "2300人", False),
    ("白杨镇86名返乡党员中有多少是大学生？", "白杨镇86名返乡党员中，大学生32名。", "32名", True),
    ("青枫社区的120名志愿者里有多少是退休教师？", "青枫社区志愿服务队由退休干部、医生、律师等组成，队员共120名，其中党员57名。",
     "57名", False),
    ("青枫社区的120名志愿者里有多少是退休教师？", "青枫社区120名志愿者中有退休教师41名。", "41名", True),
])
def test_a_count_of_a_kind_within_a_group_needs_the_kind_at_the_figure(question, text, figure, answers):
    cands = _cands(question, text)
    assert any(fits(c) for c in cands if c.span is not None and c.span.text == figure) is answers


# ------------------------------------------- other people named right before the figure
@pytest.mark.parametrize(("question", "text", "figure", "answers"), [
    # the clause names other people before the figure and never the asked ones
    ("石湾街道有多少名专职网格员？", "石湾街道从党员和退休干部中选出楼道长438名，其中党员196名。", "438名", False),
    ("石湾街道有多少名专职网格员？", "石湾街道从党员和退休干部中选出楼道长438名，其中党员196名。", "196名", False),
    ("青枫社区服务队的队员里有多少名党员？", "青枫社区服务队成立之初只有队员18名。", "18名", False),
    # the asked people (or a word for them) are written in the figure's clause
    ("石湾街道有多少名专职网格员？", "石湾街道配备专职网格员57名，每人负责300户。", "57名", True),
    ("青枫社区服务队的队员里有多少名党员？", "青枫社区服务队队员发展到120名，其中党员84名。", "84名", True),
    ("柳湾街道替骑手照看了多少个孩子？", "柳湾街道开办托管班，共接收骑手、快递员子女46名。", "46名", True),  # 子女 = 孩子
    # people listed as what makes up the total asked
    ("桂园社区议事会一共有几名成员？", "桂园社区议事会由居民代表、党员、物业代表共13人组成。", "13人", True),
])
def test_a_count_of_other_people_named_before_the_figure_does_not_answer(question, text, figure, answers):
    cands = _cands(question, text)
    assert any(fits(c) for c in cands if c.span is not None and c.span.text == figure) is answers


# ------------------------------------------- 几点: a time of day answers, not a count
@pytest.mark.parametrize(("question", "text", "figure"), [
    ("桂园社区党群服务站晚上最晚开到几点？", "桂园社区党群服务站配备工作人员6名，工作日晚上开放到21:00。", "21:00"),
    ("柳湾街道的夜间驿站从几点开到几点？", "柳湾街道建成夜间驿站3个，每天下午5点至晚上11点开放。", "下午5点至晚上11点"),
])
def test_what_time_is_answered_by_a_time_of_day(question, text, figure):
    spans = [c.span.text for c in _cands(question, text) if fits(c) and c.span is not None]
    assert spans and spans[0] == figure


@pytest.mark.parametrize(("question", "sentence", "figure", "one_batch"), [
    # a total asked: a figure of the first phase or batch is one part of it
    ("白石镇那23个村级工业园加起来一共占地多少亩？",
     "白石镇把柳塘村工业园列为全镇23个村级工业园改造的首批项目，首期拆除整理旧厂房186亩。", "186亩", True),
    ("云港区一共建了多少个党群驿站？", "第一批建成驿站12个、第二批15个，全区共建成27个。", "12个", True),
    # the total's own clause, or a batch asked
    ("云港区一共建了多少个党群驿站？", "第一批建成驿站12个、第二批15个，全区共建成27个。", "27个", False),
    ("云港区第一批一共建了多少个党群驿站？", "第一批建成驿站12个、第二批15个。", "12个", False),
])
def test_one_batchs_figure_is_no_total(question, sentence, figure, one_batch):
    assert batch_for_total(analyze(question).parts[0], sentence, span_in(sentence, figure)) is one_batch


# ------------------------------------------------------ an average asked, one person's figure written
@pytest.mark.parametrize(("question", "text", "figure"), [
    ("白石镇安置社区搬迁群众的人均可支配收入是多少？",
     "白石镇安置社区搬迁群众刘长贵，搬来前在山里种洋芋，一年收入不到9000元。", "9000元"),
    ("柳湾村网格员的平均年龄是多少？", "柳湾村网格员周秀英，今年63岁，联系着12户邻居。", "63岁"),
])
def test_one_persons_figure_is_no_average(question, text, figure):
    assert _refused_figure(question, text, figure)


@pytest.mark.parametrize(("question", "text", "figure"), [
    # the sentence states the average, even beside a named person
    ("白石镇安置社区搬迁群众的人均可支配收入是多少？",
     "白石镇安置社区党支部书记刘长贵介绍，去年社区搬迁群众人均可支配收入达到1.4万元。", "1.4万元"),
    ("柳湾村网格员的平均年龄是多少？", "柳湾村现有网格员36名，平均年龄52岁。", "52岁"),
    # no average asked: one person's figure answers
    ("白石镇搬迁群众刘长贵搬来前一年收入多少？",
     "白石镇安置社区搬迁群众刘长贵，搬来前在山里种洋芋，一年收入不到9000元。", "9000元"),
])
def test_an_average_written_or_not_asked_answers(question, text, figure):
    assert _fits_figure(question, text, figure)


# ------------------------------------------- another kind of thing with the same head after the figure
@pytest.mark.parametrize(("question", "text", "figure"), [
    ("柳湾村一共有多少艘渔船？", "清晨的柳湾村码头上，渔船一字排开，船头插着党旗的12艘“党员先锋船”格外显眼。", "12艘"),
    ("白沙社区一共有多少个停车位？", "去年，白沙社区在小区里新装了40个充电车位，方便居民给电动车充电。", "40个"),
])
def test_another_kind_with_the_same_head_is_not_counted(question, text, figure):
    assert _refused_figure(question, text, figure)


@pytest.mark.parametrize(("question", "text", "figure"), [
    # the asked kind itself after the figure, or a kind the question describes
    ("柳湾村一共有多少艘渔船？", "柳湾村现有126艘渔船，其中党员先锋船12艘。", "126艘"),
    ("柳湾村船头插着党旗、带头出海的渔船有几艘？",
     "清晨的柳湾村码头上，渔船一字排开，船头插着党旗的12艘“党员先锋船”格外显眼。", "12艘"),
    ("白沙社区一共有多少个停车位？", "去年，白沙社区挖潜新增了40个停车位，缓解了停车难。", "40个"),
    ("白沙社区一共有多少个充电车位？", "去年，白沙社区在小区里新装了40个充电车位，方便居民给电动车充电。", "40个"),
])
def test_the_asked_kind_or_a_described_one_is_counted(question, text, figure):
    assert _fits_figure(question, text, figure)


# ------------------------------------------------------ a total asked, one person's own count written
@pytest.mark.parametrize(("question", "text", "figure"), [
    ("白沙社区的党员中心户总共联系了多少户居民？",
     "白沙社区党员中心户曹玉芬家门口贴着联系卡，上面写着她联系的12户居民。", "12户"),
    ("柳湾村网格员一共包保了多少个小组？", "柳湾村网格员孔德明每天骑车巡一遍，他包保的3个小组他都熟。", "3个"),
])
def test_one_persons_own_count_is_no_total(question, text, figure):
    assert _refused_figure(question, text, figure)


@pytest.mark.parametrize(("question", "text", "figure"), [
    # the clause states a total, or a group's (他们) count
    ("白沙社区的党员中心户总共联系了多少户居民？",
     "白沙社区共选树党员中心户86户，共联系居民1200户。", "1200户"),
    ("柳湾村网格员一共包保了多少个小组？", "柳湾村的网格员们分片包干，他们包保的12个小组实现全覆盖。", "12个"),
    # no total asked: one person's count answers
    ("白沙社区党员中心户曹玉芬联系了多少户居民？",
     "白沙社区党员中心户曹玉芬家门口贴着联系卡，上面写着她联系的12户居民。", "12户"),
])
def test_a_total_or_a_question_about_one_person_answers(question, text, figure):
    assert _fits_figure(question, text, figure)


@pytest.mark.parametrize(("question", "text", "figure"), [
    # households of one kind asked, another kind written right after the figure
    ("清河街道今冬为多少户困难家庭送去了取暖煤？", "入冬以来，清河街道志愿者为辖区86户独居老人送去暖冬包。", "86户"),
    ("柳塘村今年为多少户残疾人家庭改造了厕所？", "今年柳塘村为42户种植大户改造了厕所和院落。", "42户"),
])
def test_a_household_figure_of_another_kind_does_not_answer(question, text, figure):
    assert _refused_figure(question, text, figure)


@pytest.mark.parametrize(("question", "text", "figure"), [
    # the asked kind written, written in other words sharing a character, or households asked
    # without a kind (几户人家)
    ("清河街道今冬为多少户困难家庭送去了取暖煤？", "入冬以来，清河街道志愿者为辖区86户困难群众送去取暖煤。", "86户"),
    ("柳塘村今年为多少户残疾人家庭改造了厕所？", "今年柳塘村为42户残疾人家庭改造了厕所。", "42户"),
    ("柳塘村合作社刚成立时有几户人家加入？", "柳塘村合作社成立之初只有37户农户入社。", "37户"),
])
def test_a_household_figure_of_the_asked_kind_answers(question, text, figure):
    assert _fits_figure(question, text, figure)


@pytest.mark.parametrize(("question", "text", "figure"), [
    # 一 with its measure word opening a sentence or a quoted name is "a", no count
    ("长治市今年建成了多少个新就业群体服务驿站？", "长治市推进驿站建设。\n一个驿站，把新就业群体暖起来。", "一个"),
    ("青溪街道组建了几支党员志愿服务队？", "青溪街道推进志愿服务。“一支队伍”服务全街道，党员志愿服务队随叫随到。", "一支"),
])
def test_a_one_opening_the_sentence_is_no_count(question, text, figure):
    assert _refused_figure(question, text, figure)


@pytest.mark.parametrize(("question", "text", "figure"), [
    # inside the sentence it counts
    ("长治市今年建成了多少个新就业群体服务驿站？", "今年长治市只建成一个新就业群体服务驿站。", "一个"),
    ("青溪街道组建了几支党员志愿服务队？", "青溪街道组建了一支党员志愿服务队，随叫随到。", "一支"),
])
def test_a_one_inside_the_sentence_counts(question, text, figure):
    assert _fits_figure(question, text, figure)


@pytest.mark.parametrize(("question", "text", "figure", "answers"), [
    # 几毛钱 is under one yuan: a figure of yuan does not answer, one below it does
    ("纺织厂老院子一平米的物业费是几毛钱？", "纺织厂老院子原来卫生费每户每月只有5元。", "5元", False),
    ("纺织厂老院子一平米的物业费是几毛钱？", "纺织厂老院子的物业费定为每月每平方米0.38元。", "0.38元", True),
    ("柳塘村停一次车要交几毛钱？", "柳塘村停车场临时停放每次收费3元。", "3元", False),
    ("柳塘村停一次车要交几毛钱？", "柳塘村停车场临时停放每次收费0.5元。", "0.5元", True),
])
def test_a_small_sum_asked_is_not_answered_by_a_larger_figure(question, text, figure, answers):
    part = analyze(question).parts[0]
    assert magnitude_miss(part, text, span_in(text, figure)) is not answers
