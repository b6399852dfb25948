"""Where requests may come from: the ``Host`` check, foreign origins, and CORS.

* **Host**: a request must name the server by a configured name (``PARTYQA_HOST``, the
  loopback names when it listens on loopback, any IP literal and the machine's names when it
  listens on all interfaces, and ``PARTYQA_ALLOWED_HOSTS``). A page of another site that
  re-points its own name at 127.0.0.1 (DNS rebinding) sends its own name and is refused.
* **Origin**: a request that can change something (any method but GET/HEAD/OPTIONS, and
  every websocket) from a browser must come from the server's own origin or one listed in
  ``PARTYQA_ALLOWED_ORIGINS``; a cross-site form or script is refused before it is read.
* **CORS**: only ``PARTYQA_ALLOWED_ORIGINS`` may read answers across sites. Installing
  Starlette's ``CORSMiddleware`` on the parent app also makes Gradio leave out its own
  (which allows any ``localhost`` origin with credentials), see
  ``gradio.route_utils.CustomCORSMiddleware.parent_configures_cors``.

Requests without ``Origin`` (curl, scripts, server-to-server) pass the origin check; API
keys are another layer (``app/api/auth.py``).
"""

from __future__ import annotations

import ipaddress
import socket
from urllib.parse import urlsplit

from fastapi import FastAPI
from starlette.middleware.cors import CORSMiddleware

from app.api.errors import error_response
from partyqa.config import Config

LOOPBACK_NAMES = frozenset({"localhost", "127.0.0.1", "::1"})
WILDCARD_HOSTS = frozenset({"0.0.0.0", "::", ""})
SAFE_METHODS = frozenset({"GET", "HEAD", "OPTIONS"})


def _split(value: str) -> list[str]:
    return [v.strip() for v in value.split(",") if v.strip()]


def host_name(value: str) -> str:
    """The host name of a ``Host`` header or URL authority, lower case, without port or brackets."""
    value = value.strip().lower()
    if value.startswith("["):
        return value[1:].split("]", 1)[0]
    if value.count(":") > 1:  # a bare IPv6 address
        return value
    return value.rsplit(":", 1)[0].rstrip(".") if ":" in value else value.rstrip(".")


def _is_ip(name: str) -> bool:
    try:
        ipaddress.ip_address(name)
    except ValueError:
        return False
    return True


def _is_loopback(name: str) -> bool:
    return name == "localhost" or (_is_ip(name) and ipaddress.ip_address(name).is_loopback)


class HostPolicy:
    """Which host names and origins a server configured by ``config`` accepts.

    Attributes:
        any_host: True when ``PARTYQA_ALLOWED_HOSTS`` contains ``*`` (no Host check).
        any_ip: True when listening on all interfaces (IP literals cannot be rebound).
        hosts: Accepted host names.
        origins: Extra accepted origins (``scheme://host[:port]``).
    """

    def __init__(self, config: Config):
        extra = [host_name(h) if h != "*" else "*" for h in _split(config.allowed_hosts)]
        self.any_host = "*" in extra
        listen = host_name(config.host)
        self.any_ip = listen in WILDCARD_HOSTS
        hosts = {h for h in extra if h != "*"} | ({listen} if listen not in WILDCARD_HOSTS else set())
        if self.any_ip or _is_loopback(listen):
            hosts |= LOOPBACK_NAMES
        if self.any_ip:
            for name in (socket.gethostname(), socket.getfqdn()):
                if name:
                    hosts.add(name.lower())
        self.hosts = frozenset(hosts)
        self.origins = frozenset(o.rstrip("/").lower() for o in _split(config.allowed_origins))

    def host_allowed(self, host: str | None) -> bool:
        """True if a request naming ``host`` (its ``Host`` header) is for this server."""
        if self.any_host:
            return True
        if not host:
            return False
        name = host_name(host)
        return name in self.hosts or (self.any_ip and _is_ip(name))

    def origin_allowed(self, origin: str, host: str | None) -> bool:
        """True if ``origin`` is the server's own (same host and port as ``host``) or configured."""
        origin = origin.strip().lower().rstrip("/")
        if origin in self.origins:
            return True
        parts = urlsplit(origin)
        if parts.scheme not in ("http", "https") or not parts.netloc or not host:
            return False
        return parts.netloc == host.strip().lower() or (
            parts.netloc.rsplit(":", 1)[0] == host.strip().lower() and parts.port in (80, 443))


class HostOriginMiddleware:
    """Pure ASGI middleware enforcing :class:`HostPolicy` on every HTTP and websocket request."""

    def __init__(self, app, policy: HostPolicy):
        self.app = app
        self.policy = policy

    async def __call__(self, scope, receive, send) -> None:
        if scope["type"] not in ("http", "websocket"):
            await self.app(scope, receive, send)
            return
        headers = {k.lower(): v for k, v in scope.get("headers") or []}
        host = _text(headers.get(b"host"))
        reason = None
        if not self.policy.host_allowed(host):
            reason = "this server does not answer to that host name (set PARTYQA_ALLOWED_HOSTS to add one)"
        elif scope["type"] == "websocket" or scope.get("method", "GET") not in SAFE_METHODS:
            origin = _text(headers.get(b"origin"))
            foreign = (not self.policy.origin_allowed(origin, host) if origin is not None
                       else _text(headers.get(b"sec-fetch-site")) == "cross-site")
            if foreign:
                reason = "requests that change data are not accepted from other web sites"
        if reason is None:
            await self.app(scope, receive, send)
        elif scope["type"] == "websocket":
            await send({"type": "websocket.close", "code": 1008})
        else:
            await error_response(403, reason, "forbidden")(scope, receive, send)


def _text(value: bytes | None) -> str | None:
    return None if value is None else value.decode("latin-1")


def install_security(app: FastAPI, config: Config) -> HostPolicy:
    """Add the Host and Origin checks and a CORS policy limited to ``PARTYQA_ALLOWED_ORIGINS``.

    Call it on the parent app before mounting Gradio, so that Gradio sees the parent's CORS
    policy and adds none of its own.

    Returns:
        The policy in force.
    """
    policy = HostPolicy(config)
    app.add_middleware(CORSMiddleware, allow_origins=sorted(policy.origins), allow_credentials=False,
                       allow_methods=["GET", "POST", "DELETE"],
                       allow_headers=["Authorization", "Content-Type", "X-API-Key"])
    app.add_middleware(HostOriginMiddleware, policy=policy)
    return policy
