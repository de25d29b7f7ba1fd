"""Associations: one record per association in ``data/partners/<forening>.yaml``; fields in
:class:`~videre.core.model.Partner`."""

from __future__ import annotations

from collections.abc import Mapping
from pathlib import Path
from typing import Any

from ..core import fields
from ..core import schema as S
from ..core.model import Partner
from .context import Context

KIND = "partner"


def partner_schema(register: S.RegisterView | None = None) -> S.Schema:
    body = S.confirmable(
        fields.object_schema(
            Partner,
            "Forening",
            "En civilsamfundsorganisation, der samarbejder med psykiatrien.",
            renamed={"sidst_bekraeftet": "sidst_bekræftet", "hjemmeside": "web", "url": "web"},
        )
    )
    return S.document(KIND, "Forening", "En forening. Filen ligger i data/partners/<forening>.yaml.", body)


def build_partner(data: Mapping[str, Any], file: Path, slugs: tuple[str, ...], ctx: Context) -> Partner:
    return fields.build(Partner, data, KIND, slug=slugs[0], file=file)
