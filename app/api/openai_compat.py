"""OpenAI-compatible endpoints, so chat front-ends and the ``openai`` package can ask partyqa.

* ``GET /v1/models`` lists the knowledge base as one model, ``partyqa``; ``GET
  /v1/models/{id}`` answers 404 ``model_not_found`` for any other id. Chat requests accept
  any model name (front-ends often send a default one) and always answer from ``partyqa``.
* ``POST /v1/chat/completions`` answers the last user message, resolving follow-ups against
  the earlier turns (:mod:`app.api.chat_messages`). The extractive answer is computed first;
  with ``stream: true`` it is then sent as ``chat.completion.chunk`` events in small deltas,
  a final chunk with ``finish_reason: "stop"`` and the ``references``, an optional usage
  chunk, and ``data: [DONE]``.

Errors answer in OpenAI's shape (:mod:`app.api.shapes`).
"""

from __future__ import annotations

import asyncio
import json
import time
import uuid
from collections.abc import AsyncIterator
from datetime import datetime
from typing import Any

from fastapi import APIRouter
from fastapi.concurrency import run_in_threadpool
from fastapi.responses import StreamingResponse

from app.api.chat_messages import conversation, deltas, render_answer
from app.api.errors import MAX_CHAT_BODY_BYTES
from app.api.openai_schemas import MODEL_ID, OPENAI_ERRORS, ChatCompletion, ChatRequest, ModelCard, ModelList
from app.api.shapes import add_fallback, openai_error, shaped_route
from app.serialize import answer_json
from partyqa.errors import InputError, NotFoundError
from partyqa.records import Answer

#: Largest chat request body (a long conversation with its answers).
#: Pause between streamed deltas, so that clients render the answer progressively.
STREAM_PAUSE_S = 0.01


class ModelNotFoundError(NotFoundError):
    """A model id other than :data:`MODEL_ID`."""

    code = "model_not_found"


def answer_extras(answer: Answer) -> dict[str, Any]:
    """partyqa's fields of a completion: references (citations with their quote), found, resolved_question…"""
    data = answer_json(answer)
    data.pop("answer")
    refs = [{**c, "quote": c["text"][c["start"]:c["end"]]} for c in data.pop("citations")]
    return {"references": refs, **data}


def _created(engine) -> int:
    """Build time of the live index as Unix time (0 when unknown)."""
    try:
        return int(datetime.fromisoformat(str(engine.info().get("index_built_at"))).timestamp())
    except (ValueError, TypeError):
        return 0


def _sse(payload: dict | str) -> str:
    """One server-sent event."""
    data = payload if isinstance(payload, str) else json.dumps(payload, ensure_ascii=False)
    return f"data: {data}\n\n"


async def completion_events(base: dict, content: str, extras: dict, usage: dict | None) -> AsyncIterator[str]:
    """The stream of a completion: role, content deltas, the final chunk with ``extras``, usage, [DONE].

    Args:
        base: ``id``, ``created`` and ``model`` shared by every chunk.
        content: The whole answer content.
        extras: partyqa's fields, sent with the final chunk.
        usage: Sent as a last chunk without choices when the client asked for it (else None).
    """
    head = {**base, "object": "chat.completion.chunk", "system_fingerprint": None}
    if usage is not None:
        head["usage"] = None

    def chunk(delta: dict, finish: str | None = None, **more) -> dict:
        return {**head, "choices": [{"index": 0, "delta": delta, "logprobs": None, "finish_reason": finish}], **more}

    yield _sse(chunk({"role": "assistant", "content": ""}))
    for piece in deltas(content):
        yield _sse(chunk({"content": piece}))
        await asyncio.sleep(STREAM_PAUSE_S)
    yield _sse(chunk({}, "stop", **extras))
    if usage is not None:
        yield _sse({**head, "choices": [], "usage": usage})
    yield _sse("[DONE]")


def make_openai_router(engine: Any) -> APIRouter:
    """Build the ``/v1`` router.

    Args:
        engine: The shared, loaded :class:`retrieval.engine.Engine` (or a test double).

    Returns:
        A router whose paths start with ``/v1`` and whose errors answer in OpenAI's shape.
    """
    router = APIRouter(prefix="/v1", tags=["OpenAI-compatible"], responses=OPENAI_ERRORS,
                       route_class=shaped_route(openai_error, MAX_CHAT_BODY_BYTES))

    @router.get("/models", response_model=ModelList, summary="List models (the knowledge base)")
    async def list_models() -> dict:
        """The knowledge base, listed as the one model ``partyqa``."""
        return {"object": "list", "data": [{"id": MODEL_ID, "object": "model", "created": _created(engine),
                                            "owned_by": "partyqa"}]}

    @router.get("/models/{model_id}", response_model=ModelCard, summary="Describe a model")
    async def get_model(model_id: str) -> dict:
        """``partyqa``; any other id is 404 ``model_not_found``."""
        if model_id != MODEL_ID:
            raise ModelNotFoundError(f"the model {model_id!r} does not exist; this server has {MODEL_ID!r}")
        return {"id": MODEL_ID, "object": "model", "created": _created(engine), "owned_by": "partyqa"}

    @router.post("/chat/completions", response_model=ChatCompletion, summary="Answer the conversation",
                 responses={200: {"content": {"text/event-stream": {}},
                                  "description": "A chat.completion, or with stream=true chat.completion.chunk events"}})
    async def chat_completions(req: ChatRequest):
        """Answer the last user message with [n] citations; earlier turns resolve follow-ups."""
        question, history = conversation([m.model_dump() for m in req.messages])
        if req.n not in (None, 1):
            raise InputError("only n=1 is supported")
        answer = await run_in_threadpool(engine.ask, question, history=history, filters=req.filters)
        content = render_answer(answer, req.with_sources)
        base = {"id": f"chatcmpl-{uuid.uuid4().hex}", "created": int(time.time()), "model": MODEL_ID}
        prompt = len(question) + sum(len(t["question"]) + len(t["answer"]) for t in history)
        usage = {"prompt_tokens": prompt, "completion_tokens": len(content), "total_tokens": prompt + len(content)}
        if req.stream:
            wants_usage = bool((req.stream_options or {}).get("include_usage"))
            events = completion_events(base, content, answer_extras(answer), usage if wants_usage else None)
            return StreamingResponse(events, media_type="text/event-stream",
                                     headers={"Cache-Control": "no-cache", "X-Accel-Buffering": "no"})
        return {**base, "object": "chat.completion", "system_fingerprint": None, "usage": usage,
                "choices": [{"index": 0, "message": {"role": "assistant", "content": content},
                             "logprobs": None, "finish_reason": "stop"}],
                **answer_extras(answer)}

    add_fallback(router, openai_error, "/{path:path}")
    return router
