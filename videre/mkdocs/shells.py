"""Thousands of pages through one theme render: how the offer pages stay affordable.

MkDocs with Material costs about 10 ms per page: Markdown with its extensions,
then the theme's templates (header, navigation, table of contents). At national
scale the site has ~5,000 offer pages; through MkDocs they alone took about a
minute (measured with ``make bench``). Yet every offer page has the same frame:
only the title, the description, the address and the article differ.

So the generator's page is cut in two here. MkDocs renders one *shell* page per
layout (the same headings, the same depth), with tokens for the title and the
description and a marker for each block of the article. After MkDocs has
written the other pages (and before Pagefind indexes them), :func:`Plan.write`
fills the shell in for each offer: a handful of string replacements per page.

A page qualifies only when MkDocs would pass its article through unchanged:
front matter with at most a ``description``, a ``# `` title written with the
``md_escape`` filter, further ATX headings, and raw HTML blocks in which every
line starts with a block-level tag (so Markdown neither wraps nor parses them).
Anything else goes through MkDocs as before. Headings other than the title come
from MkDocs itself (the shell has them), and the title is rendered the way
Python-Markdown renders it (escaping, abbreviations, the toc extension's id and
permalink). ``tests/mkdocs/test_shells.py`` builds pages both ways and compares them.

Nothing here imports MkDocs; the adapter (:mod:`videre.mkdocs.adapter`) passes in what it needs.
"""

from __future__ import annotations

import gzip
import html
import json
import re
import shutil
import sys
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any

import markdown
import yaml
from markdown.extensions.toc import unique
from markdown.serializers import _escape_attrib_html, _escape_cdata  # the escaping Markdown itself uses
from markdown.util import BLOCK_LEVEL_ELEMENTS
from markupsafe import Markup, escape

from ..core import buildcache, parallel, settings
from ..core.text import md_escape
from ..pages import Page, page_url

SHELL_DIR = "_skal"
"""Shell pages live at ``<section>/_skal/<n>/``: the same depth as the pages they stand for
(so every relative link in the theme is right for them), and no record slug has an underscore."""
TITLE = "Videreskaltitel"
DESCRIPTION = "videreskalbeskrivelse"
END = "<!--videre-skal-slut-->"
SWITCH = settings.SHELLS.name
"""Set to 0 to send every page through MkDocs (for comparisons and as an escape hatch)."""

_FRONT_MATTER = re.compile(r"^-{3}[ \t]*\n(.*?\n)(?:\.{3}|-{3})[ \t]*\n", re.DOTALL)  # as mkdocs.utils.meta
_HEADING = re.compile(r"^(#{1,6})[ \t]+(.*?)[ \t]*$")
_BLOCK_LINE = re.compile(
    r"^<(?:!--|/?(?:%s)[\s/>])" % "|".join(sorted(BLOCK_LEVEL_ELEMENTS, key=len, reverse=True)), re.IGNORECASE
)
_MARKDOWN_ATTRIBUTE = re.compile(r"<[^>]*\smarkdown(?:\s*=|[\s>])", re.IGNORECASE)
_MD_UNESCAPE = re.compile(r"\\(.)|&lt;|&gt;|&amp;")
_TAGS = re.compile(r"<[^>]*>")
_PART = "<!--videre-skal-{}-->"


def enabled() -> bool:
    return settings.environment().shells


@dataclass(frozen=True)
class HeadingStyle:
    """How Markdown renders a heading on this site: the toc extension's slugify and the abbreviations."""

    slugify: Callable[[str, str], str]
    separator: str = "-"
    abbreviations: Mapping[str, str] = field(default_factory=dict)

    def title_html(self, text: str) -> str:
        """The inner HTML Markdown gives ``# {md_escape(text)}``: escaped text, abbreviations wrapped."""
        if not self.abbreviations:
            return _escape_cdata(text)
        names = sorted(self.abbreviations, key=len, reverse=True)
        pattern = re.compile(r"\b(?:%s)\b" % "|".join(re.escape(n) for n in names))
        out, position = [], 0
        for match in pattern.finditer(text):
            title = self.abbreviations[match.group(0)]
            if not title:
                continue
            out.append(_escape_cdata(text[position : match.start()]))
            out.append(f'<abbr title="{_escape_attrib_html(title)}">{_escape_cdata(match.group(0))}</abbr>')
            position = match.end()
        out.append(_escape_cdata(text[position:]))
        return "".join(out)

    def heading_id(self, inner_html: str) -> str:
        return self.slugify(html.unescape(_TAGS.sub("", inner_html)), self.separator)


@dataclass(frozen=True)
class Member:
    """A page that a shell stands for, cut into what differs between pages."""

    page: Page
    description: str | None
    title: str
    """The title as plain text (the ``md_escape`` of it is the page's ``# `` line)."""
    headings: tuple[str, ...]
    """The other heading lines, verbatim."""
    parts: tuple[str, ...]
    """Raw HTML: ``parts[0]`` follows the title, ``parts[i]`` follows ``headings[i - 1]``."""

    @property
    def layout(self) -> tuple[object, ...]:
        return (
            self.page.src_uri.split("/")[0],
            self.description is not None,
            self.headings,
            tuple(bool(p) for p in self.parts),
        )


def cut(page: Page) -> Member | None:
    """Cut a page into a :class:`Member`, or None when MkDocs might do more than pass its HTML through."""
    if page.in_nav or page.src_uri.count("/") != 2 or page.src_uri.endswith("index.md"):
        return None
    text = page.markdown
    description = None
    found = _FRONT_MATTER.match(text)
    if found:
        try:
            meta = yaml.load(found.group(1), Loader=getattr(yaml, "CSafeLoader", yaml.SafeLoader))
        except yaml.YAMLError:
            return None
        if not isinstance(meta, dict) or set(meta) - {"description"}:
            return None
        description = meta.get("description")
        if description is not None and not isinstance(description, str):
            return None
        text = text[found.end() :]
    elif text.startswith("---"):
        return None
    title: str | None = None
    headings: list[str] = []
    parts: list[list[str]] = [[]]
    for line in text.split("\n"):
        if not line.strip():
            parts[-1].append(line)
            continue
        heading = _HEADING.match(line)
        if heading:
            if title is None:
                if heading.group(1) != "#":
                    return None
                title = _title_text(heading.group(2))
                if title is None:
                    return None
            elif len(heading.group(1)) == 1:
                return None
            else:
                headings.append(line)
            parts.append([])
            continue
        if (
            title is None
            or not _BLOCK_LINE.match(line)
            or _MARKDOWN_ATTRIBUTE.search(line)
            or "videre-skal" in line
            or TITLE in line
            or DESCRIPTION in line
        ):
            return None
        parts[-1].append(line)
    if title is None:
        return None
    blocks = tuple("\n".join(p).strip("\n") for p in parts[1:])
    if not all(_balanced(block) for block in blocks):  # an open element would swallow the next heading
        return None
    return Member(page, description, title, tuple(headings), blocks)


def cut_all(pages: Sequence[Page]) -> list[Member | None]:
    """:func:`cut` of many pages; a page whose address and Markdown were cut before is put together from the
    build cache (videre.core.buildcache), which keeps where its parts lie in its text, not the parts
    themselves. At national scale cutting 5,000 offer pages takes two seconds on every build."""
    salt = buildcache.salt_of(
        Path(__file__), Path(md_escape.__code__.co_filename), markdown.__version__, yaml.__version__, sys.version
    )
    keys = [buildcache.key(salt, page.src_uri, str(page.in_nav), page.markdown) for page in pages]
    found = buildcache.cached_map(
        "skaller", keys, pages, lambda todo: parallel.ordered_map(lambda page: _stored(page, cut(page)), todo)
    )
    return [_restored(page, json.loads(stored)) for page, stored in zip(pages, found)]


def _stored(page: Page, member: Member | None) -> str:
    """A cut as the cache keeps it: the description, the title, the headings, and each part as where it
    starts and ends in the text after the front matter (each part is a slice of it)."""
    if member is None:
        return "null"
    text = _after_front_matter(page.markdown)
    places, start = [], 0
    for part in member.parts:
        start = text.index(part, start)
        places.append((start, start + len(part)))
        start += len(part)
    return json.dumps([member.description, member.title, member.headings, places])


def _restored(page: Page, stored: Any) -> Member | None:
    if stored is None:
        return None
    description, title, headings, places = stored
    text = _after_front_matter(page.markdown)
    return Member(page, description, title, tuple(headings), tuple(text[start:end] for start, end in places))


def _after_front_matter(text: str) -> str:
    found = _FRONT_MATTER.match(text)
    return text[found.end() :] if found else text


def _title_text(line: str) -> str | None:
    """The text whose ``md_escape`` is ``line``; None when the heading holds any other Markdown."""
    text = _MD_UNESCAPE.sub(lambda m: m.group(1) if m.group(1) is not None else html.unescape(m.group(0)), line)
    return text if md_escape(text) == line else None


def shell_markdown(member: Member) -> str:
    lines = []
    if member.description is not None:
        lines += ["---", f"description: {DESCRIPTION}", "---", ""]
    lines += [f"# {TITLE}", ""]
    for index, part in enumerate(member.parts):
        if index:
            lines += [member.headings[index - 1], ""]
        if part:
            lines += [_PART.format(index), ""]
    lines += [END, ""]
    return "\n".join(lines)


@dataclass
class Plan:
    """Which pages MkDocs renders, which shells stand for the rest, and how to fill them in."""

    pages: list[Page]
    """Pass these to MkDocs: the pages that do not qualify, and one shell per layout."""
    members: dict[str, list[Member]]
    """Shell source path → the pages it stands for, in their original order."""
    style: HeadingStyle
    order: list[str] = field(default_factory=list)
    """The addresses of all member pages, in the generator's order (for the sitemap)."""
    outputs: dict[str, str] = field(default_factory=dict)
    stashes: dict[str, dict[str, str]] = field(default_factory=dict)
    """Page source path → placeholder → the raw HTML block it stands for (see :func:`stash`)."""
    _places: dict[str, tuple[str, int]] = field(default_factory=dict, repr=False)
    _frames: dict[str, _Frame] = field(default_factory=dict, repr=False)
    _writing: parallel.StartedMap[int] | None = field(default=None, repr=False)

    def restore(self, src_uri: str, output: str) -> str:
        """Put the stashed HTML blocks back into MkDocs' output of a page (before any other post-page step)."""
        for placeholder, block in self.stashes.get(src_uri, {}).items():
            if placeholder not in output:
                raise RuntimeError(f"{src_uri}: MkDocs ændrede pladsholderen for en HTML-blok ({placeholder[:60]})")
            output = output.replace(placeholder, block, 1)
        return output

    def is_shell(self, src_uri: str) -> bool:
        return src_uri in self.members

    def is_member(self, src_uri: str) -> bool:
        return src_uri in self._member_places()

    def _member_places(self) -> dict[str, tuple[str, int]]:
        if not self._places:
            self._places.update(
                (member.page.src_uri, (src, index))
                for src, members in self.members.items()
                for index, member in enumerate(members)
            )
        return self._places

    def refill(self, page: Page) -> tuple[str, str] | None:
        """A member page whose Markdown changed, filled into its shell again (``mkdocs serve``, videre.mkdocs.live):
        its address and the HTML :meth:`write` would write. None when the page no longer fits its shell."""
        place = self._member_places().get(page.src_uri)
        if place is None or place[0] not in self.outputs:
            return None
        shell, index = place
        member = cut(page)
        if member is None or member.layout != self.members[shell][index].layout:
            return None
        self.members[shell][index] = member
        frame = self._frames.get(shell)
        if frame is None:
            frame = self._frames[shell] = _Frame(self.outputs[shell], page_url(shell), self.style)
        url = page_url(page.src_uri)
        return url, frame.fill(member, url)

    def capture(self, src_uri: str, output: str) -> None:
        """Keep MkDocs' finished HTML of a shell (after every post-page step). A shell rendered again once its
        pages are being written (:meth:`start_writing`) must come out the same."""
        if self._writing is not None and self.outputs.get(src_uri, output) != output:
            raise RuntimeError(f"skallen {src_uri} blev anderledes anden gang, MkDocs skrev den")
        self.outputs[src_uri] = output

    def start_writing(self, site_dir: Path) -> None:
        """Begin filling in and writing the member pages in forked children (videre.core.parallel.StartedMap),
        while this process goes on with the rest of the build; :meth:`write` joins in and finishes."""
        self._writing = self._start(site_dir)

    def cancel(self) -> None:
        """Stop the children that :meth:`start_writing` began (the build failed)."""
        if self._writing is not None:
            self._writing.cancel()
            self._writing = None

    def write(self, site_dir: Path) -> int:
        """Write every member page into ``site_dir``, remove the shells; returns the pages written."""
        started, self._writing = self._writing or self._start(site_dir), None
        written = sum(started.results())
        for section in {src.split("/")[0] for src in self.members}:
            shutil.rmtree(site_dir / section / SHELL_DIR, ignore_errors=True)
        _fix_sitemap(site_dir, [page_url(src) for src in self.members], self.order)
        return written

    def _start(self, site_dir: Path) -> parallel.StartedMap[int]:
        for src in self.members:
            if src not in self.outputs:
                raise RuntimeError(f"skallen {src} blev ikke skrevet af MkDocs")
        frames: dict[str, _Frame] = {}  # each worker splits a shell once, the first time it needs it

        def write_one(place: tuple[str, int]) -> int:
            src, index = place
            frame = frames.get(src)
            if frame is None:
                frame = frames[src] = _Frame(self.outputs[src], page_url(src), self.style)
            member = self.members[src][index]
            url = page_url(member.page.src_uri)
            target = site_dir / url / "index.html"
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_text(frame.fill(member, url), encoding="utf-8")
            return 1

        places = [(src, index) for src, members in self.members.items() for index in range(len(members))]
        return parallel.StartedMap(write_one, places)


class _Frame:
    """One shell's HTML, split once so that filling it in is a few joins."""

    def __init__(self, shell: str, url: str, style: HeadingStyle):
        self.style = style
        start = shell.find(f'<h1 id="{TITLE.lower()}">')
        end = shell.find(END)
        if start < 0 or end < 0:
            raise RuntimeError("skallen har ikke den forventede overskrift og slutmarkering")
        h1_end = shell.index("</h1>", start) + len("</h1>")
        self.h1 = shell[start:h1_end]
        # The end marker is one more block; the blank line MkDocs puts before it is not in a real page.
        self.article = re.split(r"<!--videre-skal-(\d+)-->", shell[h1_end:end].rstrip("\n"))
        chrome = shell[:start] + "\x00" + shell[end + len(END) :]
        chrome = chrome.replace(url, "\x01")
        self.h2_ids = re.findall(r'<h[2-6] id="([^"]+)"', shell[h1_end:end])
        self.chrome = chrome

    def fill(self, member: Member, url: str) -> str:
        inner = self.style.title_html(member.title)
        title_id = unique(self.style.heading_id(inner), set())
        frame, chrome = list(self.article), self.chrome
        used = {title_id}
        for plain in self.h2_ids:  # the toc extension numbers a heading id that the title already took
            numbered = unique(plain, used)
            if numbered != plain:
                for index in range(0, len(frame), 2):
                    frame[index] = (
                        frame[index]
                        .replace(f'id="{plain}"', f'id="{numbered}"')
                        .replace(f'class="headerlink" href="#{plain}"', f'class="headerlink" href="#{numbered}"')
                    )
                chrome = chrome.replace(f'href="#{plain}"', f'href="#{numbered}"')
        h1 = self.h1.replace(f'"{TITLE.lower()}"', f'"{title_id}"').replace(f'"#{TITLE.lower()}"', f'"#{title_id}"')
        pieces = [h1.replace(f">{TITLE}<", f">{inner}<", 1)]
        for index, piece in enumerate(frame):
            pieces.append(member.parts[int(piece)] if index % 2 else piece)
        # MkDocs' page.title: the heading's HTML without tags (entities kept). Material prints it as is
        # (MkDocs' templates do not autoescape), and the <title> of overrides/main.html strips and escapes.
        page_title = " ".join(_TAGS.sub("", inner).split())
        chrome = chrome.replace(f"<title>{TITLE} ", f"<title>{escape(Markup(page_title).striptags())} ", 1)
        chrome = chrome.replace(f'"#{TITLE.lower()}"', f'"#{title_id}"').replace(TITLE, page_title)
        if member.description is not None:
            chrome = chrome.replace(DESCRIPTION, member.description)  # printed as is, like MkDocs does
        return chrome.replace("\x01", url).replace("\x00", "".join(pieces), 1)


def plan(pages: Iterable[Page], style: HeadingStyle, *, minimum: int = 2) -> Plan:
    """Group the pages marked ``many`` by layout; a layout shared by ``minimum`` pages gets a shell."""
    pages = list(pages)
    groups: dict[tuple[object, ...], list[Member]] = {}
    if enabled():
        many = [page for page in pages if getattr(page, "many", False)]
        cuts = cut_all(many)
        for page, member in zip(many, cuts):
            if member is not None:  # the page itself, not the worker's copy: it is known by its identity below
                groups.setdefault(member.layout, []).append(replace(member, page=page))
    shells = {layout: members for layout, members in groups.items() if len(members) >= minimum}
    kept = {id(m.page) for members in shells.values() for m in members}
    members: dict[str, list[Member]] = {}
    for number, (layout, group) in enumerate(shells.items()):
        members[f"{layout[0]}/{SHELL_DIR}/{number}.md"] = group
    result: list[Page] = []
    placed = False
    for page in pages:  # the shells go where the first of their pages was: MkDocs' sitemap keeps its order
        if id(page) not in kept:
            result.append(page)
        elif not placed:
            result.extend(Page(src, shell_markdown(group[0])) for src, group in members.items())
            placed = True
    order = [page_url(p.src_uri) for p in pages if id(p) in kept]
    stashes: dict[str, dict[str, str]] = {}
    if enabled():
        rendered = [index for index, page in enumerate(result) if page.src_uri not in members]
        # A big page takes ~10 ms to scan: worth two cores from about a hundred pages.
        for index, (page, found) in zip(
            rendered, parallel.ordered_map(lambda i: stash(result[i]), rendered, minimum=100)
        ):
            result[index] = page
            if found:
                stashes[page.src_uri] = found
    return Plan(result, members, style, order, stashes=stashes)


STASH_MINIMUM = 2000
"""Raw HTML blocks shorter than this stay in the Markdown (not worth a placeholder)."""
_TAG = re.compile(r"<(/?)([A-Za-z][A-Za-z0-9-]*)(?:\s[^<>/]*(?:/(?!>)[^<>/]*)*)?(/?)>")
"""A start or end tag: ``/``, its name, and ``/`` when it closes itself. The attributes are matched without
stepping back over them (``/`` only where no ``>`` follows): half the time of a lazy match, same matches."""
_ANCHOR = re.compile(r"<[A-Za-z][^<>]*?\s(?:id|name)=\"([^\"]*)\"")
_FENCE = re.compile(r"^[ \t]*(?:```|~~~)", re.MULTILINE)
_VOID = frozenset(
    ["area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "param", "source", "track", "wbr"]
)


def stash(page: Page) -> tuple[Page, dict[str, str]]:
    """Take big raw HTML blocks out of a page's Markdown; MkDocs gets a small placeholder for each.

    A municipality page carries ~75 offer cards (~200 KB of HTML) as raw HTML. Markdown passes it through
    unchanged, but only after parsing all of it twice (md_in_html, and MkDocs' search for anchor ids):
    about half a second per page at national scale. A block qualifies like an article block of a shell
    page (every line starts at column 0 with a block-level tag; blank lines around it; no ``markdown``
    attribute, no ``<h1``, no script) and its tags must balance, so Markdown's raw block ends where the
    run of lines ends. The placeholder keeps the block's ids, so MkDocs still validates links to them.
    """
    if _FENCE.search(page.markdown):  # a block inside a code fence is text, not HTML
        return page, {}
    lines = page.markdown.split("\n")
    found = _FRONT_MATTER.match(page.markdown)
    start = page.markdown[: found.end()].count("\n") if found else 0
    stashed: dict[str, str] = {}
    out = lines[:start]
    index = start
    while index < len(lines):
        end = index
        while end < len(lines) and lines[end].strip() and _BLOCK_LINE.match(lines[end]):
            end += 1
        before_blank = index == start or not lines[index - 1].strip()
        after_blank = end == len(lines) or not lines[end].strip()
        if end > index and before_blank and after_blank:
            block = "\n".join(lines[index:end])
            if len(block) >= STASH_MINIMUM and _stashable(block):
                ids = "".join(f'<span id="{anchor}"></span>' for anchor in _ANCHOR.findall(block))
                placeholder = f'<div data-videre-blok="{len(stashed)}">{ids}</div>'
                stashed[placeholder] = block
                out.append(placeholder)
                index = end
                continue
        out.extend(lines[index : max(end, index + 1)])
        index = max(end, index + 1)
    if not stashed:
        return page, {}
    return Page(page.src_uri, "\n".join(out), page.in_nav, page.many), stashed


def _stashable(block: str) -> bool:
    if _MARKDOWN_ATTRIBUTE.search(block) or "data-videre-blok" in block:
        return False
    lowered = block.lower()
    if "<h1" in lowered or "<script" in lowered or "<!--" in block:
        return False
    return _balanced(block)


def _balanced(block: str) -> bool:
    """Every element opened in the block is closed in it, in order (void elements aside)."""
    depth: list[str] = []
    for closing, name, self_closing in _TAG.findall(block):
        name = name.lower()
        if name in _VOID or self_closing:
            continue
        if not closing:
            depth.append(name)
        elif not depth or depth.pop() != name:
            return False
    return not depth


def _fix_sitemap(site_dir: Path, shells: list[str], urls: list[str]) -> None:
    """MkDocs listed the shells in sitemap.xml; list the pages they stand for instead, where the first shell was."""
    sitemap = site_dir / "sitemap.xml"
    if not sitemap.is_file() or not shells:
        return
    text = sitemap.read_text(encoding="utf-8")
    for number, shell_url in enumerate(shells):
        entry = re.search(r"\n[ \t]*<url>\s*<loc>[^<]*%s</loc>.*?</url>" % re.escape(shell_url), text, re.DOTALL)
        if entry is None:
            continue
        block = entry.group(0)
        text = text.replace(block, "".join(block.replace(shell_url, url) for url in urls) if number == 0 else "", 1)
    sitemap.write_text(text, encoding="utf-8")
    packed = site_dir / "sitemap.xml.gz"
    if packed.is_file():
        with gzip.open(packed) as old:
            old.read()
            mtime = old.mtime  # type: ignore[attr-defined]
        with open(packed, "wb") as raw, gzip.GzipFile(fileobj=raw, filename=str(packed), mode="wb", mtime=mtime) as out:
            out.write(text.encode("utf-8"))


def style_from_markdown(extensions: list[object], configs: Mapping[str, object]) -> HeadingStyle:
    """Read the site's heading style off a Markdown instance configured as MkDocs configures it."""
    import markdown
    from markdown.extensions.toc import slugify

    md = markdown.Markdown(extensions=extensions, extension_configs=dict(configs))  # type: ignore[arg-type]
    md.convert("x")  # runs the snippets' auto_append, which holds the site's abbreviations
    # Markdown's Registry has no get().
    toc = md.treeprocessors["toc"] if "toc" in md.treeprocessors else None  # noqa: SIM401
    abbr = md.treeprocessors["abbr"] if "abbr" in md.treeprocessors else None  # noqa: SIM401
    return HeadingStyle(
        slugify=getattr(toc, "slugify", slugify),
        separator=getattr(toc, "sep", "-"),
        abbreviations=dict(getattr(abbr, "abbrs", {}) or {}),
    )
