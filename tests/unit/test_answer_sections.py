"""The items under the heading a list question names (retrieval/answer/sections.py), and the
extractive answerer answering with them (no embedding model, no index).

Two invented structured articles: 青溪街道's 2023 work summary (results, problems, 2024 plans,
headings 一、 and （一）) and 白石县's 调研报告 on village companies (problems written 一是…二是…).
"""

from __future__ import annotations

import pytest

from partyqa.records import Article, Hit
from retrieval.answer.extractive import Answerer, AnswerParams
from retrieval.answer.sections import heading_items, level
from retrieval.question import analyze

SUMMARY = "\n".join([
    "青溪街道党工委2023年度党建工作总结",
    "2023年，青溪街道党工委围绕“红色网格”品牌，全年重点任务全部完成。",
    "一、主要做法和成效",
    "（一）建强网格支部。全街道建成网格党支部36个，选聘网格长86名。",
    "（二）办好民生实事。全年完成民生实事项目12个，群众满意度96.2%。",
    "二、存在的问题",
    "一是党员队伍年龄偏大，60岁以上党员占一半以上。",
    "二是部分网格支部活动形式单一，吸引力不强。",
    "三、2024年工作打算",
    "（一）壮大党员队伍。计划发展党员20名，重点从青年中发展。",
    "（二）深化网格治理。推动网格支部与物业企业结对共建。",
    "（三）提升服务水平。新建党群服务站点4个。",
])
REPORT = "\n".join([
    "关于白石县村级集体经济公司发展情况的调研报告",
    "一、基本情况",
    "全县58个村组建集体经济公司41家，2023年实现经营性收入2860万元。",
    "二、存在的问题",
    "一是发展不均衡。偏远村的公司经营性收入普遍不足50万元。",
    "二是人才短缺。多数公司缺少懂经营的专业人员。",
    "三是风险防控有待加强。个别公司投资论证不充分，出现亏损。",
    "三、对策建议",
    "（一）强化统筹。推动资源薄弱村跨镇参股优质项目。",
    "（二）加强人才支撑。探索职业经理人市场化选聘。",
])


def _doc(doc, title, text, place):
    article = Article(doc, f"{doc}.docx", text, title=title, date="2024-01-12", publisher=place)
    hit = Hit(chunk_id=f"c{doc}", doc_id=doc, title=title, publisher=place, date="2024-01-12", section="",
              text=text, score=1.0, start=0, end=len(text), source=f"{doc}.docx")
    return article, hit


@pytest.mark.parametrize(("line", "expected"), [
    ("三、2024年工作打算", 1), ("（二）深化网格治理。", 2), ("2.建立台账", 3), ("（3）按月通报", 4),
    ("一是发展不均衡。", 5), ("全县58个村组建集体经济公司41家。", 0), ("2023年实现收入2860万元。", 0),
])
def test_level_of_a_numbered_line(line, expected):
    assert level(line) == expected


@pytest.mark.parametrize(("question", "text", "items"), [
    ("青溪街道2024年工作打算分哪几个方面？", SUMMARY,
     ["（一）壮大党员队伍。", "（二）深化网格治理。", "（三）提升服务水平。"]),
    ("青溪街道党建工作存在哪些问题？", SUMMARY,
     ["一是党员队伍年龄偏大，60岁以上党员占一半以上。", "二是部分网格支部活动形式单一，吸引力不强。"]),
    ("白石县调研报告指出了集体经济公司哪几方面的问题？", REPORT,
     ["一是发展不均衡。", "二是人才短缺。", "三是风险防控有待加强。"]),
    ("白石县调研报告提出了哪些对策建议？", REPORT, ["（一）强化统筹。", "（二）加强人才支撑。"]),
])
def test_the_items_under_the_heading_the_question_names(question, text, items):
    found = heading_items(analyze(question).parts[0], text)
    assert found is not None and [text[s:e] for s, e in found[2]] == items


@pytest.mark.parametrize(("question", "text"), [
    ("青溪街道2022年工作打算分哪几个方面？", SUMMARY),  # the heading writes another year
    ("青溪街道有哪些网格党支部？", SUMMARY),  # no heading names what is asked
    ("白石县集体经济公司主要经营哪些业务？", REPORT),
    ("白石县调研报告介绍了哪些方面的情况？", REPORT),  # 情况 and 方面 tie no question to a heading
])
def test_no_heading_named_no_section(question, text):
    assert heading_items(analyze(question).parts[0], text) is None


@pytest.mark.parametrize(("question", "doc", "title", "text", "place", "keys"), [
    ("青溪街道2024年工作打算分哪几个方面？", "summary", "青溪街道党工委2023年度党建工作总结", SUMMARY, "青溪街道",
     ["壮大党员队伍", "深化网格治理", "提升服务水平"]),
    ("白石县调研报告指出了集体经济公司哪几方面的问题？", "report", "关于白石县村级集体经济公司发展情况的调研报告",
     REPORT, "白石县", ["发展不均衡", "人才短缺", "风险防控有待加强"]),
])
def test_a_list_question_is_answered_by_the_items_of_its_section(question, doc, title, text, place, keys):
    article, hit = _doc(doc, title, text, place)
    answerer = Answerer({}, AnswerParams(min_confidence=0.0), articles={doc: article},
                        hit_at=lambda d, offset: hit if 0 <= offset < len(text) else None)
    ans = answerer.answer(question, question, [hit])
    assert ans.found and all(k in ans.text for k in keys)
    assert "存在的问题" not in ans.text and "对策建议" not in ans.text  # no heading quoted


def test_a_section_of_an_article_about_another_place_does_not_answer():
    article, hit = _doc("report", "关于白石县村级集体经济公司发展情况的调研报告", REPORT, "白石县")
    answerer = Answerer({}, AnswerParams(min_confidence=0.0), articles={"report": article},
                        hit_at=lambda d, offset: hit if 0 <= offset < len(REPORT) else None)
    question = "南州区调研报告指出了集体经济公司哪几方面的问题？"
    assert answerer._section_list(analyze(question).parts[0], [hit], None) == []


WUYE = "\n".join([
    "青溪街道：“红色物业”让老旧小区管得好",
    "一、党组织建在物业项目上",
    "（一）建组织。街道引导企业成立党支部5个。",
    "（二）亮身份。党员员工全部挂牌上岗。",
    "二、议事协商解决难题",
    "街道推行“红色物业联席会”，每月至少召开1次。",
    "今年以来共召开联席会107场，议定事项137件，内容涉及楼顶防水、管网疏通、电动车充电等。",
])
YIZHAN = "\n".join([
    "白石县：骑手驿站暖人心",
    "一、驿站建在骑手身边",
    "（一）选点。依托党群阵地和商超建设。",
    "（二）定标。统一挂牌，24小时开放。",
    "二、服务跟着需求走",
    "县里组建志愿服务队12支，驿站提供的服务包括免费饮水、手机充电、法律咨询等。",
])


@pytest.mark.parametrize(("question", "doc", "title", "text", "place", "keys", "not_keys"), [
    ("青溪街道红色物业联席会议定的事项涉及哪些内容？", "wuye", "青溪街道：“红色物业”让老旧小区管得好", WUYE, "青溪街道",
     ["楼顶防水", "管网疏通"], ["建组织"]),
    ("白石县骑手驿站提供的服务包括哪些？", "yizhan", "白石县：骑手驿站暖人心", YIZHAN, "白石县",
     ["免费饮水", "法律咨询"], ["选点"]),
])
def test_a_sentence_listing_items_next_to_what_is_asked_outweighs_a_heading_sharing_another_word(
        question, doc, title, text, place, keys, not_keys):
    article, hit = _doc(doc, title, text, place)
    answerer = Answerer({}, AnswerParams(min_confidence=0.0), articles={doc: article},
                        hit_at=lambda d, offset: hit if 0 <= offset < len(text) else None)
    ans = answerer.answer(question, question, [hit])
    assert ans.found and all(k in ans.text for k in keys)
    assert not any(k in ans.text for k in not_keys)
