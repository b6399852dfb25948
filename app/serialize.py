"""The public JSON shapes of hits and answers, shared by the HTTP API and the CLI."""

from __future__ import annotations

from partyqa.records import Answer, Hit

#: The fields of a :class:`Hit` in the public JSON, in order (the component scores stay internal).
HIT_FIELDS = ("chunk_id", "doc_id", "title", "publisher", "date", "section", "text", "score", "start", "end",
              "district", "source", "page")
#: The fields of a :class:`Citation` in the public JSON, in order (passage offsets stay internal).
CITATION_FIELDS = ("n", "doc_id", "title", "publisher", "date", "text", "start", "end", "section", "district", "source",
                   "page", "answer_start", "answer_end")


def hit_json(hit: Hit) -> dict:
    """A hit as returned by ``/api/search``."""
    return {k: getattr(hit, k) for k in HIT_FIELDS}


def answer_json(ans: Answer) -> dict:
    """An answer as returned by ``/api/ask``; citations also carry section, district and source."""
    return {
        "answer": ans.text,
        "found": ans.found,
        "resolved_question": ans.resolved_question,
        "citations": [{k: getattr(c, k) for k in CITATION_FIELDS} for c in ans.citations],
        "closest": [hit_json(h) for h in ans.hits[:3]] if not ans.found else [],
        "mode": ans.mode,
        "note": ans.note,
        "confidence": round(float(ans.confidence), 4),
    }
