"""Dify's External Knowledge API: ``POST /retrieval``, so Dify apps can search partyqa.

Request (as Dify sends it)::

    {"knowledge_id": "partyqa", "query": "…",
     "retrieval_setting": {"top_k": 5, "score_threshold": 0.5},
     "metadata_condition": {"logical_operator": "and", "conditions": [...]}}   # optional

Response: ``{"records": [{"content", "score", "title", "metadata": {...}}]}``, best first,
only records whose score reaches ``score_threshold`` (scores are partyqa's fused relevance,
0–1, relative to the other candidates of the query). Errors answer
``{"error_code", "error_msg"}``: 1001 bad Authorization header and 1002 wrong key (403, as
Dify documents access denial), 2001 unknown ``knowledge_id`` (404), 3001 any other bad
request (400; unsupported metadata conditions included, see :mod:`app.api.dify_filters`),
5001 server-side failures (500/503).
"""

from __future__ import annotations

from typing import Any

from fastapi import APIRouter
from fastapi.concurrency import run_in_threadpool
from pydantic import BaseModel, ConfigDict, Field, StrictInt, StrictStr

from app.api.dify_filters import metadata_filters
from app.api.shapes import DIFY_NO_KNOWLEDGE, add_fallback, dify_error, shaped_route
from app.serialize import hit_json
from partyqa.errors import NotFoundError
from retrieval.inputs import MAX_TOP_K

#: The External Knowledge ID to enter in Dify (the same name as the model of ``/v1``).
KNOWLEDGE_ID = "partyqa"
#: Largest retrieval request body.
MAX_RETRIEVAL_BODY_BYTES = 256 * 1024


class KnowledgeNotFoundError(NotFoundError):
    """A ``knowledge_id`` other than :data:`KNOWLEDGE_ID` (Dify error code 2001)."""

    code = str(DIFY_NO_KNOWLEDGE)


class RetrievalSetting(BaseModel):
    """How many records, and the lowest score kept."""

    top_k: StrictInt = Field(ge=1, description=f"Most records returned (more than {MAX_TOP_K} counts as {MAX_TOP_K}).")
    score_threshold: float = Field(ge=0.0, le=1.0, description="Lowest score kept (0 keeps everything).")


class Condition(BaseModel):
    """One metadata condition."""

    name: str | list[str] = Field(description="district, place, publisher, date or doc_id.")
    comparison_operator: str = Field(description="See the module app.api.dify_filters for the supported ones.")
    value: str | int | float | list[str] | None = None


class MetadataCondition(BaseModel):
    """Metadata filtering conditions."""

    logical_operator: str = "and"
    conditions: list[Condition] = Field(default_factory=list)


class RetrievalRequest(BaseModel):
    """Body of ``POST /retrieval`` (Dify External Knowledge API)."""

    model_config = ConfigDict(extra="ignore")

    knowledge_id: StrictStr = Field(description=f"Must be {KNOWLEDGE_ID!r}.", examples=[KNOWLEDGE_ID])
    query: StrictStr = Field(examples=["天桥区非公企业党组织"])
    retrieval_setting: RetrievalSetting
    metadata_condition: MetadataCondition | None = None


class Record(BaseModel):
    """A retrieved passage."""

    content: str
    score: float
    title: str
    metadata: dict[str, Any] = Field(description="doc_id, chunk_id, source, publisher, date, section, district, "
                                                 "page, start, end.")


class RetrievalResponse(BaseModel):
    """Answer of ``POST /retrieval``."""

    records: list[Record]


class DifyError(BaseModel):
    """Body of every error of ``/retrieval``."""

    error_code: int = Field(description="1001, 1002, 2001, 3001 or 5001.")
    error_msg: str


def record(hit) -> dict:
    """A search hit as a Dify record."""
    meta = {k: v for k, v in hit_json(hit).items() if k not in ("text", "score", "title")}
    return {"content": hit.text, "score": round(min(max(hit.score, 0.0), 1.0), 6), "title": hit.title,
            "metadata": meta}


def make_dify_router(engine: Any) -> APIRouter:
    """Build the router of ``POST /retrieval``; errors answer in Dify's shape."""
    router = APIRouter(tags=["Dify External Knowledge"], route_class=shaped_route(dify_error, MAX_RETRIEVAL_BODY_BYTES),
                       responses={code: {"model": DifyError} for code in (400, 403, 404, 500, 503)})

    @router.post("/retrieval", response_model=RetrievalResponse, summary="Dify External Knowledge retrieval")
    async def retrieval(req: RetrievalRequest) -> dict:
        """Passages for ``query``, best first, filtered by ``metadata_condition``."""
        if req.knowledge_id != KNOWLEDGE_ID:
            raise KnowledgeNotFoundError(f"the knowledge {req.knowledge_id!r} does not exist; use {KNOWLEDGE_ID!r}")
        condition = req.metadata_condition.model_dump() if req.metadata_condition else None
        mapped = metadata_filters(condition)
        if mapped.matches_nothing:
            return {"records": []}
        setting = req.retrieval_setting
        hits = await run_in_threadpool(engine.search, req.query, top_k=min(setting.top_k, MAX_TOP_K),
                                       filters=mapped.filters)
        return {"records": [record(h) for h in hits if h.score >= setting.score_threshold]}

    add_fallback(router, dify_error, "/retrieval", "/retrieval/{path:path}")
    return router
