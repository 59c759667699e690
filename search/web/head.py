"""HEAD answered like GET without the body (RFC 9110 §9.3.2).

FastAPI routes declared with `@app.get` answer only GET, so link checkers and monitoring,
which send HEAD, got 405. This ASGI middleware hands the app a GET and passes on its status
and headers (Content-Length and Content-Type included) but no body bytes. The server's own
scope keeps the HEAD, so uvicorn frames the response as a HEAD answer too.
"""
from __future__ import annotations

from starlette.types import ASGIApp, Message, Receive, Scope, Send


class HeadAsGet:
    """Pure ASGI middleware: a HEAD request is run as GET; the body is dropped."""

    def __init__(self, app: ASGIApp):
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http" or scope["method"] != "HEAD":
            await self.app(scope, receive, send)
            return
        done = False

        async def headers_only(message: Message) -> None:
            nonlocal done
            kind = message["type"]
            if kind == "http.response.start":
                await send(message)
            elif kind in ("http.response.body", "http.response.pathsend"):
                # Streamed bodies come in chunks: one empty closing body at the end.
                if not message.get("more_body", False) and not done:
                    done = True
                    await send({"type": "http.response.body", "body": b"",
                                "more_body": False})
            else:
                await send(message)

        await self.app({**scope, "method": "GET"}, receive, headers_only)
