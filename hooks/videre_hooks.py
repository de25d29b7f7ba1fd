"""MkDocs adapter for videre. Each event is a few lines calling the plain package.

on_config      → videre.core.options.SiteOptions.from_mapping (typed options from extra.videre),
                 videre.search.glossary.SearchWords.from_docs (abbreviations and glossary terms as search words)
on_files       → videre.catalog.load.load_catalog, videre.site.build_pages, videre.site.StaticFilesJob (build_files,
                 written straight into the site beside MkDocs' rendering; under `mkdocs serve` MkDocs copies them),
                 videre.pages.editor.bundle_files
on_page_markdown → videre.site.fill_hand_written (dated notices and hidden search words on hand-written pages;
                 `videre sider` does the same to the pages it exports)
on_env         → videre.pages.templatecache.shared (compiled theme templates kept between builds); in a build,
                 videre.mkdocs.early.render_shells and videre.mkdocs.shells.Plan.start_writing (the offer pages
                 are filled in by forked children while MkDocs renders the other pages)
on_post_page   → videre.pages.csp.protect (Content-Security-Policy meta tag; also 404.html via on_post_template)
on_post_build  → videre.site.StaticFilesJob.wait, videre.mkdocs.shells.Plan.write (offer pages from shared shells,
                 joining the children on_env started), videre.search.pagefind.build_index (Pagefind;
                 under `mkdocs serve` videre.mkdocs.preview rebuilds it in the background)
on_build_error → videre.site.StaticFilesJob.cancel, videre.mkdocs.shells.Plan.cancel (a failed build does not
                 wait for its generated files or offer pages)
on_serve       → videre.mkdocs.live.LiveSite.attach (an edited offer file updates its pages without a full rebuild;
                 on_files, on_nav, on_env and on_post_build tell it what the last build made)
"""

from __future__ import annotations

import datetime as dt
import gc
import logging
import os
from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable

from jinja2 import Environment
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.livereload import LiveReloadServer
from mkdocs.structure.files import File, Files, InclusionLevel
from mkdocs.structure.nav import Navigation

from videre.pages import csp, editor, templatecache
from videre.search import glossary, pagefind as search
from videre.mkdocs import early, live, preview, shells
from videre import site
from videre.core import buildcache, parallel
from videre.core.errors import WARNING, render_text
from videre.catalog.load import load_catalog
from videre.catalog.catalog import Catalog
from videre.core.options import SiteOptions

log = logging.getLogger("mkdocs.hooks.videre")
record_log = logging.getLogger("videre.records")
"""Record warnings (e.g. stale dates) are shown but, by design, never fail a strict build."""
if not record_log.handlers:
    record_log.addHandler(logging.StreamHandler())
    record_log.propagate = False


@dataclass
class BuildState:
    """What one build (or `mkdocs serve` session) knows between events; set by the events named."""

    options: SiteOptions | None = None
    """on_config: typed options from extra.videre."""
    scripts: csp.TrustedScripts = field(default_factory=csp.TrustedScripts)
    """on_config: the theme's own inline scripts, trusted by the CSP."""
    words: glossary.SearchWords = field(default_factory=glossary.SearchWords)
    """on_config: abbreviations and glossary terms as search words."""
    catalog: Catalog | None = None
    """on_files: every valid record."""
    plan: shells.Plan | None = None
    """on_files: the generated pages and the shells the offer pages are filled into."""
    preview: preview.BackgroundIndex | None = None
    """on_startup: the background search index under `mkdocs serve`."""
    live: live.LiveSite | None = None
    """on_startup: under `mkdocs serve`, what updates the site after an edit of an offer file."""
    written: site.StaticFilesJob | None = None
    """on_files to on_post_build of a build: the generated files being made and written beside MkDocs."""
    nav: Navigation | None = None
    """on_nav of a build: the navigation, for rendering the shells early (on_env)."""


state = BuildState()


def on_startup(command: str, dirty: bool) -> None:
    """Under `mkdocs serve` the search index is rebuilt in the background (videre.mkdocs.preview)."""
    state.preview = preview.BackgroundIndex() if command == "serve" else None
    state.live = live.LiveSite() if command == "serve" else None


def on_pre_build(config: MkDocsConfig) -> None:
    if state.preview is not None:
        state.preview.build_started()
    if state.live is not None:
        state.live.build_started()


def _root(config: MkDocsConfig) -> Path:
    return Path(config.config_file_path).parent


def on_config(config: MkDocsConfig) -> MkDocsConfig:
    """Read extra.videre once into typed options; VIDERE_TODAY pins the date for tests, VIDERE_REDAKTION_LOKAL
    points the editor at a local backend (make redaktion)."""
    state.scripts = csp.TrustedScripts.from_templates(config.theme.dirs)
    state.words = glossary.SearchWords.from_docs(Path(config.docs_dir))
    today = os.environ.get("VIDERE_TODAY")
    try:
        state.options = SiteOptions.from_mapping(config.extra.get("videre"), site_url=config.site_url,
                                                 today=dt.date.fromisoformat(today) if today else None,
                                                 editor_backend=os.environ.get(editor.LOCAL_BACKEND_ENV, ""))
    except ValueError as exc:
        raise PluginError(f"mkdocs.yml: {exc}") from None
    return config


def _data_dir(root: Path) -> Path:
    return Path(os.environ.get("VIDERE_DATA", root / "data"))


def _load(root: Path) -> Catalog:
    """Every valid record; fails the build with the full report (and shows the warnings)."""
    options = state.options
    assert options is not None
    result = load_catalog(_data_dir(root), today=options.today, review_months=options.review_months,
                          cache=state.live.cache if state.live is not None else None)
    if result.errors:
        raise PluginError("Posterne i data/ har fejl:\n\n" + render_text(result.problems, root, result.sources))
    for problem in result.problems:
        if problem.level == WARNING:
            record_log.warning(render_text([problem], root, result.sources).rsplit("\n\n", 1)[0])
    return result.catalog


class WrittenBeside(File):
    """A generated file that videre.site.StaticFilesJob writes into the site itself: MkDocs resolves links to it
    but does not copy it."""

    def copy_file(self, dirty: bool = False) -> None:
        return None


def on_files(files: Files, config: MkDocsConfig) -> Files:
    """Load and validate every record; fail the build with the full report, or add the pages and files.

    In a build, the generated files are made beside the pages (videre.site.StaticFilesJob) and join as
    WrittenBeside once their paths are known."""
    options = state.options
    assert options is not None
    root = _root(config)
    state.catalog = _load(root)
    if state.live is None:  # a build: the generated files are made and written beside the pages and MkDocs
        gc.freeze()  # the records live until the build ends: no collection here or in a forked child walks them
        # again. Unfrozen when the build ends or fails, for a process that builds more than once (the tests).
        state.written = site.StaticFilesJob(state.catalog, options, Path(config.site_dir))
    pages = site.build_pages(state.catalog, options)
    state.plan = shells.plan(pages, shells.style_from_markdown(config.markdown_extensions, config.mdx_configs))
    static_files: list[site.StaticFile] = []
    if state.live is not None:  # mkdocs serve: MkDocs copies every file, and the live updates know them
        static_files = site.build_files(state.catalog, options)
        state.live.remember(state.catalog, pages, static_files, state.plan)
    for page in state.plan.pages:
        files.append(File.generated(config, page.src_uri, content=page.markdown,
                                    inclusion=InclusionLevel.UNDEFINED if page.in_nav else InclusionLevel.NOT_IN_NAV))
    for static in static_files:
        files.append(File.generated(config, static.path, content=static.content))
    try:
        bundle = editor.bundle_files(root)
    except editor.EditorBundleMissing as exc:
        raise PluginError(str(exc)) from None
    for path, source in bundle:
        files.append(File.generated(config, path, content=source) if isinstance(source, str)
                     else File.generated(config, path, abs_src_path=str(source)))
    if state.written is not None:
        try:
            written = state.written.paths({file.src_uri for file in files})
        except site.StaticFilesFailed as exc:
            raise PluginError(str(exc)) from None
        for path in written:
            files.append(WrittenBeside.generated(config, path, content=""))
    return files


def on_nav(nav: Navigation, config: MkDocsConfig, files: Files) -> Navigation:
    if state.live is not None:
        state.live.remember_nav(nav)
    state.nav = nav if state.written is not None else None
    return nav


def on_env(env: Environment, config: MkDocsConfig, files: Files) -> Environment:
    """Under `mkdocs serve`, the live updates keep the environment; in a build, the shells are rendered now
    and forked children fill in the offer pages while MkDocs renders the rest (videre.mkdocs.early)."""
    env.bytecode_cache = templatecache.shared()
    if state.live is not None:
        state.live.remember_env(env, config, files)
    if state.written is not None and state.plan is not None and state.nav is not None:
        early.render_shells(state.plan, config, files, state.nav, env)
        state.plan.start_writing(Path(config.site_dir))
    state.nav = None
    return env


def on_page_markdown(markdown: str, page: object, config: MkDocsConfig, files: Files) -> str:
    """Hand-written pages get the dated notices where they have the marker and their hidden search words:
    ASCII spellings, abbreviations written out, glossary terms (videre.site.fill_hand_written). Generated pages
    have their words already; shells get none (each page filled into a shell brings its own block)."""
    src = page.file.src_uri  # type: ignore[attr-defined]
    if state.catalog is None or state.options is None or (state.plan is not None and state.plan.is_shell(src)):
        return markdown
    return site.fill_hand_written(markdown, src, state.catalog, state.options, state.words)


def on_post_page(output: str, page: object, config: MkDocsConfig) -> str:
    """Every page gets the Content-Security-Policy; only the theme's own inline scripts are hashed."""
    src = page.file.src_uri  # type: ignore[attr-defined]
    plan = state.plan
    output = csp.protect(plan.restore(src, output) if plan is not None else output, state.scripts)
    if plan is not None and plan.is_shell(src):
        plan.capture(src, output)
    return output


def on_post_template(output_content: str, template_name: str, config: MkDocsConfig) -> str:
    return csp.protect(output_content, state.scripts) if template_name.endswith(".html") else output_content


def on_post_build(config: MkDocsConfig) -> None:
    """Wait for the generated files, fill in the shells (the offer pages, videre.mkdocs.shells), then write the
    Danish search index."""
    if state.written is not None:
        try:
            state.written.wait()
        except site.StaticFilesFailed as exc:
            raise PluginError(str(exc)) from None
        state.written = None
    if state.plan is not None:
        state.plan.write(Path(config.site_dir))
    if state.live is not None:
        state.live.build_done(Path(config.site_dir))
    if state.preview is not None:  # mkdocs serve: reuse the last index, rebuild it in the background
        state.preview.after_build(Path(config.site_dir))
        return
    count = search.build_index(Path(config.site_dir), cache=buildcache.folder(), map_pages=parallel.ordered_map)
    log.info("Søgeindeks: %d sider", count)
    gc.unfreeze()


def on_build_error(error: Exception) -> None:
    """A failed build stops the generated files and offer pages it started, so the error comes out at once."""
    if state.written is not None:
        state.written.cancel()
        state.written = None
    if state.plan is not None:
        state.plan.cancel()
    gc.unfreeze()


def _regenerate(before: Catalog, after: Catalog, offer_ids: frozenset[str],
                stale: Callable[[], bool] | None) -> tuple[list, list] | None:
    """videre.site.rebuild; the records' own pages (no ``stale``) also make ``after`` this build's catalog."""
    assert state.options is not None
    if stale is None:
        state.catalog = after
    return site.rebuild(before, after, state.options, offer_ids, stale)


def on_serve(server: LiveReloadServer, config: MkDocsConfig, builder: Callable[..., None]) -> LiveReloadServer:
    """An edited offer file updates its pages in place (videre.mkdocs.live); anything else rebuilds."""
    if state.live is None:
        return server
    root = _root(config)
    return state.live.attach(server, builder, _data_dir(root), lambda: _load(root), _regenerate, state.preview)
