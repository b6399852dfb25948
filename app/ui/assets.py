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


#: Fonts of the page: installed CJK fonts first (no web fonts are fetched).
FONTS = ("Noto Sans CJK SC", "Source Han Sans SC", "WenQuanYi Micro Hei", "PingFang SC", "Microsoft YaHei",
         "ui-sans-serif", "system-ui", "sans-serif")
MONO_FONTS = ("ui-monospace", "Noto Sans Mono CJK SC", "Consolas", "monospace")


def theme():
    """The UI theme: Gradio's default with red accents and only locally installed fonts."""
    import gradio as gr

    return gr.themes.Default(primary_hue="red", font=list(FONTS), font_mono=list(MONO_FONTS))
