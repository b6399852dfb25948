"""The web server: the JSON API under ``/api`` and the Gradio chat UI at ``/``.

One :class:`retrieval.engine.Engine` is loaded once, before uvicorn starts, and shared by
the API and the UI. Run with ``partyqa serve`` or ``python -m app.server``.
"""

from __future__ import annotations

import os
import sys
import time
from typing import Callable

from fastapi import FastAPI

from app.api import install_handlers, make_router
from partyqa.config import Config

os.environ.setdefault("GRADIO_ANALYTICS_ENABLED", "False")


def stderr_progress() -> Callable[[str, int, int], None]:
    """A ``progress(stage, done, total)`` callback printing index-building progress to stderr.

    Returns:
        The callback; it prints a line per stage start and end, and at most every 2 s.
    """
    labels = {"read": "读取文章 reading", "embed": "生成向量 embedding", "index": "写入索引 writing index"}
    last: dict[str, float] = {}

    def progress(stage: str, done: int, total: int) -> None:
        now = time.monotonic()
        if done in (0, total) or now - last.get(stage, 0.0) >= 2.0:
            last[stage] = now
            print(f"[partyqa] {labels.get(stage, stage)}: {done}/{total}", file=sys.stderr, flush=True)

    return progress


def load_engine(config: Config):
    """Load the engine, building the index from ``config.articles_dir`` if there is none.

    Args:
        config: Application settings.

    Returns:
        The loaded :class:`retrieval.engine.Engine`.

    Raises:
        index.store.IndexLoadError: If the index cannot be loaded (e.g. built by another model).
    """
    from retrieval.engine import Engine

    started = time.monotonic()
    print(f"[partyqa] loading model {config.model} and index {config.index_dir} …", file=sys.stderr, flush=True)
    engine = Engine.open(config, build_if_missing=True, progress=stderr_progress())
    manifest = engine.state.data.manifest
    counts = manifest.get("counts", {})
    print(f"[partyqa] ready: {counts.get('articles', '?')} articles, {counts.get('chunks', '?')} chunks "
          f"({time.monotonic() - started:.1f} s)", file=sys.stderr, flush=True)
    return engine


def create_app(config: Config, engine=None) -> FastAPI:
    """Build the ASGI app: API routes first, then the Gradio UI mounted at ``/``.

    Args:
        config: Application settings.
        engine: An already loaded engine; loaded with :func:`load_engine` when None.

    Returns:
        The FastAPI application (interactive API docs at ``/docs``).
    """
    import gradio as gr

    from app.ui import CSS, HEAD, build_ui, theme

    engine = engine if engine is not None else load_engine(config)

    def get_engine():
        return engine

    app = FastAPI(title="partyqa API",
                  description="Questions about party-building news articles, answered with citations.",
                  version=_version())
    install_handlers(app, config)
    app.include_router(make_router(get_engine, config))
    blocks = build_ui(get_engine, config)
    return gr.mount_gradio_app(app, blocks, path="/", css=CSS, head=HEAD, theme=theme(),
                               max_file_size=config.max_upload_bytes, footer_links=["api"],
                               server_name=config.host, server_port=config.port, ssr_mode=False)


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

    from index.embedder import EmbedderError
    from index.store import IndexLoadError

    try:
        engine = load_engine(config)
    except (IndexLoadError, EmbedderError) as exc:
        print(f"错误 / error: {exc}", file=sys.stderr, flush=True)
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
