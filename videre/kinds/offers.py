"""Offers: municipal offers in ``data/offers/<kommune>/`` and partner offers in ``data/partners/<forening>/``.

Both kinds are :class:`~videre.core.model.Offer` records; their schemas, builders and
exports are read from its field table. A partner offer adds ``dækning``.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any

from ..core import fields, vocab
from ..core import schema as S
from ..core.errors import WARNING, Problem
from ..core.model import Offer
from ..core.validate import closest
from ..core.yamlsource import Document
from .context import Context

MUNICIPAL = "tilbud"
PARTNER = "partnertilbud"

RENAMED = {
    "title": "titel",
    "description": "beskrivelse",
    "malgruppe": "målgruppe",
    "sidst_bekraeftet": "sidst_bekræftet",
    "pris_kr": "pris",
    "url": "link",
    "hjemmeside": "link",
    "aabningstider": "åbningstider",
    "tilgaengelighed": "tilgængelighed",
}
"""Old or misspelt field names and the fields they became."""


def offer_schema(register: S.RegisterView | None = None) -> S.Schema:
    body = S.confirmable(
        fields.object_schema(
            Offer, "Kommunalt tilbud", "Et tilbud fra kommunen.", view=register, kind=MUNICIPAL, renamed=RENAMED
        )
    )
    return S.document(
        MUNICIPAL,
        "Kommunalt tilbud",
        "Ét tilbud i én kommune. Filen ligger i data/offers/<kommune>/<tilbud>.yaml.",
        body,
    )


def partner_offer_schema(register: S.RegisterView) -> S.Schema:
    body = S.confirmable(
        fields.object_schema(
            Offer,
            "Tilbud fra en forening",
            "Et tilbud fra en frivillig forening.",
            view=register,
            kind=PARTNER,
            renamed={**RENAMED, "daekning": "dækning"},
        )
    )
    return S.document(
        PARTNER,
        "Tilbud fra en forening",
        "Ét tilbud fra en forening. Filen ligger i data/partners/<forening>/<tilbud>.yaml.",
        body,
    )


def _offer(
    data: Mapping[str, Any], file: Path, kind: str, owner_kind: str, owner: str, slug: str, **derived: Any
) -> Offer:
    return fields.build(
        Offer, data, kind, id=f"{owner}/{slug}", slug=slug, owner_kind=owner_kind, owner=owner, file=file, **derived
    )


def build_municipal_offer(data: Mapping[str, Any], file: Path, slugs: tuple[str, ...], ctx: Context) -> Offer:
    municipality, slug = slugs
    return _offer(data, file, MUNICIPAL, "kommune", municipality, slug, coverage=(municipality,))


def build_partner_offer(data: Mapping[str, Any], file: Path, slugs: tuple[str, ...], ctx: Context) -> Offer:
    partner, slug = slugs
    return _offer(data, file, PARTNER, "partner", partner, slug)


def unknown_municipality_folder(slug: str, file: Path, ctx: Context, what: str) -> Iterable[Problem]:
    known = ctx.register.slugs
    if slug not in known:
        guess = closest(slug, known)
        yield Problem(
            file,
            1,
            1,
            "",
            "ukendt-kommune",
            f"{what} '{slug}' er ikke en kommune i data/kommuner.yaml",
            f"mente du '{guess}'?" if guess else "brug kommunens slug fra data/kommuner.yaml",
        )


@dataclass(frozen=True)
class BasisCheck:
    """A way in that the law fixes for some legal bases: an offer with one of ``bases`` should list one of
    ``needs`` in 'henvisning' and none of ``never``. With neither, the basis itself does not fit the owner."""

    bases: tuple[str, ...]
    why: str
    """Why, in Danish, after the basis's label: '… kræver en afgørelse fra kommunen'."""
    hint: str
    needs: tuple[str, ...] = ()
    never: tuple[str, ...] = ()
    owners: tuple[str, ...] = ()
    """Owner kinds ('kommune', 'partner') the check applies to; empty: every offer."""

    def broken_by(self, offer: Offer) -> tuple[str, ...] | None:
        """The routes at fault ('' for a missing one), or None when the offer keeps the check."""
        if offer.legal_basis not in self.bases or (self.owners and offer.owner_kind not in self.owners):
            return None
        if not (self.needs or self.never):
            return ()
        wrong = tuple(r for r in offer.routes if r in self.never)
        missing = () if not self.needs or set(self.needs) & set(offer.routes) else ("",)
        return wrong + missing or None


_DECISION = ("serviceloven-85", "serviceloven-107", "serviceloven-108")

BASIS_CHECKS: tuple[BasisCheck, ...] = (
    BasisCheck(
        _DECISION,
        "gives efter en afgørelse fra kommunen, så 'henvisning' skal have 'visitation'",
        "tilføj 'visitation' i 'henvisning', eller ret 'hjemmel', hvis tilbuddet er åbent "
        "(fx 'serviceloven-104' eller 'serviceloven-99')",
        needs=("visitation",),
    ),
    BasisCheck(
        _DECISION,
        "gives efter en afgørelse om den enkelte borger og kan ikke være anonym",
        "fjern 'anonym' fra 'henvisning', eller ret 'hjemmel', hvis tilbuddet er et anonymt og åbent tilbud",
        never=("anonym",),
    ),
    BasisCheck(
        ("sundhedsloven-140",),
        "er genoptræning efter en genoptræningsplan, så 'henvisning' skal have 'gop'",
        "tilføj 'gop' i 'henvisning', eller ret 'hjemmel', hvis tilbuddet ikke kræver en genoptræningsplan",
        needs=("gop",),
    ),
    BasisCheck(
        ("ingen",),
        "passer ikke til en kommunes tilbud: kommunen giver altid tilbud efter en lov",
        "skriv den paragraf, tilbuddet gives efter, fx 'serviceloven-85', eller udelad 'hjemmel'",
        owners=("kommune",),
    ),
)
"""Legal basis and way in that do not fit together: each row is one warning (rule 'hjemmel-henvisning').

§ 82 b has no row: it is individual, time-limited socialpædagogisk støtte that the municipality grants
(Ankestyrelsen on §§ 82 a-c, 2020), not an anonymous open offer, and no source we read fixes its way in."""


def basis_problems(offer: Offer, document: Document) -> Iterable[Problem]:
    """Warnings for an offer whose legal basis and routes do not fit (see :data:`BASIS_CHECKS`)."""
    for check in BASIS_CHECKS:
        fault = check.broken_by(offer)
        if fault is None:
            continue
        name = vocab.label(vocab.LEGAL_BASES, offer.legal_basis)
        at = ("henvisning", offer.routes.index(fault[0])) if fault and fault[0] else ("hjemmel",)
        yield replace(
            document.problem_at(
                at, "hjemmel-henvisning", f"'hjemmel' er '{offer.legal_basis}' ({name}). Det {check.why}", check.hint
            ),
            level=WARNING,
        )


def check_offer(offer: Offer, document: Document, ctx: Context) -> Iterable[Problem]:
    if offer.owner_kind == "kommune":
        yield from unknown_municipality_folder(offer.owner, offer.file, ctx, "mappen")
    elif not (ctx.data_dir / "partners" / f"{offer.owner}.yaml").is_file():
        yield Problem(
            offer.file,
            1,
            1,
            "",
            "ukendt-reference",
            f"foreningen '{offer.owner}' har ingen fil data/partners/{offer.owner}.yaml",
            "opret foreningens fil, eller flyt tilbuddet til den rigtige forenings mappe",
        )
    if offer.age_from > offer.age_to:
        yield Problem(
            offer.file,
            1,
            1,
            "målgruppe.alder",
            "ugyldig-værdi",
            f"'målgruppe.alder' går fra {offer.age_from} til {offer.age_to}; 'fra' er større end 'til'",
            "byt om på de to tal",
        )
    yield from basis_problems(offer, document)
