"""Dify metadata_condition → partyqa filters: what maps exactly, what is refused."""

from __future__ import annotations

import pytest

from app.api.dify_filters import UnsupportedConditionError, metadata_filters
from retrieval.filters import Filters


def cond(name, op, value=None) -> dict:
    return {"name": name, "comparison_operator": op, "value": value}


def mapped(*conditions, logic="and"):
    return metadata_filters({"logical_operator": logic, "conditions": list(conditions)})


@pytest.mark.parametrize("condition", [None, {}, {"logical_operator": "and", "conditions": []}])
def test_no_conditions_means_no_filter(condition):
    result = metadata_filters(condition)
    assert result.filters == {} and not result.matches_nothing


def test_each_supported_field_maps_to_its_filter():
    result = mapped(cond("district", "is", "荷塘区"), cond("publisher", "contains", "日报"),
                    cond("date", "after", "2017-01-01"), cond("doc_id", "in", ["a", "b"]))
    assert result.filters == {"district": ["荷塘区"], "publisher": "日报", "date_from": "2017-01-02",
                              "doc_ids": ["a", "b"]}
    Filters.parse(result.filters)  # partyqa accepts what the mapping makes


@pytest.mark.parametrize(
    ("op", "value", "bounds"),
    [
        ("before", "2020-06-30", {"date_to": "2020-06-29"}),
        ("<", "2020-06-30", {"date_to": "2020-06-29"}),
        ("≤", "2020-06-30", {"date_to": "2020-06-30"}),
        ("<=", "2020-06-30T08:00:00", {"date_to": "2020-06-30"}),
        (">", "2020-06-30", {"date_from": "2020-07-01"}),
        ("≥", "2020-06-30", {"date_from": "2020-06-30"}),
        ("is", "2020-06-30", {"date_from": "2020-06-30", "date_to": "2020-06-30"}),
        ("=", 1593475200, {"date_from": "2020-06-30", "date_to": "2020-06-30"}),  # Unix seconds, UTC
    ],
)
def test_date_comparisons_become_inclusive_bounds(op, value, bounds):
    assert mapped(cond("date", op, value)).filters == bounds


def test_and_intersects_dates_and_ids():
    result = mapped(cond("date", "≥", "2017-01-01"), cond("date", "before", "2018-01-01"),
                    cond("doc_id", "in", ["a", "b", "c"]), cond("doc_id", "in", ["c", "b"]))
    assert result.filters == {"date_from": "2017-01-01", "date_to": "2017-12-31", "doc_ids": ["b", "c"]}
    assert not result.matches_nothing
    assert mapped(cond("doc_id", "is", "a"), cond("doc_id", "is", "b")).matches_nothing
    assert mapped(cond("date", "after", "2020-01-01"), cond("date", "before", "2019-01-01")).matches_nothing


def test_or_unites_places_or_ids():
    places = mapped(cond("district", "is", "荷塘区"), cond("place", "in", ["涧西区", "荷塘区"]), logic="or")
    assert places.filters == {"district": ["荷塘区", "涧西区"]}
    ids = mapped(cond("doc_id", "is", "a"), cond("doc_id", "in", ["b"]), logic="OR")
    assert ids.filters == {"doc_ids": ["a", "b"]}
    assert mapped(cond("publisher", "is", "日报"), logic="or").filters == {"publisher": "日报"}


def test_a_name_given_as_a_one_item_list_is_accepted():
    assert mapped({"name": ["district"], "comparison_operator": "is", "value": "天桥区"}).filters == {
        "district": ["天桥区"]}


@pytest.mark.parametrize(
    ("conditions", "logic", "fragment"),
    [
        ([cond("title", "contains", "党建")], "and", "unsupported metadata name 'title'"),
        ([cond(["district", "publisher"], "is", "x")], "and", "unsupported metadata name"),
        ([cond("district", "not contains", "荷塘区")], "and", "operator 'not contains'"),
        ([cond("district", "is not", "荷塘区")], "and", "operator 'is not'"),
        ([cond("doc_id", "not in", ["a"])], "and", "operator 'not in'"),
        ([cond("publisher", "empty")], "and", "operator 'empty'"),
        ([cond("date", "≠", "2020-01-01")], "and", "operator '≠'"),
        ([cond("publisher", "in", ["a"])], "and", "operator 'in'"),
        ([cond("district", "is", "")], "and", "non-empty string"),
        ([cond("district", "is", ["a", "b"])], "and", "non-empty string"),
        ([cond("date", "before", "June 2020")], "and", "a date like"),
        ([cond("date", "before", "2020-13-40")], "and", "a date like"),
        ([cond("district", "is", "荷塘区"), cond("place", "is", "涧西区")], "and", "only one place"),
        ([cond("publisher", "is", "a"), cond("publisher", "is", "b")], "and", "only one publisher"),
        ([cond("district", "is", "荷塘区"), cond("publisher", "is", "日报")], "or", "all conditions must be"),
        ([cond("date", "after", "2020-01-01"), cond("date", "before", "2019-01-01")], "or", "all conditions"),
        ([cond("district", "is", "荷塘区")], "xor", "logical_operator"),
    ],
)
def test_conditions_partyqa_cannot_apply_are_refused(conditions, logic, fragment):
    with pytest.raises(UnsupportedConditionError, match=fragment) as info:
        mapped(*conditions, logic=logic)
    assert info.value.http_status == 400
