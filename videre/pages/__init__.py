"""Page builders: records in, ``(src_uri, markdown)`` out. No generator imports.

Each builder is a pure function over the :class:`~videre.core.model.Catalog`. The
MkDocs hook registers the results as generated files; ``videre sider`` writes
the same pages to disk for any other generator. Record text reaches a page
only through autoescaped templates and :func:`videre.core.text.to_html`.
"""

from __future__ import annotations

import datetime as dt
import posixpath
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

import jinja2
from markupsafe import Markup

from ..core import fields, text, urls, vocab
from ..core.model import Offer, editor_url, keeper_kind, record_state, source_note, source_page, state_badge
from ..search import spelling
from . import templatecache


@dataclass(frozen=True)
class Page:
    src_uri: str
    """Path below docs/, e.g. ``kommuner/esbjerg.md``."""
    markdown: str
    in_nav: bool = False
    many: bool = False
    """One of many pages with the same layout (the offers): the MkDocs hook may render it through a
    shared shell page instead of one theme render each (see :mod:`videre.mkdocs.shells`)."""


def page_url(src_uri: str) -> str:
    """The directory-style URL of a source path: ``kommuner/esbjerg.md`` → ``kommuner/esbjerg/``."""
    stem = src_uri.removesuffix(".md")
    if stem == "index" or stem.endswith("/index"):
        return stem.removesuffix("index")
    return stem + "/"


def relative(from_src: str, to_url: str) -> str:
    """A link from one generated page to a site URL, as relative HTML needs it."""
    base = page_url(from_src) or "."
    anchor = ""
    if "#" in to_url:
        to_url, anchor = to_url.split("#", 1)
        anchor = "#" + anchor
    target = _relpath(to_url or ".", base.rstrip("/") or ".")
    if (to_url == "" or to_url.endswith("/")) and not target.endswith("/"):
        target += "/"
    return (target if target != "./" else "./") + anchor


def _relpath(path: str, start: str) -> str:
    """``posixpath.relpath`` for two site-relative paths, without its ``os.getcwd()`` call per link.

    Both are taken from the same root "/" instead of the working folder, which gives the same answer as
    long as neither is absolute nor climbs with ``..`` (then the library function is asked)."""
    if ".." in path or ".." in start or path.startswith("/") or start.startswith("/"):
        return posixpath.relpath(path, start)
    return posixpath.relpath("/" + path, "/" + start)


def danish_date(day: dt.date) -> str:
    months = (
        "januar",
        "februar",
        "marts",
        "april",
        "maj",
        "juni",
        "juli",
        "august",
        "september",
        "oktober",
        "november",
        "december",
    )
    return f"{day.day}. {months[day.month - 1]} {day.year}"


def age_text(offer: Offer) -> str:
    if offer.age_from == 0 and offer.age_to >= 120:
        return "Alle aldre"
    if offer.age_to >= 120:
        return f"Fra {offer.age_from} år"
    return f"{offer.age_from}–{offer.age_to} år"


_TEMPLATES = Path(__file__).resolve().parent / "templates"
_templates_seen: list[tuple[tuple[str, int], ...]] = []


def reload_changed_templates() -> None:
    """Drop the compiled templates if a template file changed (once per build, e.g. under `mkdocs serve`).

    The environment does not check each template's file time on every use (``auto_reload``):
    with thousands of pages and includes that check cost seconds per build.
    """
    stamp = tuple(sorted((p.name, p.stat().st_mtime_ns) for p in _TEMPLATES.glob("*.j2")))
    if _templates_seen and _templates_seen[0] != stamp:
        environment.cache_clear()
    _templates_seen[:] = [stamp]


@lru_cache(maxsize=64)
def _markdown(value: str | None) -> Markup:
    """A record's Markdown as HTML. An offer page shows its description twice (on screen and on its printed
    sheet), so the last few are kept."""
    return Markup(text.to_html(value))


def _email_breaks(address: str) -> Markup:
    """An e-mail address that a narrow screen may break before '@' and after a dot, not mid-word."""
    escaped = str(Markup.escape(address))
    return Markup(escaped.replace("@", "<wbr>@").replace(".", ".<wbr>"))


def coded_search_words(record: Any) -> list[str]:
    """The everyday words (vocab.SEARCH_WORDS) of every coded value of ``record``, each once. Any field whose
    schema lists labels (``x-labels``: ``schema.coded`` and ``schema.coded_list``) counts, so a new coded field
    (such as a legal basis) brings its words to the page without a change here."""
    words: dict[str, None] = {}
    for row in fields.table(type(record)):
        schema = row.schema if isinstance(row.schema, dict) else {}
        if "x-labels" not in schema and "x-labels" not in schema.get("items", {}):
            continue
        value = row.value(record)
        for code in (value,) if isinstance(value, str) else tuple(value or ()):
            words.update(dict.fromkeys(vocab.SEARCH_WORDS.get(code, ())))
    return list(words)


def card_data(record: Any) -> Markup:
    """A card's data attributes for the filters (``videre-udvalg.js``): each card row's short key and compact
    value, a list joined by spaces, e.g. ``data-a="voksne aeldre"``."""
    attributes = []
    for row in fields.card_rows(type(record)):
        value = row.to_compact(record)
        attributes.append(f'data-{row.short}="{Markup.escape(" ".join(value) if isinstance(value, list) else value)}"')
    return Markup(" ".join(attributes))


@lru_cache(maxsize=1)
def environment() -> jinja2.Environment:
    env = jinja2.Environment(
        loader=jinja2.PackageLoader("videre.pages", "templates"),
        autoescape=True,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
        undefined=jinja2.StrictUndefined,
        auto_reload=False,
        bytecode_cache=templatecache.shared(),
    )
    env.filters["md"] = _markdown
    env.filters["plain"] = text.plain
    env.filters["md_escape"] = lambda value: Markup(text.md_escape(str(value)))
    env.filters["front_matter"] = lambda value: Markup(text.front_matter_text(value))
    env.filters["weblink"] = lambda url: Markup(text.web_link(url))
    env.filters["dato"] = danish_date
    env.filters["labels"] = lambda codes, table, sep=", ": sep.join(vocab.label(table, c) for c in codes)
    env.filters["age"] = age_text
    env.filters["email_breaks"] = _email_breaks
    env.filters["host"] = lambda url: urlsplit(url).netloc.removeprefix("www.")
    env.globals.update(
        vocab=vocab,
        label=vocab.label,
        urls=urls,
        coded_search_words=coded_search_words,
        name_variants=spelling.name_variants,
        hidden_words=lambda name, text, weight=None: Markup(spelling.hidden_element(name, text, weight)),
        state=record_state,
        state_badge=state_badge,
        source_page=source_page,
        source_note=source_note,
        claim=claim,
        card_data=card_data,
    )
    return env


def claim(record: Any) -> tuple[str, str, str]:
    """The invitation on a record read from a public page: (question, its place in the form, the YAML guide)."""
    return vocab.CLAIM_QUESTIONS[keeper_kind(record)], editor_url(record), urls.CONTRIBUTING_YAML


def render(template: str, **context: Any) -> str:
    return environment().get_template(template).render(**context)
