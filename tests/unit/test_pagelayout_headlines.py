"""Headline stacks on a PDF page (index/ingest/pagelayout.py): the main head and the deck under
it make the title line; a kicker (引题) over it and a dash line (——…材料) under it follow as lines
of their own. Pages are built from invented lines (no PDF needed): an e-paper story of 青溪街道
and a work report of 白石县柳塘村."""

from __future__ import annotations

import pytest

from index.ingest.pagelayout import Line, page_text, split_articles

BODY = [
    "今年以来，青溪街道在三十六个小区建成红帆驿站，配齐饮水机、充电柜和应急药箱。",
    "驿站由社区党组织牵头管理，党员志愿者轮流值守，每天开放十二个小时。",
    "快递员和外卖骑手在驿站歇脚、充电，也在这里参加支部的学习活动。",
    "街道党工委书记说，下一步还要把驿站延伸到商务楼宇和农贸市场。",
]


def _line(text: str, top: float, size: float, x0: float = 40.0, x1: float = 460.0) -> Line:
    return Line(x0=x0, top=top, x1=x1, bottom=top + size, text=text, size=size)


def _body(top: float) -> list[Line]:
    return [_line(text, top + 16 * k, 12.0) for k, text in enumerate(BODY * 2)]


def test_a_kicker_and_a_deck_around_the_main_head_give_the_title_line():
    lines = [
        _line("南州日报", 20, 40.0, 40, 200),
        _line("2024年6月19日 星期三", 64, 10.0, 300, 460),
        _line("把驿站建到小区门口 把服务送到居民身边", 100, 13.0, 100, 400),
        _line("青溪街道建成红帆驿站三十六个", 112, 28.0, 80, 420),
        _line("一千二百名快递小哥有了歇脚处", 146, 15.0, 120, 380),
        _line("本报记者 严小舟", 170, 11.0, 180, 320),
        *_body(190),
    ]
    header, stories = split_articles(lines, 900.0)  # the masthead set aside: one story
    assert "南州日报" in header and len(stories) == 1
    for text in (stories[0], page_text(lines)):  # cut into stories or read as a whole page
        out = text.split("\n")
        title = out.index("青溪街道建成红帆驿站三十六个 一千二百名快递小哥有了歇脚处")
        assert out[title + 1] == "把驿站建到小区门口 把服务送到居民身边"
        assert out[title + 2] == "本报记者 严小舟"


def test_a_dash_line_under_a_report_title_is_no_part_of_it():
    lines = [
        _line("柳塘村党总支领办合作社的做法与成效", 40, 20.0, 60, 440),
        _line("——白石县清河镇柳塘村党总支经验交流材料", 66, 14.0, 80, 420),
        *_body(100),
    ]
    out = page_text(lines).split("\n")
    assert out[0] == "柳塘村党总支领办合作社的做法与成效"
    assert out[1] == "——白石县清河镇柳塘村党总支经验交流材料"


def test_a_slightly_larger_line_inside_the_body_stays_where_it_is():
    lines = [*_body(40)[:4], _line("一、建强组织链条把党的领导嵌入全过程", 108, 15.0), *_body(126)[:4]]
    out = page_text(lines).split("\n")
    assert out.index("一、建强组织链条把党的领导嵌入全过程") == 1  # after the first paragraph, as read


def _chars(text: str, x: float, top: float, size: float = 10.0) -> list:
    from index.ingest.pagelayout import Char
    out = []
    for ch in text:
        w = size * (0.3 if ch in ".," else 0.5 if ch.isdigit() else 1.0)
        out.append(Char(x, top, x + w, top + size, ch, size))  # loose boxes: the font's height
        x += w + 0.6
    return out


@pytest.mark.parametrize(("wrapped", "number"), [("街道给每个小屋补贴2.5万元，共投入30万元。", "2.5万元"),
                                                 ("全年节约成本共计1,260万元，比上年多三成。", "1,260万元")])
def test_a_decimal_point_is_not_cut_where_an_indented_paragraph_starts(wrapped, number):
    from index.ingest.pagelayout import chars_to_lines
    line = _chars(wrapped, 0.0, 100.0)
    digit = line[wrapped.index(number) + len(number.split(".")[0].split(",")[0]) + 1]
    # the next paragraph opens two ems in, exactly where the digit after the point stands
    indented = _chars("变化看得见。", digit.x0, 113.0)
    text = [ln.text for ln in chars_to_lines(line + indented)]
    assert wrapped in text


def test_a_full_stop_hanging_into_a_gutter_still_ends_the_line():
    from index.ingest.pagelayout import chars_to_lines
    left = _chars("社区服务更贴心。", 0.0, 100.0)
    right = _chars("居民说好", left[-1].x1 + 1.0, 100.0)
    above = _chars("另一栏的开头", right[0].x0, 87.0)
    text = [ln.text for ln in chars_to_lines(left + right + above)]
    assert "社区服务更贴心。" in text and "居民说好" in text


@pytest.mark.parametrize(("tail", "opening"), [("完”", "。"), ("社，", "去年村集体经济收入超过20万元。")])
def test_a_short_line_end_is_not_cut_where_an_indented_paragraph_starts(tail, opening):
    from index.ingest.pagelayout import chars_to_lines
    # the last characters of a wrapped sentence, then its next mark or clause, on one line; the
    # paragraph below opens two ems in, exactly where the mark stands
    line = _chars(tail, 0.0, 100.0)
    line += _chars(opening, line[-1].x1 + 0.6, 100.0)
    indented = _chars("党委负责人介绍，全乡已有7个村领办合作社。", line[len(tail)].x0, 113.0)
    text = [ln.text for ln in chars_to_lines(line + indented)]
    assert tail + opening in text


def test_a_wide_left_column_line_is_still_cut_at_the_next_column():
    from index.ingest.pagelayout import chars_to_lines
    left = _chars("街道在各社区建成驿站十二个，", 0.0, 100.0)
    right = _chars("居民说好", left[-1].x1 + 1.0, 100.0)
    above = _chars("另一栏的开头", right[0].x0, 87.0)
    text = [ln.text for ln in chars_to_lines(left + right + above)]
    assert "街道在各社区建成驿站十二个，" in text and "居民说好" in text


def test_a_brief_set_inside_a_story_is_cut_out_and_the_story_goes_on():
    from index.ingest.pagelayout import cut_briefs
    text = ("本报讯 6月12日，柳塘村最后一栋旧厂房拆除。\n"
            "村党委组织党员逐户上门。老业主周大成起\n"
            "城事简讯\n"
            "白沙镇启动防溺水巡查\n"
            "本报讯（记者 林晓禾）白沙镇在河塘设置巡查点46个。\n"
            "初一口回绝，后来主动签了字。\n"
            "首期签约87天完成。")
    story, brief = cut_briefs(text)
    assert "老业主周大成起初一口回绝，后来主动签了字。" in story and "首期签约87天完成。" in story
    assert "白沙镇" not in story and "城事简讯" not in story
    assert brief.startswith("白沙镇启动防溺水巡查\n本报讯（记者 林晓禾）")
    # a second story: a brief at the end, a wire dateline
    text = "本报讯 青溪街道建成驿站12个。\n街道党工委还组建了志愿队。\n区图书馆新增借阅点\n本报讯（记者 周雨晴）区图书馆新增自助借阅点3个。"
    story, brief = cut_briefs(text)
    assert story.endswith("志愿队。") and brief.startswith("区图书馆新增借阅点")


def test_a_subheading_followed_by_prose_is_no_brief():
    from index.ingest.pagelayout import cut_briefs
    text = "本报讯 青溪街道建成驿站12个。\n街道党工委还组建了志愿队。\n一个驿站连起千家\n驿站每天开放12小时。\n本报讯的记者回访了居民"
    assert cut_briefs(text) == [text]


def test_the_editor_lines_of_a_page():
    from index.ingest.load import _editor_lines
    page = "桂畔晚报\n本报讯（记者 岑慧敏）…\n责任编辑：梁晓岚　美编：苏嘉俊\n编辑：何嘉禾\n记者编辑部供稿"
    assert _editor_lines(page) == ["责任编辑：梁晓岚　美编：苏嘉俊", "编辑：何嘉禾"]


# ------------------------------------------- an indented first line cut short before a figure
@pytest.mark.parametrize(("first", "second"), [
    # the figure and its unit kept together on the next line leave the first line short
    ("　　青茶坡村位于镇西部丘陵地带，全村586户2130人，有党", "员71名。村里种茶已有四十多年历史，过去家家户户分散经营。"),
    ("　　柳塘村地处河谷，辖7个村民小组，全村耕地面积", "3200亩。村党支部带领群众建成蔬菜大棚，远销周边城市。"),
])
def test_an_indented_first_line_cut_short_mid_sentence_goes_on_in_the_next(first, second):
    em = 12.0
    lines = [_line(first, 100, em, 40 + 2 * em, 460 - 1.3 * em), _line(second, 116, em, 40, 460)]
    assert page_text(lines) == (first + second).replace("　", "")


@pytest.mark.parametrize(("first", "second"), [
    # a figure wrapped whole leaves the indented first line short by about as much as it is indented
    ("　　沐泉镇位于凉州区东北部，辖11个行政村，耕地面积", "8.4万亩，以日光温室蔬菜和肉羊养殖为主导产业。"),
    ("　　各村党组织领办合作社11个，入社农户", "2140户，占全镇农户的31%，推行统一供种和统一销售。"),
    # … and a line of prose cut where the next word did not fit
    ("　　（一）建强行业党组织。区委两新工委牵头成立", "快递物流行业党委、外卖配送行业党委，在站点建立党组织。"),
])
def test_an_indented_first_line_short_before_a_wrapped_figure_goes_on(first, second):
    em = 12.0
    lines = [_line(first, 100, em, 40 + 2 * em, 460 - 1.8 * em), _line(second, 116, em, 40, 460)]
    assert page_text(lines) == (first + second).replace("　", "")


@pytest.mark.parametrize(("heading", "first", "second"), [
    # a heading set at the paragraph indent, far short of the line under it, is a block of its own
    ("一、基本情况", "　　沐泉镇位于凉州区东北部，辖11个行政村，户籍人口2.86万人，耕地", "8.4万亩。"),
    ("（二）主要做法", "　　街道推行楼院议事，在46个网格中组建党员服务小组，由社区党组", "织统一调度。"),
])
def test_a_short_heading_over_an_indented_paragraph_stands_alone(heading, first, second):
    em = 12.0
    lines = [_line(heading, 84, em, 40 + 2 * em, 40 + (2 + len(heading)) * em),
             _line(first, 100, em, 40 + 2 * em, 460), _line(second, 116, em, 40, 40 + len(second) * em)]
    out = page_text(lines).split("\n")
    assert out[0] == heading and out[1] == (first + second).replace("　", "")


@pytest.mark.parametrize(("first", "second"), [
    # a centred line (short by as much as it is indented) or a finished sentence opens no paragraph
    ("本报记者 严小舟 通讯员 夏一鸣 吕方舟", "今年以来，青溪街道在三十六个小区建成红帆驿站，配齐饮水机。"),
    ("　　柳塘村地处河谷，辖7个村民小组。", "村党支部带领群众建成蔬菜大棚，远销周边城市，带动农户增收。"),
])
def test_a_centred_line_or_a_finished_sentence_is_no_cut_paragraph(first, second):
    em = 12.0
    lines = [_line(first, 100, em, 40 + 2 * em, 460 - 2 * em if first.startswith("本报") else 460 - 1.3 * em),
             _line(second, 116, em, 40, 460)]
    assert "\n" in page_text(lines)


@pytest.mark.parametrize(("lines_text", "heading"), [
    # a district report: the section heading set flush left, right after a paragraph's full stop
    (["（三）以阵地为依托推进服务覆盖。在商务楼宇建成党群服务中心1个，",
      "全年开展活动146场次，服务职工9800余人次。",
      "三、存在的主要问题",
      "一是覆盖广而不深。二是党员流动性大。"], "三、存在的主要问题"),
    # a village's work summary: a second-level heading after a finished paragraph
    (["柳塘村今年新建蔬菜大棚60座，村集体收入突破50万元，",
      "群众满意度明显提高。",
      "（二）培育文明乡风",
      "村里评选“好媳妇”“好婆婆”20人，组建宣讲队一支。"], "（二）培育文明乡风"),
])
def test_a_numbered_heading_flush_with_the_paragraph_after_its_full_stop_stands_on_its_own(lines_text, heading):
    # a paragraph's first line is indented two characters; its other lines and the heading are flush left
    first, rest, head, after = lines_text
    lines = [_line(first, 100, 12.0, x0=64), _line(rest, 116, 12.0), _line(head, 132, 12.0), _line(after, 148, 12.0, x0=64)]
    assert page_text(lines).split("\n") == [first + rest, head, after]


@pytest.mark.parametrize("lines_text", [
    # the line before runs on (no full stop): 三、四月份 continues its sentence
    ["柳塘村的蔬菜大棚在每年的二月、",
     "三、四月份集中上市，带动村民增收。"],
    # a paragraph that ends with a comma before a listed item is one paragraph
    ["青溪街道把经验总结为三条，",
     "一、建好网格，二、用好队伍，三、办好实事。"],
])
def test_a_numbered_line_continuing_an_unfinished_sentence_stays_in_its_paragraph(lines_text):
    lines = [_line(text, 100 + 16 * k, 12.0) for k, text in enumerate(lines_text)]
    assert len(page_text(lines).split("\n")) == 1


@pytest.mark.parametrize("label", ["第05版：乡村振兴", "A03版　区县新闻·综合"])
def test_a_large_page_label_over_the_stories_is_page_furniture_for_every_story(label):
    lines = [
        _line("南州日报", 20, 40.0, 40, 200),
        _line(label, 24, 16.0, 560, 700),
        _line("本版编辑：严小舟", 50, 9.0, 560, 700),
        _line("青溪街道建成红帆驿站三十六个", 100, 28.0, 40, 460),
        *_body(140),
        _line("白石县柳塘村领办合作社见成效", 400, 28.0, 40, 460),
        *[_line(t.replace("青溪街道", "柳塘村"), 440 + 16 * k, 12.0) for k, t in enumerate(BODY * 2)],
    ]
    header, stories = split_articles(lines, 900.0)
    assert label in header and "本版编辑：严小舟" in header  # each story is given the page header
    assert len(stories) == 2 and not any(label in s for s in stories)
    assert stories[0].startswith("青溪街道建成红帆驿站三十六个")


def test_a_headline_opening_with_an_edition_is_no_page_label():
    from index.ingest.pagelayout import _page_label
    assert not _page_label("第3版党建手册今起免费发放到各社区居民手中")
    assert _page_label("第05版：乡村振兴") and _page_label("A03版　区县新闻")
