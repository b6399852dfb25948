"""A plan is no answer to what was done, and the one of a rate's base (每调解一起纠纷) is no count
(retrieval/answer/context.py, retrieval/answer/evidence.py). Every passage is invented; real
districts, invented streets and villages."""

import pytest

from retrieval.answer.context import asks_plan, asks_then, per_one, states_planned
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
])
def test_a_sentence_that_states_what_is_to_be_done_is_a_plan(sentence):
    assert states_planned(sentence)


@pytest.mark.parametrize("sentence", [
    "该区培养储备193名后备干部，回引83名计划的优秀人才。",  # 计划 as a programme's name
    "依托“雁归”人才计划，全县已引进各类人才1200名。",
    "截至目前，已完成年初计划的120%。",  # done against a plan
    "枫林街道争取到上级资金300万元。",  # 争取到: obtained
    "社区组织消防模拟演练3次。",  # 模拟 is no 拟
    "以“头雁”培养计划为依托，全县培训村党组织书记86名。",
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
