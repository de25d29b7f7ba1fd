"""Relative links from a generated page, so the site works under any base path."""

from __future__ import annotations

import posixpath
from dataclasses import dataclass
from typing import Callable

from . import relative


@dataclass(frozen=True)
class Linker:
    src: str
    """The page's own source path, e.g. ``kommuner/esbjerg.md``."""

    def url(self, target_url: str) -> str:
        """Link to a site URL from raw HTML (MkDocs leaves these alone)."""
        return relative(self.src, target_url)

    def md(self, target_src: str) -> str:
        """Link to a source page from Markdown (MkDocs checks these in strict mode)."""
        return posixpath.relpath(target_src, posixpath.dirname(self.src) or ".")

    def context(self) -> dict[str, Callable[[str], str]]:
        return {"link": self.url, "mdlink": self.md}
