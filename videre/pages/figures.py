"""The figures page (tal/): one horizontal bar chart per figure, drawn here as inline SVG.

No chart library and no other host: the SVG is plain markup written in
Python, its text is real text, and each chart has ``role="img"`` with
``aria-labelledby`` pointing at its title and a short description. The data
table under each chart is the full text alternative.
"""

from __future__ import annotations

import math
import textwrap
from dataclasses import dataclass

from markupsafe import Markup, escape

from ..catalog.catalog import Catalog
from ..core.options import SiteOptions
from ..kinds.figures import Figure, Figures
from . import Page, render
from .links import Linker

SRC = "tal/index.md"

WIDTH = 720
LABEL_WIDTH = 250
LABEL_CHARS = 30
FONT = 14
BAR = 22
BAR_GAP = 4
GROUP_GAP = 18
VALUE_ROOM = 70
COLOURS = ("#1f4e9c", "#a3470d", "#2b6a30")
"""Bar colours; each has at least 5:1 contrast against white (WCAG asks 3:1 for graphics)."""
TEXT = "#1f1f1f"
GRID = "#8a8a8a"


def number(value: float, unit: str = "antal") -> str:
    """Danish number format: 3.000 and 90,1; percent gets ' %'."""
    if float(value).is_integer():
        text = f"{int(value):,}".replace(",", ".")
    else:
        text = f"{value:.1f}".replace(".", ",")
    return f"{text} %" if unit == "procent" else text


def _ceiling(top: float, unit: str) -> tuple[float, float]:
    """The axis maximum and the tick step."""
    if unit == "procent":
        return 100.0, 20.0
    if top <= 0:
        return 1.0, 1.0
    magnitude = 10 ** math.floor(math.log10(top))
    for step in (0.1, 0.2, 0.25, 0.5, 1, 2, 2.5, 5, 10):
        tick = step * magnitude
        if top / tick <= 5:
            return math.ceil(top / tick) * tick, tick
    return top, top / 5


@dataclass(frozen=True)
class Chart:
    svg: Markup
    title_id: str
    desc_id: str


def chart(figure: Figure) -> Chart:
    """A horizontal bar chart: categories down the side, one bar per series in each group."""
    title_id, desc_id = f"figur-{figure.id}-titel", f"figur-{figure.id}-beskrivelse"
    series = figure.series
    legend = len(series) > 1
    top_pad = 10 + (len(series) * (FONT + 8) + 6 if legend else 0)
    group = len(series) * BAR + (len(series) - 1) * BAR_GAP
    label_lines = [textwrap.wrap(c, LABEL_CHARS) or [""] for c in figure.categories]
    groups = [max(group, len(lines) * (FONT + 3)) for lines in label_lines]
    plot_height = sum(groups) + GROUP_GAP * (len(groups) - 1)
    height = top_pad + plot_height + 14 + FONT + 10
    maximum, tick = _ceiling(max(v for s in series for v in s.values), figure.unit)
    plot_x, plot_w = LABEL_WIDTH + 10, WIDTH - LABEL_WIDTH - 10 - VALUE_ROOM

    def x(value: float) -> float:
        return plot_x + plot_w * value / maximum

    parts: list[str] = []
    add = parts.append
    add(f'<title id="{title_id}">{escape(figure.title)}</title>')
    description = "; ".join(
        f"{c}: "
        + ", ".join(
            f"{s.name} {number(v, figure.unit)}" if legend else number(v, figure.unit) for s, v in zip(series, values)
        )
        for c, values in figure.rows()
    )
    add(f'<desc id="{desc_id}">{escape(description)}. Tallene står også i tabellen under diagrammet.</desc>')
    if legend:
        for index, s in enumerate(series):
            ly = 8 + index * (FONT + 8)
            add(f'<rect x="{plot_x}" y="{ly}" width="14" height="14" fill="{COLOURS[index % len(COLOURS)]}"/>')
            add(f'<text x="{plot_x + 20}" y="{ly + 12}" fill="{TEXT}">{escape(s.name)}</text>')
    axis_y = top_pad + plot_height + 4
    steps = round(maximum / tick)
    for i in range(steps + 1):
        value = tick * i
        gx = x(value)
        add(
            f'<line x1="{gx:.1f}" y1="{top_pad - 4}" x2="{gx:.1f}" y2="{axis_y}" stroke="{GRID}" '
            f'stroke-width="{1.5 if i == 0 else 0.6}"/>'
        )
        add(
            f'<text x="{gx:.1f}" y="{axis_y + FONT + 4}" text-anchor="middle" fill="{TEXT}">'
            f"{escape(number(value, figure.unit))}</text>"
        )
    y = top_pad
    for (_, values), lines, height_here in zip(figure.rows(), label_lines, groups):
        text_y = y + height_here / 2 - (len(lines) - 1) * (FONT + 3) / 2 + FONT / 2 - 2
        spans = "".join(
            f'<tspan x="{LABEL_WIDTH}" dy="{0 if n == 0 else FONT + 3}">{escape(line)}</tspan>'
            for n, line in enumerate(lines)
        )
        add(f'<text x="{LABEL_WIDTH}" y="{text_y:.1f}" text-anchor="end" fill="{TEXT}">{spans}</text>')
        bar_y = y + (height_here - group) / 2
        for index, value in enumerate(values):
            width = max(x(value) - plot_x, 0)
            colour = COLOURS[index % len(COLOURS)]
            if width > 0:
                add(f'<rect x="{plot_x}" y="{bar_y:.1f}" width="{width:.1f}" height="{BAR}" fill="{colour}"/>')
            add(
                f'<text x="{plot_x + width + 6:.1f}" y="{bar_y + BAR / 2 + FONT / 2 - 2:.1f}" fill="{TEXT}">'
                f"{escape(number(value, figure.unit))}</text>"
            )
            bar_y += BAR + BAR_GAP
        y += height_here + GROUP_GAP
    svg = (
        f'<svg class="videre-diagram" role="img" aria-labelledby="{title_id} {desc_id}" '
        f'viewBox="0 0 {WIDTH} {height:.0f}" width="{WIDTH}" height="{height:.0f}" font-size="{FONT}" '
        f'xmlns="http://www.w3.org/2000/svg">{"".join(parts)}</svg>'
    )
    return Chart(Markup(svg), title_id, desc_id)


def figures_page(catalog: Catalog, options: SiteOptions) -> Page:
    found = catalog.figures
    record: Figures | None = found[0] if found else None
    charts = {f.id: chart(f) for f in record.figures} if record else {}
    markdown = render("tal.md.j2", record=record, charts=charts, number=number, **Linker(SRC).context())
    return Page(SRC, markdown, in_nav=True)
