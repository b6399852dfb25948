"""Near misses of kind and class: a passage about another kind of the same family (社区 for 农村,
国有企业 for 外资企业) does not answer, and a figure that bounds a class (500平方米以上的有61个)
measures nothing (retrieval/answer/evidence.py, retrieval/answer/context.py,
partyqa/data/category_siblings.txt). Every passage is invented; real districts, invented streets."""

import pytest

from retrieval.answer.context import bound_miss, class_bound
from retrieval.answer.evidence import sibling_kind_miss
from retrieval.answer.extractive import fits
from retrieval.question import analyze
from tests.unit.candidates import candidates_for, span_in


def _part(question):
    return analyze(question).parts[0]


# ---------------------------------------------------------------------------------- sibling kinds
@pytest.mark.parametrize(("question", "passage"), [
    ("云港区农村党组织书记的平均年龄是多少？", "关于云港区社区党组织书记队伍建设的调研报告。书记平均年龄由52.6岁下降到44.3岁。"),
    ("白石县建立了多少个外资企业党组织？", "白石县在工业园区建立国有企业党组织36个，覆盖率100%。"),
    ("柳湾街道有多少名退休党员？", "柳湾街道组织在职党员到社区报到，已有1365名在职党员认领微心愿。"),
    # one meal asked, the others written (早、中、晚三餐 names no meal of its own)
    ("石桥社区食堂的晚餐几点开始供应？", "食堂每天供应早、中、晚三餐，早餐6:30开始，午餐11:00开始。"),
    ("青枫村老年食堂的午饭多少钱一份？", "老年食堂早饭每份3元，晚饭每份8元。"),
])
def test_a_passage_about_another_kind_of_the_family_does_not_answer(question, passage):
    assert sibling_kind_miss(_part(question), passage)


@pytest.mark.parametrize(("question", "passage"), [
    ("云港区社区党组织书记的平均年龄是多少？", "关于云港区社区党组织书记队伍建设的调研报告。书记平均年龄44.3岁。"),
    ("白石县农村党组织书记平均年龄多大？", "全县村党组织书记平均年龄45岁，社区书记平均41岁。"),  # 村党组织 is 农村's
    ("柳岸村党支部书记是谁？", "柳岸村推行社区化管理，村党支部书记张海峰带头。"),  # a village's name is no kind
    ("柳湾街道在职党员和退休党员各有多少名？", "柳湾街道有在职党员1365名。"),  # both kinds asked
    ("石桥社区食堂的晚餐几点开始供应？", "食堂早餐6:30开始，晚餐17:30开始。"),
    ("青枫村老年食堂的午饭多少钱一份？", "老年食堂每餐收费8元，午餐另加一份汤。"),  # 午餐 is 午饭
])
def test_the_asked_kind_written_or_no_kind_asked_keeps_the_passage(question, passage):
    assert not sibling_kind_miss(_part(question), passage)


def test_a_figure_of_another_kind_is_not_the_answer():
    text = "白石县在工业园区建立国有企业党组织36个，覆盖率100%。"
    assert not any(fits(c) for c in candidates_for("白石县建立了多少个外资企业党组织？", text))
    assert any(fits(c) for c in candidates_for("白石县建立了多少个国有企业党组织？", text))


# ---------------------------------------------------------------------------------- class bounds
@pytest.mark.parametrize(("question", "sentence", "figure"), [
    ("青杉社区党群服务中心的面积有多大？", "73个中心中，面积达到500平方米以上的有61个。", "500平方米"),
    ("柳岸村老人有多少？", "柳岸村60岁以上的老人占38%。", "60岁"),
])
def test_a_figure_that_bounds_a_class_measures_nothing(question, sentence, figure):
    assert class_bound(_part(question), sentence, span_in(sentence, figure))


@pytest.mark.parametrize(("question", "sentence", "figure"), [
    ("面积500平方米以上的中心有几个？", "73个中心中，面积达到500平方米以上的有61个。", "500平方米"),  # the question writes it
    ("青杉社区党群服务中心的面积有多大？", "青杉社区党群服务中心面积达到800平方米。", "800平方米"),
    ("柳岸村每天开放多长时间？", "柳岸村党群服务中心每天开放10小时以上。", "10小时"),  # 以上 without 的: a measure
])
def test_a_figure_that_measures_or_is_asked_is_no_bound(question, sentence, figure):
    assert not class_bound(_part(question), sentence, span_in(sentence, figure))


# ------------------------------------------------------------------------ a bound asked for
@pytest.mark.parametrize(("question", "sentence", "figure", "miss"), [
    # the bound is what is asked: the figure written as one answers, a plain figure does not
    ("白石县农村党员年度积分达到多少分以上可以评为“五星党员”？", "年度积分在90分以上的评为“五星党员”。", "90分", False),
    ("白石县农村党员年度积分达到多少分以上可以评为“五星党员”？", "先锋分40分，主要看党员在志愿服务中的表现。", "40分", True),
    ("青溪街道多少岁以下的社区工作者可以报名参加“青年书记”培养？", "街道规定35岁以下的社区工作者均可报名。", "35岁", False),
    ("青溪街道多少岁以下的社区工作者可以报名参加“青年书记”培养？", "去年共有28岁的刘敏等12人报名。", "28岁", True),
    ("青溪街道多少岁以下的社区工作者可以报名参加“青年书记”培养？", "报名者年龄不超过35岁。", "35岁", False),
])
def test_a_bound_asked_is_answered_only_by_a_bound(question, sentence, figure, miss):
    part = _part(question)
    span = span_in(sentence, figure)
    assert bound_miss(part, sentence, span) is miss
    assert not class_bound(part, sentence, span)  # the bound is what is asked


def test_an_organisation_above_a_scale_is_no_bound_asked():
    # 规模以上 names which enterprises are counted; 多少家 asks how many
    part = _part("桂湾镇有多少家规模以上五金企业？")
    sentence = "全镇共有规模以上五金企业126家。"
    assert not bound_miss(part, sentence, span_in(sentence, "126家"))


# ------------------------------------------------------------------------ units below a community
NANMU = ("楠溪社区是竹林街道院落最多的社区，共有院落12个、居民2860户。"
         "纺机宿舍院落有居民56户、党员9名，去年新划停车位18个。")
HEXI = "河西村有村民小组8个、农户640户。上坪村民小组有农户72户，今年新修机耕道3公里。"


@pytest.mark.parametrize(("question", "text", "unit_figure"), [
    ("楠溪社区一共有多少名党员？", NANMU, "9名"),
    ("河西村一共有多少户农户？", HEXI, "72户"),
])
def test_a_named_unit_below_the_asked_place_owns_its_figure(question, text, unit_figure):
    assert not any(fits(c) for c in candidates_for(question, text) if c.span and c.span.text == unit_figure)


@pytest.mark.parametrize(("question", "text", "figure"), [
    ("纺机宿舍院落有多少名党员？", NANMU, "9名"),  # the unit itself asked
    ("楠溪社区一共有多少户居民？", NANMU, "2860户"),  # the community's own total
    ("河西村一共有多少户农户？", HEXI, "640户"),
])
def test_the_asked_unit_or_the_places_own_total_answers(question, text, figure):
    assert any(fits(c) for c in candidates_for(question, text) if c.span and c.span.text == figure)


def test_every_unit_together_is_the_wholes_figure():
    text = "今年1至10月，全街道微网格共上报各类事项4218件，其中在网格内就地解决3650件。"
    cands = candidates_for("峡江街道各个小网格报上来的事一共有多少件？", "峡江街道推行微网格治理。" + text)
    assert any(fits(c) for c in cands if c.span and c.span.text == "4218件")


# --------------------------------------------------- the name of one kind of organisation asked
@pytest.mark.parametrize(("question", "text", "name"), [
    ("柳塘社区的物业公司叫什么名字？", "2022年，柳塘社区引进南州安居物业服务有限公司，小区有了专业物业。", "南州安居物业服务有限公司"),
    ("白沙村领办的合作社全称是什么？", "村党支部领办成立白沙村生态茶叶专业合作社，党员带头入社。", "白沙村生态茶叶专业合作社"),
])
def test_the_name_of_the_asked_kind_of_organisation_answers(question, text, name):
    fitting = [c for c in candidates_for(question, text) if fits(c) and c.span]
    assert fitting and fitting[0].span.text.endswith(name)


@pytest.mark.parametrize(("question", "text"), [
    ("柳塘社区的物业公司叫什么名字？", "小区重大事项须经柳塘社区党委、业委会、物业企业三方联席会议商议。"),
    ("白沙村领办的合作社全称是什么？", "白沙村党支部书记带头，村党总支下设3个党支部。"),
])
def test_another_kind_of_organisation_does_not_answer(question, text):
    assert not [c for c in candidates_for(question, text) if fits(c) and c.span]


# ----------------------------------------------------------- another post of the same title
@pytest.mark.parametrize(("question", "text"), [
    ("柳湾村的第一书记叫什么名字？", "2021年，柳湾村党支部领办合作社，村党支部书记葛长林兼任理事长。"),
    ("白沙村党支部书记是谁？", "区农业农村局派驻白沙村的第一书记冯晓川帮着跑市场。"),
])
def test_a_first_secretary_and_a_branch_secretary_are_two_posts(question, text):
    assert not [c for c in candidates_for(question, text) if fits(c) and c.span]


@pytest.mark.parametrize(("question", "text", "name"), [
    ("柳湾村的第一书记叫什么名字？", "区农业农村局派驻柳湾村的第一书记冯晓川帮着跑市场。", "冯晓川"),
    ("白沙村党支部书记是谁？", "2021年，白沙村党支部领办合作社，村党支部书记葛长林兼任理事长。", "葛长林"),
    ("柳湾村的驻村第一书记是谁？", "2021年9月，县农业农村局干部冯晓川到柳湾村担任驻村第一书记。", "冯晓川"),  # 干部 is no post of 书记's
])
def test_the_asked_post_names_its_holder(question, text, name):
    fitting = [c for c in candidates_for(question, text) if fits(c) and c.span]
    assert fitting and fitting[0].span.text == name


# ---------------------------------------------------------------- another kind of people counted
@pytest.mark.parametrize(("question", "text"), [
    ("柳岸社区一共有多少名党员？", "柳岸社区是老旧小区，共有楼栋48栋，居民2860户，其中60岁以上老人1130人。"),
    ("白沙村有多少名志愿者？", "白沙村合作社吸纳村民就业，其中留守妇女46名。"),
    # workers of a trade (从业人员) are not its party members
    ("南州区快递行业有多少名党员？", "南州区共有快递网点210个，从业人员约6400人。"),
    ("青溪街道的网约车司机党员有多少名？", "街道辖区新就业群体从业人员约1.2万人，其中网约车平台3家。"),
])
def test_a_figure_of_another_kind_of_people_does_not_answer(question, text):
    assert not [c for c in candidates_for(question, text) if fits(c) and c.span]


@pytest.mark.parametrize(("question", "text", "figure"), [
    ("柳岸社区有多少名党员？", "半年来，柳岸社区注册志愿者增加到538名，其中党员196名。", "196名"),
    ("白沙村有多少户村民？", "白沙村合作社带动农户430余户，户均增收3200元。", "430余户"),  # 农户 and 村民: one kind
    ("柳岸区的网格员里面有多少是党员？", "柳岸区共有网格员1200名，其中党员680名。", "680名"),
    ("白沙街道一共请了多少位党员来当楼长？", "白沙街道从退休党员中选聘党员楼长214名。", "214名"),  # 党员楼长 are 党员
    ("南州区快递行业有多少从业人员？", "南州区共有快递网点210个，从业人员约6400人。", "6400人"),
])
def test_the_asked_kind_of_people_answers(question, text, figure):
    fitting = [c for c in candidates_for(question, text) if fits(c) and c.span]
    assert fitting and fitting[0].span.text == figure


# ------------------------------------------------ a figure asked of an organisation the text does not name
def _org_cands(question, text, title="梭溪街道党建联盟为企业牵线搭桥"):
    from partyqa.records import Hit
    from retrieval.answer.evidence import Weights, score_candidates
    part = analyze(question).parts[0]
    hit = Hit(chunk_id="c1", doc_id="d1", title=title, publisher="南州日报", date="2024-05-01", section="",
              text=text, score=1.0, start=0, end=len(text), district="", source="d1.txt")
    return score_candidates(part, question, [hit], Weights({}), 6, article_text=lambda _doc: text)


@pytest.mark.parametrize("question", ["锦纶布业公司有多少名党员？", "昱衡汽车部件有限公司一共有多少名党员？"])
def test_a_figure_of_a_sentence_far_from_the_asked_company_is_not_its_own(question):
    text = ("梭溪街道联盟吸纳锦纶布业公司、昱衡汽车部件有限公司等企业。" + "联盟每月召开一次联席会议，研究企业用工、融资和技术难题。" * 8
            + "街道还从联盟企业中选出37名党员技术骨干，组成服务队。")
    assert not [c for c in _org_cands(question, text) if fits(c) and c.span]


@pytest.mark.parametrize(("question", "title"), [
    ("锦纶布业公司有多少名党员？", "梭溪街道党建联盟为企业牵线搭桥"),  # the sentence names the company
    ("昱衡汽车部件有限公司一共有多少名党员？", "昱衡汽车部件有限公司：党员先锋岗亮在一线"),  # the article is about it
])
def test_the_asked_company_named_near_the_figure_or_by_the_title_owns_it(question, title):
    text = "锦纶布业公司党支部有党员37名。" if "锦纶" in question else "公司党委下设3个党支部，有党员37名。"
    fitting = [c for c in _org_cands(question, text, title) if fits(c) and c.span]
    assert fitting and fitting[0].span.text == "37名"


def test_the_next_item_of_a_bulletin_does_not_belong_to_the_company_of_the_item_before():
    text = ("一、梭溪街道：党建联盟牵线搭桥\n联盟成员单位锦纶布业公司党支部书记孙佳蕊介绍了经验。\n"
            "二、织港街道：红色物业进小区\n街道推动物业企业成立党支部5个，选聘党员楼道长98名。")
    assert not [c for c in _org_cands("锦纶布业公司有多少名党员？", text, "党建工作简报 第9期") if fits(c) and c.span]
