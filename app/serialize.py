"""The public JSON shapes of hits and answers, shared by the HTTP API and the CLI."""

from __future__ import annotations

from retrieval.records import Answer, Hit

HIT_FIELDS = ("chunk_id", "doc_id", "title", "publisher", "date", "section", "text", "score", "start", "end")
CITATION_FIELDS = ("n", "doc_id", "title", "publisher", "date", "text", "start", "end")


def hit_json(hit: Hit) -> dict:
    """A hit as returned by ``/api/search``; ``district`` and ``source`` are extras."""
    return {**{k: getattr(hit, k) for k in HIT_FIELDS}, "district": hit.district, "source": hit.source}


def answer_json(ans: Answer) -> dict:
    """An answer as returned by ``/api/ask``; citations also carry section, district and source."""
    return {
        "answer": ans.text,
        "found": ans.found,
        "resolved_question": ans.resolved_question,
        "citations": [
            {**{k: getattr(c, k) for k in CITATION_FIELDS}, "section": c.section, "district": c.district,
             "source": c.source}
            for c in ans.citations
        ],
        "closest": [hit_json(h) for h in ans.hits[:3]] if not ans.found else [],
        "mode": ans.mode,
        "note": ans.note,
    }
