"""Build options (``extra.videre`` in ``mkdocs.yml``), typed and checked once, and what they publish.

Below the page builders and exports, so that both read the same options without
importing each other.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import Any

from . import clock


@dataclass(frozen=True)
class SiteOptions:
    """Build options from ``mkdocs.yml`` (``extra.videre``), typed and checked once."""

    show_examples: bool = True
    review_months: int = 12
    editor_email: str = "redaktion@videre.example.org"
    issue_url: str = ""
    site_url: str = "https://videre.example.org/"
    today: dt.date = field(default_factory=clock.today)
    """The build date, in Danish time (:mod:`videre.core.clock`)."""
    repo: str = "videre-dk/videre"
    """The forge repository (owner/name) the editor at /redaktion/ opens pull requests in."""
    editor_backend: str = ""
    """The local stand-in forge for the editor instead of GitHub, for ``make redaktion`` and tests."""

    @classmethod
    def from_mapping(cls, raw: dict[str, Any] | None, *, site_url: str | None = None,
                     today: dt.date | None = None, editor_backend: str = "") -> "SiteOptions":
        raw = dict(raw or {})
        known = {"vis_eksempler": "show_examples", "gennemsyn_maaneder": "review_months",
                 "redaktion_email": "editor_email", "fejl_url": "issue_url", "repo": "repo"}
        unknown = sorted(set(raw) - set(known))
        if unknown:
            raise ValueError(f"ukendt indstilling under extra.videre: {', '.join(unknown)}; "
                             f"tilladte er {', '.join(sorted(known))}")
        values: dict[str, Any] = {known[k]: v for k, v in raw.items()}
        if not isinstance(values.get("show_examples", True), bool):
            raise ValueError("extra.videre.vis_eksempler skal være true eller false")
        months = values.get("review_months", 12)
        if not isinstance(months, int) or isinstance(months, bool) or not 1 <= months <= 60:
            raise ValueError("extra.videre.gennemsyn_maaneder skal være et helt tal fra 1 til 60")
        if site_url:
            values["site_url"] = site_url if site_url.endswith("/") else site_url + "/"
        if not isinstance(values.get("repo", "a/b"), str) or values.get("repo", "a/b").count("/") != 1:
            raise ValueError("extra.videre.repo skal være forgens repository som 'ejer/navn'")
        if today is not None:
            values["today"] = today
        return cls(**values, editor_backend=editor_backend)
