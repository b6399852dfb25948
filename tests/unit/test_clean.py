"""Tests for index.ingest.clean on the bundled articles and on small synthetic documents."""

from __future__ import annotations

import re

import pytest

from index.ingest.clean import clean_text
from index.ingest.debris import classify_line, strip_debris
from index.ingest.html import html_title
from index.ingest.markdown import strip_markdown
from tests.paths import ARTICLES

FILES = sorted(ARTICLES.glob("*.txt"))


def _clean(prefix: str) -> str:
    path = next(f for f in FILES if f.name.startswith(prefix))
    return clean_text(path.read_text(encoding="utf-8"), path.suffix)


@pytest.fixture(scope="module")
def cleaned() -> dict[str, str]:
    return {f.name[:3]: _clean(f.name[:3]) for f in FILES}


@pytest.mark.parametrize(
    ("prefix", "debris"),
    [
        ("001", "<strike"),
        ("001", "<abbr"),
        ("001", "<ul"),
        ("001", "<fieldset"),
        ("001", "•"),
        ("001", "編輯:時金"),
        ("001", "編輯：時金"),
        ("001", "2024年12月19日"),
        ("002", "3上一版"),
        ("002", "下一版4"),
        ("002", "PDF版"),
        ("002", "PDF 版"),
        ("002", "【打印】"),
        ("002", "| 洛阳日报 | 洛阳晚报"),
        ("002", "版面导航"),
        ("002", "3上一期"),
        ("002", "3上一篇"),
        ("002", "下一篇4"),
        ("002", "阴影"),
        ("002", "010版"),
        ("004", "来源:办公室 作者:"),
        ("004", "来源：办公室 作者："),
        ("004", "下一篇:返回列表"),
        ("004", "下一篇：返回列表"),
        ("004", "上一篇:"),
        ("004", "返回列表"),
    ],
)
def test_named_debris_is_removed(cleaned, prefix, debris):
    assert debris not in cleaned[prefix]


def test_lone_question_mark_is_removed(cleaned):
    assert not cleaned["001"].rstrip().endswith("?")
    assert all(line.strip() not in ("?", "？") for text in cleaned.values() for line in text.split("\n"))


def test_other_headlines_of_the_newspaper_page_are_removed(cleaned):
    text = cleaned["002"]
    for headline in ("锣鼓声声急 筑牢“生命线”", "组织多彩活动 庆祝党的生日", "重温入党誓词 党员喜迎七一"):
        assert headline not in text
    assert text.split("\n")[0] == "抓党建保稳定 强组织惠民生"


def test_title_line_starts_001(cleaned):
    assert cleaned["001"].split("\n")[0] == "激活“黨建+”生命力 全力打造“天橋樣板”"


@pytest.mark.parametrize(
    ("prefix", "content"),
    [
        ("000", "覆盖率64.7%"),
        ("000", "建立非公企业党组织416个"),
        ("000", "大会精神"),
        ("000", "每名党员干部都要结合个人思想"),
        ("000", "截止到3月26日"),
        ("000", "最终落脚点是服务群众。为确保"),
        ("001", "1153個網格"),
        ("001", "行穩方能致遠"),
        ("001", "黨員干部爭當“追星族”"),
        ("002", "12700多个"),
        ("002", "涧西区“基层组织建设年”活动深入开展"),
        ("002", "(涧 宣)"),
        ("003", "大家不仅了解了圆方集团发展历程的艰辛"),
        ("003", "给中原区的建设添砖加瓦"),
        ("003", "阳光花园社区还按照"),
        ("003", "关键。看到党员干部"),
        ("003", "“双改”等今年重点工作"),
        ("004", "22个"),
        ("004", "社会组织党组织7个"),
        ("004", "天元区党建领航“动力新区”"),
        ("004", "荷塘区“三个工程”强化基层党组织能力建设"),
        ("004", "云龙示范区多措并举加强基层党建工作"),
        ("004", "去年以来,天元区确立以“党建领航、动力新区”为主题"),
        ("004", "创造了株洲市集体土地征拆新速度"),
        ("004", "全面推动党建工作落地见效"),
    ],
)
def test_named_content_is_kept(cleaned, prefix, content):
    assert content in cleaned[prefix]


def test_all_paragraphs_of_the_source_survive(cleaned):
    """Every long paragraph of every file is still there (possibly joined with its rest)."""
    for path in FILES:
        text = cleaned[path.name[:3]]
        for line in path.read_text(encoding="utf-8").split("\n"):
            line = line.strip()
            if len(line) >= 60 and "<" not in line:
                assert line[:30] in text, (path.name, line[:30])


def test_headings_are_not_joined_to_body(cleaned):
    assert "\n\n党建引领 非公组织\n\n" in cleaned["003"]
    assert "文/图\n\n党建引领 非公组织" in cleaned["003"]
    assert "\n开展“爱天桥”活动 增强干部群众归属感\n" in cleaned["000"]
    assert "\n推行基层协商民主 实现民事民议民决\n" in cleaned["000"]


def test_layout_is_normalized(cleaned):
    for text in cleaned.values():
        assert "\n\n\n" not in text
        assert text == text.strip()
        for line in text.split("\n"):
            assert line == line.strip(" \t\u3000\xa0")


def test_cleaning_is_idempotent(cleaned):
    for text in cleaned.values():
        assert clean_text(text, ".txt") == text


@pytest.mark.parametrize(
    "line",
    [
        "3上一版  下一版4",
        "【字体：大 中 小】【打印】【关闭】",
        "上一篇：某区召开党建工作会议",
        "下一篇：返回列表",
        "| 首页 | 新闻 | 党建 | 图片 |",
        "PDF版",
        "第A03版:要闻",
        "第5版",
        "阴影 阴影 阴影",
        "责任编辑：王五",
        "（编辑：李四）",
        "来源：本站 作者：",
        "2024年12月19日 星期四",
        "•",
        "？",
        "……",
        "跳转到主要内容区域",
        "跳到正文",
        "无障碍浏览 | 长者模式 | 登录 | 注册",
        "简体版｜繁体版｜English",
        "首页  政务公开  政务服务  互动交流  走进红塔",
        "首页 | 新闻中心 | 党建动态 | 专题专栏",
    ],
)
def test_debris_lines(line):
    assert classify_line(line)
    assert strip_debris(f"正文第一段。\n{line}\n正文第二段。") == "正文第一段。\n正文第二段。"


@pytest.mark.parametrize(
    "line",
    ["第22期", "發布日期:2020-06-30", "发布时间：2020-06-30 10:20", "信息來源:濟南日報", "信息来源：洛阳日报"],
)
def test_publication_lines_are_content(line):
    # Readers ask when and where an article was published; answers must be able to cite it.
    assert classify_line(line) == ""
    assert line in strip_debris(f"正文第一段。\n{line}\n正文第二段。")


@pytest.mark.parametrize(
    "line",
    [
        "全区划分为1153个网格，建立起9097人的网格员队伍。",
        "上一篇文章提到的措施已经全部落实。",
        "天元区党建领航“动力新区”",
        "2017年9月28日，全市召开党建工作会议。",
        "编辑部的同志深入基层，采访了20多名党员。",
        "1 抓党建稳增长",
        "(供稿单位:天元区委组织部)",
        "社区为老人开通无障碍通道，并注册了志愿服务账号。",
        "跳转到下一个环节前，党员先要完成登录注册。",
        "首页刊登了社区党委的倡议书。",
    ],
)
def test_content_lines_are_kept(line):
    assert classify_line(line) == ""


def test_headline_list_needs_navigation_on_both_sides():
    text = "上一版 下一版\n标题一二三\n标题四五六\n正文开始，这是第一段内容。"
    assert strip_debris(text) == "标题一二三\n标题四五六\n正文开始，这是第一段内容。"


def test_html_cleaning():
    page = """<!DOCTYPE html><html><head><meta charset="utf-8">
    <title>天桥区推进基层党建工作_济南日报网</title><style>.x{color:red}</style>
    <script>var nav = "上一篇";</script></head><body>
    <header><div>首页 | 新闻 | 党建</div></header>
    <nav><a href="/">首页</a> <a href="/n">下一篇</a></nav>
    <div class="article"><h1>天桥区推进基层党建工作</h1>
    <div class="info">发布日期：2021-03-05&nbsp;&nbsp;来源：济南日报</div>
    <p>　　近年来，天桥区建立网格党支部&amp;楼院党小组，
    全区划分为1153个网格。</p><p>第二段<br>说明&lt;重要&gt;工作。</p>
    <form><input value="搜索"><button>提交</button></form></div>
    <noscript>请启用脚本</noscript><footer>版权所有 济南日报社</footer></body></html>"""
    text = clean_text(page, ".HTML")
    assert text.split("\n")[0] == "天桥区推进基层党建工作"
    # a line break inside one text node between CJK characters is source wrapping, not a space
    assert "近年来，天桥区建立网格党支部&楼院党小组，全区划分为1153个网格。" in text
    assert "第二段\n说明<重要>工作。" in text
    for gone in (
        "var nav",
        "color",
        "首页",
        "下一篇",
        "搜索",
        "提交",
        "版权所有",
        "请启用脚本",
        "发布日期",
        "济南日报网",
    ):
        assert gone not in text
    assert html_title(page) == "天桥区推进基层党建工作_济南日报网"


def test_markdown_cleaning():
    source = """---
title: 荷塘区党建
---
# 荷塘区“三个工程”强化基层党组织能力建设

**荷塘区**坚持以[能力建设](http://example.com/a)为抓手，![图](a.png)全面加强*基层党组织*能力建设。

- 筑牢“核心工程”，提升党(工)委凝聚力。
1. 做实“堡垒工程”，提升党支部战斗力。

> 引用的话。

```
代码内容
```

| 指标 | 数量 |
|---|---|
| 新建党组织 | 22个 |
"""
    text = clean_text(source, ".md")
    assert text.split("\n")[0] == "荷塘区“三个工程”强化基层党组织能力建设"
    assert "荷塘区坚持以能力建设为抓手，全面加强基层党组织能力建设。" in text
    assert "\n筑牢“核心工程”，提升党(工)委凝聚力。\n做实“堡垒工程”，提升党支部战斗力。" in text
    assert "引用的话。" in text and "代码内容" in text and "22个" in text
    for gone in ("#", "**", "](", "http", "```", "title:", "|---"):
        assert gone not in text
    assert "example" not in strip_markdown("[链接](http://example.com)")


def test_stray_tags_in_plain_text_are_removed_but_angle_text_kept():
    raw = '<div id="x"><span>天桥区党建工作。</span></div>\n<p>第二段&amp;内容。</p>'
    assert clean_text(raw, ".txt") == "天桥区党建工作。\n第二段&内容。"
    plain = "指标 a<b 且 c>d 的情况。"
    assert clean_text(plain, ".txt") == plain


def test_crlf_and_ideographic_indentation():
    raw = "\ufeff　　第一段内容，说明情况。\r\n\r\n\r\n\r\n　　第二段内容。\r\n"
    assert clean_text(raw, ".txt") == "第一段内容，说明情况。\n\n第二段内容。"


def test_no_mid_sentence_breaks_left(cleaned):
    """A line that does not end a sentence is never followed by running text after a blank line."""
    for text in cleaned.values():
        for first, second in re.findall(r"([^\n]{40,})\n\n([^\n]+)", text):
            if not first.endswith(tuple("。！？；：”」…)）")):
                assert len(second) <= 40, (first[-20:], second[:20])


def test_page_wrapped_in_one_form_keeps_its_article():
    body = "天桥区坚持以党建为引领，打造“党建+网格”工作模式，建立“3+5+X”网格化治理工作体系。"
    page = (
        '<html><head><title>天桥区</title><body><form id="form1" runat="server">'
        '<form><input name="q"><span>站内搜索</span></form>'
        f"<h2>天桥区网格化治理</h2><p>{body}</p></form></body></html>"
    )
    text = clean_text(page, ".html")
    assert "天桥区网格化治理" in text and body in text
    assert "站内搜索" not in text


# ------------------------------------------------------------------ data tables in HTML
NAME_LIST = ("<html><body><p>二、优秀党务工作者（2名）</p><table border='1'>"
             "<tr><th>序号</th><th>姓名</th><th>单位及职务</th></tr>"
             "<tr><td>1</td><td>乔文静</td><td>柏岘镇党建办组织员</td></tr>"
             "<tr><td>2</td><td>赵得录</td><td>阳坡台村党支部书记</td></tr></table></body></html>")
STATS = ("<html><body><table><tr><td>街道</td><td>网格（个）</td><td>办结率（%）</td></tr>"
         "<tr><td>漳晖街道</td><td>86</td><td>97.2</td></tr></table></body></html>")


@pytest.mark.parametrize(("raw", "row"), [
    (NAME_LIST, "1 | 乔文静 | 柏岘镇党建办组织员"),
    (NAME_LIST, "序号 | 姓名 | 单位及职务"),
    (STATS, "漳晖街道 | 86 | 97.2"),
])
def test_a_data_table_row_is_one_line_of_cells(raw, row):
    from index.ingest.html import parse_html
    assert row in [line.text for line in parse_html(raw).lines]


@pytest.mark.parametrize(("raw", "line"), [
    # a block of fields (发布机构：…) is read cell by cell, as the metadata reads it
    ("<html><body><table><tr><td>发布机构：中共南溪区委组织部</td><td>文号：南组字〔2024〕12号</td></tr>"
     "</table></body></html>", "发布机构：中共南溪区委组织部"),
    ("<html><body><table><tr><td>成文日期</td><td>2024年04月02日</td></tr></table></body></html>", "成文日期"),
    # a layout table's cells hold paragraphs
    ("<html><body><table><tr><td><p>街道推行楼院议事。</p></td><td><p>居民说好。</p></td></tr></table></body></html>",
     "街道推行楼院议事。"),
])
def test_a_field_block_or_a_layout_table_is_read_cell_by_cell(raw, line):
    from index.ingest.html import parse_html
    assert line in [ln.text for ln in parse_html(raw).lines]


# ------------------------------------------------------------------ a disclosure block outside the article
_STORY = ("<p>今年以来，{place}坚持党建引领，推动网格员、楼栋长、志愿者三支队伍下沉小区，全年为居民办实事320余件，"
          "群众满意度明显提升。</p><p>{place}还建成党群服务驿站6个，配备饮水机、充电柜和应急药箱。</p>")


def _gov_page(fields: str, place: str) -> str:
    return (f"<html><body><div class='nav'><a href='/'>首页</a> <a href='/x'>信息公开</a></div>"
            f"<div class='xxgk'><table>{fields}</table></div>"
            f"<div class='article'><h1>{place}：三支队伍进小区</h1>{_STORY.format(place=place)}</div>"
            f"<div class='foot'>主办单位：{place}办事处</div></body></html>")


TONGXI_FIELDS = ("<tr><th>索 引 号：</th><td>11330224/2024-00031</td><th>主题分类：</th><td>党建工作</td></tr>"
                 "<tr><th>发布机构：</th><td>桐溪街道办事处</td><th>文　　号：</th><td></td></tr>"
                 "<tr><th>成文日期：</th><td>2024-01-08</td><th>发布日期：</th><td>2024-01-10</td></tr>")
LIUAN_FIELDS = ("<tr><td>发布机构：中共柳岸区委组织部</td><td>文号：柳组通〔2024〕7号</td></tr>"
                "<tr><td>成文日期：2024年03月02日</td><td>有效性：有效</td></tr>")


@pytest.mark.parametrize(("raw", "kept", "dropped"), [
    (_gov_page(TONGXI_FIELDS, "桐溪街道"), ["索引号：11330224/2024-00031", "发布机构：桐溪街道办事处",
                                           "成文日期：2024-01-08"], ["文号：", "首页"]),
    (_gov_page(LIUAN_FIELDS, "柳岸区"), ["发布机构：中共柳岸区委组织部", "文号：柳组通〔2024〕7号"], ["首页"]),
])
def test_a_disclosure_block_outside_the_article_follows_it_label_and_value_on_one_line(raw, kept, dropped):
    text = clean_text(raw, ".html")
    lines = text.split("\n")
    story_end = max(i for i, line in enumerate(lines) if "驿站" in line)
    for line in kept:
        assert line in lines and lines.index(line) > story_end
    for line in dropped:
        assert line not in lines
    assert lines[0].endswith("三支队伍进小区")  # the article still opens the text


@pytest.mark.parametrize("fields", [
    "<tr><th>发布机构：</th><td>桐溪街道办事处</td></tr>",  # one field alone is no disclosure block
    "<tr><th>主办：</th><td>桐溪街道办事处</td><th>地址：</th><td>桐溪路8号</td></tr>",  # no document field
])
def test_a_lone_field_or_other_labels_outside_the_article_stay_out(fields):
    text = clean_text(_gov_page(fields, "桐溪街道"), ".html")
    assert "办事处" not in text and "桐溪路" not in text
