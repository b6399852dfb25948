"""Request and response models of the OpenAI-compatible endpoints (``/v1``).

They follow OpenAI's chat completions API; partyqa adds ``filters`` and ``with_sources`` to
the request and ``references``, ``found``, ``resolved_question``, ``closest``, ``mode`` and
``note`` to the response (the official ``openai`` package keeps them in ``model_extra``).
"""

from __future__ import annotations

from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field, create_model

from app.api.schemas import FILTERS_DESCRIPTION, CitationOut, HitOut

#: The id under which the knowledge base is listed by ``GET /v1/models``.
MODEL_ID = "partyqa"


class ChatMessage(BaseModel):
    """One message of the conversation (extra fields such as ``name`` are ignored)."""

    model_config = ConfigDict(extra="allow")

    role: str = Field(description="system, developer, user, assistant or tool; only user and assistant "
                                  "messages carry the conversation.")
    content: str | list[dict[str, Any]] | None = Field(
        None, description="Text, or a list of content parts of which the text parts are read.")


class ChatRequest(BaseModel):
    """Body of ``POST /v1/chat/completions``. Other OpenAI parameters are accepted and ignored."""

    model_config = ConfigDict(extra="allow")

    model: str = Field(MODEL_ID, description=f"Any name is accepted; answers always come from {MODEL_ID!r}.")
    messages: list[ChatMessage] = Field(description="The conversation, oldest first; the last user message is "
                                                    "the question, earlier turns resolve follow-ups.",
                                        examples=[[{"role": "user", "content": "天桥区建立了多少个非公企业党组织？"}]])
    stream: bool | None = Field(False, description="Answer as server-sent events (chat.completion.chunk).")
    stream_options: dict[str, Any] | None = Field(None, description="{'include_usage': true} adds a usage chunk.")
    n: int | None = Field(None, description="Only 1 is supported.")
    temperature: float | None = Field(None, description="Ignored (answers are quoted from the articles).")
    max_tokens: int | None = Field(None, description="Ignored.")
    user: str | None = Field(None, description="Ignored.")
    filters: dict[str, Any] | None = Field(None, description=f"partyqa extension. {FILTERS_DESCRIPTION}")
    with_sources: bool = Field(True, description="partyqa extension: append a 来源 block listing the citations "
                                                 "to the content (false: only the [n] markers).")


ReferenceOut = create_model(
    "ReferenceOut", __base__=CitationOut, __doc__="A citation of the answer; ``quote`` is ``text[start:end]``.",
    quote=(str, Field(description="The cited span of the passage.")))


class AssistantMessage(BaseModel):
    """The answer as a chat message."""

    role: Literal["assistant"] = "assistant"
    content: str = Field(description="Answer with [n] markers, then (with_sources) a 来源 block.")


class Choice(BaseModel):
    """The one choice of a completion."""

    index: int = 0
    message: AssistantMessage
    logprobs: None = None
    finish_reason: str = "stop"


class Usage(BaseModel):
    """Sizes of the conversation and the answer, counted in characters (partyqa has no tokenizer)."""

    prompt_tokens: int
    completion_tokens: int
    total_tokens: int


class ChatCompletion(BaseModel):
    """Answer of ``POST /v1/chat/completions`` without streaming."""

    id: str
    object: Literal["chat.completion"] = "chat.completion"
    created: int
    model: str
    system_fingerprint: str | None = None
    choices: list[Choice]
    usage: Usage
    references: list[ReferenceOut] = Field(description="partyqa: the sources cited as [n] in the content.")
    found: bool = Field(description="partyqa: false when the articles do not contain the answer.")
    resolved_question: str = Field(description="partyqa: the question after follow-up resolution.")
    closest: list[HitOut] = Field(description="partyqa: closest passages when nothing was found.")
    mode: str
    note: str = ""


class ModelCard(BaseModel):
    """A model of ``GET /v1/models``: the knowledge base."""

    id: str
    object: Literal["model"] = "model"
    created: int = Field(description="When the live index was built (Unix time).")
    owned_by: str = "partyqa"


class ModelList(BaseModel):
    """Answer of ``GET /v1/models``."""

    object: Literal["list"] = "list"
    data: list[ModelCard]


class OpenAIErrorBody(BaseModel):
    """The error object."""

    message: str
    type: str = Field(description="invalid_request_error, rate_limit_error or server_error.")
    param: str | None = None
    code: str | None = Field(None, description="invalid_api_key, unauthorized, model_not_found, invalid_messages, "
                                               "bad_query, bad_filter, … (see partyqa.errors).")


class OpenAIError(BaseModel):
    """Body of every error under ``/v1``."""

    error: OpenAIErrorBody


OPENAI_ERRORS = {code: {"model": OpenAIError} for code in (400, 401, 404, 413, 500, 503)}
