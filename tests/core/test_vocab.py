"""Coded values: the age groups at their edges, labels and search words."""

import pytest

from videre.core import vocab


@pytest.mark.parametrize(
    "low, high, expected",
    [
        (0, 17, ("boern-unge",)),
        (17, 18, ("boern-unge", "unge-voksne")),
        (18, 29, ("unge-voksne",)),
        (29, 30, ("unge-voksne", "voksne")),
        (30, 64, ("voksne",)),
        (64, 65, ("voksne", "aeldre")),
        (65, 120, ("aeldre",)),
        (18, 120, ("unge-voksne", "voksne", "aeldre")),
        (0, 120, ("boern-unge", "unge-voksne", "voksne", "aeldre")),
    ],
)
def test_an_offer_is_in_every_age_group_its_range_touches(low, high, expected):
    assert vocab.age_groups(low, high) == expected


def test_labels_fall_back_to_the_code():
    assert vocab.label(vocab.PROBLEMS, "angst") == "Angst"
    assert vocab.label(vocab.PROBLEMS, "ukendt-kode") == "ukendt-kode"


def test_codes_are_lowercase_ascii_slugs():
    import re

    tables = [
        value
        for name, value in vars(vocab).items()
        if name.isupper() and hasattr(value, "keys") and name not in ("SEARCH_WORDS", "SOURCE_DOCUMENTS")
    ]
    assert len(tables) >= 8
    for table in tables:
        for code in table:
            assert re.fullmatch(r"[a-z0-9]+(-[a-z0-9]+)*", code), code


def test_search_words_give_the_label_then_the_everyday_words_once():
    words = vocab.search_words((vocab.PROBLEMS, ("depression", "depression", "ocd")))
    assert words == [
        "Depression",
        "nedtrykt",
        "deprimeret",
        "tristhed",
        "OCD (tvangstanker)",
        "tvangstanker",
        "tvangshandlinger",
    ]
