"""Publication facts in every written form, each read from one article's line and refused in another's.

Lines come from the news dev set (``tests/eval/news/articles``, invented text); the last test
holds the floor of ``bench/metadata_accuracy.py`` on all 34 pages.
"""

from __future__ import annotations

import pytest

from bench.metadata_accuracy import evaluate
from index.ingest.load import load_article
from index.ingest.metadata.dates import choose_date, dateline_month_day
from index.ingest.metadata.people import bylines
from index.ingest.metadata.publisher import dateline_outlet, issuer, labelled_source, masthead_paper, source_line
from partyqa.text.places import extract_places, place_aliases, place_hierarchy
from tests.paths import REPO

NEWS = REPO / "tests" / "eval" / "news" / "articles"

BYLINES = [
    # (line [article], expected (kind, name) pairs, in_body)
    ("本报讯（记者 周明远 通讯员 韩小静 杜家豪）“以前楼道灯坏了半个月也没人管。”",  # n01
     [("reporter", "周明远"), ("correspondent", "韩小静"), ("correspondent", "杜家豪")], True),
    ("新华社南昌8月2日电（记者 廖思远 黄敏捷）近年来，江西省于都县引导村党组织领办合作社。",  # n04
     [("reporter", "廖思远"), ("reporter", "黄敏捷")], True),
    ("2019年04月18日 09:15 来源：灵江日报 作者：邵蕾 潘一鸣 编辑：朱晓丹",  # n06
     [("author", "邵蕾"), ("author", "潘一鸣"), ("editor", "朱晓丹")], False),
    ("发布日期:2022-09-14 16:05:12来源:县委组织部作者:贾明轩点击:", [("author", "贾明轩")], False),  # n19
    ("文/图 | 孟晓雯", [("author", "孟晓雯")], False),  # n11
    ("编辑 何沐阳", [("editor", "何沐阳")], False),  # n12
    ("原载《绵州日报》2022年6月1日第2版　记者 罗佳怡 通讯员 蒲文涛",  # n17
     [("reporter", "罗佳怡"), ("correspondent", "蒲文涛")], False),
    ("撰稿：罗晓彤 审核：田茂林", [("author", "罗晓彤"), ("reviewer", "田茂林")], False),  # n32: 审核 is a reviewer, not an editor
    ("“红管家”志愿者在桂香苑社区检修楼道照明。 通讯员 韩小静 摄", [("photographer", "韩小静")], False),  # n01
    ("原创 林可欣 涪城社区通 2023/3/18 20:05", [("author", "林可欣")], False),  # n12
    ("□本报记者 顾思琪 通讯员 邵一航 满雪晴",  # dev2 m01: an e-paper byline marked with a box
     [("reporter", "顾思琪"), ("correspondent", "邵一航"), ("correspondent", "满雪晴")], False),
    ("■记者 柯文静", [("reporter", "柯文静")], False),  # a bullet-marked byline of another paper
    # an intern signs with the reporter: 实习生 is a role word, never a name
    ("本报记者 苗语桐 实习生 詹可欣", [("reporter", "苗语桐"), ("reporter", "詹可欣")], False),
    ("本报讯（记者 贺立群 见习生 孔晓岚 通讯员 岑乐）", [("reporter", "贺立群"), ("reporter", "孔晓岚"),
                                              ("correspondent", "岑乐")], True),
    ("实习生活动室里，老党员正在给孩子们讲故事。", [], True),  # the word in running text names no one
    # negatives: role words inside running text of other articles
    ("■本报评论员文章引发热议，记者了解到各社区正在讨论。", [], True),
    ("记者了解到，鹿鸣街道计划在年底前把“红色物业”覆盖到辖区全部23个老旧小区。", [], True),  # n01
    ("编辑部每月组织一次业务学习，邀请老党员讲述入党经历。", [], False),  # n21-like
    ("桂香苑社区党委书记潘晓红给记者算了一笔账：去年社区受理的物业类投诉有217件。", [], True),  # n01
]


@pytest.mark.parametrize(("line", "expected", "in_body"), BYLINES)
def test_bylines(line, expected, in_body):
    assert [(b.kind, b.name) for b in bylines(line, in_body=in_body)] == expected


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        ("原载《绵州日报》2022年6月1日第2版", (9, "绵州日报")),  # n17
        ("發佈時間：2023-10-19 14:36:08　　原載：冰城日報", (9, "冰城日報")),  # n33
        ("2022年11月08日 14:32　来源：中国新闻网　　参与互动", (8, "中国新闻网")),  # n05
        ("发布日期：2021/6/25    转自：黄岩新闻网    阅读次数：587", (7, "黄岩新闻网")),  # n14
        ("来源:办公室 作者:", (0, "")),  # bundled 004: generic source
        ("本文数据来源于区委组织部年度统计", (0, "")),  # n15-like sentence, no label colon
    ],
)
def test_labelled_sources(line, expected):
    assert labelled_source(line) == expected


def test_datelines_give_outlet_and_month_day():
    assert dateline_outlet("新华社南昌8月2日电（记者 廖思远 黄敏捷）") == "新华社"  # n04
    assert dateline_outlet("中新网台州11月8日电（记者 应佳琪）") == "中新网"  # n05
    assert dateline_outlet("绵城网3月5日讯（记者 赵一帆 通讯员 邓思源）") == "绵城网"  # n09
    assert dateline_outlet("本报5月14日讯（记者 杨帆）") == "本报"  # n34
    assert dateline_outlet("5月14日，区委组织部在凤鸣街道召开推进会。") == ""  # n34 body sentence
    assert dateline_month_day("于都融媒网9月14日讯　近日") == (9, 14)  # n10
    assert dateline_month_day("今年5月12日，区委组织部召开现场推进会。") is None  # n34


def test_masthead_and_issuer():
    assert masthead_paper(["汉北日报数字报-樊城区鹿鸣街道推行“红色物业”"]) == "汉北日报"  # n01
    assert masthead_paper(["秦岭重装报数字报-第02版：党建天地"]) == "秦岭重装报"  # n27
    assert masthead_paper(["蜀山区推行“红色物业”破解老旧小区治理难题-合肥市蜀山区人民政府"]) == ""  # n18
    assert issuer("中共扬州市委组织部编") == "中共扬州市委组织部"  # n22
    assert issuer("中共南阳市委组织部　　　　2021年7月12日") == "中共南阳市委组织部"  # n23
    assert issuer("区委组织部有关负责人表示，将继续推进这项工作。") == ""  # n34


def test_date_preferences():
    lines = [("2020年7月2日 星期四", True), ("本报讯（记者 周明远）", True)]  # n01: a banner only
    assert choose_date(lines)[0] == "2020-07-02"
    n28 = [("发布时间：2023-03-06 09:41:17 来源：兴国县融媒体中心", True),
           ("兴国县融媒体中心3月5日讯（通讯员 钟晓梅 刘振华）今天上午，…", True)]
    assert choose_date(n28)[0] == "2023-03-06"  # labelled date beats the event dateline
    n10 = [("于都融媒网9月14日讯　近日，梨溪镇党群服务中心…", True),
           ("本文地址：http://www.example.cn/xzdt/2022-09/14/content_88213.html", True)]
    assert choose_date(n10)[0] == "2022-09-14"  # dateline month-day, year from the URL
    n34 = [("日期：2023年5月12日", False), ("2023-05-15 08:12:36　来源：珠源日报", True)]
    assert choose_date(n34)[0] == "2023-05-15"  # a date inside the body is not the publication date


def test_places_from_the_dictionary():
    assert extract_places("江西于都：村党组织领办合作社", with_ancestors=True) == ["江西省", "于都县", "赣州市"]  # n04
    assert extract_places("江西于都：村党组织领办合作社") == ["江西", "于都"]  # as written (questions)
    assert extract_places("绿东村街道第一季度有多少名党员？") == ["绿东村街道"]  # no anchor needed in a question
    assert extract_places("和平区以创建带动机关党建提质增效") == ["和平区"]  # n21: name shared by two cities
    assert "石门县" not in extract_places("桃溪镇石门沟村党支部书记")  # n19: 石门 is part of a village name
    assert extract_places("樊城区鹿鸣街道", with_ancestors=True) == ["樊城区", "鹿鸣街道", "湖北省", "襄阳市"]
    assert place_hierarchy("樊城") == ["湖北省", "襄阳市", "樊城区"]
    assert place_hierarchy("和平区", "沈阳市和平区人民政府") == ["辽宁省", "沈阳市", "和平区"]
    assert place_aliases("樊城区") == {"樊城"}
    assert place_aliases("株洲高新区", "株洲高新区党工委组织园区企业") == {"高新区"}
    assert place_aliases("株洲高新区", "株洲高新区与湘潭高新区签约") == set()  # ambiguous in this article


def test_source_line_place_counts_for_the_article():
    article = load_article(NEWS / "n21_heping_mofan_jiguan.html")  # 沈阳 only in the page title/source
    assert {"辽宁省", "沈阳市", "和平区"} <= set(article.places)


def test_evidence_lines_are_in_the_text_at_their_offsets():
    article = load_article(NEWS / "n06_huangyan_mobile_members.html")
    for fact in article.facts:
        assert fact.start >= 0 and article.text[fact.start : fact.end] == fact.evidence
    assert article.people("editor") == ["朱晓丹", "金梦然"]


def test_dev_set_floor():
    accuracy = evaluate()["accuracy"]
    for field in ("title", "date", "outlet", "author"):
        assert accuracy[field] >= 0.95, (field, accuracy)
    assert accuracy["places_recall"] >= 0.85


# ------------------------------------------------------- forms met on the held-out pages (invented lines)
@pytest.mark.parametrize(("lines", "date"), [
    # the page's own address is the only date (a county media page; a paper's e-edition)
    ([("白石融媒网讯 近日，柳塘村新建了党群服务站。", True),
      ("本文链接：http://www.example.cn/html/2022-10/26/content_45871.htm", True)], "2022-10-26"),
    ([("云港日报数字报", True), ("原文链接：http://epaper.example.com/ygrb/2021-03/08/node_2.htm", True)], "2021-03-08"),
])
def test_a_date_only_in_the_pages_address_is_its_date(lines, date):
    assert choose_date(lines)[0] == date


def test_an_address_without_a_full_date_or_a_better_date_wins_over_the_address():
    assert choose_date([("上一篇：http://www.example.cn/zgxx/2023-05/2311.html", True)])[0] == ""
    lines = [("发布时间：2023-06-02 09:12 来源：县委组织部", True),
             ("本文链接：http://www.example.cn/html/2022-10/26/content_1.htm", True)]
    assert choose_date(lines)[0] == "2023-06-02"


@pytest.mark.parametrize(("front", "date"), [
    ("---\ntitle: 柳塘村合作社分红\nurl: http://www.example.com/jtb/2023-06/20/content_4127.html\nsaved: 2023-07-03\n---\n",
     "2023-06-20"),
    ("---\ntitle: 青溪街道微网格\ndate: 2021-05-09\nsaved: 2021-06-01\n---\n", "2021-05-09"),
])
def test_a_markdown_front_matter_dates_the_story_by_its_date_or_address_not_the_saving(tmp_path, front, date):
    page = tmp_path / "note.md"
    page.write_text(front + "# 标题\n\n柳塘村党支部带领村民发展产业，集体收入逐年增加。\n", encoding="utf-8")
    assert load_article(page).date == date


@pytest.mark.parametrize(("url", "related", "date"), [
    ("https://m.example.cn/news/2024-03/11/content_901.html", "https://m.example.cn/news/2024-03/08/content_877.html",
     "2024-03-11"),
    ("http://www.example.com/qxb/2022-11/30/c_52.htm", "http://www.example.com/qxb/2022-11/29/c_49.htm", "2022-11-30"),
    # year, month and day as three path segments
    ("https://news.example.cn/app/article/2024/10/15/b7c2e91f04.html",
     "https://news.example.cn/app/article/2024/10/09/a1b2c3d4.html", "2024-10-15"),
    ("http://m.example.com/xw/2021/06/03/883.shtml", "http://m.example.com/xw/2021/05/28/861.shtml", "2021-06-03"),
])
def test_the_front_matter_address_dates_the_page_not_a_related_storys_link(tmp_path, url, related, date):
    page = tmp_path / "clip.md"
    page.write_text(f"---\ntitle: 柳塘村合作社分红\nurl: {url}\nsaved: 2024-04-01\n---\n# 柳塘村合作社分红\n\n"
                    "柳塘村党支部带领村民发展产业，集体收入逐年增加。\n\n相关阅读\n\n"
                    f"- [青溪街道微网格见成效]({related})\n", encoding="utf-8")
    assert load_article(page).date == date


@pytest.mark.parametrize(("banner", "date"), [
    ("2024年4月17日　星期三　农历甲辰年三月初九　上一期 下一期 往期回顾 PDF下载", "2024-04-17"),
    ("2023年10月9日 星期一 往期回顾 上一期 下一期 PDF版下载", "2023-10-09"),
])
def test_a_digital_papers_banner_dates_its_page_even_on_a_long_line(banner, date):
    assert choose_date([(banner, True), ("本报讯（记者 严小舟）柳塘村党支部带领村民发展产业。", True)])[0] == date


def test_a_portals_top_bar_with_a_long_line_of_menus_dates_nothing():
    # A weekday banner without the paper's navigation is a portal's today, on a line too long to trust.
    line = "2024年4月17日 星期三 首页 新闻中心 政务公开 办事服务 互动交流 专题专栏 无障碍 长者模式"
    assert choose_date([(line, True)])[0] == ""


def test_a_markdown_page_saved_without_a_date_has_none(tmp_path):
    page = tmp_path / "note.md"
    page.write_text("---\ntitle: 青溪街道微网格\nsaved: 2021-06-01\n---\n# 标题\n\n正文一句。\n", encoding="utf-8")
    assert load_article(page).date == ""


@pytest.mark.parametrize(("h1", "h2", "title"), [
    ("柳岸街道把党小组建进楼栋", "126名楼长单元长当起居民“贴心人”", "柳岸街道把党小组建进楼栋 126名楼长单元长当起居民“贴心人”"),
    ("青溪街道推行“小区党支部+楼长”模式", "86名楼长扛起“楼里事”", "青溪街道推行“小区党支部+楼长”模式 86名楼长扛起“楼里事”"),
    # an h2 that is a byline or a date is no subtitle
    ("柳塘村合作社分红 村民笑开颜", "记者 严小舟 通讯员 何川", "柳塘村合作社分红 村民笑开颜"),
    ("柳塘村合作社分红 村民笑开颜", "2023年12月1日", "柳塘村合作社分红 村民笑开颜"),
])
def test_an_epaper_headline_split_over_h1_and_h2_is_one_title(tmp_path, h1, h2, title):
    page = tmp_path / "p.html"
    page.write_text(f'<html><head><meta charset="utf-8"><title>云港日报数字报-{h1}</title></head><body>'
                    f"<div class='nav'>首页 | 要闻 | 区县</div><h1>{h1}</h1><h2>{h2}</h2>"
                    "<p>本报讯（记者 严小舟）柳塘村股份经济合作社日前向村民分红36万元，全村312户每户都分到了钱。</p>"
                    "<p>村党支部书记何川说，明年还要把合作社的大棚扩大一倍。</p></body></html>", encoding="utf-8")
    assert load_article(page).title == title


@pytest.mark.parametrize(("line", "expected"), [
    ("（文/韦晓丹　责任编辑：孔令辉）", [("author", "韦晓丹"), ("editor", "孔令辉")]),
    ("文/张书瑶 图/李卓然", [("author", "张书瑶"), ("photographer", "李卓然")]),
    ("编辑 | 沈书宁　审核 | 唐启明", [("editor", "沈书宁"), ("reviewer", "唐启明")]),
    ("签发：田茂林", [("reviewer", "田茂林")]),
    # 执笔 writes a report or an experience paper: its author
    ("（执笔：宋立言　审核：姜永福）", [("author", "宋立言"), ("reviewer", "姜永福")]),
    ("执笔 | 白雨桐　签发 | 钟明远", [("author", "白雨桐"), ("reviewer", "钟明远")]),
    # an art editor (美编) laid the page out: no editor of the story
    ("责任编辑：孔令辉　美编：温小婉", [("editor", "孔令辉")]),
    ("美术编辑 贺嘉宁", []),
    # 供图/供稿 after a role word credits a picture or a text to that role: no name follows
    ("党员司机在活动室学习。（通讯员供图）", []),
    ("社区志愿者为老人理发。（街道供稿）", []),
    ("本文/章节共3页", []),
])
def test_slash_bylines_and_reviewers(line, expected):
    assert [(b.kind, b.name) for b in bylines(line)] == expected


@pytest.mark.parametrize(("line", "outlet"), [
    # a news app's or portal's source line: the name and the date alone on a line
    ("云港新闻 2024-05-08 18:32", "云港新闻"),
    ("白石融媒 2023年6月1日", "白石融媒"),
    # a field label, a generic word, or more than a name and a date: no outlet
    ("发布时间 2024-05-08 18:32", ""),
    ("本站 2024-05-08", ""),
    ("云港新闻 2024-05-08 18:32 评论 12", ""),
    ("2024-05-08 18:32", ""),
])
def test_a_source_line_names_the_outlet(line, outlet):
    assert source_line(line) == outlet


@pytest.mark.parametrize(("source", "outlet"), [
    ('<div class="src">云港新闻　2024-05-08 18:32</div>', "云港新闻"),
    ('<div class="src">白石融媒 2023年6月1日</div>', "白石融媒"),
    ('<div class="src">发布时间 2023-06-01 09:00</div>', ""),
])
def test_an_app_page_with_only_a_source_line_has_that_outlet(tmp_path, source, outlet):
    page = tmp_path / "app.html"
    page.write_text('<html><head><meta charset="utf-8"><title>柳塘村合作社分红 村民笑开颜</title></head><body>'
                    f"<h1>柳塘村合作社分红 村民笑开颜</h1>{source}"
                    "<p>柳塘村股份经济合作社日前向村民分红36万元，全村312户每户都分到了钱。</p>"
                    "<p>村党支部书记何川说，明年还要把合作社的大棚扩大一倍。</p></body></html>", encoding="utf-8")
    assert load_article(page).publisher == outlet


@pytest.mark.parametrize(("first", "title"), [
    # a headline and its deck on one line, parted by a space, may run past 40 characters
    ("青溪街道红帆驿站建到三十六个小区门口让快递员有了歇脚处 一千二百名快递小哥在驿站过上了组织生活",
     "青溪街道红帆驿站建到三十六个小区门口让快递员有了歇脚处 一千二百名快递小哥在驿站过上了组织生活"),
    ("柳塘村党总支领办合作社把蔬菜大棚建到了六十座 村集体年收入突破五十万元 二百户村民家门口就业",
     "柳塘村党总支领办合作社把蔬菜大棚建到了六十座 村集体年收入突破五十万元 二百户村民家门口就业"),
    # one unbroken run that long is a sentence, not a headline: the next line is the title
    ("青溪街道红帆驿站建到三十六个小区门口让快递员有了歇脚处一千二百名快递小哥在驿站过上了组织生活",
     "驿站里的组织生活"),
])
def test_a_headline_with_its_deck_on_one_line_is_the_title(tmp_path, first, title):
    page = tmp_path / "story.txt"
    page.write_text(f"{first}\n驿站里的组织生活\n今年以来，青溪街道在三十六个小区建成红帆驿站，配齐饮水机、充电柜和应急药箱。"
                    "驿站由社区党组织牵头管理，党员志愿者轮流值守，每天开放十二个小时。\n", encoding="utf-8")
    assert load_article(page).title == title


@pytest.mark.parametrize(("fields", "date"), [
    # an information-disclosure block: the written date (成文日期) is not when the page was published
    ("索引号：xq-2024-0038\n发布机构：青溪街道办事处\n成文日期：2024-02-26\n发布日期：2024-02-28\n", "2024-02-28"),
    ("成文日期：2023-12-29\n发文字号：\n发布时间：2024-01-05 09:30\n", "2024-01-05"),
])
def test_the_publication_date_beats_the_written_date(tmp_path, fields, date):
    page = tmp_path / "notice.txt"
    page.write_text(fields + "\n柳塘村党支部带领村民发展产业\n\n柳塘村党支部带领村民发展产业，集体收入逐年增加。\n",
                    encoding="utf-8")
    assert load_article(page).date == date


@pytest.mark.parametrize(("line", "name"), [
    # a report signed under its title: the unit and post, a space, then the name
    ("中共白石县青溪街道柳塘社区委员会书记　纳晓琴", "纳晓琴"),
    ("桂溪镇党委副书记 严小舟", "严小舟"),
    # a caption, a sentence or a photo credit signs nothing
    ("图为柳塘社区党委书记 纳晓琴", None),
    ("柳塘社区党委书记纳晓琴介绍，社区建成驿站3个。", None),
    ("桂溪镇党委副书记 严小舟 摄", None),
])
def test_a_report_signed_under_its_title_names_its_author(line, name):
    from index.ingest.metadata.people import signature
    found = signature(line)
    assert (found.name if found else None) == name
    assert found is None or (found.kind == "author" and found.evidence == line)
