"""The JSON HTTP API under ``/api``: search, ask, knowledge-base management and health.

Every error is answered with a 4xx/5xx status and a body ``{"error": "message"}``. Input is
checked here before the engine is called (empty or oversized questions, ``top_k`` range,
file names, types and sizes); the engine checks again. Searching, answering and index
updates are CPU-bound and run in the threadpool, never on the event loop.
"""

from __future__ import annotations

import dataclasses
import logging
from pathlib import PurePosixPath, PureWindowsPath
from typing import Any, Callable, get_type_hints

from fastapi import APIRouter, FastAPI, File, Request, UploadFile
from fastapi.concurrency import run_in_threadpool
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse, PlainTextResponse
from pydantic import BaseModel, ConfigDict, Field, StrictInt, StrictStr, create_model
from starlette.routing import Match

from app.serialize import CITATION_FIELDS, HIT_FIELDS, answer_json, hit_json
from partyqa.config import Config
from retrieval.records import Citation, Hit

log = logging.getLogger(__name__)

#: Questions and queries of this many UTF-8 bytes or more are refused before any work.
MAX_QUESTION_BYTES = 10 * 1024
#: Largest JSON body accepted by ``/api/search`` and ``/api/ask``.
MAX_JSON_BODY_BYTES = 256 * 1024
#: Most files accepted by one upload request.
MAX_UPLOAD_FILES = 20
#: File types the knowledge base accepts (a subset of what the readers support).
UPLOAD_SUFFIXES = (".txt", ".md", ".html", ".htm")
MAX_TOP_K = 50

FILTERS_DESCRIPTION = (
    "Optional filters: district or place (text or list of texts), publisher (substring), "
    "date_from / date_to (YYYY-MM-DD, inclusive), doc_ids (list of article ids)."
)


class ApiError(Exception):
    """An error answered as ``{"error": message}`` with ``status``.

    Args:
        status: HTTP status code.
        message: Human-readable explanation.
    """

    def __init__(self, status: int, message: str):
        super().__init__(message)
        self.status = status
        self.message = message


# ---------------------------------------------------------------------- request/response models
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
    history: list[HistoryTurn] = Field(default_factory=list, max_length=50,
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
    mode: str
    note: str = ""


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


class UploadResponse(BaseModel):
    """Answer of ``POST /api/documents``."""

    added: list[str] = Field(description="File names that were new or changed.")
    documents: list[DocumentOut]
    errors: list[str] = Field(description="Files that could not be read, with the reason.")


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

    error: str


ERRORS = {code: {"model": ErrorResponse} for code in (400, 404, 413, 422, 503)}


# ---------------------------------------------------------------------- input checks
def check_text(value: str, max_chars: int, what: str = "question") -> str:
    """Check a question or query before it reaches the engine.

    Args:
        value: The text as received.
        max_chars: Longest accepted text in characters.
        what: Name used in error messages.

    Returns:
        The stripped text.

    Raises:
        ApiError: 400 if it is empty or longer than ``max_chars``; 413 if it is 10 KB or more.
    """
    if len(value.encode("utf-8", "surrogatepass")) >= MAX_QUESTION_BYTES:
        raise ApiError(413, f"the {what} is too large (10 KB or more)")
    text = value.strip()
    if not text:
        raise ApiError(400, f"the {what} is empty")
    if len(text) > max_chars:
        raise ApiError(400, f"the {what} is too long ({len(text)} characters; the limit is {max_chars})")
    return text


def check_file_name(name: str | None) -> str:
    """Validate an uploaded file name: a bare name of a supported type.

    Args:
        name: The file name sent by the client.

    Returns:
        The name unchanged.

    Raises:
        ApiError: 400 for a missing name, a path (``../x``, ``a/b``, absolute, drive letter),
            a NUL or control character, a hidden name or an unsupported type.
    """
    if not name or not name.strip():
        raise ApiError(400, "a file has no name")
    if any(ord(ch) < 32 for ch in name) or "/" in name or "\\" in name:
        raise ApiError(400, f"unacceptable file name {name!r}: give a bare file name, not a path")
    if name in (".", "..") or name.startswith(".") or PureWindowsPath(name).drive or len(name) > 200:
        raise ApiError(400, f"unacceptable file name {name!r}")
    if PurePosixPath(name).name != name:
        raise ApiError(400, f"unacceptable file name {name!r}")
    suffix = PurePosixPath(name).suffix.lower()
    if suffix not in UPLOAD_SUFFIXES:
        raise ApiError(400, f"unsupported file type {suffix or '(none)'} for {name!r}; "
                            f"allowed: {', '.join(UPLOAD_SUFFIXES)}")
    return name


async def read_upload(upload: UploadFile, limit: int) -> tuple[str, bytes]:
    """Read one uploaded file, at most ``limit + 1`` bytes.

    Args:
        upload: The multipart file.
        limit: Largest accepted size in bytes.

    Returns:
        ``(file name, content)``.

    Raises:
        ApiError: 400 for a bad name or an empty file, 413 for a file over ``limit``.
    """
    name = check_file_name(upload.filename)
    content = await upload.read(limit + 1)
    if len(content) > limit:
        raise ApiError(413, f"{name} is larger than the limit of {limit} bytes")
    if not content.strip():
        raise ApiError(400, f"{name} is empty")
    return name, content


# ---------------------------------------------------------------------- engine errors
def _engine_error(exc: Exception) -> ApiError | None:
    """Map a known engine exception to an :class:`ApiError` (None if unknown)."""
    from index.store import IndexLoadError
    from retrieval.engine import DocumentError
    from retrieval.filters import FilterError
    from retrieval.search import QueryError

    if isinstance(exc, ApiError):
        return exc
    if isinstance(exc, (QueryError, FilterError)):
        return ApiError(400, str(exc))
    if isinstance(exc, DocumentError):
        status = 413 if "too large" in str(exc) else 400
        return ApiError(status, str(exc))
    if isinstance(exc, IndexLoadError):
        return ApiError(503, f"the index is not available: {exc}")
    return None


async def _call(func: Callable, *args, **kwargs):
    """Run a blocking engine call in the threadpool, mapping its errors to :class:`ApiError`.

    Raises:
        ApiError: For known engine errors.
    """
    try:
        return await run_in_threadpool(func, *args, **kwargs)
    except Exception as exc:  # noqa: BLE001 - re-raised below when unknown
        mapped = _engine_error(exc)
        if mapped is None:
            raise
        raise mapped from exc


def error_response(status: int, message: str) -> JSONResponse:
    """Build an ``{"error": message}`` response.

    Args:
        status: HTTP status code.
        message: Explanation for the client.

    Returns:
        The JSON response.
    """
    return JSONResponse({"error": message}, status_code=status)


# ---------------------------------------------------------------------- the router
def make_router(get_engine: Callable[[], Any], config: Config) -> APIRouter:
    """Build the ``/api`` router.

    Args:
        get_engine: Returns the shared, loaded :class:`retrieval.engine.Engine`.
        config: Application settings (question and upload limits).

    Returns:
        A router whose paths start with ``/api``. Install :func:`install_handlers` on the
        app too, so that validation errors and :class:`ApiError` answer ``{"error": ...}``.
    """
    router = APIRouter(prefix="/api", tags=["partyqa"], responses=ERRORS)

    @router.post("/search", response_model=SearchResponse, summary="Search passages")
    async def search(req: SearchRequest) -> dict:
        """Hybrid (dense + keyword) search over the indexed passages."""
        query = check_text(req.query, config.max_question_chars, "query")
        hits = await _call(get_engine().search, query, top_k=req.top_k, filters=req.filters)
        return {"hits": [hit_json(h) for h in hits]}

    @router.post("/ask", response_model=AskResponse, summary="Answer a question with citations")
    async def ask(req: AskRequest) -> dict:
        """Answer with numbered citations; ``found`` is false when the articles lack the answer."""
        question = check_text(req.question, config.max_question_chars)
        history = [turn.model_dump() for turn in req.history]
        answer = await _call(get_engine().ask, question, history=history, filters=req.filters)
        return answer_json(answer)

    @router.get("/documents", response_model=DocumentsResponse, summary="List the knowledge base")
    async def list_documents() -> dict:
        """Every indexed article with its metadata and chunk count."""
        return {"documents": await _call(get_engine().documents)}

    @router.post("/documents", response_model=UploadResponse, summary="Upload articles")
    async def upload_documents(
        files: list[UploadFile] = File(description="Article files (.txt .md .html .htm)"),
    ) -> dict:
        """Add files to the knowledge base and index them; nothing is kept if indexing fails."""
        if not files:
            raise ApiError(400, "no files were uploaded (use the multipart field 'files')")
        if len(files) > MAX_UPLOAD_FILES:
            raise ApiError(400, f"at most {MAX_UPLOAD_FILES} files per upload")
        received = [await read_upload(f, config.max_upload_bytes) for f in files]
        names = [name for name, _ in received]
        if len(set(names)) != len(names):
            raise ApiError(400, "the same file name was uploaded twice")
        engine = get_engine()
        report = await _call(engine.add_files, received)
        return {"added": list(report.added), "documents": await _call(engine.documents),
                "errors": list(report.errors)}

    @router.delete("/documents/{doc_id}", response_model=DeleteResponse, summary="Delete an article")
    async def delete_document(doc_id: str) -> dict:
        """Remove an article from the knowledge base (uploaded files are deleted)."""
        engine = get_engine()
        if engine.article(doc_id) is None:
            raise ApiError(404, f"no document with id {doc_id!r}")
        try:
            await _call(engine.delete_document, doc_id)
        except ApiError as exc:
            raise ApiError(404 if "no document" in exc.message else exc.status, exc.message) from exc
        return {"deleted": doc_id, "documents": await _call(engine.documents)}

    @router.get("/health", response_model=HealthResponse, summary="Health and index facts")
    async def health() -> dict:
        """Whether the engine is loaded, with the size and build time of the index."""
        try:
            manifest = get_engine().state.data.manifest
        except Exception as exc:  # noqa: BLE001 - any failure means "not ready"
            raise ApiError(503, f"the engine is not ready: {exc}") from exc
        counts = manifest.get("counts", {})
        return {"status": "ok", "articles": int(counts.get("articles", 0)),
                "chunks": int(counts.get("chunks", 0)), "model": manifest.get("model"),
                "index_built_at": manifest.get("built_at")}

    @router.api_route("/{path:path}", methods=["GET", "POST", "PUT", "PATCH", "DELETE"],
                      include_in_schema=False)
    async def not_found(path: str, request: Request) -> JSONResponse:
        """Unknown API paths (or methods) answer JSON rather than falling through to the UI."""
        for route in router.routes:
            if route.name != "not_found" and route.matches(request.scope)[0] == Match.PARTIAL:
                return error_response(405, f"method {request.method} is not allowed on /api/{path}")
        return error_response(404, f"no API endpoint /api/{path}")

    return router


# ---------------------------------------------------------------------- app-level handlers
def _validation_message(exc: RequestValidationError) -> str:
    """Summarize FastAPI validation errors as one readable line."""
    parts = []
    for err in exc.errors()[:5]:
        loc = ".".join(str(p) for p in err.get("loc", ()) if p != "body")
        if err.get("type") == "json_invalid":
            parts.append("the request body is not valid JSON")
        else:
            parts.append(f"{loc or 'body'}: {err.get('msg', 'invalid')}")
    return "; ".join(parts) or "invalid request"


def install_handlers(app: FastAPI, config: Config) -> None:
    """Make API errors answer ``{"error": ...}`` and refuse oversized bodies early.

    Args:
        app: The application the router is included in.
        config: Settings (upload size limit).
    """
    upload_limit = MAX_UPLOAD_FILES * config.max_upload_bytes + 1024 * 1024

    @app.exception_handler(ApiError)
    async def _api_error(request: Request, exc: ApiError) -> JSONResponse:
        return error_response(exc.status, exc.message)

    @app.exception_handler(Exception)
    async def _unexpected(request: Request, exc: Exception):
        log.exception("unhandled error on %s", request.url.path)
        if request.url.path.startswith("/api/"):
            return error_response(500, f"internal error: {type(exc).__name__}")
        return PlainTextResponse("Internal Server Error", status_code=500)

    @app.exception_handler(RequestValidationError)
    async def _invalid(request: Request, exc: RequestValidationError) -> JSONResponse:
        return error_response(422, _validation_message(exc))

    app.add_middleware(BodyLimitMiddleware, upload_limit=upload_limit)


class BodyLimitMiddleware:
    """Pure ASGI middleware refusing API request bodies whose Content-Length is too large.

    Uploads to ``/api/documents`` may carry several files; other API bodies are small JSON.
    Non-API paths (the UI) pass through untouched, streaming included.

    Args:
        app: The wrapped ASGI application.
        upload_limit: Largest body accepted by ``POST /api/documents``.
    """

    def __init__(self, app, upload_limit: int):
        self.app = app
        self.upload_limit = upload_limit

    async def __call__(self, scope, receive, send) -> None:
        is_api_body = scope["type"] == "http" and scope["path"].startswith("/api/")
        if is_api_body and scope["method"] in ("POST", "PUT", "PATCH"):
            limit = self.upload_limit if scope["path"].rstrip("/") == "/api/documents" else MAX_JSON_BODY_BYTES
            length = dict(scope.get("headers") or []).get(b"content-length")
            if length is not None and (not length.isdigit() or int(length) > limit):
                response = error_response(413, f"the request body is too large (limit {limit} bytes)")
                await response(scope, receive, send)
                return
        await self.app(scope, receive, send)
