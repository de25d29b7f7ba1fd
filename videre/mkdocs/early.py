"""A build renders its shells first, so the offer pages are filled in beside MkDocs' own rendering.

The ~5,000 offer pages are filled into their shells (:mod:`videre.mkdocs.shells`),
so the filling can start only when the shells are rendered. MkDocs renders the
shells in its turn, near the end, and so the filling waited for MkDocs. At
``on_env`` every page has been read and the navigation is final. Rendering the
few shells there, through MkDocs' own page step, lets forked children fill in
the offer pages while MkDocs copies the theme and renders the other pages.
MkDocs renders the shells again in its turn; the plan checks that the HTML is
the same both times.
"""

from __future__ import annotations

from mkdocs.commands import build as mkdocs_build
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.files import Files, InclusionLevel
from mkdocs.structure.nav import Navigation
from jinja2 import Environment

from .shells import Plan


def render_shells(plan: Plan, config: MkDocsConfig, files: Files, nav: Navigation, env: Environment) -> None:
    """Render the plan's shells as MkDocs' build renders a page (its post-page steps capture them)."""
    doc_files = files.documentation_pages(inclusion=InclusionLevel.is_included)  # as `mkdocs build` passes them
    shells = [file for file in doc_files if plan.is_shell(file.src_uri) and file.page is not None]
    for file in shells:
        mkdocs_build._build_page(file.page, config, doc_files, nav, env)
