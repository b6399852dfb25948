"""Who may change the knowledge base from the UI: when API keys are configured, a key is asked for.

The keys and their check belong to the API (``app.api.auth.key_matches``); until that module
exists, a plain comparison with ``Config.api_keys`` stands in for it.
"""

from __future__ import annotations

import hmac

from partyqa.config import Config


def configured_keys(config: Config) -> list[str]:
    """The API keys of ``config`` (``api_keys``: a list, or a comma-separated string), or []."""
    raw = getattr(config, "api_keys", None) or ()
    if isinstance(raw, str):
        raw = raw.split(",")
    return [k.strip() for k in raw if isinstance(k, str) and k.strip()]


def keys_required(config: Config) -> bool:
    """True when changing the knowledge base needs an API key."""
    return bool(configured_keys(config))


def key_accepted(config: Config, key: str | None) -> bool:
    """True when no key is required, or ``key`` is one of the configured keys."""
    if not keys_required(config):
        return True
    key = (key or "").strip()
    try:
        from app.api.auth import key_matches
    except ImportError:  # the API-key module is not merged yet
        return any(hmac.compare_digest(key.encode(), k.encode()) for k in configured_keys(config))
    return bool(key) and key_matches(config, key)
