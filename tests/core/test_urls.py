"""Record addresses: one pattern each, written out here, so an address that moves breaks a test."""

import pytest

from videre.core import urls


@pytest.mark.parametrize(
    "address, expected",
    [
        (urls.municipality_page("esbjerg"), "kommuner/esbjerg/"),
        (urls.region_page("syddanmark"), "regioner/syddanmark/"),
        (urls.offer_page("esbjerg", "stoette"), "tilbud/esbjerg/stoette/"),
        (urls.partner_page("sind"), "partnere/sind/"),
        (urls.municipality_handout("esbjerg"), "udskrivning/esbjerg/"),
    ],
)
def test_addresses(address, expected):
    assert address == expected


@pytest.mark.parametrize(
    "address, expected",
    [
        ("kommuner/esbjerg/", "kommuner/esbjerg.md"),
        ("tilbud/sind/gaatur/", "tilbud/sind/gaatur.md"),
        ("kommuner/esbjerg", "kommuner/esbjerg.md"),
    ],
)
def test_source_path_below_docs(address, expected):
    assert urls.source(address) == expected
