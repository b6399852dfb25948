"""The web server: the JSON API under ``/api`` and the Gradio chat UI at ``/``.

One :class:`retrieval.engine.Engine` is loaded once, before uvicorn starts, and shared by
the API and the UI. Run with ``partyqa serve`` or ``python -m app.server``.
"""

from __future__ import annotations

import os
import sys
import time

from fastapi import FastAPI, Security
from fastapi.security import HTTPBearer

from app.api import install_handlers, make_router
from app.api.auth import ApiKeyMiddleware, check_exposure
from app.api.dify import make_dify_router
from app.api.docs import install_docs
from app.api.jobs import make_jobs_router
from app.api.openai_compat import make_openai_router
from app.api.security import install_security
from partyqa.config import Config
from partyqa.progress import line_progress

os.environ.setdefault("GRADIO_ANALYTICS_ENABLED", "False")
#: Bytes of multipart framing allowed on top of the files of one upload.
MULTIPART_OVERHEAD = 1024 * 1024
#: Gradio's ``delete_cache``: every 10 minutes, remove its temporary files older than an hour.
GRADIO_CACHE_CLEANUP = (600, 3600)


def load_engine(config: Config):
    """Load the engine, building the index from ``config.articles_dir`` if there is none.

    Args:
        config: Application settings.

    Returns:
        The loaded :class:`retrieval.engine.Engine`.

    Raises:
        IndexLoadError: If the index cannot be loaded (damaged, or built by another model).
    """
    from retrieval.engine import Engine

    started = time.monotonic()
    print(f"[partyqa] loading model {config.model} and index {config.index_dir} …", file=sys.stderr, flush=True)
    engine = Engine.open(config, build_if_missing=True, progress=line_progress())
    info = engine.info()
    print(f"[partyqa] ready: {info['articles']} articles, {info['chunks']} chunks "
          f"({time.monotonic() - started:.1f} s)", file=sys.stderr, flush=True)
    return engine


def create_api(config: Config, engine, kb) -> FastAPI:
    """The FastAPI application with the JSON API only (no UI): errors, limits and routes.

    Args:
        config: Application settings.
        engine: The loaded engine.
        kb: Its knowledge base.

    Returns:
        The application (interactive API docs at ``/docs`` and ``/redoc``, served offline).
    """
    app = FastAPI(title="partyqa API",
                  description="Questions about party-building news articles, answered with citations. "
                              "Also an OpenAI-compatible chat endpoint (/v1) and Dify's External Knowledge "
                              "API (/retrieval).",
                  version=_version(), docs_url=None, redoc_url=None)
    install_handlers(app, upload_limit=config.max_request_bytes + MULTIPART_OVERHEAD)
    # With API keys, the bearer scheme is documented (the docs' Authorize button); the check is the middleware's.
    keyed = [Security(HTTPBearer(auto_error=False, description="An API key of PARTYQA_API_KEY"))] \
        if config.api_keys else []
    app.include_router(make_jobs_router(kb), dependencies=keyed)
    app.include_router(make_router(engine, kb, config), dependencies=keyed)
    app.include_router(make_openai_router(engine), dependencies=keyed)
    app.include_router(make_dify_router(engine), dependencies=keyed)
    install_docs(app, "partyqa API")
    if config.api_keys:
        app.add_middleware(ApiKeyMiddleware, keys=config.api_keys)
    return app


def create_app(config: Config, engine=None) -> FastAPI:
    """Build the ASGI app: API routes first, then the Gradio UI mounted at ``/``.

    Args:
        config: Application settings.
        engine: An already loaded engine; loaded with :func:`load_engine` when None.

    Returns:
        The FastAPI application (interactive API docs at ``/docs``).
    """
    import gradio as gr

    from app.ui import assets
    from app.ui.layout import build_ui
    from app.ui.locale import ChineseUIPage
    from retrieval.knowledge import KnowledgeBase

    engine = engine if engine is not None else load_engine(config)
    kb = KnowledgeBase(engine)
    app = create_api(config, engine, kb)
    install_security(app, config)  # before mounting: Gradio then adds no CORS policy of its own
    blocks = build_ui(engine, kb, config)
    # Files sent to /gradio_api/upload and never used are removed after an hour; used ones
    # are removed by the upload callback at once.
    blocks.delete_cache = GRADIO_CACHE_CLEANUP
    app = gr.mount_gradio_app(app, blocks, path="/", css=assets.css(), head=assets.head(), theme=assets.theme(),
                              max_file_size=config.max_upload_bytes, footer_links=["api"],
                              server_name=config.host, server_port=config.port, ssr_mode=False)
    # Gradio checks that event inputs name files uploaded to it only once ``launch()`` ran;
    # a mounted app never runs it, so without this any server path would be copied in.
    blocks.has_launched = True
    app.add_middleware(ChineseUIPage, path="/")
    return app


def _version() -> str:
    """The installed package version."""
    try:
        from partyqa import __version__

        return __version__
    except ImportError:  # pragma: no cover
        return "0"


def serve(config: Config) -> None:
    """Load the engine (building the index on first start), then serve until interrupted.

    Args:
        config: Application settings; ``host`` and ``port`` say where to listen.
    """
    import uvicorn

    from partyqa.errors import PartyQAError

    try:
        check_exposure(config)
        engine = load_engine(config)
    except PartyQAError as exc:
        print(f"错误 / error: {exc.message}", file=sys.stderr, flush=True)
        sys.exit(2)
    app = create_app(config, engine)
    host = f"[{config.host}]" if ":" in config.host else config.host
    print(f"[partyqa] serving on http://{host}:{config.port}/  (API docs: http://{host}:{config.port}/docs)",
          file=sys.stderr, flush=True)
    uvicorn.run(app, host=config.host, port=config.port, log_level="warning")


def main() -> None:
    """Entry point of ``python -m app.server`` (settings from ``PARTYQA_*`` variables)."""
    serve(Config.from_env())


if __name__ == "__main__":
    main()
