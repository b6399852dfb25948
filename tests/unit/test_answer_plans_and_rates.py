"""A plan is no answer to what was done, and the one of a rate's base (每调解一起纠纷) is no count
(retrieval/answer/context.py, retrieval/answer/evidence.py). Every passage is invented; real
districts, invented streets and villages."""

import pytest

from retrieval.answer.context import (
    asks_plan,
    asks_then,
    exchange_rate_miss,
    generic_owner,
    money_kind_miss,
    per_one,
    states_planned,
)
from retrieval.answer.evidence import age_bound_miss, rated_miss
from retrieval.answer.extractive import fits
from retrieval.question import analyze
from tests.unit.candidates import candidates_for, span_in


def _cands(question, text):
    return candidates_for(question, text, date="2024-01-10")


def _span(sentence, figure):
    return span_in(sentence, figure)


# ------------------------------------------------------------------------------------------ plans
@pytest.mark.parametrize("sentence", [
    "2024年，街道计划发展党员20名，力争35岁以下的占一半以上。",
    "下一步，柳湾镇将在沿河3个村再建党员先锋岗。",
    "白石县拟于明年新建党群服务驿站15个。",
    "柳湾镇将积极争取上级支持，在沿河3个村建设党员先锋岗。",  # 争取 as striving: no money obtained
    "街道争取在年底前建成驿站20个。",
])
def test_a_sentence_that_states_what_is_to_be_done_is_a_plan(sentence):
    assert states_planned(sentence)


@pytest.mark.parametrize("sentence", [
    "该区培养储备193名后备干部，回引83名计划的优秀人才。",  # 计划 as a programme's name
    "依托“雁归”人才计划，全县已引进各类人才1200名。",
    "截至目前，已完成年初计划的120%。",  # done against a plan
    "枫林街道争取到上级资金300万元。",  # 争取到: obtained
    # 争取 with a sum of money: the money obtained (and what it paid for)
    "去年，青溪街道争取老旧小区改造资金1350万元，完成11个小区改造，新增停车位420个。",
    "针对小巷设施老化问题，白石镇争取专项经费86万元，对12条小巷实施改造。",
    "社区组织消防模拟演练3次。",  # 模拟 is no 拟
    "以“头雁”培养计划为依托，全县培训村党组织书记86名。",
    # a quoted model or slogan states no plan
    "采取“社区出场地、街道争取补贴、企业运营”的模式，将旧仓库改造为食堂，面积260平方米。",
    "柳湾村推行“党员带头、力争上游”工作法，建成大棚48座。",
])
def test_a_programme_named_计划_or_a_result_against_a_plan_is_no_plan(sentence):
    assert not states_planned(sentence)


@pytest.mark.parametrize(("question", "plan"), [
    ("枫林街道明年准备改造多少户？", True),
    ("柳湾镇下一步要建几个先锋岗？", True),
    ("白石县计划新建多少个驿站？", True),
    ("枫林街道2023年发展了多少名党员？", False),
    ("柳湾镇需要多少名网格员？", False),  # 需要 is no plan
])
def test_asks_plan(question, plan):
    assert asks_plan(question) == plan


@pytest.mark.parametrize(("question", "text"), [
    ("枫林街道2023年发展的党员中，35岁以下的有多少名？",
     "枫林街道全年发展党员21名。2024年，枫林街道计划发展党员20名，力争35岁以下的占一半以上。"),
    ("柳湾镇一共建了多少个党员先锋岗？",
     "柳湾镇党委介绍，下一步柳湾镇将在沿河村再建党员先锋岗6个，让党员亮身份。"),
])
def test_a_question_about_what_was_done_is_not_answered_by_a_plan(question, text):
    cands = _cands(question, text)
    assert any(c.places_ok for c in cands)  # the place fits: only the plan keeps the figure out
    assert not any(fits(c) and c.span is not None and c.span.text in ("20名", "6个") for c in cands)


@pytest.mark.parametrize(("question", "text", "figure"), [
    ("枫林街道2024年计划发展多少名党员？", "2024年，枫林街道计划发展党员20名，力争35岁以下的占一半以上。", "20名"),
    ("柳湾镇下一步还要建几个党员先锋岗？", "柳湾镇党委介绍，下一步将在沿河村再建党员先锋岗6个。", "6个"),
])
def test_a_question_about_the_plan_is_answered_by_it(question, text, figure):
    assert any(fits(c) and c.span is not None and c.span.text == figure for c in _cands(question, text))


# -------------------------------------------------------------------------------- a rate's base
@pytest.mark.parametrize(("sentence", "figure"), [
    ("街道对每成功调解一起纠纷给予调解员100元补贴。", "一起"),
    ("村里每发展一名党员，都要在公示栏公示7天。", "一名"),
])
def test_the_one_of_a_rates_base_counts_nothing(sentence, figure):
    assert per_one(sentence, _span(sentence, figure))


@pytest.mark.parametrize(("sentence", "figure"), [
    ("每个网格配备1名专职网格员。", "1名"),  # 每个网格 names the unit; 1名 answers 每个网格几名
    ("全村每年开展一次党员评议。", "一次"),
    ("去年共调解纠纷一起。", "一起"),  # no 每
    ("每公斤收购价只有1.6元左右。", "1.6元"),  # a decimal is no one
    ("每户每年补贴一千元。", "一千元"),
    # the base is written after 每 with its own figure: the one after it is the rate
    ("积分超市规定，每1分可兑换价值1元的商品。", "1元"),
    ("服务时长银行里，每2小时志愿服务可以兑换1次免费理发。", "1次"),
])
def test_one_per_named_unit_or_without_每_is_a_count(sentence, figure):
    assert not per_one(sentence, _span(sentence, figure))


def test_a_count_question_is_not_answered_by_a_rates_base():
    text = "云杉街道设立诉前调解工作站。云杉街道对每成功调解一起纠纷给予调解员100元补贴。"
    cands = _cands("云杉街道调解工作站调处了多少起纠纷？", text)
    assert any(c.places_ok for c in cands)
    assert not any(fits(c) for c in cands if c.span is not None and c.span.text == "一起")


# ----------------------------------------------------------------------------- 今年 and 去年 asked
@pytest.mark.parametrize(("question", "text", "wrong", "right"), [
    ("樟溪社区今年的暑托班招了多少孩子？",
     "2021年暑假，樟溪社区试办第一期暑托班，当年只招了60名孩子。今年暑假，樟溪社区暑托班招收孩子86名。", "60名", "86名"),
    ("柳湾村去年集体经济收入是多少？",
     "2020年，柳湾村集体经济收入只有12万元。去年，柳湾村集体经济收入达到45万元。", "12万元", "45万元"),
])
def test_this_year_asked_is_the_articles_year_not_another_written_one(question, text, wrong, right):
    fitting = {c.span.text for c in candidates_for(question, text, date="2024-07-23") if fits(c) and c.span}
    assert right in fitting and wrong not in fitting


def test_a_figure_reaching_to_now_fits_this_year():
    text = "2021年以来，樟溪社区暑托班累计招收孩子300名。"
    fitting = {c.span.text for c in candidates_for("樟溪社区今年暑托班一共招了多少孩子？", text, date="2024-07-23")
               if fits(c) and c.span}
    assert "300名" in fitting


# ------------------------------------------------------------------ the earlier state, asked loosely
@pytest.mark.parametrize(("question", "then"), [
    ("槐溪街道晚上巡查充电棚的志愿者，刚拉起队伍那会儿有几个人？", True),
    ("柳岸村的合作社刚搭起架子的时候有几户？", True),
    ("柳岸村刚才说的合作社有几户？", False),  # 刚才 with no time of its own
    ("柳岸村的合作社现在有几户？", False),
])
def test_gang_then_a_while_asks_for_the_earlier_state(question, then):
    assert asks_then(analyze(question).parts[0]) == then


def test_the_earlier_figure_answers_a_loose_question_about_the_start():
    text = ("“夜巡红哨”成立于2023年3月，槐溪街道夜巡队起步时只有24名队员，如今已发展到96名。"
            "槐溪街道辖9个社区，有老旧小区31个。")
    cands = [c for c in candidates_for("槐溪街道夜巡队刚拉起队伍那会儿有几个人？", text) if fits(c)]
    assert cands[0].span.text == "24名"


# ------------------------------------------------------------------------- a change asked (减少了多少)
@pytest.mark.parametrize(("question", "text", "figure"), [
    ("槐溪区压减社区事项以后，社区书记每周填表的时间减少了多少？",
     "调研发现，槐溪区社区书记每周用于填表报数的时间平均约11小时。", "11小时"),
    ("柳湾镇村级办公经费比上年增加了多少？", "柳湾镇今年村级办公经费为每村8万元。", "8万元"),
    ("柳湾镇规模以上工业增加值同比增长了多少？", "柳湾镇一季度规模以上工业增加值完成4.4亿元。", "4.4亿元"),  # 增加值 is no change
    ("槐溪街道的信访总量下降了多少？", "槐溪街道全年信访总量为312件。", "312件"),
])
def test_a_plain_state_does_not_answer_how_much_it_changed(question, text, figure):
    cands = _cands(question, text)
    assert any(c.places_ok for c in cands)
    assert not any(fits(c) for c in cands if c.span is not None and c.span.text == figure)


@pytest.mark.parametrize(("question", "text", "figure"), [
    ("槐溪区社区书记每周填表的时间减少了多少？", "槐溪区社区书记每周用于填表报数的时间减少了6小时。", "6小时"),
    ("柳湾镇的党员攻关小组给企业省了多少钱？", "柳湾镇党员攻关小组全年为企业节约成本380万元。", "380万元"),
    ("柳湾镇今年新发展的党员比上年多了多少名？", "柳湾镇今年新发展党员比上年多出6名。", "6名"),
    ("槐溪区社区书记填表的时间缩短了多少？", "槐溪区社区书记每周填表的时间由11小时缩短到5小时。", "11小时"),
    ("柳湾村合作社每户入股至少多少钱？", "柳湾村合作社规定每户入股金额为500元。", "500元"),  # 至少多少 asks no change
    ("柳湾镇规模以上工业增加值同比增长了多少？", "柳湾镇一季度规模以上工业增加值完成4.4亿元，同比增长14.5%。", "14.5%"),
    ("槐溪街道的信访总量下降了多少？", "槐溪街道全年信访总量312件，同比下降31.5%。", "31.5%"),
    ("柳湾镇铸造车间的党员攻关一年节约了多少钱？",  # a saving is a quantity
     "柳湾镇各车间攻关成效：铸造车间党员35名，攻关项目7项，全年创效215.0万元。", "215.0万元"),
])
def test_a_figure_written_as_a_change_answers_how_much_it_changed(question, text, figure):
    assert any(fits(c) and c.span is not None and c.span.text == figure for c in _cands(question, text))


@pytest.mark.parametrize(("question", "text", "right"), [
    ("岚峰重工的党员今年攻关一共节约了多少成本？",
     "与2022年相比，岚峰重工党员攻关项目由26项增加到37项，节约成本由405.8万元增加到612.5万元。", "612.5万元"),
    ("樟溪社区今年的暑托班招了多少孩子？", "樟溪社区暑托班招收的孩子由2021年的60名增加到86名。", "86名"),
])
def test_this_year_is_the_end_of_a_change_counted_from_an_earlier_year(question, text, right):
    fitting = [c for c in candidates_for(question, text, date="2023-12-20") if fits(c) and c.span]
    assert fitting and fitting[0].span.text == right


def test_a_base_year_without_the_end_of_a_change_still_dates_the_figure():
    text = "与2021年相比，樟溪社区暑托班少招了20名孩子。"  # 20名 is the change, not this year's count
    fitting = {c.span.text for c in candidates_for("樟溪社区今年暑托班招了多少孩子？", text, date="2024-07-23")
               if fits(c) and c.span}
    assert "20名" not in fitting


# ----------------------------------------------------------- a deadline after the article's date
@pytest.mark.parametrize(("question", "text", "figure", "date"), [
    ("槐溪区2024年“红色院落”示范点实际建成了多少个？",
     "槐溪区“红色院落”建设工作方案。到2024年12月底，槐溪区新建“红色院落”示范点60个，总数达到94个。", "60个", "2024-03-05"),
    ("柳岸街道建了多少个骑手驿站？", "柳岸街道党工委介绍，今年底前，柳岸街道骑手驿站将达到20个。", "20个", "2024-06-18"),
])
def test_a_target_set_for_after_the_articles_date_is_no_result(question, text, figure, date):
    cands = candidates_for(question, text, date=date)
    assert any(c.places_ok for c in cands)
    assert not any(fits(c) for c in cands if c.span is not None and c.span.text == figure)


@pytest.mark.parametrize(("question", "text", "figure", "date"), [
    ("槐溪区“红色院落”示范点建成了多少个？",  # a deadline already passed when the article was written
     "到2023年12月底，槐溪区建成“红色院落”示范点34个。", "34个", "2024-01-10"),
    ("柳岸街道计划把骑手驿站增加到多少个？", "柳岸街道党工委介绍，今年底前，柳岸街道骑手驿站将达到20个。", "20个", "2024-06-18"),
    ("柳岸社区进入诉讼程序的纠纷2023年有多少起？",  # the year of a state reached, not a deadline
     "到2023年，柳岸社区进入诉讼程序的纠纷下降到5起。", "5起", "2023-11-10"),
])
def test_a_passed_deadline_or_a_question_about_the_plan_is_answered(question, text, figure, date):
    assert any(fits(c) and c.span is not None and c.span.text == figure
               for c in candidates_for(question, text, date=date))


# ------------------------------------------------------------------ one floor for another
@pytest.mark.parametrize(("question", "text"), [
    ("柳岸社区加装电梯，五楼住户每户要出多少钱？", "柳岸社区加装电梯，以六层楼为例，六楼住户每户出资约4.2万元。"),
    ("槐溪小区加装电梯后，3层的业主每月分摊多少维保费？", "槐溪小区加装电梯后，6层的业主每月分摊维保费约40元。"),
])
def test_another_floors_figure_does_not_answer(question, text):
    assert not [c for c in _cands(question, text) if fits(c)]


@pytest.mark.parametrize(("question", "text", "figure"), [
    ("柳岸社区加装电梯，六楼住户每户要出多少钱？", "柳岸社区加装电梯，以六层楼为例，6楼住户每户出资约4.2万元。", "4.2万元"),
    ("槐溪小区加装电梯后，3层的业主每月分摊多少维保费？", "槐溪小区加装电梯后，三层的业主每月分摊维保费约20元。", "20元"),
])
def test_the_asked_floors_figure_answers(question, text, figure):
    assert any(fits(c) and c.span is not None and c.span.text == figure for c in _cands(question, text))


@pytest.mark.parametrize(("question", "then"), [
    ("十年过去，柳岸街道现在一共住了多少人？", False),  # 十年过去: ten years on, not "in the past"
    ("三年过去了，白沙村的合作社有多少户？", False),
    ("柳岸街道过去有多少人？", True),
    ("白沙村合作社过去只有几户？", True),
])
def test_years_gone_by_is_no_earlier_state(question, then):
    assert asks_then(analyze(question).parts[0]) == then


@pytest.mark.parametrize(("question", "text", "figure"), [
    ("柳湾村的党员示范船一共有几条？", "柳湾村组建党员示范船队，共有党员示范船17艘。", "17艘"),
    ("白沙港有几条渔船参加了结对出海？", "白沙港共有渔船42艘参加结对出海。", "42艘"),
])
def test_boats_counted_by_条_are_answered_in_艘(question, text, figure):
    assert any(fits(c) and c.span is not None and c.span.text == figure for c in _cands(question, text))


# ----------------------------------------------------------------- money spent or money earned
@pytest.mark.parametrize(("question", "text", "figure"), [
    ("柳溪村把旧小学改成民宿花了多少钱？", "柳溪村把旧小学改成民宿，去年接待游客1.2万人次，实现集体收入38万元。", "38万元"),
    ("青石街道建长者食堂投入了多少钱？", "青石街道长者食堂开业一年，营业额达到64万元。", "64万元"),
    ("柳溪村合作社去年收入多少？", "柳溪村合作社去年投入资金120万元新建冷库。", "120万元"),
])
def test_money_asked_one_way_is_not_answered_by_money_the_other_way(question, text, figure):
    assert not any(fits(c) for c in candidates_for(question, text) if c.span is not None and c.span.text == figure)


@pytest.mark.parametrize(("question", "text", "figure"), [
    ("柳溪村把旧小学改成民宿花了多少钱？", "柳溪村投资46万元把旧小学改成民宿，去年接待游客1.2万人次。", "46万元"),
    ("青石街道长者食堂一年营业额是多少？", "青石街道长者食堂开业一年，营业额达到64万元。", "64万元"),
    ("柳溪村合作社去年收入多少？", "柳溪村合作社去年实现收入86万元，投入资金建冷库。", "86万元"),
])
def test_money_asked_and_written_the_same_way_answers(question, text, figure):
    assert any(fits(c) and c.span is not None and c.span.text == figure for c in candidates_for(question, text))


# ----------------------------------------------------------------- a price per portion for a total
@pytest.mark.parametrize(("question", "text", "figure"), [
    ("青枫社区驿站建设一共投入了多少钱？", "青枫社区驿站隔壁的食堂为骑手提供12元一份的午餐套餐。", "12元"),
    ("柳湾村民宿一共收入多少钱？", "柳湾村民宿旺季房价每晚280元，住宿费按260元/人收取。", "260元"),
])
def test_a_price_per_portion_or_person_is_no_total(question, text, figure):
    assert not any(fits(c) for c in candidates_for(question, text) if c.span is not None and c.span.text == figure)


@pytest.mark.parametrize(("question", "text", "figure"), [
    ("青枫社区驿站建设一共投入了多少钱？", "青枫社区驿站建设共投入资金86万元一次性建成。", "86万元"),
    ("柳湾村民宿一共收入多少钱？", "柳湾村民宿去年一共收入46万元，每份早餐另收费。", "46万元"),
])
def test_a_total_before_一次性_or_a_later_clause_still_answers(question, text, figure):
    assert any(fits(c) and c.span is not None and c.span.text == figure for c in candidates_for(question, text))


# ----------------------- a quoted thing, a sized group or a kind the article writes only as a plan
@pytest.mark.parametrize(("question", "text", "figure", "answers"), [
    # “…” written only in a plan: what another sentence counts was not done by it
    ("桐溪街道的“夜间议事厅”开办以后收集了多少条意见？",
     "桐溪街道党员议事队去年收集居民意见420条。下一步，街道计划在柳岸社区开办“夜间议事厅”。", "420条", False),
    ("白杨镇的“共富工坊”建成以后吸纳了多少人就业？",
     "白杨镇农业合作社带动村民就业310人。镇党委表示，明年将在石桥村建设“共富工坊”。", "310人", False),
    # the quoted thing exists (a sentence says what it did), or the sentence names it
    ("桐溪街道的“夜间议事厅”开办以后收集了多少条意见？",
     "去年，桐溪街道开办“夜间议事厅”，收集居民意见420条。下一步，街道计划把议事厅推广到各社区。", "420条", True),
    ("白杨镇的“共富工坊”建成以后吸纳了多少人就业？",
     "白杨镇在石桥村建成“共富工坊”，吸纳村民就业310人。", "310人", True),
    # a group given by its size (新建的4个…) that the article writes only in a plan
    ("白杨镇今年新建的3个共享车间吸纳了多少人就业？",
     "白杨镇在5个村建起共享车间7个。目前，共享车间共吸纳就业420人。镇党委计划年内再建3个共享车间。",
     "420人", False),
    ("桐溪街道新设的两个调解室调解了多少起纠纷？",
     "桐溪街道调解队去年调解纠纷136起。下一步，街道将在柳岸、榆林社区新设2个调解室。", "136起", False),
    # the group is written as done, or no size is given
    ("白杨镇今年新建的3个共享车间吸纳了多少人就业？",
     "白杨镇今年新建3个共享车间，吸纳就业420人。镇党委计划明年再建5个。", "420人", True),
    ("桐溪街道新设的两个调解室调解了多少起纠纷？",
     "今年，桐溪街道新设两个调解室，已调解纠纷136起。", "136起", True),
    # a kind of the thing (生物医药 of 生物医药产业链党委) written only in a plan
    ("白杨区新组建的生物医药产业链党委有多少家成员单位？",
     "白杨区汽车配件产业链党委现有成员单位52家。下一步，白杨区将在生物医药、新材料领域再组建2个产业链党委。",
     "52家", False),
    ("桐溪街道的快递驿站党小组有多少名党员？",
     "桐溪街道外卖骑手党小组现有党员18名。街道计划年内成立快递驿站、网约车等党小组。", "18名", False),
    # the kind is written as existing, or the question names no kind
    ("白杨区新组建的生物医药产业链党委有多少家成员单位？",
     "去年，白杨区组建生物医药产业链党委，现有成员单位52家。下一步，将在新材料领域再组建2个产业链党委。",
     "52家", True),
    ("桐溪街道的骑手党小组有多少名党员？",
     "桐溪街道外卖骑手党小组现有党员18名。街道计划年内成立快递驿站、网约车等党小组。", "18名", True),
])
def test_a_thing_written_only_as_a_plan_has_no_figure_of_another_sentence(question, text, figure, answers):
    cands = _cands(question, text)
    assert any(fits(c) for c in cands if c.span is not None and c.span.text == figure) is answers


# ------------------------------------------- a share of another group
@pytest.mark.parametrize(("question", "text", "figure", "answers"), [
    # the share written is another group's
    ("桂园社区老小区交物业费的住户占了多大比例？", "桂园社区常住居民5200户，60岁以上老人占比28%。", "28%", False),
    ("柳湾村合作社社员中妇女占多少比例？", "柳湾村合作社理事会成员中党员占比达到60%。", "60%", False),
    # the asked group's share, or a rate written without a group
    ("柳湾村合作社社员中妇女占多少比例？", "柳湾村合作社社员中妇女占比达到45%。", "45%", True),
    ("桂园社区老小区现在交物业费的住户占了多大比例？", "两年来，桂园社区物业费收缴率由40%提高到88%。", "88%", True),
    # a rate asked with no group: a group's share does not answer it, a rate of the same group may
    ("桂园社区现在物业费能收上来的比例有多高？", "桂园社区常住居民5200户，60岁以上老人占31%。", "31%", False),
    ("柳湾村合作社的分红率有多高？", "柳湾村合作社社员中妇女占比45%。", "45%", False),
    ("柳湾村合作社社员里妇女的比例有多高？", "柳湾村合作社社员中妇女占比45%。", "45%", True),
])
def test_a_share_of_another_group_does_not_answer(question, text, figure, answers):
    cands = _cands(question, text)
    assert any(fits(c) for c in cands if c.span is not None and c.span.text == figure) is answers


@pytest.mark.parametrize(("head", "level"), [
    # a bare place word that obtains money owns the figures of its clause
    ("针对巷弄设施老化问题，街道争取资金2860万元，对43条巷弄", 2),
    ("去年，镇筹措资金120万元，为6个村", 2),
    ("去年，各村争取资金120万元，为", None),  # each village: no one place owns it
    ("党员志愿者争取资金2万元，为", None),
])
def test_a_bare_place_word_obtaining_money_owns_its_clause(head, level):
    assert generic_owner(head) == level


# ---------------------------------------------------------------- rated attributes (满意度, 办结率)
@pytest.mark.parametrize(("question", "text", "figure", "answers"), [
    # the rating asked is written at the figure
    ("青溪街道居民对物业服务的满意度是多少？", "青溪街道居民对物业服务的满意度达到93.5%。", "93.5%", True),
    ("白石镇群众诉求的办结率是多少？", "白石镇全年受理群众诉求860件，办结率98.1%。", "98.1%", True),
    # another rate at the figure (收缴率), or the rating of another object (停车管理)
    ("青溪街道居民对物业服务满意的比例是多少？", "青溪街道物业费收缴率由46%提高到82%。", "82%", False),
    ("白石镇居民对微更新的满意度是多少？", "白石镇居民对停车管理的满意度由58.3%提高到91.2%。", "91.2%", False),
])
def test_a_rated_attribute_is_answered_by_the_same_rating_of_the_same_thing(question, text, figure, answers):
    cands = _cands(question, text)
    assert any(fits(c) for c in cands if c.span is not None and c.span.text == figure) is answers


@pytest.mark.parametrize(("question", "sentence", "figure", "miss"), [
    ("青溪街道居民对物业服务满意的比例是多少？", "青溪街道物业费收缴率由46%提高到82%。", "82%", True),
    ("白石镇居民对微更新的满意度是多少？", "白石镇居民对停车管理的满意度由58.3%提高到91.2%。", "91.2%", True),
    ("青溪街道居民对物业服务满意的比例是多少？", "居民对物业服务的满意度达到93.5%。", "93.5%", False),
    ("白石镇居民对微更新的满意度是多少？", "居民满意度测评达到98.2%。", "98.2%", False),  # no object written: no clash
    ("白石镇有多少名党员？", "白石镇物业费收缴率82%，党员312名。", "312名", False),  # no rating asked
])
def test_rated_miss(question, sentence, figure, miss):
    assert rated_miss(analyze(question).parts[0], sentence, _span(sentence, figure)) is miss


@pytest.mark.parametrize(("question", "sentence", "miss"), [
    # an age bound said in words (八十岁往上, 七十好几, 六十多岁) bounds who is counted like 80岁以上
    ("青溪街道八十岁往上的老人在食堂吃一顿要花几块钱？", "“10块钱吃得饱、吃得好。”", True),
    ("青溪街道八十岁往上的老人在食堂吃一顿要花几块钱？", "80岁以上老人每份7元。", False),
    ("柳塘村七十好几的老党员有多少名？", "柳塘村共有党员52名。", True),
    ("柳塘村七十好几的老党员有多少名？", "其中70岁以上的老党员19名。", False),
])
def test_an_age_bound_in_words_needs_the_same_age_written(question, sentence, miss):
    assert age_bound_miss(analyze(question).parts[0], sentence) is miss


@pytest.mark.parametrize(("question", "sentence", "figure", "miss"), [
    # another family of money at the figure, none of the asked one
    ("青溪街道计划新建的3个长者食堂要投资多少钱？", "青溪街道每年为食堂安排补贴资金18万元。", "18万元", True),
    ("柳塘村加装电梯，五楼住户每户要出资多少钱？", "区级财政对每部电梯补助15万元。", "15万元", True),
    ("白石镇积分超市的3家爱心企业捐赠了多少钱？", "启动资金由镇里拨付3万元，另有3家爱心企业定向捐赠。", "3万元", True),
    ("白石镇积分超市的3家爱心企业捐赠了多少钱？", "镇里拨付3万元，3家爱心企业捐赠1.6万元。", "1.6万元", False),
    ("柳塘村合作社去年给社员分红一共分了多少钱？", "村集体经济收入由12.6万元增长到48.3万元。", "48.3万元", True),
    ("白石县给考核优秀的强村公司负责人发了多少奖金？", "全县仍有11个村经营性收入低于100万元。", "100万元", True),
    ("白石镇村集体每年从经营性收入中拿出多少钱支持积分超市？", "镇党委每年拨付运行经费3万元，爱心企业捐赠2.4万元。", "3万元",
     True),
    # money named as the source (从经营性收入中拿出) is not the kind asked
    ("柳塘村村集体每年从经营性收入中给积分超市多少钱？", "村集体经济收入由12.6万元增长到48.3万元。", "48.3万元", False),
    # the asked family written at the figure
    ("青溪街道新建长者食堂投资了多少钱？", "青溪街道投资120万元新建长者食堂3个。", "120万元", False),
    ("柳塘村加装电梯，五楼住户每户要出资多少钱？", "五楼住户每户出资2.4万元，其余由财政补助。", "2.4万元", False),
    # no family asked (多少钱): nothing to check
    ("青溪街道的长者食堂花了多少钱？", "青溪街道每年为食堂安排补贴资金18万元。", "18万元", False),
])
def test_money_of_another_kind_does_not_answer(question, sentence, figure, miss):
    assert money_kind_miss(analyze(question).parts[0], sentence, _span(sentence, figure)) is miss


@pytest.mark.parametrize(("question", "sentence", "figure", "miss"), [
    # what one point exchanges for is a rate: no answer to a total value
    ("柳塘村积分超市今年以来兑换物品价值多少？", "1分可兑换价值1元的商品，超市里有生活用品100余种。", "1元", True),
    ("青溪社区志愿积分一共兑换了多少钱的东西？", "每积分折合0.5元，可在社区超市使用。", "0.5元", True),
    # …but it answers the rate asked
    ("柳塘村积分超市里攒一分能换多少钱的东西？", "1分可兑换价值1元的商品，超市里有生活用品100余种。", "1元", False),
    ("青溪社区每积分值多少钱？", "每积分折合0.5元，可在社区超市使用。", "0.5元", False),
    # no exchange written: nothing to check
    ("柳塘村积分超市今年以来兑换物品价值多少？", "今年以来共兑换物品价值3.2万元。", "3.2万元", False),
])
def test_an_exchange_rate_answers_only_a_rate(question, sentence, figure, miss):
    assert exchange_rate_miss(analyze(question).parts[0], sentence, _span(sentence, figure)) is miss
