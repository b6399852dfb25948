"""Rules of the extractive answerer on hand-made hits (no model, no index): evidence that
fits the question, refusals, composition."""

from __future__ import annotations

import pytest

from partyqa.records import Hit
from retrieval.answer.extractive import Answerer, AnswerParams
from retrieval.question import analyze, asked_units

IDF = {"网格员": 3.0, "驿站": 3.0, "天桥区": 2.5, "党组织": 1.5, "建立": 1.0, "非公企业": 2.5, "多少": 0.1}


def _hit(text, doc="d1", district="天桥区", title="天桥区党建", score=1.0, n=1):
    return Hit(chunk_id=f"c{n}", doc_id=doc, title=title, publisher="济南日报", date="2020-06-30", section="",
               text=text, score=score, start=0, end=len(text), district=district, source="a.txt")


def _ask(question, hits):
    # The rules alone decide here: no confidence threshold (that is calibrated with the real model).
    return Answerer(IDF, AnswerParams(min_confidence=0.0)).answer(question, question, hits)


def test_quantity_question_takes_the_sentence_with_the_asked_unit():
    hits = [_hit("天桥区建成网格驿站12个。全区共有网格员326名，覆盖所有社区。")]
    ans = _ask("天桥区有多少名网格员？", hits)
    assert ans.found and "326名" in ans.text and "驿站" not in ans.text
    assert ans.text.endswith("[1]") and ans.citations[0].sentence.startswith("全区共有网格员326名")
    cite = ans.citations[0]
    assert cite.text[cite.answer_start:cite.answer_end] == "326名"


def test_no_sentence_with_the_asked_unit_is_a_refusal():
    ans = _ask("天桥区有多少名网格员？", [_hit("天桥区建成网格驿站12个，方便群众办事。")])
    assert not ans.found and "没有找到" in ans.text and not ans.citations


def test_a_place_the_passage_does_not_support_is_a_refusal():
    ans = _ask("涧西区建立了多少个非公企业党组织？", [_hit("全区建立非公企业党组织416个。")])
    assert not ans.found


def test_a_figure_of_the_whole_district_does_not_answer_for_one_community():
    hits = [_hit("樊城区全区共有网格员326名。桂香苑社区今年新建驿站2个。", district="樊城区", title="樊城区网格")]
    assert not _ask("樊城区桂香苑社区有多少名网格员？", hits).found


def test_a_headline_is_never_the_answer_sentence():
    hits = [_hit("天桥区326名网格员上岗\n今年天桥区招聘网格员，分布在各社区。", title="天桥区326名网格员上岗")]
    assert not _ask("天桥区有多少名网格员？", hits).found


def test_one_citation_marker_per_passage_group_never_repeated_back_to_back():
    text = "全区建立非公企业党组织416个。非公企业党组织覆盖率64.7%。"
    ans = _ask("天桥区非公企业党组织建立了多少个？", [_hit(text)])
    assert ans.found and len(ans.citations) == 1
    assert "[1][1]" not in ans.text and ans.text.count("[1]") == 1


def test_asked_units():
    assert asked_units("有多少名网格员", "number") == "名|人|位"
    assert "%" in asked_units("覆盖率是多少", "number")
    assert "元" in asked_units("投入资金多少", "number")
    assert "平方米" in asked_units("面积多少", "number")
    assert asked_units("书记是谁", "person") is None


def test_question_types_focus_and_parts():
    part = analyze("樊城区鹿鸣街道桂香苑社区一共有多少名网格员？").parts[0]
    assert (part.answer_type, part.focus[0], part.places[-1]) == ("number", "网格员", "桂香苑社区")
    assert analyze("樊城区的区长是谁？").parts[0].answer_type == "person"
    assert analyze("白鹤岭村党委是哪一年成立的？").parts[0].focus[0] == "成立"
    assert analyze("鸢飞街道党群服务中心设了哪些功能区？").parts[0].answer_type == "list"
    assert analyze("关于鹿鸣街道“红色物业”的那篇报道是哪天见报的？").parts[0].article_fact == "date"
    assert analyze("报道椒江写字楼的记者是谁？").parts[0].article_fact == "reporter"
    two = analyze("石门坳村建了多少亩蔬菜大棚？油茶基地又有多少亩？").parts
    assert len(two) == 2 and two[1].units == "亩"
    both = analyze("崔家洼村和石门坳村分别有多少名党员？").parts
    assert [p.places for p in both] == [("崔家洼村",), ("石门坳村",)]


def _ask_strict(question, hits):
    # An operating point no candidate reaches on confidence alone (the rules' confidence is low
    # without the real model): only a structurally complete list passes it.
    return Answerer(IDF, AnswerParams(min_confidence=0.999)).answer(question, question, hits)


def test_a_list_announced_with_its_count_and_found_whole_is_answered():
    text = ("汉北产业园党建有一套办法。主要做法有三条：一是派驻党建工作指导员。指导员每周进园区。"
            "二是设立党员先锋岗。三是开展红色技能比武。园区企业反响很好。")
    ans = _ask_strict("汉北产业园党建的主要做法有哪三条？", [_hit(text, district="", title="汉北产业园党建")])
    assert ans.found and all(k in ans.text for k in ("指导员", "先锋岗", "技能比武"))
    text = "街道把经验总结为“三个一”。一是“一网统管”。二是“一格一清单”。三是“一事一回访”。"
    ans = _ask_strict("青溪街道网格党小组的“三个一”分别指什么？", [_hit(text, district="", title="青溪街道网格党小组")])
    assert ans.found and "一事一回访" in ans.text


def test_a_list_announced_but_not_found_whole_is_refused_below_the_operating_point():
    text = "汉北产业园党建有一套办法。主要做法有三条：一是派驻党建工作指导员。二是设立党员先锋岗。园区企业反响很好。"
    assert not _ask_strict("汉北产业园党建的主要做法有哪三条？", [_hit(text, district="", title="汉北产业园党建")]).found
    text = "街道把经验总结为“三个一”。一是“一网统管”。三是“一事一回访”。"
    assert not _ask_strict("青溪街道网格党小组的“三个一”分别指什么？", [_hit(text, district="", title="青溪街道网格党小组")]).found


def test_three_numbered_items_in_order_are_a_whole_list_without_a_count():
    text = "青溪街道组建热力哨兵。哨兵们的任务清清楚楚：一是定期测温；二是及时报修；三是宣传引导。居民很满意。"
    ans = _ask_strict("青溪街道的热力哨兵主要承担哪几项任务？", [_hit(text, district="", title="青溪街道热力哨兵")])
    assert ans.found and all(k in ans.text for k in ("定期测温", "及时报修", "宣传引导"))
    text = "白沙街道推进校地联建。一是结对共建。二是项目共建。三是人才共建。高校党员下沉社区。"
    ans = _ask_strict("白沙街道的校地联建从哪几个方面开展？", [_hit(text, district="", title="白沙街道校地联建")])
    assert ans.found and "人才共建" in ans.text


def test_two_numbered_items_or_a_gap_are_no_whole_list():
    text = "青溪街道组建热力哨兵。哨兵们的任务是：一是定期测温；二是及时报修。居民很满意。"
    assert not _ask_strict("青溪街道的热力哨兵主要承担哪几项任务？", [_hit(text, district="", title="青溪街道热力哨兵")]).found


def test_population_is_counted_in_people():
    # What a place has as its population is people (人, 万人, 口), whatever the question leaves unsaid.
    assert "万人" in asked_units("青溪街道的常住人口是多少？", "number")
    assert "家" not in asked_units("白石县户籍人口有多少？", "number")
    # A share of the population is a ratio; 人口密度 is no count of people.
    assert asked_units("老人占常住人口多少？", "number") == ""
    assert "人" not in asked_units("白石县人口密度是多少？", "number").split("|")


# (question, sentence, place of the passage, title, the figure that answers or None for a refusal):
# each rule with two invented stories, refused and answered.
FIGURE_OWNERS = [
    # a population is counted in people, not in organisations
    ("青溪街道的常住人口是多少？", "青溪街道登记在册的社会组织有86家，多数只有几名专职人员。", "青溪街道", "青溪街道社会组织", None),
    ("白石县的常住人口是多少？", "白石县加强基层治理。全县常住人口约42万人，其中农村人口26万人。", "白石县", "白石县基层治理", "42万人"),
    # a place named only in a list of places does not own the figure after the list
    ("青溪街道桂香社区的常住人口是多少？", "青溪街道辖桂香、柳岸、石桥3个社区，常住人口5.6万人。", "青溪街道", "青溪街道", None),
    ("白石县东岭村有多少名党员？", "白石县东岭村、西岭村共有党员132名，两村联合建立党委。", "白石县", "白石县联村党建", None),
    ("青溪街道桂香社区的常住人口是多少？", "青溪街道桂香社区常住人口1.2万人，党员386名。", "青溪街道", "青溪街道", "1.2万人"),
    ("白石县东岭村有多少名党员？", "白石县东岭村有党员72名，西岭村、南岭村共有党员95名。", "白石县", "白石县联村党建", "72名"),
    # an age that bounds who is counted must be written, in digits or Chinese numerals
    ("青溪街道去年新发展的党员中35岁以下的有多少名？", "青溪街道去年新发展党员12名，均为入党积极分子中的优秀骨干。", "青溪街道",
     "青溪街道党建", None),
    ("白石县柳湾村60岁以上的老人有多少人？", "白石县柳湾村有常住村民860人，村里建起了老年食堂。", "白石县", "柳湾村老年食堂", None),
    ("青溪街道去年新发展的党员中三十五岁以下的有多少名？", "青溪街道去年新发展党员12名，其中35岁以下的8名。", "青溪街道",
     "青溪街道党建", "8名"),
    ("白石县柳湾村80岁以上的老人吃一顿多少钱？", "白石县柳湾村老年食堂对80岁以上老人每餐收费5元。", "白石县", "柳湾村老年食堂", "5元"),
    # a daily average does not answer a total; a written-out one (端着一份) is no total either
    ("青溪街道的长者食堂去年一共供餐多少份？", "青溪街道4个长者食堂日均供餐860余份。", "青溪街道", "青溪街道长者食堂", None),
    ("白石县柳湾村助餐点全年一共送餐多少份？", "白石县柳湾村助餐点里，张大爷端着一份热腾腾的饺子。", "白石县", "柳湾村助餐点", None),
    ("白石县柳湾村一共选出了多少名楼长？", "白石县柳湾村几栋小楼合设一名楼长，全村共选出楼长46名。", "白石县", "柳湾村楼长", "46名"),
    ("青溪街道的长者食堂平均每天供餐多少份？", "青溪街道4个长者食堂日均供餐860余份。", "青溪街道", "青溪街道长者食堂", "860余份"),
    # 平均分 asks points, not a count of people; 多少分钟 asks minutes
    ("青溪街道党务知识测试的平均分是多少？", "青溪街道组织党务知识测试，126名党员参加。", "青溪街道", "青溪街道党务培训", None),
    ("白石县书记培训班结业考试的平均分是多少？", "白石县书记培训班结业考试平均分86.5分。", "白石县", "白石县书记培训", "86.5分"),
    # which places: a sentence that counts them (在3个社区试点) and names none does not say
    ("青溪街道试点的3个社区分别是哪几个？", "青溪街道在3个社区试点“物业+养老”服务，签约老人328名。", "青溪街道", "青溪街道物业", None),
    ("白石县除东岭村外，另外几个村叫什么？", "白石县已有5个村党支部领办了合作社。", "白石县", "白石县合作社", None),
    ("青溪街道试点的3个社区分别是哪几个？", "青溪街道在桂香、柳岸、石桥3个社区试点“物业+养老”服务。", "青溪街道", "青溪街道物业",
     "桂香、柳岸、石桥"),
]


@pytest.mark.parametrize(("question", "text", "district", "title", "figure"), FIGURE_OWNERS)
def test_a_figure_answers_only_for_what_and_whom_it_counts(question, text, district, title, figure):
    ans = _ask(question, [_hit(text, district=district, title=title)])
    if figure is None:
        assert not ans.found
    else:
        assert ans.found and figure in ans.text


def test_a_clause_asking_nothing_before_the_first_part_stays_with_it():
    # "除…外，另外几个…" is one question, not a part "除红柳泉村外？" and another.
    assert [p.text for p in analyze("白石县除东岭村外，领办合作社的另外几个村叫什么？").parts] == [
        "白石县除东岭村外，领办合作社的另外几个村叫什么？"]
    assert len(analyze("青溪街道除桂香社区外，其余5个食堂分别在哪些社区？").parts) == 1
    # a part asked in traditional script still asks (幾個)
    assert len(analyze("雲溪街道的老舊小區有幾個？街道給它們配了多少塊擋水板？").parts) == 2


def test_a_counted_name_is_answered_by_the_clauses_naming_its_things():
    # “三张清单” / “两个平台”: the announcing item is followed, clause by clause, by the things named.
    lists = _ask("青溪街道的“三张清单”是哪三张？", [_hit(
        "主要做法如下。一是建立“三张清单”，让供需对接更精准。社区每季度入户梳理需求清单；驻区单位列出资源清单；"
        "街道对接后形成项目清单。二是推行积分管理，让党员作用更可见。", district="青溪街道", title="青溪街道双报到")])
    assert all(k in lists.text for k in ("需求清单", "资源清单", "项目清单"))
    platforms = _ask("白石县的“两个平台”是哪两个？", [_hit(
        "白石县的做法有三条。一是搭建“两个平台”，让群众说事有门。各村开通线上议事平台；各乡镇设立线下协商平台。"
        "二是建强网格队伍。", district="白石县", title="白石县议事")])
    assert "线上议事平台" in platforms.text and "线下协商平台" in platforms.text


def test_kind_items_counts_only_different_things_of_the_counted_kind():
    from retrieval.answer.spans import kind_items
    assert kind_items("梳理需求清单；列出资源清单；把两张清单对接后形成项目清单。", "三张清单") == 3
    assert kind_items("把两张清单对接。", "三张清单") == 0
    assert kind_items("梳理需求清单；列出资源清单。", "清单") == 0  # no count: no kind named
