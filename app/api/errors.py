"""Errors as HTTP answers: every :class:`~partyqa.errors.PartyQAError` maps to its status by class.

Bodies are always ``{"error": message, "code": kind}``; messages never carry server paths.
"""

from __future__ import annotations

import logging

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse, PlainTextResponse
from starlette.exceptions import HTTPException as StarletteHTTPException

from partyqa.errors import PartyQAError
from retrieval.knowledge import MAX_UPLOAD_FILES

log = logging.getLogger(__name__)

#: Largest body of an OpenAI-style chat request (the whole conversation travels with it).
MAX_CHAT_BODY_BYTES = 1024 * 1024
#: Largest JSON body accepted by ``/api/search``, ``/api/ask`` and the other JSON endpoints
#: (and by the UI's own JSON endpoints under ``/gradio_api/``).
MAX_JSON_BODY_BYTES = 256 * 1024
#: Paths whose bodies may carry files (the limit is the upload limit).
UPLOAD_PATHS = ("/api/documents", "/gradio_api/upload")
#: Codes of HTTP errors raised by the framework itself, by status.
_HTTP_CODES = {400: "invalid_request", 403: "forbidden", 404: "not_found", 405: "method_not_allowed",
               413: "too_large", 415: "unsupported_type", 429: "busy"}

__all__ = ["MAX_JSON_BODY_BYTES", "MAX_UPLOAD_FILES", "BodyLimitMiddleware", "error_response", "install_handlers"]


def error_response(status: int, message: str, code: str = "", **extra) -> JSONResponse:
    """An ``{"error": message, "code": code}`` response with ``status`` (text that cannot be
    encoded, such as lone surrogates echoed from a request, is escaped, never a 500)."""
    body = {"error": _safe(message), "code": code, **extra}
    return JSONResponse(body, status_code=status)


def _safe(text: str) -> str:
    return str(text).encode("utf-8", "backslashreplace").decode("utf-8")


class BodyTooLarge(StarletteHTTPException):
    """Raised while a request body is received, as soon as it passes its limit."""

    def __init__(self, limit: int):
        super().__init__(413, f"the request body is too large (limit {limit} bytes)")


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

    @app.exception_handler(StarletteHTTPException)
    async def _http(request: Request, exc: StarletteHTTPException) -> JSONResponse:
        message = str(exc.detail)
        if isinstance(exc.__cause__, UnicodeDecodeError):
            message = "the request body is not valid UTF-8"
        elif exc.status_code == 400 and "parsing the body" in message:
            message = "the request body could not be parsed"
        response = error_response(exc.status_code, message, _HTTP_CODES.get(exc.status_code, "http_error"))
        response.headers.update(exc.headers or {})
        return response

    app.add_middleware(BodyLimitMiddleware, upload_limit=upload_limit)


class BodyLimitMiddleware:
    """Pure ASGI middleware refusing request bodies over their limit, declared or streamed.

    ``Content-Length`` over the limit is refused before anything is read; bodies sent with
    ``Transfer-Encoding: chunked`` (or a false length) are counted as they arrive and
    refused as soon as they pass the limit, so no body is ever buffered beyond it. Uploads
    (``POST /api/documents`` and the UI's ``/gradio_api/upload``) may carry files; every
    other body (the API's and the UI's JSON) is small. Responses stream untouched.

    Args:
        app: The wrapped ASGI application.
        upload_limit: Largest body accepted by the upload paths.
    """

    def __init__(self, app, upload_limit: int):
        self.app = app
        self.upload_limit = upload_limit

    def limit(self, path: str) -> int:
        """The body limit of ``path`` (a chat conversation may be longer than one question)."""
        if path.rstrip("/").endswith(UPLOAD_PATHS):
            return self.upload_limit
        return MAX_CHAT_BODY_BYTES if path.startswith("/v1/") else MAX_JSON_BODY_BYTES

    @staticmethod
    def refusal(path: str, limit: int):
        """The 413 answer in the error shape of the endpoints under ``path``."""
        from app.api.shapes import shape_for

        shape = shape_for(path) or error_response
        return shape(413, f"the request body is too large (limit {limit} bytes)", "too_large")

    async def __call__(self, scope, receive, send) -> None:
        if scope["type"] != "http" or scope["method"] in ("GET", "HEAD", "OPTIONS"):
            await self.app(scope, receive, send)
            return
        limit = self.limit(scope["path"])
        length = dict(scope.get("headers") or []).get(b"content-length")
        if length is not None and (not length.isdigit() or int(length) > limit):
            await self.refusal(scope["path"], limit)(scope, receive, send)
            return
        received = 0
        started = False

        async def counted_receive():
            nonlocal received
            message = await receive()
            if message["type"] == "http.request":
                received += len(message.get("body", b""))
                if received > limit:
                    raise BodyTooLarge(limit)
            return message

        async def tracked_send(message):
            nonlocal started
            started = started or message["type"] == "http.response.start"
            await send(message)

        try:
            await self.app(scope, counted_receive, tracked_send)
        except BodyTooLarge:
            if started:
                raise
            await self.refusal(scope["path"], limit)(scope, receive, send)
