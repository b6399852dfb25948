"""The JSON HTTP API under ``/api``: search, ask, knowledge-base management and health.

Inputs are checked by the domain layer (:mod:`retrieval.inputs`, called by the engine and
the knowledge base); errors map to HTTP statuses by class (:mod:`app.api.errors`).
Searching, answering and index updates are CPU-bound and run in the threadpool, never on
the event loop.
"""

from __future__ import annotations

import asyncio
import time
from typing import Any

from fastapi import APIRouter, File, Request, UploadFile
from fastapi.concurrency import run_in_threadpool
from fastapi.responses import JSONResponse
from starlette.routing import Match

from app.api.errors import MAX_UPLOAD_FILES, error_response
from app.api.schemas import (
    ERRORS,
    AskRequest,
    AskResponse,
    DeleteResponse,
    DocumentsResponse,
    HealthResponse,
    JobAccepted,
    SearchRequest,
    SearchResponse,
    UploadResponse,
)
from app.serialize import answer_json, hit_json
from partyqa.config import Config
from partyqa.errors import InputError, NotReadyError
from retrieval.inputs import check_file_content, check_file_name
from retrieval.knowledge import upload_outcome, upload_suffixes


async def read_upload(upload: UploadFile, limit: int) -> tuple[str, bytes]:
    """Read one uploaded file, at most ``limit + 1`` bytes, after checking its name.

    Raises:
        InputError / UnsupportedTypeError / TooLargeError: For a bad name, type or size.
    """
    name = check_file_name(upload.filename, upload_suffixes())
    content = await upload.read(limit + 1)
    check_file_content(name, content, limit)
    return name, content


def make_router(engine: Any, kb: Any, config: Config) -> APIRouter:
    """Build the ``/api`` router.

    Args:
        engine: The shared, loaded :class:`retrieval.engine.Engine` (or a test double).
        kb: Its :class:`retrieval.knowledge.KnowledgeBase`.
        config: Application settings (upload limits).

    Returns:
        A router whose paths start with ``/api``.
    """
    router = APIRouter(prefix="/api", tags=["partyqa"], responses=ERRORS)

    @router.post("/search", response_model=SearchResponse, summary="Search passages")
    async def search(req: SearchRequest) -> dict:
        """Hybrid (dense + keyword) search over the indexed passages."""
        hits = await run_in_threadpool(engine.search, req.query, top_k=req.top_k, filters=req.filters)
        return {"hits": [hit_json(h) for h in hits]}

    @router.post("/ask", response_model=AskResponse, summary="Answer a question with citations")
    async def ask(req: AskRequest) -> dict:
        """Answer with numbered citations; ``found`` is false when the articles lack the answer."""
        history = [turn.model_dump() for turn in req.history]
        answer = await run_in_threadpool(engine.ask, req.question, history=history, filters=req.filters)
        return answer_json(answer)

    @router.get("/documents", response_model=DocumentsResponse, summary="List the knowledge base")
    async def list_documents() -> dict:
        """Every indexed article with its metadata and chunk count."""
        return {"documents": await run_in_threadpool(kb.documents)}

    @router.post("/documents", response_model=UploadResponse, summary="Upload articles",
                 responses={202: {"model": JobAccepted, "description": "Still indexing: follow the job."}})
    async def upload_documents(
        files: list[UploadFile] = File(description="Article files"),
    ) -> Any:
        """Add files to the knowledge base; they are indexed in the background.

        Answers 200 with the result when indexing finishes within ``PARTYQA_UPLOAD_WAIT_S``
        seconds, else 202 with the job to follow at ``GET /api/jobs/{id}``. A file that
        cannot be read is refused and changes nothing (422 when no file was usable); the
        files of a failed build are put back as they were.
        """
        if not files:
            raise InputError("no files were uploaded (use the multipart field 'files')")
        if len(files) > MAX_UPLOAD_FILES:
            raise InputError(f"at most {MAX_UPLOAD_FILES} files per upload")
        received = [await read_upload(f, config.max_upload_bytes) for f in files]
        job = await run_in_threadpool(kb.submit_upload, received)
        deadline = time.monotonic() + config.upload_wait_s
        while not job.finished and time.monotonic() < deadline:
            await asyncio.sleep(0.05)  # no worker thread is held while the job runs
        if not job.finished:
            return JSONResponse({"job": job.to_dict()}, status_code=202,
                                headers={"Location": f"/api/jobs/{job.id}"})
        status, message = upload_outcome(job)
        if status != 200:
            return error_response(status, message, job.code or "unreadable", job=job.to_dict())
        return {"added": list(job.added), "documents": await run_in_threadpool(kb.documents),
                "errors": list(job.errors), "job": job.to_dict()}

    @router.delete("/documents/{doc_id}", response_model=DeleteResponse, summary="Delete an article")
    async def delete_document(doc_id: str) -> dict:
        """Remove an article from the knowledge base (uploaded files are deleted)."""
        await run_in_threadpool(kb.delete_document, doc_id)
        return {"deleted": doc_id, "documents": await run_in_threadpool(kb.documents)}

    @router.get("/health", response_model=HealthResponse, summary="Health and index facts")
    async def health() -> dict:
        """Whether the engine is loaded, with the size and build time of the index."""
        if not engine.loaded:
            raise NotReadyError("the engine is not ready: no index is loaded")
        return {"status": "ok", **engine.info()}

    @router.api_route("/{path:path}", methods=["GET", "POST", "PUT", "PATCH", "DELETE"],
                      include_in_schema=False)
    async def not_found(path: str, request: Request) -> JSONResponse:
        """Unknown API paths (or methods) answer JSON rather than falling through to the UI."""
        for route in router.routes:
            if route.name != "not_found" and route.matches(request.scope)[0] == Match.PARTIAL:
                return error_response(405, f"method {request.method} is not allowed on /api/{path}",
                                      "method_not_allowed")
        return error_response(404, f"no API endpoint /api/{path}", "not_found")

    return router
