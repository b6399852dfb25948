"""Example questions mined at index time: each kind only where an article supports it.

Every article here is invented for the test.
"""

from __future__ import annotations

from index.ingest.examples import (
    compare_questions,
    count_facts,
    example_questions,
    how_questions,
    when_questions,
    which_questions,
    who_questions,
)
from partyqa.records import Article

# Article A: a district bulletin with a quoted party secretary, an enumeration, a heading and counts.
A = Article(doc_id="a", source="a.txt", title="青禾区党建工作纪实", date="2021-05-06", places=["青禾区"], text=(
    "青禾区党建工作纪实\n"
    "青禾区委书记周明远说，基层党建要落到实处。\n"
    "夯实社区党组织战斗堡垒\n"
    "为提升党务能力，5月20日，青禾区委组织部举办党务干部培训班。\n"
    "今年以来，全区新建社会组织党组织12个，街道涌现出“邻里议事厅”、“红色跑腿队”、“夜间便民站”等服务品牌。\n"))
# Article B: another district, the same counted thing, no office holder quoted, no dated headline.
B = Article(doc_id="b", source="b.txt", title="b", date="", places=["石桥县"], text=(
    "石桥县组织部门加强农村党员教育。\n"
    "全县新建社会组织党组织5个，书记们表示要继续努力。\n"
    "各村举办了讲座、培训等，效果很好。5月21日，大家一起讨论了下一步打算。\n"))


def test_count_facts_and_comparison_across_two_places():
    facts = count_facts(A) + count_facts(B)
    assert [f.question for f in facts] == ["青禾区新建了多少个社会组织党组织？", "石桥县新建了多少个社会组织党组织？"]
    assert compare_questions(facts) == ["青禾区和石桥县各新建了多少个社会组织党组织？"]
    assert compare_questions(count_facts(A)) == []  # one place only: nothing to compare


def test_who_needs_a_named_office_holder_of_a_place():
    assert who_questions(A) == ["青禾区委书记是谁？"]
    assert who_questions(B) == []  # “书记们表示” names nobody


def test_which_needs_an_enumeration_ending_in_a_known_noun():
    assert which_questions(A) == ["青禾区涌现出哪些服务品牌？"]
    assert which_questions(B) == []  # “举办了讲座、培训等，” has no noun after 等


def test_when_needs_a_dated_sentence_about_a_place():
    assert when_questions(A) == ["青禾区委组织部哪天举办党务干部培训班？"]
    assert when_questions(B) == []  # the dated sentence names no place


def test_how_needs_a_heading_line_with_a_way_of_working():
    assert how_questions(A) == ["青禾区是怎样夯实社区党组织战斗堡垒的？"]
    assert how_questions(B) == []  # “加强农村党员教育” is inside a sentence, not a heading


def test_example_questions_start_with_one_of_each_kind():
    questions = example_questions([B, A], limit=6)
    assert questions == ["青禾区新建了多少个社会组织党组织？", "青禾区和石桥县各新建了多少个社会组织党组织？",
                         "青禾区委书记是谁？", "青禾区涌现出哪些服务品牌？", "青禾区委组织部哪天举办党务干部培训班？",
                         "青禾区是怎样夯实社区党组织战斗堡垒的？"]
    assert example_questions([]) == []
