"""The whole generated site as data: pages and static files, independent of any generator.

The MkDocs hook registers these in memory; ``videre sider --ud DIR`` writes
them to disk, so another generator (Zensical, ProperDocs, Hugo) can take over.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from . import exports
from .model import Catalog
from .pages import Page, SiteOptions
from .pages.directory import directory_page
from .pages.municipality import municipality_pages
from .pages.offer import offer_pages
from .pages.partner import partner_pages
from .pages.region import municipality_index, region_pages


@dataclass(frozen=True)
class StaticFile:
    path: str
    content: str


def build_pages(catalog: Catalog, options: SiteOptions) -> list[Page]:
    return [
        municipality_index(catalog, options),
        *municipality_pages(catalog, options),
        *region_pages(catalog, options),
        *partner_pages(catalog, options),
        directory_page(catalog, options),
        *offer_pages(catalog, options),
    ]


def build_files(catalog: Catalog, options: SiteOptions) -> list[StaticFile]:
    return [
        StaticFile("katalog.json", exports.directory_json(catalog, options)),
        StaticFile("offers.json", exports.offers_json(catalog, options)),
        StaticFile("offers.csv", exports.offers_csv(catalog, options)),
    ]


def write_tree(out_dir: Path, pages: list[Page], files: list[StaticFile]) -> int:
    """Write pages and files below ``out_dir``; returns how many were written."""
    for item in [*pages, *files]:
        path = out_dir / (item.src_uri if isinstance(item, Page) else item.path)
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(item.markdown if isinstance(item, Page) else item.content, encoding="utf-8")
    return len(pages) + len(files)
