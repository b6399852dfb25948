"""List answers of the extractive answerer (retrieval/answer/extractive.py): the items
一是…/二是…/三是… gathered across their explanation sentences, back to 一是 when the best
sentence is a later item, with the sentence announcing them; another list ends the gathering,
and a sentence that lists the items itself (A、B和C) is the whole answer.

Hand-made hits, no embedding model, no index. Two invented stories: the “三个一” of 青溪街道's
grid work, and the measures of 白石县柳塘村's party branch.
"""

from __future__ import annotations

import pytest

from partyqa.records import Hit
from retrieval.answer import spans as sp
from retrieval.answer.evidence import Weights, asked_list_verb, score_candidates, verb_listing
from retrieval.answer.extractive import (
    Answerer,
    AnswerParams,
    counted_whole,
    heading_line,
    listing_first,
    section_listing,
)
from retrieval.question import analyze

GRID = ("青溪街道以党建引领社区治理。街道将经验总结为“三个一”。"
        "一是建好一张网格图，把辖区划分为36个网格。每个网格明确一名党员联络人。"
        "二是用好一支志愿队，组建党员志愿服务队12支。志愿者每周开展入户走访。"
        "三是办好一批实事，今年已解决群众急难愁盼问题86件。"
        "下一步，街道将继续深化网格治理。")
GRID_ITEMS = ("一是建好一张网格图，把辖区划分为36个网格。"
              "二是用好一支志愿队，组建党员志愿服务队12支。"
              "三是办好一批实事，今年已解决群众急难愁盼问题86件。")

VILLAGE = ("白石县柳塘村党总支在乡村振兴中采取了四项举措。"
           "一是发展特色产业，建成蔬菜大棚60座。"
           "二是壮大集体经济，村集体年收入突破50万元。村里还成立了劳务合作社。"
           "三是改善人居环境，完成改厕320户。"
           "四是培育文明乡风，评选“好媳妇”“好婆婆”20人。"
           "此外，村里组建了一支宣讲队。")
VILLAGE_ITEMS = ("一是发展特色产业，建成蔬菜大棚60座。"
                 "二是壮大集体经济，村集体年收入突破50万元。"
                 "三是改善人居环境，完成改厕320户。"
                 "四是培育文明乡风，评选“好媳妇”“好婆婆”20人。")


def _hit(text, district, n=1, start=0):
    return Hit(chunk_id=f"c{n}", doc_id="d1", title="本地新闻", publisher="南州日报", date="2023-06-01", section="",
               text=text, score=1.0, start=start, end=start + len(text), district=district, source="d1.txt")


def _ask(question, hits, following=None):
    return Answerer({}, AnswerParams(min_confidence=0.0), following=following).answer(question, question, hits)


def _best(question, hits):
    part = analyze(question).parts[0]
    return score_candidates(part, question, hits, Weights({}), 6)[0].text


@pytest.mark.parametrize(("question", "text", "district", "expected"), [
    ("青溪街道的“三个一”具体是哪三个？", GRID, "青溪街道", "街道将经验总结为“三个一”。" + GRID_ITEMS),
    ("柳塘村党总支采取了哪些举措？", VILLAGE, "白石县", "白石县柳塘村党总支在乡村振兴中采取了四项举措。" + VILLAGE_ITEMS),
])
def test_list_gathers_the_items_and_the_sentence_announcing_them(question, text, district, expected):
    ans = _ask(question, [_hit(text, district)])
    assert ans.found is True
    # The explanations between items (每个网格…, 村里还成立了…) and what follows the list are left out.
    assert ans.text == f"{expected}[1]"
    assert len(ans.citations) == 1


@pytest.mark.parametrize(("question", "text", "district", "best", "expected"), [
    ("青溪街道组建党员志愿服务队有哪些做法？", GRID, "青溪街道",
     "二是用好一支志愿队，组建党员志愿服务队12支。", "街道将经验总结为“三个一”。" + GRID_ITEMS),
    ("柳塘村党总支壮大集体经济有哪些做法？",
     VILLAGE.replace("在乡村振兴中采取了四项举措。", "在乡村振兴中抓了几件实事。"), "白石县",
     "二是壮大集体经济，村集体年收入突破50万元。", "白石县柳塘村党总支在乡村振兴中抓了几件实事。" + VILLAGE_ITEMS),
])
def test_list_from_a_later_item_goes_back_to_the_first_and_its_intro(question, text, district, best, expected):
    hits = [_hit(text, district)]
    assert _best(question, hits) == best
    assert _ask(question, hits).text == f"{expected}[1]"


@pytest.mark.parametrize(("question", "text", "district", "best", "expected"), [
    ("青溪街道组建党员志愿服务队有哪些做法？", GRID.replace("街道将经验总结为“三个一”。", ""), "青溪街道",
     "二是用好一支志愿队，组建党员志愿服务队12支。", GRID_ITEMS),
    ("柳塘村党总支壮大集体经济有哪些做法？", VILLAGE.replace("白石县柳塘村党总支在乡村振兴中采取了四项举措。", "柳塘村党总支扎实推进乡村振兴。"),
     "白石县", "二是壮大集体经济，村集体年收入突破50万元。", VILLAGE_ITEMS),
])
def test_list_without_an_announcing_sentence_starts_at_the_first_item(question, text, district, best, expected):
    # The sentence before 一是 announces nothing, so it is not part of the list.
    hits = [_hit(text, district)]
    assert _best(question, hits) == best
    assert _ask(question, hits).text == f"{expected}[1]"


@pytest.mark.parametrize(("question", "text", "district", "expected"), [
    ("青溪街道的“三个一”具体是哪三个？",
     "青溪街道将经验总结为“三个一”。一是建好一张网格图。二是用好一支志愿队。三是办好一批实事。"
     "下一步，街道将重点做好两件事。一是扩大网格覆盖。二是提升服务质量。", "青溪街道",
     "青溪街道将经验总结为“三个一”。一是建好一张网格图。二是用好一支志愿队。三是办好一批实事。"),
    ("柳塘村党总支采取了哪些举措？",
     "柳塘村党总支采取了三项举措。一是建强班子。二是发展产业。三是服务群众。一是整治村容村貌。二是修建通组道路。", "白石县",
     "柳塘村党总支采取了三项举措。一是建强班子。二是发展产业。三是服务群众。"),
])
def test_list_stops_where_another_list_begins(question, text, district, expected):
    assert _ask(question, [_hit(text, district)]).text == f"{expected}[1]"


@pytest.mark.parametrize(("question", "text", "district", "expected"), [
    ("青溪街道党群服务中心设置了哪些功能室？",
     "青溪街道党群服务中心设置了党员活动室、图书阅览室和便民服务大厅等功能室。二是延长开放时间，周末照常开放。三是配齐工作人员。",
     "青溪街道", "青溪街道党群服务中心设置了党员活动室、图书阅览室和便民服务大厅等功能室。"),
    ("白石县新时代文明实践站开设了哪些志愿服务项目？",
     "白石县新时代文明实践站开设了理论宣讲、文化惠民、健康义诊等志愿服务项目。一是每月开展一次集中服务。二是建立志愿者积分制度。",
     "白石县", "白石县新时代文明实践站开设了理论宣讲、文化惠民、健康义诊等志愿服务项目。"),
])
def test_a_sentence_listing_the_items_itself_is_not_gathered(question, text, district, expected):
    ans = _ask(question, [_hit(text, district)])
    assert ans.text == f"{expected}[1]"
    assert ans.citations[0].sentence == expected


@pytest.mark.parametrize(("question", "first", "second", "district", "expected"), [
    ("柳塘村党总支采取了哪些举措？",
     "柳塘村党总支采取了三项举措。一是建强班子。二是发展产业，建成大棚60座。",
     "三是服务群众，组建志愿队3支。村里的面貌焕然一新。", "白石县",
     "柳塘村党总支采取了三项举措。一是建强班子。二是发展产业，建成大棚60座。[1]三是服务群众，组建志愿队3支。[2]"),
    ("青溪街道的“三个一”具体是哪三个？",
     "青溪街道将经验总结为“三个一”。一是建好一张网格图。二是用好一支志愿队。",
     "三是办好一批实事，解决问题86件。街道还将继续深化网格治理。", "青溪街道",
     "青溪街道将经验总结为“三个一”。一是建好一张网格图。二是用好一支志愿队。[1]三是办好一批实事，解决问题86件。[2]"),
])
def test_list_continues_into_the_following_passage(question, first, second, district, expected):
    h1 = _hit(first, district, n=1)
    h2 = _hit(second, district, n=2, start=len(first))
    ans = _ask(question, [h1], following=lambda hit: h2 if hit.chunk_id == "c1" else None)
    assert ans.text == expected
    assert [c.chunk_id for c in ans.citations] == ["c1", "c2"]


@pytest.mark.parametrize(("question", "first", "district", "expected"), [
    ("柳塘村党总支采取了哪些举措？", "柳塘村党总支采取了三项举措。一是建强班子。二是发展产业，建成大棚60座。", "白石县",
     "柳塘村党总支采取了三项举措。一是建强班子。二是发展产业，建成大棚60座。"),
    ("青溪街道的“三个一”具体是哪三个？", "青溪街道将经验总结为“三个一”。一是建好一张网格图。二是用好一支志愿队。", "青溪街道",
     "青溪街道将经验总结为“三个一”。一是建好一张网格图。二是用好一支志愿队。"),
])
def test_list_ends_with_its_passage_when_there_is_no_following_one(question, first, district, expected):
    assert _ask(question, [_hit(first, district)]).text == f"{expected}[1]"


@pytest.mark.parametrize(("question", "text", "district", "expected"), [
    ("柳塘村党总支采取了哪些举措？",
     "柳塘村党总支采取了三项举措。一是建强班子，选优配强村两委成员。村里先后召开座谈会5次。走访党员群众80户。"
     "收集意见建议32条。形成整改清单一份。二是发展产业。三是服务群众。", "白石县",
     "柳塘村党总支采取了三项举措。一是建强班子，选优配强村两委成员。二是发展产业。三是服务群众。"),
    ("青溪街道的“三个一”具体是哪三个？",
     "青溪街道将经验总结为“三个一”。一是建好一张网格图。街道把辖区划分为36个网格。每个网格配备一名网格员。"
     "网格员每天巡查一次。发现问题及时上报。二是用好一支志愿队。三是办好一批实事。", "青溪街道",
     "青溪街道将经验总结为“三个一”。一是建好一张网格图。二是用好一支志愿队。三是办好一批实事。"),
])
def test_list_items_after_a_long_explanation(question, text, district, expected):
    assert _ask(question, [_hit(text, district)]).text == f"{expected}[1]"


@pytest.mark.parametrize(("question", "text", "district", "expected"), [
    # Two items announced and both given: a 三是 after a long explanation belongs to something else.
    ("柳塘村党总支采取了哪些举措？",
     "柳塘村党总支采取了两项举措。一是建强班子。二是发展产业，建成大棚60座。大棚由合作社统一管理。"
     "村民按股分红。去年分红12万元。今年还将扩建。三是明年计划修建冷库。", "白石县",
     "柳塘村党总支采取了两项举措。一是建强班子。二是发展产业，建成大棚60座。"),
    # No count announced: past a long explanation only the next number (二是) continues, not 三是.
    ("青溪街道的网格工作有哪些做法？",
     "青溪街道的网格工作有以下做法：一是建好一张网格图。街道把辖区划分为36个网格。每个网格配备一名网格员。"
     "网格员每天巡查一次。发现问题及时上报。三是办好一批实事。", "青溪街道",
     "青溪街道的网格工作有以下做法：一是建好一张网格图。"),
])
def test_list_after_a_long_explanation_takes_only_the_announced_next_items(question, text, district, expected):
    assert _ask(question, [_hit(text, district)]).text == f"{expected}[1]"


@pytest.mark.parametrize(("question", "text", "district", "expected"), [
    # the items after a colon, each closed by a semicolon and holding commas and 、: the whole run
    ("桂花社区党员联络员的“三联”职责指的是什么？",
     "桂花社区推行党员联络员制度。联络员的职责概括起来是“三联”：联学习，定期宣讲政策、讲解法规；"
     "联服务，帮助居民办理证照、预约就医；联治理，收集意见建议、调解邻里纠纷。今年已有联络员56名。",
     "桂花社区", "联络员的职责概括起来是“三联”：联学习，定期宣讲政策、讲解法规；"
     "联服务，帮助居民办理证照、预约就医；联治理，收集意见建议、调解邻里纠纷。"),
    ("柳塘村的“两帮”是指哪两帮？",
     "柳塘村党支部开展结对帮扶。具体做法是“两帮”：帮技术，请农技员讲授大棚管理、病虫防治；"
     "帮销售，联系超市、电商平台收购蔬菜。全村已结对42户。",
     "白石县", "具体做法是“两帮”：帮技术，请农技员讲授大棚管理、病虫防治；"
     "帮销售，联系超市、电商平台收购蔬菜。"),
])
def test_list_after_a_colon_keeps_every_item_up_to_the_full_stop(question, text, district, expected):
    ans = _ask(question, [_hit(text, district)])
    assert ans.found is True
    assert ans.text == f"{expected}[1]"


@pytest.mark.parametrize(("question", "text", "district", "expected"), [
    # a short line ending in a colon announces the items: it is no headline
    ("凤凰产业园两新组织党建的主要做法有哪三条？",
     "凤凰产业园探索两新组织党建新模式。\n主要做法有三条：\n一是派驻党建指导员。\n二是设立党员先锋岗。\n三是开展技能比武。\n园区企业党组织已达29个。",
     "云港区", "主要做法有三条：\n一是派驻党建指导员。\n二是设立党员先锋岗。\n三是开展技能比武。"),
    ("柳塘村的“三亮”是哪三亮？",
     "柳塘村开展党员“三亮”活动。\n“三亮”包括：\n一是亮身份。\n二是亮承诺。\n三是亮实绩。\n全村党员均已参加。",
     "白石县", "“三亮”包括：\n一是亮身份。\n二是亮承诺。\n三是亮实绩。"),
])
def test_a_short_line_ending_in_a_colon_introduces_the_list(question, text, district, expected):
    ans = _ask(question, [_hit(text, district)])
    assert ans.found is True
    assert ans.text.replace("\n", "") == expected.replace("\n", "") + "[1]"


@pytest.mark.parametrize(("question", "text", "district", "items", "pointer"), [
    # the best sentence points back at items (这3个社区, 上述企业) listed in the sentence before it
    ("青溪街道的红色驿站建在哪3个社区？",
     "青溪街道桂花社区、柳岸社区、新湾社区3个社区去年起人口增长较快。街道党工委在这3个社区各建了一座红色驿站，方便快递员歇脚。",
     "青溪街道", "桂花社区、柳岸社区、新湾社区", "在这3个社区各建了一座红色驿站"),
    ("白石县的产业链党委吸收了哪些企业？",
     "清河药业、金穗米业、白石纺织和南岭电子是白石县的骨干企业。县里成立产业链党委，把上述企业的党组织全部纳入。",
     "白石县", "清河药业、金穗米业、白石纺织和南岭电子", "把上述企业的党组织全部纳入"),
])
def test_a_sentence_pointing_back_at_items_is_quoted_with_the_sentence_naming_them(question, text, district, items,
                                                                                   pointer):
    ans = _ask(question, [_hit(text, district)])
    assert ans.found and items in ans.text
    # the pointing sentence, when it is the one that matches the question, brings the items along
    ans = _ask(pointer + "的是哪些？", [_hit(text, district)])
    assert ans.found and items in ans.text and pointer in ans.text
    assert ans.text.index(items) < ans.text.index(pointer)


def test_a_sentence_pointing_back_without_items_before_it_stands_alone():
    text = "青溪街道党工委在这3个社区各建了一座红色驿站，方便快递员歇脚。"
    ans = _ask("青溪街道的红色驿站建在哪3个社区？", [_hit(text, "青溪街道")])
    assert ans.text.count("[") == 1


# ------------------------------------------ a numbered heading names the section; its body lists
BULLETIN = ("二、青溪街道：“三个一批”培育后备力量\n"
            "青溪街道通过“回引一批、培养一批、选派一批”的方式，为14个社区储备后备干部52名。\n"
            "三、白石镇：党员责任区覆盖到户\n"
            "白石镇划分党员责任区86个，落实联户、走访、帮办、评议制度。\n")
CONTEST = ("一、区委“两新”工委：擂台比武选出书记“领头雁”\n"
           "区委“两新”工委今年举办非公企业党组织书记擂台比武，48名书记参赛。"
           "比武分初赛、复赛、决赛3轮，评出“十佳”书记10名。\n"
           "二、柳岸社区：议事会开到楼道里\n"
           "柳岸社区今年召开楼道议事会40场。\n")


def _cands(question, text, district):
    part = analyze(question).parts[0]
    return score_candidates(part, question, [_hit(text, district)], Weights({}), 6)


@pytest.mark.parametrize(("question", "text", "district", "heading", "listing"), [
    ("青溪街道的“三个一批”是哪三个一批？", BULLETIN, "青溪街道", "二、青溪街道：", "回引一批、培养一批、选派一批"),
    ("非公企业党组织书记擂台比武设了哪几轮？", CONTEST, "", "一、区委", "初赛、复赛、决赛"),
])
def test_a_heading_gives_way_to_the_sentence_under_it_that_lists(question, text, district, heading, listing):
    cands = _cands(question, text, district)
    head = next(c for c in cands if c.text.startswith(heading))
    assert heading_line(head, _hit(text, district))
    under = section_listing(head, cands, _hit(text, district))
    assert under is not None and listing in under.text


@pytest.mark.parametrize(("question", "text", "district", "heading"), [
    # the body under the heading enumerates nothing (a list under another heading is not looked at)
    ("白石镇党员责任区落实了哪些制度？", BULLETIN.replace("联户、走访、帮办、评议制度", "联户制度"), "", "三、白石镇"),
    ("柳岸社区议事会开在哪些地方？", CONTEST, "", "二、柳岸社区"),
    ("擂台比武分哪几轮？", CONTEST.replace("比武分初赛、复赛、决赛3轮，", ""), "", "一、区委"),
])
def test_a_heading_without_a_listing_under_it_keeps_its_place(question, text, district, heading):
    cands = _cands(question, text, district)
    head = next(c for c in cands if c.text.startswith(heading))
    assert heading_line(head, _hit(text, district))
    assert section_listing(head, cands, _hit(text, district)) is None


def test_a_numbered_sentence_running_on_is_no_heading_line():
    text = "一、建强组织，全年新建党支部12个。\n二、服务群众。\n"
    cands = _cands("青溪街道新建了哪些党支部？", text, "青溪街道")
    assert not heading_line(next(c for c in cands if c.text.startswith("一、")), _hit(text, "青溪街道"))


# ---------------------------------- the items written with the verb the question asks them with
@pytest.mark.parametrize(("question", "verb"), [
    ("青溪街道的“红色驿站”里都配了哪些设施？", "配"),
    ("白石县党组织书记培训班的课程内容涵盖哪些方面？", "涵盖"),
    ("柳塘村的议事会由哪几方组成？", ""),  # the verb after the question word asks nothing of where items stand
    ("柳塘村在河道整治中做了哪些工程？", ""),  # 做: vague
    ("青溪街道有哪些社区？", ""),
])
def test_the_verb_a_list_question_asks_with(question, verb):
    assert asked_list_verb(question) == verb


STATION = ("青溪街道今年在商圈、快递网点、写字楼建设“红色驿站”，年底建成12个，服务外卖骑手和快递员。"
           "每个驿站面积不少于30平方米，均配备充电柜、饮水机、微波炉、应急药箱。"
           "街道还联合辖区医院、银行、超市等单位开展志愿服务。")
TRAINING = ("5月8日至10日，白石县委组织部、县委“两新”工委、县总工会联合举办全县党组织书记培训班，非公企业、社会组织的"
            "98名书记参加。培训为期3天，采取专题辅导、现场教学相结合的方式，内容涵盖组织生活规范、党建与业务融合、"
            "发展党员流程等。")


@pytest.mark.parametrize(("question", "text", "district", "items"), [
    ("青溪街道的“红色驿站”里都配了哪些设施？", STATION, "青溪街道", "充电柜、饮水机、微波炉、应急药箱"),
    ("白石县党组织书记培训班的课程内容涵盖哪些方面？", TRAINING, "白石县", "组织生活规范、党建与业务融合"),
])
def test_a_list_starts_from_the_sentence_writing_the_asked_verb_at_its_items(question, text, district, items):
    part = analyze(question).parts[0]
    cands = _cands(question, text, district)
    lead = next(c for c in cands if c.start == 0)  # the news lead: it lists places or bodies, not what is asked
    assert lead.features.get("items", 0) >= 1.0
    assert not verb_listing(part, lead.text)
    assert items in listing_first(part, lead, cands).text


@pytest.mark.parametrize(("question", "text", "district"), [
    # another verb at the run of items (联合…医院、银行、超市): the question's verb is not written there
    ("青溪街道的“红色驿站”里都配了哪些设施？", STATION.replace("均配备", "均有"), "青溪街道"),
    ("白石县党组织书记培训班的课程内容涵盖哪些方面？", TRAINING.replace("内容涵盖", "内容为"), "白石县"),
])
def test_without_the_asked_verb_at_a_run_of_items_nothing_is_preferred(question, text, district):
    part = analyze(question).parts[0]
    assert not any(verb_listing(part, c.text) for c in _cands(question, text, district))


# ------------------------------------------------------- items closed by their count: a whole list
@pytest.mark.parametrize(("sentence", "listed"), [
    ("清理后，每个村只保留村党组织、村民委员会、村务监督委员会和村集体经济组织4块牌子。", [(4, "牌子")]),
    ("社区先后成立启帆船队党支部、远帆船队党支部、青波船队党支部3个“海上党支部”。", [(3, "“海上党支部”")]),
    ("柳塘村建成文化广场、卫生室等3个阵地。", []),  # 等: more than the items written
    ("青溪街道辖槐香、轴承里、暖泉4个社区。", []),  # three names, four counted
])
def test_counted_listing(sentence, listed):
    assert sp.counted_listing(sentence) == listed


@pytest.mark.parametrize(("question", "sentence", "whole"), [
    ("白石县精简村级挂牌以后，每个村只保留了哪几块牌子？",
     "清理后，每个村只保留村党组织、村民委员会、村务监督委员会和村集体经济组织4块牌子。", True),
    ("白石县精简村级挂牌以后，村里的活动室有哪些功能？",
     "清理后，每个村只保留村党组织、村民委员会、村务监督委员会和村集体经济组织4块牌子。", False),
    ("鲈港社区成立的3个海上党支部分别叫什么名字？",
     "社区先后成立启帆船队党支部、远帆船队党支部、青波船队党支部3个“海上党支部”。", True),
    ("鲈港社区成立的4个海上党支部分别叫什么名字？",  # four asked, three listed
     "社区先后成立启帆船队党支部、远帆船队党支部、青波船队党支部3个“海上党支部”。", False),
])
def test_a_list_closed_by_its_count_and_the_asked_thing_is_whole(question, sentence, whole):
    assert counted_whole(analyze(question).parts[0], sentence) is whole


# ------------------------------------------------ the gate may judge the sentence where the items stand
def _cand(text, score, features):
    from retrieval.answer.evidence import Candidate

    c = Candidate(0, 0, len(text), text, typed=True, score=score)
    c.features = dict(features)
    return c


_ANCHOR = {"focus": 0.67, "head": 1.0, "fit": 1.0, "question": 0.34, "sem": 1.3, "clause_sem": 1.3,
           "focus_sem": 1.0, "prior": 1.0, "top_hit": 1.0, "typed": 1.0, "places": 1.0, "year": 1.0,
           "t_list": 1.0, "items": 1.0, "list_anchor": 1.0}
_HEADING = {"focus": 0.12, "head": 0.0, "fit": 0.67, "question": 0.15, "sem": 1.0, "clause_sem": 1.0,
            "focus_sem": 0.4, "prior": 1.0, "top_hit": 1.0, "typed": 1.0, "places": 1.0, "year": 1.0,
            "t_list": 1.0, "enum_open": 1.0, "items": 0.67, "list_anchor": 0.0}


@pytest.mark.parametrize(("anchor", "other"), [
    ("党员中心户落实“五必访”：家有病人必访、邻里有纠纷必访、生活有困难必访。", "（二）“一户一旗帜”，让党员中心户成为“小哨兵”。"),
    ("驿站做到“七有”：有休息座椅、有饮用热水、有充电设备、有应急药箱。", "附件：1.白石县驿站建设标准及服务规范"),
])
def test_the_gate_may_judge_the_anchor_put_first_over_a_higher_scoring_heading(anchor, other):
    from retrieval.answer.extractive import confidence
    from retrieval.answer.model import load_model

    first, higher = _cand(anchor, 0.70, _ANCHOR), _cand(other, 0.74, _HEADING)
    judged_alone = load_model().confidence(first.features, first.score, 0.0)
    by_score = load_model().confidence(higher.features, higher.score, first.score)
    assert judged_alone > by_score  # the heading judged by its own score would refuse the list
    assert confidence([first, higher]) == round(judged_alone, 4)
    # with the heading put first (no anchor first), the gate judges by score alone
    assert confidence([higher, first]) == round(by_score, 4)
