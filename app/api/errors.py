"""Errors as HTTP answers: every :class:`~partyqa.errors.PartyQAError` maps to its status by class.

Bodies are always ``{"error": message, "code": kind}``; messages never carry server paths.
"""

from __future__ import annotations

import logging

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse, PlainTextResponse

from partyqa.errors import PartyQAError

log = logging.getLogger(__name__)

#: Largest JSON body accepted by ``/api/search``, ``/api/ask`` and the other JSON endpoints.
MAX_JSON_BODY_BYTES = 256 * 1024
#: Most files accepted by one upload request.
MAX_UPLOAD_FILES = 20


def error_response(status: int, message: str, code: str = "") -> JSONResponse:
    """An ``{"error": message, "code": code}`` response with ``status``."""
    return JSONResponse({"error": message, "code": code}, status_code=status)


def _validation_message(exc: RequestValidationError) -> str:
    """Summarize FastAPI validation errors as one readable line."""
    parts = []
    for err in exc.errors()[:5]:
        loc = ".".join(str(p) for p in err.get("loc", ()) if p != "body")
        if (err.get("type") in ("json_invalid", "model_attributes_type") and not loc) or err.get("type") == "json_invalid":
            parts.append("the request body is not valid JSON")
        else:
            parts.append(f"{loc or 'body'}: {err.get('msg', 'invalid')}")
    return "; ".join(parts) or "invalid request"


def install_handlers(app: FastAPI, upload_limit: int) -> None:
    """Make errors answer ``{"error": ...}`` by class and refuse oversized bodies early.

    Args:
        app: The application.
        upload_limit: Largest body accepted by ``POST /api/documents``.
    """

    @app.exception_handler(PartyQAError)
    async def _known(request: Request, exc: PartyQAError) -> JSONResponse:
        return error_response(exc.http_status, exc.message, exc.code)

    @app.exception_handler(Exception)
    async def _unexpected(request: Request, exc: Exception):
        log.exception("unhandled error on %s", request.url.path)
        if request.url.path.startswith(("/api/", "/v1/", "/retrieval")):
            return error_response(500, f"internal error: {type(exc).__name__}", "internal")
        return PlainTextResponse("Internal Server Error", status_code=500)

    @app.exception_handler(RequestValidationError)
    async def _invalid(request: Request, exc: RequestValidationError) -> JSONResponse:
        return error_response(422, _validation_message(exc), "invalid_request")

    app.add_middleware(BodyLimitMiddleware, upload_limit=upload_limit)


class BodyLimitMiddleware:
    """Pure ASGI middleware refusing API request bodies over their limit.

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
                response = error_response(413, f"the request body is too large (limit {limit} bytes)", "too_large")
                await response(scope, receive, send)
                return
        await self.app(scope, receive, send)
