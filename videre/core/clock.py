"""The build date: the calendar day in Denmark, not in UTC.

Dated facts (a region that begins on 1 January) and freshness flags follow the
build date. A scheduled build that runs at 23:05 UTC on 31 December runs at
00:05 on 1 January in Copenhagen, and must build the site for 1 January.
Tests pin the date with ``VIDERE_TODAY`` or ``--dato`` instead.
"""

from __future__ import annotations

import datetime as dt
from zoneinfo import ZoneInfo

DENMARK = ZoneInfo("Europe/Copenhagen")


def today(now: dt.datetime | None = None) -> dt.date:
    """The date in Denmark at ``now`` (an aware datetime; default: this moment)."""
    return (now or dt.datetime.now(dt.UTC)).astimezone(DENMARK).date()
