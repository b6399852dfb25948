"""The chat's HTML renderers: escaping, citation links, highlighted passages, sources, filter chips."""

from __future__ import annotations

import re

from app.ui.render import (
    NOT_FOUND,
    cited_spans,
    filter_chips,
    highlight,
    link_citations,
    render_answer,
    render_partial,
    render_question,
    render_sources,
)

PASSAGE = "全区建立非公企业党组织416个。覆盖率达到64.7%。社会组织党组织47个。"
SCRIPT = "<script>alert(1)</script>"
IMG = '<img src=x onerror="alert(1)">'


def _answer(found=True, **cite_extra):
    cite = {"n": 1, "doc_id": "d", "title": "天桥<区>", "publisher": "济南日报", "date": "2020-06-30",
            "text": PASSAGE, "start": 0, "end": 15, "section": "", "district": "天桥区", "source": "a.txt",
            **cite_extra}
    return {"answer": "全区建立非公企业党组织416个。[1]" if found else "资料中没有找到关于“员工”的内容。",
            "found": found, "resolved_question": "天桥区建立了多少个非公企业党组织？",
            "citations": [cite] if found else [], "closest": [] if found else [dict(cite, chunk_id="c1")],
            "mode": "extractive", "note": ""}


def _no_raw_markup(html: str) -> None:
    """No tag or attribute from the injected strings survives unescaped."""
    assert "<script" not in html and "<img" not in html and "onerror=\"alert" not in html.replace("&quot;", "")


def test_link_citations_escapes_and_links_only_known_numbers():
    html = link_citations("<b>416个</b>[1][7]", turn=2, known={1})
    assert "&lt;b&gt;" in html and "<b>" not in html
    assert 'data-turn="2" data-n="1"' in html and "[7]" in html and 'data-n="7"' not in html


def test_highlight_marks_spans_and_clamps_offsets():
    out = highlight("<x>abcdef", 3, 6)
    assert out == '&lt;x&gt;<mark class="cited">abc</mark>def'
    assert highlight("abc", 5, 99) == "abc"
    assert highlight("abcdef", 0, 6, spans=[(4, 6), (0, 1)]).count("<mark") == 2


def test_highlight_emphasises_the_answer_span_inside_the_cited_sentence():
    out = highlight("前文。全区<有>416个。后文", 3, 13, emphasis=(8, 12))
    assert out == '前文。<mark class="cited">全区&lt;有&gt;<strong class="pq-span">416个</strong>。</mark>后文'
    assert "pq-span" not in highlight("abc", 0, 3, emphasis=(2, 2))
    assert "pq-span" not in highlight("abc", 0, 3, emphasis=None)


def test_cited_spans_finds_each_quoted_sentence_inside_the_citation():
    answer = "全区建立非公企业党组织416个。[1]覆盖率达到64.7%。[1]"
    spans = cited_spans(answer, 1, PASSAGE, 0, len(PASSAGE))
    assert [PASSAGE[a:b] for a, b in spans] == ["全区建立非公企业党组织416个。", "覆盖率达到64.7%。"]
    assert cited_spans(answer, 2, PASSAGE, 0, len(PASSAGE)) == []


def test_answer_message_holds_its_own_sources_and_escapes_everything():
    msg = render_answer(3, "天桥区" + SCRIPT, dict(_answer(), note=IMG))
    assert "理解为" in msg and 'class="cite"' in msg and 'data-turn="3"' in msg
    assert '<details class="source" id="src-3-1" data-turn="3" data-n="1">' in msg
    assert "天桥&lt;区&gt;" in msg and '<mark class="cited">' in msg and "济南日报" in msg
    assert 'class="pq-copy"' in msg
    _no_raw_markup(msg)
    _no_raw_markup(render_question(SCRIPT + IMG))
    _no_raw_markup(render_partial(0, "部分" + SCRIPT))


def test_answer_span_is_emphasised_only_when_the_citation_carries_it():
    with_span = render_answer(0, "问", _answer(answer_start=11, answer_end=15))
    assert '<strong class="pq-span">416个</strong>' in with_span
    assert "pq-span" not in render_answer(0, "问", _answer())


def test_not_found_says_so_once_and_lists_the_closest_passages():
    refused = render_answer(1, "员工有多少？", _answer(found=False))
    assert refused.count(NOT_FOUND) == 1 and "notfound" in refused
    assert "最接近的段落" in refused and 'class="cite"' not in refused
    bare = render_answer(1, "问", dict(_answer(found=False), answer="没有相关内容。"))
    assert bare.count(NOT_FOUND) == 1
    listed = dict(_answer(found=False), answer="资料中没有找到关于“x”的内容。最接近的段落来自：\n1. 《天桥》")
    assert "《天桥》" not in render_answer(1, "问", listed)  # listed once, as expandable sources
    assert "《天桥》" in render_answer(1, "问", dict(listed, closest=[]))


def test_a_chat_reply_is_shown_as_it_is_never_as_a_refusal_with_passages():
    reply = {"answer": "不客气。还有问题可以接着问我。", "found": False, "resolved_question": "谢谢",
             "citations": [], "closest": [], "mode": "chat", "note": "", "confidence": 0.0}
    msg = render_answer(2, "谢谢", reply)
    assert NOT_FOUND not in msg and "notfound" not in msg and "pq-msg chat" in msg
    assert "不客气" in msg and "pq-sources" not in msg
    # even if passages came along, a chat reply lists none
    assert "最接近的段落" not in render_answer(2, "谢谢", dict(reply, closest=_answer(found=False)["closest"]))
    # a refusal (mode extractive) still says so
    assert NOT_FOUND in render_answer(2, "员工有多少？", _answer(found=False))


def test_render_sources_lists_each_source_once():
    ans = _answer()
    ans["citations"] = ans["citations"] * 2
    assert render_sources(0, ans).count("<details") == 1
    assert render_sources(0, dict(_answer(found=False), closest=[])) == ""


def test_filter_chips_name_each_active_filter_escaped():
    chips = filter_chips({"district": "天桥<区>", "date_from": "2020-01-01", "date_to": "2020-12-31"}, label="当前筛选")
    assert re.findall(r'class="pq-chip">([^<]*)<', chips) == ["地区：天桥&lt;区&gt;", "日期：2020-01-01 至 2020-12-31"]
    assert "当前筛选" in chips
    assert filter_chips({"date_to": "2020-12-31"}).count("之前") == 1
    assert filter_chips({}) == "" and filter_chips(None) == ""
    assert "pq-bad" in filter_chips({}, error="日期" + SCRIPT) and "<script" not in filter_chips({}, error=SCRIPT)
    assert "地区：天桥区" in render_answer(0, "问", _answer(), {"district": "天桥区"})


def test_streamed_partial_answer_has_no_sources_yet():
    partial = render_partial(2, "全区建立[1]")
    assert "streaming" in partial and "<details" not in partial and 'class="cite"' not in partial
    assert "pending" in render_partial(2, "")
