"""Typed answer spans inside one sentence (retrieval/answer/spans.py): numbers with their
units, frequencies, people next to a role, dates, organisations and enumerated items.

Every sentence here is invented; each rule is checked on two unrelated stories (a street's
grid service in 青溪街道, villages and party members of 白石县), with a positive and a
negative case.
"""

from __future__ import annotations

import pytest

from retrieval.answer import spans as sp


def _numbers(text):
    return [(s.text, s.unit) for s in sp.number_spans(text)]


def _people(text, roles=None):
    return [(s.text, s.role) for s in sp.person_spans(text, roles)]


# ---------------------------------------------------------------- number_spans


@pytest.mark.parametrize(("sentence", "expected"), [
    ("青溪街道共有网格员126名，配备驿站8个。", [("126名", "名"), ("8个", "个")]),
    ("白石县今年发展党员200余名。", [("200余名", "名")]),
    ("全县共有300多个行政村。", [("300多个", "个")]),
    ("柳塘村新建蔬菜大棚十二座。", [("十二座", "座")]),
    ("青溪街道招募志愿者1,200名。", [("1,200名", "名")]),
])
def test_number_spans_keep_the_counting_unit_and_modifiers(sentence, expected):
    assert _numbers(sentence) == expected


@pytest.mark.parametrize(("sentence", "expected"), [
    ("今年以来，驿站累计服务群众1.2万人次。", [("1.2万人次", "万人次")]),
    ("白石县农村党员冬训参训党员干部400余人次。", [("400余人次", "人次")]),
])
def test_number_spans_read_person_times_as_one_unit(sentence, expected):
    assert _numbers(sentence) == expected


@pytest.mark.parametrize(("sentence", "expected"), [
    ("柳塘村集体经济项目共投入资金3.5亿元。", [("3.5亿元", "亿元")]),
    ("青溪街道网格覆盖居民2.3万户。", [("2.3万户", "万户")]),
    ("白石县全县参与志愿服务的群众达2万人。", [("2万人", "万人")]),
])
def test_number_spans_join_wan_and_yi_to_the_unit(sentence, expected):
    assert _numbers(sentence) == expected


@pytest.mark.parametrize(("sentence", "expected"), [
    ("青溪街道群众满意率达到98.5%。", [("98.5%", "%")]),
    ("白石县村级党组织书记中大专以上学历占比超过60%。", [("60%", "%")]),
])
def test_number_spans_read_percentages(sentence, expected):
    assert _numbers(sentence) == expected


@pytest.mark.parametrize(("sentence", "expected"), [
    ("青溪街道党群服务中心使用面积达1200平方米。", [("1200平方米", "平方米")]),
    ("柳塘村新建的党员活动室约300平方米。", [("300平方米", "平方米")]),
])
def test_number_spans_read_square_metres_as_one_unit(sentence, expected):
    assert _numbers(sentence) == expected


@pytest.mark.parametrize(("sentence", "expected"), [
    # thousands are grouped by threes; a comma between two figures of a table row parts them
    # (and each figure takes the unit its label writes)
    ("全年节约成本1,260万元。", [("1,260万元", "万元")]),
    ("杏霖镇：参股村（个）24，2021年营收（万元）9860。", [("24", "个"), ("9860", "万元")]),
    ("白石县：驿站（个）12,2023年新增党员（名）36。", [("12", "个"), ("36", "名")]),
])
def test_number_spans_part_figures_joined_by_a_comma(sentence, expected):
    assert _numbers(sentence) == expected


@pytest.mark.parametrize(("sentence", "expected"), [
    ("青溪社区更换弄堂照明灯140盏。", [("140盏", "盏")]),
    ("柳塘村新打机井6口，灌溉800亩。", [("6口", "口"), ("800亩", "亩")]),
])
def test_number_spans_read_measure_words_of_things(sentence, expected):
    assert _numbers(sentence) == expected


@pytest.mark.parametrize("sentence", [
    "2023年3月5日，青溪街道召开网格工作推进会。",
    "白石县于2021年启动村级党组织换届。",
])
def test_number_spans_skip_years_months_and_days_of_a_date(sentence):
    assert _numbers(sentence) == []


@pytest.mark.parametrize(("sentence", "expected"), [
    ("2022年，白石县新发展党员315名。", [("315名", "名")]),
    ("3月5日，青溪街道新增网格员18名。", [("18名", "名")]),
])
def test_number_spans_keep_the_figure_next_to_a_date(sentence, expected):
    assert _numbers(sentence) == expected


@pytest.mark.parametrize(("sentence", "expected"), [
    ("南州市全市共有党员5万余名。", [("5万余名", "名")]),
    ("白石县参与志愿服务的群众达2万余人。", [("2万余人", "人")]),
])
def test_number_spans_wan_with_yu_keeps_the_counting_unit(sentence, expected):
    assert _numbers(sentence) == expected


@pytest.mark.parametrize(("sentence", "expected"), [
    ("青溪街道驿站全年接待群众3万余，满意率很高。", [("3万余", "万")]),  # no counting unit: 万 stays the unit
    ("白石县特色产业带动增收1.5亿多。", [("1.5亿多", "亿")]),
])
def test_number_spans_wan_with_yu_without_a_counting_unit(sentence, expected):
    assert _numbers(sentence) == expected


# ---------------------------------------------------------------- frequency_spans


@pytest.mark.parametrize(("sentence", "units", "expected"), [
    ("青溪街道网格党小组每季度召开一次议事会。", "天|月|年|季度", ["每季度"]),
    ("柳塘村党员每两周走访一次独居老人。", "天|日|周", ["每两周"]),
    ("白石县对村党组织书记每半年考核一次。", "月|年", ["每半年"]),
])
def test_frequency_spans_for_questions_about_time(sentence, units, expected):
    assert [s.text for s in sp.frequency_spans(sentence, units)] == expected


@pytest.mark.parametrize(("sentence", "units"), [
    ("青溪街道网格党小组每季度召开一次议事会。", "名|人|位"),
    ("柳塘村党员每两周走访一次独居老人。", None),
])
def test_frequency_spans_need_a_unit_of_time(sentence, units):
    assert sp.frequency_spans(sentence, units) == []


# ---------------------------------------------------------------- person_spans


@pytest.mark.parametrize(("sentence", "expected"), [
    ("柳塘村党支部书记王建军介绍，今年村里新建了大棚。", [("王建军", "书记")]),
    ("“网格就是我的家。”网格员周红梅说。", []),  # 网格员 is no role word here; no name is tied to one
    ("桂花社区党委书记、居委会主任陈丽娟表示，驿站将延长开放时间。", [("陈丽娟", "书记"), ("陈丽娟", "主任")]),  # both roles are hers
    ("白石县委书记是欧阳明远。", [("欧阳明远", "书记")]),
])
def test_person_spans_name_right_after_a_role(sentence, expected):
    assert _people(sentence) == expected


@pytest.mark.parametrize(("sentence", "expected"), [
    ("王建军（柳塘村党支部书记）带头认领了责任田。", [("王建军", "书记")]),
    ("陈丽娟（桂花社区居委会主任）介绍了驿站的服务项目。", [("陈丽娟", "主任")]),
])
def test_person_spans_name_before_a_role_in_brackets(sentence, expected):
    assert _people(sentence) == expected


@pytest.mark.parametrize(("sentence", "expected"), [
    # 若 is a common given-name character (若彤, 若溪); only a function character ends a name
    ("柳塘村党支部书记韩若彤介绍，村里新建了大棚。", [("韩若彤", "书记")]),
    ("桂花社区党委书记曾若溪说，驿站将延长开放时间。", [("曾若溪", "书记")]),
    ("柳塘村党支部书记若不在村里，由副书记主持工作。", []),
])
def test_person_spans_given_names_with_ruo(sentence, expected):
    assert _people(sentence) == expected


@pytest.mark.parametrize(("sentence", "expected"), [
    ("记者 林晓东 通讯员 孙佳怡", [("林晓东", "记者"), ("孙佳怡", "通讯员")]),
    ("本报记者欧阳明远报道", [("欧阳明远", "记者")]),
])
def test_person_spans_read_bylines(sentence, expected):
    assert _people(sentence) == expected


@pytest.mark.parametrize("sentence", [
    "柳塘村党支部书记表示，明年将扩大种植面积。",  # the role without a name
    "青溪街道的网格员要向社区书记汇报。",
    "柳塘村党支部书记的担子不轻。",
])
def test_person_spans_find_no_name_after_a_bare_role(sentence):
    assert sp.person_spans(sentence) == []


@pytest.mark.parametrize(("sentence", "expected"), [
    ("社区书记孟凡星笑着说。", [("孟凡星", "书记")]),  # 孟 is in surnames.txt
    ("社区书记老陈笑着说。", []),  # 老 is not: a nickname, no name
    ("柳塘村党支部书记诸葛亮平带队。", [("诸葛亮平", "书记")]),  # a double surname
    ("通讯员小雨 记者 江一帆", [("江一帆", "记者")]),  # 小 is not a surname
])
def test_person_spans_start_with_a_surname_of_surnames_txt(sentence, expected):
    assert _people(sentence) == expected


@pytest.mark.parametrize(("sentence", "expected"), [
    # 党总支书记 holds 支书 inside it: the role is 书记, and the name follows it
    ("村党总支书记段绍华一边核对过磅单一边说。", [("段绍华", "书记")]),
    ("社区党总支书记韦丽萍介绍，今年新建了两个驿站。", [("韦丽萍", "书记")]),
    # 支书 on its own is still a role
    ("村支书王建国带头流转了土地。", [("王建国", "支书")]),
])
def test_person_spans_read_the_secretary_of_a_general_branch(sentence, expected):
    assert _people(sentence) == expected


@pytest.mark.parametrize(("sentence", "expected"), [
    # a surname surnames.txt does not hold, between a role and a word of speaking
    ("驻村第一书记杞明远介绍，合作社注册了商标。", [("杞明远", "第一书记")]),
    ("社区党委书记字文斌说，网格共有12个。", [("字文斌", "书记")]),
    # … but a word between them is no name
    ("村党支部书记现场介绍，今年扩种。", []),
    ("村委会主任亲自介绍经验。", []),
    ("社区书记老陈笑着说。", []),
])
def test_person_spans_read_a_rare_surname_before_a_word_of_speaking(sentence, expected):
    assert _people(sentence) == expected


@pytest.mark.parametrize(("sentence", "roles", "expected"), [
    ("镇长刘志刚和村党支部书记王建军一同察看大棚。", "书记", [("王建军", "书记")]),
    ("青溪街道办事处主任黄晓光、社区党委书记陈丽娟参加活动。", "主任", [("黄晓光", "主任")]),
])
def test_person_spans_limited_to_the_asked_role(sentence, roles, expected):
    assert _people(sentence, roles) == expected


@pytest.mark.parametrize(("sentence", "expected"), [
    ("桂花社区党委书记刘芳走访了80户居民。", [("刘芳", "书记")]),
    ("柳塘村第一书记赵磊驻村三年。", [("赵磊", "第一书记")]),
])
def test_person_spans_two_character_name_before_a_verb(sentence, expected):
    assert _people(sentence) == expected


@pytest.mark.parametrize(("sentence", "expected"), [
    ("青溪街道网格长陈晓东走访了独居老人。", [("陈晓东", "网格长")]),  # jieba reads a three-character name
    ("白石县委书记欧阳明远深入田间察看苗情。", [("欧阳明远", "书记")]),
])
def test_person_spans_three_character_name_before_a_verb_is_kept(sentence, expected):
    assert _people(sentence) == expected


# ---------------------------------------------------------------- date_spans


@pytest.mark.parametrize(("sentence", "expected"), [
    ("2023年8月2日上午，青溪街道网格驿站揭牌。", ["2023年8月2日"]),
    ("柳塘村党支部成立于1952年。", ["1952年"]),
    ("白石县2022年10月下旬完成村级换届。", ["2022年10月下旬"]),
    ("会议于2021/9/3在桂花社区召开。", ["2021/9/3"]),
    ("去年底，柳塘村集体收入突破50万元。", ["去年底"]),
    ("今年上半年，青溪街道开展活动36场。", ["今年上半年"]),
])
def test_date_spans(sentence, expected):
    assert [s.text for s in sp.date_spans(sentence)] == expected


@pytest.mark.parametrize("sentence", [
    "青溪街道网格员每天巡查辖区。",
    "柳塘村党员带头种植蔬菜大棚60座。",
])
def test_date_spans_none_without_a_date(sentence):
    assert sp.date_spans(sentence) == []


# ---------------------------------------------------------------- org_spans


@pytest.mark.parametrize(("sentence", "expected"), [
    ("活动由白石县委组织部牵头。", ["白石县委组织部"]),
    ("凤凰产业园党群服务中心联合园区企业开展招聘。", ["凤凰产业园党群服务中心"]),
    ("白石县人民医院党委组织专家义诊。", ["白石县人民医院党委"]),
    ("青溪街道党工委与云港区住建局签订共建协议。", ["青溪街道党工委", "云港区住建局"]),
])
def test_org_spans_keep_the_longest_name(sentence, expected):
    assert [s.text for s in sp.org_spans(sentence)] == expected


@pytest.mark.parametrize("sentence", [
    "青溪街道志愿者每天巡查辖区。",
    "柳塘村党员带头种植蔬菜大棚。",
])
def test_org_spans_none_without_an_organisation(sentence):
    assert sp.org_spans(sentence) == []


@pytest.mark.parametrize(("sentence", "expected"), [
    ("柳塘村股份经济合作社共有社员320户。", ["柳塘村股份经济合作社"]),
    ("青溪街道为民服务中心全年无休。", ["青溪街道为民服务中心"]),
])
def test_org_spans_names_holding_function_words(sentence, expected):
    assert [s.text for s in sp.org_spans(sentence)] == expected


@pytest.mark.parametrize("sentence", [
    "青溪街道网格员每天巡查辖区。",
    "柳塘村社员大会通过了土地流转方案。",
    "白石县部分村集体收入仍然偏低。",
])
def test_org_spans_no_organisation_inside_common_words(sentence):
    assert sp.org_spans(sentence) == []


# ---------------------------------------------------------------- enumerations


@pytest.mark.parametrize(("sentence", "count"), [
    ("一是建立台账，二是定期走访，三是跟踪问效。", 3),
    ("中心设置了党员活动室、图书阅览室、便民服务大厅等功能区。", 3),
    ("柳塘村推行“积分制”“清单制”“承诺制”。", 3),
    ("柳塘村发展蔬菜、水果两大产业。", 2),
    ("柳塘村推行“积分制”管理。", 0),
    ("青溪街道共有网格员126名。", 0),
])
def test_enumeration_count(sentence, count):
    assert sp.enumeration_count(sentence) == count


@pytest.mark.parametrize(("sentence", "runs"), [
    ("中心设置了党员活动室、图书阅览室、便民服务大厅等功能区，面积1200平方米。", [(0, 27, 3)]),
    ("柳塘村发展蔬菜、水果、养殖三大产业。", [(0, 17, 3)]),
    ("柳塘村党员带头种植蔬菜大棚。", []),
])
def test_enumeration_runs(sentence, runs):
    assert sp.enumeration_runs(sentence) == runs


@pytest.mark.parametrize(("sentence", "starts"), [
    ("一是建好一张网格图。", True),
    ("（二）壮大村集体经济", True),
    ("第三，强化日常监督。", True),
    ("其一，建立党员台账。", True),
    ("①建立问题清单", True),
    ("这是一项暖心工程。", False),
    ("白石县是一个农业大县。", False),
])
def test_starts_enumeration(sentence, starts):
    assert sp.starts_enumeration(sentence) is starts


@pytest.mark.parametrize(("sentence", "opens"), [
    ("街道探索出“一网三联”工作法：一是绘好网格图", True),
    ("柳塘村主要做法如下：", True),
    ("会议强调：要抓好落实。", False),
    ("白石县共有党员4200名。", False),
])
def test_opens_enumeration(sentence, opens):
    assert sp.opens_enumeration(sentence) is opens


@pytest.mark.parametrize(("sentence", "introduces"), [
    ("街道将经验总结为“三个一”。", True),
    ("柳塘村党总支主要采取了四项举措。", True),
    ("白石县重点抓了三件事。", True),
    ("青溪街道主要做法如下：", True),
    ("青溪街道共有网格员126名。", False),
    ("柳塘村修了两座桥。", False),
])
def test_introduces_items(sentence, introduces):
    assert sp.introduces_items(sentence) is introduces


@pytest.mark.parametrize(("sentence", "expected"), [
    # a role word followed by a word, a preposition or a conjunction: no name, although
    # 全, 由 and 和 are surnames
    ("柳塘村把外出务工的党员全部纳入微信群管理。", []),
    ("楼宇联合党委书记由大厦所在街道选派。", []),
    ("桂花社区请居民代表和党员代表一起打分。", []),
    # a real name with no known word after it stays a name
    ("柳塘村党支部书记冯国栋驻村三年。", [("冯国栋", "书记")]),
    ("桂花社区党委书记林晓燕回忆起当年的情形。", [("林晓燕", "书记")]),
])
def test_person_spans_no_name_where_a_word_begins(sentence, expected):
    assert _people(sentence) == expected


@pytest.mark.parametrize(("sentence", "name", "role"), [
    ("“先锋岗要拿成果说话。”集团党委书记、董事长谭立新说。", "谭立新", "书记"),
    ("石门村党支部书记、村委会主任王大川介绍，合作社今年分红12万元。", "王大川", "书记"),
])
def test_roles_joined_before_a_name_are_all_that_persons(sentence, name, role):
    assert any(s.text == name and s.role == role for s in sp.person_spans(sentence)), sp.person_spans(sentence)


def test_a_role_before_another_persons_name_is_not_carried_over():
    spans = sp.person_spans("会上，党委书记张一鸣、董事长李明远分别讲话。")
    assert not any(s.text == "李明远" and s.role == "书记" for s in spans), spans
    assert any(s.text == "张一鸣" and s.role == "书记" for s in spans)


@pytest.mark.parametrize(("sentence", "name", "body"), [
    ("由街道党工委副书记唐海峰兼任联合党委书记。", "唐海峰", "联合党委"),
    ("柳湾村支部书记周文杰说，村里今年新建了冷库。", "周文杰", "党支部"),  # 支部 is 党支部
])
def test_a_role_knows_the_body_it_is_held_in(sentence, name, body):
    assert any(s.text == name and s.body == body for s in sp.person_spans(sentence)), sp.person_spans(sentence)


@pytest.mark.parametrize(("sentence", "name", "body"), [
    # 兼任/出任 after a two-character name is no part of it
    ("由镇党委副书记张立兼任联村党委书记。", "张立", "联村党委"),
    ("街道办事处主任刘洋出任园区党委书记。", "刘洋", "园区党委"),
    # a three-character name is kept whole
    ("由镇党委副书记张立新兼任联村党委书记。", "张立新", "联村党委"),
])
def test_a_name_ends_before_the_post_it_takes_on(sentence, name, body):
    assert any(s.text == name and s.body == body for s in sp.person_spans(sentence)), sp.person_spans(sentence)


@pytest.mark.parametrize(("sentence", "name"), [
    ("“楼道亮了，心也亮了。”社区党委书记王强说，下一步还要装电梯。", "王强"),  # 说 ends no name
    ("村党支部书记刘红讲，合作社今年要扩大规模。", "刘红"),
    ("村党支部书记张国梁说，合作社今年要扩大规模。", "张国梁"),  # a three-character name stays whole
])
def test_a_two_character_name_before_said_is_not_read_with_it(sentence, name):
    assert [s.text for s in sp.person_spans(sentence)][:1] == [name]


@pytest.mark.parametrize("sentence", ["老业主起初一口回绝。", "村里的一把手带头签约。", "群众不再两头跑。",
                                      "十几位商户围坐在一起商量摊位。", "党员和村民一起清理河道垃圾。"])
def test_a_chinese_numeral_with_a_measure_word_of_things_is_a_word_not_a_count(sentence):
    assert _numbers(sentence) == []


def test_cases_counted_with_qi_after_digits_are_counts():
    assert _numbers("全年调处矛盾纠纷186起。") == [("186起", "起")]
    assert _numbers("今年以来共受理信访案件23起，办结21起。") == [("23起", "起"), ("21起", "起")]


@pytest.mark.parametrize(("sentence", "figure"), [("去年共调解邻里纠纷一起。", "一起"), ("当月受理一起信访件。", "一起")])
def test_one_case_written_in_chinese_next_to_what_is_counted_is_a_count(sentence, figure):
    assert (figure, "起") in _numbers(sentence)


@pytest.mark.parametrize(("text", "clocks"), [
    ("党群服务站每天早上8点至晚上8点开放，节假日不休。", ["早上8点至晚上8点"]),
    ("工作日晚上延时到20:30，周六上午9时开门。", ["20:30", "上午9时"]),
    ("食堂午餐11点半开始供应。", ["11点半"]),
    # no time of day: a year, a count of points, a date
    ("2023年10月，街道提出了三点要求。", []),
    ("全年开展活动24场，覆盖居民1.2万人。", []),
])
def test_clock_spans_are_times_of_day(text, clocks):
    assert [s.text for s in sp.clock_spans(text)] == clocks
    assert all(s.unit == "点" for s in sp.clock_spans(text))


@pytest.mark.parametrize(("sentence", "expected"), [
    # 任 and 兼 after a role take on a post: 任主任 is no name
    ("樟岭小区成立了由社区党委书记任主任的物业管理委员会。", []),
    ("村党支部书记兼主任负责合作社日常经营。", []),
    ("社区党委书记任志强介绍，小区改造已完工。", [("任志强", "书记")]),
    ("村党支部书记兼主任田丰收说，合作社去年分红36万元。", [("田丰收", "书记")]),
])
def test_a_role_word_after_a_surname_like_verb_is_no_name(sentence, expected):
    assert _people(sentence) == expected
