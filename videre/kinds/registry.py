"""The registry of record kinds: where each kind's files live, its schema, its builder.

Adding a kind is one entry here plus its schema and builder; the loader, the
CLI, the published schemas and the field reference all follow from it.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from ..core import schema as S
from ..core.errors import Problem
from ..core.yamlsource import Document
from . import cases, contacts, crisis, figures, flow, offers, partners, redirects, screens
from .context import Context
from .register import KIND as REGISTER_KIND
from .register import register_schema

Builder = Callable[[Mapping[str, Any], Path, tuple[str, ...], Context], Any]
Checker = Callable[[Any, Document, Context], Iterable[Problem]]


@dataclass(frozen=True)
class Kind:
    name: str
    """The schema name, also the published file name ``<name>.schema.json``."""
    pattern: tuple[str, ...]
    """Path parts below ``data/``; '*' matches one slug. The last part is a file name."""
    schema: Callable[[S.RegisterView], S.Schema]
    build: Builder
    """Turn validated data into a record; receives the slugs matched by the '*' parts."""
    check: Checker | None = None
    """Checks across the record and the register, run after building; given the parsed document, so that
    problems point at the field's line."""
    collection: str = ""
    """The field of :class:`~videre.catalog.catalog.Catalog` that holds the records."""
    keeps_document: bool = False
    """Keep the parsed file after loading, because the whole-catalog checks point at its lines."""

    def match(self, parts: tuple[str, ...]) -> tuple[str, ...] | None:
        if len(parts) != len(self.pattern):
            return None
        slugs: list[str] = []
        for want, got in zip(self.pattern, parts):
            if want in ("*", "*.yaml"):
                slugs.append(got.removesuffix(".yaml"))
            elif want != got:
                return None
        return tuple(slugs)


KINDS: list[Kind] = [
    Kind(
        offers.MUNICIPAL,
        ("offers", "*", "*.yaml"),
        offers.offer_schema,
        offers.build_municipal_offer,
        offers.check_offer,
        collection="offers",
    ),
    Kind(partners.KIND, ("partners", "*.yaml"), partners.partner_schema, partners.build_partner, collection="partners"),
    Kind(
        offers.PARTNER,
        ("partners", "*", "*.yaml"),
        offers.partner_offer_schema,
        offers.build_partner_offer,
        offers.check_offer,
        collection="partner_offers",
    ),
    Kind(
        contacts.MUNICIPAL,
        ("contacts", "kommuner", "*.yaml"),
        contacts.municipal_contacts_schema,
        contacts.build_contacts,
        contacts.check_contacts,
        collection="contacts",
    ),
    Kind(
        contacts.DEPARTMENT,
        ("contacts", "afdelinger", "*.yaml"),
        contacts.department_schema,
        contacts.build_department,
        collection="departments",
    ),
    Kind(
        screens.KIND,
        ("screens", "*.yaml"),
        screens.screen_schema,
        screens.build_screen,
        screens.check_screen,
        collection="screens",
    ),
    Kind(
        redirects.KIND,
        (redirects.REDIRECTS_FILE,),
        redirects.redirect_schema,
        redirects.build_redirects,
        redirects.check_redirects,
        collection="redirects",
        keeps_document=True,
    ),
    Kind(flow.KIND, (flow.FLOW_FILE,), flow.flow_schema, flow.build_flow, flow.check_flow, collection="flows"),
    Kind(cases.KIND, (cases.CASES_DIR, "*.yaml"), cases.case_schema, cases.build_case, collection="cases"),
    Kind(
        figures.KIND,
        (figures.FIGURES_FILE,),
        figures.figures_schema,
        figures.build_figures,
        figures.check_figures,
        collection="figures",
    ),
    Kind(
        crisis.KIND,
        (crisis.CRISIS_FILE,),
        crisis.crisis_schema,
        crisis.build_crisis,
        crisis.check_crisis,
        collection="crisis",
    ),
]
"""Every kind of record below ``data/``, except the register ``kommuner.yaml`` itself."""

REGISTER_FILE = "kommuner.yaml"


def published_schemas(register: S.RegisterView) -> dict[str, S.Schema]:
    """Every schema the site publishes, keyed by kind: the register plus each kind."""
    return {REGISTER_KIND: register_schema(), **{kind.name: kind.schema(register) for kind in KINDS}}
