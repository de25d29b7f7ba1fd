"""`make serve`: the search index is rebuilt in the background, so an edit shows at once.

Pagefind takes seconds at national scale (about 2 ms of CPU per page, ~5,000
offer pages). Under `mkdocs serve` every saved record rebuilds the site, and
waiting for the index each time made the edit loop slow. Here the first build
indexes as usual. Later builds get the previous index at once (the site's
``pagefind`` folder is a link to it), and a new index is built in a thread once
the edits have paused for :data:`QUIET_SECONDS`; then the link points to it.
Search may lag behind the pages for those seconds; the pages themselves never do.
``mkdocs build`` never comes here.
"""

from __future__ import annotations

import logging
import os
import shutil
import tempfile
import threading
import time
from pathlib import Path

from ..search import pagefind as search

QUIET_SECONDS = 2.0
log = logging.getLogger("mkdocs.hooks.videre")


class BackgroundIndex:
    def __init__(self) -> None:
        self.cache = Path(tempfile.mkdtemp(prefix="videre-pagefind-"))
        self.generation = 0
        """Counts builds. Only the build (main) thread changes it; index threads read it to see if they are stale."""

    @property
    def current(self) -> Path:
        return self.cache / "current"

    def build_started(self) -> None:
        """Call at the start of each build (on_pre_build): a waiting background index gives way."""
        self.generation += 1

    def after_build(self, site_dir: Path) -> None:
        """Call at the end of each build (on_post_build)."""
        generation = self.generation
        if not self.current.exists():
            search.build_index(site_dir)  # the first build: index now, and keep a copy for later builds
            shutil.copytree(site_dir / "pagefind", self.cache / "bundle-0")
            os.symlink("bundle-0", self.current)
            return
        self._link(site_dir)
        threading.Thread(target=self._rebuild, args=(site_dir, generation), daemon=True).start()

    def _link(self, site_dir: Path) -> None:
        target = site_dir / "pagefind"
        if target.is_symlink() or target.is_file():
            target.unlink()
        elif target.is_dir():
            shutil.rmtree(target)
        temporary = site_dir / ".pagefind-link"
        if temporary.is_symlink():
            temporary.unlink()
        os.symlink(os.path.realpath(self.current), temporary)
        os.replace(temporary, target)

    def _rebuild(self, site_dir: Path, generation: int) -> None:
        time.sleep(QUIET_SECONDS)
        if generation != self.generation:
            return  # another build came; its own thread will index
        staging = Path(tempfile.mkdtemp(prefix="site-", dir=self.cache))
        try:
            # A snapshot of hard links: MkDocs' next build deletes and rewrites the files, never these inodes.
            shutil.copytree(
                site_dir,
                staging / "site",
                ignore=shutil.ignore_patterns("pagefind", ".*"),
                symlinks=True,
                copy_function=os.link,
            )
            search.build_index(staging / "site")
            bundle = self.cache / f"bundle-{generation}"
            os.replace(staging / "site" / "pagefind", bundle)
            link = self.cache / "current-new"
            os.symlink(bundle.name, link)
            os.replace(link, self.current)
            if generation == self.generation:
                self._link(site_dir)
            for old in self.cache.glob("bundle-*"):
                if old != bundle:
                    shutil.rmtree(old, ignore_errors=True)
            log.info("Søgeindeks opdateret i baggrunden")
        except Exception as exc:
            log.warning("Søgeindekset kunne ikke bygges i baggrunden: %s", exc)
        finally:
            shutil.rmtree(staging, ignore_errors=True)
