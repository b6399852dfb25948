"""Tests for index.ingest.load: loading the bundled articles and folders with bad files."""

from __future__ import annotations

import hashlib
import random

import pytest

from index.ingest.load import load_article, load_articles, source_name
from partyqa.errors import ReadError
from partyqa.hashing import bytes_hash
from partyqa.records import Article, content_hash
from partyqa.text.normalize import squash
from tests.paths import ARTICLES

FILES = sorted(ARTICLES.glob("*.txt"))


@pytest.fixture(scope="module")
def loaded() -> tuple[list[Article], list[ReadError]]:
    return load_articles([ARTICLES])


def test_bundled_folder_loads_without_errors(loaded):
    articles, errors = loaded
    assert errors == []
    assert [a.source for a in articles] == [f.name for f in FILES]
    assert len({a.doc_id for a in articles}) == 5


def test_article_fields(loaded):
    articles, _ = loaded
    by_prefix = {a.source[:3]: a for a in articles}
    for article, path in zip(articles, FILES, strict=True):
        data = path.read_bytes()
        assert article.file_hash == hashlib.sha1(data).hexdigest()[:16] == bytes_hash(data)
        assert article.doc_id == content_hash(squash(article.text))
        assert article.encoding == "utf-8"
        assert article.text and article.title
    assert (by_prefix["001"].title, by_prefix["001"].date, by_prefix["001"].publisher) == (
        "激活“黨建+”生命力 全力打造“天橋樣板”",
        "2020-06-30",
        "濟南日報",
    )
    assert by_prefix["001"].places[0] == "天桥区"
    assert "1153個網格" in by_prefix["001"].text
    assert [s.district for s in by_prefix["004"].sections] == ["天元区", "荷塘区", "云龙示范区"]
    assert by_prefix["002"].date == "2012-07-02" and by_prefix["002"].publisher == "洛阳日报"


def test_round_trip_through_dict(loaded):
    article = loaded[0][4]
    assert Article.from_dict(article.to_dict()) == article


def test_same_text_in_other_encoding_gets_same_doc_id(tmp_path):
    original = load_article(FILES[0])
    copy = tmp_path / "copy_gbk.txt"
    copy.write_bytes(FILES[0].read_text(encoding="utf-8").encode("gbk"))
    other = load_article(copy)
    assert other.doc_id == original.doc_id
    assert other.text == original.text
    assert other.file_hash != original.file_hash
    assert other.encoding in ("gbk", "gb18030")


def test_source_is_relative_to_root(tmp_path):
    nested = tmp_path / "2020" / "june"
    nested.mkdir(parents=True)
    target = nested / "a.txt"
    target.write_bytes(FILES[3].read_bytes())
    assert load_article(target, root=tmp_path).source == "2020/june/a.txt"
    assert load_article(target).source == "a.txt"
    assert source_name(target, root=ARTICLES) == "a.txt"
    articles, errors = load_articles([tmp_path])
    assert errors == [] and [a.source for a in articles] == ["2020/june/a.txt"]


def test_folder_with_good_undecodable_and_unsupported_files(tmp_path):
    (tmp_path / "good.txt").write_bytes(FILES[2].read_bytes())
    rng = random.Random(7)
    (tmp_path / "bad.txt").write_bytes(bytes(rng.randrange(256) for _ in range(3000)))
    (tmp_path / "paper.pdf").write_bytes(b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n1 0 obj\n<<>>\nendobj\n")
    (tmp_path / "sheet.xlsx").write_bytes(b"PK\x03\x04")
    articles, errors = load_articles([tmp_path])
    assert [a.source for a in articles] == ["good.txt"]
    assert articles[0].title == "抓党建保稳定 强组织惠民生"
    # the broken PDF is named and skipped; the unsupported file is not even listed
    assert sorted(e.path.name for e in errors) == ["bad.txt", "paper.pdf"]
    assert any("bad.txt" in str(e) for e in errors)


def test_explicit_bad_paths_are_reported(tmp_path):
    sheet = tmp_path / "sheet.xlsx"
    sheet.write_bytes(b"PK\x03\x04")
    missing = tmp_path / "missing.txt"
    articles, errors = load_articles([FILES[0], sheet, missing, FILES[0]])
    assert len(articles) == 1
    assert sorted(e.path.name for e in errors) == ["missing.txt", "sheet.xlsx"]
    assert next(e for e in errors if e.path.name == "sheet.xlsx").user_message == "sheet.xlsx：不支持的文件类型"


def test_debris_only_file_is_an_error(tmp_path):
    path = tmp_path / "empty.txt"
    path.write_text("阴影\n3上一版  下一版4\n【打印】\n?\n", encoding="utf-8")
    with pytest.raises(ReadError) as info:
        load_article(path)
    assert "empty.txt" in str(info.value)
    (tmp_path / "blank.md").write_text("", encoding="utf-8")
    articles, errors = load_articles([tmp_path])
    assert articles == [] and len(errors) == 2


def test_undecodable_file_raises_read_error(tmp_path):
    path = tmp_path / "binary.html"
    path.write_bytes(b"\x00\x01\x02\x03" * 100)
    with pytest.raises(ReadError) as info:
        load_article(path)
    assert info.value.path == path


def test_html_article(tmp_path):
    page = (
        '<html><head><meta charset="gbk"><title>荷塘区强化基层党组织能力建设_株洲日报</title></head><body>'
        "<nav>首页 | 新闻</nav><h1>荷塘区强化基层党组织能力建设</h1><p>发布日期：2017-09-28</p>"
        "<p>荷塘区坚持以“能力建设”为抓手，将党的建设与班子队伍建设、经济发展、社会治理紧密结合起来。</p>"
        "</body></html>"
    )
    path = tmp_path / "page.html"
    path.write_bytes(page.encode("gbk"))
    article = load_article(path)
    assert article.encoding == "gbk"
    assert article.title == "荷塘区强化基层党组织能力建设"
    assert article.date == "2017-09-28"
    assert "首页" not in article.text and "荷塘区坚持以“能力建设”为抓手" in article.text
    assert article.places == ["荷塘区", "株洲市", "湖南省"]  # the city and province above it are added
