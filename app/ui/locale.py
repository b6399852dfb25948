"""Serve the chat page in Chinese, whatever the browser's language.

Gradio translates its own labels ("Drop File Here", "Use via API", "Built with Gradio", …)
into the browser's language (``navigator.language``, read by its frontend before any page
script of ours runs), and ships a zh-CN translation. :class:`ChineseUIPage` rewrites the one
HTML page of the UI so that, before Gradio's scripts start, the browser reports ``zh-CN`` and
the document says ``lang="zh-CN"`` (which also makes the browser pick Chinese fonts).
"""

from __future__ import annotations

LOCALE = "zh-CN"
#: Runs first in ``<head>``: the browser language as Gradio's i18n sees it.
LOCALE_SCRIPT = (
    "<script>(function(){function v(x){return{get:function(){return x},configurable:true}}"
    "try{Object.defineProperty(Navigator.prototype,'language',v('zh-CN'));"
    "Object.defineProperty(Navigator.prototype,'languages',v(['zh-CN','zh']));}catch(e){}"
    "document.documentElement.lang='zh-CN';})();</script>"
)


def localize_page(page: bytes) -> bytes:
    """The UI page with ``lang="zh-CN"`` and :data:`LOCALE_SCRIPT` first in its ``<head>``."""
    text = page.decode("utf-8")
    text = text.replace('lang="en"', f'lang="{LOCALE}"', 1)
    at = text.find("<head>")
    if at >= 0:
        at += len("<head>")
        text = text[:at] + LOCALE_SCRIPT + text[at:]
    return text.encode("utf-8")


class ChineseUIPage:
    """ASGI middleware: GET ``path`` (the UI page) is answered through :func:`localize_page`.

    The request is passed on without ``Accept-Encoding`` so that the page comes back
    uncompressed; every other request passes through untouched.
    """

    def __init__(self, app, path: str = "/"):
        self.app = app
        self.path = path

    async def __call__(self, scope, receive, send):
        if scope["type"] != "http" or scope.get("method") != "GET" or scope.get("path") != self.path:
            await self.app(scope, receive, send)
            return
        scope = dict(scope, headers=[(k, v) for k, v in scope["headers"] if k.lower() != b"accept-encoding"])
        start: dict = {}
        chunks: list[bytes] = []

        async def capture(message):
            if message["type"] == "http.response.start":
                start.update(message)
                return
            if message["type"] != "http.response.body":
                await send(message)
                return
            chunks.append(message.get("body", b""))
            if message.get("more_body"):
                return
            body, headers = b"".join(chunks), list(start.get("headers", []))
            kind = dict((k.lower(), v) for k, v in headers).get(b"content-type", b"")
            if kind.startswith(b"text/html") and not any(k.lower() == b"content-encoding" for k, _ in headers):
                body = localize_page(body)
                headers = [(k, v) for k, v in headers if k.lower() != b"content-length"]
                headers.append((b"content-length", str(len(body)).encode()))
            await send(dict(start, headers=headers))
            await send({"type": "http.response.body", "body": body})

        await self.app(scope, receive, capture)
