"""Error bodies in the shapes other tools expect, and a route class that answers in them.

partyqa's own API answers ``{"error": message, "code": kind}``. The OpenAI-compatible
endpoints under ``/v1`` answer ``{"error": {"message", "type", "param", "code"}}`` as OpenAI
does, and the Dify External Knowledge endpoint ``/retrieval`` answers
``{"error_code", "error_msg"}`` as Dify documents. :class:`ShapedRoute` makes every error of
a route (bad body, :class:`~partyqa.errors.PartyQAError`, unexpected exception) answer in
its router's shape; :func:`shape_for` tells the API-key middleware which shape a path uses.
"""

from __future__ import annotations

import logging
from collections.abc import Callable

from fastapi import APIRouter, Request, Response
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse
from fastapi.routing import APIRoute
from starlette.routing import Match

from app.api.errors import error_response
from partyqa.errors import PartyQAError, TooLargeError

log = logging.getLogger(__name__)

#: ``(status, message, code) -> response``: how one kind of endpoint answers an error.
ErrorShape = Callable[[int, str, str], JSONResponse]

#: OpenAI's error ``type`` by HTTP status (anything else is a ``server_error``).
_OPENAI_TYPES = {400: "invalid_request_error", 401: "invalid_request_error", 403: "invalid_request_error",
                 404: "invalid_request_error", 405: "invalid_request_error", 409: "invalid_request_error",
                 413: "invalid_request_error", 422: "invalid_request_error", 429: "rate_limit_error"}

#: Dify error codes (published: 1001 bad Authorization header, 1002 authorization failed,
#: 2001 unknown knowledge). partyqa adds 3001 for any other bad request and 5001 for
#: server-side failures (the index is not loaded, an internal error).
DIFY_BAD_HEADER, DIFY_AUTH_FAILED, DIFY_NO_KNOWLEDGE, DIFY_BAD_REQUEST, DIFY_SERVER = 1001, 1002, 2001, 3001, 5001


def openai_error(status: int, message: str, code: str = "") -> JSONResponse:
    """``{"error": {"message", "type", "param", "code"}}`` with ``status``, as OpenAI answers errors."""
    body = {"message": message, "type": _OPENAI_TYPES.get(status, "server_error"), "param": None,
            "code": code or None}
    headers = {"WWW-Authenticate": "Bearer"} if status == 401 else None
    return JSONResponse({"error": body}, status_code=status, headers=headers)


def dify_error(status: int, message: str, code: str = "") -> JSONResponse:
    """``{"error_code", "error_msg"}`` with ``status``, as Dify's External Knowledge API documents.

    ``code`` may name a Dify code (``"1001"``); otherwise it is chosen from the status.
    """
    error_code = int(code) if code.isdigit() else (DIFY_SERVER if status >= 500 else DIFY_BAD_REQUEST)
    return JSONResponse({"error_code": error_code, "error_msg": message}, status_code=status)


def partyqa_error(status: int, message: str, code: str = "") -> JSONResponse:
    """partyqa's own ``{"error", "code"}`` body (the ``/api`` endpoints)."""
    response = error_response(status, message, code)
    if status == 401:
        response.headers["WWW-Authenticate"] = "Bearer"
    return response


def shape_for(path: str) -> ErrorShape | None:
    """The error shape of the endpoints under ``path``; None for paths that are not an API."""
    if path == "/v1" or path.startswith("/v1/"):
        return openai_error
    if path == "/retrieval" or path.startswith("/retrieval/"):
        return dify_error
    if path == "/api" or path.startswith("/api/"):
        return partyqa_error
    return None


def _validation(exc: RequestValidationError) -> str:
    """The first validation problem as one readable line."""
    errors = exc.errors()
    if not errors:
        return "invalid request"
    err = errors[0]
    if err.get("type") == "json_invalid":
        return "the request body is not valid JSON"
    loc = ".".join(str(p) for p in err.get("loc", ()) if p != "body")
    return f"{loc or 'body'}: {err.get('msg', 'invalid')}"


def shaped_route(shape: ErrorShape, max_body: int, invalid_status: int = 400) -> type[APIRoute]:
    """A route class whose errors answer in ``shape`` and whose bodies are at most ``max_body`` bytes.

    Args:
        shape: How errors are answered.
        max_body: Largest ``Content-Length`` accepted (413 beyond).
        invalid_status: Status of a body that does not match the request model.
    """

    class ShapedRoute(APIRoute):
        def get_route_handler(self) -> Callable:
            handler = super().get_route_handler()

            async def shaped(request: Request) -> Response:
                length = request.headers.get("content-length")
                try:
                    if length is not None and (not length.isdigit() or int(length) > max_body):
                        raise TooLargeError(f"the request body is too large (limit {max_body} bytes)")
                    return await handler(request)
                except RequestValidationError as exc:
                    return shape(invalid_status, _validation(exc), "invalid_request")
                except PartyQAError as exc:
                    return shape(exc.http_status, exc.message, exc.code)
                except Exception as exc:
                    log.exception("unhandled error on %s", request.url.path)
                    return shape(500, f"internal error: {type(exc).__name__}", "")

            return shaped

    return ShapedRoute


def add_fallback(router: APIRouter, shape: ErrorShape, *paths: str) -> None:
    """Answer unknown paths under ``paths`` (404) and wrong methods (405) in ``shape``.

    Without it such requests would fall through to the UI mounted at ``/``.
    """

    async def fallback(request: Request) -> JSONResponse:
        for route in router.routes:
            if route.name != "fallback" and route.matches(request.scope)[0] == Match.PARTIAL:
                return shape(405, f"method {request.method} is not allowed on {request.url.path}",
                             "method_not_allowed")
        return shape(404, f"no endpoint {request.url.path}", "not_found")

    for path in paths:
        router.add_api_route(path, fallback, methods=["GET", "POST", "PUT", "PATCH", "DELETE"],
                             include_in_schema=False, name="fallback")
