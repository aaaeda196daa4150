"""Headers and limits every response gets: articles are hostile input, and so are requests."""

from __future__ import annotations

import json

# Scripts, styles and images only from this server; nothing inline, no plugins, no framing.
CONTENT_SECURITY_POLICY = (
    "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
    "font-src 'self'; connect-src 'self'; object-src 'none'; base-uri 'none'; "
    "form-action 'self'; frame-ancestors 'none'"
)
SECURITY_HEADERS = [
    (b"content-security-policy", CONTENT_SECURITY_POLICY.encode()),
    (b"x-content-type-options", b"nosniff"),
    (b"x-frame-options", b"DENY"),
    (b"referrer-policy", b"no-referrer"),
]
DEFAULT_MAX_BODY = 10 * 1024 * 1024  # bytes of one request body


class BodyTooLarge(Exception):
    pass


class SecurityMiddleware:
    """Adds the security headers, and refuses a request body over ``max_body`` bytes (413) —
    by its Content-Length before reading it, or while reading a body sent in chunks."""

    def __init__(self, app, max_body: int = DEFAULT_MAX_BODY) -> None:
        self.app = app
        self.max_body = max_body

    async def __call__(self, scope, receive, send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        headers = dict(scope["headers"])
        declared = headers.get(b"content-length", b"0")
        if not declared.isdigit() or int(declared) > self.max_body:
            await self._refuse(send, declared)
            return
        received = 0
        started = False

        async def limited_receive():
            nonlocal received
            message = await receive()
            if message["type"] == "http.request":
                received += len(message.get("body", b""))
                if received > self.max_body:
                    raise BodyTooLarge
            return message

        async def secured_send(message):
            nonlocal started
            if message["type"] == "http.response.start":
                started = True
                message = {**message, "headers": [*message.get("headers", []),
                                                  *SECURITY_HEADERS]}
            await send(message)

        try:
            await self.app(scope, limited_receive, secured_send)
        except BodyTooLarge:
            if not started:
                await self._refuse(send, str(received).encode())

    async def _refuse(self, send, size: bytes) -> None:
        problem = (f"request body of {size.decode(errors='replace')} bytes is over the limit "
                   f"of {self.max_body} bytes" if size.isdigit()
                   else "Content-Length is not a number")
        status = 413 if size.isdigit() else 400
        body = json.dumps({"status": status, "error": problem}).encode()
        await send({"type": "http.response.start", "status": status,
                    "headers": [(b"content-type", b"application/json"),
                                (b"content-length", str(len(body)).encode()),
                                *SECURITY_HEADERS]})
        await send({"type": "http.response.body", "body": body})
