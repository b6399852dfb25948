"""A document's number (文号) and the page of a paper an article ran on (版次), read at ingest
(index/ingest/metadata/marks.py) with the line each stands on, which the article text keeps.

Every page here is invented: 青柳县 and 南溪区 notices, 桐溪街道 and 梅岭镇 Word notices, 青川日报,
青川晚报 and 白石日报 e-paper pages.
"""

from __future__ import annotations

import pytest

from index.ingest.load import load_article
from index.ingest.metadata.marks import document_number, paper_page
from index.ingest.metadata.page import page_lines

NOTICE_TXT = """青柳县人民政府
首页 | 政务公开 | 办事服务 | 互动交流
当前位置：首页 > 政务公开 > 通知公告
索引号：000000000000/2024-00311
主题分类：党建工作　　　　发布机构：中共青柳县委组织部
成文日期：2024年03月05日　　　　发文字号：青组通〔2024〕3号
关于2023年度乡镇党委书记抓基层党建述职评议情况的通报
各乡镇党委：
根据年度工作安排，县委组织部于2月下旬组织开展了乡镇党委书记抓基层党建工作述职评议，现将有关情况通报如下。
一、总体情况。全县12名乡镇党委书记参加述职，评为好的7名、较好的5名。
二、有关要求。各乡镇要对照评议意见制定整改清单，于4月15日前报县委组织部。
中共青柳县委组织部
2024年3月5日
"""

GOV_HTML = """<!DOCTYPE html>
<html><head><meta charset="utf-8"><title>关于做好2024年度党员发展工作的通知_南溪区人民政府</title></head>
<body>
<div class="top"><a href="/">首页</a> | <a href="/zwgk/">政务公开</a> | <a href="/hd/">互动交流</a></div>
<table class="xxgk">
<tr><td>索引号</td><td>000000000/2024-00052</td><td>主题分类</td><td>党建工作</td></tr>
<tr><td>发布机构</td><td>中共南溪区委组织部</td><td>文号</td><td>南组字〔2024〕12号</td></tr>
<tr><td>成文日期</td><td>2024年04月02日</td><td>发布日期</td><td>2024年04月08日</td></tr>
</table>
<div class="article">
<h1>关于做好2024年度党员发展工作的通知</h1>
<div class="content">
<p>各街道党工委、区直各党（工）委：</p>
<p>为进一步提高发展党员质量，优化党员队伍结构，经区委组织部研究，现就做好2024年度党员发展工作通知如下。</p>
<p>一、严格把好入口关。各基层党组织要坚持把政治标准放在首位，对入党积极分子的培养考察时间不少于一年。</p>
<p>二、注重在青年中发展党员。今年全区计划发展党员120名，其中35岁以下的不少于80名。</p>
</div>
<p>中共南溪区委组织部</p>
<p>2024年4月2日</p>
</div>
</body></html>
"""

#: A notice that only cites another document's number in its running text.
CITING_TXT = """梅岭镇人民政府
当前位置：首页 > 通知公告
关于做好汛期党员突击队值守工作的通知
各村党支部：
按照县委组织部梅组发〔2024〕2号文件要求，为做好今年汛期防汛值守工作，镇党委决定在各村组建党员突击队。
一、每个村组建不少于15人的党员突击队，队长由村党支部书记担任。
二、汛期实行24小时值班，值班表于6月1日前报镇党政办。
中共梅岭镇委员会
2024年5月20日
"""

#: A government page whose field block has no number (文号：无) and a house number in its footer.
NO_NUMBER_HTML = """<!DOCTYPE html>
<html><head><meta charset="utf-8"><title>柳岸社区开展党员志愿服务日活动_南溪区人民政府</title></head>
<body>
<div class="info">发布机构：南溪区柳岸社区党委　　文号：无</div>
<div class="article">
<h1>柳岸社区开展党员志愿服务日活动</h1>
<div class="content">
<p>5月12日，柳岸社区党委组织42名党员志愿者开展“党员志愿服务日”活动，为居民提供义诊、理发、家电维修等服务。</p>
<p>活动当天共服务居民310人次，收集居民意见建议17条，已办结12条。</p>
</div>
</div>
<div class="foot">地址：南溪区柳岸路88号　电话：0000-0000000</div>
</body></html>
"""


def _word_notice(path, paragraphs):
    docx = pytest.importorskip("docx")
    document = docx.Document()
    for text in paragraphs:
        document.add_paragraph(text)
    document.save(str(path))
    return path


TONGXI_DOCX = ["关于开展“党员先锋岗”评选活动的通知", "桐溪街党工〔2024〕7号", "各社区党委、各非公企业党组织：",
               "为激励广大党员在基层治理中当先锋、作表率，街道党工委决定在全街道开展“党员先锋岗”评选活动。现将有关事项通知如下。",
               "一、评选名额。全街道评选“党员先锋岗”30个，其中社区20个、非公企业10个。",
               "二、评选程序。采取个人申报、支部推荐、街道审核的方式进行，评选结果公示5个工作日。",
               "中共桐溪街道工作委员会", "2024年5月6日"]
MEILING_DOCX = ["关于做好汛期党员突击队值守工作的通知", "各村党支部：",
                "按照县委组织部梅组发〔2024〕2号文件要求，为做好今年汛期防汛值守工作，镇党委决定在各村组建党员突击队。",
                "一、每个村组建不少于15人的党员突击队，队长由村党支部书记担任。",
                "二、汛期实行24小时值班，值班表于6月1日前报镇党政办。", "中共梅岭镇委员会", "2024年5月20日"]


def _facts(article, kind):
    return [(f.value, article.text[f.start:f.end]) for f in article.facts if f.kind == kind]


# ---------------------------------------------------------------- document number


@pytest.mark.parametrize(("name", "text", "number", "line"), [
    # a disclosure block's labelled field, beside another field on its line
    ("notice.txt", NOTICE_TXT, "青组通〔2024〕3号", "成文日期：2024年03月05日　　　　发文字号：青组通〔2024〕3号"),
    # a table of fields: the number is a cell of its own
    ("notice.html", GOV_HTML, "南组字〔2024〕12号", "南组字〔2024〕12号"),
    # a label spaced out to align the fields (文　　号：, 发 文 字 号：)
    ("spaced.txt", NOTICE_TXT.replace("成文日期：2024年03月05日　　　　发文字号：青组通〔2024〕3号",
                                      "成文日期：2024年03月05日\n文　　号：青组通〔2024〕3号"),
     "青组通〔2024〕3号", "文　　号：青组通〔2024〕3号"),
    ("spaced2.txt", NOTICE_TXT.replace("成文日期：2024年03月05日　　　　发文字号：青组通〔2024〕3号",
                                       "成文日期：2024年03月05日\n发 文 字 号：青组通〔2024〕3号"),
     "青组通〔2024〕3号", "发 文 字 号：青组通〔2024〕3号"),
])
def test_a_labelled_or_tabled_document_number_is_a_fact_cited_to_its_line(tmp_path, name, text, number, line):
    page = tmp_path / name
    page.write_text(text, encoding="utf-8")
    article = load_article(page)
    assert _facts(article, "doc_number") == [(number, line)]


def test_the_number_line_under_a_word_notices_title_is_its_number(tmp_path):
    article = load_article(_word_notice(tmp_path / "notice.docx", TONGXI_DOCX))
    assert _facts(article, "doc_number") == [("桐溪街党工〔2024〕7号", "桐溪街党工〔2024〕7号")]


def test_a_number_cited_in_a_word_notices_text_is_not_its_number(tmp_path):
    article = load_article(_word_notice(tmp_path / "notice.docx", MEILING_DOCX))
    assert _facts(article, "doc_number") == []


@pytest.mark.parametrize(("name", "text"), [("citing.txt", CITING_TXT), ("none.html", NO_NUMBER_HTML)])
def test_a_cited_number_an_empty_field_or_a_house_number_is_no_document_number(tmp_path, name, text):
    page = tmp_path / name
    page.write_text(text, encoding="utf-8")
    assert _facts(load_article(page), "doc_number") == []


@pytest.mark.parametrize(("lines", "number"), [
    (["中共白沙镇委员会文件", "白沙发〔2023〕15号", "关于表彰优秀共产党员的决定"], "白沙发〔2023〕15号"),
    (["索引号 | 0000/2023-00008 | 文件编号 | 柳组[2023]4号", "关于开展主题党日活动的通知"], "柳组[2023]4号"),
])
def test_document_number_reads_a_number_line_or_a_labelled_cell(lines, number):
    page = page_lines("\n".join(lines + ["正文第一段，讲的是活动安排。"] * 3), "notice.txt")
    assert document_number([(ln, True) for ln in page.lines])[0] == number


@pytest.mark.parametrize("lines", [
    ["关于开展主题党日活动的通知", "依据白沙发〔2023〕15号文件精神，各支部要按月开展主题党日活动。"],
    ["柳岸社区党群服务中心", "门牌号：柳岸路88号", "电话号码：0000-0000000"],
])
def test_document_number_ignores_running_text_and_other_numbers(lines):
    page = page_lines("\n".join(lines), "notice.txt")
    assert document_number([(ln, True) for ln in page.lines]) == ("", "")


# ---------------------------------------------------------------- paper page

EPAPER_HTML = """<!DOCTYPE html>
<html><head><meta charset="utf-8"><title>青川日报数字报-桐溪街道“红管家”上岗</title></head>
<body>
<div class="header"><div class="date-line">2024年5月8日　星期三</div></div>
<div class="left">
<div class="page-title">第05版：要闻</div>
<div class="page-nav"><a href="node_04.htm">上一版</a>　<a href="node_06.htm">下一版</a></div>
<ul class="ban-list">
<li><a href="node_01.htm">01版：要闻</a></li>
<li><a href="node_05.htm">05版：要闻</a></li>
<li><a href="node_06.htm">06版：社区</a></li>
</ul>
</div>
<div class="article">
<h1>桐溪街道“红管家”上岗</h1>
<div class="content">
<p>本报讯（记者 林书禾）5月6日，桐溪街道首批42名“红管家”在辖区8个老旧小区正式上岗，他们都是住在小区里的在职党员和退休党员。</p>
<p>“红管家”每周在小区议事亭坐班两次，收集居民对物业服务、停车管理等方面的意见，每月召开一次“管家议事会”。</p>
<p>街道党工委书记韩明远介绍，街道将对“红管家”每季度考评一次，考评结果作为评选优秀党员的重要依据。</p>
</div>
<div class="editor-line">本版编辑：陶若溪</div>
</div>
</body></html>
"""

EPAPER_TXT = """青川晚报　2024年6月12日　星期三
【第3版】　民生·社区
柳岸社区的“共享菜园”开园了
本报讯（通讯员 吴思齐）6月10日，柳岸社区“共享菜园”正式开园，社区党委把小区边角闲置地整理成24块菜地，由党员和居民认领耕种。
菜园实行“党员带户”管理，每名党员联系3户居民，定期组织浇水、除草和收获分享活动。
社区党委书记方静怡说，收获的蔬菜一部分将送给辖区的独居老人。
责任编辑：程一舟
"""

#: An e-paper page whose only page marks are the links of its page navigation.
NAV_ONLY_HTML = EPAPER_HTML.replace('<div class="page-title">第05版：要闻</div>', "")

#: A story that mentions another page of the paper in its running text.
BODY_MENTION_TXT = """白石日报
梧桐巷的楼道灯亮了
本报讯（记者 周可心）近日，梧桐巷社区党支部组织党员志愿者为辖区12栋老楼更换楼道灯，共更换节能灯216盏。本报第3版曾刊发居民反映楼道昏暗的来信。
社区党支部书记江晓雯说，今年社区还将为老楼加装扶手。
"""


@pytest.mark.parametrize(("name", "text", "page", "line"), [
    # an e-paper's page line, which cleaning drops as page furniture, among the navigation's links
    ("story.html", EPAPER_HTML, "第05版", "第05版：要闻"),
    # a page mark in brackets above the headline of a paper's text layer
    ("story.txt", EPAPER_TXT, "第3版", "【第3版】"),
])
def test_the_page_line_of_an_epaper_is_a_fact_kept_in_the_text(tmp_path, name, text, page, line):
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    article = load_article(path)
    assert _facts(article, "page") == [(page, line)]


@pytest.mark.parametrize(("name", "text"), [("nav.html", NAV_ONLY_HTML), ("mention.txt", BODY_MENTION_TXT)])
def test_page_navigation_links_or_a_page_named_in_the_story_are_no_page_fact(tmp_path, name, text):
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    assert _facts(load_article(path), "page") == []


@pytest.mark.parametrize(("lines", "page"), [
    (["白石日报", "A3版　城事", "梧桐巷的楼道灯亮了"], "A3版"),
    (["青川晚报 2024年6月12日", "新闻正文第一段。", "版次：B2　责任编辑：程一舟"], "B2"),
])
def test_paper_page_reads_a_bare_page_line_or_a_labelled_field(lines, page):
    near = [(ln, True) for ln in page_lines("\n".join(lines), "story.txt").lines]
    assert paper_page(near)[0] == page


@pytest.mark.parametrize("lines", [
    ["白石日报", "A01版：要闻　A02版：综合　A03版：城事", "梧桐巷的楼道灯亮了"],  # a list of pages names none
    ["青川晚报", "第2版方案经村民代表会议表决通过。", "柳岸村的新规矩"],  # an edition of a plan, in a sentence
])
def test_paper_page_ignores_page_lists_and_sentences(lines):
    near = [(ln, True) for ln in page_lines("\n".join(lines), "story.txt").lines]
    assert paper_page(near) == ("", "")


@pytest.mark.parametrize(("text", "page"), [
    # the page mark is part of the dateline, which the text keeps already: not repeated
    ("青川晚报　2024年6月12日　星期三　第3版\n柳岸社区的“共享菜园”开园了\n" + EPAPER_TXT.split("\n", 3)[3], "第3版"),
    ("白石日报 2024年3月2日 星期六 A3版\n梧桐巷的楼道灯亮了\n" + BODY_MENTION_TXT.split("\n", 2)[2]
     .replace("本报第3版曾刊发居民反映楼道昏暗的来信。", ""), "A3版"),
])
def test_a_page_mark_inside_a_kept_dateline_is_not_kept_twice(tmp_path, text, page):
    path = tmp_path / "story.txt"
    path.write_text(text, encoding="utf-8")
    article = load_article(path)
    assert [f.value for f in article.facts if f.kind == "page"] == [page]
    assert article.text.count(page) == 1


#: Another e-paper page: its page line carries the navigation after a bar.
GARDEN_HTML = (EPAPER_HTML.replace("第05版：要闻", "【第3版】　民生·社区　|　上一版")
               .replace("桐溪街道“红管家”上岗", "柳岸社区的“共享菜园”开园了")
               .split('<div class="content">')[0]
               + '<div class="content">'
               + "".join(f"<p>{line}</p>" for line in EPAPER_TXT.splitlines()[3:6])
               + "</div></div></body></html>")


@pytest.mark.parametrize(("name", "text", "kept", "dropped"), [
    ("story.html", EPAPER_HTML.replace("第05版：要闻", "第05版：要闻　　返回本期目录"), "第05版：要闻", "返回本期目录"),
    ("garden.html", GARDEN_HTML, "【第3版】", "上一版"),
])
def test_only_the_part_of_a_page_line_naming_the_page_is_kept(tmp_path, name, text, kept, dropped):
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    article = load_article(path)
    assert kept in article.text and dropped not in article.text
