"""Tests for index.ingest.metadata on the bundled articles and small synthetic texts."""

from __future__ import annotations

import pytest

from index.ingest.clean import clean_text
from index.ingest.metadata import ArticleMeta, extract_metadata
from index.ingest.metadata.dates import extract_date, parse_dates
from index.ingest.metadata.publisher import extract_publisher
from index.ingest.metadata.sections import extract_sections
from index.ingest.metadata.title import first_headline
from partyqa.text.places import extract_places
from tests.paths import ARTICLES

FILES = {path.name[:3]: path for path in sorted(ARTICLES.glob("*.txt"))}


def _meta(prefix: str) -> tuple[ArticleMeta, str]:
    path = FILES[prefix]
    raw = path.read_text(encoding="utf-8")
    text = clean_text(raw, path.suffix)
    return extract_metadata(raw, text, path.name), text


@pytest.fixture(scope="module")
def metas() -> dict[str, tuple[ArticleMeta, str]]:
    return {prefix: _meta(prefix) for prefix in FILES}


@pytest.mark.parametrize(
    ("prefix", "title"),
    [
        ("000", "开展“爱天桥”活动 增强干部群众归属感"),
        ("001", "激活“黨建+”生命力 全力打造“天橋樣板”"),
        ("002", "抓党建保稳定 强组织惠民生"),
        ("003", "中原区:党建引领 铺就基层治理“幸福底色”"),
        ("004", "株洲组织工作信息 第22期"),
    ],
)
def test_titles(metas, prefix, title):
    assert metas[prefix][0].title == title


@pytest.mark.parametrize(
    ("prefix", "date"),
    [("000", ""), ("001", "2020-06-30"), ("002", "2012-07-02"), ("003", ""), ("004", "2017-09-28")],
)
def test_dates(metas, prefix, date):
    assert metas[prefix][0].date == date


@pytest.mark.parametrize(
    ("prefix", "publisher"),
    [("000", ""), ("001", "濟南日報"), ("002", "洛阳日报"), ("003", ""), ("004", "中共株洲市委组织部办公室")],
)
def test_publishers(metas, prefix, publisher):
    assert metas[prefix][0].publisher == publisher


@pytest.mark.parametrize(
    ("prefix", "main", "also"),
    [
        ("000", "天桥区", []),
        ("001", "天桥区", ["北坦街道"]),
        ("002", "涧西区", []),
        ("003", "中原区", ["林山寨街道", "莲湖街道", "汝河路街道", "绿东村街道"]),
        ("004", "天元区", ["荷塘区", "云龙示范区", "株洲市"]),
    ],
)
def test_places(metas, prefix, main, also):
    places = metas[prefix][0].places
    assert places[0] == main
    assert set(also) <= set(places)
    generic = {
        "全区",
        "本区",
        "辖区",
        "社区",
        "园区",
        "小区",
        "城市",
        "全市",
        "示范区",
        "新区",
        "动力新区",
        "街道",
    }
    assert not generic & set(places)
    assert all(not p.startswith(("在", "对", "和", "的")) for p in places)


def test_bulletin_sections(metas):
    meta, text = metas["004"]
    assert [(s.heading, s.district) for s in meta.sections] == [
        ("天元区党建领航“动力新区”", "天元区"),
        ("荷塘区“三个工程”强化基层党组织能力建设", "荷塘区"),
        ("云龙示范区多措并举加强基层党建工作", "云龙示范区"),
    ]
    first, second, third = (text[s.start : s.end] for s in meta.sections)
    assert first.startswith("天元区党建领航") and "设立5000万元人才专项基金" in first
    assert first.endswith("(供稿单位:天元区委组织部)")
    assert "新建非公有制经济组织党组织22个" in second and "社会组织党组织7个" in second
    assert "荷塘区" not in third and "云龙示范区以开展“基层党建提升年”活动为抓手" in third
    assert third.endswith("(供稿单位:云龙示范区党务工作部)")
    for a, b in zip(meta.sections, meta.sections[1:], strict=False):
        assert a.end <= b.start


@pytest.mark.parametrize("prefix", ["000", "001", "002", "003"])
def test_single_district_articles_have_no_sections(metas, prefix):
    assert metas[prefix][0].sections == []


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        ("2020-06-30", "2020-06-30"),
        ("發布日期:2020-06-30", "2020-06-30"),
        ("2012 年 7 月 2 日 星期", "2012-07-02"),
        ("中共株洲市委组织部办公室 2017年9月28日", "2017-09-28"),
        ("2020/6/30", "2020-06-30"),
        ("2020.06.30", "2020-06-30"),
        ("２０２０年６月３０日", "2020-06-30"),
        ("2020年6月30号", "2020-06-30"),
    ],
)
def test_date_forms(line, expected):
    assert [date for _, date in parse_dates(line)] == [expected]


@pytest.mark.parametrize("line", ["2020-13-01", "2020年2月30日", "电话 12020-06-301", "2014年以来", "6月8日"])
def test_invalid_or_partial_dates_are_ignored(line):
    assert parse_dates(line) == []


def test_labelled_date_beats_banner_and_header_dates():
    header = ["2024年12月19日 星期四", "中共某某区委组织部 2019年1月2日", "发布时间：2020-06-30 10:21"]
    assert extract_date(header, []) == "2020-06-30"
    assert extract_date(header[:2], []) == "2019-01-02"
    assert extract_date(header[:1], []) == "2024-12-19"


def test_dates_inside_running_text_are_not_publication_dates():
    line = "2017年9月28日,全区召开党建工作推进会,部署下一阶段的基层党组织建设工作,要求各街道抓好落实。"
    assert extract_date([line], []) == ""


def test_publisher_preferences():
    assert extract_publisher(["来源:办公室 作者:"], []) == ""
    assert extract_publisher(["信息来源：株洲日报"], []) == "株洲日报"
    assert extract_publisher(["| 洛阳日报 | 洛阳晚报 | 版面导航 |"], []) == "洛阳日报"
    assert (
        extract_publisher(["中共株洲市委组织部办公室 2017年9月28日"], ["来源：荷塘区融媒体中心"])
        == "荷塘区融媒体中心"
    )
    assert extract_publisher(["天元区党建领航“动力新区”"], []) == ""


def test_first_headline_skips_bylines_and_captions():
    text = "社区门诊定期义务为居民上门服务。\n天桥区供图\n\n本报记者 蒋龙龙\n通讯员 苏晗\n\n天桥区加强城市基层党建工作\n\n正文。"
    assert first_headline(text) == "天桥区加强城市基层党建工作"


def test_first_headline_skips_a_masthead_with_the_site_address():
    # dev2 m01: the e-paper's masthead line names the paper and its address
    text = "燕澜日报数字报 www.yanlandaily.cn\n枫澜街道28栋商务楼宇实现党组织全覆盖\n正文。"
    assert first_headline(text) == "枫澜街道28栋商务楼宇实现党组织全覆盖"
    text = "南湖晨报电子版 http://epaper.nhcb.example/html/2024-03/14\n柳岸社区推行“楼栋长制”\n正文。"
    assert first_headline(text) == "柳岸社区推行“楼栋长制”"
    assert first_headline("柳岸社区党员志愿服务队成立三周年纪实\n正文。") == "柳岸社区党员志愿服务队成立三周年纪实"


def test_places_are_simplified_and_ranked():
    text = "天橋區召開會議。天橋區在全區推進。荷塘區桂花街道、株洲市天元区和洛阳市涧西区派人参加。全市各社区、各街道参加。"
    places = extract_places(text)
    assert places[0] == "天桥区"
    assert {"荷塘区", "桂花街道", "株洲市", "天元区", "洛阳市", "涧西区"} <= set(places)
    assert not {"全区", "全市", "社区", "街道"} & set(places)


def test_sections_need_two_different_districts():
    text = "天元区党建领航“动力新区”\n天元区确立以党建领航为主题的党建发展战略,加强队伍建设。\n天元区人才工作再上台阶\n天元区设立5000万元人才专项基金,实施积极的人才引进政策。"
    assert extract_sections(text) == []


def test_html_and_markdown_titles():
    page = "<html><head><title>天桥区推进基层党建工作 - 济南日报网</title></head><body><p>内容。</p></body></html>"
    assert extract_metadata(page, "内容。", "a.html").title == "天桥区推进基层党建工作"
    no_title = "<html><body><h1>荷塘区强化基层党组织建设</h1><p>内容。</p></body></html>"
    assert (
        extract_metadata(no_title, "荷塘区强化基层党组织建设\n内容。", "b.htm").title
        == "荷塘区强化基层党组织建设"
    )
    markdown = "# 云龙示范区加强基层党建\n\n内容。"
    assert (
        extract_metadata(markdown, "云龙示范区加强基层党建\n\n内容。", "c.md").title
        == "云龙示范区加强基层党建"
    )
    front = "---\ntitle: 株洲组织工作信息\ndate: 2017-09-28\n---\n正文内容。"
    meta = extract_metadata(front, "正文内容。", "d.md")
    assert (meta.title, meta.date) == ("株洲组织工作信息", "2017-09-28")


def test_title_falls_back_to_file_stem():
    text = "全区各级党组织开展活动,党员干部勇于争先,各项工作取得明显成效。"
    assert extract_metadata(text, text, "notes/report_2020.txt").title == "report_2020"


def test_html_metadata_from_meta_tags_and_page_chrome():
    page = (
        '<html><head><meta name="PubDate" content="2020-06-30 09:12"><title>标题</title></head><body>'
        "<header><div>| 洛阳日报 | 洛阳晚报 | 版面导航 |</div></header>"
        "<h1>涧西区抓党建保稳定</h1><p>涧西区开展了党的基本知识宣传活动，发放党史教材800多本、宣传手册13000多本。</p>"
        "<footer>2024年12月19日 星期四</footer></body></html>"
    )
    text = clean_text(page, ".html")
    assert "洛阳日报" not in text and "2024" not in text
    meta = extract_metadata(page, text, "page.html")
    assert (meta.date, meta.publisher) == ("2020-06-30", "洛阳日报")


@pytest.mark.parametrize("text", [
    # a table of communities: each row starts with a place ending in 区, none is a district
    "荷花街道召开讲评会，5个社区的成绩单逐一亮相。\n各社区情况如下：\n社区 | 网格数 | 办结率\n"
    "古槐社区 | 14 | 98.2%\n讲评会上，网格员介绍了巡查做法。\n西关社区 | 8 | 95.1%\n讲评会上，古槐社区党委书记介绍了做法，街道将推广这些经验。",
    # headings that name communities and a park: items of one district's story, no sections
    "青山区推进红色物业。\n一、翠竹社区：物业服务进楼栋\n翠竹社区成立红色物业联盟，吸纳物业企业5家参与治理。\n"
    "二、金山工业园区：党建联盟助企业\n园区联合党委牵头组建党建联盟，成员单位共12家。",
])
def test_community_rows_and_items_head_no_section(text):
    places = ["荷花街道", "古槐社区", "西关社区", "青山区", "翠竹社区", "金山工业园区"]
    assert extract_sections(text, places) == []


def test_district_headings_still_make_sections():
    text = ("天元区党建领航“动力新区”\n天元区确立以党建领航为主题的党建发展战略,加强队伍建设和人才引进。\n"
            "荷塘区“三个工程”强化能力建设\n荷塘区坚持以能力建设为抓手,全面加强基层党组织能力建设。")
    assert [s.district for s in extract_sections(text)] == ["天元区", "荷塘区"]


@pytest.mark.parametrize(("opening", "reporters", "correspondents"), [
    ("本报讯（记者 祁雪松 通讯员 戴明哲）11月25日清晨，气温降到零下19摄氏度。", ["祁雪松"], ["戴明哲"]),
    ("南湖网讯（记者 林晓禾）记者从青溪街道获悉，驿站已建成12个。", ["林晓禾"], []),
])
def test_a_bylined_dateline_a_page_put_after_other_paragraphs_still_gives_the_byline(opening, reporters, correspondents):
    # an e-paper page's columns can put the story's opening paragraph after text from the next column
    body = ["党员守护老旧小区温暖过冬", "队伍中的一员。街道辖8个社区，有老旧小区36个。", "怎样把问题发现在前头？去年入冬前，",
            "街道党工委把目光投向了小区里的党员。", opening, "变化看得见。诉求降至612件。", "下一步，街道将推广这一做法。",
            "居民说，今年冬天屋里暖和多了。", "社区还组织了志愿服务。"]
    raw = "楼栋里来了热力哨兵\n" + "\n".join(body)
    meta = extract_metadata(raw, clean_text(raw, ".txt"), "page.txt")
    people = {k: [f.value for f in meta.facts if f.kind == k] for k in ("reporter", "correspondent")}
    assert people["reporter"] == reporters and people["correspondent"] == correspondents


def test_a_reporter_named_inside_a_later_sentence_is_no_byline():
    body = ["街道党工委把目光投向了小区里的党员。", "队伍起步时只有57名党员。", "怎样把问题发现在前头？", "四是宣传。",
            "本报记者祁雪松在采访中看到，哨兵们每周入户测温2次。", "变化看得见。", "下一步，街道将推广这一做法。", "居民说好。"]
    raw = "楼栋里来了热力哨兵\n" + "\n".join(body)
    meta = extract_metadata(raw, clean_text(raw, ".txt"), "page.txt")
    assert not [f for f in meta.facts if f.kind == "reporter"]
