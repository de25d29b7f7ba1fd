"""What Pagefind reads of each page: the article marked ``data-pagefind-body``, not the theme around it.

A page of ours is ~25 KB of HTML, and ~20 KB of it is Material's header,
navigation and footer, which Pagefind parses only to skip it (only the
``data-pagefind-body`` element is indexed). At national scale that was a fifth
of Pagefind's CPU time. So each page is cut down to its ``<html>`` tag and its
body element before Pagefind sees it. Measured on the 1× bench set, the bundle
is byte-identical to the one built from the whole pages; ``tests/search/
test_index_input.py`` checks the same on the real site.

A page is cut only when that is certain to change nothing: exactly one
``data-pagefind-body``, on a ``<div>``, no other ``data-pagefind-`` attribute
outside it, and nothing inside it that could hide a ``<div`` from the counting
(comments, scripts, styles, templates). Any other page is given whole. An offer
page's printed sheet, which Pagefind ignores, is cut from the body too.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path

from .spelling import PRINT_SHEET

BODY = "data-pagefind-body"
_OPEN = "<div " + BODY
_DIV = re.compile(r"<(/?)div(?=[\s/>])", re.IGNORECASE)
_HTML_TAG = re.compile(r"<html\b[^>]*>", re.IGNORECASE)
_OPAQUE = re.compile(r"<!--|<script|<style|<template|<textarea|<xmp|<plaintext|<noscript", re.IGNORECASE)


def reduce(page: str) -> str:
    """The page as Pagefind needs it, or the page itself when cutting it might change the index."""
    start = page.find(_OPEN)
    if start < 0 or page.find(BODY, start + len(_OPEN)) >= 0:
        return page
    end = element_end(page, start)
    if end is None:
        return page
    html_tag = _HTML_TAG.search(page, 0, start)
    if html_tag is None or "data-pagefind-" in page[:start] or "data-pagefind-" in page[end:]:
        return page
    body = page[start:end]
    if _OPAQUE.search(body):
        return page
    return f"<!doctype html>{html_tag.group(0)}<head></head><body>{_without_sheet(body)}</body></html>"


def _without_sheet(body: str) -> str:
    """The body without the page's printed sheet (an offer's sheet for the patient, :data:`PRINT_SHEET`).

    Pagefind ignores the sheet whole (``data-pagefind-ignore="all"``), yet it is a fifth of an offer page's
    body. It is cut only when it is one element with no other ``data-pagefind-`` attribute inside."""
    at = body.find(PRINT_SHEET)
    end = None if at < 0 else element_end(body, at)
    if end is None or body.count("data-pagefind-", at, end) != 1 or body.find(PRINT_SHEET, end) >= 0:
        return body
    return body[:at] + body[end:]


def element_end(page: str, start: int) -> int | None:
    """Where the ``<div>`` opened at ``start`` closes (just after its ``</div>``), or None."""
    depth = 0
    for match in _DIV.finditer(page, start):
        depth += -1 if match.group(1) else 1
        if depth == 0:
            close = page.find(">", match.end())
            return None if close < 0 else close + 1
    return None


def selected(site_dir: Path, skipped: frozenset[str]) -> Iterator[Path]:
    """The HTML files Pagefind's glob ``{*.html,<folder>/**/*.html}`` picks, with ``skipped`` folders left out,
    in a stable order."""
    for path in sorted(site_dir.glob("*.html")):
        if path.is_file():
            yield path
    for folder in sorted(p for p in site_dir.iterdir() if p.is_dir() and p.name not in skipped):
        for path in sorted(folder.rglob("*.html")):
            if path.is_file():
                yield path
