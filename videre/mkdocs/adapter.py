"""The build's life in one object: what Videre does in a MkDocs build and in a `make serve` update, in order.

``hooks/videre_hooks.py`` forwards MkDocs' events to one :class:`VidereBuild`; the steps below run in the order
they are written, and each says which event calls it.

A build (``mkdocs build``, and each full rebuild under ``mkdocs serve``):

0. start            on_startup, on_pre_build  a build or a serve session; a new build makes waiting work give way
1. load             on_config, on_files       typed options, search words; every record, validated (errors fail)
2. plan             on_files, on_nav          the generated pages and files, grouped into shells
                                              (videre.mkdocs.shells); in a build the generated files start in a
                                              forked child (videre.site.StaticFilesJob)
3. generate         on_env, on_page_markdown, the shells render first, and forked children fill in the offer
                    on_post_page,             pages while MkDocs renders the rest; hand-written pages get their
                    on_post_template,         notices and search words; every page its Content-Security-Policy;
                    on_post_build             then the offer pages and generated files are joined
4. index            on_post_build             Pagefind (under serve: in the background, videre.mkdocs.preview);
                    on_build_error            or a failed build stops what it started

A serve update (``make serve``; you save an offer file):

5. serve updates    on_serve                  videre.mkdocs.live watches the data tree and calls :meth:`update`
                                              before MkDocs' full rebuild: load the changed files, find the offers
                                              that differ, build their pages and their municipalities', write what
                                              changed, reload; the shared lists and exports and the search index
                                              follow once the edits pause. Anything else is a full build (1-4).
"""

from __future__ import annotations

import gc
import logging
import time
from collections.abc import Callable
from pathlib import Path

from jinja2 import Environment
from mkdocs.commands import build as mkdocs_build
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.livereload import LiveReloadServer
from mkdocs.structure.files import File, Files, InclusionLevel
from mkdocs.structure.nav import Navigation
from mkdocs.structure.pages import Page as MkDocsPage

from .. import site
from ..catalog.catalog import Catalog
from ..catalog.load import load_catalog
from ..core import buildcache, parallel, settings
from ..core.errors import WARNING, render_text
from ..core.options import SiteOptions
from ..pages import csp, editor, templatecache
from ..search import glossary
from ..search import pagefind as search
from . import live, preview, shells

log = logging.getLogger("mkdocs.hooks.videre")
record_log = logging.getLogger("videre.records")
"""Record warnings (e.g. stale dates) are shown but, by design, never fail a strict build."""
if not record_log.handlers:
    record_log.addHandler(logging.StreamHandler())
    record_log.propagate = False


class WrittenBeside(File):
    """A generated file that videre.site.StaticFilesJob writes into the site itself: MkDocs resolves links to it
    but does not copy it."""

    def copy_file(self, dirty: bool = False) -> None:
        return None


class VidereBuild:
    """What one build (or `mkdocs serve` session) knows between MkDocs' events, and the steps it takes."""

    def __init__(self) -> None:
        self.root = Path()
        """1. load (on_config): the folder of mkdocs.yml."""
        self.options: SiteOptions | None = None
        """1. load: typed options from extra.videre."""
        self.scripts = csp.TrustedScripts()
        """1. load: the theme's own inline scripts, trusted by the CSP."""
        self.words = glossary.SearchWords()
        """1. load: abbreviations and glossary terms as search words."""
        self.catalog: Catalog | None = None
        """1. load: every valid record."""
        self.planned: shells.Plan | None = None
        """2. plan: the generated pages and the shells the offer pages are filled into."""
        self.written: site.StaticFilesJob | None = None
        """2. plan to 3. generate, in a build: the generated files being made and written beside MkDocs."""
        self.nav: Navigation | None = None
        """2. plan, in a build: the navigation, for rendering the shells early (3. generate)."""
        self.preview: preview.BackgroundIndex | None = None
        """0. start, under `mkdocs serve`: the background search index."""
        self.live: live.LiveSite | None = None
        """0. start, under `mkdocs serve`: what updates the site after an edit of an offer file."""

    # ------------------------------------------------------------ 0. start

    def start(self, command: str) -> None:
        """on_startup: under `mkdocs serve` the search index is rebuilt in the background (videre.mkdocs.preview)
        and an edited offer file updates its pages in place (videre.mkdocs.live)."""
        self.preview = preview.BackgroundIndex() if command == "serve" else None
        self.live = live.LiveSite() if command == "serve" else None

    def begin(self) -> None:
        """on_pre_build: a background index or a live update still waiting gives way to this build."""
        if self.preview is not None:
            self.preview.build_started()
        if self.live is not None:
            self.live.build_started()

    # ------------------------------------------------------------ 1. load

    def configure(self, config: MkDocsConfig) -> MkDocsConfig:
        """on_config: read extra.videre and the environment once into typed options (videre.core.settings);
        VIDERE_TODAY pins the date for tests, VIDERE_REDAKTION_LOKAL points the editor at a local backend
        (make redaktion)."""
        self.root = Path(config.config_file_path).parent
        self.scripts = csp.TrustedScripts.from_templates(config.theme.dirs)
        self.words = glossary.SearchWords.from_docs(Path(config.docs_dir))
        try:
            self.options = SiteOptions.from_mapping(
                config.extra.get("videre"), site_url=config.site_url, environment=settings.environment()
            )
        except settings.SettingError as exc:
            raise PluginError(str(exc)) from None
        return config

    def load(self) -> Catalog:
        """on_files, and each serve update: every valid record; fails the build with the full report (and shows
        the warnings). Under serve only the files changed since the last load are read again."""
        options = self.options
        assert options is not None
        root = self.root
        result = load_catalog(
            _data_dir(root),
            today=options.today,
            review_months=options.review_months,
            cache=self.live.cache if self.live is not None else None,
        )
        if result.errors:
            raise PluginError("Posterne i data/ har fejl:\n\n" + render_text(result.problems, root, result.sources))
        for problem in result.problems:
            if problem.level == WARNING:
                record_log.warning(render_text([problem], root, result.sources).rsplit("\n\n", 1)[0])
        self.catalog = result.catalog
        return result.catalog

    # ------------------------------------------------------------ 2. plan

    def plan(self, files: Files, config: MkDocsConfig) -> Files:
        """on_files, after :meth:`load`: add the generated pages (grouped into shells) and files to MkDocs'.

        In a build, the generated files are made beside the pages (videre.site.StaticFilesJob) and join as
        WrittenBeside once their paths are known. Under serve, MkDocs copies them and the live updates know them."""
        options, catalog = self.options, self.catalog
        assert options is not None and catalog is not None
        if self.live is None:  # a build: the generated files are made and written beside the pages and MkDocs
            gc.freeze()  # the records live until the build ends: no collection here or in a forked child walks them
            # again. Unfrozen when the build ends or fails, for a process that builds more than once (the tests).
            self.written = site.StaticFilesJob(catalog, options, Path(config.site_dir))
        pages = site.build_pages(catalog, options)
        self.planned = shells.plan(pages, shells.style_from_markdown(config.markdown_extensions, config.mdx_configs))
        static_files: list[site.StaticFile] = []
        if self.live is not None:  # mkdocs serve: MkDocs copies every file, and the live updates know them
            static_files = site.build_files(catalog, options)
            self.live.remember(catalog, pages, static_files, self.planned)
        for page in self.planned.pages:
            files.append(
                File.generated(
                    config,
                    page.src_uri,
                    content=page.markdown,
                    inclusion=InclusionLevel.UNDEFINED if page.in_nav else InclusionLevel.NOT_IN_NAV,
                )
            )
        for static in static_files:
            files.append(File.generated(config, static.path, content=static.content))
        try:
            bundle = editor.bundle_files(self.root)
        except editor.EditorBundleMissing as exc:
            raise PluginError(str(exc)) from None
        for path, source in bundle:
            files.append(
                File.generated(config, path, content=source)
                if isinstance(source, str)
                else File.generated(config, path, abs_src_path=str(source))
            )
        if self.written is not None:
            try:
                written = self.written.paths({file.src_uri for file in files})
            except site.StaticFilesFailed as exc:
                raise PluginError(str(exc)) from None
            for path in written:
                files.append(WrittenBeside.generated(config, path, content=""))
        return files

    def navigation(self, nav: Navigation) -> Navigation:
        """on_nav: the final navigation, for the shells (3. generate) and the live updates."""
        if self.live is not None:
            self.live.remember_nav(nav)
        self.nav = nav if self.written is not None else None
        return nav

    # ------------------------------------------------------------ 3. generate

    def generate(self, env: Environment, config: MkDocsConfig, files: Files) -> Environment:
        """on_env: every page has been read and the navigation is final. Under `mkdocs serve`, the live updates
        keep the environment. In a build, the few shells are rendered now, through MkDocs' own page step, so that
        forked children fill in the ~5,000 offer pages while MkDocs copies the theme and renders the other pages.
        MkDocs renders the shells again in its turn; the plan checks that the HTML is the same both times."""
        env.bytecode_cache = templatecache.shared()
        if self.live is not None:
            self.live.remember_env(env, config, files)
        plan = self.planned
        if self.written is not None and plan is not None and self.nav is not None:
            doc_files = files.documentation_pages(inclusion=InclusionLevel.is_included)  # as `mkdocs build` does
            for file in doc_files:
                if plan.is_shell(file.src_uri) and file.page is not None:  # its post-page step captures it
                    mkdocs_build._build_page(file.page, config, doc_files, self.nav, env)
            plan.start_writing(Path(config.site_dir))
        self.nav = None
        return env

    def page_markdown(self, markdown: str, page: MkDocsPage) -> str:
        """on_page_markdown: hand-written pages get the dated notices where they have the marker and their hidden
        search words: ASCII spellings, abbreviations written out, glossary terms (videre.site.fill_hand_written).
        Generated pages have their words already; shells get none (each page filled into a shell brings its own)."""
        src = page.file.src_uri
        if self.catalog is None or self.options is None or (self.planned is not None and self.planned.is_shell(src)):
            return markdown
        return site.fill_hand_written(markdown, src, self.catalog, self.options, self.words)

    def post_page(self, output: str, page: MkDocsPage) -> str:
        """on_post_page: every page gets the Content-Security-Policy (only the theme's own inline scripts are
        hashed); a shell's finished HTML is kept for its offer pages."""
        src = page.file.src_uri
        plan = self.planned
        output = csp.protect(plan.restore(src, output) if plan is not None else output, self.scripts)
        if plan is not None and plan.is_shell(src):
            plan.capture(src, output)
        return output

    def post_template(self, output: str, template_name: str) -> str:
        """on_post_template: 404.html gets the Content-Security-Policy too."""
        return csp.protect(output, self.scripts) if template_name.endswith(".html") else output

    def finish(self, config: MkDocsConfig) -> None:
        """on_post_build: wait for the generated files, fill in the shells (the offer pages, videre.mkdocs.shells)."""
        if self.written is not None:
            try:
                self.written.wait()
            except site.StaticFilesFailed as exc:
                raise PluginError(str(exc)) from None
            self.written = None
        if self.planned is not None:
            self.planned.write(Path(config.site_dir))
        if self.live is not None:
            self.live.build_done(Path(config.site_dir))

    # ------------------------------------------------------------ 4. index

    def index(self, config: MkDocsConfig) -> None:
        """on_post_build, after :meth:`finish`: the Danish search index (Pagefind); under `mkdocs serve` the last
        index is reused and a new one is built in the background."""
        if self.preview is not None:  # mkdocs serve: reuse the last index, rebuild it in the background
            self.preview.after_build(Path(config.site_dir))
            return
        count = search.build_index(Path(config.site_dir), cache=buildcache.folder(), map_pages=parallel.ordered_map)
        log.info("Søgeindeks: %d sider", count)
        gc.unfreeze()

    def cancel(self) -> None:
        """on_build_error: a failed build stops the generated files and offer pages it started, so the error
        comes out at once."""
        if self.written is not None:
            self.written.cancel()
            self.written = None
        if self.planned is not None:
            self.planned.cancel()
        gc.unfreeze()

    # ------------------------------------------------------------ 5. serve updates

    def serve(self, server: LiveReloadServer, builder: Callable[..., None]) -> LiveReloadServer:
        """on_serve: an edited offer file updates its pages in place (:meth:`update`); anything else rebuilds."""
        if self.live is None:
            return server
        return self.live.attach(server, builder, _data_dir(self.root), self.update, self.preview)

    def update(self, changed: set[Path]) -> bool:
        """What happens when you save an offer file under `make serve`: the part of 1-4 that the edit can affect,
        written as the same bytes a full build writes. False when MkDocs' full rebuild must do it (a new, renamed
        or deleted file, another kind of record, a page that no longer fits its shell or a changed nav title).
        videre.mkdocs.live calls it, holding the site, for the paths the watcher noted."""
        live, options = self.live, self.options
        assert live is not None and options is not None
        started = time.perf_counter()
        if not live.only_offer_files(changed):
            return False
        catalog = self.load()  # 1. only the changed files are read again; the cross-checks see every record
        offer_ids = live.changed_offers(catalog)  # 2. the offers that differ; None: something else changed
        if offer_ids is None:
            return False
        before = live.catalog
        # 3. their own pages (with their printed sheets) and the page and handout of each municipality showing them
        own = site.rebuild(before, catalog, options, offer_ids, None)
        if own is None or not live.write_own(*own, catalog=catalog, started=started):  # written, browsers reload
            return False
        # 4. the search index catches up in the background; the shared lists and exports once the edits pause
        live.update_shared_later(lambda stale: site.rebuild(before, catalog, options, offer_ids, stale))
        return True


def _data_dir(root: Path) -> Path:
    return settings.environment().data or root / "data"
