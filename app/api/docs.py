"""API documentation that works without internet: Swagger UI at ``/docs``, ReDoc at ``/redoc``.

FastAPI's own pages load their scripts, styles, fonts and favicon from CDNs. Here the assets
come from the ``fastapi-offline`` package (``swagger-ui-bundle.js``, ``swagger-ui.css``,
``redoc.standalone.js``, ``favicon.png``) and are served under ``/docs-assets``; ReDoc's
Google fonts and Swagger UI's online validator are switched off.
"""

from __future__ import annotations

import importlib.util
from pathlib import Path

from fastapi import FastAPI, Request
from fastapi.openapi.docs import get_redoc_html, get_swagger_ui_html
from fastapi.responses import HTMLResponse
from fastapi.staticfiles import StaticFiles

from partyqa.errors import PartyQAError

#: Where the documentation assets are served.
ASSETS_PATH = "/docs-assets"
ASSET_FILES = ("swagger-ui-bundle.js", "swagger-ui.css", "redoc.standalone.js", "favicon.png")


def assets_dir() -> Path:
    """The folder of Swagger UI and ReDoc assets shipped by ``fastapi-offline``.

    Raises:
        PartyQAError: If the package is not installed or lacks a file.
    """
    spec = importlib.util.find_spec("fastapi_offline")
    locations = list(spec.submodule_search_locations or ()) if spec else []
    folder = Path(locations[0]) / "static" if locations else None
    if folder is None or not all((folder / name).is_file() for name in ASSET_FILES):
        raise PartyQAError("the offline API documentation assets are missing: pip install fastapi-offline")
    return folder


def install_docs(app: FastAPI, title: str) -> None:
    """Serve ``/docs`` and ``/redoc`` from local assets (create ``app`` with ``docs_url=None, redoc_url=None``).

    Args:
        app: The application (its ``openapi_url`` is documented).
        title: Title of the pages.
    """
    app.mount(ASSETS_PATH, StaticFiles(directory=assets_dir()), name="docs-assets")

    @app.get("/docs", include_in_schema=False)
    async def swagger(request: Request) -> HTMLResponse:
        root = request.scope.get("root_path", "").rstrip("/")
        return get_swagger_ui_html(openapi_url=root + app.openapi_url, title=f"{title} – Swagger UI",
                                   swagger_js_url=f"{root}{ASSETS_PATH}/swagger-ui-bundle.js",
                                   swagger_css_url=f"{root}{ASSETS_PATH}/swagger-ui.css",
                                   swagger_favicon_url=f"{root}{ASSETS_PATH}/favicon.png",
                                   swagger_ui_parameters={"validatorUrl": None})

    @app.get("/redoc", include_in_schema=False)
    async def redoc(request: Request) -> HTMLResponse:
        root = request.scope.get("root_path", "").rstrip("/")
        return get_redoc_html(openapi_url=root + app.openapi_url, title=f"{title} – ReDoc",
                              redoc_js_url=f"{root}{ASSETS_PATH}/redoc.standalone.js",
                              redoc_favicon_url=f"{root}{ASSETS_PATH}/favicon.png", with_google_fonts=False)
