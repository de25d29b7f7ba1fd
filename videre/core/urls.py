"""Every address of a record's page, built in one place.

Addresses are relative to the site root and end in '/' (``kommuner/esbjerg/``).
The page's source below ``docs/`` is the same path with ``.md``. Builders,
exports, redirects and checks ask here instead of spelling the pattern
themselves, so an address cannot change in one place and not in another.
"""

from __future__ import annotations


def municipality_page(slug: str) -> str:
    return f"kommuner/{slug}/"


def region_page(slug: str) -> str:
    return f"regioner/{slug}/"


def offer_page(owner: str, slug: str) -> str:
    return f"tilbud/{owner}/{slug}/"


def partner_page(slug: str) -> str:
    return f"partnere/{slug}/"


def municipality_handout(slug: str) -> str:
    """The printable page for a municipality's patients, a standalone HTML file (``index.html`` below it)."""
    return f"udskrivning/{slug}/"


def source(address: str) -> str:
    """The page's source path below docs/: ``kommuner/esbjerg/`` → ``kommuner/esbjerg.md``."""
    return address.rstrip("/") + ".md"
