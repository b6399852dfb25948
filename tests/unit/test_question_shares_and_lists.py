"""占多少 asks for a share (a percentage or 几成), unless a unit of things follows it; 分别 with a verb
of its own and 什么 asks for the items of a named set (retrieval/question.py, partyqa/data/questions.json). Invented places."""

import pytest

from retrieval.question import analyze


@pytest.mark.parametrize("question", [
    "苍屏街道给老人改完房子后回头上门问了问，觉得好的占多少？",
    "茶花巷社区调解的纠纷里，谈成了的占多少？",
    "柳岸村党员中35岁以下的占几成？",
    "白石县的流动党员里，回乡创业的占了多少？",
])
def test_zhan_duoshao_asks_for_a_share(question):
    part = analyze(question).parts[0]
    assert part.answer_type == "number"
    assert "%" in part.units


@pytest.mark.parametrize(("question", "unit"), [
    ("柳岸村党员占多少名？", "名"),
    ("柳岸村的茶园占多少亩？", "亩"),
])
def test_zhan_with_a_unit_of_things_counts_the_things(question, unit):
    units = analyze(question).parts[0].units
    assert unit in units and "%" not in units


@pytest.mark.parametrize("question", [
    "红帆商户联盟的“三亮”分别亮的是什么？",  # 分别 + a verb of its own + 什么: the items of a named set
    "柳岸村的“三张清单”分别列的什么？",
    "白石县的两支队伍分别叫什么？",
])
def test_fenbie_with_its_own_verb_asks_for_a_list(question):
    assert [p.answer_type for p in analyze(question).parts] == ["list"]


@pytest.mark.parametrize(("question", "kinds"), [
    ("柳岸村和白沙村分别有多少名党员？", ["number", "number"]),  # two subjects: two parts
    ("柳岸村的“三张清单”是什么时候建立的？", ["date"]),  # no 分别
])
def test_fenbie_over_named_subjects_or_no_fenbie_is_no_list(question, kinds):
    assert [p.answer_type for p in analyze(question).parts] == kinds
