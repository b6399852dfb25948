"""One exception tree for the whole application.

Every error partyqa raises on purpose is a :class:`PartyQAError`. Each class knows the HTTP
status it is answered with and a stable machine-readable ``code``, so the API maps errors by
class, never by message text. Callers catch the branch they can handle::

    PartyQAError                       500 internal
    ├── InputError                     400 bad_input     (question, filter, history, file name)
    │   ├── QueryError                 400 bad_query
    │   ├── FilterError                400 bad_filter
    │   ├── UnsupportedTypeError       400 unsupported_type
    │   └── TooLargeError              413 too_large
    ├── AuthError                      401 unauthorized
    ├── ForbiddenError                 403 forbidden
    ├── NotFoundError                  404 not_found
    ├── ConflictError                  409 conflict
    ├── BusyError                      429 busy
    ├── ReadError                      422 unreadable    (a file that cannot be read or decoded)
    ├── NotReadyError                  503 not_ready
    │   └── IndexLoadError             503 index_unavailable
    │       ├── IndexMissingError      503 index_missing
    │       ├── IndexMismatchError     503 index_mismatch (another model or format)
    │       └── IndexCorruptError      503 index_corrupt  (checksum or shape wrong)
    └── ModelError                     503 model_unavailable (embedding model cannot be loaded)
        └── ConversionError / OnnxBackendError

Messages are written for people; ``user_message`` may carry a Chinese version for the UI.
"""

from __future__ import annotations

from pathlib import Path


class PartyQAError(Exception):
    """Base class of every deliberate partyqa error.

    Attributes:
        http_status: Status the HTTP API answers with.
        code: Stable machine-readable name of the error kind.
        user_message: Text for the chat UI (Chinese); defaults to the message.
    """

    http_status = 500
    code = "internal"

    def __init__(self, message: str = "", *, user_message: str | None = None) -> None:
        super().__init__(message)
        self.message = message
        self.user_message = user_message or message


class InputError(PartyQAError, ValueError):
    """The request itself is unusable (bad question, filter, history or file); also a ``ValueError``."""

    http_status = 400
    code = "bad_input"


class QueryError(InputError):
    """The question or query is empty, too long or not text."""

    code = "bad_query"


class FilterError(InputError):
    """A search filter is unknown or has a bad value."""

    code = "bad_filter"


class UnsupportedTypeError(InputError):
    """A file type the knowledge base does not read."""

    code = "unsupported_type"


class TooLargeError(InputError):
    """A question, file or request body over its size limit."""

    http_status = 413
    code = "too_large"


class AuthError(PartyQAError):
    """A missing or wrong API key."""

    http_status = 401
    code = "unauthorized"


class ForbiddenError(PartyQAError):
    """A request refused for where it comes from (foreign host or origin)."""

    http_status = 403
    code = "forbidden"


class NotFoundError(PartyQAError):
    """No document (or other resource) with the given id."""

    http_status = 404
    code = "not_found"


class ConflictError(PartyQAError):
    """The change collides with the state of the knowledge base (e.g. a name already used)."""

    http_status = 409
    code = "conflict"


class BusyError(PartyQAError):
    """Too much work is already queued; try again later."""

    http_status = 429
    code = "busy"


class ReadError(PartyQAError):
    """A file that cannot be read or decoded as an article.

    Attributes:
        path: The file concerned, or ``None`` when raised for bytes without a file.
        reason: What went wrong, without the file name.
    """

    http_status = 422
    code = "unreadable"

    def __init__(self, path: Path | str | None, reason: str, *, user_message: str | None = None) -> None:
        self.path = Path(path) if path is not None else None
        self.reason = reason
        shown = f"{self.path.name}: {reason}" if self.path is not None else reason
        super().__init__(shown, user_message=user_message)

    def __reduce__(self):
        """Support pickling (worker processes) despite the two-argument constructor."""
        return type(self), (self.path, self.reason)


class NotReadyError(PartyQAError):
    """The engine cannot answer yet (no index loaded, model missing)."""

    http_status = 503
    code = "not_ready"


class IndexLoadError(NotReadyError):
    """The index cannot be loaded."""

    code = "index_unavailable"


class IndexMissingError(IndexLoadError):
    """No index has been built yet."""

    code = "index_missing"


class IndexMismatchError(IndexLoadError):
    """The index was built by another model or format version."""

    code = "index_mismatch"


class IndexCorruptError(IndexLoadError):
    """A file of the index is damaged (checksum, shape or syntax wrong)."""

    code = "index_corrupt"


class ModelError(NotReadyError):
    """An embedding model could not be loaded; the message says which and how to fix it."""

    code = "model_unavailable"
