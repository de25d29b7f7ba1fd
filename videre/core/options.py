"""Build options, typed and checked once, as the page builders and exports read them.

Below the page builders and exports, so that both read the same options without
importing each other. Where each option comes from, its type, default and help are
declared in :mod:`videre.core.settings`.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import Any

from . import clock, settings


@dataclass(frozen=True)
class SiteOptions:
    """Build options from ``mkdocs.yml`` (``extra.videre``, ``site_url``) and the environment."""

    show_examples: bool = settings.SHOW_EXAMPLES.default
    review_months: int = settings.REVIEW_MONTHS.default
    editor_email: str = settings.EDITOR_EMAIL.default
    issue_url: str = settings.ISSUE_URL.default
    site_url: str = settings.SITE_URL.default
    today: dt.date = field(default_factory=clock.today)
    """The build date, in Danish time (:mod:`videre.core.clock`)."""
    repo: str = settings.REPO_NAME.default
    """The forge repository (owner/name) the editor at /redaktion/ opens pull requests in."""
    editor_backend: str = settings.EDITOR_BACKEND.default
    """The local stand-in forge for the editor instead of GitHub, for ``make redaktion`` and tests."""

    @classmethod
    def from_mapping(
        cls,
        raw: dict[str, Any] | None,
        *,
        site_url: str | None = None,
        today: dt.date | None = None,
        environment: settings.Environment | None = None,
    ) -> SiteOptions:
        """The options under ``extra.videre``; an option set in the ``environment`` wins, and ``today``
        (``videre --dato``) wins over ``VIDERE_TODAY``. Raises :class:`settings.SettingError`."""
        values = settings.site_values(raw, site_url)
        if environment is not None:
            if environment.show_examples is not None:
                values["show_examples"] = environment.show_examples
            values["editor_backend"] = environment.editor_backend
            today = today or environment.today
        if today is not None:
            values["today"] = today
        return cls(**values)
