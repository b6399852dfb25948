"""Each data-file debris rule: a line it removes and a line it keeps, taken from two different articles.

Positives and negatives are lines of the news dev set (``tests/eval/news/articles``, invented
text) or of the generated documents; the article each comes from is named in the case id.
"""

from __future__ import annotations

import pytest

from index.ingest.clean import clean_text
from index.ingest.debris import classify_line, strip_debris
from index.ingest.debris_rules import clean_inline, is_mojibake, related_blocks, table_rows

RULES = [
    # (kind, removed line [article], kept line [another article])
    ("cms", "2023-05-15 1 3 珠源日报 content_2087.html 2 1",  # n34
     "2020-11-17 樊城区委组织部召开园区党建工作推进会，12家企业参加。"),  # n13-like dated content line
    ("counter", "已有37人发表了评论　　本篇文章1316字",  # n34
     "汉江智造产业园是樊城区重点打造的先进制造业园区，入驻企业87家。"),  # n13
    ("counter", "已有3人发表了评论",  # n13
     "半年来，槐荫社区注册志愿者增加到538名，其中党员196名。"),  # n12
    ("counter", "本篇文章1046字",  # n13
     "本文数据截至2023年3月31日"),  # n15
    ("image", "IMG_2087.JPG",  # n12
     "图为凤鸣街道青石社区党员中心户周桂兰（左二）在走访居民。"),  # n34
    ("image", "党员活动.jpg",  # n34
     "01 一个中心 六大功能"),  # n11
    ("css", "/* Style Definitions */",  # n32-style Word export pasted as text
     "（一）抓好集中轮训。全年共举办各类党员培训班146期，培训党员1.38万人次。"),  # n32
    ("css", "p.MsoNormal, li.MsoNormal {mso-style-parent:\"\"; margin:0cm;",  # Word CSS
     "网格员黄晓燕（右）入户了解居民诉求。"),  # n03
    ("prompt", "点击关注 ↓↓↓",  # n11
     "点击进入专题页面了解更多党建工作动态和基层经验做法"),  # a long content-like line
    ("prompt", "阅读原文",  # n12
     "阅读原文件后，支部书记逐条提出修改意见。"),  # a content sentence
    ("crumb", "当前位置：首页 > 新闻中心 > 基层动态 > 正文",  # n13
     "当前位置偏远的杏树湾村，如今也通上了公交。"),  # n29-like sentence
    ("crumb", "• 工作动态",  # n13
     "• 党员中心户每月走访联系户不少于一次，及时收集居民意见建议。"),  # n34-like list item
    ("footer", "Copyright © 珠源日报社 版权所有　滇ICP备0500XXXX号",  # n34
     "版权问题咨询热线由区司法局党支部党员志愿者轮流值守"),  # content mentioning 版权
    ("footer", "主办：中共襄阳市樊城区委组织部  技术支持：XX网络科技有限公司",  # n13
     "主办单位邀请了区委组织部有关负责人作专题辅导。"),  # n20-like sentence
    ("pageno", "— 2 —",  # generated onecol.pdf
     "— 集团党委深化“党建+生产”融合纪实"),  # n26 subtitle
    ("lunar", "农历甲辰年五月十四",  # dev2 m01 e-paper masthead
     "2024年6月12日 星期三 农历甲辰年五月初七"),  # dev2 p03: the line holds the paper's date
    ("lunar", "癸卯年腊月廿三",  # a masthead without 农历
     "农历癸卯年腊月，村里的老党员又组织起了义务送春联。"),
    ("masthead", "国内统一连续出版物号 CN11-XXXX",  # dev2 m01
     "国内统一连续出版物号的申领流程，区融媒体中心党支部作了专门讲解。"),
    ("masthead", "今日12版",  # dev2 m01
     "今日12版刊发了柳岸社区的经验做法。"),
    ("masthead", "国内统一刊号：CN43-0017",  # another paper's masthead, written for this test
     "国内统一刊号：CN43-0017的申报材料由报社党支部统一整理。"),
    ("masthead", "邮发代号 41-9",  # the same invented masthead
     "邮发代号是订阅报纸时要填写的编号，社区党员志愿者帮老人逐一填好。"),
    ("lunar", "农历甲辰年五月初九第8127期 今日24版",  # dev3 s01: lunar date, issue and page count on one line
     "农历甲辰年五月初九，村里第8127期“板凳会”照常开讲。"),
    ("contact", "GUIPAN EVENING NEWS顺德新闻热线：0757-2XXX 6110",  # dev3 s01 masthead
     "居民可拨打服务热线：12345反映供暖问题。"),  # a sentence ends in words
    ("contact", "投稿邮箱：news@lanpaper.example.cn",  # an invented paper's footer
     "社区设立服务热线：为独居老人提供24小时帮助"),  # the value is words, not a number
]


@pytest.mark.parametrize(("kind", "removed", "kept"), RULES, ids=[f"{r[0]}-{i}" for i, r in enumerate(RULES)])
def test_rule_removes_its_debris_and_keeps_content(kind, removed, kept):
    assert classify_line(removed) == kind
    assert classify_line(kept) == ""


def test_mojibake_lines_are_dropped_but_traditional_text_is_kept():
    assert is_mojibake("ÖéÔ´ÈÕ±¨Êý×Ö±¨¿¯Æ½Ì¨¡¡÷è÷ëÐÂÎÅ")  # n34: GB2312 bytes read as Latin-1
    assert not is_mojibake("發佈時間：2021-10-09 11:20　來源：閩海晨報")  # n16, traditional script
    assert not is_mojibake("Copyright © 2021 泉州港湾发展集团有限公司 版权所有")  # n26: one ©, no run


def test_pinyin_glosses_are_cut_out_of_the_line():
    line = "2022年，全區(qū)黨(dǎng)員中心戶(hù)共收集民意5180條(tiáo)"  # n34
    assert clean_inline(line) == "2022年，全區黨員中心戶共收集民意5180條"
    assert clean_inline("培训党员1.38万人次（含流动党员）") == "培训党员1.38万人次（含流动党员）"  # n32-like


def test_spam_segments_are_cut_but_bracketed_labels_stay():
    line = "2023-05-15 08:12:36　来源：珠源日报　【开元棋牌官方下载】【足球比分 免费直播】"  # n34
    assert clean_inline(line).rstrip() == "2023-05-15 08:12:36　来源：珠源日报"
    assert clean_inline("【责任编辑：韩雨桐】") == "【责任编辑：韩雨桐】"  # n04


def test_pipe_tables_are_content_and_nav_bars_are_not():
    table = ["街道 | 党员中心户（户） | 联系群众（户）", "金麟街道 | 412 | 5460", "凤鸣街道 | 385 | 5120"]  # n34
    assert table_rows(table) == {0, 1, 2}
    assert strip_debris("\n".join(table)) == "\n".join(table)
    nav = ["| 洛阳日报 | 洛阳晚报 | 洛阳商报 | 版面导航 |"]  # bundled 002
    assert table_rows(nav) == set() and strip_debris(nav[0]) == ""


def test_related_story_blocks_go_up_to_the_next_running_text():
    lines = ["新闻推荐", "青州：小山楂做成富民大产业", "诸城市新建改建农村公路186公里"]  # n07
    assert related_blocks(lines) == {0, 1, 2}
    body = ["相关阅读", "这是正文里的一段较长的文字，说明社区党组织如何组织党员参与志愿服务。"]  # n30-like
    assert related_blocks(body) == {0}


def test_date_line_is_content_like_the_publication_date_line():
    assert classify_line("日期：2023年5月12日") == ""  # n34 meeting notice (content)
    assert classify_line("发布日期:2020-06-30") == ""  # bundled 001
    text = clean_text("会议通知\n日期：2023年5月12日\n地点：凤鸣街道青石社区党群服务中心\n", ".txt")
    assert "日期：2023年5月12日" in text


@pytest.mark.parametrize(("text", "kept", "removed"), [
    # a notice's own contact: the phone and mail lines go on from its contact person
    ("现将有关事项通知如下。\n\n联系人：县委社会工作部　庞雨歆\n联系电话：0736-5281946\n电子邮箱：nuanchao@163.com\n\n附件：1.评定表",
     ["联系电话：0736-5281946", "电子邮箱：nuanchao@163.com"], []),
    ("联系人：党建办　钟晓岚　联系电话：0574-6632018\n街道建成驿站9个。\n新闻热线：0574-1234567",
     ["联系人：党建办　钟晓岚　联系电话：0574-6632018"], ["新闻热线：0574-1234567"]),
    # a site's hotline with no contact person before it is footer debris
    ("街道建成驿站9个。\n主办：桐溪街道\n联系电话：0574-7654321\n传真：0574-7654322",
     [], ["联系电话：0574-7654321", "传真：0574-7654322"]),
])
def test_a_contact_line_is_kept_only_after_a_documents_contact_person(text, kept, removed):
    lines = strip_debris(text).split("\n")
    for line in kept:
        assert line in lines
    for line in removed:
        assert line not in lines
