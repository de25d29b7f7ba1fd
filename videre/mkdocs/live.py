"""`make serve`: an edited offer file updates its pages in place; MkDocs does not rebuild the site.

MkDocs rebuilds everything on any change: at national scale (~5,000 offers,
~10,000 pages) that took about 28 s from saving a record to its page showing
the edit. Under ``mkdocs serve`` this module keeps what the last full build
knew (the records, the MkDocs files, navigation and theme environment, the
shells of :mod:`videre.mkdocs.shells`) and, when only existing offer files
changed, does the part of a build those files can affect:

1. reload the data tree, reading only the changed files again
   (:class:`videre.catalog.load.FileCache`); the cross-checks run over the
   whole catalogue as in a full build, and errors fail the same way;
2. build the offers' own pages (with their printed sheets) and the page and
   handout of each municipality that shows them (videre.site.rebuild);
3. write only those whose content differs from the last build: an offer page
   is filled into its shell, any other page goes through MkDocs' own page
   steps (Markdown, theme, the adapter's post-page step), a file is written as is;
   then the browsers reload;
4. once the edits pause, build every shared list and export in a thread and
   write those that changed the same way (this takes seconds at national
   scale, so it gives way to a newer edit), and let the search index catch up
   in the background (:mod:`videre.mkdocs.preview`).

Anything else (a new, renamed or deleted file, another kind of record,
``kommuner.yaml``, ``docs/``, templates, code, a change of a page's layout or a
nav title) falls back to MkDocs' full rebuild: correctness first. The order of
these steps is written out in :meth:`videre.mkdocs.adapter.VidereBuild.update`,
which calls the pieces here. The update
writes exactly the bytes a full build would; ``tests/mkdocs/test_live_update.py``
checks that against a fresh build. ``mkdocs build`` never comes here.
"""

from __future__ import annotations

import dataclasses
import hashlib
import logging
import os
import threading
import time
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from pathlib import Path, PurePosixPath
from typing import Any

import watchdog.events
from mkdocs.commands import build as mkdocs_build
from mkdocs.exceptions import Abort, BuildError
from mkdocs.structure.files import InclusionLevel

from ..catalog.catalog import Catalog
from ..catalog.load import FileCache
from ..pages import Page
from . import preview, shells

log = logging.getLogger("mkdocs.hooks.videre")
_build_log = logging.getLogger("mkdocs.commands.build")  # where MkDocs itself reports a failed build

OFFER_FILES = (("offers", "*", "*.yaml"), ("partners", "*", "*.yaml"))
"""Record files (below ``data/``) that an update can handle: municipal and partner offers."""

Update = Callable[[set[Path]], bool]
"""Changed paths below the data tree → whether they were applied (False: MkDocs' full rebuild must do it)."""
Shared = Callable[[Callable[[], bool]], tuple[list[Page], list[Any]] | None]
"""stale → every shared page and static file (with ``path`` and ``content``) to check, or None when ``stale()``
said yes on the way (a newer edit came, so the work gives way)."""


def _digest(text: str) -> bytes:
    return hashlib.blake2b(text.encode("utf-8"), digest_size=16).digest()


def _is_offer_file(relative: PurePosixPath) -> bool:
    return any(relative.match("/".join(pattern)) and len(relative.parts) == 3 for pattern in OFFER_FILES)


@dataclass
class _Built:
    """What the last full build left: enough to redo a part of it."""

    catalog: Catalog
    plan: shells.Plan
    pages: dict[str, bytes]
    """Page source path → digest of the Markdown the site builder gave (before shells and stashes)."""
    files: dict[str, bytes]
    """Static file path → digest of its content."""
    config: Any = None
    mkdocs_files: Any = None
    nav: Any = None
    env: Any = None
    site_dir: Path | None = None


class LiveSite:
    """One `mkdocs serve` session: remembers the last build and applies edits of offer files to it."""

    def __init__(self) -> None:
        self.cache = FileCache()
        self.built: _Built | None = None
        self.ready = False
        self.generation = 0
        """Counts builds and updates; a shared update that finds it changed gives way."""
        self._work = threading.Lock()
        """Held while the site or what we know of it changes: by a build, an update, a shared update's writes."""
        self._lock = threading.Lock()
        """Held while noting changed paths (the watcher's thread)."""
        self._server: Any = None
        self._shared_thread: threading.Thread | None = None
        self.quiet_seconds = preview.QUIET_SECONDS
        self._changed: set[Path] = set()
        self._full = False
        self.data_dir: Path | None = None
        self.index: preview.BackgroundIndex | None = None

    # ------------------------------------------------------------ what a full build tells us (the adapter's steps)

    def build_started(self) -> None:
        self.ready = False

    def remember(self, catalog: Catalog, pages: Iterable[Page], files: Iterable[Any], plan: shells.Plan) -> None:
        """on_files: the records and what the site builder made of them."""
        self.built = _Built(
            catalog, plan, {p.src_uri: _digest(p.markdown) for p in pages}, {f.path: _digest(f.content) for f in files}
        )

    def remember_nav(self, nav: Any) -> None:
        if self.built is not None:
            self.built.nav = nav

    def remember_env(self, env: Any, config: Any, files: Any) -> None:
        if self.built is not None:
            self.built.env, self.built.config, self.built.mkdocs_files = env, config, files

    def build_done(self, site_dir: Path) -> None:
        """on_post_build: the site is complete; later edits may update it."""
        if self.built is not None and self.built.nav is not None and self.built.env is not None:
            self.built.site_dir = site_dir
            self.ready = True

    # ------------------------------------------------------------ the server

    def attach(
        self,
        server: Any,
        builder: Callable[..., None],
        data_dir: Path,
        update: Update,
        index: preview.BackgroundIndex | None,
    ) -> Any:
        """on_serve: watch the data tree ourselves and put ``update`` before MkDocs' full rebuild."""
        self.data_dir = Path(os.path.abspath(data_dir))
        self.index = index
        self._server = server
        self._watch(server)

        def build(config: Any = None) -> None:
            with self._work:
                self.generation += 1
                with self._lock:
                    changed, full = self._changed, self._full
                    self._changed, self._full = set(), False
                if config is None and not full and changed and self.ready:
                    try:
                        if update(changed):
                            return
                    except BuildError as exc:  # reported as MkDocs reports a failed build; the last build stays
                        _build_log.error(str(exc))
                        raise Abort("Aborted with a BuildError!") from None
                    except Exception:
                        self.ready = False  # half applied: the next change rebuilds everything
                        raise
                builder(config)

        server.builder = build
        return server

    def note(self, path: str, *, directory: bool = False, kind: str = "modified") -> None:
        """A watched path changed: below the data tree it is noted for the update; anywhere else, or a
        folder that came or went, means a full build. Hidden files (editors' swap files) are no records."""
        data = str(self.data_dir)
        with self._lock:
            if not (path == data or path.startswith(data + os.sep)):
                self._full = True
            elif directory:
                if kind != "modified":
                    self._full = True
            elif not any(part.startswith(".") for part in Path(path).relative_to(data).parts):
                self._changed.add(Path(path))

    def _watch(self, server: Any) -> None:
        """Every path the server watches reports to :meth:`note` too; the server still starts the build."""

        def note(event: watchdog.events.FileSystemEvent) -> None:
            for path in (event.src_path, getattr(event, "dest_path", "")):
                if path:
                    self.note(os.fsdecode(path), directory=event.is_directory, kind=event.event_type)

        handler = watchdog.events.FileSystemEventHandler()
        handler.on_any_event = note  # type: ignore[method-assign]
        watched: set[str] = set()

        def follow(path: str) -> None:
            path = os.path.abspath(path)
            if path not in watched:
                watched.add(path)
                server.observer.schedule(handler, path, recursive=True)

        for path in list(getattr(server, "_watched_paths", {})):  # watched before on_serve: docs/, mkdocs.yml
            follow(path)
        follow(str(self.data_dir))
        original = server.watch

        def watch(path: str, func: None = None, *, recursive: bool = True) -> None:
            original(path, func, recursive=recursive)
            follow(path)

        server.watch = watch

    # ------------------------------------------------------------ the update

    @property
    def catalog(self) -> Catalog:
        """The records the site was last built or updated from."""
        assert self.built is not None
        return self.built.catalog

    def only_offer_files(self, changed: set[Path]) -> bool:
        """Every changed path is an existing offer file that the last load read."""
        assert self.data_dir is not None
        data = self.data_dir.resolve()
        for path in (p.resolve() for p in changed):
            relative = PurePosixPath(path.relative_to(data).as_posix())
            if not _is_offer_file(relative) or not path.is_file() or path not in self.cache.files:
                return False
        return True

    def changed_offers(self, catalog: Catalog) -> frozenset[str] | None:
        """The ids of the offers that differ from the last build; None when anything but their content changed."""
        return _changed_offers(self.catalog, catalog)

    def write_own(self, pages: list[Page], files: list[Any], *, catalog: Catalog, started: float) -> bool:
        """Write the offers' own pages and files that changed, now (the browsers reload when the build step
        returns); False when a full build must do it."""
        built = self.built
        assert built is not None and built.site_dir is not None
        written = self._apply(pages, files)
        if written is None:
            return False
        built.catalog = catalog
        self._refresh_index()
        log.info(
            "Opdateret uden fuld genopbygning: %d sider og filer skrevet på %.2f s",
            written,
            time.perf_counter() - started,
        )
        return True

    def update_shared_later(self, shared: Shared) -> None:
        """The shared lists and exports follow in a thread (:meth:`_update_shared`), as the search index does."""
        self._shared_thread = threading.Thread(target=self._update_shared, daemon=True, args=(self.generation, shared))
        self._shared_thread.start()

    def settle(self, timeout: float = 300) -> None:
        """Wait for the shared update of the last edit (tests)."""
        if self._shared_thread is not None:
            self._shared_thread.join(timeout)

    def _update_shared(self, generation: int, shared: Shared) -> None:
        """The shared pages and files after an update: built here once the edits have paused for
        :data:`videre.mkdocs.preview.QUIET_SECONDS` (building them takes seconds of the one core Python uses,
        which the next edit's own pages should have), written unless a newer build came meanwhile."""
        time.sleep(self.quiet_seconds)
        if generation != self.generation:
            return  # the newer update brings its own
        started = time.perf_counter()
        try:
            built = shared(lambda: generation != self.generation)
            if built is None:
                return  # a newer edit came while building; its own update follows
            pages, files = built
            with self._work:
                if generation != self.generation or not self.ready:
                    return  # the newer build or update brings its own
                written = self._apply(pages, files)
                if written is None:  # cannot happen for the content of existing offers; be safe
                    self.ready = False
                    self._request_build()
                    return
                self._refresh_index()
                self._reload_browsers()
            log.info(
                "Lister og åbne data opdateret: %d sider og filer skrevet på %.2f s",
                written,
                time.perf_counter() - started,
            )
        except Exception as exc:
            self.ready = False
            log.warning("Lister og åbne data kunne ikke opdateres (%s); næste ændring bygger hele sitet", exc)

    def _apply(self, pages: list[Page], files: list[Any]) -> int | None:
        """Write the pages and files whose content changed; how many, or None when a full build must do it."""
        built = self.built
        assert built is not None and built.site_dir is not None
        plan = built.plan
        writes: list[tuple[Path, str]] = []
        rendered: list[tuple[Any, str]] = []
        stashes: dict[str, dict[str, str]] = {}
        for page in pages:
            if built.pages.get(page.src_uri) == _digest(page.markdown):
                continue
            if page.src_uri not in built.pages:
                return None
            if plan.is_member(page.src_uri):
                filled = plan.refill(page)
                if filled is None:
                    return None
                writes.append((built.site_dir / filled[0] / "index.html", filled[1]))
            else:
                file = built.mkdocs_files.get_file_from_path(page.src_uri)
                if file is None or file.page is None:
                    return None
                stashed, found = shells.stash(page)
                stashes[page.src_uri] = found
                rendered.append((file, stashed.markdown))
        for item in files:
            if built.files.get(item.path) == _digest(item.content):
                continue
            if item.path not in built.files:
                return None
            writes.append((built.site_dir / item.path, item.content))
        if not self._render(rendered, stashes):
            return None
        for target, text in writes:
            _replace(target, text)
        built.pages.update((p.src_uri, _digest(p.markdown)) for p in pages)
        built.files.update((f.path, _digest(f.content)) for f in files)
        return len(writes) + len(rendered)

    def _refresh_index(self) -> None:
        built = self.built
        if self.index is not None and built is not None and built.site_dir is not None:
            self.index.build_started()
            self.index.after_build(built.site_dir)

    def _reload_browsers(self) -> None:
        """Tell the open pages to reload, as the server does after a build; not while a build is under way.
        (The server has no public call for it; these are the fields its own build loop sets.)"""
        server = self._server
        if server is None or not hasattr(server, "_epoch_cond"):
            return
        with server._rebuild_cond:
            if server._want_rebuild:
                return  # a build is about to start; it reloads them
            with server._epoch_cond:
                if server._visible_epoch != server._wanted_epoch:
                    return  # a build is under way
                epoch = max(round(time.monotonic() * 1000), server._wanted_epoch + 1)
                server._wanted_epoch = server._visible_epoch = epoch
                server._epoch_cond.notify_all()

    def _request_build(self) -> None:
        server = self._server
        with self._lock:
            self._full = True
        if server is not None and hasattr(server, "_rebuild_cond"):
            with server._rebuild_cond:
                server._want_rebuild = True
                server._rebuild_cond.notify_all()

    def _render(self, rendered: list[tuple[Any, str]], stashes: dict[str, dict[str, str]]) -> bool:
        """Pages that MkDocs renders: read and render all first (a nav title may not change), then write."""
        built = self.built
        assert built is not None
        if not rendered:
            return True
        config, files = built.config, built.mkdocs_files
        for src, found in stashes.items():
            if found:
                built.plan.stashes[src] = found
            else:
                built.plan.stashes.pop(src, None)
        for file, markdown in rendered:
            title = file.page.title
            file.content_string = markdown
            mkdocs_build._populate_page(file.page, config, files)
            if file.page.title != title and file.inclusion.is_in_nav():
                return False
        doc_files = files.documentation_pages(inclusion=InclusionLevel.is_in_serve)
        for file, _ in rendered:
            target = Path(file.abs_dest_path)
            if target.exists():
                target.unlink()  # a new inode: the search index's snapshot keeps the old one
            mkdocs_build._build_page(file.page, config, doc_files, built.nav, built.env)
        return True


def _same(before: Iterable[Any], after: Iterable[Any]) -> bool:
    before, after = tuple(before), tuple(after)
    return len(before) == len(after) and all(a is b or a == b for a, b in zip(before, after))


_OTHER_KINDS = tuple(f.name for f in dataclasses.fields(Catalog) if f.name not in ("offers", "partner_offers"))
"""Every catalog field but the offers: a change to any of them is not a change this update can make."""


def _changed_offers(before: Catalog, after: Catalog) -> frozenset[str] | None:
    """The ids of the offers that differ; None when anything but the content of existing offers changed."""
    for name in _OTHER_KINDS:
        old, new = getattr(before, name), getattr(after, name)
        if not (old == new if name in ("register", "contacts") else _same(old, new)):
            return None
    changed: set[str] = set()
    for old, new in ((before.offers, after.offers), (before.partner_offers, after.partner_offers)):
        if [o.id for o in old] != [o.id for o in new]:
            return None
        changed.update(n.id for o, n in zip(old, new) if o is not n and o != n)
    return frozenset(changed)


def _replace(target: Path, text: str) -> None:
    """Write through a new file and a rename: a reader never sees half a file, and the search index's
    snapshot of hard links (videre.mkdocs.preview) keeps the old inode."""
    target.parent.mkdir(parents=True, exist_ok=True)
    temporary = target.with_name(f".{target.name}.videre-ny")
    temporary.write_text(text, encoding="utf-8")
    os.replace(temporary, target)
