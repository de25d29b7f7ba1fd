"""Check every internal link and anchor in a built site, without a network.

Every ``href``, ``src`` and address attribute (``data-katalog``, ``data-side``) in every HTML file is
resolved relative to its page (root-relative links relative to the site's base path). The target must exist
as a file (a directory means its ``index.html``), and a ``#fragment`` must be
an ``id`` (or ``name``) in the target page, unless it starts with ``/``: that is a route the
form at /redaktion/ reads, e.g. ``redaktion/#/collections/tilbud-esbjerg``. Links to other hosts, ``mailto:``
and ``tel:`` are not followed: the site never loads anything from them.
"""

from __future__ import annotations

import posixpath
from dataclasses import dataclass
from functools import cache
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import unquote, urlsplit

LINK_ATTRIBUTES = {"href", "src", "data-katalog", "data-side"}
EXTERNAL_SCHEMES = {"http", "https", "mailto", "tel"}
SKIPPED_SCHEMES = {"data", "blob"}


@dataclass(frozen=True)
class BrokenLink:
    page: str
    """The page holding the link, relative to the site root."""
    link: str
    reason: str

    def __str__(self) -> str:
        return f"{self.page}: {self.link} ({self.reason})"


class _Collector(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.links: list[str] = []
        self.ids: set[str] = set()
        self.base: str | None = None

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        for name, value in attrs:
            if value is None:
                continue
            if name in ("id", "name") and (name == "id" or tag == "a"):
                self.ids.add(value)
            elif name in LINK_ATTRIBUTES and not (tag == "link" and ("rel", "canonical") in attrs):
                self.links.append(value)
        if tag == "base":
            self.base = dict(attrs).get("href")


@cache
def _parse(path: Path) -> _Collector:
    collector = _Collector()
    collector.feed(path.read_text(encoding="utf-8", errors="replace"))
    collector.close()
    return collector


def _target_file(site: Path, url_path: str) -> Path | None:
    """The file a URL path on the site serves, or None."""
    candidate = (site / url_path.lstrip("/")).resolve()
    if site.resolve() not in (candidate, *candidate.parents):
        return None
    if candidate.is_dir():
        candidate = candidate / "index.html"
    return candidate if candidate.is_file() else None


def check_page(site: Path, page: Path, base_path: str = "/") -> list[BrokenLink]:
    """Broken internal links on one page. ``base_path`` is the site's path on its host, e.g. ``/``."""
    relative_page = page.relative_to(site).as_posix()
    collector = _parse(page)
    page_dir = posixpath.dirname("/" + relative_page)
    broken: list[BrokenLink] = []
    for link in dict.fromkeys(collector.links):
        parts = urlsplit(link.strip())
        if parts.scheme in EXTERNAL_SCHEMES or parts.scheme in SKIPPED_SCHEMES or parts.netloc:
            continue
        if parts.scheme:
            broken.append(BrokenLink(relative_page, link, f"ukendt skema '{parts.scheme}:'"))
            continue
        if parts.path.startswith("/"):
            if not parts.path.startswith(base_path):
                broken.append(BrokenLink(relative_page, link, "peger uden for sitet"))
                continue
            url_path = parts.path[len(base_path) :]
        else:
            url_path = posixpath.normpath(posixpath.join(page_dir, parts.path)) if parts.path else "/" + relative_page
            if parts.path.endswith("/") and not url_path.endswith("/"):
                url_path += "/"
        target = _target_file(site, unquote(url_path))
        if target is None:
            broken.append(BrokenLink(relative_page, link, "filen findes ikke"))
            continue
        fragment = unquote(parts.fragment)
        if fragment.startswith("/"):
            continue  # a route inside a single-page app (the form: redaktion/#/collections/…), not an anchor
        if fragment and target.suffix == ".html" and fragment not in _parse(target).ids:
            broken.append(BrokenLink(relative_page, link, f"ankeret #{fragment} findes ikke"))
    return broken


def check_site(site: Path, base_path: str = "/") -> tuple[int, list[BrokenLink]]:
    """Check every HTML page below ``site``; returns (pages checked, broken links)."""
    _parse.cache_clear()
    pages = sorted(site.rglob("*.html"))
    broken: list[BrokenLink] = []
    for page in pages:
        broken += check_page(site, page, base_path)
    _parse.cache_clear()
    return len(pages), broken
