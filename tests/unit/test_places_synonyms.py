"""Unit tests of place names in questions and articles (partyqa/text/places.py) and of equivalent
words (partyqa/text/synonyms.py, partyqa/data/synonyms.txt).

Real district names are used with invented streets, villages and facts. No model, no index.
"""

import pytest

from partyqa.text.places import extract_places, question_places
from partyqa.text.synonyms import present, variants


# ------------------------------------------------------------------------------ question_places
@pytest.mark.parametrize(
    ("question", "places"),
    [
        ("樊城区石桥镇有多少个驿站？", ["樊城区", "石桥镇"]),
        ("青石县枫林镇白沙村党委书记是谁？", ["青石县", "枫林镇", "白沙村"]),
        ("桃源街道新湾社区居委会有几名委员？", ["桃源街道", "新湾社区"]),
        ("涧西区有多少个非公企业党组织？", ["涧西区"]),
        # a named industrial or science park is a place (where a figure belongs), a bare one is not
        ("樟湖工业园计划新建几个驿站？", ["樟湖工业园"]),
        ("云港区青岚科技园有多少家企业？", ["云港区", "青岚科技园"]),
        # a land character jieba reads as a verb (沙枣/湾/村) ends a village's name
        ("禾丰镇沙枣湾村有多少户？", ["禾丰镇", "沙枣湾村"]),
        ("青枫镇葡萄湾村有多少名党员？", ["青枫镇", "葡萄湾村"]),
        ("胡杨湾社区有多少个网格？", ["胡杨湾社区"]),
        ("在湾里停船的渔民有多少？", []),
        ("工业园有多少家企业？", []),
        ("在科技园上班的党员有多少？", []),
    ],
)
def test_a_question_names_its_places_in_the_order_written(question, places):
    assert question_places(question) == places


@pytest.mark.parametrize(
    ("question", "places"),
    [("柳岸村两委班子有几人？", ["柳岸村"]), ("白沙村党委是哪一年成立的？", ["白沙村"]), ("桂溪镇党委书记是谁？", ["桂溪镇"])],
)
def test_an_organisation_right_after_a_village_or_town_is_not_part_of_its_name(question, places):
    assert question_places(question) == places


@pytest.mark.parametrize(
    ("question", "places"),
    [
        # the village's own place word and the 村 of 村集体 / 村民 after it (jieba reads 村村)
        ("翠岭村村集体去年收入多少？", ["翠岭村"]),
        ("白沙村村民代表有多少名？", ["白沙村"]),
        # a southern name opening with 那 or 弄, which jieba reads as a demonstrative or verb
        ("那涟村有多少名党员？", ["那涟村"]),
        ("弄岗村有几个屯？", ["弄岗村"]),
        # … but a demonstrative before a measure word, or before a direction, is one
        ("那个村有多少名党员？", []),
        ("实现村村通的有几个乡镇？", []),
        ("那东村呢？", []),
        # a name jieba's dictionary lacks, made up by its HMM and tagged as a verb
        ("松映街道有多少个网格？", ["松映街道"]),
        ("霞映社区党委书记是谁？", ["霞映社区"]),
        # a rare name jieba cuts into two single characters read as verbs, at the opening
        ("霁松街道今冬为多少户困难家庭送去了取暖煤？", ["霁松街道"]),
        ("据了解，跃攀社区已建成驿站3个。", ["跃攀社区"]),
        # … while a dictionary verb before a place word is a verb
        ("加强社区治理有哪些做法？", []),
        ("服务社区居民有多少次？", []),
        ("要求党员去社区报到的有多少人？", []),
        # a division's full name is whole: the words before it are no part of it
        ("社区引入区属国有企业石嘴山市沁安物业公司入驻。", ["石嘴山市"]),
        ("合作社与省属龙头企业哈密市瓜业公司签约。", ["哈密市"]),
        ("一条河涌穿社区而过，垃圾漂浮时有发生。", []),  # a word cut out of the middle of a phrase
    ],
)
def test_a_village_is_found_before_its_own_village_words_and_with_a_southern_first_syllable(question, places):
    assert question_places(question) == places


@pytest.mark.parametrize(
    ("question", "places"),
    [("鳳鳴社區黨委書記是誰？", ["凤鸣社区"]), ("樊城區石橋鎮有多少個驛站？", ["樊城区", "石桥镇"])],
)
def test_places_in_traditional_script_come_back_simplified(question, places):
    assert question_places(question) == places


@pytest.mark.parametrize(
    ("question", "places"),
    # a rare first character that jieba tags as a bound morpheme (霁/vg) still starts the name
    [("哈尔滨霁雪街道的居民有多少户？", ["哈尔滨", "霁雪街道"]), ("铖溪社区的党员有多少名？", ["铖溪社区"]),
     ("他们到雪山村走访了几户？", ["雪山村"])],
)
def test_a_name_opening_with_a_rare_character_is_found_whole(question, places):
    assert question_places(question) == places


@pytest.mark.parametrize(
    ("question", "places"),
    # the character after a demonstrative is a measure word (这篇, 这条), not the name's first one
    [("這篇雲帆街道防汛的報道原載哪份報紙？", ["云帆街道"]), ("这条白石县的消息是谁写的？", ["白石县"]),
     ("那则桂溪镇的消息登在第几版？", ["桂溪镇"]), ("这份柳岸村的简报是第几期？", ["柳岸村"])],
)
def test_a_measure_word_after_a_demonstrative_is_no_part_of_the_place(question, places):
    assert question_places(question) == places


@pytest.mark.parametrize(
    ("question", "places"),
    # a single character before a two-character name with no demonstrative before it stays the name's
    [("他们去雪松坡村看了几户？", ["雪松坡村"]), ("记者在白苇村看了几户？", ["白苇村"])],
)
def test_a_single_character_without_a_demonstrative_still_starts_the_name(question, places):
    assert question_places(question) == places


@pytest.mark.parametrize(
    "question",
    ["全镇有多少个驿站？", "本村党员有多少名？", "进村入户走访了多少户？", "城乡社区治理有哪些做法？", "到村任职的大学生有几名？"],
)
def test_generic_words_with_a_place_character_are_not_places(question):
    assert question_places(question) == []


@pytest.mark.parametrize(("question", "places"), [
    # 强村公司 (a company villages run together) names no village; a village before it still counts
    ("青溪镇强村公司的利润怎么分配？", ["青溪镇"]),
    ("白石县的强村公司一共有多少家？", ["白石县"]),
    ("柳塘村强村公司入股了多少万元？", ["柳塘村"]),
])
def test_a_strong_village_company_is_no_village(question, places):
    assert question_places(question) == places


@pytest.mark.parametrize(
    ("text", "places"),
    [("鲈鱼湾社区是当地一个传统渔业社区，现有渔船326艘。", ["鲈鱼湾社区"]),
     ("杏坪村是远近闻名的纯农业村，全村158户。", ["杏坪村"]),
     ("桑岭镇是个林业镇，林地面积占七成。", ["桑岭镇"])],
)
def test_a_trade_before_a_place_word_describes_the_place_named_before(text, places):
    # 渔业社区, 农业村, 林业镇: what the place lives on, not another place (which would own the figure)
    assert question_places(text) == places


@pytest.mark.parametrize(
    ("question", "places"),
    [("湖北樊城有多少个网格？", ["湖北", "樊城"]), ("浙江椒江有多少名网格员？", ["浙江", "椒江"])],
)
def test_a_short_district_name_counts_next_to_its_province_and_is_kept_as_written(question, places):
    assert question_places(question) == places


@pytest.mark.parametrize("question", ["樊城有多少个网格？", "椒江有多少名网格员？"])
def test_a_two_character_short_name_alone_is_not_taken_for_a_place(question):
    assert question_places(question) == []


@pytest.mark.parametrize(
    ("question", "places"),
    [("襄阳樊城有多少个网格？", ["襄阳", "樊城"]), ("台州椒江有多少名网格员？", ["台州", "椒江"])],
)
def test_a_short_district_name_counts_next_to_its_city(question, places):
    assert question_places(question) == places


@pytest.mark.parametrize("question", ["台州樊城有多少个网格？", "椒江樊城有几个网格？"])
def test_two_short_names_of_different_chains_do_not_support_each_other(question):
    assert question_places(question) == []


@pytest.mark.parametrize(
    ("question", "places"),
    [("下溪镇建了几个驿站？", ["下溪镇"]), ("枫林镇到县城的公路有多长？", ["枫林镇"])],
)
def test_a_town_followed_by_a_verb_is_still_found(question, places):
    assert question_places(question) == places


@pytest.mark.parametrize(
    ("question", "places"),
    [("白沙乡到县城有多远？", ["白沙乡"]), ("石门坳镇建成了几个驿站？", ["石门坳镇"]), ("全镇建了几个驿站？", [])],
)
def test_a_town_that_jieba_keeps_apart_and_a_generic_town_word_are_unchanged(question, places):
    assert question_places(question) == places


@pytest.mark.parametrize("question", ["美丽乡村建设投入了多少资金？", "打造和美乡村有哪些做法？"])
def test_a_rural_programme_name_is_not_a_village(question):
    assert question_places(question) == []


@pytest.mark.parametrize(("question", "places"), [("梨溪乡上坪村有多少名党员？", ["梨溪乡", "上坪村"]),
                                                  ("石门坳村的农村党员有多少名？", ["石门坳村"])])
def test_a_village_next_to_a_generic_rural_word_is_still_found(question, places):
    assert question_places(question) == places


# -------------------------------------------------------------------------------- extract_places
@pytest.mark.parametrize(
    ("text", "places"),
    [
        ("樊城区石桥镇召开驿站建设推进会", ["樊城区", "石桥镇", "湖北省", "襄阳市"]),
        ("椒江区白沙村党总支组织党员清理河道", ["椒江区", "白沙村", "浙江省", "台州市"]),
    ],
)
def test_an_article_about_a_district_is_also_about_its_city_and_province(text, places):
    assert extract_places(text, with_ancestors=True) == places


@pytest.mark.parametrize("text", ["白沙村党总支组织党员清理河道", "石桥镇召开驿站建设推进会"])
def test_an_article_naming_no_dictionary_place_has_no_village_or_town(text):
    assert extract_places(text, with_ancestors=True) == []
    # in a question (no ancestors asked for) the name counts without an anchor
    assert extract_places(text) == [text[:3]]


def test_the_most_frequently_named_place_comes_first_and_named_ancestors_are_not_repeated():
    text = "襄阳市樊城区桃源街道召开会议。桃源街道党工委书记讲话。樊城区要求各社区落实。樊城区将持续推进。"
    assert extract_places(text, with_ancestors=True) == ["樊城区", "桃源街道", "襄阳市", "湖北省"]


@pytest.mark.parametrize(
    ("text", "left_out"),
    [("椒江区白沙村打造“柳岸村”品牌", "柳岸村"), ("樊城区石桥镇推广“桂溪镇”经验", "桂溪镇")],
)
def test_a_name_in_quotation_marks_is_not_a_place_of_the_article(text, left_out):
    places = extract_places(text, with_ancestors=True)
    assert left_out not in places
    assert places[0] in ("椒江区", "樊城区")


@pytest.mark.parametrize(("text", "places"), [("湖北樊城：石桥镇党员服务群众", ["湖北省", "樊城区", "襄阳市", "石桥镇"]),
                                              ("浙江椒江：白沙村党员清理河道", ["浙江省", "椒江区", "台州市", "白沙村"])])
def test_short_forms_are_expanded_to_full_names_in_article_mode(text, places):
    assert sorted(extract_places(text, with_ancestors=True)) == sorted(places)


# -------------------------------------------------------------------------------------- synonyms
@pytest.mark.parametrize(
    ("term", "expected"),
    [
        ("网格员", ("网格员", "网格管理人员", "网格管理员", "网格工作人员")),
        ("补贴", ("补贴", "补助", "奖补", "资助", "以奖代补")),
    ],
)
def test_a_listed_word_has_its_equivalents_as_variants_itself_first(term, expected):
    assert variants(term) == expected


@pytest.mark.parametrize(
    ("term", "variant"),
    [("非公企业党组织", "私营企业党组织"), ("非公企业党组织", "非公企业党的组织"), ("退役军人服务站", "退伍军人服务站")],
)
def test_a_word_inside_a_longer_term_is_replaced_in_place(term, variant):
    forms = variants(term)
    assert forms[0] == term
    assert variant in forms


@pytest.mark.parametrize("term", ["邻里帮办", "光伏项目"])
def test_a_term_without_a_listed_word_has_only_itself(term):
    assert variants(term) == (term,)


@pytest.mark.parametrize(
    ("term", "text"),
    [
        ("网格员", "桃源街道共配备网格管理员36名"),
        ("退役军人", "柳岸村组织退伍老兵为村民讲党课"),
        ("村党支部书记", "白沙村村支书带头流转土地"),
        ("派下来", "他由县农业农村局选派，驻村已经两年"),  # who sent a secretary: 派下来 = 选派
        ("选派", "市里派驻的第一书记到村后先走访了全村"),
        ("活干", "扶贫车间带动860名搬迁群众就业"),  # 找到了活干 = 就业
        ("就业", "村里的妇女在家门口就有活干"),
        ("起步", "2014年以来，白石县开始试行区域化党建"),
        ("集中学习", "全年共组织党务骨干集训12期"),
        ("谈心", "对排名靠后的党员，党支部逐一谈话提醒"),
        ("落后", "对排名靠后的党员，党支部逐一谈话提醒"),
        ("办完", "群众诉求平均3天办结"),
        ("清理", "党员志愿者铲除“牛皮癣”2000多个"),
        ("铲除", "街道组织清理楼道杂物310车次"),
        # everyday words for the official ones (a resident's question, a paper's sentence)
        ("产出", "2023年工坊产值达560万元"),
        ("产出", "全镇花卉产业总产值突破2亿元"),
        ("作坊", "柳塘村共富工坊吸纳村民就业72人"),
        ("住着", "青溪街道常住人口约8.4万人"),
        ("住着", "白石县常住人口42万人"),
        ("告状", "景区涉旅投诉同比下降三成"),
        ("劝架", "调解员上门化解邻里纠纷36起"),
        ("年纪", "村“两委”干部平均年龄47.2岁"),
        ("歇脚点", "街道建成暖心驿站18个"),
        ("翻新", "云港区完成老旧小区改造42个"),
        ("公家", "政府补贴每部电梯20万元"),
        ("卖掉", "合作社通过直播卖出农产品86万元"),
        ("翻修", "2023年完成老旧小区改造12个"),
        ("借钱", "积分高的农户可申请贷款，最高5万元"),
        ("最多", "最高授信额度8万元"),
        ("报上去", "骑手累计上报问题612条"),
        ("工作机会", "招聘会提供就业岗位1200个"),
        ("招工会", "园区举办招聘会6场"),
        ("乡亲", "合作社带动村民就业58人"),
        ("停车泊位", "新增停车位260个"),
        ("招工", "联合人社部门举办“党建+招聘”专场8场"),
        ("招人", "物流园区今年招聘快递分拣员90名"),
        ("拿出", "专场招聘提供岗位3400余个"),
        ("拿出", "村集体提供公益性岗位12个"),
        ("跑外卖", "街道有外卖骑手、网约车司机约1800人"),
    ],
)
def test_a_term_is_present_when_an_equivalent_is_in_the_text(term, text):
    assert term not in text
    assert present(term, text)


@pytest.mark.parametrize(
    ("term", "text"),
    [
        ("非公企业", "石桥镇外资企业成立党支部"),  # a narrower term is not an equivalent
        ("驿站", "新湾社区党群服务中心开放"),
        ("网格员", "桃源街道共配备楼栋长36名"),
        ("就业", "合作社带动村民增收2.6万元"),  # more income is not a job
        ("集中学习", "全县党员开展自学"),
        ("清理", "拆除违章建筑12处"),  # pulling down is not clearing away
        ("产出", "合作社销售额达到380万元"),  # what was sold is not what was made
        ("作坊", "村里新建加工车间2处"),  # a plant's workshop is no village workshop
        ("住着", "青溪街道户籍人口6.1万人"),  # registered, not living there
        ("告状", "居民诉求办结率98%"),  # a request is no complaint
        ("年纪", "党员平均党龄21年"),
        ("公家", "村集体出资10万元"),  # the village collective is not the government
        ("卖掉", "合作社收购鲜果300吨"),  # buying in is not selling
        ("借钱", "镇里为农户发放补贴12万元"),
        ("工作机会", "园区现有从业人员2.1万人"),  # people employed are not openings
        ("乡亲", "社区居民参与议事32次"),  # a town's residents are no villagers
        ("招工", "园区新增入驻企业16家"),  # new firms are not hiring
        ("拿出", "合作社收到补贴资金20万元"),  # receiving is not offering
        ("跑外卖", "辖区有外卖网点11个"),  # the shops are not the riders
    ],
)
def test_a_term_is_absent_when_only_a_related_word_is_in_the_text(term, text):
    assert not present(term, text)


@pytest.mark.parametrize("text", [
    "白石县为每名外出党员建立档案，标注所在城市和联系方式。",  # 所在 + 城市: no place
    "县委组织部会同各乡镇逐一排查流动党员。",  # 各 + 乡镇: no place
])
def test_a_generic_place_word_behind_a_generic_prefix_is_no_place(text):
    assert not any(p.endswith(("城市", "乡镇")) for p in question_places(text)), question_places(text)


@pytest.mark.parametrize(("text", "place"), [
    ("白石县清河镇成立了茶叶合作社。", "清河镇"),  # a real town still counts
    ("云港区桂花社区推行党员联户。", "桂花社区"),
])
def test_a_named_place_next_to_a_generic_word_still_counts(text, place):
    assert place in question_places(text)


# -------------------------------------------------- names that are also common words (precision)
@pytest.mark.parametrize("text", [
    "县委组织部会同县委督查室对各部门的考核事项逐项清理。",  # 会同 = together with
    "比如县里今年新修的便民桥，就是党员带头捐的工。",  # 比如 = for example
    "街道党工委把辖区划成12个振兴区域，每块由一名班子成员包联。",  # 振兴 + 区域
    "合作市场里的摊主大多是返乡创业的年轻人。",  # 合作 + 市场
])
def test_a_division_name_that_also_reads_as_a_common_word_needs_its_city_or_province(text):
    assert not any(p in text and p.endswith(("县", "区", "市")) and len(p) == 3
                   for p in question_places(text)), question_places(text)


@pytest.mark.parametrize(("text", "place"), [
    ("湖南省怀化市会同县委组织部开展了党务培训。", "会同县"),
    ("甘肃省甘南州合作市新建了3个党群服务站。", "合作市"),
    ("辽宁省丹东市振兴区委组织部印发通知。", "振兴区"),
])
def test_the_same_name_counts_where_its_chain_is_named(text, place):
    assert place in question_places(text)


@pytest.mark.parametrize("text", [
    "让在外党员离乡不离党，每月线上过组织生活。",  # 离乡: a verb
    "青山区举办在外党员返乡座谈会，介绍家乡发展规划。",  # 返乡: a verb
    "获胜的班组将获得公司的党员先锋岗流动红旗。",  # 红旗: no banner
    "加入楼宇党建联盟以后，企业之间的合作多了。",  # 联盟: no league
    "做好街道社区与驻区单位的联建工作。",  # 街道 + 社区: two generic words
    "今年全县新建、改扩建村（社区）党群服务中心24个。",  # 改扩建 + 村
    "中共南岭市北湖区委组织部主办。",  # 中共 is no part of a name
    "群众把闲置的大棚交由村党支部领办的合作社经营。",  # 交由 + 村
    "在生产一线设立党员责任区，每个责任区由一名党员认领。",  # 责任区
])
def test_a_verb_or_generic_word_before_a_place_word_is_no_place(text):
    found = question_places(text)
    bad = [p for p in found if any(w in p for w in ("离乡", "返乡", "红旗", "联盟", "街道社区", "改扩建",
                                                    "中共", "交由", "责任区"))]
    assert not bad, found


@pytest.mark.parametrize(("text", "places"), [
    ("在白石县驻村工作现场，龙溪乡下湾村第一书记第一个登台。", ["龙溪乡", "下湾村"]),  # not 乡下 + 湾村
    ("在枫林县调研时，松岗乡下塘村的党员代表作了发言。", ["松岗乡", "下塘村"]),
])
def test_a_town_word_before_a_village_is_cut_even_where_it_reads_as_a_word(text, places):
    found = question_places(text)
    assert all(p in found for p in places), found
    assert not any(p.startswith("乡下") for p in found), found
    assert places[0] in extract_places(text) or places[1] in extract_places(text)


@pytest.mark.parametrize(("text", "nickname", "place"), [
    ("枣林村有农户186户，是当地有名的“苹果村”。", "苹果村", "枣林村"),
    ("柳塘村先后被评为“全国文明村”“生态示范村”。", "全国文明村", "柳塘村"),
])
def test_a_name_in_quotation_marks_is_a_nickname_not_a_place(text, nickname, place):
    found = question_places(text)
    assert place in found and nickname not in found


@pytest.mark.parametrize(("text", "places"), [
    ("莲池区凤仪街道党群服务中心面积有多大？", ["莲池区", "凤仪街道"]),  # jieba reads 区凤仪 as a name
    ("丛台区柳湾镇建了几个驿站？", ["丛台区", "柳湾镇"]),
    ("樊城区鹿鸣街道桂香苑社区有多少名网格员？", ["樊城区", "鹿鸣街道", "桂香苑社区"]),  # unchanged
])
def test_a_district_word_before_a_street_or_town_ends_the_district(text, places):
    found = question_places(text)
    assert found == places, found


@pytest.mark.parametrize("text", [
    "商圈位于七星区星湖街道，是桂林市区的老牌商业街区之一。",  # 商业街 + 区 is a 街区
    "青溪街道改造了两条特色街区。",
])
def test_a_description_ending_in_a_generic_place_word_is_no_place(text):
    assert not any(p.endswith("街区") for p in question_places(text)), question_places(text)


@pytest.mark.parametrize(("text", "not_place"), [
    ("对进度滞后的村由乡党委书记约谈村党支部书记。", "村由乡"),  # jieba glues 村 + 由 + 乡
    ("评委团由区农业农村局和部分镇村干部组成。", "部分镇"),
    ("全区6个苹果主产镇都建了电商服务站。", "主产镇"),
    ("晚上7点，爱民区松韵社区的楼道里灯火通明。", "道里"),  # 楼道 + 里, not the district 道里
])
def test_a_word_glued_to_a_place_word_is_no_place(text, not_place):
    assert not_place not in question_places(text), question_places(text)


@pytest.mark.parametrize(("text", "places"), [
    ("佛山南海桂湾镇的非公企业有多少名党员？", ["佛山", "南海", "桂湾镇"]),  # 山南 is a place: 南海 still counts
    ("晋江东溪社区改造党群服务中心花了多少钱？", ["东溪社区"]),  # a known name glued before the community
    ("天水市秦州区藉河湾街道麦香园社区", ["天水市", "秦州区", "藉河湾街道", "麦香园社区"]),  # not 河湾街道
])
def test_a_place_is_read_whole_and_a_piece_of_it_is_not_another(text, places):
    assert question_places(text) == places


@pytest.mark.parametrize(("text", "place"), [
    ("汉江智造产业园是樊城区重点打造的先进制造业园区，入驻企业87家。", "汉江智造产业园"),
    ("锦岗智造产业园是南海区的先进制造业园区之一。", "锦岗智造产业园"),
])
def test_a_park_described_as_a_manufacturing_park_is_one_place(text, place):
    found = question_places(text)
    assert place in found and not any(p.endswith("制造业园区") for p in found), found


@pytest.mark.parametrize(("text", "place"), [
    ("投资170余万元，在金山工业园区建成700平方米的党群活动服务中心。", "金山工业园区"),
    ("白沙经济开发区党工委牵头成立了园区联合党委。", "白沙经济开发区"),
])
def test_a_name_before_a_generic_park_word_is_that_park(text, place):
    assert place in question_places(text), question_places(text)


@pytest.mark.parametrize(("text", "not_place"), [
    ("自3月份全区开展网格化治理以来，通过网格开展便民服务活动1.2万次。", "月份全区"),  # 全区 is no park word
    ("今年以来，各工业园区新建党组织12个。", "各工业园区"),  # no name before the park word
    ("全县工业园区企业党组织覆盖率达到90%。", "全县工业园区"),
])
def test_a_generic_park_word_without_a_name_is_no_place(text, not_place):
    assert not any(not_place in p or p.endswith("工业园区") for p in question_places(text)), question_places(text)


@pytest.mark.parametrize(("text", "place"), [
    ("迎江区柳荫街道有多少名党员编入了小区党支部？", "柳荫街道"),  # jieba: 柳荫街/道
    ("白沙区槐荫街道有多少个网格？", "槐荫街道"),
])
def test_a_street_whose_name_jieba_glues_to_its_first_character_is_read_whole(text, place):
    assert place in question_places(text), question_places(text)


@pytest.mark.parametrize("text", ["沿着步行街道路两旁种满了树。", "商业街道路改造已经完成。"])
def test_a_street_word_before_a_road_is_no_street(text):
    assert not any(p.endswith("街道") for p in question_places(text)), question_places(text)


@pytest.mark.parametrize(("term", "text"), [("礼拜", "每周入户测温2次"), ("冷藏库", "建起一座容量500吨的冷库"), ("单子", "形成工单231件"),
                                            ("吃饭", "食堂日均就餐210人次"), ("用餐", "长者食堂每天吃饭的老人有80多位")])
def test_everyday_words_match_the_written_ones(term, text):
    from partyqa.text.synonyms import present
    assert present(term, text)


@pytest.mark.parametrize(("question", "places"), [
    ("胡桐里社区去年选聘了多少名楼院长？", ["胡桐里社区"]),  # 里 ends the community's name
    ("石桥里社区的书记是谁？", ["石桥里社区"]),
    ("坝下村有多少户？", ["坝下村"]),
    ("塘后村一共有几名党员？", ["塘后村"]),
])
def test_a_locative_ending_a_community_or_village_name_belongs_to_it(question, places):
    assert question_places(question) == places


@pytest.mark.parametrize("question", ["村里有多少户？", "社区里有多少党员？", "在家里村民能办吗？"])
def test_a_locative_after_a_place_word_or_a_common_noun_makes_no_place(question):
    assert question_places(question) == []


@pytest.mark.parametrize("text", ["入户时发现问题及时报告社区。", "有困难先汇报村里，再由党员走进社区帮办。",
                                  "在职党员回到社区报到，服务社区群众。"])
def test_a_verb_before_a_place_word_makes_no_place(text):
    # 报告社区 is "report to the community", not a community named 报告.
    assert question_places(text) == []


@pytest.mark.parametrize(("text", "places"), [("党员志愿者来到柳湾村开展义诊。", ["柳湾村"]),
                                              ("驻村工作队走进桂香社区入户走访。", ["桂香社区"])])
def test_a_named_place_after_such_a_verb_is_still_read(text, places):
    assert question_places(text) == places


@pytest.mark.parametrize(
    ("text", "places"),
    [("去年，东坡区委组织部会同区农业农村局开展了一次调研。", ["东坡区"]),
     ("青溪县委宣传部会同县文明办组织了这次评选。", [])],
)
def test_a_party_office_before_a_place_word_is_no_place(text, places):
    # 区委组织部会同区…: the office acts together with the district's bureau; no place 区委组织部会同区
    assert question_places(text) == places


@pytest.mark.parametrize(("text", "places"), [("湖南会同县有多少个村？", ["湖南", "会同县"]),
                                              ("会同县有多少名党员？", ["会同县"])])
def test_a_county_named_like_the_verb_stays_a_place(text, places):
    assert question_places(text) == places


# ----------------------------------------------------- 原/现 before a place word; a city's short form
@pytest.mark.parametrize(
    ("text", "places"),
    [
        ("镇里在原石桥村的地块上建起了标准厂房", ["石桥村"]),  # the former 石桥村
        ("把原柳湾村小学的旧校舍改成了活动室", ["柳湾村"]),
        ("利用原社区仓库改造的食堂已经开业", []),  # "the former community's storeroom": no place
        ("现街道办事处所在的楼原来是粮站", []),
    ],
)
def test_a_lone_former_or_present_mark_is_no_part_of_the_name(text, places):
    assert question_places(text) == places
    assert extract_places(text) == places


@pytest.mark.parametrize(
    ("question", "places"),
    [
        ("银川枸杞里社区老楼装一部电梯，公家补多少钱？", ["银川", "枸杞里社区"]),
        ("昆明茶花巷社区的调解队有多少人？", ["昆明", "茶花巷社区"]),
        # a road named after a city is one name with its community or street
        ("长春路社区有多少名党员？", ["长春路社区"]),
        ("南京东路街道一共有几个网格？", ["南京东路街道"]),
    ],
)
def test_a_city_short_form_right_before_a_community_is_the_city(question, places):
    assert question_places(question) == places


@pytest.mark.parametrize(
    "text", ["志愿者在海鲜排档集中区摆放了公平秤", "沿街商户大多分布在滨海旅游区", "度假区里的民宿统一挂牌"],
)
def test_a_zone_of_some_trade_is_no_place(text):
    assert question_places(text) == []


def test_a_named_district_is_still_found_beside_a_zone_word():
    assert question_places("崂山区旅游区的商户有多少家？") == ["崂山区"]


# ------------------------------------------------------------------- districts newer than the list
@pytest.mark.parametrize(
    ("text", "chain"),
    [
        # districts set up after the main division list was compiled (places_extra.tsv, generated)
        ("山西省长治市潞州区漳晖街道召开楼宇党建推进会。", ["山西省", "长治市", "潞州区"]),
        ("浙江省杭州市临安区推进红色物业。", ["浙江省", "杭州市", "临安区"]),
        # a district of the old list is found as before
        ("湖北省襄阳市樊城区推进网格治理。", ["湖北省", "襄阳市", "樊城区"]),
    ],
)
def test_a_district_newer_than_the_division_list_is_found_with_its_chain(text, chain):
    found = extract_places(text, with_ancestors=True)
    assert all(place in found for place in chain)


@pytest.mark.parametrize(
    ("question", "places"),
    [
        ("潞城区有多少栋商务楼宇建立了党组织？", ["潞城区"]),
        ("郫都区有多少个村集体经济组织？", ["郫都区"]),
        # development zones of the newer list are not divisions
        ("经济开发区有多少家企业？", []),
    ],
)
def test_a_question_names_a_newer_district(question, places):
    assert question_places(question) == places


def test_generated_districts_hang_under_a_listed_city_or_province():
    from partyqa.resources import data_lines
    codes = {line.split("\t")[0] for line in data_lines("places_cn.tsv")}
    for line in data_lines("places_extra.tsv"):
        parent, name = line.split("\t")
        assert parent in codes and name[-1] in "区县市旗"


@pytest.mark.parametrize(
    ("question", "places"),
    [
        # a locative jieba splits off (下/f 窑/n 村) opens the name after a town, a mark or the opening
        ("柏岘镇下窑村去年村集体经济收入是多少？", ["柏岘镇", "下窑村"]),
        ("下窑村去年村集体经济收入是多少？", ["下窑村"]),
        ("白石镇前营村有多少名党员？", ["白石镇", "前营村"]),
        ("青石镇，东关社区有多少个网格？", ["青石镇", "东关社区"]),
        # inside a sentence, after a word that is no place, it stays a locative
        ("全镇上下村干部都参加了培训吗？", []),
        ("乡党委在村里下村走访了多少户？", []),
    ],
)
def test_a_locative_opening_a_village_name_is_its_first_syllable(question, places):
    assert question_places(question) == places


@pytest.mark.parametrize(
    ("question", "places"),
    [
        # a locative after a document word (报告里, 报告中) is the document's, not the street's
        ("调研报告里漳晖街道划分了多少个网格？", ["漳晖街道"]),
        ("报告中漳晖街道划分了多少个网格？", ["漳晖街道"]),
        ("附表中东湖社区有多少户？", ["东湖社区"]),
        # a name that opens with 中 or 里 elsewhere stays whole
        ("中山街道有多少个网格？", ["中山街道"]),
    ],
)
def test_a_locative_after_a_document_word_is_no_part_of_the_place(question, places):
    assert question_places(question) == places
