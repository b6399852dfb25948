"""The near-miss refusal: the asked thing is stated only for another year or place.

Every passage is invented for this test. The real answer model scores the candidates
(no embedder: sentence meaning is left out, as in the other in-process answer tests, so
the gate's own confidence is not asserted here; the labelled sets measure it).
"""

import pytest

from partyqa.records import Hit
from retrieval.answer.evidence import Weights, score_candidates
from retrieval.answer.extractive import confidence, fits, near_miss
from retrieval.question import analyze


def _cands(question, text, district=""):
    part = analyze(question).parts[0]
    hit = Hit(chunk_id="c1", doc_id="d1", title="党建动态", publisher="南州日报", date="2023-06-01",
              section="", text=text, score=1.0, start=0, end=len(text), district=district, source="d1.txt")
    return score_candidates(part, question, [hit], Weights({}), 6)


# first story: a county's mobile party members; second: a street's grid workers
WHITE_STONE = ("白石县外出务工党员较多，目前全县有流动党员2100名，主要在沿海城市务工。"
               "2020年，全县有300名流动党员参与返乡创业，带回项目12个。")
GREEN_BROOK = ("青溪街道推进党建引领基层治理，全街道共建成党群服务站12个。"
               "2021年，柳岸街道在老旧小区试点微网格，共划分微网格96个。")


@pytest.mark.parametrize(("question", "text"), [
    # the figure of the asked thing belongs to 2020, the question asks about 2023 (the year
    # of the article, whose 目前 sentence fits but says nothing of 返乡创业)
    ("白石县2023年有多少名流动党员参与返乡创业？", WHITE_STONE),
    # the micro-grids are another street's; the asked street states only its service stations
    ("青溪街道划分了多少个微网格？", GREEN_BROOK),
])
def test_the_asked_thing_stated_only_elsewhere_is_refused(question, text):
    cands = _cands(question, text)
    assert near_miss(next(c for c in cands if fits(c)))
    assert confidence(cands) == 0.0


@pytest.mark.parametrize(("question", "text"), [
    ("白石县2020年有多少名流动党员参与返乡创业？", WHITE_STONE),
    ("青溪街道建成了多少个党群服务站？", GREEN_BROOK),
])
def test_the_asked_thing_stated_for_the_asked_year_or_place_is_no_near_miss(question, text):
    best = next(c for c in _cands(question, text) if fits(c))
    assert best.span is not None and best.span.text in ("300名", "12个")
    assert not near_miss(best)


# ------------------------------------- a figure far from the asked community, in a street's article
def _street_cands(question, text, title):
    part = analyze(question).parts[0]
    hit = Hit(chunk_id="c1", doc_id="d1", title=title, publisher="南州日报", date="2024-09-27", section="",
              text=text, score=1.0, start=0, end=len(text), district="", source="d1.txt")
    return score_candidates(part, question, [hit], Weights({}), 6, article_text=lambda _doc: text)


_FILLER = "街道党工委坚持每月召开一次联席会议，研究解决群众急难愁盼问题。" * 16


@pytest.mark.parametrize(("question", "text", "title", "figure"), [
    ("林溪社区建了多少个小区党支部？",
     "云岫街道下辖林溪、翠峦等11个社区。" + _FILLER + "如今，已建成小区党支部46个、楼栋党小组213个。",
     "十年蝶变丨云岫街道：党建织密城市治理网", "46个"),
    ("柳塘村有多少名党员？",
     "白石镇辖柳塘、杏林等8个村。" + _FILLER + "目前，党员队伍发展到1260名，其中35岁以下的占18%。",
     "白石镇：党建引领乡村振兴", "1260名"),
])
def test_a_figure_far_from_the_asked_community_in_a_broader_article_is_not_its_own(question, text, title, figure):
    cands = _street_cands(question, text, title)
    assert not any(fits(c) for c in cands if c.span is not None and c.span.text == figure)


@pytest.mark.parametrize(("question", "text", "title", "figure"), [
    ("林溪社区建了多少个小区党支部？",  # the title names the community
     "云岫街道下辖11个社区。" + _FILLER + "如今，已建成小区党支部46个、楼栋党小组213个。",
     "林溪社区：小区党支部建到家门口", "46个"),
    ("柳塘村去年村集体收入多少？",  # a quote before its speaker, who names the village
     "白石镇辖8个村。" + _FILLER + "“我们村去年村集体收入达到18万元。”今天上午，柳塘村党支部书记登台晒实绩。",
     "白石镇村党组织书记晒实绩", "18万元"),
])
def test_a_title_or_a_speaker_just_after_names_the_figures_place(question, text, title, figure):
    assert any(fits(c) and c.span is not None and c.span.text == figure for c in _street_cands(question, text, title))


# ------------------------------------- the asked thing written only as a plan or for another period
# first story: a street's battery-swap cabinets; second: a village's visitors
WILLOW_BAY_PLAN = ("柳湾街道辖6个社区，常住人口3.2万人。"
                   "按照计划，柳湾街道将在今年底前建成电动自行车换电柜18个。")
WILLOW_BAY_DONE = ("柳湾街道辖6个社区，常住人口3.2万人。"
                   "目前柳湾街道已建成电动自行车换电柜9个，覆盖全部6个社区。")
STONE_BRIDGE_PLAN = ("石桥村共有农户420户，去年党员志愿服务2600人次。"
                     "村党支部书记说，民宿街区建成后，力争一年接待游客达到8万人次。")
STONE_BRIDGE_DONE = ("石桥村共有农户420户，去年党员志愿服务2600人次。"
                     "民宿街区开业一年来，共接待游客5.6万人次，带动村民增收。")


@pytest.mark.parametrize(("question", "text"), [
    ("柳湾街道已经建成了多少个电动自行车换电柜？", WILLOW_BAY_PLAN),
    ("石桥村民宿街区一年接待了多少游客？", STONE_BRIDGE_PLAN),
])
def test_the_asked_thing_written_only_as_a_plan_is_refused(question, text):
    cands = _cands(question, text)
    best = next(c for c in cands if fits(c))
    assert best.features["focus_demoted"] >= 0.5
    assert near_miss(best)
    assert confidence(cands) == 0.0


@pytest.mark.parametrize(("question", "text", "figure"), [
    ("柳湾街道已经建成了多少个电动自行车换电柜？", WILLOW_BAY_DONE, "9个"),
    ("石桥村民宿街区一年接待了多少游客？", STONE_BRIDGE_DONE, "5.6万人次"),
])
def test_the_asked_thing_written_as_done_is_no_near_miss(question, text, figure):
    best = next(c for c in _cands(question, text) if fits(c))
    assert best.span is not None and best.span.text == figure
    assert not near_miss(best)


# ------------------------------------- who gives and who receives: a place asked before 多少, a lower one after
@pytest.mark.parametrize(("question", "text", "figure"), [
    ("柳湾街道每年给青枫社区的长者食堂补贴多少钱？",
     "青枫社区长者食堂开业一年，服务老人2.1万人次。据了解，柳湾街道每年为食堂安排补贴资金12万元。", "12万元"),
    ("白石镇给石湾村的合作社派了几名农技员？",
     "石湾村合作社种植大棚蔬菜320亩。白石镇从农技站选派农技员4名，常年驻村指导。", "4名"),
])
def test_the_place_asked_before_the_question_word_owns_the_figure_given_to_a_lower_one(question, text, figure):
    cands = _street_cands(question, text, "党建动态")
    assert any(fits(c) and c.span is not None and c.span.text == figure for c in cands)


@pytest.mark.parametrize(("question", "text", "figure"), [
    # a chain of places (柳湾街道青枫社区) asks about the lower one: the street's figure is not its own
    ("柳湾街道青枫社区每年有多少补贴资金？",
     "青枫社区长者食堂开业一年，服务老人2.1万人次。据了解，柳湾街道每年为各社区安排补贴资金12万元。", "12万元"),
    ("白石镇石湾村有几名农技员？",
     "石湾村合作社种植大棚蔬菜320亩。白石镇从农技站选派农技员4名，分到各村指导。", "4名"),
])
def test_a_chain_of_places_still_asks_about_the_lower_one(question, text, figure):
    cands = _street_cands(question, text, "党建动态")
    assert not any(fits(c) and c.span is not None and c.span.text == figure for c in cands)


# --------------------------- the asked place's own sentence writes the asked thing in short form
def _titled_cands(question, text, title):
    part = analyze(question).parts[0]
    hit = Hit(chunk_id="c1", doc_id="d1", title=title, publisher="南州日报", date="2023-12-19", section="",
              text=text, score=1.0, start=0, end=len(text), district="", source="d1.txt")
    return score_candidates(part, question, [hit], Weights({}), 6, article_text=lambda _doc: text)


# first story: a street's home refits for the old, one community's share; second: a town's
# residents' requests, one village's count in a summary line
PINE_STREET = ("截至11月底，松岭街道已完成适老化改造380户，其中加装扶手的有210户。"
               "柏苑社区独居老人多，社区党委书记带着党员逐户上门，社区完成改造88户。")
WILLOW_TOWN = ("今年以来，清河镇共受理居民诉求2140件，办结率97.6%。"
               "各村情况如下。杏花村：网格数（个）9，受理诉求（件）316，办结率98.1%。")


@pytest.mark.parametrize(("question", "text", "title", "answer"), [
    # 适老化 is what the whole article is about (its title writes it)
    ("柏苑社区完成了多少户适老化改造？", PINE_STREET, "松岭街道为380户老人完成适老化改造", "88户"),
    # 居民 names the people of the place as a whole: 诉求 there are its residents' requests
    ("杏花村受理了多少件居民诉求？", WILLOW_TOWN, "清河镇网格治理成绩单", "316件"),
])
def test_the_asked_places_sentence_writing_the_thing_short_is_no_near_miss(question, text, title, answer):
    best = next(c for c in _titled_cands(question, text, title) if fits(c))
    assert best.span is not None and best.span.text.replace("（件）", "") in (answer, answer.rstrip("件户"))
    assert not near_miss(best)


@pytest.mark.parametrize(("question", "text", "title"), [
    # the word left out narrows the kind, and the article is not about it: another thing's count
    ("柏苑社区完成了多少户适老化改造？", PINE_STREET, "松岭街道党建引领社区治理"),
    ("杏花村受理了多少件企业诉求？", WILLOW_TOWN.replace("居民诉求", "企业诉求"), "清河镇网格治理成绩单"),
])
def test_a_word_that_narrows_the_kind_left_out_keeps_the_near_miss(question, text, title):
    best = next(c for c in _titled_cands(question, text, title) if fits(c))
    assert near_miss(best)
