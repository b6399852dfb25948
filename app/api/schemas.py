"""Request and response models of the JSON API (the documented schema is what is sent)."""

from __future__ import annotations

import dataclasses
from typing import Any, get_type_hints

from pydantic import BaseModel, ConfigDict, Field, StrictInt, StrictStr, create_model

from app.serialize import CITATION_FIELDS, HIT_FIELDS
from partyqa.records import Citation, Hit
from retrieval.inputs import MAX_HISTORY_TURNS, MAX_TOP_K

FILTERS_DESCRIPTION = (
    "Optional filters: district or place (text or list of texts), publisher (substring), "
    "date_from / date_to (YYYY-MM-DD, inclusive), doc_ids (list of article ids)."
)


class _Strict(BaseModel):
    """Base model: unknown fields are an error."""

    model_config = ConfigDict(extra="forbid")


class SearchRequest(_Strict):
    """Body of ``POST /api/search``."""

    query: StrictStr = Field(description="Question or keywords (simplified or traditional script).",
                             examples=["天桥区非公企业党组织"])
    top_k: StrictInt = Field(5, ge=1, le=MAX_TOP_K, description="Number of passages (1-50).")
    filters: dict[str, Any] | None = Field(None, description=FILTERS_DESCRIPTION,
                                           examples=[{"district": "天桥区"}])


class HistoryTurn(_Strict):
    """One earlier question and its answer."""

    question: StrictStr = ""
    answer: StrictStr = ""


class AskRequest(_Strict):
    """Body of ``POST /api/ask``."""

    question: StrictStr = Field(description="The question.", examples=["天桥区建立了多少个非公企业党组织？"])
    history: list[HistoryTurn] = Field(default_factory=list, max_length=MAX_HISTORY_TURNS,
                                       description="Earlier turns, oldest first (used for follow-ups).")
    filters: dict[str, Any] | None = Field(None, description=FILTERS_DESCRIPTION)


def _public_model(record: type, fields: tuple[str, ...], doc: str,
                  descriptions: dict[str, str] | None = None) -> type[BaseModel]:
    """A response model with the public JSON fields of a record dataclass.

    The field types and defaults come from the dataclass and the field list from
    :mod:`app.serialize`, so the documented schema cannot drift from what is sent.
    """
    hints = get_type_hints(record)
    defaults = {f.name: f.default for f in dataclasses.fields(record)}
    spec: dict[str, Any] = {}
    for name in fields:
        default = ... if defaults[name] is dataclasses.MISSING else defaults[name]
        spec[name] = (hints[name], Field(default, description=(descriptions or {}).get(name)))
    return create_model(f"{record.__name__}Out", __doc__=doc, **spec)


HitOut = _public_model(Hit, HIT_FIELDS, "A passage returned by search.",
                       {"start": "Offset of the passage in the article text.", "source": "File name of the article."})
CitationOut = _public_model(Citation, CITATION_FIELDS,
                            "A numbered source of an answer; ``text[start:end]`` is the cited sentence.")


class SearchResponse(BaseModel):
    """Answer of ``POST /api/search``."""

    hits: list[HitOut]


class AskResponse(BaseModel):
    """Answer of ``POST /api/ask``."""

    answer: str = Field(description="Answer text; every sentence ends with a [n] citation.")
    found: bool = Field(description="False when the articles do not contain the answer.")
    resolved_question: str = Field(description="The question after follow-up resolution.")
    citations: list[CitationOut]
    closest: list[HitOut] = Field(description="Closest passages when nothing was found.")
    mode: str = Field(description="extractive, generative, or chat (a conversational reply, no articles used).")
    note: str = ""
    confidence: float = Field(0.0, description="How sure the answerer is that the citations state the answer (0-1).")


class DocumentOut(BaseModel):
    """An article of the knowledge base."""

    model_config = ConfigDict(extra="allow")

    doc_id: str
    source: str
    title: str
    date: str
    publisher: str
    places: list[str]
    chunks: int


class DocumentsResponse(BaseModel):
    """Answer of ``GET /api/documents``."""

    documents: list[DocumentOut]


class JobOut(BaseModel):
    """A background indexing job (``GET /api/jobs/{id}``)."""

    id: str
    kind: str = Field(description="What the job does (upload).")
    status: str = Field(description="queued, running, done or failed.")
    files: list[str]
    stage: str = Field(description="Current stage: read, embed or index.")
    stage_label: str
    done: int
    total: int
    added: list[str] = Field(description="Source keys (uploads/<name>) that were new or changed.")
    errors: list[str] = Field(description="Files refused, with the reason.")
    error: str = Field(description="Why the job failed (status failed).")
    code: str
    created_at: str | None
    finished_at: str | None


class JobAccepted(BaseModel):
    """Answer 202 of ``POST /api/documents``: indexing goes on in the background."""

    job: JobOut


class UploadResponse(BaseModel):
    """Answer 200 of ``POST /api/documents``."""

    added: list[str] = Field(description="Source keys (uploads/<name>) that were new or changed.")
    documents: list[DocumentOut]
    errors: list[str] = Field(description="Files that could not be read, with the reason.")
    job: JobOut | None = None


class DeleteResponse(BaseModel):
    """Answer of ``DELETE /api/documents/{doc_id}``."""

    deleted: str
    documents: list[DocumentOut]


class HealthResponse(BaseModel):
    """Answer of ``GET /api/health``."""

    status: str
    articles: int
    chunks: int
    model: str | None
    index_built_at: str | None


class ErrorResponse(BaseModel):
    """Body of every error response."""

    error: str = Field(description="What went wrong, for people.")
    code: str = Field("", description="Stable machine-readable kind of error (see partyqa.errors).")


ERRORS = {code: {"model": ErrorResponse} for code in (400, 401, 403, 404, 409, 413, 415, 422, 429, 503)}
