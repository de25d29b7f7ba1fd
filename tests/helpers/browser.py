"""Debian's Chromium, a local HTTP server for a built site, and a page that blocks every other host."""

from __future__ import annotations

import re
from urllib.parse import urlparse

from bench.browser import CHROMIUM, CHROMIUM_ARGS, serve

__all__ = ["CHROMIUM", "CHROMIUM_ARGS", "GuardedPage", "serve"]
"""Chromium's path and flags and the local server are the bench's: the tests measure in the same browser."""


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
