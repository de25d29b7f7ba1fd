"""'Rapportér fejl' links: a pre-filled issue on the forge, or an e-mail to the editors.

With ``extra.videre.fejl_url`` (a forge 'new issue' address) the link opens a
new issue with title and body filled in; the form fields ``side`` and ``fil``
of .github/ISSUE_TEMPLATE/rapporter-fejl.yml are filled too. Without it the
link is a ``mailto:`` to ``extra.videre.redaktion_email`` with subject and body.
Either way the reader only adds what is wrong.
"""

from __future__ import annotations

from urllib.parse import quote, urlencode

from ..core.options import SiteOptions


def report_url(options: SiteOptions, page_title: str, page_url: str, record_file: str) -> str:
    """The link target for reporting an error on one page, naming the page and the record file."""
    address = options.site_url + page_url
    title = f"Forkerte oplysninger: {page_title}"
    lines = [
        f"Side: {address}",
        f"Fil: {record_file}",
        "",
        "Hvad er forkert?",
        "",
        "Hvad er det rigtige, og hvor kan vi se det (kilde)?",
        "",
    ]
    if options.issue_url:
        separator = "&" if "?" in options.issue_url else "?"
        query = {"title": title, "body": "\n".join(lines), "side": address, "fil": record_file}
        return options.issue_url + separator + urlencode(query, quote_via=quote)
    query = {"subject": title, "body": "\r\n".join(lines)}
    return f"mailto:{options.editor_email}?" + urlencode(query, quote_via=quote)
