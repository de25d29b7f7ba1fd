"""Debian's Chromium, a local HTTP server for a built site, and a page that blocks every other host."""

from __future__ import annotations

import functools
import http.server
import re
import threading
from typing import ClassVar
from urllib.parse import urlparse

CHROMIUM = "/usr/lib/chromium/chromium"
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
    "--disable-quic",
]


class _QuietHandler(http.server.SimpleHTTPRequestHandler):
    extensions_map: ClassVar[dict[str, str]] = {
        **http.server.SimpleHTTPRequestHandler.extensions_map,
        ".wasm": "application/wasm",
        ".pagefind": "application/octet-stream",
        ".pf_meta": "application/octet-stream",
        ".pf_index": "application/octet-stream",
        ".pf_fragment": "application/octet-stream",
    }

    def log_message(self, format: str, *args: object) -> None:
        pass


def serve(directory) -> tuple[http.server.ThreadingHTTPServer, str]:
    handler = functools.partial(_QuietHandler, directory=str(directory))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return server, f"http://127.0.0.1:{server.server_address[1]}/"


class GuardedPage:
    """A page whose every request is routed: anything not on the local server is blocked and recorded."""

    def __init__(self, browser: object, base_url: str, **context_options: object):
        self.context = browser.new_context(**context_options)  # type: ignore[attr-defined]
        self.host = urlparse(base_url).netloc
        self.foreign: list[str] = []
        self.console_errors: list[str] = []
        # Only requests to another host come to Python: the pattern is matched in the browser driver, so the
        # site's own files load without a round trip through the test process.
        self.context.route(
            re.compile(rf"^(?!(?:data|blob):)(?![a-z][a-z0-9+.-]*://{re.escape(self.host)}(?:[/?#]|$))"), self._block
        )
        self.page = self.context.new_page()
        self.page.on("console", lambda m: self.console_errors.append(m.text) if m.type == "error" else None)
        self.page.on("pageerror", lambda e: self.console_errors.append(str(e)))

    def _block(self, route: object) -> None:
        self.foreign.append(route.request.url)  # type: ignore[attr-defined]
        route.abort()  # type: ignore[attr-defined]

    def close(self) -> None:
        self.context.close()
