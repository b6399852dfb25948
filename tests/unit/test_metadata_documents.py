"""Metadata of official documents, reports, bulletins and app pages, each form read from two
invented pages and refused on others: field blocks (索引号/发布机构), document titles (关于……的通报),
a bulletin without a lead story, a report's team, an app's source line with its channel, a byline
after the outlet's name, a long 副题, and a city's short name before its own 市X区 district; a
page's staff line, a space ending a PDF line, a series line and a dashed signature, a WeChat post's
closing 来源 line, a source's channel, an editors' pick list, a dispatch byline, a document title
over two lines, a contents list, and 小编.
"""

from __future__ import annotations

import pytest

from index.ingest.load import load_article
from index.ingest.metadata.people import bylines
from index.ingest.metadata.publisher import is_outlet_name, issuer, labelled_source, source_line
from index.ingest.metadata.title import document_title, first_headline, masthead_title
from partyqa.text.places import extract_places, question_places

# ------------------------------------------------------------------ a government page's field block
NOTICE = """白石县人民政府
首页 | 政务公开 | 政务服务 | 互动交流
当前位置：首页 > 政务公开 > 通知公告 > 正文
索引号：000000000000/2023-00042
主题分类：组织人事　　　　发布机构：中共白石县委组织部
发文日期：2023年03月14日　　　　文号：白组通〔2023〕5号
有效性：有效
关于2022年度村级党组织书记述职评议结果的通报
各乡镇党委：
根据年度考核安排，县委组织部对全县46个村级党组织书记开展了述职评议，现将结果通报如下。
一、总体情况
全县46名村党组织书记中，评为好的31名，较好的12名，一般的3名，没有评为差的。
中共白石县委组织部
2023年3月10日
上一篇：关于开展党员冬训工作的通知
"""

RELEASE = """新闻通稿
发布单位 | 中共云港市柳岸区委组织部
联系人 | 郝思雨
联系电话 | 0000-0000000
稿件类别 | 基层党建
柳岸区二十个小区党支部把议事会开到楼栋门口
今年以来，柳岸区在二十个老旧小区推行楼栋议事会，党员楼长每月召集居民商量一次小区的事。
议事会已经解决了停车、加装电梯、楼道照明等问题一百二十多件。
撰稿：温若兰
"""


@pytest.mark.parametrize(("name", "text", "title", "outlet"), [
    ("notice.txt", NOTICE, "关于2022年度村级党组织书记述职评议结果的通报", "中共白石县委组织部"),
    ("release.txt", RELEASE, "柳岸区二十个小区党支部把议事会开到楼栋门口", "中共云港市柳岸区委组织部"),
])
def test_a_field_block_is_no_title_and_its_issuer_is_the_outlet(tmp_path, name, text, title, outlet):
    page = tmp_path / name
    page.write_text(text, encoding="utf-8")
    article = load_article(page)
    assert (article.title, article.publisher) == (title, outlet)


@pytest.mark.parametrize(("line", "expected"), [
    ("主题分类：组织人事　　　　发布机构：中共白石县委组织部", (8, "中共白石县委组织部")),
    ("发布单位 | 中共云港市柳岸区委组织部", (8, "中共云港市柳岸区委组织部")),
    # another field, or the words in running text: no outlet
    ("主题分类：组织人事　　　　有效性：有效", (0, "")),
    ("县里推进发布机构改革，白石县委组织部牵头。", (0, "")),
])
def test_an_issuer_field_names_the_outlet(line, expected):
    assert labelled_source(line) == expected


@pytest.mark.parametrize(("lines", "title"), [
    # a headline with a place and a colon is still a headline; only a field label opens a field
    (["索引号：000000000000/2023-00042", "柳岸街道：党员楼长把议事会开到楼栋门口"], "柳岸街道：党员楼长把议事会开到楼栋门口"),
    (["联系人 | 郝思雨", "稿件类别 | 基层党建", "白石县四十六名村党组织书记上台述职"], "白石县四十六名村党组织书记上台述职"),

    # a disclosure block's class and keywords are fields too
    (["信息分类：工作动态", "关键词：双报到；在职党员", "青溪街道在职党员回社区认领微心愿"], "青溪街道在职党员回社区认领微心愿"),
    (["公开方式：主动公开", "组配分类：基层党建", "白石县村级后备干部培训班开班"], "白石县村级后备干部培训班开班"),
])
def test_field_lines_are_skipped_for_the_headline(lines, title):
    assert first_headline(lines) == title


# ------------------------------------------------------------------------------ an e-paper's name
@pytest.mark.parametrize(("line", "outlet"), [
    ("云港晚报电子版", True),
    ("白石日报数字报", True),
    # a headline that ends in the same word names no outlet
    ("柳塘村民的医保卡有了电子版", False),
    ("白石日报", False),
])
def test_an_epaper_name_is_a_site_name(line, outlet):
    assert is_outlet_name(line) is outlet


def test_an_epaper_name_above_the_headline_is_no_title():
    lines = ["云港晚报", "A03", "云港晚报电子版", "柳塘村老人家里装上了扶手 二百户完成适老化改造", "本报讯（记者 严小舟）…"]
    assert first_headline(lines) == "柳塘村老人家里装上了扶手 二百户完成适老化改造"
    lines = ["白石日报数字报", "白石县四十六名村党组织书记上台述职"]
    assert first_headline(lines) == "白石县四十六名村党组织书记上台述职"


# ------------------------------------------------------------------ an official document's title
REPORT = """柳岸区党建课题成果汇编（2023）
关于柳岸区小区党支部建设情况的调研报告
中共云港市柳岸区委组织部课题组
课题组组长：郝思雨　课题组成员：温若兰 严小舟
二〇二三年十月
今年7月至8月，区委组织部成立课题组，对全区38个小区党支部的组建和运行情况开展了专题调研，召开座谈会4场，走访党员楼长86名。
一、基本情况
全区38个小区中，已单独组建党支部的有29个，联合组建的有9个。
中共云港市柳岸区委组织部课题组
2023年10月16日
"""


@pytest.mark.parametrize(("lines", "title"), [
    (["柳岸区党建课题成果汇编（2023）", "关于柳岸区小区党支部建设情况的调研报告", "中共云港市柳岸区委组织部课题组"],
     "关于柳岸区小区党支部建设情况的调研报告"),
    (["白石县人民政府", "关于2022年度村级党组织书记述职评议结果的通报"], "关于2022年度村级党组织书记述职评议结果的通报"),
    # 关于 opening a headline that names no kind of document: no document title
    (["关于柳塘村合作社的三个故事"], ""),
    (["柳岸区党建课题成果汇编（2023）", "关于柳岸区小区党支部建设情况"], ""),
])
def test_an_official_documents_title(lines, title):
    assert document_title(lines) == title


def test_a_report_below_its_series_line_has_its_own_title_team_office_and_authors(tmp_path):
    page = tmp_path / "report.txt"
    page.write_text(REPORT, encoding="utf-8")
    article = load_article(page)
    assert article.title == "关于柳岸区小区党支部建设情况的调研报告"
    assert article.publisher == "中共云港市柳岸区委组织部"
    assert article.people("author") == ["郝思雨", "温若兰", "严小舟"]


@pytest.mark.parametrize(("line", "office"), [
    ("中共云港市柳岸区委组织部课题组", "中共云港市柳岸区委组织部"),
    ("中共白石县委组织部调研组　　2023年3月10日", "中共白石县委组织部"),
    ("中共白石县委组织部编印 | 2023年3月10日", "中共白石县委组织部"),
    # a sentence about a team, or a team of no office: no issuer
    ("区委组织部课题组正在走访党员楼长", ""),
    ("柳塘村合作社课题组", ""),
])
def test_a_reports_team_names_its_office(line, office):
    assert issuer(line) == office


@pytest.mark.parametrize(("line", "expected"), [
    ("课题组组长：郝思雨　课题组成员：温若兰 严小舟", [("author", "郝思雨"), ("author", "温若兰"), ("author", "严小舟")]),
    ("调研组组长：韦振东调研组成员：梁雨晴执笔人：梁雨晴",
     [("author", "韦振东"), ("author", "梁雨晴"), ("author", "梁雨晴")]),
    # a group leader in the story is no author
    ("网格组长 何川", []),
    ("组长：何川", []),
])
def test_a_reports_team_members_are_its_authors(line, expected):
    assert [(b.kind, b.name) for b in bylines(line)] == expected


# ------------------------------------------------------------------- a bulletin without a lead story
BULLETIN_ITEMS = ["党建工作简报", "第12期", "中共白石县委组织部编印 | 2023年6月2日", "【本期要目】",
                  "1．柳塘村：合作社大棚建到六十座", "2．青溪街道：楼长制覆盖三十个小区"]
BULLETIN_LEAD = ["组工信息", "2023年第4期（总第88期）", "编印：中共云港市柳岸区委组织部", "【本期要目】",
                 "◎柳岸区把党支部建到小区里", "◎柳岸街道：楼栋议事会解决120多件事"]


def _bulletin(tmp_path, head, items):
    page = tmp_path / "bulletin.txt"
    page.write_text("\n".join(head + items), encoding="utf-8")
    return load_article(page)


def test_a_bulletin_of_numbered_items_is_titled_by_its_masthead_and_issue(tmp_path):
    items = ["柳塘村：合作社大棚建到六十座",
             "柳塘村党总支领办合作社，今年把蔬菜大棚扩大到六十座，带动一百二十户村民在家门口就业。",
             "青溪街道：楼长制覆盖三十个小区",
             "青溪街道在三十个老旧小区选出党员楼长九十名，每月上门走访住户一次，收集居民诉求。"]
    assert _bulletin(tmp_path, BULLETIN_ITEMS, items).title == "党建工作简报 第12期"
    assert masthead_title(["组工信息", "2023年第4期（总第88期）"]) == "组工信息 2023年第4期（总第88期）"


def test_a_bulletin_with_a_lead_story_keeps_the_lead_headline(tmp_path):
    items = ["柳岸区把党支部建到小区里",
             "柳岸区今年在三十八个小区全部建起党支部，其中单独组建二十九个，联合组建九个。",
             "一、柳岸街道：楼栋议事会解决120多件事",
             "柳岸街道推行楼栋议事会，党员楼长每月召集居民商量一次，已解决停车、照明等问题一百二十多件。"]
    assert _bulletin(tmp_path, BULLETIN_LEAD, items).title == "柳岸区把党支部建到小区里"
    assert masthead_title(["柳岸区把党支部建到小区里", "今年以来，全区新建党支部九个。"]) == ""


# ---------------------------------------------------------------------- an app's source line, a byline
@pytest.mark.parametrize(("line", "outlet"), [
    ("云港新闻 · 城市频道　2024-05-08 18:32", "云港新闻"),
    ("白石融媒 | 乡镇频道 2023年6月1日", "白石融媒"),
    # a field label with a channel, or a counter after the date: no outlet
    ("发布时间 · 城市频道 2024-05-08 18:32", ""),
    ("云港新闻 · 城市频道 2024-05-08 18:32 评论 12", ""),
])
def test_an_app_source_line_with_its_channel(line, outlet):
    assert source_line(line) == outlet


@pytest.mark.parametrize(("line", "expected", "in_body"), [
    ("云港新闻记者 严小舟 通讯员 何川", [("reporter", "严小舟"), ("correspondent", "何川")], False),
    ("（白石日报记者 温若兰 梁雨晴）", [("reporter", "温若兰"), ("reporter", "梁雨晴")], False),
    # an outlet's reporter named inside a sentence, or a word too short for an outlet: no byline
    ("柳塘村党支部书记何川接受云港新闻记者采访时说，明年还要扩大大棚。", [], True),
    ("党报记者 严小舟", [], False),
    # a name of any ending before the role, when the line goes on to another role: a byline line
    ("飞云视界记者　严小舟　通讯员　何川", [("reporter", "严小舟"), ("correspondent", "何川")], False),
    ("青川观察记者 温若兰 通讯员 梁雨晴", [("reporter", "温若兰"), ("correspondent", "梁雨晴")], False),
    ("青川观察记者 温若兰", [], False),  # alone, the name's ending says nothing
    ("村里记者了解到 通讯员 王川 说", [], False),  # no space after the role: no byline shape
])
def test_a_byline_after_the_outlets_name(line, expected, in_body):
    assert [(b.kind, b.name) for b in bylines(line, in_body=in_body)] == expected


# ------------------------------------------------------------------------------ a long 副题 (h2)
@pytest.mark.parametrize(("h2", "title"), [
    ("青溪街道三十个小区选出党员楼长九十名，居民诉求办结率达到96.5%",
     "柳塘村来了“红马甲” 青溪街道三十个小区选出党员楼长九十名，居民诉求办结率达到96.5%"),
    ("白石县四十六名村党组织书记上台述职，三十一名评为好等次",
     "柳塘村来了“红马甲” 白石县四十六名村党组织书记上台述职，三十一名评为好等次"),
    # longer than a headline: a summary, no subtitle
    ("青溪街道在三十个老旧小区选出党员楼长九十名并且每月上门走访住户一次收集居民诉求办结率达到96.5%",
     "柳塘村来了“红马甲”"),
])
def test_a_subtitle_up_to_a_headlines_length_joins_the_title(tmp_path, h2, title):
    page = tmp_path / "p.html"
    page.write_text('<html><head><meta charset="utf-8"><title>云港日报数字报-柳塘村来了“红马甲”</title></head><body>'
                    f"<div class='nav'>首页 | 要闻 | 区县</div><h1>柳塘村来了“红马甲”</h1><h2>{h2}</h2>"
                    "<p>本报讯（记者 严小舟）柳塘村股份经济合作社日前向村民分红36万元，全村312户每户都分到了钱。</p>"
                    "<p>村党支部书记何川说，明年还要把合作社的大棚扩大一倍。</p></body></html>", encoding="utf-8")
    assert load_article(page).title == title


# ------------------------------------------------------------- a city's short name before 市X区
@pytest.mark.parametrize(("text", "places"), [
    ("青岛市南区柳塘路街道推行党员商户亮身份", ["市南区", "柳塘路街道", "青岛市", "山东省"]),
    ("青岛市北区青溪街道的楼长制覆盖三十个小区", ["市北区", "青溪街道", "青岛市", "山东省"]),
    # the city's full name before another word, or before a district of another city
    ("青岛市南部沿海新建了十个党群服务站", ["青岛市", "山东省"]),
    ("烟台市南区域的合作社扩大了大棚", ["烟台市", "山东省"]),
])
def test_a_citys_short_name_before_its_own_shi_district(text, places):
    assert extract_places(text, with_ancestors=True) == places


def test_a_question_naming_the_shi_district_after_the_city():
    assert "市南区" in question_places("青岛市南区柳塘路街道有多少家党员商户？")
    assert "市北区" not in question_places("烟台市北区域有多少家党员商户？")


# ------------------------------------------------- forms of a fifth labelled set (invented pages)
def _page(tmp_path, name, text):
    page = tmp_path / name
    page.write_text(text, encoding="utf-8")
    return load_article(page)


EPAPER_STAFF = """苇塘晚报
2023年9月12日 星期二
第06版：基层
本版责编：瞿明澜 美编：庄一禾 校对：蓝若岑
苇塘晚报电子版 2023年9月12日
{headline}
本报讯（记者 甘书禾）近日，苇塘县石楠街道在二十个老旧小区推行“楼道夜话”，党员楼长每周一晚在楼道里听居民说事。
街道已收集居民意见三百一十条，解决二百八十六条。
"""


@pytest.mark.parametrize(("headline", "editor"), [
    # the page's staff line (责编, 美编, 校对 with their colons) above the headline is no title
    ("石楠街道“楼道夜话”说出居民心里话", "瞿明澜"),
    # a role word in a headline without its colon is still a headline
    ("老校对当上党员楼长 楼道夜话说出居民心里话", "瞿明澜"),
])
def test_a_pages_staff_line_is_no_title(tmp_path, headline, editor):
    article = _page(tmp_path, "paper.txt", EPAPER_STAFF.format(headline=headline))
    assert article.title == headline
    assert article.people("editor") == [editor]


def _pdf_chars(rows):
    """Characters 10 points wide and high, one row per line; a space is a real, 3-point-wide character."""
    from index.ingest.pagelayout import Char

    chars = []
    for r, row in enumerate(rows):
        x = 40.0
        for ch in row:
            width = 3.0 if ch == " " else 10.0
            chars.append(Char(x, 100 + 14 * r, x + width, 110 + 14 * r, ch, 10.0))
            x += width + 0.5
    return chars


@pytest.mark.parametrize(("rows", "joined"), [
    # the PDF ends a wrapped line with a space: two names of a byline stay apart
    (["本报讯（记者 甘书禾 通讯员 庄一禾 ", "蓝若岑）近日，石楠街道"], "本报讯（记者 甘书禾 通讯员 庄一禾 蓝若岑）近日，石楠街道"),
    # no space at the line's end: CJK lines join without one
    (["石楠街道在二十个老旧小区推行楼", "道夜话，党员楼长每周听居民说事"], "石楠街道在二十个老旧小区推行楼道夜话，党员楼长每周听居民说事"),
])
def test_a_space_a_pdf_line_ends_with_is_kept_when_lines_join(rows, joined):
    from index.ingest.pagelayout import Block, chars_to_lines

    lines = sorted(chars_to_lines(_pdf_chars(rows)), key=lambda ln: ln.top)
    assert Block(lines).text == joined


MATERIAL = """{first}
“楼栋议事会”让老小区的事有人管
——中共苇塘县石楠街道工作委员会
石楠街道辖六个社区，老旧小区二十个。近年来，街道党工委把议事会开到楼栋门口，居民的事由居民商量着办。
一、把议事会开到楼栋
街道在二十个小区建立楼栋议事会四十二个，每月至少议事一次。
中共苇塘县石楠街道工作委员会
2023年11月6日
"""


@pytest.mark.parametrize(("first", "title"), [
    # a series line above the material (the third of a meeting's exchange materials) is no title
    ("苇塘县2023年基层党建工作座谈会交流材料（三）", "“楼栋议事会”让老小区的事有人管"),
    # a headline numbered as a part of a story series is the title
    ("石楠街道的楼栋故事（三）", "石楠街道的楼栋故事（三）"),
])
def test_a_series_line_above_a_material_is_no_title(tmp_path, first, title):
    article = _page(tmp_path, "material.txt", MATERIAL.format(first=first))
    assert article.title == title
    assert article.publisher == "中共苇塘县石楠街道工作委员会"


@pytest.mark.parametrize(("line", "office"), [
    # a material's signature under its title opens with a dash
    ("——中共苇塘县石楠街道工作委员会", "中共苇塘县石楠街道工作委员会"),
    ("—— 苇塘县委组织部", "苇塘县委组织部"),
    # a dashed deck naming a person, or a dash before running text: no issuer
    ("——记石楠街道党工委书记甘书禾", ""),
    ("——石楠街道党工委牵头成立了楼栋议事会", ""),
])
def test_a_dashed_signature_names_the_issuer(line, office):
    assert issuer(line) == office


WECHAT = """石楠街道：楼道夜话说出居民心里话
原创 甘书禾 石楠微家园 2023年09月15日 20:30 广西
{top}
今年以来，石楠街道在二十个老旧小区推行“楼道夜话”，党员楼长每周一晚在楼道里听居民说事。
街道已收集居民意见三百一十条，解决二百八十六条，居民满意度达到百分之九十六。
{bottom}
编辑：庄一禾
审核：蓝若岑
阅读 1806
"""


@pytest.mark.parametrize(("top", "bottom", "outlet"), [
    # a 来源 line among a post's closing credits names who supplied the story: the account published it
    ("点击蓝字关注我们", "来源：石楠街道党工委", "石楠微家园"),
    # a 来源 line heading the post (a repost) still names the outlet
    ("来源：苇塘晚报", "- END -", "苇塘晚报"),
])
def test_a_wechat_posts_closing_source_line_does_not_outrank_its_account(tmp_path, top, bottom, outlet):
    assert _page(tmp_path, "post.txt", WECHAT.format(top=top, bottom=bottom)).publisher == outlet


APP_STORY = """苇塘新闻 | 城区频道 | 下载客户端
石楠街道“楼道夜话”说出居民心里话
来源：{source}　2023-09-15 10:26
苇塘新闻记者 甘书禾
今年以来，石楠街道在二十个老旧小区推行“楼道夜话”，党员楼长每周一晚在楼道里听居民说事。
街道已收集居民意见三百一十条，解决二百八十六条。
（责任编辑：庄一禾）
"""


@pytest.mark.parametrize(("source", "outlet"), [
    # the site's channel after a middle dot is no part of the outlet
    ("苇塘新闻·城区频道", "苇塘新闻"),
    # a dotted name without a channel word is the name as written
    ("石楠·家园", "石楠·家园"),
    # the app the outlet publishes through is no part of its name either
    ("苇塘新闻客户端", "苇塘新闻"),
    ("青川观察APP", "青川观察"),
    ("客户端", "客户端"),  # nothing left before it: the name as written
])
def test_a_labelled_sources_channel_is_dropped(tmp_path, source, outlet):
    assert _page(tmp_path, "app.txt", APP_STORY.format(source=source)).publisher == outlet
    assert labelled_source(f"来源：{source}")[1] == outlet


RECOMMEND = """石楠街道“楼道夜话”说出居民心里话
来源：苇塘新闻　2023-09-15 10:26
今年以来，石楠街道在二十个老旧小区推行“楼道夜话”，党员楼长每周一晚在楼道里听居民说事。
街道已收集居民意见三百一十条，解决二百八十六条。
{credits}
苇塘县：村级党群服务中心完成提档升级
城关镇党员志愿队服务秋收
"""


@pytest.mark.parametrize(("credits", "editors"), [
    # a list labelled 编辑推荐 / 小编推荐 names no editor
    ("（责任编辑：庄一禾）\n【编辑推荐】", ["庄一禾"]),
    # an editor's line after the list label is still read
    ("【小编推荐】\n编辑：蓝若岑", ["蓝若岑"]),
])
def test_an_editors_pick_list_names_no_editor(tmp_path, credits, editors):
    assert _page(tmp_path, "app.txt", RECOMMEND.format(credits=credits)).people("editor") == editors


DISPATCH = """<html><head><meta charset="utf-8"><title>石楠街道推“樓道夜話” - 海灣日報</title></head><body>
<h1>石楠街道推“樓道夜話”</h1>
<div class="content"><p>{opening}今年以來，石楠街道在二十個老舊小區推行“樓道夜話”，黨員樓長每週一晚在樓道裡聽居民說事。</p>
<p>街道已收集居民意見三百一十條，解決二百八十六條，居民滿意度達到百分之九十六。</p></div>
</body></html>"""


@pytest.mark.parametrize(("opening", "reporters"), [
    # 【本報訊】記者 NAME PLACE報道： names the reporter; the place reported from is no part of the name
    ("【本報訊】記者甘書禾南寧報道：", ["甘書禾"]),
    # the flash mark opening a sentence that names no reporter
    ("【本報訊】記者從石楠街道了解到，", []),
])
def test_a_dispatch_byline_after_the_flash_mark(tmp_path, opening, reporters):
    assert _page(tmp_path, "story.html", DISPATCH.format(opening=opening)).people("reporter") == reporters


@pytest.mark.parametrize(("line", "expected"), [
    ("本报讯 记者 甘书禾 庄一禾 南宁报道 近日，", [("reporter", "甘书禾"), ("reporter", "庄一禾")]),
    ("【本报讯】记者甘书禾报道：近日，", [("reporter", "甘书禾")]),
    ("本报讯 记者近日在石楠街道采访报道：当地", []),
    # a bracketed byline ending on the place reported from
    ("（海湾网记者 甘书禾 南宁报道）近日，", [("reporter", "甘书禾")]),
    ("（記者 庄一禾 林小满 玉溪報道）3月12日上午，", [("reporter", "庄一禾"), ("reporter", "林小满")]),
])
def test_dispatch_bylines(line, expected):
    assert [(b.kind, b.name) for b in bylines(line, in_body=True)] == expected


REPORT_WRAPPED = """中共苇塘县委组织部
调研报告
2023年第3期
{title_lines}
县委组织部调研组
为摸清全县村级党组织书记队伍情况，县委组织部于今年6月开展了专题调研，走访了12个乡镇的86个村。
一、基本情况
全县86个村党组织书记中，45岁以下的有39名，大专以上学历的有52名。
"""


@pytest.mark.parametrize(("title_lines", "title"), [
    # a document's title set over two lines is read as one
    ("关于全县村级党组织书记队伍建设\n情况的调研报告", "关于全县村级党组织书记队伍建设情况的调研报告"),
    # a one-line title is unchanged
    ("关于全县村级党组织书记队伍建设情况的调研报告", "关于全县村级党组织书记队伍建设情况的调研报告"),
])
def test_a_document_title_wrapped_over_two_lines(tmp_path, title_lines, title):
    assert _page(tmp_path, "report.txt", REPORT_WRAPPED.format(title_lines=title_lines)).title == title


@pytest.mark.parametrize(("lines", "title"), [
    (["关于全县村级党组织书记队伍建设", "情况的调研报告"], "关于全县村级党组织书记队伍建设情况的调研报告"),
    # the next line does not complete a document's title: nothing is joined
    (["关于全县村级党组织书记队伍建设", "中共苇塘县委组织部调研组"], ""),
])
def test_document_title_lines(lines, title):
    assert document_title(lines) == title


CONTENTS = ["组织工作信息", "第15期", "中共苇塘县委组织部编印 | 2023年10月20日", "【本期导读】",
            "石楠街道：楼道夜话说出居民心里话", "城关镇：党员志愿队服务秋收"]


@pytest.mark.parametrize(("body", "title"), [
    # the listed headlines open the issue again as numbered items: no lead story, the masthead and issue
    (["一、石楠街道：楼道夜话说出居民心里话",
      "石楠街道在二十个老旧小区推行楼道夜话，党员楼长每周一晚在楼道里听居民说事，已解决问题二百八十六条。",
      "二、城关镇：党员志愿队服务秋收",
      "城关镇组织党员志愿队一百二十人，帮助缺劳力农户抢收玉米一千六百亩。"], "组织工作信息 第15期"),
    # a lead story after the contents list keeps its headline
    (["苇塘县把党建工作做到群众身边",
      "今年以来，苇塘县各乡镇街道把党建工作做到群众身边，涌现出一批好做法，现摘编如下。",
      "一、石楠街道：楼道夜话说出居民心里话",
      "石楠街道在二十个老旧小区推行楼道夜话，党员楼长每周一晚在楼道里听居民说事，已解决问题二百八十六条。",
      "二、城关镇：党员志愿队服务秋收",
      "城关镇组织党员志愿队一百二十人，帮助缺劳力农户抢收玉米一千六百亩。"], "苇塘县把党建工作做到群众身边"),
])
def test_headlines_listed_under_a_contents_label_are_no_lead_story(tmp_path, body, title):
    assert _page(tmp_path, "bulletin.txt", "\n".join(CONTENTS + body) + "\n").title == title


def test_a_numbered_contents_list_still_titles_the_bulletin_by_its_masthead(tmp_path):
    head = ["组工动态", "第4期", "中共苇塘县委组织部编印 | 2023年4月7日", "本期要目",
            "1．石楠街道：楼道夜话说出居民心里话", "2．城关镇：党员志愿队服务秋收"]
    body = ["石楠街道：楼道夜话说出居民心里话",
            "石楠街道在二十个老旧小区推行楼道夜话，党员楼长每周一晚在楼道里听居民说事，已解决问题二百八十六条。",
            "城关镇：党员志愿队服务秋收",
            "城关镇组织党员志愿队一百二十人，帮助缺劳力农户抢收玉米一千六百亩。"]
    assert _page(tmp_path, "bulletin.txt", "\n".join(head + body) + "\n").title == "组工动态 第4期"


SMALL_EDITOR = """石楠街道：楼道夜话说出居民心里话
今年以来，石楠街道在二十个老旧小区推行“楼道夜话”，党员楼长每周一晚在楼道里听居民说事。
街道已收集居民意见三百一十条，解决二百八十六条，{tail}
{credits}
"""


@pytest.mark.parametrize(("tail", "credits", "editors"), [
    # 小编 is the post's editor
    ("居民满意度达到百分之九十六。", "文字：甘书禾\n小编：庄一禾\n审核：蓝若岑", ["庄一禾"]),
    # 小编 in running text names nobody
    ("小编也去楼道里听了一回。", "跟着小编去看看石楠街道的楼道夜话吧！", []),
])
def test_a_small_editor_is_an_editor(tmp_path, tail, credits, editors):
    assert _page(tmp_path, "post.txt", SMALL_EDITOR.format(tail=tail, credits=credits)).people("editor") == editors


@pytest.mark.parametrize(("lines", "title"), [
    # a paper page's banner (第07版 乡村振兴, A3版 城事) is no headline
    (["云港晚报", "2024年5月8日 星期三", "第07版 乡村振兴", "本版编辑：林雪", "柳塘村合作社三年分红逾百万 村民抱团种出好日子",
      "本报讯（记者 严小舟）柳塘村党支部领办合作社……"], "柳塘村合作社三年分红逾百万 村民抱团种出好日子"),
    (["A3版　城事", "梧桐巷社区为老楼换上楼道灯", "本报讯（记者 周可心）梧桐巷社区党支部……"], "梧桐巷社区为老楼换上楼道灯"),
    # a line naming what kind of material it is (经验交流材料) is a label above the headline
    (["中共白石县青溪街道工作委员会", "经验交流材料", "小网格托起大民生　党建引领基层治理提质增效",
      "——青溪街道党工委经验交流材料", "青溪街道辖8个社区……"], "小网格托起大民生　党建引领基层治理提质增效"),
    (["中共柳湾镇委员会", "交流发言", "党支部领办合作社　带领群众共同致富", "柳湾镇现有12个行政村……"],
     "党支部领办合作社　带领群众共同致富"),
])
def test_a_page_banner_or_a_material_kind_label_is_not_the_headline(lines, title):
    assert first_headline(lines) == title


@pytest.mark.parametrize("line", ["第05版 要闻", "A3版　城事", "经验交流材料", "交流发言"])
def test_page_banners_and_kind_labels_are_never_headlines_alone(line):
    assert first_headline([line]) == ""


@pytest.mark.parametrize("line", ["第一书记带出合作社新路子", "交流发言中提到的三个做法都已推广开来"])
def test_a_headline_opening_like_a_label_is_still_one(line):
    assert first_headline([line]) == line


DISCLOSURE_CELLS = """<html><head><meta charset="utf-8"><title>{title}_信息公开</title></head><body>
<div class="crumb">当前位置：首页 &gt; 政务公开 &gt; 街道信息公开</div>
<table class="xxgk"><tr><th>索引号</th><td>000000-2024-00037</td><th>主题分类</th><td>党群建设</td></tr>
<tr><th>{label}</th><td>{issuer}</td><th>成文日期</th><td>2024-07-08</td></tr></table>
<h1>{title}</h1>
<div class="info">发布时间：2024-07-10 16:20　来源：{short}　浏览次数：</div>
<div class="article"><p>今年以来，街道党工委坚持以党建引领基层治理为主线，扎实推进各项党建任务落实落地。</p>
<p>全街道共划分综合网格84个，配备专职网格员84名、兼职网格员230名。</p></div></body></html>"""


@pytest.mark.parametrize(("label", "issuer", "short", "outlet"), [
    # the issuer's header cell stands alone on its line, its value on the next: the issuer is the outlet
    ("发布机构", "中共白石县青溪街道工作委员会", "青溪街道", "中共白石县青溪街道工作委员会"),
    ("发布单位", "云港市柳岸区人民政府办公室", "柳岸区", "云港市柳岸区人民政府办公室"),
    # another field's header cell: the 来源 line names the outlet
    ("公开方式", "主动公开", "青溪街道", "青溪街道"),
])
def test_a_disclosure_tables_issuer_cell_names_the_outlet(tmp_path, label, issuer, short, outlet):
    page = _page(tmp_path, "notice.html", DISCLOSURE_CELLS.format(label=label, issuer=issuer, short=short,
                                                                 title="青溪街道党工委上半年党建工作总结"))
    assert page.publisher == outlet


@pytest.mark.parametrize(("lines", "title"), [
    # an issuer before 关于 (沐泉镇关于……的汇报), under a marking line that is no headline
    (["沐泉镇党委工作情况汇报", "内部材料　注意保存", "沐泉镇关于党建引领村集体经济发展工作情况的汇报", "中共某某镇委员会"],
     "沐泉镇关于党建引领村集体经济发展工作情况的汇报"),
    (["柏岘镇关于2024年度“两优一先”拟表彰对象的公示", "根据有关规定，现将拟表彰对象予以公示。"],
     "柏岘镇关于2024年度“两优一先”拟表彰对象的公示"),
    # a sentence that merely holds 关于 is no document's title
    (["我们要说明关于这件事的想法"], ""),
])
def test_a_document_title_may_open_with_its_issuer(lines, title):
    assert document_title(lines) == title


@pytest.mark.parametrize(("line", "marking"), [
    ("内部材料　注意保存", True), ("秘密★1年", True), ("内部资料", True),
    ("内部材料管理办法出台", False), ("机密文件泄露案告破", False),
])
def test_a_line_that_only_marks_how_a_document_is_kept_is_no_headline(line, marking):
    from index.ingest.metadata.marks import is_kind_label
    assert is_kind_label(line) is marking


@pytest.mark.parametrize(("line", "names"), [
    # a column's or a camera cue's word after 记者 is no name
    ("【记者出镜】改好了，谁来管？", []),
    ("记者手记：一栋写字楼里的温度", []),
    # the reporters of a byline still are
    ("本报讯（记者 德吉措姆）8月20日，达果村……", ["德吉措姆"]),
    ("（记者 通拉嘎 包宏亮）", ["通拉嘎", "包宏亮"]),
])
def test_a_column_word_after_a_role_is_no_name(line, names):
    assert [b.name for b in bylines(line)] == names
