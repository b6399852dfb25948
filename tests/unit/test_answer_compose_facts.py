"""Composing an answer (retrieval/answer/compose.py): citation markers, the leading sentence,
the refusal text; and questions about an article itself (retrieval/answer/facts.py), answered
from its metadata with a citation to the header line the fact was read from.

Records are built by hand; the articles are invented (青溪街道's grid work reported by 云港日报,
柳塘村's vegetable greenhouses reported by 白石县融媒体中心).
"""

from __future__ import annotations

import pytest

from partyqa.records import Article, ArticleFact, Hit
from retrieval.answer.compose import PartAnswer, Quote, compose, not_found
from retrieval.answer.extractive import Answerer, AnswerParams
from retrieval.answer.facts import answer_fact, facts_of, human_date, pick_article
from retrieval.question import analyze

GRID_1 = "青溪街道推进网格化治理。全街道共有网格员126名。建成网格驿站8个。"
GRID_2 = "桂花社区建成驿站2个。社区网格员每天巡查一次。"
VILLAGE_1 = "柳塘村发展蔬菜大棚产业。全村建成蔬菜大棚60座。带动农户增收。"
VILLAGE_2 = "杏林村发展油茶种植。全村油茶基地达800亩。"


def _hit(text, n, title="本地新闻", publisher="南州日报", date="2023-06-01", district="", section="", start=0,
         doc="d1"):
    return Hit(chunk_id=f"c{n}", doc_id=doc, title=title, publisher=publisher, date=date, section=section, text=text,
               score=1.0, start=start, end=start + len(text), district=district, source=f"{doc}.txt")


def _quote(hit, sentence, span=None):
    start = hit.text.index(sentence)
    answer = (hit.text.index(span), hit.text.index(span) + len(span)) if span else (-1, -1)
    return Quote(hit, start, start + len(sentence), *answer)


# ---------------------------------------------------------------- compose


@pytest.mark.parametrize(("first", "second", "lead", "follow", "other", "expected"), [
    (GRID_1, GRID_2, "全街道共有网格员126名。", "建成网格驿站8个。", "桂花社区建成驿站2个。",
     "全街道共有网格员126名。建成网格驿站8个。[1]桂花社区建成驿站2个。[2]"),
    (VILLAGE_1, VILLAGE_2, "全村建成蔬菜大棚60座。", "带动农户增收。", "全村油茶基地达800亩。",
     "全村建成蔬菜大棚60座。带动农户增收。[1]全村油茶基地达800亩。[2]"),
])
def test_consecutive_sentences_of_one_passage_share_one_marker(first, second, lead, follow, other, expected):
    h1, h2 = _hit(first, 1), _hit(second, 2)
    part = PartAnswer("问题？", [_quote(h1, lead), _quote(h1, follow), _quote(h2, other)], confidence=0.8)
    ans = compose("问题？", "问题？", [part], [h1, h2])
    assert ans.text == expected
    assert "[1][1]" not in ans.text and ans.text.count("[1]") == 1
    assert [(c.n, c.chunk_id) for c in ans.citations] == [(1, "c1"), (2, "c2")]


@pytest.mark.parametrize(("first", "second", "a", "b", "c", "expected"), [
    (GRID_1, GRID_2, "全街道共有网格员126名。", "桂花社区建成驿站2个。", "建成网格驿站8个。",
     "全街道共有网格员126名。[1]桂花社区建成驿站2个。[2]建成网格驿站8个。[1]"),
    (VILLAGE_1, VILLAGE_2, "全村建成蔬菜大棚60座。", "全村油茶基地达800亩。", "带动农户增收。",
     "全村建成蔬菜大棚60座。[1]全村油茶基地达800亩。[2]带动农户增收。[1]"),
])
def test_a_passage_cited_again_later_keeps_its_number(first, second, a, b, c, expected):
    h1, h2 = _hit(first, 1), _hit(second, 2)
    part = PartAnswer("问题？", [_quote(h1, a), _quote(h2, b), _quote(h1, c)], confidence=0.8)
    ans = compose("问题？", "问题？", [part], [h1, h2])
    assert ans.text == expected
    assert len(ans.citations) == 2
    # The citation of passage 1 spans everything quoted from it.
    assert ans.citations[0].sentence == first[first.index(a):first.index(c) + len(c)]


@pytest.mark.parametrize(("text", "answer", "span", "other"), [
    (GRID_1, "全街道共有网格员126名。", "126名", "青溪街道推进网格化治理。"),
    (VILLAGE_1, "全村建成蔬菜大棚60座。", "60座", "柳塘村发展蔬菜大棚产业。"),
])
def test_the_answering_sentence_leads_and_carries_the_answer_span(text, answer, span, other):
    hit = _hit(text, 1, start=40)
    part = PartAnswer("问题？", [_quote(hit, answer, span), _quote(hit, other)], confidence=0.7)
    ans = compose("问题？", "问题？", [part], [hit])
    assert ans.text == f"{answer}{other}[1]"
    cite = ans.citations[0]
    assert cite.text[cite.answer_start:cite.answer_end] == span
    assert (cite.passage_start, cite.passage_end) == (40, 40 + len(text))
    assert ans.found is True and ans.confidence == 0.7


@pytest.mark.parametrize(("text", "answer", "missing"), [
    (GRID_1, "全街道共有网格员126名。", "桂花社区有多少名党员？"),
    (VILLAGE_1, "全村建成蔬菜大棚60座。", "杏林村有多少亩油茶？"),
])
def test_a_part_without_quotes_says_so_in_one_clause(text, answer, missing):
    hit = _hit(text, 1)
    parts = [PartAnswer("第一问？", [_quote(hit, answer)], confidence=0.8), PartAnswer(missing, [], confidence=0.3)]
    ans = compose("问题？", "问题？", parts, [hit])
    assert ans.text == f"{answer}[1]关于“{missing.rstrip('？')}”，资料中没有找到。"
    assert ans.found is True
    assert ans.confidence == 0.4  # the unanswered part counts as 0


def test_part_lead_stands_before_its_quotes():
    hit = _hit(GRID_1, 1)
    part = PartAnswer("问题？", [_quote(hit, "全街道共有网格员126名。")], lead="据报道：")
    assert compose("问题？", "问题？", [part], [hit]).text == "据报道：全街道共有网格员126名。[1]"


@pytest.mark.parametrize(("resolved", "hits", "expected"), [
    ("青溪街道有多少名网格员？",
     [_hit(GRID_1, 1, title="青溪街道网格化治理见成效", publisher="云港日报", date="2023-05-18", district="青溪街道"),
      _hit(GRID_2, 2, title="桂花社区驿站暖民心", publisher="云港日报", date="", section="社区动态")],
     "资料中没有找到关于“青溪街道有多少名网格员”的内容。最接近的段落来自：\n"
     "1. 《青溪街道网格化治理见成效》（云港日报，2023-05-18，青溪街道）\n"
     "2. 《桂花社区驿站暖民心》（云港日报，社区动态）"),
    ("杏林村油茶基地有多少亩?",
     [_hit(VILLAGE_2, 1, title="杏林村油茶飘香", publisher="", date="", district="")],
     "资料中没有找到关于“杏林村油茶基地有多少亩”的内容。最接近的段落来自：\n1. 《杏林村油茶飘香》"),
    ("柳塘村党支部书记是谁？", [], "资料中没有找到关于“柳塘村党支部书记是谁”的内容。"),
])
def test_not_found_text_names_the_closest_passages(resolved, hits, expected):
    ans = not_found("问", resolved, hits, confidence=0.123456)
    assert ans.text == expected
    assert ans.found is False and ans.citations == [] and ans.confidence == 0.1235


def test_not_found_lists_at_most_three_passages():
    hits = [_hit(GRID_1, n, title=f"报道{n}", publisher="", date="") for n in range(1, 6)]
    text = not_found("问", "问？", hits).text
    assert text.endswith("3. 《报道3》") and "报道4" not in text


def test_compose_with_no_found_part_is_the_refusal():
    hit = _hit(VILLAGE_1, 1, publisher="", date="")
    ans = compose("问", "柳塘村有多少名党员？", [PartAnswer("柳塘村有多少名党员？", [], confidence=0.2)], [hit])
    assert ans.found is False
    assert ans.text == "资料中没有找到关于“柳塘村有多少名党员”的内容。最接近的段落来自：\n1. 《本地新闻》"
    assert ans.confidence == 0.2


# ---------------------------------------------------------------- facts about the article


def _article(doc, title, header, body, facts, publisher, date):
    """An article whose text is ``title``, the header lines, then the body; each fact cites its line."""
    text = "\n".join([title, *header, body])
    records = []
    for kind, value, line in facts:
        at = text.find(line)
        records.append(ArticleFact(kind, value, line, at, at + len(line) if at >= 0 else -1))
    article = Article(doc, f"{doc}.txt", text, title=title, date=date, publisher=publisher, facts=records)
    hit = Hit(chunk_id=f"c{doc}", doc_id=doc, title=title, publisher=publisher, date=date, section="", text=text,
              score=1.0, start=0, end=len(text), source=f"{doc}.txt")
    return article, hit


GRID_ARTICLE, GRID_HIT = _article(
    "grid", "青溪街道“红色物业”让小区焕新颜", ["来源：云港日报 2023-05-18", "记者 林晓东 通讯员 孙佳怡"],
    "青溪街道推行“红色物业”模式，32个小区实现物业服务全覆盖。\n责任编辑：方若琳",
    [("date", "2023-05-18", "来源：云港日报 2023-05-18"), ("outlet", "云港日报", "来源：云港日报 2023-05-18"),
     ("reporter", "林晓东", "记者 林晓东 通讯员 孙佳怡"), ("correspondent", "孙佳怡", "记者 林晓东 通讯员 孙佳怡"),
     ("editor", "方若琳", "责任编辑：方若琳")],
    "云港日报", "2023-05-18")
VILLAGE_ARTICLE, VILLAGE_HIT = _article(
    "village", "柳塘村：党建引领蔬菜大棚鼓起村民钱袋子", ["白石县融媒体中心 2022年9月6日", "文/图 通讯员 钱思远"],
    "柳塘村党支部带领村民建成蔬菜大棚60座。\n编辑：何雨桐",
    [("date", "2022-09-06", "白石县融媒体中心 2022年9月6日"), ("outlet", "白石县融媒体中心", "白石县融媒体中心 2022年9月6日"),
     ("correspondent", "钱思远", "文/图 通讯员 钱思远"), ("editor", "何雨桐", "编辑：何雨桐")],
    "白石县融媒体中心", "2022-09-06")
ARTICLES = {"grid": GRID_ARTICLE, "village": VILLAGE_ARTICLE}
HITS = {"grid": GRID_HIT, "village": VILLAGE_HIT}


def _ask_fact(question, hits):
    answerer = Answerer({}, AnswerParams(min_confidence=0.0), articles=ARTICLES,
                        hit_at=lambda doc, offset: HITS[doc] if 0 <= offset < len(ARTICLES[doc].text) else None)
    return answerer.answer(question, question, hits)


@pytest.mark.parametrize(("question", "hit", "lead", "line", "value"), [
    ("关于青溪街道“红色物业”的那篇报道是哪天见报的？", GRID_HIT,
     "《青溪街道“红色物业”让小区焕新颜》的发布日期：2023年5月18日。原文：", "来源：云港日报 2023-05-18", "2023-05-18"),
    ("柳塘村蔬菜大棚那篇报道是哪天发布的？", VILLAGE_HIT,
     "《柳塘村：党建引领蔬菜大棚鼓起村民钱袋子》的发布日期：2022年9月6日。原文：", "白石县融媒体中心 2022年9月6日", None),
    ("红色物业那篇报道是哪家媒体刊发的？", GRID_HIT,
     "《青溪街道“红色物业”让小区焕新颜》的来源：云港日报。原文：", "来源：云港日报 2023-05-18", "云港日报"),
    ("柳塘村蔬菜大棚那篇报道的来源是哪里？", VILLAGE_HIT,
     "《柳塘村：党建引领蔬菜大棚鼓起村民钱袋子》的来源：白石县融媒体中心。原文：", "白石县融媒体中心 2022年9月6日",
     "白石县融媒体中心"),
    ("报道青溪街道红色物业的记者是谁？", GRID_HIT,
     "《青溪街道“红色物业”让小区焕新颜》的记者：林晓东。原文：", "记者 林晓东 通讯员 孙佳怡", "林晓东"),
    ("柳塘村蔬菜大棚那篇报道的通讯员是谁？", VILLAGE_HIT,
     "《柳塘村：党建引领蔬菜大棚鼓起村民钱袋子》的通讯员：钱思远。原文：", "文/图 通讯员 钱思远", "钱思远"),
    ("那篇红色物业报道的责任编辑是谁？", GRID_HIT,
     "《青溪街道“红色物业”让小区焕新颜》的编辑：方若琳。原文：", "责任编辑：方若琳", "方若琳"),
    ("柳塘村蔬菜大棚那篇报道的编辑是谁？", VILLAGE_HIT,
     "《柳塘村：党建引领蔬菜大棚鼓起村民钱袋子》的编辑：何雨桐。原文：", "编辑：何雨桐", "何雨桐"),
])
def test_article_fact_is_answered_from_metadata_citing_its_header_line(question, hit, lead, line, value):
    ans = _ask_fact(question, [hit])
    assert ans.found is True
    assert ans.text == f"{lead}{line}[1]"
    cite = ans.citations[0]
    assert cite.sentence == line and cite.doc_id == hit.doc_id
    if value is None:  # the date is written 2022年9月6日, the value is 2022-09-06: no exact span
        assert cite.answer_start == -1
    else:
        assert cite.text[cite.answer_start:cite.answer_end] == value


@pytest.mark.parametrize(("question", "hit"), [
    ("红色物业那篇报道的摄影是谁？", GRID_HIT),  # no photographer stated
    ("柳塘村蔬菜大棚那篇报道的记者是谁？", VILLAGE_HIT),  # only a correspondent, no reporter
])
def test_article_fact_the_article_does_not_state_is_refused(question, hit):
    ans = _ask_fact(question, [hit])
    assert ans.found is False and ans.citations == []


@pytest.mark.parametrize(("question", "hit", "expected"), [
    # no author fact: the reporter
    ("红色物业那篇报道的作者是谁？", GRID_HIT,
     "《青溪街道“红色物业”让小区焕新颜》的作者：林晓东。原文：记者 林晓东 通讯员 孙佳怡[1]"),
    # nor a reporter: the correspondent
    ("柳塘村蔬菜大棚那篇文章的作者是谁？", VILLAGE_HIT,
     "《柳塘村：党建引领蔬菜大棚鼓起村民钱袋子》的作者：钱思远。原文：文/图 通讯员 钱思远[1]"),
])
def test_author_falls_back_to_reporter_then_correspondent(question, hit, expected):
    assert _ask_fact(question, [hit]).text == expected


@pytest.mark.parametrize(("question", "hits", "doc"), [
    ("柳塘村蔬菜大棚那篇报道是哪天发布的？", [GRID_HIT, VILLAGE_HIT], "village"),  # the title fits the second hit
    ("柳塘村蔬菜大棚那篇报道是哪天发布的？", [VILLAGE_HIT, GRID_HIT], "village"),
    ("红色物业那篇报道是哪天发布的？", [VILLAGE_HIT, GRID_HIT], "grid"),
    ("那篇报道是哪天发布的？", [VILLAGE_HIT, GRID_HIT], "village"),  # no subject words: the best hit
])
def test_pick_article_by_the_title_that_covers_the_question(question, hits, doc):
    assert pick_article(analyze(question).parts[0], hits, ARTICLES).doc_id == doc


def test_a_fact_whose_line_is_not_in_the_text_is_not_cited():
    article = Article("x", "x.txt", "柳塘村新闻\n正文。", title="柳塘村新闻",
                      facts=[ArticleFact("editor", "何雨桐", "编辑：何雨桐", -1, -1)])
    assert facts_of(article, "editor")[0].start == -1
    hit = Hit("cx", "x", "柳塘村新闻", "", "", "", article.text, 1.0, 0, len(article.text))
    ans = Answerer({}, AnswerParams(min_confidence=0.0), articles={"x": article},
                   hit_at=lambda doc, offset: hit).answer("柳塘村新闻那篇报道的编辑是谁？", "柳塘村新闻那篇报道的编辑是谁？", [hit])
    assert ans.found is False


@pytest.mark.parametrize(("value", "expected"), [
    ("2023-05-18", "2023年5月18日"), ("2022-09-06", "2022年9月6日"), ("2022年9月", "2022年9月"), ("", ""),
])
def test_human_date(value, expected):
    assert human_date(value) == expected


# ------------------------------------------- which article, reviewers, two-part questions, visible outlet
BUILDING_ARTICLE, BUILDING_HIT = _article(
    "building", "桂花社区“时间银行”存进志愿服务", ["原创 桂花先锋 2023-04-02", "编辑 | 沈书宁　审核 | 唐启明"],
    "桂花社区党委把志愿服务折算成时长存进“时间银行”，一年多来存入志愿时长1.2万小时。\n文/韩雪松",
    [("date", "2023-04-02", "原创 桂花先锋 2023-04-02"), ("outlet", "桂花先锋", "原创 桂花先锋 2023-04-02"),
     ("editor", "沈书宁", "编辑 | 沈书宁　审核 | 唐启明"), ("reviewer", "唐启明", "编辑 | 沈书宁　审核 | 唐启明"),
     ("author", "韩雪松", "文/韩雪松")],
    "桂花先锋", "2023-04-02")
PAPER_ARTICLE, PAPER_HIT = _article(
    "paper", "柳塘村合作社分红 村民笑开颜", ["白石晚报", "本报讯（记者 严小舟）"],
    "柳塘村股份经济合作社日前向村民分红36万元。\n白石晚报社版权所有",
    [("outlet", "白石晚报", "本报讯（记者 严小舟）"), ("reporter", "严小舟", "本报讯（记者 严小舟）")],
    "白石晚报", "2022-12-01")
MORE = {"building": BUILDING_ARTICLE, "paper": PAPER_ARTICLE, **ARTICLES}
MORE_HITS = {"building": BUILDING_HIT, "paper": PAPER_HIT, **HITS}


def _ask_more(question, hits, search=None):
    answerer = Answerer({}, AnswerParams(min_confidence=0.0), articles=MORE,
                        hit_at=lambda doc, offset: MORE_HITS[doc] if 0 <= offset < len(MORE[doc].text) else None)
    return answerer.answer(question, question, hits, search=search)


@pytest.mark.parametrize(("question", "name"), [
    ("桂花社区时间银行那篇推文是谁审核的？", "唐启明"),
    ("时间银行这篇推送的审核是谁？", "唐启明"),
])
def test_a_reviewer_is_an_article_fact_of_its_own(question, name):
    ans = _ask_more(question, [BUILDING_HIT, GRID_HIT])
    assert ans.found and f"的审核：{name}。" in ans.text


@pytest.mark.parametrize("question", ["柳塘村党支部书记是谁审核的名单？", "青溪街道的红色物业是谁签发的文件推动的？"])
def test_signing_off_without_an_article_is_no_article_question(question):
    assert analyze(question).parts[0].article_fact == ""


@pytest.mark.parametrize(("question", "kind"), [
    ("桂花社区时间银行这篇推文是谁编辑的？", "editor"),
    ("那篇红色物业报道由谁编发的？", "editor"),
    ("桂花社区时间银行这篇推文的小编是谁？", "editor"),  # a WeChat post's editor
    ("青溪街道红色物业那条推送的小编叫什么？", "editor"),
])
def test_who_edited_it_asks_for_the_editor(question, kind):
    assert analyze(question).parts[0].article_fact == kind


@pytest.mark.parametrize(("question", "hits", "doc"), [
    # the subject words stand in the second article's text and title, not the first's
    ("桂花先锋发的时间银行这篇推文是哪天发布的？", [GRID_HIT, BUILDING_HIT], "building"),
    ("柳塘村合作社分红这篇稿子是哪家报纸登的？", [VILLAGE_HIT, PAPER_HIT], "paper"),
    # words naming the medium (网站, 信息) do not decide
    ("青溪街道红色物业这条信息是哪天在网站上发布的？", [BUILDING_HIT, GRID_HIT], "grid"),
])
def test_pick_article_by_the_subject_words_in_title_and_text(question, hits, doc):
    assert pick_article(analyze(question).parts[0], hits, MORE).doc_id == doc


def test_the_second_part_of_a_two_part_article_question_asks_about_the_same_article():
    ans = _ask_more("桂花社区时间银行这篇推文是哪天发的？作者是谁？", [BUILDING_HIT],
                    search=lambda text: [GRID_HIT, VILLAGE_HIT, BUILDING_HIT])
    assert ans.found and "2023年4月2日" in ans.text and "韩雪松" in ans.text
    assert {c.doc_id for c in ans.citations} == {"building"}


@pytest.mark.parametrize(("question", "names"), [
    ("桂花社区时间银行那篇推送的编辑和审核分别是谁？", ("沈书宁", "唐启明")),
    ("红色物业那篇报道的记者和通讯员分别是谁？", ("林晓东", "孙佳怡")),
])
def test_two_roles_asked_together_are_both_answered(question, names):
    hit = BUILDING_HIT if "时间银行" in question else GRID_HIT
    ans = _ask_more(question, [hit], search=lambda text: [hit])
    assert all(n in ans.text for n in names)


def test_an_outlet_the_byline_only_implies_is_cited_where_it_is_written():
    ans = _ask_more("柳塘村合作社分红这篇报道是哪家报纸登的？", [PAPER_HIT])
    cite = ans.citations[0]
    assert ans.found and "白石晚报" in cite.sentence
    assert cite.text[cite.answer_start:cite.answer_end] == "白石晚报"


EPAPER_ARTICLE, EPAPER_HIT = _article(
    "epaper", "青溪街道推行“楼长制” 86名楼长守好家门口", ["当前版：2023年06月15日 > 第04版", "本报讯（记者 严小舟）"],
    "青溪街道86名楼长守好居民家门口。", [("reporter", "严小舟", "本报讯（记者 严小舟）")], "云港日报", "2023-06-15")
BULLETIN_ARTICLE, BULLETIN_HIT = _article(
    "bulletin", "组织工作信息", ["2023年第9期（总第187期）", "中共白石县委组织部编"],
    "一、柳塘村：党员中心户织密联系网。", [], "中共白石县委组织部", "2023-05-29")


@pytest.mark.parametrize(("question", "hit", "article", "value"), [
    ("青溪街道楼长制这篇稿子登在云港日报第几版？", EPAPER_HIT, EPAPER_ARTICLE, "第04版"),
    ("白石县那期《组织工作信息》是哪一年第几期，总第几期？", BULLETIN_HIT, BULLETIN_ARTICLE, "2023年第9期（总第187期）"),
])
def test_the_page_and_the_full_issue_label_are_read_from_the_header(question, hit, article, value):
    articles = {article.doc_id: article}
    answerer = Answerer({}, AnswerParams(min_confidence=0.0), articles=articles,
                        hit_at=lambda doc, offset: hit if 0 <= offset < len(article.text) else None)
    ans = answerer.answer(question, question, [hit])
    assert ans.found and value in ans.text


FOOTED_ARTICLE, FOOTED_HIT = _article(
    "footed", "霁溪街道来了“热力哨兵”", ["松江日报", "本报讯（记者 祁雨松）"],
    "霁溪街道组织党员入户测温。" + "哨兵每周入户两次。" * 60 + "\n责任编辑：宋雨禾\n2024年11月27日 星期三 第04版",
    [("reporter", "祁雨松", "本报讯（记者 祁雨松）")], "松江日报", "2024-11-27")
WIRE_ARTICLE, WIRE_HIT = _article(
    "wire", "白石县柳塘村的合作社", ["白石晚报", "本报讯（记者 严小舟）"],
    "柳塘村合作社向村民分红36万元。" + "村民说日子越过越好。" * 60 + "\n白石晚报 2023年3月2日 第A07版：县区新闻",
    [("reporter", "严小舟", "本报讯（记者 严小舟）")], "白石晚报", "2023-03-02")


@pytest.mark.parametrize(("question", "hit", "article", "value"), [
    ("松江日报关于霁溪街道热力哨兵的报道登在第几版？", FOOTED_HIT, FOOTED_ARTICLE, "第04版"),
    ("柳塘村合作社分红这篇报道在白石晚报哪一版？", WIRE_HIT, WIRE_ARTICLE, "第A07版"),
])
def test_the_page_is_read_from_the_page_footer_when_the_header_lost_it(question, hit, article, value):
    assert article.text.find(value) > 600
    articles = {article.doc_id: article}
    answerer = Answerer({}, AnswerParams(min_confidence=0.0), articles=articles,
                        hit_at=lambda doc, offset: hit if 0 <= offset < len(article.text) else None)
    ans = answerer.answer(question, question, [hit])
    assert ans.found and value in ans.text


NOTICE_ARTICLE, NOTICE_HIT = _article(
    "notice", "关于2023年度乡镇党委书记抓基层党建述职评议情况的通报",
    ["发布机构：中共青柳县委组织部", "成文日期：2024年03月05日　　发文字号：青组通〔2024〕3号"],
    "全县12名乡镇党委书记参加述职，评为好的7名。",
    [("outlet", "中共青柳县委组织部", "发布机构：中共青柳县委组织部"),
     ("doc_number", "青组通〔2024〕3号", "成文日期：2024年03月05日　　发文字号：青组通〔2024〕3号")],
    "中共青柳县委组织部", "2024-03-05")
WORD_ARTICLE, WORD_HIT = _article(
    "word", "关于开展“党员先锋岗”评选活动的通知", ["桐溪街党工〔2024〕7号"],
    "全街道评选“党员先锋岗”30个，其中社区20个、非公企业10个。",
    [("doc_number", "桐溪街党工〔2024〕7号", "桐溪街党工〔2024〕7号")], "中共桐溪街道工作委员会", "2024-05-06")


@pytest.mark.parametrize(("question", "hit", "article", "value"), [
    ("青柳县述职评议情况通报的文号是什么？", NOTICE_HIT, NOTICE_ARTICLE, "青组通〔2024〕3号"),
    ("桐溪街道党员先锋岗评选通知的发文字号是多少？", WORD_HIT, WORD_ARTICLE, "桐溪街党工〔2024〕7号"),
])
def test_the_document_number_is_answered_from_its_fact_and_cited_to_its_line(question, hit, article, value):
    ans = _answer_about(question, hit, article)
    cite = ans.citations[0]
    assert ans.found and value in ans.text and "文号" in ans.text
    assert cite.text[cite.answer_start:cite.answer_end] == value


@pytest.mark.parametrize(("question", "hit", "article"), [
    ("红色物业那篇报道的文号是什么？", GRID_HIT, GRID_ARTICLE),
    ("柳塘村蔬菜大棚那篇稿子的发文字号是多少？", VILLAGE_HIT, VILLAGE_ARTICLE),
])
def test_an_article_without_a_document_number_gives_none(question, hit, article):
    assert facts_of(article, "doc_number") == []
    assert not answer_fact(analyze(question).parts[0], [hit], {article.doc_id: article},
                           lambda doc, offset: hit).found


PAGED_ARTICLE, PAGED_HIT = _article(
    "paged", "桐溪街道“红管家”上岗", ["第05版：要闻", "本报讯（记者 林书禾）"],
    "桐溪街道首批42名“红管家”正式上岗。",
    [("page", "第05版", "第05版：要闻"), ("reporter", "林书禾", "本报讯（记者 林书禾）")], "青川日报", "2024-05-08")
BARE_PAGED_ARTICLE, BARE_PAGED_HIT = _article(
    "barepaged", "梧桐巷的楼道灯亮了", ["A3版　城事", "本报讯（记者 周可心）"],
    "梧桐巷社区党支部为12栋老楼更换楼道灯216盏。",
    [("page", "A3版", "A3版　城事"), ("reporter", "周可心", "本报讯（记者 周可心）")], "白石日报", "2024-03-02")


@pytest.mark.parametrize(("question", "hit", "article", "value"), [
    ("青川日报这篇红管家的报道登在第几版？", PAGED_HIT, PAGED_ARTICLE, "第05版"),
    ("梧桐巷楼道灯这篇稿子在白石日报哪一版？", BARE_PAGED_HIT, BARE_PAGED_ARTICLE, "A3版"),
])
def test_the_page_read_at_ingest_answers_which_page(question, hit, article, value):
    ans = _answer_about(question, hit, article)
    cite = ans.citations[0]
    assert ans.found and value in ans.text
    assert cite.text[cite.answer_start:cite.answer_end] == value


PRINTED_ARTICLE, PRINTED_HIT = _article(
    "printed", "党建工作简报", ["第9期", "中共青柳县直属机关工作委员会　2024年10月18日"],
    "县直机关68个党支部与68个村结对共建。\n报：县委组织部\n送：县委办公室\n（共印80份）", [],
    "中共青柳县直属机关工作委员会", "2024-10-18")
NUMBERED_ARTICLE, NUMBERED_HIT = _article(
    "numbered", "组织工作信息", ["2023年第4期", "中共白石县委组织部编"],
    "柳塘村印制“连心卡”2000份，发到每户村民手中。\n签发：曹振宇　　印数：120份", [],
    "中共白石县委组织部", "2023-04-12")


@pytest.mark.parametrize(("question", "hit", "article", "value"), [
    ("青柳县直机关工委《党建工作简报》第9期一共印了多少份？", PRINTED_HIT, PRINTED_ARTICLE, "80份"),
    # the figure of cards the story printed is no copy count of the bulletin
    ("白石县那期《组织工作信息》印了多少份？", NUMBERED_HIT, NUMBERED_ARTICLE, "120份"),
])
def test_the_copies_a_bulletin_printed_are_read_from_its_closing_line(question, hit, article, value):
    assert analyze(question).parts[0].article_fact == "copies"
    ans = _answer_about(question, hit, article)
    cite = ans.citations[0]
    assert ans.found and value in ans.text and "印数" in ans.text
    assert cite.text[cite.answer_start:cite.answer_end] == value


@pytest.mark.parametrize(("question", "hit", "article"), [
    # the paper prints no count: a figure of leaflets in the story is no answer
    ("白石晚报柳塘村合作社那篇报道的印刷份数是多少？", WIRE_HIT, WIRE_ARTICLE),
    ("这期《组织工作信息》一共印了多少份？", BULLETIN_HIT, BULLETIN_ARTICLE),
])
def test_a_page_that_prints_no_copy_count_gives_none(question, hit, article):
    assert facts_of(article, "copies") == []
    assert not _answer_about(question, hit, article).found


@pytest.mark.parametrize("question", ["柳塘村的宣传册印了多少份发给村民？", "桐溪街道印发了多少份倡议书？",
                                      "柳塘村的“连心卡”一共印了多少份？"])
def test_copies_of_a_leaflet_in_the_story_are_no_copies_question(question):
    assert analyze(question).parts[0].article_fact != "copies"


def _answer_about(question, hit, article):
    answerer = Answerer({}, AnswerParams(min_confidence=0.0), articles={article.doc_id: article},
                        hit_at=lambda doc, offset: hit if 0 <= offset < len(article.text) else None)
    return answerer.answer(question, question, [hit])


@pytest.mark.parametrize("question", ["柳塘村第几版方案通过了？", "这套教材出到第几版了？"])
def test_which_edition_without_an_article_is_no_page_question(question):
    assert analyze(question).parts[0].article_fact != "page"


@pytest.mark.parametrize("sentence", ["锦溪产业园现有企业326家，党员587名。", "石门村有党员52名、网格员12名。"])
def test_one_sentence_held_by_two_overlapping_passages_is_quoted_once(sentence):
    first_text = "园区概况如下。" + sentence
    second_text = sentence + "园区每月举办一次技术沙龙。"
    first = Hit(chunk_id="c1", doc_id="d1", title="t", publisher="", date="", section="", text=first_text,
                score=1.0, start=0, end=len(first_text))
    second = Hit(chunk_id="c2", doc_id="d1", title="t", publisher="", date="", section="", text=second_text,
                 score=0.9, start=7, end=7 + len(second_text))
    a = Quote(first, first_text.index(sentence), len(first_text))
    b = Quote(second, 0, len(sentence))
    answer = compose("有多少家企业、多少名党员？", "", [PartAnswer("a", [a], 0.9), PartAnswer("b", [b], 0.9)],
                     [first, second])
    assert answer.text.count(sentence) == 1 and len(answer.citations) == 1


OUTLET_PAGED_ARTICLE, OUTLET_PAGED_HIT = _article(
    "outletpaged", "桐溪街道“红管家”上岗", ["青川日报 2024年5月8日 第05版：要闻", "本报讯（记者 林书禾）"],
    "桐溪街道首批42名“红管家”正式上岗。",
    [("outlet", "青川日报", "青川日报 2024年5月8日 第05版：要闻"), ("page", "第05版", "青川日报 2024年5月8日 第05版：要闻"),
     ("date", "2024-05-08", "青川日报 2024年5月8日 第05版：要闻")], "青川日报", "2024-05-08")
OUTLET_DATED_ARTICLE, OUTLET_DATED_HIT = _article(
    "outletdated", "梧桐巷的楼道灯亮了", ["来源：梧桐先锋 2024-03-02 09:15", "作者：周可心"],
    "梧桐巷社区党支部为12栋老楼更换楼道灯216盏。",
    [("outlet", "梧桐先锋", "来源：梧桐先锋 2024-03-02 09:15"), ("date", "2024-03-02", "来源：梧桐先锋 2024-03-02 09:15"),
     ("author", "周可心", "作者：周可心")], "梧桐先锋", "2024-03-02")


@pytest.mark.parametrize(("question", "hit", "article", "values"), [
    ("桐溪街道红管家这篇报道刊登在哪家报纸的第几版？", OUTLET_PAGED_HIT, OUTLET_PAGED_ARTICLE, ("青川日报", "第05版")),
    ("梧桐巷楼道灯这篇文章是哪天在哪个公众号上推送的？", OUTLET_DATED_HIT, OUTLET_DATED_ARTICLE,
     ("梧桐先锋", "2024年3月2日")),
])
def test_the_outlet_asked_with_the_page_or_date_in_one_clause_is_answered_too(question, hit, article, values):
    assert [p.article_fact for p in analyze(question).parts][0] == "outlet"
    ans = _answer_about(question, hit, article)
    assert ans.found and all(v in ans.text for v in values)


@pytest.mark.parametrize(("question", "fact"), [
    ("桐溪街道红管家这篇报道刊登在哪天的报纸上？", "date"),  # 哪天的报纸 asks a date, not an outlet
    ("梧桐巷楼道灯这篇稿子登在第几版？", "page"),
])
def test_a_page_or_date_question_naming_no_outlet_asks_one_fact(question, fact):
    assert [p.article_fact for p in analyze(question).parts] == [fact]


@pytest.mark.parametrize(("title", "text"), [
    # an e-paper page: a kicker, then the main head and the deck on lines of their own
    ("青溪街道36个小区成立“红色业委会” 党员委员占比提高到一半",
     "第A03版：青溪新闻\n小区事有人管\n青溪街道36个小区成立“红色业委会”\n党员委员占比提高到一半\n本报讯 街道推行…"),
    # a county portal: the main head and the deck broken by several spaces
    ("柳塘村蔬菜大棚鼓起钱袋子 村集体年收入突破50万元",
     "首页 > 乡镇动态\n柳塘村蔬菜大棚鼓起钱袋子   村集体年收入突破50万元\n发布时间：2022-09-06\n正文。"),
])
def test_a_title_joined_from_lines_is_found_in_the_text_and_cited(title, text):
    article = Article("t", "t.txt", text, title=title,
                      facts=[ArticleFact("title", title, title, -1, -1)])
    hit = Hit("ct", "t", title, "", "", "", text, 1.0, 0, len(text))
    ans = Answerer({}, AnswerParams(min_confidence=0.0), articles={"t": article},
                   hit_at=lambda doc, offset: hit).answer("那篇报道的标题是什么？", "那篇报道的标题是什么？", [hit])
    assert ans.found is True
    assert title.split()[0] in ans.citations[0].sentence


def test_another_facts_value_written_elsewhere_is_still_no_evidence():
    text = "柳塘村新闻\n何雨桐是村里的种植能手。"
    article = Article("e", "e.txt", text, title="柳塘村新闻", facts=[ArticleFact("editor", "何雨桐", "编辑：何雨桐", -1, -1)])
    hit = Hit("ce", "e", "柳塘村新闻", "", "", "", text, 1.0, 0, len(text))
    ans = Answerer({}, AnswerParams(min_confidence=0.0), articles={"e": article},
                   hit_at=lambda doc, offset: hit).answer("柳塘村新闻那篇报道的编辑是谁？", "柳塘村新闻那篇报道的编辑是谁？", [hit])
    assert ans.found is False


# a county bulletin posted on a government site: posted on the 8th, compiled on the 6th, issued on the 7th
BULLETIN_TEXT = ("白石组工信息（2022年第9期）\n发布时间：2022-06-08 10:12:40　来源：县委组织部\n白石组工信息\n"
                 "2022年第9期\n中共白石县委组织部编　　　　2022年6月6日\n柳塘村建成蔬菜大棚60座。\n"
                 "县委组织部办公室　　　　2022年6月7日印发\n（共印100份）")
# a street's work brief kept as a Word file: 编印 written out, and an 印发日期 field
BRIEF_TEXT = ("青溪街道党建工作简报\n第4期\n青溪街道党工委编印　2023年3月20日\n青溪街道推进红色物业。\n"
              "印发日期：2023年3月22日")


@pytest.mark.parametrize(("text", "question", "date", "line"), [
    (BULLETIN_TEXT, "2022年第9期《白石组工信息》是哪天编印的？", "2022年6月6日", "中共白石县委组织部编　　　　2022年6月6日"),
    (BULLETIN_TEXT, "2022年第9期《白石组工信息》是哪天印发的？", "2022年6月7日", "县委组织部办公室　　　　2022年6月7日印发"),
    (BRIEF_TEXT, "第4期青溪街道党建工作简报是哪天编印的？", "2023年3月20日", "青溪街道党工委编印　2023年3月20日"),
    (BRIEF_TEXT, "第4期青溪街道党建工作简报是哪天印发的？", "2023年3月22日", "印发日期：2023年3月22日"),
])
def test_the_compiled_or_issued_date_of_a_bulletin_comes_from_its_own_line(text, question, date, line):
    article = Article("b", "b.txt", text, title=text.split("\n")[0], date="2022-06-08",
                      facts=[ArticleFact("date", "2022-06-08", text.split("\n")[1], 0, 10)])
    hit = Hit("cb", "b", article.title, "", "2022-06-08", "", text, 1.0, 0, len(text))
    ans = Answerer({}, AnswerParams(min_confidence=0.0), articles={"b": article},
                   hit_at=lambda doc, offset: hit).answer(question, question, [hit])
    assert ans.found is True
    assert date in ans.text and ans.citations[0].sentence == line


def test_a_posting_date_question_keeps_the_posting_date():
    at = BULLETIN_TEXT.find("发布时间")
    article = Article("b", "b.txt", BULLETIN_TEXT, title="白石组工信息（2022年第9期）", date="2022-06-08",
                      facts=[ArticleFact("date", "2022-06-08", "发布时间：2022-06-08 10:12:40", at, at + 24)])
    hit = Hit("cb", "b", article.title, "", "2022-06-08", "", BULLETIN_TEXT, 1.0, 0, len(BULLETIN_TEXT))
    question = "2022年第9期《白石组工信息》是哪天发布的？"
    ans = Answerer({}, AnswerParams(min_confidence=0.0), articles={"b": article},
                   hit_at=lambda doc, offset: hit).answer(question, question, [hit])
    assert ans.found is True and "2022年6月8日" in ans.text


def _plain(doc, title, text, publisher=""):
    article = Article(doc, f"{doc}.txt", text, title=title, publisher=publisher)
    return article, Hit(f"c{doc}", doc, title, publisher, "", "", text, 1.0, 0, len(text))


@pytest.mark.parametrize(("question", "series_doc"), [
    # the topic words fit a story of another outlet better; the 《》 name is the bulletin's own
    ("青溪区委组织部介绍“流动党员之家”的那期《组织工作信息》是第几期？", "bulletin"),
    ("写柳塘村“流动党员之家”的那期《白石党建简报》是哪天印发的？", "brief"),
])
def test_a_publication_named_in_book_title_marks_picks_the_article_it_heads(question, series_doc):
    story, story_hit = _plain("story", "柳塘村织密“流动党员之家” 在外党员离乡不离党",
                              "来源：南州日报\n柳塘村流动党员之家建成后，在外党员每月参加网上党课。", "南州日报")
    bulletin, bulletin_hit = _plain("bulletin", "各地扎实推进基层党建", "组织工作信息\n2019年第8期（总第236期）\n"
                                    "青溪区委组织部编\n各地推进书记项目，建立流动党员之家。")
    brief, brief_hit = _plain("brief", "党建工作动态", "白石党建简报\n第3期\n各村推进流动党员之家建设。")
    articles = {"story": story, "bulletin": bulletin, "brief": brief}
    hits = [story_hit, bulletin_hit, brief_hit]
    assert pick_article(analyze(question).parts[0], hits, articles).doc_id == series_doc


def test_without_a_named_publication_the_topic_words_pick():
    story, story_hit = _plain("story", "柳塘村织密“流动党员之家” 在外党员离乡不离党", "柳塘村流动党员之家建成。", "南州日报")
    bulletin, bulletin_hit = _plain("bulletin", "各地扎实推进基层党建", "组织工作信息\n第8期\n各地推进书记项目。")
    question = "写柳塘村“流动党员之家”的那篇报道是哪天发布的？"
    picked = pick_article(analyze(question).parts[0], [bulletin_hit, story_hit], {"story": story, "bulletin": bulletin})
    assert picked.doc_id == "story"


# ------------------------------------------------------------------ a wire dateline: 电头
WIRE_ARTICLE, WIRE_HIT = _article(
    "wire", "陕西白石县：党支部领着果农闯市场", ["2023-10-16 18:22 来源：新华社"],
    "新华社西安10月16日电（记者 任远 白静）金秋时节，白石县的山地苹果迎来丰收。", [], "新华社", "2023-10-16")
CNS_ARTICLE, CNS_HIT = _article(
    "cns", "浙江云港：渔船上建起“海上党支部”", ["中新网 2024-05-29"],
    "中新网台州5月29日电 (记者 钟海)云港区鲈港社区的渔船上，党旗在海风中飘扬。", [], "中新网", "2024-05-29")


@pytest.mark.parametrize(("question", "hit", "head"), [
    ("白石县苹果这篇新华社电讯的电头是从哪个城市发出的？", WIRE_HIT, "新华社西安"),
    ("渔船海上党支部这篇报道是从哪里发出的？", CNS_HIT, "中新网台州"),
])
def test_a_wire_datelines_head_answers_where_the_story_was_filed(question, hit, head):
    answerer = Answerer({}, AnswerParams(min_confidence=0.0), articles={hit.doc_id: WIRE_ARTICLE if hit is WIRE_HIT else CNS_ARTICLE},
                        hit_at=lambda doc, offset: hit)
    ans = answerer.answer(question, question, [hit])
    assert ans.found and ans.text.startswith(f"《{hit.title}》的电头：{head}。")
    assert ans.citations[0].text[ans.citations[0].answer_start:ans.citations[0].answer_end] == head


def test_a_story_without_a_dateline_has_no_place_it_was_filed_from():
    ans = _ask_fact("柳塘村蔬菜大棚那篇报道的电头是哪里？", [VILLAGE_HIT])
    assert ans.found is False


@pytest.mark.parametrize(("question", "fact"), [
    ("这篇新华社的稿子是从哪里发出的？", "dateline"),
    ("柳塘村的茶叶是从哪里发出的？", ""),  # goods sent from somewhere: no article asked
])
def test_where_a_story_was_filed_is_an_article_fact(question, fact):
    assert analyze(question).parts[0].article_fact == fact


# ---------------------------------------------------------------- a document's fields asked by their label


NOTICE_ARTICLE, NOTICE_HIT = _article(
    "notice", "关于开展“暖巢驿站”星级评定工作的通知", ["发布机构：中共白石县委社会工作部", "成文日期：2024-04-02"],
    "各乡镇党委：现将驿站星级评定有关事项通知如下。\n联系人：县委社会工作部两新党建股　庞雨歆\n联系电话：0736-5281946",
    [("outlet", "白石县人民政府网", "发布机构：中共白石县委社会工作部")], "白石县人民政府网", "2024-04-05")
REPORT_ARTICLE, REPORT_HIT = _article(
    "report", "桐溪街道2023年度基层党建工作总结", ["索 引 号：11330224/2024-00031", "发布机构：桐溪街道办事处"],
    "2023年，街道建成党群服务驿站9个，网格联系人每周走访一次。\n联系人：党建办　钟晓岚　联系电话：0574-6632018",
    [("outlet", "云港日报", "来源：云港日报")], "云港日报", "2024-01-10")


def _ask_field(question, article, hit):
    answerer = Answerer({}, AnswerParams(min_confidence=0.0), articles={article.doc_id: article},
                        hit_at=lambda doc, offset: hit if 0 <= offset < len(article.text) else None)
    return answerer.answer(question, question, [hit])


@pytest.mark.parametrize(("question", "article", "hit", "label", "value"), [
    ("暖巢驿站星级评定那份通知的联系人是谁？", NOTICE_ARTICLE, NOTICE_HIT, "联系人", "县委社会工作部两新党建股　庞雨歆"),
    ("暖巢驿站星级评定的通知，联系电话是多少？", NOTICE_ARTICLE, NOTICE_HIT, "联系电话", "0736-5281946"),
    ("这份通知的成文日期是哪天？", NOTICE_ARTICLE, NOTICE_HIT, "成文日期", "2024-04-02"),
    # the issuing body the page names, not the outlet its header gives
    ("暖巢驿站星级评定那份通知的发布机构是哪个单位？", NOTICE_ARTICLE, NOTICE_HIT, "发布机构", "中共白石县委社会工作部"),
    ("桐溪街道党建工作总结的发布机构是什么？", REPORT_ARTICLE, REPORT_HIT, "发布机构", "桐溪街道办事处"),
    # the value ends where the next field on the same line begins; a spaced label still counts
    ("桐溪街道党建工作总结的联系人是谁？", REPORT_ARTICLE, REPORT_HIT, "联系人", "党建办　钟晓岚"),
    ("桐溪街道党建工作总结的联系电话是多少？", REPORT_ARTICLE, REPORT_HIT, "联系电话", "0574-6632018"),
    ("桐溪街道党建工作总结的索引号是多少？", REPORT_ARTICLE, REPORT_HIT, "索引号", "11330224/2024-00031"),
])
def test_a_field_asked_by_its_label_is_answered_from_the_line_that_writes_it(question, article, hit, label, value):
    ans = _ask_field(question, article, hit)
    assert ans.found is True
    assert ans.text.startswith(f"《{article.title}》的{label}：{value}。原文：")
    cite = ans.citations[0]
    assert cite.text[cite.answer_start:cite.answer_end] == value


@pytest.mark.parametrize(("question", "article", "hit"), [
    ("桐溪街道党建工作总结的成文日期是哪天？", REPORT_ARTICLE, REPORT_HIT),  # no such field in it
    ("暖巢驿站星级评定那份通知的索引号是多少？", NOTICE_ARTICLE, NOTICE_HIT),
])
def test_a_field_the_page_does_not_write_gets_no_field_answer(question, article, hit):
    ans = _ask_field(question, article, hit)
    assert "原文：" not in ans.text


@pytest.mark.parametrize(("question", "label"), [
    ("暖巢驿站星级评定那份通知的联系人是谁？", "联系人"),
    ("发布机构是哪个单位？", "发布机构"),
    ("桐溪街道公示联系电话是多少", "联系电话"),  # after a document word
    ("桐溪街道的网格联系人是谁？", ""),  # glued to 网格: a role of the story, no field
    ("柳塘村党员联系人是谁？", ""),
    ("联系人制度是什么时候建立的？", ""),  # no asking word right after the label
])
def test_a_field_is_asked_only_by_its_label_standing_alone(question, label):
    from partyqa.text.normalize import normalize
    from retrieval.question import asked_field
    assert asked_field(normalize(question).rstrip("？")) == label


# ---------------------------------------------------------------- a document's signature (落款)


def _document(doc, title, text):
    article = Article(doc, f"{doc}.txt", text, title=title)
    hit = Hit(chunk_id=f"c{doc}", doc_id=doc, title=title, publisher="", date="", section="", text=text,
              score=1.0, start=0, end=len(text), source=f"{doc}.txt")
    return article, hit


GONGSHI_ARTICLE, GONGSHI_HIT = _document(
    "gongshi", "石门镇关于2024年度优秀共产党员拟表彰对象的公示",
    "石门镇关于2024年度优秀共产党员拟表彰对象的公示\n经各支部推荐、镇党委研究，拟表彰优秀共产党员12名。\n"
    "公示期间如有意见，请向镇纪委反映。\n中共白石县石门镇委员会\n2024年6月20日\n（撰稿：林可欣　审核：周立平）")
HUIBAO_ARTICLE, HUIBAO_HIT = _document(
    "huibao", "杏塬镇关于村集体经济发展情况的汇报",
    "杏塬镇关于村集体经济发展情况的汇报\n中共云港市杏塬镇委员会\n（2024年5月8日）\n县委组织部：\n"
    "今年以来，全镇村集体经济收入合计326万元。现将有关情况汇报如下。\n以上汇报，请批评指正。")
STORY_ARTICLE, STORY_HIT = _document(
    "story", "桐溪街道建成驿站9个",
    "桐溪街道建成驿站9个\n街道党工委书记说，驿站由桐溪街道党工委统一管理。\n桐溪街道党工委\n记者 林晓东\n2024年3月2日")


@pytest.mark.parametrize(("question", "article", "hit", "body"), [
    ("石门镇优秀共产党员拟表彰对象的公示，落款单位是什么？", GONGSHI_ARTICLE, GONGSHI_HIT, "中共白石县石门镇委员会"),
    ("这份公示是以哪个单位的名义发布的？", GONGSHI_ARTICLE, GONGSHI_HIT, "中共白石县石门镇委员会"),
    # a report signed under its headline
    ("杏塬镇村集体经济那份汇报是以哪个单位的名义报送的？", HUIBAO_ARTICLE, HUIBAO_HIT, "中共云港市杏塬镇委员会"),
    ("杏塬镇那份汇报的落款是哪个单位？", HUIBAO_ARTICLE, HUIBAO_HIT, "中共云港市杏塬镇委员会"),
])
def test_the_signing_body_is_the_line_above_the_documents_lone_date(question, article, hit, body):
    ans = _ask_field(question, article, hit)
    assert ans.found is True
    assert ans.text.startswith(f"《{article.title}》的落款单位：{body}。原文：")


def test_a_body_named_above_a_byline_is_no_signature():
    # the body's line is followed by a reporter's byline, not by the date alone
    ans = _ask_field("桐溪街道驿站那篇报道的落款单位是什么？", STORY_ARTICLE, STORY_HIT)
    assert ans.found is False


@pytest.mark.parametrize(("question", "fact"), [
    ("石门镇拟表彰对象的公示是哪天在镇政府网站上发布的？", "date"),  # a 公示 is a document of its own
    ("杏塬镇议事会的会议纪要是哪天印发的？", "date"),
    ("石门镇的公示期是多少天？", ""),  # a period the notice sets, no fact of the page
    ("杏塬镇村集体经济那份汇报是以哪个单位的名义报送的？", "signer"),
    ("杏塬镇是以什么名义成立合作社的？", ""),
])
def test_a_notice_or_minutes_asked_when_it_was_issued_is_a_question_about_the_page(question, fact):
    assert analyze(question).parts[0].article_fact == fact
