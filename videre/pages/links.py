"""Relative links from a generated page, so the site works under any base path and either URL scheme."""

from __future__ import annotations

import posixpath
import re
from collections.abc import Callable
from dataclasses import dataclass
from urllib.parse import urlsplit

from . import page_url, relative


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


def file_url(src: str) -> str:
    """The URL of a source page when the generator writes one file per page (MkDocs' ``use_directory_urls:
    false``): ``kommuner/esbjerg.md`` → ``kommuner/esbjerg.html``, ``kommuner/index.md`` → ``kommuner/index.html``."""
    return src.removesuffix(".md") + ".html"


_LINK = re.compile(
    r'(\b(?P<attribute>href|src|data-katalog|data-side|data-rod)="|<meta http-equiv="refresh" content="\d+; url=)'
    r'(?P<url>[^"]*)"'
)


@dataclass(frozen=True)
class FileUrls:
    """Rewrites the raw-HTML links of a finished tree from directory URLs to file URLs.

    Links in raw HTML are left alone by every Markdown generator, so they must already be right for its URL
    scheme. Our builders write them for directory URLs (``Linker.url``); this knows every page and file of
    the tree, so a URL ``a/b/`` becomes the file the generator writes for ``a/b.md`` or ``a/b/index.md``,
    or ``a/b/index.html`` for a static page. Markdown links (``.md``) are the generator's own job."""

    pages: frozenset[str]
    """Every source page below docs/, e.g. ``kommuner/esbjerg.md``."""
    files: frozenset[str]
    """Every other file below docs/, e.g. ``skaerme/esbjerg/index.html``."""

    def target(self, path: str) -> str:
        """The file-URL form of a site path given in directory form (``kommuner/esbjerg/``)."""
        if path == "" or path.endswith("/"):
            for src in (path + "index.md", path.removesuffix("/") + ".md"):
                if src in self.pages:
                    return file_url(src)
            if path + "index.html" in self.files:
                return path + "index.html"
        return path

    def rewrite(self, own: str, text: str) -> str:
        """``text`` of the page or file ``own`` (a path below docs/) with every relative raw-HTML link
        rewritten; a page's links were relative to its directory URL, a static file's to its folder."""
        is_page = own.endswith(".md")
        old_base = page_url(own) if is_page else posixpath.dirname(own) + "/"
        new_base = posixpath.dirname(file_url(own) if is_page else own) + "/"

        def one(found: re.Match[str]) -> str:
            link = self._link(
                found["url"], old_base.lstrip("/"), new_base.lstrip("/"), mapped=found["attribute"] != "data-rod"
            )
            return found[0][: found.start("url") - found.start()] + link + '"'

        return _LINK.sub(one, text)

    def _link(self, link: str, old_base: str, new_base: str, *, mapped: bool) -> str:
        """One link; ``mapped=False`` for a root prefix that scripts append addresses to (``data-rod``)."""
        parts = urlsplit(link)
        if parts.scheme or parts.netloc or parts.path.startswith("/") or not parts.path:
            return link
        resolved = posixpath.normpath(posixpath.join(old_base or ".", parts.path))
        if resolved.startswith(".."):
            return link
        resolved = "" if resolved == "." else resolved
        if resolved and (parts.path.endswith("/") or posixpath.basename(parts.path) in (".", "..")):
            resolved += "/"
        target = self.target(resolved) if mapped else resolved
        new = posixpath.relpath(target or ".", new_base.rstrip("/") or ".")
        if (target == "" or target.endswith("/")) and not new.endswith("/"):
            new += "/"
        return new + (f"?{parts.query}" if parts.query else "") + (f"#{parts.fragment}" if parts.fragment else "")
