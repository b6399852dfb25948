"""Unit tests of question understanding (retrieval/question.py, patterns in partyqa/data/questions.json).

Every question here is invented: made-up villages, streets and programmes in the style of local
party-building news. No model and no index are needed.
"""

import pytest

from partyqa.text.normalize import normalize
from retrieval.question import (
    ANSWER_TYPES,
    analyze,
    analyze_part,
    answer_type,
    article_fact_kind,
    asked_organisation,
    asked_units,
    asks_about_article,
    counted_phrase,
    focus_terms,
    split_parts,
)


def only_part(question: str):
    """The single part of a one-part question."""
    parts = analyze(question).parts
    assert len(parts) == 1, parts
    return parts[0]


# ---------------------------------------------------------------------------------------- answer types
@pytest.mark.parametrize(
    ("question", "expected"),
    [
        ("枫桥镇柳岸村党支部书记是谁？", "person"),
        ("云溪县新湾社区居委会主任叫什么名字？", "person"),
        ("桃源街道共有多少名网格员？", "number"),
        ("青石县建了几个党群服务驿站？", "number"),
        ("白沙村党委是哪一年成立的？", "date"),
        ("石桥镇的红色驿站什么时候启用？", "date"),
        ("樊城区党员教育基地在哪里？", "place"),
        ("新湾社区的议事长廊位于什么地方？", "place"),
        ("哪家企业承建了下溪镇的光伏项目？", "org"),
        ("凤鸣社区的积分超市由哪个单位运营？", "org"),
        # the name of an organisation is asked: not a person
        ("海湾大厦的物业公司叫什么名字？", "org"),
        ("柳岸村新成立的合作社的名称是什么？", "org"),
        # … but a person of the organisation, or when it was founded, is not an organisation
        ("海湾大厦物业公司的经理叫什么名字？", "person"),
        ("柳岸村的合作社是什么时候成立的？", "date"),
        ("石桥镇设立了哪些便民服务窗口？", "list"),
        ("凤鸣社区的议事长廊都有什么功能？", "list"),
        ("柳岸村的“两帮”是指哪两帮？", "list"),  # a count after 指哪: the items of a named set
        ("新湾社区的“三联”指哪三联？", "list"),
        ("组建青溪街道联合党委的是哪4个社区？", "list"),  # a count in digits asks for the items too
        ("青溪村党员上门时帮村民算清了哪两笔账？", "list"),  # items counted in 笔, 轮 …
        ("白沙街道的书记比武设了哪三轮？", "list"),
        ("柳塘村的12个大棚租给了哪几户？", "list"),
        ("白石镇另外几个试点村叫什么？", "list"),  # the names of counted things: their items, not a count
        ("青溪街道那两个社区叫什么名字？", "list"),
        ("白石镇有几个试点村？", "number"),
        ("这个村的合作社叫什么？", "org"),
        ("“三联”是指哪个单位提出的？", "org"),  # 指哪个 asks for one thing
        ("青溪街道联合党委重点抓的三件事是什么？", "list"),  # a counted set: its items
        ("柳岸村推行的“三个一”分别是什么？", "list"),
        ("白石县的两项措施具体指什么？", "list"),
        ("这种做法的特点是什么？", "description"),  # nothing counted: one description
        ("三个村的党支部书记是谁？", "person"),  # a count that is no set of items
        ("柳岸村是如何发展集体经济的？", "method"),
        ("桃源街道怎样化解物业纠纷？", "method"),
        ("为什么要在白沙村设立调解室？", "reason"),
        ("青石县开展这项活动的原因是什么？", "reason"),
        ("柳岸村是否建成了党员活动室？", "yesno"),
        ("新湾社区有没有开设四点半课堂？", "yesno"),
        ("枫林镇的驿站开放了吗？", "yesno"),
        ("这篇报道的标题是什么？", "title"),
        ("那篇关于凤鸣社区的文章叫什么题目？", "title"),
        ("凤鸣社区的红色物业是什么？", "description"),
        ("石桥镇网格化管理的情况", "description"),
        ("白沙街道的例会讨论了地铁几号线沿线的拆迁？", "description"),  # 几号线 is a line, not a day
        ("桂溪镇的驿站设在几号楼？", "description"),
        ("桂溪镇的推进会是几号开的？", "date"),
        # any unit word after 几 asks for a count (几部电梯, 几辆车), not only the common ones
        ("枫林镇今年给老旧小区装了几部电梯？", "number"),
        ("柳岸村的党员志愿服务队有几辆巡逻车？", "number"),
    ],
)
def test_each_question_word_gives_its_answer_type(question, expected):
    assert expected in ANSWER_TYPES
    assert only_part(question).answer_type == expected


@pytest.mark.parametrize(
    ("question", "expected"),
    [
        ("凤鸣社区的议事长廊都是哪个单位建的？", "org"),
        ("白沙村的调解员都是哪位老党员？", "person"),
    ],
)
def test_a_list_cue_next_to_a_singular_which_word_does_not_ask_for_a_list(question, expected):
    # 都是 looks like a list cue, but 哪个单位 / 哪位 asks for one organisation or one person.
    assert answer_type(normalize(question)) == expected


@pytest.mark.parametrize("question", ["石桥镇推行的“四访四问”具体是哪四项？", "两个村的带头人分别是谁？"])
def test_a_counted_which_or_respectively_asks_for_a_list(question):
    assert answer_type(normalize(question)) == "list"


@pytest.mark.parametrize(
    ("question", "expected"),
    [("柳岸村的党员活动室建在哪里呢？", "place"), ("桃源街道今年新发展了多少名党员呢？", "number")],
)
def test_a_question_ending_in_ne_is_not_a_yes_no_question(question, expected):
    assert answer_type(normalize(question)) == expected


@pytest.mark.parametrize(
    ("question", "expected"),
    [("你知道樊城区有多少个网格吗？", "number"), ("能告诉我凤鸣社区党委书记是谁吗？", "person")],
)
def test_a_polite_do_you_know_wrapper_keeps_the_inner_answer_type(question, expected):
    assert only_part(question).answer_type == expected


@pytest.mark.parametrize("question", ["你知道石门坳村建成冷库了吗？", "请问桂溪镇有没有开设夜校？"])
def test_a_polite_wrapper_around_a_question_without_a_question_word_stays_yes_no(question):
    assert only_part(question).answer_type == "yesno"


# ---------------------------------------------------------------------------------------------- focus
@pytest.mark.parametrize(
    ("question", "head"),
    [
        ("桃源街道共有多少名网格员？", "网格员"),
        ("青石县建了几个党群服务驿站？", "党群服务驿站"),
        ("枫桥镇柳岸村党支部书记是谁？", "党支部书记"),
        ("云溪县新湾社区居委会主任叫什么名字？", "居委会主任"),
        ("白沙村党委是哪一年成立的？", "成立"),
        ("石桥镇的红色驿站什么时候启用？", "启用"),
        ("凤鸣社区的红色物业是什么？", "红色物业"),
        ("桃源街道怎样化解物业纠纷？", "化解物业纠纷"),
    ],
)
def test_the_focus_starts_with_the_head_nearest_the_question_word(question, head):
    assert only_part(question).focus[0] == head


@pytest.mark.parametrize(
    ("question", "second"),
    [("柳岸村清理了多少处乱贴乱画的小广告？", "小广告"), ("枫桥镇柳岸村党支部书记是谁？", "书记")],
)
def test_the_noun_a_long_head_ends_with_comes_right_after_it(question, second):
    assert only_part(question).focus[1] == second


@pytest.mark.parametrize(
    ("question", "head", "left_out"),
    [
        ("2021年柳岸村有多少名党员？", "党员", ("2021", "柳岸村", "2021年")),
        ("桃源街道去年新发展了多少名党员？", "党员", ("去年", "桃源街道", "多少")),
    ],
)
def test_places_years_time_words_and_question_words_stay_out_of_the_focus(question, head, left_out):
    focus = only_part(question).focus
    assert focus[0] == head
    assert not set(left_out) & set(focus)


@pytest.mark.parametrize(
    ("question", "head"),
    [
        ("青岚县枫岗街道共有党员多少名？", "党员"),
        ("白沙村现有渔船多少艘？", "渔船"),
        ("柳溪社区一共有志愿者多少人？", "志愿者"),
        ("桂湾镇拥有专职网格员多少名？", "专职网格员"),
    ],
)
def test_a_verb_of_having_before_the_counted_noun_is_no_part_of_the_focus(question, head):
    # 共有/现有/拥有 say the place has the thing; the sentence writes 共有基层党组织58个、党员1863名
    assert only_part(question).focus[0] == head


@pytest.mark.parametrize(
    ("question", "head"),
    [
        ("青溪街道的在职党员去年做志愿服务加起来干了多少小时？", "志愿服务"),
        ("白沙村的老党员今年搞巡河一共搞了多少次？", "巡河"),
    ],
)
def test_light_verbs_and_summing_words_around_the_asked_thing_are_no_part_of_the_head(question, head):
    # the sentence writes 开展志愿服务830余场，累计服务时长2.1万小时: no 做, 加起来 or 干
    assert only_part(question).focus[0] == head


@pytest.mark.parametrize(
    ("question", "head"),
    [("柳溪社区的干部做了多少次？", "干部"), ("桂湾镇的做法一共有多少项？", "做法")],
)
def test_a_word_opening_with_a_light_verb_character_keeps_it(question, head):
    # 干部 and 做法 are nouns of their own, not a light verb before a noun
    assert only_part(question).focus[0] == head


@pytest.mark.parametrize(
    ("question", "head"),
    [("柳溪社区的共有产权房有多少套？", "共有产权房"), ("桂湾镇的现有人口是多少？", "现有人口")],
)
def test_a_noun_opening_with_those_characters_keeps_them_when_no_verb_leads(question, head):
    assert only_part(question).focus[0] == head


@pytest.mark.parametrize(
    ("question", "head"),
    [("凤鸣社区的“三个一”是哪三个“一”？", "三个一"), ("石桥镇推行的“四访四问”具体是哪四项？", "四访四问")],
)
def test_a_list_question_about_a_quoted_programme_focuses_on_its_name(question, head):
    assert only_part(question).focus[0] == head


@pytest.mark.parametrize(
    ("question", "head"),
    [
        ("石门村合作社的茶叶是通过哪几条渠道卖出去的？", "渠道"),  # the items are channels, not 渠道卖出去
        ("白石县有哪几支志愿服务队参加了活动？", "志愿服务队"),
        ("凤鸣社区党群服务中心里设了哪些功能区？", "功能区"),  # no verb after the noun: unchanged
    ],
)
def test_a_list_question_focuses_on_the_noun_before_its_verb(question, head):
    assert only_part(question).focus[0] == head


@pytest.mark.parametrize(
    ("question", "units"),
    [
        ("惠康社区那几个扶贫车间一共让多少人找到了工作？", "人|名|位"),  # 那几个: those, no question word
        ("这几个驿站一共接待了多少人次？", "人次"),
        ("青溪镇建了几个驿站？", "个|家|座|处"),  # 几个 alone still asks
    ],
)
def test_this_or_those_few_is_no_question_word(question, units):
    part = only_part(question)
    assert part.answer_type == "number" and part.units == units


@pytest.mark.parametrize(
    ("question", "place", "head"),
    [("新湾社区有多少名志愿者", "新湾社区", "志愿者"), ("柳岸村党支部书记是谁", "柳岸村", "党支部书记")],
)
def test_focus_terms_leave_out_the_places_they_are_given(question, place, head):
    kind = answer_type(question)
    given = focus_terms(question, (place,), kind)
    assert given[0] == head
    assert not any(place[:2] in term for term in given)
    # A place the caller did not recognise stays in the focus.
    assert any(place[:2] in term for term in focus_terms(question, (), kind))


@pytest.mark.parametrize(
    ("question", "heads"),
    [("新湾社区党群服务中心面积有多大？", ("面积", "党群服务中心面积")),
     ("凤鸣社区文化中心占地多少？", ("占地", "文化中心占地"))],
)
def test_a_head_is_not_cut_inside_the_word_zhongxin(question, heads):
    assert only_part(question).focus[0] in heads


@pytest.mark.parametrize(("question", "head"), [("石门坳村在巡查中发现的隐患有多少？", "隐患"),
                                                ("石门坳村党员在志愿服务中结对的困难户有多少？", "困难户")])
def test_a_head_is_still_cut_at_a_function_word_standing_alone(question, head):
    assert only_part(question).focus[0] == head


@pytest.mark.parametrize(
    ("question", "head"),
    [("新湾社区的议事长廊位于什么地方？", "议事长廊"), ("这篇文章的发布时间是什么时候？", "发布时间")],
)
def test_the_head_is_never_the_rest_of_a_question_word(question, head):
    assert only_part(question).focus[0] == head


@pytest.mark.parametrize(("question", "head"), [("石门坳村的茶园位于哪个镇？", "茶园"), ("桂溪镇的夜校什么时候开班？", "开班")])
def test_a_question_with_one_cue_keeps_its_head(question, head):
    assert only_part(question).focus[0] == head


@pytest.mark.parametrize(("question", "head"), [("谁是凤鸣社区的网格长？", "网格长"), ("谁是白沙村的第一书记？", "第一书记")])
def test_a_who_is_question_with_the_role_after_the_place_focuses_on_the_role(question, head):
    assert only_part(question).focus[0] == head


def test_a_who_is_question_with_an_object_before_the_role_keeps_both():
    focus = only_part("谁是石门坳村调解室的负责人？").focus
    assert focus[:2] == ("调解室的负责人", "负责人")


# ---------------------------------------------------------------------------------------------- units
@pytest.mark.parametrize(
    ("question", "units"),
    [
        ("桃源街道共有多少名网格员？", "名|人|位"),
        ("青石县建了几个党群服务驿站？", "个|家|座|处"),
        ("新湾社区走访了多少户困难群众？", "户|家"),
        ("白沙村种了多少亩茶叶？", "亩"),
        ("石桥镇举办了几期党课培训班？", "期|次|场|批"),
        ("下溪镇去年投入了多少资金？", "元|万元|亿元|万|亿"),
        ("新湾社区党群服务中心面积有多大？", "平方米|㎡|平米|亩|公顷|平方公里"),
        ("柳岸村集体经济收入增长率是多少？", "%|％|成"),
        ("党员志愿服务队每次活动多久？", "天|日|小时|分钟|个月|月|年|周"),
        ("枫林镇到县城的公路有多长？", "公里|千米|米|km"),
        ("柳岸村在考核中得分多少？", "分"),
        ("白石县给流动党员发了多少张服务卡？", "张"),
        # a unit of two words is read whole: 户次 is no 户, 万元 asks for money, 车次 for loads
        ("青溪街道的服务队累计入户走访了多少户次？", "户次"),
        ("柳塘村2023年的村集体收入是多少万元？", "万元|元|亿元|万|亿"),
        ("柳塘村去年清理垃圾多少车次？", "车次|辆次"),
        ("枫林镇今年给老旧小区装了几部电梯？", "部|台"),
        # 有多少是党员: the people named after 是 are counted
        ("白杨村被扣分的38人次中有多少是党员？", "名|人|位|个"),
        ("青枫社区志愿队里有多少是退休干部？", "名|人|位|个"),
        # money given or raised is counted in 元
        ("桂园社区为长者食堂一共筹到了多少爱心捐款？", "元|万元|亿元|万|亿"),
        ("柳湾村的村民议事厅每年租金多少？", "元|万元|亿元|万|亿"),
        # 几点 asks a time of day
        ("桂园社区党群服务站每天几点开门？", "点"),
        ("柳湾街道的夜间驿站从几点开到几点？", "点"),
        # spoken measures: 钟头 are hours, 块钱 are yuan; 几块牌子 are still 块
        ("青溪街道的大学生志愿者一共服务了多少个钟头？", "小时"),
        ("柳塘村的党员夜校每次上几个小时？", "小时"),
        ("桂园社区的老人在食堂吃一顿要掏几块钱？", "元|块"),
        ("柳湾村精简挂牌后保留了几块牌子？", "块"),
        # a word opening with a measure word is no measure (多少项目资金 asks money; 多少名额 any figure)
        ("白石县各结对支部协调落实了多少项目资金？", "元|万元|亿元|万|亿"),
        ("青溪街道今年安排了多少名额？", ""),
        ("柳塘村今年建了多少个项目？", "个|家|座|处"),
        # 毛钱 are yuan too (一平米交几毛钱: 0.45元)
        ("桂园社区的物业费一平米一个月交几毛钱？", "元|角|毛"),
        ("柳湾村的自来水一吨收几毛钱？", "元|角|毛"),
        # 有多大 of a place or room asks its area; of a reform, a capacity or an age it does not
        ("桂园社区那间给骑手歇脚的屋子有多大？", "平方米|㎡|平米|亩|公顷|平方公里|万平方米"),
        ("柳塘村新建的党群服务中心是多大？", "平方米|㎡|平米|亩|公顷|平方公里|万平方米"),
        ("青溪街道这项改革的力度有多大？", ""),
        ("柳塘村合作社的冷库库容有多大？", ""),
        ("桂园社区年纪最大的志愿者今年多大年纪？", "岁"),
        # kinds are counted in 种/类 (a count of sites in 个 does not answer 多少种)
        ("桂园社区积分超市可以兑换多少种商品？", "种|类|样|项"),
        ("柳塘村服务中心一共提供多少类服务？", "类|种"),
        ("青溪街道在职党员分成了几个组？", "个|家|座|处"),
        ("白石县组建了几支志愿服务队？", "支|个"),
    ],
)
def test_a_number_question_asks_for_the_units_that_fit_its_measure_word_or_attribute(question, units):
    assert only_part(question).units == units


@pytest.mark.parametrize("question", ["青溪街道的大学生志愿者一共服务了多少个钟头？", "柳塘村的党员夜校每次上几个小时？"])
def test_hours_asked_are_no_counted_thing(question):
    part = only_part(question)
    assert part.counted == "" and not {"钟头", "小时"} & set(part.focus[:1])


@pytest.mark.parametrize(
    ("question", "wrong_unit"),
    [("桃源街道共有多少名网格员？", "个"), ("白沙村种了多少亩茶叶？", "个"), ("下溪镇去年投入了多少资金？", "%"),
     ("桂园社区积分超市可以兑换多少种商品？", "个"), ("柳塘村服务中心一共提供多少类服务？", "个")],
)
def test_a_unit_that_does_not_fit_the_question_is_not_asked_for(question, wrong_unit):
    assert wrong_unit not in only_part(question).units.split("|")


@pytest.mark.parametrize(("question", "people"), [
    # people counted with 个, whatever they go on to do, are counted in 名/人/位 too
    ("青溪街道请了多少个外卖小哥兼职当网格员？", True),
    ("柳塘村有几个乡贤回村投资办厂？", True),
    ("白石县有几个大学生当了村干部？", True),
    # people naming a body: the body is counted
    ("青溪街道有多少个退休党员党支部？", False),
])
def test_people_counted_with_ge_are_counted_as_people(question, people):
    assert ("名" in only_part(question).units.split("|")) is people


@pytest.mark.parametrize("question", ["白沙村的集体林地有多少？", "柳岸村的党员有多少？"])
def test_a_number_question_without_a_measure_word_accepts_any_unit(question):
    assert only_part(question).units == ""


@pytest.mark.parametrize(
    ("question", "kind"),
    [("枫桥镇柳岸村党支部书记是谁", "person"), ("柳岸村是如何发展集体经济的", "method")],
)
def test_only_number_questions_ask_for_units(question, kind):
    assert asked_units(question, kind) is None
    assert only_part(question + "？").units is None


# -------------------------------------------------------------------------------------- places, years
@pytest.mark.parametrize(
    ("question", "places"),
    [
        ("樊城区桃源街道新湾社区有多少名网格员？", ("樊城区", "桃源街道", "新湾社区")),
        ("青石县枫林镇白沙村有多少名党员？", ("青石县", "枫林镇", "白沙村")),
    ],
)
def test_the_places_of_a_question_are_kept_broadest_first(question, places):
    assert only_part(question).places == places


@pytest.mark.parametrize(("question", "places"), [("你们这里有多少名网格员？", ()), ("全村有多少名党员？", ())])
def test_a_question_without_a_named_place_has_no_places(question, places):
    assert only_part(question).places == places


@pytest.mark.parametrize(
    ("question", "years"),
    [("2021年柳岸村有多少名党员？", ("2021",)), ("2019年到2023年凤鸣社区发展了多少名党员？", ("2019", "2023"))],
)
def test_four_digit_years_are_read_from_the_question(question, years):
    assert only_part(question).years == years


@pytest.mark.parametrize(
    "question", ["桃源街道去年新发展了多少名党员？", "桃源街道发放的2000份宣传册里有多少份是党史读本？"]
)
def test_relative_years_and_counts_are_not_years(question):
    assert only_part(question).years == ()


# ----------------------------------------------------------------------------------------------- roles
@pytest.mark.parametrize(
    ("question", "role"),
    [
        ("枫桥镇柳岸村党支部书记是谁？", "书记"),
        ("白沙村第一书记是谁？", "第一书记"),
        ("带领党员致富的村主任是谁？", "主任"),  # nearest before 谁, not 党员
        ("谁是凤鸣社区的网格长？", "网格长"),  # after the question word when none comes before it
    ],
)
def test_a_who_question_with_a_role_asks_for_a_person_in_that_role(question, role):
    part = only_part(question)
    assert part.answer_type == "person"
    assert part.role == role


@pytest.mark.parametrize(
    ("question", "kind"), [("柳岸村有多少名党员？", "number"), ("谁牵头成立了柳岸村的合作社？", "person")]
)
def test_no_role_is_set_for_other_types_or_a_who_question_without_a_role_word(question, kind):
    part = only_part(question)
    assert part.answer_type == kind
    assert part.role == ""


# --------------------------------------------------------------------------------------- article facts
@pytest.mark.parametrize(
    ("question", "fact", "kind"),
    [
        ("关于柳岸村光伏项目的那篇报道是哪天刊发的？", "date", "date"),
        ("这篇文章的发布时间是什么时候？", "date", "date"),
        ("报道新湾社区议事长廊的是哪家报纸？", "outlet", "org"),
        ("这条消息最早刊登在哪？", "outlet", "org"),
        ("写石桥镇驿站那篇报道的记者是谁？", "reporter", "person"),
        ("报道下溪镇光伏项目的记者叫什么名字？", "reporter", "person"),
        ("白石晚报那篇报道署名的实习生是谁？", "reporter", "person"),  # an intern signs with the reporters
        ("写柳岸村分红的稿子，实习生叫什么名字？", "reporter", "person"),
        ("这篇报道的通讯员是哪几位？", "correspondent", "person"),
        ("凤鸣社区那篇稿子的通讯员是谁？", "correspondent", "person"),
        ("这篇文章的责任编辑是谁？", "editor", "person"),
        ("那条消息的责编是哪位？", "editor", "person"),
        ("这篇文章的作者是谁？", "author", "person"),
        ("介绍白沙村茶园的稿子是谁写的？", "author", "person"),
        ("这份简报是第几期？", "issue", "number"),
        ("这期党建专刊是总第几期？", "issue", "number"),
        ("2022年第5期《白石组工信息》是哪天编印的？", "date", "date"),  # a bulletin is 编印/印发, not 发布
        ("这期党建简报是什么时候印发的？", "date", "date"),
        ("白石晚报刊登柳塘村分红这篇报道的是哪一天的报纸？", "date", "date"),  # which day's paper
        ("青溪街道楼长制的消息登在几月几号的日报上？", "date", "date"),
        ("这篇报道的标题是什么？", "title", "title"),
        ("那篇关于凤鸣社区的文章叫什么题目？", "title", "title"),
        ("這篇雲溪街道防汛的報道原載哪份報紙？", "outlet", "org"),  # the paper a reprint comes from
        ("柳岸村光伏项目那篇稿子转自哪家媒体？", "outlet", "org"),
        ("白石县这份工作总结的落款日期是哪天？", "date", "date"),  # a summary or a notice is a document too
        ("桂溪镇那份情况通报是哪天印发的？", "date", "date"),
        ("白石县融媒体中心转载的柳塘村那篇报道，是什么时间发布的？", "date", "date"),  # 什么时间 for 什么时候
        ("青溪街道楼长制那条消息是什么时间推送的？", "date", "date"),
        ("柳塘村分红的事登在白石晚报第几版？", "page", "number"),  # 登在 a paper: the article is asked of
        ("青溪街道楼长制刊登在南州日报哪一版？", "page", "number"),
        # the one who signed a report: 述职人, 汇报人, 讲话人 are its authors
        ("柳塘社区这份述职报告的述职人是谁？", "author", "person"),
        ("青溪街道那份经验交流材料的汇报人是哪位？", "author", "person"),
    ],
)
def test_a_question_about_the_article_itself_names_the_fact_and_its_answer_type(question, fact, kind):
    part = only_part(question)
    assert part.article_fact == fact
    assert part.answer_type == kind
    assert asks_about_article(question)


@pytest.mark.parametrize(
    ("question", "kind"),
    [
        ("柳岸村什么时候成立的合作社？", "date"),  # a date, but of an event: no article marker
        ("桂溪镇的驿站什么时候发布了服务清单？", "date"),
        ("哪家企业承建了下溪镇的光伏项目？", "org"),  # an organisation, not the outlet
        ("记者在白沙村看到了什么？", "description"),  # 记者 without asking who
        ("通讯员走访了多少户？", "number"),
        ("实习生在社区干了多少天？", "number"),  # an intern in the story, nothing asked of the page
        ("编辑部设在哪里？", "place"),
        ("凤鸣社区的红色物业是什么？", "description"),
        ("白石县一共编印了多少期学习材料？", "number"),  # how many were printed: no article date
        ("柳塘村报刊亭哪一天的报纸卖得最好？", "date"),  # a day's paper, no article asked about
        ("柳岸村村史馆里原载于族谱的老照片有几张？", "number"),  # 原载 with what it was in, nothing asked of it
        ("白石县的总结表彰大会是哪天召开的？", "date"),  # 总结 of a meeting's name, nothing published
        ("青溪街道的驿站是什么时间建成的？", "date"),  # 什么时间 of an event
        ("白沙村的光荣榜登在哪里？", "place"),  # 登在 with no page asked: where a list is posted
    ],
)
def test_a_question_about_events_in_the_article_is_not_an_article_fact(question, kind):
    part = only_part(question)
    assert part.article_fact == ""
    assert part.answer_type == kind
    assert not asks_about_article(question)


@pytest.mark.parametrize("question", [
    "柳湾街道2023年度党建工作总结是哪天在区政府网站上发布的？",  # where it was published, between
    "那篇关于青枫社区的报道是哪天在《南州日报》上刊登的？",
])
def test_a_publication_date_asked_with_where_it_was_published_is_an_article_fact(question):
    assert only_part(question).article_fact == "date"


@pytest.mark.parametrize("question", ["柳湾村哪天在村广场上举办了发布会？", "青枫社区什么时候在小区里发布了服务清单？"])
def test_an_event_at_a_place_is_not_the_articles_date(question):
    assert only_part(question).article_fact == ""


@pytest.mark.parametrize("question", ["桂溪镇开展了第几期党员培训？", "白沙村的夜校办到第几期了？"])
def test_an_event_round_is_not_the_issue_of_the_article(question):
    assert only_part(question).article_fact == ""


@pytest.mark.parametrize("question", ["这期《青石党建》是第几期？", "本期简报是总第几期？"])
def test_an_issue_question_with_an_issue_marker_is_an_article_fact(question):
    part = only_part(question)
    assert (part.article_fact, part.answer_type) == ("issue", "number")


@pytest.mark.parametrize("question", [
    "青柳县乡镇党委书记述职评议情况通报的文号是什么？",
    "南溪区做好党员发展工作那份通知的发文字号是多少？",
    "桐溪街道党员先锋岗评选的文件编号是什么？",
])
def test_a_document_number_question_is_an_article_fact(question):
    part = only_part(question)
    assert (part.article_fact, part.answer_type) == ("doc_number", "number")


@pytest.mark.parametrize("question", [
    "柳岸社区党群服务中心的门牌号是多少？",  # a house number
    "白沙镇党员的编号是怎么编的？",  # a number of other things
    "桂溪镇便民热线的电话号码是多少？",
    "这份文件号召党员做什么？",  # 文件 + 号召 is no 文件号
])
def test_other_numbers_are_no_document_number(question):
    assert only_part(question).article_fact != "doc_number"


@pytest.mark.parametrize(("question", "fact"), [("這篇報道的記者是誰？", "reporter"), ("這篇文章的標題是什麼？", "title")])
def test_article_facts_are_recognised_in_traditional_script(question, fact):
    assert asks_about_article(question)
    assert analyze_part(question).article_fact == fact


def test_article_fact_kind_reads_a_normalized_question():
    assert article_fact_kind("这篇报道的通讯员是谁") == "correspondent"
    assert article_fact_kind("柳岸村的通讯员有几名") == ""


@pytest.mark.parametrize(("question", "role"), [("写石桥镇驿站那篇报道的记者是谁？", "记者"),
                                                ("这篇报道的通讯员是哪几位？", "通讯员")])
def test_a_byline_question_carries_the_byline_role(question, role):
    assert only_part(question).role == role


# ------------------------------------------------------------------------------------- multi-part split
@pytest.mark.parametrize(
    ("question", "texts", "places", "heads"),
    [
        ("白沙村建了多少座冷库？茶叶基地又有多少亩？",
         ("白沙村建了多少座冷库？", "白沙村茶叶基地又有多少亩？"), (("白沙村",), ("白沙村",)), ("冷库", "茶叶基地")),
        ("柳岸村有多少名党员？书记是谁？",
         ("柳岸村有多少名党员？", "柳岸村书记是谁？"), (("柳岸村",), ("柳岸村",)), ("党员", "书记")),
    ],
)
def test_a_second_question_without_a_place_keeps_the_place_of_the_first(question, texts, places, heads):
    parts = analyze(question).parts
    assert tuple(p.text for p in parts) == texts
    assert tuple(p.places for p in parts) == places
    assert tuple(p.focus[0] for p in parts) == heads


def test_each_part_of_a_two_part_question_has_its_own_answer_type_and_units():
    first, second = analyze("白沙村建了多少座冷库？茶叶基地又有多少亩？").parts
    assert (first.answer_type, first.units) == ("number", "座|个|处")
    assert (second.answer_type, second.units) == ("number", "亩")
    number, person = analyze("柳岸村有多少名党员？书记是谁？").parts
    assert (number.answer_type, person.answer_type, person.role) == ("number", "person", "书记")


@pytest.mark.parametrize(
    ("question", "places", "units"),
    [
        ("柳岸村和白沙村分别有多少名党员？", ("柳岸村", "白沙村"), "名|人|位"),
        ("枫林镇与石桥镇分别建成了多少个驿站？", ("枫林镇", "石桥镇"), "个|家|座|处"),
    ],
)
def test_a_respectively_question_about_two_places_gives_one_part_per_place(question, places, units):
    parts = analyze(question).parts
    assert tuple(p.places for p in parts) == tuple((p,) for p in places)
    assert all(p.answer_type == "number" and p.units == units for p in parts)
    assert all(p.text.startswith(place) for p, place in zip(parts, places))


@pytest.mark.parametrize(
    "question",
    ["白沙村和柳岸村的党员一共有多少名？", "桃源街道和新湾社区联合举办了哪些活动？", "青石县建了几个党群服务驿站？"],
)
def test_a_question_with_one_question_word_stays_one_part(question):
    assert split_parts(question) == [question]
    assert len(analyze(question).parts) == 1


@pytest.mark.parametrize(
    ("question", "parts"),
    [
        ("白沙社区食堂每天供应多少份午餐，80岁以上老人每餐收多少钱？",
         ["白沙社区食堂每天供应多少份午餐？", "80岁以上老人每餐收多少钱？"]),
        ("青溪街道建了几个驿站、招募了多少名志愿者？", ["青溪街道建了几个驿站？", "招募了多少名志愿者？"]),
        ("这篇报道是哪天发的，记者是谁？", ["这篇报道是哪天发的？", "记者是谁？"]),
        # without 那家/这个 the 多少 counts (多少个村办的合作社) and the clause is a part
        ("柳塘镇有多少个村办的合作社，又有多少个村还没有？", ["柳塘镇有多少个村办的合作社？", "又有多少个村还没有？"]),
    ],
)
def test_clauses_that_each_ask_are_parts(question, parts):
    assert split_parts(question) == parts
    assert len(analyze(question).parts) == 2


@pytest.mark.parametrize(
    "question",
    [
        "天元区引进了几位中国科学院、中国工程院的院士？",  # an enumeration inside one asking clause
        "青溪街道的网格员有多少名，其中党员占多少？",  # 其中: a share of the same count
        "截至今年6月，青溪街道有多少名党员？",  # a clause asking nothing belongs to the next
        # 几 only describes a definite thing (那家公司, 这个课堂) the next clause asks about
        "去年柳塘镇几个村合伙办的那家公司，刨去成本净赚了多少？",
        "几名退休教师在白沙社区办起来的这个课堂，一共开了多少期？",
    ],
)
def test_commas_inside_one_question_split_nothing(question):
    assert split_parts(question) == [question]


@pytest.mark.parametrize(("question", "second"), [
    # 其中 asking a count in its own unit: a second count of the same whole, its own part
    ("青溪街道护河队现在有多少人，其中党员多少名？", ("党员", ("青溪街道",))),
    ("柳塘村合作社有多少户社员，其中脱贫户多少户？", ("脱贫户", ("柳塘村",))),
])
def test_a_count_asked_after_其中_is_a_part_of_its_own(question, second):
    parts = analyze(question).parts
    assert len(parts) == 2
    assert (parts[1].focus[0], parts[1].places) == second and parts[1].answer_type == "number"


@pytest.mark.parametrize("question", [
    "柳塘村合作社有多少户社员，其中脱贫户占多少？",  # a share: one part
    "青溪社区志愿者有多少名，其中党员多少名占比多少？",
])
def test_a_share_asked_after_其中_stays_in_its_part(question):
    assert len(analyze(question).parts) == 1


@pytest.mark.parametrize(
    ("question", "places"),
    [
        ("青溪街道和白沙街道各有多少名网格员？", [("青溪街道",), ("白沙街道",)]),
        ("柳塘村和杏林村各建了几个大棚？", [("柳塘村",), ("杏林村",)]),
    ],
)
def test_a_pair_with_each_splits_like_respectively(question, places):
    assert [p.places for p in analyze(question).parts] == places


def test_a_comma_clause_without_a_question_word_stays_with_its_part():
    assert split_parts("柳岸村建了多少座冷库，用于储存茶叶？") == ["柳岸村建了多少座冷库，用于储存茶叶？"]
    assert split_parts("新湾社区有多少名网格员；他们负责哪些楼栋？") == ["新湾社区有多少名网格员？", "他们负责哪些楼栋？"]


@pytest.mark.parametrize(
    ("question", "head"),
    [("桃源街道有多少名网格员，新湾社区又有多少名？", "网格员"), ("柳岸村有多少名党员；白沙村有多少名？", "党员")],
)
def test_an_elliptical_second_part_about_another_place_asks_for_the_same_thing(question, head):
    second = analyze(question).parts[1]
    assert second.focus[:1] == (head,)


@pytest.mark.parametrize(
    ("question", "head"),
    [("桂溪镇有多少名网格员，石门坳村又有多少名志愿者？", "志愿者"), ("柳岸村有多少名党员；石门坳村书记是谁？", "书记")],
)
def test_a_second_part_with_its_own_object_keeps_it(question, head):
    second = analyze(question).parts[1]
    assert second.focus[0] == head


@pytest.mark.parametrize(("question", "head"), [
    # where: the thing before the question word, whole (哪里 is not cut into 在哪 + 里)
    ("凤鸣社区党员大会是在哪里开的？", "党员大会"),
    ("柳岸村的议事会在哪儿召开？", "议事会"),
    # when: the event after the question word stays the head
    ("凤鸣社区党员大会是什么时候召开的？", "召开"),
])
def test_a_place_question_asks_where_the_thing_before_it_is(question, head):
    assert only_part(question).focus[0] == head


@pytest.mark.parametrize(("question", "head"), [
    # a counting word after the cue (哪几方/哪几类) then only a verb: the thing was named before
    ("新湾社区“三方议事”联席会议是由哪几方参加的？", "三方议事"),
    ("柳岸村的帮扶队是由哪几方组成的？", "帮扶队"),
    # a noun after the cue stays the head
    ("柳岸村开展了哪几类培训？", "培训"),
])
def test_a_list_of_parties_asks_about_the_thing_before_the_cue(question, head):
    assert only_part(question).focus[0] == head


@pytest.mark.parametrize(("question", "parts"), [
    # two years, then what is asked of each
    ("柳岸村2021年和2022年的村集体经济收入分别是多少？",
     ["柳岸村2021年的村集体经济收入是多少?", "柳岸村2022年的村集体经济收入是多少?"]),
    # two roles of one article: the shared words before them stay shared
    ("桂花社区那篇推文的编辑和审核分别是谁？", ["桂花社区那篇推文的编辑是谁?", "桂花社区那篇推文的审核是谁?"]),
    ("桃源街道和新湾社区的网格员分别有多少名？", ["桃源街道的网格员有多少名?", "新湾社区的网格员有多少名?"]),
    # jieba cuts 柳/塘村: A is still the whole place, and the county before it is shared
    ("白沙县柳塘村和杏林村分别有多少名党员？", ["白沙县柳塘村有多少名党员?", "白沙县杏林村有多少名党员?"]),
])
def test_a_respectively_question_splits_at_its_parallel_items(question, parts):
    assert split_parts(question) == parts


@pytest.mark.parametrize(("question", "facts"), [
    # two facts of the page joined by 和, without 分别: each is asked on its own
    ("青溪街道这条信息的发布日期和发布机构是什么？", ["date", "outlet"]),
    ("柳塘村那篇报道的作者和来源是什么？", ["author", "outlet"]),
    ("这篇稿子的标题和刊发日期是什么？", ["title", "date"]),
])
def test_two_facts_of_the_page_are_two_parts(question, facts):
    assert [p.article_fact for p in analyze(question).parts] == facts


@pytest.mark.parametrize("question", ["社区的党员和群众有多少人？", "青溪街道的网格员和楼长是怎么分工的？"])
def test_two_things_that_are_no_page_facts_stay_one_question(question):
    assert len(analyze(question).parts) == 1


@pytest.mark.parametrize(("question", "kind"), [
    # 谁 as "whoever" asks for no person, and its clause asks nothing of its own
    ("柳塘村现在谁家办红白喜事，一般摆多少桌？", "number"),
    ("青溪社区谁家有困难，党员都会上门帮忙吗？", "yesno"),
    # 谁 asking for a person still does
    ("这是谁家的孩子？", "person"),
    ("柳塘村的党支部书记是谁？", "person"),
])
def test_whoever_is_no_question_for_a_person(question, kind):
    parts = analyze(question).parts
    assert len(parts) == 1 and parts[0].answer_type == kind


@pytest.mark.parametrize("question", [
    "青溪街道推进加装电梯，一是、二是、三是分别依靠了什么？",
    "柳塘村党总支的第一、第二、第三条措施分别是什么？",
    "白石县提出的（一）、（二）两项任务分别是什么？",
])
def test_ordinals_asked_respectively_are_the_items_of_one_list(question):
    # 一是、二是 name the numbered items of one list: one list question, not one part per ordinal
    assert split_parts(question) == [question]
    assert only_part(question).answer_type == "list"


def test_a_place_and_a_numbered_grid_asked_respectively_still_split():
    assert split_parts("柳塘村和第三网格分别有多少名党员？") == ["柳塘村有多少名党员?", "第三网格有多少名党员?"]


@pytest.mark.parametrize(
    ("question", "counted"),
    [
        # what follows 多少/几 and its unit word, modifiers and all
        ("青溪街道有多少个微网格？", "微网格"),
        ("白石县有多少家外资企业？", "外资企业"),
        ("柳岸村有多少名党员志愿者？", "党员志愿者"),
        # named before the verb the question word closes on, quotation marks dropped
        ("桃源街道的“红色代办点”已经建成了几个？", "红色代办点"),
        ("白石县给流动党员办的“电子先锋卡”已经发了多少张？", "电子先锋卡"),
        # a relative clause before the thing: the thing itself
        ("青溪街道聘了多少名专门负责调解的人员？", "人员"),
        # people counted after a verb: the verb's object, not the one doing it
        ("柳塘村的来料加工工坊吸纳村民就业多少人？", "村民"),
        ("白石县的合作社带动农户增收多少户？", "农户"),
        # a verb used as a noun stays in the phrase; things (not people) keep their verbs
        ("白石县有多少名志愿服务队员？", "志愿服务队员"),
        ("青溪街道有多少个易地扶贫搬迁安置社区？", "易地扶贫搬迁安置社区"),
        # a time phrase ends the phrase
        ("区卫生健康局机关党支部今年以来进社区义诊多少场？", "进社区义诊"),
    ],
)
def test_a_number_question_names_the_thing_it_counts(question, counted):
    assert counted_phrase(normalize(question)) == counted
    assert only_part(question).counted == counted


@pytest.mark.parametrize(
    "question",
    [
        "白石县建设党群服务中心投资了多少？",  # an amount, no unit word: nothing is counted
        "柳塘村一年拿出多少钱给老党员？",
        "桃源街道和驻区单位结成的有多少对？",  # the thing is only a relative clause
        "那枫林镇今年1到8月新建了几个？",  # a time before the verb, no thing named
    ],
)
def test_a_number_question_that_names_no_counted_thing(question):
    assert counted_phrase(normalize(question)) == ""


def test_only_number_questions_have_a_counted_thing():
    assert only_part("青溪街道的微网格是谁划分的？").counted == ""


@pytest.mark.parametrize(
    ("question", "organisation"),
    [
        # the words of the name that say which one, not what kind of business
        ("青溪红管家物业服务有限公司的总经理是谁？", "青溪红管家"),
        ("白石清河药业集团一共有多少名党员？", "白石清河药业"),
        ("柳塘村的金穗种植专业合作社有多少户社员？", "金穗"),
        # a city or district the name opens with is where it is, not which one
        ("宁波青屿汽车部件有限公司一共有多少名党员？", "青屿"),
        ("椒江海帆物业服务有限公司的总经理是谁？", "海帆"),
        # a bureau is named by what it is in charge of
        ("樊城区财政局党支部书记是谁？", "财政"),
        ("涧西区民政局机关有多少名党员？", "民政"),
        # … but 局 of 格局 or 开局 names no body
        ("全县党建形成了什么新格局？", ""),
        ("开局之年全县发展了多少名党员？", ""),
        # a market is a named body too, without what it trades
        ("瓜源汇农产品批发市场去年的交易额是多少？", "瓜源汇"),
        ("青溪街道的东篱农贸市场有多少户商户？", "东篱"),
        # … but a market bureau is the bureau
        ("樊城区市场监管局有多少名党员？", "市场监管"),
    ],
)
def test_a_question_names_an_organisation_by_its_own_words(question, organisation):
    assert asked_organisation(normalize(question)) == organisation
    assert only_part(question).organisation == organisation


@pytest.mark.parametrize(
    "question",
    [
        "青溪街道有多少名网格员？",  # no organisation named
        "这家公司的总经理是谁？",  # a company, but no name of its own
        "青溪街道物业服务公司有几家？",  # only words of the kind
    ],
)
def test_a_question_without_an_organisations_own_name(question):
    assert only_part(question).organisation == ""  # the places named are no part of a name


def test_a_question_about_the_article_names_no_organisation():
    assert only_part("青溪红管家物业服务有限公司这篇报道是哪天发的？").organisation == ""


@pytest.mark.parametrize("question", ["街道党工委对网格员提出了几点要求？", "柳湾村的经验有几点值得推广？"])
def test_how_many_points_is_no_time_of_day(question):
    assert only_part(question).units != "点"


@pytest.mark.parametrize(("question", "head"), [
    # a score bound after the question word is part of it: what follows is asked
    ("白石县农村党员年度积分达到多少分以上可以评为“五星党员”？", "可以评为“五星党员”"),
    ("清河村积分达到多少分以上能当“红旗户”？", "能当“红旗户”"),
    # a score asked without a bound: what is scored stands before the question word
    ("参加一次志愿服务记多少分？", "参加一次志愿服务记"),
])
def test_a_score_bound_after_the_question_word_is_no_focus(question, head):
    assert only_part(question).focus[0] == head


@pytest.mark.parametrize(("question", "second"), [
    # a later part that describes its own subject asks about those, not the first part's place
    ("槐岭社区在暗访中几次没开门？被通报的社区要在哪天前完成整改？", "被通报的社区要在哪天前完成整改？"),
    ("白石县评出了多少个“五星村”？没有达标的村要怎么整改？", "没有达标的村要怎么整改？"),
    # a later part with no subject of its own is asked at the first part's place
    ("石门坳村建了多少亩大棚？油茶基地又有多少亩？", "石门坳村油茶基地又有多少亩？"),
])
def test_a_later_part_describing_its_own_subject_keeps_it(question, second):
    assert analyze(question).parts[1].text == second


@pytest.mark.parametrize(("question", "units", "head"), [
    # visits to firms are counted in 家次, not in 家
    ("白石县的助企服务队走访了多少家次企业？", "家次", "企业"),
    ("青溪街道党员上门走访了多少家次商户？", "家次", "商户"),
])
def test_visits_counted_per_firm_ask_for_jiaci(question, units, head):
    part = only_part(question)
    assert part.units == units and part.focus[0] == head


@pytest.mark.parametrize(("question", "bare"), [
    # 户人家 is how many households: the same question as 多少户, 人家 names nothing to find
    ("白沙村有多少户人家？", "白沙村有多少户？"),
    ("柳塘村一共有多少户人家？", "柳塘村一共有多少户？"),
])
def test_households_asked_as_hu_renjia_are_households(question, bare):
    part, plain = only_part(question), only_part(bare)
    assert part.units == plain.units and part.focus == plain.focus
    assert "人家" not in part.focus


@pytest.mark.parametrize(("question", "head"), [
    # 包括哪些 is one question word; a category noun after it (情形, 内容) gives way to the programme quoted
    ("青溪街道党员中心户的“五必访”包括哪些情形？", "五必访"),
    ("白石县驿站的“七有”包括哪些内容？", "七有"),
    # … but a noun naming the items themselves stays the head
    ("白石县的党员培训包括哪些课程？", "课程"),
    ("柳塘村的“三个一”工作法包括哪些措施？", "措施"),
])
def test_a_list_of_a_quoted_programme_asked_by_a_category_noun_has_the_programme_as_head(question, head):
    assert only_part(question).focus[0] == head


@pytest.mark.parametrize(("question", "fact"), [
    # 作者 inside 工作者 (党务工作者, 社区工作者) asks for people of the story, not the page's author
    ("柏岘镇拟表彰的优秀党务工作者有哪几位？", ""),
    ("青溪街道有多少名社区工作者？", ""),
    ("这篇报道的作者是谁？", "author"),
    ("关于社区工作者的这篇文章作者是谁？", "author"),
])
def test_a_worker_is_no_author(question, fact):
    assert analyze(question).parts[0].article_fact == fact
