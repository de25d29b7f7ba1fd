"""The typed records' own rules (videre.core.model, and the register's classes in videre.kinds.register):
periods to the day, the register on a date, coverage,
and the one state of a confirmable record. Registers here are built by hand, not loaded."""

from __future__ import annotations

import datetime as dt
from types import SimpleNamespace

import pytest

from videre.core.model import (
    ALWAYS,
    Period,
    Source,
    Verified,
    confirmed,
    keeper_kind,
    read_source,
    record_state,
    source_note,
    source_page,
    state_badge,
)
from videre.kinds.register import Membership, Municipality, Notice, Region, Register

D = dt.date
END, START = D(2026, 12, 31), D(2027, 1, 1)


@pytest.mark.parametrize(
    "period, day, holds",
    [
        (Period(START, None), D(2026, 12, 31), False),
        (Period(START, None), START, True),
        (Period(None, END), END, True),
        (Period(None, END), START, False),
        (ALWAYS, D(1900, 1, 1), True),
        (Period(END, END), END, True),
    ],
)
def test_a_period_holds_both_its_ends(period, day, holds):
    assert period.contains(day) is holds


def test_nearest_day_of_a_period():
    period = Period(D(2026, 1, 1), END)
    assert period.nearest(D(2025, 6, 1)) == D(2026, 1, 1)
    assert period.nearest(D(2027, 6, 1)) == END
    assert period.nearest(D(2026, 6, 1)) == D(2026, 6, 1)
    assert ALWAYS.nearest(D(2030, 1, 1)) == D(2030, 1, 1)


OLD = Region(1, "Region Gammel", "gammel", (), Period(None, END))
OTHER = Region(2, "Region Anden", "anden", (), Period(None, END))
NEW = Region(None, "Region Ny", "ny", (), Period(START, None))
STAYS = Region(3, "Region Bliver", "bliver")


def _moves(slug: str, before: str, after: str = "ny") -> Municipality:
    return Municipality(
        100,
        slug.title(),
        slug,
        before,
        "t",
        (),
        (Membership(before, Period(None, END)), Membership(after, Period(START, None))),
    )


REGISTER = Register(
    (OLD, OTHER, NEW, STAYS),
    (
        _moves("a", "gammel"),
        _moves("b", "anden"),
        _moves("c", "gammel", "bliver"),
        Municipality(200, "D", "d", "bliver", "t"),
    ),
    None,
    (OLD, OTHER, NEW, STAYS),
    (Notice("ny", START, Period(D(2026, 12, 1), D(2027, 1, 31)), "v/"),),
)


def test_the_register_on_a_day_keeps_its_history():
    before, after = REGISTER.on(END), REGISTER.on(START)
    assert [r.slug for r in before.regions] == ["gammel", "anden", "bliver"]
    assert [r.slug for r in after.regions] == ["ny", "bliver"]
    assert [(m.slug, m.region) for m in after.municipalities] == [
        ("a", "ny"),
        ("b", "ny"),
        ("c", "bliver"),
        ("d", "bliver"),
    ]
    assert after.region("gammel") == OLD and after.day == START and after.all_regions == REGISTER.all_regions
    assert [m.slug for m in after.in_region("ny")] == ["a", "b"]
    # A region that has ended covers its area on its last day; one that has not begun, on its first.
    assert [m.slug for m in after.area("gammel")] == ["a", "c"]
    assert [m.slug for m in before.area("ny")] == ["a", "b"]
    assert [m.slug for m in before.area("gammel")] == ["a", "c"]
    assert after.holder("anden") == "ny"
    assert after.holder("gammel") == ""  # its area is split between two regions
    assert before.holder("gammel") == "gammel"


def test_a_municipality_outside_every_period_has_no_region():
    lost = Municipality(1, "X", "x", "", "t", (), (Membership("gammel", Period(None, END)),))
    assert lost.region_on(START) is None
    assert Register((), (lost,)).on(START).municipalities[0].region == ""
    assert Municipality(1, "Y", "y", "bliver", "t").region_on(START) == "bliver"


def test_notices_show_inside_their_window():
    assert REGISTER.notices_on(D(2026, 11, 30)) == ()
    assert [n.region for n in REGISTER.notices_on(D(2026, 12, 1))] == ["ny"]
    assert [n.region for n in REGISTER.notices_on(D(2027, 1, 31))] == ["ny"]
    assert REGISTER.notices_on(D(2027, 2, 1)) == ()


def test_coverage_expands_regions_and_the_whole_country():
    register = REGISTER.on(START)
    assert register.expand_coverage(("hele-landet",)) == frozenset({"a", "b", "c", "d"})
    assert register.expand_coverage(("region-ny", "d")) == frozenset({"a", "b", "d"})
    assert register.expand_coverage(("region-gammel",)) == frozenset({"a", "c"})
    assert register.expand_coverage(()) == frozenset()
    assert register.slugs == ["a", "b", "c", "d"] and register.municipality("c").code == 100


PAGE = Source(url="https://www.esbjerg.dk/side/a", read=D(2026, 11, 1), page_date=None)
REGION_PAGE = Source(url="https://www.psykinfo.regionsyddanmark.dk/x", read=D(2026, 11, 1))
CONFIRMATION = Verified(date=D(2026, 10, 1), by="Visitationen")


def _record(**values):
    return SimpleNamespace(**{"example": False, "verified": None, "source": "", "owner_kind": "kommune", **values})


def test_each_record_has_one_state_and_its_badge():
    example, sourced = _record(example=True, verified=CONFIRMATION), _record(source=PAGE)
    assert [record_state(r) for r in (example, _record(verified=CONFIRMATION), sourced, _record())] == [
        "eksempel",
        "bekraeftet",
        "kilde",
        "",
    ]
    assert confirmed(example) is None and confirmed(_record(verified=CONFIRMATION)) == CONFIRMATION
    assert state_badge(example) == "Eksempel – ikke bekræftet"
    assert state_badge(_record(verified=CONFIRMATION)) == ""
    assert state_badge(sourced) == "Fra kommunens hjemmeside – ikke bekræftet"
    assert state_badge(_record(source=PAGE, owner_kind="partner")) == "Fra foreningens hjemmeside – ikke bekræftet"


def test_whose_page_a_source_is():
    assert keeper_kind(_record(source=PAGE)) == "kommune"
    assert keeper_kind(_record(source=PAGE, owner_kind="partner")) == "partner"
    assert keeper_kind(_record(source=REGION_PAGE)) == "region"
    assert PAGE.host == "www.esbjerg.dk" and REGION_PAGE.host == "www.psykinfo.regionsyddanmark.dk"


def test_a_source_is_a_page_or_an_examples_note():
    assert read_source({"url": "https://a.dk/", "læst": "2026-11-01", "sidens_dato": "2026-10-01"}) == Source(
        "https://a.dk/", D(2026, 11, 1), D(2026, 10, 1)
    )
    assert read_source({"url": "https://a.dk/", "læst": "2026-11-01"}).page_date is None
    assert read_source("Bygger på en samtale") == "Bygger på en samtale"
    assert (source_page(_record(source=PAGE)), source_note(_record(source=PAGE))) == (PAGE, "")
    assert (source_page(_record(source="Note")), source_note(_record(source="Note"))) == (None, "Note")
    assert Verified.of({"dato": "2026-10-01", "af": "Visitationen"}) == CONFIRMATION
    assert Verified.of(None) is None
