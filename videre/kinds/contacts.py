"""Contacts: a municipality's fixed contacts (``data/contacts/kommuner/``) and the psychiatric
departments (``data/contacts/afdelinger/``); fields in :class:`~videre.core.model.MunicipalContacts`
and :class:`~videre.core.model.Department`."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from pathlib import Path
from typing import Any

from ..core import fields
from ..core import schema as S
from ..core.errors import Problem
from ..core.model import Department, MunicipalContacts
from ..core.yamlsource import Document
from .context import Context
from .offers import unknown_municipality_folder

MUNICIPAL = "kommunekontakter"
DEPARTMENT = "afdeling"


def municipal_contacts_schema(register: S.RegisterView | None = None) -> S.Schema:
    body = S.confirmable(
        fields.object_schema(
            MunicipalContacts,
            "Kommunens kontakter",
            "Kommunens faste kontakter for psykiatrien.",
            renamed={
                "sidst_bekraeftet": "sidst_bekræftet",
                "gop": "gop_modtager",
                "frivillighedskoordinator": "frivilligkoordinator",
            },
        )
    )
    return S.document(
        MUNICIPAL,
        "Kommunens kontakter",
        "Kontakter for én kommune. Filen ligger i data/contacts/kommuner/<kommune>.yaml.",
        body,
    )


def department_schema(register: S.RegisterView) -> S.Schema:
    body = S.confirmable(
        fields.object_schema(
            Department,
            "Psykiatrisk afdeling",
            "En psykiatrisk afdeling og dens terapienhed.",
            view=register,
            renamed={"sidst_bekraeftet": "sidst_bekræftet", "kommuner": "betjener"},
        )
    )
    return S.document(
        DEPARTMENT,
        "Psykiatrisk afdeling",
        "En afdeling. Filen ligger i data/contacts/afdelinger/<afdeling>.yaml.",
        body,
    )


def build_contacts(data: Mapping[str, Any], file: Path, slugs: tuple[str, ...], ctx: Context) -> MunicipalContacts:
    return fields.build(MunicipalContacts, data, MUNICIPAL, municipality=slugs[0], file=file)


def build_department(data: Mapping[str, Any], file: Path, slugs: tuple[str, ...], ctx: Context) -> Department:
    return fields.build(Department, data, DEPARTMENT, slug=slugs[0], file=file)


def check_contacts(record: MunicipalContacts, document: Document, ctx: Context) -> Iterable[Problem]:
    yield from unknown_municipality_folder(record.municipality, record.file, ctx, "filnavnet")
