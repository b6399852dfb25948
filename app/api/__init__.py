"""The JSON HTTP API: request/response schemas, routes, and errors mapped by class."""

from app.api.errors import install_handlers
from app.api.routes import make_router

__all__ = ["install_handlers", "make_router"]
