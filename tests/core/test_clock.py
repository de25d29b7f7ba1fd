"""The build clock: the site is built as of the date in Denmark, not in UTC."""

from __future__ import annotations

import datetime as dt

from videre.core import clock
from videre.core.options import SiteOptions


def test_the_build_date_is_the_date_in_denmark_not_utc():
    utc = dt.UTC
    assert clock.today(dt.datetime(2026, 12, 31, 23, 5, tzinfo=utc)) == dt.date(2027, 1, 1)  # winter: UTC+1
    assert clock.today(dt.datetime(2026, 12, 31, 22, 55, tzinfo=utc)) == dt.date(2026, 12, 31)
    assert clock.today(dt.datetime(2027, 6, 30, 22, 5, tzinfo=utc)) == dt.date(2027, 7, 1)  # summer: UTC+2
    assert clock.today(dt.datetime(2027, 6, 30, 21, 55, tzinfo=utc)) == dt.date(2027, 6, 30)
    assert SiteOptions().today == clock.today()
