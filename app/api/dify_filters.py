"""Dify ``metadata_condition`` → partyqa search filters (pure functions).

Dify sends ``{"logical_operator": "and"|"or", "conditions": [{"name", "comparison_operator",
"value"}]}``. partyqa filters passages by place, publisher, date range and article ids, all
combined with AND, so only the conditions that mean the same thing are accepted:

=============================  ==============================  ===============================
metadata ``name``              operators                       meaning
=============================  ==============================  ===============================
``district``, ``place``        ``is``, ``contains``, ``in``    the passage's district, section
                                                               or a place it names matches
``publisher``                  ``is``, ``contains``            the publisher contains the value
``date``                       ``is``, ``=``, ``before``,      publication date; value
                               ``after``, ``<``, ``>``,        ``YYYY-MM-DD`` or Unix seconds
                               ``≤``/``<=``, ``≥``/``>=``
``doc_id``                     ``is``, ``=``, ``in``           the article ids
=============================  ==============================  ===============================

With ``and`` every field may appear once, except ``date`` (the bounds are intersected) and
``doc_id`` (the id sets are intersected). With ``or`` the conditions must all be about places
or all about article ids (their values are united). Anything else — other names, negations
(``not contains``, ``is not``, ``not in``, ``≠``), ``empty``/``not empty`` — is refused with
:class:`UnsupportedConditionError` rather than silently ignored.
"""

from __future__ import annotations

import datetime as _dt
import re
from dataclasses import dataclass, field

from partyqa.errors import FilterError

#: Metadata names, by the partyqa filter they map to.
FIELD_NAMES = {"district": "place", "place": "place", "publisher": "publisher", "date": "date",
               "doc_id": "doc_id"}
_OPERATORS = {
    "place": ("is", "contains", "in"),
    "publisher": ("is", "contains"),
    "date": ("is", "=", "before", "after", "<", ">", "≤", "<=", "≥", ">="),
    "doc_id": ("is", "=", "in"),
}
_DATE = re.compile(r"^(\d{4}-\d{2}-\d{2})(?:[T ].*)?$")


class UnsupportedConditionError(FilterError):
    """A metadata condition partyqa cannot apply exactly."""

    code = "unsupported_condition"


@dataclass
class MappedFilters:
    """The partyqa filters of a ``metadata_condition``.

    Attributes:
        filters: A mapping for :meth:`retrieval.filters.Filters.parse`.
        matches_nothing: True when the conditions contradict each other (no article can pass).
    """

    filters: dict = field(default_factory=dict)
    matches_nothing: bool = False


def _name(cond: dict, where: str) -> str:
    """The partyqa field of a condition's ``name`` (a string, or a list holding one string)."""
    name = cond.get("name")
    if isinstance(name, list) and len(name) == 1:
        name = name[0]
    if not isinstance(name, str) or name.strip().lower() not in FIELD_NAMES:
        raise UnsupportedConditionError(
            f"{where}: unsupported metadata name {name!r}; supported: {', '.join(FIELD_NAMES)}")
    return FIELD_NAMES[name.strip().lower()]


def _texts(value, where: str, many: bool) -> list[str]:
    """A condition value as a list of non-empty strings (a list only where ``many``)."""
    values = value if isinstance(value, list) and many else [value]
    if not values or not all(isinstance(v, str) and v.strip() for v in values):
        kind = "a non-empty string or a list of them" if many else "a non-empty string"
        raise UnsupportedConditionError(f"{where}: the value must be {kind}")
    return [v.strip() for v in values]


def _date(value, where: str) -> _dt.date:
    """A date from ``YYYY-MM-DD`` (a time after it is ignored) or from Unix seconds (UTC)."""
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        try:
            return _dt.datetime.fromtimestamp(value, _dt.timezone.utc).date()
        except (OverflowError, OSError, ValueError):
            pass
    elif isinstance(value, str) and (m := _DATE.match(value.strip())):
        try:
            return _dt.date.fromisoformat(m.group(1))
        except ValueError:
            pass
    raise UnsupportedConditionError(f"{where}: the value must be a date like 2020-06-30 or Unix seconds")


def _bounds(op: str, day: _dt.date) -> tuple[_dt.date | None, _dt.date | None]:
    """Inclusive ``(from, to)`` bounds of a date comparison."""
    one = _dt.timedelta(days=1)
    if op in ("is", "="):
        return day, day
    if op in ("before", "<"):
        return None, day - one
    if op in ("after", ">"):
        return day + one, None
    if op in ("≤", "<="):
        return None, day
    return day, None  # ≥ / >=


def metadata_filters(condition: dict | None) -> MappedFilters:
    """Map a Dify ``metadata_condition`` onto partyqa filters (see the module docstring).

    Raises:
        UnsupportedConditionError: For a name, operator, value or combination partyqa cannot apply.
    """
    if not condition or not condition.get("conditions"):
        return MappedFilters()
    logic = str(condition.get("logical_operator") or "and").strip().lower()
    if logic not in ("and", "or"):
        raise UnsupportedConditionError(f"logical_operator must be 'and' or 'or', not {logic!r}")
    parsed = []
    for i, cond in enumerate(condition["conditions"]):
        where = f"metadata_condition.conditions[{i}]"
        if not isinstance(cond, dict):
            raise UnsupportedConditionError(f"{where} must be an object")
        name = _name(cond, where)
        op = str(cond.get("comparison_operator") or "").strip().lower()
        if op not in _OPERATORS[name]:
            raise UnsupportedConditionError(
                f"{where}: operator {op!r} is not supported for {name}; use {', '.join(_OPERATORS[name])}")
        value = cond.get("value")
        parsed.append((name, op, _date(value, where) if name == "date" else _texts(value, where, op == "in")))
    names = {name for name, _, _ in parsed}
    if logic == "or" and len(parsed) > 1 and not (names == {"place"} or names == {"doc_id"}):
        raise UnsupportedConditionError("with logical_operator 'or', all conditions must be about places "
                                        "(district/place) or all about article ids (doc_id)")
    return _combine(parsed, logic)


def _combine(parsed: list[tuple], logic: str) -> MappedFilters:
    """Merge checked conditions into one filter mapping."""
    out: dict = {}
    nothing = False
    low: _dt.date | None = None
    high: _dt.date | None = None
    for name, op, value in parsed:
        if name == "date":
            lo, hi = _bounds(op, value)
            low = lo if low is None or (lo is not None and lo > low) else low
            high = hi if high is None or (hi is not None and hi < high) else high
        elif name == "doc_id" and "doc_ids" in out:
            out["doc_ids"] = ([d for d in out["doc_ids"] if d in value] if logic == "and"
                              else list(dict.fromkeys(out["doc_ids"] + value)))
            nothing = nothing or not out["doc_ids"]
        elif name == "doc_id":
            out["doc_ids"] = list(value)
        elif name == "place" and "district" in out and logic == "or":
            out["district"] = list(dict.fromkeys(out["district"] + value))
        elif name in ("place", "publisher") and ("district" if name == "place" else name) in out:
            raise UnsupportedConditionError(f"only one {name} condition can be combined with 'and'")
        elif name == "place":
            out["district"] = list(value)
        else:
            out["publisher"] = value[0]
    if low is not None:
        out["date_from"] = low.isoformat()
    if high is not None:
        out["date_to"] = high.isoformat()
    return MappedFilters(out, nothing or (low is not None and high is not None and low > high))
