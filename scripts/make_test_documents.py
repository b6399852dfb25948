"""Generate the test documents in ``tests/data/docs`` with their ground truth (``*.gt.json``).

All text is invented here (the places 南湖市, 青柳区 … do not exist as written). Outputs:

* ``onecol.pdf``  two A4 pages, one column, a page footer ``— n —``;
* ``twocol.pdf``  a full-width headline over two columns, drawn row-interleaved (left line 1,
  right line 1, …) so that a reader following the content stream fails;
* ``threecol.pdf``  a newspaper page in three columns with a narrow gutter, hanging punctuation,
  a two-line headline over a centred byline, a section name and an advert;
* ``table.pdf``   a report page with a ruled table drawn column by column;
* ``boxtable.pdf``  a research report page whose table cells are bordered rectangles (years as
  columns, a wrapped header cell), with a framed note of two lines after it;
* ``epaper.pdf``  a newspaper page: masthead, page line and three headlined articles, the lead
  article's body in two columns, drawn in shuffled order;
* ``report.docx`` title, headings, paragraphs and a table (python-docx);
* ``report.doc``  the same as Word 97 (only when LibreOffice ``soffice`` is installed).

Needs ``fpdf2`` (``pip install -e '.[testdata]'``) and the Debian font ``fonts-wqy-microhei``::

    python scripts/make_test_documents.py
"""

from __future__ import annotations

import json
import random
import shutil
import subprocess
import tempfile
from pathlib import Path

OUT = Path(__file__).resolve().parent.parent / "tests" / "data" / "docs"
FONT = "/usr/share/fonts/truetype/wqy/wqy-microhei.ttc"
PT = 0.3528  # mm per point
NO_LINE_START = set("，。、；：？！”’）》」』…")

MASTHEAD = "南湖日报"
PAGE_LINE = "2024年5月20日 星期一 第4版 基层党建"
ARTICLES = [
    ("青柳区“小院议事”让居民事有人管",
     "本报讯（记者 林晓禾 通讯员 沈一鸣）",
     ["今年以来，青柳区在全区三十二个老旧小区推行“小院议事”制度，由社区党组织牵头，每月召集楼栋长、党员代表和居民代表商量小区里的大小事。",
      "议事会共收集居民意见四百一十六条，办结三百九十八条，办结率超过九成。加装电梯、停车难、楼道照明等老问题，都在议事会上找到了办法。",
      "区委组织部有关负责人介绍，下一步将把议事结果纳入社区党组织书记年度述职评议，让“小院议事”从有形覆盖走向有效运转。"]),
    ("石桥镇开设“田埂课堂”培训党员",
     "本报讯（通讯员 许青山）",
     ["石桥镇把党员培训搬到田间地头，请种植能手和农技员当老师，讲授水稻育秧、病虫害防治和农产品网上销售。",
      "课堂开设以来已举办十一期，参训党员和群众五百六十人次，带动二十七户村民发展特色种植。"]),
    ("南湖市启动机关党员进社区志愿服务",
     "本报讯（记者 周雨晴）",
     ["南湖市直机关工委日前组织八十六个机关党支部与城区社区结对，机关党员到居住地社区报到，认领环境整治、助老助残等服务项目。",
      "活动开展一个月来，报到党员累计参与志愿服务一千二百余人次。"]),
]
DOCX_TITLE = "青柳区2024年一季度党建工作情况报告"
DOCX_BLOCKS = [
    ("h1", "一、主要工作"),
    ("h2", "（一）抓好支部建设"),
    ("p", "一季度，全区新建党支部九个，调整优化支部设置十四个，选派党建指导员二十六名。"),
    ("h2", "（二）加强党员教育"),
    ("p", "全区举办党员集中培训班五期，培训党员一千三百人次，开展主题党日活动二百一十场。"),
    ("table", [["街道", "党支部数", "党员人数"], ["东湖街道", "41", "1365"], ["柳岸街道", "37", "1208"]]),
    ("h1", "二、下一步打算"),
    ("p", "二季度将重点推进党群服务中心提档升级，计划完成八个社区党群服务中心改造。"),
]


def wrap(pdf, text: str, width: float, indent: float = 0.0) -> list[tuple[float, str]]:
    """Break text into lines no wider than ``width`` mm (punctuation never starts a line)."""
    lines, cur = [], ""
    for ch in text:
        if cur and pdf.get_string_width(cur + ch) > width - indent and ch not in NO_LINE_START:
            lines.append((indent, cur))
            cur, indent = "", 0.0
        cur += ch
    if cur:
        lines.append((indent, cur))
    return lines


def new_pdf(fmt: str = "A4"):
    from fpdf import FPDF

    pdf = FPDF(unit="mm", format=fmt)
    pdf.set_auto_page_break(False)
    pdf.add_font("cjk", fname=FONT, collection_font_number=0)
    return pdf


def flow(pdf, runs: list, x: float, y: float, width: float, blocks, tag: str = "") -> float:
    """Typeset (kind, text, size) blocks down a column into ``runs``; returns the new y."""
    for kind, text, size in blocks:
        pdf.set_font("cjk", size=size)
        lead = size * PT * 1.6
        indent = 2 * size * PT if kind == "p" else 0.0
        for ind, line in wrap(pdf, text, width, indent):
            y += lead
            runs.append((x + ind, y, line, size, tag))
        y += lead * 0.4
    return y


def draw(pdf, runs) -> None:
    pdf.add_page()
    for x, y, text, size, _ in runs:
        pdf.set_font("cjk", size=size)
        pdf.text(x, y, text)


def article_blocks(i: int, head: float = 18.0, body: float = 11.0):
    headline, dateline, paras = ARTICLES[i]
    return [("h", headline, head), ("d", dateline + paras[0], body)] + [("p", p, body) for p in paras[1:]]


def article_lines(i: int) -> list[str]:
    headline, dateline, paras = ARTICLES[i]
    return [headline, dateline + paras[0], *paras[1:]]


def make_onecol() -> dict:
    pdf = new_pdf()
    page1, page2 = [], []
    flow(pdf, page1, 25, 20, 160, article_blocks(0))
    flow(pdf, page2, 25, 20, 160, article_blocks(1) + article_blocks(2))
    for n, runs in ((1, page1), (2, page2)):
        runs.append((100, 285, f"— {n} —", 9, ""))
        draw(pdf, runs)
    pdf.output(str(OUT / "onecol.pdf"))
    return {"pages": [article_lines(0) + ["— 1 —"], article_lines(1) + article_lines(2) + ["— 2 —"]]}


def make_twocol() -> dict:
    pdf = new_pdf()
    runs: list = []
    headline, dateline, paras = ARTICLES[0]
    y = flow(pdf, runs, 20, 15, 170, [("h", headline, 20.0)])
    left = [("d", dateline + paras[0], 11.0), ("p", paras[1], 11.0)]
    right = [("p", paras[2], 11.0)] + [("p", p, 11.0) for p in ARTICLES[2][2]]
    flow(pdf, runs, 20, y, 80, left, "L")
    flow(pdf, runs, 110, y, 80, right, "R")
    head = [r for r in runs if not r[4]]
    lcol = [r for r in runs if r[4] == "L"]
    rcol = [r for r in runs if r[4] == "R"]
    mixed = []
    for k in range(max(len(lcol), len(rcol))):
        mixed += lcol[k : k + 1] + rcol[k : k + 1]
    draw(pdf, head + mixed)
    pdf.output(str(OUT / "twocol.pdf"))
    lines = [headline, dateline + paras[0], paras[1], paras[2], *ARTICLES[2][2]]
    return {"pages": [lines]}


def make_epaper() -> dict:
    pdf = new_pdf("A3")
    runs: list = [(118, 32, MASTHEAD, 40, "m"), (20, 46, PAGE_LINE, 10, "m")]
    groups = []
    headline, dateline, paras = ARTICLES[0]
    start = len(runs)
    y = flow(pdf, runs, 20, 52, 257, [("h", headline, 24.0)])
    y1 = flow(pdf, runs, 20, y, 124, [("d", dateline + paras[0], 11.0), ("p", paras[1], 11.0)])
    y2 = flow(pdf, runs, 153, y, 124, [("p", paras[2], 11.0)])
    groups.append(runs[start:])
    y = max(y1, y2) + 10
    for i, x in ((1, 20), (2, 153)):
        start = len(runs)
        flow(pdf, runs, x, y, 124, article_blocks(i, 20.0, 11.0))
        groups.append(runs[start:])
    order = runs[:2]
    rng = random.Random(5)
    shuffled = groups[:]
    rng.shuffle(shuffled)
    for group in shuffled:
        order += group
    draw(pdf, order)
    pdf.output(str(OUT / "epaper.pdf"))
    return {"pages": [[MASTHEAD, PAGE_LINE, *article_lines(0), *article_lines(1), *article_lines(2)]],
            "articles": [article_lines(i) for i in range(3)]}


DECK = "四百一十六条居民意见办结三百九十八条"
BYLINE = "本报记者 林晓禾 通讯员 沈一鸣"
ADVERT = ("节水护水 点滴做起", "南湖日报社 宣")


def make_threecol() -> dict:
    """A newspaper page set like a real one: a section name at the top right, a headline in two
    lines (主题 and 副题) over a centred byline, the body in three columns whose gutter is under
    two ems with punctuation hanging into it, drawn row by row across the columns, a second
    article below and an advert with no body."""
    pdf = new_pdf("A3")
    runs: list = [(20, 30, MASTHEAD, 36, "m"), (230, 30, "区县新闻", 20, "m"), (20, 42, PAGE_LINE, 10, "m")]
    headline, _, paras = ARTICLES[0]
    y = flow(pdf, runs, 40, 50, 220, [("h", headline, 24.0)])
    y = flow(pdf, runs, 70, y, 160, [("h", DECK, 15.0)])
    y = flow(pdf, runs, 110, y, 100, [("h", BYLINE, 10.5)])
    body = [("p", p, 11.0) for p in paras + ARTICLES[2][2]]
    col_w, gutter = 80.0, 5.5  # 5.5 mm is 1.4 em of 11 pt: a hanging ， leaves half an em
    pdf.set_font("cjk", size=11.0)
    lines = [(ind, text) for _, p, _ in body for ind, text in wrap(pdf, p, col_w, 2 * 11.0 * PT)]
    per = -(-len(lines) // 3)
    lead = 11.0 * PT * 1.6
    columns = [[(20 + c * (col_w + gutter) + ind, y + (k + 1) * lead, text, 11.0, str(c))
                for k, (ind, text) in enumerate(lines[c * per:(c + 1) * per])] for c in range(3)]
    for k in range(per):  # row by row across the columns: stream order is not reading order
        runs += [col[k] for col in columns if k < len(col)]
    y += (per + 3) * lead
    second = ARTICLES[1]
    flow(pdf, runs, 20, y, 250, article_blocks(1, 17.0, 11.0))
    runs += [(100, 380, ADVERT[0], 28, "a"), (130, 392, ADVERT[1], 10, "a")]
    draw(pdf, runs)
    pdf.output(str(OUT / "threecol.pdf"))
    main = [headline, DECK, BYLINE, *(p for _, p, _ in body)]
    # an article's text opens with its title: the headline and the deck under it on one line
    titled = [f"{headline} {DECK}", *main[2:]]
    return {"pages": [[MASTHEAD, "区县新闻", PAGE_LINE, *main, *article_lines(1), *ADVERT]],
            "articles": [titled, [second[0], second[1] + second[2][0], *second[2][1:]]]}


def make_table_pdf() -> dict:
    """A report page with a ruled table between two paragraphs (cells drawn column by column)."""
    pdf = new_pdf()
    runs: list = []
    y = flow(pdf, runs, 25, 20, 160, [("h", DOCX_TITLE, 16.0), ("p", DOCX_BLOCKS[2][1], 11.0)])
    rows = DOCX_BLOCKS[5][1]
    xs, row_h = [25, 75, 125, 175], 9.0
    top = y + 4
    draw(pdf, runs)
    pdf.set_line_width(0.3)
    for r in range(len(rows) + 1):
        pdf.line(xs[0], top + r * row_h, xs[-1], top + r * row_h)
    for x in xs:
        pdf.line(x, top, x, top + len(rows) * row_h)
    pdf.set_font("cjk", size=11)
    for c in range(len(xs) - 1):  # column by column: stream order is not row order
        for r, row in enumerate(rows):
            pdf.text(xs[c] + 2, top + r * row_h + 6.2, row[c])
    after = []
    flow(pdf, after, 25, top + len(rows) * row_h + 4, 160, [("h", DOCX_BLOCKS[6][1], 13.0), ("p", DOCX_BLOCKS[7][1], 11.0)])
    for x, yy, text, size, _ in after:
        pdf.set_font("cjk", size=size)
        pdf.text(x, yy, text)
    pdf.output(str(OUT / "table.pdf"))
    lines = [DOCX_TITLE, DOCX_BLOCKS[2][1], *(" | ".join(row) for row in rows), DOCX_BLOCKS[6][1], DOCX_BLOCKS[7][1]]
    return {"pages": [lines]}


BOX_TITLE = "关于柳岸镇村级集体经济发展情况的调研报告"
BOX_INTRO = "近三年，柳岸镇村级集体经济收入逐年增长，具体情况见下表。"
BOX_ROWS = [["指标", "2021年", "2022年", "2023年"],
            ["村级集体经济总收入（万元）", "126", "203", "318"],
            ["收入10万元以上的村（个）", "3", "6", "9"]]
BOX_NOTE = ["说明：表中收入不含上级转移支付资金。", "数据来源：柳岸镇农村经济管理站。"]
BOX_AFTER = "下一步，镇党委将推动每个村至少培育一个稳定增收项目。"


def make_boxtable_pdf() -> dict:
    """A report page whose table cells are bordered rectangles drawn cell by cell, column by
    column, and a note framed by one rectangle after it (a box, not a table)."""
    pdf = new_pdf()
    runs: list = []
    y = flow(pdf, runs, 25, 20, 160, [("h", BOX_TITLE, 15.0), ("p", BOX_INTRO, 11.0)])
    draw(pdf, runs)
    widths, row_h, top = [70, 30, 30, 30], 9.0, y + 4
    pdf.set_line_width(0.3)
    pdf.set_font("cjk", size=10.5)
    for c in range(len(widths)):  # column by column: stream order is not row order
        x = 25 + sum(widths[:c])
        for r, row in enumerate(BOX_ROWS):
            pdf.set_xy(x, top + r * row_h)
            pdf.cell(widths[c], row_h, row[c], border=1, align="L" if c == 0 else "C")
    note_top = top + len(BOX_ROWS) * row_h + 6
    pdf.rect(25, note_top, 160, 16)
    for i, line in enumerate(BOX_NOTE):
        pdf.text(28, note_top + 6 + i * 6.5, line)
    after: list = []
    flow(pdf, after, 25, note_top + 24, 160, [("p", BOX_AFTER, 11.0)])
    for x, yy, text, size, _ in after:
        pdf.set_font("cjk", size=size)
        pdf.text(x, yy, text)
    pdf.output(str(OUT / "boxtable.pdf"))
    lines = [BOX_TITLE, BOX_INTRO, *(" | ".join(row) for row in BOX_ROWS), *BOX_NOTE, BOX_AFTER]
    return {"pages": [lines]}


def make_docx() -> dict:
    from docx import Document

    doc = Document()
    doc.add_heading(DOCX_TITLE, level=0)
    lines = [DOCX_TITLE]
    for kind, value in DOCX_BLOCKS:
        if kind == "table":
            table = doc.add_table(rows=len(value), cols=len(value[0]))
            for r, row in enumerate(value):
                for c, cell in enumerate(row):
                    table.cell(r, c).text = cell
            lines += [" | ".join(row) for row in value]
        elif kind == "p":
            doc.add_paragraph(value)
            lines.append(value)
        else:
            doc.add_heading(value, level=int(kind[1]))
            lines.append(value)
    doc.save(str(OUT / "report.docx"))
    return {"pages": [lines]}


def make_doc() -> None:
    exe = shutil.which("soffice") or shutil.which("libreoffice")
    if not exe:
        print("soffice not found: report.doc not made")
        return
    with tempfile.TemporaryDirectory() as tmp:
        subprocess.run([exe, f"-env:UserInstallation=file://{tmp}/profile", "--headless", "--convert-to", "doc",
                        "--outdir", tmp, str(OUT / "report.docx")], check=True, capture_output=True, timeout=180)
        shutil.copy(Path(tmp) / "report.doc", OUT / "report.doc")
    (OUT / "report.doc.gt.json").write_text((OUT / "report.docx.gt.json").read_text("utf-8"), "utf-8")


def main() -> None:
    OUT.mkdir(parents=True, exist_ok=True)
    for name, make in (("onecol.pdf", make_onecol), ("twocol.pdf", make_twocol), ("epaper.pdf", make_epaper),
                       ("threecol.pdf", make_threecol),
                       ("table.pdf", make_table_pdf), ("boxtable.pdf", make_boxtable_pdf),
                       ("report.docx", make_docx)):
        truth = make()
        (OUT / f"{name}.gt.json").write_text(json.dumps(truth, ensure_ascii=False, indent=1), "utf-8")
    make_doc()
    for path in sorted(OUT.iterdir()):
        print(f"{path.stat().st_size:>8}  {path.name}")


if __name__ == "__main__":
    main()
