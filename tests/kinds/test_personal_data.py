"""Personal data never reaches a page: CPR-like numbers anywhere, contact details in case stories.

The corpus in tests/fixtures/hostile/cases.py puts a CPR number in every
free-text field of every kind (cases '<kind>:<field>:cpr') and e-mail
addresses and phone numbers in every anonymous case text ('sag:…:email',
'sag:…:telefon'); tests/e2e/test_hostile.py runs them. This file pins the
detector's edge cases and checks that the corpus covers what it should.
"""

from __future__ import annotations

import datetime as dt
import unicodedata
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from tests.fixtures.hostile.cases import all_cases, base_records
from tests.helpers.records import GOOD_OFFER
from tests.helpers.site import write_tree
from videre.catalog.load import load_catalog
from videre.core.validate import cpr_like

TODAY = dt.date(2026, 11, 23)


@pytest.mark.parametrize(
    "text",
    [
        "010190-1234",
        "0101901234",
        "010190 1234",
        "Født 311299-4321.",
        "cpr: 290200-1234",  # 29 Feb 2000
        "010190\u20131234",
        "010190\u00a01234",
        "\uff10\uff11\uff10\uff11\uff19\uff10\uff0d\uff11\uff12\uff13\uff14",
        "a0101901234b",
        "Nr. 010101-0000 og mere",
    ],
)
def test_cpr_like_numbers_are_found(text: str) -> None:
    assert cpr_like(text)


@pytest.mark.parametrize(
    "text",
    [
        "320190-1234",  # day 32
        "011390-1234",  # month 13
        "290201-1234",  # 29 Feb in a year that is not a leap year (1901, 2001)
        "000190-1234",  # day 0
        "01019012345",  # eleven digits: not a CPR number
        "10101901234",  # eleven digits, the date in the middle
        "12 34 56 78",  # a phone number
        "+45 12345678",  # a phone number
        "2026-10-01",  # an ISO date
        "01-01-90-1234",  # hyphens everywhere
        "010190-123",  # too short
        "1234567890",  # no valid date
        "",
    ],
)
def test_other_numbers_are_not_cpr(text: str) -> None:
    assert not cpr_like(text)


def test_cpr_is_rejected_in_a_nested_list_item_and_a_markdown_link_label(tmp_path: Path) -> None:
    offer = GOOD_OFFER.replace("Du træner med", "Du træner med [borger 0101901234](https://example.org) og").replace(
        "  rolle: Visitator", "  rolle: Visitator\n  tider: Ring efter 1. januar, ref. 311299-1234"
    )
    root = write_tree(tmp_path / "data", {"offers/esbjerg/x.yaml": offer})
    problems = [(p.rule, p.field) for p in load_catalog(root, today=TODAY).errors]
    assert ("cpr-nummer", "beskrivelse") in problems
    assert ("cpr-nummer", "kontakt.tider") in problems


def test_the_corpus_puts_a_cpr_number_in_every_kind() -> None:
    kinds_with_cpr = {case.id.split(":")[0] for case in all_cases() if case.id.endswith(":cpr")}
    assert set(base_records()) <= kinds_with_cpr


def test_case_stories_are_checked_for_email_and_phone() -> None:
    """The case kind (videre/cases.py) marks its texts x-anonym; the validator rejects contact details there."""
    assert "sag" in base_records(), "data/cases/ har ingen sag at teste med"
    ids = {case.id for case in all_cases()}
    for story in ("titel", "situation", "resultat"):
        assert f"sag:{story}:email" in ids and f"sag:{story}:telefon" in ids, story


def _cpr_by_the_pattern_alone(text: str) -> bool:
    """cpr_like as it was before the quick look for six digits: the full pattern over the normalised text."""
    from videre.core import validate

    text = unicodedata.normalize("NFKC", text)
    for match in validate._CPR.finditer(text):
        day, month, year = (int(g) for g in match.groups()[:3])
        if any(_is_date(century + year, month, day) for century in (1900, 2000)):
            return True
    return False


def _is_date(year: int, month: int, day: int) -> bool:
    try:
        dt.date(year, month, day)
    except ValueError:
        return False
    return True


_AROUND = st.text(alphabet="0123456789-–− ０１２９\u00a0a.", max_size=12)
_NEAR_CPR = st.builds(
    lambda before, day, sep, last, after: f"{before}{day:%d%m%y}{sep}{last}{after}",
    _AROUND,
    st.dates(dt.date(1900, 1, 1), dt.date(2099, 12, 31)),
    st.sampled_from(["", "-", " ", "–", "－"]),
    st.from_regex(r"[0-9０-９]{3,5}", fullmatch=True),
    _AROUND,
)


@settings(max_examples=3000, deadline=None)
@given(st.one_of(_AROUND, _NEAR_CPR))
def test_the_quick_look_for_six_digits_misses_no_cpr_number(text: str) -> None:
    assert cpr_like(text) == _cpr_by_the_pattern_alone(text)
