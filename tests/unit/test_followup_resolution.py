"""Unit tests of follow-up resolution (retrieval/followup.py): an elliptical question is rewritten
with the previous question's subject; anything else is left alone.

Every question is invented (made-up villages, streets and programmes). No model, no index.
"""

import pytest

from retrieval.followup import is_followup, resolve, subject_of

GRID = "桃源街道共有多少名网格员？"
SECRETARY = "柳岸村党支部书记是谁？"
STATIONS = "桂溪镇建成了多少个党群服务驿站？"
MEMBERS = "白沙村有多少名党员？"
HELPDESK = "青石县推行的“邻里帮办”制度是怎么运行的？"
SUPERMARKET = "凤鸣社区积分超市是怎么运营的？"


def after(previous: str) -> list[dict]:
    """A history of one answered turn."""
    return [{"question": previous, "answer": "据报道……[1]"}]


# ------------------------------------------------------------------------------ 那…呢: another place
@pytest.mark.parametrize(
    ("previous", "question", "expected"),
    [
        (GRID, "那新湾社区呢？", "新湾社区共有多少名网格员？"),
        (GRID, "那么凤鸣社区呢？", "凤鸣社区共有多少名网格员？"),
        (SECRETARY, "那白沙村呢？", "白沙村党支部书记是谁？"),
        (SECRETARY, "白沙村的呢？", "白沙村党支部书记是谁？"),
        (STATIONS, "那石桥镇呢？", "石桥镇建成了多少个党群服务驿站？"),
    ],
)
def test_asking_about_another_place_repeats_the_previous_question_for_it(previous, question, expected):
    assert resolve(question, after(previous)) == expected


@pytest.mark.parametrize(
    ("previous", "question", "expected"),
    [(GRID, "那新湾社区呢？", "新湾社区共有多少名网格员？"), (MEMBERS, "那柳岸村呢？", "柳岸村有多少名党员？")],
)
def test_the_most_recent_question_is_the_one_a_follow_up_leans_on(previous, question, expected):
    history = [{"question": "石桥镇有多少个红色驿站？", "answer": "12个[1]"}] + after(previous)
    assert resolve(question, history) == expected


def test_a_resolved_question_in_the_history_is_preferred_to_the_one_typed():
    history = [{"question": "那白沙村呢？", "answer": "……", "resolved_question": "白沙村党支部书记是谁？"}]
    assert resolve("那枫林村呢？", history) == "枫林村党支部书记是谁？"


# ------------------------------------------------------------------------- a new attribute or a part
@pytest.mark.parametrize(
    ("previous", "question", "expected"),
    [
        (STATIONS, "覆盖率呢？", "桂溪镇党群服务驿站覆盖率是多少？"),
        (GRID, "覆盖率是多少？", "桃源街道网格员覆盖率是多少？"),
    ],
)
def test_an_attribute_alone_asks_it_of_the_previous_subject(previous, question, expected):
    assert resolve(question, after(previous)) == expected


@pytest.mark.parametrize(
    ("previous", "question", "expected"),
    [
        (GRID, "还有多少名是兼职的？", "桃源街道网格员多少名是兼职的？"),
        (MEMBERS, "还有多少名在外务工？", "白沙村党员多少名在外务工？"),
    ],
)
def test_a_how_many_more_question_keeps_the_previous_place_and_subject(previous, question, expected):
    assert resolve(question, after(previous)) == expected


@pytest.mark.parametrize(
    ("previous", "question", "subject"),
    [(STATIONS, "还有多少个正在建设？", "党群服务驿站"), ("新湾社区有多少名志愿者？", "还有多少名正在培训？", "志愿者")],
)
def test_a_how_many_more_question_with_a_verb_keeps_the_subject(previous, question, subject):
    resolved = resolve(question, after(previous))
    assert subject in resolved
    assert resolved.startswith(previous[:3])  # the previous place (桂溪镇, 新湾社…)


def test_a_how_many_more_question_with_its_own_object_does_not_take_the_previous_subject():
    resolved = resolve("还有多少个村建了驿站？", after("石门坳镇建成了多少个党群服务驿站？"))
    assert "村建了驿站" in resolved and "党群服务驿站" not in resolved


@pytest.mark.parametrize(
    ("previous", "question", "expected"),
    [(GRID, "其中女性有多少名？", "桃源街道女性有多少名？"), (MEMBERS, "其中女党员有多少名？", "白沙村女党员有多少名？")],
)
def test_a_part_of_what_was_counted_is_asked_at_the_same_place(previous, question, expected):
    assert resolve(question, after(previous)) == expected


@pytest.mark.parametrize(
    ("previous", "question", "expected"),
    [
        # the previous question named a thing (a housing estate) before its question word
        ("青溪街道桂花小区一共有多少户住户？", "那其中有多少名党员？", "青溪街道桂花小区有多少名党员？"),
        ("白石县清河镇一共有多少名网格员？", "其中党员有多少？", "白石县清河镇党员有多少？"),
        # … but not a verb: the place alone
        ("天桥区建立了多少个网格？", "其中党员有多少？", "天桥区党员有多少？"),
    ],
)
def test_a_part_of_what_was_counted_keeps_the_thing_named_before_the_question_word(previous, question, expected):
    assert resolve(question, after(previous)) == expected


@pytest.mark.parametrize(
    ("previous", "question", "expected"),
    [
        # a time phrase alone asks the previous question at that time, in place of 现在
        ("青溪街道的“红帆”服务队现在有多少名队员？", "那2021年刚成立的时候呢？",
         "青溪街道的“红帆”服务队2021年刚成立的时候有多少名队员？"),
        # … or after the place when the previous question named no time
        ("柳塘村有多少名党员？", "那2020年那会儿呢？", "柳塘村2020年那会儿有多少名党员？"),
        # a year alone still replaces the year asked
        ("柳塘村2020年有多少名党员？", "2022年呢？", "柳塘村2022年有多少名党员？"),
    ],
)
def test_a_time_phrase_alone_asks_the_previous_question_at_that_time(previous, question, expected):
    assert resolve(question, after(previous)) == expected


@pytest.mark.parametrize(
    ("previous", "question", "expected"),
    [
        # the follow-up's own year replaces the year the previous question named
        ("青溪街道物业企业党员在2021年有多少名？", "那到2023年增加到多少了？", "青溪街道物业企业党员到2023年增加到多少了？"),
        ("柳塘村2020年的集体收入有多少？", "那到2022年增加到多少了？", "柳塘村集体收入到2022年增加到多少了？"),
    ],
)
def test_a_follow_up_with_its_own_year_drops_the_previous_year(previous, question, expected):
    assert resolve(question, after(previous)) == expected


# ---------------------------------------------------------------------------- pronouns, 这项制度 …
@pytest.mark.parametrize(
    ("previous", "question", "expected"),
    [
        ("“邻里帮办”制度是怎么运行的？", "它覆盖了多少个村？", "“邻里帮办”制度覆盖了多少个村？"),
        ("“邻里帮办”制度是怎么运行的？", "它是哪一年推出的？", "“邻里帮办”制度是哪一年推出的？"),
        ("“红色物业”联盟是怎么组建的？", "它们每季度开几次会？", "“红色物业”联盟每季度开几次会？"),
    ],
)
def test_a_pronoun_stands_for_the_previous_subject_when_no_place_is_named(previous, question, expected):
    assert resolve(question, after(previous)) == expected


@pytest.mark.parametrize(
    ("previous", "question", "expected"),
    [
        (STATIONS, "这些驿站有哪些功能？", "桂溪镇驿站有哪些功能？"),
        (STATIONS, "这些驿站是哪一年开始建的？", "桂溪镇驿站是哪一年开始建的？"),
    ],
)
def test_a_demonstrative_with_its_noun_keeps_the_previous_place(previous, question, expected):
    assert resolve(question, after(previous)) == expected


@pytest.mark.parametrize(
    ("previous", "question", "subject"),
    [(SUPERMARKET, "它每月开放几次？", "积分超市"), (STATIONS, "它们由谁管理？", "驿站"), (HELPDESK, "它覆盖了多少个村？", "邻里帮办")],
)
def test_a_pronoun_after_a_question_with_a_place_keeps_the_subject(previous, question, subject):
    resolved = resolve(question, after(previous))
    assert subject in resolved
    assert resolved.startswith(previous[:3])


@pytest.mark.parametrize(("previous", "question", "expected"), [
    ("海澄路街道旺季上路巡查的党员志愿服务队有多少人？", "他们每天从几点巡到几点？", "海澄路街道党员志愿服务队每天从几点巡到几点？"),
    ("柳岸村晚上值守的护村巡逻队有几个人？", "他们一般巡到几点？", "柳岸村护村巡逻队一般巡到几点？"),
])
def test_a_pronoun_for_a_group_counted_stands_for_the_group(previous, question, expected):
    # the nouns after the last 的 of what was counted name the group (上路巡查的|党员志愿服务队)
    assert resolve(question, after(previous)) == expected


def test_a_pronoun_for_people_counted_in_a_clause_stands_for_the_place():
    # 他们 after "…多少名党员参加了夜校": the clause is not glued in front of the new question.
    assert resolve("他们一共结对了多少户？", after("石门坳村有多少名党员参加了夜校？")) == "石门坳村一共结对了多少户？"


@pytest.mark.parametrize("question", ["这项制度覆盖了多少个村？", "该制度覆盖了多少个村？"])
def test_this_system_stands_for_the_named_system_of_the_previous_question(question):
    assert "邻里帮办" in resolve(question, after(HELPDESK))


def test_a_demonstrative_ending_in_a_quoted_name_stands_for_the_name():
    previous = "石门坳村的“乡贤议事会”是怎么组建的？"
    assert resolve("该议事会有多少名成员？", after(previous)) == "石门坳村的“乡贤议事会”有多少名成员？"


def test_a_demonstrative_with_another_noun_does_not_take_the_named_programme():
    assert "邻里帮办" not in resolve("这项工作由谁负责？", after(HELPDESK))


@pytest.mark.parametrize(
    ("previous", "question", "expected"),
    [
        (HELPDESK, "这项制度是哪一年推出的？", "青石县推行的“邻里帮办”制度是哪一年推出的？"),
        (SECRETARY, "他是哪一年当选的？", "柳岸村党支部书记是哪一年当选的？"),
    ],
)
def test_a_which_year_follow_up_is_rewritten_as_a_which_year_question(previous, question, expected):
    resolved = resolve(question, after(previous))
    assert "情况如何" not in resolved
    assert resolved == expected


def test_a_which_year_follow_up_without_a_pronoun_asks_about_the_counted_thing():
    assert resolve("哪一年开始种的？", after("石门坳村的茶园有多少亩？")) == "石门坳村茶园哪一年开始种的？"


# --------------------------------------------------------------------------------- left unchanged
@pytest.mark.parametrize(
    ("previous", "question"),
    [
        (GRID, "凤鸣社区有多少名网格员？"),
        (STATIONS, "凤鸣社区党群服务中心在哪里？"),
        (SECRETARY, "石桥镇共建成多少个红色驿站？"),
        (SECRETARY, "青石县枫林镇有多少个驿站？"),
    ],
)
def test_a_self_contained_question_is_not_rewritten(previous, question):
    assert not is_followup(question)
    assert resolve(question, after(previous)) == question


@pytest.mark.parametrize("question", ["那新湾社区呢？", "覆盖率是多少？"])
def test_without_history_nothing_is_rewritten(question):
    assert resolve(question, []) == question
    assert resolve(question, [{"question": "  ", "answer": ""}]) == question


def test_surrounding_spaces_are_trimmed_even_when_nothing_is_rewritten():
    assert resolve("  凤鸣社区有多少名网格员？ ", after(GRID)) == "凤鸣社区有多少名网格员？"


@pytest.mark.parametrize(
    ("previous", "question"),
    [
        (GRID, "你好"),
        (STATIONS, "谢谢"),
        (HELPDESK, "谢谢你！"),
        (STATIONS, "好的"),
        (SECRETARY, "你是谁？"),
        (GRID, "你能做什么？"),
        (SECRETARY, "再见"),
    ],
)
def test_a_greeting_thanks_or_question_about_the_assistant_is_not_rewritten(previous, question):
    assert resolve(question, after(previous)) == question


@pytest.mark.parametrize(
    ("previous", "chat", "question", "expected"),
    [
        (GRID, "好的", "那新湾社区呢？", "新湾社区共有多少名网格员？"),
        (SECRETARY, "谢谢", "那白沙村呢？", "白沙村党支部书记是谁？"),
    ],
)
def test_a_chat_turn_in_between_does_not_become_the_previous_question(previous, chat, question, expected):
    history = after(previous) + [{"question": chat, "answer": "不客气！", "resolved_question": chat}]
    assert resolve(question, history) == expected


def test_a_real_question_in_between_is_the_previous_question():
    history = after(GRID) + [{"question": "石门坳村有多少名党员？", "answer": "……[1]"}]
    assert resolve("那新湾社区呢？", history) == "新湾社区有多少名党员？"


@pytest.mark.parametrize("question", ["你们那里有多少名网格员？", "请问覆盖率是多少？"])
def test_a_follow_up_that_starts_like_chat_is_still_resolved(question):
    assert resolve(question, after(GRID)) != question


# ------------------------------------------------------------------------------------ the subject
@pytest.mark.parametrize(
    ("question", "subject"),
    [(STATIONS, "党群服务驿站"), (GRID, "网格员"), (SECRETARY, "党支部书记"), ("2023年白沙村的集体经济收入是多少？", "集体经济收入")],
)
def test_the_subject_of_a_question_has_no_place_time_or_question_word(question, subject):
    assert subject_of(question) == subject


@pytest.mark.parametrize(("question", "expected"), [("那新湾社区呢？", True), ("它们由谁管理？", True),
                                                    (GRID, False), ("白沙村的集体经济收入是多少？", False)])
def test_only_short_leaning_questions_count_as_follow_ups(question, expected):
    assert is_followup(question) is expected


@pytest.mark.parametrize(("previous", "question", "place"), [
    # long, but it opens with 那 and counts under 全区 without naming a place
    ("云港区的党员积分制管理覆盖了多少名农村党员？", "那全区一共有多少个村（社区）党组织推开了这项制度？", "云港区"),
    # long, but it points back with 这项做法
    ("白石县的“红色代办”服务开展了多久？", "到去年年底为止全县共有多少个行政村推广了这项做法？", "白石县"),
])
def test_a_long_question_that_leans_on_the_previous_one_is_a_follow_up(previous, question, place):
    assert is_followup(question)
    assert resolve(question, [{"question": previous, "answer": ""}]).startswith(place)


@pytest.mark.parametrize("question", [
    "那么桂花社区一共有多少名党员参加了今年组织的技能培训？",  # names its own place
    "全区一共有多少个村（社区）党组织参加了今年的农村党员技能培训？",  # neither 那 nor a pointer back
])
def test_a_long_question_with_its_own_place_or_no_pointer_back_stands_alone(question):
    assert not is_followup(question)
    assert resolve(question, [{"question": "云港区的党员积分制管理覆盖了多少名农村党员？", "answer": ""}]) == question


# ------------------------------------------------------------------------------ 2022年呢: another time
@pytest.mark.parametrize(
    ("previous", "question", "expected"),
    [
        ("石门村2021年的村集体经济收入有多少？", "2022年呢？", "石门村2022年的村集体经济收入有多少？"),
        ("白石县今年发展了多少名党员？", "那去年呢？", "白石县去年发展了多少名党员？"),
        (MEMBERS, "2020年呢？", "白沙村2020年有多少名党员？"),  # no time asked before: after the place
        ("青溪街道2023年一季度办结了多少件诉求？", "上半年呢？", "青溪街道2023年上半年办结了多少件诉求？"),
        ("青溪街道2023年办结了多少件诉求？", "一季度呢？", "青溪街道2023年一季度办结了多少件诉求？"),
    ],
)
def test_another_time_alone_repeats_the_previous_question_for_it(previous, question, expected):
    assert resolve(question, after(previous)) == expected


def test_a_time_with_a_new_object_is_no_time_swap():
    # "2022年新建了几个？" asks something new about that year, not the previous question again
    assert resolve("2022年新建了几个？", after(STATIONS)) != "桂溪镇2022年建成了多少个党群服务驿站？"


@pytest.mark.parametrize(
    ("previous", "answer", "question", "expected"),
    [
        # 他/她 is the person the previous question named: with a role, or opening it
        ("帮办队队长周大勇以前是做什么的？", "他当过8年挑夫。", "他去年攒下的积分有多少？", "周大勇去年攒下的积分有多少？"),
        ("李光荣搬到桂溪社区之前靠什么过日子？", "他在老家种玉米。", "那他现在一个月挣多少？", "李光荣现在一个月挣多少？"),
        # …or, after 是谁, the person the answer named
        ("柳岸村党支部书记是谁？", "陈秀英。", "她是哪一年当上书记的？", "陈秀英是哪一年当上书记的？"),
    ],
)
def test_he_or_she_is_the_person_the_previous_turn_named(previous, answer, question, expected):
    assert resolve(question, [{"question": previous, "answer": answer}]) == expected


def test_he_or_she_without_a_person_named_keeps_the_old_reading():
    history = [{"question": SUPERMARKET, "answer": "据报道……[1]"}]
    assert resolve("它每月开放几次？", history) == "凤鸣社区积分超市每月开放几次？"
    assert "周" not in resolve("他们有多少人？", [{"question": "桃源街道的志愿队是怎么组建的？", "answer": "…"}])


@pytest.mark.parametrize(("question", "history", "resolved"), [
    ("那个社区去年一共开了多少场议事会？",
     [{"question": "槐溪区“红色院落”试点最早放在哪个社区？", "answer": "柳岸街道兰桐里社区。"}], "兰桐里社区去年一共开了多少场议事会？"),
    ("这个村有多少户？", [{"question": "柳湾镇哪个村最早建合作社？", "answer": "柳湾镇石桥村。"}], "石桥村有多少户？"),
])
def test_that_place_is_the_place_of_its_level_the_answer_named(question, history, resolved):
    assert resolve(question, history) == resolved


@pytest.mark.parametrize(("question", "history", "resolved"), [
    ("到2023年呢？", [{"question": "柳岸社区进入诉讼程序的纠纷2021年有多少起？", "answer": "2021年有23起。"}],
     "柳岸社区进入诉讼程序的纠纷2023年有多少起？"),
    ("截至2024年呢？", [{"question": "白沙村2022年的集体经济收入是多少？", "answer": "45万元。"}],
     "白沙村2024年的集体经济收入是多少？"),
])
def test_a_year_reached_by_到_or_截至_replaces_the_asked_year(question, history, resolved):
    assert resolve(question, history) == resolved


# ------------------------------------------------- 那个村, 这个社区, 那里: the previous question's place of that level
@pytest.mark.parametrize(
    ("previous", "question", "expected"),
    [
        # the part names no thing of its own (…的有多少): it is a part of what was counted
        ("入冬以来青溪街道有多少名流动党员登记报到？", "其中新报到的有多少？", "青溪街道流动党员中新报到的有多少？"),
        ("白石县今年计划改造多少个老旧小区？", "其中已经完工的有几个？", "白石县老旧小区中已经完工的有几个？"),
    ],
)
def test_a_part_named_only_by_what_it_did_is_a_part_of_what_was_counted(previous, question, expected):
    assert resolve(question, after(previous)) == expected


@pytest.mark.parametrize(
    ("previous", "question"),
    [
        # the part names its own thing or place: the thing counted before is not added
        ("入冬以来青溪街道有多少名流动党员登记报到？", "其中党员有多少？"),
        ("白石县今年计划改造多少个老旧小区？", "其中清河镇的有几个？"),
        # the previous question counted nothing
        ("白石县石湾村党支部书记是谁？", "其中新来的有几个？"),
    ],
)
def test_a_part_with_a_noun_or_after_no_count_takes_no_counted_thing(previous, question):
    resolved = resolve(question, after(previous))
    assert "中" not in resolved.replace("其中", "")


@pytest.mark.parametrize(
    ("previous", "question", "expected"),
    [
        ("白石县石湾村党支部领办的是什么合作社？", "那个村一共流转了多少亩土地？", "白石县石湾村一共流转了多少亩土地？"),
        ("桂溪镇青枫社区建成了多少个驿站？", "这个社区有多少名党员？", "桂溪镇青枫社区有多少名党员？"),
        ("桂溪镇青枫社区建成了多少个驿站？", "那个镇有几个社区？", "桂溪镇有几个社区？"),
        ("白石县石湾村党支部领办的是什么合作社？", "那里有多少名党员？", "白石县石湾村有多少名党员？"),
        ("白石县石湾村党支部领办的是什么合作社？", "那么那个村有多少户？", "白石县石湾村有多少户？"),
    ],
)
def test_a_demonstrative_before_a_place_word_stands_for_that_place(previous, question, expected):
    # 那 of 那个 / 那里 is the demonstrative itself, not a discourse 那 to drop
    assert resolve(question, after(previous)) == expected


@pytest.mark.parametrize(("question", "history", "opening"), [
    # 那里面 / 这其中: among what was just answered, at the same place
    ("那里面在基础类之外还做了提升类改造的有多少户？",
     [{"question": "青溪街道的适老化改造累计投入了多少资金？", "answer": "累计投入资金156万元，共完成改造412户。"}], "青溪街道"),
    ("这其中在入股合作社之外还领办了家庭农场的有多少户？",
     [{"question": "柳塘村有多少户农户入股了合作社？", "answer": "入股农户312户。"}], "柳塘村"),
])
def test_among_what_was_answered_is_a_followup_at_the_same_place(question, history, opening):
    assert resolve(question, history).startswith(opening)


def test_a_long_question_with_inside_in_its_middle_stands_alone():
    question = "青溪街道党群服务中心里面有多少个功能室可以预约使用？"
    history = [{"question": "柳塘村有多少户农户入股了合作社？", "answer": "入股农户312户。"}]
    assert resolve(question, history) == question


@pytest.mark.parametrize(("previous", "question", "resolved"), [
    # a year and its period in place of the year asked
    ("青溪新就业群体今年有多少人递交了入党申请书？", "那去年全年呢？", "青溪新就业群体去年全年有多少人递交了入党申请书？"),
    ("柳塘村2023年上半年发展了几名党员？", "那2022年全年呢？", "柳塘村2022年全年发展了几名党员？"),
])
def test_a_year_with_its_period_replaces_the_asked_time(previous, question, resolved):
    assert resolve(question, [{"question": previous, "answer": "29人。"}]) == resolved


@pytest.mark.parametrize(("previous", "question", "resolved"), [
    # no place in the conversation: the named thing the previous question opened on is carried
    ("老普调解室去年办了几场普法讲座？", "听讲的有多少人次？", "老普调解室听讲的有多少人次？"),
    ("“红帆”服务队2023年开展了多少次活动？", "参加的有多少人？", "“红帆”服务队参加的有多少人？"),
    # 他们 after a count: the members counted, of the body that has them
    ("白石县卫生健康局机关党支部有多少名党员？", "那他们给老人建了多少份健康档案？",
     "白石县卫生健康局机关党支部党员给老人建了多少份健康档案？"),
])
def test_a_followup_without_a_place_carries_the_thing_named_before(previous, question, resolved):
    assert resolve(question, [{"question": previous, "answer": "14场。"}]) == resolved


def test_a_later_part_of_one_question_carries_no_owner():
    # "…刚组建时有多少名队员？现在发展到多少名？": the second part is answered from the first one's article
    assert resolve("现在发展到多少名？", [{"question": "“石榴籽”服务队刚组建时有多少名队员？", "answer": ""}],
                   carry_owner=False) == "现在发展到多少名？"


# ------------------------------------------------- 那全省/全市…: the whole above the previous place
@pytest.mark.parametrize(
    ("previous", "question", "expected"),
    [
        # a whole above the place asked before: the place of that level it lies in (a real district's
        # province or city from the gazetteer), never the district glued before 全省
        ("婺城区新就业群体有多少人？", "那全省已经建成了多少个驿站？", "浙江省全省已经建成了多少个驿站？"),
        ("蒸湘区桂花社区有多少名党员？", "那全市呢？", "衡阳市全市有多少名党员？"),
        # the whole of a place already named: that place, without the lower ones
        ("蒸湘区桂花社区有多少名党员？", "全区一共有多少名党员？", "蒸湘区全区一共有多少名党员？"),
        ("婺城区新就业群体有多少人？", "那全区呢？", "婺城区全区新就业群体有多少人？"),
        # no place of that level known: nothing is carried
        (MEMBERS, "那全省一共有多少名党员？", "全省一共有多少名党员？"),
    ],
)
def test_a_whole_asked_after_a_place_is_the_whole_it_lies_in(previous, question, expected):
    assert resolve(question, after(previous)) == expected


@pytest.mark.parametrize(("previous", "question", "expected"), [
    # their company / their cooperative: the one the previous question named, up to that noun
    ("青屿精密机械有限公司的党支部书记是谁？", "他们公司有多少名党员？", "青屿精密机械有限公司有多少名党员？"),
    ("柳塘村金穗种植专业合作社的理事长是谁？", "他们合作社去年分红多少？", "柳塘村金穗种植专业合作社去年分红多少？"),
])
def test_their_company_is_the_company_the_previous_question_named(previous, question, expected):
    assert resolve(question, after(previous)) == expected


def test_their_noun_not_ending_a_name_before_keeps_the_previous_subject():
    # 网格员 opens no name in the previous question: they are the grid workers asked about
    assert resolve("他们有多少人？", after("青溪街道网格员是怎么工作的？")) == "青溪街道网格员有多少人？"


# ------------------------------------------------------------------------------ a verb of its own
@pytest.mark.parametrize(
    ("previous", "question", "expected"),
    [
        # the count asked last names its thing before the verb: a follow-up with a verb of its own
        # asks about the thing, not about what was done to it
        ("柏溪街道“家门口议事点”已经建了多少个？", "年内还打算新增几个？", "柏溪街道“家门口议事点”年内还打算新增几个？"),
        ("石楠镇“红色代办点”目前设了几个？", "下半年准备再增加多少个？", "石楠镇“红色代办点”下半年准备再增加多少个？"),
        # the thing is counted after the question word: it stays as it was
        ("青溪社区去年发展了多少名党员？", "比前年增长了多少？", "青溪社区党员比前年增长了多少？"),
        (STATIONS, "还有多少个正在建设？", "桂溪镇党群服务驿站多少个正在建设？"),
    ],
)
def test_a_followup_with_its_own_verb_keeps_only_the_thing_counted(previous, question, expected):
    assert resolve(question, after(previous)) == expected


@pytest.mark.parametrize(
    ("previous", "question", "expected"),
    [
        # the noun after the demonstrative stands for the previous subject up to where it writes it
        ("枫林社区物业项目部的党支部书记是谁？", "这个支部现在有几名党员？", "枫林社区物业项目部的党支部现在有几名党员？"),
        ("柳塘村茶叶合作社的理事长是谁？", "这个合作社有多少户社员？", "柳塘村茶叶合作社有多少户社员？"),
        # a quoted name is kept whole
        ("青溪街道“红帆驿站”建了几个？", "这些驿站有哪些功能？", "青溪街道“红帆驿站”有哪些功能？"),
    ],
)
def test_a_demonstrative_noun_stands_for_the_previous_subject_up_to_that_noun(previous, question, expected):
    assert resolve(question, after(previous)) == expected


@pytest.mark.parametrize(
    ("previous", "question", "expected"),
    [
        # after a count, 它 and a rate or share alone ask the figure of that rate
        ("漳晖街道划分了多少个网格？", "那它2023年的办结率呢？", "漳晖街道网格2023年的办结率是多少？"),
        ("青溪街道建了多少个驿站？", "那它的覆盖率呢？", "青溪街道驿站覆盖率是多少？"),
        # a question word of its own is kept as asked
        ("漳晖街道划分了多少个网格？", "那它的办结率有多高？", "漳晖街道网格办结率有多高？"),
    ],
)
def test_a_rate_after_a_pronoun_asks_its_figure(previous, question, expected):
    assert resolve(question, after(previous)) == expected


@pytest.mark.parametrize(
    ("previous", "answer", "question", "expected"),
    [
        # after 是谁, 他/她 is the person the answer's sentence names
        ("晖盛广场的“晖暖驿站”是谁牵头管理的？", "由骑手党员路铭远牵头管理。", "他拉起的那支观察员队伍有多少人？",
         "路铭远拉起的那支观察员队伍有多少人？"),
        ("青茶岭村谁牵头领办了茶叶合作社？", "村党支部书记季红霞牵头领办了合作社。", "她是哪一年领办的？",
         "季红霞是哪一年领办的？"),
        # a question that asked no person: 他 does not take a name from the answer
        ("晖盛广场建了几个驿站？", "由骑手党员路铭远牵头管理的驿站有3个。", "他拉起的队伍有多少人？",
         "晖盛广场驿站拉起的队伍有多少人？"),
    ],
)
def test_he_after_who_is_the_person_the_answer_names(previous, answer, question, expected):
    assert resolve(question, [{"question": previous, "answer": answer}]) == expected
