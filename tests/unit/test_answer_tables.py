"""Table rows read with their column headings (retrieval/answer/tables.py).

Two invented tables: a village table as the Markdown and HTML readers leave it (cells parted by
two spaces) and a town table as a ruled PDF table is read (cells parted by ``|``).
"""

import pytest

from partyqa.records import Hit
from retrieval.answer.compose import PartAnswer, Quote, compose
from retrieval.answer.evidence import Weights, score_candidates
from retrieval.answer.extractive import Answerer, AnswerParams, fits
from retrieval.answer.tables import label_rows, table_rows, to_passage
from retrieval.question import analyze
from tests.unit.candidates import candidates_for

VILLAGES = ("清河镇首批试点村上半年积分情况如下：\n\n"
            "村  党员数  平均积分  评定等次\n"
            "柳塘村  52  91.5  五星\n"
            "杏林村  40  83.0  三星\n"
            "合计  92  87.9  —")
TOWNS = ("表2 各镇网格建设情况\n"
         "镇 | 网格数 | 网格员 | 党员网格员\n"
         "白沙镇 | 36 | 41 | 25\n"
         "石桥镇 | 28 | 30 | 17")


def _hit(text):
    return Hit(chunk_id="c1", doc_id="d1", title="基层党建动态", publisher="南州日报", date="2023-07-01",
               section="", text=text, score=1.0, start=0, end=len(text), district="", source="d1.txt")


@pytest.mark.parametrize(("text", "row", "view"), [
    (VILLAGES, "杏林村  40  83.0  三星", "杏林村：党员数40，平均积分83.0，评定等次三星。"),
    (TOWNS, "白沙镇 | 36 | 41 | 25", "白沙镇：网格数36，网格员41，党员网格员25。"),
])
def test_a_row_is_read_with_its_column_names(text, row, view):
    rows = table_rows(text)
    assert rows[text.index(row)].view == view
    assert text.index(text.splitlines()[2 if text is VILLAGES else 1]) not in rows  # the heading is no row


@pytest.mark.parametrize("text", [
    "记者 林晓东  通讯员 孙佳怡\n清河镇召开党建工作会议。",  # a byline: two cells
    "柳塘村  52  91.5  五星\n杏林村召开党员大会，  会上  评出了  五星党员。",  # a sentence is never a row
    "村  党员数  平均积分\n柳塘村  52\n杏林村  40",  # rows without the heading's cells
])
def test_lines_that_are_no_table_give_no_rows(text):
    assert table_rows(text) == {}


def test_a_span_of_the_view_maps_onto_the_row():
    row = table_rows(TOWNS)[TOWNS.index("石桥镇")]
    at = row.view.index("17")
    start, end = to_passage(row, at, at + 2)
    assert TOWNS[start:end] == "17" and start > TOWNS.index("石桥镇")
    assert to_passage(row, 0, len(row.view)) is None  # a span across cells maps nowhere


@pytest.mark.parametrize(("question", "text", "figure"), [
    ("清河镇杏林村上半年党员平均积分是多少？", VILLAGES, "83.0"),
    ("石桥镇有多少名党员网格员？", TOWNS, "17"),
])
def test_a_row_answers_with_the_cell_of_the_asked_column(question, text, figure):
    part = analyze(question).parts[0]
    best = next(c for c in score_candidates(part, question, [_hit(text)], Weights({}), 6) if fits(c))
    assert best.row is not None and best.span.text == figure
    quote = Answerer._quote(best, [_hit(text)])
    assert text[quote.answer_start:quote.answer_end] == figure
    assert text[quote.start:quote.end].startswith(text.splitlines()[2 if text is VILLAGES else 1])


def test_a_stretch_answering_two_parts_is_quoted_once():
    hit = _hit(VILLAGES)
    quote = Quote(hit, VILLAGES.index("村  党员数"), VILLAGES.index("三星") + 2)
    answer = compose("杏林村平均积分多少？评了几星？", "", [PartAnswer("a", [quote], 0.9),
                                                          PartAnswer("b", [quote], 0.9)], [hit])
    assert answer.text.count("杏林村") == 1


@pytest.mark.parametrize("question", ["石桥镇有多少名村干部？", "清河镇杏林村有多少名入党积极分子？"])
def test_a_unitless_cell_answers_only_under_the_asked_column(question):
    text = TOWNS if "石桥镇" in question else VILLAGES
    part = analyze(question).parts[0]
    rows = [c for c in score_candidates(part, question, [_hit(text)], Weights({}), 6) if c.row is not None]
    assert rows and not any(c.typed for c in rows)


@pytest.mark.parametrize(("question", "text", "items"), [
    ("清河镇首批积分制试点的是哪几个村？", VILLAGES, ["柳塘村", "杏林村"]),
    ("哪几个镇上报了网格建设情况？", "各镇网格建设情况如下：\n" + TOWNS.split("\n", 1)[1], ["白沙镇", "石桥镇"]),
])
def test_a_table_announced_by_a_colon_gives_the_items_of_a_list(question, text, items):
    hit = _hit(text)
    ans = Answerer({}, AnswerParams(min_confidence=0.0)).answer(question, question, [hit])
    assert ans.found and all(item in ans.text for item in items)
    # the table's lines stay lines
    assert "\n" + items[1] in ans.text


# ------------------------------------------------------------------- label lines under a heading
MEETING = ("今年6月3日，区委组织部召开年中推进会。以下为会议材料摘录：\n\n"
           "白石县党建引领乡村治理现场推进会\n"
           "日期：2023年6月3日\n"
           "地点：清河镇柳塘村党群服务中心\n"
           "主持人：县委组织部副部长赵立新\n\n"
           "会上，各镇交流了经验。")
TRAINING = ("青溪街道网格员能力提升培训班\n"
            "培训时间：2022年9月14日至16日\n"
            "培训地点：桂花社区党群活动室\n"
            "培训对象：全街道126名专职网格员")


@pytest.mark.parametrize(("text", "line", "view"), [
    (MEETING, "地点：清河镇柳塘村党群服务中心", "白石县党建引领乡村治理现场推进会地点：清河镇柳塘村党群服务中心。"),
    (TRAINING, "培训地点：桂花社区党群活动室", "青溪街道网格员能力提升培训班培训地点：桂花社区党群活动室。"),
])
def test_a_label_line_is_read_with_its_heading(text, line, view):
    row = label_rows(text)[text.index(line)]
    assert row.view == view
    assert text[row.heading_start:].startswith(view[:8])


@pytest.mark.parametrize("text", [
    "地点：清河镇柳塘村党群服务中心\n日期：2023年6月3日",  # no heading above the block
    "会议强调，要抓好落实。\n地点：清河镇柳塘村党群服务中心",  # a sentence above is no heading
    "青溪街道网格员培训\n\n\n\n培训地点：桂花社区党群活动室",  # not next to each other
    "白石县党建工作会议\n时间：2023-06-03 15:02　　来源：县委组织部",  # a page's header line
    "白石县党建工作会议\n地点：清河镇，会议由赵立新主持。",  # a sentence, not a value
])
def test_lines_that_are_no_labelled_block_give_no_rows(text):
    assert not label_rows(text)


@pytest.mark.parametrize(("question", "text", "expected"), [
    ("白石县党建引领乡村治理现场推进会是在哪里开的？", MEETING, "柳塘村党群服务中心"),
    ("青溪街道网格员能力提升培训班在什么地方上课？", TRAINING, "桂花社区党群活动室"),
    ("白石县党建引领乡村治理现场推进会是哪天开的？", MEETING, "2023年6月3日"),
])
def test_a_label_line_answers_a_question_about_its_heading(question, text, expected):
    part = analyze(question).parts[0]
    best = next(c for c in score_candidates(part, question, [_hit(text)], Weights({}), 6) if fits(c))
    assert expected in best.text and best.row is not None
    quote = Answerer._quote(best, [_hit(text)])
    assert text[quote.start:quote.end].startswith(text[best.row.heading_start:best.row.heading_start + 6])


def test_a_passage_cut_inside_a_table_reads_no_figures_as_column_names():
    cut = ("冲压车间党支部  38  5  126.5\n研发中心党支部  35  7  215.0\n合计  73  12  341.5\n\n"
           "焊装车间党支部书记介绍了攻关项目。")
    assert not table_rows(cut)
    assert table_rows("党支部  党员数  攻关项目  节约成本\n" + cut)  # with its heading it is a table


BRANCHES = ("白石集团各党支部攻关情况如下：\n"
            "党支部 | 党员数 | 完成攻关项目 | 节约成本\n"
            "冲压车间党支部 | 38 | 5 | 126.5\n"
            "研发中心党支部 | 35 | 7 | 215.0\n"
            "一年下来，4个党支部共完成攻关项目21个。")
VILLAGE_TABLE = ("清河镇各村集体收入如下：\n"
                 "村 | 党员数 | 集体收入（万元） | 等次\n"
                 "柳塘村 | 52 | 36.5 | 五星\n"
                 "杏林村 | 40 | 18.2 | 三星\n"
                 "全镇共有村集体收入超过10万元的村12个。")


@pytest.mark.parametrize(("question", "text", "figure"), [
    ("白石集团研发中心党支部完成了几个攻关项目？", BRANCHES, "7"),
    ("清河镇杏林村的集体收入是多少万元？", VILLAGE_TABLE, "18.2"),
])
def test_a_question_naming_a_rows_entity_is_answered_from_that_row(question, text, figure):
    part = analyze(question).parts[0]
    cands = score_candidates(part, question, [_hit(text)], Weights({}), 6)
    best = next(c for c in cands if fits(c))
    assert best.row is not None and best.span.text == figure
    others = [c for c in cands if c.row is not None and c is not best and "合计" not in c.text]
    assert all(not c.typed for c in others)


@pytest.mark.parametrize(("text", "cut_before", "row", "view"), [
    (VILLAGES, "柳塘村", "杏林村  40  83.0  三星", "杏林村：党员数40，平均积分83.0，评定等次三星。"),
    (TOWNS, "石桥镇", "石桥镇 | 28 | 30 | 17", "石桥镇：网格数28，网格员30，党员网格员17。"),
])
def test_a_passage_cut_inside_a_table_reads_its_rows_with_the_heading_before_it(text, cut_before, row, view):
    at = text.index(cut_before)
    lead, passage = text[:at], text[at:]
    assert table_rows(passage) == {}  # alone, the passage's first row is taken for a heading
    rows = table_rows(passage, lead)
    got = rows[passage.index(row)]
    assert got.view == view and got.heading_start == got.start  # quoted from the row: the heading is not in it
    assert passage[got.start:got.end] == row


def test_a_lead_without_a_table_changes_nothing():
    passage = "柳塘村  52  91.5  五星\n杏林村  40  83.0  三星"
    assert table_rows(passage, "清河镇召开党员大会。\n") == table_rows(passage)


def test_a_question_naming_a_row_is_answered_from_it_when_the_heading_is_in_the_passage_before():
    article = ("青山集团党委下设4个党支部，共有党员160名。\n\n各支部情况如下：\n\n支部  党员数  攻关项目\n"
               "冲压车间党支部  38  5\n焊装车间党支部  42  6\n研发中心党支部  35  7")
    cut = article.index("焊装车间党支部")
    first = Hit(chunk_id="c1", doc_id="d1", title="青山集团", publisher="", date="", section="",
                text=article[:cut].rstrip("\n"), score=1.0, start=0, end=len(article[:cut].rstrip("\n")))
    second = Hit(chunk_id="c2", doc_id="d1", title="青山集团", publisher="", date="", section="",
                 text=article[cut:], score=0.8, start=cut, end=len(article))
    question = "青山集团焊装车间党支部有多少名党员？"
    part = analyze(question).parts[0]
    best = next(c for c in score_candidates(part, question, [first, second], Weights({}), 6,
                                            article_text=lambda _: article) if fits(c))
    assert best.row is not None and best.span.text == "42"


@pytest.mark.parametrize(("question", "intro", "row_name", "fits"), [
    ("荷花街道西关社区2023年的诉求办结率是多少？", "2023年各社区网格治理情况如下：", "西关社区", True),
    ("荷花街道西关社区2022年的诉求办结率是多少？", "2023年各社区网格治理情况如下：", "西关社区", False),
    ("清河镇杏林村2021年党员平均积分是多少？", "2021年各村党员积分情况见下表：", "杏林村", True),
])
def test_a_row_dates_to_the_introduction_of_its_table(question, intro, row_name, fits):
    from retrieval.answer import context as ctx
    from retrieval.answer.evidence import Candidate, typed_span

    table = {"西关社区": "社区  网格数  办结率\n古槐社区  14  98.2%\n西关社区  8  95.1%",
             "杏林村": "村  党员数  平均积分\n柳塘村  52  91.5\n杏林村  40  83.0"}[row_name]
    article = f"街道召开讲评会，发布了去年的成绩单。\n\n{intro}\n\n{table}\n\n讲评会上，各社区介绍了做法。"
    cut = article.index(table.splitlines()[1])  # the passage starts inside the table
    hit = Hit(chunk_id="c2", doc_id="d1", title="讲评会", publisher="", date="2024-01-16", section="",
              text=article[cut:], score=1.0, start=cut, end=len(article))
    row = table_rows(hit.text, article[:cut])[hit.text.index(row_name)]
    part = analyze(question).parts[0]
    cand = Candidate(0, row.start, row.end, row.view, row=row)
    cand.typed, cand.span, _ = typed_span(part, row.view)
    assert ctx.years_fit(part, hit, cand) is fits


# --------------------------------------------------- a field that writes its unit in its label
@pytest.mark.parametrize(("question", "text", "figure"), [
    ("柳塘社区2023年一共收集了多少件居民诉求？",
     "2023年各社区网格治理情况如下：\n柳塘社区：网格数（个）12，专职网格员（名）12，收集诉求（件）1486，办结率97.8%。", "1486"),
    ("白沙村的集体经营性收入是多少万元？",
     "白沙村基本情况——党员数（名）：48；集体经营性收入（万元）：36.5；合作社（家）：3。", "36.5"),
])
def test_a_bare_figure_takes_the_unit_written_in_its_label(question, text, figure):
    fitting = [c for c in candidates_for(question, text) if fits(c) and c.span]
    assert fitting and fitting[0].span.text == figure


def test_a_label_unit_of_another_kind_does_not_answer():
    text = "柳塘社区：网格数（个）12，党员中心户（户）41。"
    fitting = [c for c in candidates_for("柳塘社区一共收集了多少件居民诉求？", text) if fits(c) and c.span]
    assert not fitting


# ------------------------------------------------ a row labelled with the asked thing, years or places as columns
INCOME_BY_YEAR = ("表1 柳岸镇村级集体经济发展情况（2021—2023年）\n"
                  "指标 | 2021年 | 2022年 | 2023年\n"
                  "村级集体经济总收入（万元） | 126 | 203 | 318\n"
                  "收入10万元以上的村（个） | 3 | 6 | 9")
MEMBERS_BY_YEAR = ("表2 白石县党员队伍情况\n"
                   "项目 | 2021年 | 2022年 | 2023年\n"
                   "新发展党员（名） | 280 | 300 | 326\n"
                   "党支部数（个） | 41 | 43 | 46")


@pytest.mark.parametrize(("question", "text", "figure"), [
    ("柳岸镇2023年村级集体经济总收入是多少万元？", INCOME_BY_YEAR, "318"),
    ("白石县2022年新发展了多少名党员？", MEMBERS_BY_YEAR, "300"),
])
def test_a_row_labelled_with_the_asked_thing_answers_from_the_asked_column(question, text, figure):
    part = analyze(question).parts[0]
    fitting = [c for c in score_candidates(part, question, [_hit(text)], Weights({}), 6) if fits(c) and c.span]
    assert fitting and fitting[0].row is not None and fitting[0].span.text == figure


@pytest.mark.parametrize(("question", "text"), [
    # the label names another thing: the row does not answer
    ("柳岸镇2023年村级集体经济总收入是多少万元？", INCOME_BY_YEAR.replace("村级集体经济总收入", "党支部领办合作社")),
    ("白石县2022年新发展了多少名党员？", MEMBERS_BY_YEAR.replace("新发展党员（名）", "新建网格（个）")),
])
def test_a_row_labelled_with_another_thing_does_not_answer(question, text):
    part = analyze(question).parts[0]
    assert not [c for c in score_candidates(part, question, [_hit(text)], Weights({}), 6) if fits(c) and c.span]


# ------------------------------------------------ a column's own unit is not the asked one
VISITS = ("表3 各单位助企服务情况\n"
          "单位 | 服务队（支） | 联系企业（家） | 解决诉求（件）\n"
          "区财政局 | 2 | 28 | 22\n"
          "区民政局 | 3 | 19 | 15")
SERVED = ("表4 各社区志愿服务情况\n"
          "社区 | 志愿者（人） | 服务对象（人） | 服务时长（小时）\n"
          "柳岸社区 | 86 | 412 | 1260\n"
          "桂花社区 | 64 | 305 | 980")


@pytest.mark.parametrize(("question", "text", "figure"), [
    ("区财政局联系了多少家企业？", VISITS, "28"),
    ("桂花社区的志愿服务对象有多少人？", SERVED, "305"),
])
def test_a_column_whose_unit_is_the_asked_one_answers(question, text, figure):
    part = analyze(question).parts[0]
    fitting = [c for c in score_candidates(part, question, [_hit(text)], Weights({}), 6) if fits(c) and c.span]
    assert fitting and fitting[0].span.text == figure


@pytest.mark.parametrize(("question", "text"), [
    ("区财政局走访了多少家次企业？", VISITS),  # firms in touch are no visits
    ("桂花社区的志愿服务对象有多少人次？", SERVED),  # people served are no services given
])
def test_a_column_whose_unit_is_another_does_not_answer(question, text):
    part = analyze(question).parts[0]
    assert not [c for c in score_candidates(part, question, [_hit(text)], Weights({}), 6) if fits(c) and c.span]



GRID_ROWS = ("松林街道各社区网格化治理情况如下：\n社区 | 综合网格（个） | 党员中心户（户） | 化解纠纷（件）\n"
             "桦坪社区 | 12 | 41 | 69\n枣岭社区 | 10 | 36 | 57\n"
             "桦坪社区党员中心户联系的23户居民中有6户独居老人，每天傍晚都要上门看一看。")
VILLAGE_ROWS = ("清河镇各村情况如下：\n村 | 党员数（名） | 脱贫户（户） | 集体收入（万元）\n"
                "柳塘村 | 52 | 38 | 36.5\n杏林村 | 40 | 27 | 18.2\n"
                "柳塘村党支部书记联系的15户村民里，有4户独居老人。")


@pytest.mark.parametrize(("question", "text", "figure"), [
    # the row names the asked place and has a column of the asked unit, but of another thing
    # (党员中心户, 脱贫户): the sentence that writes the asked thing goes first
    ("松林街道桦坪社区有几户独居老人？", GRID_ROWS, "6户"),
    ("清河镇柳塘村有几户独居老人？", VILLAGE_ROWS, "4户"),
])
def test_a_named_row_of_another_thing_does_not_go_first(question, text, figure):
    part = analyze(question).parts[0]
    cands = score_candidates(part, question, [_hit(text)], Weights({}), 6)
    best = next(c for c in cands if fits(c))
    assert best.row is None and best.span.text == figure


@pytest.mark.parametrize(("question", "text", "figure"), [
    # the row holding the asked thing still answers before a sentence about it
    ("松林街道桦坪社区有多少户党员中心户？", GRID_ROWS, "41"),
    ("清河镇柳塘村有多少户脱贫户？", VILLAGE_ROWS, "38"),
])
def test_a_named_row_of_the_asked_thing_goes_first(question, text, figure):
    part = analyze(question).parts[0]
    cands = score_candidates(part, question, [_hit(text)], Weights({}), 6)
    best = next(c for c in cands if fits(c))
    assert best.row is not None and best.span.text == figure


STREET_ROWS = ("附表 各街道网格化治理情况\n街道 | 网格（个） | 2023年上报事件（件） | 办结率（%）\n"
               "漳晖街道 | 86 | 5230 | 97.2\n紫坊街道 | 71 | 4180 | 95.8\n")
VILLAGE_YEAR_ROWS = ("表1 2023年各村集体经济情况\n村名 | 2023年收入（万元） | 入社农户（户） | 分红比例（%）\n"
                     "霞滩村 | 86.5 | 186 | 30\n杏塬村 | 54.3 | 120 | 25\n")


@pytest.mark.parametrize(("question", "text", "figure"), [
    # the asked year stands in another column's name: the cell under the asked column answers
    ("漳晖街道2023年的办结率是多少？", STREET_ROWS, "97.2"),
    ("霞滩村2023年的分红比例是多少？", VILLAGE_YEAR_ROWS, "30"),
    # the column that holds the asked year and thing answers itself
    ("漳晖街道2023年上报了多少件事件？", STREET_ROWS, "5230"),
])
def test_a_row_answers_from_the_asked_column_past_a_year_in_another(question, text, figure):
    part = analyze(question).parts[0]
    cands = score_candidates(part, question, [_hit(text)], Weights({}), 6)
    best = next(c for c in cands if fits(c))
    assert best.row is not None and best.span.text == figure
