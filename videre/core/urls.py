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


EDITOR = "redaktion/"
"""The form at /redaktion/, where municipalities and associations edit their records."""
PARTNERS_COLLECTION = "foreninger"
CONTACTS_COLLECTION = "kommunekontakter"
DEPARTMENTS_COLLECTION = "afdelinger"


def municipal_offers_collection(slug: str) -> str:
    """The form's collection of a municipality's offers: ``tilbud-esbjerg``."""
    return f"tilbud-{slug}"


def partner_offers_collection(slug: str) -> str:
    """The form's collection of an association's offers: ``partnertilbud-sind``."""
    return f"partnertilbud-{slug}"


def editor_entry(collection: str, entry: str) -> str:
    """One record in the form: ``redaktion/#/collections/tilbud-esbjerg/entries/kognitiv-traening``.

    The form keeps the collection and the file name (without '.yaml') in its hash route."""
    return f"{EDITOR}#/collections/{collection}/entries/{entry}"


CONTRIBUTING_YAML = "bidrag/#ret-et-tilbud-i-yaml-paa-github"
"""The guide's section on editing a record's YAML on the forge (CONTRIBUTING.md, shown on bidrag/)."""


def editor_collection(collection: str) -> str:
    """A collection in the form, e.g. a municipality's offers: ``redaktion/#/collections/tilbud-esbjerg``."""
    return f"{EDITOR}#/collections/{collection}"
