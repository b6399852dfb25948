"""The chat's HTML renderers: escaping, citation links, highlighted passages, filters."""

from __future__ import annotations

import pytest

from app.ui.render import (
    cited_spans,
    highlight,
    link_citations,
    make_filters,
    place_choices,
    render_conversation,
    render_sources,
    render_turn,
)

PASSAGE = "全区建立非公企业党组织416个。覆盖率达到64.7%。社会组织党组织47个。"


def _answer(found=True):
    cite = {"n": 1, "doc_id": "d", "title": "天桥<区>", "publisher": "济南日报", "date": "2020-06-30",
            "text": PASSAGE, "start": 0, "end": 15, "section": "", "district": "天桥区", "source": "a.txt"}
    return {"answer": "全区建立非公企业党组织416个。[1]" if found else "资料中没有找到。", "found": found,
            "resolved_question": "天桥区建立了多少个非公企业党组织？", "citations": [cite] if found else [],
            "closest": [] if found else [dict(cite, chunk_id="c1")], "mode": "extractive", "note": ""}


def test_link_citations_escapes_and_links_only_known_numbers():
    html = link_citations("<b>416个</b>[1][7]", turn=2, known={1})
    assert "&lt;b&gt;" in html and "<b>" not in html
    assert 'data-turn="2" data-n="1"' in html and "[7]" in html and 'data-n="7"' not in html


def test_highlight_marks_spans_and_clamps_offsets():
    out = highlight("<x>abcdef", 3, 6)
    assert out == '&lt;x&gt;<mark class="cited">abc</mark>def'
    assert highlight("abc", 5, 99) == "abc"
    assert highlight("abcdef", 0, 6, spans=[(4, 6), (0, 1)]).count("<mark") == 2


def test_cited_spans_finds_each_quoted_sentence_inside_the_citation():
    answer = "全区建立非公企业党组织416个。[1]覆盖率达到64.7%。[1]"
    spans = cited_spans(answer, 1, PASSAGE, 0, len(PASSAGE))
    assert [PASSAGE[a:b] for a, b in spans] == ["全区建立非公企业党组织416个。", "覆盖率达到64.7%。"]
    assert cited_spans(answer, 2, PASSAGE, 0, len(PASSAGE)) == []


def test_render_turn_and_sources_found_and_not_found():
    turn = render_turn(0, "天桥区<script>", _answer())
    assert "&lt;script&gt;" in turn and "理解为" in turn and 'class="cite"' in turn
    sources = render_sources(0, _answer())
    assert "天桥&lt;区&gt;" in sources and '<mark class="cited">' in sources and "济南日报" in sources
    refused = render_sources(0, _answer(found=False))
    assert "最接近" in refused and "open" in refused
    assert "notfound" in render_turn(1, "问", _answer(found=False))


def test_render_conversation_shows_only_the_last_turns_sources():
    chat, sources = render_conversation([{"question": "一", "answer": _answer()},
                                         {"question": "二", "answer": _answer()}], error="出错了")
    assert chat.count('class="pq-turn"') == 2 and "出错了" in chat
    assert sources.count("hidden") == 1


def test_make_filters_keeps_set_values_and_checks_dates():
    assert make_filters("天桥区", "", " 2020-01-01 ", None) == {"district": "天桥区", "date_from": "2020-01-01"}
    with pytest.raises(ValueError, match="YYYY-MM-DD"):
        make_filters("", "", "昨天", "")


def test_place_choices_most_frequent_first():
    docs = [{"places": ["天桥区", "济南市"]}, {"places": ["天桥区"]}, {"places": []}]
    assert place_choices(docs) == ["天桥区", "济南市"]
