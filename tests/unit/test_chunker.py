"""Unit tests of sentence splitting and chunking on tiny inline texts."""

from index.ingest.chunk import chunk_article, embedding_input
from partyqa.records import Article, Section
from partyqa.text.sentences import split_sentences


def _article(text: str, sections=()) -> Article:
    return Article(doc_id="d1", source="a.txt", text=text, title="标题", places=["天桥区"], sections=list(sections))


def test_split_sentences_keeps_offsets_and_punctuation():
    text = "第一句话。第二句话！\n标题行\n第三句“引用。”第四句"
    spans = split_sentences(text)
    pieces = [text[s.start : s.end] for s in spans]
    assert pieces == ["第一句话。", "第二句话！", "标题行", "第三句“引用。”", "第四句"]


def test_chunks_respect_sizes_overlap_and_offsets():
    sentences = [f"第{i}句讲述天桥区建立了{i * 7}个党组织的情况，覆盖率达到{i}0%。" for i in range(1, 40)]
    text = "".join(sentences)
    chunks = chunk_article(_article(text), min_chars=150, target=260, max_chars=350)
    assert len(chunks) > 3
    for c in chunks:
        assert text[c.start : c.end] == c.text
        assert len(c.text) <= 350
        assert c.text.endswith("。")
    # one-sentence overlap between neighbours
    for a, b in zip(chunks, chunks[1:]):
        assert b.start < a.end
        assert text[b.start : a.end] in sentences
    assert [c.ordinal for c in chunks] == list(range(len(chunks)))
    assert len({c.id for c in chunks}) == len(chunks)
    # every sentence is covered by some chunk
    covered = "".join(text[c.start : c.end] for c in chunks)
    assert all(s in covered for s in sentences)


def test_overlong_sentence_is_cut_at_clauses():
    long = "，".join(["天桥区推进区域化党建工作"] * 60) + "。"
    chunks = chunk_article(_article(long), max_chars=350)
    assert all(len(c.text) <= 350 for c in chunks)
    assert chunks[0].start == 0 and chunks[-1].end == len(long)


def test_sections_carry_heading_and_district():
    body1 = "天元区确立党建发展战略。" * 5
    body2 = "荷塘区新建非公有制经济组织党组织22个。" * 5
    text = f"天元区党建领航\n{body1}\n荷塘区三个工程\n{body2}"
    s1 = Section("天元区党建领航", 0, len("天元区党建领航\n" + body1), "天元区")
    s2_start = text.index("荷塘区三个工程")
    s2 = Section("荷塘区三个工程", s2_start, len(text), "荷塘区")
    chunks = chunk_article(_article(text, [s1, s2]))
    assert {c.district for c in chunks} == {"天元区", "荷塘区"}
    for c in chunks:
        if "22个" in c.text:
            assert c.section == "荷塘区三个工程" and c.district == "荷塘区"
    assert all(not (c.start < s2_start < c.end) for c in chunks), "no chunk crosses a section boundary"


def test_traditional_text_is_searchable_in_simplified():
    chunks = chunk_article(_article("全區劃分為1153個網格，建立起9097人的網格員隊伍。"))
    assert "全区划分为1153个网格" in chunks[0].search_text
    assert "網格" in chunks[0].text
    assert embedding_input(chunks[0]).startswith("标题\n")
