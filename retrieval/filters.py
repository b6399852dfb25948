"""Search filters: district/place, publisher, date range and document ids."""

from __future__ import annotations

import datetime as _dt
import re
from dataclasses import dataclass, field

from partyqa.errors import FilterError
from partyqa.records import Chunk
from partyqa.text.normalize import normalize

ALLOWED = ("district", "place", "publisher", "date_from", "date_to", "doc_ids")
_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")


@dataclass
class Filters:
    """Validated filters; empty fields do not filter.

    Attributes:
        places: The passage's district or section, or a place the passage itself names,
            must match one of these.
        publisher: Substring of the publisher (either script).
        date_from / date_to: Inclusive ``YYYY-MM-DD`` bounds; undated articles are excluded
            when a bound is set.
        doc_ids: Only these articles.
    """

    places: list[str] = field(default_factory=list)
    publisher: str = ""
    date_from: str = ""
    date_to: str = ""
    doc_ids: list[str] = field(default_factory=list)

    @classmethod
    def parse(cls, raw: dict | None) -> Filters:
        """Validate a filter mapping such as ``{"district": "天桥区", "date_from": "2020-01-01"}``.

        Raises:
            FilterError: On an unknown key or a malformed value.
        """
        if not raw:
            return cls()
        if not isinstance(raw, dict):
            raise FilterError("filters must be an object")
        unknown = sorted(set(raw) - set(ALLOWED))
        if unknown:
            raise FilterError(f"unknown filter(s): {', '.join(unknown)}; allowed: {', '.join(ALLOWED)}")
        places: list[str] = []
        for key in ("district", "place"):
            places.extend(_texts(raw.get(key), key))
        for key in ("date_from", "date_to"):
            _check_date(raw.get(key), key)
        doc_ids = raw.get("doc_ids") or []
        if not isinstance(doc_ids, list) or not all(isinstance(d, str) for d in doc_ids):
            raise FilterError("doc_ids must be a list of strings")
        publisher = raw.get("publisher") or ""
        if not isinstance(publisher, str):
            raise FilterError("publisher must be a string")
        return cls(
            places=[normalize(p).strip() for p in places if p.strip()],
            publisher=normalize(publisher).strip(),
            date_from=raw.get("date_from") or "",
            date_to=raw.get("date_to") or "",
            doc_ids=list(doc_ids),
        )

    @property
    def active(self) -> bool:
        """True if any filter is set."""
        return bool(self.places or self.publisher or self.date_from or self.date_to or self.doc_ids)

    def accepts(self, chunk: Chunk) -> bool:
        """True if ``chunk`` passes every filter."""
        if self.doc_ids and chunk.doc_id not in self.doc_ids:
            return False
        if self.places:
            own = [normalize(chunk.district)] if chunk.district else []
            if chunk.section:
                own.append(normalize(chunk.section))
            own.extend(n for n in (normalize(p) for p in chunk.places) if n in chunk.search_text)
            if not any(p in o or o in p for p in self.places for o in own if o):
                return False
        if self.publisher and self.publisher not in normalize(chunk.publisher):
            return False
        if self.date_from or self.date_to:
            if not chunk.date:
                return False
            if self.date_from and chunk.date < self.date_from:
                return False
            if self.date_to and chunk.date > self.date_to:
                return False
        return True


def _texts(value, key: str) -> list[str]:
    """A filter value that is text or a list of texts, as a list.

    Raises:
        FilterError: For numbers, booleans, nulls inside lists or nested lists.
    """
    if value is None or value == "" or value == []:
        return []
    if isinstance(value, str):
        return [value]
    if isinstance(value, list) and all(isinstance(v, str) for v in value):
        return list(value)
    raise FilterError(f"{key} must be text or a list of texts")


def _check_date(value, key: str) -> None:
    """Refuse anything but an empty value or a real calendar date ``YYYY-MM-DD``.

    Raises:
        FilterError: For other shapes and impossible dates such as ``2020-13-99``.
    """
    if value is None or value == "":
        return
    if not isinstance(value, str) or not _DATE.match(value):
        raise FilterError(f"{key} must be a date like 2020-06-30, got {value!r}")
    try:
        _dt.date.fromisoformat(value)
    except ValueError:
        raise FilterError(f"{key} is not a real date: {value!r}") from None
