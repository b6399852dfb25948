"""Inputs that made the old cleaning quadratic (issue 11) are cleaned correctly.

Speed is measured by ``bench/ingest_speed.py`` (hostile_clean_seconds), never asserted here:
these tests check that such pages still give their real text and nothing of the payload.
"""

from __future__ import annotations

import pytest

from bench.ingest_speed import HOSTILE, hostile_payload
from index.ingest.clean import clean_text
from index.ingest.html import has_html_tags, strip_tags


@pytest.mark.parametrize("name", sorted(HOSTILE))
def test_hostile_payload_keeps_the_real_text(name):
    suffix, unit = HOSTILE[name]
    text = clean_text(hostile_payload(unit, 48), suffix)
    assert "天桥区党建工作推进会召开。" in text
    assert "会议要求各街道抓好落实。" in text


def test_unclosed_comment_and_script_are_left_as_text_not_searched_again():
    # an unclosed comment stays text; an unclosed <script> is a stray tag: it goes, the text stays
    assert strip_tags("甲<!-- 乙 <!-- 丙 <script>丁 <script>戊") == "甲<!-- 乙 <!-- 丙 丁 戊"
    assert strip_tags("甲<!-- x -->乙<script>var a=1;</script>丙") == "甲乙丙"


def test_tag_like_text_is_kept_and_real_tags_go():
    assert strip_tags("指标 a<b 且 c>d 的情况。") == "指标 a<b 且 c>d 的情况。"
    assert strip_tags('第一段</p>\n<p class="x">第二段') == "第一段\n第二段"
    assert has_html_tags("<a <a <a") is False
