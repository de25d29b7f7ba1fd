"""Case pages (sager/), and the pages that link offer kinds and content elements back to them.

Each case links to ``typer/<kind>/`` and ``indhold/<element>/``. Those pages
list the cases that use the kind or element, and the way to the offers:
``typer/<kind>/`` links to the directory filtered by that kind, and
``indhold/<element>/`` lists the offers that work with the element.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass

from ..catalog.catalog import Catalog
from ..core import vocab
from ..core.model import Offer
from ..core.options import SiteOptions
from ..kinds.cases import NOT_DESCRIBED, Case
from . import Page, render
from .links import Linker

INDEX = "sager/index.md"


@dataclass(frozen=True)
class Topic:
    """A content element or an offer kind, with the cases and offers that use it."""

    folder: str
    """``indhold`` or ``typer``."""
    code: str
    label: str
    cases: tuple[Case, ...]
    offers: tuple[Offer, ...]

    @property
    def src(self) -> str:
        return f"{self.folder}/{self.code}.md"

    @property
    def url(self) -> str:
        return f"{self.folder}/{self.code}/"


FOLDERS = {
    "indhold": ("Indhold i forløbet", vocab.CONTENT_ELEMENTS, "elements", "offers"),
    "typer": ("Typer af tilbud", vocab.OFFER_KINDS, "kinds", "kind"),
}
"""folder → (heading, codes, the case field, the offer field)."""


def ordered(cases: tuple[Case, ...]) -> list[Case]:
    """Cases from the sources first, in source order; constructed examples after, by title."""

    def first_line(case: Case) -> int:
        match = re.match(r"[0-9]+", case.source.lines)
        return int(match.group(0)) if match else 0

    return sorted(cases, key=lambda c: (c.constructed, first_line(c) if not c.constructed else 0, c.title))


def topics(catalog: Catalog, options: SiteOptions) -> dict[str, list[Topic]]:
    cases = ordered(catalog.cases)
    offers = catalog.all_offers()
    found: dict[str, list[Topic]] = {}
    for folder, (_, table, case_field, offer_field) in FOLDERS.items():
        found[folder] = []
        for code, label in table.items():
            using = tuple(c for c in cases if code in getattr(c, case_field))
            if offer_field == "kind":
                matching = tuple(o for o in offers if o.kind == code)
            else:
                matching = tuple(o for o in offers if code in o.elements)
            found[folder].append(Topic(folder, code, label, using, matching))
    return found


def owner_names(catalog: Catalog) -> Mapping[str, str]:
    names = {m.slug: f"{m.name} Kommune" for m in catalog.register.municipalities}
    names.update({p.slug: p.short_name for p in catalog.partners})
    return names


def case_pages(catalog: Catalog, options: SiteOptions) -> list[Page]:
    cases = ordered(catalog.cases)
    by_folder = topics(catalog, options)
    pages = [
        Page(
            INDEX,
            render("sager.md.j2", cases=cases, topics=by_folder, folders=FOLDERS, **Linker(INDEX).context()),
            in_nav=True,
        )
    ]
    for case in cases:
        src = f"sager/{case.slug}.md"
        pages.append(Page(src, render("sag.md.j2", c=case, not_described=NOT_DESCRIBED, **Linker(src).context())))
    names = owner_names(catalog)
    for folder, found in by_folder.items():
        heading = FOLDERS[folder][0]
        index = f"{folder}/index.md"
        pages.append(Page(index, render("sag-emner.md.j2", heading=heading, topics=found, **Linker(index).context())))
        for topic in found:
            pages.append(
                Page(
                    topic.src,
                    render("sag-emne.md.j2", t=topic, heading=heading, names=names, **Linker(topic.src).context()),
                )
            )
    return pages
