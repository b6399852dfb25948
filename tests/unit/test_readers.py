"""Tests for index.ingest.decode: finding files and detecting encodings, on the bundled articles."""

from __future__ import annotations

import random

import pytest

from index.ingest.decode import declared_charset, decode_bytes, plausibility, read_file
from index.ingest.files import MAX_FILE_BYTES, find_files
from partyqa.errors import ReadError
from tests.paths import ARTICLES

SIMPLIFIED = (ARTICLES / "000_6de42d482a8a57c5.txt").read_text(encoding="utf-8")
TRADITIONAL = (ARTICLES / "001_1a535275e86f51e6.txt").read_text(encoding="utf-8")
# A traditional-script passage of 001 (the whole file has characters outside Big5).
TRADITIONAL_BODY = next(line.strip() for line in TRADITIONAL.splitlines() if "1153個網格" in line)

FAMILIES = {
    "utf-8": {"utf-8"},
    "utf-8-sig": {"utf-8-sig"},
    "utf-16": {"utf-16", "utf-16-le", "utf-16-be"},
    "gb18030": {"gb18030", "gbk", "gb2312"},
    "gbk": {"gb18030", "gbk", "gb2312"},
    "big5": {"big5", "cp950", "big5hkscs"},
}


def test_find_files_on_bundled_folder_skips_sources_md():
    files = find_files([ARTICLES])
    assert [f.name for f in files] == sorted(f.name for f in ARTICLES.glob("*.txt"))
    assert len(files) == 5
    assert all(f.name != "SOURCES.md" for f in files)


def test_find_files_recursive_hidden_case_and_dedup(tmp_path):
    (tmp_path / "sub" / "deeper").mkdir(parents=True)
    (tmp_path / ".hidden").mkdir()
    wanted = [
        tmp_path / "a.txt",
        tmp_path / "B.HTML",
        tmp_path / "sub" / "c.md",
        tmp_path / "sub" / "deeper" / "d.markdown",
        tmp_path / "sub" / "e.htm",
        tmp_path / "g.pdf",
        tmp_path / "h.docx",
    ]
    ignored = [
        tmp_path / "README.md",
        tmp_path / "sub" / "SOURCES.md",
        tmp_path / ".secret.txt",
        tmp_path / ".hidden" / "f.txt",
        tmp_path / "g.xlsx",
        tmp_path / "h.exe",
    ]
    for path in wanted + ignored:
        path.write_text("天桥区党建工作。", encoding="utf-8")
    found = find_files([tmp_path, tmp_path / "a.txt", tmp_path / "sub", tmp_path / "missing.txt"])
    assert sorted(p.resolve() for p in found) == sorted(p.resolve() for p in wanted)
    assert found == sorted(found, key=str)
    assert len(found) == len({p.resolve() for p in found})


@pytest.mark.parametrize("encoding", ["utf-8", "utf-8-sig", "gb18030", "gbk", "utf-16"])
def test_simplified_text_round_trips(encoding):
    text, name = decode_bytes(SIMPLIFIED.encode(encoding))
    assert text == SIMPLIFIED
    assert name in FAMILIES[encoding]


@pytest.mark.parametrize("encoding", ["utf-8", "utf-8-sig", "gb18030", "big5", "utf-16"])
def test_traditional_text_round_trips(encoding):
    text, name = decode_bytes(TRADITIONAL_BODY.encode(encoding))
    assert text == TRADITIONAL_BODY
    assert name in FAMILIES[encoding]


def test_whole_traditional_article_in_gb18030():
    text, name = decode_bytes(TRADITIONAL.encode("gb18030"))
    assert text == TRADITIONAL
    assert name in FAMILIES["gb18030"]


@pytest.mark.parametrize(
    ("sample", "encoding"),
    [
        ("抓党建保稳定 强组织惠民生", "gbk"),
        ("激活“黨建+”生命力 全力打造“天橋樣板”", "big5"),
        ("中原区:党建引领 铺就基层治理“幸福底色”", "gb18030"),
    ],
)
def test_short_headlines_are_detected(sample, encoding):
    text, name = decode_bytes(sample.encode(encoding))
    assert text == sample
    assert name in FAMILIES[encoding]


def test_utf16_without_bom_is_detected():
    text, name = decode_bytes(SIMPLIFIED.encode("utf-16-le"))
    assert text == SIMPLIFIED
    assert name == "utf-16-le"


def test_wrong_decodings_score_lower_than_right_ones():
    big5 = TRADITIONAL_BODY.encode("big5")
    assert plausibility(big5.decode("big5")) > 0.5
    assert plausibility(big5.decode("gb18030")) < 0.3


def test_random_bytes_raise_read_error_naming_the_file(tmp_path):
    path = tmp_path / "noise.txt"
    rng = random.Random(1234)
    path.write_bytes(bytes(rng.randrange(256) for _ in range(4000)))
    with pytest.raises(ReadError) as info:
        read_file(path)
    assert info.value.path == path
    assert "noise.txt" in str(info.value)


def test_binary_with_nul_bytes_is_refused():
    with pytest.raises(ReadError):
        decode_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x01\x00" * 40)


def test_html_meta_charset_is_honoured():
    page = (
        '<html><head><meta charset="gbk"><title>天桥区党建</title></head>'
        "<body><p>天桥区在全区各级党组织开展活动。</p></body></html>"
    )
    data = page.encode("gbk")
    assert declared_charset(data) == "gbk"
    text, name = decode_bytes(data)
    assert text == page
    assert name == "gbk"


def test_http_equiv_charset_declaration():
    page = (
        '<html><head><meta http-equiv="Content-Type" content="text/html; charset=big5"></head>'
        "<body><p>全區劃分為1153個網格。</p></body></html>"
    )
    text, name = decode_bytes(page.encode("big5"))
    assert text == page
    assert name in FAMILIES["big5"]


def test_read_file_bundled_article():
    text, name = read_file(ARTICLES / "002_1e05c322bb196bbc.txt")
    assert name == "utf-8"
    assert "涧西区" in text


def test_missing_file_raises_read_error(tmp_path):
    path = tmp_path / "gone.txt"
    with pytest.raises(ReadError) as info:
        read_file(path)
    assert info.value.path == path
    assert "gone.txt" in str(info.value)


def test_folder_is_not_a_readable_file(tmp_path):
    with pytest.raises(ReadError):
        read_file(tmp_path)


def test_too_large_file_is_refused(tmp_path):
    path = tmp_path / "huge.txt"
    with path.open("wb") as handle:
        handle.truncate(MAX_FILE_BYTES + 1)
    with pytest.raises(ReadError) as info:
        read_file(path)
    assert "too large" in str(info.value)
