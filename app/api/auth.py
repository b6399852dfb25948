"""API keys: who may call ``/api``, ``/v1`` and ``/retrieval``, and where the server may listen.

With ``PARTYQA_API_KEY`` set (one key or several, comma-separated), every request under those
prefixes must carry ``Authorization: Bearer <key>``; keys are compared in constant time.
Without a key nothing changes, but :func:`check_exposure` refuses to serve on an address
other than loopback unless that is explicitly allowed (``PARTYQA_ALLOW_NO_KEY=1`` or
``partyqa serve --allow-no-key``).

The chat UI checks a key typed by a person with :func:`key_matches`.
"""

from __future__ import annotations

import hmac
import ipaddress
from enum import Enum

from app.api.shapes import DIFY_AUTH_FAILED, DIFY_BAD_HEADER, dify_error, shape_for
from partyqa.config import Config, ConfigError


class KeyCheck(Enum):
    """What the ``Authorization`` header of a request amounts to."""

    OK = "ok"
    MISSING = "missing"
    MALFORMED = "malformed"
    WRONG = "wrong"


def auth_enabled(config: Config) -> bool:
    """True when API keys are configured (requests and uploads then need one)."""
    return bool(config.api_keys)


def _matches(keys: tuple[str, ...], key: object) -> bool:
    """Compare ``key`` with every configured key in constant time (no early exit)."""
    if not isinstance(key, str):
        return False
    candidate = key.strip().encode("utf-8", "replace")
    found = False
    for known in keys:
        found |= hmac.compare_digest(candidate, known.encode("ascii"))
    return found


def key_matches(config: Config, key: object) -> bool:
    """Whether ``key`` (e.g. typed into the UI) is one of the configured API keys.

    Args:
        config: Application settings.
        key: The key as given; surrounding blanks are ignored.

    Returns:
        True if it matches a configured key, and True whatever ``key`` is when no key is
        configured (nothing is protected then); False otherwise.
    """
    keys = config.api_keys
    return True if not keys else _matches(keys, key)


def check_authorization(keys: tuple[str, ...], header: str | None) -> KeyCheck:
    """Check an ``Authorization`` header value against ``keys`` (which must not be empty)."""
    if header is None or not header.strip():
        return KeyCheck.MISSING
    scheme, _, token = header.strip().partition(" ")
    if scheme.lower() != "bearer" or not token.strip():
        return KeyCheck.MALFORMED
    return KeyCheck.OK if _matches(keys, token) else KeyCheck.WRONG


_MESSAGES = {
    KeyCheck.MISSING: "an API key is required: send the header 'Authorization: Bearer <key>'",
    KeyCheck.MALFORMED: "invalid Authorization header format: expected 'Bearer <key>'",
    KeyCheck.WRONG: "the API key is not valid",
}


def refusal(path: str, result: KeyCheck):
    """The error response for a request under ``path`` whose key check gave ``result``.

    ``/api`` and ``/v1`` answer 401 in their own shapes. ``/retrieval`` answers as Dify's
    External Knowledge API documents: 403 with ``error_code`` 1001 (missing or malformed
    header) or 1002 (wrong key).
    """
    shape = shape_for(path)
    message = _MESSAGES[result]
    if shape is dify_error:
        code = DIFY_AUTH_FAILED if result is KeyCheck.WRONG else DIFY_BAD_HEADER
        return dify_error(403, message, str(code))
    return shape(401, message, "invalid_api_key" if result is KeyCheck.WRONG else "unauthorized")


class ApiKeyMiddleware:
    """Pure ASGI middleware requiring a valid bearer key on the API prefixes.

    CORS preflights (``OPTIONS``) carry no credentials and pass; the UI and the docs are not
    under these prefixes and pass too.

    Args:
        app: The wrapped ASGI application.
        keys: The configured keys (the middleware is not installed without any).
    """

    def __init__(self, app, keys: tuple[str, ...]):
        self.app = app
        self.keys = keys

    async def __call__(self, scope, receive, send) -> None:
        if scope["type"] == "http" and scope["method"] != "OPTIONS" and shape_for(scope["path"]) is not None:
            raw = dict(scope.get("headers") or []).get(b"authorization")
            result = check_authorization(self.keys, None if raw is None else raw.decode("latin-1"))
            if result is not KeyCheck.OK:
                await refusal(scope["path"], result)(scope, receive, send)
                return
        await self.app(scope, receive, send)


def is_loopback(host: str) -> bool:
    """True for ``localhost`` and loopback addresses (``127.0.0.0/8``, ``::1``)."""
    name = host.strip().strip("[]").lower()
    if name == "localhost":
        return True
    try:
        return ipaddress.ip_address(name).is_loopback
    except ValueError:
        return False


def check_exposure(config: Config) -> None:
    """Refuse to serve beyond this machine without an API key, unless explicitly allowed.

    Raises:
        ConfigError: If ``config.host`` is not loopback, no key is set and ``allow_no_key``
            is false; the message says how to set a key or allow it.
    """
    if config.api_keys or config.allow_no_key or is_loopback(config.host):
        return
    raise ConfigError(
        f"refusing to serve on {config.host} without an API key: anyone who can reach this address could "
        "query the API and upload or delete documents. Set PARTYQA_API_KEY=<key> (several keys separated by "
        "commas; clients send 'Authorization: Bearer <key>'), or allow an open server explicitly with "
        "PARTYQA_ALLOW_NO_KEY=1 or 'partyqa serve --allow-no-key'.",
        user_message="未设置 API 密钥时拒绝在非本机地址上提供服务：请设置 PARTYQA_API_KEY，"
                     "或以 PARTYQA_ALLOW_NO_KEY=1 / --allow-no-key 明确允许。")
