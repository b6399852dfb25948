"""Readers of PDF, Word, .doc and scanned documents on the generated files in tests/data/docs.

The documents and their ground truth come from ``scripts/make_test_documents.py``; the scans
are made here from the text PDF (rendered, rotated, noised), so only one small page is OCR'd
per test (OCR takes seconds per page on two cores).
"""

from __future__ import annotations

import shutil

import pytest

from index.ingest.chunk import chunk_article
from index.ingest.load import load_articles, load_file
from index.ingest.office import read_doc
from index.ingest.pdf import read_pdf
from index.ingest.pdftables import box_edges, find_tables
from partyqa.errors import ReadError
from tests.docmetrics import DOCS, char_accuracy, truth, truth_text


def _pdf_text(name: str) -> str:
    path = DOCS / name
    return "\n".join(page.text for page in read_pdf(path, path.read_bytes()))


@pytest.mark.parametrize("name", ["onecol.pdf", "twocol.pdf", "table.pdf", "boxtable.pdf"])
def test_text_pdfs_are_read_in_reading_order(name):
    # twocol.pdf draws its columns row-interleaved and table.pdf its table column by column:
    # only a geometric reading order (and ruled-table rows) gets 0.99
    assert char_accuracy(_pdf_text(name), truth_text(name)) >= 0.99


def test_ruled_table_rows_stay_rows():
    text = _pdf_text("table.pdf")
    assert "东湖街道 | 41 | 1365\n柳岸街道 | 37 | 1208" in text
    assert text.index("柳岸街道") < text.index("二、下一步打算")  # the heading after the table stays after it


def test_a_table_of_bordered_cells_is_read_row_by_row():
    # boxtable.pdf draws each cell as a rectangle, column by column (as report tools do)
    text = _pdf_text("boxtable.pdf")
    assert "指标 | 2021年 | 2022年 | 2023年\n村级集体经济总收入（万元） | 126 | 203 | 318" in text
    assert text.index("| 9") < text.index("说明：") < text.index("下一步")  # the framed note after it


def test_one_framed_box_is_no_table_but_a_grid_of_boxes_is():
    note = (70.0, 300.0, 450.0, 345.0)
    assert find_tables([], [note]) == []  # a side note framed by one rectangle
    cells = [(x, y, x + 100.0, y + 25.0) for x in (70.0, 170.0) for y in (300.0, 325.0)]
    [(xs, ys)] = find_tables([], cells)
    assert len(xs) == 3 and len(ys) == 3
    # the same frame drawn as four thin rules is a ruled grid of one cell, as before
    assert len(find_tables(box_edges(note))) == 1


def test_every_chunk_knows_its_pdf_page():
    article = load_file(DOCS / "onecol.pdf")[0]
    assert [span.page for span in article.pages] == [1, 2]
    assert "— 1 —" not in article.text  # page numbers are debris
    chunks = chunk_article(article, 60, 100, 140)
    second = article.pages[1].start
    assert article.text[second:].startswith(truth("onecol.pdf")["pages"][1][0])
    assert {c.page for c in chunks if c.start >= second} == {2}
    assert {c.page for c in chunks if c.start < second} == {1}


def test_epaper_page_is_split_into_its_articles():
    articles = load_file(DOCS / "epaper.pdf")
    expected = truth("epaper.pdf")["articles"]
    assert [a.title for a in articles] == [lines[0] for lines in expected]
    for article, lines in zip(articles, expected, strict=True):
        body = article.text[article.text.index(lines[0]) :]  # after the page header (paper, date)
        assert char_accuracy(body, "\n".join(lines)) >= 0.99
        assert article.date == "2024-05-20" and article.publisher == "南湖日报"  # masthead + 本报讯
    assert articles[0].people("reporter") == ["林晓禾"] and articles[0].people("correspondent") == ["沈一鸣"]


def test_three_column_page_with_narrow_gutter_and_hanging_punctuation():
    # A 1.4-em gutter minus a hanging ， is under one em: only the columns' left edges keep them
    # apart. The headline and its deck make one title line, the centred byline comes before the body,
    # and the section name and the advert are page furniture, not articles: the section name
    # joins the page header, the advert (with the page footer a real page has under it) each
    # article's end.
    articles = load_file(DOCS / "threecol.pdf")
    expected = truth("threecol.pdf")["articles"]
    assert [a.title for a in articles] == [lines[0] for lines in expected]
    for article, lines in zip(articles, expected, strict=True):
        body = article.text[article.text.index(lines[0]) : article.text.index("节水护水")]
        assert char_accuracy(body, "\n".join(lines)) >= 0.99
        assert "区县新闻" in article.text[: article.text.index(lines[0])]
    main = articles[0]
    assert main.people("reporter") == ["林晓禾"] and main.people("correspondent") == ["沈一鸣"]
    assert main.date == "2024-05-20"
    assert "南湖市直机关工委日前组织八十六个机关党支部与城区社区结对" in main.text  # one paragraph across a column break


def test_docx_paragraphs_headings_and_table_rows():
    article = load_file(DOCS / "report.docx")[0]
    assert char_accuracy(article.text, truth_text("report.docx")) >= 0.99
    assert "东湖街道 | 41 | 1365" in article.text  # a table is content, not a navigation bar
    assert article.title == "青柳区2024年一季度党建工作情况报告" and article.encoding == "docx"


@pytest.mark.skipif(not any(shutil.which(t) for t in ("antiword", "catdoc", "soffice")), reason="no .doc converter")
def test_doc_and_wps_through_a_converter(tmp_path):
    wps = tmp_path / "report.wps"
    wps.write_bytes((DOCS / "report.doc").read_bytes())  # WPS 文字 files are Word-97 files
    for path in (DOCS / "report.doc", wps):
        article = load_file(path)[0]
        assert char_accuracy(article.text, truth_text("report.doc")) >= 0.99
        assert article.encoding.startswith("doc:")


def test_missing_doc_converter_is_named(monkeypatch):
    monkeypatch.setattr(shutil, "which", lambda name: None)
    with pytest.raises(ReadError) as info:
        read_doc(DOCS / "report.doc", b"")
    assert "antiword" in str(info.value) and "antiword" in info.value.user_message


def test_broken_files_are_named_and_skipped(tmp_path):
    (tmp_path / "good.docx").write_bytes((DOCS / "report.docx").read_bytes())
    (tmp_path / "broken.pdf").write_bytes(b"%PDF-1.4 not really")
    (tmp_path / "broken.docx").write_bytes(b"PK\x03\x04 broken zip")
    (tmp_path / "broken.png").write_bytes(b"\x89PNG broken")
    articles, errors = load_articles([tmp_path])
    assert [a.source for a in articles] == ["good.docx"]
    assert sorted(e.path.name for e in errors) == ["broken.docx", "broken.pdf", "broken.png"]
    assert all(e.user_message and "/" not in e.user_message for e in errors)
