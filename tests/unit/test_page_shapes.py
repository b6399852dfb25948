"""Page shapes of stop 34: a message board's reply page, a WeChat post exported as Markdown, a
speech or report signed under its title in a Word file, a site's welcome toolbar, a reply field
asked by what it records, and a variant character of a place name.

Every page and sentence here is invented.
"""

from __future__ import annotations

import pytest

from index.ingest.clean import clean_text
from index.ingest.debris import classify_line
from index.ingest.metadata import extract_metadata
from index.ingest.metadata.people import bylines, signature
from partyqa.records import Article, Hit
from partyqa.text.normalize import normalize
from retrieval.answer.extractive import Answerer, AnswerParams
from retrieval.question import analyze, asked_field


def _meta(raw: str, name: str):
    return extract_metadata(raw, clean_text(raw, name[name.rfind("."):]), name)


def _facts(meta, kind):
    return [f.value for f in meta.facts if f.kind == kind]


# ---------------------------------------------------------------- WeChat posts exported as Markdown
WECHAT_MD = [
    ("# 青岚村：茶园里的党员先锋岗\n\n原创 柯以宁 [青岚融媒](https://mp.weixin.qq.com/s/abc) *2024年05月12日 09:10* *浙江*\n\n"
     "五月的青岚村，党员先锋岗的红旗插在茶园里。村党支部组织党员采茶能手结对帮带新手，今年春茶收入比去年增加两成。\n",
     "青岚融媒", "柯以宁"),
    ("# 桐湾社区的“邻里议事角”\n\n原创 鲁思远 [**桐湾发布**](https://mp.weixin.qq.com/s/xyz) 2023-11-02 20:15 *湖北*\n\n"
     "桐湾社区把议事角设在小区凉亭里，居民有事就来说，去年共商定停车、绿化等事项27件。\n",
     "桐湾发布", "鲁思远"),
]


@pytest.mark.parametrize(("raw", "account", "author"), WECHAT_MD)
def test_a_wechat_header_with_markdown_links_names_the_account_as_outlet(raw, account, author):
    meta = _meta(raw, "post.md")
    assert meta.publisher == account
    assert _facts(meta, "author") == [author]


@pytest.mark.parametrize(("line", "names"), [
    ("作者：规划车位120个，预计年底完工，敬请期待！", []),  # a reply in a comment section, no name
    ("作者：新增座椅30张，欢迎大家来坐坐。", []),
    ("作者：柯以宁", ["柯以宁"]),
    ("作者：鲁思远。", ["鲁思远"]),
])
def test_a_label_followed_by_a_sentence_names_nobody(line, names):
    assert [b.name for b in bylines(line)] == names


# ---------------------------------------------------------------- a speech signed under its title
@pytest.mark.parametrize(("line", "name"), [
    ("社区党委书记、居委会主任　柯晓棠", "柯晓棠"),
    ("村党支部书记、村委会主任 鲁长庚", "鲁长庚"),
    ("中共某某街道青岚社区委员会书记　柯晓棠", "柯晓棠"),
    ("社区党委书记、居委会主任柯晓棠介绍，社区共有党员312名。", None),  # a sentence, no signature
])
def test_a_speakers_posts_joined_by_a_comma_sign_the_speech(line, name):
    signed = signature(line)
    assert (signed.name if signed else None) == name


@pytest.mark.parametrize(("question", "fact"), [
    ("青岚社区那份交流发言是谁作的？", "author"),
    ("这份述职报告是谁做的？", "author"),
    ("会上的交流发言是谁作的？", ""),  # a speech at a meeting the story reports, no page fact
    ("这次会议上谁作的报告？", ""),
])
def test_who_gave_this_speech_asks_for_the_pages_author(question, fact):
    assert analyze(question).parts[0].article_fact == fact


# ---------------------------------------------------------------- a site's welcome toolbar
@pytest.mark.parametrize(("line", "kind"), [
    ("欢迎访问车岭问政——某某网络问政平台 登录 | 注册 | 手机版", "toolbar"),
    ("欢迎来到青岚网 无障碍浏览 | 长者模式", "toolbar"),
    ("欢迎访问青岚街道网站", ""),  # a welcome alone may be a banner; it is left to the title rules
    ("欢迎大家登录注册后参与议事", ""),
])
def test_a_welcome_line_carrying_the_login_toolbar_is_debris(line, kind):
    assert classify_line(line) == kind


MESSAGE_PAGE = """<html><head><meta charset="utf-8"><title>{title}-留言详情-{site}</title></head><body>
<div class="top"><span>欢迎访问{site}</span> <span><a href="/login">登录</a> | <a href="/reg">注册</a></span></div>
<div class="banner"><span class="slogan">{slogan}</span></div>
<div class="navbar"><a href="/">首页</a><a href="/w">我要留言</a><a href="/s">市长信箱</a><a href="/q">留言查询</a></div>
<div class="container"><div class="location">当前位置：<a href="/">首页</a> &gt; 留言详情</div>
<div class="detail"><div class="msg"><h2>{title}</h2>
<table><tr><td>留言编号：QL20240521-0873</td><td>留言对象：市长信箱</td></tr>
<tr><td>留言时间：2024-05-21 21:37</td><td>办理状态：已办结</td></tr></table>
<div class="content"><div>留言内容：</div><p>{message}</p></div></div>
<div class="reply"><div><span>回复单位：{unit}</span> <span>回复时间：2024-06-03 15:22</span></div>
<div>回复内容：</div><p>{reply}</p><p>{reply}</p></div></div></div></body></html>"""

PAGES = [
    dict(title="青岚小区路灯坏了半年没人修，盼尽快解决", site="青岚问政", slogan="您的呼声　我们倾听",
         message="我们小区的路灯坏了半年，晚上出门很不方便，希望有关部门尽快维修，谢谢！",
         unit="青岚街道办事处", reply="网友您好！街道已组织社区和物业对小区路灯逐盏排查，更换灯具36盏，已于6月1日全部修复。"),
    dict(title="桐湾社区老楼加装电梯进展如何", site="桐湾民声", slogan="民有所呼　我有所应",
         message="请问桐湾社区老楼加装电梯的事情现在到哪一步了？居民都很关心。",
         unit="桐湾街道办事处", reply="网友您好！桐湾社区今年计划加装电梯12部，目前已有5个单元完成居民签字，正在办理审批手续。"),
]


@pytest.mark.parametrize("page", PAGES)
def test_a_message_boards_title_is_the_title_tags_segment_repeated_as_a_heading(page):
    meta = _meta(MESSAGE_PAGE.format(**page), "message.html")
    assert meta.title == page["title"]
    assert page["slogan"] not in clean_text(MESSAGE_PAGE.format(**page), ".html").split("\n")[0]


@pytest.mark.parametrize("page", PAGES)
def test_which_unit_replied_is_answered_from_the_reply_field(page):
    raw = MESSAGE_PAGE.format(**page)
    text = clean_text(raw, ".html")
    article = Article("m", "m.html", text, title=page["title"])
    hit = Hit(chunk_id="cm", doc_id="m", title=page["title"], publisher="", date="", section="", text=text,
              score=1.0, start=0, end=len(text), source="m.html")
    answerer = Answerer({}, AnswerParams(min_confidence=0.0), articles={"m": article},
                        hit_at=lambda doc, offset: hit if 0 <= offset < len(text) else None)
    question = f"反映“{page['title'][:6]}”的留言，是由哪个单位回复的？"
    ans = answerer.answer(question, question, [hit])
    assert ans.found is True and f"回复单位：{page['unit']}。原文：" in ans.text


@pytest.mark.parametrize(("question", "label"), [
    ("这条留言是由哪个单位回复的？", "回复单位"),
    ("这条留言是什么时候回复的？", "回复时间"),
    ("驿站由哪个单位管理？", ""),  # 管理单位 is no field of a page
    ("这件事哪个部门负责办理？", ""),
])
def test_a_field_asked_by_what_it_records(question, label):
    assert asked_field(normalize(question).rstrip("？")) == label


# ---------------------------------------------------------------- variant characters
@pytest.mark.parametrize(("variant", "traditional"), [("桂垅村", "桂壟村"), ("石垅镇", "石壟鎮")])
def test_a_variant_character_reads_as_the_form_of_its_traditional_character(variant, traditional):
    assert normalize(variant) == normalize(traditional)


def test_other_characters_are_left_as_they_are():
    assert normalize("垄断") == "垄断" and normalize("田垄") == "田垄" and normalize("青岚村") == "青岚村"


@pytest.mark.parametrize("page", PAGES)
def test_the_title_tags_segment_repeated_as_a_heading_in_the_body_is_the_headline(page):
    from index.ingest.metadata.page import HEADER, Page, PageLine
    from index.ingest.metadata.title import extract_title

    lines = [PageLine(page["slogan"], zone=HEADER, hint="slogan"),
             PageLine("当前位置：首页 > 留言详情", zone=HEADER, link=0.4),
             PageLine(page["title"], heading=2),  # the main content opens with it: body zone
             PageLine("留言时间：2024-05-21 21:37"), PageLine(page["message"]), PageLine(page["reply"])]
    parsed = Page(lines, title=f"{page['title']}-留言详情-{page['site']}", kind="html")
    assert extract_title(parsed, "", "m.html")[0] == page["title"]
