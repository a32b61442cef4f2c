"""Security headers on every response (docs/protection.md §5), and CORS closed unless configured.

- ``Cache-Control: no-store`` unless the route set its own (the public keys, the rule sources): no
  proxy or browser keeps a dossier;
- ``X-Content-Type-Options: nosniff``, ``Referrer-Policy: no-referrer``,
  ``Strict-Transport-Security`` (two years; a browser honours it over HTTPS only);
- ``Content-Security-Policy``: ``default-src 'none'; frame-ancestors 'none'`` on the API's answers;
  HTML pages (the API docs) get ``frame-ancestors 'none'`` only (they load their own scripts); the
  console's pages (``/console``) a restrictive policy: their own scripts, styles, fonts and images only,
  no inline script or style, forms posted to the console only (docs/console.md), and to the OpenID
  Connect provider's origin when one is configured: the sign-out form's answer sends the browser to the
  provider's ``end_session_endpoint``, and Chromium applies ``form-action`` to a form's redirects too.
"""

from __future__ import annotations

from collections.abc import Sequence

from starlette.types import ASGIApp, Message, Receive, Scope, Send

_ALWAYS = [
    (b"x-content-type-options", b"nosniff"),
    (b"referrer-policy", b"no-referrer"),
    (b"strict-transport-security", b"max-age=63072000; includeSubDomains"),
]
_CSP_API = b"default-src 'none'; frame-ancestors 'none'"
_CSP_HTML = b"frame-ancestors 'none'"


def console_csp(form_origins: Sequence[str] = ()) -> bytes:
    """The console pages' policy; ``form_origins``: other origins its forms' answers may redirect to."""
    targets = " ".join(["'self'", *form_origins])
    return (
        "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; font-src 'self'; "
        f"connect-src 'self'; form-action {targets}; base-uri 'none'; frame-ancestors 'none'"
    ).encode()


class SecurityHeadersMiddleware:
    def __init__(self, app: ASGIApp, console_form_origins: Sequence[str] = ()) -> None:
        self.app = app
        self.csp_console = console_csp(console_form_origins)

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return

        async def send_with_headers(message: Message) -> None:
            if message["type"] == "http.response.start":
                headers = list(message.get("headers", []))
                names = {name.lower() for name, _ in headers}
                content_type = next((v for n, v in headers if n.lower() == b"content-type"), b"")
                added = [h for h in _ALWAYS if h[0] not in names]
                if b"cache-control" not in names:
                    added.append((b"cache-control", b"no-store"))
                if b"content-security-policy" not in names:
                    html = content_type.startswith(b"text/html")
                    csp = _CSP_HTML if html else _CSP_API
                    if html and scope["path"].startswith("/console"):
                        csp = self.csp_console
                    added.append((b"content-security-policy", csp))
                message["headers"] = [*headers, *added]
            await send(message)

        await self.app(scope, receive, send_with_headers)
