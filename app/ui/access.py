"""Who may change the knowledge base from the UI: when API keys are configured, a key is asked for.

The keys and their check belong to the API (:mod:`app.api.auth`); the UI asks the same question.
"""

from __future__ import annotations

from app.api.auth import auth_enabled, key_matches
from partyqa.config import Config


def keys_required(config: Config) -> bool:
    """True when changing the knowledge base needs an API key."""
    return auth_enabled(config)


def key_accepted(config: Config, key: str | None) -> bool:
    """True when no key is required, or ``key`` is one of the configured keys."""
    return not keys_required(config) or (bool((key or "").strip()) and key_matches(config, key))
