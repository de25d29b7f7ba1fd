"""The whole generated site as data: pages and static files, independent of any generator.

The MkDocs hook registers these in memory; ``videre sider --ud DIR`` writes
them to disk, so another generator (Zensical, ProperDocs, Hugo) can take over.
"""

from __future__ import annotations

import json
import os
import re
import shutil
import sys
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field, replace
from functools import cache
from pathlib import Path
from typing import Any

from .catalog.catalog import Catalog
from .core import buildcache, parallel
from .core.options import SiteOptions
from .exports import hsds
from .exports import opendata as exports
from .pages import Page, editor, reload_changed_templates
from .pages.cases import case_pages
from .pages.coverage import coverage_page
from .pages.crisis import crisis_page
from .pages.decision import decision_page
from .pages.directory import directory_page
from .pages.fieldref import field_reference_pages
from .pages.figures import figures_page
from .pages.flow import STYLESHEET as FLOW_CSS
from .pages.flow import flow_pages, flow_stylesheet
from .pages.handout import handout_files, handout_paths
from .pages.kiosk import all_screen_files, screen_index
from .pages.links import FileUrls
from .pages.municipality import municipality_pages
from .pages.notice import fill_marker
from .pages.offer import offer_pages
from .pages.partner import partner_pages
from .pages.recent import recent_page
from .pages.redirect import redirect_files
from .pages.region import municipality_index, region_pages
from .pages.review import CSV as REVIEW_CSV
from .pages.review import review_csv, review_page
from .search import spelling
from .search.glossary import SearchWords


@dataclass(frozen=True)
class StaticFile:
    path: str
    content: str


@dataclass(frozen=True)
class Scope:
    """Part of the site, for updating it after an edit: the pages of some offers and municipalities and the
    municipalities' handouts, and, when ``shared``, every page and file that is no single record's own
    (lists, exports, screens, the editors' lists). Without a scope the whole site is built."""

    offers: frozenset[str] = frozenset()
    """Offer ids."""
    municipalities: frozenset[str] = frozenset()
    """Municipality slugs."""
    shared: bool = True
    cancelled: Callable[[], bool] | None = field(default=None, compare=False)
    """Asked before each shared family; when it says yes, :class:`Cancelled` is raised (a newer edit came)."""


class Cancelled(Exception):
    """A scoped build gave way (see :attr:`Scope.cancelled`)."""


def offers_scope(before: Catalog, after: Catalog, options: SiteOptions, offer_ids: frozenset[str]) -> Scope:
    """What changing these offers can change: their own pages (with their printed sheets), the page and handout
    of every municipality that shows one of them before or after (its own offers and the partner offers for it,
    as videre.pages.municipality and videre.pages.handout choose them), and everything shared."""
    towns = {
        m.slug
        for catalog in (before.shown(options), after.shown(options))
        for m in catalog.register.municipalities
        if any(o.id in offer_ids for o in (*catalog.offers_in(m.slug), *catalog.partner_offers_for(m.slug)))
    }
    return Scope(offer_ids, frozenset(towns))


def rebuild(
    before: Catalog, after: Catalog, options: SiteOptions, offer_ids: frozenset[str], stale: Callable[[], bool] | None
) -> tuple[list[Page], list[StaticFile]] | None:
    """The pages and files an edit of these offers can change: without ``stale``, the records' own (their pages,
    and their municipalities' pages and handouts); with it, everything shared, or None when ``stale`` said a newer
    edit came."""
    if stale is not None:
        scope = Scope(cancelled=stale)
    else:
        scope = replace(offers_scope(before, after, options, offer_ids), shared=False)
    try:
        return build_pages(after, options, scope), build_files(after, options, scope)
    except Cancelled:
        return None


def build_pages(catalog: Catalog, options: SiteOptions, scope: Scope | None = None) -> list[Page]:
    """Every generated page (or those in ``scope``), each with its words also spelled with ae, oe and aa
    for search (videre.search.spelling)."""
    reload_changed_templates()
    pages = _pages(catalog, options, scope)
    spelled = with_ascii_spellings_all([page.markdown for page in pages])
    return [replace(page, markdown=markdown) for page, markdown in zip(pages, spelled)]


def with_ascii_spellings_all(pages: Sequence[str]) -> list[str]:
    """videre.search.spelling.with_ascii_spellings of many pages, the blocks taken from the build cache where a
    page's text was seen before (videre.core.buildcache, keyed by a hash of the text and of the spelling
    module): at national scale finding the words of 5,000 pages takes a second on every build."""
    salt = buildcache.salt_of(Path(spelling.__file__), sys.version)  # its words and Python's Unicode tables
    keys = [buildcache.key(salt, markdown) for markdown in pages]
    blocks = buildcache.cached_map(
        "stavemaader", keys, pages, lambda todo: parallel.ordered_map(spelling.spelling_block, todo)
    )
    return [spelling.with_block(markdown, block) for markdown, block in zip(pages, blocks)]


def _shared(scope: Scope | None) -> Callable[[Callable[[], Any]], list[Any]]:
    """Builds one shared family (a page or file, or a list of them) when the scope has the shared ones."""

    def build(family: Callable[[], Any]) -> list[Any]:
        if scope is not None and not scope.shared:
            return []
        if scope is not None and scope.cancelled is not None and scope.cancelled():
            raise Cancelled
        built = family()
        return built if isinstance(built, list) else [built]

    return build


def _pages(catalog: Catalog, options: SiteOptions, scope: Scope | None) -> list[Page]:
    """Public pages see the published records; the editors' lists (review, recent changes) see every record."""
    shown = catalog.shown(options)
    shared = _shared(scope)
    return [
        *shared(lambda: municipality_index(shown, options)),
        *municipality_pages(shown, options, scope.municipalities if scope else None),
        *shared(lambda: region_pages(shown, options)),
        *shared(lambda: partner_pages(shown, options)),
        *shared(lambda: directory_page(shown, options)),
        *offer_pages(shown, options, scope.offers if scope else None),
        *shared(lambda: screen_index(shown, options)),
        *shared(lambda: field_reference_pages(shown, options)),
        *shared(lambda: review_page(catalog, options)),
        *shared(lambda: coverage_page(catalog, options)),
        *shared(lambda: crisis_page(shown, options)),
        *shared(lambda: recent_page(catalog, options)),
        *shared(lambda: flow_pages(shown, options)),
        *shared(lambda: decision_page(shown, options)),
        *shared(lambda: case_pages(shown, options)),
        *shared(lambda: figures_page(shown, options)),
    ]


NO_WORDS = SearchWords()
"""A page without abbreviations or glossary terms (the export's default)."""


def fill_hand_written(
    markdown: str, src: str, catalog: Catalog, options: SiteOptions, words: SearchWords = NO_WORDS
) -> str:
    """What a hand-written page gets, for the hook and the export alike: the dated notices where it has the
    marker, then its hidden search words (ASCII spellings, abbreviations written out, glossary terms;
    videre.search.spelling, videre.search.glossary)."""
    markdown = fill_marker(markdown, catalog.register, options, src)
    return spelling.with_ascii_spellings(markdown, words.for_page(src, markdown))


def build_files(catalog: Catalog, options: SiteOptions, scope: Scope | None = None) -> list[StaticFile]:
    """Open data, screens and handouts see the published records; the review list and the editor see every
    record. With a ``scope``, only the files in it."""
    shared = _shared(scope)
    return [
        item
        for family in file_families(catalog, options, scope)
        for item in (shared(family.make) if family.shared else family.make())
    ]


@dataclass(frozen=True)
class FileFamily:
    """Generated files of one kind: their paths, known without making them, and the files themselves.

    MkDocs must know every path before it renders a page (links to the files are checked), but making the
    files takes seconds (handouts, open data). With the paths first, the build can go on while they are made."""

    paths: Callable[[], list[str]]
    make: Callable[[], list[StaticFile]]
    shared: bool = True
    """No single record's own file: left out of a scope without the shared files."""


def file_families(catalog: Catalog, options: SiteOptions, scope: Scope | None = None) -> list[FileFamily]:
    """The generated files in the order :func:`build_files` gives them; a scope limits only the municipalities'
    handouts."""
    shown = catalog.shown(options)
    chosen = (scope.municipalities,) if scope else ()
    editing = _editor_options(options)
    return [
        _one("katalog.json", lambda: exports.directory_json(shown, options)),
        _one("offers.json", lambda: exports.offers_json(shown, options)),
        _one("offers.csv", lambda: exports.offers_csv(shown, options)),
        _one(FLOW_CSS, lambda: flow_stylesheet(shown)),
        _quick(lambda: all_screen_files(shown, options).items()),
        FileFamily(
            lambda: handout_paths(shown, *chosen),
            lambda: _files(handout_files(shown, options, *chosen).items()),
            shared=False,
        ),
        _one(REVIEW_CSV, lambda: review_csv(catalog, options)),
        FileFamily(hsds.hsds_paths, lambda: _files(hsds.hsds_files(shown, options).items())),
        _quick(lambda: redirect_files(catalog, options.site_url)),
        _one(editor.CONFIG, lambda: editor.config_yaml(catalog, editing)),
        _one(editor.PAGE, lambda: editor.index_html(catalog, editing)),
    ]


def _one(path: str, text: Callable[[], str]) -> FileFamily:
    return FileFamily(lambda: [path], lambda: [StaticFile(path, text())])


def _quick(files: Callable[[], Iterable[tuple[str, str]]]) -> FileFamily:
    """Files that take milliseconds (screens, redirects): made once, for their paths and for themselves."""
    made = cache(lambda: _files(files()))
    return FileFamily(lambda: [item.path for item in made()], made)


def _files(items: Iterable[tuple[str, str]]) -> list[StaticFile]:
    return [StaticFile(path, text) for path, text in items]


def _editor_options(options: SiteOptions) -> editor.EditorOptions:
    return editor.EditorOptions(repo=options.repo, site_url=options.site_url, local_backend=options.editor_backend)


_FRONT_MATTER = re.compile(r"\A(---\n.*?\n---\n)(.*)\Z", re.S)


def _front_matter(text: str) -> tuple[str, str]:
    """A page split into its YAML front matter (or "") and its Markdown, which is what a hook gets to see."""
    found = _FRONT_MATTER.match(text)
    return (found[1], found[2]) if found else ("", text)


def write_files(site_dir: Path, files: list[StaticFile]) -> list[str]:
    """Write generated files straight into a built site, as MkDocs would copy them (UTF-8, no newline
    translation); returns their paths. The hook does this beside MkDocs' page rendering."""
    made: set[Path] = set()
    for item in files:
        target = site_dir / item.path
        if target.parent not in made:
            target.parent.mkdir(parents=True, exist_ok=True)
            made.add(target.parent)
        target.write_bytes(item.content.encode("utf-8"))
    return [item.path for item in files]


class StaticFilesFailed(RuntimeError):
    """Making or writing the generated files failed, or one of them would replace another file of the site."""


class StaticFilesJob:
    """:func:`build_files` and :func:`write_files` for one build, beside the page rendering.

    The files (open data, HSDS, handouts, screens, the editors' lists) are seconds of work, and no theme
    renders them. A forked child (:class:`videre.core.parallel.Background`) tells
    their paths at once (:func:`file_families`: the generator resolves links to them), then makes them
    while this process makes the pages and writes them straight into the site while the generator
    renders. The bytes are the same as when the generator copies them."""

    def __init__(self, catalog: Catalog, options: SiteOptions, site_dir: Path):
        def make_and_write(tell: Callable[[Any], None]) -> int:
            families = file_families(catalog, options)
            paths = [path for family in families for path in family.paths()]
            tell(paths)
            written = [path for family in families for path in write_files(site_dir, family.make())]
            if written != paths:
                differ = ", ".join(sorted(set(written) ^ set(paths))[:5]) or "samme stier i en anden rækkefølge"
                raise StaticFilesFailed(
                    f"De genererede filer passer ikke med stierne, der blev meldt før ({differ})."
                    " Det er en fejl i Videre, ikke i posterne."
                )
            return len(written)

        self._job = parallel.Background(make_and_write)

    def paths(self, others: set[str]) -> list[str]:
        """The paths of the generated files, as soon as the child knows them; none may be one of ``others``
        (the site's other files)."""
        paths = self._get(self._job.told)
        clash = sorted(others.intersection(paths))
        if clash:
            raise StaticFilesFailed(
                "Disse genererede filer har samme sti som en fil i docs/ eller temaet: "
                + ", ".join(clash[:10])
                + ". Giv filen i docs/ et andet navn."
            )
        return paths

    def wait(self) -> int:
        """How many files were written, once they are all on disk."""
        return self._get(self._job.result)

    def cancel(self) -> None:
        """The build failed: stop making files for it."""
        self._job.cancel()

    @staticmethod
    def _get(step: Callable[[], Any]) -> Any:
        try:
            return step()
        except parallel.BackgroundFailed as exc:
            raise StaticFilesFailed(f"De genererede filer kunne ikke laves:\n{exc}") from None


def write_tree(out_dir: Path, pages: list[Page], files: list[StaticFile]) -> int:
    """Write pages and files below ``out_dir``; returns how many were written."""
    for page in pages:
        path = out_dir / page.src_uri
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(page.markdown, encoding="utf-8")
    return len(pages) + len(write_files(out_dir, files))


STANDALONE_CONFIG = """\
# Lavet af 'videre sider': hele sitet som almindelige Markdown-sider, så MkDocs (eller ProperDocs)
# kan bygge det uden Videres hook. Ret ikke her; ret posterne i data/ og kør kommandoen igen.
INHERIT: {inherit}
docs_dir: docs
use_directory_urls: {directory_urls}
hooks: []
watch: []
theme:
  custom_dir: {overrides}
not_in_nav: |
{not_in_nav}
"""


def write_standalone(
    out_dir: Path,
    pages: list[Page],
    files: list[StaticFile],
    config: Path,
    docs_dir: Path,
    overrides: Path,
    inherited_not_in_nav: str,
    hand_written: Callable[[str, str], str] | None = None,
    excluded: tuple[str, ...] = (),
    directory_urls: bool = True,
) -> int:
    """A project another generator can build without our hook: the hand-written docs, every generated
    page and file, and a config that inherits ours and lists the generated pages kept out of the nav
    (a generator cannot know that from the Markdown). Returns how many generated items were written.

    ``hand_written(markdown, src)`` does to each hand-written page what our hook does at build time
    (:func:`fill_hand_written`); files below the ``excluded`` folders (snippets such as ``includes/``) are
    not pages and are copied unchanged. With ``directory_urls=False`` the project is for a generator that
    writes ``a/b.html`` instead of ``a/b/index.html`` (``use_directory_urls: false``): the raw-HTML links of
    every page and HTML file are rewritten for it (:class:`~videre.pages.links.FileUrls`)."""
    docs = out_dir / "docs"
    if docs.exists():
        shutil.rmtree(docs)
    shutil.copytree(docs_dir, docs)
    for path in sorted(docs.rglob("*.md")) if hand_written else ():
        src = path.relative_to(docs).as_posix()
        if not src.startswith(excluded):
            meta, body = _front_matter(path.read_text(encoding="utf-8"))
            path.write_text(meta + hand_written(body, src), encoding="utf-8")
    count = write_tree(docs, pages, files)
    if not directory_urls:
        _to_file_urls(docs, excluded)
    hidden = [f"/{page.src_uri}" for page in pages if not page.in_nav]
    patterns = [line.strip() for line in inherited_not_in_nav.splitlines() if line.strip()] + hidden
    relative = lambda target: Path(os.path.relpath(target.resolve(), out_dir.resolve())).as_posix()  # noqa: E731
    (out_dir / "mkdocs.yml").write_text(
        STANDALONE_CONFIG.format(
            inherit=relative(config),
            overrides=relative(overrides),
            directory_urls=str(directory_urls).lower(),
            not_in_nav="\n".join(f"  {pattern}" for pattern in patterns),
        ),
        encoding="utf-8",
    )
    return count


def _to_file_urls(docs: Path, excluded: tuple[str, ...]) -> None:
    """Rewrite the raw-HTML links of every page and HTML file below ``docs`` for file URLs; snippets in the
    ``excluded`` folders are left alone (their links belong to the page that includes them)."""
    names = [path.relative_to(docs).as_posix() for path in sorted(docs.rglob("*")) if path.is_file()]
    names = [name for name in names if not name.startswith(excluded)]
    urls = FileUrls(
        frozenset(n for n in names if n.endswith(".md")), frozenset(n for n in names if not n.endswith(".md"))
    )
    for name in names:
        if name.endswith((".md", ".html")):
            path = docs / name
            path.write_text(urls.rewrite(name, path.read_text(encoding="utf-8")), encoding="utf-8")
    # The directory page's script links each offer as its data-rod root + the offer's address in katalog.json.
    catalog = docs / "katalog.json"
    if catalog.is_file():
        payload = json.loads(catalog.read_text(encoding="utf-8"))
        key = payload["noegler"]["url"]  # the address's short key, as the data says (the offer's field table)
        for offer in payload["tilbud"]:
            offer[key] = urls.target(offer[key])
        catalog.write_text(json.dumps(payload, ensure_ascii=False, separators=(",", ":")) + "\n", encoding="utf-8")
