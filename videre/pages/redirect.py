"""Redirect pages: a small static page at each old address that sends the reader on.

The records and their checks live in :mod:`videre.kinds.redirects`; this module
only turns the redirects in force into HTML, with the site's CSP.
"""

from __future__ import annotations

import html

from ..catalog.addresses import active_redirects
from ..catalog.catalog import Catalog
from ..kinds.redirects import Redirect
from . import csp, relative


def redirect_html(item: Redirect, href: str, site_url: str) -> str:
    """A static page at the old address: immediate refresh, canonical link, a visible link and the CSP."""
    target = html.escape(href, quote=True)
    canonical = html.escape(site_url + item.target, quote=True)
    return csp.protect(f"""<!doctype html>
<html lang="da">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="robots" content="noindex">
<title>Siden er flyttet – Videre</title>
<link rel="canonical" href="{canonical}">
<meta http-equiv="refresh" content="0; url={target}">
</head>
<body>
<main>
<h1>Siden er flyttet</h1>
<p>Siden har fået en ny adresse. <a href="{target}">Gå til den nye side</a>.</p>
</main>
</body>
</html>
""")


def redirect_files(catalog: Catalog, site_url: str) -> list[tuple[str, str]]:
    """(path, HTML) for each redirect page in force on the build date, written at ``<old address>index.html``."""
    return [
        (
            f"{item.source}index.html",
            redirect_html(item, relative(item.source.rstrip("/") + ".md", item.target), site_url),
        )
        for item in sorted(active_redirects(catalog), key=lambda r: r.source)
    ]
