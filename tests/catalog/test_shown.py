"""Which records a build shows is decided once, by ``Catalog.shown(options)``."""

from __future__ import annotations

import datetime as dt

from tests.helpers.site import DATA
from videre.catalog.load import load_catalog
from videre.core.options import SiteOptions

TODAY = dt.date(2026, 11, 23)


def _records(catalog) -> dict[str, list]:
    return {
        "offers": list(catalog.offers),
        "partners": list(catalog.partners),
        "partner_offers": list(catalog.partner_offers),
        "contacts": list(catalog.contacts.values()),
        "departments": list(catalog.departments),
        "screens": list(catalog.screens),
        "redirects": list(catalog.redirects),
        "flows": list(catalog.flows),
        "cases": list(catalog.cases),
        "figures": list(catalog.figures),
    }


def test_with_examples_shown_the_catalog_is_shown_as_it_is() -> None:
    catalog = load_catalog(DATA, today=TODAY).catalog
    assert catalog.shown(SiteOptions(show_examples=True, today=TODAY)) is catalog


def test_without_examples_every_example_record_is_left_out_and_nothing_else() -> None:
    catalog = load_catalog(DATA, today=TODAY).catalog
    visible = catalog.shown(SiteOptions(show_examples=False, today=TODAY))
    everything, shown = _records(catalog), _records(visible)
    assert sum(getattr(r, "example", False) for records in everything.values() for r in records) > 0, (
        "the real data has example records; without them this test proves nothing"
    )
    assert shown == {
        kind: [r for r in records if not getattr(r, "example", False)] for kind, records in everything.items()
    }
    assert visible.register is catalog.register
