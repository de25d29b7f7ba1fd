"""The patient's path: the diagram, its print versions (A4, A3) and the patient version.

The diagram is HTML, not an image: one ordered list in reading order, laid
out by CSS grid as two lanes (selectable text, real links, no script). Rows
come from the flow's arrows: a step sits below the step before it in its
lane, and level with a step in another lane that points to it.

Paper is wide and short, so the print pages use a second layout from the
same list: the steps in reading order in two bands, left to right, each box
coloured and labelled by its lane. The placements of both layouts go into a
small generated stylesheet, ``assets/videre-flow.css`` (no ``style=""``).
"""

from __future__ import annotations

import math
from dataclasses import dataclass

from ..catalog.catalog import Catalog
from ..core.options import SiteOptions
from ..kinds.flow import Arrow, Flow, Step
from . import Page, page_url, render
from .links import Linker

INDEX = "forloeb/index.md"
STYLESHEET = "assets/videre-flow.css"
PATIENT = "forloeb/patient.md"
PRINT_SIZES = {"a4": "A4, liggende", "a3": "A3, liggende"}
"""Print pages: forloeb/print-a4/ and forloeb/print-a3/, each with its own @page size."""


@dataclass(frozen=True)
class Edge:
    symbol: str
    text: str
    number: int
    """The target step's number."""


@dataclass(frozen=True)
class Placed:
    step: Step
    number: int
    row: int
    column: int
    lane_title: str
    guide_url: str
    down: bool
    """Draw an arrow down to the next step in the lane."""
    side: str
    """'hoejre' or 'venstre': an arrow across to a step in the same row, or ''."""
    edges: tuple[Edge, ...]
    """Arrows told in words: those with a text, and those the layout cannot draw."""
    yes: Edge | None
    no: Edge | None
    print_column: int = 1
    print_row: int = 1
    print_next: bool = False
    """Print layout: draw an arrow to the next box in the band."""


def print_grid(count: int) -> tuple[int, int]:
    """(columns, bands) of the print layout: two bands, a third only for long flows."""
    bands = max(2, math.ceil(count / 8))
    return math.ceil(count / bands), bands


def layout(flow: Flow) -> list[Placed]:
    rows: dict[str, int] = {}
    last: dict[str, int] = {}
    for index, step in enumerate(flow.steps):
        row = last.get(step.lane, 0) + 1
        for earlier in flow.steps[:index]:
            if any(a.to == step.id for a in earlier.edges()):
                row = max(row, rows[earlier.id] + (1 if earlier.lane == step.lane else 0))
        rows[step.id] = last[step.lane] = row
    columns = {lane.id: number for number, lane in enumerate(flow.lanes, 1)}
    per_band, _ = print_grid(len(flow.steps))
    placed = []
    for index, step in enumerate(flow.steps):

        def drawn(arrow: Arrow, step: Step = step) -> str:
            target = flow.step(arrow.to)
            if target.lane == step.lane and rows[target.id] == rows[step.id] + 1:
                return "ned"
            if target.lane != step.lane and rows[target.id] == rows[step.id]:
                return "hoejre" if columns[target.lane] > columns[step.lane] else "venstre"
            return ""

        def told(arrow: Arrow, step: Step = step) -> Edge:
            back = flow.number(arrow.to) < flow.number(step.id)
            return Edge("↺" if back else "→", arrow.text, flow.number(arrow.to))

        kinds = {a: drawn(a) for a in step.edges()}
        edges = tuple(told(a) for a, how in kinds.items() if (a.text or not how) and a not in (step.yes, step.no))
        placed.append(
            Placed(
                step=step,
                number=flow.number(step.id),
                row=rows[step.id],
                column=columns.get(step.lane, 1),
                lane_title=flow.lane(step.lane).title,
                guide_url=page_url(step.guide),
                down=any(how == "ned" for how in kinds.values()),
                side=next((how for how in kinds.values() if how in ("hoejre", "venstre")), ""),
                edges=edges,
                yes=told(step.yes) if step.yes else None,
                no=told(step.no) if step.no else None,
                print_column=index % per_band + 1,
                print_row=index // per_band + 1,
                print_next=(index + 1) % per_band != 0
                and index + 1 < len(flow.steps)
                and any(a.to == flow.steps[index + 1].id for a in step.edges()),
            )
        )
    return placed


def _flow(catalog: Catalog) -> Flow | None:
    found = catalog.flows
    return found[0] if found else None


def _context(src: str, flow: Flow | None) -> dict:
    return {"flow": flow, "placed": layout(flow) if flow else [], **Linker(src).context()}


def flow_pages(catalog: Catalog, options: SiteOptions) -> list[Page]:
    flow = _flow(catalog)
    pages = [
        Page(INDEX, render("forloeb.md.j2", sizes=PRINT_SIZES, **_context(INDEX, flow)), in_nav=True),
        Page(PATIENT, render("forloeb-patient.md.j2", **_context(PATIENT, flow)), in_nav=True),
    ]
    for size, label in PRINT_SIZES.items():
        src = f"forloeb/print-{size}.md"
        pages.append(
            Page(
                src,
                render(
                    "forloeb-print.md.j2", size=size, size_label=label, site_url=options.site_url, **_context(src, flow)
                ),
            )
        )
    return pages


def flow_stylesheet(catalog: Catalog) -> str:
    """Grid placement of every step, on screen (lanes) and on the print pages (bands)."""
    flow = _flow(catalog)
    rules = ["/* Generated from data/flow.yaml by videre.pages.flow: where each step sits in the grid. */"]
    if flow is None:
        return rules[0] + "\n"
    columns, _ = print_grid(len(flow.steps))
    rules.append(
        f".md-typeset ol.videre-flow, .videre-flow__baner {{ grid-template-columns: "
        f"repeat({len(flow.lanes)}, minmax(0, 1fr)); }}"
    )
    rules.append(
        f".md-typeset .videre-print ol.videre-flow {{ grid-template-columns: repeat({columns}, minmax(0, 1fr)); }}"
    )
    rules += [f".videre-flow__banenavn--{n} {{ grid-column: {n}; }}" for n in range(1, len(flow.lanes) + 1)]
    for p in layout(flow):
        rules.append(f".md-typeset #trin-{p.number} {{ grid-column: {p.column}; grid-row: {p.row}; }}")
        rules.append(
            f".md-typeset .videre-print #trin-{p.number} {{ grid-column: {p.print_column}; grid-row: {p.print_row}; }}"
        )
    return "\n".join(rules) + "\n"
