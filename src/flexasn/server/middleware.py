"""ASGI middleware of the web service: the body size limit and the last-resort guard."""

from __future__ import annotations

from fastapi import Request
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from .problems import internal_problem, limit_problem


class BodyLimit:
    """Answers 413 to a request whose body is over ``max_body_bytes``, before any route
    reads it: by its ``Content-Length``, or (chunked) by counting as it arrives."""

    def __init__(self, app: ASGIApp, limit: int) -> None:
        self.app = app
        self.limit = limit

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        length = dict(scope["headers"]).get(b"content-length")
        if length is not None and length.isdigit() and int(length) <= self.limit:
            await self.app(scope, receive, send)  # the server holds it to Content-Length
            return
        if length is not None and length.isdigit():
            await self._refuse(scope, receive, send)
            return
        chunks: list[Message] = []
        size = 0
        while True:
            message = await receive()
            chunks.append(message)
            if message["type"] != "http.request":
                break
            size += len(message.get("body", b""))
            if size > self.limit:
                await self._refuse(scope, receive, send)
                return
            if not message.get("more_body", False):
                break

        async def replay() -> Message:
            return chunks.pop(0) if chunks else await receive()

        await self.app(scope, replay, send)

    async def _refuse(self, scope: Scope, receive: Receive, send: Send) -> None:
        response = limit_problem(
            Request(scope), 413, "body_too_large", "max_body_bytes", self.limit
        )
        await response(scope, receive, send)


class Guard:
    """Any exception a route did not turn into a problem becomes a 500 problem without
    details; the log names its type and the path, never its message or a traceback."""

    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        started = False

        async def watch(message: Message) -> None:
            nonlocal started
            if message["type"] == "http.response.start":
                started = True
            await send(message)

        try:
            await self.app(scope, receive, watch)
        except Exception as error:
            if started:  # pragma: no cover - a response cut short: nothing more to send
                return
            await internal_problem(Request(scope), error)(scope, receive, send)


__all__ = [
    "BodyLimit",
    "Guard",
]
