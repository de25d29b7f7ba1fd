"""The decision aid "Skal patienten have en genoptræningsplan?" (beslutning/).

A printable checklist of native radio buttons and checkboxes: the three
criteria come from the decision point in ``data/flow.yaml``, the domains of
lost function from :data:`videre.core.vocab.FUNCTION_DOMAINS`. Without JavaScript
the page lists every outcome with its condition. With it,
``docs/assets/videre-beslutning.js`` applies the rule (written there, once)
and shows the one outcome that fits. Nothing is stored or sent.
"""

from __future__ import annotations

from ..catalog.catalog import Catalog
from ..core import vocab
from ..core.options import SiteOptions
from . import Page, render
from .links import Linker

SRC = "beslutning/index.md"

DOMAIN_EXAMPLES = {
    "kropslig": "fx søvn, energi, appetit eller kondition",
    "kognitiv": "fx hukommelse, overblik, koncentration eller at planlægge",
    "foelelsesmaessig": "fx angst, uro eller at styre sine følelser",
    "social": "fx at være sammen med andre eller at holde kontakt",
    "bevaegelse": "fx at gå, at komme ud ad døren eller at tage bussen",
    "aktivitet": "fx at gøre rent, handle, lave mad eller passe sig selv",
}
"""Plain examples under each domain; the domains themselves are S001 400–404."""

ANSWERS = (("ja", "Ja"), ("nej", "Nej"), ("usikker", "Usikker"))


def decision_page(catalog: Catalog, options: SiteOptions) -> Page:
    flows = catalog.flows
    decision = flows[0].decision if flows else None
    register = catalog.register
    regions = [(r, sorted(register.in_region(r.slug), key=lambda m: m.name)) for r in register.regions]
    domains = [(code, label, DOMAIN_EXAMPLES.get(code, "")) for code, label in vocab.FUNCTION_DOMAINS.items()]
    markdown = render(
        "beslutning.md.j2",
        decision=decision,
        flow=flows[0] if flows else None,
        domains=domains,
        answers=ANSWERS,
        regions=regions,
        **Linker(SRC).context(),
    )
    return Page(SRC, markdown, in_nav=True)
