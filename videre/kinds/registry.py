"""The registry of record kinds: where each kind's files live, its schema, its builder.

Adding a kind is one entry here plus its schema and builder; the loader, the
CLI, the published schemas and the field reference all follow from it.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any, Callable, Iterable, Mapping

from ..core import schema as S
from . import screens
from . import redirects
from . import cases, figures, flow
from ..core.errors import Problem
from ..core.model import (Contact, Department, MunicipalContacts, Offer, Partner, Place, Register,
                    Verified)
from ..core.validate import closest
from .context import Context


Builder = Callable[[Mapping[str, Any], Path, tuple[str, ...], Context], Any]
Checker = Callable[[Any, Context], Iterable[Problem]]


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
    """Checks across the record and the register, run after building."""
    collection: str = ""
    """Where the records go in :class:`~videre.core.model.Catalog` (defaults to ``extra[name]``)."""

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


# ---------------------------------------------------------------- cleaning helpers


def contact(data: Mapping[str, Any] | None) -> Contact | None:
    if not data:
        return None
    return Contact(role=data["rolle"], unit=data.get("enhed", ""), phone=data.get("telefon", ""),
                   email=data.get("email", ""), secure_mail=data.get("sikker_post", ""),
                   hours=data.get("tider", ""))


def _offer(data: Mapping[str, Any], file: Path, owner_kind: str, owner: str, slug: str,
           coverage: tuple[str, ...]) -> Offer:
    target = data["målgruppe"]
    place = data.get("sted", {})
    return Offer(
        id=f"{owner}/{slug}", slug=slug, owner_kind=owner_kind, owner=owner,
        title=data["titel"], kind=data["type"], description=data["beskrivelse"],
        age_from=target["alder"]["fra"], age_to=target["alder"]["til"],
        problems=tuple(target["problemer"]), target_text=target.get("beskrivelse", ""),
        elements=tuple(data.get("indhold", ())), modes=tuple(data["form"]), routes=tuple(data["henvisning"]),
        how_to_refer=data.get("sådan_henviser_du", ""),
        place=Place(place.get("navn", ""), place.get("adresse", ""), place.get("postnr", ""), place.get("by", "")),
        hours=data.get("åbningstider", ""), cost=data.get("pris", ""), languages=tuple(data.get("sprog", ("da",))),
        accessibility=data.get("tilgængelighed", ""), link=data.get("link", ""),
        contact=contact(data["kontakt"]),  # type: ignore[arg-type]
        verified=Verified.of(data.get("sidst_bekræftet")), example=bool(data.get("eksempel", False)),
        source=data.get("kilde", ""), coverage=coverage, file=file,
    )


def build_municipal_offer(data: Mapping[str, Any], file: Path, slugs: tuple[str, ...], ctx: Context) -> Offer:
    municipality, slug = slugs
    return _offer(data, file, "kommune", municipality, slug, (municipality,))


def build_partner_offer(data: Mapping[str, Any], file: Path, slugs: tuple[str, ...], ctx: Context) -> Offer:
    partner, slug = slugs
    return _offer(data, file, "partner", partner, slug, tuple(data["dækning"]))


def build_partner(data: Mapping[str, Any], file: Path, slugs: tuple[str, ...], ctx: Context) -> Partner:
    return Partner(slug=slugs[0], name=data["navn"], short_name=data["kort_navn"], description=data["beskrivelse"],
                   web=data["web"], contact=contact(data.get("kontakt")), verified=Verified.of(data.get("sidst_bekræftet")),
                   example=bool(data.get("eksempel", False)), source=data.get("kilde", ""), file=file)


def build_contacts(data: Mapping[str, Any], file: Path, slugs: tuple[str, ...], ctx: Context) -> MunicipalContacts:
    return MunicipalContacts(
        municipality=slugs[0], gop_receiver=contact(data["gop_modtager"]),  # type: ignore[arg-type]
        volunteer_coordinator=contact(data.get("frivilligkoordinator")),
        depression_coordinator=contact(data.get("koordinerende_kontaktperson_depression")),
        verified=Verified.of(data.get("sidst_bekræftet")), example=bool(data.get("eksempel", False)),
        source=data.get("kilde", ""), file=file)


def build_department(data: Mapping[str, Any], file: Path, slugs: tuple[str, ...], ctx: Context) -> Department:
    return Department(slug=slugs[0], name=data["navn"], region=data["region"],
                      therapy_unit=contact(data["terapienhed"]),  # type: ignore[arg-type]
                      serves=tuple(data["betjener"]), verified=Verified.of(data.get("sidst_bekræftet")),
                      example=bool(data.get("eksempel", False)), source=data.get("kilde", ""), file=file)


# ---------------------------------------------------------------- cross checks


def _unknown_municipality_folder(slug: str, file: Path, ctx: Context, what: str) -> Iterable[Problem]:
    known = ctx.register.slugs
    if slug not in known:
        guess = closest(slug, known)
        yield Problem(file, 1, 1, "", "ukendt-kommune", f"{what} '{slug}' er ikke en kommune i data/kommuner.yaml",
                      f"mente du '{guess}'?" if guess else "brug kommunens slug fra data/kommuner.yaml")


def check_offer(offer: Offer, ctx: Context) -> Iterable[Problem]:
    if offer.owner_kind == "kommune":
        yield from _unknown_municipality_folder(offer.owner, offer.file, ctx, "mappen")
    elif not (ctx.data_dir / "partners" / f"{offer.owner}.yaml").is_file():
        yield Problem(offer.file, 1, 1, "", "ukendt-reference",
                      f"foreningen '{offer.owner}' har ingen fil data/partners/{offer.owner}.yaml",
                      "opret foreningens fil, eller flyt tilbuddet til den rigtige forenings mappe")
    if offer.age_from > offer.age_to:
        yield Problem(offer.file, 1, 1, "målgruppe.alder", "ugyldig-værdi",
                      f"'målgruppe.alder' går fra {offer.age_from} til {offer.age_to}; 'fra' er større end 'til'",
                      "byt om på de to tal")


def check_contacts(record: MunicipalContacts, ctx: Context) -> Iterable[Problem]:
    yield from _unknown_municipality_folder(record.municipality, record.file, ctx, "filnavnet")


KINDS: list[Kind] = [
    Kind("tilbud", ("offers", "*", "*.yaml"), lambda register: S.offer_schema(), build_municipal_offer,
         check_offer, collection="offers"),
    Kind("partner", ("partners", "*.yaml"), lambda register: S.partner_schema(), build_partner,
         collection="partners"),
    Kind("partnertilbud", ("partners", "*", "*.yaml"), S.partner_offer_schema, build_partner_offer,
         check_offer, collection="partner_offers"),
    Kind("kommunekontakter", ("contacts", "kommuner", "*.yaml"), lambda register: S.municipal_contacts_schema(),
         build_contacts, check_contacts, collection="contacts"),
    Kind("afdeling", ("contacts", "afdelinger", "*.yaml"), S.department_schema, build_department,
         collection="departments"),
    Kind("skaerm", ("screens", "*.yaml"), screens.screen_schema, screens.build_screen, screens.check_screen),
    Kind("omdirigering", (redirects.REDIRECTS_FILE,), redirects.redirect_schema, redirects.build_redirects,
         redirects.check_redirects),
    Kind("flow", (flow.FLOW_FILE,), flow.flow_schema, flow.build_flow, flow.check_flow),
    Kind("sag", (cases.CASES_DIR, "*.yaml"), cases.case_schema, cases.build_case),
    Kind("tal", (figures.FIGURES_FILE,), figures.figures_schema, figures.build_figures, figures.check_figures),
]
"""Every kind of record below ``data/``, except the register ``kommuner.yaml`` itself."""

REGISTER_FILE = "kommuner.yaml"


def published_schemas(register: S.RegisterView) -> dict[str, S.Schema]:
    """Every schema the site publishes, keyed by kind: the register plus each kind."""
    return {"kommuner": S.register_schema(), **{kind.name: kind.schema(register) for kind in KINDS}}
