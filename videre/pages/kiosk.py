"""Info screens: a standalone kiosk page, a public page with controls, a version file, an index.

The kiosk and public pages are plain HTML documents from our own template (no
MkDocs theme, no navigation). Every slide is in the one document; the script
``assets/videre-skaerm.js`` only shows and hides them, so the screen keeps
running without network. It polls ``version.json`` and swaps in new slides
after a rebuild. Slides whose data is missing are left out at build time.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import posixpath
from dataclasses import dataclass
from typing import Any

from markupsafe import Markup

from ..catalog.catalog import Catalog
from ..core import vocab
from ..core.model import Department, Offer, record_state, state_badge
from ..core.options import SiteOptions
from ..kinds.screens import ORIENTATIONS, SLIDE_KINDS, WEEKDAYS, Screen
from . import Page, csp, danish_date, environment, patient, render
from .links import Linker

MAX_MUNICIPAL_OFFERS = 12
MAX_PARTNER_OFFERS = 8
POLL_SECONDS = 60


@dataclass(frozen=True)
class Slide:
    group: str
    """The slide type from :data:`videre.kinds.screens.SLIDE_KINDS`; slides of one type take turns."""
    heading: str
    kicker: str = ""
    paragraphs: tuple[str, ...] = ()
    points: tuple[str, ...] = ()
    steps: tuple[patient.Step, ...] = ()
    qr: Markup | None = None
    qr_url: str = ""
    badge: str = ""
    """The record's state badge (:func:`videre.core.model.state_badge`): example, or read from a public page."""
    note: str = ""


@dataclass(frozen=True)
class ScreenContent:
    screen: Screen
    department: Department | None
    municipalities: tuple[str, ...]
    municipality_names: tuple[str, ...]
    slides: tuple[Slide, ...]
    order: tuple[str, ...]
    """The configured slide types that have at least one slide, in the configured order."""
    updated: dt.date | None
    """The newest confirmation among the shown records; ``None`` when no one has confirmed any of them."""
    has_examples: bool = False
    """Some shown record is an example (or the screen itself is)."""
    has_sourced: bool = False
    """Some shown record was read from a public page and is not confirmed."""

    @property
    def updated_text(self) -> str:
        return danish_date(self.updated) if self.updated else ""

    @property
    def hours_attribute(self) -> str:
        """Opening hours for the script: 'ISO-weekday:start-end' in minutes, space separated."""
        return " ".join(f"{h.weekday}:{h.start}-{h.end}" for h in self.screen.hours)

    @property
    def hours_text(self) -> list[str]:
        """'Mandag–fredag 07:30–16:00': runs of days with the same hours joined."""
        runs: list[list[Any]] = []
        for h in self.screen.hours:
            if runs and runs[-1][1] == h.weekday - 1 and runs[-1][2] == h.text():
                runs[-1][1] = h.weekday
            else:
                runs.append([h.weekday, h.weekday, h.text()])
        return [
            (WEEKDAYS[a - 1].capitalize() + (f"–{WEEKDAYS[b - 1]}" if b > a else "") + f" {text}")
            for a, b, text in runs
        ]


def _offer_slide(catalog: Catalog, offer: Offer, group: str, options: SiteOptions) -> Slide:
    url = patient.absolute(options.site_url, offer.url)
    kicker = f"{vocab.label(vocab.OFFER_KINDS, offer.kind)} · {patient.owner_name(catalog, offer)}"
    about = patient.summary(offer)
    return Slide(
        group=group,
        heading=offer.title,
        kicker=kicker,
        paragraphs=tuple(p for p in (about, patient.how_to_start(offer, about)) if p),
        qr=patient.qr_svg(url, "dias__qr-kode"),
        qr_url=url,
        badge=state_badge(offer),
    )


def municipal_offers(catalog: Catalog, municipalities: tuple[str, ...], options: SiteOptions) -> list[Offer]:
    offers = [o for slug in municipalities for o in patient.for_patients(catalog.offers_in(slug), options)]
    order = {slug: i for i, slug in enumerate(municipalities)}
    return sorted(offers, key=lambda o: (patient.kind_rank(o), order[o.owner], o.title))[:MAX_MUNICIPAL_OFFERS]


def partner_offers(catalog: Catalog, municipalities: tuple[str, ...], options: SiteOptions) -> list[Offer]:
    seen: dict[str, Offer] = {}
    for slug in municipalities:
        for offer in patient.for_patients(catalog.partner_offers_for(slug), options):
            seen.setdefault(offer.id, offer)
    return sorted(seen.values(), key=lambda o: (patient.kind_rank(o), o.owner, o.title))[:MAX_PARTNER_OFFERS]


CRISIS_TITLE = "Hvis det bliver svært"


def crisis_lines(catalog: Catalog, municipalities: tuple[str, ...]) -> tuple[str, ...]:
    """The crisis lines (data/krise.yaml) of the municipalities a screen serves, each once, as on the handout."""
    seen: dict[str, str] = {}
    for slug in municipalities:
        for line in catalog.crisis_lines(slug):
            seen.setdefault(line.id, f"{line.name}{': ' + line.phone if line.phone else ''}. {line.text}")
    return tuple(seen.values())


def screen_content(catalog: Catalog, screen: Screen, options: SiteOptions) -> ScreenContent:
    department = next((d for d in catalog.departments if d.slug == screen.department), None)
    municipalities = screen.municipalities or (department.serves if department else ())
    shown: list[Any] = []
    groups: dict[str, list[Slide]] = {}
    for kind in dict.fromkeys(screen.slides):
        slides: list[Slide] = []
        if kind == "ret-til-gop":
            slides.append(
                Slide(
                    kind,
                    patient.RIGHTS_TITLE,
                    kicker="Genoptræning efter udskrivning",
                    points=patient.RIGHTS,
                    paragraphs=(patient.RIGHTS_ASK,),
                    note=patient.RIGHTS_SOURCE,
                )
            )
            lines = crisis_lines(catalog, tuple(municipalities))
            if lines:
                slides.append(Slide(kind, CRISIS_TITLE, kicker="Hjælp, når det er akut", points=lines))
        elif kind == "vejen-til-genoptraening":
            steps, flow = patient.flow_steps(catalog)
            shown.extend([flow] if flow is not None else [])
            slides.append(Slide(kind, patient.PATH_TITLE, kicker="Sådan foregår det", steps=steps))
        elif kind in ("foreninger", "kommunens-tilbud"):
            offers = (partner_offers if kind == "foreninger" else municipal_offers)(catalog, municipalities, options)
            shown.extend(offers)
            slides.extend(_offer_slide(catalog, o, kind, options) for o in offers)
        elif kind == "sag":
            for title, text, badge, record in patient.case_stories(catalog):
                shown.append(record)
                slides.append(
                    Slide(kind, title, kicker="Sådan kan det gå", paragraphs=(text, patient.CASE_ASK), badge=badge)
                )
        groups[kind] = slides
    order = tuple(kind for kind in screen.slides if groups.get(kind))
    ordered = tuple(slide for kind in dict.fromkeys(order) for slide in groups[kind])
    names = tuple(catalog.register.municipality(m).name for m in municipalities)
    updated = patient.newest([*shown, screen])
    examples = screen.example or any(getattr(r, "example", False) for r in shown)
    sourced = any(record_state(r) == vocab.STATE_SOURCED for r in shown)
    return ScreenContent(screen, department, tuple(municipalities), names, ordered, order, updated, examples, sourced)


def _render(content: ScreenContent, *, kiosk: bool, version: str, options: SiteOptions) -> str:
    path = content.screen.kiosk_url + "index.html" if kiosk else content.screen.url + "index.html"
    links = Linker(posixpath.dirname(path) + "/index.md").context()
    return csp.protect(
        render(
            "skaerm.html.j2",
            c=content,
            s=content.screen,
            kiosk=kiosk,
            version=version,
            updated=content.updated_text,
            poll=POLL_SECONDS,
            orientations=ORIENTATIONS,
            **links,
        )
    )


def version_of(content: ScreenContent, options: SiteOptions) -> str:
    """A hash of everything the kiosk shows, so the screen knows when to fetch the page again."""
    slides = environment().get_template("_dias.html.j2").render(c=content, updated=content.updated_text, kiosk=True)
    settings = json.dumps([content.order, content.screen.seconds, content.hours_attribute], ensure_ascii=False)
    return hashlib.sha256((slides + settings).encode("utf-8")).hexdigest()[:16]


def screen_files(catalog: Catalog, screen: Screen, options: SiteOptions) -> dict[str, str]:
    """The three files of one screen, keyed by their path below the site root."""
    content = screen_content(catalog, screen, options)
    version = version_of(content, options)
    return {
        f"{screen.kiosk_url}index.html": _render(content, kiosk=True, version=version, options=options),
        f"{screen.url}index.html": _render(content, kiosk=False, version=version, options=options),
        f"{screen.url}version.json": json.dumps({"version": version}) + "\n",
    }


def screens(catalog: Catalog, options: SiteOptions) -> list[Screen]:
    found = list(catalog.screens)
    return sorted(found, key=lambda s: s.slug)


def all_screen_files(catalog: Catalog, options: SiteOptions) -> dict[str, str]:
    files: dict[str, str] = {}
    for screen in screens(catalog, options):
        files.update(screen_files(catalog, screen, options))
    return files


def screen_index(catalog: Catalog, options: SiteOptions) -> Page:
    """The index of screens, in the navigation: each screen with its public and kiosk address."""
    src = "skaerm/index.md"
    rows = []
    for screen in screens(catalog, options):
        content = screen_content(catalog, screen, options)
        rows.append((screen, content))
    markdown = render(
        "skaerme.md.j2", rows=rows, orientations=ORIENTATIONS, slide_kinds=SLIDE_KINDS, **Linker(src).context()
    )
    return Page(src, markdown, in_nav=True)
