"""Short dated notices about a change in the register, e.g. the regions that merge on 1 January 2027.

The window in which a notice shows is data (``varsel`` in ``data/kommuner.yaml``), not code. Before
the day of the change the notice says "Fra …", from that day "Siden …". It shows on the front
page (marker ``<!-- videre:varsel -->``), on the regions' pages and on the pages of the
municipalities that change region, and links to the guidance page about the change.
"""

from __future__ import annotations

from dataclasses import dataclass

from markupsafe import Markup

from ..core.options import SiteOptions
from ..kinds.register import Municipality, Notice, Register
from . import danish_date, render
from .links import Linker

MARKER = "<!-- videre:varsel -->"


@dataclass(frozen=True)
class NoticeView:
    notice: Notice
    region_name: str
    before: bool
    """True until the day of the change: the text says "Fra …" instead of "Siden …"."""

    @property
    def day(self) -> str:
        return danish_date(self.notice.change)


def notices(register: Register, options: SiteOptions, municipality: Municipality | None = None) -> list[NoticeView]:
    """The notices to show on the build date; for a municipality only those about its own region."""
    shown = []
    for notice in register.notices_on(options.today):
        if municipality is not None and municipality.region_on(notice.change) != notice.region:
            continue
        shown.append(NoticeView(notice, register.region(notice.region).name, options.today < notice.change))
    return shown


def notice_html(register: Register, options: SiteOptions, src: str, municipality: Municipality | None = None) -> Markup:
    """The notices as HTML for the page at ``src`` (empty when none is due)."""
    views = notices(register, options, municipality)
    if not views:
        return Markup("")
    return Markup(render("_varsel.html.j2", notices=views, m=municipality, **Linker(src).context()))


def fill_marker(markdown: str, register: Register, options: SiteOptions, src: str) -> str:
    """Put the notices where a hand-written page has the marker."""
    if MARKER not in markdown:
        return markdown
    return markdown.replace(MARKER, str(notice_html(register, options, src)))
