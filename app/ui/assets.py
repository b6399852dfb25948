"""The chat page's static assets: styles and script, kept as files in ``app/ui/static/``."""

from __future__ import annotations

from functools import cache
from pathlib import Path

STATIC_DIR = Path(__file__).resolve().parent / "static"


@cache
def css() -> str:
    """The page styles (``static/partyqa.css``)."""
    return (STATIC_DIR / "partyqa.css").read_text(encoding="utf-8")


@cache
def head() -> str:
    """What goes into the page ``<head>``: the citation script (``static/partyqa.js``)."""
    return "<script>\n" + (STATIC_DIR / "partyqa.js").read_text(encoding="utf-8") + "</script>\n"


def theme():
    """The UI theme: Gradio's default with red accents and only locally served fonts."""
    import gradio as gr

    return gr.themes.Default(primary_hue="red")
