"""Evidence that fits the question (retrieval/answer/evidence.py), and the extractive
answerer's choice of sentence end to end on hand-made hits (no embedding model, no index).

All articles are invented. Each rule is checked on two unrelated stories with a positive and
a negative case: the grid service of 青溪街道 (云港区, 南州市) and the villages and party
members of 白石县 (柳塘村, 清河镇); a few rules use a third story (白石县's industry chains).
"""

from __future__ import annotations

import pytest

from partyqa.records import Hit
from partyqa.text.normalize import normalize
from retrieval.answer import context as ctx
from retrieval.answer import evidence as ev
from retrieval.answer import spans as sp
from retrieval.answer.extractive import Answerer, AnswerParams, listing_first
from retrieval.question import analyze, names_no_subject
from tests.unit.candidates import candidates_for


def _part(question):
    return analyze(question).parts[0]


def _hit(text, district="", title="本地新闻", date="2023-06-01", section="", n=1, doc="d1"):
    return Hit(chunk_id=f"c{n}", doc_id=doc, title=title, publisher="南州日报", date=date, section=section,
               text=text, score=1.0, start=0, end=len(text), district=district, source=f"{doc}.txt")


def _candidate(part, text, sentence):
    """The candidate for ``sentence`` of the passage ``text`` with its typed span, as scoring sets it."""
    start = text.index(sentence)
    cand = ev.Candidate(0, start, start + len(sentence), sentence)
    cand.typed, cand.span, _ = ev.typed_span(part, sentence)
    return cand


def _span(question, sentence):
    part = _part(question)
    return part, ev.typed_span(part, sentence)[1]


def _ask(question, hits):
    # The rules alone decide: no embedding model, no calibrated threshold.
    return Answerer({}, AnswerParams(min_confidence=0.0)).answer(question, question, hits)


def _answer_span(citation):
    return citation.text[citation.answer_start:citation.answer_end] if citation.answer_start >= 0 else None


# ---------------------------------------------------------------- typed_span


@pytest.mark.parametrize(("question", "sentence", "span"), [
    ("青溪街道一共有多少名网格员？", "全街道共有网格员126名。", "126名"),
    ("青溪街道网格员覆盖率是多少？", "网格员覆盖率达到98.5%。", "98.5%"),
    ("柳塘村党员活动室面积有多大？", "柳塘村党员活动室面积达200平方米。", "200平方米"),
    ("白石县党委书记是谁？", "县委书记刘振华主持会议。", "刘振华"),
    ("柳塘村的驻村第一书记是谁？", "驻村第一书记赵立新带来了项目。", "赵立新"),
    ("柳塘村党支部成立于哪一年？", "柳塘村党支部成立于1952年。", "1952年"),
    ("桂花社区的驿站由哪个单位运营？", "驿站由云港区慈善协会负责运营。", "云港区慈善协会"),
    ("这项培训由哪个部门牵头？", "培训由白石县委组织部牵头。", "白石县委组织部"),
    ("青溪街道的党工委书记是谁？", "街道党工委书记林海涛主持会议。", "林海涛"),
    ("青山集团的党委书记是谁？", "集团党委书记、董事长谭立新说。", "谭立新"),  # roles joined by 、
    ("青山集团党委的书记是谁？", "集团党委书记李明远说。", "李明远"),  # the same body, read across 的
    # a year asked: the figure of the clause naming it, among figures of several years
    ("石门村2023年村集体经济收入是多少？", "收入一年一个台阶：2021年8.6万元，2022年31.5万元，2023年达到63.2万元。",
     "63.2万元"),
    ("白石县2022年发展了多少名党员？", "全县2021年发展党员120名，2022年发展党员135名。", "135名"),
    ("白石县2022年发展了多少名党员？", "全县发展党员135名，比上年增加15名。", "135名"),  # no clause names it
    # two figures as near the asked thing: the one written right next to it, not the count of places
    ("枫林街道成立了多少个退休党员党支部？", "街道在7个社区成立退休党员党支部24个，每个支部配1名书记。", "24个"),
    ("青溪镇建了多少个党员驿站？", "全镇在12个村建成党员驿站15个。", "15个"),
    # a year asked where one clause runs from one year's figure to another's: the figure after the asked year
    ("青溪街道2023年建成了多少个网格驿站？", "网格驿站从2021年的14个增加到2023年的37个。", "37个"),
    ("柳塘村2024年的合作社入社率是多少？", "入社率由2022年的46%提高到2024年的82%。", "82%"),
    ("柳塘村2022年的合作社入社率是多少？", "入社率由2022年的46%提高到2024年的82%。", "46%"),
    # how often: 每季度 answers a question that asks 多长时间…一次
    ("青溪街道多长时间召开一次网格联席会？", "街道每季度召开一次网格联席会。", "每季度"),
    ("柳塘村党员多久走访一次独居老人？", "柳塘村党员每两周走访一次独居老人。", "每两周"),
])
def test_typed_span_finds_the_answer_of_the_asked_type(question, sentence, span):
    typed, found, _ = ev.typed_span(_part(question), sentence)
    assert typed is True and found.text == span


@pytest.mark.parametrize(("question", "sentence"), [
    ("青溪街道一共有多少名网格员？", "街道建成驿站8个。"),  # a number, but not of people
    ("青溪街道网格员覆盖率是多少？", "街道共有网格员126名。"),  # a count, not a rate
    ("白石县党委书记是谁？", "县长刘振华主持会议。"),  # a person in another role
    ("桂花社区党委书记是谁？", "社区居委会主任陈丽娟主持会议。"),
    ("柳塘村党支部成立于哪一年？", "柳塘村党支部有党员30名。"),
    ("桂花社区的驿站由哪个单位运营？", "驿站运营情况良好。"),
    ("这项培训由哪个部门牵头？", "培训已经连续开展了三年。"),
    # the role held in another body: 联合党委书记 is not the 党工委书记, 党总支 not the 党支部
    ("青溪街道的党工委书记是谁？", "由街道党工委副书记唐海峰兼任商圈联合党委书记。"),
    ("石门村党支部书记是谁？", "石门村党总支书记李强介绍了做法。"),
    ("南州区纺织产业链党委的书记是谁？", "镇党委副书记、园区综合党委书记陈永豪说。"),
    ("柳湾村党支部的书记是谁？", "柳湾村党总支书记周海涛介绍了做法。"),  # 的 between body and role, second story
    # 联村党委, 产业链党委: a body of its own, not the town's or the county's 党委
    ("清河镇党委书记是谁？", "由镇党委副书记张立兼任联村党委书记。"),
    ("白石县党委书记是谁？", "县委组织部副部长刘军兼任产业链党委书记。"),
    # a bare role taken on (兼任书记) is the post of the body the clause is about
    ("桂花社区党委书记是谁？", "大厦联合党委由物业公司党支部书记邵明远兼任书记。"),
    ("清河镇党委书记是谁？", "片区党委由镇党委副书记张立兼任书记，统筹6个村。"),
    # a length of time asked (要等多少天): 每季度 says how often, not how long
    ("青溪街道小区申请维修资金现在要等多少天？", "维修资金的使用情况每季度在小区公示栏公开。"),
    ("柳塘村村民办证现在要跑几天？", "村党支部每两周召开一次党员大会。"),
])
def test_typed_span_nothing_of_the_asked_type(question, sentence):
    assert ev.typed_span(_part(question), sentence) == (False, None, 0.0)


@pytest.mark.parametrize(("question", "sentence", "typed"), [
    ("青溪街道的网格总站在哪个社区？", "网格总站设在桂花社区。", True),
    ("青溪街道的网格总站在哪个社区？", "网格总站全天开放。", False),
    ("白石县的党员服务站在哪个镇？", "党员服务站设在清河镇。", True),
    ("白石县的党员服务站在哪个镇？", "党员服务站每天开放。", False),
])
def test_typed_span_place_is_another_place_than_the_asked_one(question, sentence, typed):
    assert ev.typed_span(_part(question), sentence)[0] is typed


@pytest.mark.parametrize(("question", "sentence", "typed"), [
    ("青溪街道党群服务中心设置了哪些功能区？", "中心设置了党员活动室、图书阅览室、便民服务大厅等功能区。", True),
    ("青溪街道党群服务中心设置了哪些功能区？", "中心面积1200平方米。", False),
    ("柳塘村发展了哪些特色产业？", "柳塘村发展了蔬菜、水果、中药材等特色产业。", True),
    ("柳塘村发展了哪些特色产业？", "柳塘村特色产业蓬勃发展。", False),
    ("柳塘村党总支采取了哪些举措？", "一是壮大集体经济。", True),  # an item on its own
    ("柳塘村党总支采取了哪些举措？", "柳塘村党总支主要采取了四项举措。", True),  # it announces the items
])
def test_typed_span_list_needs_items(question, sentence, typed):
    assert ev.typed_span(_part(question), sentence)[0] is typed


@pytest.mark.parametrize("question", ["青溪街道为什么要建网格驿站？", "柳塘村是怎样壮大集体经济的？"])
def test_typed_span_open_questions_take_any_sentence(question):
    assert ev.typed_span(_part(question), "网格驿站方便群众就近办事。") == (True, None, 1.0)


# ---------------------------------------------------------------- per_unit


@pytest.mark.parametrize(("question", "sentence", "expected"), [
    ("青溪街道一共有多少名网格员？", "每个驿站配备2名网格员。", True),
    ("青溪街道一共有多少名网格员？", "全街道共有网格员126名。", False),
    ("白石县共有多少名党员？", "全县平均每个村有党员35名。", True),
    ("白石县共有多少名党员？", "全县共有党员4200名。", False),
    # one item's value is no total spent
    ("青溪街道给老人发暖心包一共花了多少钱？", "街道还为独居老人送去价值200元的暖心包。", True),
    ("白石县为新党员赠送学习礼包一共花了多少钱？", "县委组织部为每名新党员赠送单价85元的学习礼包。", True),
    ("青溪街道给老人发暖心包一共花了多少钱？", "街道为老人送去总价值12万元的暖心包。", False),
    # each machine's cost (每部, 每台) is no total
    ("柳岸小区装好的9部电梯一共花了多少钱？", "每部电梯总造价约72万元，由政府和居民共同承担。", True),
    ("白石县给村卫生室配的40台体检仪一共花了多少钱？", "每台体检仪采购价1.8万元，由县财政承担。", True),
    ("柳岸小区装好的9部电梯一共花了多少钱？", "9部电梯总造价约650万元，由政府和居民共同承担。", False),
    # a price per hour or per time before the figure (每小时0.25元, 住一晚要280元) is no total spent
    ("车岭社区两处充电车棚总共花了多少钱？", "充电费用为每小时0.25元，由物业统一收取。", True),
    ("车岭社区两处充电车棚总共花了多少钱？", "居民充满一次约1元，比在家充电还便宜。", True),
    ("石溪村民宿接待游客一共收入多少钱？", "旺季住一晚要280元，淡季打八折。", True),
    ("车岭社区两处充电车棚总共花了多少钱？", "两处车棚共投入资金18.6万元，其中街道补助10万元。", False),
    ("石溪村民宿接待游客一共收入多少钱？", "全村民宿去年一共收入360万元。", False),
])
def test_per_unit_figure_does_not_answer_a_total(question, sentence, expected):
    part, span = _span(question, sentence)
    assert ctx.per_unit(part, sentence, span) is expected


@pytest.mark.parametrize(("question", "sentence", "figure", "expected"), [
    # a figure per grid or per household asked: a sentence writing no share before its figure counts all
    ("丰岭社区每个网格有多少名兼职网格员？", "配备专职网格员14名，选聘楼栋长等兼职网格员58名。", "58名", True),
    ("丰岭社区每个网格有多少名兼职网格员？", "每个网格建立党小组，配备专职网格员1名、兼职网格员3至5名。", "5名", False),
    ("石溪村入股农户每户能分红多少钱？", "去年合作社向入股农户分红36万元。", "36万元", True),
    ("石溪村入股农户每户能分红多少钱？", "去年合作社分红36万元，户均分红1200元。", "1200元", False),
    ("石溪村入股农户每户能分红多少钱？", "合作社给入股农户各分红1200元。", "1200元", False),
    # each holding one, a total asked: 一共 asks them all
    ("枕溪街道每人包一条巷子的党员一共有几位？", "42名党员巷长分别认领辖区42条小巷。", "42名", False),
])
def test_a_figure_per_thing_asked_is_not_answered_by_a_total(question, sentence, figure, expected):
    part = _part(question)
    span = next(s for s in sp.number_spans(sentence) if s.text == figure)
    assert ctx.total_for_per_unit(part, sentence, span) is expected


@pytest.mark.parametrize(("question", "sentence"), [
    ("青溪街道每个驿站配备几名网格员？", "每个驿站配备2名网格员。"),
    ("白石县平均每个村有多少名党员？", "全县平均每个村有党员35名。"),
])
def test_per_unit_is_no_mismatch_when_no_total_is_asked(question, sentence):
    part, span = _span(question, sentence)
    assert ctx.per_unit(part, sentence, span) is False


# ---------------------------------------------------------------- plan / period / batch / time


@pytest.mark.parametrize(("question", "sentence", "expected"), [
    ("白石县已经建成多少个驿站？", "白石县计划新建驿站20个。", 1.0),
    ("白石县已经建成多少个驿站？", "白石县已建成驿站12个。", 0.0),
    ("青溪街道已经招募了多少名网格员？", "街道拟招募网格员50名。", 1.0),
    ("青溪街道已经招募了多少名网格员？", "街道已招募网格员126名。", 0.0),
    ("青溪街道计划招募多少名网格员？", "街道共有网格员126名。", 1.0),  # a plan asked, a fact written
    ("青溪街道计划招募多少名网格员？", "街道计划再招募网格员50名。", 0.0),
])
def test_plan_mismatch(question, sentence, expected):
    assert ctx.plan_mismatch(question, sentence) == expected


@pytest.mark.parametrize(("question", "text", "date"), [
    ("青溪社区的帮办队是什么时候成立的？",
     "下一步，街道计划在今年底前把帮办队推广到其余5个社区。2022年3月，青溪社区党委发动9名党员成立了帮办队。", "2022年3月"),
    ("白石县的党员驿站是哪一年建成的？",
     "白石县力争2025年6月前把党员驿站建到每个镇。党员驿站于2019年10月建成，面积120平方米。", "2019年10月"),
])
def test_a_when_question_about_what_happened_is_not_answered_by_a_plan(question, text, date):
    part = _part(question)
    assert ctx.asks_past_event(part)
    plan, done = (s + "。" for s in text.split("。")[:2])
    hit = _hit(text, date="2024-03-18")
    cands = ev.score_candidates(part, question, [hit], ev.Weights({}), 6, article_text=lambda _doc: text)
    assert ev.typed_span(part, plan)[0]  # the plan carries a date…
    assert not next(c for c in cands if c.text == plan).typed  # …that does not answer
    assert next(c for c in cands if c.text == done).span.text == date


def test_a_when_question_about_a_plan_is_not_a_past_event():
    assert not ctx.asks_past_event(_part("青溪社区计划什么时候推广帮办队？"))
    assert not ctx.asks_past_event(_part("白石县的党员驿站打算哪一年建成？"))


@pytest.mark.parametrize(("question", "sentence", "expected"), [
    ("青溪街道全年开展了多少场活动？", "上半年共开展活动36场。", True),
    ("青溪街道全年开展了多少场活动？", "全年共开展活动80场。", False),
    ("青溪街道一年开展了多少场活动？", "全年共开展活动80场。", False),  # 一年 means 全年
    ("白石县一季度发展了多少名党员？", "1至6月，全县发展党员120名。", True),
    ("白石县一季度发展了多少名党员？", "一季度，全县发展党员45名。", False),
    ("白石县一季度发展了多少名党员？", "全县发展党员45名。", False),  # no period written
    # one period, written another way: 1到8月 = 1-8月 = 前8个月 = 一至八月, 上半年 = 1至6月
    ("荷花区今年1到8月新建了几个党组织？", "今年1-8月共新建党组织22个。", False),
    ("荷花区今年1到8月新建了几个党组织？", "1至6月共新建党组织15个。", True),
    ("青溪街道前8个月办结了多少件诉求？", "一至八月，街道办结诉求1320件。", False),
    ("青溪街道上半年办结了多少件诉求？", "1至6月，街道办结诉求860件。", False),
    ("青溪街道上半年办结了多少件诉求？", "前8个月，街道办结诉求1320件。", True),
    # 头十个月 is 前10个月; a period after 每 is how often, no period of the figure
    ("今年头十个月，青溪街道的党员志愿者服务了多少小时？", "今年1至10月，党员志愿服务3.8万小时。", False),
    ("今年头十个月，青溪街道的党员志愿者服务了多少小时？", "今年1至6月，党员志愿服务2.1万小时。", True),
    ("白石县要求在职党员一年里最少去社区服务几回？", "要求在职党员每年服务不少于4次，结果每半年反馈一次。", False),
    ("白石县要求在职党员一年里最少去社区服务几回？", "上半年，在职党员平均服务2次。", True),
])
def test_period_mismatch(question, sentence, expected):
    assert ctx.period_mismatch(_part(question), sentence) is expected


@pytest.mark.parametrize(("question", "sentence", "figure", "other"), [
    # the asked period written beside a span of years: each figure is of the last period before it
    ("雪岭社区调解室今年1至10月受理了多少件纠纷？",
     "五年来，调解室累计受理纠纷627件，成功化解609件，其中今年1至10月受理117件。", "117件", "627件"),
    ("柳塘村合作社上半年分红多少万元？", "近三年，合作社累计分红86万元，今年1至6月分红21万元。", "21万元", "86万元"),
])
def test_the_figure_of_the_asked_period_is_picked_beside_a_span_of_years(question, sentence, figure, other):
    part = _part(question)
    _, span, _ = ev.typed_span(part, sentence)
    assert span is not None and span.text == figure
    assert not ctx.period_mismatch(part, sentence, span)
    assert ctx.period_mismatch(part, sentence, next(s for s in sp.number_spans(sentence) if s.text == other))


@pytest.mark.parametrize(("question", "sentence"), [
    # 一年来 is the year asked (全年), no span of years; a year alone dates, it is no period
    ("榕荫商圈调解室这一年来一共调解了多少起纠纷？", "一年来，商圈调解室共调解各类纠纷138起，调解成功率97.1%。"),
    ("白石县2023年全年发展了多少名党员？", "2023年，全县全年发展党员45名。"),
])
def test_one_year_or_a_year_alone_is_no_other_period_of_the_figure(question, sentence):
    part = _part(question)
    _, span, _ = ev.typed_span(part, sentence)
    assert span is not None and not ctx.period_mismatch(part, sentence, span)


@pytest.mark.parametrize(("question", "sentence", "expected"), [
    ("第二批网格示范点有多少个？", "首批网格示范点共10个。", True),
    ("第二批网格示范点有多少个？", "第二批网格示范点共15个。", False),
    ("第二批网格示范点有多少个？", "网格示范点共25个。", False),
    ("柳塘村第三届村民议事会有多少名成员？", "第二届村民议事会有成员15名。", True),
    ("柳塘村第三届村民议事会有多少名成员？", "第三届村民议事会有成员17名，比第二届多2名。", False),
    ("柳塘村第三届村民议事会有多少名成员？", "第二期培训班有学员50名。", False),  # another kind (期, not 届)
])
def test_batch_mismatch(question, sentence, expected):
    assert ctx.batch_mismatch(_part(question), sentence) is expected


@pytest.mark.parametrize(("question", "sentence"), [
    ("首批网格示范点有多少个？", "第一批网格示范点共10个。"),
    ("柳塘村第一批入党积极分子有多少名？", "首批入党积极分子共8名。"),
])
def test_batch_mismatch_first_batch_written_two_ways(question, sentence):
    assert ctx.batch_mismatch(_part(question), sentence) is False


@pytest.mark.parametrize(("question", "date", "sentence", "expected"), [
    ("柳塘村刚成立时有多少名党员？", "2023-01-01", "目前有党员52名。", True),
    ("柳塘村刚成立时有多少名党员？", "2023-01-01", "成立时有党员7名，目前有党员52名。", False),
    ("柳塘村有多少名党员？", "2023-01-01", "目前有党员52名。", False),
    ("青溪街道网格驿站最初有多少名志愿者？", "2023-01-01", "现在驿站有志愿者260名。", True),
    ("青溪街道网格驿站最初有多少名志愿者？", "2023-01-01", "驿站最初只有志愿者12名。", False),
    ("2021年白石县发展了多少名党员？", "2023-05-01", "目前全县发展党员300名。", True),
    ("2021年白石县发展了多少名党员？", "2021-05-01", "目前全县发展党员300名。", False),  # the article is of 2021
])
def test_time_mismatch(question, date, sentence, expected):
    assert ctx.time_mismatch(_part(question), _hit("x", date=date), sentence) is expected


# ---------------------------------------------------------------- subject / unit / attachment / modifier


@pytest.mark.parametrize(("question", "sentence", "expected"), [
    ("白石县电子信息产业链上有企业多少家？", "汽车零部件产业链有企业36家。", 0.5),
    ("白石县电子信息产业链上有企业多少家？", "电子信息产业链有企业52家。", 0.0),
    ("柳塘村蔬菜合作社有社员多少户？", "柳塘村水果合作社有社员40户。", 0.5),
    ("柳塘村蔬菜合作社有社员多少户？", "柳塘村蔬菜合作社有社员65户。", 0.0),
])
def test_subject_miss_another_thing_of_the_same_kind(question, sentence, expected):
    assert ev.subject_miss(_part(question), sentence) == expected


@pytest.mark.parametrize(("question", "sentence", "expected"), [
    ("白石县有多少家非公企业党组织？", "全县建立非公企业党组织45家。", 1.0),
    ("白石县有多少家非公企业党组织？", "全县建立非公企业党组织45个。", 0.0),  # 个 answers 家, but not exactly
    ("柳塘村有多少户脱贫户？", "柳塘村有脱贫户46户。", 1.0),
    ("柳塘村有多少户脱贫户？", "柳塘村有脱贫户46家。", 0.0),
])
def test_unit_exact(question, sentence, expected):
    part, span = _span(question, sentence)
    assert ev.unit_exact(part, span) == expected


def test_unit_exact_without_a_span_is_zero():
    assert ev.unit_exact(_part("柳塘村有多少户脱贫户？"), None) == 0.0


@pytest.mark.parametrize(("question", "sentence", "expected"), [
    ("白石县产业园入驻了多少家企业？", "白石县产业园入驻企业146家。", 1.0),
    ("青溪街道有多少名网格员？", "青溪街道126名网格员活跃在一线。", 1.0),
    ("青溪街道有多少名网格员？", "青溪街道建成驿站12个，在这些驿站中工作的各类人员共有126名。", 0.0),
    ("柳塘村有多少名党员？", "柳塘村现有党员52名，其中女党员11名。", 1.0),
    ("柳塘村有多少名党员？", "柳塘村召开会议，参加会议的村民代表和各村民小组组长共计52名。", 0.0),
])
def test_attached_asked_thing_next_to_the_figure(question, sentence, expected):
    part, span = _span(question, sentence)
    assert ev.attached(part, sentence, span) == expected


@pytest.mark.parametrize(("question", "sentence", "expected"), [
    ("青溪街道有多少个微网格？", "全街道划分网格36个。", 1.0),
    ("青溪街道有多少个微网格？", "全街道划分微网格210个。", 0.0),
    ("白石县有多少个外资企业党组织？", "全县共有企业党组织120个。", 1.0),
    ("白石县有多少个外资企业党组织？", "全县共有外资企业党组织8个。", 0.0),
])
def test_modifier_miss_head_noun_without_its_modifier(question, sentence, expected):
    assert ev.modifier_miss(_part(question), sentence) == expected


@pytest.mark.parametrize(("question", "sentence", "title", "miss"), [
    # the head counted, the word narrowing it missing: another thing of the kind
    ("青溪街道有多少个微网格？", "全街道划分网格36个，配备网格员40名。", "", True),
    ("青溪街道有多少个微网格？", "全街道在36个网格下划分微网格210个。", "", False),
    ("白石县有多少家外资企业？", "全县现有企业326家，其中规模以上企业88家。", "", True),
    ("白石县有多少家外资企业？", "全县现有企业326家，其中外资企业12家。", "", False),
    ("桃源街道的“五星党员户”已经评出来几户了？", "街道共有党员户420户。", "", True),
    ("桃源街道的“五星党员户”已经评出来几户了？", "街道首批评出五星党员户36户。", "", False),
    # a word the article's title writes is its subject, not a narrowing
    ("清河药业党员攻关项目有多少项？", "全公司党员攻关项目由26项增加到37项。", "清河药业：党员攻关一年节约成本300万元", False),
    ("清河药业党员攻关项目有多少项？", "全公司党员攻关项目由26项增加到37项。", "本地新闻", True),
    # a synonym is the same word (规上 = 规模以上); the head absent: no judgement here
    ("白石县有多少家规上企业？", "全县规模以上企业88家。", "", False),
    ("青溪街道有多少名专职网格员？", "街道选出微网格长612名。", "", False),
])
def test_counted_miss_the_thing_counted_without_what_narrows_it(question, sentence, title, miss):
    assert ev.counted_miss(_part(question), sentence, title) is miss


def test_a_figure_of_another_kind_of_the_counted_thing_is_not_an_answer():
    hits = [_hit("青溪街道推进网格治理，全街道划分网格36个，每个网格配备1名网格员。")]
    assert not _ask("青溪街道有多少个微网格？", hits).found
    hits = [_hit("白石县招商工作有新进展，全县现有企业326家。", title="白石县招商")]
    assert not _ask("白石县有多少家外资企业？", hits).found
    hits = [_hit("白石县招商工作有新进展，全县现有外资企业12家。", title="白石县招商")]
    assert _ask("白石县有多少家外资企业？", hits).found


# ---------------------------------------------------------------- places


@pytest.mark.parametrize(("place", "level"), [
    ("柳塘村", 1), ("桂花社区", 1), ("凤凰产业园", 1),
    ("青溪街道", 2), ("清河镇", 2),
    ("白石县", 3), ("云港区", 3), ("云港高新区", 3), ("东湖", 3),  # unknown: a district
    ("南州市", 4), ("江北省", 5),
    # a compound inside a community is no district, although it ends in 区
    ("纺机厂宿舍区", 0), ("滨河安置区", 0), ("红星大院", 0),
])
def test_place_level(place, level):
    assert ctx.place_level(place) == level


@pytest.mark.parametrize(("question", "text", "sentence", "fits"), [
    # the asked street: 全街道 after the street was named
    ("青溪街道一共有多少名网格员？", "青溪街道推进网格治理。全街道共有网格员126名。", "全街道共有网格员126名。", True),
    # another street (same level)
    ("青溪街道一共有多少名网格员？", "青溪街道推进网格治理。柳岸街道共有网格员98名。", "柳岸街道共有网格员98名。", False),
    # a community (lower level): taken to lie inside the street — but its count is no total
    ("青溪街道有多少名网格员？", "青溪街道推进网格治理。桂花社区共有网格员12名。", "桂花社区共有网格员12名。", True),
    ("青溪街道一共有多少名网格员？", "青溪街道推进网格治理。桂花社区共有网格员12名。", "桂花社区共有网格员12名。", False),
    # the whole city above it
    ("青溪街道一共有多少名网格员？", "青溪街道推进网格治理。全市共有网格员5000名。", "全市共有网格员5000名。", False),
    # second story: a county and its villages
    ("白石县有多少名党员？", "白石县加强党建。全县共有党员4200名。", "全县共有党员4200名。", True),
    ("白石县有多少名党员？", "白石县加强党建。清河镇共有党员800名。", "清河镇共有党员800名。", True),
    ("白石县有多少名党员？", "白石县加强党建。南州市共有党员8万名。", "南州市共有党员8万名。", False),
    ("白石县有多少名党员？", "白石县加强党建。全市共有党员8万名。", "全市共有党员8万名。", False),
    ("白石县柳塘村有多少名党员？", "白石县加强党建。柳塘村共有党员52名。", "柳塘村共有党员52名。", True),
    ("白石县柳塘村有多少名党员？", "白石县加强党建。杏林村共有党员40名。", "杏林村共有党员40名。", False),
    # the district's figure does not answer for its village
    ("白石县柳塘村有多少名党员？", "白石县加强党建。白石县共有党员4200名。", "白石县共有党员4200名。", False),
    # what the place has as a whole: a lower place's population or area is not the asked place's
    ("白石县的常住人口有多少？", "白石县加强党建。清河镇辖区常住人口约3.2万人。", "清河镇辖区常住人口约3.2万人。", False),
    ("白石县的常住人口有多少？", "白石县加强党建。全县常住人口约42万人。", "全县常住人口约42万人。", True),
    ("青溪街道的面积有多大？", "青溪街道推进网格治理。桂花社区面积1.2平方公里。", "桂花社区面积1.2平方公里。", False),
    ("青溪街道的面积有多大？", "青溪街道推进网格治理。街道辖区面积8.6平方公里。", "街道辖区面积8.6平方公里。", True),
    # the lower places a whole is made of, listed with 、, own nothing counted after the list
    ("青溪街道一共有多少名党员？", "青溪街道位于城北。街道下辖桂花社区、柳岸社区、石塘社区等3个社区，共有党员1528名。",
     "街道下辖桂花社区、柳岸社区、石塘社区等3个社区，共有党员1528名。", True),
    ("白石县一共有多少个村党组织？", "白石县位于山区。县里辖清河镇、杏林镇、柳塘镇，共有村党组织210个。",
     "县里辖清河镇、杏林镇、柳塘镇，共有村党组织210个。", True),
    # one lower place named on its own before the figure still owns it
    ("青溪街道一共有多少名党员？", "青溪街道位于城北。在桂花社区，共有党员312名。", "在桂花社区，共有党员312名。", False),
    ("白石县一共有多少个村党组织？", "白石县位于山区。清河镇，共有村党组织41个。", "清河镇，共有村党组织41个。", False),
    # 各街道…书记 / 各村…负责人 are the people who came, from every unit: the whole asked owns the figure
    ("云港区党建工作推进会有多少人参加？",
     "云港区召开推进会。6月3日，全区党建工作推进会召开，各街道（镇）党（工）委书记、区直部门负责人共120余人参加。",
     "6月3日，全区党建工作推进会召开，各街道（镇）党（工）委书记、区直部门负责人共120余人参加。", True),
    ("白石县村级后备干部培训班有多少人参加？",
     "白石县举办培训班。县委组织部举办培训班，各镇（乡）分管负责同志和村级后备干部共86人参加。",
     "县委组织部举办培训班，各镇（乡）分管负责同志和村级后备干部共86人参加。", True),
    # 各街道 owning a figure of its own: every street's, not the district's
    ("云港区一共建了多少个党群驿站？", "云港区推进驿站建设。各街道共建成党群驿站46个。", "各街道共建成党群驿站46个。", False),
    ("白石县一共建了多少个党群驿站？", "白石县推进驿站建设。各镇建成党群驿站共31个。", "各镇建成党群驿站共31个。", False),
])
def test_places_fit(question, text, sentence, fits):
    part = _part(question)
    assert ctx.places_fit(part, _hit(text), _candidate(part, text, sentence)) is fits


@pytest.mark.parametrize(("question", "text", "district", "title", "fits"), [
    ("云港区有多少名网格员？", "云港区推进网格治理。全区共有网格员900名。", "", "", True),
    ("云港区有多少名网格员？", "云港区推进网格治理。全市共有网格员5000名。", "", "", False),  # 全市 for a district
    # 全区 after another district was named: that district's figure
    ("云港区有多少名网格员？", "海门区推进网格治理。全区共有网格员700名。", "", "", False),
    # … unless the passage belongs to the asked district
    ("云港区有多少名网格员？", "海门区推进网格治理。全区共有网格员700名。", "云港区", "", True),
    # no place named before: the article (its title) must name the asked one
    ("云港区有多少名网格员？", "推进网格治理。全区共有网格员700名。", "", "", False),
    ("云港区有多少名网格员？", "推进网格治理。全区共有网格员700名。", "", "云港区网格治理见成效", True),
])
def test_places_fit_whole_district_words(question, text, district, title, fits):
    part = _part(question)
    sentence = text.split("。")[1] + "。"
    hit = _hit(text, district=district, title=title)
    assert ctx.places_fit(part, hit, _candidate(part, text, sentence)) is fits


@pytest.mark.parametrize(("question", "text", "title", "fits"), [
    # a compound named before the figure (纺机厂宿舍区) is inside the district's article, not a
    # peer district: the figure of the asked district's office stays the district's
    ("云港区民政局机关党支部今年开展了多少场助老活动？",
     "区民政局机关党支部认领了桂花社区纺机厂宿舍区的助浴项目。支部今年开展助老活动18场。",
     "中共云港区直属机关工委简报", True),
    ("白石县供电公司党支部为村里更换了多少盏路灯？",
     "县供电公司党支部认领了柳塘村电厂家属区的照明项目。支部为村里更换路灯260盏。",
     "白石县机关党建简报", True),
    # a real peer district named before the figure still owns it
    ("云港区民政局机关党支部今年开展了多少场助老活动？",
     "海门区民政局机关党支部认领了桂花社区的助浴项目。支部今年开展助老活动18场。",
     "中共云港区直属机关工委简报", False),
    ("白石县供电公司党支部为村里更换了多少盏路灯？",
     "青溪县供电公司党支部认领了柳塘村的照明项目。支部为村里更换路灯260盏。",
     "白石县机关党建简报", False),
])
def test_places_fit_a_compound_is_no_peer_district(question, text, title, fits):
    part = _part(question)
    sentence = text.split("。")[1] + "。"
    hit = _hit(text, title=title)
    assert ctx.places_fit(part, hit, _candidate(part, text, sentence)) is fits


@pytest.mark.parametrize(("question", "text", "fits"), [
    # a city that opens a company's or a market's name says whose name it is, not where the
    # figure is: the community's branch and the village's cooperative keep their own figures
    ("桂花社区物业项目部的党支部有几名党员？",
     "桂花社区物业曾经无人管理。社区引入南州市安居物业服务有限公司，在项目部成立党支部，现有党员9名。", True),
    ("柳塘村合作社现在有多少名社员？",
     "柳塘村党支部领办合作社。合作社与白石县丰禾农业发展有限公司签约，现有社员86名。", True),
    # the city itself before the figure, or a name broken by a verb or a count, still owns it
    ("桂花社区建了多少个农贸市场？",
     "桂花社区推进便民服务。南州市新建农贸市场12个。", False),
    ("柳塘村现在有多少家物业公司？",
     "柳塘村推进乡村治理。白石县共有物业服务有限公司86家。", False),
    ("桂花社区物业项目部的党支部有几名党员？",
     "桂花社区物业曾经无人管理。南州市物业行业现有党员900名。", False),
    # the asked district itself opening a company's name is no broader owner of the figure
    ("云港区桂花社区的物业费是每月每平方米多少钱？",
     "桂花社区完成改造。街道引入云港区安居物业服务有限公司，物业费标准为每月每平方米0.35元。", True),
    ("白石县柳塘村合作社现在有多少名社员？",
     "柳塘村党支部领办合作社。合作社与白石县丰禾农业发展有限公司签约，现有社员86名。", True),
    ("云港区桂花社区的物业费是每月每平方米多少钱？",
     "桂花社区完成改造。云港区物业费标准为每月每平方米0.5元。", False),
])
def test_places_fit_a_place_opening_a_name(question, text, fits):
    part = _part(question)
    sentence = text.split("。")[1] + "。"
    assert ctx.places_fit(part, _hit(text), _candidate(part, text, sentence)) is fits


@pytest.mark.parametrize(("question", "text", "fits"), [
    # 全区 asked, the figure written after the article turned to one of its streets: the street's
    ("云港区全区一共建了多少个驿站？", "云港区推进驿站建设。青溪街道做法较新。街道建成驿站11个。", False),
    ("云港区全区一共建了多少个驿站？", "青溪街道是云港区的老城区。街道建成驿站11个。", False),
    # … the sentence naming the whole, or no street named: the district's
    ("云港区全区一共建了多少个驿站？", "青溪街道是云港区的老城区。全区共建成驿站86个。", True),
    ("云港区全区一共建了多少个驿站？", "云港区推进驿站建设。目前已建成驿站86个。", True),
    # second story: a county and its towns
    ("白石县全县一共储备了多少名村级后备干部？", "清河镇地处白石县北部。镇里储备村级后备干部46名。", False),
    ("白石县全县一共储备了多少名村级后备干部？", "清河镇地处白石县北部。该县储备村级后备干部320名。", True),
])
def test_places_fit_a_whole_asked_is_not_answered_by_a_lower_place(question, text, fits):
    part = _part(question)
    sentence = text.split("。")[-2] + "。"
    assert ctx.places_fit(part, _hit(text), _candidate(part, text, sentence)) is fits


@pytest.mark.parametrize(("question", "text", "title", "publisher", "fits"), [
    # the article writes the company's own name, or its outlet does (a company paper)
    ("青溪红管家物业服务有限公司的总经理是谁？", "红管家公司总经理罗建平说，今年要再托管3个小区。", "本地新闻", "南州日报", True),
    ("青溪红管家物业服务有限公司的总经理是谁？", "澄远电子公司总经理何文涛说，订单翻了一番。", "本地新闻", "南州日报", False),
    ("白石清河药业集团一共有多少名党员？", "集团党委下设党支部12个，共有党员460名。", "党员先锋岗亮在车间", "清河药业报", True),
    ("白石清河药业集团一共有多少名党员？", "集团党委下设党支部12个，共有党员460名。", "党员先锋岗亮在车间", "南州日报", False),
    # no organisation asked: nothing to check
    ("青溪街道有多少名网格员？", "街道共有网格员126名。", "本地新闻", "南州日报", True),
])
def test_organisation_fit_the_article_names_the_asked_organisation(question, text, title, publisher, fits):
    hit = Hit(chunk_id="c1", doc_id="d1", title=title, publisher=publisher, date="2023-06-01", section="",
              text=text, score=1.0, start=0, end=len(text))
    assert ev.organisation_fit(_part(question), hit, text) is fits


def test_another_companys_manager_is_not_the_asked_companys():
    hits = [_hit("澄远电子公司去年接到订单2800万元。公司总经理何文涛说，订单翻了一番。")]
    assert not _ask("青溪红管家物业服务有限公司的总经理是谁？", hits).found
    hits = [_hit("青溪红管家物业服务有限公司去年托管小区9个。公司总经理罗建平说，今年还要再托管3个。")]
    assert "罗建平" in _ask("青溪红管家物业服务有限公司的总经理是谁？", hits).text


@pytest.mark.parametrize(("question", "text", "fits"), [
    # a bare 街道 doing or having something owns the figure after it: not the 全区 total…
    ("云港区全区一共建了多少个暖心小屋？", "云港区青溪街道推进暖心服务。为了让老人歇脚，街道利用物业用房改建了12个暖心小屋。", False),
    ("白石县全县一共储备了多少名后备干部？", "白石县清河镇重视队伍建设。据介绍，镇里储备村级后备干部46名。", False),
    # …nor a community's figure
    ("桂香苑社区60岁以上的老人有多少？", "桂香苑社区在青溪街道。街道60岁以上老人有1.27万人，占常住人口的38%。", False),
    ("清河村有多少名党员？", "清河村属于白石县清河镇。镇党委共有党员860名。", False),
    # the asked level itself, or no bare place word: the place named before still owns it
    ("青溪街道一共建了多少个暖心小屋？", "云港区青溪街道推进暖心服务。为了让老人歇脚，街道利用物业用房改建了12个暖心小屋。", True),
    ("清河镇有多少名党员？", "白石县清河镇重视队伍建设。镇党委共有党员860名。", True),
    ("云港区全区一共建了多少个驿站？", "云港区推进驿站建设。截至目前，全区共建成驿站86个。", True),
    ("桂香苑社区有多少名志愿者？", "桂香苑社区推行积分制。社区居民踊跃报名，志愿者达到420名。", True),
    # what the town does in the village is the village's
    ("柳塘村成立了几个临时党支部？", "柳塘村属于清河镇。镇党委把改造一线作为考场，在村里成立3个临时党支部。", True),
    ("桂香苑社区建了几个议事点？", "桂香苑社区在青溪街道。街道党工委在社区里设了5个议事点。", True),
])
def test_places_fit_a_bare_place_word_owns_the_figure_after_it(question, text, fits):
    part = _part(question)
    sentence = text.split("。")[-2] + "。"
    assert ctx.places_fit(part, _hit(text), _candidate(part, text, sentence)) is fits


@pytest.mark.parametrize(("question", "text", "fits"), [
    # a city asked by its short name, the article about one of its districts: the gazetteer says it lies inside
    ("重庆那位老人回家要爬多少级石阶？", "渝中区望川街道老楼多。陈婆婆回家要爬364级石阶。", True),
    ("哈尔滨一共有多少名热力哨兵？", "道里区霁雪街道组织党员测温。目前哨兵已有218名。", True),
    # …a city the district is not in
    ("哈尔滨那位老人回家要爬多少级石阶？", "渝中区望川街道老楼多。陈婆婆回家要爬364级石阶。", False),
    ("重庆一共有多少名热力哨兵？", "道里区霁雪街道组织党员测温。目前哨兵已有218名。", False),
])
def test_places_fit_a_city_asked_holds_the_district_written(question, text, fits):
    part = _part(question)
    sentence = text.split("。")[-2] + "。"
    assert ctx.places_fit(part, _hit(text), _candidate(part, text, sentence)) is fits


def test_a_city_short_name_has_the_level_of_its_full_name():
    assert ctx.place_level("重庆") == ctx.place_level("哈尔滨") == ctx.place_level("襄阳市") == 4
    assert ctx.place_level("青溪") == 3  # unknown: a guess


def test_places_fit_without_an_asked_place():
    part = _part("一共有多少名网格员？")
    text = "柳岸街道共有网格员98名。"
    assert ctx.places_fit(part, _hit(text), _candidate(part, text, text)) is True


# ---------------------------------------------------------------- years


@pytest.mark.parametrize(("question", "text", "date", "fits"), [
    ("2022年白石县发展了多少名党员？", "2022年，白石县发展党员300名。", "2023-06-01", True),
    ("2022年白石县发展了多少名党员？", "2021年，白石县发展党员280名。", "2023-06-01", False),
    ("2022年白石县发展了多少名党员？", "白石县发展党员300名。", "2022-12-01", True),  # the article's year
    ("2022年白石县发展了多少名党员？", "白石县发展党员300名。", "2023-12-01", False),
    ("2022年柳塘村党员覆盖率是多少？", "2022年，柳塘村党员覆盖率达到62%。", "2023-06-01", True),
    # two years' figures: the one of the clause naming the asked year is the span, and it fits
    ("2022年柳塘村党员覆盖率是多少？", "柳塘村党员覆盖率达到85%，比2022年的62%提高23个百分点。", "2023-06-01", True),
    # a span of years opening the sentence is its time, not another figure's clause
    ("青溪街道2022—2023年采暖期一共接到多少件诉求？", "2022—2023年采暖期，街道共接到诉求1380件。", "2024-11-27", True),
    ("白石县2021至2022年度发展了多少名党员？", "2021至2022年度，全县共发展党员412名。", "2023-03-01", True),
    ("青溪街道2022—2023年采暖期一共接到多少件诉求？", "2023—2024年采暖期，街道诉求降至612件。", "2024-11-27", False),
    # 去年 as the base of a comparison dates nothing: the figure is this year's
    ("青溪街道今年调解成功率是多少？", "1至5月，街道调解成功率96.4%，较去年同期提高2.1个百分点。", "2024-06-01", True),
    ("白石县今年新发展了多少名党员？", "全县新发展党员126名，比去年多18名。", "2024-07-01", True),
    # a year written only as a comparison's base (比2022年提高) dates no figure of the sentence
    ("2023年青溪街道居民诉求办结率是多少？", "全年收集居民诉求2100件，办结率97.5%，比2022年提高3.2个百分点。", "2023-12-20", True),
    ("白石县2023年新发展了多少名党员？", "全县新发展党员126名，较2022年增加18名。", "2023-11-01", True),
    # … nor is it the year asked
    ("2022年青溪街道居民诉求办结率是多少？", "全年收集居民诉求2100件，办结率97.5%，比2022年提高3.2个百分点。", "2024-01-20", False),
    ("白石县2022年新发展了多少名党员？", "全县新发展党员126名，较2022年增加18名。", "2023-11-01", False),
    # a cut-off date without its year is of the article's year (or the year before, for a later month)
    ("白石县的服务队去年走访了多少家次企业？", "截至4月15日，各服务队共走访企业640余家次。", "2024-04-20", False),
    ("白石县的服务队今年走访了多少家次企业？", "截至4月15日，各服务队共走访企业640余家次。", "2024-04-20", True),
    ("青溪街道去年调解了多少起纠纷？", "截至12月底，街道共调解纠纷186起。", "2024-01-10", True),
    ("青溪街道去年调解了多少起纠纷？", "截止到6月底，街道共调解纠纷97起。", "2024-07-02", False),
    # since this year's start asked, since an earlier year written: several years' count
    ("柳岸街道今年以来新加装了多少部电梯？", "2021年以来，小区已完成加装电梯21部。", "2024-06-14", False),
    ("白石县今年以来发展了多少名党员？", "2022年起，全县累计发展党员860名。", "2024-05-01", False),
    ("白石县今年以来发展了多少名党员？", "2024年以来，全县发展党员126名。", "2024-05-01", True),
    # … but 去年 dating the figure itself is another year
    ("青溪街道今年调解成功率是多少？", "去年，街道调解成功率94.3%。", "2024-06-01", False),
    ("白石县今年新发展了多少名党员？", "去年全县新发展党员108名。", "2024-07-01", False),
])
def test_years_fit(question, text, date, fits):
    part = _part(question)
    assert ctx.years_fit(part, _hit(text, date=date), _candidate(part, text, text)) is fits


@pytest.mark.parametrize(("question", "text", "figure"), [
    ("2022年柳塘村党员覆盖率是多少？", "柳塘村党员覆盖率达到85%，比2022年的62%提高23个百分点。", "85%"),
    ("2021年石门村集体经济收入是多少？", "石门村集体经济收入达到40万元，是2021年12万元的三倍多。", "40万元"),
])
def test_years_fit_not_for_a_figure_whose_year_stands_next_to_another_figure(question, text, figure):
    part = _part(question)
    cand = _candidate(part, text, text)
    at = text.index(figure)
    cand.span = sp.Span(at, at + len(figure), figure, "number")
    assert ctx.years_fit(part, _hit(text, date="2023-06-01"), cand) is False


@pytest.mark.parametrize(("question", "text", "figure", "fits"), [
    # a sentence about one year: the year opens the clause before, the figure's clause goes on
    ("2023年柳溪村集体收入是多少？", "柳溪村把闲置校舍改成民宿，2023年接待游客1.8万人次，实现集体收入46万元。", "46万元", True),
    ("2022年青石街道调解了多少起纠纷？", "青石街道推行楼院议事，2022年受理诉求960件，调解纠纷132起。", "132起", True),
    ("2023年桂花社区新增了多少个停车位？", "据介绍，2023年社区完成改造投资900万元，新增停车位180个。", "180个", True),
    ("2023年桂花社区新增了多少个停车位？", "2023年社区完成改造投资900万元，停车位增加到180个。", "180个", False),
    ("2022年青石街道投诉办结率是多少？", "2022年街道共受理投诉560件，较上一年下降了31%。", "31%", False),
    # the clause moves the time on, or the year starts a span to now
    ("2023年柳溪村集体收入是多少？", "柳溪村2023年接待游客1.8万人次，目前集体收入已达46万元。", "46万元", False),
    ("2022年青石街道调解了多少起纠纷？", "青石街道2022年受理诉求960件，后来调解纠纷132起。", "132起", False),
    ("2022年青石街道调解了多少起纠纷？", "2022年起在12个小区推行楼院议事，累计调解纠纷132起。", "132起", False),
    ("2022年青石街道调解了多少起纠纷？", "2022年受理诉求960件，2023年调解纠纷132起。", "132起", False),
])
def test_years_fit_for_a_figure_in_a_clause_that_goes_on_from_its_year(question, text, figure, fits):
    part = _part(question)
    cand = _candidate(part, text, text)
    at = text.index(figure)
    cand.span = sp.Span(at, at + len(figure), figure, "number")
    assert ctx.years_fit(part, _hit(text, date="2024-06-01"), cand) is fits


@pytest.mark.parametrize(("question", "text", "figure", "fits"), [
    # the year of the figure compared with (是2021年6.5万元的6倍, 较2020年的31户) does not date the
    # sentence's own figure: the asked year of the sentence before still does
    ("2023年石门村集体经济收入达到多少？",
     "2023年，石门村合作社销售鲜菇38吨。村集体经济收入达到41万元，是2021年6.5万元的6倍多。", "41万元", True),
    ("2023年柳塘村党员户有多少户？",
     "2023年，柳塘村推行党员联户。全村党员户达到52户，较2020年的31户增加21户。", "52户", True),
    # that year asked: the compared figure is the one asked
    ("2021年禾田街道物业满意度是多少？",
     "禾田街道推行红色物业。2024年，街道物业满意度达到91.3%，比2021年的76.4%提高了近15个百分点。", "76.4%", True),
    # a year that dates a figure of its own, compared with nothing, still dates the sentence
    ("2023年石门村集体经济收入达到多少？",
     "2023年，石门村合作社销售鲜菇38吨。2021年村集体经济收入为6.5万元，如今翻了几番。", "6.5万元", False),
    ("2023年柳塘村党员户有多少户？",
     "2023年，柳塘村推行党员联户。2020年全村党员户有31户，后来逐年增加。", "31户", False),
])
def test_years_fit_past_a_compared_figures_year(question, text, figure, fits):
    part = _part(question)
    sentence = text[text.index("。") + 1:]
    cand = _candidate(part, text, sentence)
    at = sentence.index(figure)
    cand.span = sp.Span(at, at + len(figure), figure, "number")
    assert ctx.years_fit(part, _hit(text, date="2024-06-01"), cand) is fits


@pytest.mark.parametrize(("question", "text", "sentence", "fits"), [
    # the article dates from the asked year, but the paragraph dates the undated sentence to the year before
    ("南州区2024年建成了多少个“红色楼院”示范点？",
     "2023年，我区先在两个社区试点，年中在全区推开。一年来，全区建成“红色楼院”示范点34个，选聘楼院长260名。",
     "一年来，全区建成“红色楼院”示范点34个，选聘楼院长260名。", False),
    ("2024年柳溪村接待了多少游客？",
     "2022年，柳溪村把闲置校舍改成民宿。当年接待游客1.8万人次，集体收入增加12万元。",
     "当年接待游客1.8万人次，集体收入增加12万元。", False),
    # the year before is left behind (如今, 今年, 增加到) or the paragraph's year is the asked one
    ("南州区2024年建成了多少个“红色楼院”示范点？",
     "2023年，我区先在两个社区试点。今年，全区已建成“红色楼院”示范点34个，选聘楼院长260名。",
     "今年，全区已建成“红色楼院”示范点34个，选聘楼院长260名。", True),
    ("2024年柳溪村接待了多少游客？",
     "2022年，柳溪村把闲置校舍改成民宿。如今村里每年接待游客1.8万人次。",
     "如今村里每年接待游客1.8万人次。", True),
    ("2024年柳溪村接待了多少游客？",
     "2024年，柳溪村把闲置校舍改成民宿。当年接待游客1.8万人次，集体收入增加12万元。",
     "当年接待游客1.8万人次，集体收入增加12万元。", True),
    # another paragraph's year says nothing of this one
    ("南州区2024年建成了多少个“红色楼院”示范点？",
     "2023年，我区先在两个社区试点。\n全区建成“红色楼院”示范点34个，选聘楼院长260名。",
     "全区建成“红色楼院”示范点34个，选聘楼院长260名。", True),
])
def test_years_fit_not_for_an_undated_sentence_its_paragraph_dates_to_another_year(question, text, sentence, fits):
    part = _part(question)
    cand = _candidate(part, text, sentence)
    assert cand.span is not None
    assert ctx.years_fit(part, _hit(text, date="2024-03-14"), cand) is fits


def test_years_fit_without_an_asked_year():
    part = _part("青溪街道有多少名网格员？")
    text = "2019年，青溪街道共有网格员80名。"
    assert ctx.years_fit(part, _hit(text), _candidate(part, text, text)) is True


# ---------------------------------------------------------------- clause, head, list anchors


def test_clause_of_the_answer_span():
    _, span = _span("青溪街道有多少个驿站？", "全街道共有网格员126名，驿站8个。")
    assert span.text == "8个"
    assert ev.clause_of("全街道共有网格员126名，驿站8个。", span) == "驿站8个"
    _, span = _span("柳塘村有多少名党员？", "2022年，柳塘村有党员52名；其中女党员11名。")
    assert ev.clause_of("2022年，柳塘村有党员52名；其中女党员11名。", span) == "柳塘村有党员52名"


@pytest.mark.parametrize("sentence", ["全街道共有网格员126名。", "柳塘村有党员52名。"])
def test_clause_of_without_a_span_is_the_sentence(sentence):
    assert ev.clause_of(sentence, None) == sentence


@pytest.mark.parametrize(("question", "sentence", "share"), [
    ("柳塘村的党员活动室面积有多大？", "党员活动室面积达200平方米。", 1.0),
    ("柳塘村的党员活动室面积有多大？", "村里修了一条路。", 0.0),
    ("青溪街道网格驿站有多少个？", "青溪街道建成网格驿站8个。", 1.0),
    ("青溪街道网格驿站有多少个？", "青溪街道建成便民服务点8个。", 0.25),
])
def test_head_share(question, sentence, share):
    assert ev.head_share(_part(question), sentence) == share


@pytest.mark.parametrize(("question", "sentence", "expected"), [
    ("青溪街道党群服务中心设置了哪些功能区？", "中心设置了党员活动室、图书阅览室、便民服务大厅等功能区。", 1.0),
    # a run of words next to a word of the head only
    ("青溪街道党群服务中心设置了哪些功能区？", "中心坚持“规模适度、功能完备”的原则。", 0.0),
    ("柳塘村发展了哪些特色产业？", "柳塘村发展了蔬菜、水果、中药材等特色产业。", 1.0),
    ("柳塘村发展了哪些特色产业？", "柳塘村党员、群众齐心协力，特色产业蓬勃发展。", 0.0),  # the run in another clause
])
def test_items_focus(question, sentence, expected):
    assert ev.items_focus(_part(question), sentence) == expected


def test_items_focus_only_for_list_questions():
    assert ev.items_focus(_part("柳塘村发展了多少个特色产业？"), "柳塘村发展了蔬菜、水果、中药材等特色产业。") == 0.0


@pytest.mark.parametrize(("question", "sentence", "expected"), [
    ("柳塘村党总支采取了哪些举措？", "柳塘村党总支主要采取了四项举措。", 1.0),
    ("柳塘村党总支采取了哪些举措？", "柳塘村党总支主要采取了举措。", 0.0),  # announces no items
    ("青溪街道的“三个一”具体是哪三个？", "街道将网格治理经验总结为“三个一”。", 1.0),
    ("青溪街道的“三个一”具体是哪三个？", "街道将网格治理经验推广到全区。", 0.0),
    ("柳塘村发展了哪些特色产业？", "柳塘村发展了蔬菜、水果、中药材等特色产业。", 1.0),  # through items_focus
])
def test_list_anchor(question, sentence, expected):
    assert ev.list_anchor(_part(question), sentence) == expected


# ---------------------------------------------------------------- the article asking itself


def _scored(question, text):
    part = _part(question)
    cands = ev.score_candidates(part, question, [_hit(text, district="青溪街道")], ev.Weights({}), 6)
    return {c.text: c for c in cands}


@pytest.mark.parametrize(("question", "text", "asking", "answering"), [
    ("青溪街道有多少名网格员？", "青溪街道的126名网格员忙得过来吗？街道的126名网格员分布在36个网格。",
     "青溪街道的126名网格员忙得过来吗？", "街道的126名网格员分布在36个网格。"),
    ("青溪街道柳塘村党支部书记是谁？", "柳塘村党支部书记王建军为何放弃城里的工作？“村党支部书记王建军常说：家乡需要我。”",
     "柳塘村党支部书记王建军为何放弃城里的工作？", "“村党支部书记王建军常说：家乡需要我。”"),
])
def test_a_sentence_ending_in_a_question_mark_is_never_typed(question, text, asking, answering):
    cands = _scored(question, text)
    assert cands[asking].typed is False
    assert cands[answering].typed is True


def test_a_question_in_quotation_marks_is_never_typed():
    cands = _scored("青溪街道有多少名网格员？", "居民问：“这126名网格员都住在社区吗？”街道共有网格员126名。")
    assert cands["居民问：“这126名网格员都住在社区吗？”"].typed is False
    assert cands["街道共有网格员126名。"].typed is True


# ---------------------------------------------------------------- the answerer end to end


@pytest.mark.parametrize(("question", "text", "district", "sentence", "span"), [
    ("青溪街道一共有多少名网格员？", "青溪街道推进网格化治理。全街道建成驿站8个。全街道共有网格员126名。", "青溪街道",
     "全街道共有网格员126名。", "126名"),
    ("青溪街道党群服务中心有多大面积？", "青溪街道党群服务中心今年投入使用。中心共设置功能室8个，面积达1200平方米。", "青溪街道",
     "中心共设置功能室8个，面积达1200平方米。", "1200平方米"),
    ("白石县有多少人参加志愿服务？", "白石县广泛开展志愿服务。全县建成服务站36个。全县参加志愿服务的群众达2万人。", "白石县",
     "全县参加志愿服务的群众达2万人。", "2万人"),
])
def test_number_question_takes_the_sentence_with_the_asked_unit(question, text, district, sentence, span):
    ans = _ask(question, [_hit(text, district=district)])
    assert ans.found is True
    assert ans.text == f"{sentence}[1]"
    assert [c.sentence for c in ans.citations] == [sentence]
    assert _answer_span(ans.citations[0]) == span


@pytest.mark.parametrize(("question", "text", "district"), [
    ("青溪街道党群服务中心有多大面积？", "青溪街道党群服务中心今年投入使用。中心共设置功能室8个。", "青溪街道"),
    ("白石县有多少人参加志愿服务？", "白石县广泛开展志愿服务。全县建成服务站36个。", "白石县"),
])
def test_number_question_without_the_asked_unit_is_refused(question, text, district):
    ans = _ask(question, [_hit(text, district=district)])
    assert ans.found is False and ans.citations == []
    assert ans.text.startswith(f"资料中没有找到关于“{question.rstrip('？')}”的内容。")


@pytest.mark.parametrize(("question", "text", "district"), [
    ("青溪街道一共有多少名网格员？", "青溪街道推进网格化治理。每个驿站配备2名网格员。", "青溪街道"),
    ("白石县共有多少名党员？", "白石县加强党员队伍建设。全县平均每个村有党员35名。", "白石县"),
])
def test_a_per_unit_figure_alone_is_refused_for_a_total(question, text, district):
    assert _ask(question, [_hit(text, district=district)]).found is False


@pytest.mark.parametrize(("question", "text", "district", "span"), [
    ("青溪街道一共有多少名网格员？", "青溪街道推进网格化治理。每个驿站配备2名网格员，全街道共有网格员126名。", "青溪街道", "126名"),
    ("白石县共有多少名党员？", "白石县加强党员队伍建设。全县平均每个村有党员35名，全县共有党员4200名。", "白石县", "4200名"),
])
def test_a_total_after_a_per_unit_figure_in_one_sentence_answers(question, text, district, span):
    ans = _ask(question, [_hit(text, district=district)])
    assert ans.found is True and _answer_span(ans.citations[0]) == span


@pytest.mark.parametrize(("question", "text", "district", "span"), [
    ("南州市有多少名党员？", "南州市扎实推进党员队伍建设。全市共有党员5万余名。", "南州市", "5万余名"),
    ("白石县有多少人参加志愿服务？", "白石县广泛开展志愿服务。全县参加志愿服务的群众达2万余人。", "白石县", "2万余人"),
])
def test_figures_of_ten_thousands_with_yu_answer(question, text, district, span):
    ans = _ask(question, [_hit(text, district=district)])
    assert ans.found is True and _answer_span(ans.citations[0]) == span


@pytest.mark.parametrize(("question", "text", "district", "sentence", "name"), [
    ("白石县柳塘村党支部书记是谁？",
     "白石县柳塘村近年来发展特色产业。村委会主任张国强负责产业规划。村党支部书记李春生带领党员开展志愿服务。", "白石县",
     "村党支部书记李春生带领党员开展志愿服务。", "李春生"),
    ("青溪街道桂花社区居委会主任是谁？",
     "桂花社区党委书记陈丽娟介绍了驿站建设情况。居委会主任黄晓光带领网格员入户走访。", "青溪街道",
     "居委会主任黄晓光带领网格员入户走访。", "黄晓光"),
])
def test_person_question_takes_the_name_in_the_asked_role(question, text, district, sentence, name):
    ans = _ask(question, [_hit(text, district=district)])
    assert ans.text == f"{sentence}[1]"
    assert _answer_span(ans.citations[0]) == name


@pytest.mark.parametrize(("question", "text", "district"), [
    ("白石县柳塘村党支部书记是谁？", "白石县柳塘村近年来发展特色产业。村委会主任张国强负责产业规划。", "白石县"),
    ("青溪街道桂花社区居委会主任是谁？", "桂花社区党委书记陈丽娟介绍了驿站建设情况。", "青溪街道"),
])
def test_person_question_with_the_name_in_another_role_only_is_refused(question, text, district):
    assert _ask(question, [_hit(text, district=district)]).found is False


@pytest.mark.parametrize(("question", "title", "body", "district"), [
    ("青溪街道有多少名网格员？", "青溪街道126名网格员上岗", "今年青溪街道招聘网格员，分布在各社区。", "青溪街道"),
    ("白石县柳塘村党支部书记是谁？", "柳塘村党支部书记李春生：把论文写在田野上", "他扎根乡村二十年，带领村民致富。", "白石县"),
])
def test_a_headline_is_never_the_answer_sentence(question, title, body, district):
    ans = _ask(question, [_hit(f"{title}\n{body}", district=district, title=title)])
    assert ans.found is False


@pytest.mark.parametrize(("question", "title", "body", "district", "sentence"), [
    ("青溪街道有多少名网格员？", "青溪街道126名网格员上岗", "青溪街道今年共招聘网格员126名，分布在各社区。", "青溪街道",
     "青溪街道今年共招聘网格员126名，分布在各社区。"),
    ("白石县柳塘村党支部书记是谁？", "柳塘村党支部书记李春生：把论文写在田野上",
     "柳塘村党支部书记李春生扎根乡村二十年，带领村民致富。", "白石县", "柳塘村党支部书记李春生扎根乡村二十年，带领村民致富。"),
])
def test_the_body_sentence_answers_rather_than_the_headline(question, title, body, district, sentence):
    ans = _ask(question, [_hit(f"{title}\n{body}", district=district, title=title)])
    assert ans.text == f"{sentence}[1]"


@pytest.mark.parametrize(("question", "text", "sentence"), [
    ("青溪街道有多少名网格员？", "青溪街道的126名网格员忙得过来吗？街道的126名网格员分布在36个网格。",
     "街道的126名网格员分布在36个网格。"),
    ("青溪街道网格党小组怎么运转？", "青溪街道网格党小组怎么运转？每月召开一次网格议事会。", "每月召开一次网格议事会。"),
])
def test_the_articles_own_question_is_not_the_answer(question, text, sentence):
    ans = _ask(question, [_hit(text, district="青溪街道")])
    assert ans.text == f"{sentence}[1]"


@pytest.mark.parametrize(("question", "text", "district"), [
    ("涧南区建立了多少个非公企业党组织？", "全区建立非公企业党组织416个。", "云港区"),  # another district
    ("2022年白石县发展了多少名党员？", "2021年，白石县发展党员280名。", "白石县"),  # another year
])
def test_a_place_or_year_the_passage_does_not_support_is_refused(question, text, district):
    assert _ask(question, [_hit(text, district=district)]).found is False


def test_no_hits_is_a_refusal_without_closest_passages():
    ans = _ask("青溪街道有多少名网格员？", [])
    assert ans.found is False and ans.text == "资料中没有找到关于“青溪街道有多少名网格员”的内容。"


@pytest.mark.parametrize(("question", "text", "district", "org"), [
    ("青溪街道的网格驿站由哪个单位负责运营？", "青溪街道建成网格驿站8个。驿站由云港区慈善协会负责运营。", "青溪街道",
     "云港区慈善协会"),
    ("柳塘村的技能培训由哪个部门牵头？", "柳塘村开展农民技能培训。培训由白石县委组织部牵头。", "白石县", "白石县委组织部"),
])
def test_org_question_takes_the_organisation(question, text, district, org):
    ans = _ask(question, [_hit(text, district=district)])
    assert ans.found is True and _answer_span(ans.citations[0]) == org


@pytest.mark.parametrize(("question", "text", "district"), [
    ("青溪街道的网格驿站由哪个单位负责运营？", "青溪街道建成网格驿站8个。桂花社区居民积极参与驿站活动。", "青溪街道"),
    ("柳塘村的技能培训由哪个部门牵头？", "柳塘村新建农民夜校工作站。村民踊跃参加技能培训。", "白石县"),
])
def test_org_question_without_an_organisation_is_refused(question, text, district):
    assert _ask(question, [_hit(text, district=district)]).found is False


@pytest.mark.parametrize(("question", "text", "sentence", "fits"), [
    # first story: a district and one of its communities
    ("南州市云港区区委书记是谁？", "云港区推进党员联户。桂花社区党委书记林晓燕介绍了做法。",
     "桂花社区党委书记林晓燕介绍了做法。", False),
    ("南州市云港区区委书记是谁？", "云港区推进党员联户。云港区区委书记周启明到桂花社区调研。",
     "云港区区委书记周启明到桂花社区调研。", True),
    ("云港区桂花社区党委书记是谁？", "云港区推进党员联户。桂花社区党委书记林晓燕介绍了做法。",
     "桂花社区党委书记林晓燕介绍了做法。", True),
    # second story: a town and its villages; the village named in another clause does not own the role
    ("白石县清河镇党委书记是谁？", "清河镇发展茶产业。柳塘村党委书记赵德山带头种茶。",
     "柳塘村党委书记赵德山带头种茶。", False),
    ("白石县清河镇党委书记是谁？", "清河镇发展茶产业。在柳塘村茶园，镇党委书记许文斌查看了长势。",
     "在柳塘村茶园，镇党委书记许文斌查看了长势。", True),
])
def test_places_fit_a_role_belongs_to_the_place_before_it(question, text, sentence, fits):
    part = _part(question)
    cand = _candidate(part, text, sentence)
    assert cand.typed, sentence
    assert ctx.places_fit(part, _hit(text, title="党建新闻"), cand) is fits


def _ranked(text, score, attach, fits=True):
    c = ev.Candidate(0, 0, len(text), text, typed=fits, score=score)
    c.features = {"attach": float(attach)}
    return c


def test_an_attached_figure_goes_first_only_when_it_is_not_far_weaker():
    # first story: 入驻企业146家 (attached, a third as likely) beats the sentence about 9个党支部
    strong = _ranked("海湾大厦成立楼宇联合党委，下设9个党支部，把各家企业的党员纳入管理。", 0.47, attach=False)
    attached = _ranked("这栋写字楼里入驻企业146家，从业人员约3800人。", 0.17, attach=True)
    assert ev.promoted_attached([strong, attached]) == [attached]
    # second story: 项目资金1.36亿元 next to a near synonym of 经费, far weaker than the sentence
    # that answers (每村每年3万元 … 工作经费): not promoted
    answer = _ranked("县财政按每村每年3万元的标准安排第一书记工作经费。", 0.75, attach=False)
    weak = _ranked("全县第一书记共协调落实项目资金1.36亿元。", 0.13, attach=True)
    assert ev.promoted_attached([answer, weak]) == []
    # an attached candidate that does not fit (another place) is never promoted
    elsewhere = _ranked("柳岸街道入驻企业98家。", 0.9, attach=True, fits=False)
    assert ev.promoted_attached([strong, elsewhere]) == []


@pytest.mark.parametrize(("question", "text", "sentence", "fits"), [
    # 全市/全省 inside a quoted slogan, or before the whole nearest the figure, does not own it
    ("云港区投入了多少资金？", "云港区推进社区阵地建设。按照“全省一流、全市领先”要求，区财政连续两年投入2000万元。",
     "按照“全省一流、全市领先”要求，区财政连续两年投入2000万元。", True),
    ("白石县有多少名党员？", "白石县加强党建。对标全市先进，全县共有党员4200名。", "对标全市先进，全县共有党员4200名。", True),
    # … but the whole nearest before the figure does, even in an earlier clause
    ("黄岩区配备了多少名专职网格员？", "黄岩区推进网格治理。全街道划分网格49个，配备专职网格员57名。",
     "全街道划分网格49个，配备专职网格员57名。", False),
    ("白石县有多少名党员？", "白石县加强党建。据统计，全市共有党员8万名。", "据统计，全市共有党员8万名。", False),
    ("云港区投入了多少资金？", "云港区推进社区阵地建设。据悉，全市财政投入2亿元。", "据悉，全市财政投入2亿元。", False),
])
def test_places_fit_the_whole_nearest_the_figure_owns_it(question, text, sentence, fits):
    part = _part(question)
    assert ctx.places_fit(part, _hit(text, title="党建动态"), _candidate(part, text, sentence)) is fits


@pytest.mark.parametrize(("text", "expected"), [
    # where a thing was done, listed after 在
    ("云港区依托商会在南州市、北川市等地建立流动党员党支部14个。", {"南州市", "北川市"}),
    ("白石县组织党员赴清河镇学习。", {"清河镇"}),
    # an owner, not a place where something was done
    ("南州市共有党员8万名。", set()),
    ("清河镇和柳岸镇共有党员1400名。", set()),
])
def test_locative_places(text, expected):
    assert ctx.locative_places(text) == expected


def test_a_place_where_something_was_done_does_not_own_the_figure():
    question = "云港区在外地一共建了多少个流动党员党支部？"
    text = "云港区加强流动党员管理。区委组织部依托商会在南州市、北川市等地建立流动党员党支部14个。"
    sentence = text.split("。")[1] + "。"
    part = _part(question)
    assert ctx.places_fit(part, _hit(text, title="党建动态"), _candidate(part, text, sentence)) is True
    owner = "云港区加强流动党员管理。南州市共建立流动党员党支部140个。"
    assert ctx.places_fit(part, _hit(owner, title="党建动态"),
                          _candidate(part, owner, owner.split("。")[1] + "。")) is False


@pytest.mark.parametrize(("question", "sentence", "passage", "expected"), [
    # the sentence names no batch; its passage speaks of the first batch only: not the second's figure
    ("青溪街道第二批网格示范点有多少个？", "目前全街道网格示范点增加到25个。",
     "青溪街道首批网格示范点共10个。目前全街道网格示范点增加到25个。", True),
    ("柳塘村第三届村民议事会有多少名成员？", "议事会成员由村民推选产生，共有17名。",
     "柳塘村第二届村民议事会于2019年换届。议事会成员由村民推选产生，共有17名。", True),
    # … but when the passage names the asked batch, or no batch at all, the sentence may answer
    ("青溪街道第二批网格示范点有多少个？", "这批示范点共15个。",
     "青溪街道首批网格示范点共10个。今年又评出第二批。这批示范点共15个。", False),
    ("柳塘村第三届村民议事会有多少名成员？", "议事会共有成员17名。", "柳塘村成立村民议事会。议事会共有成员17名。", False),
])
def test_batch_mismatch_from_the_passage(question, sentence, passage, expected):
    assert ctx.batch_mismatch(_part(question), sentence, passage) is expected


@pytest.mark.parametrize(("question", "sentence", "span"), [
    # money asked: the figure written with 元 wins over a bare 万 that counts people
    ("青石区拿出多少钱来引进人才？", "青石区设立3000万元人才基金，已引进各类人才超过8万。", "3000万元"),
    ("柳塘镇为产业园投了多少钱？", "柳塘镇引来客商1.2万，为产业园投入资金4500万元。", "4500万元"),
    # only a bare magnitude is written: it still stands for the money
    ("白石县这次奖补花了多少钱？", "白石县这次发放奖补资金共计120万。", "120万"),
])
def test_a_money_question_prefers_a_figure_written_with_its_unit(question, sentence, span):
    typed, found, _ = ev.typed_span(_part(question), sentence)
    assert typed is True and found.text == span


@pytest.mark.parametrize(("question", "text", "sentence", "fits"), [
    # a peer of the asked village after 到/在 is still the figure's place
    ("杏林村的村集体经济收入是多少？", "杏林村和柳湾村都在白石县。“我刚到柳湾村时，村集体收入不足5万元。”",
     "“我刚到柳湾村时，村集体收入不足5万元。”", False),
    ("青溪街道建了多少个驿站？", "青溪街道推进网格治理。在柳岸街道，今年建成驿站8个。", "在柳岸街道，今年建成驿站8个。", False),
    # where the asked county acted, other places of another level: still the county's figure
    ("白石县在外地建了多少个流动党员党支部？", "白石县加强流动党员管理。县里在上海、广州等地建立流动党员党支部14个。",
     "县里在上海、广州等地建立流动党员党支部14个。", True),
    ("白石县在外地建了多少个驿站？", "白石县加强流动党员管理。县里在南州市、北川市建立驿站6个。",
     "县里在南州市、北川市建立驿站6个。", True),
])
def test_a_peer_after_a_locative_word_is_the_facts_place(question, text, sentence, fits):
    part = _part(question)
    assert ctx.places_fit(part, _hit(text), _candidate(part, text, sentence)) is fits


@pytest.mark.parametrize(("question", "text", "sentence", "fits"), [
    # the asked year stands only in another paragraph, about something else
    ("2020年白石县有多少名驻村第一书记？",
     "“2020年我刚来时，村里账上是空的。”\n今天，12名第一书记轮流登台晒实绩。", "今天，12名第一书记轮流登台晒实绩。", False),
    ("2021年青溪街道发展了多少名党员？",
     "2021年，街道新建驿站4个。\n街道党工委今年发展党员26名。", "街道党工委今年发展党员26名。", False),
    # the paragraph opens with the year: the figure is that year's
    ("2021年青溪街道发展了多少名党员？",
     "2021年，青溪街道党工委抓好发展党员工作，发展党员26名。", "青溪街道党工委抓好发展党员工作，发展党员26名。", True),
    ("2020年白石县有多少名驻村第一书记？",
     "2020年，白石县从机关选派干部驻村。全县共选派第一书记86名。", "全县共选派第一书记86名。", True),
])
def test_an_undated_figure_takes_its_year_from_just_before_it(question, text, sentence, fits):
    part = _part(question)
    assert ctx.years_fit(part, _hit(text, date="2023-06-01"), _candidate(part, text, sentence)) is fits


@pytest.mark.parametrize(("question", "sentence", "name"), [
    # a deputy does not answer for the head, nor the head for a deputy
    ("青溪街道的党工委书记是谁？", "会议由街道党工委副书记赵立新主持。", None),
    ("柳岸社区居委会主任是谁？", "居委会副主任陈丽娟介绍了情况。", None),
    ("青溪街道的党工委副书记是谁？", "会议由街道党工委副书记赵立新主持。", "赵立新"),
    # the role a name takes on (兼任, 担任) is his too
    ("桂花商圈联合党委书记是谁？", "由街道党工委副书记赵立新兼任联合党委书记。", "赵立新"),
    ("桂花大厦联合党委书记是谁？", "大厦联合党委由物业公司党支部书记邵明远兼任书记。", "邵明远"),
    ("柳岸村党支部书记是谁？", "村委会主任何川担任村党支部书记后，带头办起合作社。", "何川"),
    ("清河镇联村党委书记是谁？", "由镇党委副书记张立兼任联村党委书记。", "张立"),
    # a bare role taken on in a clause opening with 由: the body the clause before has just set up
    ("柳岸街道楼宇联合党委书记由谁兼任？", "去年，街道成立楼宇联合党委，由街道党工委副书记龚若彤兼任书记。", "龚若彤"),
    ("清河镇联村党委书记是谁？", "清河镇把6个村连成片，组建联村党委，由镇党委副书记方若溪兼任书记。", "方若溪"),
    ("柳岸街道党工委书记是谁？", "去年，街道成立楼宇联合党委，由街道党工委副书记龚若彤兼任书记。", None),
    ("清河镇党委书记是谁？", "清河镇把6个村连成片，组建联村党委，由镇党委副书记方若溪兼任书记。", None),
    # the asked role word written for another body or post: the name is not found by standing near it
    ("柳岸街道党工委书记是谁？", "街道成立骑手联合党支部，由街道党工委组织委员蒋晓岚兼任支部书记。", None),
    ("清河镇党委书记是谁？", "联村党委由镇党委宣传委员彭立新兼任联村党委书记。", None),
])
def test_deputies_and_roles_taken_on(question, sentence, name):
    typed, span, _ = ev.typed_span(_part(question), sentence)
    assert (span.text if typed else None) == name


@pytest.mark.parametrize(("question", "text", "sentence", "fits"), [
    # the asked community is named, but a peer named after it owns the figure
    ("桂花社区注册了多少名志愿者？", "桂花社区的经验已经推开，柳岸社区今年开通服务，注册志愿者580名。",
     "桂花社区的经验已经推开，柳岸社区今年开通服务，注册志愿者580名。", False),
    ("柳塘村建了几座冷库？", "柳塘村带动周边，杏林村今年也建成冷库3座。", "柳塘村带动周边，杏林村今年也建成冷库3座。", False),
    # the peer stands before the asked place: the asked place owns it
    ("桂花社区注册了多少名志愿者？", "学习柳岸社区的做法后，桂花社区注册志愿者580名。",
     "学习柳岸社区的做法后，桂花社区注册志愿者580名。", True),
])
def test_a_peer_named_after_the_asked_place_owns_the_figure(question, text, sentence, fits):
    part = _part(question)
    assert ctx.places_fit(part, _hit(text), _candidate(part, text, sentence)) is fits


@pytest.mark.parametrize(("passage", "sentence", "read"), [
    ("第一个上台的柳湾村第一书记周文博说。他由区农业农村局选派，驻村已两年。", "他由区农业农村局选派，驻村已两年。",
     "周文博 他由区农业农村局选派，驻村已两年。"),
    ("石门村党支部书记王秀英介绍了做法。她带头成立了合作社。", "她带头成立了合作社。", "王秀英 她带头成立了合作社。"),
    # no one named before, or 他们 (several people): the sentence as written
    ("合作社去年分红12万元。他说今年还要扩大规模。", "他说今年还要扩大规模。", "他说今年还要扩大规模。"),
    ("村党支部书记王秀英介绍了做法。他们带头成立了合作社。", "他们带头成立了合作社。", "他们带头成立了合作社。"),
])
def test_a_sentence_opening_with_he_or_she_is_read_with_the_person_named_before(passage, sentence, read):
    start = passage.index(sentence)
    assert ev._with_antecedent(passage, ev.Candidate(0, start, start + len(sentence), sentence)) == read


# ---------------------------------------------------------------- parts of one question


@pytest.mark.parametrize(("question", "own"), [
    ("现在发展到多少名？", False),
    ("党支部书记是谁？", False),
    ("柳塘村又有多少名？", True),  # a place of its own
    ("清河药业有限公司的书记是谁？", True),  # an organisation of its own
    ("“金穗”志愿队有多少名队员？", True),  # a quoted name of its own
])
def test_a_later_part_names_a_subject_of_its_own_or_not(question, own):
    assert names_no_subject(question) is not own


def test_a_later_part_without_a_subject_is_answered_from_the_first_parts_article():
    hits = [_hit("青溪街道还组建了“蓝骑”先锋队，队员由2023年初的26名发展到现在的167名。", doc="d2", n=1),
            _hit("2021年，青溪街道组建“红帆”服务队，当年有队员23名。如今，“红帆”服务队队员已发展到96名。",
                 doc="d1", n=2)]
    ans = _ask("青溪街道“红帆”服务队2021年刚组建时有多少名队员？现在发展到多少名？", hits)
    assert "23名" in ans.text and "96名" in ans.text and "167名" not in ans.text


def test_a_later_role_question_is_answered_from_the_first_parts_company():
    hits = [_hit("澄远电子党支部书记何文涛介绍，支部今年新发展党员3名。", doc="d2", n=1),
            _hit("清河药业有限公司党支部现有党员32名。公司党支部书记王建国介绍，支部把党员编入生产班组。",
                 doc="d1", n=2)]
    ans = _ask("清河药业有限公司党支部有多少名党员？党支部书记是谁？", hits)
    assert "32名" in ans.text and "王建国" in ans.text and "何文涛" not in ans.text



@pytest.mark.parametrize(("sentence", "figure", "then"), [
    # the start of a change is the earlier state, its end is not
    ("队员由2023年初的26名发展到现在的167名。", "26名", True),
    ("队员由2023年初的26名发展到现在的167名。", "167名", False),
    ("物业企业党员由2021年的17名增加到53名。", "17名", True),
    ("物业企业党员由2021年的17名增加到53名。", "53名", False),
    ("全村现有党员52名。", "52名", False),
    # 过去/原来 marks the figure right after it, not the end of the change after that figure
    ("报修响应时间由过去平均6小时缩短到2小时以内。", "6小时", True),
    ("报修响应时间由过去平均6小时缩短到2小时以内。", "2小时", False),
    ("入社农户由原来的46户增加到391户。", "46户", True),
    ("入社农户由原来的46户增加到391户。", "391户", False),
    # the first year is an earlier state
    ("刚开始大伙儿都观望，头一年只有68户入社。", "68户", True),
    ("合作社第一年分红3万元，去年分红28万元。", "3万元", True),
    ("合作社第一年分红3万元，去年分红28万元。", "28万元", False),
])
def test_then_figure_the_start_of_a_change(sentence, figure, then):
    span = next(s for s in sp.number_spans(sentence) if s.text == figure)
    assert ctx.then_figure(sentence, span) is then
    if "到" in sentence:
        assert ctx.now_figure(sentence, span) is not then  # the end of the change is today's


def test_a_sentence_stating_the_start_of_a_change_answers_for_the_earlier_time():
    part = _part("青溪街道“红帆”服务队刚组建的时候有多少名队员？")
    hit = _hit("队员由2023年初的26名发展到现在的167名。")
    assert not ctx.time_mismatch(part, hit, hit.text)
    assert ctx.time_mismatch(part, _hit("目前服务队共有队员167名。"), "目前服务队共有队员167名。")


@pytest.mark.parametrize(("article", "sentence", "plan"), [
    # items under a heading of plans are what is to be done
    ("一、主要做法\n街道建成驿站6个。\n三、下一步打算\n一是2024年在全部社区建成驿站；", "一是2024年在全部社区建成驿站", True),
    ("（一）工作成效\n全县培训党员3200人次。\n（二）2024年工作思路\n一是再培训党员5000人次。", "一是再培训党员5000人次", True),
    # … but not under a heading of results, nor with no heading at all
    ("一、主要做法\n街道建成驿站6个。\n三、下一步打算\n一是再建驿站3个。", "街道建成驿站6个", False),
    ("白石县去年培训党员3200人次，今年计划再培训5000人次。", "白石县去年培训党员3200人次", False),
])
def test_in_plan_section(article, sentence, plan):
    assert ctx.in_plan_section(article, article.index(sentence)) is plan


@pytest.mark.parametrize(("question", "sentence", "miss"), [
    # a counted thing the question quotes must be named by the sentence whose figure answers
    ("青溪街道的“红帆驿站”已经建成了几个？", "街道下辖9个社区，建成小区党支部31个。", True),
    ("青溪街道的“红帆驿站”已经建成了几个？", "街道已建成“红帆驿站”6个。", False),
    ("白石县给流动党员办的“先锋卡”已经发了多少张？", "全县为流动党员建立党小组4个。", True),
    ("白石县给流动党员办的“先锋卡”已经发了多少张？", "全县已发放先锋卡1260张。", False),
    # the quoted name is only part of what is counted (楼院“红色小站”): the sentence must still name it
    ("青溪街道建成了多少处网格“暖心小站”？", "街道建成“红色网格”示范点12个，选聘网格长86名。", True),
    ("青溪街道建成了多少处网格“暖心小站”？", "街道已在网格内建成“暖心小站”15处。", False),
    ("柳塘村建了几间党员“连心屋”？", "柳塘村建成“党员示范岗”8个。", True),
    ("柳塘村建了几间党员“连心屋”？", "柳塘村已建成党员“连心屋”6间。", False),
])
def test_counted_miss_a_quoted_counted_thing_not_named(question, sentence, miss):
    assert ev.counted_miss(_part(question), sentence) is miss



@pytest.mark.parametrize(("question", "sentence", "span"), [
    # the figure in the two-word unit asked (户次, 车次, 万元), not another figure of the sentence
    ("青溪街道服务队累计入户走访了多少户次？", "服务队联系困难家庭36户，累计入户走访1.3万户次。", "1.3万户次"),
    ("柳塘村去年清理垃圾多少车次？", "村里组织党员义务劳动12次，清理垃圾310车次。", "310车次"),
    ("柳塘村2023年的村集体收入是多少万元？", "柳塘村有党员52名，2023年村集体收入达到68.5万元。", "68.5万元"),
])
def test_a_two_word_unit_asked_picks_its_figure(question, sentence, span):
    assert _span(question, sentence)[1].text == span


@pytest.mark.parametrize(("line", "info"), [
    ("时间：2022-08-23 15:02:47　　来源：和平区直机关工委　　作者：宁静怡　　阅读：0", True),
    ("发布日期：2023-05-06 09:12", True),
    ("来源：白石县融媒体中心　编辑：陈静", True),
    ("2022年8月，韩立新任区直机关工委书记。", False),
    ("工委书记韩立新说：“来源于群众的意见要件件回复。”", False),
])
def test_info_line(line, info):
    assert ev.info_line(line) is info


@pytest.mark.parametrize(("question", "text"), [
    ("和平区区直机关工委书记韩立新是哪一年上任的？", "时间：2022-08-23 15:02:47　　来源：和平区直机关工委　　作者：宁静怡"),
    ("白石县党员驿站是什么时候建成的？", "发布日期：2023-05-06 09:12"),
])
def test_a_pages_information_line_does_not_date_an_event(question, text):
    part = _part(question)
    cands = ev.score_candidates(part, question, [_hit(text)], ev.Weights({}), 6, article_text=lambda _doc: text)
    assert ev.typed_span(part, text)[0] and not any(c.typed for c in cands)


@pytest.mark.parametrize(("question", "sentence", "counter"), [
    # a count right after the page's counter label counts its readers, not what is asked
    ("梧桐社区的长者食堂一份饭卖多少钱？", "2024-03-28 07:45　　阅读 2.3万", True),
    ("溪口镇的党群服务中心一年接待群众多少？", "【字体：大 中 小】　浏览次数：1536", True),
    ("溪口镇的党员志愿者一年服务了多少万？", "原创　溪口发布　阅读 10万+", True),
    # the question names the counter: the page's count is what is asked
    ("这篇文章的阅读量是多少？", "2024-03-28 07:45　　阅读 2.3万", False),
    ("这条消息的浏览次数是多少？", "发布时间：2023-06-02　浏览次数：1536", False),
    # a figure of the story after a verb that is also a label
    ("梧桐社区的党员每月要读多少本书？", "社区党委要求党员每月阅读2本理论书籍。", False),
    ("溪口镇的短视频播放了多少次？", "短视频点击量达2.3万次，留言400余条。", False),
])
def test_a_pages_own_counter_answers_no_question(question, sentence, counter):
    part = _part(question)
    _typed, span, _fit = ev.typed_span(part, sentence)
    assert span is not None and span.kind == "number"
    assert ev.page_counter(part, sentence, span) is counter


@pytest.mark.parametrize(("question", "sentence", "miss"), [
    # a clause narrowing what is counted, absent from the sentence: it counts the whole
    ("青溪街道已经完成供热管网改造的老旧小区有几个？", "青溪街道辖8个社区，有老旧小区36个，不少楼房管网老化。", True),
    ("柳塘村2023年出口到东盟国家的火龙果有多少吨？", "2023年，合作社销售火龙果5600吨，销售额2460万元。", True),
    # …written there, or half of it, or a restriction of one word only (新建 may be written 建成)
    ("柳塘村2023年出口到东盟国家的火龙果有多少吨？", "2023年，合作社出口东盟国家的火龙果达1200吨。", False),
    ("白沙街道参加集中培训的党员有多少名？", "街道组织党员集中学习，参训党员120名。", False),
    ("青溪街道新建的驿站有几个？", "青溪街道建成驿站12个。", False),
    ("柳塘村有几个合作社？", "柳塘村共有合作社3个。", False),
    # an organisation before 的 owns what is counted; it narrows nothing
    ("柳塘村金穗茶叶专业合作社的入社农户现在有多少户？", "入社农户从最初的40户增加到如今的212户。", False),
    ("白石县青屿机械有限公司的党员职工有多少名？", "公司现有党员职工46名，占职工总数的12%。", False),
])
def test_restriction_miss(question, sentence, miss):
    assert ev.restriction_miss(_part(question), sentence) is miss


@pytest.mark.parametrize(("question", "sentence", "date", "span"), [
    # 去年 / 前年 asked: the figure of the year they stand for in the article's date
    ("柳塘村去年村集体经济收入是多少？", "柳塘村村集体经济收入由2021年的12.6万元增长到2023年的48.3万元。", "2024-05-02", "48.3万元"),
    ("柳塘村前年村集体经济收入是多少？", "柳塘村村集体经济收入由2021年的12.6万元增长到2023年的48.3万元。", "2023-05-02", "12.6万元"),
    ("青溪街道前年建成多少个网格驿站？", "青溪街道网格驿站从2022年的14个增加到2024年的37个。", "2024-11-02", "14个"),
    ("青溪街道去年建成多少个网格驿站？", "青溪街道网格驿站从2022年的14个增加到2024年的37个。", "2025-01-20", "37个"),
])
def test_a_relative_year_asked_picks_that_years_figure(question, sentence, date, span):
    answer = _ask(question, [_hit(sentence, date=date)])
    assert [_answer_span(c) for c in answer.citations] == [span]


@pytest.mark.parametrize(
    ("question", "text", "sentence", "fits"),
    [
        # a street's summary: the community named under section (二) does not own section (三)'s figure
        ("石门街道松涛社区有多少名党员？",
         "石门街道2023年工作总结\n（二）深化网格治理。松涛社区推行“楼栋议事”，全年议事40场。\n"
         "（三）办好民生实事。组织在职党员到社区报到860名，认领心愿300个。\n此外，街道还开展了其他活动。",
         "组织在职党员到社区报到860名，认领心愿300个。", False),
        ("白沙镇青枫村有多少户村民？",
         "白沙镇年度工作总结\n一、夯实基层组织。青枫村新建党群服务站1个。\n"
         "二、推动产业发展。全村共有农户412户，种植茶叶2000亩。\n今后将继续努力。",
         "全村共有农户412户，种植茶叶2000亩。", False),
        # without a new numbered section the community named before still owns the figure
        ("石门街道松涛社区有多少名党员？",
         "石门街道2023年工作总结\n（二）深化网格治理。松涛社区推行“楼栋议事”，全年议事40场。"
         "社区组织在职党员报到860名，认领心愿300个。",
         "社区组织在职党员报到860名，认领心愿300个。", True),
        ("白沙镇青枫村有多少户村民？",
         "白沙镇年度工作总结\n一、夯实基层组织。青枫村新建党群服务站1个。全村共有农户412户，种植茶叶2000亩。",
         "全村共有农户412户，种植茶叶2000亩。", True),
        # the next sentence goes through several communities: none of them owns the figure before
        ("湖滨街道柳荫社区有多少名志愿者？",
         "街道共招募志愿者760名，开展服务2300小时。柳荫社区“红管家”、桂园社区“夕阳红”两个品牌入选案例。",
         "街道共招募志愿者760名，开展服务2300小时。", False),
        ("长岭镇杏花村有多少名党员？",
         "镇里现有党员1420名，其中女党员380名。杏花村的“党员责任区”和桃源村的“积分卡”都被推广。",
         "镇里现有党员1420名，其中女党员380名。", False),
        # a figure followed by the asked place alone (the speaker of a quote, the same place going on)
        ("湖滨街道柳荫社区有多少名志愿者？",
         "“我们一共招募了志愿者760名。”柳荫社区党委书记孙晓梅说。",
         "“我们一共招募了志愿者760名。”", True),
        ("长岭镇杏花村每年能增收多少？",
         "工坊按件收取管理费，村集体每年增收12万元。杏花村集体收入因此翻了一番。",
         "工坊按件收取管理费，村集体每年增收12万元。", True),
    ],
)
def test_places_fit_a_place_named_under_another_section_or_among_peers_does_not_own_a_figure(
        question, text, sentence, fits):
    part = _part(question)
    hit = _hit(text, title="工作总结")
    assert ctx.places_fit(part, hit, _candidate(part, text, sentence), article_text=text) is fits


@pytest.mark.parametrize(
    ("question", "sentence", "item"),
    [
        # the kind asked is one item of a list closed by 等: the figure counts the list's class
        ("桐山街道联盟完成的技改项目里，锅炉余热回收项目有几项？",
         "2022年以来完成锅炉余热回收、包装线自动化等技改项目23项，年节约成本800万元。", True),
        ("青溪村有多少个蔬菜大棚？", "全村建成蔬菜大棚、食用菌棚等设施农业基地12个。", True),
        ("园区有多少家外资企业？", "园区有外资企业、民营企业等各类企业326家。", True),
        # the figure follows the asked kind itself; a list after it counts other things
        ("青溪村有多少个蔬菜大棚？", "全村建成蔬菜大棚12个、食用菌棚等设施5个。", False),
        ("园区有多少家外资企业？", "园区现有外资企业26家，民营企业、个体户等300家。", False),
        ("桐山街道联盟完成的技改项目里，锅炉余热回收项目有几项？", "其中锅炉余热回收项目9项，年节约成本300万元。", False),
        # what is asked is itself one item of the list (快递员 of 快递员、外卖骑手…等新就业群体)
        ("槐岭街道辖区里的快递员有多少人？", "快递员、外卖骑手、网约车司机等新就业群体从业人员2380余人。", True),
        ("全区有多少名外卖骑手？", "全区有快递员、外卖骑手、网约车司机等新就业群体1.2万人。", True),
        ("槐岭街道辖区里的快递员有多少人？", "新就业群体2380余人，其中快递员、外卖骑手等外出务工的不计，快递员1200人。", False),
        ("全区有多少名外卖骑手？", "全区有外卖骑手860名、快递员1200名等新就业群体。", False),
    ],
)
def test_a_kind_written_only_as_an_item_of_a_list_is_not_counted_by_the_list_figure(question, sentence, item):
    part, span = _span(question, sentence)
    assert span is not None
    assert ev.item_of_counted(part, sentence, span) is item


def _listed(text, score, items, fit=True):
    cand = ev.Candidate(0, 0, len(text), text, typed=fit, score=score)
    cand.features = {"items": items}
    return cand


@pytest.mark.parametrize(("question", "scene", "listing", "first"), [
    # a scene ranked first, an enumeration nearly as strong: the enumeration answers the list
    ("青溪街道党群驿站里都设了哪些功能区？", "6月1日傍晚，青溪街道党群驿站里灯火通明，居民围坐在一起聊天。",
     "驿站设有阅览室、议事厅、健身角和休息区。", "listing"),
    ("柳湾村合作社在哪几方面实行统一？", "柳湾村合作社的茶园里，十几名社员正在采茶。",
     "合作社统一提供茶苗、统一技术标准、统一品牌销售。", "listing"),
    # the best announces its items, or a counted name is asked: the best stays
    ("柳湾村合作社在哪几方面实行统一？", "柳湾村合作社主要在三个方面实行统一：",
     "合作社统一提供茶苗、统一技术标准、统一品牌销售。", "scene"),
    ("青溪街道的“三个一”分别指什么？", "青溪街道推行“三个一”工作法，效果明显。",
     "驿站设有阅览室、议事厅、健身角和休息区。", "scene"),
])
def test_a_list_answer_starts_from_an_enumerating_sentence_nearly_as_strong(question, scene, listing, first):
    part = _part(question)
    best, other = _listed(scene, 0.5, 0.67), _listed(listing, 0.4, 1.0)
    chosen = listing_first(part, best, [best, other])
    assert chosen is (other if first == "listing" else best)


def test_a_weak_or_unfitting_enumeration_does_not_displace_the_best():
    part = _part("青溪街道党群驿站里都设了哪些功能区？")
    best = _listed("6月1日傍晚，青溪街道党群驿站里灯火通明。", 0.5, 0.67)
    # (a sentence writing the asked verb 设 at its items is preferred however weak: see
    # test_answer_lists; here the enumeration has no such verb)
    weak = _listed("驿站里有阅览室、议事厅、健身角和休息区。", 0.2, 1.0)
    unfit = _listed("驿站设有阅览室、议事厅、健身角和休息区。", 0.45, 1.0, fit=False)
    fields = _listed("时间：2023-05-01　作者：林书禾　编辑：周可心", 0.45, 1.0)
    assert listing_first(part, best, [best, weak, unfit, fields]) is best


# --------------------------------------------------------- 全区 as the level of an honour, not the whole asked
@pytest.mark.parametrize(("question", "whole"), [
    ("青溪街道哪几个项目入选了全区党建优秀案例？", False),
    ("柳塘村有哪些党员被评为全县优秀共产党员？", False),
    ("全区有多少个项目入选了全市优秀案例？", True),  # the whole is asked first
    ("白石县全县一共评出了多少名优秀共产党员？", True),
])
def test_a_whole_right_after_an_honour_verb_is_not_asked(question, whole):
    assert ctx.asks_whole(_part(question)) is whole


@pytest.mark.parametrize(("question", "text", "fits"), [
    # the street's communities' projects, honoured at district level, answer for the street
    ("青溪街道哪几个项目入选了全区党建优秀案例？",
     "青溪街道地处云港区老城。柳荫社区“楼道议事”、石桥社区“红色物业”两个项目入选全区党建优秀案例。", True),
    ("白石镇有哪些做法被评为全县基层治理创新案例？",
     "白石镇位于白石县北部。清河村“积分超市”、柳塘村“党员中心户”两项做法被评为全县基层治理创新案例。", True),
    # the whole asked for itself: its communities do not answer for it
    ("云港区全区有哪些项目入选了全市党建优秀案例？",
     "青溪街道地处云港区老城。柳荫社区“楼道议事”、石桥社区“红色物业”两个项目入选全市党建优秀案例。", False),
])
def test_places_fit_an_honour_of_a_higher_level_keeps_the_asked_place(question, text, fits):
    part = _part(question)
    sentence = text.split("。")[1] + "。"
    assert ctx.places_fit(part, _hit(text), _candidate(part, text, sentence)) is fits


# ------------------------------------------------------------- the parties of a model joined by +
@pytest.mark.parametrize(("text", "parties"), [
    ("食堂采取“社区党委+爱心企业+志愿者”运营模式，社区无偿提供场地。", 3),
    ("柳塘村推行“党支部＋合作社＋农户＋电商”模式，带动茶农增收。", 4),
    ("街道打造“党建+”品牌，推动党建+治理融合。", 0),  # two parties, or none after +: no list
    ("比赛以3+2的赛制进行。", 0),
])
def test_joined_parties(text, parties):
    assert sp.joined_parties(text) == parties


def test_a_model_of_joined_parties_answers_a_list_question_but_counts_no_items_for_a_number():
    sentence = "食堂采取“社区党委+爱心企业+志愿者”运营模式，社区无偿提供场地。"
    listed = _part("邻里食堂的运营模式由哪几方组成？")
    assert ev.typed_span(listed, sentence)[0] is True
    assert ev._item_count(listed, sentence) == 3
    counted = _part("邻里食堂有多少名志愿者？")
    assert ev._item_count(counted, sentence) == 0
    # a second story: a village's cooperative
    other = "柳塘村推行“党支部+合作社+农户”模式，茶叶卖上了好价钱。"
    assert ev.typed_span(_part("柳塘村的合作模式由哪几方组成？"), other)[0] is True
    assert ev.typed_span(_part("柳塘村的合作模式由哪几方组成？"), "柳塘村的茶叶卖上了好价钱。")[0] is False


# ------------------------------------------------------ a figure of party bodies is no count of units
@pytest.mark.parametrize(("question", "sentence", "counted"), [
    # villages asked, the figure counts the villages' party bodies
    ("白石县一共有多少个行政村？", "截至今年6月，白石县共有213个村党组织领办合作社，全县所有行政村集体经济收入均超过10万元。", True),
    ("白石县一共有多少个村党组织？", "截至今年6月，白石县共有213个村党组织领办合作社。", False),
    ("白石县一共有多少个行政村？", "白石县下辖12个镇、236个行政村。", False),
    # enterprises asked, the figure counts their party bodies (written before or after it)
    ("云港区有多少家非公企业？", "全区非公企业党组织已达146个，覆盖职工3.2万人。", True),
    ("云港区有多少家非公企业？", "全区共有非公企业1460家。", False),
    ("云港区有多少个非公企业党支部？", "全区非公企业党支部已达146个。", False),
    # people of a party body are counted as people
    ("青溪街道有多少名党工委委员？", "街道党工委共有委员7名。", False),
])
def test_party_body_counted(question, sentence, counted):
    part, span = _span(question, sentence)
    assert span is not None
    assert ev.party_body_counted(part, sentence, span) is counted


# ------------------------------------------- party bodies asked, a paragraph naming none of them
@pytest.mark.parametrize(("question", "sentence", "before", "miss"), [
    # organisations visited, or enterprises in the district: no party body written
    ("南州区非公企业党组织有多少个？", "调研组先后走访“两新”组织86家，召开座谈会9场。", "", True),
    ("青溪街道有多少个社区党支部？", "街道下辖社区12个，常住人口4.6万人。", "", True),
    # the party bodies written after the figure, before it, or in the paragraph's earlier sentence
    ("南州区非公企业党组织有多少个？", "全区已在218家非公企业建立党组织，覆盖率达到91%。", "", False),
    ("青溪街道有多少个社区党支部？", "截至目前，街道共建立社区党支部12个。", "", False),
    ("南州区非公企业党组织有多少个？", "其中非公企业218个，社会组织93个。", "全区“两新”党组织共有311个。", False),
    ("南州区有多少个机关单位党组织到社区报到？", "全区组织318个机关企事业单位党组织到社区报到。", "", False),
    # people counted, or a question not counting party bodies: not this rule's
    ("青溪街道有多少名党支部书记参加培训？", "街道组织书记培训，共有48名学员参加。", "", False),
    ("南州区有多少家非公企业？", "调研组先后走访“两新”组织86家，召开座谈会9场。", "", False),
])
def test_party_bodies_asked_need_a_paragraph_that_names_them(question, sentence, before, miss):
    part, span = _span(question, sentence)
    assert span is not None
    assert ev.party_body_unwritten(part, sentence, span, before) is miss


def test_a_count_of_organisations_visited_is_no_count_of_party_bodies():
    visited = _hit("为摸清底数，区委组织部成立调研组，走访“两新”组织86家，发放问卷1200份。", district="南州区", doc="d1")
    assert not _ask("南州区非公企业党组织有多少个？", [visited]).found
    counted = _hit("为摸清底数，区委组织部成立调研组，走访“两新”组织86家。\n"
                   "截至年底，全区非公企业党组织共有218个，覆盖率达到91%。", district="南州区", doc="d2", n=2)
    answer = _ask("南州区非公企业党组织有多少个？", [counted])
    assert answer.found and "218" in answer.text and "86家" not in answer.text


# ------------------------------------------------ a group of organisations owns the figure of its clause
@pytest.mark.parametrize(("question", "text", "miss"), [
    ("青屿汽车部件有限公司一共有多少名党员？",
     "链主企业青屿汽车部件有限公司党委书记俞建锋担任产业链党委书记。链上企业共有党组织41个、党员736名。", True),
    ("青屿汽车部件有限公司一共有多少名党员？",
     "青屿汽车部件有限公司党委书记俞建锋说，公司共有党员126名。", False),
    ("澄远电子公司有多少名党员？", "澄远电子公司是园区的龙头。园区入驻企业共有党员520名。", True),
    ("澄远电子公司有多少名党员？", "澄远电子公司是园区的龙头，该公司共有党员86名。", False),
])
def test_a_group_of_organisations_owns_the_figure_of_its_clause(question, text, miss):
    part = _part(question)
    sentence = text.split("。")[-2] + "。" if text.count("。") > 1 else text
    sentence = sentence if sentence in text else text
    hit = _hit(text)
    cand = _candidate(part, text, sentence)
    assert cand.span is not None
    assert ev.organisation_owner_miss(part, hit, cand, text) is miss


# -------------------------------------------- a year-end report's undated figure is that year's
@pytest.mark.parametrize(("question", "text", "date", "fits"), [
    # published in the first quarter after the year, which the passage names in another
    # paragraph: the report's undated figures are the year's
    ("到2023年，青溪街道居民对物业服务的满意度提高到了多少？",
     "2023年，街道推进“红色物业”。\n两年来，居民对物业服务的满意度由61.5%提升至92.3%。", "2024-03-15", True),
    ("2022年柳塘村集体经济收入是多少？", "柳塘村2022年开展了“清廉村居”建设。\n村集体经济收入达到58万元。", "2023-01-20", True),
    # later in the next year, or two years on: no longer the asked year's
    ("到2023年，青溪街道居民对物业服务的满意度提高到了多少？",
     "2023年，街道推进“红色物业”。\n两年来，居民对物业服务的满意度由61.5%提升至92.3%。", "2024-07-15", False),
    ("2022年柳塘村集体经济收入是多少？", "柳塘村2022年开展了“清廉村居”建设。\n村集体经济收入达到58万元。", "2024-02-20", False),
    # the passage never names the year: no report on it
    ("2022年柳塘村集体经济收入是多少？", "柳塘村开展了“清廉村居”建设。\n村集体经济收入达到58万元。", "2023-01-20", False),
])
def test_years_fit_a_year_end_report(question, text, date, fits):
    part = _part(question)
    hit = _hit(text, date=date, title="工作总结")
    sentence = text.split("\n")[-1]
    assert ctx.years_fit(part, hit, _candidate(part, text, sentence)) is fits


# ------------------------------------- a figure next to a word of the question does not displace the whole
@pytest.mark.parametrize(("question", "text", "answer", "weak"), [
    ("青溪街道在基础类之外还做了提升类改造的有多少户？",
     "截至12月中旬，青溪街道已完成适老化改造412户，其中137户在基础类之外还做了提升类改造，累计投入资金156万元。"
     "桦苑社区高龄老人多，社区党委书记带着党员挨家挨户摸排，社区完成改造96户。", "137户", "96户"),
    ("柳塘村在入股合作社之外还领办了家庭农场的有多少户？",
     "柳塘村共有入股合作社农户312户，其中46户在入股合作社之外还领办了家庭农场。清河组推广家庭农场88户。", "46户", "88户"),
])
def test_an_attached_figure_writing_little_of_the_question_is_not_promoted(question, text, answer, weak):
    first = _ask(question, [_hit(text)]).text.split("。")[0]
    assert answer in first and weak not in first


# ----------------------------------------------- a figure of another kind of place counts other places
@pytest.mark.parametrize(("question", "sentence", "figure", "miss"), [
    # communities asked, towns counted; grids asked, communities counted
    ("云港区一共有多少个易地扶贫搬迁安置社区？", "新岚社区共安置来自全区23个乡镇的搬迁群众2846户。", "23个", True),
    ("青溪街道一共划分了多少个网格？", "讲评会上，辖区5个社区的网格治理“成绩单”逐一亮相。", "5个", True),
    # the kind asked, or a place word naming another thing (9个社区工作者 counts workers)
    ("白石县有多少个行政村？", "白石县下辖12个镇、236个行政村。", "236个", False),
    ("青溪街道一共划分了多少个网格？", "街道把辖区划分为53个网格。", "53个", False),
    ("青溪街道一共划分了多少个网格？", "街道培训了9个社区工作者。", "9个", False),
])
def test_place_kind_miss(question, sentence, figure, miss):
    part = _part(question)
    span = next(s for s in sp.number_spans(sentence) if s.text == figure)
    assert ev.place_kind_miss(part, sentence, span) is miss


# ------------------------------------ the people of the place as a whole go without saying in the focus
def _focus_cover(question, sentence):
    return next(c.cov_focus for c in candidates_for(question, sentence) if c.text == sentence)


@pytest.mark.parametrize(("question", "bare", "full"), [
    ("桂香社区去年一共收集了多少件居民诉求？", "桂香社区去年共收集诉求860件。", "桂香社区去年共收集居民诉求860件。"),
    ("柳塘村的群众满意率是多少？", "柳塘村开展“回头看”，满意率达到97.5%。", "柳塘村开展“回头看”，群众满意率达到97.5%。"),
])
def test_a_populace_word_of_the_focus_goes_without_saying(question, bare, full):
    assert _focus_cover(question, bare) == pytest.approx(_focus_cover(question, full))


@pytest.mark.parametrize(("question", "bare", "full"), [
    # a word that narrows the thing (物业, 党员) is no populace word: leaving it out costs
    ("桂香社区去年一共收集了多少件物业诉求？", "桂香社区去年共收集诉求860件。", "桂香社区去年共收集物业诉求860件。"),
    ("柳塘村的党员满意率是多少？", "柳塘村开展“回头看”，满意率达到97.5%。", "柳塘村开展“回头看”，党员满意率达到97.5%。"),
])
def test_a_narrowing_word_of_the_focus_counts(question, bare, full):
    assert _focus_cover(question, bare) < _focus_cover(question, full)


# ------------------------------------------ an organisation called by its kind alone points back
_FILLER = ("村里的茶园大多分布在海拔六百米以上的缓坡上，土层深厚，雾气足，采茶季从清明前一直延续到谷雨后。"
           "早些年茶农各自采摘、各自炒制，品质参差不齐，收购商压价是常事，一斤干茶常常卖不出好价钱。"
           "村党支部书记带着几名党员挨家挨户上门商量，把分散的茶园统一起来，统一标准、统一品牌、统一销售。"
           "党员们还轮流到外地茶区学习揉捻和烘焙手艺，回来后在田间地头手把手教给乡亲们，一季下来成品率明显提高。")


@pytest.mark.parametrize(("question", "text", "sentence", "miss"), [
    # the bare kind after the asked organisation was named: it is that one's figure
    ("翠芽香合作社的茶叶去年线上卖了多少钱？",
     "“翠芽香”茶叶专业合作社成立于2019年。" + _FILLER + "合作社开设网店后，去年线上销售额达320万元。",
     "合作社开设网店后，去年线上销售额达320万元。", False),
    ("澄川精工公司去年的产值是多少？",
     "澄川精工有限公司是镇上最大的民营企业。" + _FILLER + "该公司去年实现产值2.3亿元。",
     "该公司去年实现产值2.3亿元。", False),
    # another organisation of that kind named in between: the bare kind points at it
    ("翠芽香合作社的茶叶去年线上卖了多少钱？",
     "“翠芽香”茶叶专业合作社成立于2019年。" + _FILLER + "邻村的“云雾尖”茶叶合作社也不甘落后。"
     "合作社开设网店后，去年线上销售额达320万元。",
     "合作社开设网店后，去年线上销售额达320万元。", True),
    # no organisation word in the sentence: nothing points back
    ("澄川精工公司去年的产值是多少？",
     "澄川精工有限公司是镇上最大的民营企业。" + _FILLER + "全镇去年实现工业产值2.3亿元。",
     "全镇去年实现工业产值2.3亿元。", True),
])
def test_an_organisation_called_by_its_kind_alone_points_back(question, text, sentence, miss):
    part = _part(question)
    hit = _hit(text, title="茶乡新事")
    cand = _candidate(part, text, sentence)
    assert cand.span is not None
    assert ev.organisation_owner_miss(part, hit, cand, text) is miss


# ------------------------------------------------- the size of a difference is not the amount
@pytest.mark.parametrize(("question", "sentence", "miss"), [
    ("那套设备的制造周期一共有多少天？", "攻关小组改进了加工方案，把制造周期缩短了9天。", True),
    ("合作社收购鲜叶的价格是每斤多少钱？", "合作社收购鲜叶，每斤高于市场价0.6元。", True),
    ("南塘村今年有多少户养蜂？", "今年南塘村养蜂的农户比去年多12户。", True),
    ("村集体一年的收入有多少？", "通过出租闲置厂房，村集体每年增收15万元。", True),
    # a question asking the change or the comparison is answered by it
    ("那套设备的制造周期缩短了几天？", "攻关小组改进了加工方案，把制造周期缩短了9天。", False),
    ("村里每年能多进账多少钱？", "通过出租闲置厂房，村集体每年增收15万元。", False),
    # a state after the change, a bound and a plain amount are amounts
    ("小区的物业费收缴率现在是多少？", "小区物业费收缴率由去年的58%提高到81%。", False),
    ("每名党员每年至少服务多长时间？", "要求每名党员每年参加服务不少于20小时。", False),
    ("那套设备的制造周期一共有多少天？", "这套设备从投料到交付只用了60天。", False),
])
def test_the_size_of_a_difference_is_not_the_amount(question, sentence, miss):
    part = _part(question)
    _, span, _ = ev.typed_span(part, sentence)
    assert span is not None
    assert ctx.difference_for_amount(part, sentence, span) is miss


# ------------------------ the asked thing stated elsewhere with a set-aside figure is still elsewhere
def test_a_difference_stated_at_another_place_makes_a_weak_fit_a_near_miss():
    from retrieval.answer.extractive import confidence, near_miss

    question = "宁陵县的规模以上企业一共有多少家？"
    part = _part(question)
    heading = _hit("宁陵县：“三个一”推动企业党建提质增效", district="宁陵县", title="宁陵县工作动态", doc="d1")
    other = _hit("截至年底，柘城县规模以上企业党组织覆盖率达到95%，比上年提高6个百分点；", district="柘城县",
                 title="柘城县非公党建综述", doc="d2", n=2)
    cands = ev.score_candidates(part, question, [heading, other], ev.Weights({}), 5)
    assert cands[0].text.startswith("宁陵县：") and near_miss(cands[0]) and confidence(cands) == 0.0
    stated = _hit("宁陵县现有规模以上企业126家，已全部建立党组织。", district="宁陵县", title="宁陵县工作动态", doc="d3", n=3)
    cands = ev.score_candidates(part, question, [stated, other], ev.Weights({}), 5)
    assert "126家" in cands[0].text and not near_miss(cands[0])


# ------------------------------------------ a clause with its own subject is not the place word's
@pytest.mark.parametrize(("question", "text", "fit"), [
    ("青禾村爱心企业和在外乡贤捐了多少？",
     "青禾村的积分超市开张两年了。村党支部书记算了一笔账：镇党委每年拨付运行经费3万元，辖区爱心企业和在外乡贤捐赠2.4万元。",
     True),
    ("望湖社区的驻区单位出资多少？",
     "望湖社区的微改造去年完工。社区书记介绍，街道党工委补助经费50万元，驻区单位出资18万元。", True),
    # a clause opening on a verb carries the place word of the clause before it over
    ("望湖社区改建了多少个活动室？",
     "望湖社区位于城东。街道利用闲置用房，改建了活动室12个。", False),
    ("青禾村爱心企业捐了多少钱？", "镇党委每年拨付运行经费3万元，企业捐赠的部分由镇里统一管理。", False),
    # a clause opening on a place word is that place's, not the asked whole's
    ("南州区全区搬迁群众的就业率是多少？",
     "南州区搬迁安置点建成三年。社区党委书记介绍，社区劳动力就业率已由71.3%提高到95.8%。", False),
])
def test_a_clause_with_its_own_subject_is_not_the_place_words(question, text, fit):
    from retrieval.answer.extractive import fits

    cands = [c for c in candidates_for(question, text) if c.span is not None]
    assert any(fits(c) for c in cands) is fit


# ------------------------------------------------------- a rate per another base is another rate
@pytest.mark.parametrize(("question", "sentence", "miss"), [
    ("在工坊上班，每人每个月能多挣多少钱？", "蚕茧收购价每斤比过去高出2元，养蚕户因此受益。", True),
    ("合作社给社员每亩地分红多少钱？", "入社农户户均分红3200元，比上年增加600元。", True),
    # the same base, written as an average or with 每
    ("在工坊上班，每人每个月能多挣多少钱？", "工坊吸纳村民就业86人，人均月增收2600元。", False),
    ("合作社给社员每亩地分红多少钱？", "土地入股的农户每亩分红850元。", False),
    ("村民在车间干活每年能多挣多少钱？", "车间吸纳村民就业640人，月均增收约2200元。", True),
    # no base written at the figure: nothing to compare
    ("在工坊上班，每人每个月能多挣多少钱？", "工坊去年发放工资共计260万元。", False),
    # a base of a kind the question leaves open (per person, when only per month is asked)
    ("在车间干活，一个人每个月能多挣多少钱？", "车间吸纳村民就业640人，人均月增收约2200元。", False),
])
def test_a_rate_per_another_base_is_another_rate(question, sentence, miss):
    part = _part(question)
    _, span, _ = ev.typed_span(part, sentence)
    assert span is not None
    assert ctx.rate_base_miss(part, sentence, span) is miss


# ------------------------------------------------ the group the question quotes owns its figure
@pytest.mark.parametrize(("question", "text", "fit"), [
    ("青禾社区“暖心帮办队”有多少名志愿者？",
     "青禾社区的服务站开在老厂区。纺织厂宿舍区一处闲置的锅炉房，如今改成了党群服务站，由“暖心帮办队”的86名志愿者轮流值守。",
     True),
    ("望湖社区“银发巡逻队”有多少名队员？",
     "望湖社区治安向好。机械厂家属区的老人自发组队，“银发巡逻队”现有队员42名，每晚巡逻两次。", True),
    # the quoted group is not in the figure's clause: the earlier place still owns it
    ("青禾社区“暖心帮办队”有多少名志愿者？",
     "青禾社区成立了“暖心帮办队”。纺织厂宿舍区有居民志愿者56名。", False),
    # a whole asked (全区): one street's count of the quoted name is not it
    ("柳岸区全区一共建了多少个“红骑驿站”？",
     "柳岸区推进新就业群体党建。竹溪街道整合物业用房和沿街商铺，建成“红骑驿站”11个。", False),
])
def test_the_group_the_question_quotes_owns_its_figure(question, text, fit):
    from retrieval.answer.extractive import fits

    cands = [c for c in candidates_for(question, text) if c.span is not None and c.span.text[0].isdigit()]
    assert any(fits(c) for c in cands) is fit


@pytest.mark.parametrize(("question", "text", "fit"), [
    # a compound (宿舍区, 安置区) in the figure's own clause owns the figure, not the community
    ("望湖社区有多少名巡逻队员？", "望湖社区治安向好。机械厂家属区有巡逻队员24名。", False),
    ("柳塘村有多少户光伏发电户？", "柳塘村推进新能源。林场宿舍区有光伏发电户37户。", False),
    # the compound named in an earlier clause only says where: the figure is the asked place's
    ("望湖社区有多少名巡逻队员？", "在机械厂家属区，望湖社区组建了巡逻队，现有巡逻队员42名。", True),
    ("柳塘村有多少户光伏发电户？", "林场宿舍区屋顶宽阔，柳塘村光伏发电户达到37户。", True),
])
def test_a_compound_in_the_figure_clause_owns_its_figure(question, text, fit):
    test_the_group_the_question_quotes_owns_its_figure(question, text, fit)


# ------------------------------------------------ one figure answers no question about each
@pytest.mark.parametrize(("question", "sentence", "miss"), [
    ("商贸城的5个党支部各有多少名党员？", "商贸城成立联合党委，下设党支部5个，把商户中的93名党员全部纳入管理。", True),
    ("商贸城的5个党支部各有多少名党员？", "商贸城下设党支部5个，把93名党员（其中流动党员31名）全部纳入管理。", True),
    ("这3个村各有多少户搬迁群众？", "3个村共安置搬迁群众486户，建成安置房12栋。", True),
    # a figure for each, or a question about one
    ("这3个村各有多少名党员？", "柳塘村有党员46名，杏林村有党员38名，白沙村有党员52名。", False),
    ("柳塘村有多少名党员？", "柳塘村有党员46名。", False),
])
def test_one_figure_answers_no_question_about_each(question, sentence, miss):
    part = _part(question)
    _, span, _ = ev.typed_span(part, sentence)
    assert span is not None
    assert ctx.one_figure_for_each(part, sentence, span) is miss


# ------------------------------------------------ a project's money is not one listed work's
@pytest.mark.parametrize(("question", "sentence", "miss"), [
    ("青禾社区加装的5部电梯一共花了多少钱？",
     "片区纳入改造计划，总投资4180万元，完成管网改造21.6公里、外墙保温19.8万平方米，加装电梯5部。", True),
    ("柳塘村修的那条产业路花了多少钱？",
     "村里争取项目资金860万元，建成冷库2座、晾晒场3000平方米，硬化产业路4.2公里。", True),
    # the first of the works, in the clause after the amount with a measure of its own
    ("枫林社区更换供排水管网花了多少钱？", "小区纳入改造计划，总投资2360万元，更换供排水管网4.2公里，新增停车位310个。", True),
    ("柳塘村修的那条产业路花了多少钱？", "村里争取项目资金860万元，硬化产业路4.2公里，建成冷库2座。", True),
    # the thing named before its amount, or right after it with nothing listed between, or with an amount
    ("青禾社区加装的5部电梯一共花了多少钱？", "社区加装电梯5部，共投入资金300万元。", False),
    ("枫林社区的物业费一平米交多少钱？", "多层住宅每月每平方米0.45元，比周边同类小区低0.1元左右。", False),
    ("青禾社区加装的5部电梯一共花了多少钱？", "社区投入300万元加装电梯5部。", False),
])
def test_a_projects_money_is_not_one_listed_works(question, sentence, miss):
    part = _part(question)
    _, span, _ = ev.typed_span(part, sentence)
    assert span is not None and span.unit in ("元", "万元", "亿元")
    assert ctx.whole_money_for_item(part, sentence, span) is miss


# ------------------------------------------------------------ a stock held is no number added
@pytest.mark.parametrize(("question", "sentence", "miss"), [
    ("青溪街道今年上半年新吸收了几个党员？", "街道党工委下辖社区党委6个，共有党员1486名。", True),
    ("柳岸区今年新建了多少个骑手驿站？", "目前全区现有骑手驿站32个，覆盖主要商圈。", True),
    # the addition written as such, or a question about the stock
    ("青溪街道今年上半年新吸收了几个党员？", "上半年发展党员8名，其中“两新”组织5名。", False),
    ("青溪街道一共有多少名党员？", "街道党工委下辖社区党委6个，共有党员1486名。", False),
    # the level a count rose to is a stock too
    ("云港工业园今年新成立了多少个企业党组织？", "三年来，园区企业党组织由2021年的12个增加到目前的35个。", True),
    ("柳岸区今年新建了多少个骑手驿站？", "全区骑手驿站从去年的20个增至32个。", True),
    ("云港工业园今年新成立了多少个企业党组织？", "今年以来，园区新成立企业党组织7个。", False),
    # a count to date (累计) is no number added, unless it is of new ones
    ("柳岸街道今年新加装了多少部电梯？", "截至5月底，全街道累计完成加装电梯64部。", True),
    ("白石县今年新安装了多少个监控探头？", "全县累计安装监控探头1260个，覆盖所有行政村。", True),
    ("柳岸街道今年新加装了多少部电梯？", "今年以来，全街道累计新加装电梯12部。", False),
    # what is there now (目前…已有) is a stock; 已有 of this year's work is not
    ("白石镇今年新建了几个老年助餐点？", "目前全镇已有5个村建成老年助餐点，明年计划再新建4个。", True),
    ("柳岸区今年新建了多少个骑手驿站？", "如今全区已有骑手驿站32个，骑手出门不愁没处歇脚。", True),
    ("柳岸区今年新建了多少个骑手驿站？", "今年以来，全区已有新建骑手驿站6个投入使用。", False),
])
def test_a_stock_held_is_no_number_added(question, sentence, miss):
    part = _part(question)
    _, span, _ = ev.typed_span(part, sentence)
    assert span is not None
    assert ctx.stock_for_new(part, sentence, span) is miss


# ------------------------------------------- the sentence stating a total the question gives
@pytest.mark.parametrize(("question", "sentence", "miss"), [
    # the question gives the whole's figure and asks a lower place's part: the whole's sentence
    ("青溪街道已完成的38个“微心愿”中，桂花社区完成了几个？",
     "报到单位认领“微心愿”52个，已完成38个。", True),
    ("白石县建成的26个驿站中，清河镇有几个？", "全县规划党群驿站30个，已建成26个。", True),
    # the sentence naming the lower place answers; a question giving no figure is not concerned
    ("青溪街道已完成的38个“微心愿”中，桂花社区完成了几个？",
     "其中桂花社区完成“微心愿”9个。", False),
    ("青溪街道桂花社区完成了几个“微心愿”？", "报到单位认领“微心愿”52个，已完成38个。", False),
])
def test_the_sentence_of_a_given_total_is_no_part_of_it(question, sentence, miss):
    part = _part(question)
    _, span, _ = ev.typed_span(part, sentence)
    assert span is not None
    assert ctx.given_total_for_part(part, sentence, span) is miss


# ------------------------------------------------------- a quoted name counted owns nothing
@pytest.mark.parametrize(("question", "sentence", "owner"), [
    ("青禾社区“暖心帮办队”有多少名志愿者？", "由“暖心帮办队”的86名志愿者轮流值守。", True),
    ("望湖社区“银发巡逻队”有多少名队员？", "“银发巡逻队”现有队员42名。", True),
    # a name the question counts (38个“微心愿”, 多少个“红骑驿站”) is the thing counted
    ("青溪街道已完成的38个“微心愿”中，桂花社区完成了几个？", "认领“微心愿”52个，已完成38个。", False),
    ("柳岸区一共建了多少个“红骑驿站”？", "竹溪街道建成“红骑驿站”11个。", False),
])
def test_a_quoted_name_owns_its_figure_unless_it_is_counted(question, sentence, owner):
    part = _part(question)
    _, span, _ = ev.typed_span(part, sentence)
    assert span is not None
    assert ctx.quoted_owner(part, normalize(sentence), span) is owner


# ------------------------------------------ a place listed with its peers owns no figure after
@pytest.mark.parametrize(("question", "text", "fits"), [
    ("桂花社区完成了多少个微项目？", "青溪街道下辖桂花·柳岸·石塘3个社区。报到单位认领微项目52个，已完成38个。", False),
    ("清河镇建了多少个党群驿站？", "白石县下辖清河·杏林·柳塘3个镇。各镇联动，建成党群驿站26个。", False),
    # named on its own before the figure, it owns it
    ("桂花社区完成了多少个微项目？", "桂花社区位于青溪街道东部。报到单位认领微项目52个，已完成38个。", True),
    ("清河镇建了多少个党群驿站？", "清河镇地处白石县北部。镇里建成党群驿站9个。", True),
])
def test_places_fit_a_place_only_listed_before_owns_nothing(question, text, fits):
    part = _part(question)
    sentence = text.split("。")[1] + "。"
    assert ctx.places_fit(part, _hit(text), _candidate(part, text, sentence)) is fits


# ------------------------------------------- the last item of a list after 和, or closed by 等
@pytest.mark.parametrize(("question", "text", "fits"), [
    ("云港区组织部调研时一共发放了多少份问卷？",
     "云港区开展调研。调研组先后深入青溪街道、柳岸街道和青岚科技园等地，发放问卷900份。", True),
    ("白石县一共培训了多少名党务干部？",
     "白石县加强培训。培训班先后在清河镇、杏林镇及桃源工业园举办，共培训党务干部460名。", True),
    # one lower place named on its own before the figure still owns it
    ("云港区组织部调研时一共发放了多少份问卷？",
     "云港区开展调研。在青岚科技园，调研组发放问卷300份。", False),
    ("白石县一共培训了多少名党务干部？",
     "白石县加强培训。桃源工业园，共培训党务干部60名。", False),
])
def test_places_fit_the_last_item_of_a_list_owns_nothing(question, text, fits):
    part = _part(question)
    sentence = text.split("。")[1] + "。"
    assert ctx.places_fit(part, _hit(text), _candidate(part, text, sentence)) is fits


# ------------------------------------------------ an outcome asked must be written with the figure
@pytest.mark.parametrize(("question", "sentence", "figure"), [
    # the successes asked: the figure whose clause writes 成功 (or an equivalent), not the cases taken on
    ("青溪街道今年调解成功了多少件纠纷？", "今年以来，街道共受理纠纷126件，调解成功118件。", "118件"),
    ("白石县的微心愿已经办完了多少个？", "全县认领微心愿312个，已办结290个。", "290个"),
])
def test_an_outcome_asked_picks_the_figure_that_writes_it(question, sentence, figure):
    part = _part(question)
    _, span, _ = ev.typed_span(part, sentence)
    assert span is not None and span.text == figure
    assert ctx.outcome_miss(part, sentence, span) is False


@pytest.mark.parametrize(("question", "sentence", "miss"), [
    ("青溪街道今年调解成功了多少件纠纷？", "今年1至6月，调解室又接手纠纷64件。", True),
    # 成功化解 asked: the cases taken on (受理) in the same period are no successes
    ("雪岭社区今年1至10月成功化解了多少件纠纷？", "今年1至10月，调解室受理纠纷117件。", True),
    ("雪岭社区今年1至10月成功化解了多少件纠纷？", "今年1至10月，调解室成功化解纠纷98件。", False),
    ("桐溪街道去年成功调处了多少起矛盾？", "去年街道共排查矛盾纠纷215起。", True),
    ("白石县的微心愿已经办完了多少个？", "全县党员认领微心愿312个。", True),
    # no outcome asked: the count of cases taken on answers
    ("青溪街道今年调解了多少件纠纷？", "今年1至6月，调解室又接手纠纷64件。", False),
    ("白石县认领了多少个微心愿？", "全县党员认领微心愿312个。", False),
    # the outcome asked in a relative clause (已经完工的…有多少个): projects started are not finished
    ("岳岭区今年已经完工的老旧小区改造项目有多少个？", "今年全区计划改造老旧小区43个，目前已开工31个。", True),
    ("岳岭区今年已经完工的老旧小区改造项目有多少个？", "今年全区老旧小区改造项目已竣工18个。", False),
    ("青溪街道已经办结的群众诉求有多少件？", "全年收集群众诉求320件。", True),
    ("青溪街道已经办结的群众诉求有多少件？", "办结298件，另有22件正在办理。", False),
])
def test_a_figure_without_the_asked_outcome_is_no_answer(question, sentence, miss):
    part = _part(question)
    span = next(s for s in sp.number_spans(sentence) if s.unit)
    assert ctx.outcome_miss(part, sentence, span) is miss


# ------------------------------------ the asked people as one kind among those a figure counts
@pytest.mark.parametrize(("question", "sentence", "miss"), [
    ("青溪街道有多少名党员？", "街道组建调解队，吸纳退休干部、老党员、律师等86人参与调解。", True),
    ("白石县有多少名志愿者？", "县里由网格员、志愿者、楼栋长共320人组成巡查队。", True),
    # the asked people counted on their own, or a list of the asked kind only
    ("青溪街道有多少名党员？", "街道现有老党员、年轻党员等党员1280名。", False),
    ("白石县有多少名志愿者？", "县里组建巡查队，吸纳志愿者320人。", False),
    # the group's name between 等 and the figure
    ("柳岸镇的外卖送餐员有多少人？", "镇里摸排出快递员、外卖送餐员、网约车司机等新就业群体约2300人。", True),
    ("青溪街道有多少名退役军人？", "街道组织退役军人、老党员、律师等志愿力量共186人参与巡防。", True),
    # … but a question naming the listed kinds together asks for all of them
    ("柳岸镇送外卖、送快递、开网约车的有多少人？", "镇里摸排出快递员、外卖骑手、网约车司机等新就业群体约2300人。", False),
])
def test_a_figure_counting_several_kinds_is_not_one_kinds(question, sentence, miss):
    part = _part(question)
    span = next(s for s in sp.number_spans(sentence) if s.unit in ("人", "名"))
    assert ctx.counted_among_kinds(part, sentence, span) is miss


# ------------------------------------------------ the asked people among another group's count
@pytest.mark.parametrize(("question", "sentence", "figure", "narrowed"), [
    # a place's total asked: a company's staff in the place, 其中党员…, is not the place's members
    ("青溪街道桂花社区一共有多少名党员？", "红管家物业在桂花片区有员工38名，其中党员6名。", "6名", True),
    ("白石县清河镇一共有多少名党员？", "镇上的果品公司有职工210人，其中党员17名。", "17名", True),
    # the place's own people, or a question that is no total
    ("青溪街道桂花社区一共有多少名党员？", "社区有居民3200人，其中党员126名。", "126名", False),
    ("白石县清河镇有多少名党员在果品公司上班？", "镇上的果品公司有职工210人，其中党员17名。", "17名", False),
    # a narrower kind of the asked people written after the figure
    ("青溪街道桂花社区一共有多少名党员？", "每个楼栋都有1名党员楼栋长。", "1名", True),
    ("白石县清河镇一共有多少名党员？", "镇里选出42名党员中心户，带动周边群众。", "42名", True),
    ("白石县清河镇一共有多少名党员？", "全镇共有党员1260名，其中农村党员980名。", "1260名", False),
])
def test_the_asked_people_among_another_group_are_a_narrower_count(question, sentence, figure, narrowed):
    part = _part(question)
    span = next(s for s in sp.number_spans(sentence) if s.text == figure)
    assert ctx.narrowed_count(part, sentence, span) is narrowed


# -------------------------------------------- a part of a group narrowed by the place it comes from
@pytest.mark.parametrize(("question", "sentence", "miss"), [
    # the whole group's figure, the place only listed after it
    ("桂花社区的候鸟党员中来自辽宁省的有多少名？",
     "今冬已有312名候鸟党员登记报到，分别来自黑龙江、辽宁、吉林等18个省份。", True),
    ("白石县的外来务工人员中来自贵州省的有多少人？", "全县有外来务工人员2.3万人，主要来自贵州、四川两省。", True),
    # the place written before the figure: the part asked
    ("桂花社区的候鸟党员中来自辽宁省的有多少名？", "登记的候鸟党员中，来自辽宁的有86名。", False),
    ("白石县的外来务工人员中来自贵州省的有多少人？", "其中来自贵州省的务工人员有6400人。", False),
])
def test_a_part_narrowed_by_a_place_needs_the_place_before_its_figure(question, sentence, miss):
    part = _part(question)
    span = next(s for s in sp.number_spans(sentence) if s.unit in ("人", "名", "万人"))
    assert ctx.subset_place_miss(part, sentence, span) is miss


@pytest.mark.parametrize(("question", "sentence", "miss"), [
    # the deposit is named, its standard is not, and no figure stands for it
    ("白石县领办合作社的风险保证金按什么标准缴纳？", "全县建立领办合作社风险保证金制度，对经营性项目开展年度审计。", True),
    ("青溪街道的党员积分按什么标准兑换物品？", "街道在每个社区设立积分兑换点，党员凭积分兑换生活用品。", True),
    # a figure (a rate) or the measure word itself answers
    ("白石县领办合作社的风险保证金按什么标准缴纳？", "保证金按合作社年经营收入的2%缴纳。", False),
    ("青溪街道的党员积分按什么标准兑换物品？", "兑换标准由社区党委统一制定，并在兑换点公示。", False),
    # a question not asking a measure is not concerned
    ("白石县的风险保证金制度是怎么运行的？", "全县建立领办合作社风险保证金制度，对经营性项目开展年度审计。", False),
])
def test_a_measure_asked_needs_the_measure_or_a_figure(question, sentence, miss):
    assert ctx.measure_miss(_part(question), sentence) is miss



# ------------------------------------------------ a role in a named bureau, and a bureau's short form
BULLETIN = ("一、区财政局党支部：惠企资金免申即享\n区财政局党支部推动惠企资金“免申即享”，首批拨付资金280万元。\n"
            "二、区市场监督管理局党支部：代办员跑出加速度\n区市场监督管理局党支部选出12名党员担任代办员。"
            "支部书记于海潮说：“企业少跑一趟腿，我们就多了一分底气。”")


@pytest.mark.parametrize(("question", "miss"), [
    ("白石县财政局党支部书记是谁？", True),  # the secretary quoted is the other bureau's
    ("白石县市监局党支部书记是谁？", False),  # 市监局: the short form of 市场监督管理局
])
def test_a_person_asked_in_a_named_bureau_is_one_the_text_ties_to_it(question, miss):
    part = _part(question)
    sentence = "支部书记于海潮说：“企业少跑一趟腿，我们就多了一分底气。”"
    cand = _candidate(part, BULLETIN, sentence)
    assert cand.span is not None and cand.span.text == "于海潮"
    assert ev.organisation_owner_miss(part, _hit(BULLETIN, title="机关党建简报"), cand, BULLETIN) is miss


@pytest.mark.parametrize(("piece", "text", "found"), [
    ("卫健", "区卫生健康局机关党委组织党员医生下乡", True),
    ("人社", "区人力资源和社会保障局党支部制作政策明白卡", True),
    ("卫健", "卫生院健身房对居民开放", False),  # no bureau: the characters only happen to stand there
    ("人社", "人才社区服务中心", False),
])
def test_a_bureau_is_found_by_its_short_form(piece, text, found):
    assert ev._piece_in(piece, text) is found


# ------------------------------------------------ a street named further back still owns a summary figure
_FILL = "居民们说，这样的变化看得见、摸得着，大家心里都很踏实，也愿意一起出主意、想办法，把家门口的事办好。" * 10
STREET_STORY = ("青溪街道地处云港区老城片区，辖区有老旧小区18个，停车缺口约2000个。\n"
                "柳岸社区是全街道老旧小区最集中的社区，和3家单位结成共享对子。" + _FILL + "\n"
                "数据显示，截至5月底，已有620辆居民车辆完成备案，夜间车位使用率达91%。")
TOWN_STORY = ("白石镇位于白石县北部，辖12个行政村，户籍人口3.1万人。\n"
              "柳塘村是全镇最早试点的村，村里组建了巡河队。" + _FILL + "\n"
              "据统计，今年以来已有430名党员参与巡河，累计巡河2600余次。")


@pytest.mark.parametrize(("question", "text", "sentence", "fits"), [
    ("青溪街道有多少辆居民车辆完成了备案？", STREET_STORY, "数据显示，截至5月底，已有620辆居民车辆完成备案，夜间车位使用率达91%。", True),
    ("白石镇有多少名党员参与巡河？", TOWN_STORY, "据统计，今年以来已有430名党员参与巡河，累计巡河2600余次。", True),
    # a peer of the asked place named since: the figure is not the asked place's
    ("青溪街道有多少辆居民车辆完成了备案？", STREET_STORY.replace("柳岸社区是", "邻近的桂花街道是"),
     "数据显示，截至5月底，已有620辆居民车辆完成备案，夜间车位使用率达91%。", False),
    # the summary's own paragraph opens on the lower place: the lower place's figure
    ("白石镇有多少名党员参与巡河？", TOWN_STORY.replace("\n据统计", "柳塘村据统计"),
     "据统计，今年以来已有430名党员参与巡河，累计巡河2600余次。", False),
])
def test_a_place_named_further_back_owns_a_summary_figure_when_no_peer_came_since(question, text, sentence, fits):
    part = _part(question)
    hit = _hit(text, title="停车和巡河的新办法", district="")
    assert ctx.places_fit(part, hit, _candidate(part, text, sentence), text) is fits


# ------------------------------------------------ 该区 / 该县: the district just named is a whole
@pytest.mark.parametrize(("question", "text", "fits"), [
    # a park or a street asked, the district's figure written as 该区 / 该县
    ("柳溪产业园非公企业党组织覆盖率达到了多少？",
     "柳溪产业园入驻企业86家。据介绍，该区规模以上非公企业党组织覆盖率已达92.6%。", False),
    ("白沙街道有多少名网格员？", "白沙街道推行网格化管理。据统计，该县共有专职网格员1260名。", False),
    # the district itself asked: 该区 is its own figure
    ("云港区非公企业党组织覆盖率达到了多少？",
     "云港区推进两新组织党建。据介绍，该区规模以上非公企业党组织覆盖率已达92.6%。", True),
    # 该区域 is an area, no whole
    ("柳溪产业园有多少家企业？", "柳溪产业园规划面积12平方公里。该区域内现有企业86家。", True),
])
def test_places_fit_the_district_named_as_gaiqu_is_a_whole(question, text, fits):
    part = _part(question)
    sentence = text.split("。")[-2] + "。"
    assert ctx.places_fit(part, _hit(text), _candidate(part, text, sentence), text) is fits


@pytest.mark.parametrize(("question", "sentence", "figure", "miss"), [
    # an amount asked as given every year or month, written as given once
    ("白石县每个驿站每年的日常运行经费补助是多少？", "县级对每个新建驿站给予一次性建设补助1.5万元。", "1.5万元", True),
    ("青溪街道每月给楼栋长补贴多少钱？", "街道为新聘楼栋长发放一次性补贴300元。", "300元", True),
    # … written as recurring, or nothing recurring asked
    ("白石县每个驿站每年的日常运行经费补助是多少？", "县级每年给予每个驿站运行经费补助0.6万元。", "0.6万元", False),
    ("白石县给新建驿站的建设补助是多少？", "县级对每个新建驿站给予一次性建设补助1.5万元。", "1.5万元", False),
])
def test_a_one_off_amount_does_not_answer_a_recurring_one(question, sentence, figure, miss):
    part = _part(question)
    at = sentence.index(figure)
    span = sp.Span(at, at + len(figure), figure, "number")
    assert ctx.one_off_for_recurring(part, sentence, span) is miss


# ------------------------------------------------ one numbered unit of a body asked
@pytest.mark.parametrize(("question", "sentence", "miss"), [
    # the whole body's figure, or another unit's, answers nothing about the asked unit
    ("梧桐社区第3网格党支部有多少名党员？", "社区党委下设网格党支部6个、楼栋党小组21个，现有党员318名。", True),
    ("柳塘村第二村民小组有多少户？", "全村辖5个村民小组，共412户。", True),
    ("柳塘村第二村民小组有多少户？", "第四村民小组有86户。", True),
    # the unit named (in figures or in words), or pointed back at
    ("梧桐社区第3网格党支部有多少名党员？", "第三网格党支部现有党员42名。", False),
    ("柳塘村第二村民小组有多少户？", "该小组共有户籍人口96户。", False),
    # no numbered unit asked
    ("梧桐社区有多少名党员？", "社区党委下设网格党支部6个、楼栋党小组21个，现有党员318名。", False),
])
def test_a_numbered_unit_asked_needs_the_sentence_to_name_it(question, sentence, miss):
    assert ctx.ordinal_unit_miss(_part(question), sentence) is miss


# ------------------------------------------------ a whole's plan or title the place joined owns nothing
@pytest.mark.parametrize(("question", "text", "fits"), [
    ("枫林社区老旧小区改造总投资多少？",
     "枫林社区位于城区东部。2023年，小区被纳入全区老旧小区改造计划，总投资2360万元。", True),
    ("柳塘村的村集体经济收入有多少？",
     "柳塘村位于白石县北部。去年村里被评为全县集体经济强村，村集体经济收入达到86万元。", True),
    # the whole as the figure's owner
    ("枫林社区老旧小区改造总投资多少？",
     "枫林社区位于城区东部。2023年，全区老旧小区改造总投资2.6亿元。", False),
    ("柳塘村的村集体经济收入有多少？",
     "柳塘村位于白石县北部。去年全县村集体经济收入达到8600万元。", False),
])
def test_a_whole_whose_plan_or_title_the_place_joined_owns_no_figure(question, text, fits):
    part = _part(question)
    sentence = text.split("。")[1] + "。"
    assert ctx.places_fit(part, _hit(text), _candidate(part, text, sentence)) is fits


# ------------------------------------------------ money asked one way, written the other
@pytest.mark.parametrize(("question", "sentence", "miss"), [
    # a cost asked: a market's turnover or a sale is money coming in
    ("瓜源汇市场把库房改成驿站一共花了多少钱？", "市场2023年交易量42万吨、交易额31.5亿元。", True),
    ("瓜源汇市场把库房改成驿站一共花了多少钱？", "党员商户开设直播间，带动线上销售瓜干等产品2300万元。", True),
    ("柳塘村建冷库投入了多少钱？", "冷库建成后，合作社当年成交额达到860万元。", True),
    # the cost written, or income asked
    ("瓜源汇市场把库房改成驿站一共花了多少钱？", "市场投入86万元把闲置库房改成驿站。", False),
    ("瓜源汇市场去年的交易额是多少？", "市场2023年交易量42万吨、交易额31.5亿元。", False),
])
def test_money_asked_one_way_is_not_answered_by_money_the_other_way(question, sentence, miss):
    part = _part(question)
    _, span, _ = ev.typed_span(part, sentence)
    assert span is not None and "元" in span.unit
    assert ctx.money_direction_miss(part, sentence, span) is miss


# ------------------------------------------------ the kinds listed before a figure
@pytest.mark.parametrize(("question", "sentence", "miss"), [
    # 党员 leading the first of the listed kinds leads them all: the figure counts members
    ("岚港镇新就业群体联合党支部目前有多少名党员？", "联合党支部目前有党员骑手、快递员26名。", False),
    ("青溪街道物流园联合党委有多少名党员？", "联合党委现有党员网约车司机、快递员58名。", False),
    # …but one of the listed kinds asked is not counted alone
    ("岚港镇新就业群体联合党支部里有多少名外卖骑手党员？", "联合党支部目前有党员骑手、快递员26名。", True),
    ("青溪街道物流园联合党委里有多少名网约车司机党员？", "联合党委现有党员网约车司机、快递员58名。", True),
])
def test_kinds_listed_before_a_figure_share_the_kind_leading_the_first(question, sentence, miss):
    part = _part(question)
    span = next(s for s in sp.number_spans(sentence) if s.unit == "名")
    assert ev.person_kind_miss(part, sentence, span) is miss


# ------------------------------------------------ a sum over things the question counts
@pytest.mark.parametrize(("question", "sentence", "miss"), [
    # the count written with another measure or in figures is the same count
    ("红岭村那两个大仓库加起来一共能放多少吨？", "村里建起2座保鲜冷库，库容1200吨。", False),
    ("柳塘镇三个村的合作社销售额加起来是多少？", "全镇3家村级合作社销售额860万元。", False),
    # another count, or none: one thing's own figure
    ("红岭村那两个大仓库加起来一共能放多少吨？", "村里建起3座保鲜冷库，库容1200吨。", True),
    ("柳塘镇三个村的合作社销售额加起来是多少？", "柳塘村合作社销售额860万元。", True),
])
def test_a_sum_over_things_counts_them_in_any_measure(question, sentence, miss):
    part = _part(question)
    _, span, _ = ev.typed_span(part, sentence)
    assert span is not None
    assert ctx.sum_over_miss(part, sentence, span) is miss


# ------------------------------------------------ a body's figure for a whole asked
@pytest.mark.parametrize(("question", "sentence", "miss"), [
    ("驼岭乡全乡的甜瓜种植面积有多少亩？", "合作社如今已发展到296户，甜瓜种植面积由1100亩扩大到3600亩。", True),
    ("柳塘镇全镇有多少名党员？", "镇里的龙头企业白石食品有限公司有党员46名。", True),
    # the whole or a place written, or no whole asked
    ("驼岭乡全乡的甜瓜种植面积有多少亩？", "在合作社带动下，全乡甜瓜种植面积达到3.2万亩。", False),
    ("驼岭乡的合作社甜瓜种植面积有多少亩？", "合作社如今已发展到296户，甜瓜种植面积由1100亩扩大到3600亩。", False),
])
def test_a_bodys_figure_does_not_answer_for_the_whole_place(question, sentence, miss):
    part = _part(question)
    _, span, _ = ev.typed_span(part, sentence)
    assert span is not None
    assert ctx.body_for_whole(part, sentence, span) is miss


@pytest.mark.parametrize(("question", "sentence", "miss"), [
    # the group is given by its size; the sentence writes it, but counts another part of it
    ("枫岭街道联合党支部的81名党员里，快递员党员有多少名？", "目前支部党员已增至81名，其中新转入组织关系的14名。", True),
    ("枫岭街道联合党支部的81名党员里，快递员党员有多少名？", "支部现有党员81名，其中快递员党员29名。", False),
    ("青溪社区86名楼长中党员楼长有多少名？", "全社区选出楼长86名，其中女性楼长40名。", True),
    ("青溪社区86名楼长中党员楼长有多少名？", "全社区选出楼长86名，其中党员楼长52名。", False),
    # the group's size is not written at all
    ("被扣分的46人次中有多少是党员？", "全村党员33名。", True),
    ("被扣分的46人次中有多少是党员？", "全年被扣分46人次，其中党员9人次。", False),
])
def test_a_figure_within_a_given_group_must_count_the_kind_asked(question, sentence, miss):
    assert ev.given_group_miss(_part(question), sentence) is miss


@pytest.mark.parametrize(("question", "sentence", "figure", "miss"), [
    # a post no family lists, quoted or not, right before the figure: people of that post
    ("槐岭街道摸排出的新就业群体党员有多少名？", "街道从新就业群体中招募“槐安观察员”156名，随手拍照上传隐患。", "156名", True),
    ("青溪社区有多少名党员？", "社区选聘政策宣讲员18名，走进楼栋宣讲。", "18名", True),
    # …unless its name holds the kind asked, or the kind asked is that post
    ("青溪社区有多少名党员？", "社区招募党员信息员42名。", "42名", False),
    ("青溪社区有多少名调解员？", "社区选聘调解员18名，化解邻里纠纷。", "18名", False),
    ("槐岭街道摸排出的新就业群体党员有多少名？", "共排查出党员67名，其中流动党员39名。", "67名", False),
])
def test_a_figure_of_another_post_counts_no_members(question, sentence, figure, miss):
    part = _part(question)
    span = next(s for s in sp.number_spans(sentence) if s.text == figure)
    assert ev.person_kind_miss(part, sentence, span) is miss
